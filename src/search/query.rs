//! From a [`SearchRequest`] to a tantivy query.
//!
//! Scoring, in one place:
//! - every word must occur (folded) somewhere in the item's content;
//! - the same word in the topic adds [`TOPIC_BOOST`] × its topic score;
//! - when the user typed diacritics, the exact (accented) form adds its own
//!   score, so `bán` ranks items with `bán` above items with only `ban`;
//! - the words as a phrase add [`PHRASE_BOOST`] × the phrase score, so
//!   consecutive syllables rank above scattered ones;
//! - filters are wrapped in a zero constant score: they never change a score.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use super::any_of::AnyOf;
use super::request::SearchRequest;
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
    pub query: Box<dyn Query>,
    /// Whether any clause scores (free text or topic); otherwise hits are
    /// ordered by date.
    pub scored: bool,
    /// Terms of the content field to highlight in snippets (see
    /// [`QueryToken::highlighted`]).
    pub highlight: Vec<String>,
    /// Whether a relaxed query (any loose word instead of all) would differ.
    pub relaxable: bool,
    /// Whether the query is a plain union of terms, which tantivy's top-k
    /// collector prunes (block-WAND) when run alone.
    pub prunable: bool,
}

/// A query of at least this many loose words (and no quotes or exclusions)
/// that finds nothing is retried needing only most of them (two of three,
/// three of four, four of six…).
const MIN_WORDS_TO_RELAX: usize = 3;

/// Builds the query. With `relaxed`, an item needs only most of the loose
/// words instead of all of them (phrases, exclusions and filters still apply).
pub(crate) fn build(fields: &Fields, request: &SearchRequest, relaxed: bool) -> BuiltQuery {
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    let mut must_not: Vec<Box<dyn Query>> = Vec::new();
    let mut highlight = Vec::new();

    let filters = filters(fields, request);
    let mut loose = Vec::new();
    for clause in parse_user_text(&request.text) {
        match clause {
            Clause::Word(text) => {
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
    highlight.extend(loose.iter().map(|(t, _)| t.highlighted()));
    for (_, expansion) in &loose {
        // The full form of an abbreviation comes from our table, not from the
        // user: any spelling of it is a match.
        highlight.extend(expansion.iter().flatten().map(|t| t.folded.clone()));
    }
    // Quotes and exclusions say the user is being precise: never loosen those.
    let precise = !must.is_empty() || !must_not.is_empty();
    let mut should: Vec<Box<dyn Query>> = Vec::new();
    let n = loose.len();
    if relaxed && n >= MIN_WORDS_TO_RELAX {
        must.push(Box::new(BooleanQuery::with_minimum_required_clauses(
            loose
                .iter()
                .map(|(t, e)| (Occur::Should, loose_clause(fields, t, e.as_deref(), false)))
                .collect(),
            n - n / 3,
        )));
    } else {
        // The only clause of the query: see `word_clause`.
        let alone = n == 1 && must.is_empty() && request.topic.is_none() && filters.is_empty();
        for (token, expansion) in &loose {
            must.push(loose_clause(fields, token, expansion.as_deref(), alone));
        }
    }
    let relaxable = !relaxed && !precise && n >= MIN_WORDS_TO_RELAX;
    if loose.len() > 1 {
        let toks: Vec<QueryToken> = loose.iter().map(|(t, _)| t.clone()).collect();
        should.extend(proximity_boost(fields, &toks, false));
    }
    if let Some(topic) = &request.topic {
        let toks = tokens(topic);
        highlight.extend(toks.iter().map(QueryToken::highlighted));
        for token in &toks {
            must.push(word_clause(fields, token, true, false));
        }
        if toks.len() > 1 {
            should.extend(proximity_boost(fields, &toks, true));
        }
    }
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

    if filters.is_empty() && must_not.is_empty() {
        return BuiltQuery {
            query: text_query,
            scored,
            highlight,
            relaxable,
            prunable,
        };
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
    for filter in filters {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    for q in must_not {
        clauses.push((Occur::MustNot, q));
    }
    BuiltQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        scored,
        highlight,
        relaxable,
        prunable: false,
    }
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
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

/// A typed word: the syllable, or, for an abbreviation, also its full form.
fn loose_clause(
    fields: &Fields,
    token: &QueryToken,
    expansion: Option<&[QueryToken]>,
    alone: bool,
) -> Box<dyn Query> {
    let word = word_clause(fields, token, false, alone);
    match expansion.and_then(|e| phrase_clause(fields, e, false, true)) {
        Some(full) => any_of(vec![word, full]),
        None => word,
    }
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
    }
    if token.accented() {
        if !topic_only {
            optional.push(boosted(term(fields.content, &token.exact), EXACT_BOOST));
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
        for token in toks.iter().filter(|t| t.accented()) {
            optional.push(boosted(term(field, &token.exact), EXACT_BOOST));
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
