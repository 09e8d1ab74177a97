//! [`SearchResults`]: ranked hits, snippets and facet counts.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::document::{Assignment, Deadline, Reference};

/// The answer to a [`SearchRequest`](crate::SearchRequest).
///
/// # JSON
///
/// Results (de)serialise as one object; the example CLI's `search --json`
/// prints the same form split in lines: every field but `hits` on the first
/// line, then one line per hit (with `"source"`, the key again, first).
/// Fields are only ever added, never renamed or removed:
///
/// ```json
/// {"total": 12, "partial": false, "ranked": true, "notes": [],
///  "facets": {"issuing_body": [["Ban Thường vụ Tỉnh ủy", 7]], "place": [["Lạng Sơn", 4]],
///             "year": [[2022, 5]], "submitting_body": [["Ban cán sự đảng Ủy ban nhân dân tỉnh", 3]]},
///  "total_exact": true,
///  "hits": [{"key": "docs/lang-son.txt", "item": 1, "score": 9.42, "kind": "KẾT LUẬN",
///            "issuing_body": "Ban Thường vụ Tỉnh ủy", "place": "Lạng Sơn", "date": "2022-03-04",
///            "topic": "điều chỉnh địa giới hành chính …", "reference": {"kind": "Tờ trình",
///            "number": "48-TTr/BCSD", "date": "2022-02-26", "body": "Ban cán sự đảng …"},
///            "snippet": "… điều chỉnh địa giới hành chính …", "highlights": [[14, 22], [23, 33]],
///            "deadlines": ["2022-06"], "assignments": [{"assignee": "Ban cán sự đảng …",
///            "task": "hoàn thiện phương án …", "deadline": "2022-06"}], "matched_items": [1],
///            "matched": 2, "of": 2}]}
/// ```
///
/// Dates are `"yyyy-mm-dd"`; deadlines are written at their precision
/// (`"2022-03-08"`, `"2022-06"`, `"2023-Q3"`, `"2024"`, as
/// [`Deadline`]'s `Display`); facet counts are `[value, count]` pairs, most
/// frequent first; `highlights` are `[start, end)` byte offsets into
/// `snippet` (UTF-8).
///
/// ```
/// use ketluan::{Document, Index, SearchRequest, SearchResults};
/// let doc = Document::parse(
///     "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 04 tháng 3 năm 2022\n\n\
///      1. Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh \
///      về việc điều chỉnh địa giới hành chính\n\n\
///      Giao Ban cán sự đảng Ủy ban nhân dân tỉnh hoàn thiện phương án trong tháng 6/2022.\n",
/// )?;
/// let index = Index::create_in_ram()?;
/// let mut writer = index.writer()?;
/// writer.add("a.txt", &doc)?;
/// writer.commit()?;
/// let results = index.search(&SearchRequest::new("phuong an"))?;
///
/// let json = serde_json::to_value(&results)?;
/// assert_eq!(json["total"], 1);
/// assert_eq!(json["hits"][0]["key"], "a.txt");
/// assert_eq!(json["hits"][0]["deadlines"][0], "2022-06");
/// let back: SearchResults = serde_json::from_value(json)?;
/// assert_eq!(back, results);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// Number of matching items (or documents, at document level): exact
    /// when [`SearchResults::total_exact`] says so, else a lower bound
    /// ([`EXACT_TOTAL_UP_TO`](crate::EXACT_TOTAL_UP_TO): there are at least
    /// that many).
    pub total: usize,
    /// True when no hit has every loose word typed, so the hits are items
    /// (or documents) that have some of them (most first; see
    /// [`Hit::matched`]). Phrases, exclusions and filters still hold.
    pub partial: bool,
    /// False when the request had no words to rank by (only filters): hits
    /// are then newest first and every score is 0.
    pub ranked: bool,
    /// When nothing matched a request with filters, which filters emptied it:
    /// one sentence per filter without which something would match (e.g.
    /// `without the issuer filter ("UBND") 12 items match`). Empty otherwise.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Counts over the whole result set, not only this page.
    pub facets: Facets,
    /// Whether [`SearchResults::total`] is the exact number of hits. False
    /// only when counting stopped at
    /// [`EXACT_TOTAL_UP_TO`](crate::EXACT_TOTAL_UP_TO): a request without
    /// facets and without [`SearchRequest::exact_total`](crate::SearchRequest::exact_total)
    /// that has more hits. (Missing in JSON: true, as before the field.)
    #[serde(default = "yes")]
    pub total_exact: bool,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
}

fn yes() -> bool {
    true
}

/// One matching agenda item, or one document at document level, with what a
/// list of results shows about it.
///
/// The item's own fields (topic, reference, deadlines, assignments) are
/// those of the item (at document level: of its best matching item); its
/// heading and full text are one call away with
/// [`Index::item`](crate::Index::item)`(&hit.key, n)`, the whole document
/// with [`Index::get`](crate::Index::get)`(&hit.key)`.
///
/// Serialises with the snippet's text as `"snippet"` and its highlights as
/// `"highlights"` (see [`SearchResults`] for the whole form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "HitForm", from = "HitForm")]
#[non_exhaustive]
pub struct Hit {
    /// The key the document was stored under.
    pub key: String,
    /// The item's number; `None` at document level.
    pub item: Option<u32>,
    /// Relevance score within the hit's tier (higher is better; only
    /// comparable between hits of one search with the same
    /// [`matched`](Hit::matched); 0 when [`SearchResults::ranked`] is false).
    pub score: f32,
    /// `"KẾT LUẬN"`, `"THÔNG BÁO KẾT LUẬN"`, …; `None` when the document has no
    /// recognised title.
    pub kind: Option<String>,
    /// The issuing body as the document writes it, when known.
    pub issuing_body: Option<String>,
    /// The place as the document writes it, when known.
    pub place: Option<String>,
    /// The meeting date, when known.
    pub date: Option<Date>,
    /// The item's topic (the best matching item's, at document level).
    pub topic: Option<String>,
    /// The item's cited submission (the best matching item's, at document level).
    pub reference: Option<Reference>,
    /// A passage of the item with the matches marked.
    pub snippet: Snippet,
    /// Every date by which something must be done in the item (the best
    /// matching item's, at document level), in text order.
    pub deadlines: Vec<Deadline>,
    /// Tasks the item gives (the best matching item's, at document level).
    pub assignments: Vec<Assignment>,
    /// Numbers of the document's items that match the request, ascending: at
    /// item level the hit's own item, at document level every matching item
    /// (the best one, whose fields the hit carries, among them).
    pub matched_items: Vec<u32>,
    /// How many of the query's loose words (and typed numbers) the hit has:
    /// hits are ordered by it first, so a list can be headed by tiers ("all
    /// 4 words", "3 of 4 words"). 0 when the request had no words.
    pub matched: u32,
    /// The number of loose words (and typed numbers) in the query; a hit with
    /// `matched == of` has all of them.
    pub of: u32,
}

/// The JSON form of a [`Hit`]; the field order is the contract.
#[derive(Serialize, Deserialize)]
struct HitForm {
    key: String,
    item: Option<u32>,
    score: f32,
    kind: Option<String>,
    issuing_body: Option<String>,
    place: Option<String>,
    date: Option<Date>,
    topic: Option<String>,
    reference: Option<Reference>,
    snippet: String,
    #[serde(with = "ranges")]
    highlights: Vec<Range<usize>>,
    deadlines: Vec<Deadline>,
    assignments: Vec<Assignment>,
    matched_items: Vec<u32>,
    #[serde(default)]
    matched: u32,
    #[serde(default)]
    of: u32,
}

impl From<Hit> for HitForm {
    fn from(hit: Hit) -> Self {
        HitForm {
            key: hit.key,
            item: hit.item,
            score: hit.score,
            kind: hit.kind,
            issuing_body: hit.issuing_body,
            place: hit.place,
            date: hit.date,
            topic: hit.topic,
            reference: hit.reference,
            snippet: hit.snippet.text,
            highlights: hit.snippet.highlights,
            deadlines: hit.deadlines,
            assignments: hit.assignments,
            matched_items: hit.matched_items,
            matched: hit.matched,
            of: hit.of,
        }
    }
}

impl From<HitForm> for Hit {
    fn from(form: HitForm) -> Self {
        Hit {
            key: form.key,
            item: form.item,
            score: form.score,
            kind: form.kind,
            issuing_body: form.issuing_body,
            place: form.place,
            date: form.date,
            topic: form.topic,
            reference: form.reference,
            snippet: Snippet {
                text: form.snippet,
                highlights: form.highlights,
            },
            deadlines: form.deadlines,
            assignments: form.assignments,
            matched_items: form.matched_items,
            matched: form.matched,
            of: form.of,
        }
    }
}

/// Byte ranges as `[start, end]` pairs.
mod ranges {
    use std::ops::Range;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(ranges: &[Range<usize>], s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<(usize, usize)> = ranges.iter().map(|r| (r.start, r.end)).collect();
        pairs.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Range<usize>>, D::Error> {
        let pairs = Vec::<(usize, usize)>::deserialize(d)?;
        Ok(pairs.into_iter().map(|(start, end)| start..end).collect())
    }
}

/// A passage of original text with the matching words marked.
///
/// Serialises as `{"text": "…", "highlights": [[start, end], …]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The passage, as written in the document.
    pub text: String,
    /// Byte ranges of `text` that matched, in order, not overlapping.
    #[serde(with = "ranges")]
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The passage as HTML, matches in `<b>…</b>`, everything else escaped.
    ///
    /// # Example
    /// ```
    /// use ketluan::Snippet;
    /// let s = Snippet { text: "đồng ý <chủ trương>".into(), highlights: vec![0..10] };
    /// assert_eq!(s.to_html(), "<b>đồng ý</b> &lt;chủ trương&gt;");
    /// ```
    pub fn to_html(&self) -> String {
        self.render("<b>", "</b>", escape_html)
    }

    /// The passage for a terminal, matches in ANSI bold.
    pub fn to_terminal(&self) -> String {
        self.render("\x1b[1m", "\x1b[0m", |s, out| out.push_str(s))
    }

    fn render(&self, open: &str, close: &str, mut push: impl FnMut(&str, &mut String)) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.highlights.len());
        let mut at = 0;
        for range in &self.highlights {
            // Ranges come from the tokenizer on this very text; `get` keeps a bad
            // range from panicking all the same.
            let (Some(before), Some(hit)) = (
                self.text.get(at..range.start),
                self.text.get(range.start..range.end),
            ) else {
                continue;
            };
            push(before, &mut out);
            out.push_str(open);
            push(hit, &mut out);
            out.push_str(close);
            at = range.end;
        }
        push(self.text.get(at..).unwrap_or(""), &mut out);
        out
    }
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Counts of hits per value, most frequent first (ties alphabetically).
///
/// Values that differ only in tone placement (`Tỉnh uỷ` / `Tỉnh ủy`) count
/// as one, shown in the spelling most of the counted hits use (ties: the
/// first in code-point order). A hit may spell a value the other way; the
/// value works as a filter all the same ([`SearchRequest::issuer`] ignores
/// tone placement), and [`analysis::fold`](crate::analysis::fold) compares
/// the two.
///
/// [`SearchRequest::issuer`]: crate::SearchRequest::issuer
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// By issuing body; `"(unknown)"` for documents that name none.
    pub issuing_body: Vec<(String, u64)>,
    /// By place: "Hòa Bình" also counts "Hoà Bình".
    pub place: Vec<(String, u64)>,
    /// By year of the meeting date.
    pub year: Vec<(i32, u64)>,
    /// By submitting body of the cited submission.
    pub submitting_body: Vec<(String, u64)>,
}
