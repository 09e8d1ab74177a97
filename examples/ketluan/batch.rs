//! `index`: parse files and folders into an index, with progress and a summary.

use std::fmt;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use ketluan::extract::Format;
use ketluan::{AddOutcome, Document, Error, Index};

use crate::Outcome;
use crate::keys::key_for;

/// A big batch commits every this many documents or [`COMMIT_AFTER`],
/// whichever comes first, so an interruption loses little work. Fewer
/// commits make fewer, larger segments and less merging: on 20,000 generated
/// documents, committing every 10,000 instead of every 1,000 took about 10 %
/// less CPU time.
const COMMIT_EVERY: usize = 10_000;
/// See [`COMMIT_EVERY`].
const COMMIT_AFTER: Duration = Duration::from_secs(10);
/// Documents parsed ahead of the one being indexed.
const PARSED_AHEAD: usize = 32;

/// One document to index: where to read it and the key to store it under.
struct Job {
    path: PathBuf,
    key: String,
}

pub fn index(paths: &[PathBuf], dir: &Path, out: &mut impl Write) -> Outcome {
    let mut jobs = Vec::new();
    let mut unreadable = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        collect(path, &mut jobs, &mut unreadable, &mut skipped);
    }
    for e in &unreadable {
        eprintln!("error: {e}");
    }
    for path in &skipped {
        eprintln!(
            "skipped: {}: not a document type ketluan reads ({SUPPORTED})",
            path.display()
        );
    }
    if jobs.is_empty() && unreadable.is_empty() {
        let given: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "warning: no document ({SUPPORTED}) in {}; nothing indexed",
            given.join(", ")
        );
        return Ok(ExitCode::from(2));
    }
    // A first run that indexes nothing leaves no index behind.
    let fresh = Fresh::before(dir);
    let outcome = index_jobs(&jobs, unreadable.len(), skipped.len(), dir, out);
    let indexed_nothing = match &outcome {
        Ok((_, added, replaced)) => added + replaced == 0,
        Err(_) => true,
    };
    if indexed_nothing {
        fresh.undo(dir);
    }
    let (code, _, _) = outcome?;
    Ok(code)
}

/// What `dir` was before `index` ran, to undo the creation of an index that
/// ends up holding nothing.
enum Fresh {
    /// The directory did not exist.
    Missing,
    /// It existed, empty.
    Empty,
    /// It held an index (or other files): never touched.
    InUse,
}

impl Fresh {
    fn before(dir: &Path) -> Fresh {
        match std::fs::read_dir(dir).map(|mut entries| entries.next().is_none()) {
            Ok(true) => Fresh::Empty,
            Ok(false) => Fresh::InUse,
            Err(_) if !dir.exists() => Fresh::Missing,
            Err(_) => Fresh::InUse,
        }
    }

    /// Best effort: what cannot be removed stays.
    fn undo(self, dir: &Path) {
        match self {
            Fresh::Missing => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Fresh::Empty => {
                for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                    let path = entry.path();
                    let _ = if path.is_dir() {
                        std::fs::remove_dir_all(&path)
                    } else {
                        std::fs::remove_file(&path)
                    };
                }
            }
            Fresh::InUse => {}
        }
    }
}

/// Indexes `jobs`; the exit code, documents added and replaced.
fn index_jobs(
    jobs: &[Job],
    unreadable: usize,
    skipped: usize,
    dir: &Path,
    out: &mut impl Write,
) -> Result<(ExitCode, usize, usize), crate::Failure> {
    let index = open_or_create(dir)?;
    let mut writer = index.writer()?;
    let mut failed = unreadable;

    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(jobs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {pos}/{len} documents, {rate}, ETA {eta} {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("rate", |state: &ProgressState, w: &mut dyn fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            }),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    } else {
        ProgressBar::hidden()
    };

    let (mut added, mut replaced, mut since_commit) = (0usize, 0usize, 0usize);
    let mut with_warnings = 0usize;
    let mut last_commit = Instant::now();
    // Files are read and parsed by a pool of threads, one per core, a few
    // documents ahead of the writer, so that parsing overlaps indexing and
    // commits (tantivy's own indexing threads do the analysis).
    let workers = std::thread::available_parallelism()
        .map_or(2, std::num::NonZeroUsize::get)
        .min(jobs.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| -> Result<(), Error> {
        let (parsed_tx, parsed_rx) = std::sync::mpsc::sync_channel(PARSED_AHEAD);
        for _ in 0..workers {
            let parsed_tx = parsed_tx.clone();
            let next = &next;
            scope.spawn(move || {
                while let Some(job) =
                    jobs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    if parsed_tx
                        .send((job, Document::from_path(&job.path)))
                        .is_err()
                    {
                        // The indexing side stopped (an error): nothing more to do.
                        break;
                    }
                }
            });
        }
        // The workers hold the senders: the loop ends when they are done.
        drop(parsed_tx);
        for (job, parsed) in parsed_rx {
            bar.set_message(job.key.clone());
            let outcome = parsed.and_then(|doc| {
                // Fail open: a document the parser did not fully understand
                // is indexed all the same; its warnings say what was missed.
                if let Some(first) = doc.warnings.first() {
                    with_warnings += 1;
                    let more = match doc.warnings.len() {
                        1 => String::new(),
                        n => format!(" (+{} more; `ketluan parse` lists them)", n - 1),
                    };
                    bar.suspend(|| {
                        eprintln!(
                            "warning: {}: line {}: {}{more}",
                            job.key, first.line, first.message
                        )
                    });
                }
                writer.add(&job.key, &doc)
            });
            match outcome {
                Ok(AddOutcome::Added) => added += 1,
                Ok(AddOutcome::Replaced) => replaced += 1,
                // Errors from `from_path` already name the file.
                Err(e @ Error::InFile { .. }) | Err(e @ Error::Io { .. }) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("error: {e}"));
                }
                Err(e) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("error: {}: {e}", job.path.display()));
                }
            }
            since_commit += 1;
            if since_commit >= COMMIT_EVERY || last_commit.elapsed() >= COMMIT_AFTER {
                writer.commit()?;
                since_commit = 0;
                last_commit = Instant::now();
            }
            bar.inc(1);
        }
        Ok(())
    })?;
    writer.commit()?;
    writer.close()?;
    bar.finish_and_clear();

    let total = index.num_documents()?;
    let skipped = match skipped {
        0 => String::new(),
        n => format!(", skipped: {n}"),
    };
    let with_warnings = match with_warnings {
        0 => String::new(),
        n => format!(", with warnings: {n}"),
    };
    writeln!(
        out,
        "indexed: {}, replaced: {replaced}, failed: {failed}{skipped}{with_warnings} (index {} holds {total} documents)",
        added + replaced,
        dir.display()
    )?;
    let code = if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    Ok((code, added, replaced))
}

/// Opens the index in `dir`, creating it only where that cannot clobber other files:
/// in a new or empty directory.
fn open_or_create(dir: &Path) -> Result<Index, Error> {
    let holds_index = dir.join("meta.json").exists();
    if !holds_index && dir.is_dir() {
        let empty = std::fs::read_dir(dir)
            .map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .next()
            .is_none();
        if !empty {
            return Err(Error::NotAnIndex {
                path: dir.to_path_buf(),
                reason: "the directory holds other files; give a new or empty directory".into(),
            });
        }
    }
    Index::open_or_create(dir)
}

/// The document types `index` takes from folders.
const SUPPORTED: &str = ".txt, .md, .docx, .doc, .pdf, .html, .htm";

/// Adds `path` (a file) or every file under it (a folder), in name order: those
/// of a document type become jobs, the others go to `skipped` (hidden files,
/// such as `.DS_Store`, are passed over). Keys are given by [`key_for`] (one key per
/// file, however its path is spelt). Paths that cannot be read go to
/// `errors`; the walk goes on.
fn collect(path: &Path, jobs: &mut Vec<Job>, errors: &mut Vec<Error>, skipped: &mut Vec<PathBuf>) {
    if let Err(e) = walk(path, jobs, errors, skipped) {
        errors.push(e);
    }
}

fn walk(
    path: &Path,
    jobs: &mut Vec<Job>,
    errors: &mut Vec<Error>,
    skipped: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_dir() {
        jobs.push(Job {
            path: path.to_path_buf(),
            key: key_for(path),
        });
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let child = entry.path();
        // Symbolic links to folders are not followed, so a link cycle cannot loop.
        let is_dir = entry.file_type().map_err(io)?.is_dir();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if is_dir {
            collect(&child, jobs, errors, skipped);
        } else if hidden || !child.is_file() {
            continue;
        } else if is_document(&child) {
            jobs.push(Job {
                key: key_for(&child),
                path: child,
            });
        } else {
            skipped.push(child);
        }
    }
    Ok(())
}

fn is_document(path: &Path) -> bool {
    Format::from_name(&path.to_string_lossy()).is_some()
}
