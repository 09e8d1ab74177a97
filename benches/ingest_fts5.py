#!/usr/bin/env python3
"""The end-to-end ingest peer of issue 13: what an app developer would write
without ketluan. It reads every .txt file of a folder, splits each document
with regular expressions (title block: issuing body and meeting date; agenda
items numbered "1.", "2." …; the cited submission of each item) and inserts one
row per item into an SQLite FTS5 table (unicode61, diacritics removed), with the
document's metadata in a plain table, committing every 1,000 documents.

    python3 benches/ingest_fts5.py FOLDER DATABASE

Prints documents, items and seconds. Single process, as such a script is.
Compare with `ketluan index FOLDER --index DIR` on the same folder (see
BENCHMARKS.md, "End-to-end ingest").
"""

import os
import re
import sqlite3
import sys
import time
import unicodedata

ITEM = re.compile(r"^\s*(\d{1,2})\.\s+(.*)$")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
BODY = re.compile(r"^\s*(?:CỦA\s+)?(BAN THƯỜNG VỤ|BAN CHẤP HÀNH|THƯỜNG TRỰC)\s+(.*)$")
CITATION = re.compile(
    r"(Tờ trình|Báo cáo|Đề án|Công văn)\s+số\s+([0-9A-Za-zĐđ/\-]+)(?:,?\s*ngày\s+(\d{1,2}/\d{1,2}/\d{4}))?"
    r"(?:\s+của\s+(.*?))?\s+về\s+(.*)"
)


def parse(text):
    """(issuing body, meeting date, [(number, topic, reference, body, text)])."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    lines = text.split("\n")
    body = None
    date = None
    items = []
    current = None
    for line in lines:
        if body is None:
            m = BODY.match(line)
            if m:
                body = (m.group(1) + " " + m.group(2)).strip()
        if date is None:
            m = DATE.search(line)
            if m:
                date = "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1)))
        m = ITEM.match(line)
        if m:
            rest = m.group(2)
            c = CITATION.search(rest)
            current = [
                int(m.group(1)),
                c.group(5) if c else rest,
                c.group(2) if c else None,
                c.group(4) if c else None,
                [rest],
            ]
            items.append(current)
        elif current is not None and line.strip():
            current[4].append(line)
    return body, date, [(n, t, r, b, "\n".join(x)) for n, t, r, b, x in items]


def main():
    folder, database = sys.argv[1], sys.argv[2]
    if os.path.exists(database):
        os.remove(database)
    start = time.monotonic()
    db = sqlite3.connect(database)
    db.execute(
        "CREATE VIRTUAL TABLE items USING fts5(topic, text, bodies, reference UNINDEXED,"
        " key UNINDEXED, item UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute("CREATE TABLE documents (key TEXT PRIMARY KEY, body TEXT, date TEXT)")
    documents = items = 0
    paths = []
    for root, _, files in os.walk(folder):
        paths.extend(os.path.join(root, f) for f in files if f.endswith(".txt"))
    paths.sort()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            body, date, parsed = parse(f.read())
        db.execute("INSERT INTO documents VALUES (?, ?, ?)", (path, body, date))
        db.executemany(
            "INSERT INTO items (topic, text, bodies, reference, key, item) VALUES (?, ?, ?, ?, ?, ?)",
            [(t, x, " ".join(filter(None, [body, b])), r, path, n) for n, t, r, b, x in parsed],
        )
        documents += 1
        items += len(parsed)
        if documents % 1000 == 0:
            db.commit()
    db.commit()
    db.close()
    print(f"documents: {documents}, items: {items}, seconds: {time.monotonic() - start:.2f}")


if __name__ == "__main__":
    main()
