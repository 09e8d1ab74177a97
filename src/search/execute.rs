//! Running a [`SearchRequest`] against an [`Index`].

use std::collections::{BTreeMap, HashMap};
use tantivy::collector::{Count, DocSetCollector, TopDocs};

use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::{SnippetGenerator, collapse_overlapped_ranges};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Order, Score, Searcher, TantivyDocument, Term};

use super::collect::{Best, BestPerKey, FacetCollector, TopPerKey, julian};
use super::count::{EXACT_TOTAL_UP_TO, Total, count};
use super::query::{BuiltQuery, Vocabulary, build, content_field};
use super::request::{Level, SearchRequest};
use super::results::{Hit, SearchResults, Snippet};
use super::tiers::{matched_of, within_tier};
use crate::analysis::VietnameseTokenizer;
use crate::document::AgendaItem;
use crate::error::OrEngine;
use crate::index::record::{decode, own_text};
use crate::index::{Index, Stats};
use crate::{Error, Result};

/// Hits per page are capped so that a careless `limit` cannot exhaust memory.
pub const MAX_LIMIT: usize = 10_000;
/// Deepest page start allowed.
pub const MAX_OFFSET: usize = 100_000;
/// A page of hits: (score, address), best first.
type Page = Vec<(Score, DocAddress)>;
/// Characters of context in a snippet.
const SNIPPET_CHARS: usize = 200;

impl Index {
    /// Runs a search.
    ///
    /// Items with every loose word come first; then, in tiers by how many of
    /// the words they have, items with at least half of them (one not a
    /// common word); when nothing has that many, items with any of them. Each
    /// hit says how many it has ([`Hit::matched`] of [`Hit::of`]).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] as [`SearchRequest::validate`] says (a range
    /// that ends before it starts, an unknown kind); [`Error::Engine`] or
    /// [`Error::Corrupt`] if the index cannot be read.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        request.validate()?;
        let searcher = self.reader.searcher();
        let vocabulary = Vocabulary::new(&searcher, &self.fields);
        let built = build(&self.fields, request, &vocabulary);
        let mut results = self.run(&searcher, request, &built)?;
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
            if found.count > 0 {
                let what = match (request.level, found.count) {
                    (Level::Item, 1) => "item matches",
                    (Level::Item, _) => "items match",
                    (Level::Document, 1) => "document matches",
                    (Level::Document, _) => "documents match",
                };
                let more = if found.exact { "" } else { " or more" };
                notes.push(format!(
                    "without the {name} filter ({value:?}) {}{more} {what}",
                    found.count
                ));
            }
        }
        Ok(notes)
    }

    /// The number of hits of `request`, every tier counted (up to
    /// [`EXACT_TOTAL_UP_TO`]).
    fn count(&self, searcher: &Searcher, request: &SearchRequest) -> Result<Total> {
        let built = build(
            &self.fields,
            request,
            &Vocabulary::new(searcher, &self.fields),
        );
        let query = match &built.lower {
            Some(lower) => union(vec![built.query.box_clone(), lower.any.box_clone()]),
            None => built.query.box_clone(),
        };
        let per_document = (request.level == Level::Document).then_some(&self.fields);
        count(searcher, &*query, per_document, Some(EXACT_TOTAL_UP_TO)).or_engine()
    }

    /// Whether `query` has no hit at all.
    fn none(&self, searcher: &Searcher, query: &dyn Query) -> Result<bool> {
        let found = count(searcher, query, None, Some(0)).or_engine()?;
        Ok(found.exact && found.count == 0)
    }

    /// The first `want` hits of `query` (best first, or newest first when
    /// nothing scores), and their number when the pass that found them
    /// visited every hit anyway.
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        scored: bool,
        prunable: bool,
        want: usize,
    ) -> Result<(Page, Option<Total>)> {
        if want == 0 {
            return Ok((Vec::new(), None));
        }
        let top = TopDocs::with_limit(want);
        if scored && prunable {
            // Top-k alone lets tantivy skip blocks that cannot make the page.
            let page = searcher.search(query, &top.order_by_score()).or_engine()?;
            return Ok((page, None));
        }
        if scored {
            // Every hit gets scored anyway: count in the same pass.
            let (page, count) = searcher
                .search(query, &(top.order_by_score(), Count))
                .or_engine()?;
            return Ok((page, Some(Total::exact(count))));
        }
        // Without words to rank by, newest meetings come first.
        let name = self
            .inner
            .schema()
            .get_field_name(self.fields.date)
            .to_string();
        let (page, count) = searcher
            .search(
                query,
                &(top.order_by_fast_field::<i64>(name, Order::Desc), Count),
            )
            .or_engine()?;
        let page = page
            .into_iter()
            .map(|(_, address)| (0.0, address))
            .collect();
        Ok((page, Some(Total::exact(count))))
    }

    /// The best `want` documents of `query`, each by its best record, best
    /// (or newest) first; and their number when the pass visited every hit.
    fn top_documents(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        scored: bool,
        pruned: bool,
        want: usize,
    ) -> Result<(Vec<Best>, Option<Total>)> {
        let (mut best, total) = if pruned {
            let top = TopPerKey {
                fields: self.fields.clone(),
                want,
            };
            (searcher.search(query, &top).or_engine()?, None)
        } else {
            let all = BestPerKey {
                fields: self.fields.clone(),
                scoring: scored,
            };
            let best = searcher.search(query, &all).or_engine()?;
            let total = Total::exact(best.len());
            (best, Some(total))
        };
        best.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.date.cmp(&a.date))
                .then(a.address.cmp(&b.address))
        });
        best.truncate(want);
        Ok((best, total))
    }

    fn run(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        built: &BuiltQuery,
    ) -> Result<SearchResults> {
        let limit = request.limit.min(MAX_LIMIT);
        let offset = request.offset.min(MAX_OFFSET);
        let want = offset + limit;
        let of = built.words;
        let per_document = request.level == Level::Document;

        // (score within its tier, address, words matched)
        let ranked: Vec<(Score, DocAddress, u32)>;
        // The total, when the ranking pass found it.
        let mut total: Option<Total>;
        // What the total and the facets are counted over.
        let mut everything = built.query.box_clone();
        // Whether the tiers are those of any word (nothing had more).
        let mut any = false;
        let tiered = |(score, address): (Score, DocAddress)| {
            (within_tier(score), address, matched_of(score))
        };
        match (request.level, &built.lower) {
            (Level::Item, None) => {
                let top;
                (top, total) =
                    self.top(searcher, &*built.query, built.scored, built.prunable, want)?;
                ranked = top.into_iter().map(|(s, a)| (s, a, of)).collect();
            }
            (Level::Item, Some(lower)) => {
                // Top-k alone: it skips the records whose tier cannot make
                // the page; the count reuses the records found.
                let (mut top, _) = self.top(searcher, &*lower.query, true, true, want)?;
                everything = lower.query.box_clone();
                if top.is_empty() && self.none(searcher, &*everything)? {
                    any = true;
                    (top, _) = self.top(searcher, &*lower.any, true, true, want)?;
                    everything = lower.any.box_clone();
                }
                // The tiers know their records: counting them is cheap.
                total = Some(count(searcher, &*everything, None, None).or_engine()?);
                ranked = top.into_iter().map(tiered).collect();
            }
            (Level::Document, _) => {
                // Pruning pays where tantivy's top-k can skip: a lone word, or
                // tiers (which score only the records that can make the page).
                let pruned = built.scored && (built.prunable || built.lower.is_some());
                let (mut best, found) = match &built.lower {
                    None => {
                        self.top_documents(searcher, &*built.query, built.scored, pruned, want)?
                    }
                    Some(lower) => {
                        everything = lower.query.box_clone();
                        self.top_documents(searcher, &*lower.query, true, true, want)?
                    }
                };
                total = found;
                if let Some(lower) = &built.lower
                    && best.is_empty()
                    && self.none(searcher, &*everything)?
                {
                    any = true;
                    everything = lower.any.box_clone();
                    (best, total) = self.top_documents(searcher, &*lower.any, true, true, want)?;
                }
                let page = best.into_iter().map(|b| (b.score, b.address));
                ranked = match (built.scored, &built.lower) {
                    (false, _) => page.map(|(_, a)| (0.0, a, 0)).collect(),
                    (true, None) => page.map(|(s, a)| (s, a, of)).collect(),
                    (true, Some(_)) => page.map(tiered).collect(),
                };
            }
        }
        let partial = built.lower.is_some() && ranked.first().is_some_and(|&(_, _, m)| m < of);
        let mut facets = Default::default();
        if request.facets {
            // Facets visit every hit: the exact total comes with them.
            let fruit = searcher
                .search(
                    &*everything,
                    &FacetCollector {
                        fields: self.fields.clone(),
                        per_document,
                    },
                )
                .or_engine()?;
            total = Some(Total::exact(fruit.total));
            facets = fruit.into_facets();
        }
        let total = match total {
            Some(total) => total,
            None => count(
                searcher,
                &*everything,
                per_document.then_some(&self.fields),
                (!request.exact_total).then_some(EXACT_TOTAL_UP_TO),
            )
            .or_engine()?,
        };

        let highlighter = self.highlighter(searcher, &built.highlight)?;
        let mut hits = Vec::with_capacity(limit.min(ranked.len()));
        for (score, address, matched) in ranked.into_iter().skip(offset).take(limit) {
            let mut hit = self.hit(
                searcher,
                address,
                score,
                request.level,
                highlighter.as_ref(),
            )?;
            hit.matched = if built.scored { matched } else { 0 };
            hit.of = if built.scored { of } else { 0 };
            hits.push(hit);
        }
        if request.level == Level::Document && !hits.is_empty() {
            let keys: Vec<Term> = hits
                .iter()
                .map(|h| Term::from_field_text(self.fields.key, &h.key))
                .collect();
            // A union of a few terms: a `TermSetQuery` would build an FST.
            let page = || -> Box<dyn Query> {
                Box::new(BooleanQuery::new(
                    keys.iter()
                        .map(|k| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(k.clone(), IndexRecordOption::Basic));
                            (Occur::Should, q)
                        })
                        .collect(),
                ))
            };
            let query = match &built.lower {
                None => built.query.box_clone(),
                // The whole of the tiers costs a pass over the words'
                // postings; within the page's documents it costs little.
                Some(lower) => lower.within(any, page()),
            };
            let names: Vec<&str> = hits.iter().map(|h| h.key.as_str()).collect();
            let mut items = self.matched_items(searcher, &names, &*page(), &*query)?;
            for hit in &mut hits {
                hit.matched_items = items.remove(&hit.key).unwrap_or_default();
            }
        }
        Ok(SearchResults {
            total: total.count,
            total_exact: total.exact,
            partial,
            ranked: built.scored,
            notes: Vec::new(),
            facets,
            hits,
        })
    }

    /// For each of the documents `keys`, the numbers of its items that
    /// `query` matches, ascending: a search of those documents only (`page`
    /// matches their records).
    fn matched_items(
        &self,
        searcher: &Searcher,
        keys: &[&str],
        page: &dyn Query,
        query: &dyn Query,
    ) -> Result<HashMap<String, Vec<u32>>> {
        let schema = self.inner.schema();
        let item_name = schema.get_field_name(self.fields.item).to_string();
        let key_name = schema.get_field_name(self.fields.key).to_string();
        let query = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, page.box_clone()),
        ]);
        let mut out: HashMap<String, Vec<u32>> = HashMap::new();
        // Per segment: the key ordinal of each of `keys` there.
        let mut ordinals: HashMap<u32, Vec<(u64, &str)>> = HashMap::new();
        for address in searcher.search(&query, &DocSetCollector).or_engine()? {
            let fast = searcher.segment_reader(address.segment_ord).fast_fields();
            let number = fast.u64(&item_name).or_engine()?.first(address.doc_id);
            let Some(number) = number.filter(|&n| n != 0) else {
                continue;
            };
            let Some(column) = fast.str(&key_name).or_engine()? else {
                continue;
            };
            let Some(ord) = column.term_ords(address.doc_id).next() else {
                continue;
            };
            let known = match ordinals.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let mut found = Vec::with_capacity(keys.len());
                    for &key in keys {
                        let term_ord = column
                            .dictionary()
                            .term_ord(key.as_bytes())
                            .map_err(|e| Error::Corrupt(format!("key column: {e}")))?;
                        if let Some(term_ord) = term_ord {
                            found.push((term_ord, key));
                        }
                    }
                    e.insert(found)
                }
            };
            if let Some(&(_, key)) = known.iter().find(|(o, _)| *o == ord) {
                out.entry(key.to_string())
                    .or_default()
                    .push(u32::try_from(number).unwrap_or(u32::MAX));
            }
        }
        for numbers in out.values_mut() {
            numbers.sort_unstable();
            numbers.dedup();
        }
        Ok(out)
    }

    fn highlighter(
        &self,
        searcher: &Searcher,
        words: &[String],
    ) -> Result<Option<SnippetGenerator>> {
        if words.is_empty() {
            return Ok(None);
        }
        // The content is indexed folded, its accented words apart (see
        // `Fields::content_exact`): snippets are read with both forms, so an
        // exact word marks only its own spelling, a folded one every spelling.
        let mut terms: BTreeMap<String, Score> = BTreeMap::new();
        for word in words {
            let field = content_field(self.fields.content, self.fields.content_exact, word);
            let records = searcher
                .doc_freq(&Term::from_field_text(field, word))
                .or_engine()?;
            if records > 0 {
                // Rarer words weigh more in the choice of the passage.
                terms.insert(word.clone(), 1.0 / (1.0 + records as Score));
            }
        }
        if terms.is_empty() {
            return Ok(None);
        }
        let analyzer = TextAnalyzer::from(VietnameseTokenizer::indexing());
        Ok(Some(SnippetGenerator::new(
            terms,
            analyzer,
            self.fields.content,
            SNIPPET_CHARS,
        )))
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
            // Filled in by the caller.
            matched: 0,
            of: 0,
        })
    }
}

/// The snippet of a record of a document's own text ([`own_text`]), stored
/// with the document's fields.
fn own_text_snippet(
    record: &TantivyDocument,
    fields: &crate::index::schema::Fields,
    highlighter: Option<&SnippetGenerator>,
) -> Result<Snippet> {
    let Some(json) = record.get_first(fields.doc_json).and_then(|v| v.as_str()) else {
        return Ok(Snippet::default());
    };
    let doc: crate::Document = decode("document", json)?;
    let text = own_text(&doc).join("\n");
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
                    // A word typed in two forms (`ô o`) matches its folded
                    // and its exact token, at the same place: marked once.
                    highlights: collapse_overlapped_ranges(s.highlighted()),
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

/// Any of `queries` (whose hits do not overlap), each hit scored by the one
/// that matches it.
fn union(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}
