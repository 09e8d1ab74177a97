//! Text → [`Document`]: header, title block, preamble, agenda items, end matter.

use std::borrow::Cow;

use super::assignment::{assignments, deadlines};
use super::casing::{is_alnum, is_alpha, is_upper};
use super::date::{self, DateValue};
use super::header::{
    self, Header, find_title, is_conclusion_kind, most_named_place, place_after_committee,
    read_header, read_title, session, spelled_in, title_body,
};
use super::item::{find_headings, find_ordinal_headings, read_heading};
use super::repair;
use super::signature::{read_tail, starts_tail};
use super::text::{self, Paragraph};
use super::{AgendaItem, Document, Warning};
use crate::analysis::{compose, is_normalized};
use crate::{Error, Result};

const EXPECTED_TEXT: &str = "text with at least one letter";

/// Phrases of the sentence that closes a conclusion ("Trên đây là kết luận …,
/// đề nghị các cơ quan … biết, thực hiện").
const CLOSING_PHRASES: &[&str] = &[
    "trên đây là",
    "thông báo để",
    "biết, thực hiện",
    "biết và thực hiện",
    "biết, triển khai thực hiện",
    "biết, chỉ đạo thực hiện",
];

impl Document {
    /// Parses a conclusion document from text.
    ///
    /// The text is normalized first (NFC, invisible characters removed); line
    /// numbers in errors and warnings are those of the input. Parsing fails
    /// open: whatever layout the text has, every part of the structure that
    /// can be found is read, what cannot is said in [`Document::warnings`], and
    /// all text that no field holds stays in `preamble`, the items' text or
    /// `closing`. A text that is no conclusion at all (a news page, a
    /// directive) is a document with no items (or its own), `kind` `None` or
    /// its own title, and a warning.
    ///
    /// # Errors
    /// [`Error::Parse`] only when the text has no letter at all.
    ///
    /// # Example
    /// ```
    /// use ketluan::Document;
    /// let doc = Document::parse(
    ///     "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nNgày 04/3/2022, Ban Thường vụ Tỉnh ủy Lạng Sơn họp.\n\n\
    ///      1. Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh về việc mở rộng thành phố\n\n\
    ///      Giao Ban cán sự đảng Ủy ban nhân dân tỉnh báo cáo trước ngày 30/6/2022.\n",
    /// )?;
    /// assert_eq!(doc.issuing_body.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    /// assert_eq!(doc.place.as_deref(), Some("Lạng Sơn"));
    /// assert_eq!(doc.items[0].topic, "mở rộng thành phố");
    /// assert_eq!(doc.items[0].deadlines[0].to_string(), "2022-06-30");
    /// # Ok::<(), ketluan::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Document> {
        let normalized = if !is_normalized(text) {
            Cow::Owned(compose(text))
        } else {
            Cow::Borrowed(text)
        };
        let lines = text::lines(&normalized);
        let first = lines.iter().find(|l| !l.is_blank());
        let first_line = first.map_or(1, |l| l.no());
        if !normalized.chars().any(is_alpha) {
            return Err(Error::Parse {
                line: first_line,
                expected: EXPECTED_TEXT.into(),
                found: first.map(|l| shorten(&l.text)).unwrap_or_default(),
            });
        }
        let mut warnings: Vec<(usize, String)> = Vec::new();
        let found_title = find_title(&lines);
        let (head, title) = match found_title {
            Some((at, kind, kind_end)) => {
                let head = read_header(&lines[..at]);
                let title = read_title(&lines, at, kind, kind_end);
                if !is_conclusion_kind(kind) {
                    warnings.push((
                        title.block.first_line(),
                        format!("no conclusion layout recognised: the title is {kind}"),
                    ));
                }
                (head, Some(title))
            }
            None => {
                warnings.push((
                    first_line,
                    "no conclusion layout recognised: no title (KẾT LUẬN, THÔNG BÁO KẾT LUẬN …) found; the whole text is kept".into(),
                ));
                (Header::default(), None)
            }
        };
        warnings.extend(head.warnings.iter().cloned());
        let body = &lines[title.as_ref().map_or(0, |t| t.end).min(lines.len())..];

        let mut headings = find_headings(body, &mut warnings);
        if headings.is_empty() {
            headings = find_ordinal_headings(body, &mut warnings);
        }
        let search_from = headings.last().map_or(0, |h| h.end);
        let tail_at = (search_from..body.len())
            .find(|&i| starts_tail(&body[i]))
            .unwrap_or(body.len());
        let preamble_end = headings.first().map_or(tail_at, |h| h.at);
        let mut preamble = text::paragraphs(&body[..preamble_end]);
        // Rules under the title ("-----", "***") carry no words.
        preamble.retain(|p| p.text.chars().any(is_alnum));

        // Title facts.
        let empty_title = Paragraph::default();
        let title_block = title.as_ref().map_or(&empty_title, |t| &t.block);
        let title_text = &title_block.text;
        let rest = title
            .as_ref()
            .and_then(|t| title_text.get(t.kind.len()..))
            .unwrap_or("");
        let written_body = title_body(rest);
        let meeting = meeting_date(title_block, &preamble, &mut warnings);
        if meeting.is_none() {
            let line = if title.is_some() {
                title_block.first_line()
            } else {
                first_line
            };
            warnings.push((line, "no meeting date found".into()));
        }
        let session = session(rest).or_else(|| {
            preamble
                .first()
                .and_then(|p| session(&p.text).filter(|_| mentions_meeting(&p.text)))
        });

        // Items.
        if headings.is_empty() && title.as_ref().is_some_and(|t| is_conclusion_kind(&t.kind)) {
            warnings.push((
                title_block.first_line(),
                "no numbered agenda items found; the text is kept as the document's own text"
                    .into(),
            ));
        }
        // Each item's text is joined as soon as it is read, but the last
        // item's: the closing sentence often follows it without a break.
        let starts: Vec<usize> = headings.iter().map(|h| h.at).collect();
        let mut items: Vec<AgendaItem> = Vec::with_capacity(headings.len());
        let mut last_paragraphs = Vec::new();
        for (k, h) in headings.into_iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(tail_at);
            let paragraphs = text::paragraphs(&body[h.end.min(end)..end]);
            let mut parts = read_heading(&h.text);
            if let Some(r) = parts.reference.as_mut() {
                r.number = r.number.as_deref().map(repair::document_number);
                r.body = r.body.as_deref().map(repair::body_name);
            }
            warnings.extend(parts.warnings.into_iter().map(|m| (h.line, m)));
            if paragraphs.is_empty() && parts.reference.is_some() {
                warnings.push((h.line, format!("item {} has no text", h.number)));
            }
            // An item that is one paragraph ("1. Thống nhất …; giao … trước
            // ngày …") concludes in its heading: its tasks and deadlines are
            // read there too. A citing heading only dates the submission.
            let (found, tasks) = if parts.reference.is_none() && !text::ends_open(&h.text) {
                let mut own = Paragraph::default();
                own.append(&h.text, h.line);
                let mut all = vec![own];
                all.extend(paragraphs.iter().cloned());
                let found = deadlines(&all, meeting, &mut warnings);
                let tasks = assignments(&all, &found);
                (found, tasks)
            } else {
                let found = deadlines(&paragraphs, meeting, &mut warnings);
                let tasks = assignments(&paragraphs, &found);
                (found, tasks)
            };
            let text = if k + 1 < starts.len() {
                join(&paragraphs)
            } else {
                last_paragraphs = paragraphs;
                String::new()
            };
            items.push(AgendaItem {
                number: h.number,
                heading: h.text,
                reference: parts.reference,
                topic: parts.topic,
                text,
                assignments: tasks,
                deadlines: found.iter().map(|f| f.deadline).collect(),
            });
        }
        let mut closing: Vec<String> = Vec::new();
        if let Some(last) = items.last_mut() {
            while last_paragraphs.len() > 1
                && last_paragraphs.last().is_some_and(|p| is_closing(&p.text))
            {
                if let Some(p) = last_paragraphs.pop() {
                    closing.insert(0, p.text.into_owned());
                }
            }
            last.text = join(&last_paragraphs);
        }

        let tail = read_tail(&body[tail_at..]);
        closing.extend(tail.closing);

        // Who and where.
        let mut texts = preamble.iter().map(|p| &*p.text);
        let written_body = written_body
            .filter(|b| !names_a_person(b))
            .or_else(|| conference_body(rest));
        let header_body = head.unit.as_ref().map(|unit| match &head.committee {
            Some(c) => format!("{unit} {c}"),
            None => unit.clone(),
        });
        let issuing_body = match &written_body {
            Some(b) if is_upper(b) => spelled_in(b, preamble.iter().map(|p| &*p.text))
                .or_else(|| {
                    spelled_in(
                        b,
                        items
                            .iter()
                            .flat_map(|i| [i.heading.as_str(), i.text.as_str()]),
                    )
                })
                .unwrap_or_else(|| super::casing::body_case(b)),
            Some(b) => b.clone(),
            None => match header_body.or_else(|| texts.find_map(header::find_body)) {
                Some(b) => b,
                None => {
                    let line = if title.is_some() {
                        title_block.first_line()
                    } else {
                        first_line
                    };
                    warnings.push((line, "no issuing body found".into()));
                    String::new()
                }
            },
        };
        let issuing_body = Some(repair::body_name(&issuing_body)).filter(|b| !b.is_empty());
        let issuing_body_text = issuing_body.clone().unwrap_or_default();
        let place = head
            .place
            .clone()
            .or_else(|| head.committee_place.clone())
            .or_else(|| place_after_committee(&issuing_body_text))
            .or_else(|| preamble.iter().find_map(|p| place_after_committee(&p.text)))
            .or_else(|| tail.place.clone())
            .or_else(|| {
                most_named_place(
                    preamble.iter().map(|p| &*p.text).chain(
                        items
                            .iter()
                            .flat_map(|i| [i.heading.as_str(), i.text.as_str()]),
                    ),
                )
            });
        // "Ban Thường vụ Thành ủy Hà Nội": the place is the document's place;
        // the body is named without it, as in titles that leave it out.
        let issuing_body = issuing_body.map(|b| match place_after_committee(&b) {
            Some(named) if b.ends_with(&format!(" {named}")) => {
                b[..b.len() - named.len()].trim_end().to_string()
            }
            _ => b,
        });
        let number = head
            .number
            .clone()
            .or_else(|| number_in_title(rest))
            .or_else(|| {
                title_text
                    .split(' ')
                    .position(|w| w == "Số" || w == "Số:")
                    .and_then(|i| title_text.split(' ').nth(i + 1))
                    .map(|n| n.trim_end_matches([',', '.']).to_string())
            })
            .or_else(|| {
                let kind = title.as_ref().map(|t| t.kind.as_str());
                preamble_text_number(kind, &head.other, &preamble)
            })
            .map(|n| repair::document_number(&n));

        let mut preamble_text: Vec<String> = head.other.clone();
        preamble_text.extend(preamble.into_iter().map(|p| p.text.into_owned()));
        warnings.sort_by_key(|w| w.0);
        Ok(Document {
            kind: title.as_ref().map(|t| t.kind.clone()),
            number,
            issuing_body,
            place,
            session,
            date: meeting,
            title: title.as_ref().map(|t| t.written.clone()),
            subject: title.and_then(|t| t.subject),
            source: None,
            issued_date: head.issued_date.or(tail.issued_date),
            preamble: preamble_text.join("\n"),
            items,
            closing: closing.join("\n"),
            recipients: tail.recipients,
            signer: tail.signer.map(|mut s| {
                s.name = s.name.map(|n| repair::person_name(&n));
                s
            }),
            warnings: warnings
                .into_iter()
                .map(|(line, message)| Warning { line, message })
                .collect(),
        })
    }
}

/// A title body that is a person ("của đồng chí Bí thư Tỉnh ủy"): the document
/// is then issued by an office, named in the header.
fn names_a_person(body: &str) -> bool {
    let l = super::casing::lower(body);
    ["đồng chí", "đ/c", "bí thư", "chủ tịch", "phó bí thư"]
        .iter()
        .any(|p| l.starts_with(p))
}

/// The body of a conference conclusion: `HỘI NGHỊ LẦN THỨ 18 BAN CHẤP HÀNH
/// ĐẢNG BỘ TỈNH (KHÓA XIX)` → `Ban Chấp hành Đảng bộ tỉnh`.
fn conference_body(title_rest: &str) -> Option<String> {
    let l = super::casing::lower(title_rest);
    let i = text::find(&l, "ban chấp hành")?;
    let found = header::find_body(&super::casing::body_case(&title_rest[i..]))?;
    Some(found)
}

/// A number written in the title line: `KẾT LUẬN 127-KL/TW CỦA …`.
fn number_in_title(rest: &str) -> Option<String> {
    let first = rest.split(' ').find(|w| !w.is_empty())?;
    let first = first.trim_end_matches([',', '.', ':']);
    (first.chars().next().is_some_and(|c| c.is_ascii_digit())
        && first.contains(['-', '/'])
        && first.chars().any(is_alpha))
    .then(|| first.to_string())
}

/// The number a web page's lead paragraph gives: "… vừa ban hành Kết luận số
/// 876-KL/TU về …".
fn preamble_text_number(
    kind: Option<&str>,
    header_other: &[String],
    preamble: &[Paragraph],
) -> Option<String> {
    let kinds: &[&str] = match kind {
        Some("THÔNG BÁO KẾT LUẬN") => &["thông báo kết luận số ", "thông báo số "],
        Some("THÔNG BÁO") => &["thông báo số "],
        _ => &["kết luận số "],
    };
    let texts = header_other
        .iter()
        .map(String::as_str)
        .chain(preamble.iter().take(3).map(|p| &*p.text));
    for t in texts {
        let l = super::casing::lower(t);
        for k in kinds {
            if let Some(i) = text::find(&l, k) {
                let n = t[i + k.len()..].split(' ').next().unwrap_or("");
                let n = n.trim_end_matches([',', '.', ';', ':', ')']);
                if n.chars().next().is_some_and(|c| c.is_ascii_digit()) && n.contains(['-', '/']) {
                    return Some(n.to_string());
                }
            }
        }
    }
    None
}

fn shorten(s: &str) -> String {
    s.chars().take(80).collect()
}

fn join(paragraphs: &[Paragraph]) -> String {
    // Sized exactly: the text is kept in the document.
    let len = paragraphs.iter().map(|p| p.text.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(1));
    for p in paragraphs {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&p.text);
    }
    out
}

fn is_closing(text: &str) -> bool {
    let l = super::casing::lower(text);
    CLOSING_PHRASES.iter().any(|p| text::contains(&l, p))
}

fn mentions_meeting(text: &str) -> bool {
    let l = super::casing::lower(text);
    ["kỳ họp", "phiên họp", "hội nghị"]
        .iter()
        .any(|k| text::contains(&l, k))
}

/// A paragraph that tells of the meeting: "Ngày 09/3/2023, Ban Thường vụ …
/// họp / tổ chức Hội nghị / làm việc …" — not a web page's "Đăng ngày …".
fn tells_of_meeting(text: &str) -> bool {
    let l = super::casing::lower(text);
    mentions_meeting(text)
        || [" họp", "làm việc", "cho ý kiến", "nghe "]
            .iter()
            .any(|k| text::contains(&l, k))
}

/// The meeting date: from the title block, else the first paragraph that
/// tells of the meeting ("Ngày 05/8/2022, Ban Thường vụ … họp"), else the
/// first day named in the preamble.
fn meeting_date(
    title: &Paragraph,
    preamble: &[Paragraph],
    warnings: &mut Vec<(usize, String)>,
) -> Option<time::Date> {
    let mut first_day = |p: &Paragraph| {
        let mut found = None;
        for m in date::scan(&p.text) {
            match m.value {
                DateValue::Day(d) if found.is_none() => found = Some(d),
                DateValue::Impossible(reason) => {
                    warnings.push((p.line_at(m.start), format!("{reason} ignored")));
                }
                _ => {}
            }
        }
        found
    };
    let from_title = first_day(title);
    let from_text = preamble
        .iter()
        .map(|p| (tells_of_meeting(&p.text), first_day(p)))
        .collect::<Vec<_>>();
    let told = from_text.iter().find_map(|&(told, d)| d.filter(|_| told));
    from_title
        .or(told)
        .or_else(|| from_text.into_iter().find_map(|(_, d)| d))
}
