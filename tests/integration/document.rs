//! Parsing real and quirky documents: samples against `truth.jsonl`, quirk
//! fixtures against their expected JSON, errors, robustness, JSON round trip.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ketluan::Document;
use ketluan::analysis::canonical_tone;
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

fn check_sample(truth: &Value, diffs: &mut String) {
    let file = truth["file"].as_str().unwrap_or_default();
    let doc = match Document::from_file(fixtures().join("samples").join(file)) {
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

#[test]
fn samples_match_the_truth() {
    let truth = std::fs::read_to_string(fixtures().join("samples/truth.jsonl")).unwrap();
    let mut report = String::new();
    let mut count = 0;
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let t: Value = serde_json::from_str(line).unwrap();
        let mut diffs = String::new();
        check_sample(&t, &mut diffs);
        if !diffs.is_empty() {
            let _ = writeln!(report, "{}:\n{diffs}", t["file"]);
        }
        count += 1;
    }
    assert_eq!(count, 6, "truth.jsonl should describe the six samples");
    assert!(
        report.is_empty(),
        "samples differ from truth.jsonl:\n{report}"
    );
}
