//! `extract` on arbitrary bytes under every document name: never panics, never
//! returns text that is not valid for its source, and a text file's Unicode
//! encodings round-trip.
//!
//! libfuzzer's panic hook aborts even on panics that `extract` catches (the PDF
//! reader's), so a PDF-reader panic shows up here as a crash to look at, not a
//! ketluan bug by itself.
#![no_main]

use ketluan::extract::{Encoding, Format, extract};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = ["a.txt", "a.md", "a.docx", "a.doc", "a.pdf", "a.html", "a"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    match extract(bytes, name) {
        Ok(extracted) => {
            if let Some(format) = Format::from_name(name) {
                assert!(
                    extracted.source.format == format || format == Format::Txt,
                    "{name} read as {}",
                    extracted.source.format
                );
            }
            if extracted.source.encoding == Encoding::Utf8
                && matches!(extracted.source.format, Format::Txt | Format::Md)
            {
                if let Ok(text) = std::str::from_utf8(bytes) {
                    if !text.starts_with('\u{feff}') {
                        assert_eq!(extracted.text, text, "UTF-8 text is kept as it is");
                    }
                }
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
