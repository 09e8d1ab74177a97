//! [`Index`]: an on-disk or in-RAM archive of conclusion documents.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::read_only::ReadOnlyDirectory;
use super::record::{Head, decode};
use super::schema::{Fields, SCHEMA_VERSION};
use super::writer::{IndexWriter, WriterOptions};
use crate::analysis::register_analyzers;
use crate::document::{AgendaItem, Document};
use crate::error::{OrEngine, engine};
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
/// Each document is stored under a key chosen by the caller: the index takes
/// keys as they are (no path normalisation), so a caller that keys documents
/// by file path should spell each file one way (the example CLI uses the
/// path relative to the working directory, `.`/`..` resolved). One tantivy
/// record per agenda item carries the document's fields, so every filter is a
/// single query.
///
/// Open an index with [`Index::open`] to write to it, or with
/// [`Index::open_read_only`] to search it where nothing may be written (a
/// read-only mount, a copy without write permission, an index that a writer
/// in another process owns).
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
    pub(crate) read_only: bool,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

/// Summary figures of an index.
///
/// Serialises (the CLI's `stats --json`) as one object with these field names;
/// dates as `"yyyy-mm-dd"` or `null`, counts as `[value, count]` pairs, most
/// frequent first:
///
/// ```json
/// {"documents": 6, "items": 31, "first_date": "2019-04-19", "last_date": "2025-01-10",
///  "top_bodies": [["Ban Thường vụ Tỉnh ủy", 3]], "top_places": [["Lạng Sơn", 1]],
///  "top_submitters": [["Ban cán sự đảng Ủy ban nhân dân tỉnh", 2]], "years": [[2022, 2]]}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// Submitting bodies with the number of documents citing them, most
    /// frequent first.
    pub top_submitters: Vec<(String, u64)>,
    /// Years of the meeting dates with their document counts, most frequent
    /// first.
    pub years: Vec<(i32, u64)>,
}

impl Index {
    /// Creates a new index in `path`, creating the directory if needed.
    ///
    /// # Errors
    /// [`Error::Io`] if the directory cannot be created, [`Error::IndexExists`]
    /// if it already holds an index, [`Error::Engine`] (in [`Error::InFile`]
    /// naming the directory) if the index files cannot be written.
    pub fn create_in_dir(path: impl AsRef<Path>) -> Result<Index> {
        let path = path.as_ref();
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let (schema, _) = Fields::build();
        let inner = tantivy::Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_dir(path)
            .map_err(|e| match e {
                TantivyError::IndexAlreadyExists => Error::IndexExists {
                    path: path.to_path_buf(),
                },
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
        let inner = tantivy::Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_ram()
            .or_engine()?;
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

    /// Opens an existing index to search and write.
    ///
    /// Searching takes tantivy's short-lived "meta" lock file in the directory,
    /// so the directory must be writable; use [`Index::open_read_only`] where it
    /// is not.
    ///
    /// # Errors
    /// [`Error::NotAnIndex`] if `path` is missing or holds no ketluan index,
    /// [`Error::SchemaVersion`] if it was written by another schema version,
    /// [`Error::Io`] if the lock file a search takes cannot be created (a
    /// read-only directory), [`Error::Engine`] (in [`Error::InFile`] naming
    /// the directory) if its files cannot be read.
    pub fn open(path: impl AsRef<Path>) -> Result<Index> {
        Index::open_with(path.as_ref(), false)
    }

    /// Opens an existing index to search it only, writing nothing to its
    /// directory: no lock file, no clean-up. It works on read-only media and
    /// beside a writer in another process (it sees that writer's commits).
    ///
    /// [`Index::writer`] on such an index returns [`Error::ReadOnly`].
    ///
    /// # Errors
    /// As [`Index::open`], except that no lock file is needed.
    ///
    /// # Example
    /// ```
    /// use ketluan::{Error, Index};
    /// # let dir = std::env::temp_dir().join(format!("ketluan-doc-ro-{}", std::process::id()));
    /// # let _ = std::fs::remove_dir_all(&dir);
    /// Index::create_in_dir(&dir)?;
    /// let index = Index::open_read_only(&dir)?;
    /// assert_eq!(index.num_documents()?, 0);
    /// assert!(matches!(index.writer(), Err(Error::ReadOnly { .. })));
    /// # drop(index);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), ketluan::Error>(())
    /// ```
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Index> {
        Index::open_with(path.as_ref(), true)
    }

    /// Whether this index was opened with [`Index::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn open_with(path: &Path, read_only: bool) -> Result<Index> {
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
        let opened = if read_only {
            ReadOnlyDirectory::open(path).and_then(tantivy::Index::open)
        } else {
            tantivy::Index::open_in_dir(path)
        };
        let inner = opened.map_err(|e| not_an_index(format!("tantivy cannot open it: {e}")))?;
        let metas = inner.load_metas().map_err(|e| engine_error(path, e))?;
        let version = match metas.payload.as_deref() {
            Some(payload) => {
                serde_json::from_str::<Payload>(payload)
                    .map_err(|_| not_an_index("no ketluan schema version in its metadata".into()))?
                    .ketluan_schema
            }
            // `create_in_dir` writes tantivy's first metadata, then commits the
            // version: a process killed in between leaves an empty index without
            // one. Its schema is checked below; the next commit records the version.
            None if metas.segments.is_empty() => SCHEMA_VERSION,
            None => {
                return Err(not_an_index(
                    "no ketluan schema version in its metadata".into(),
                ));
            }
        };
        if version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                path: path.to_path_buf(),
                found: version.to_string(),
                expected: SCHEMA_VERSION,
            });
        }
        let fields = Fields::resolve(&inner.schema()).map_err(|reason| match metas.payload {
            Some(_) => Error::SchemaVersion {
                path: path.to_path_buf(),
                found: format!("{SCHEMA_VERSION} with another schema ({reason})"),
                expected: SCHEMA_VERSION,
            },
            None => not_an_index(format!(
                "no ketluan schema version in its metadata, and another schema ({reason})"
            )),
        })?;
        register_analyzers(&inner);
        let reader = open_reader(&inner, Some(path))?;
        Ok(Index {
            inner,
            fields,
            reader,
            path: Some(path.to_path_buf()),
            read_only,
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
            let mut prepared = writer.prepare_commit().or_engine()?;
            prepared.set_payload(&Payload::current());
            prepared.commit().or_engine()?;
            writer.wait_merging_threads().or_engine()?;
        }
        let reader = open_reader(&inner, path.as_deref())?;
        Ok(Index {
            inner,
            fields,
            reader,
            path,
            read_only: false,
        })
    }

    /// A writer with the default options (see [`WriterOptions`]).
    ///
    /// # Errors
    /// [`Error::IndexLocked`] if another writer, in this process or another,
    /// holds the index; [`Error::ReadOnly`] if it was opened with
    /// [`Index::open_read_only`]; [`Error::Engine`] (in [`Error::InFile`]
    /// naming the directory) if tantivy cannot start a writer.
    pub fn writer(&self) -> Result<IndexWriter> {
        self.writer_with(WriterOptions::default())
    }

    /// A writer with the given memory budget and threads.
    ///
    /// # Errors
    /// As [`Index::writer`].
    pub fn writer_with(&self, options: WriterOptions) -> Result<IndexWriter> {
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.path.clone().unwrap_or_default(),
            });
        }
        IndexWriter::new(self, options)
    }

    pub(crate) fn lock_or_engine(&self, e: TantivyError) -> Error {
        lock_or_engine(self.path.as_deref(), e)
    }

    /// Reads back the document stored under `key`.
    ///
    /// # Errors
    /// [`Error::Corrupt`] if a stored record cannot be decoded,
    /// [`Error::Engine`] if the index cannot be read.
    pub fn get(&self, key: &str) -> Result<Option<Document>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.key, key),
            IndexRecordOption::Basic,
        );
        let addresses = searcher.search(&query, &DocSetCollector).or_engine()?;
        let mut meta: Option<Document> = None;
        let mut items: Vec<AgendaItem> = Vec::new();
        for address in addresses {
            let record: TantivyDocument = searcher.doc(address).or_engine()?;
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

    /// Agenda item `number` of the document stored under `key`, read back
    /// alone (cheaper than [`Index::get`] for one item). A [`Hit`](crate::Hit)
    /// already carries what a list of results shows (topic, reference,
    /// deadlines, assignments); this gives the rest (heading, full text).
    ///
    /// # Errors
    /// [`Error::Corrupt`] if the stored item cannot be decoded,
    /// [`Error::Engine`] if the index cannot be read.
    pub fn item(&self, key: &str, number: u32) -> Result<Option<AgendaItem>> {
        let searcher = self.reader.searcher();
        let query = tantivy::query::BooleanQuery::intersection(vec![
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.key, key),
                IndexRecordOption::Basic,
            )),
            Box::new(TermQuery::new(
                Term::from_field_u64(self.fields.item, u64::from(number)),
                IndexRecordOption::Basic,
            )),
        ]);
        let addresses = searcher.search(&query, &DocSetCollector).or_engine()?;
        for address in addresses {
            let record: TantivyDocument = searcher.doc(address).or_engine()?;
            if let Some(json) = record
                .get_first(self.fields.item_json)
                .and_then(|v| v.as_str())
            {
                return decode("agenda item", json).map(Some);
            }
        }
        Ok(None)
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
        let addresses = searcher.search(&query, &DocSetCollector).or_engine()?;
        let mut keys = Vec::with_capacity(addresses.len());
        for address in addresses {
            let record: TantivyDocument = searcher.doc(address).or_engine()?;
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
        Ok(searcher
            .search(&query, &tantivy::collector::Count)
            .or_engine()? as u64)
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
        .map_err(|e| match (path, e) {
            // A reader takes a short-lived lock file: on read-only storage
            // this is where `Index::open` fails.
            (
                Some(p),
                TantivyError::LockFailure(tantivy::directory::error::LockError::IoError(io), _),
            ) => Error::Io {
                path: p.to_path_buf(),
                source: std::io::Error::new(
                    io.kind(),
                    format!(
                        "cannot create the lock file searching takes ({io}); \
                         use `Index::open_read_only` for an index on read-only storage"
                    ),
                ),
            },
            (Some(p), e) => engine_error(p, e),
            (None, e) => engine(e),
        })
}

fn engine_error(path: &Path, e: TantivyError) -> Error {
    engine(e).in_file(path)
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
        (e, None) => engine(e),
    }
}

/// How a new index stores its documents: zstd at level 1 in blocks of 32 KiB
/// instead of tantivy's lz4 in blocks of 16 KiB. The stored text is most of
/// an index: on 20,000 generated documents the store shrinks from 114 to
/// 74 MB (the index from 202 to 164 MB) for no more indexing time; reading a
/// hit decompresses a block in about 50 µs (see `BENCHMARKS.md`, issue 13).
/// An index keeps the settings it was created with.
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(1),
        }),
        docstore_blocksize: 32_768,
        ..tantivy::IndexSettings::default()
    }
}
