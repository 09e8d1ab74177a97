//! ketluan against the engines an app developer would otherwise embed — SQLite
//! FTS5 and plain tantivy — in one run, on the same corpus and the same queries.
//!
//! ```text
//! KETLUAN_BENCH_DOCS=2000 cargo bench --bench peers
//! ```
//! Environment: `KETLUAN_BENCH_DOCS` (default 10000), `KETLUAN_BENCH_DIR` (default a
//! temporary directory; a generated corpus there is reused when seed and count
//! match), `KETLUAN_BENCH_ROUNDS` (rounds of the query mix, default 30).
//! Prints the report and writes it to `BENCHMARKS.md` at the crate root,
//! above the sections of the other benches, which it keeps.

mod support;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ketluan::WriterOptions;
use support::measure::{self, CountingAllocator, Samples};
use support::queries::{self, Answer, Hits, MixQuery};
use support::report::{self, Run, SystemResult};
use support::{corpus, env, fts5, ours, plain_tantivy};

type BoxResult<T> = Result<T, Box<dyn Error>>;

/// The line in `BENCHMARKS.md` after which the sections of other benches
/// begin: a run of this bench replaces only what is above it.
const KEPT: &str = "<!-- Sections below are kept by `cargo bench --bench peers`. -->";

/// One system under test: how to build it, open it and query it.
trait System {
    fn name(&self) -> &'static str;
    fn path(&self, base: &Path) -> PathBuf;
    /// Builds the index; returns the number of records (items) or documents it
    /// reports, checked by the caller against what was fed in.
    fn build(&self, path: &Path, docs: &[(String, ketluan::Document)]) -> BoxResult<u64>;
    fn expected_records(&self, documents: usize, items: usize) -> u64;
    fn open(&self, path: &Path) -> BoxResult<Box<dyn Searcher>>;
    /// Whether it allocates on the Rust heap, where the benchmark counts bytes.
    fn rust_heap(&self) -> bool {
        true
    }
}

trait Searcher {
    fn run(&self, q: &MixQuery) -> BoxResult<Answer>;
}

struct Ketluan(WriterOptions);
struct Fts5;
struct PlainTantivy(WriterOptions);

impl System for Ketluan {
    fn name(&self) -> &'static str {
        "ketluan"
    }
    fn path(&self, base: &Path) -> PathBuf {
        base.join("ketluan")
    }
    fn build(&self, path: &Path, docs: &[(String, ketluan::Document)]) -> BoxResult<u64> {
        Ok(ours::build(path, docs, self.0)?)
    }
    fn expected_records(&self, documents: usize, _items: usize) -> u64 {
        documents as u64
    }
    fn open(&self, path: &Path) -> BoxResult<Box<dyn Searcher>> {
        Ok(Box::new(ours::Ours::open(path)?))
    }
}

impl Searcher for ours::Ours {
    fn run(&self, q: &MixQuery) -> BoxResult<Answer> {
        Ok(ours::Ours::run(self, q)?)
    }
}

impl System for Fts5 {
    fn name(&self) -> &'static str {
        "SQLite FTS5"
    }
    fn path(&self, base: &Path) -> PathBuf {
        base.join("fts5")
    }
    fn build(&self, path: &Path, docs: &[(String, ketluan::Document)]) -> BoxResult<u64> {
        std::fs::create_dir_all(path)?;
        Ok(fts5::build(&path.join("items.sqlite"), docs)?)
    }
    fn rust_heap(&self) -> bool {
        false
    }
    fn expected_records(&self, _documents: usize, items: usize) -> u64 {
        items as u64
    }
    fn open(&self, path: &Path) -> BoxResult<Box<dyn Searcher>> {
        Ok(Box::new(fts5::Fts5::open(&path.join("items.sqlite"))?))
    }
}

impl Searcher for fts5::Fts5 {
    fn run(&self, q: &MixQuery) -> BoxResult<Answer> {
        Ok(fts5::Fts5::run(self, q)?)
    }
}

impl System for PlainTantivy {
    fn name(&self) -> &'static str {
        "plain tantivy"
    }
    fn path(&self, base: &Path) -> PathBuf {
        base.join("tantivy")
    }
    fn build(&self, path: &Path, docs: &[(String, ketluan::Document)]) -> BoxResult<u64> {
        Ok(plain_tantivy::build(
            path,
            docs,
            self.0.memory_budget,
            self.0.threads,
        )?)
    }
    fn expected_records(&self, _documents: usize, items: usize) -> u64 {
        items as u64
    }
    fn open(&self, path: &Path) -> BoxResult<Box<dyn Searcher>> {
        Ok(Box::new(plain_tantivy::PlainTantivy::open(path)?))
    }
}

impl Searcher for plain_tantivy::PlainTantivy {
    fn run(&self, q: &MixQuery) -> BoxResult<Answer> {
        Ok(plain_tantivy::PlainTantivy::run(self, q)?)
    }
}

/// Checks an answer so that no measurement can be of a no-op.
fn check(system: &str, q: &MixQuery, a: &Answer, ours: bool) -> BoxResult<()> {
    if a.top.len() != a.total.min(queries::LIMIT) {
        return Err(format!(
            "{system}: {}: {} top hits for a total of {}",
            q.name,
            a.top.len(),
            a.total
        )
        .into());
    }
    if a.total == 0 && (ours || q.all_must_hit) {
        return Err(format!("{system}: {}: no hits", q.name).into());
    }
    Ok(())
}

fn main() -> BoxResult<()> {
    let documents = env::number("KETLUAN_BENCH_DOCS", 10_000)?;
    let rounds = env::number("KETLUAN_BENCH_ROUNDS", 30)?.max(1);
    let (base, _temp) = env::bench_dir()?;
    let options = WriterOptions::default();

    eprintln!(
        "peers: corpus of {documents} documents in {}",
        base.display()
    );
    let corpus = corpus::prepare(&base.join("corpus"), documents as u64)?;
    let parsed = corpus::parse(&corpus)?;
    if parsed.docs.is_empty() {
        return Err("no document parsed".into());
    }
    eprintln!(
        "peers: generated in {:.1} s, parsed {} ({} failed, {} items) in {:.1} s",
        corpus.generation.as_secs_f64(),
        parsed.docs.len(),
        parsed.failed,
        parsed.items,
        parsed.time.as_secs_f64()
    );

    let systems: Vec<Box<dyn System>> = vec![
        Box::new(Ketluan(options)),
        Box::new(Fts5),
        Box::new(PlainTantivy(options)),
    ];
    let mix = queries::mix();
    let mut results: Vec<SystemResult> = Vec::new();
    for system in &systems {
        let path = system.path(&base);
        if path.exists() {
            std::fs::remove_dir_all(&path)?;
        }
        measure::reset_peak();
        let before = measure::memory();
        let heap_before = measure::heap_live();
        measure::reset_heap_peak();
        let start = Instant::now();
        let records = system.build(&path, &parsed.docs)?;
        let indexing = start.elapsed();
        if system.name() != "SQLite FTS5" {
            // The concurrency bench reuses the tantivy indexes.
            corpus::mark_built(&path, parsed.docs.len())?;
        }
        let heap_peak = measure::heap_peak();
        let after = measure::memory();
        let expected = system.expected_records(parsed.docs.len(), parsed.items);
        if records != expected {
            return Err(format!(
                "{}: indexed {records} records, expected {expected}",
                system.name()
            )
            .into());
        }
        eprintln!(
            "peers: {} indexed in {:.2} s",
            system.name(),
            indexing.as_secs_f64()
        );
        results.push(SystemResult {
            name: system.name(),
            indexing,
            peak_above_baseline: after.peak.saturating_sub(before.rss),
            heap_above_baseline: system
                .rust_heap()
                .then(|| heap_peak.saturating_sub(heap_before)),
            size: measure::disk_size(&path),
            queries: vec![(Samples::default(), Hits::default()); mix.len()],
            open_first_query: Duration::ZERO,
        });
    }

    // Queries: one warm-up round, then the timed rounds, interleaved so that
    // no system gets a quieter machine than another.
    let searchers: Vec<Box<dyn Searcher>> = systems
        .iter()
        .map(|s| s.open(&s.path(&base)))
        .collect::<BoxResult<_>>()?;
    for round in 0..=rounds {
        for (qi, q) in mix.iter().enumerate() {
            for (si, searcher) in searchers.iter().enumerate() {
                let start = Instant::now();
                let answer = searcher.run(q)?;
                let took = start.elapsed();
                check(results[si].name, q, &answer, si == 0)?;
                let (samples, hits) = &mut results[si].queries[qi];
                if round > 0 {
                    samples.push(took);
                }
                let answered = Hits {
                    count: answer.total,
                    exact: answer.exact,
                };
                if round > 1 && *hits != answered {
                    return Err(format!(
                        "{}: {}: hit count changed between rounds",
                        results[si].name, q.name
                    )
                    .into());
                }
                *hits = answered;
            }
        }
    }
    drop(searchers);

    for (system, result) in systems.iter().zip(results.iter_mut()) {
        let start = Instant::now();
        let searcher = system.open(&system.path(&base))?;
        let answer = searcher.run(&mix[0])?;
        result.open_first_query = start.elapsed();
        check(system.name(), &mix[0], &answer, false)?;
    }

    let run = Run {
        date: time::OffsetDateTime::now_utc().date().to_string(),
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        documents: parsed.docs.len(),
        failed: parsed.failed,
        corpus_bytes: parsed.bytes,
        items: parsed.items,
        generation: corpus.generation,
        parsing: parsed.time,
        budget: options.memory_budget,
        threads: options.threads,
        rounds,
        query_names: mix.iter().map(|q| q.name).collect(),
        systems: results,
    };
    let markdown = report::markdown(&run);
    println!("{markdown}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md");
    // What follows the generated report (other benches' sections, written
    // by hand) is kept.
    let kept = std::fs::read_to_string(&out)
        .ok()
        .and_then(|old| old.find(KEPT).map(|at| old[at..].to_string()))
        .unwrap_or_else(|| format!("{KEPT}\n"));
    std::fs::write(&out, format!("{markdown}\n{kept}"))?;
    eprintln!("peers: wrote {}", out.display());
    Ok(())
}
