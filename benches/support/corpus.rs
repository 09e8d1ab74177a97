//! The bench corpus: generated once into a directory, then parsed into
//! [`Document`]s that every system indexes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ketluan::{AgendaItem, Document};

use super::generator::Generator;

/// The seed of the bench corpus; change it and every figure changes.
pub const SEED: u64 = 2024;

/// The generated files.
pub struct Corpus {
    /// The files, in index order.
    pub files: Vec<PathBuf>,
    /// Their total size in bytes.
    pub bytes: u64,
    /// Time spent generating (zero when an earlier run's files were reused).
    pub generation: Duration,
}

/// Generates `n` documents into `dir`, or reuses them when a marker says this
/// seed and count were written there before.
///
/// # Errors
/// Any I/O error.
pub fn prepare(dir: &Path, n: u64) -> std::io::Result<Corpus> {
    let marker = dir.join(".generated");
    let stamp = format!("seed={SEED} documents={n}\n");
    let start = Instant::now();
    let reuse = std::fs::read_to_string(&marker).is_ok_and(|s| s == stamp);
    if !reuse {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        Generator::new(SEED).write_corpus(dir, n)?;
        std::fs::write(&marker, &stamp)?;
    }
    let generation = if reuse {
        Duration::ZERO
    } else {
        start.elapsed()
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    Ok(Corpus {
        files,
        bytes,
        generation,
    })
}

/// Parsed documents, keyed by file name.
pub struct Parsed {
    /// (key, document) for every document that parsed.
    pub docs: Vec<(String, Document)>,
    /// Files that did not parse (skipped).
    pub failed: usize,
    /// Total agenda items.
    pub items: usize,
    /// Bytes of the files that parsed.
    pub bytes: u64,
    /// Time spent reading and parsing.
    pub time: Duration,
}

/// Reads and parses every file with [`Document::parse`]; files that fail are
/// counted and skipped.
///
/// # Errors
/// Any I/O error reading a file.
pub fn parse(corpus: &Corpus) -> std::io::Result<Parsed> {
    let start = Instant::now();
    let texts: Vec<(String, String)> = corpus
        .files
        .iter()
        .map(|f| {
            let key = f
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            std::fs::read_to_string(f).map(|t| (key, t))
        })
        .collect::<std::io::Result<_>>()?;
    let mut parsed = run(&texts, |t| Document::parse(t).ok());
    parsed.time = start.elapsed();
    Ok(parsed)
}

fn run(texts: &[(String, String)], parse: impl Fn(&str) -> Option<Document>) -> Parsed {
    let mut out = Parsed {
        docs: Vec::with_capacity(texts.len()),
        failed: 0,
        items: 0,
        bytes: 0,
        time: Duration::ZERO,
    };
    for (key, text) in texts {
        match parse(text) {
            Some(doc) => {
                out.items += doc.items.len();
                out.bytes += text.len() as u64;
                out.docs.push((key.clone(), doc));
            }
            None => out.failed += 1,
        }
    }
    out
}
/// The names of bodies an item involves, one per line, for the peers' `bodies`
/// column: the issuing body and place, the submitting body, the assignees.
pub fn bodies(doc: &Document, item: &AgendaItem) -> String {
    let mut out = doc.issuing_body.clone().unwrap_or_default();
    if let Some(place) = &doc.place {
        out.push(' ');
        out.push_str(place);
    }
    if let Some(body) = item.reference.as_ref().and_then(|r| r.body.as_ref()) {
        out.push('\n');
        out.push_str(body);
    }
    for a in &item.assignments {
        out.push('\n');
        out.push_str(&a.assignee);
    }
    out
}

/// Marks `dir` as a finished index of `documents` documents of this corpus,
/// so that another bench (`concurrency`) can reuse it.
///
/// # Errors
/// Any I/O error.
pub fn mark_built(dir: &Path, documents: usize) -> std::io::Result<()> {
    std::fs::write(dir.join(".bench-built"), built_stamp(documents))
}

/// Whether `dir` holds an index marked by [`mark_built`] for `documents`.
pub fn is_built(dir: &Path, documents: usize) -> bool {
    std::fs::read_to_string(dir.join(".bench-built")).is_ok_and(|s| s == built_stamp(documents))
}

fn built_stamp(documents: usize) -> String {
    format!("seed={SEED} documents={documents}\n")
}
