//! The crate's one error type.

use std::path::PathBuf;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while parsing, indexing or searching.
///
/// Messages are lowercase and chain: an error about a file reads
/// `"lang-son.txt: line 3: expected a date after 'ngày', found \"ngày 31/02/2022\""`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text did not have the shape of a conclusion document.
    #[error("line {line}: expected {expected}, found {found:?}")]
    Parse {
        /// 1-based line number in the input.
        line: usize,
        /// What the parser was looking for.
        expected: String,
        /// The text that did not fit (may be empty at end of input).
        found: String,
    },

    /// The bytes are not UTF-8.
    #[error("not valid UTF-8 at byte {offset}{}", hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// What the bytes look like instead, when recognisable (e.g. "looks like UTF-16").
        hint: Option<String>,
    },

    /// A date that does not exist or could not be read.
    #[error("invalid date {input:?}: {reason}")]
    InvalidDate {
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: String,
    },

    /// An error about one file: wraps the underlying error with the path.
    #[error("{}: {source}", path.display())]
    InFile {
        /// The file the error is about.
        path: PathBuf,
        /// What went wrong in it.
        #[source]
        source: Box<Error>,
    },

    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },

    /// The directory does not exist or holds no ketluan index.
    #[error("{}: not a ketluan index ({reason})", path.display())]
    NotAnIndex {
        /// The directory that was opened.
        path: PathBuf,
        /// Why it was not recognised.
        reason: String,
    },

    /// The index was written by another schema version of ketluan.
    #[error("{}: index has schema version {found}, this ketluan reads version {expected}; re-index the documents", path.display())]
    SchemaVersion {
        /// The index directory.
        path: PathBuf,
        /// The version stored in the index.
        found: String,
        /// The version this build understands.
        expected: u32,
    },

    /// Another writer holds the index lock.
    #[error("{}: index is locked by another writer", path.display())]
    IndexLocked {
        /// The index directory.
        path: PathBuf,
    },

    /// A stored record could not be read back.
    #[error("stored record is corrupt: {0}")]
    Corrupt(String),

    /// A search request that cannot be run (for example an empty date range).
    #[error("invalid search request: {0}")]
    InvalidRequest(String),

    /// A `.docx`, `.doc`, `.pdf` or `.html` file whose text could not be extracted:
    /// damaged, encrypted, or (a scanned PDF) without a text layer.
    #[error("cannot read {format}: {reason}")]
    Extract {
        /// The format the file was read as (`"docx"`, `"pdf"`, …).
        format: String,
        /// What was wrong, lowercase.
        reason: String,
    },

    /// A file this build does not read (e.g. `.docx` without the `formats` feature).
    #[error("unsupported file: {reason}")]
    Unsupported {
        /// Why, lowercase.
        reason: String,
    },

    /// A file larger than the extractors read.
    #[error("file is larger than {limit} bytes, the most ketluan reads")]
    TooLarge {
        /// The limit in bytes ([`crate::extract::MAX_FILE_BYTES`]).
        limit: u64,
    },

    /// An error reported by the tantivy search engine.
    #[error("search engine: {0}")]
    Engine(#[from] tantivy::TantivyError),

    /// JSON (de)serialisation failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// Attaches a file path to this error.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Error {
        Error::InFile {
            path: path.into(),
            source: Box::new(self),
        }
    }
}
