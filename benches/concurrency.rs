//! Queries under load: ketluan and plain tantivy, each with one searcher and
//! then with several searching at once over one open index, on the same
//! corpus and query mix as `benches/peers.rs`.
//!
//! ```text
//! KETLUAN_BENCH_DOCS=100000 KETLUAN_BENCH_DIR=/tmp/bench100k cargo bench --bench concurrency
//! ```
//! Environment: `KETLUAN_BENCH_DOCS` (default 10000), `KETLUAN_BENCH_DIR`
//! (default a temporary directory; the corpus and both indexes are kept
//! there and reused by the next run with the same count — also those the
//! peers bench built there — so a second run measures queries only), `KETLUAN_BENCH_ROUNDS` (rounds of the mix with one
//! searcher, default 20), `KETLUAN_BENCH_SEARCHERS` (threads searching at
//! once, default 8), `KETLUAN_BENCH_SECONDS` (how long they search, per
//! system, default 20). Prints a markdown report.

mod support;

use std::error::Error;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ketluan::WriterOptions;
use support::measure::{Samples, ms};
use support::queries::{self, Answer, Hits, MixQuery};
use support::{corpus, env, ours, plain_tantivy};

type BoxResult<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// An open index that answers the mix from any thread.
type Run = dyn Fn(&MixQuery) -> BoxResult<Answer> + Send + Sync;

/// The two systems compared.
#[derive(Clone, Copy)]
enum Kind {
    Ketluan,
    PlainTantivy,
}

/// One system: what it is and where its index lives.
struct System {
    kind: Kind,
    name: &'static str,
    dir: PathBuf,
}

/// The parsed corpus, parsed only when an index has to be built.
struct Lazy<'a> {
    corpus: &'a corpus::Corpus,
    parsed: Option<corpus::Parsed>,
}

impl Lazy<'_> {
    fn get(&mut self) -> BoxResult<&corpus::Parsed> {
        if self.parsed.is_none() {
            let parsed = corpus::parse(self.corpus)?;
            eprintln!(
                "concurrency: parsed {} documents in {:.1} s",
                parsed.docs.len(),
                parsed.time.as_secs_f64()
            );
            self.parsed = Some(parsed);
        }
        self.parsed.as_ref().ok_or_else(|| "no parse".into())
    }
}

/// Opens the system's index, building it first unless a finished build of
/// `documents` documents is there.
fn open(system: &System, documents: usize, lazy: &mut Lazy<'_>) -> BoxResult<Arc<Run>> {
    if corpus::is_built(&system.dir, documents)
        && let Ok(run) = open_built(system)
    {
        eprintln!("concurrency: reusing the {} index", system.name);
        return Ok(run);
    }
    if system.dir.exists() {
        std::fs::remove_dir_all(&system.dir)?;
    }
    let docs = &lazy.get()?.docs;
    let options = WriterOptions::default();
    let start = Instant::now();
    match system.kind {
        Kind::Ketluan => {
            ours::build(&system.dir, docs, options)?;
        }
        Kind::PlainTantivy => {
            plain_tantivy::build(&system.dir, docs, options.memory_budget, options.threads)?;
        }
    }
    eprintln!(
        "concurrency: built the {} index in {:.1} s",
        system.name,
        start.elapsed().as_secs_f64()
    );
    corpus::mark_built(&system.dir, documents)?;
    open_built(system)
}

fn open_built(system: &System) -> BoxResult<Arc<Run>> {
    Ok(match system.kind {
        Kind::Ketluan => {
            let index = ours::Ours::open(&system.dir)?;
            Arc::new(move |q: &MixQuery| Ok(index.run(q)?))
        }
        Kind::PlainTantivy => {
            let index = plain_tantivy::PlainTantivy::open(&system.dir)?;
            Arc::new(move |q: &MixQuery| Ok(index.run(q)?))
        }
    })
}

/// Per query of the mix: latencies and hit count, one searcher.
fn alone(run: &Run, mix: &[MixQuery], rounds: usize) -> BoxResult<Vec<(Samples, Hits)>> {
    let mut out = vec![(Samples::default(), Hits::default()); mix.len()];
    for round in 0..=rounds {
        for (qi, q) in mix.iter().enumerate() {
            let start = Instant::now();
            let answer = run(q)?;
            let took = start.elapsed();
            if answer.top.len() != answer.total.min(queries::LIMIT) {
                return Err(format!("{}: a page that does not match its total", q.name).into());
            }
            // Round 0 warms the caches.
            if round > 0 {
                out[qi].0.push(took);
            }
            out[qi].1 = Hits {
                count: answer.total,
                exact: answer.exact,
            };
        }
    }
    Ok(out)
}

/// What several searchers at once achieved.
struct Load {
    queries: usize,
    elapsed: Duration,
    latencies: Samples,
    per_query: Vec<Samples>,
}

/// `searchers` threads run the mix over and over (each from its own place in
/// it) for `seconds`.
fn loaded(run: &Arc<Run>, mix: &[MixQuery], searchers: usize, seconds: u64) -> BoxResult<Load> {
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let threads: Vec<_> = (0..searchers)
        .map(|t| {
            let run = Arc::clone(run);
            let stop = Arc::clone(&stop);
            let mix = mix.to_vec();
            std::thread::spawn(move || -> BoxResult<Vec<Samples>> {
                let mut per_query = vec![Samples::default(); mix.len()];
                let mut i = t;
                while !stop.load(Ordering::Relaxed) {
                    let qi = i % mix.len();
                    let begin = Instant::now();
                    let answer = run(&mix[qi])?;
                    per_query[qi].push(begin.elapsed());
                    std::hint::black_box(answer);
                    i += 1;
                }
                Ok(per_query)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    let mut per_query = vec![Samples::default(); mix.len()];
    for thread in threads {
        let samples = thread.join().map_err(|_| "a searcher panicked")??;
        for (all, mine) in per_query.iter_mut().zip(&samples) {
            all.extend(mine);
        }
    }
    // Queries still running at the stop count in full: the wall time is
    // until the last one ended.
    let elapsed = start.elapsed();
    let mut latencies = Samples::default();
    for s in &per_query {
        latencies.extend(s);
    }
    Ok(Load {
        queries: latencies.len(),
        elapsed,
        latencies,
        per_query,
    })
}

fn main() -> BoxResult<()> {
    let documents = env::number("KETLUAN_BENCH_DOCS", 10_000)?;
    let rounds = env::number("KETLUAN_BENCH_ROUNDS", 20)?.max(1);
    let searchers = env::number("KETLUAN_BENCH_SEARCHERS", 8)?.max(1);
    let seconds = env::number("KETLUAN_BENCH_SECONDS", 20)?.max(1) as u64;
    let (base, _temp) = env::bench_dir()?;
    let corpus = corpus::prepare(&base.join("corpus"), documents as u64)?;
    let mut lazy = Lazy {
        corpus: &corpus,
        parsed: None,
    };
    let systems = [
        System {
            kind: Kind::Ketluan,
            name: "ketluan",
            dir: base.join("ketluan"),
        },
        System {
            kind: Kind::PlainTantivy,
            name: "plain tantivy",
            dir: base.join("tantivy"),
        },
    ];
    let mix = queries::mix();
    let mut single = Vec::new();
    let mut load = Vec::new();
    for system in &systems {
        let run = open(system, documents, &mut lazy)?;
        eprintln!("concurrency: {}: one searcher", system.name);
        single.push(alone(&*run, &mix, rounds)?);
        eprintln!(
            "concurrency: {}: {searchers} searchers for {seconds} s",
            system.name
        );
        load.push(loaded(&run, &mix, searchers, seconds)?);
    }
    print!(
        "{}",
        report(&Report {
            documents,
            corpus_bytes: corpus.bytes,
            rounds,
            searchers,
            seconds,
            names: systems.iter().map(|s| s.name).collect(),
            mix: &mix,
            single: &single,
            load: &load,
        })
    );
    Ok(())
}

struct Report<'a> {
    documents: usize,
    corpus_bytes: u64,
    rounds: usize,
    searchers: usize,
    seconds: u64,
    names: Vec<&'static str>,
    mix: &'a [MixQuery],
    single: &'a [Vec<(Samples, Hits)>],
    load: &'a [Load],
}

fn report(r: &Report<'_>) -> String {
    use std::fmt::Write as _;
    let mut w = String::new();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let _ = writeln!(
        w,
        "Run on {} · {cores} cores · {} documents ({:.1} MB) · `cargo bench --bench concurrency` \
         (`KETLUAN_BENCH_DOCS={}`), same corpus (seed {}) and query mix as the peers bench; \
         facets off, top 10 hits.\n",
        time::OffsetDateTime::now_utc().date(),
        r.documents,
        r.corpus_bytes as f64 / 1e6,
        r.documents,
        corpus::SEED,
    );
    let _ = writeln!(
        w,
        "## One searcher ({} rounds of the mix)\n\nMedian / p99 ms; hits as reported (`≥` a lower \
         bound).\n",
        r.rounds
    );
    let mut header = String::from("| query |");
    let mut rule = String::from("|---|");
    for name in &r.names {
        let _ = write!(header, " {name} ms | {name} hits |");
        rule.push_str("---:|---:|");
    }
    let _ = writeln!(w, "{header}\n{rule}");
    for (qi, q) in r.mix.iter().enumerate() {
        let mut row = format!("| {} |", q.name);
        for s in r.single {
            let (samples, hits) = &s[qi];
            let _ = write!(
                row,
                " {} / {} | {hits} |",
                ms(samples.median()),
                ms(samples.p99())
            );
        }
        let _ = writeln!(w, "{row}");
    }
    let mut row = String::from("| **whole mix** |");
    for s in r.single {
        let mut all = Samples::default();
        for (samples, _) in s {
            all.extend(samples);
        }
        let _ = write!(row, " {} / {} | |", ms(all.median()), ms(all.p99()));
    }
    let _ = writeln!(w, "{row}\n");

    let _ = writeln!(
        w,
        "## {} searchers at once ({} s each, one open index shared by the threads)\n",
        r.searchers, r.seconds
    );
    let _ = writeln!(
        w,
        "| system | queries | queries/s | median ms | p99 ms |\n|---|---:|---:|---:|---:|"
    );
    for (name, l) in r.names.iter().zip(r.load) {
        let _ = writeln!(
            w,
            "| {name} | {} | {:.1} | {} | {} |",
            l.queries,
            l.queries as f64 / l.elapsed.as_secs_f64(),
            ms(l.latencies.median()),
            ms(l.latencies.p99())
        );
    }
    if let [ours, peer] = r.load {
        let qps = |l: &Load| l.queries as f64 / l.elapsed.as_secs_f64();
        let _ = writeln!(
            w,
            "\nketluan answers {:.2}× the queries per second of plain tantivy; p99 {:.2}× its p99.\n",
            qps(ours) / qps(peer),
            ours.latencies.p99().as_secs_f64() / peer.latencies.p99().as_secs_f64()
        );
    }
    let _ = writeln!(w, "Per query under load, median / p99 ms:\n");
    let mut header = String::from("| query |");
    let mut rule = String::from("|---|");
    for name in &r.names {
        let _ = write!(header, " {name} |");
        rule.push_str("---:|");
    }
    let _ = writeln!(w, "{header}\n{rule}");
    for (qi, q) in r.mix.iter().enumerate() {
        let mut row = format!("| {} |", q.name);
        for l in r.load {
            let s = &l.per_query[qi];
            let _ = write!(row, " {} / {} |", ms(s.median()), ms(s.p99()));
        }
        let _ = writeln!(w, "{row}");
    }
    w
}
