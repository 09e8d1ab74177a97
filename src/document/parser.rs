//! Text → [`Document`]. (Being written: see issue 3.)

use std::path::Path;

use super::Document;
use crate::{Error, Result};

impl Document {
    /// Parses a conclusion document from text.
    ///
    /// # Errors
    /// [`Error::Parse`] when no title or no meeting date can be found.
    pub fn parse(text: &str) -> Result<Document> {
        let _ = text;
        Err(Error::Parse {
            line: 1,
            expected: "a conclusion document".into(),
            found: String::new(),
        })
    }

    /// Parses a document from raw bytes (UTF-8, with or without BOM).
    ///
    /// # Errors
    /// [`Error::NotUtf8`] with the byte offset when the bytes are not UTF-8,
    /// and everything [`Document::parse`] returns.
    pub fn from_bytes(bytes: &[u8]) -> Result<Document> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            offset: e.valid_up_to(),
            hint: None,
        })?;
        Document::parse(text)
    }

    /// Reads and parses a file; errors name the file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, otherwise as [`Document::from_bytes`],
    /// wrapped in [`Error::InFile`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Document> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Document::from_bytes(&bytes).map_err(|e| e.in_file(path))
    }
}
