//! Running a [`SearchRequest`] against an [`Index`].

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Score, Searcher, TantivyDocument, Term};

use super::collect::{BestPerKey, FacetCollector, FacetFruit, julian};
use super::query::{BuiltQuery, build};
use super::request::{Level, SearchRequest};
use super::results::{Hit, SearchResults, Snippet};
use crate::document::AgendaItem;
use crate::error::OrEngine;
use crate::index::record::decode;
use crate::index::{Index, Stats};
use crate::{Error, Result};

/// Hits per page are capped so that a careless `limit` cannot exhaust memory.
pub const MAX_LIMIT: usize = 10_000;
/// Deepest page start allowed.
pub const MAX_OFFSET: usize = 100_000;
/// Characters of context in a snippet.
const SNIPPET_CHARS: usize = 200;

impl Index {
    /// Runs a search.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] as [`SearchRequest::validate`] says (a range
    /// that ends before it starts, an unknown kind); [`Error::Engine`] or
    /// [`Error::Corrupt`] if the index cannot be read.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        request.validate()?;
        let searcher = self.reader.searcher();
        let built = build(&self.fields, request, false);
        let relaxable = built.relaxable;
        let mut results = self.run(&searcher, request, built)?;
        if results.total == 0 && relaxable {
            // No item has every word: rank the items that have some of them.
            results = self.run(&searcher, request, build(&self.fields, request, true))?;
            results.partial = true;
        }
        if results.total == 0 {
            results.notes = self.why_nothing(&searcher, request)?;
        }
        Ok(results)
    }

    /// For a request that found nothing: each filter without which something
    /// would match, as a sentence.
    fn why_nothing(&self, searcher: &Searcher, request: &SearchRequest) -> Result<Vec<String>> {
        let mut notes = Vec::new();
        for (name, value, without) in request.without_each_filter() {
            let found = self.count(searcher, &without)?;
            if found > 0 {
                let what = match (request.level, found) {
                    (Level::Item, 1) => "item matches",
                    (Level::Item, _) => "items match",
                    (Level::Document, 1) => "document matches",
                    (Level::Document, _) => "documents match",
                };
                notes.push(format!(
                    "without the {name} filter ({value:?}) {found} {what}"
                ));
            }
        }
        Ok(notes)
    }

    /// The number of hits of `request` (all words required, as a first try).
    fn count(&self, searcher: &Searcher, request: &SearchRequest) -> Result<usize> {
        let built = build(&self.fields, request, false);
        Ok(match request.level {
            Level::Item => searcher.search(&built.query, &Count).or_engine()?,
            Level::Document => searcher
                .search(
                    &built.query,
                    &BestPerKey {
                        fields: self.fields.clone(),
                        scoring: false,
                    },
                )
                .or_engine()?
                .len(),
        })
    }

    fn run(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        built: BuiltQuery,
    ) -> Result<SearchResults> {
        let limit = request.limit.min(MAX_LIMIT);
        let offset = request.offset.min(MAX_OFFSET);

        let page: Vec<(Score, DocAddress)>;
        let total;
        let mut facets = Default::default();
        match request.level {
            Level::Item => {
                let facet_collector = FacetCollector {
                    fields: self.fields.clone(),
                    per_document: false,
                };
                let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
                if built.scored && !built.prunable {
                    // Every hit gets scored anyway: count (and facet) in the same pass.
                    let (top, fruit) = if request.facets {
                        let (top, fruit) = searcher
                            .search(&built.query, &(top.order_by_score(), facet_collector))
                            .or_engine()?;
                        (top, fruit)
                    } else {
                        let (top, count) = searcher
                            .search(&built.query, &(top.order_by_score(), Count))
                            .or_engine()?;
                        (
                            top,
                            FacetFruit {
                                total: count,
                                ..Default::default()
                            },
                        )
                    };
                    page = if limit == 0 { Vec::new() } else { top };
                    total = fruit.total;
                    facets = fruit.into_facets();
                } else {
                    page = if limit == 0 {
                        Vec::new()
                    } else if built.scored {
                        // Top-k alone lets tantivy skip blocks that cannot make the page.
                        searcher
                            .search(&built.query, &top.order_by_score())
                            .or_engine()?
                    } else {
                        // Without words to rank by, newest meetings come first.
                        let name = self
                            .inner
                            .schema()
                            .get_field_name(self.fields.date)
                            .to_string();
                        searcher
                            .search(
                                &built.query,
                                &top.order_by_fast_field::<i64>(name, Order::Desc),
                            )
                            .or_engine()?
                            .into_iter()
                            .map(|(_, address)| (0.0, address))
                            .collect()
                    };
                    if request.facets {
                        let fruit = searcher
                            .search(&built.query, &facet_collector)
                            .or_engine()?;
                        total = fruit.total;
                        facets = fruit.into_facets();
                    } else {
                        total = searcher.search(&built.query, &Count).or_engine()?;
                    }
                }
            }
            Level::Document => {
                let mut best = searcher
                    .search(
                        &built.query,
                        &BestPerKey {
                            fields: self.fields.clone(),
                            scoring: built.scored,
                        },
                    )
                    .or_engine()?;
                best.sort_by(|a, b| {
                    b.score
                        .total_cmp(&a.score)
                        .then(b.date.cmp(&a.date))
                        .then(a.address.cmp(&b.address))
                });
                total = best.len();
                page = best
                    .into_iter()
                    .skip(offset)
                    .take(limit)
                    .map(|b| (if built.scored { b.score } else { 0.0 }, b.address))
                    .collect();
                if request.facets {
                    facets = searcher
                        .search(
                            &built.query,
                            &FacetCollector {
                                fields: self.fields.clone(),
                                per_document: true,
                            },
                        )
                        .or_engine()?
                        .into_facets();
                }
            }
        }

        let highlighter = self.highlighter(searcher, &built.highlight)?;
        let mut hits = Vec::with_capacity(page.len());
        for (score, address) in page {
            let mut hit = self.hit(
                searcher,
                address,
                score,
                request.level,
                highlighter.as_ref(),
            )?;
            if request.level == Level::Document {
                hit.matched_items = self.matched_items(searcher, &hit.key, &*built.query)?;
            }
            hits.push(hit);
        }
        Ok(SearchResults {
            total,
            partial: false,
            ranked: built.scored,
            notes: Vec::new(),
            facets,
            hits,
        })
    }

    /// The numbers of the items of document `key` that `query` matches,
    /// ascending: a search of that one document, for the page's hits only.
    fn matched_items(&self, searcher: &Searcher, key: &str, query: &dyn Query) -> Result<Vec<u32>> {
        let of_key: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(self.fields.key, key),
            IndexRecordOption::Basic,
        ));
        let query = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, of_key),
        ]);
        let name = self
            .inner
            .schema()
            .get_field_name(self.fields.item)
            .to_string();
        let mut numbers = Vec::new();
        for address in searcher.search(&query, &DocSetCollector).or_engine()? {
            let column = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64(&name)
                .or_engine()?;
            if let Some(number) = column.first(address.doc_id)
                && number != 0
            {
                numbers.push(u32::try_from(number).unwrap_or(u32::MAX));
            }
        }
        numbers.sort_unstable();
        Ok(numbers)
    }

    fn highlighter(
        &self,
        searcher: &Searcher,
        words: &[String],
    ) -> Result<Option<SnippetGenerator>> {
        if words.is_empty() {
            return Ok(None);
        }
        let terms: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.content, w),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        let query = BooleanQuery::new(terms);
        let mut generator =
            SnippetGenerator::create(searcher, &query, self.fields.content).or_engine()?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        Ok(Some(generator))
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: Score,
        level: Level,
        highlighter: Option<&SnippetGenerator>,
    ) -> Result<Hit> {
        let record: TantivyDocument = searcher.doc(address).or_engine()?;
        let head = Index::head_of(&record, &self.fields)?;
        let key = record
            .get_first(self.fields.key)
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::Corrupt("record without key".into()))?
            .to_string();
        let item: Option<AgendaItem> = match record
            .get_first(self.fields.item_json)
            .and_then(|v| v.as_str())
        {
            Some(json) => Some(decode("agenda item", json)?),
            None => None,
        };
        let snippet = match &item {
            Some(item) => snippet(item, highlighter),
            None => own_text_snippet(&record, &self.fields, highlighter)?,
        };
        let number = item.as_ref().map(|i| i.number);
        let (topic, reference, deadlines, assignments) = match item {
            Some(item) => (
                Some(item.topic),
                item.reference,
                item.deadlines,
                item.assignments,
            ),
            None => (None, None, Vec::new(), Vec::new()),
        };
        Ok(Hit {
            key,
            item: match level {
                Level::Item => number,
                Level::Document => None,
            },
            score,
            kind: head.kind,
            issuing_body: head.issuing_body,
            place: head.place,
            date: head.date,
            topic,
            reference,
            snippet,
            deadlines,
            assignments,
            // At document level, filled in by the caller.
            matched_items: number.into_iter().collect(),
        })
    }
}

/// The snippet of a record of a document's own text: from its subject,
/// preamble and closing, stored with the document's fields.
fn own_text_snippet(
    record: &TantivyDocument,
    fields: &crate::index::schema::Fields,
    highlighter: Option<&SnippetGenerator>,
) -> Result<Snippet> {
    let Some(json) = record.get_first(fields.doc_json).and_then(|v| v.as_str()) else {
        return Ok(Snippet::default());
    };
    let doc: crate::Document = decode("document", json)?;
    let text = [doc.subject.unwrap_or_default(), doc.preamble, doc.closing]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let own = AgendaItem {
        number: 0,
        heading: String::new(),
        reference: None,
        topic: String::new(),
        text,
        assignments: Vec::new(),
        deadlines: Vec::new(),
    };
    Ok(snippet(&own, highlighter))
}

fn snippet(item: &AgendaItem, highlighter: Option<&SnippetGenerator>) -> Snippet {
    if let Some(generator) = highlighter {
        for text in [&item.text, &item.heading] {
            let s = generator.snippet(text);
            if !s.highlighted().is_empty() {
                return Snippet {
                    text: s.fragment().to_string(),
                    highlights: s.highlighted().to_vec(),
                };
            }
        }
    }
    let source = if item.text.is_empty() {
        &item.heading
    } else {
        &item.text
    };
    let end = source
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(source.len(), |(i, _)| i);
    Snippet {
        text: source[..end].to_string(),
        highlights: Vec::new(),
    }
}

impl Index {
    /// Documents, items, date span, most frequent bodies and places.
    ///
    /// # Errors
    /// [`Error::Engine`] if the index cannot be read.
    pub fn stats(&self) -> Result<Stats> {
        stats(self)
    }
}

/// Figures for [`Index::stats`].
fn stats(index: &Index) -> Result<Stats> {
    let searcher = index.reader.searcher();
    let fruit = searcher
        .search(
            &AllQuery,
            &FacetCollector {
                fields: index.fields.clone(),
                per_document: true,
            },
        )
        .or_engine()?;
    let items_query = tantivy::query::RangeQuery::new(
        std::ops::Bound::Included(Term::from_field_u64(index.fields.item, 1)),
        std::ops::Bound::Unbounded,
    );
    let items = searcher.search(&items_query, &Count).or_engine()? as u64;
    let date_name = index
        .inner
        .schema()
        .get_field_name(index.fields.date)
        .to_string();
    let mut first: Option<i64> = None;
    let mut last: Option<i64> = None;
    for segment in searcher.segment_readers() {
        let column = segment.fast_fields().i64(&date_name).or_engine()?;
        if segment.num_docs() == 0 {
            continue;
        }
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            if let Some(day) = column.first(doc) {
                first = Some(first.map_or(day, |f| f.min(day)));
                last = Some(last.map_or(day, |l| l.max(day)));
            }
        }
    }
    let documents = fruit.total as u64;
    let facets = fruit.into_facets();
    Ok(Stats {
        documents,
        items,
        first_date: first.and_then(julian),
        last_date: last.and_then(julian),
        top_bodies: facets.issuing_body.into_iter().take(10).collect(),
        top_places: facets.place.into_iter().take(10).collect(),
        top_submitters: facets.submitting_body.into_iter().take(10).collect(),
        years: facets.year,
    })
}
