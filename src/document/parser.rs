//! Text → [`Document`]: header, title block, preamble, agenda items, end matter.

use std::borrow::Cow;

use super::assignment::{assignments, deadlines};
use super::casing::is_upper;
use super::date::{self, DateValue};
use super::header::{
    self, find_title, most_named_place, place_after_committee, read_header, read_title, session,
    spelled_in, title_body,
};
use super::item::{find_headings, read_heading};
use super::signature::{read_tail, starts_tail};
use super::text::{self, Paragraph};
use super::{AgendaItem, Document, Warning};
use crate::analysis::{is_normalized, normalize};
use crate::{Error, Result};

const EXPECTED_TITLE: &str = "a title (KẾT LUẬN or THÔNG BÁO KẾT LUẬN)";
const EXPECTED_DATE: &str = "a meeting date";

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
    /// numbers in errors and warnings are those of the input.
    ///
    /// # Errors
    /// [`Error::Parse`] when no title or no meeting date can be found.
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
            Cow::Owned(normalize(text))
        } else {
            Cow::Borrowed(text)
        };
        let lines = text::lines(&normalized);
        let first = lines.iter().find(|l| !l.is_blank());
        let Some((title_at, kind)) = find_title(&lines) else {
            return Err(Error::Parse {
                line: first.map_or(1, |l| l.no),
                expected: EXPECTED_TITLE.into(),
                found: first.map(|l| shorten(&l.text)).unwrap_or_default(),
            });
        };
        let mut warnings: Vec<(usize, String)> = Vec::new();
        let head = read_header(&lines[..title_at]);
        warnings.extend(head.warnings.iter().cloned());
        let title = read_title(&lines, title_at, kind);
        let body = &lines[title.end.min(lines.len())..];

        let headings = find_headings(body, &mut warnings);
        let search_from = headings.last().map_or(0, |h| h.end);
        let tail_at = (search_from..body.len())
            .find(|&i| starts_tail(&body[i]))
            .unwrap_or(body.len());
        let preamble_end = headings.first().map_or(tail_at, |h| h.at);
        let preamble = text::paragraphs(&body[..preamble_end]);

        // Title facts.
        let title_text = &title.block.text;
        let rest = title_text.get(title.kind.len()..).unwrap_or("");
        let written_body = title_body(rest);
        let meeting =
            meeting_date(&title.block, &preamble, &mut warnings).ok_or_else(|| Error::Parse {
                line: title.block.first_line(),
                expected: EXPECTED_DATE.into(),
                found: shorten(title_text),
            })?;
        let session = session(rest).or_else(|| {
            preamble
                .first()
                .and_then(|p| session(&p.text).filter(|_| mentions_meeting(&p.text)))
        });

        // Items.
        let mut items = Vec::with_capacity(headings.len());
        for (k, h) in headings.iter().enumerate() {
            let end = headings.get(k + 1).map_or(tail_at, |n| n.at);
            let paragraphs = text::paragraphs(&body[h.end.min(end)..end]);
            let parts = read_heading(&h.text);
            warnings.extend(parts.warnings.into_iter().map(|m| (h.line, m)));
            let found = deadlines(&paragraphs, meeting, &mut warnings);
            if paragraphs.is_empty() && parts.reference.is_some() {
                warnings.push((h.line, format!("item {} has no text", h.number)));
            }
            items.push((
                AgendaItem {
                    number: h.number,
                    heading: h.text.clone(),
                    reference: parts.reference,
                    topic: parts.topic,
                    text: String::new(),
                    assignments: assignments(&paragraphs, &found),
                    deadlines: found.iter().map(|f| f.deadline).collect(),
                },
                paragraphs,
            ));
        }
        // The closing sentence often follows the last item without a break.
        let mut closing: Vec<String> = Vec::new();
        if let Some((_, paragraphs)) = items.last_mut() {
            while paragraphs.len() > 1 && paragraphs.last().is_some_and(|p| is_closing(&p.text)) {
                if let Some(p) = paragraphs.pop() {
                    closing.insert(0, p.text);
                }
            }
        }
        let items: Vec<AgendaItem> = items
            .into_iter()
            .map(|(mut item, paragraphs)| {
                item.text = join(&paragraphs);
                item
            })
            .collect();

        let tail = read_tail(&body[tail_at..]);
        closing.extend(tail.closing);

        // Who and where.
        let mut texts = preamble.iter().map(|p| p.text.as_str());
        let issuing_body = match &written_body {
            Some(b) if is_upper(b) => spelled_in(b, preamble.iter().map(|p| p.text.as_str()))
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
            None => match texts.find_map(header::find_body) {
                Some(b) => b,
                None => {
                    warnings.push((title.block.first_line(), "no issuing body found".into()));
                    String::new()
                }
            },
        };
        let issuing_body = Some(issuing_body).filter(|b| !b.is_empty());
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
                    preamble.iter().map(|p| p.text.as_str()).chain(
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
        let number = head.number.clone().or_else(|| {
            title
                .block
                .text
                .split(' ')
                .position(|w| w == "Số" || w == "Số:")
                .and_then(|i| title.block.text.split(' ').nth(i + 1))
                .map(|n| n.trim_end_matches([',', '.']).to_string())
        });

        let mut preamble_text: Vec<String> = head.other.clone();
        preamble_text.extend(preamble.into_iter().map(|p| p.text));
        warnings.sort_by_key(|w| w.0);
        Ok(Document {
            kind: Some(title.kind),
            number,
            issuing_body,
            place,
            session,
            date: Some(meeting),
            subject: None,
            source: None,
            issued_date: head.issued_date.or(tail.issued_date),
            preamble: preamble_text.join("\n"),
            items,
            closing: closing.join("\n"),
            recipients: tail.recipients,
            signer: tail.signer,
            warnings: warnings
                .into_iter()
                .map(|(line, message)| Warning { line, message })
                .collect(),
        })
    }
}

fn shorten(s: &str) -> String {
    s.chars().take(80).collect()
}

fn join(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
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
    CLOSING_PHRASES.iter().any(|p| l.contains(p))
}

fn mentions_meeting(text: &str) -> bool {
    let l = super::casing::lower(text);
    ["kỳ họp", "phiên họp", "hội nghị"]
        .iter()
        .any(|k| l.contains(k))
}

/// The meeting date: from the title block, else the opening sentence ("Ngày
/// 05/8/2022, …"), else the first day named in the preamble.
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
    let from_text = preamble.iter().map(&mut first_day).collect::<Vec<_>>();
    from_title.or_else(|| from_text.into_iter().flatten().next())
}
