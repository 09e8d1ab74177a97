//! `search`: ranked hits for people, or one stable JSON line per hit for scripts.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use ketluan::{Facets, Level, SearchRequest, SearchResults};
use serde::Serialize;

use crate::dates::{End, day};
use crate::display::{UNKNOWN_BODY, counts, iso, json_with_source, reference_line};
use crate::{Failure, LevelArg, Outcome, SearchArgs, open_index};

/// Facet values shown per facet.
const FACET_TOP: usize = 5;

/// The first line of `search --json`: every field of `SearchResults` but the
/// hits, in the library's order (the hits follow, one line each, with
/// `"source"` first). The field order is the contract scripts rely on.
#[derive(Serialize)]
struct Header<'a> {
    total: usize,
    partial: bool,
    ranked: bool,
    notes: &'a [String],
    facets: &'a Facets,
    total_exact: bool,
}

pub fn run(args: &SearchArgs, out: &mut impl Write) -> Outcome {
    let request = request(args)?;
    let index = open_index(args.index.as_deref())?;
    let results = index.search(&request)?;
    if args.json {
        let header = Header {
            total: results.total,
            partial: results.partial,
            ranked: results.ranked,
            notes: &results.notes,
            facets: &results.facets,
            total_exact: results.total_exact,
        };
        writeln!(out, "{}", serde_json::to_string(&header)?)?;
        for hit in &results.hits {
            writeln!(out, "{}", json_with_source(&hit.key, hit)?)?;
        }
    } else {
        let level = match args.level {
            LevelArg::Item => Level::Item,
            LevelArg::Document => Level::Document,
        };
        print_results(&results, level, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The request the flags describe; dates are checked before the index is opened.
fn request(args: &SearchArgs) -> Result<SearchRequest, Failure> {
    let from = day("--from", args.from.as_deref(), End::Start)?;
    let to = day("--to", args.to.as_deref(), End::End)?;
    let due_from = day("--due-from", args.due_from.as_deref(), End::Start)?;
    let due_to = day("--due-to", args.due_to.as_deref(), End::End)?;

    let mut request = SearchRequest::new(args.query.clone().unwrap_or_default())
        .level(match args.level {
            LevelArg::Item => Level::Item,
            LevelArg::Document => Level::Document,
        })
        .limit(args.limit)
        .facets(!args.no_facets)
        .exact_total(args.exact_total);
    if from.is_some() || to.is_some() {
        request = request.date_range(from, to);
    }
    if due_from.is_some() || due_to.is_some() {
        request = request.deadline_range(due_from, due_to);
    }
    if let Some(topic) = &args.topic {
        request = request.topic(topic);
    }
    if let Some(body) = &args.body {
        request = request.body(body);
    }
    if let Some(issuer) = &args.issuer {
        request = request.issuer(issuer);
    }
    if let Some(submitter) = &args.submitter {
        request = request.submitter(submitter);
    }
    if let Some(assignee) = &args.assignee {
        request = request.assignee(assignee);
    }
    if let Some(kind) = &args.kind {
        request = request.kind(kind);
    }
    if let Some(session) = args.session {
        request = request.session(session);
    }
    if let Some(reference) = &args.reference {
        request = request.reference(reference);
    }
    // An unknown --kind is a usage error, before any index is opened.
    request.validate().map_err(|e| match e {
        ketluan::Error::InvalidRequest(message) => Failure::Usage(message),
        e => Failure::Error(e),
    })?;
    Ok(request)
}

fn print_results(
    results: &SearchResults,
    level: Level,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let bold = std::io::stdout().is_terminal();
    let mut tier = None;
    for (rank, hit) in results.hits.iter().enumerate() {
        // Tier headers: only where some hit lacks some word.
        let tiered = results.hits.iter().any(|h| h.matched < h.of);
        if tiered && tier != Some(hit.matched) {
            tier = Some(hit.matched);
            writeln!(out, "{}", tier_header(hit.matched, hit.of))?;
        }
        let mut head = format!(
            "{}. {}",
            rank + 1,
            hit.issuing_body.as_deref().unwrap_or(UNKNOWN_BODY)
        );
        if let Some(place) = &hit.place {
            head.push_str(&format!(" {place}"));
        }
        if let Some(date) = hit.date {
            head.push_str(&format!(", {}", iso(date)));
        }
        if let Some(item) = hit.item {
            head.push_str(&format!(", item {item}"));
        }
        if results.ranked {
            writeln!(out, "{head}  [{:.2}]", hit.score)?;
        } else {
            writeln!(out, "{head}")?;
        }
        if let Some(topic) = &hit.topic {
            writeln!(out, "   {topic}")?;
        }
        if let Some(reference) = &hit.reference {
            writeln!(out, "   {}", reference_line(reference))?;
        }
        let snippet = if bold {
            hit.snippet.to_terminal()
        } else {
            hit.snippet.text.clone()
        };
        if !snippet.is_empty() {
            writeln!(out, "   “{}”", snippet.replace('\n', " "))?;
        }
        if !hit.deadlines.is_empty() {
            let deadlines: Vec<String> = hit.deadlines.iter().map(|d| d.to_string()).collect();
            writeln!(out, "   deadlines: {}", deadlines.join(", "))?;
        }
        writeln!(out, "   {}", hit.key)?;
        writeln!(out)?;
    }
    let facets = &results.facets;
    counts(out, "issuing body", &facets.issuing_body, FACET_TOP)?;
    counts(out, "place", &facets.place, FACET_TOP)?;
    counts(out, "year", &facets.year, FACET_TOP)?;
    counts(out, "submitting body", &facets.submitting_body, FACET_TOP)?;
    let document_level = level == Level::Document;
    let what = match (document_level, results.total == 1) {
        (true, true) => "document",
        (true, false) => "documents",
        (false, true) => "item",
        (false, false) => "items",
    };
    for note in &results.notes {
        writeln!(out, "({note})")?;
    }
    let more = if results.total_exact { "" } else { " or more" };
    writeln!(
        out,
        "{}{more} matching {what}, {} shown",
        results.total,
        results.hits.len()
    )
}

/// The line above the hits that have `matched` of the `of` words typed.
fn tier_header(matched: u32, of: u32) -> String {
    if matched >= of {
        format!("== all {of} words")
    } else {
        format!("== {matched} of {of} words")
    }
}
