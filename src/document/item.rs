//! Agenda item headings (`1. Tờ trình số … về …`) and the submission they cite.

use super::Reference;
use super::body::tier_end;
use super::casing::{capitalize, is_alnum, is_alpha, is_upper_char, lower, starts_with_lower};
use super::date::{self, DateValue};
use super::header::roman;
use super::text::{
    Line, contains, ends_open, find, find_first, prefix, starts_list_entry, starts_lowercase,
};

/// How item numbers are written: arabic or roman, and the mark after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numbering {
    roman: bool,
    mark: char,
    /// Written after a label: `Nội dung 1:`.
    labelled: bool,
    /// Written as a word: `Thứ nhất, …`.
    ordinal: bool,
}

/// `1. Tờ trình …`, `2) Báo cáo …`, `3- …`, `IV. …`: the number, its style and
/// where the heading text starts.
pub(crate) fn heading_number(text: &str) -> Option<(u32, Numbering, usize)> {
    if let Some(found) = labelled_number(text) {
        return Some(found);
    }
    if let Some(found) = ordinal_number(text) {
        return Some(found);
    }
    let lead: &str = &text[..text
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(text.len())];
    // Up to five digits: a longer number is a figure, not an item; a year such as
    // "2022." is only taken where the numbering has reached it (see `find_headings`).
    let (n, is_roman) =
        if !lead.is_empty() && lead.len() <= 5 && lead.bytes().all(|b| b.is_ascii_digit()) {
            (lead.parse().ok()?, false)
        } else {
            (roman(lead)?, true)
        };
    let rest = &text[lead.len()..];
    let mark = rest.chars().next()?;
    if !matches!(mark, '.' | ')' | '-' | '–' | '/') {
        return None;
    }
    let after = &rest[mark.len_utf8()..];
    let start = text.len() - after.trim_start().len();
    let first = text[start..].chars().next()?;
    // "2.000 m3" and "2 - 3 người" are not headings: the text must open with a
    // capital letter or a quote.
    if !(is_upper_char(first) || matches!(first, '"' | '“' | '(')) {
        return None;
    }
    if n == 0 {
        return None;
    }
    Some((
        n,
        Numbering {
            roman: is_roman,
            mark,
            labelled: false,
            ordinal: false,
        },
        start,
    ))
}

/// The ordinal words after `Thứ`, folded, first to tenth.
const ORDINALS: &[&str] = &[
    "nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi",
];

/// `Thứ nhất, …`, `Thứ hai: …`, `Nội dung thứ ba. …`: items numbered in words.
fn ordinal_number(text: &str) -> Option<(u32, Numbering, usize)> {
    if !matches!(text.as_bytes().first(), Some(b'T' | b't' | b'N' | b'n')) {
        return None;
    }
    let head = prefix(text, 32);
    let rest_at = ["thứ ", "nội dung thứ "]
        .iter()
        .find_map(|p| starts_with_lower(head, p).then_some(p.len()))?;
    let word_end = text[rest_at..]
        .find(|c: char| !is_alpha(c))
        .map_or(text.len(), |e| rest_at + e);
    let word = crate::analysis::fold(&lower(&text[rest_at..word_end]));
    let n = ORDINALS.iter().position(|o| *o == word)? + 1;
    let after = &text[word_end..];
    let mark = after.chars().next()?;
    if !matches!(mark, ',' | ':' | '.') {
        return None;
    }
    let start = text.len() - after[mark.len_utf8()..].trim_start().len();
    Some((
        u32::try_from(n).ok()?,
        Numbering {
            roman: false,
            mark,
            labelled: false,
            ordinal: true,
        },
        start,
    ))
}

/// `Nội dung 1: …`, `NỘI DUNG 2. …` (any case, OCR-spaced or not).
fn labelled_number(text: &str) -> Option<(u32, Numbering, usize)> {
    if !matches!(text.as_bytes().first(), Some(b'N' | b'n')) {
        return None;
    }
    let head = prefix(text, 24);
    let rest_at = ["nội dung ", "noi dung "]
        .iter()
        .find_map(|p| starts_with_lower(head, p).then_some(p.len()))?;
    let rest = &text[rest_at..];
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    let n: u32 = digits.parse().ok().filter(|&n| n > 0)?;
    let after = &rest[digits.len()..];
    let mark = after.chars().next()?;
    if !matches!(mark, ':' | '.' | ')' | '-') {
        return None;
    }
    let start = text.len() - after[mark.len_utf8()..].trim_start().len();
    Some((
        n,
        Numbering {
            roman: false,
            mark,
            labelled: true,
            ordinal: false,
        },
        start,
    ))
}

/// Kinds of submission an item can cite, in lowercase (matched ignoring case).
const KINDS: &[&str] = &[
    "tờ trình liên tịch",
    "tờ trình",
    "báo cáo",
    "đề án",
    "kế hoạch",
    "công văn",
    "thông báo",
    "chương trình",
    "quy chế",
    "quy định",
    "hướng dẫn",
    "đề cương",
    "phương án",
    "dự thảo",
    "văn bản",
    "quyết định",
    "nghị quyết",
    "chỉ thị",
    "kết luận",
    "dự án",
];

/// A heading found in the body: line index range and parsed parts.
#[derive(Debug)]
pub(crate) struct Heading {
    /// Index of the heading's first line.
    pub at: usize,
    /// Index after its last line (wraps included).
    pub end: usize,
    pub number: u32,
    pub line: usize,
    pub text: String,
}

/// Finds the item headings in `lines`, in the numbering that carries the
/// matters:
/// - `Nội dung 1:` … when the document labels its items so;
/// - otherwise, with Roman sections (`I.`, `II.` …): attendance sections
///   (`THÀNH PHẦN`, `Chủ trì`) are not items; a section that only groups
///   (`II. NỘI DUNG KẾT LUẬN`) gives its Arabic-numbered points as items; Arabic
///   points that cite submissions under sections that do not are the items;
///   else the sections themselves are the items (`I. ĐÁNH GIÁ TÌNH HÌNH`,
///   `I. Tờ trình số …`), numbered by their order, and the points inside are
///   their text;
/// - otherwise the Arabic-numbered headings (`1.`, `2)`, `**3. …**`).
pub(crate) fn find_headings(
    lines: &[Line<'_>],
    warnings: &mut Vec<(usize, String)>,
) -> Vec<Heading> {
    let numbers = numbers(lines);
    let labelled = sequence(lines, &numbers, 0, lines.len(), |s| s.labelled, warnings);
    if !labelled.is_empty() {
        return labelled;
    }
    let mut scratch = Vec::new();
    let romans = sequence(lines, &numbers, 0, lines.len(), |s| s.roman, &mut scratch);
    if romans.is_empty() {
        return sequence(
            lines,
            &numbers,
            0,
            lines.len(),
            |s| !s.roman && !s.labelled && !s.ordinal,
            warnings,
        );
    }
    let sections: Vec<(&Heading, usize)> = romans
        .iter()
        .enumerate()
        .map(|(k, h)| (h, romans.get(k + 1).map_or(lines.len(), |n| n.at)))
        .filter(|(h, _)| !is_attendance(&h.text))
        .collect();
    let arabic = |from: usize, to: usize, w: &mut Vec<(usize, String)>| {
        sequence(
            lines,
            &numbers,
            from,
            to,
            |s| !s.roman && !s.labelled && !s.ordinal,
            w,
        )
    };
    let mut items: Vec<Heading> = Vec::new();
    if sections.iter().any(|(h, _)| is_grouping(&h.text)) {
        for (h, to) in &sections {
            if is_grouping(&h.text) {
                items.extend(arabic(h.end, *to, warnings));
            } else {
                items.push(copy(h));
            }
        }
    } else {
        let children: Vec<Heading> = sections
            .iter()
            .flat_map(|(h, to)| arabic(h.end, *to, &mut scratch))
            .collect();
        let citing = |hs: &mut dyn Iterator<Item = &Heading>| {
            hs.filter(|h| cites_submission(&h.text)).count()
        };
        let children_cite = citing(&mut children.iter());
        let sections_cite = citing(&mut sections.iter().map(|s| s.0));
        if sections_cite == 0 && children_cite * 2 > children.len() && !children.is_empty() {
            items = children;
        } else {
            items = sections.iter().map(|(h, _)| copy(h)).collect();
        }
    }
    for (k, h) in items.iter_mut().enumerate() {
        h.number = u32::try_from(k + 1).unwrap_or(u32::MAX);
    }
    items
}

/// Items numbered in words (`Thứ nhất, …`, `Thứ hai, …`), for a document
/// with no numbered headings: inside numbered items such words only list
/// points of the item's text.
pub(crate) fn find_ordinal_headings(
    lines: &[Line<'_>],
    warnings: &mut Vec<(usize, String)>,
) -> Vec<Heading> {
    let found = sequence(
        lines,
        &numbers(lines),
        0,
        lines.len(),
        |s| s.ordinal,
        warnings,
    );
    if found.len() < 2 { Vec::new() } else { found }
}

/// Each line's [`heading_number`], read once for every sequence looked for.
fn numbers(lines: &[Line<'_>]) -> Vec<Option<(u32, Numbering)>> {
    lines
        .iter()
        .map(|l| heading_number(&l.text).map(|(n, s, _)| (n, s)))
        .collect()
}

fn copy(h: &Heading) -> Heading {
    Heading {
        at: h.at,
        end: h.end,
        number: h.number,
        line: h.line,
        text: h.text.clone(),
    }
}

/// Folded words of a heading, for comparing with the fixed section names:
/// its first words, more than five of them when it has that many, which is
/// all that the comparisons (four words at most) can tell apart.
fn folded_heading(text: &str) -> String {
    // Folding and lowercasing go word by word and a word ends at an ASCII
    // space, so the words folded from the text up to a space are the first
    // words folded from the whole text.
    const ENOUGH: usize = 5;
    if let Some((cut, _)) = text.match_indices(' ').nth(2 * ENOUGH + 1) {
        let start = folded_words(&text[..cut]);
        if start.split(' ').count() > ENOUGH {
            return start;
        }
    }
    folded_words(text)
}

fn folded_words(text: &str) -> String {
    crate::analysis::fold(text)
        .to_lowercase()
        .split(|c: char| !is_alnum(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `THÀNH PHẦN`, `THÀNH PHẦN THAM DỰ`, `Chủ trì: …`, `Tham dự: …`.
pub(crate) fn is_attendance(text: &str) -> bool {
    let f = folded_heading(text);
    [
        "thanh phan",
        "chu tri",
        "tham du",
        "dai bieu tham du",
        "khach moi",
    ]
    .iter()
    .any(|p| f == *p || f.starts_with(&format!("{p} ")))
}

/// A section that only groups the items: `NỘI DUNG KẾT LUẬN`, `KẾT LUẬN`,
/// `Ý KIẾN KẾT LUẬN`, `CÁC NỘI DUNG …`.
fn is_grouping(text: &str) -> bool {
    let f = folded_heading(text);
    f == "noi dung"
        || f == "ket luan"
        || f.starts_with("noi dung ket luan")
        || f.starts_with("y kien ket luan")
        || f.starts_with("ket luan cua")
        || f.starts_with("ket luan cu the")
        || f.starts_with("cac noi dung")
        || f.starts_with("noi dung lam viec")
}

/// `Tờ trình số …`, `Về Báo cáo số …`: the heading cites a submission.
fn cites_submission(text: &str) -> bool {
    let l = lower(text);
    let l = l.strip_prefix("về ").unwrap_or(&l);
    KINDS.iter().any(|k| l.starts_with(k)) && contains(l, " số ")
}

/// The headings numbered 1, 2, 3 … in one style (the first style `pick`
/// accepts that starts at 1) between line `from` and `to`.
fn sequence(
    lines: &[Line<'_>],
    numbers: &[Option<(u32, Numbering)>],
    from: usize,
    to: usize,
    pick: impl Fn(Numbering) -> bool,
    warnings: &mut Vec<(usize, String)>,
) -> Vec<Heading> {
    let to = to.min(lines.len());
    let from = from.min(to);
    let candidates: Vec<(usize, u32, Numbering)> = numbers[from..to]
        .iter()
        .enumerate()
        .filter_map(|(i, found)| found.map(|(n, s)| (from + i, n, s)))
        .filter(|c| pick(c.2))
        .collect();
    let style = candidates.iter().find(|c| c.1 == 1).map(|c| c.2);
    let Some(style) = style else {
        return Vec::new();
    };
    let mut out: Vec<Heading> = Vec::new();
    let mut expected = 1;
    let mut ci = 0;
    while ci < candidates.len() {
        let (i, n, s) = candidates[ci];
        ci += 1;
        if out.last().is_some_and(|h| i < h.end) || s != style {
            continue;
        }
        if out.is_empty() && n == 1 && is_attendance(&heading_text(lines, i, to).1) {
            continue;
        }
        let line = &lines[i];
        if !starts_paragraph(lines, i) || line.text.ends_with([';', ',']) {
            continue;
        }
        let strong = is_strong(line);
        if n != expected {
            if !(strong && n > expected && n <= expected + 3) {
                continue;
            }
            warnings.push((
                line.no(),
                format!("item number {n} out of sequence (expected {expected})"),
            ));
        }
        let (end, text) = heading_text(lines, i, to);
        out.push(Heading {
            at: i,
            end,
            number: n,
            line: line.no(),
            text,
        });
        expected = n + 1;
    }
    out
}

fn starts_paragraph(lines: &[Line<'_>], i: usize) -> bool {
    match i.checked_sub(1).and_then(|p| lines.get(p)) {
        None => true,
        Some(prev) => {
            prev.is_blank() || !ends_open(&prev.text) || heading_number(&prev.text).is_some()
        }
    }
}

fn is_strong(line: &Line<'_>) -> bool {
    let raw = line.raw.trim_start();
    if raw.starts_with("**") || raw.starts_with("__") || raw.starts_with('#') {
        return true;
    }
    let Some((_, _, start)) = heading_number(&line.text) else {
        return false;
    };
    let t = &line.text[start..];
    let head = lower(t.get(..t.len().min(40)).unwrap_or(t));
    head.starts_with("về ") || KINDS.iter().any(|k| head.starts_with(k))
}

/// The heading's text from line `i`, joined with the lines that continue it;
/// returns the index after its last line too.
fn heading_text(lines: &[Line<'_>], i: usize, to: usize) -> (usize, String) {
    let first = &lines[i];
    let start = heading_number(&first.text).map_or(0, |h| h.2);
    let mut text = first.text[start..].to_string();
    let mut bold_open = first.opens_bold;
    let mut end = i + 1;
    let mut j = i + 1;
    let mut gap = false;
    let indent = |l: &Line<'_>| l.raw.len() - l.raw.trim_start().len();
    let first_indent = indent(first);
    while let Some(l) = lines.get(j).filter(|_| j < to) {
        if l.is_blank() {
            gap = true;
            j += 1;
            if j - end > 3 {
                break;
            }
            continue;
        }
        let continues = bold_open
            || (ends_open(&text) && starts_lowercase(&l.text) && !starts_list_entry(&l.text))
            || (!gap
                && ends_open(&text)
                && (ends_with_connector(&text) || cites_unfinished(&text)))
            // First-line indents (PDF exports): a wrapped line starts further
            // left than the heading, the next paragraph as far in.
            || (!gap && ends_open(&text) && first_indent >= 4 && indent(l) + 4 <= first_indent);
        if !continues || heading_number(&l.text).is_some() {
            break;
        }
        text.push(' ');
        text.push_str(&l.text);
        if l.opens_bold {
            bold_open = !bold_open;
        }
        j += 1;
        end = j;
        gap = false;
    }
    // The heading is kept in the document: no spare room.
    text.shrink_to_fit();
    (end, text)
}

fn ends_with_connector(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    text.ends_with([',', '-', '–'])
        || matches!(
            last,
            "của" | "về" | "và" | "số" | "ngày" | "việc" | "tại" | "đối" | "với"
        )
}

/// A citation whose subject has not started yet: "Tờ trình số 48 … của Ban cán sự".
fn cites_unfinished(text: &str) -> bool {
    let l = lower(text);
    contains(&l, " số ") && !contains(&l, " về ") && !contains(&l, " xin ")
}

/// What a heading says: the cited submission and the topic.
#[derive(Debug)]
pub(crate) struct HeadingParts {
    pub reference: Option<Reference>,
    pub topic: String,
    pub warnings: Vec<String>,
}

/// Splits a heading into its reference (kind, number, date, body) and topic.
pub(crate) fn read_heading(heading: &str) -> HeadingParts {
    let mut warnings = Vec::new();
    let lh = lower(heading);
    let cited = find_citation(heading, &lh);
    let Some((kind_at, kind_len)) = cited else {
        // "Dự thảo Đề án … (Tờ trình số 212-TTr/BCSĐ, ngày … của …)": the
        // submission cited in closing brackets, the topic before them.
        if let Some(open) = heading
            .trim_end()
            .strip_suffix(')')
            .and_then(|h| h.rfind('('))
            && open > 0
        {
            let inner = &heading[open + 1..heading.trim_end().len() - 1];
            let cited = read_heading(inner);
            if let Some(reference) = cited.reference.filter(|r| r.number.is_some()) {
                let before = read_heading(heading[..open].trim_end());
                let mut warnings = cited.warnings;
                warnings.extend(before.warnings);
                return HeadingParts {
                    reference: Some(reference),
                    topic: before.topic,
                    warnings,
                };
            }
        }
        // A heading with no citation is its own topic, without its "Về".
        let bare = ["Về ", "về ", "VỀ "]
            .iter()
            .find_map(|p| heading.strip_prefix(p))
            .unwrap_or(heading);
        // "Về việc đặt tên đường" is about "đặt tên đường", as in citations.
        let bare = ["việc ", "V/v ", "v/v "]
            .iter()
            .find_map(|p| bare.strip_prefix(p))
            .filter(|rest| rest.split(' ').count() >= 2)
            .unwrap_or(bare);
        // "Về công tác cán bộ: Có thông báo riêng." — the topic ends where
        // the conclusion's sentence starts.
        let bare = bare
            .match_indices(": ")
            .map(|(i, _)| i)
            .find(|&i| {
                bare[i + 2..].chars().next().is_some_and(is_upper_char)
                    && bare[..i].split(' ').count() <= 25
            })
            .map_or(bare, |i| &bare[..i]);
        return HeadingParts {
            reference: None,
            topic: clean_topic(bare),
            warnings,
        };
    };
    let kind = capitalize_first(&heading[kind_at..kind_at + kind_len]);
    let mut pos = kind_at + kind_len;
    let mut number = None;
    if lh[pos..].starts_with(" số ") {
        pos += " số ".len();
        let end = find_first(
            &lh[pos..],
            &[", ", " ngày ", " của ", " về ", " xin ", " (", ";", " và "],
        )
        .map_or(heading.len(), |e| pos + e);
        let n = heading[pos..end].trim().trim_end_matches([',', '.', ';']);
        if !n.is_empty() {
            number = Some(n.to_string());
        }
        pos = end;
    }
    pos = skip(heading, pos);
    let mut date = None;
    if let Some(m) = date::date_at(heading, pos) {
        match m.value {
            DateValue::Day(d) => date = Some(d),
            DateValue::Impossible(reason) => warnings.push(format!("{reason} ignored")),
            _ => {}
        }
        pos = skip(heading, m.end);
    }
    let mut body = None;
    let topic;
    let mut rest_l = &lh[pos..];
    if rest_l.starts_with("và ") || rest_l.starts_with("; ") {
        // Several submissions cited together ("Tờ trình số 310 … và Tờ trình
        // số 311 … của …"): the body follows the last of them.
        if let Some(k) = find(rest_l, " của ")
            && find(rest_l, " về ").is_none_or(|v| k < v)
        {
            pos += k + 1;
            rest_l = &lh[pos..];
        }
    }
    if rest_l.starts_with("của ") {
        let b = pos + "của ".len();
        // The body ends where the subject starts: at "về", or at a verb that
        // is part of the subject ("xin chủ trương …").
        let ends = [
            (" về việc ", true),
            (" về ", true),
            (" v/v ", true),
            (": ", true),
            (" xin ", false),
            (" đề nghị ", false),
            (" đề xuất ", false),
            (" báo cáo ", false),
        ];
        // The first end, the longer of two at one place; each end looked
        // for only as far as the best so far.
        let mut found: Option<(usize, &str, bool)> = None;
        for &(d, skip_it) in &ends {
            let within = match found {
                Some((e, ..)) => prefix(&lh[b..], e + d.len()),
                None => &lh[b..],
            };
            if let Some(e) = find(within, d)
                && found.is_none_or(|f| {
                    (e, std::cmp::Reverse(d.len())) < (f.0, std::cmp::Reverse(f.1.len()))
                })
            {
                found = Some((e, d, skip_it));
            }
        }
        // Where the name's administrative tier ends it ("… Huyện ủy tổ chức …"),
        // if that comes first.
        let tier = tier_end(&heading[b..]).filter(|&t| found.is_none_or(|f| t < f.0));
        match (found, tier) {
            (Some((e, d, true)), Some(t)) => {
                body = Some(heading[b..b + t].trim().to_string());
                topic = clean_topic(&heading[b + e + d.len()..]);
            }
            (_, Some(t)) => {
                body = Some(heading[b..b + t].trim().to_string());
                topic = clean_topic(&heading[b + t..]);
            }
            (Some((e, d, skip_it)), None) => {
                body = Some(heading[b..b + e].trim().to_string());
                let t = if skip_it { b + e + d.len() } else { b + e + 1 };
                topic = clean_topic(&heading[t..]);
            }
            (None, None) => {
                body = Some(clean_topic(&heading[b..]));
                topic = clean_topic(heading);
            }
        }
    } else if let Some(e) = find(rest_l, "về việc ").or_else(|| find(rest_l, "về ")) {
        let skip_len = if rest_l[e..].starts_with("về việc ") {
            "về việc ".len()
        } else {
            "về ".len()
        };
        topic = clean_topic(&heading[pos + e + skip_len..]);
    } else if !rest_l.trim().is_empty() {
        topic = clean_topic(&heading[pos..]);
    } else {
        topic = clean_topic(heading);
    }
    if date.is_none() {
        let cited = match &number {
            Some(n) => format!("{kind} số {n}"),
            None => kind.clone(),
        };
        warnings.push(format!("reference {cited:?} has no date"));
    }
    HeadingParts {
        reference: Some(Reference {
            kind,
            number,
            date,
            body: body.filter(|b| !b.is_empty()),
        }),
        topic: if topic.is_empty() {
            clean_topic(heading)
        } else {
            topic
        },
        warnings,
    }
}

/// Where a citation opens: `Tờ trình số`, or a kind followed by `ngày`/`của`,
/// within the first few words of the heading.
fn find_citation(heading: &str, lh: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    // A citation opens within the first few words: search only there.
    // It opens within the first five words: the fifth word's start plus
    // the longest kind is as far as a kind can reach.
    let fifth = lh
        .match_indices(' ')
        .nth(4)
        .map_or(lh.len(), |(i, _)| i + 1);
    let longest = KINDS.iter().map(|k| k.len()).max().unwrap_or(0);
    let lh_all = lh;
    let lh = prefix(lh_all, 160.min(fifth + longest));
    for lk in KINDS {
        let mut from = 0;
        while let Some(i) = find(&lh[from..], lk).map(|i| i + from) {
            from = i + lk.len();
            let after = &lh_all[i + lk.len()..];
            let word_start = lh[..i].chars().next_back().is_none_or(|c| !is_alnum(c));
            let prefix_words = heading[..i].split_whitespace().count();
            // "dự thảo Nghị quyết của …" is the draft under discussion, not
            // a document the item cites.
            let draft = lh[..i].ends_with("dự thảo ") && !after.starts_with(" số ");
            let cites = !draft
                && (after.starts_with(" số ")
                    || after.starts_with(" ngày ")
                    || after.starts_with(" của "));
            if word_start && cites && prefix_words <= 4 {
                if best.is_none_or(|b| i < b.0 || (i == b.0 && lk.len() > b.1)) {
                    best = Some((i, lk.len()));
                }
                break;
            }
        }
    }
    best
}

fn skip(s: &str, mut pos: usize) -> usize {
    let b = s.as_bytes();
    while pos < b.len() && matches!(b[pos], b' ' | b',') {
        pos += 1;
    }
    pos
}

fn capitalize_first(s: &str) -> String {
    let mut words = s.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    match words.next() {
        Some(rest) => format!("{} {rest}", capitalize(first)),
        None => capitalize(first),
    }
}

/// A topic without trailing period, markdown or extra spaces.
pub(crate) fn clean_topic(s: &str) -> String {
    let t = s.trim().trim_end_matches(['.', ':', ';', ',']).trim_end();
    if single_spaced(t) {
        return t.to_string();
    }
    // Sized as `join` would size it: the topic is kept in the document.
    let words = t.split_whitespace();
    let len = words.clone().map(|w| w.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(1));
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether the words of `t` (trimmed) are apart by single spaces and by no
/// other white space: then joining its words gives `t` back.
fn single_spaced(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' if b.get(i + 1) == Some(&b' ') => return false,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => return false,
            // Beyond ASCII, white space opens with C2, E1 9A, E2 or E3.
            0xC2 | 0xE1 | 0xE2 | 0xE3
                if (b[i] != 0xE1 || b.get(i + 1) == Some(&0x9A))
                    && t[i..].chars().next().is_some_and(char::is_whitespace) =>
            {
                return false;
            }
            _ => {}
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_folded_words_decide_like_all_of_them() {
        let long = "THÀNH PHẦN THAM DỰ: đồng chí Bí thư, các đồng chí Ủy viên Ban Thường vụ, \
                    lãnh đạo các ban, sở, ngành và Ủy ban nhân dân tỉnh";
        for text in [
            long,
            "Chủ trì:   Đồng chí   A,  B,  C,  D,  E,  F,  G,  H,  I,  J,  K",
            "NỘI DUNG KẾT LUẬN",
            "Ý KIẾN KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ CÁC NỘI DUNG SAU ĐÂY",
            "Nội dung",
            "- - - - - - - - - - - - - - Nội dung",
            "Đại biểu tham dự",
        ] {
            let all = folded_words(text);
            let start = folded_heading(text);
            assert!(all.starts_with(&start), "{text}");
            assert!(start == all || start.split(' ').count() > 5, "{text}");
        }
        assert!(is_attendance(long));
        assert!(is_grouping("NỘI DUNG KẾT LUẬN"));
    }

    #[test]
    fn a_topic_with_single_spaces_is_kept_as_it_is() {
        let joined = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            for t in [format!("a{c}b"), format!("a {c} b"), format!("{c}{c}x")] {
                let t = t.trim();
                assert_eq!(single_spaced(t), joined(t) == t, "{t:?}");
            }
        }
    }

    #[test]
    fn a_label_is_read_whatever_letter_its_line_goes_on_with() {
        // Byte 24 falls inside "đ": the label must still be read.
        assert_eq!(
            labelled_number("Nội dung 1: Về ưu đãi đầu tư").map(|h| h.0),
            Some(1)
        );
    }

    #[test]
    fn ordinal_headings() {
        assert_eq!(
            ordinal_number("Thứ nhất, về công tác nhân sự").map(|h| (h.0, h.2)),
            Some((1, "Thứ nhất, ".len()))
        );
        assert_eq!(ordinal_number("Thứ Ba: Về văn kiện").map(|h| h.0), Some(3));
        assert_eq!(
            ordinal_number("Nội dung thứ hai. Về A").map(|h| h.0),
            Some(2)
        );
        assert_eq!(ordinal_number("Thứ trưởng Bộ Nội vụ"), None);
        assert_eq!(ordinal_number("Thứ hai tuần sau"), None);
    }

    #[test]
    fn heading_shapes() {
        assert_eq!(heading_number("1. Tờ trình").map(|h| h.0), Some(1));
        assert_eq!(heading_number("12) Báo cáo").map(|h| h.0), Some(12));
        assert_eq!(heading_number("3- Về").map(|h| h.0), Some(3));
        assert_eq!(heading_number("IV. CÔNG TÁC").map(|h| h.0), Some(4));
        assert_eq!(heading_number("2.000 m3 nước"), None);
        assert_eq!(heading_number("2"), None);
        assert_eq!(heading_number("2 - 3 người"), None);
        assert_eq!(heading_number("Ivan. A"), None);
    }

    #[test]
    fn reads_a_citation() {
        let h = read_heading(
            "Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh về việc xin ý kiến đối với phương án",
        );
        let r = h.reference.unwrap();
        assert_eq!(r.kind, "Tờ trình");
        assert_eq!(r.number.as_deref(), Some("48-TTr/BCSD"));
        assert_eq!(r.date.unwrap().to_string(), "2022-02-26");
        assert_eq!(
            r.body.as_deref(),
            Some("Ban cán sự đảng Ủy ban nhân dân tỉnh")
        );
        assert_eq!(h.topic, "xin ý kiến đối với phương án");
    }

    #[test]
    fn code_with_a_space_and_long_date() {
        let h = read_heading(
            "Tờ trình số 12-TTr/ĐĐ HĐND ngày 26 tháng 02 năm 2022 của Đảng đoàn Hội đồng nhân dân tỉnh xin chủ trương sửa đổi.",
        );
        let r = h.reference.unwrap();
        assert_eq!(r.number.as_deref(), Some("12-TTr/ĐĐ HĐND"));
        assert_eq!(r.date.unwrap().to_string(), "2022-02-26");
        assert_eq!(r.body.as_deref(), Some("Đảng đoàn Hội đồng nhân dân tỉnh"));
        assert_eq!(h.topic, "xin chủ trương sửa đổi");
    }

    fn body_and_topic(heading: &str) -> (String, String) {
        let h = read_heading(heading);
        let body = h.reference.and_then(|r| r.body).unwrap_or_default();
        (body, h.topic)
    }

    #[test]
    fn the_body_ends_at_its_tier_when_the_subject_has_no_about() {
        let cases = [
            (
                "Kế hoạch số 15-KH/HU, ngày 05/5/2023 của Ban Tuyên giáo Huyện ủy tổ chức các hoạt động kỷ niệm",
                "Ban Tuyên giáo Huyện ủy",
                "tổ chức các hoạt động kỷ niệm",
            ),
            (
                "Tờ trình số 7-TTr/BCSĐ, ngày 1/2/2023 của Ban cán sự đảng Ủy ban nhân dân huyện Cao Lộc thông qua quy hoạch chung",
                "Ban cán sự đảng Ủy ban nhân dân huyện Cao Lộc",
                "thông qua quy hoạch chung",
            ),
            (
                "Tờ trình số 9-TTr/ĐU, ngày 3/4/2023 của Đảng ủy Quân sự tỉnh ban hành quy chế",
                "Đảng ủy Quân sự tỉnh",
                "ban hành quy chế",
            ),
            (
                "Báo cáo số 5-BC/UBND, ngày 2/3/2023 của Ủy ban nhân dân tỉnh và Ban Tổ chức Tỉnh ủy kết quả sắp xếp",
                "Ủy ban nhân dân tỉnh và Ban Tổ chức Tỉnh ủy",
                "kết quả sắp xếp",
            ),
        ];
        for (heading, body, topic) in cases {
            assert_eq!(
                body_and_topic(heading),
                (body.into(), topic.into()),
                "{heading}"
            );
        }
    }

    #[test]
    fn the_body_ends_at_its_tier_before_a_later_about_or_verb() {
        // "báo cáo" inside the subject is not where the body ends.
        assert_eq!(
            body_and_topic(
                "Kế hoạch số 5-KH/BTGTU, ngày 2/3/2023 của Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên quý I"
            ),
            (
                "Ban Tuyên giáo Tỉnh ủy".into(),
                "tổ chức hội nghị báo cáo viên quý I".into()
            )
        );
        // With "về", the topic still starts after it.
        assert_eq!(
            body_and_topic(
                "Tờ trình số 3-TTr/ĐU, ngày 2/3/2023 của Đảng ủy Khối các cơ quan tỉnh về công tác kiểm tra"
            ),
            (
                "Đảng ủy Khối các cơ quan tỉnh".into(),
                "công tác kiểm tra".into()
            )
        );
        // A body without a tier word keeps ending at "về".
        assert_eq!(
            body_and_topic(
                "Tờ trình số 8-TTr/SNV, ngày 2/3/2023 của Sở Nội vụ về tinh giản biên chế"
            ),
            ("Sở Nội vụ".into(), "tinh giản biên chế".into())
        );
    }

    #[test]
    fn two_submissions_cited_together_share_the_body() {
        let h = read_heading(
            "Tờ trình số 310-TTr/BCSĐ ngày 12/9/2023 và Tờ trình số 311-TTr/BCSĐ ngày 13/9/2023 của Ban cán sự đảng UBND tỉnh về điều chỉnh kế hoạch đầu tư công",
        );
        let r = h.reference.unwrap();
        assert_eq!(r.number.as_deref(), Some("310-TTr/BCSĐ"));
        assert_eq!(r.date.unwrap().to_string(), "2023-09-12");
        assert_eq!(r.body.as_deref(), Some("Ban cán sự đảng UBND tỉnh"));
        assert_eq!(h.topic, "điều chỉnh kế hoạch đầu tư công");
    }

    #[test]
    fn item_citing_nothing() {
        let h = read_heading("Công tác tổ chức cán bộ (có Nghị quyết riêng).");
        assert!(h.reference.is_none());
        assert_eq!(h.topic, "Công tác tổ chức cán bộ (có Nghị quyết riêng)");
    }
}
