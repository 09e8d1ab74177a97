//! Items that have some of the words typed, in tiers by how many.
//!
//! [`WordTiers`] matches a record that has at least `floor` of the query's
//! words (and fewer than `below`), one of them not a common word, and whose
//! words weigh at least `min_weight` (a word weighs its inverse document
//! frequency: an item with only `Sơn` of `Nghi Sơn` is left out), and scores
//! it `matched × TIER_SCALE` plus the scores of the words it has: any ranking
//! by score then puts every record with more words above every record with
//! fewer, and orders each tier by the words' BM25 and boosts (topic, title,
//! exact diacritics). [`matched_of`] reads the tier back from a score.
//!
//! Per segment, the postings of the words that are not common are walked
//! once into one bit mask per record (which words it has); the common words
//! are then looked up only in the records that have a rare one (a record
//! needs one), by seeking. The records that qualify are scored in order, each
//! word's scorer seeked to them; a count never scores.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Term;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// The most loose words that take part in tiers; words past it are ignored
/// by the tiers (the all-words query still needs them).
pub(crate) const MAX_TIER_WORDS: usize = 32;

/// A word's postings are stepped through, not skipped along, when they are
/// fewer than this many times the records looked up.
const STEP_RATIO: usize = 4;

/// What one more matched word is worth: above any score a tier's BM25 and
/// boosts reach.
pub(crate) const TIER_SCALE: Score = 10_000.0;

/// The number of words a [`WordTiers`] score says were matched.
pub(crate) fn matched_of(score: Score) -> u32 {
    // Scores are finite and non-negative; the cast saturates anyway.
    (score / TIER_SCALE).floor() as u32
}

/// The score within a tier.
pub(crate) fn within_tier(score: Score) -> Score {
    score - matched_of(score) as Score * TIER_SCALE
}

/// See the [module documentation](self).
#[derive(Debug)]
pub(crate) struct WordTiers {
    /// One query per word, scoring the word (in any of its forms and fields).
    pub words: Vec<Box<dyn Query>>,
    /// One query per word, matching exactly where the word is; cheap (no
    /// scores, no frequencies).
    pub presence: Vec<Box<dyn Query>>,
    /// Bit `i` set when word `i` is not a common word.
    pub rare: u32,
    /// The least number of words a record must have.
    pub floor: usize,
    /// Each word's weight (its rarity).
    pub weights: Vec<f32>,
    /// The least sum of the weights of the words a record has.
    pub min_weight: f32,
    /// Records with this many words or more are left out (to the all-words
    /// query).
    pub below: usize,
    /// Only the records this query matches (a few documents' keys), when
    /// set: looked up record by record.
    pub within: Option<Box<dyn Query>>,
    /// Only the records this query matches (the request's filters), when set.
    pub filter: Option<Box<dyn Query>>,
    /// Added to the score of a record that has every word (the words as a
    /// phrase).
    pub full: Vec<Box<dyn Query>>,
    /// The most `full` can add: per phrase of it, its words and boost (a
    /// phrase scores at most its BM25 weight's maximum × its boost). A top-k
    /// skips the phrases of a record that cannot make the page even with
    /// that. Empty with a non-empty `full`: no bound, nothing skipped.
    pub full_bound: Vec<(Vec<Term>, Score)>,
    /// The records that qualify, per segment, shared by the clones of one
    /// query: a count and a top-k of the same search walk the postings once.
    pub cache: Cache,
}

/// See [`WordTiers::cache`].
pub(crate) type Cache = Arc<Mutex<HashMap<SegmentId, Arc<Vec<(DocId, u32)>>>>>;

impl Clone for WordTiers {
    fn clone(&self) -> WordTiers {
        WordTiers {
            words: self.words.iter().map(|q| q.box_clone()).collect(),
            presence: self.presence.iter().map(|q| q.box_clone()).collect(),
            rare: self.rare,
            floor: self.floor,
            weights: self.weights.clone(),
            min_weight: self.min_weight,
            below: self.below,
            within: self.within.as_ref().map(|q| q.box_clone()),
            filter: self.filter.as_ref().map(|q| q.box_clone()),
            full: self.full.iter().map(|q| q.box_clone()).collect(),
            full_bound: self.full_bound.clone(),
            cache: Arc::clone(&self.cache),
        }
    }
}

impl Query for WordTiers {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let without_scores = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        let (words, full) = if enable_scoring.is_scoring_enabled() {
            (
                weights_of(&self.words, enable_scoring)?,
                weights_of(&self.full, enable_scoring)?,
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let full_max = match enable_scoring {
            _ if full.is_empty() => 0.0,
            _ if self.full_bound.is_empty() => Score::INFINITY,
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => {
                let mut most: Score = 0.0;
                for (terms, boost) in &self.full_bound {
                    most += Bm25Weight::for_terms(statistics_provider, terms)?.max_score() * boost;
                }
                most
            }
            EnableScoring::Disabled { .. } => Score::INFINITY,
        };
        Ok(Box::new(TiersWeight {
            words,
            presence: weights_of(&self.presence, without_scores)?,
            rare: self.rare,
            floor: self.floor,
            weights: self.weights.clone(),
            min_weight: self.min_weight,
            below: self.below,
            within: self
                .within
                .as_ref()
                .map(|q| q.weight(without_scores))
                .transpose()?,
            filter: self
                .filter
                .as_ref()
                .map(|q| q.weight(without_scores))
                .transpose()?,
            full,
            full_max,
            cache: Arc::clone(&self.cache),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for query in &self.words {
            query.query_terms(visitor);
        }
    }
}

fn weights_of(
    queries: &[Box<dyn Query>],
    enable_scoring: EnableScoring<'_>,
) -> tantivy::Result<Vec<Box<dyn Weight>>> {
    queries.iter().map(|q| q.weight(enable_scoring)).collect()
}

struct TiersWeight {
    /// Empty when scoring is off.
    words: Vec<Box<dyn Weight>>,
    presence: Vec<Box<dyn Weight>>,
    rare: u32,
    floor: usize,
    weights: Vec<f32>,
    min_weight: f32,
    below: usize,
    within: Option<Box<dyn Weight>>,
    filter: Option<Box<dyn Weight>>,
    full: Vec<Box<dyn Weight>>,
    /// The most `full` adds to a score.
    full_max: Score,
    cache: Cache,
}

impl TiersWeight {
    /// [`TiersWeight::qualifying`], once per segment.
    fn cached(&self, reader: &SegmentReader) -> tantivy::Result<Arc<Vec<(DocId, u32)>>> {
        let id = reader.segment_id();
        // A poisoned lock only loses the cache.
        if let Some(docs) = self.cache.lock().ok().and_then(|c| c.get(&id).cloned()) {
            return Ok(docs);
        }
        let docs = Arc::new(self.qualifying(reader)?);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(id, Arc::clone(&docs));
        }
        Ok(docs)
    }

    fn scorers(
        weights: &[Box<dyn Weight>],
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Vec<Box<dyn Scorer>>> {
        let mut scorers = Vec::with_capacity(weights.len());
        for weight in weights {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        Ok(scorers)
    }

    fn tiers_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<TiersScorer> {
        Ok(TiersScorer {
            docs: self.cached(reader)?,
            at: 0,
            scorers: TiersWeight::scorers(&self.words, reader, boost)?,
            full: TiersWeight::scorers(&self.full, reader, boost)?,
            every: u32::try_from(self.presence.len()).unwrap_or(u32::MAX),
        })
    }
    fn weight_of(&self, mask: u32) -> f32 {
        self.weights
            .iter()
            .enumerate()
            .take(MAX_TIER_WORDS)
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, w)| w)
            .sum()
    }
}

impl TiersWeight {
    /// The records of the segment that qualify, ascending, with how many
    /// words each has.
    fn qualifying(&self, reader: &SegmentReader) -> tantivy::Result<Vec<(DocId, u32)>> {
        let words = self.presence.len().min(MAX_TIER_WORDS);
        let (mut candidates, mut masks): (Vec<DocId>, Vec<u32>) = match &self.within {
            Some(within) => {
                // Few records: every word is looked up in them.
                let docs = all_docs(within.scorer(reader, 1.0)?);
                let docs = self.filtered(reader, docs)?;
                let mut masks = vec![0u32; docs.len()];
                for i in 0..words {
                    self.seek_word(reader, i, &docs, &mut masks)?;
                }
                (docs, masks)
            }
            None => {
                // A record needs a word that is not common: walk those first,
                // merging their sorted postings.
                let mut found: Vec<(DocId, u32)> = Vec::new();
                for i in (0..words).filter(|&i| self.rare & (1 << i) != 0) {
                    let docs = all_docs(self.presence[i].scorer(reader, 1.0)?);
                    found = merge(&found, &docs, 1 << i);
                }
                if let Some(filter) = &self.filter {
                    // Only where the filters hold: fewer records to look up.
                    let mut scorer = filter.scorer(reader, 1.0)?;
                    found.retain(|&(doc, _)| {
                        if scorer.doc() < doc {
                            scorer.seek(doc);
                        }
                        scorer.doc() == doc
                    });
                }
                let (docs, mut masks): (Vec<DocId>, Vec<u32>) = found.into_iter().unzip();
                // The common words, only where a rare one is.
                for i in (0..words).filter(|&i| self.rare & (1 << i) == 0) {
                    self.seek_word(reader, i, &docs, &mut masks)?;
                }
                (docs, masks)
            }
        };
        let mut out = Vec::with_capacity(candidates.len());
        for (doc, mask) in candidates.drain(..).zip(masks.drain(..)) {
            let matched = mask.count_ones() as usize;
            if mask & self.rare != 0
                && matched >= self.floor
                && matched < self.below
                && self.weight_of(mask) >= self.min_weight
            {
                out.push((doc, mask.count_ones()));
            }
        }
        Ok(out)
    }

    /// Those of `docs` (ascending) the filter matches.
    fn filtered(
        &self,
        reader: &SegmentReader,
        mut docs: Vec<DocId>,
    ) -> tantivy::Result<Vec<DocId>> {
        let Some(filter) = &self.filter else {
            return Ok(docs);
        };
        let mut scorer = filter.scorer(reader, 1.0)?;
        docs.retain(|&doc| {
            if scorer.doc() < doc {
                scorer.seek(doc);
            }
            scorer.doc() == doc
        });
        Ok(docs)
    }

    /// Sets word `i`'s bit in `masks` for those of `docs` (ascending) that
    /// have it, by seeking.
    fn seek_word(
        &self,
        reader: &SegmentReader,
        i: usize,
        docs: &[DocId],
        masks: &mut [u32],
    ) -> tantivy::Result<()> {
        let mut scorer = self.presence[i].scorer(reader, 1.0)?;
        // Stepping through the postings beats skipping unless the records
        // looked up are far apart.
        let step = (scorer.size_hint() as usize) < docs.len().saturating_mul(STEP_RATIO);
        for (&doc, mask) in docs.iter().zip(masks.iter_mut()) {
            if step {
                while scorer.doc() < doc {
                    scorer.advance();
                }
            } else if scorer.doc() < doc {
                scorer.seek(doc);
            }
            if scorer.doc() == TERMINATED {
                break;
            }
            if scorer.doc() == doc {
                *mask |= 1 << i;
            }
        }
        Ok(())
    }
}

/// The union of `found` and `docs` (both ascending), `bit` set on `docs`.
fn merge(found: &[(DocId, u32)], docs: &[DocId], bit: u32) -> Vec<(DocId, u32)> {
    let mut out = Vec::with_capacity(found.len() + docs.len());
    let (mut a, mut b) = (0, 0);
    while a < found.len() || b < docs.len() {
        match (found.get(a), docs.get(b)) {
            (Some(&(x, mask)), Some(&y)) if x == y => {
                out.push((x, mask | bit));
                a += 1;
                b += 1;
            }
            (Some(&(x, mask)), Some(&y)) if x < y => {
                out.push((x, mask));
                a += 1;
            }
            (Some(&found), None) => {
                out.push(found);
                a += 1;
            }
            (_, Some(&y)) => {
                out.push((y, bit));
                b += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Every document of a doc set, ascending.
fn all_docs(mut docs: Box<dyn Scorer>) -> Vec<DocId> {
    let mut out = Vec::new();
    let mut doc = docs.doc();
    while doc != TERMINATED {
        out.push(doc);
        doc = docs.advance();
    }
    out
}

impl Weight for TiersWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.tiers_scorer(reader, boost)?))
    }

    /// Top-k: a record whose tier cannot beat the threshold is not scored.
    fn for_each_pruning(
        &self,
        mut threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut scorer = self.tiers_scorer(reader, 1.0)?;
        let docs = Arc::clone(&scorer.docs);
        for (at, &(doc, matched)) in docs.iter().enumerate() {
            if (matched + 1) as Score * TIER_SCALE <= threshold {
                continue;
            }
            scorer.at = at;
            if let Some(score) = scorer.score_above(threshold, self.full_max)
                && score > threshold
            {
                threshold = callback(doc, score);
            }
        }
        Ok(())
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let docs = self.cached(reader)?;
        let alive = reader.alive_bitset();
        let count = docs
            .iter()
            .filter(|&&(doc, _)| alive.is_none_or(|a| a.is_alive(doc)))
            .count();
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("WordTiers", scorer.score()))
    }
}

struct TiersScorer {
    docs: Arc<Vec<(DocId, u32)>>,
    at: usize,
    scorers: Vec<Box<dyn Scorer>>,
    /// Scored only on records with `every` word.
    full: Vec<Box<dyn Scorer>>,
    every: u32,
}

/// The sum of the scores of `scorers` that match `doc` (not before any of
/// them).
fn score_at(scorers: &mut [Box<dyn Scorer>], doc: DocId) -> Score {
    let mut sum: Score = 0.0;
    for scorer in scorers {
        if scorer.doc() < doc {
            scorer.seek(doc);
        }
        if scorer.doc() == doc {
            sum += scorer.score();
        }
    }
    sum
}

impl DocSet for TiersScorer {
    fn advance(&mut self) -> DocId {
        if self.at < self.docs.len() {
            self.at += 1;
        }
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() >= target {
            return self.doc();
        }
        let rest = &self.docs[self.at..];
        self.at += rest.partition_point(|&(d, _)| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).map_or(TERMINATED, |&(d, _)| d)
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.docs.len() - self.at.min(self.docs.len())).unwrap_or(u32::MAX)
    }
}

impl TiersScorer {
    /// The current record's score, or `None` when it cannot exceed
    /// `threshold` (its phrases, which add at most `full_max`, are then not
    /// looked up).
    fn score_above(&mut self, threshold: Score, full_max: Score) -> Option<Score> {
        let &(doc, matched) = self.docs.get(self.at)?;
        let tier = matched as Score * TIER_SCALE;
        let within = |inner: Score| tier + inner.clamp(0.0, TIER_SCALE * 0.999);
        let mut inner = score_at(&mut self.scorers, doc);
        if matched >= self.every {
            if within(inner + full_max) <= threshold {
                return None;
            }
            inner += score_at(&mut self.full, doc);
        }
        Some(within(inner))
    }
}

impl Scorer for TiersScorer {
    fn score(&mut self) -> Score {
        self.score_above(Score::NEG_INFINITY, Score::INFINITY)
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, TantivyDocument, doc};

    use super::*;

    const WORDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

    /// Records of pseudo-random words (a fixed linear congruential sequence),
    /// in two segments.
    fn setup() -> (Index, tantivy::schema::Field, Vec<Vec<&'static str>>) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let mut state: u64 = 12345;
        let mut records = Vec::new();
        for i in 0..600 {
            let mut words = Vec::new();
            for &w in &WORDS {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                if (state >> 33).is_multiple_of(3) {
                    words.push(w);
                }
            }
            let document: TantivyDocument = doc!(text => words.join(" "));
            writer.add_document(document).unwrap();
            records.push(words);
            if i == 300 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        (index, text, records)
    }

    fn term(field: tantivy::schema::Field, word: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    #[test]
    fn tiers_agree_with_a_naive_count() {
        let (index, text, records) = setup();
        let searcher = index.reader().unwrap().searcher();
        let query_words = ["a", "b", "c", "d"];
        for (rare, floor, min_weight, below) in [
            (0b1111u32, 1, 0.0, 5),
            (0b0011, 2, 0.0, 5),
            (0b0100, 2, 2.5, 4),
            (0b1111, 3, 0.0, 4),
        ] {
            let weights = vec![2.0, 1.0, 1.5, 0.5];
            let tiers = WordTiers {
                words: query_words.iter().map(|w| term(text, w)).collect(),
                presence: query_words.iter().map(|w| term(text, w)).collect(),
                rare,
                floor,
                weights: weights.clone(),
                min_weight,
                below,
                within: None,
                filter: None,
                full: Vec::new(),
                full_bound: Vec::new(),
                cache: Cache::default(),
            };
            // The naive reference: each record's words, counted.
            let mut expected: Vec<u32> = Vec::new();
            for words in &records {
                let mut mask = 0u32;
                let mut weight = 0.0;
                for (i, w) in query_words.iter().enumerate() {
                    if words.contains(w) {
                        mask |= 1 << i;
                        weight += weights[i];
                    }
                }
                let matched = mask.count_ones();
                if mask & rare != 0
                    && matched as usize >= floor
                    && (matched as usize) < below
                    && weight >= min_weight
                {
                    expected.push(matched);
                }
            }
            assert_eq!(searcher.search(&tiers, &Count).unwrap(), expected.len());
            let top = searcher
                .search(&tiers, &TopDocs::with_limit(1000).order_by_score())
                .unwrap();
            let mut tiers_found: Vec<u32> = top.iter().map(|&(s, _)| matched_of(s)).collect();
            expected.sort_unstable_by(|a, b| b.cmp(a));
            // Best first: the tiers come out in order, as many of each.
            assert_eq!(tiers_found, expected);
            tiers_found.dedup();
            assert!(tiers_found.windows(2).all(|w| w[0] > w[1]));
            // The pruned top-k agrees with the full ranking.
            let top10 = searcher
                .search(&tiers, &TopDocs::with_limit(10).order_by_score())
                .unwrap();
            assert_eq!(top10, top[..top.len().min(10)].to_vec());
        }
    }

    #[test]
    fn scores_split_into_tier_and_score_within_it() {
        let score = 3.0 * TIER_SCALE + 7.25;
        assert_eq!(matched_of(score), 3);
        assert!((within_tier(score) - 7.25).abs() < 0.01);
        assert_eq!(
            merge(&[(1, 1), (4, 1)], &[2, 4], 2),
            vec![(1, 1), (2, 2), (4, 3)]
        );
    }
}
