//! `Document::from_bytes` on arbitrary bytes: never panics; a parsed document
//! survives a JSON round trip; UTF-8 text that needs no repair parses as
//! `Document::parse` parses it; a UTF-8 error points at the first bad byte.
#![no_main]

use ketluan::{Document, Error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Document::from_bytes(data) {
        Ok(doc) => {
            let json = serde_json::to_string(&doc).expect("a document serialises");
            let back: Document = serde_json::from_str(&json).expect("and reads back");
            assert_eq!(back, doc, "JSON round trip");
            if let Ok(text) = std::str::from_utf8(data) {
                // Bytes that look like a web page are read as one (markup
                // removed), so only plain UTF-8 text must parse as `parse` does.
                let utf8 = doc.source.is_some_and(|s| {
                    s.encoding == ketluan::extract::Encoding::Utf8
                        && s.format == ketluan::extract::Format::Txt
                });
                if !text.starts_with('\u{feff}') && utf8 {
                    let mut doc = doc;
                    doc.source = None;
                    assert_eq!(Document::parse(text).ok(), Some(doc), "parse ≡ from_bytes");
                }
            }
        }
        Err(Error::NotUtf8 { offset, .. }) => {
            assert!(offset <= data.len());
            assert!(std::str::from_utf8(data).is_err(), "valid UTF-8 reported as not");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
