//! [`SearchRequest`]: what the user asks for.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::vocabulary::kind_key;
use crate::{Error, Result};

/// The document kinds the parser recognises, as [`SearchRequest::kind`]
/// accepts them (in any case, with or without accents).
pub use crate::document::KINDS;

/// Whether hits are agenda items or whole documents; `"item"` or
/// `"document"` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
/// Filters mean the same at item and at document level: at document level a
/// document matches when one of its items matches them all.
///
/// # JSON
///
/// A request (de)serialises as one object, so it can come straight from a
/// JSON body. Every field is optional (missing fields take the defaults of
/// [`SearchRequest::new`]); unknown fields are an error, so a misspelt filter
/// is never silently ignored. Dates are `"yyyy-mm-dd"`.
///
/// ```json
/// {"text": "dia gioi hanh chinh", "topic": null, "body": null, "issuer": "Tỉnh ủy",
///  "submitter": null, "assignee": null, "date_from": "2022-01-01", "date_to": null,
///  "due_from": null, "due_to": null, "session": null, "reference": null, "kind": null,
///  "level": "item", "limit": 10, "offset": 0, "facets": true}
/// ```
///
/// # Example
/// ```
/// use ketluan::{Date, Level, SearchRequest};
/// let request = SearchRequest::new("\"địa giới hành chính\" -huyện")
///     .body("UBND Lạng Sơn")
///     .date_range(Date::from_calendar_date(2022, ketluan::Month::January, 1).ok(), None)
///     .level(Level::Document)
///     .limit(20);
/// assert_eq!(request.limit_value(), 20);
///
/// let json = serde_json::to_string(&request)?;
/// assert_eq!(serde_json::from_str::<SearchRequest>(&json)?, request);
/// let typed: SearchRequest =
///     serde_json::from_str(r#"{"text": "khu du lich", "issuer": "Tỉnh ủy", "date_from": "2022-01-01"}"#)?;
/// assert_eq!(typed, SearchRequest::new("khu du lich").issuer("Tỉnh ủy").date_range(
///     Date::from_calendar_date(2022, ketluan::Month::January, 1).ok(), None));
/// assert!(serde_json::from_str::<SearchRequest>(r#"{"bdy": "UBND"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchRequest {
    pub(crate) text: String,
    pub(crate) topic: Option<String>,
    pub(crate) body: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) submitter: Option<String>,
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
    pub(crate) exact_total: bool,
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
            issuer: None,
            submitter: None,
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
            exact_total: false,
        }
    }

    /// Words that must occur in the agenda item's topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// A body, e.g. `"Ban Thường vụ Tỉnh ủy Lạng Sơn"` or `"UBND tỉnh"`: the
    /// issuing body (with the document's place) or the submitting body of the
    /// item's cited submission, at either level. All words must match, in
    /// order; case, accents, tone style and the usual abbreviations do not
    /// matter. [`SearchRequest::issuer`] and [`SearchRequest::submitter`]
    /// look at one of the two only.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// The issuing body only (with the document's place), matched as
    /// [`SearchRequest::body`] matches.
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self
    }

    /// The submitting body of the item's cited submission only (with the
    /// document's place), matched as [`SearchRequest::body`] matches.
    pub fn submitter(mut self, submitter: impl Into<String>) -> Self {
        self.submitter = Some(submitter.into());
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

    /// Documents of this kind, one of [`KINDS`]: `"KẾT LUẬN"` or `"THÔNG BÁO
    /// KẾT LUẬN"` (any case or accents). Another value makes the search fail
    /// with [`Error::InvalidRequest`] (see [`SearchRequest::validate`]).
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

    /// Whether to count every hit (default false): without facets, a total
    /// above [`EXACT_TOTAL_UP_TO`](crate::EXACT_TOTAL_UP_TO) is otherwise
    /// reported as that lower bound
    /// ([`SearchResults::total_exact`](crate::SearchResults::total_exact)
    /// false), which spares a pass over every hit. With facets the total is
    /// always exact: they visit every hit anyway.
    pub fn exact_total(mut self, exact: bool) -> Self {
        self.exact_total = exact;
        self
    }

    /// The requested number of hits.
    pub fn limit_value(&self) -> usize {
        self.limit
    }

    /// Checks what [`Index::search`](crate::Index::search) checks before
    /// searching, without an index: for a request that came from outside
    /// (a JSON body, command-line flags).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a date or deadline range that ends before
    /// it starts, or a kind that is not one of [`KINDS`].
    ///
    /// # Example
    /// ```
    /// use ketluan::SearchRequest;
    /// assert!(SearchRequest::new("").kind("thong bao ket luan").validate().is_ok());
    /// let err = SearchRequest::new("").kind("công điện").validate().unwrap_err();
    /// assert!(err.to_string().starts_with(
    ///     "invalid search request: unknown kind \"công điện\"; \
    ///      the kinds are \"THÔNG BÁO KẾT LUẬN\", \"KẾT LUẬN\", \"THÔNG BÁO\", \"NGHỊ QUYẾT\""
    /// ));
    /// ```
    pub fn validate(&self) -> Result<()> {
        for (what, from, to) in [
            ("date", self.date_from, self.date_to),
            ("deadline", self.due_from, self.due_to),
        ] {
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                return Err(Error::InvalidRequest(format!(
                    "{what} range ends ({to}) before it starts ({from})"
                )));
            }
        }
        if let Some(kind) = &self.kind {
            let key = kind_key(kind);
            if !KINDS.iter().any(|k| kind_key(k) == key) {
                let known: Vec<String> = KINDS.iter().map(|k| format!("{k:?}")).collect();
                return Err(Error::InvalidRequest(format!(
                    "unknown kind {kind:?}; the kinds are {}",
                    known.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// The filters this request sets, by name, each with the request without
    /// it: to say which filter emptied a search.
    pub(crate) fn without_each_filter(&self) -> Vec<(&'static str, String, SearchRequest)> {
        let mut out = Vec::new();
        let mut push = |name: &'static str, value: Option<String>, clear: &dyn Fn(&mut Self)| {
            if let Some(value) = value {
                let mut without = self.clone();
                clear(&mut without);
                out.push((name, value, without));
            }
        };
        let range = |from: Option<Date>, to: Option<Date>| match (from, to) {
            (None, None) => None,
            (from, to) => Some(format!(
                "{}..{}",
                from.map(|d| d.to_string()).unwrap_or_default(),
                to.map(|d| d.to_string()).unwrap_or_default()
            )),
        };
        push("topic", self.topic.clone(), &|r| r.topic = None);
        push("body", self.body.clone(), &|r| r.body = None);
        push("issuer", self.issuer.clone(), &|r| r.issuer = None);
        push("submitter", self.submitter.clone(), &|r| r.submitter = None);
        push("assignee", self.assignee.clone(), &|r| r.assignee = None);
        push("date", range(self.date_from, self.date_to), &|r| {
            r.date_from = None;
            r.date_to = None;
        });
        push("deadline", range(self.due_from, self.due_to), &|r| {
            r.due_from = None;
            r.due_to = None;
        });
        push("session", self.session.map(|s| s.to_string()), &|r| {
            r.session = None
        });
        push("reference", self.reference.clone(), &|r| r.reference = None);
        push("kind", self.kind.clone(), &|r| r.kind = None);
        out
    }
}
