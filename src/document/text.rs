//! Lines of a document as exported from Word, PDF-to-text or Markdown, with
//! their original line numbers, markdown markers removed and page breaks
//! repaired.

use std::borrow::Cow;

use super::casing::{is_alnum, is_alpha, is_lower};

/// The first `max` bytes of `text` at most, cut back to a character boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `s.split(' ')`, splitting at the bytes: the standard searcher calls
/// memchr once per word, which costs more than the word.
pub(crate) fn split_spaces(s: &str) -> impl Iterator<Item = &str> + Clone {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The first occurrence of `needle` in `hay`, as [`str::find`] gives it.
/// The needles the parser looks for are a few bytes long and its haystacks
/// lines and paragraphs: a scan for the first byte costs less than setting up
/// the standard library's two-way searcher for each call.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    let last_start = h.len().checked_sub(n.len())?;
    let mut from = 0;
    while from <= last_start {
        // A match of valid UTF-8 in valid UTF-8 starts on a char boundary.
        let i = from + h[from..=last_start].iter().position(|&b| b == first)?;
        if h[i + 1..i + n.len()] == *rest {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Where the first of `needles` occurs in `hay`: the least [`find`] of
/// them. Each needle after the first is looked for only up to the best
/// place found so far.
pub(crate) fn find_first(hay: &str, needles: &[&str]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for n in needles {
        // An occurrence that starts before `b` ends before `b + n.len()`.
        let within = match best {
            Some(b) => prefix(hay, b + n.len()),
            None => hay,
        };
        if let Some(i) = find(within, n)
            && best.is_none_or(|b| i < b)
        {
            best = Some(i);
        }
    }
    best
}

/// Whether `hay` contains `needle` ([`find`]).
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// One line of the input, cleaned.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the input (see [`Line::no`]).
    number: u32,
    /// The line as given (normalized), tabs and indentation included; a cell
    /// piece for a markdown table row.
    pub raw: &'a str,
    /// Markdown removed, trimmed, runs of white space collapsed; empty for
    /// blank lines. Borrowed from the input when cleaning changed nothing
    /// inside the line.
    pub text: Cow<'a, str>,
    /// `raw` opens a `**` that it does not close.
    pub opens_bold: bool,
}

impl Line<'_> {
    /// 1-based line number in the input.
    pub fn no(&self) -> usize {
        self.number as usize
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits normalized text into lines (LF, CRLF or lone CR); a form feed is a
/// page break and becomes a blank line. A page number on a line of its own is
/// blanked when a blank line is on either side of it or it is pushed to the
/// right (the next page's text often follows it directly). A markdown table
/// row becomes its cells one after the other, each `<br>` a line break, so a
/// header or signature laid out as a table reads like one column after the
/// other; its separator row and lines of OCR specks (`|`, `_`) are blank.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    // One line per line break, a few more for form feeds and table cells.
    let count = |byte: u8| text.bytes().fold(0, |n, b| n + usize::from(b == byte));
    let cr = text.as_bytes().contains(&b'\r');
    let breaks = match count(b'\n') {
        0 if cr => count(b'\r'),
        n => n,
    };
    let mut out = Vec::with_capacity(breaks + 1);
    let form_feeds = text.as_bytes().contains(&0x0C);
    // Four billion lines would need hundreds of gigabytes of `Line`s: the
    // count saturates rather than wraps, and never does in practice.
    let mut no: u32 = 0;
    // Where a new page starts: after a form feed.
    let mut page_starts: Vec<usize> = Vec::new();
    for physical in split_lines(text, cr) {
        no = no.saturating_add(1);
        if form_feeds {
            for (k, part) in physical.split('\u{000C}').enumerate() {
                if k > 0 {
                    out.push(blank(no));
                    page_starts.push(out.len());
                }
                push_part(&mut out, no, part);
            }
        } else {
            push_part(&mut out, no, physical);
        }
    }
    for i in 0..out.len() {
        let before = i == 0 || out[i - 1].is_blank();
        let after = out.get(i + 1).is_none_or(Line::is_blank);
        let pushed_right = out[i].raw.len() - out[i].raw.trim_start().len() >= 8;
        if (before || after || pushed_right) && is_page_number(&out[i].text) {
            out[i].text = Cow::Borrowed("");
            page_starts.push(i + 1);
        }
    }
    drop_running_heads(&mut out, &page_starts);
    out
}

/// The lines of one piece of a physical line (between form feeds).
fn push_part<'a>(out: &mut Vec<Line<'a>>, no: u32, part: &'a str) {
    if let Some(cells) = table_cells(part) {
        for cell in cells {
            out.push(blank(no));
            for piece in cell {
                let (text, opens_bold) = clean(piece);
                out.push(Line {
                    number: no,
                    raw: piece,
                    text,
                    opens_bold,
                });
            }
        }
        out.push(blank(no));
        return;
    }
    let (mut text, opens_bold) = clean(part);
    if is_speck(&text) {
        text = Cow::Borrowed("");
    }
    out.push(Line {
        number: no,
        raw: part,
        text,
        opens_bold,
    });
}

fn blank(number: u32) -> Line<'static> {
    Line {
        number,
        raw: "",
        text: Cow::Borrowed(""),
        opens_bold: false,
    }
}

/// The physical lines of `text`, which has a CR somewhere when `cr` is true.
fn split_lines(text: &str, cr: bool) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut done = text.is_empty();
    // Most texts have no CR: a line ends at the next LF, found by memchr.
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = if cr {
            rest.bytes().position(|b| b == b'\n' || b == b'\r')
        } else {
            rest.find('\n')
        };
        match end {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                if rest.is_empty() {
                    done = true;
                }
                Some(line)
            }
            None => {
                done = true;
                Some(rest)
            }
        }
    })
}

/// Blanks the running header at the top of each page (`Kết luận số 1187-KL/TU
/// ngày 21/5/2024 của …` above the text of pages 2, 3 …): the first line of a
/// page when the same line (digits aside) opens another page too, or when it
/// is centred far to the right as PDF exports lay out page headers.
fn drop_running_heads(lines: &mut [Line<'_>], page_starts: &[usize]) {
    let mut first_lines: Vec<usize> = page_starts
        .iter()
        .filter_map(|&s| (s..lines.len().min(s + 3)).find(|&i| !lines[i].is_blank()))
        .collect();
    // A form feed and the page number after it both start the same page.
    first_lines.sort_unstable();
    first_lines.dedup();
    if first_lines.is_empty() {
        return;
    }
    let shape = |t: &str| -> String {
        t.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let shapes: Vec<String> = first_lines.iter().map(|&i| shape(&lines[i].text)).collect();
    for (k, &i) in first_lines.iter().enumerate() {
        let l = &lines[i];
        let repeated = shapes.iter().filter(|s| **s == shapes[k]).count() > 1;
        let indent = l.raw.len() - l.raw.trim_start().len();
        let centred = indent >= 20 && l.text.len() < 150 && ends_open(&l.text);
        if (repeated || centred) && l.text.len() < 200 {
            lines[i].text = Cow::Borrowed("");
        }
    }
}

/// A markdown table row (`| a<br>b | c |`): its cells, each split at `<br>`;
/// `None` for any other line. The separator row (`|:---|---:|`) has no cells.
fn table_cells(raw: &str) -> Option<Vec<Vec<&str>>> {
    let t = raw.trim();
    if t.len() < 2 || !t.starts_with('|') || !t.ends_with('|') {
        return None;
    }
    let inner = &t[1..t.len() - 1];
    if inner
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
    {
        return Some(Vec::new());
    }
    let cells = inner
        .split('|')
        .map(|cell| split_br(cell).into_iter().map(str::trim).collect())
        .collect();
    Some(cells)
}

/// Splits at `<br>`, `<br/>`, `<br />` in any case.
fn split_br(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = cell;
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some(i) = lower.find("<br") else {
            out.push(rest);
            return out;
        };
        let Some(close) = lower[i..].find('>') else {
            out.push(rest);
            return out;
        };
        out.push(&rest[..i]);
        rest = &rest[i + close + 1..];
    }
}

/// A line of scanner specks: only `|`, `_`, `¦`, `~` and spaces.
fn is_speck(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '|' | '_' | '¦' | '~' | ' ' | '`'))
}

/// `2`, `- 2 -`, `-2-`, `Trang 2`, `Trang 2/5`.
fn is_page_number(text: &str) -> bool {
    let t = text
        .strip_prefix("Trang ")
        .or_else(|| text.strip_prefix("trang "))
        .or_else(|| text.strip_prefix("Page "))
        .unwrap_or(text);
    let t = t.trim_matches(|c: char| c == '-' || c == ' ');
    // "3" or "3/12" (page of pages), never a date such as "30/9/2024; …" or "30/9".
    let number = |n: &str| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit());
    match t.split_once('/') {
        Some((page, of)) => {
            let (page, of) = (page.trim(), of.trim());
            number(page) && number(of) && page.parse::<u16>().ok() <= of.parse::<u16>().ok()
        }
        None => number(t),
    }
}

/// Removes markdown markers and collapses white space. Returns the cleaned
/// text (borrowed when only the ends were trimmed) and whether the line leaves
/// a `**` open.
pub(crate) fn clean(raw: &str) -> (Cow<'_, str>, bool) {
    let mut s = raw.trim();
    // Block markers: headings and quotes.
    loop {
        let before = s;
        if s.starts_with('#') {
            let t = s.trim_start_matches('#');
            if t.starts_with(' ') || t.is_empty() {
                s = t.trim_start();
            }
        }
        if let Some(t) = s.strip_prefix('>') {
            s = t.trim_start();
        }
        if s == before {
            break;
        }
    }
    if is_plain(s) {
        return (repair_digits(s), false);
    }
    let (stars, underscores) = (pairs(s, b'*'), pairs(s, b'_'));
    let opens_bold = stars % 2 == 1 || underscores % 2 == 1;
    let mut out = String::with_capacity(s.len());
    // The character before the one at `i` in `s` (not in `out`).
    let mut prev: Option<char> = None;
    let mut pending_space = false;
    let mut i = 0;
    while i < s.len() {
        // Characters that can only be text are copied a run at a time.
        let run = ordinary_run(s, i);
        if run > i {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&s[i..run]);
            prev = s[..run].chars().next_back();
            i = run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let after = i + c.len_utf8();
        let next = s[after..].chars().next();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                push(&mut out, &mut pending_space, next.unwrap_or(' '));
                prev = next;
                i = after + next.map_or(0, char::len_utf8);
                continue;
            }
            '*' | '_' if next == Some(c) => {
                prev = next;
                i = after + c.len_utf8();
                continue;
            }
            '*' => {
                // A lone star is a separator (`*` under the header) and a star
                // inside a word is text; any other star is emphasis.
                let space_before = prev.is_none_or(char::is_whitespace);
                let space_after = next.is_none_or(char::is_whitespace);
                let inside_word = prev.is_some_and(is_alnum) && next.is_some_and(is_alnum);
                if inside_word || space_before && space_after {
                    push(&mut out, &mut pending_space, c);
                }
            }
            // A stray bar between words is a scanner speck or a web page's
            // separator, not text.
            '|' if prev.is_none_or(char::is_whitespace)
                && next.is_none_or(|n| n.is_whitespace() || n == ',' || n == '.') =>
            {
                if next.is_some_and(|n| n == ',' || n == '.') {
                    pending_space = false;
                }
            }
            c if c.is_whitespace() => pending_space = !out.is_empty(),
            c if c.is_control() => pending_space = !out.is_empty(),
            c => push(&mut out, &mut pending_space, c),
        }
        prev = Some(c);
        i = after;
    }
    let out = match repair_digits(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(fixed) => fixed,
    };
    (Cow::Owned(out), opens_bold)
}

/// The end of the run of characters from `i` that [`clean`] can only copy:
/// none of `\\ * _ |`, white space or controls. A character that might be one
/// ends the run (the first bytes of U+0080..U+00A0, U+2000..U+205F and
/// U+3000, and U+1680's first two: Vietnamese letters of U+1EA0.. pass).
fn ordinary_run(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() {
        let stop = match b[j] {
            b'\\' | b'*' | b'_' | b'|' | 0..=0x20 | 0x7F | 0xC2 | 0xE2 | 0xE3 => true,
            0xE1 => b.get(j + 1) == Some(&0x9A),
            _ => false,
        };
        if stop {
            break;
        }
        j += 1;
    }
    j
}

/// Whether [`clean`] has nothing to do inside `s` (already trimmed, block
/// markers gone): no markdown, bars, tabs, double or odd spaces, or controls.
fn is_plain(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space = false;
    let mut i = 0;
    while i < b.len() {
        match PLAIN[usize::from(b[i])] {
            Plain::Yes => prev_space = false,
            Plain::No => return false,
            Plain::Space if prev_space => return false,
            Plain::Space => prev_space = true,
            // U+1EA0.. (Vietnamese letters) open with E1 too, U+1680 with E1 9A.
            Plain::Decode if b[i] == 0xE1 && b.get(i + 1) != Some(&0x9A) => prev_space = false,
            Plain::Decode => {
                prev_space = false;
                if let Some(c) = s[i..].chars().next() {
                    if c.is_control() || c.is_whitespace() {
                        return false;
                    }
                    i += c.len_utf8();
                    continue;
                }
            }
        }
        i += 1;
    }
    true
}

/// What [`is_plain`] makes of a byte.
#[derive(Clone, Copy)]
enum Plain {
    Yes,
    No,
    Space,
    /// The first byte of a character that may be a control or white space:
    /// beyond ASCII those are U+0080..U+00A0, U+1680, U+2000..U+205F and
    /// U+3000, whose first bytes are C2, E1, E2 and E3.
    Decode,
}

const PLAIN: [Plain; 256] = {
    let mut table = [Plain::Yes; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = Plain::No;
        b += 1;
    }
    table[0x7F] = Plain::No;
    table[b'*' as usize] = Plain::No;
    table[b'_' as usize] = Plain::No;
    table[b'\\' as usize] = Plain::No;
    table[b'|' as usize] = Plain::No;
    table[b' ' as usize] = Plain::Space;
    table[0xC2] = Plain::Decode;
    table[0xE1] = Plain::Decode;
    table[0xE2] = Plain::Decode;
    table[0xE3] = Plain::Decode;
    table
};

/// How many times `bb` occurs in `s` (`b` twice), counted left to right
/// without overlap as [`str::matches`] does.
fn pairs(s: &str, b: u8) -> usize {
    let bytes = s.as_bytes();
    let (mut count, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == b && bytes[i + 1] == b {
            count += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    count
}

/// OCR reads `1` as `l` or `I` and `0` as `O`: in a run of digits and those
/// letters that stands alone (no other letter touching it: `3l7-TTr`,
/// `202l`, `05/l0/2021`), the letters are digits. Same byte length, so
/// offsets hold. Words such as `C0VID` or `lO` are left alone.
pub(crate) fn repair_digits(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let lookalike = |c: u8| matches!(c, b'l' | b'I' | b'O' | b'o');
    // A digit next to a look-alike, either way round. Digits are rare: a
    // block of text without one is passed over in one (vectorised) test.
    const BLOCK: usize = 16;
    let suspicious = b.chunks(BLOCK).enumerate().any(|(k, block)| {
        block.iter().fold(false, |any, c| any | c.is_ascii_digit())
            && block.iter().enumerate().any(|(j, c)| {
                let i = k * BLOCK + j;
                c.is_ascii_digit()
                    && (i.checked_sub(1).is_some_and(|p| lookalike(b[p]))
                        || b.get(i + 1).is_some_and(|&n| lookalike(n)))
            })
    });
    if !suspicious {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_digit() || lookalike(b[i])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || lookalike(b[i])) {
            i += 1;
        }
        let run = &b[start..i];
        let letter_before = text[..start].chars().next_back().is_some_and(is_alpha);
        let letter_after = text[i..].chars().next().is_some_and(is_alpha);
        let digits = run.iter().filter(|c| c.is_ascii_digit()).count();
        if !letter_before && !letter_after && digits > 0 && digits < run.len() {
            for (k, &c) in run.iter().enumerate() {
                out[start + k] = match c {
                    b'l' | b'I' => b'1',
                    b'O' | b'o' => b'0',
                    c => c,
                };
            }
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    match String::from_utf8(out) {
        Ok(fixed) => Cow::Owned(fixed),
        Err(_) => Cow::Borrowed(text),
    }
}

fn push(out: &mut String, pending_space: &mut bool, c: char) {
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    out.push(c);
}

/// Columns of a raw line laid out with runs of spaces (PDF-to-text headers
/// and signature blocks): cleaned, empty ones dropped.
pub(crate) fn columns(raw: &str) -> Vec<Cow<'_, str>> {
    let mut cols = Vec::new();
    let mut start = 0;
    let mut run = 0;
    let mut run_start = 0;
    for (i, c) in raw.char_indices() {
        if c == ' ' || c == '\t' {
            if run == 0 {
                run_start = i;
            }
            run += if c == '\t' { 3 } else { 1 };
        } else {
            if run >= 3 {
                cols.push(&raw[start..run_start]);
                start = i;
            }
            run = 0;
        }
    }
    cols.push(&raw[start..]);
    cols.into_iter()
        .map(|c| clean(c).0)
        .filter(|c| !c.is_empty())
        .collect()
}

/// True when a sentence visibly continues after `text`.
pub(crate) fn ends_open(text: &str) -> bool {
    !text.ends_with(['.', ';', ':', '!', '?'])
}

pub(crate) fn starts_lowercase(text: &str) -> bool {
    let t = text.trim_start_matches(['(', '"', '“', '\'']);
    t.chars().next().is_some_and(is_lower)
}

/// `- `, `+ `, `(1)`, `a)`, `1.`: a line that starts a list entry of its own.
pub(crate) fn starts_list_entry(text: &str) -> bool {
    if text.starts_with("- ") || text.starts_with("+ ") || text.starts_with("• ") {
        return true;
    }
    let head: String = text.chars().take(6).collect();
    if let Some(rest) = head.strip_prefix('(')
        && let Some(close) = rest.find(')')
    {
        return close > 0 && rest[..close].chars().all(is_alnum);
    }
    let lead: String = head.chars().take_while(|&c| is_alnum(c)).collect();
    let n = lead.chars().count();
    let after_mark = &head[lead.len()..];
    (1..=3).contains(&n)
        && after_mark.starts_with([')', '.'])
        && after_mark[1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
        && (lead.chars().all(|c| c.is_ascii_digit()) || n == 1)
}

/// A paragraph assembled from lines, with where each line's text starts.
/// A paragraph of one line borrows that line's text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Paragraph<'a> {
    pub text: Cow<'a, str>,
    /// The input line of the first line, whose text starts at offset 0.
    first: Option<usize>,
    /// (byte offset in `text`, input line number) of the lines after the
    /// first, ascending.
    more: Vec<(usize, usize)>,
}

impl<'a> Paragraph<'a> {
    pub fn first_line(&self) -> usize {
        self.first.unwrap_or(0)
    }

    /// The input line of byte `offset` in `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        let i = self.more.partition_point(|l| l.0 <= offset);
        match i.checked_sub(1) {
            Some(k) => self.more[k].1,
            None => self.first_line(),
        }
    }

    pub fn append(&mut self, text: impl Into<Cow<'a, str>>, line: usize) {
        let text = text.into();
        if self.first.is_none() {
            // Only `append` writes `text`: it is still empty.
            self.first = Some(line);
            self.text = text;
            return;
        }
        let own = self.text.to_mut();
        if !own.is_empty() {
            own.push(' ');
        }
        self.more.push((own.len(), line));
        own.push_str(&text);
    }
}

/// Groups lines into paragraphs. A line joins the paragraph before it when the
/// sentence there is unfinished and the line continues it: after a hard wrap
/// (no blank line) unless it opens a list entry, or across a page break
/// (blank lines, page numbers) when it starts in lowercase.
pub(crate) fn paragraphs<'a>(lines: &'a [Line<'_>]) -> Vec<Paragraph<'a>> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut gap = true;
    for line in lines {
        if line.is_blank() {
            gap = true;
            continue;
        }
        let join = out.last().is_some_and(|p| {
            ends_open(&p.text)
                && !starts_list_entry(&line.text)
                && (!gap || starts_lowercase(&line.text))
        });
        match out.last_mut() {
            Some(p) if join => p.append(&*line.text, line.no()),
            _ => {
                let mut p = Paragraph::default();
                p.append(&*line.text, line.no());
                out.push(p);
            }
        }
        gap = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the lines that are not blank.
    fn non_blank<'a>(ls: &'a [Line<'_>]) -> Vec<&'a str> {
        ls.iter()
            .map(|l| &*l.text)
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// The plain-line test as first written, one character at a time.
    fn naive_is_plain(s: &str) -> bool {
        let mut prev_space = false;
        for c in s.chars() {
            let odd = match c {
                '*' | '_' | '\\' | '|' => true,
                ' ' => prev_space,
                c if c.is_ascii() => c.is_ascii_control(),
                c => c.is_control() || c.is_whitespace(),
            };
            if odd {
                return false;
            }
            prev_space = c == ' ';
        }
        true
    }

    #[test]
    fn the_plain_line_test_agrees_with_the_naive_one() {
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            for text in [format!("a{c}b"), format!("{c} {c}"), format!("x {c}")] {
                assert_eq!(is_plain(&text), naive_is_plain(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn look_alikes_next_to_digits_are_found_at_block_edges() {
        // A digit and a look-alike on either side of every byte of the first
        // blocks, with spaces around so that no letter touches the run.
        for at in 1..40 {
            for (pair, fixed) in [("7l", "71"), ("l7", "17")] {
                let mut text = " ".repeat(42);
                text.replace_range(at..at + 2, pair);
                assert_eq!(repair_digits(&text).trim(), fixed, "{at} {pair}");
            }
        }
    }

    #[test]
    fn find_agrees_with_the_standard_search() {
        let hay = "Tờ trình số 48 của Ban về việc, về ủy ban; số  ủy";
        let mut needles: Vec<&str> = vec!["", " ", "số ", " về ", "ủy", "y", ";", "x", hay];
        for (i, _) in hay.char_indices() {
            needles.push(&hay[i..]);
            needles.push(&hay[..i]);
        }
        for n in needles {
            for (start, _) in hay.char_indices() {
                let h = &hay[start..];
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn split_spaces_is_split_at_a_space() {
        for s in ["", " ", "a", " a", "a ", "a  b", "Tỉnh ủy  Lạng Sơn ", "  "] {
            let ours: Vec<&str> = split_spaces(s).collect();
            let std: Vec<&str> = s.split(' ').collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    #[test]
    fn find_first_is_the_least_find() {
        let hay = "Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của Ban về việc";
        let needles = [
            ", ", " ngày ", " của ", " về ", " xin ", " (", ";", " và ", "ày",
        ];
        for (start, _) in hay.char_indices() {
            let h = &hay[start..];
            for k in 0..needles.len() {
                let ns = &needles[k..];
                let least = ns.iter().filter_map(|n| h.find(n)).min();
                assert_eq!(find_first(h, ns), least, "{h:?} {ns:?}");
            }
        }
    }

    #[test]
    fn markdown_markers_are_removed() {
        assert_eq!(clean("**KẾT LUẬN**  ").0, "KẾT LUẬN");
        assert_eq!(
            clean("thông tin (*bảo đảm đầy đủ*); **trong ngày 08/3/2022**").0,
            "thông tin (bảo đảm đầy đủ); trong ngày 08/3/2022"
        );
        assert_eq!(clean("## 1\\. Tờ trình").0, "1. Tờ trình");
        assert_eq!(clean("> trích").0, "trích");
        assert_eq!(clean("   *   ").0, "*");
        assert!(clean("**T/M BAN THƯỜNG VỤ  ").1);
    }

    #[test]
    fn page_numbers_are_numbers_alone_never_dates() {
        for page in ["2", "- 3 -", "Trang 4", "Page 5/12", "12 / 30"] {
            assert!(is_page_number(page), "{page}");
        }
        for text in [
            "30/9/2024; kiên quyết thu hồi",
            "30/9",
            "2024a",
            "12345",
            "",
        ] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn a_page_break_before_a_page_number_keeps_the_next_line() {
        let ls = lines(
            "báo cáo Thường trực Tỉnh\n\n\u{000C}        2\n\nủy kết quả trước ngày\n30/9/2024; kiên quyết.\n",
        );
        let text = non_blank(&ls);
        assert_eq!(
            text,
            [
                "báo cáo Thường trực Tỉnh",
                "ủy kết quả trước ngày",
                "30/9/2024; kiên quyết."
            ]
        );
    }

    #[test]
    fn line_numbers_survive_every_line_ending() {
        let ls = lines("a\r\nb\rc\nd\u{000C}e");
        let got: Vec<(usize, &str)> = ls.iter().map(|l| (l.no(), &*l.text)).collect();
        assert_eq!(
            got,
            vec![(1, "a"), (2, "b"), (3, "c"), (4, "d"), (4, ""), (4, "e")]
        );
    }

    #[test]
    fn page_breaks_mid_sentence_are_repaired() {
        let ls = lines("để lựa chọn\n\n   - 2 -\n\nmô hình phù hợp.\n\nGiao Ban.");
        let ps = paragraphs(&ls);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].text, "để lựa chọn mô hình phù hợp.");
        assert_eq!(ps[0].line_at(ps[0].text.find("mô").unwrap()), 5);
        assert_eq!(ps[1].text, "Giao Ban.");
    }

    #[test]
    fn a_page_number_followed_by_the_next_page_is_dropped() {
        let ls = lines(
            "báo cáo trong tháng 10/2023.\n\n                    2\n2. Báo cáo số 95-BC/BTCTU",
        );
        let texts: Vec<&str> = ls.iter().map(|l| &*l.text).collect();
        assert_eq!(
            texts,
            [
                "báo cáo trong tháng 10/2023.",
                "",
                "",
                "2. Báo cáo số 95-BC/BTCTU"
            ]
        );
        // Without space around it or a push to the right, a number stays.
        let ls = lines("tổng số\n2\ntrường hợp");
        assert_eq!(ls[1].text, "2");
    }

    #[test]
    fn running_page_headers_are_dropped_and_the_sentence_mended() {
        let head = "                                         Kết luận số 11-KL/TU ngày 21/5/2024";
        let text = format!(
            "nhiều dự án\n\n                 Trang 1/3\n\x0c{head}\n\nchuyển tiếp chậm.\n\x0c{head}\n\nGiao Ban."
        );
        let ls = lines(&text);
        let ps = paragraphs(&ls);
        let texts: Vec<&str> = ps.iter().map(|p| &*p.text).collect();
        assert_eq!(texts, ["nhiều dự án chuyển tiếp chậm.", "Giao Ban."]);
    }

    #[test]
    fn markdown_table_rows_read_cell_by_cell() {
        let ls = lines(
            "| **TỈNH ỦY**<br>Số 15-KL/TU | *Hà Nội, ngày 2 tháng 3 năm 2024* |\n|:---:|:---:|\n",
        );
        let texts = non_blank(&ls);
        assert_eq!(
            texts,
            ["TỈNH ỦY", "Số 15-KL/TU", "Hà Nội, ngày 2 tháng 3 năm 2024"]
        );
        assert!(ls.iter().all(|l| l.no() <= 2));
    }

    #[test]
    fn ocr_look_alikes_in_numbers_are_digits() {
        assert_eq!(
            repair_digits("số 3l7-TTr, ngày 05/l0/202l"),
            "số 317-TTr, ngày 05/10/2021"
        );
        assert_eq!(repair_digits("dịch C0VID-19 và lO"), "dịch C0VID-19 và lO");
        assert_eq!(
            clean("Báo cáo số 320-BC/BCSĐ |, ngày 21/9/2021").0,
            "Báo cáo số 320-BC/BCSĐ, ngày 21/9/2021"
        );
    }

    #[test]
    fn columns_split_on_wide_gaps() {
        assert_eq!(
            columns("ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU          ĐẢNG CỘNG SẢN VIỆT NAM"),
            vec!["ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU", "ĐẢNG CỘNG SẢN VIỆT NAM"]
        );
    }
}
