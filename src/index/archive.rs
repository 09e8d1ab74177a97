//! [`Index`]: an on-disk or in-RAM archive of conclusion documents.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::record::{Head, decode};
use super::schema::{Fields, SCHEMA_VERSION};
use super::writer::{IndexWriter, WriterOptions};
use crate::analysis::register_analyzers;
use crate::document::{AgendaItem, Document};
use crate::{Error, Result};

/// What the index records in every commit's payload.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Payload {
    pub ketluan_schema: u32,
}

impl Payload {
    pub(crate) fn current() -> String {
        // Serialising a struct of one integer cannot fail.
        serde_json::to_string(&Payload {
            ketluan_schema: SCHEMA_VERSION,
        })
        .unwrap_or_default()
    }
}

/// A searchable archive of conclusion documents, stored in a directory or in RAM.
///
/// Each document is stored under a key chosen by the caller; one tantivy record
/// per agenda item carries the document's fields, so every filter is a single
/// query.
///
/// # Example
/// ```
/// use ketluan::{Document, Index, SearchRequest};
/// let text = "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 04 tháng 3 năm 2022\n\n\
///             1. Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh \
///             về việc điều chỉnh địa giới hành chính thành phố Lạng Sơn\n\n\
///             Ban Thường vụ Tỉnh ủy đồng ý chủ trương.\n";
/// let doc = Document::parse(text)?;
/// let index = Index::create_in_ram()?;
/// let mut writer = index.writer()?;
/// writer.add("lang-son.txt", &doc)?;
/// writer.commit()?;
/// let results = index.search(&SearchRequest::new("dia gioi hanh chinh"))?;
/// assert_eq!(results.total, 1);
/// assert_eq!(results.hits[0].item, Some(1));
/// # Ok::<(), ketluan::Error>(())
/// ```
#[derive(Clone)]
pub struct Index {
    pub(crate) inner: tantivy::Index,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
    pub(crate) path: Option<PathBuf>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

/// Summary figures of an index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of documents.
    pub documents: u64,
    /// Number of agenda items.
    pub items: u64,
    /// Earliest meeting date.
    pub first_date: Option<time::Date>,
    /// Latest meeting date.
    pub last_date: Option<time::Date>,
    /// Issuing bodies with their document counts, most frequent first.
    pub top_bodies: Vec<(String, u64)>,
    /// Places with their document counts, most frequent first.
    pub top_places: Vec<(String, u64)>,
}

impl Index {
    /// Creates a new index in `path`, creating the directory if needed.
    ///
    /// # Errors
    /// [`Error::Io`] if the directory cannot be created, [`Error::Engine`] if it
    /// already holds an index.
    pub fn create_in_dir(path: impl AsRef<Path>) -> Result<Index> {
        let path = path.as_ref();
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let (schema, _) = Fields::build();
        let inner = tantivy::Index::create_in_dir(path, schema).map_err(|e| match e {
            TantivyError::IndexAlreadyExists => {
                Error::InvalidRequest(format!("{}: an index already exists there", path.display()))
            }
            e => engine_error(path, e),
        })?;
        Index::initialise(inner, Some(path.to_path_buf()))
    }

    /// Creates an index held in memory, for tests and short-lived use.
    ///
    /// # Errors
    /// [`Error::Engine`] if tantivy cannot set it up.
    pub fn create_in_ram() -> Result<Index> {
        let (schema, _) = Fields::build();
        let inner = tantivy::Index::builder().schema(schema).create_in_ram()?;
        Index::initialise(inner, None)
    }

    /// Opens the index in `path`, or creates one if the directory holds none.
    ///
    /// # Errors
    /// As [`Index::open`] and [`Index::create_in_dir`].
    pub fn open_or_create(path: impl AsRef<Path>) -> Result<Index> {
        let path = path.as_ref();
        if path.join("meta.json").exists() {
            Index::open(path)
        } else {
            Index::create_in_dir(path)
        }
    }

    /// Opens an existing index.
    ///
    /// # Errors
    /// [`Error::NotAnIndex`] if `path` is missing or holds no ketluan index,
    /// [`Error::SchemaVersion`] if it was written by another schema version.
    pub fn open(path: impl AsRef<Path>) -> Result<Index> {
        let path = path.as_ref();
        let not_an_index = |reason: String| Error::NotAnIndex {
            path: path.to_path_buf(),
            reason,
        };
        if !path.is_dir() {
            return Err(not_an_index(if path.exists() {
                "not a directory".into()
            } else {
                "no such directory".into()
            }));
        }
        if !path.join("meta.json").is_file() {
            return Err(not_an_index("no meta.json in it".into()));
        }
        let inner = tantivy::Index::open_in_dir(path)
            .map_err(|e| not_an_index(format!("tantivy cannot open it: {e}")))?;
        let metas = inner.load_metas().map_err(|e| engine_error(path, e))?;
        let version = metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<Payload>(p).ok())
            .ok_or_else(|| not_an_index("no ketluan schema version in its metadata".into()))?;
        if version.ketluan_schema != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                path: path.to_path_buf(),
                found: version.ketluan_schema.to_string(),
                expected: SCHEMA_VERSION,
            });
        }
        let fields = Fields::resolve(&inner.schema()).map_err(|reason| Error::SchemaVersion {
            path: path.to_path_buf(),
            found: format!("{SCHEMA_VERSION} with another schema ({reason})"),
            expected: SCHEMA_VERSION,
        })?;
        register_analyzers(&inner);
        let reader = open_reader(&inner, Some(path))?;
        Ok(Index {
            inner,
            fields,
            reader,
            path: Some(path.to_path_buf()),
        })
    }

    fn initialise(inner: tantivy::Index, path: Option<PathBuf>) -> Result<Index> {
        register_analyzers(&inner);
        let (_, fields) = Fields::build();
        // An empty first commit records the schema version in the index metadata.
        {
            let mut writer: tantivy::IndexWriter<TantivyDocument> = inner
                .writer_with_num_threads(1, 15_000_000)
                .map_err(|e| lock_or_engine(path.as_deref(), e))?;
            let mut prepared = writer.prepare_commit()?;
            prepared.set_payload(&Payload::current());
            prepared.commit()?;
            writer.wait_merging_threads()?;
        }
        let reader = open_reader(&inner, path.as_deref())?;
        Ok(Index {
            inner,
            fields,
            reader,
            path,
        })
    }

    /// A writer with the default options (see [`WriterOptions`]).
    ///
    /// # Errors
    /// [`Error::IndexLocked`] if another writer, in this process or another,
    /// holds the index.
    pub fn writer(&self) -> Result<IndexWriter> {
        self.writer_with(WriterOptions::default())
    }

    /// A writer with the given memory budget and threads.
    ///
    /// # Errors
    /// As [`Index::writer`].
    pub fn writer_with(&self, options: WriterOptions) -> Result<IndexWriter> {
        IndexWriter::new(self, options)
    }

    pub(crate) fn lock_or_engine(&self, e: TantivyError) -> Error {
        lock_or_engine(self.path.as_deref(), e)
    }

    /// Reads back the document stored under `key`.
    ///
    /// # Errors
    /// [`Error::Corrupt`] if a stored record cannot be decoded.
    pub fn get(&self, key: &str) -> Result<Option<Document>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.key, key),
            IndexRecordOption::Basic,
        );
        let addresses = searcher.search(&query, &DocSetCollector)?;
        let mut meta: Option<Document> = None;
        let mut items: Vec<AgendaItem> = Vec::new();
        for address in addresses {
            let record: TantivyDocument = searcher.doc(address)?;
            if let Some(json) = record
                .get_first(self.fields.doc_json)
                .and_then(|v| v.as_str())
            {
                meta = Some(decode("document", json)?);
            }
            if let Some(json) = record
                .get_first(self.fields.item_json)
                .and_then(|v| v.as_str())
            {
                items.push(decode("agenda item", json)?);
            }
        }
        let Some(mut doc) = meta else {
            return Ok(None);
        };
        items.sort_by_key(|i| i.number);
        doc.items = items;
        Ok(Some(doc))
    }

    /// Every document key in the index, sorted.
    ///
    /// # Errors
    /// [`Error::Engine`] if the index cannot be read.
    pub fn keys(&self) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_u64(self.fields.ordinal, 0),
            IndexRecordOption::Basic,
        );
        let addresses = searcher.search(&query, &DocSetCollector)?;
        let mut keys = Vec::with_capacity(addresses.len());
        for address in addresses {
            let record: TantivyDocument = searcher.doc(address)?;
            if let Some(key) = record.get_first(self.fields.key).and_then(|v| v.as_str()) {
                keys.push(key.to_string());
            }
        }
        keys.sort();
        Ok(keys)
    }

    /// Number of documents in the index (not agenda items).
    ///
    /// # Errors
    /// [`Error::Engine`] if the index cannot be read.
    pub fn num_documents(&self) -> Result<u64> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_u64(self.fields.ordinal, 0),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&query, &tantivy::collector::Count)? as u64)
    }

    /// Documents, items, date span, most frequent bodies and places.
    ///
    /// # Errors
    /// [`Error::Engine`] if the index cannot be read.
    pub fn stats(&self) -> Result<Stats> {
        crate::search::stats(self)
    }

    pub(crate) fn head_of(record: &TantivyDocument, fields: &Fields) -> Result<Head> {
        let json = record
            .get_first(fields.head)
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::Corrupt("record without document fields".into()))?;
        decode("document fields", json)
    }
}

fn open_reader(inner: &tantivy::Index, path: Option<&Path>) -> Result<IndexReader> {
    inner
        .reader_builder()
        .reload_policy(ReloadPolicy::OnCommitWithDelay)
        .try_into()
        .map_err(|e| match path {
            Some(p) => engine_error(p, e),
            None => Error::Engine(e),
        })
}

fn engine_error(path: &Path, e: TantivyError) -> Error {
    Error::Engine(e).in_file(path)
}

pub(crate) fn lock_or_engine(path: Option<&Path>, e: TantivyError) -> Error {
    match (e, path) {
        (TantivyError::LockFailure(..), Some(path)) => Error::IndexLocked {
            path: path.to_path_buf(),
        },
        (TantivyError::LockFailure(..), None) => Error::IndexLocked {
            path: PathBuf::from("<in-memory index>"),
        },
        (e, Some(path)) => engine_error(path, e),
        (e, None) => Error::Engine(e),
    }
}
