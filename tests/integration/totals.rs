//! Totals counted up to a threshold, and rankings that skip what cannot make
//! the page (issue 13): what a search reports must not change with how it
//! got there.

use std::sync::OnceLock;

use ketluan::{EXACT_TOTAL_UP_TO, Hit, Index, Level, SearchRequest, SearchResults};
use time::Month;

use crate::made::{doc, item};

/// Documents in the big index, and items per document.
const DOCUMENTS: usize = 1_100;
const ITEMS: usize = 10;

/// More item records than [`EXACT_TOTAL_UP_TO`]: every item says `ngân
/// sách`, one in seven `hiếm` (half of those with `việc hiếm gặp` in the topic); scores
/// differ with the length of the text and how often the words occur.
fn big() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::create_in_ram().unwrap();
        let mut writer = index.writer().unwrap();
        for d in 0..DOCUMENTS {
            let items = (0..ITEMS)
                .map(|i| {
                    let n = d * ITEMS + i;
                    let mut text = "Thống nhất ngân sách năm nay. ".repeat(1 + n % 3);
                    text.push_str(&"Các nội dung khác của tỉnh. ".repeat(n % 7));
                    if n.is_multiple_of(7) {
                        text.push_str(&"Việc hiếm gặp. ".repeat(1 + n % 5));
                    }
                    let topic = if n.is_multiple_of(14) {
                        format!("việc hiếm gặp số {n}")
                    } else {
                        format!("nội dung số {n}")
                    };
                    item(i as u32 + 1, &topic, &text)
                })
                .collect();
            let day = time::Date::from_calendar_date(
                2015 + (d % 10) as i32,
                Month::try_from(1 + (d % 12) as u8).unwrap(),
                1 + (d % 28) as u8,
            )
            .unwrap();
            writer
                .add(
                    &format!("doc-{d:04}.txt"),
                    &doc("Ban Thường vụ Tỉnh ủy", "Lạng Sơn", day, items),
                )
                .unwrap();
        }
        writer.commit().unwrap();
        index
    })
}

fn search(request: SearchRequest) -> SearchResults {
    big().search(&request).unwrap()
}

#[test]
fn totals_are_exact_up_to_the_threshold_and_a_lower_bound_beyond() {
    let items = DOCUMENTS * ITEMS;
    assert!(items > EXACT_TOTAL_UP_TO);

    let quick = search(SearchRequest::new("ngân").facets(false));
    assert_eq!((quick.total, quick.total_exact), (EXACT_TOTAL_UP_TO, false));
    assert_eq!(quick.hits.len(), 10);

    let exact = search(SearchRequest::new("ngân").facets(false).exact_total(true));
    assert_eq!((exact.total, exact.total_exact), (items, true));
    // The same page either way.
    assert_eq!(keys(&exact.hits), keys(&quick.hits));

    // Facets visit every hit: the total that comes with them is exact.
    let faceted = search(SearchRequest::new("ngân"));
    assert_eq!((faceted.total, faceted.total_exact), (items, true));

    // Fewer hits than the threshold are always counted exactly.
    let rare = search(SearchRequest::new("hiếm").facets(false));
    assert_eq!((rare.total, rare.total_exact), (items.div_ceil(7), true));
    let documents = search(
        SearchRequest::new("ngân")
            .level(Level::Document)
            .facets(false),
    );
    assert_eq!((documents.total, documents.total_exact), (DOCUMENTS, true));

    // Two words: every item has both (the tiers' count is exact).
    let two = search(SearchRequest::new("ngân sách").facets(false));
    assert_eq!((two.total, two.total_exact), (items, true));

    // Filters alone rank by date, a pass over every hit: exact.
    let filtered = search(
        SearchRequest::new("")
            .date_range(None, Some(time::macros::date!(2019 - 12 - 31)))
            .facets(false),
    );
    assert!(filtered.total_exact);
    assert_eq!(filtered.total, DOCUMENTS / 2 * ITEMS);
}

fn keys(hits: &[Hit]) -> Vec<(String, Option<u32>)> {
    hits.iter().map(|h| (h.key.clone(), h.item)).collect()
}

/// Each document's best item, in the order of an item-level ranking of every
/// hit: what a document-level search must return.
fn best_per_document(items: &SearchResults) -> Vec<(String, f32)> {
    let mut seen = std::collections::HashSet::new();
    items
        .hits
        .iter()
        .filter(|h| seen.insert(h.key.clone()))
        .map(|h| (h.key.clone(), h.score))
        .collect()
}

/// Scores of two rankings agree place by place (ties may swap hits).
fn same_scores(a: &[f32], b: &[f32]) {
    assert_eq!(a.len(), b.len(), "{a:?} vs {b:?}");
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= 1e-4 * x.abs().max(1.0), "{a:?} vs {b:?}");
    }
}

#[test]
fn pruned_document_ranking_agrees_with_ranking_every_item() {
    for text in ["hiếm", "ngân sách hiếm", "hiem"] {
        let all_items = search(
            SearchRequest::new(text)
                .limit(ketluan::MAX_LIMIT)
                .facets(false),
        );
        let expected = best_per_document(&all_items);
        let documents = search(
            SearchRequest::new(text)
                .level(Level::Document)
                .limit(25)
                .facets(false),
        );
        let scores: Vec<f32> = documents.hits.iter().map(|h| h.score).collect();
        let want: Vec<f32> = expected.iter().take(25).map(|(_, s)| *s).collect();
        same_scores(&scores, &want);
        // Each hit is its document's best item.
        for hit in &documents.hits {
            let best = expected.iter().find(|(k, _)| *k == hit.key).unwrap();
            assert!((best.1 - hit.score).abs() <= 1e-4 * best.1.max(1.0));
        }
    }
}

#[test]
fn pruned_ranking_under_filters_agrees_with_filtering_every_hit() {
    let from = time::macros::date!(2018 - 01 - 01);
    let to = time::macros::date!(2020 - 12 - 31);
    let everything = search(
        SearchRequest::new("hiếm")
            .limit(ketluan::MAX_LIMIT)
            .facets(false),
    );
    let expected: Vec<f32> = everything
        .hits
        .iter()
        .filter(|h| h.date.is_some_and(|d| d >= from && d <= to))
        .map(|h| h.score)
        .take(10)
        .collect();
    let filtered = search(
        SearchRequest::new("hiếm")
            .date_range(Some(from), Some(to))
            .facets(false),
    );
    let scores: Vec<f32> = filtered.hits.iter().map(|h| h.score).collect();
    same_scores(&scores, &expected);
    assert!(
        filtered
            .hits
            .iter()
            .all(|h| h.date.is_some_and(|d| d >= from && d <= to))
    );
    // A filter that few records pass takes the other road to the same page.
    let day = time::macros::date!(2015 - 01 - 01);
    let narrow = search(
        SearchRequest::new("ngân")
            .date_range(Some(day), Some(day))
            .facets(false)
            .exact_total(true),
    );
    assert!(narrow.total > 0 && narrow.total < 100);
    assert!(narrow.hits.iter().all(|h| h.date == Some(day)));
}

#[test]
fn pruned_phrase_ranking_agrees_with_ranking_every_hit() {
    let from = time::macros::date!(2016 - 01 - 01);
    for (text, dated) in [
        ("\"hiếm gặp\"", false),
        ("\"việc hiếm\"", false),
        ("\"hiem gap\"", false),
        ("\"hiếm gặp\" -khác", false),
        ("\"hiếm gặp\"", true),
    ] {
        let request = |limit: usize, level: Level| {
            let mut r = SearchRequest::new(text)
                .limit(limit)
                .level(level)
                .facets(false);
            if dated {
                r = r.date_range(Some(from), None);
            }
            search(r)
        };
        // Fewer hits than a page of MAX_LIMIT: that page scores every hit.
        let every = request(ketluan::MAX_LIMIT, Level::Item);
        assert!(
            every.total > 10 && every.total < ketluan::MAX_LIMIT,
            "{text}"
        );
        let top = request(10, Level::Item);
        let scores = |hits: &[Hit]| -> Vec<f32> { hits.iter().map(|h| h.score).collect() };
        same_scores(&scores(&top.hits), &scores(&every.hits[..10]));
        assert_eq!((top.total, top.total_exact), (every.total, true));

        let expected = best_per_document(&every);
        let documents = request(10, Level::Document);
        let want: Vec<f32> = expected.iter().take(10).map(|(_, s)| *s).collect();
        same_scores(&scores(&documents.hits), &want);
    }
}

#[test]
fn pruned_word_tiers_agree_with_ranking_every_hit() {
    // Loose words: tiers, with the words as a phrase adding to a score.
    for text in [
        "việc hiếm gặp",
        "viec hiem gap",
        "ngân sách hiếm",
        "hiếm gặp ngân sách",
    ] {
        let request = |limit: usize| search(SearchRequest::new(text).limit(limit).facets(false));
        // Fewer hits than a page of MAX_LIMIT: that page scores every hit.
        let every = request(ketluan::MAX_LIMIT);
        assert!(
            every.total > 10 && every.total < ketluan::MAX_LIMIT,
            "{text}: {}",
            every.total
        );
        let top = request(10);
        let scores = |hits: &[Hit]| -> Vec<(u32, f32)> {
            hits.iter().map(|h| (h.matched, h.score)).collect()
        };
        let (got, want) = (scores(&top.hits), scores(&every.hits[..10]));
        assert_eq!(
            got.iter().map(|s| s.0).collect::<Vec<_>>(),
            want.iter().map(|s| s.0).collect::<Vec<_>>(),
            "{text}"
        );
        same_scores(
            &got.iter().map(|s| s.1).collect::<Vec<_>>(),
            &want.iter().map(|s| s.1).collect::<Vec<_>>(),
        );
    }
}
