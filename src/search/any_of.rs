//! A union that only does work where it is asked to.
//!
//! tantivy's own union buffers a window of 4,096 documents ahead of every
//! `seek`: each child is run over the whole window. For term children that is
//! cheap, but for phrase children (a body name, a quoted phrase) it means
//! checking positions in thousands of documents that another clause of the
//! intersection has already ruled out. [`AnyOf`] seeks each child to the
//! target and no further, so a phrase is checked only where the rest of the
//! query could match.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Term;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Matches a document that any of its queries matches; the score is the sum of
/// the scores of the queries that match it.
#[derive(Debug)]
pub(crate) struct AnyOf {
    queries: Vec<Box<dyn Query>>,
}

impl Clone for AnyOf {
    fn clone(&self) -> AnyOf {
        AnyOf {
            queries: self.queries.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl AnyOf {
    pub(crate) fn new(queries: Vec<Box<dyn Query>>) -> AnyOf {
        AnyOf { queries }
    }
}

impl Query for AnyOf {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .queries
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(AnyOfWeight { weights }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for query in &self.queries {
            query.query_terms(visitor);
        }
    }
}

struct AnyOfWeight {
    weights: Vec<Box<dyn Weight>>,
}

impl Weight for AnyOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        for weight in &self.weights {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        let doc = first_doc(&scorers);
        Ok(Box::new(AnyOfScorer { scorers, doc }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let matching: Vec<Explanation> = self
            .weights
            .iter()
            .filter_map(|weight| weight.explain(reader, doc).ok())
            .collect();
        if matching.is_empty() {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut explanation = Explanation::new(
            "AnyOf, sum of",
            matching.iter().map(Explanation::value).sum(),
        );
        for child in matching {
            explanation.add_detail(child);
        }
        Ok(explanation)
    }
}

fn first_doc(scorers: &[Box<dyn Scorer>]) -> DocId {
    scorers.iter().map(|s| s.doc()).min().unwrap_or(TERMINATED)
}

struct AnyOfScorer {
    scorers: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl DocSet for AnyOfScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        for scorer in &mut self.scorers {
            if scorer.doc() == self.doc {
                scorer.advance();
            }
        }
        self.doc = first_doc(&self.scorers);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for scorer in &mut self.scorers {
            if scorer.doc() < target {
                scorer.seek(target);
            }
        }
        self.doc = first_doc(&self.scorers);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .fold(0u32, |sum, s| sum.saturating_add(s.size_hint()))
    }

    fn cost(&self) -> u64 {
        self.scorers
            .iter()
            .fold(0u64, |sum, s| sum.saturating_add(s.cost()))
    }
}

impl Scorer for AnyOfScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.scorers
            .iter_mut()
            .filter(|s| s.doc() == doc)
            .map(|s| s.score())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, TantivyDocument, doc};

    use super::*;

    fn setup() -> (Index, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..10_000u32 {
            let mut body = String::from("filler");
            if i % 3 == 0 {
                body.push_str(" uy ban nhan dan");
            }
            if i % 5 == 0 {
                body.push_str(" hoi dong");
            }
            if i % 7 == 0 {
                body.push_str(" chuyen doi so");
            }
            let document: TantivyDocument = doc!(text => body);
            writer.add_document(document).unwrap();
        }
        writer.commit().unwrap();
        (index, text)
    }

    fn phrase(field: tantivy::schema::Field, words: &[&str]) -> Box<dyn Query> {
        Box::new(PhraseQuery::new(
            words
                .iter()
                .map(|w| Term::from_field_text(field, w))
                .collect(),
        ))
    }

    #[test]
    fn matches_what_a_boolean_union_matches_alone_and_in_an_intersection() {
        let (index, text) = setup();
        let searcher = index.reader().unwrap().searcher();
        let parts = || {
            vec![
                phrase(text, &["uy", "ban", "nhan", "dan"]),
                phrase(text, &["hoi", "dong"]),
            ]
        };
        let ours = AnyOf::new(parts());
        let theirs = BooleanQuery::new(parts().into_iter().map(|q| (Occur::Should, q)).collect());
        // Multiples of 3 or 5 below 10,000.
        assert_eq!(searcher.search(&ours, &Count).unwrap(), 4667);
        assert_eq!(searcher.search(&theirs, &Count).unwrap(), 4667);

        let with = |q: Box<dyn Query>| {
            BooleanQuery::new(vec![
                (Occur::Must, phrase(text, &["chuyen", "doi", "so"])),
                (Occur::Must, q),
            ])
        };
        let ours = with(Box::new(AnyOf::new(parts())));
        let theirs = with(Box::new(theirs));
        // Multiples of 21 or 35: 477 + 286 - 96 (multiples of 105).
        let expected = searcher.search(&theirs, &Count).unwrap();
        assert_eq!(searcher.search(&ours, &Count).unwrap(), expected);
        assert_eq!(expected, 667);
        let top = |q: &dyn Query| {
            searcher
                .search(q, &TopDocs::with_limit(20).order_by_score())
                .unwrap()
        };
        assert_eq!(top(&ours), top(&theirs), "same scores as a union's sum");
    }

    #[test]
    fn an_empty_or_unmatched_union_matches_nothing() {
        let (index, text) = setup();
        let searcher = index.reader().unwrap().searcher();
        let none = AnyOf::new(Vec::new());
        assert_eq!(searcher.search(&none, &Count).unwrap(), 0);
        let missing = AnyOf::new(vec![Box::new(TermQuery::new(
            Term::from_field_text(text, "absent"),
            IndexRecordOption::Basic,
        ))]);
        assert_eq!(searcher.search(&missing, &Count).unwrap(), 0);
    }
}
