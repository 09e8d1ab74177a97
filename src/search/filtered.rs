//! Free text under filters, ranked with block-WAND.
//!
//! A [`BooleanQuery`](tantivy::query::BooleanQuery) of words and filters is
//! scored record by record: every record with the word and the filters gets
//! a score, though only ten make the page. [`Filtered`] keeps the words'
//! own top-k pruning (block-WAND over the words' terms, which skips blocks of
//! postings that cannot beat the page's last hit) and checks the filters only
//! on the records that could make the page. When the filters match far fewer
//! records than the words, walking the filters' records is cheaper, and that
//! is what it does then.

use tantivy::query::{
    ConstScoreQuery, EnableScoring, Explanation, Query, Scorer, Weight, intersect_scorers,
};
use tantivy::schema::Term;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Filters this many times rarer than the words are walked instead.
const SELECTIVE: u32 = 16;

/// Records `text` matches and `filter` matches too, scored by `text` alone.
#[derive(Debug)]
pub(crate) struct Filtered {
    /// The words: a query tantivy's top-k prunes (a union of terms).
    pub text: Box<dyn Query>,
    /// The filters, never scored.
    pub filter: Box<dyn Query>,
}

impl Clone for Filtered {
    fn clone(&self) -> Filtered {
        Filtered {
            text: self.text.box_clone(),
            filter: self.filter.box_clone(),
        }
    }
}

impl Query for Filtered {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // A zero score: the filters never change a record's score. (With
        // scoring off, `ConstScoreQuery` hands back its inner weight, whose
        // scorer scores 1: the zero needs scoring on.)
        let filter = ConstScoreQuery::new(self.filter.box_clone(), 0.0).weight(enable_scoring)?;
        Ok(Box::new(FilteredWeight {
            text: self.text.weight(enable_scoring)?,
            filter,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.text.query_terms(visitor);
    }
}

struct FilteredWeight {
    text: Box<dyn Weight>,
    filter: Box<dyn Weight>,
}

impl Weight for FilteredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(intersect_scorers(
            vec![
                self.text.scorer(reader, boost)?,
                self.filter.scorer(reader, 1.0)?,
            ],
            reader.num_docs(),
        ))
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut filter = self.filter.scorer(reader, 1.0)?;
        // The words' postings are opened for their size only when the filter
        // could be rare enough to matter.
        let rare = filter.size_hint().saturating_mul(SELECTIVE);
        if rare < reader.max_doc() && rare < self.text.scorer(reader, 1.0)?.size_hint() {
            // Few records pass the filters: score just those.
            drop(filter);
            let mut scorer = self.scorer(reader, 1.0)?;
            let mut threshold = threshold;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                let score = scorer.score();
                if score > threshold {
                    threshold = callback(doc, score);
                }
                doc = scorer.advance();
            }
            return Ok(());
        }
        let mut current = threshold;
        // The last record the filter was asked about: block-WAND offers
        // records in ascending order, but nothing here relies on it.
        let mut asked: DocId = 0;
        let mut failure = None;
        self.text
            .for_each_pruning(threshold, reader, &mut |doc, score| {
                if doc < asked {
                    match self.filter.scorer(reader, 1.0) {
                        Ok(fresh) => filter = fresh,
                        Err(e) => {
                            failure = Some(e);
                            return Score::INFINITY;
                        }
                    }
                }
                asked = doc;
                if filter.doc() < doc {
                    filter.seek(doc);
                }
                if filter.doc() == doc {
                    current = callback(doc, score);
                }
                current
            })?;
        match failure {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut explanation = Explanation::new("Filtered", scorer.score());
        explanation.add_detail(self.text.explain(reader, doc)?);
        Ok(explanation)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{DocAddress, Index, TantivyDocument, doc};

    use super::*;

    #[test]
    fn filtered_top_k_equals_the_intersection_for_rare_and_common_filters() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 20_000_000).unwrap();
        for i in 0..6_000u32 {
            let words = ["a"; 40][..1 + (i as usize * 7) % 39].join(" ");
            let body = if i % 3 == 0 {
                format!("{words} b")
            } else {
                words
            };
            // `rare` on one record in 200, `common` on one in two.
            let tags = match (i % 200 == 0, i % 2 == 0) {
                (true, _) => "rare",
                (false, true) => "common",
                (false, false) => "other",
            };
            let record: TantivyDocument = doc!(text => body, tag => tags);
            writer.add_document(record).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |field, w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let words = || -> Box<dyn Query> {
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, term(text, "a")),
                (Occur::Should, term(text, "b")),
            ]))
        };
        for filter in ["rare", "common"] {
            let filtered = Filtered {
                text: words(),
                filter: term(tag, filter),
            };
            let plain = BooleanQuery::new(vec![
                (Occur::Must, words()),
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(term(tag, filter), 0.0)),
                ),
            ]);
            let top = |q: &dyn Query| -> Vec<(Score, DocAddress)> {
                searcher
                    .search(q, &TopDocs::with_limit(10).order_by_score())
                    .unwrap()
            };
            let (got, want) = (top(&filtered), top(&plain));
            assert_eq!(got.len(), 10, "{filter}");
            let scores =
                |v: &[(Score, DocAddress)]| -> Vec<Score> { v.iter().map(|x| x.0).collect() };
            assert_eq!(scores(&got), scores(&want), "{filter}");
            assert_eq!(
                searcher.search(&filtered, &Count).unwrap(),
                searcher.search(&plain, &Count).unwrap(),
                "{filter}"
            );
        }
    }
}
