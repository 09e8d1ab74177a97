//! # ketluan — search Vietnamese conclusion documents
//!
//! ketluan turns *conclusion documents* of Vietnamese party committees — *Kết luận
//! của Ban Thường vụ Tỉnh ủy*, *Thông báo kết luận của Thường trực Thành ủy* … —
//! into typed records, indexes them with tantivy and searches them by agenda
//! topic, issuing or submitting body, session, reference number and date.
//!
//! ## A tour
//!
//! 1. **Analysis** ([`analysis`]): Vietnamese text arrives in NFC or NFD, with old
//!    or new tone placement (`Tỉnh uỷ` / `Tỉnh ủy`), with look-alike letters and
//!    invisible characters. [`analysis::normalize`] repairs the encoding without
//!    losing anything; [`analysis::exact_form`] and [`analysis::fold`] give the two
//!    forms the index searches: exact (accents kept, tone placement unified) and
//!    folded (`đồng ý` → `dong y`).
//! 2. **Documents** ([`Document`]): [`Document::parse`] reads the title block, the
//!    numbered agenda items ([`AgendaItem`]) with their cited submission
//!    ([`Reference`]), topic, conclusion text, tasks ([`Assignment`]) and
//!    [`Deadline`]s, the recipients and the [`Signer`]. Oddities become
//!    [`Warning`]s; text that is not a document is an [`Error`] naming the line.
//! 3. **Index** ([`Index`]): one tantivy record per agenda item, on disk or in RAM.
//!    An [`IndexWriter`] adds documents under a key of your choosing; adding a key
//!    again replaces the document.
//! 4. **Files** ([`extract`]): [`Document::from_path`] reads `.txt`/`.md` in UTF-8,
//!    UTF-16 or the legacy Vietnamese encodings (TCVN3, VNI, Windows-1258), and with
//!    the default `formats` feature `.docx`, `.doc`, `.pdf` and `.html`; the
//!    document's [`source`](Document::source) records format and encoding.
//! 5. **Search** ([`SearchRequest`] → [`SearchResults`]): free text with phrases and
//!    exclusions, filters on topic, body, issuer, submitter (abbreviations such
//!    as `UBND`, `BCSĐ` understood), dates, deadlines, session, reference and
//!    kind; item or document [`Level`] hits with [`Snippet`]s and [`Facets`].
//!    Hits with every word come first, then those with fewer, in tiers
//!    ([`Hit::matched`] of [`Hit::of`]); a typed document number (`445-KL/TU`,
//!    `KL 445`) finds its document first; words typed in Telex or VNI with the
//!    input method off (`ddiaj`, `d9ia5`) find the syllable they spell.
//!    A [`Hit`] carries what a result list shows: the item's topic, reference,
//!    deadlines and assignments. Requests and results are serde types with a
//!    stable JSON form; [`Index::open_read_only`] searches an index on
//!    read-only storage.
//!
//! ```
//! use ketluan::{Document, Index, SearchRequest};
//!
//! let doc = Document::parse(
//!     "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 17, ngày 04 tháng 3 năm 2022\n\n\
//!      1. Tờ trình số 56-TTr/BCSD, ngày 02/3/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh \
//!      xin chủ trương thực hiện dự án Khu du lịch sinh thái hồ Khuổi In\n\n\
//!      Ban Thường vụ Tỉnh ủy đồng ý chủ trương.\n",
//! )?;
//! assert_eq!(doc.items[0].topic, "xin chủ trương thực hiện dự án Khu du lịch sinh thái hồ Khuổi In");
//!
//! let index = Index::create_in_ram()?;
//! let mut writer = index.writer()?;
//! writer.add("ky17.txt", &doc)?;
//! writer.commit()?;
//!
//! let results = index.search(&SearchRequest::new("khu du lich").body("UBND"))?;
//! assert_eq!(results.hits[0].key, "ky17.txt");
//! # Ok::<(), ketluan::Error>(())
//! ```
#![warn(missing_docs)]

pub mod analysis;
mod document;
mod error;
pub mod extract;
mod index;
mod search;
mod vocabulary;

pub use document::{
    AgendaItem, Assignment, Deadline, Document, Reference, Signer, Warning, parse_date,
};
pub use error::{EngineError, Error, ErrorKind, Result};
pub use index::{AddOutcome, Index, IndexWriter, SourceCounts, Stats, WriterOptions};
pub use search::{
    EXACT_TOTAL_UP_TO, Facets, Hit, KINDS, Level, MAX_LIMIT, MAX_OFFSET, SearchRequest,
    SearchResults, Snippet,
};
/// The calendar date of the `time` crate, which the model and the search
/// filters use: re-exported so that callers need no `time` dependency of
/// their own.
pub use time::{Date, Month};

/// The README's Rust examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
