//! [`IndexWriter`]: adds, replaces and deletes documents in batches.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use tantivy::indexer::UserOperation;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexReader, Term};

use super::archive::{Index, Payload};
use super::backlog::{Backlog, Record, record_size};
use super::record::records;
use super::schema::Fields;
use crate::Result;
use crate::document::Document;
use crate::error::OrEngine;

/// Memory and threads for an [`IndexWriter`].
///
/// The defaults suit a small machine: up to two indexing threads sharing a
/// 128 MiB budget, leaving a core for parsing.
///
/// Records added but not yet indexed may use a quarter of `memory_budget`
/// ([`IndexWriter::add`] waits while they would exceed it); the indexing
/// threads buffer segments in the rest. Writing a full buffer out as a segment
/// and merging segments in the background take memory beyond it, which does
/// not grow with the number of documents; `BENCHMARKS.md` gives the measured
/// peak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriterOptions {
    /// Bytes for records waiting to be indexed (a quarter) and for the
    /// indexing threads' buffers (the rest, at least 15 MB per thread,
    /// tantivy's minimum).
    pub memory_budget: usize,
    /// Indexing threads.
    pub threads: usize,
}

impl Default for WriterOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        WriterOptions {
            memory_budget: 128 << 20,
            threads: cores.clamp(1, 2),
        }
    }
}

/// Whether [`IndexWriter::add`] created a document or replaced one with the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum AddOutcome {
    /// The key was new.
    Added,
    /// A document with this key existed (committed or earlier in this batch) and
    /// is replaced when the batch commits.
    Replaced,
}

/// Adds, replaces and deletes documents; changes become durable and visible at
/// [`IndexWriter::commit`]. Only one writer may be open on an index at a time.
pub struct IndexWriter {
    inner: tantivy::IndexWriter<Record>,
    backlog: Arc<Backlog>,
    fields: Fields,
    reader: IndexReader,
    /// Keys added or deleted since the last commit, to answer `Replaced` and
    /// `delete` correctly before the batch is visible.
    pending: HashSet<String>,
    deleted: HashSet<String>,
}

impl std::fmt::Debug for IndexWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexWriter")
            .field("pending", &self.pending.len())
            .finish()
    }
}

const MIN_BUDGET_PER_THREAD: usize = 15_000_000;

/// Records added but not yet indexed may hold up to this fraction of the
/// memory budget (see [`Backlog`]): enough to keep the indexing threads busy.
const BACKLOG_SHARE: usize = 4;

/// Removes the temporary files of metadata writes that a killed writer left.
///
/// tantivy replaces `meta.json` and `.managed.json` by writing a temporary
/// file (`.tmp` and six letters or digits, the `tempfile` crate's default
/// name) and renaming it; a process killed in between leaves the temporary
/// file behind, and tantivy's own clean-up only knows the files it
/// registered. Only a writer writes these files, and this one holds the lock,
/// so any such file is a leftover. Clean-up is best effort: a file that
/// cannot be removed is harmless.
fn remove_interrupted_writes(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let leftover = name
            .strip_prefix(".tmp")
            .is_some_and(|rest| rest.len() == 6 && rest.chars().all(|c| c.is_ascii_alphanumeric()));
        if leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl IndexWriter {
    pub(crate) fn new(index: &Index, options: WriterOptions) -> Result<IndexWriter> {
        let threads = options.threads.max(1);
        // A quarter of the budget for records waiting to be indexed, the rest
        // for the indexing threads (at least tantivy's minimum each).
        let backlog = options.memory_budget / BACKLOG_SHARE;
        let budget = (options.memory_budget - backlog).max(threads * MIN_BUDGET_PER_THREAD);
        let inner = index
            .inner
            .writer_with_num_threads(threads, budget)
            .map_err(|e| index.lock_or_engine(e))?;
        if let Some(dir) = &index.path {
            remove_interrupted_writes(dir);
        }
        Ok(IndexWriter {
            inner,
            backlog: Backlog::new(backlog),
            fields: index.fields.clone(),
            reader: index.reader.clone(),
            pending: HashSet::new(),
            deleted: HashSet::new(),
        })
    }

    /// Adds `doc` under `key`, replacing any document stored under the same key.
    ///
    /// Keys are compared as given, byte for byte: `docs/a.txt` and
    /// `./docs/a.txt` are two documents. Normalise paths before using them as
    /// keys.
    ///
    /// The old records are deleted and the new ones added in one batch, so a
    /// reader never sees both or neither.
    ///
    /// When records added earlier are still waiting for the indexing threads
    /// and fill their share of the memory budget, this waits for room first.
    ///
    /// # Errors
    /// [`Error::Engine`](crate::Error::Engine) if the writer has failed (e.g. the disk is full).
    pub fn add(&mut self, key: &str, doc: &Document) -> Result<AddOutcome> {
        let existed = self.exists(key)?;
        let mut ops = Vec::with_capacity(doc.items.len() + 1);
        // A delete costs a term lookup in every segment at commit: only issue
        // one when there is something to replace.
        if existed {
            ops.push(UserOperation::Delete(self.key_term(key)));
        }
        let records = records(&self.fields, key, doc)?;
        let sizes: Vec<usize> = records.iter().map(record_size).collect();
        // Wait, if need be, for the indexing threads to catch up.
        let mut ticket = self.backlog.admit(sizes.iter().sum());
        for (record, size) in records.into_iter().zip(sizes) {
            ops.push(UserOperation::Add(Record::new(record, ticket.split(size))));
        }
        self.inner.run(ops).or_engine()?;
        self.deleted.remove(key);
        self.pending.insert(key.to_string());
        Ok(if existed {
            AddOutcome::Replaced
        } else {
            AddOutcome::Added
        })
    }

    /// Deletes the document stored under `key`; returns whether there was one.
    ///
    /// # Errors
    /// [`Error::Engine`](crate::Error::Engine) if the writer has failed.
    pub fn delete(&mut self, key: &str) -> Result<bool> {
        let existed = self.exists(key)?;
        self.inner.delete_term(self.key_term(key));
        self.pending.remove(key);
        self.deleted.insert(key.to_string());
        Ok(existed)
    }

    /// Makes every change since the last commit durable and visible to searches
    /// on this index as soon as it returns.
    ///
    /// # Errors
    /// [`Error::Engine`](crate::Error::Engine) if writing fails; the changes are then lost, the index
    /// keeps its last committed state.
    pub fn commit(&mut self) -> Result<()> {
        let mut prepared = self.inner.prepare_commit().or_engine()?;
        prepared.set_payload(&Payload::current());
        prepared.commit().or_engine()?;
        self.reader.reload().or_engine()?;
        self.pending.clear();
        self.deleted.clear();
        Ok(())
    }

    /// Drops every change since the last commit.
    ///
    /// # Errors
    /// [`Error::Engine`](crate::Error::Engine) if the writer cannot be reset.
    pub fn rollback(&mut self) -> Result<()> {
        self.inner.rollback().or_engine()?;
        self.pending.clear();
        self.deleted.clear();
        Ok(())
    }

    /// Waits for background merges to finish and releases the lock.
    ///
    /// # Errors
    /// [`Error::Engine`](crate::Error::Engine) if a merge failed.
    pub fn close(self) -> Result<()> {
        self.inner.wait_merging_threads().or_engine()
    }

    fn key_term(&self, key: &str) -> Term {
        Term::from_field_text(self.fields.key, key)
    }

    /// Whether `key` is in the index as of this batch.
    fn exists(&self, key: &str) -> Result<bool> {
        if self.pending.contains(key) {
            return Ok(true);
        }
        if self.deleted.contains(key) {
            return Ok(false);
        }
        let searcher = self.reader.searcher();
        let query = TermQuery::new(self.key_term(key), IndexRecordOption::Basic);
        Ok(searcher
            .search(&query, &tantivy::collector::Count)
            .or_engine()?
            > 0)
    }
}
