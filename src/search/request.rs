//! [`SearchRequest`]: what the user asks for.

use serde::Serialize;
use time::Date;

/// Whether hits are agenda items or whole documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Level {
    /// One hit per matching agenda item (the default).
    #[default]
    Item,
    /// One hit per document, ranked by its best matching item.
    Document,
}

/// A search: free text plus any combination of filters, built step by step.
///
/// Any string a person types is accepted as free text: `"quoted phrases"`,
/// `-excluded` words, unbalanced quotes and stray punctuation never cause a
/// syntax error.
///
/// # Example
/// ```
/// use ketluan::{Level, SearchRequest};
/// use time::macros::date;
/// let request = SearchRequest::new("\"địa giới hành chính\" -huyện")
///     .body("UBND Lạng Sơn")
///     .date_range(Some(date!(2022 - 01 - 01)), None)
///     .level(Level::Document)
///     .limit(20);
/// assert_eq!(request.limit_value(), 20);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchRequest {
    pub(crate) text: String,
    pub(crate) topic: Option<String>,
    pub(crate) body: Option<String>,
    pub(crate) assignee: Option<String>,
    pub(crate) date_from: Option<Date>,
    pub(crate) date_to: Option<Date>,
    pub(crate) due_from: Option<Date>,
    pub(crate) due_to: Option<Date>,
    pub(crate) session: Option<u32>,
    pub(crate) reference: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) level: Level,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) facets: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest::new("")
    }
}

impl SearchRequest {
    /// A request for `text` (empty: every item) with no filters, top 10 items.
    pub fn new(text: impl Into<String>) -> Self {
        SearchRequest {
            text: text.into(),
            topic: None,
            body: None,
            assignee: None,
            date_from: None,
            date_to: None,
            due_from: None,
            due_to: None,
            session: None,
            reference: None,
            kind: None,
            level: Level::Item,
            limit: 10,
            offset: 0,
            facets: true,
        }
    }

    /// Words that must occur in the agenda item's topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// A body, e.g. `"Ban Thường vụ Tỉnh ủy Lạng Sơn"` or `"UBND tỉnh"`: at document
    /// level the issuing body with its place, at item level the issuing or the
    /// submitting body. All words must match, in order; case, accents, tone style
    /// and the usual abbreviations do not matter.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// A body named in the item's assignments ("Giao …").
    pub fn assignee(mut self, assignee: impl Into<String>) -> Self {
        self.assignee = Some(assignee.into());
        self
    }

    /// Meeting dates from `from` to `to`, both inclusive; `None` leaves a side open.
    pub fn date_range(mut self, from: Option<Date>, to: Option<Date>) -> Self {
        self.date_from = from;
        self.date_to = to;
        self
    }

    /// Items with a deadline on some day from `from` to `to` (inclusive): a
    /// month deadline matches if any of its days does.
    pub fn deadline_range(mut self, from: Option<Date>, to: Option<Date>) -> Self {
        self.due_from = from;
        self.due_to = to;
        self
    }

    /// Documents of this session number.
    pub fn session(mut self, session: u32) -> Self {
        self.session = Some(session);
        self
    }

    /// Items citing this submission number (or documents with this number),
    /// compared in normalized form: `48-TTr/BCSĐ` = `48 - ttr/bcsd`.
    pub fn reference(mut self, number: impl Into<String>) -> Self {
        self.reference = Some(number.into());
        self
    }

    /// Documents of this kind: `"KẾT LUẬN"` or `"THÔNG BÁO KẾT LUẬN"` (any case or accents).
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// Item hits (default) or document hits.
    pub fn level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// At most this many hits (default 10).
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Skip this many hits first, for paging.
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// Whether to count facets (default true); turning them off saves a pass
    /// over every hit.
    pub fn facets(mut self, facets: bool) -> Self {
        self.facets = facets;
        self
    }

    /// The requested number of hits.
    pub fn limit_value(&self) -> usize {
        self.limit
    }
}
