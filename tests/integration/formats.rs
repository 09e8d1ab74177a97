//! Every format and encoding in `tests/fixtures/formats/` parses to the same
//! document as its `.txt` twin in `tests/fixtures/samples/`.

use std::path::{Path, PathBuf};

use ketluan::Document;
use ketluan::extract::{Encoding, Format, Source, decode, encode, extract};
use proptest::prelude::*;

fn fixture(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What must match between a file and its twin: kind, dates, body, and per item
/// the number, reference, topic (modulo whitespace) and deadlines.
fn facts(doc: &Document) -> String {
    let mut out = format!(
        "{:?} | {:?} | {:?} | {:?} | {:?}\n",
        doc.kind, doc.issuing_body, doc.date, doc.issued_date, doc.session
    );
    for item in &doc.items {
        let deadlines: Vec<String> = item.deadlines.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "{} | {:?} | {} | {}\n",
            item.number,
            item.reference,
            squash(&item.topic),
            deadlines.join(", ")
        ));
    }
    out
}

fn same_as_twin(file: &str, twin: &str, format: Format, encoding: Encoding) {
    let path = fixture("formats", file);
    let doc = Document::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
    let want = Document::from_path(fixture("samples", twin)).expect("the twin parses");
    assert!(!want.items.is_empty());
    assert_eq!(
        same_case(&doc, format, encoding),
        same_case(&want, format, encoding),
        "{file}"
    );
    assert_eq!(doc.source, Some(Source { format, encoding }), "{file}");
}

/// TCVN3 has no code for a capital with a tone (`Ủ`, `Ấ`): plain TCVN3 text
/// cannot tell `Ủy ban` from `ủy ban`, so it is compared without case. (A
/// `.docx` keeps the capital in its `.VnTimeH` font run.)
fn same_case(doc: &Document, format: Format, encoding: Encoding) -> String {
    let facts = facts(doc);
    if encoding == Encoding::Tcvn3 && format != Format::Docx {
        facts.to_lowercase()
    } else {
        facts
    }
}

const NINH_THUAN: &str = "ninh-thuan-2020-06-12-ky52.txt";

#[test]
fn docx_parses_like_its_text() {
    same_as_twin("ninh-thuan.docx", NINH_THUAN, Format::Docx, Encoding::Utf8);
}

#[test]
fn docx_in_vntime_fonts_is_converted_run_by_run() {
    same_as_twin(
        "ninh-thuan.vntime.docx",
        NINH_THUAN,
        Format::Docx,
        Encoding::Tcvn3,
    );
}

#[test]
fn doc_parses_like_its_text() {
    same_as_twin("ninh-thuan.doc", NINH_THUAN, Format::Doc, Encoding::Utf16Le);
}

#[test]
fn doc_in_vntime_fonts_is_repaired_line_by_line() {
    same_as_twin(
        "ninh-thuan.vntime.doc",
        NINH_THUAN,
        Format::Doc,
        Encoding::Tcvn3,
    );
}

#[test]
fn pdf_made_by_libreoffice_parses_like_its_text() {
    same_as_twin("ninh-thuan.pdf", NINH_THUAN, Format::Pdf, Encoding::Unicode);
}

#[test]
fn html_page_parses_like_its_text() {
    same_as_twin(
        "hoa-binh.html",
        "hoa-binh-2019-04-19.txt",
        Format::Html,
        Encoding::Utf8,
    );
}

#[test]
fn legacy_text_files_parse_like_their_utf8_twins() {
    for (file, twin, encoding) in [
        (
            "yen-bai.tcvn3.txt",
            "yen-bai-2025-01-10.txt",
            Encoding::Tcvn3,
        ),
        (
            "con-dao.vni.txt",
            "con-dao-2022-08-05-ky21.txt",
            Encoding::Vni,
        ),
        (
            "hai-phong.windows-1258.txt",
            "hai-phong-2024-10-18-ky118.txt",
            Encoding::Windows1258,
        ),
        (
            "hoa-binh.utf-16le.txt",
            "hoa-binh-2019-04-19.txt",
            Encoding::Utf16Le,
        ),
    ] {
        same_as_twin(file, twin, Format::Txt, encoding);
    }
}

#[test]
fn a_scan_without_text_layer_asks_for_ocr() {
    let err = Document::from_path(fixture("formats", "scan-only.pdf"))
        .expect_err("no text")
        .to_string();
    assert!(err.contains("scan-only.pdf"), "{err}");
    assert!(err.contains("needs OCR"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn every_sample_in_every_legacy_encoding_parses_the_same() {
    for entry in std::fs::read_dir(fixture("samples", "")).expect("samples") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("sample");
        let want = Document::parse(&text).expect("sample parses");
        for encoding in [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258] {
            let bytes = encode(&text, encoding).expect("encodable");
            let doc = Document::from_bytes(&bytes)
                .unwrap_or_else(|e| panic!("{} in {encoding}: {e}", path.display()));
            assert_eq!(
                same_case(&doc, Format::Txt, encoding),
                same_case(&want, Format::Txt, encoding),
                "{} in {encoding}",
                path.display()
            );
            assert_eq!(doc.source.map(|s| s.encoding), Some(encoding));
        }
    }
}

#[test]
fn json_of_a_document_names_its_source() {
    let doc = Document::from_path(fixture("formats", "con-dao.vni.txt")).expect("parses");
    let json = serde_json::to_value(&doc).expect("json");
    assert_eq!(
        json["source"],
        serde_json::json!({"format": "txt", "encoding": "vni"})
    );
    // Parsed from a string, there is no source and no key.
    let plain = Document::parse(&decode(
        &encode(
            "KẾT LUẬN\nngày 04/3/2022\n\n1. Về việc x\n\ny\n",
            Encoding::Utf8,
        )
        .expect("utf-8"),
        Encoding::Utf8,
    ))
    .expect("parses");
    assert!(
        serde_json::to_value(&plain)
            .expect("json")
            .get("source")
            .is_none()
    );
}

/// The 134 toned vowels (12 vowels × 5 tones, two cases … plus hatted letters) and đ/Đ.
fn vietnamese_letters() -> Vec<char> {
    let mut letters = Vec::new();
    for base in "aăâeêioôơuưy".chars() {
        for tone in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"] {
            let lower: String = unicode_nfc(&format!("{base}{tone}"));
            let c = lower.chars().next().expect("a letter");
            letters.push(c);
            letters.extend(c.to_uppercase());
        }
    }
    letters.extend(['đ', 'Đ']);
    letters
}

fn unicode_nfc(s: &str) -> String {
    // NFC through the library's own decoder: Windows-1258 decoding composes.
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
    }
    ketluan::analysis::normalize(&out)
}

#[test]
fn the_letter_list_is_complete() {
    let letters = vietnamese_letters();
    // 12 vowels × 6 tone forms × 2 cases + đ Đ; 134 of them are not ASCII.
    assert_eq!(letters.len(), 146);
    assert_eq!(letters.iter().filter(|c| !c.is_ascii()).count(), 134);
}

proptest! {
    #[test]
    fn every_vietnamese_word_round_trips_through_each_legacy_encoding(
        words in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(vietnamese_letters()), 1..6),
            1..12,
        )
    ) {
        let text: String = words
            .iter()
            .map(|w| w.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        for encoding in [Encoding::Vni, Encoding::Windows1258] {
            let bytes = encode(&text, encoding).expect("encodable");
            prop_assert_eq!(decode(&bytes, encoding), text.clone());
        }
        // TCVN3 has no capitals with a tone: they come back lowercase.
        let bytes = encode(&text, Encoding::Tcvn3).expect("encodable");
        let back = decode(&bytes, Encoding::Tcvn3);
        prop_assert_eq!(back.to_lowercase(), text.to_lowercase());
        let exact = text.chars().all(|c| c.is_ascii() || !c.is_uppercase() || "ĂÂÊÔƠƯĐ".contains(c));
        if exact {
            prop_assert_eq!(back, text.clone());
        }
    }

    #[test]
    fn detection_never_misfires_on_utf8_or_ascii(text in "[a-zA-Z0-9 .,:;\n]{0,200}|\\PC{0,100}") {
        if let Ok(extracted) = extract(text.as_bytes(), "x.txt") {
            prop_assert!(matches!(extracted.source.encoding, Encoding::Utf8 | Encoding::Tcvn3 | Encoding::Vni | Encoding::Windows1258));
            if text.is_ascii() {
                prop_assert_eq!(extracted.text, text.clone());
                prop_assert_eq!(extracted.source.encoding, Encoding::Utf8);
            }
        }
    }

    #[test]
    fn utf8_vietnamese_text_is_kept_as_is(
        words in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(vietnamese_letters()), 1..6),
            1..12,
        )
    ) {
        let text: String = words.iter().map(|w| w.iter().collect::<String>()).collect::<Vec<_>>().join(" ");
        let extracted = extract(text.as_bytes(), "x.txt").expect("utf-8");
        prop_assert_eq!(extracted.text, text.clone());
        prop_assert_eq!(extracted.source.encoding, Encoding::Utf8);
    }
}
