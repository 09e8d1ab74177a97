//! From a [`SearchRequest`] to a tantivy query.
//!
//! Ranking, in one place:
//! - words first: items with every loose word, then items with fewer, in
//!   tiers by how many (see [`WordTiers`]), down to half of the words and
//!   two fifths of their weight (a word weighs its rarity), one of them not a
//!   common word; when nothing reaches that floor, items with any word, so a
//!   query with one indexed word never comes back empty. Quoted phrases and
//!   `-exclusions` make a query precise: every word is then required;
//! - within a tier: the words as a phrase add [`PHRASE_BOOST`] × the phrase
//!   score (proximity); a word in the document's title (kind, subject) adds
//!   [`TITLE_BOOST`] ×, in the topic [`TOPIC_BOOST`] × its score there
//!   (attribute); the exact (accented) form typed adds its own score, so
//!   `bán` ranks `bán` above `ban` (exactness); then BM25 over the content
//!   (heading, text, body names);
//! - a typed document number (`445-KL/TU`, `KL 445`) matches the document of
//!   that number ([`NUMBER_BOOST`]) and the items citing it
//!   ([`REFERENCE_BOOST`]) before the text that mentions it;
//! - a word typed in Telex or VNI (`ddiaj`, `d9ia5`) also asks for the
//!   syllable it spells, when the index has it;
//! - filters are wrapped in a zero constant score: they never change a score.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{Searcher, Term};

use super::any_of::AnyOf;
use super::filtered::Filtered;
use super::request::SearchRequest;
use super::tiers::{Cache, MAX_TIER_WORDS, WordTiers};
use super::typing::decode;
use super::user_text::{Clause, parse_user_text};
use crate::analysis::{VietnameseTokenizer, fold, normalize, normalize_reference};
use crate::index::record::{DOCUMENT_PART, due_ranges};
use crate::index::schema::Fields;
use crate::vocabulary::{expand, kind_key, lookup};

/// Weight of a match in the topic on top of the match in the content.
pub(crate) const TOPIC_BOOST: f32 = 1.5;
/// Weight of the exact-diacritic form on top of the folded match.
pub(crate) const EXACT_BOOST: f32 = 1.0;
/// Weight of the query's words found as a phrase.
pub(crate) const PHRASE_BOOST: f32 = 2.0;
/// How far apart (in positions) the words of a body name may be and still match:
/// "UBND Lạng Sơn" finds "Ủy ban nhân dân tỉnh Lạng Sơn".
pub(crate) const BODY_SLOP: u32 = 3;

/// A syllable of the query in both analyzer forms.
#[derive(Debug, Clone)]
pub(crate) struct QueryToken {
    pub exact: String,
    pub folded: String,
}

impl QueryToken {
    fn accented(&self) -> bool {
        self.exact != self.folded
    }

    /// The form a snippet marks: the exact form when the user typed
    /// diacritics (`chính` marks `chính`, not `chỉnh`), else the folded one
    /// (`chinh` marks both).
    fn highlighted(&self) -> String {
        if self.accented() {
            self.exact.clone()
        } else {
            self.folded.clone()
        }
    }
}

/// Tokenizes query text exactly as the index tokenizes documents.
pub(crate) fn tokens(text: &str) -> Vec<QueryToken> {
    let mut tokenizer = VietnameseTokenizer::exact();
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let exact = stream.token().text.clone();
        out.push(QueryToken {
            folded: fold(&exact),
            exact,
        });
    }
    out
}

/// The built query and what the snippets should highlight.
pub(crate) struct BuiltQuery {
    /// Every loose word required (the first tier), with phrases, exclusions
    /// and filters.
    pub query: Box<dyn Query>,
    /// Whether any clause scores (free text or topic); otherwise hits are
    /// ordered by date.
    pub scored: bool,
    /// Terms of the content field to highlight in snippets (see
    /// [`QueryToken::highlighted`]).
    pub highlight: Vec<String>,
    /// Whether the query is a plain union of terms, which tantivy's top-k
    /// collector prunes (block-WAND) when run alone.
    pub prunable: bool,
    /// The number of loose words (and typed numbers) of the query: a hit's
    /// `of`.
    pub words: u32,
    /// The records with only some of the loose words, in tiers (see
    /// [`WordTiers`]); `None` when the query has fewer than two loose words,
    /// or quotes or exclusions (the user is being precise).
    pub lower: Option<Lower>,
}

/// The tiers of a query (see [`WordTiers`]).
pub(crate) struct Lower {
    /// Records with every word, then those with at least half of the words
    /// (and of their weight), one of them not common; filters hold.
    pub query: Box<dyn Query>,
    /// Records with any of the words: asked only when nothing else matched,
    /// so that a query with one indexed word never comes back empty.
    pub any: Box<dyn Query>,
    /// The tiers of `query` and `any`, to build them again for a few
    /// documents.
    floor: WordTiers,
    all: WordTiers,
    topic: Vec<Box<dyn Query>>,
    topic_should: Vec<Box<dyn Query>>,
}

impl Lower {
    /// [`Lower::query`] (or, `any`, [`Lower::any`]) over the records `within`
    /// matches (a few documents): cheap where the whole query is not.
    pub(crate) fn within(&self, any: bool, within: Box<dyn Query>) -> Box<dyn Query> {
        let mut tiers = if any { &self.all } else { &self.floor }.clone();
        tiers.within = Some(within);
        tiers.cache = Cache::default();
        self.wrap(tiers)
    }

    fn wrap(&self, tiers: WordTiers) -> Box<dyn Query> {
        let tiers: Box<dyn Query> = Box::new(tiers);
        if self.topic.is_empty() {
            return tiers;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, tiers)];
        clauses.extend(self.topic.iter().map(|q| (Occur::Must, q.box_clone())));
        clauses.extend(
            self.topic_should
                .iter()
                .map(|q| (Occur::Should, q.box_clone())),
        );
        Box::new(BooleanQuery::new(clauses))
    }
}

/// A word is common when more than this share of the records have it (and
/// the index has [`COMMON_MIN_RECORDS`] records): `tỉnh`, `công`, `tác`.
const COMMON_SHARE: u64 = 4;
/// The share of the query's weight (the rarity of its words) a record with
/// only some of the words must have to be shown.
const MIN_WEIGHT_SHARE: f32 = 0.4;
/// Below this many records, no word is called common.
const COMMON_MIN_RECORDS: u64 = 40;
/// Weight of a match in the document's title (kind and subject).
pub(crate) const TITLE_BOOST: f32 = 2.0;
/// Weight of a typed number found as the document's own number.
pub(crate) const NUMBER_BOOST: f32 = 20.0;
/// Weight of a typed number found as the number of an item's submission.
pub(crate) const REFERENCE_BOOST: f32 = 10.0;

/// A word as the tiers see it: its scoring clause, its presence, whether it
/// is rare, its weight.
type TierWord = (Box<dyn Query>, Box<dyn Query>, bool, f32);

/// One loose word of the query, as its clauses.
struct Word {
    /// Matches where the word is (any form); beside other clauses.
    clause: Box<dyn Query>,
    /// The same, as the only clause of a query (see [`word_clause`]).
    alone: Box<dyn Query>,
    /// Matches where the word is, without scores: the folded syllable (or
    /// its alternatives) in the content.
    presence: Box<dyn Query>,
    /// Not a common word.
    rare: bool,
    /// How rare: the inverse document frequency of its rarest form; 0 for a
    /// word the index does not have.
    weight: f32,
    /// The syllable, for the proximity boost; `None` for a typed number.
    token: Option<QueryToken>,
}

/// Index statistics the query builder looks at.
pub(crate) struct Vocabulary<'a> {
    searcher: &'a Searcher,
    content: Field,
    content_exact: Field,
    records: u64,
}

impl<'a> Vocabulary<'a> {
    pub(crate) fn new(searcher: &'a Searcher, fields: &Fields) -> Vocabulary<'a> {
        Vocabulary {
            searcher,
            content: fields.content,
            content_exact: fields.content_exact,
            records: searcher.num_docs(),
        }
    }

    /// Records with the syllable `text`, folded or in its exact form.
    fn doc_freq(&self, text: &str) -> u64 {
        // Accented forms are in their own field (see `Fields::content_exact`).
        let field = content_field(self.content, self.content_exact, text);
        // A read error here only costs a refinement (a Telex reading, the
        // common-word test); the query itself reports it.
        self.searcher
            .doc_freq(&Term::from_field_text(field, text))
            .unwrap_or(0)
    }

    fn common(&self, folded: &str) -> bool {
        self.records >= COMMON_MIN_RECORDS && self.doc_freq(folded) * COMMON_SHARE > self.records
    }

    /// BM25's inverse document frequency of a word the index has `df` records
    /// of; 0 when it has none.
    fn idf(&self, df: u64) -> f32 {
        if df == 0 {
            return 0.0;
        }
        let (n, df) = (self.records as f32, df as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The weight of a typed syllable: the rarity of the form the user typed
    /// (the accented form when there is one: `nghị` is rarer than `nghi`).
    fn weight(&self, token: &QueryToken) -> f32 {
        let df = if token.accented() {
            self.doc_freq(&token.exact)
        } else {
            self.doc_freq(&token.folded)
        };
        self.idf(df)
    }

    /// The weight of a typed number: as rare as a word can be.
    fn number_weight(&self) -> f32 {
        self.idf(1)
    }
}

/// The field of the content that holds the syllable `text`: the folded
/// field for a folded form, the exact one for an accented form.
pub(crate) fn content_field(content: Field, content_exact: Field, text: &str) -> Field {
    if fold(text) == text {
        content
    } else {
        content_exact
    }
}

/// Builds the query.
pub(crate) fn build(
    fields: &Fields,
    request: &SearchRequest,
    vocabulary: &Vocabulary,
) -> BuiltQuery {
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    let mut must_not: Vec<Box<dyn Query>> = Vec::new();
    let mut highlight = Vec::new();

    let filters = filters(fields, request);
    let mut loose: Vec<(QueryToken, Option<Vec<QueryToken>>)> = Vec::new();
    let mut numbers: Vec<Word> = Vec::new();
    for clause in join_numbers(parse_user_text(&request.text)) {
        match clause {
            Clause::Word(text) => {
                if let Some(number) = number_word(fields, &text, vocabulary.number_weight()) {
                    highlight.extend(tokens(&text).iter().map(|t| t.folded.clone()));
                    numbers.push(number);
                    continue;
                }
                for token in tokens(&text) {
                    // The abbreviation as typed (case matters for `TU`): its
                    // original spelling is the token's slice of the word.
                    let expansion = abbreviation_in(&text, &token);
                    loose.push((token, expansion));
                }
            }
            Clause::Phrase(text) => {
                let toks = tokens(&text);
                highlight.extend(toks.iter().map(QueryToken::highlighted));
                if let Some(q) = phrase_clause(fields, &toks, false, true) {
                    must.push(q);
                }
            }
            Clause::Excluded(text) => {
                let toks = tokens(&text);
                if let Some(q) = excluded_clause(fields, &toks) {
                    // Wrapped: tantivy's exclusion asks a phrase scorer that
                    // starts exhausted (its words exist, never side by side)
                    // for an earlier document, which its debug assertions
                    // refuse; `AnyOf` drops exhausted scorers up front.
                    must_not.push(any_of(vec![q]));
                }
            }
        }
    }
    // `kết luận 445`, `KL 445`, `số 445`: the kind and the number are one
    // typed number.
    numbers.extend(number_prefixes(
        fields,
        &mut loose,
        vocabulary.number_weight(),
    ));
    highlight.extend(loose.iter().map(|(t, _)| t.highlighted()));
    for (_, expansion) in &loose {
        // The full form of an abbreviation comes from our table, not from the
        // user: any spelling of it is a match.
        highlight.extend(expansion.iter().flatten().map(|t| t.folded.clone()));
    }
    let mut words: Vec<Word> = Vec::with_capacity(loose.len() + numbers.len());
    for (token, expansion) in &loose {
        let typed = typed_syllable(token, vocabulary);
        if let Some(t) = &typed {
            highlight.push(t.exact.clone());
        }
        let rare = expansion.is_some()
            || !vocabulary.common(&token.folded)
            || typed
                .as_ref()
                .is_some_and(|t| !vocabulary.common(&t.folded));
        let mut weight = vocabulary.weight(token);
        if let Some(t) = &typed {
            weight = weight.max(vocabulary.weight(t));
        }
        if expansion.is_some() {
            // An abbreviation names a body: as telling as a rare word.
            weight = weight.max(vocabulary.number_weight() / 2.0);
        }
        let mut presence = vec![basic_term(fields.content, &token.folded)];
        if let Some(full) = expansion.as_deref() {
            let folded: Vec<&str> = full.iter().map(|t| t.folded.as_str()).collect();
            presence.push(phrase(fields.content, &folded, 0));
        }
        if let Some(t) = &typed {
            presence.push(basic_term(fields.content, &t.folded));
        }
        words.push(Word {
            presence: if presence.len() == 1 {
                presence.remove(0)
            } else {
                any_of(presence)
            },
            weight,
            clause: loose_clause(fields, token, expansion.as_deref(), typed.as_ref(), false),
            alone: loose_clause(fields, token, expansion.as_deref(), typed.as_ref(), true),
            rare,
            token: Some(token.clone()),
        });
    }
    words.extend(numbers);
    // Quotes and exclusions say the user is being precise: never loosen those.
    let precise = !must.is_empty() || !must_not.is_empty();
    let n = words.len();
    let syllables: Vec<QueryToken> = words.iter().filter_map(|w| w.token.clone()).collect();
    let proximity = if syllables.len() > 1 {
        proximity_boost(fields, &syllables, false)
    } else {
        None
    };
    let mut should: Vec<Box<dyn Query>> = Vec::new();
    let tiered = !precise && n >= 2;
    let lower_words: Vec<TierWord> = if tiered {
        words
            .iter()
            .map(|w| {
                (
                    w.clause.box_clone(),
                    w.presence.box_clone(),
                    w.rare,
                    w.weight,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    // The only clause of the query: see `word_clause`.
    // Filters do not count: see `Filtered`.
    let alone = n == 1 && must.is_empty() && request.topic.is_none();
    for word in words {
        must.push(if alone { word.alone } else { word.clause });
    }
    if let Some(q) = &proximity {
        should.push(q.box_clone());
    }
    let mut topic_clauses: Vec<Box<dyn Query>> = Vec::new();
    let mut topic_should: Vec<Box<dyn Query>> = Vec::new();
    if let Some(topic) = &request.topic {
        let toks = tokens(topic);
        highlight.extend(toks.iter().map(QueryToken::highlighted));
        for token in &toks {
            topic_clauses.push(word_clause(fields, token, true, false));
        }
        if toks.len() > 1 {
            topic_should.extend(proximity_boost(fields, &toks, true));
        }
    }
    must.extend(topic_clauses.iter().map(|q| q.box_clone()));
    should.extend(topic_should.iter().map(|q| q.box_clone()));
    let scored = !must.is_empty();

    let prunable = must.len() == 1 && should.is_empty() && n == 1 && !precise;
    let text_query: Box<dyn Query> = if must.is_empty() {
        // Without words, the hits are the items (and documents that have
        // none), not the records of documents' own text beside their items.
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.part, DOCUMENT_PART),
                    IndexRecordOption::Basic,
                )),
            ),
        ]))
    } else if prunable {
        // A lone clause stands on its own: a one-word query is then a plain
        // union of term queries, which tantivy prunes with block-WAND instead of
        // scoring every hit.
        must.remove(0)
    } else {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            must.into_iter().map(|q| (Occur::Must, q)).collect();
        clauses.extend(should.into_iter().map(|q| (Occur::Should, q)));
        Box::new(BooleanQuery::new(clauses))
    };

    let lower = tiered.then(|| {
        let rare = lower_words
            .iter()
            .enumerate()
            .take(MAX_TIER_WORDS)
            .filter(|(_, (_, _, rare, _))| *rare)
            .fold(0u32, |mask, (i, _)| mask | (1 << i));
        let weights: Vec<f32> = lower_words.iter().map(|(_, _, _, w)| *w).collect();
        // Words the index does not have cannot be matched: they raise no bar.
        let indexed = weights.iter().filter(|&&w| w > 0.0).count();
        let total: f32 = weights.iter().sum();
        let filter = (!filters.is_empty()).then(|| all_of(&filters));
        let tiers = |floor: usize, rare: u32, min_weight: f32| WordTiers {
            words: lower_words.iter().map(|(q, ..)| q.box_clone()).collect(),
            presence: lower_words.iter().map(|(_, p, ..)| p.box_clone()).collect(),
            rare,
            floor,
            weights: weights.clone(),
            min_weight,
            below: n + 1,
            within: None,
            filter: filter.as_ref().map(|f| f.box_clone()),
            full: proximity.iter().map(|q| q.box_clone()).collect(),
            full_bound: if proximity.is_some() {
                proximity_bound(fields, &syllables)
            } else {
                Vec::new()
            },
            cache: Cache::default(),
        };
        let mut lower = Lower {
            query: Box::new(AllQuery),
            any: Box::new(AllQuery),
            floor: tiers(indexed.div_ceil(2).max(1), rare, total * MIN_WEIGHT_SHARE),
            all: tiers(1, u32::MAX, 0.0),
            topic: topic_clauses.iter().map(|q| q.box_clone()).collect(),
            topic_should: topic_should.iter().map(|q| q.box_clone()).collect(),
        };
        lower.query = lower.wrap(lower.floor.clone());
        lower.any = lower.wrap(lower.all.clone());
        lower
    });

    // A lone word under filters keeps its block-WAND (see `Filtered`).
    let filtered = prunable && !filters.is_empty() && must_not.is_empty();
    let query = if filtered {
        Box::new(Filtered {
            text: text_query,
            filter: all_of(&filters),
        })
    } else {
        with_filters(text_query, &filters, &must_not)
    };
    BuiltQuery {
        query,
        scored,
        highlight,
        prunable: prunable && must_not.is_empty(),
        words: u32::try_from(n).unwrap_or(u32::MAX),
        lower,
    }
}

/// Every one of `filters` (not empty) as one query.
fn all_of(filters: &[Box<dyn Query>]) -> Box<dyn Query> {
    match filters {
        [one] => one.box_clone(),
        _ => Box::new(BooleanQuery::new(
            filters
                .iter()
                .map(|f| (Occur::Must, f.box_clone()))
                .collect(),
        )),
    }
}

/// `query` with the filters required (at no score) and the exclusions.
fn with_filters(
    query: Box<dyn Query>,
    filters: &[Box<dyn Query>],
    must_not: &[Box<dyn Query>],
) -> Box<dyn Query> {
    if filters.is_empty() && must_not.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    for filter in filters {
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
        ));
    }
    for q in must_not {
        clauses.push((Occur::MustNot, q.box_clone()));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The syllable a word typed in Telex or VNI spells, when the index has it.
fn typed_syllable(token: &QueryToken, vocabulary: &Vocabulary) -> Option<QueryToken> {
    let exact = decode(&token.exact)?;
    (vocabulary.doc_freq(&exact) > 0).then(|| QueryToken {
        folded: fold(&exact),
        exact,
    })
}

/// A number typed with spaces (`1520 - KL/TU`, `1520 KL/TU`) as one word.
fn join_numbers(clauses: Vec<Clause>) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::with_capacity(clauses.len());
    let mut i = 0;
    while i < clauses.len() {
        match spaced_number(&clauses[i..]) {
            Some((joined, used)) => {
                out.push(Clause::Word(joined));
                i += used;
            }
            None => {
                out.push(clauses[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Digits, an optional lone `-`, then a word with a slash, as one number and
/// the number of clauses it took.
fn spaced_number(clauses: &[Clause]) -> Option<(String, usize)> {
    let Some(Clause::Word(first)) = clauses.first() else {
        return None;
    };
    if !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut joined = first.clone();
    for (used, next) in clauses.iter().enumerate().skip(1).take(2) {
        let Clause::Word(word) = next else {
            return None;
        };
        joined.push_str(word);
        if word.contains('/') {
            return is_number(&joined).then_some((joined, used + 1));
        }
        if word != "-" {
            return None;
        }
    }
    None
}

/// Whether a word looks like a document number: digits, letters and a slash.
fn is_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
        && text.contains('/')
}

/// A word that looks like a document number (`445-KL/TU`, `135/TTr-UBND`):
/// digits, letters and a slash. It matches the document of that number, the
/// items citing it (both ranked first), and the text that writes it.
fn number_word(fields: &Fields, text: &str, weight: f32) -> Option<Word> {
    if !is_number(text) {
        return None;
    }
    let key = normalize_reference(text.trim_matches(|c: char| !c.is_alphanumeric()));
    let toks = tokens(text);
    let folded: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
    if folded.is_empty() {
        return None;
    }
    let clause = any_of(vec![
        boosted(term(fields.number, &key), NUMBER_BOOST),
        boosted(term(fields.reference, &key), REFERENCE_BOOST),
        phrase(fields.content, &folded, 0),
    ]);
    Some(Word {
        alone: clause.box_clone(),
        presence: clause.box_clone(),
        clause,
        rare: true,
        weight,
        token: None,
    })
}

/// Kinds of documents as typed before a number, and the code of the kind in
/// numbers (Hướng dẫn 36-HD/VPTW; Nghị định 30/2020/NĐ-CP, Phụ lục III).
const KIND_CODES: &[(&[&str], &str)] = &[
    (&["kl"], "kl"),
    (&["ket", "luan"], "kl"),
    (&["tb"], "tb"),
    (&["thong", "bao"], "tb"),
    (&["ttr"], "ttr"),
    (&["to", "trinh"], "ttr"),
    (&["bc"], "bc"),
    (&["bao", "cao"], "bc"),
    (&["nq"], "nq"),
    (&["nghi", "quyet"], "nq"),
    (&["qd"], "qd"),
    (&["quyet", "dinh"], "qd"),
    (&["ct"], "ct"),
    (&["chi", "thi"], "ct"),
    (&["da"], "da"),
    (&["de", "an"], "da"),
    (&["so"], ""),
];

/// Takes `kết luận 445`, `KL 445`, `số 445` out of the loose words, as typed
/// numbers matching every number that starts so (`445-KL/…`).
fn number_prefixes(
    fields: &Fields,
    loose: &mut Vec<(QueryToken, Option<Vec<QueryToken>>)>,
    weight: f32,
) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < loose.len() {
        let digits = &loose[i].0.folded;
        if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 6 {
            i += 1;
            continue;
        }
        let found = KIND_CODES.iter().find(|(words, _)| {
            i >= words.len()
                && loose[i - words.len()..i]
                    .iter()
                    .zip(words.iter())
                    .all(|((t, _), w)| t.folded == *w)
        });
        let Some(&(words, code)) = found else {
            i += 1;
            continue;
        };
        let pattern = if code.is_empty() {
            format!("{digits}[-/].*")
        } else {
            format!("{digits}[-/]{code}([-/].*)?")
        };
        let start = i - words.len();
        let typed: Vec<QueryToken> = loose.drain(start..=i).map(|(t, _)| t).collect();
        let folded: Vec<&str> = typed.iter().map(|t| t.folded.as_str()).collect();
        let mut parts = Vec::new();
        for (field, boost) in [
            (fields.number, NUMBER_BOOST),
            (fields.reference, REFERENCE_BOOST),
        ] {
            // The pattern is built from digits and a fixed code: it always
            // compiles; a refusal only drops this alternative.
            if let Ok(q) = RegexQuery::from_pattern(&pattern, field) {
                parts.push(boosted(Box::new(q), boost));
            }
        }
        parts.push(phrase(fields.content, &folded, 0));
        let clause = any_of(parts);
        out.push(Word {
            alone: clause.box_clone(),
            presence: clause.box_clone(),
            clause,
            rare: true,
            weight,
            token: None,
        });
        i = start;
    }
    out
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A term that only says where it occurs (no frequencies, no positions).
fn basic_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

/// The full form of `token` when the text it came from spells an abbreviation
/// (`UBND` → `ủy ban nhân dân`), as query tokens.
fn abbreviation_in(word: &str, token: &QueryToken) -> Option<Vec<QueryToken>> {
    let spelled = word
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| fold(w) == token.folded)?;
    lookup(&normalize(spelled)).map(tokens)
}

/// A typed word: the syllable, or, for an abbreviation, also its full form,
/// or, for a word typed in Telex or VNI, also the syllable it spells.
fn loose_clause(
    fields: &Fields,
    token: &QueryToken,
    expansion: Option<&[QueryToken]>,
    typed: Option<&QueryToken>,
    alone: bool,
) -> Box<dyn Query> {
    let word = word_clause(fields, token, false, alone);
    let mut alternatives = Vec::new();
    if let Some(full) = expansion.and_then(|e| phrase_clause(fields, e, false, true)) {
        alternatives.push(full);
    }
    if let Some(typed) = typed {
        alternatives.push(word_clause(fields, typed, false, alone));
    }
    if alternatives.is_empty() {
        return word;
    }
    alternatives.insert(0, word);
    any_of(alternatives)
}

/// One syllable: must occur in the content (or, `topic_only`, in the topic).
///
/// `alone` says the clause is the whole query. It is then a plain union of
/// term queries, which tantivy's top-k collector prunes with block-WAND.
/// Beside other clauses the folded term is required and the other forms only
/// add to the score: each is then looked up only in the documents the
/// intersection reaches, instead of over windows of thousands of documents.
fn word_clause(
    fields: &Fields,
    token: &QueryToken,
    topic_only: bool,
    alone: bool,
) -> Box<dyn Query> {
    let required = if topic_only {
        boosted(term(fields.topic, &token.folded), TOPIC_BOOST)
    } else {
        term(fields.content, &token.folded)
    };
    let mut optional: Vec<Box<dyn Query>> = Vec::new();
    if !topic_only {
        optional.push(boosted(term(fields.topic, &token.folded), TOPIC_BOOST));
        optional.push(boosted(term(fields.title, &token.folded), TITLE_BOOST));
    }
    if token.accented() {
        if !topic_only {
            optional.push(boosted(
                term(fields.content_exact, &token.exact),
                EXACT_BOOST,
            ));
        }
        optional.push(boosted(
            term(fields.topic, &token.exact),
            TOPIC_BOOST * EXACT_BOOST,
        ));
    }
    if alone {
        let all = std::iter::once(required).chain(optional);
        return Box::new(BooleanQuery::new(all.map(|q| (Occur::Should, q)).collect()));
    }
    let mut clauses = vec![(Occur::Must, required)];
    if !optional.is_empty() {
        clauses.push((
            Occur::Should,
            Box::new(BooleanQuery::new(
                optional.into_iter().map(|q| (Occur::Should, q)).collect(),
            )),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn phrase(field: Field, texts: &[&str], slop: u32) -> Box<dyn Query> {
    if let [single] = texts {
        return term(field, single);
    }
    let mut q = PhraseQuery::new(
        texts
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect(),
    );
    q.set_slop(slop);
    Box::new(q)
}

/// A quoted phrase: must occur as a phrase, scored like words.
fn phrase_clause(
    fields: &Fields,
    toks: &[QueryToken],
    topic_only: bool,
    exact_terms: bool,
) -> Option<Box<dyn Query>> {
    if toks.is_empty() {
        return None;
    }
    let folded: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
    let field = if topic_only {
        fields.topic
    } else {
        fields.content
    };
    let mut optional: Vec<Box<dyn Query>> = Vec::new();
    if !topic_only {
        // The topic is part of the content, so this only adds to the score.
        optional.push(boosted(phrase(fields.topic, &folded, 0), TOPIC_BOOST));
    }
    if exact_terms {
        // Exact-diacritic syllables add their own score. Terms, not a second
        // phrase: the folded phrase already fixed the positions, and a phrase
        // check costs a pass over positions for every hit.
        let exact_field = if topic_only {
            fields.topic
        } else {
            fields.content_exact
        };
        for token in toks.iter().filter(|t| t.accented()) {
            optional.push(boosted(term(exact_field, &token.exact), EXACT_BOOST));
        }
    }
    let required = phrase(field, &folded, 0);
    if optional.is_empty() {
        return Some(required);
    }
    // The additions are looked up only in the documents the phrase matches.
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, required),
        (Occur::Should, any_of(optional)),
    ])))
}

/// Loose words that also occur as a phrase score higher.
fn proximity_boost(
    fields: &Fields,
    toks: &[QueryToken],
    topic_only: bool,
) -> Option<Box<dyn Query>> {
    // The words' own clauses already score their exact forms.
    phrase_clause(fields, toks, topic_only, false).map(|q| boosted(q, PHRASE_BOOST))
}

/// What `proximity_boost(fields, toks, false)` can add at most, as its
/// phrases (words and boost): the words in the content, and in the topic
/// (see `phrase_clause` without exact terms). Keep the two in step: a phrase
/// left out here would let the top-k of word tiers skip records that belong
/// on the page.
fn proximity_bound(fields: &Fields, toks: &[QueryToken]) -> Vec<(Vec<Term>, f32)> {
    let folded = |field: Field| -> Vec<Term> {
        toks.iter()
            .map(|t| Term::from_field_text(field, &t.folded))
            .collect()
    };
    vec![
        (folded(fields.content), PHRASE_BOOST),
        (folded(fields.topic), PHRASE_BOOST * TOPIC_BOOST),
    ]
}

fn excluded_clause(fields: &Fields, toks: &[QueryToken]) -> Option<Box<dyn Query>> {
    if toks.is_empty() {
        return None;
    }
    let folded: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
    Some(phrase(fields.content, &folded, 0))
}

/// A body name as a slop phrase on `field`, abbreviations expanded.
fn body_phrase(field: Field, body: &str) -> Option<Box<dyn Query>> {
    let toks = tokens(&expand(&normalize(body)));
    if toks.is_empty() {
        return None;
    }
    let folded: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
    Some(phrase(field, &folded, BODY_SLOP))
}

/// Any of `queries`, each checked only where the rest of the query could
/// match (see [`AnyOf`]).
fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(AnyOf::new(queries))
}

fn i64_range(field: Field, from: Option<i64>, to: Option<i64>) -> Box<dyn Query> {
    let bound = |v: Option<i64>| match v {
        Some(v) => Bound::Included(Term::from_field_i64(field, v)),
        None => Bound::Unbounded,
    };
    if from.is_none() && to.is_none() {
        // Every record has a date; "any due date" means "has a deadline".
        return Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_i64(field, i64::MIN)),
            Bound::Included(Term::from_field_i64(field, i64::MAX)),
        ));
    }
    Box::new(RangeQuery::new(bound(from), bound(to)))
}

fn filters(fields: &Fields, request: &SearchRequest) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let nothing = || -> Box<dyn Query> { Box::new(tantivy::query::EmptyQuery) };
    // Body filters look at each item's record, which carries the document's
    // issuing body and the item's submitting body: the same meaning at item
    // and document level (a document matches through one of its items).
    // A body with no word in it (only punctuation) names nothing: no match.
    if let Some(body) = &request.body {
        let query = match (
            body_phrase(fields.issuer, body),
            body_phrase(fields.submitter, body),
        ) {
            (Some(a), Some(b)) => Some(any_of(vec![a, b])),
            _ => None,
        };
        out.push(query.unwrap_or_else(nothing));
    }
    if let Some(issuer) = &request.issuer {
        out.push(body_phrase(fields.issuer, issuer).unwrap_or_else(nothing));
    }
    if let Some(submitter) = &request.submitter {
        out.push(body_phrase(fields.submitter, submitter).unwrap_or_else(nothing));
    }
    if let Some(assignee) = &request.assignee {
        out.push(body_phrase(fields.assignee, assignee).unwrap_or_else(nothing));
    }
    if request.date_from.is_some() || request.date_to.is_some() {
        out.push(i64_range(
            fields.date,
            request.date_from.map(|d| i64::from(d.to_julian_day())),
            request.date_to.map(|d| i64::from(d.to_julian_day())),
        ));
    }
    if request.due_from.is_some() || request.due_to.is_some() {
        let from = request.due_from.unwrap_or(time::Date::MIN);
        let to = request.due_to.unwrap_or(time::Date::MAX);
        out.push(any_of(
            due_ranges(from, to)
                .into_iter()
                .map(|(lo, hi)| i64_range(fields.due, Some(lo), Some(hi)))
                .collect(),
        ));
    }
    if let Some(session) = request.session {
        out.push(Box::new(TermQuery::new(
            Term::from_field_u64(fields.session, u64::from(session)),
            IndexRecordOption::Basic,
        )));
    }
    if let Some(reference) = &request.reference {
        let key = normalize_reference(reference);
        out.push(any_of(vec![
            term(fields.reference, &key),
            term(fields.number, &key),
        ]));
    }
    if let Some(kind) = &request.kind {
        out.push(term(fields.kind, &kind_key(kind)));
    }
    out
}
