//! Bytes and files → [`Document`]: the entry points that extract text first.

use std::path::Path;

use super::Document;
use crate::extract::{self, Format, Source};
use crate::{Error, Result};

impl Document {
    /// Parses a document from the bytes of a text file: UTF-8 with or without
    /// BOM, UTF-16 (LE or BE) with BOM, or TCVN3, VNI or Windows-1258 found by
    /// detection. [`Document::source`] records the encoding (format `txt`).
    ///
    /// # Errors
    /// [`Error::NotUtf8`] with the byte offset when the bytes are in no encoding
    /// this crate reads (its hint says what they look like: damaged UTF-8,
    /// UTF-16 without a byte order mark, "binary file, not text"), and everything
    /// [`Document::parse`] returns.
    ///
    /// # Example
    /// ```
    /// use ketluan::Document;
    /// use ketluan::extract::{Encoding, encode};
    /// let text = "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 17, ngày 04 tháng 3 năm 2022\n\n\
    ///             1. Tờ trình số 48-TTr/BCSD về việc mở rộng thành phố\n\nĐồng ý.\n";
    /// let vni = encode(text, Encoding::Vni).expect("VNI has every Vietnamese letter");
    /// let doc = Document::from_bytes(&vni)?;
    /// assert_eq!(doc.items[0].topic, "mở rộng thành phố");
    /// assert_eq!(doc.source.map(|s| s.encoding), Some(Encoding::Vni));
    /// # Ok::<(), ketluan::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Document> {
        let extracted = extract::extract(bytes, "")?;
        with_source(&extracted.text, extracted.source)
    }

    /// Reads, extracts and parses a file of any supported format (see
    /// [`crate::extract`]): the extension gives the format; errors name the file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; otherwise, wrapped in
    /// [`Error::InFile`]: [`Error::TooLarge`] above [`extract::MAX_FILE_BYTES`],
    /// [`Error::Unsupported`] for an extension that is not a document,
    /// [`Error::Extract`] and [`Error::NotUtf8`] as from [`extract::extract`], and
    /// everything [`Document::parse`] returns.
    ///
    /// # Example
    /// ```
    /// use ketluan::Document;
    /// use ketluan::extract::Format;
    /// let doc = Document::from_path("tests/fixtures/samples/lang-son-2022-03-04-ky17.txt")?;
    /// assert_eq!(doc.source.map(|s| s.format), Some(Format::Txt));
    /// assert_eq!(doc.items.len(), 11);
    /// # Ok::<(), ketluan::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Document> {
        let path = path.as_ref();
        let name = path.to_string_lossy();
        if path.extension().is_some() && Format::from_name(&name).is_none() {
            return Err(Error::Unsupported {
                reason: "not a document type ketluan reads (.txt, .md, .docx, .doc, .pdf, .html)"
                    .into(),
            }
            .in_file(path));
        }
        let bytes = extract::read_file(path)?;
        let extracted = extract::extract(&bytes, &name).map_err(|e| e.in_file(path))?;
        with_source(&extracted.text, extracted.source).map_err(|e| e.in_file(path))
    }

    /// Reads and parses a file; the same as [`Document::from_path`].
    ///
    /// # Errors
    /// As [`Document::from_path`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Document> {
        Document::from_path(path)
    }
}

fn with_source(text: &str, source: Source) -> Result<Document> {
    let mut document = Document::parse(text)?;
    document.source = Some(source);
    Ok(document)
}
