//! [`SearchResults`]: ranked hits, snippets and facet counts.

use std::ops::Range;

use serde::Serialize;
use time::Date;

use crate::document::Reference;

/// The answer to a [`SearchRequest`](crate::SearchRequest).
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of matching items (or documents, at document level).
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// Counts over the whole result set, not only this page.
    pub facets: Facets,
    /// True when no item had all of three or more words typed, so the hits are
    /// items that have most of them (best first). Phrases, exclusions and
    /// filters still hold.
    pub partial: bool,
}

/// One matching agenda item, or one document at document level.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The key the document was stored under.
    pub key: String,
    /// The item's number; `None` at document level.
    pub item: Option<u32>,
    /// Relevance score (higher is better; only comparable within one search).
    pub score: f32,
    /// `"KẾT LUẬN"`, `"THÔNG BÁO KẾT LUẬN"`, …; `None` when the document has no
    /// recognised title.
    pub kind: Option<String>,
    /// The issuing body, when known.
    pub issuing_body: Option<String>,
    /// The place, when known.
    pub place: Option<String>,
    /// The meeting date, when known.
    pub date: Option<Date>,
    /// The item's topic (the best matching item's, at document level).
    pub topic: Option<String>,
    /// The item's cited submission (the best matching item's, at document level).
    pub reference: Option<Reference>,
    /// A passage of the item with the matches marked.
    pub snippet: Snippet,
}

/// A passage of original text with the matching words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage, as written in the document.
    pub text: String,
    /// Byte ranges of `text` that matched, in order, not overlapping.
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// By issuing body (tone placement unified).
    pub issuing_body: Vec<(String, u64)>,
    /// By place (tone placement unified: "Hoà Bình" also counts "Hòa Bình").
    pub place: Vec<(String, u64)>,
    /// By year of the meeting date.
    pub year: Vec<(i32, u64)>,
    /// By submitting body of the cited submission.
    pub submitting_body: Vec<(String, u64)>,
}
