//! The query mix every system runs, with each query written once per system in
//! that system's own terms.

use time::Date;
use time::macros::date;

/// Item hits or document hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One hit per agenda item.
    Item,
    /// One hit per document (best item ranks it).
    Document,
}

/// One query of the mix.
#[derive(Debug, Clone)]
pub struct MixQuery {
    /// Row label in the report.
    pub name: &'static str,
    /// ketluan: free text as a user would type it.
    pub ours_text: &'static str,
    /// ketluan: `SearchRequest::body`.
    pub ours_body: Option<&'static str>,
    /// Peers: text in their query syntax over the four text columns; a quoted
    /// phrase or a single term; `None` for a filter-only query.
    pub peer_text: Option<&'static str>,
    /// Peers: phrase that must occur in the `bodies` column.
    pub peer_bodies: Option<&'static str>,
    /// Peers: exact place (metadata column).
    pub peer_place: Option<&'static str>,
    /// Meeting date range, inclusive (all systems).
    pub dates: Option<(Date, Date)>,
    /// Item or document hits.
    pub granularity: Granularity,
    /// Every system must find something (a no-op otherwise): terms whose
    /// indexing all systems handle. Ours must always find something.
    pub all_must_hit: bool,
}

/// The mix, in report order.
pub fn mix() -> Vec<MixQuery> {
    let base = MixQuery {
        name: "",
        ours_text: "",
        ours_body: None,
        peer_text: None,
        peer_bodies: None,
        peer_place: None,
        dates: None,
        granularity: Granularity::Item,
        all_must_hit: false,
    };
    vec![
        MixQuery {
            name: "common term `tỉnh`",
            ours_text: "tỉnh",
            peer_text: Some("tỉnh"),
            all_must_hit: true,
            ..base.clone()
        },
        MixQuery {
            name: "rare term `Khuổi`",
            ours_text: "Khuổi",
            peer_text: Some("khuổi"),
            ..base.clone()
        },
        MixQuery {
            name: "unaccented phrase `dia gioi hanh chinh`",
            ours_text: "dia gioi hanh chinh",
            peer_text: Some("\"dia gioi hanh chinh\""),
            ..base.clone()
        },
        MixQuery {
            name: "accented phrase `\"đồng ý chủ trương\"`",
            ours_text: "\"đồng ý chủ trương\"",
            peer_text: Some("\"đồng ý chủ trương\""),
            all_must_hit: true,
            ..base.clone()
        },
        MixQuery {
            name: "body filter: UBND + Lạng Sơn",
            ours_body: Some("UBND Lạng Sơn"),
            peer_text: Some("\"ủy ban nhân dân\""),
            peer_place: Some("Lạng Sơn"),
            ..base.clone()
        },
        MixQuery {
            name: "date range 2020",
            dates: Some((date!(2020 - 01 - 01), date!(2020 - 12 - 31))),
            all_must_hit: true,
            ..base.clone()
        },
        MixQuery {
            name: "combined: `chuyển đổi số` + UBND + 2019–2023",
            ours_text: "\"chuyển đổi số\"",
            ours_body: Some("UBND"),
            peer_text: Some("\"chuyển đổi số\""),
            peer_bodies: Some("\"ủy ban nhân dân\""),
            dates: Some((date!(2019 - 01 - 01), date!(2023 - 12 - 31))),
            ..base.clone()
        },
        MixQuery {
            name: "document level `ngân sách`",
            ours_text: "ngân sách",
            peer_text: Some("\"ngân sách\""),
            granularity: Granularity::Document,
            all_must_hit: true,
            ..base
        },
    ]
}

/// What one run of a query returned.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// Total matching items (or documents at document level).
    pub total: usize,
    /// False when `total` is a lower bound (ketluan counts up to
    /// `ketluan::EXACT_TOTAL_UP_TO` unless asked for more).
    pub exact: bool,
    /// Keys of the top hits, best first (at most 10).
    pub top: Vec<String>,
}

/// Hits per page in every system.
pub const LIMIT: usize = 10;

/// A hit count as a report shows it: `≥ 10000` for a lower bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hits {
    pub count: usize,
    pub exact: bool,
}

impl std::fmt::Display for Hits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.exact {
            write!(f, "{}", self.count)
        } else {
            write!(f, "≥ {}", self.count)
        }
    }
}
