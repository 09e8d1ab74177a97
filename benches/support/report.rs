//! The markdown report: one table per section, absolute figures and ratios.

use std::fmt::Write as _;
use std::time::Duration;

use super::measure::{Samples, mb, ms};
use super::queries::Hits;

/// Everything measured for one system.
pub struct SystemResult {
    /// Display name.
    pub name: &'static str,
    /// Wall time to index every parsed document (commit and merges included).
    pub indexing: Duration,
    /// Peak resident memory while indexing, above the resident memory just before.
    pub peak_above_baseline: u64,
    /// Peak bytes live on the Rust heap while indexing, above those live just
    /// before (SQLite's own allocations are not counted).
    pub heap_above_baseline: Option<u64>,
    /// Index size on disk.
    pub size: u64,
    /// Per query of the mix: latencies and the hit count.
    pub queries: Vec<(Samples, Hits)>,
    /// Open the on-disk index afresh and run the first query of the mix.
    pub open_first_query: Duration,
}

impl SystemResult {
    fn mix(&self) -> Samples {
        let mut all = Samples::default();
        for (s, _) in &self.queries {
            all.extend(s);
        }
        all
    }
}

/// One run of the peers bench.
pub struct Run {
    /// UTC date of the run.
    pub date: String,
    /// `std::thread::available_parallelism`.
    pub cores: usize,
    /// Documents indexed (those that parsed).
    pub documents: usize,
    /// Documents that failed to parse and were skipped.
    pub failed: usize,
    /// Bytes of the indexed documents.
    pub corpus_bytes: u64,
    /// Agenda items indexed.
    pub items: usize,
    /// Time to generate the corpus (zero when reused).
    pub generation: Duration,
    /// Time to read and parse the corpus.
    pub parsing: Duration,
    /// Writer memory budget (ketluan and plain tantivy).
    pub budget: usize,
    /// Writer threads (ketluan and plain tantivy).
    pub threads: usize,
    /// Rounds of the query mix.
    pub rounds: usize,
    /// Query labels, in mix order.
    pub query_names: Vec<&'static str>,
    /// ketluan first, then the peers.
    pub systems: Vec<SystemResult>,
}

/// "3.2× faster" / "1.5× slower" for durations (`peer / ours`).
fn speed(ours: Duration, peer: Duration) -> String {
    let (o, p) = (ours.as_secs_f64(), peer.as_secs_f64());
    if o <= 0.0 || p <= 0.0 {
        return "–".into();
    }
    if p >= o {
        format!("{:.1}× faster", p / o)
    } else {
        format!("{:.1}× slower", o / p)
    }
}

/// "2.0× smaller" / "1.3× larger" for sizes (`peer / ours`).
fn size(ours: u64, peer: u64) -> String {
    if ours == 0 || peer == 0 {
        return "–".into();
    }
    let (o, p) = (ours as f64, peer as f64);
    if p >= o {
        format!("{:.1}× smaller", p / o)
    } else {
        format!("{:.1}× larger", o / p)
    }
}

fn per_sec(n: f64, d: Duration) -> f64 {
    n / d.as_secs_f64().max(1e-9)
}

/// Renders the report.
pub fn markdown(run: &Run) -> String {
    let mut out = String::new();
    let w = &mut out;
    let ours = &run.systems[0];
    let peers = &run.systems[1..];
    let _ = writeln!(w, "# Benchmarks: ketluan against its peers\n");
    let _ = writeln!(
        w,
        "Run on {} · {} cores · {} documents ({} MB, {} agenda items) · writer budget {} MiB, {} thread(s) · {} rounds of the query mix.\n",
        run.date,
        run.cores,
        run.documents,
        mb(run.corpus_bytes),
        run.items,
        run.budget >> 20,
        run.threads,
        run.rounds
    );
    let _ = writeln!(
        w,
        "Produced by `cargo bench --bench peers` (`KETLUAN_BENCH_DOCS={}`). The corpus is synthetic \
         (`benches/support/generator.rs`, seed {}): generated in {:.1} s and parsed in {:.1} s, \
         neither counted; every system indexes the same parsed documents, one record per agenda \
         item. {} file(s) failed to parse and were skipped.\n",
        run.documents + run.failed,
        super::corpus::SEED,
        run.generation.as_secs_f64(),
        run.parsing.as_secs_f64(),
        run.failed
    );

    // Indexing.
    let _ = writeln!(w, "## Indexing\n");
    let _ = writeln!(
        w,
        "| system | time (s) | documents/s | MB/s | peak heap above baseline (MB) | peak resident set above baseline (MB) | index size (MB) |"
    );
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|");
    for s in &run.systems {
        let _ = writeln!(
            w,
            "| {} | {:.2} | {:.0} | {:.2} | {} | {} | {} |",
            s.name,
            s.indexing.as_secs_f64(),
            per_sec(run.documents as f64, s.indexing),
            per_sec(run.corpus_bytes as f64 / 1e6, s.indexing),
            s.heap_above_baseline.map_or("–".to_string(), mb),
            mb(s.peak_above_baseline),
            mb(s.size)
        );
    }
    let _ = writeln!(w);
    for p in peers {
        let _ = writeln!(
            w,
            "- vs {}: ketluan indexes {}; its index is {}.",
            p.name,
            speed(ours.indexing, p.indexing),
            size(ours.size, p.size)
        );
    }
    let _ = writeln!(
        w,
        "\nPeak heap is the high-water mark of bytes live on the Rust heap while indexing, \
         counted by the benchmark's global allocator: the writer's buffers, merges and the \
         system's own structures. SQLite allocates through C's `malloc`, which that does not \
         see; its figure is its resident set. The resident set (`VmHWM`) also counts pages of \
         index files that tantivy maps into memory while it merges segments (page cache the \
         kernel can drop, growing with the index, not with the writer) and memory the \
         allocator keeps after it is freed.\n"
    );

    // Queries.
    let _ = writeln!(w, "## Queries\n");
    let _ = writeln!(
        w,
        "Median / p99 latency in ms for the top {} hits plus the total hit count; `hits` is that count \
         (items, or documents at document level); `≥ 10000` is a lower bound: without facets, ketluan \
         counts hits exactly up to 10,000 and stops there (`SearchResults::total_exact`), as \
         Elasticsearch does by default, while the peers count every hit. Ratios compare medians.\n",
        super::queries::LIMIT
    );
    let mut header = String::from("| query |");
    let mut rule = String::from("|---|");
    for s in &run.systems {
        let _ = write!(header, " {} ms | {} hits |", s.name, s.name);
        rule.push_str("---:|---:|");
    }
    for p in peers {
        let _ = write!(header, " ketluan vs {} |", p.name);
        rule.push_str("---|");
    }
    let _ = writeln!(w, "{header}\n{rule}");
    for (qi, name) in run.query_names.iter().enumerate() {
        let mut row = format!("| {name} |");
        for s in &run.systems {
            let (samples, hits) = &s.queries[qi];
            let _ = write!(
                row,
                " {} / {} | {hits} |",
                ms(samples.median()),
                ms(samples.p99())
            );
        }
        for p in peers {
            let _ = write!(
                row,
                " {} |",
                speed(ours.queries[qi].0.median(), p.queries[qi].0.median())
            );
        }
        let _ = writeln!(w, "{row}");
    }
    let mut row = String::from("| **whole mix** |");
    for s in &run.systems {
        let mix = s.mix();
        let _ = write!(row, " {} / {} | |", ms(mix.median()), ms(mix.p99()));
    }
    for p in peers {
        let _ = write!(row, " {} |", speed(ours.mix().median(), p.mix().median()));
    }
    let _ = writeln!(w, "{row}\n");
    let _ = writeln!(
        w,
        "How each query is expressed: ketluan gets the text as a user types it (`SearchRequest`); FTS5 \
         gets an FTS5 `MATCH` with quoted phrases, a `WHERE` on the metadata table for place and \
         dates, `ORDER BY bm25(items) LIMIT 10` and a `count(*)` (`GROUP BY` document at document \
         level); plain tantivy gets `QueryParser` phrases in a `BooleanQuery` with a `TermQuery` on \
         place and a `RangeQuery` on the date, `TopDocs` + `Count` (a best-item-per-document \
         collector at document level). \"UBND + Lạng Sơn\" is ketluan's body filter `UBND Lạng Sơn` \
         (issuing or submitting body with the place), and the peers' phrase `\"ủy ban nhân dân\"` with `place = 'Lạng Sơn'`. ketluan's \
         free text without quotes ranks items with all words first, then (counted in its hits) items with at least half of them, the peers get quoted phrases. The peers index \
         the parsed documents, whose strings ketluan's parser has already made NFC, so NFD input \
         costs them nothing here (on raw NFD text tantivy's default tokenizer would split words at \
         the combining marks); what they still miss shows in the hit counts: FTS5's `unicode61` \
         does not fold `đ` to `d`, neither expands abbreviations such as UBND.\n"
    );

    // Open.
    let _ = writeln!(w, "## Open index and first query\n");
    let _ = writeln!(
        w,
        "Fresh open of each on-disk index, then the first query of the mix (page cache warm).\n"
    );
    let _ = writeln!(w, "| system | ms | ketluan vs it |");
    let _ = writeln!(w, "|---|---:|---|");
    for s in &run.systems {
        let vs = if std::ptr::eq(s, ours) {
            "–".to_string()
        } else {
            speed(ours.open_first_query, s.open_first_query)
        };
        let _ = writeln!(w, "| {} | {} | {vs} |", s.name, ms(s.open_first_query));
    }
    let _ = writeln!(w);

    // Goals.
    let _ = writeln!(w, "## Goals\n");
    let fts5 = peers.iter().find(|p| p.name.contains("FTS5"));
    let _ = writeln!(w, "| goal | measured | result |");
    let _ = writeln!(w, "|---|---|---|");
    let verdict = |ok: bool| if ok { "pass" } else { "**fail**" };
    if let Some(f) = fts5 {
        let idx = f.indexing.as_secs_f64() / ours.indexing.as_secs_f64().max(1e-9);
        let _ = writeln!(
            w,
            "| indexing ≥ 5× FTS5's documents/s | {idx:.1}× | {} |",
            verdict(idx >= 5.0)
        );
        let q = f.mix().median().as_secs_f64() / ours.mix().median().as_secs_f64().max(1e-9);
        let _ = writeln!(
            w,
            "| query median ≥ 20× faster than FTS5 over the mix | {q:.1}× | {} |",
            verdict(q >= 20.0)
        );
        let ratio = ours.size as f64 / f.size.max(1) as f64;
        let _ = writeln!(
            w,
            "| index ≤ 0.6× FTS5's size | {ratio:.2}× | {} |",
            verdict(ratio <= 0.6)
        );
    }
    let p99 = ours.mix().p99();
    let at_size = run.documents >= 100_000;
    let _ = writeln!(
        w,
        "| p99 under 20 ms at 100,000 documents | {} ms at {} documents | {} |",
        ms(p99),
        run.documents,
        if at_size {
            verdict(p99 < Duration::from_millis(20)).to_string()
        } else {
            format!(
                "not at goal size ({} here)",
                if p99 < Duration::from_millis(20) {
                    "under"
                } else {
                    "over"
                }
            )
        }
    );
    let _ = writeln!(
        w,
        "| peak memory while indexing ≤ writer budget ({} MiB) | heap {} MB (resident set {} MB) | {} |",
        run.budget >> 20,
        ours.heap_above_baseline.map_or("–".to_string(), mb),
        mb(ours.peak_above_baseline),
        verdict(ours.heap_above_baseline.unwrap_or(u64::MAX) <= run.budget as u64)
    );
    out
}
