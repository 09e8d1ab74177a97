//! Readable outlines and the JSON forms of documents.

use std::io::{self, Write};

use ketluan::extract::{Encoding, Format};
use ketluan::{AgendaItem, Document, Reference};
use serde::Serialize;
use time::Date;

/// Longest task text shown in an outline, in characters.
const TASK_CHARS: usize = 160;

/// `yyyy-mm-dd`, whatever `time`'s own `Display` does.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// `value` serialised as one JSON object with `"source"` as its first key.
pub fn json_with_source<T: Serialize>(source: &str, value: &T) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct WithSource<'a, T> {
        source: &'a str,
        #[serde(flatten)]
        value: &'a T,
    }
    serde_json::to_string(&WithSource { source, value })
}

/// A document as one JSON object: `"source"` (the file's path) first, then
/// the `"format"` and `"encoding"` its text was read from, then its fields.
pub fn document_json(source: &str, document: &Document) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct WithSource<'a> {
        source: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<Format>,
        #[serde(skip_serializing_if = "Option::is_none")]
        encoding: Option<Encoding>,
        #[serde(flatten)]
        document: &'a Document,
    }
    let mut document = document.clone();
    let from = document.source.take();
    serde_json::to_string(&WithSource {
        source,
        format: from.map(|s| s.format),
        encoding: from.map(|s| s.encoding),
        document: &document,
    })
}

/// How an unknown issuing body is shown (the facets' label too).
pub const UNKNOWN_BODY: &str = "(unknown)";

/// A document as a readable outline.
pub fn outline(out: &mut impl Write, source: &str, doc: &Document) -> io::Result<()> {
    writeln!(out, "== {source}")?;
    let kind = doc.kind.as_deref().unwrap_or("(no title)");
    match &doc.number {
        Some(number) => writeln!(out, "{kind} số {number}")?,
        None => writeln!(out, "{kind}")?,
    }
    if let Some(subject) = &doc.subject {
        writeln!(out, "subject:  {subject}")?;
    }
    writeln!(
        out,
        "body:     {}",
        doc.issuing_body.as_deref().unwrap_or(UNKNOWN_BODY)
    )?;
    if let Some(place) = &doc.place {
        writeln!(out, "place:    {place}")?;
    }
    if let Some(session) = doc.session {
        writeln!(out, "session:  {session}")?;
    }
    match doc.date {
        Some(date) => write!(out, "date:     {}", iso(date))?,
        None => write!(out, "date:     (unknown)")?,
    }
    match doc.issued_date {
        Some(issued) if Some(issued) != doc.date => writeln!(out, " (signed {})", iso(issued))?,
        _ => writeln!(out)?,
    }
    for item in &doc.items {
        writeln!(out)?;
        self::item(out, item)?;
    }
    if !doc.recipients.is_empty() {
        writeln!(out)?;
        writeln!(out, "recipients:")?;
        for recipient in &doc.recipients {
            writeln!(out, "  - {recipient}")?;
        }
    }
    if let Some(signer) = &doc.signer {
        let parts: Vec<&str> = [&signer.on_behalf, &signer.title, &signer.name]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        writeln!(out, "signer:   {}", parts.join(", "))?;
    }
    if !doc.warnings.is_empty() {
        writeln!(out, "warnings:")?;
        for warning in &doc.warnings {
            writeln!(out, "  line {}: {}", warning.line, warning.message)?;
        }
    }
    Ok(())
}

/// One agenda item: number, topic, reference, assignments and deadlines.
pub fn item(out: &mut impl Write, item: &AgendaItem) -> io::Result<()> {
    writeln!(out, "{}. {}", item.number, item.topic)?;
    if let Some(reference) = &item.reference {
        writeln!(out, "   reference:  {}", reference_line(reference))?;
    }
    for assignment in &item.assignments {
        write!(
            out,
            "   assigned:   {}: {}",
            assignment.assignee,
            shorten(&assignment.task, TASK_CHARS)
        )?;
        match &assignment.deadline {
            Some(deadline) => writeln!(out, " (by {deadline})")?,
            None => writeln!(out)?,
        }
    }
    if !item.deadlines.is_empty() {
        let deadlines: Vec<String> = item.deadlines.iter().map(|d| d.to_string()).collect();
        writeln!(out, "   deadlines:  {}", deadlines.join(", "))?;
    }
    Ok(())
}

/// "Tờ trình 48-TTr/BCSD of 2022-02-26 by Ban cán sự đảng …".
pub fn reference_line(reference: &Reference) -> String {
    let mut line = reference.kind.clone();
    if let Some(number) = &reference.number {
        line.push(' ');
        line.push_str(number);
    }
    if let Some(date) = reference.date {
        line.push_str(" of ");
        line.push_str(&iso(date));
    }
    if let Some(body) = &reference.body {
        line.push_str(" by ");
        line.push_str(body);
    }
    line
}

/// A titled list of counts, at most `top` of them, on one line.
pub fn counts<V: std::fmt::Display>(
    out: &mut impl Write,
    title: &str,
    counts: &[(V, u64)],
    top: usize,
) -> io::Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = counts
        .iter()
        .take(top)
        .map(|(value, count)| format!("{value} ({count})"))
        .collect();
    writeln!(out, "{title}: {}", shown.join("; "))
}

fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_string(),
    }
}
