//! Lines of a document as exported from Word, PDF-to-text or Markdown, with
//! their original line numbers, markdown markers removed and page breaks
//! repaired.

use std::borrow::Cow;

/// The first `max` bytes of `text` at most, cut back to a character boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// One line of the input, cleaned.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the input.
    pub no: usize,
    /// The line as given (normalized), tabs and indentation included; a cell
    /// piece for a markdown table row.
    pub raw: Cow<'a, str>,
    /// Markdown removed, trimmed, runs of white space collapsed; empty for blank lines.
    pub text: String,
    /// `raw` opens a `**` that it does not close.
    pub opens_bold: bool,
}

impl Line<'_> {
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
    let mut out = Vec::new();
    let mut no = 0;
    // Where a new page starts: after a form feed.
    let mut page_starts: Vec<usize> = Vec::new();
    for physical in split_lines(text) {
        no += 1;
        for (k, part) in physical.split('\u{000C}').enumerate() {
            if k > 0 {
                out.push(blank(no));
                page_starts.push(out.len());
            }
            if let Some(cells) = table_cells(part) {
                for cell in cells {
                    out.push(blank(no));
                    for piece in cell {
                        let (text, opens_bold) = clean(&piece);
                        out.push(Line {
                            no,
                            raw: Cow::Owned(piece),
                            text,
                            opens_bold,
                        });
                    }
                }
                out.push(blank(no));
                continue;
            }
            let (mut text, opens_bold) = clean(part);
            if is_speck(&text) {
                text.clear();
            }
            out.push(Line {
                no,
                raw: Cow::Borrowed(part),
                text,
                opens_bold,
            });
        }
    }
    for i in 0..out.len() {
        let before = i == 0 || out[i - 1].is_blank();
        let after = out.get(i + 1).is_none_or(Line::is_blank);
        let pushed_right = out[i].raw.len() - out[i].raw.trim_start().len() >= 8;
        if (before || after || pushed_right) && is_page_number(&out[i].text) {
            out[i].text.clear();
            page_starts.push(i + 1);
        }
    }
    drop_running_heads(&mut out, &page_starts);
    out
}

fn blank(no: usize) -> Line<'static> {
    Line {
        no,
        raw: Cow::Borrowed(""),
        text: String::new(),
        opens_bold: false,
    }
}

fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut done = text.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match rest.find(['\n', '\r']) {
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
            lines[i].text.clear();
        }
    }
}

/// A markdown table row (`| a<br>b | c |`): its cells, each split at `<br>`;
/// `None` for any other line. The separator row (`|:---|---:|`) has no cells.
fn table_cells(raw: &str) -> Option<Vec<Vec<String>>> {
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
        .map(|cell| {
            split_br(cell)
                .into_iter()
                .map(|p| p.trim().to_string())
                .collect()
        })
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
/// text and whether the line leaves a `**` open.
pub(crate) fn clean(raw: &str) -> (String, bool) {
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
    // One pass: no markdown, bars, tabs, double or odd spaces, or controls.
    let mut plain = true;
    let mut prev_space = false;
    for c in s.chars() {
        let space = c == ' ';
        let odd = match c {
            '*' | '_' | '\\' | '|' => true,
            ' ' => prev_space,
            c if c.is_ascii() => c.is_ascii_control(),
            c => c.is_control() || c.is_whitespace(),
        };
        if odd {
            plain = false;
            break;
        }
        prev_space = space;
    }
    if plain {
        return (repair_digits(s).into_owned(), false);
    }
    let opens_bold = s.matches("**").count() % 2 == 1 || s.matches("__").count() % 2 == 1;
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut pending_space = false;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i == 0 { None } else { Some(chars[i - 1]) };
        let next = chars.get(i + 1).copied();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                push(&mut out, &mut pending_space, next.unwrap_or(' '));
                i += 2;
                continue;
            }
            '*' | '_' if next == Some(c) => {
                i += 2;
                continue;
            }
            '*' => {
                // A lone star is a separator (`*` under the header) and a star
                // inside a word is text; any other star is emphasis.
                let space_before = prev.is_none_or(char::is_whitespace);
                let space_after = next.is_none_or(char::is_whitespace);
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if !(inside_word || space_before && space_after) {
                    i += 1;
                    continue;
                }
                push(&mut out, &mut pending_space, c);
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
        i += 1;
    }
    let out = match repair_digits(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(fixed) => fixed,
    };
    (out, opens_bold)
}

/// OCR reads `1` as `l` or `I` and `0` as `O`: in a run of digits and those
/// letters that stands alone (no other letter touching it: `3l7-TTr`,
/// `202l`, `05/l0/2021`), the letters are digits. Same byte length, so
/// offsets hold. Words such as `C0VID` or `lO` are left alone.
pub(crate) fn repair_digits(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let lookalike = |c: u8| matches!(c, b'l' | b'I' | b'O' | b'o');
    let suspicious = b.windows(2).any(|w| {
        (w[0].is_ascii_digit() && lookalike(w[1])) || (lookalike(w[0]) && w[1].is_ascii_digit())
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
        let letter_before = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let letter_after = text[i..].chars().next().is_some_and(char::is_alphabetic);
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
pub(crate) fn columns(raw: &str) -> Vec<String> {
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
    t.chars().next().is_some_and(char::is_lowercase)
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
        return close > 0 && rest[..close].chars().all(char::is_alphanumeric);
    }
    let lead: String = head.chars().take_while(|c| c.is_alphanumeric()).collect();
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
#[derive(Debug, Clone, Default)]
pub(crate) struct Paragraph {
    pub text: String,
    /// (byte offset in `text`, input line number), ascending.
    pub lines: Vec<(usize, usize)>,
}

impl Paragraph {
    pub fn first_line(&self) -> usize {
        self.lines.first().map_or(0, |l| l.1)
    }

    /// The input line of byte `offset` in `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|l| l.0 <= offset);
        self.lines
            .get(i.saturating_sub(1))
            .map_or(self.first_line(), |l| l.1)
    }

    pub fn append(&mut self, text: &str, line: usize) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.lines.push((self.text.len(), line));
        self.text.push_str(text);
    }
}

/// Groups lines into paragraphs. A line joins the paragraph before it when the
/// sentence there is unfinished and the line continues it: after a hard wrap
/// (no blank line) unless it opens a list entry, or across a page break
/// (blank lines, page numbers) when it starts in lowercase.
pub(crate) fn paragraphs(lines: &[Line<'_>]) -> Vec<Paragraph> {
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
            Some(p) if join => p.append(&line.text, line.no),
            _ => {
                let mut p = Paragraph::default();
                p.append(&line.text, line.no);
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
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect()
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
        let got: Vec<(usize, &str)> = ls.iter().map(|l| (l.no, l.text.as_str())).collect();
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
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
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
        let ps = paragraphs(&lines(&text));
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
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
        assert!(ls.iter().all(|l| l.no <= 2));
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
