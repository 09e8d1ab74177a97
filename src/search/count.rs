//! Totals: the hits of a query counted exactly up to a threshold, and a
//! lower bound beyond it.
//!
//! Counting every one of 300,000 hits costs more than finding the best ten
//! (which block-WAND does without visiting most of them), and a user reads
//! "10,000 or more" as well as "344,436". So a search counts up to
//! [`EXACT_TOTAL_UP_TO`] and stops there, unless the caller asks for an
//! exact count ([`SearchRequest::exact_total`](crate::SearchRequest::exact_total))
//! or the total came for free from a pass that visited every hit anyway
//! (facets, a ranking that scores every hit).

use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{DocSet, Searcher, SegmentReader, TERMINATED};

use crate::index::schema::Fields;

/// Totals are counted exactly up to this many hits; beyond it a search
/// reports this number as a lower bound (with
/// [`SearchResults::total_exact`](crate::SearchResults::total_exact) false),
/// as Elasticsearch does by default.
pub const EXACT_TOTAL_UP_TO: usize = 10_000;

/// A number of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Total {
    pub count: usize,
    /// False when `count` is a lower bound: counting stopped there.
    pub exact: bool,
}

impl Total {
    pub(crate) fn exact(count: usize) -> Total {
        Total { count, exact: true }
    }
}

/// The hits of `query`: records, or, with `per_document`, the documents
/// they belong to. With `up_to`, counting stops once more than that many are
/// found, and the total is `up_to`, not exact.
pub(crate) fn count(
    searcher: &Searcher,
    query: &dyn Query,
    per_document: Option<&Fields>,
    up_to: Option<usize>,
) -> tantivy::Result<Total> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut count = 0usize;
    for reader in searcher.segment_readers() {
        if per_document.is_none() && up_to.is_none() {
            // Term queries answer from their document frequency.
            count += weight.count(reader)? as usize;
            continue;
        }
        let room = up_to.map(|limit| limit.saturating_sub(count));
        match count_segment(&*weight, reader, per_document, room)? {
            Some(found) => count += found,
            None => {
                return Ok(Total {
                    // Only reached with a limit.
                    count: up_to.unwrap_or(count),
                    exact: false,
                });
            }
        }
    }
    Ok(Total::exact(count))
}

/// The hits in one segment, or `None` once there are more than `room`.
fn count_segment(
    weight: &dyn Weight,
    reader: &SegmentReader,
    per_document: Option<&Fields>,
    room: Option<usize>,
) -> tantivy::Result<Option<usize>> {
    let keys = match per_document {
        Some(fields) => {
            let name = reader.schema().get_field_name(fields.key).to_string();
            reader.fast_fields().str(&name)?
        }
        None => None,
    };
    // Documents already counted, by key ordinal (a document's records all
    // live in one segment, so counting per segment is exact).
    let mut seen = vec![false; keys.as_ref().map_or(0, |k| k.num_terms())];
    let alive = reader.alive_bitset();
    let mut scorer = weight.scorer(reader, 1.0)?;
    let mut found = 0usize;
    let mut doc = scorer.doc();
    while doc != TERMINATED {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            // A record without a key counts on its own.
            let new = match keys.as_ref().and_then(|k| k.term_ords(doc).next()) {
                Some(ord) => seen
                    .get_mut(ord as usize)
                    .is_none_or(|slot| !std::mem::replace(slot, true)),
                None => true,
            };
            if new {
                found += 1;
                if room.is_some_and(|room| found > room) {
                    return Ok(None);
                }
            }
        }
        doc = scorer.advance();
    }
    Ok(Some(found))
}
