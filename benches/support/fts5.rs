//! Peer 1: SQLite FTS5, as an app developer would embed it.
//!
//! Items are rows of an FTS5 table (topic, heading, text, bodies) with
//! `tokenize='unicode61 remove_diacritics 2'`; the metadata (issuing body, place,
//! ISO date, session, key) sits in an ordinary table with indexed columns, joined
//! on rowid. Journal: WAL with `synchronous=NORMAL` (the usual choice for an
//! embedded app that writes in batches), one transaction per 1,000 documents,
//! a checkpoint at the end so the database file holds everything.

use std::path::Path;

use ketluan::Document;
use rusqlite::{Connection, ToSql, params};

use super::corpus::bodies;
use super::queries::{Answer, Granularity, LIMIT, MixQuery};

const SCHEMA: &str = "
    CREATE TABLE meta(
        id INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL,
        key TEXT NOT NULL,
        item INTEGER NOT NULL,
        issuing_body TEXT NOT NULL,
        place TEXT,
        date TEXT NOT NULL,
        session INTEGER,
        kind TEXT NOT NULL
    );
    CREATE INDEX meta_doc ON meta(doc);
    CREATE INDEX meta_key ON meta(key);
    CREATE INDEX meta_body ON meta(issuing_body);
    CREATE INDEX meta_place ON meta(place);
    CREATE INDEX meta_date ON meta(date);
    CREATE VIRTUAL TABLE items USING fts5(
        topic, heading, text, bodies,
        tokenize = 'unicode61 remove_diacritics 2'
    );
";

/// Documents per transaction.
pub const BATCH: usize = 1_000;

/// Creates the database at `path` and indexes `docs`; returns the rows written.
///
/// # Errors
/// Any SQLite error.
pub fn build(path: &Path, docs: &[(String, Document)]) -> rusqlite::Result<u64> {
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.execute_batch(SCHEMA)?;
    let mut id: i64 = 0;
    for (chunk_no, chunk) in docs.chunks(BATCH).enumerate() {
        let tx = conn.transaction()?;
        {
            let mut meta = tx.prepare_cached(
                "INSERT INTO meta(id, doc, key, item, issuing_body, place, date, session, kind)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let mut items = tx.prepare_cached(
                "INSERT INTO items(rowid, topic, heading, text, bodies) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, (key, doc)) in chunk.iter().enumerate() {
                let doc_no = (chunk_no * BATCH + i) as i64;
                let date = doc.date.map(|d| d.to_string());
                for item in &doc.items {
                    id += 1;
                    meta.execute(params![
                        id,
                        doc_no,
                        key,
                        item.number,
                        doc.issuing_body,
                        doc.place,
                        date,
                        doc.session,
                        doc.kind
                    ])?;
                    items.execute(params![
                        id,
                        item.topic,
                        item.heading,
                        item.text,
                        bodies(doc, item)
                    ])?;
                }
            }
        }
        tx.commit()?;
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(id as u64)
}

/// An open FTS5 database.
pub struct Fts5 {
    conn: Connection,
}

impl Fts5 {
    /// Opens the database built by [`build`].
    ///
    /// # Errors
    /// Any SQLite error.
    pub fn open(path: &Path) -> rusqlite::Result<Fts5> {
        let conn = Connection::open(path)?;
        Ok(Fts5 { conn })
    }

    /// Number of item rows.
    ///
    /// # Errors
    /// Any SQLite error.
    pub fn rows(&self) -> rusqlite::Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM items", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
    }

    /// Runs one query of the mix: the top hits and the hit count.
    ///
    /// # Errors
    /// Any SQLite error.
    pub fn run(&self, q: &MixQuery) -> rusqlite::Result<Answer> {
        let mut filters: Vec<String> = Vec::new();
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let fts = match (q.peer_text, q.peer_bodies) {
            (Some(t), Some(b)) => Some(format!("({t}) AND bodies : {b}")),
            (Some(t), None) => Some(t.to_string()),
            (None, Some(b)) => Some(format!("bodies : {b}")),
            (None, None) => None,
        };
        if let Some(fts) = fts {
            args.push(Box::new(fts));
            filters.push(format!("items MATCH ?{}", args.len()));
        }
        if let Some(place) = q.peer_place {
            args.push(Box::new(place.to_string()));
            filters.push(format!("m.place = ?{}", args.len()));
        }
        if let Some((from, to)) = q.dates {
            args.push(Box::new(from.to_string()));
            args.push(Box::new(to.to_string()));
            filters.push(format!(
                "m.date BETWEEN ?{} AND ?{}",
                args.len() - 1,
                args.len()
            ));
        }
        let text = q.peer_text.is_some() || q.peer_bodies.is_some();
        let from = if text {
            "items JOIN meta m ON m.id = items.rowid"
        } else {
            "meta m"
        };
        let filter = filters.join(" AND ");
        let (top_sql, count_sql) = match (q.granularity, text) {
            (Granularity::Item, true) => (
                format!("SELECT m.key FROM {from} WHERE {filter} ORDER BY bm25(items) LIMIT {LIMIT}"),
                format!("SELECT count(*) FROM {from} WHERE {filter}"),
            ),
            (Granularity::Item, false) => (
                format!("SELECT m.key FROM {from} WHERE {filter} ORDER BY m.date DESC, m.id LIMIT {LIMIT}"),
                format!("SELECT count(*) FROM {from} WHERE {filter}"),
            ),
            (Granularity::Document, _) => (
                // bm25() is not allowed under GROUP BY: rank items in a subquery that
                // LIMIT -1 keeps SQLite from flattening.
                format!(
                    "SELECT key, min(s) AS best FROM (
                         SELECT m.doc AS doc, m.key AS key, bm25(items) AS s FROM {from} WHERE {filter} LIMIT -1
                     ) GROUP BY doc ORDER BY best LIMIT {LIMIT}"
                ),
                format!("SELECT count(DISTINCT m.doc) FROM {from} WHERE {filter}"),
            ),
        };
        let params: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();
        let mut top_stmt = self.conn.prepare_cached(&top_sql)?;
        let top = top_stmt
            .query_map(params.as_slice(), |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut count_stmt = self.conn.prepare_cached(&count_sql)?;
        let total: i64 = count_stmt.query_row(params.as_slice(), |r| r.get(0))?;
        Ok(Answer {
            total: total as usize,
            exact: true,
            top,
        })
    }
}
