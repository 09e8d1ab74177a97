//! Parsing real and quirky documents: samples against `truth.jsonl`, quirk
//! fixtures against their expected JSON, errors, robustness, JSON round trip.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ketluan::analysis::canonical_tone;
use ketluan::extract::{Encoding, Format, Source};
use ketluan::{Document, Error};
use proptest::prelude::*;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Truth comparison: NFC, canonical tone placement, whitespace collapsed.
fn same_text(a: &str, b: &str) -> bool {
    let squash = |s: &str| canonical_tone(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    squash(a) == squash(b)
}

/// Body names compare case-insensitively as well.
fn same_body(a: &str, b: &str) -> bool {
    same_text(&a.to_lowercase(), &b.to_lowercase())
}

fn compare(path: &str, want: &Value, got: &Value, body: bool, diffs: &mut String) {
    let ok = match (want, got) {
        (Value::String(w), Value::String(g)) if body => same_body(w, g),
        (Value::String(w), Value::String(g)) => same_text(w, g),
        (w, g) => w == g,
    };
    if !ok {
        let _ = writeln!(diffs, "  {path}:\n    want {want}\n    got  {got}");
    }
}

fn check_sample(dir: &str, truth: &Value, diffs: &mut String) {
    let file = truth["file"].as_str().unwrap_or_default();
    let doc = match Document::from_file(fixtures().join(dir).join(file)) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(diffs, "  parse failed: {e}");
            return;
        }
    };
    let got = serde_json::to_value(&doc).unwrap();
    for key in ["kind", "number", "place", "session", "date", "issued_date"] {
        compare(key, &truth[key], &got[key], false, diffs);
    }
    // The layout corpus's truth also gives the subject line.
    if let Some(subject) = truth.get("subject") {
        compare("subject", subject, &got["subject"], false, diffs);
    }
    compare(
        "issuing_body",
        &truth["issuing_body"],
        &got["issuing_body"],
        true,
        diffs,
    );
    let want_items = truth["items"].as_array().cloned().unwrap_or_default();
    let got_items = got["items"].as_array().cloned().unwrap_or_default();
    if want_items.len() != got_items.len() {
        let _ = writeln!(
            diffs,
            "  items: want {} got {}",
            want_items.len(),
            got_items.len()
        );
    }
    for (i, (w, g)) in want_items.iter().zip(&got_items).enumerate() {
        compare(
            &format!("items[{i}].number"),
            &w["number"],
            &g["number"],
            false,
            diffs,
        );
        compare(
            &format!("items[{i}].topic"),
            &w["topic"],
            &g["topic"],
            false,
            diffs,
        );
        compare(
            &format!("items[{i}].deadlines"),
            &w["deadlines"],
            &g["deadlines"],
            false,
            diffs,
        );
        match (&w["reference"], &g["reference"]) {
            (Value::Null, Value::Null) => {}
            (wr @ Value::Object(_), gr @ Value::Object(_)) => {
                for key in ["kind", "number", "date"] {
                    compare(
                        &format!("items[{i}].reference.{key}"),
                        &wr[key],
                        &gr[key],
                        false,
                        diffs,
                    );
                }
                compare(
                    &format!("items[{i}].reference.body"),
                    &wr["body"],
                    &gr["body"],
                    true,
                    diffs,
                );
            }
            (wr, gr) => compare(&format!("items[{i}].reference"), wr, gr, false, diffs),
        }
    }
    for key in ["on_behalf", "title", "name"] {
        compare(
            &format!("signer.{key}"),
            &truth["signer"][key],
            &got["signer"][key],
            false,
            diffs,
        );
    }
}

/// Compares every file of `dir` named in its `truth.jsonl`; returns how many
/// there were and the differences.
fn check_truth(dir: &str) -> (usize, String) {
    let truth = std::fs::read_to_string(fixtures().join(dir).join("truth.jsonl")).unwrap();
    let mut report = String::new();
    let mut count = 0;
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let t: Value = serde_json::from_str(line).unwrap();
        let mut diffs = String::new();
        check_sample(dir, &t, &mut diffs);
        if !diffs.is_empty() {
            let _ = writeln!(report, "{}:\n{diffs}", t["file"]);
        }
        count += 1;
    }
    (count, report)
}

#[test]
fn samples_match_the_truth() {
    let (count, report) = check_truth("samples");
    assert_eq!(count, 6, "truth.jsonl should describe the six samples");
    assert!(
        report.is_empty(),
        "samples differ from truth.jsonl:\n{report}"
    );
}

#[test]
fn layout_samples_match_the_truth() {
    let (count, report) = check_truth("layouts");
    assert_eq!(count, 10, "one sample per layout family");
    assert!(
        report.is_empty(),
        "layout samples differ from truth.jsonl:\n{report}"
    );
}

/// Layout documents written apart from the parser, as a check on unseen text.
#[test]
fn more_layout_documents_match_the_truth() {
    let (count, report) = check_truth("layouts-more");
    assert_eq!(count, 12, "twelve documents in layouts-more");
    assert!(
        report.is_empty(),
        "layouts-more documents differ from truth.jsonl:\n{report}"
    );
}

#[test]
fn quirk_fixtures_match_their_json() {
    let dir = fixtures().join("quirks");
    let mut report = String::new();
    let mut count = 0;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for txt in names {
        count += 1;
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(txt.with_extension("json")).unwrap())
                .unwrap();
        // The expected JSON pins the parse; where the text came from is tested in formats.rs.
        let got = match Document::from_file(&txt) {
            Ok(d) => serde_json::to_value(Document { source: None, ..d }).unwrap(),
            Err(e) => {
                let _ = writeln!(report, "{}: {e}", txt.display());
                continue;
            }
        };
        if want != got {
            let _ = writeln!(
                report,
                "{}:\n  want {}\n  got  {}",
                txt.display(),
                serde_json::to_string_pretty(&want).unwrap(),
                serde_json::to_string_pretty(&got).unwrap()
            );
        }
    }
    assert!(
        count >= 8,
        "expected at least 8 quirk fixtures, found {count}"
    );
    assert!(report.is_empty(), "{report}");
}

fn lang_son() -> String {
    std::fs::read_to_string(fixtures().join("samples/lang-son-2022-03-04-ky17.txt")).unwrap()
}

fn message(result: ketluan::Result<Document>) -> String {
    match result {
        Ok(d) => panic!("expected an error, parsed {} items", d.items.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn empty_input_is_an_error() {
    let want = "line 1: expected text with at least one letter, found \"\"";
    assert_eq!(message(Document::parse("")), want);
    assert_eq!(message(Document::parse("  \n\t\n \r\n")), want);
}

#[test]
fn binary_input_is_an_error() {
    let bytes: Vec<u8> = (0u8..=255).cycle().take(2000).collect();
    assert_eq!(
        message(Document::from_bytes(&bytes)),
        "not valid UTF-8 at byte 128 (binary file, not text)"
    );
    assert_eq!(
        message(Document::parse("\u{0}\u{1}\u{2}\u{7f}")),
        "line 1: expected text with at least one letter, found \"\""
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut bytes = "KẾT LUẬN\nNgày".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(&[0xC3, 0x28, b'x']);
    assert_eq!(
        message(Document::from_bytes(&bytes)),
        format!("not valid UTF-8 at byte {offset} (a stray byte in otherwise UTF-8 text)")
    );
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(&bytes);
    match Document::from_bytes(&with_bom) {
        Err(Error::NotUtf8 { offset: o, .. }) => assert_eq!(o, offset + 3),
        other => panic!("expected NotUtf8, got {other:?}"),
    }
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = lang_son();
    let want = Document::parse(&text).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let from = |encoding| Document {
        source: Some(Source {
            format: Format::Txt,
            encoding,
        }),
        ..want.clone()
    };
    assert_eq!(Document::from_bytes(&le).unwrap(), from(Encoding::Utf16Le));
    assert_eq!(Document::from_bytes(&be).unwrap(), from(Encoding::Utf16Be));
}

#[test]
fn missing_title_is_a_warning_and_the_text_is_kept() {
    let doc =
        Document::parse("\n\nNgày 04/3/2022, Ban Thường vụ họp.\n1. Tờ trình số 1\n").unwrap();
    assert_eq!(doc.kind, None);
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2022-03-04")
    );
    assert_eq!(doc.warnings[0].line, 3);
    assert!(
        doc.warnings[0]
            .message
            .starts_with("no conclusion layout recognised"),
        "{:?}",
        doc.warnings
    );
    let kept = format!(
        "{}\n{}",
        doc.preamble,
        doc.items
            .iter()
            .map(|i| i.heading.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(kept.contains("Ban Thường vụ họp"), "{kept}");
}

#[test]
fn a_news_article_is_a_document_with_a_warning() {
    let text = "Tin tức - Sự kiện\n\nChiều 12/9, tại Hà Nội, Bộ trưởng Bộ Y tế đã làm việc với đoàn công tác.\n\nBuổi làm việc bàn về công tác phòng, chống dịch bệnh mùa mưa.\n";
    let doc = Document::parse(text).unwrap();
    assert_eq!(doc.kind, None);
    assert!(doc.items.is_empty());
    assert!(
        doc.preamble.contains("phòng, chống dịch bệnh"),
        "{}",
        doc.preamble
    );
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.starts_with("no conclusion layout recognised"))
    );
    // A directive keeps its own title as kind.
    let doc = Document::parse(
        "CHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy\n\nNgày 02/3/2022, Ban Thường vụ Tỉnh ủy chỉ thị.\n",
    )
    .unwrap();
    assert_eq!(doc.kind.as_deref(), Some("CHỈ THỊ"));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("the title is CHỈ THỊ"))
    );
}

#[test]
fn punctuation_only_is_an_error() {
    assert_eq!(
        message(Document::parse("\n -- ... ***\n")),
        "line 2: expected text with at least one letter, found \"-- ...\""
    );
}

#[test]
fn missing_date_is_a_warning() {
    let doc = Document::parse(
        "\nKẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nBan Thường vụ đã họp.\n\n1. Công tác cán bộ.\n",
    )
    .unwrap();
    assert_eq!(doc.date, None);
    assert_eq!(doc.kind.as_deref(), Some("KẾT LUẬN"));
    assert_eq!(doc.items.len(), 1);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.line == 2 && w.message == "no meeting date found"),
        "{:?}",
        doc.warnings
    );
    // An impossible meeting date is not silently replaced.
    let doc =
        Document::parse("KẾT LUẬN\ntại cuộc họp ngày 31/02/2022\n\n1. Công tác cán bộ.\n").unwrap();
    assert_eq!(doc.date, None);
    assert!(
        doc.warnings.iter().any(|w| w.message.contains("31")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn impossible_date_beside_a_good_one_is_a_warning() {
    let doc = Document::parse(
        "KẾT LUẬN\ntại cuộc họp ngày 31/02/2022\n\nNgày 02/3/2022, Thường trực Tỉnh ủy họp.\n\n1. Công tác cán bộ.\n",
    )
    .unwrap();
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2022-03-02")
    );
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(doc.warnings[0].line, 2);
    assert_eq!(
        doc.warnings[0].message,
        "impossible date \"31/02/2022\" ignored"
    );
}

#[test]
fn year_zero_is_no_date_and_the_document_still_round_trips() {
    // Found by the parse fuzzer: "trong năm 0000" became a deadline that
    // serialised as "0000" and could not be read back.
    let doc = Document::parse(
        "KẾT LUẬN\nNgày 06/6/2021, Ban Thường vụ Tỉnh ủy họp.\n\n1. Công tác chuyển đổi số.\n\n\
         Giao Văn phòng Tỉnh ủy báo cáo trong năm 0000, hoàn thành trước ngày 01/6/0000.\n",
    )
    .unwrap();
    assert!(
        doc.items[0].deadlines.is_empty(),
        "{:?}",
        doc.items[0].deadlines
    );
    assert_eq!(doc.warnings.len(), 2, "{:?}", doc.warnings);
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn a_place_in_the_title_goes_to_place_not_to_the_body() {
    let doc = Document::parse(
        "KẾT LUẬN CỦA BAN THƯỜNG VỤ THÀNH ỦY HÀ NỘI\ntại phiên họp ngày 14/11/2023\n\n\
         1. Công tác cán bộ.\n",
    )
    .unwrap();
    assert_eq!(doc.issuing_body.as_deref(), Some("Ban Thường vụ Thành ủy"));
    assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    // A body whose name goes on past its committee keeps all of it.
    let doc = Document::parse(
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\nngày 14/11/2023\n\n\
         1. Công tác cán bộ.\n",
    )
    .unwrap();
    assert_eq!(
        doc.issuing_body.unwrap_or_default().to_lowercase(),
        "ban thường vụ đảng ủy khối các cơ quan tỉnh"
    );
}

#[test]
fn errors_from_files_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, "").unwrap();
    let err = Document::from_file(&path).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}: line 1: expected text with at least one letter, found \"\"",
            path.display()
        )
    );
}

#[test]
fn json_round_trip_gives_an_equal_value() {
    let mut paths: Vec<PathBuf> = ["samples", "quirks"]
        .iter()
        .flat_map(|d| std::fs::read_dir(fixtures().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 14);
    for p in paths {
        let doc = Document::from_file(&p).unwrap();
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc, "{}", p.display());
    }
}

#[test]
fn truncated_documents_never_panic() {
    let text = lang_son();
    let lines: Vec<&str> = text.lines().collect();
    for n in 0..=lines.len() {
        let _ = Document::parse(&lines[..n].join("\n"));
    }
    // Cut inside multi-byte characters too, through from_bytes.
    let bytes = text.as_bytes();
    for n in (0..bytes.len()).step_by(97) {
        let _ = Document::from_bytes(&bytes[..n]);
    }
}

#[test]
fn documents_with_lines_deleted_or_moved_never_panic() {
    let text = lang_son();
    let lines: Vec<&str> = text.lines().collect();
    for skip in 0..lines.len() {
        let kept: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, l)| *l)
            .collect();
        let _ = Document::parse(&kept.join("\n"));
    }
    // A deterministic shuffle: rotate and interleave.
    for k in 1..lines.len().min(40) {
        let moved: Vec<&str> = (0..lines.len())
            .map(|i| lines[(i * 7 + k) % lines.len()])
            .collect();
        let _ = Document::parse(&moved.join("\n"));
        let rotated: Vec<&str> = lines[k..].iter().chain(&lines[..k]).copied().collect();
        let _ = Document::parse(&rotated.join("\r\n"));
    }
}

#[test]
fn a_large_document_parses() {
    let mut text = String::from(
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 1, ngày 04 tháng 3 năm 2022\n\n",
    );
    for i in 1..=10_000 {
        let _ = write!(
            text,
            "{i}. Tờ trình số {i}-TTr/BCSĐ, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh về việc nội dung {i}\n\nGiao Ban cán sự đảng Ủy ban nhân dân tỉnh báo cáo trước ngày 30/6/2022.\n\n"
        );
    }
    let doc = Document::parse(&text).unwrap();
    assert_eq!(doc.items.len(), 10_000);
    assert_eq!(doc.items[9_999].topic, "nội dung 10000");
    assert_eq!(doc.items[9_999].deadlines[0].to_string(), "2022-06-30");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_never_panics(s in "\\PC*") {
        let _ = Document::parse(&s);
    }

    /// Fail open: any text with a letter is a document, and its JSON reads
    /// back equal.
    #[test]
    fn any_text_with_a_letter_parses_and_round_trips(
        before in "\\PC{0,200}",
        letter in "[a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
        after in "\\PC{0,200}",
    ) {
        let text = format!("{before}{letter}{after}");
        let doc = Document::parse(&text);
        prop_assert!(doc.is_ok(), "{:?}: {:?}", text, doc.err());
        let doc = doc.unwrap();
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn parse_never_panics_on_document_like_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("KẾT LUẬN".to_string()),
                Just("THÔNG BÁO KẾT LUẬN".to_string()),
                Just("\n".to_string()),
                Just("\r\n".to_string()),
                Just("\u{c}".to_string()),
                Just("**".to_string()),
                Just("1. Tờ trình số ".to_string()),
                Just("ngày 31/02/2022".to_string()),
                Just("trước ngày 30/9".to_string()),
                Just("quý III/2023".to_string()),
                Just("Nơi nhận:".to_string()),
                Just("T/M BAN THƯỜNG VỤ".to_string()),
                Just("  - 2 -  ".to_string()),
                "[0-9./ -]{0,8}",
                "\\PC{0,12}",
            ],
            0..40,
        )
    ) {
        let _ = Document::parse(&parts.concat());
    }

    #[test]
    fn from_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Document::from_bytes(&bytes);
    }
}

/// Every word of the text, folded, in the order met.
fn folded_words(text: &str) -> Vec<String> {
    ketluan::analysis::fold(&ketluan::analysis::normalize(text))
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every string in a JSON value, joined with spaces.
fn all_strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        Value::Array(a) => a.iter().for_each(|x| all_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| all_strings(x, out)),
        _ => {}
    }
}

/// The words of a fixture that the parser turns into structure rather than
/// text: the party's motto, `<br>`, Roman section numerals, the `Nơi nhận`
/// label, `Trang n`, the `Số` label and the words of a place-date line (its
/// place and date are fields), and OCR-misprinted numbers (`6l2`, `2O22`:
/// repaired in fields).
fn structural(word: &str) -> bool {
    matches!(word, "trang" | "ngay" | "thang" | "nam" | "so")
        || word.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
        || (word.bytes().any(|b| b.is_ascii_digit())
            && word
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'l' | b'o')))
}

/// Nothing is lost: every word of every fixture is somewhere in its parsed
/// document (a field, an item's text, the preamble or the closing text),
/// except page numbers and running page headers, which the parser drops, and
/// the structural words above.
#[test]
fn every_word_of_every_fixture_is_kept() {
    let mut report = String::new();
    for dir in ["samples", "layouts", "layouts-more", "quirks"] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        for path in names {
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let doc = match Document::parse(&text) {
                Ok(doc) => doc,
                Err(e) => {
                    let _ = writeln!(report, "{}: {e}", path.display());
                    continue;
                }
            };
            let mut kept = String::new();
            all_strings(&serde_json::to_value(&doc).unwrap(), &mut kept);
            let kept: std::collections::HashSet<String> = folded_words(&kept).into_iter().collect();
            let lower = ketluan::analysis::fold(&ketluan::analysis::normalize(&text))
                .to_lowercase()
                .replace("dang cong san viet nam", " ")
                .replace("noi nhan", " ")
                .replace("<br>", " ");
            // Ordinal item numbers ("Thứ nhất, …") are numbers, not text.
            let lower = [
                "nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi",
            ]
            .iter()
            .fold(lower, |t, o| t.replace(&format!("thu {o},"), " "));
            let lost: Vec<String> = folded_words(&lower)
                .into_iter()
                .filter(|w| !kept.contains(w) && !w.bytes().all(|b| b.is_ascii_digit()))
                .filter(|w| !structural(w))
                .collect();
            if !lost.is_empty() {
                let _ = writeln!(report, "{}: {lost:?}", path.display());
            }
        }
    }
    assert!(report.is_empty(), "words lost:\n{report}");
}

/// FNV-1a, 64 bits: a stable fingerprint of the parser's output.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The parser's output on 3,000 generated documents (every layout quirk the
/// generator knows: NFD, CRLF, old tone placement, markdown, page breaks) is
/// pinned by its fingerprint, so that work on the parser's speed cannot
/// change what it extracts unnoticed. A deliberate change of the output
/// updates `PINNED` (the failure prints the new value) and says why in its
/// commit.
#[test]
fn parse_output_on_generated_documents_is_pinned() {
    const PINNED: u64 = 0x8f42_b785_a2c3_37f4;
    let generator = crate::generator::Generator::new(2024);
    let mut hash = 0xcbf2_9ce4_8422_2325;
    let mut items = 0;
    for i in 0..3_000 {
        let generated = generator.document(i);
        let doc = Document::parse(&generated.text)
            .unwrap_or_else(|e| panic!("{}: {e}", generated.file_name));
        items += doc.items.len();
        hash = fnv1a(hash, serde_json::to_string(&doc).unwrap().as_bytes());
    }
    assert!(items >= 3_000, "{items} items in 3,000 conclusions");
    assert_eq!(
        hash, PINNED,
        "parser output changed: new fingerprint {hash:#018x}"
    );
}
