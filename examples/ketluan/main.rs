//! `ketluan` — parse, index and search Vietnamese conclusion documents from the command line.
//!
//! ```text
//! cargo run --example ketluan -- search "lang son"
//! cargo run --example ketluan -- index docs/ --index my-index
//! cargo run --example ketluan -- search "địa giới" --index my-index --from 2022 --json
//! ```
//!
//! Without `--index`, `search`, `show` and `stats` work on the six sample documents
//! bundled into the binary; with it, they open the index read-only (it may sit
//! on read-only storage). With `--json`, output is JSON with a fixed set of
//! keys, for scripts: `search --json` prints a header line (total, facets …)
//! then one line per hit, in the form of `ketluan::SearchResults`.
//!
//! `index` stores each file under a key: its real path relative to the
//! working directory (or absolute when outside it), `/`-separated, `.`, `..`
//! and symbolic links resolved, so one file is one document however its path
//! is spelt. `show` takes that key (or any path to the file).

mod batch;
mod dates;
mod display;
mod keys;
mod samples;
mod search;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use ketluan::{Document, Index};

/// Parse, index and search Vietnamese party conclusion documents.
#[derive(Parser)]
#[command(name = "ketluan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run, so the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Parse documents and print what was found in them.
    Parse {
        /// Files to parse: text or markdown (UTF-8, UTF-16, TCVN3, VNI,
        /// Windows-1258), .docx, .doc, .pdf with a text layer, .html.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// One JSON object per file, with its path as "source".
        #[arg(long)]
        json: bool,
    },
    /// Parse files and folders (recursively: .txt, .md, .docx, .doc, .pdf,
    /// .html) into an index.
    ///
    /// Each file is stored under its real path relative to the working
    /// directory (absolute when outside it), `/`-separated, with `.`, `..` and
    /// symbolic links resolved: `docs/a.txt`, `./docs/a.txt` and
    /// `docs/x/../a.txt` are one document. Finding no file to index is a
    /// warning with exit code 2; a first run that indexes nothing leaves no
    /// index directory behind.
    Index {
        /// Files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The index directory; created if missing.
        #[arg(long, value_name = "DIR")]
        index: PathBuf,
    },
    /// Search agenda items (or documents) by text and filters.
    Search(SearchArgs),
    /// Print a stored document, or one of its items.
    Show {
        /// The document's source (key), as shown by `search`, or a path to the
        /// indexed file.
        source: String,
        /// Only this agenda item.
        #[arg(long, value_name = "N")]
        item: Option<u32>,
        /// The index directory (default: the bundled samples).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// JSON instead of a readable outline.
        #[arg(long)]
        json: bool,
    },
    /// Documents, items, date span, most frequent bodies and places.
    Stats {
        /// The index directory (default: the bundled samples).
        #[arg(long, value_name = "DIR")]
        index: Option<PathBuf>,
        /// One JSON object (the form of `ketluan::Stats`).
        #[arg(long)]
        json: bool,
    },
}

/// Flags of `search`.
#[derive(Args)]
struct SearchArgs {
    /// Free text; accents, case and tone style do not matter. Empty: everything.
    query: Option<String>,
    /// The index directory (default: the bundled samples).
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Words that must occur in the item's topic.
    #[arg(long, value_name = "T")]
    topic: Option<String>,
    /// Issuing or submitting body, e.g. "UBND tỉnh" (at item and document level).
    #[arg(long, value_name = "B")]
    body: Option<String>,
    /// Issuing body only, e.g. "Ban Thường vụ Tỉnh ủy".
    #[arg(long, value_name = "B")]
    issuer: Option<String>,
    /// Submitting body (of the item's cited submission) only, e.g. "UBND".
    #[arg(long, value_name = "B")]
    submitter: Option<String>,
    /// A body given a task in the item ("Giao …").
    #[arg(long, value_name = "A")]
    assignee: Option<String>,
    /// Document kind: "KẾT LUẬN", "THÔNG BÁO KẾT LUẬN" or "THÔNG BÁO" (accents optional).
    #[arg(long, value_name = "K")]
    kind: Option<String>,
    /// Meetings on or after this date (2022-03-04, 04/3/2022, or a month: 3/2022).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Meetings on or before this date (a month counts up to its last day).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Items with a deadline on or after this date.
    #[arg(long, value_name = "DATE")]
    due_from: Option<String>,
    /// Items with a deadline on or before this date.
    #[arg(long, value_name = "DATE")]
    due_to: Option<String>,
    /// Session number ("kỳ họp thứ 17" → 17).
    #[arg(long, value_name = "N")]
    session: Option<u32>,
    /// Cited submission number, e.g. 48-TTr/BCSD.
    #[arg(long = "ref", value_name = "NUMBER")]
    reference: Option<String>,
    /// One hit per agenda item, or one per document.
    #[arg(long, value_enum, default_value_t = LevelArg::Item)]
    level: LevelArg,
    /// At most this many hits.
    #[arg(long, value_name = "N", default_value_t = 10)]
    limit: usize,
    /// Skip the facet counts (faster on large result sets); the total is
    /// then exact up to 10,000 hits and "10000 or more" beyond.
    #[arg(long)]
    no_facets: bool,
    /// Count every hit even without facets.
    #[arg(long)]
    exact_total: bool,
    /// JSON: a header line (total, partial, ranked, notes, facets,
    /// total_exact), then one line per hit (source, key, item, score, kind,
    /// issuing_body, place, date, topic, reference, snippet, highlights,
    /// deadlines, assignments, matched_items).
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum LevelArg {
    Item,
    Document,
}

/// Why a command stopped.
enum Failure {
    /// An error to report on stderr.
    Error(ketluan::Error),
    /// A bad argument value, reported like a usage error (exit code 2).
    Usage(String),
    /// Something asked for that is not there (exit code 1).
    Message(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl From<ketluan::Error> for Failure {
    fn from(e: ketluan::Error) -> Self {
        Failure::Error(e)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Error(e.into())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

type Outcome = Result<ExitCode, Failure>;

fn main() -> ExitCode {
    quiet_extractor_panics();
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let outcome = run(cli.command, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match outcome {
        Ok(code) => code,
        Err(Failure::Error(e)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Message(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
        // A reader that stops early (`| head`) is not an error.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("error: writing output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The PDF reader reports some damaged files by panicking; the library turns
/// that into an error naming the file, so the panic message itself would only
/// be noise on stderr. Panics anywhere else are reported as usual.
fn quiet_extractor_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_reader = info.location().is_some_and(|l| {
            let file = l.file();
            file.contains("pdf-extract") || file.contains("lopdf")
        });
        if !in_reader {
            default(info);
        }
    }));
}

fn run(command: Command, out: &mut impl Write) -> Outcome {
    match command {
        Command::Parse { files, json } => parse(&files, json, out),
        Command::Index { paths, index } => batch::index(&paths, &index, out),
        Command::Search(args) => search::run(&args, out),
        Command::Show {
            source,
            item,
            index,
            json,
        } => show(&source, item, index.as_deref(), json, out),
        Command::Stats { index, json } => stats(index.as_deref(), json, out),
    }
}

/// The index in `dir`, opened read-only, or the bundled samples indexed in RAM.
fn open_index(dir: Option<&Path>) -> Result<Index, Failure> {
    match dir {
        Some(dir) => Ok(Index::open_read_only(dir)?),
        None => Ok(samples::index()?),
    }
}

fn parse(files: &[PathBuf], json: bool, out: &mut impl Write) -> Outcome {
    let mut failed = false;
    for (n, path) in files.iter().enumerate() {
        let document = match Document::from_path(path) {
            Ok(document) => document,
            Err(e) => {
                out.flush()?;
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let source = path.to_string_lossy();
        if json {
            writeln!(out, "{}", display::document_json(&source, &document)?)?;
        } else {
            if n > 0 {
                writeln!(out)?;
            }
            display::outline(out, &source, &document)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn show(
    source: &str,
    item: Option<u32>,
    dir: Option<&Path>,
    json: bool,
    out: &mut impl Write,
) -> Outcome {
    let index = open_index(dir)?;
    let where_ = dir.map_or_else(
        || "the bundled samples".to_string(),
        |d| d.display().to_string(),
    );
    // A path to the indexed file finds it under its key.
    let key = Path::new(source)
        .is_file()
        .then(|| keys::key_for(Path::new(source)));
    let found = match key.as_deref().filter(|k| *k != source) {
        Some(key) => index.get(key)?.map(|d| (key, d)),
        None => None,
    };
    let found = match found {
        Some(found) => Some(found),
        None => index.get(source)?.map(|d| (source, d)),
    };
    let Some((source, document)) = found else {
        return Err(Failure::Message(format!(
            "no document with source {source:?} in {where_} (`search` shows sources)"
        )));
    };
    match item {
        None if json => writeln!(out, "{}", display::document_json(source, &document)?)?,
        None => display::outline(out, source, &document)?,
        Some(number) => {
            let Some(item) = document.items.iter().find(|i| i.number == number) else {
                let numbers: Vec<String> = document
                    .items
                    .iter()
                    .map(|i| i.number.to_string())
                    .collect();
                return Err(Failure::Message(format!(
                    "{source}: no item {number} (items: {})",
                    numbers.join(", ")
                )));
            };
            if json {
                writeln!(out, "{}", display::json_with_source(source, item)?)?;
            } else {
                display::item(out, item)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn stats(dir: Option<&Path>, json: bool, out: &mut impl Write) -> Outcome {
    let index = open_index(dir)?;
    let stats = index.stats()?;
    if json {
        writeln!(out, "{}", serde_json::to_string(&stats)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "documents: {}", stats.documents)?;
    writeln!(out, "items:     {}", stats.items)?;
    match (stats.first_date, stats.last_date) {
        (Some(first), Some(last)) => writeln!(
            out,
            "dates:     {} to {}",
            display::iso(first),
            display::iso(last)
        )?,
        _ => writeln!(out, "dates:     none")?,
    }
    display::counts(out, "top bodies", &stats.top_bodies, 10)?;
    display::counts(out, "top places", &stats.top_places, 10)?;
    display::counts(out, "top submitters", &stats.top_submitters, 10)?;
    display::counts(out, "years", &stats.years, 10)?;
    let sources = index.sources()?;
    display::counts(out, "formats", &sources.formats, 10)?;
    display::counts(out, "encodings", &sources.encodings, 10)?;
    Ok(ExitCode::SUCCESS)
}
