//! Peer 2: tantivy as a developer would use it out of the box — the default
//! tokenizer chain plus ASCII folding, one record per agenda item, on disk, with
//! the same writer budget and threads as ketluan.

use std::collections::HashMap;
use std::ops::Bound;
use std::path::Path;

use ketluan::Document;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{
    DocAddress, DocId, Index, IndexReader, ReloadPolicy, Score, SegmentOrdinal, SegmentReader,
    TantivyDocument, Term,
};

use super::corpus::bodies;
use super::queries::{Answer, Granularity, LIMIT, MixQuery};

const TOKENIZER: &str = "default_folding";

struct Fields {
    topic: Field,
    heading: Field,
    text: Field,
    bodies: Field,
    key: Field,
    doc: Field,
    item: Field,
    issuing_body: Field,
    place: Field,
    date: Field,
    session: Field,
    kind: Field,
}

fn schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    b.add_text_field("topic", text.clone());
    b.add_text_field("heading", text.clone());
    b.add_text_field("text", text.clone());
    b.add_text_field("bodies", text);
    b.add_text_field("key", STRING | STORED);
    b.add_u64_field("doc", FAST);
    b.add_u64_field("item", STORED);
    b.add_text_field("issuing_body", STRING);
    b.add_text_field("place", STRING);
    b.add_i64_field("date", INDEXED | FAST);
    b.add_u64_field("session", INDEXED);
    b.add_text_field("kind", STRING);
    b.build()
}

fn fields(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        topic: f("topic")?,
        heading: f("heading")?,
        text: f("text")?,
        bodies: f("bodies")?,
        key: f("key")?,
        doc: f("doc")?,
        item: f("item")?,
        issuing_body: f("issuing_body")?,
        place: f("place")?,
        date: f("date")?,
        session: f("session")?,
        kind: f("kind")?,
    })
}

/// tantivy's default chain (SimpleTokenizer, RemoveLongFilter(40), LowerCaser)
/// plus AsciiFoldingFilter.
fn register(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(TOKENIZER, analyzer);
}

fn day(date: time::Date) -> i64 {
    i64::from(date.to_julian_day())
}

/// Creates the index in `dir` and indexes `docs`; returns the records written.
///
/// # Errors
/// Any tantivy error.
pub fn build(
    dir: &Path,
    docs: &[(String, Document)],
    memory_budget: usize,
    threads: usize,
) -> tantivy::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, schema())?;
    register(&index);
    let f = fields(&index.schema())?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads, memory_budget)?;
    let mut records = 0u64;
    for (doc_no, (key, doc)) in docs.iter().enumerate() {
        for item in &doc.items {
            let mut d = TantivyDocument::new();
            d.add_text(f.topic, &item.topic);
            d.add_text(f.heading, &item.heading);
            d.add_text(f.text, &item.text);
            d.add_text(f.bodies, bodies(doc, item));
            d.add_text(f.key, key);
            d.add_u64(f.doc, doc_no as u64);
            d.add_u64(f.item, u64::from(item.number));
            if let Some(body) = &doc.issuing_body {
                d.add_text(f.issuing_body, body);
            }
            if let Some(place) = &doc.place {
                d.add_text(f.place, place);
            }
            if let Some(date) = doc.date {
                d.add_i64(f.date, day(date));
            }
            if let Some(s) = doc.session {
                d.add_u64(f.session, u64::from(s));
            }
            if let Some(kind) = &doc.kind {
                d.add_text(f.kind, kind);
            }
            writer.add_document(d)?;
            records += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(records)
}

/// An open index.
pub struct PlainTantivy {
    reader: IndexReader,
    parser: QueryParser,
    fields: Fields,
}

impl PlainTantivy {
    /// Opens the index built by [`build`].
    ///
    /// # Errors
    /// Any tantivy error.
    pub fn open(dir: &Path) -> tantivy::Result<PlainTantivy> {
        let index = Index::open_in_dir(dir)?;
        register(&index);
        let fields = fields(&index.schema())?;
        let parser = QueryParser::for_index(
            &index,
            vec![fields.topic, fields.heading, fields.text, fields.bodies],
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(PlainTantivy {
            reader,
            parser,
            fields,
        })
    }

    /// Number of records.
    pub fn records(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn query(&self, q: &MixQuery) -> tantivy::Result<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(text) = q.peer_text {
            clauses.push((Occur::Must, self.parser.parse_query(text)?));
        }
        if let Some(b) = q.peer_bodies {
            clauses.push((
                Occur::Must,
                self.parser.parse_query(&format!("bodies:{b}"))?,
            ));
        }
        if let Some(place) = q.peer_place {
            let term = Term::from_field_text(self.fields.place, place);
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        if let Some((from, to)) = q.dates {
            let lo = Term::from_field_i64(self.fields.date, day(from));
            let hi = Term::from_field_i64(self.fields.date, day(to));
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Included(lo), Bound::Included(hi))),
            ));
        }
        if clauses.len() == 1
            && let Some((_, only)) = clauses.pop()
        {
            return Ok(only);
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Runs one query of the mix: the top hits and the hit count.
    ///
    /// # Errors
    /// Any tantivy error.
    pub fn run(&self, q: &MixQuery) -> tantivy::Result<Answer> {
        let searcher = self.reader.searcher();
        let query = self.query(q)?;
        let key = |addr: DocAddress| -> tantivy::Result<String> {
            let doc: TantivyDocument = searcher.doc(addr)?;
            Ok(doc
                .get_first(self.fields.key)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string())
        };
        match q.granularity {
            Granularity::Item => {
                let (top, total) = searcher.search(
                    &query,
                    &(TopDocs::with_limit(LIMIT).order_by_score(), Count),
                )?;
                let top = top
                    .into_iter()
                    .map(|(_, addr)| key(addr))
                    .collect::<tantivy::Result<Vec<_>>>()?;
                Ok(Answer {
                    total,
                    exact: true,
                    top,
                })
            }
            Granularity::Document => {
                let best = searcher.search(&query, &BestPerDoc)?;
                let total = best.len();
                let mut ranked: Vec<(Score, DocAddress)> = best.into_values().collect();
                ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                let top = ranked
                    .into_iter()
                    .take(LIMIT)
                    .map(|(_, addr)| key(addr))
                    .collect::<tantivy::Result<Vec<_>>>()?;
                Ok(Answer {
                    total,
                    exact: true,
                    top,
                })
            }
        }
    }
}

/// The best-scoring record of each document (keyed by the `doc` fast field):
/// what an app needs for document-level hits over item records.
struct BestPerDoc;

struct BestPerDocSegment {
    segment: SegmentOrdinal,
    doc: Column<u64>,
    best: HashMap<u64, (Score, DocAddress)>,
}

impl Collector for BestPerDoc {
    type Fruit = HashMap<u64, (Score, DocAddress)>;
    type Child = BestPerDocSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<BestPerDocSegment> {
        Ok(BestPerDocSegment {
            segment,
            doc: reader.fast_fields().u64("doc")?,
            best: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Self::Fruit = HashMap::new();
        for fruit in fruits {
            for (doc, hit) in fruit {
                let entry = all.entry(doc).or_insert(hit);
                if hit.0 > entry.0 {
                    *entry = hit;
                }
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for BestPerDocSegment {
    type Fruit = HashMap<u64, (Score, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(d) = self.doc.first(doc) {
            let hit = (score, DocAddress::new(self.segment, doc));
            let entry = self.best.entry(d).or_insert(hit);
            if score > entry.0 {
                *entry = hit;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.best
    }
}
