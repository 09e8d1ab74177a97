//! Files as offices keep them → text: Word (`.docx`, `.doc`), PDF with a text
//! layer, saved web pages, and plain text in UTF-8, UTF-16 or the legacy
//! Vietnamese encodings TCVN3 (ABC, `.VnTime` fonts), VNI-Windows and
//! Windows-1258.
//!
//! [`extract`] takes a file's bytes and name and returns its text with a
//! [`Source`] saying which [`Format`] and [`Encoding`] it came from;
//! [`Document::from_path`](crate::Document::from_path) reads a file, extracts
//! and parses it in one call.
//!
//! | format | how the text is read |
//! |---|---|
//! | `.txt`, `.md` | UTF-8, UTF-16 with a byte order mark, TCVN3, VNI or Windows-1258 (detected) |
//! | `.docx` | paragraphs in order; table cells joined by TAB, one row per line; no headers or footers |
//! | `.doc` | the main text of the WordDocument stream's piece table (8-bit and UTF-16 pieces) |
//! | `.pdf` | the text layer in reading order; a scan without one is an error asking for OCR |
//! | `.html`, `.htm` | the page's text: no markup, scripts or styles; blocks on lines of their own |
//!
//! Legacy encodings are found by decoding with each and keeping the decoding
//! whose words are Vietnamese syllables. Text that Word or a web page keeps as
//! Unicode but that was typed in a legacy font (`KÕt luËn`, `Keát luaän`) is
//! repaired run by run in `.docx` (from the run's font: `.Vn…` is TCVN3, with
//! `…H` capital fonts; `VNI-…` is VNI) and line by line elsewhere. Valid UTF-8
//! Vietnamese and ASCII are left as they are.
//!
//! `.docx`, `.doc`, `.pdf` and `.html` need the cargo feature `formats` (on by
//! default); without it they are [`Error::Unsupported`].
//!
//! ```
//! use ketluan::extract::{Encoding, Format, encode, extract};
//!
//! // "Kết luận" typed with the ABC keyboard in a .VnTime font.
//! let bytes = encode("Kết luận của Ban Thường vụ Tỉnh ủy", Encoding::Tcvn3).expect("encodable");
//! assert_eq!(bytes[..8], *b"K\xD5t lu\xCBn");
//! let text = extract(&bytes, "ket-luan.txt")?;
//! assert_eq!(text.text, "Kết luận của Ban Thường vụ Tỉnh ủy");
//! assert_eq!((text.source.format, text.source.encoding), (Format::Txt, Encoding::Tcvn3));
//! # Ok::<(), ketluan::Error>(())
//! ```

mod detect;
mod tcvn3;
mod text;
mod vni;
mod windows1258;

#[cfg(feature = "formats")]
mod doc;
#[cfg(feature = "formats")]
mod docx;
#[cfg(feature = "formats")]
mod html;
#[cfg(feature = "formats")]
mod pdf;

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The largest file [`extract`] reads through `Document::from_path`, and the most
/// text a compressed part of a `.docx` may expand to.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// The kind of file a text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text (`.txt`, or any file without a known extension).
    Txt,
    /// Markdown (`.md`), read as plain text.
    Md,
    /// Word 2007 and later (Office Open XML).
    Docx,
    /// Word 97–2003 (a compound file with a WordDocument stream).
    Doc,
    /// PDF with a text layer.
    Pdf,
    /// A saved web page (`.html`, `.htm`).
    Html,
}

impl Format {
    /// The format a file name's extension names (case-insensitive); `None` for
    /// extensions that are not documents.
    ///
    /// ```
    /// use ketluan::extract::Format;
    /// assert_eq!(Format::from_name("Ket luan 12.DOCX"), Some(Format::Docx));
    /// assert_eq!(Format::from_name("scan.jpg"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Txt,
            "md" | "markdown" => Format::Md,
            "docx" => Format::Docx,
            "doc" => Format::Doc,
            "pdf" => Format::Pdf,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => return None,
        })
    }

    /// The short lowercase name used in JSON: `"txt"`, `"docx"`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// Whether this build reads the format (`.docx`, `.doc`, `.pdf` and
    /// `.html` need the `formats` feature).
    pub fn is_supported(self) -> bool {
        matches!(self, Format::Txt | Format::Md) || cfg!(feature = "formats")
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The character encoding a text was stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (with or without a byte order mark); also the XML of `.docx`.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 little-endian with a byte order mark; also `.doc` Unicode text.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian with a byte order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// TCVN 5712:1993 VN3, the ABC code of the `.VnTime` fonts.
    #[serde(rename = "tcvn3")]
    Tcvn3,
    /// VNI-Windows, the code of the `VNI-Times` fonts.
    #[serde(rename = "vni")]
    Vni,
    /// Windows-1258, Microsoft's Vietnamese code page (tones as combining marks).
    #[serde(rename = "windows-1258")]
    Windows1258,
    /// Windows-1252: the 8-bit text of a `.doc` that is not Vietnamese-encoded.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// Unicode as the format defines it (the text layer of a PDF).
    #[serde(rename = "unicode")]
    Unicode,
}

impl Encoding {
    /// The name used in JSON: `"utf-8"`, `"tcvn3"`, `"vni"`, `"windows-1258"`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Unicode => "unicode",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a document's text came from; serialised as
/// `{"format": "docx", "encoding": "utf-8"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// The file format.
    pub format: Format,
    /// The character encoding of the text in it; for a `.docx` or `.doc` with
    /// legacy-font text, the legacy encoding that was converted.
    pub encoding: Encoding,
}

/// Text extracted from a file, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text, line breaks as `\n` between paragraphs.
    pub text: String,
    /// The format and encoding it was read from.
    pub source: Source,
}

/// Extracts the text of a file from its bytes; `name` (a file name or path) gives
/// the format by its extension. A name without a known extension is read as
/// plain text, unless its bytes start like a `.docx`, `.doc`, `.pdf` or web page.
///
/// # Errors
/// - [`Error::NotUtf8`] when a text file is in no encoding this crate reads (the
///   hint says "binary file, not text" for binary files);
/// - [`Error::Extract`] when a `.docx`, `.doc`, `.pdf` or `.html` file is damaged
///   or holds no text (a scanned PDF: "no text layer … needs OCR");
/// - [`Error::Unsupported`] for those formats in a build without the `formats` feature.
pub fn extract(bytes: &[u8], name: &str) -> Result<Extracted> {
    let format = Format::from_name(name)
        .filter(|f| !matches!(f, Format::Txt) || sniff(bytes).is_none())
        .or_else(|| sniff(bytes))
        .unwrap_or(Format::Txt);
    let (text, encoding) = match format {
        Format::Txt | Format::Md => text::decode(bytes)?,
        other => formats(other, bytes)?,
    };
    Ok(Extracted {
        text,
        source: Source { format, encoding },
    })
}

/// The format the first bytes announce, if any.
fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(512)];
    if head.starts_with(b"PK\x03\x04") {
        Some(Format::Docx)
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Format::Doc)
    } else if head.starts_with(b"%PDF-") {
        Some(Format::Pdf)
    } else {
        let start = String::from_utf8_lossy(head)
            .trim_start()
            .to_ascii_lowercase();
        (start.starts_with("<!doctype html") || start.starts_with("<html")).then_some(Format::Html)
    }
}

#[cfg(feature = "formats")]
fn formats(format: Format, bytes: &[u8]) -> Result<(String, Encoding)> {
    match format {
        Format::Docx => docx::extract(bytes),
        Format::Doc => doc::extract(bytes),
        Format::Pdf => pdf::extract(bytes),
        _ => html::extract(bytes),
    }
}

#[cfg(not(feature = "formats"))]
fn formats(format: Format, _bytes: &[u8]) -> Result<(String, Encoding)> {
    Err(Error::Unsupported {
        reason: format!(
            "{format} files need ketluan's `formats` feature, which this build leaves out"
        ),
    })
}

/// Encodes text in a legacy Vietnamese encoding (TCVN3, VNI or Windows-1258), or
/// UTF-8/UTF-16 with a byte order mark: what old software wrote, for tests and
/// conversions. Capitals with a tone, which TCVN3 lacks, take the lowercase code
/// (as the `.VnTimeH` capital fonts do).
///
/// Returns `None` when a character has no code in the encoding.
pub fn encode(text: &str, encoding: Encoding) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Tcvn3 => tcvn3::encode(text),
        Encoding::Vni => vni::encode(text),
        Encoding::Windows1258 => windows1258::encode(text),
        Encoding::Windows1252 => text.chars().map(windows1258::to_cp1252).collect(),
        Encoding::Utf16Le => Some(
            [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
        ),
        Encoding::Utf16Be => Some(
            [0xFE, 0xFF]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
                .collect(),
        ),
        Encoding::Utf8 | Encoding::Unicode => Some(text.as_bytes().to_vec()),
    }
}

/// Decodes bytes known to be in `encoding` (no detection); legacy text comes out NFC.
/// Bytes that are not valid in a Unicode encoding are replaced by U+FFFD.
///
/// ```
/// use ketluan::extract::{Encoding, decode};
/// assert_eq!(decode(b"Ke\xE1t lua\xE4n", Encoding::Vni), "Kết luận");
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Tcvn3 => tcvn3::decode(bytes),
        Encoding::Vni => vni::decode(bytes),
        Encoding::Windows1258 => windows1258::decode(bytes),
        Encoding::Windows1252 => bytes.iter().map(|&b| windows1258::cp1252(b)).collect(),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let body = bytes
                .strip_prefix(&[0xFF, 0xFE])
                .or_else(|| bytes.strip_prefix(&[0xFE, 0xFF]))
                .unwrap_or(bytes);
            let word = if encoding == Encoding::Utf16Le {
                u16::from_le_bytes
            } else {
                u16::from_be_bytes
            };
            char::decode_utf16(body.chunks_exact(2).map(|c| word([c[0], c[1]])))
                .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
        Encoding::Utf8 | Encoding::Unicode => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`].
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let too_large = || {
        Error::TooLarge {
            limit: MAX_FILE_BYTES,
        }
        .in_file(path)
    };
    // Refuse by size before reading; `take` still bounds a file that grows meanwhile.
    if file.metadata().map_err(io)?.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}
