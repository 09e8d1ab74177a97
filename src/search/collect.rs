//! Collectors that read fast fields: facet counts and best item per document.

use std::collections::{HashMap, HashSet};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};
use time::Date;

use super::results::Facets;
use crate::analysis::canonical_tone;
use crate::index::schema::Fields;

fn str_column(
    segment: &SegmentReader,
    field: tantivy::schema::Field,
) -> tantivy::Result<Option<StrColumn>> {
    let name = segment.schema().get_field_name(field).to_string();
    segment.fast_fields().str(&name)
}

fn date_column(segment: &SegmentReader, fields: &Fields) -> tantivy::Result<Column<i64>> {
    let name = segment.schema().get_field_name(fields.date).to_string();
    segment.fast_fields().i64(&name)
}

/// Counts hits, and hits per facet value. At document level each document
/// counts once per value, however many of its items match.
pub(crate) struct FacetCollector {
    pub fields: Fields,
    pub per_document: bool,
}

/// Hit count and facet counts.
#[derive(Debug, Default)]
pub(crate) struct FacetFruit {
    pub total: usize,
    pub issuer: HashMap<String, u64>,
    pub place: HashMap<String, u64>,
    pub submitter: HashMap<String, u64>,
    pub year: HashMap<i32, u64>,
}

pub(crate) struct FacetSegment {
    key: Option<StrColumn>,
    issuer: Option<StrColumn>,
    place: Option<StrColumn>,
    submitter: Option<StrColumn>,
    date: Column<i64>,
    per_document: bool,
    seen_keys: HashSet<u64>,
    seen_submitters: HashSet<(u64, u64)>,
    total: usize,
    issuer_counts: Vec<u64>,
    place_counts: Vec<u64>,
    submitter_counts: Vec<u64>,
    /// Hits per meeting day, indexed from the segment's first day: cheaper per
    /// hit than a date conversion and a map; turned into years at harvest.
    day_counts: Vec<u64>,
    first_day: i64,
    year: HashMap<i32, u64>,
}

/// Segments whose dates span more days than this count years per hit instead.
const MAX_DAY_SPAN: i64 = 1 << 20;

fn counts_for(column: &Option<StrColumn>) -> Vec<u64> {
    vec![0; column.as_ref().map_or(0, |c| c.num_terms())]
}

fn bump(column: &Option<StrColumn>, counts: &mut [u64], doc: DocId) {
    if let Some(column) = column {
        for ord in column.term_ords(doc) {
            if let Some(c) = counts.get_mut(ord as usize) {
                *c += 1;
            }
        }
    }
}

impl Collector for FacetCollector {
    type Fruit = FacetFruit;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let issuer = str_column(segment, self.fields.facet_issuer)?;
        let place = str_column(segment, self.fields.facet_place)?;
        let submitter = str_column(segment, self.fields.facet_submitter)?;
        let date = date_column(segment, &self.fields)?;
        let (first_day, span) = (
            date.min_value(),
            date.max_value().saturating_sub(date.min_value()),
        );
        let day_counts = if segment.num_docs() > 0 && (0..MAX_DAY_SPAN).contains(&span) {
            vec![0; span as usize + 1]
        } else {
            Vec::new()
        };
        Ok(FacetSegment {
            key: str_column(segment, self.fields.key)?,
            issuer_counts: counts_for(&issuer),
            place_counts: counts_for(&place),
            submitter_counts: counts_for(&submitter),
            issuer,
            place,
            submitter,
            date,
            day_counts,
            first_day,
            per_document: self.per_document,
            seen_keys: HashSet::new(),
            seen_submitters: HashSet::new(),
            total: 0,
            year: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetFruit>) -> tantivy::Result<FacetFruit> {
        let mut all = FacetFruit::default();
        for fruit in fruits {
            all.total += fruit.total;
            for (map, part) in [
                (&mut all.issuer, fruit.issuer),
                (&mut all.place, fruit.place),
                (&mut all.submitter, fruit.submitter),
            ] {
                for (k, v) in part {
                    *map.entry(k).or_default() += v;
                }
            }
            for (k, v) in fruit.year {
                *all.year.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = FacetFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        if self.per_document {
            let key = self
                .key
                .as_ref()
                .and_then(|k| k.term_ords(doc).next())
                .unwrap_or(u64::MAX);
            if let Some(column) = &self.submitter {
                for ord in column.term_ords(doc) {
                    if self.seen_submitters.insert((key, ord))
                        && let Some(c) = self.submitter_counts.get_mut(ord as usize)
                    {
                        *c += 1;
                    }
                }
            }
            if !self.seen_keys.insert(key) {
                return;
            }
        } else {
            bump(&self.submitter, &mut self.submitter_counts, doc);
        }
        self.total += 1;
        bump(&self.issuer, &mut self.issuer_counts, doc);
        bump(&self.place, &mut self.place_counts, doc);
        if let Some(day) = self.date.first(doc) {
            let slot = usize::try_from(day - self.first_day)
                .ok()
                .and_then(|i| self.day_counts.get_mut(i));
            match slot {
                Some(count) => *count += 1,
                None => {
                    if let Some(date) = julian(day) {
                        *self.year.entry(date.year()).or_default() += 1;
                    }
                }
            }
        }
    }

    fn harvest(mut self) -> FacetFruit {
        for (offset, &count) in self.day_counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            if let Some(date) = julian(self.first_day + offset as i64) {
                *self.year.entry(date.year()).or_default() += count;
            }
        }
        FacetFruit {
            total: self.total,
            issuer: labels(&self.issuer, &self.issuer_counts),
            place: labels(&self.place, &self.place_counts),
            submitter: labels(&self.submitter, &self.submitter_counts),
            year: self.year,
        }
    }
}

fn labels(column: &Option<StrColumn>, counts: &[u64]) -> HashMap<String, u64> {
    let mut out = HashMap::new();
    let Some(column) = column else {
        return out;
    };
    for (ord, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let mut label = String::new();
        if column.ord_to_str(ord as u64, &mut label).unwrap_or(false) {
            out.insert(label, count);
        }
    }
    out
}

pub(crate) fn julian(day: i64) -> Option<Date> {
    i32::try_from(day)
        .ok()
        .and_then(|d| Date::from_julian_day(d).ok())
}

impl FacetFruit {
    pub(crate) fn into_facets(self) -> Facets {
        Facets {
            issuing_body: grouped(self.issuer),
            place: grouped(self.place),
            year: {
                let mut v: Vec<(i32, u64)> = self.year.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
                v
            },
            submitting_body: grouped(self.submitter),
        }
    }
}

/// Counts of values as documents spell them, grouped by tone placement
/// (`Tỉnh uỷ` with `Tỉnh ủy`): each group shows its most counted spelling
/// (ties: the first in code-point order), so a facet value reads as most of
/// the hits write it.
fn grouped(map: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut groups: HashMap<String, (u64, String, u64)> = HashMap::new();
    for (spelling, count) in map {
        let group = groups
            .entry(canonical_tone(&spelling))
            .or_insert((0, String::new(), 0));
        group.0 += count;
        if count > group.2 || (count == group.2 && (group.1.is_empty() || spelling < group.1)) {
            group.1 = spelling;
            group.2 = count;
        }
    }
    sorted(
        groups
            .into_values()
            .map(|(total, spelling, _)| (spelling, total))
            .collect(),
    )
}

fn sorted(map: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// The best-scoring matching item of every matching document.
///
/// A document's records are added in one batch, so they live in one segment
/// (merges keep them together): grouping by the key's ordinal within each
/// segment is exact, and no key string is ever looked up.
pub(crate) struct BestPerKey {
    pub fields: Fields,
    pub scoring: bool,
}

/// One document's best item.
#[derive(Debug, Clone)]
pub(crate) struct Best {
    pub score: Score,
    pub date: i64,
    pub address: DocAddress,
}

impl Best {
    /// Record `doc` of segment `segment`, with its meeting date.
    fn of(score: Score, doc: DocId, segment: SegmentOrdinal, date: &Column<i64>) -> Best {
        Best {
            score,
            date: date.first(doc).unwrap_or(0),
            address: DocAddress::new(segment, doc),
        }
    }
}

pub(crate) struct BestSegment {
    segment: SegmentOrdinal,
    key: Option<StrColumn>,
    date: Column<i64>,
    /// Best (score, doc) per key ordinal; a `Vec` indexed by ordinal is much
    /// cheaper per hit than a map.
    best: Vec<Option<(Score, DocId)>>,
    /// Hits whose key could not be read (none in a healthy index).
    orphans: Vec<(Score, DocId)>,
}

impl Collector for BestPerKey {
    type Fruit = Vec<Best>;
    type Child = BestSegment;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<BestSegment> {
        let key = str_column(segment, self.fields.key)?;
        Ok(BestSegment {
            segment: segment_ord,
            best: vec![None; key.as_ref().map_or(0, |k| k.num_terms())],
            key,
            date: date_column(segment, &self.fields)?,
            orphans: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Best>>) -> tantivy::Result<Vec<Best>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for BestSegment {
    type Fruit = Vec<Best>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let slot = self
            .key
            .as_ref()
            .and_then(|k| k.term_ords(doc).next())
            .and_then(|ord| self.best.get_mut(ord as usize));
        match slot {
            Some(Some(best)) if best.0 >= score => {}
            Some(slot) => *slot = Some((score, doc)),
            None => self.orphans.push((score, doc)),
        }
    }

    fn harvest(self) -> Vec<Best> {
        self.best
            .into_iter()
            .flatten()
            .chain(self.orphans)
            .map(|(score, doc)| Best::of(score, doc, self.segment, &self.date))
            .collect()
    }
}

/// The best `want` documents, each by its best-scoring record, found with
/// the query's top-k pruning: once the page is full, a record is offered
/// only when it beats the page's last document, so block-WAND skips the
/// postings that cannot (unlike [`BestPerKey`], which scores every hit).
pub(crate) struct TopPerKey {
    pub fields: Fields,
    pub want: usize,
}

impl Collector for TopPerKey {
    type Fruit = Vec<Best>;
    type Child = BestSegment;

    /// Used only by a search that does not go through
    /// [`TopPerKey::collect_segment`]: every hit, as [`BestPerKey`].
    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<BestSegment> {
        BestPerKey {
            fields: self.fields.clone(),
            scoring: true,
        }
        .for_segment(segment_ord, segment)
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Best>>) -> tantivy::Result<Vec<Best>> {
        Ok(fruits.into_iter().flatten().collect())
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Best>> {
        let key = str_column(reader, self.fields.key)?;
        let date = date_column(reader, &self.fields)?;
        let alive = reader.alive_bitset();
        let mut page = Page::new(self.want);
        // A record without a key stands for itself, apart from every key.
        let orphan = |doc: DocId| u64::MAX - u64::from(doc);
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let ord = key
                    .as_ref()
                    .and_then(|k| k.term_ords(doc).next())
                    .unwrap_or_else(|| orphan(doc));
                page.offer(ord, score, doc);
            }
            page.threshold()
        })?;
        Ok(page
            .best
            .into_values()
            .map(|(score, doc)| Best::of(score, doc, segment_ord, &date))
            .collect())
    }
}

/// The best `want` keys seen so far, each with its best (score, record).
struct Page {
    want: usize,
    best: HashMap<u64, (Score, DocId)>,
    /// The same, ordered by score: (score's order key, key).
    order: std::collections::BTreeSet<(u32, u64)>,
}

/// A score as an unsigned number in the same order (`total_cmp`'s).
fn order_key(score: Score) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | (1 << 31)
    }
}

impl Page {
    fn new(want: usize) -> Page {
        Page {
            want: want.max(1),
            best: HashMap::new(),
            order: std::collections::BTreeSet::new(),
        }
    }

    fn offer(&mut self, key: u64, score: Score, doc: DocId) {
        match self.best.get_mut(&key) {
            Some(best) if best.0 >= score => return,
            Some(best) => {
                self.order.remove(&(order_key(best.0), key));
                *best = (score, doc);
            }
            None => {
                self.best.insert(key, (score, doc));
            }
        }
        self.order.insert((order_key(score), key));
        if self.order.len() > self.want
            && let Some((_, last)) = self.order.pop_first()
        {
            self.best.remove(&last);
        }
    }

    /// What a record must beat to change the page.
    fn threshold(&self) -> Score {
        if self.order.len() < self.want {
            return Score::MIN;
        }
        self.order
            .first()
            .and_then(|(_, key)| self.best.get(key))
            .map_or(Score::MIN, |&(score, _)| score)
    }
}
