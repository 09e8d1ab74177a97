//! The crate's one error type.

use std::fmt;
use std::path::{Path, PathBuf};

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while parsing, indexing or searching.
///
/// Messages are lowercase and chain, most general first: an error about a
/// file reads `"lang-son.txt: line 3: expected a date after 'ngày', found
/// \"ngày 31/02/2022\""`. [`Error::kind`] tells what went wrong without
/// matching on variants (and sees through [`Error::InFile`]);
/// [`Error::root_cause`] is the innermost error of this crate.
///
/// The variants name no type of the search engine underneath: its errors are
/// [`Error::Engine`], with an opaque [`EngineError`] as the
/// [`source`](std::error::Error::source).
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
    /// [`Error::root_cause`] unwraps it.
    #[error("{}: {source}", path.display())]
    InFile {
        /// The file the error is about.
        path: PathBuf,
        /// What went wrong in it.
        #[source]
        source: Box<Error>,
    },

    /// Reading or writing a file failed.
    #[error("{}: {}", path.display(), Lowercase(source))]
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

    /// [`Index::create_in_dir`](crate::Index::create_in_dir) was given a
    /// directory that already holds an index.
    #[error("{}: an index already exists there; open it instead", path.display())]
    IndexExists {
        /// The index directory.
        path: PathBuf,
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

    /// A write was attempted on an index opened with
    /// [`Index::open_read_only`](crate::Index::open_read_only).
    #[error("{}: index is open read-only; open it with `Index::open` to write", path.display())]
    ReadOnly {
        /// The index directory.
        path: PathBuf,
    },

    /// A stored record could not be read back.
    #[error("stored record is corrupt: {0}")]
    Corrupt(String),

    /// A search request that cannot be run (for example an empty date range
    /// or an unknown document kind).
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

    /// The search engine underneath failed (a full disk, a damaged file …).
    #[error("search engine failed: {source}")]
    Engine {
        /// What the engine reported.
        #[source]
        source: EngineError,
    },

    /// JSON (de)serialisation failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// What went wrong, without the details: the answer of [`Error::kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// [`Error::Parse`].
    Parse,
    /// [`Error::NotUtf8`].
    NotUtf8,
    /// [`Error::InvalidDate`].
    InvalidDate,
    /// [`Error::Io`].
    Io,
    /// [`Error::NotAnIndex`].
    NotAnIndex,
    /// [`Error::IndexExists`].
    IndexExists,
    /// [`Error::SchemaVersion`].
    SchemaVersion,
    /// [`Error::IndexLocked`].
    IndexLocked,
    /// [`Error::ReadOnly`].
    ReadOnly,
    /// [`Error::Corrupt`].
    Corrupt,
    /// [`Error::InvalidRequest`].
    InvalidRequest,
    /// [`Error::Extract`].
    Extract,
    /// [`Error::Unsupported`].
    Unsupported,
    /// [`Error::TooLarge`].
    TooLarge,
    /// [`Error::Engine`].
    Engine,
    /// [`Error::Json`].
    Json,
}

impl Error {
    /// Attaches a file path to this error.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Error {
        Error::InFile {
            path: path.into(),
            source: Box::new(self),
        }
    }

    /// The innermost error of this crate: `self` with every
    /// [`Error::InFile`] wrapper removed.
    ///
    /// # Example
    /// ```
    /// use ketluan::{Error, ErrorKind};
    /// let parse = Error::Parse { line: 3, expected: "a date".into(), found: "ngày 31/02".into() };
    /// let err = parse.in_file("lang-son.txt");
    /// assert_eq!(err.to_string(), "lang-son.txt: line 3: expected a date, found \"ngày 31/02\"");
    /// assert!(matches!(err.root_cause(), Error::Parse { line: 3, .. }));
    /// assert_eq!(err.kind(), ErrorKind::Parse);
    /// ```
    pub fn root_cause(&self) -> &Error {
        let mut error = self;
        while let Error::InFile { source, .. } = error {
            error = source;
        }
        error
    }

    /// What went wrong: the kind of [`Error::root_cause`].
    pub fn kind(&self) -> ErrorKind {
        match self.root_cause() {
            Error::Parse { .. } => ErrorKind::Parse,
            Error::NotUtf8 { .. } => ErrorKind::NotUtf8,
            Error::InvalidDate { .. } => ErrorKind::InvalidDate,
            Error::Io { .. } => ErrorKind::Io,
            Error::NotAnIndex { .. } => ErrorKind::NotAnIndex,
            Error::IndexExists { .. } => ErrorKind::IndexExists,
            Error::SchemaVersion { .. } => ErrorKind::SchemaVersion,
            Error::IndexLocked { .. } => ErrorKind::IndexLocked,
            Error::ReadOnly { .. } => ErrorKind::ReadOnly,
            Error::Corrupt(_) => ErrorKind::Corrupt,
            Error::InvalidRequest(_) => ErrorKind::InvalidRequest,
            Error::Extract { .. } => ErrorKind::Extract,
            Error::Unsupported { .. } => ErrorKind::Unsupported,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::Engine { .. } => ErrorKind::Engine,
            Error::Json(_) => ErrorKind::Json,
            // `root_cause` never stops at a wrapper.
            Error::InFile { .. } => ErrorKind::Io,
        }
    }

    /// The file or directory the error is about, when it names one (the
    /// outermost path).
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::InFile { path, .. }
            | Error::Io { path, .. }
            | Error::NotAnIndex { path, .. }
            | Error::IndexExists { path }
            | Error::SchemaVersion { path, .. }
            | Error::IndexLocked { path }
            | Error::ReadOnly { path } => Some(path),
            _ => None,
        }
    }
}

/// An error of the search engine underneath, kept opaque so that the engine
/// can change without changing this crate's API. Its message is the engine's,
/// lowercased; [`source`](std::error::Error::source) goes on down the chain.
pub struct EngineError(Box<tantivy::TantivyError>);

impl fmt::Debug for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Lowercase(&*self.0), f)
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Wraps an error of the engine (crate-private: the public API never takes
/// or gives a tantivy type).
pub(crate) fn engine(e: tantivy::TantivyError) -> Error {
    Error::Engine {
        source: EngineError(Box::new(e)),
    }
}

/// `?` for tantivy results inside the crate.
pub(crate) trait OrEngine<T> {
    /// The result with a tantivy error wrapped as [`Error::Engine`].
    fn or_engine(self) -> Result<T>;
}

impl<T> OrEngine<T> for std::result::Result<T, tantivy::TantivyError> {
    fn or_engine(self) -> Result<T> {
        self.map_err(engine)
    }
}

/// Displays another library's message with its first letter in lower case,
/// so that it reads as part of our chain ("no such file or directory").
struct Lowercase<'a, E: fmt::Display + ?Sized>(&'a E);

impl<E: fmt::Display + ?Sized> fmt::Display for Lowercase<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        let mut chars = text.chars();
        match chars.next() {
            // Only a capitalised word is lowered, not an acronym ("IO error").
            Some(first)
                if first.is_uppercase()
                    && !chars.clone().next().is_some_and(char::is_uppercase) =>
            {
                write!(f, "{}{}", first.to_lowercase(), chars.as_str())
            }
            _ => f.write_str(&text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lowercase;

    #[test]
    fn lowercase_lowers_a_capitalised_word_only() {
        assert_eq!(
            Lowercase("No such file").to_string(),
            "no such file".to_string()
        );
        assert_eq!(Lowercase("IO error").to_string(), "IO error");
        assert_eq!(Lowercase("").to_string(), "");
        assert_eq!(Lowercase("Ủy ban").to_string(), "ủy ban");
    }
}
