//! `.pdf`: the text layer, in reading order.
//!
//! Crate: `pdf-extract` (on `lopdf`). Of the two measured on PDFs with
//! Vietnamese text made by LibreOffice (embedded subset fonts with `ToUnicode`
//! maps), it gave the text in reading order with every diacritic, where
//! `lopdf`'s own `extract_text` split words and lines; see `benches/extract.rs`
//! and the crate README for the figures. `pdf-extract` can panic on damaged
//! files, so it runs under `catch_unwind` and a panic becomes an error.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{Encoding, detect};
use crate::{Error, Result};

fn fail(reason: impl Into<String>) -> Error {
    Error::Extract {
        format: "pdf".into(),
        reason: reason.into(),
    }
}

pub(super) fn extract(bytes: &[u8]) -> Result<(String, Encoding)> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(fail("no %PDF- header"));
    }
    // `pdf-extract` reports some malformations by panicking; the panic message
    // would go to stderr through the default hook, which is left in place
    // because replacing a process-wide hook is not a library's business.
    let text = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }))
    .map_err(|_| fail("the file is damaged (the PDF reader gave up)"))?
    .map_err(|e| fail(format!("{e}")))?;
    if !text.chars().any(char::is_alphabetic) {
        return Err(fail(
            "no text layer (a scanned image?); it needs OCR before it can be read",
        ));
    }
    let mut text = tidy(&text);
    let encoding = detect::repair(&mut text).unwrap_or(Encoding::Unicode);
    Ok((text, encoding))
}

/// Page breaks as blank lines; trailing spaces off; runs of blank lines cut to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.replace('\u{0C}', "\n\n").lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let start = out.len() - out.trim_start().len();
    out.drain(..start);
    out
}
