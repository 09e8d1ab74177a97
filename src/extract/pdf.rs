//! `.pdf`: the text layer, in reading order.
//!
//! Crate: `pdf-extract` (on `lopdf`). Both were measured on a PDF with
//! Vietnamese text made by LibreOffice (embedded subset fonts with `ToUnicode`
//! maps; `benches/extract.rs`): both give every diacritic in reading order, and
//! `lopdf`'s own `extract_text` is about 2.5× faster (7.0 against 2.8 MB/s), but
//! it ends every line the same way and loses the gap between paragraphs, so an
//! item's heading runs into its text and wrapped lines cannot be told from
//! paragraph ends. `pdf-extract` keeps paragraph gaps as blank lines, which is
//! what the parser needs. It can panic on damaged files, so it runs under
//! `catch_unwind` and a panic becomes an error.

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

/// Page breaks as blank lines; trailing spaces off; runs of blank lines cut to
/// one; and lines wrapped by the page joined again: a line as long as the
/// page's full lines continues on the next (titles, lists and signatures are
/// shorter and stay on their own lines).
fn tidy(text: &str) -> String {
    let text = text.replace('\u{0C}', "\n\n");
    let mut lengths: Vec<usize> = text
        .lines()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    let full = lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    let mut wraps = false;
    for line in text.lines() {
        let line = line.trim_end();
        if !line.is_empty() && wraps {
            out.pop();
            out.push(' ');
            out.push_str(line.trim_start());
            out.push('\n');
            wraps = line.trim().chars().count() * 5 >= full * 4;
            continue;
        }
        wraps = !line.is_empty() && line.trim().chars().count() * 5 >= full * 4;
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
