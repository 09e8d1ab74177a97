//! `index`: parse files and folders into an index, with progress and a summary.

use std::fmt;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use ketluan::extract::Format;
use ketluan::{AddOutcome, Document, Error, Index};

use crate::Outcome;

/// Documents per commit in a big batch, so an interruption loses little work.
const COMMIT_EVERY: usize = 1_000;
/// Documents parsed ahead of the one being indexed.
const PARSED_AHEAD: usize = 32;

/// One document to index: where to read it and the key to store it under.
struct Job {
    path: PathBuf,
    key: String,
}

pub fn index(paths: &[PathBuf], dir: &Path, out: &mut impl Write) -> Outcome {
    let index = open_or_create(dir)?;
    let mut writer = index.writer()?;

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
    let mut failed = unreadable.len();

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
    // Files are read and parsed on a thread of their own, a few documents
    // ahead, so that parsing overlaps indexing and commits.
    std::thread::scope(|scope| -> Result<(), Error> {
        let (parsed_tx, parsed_rx) = std::sync::mpsc::sync_channel(PARSED_AHEAD);
        let jobs = &jobs;
        scope.spawn(move || {
            for job in jobs {
                if parsed_tx
                    .send((job, Document::from_path(&job.path)))
                    .is_err()
                {
                    // The indexing side stopped (an error): nothing more to do.
                    break;
                }
            }
        });
        for (job, parsed) in parsed_rx {
            bar.set_message(job.key.clone());
            let outcome = parsed.and_then(|doc| writer.add(&job.key, &doc));
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
            if since_commit >= COMMIT_EVERY {
                writer.commit()?;
                since_commit = 0;
            }
            bar.inc(1);
        }
        Ok(())
    })?;
    writer.commit()?;
    bar.finish_and_clear();

    let total = index.num_documents()?;
    let skipped = match skipped.len() {
        0 => String::new(),
        n => format!(", skipped: {n}"),
    };
    writeln!(
        out,
        "indexed: {}, replaced: {replaced}, failed: {failed}{skipped} (index {} holds {total} documents)",
        added + replaced,
        dir.display()
    )?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
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
/// such as `.DS_Store`, are passed over). Keys are the path as given, joined
/// with the path found inside a folder. Paths that cannot be read go to
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
            key: path.to_string_lossy().into_owned(),
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
                key: child.to_string_lossy().into_owned(),
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
