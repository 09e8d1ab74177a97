//! The `ketluan` example binary, run as a person or a script would run it.
//!
//! `cargo test` builds the examples before it runs the tests, so the binary sits
//! next to this test binary's directory: `target/<profile>/examples/ketluan`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use tempfile::TempDir;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/samples");
const LANG_SON: &str = "lang-son-2022-03-04-ky17.txt";

/// The exact key order of a `search --json` hit line: the keys printed
/// before issue 14 keep their order and meaning (`source` is the key); later
/// keys (`matched`, `of`: issue 12) come at the end.
const HIT_KEYS: [&str; 17] = [
    "source",
    "key",
    "item",
    "score",
    "kind",
    "issuing_body",
    "place",
    "date",
    "topic",
    "reference",
    "snippet",
    "highlights",
    "deadlines",
    "assignments",
    "matched_items",
    "matched",
    "of",
];

/// The exact key order of the first line of `search --json`.
const HEADER_KEYS: [&str; 6] = [
    "total",
    "partial",
    "ranked",
    "notes",
    "facets",
    "total_exact",
];

fn binary() -> PathBuf {
    // This test binary lives in target/<profile>/deps/.
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test binary in target/<profile>/deps");
    let bin = profile_dir
        .join("examples")
        .join(format!("ketluan{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo test` (which builds examples) or `cargo build --example ketluan`",
        bin.display()
    );
    bin
}

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    /// Asserts a clean success: exit 0, nothing on stderr.
    fn ok(self) -> Run {
        assert_eq!(
            (self.code, self.stderr.as_str()),
            (0, ""),
            "stdout: {}",
            self.stdout
        );
        self
    }

    /// Asserts a failure with `code` and exactly one `error: ` line on stderr.
    fn fails(self, code: i32) -> Run {
        assert_eq!(self.code, code, "stderr: {}", self.stderr);
        assert_eq!(self.stderr.lines().count(), 1, "stderr: {}", self.stderr);
        assert!(
            self.stderr.starts_with("error: "),
            "stderr: {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "stderr: {}", self.stderr);
        self
    }
}

fn ketluan(cwd: &Path, args: &[&str]) -> Run {
    let output = assert_cmd::Command::new(binary())
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run ketluan");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// A temp dir with the samples copied into `docs/` (so keys read `docs/<file>`).
fn workspace() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("docs dir");
    for entry in std::fs::read_dir(SAMPLES).expect("samples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, docs.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    dir
}

/// One workspace with the samples indexed in `idx/`, shared by the read-only tests.
fn indexed() -> &'static Path {
    static DIR: OnceLock<TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = workspace();
        let run = ketluan(dir.path(), &["index", "docs", "--index", "idx"]).ok();
        assert_eq!(
            run.lines(),
            ["indexed: 6, replaced: 0, failed: 0 (index idx holds 6 documents)"]
        );
        dir
    })
    .path()
}

/// The hit lines of `search --json` (after the header line).
fn search(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search", "--index", "idx", "--json"];
    all.extend_from_slice(args);
    let mut lines = ketluan(indexed(), &all).ok().json_lines();
    let header = lines.remove(0);
    assert_eq!(
        header["total"].as_u64().map(|n| n >= lines.len() as u64),
        Some(true)
    );
    lines
}

fn sources(hits: &[Value]) -> Vec<&str> {
    hits.iter()
        .map(|h| h["source"].as_str().expect("source"))
        .collect()
}

/// The keys of a JSON object in the order they appear in the text.
struct KeyOrder(Vec<String>);

impl<'de> serde::Deserialize<'de> for KeyOrder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = KeyOrder;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrder, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(KeyOrder(keys))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

#[test]
fn json_hits_follow_the_contract() {
    let run = ketluan(
        indexed(),
        &["search", "dia gioi hanh chinh", "--index", "idx", "--json"],
    )
    .ok();
    let KeyOrder(keys) = serde_json::from_str(run.lines()[0]).expect("a JSON object");
    assert_eq!(keys, HEADER_KEYS);
    let KeyOrder(keys) = serde_json::from_str(run.lines()[1]).expect("a JSON object");
    assert_eq!(keys, HIT_KEYS);

    let mut hits = run.json_lines();
    let header = hits.remove(0);
    assert_eq!(header["total"].as_u64(), Some(hits.len() as u64));
    let hit = &hits[0];
    assert_eq!(hit["source"], format!("docs/{LANG_SON}"));
    assert_eq!(hit["key"], hit["source"]);
    assert_eq!(hit["item"], 1);
    assert!(hit["score"].as_f64().expect("score is a number") > 0.0);
    assert_eq!(hit["kind"], "KẾT LUẬN");
    assert_eq!(hit["issuing_body"], "Ban Thường vụ Tỉnh ủy");
    assert_eq!(hit["place"], "Lạng Sơn");
    assert_eq!(hit["date"], "2022-03-04");
    assert!(
        hit["topic"]
            .as_str()
            .expect("topic")
            .contains("địa giới hành chính")
    );
    let reference = &hit["reference"];
    let KeyOrder(reference_keys) =
        serde_json::from_value(reference.clone()).expect("reference object");
    assert_eq!(reference_keys.len(), 4);
    assert_eq!(reference["kind"], "Tờ trình");
    assert_eq!(reference["number"], "48-TTr/BCSD");
    assert_eq!(reference["date"], "2022-02-26");
    assert_eq!(reference["body"], "Ban cán sự đảng Ủy ban nhân dân tỉnh");
    assert!(hit["snippet"].as_str().expect("snippet is text").len() > 10);
    for line in &run.lines()[1..] {
        let KeyOrder(keys) = serde_json::from_str(line).expect("object");
        assert_eq!(keys, HIT_KEYS);
    }
    assert_eq!(header["total_exact"], true);
}

#[test]
fn facets_can_be_skipped_and_the_total_still_says_whether_it_is_exact() {
    let args = ["search", "tinh", "--index", "idx", "--json", "--no-facets"];
    let header = &ketluan(indexed(), &args).ok().json_lines()[0];
    assert_eq!(header["facets"]["place"], serde_json::json!([]));
    // Few hits: counted exactly without facets too.
    assert_eq!(header["total_exact"], true);
    let with = &ketluan(indexed(), &args[..5]).ok().json_lines()[0];
    assert_eq!(header["total"], with["total"]);
    assert_ne!(with["facets"]["place"], serde_json::json!([]));
    let exact = [&args[..], &["--exact-total"]].concat();
    assert_eq!(
        ketluan(indexed(), &exact).ok().json_lines()[0]["total"],
        with["total"]
    );
}

#[test]
fn diacritics_do_not_matter() {
    let folded = search(&["dia gioi hanh chinh"]);
    let accented = search(&["địa giới hành chính"]);
    assert!(!folded.is_empty());
    // The same hits; within the lower tiers the accented query may order
    // them otherwise (exact diacritics rank first).
    let mut a = sources(&folded);
    let mut b = sources(&accented);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(folded[0]["item"], accented[0]["item"]);
    assert_eq!(folded[0]["matched"], 4);
    assert_eq!(folded[0]["of"], 4);
}

#[test]
fn filters_narrow_the_hits() {
    let everything = search(&["--limit", "1000"]);
    assert!(everything.len() > 20, "{} items", everything.len());

    let session = search(&["--session", "17", "--limit", "1000"]);
    assert!(!session.is_empty() && session.len() < everything.len());
    assert!(sources(&session).iter().all(|s| s.ends_with(LANG_SON)));

    let dated = search(&["--from", "3/2022", "--to", "31/12/2022", "--limit", "1000"]);
    assert!(!dated.is_empty() && dated.len() < everything.len());
    for hit in &dated {
        let date = hit["date"].as_str().expect("date");
        assert!(("2022-03-01"..="2022-12-31").contains(&date), "{date}");
    }

    let reference = search(&["--ref", "48-TTr/BCSĐ"]);
    assert_eq!(reference.len(), 1);
    assert_eq!(reference[0]["reference"]["number"], "48-TTr/BCSD");

    let notices = search(&["--kind", "thong bao ket luan", "--limit", "1000"]);
    assert!(!notices.is_empty() && notices.len() < everything.len());
    assert!(notices.iter().all(|h| h["kind"] == "THÔNG BÁO KẾT LUẬN"));

    let documents = search(&["--level", "document", "--limit", "1000"]);
    assert_eq!(documents.len(), 6);
    assert!(documents.iter().all(|h| h["item"].is_null()));

    let limited = search(&["--limit", "2"]);
    assert_eq!(limited.len(), 2);

    // The first item of Lạng Sơn has a task due on 8 March 2022.
    let due = search(&["--due-from", "2022-03-08", "--due-to", "08/3/2022"]);
    assert!(
        due.iter()
            .any(|h| h["source"] == format!("docs/{LANG_SON}") && h["item"] == 3),
        "{due:?}"
    );

    let topic = search(&["--topic", "địa giới", "--limit", "1000"]);
    assert!(!topic.is_empty() && topic.len() < everything.len());
    assert!(topic.iter().all(|h| {
        h["topic"]
            .as_str()
            .is_some_and(|t| t.to_lowercase().contains("địa giới"))
    }));

    let body = search(&["--body", "Lạng Sơn", "--level", "document"]);
    assert_eq!(sources(&body), [format!("docs/{LANG_SON}")]);

    let assignee = search(&[
        "--assignee",
        "Ban cán sự đảng Ủy ban nhân dân tỉnh",
        "--limit",
        "1000",
    ]);
    assert!(!assignee.is_empty() && assignee.len() < everything.len());
}

#[test]
fn readable_search_shows_hits_facets_and_total() {
    let run = ketluan(indexed(), &["search", "lang son", "--index", "idx"]).ok();
    // Piped, so no ANSI bold.
    assert!(!run.stdout.contains('\x1b'));
    assert!(run.stdout.contains(&format!("docs/{LANG_SON}")));
    assert!(run.stdout.contains("2022-03-04"));
    assert!(run.stdout.contains("issuing body: "));
    assert!(run.stdout.contains("year: 2022 ("));
    assert!(
        run.stdout
            .lines()
            .last()
            .expect("total")
            .contains("matching items")
    );
}

#[test]
fn reindexing_replaces_without_duplicates() {
    let dir = workspace();
    ketluan(dir.path(), &["index", "docs", "--index", "idx"]).ok();
    let run = ketluan(
        dir.path(),
        &[
            "index",
            "docs",
            &format!("docs/{LANG_SON}"),
            "--index",
            "idx",
        ],
    )
    .ok();
    assert_eq!(
        run.lines(),
        ["indexed: 7, replaced: 7, failed: 0 (index idx holds 6 documents)"]
    );
    let stats = ketluan(dir.path(), &["stats", "--index", "idx"]).ok();
    assert!(
        stats.stdout.starts_with("documents: 6\n"),
        "{}",
        stats.stdout
    );
}

#[test]
fn a_file_that_fails_does_not_stop_the_batch() {
    let dir = workspace();
    // "KẾT LUẬN\n" is 13 bytes; the stray byte follows.
    let mut bytes = "KẾT LUẬN\n".as_bytes().to_vec();
    assert_eq!(bytes.len(), 13);
    bytes.extend_from_slice(b"\xff\xfe rest\n");
    std::fs::write(dir.path().join("docs/latin1.txt"), &bytes).expect("write");
    std::fs::write(dir.path().join("docs/notes.csv"), "not a document").expect("write");

    let run = ketluan(dir.path(), &["index", "docs", "--index", "idx"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("error: docs/latin1.txt: not valid UTF-8 at byte 13")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("skipped: docs/notes.csv: not a document type")),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.lines(),
        ["indexed: 6, replaced: 0, failed: 1, skipped: 1 (index idx holds 6 documents)"]
    );

    let run = ketluan(dir.path(), &["parse", "docs/latin1.txt"]).fails(1);
    assert!(run.stderr.contains("docs/latin1.txt") && run.stderr.contains("byte 13"));
}

#[test]
fn a_locked_index_is_reported() {
    let dir = workspace();
    ketluan(dir.path(), &["index", "docs", "--index", "idx"]).ok();
    let index = ketluan::Index::open(dir.path().join("idx")).expect("open");
    let writer = index.writer().expect("writer");
    let run = ketluan(dir.path(), &["index", "docs", "--index", "idx"]).fails(1);
    assert_eq!(
        run.stderr,
        "error: idx: index is locked by another writer\n"
    );
    drop(writer);
}

#[test]
fn mistakes_get_one_clear_line() {
    let dir = workspace();
    let run = ketluan(dir.path(), &["search", "x", "--index", "nowhere"]).fails(1);
    assert_eq!(
        run.stderr,
        "error: nowhere: not a ketluan index (no such directory)\n"
    );
    let run = ketluan(dir.path(), &["stats", "--index", "docs"]).fails(1);
    assert!(run.stderr.starts_with("error: docs: not a ketluan index"));
    let run = ketluan(dir.path(), &["show", "x", "--index", "docs"]).fails(1);
    assert!(run.stderr.starts_with("error: docs: not a ketluan index"));
    // `index` will not turn a folder of other files into an index.
    let run = ketluan(dir.path(), &["index", "docs", "--index", "docs"]).fails(1);
    assert!(run.stderr.starts_with("error: docs: not a ketluan index"));

    let run = ketluan(dir.path(), &["search", "--from", "31/02/2022"]).fails(2);
    assert!(
        run.stderr.contains("--from") && run.stderr.contains("31/02/2022"),
        "{}",
        run.stderr
    );
    let run = ketluan(dir.path(), &["search", "--due-to", "soon"]).fails(2);
    assert!(run.stderr.contains("--due-to") && run.stderr.contains("soon"));

    let run = ketluan(dir.path(), &["search", "--bogus"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: ") && run.stderr.contains("--bogus"));
    assert!(run.stdout.is_empty());
}

#[test]
fn without_an_index_the_bundled_samples_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = ketluan(dir.path(), &["search", "lang son"]).ok();
    assert!(
        run.stdout
            .contains(&format!("tests/fixtures/samples/{LANG_SON}"))
    );

    let run = ketluan(
        dir.path(),
        &["search", "lang son", "--json", "--limit", "3"],
    )
    .ok();
    let hits = run.json_lines();
    assert_eq!(hits.len(), 1 + 3, "a header and three hits");

    let key = format!("tests/fixtures/samples/{LANG_SON}");
    let run = ketluan(dir.path(), &["show", &key, "--item", "1", "--json"]).ok();
    let item = &run.json_lines()[0];
    assert_eq!(item["source"], key.as_str());
    assert_eq!(item["number"], 1);
    assert_eq!(item["reference"]["number"], "48-TTr/BCSD");

    let run = ketluan(dir.path(), &["show", &key]).ok();
    assert!(run.stdout.starts_with(&format!("== {key}\nKẾT LUẬN\n")));
    assert!(run.stdout.contains("\n1. xin ý kiến"));

    let run = ketluan(dir.path(), &["show", "no/such.txt"]).fails(1);
    assert!(run.stderr.contains("\"no/such.txt\""));

    let run = ketluan(dir.path(), &["stats"]).ok();
    assert!(run.stdout.starts_with("documents: 6\n"));
    assert!(run.stdout.contains("dates:     2019-04-19 to 2025-01-10"));
}

#[test]
fn parse_prints_outlines_and_json() {
    let dir = workspace();
    let lang_son = format!("docs/{LANG_SON}");
    let run = ketluan(
        dir.path(),
        &["parse", &lang_son, "docs/hoa-binh-2019-04-19.txt", "--json"],
    )
    .ok();
    let lines = run.lines();
    assert_eq!(lines.len(), 2);
    let KeyOrder(keys) = serde_json::from_str(lines[0]).expect("object");
    assert_eq!(keys[0], "source");
    let docs = run.json_lines();
    assert_eq!(docs[0]["source"], lang_son.as_str());
    assert_eq!(docs[0]["date"], "2022-03-04");
    assert_eq!(docs[0]["session"], 17);
    assert_eq!(docs[0]["items"][0]["reference"]["number"], "48-TTr/BCSD");
    assert_eq!(docs[1]["kind"], "THÔNG BÁO KẾT LUẬN");

    let run = ketluan(dir.path(), &["parse", &lang_son]).ok();
    assert!(
        run.stdout
            .starts_with(&format!("== {lang_son}\nKẾT LUẬN\n"))
    );
    assert!(run.stdout.contains("session:  17\n"));
    assert!(
        run.stdout
            .contains("reference:  Tờ trình 48-TTr/BCSD of 2022-02-26")
    );
    assert!(run.stdout.contains("deadlines:  2022-03-08"));

    let run = ketluan(dir.path(), &["parse", "docs/missing.txt"]).fails(1);
    assert!(run.stderr.starts_with("error: docs/missing.txt: "));
}

/// `line` with its score replaced: scores are exact for one index, not a
/// contract.
fn mask_score(line: &str) -> String {
    match line.find("\"score\":") {
        Some(at) => {
            let rest = &line[at..];
            let end = rest.find(',').expect("a field after score");
            format!("{}\"score\":\"<masked>\"{}", &line[..at], &rest[end..])
        }
        None => line.to_string(),
    }
}

#[test]
fn search_json_snapshot() {
    let run = ketluan(
        indexed(),
        &[
            "search",
            "chỉ thị",
            "--ref",
            "52-TTr/BCSD",
            "--json",
            "--index",
            "idx",
        ],
    )
    .ok();
    let lines: Vec<String> = run.lines().into_iter().map(mask_score).collect();
    assert_eq!(
        lines,
        [
            r#"{"total":1,"partial":false,"ranked":true,"notes":[],"facets":{"issuing_body":[["Ban Thường vụ Tỉnh ủy",1]],"place":[["Lạng Sơn",1]],"year":[[2022,1]],"submitting_body":[["Ban cán sự đảng Ủy ban nhân dân tỉnh",1]]},"total_exact":true}"#,
            r#"{"source":"docs/lang-son-2022-03-04-ky17.txt","key":"docs/lang-son-2022-03-04-ky17.txt","item":6,"score":"<masked>","kind":"KẾT LUẬN","issuing_body":"Ban Thường vụ Tỉnh ủy","place":"Lạng Sơn","date":"2022-03-04","topic":"dự thảo Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường công tác tiêm chủng vắc-xin phòng COVID-19","reference":{"kind":"Tờ trình","number":"52-TTr/BCSD","date":"2022-02-28","body":"Ban cán sự đảng Ủy ban nhân dân tỉnh"},"snippet":"Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo tiếp thu ý kiến của Ban Thường vụ Tỉnh ủy, biên tập lại dự thảo Chỉ thị, trong đó lưu ý: Chỉ thị","highlights":[[49,54],[151,156],[157,162],[184,189],[190,195]],"deadlines":["2022-03-08"],"assignments":[{"assignee":"Ban cán sự đảng Ủy ban nhân dân tỉnh","task":"chỉ đạo tiếp thu ý kiến của Ban Thường vụ Tỉnh ủy, biên tập lại dự thảo Chỉ thị, trong đó lưu ý: Chỉ thị cần xác định rõ những nhiệm vụ trọng tâm cần thực hiện, có sự phân công nhiệm vụ cụ thể, chi tiết, gán trách nhiệm đối với các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, từng thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 các cấp, cấp ủy, chính quyền và người đứng đầu các cơ quan, đơn vị để đảm bảo Chỉ thị thực sự hiệu quả, kịp thời, không hình thức","deadline":null}],"matched_items":[6],"matched":2,"of":2}"#,
        ]
    );
}

#[test]
fn stats_json_snapshot() {
    let run = ketluan(indexed(), &["stats", "--json", "--index", "idx"]).ok();
    assert_eq!(
        run.stdout.trim_end(),
        r#"{"documents":6,"items":38,"first_date":"2019-04-19","last_date":"2025-01-10","top_bodies":[["Ban Thường vụ Tỉnh ủy",2],["Thường trực Tỉnh uỷ",2],["Ban Thường vụ Huyện ủy",1],["Ban Thường vụ Thành ủy",1]],"top_places":[["Côn Đảo",1],["Hòa Bình",1],["Hải Phòng",1],["Lạng Sơn",1],["Ninh Thuận",1],["Yên Bái",1]],"top_submitters":[["Ban cán sự đảng Ủy ban nhân dân tỉnh",4],["Ban Dân vận Tỉnh ủy",2],["Ban Tuyên giáo Tỉnh uỷ",2],["Ban Tổ chức Tỉnh uỷ",2],["Ban Dân vận Thành ủy",1],["Ban cán sự đảng Ủy ban nhân dân thành phố",1],["Văn phòng Huyện ủy",1],["Văn phòng Tỉnh ủy",1],["Đảng đoàn Hội Liên hiệp Phụ nữ tỉnh",1],["Ủy ban nhân dân huyện",1]],"years":[[2022,2],[2025,1],[2024,1],[2020,1],[2019,1]]}"#
    );
    let stats: ketluan::Stats = serde_json::from_str(&run.stdout).expect("the library's form");
    assert_eq!(stats.documents, 6);
}

/// The header line and the hit lines together are the library's
/// `SearchResults`, field for field.
#[test]
fn search_json_is_the_library_form() {
    for level in ["item", "document"] {
        let run = ketluan(
            indexed(),
            &[
                "search",
                "quy hoach",
                "--json",
                "--level",
                level,
                "--limit",
                "100",
                "--index",
                "idx",
            ],
        )
        .ok();
        let mut lines = run.json_lines();
        let mut results = lines.remove(0);
        results["hits"] = Value::Array(lines);
        let from_cli: ketluan::SearchResults =
            serde_json::from_value(results).expect("SearchResults");
        let level = if level == "item" {
            ketluan::Level::Item
        } else {
            ketluan::Level::Document
        };
        let index = ketluan::Index::open_read_only(indexed().join("idx")).expect("open");
        let from_library = index
            .search(
                &ketluan::SearchRequest::new("quy hoach")
                    .level(level)
                    .limit(100),
            )
            .expect("search");
        assert_eq!(from_cli, from_library);
        assert!(from_cli.hits.len() > 1);
    }
}

#[test]
fn issuer_and_submitter_flags_and_unknown_kinds() {
    let either = search(&["--body", "UBND", "--level", "document", "--limit", "100"]);
    let submitter = search(&[
        "--submitter",
        "UBND",
        "--level",
        "document",
        "--limit",
        "100",
    ]);
    assert!(!either.is_empty());
    assert_eq!(sources(&either), sources(&submitter));
    let items = search(&["--body", "UBND", "--limit", "1000"]);
    assert!(items.len() >= either.len());
    let issuer = search(&["--issuer", "Thành ủy Hải Phòng", "--limit", "100"]);
    assert!(!issuer.is_empty());
    assert!(
        issuer
            .iter()
            .all(|h| h["source"] == "docs/hai-phong-2024-10-18-ky118.txt")
    );

    // Nothing found: the header (and the readable output) say which filter emptied it.
    let run = ketluan(
        indexed(),
        &[
            "search", "--issuer", "UBND", "--level", "document", "--json", "--index", "idx",
        ],
    )
    .ok();
    let header = &run.json_lines()[0];
    assert_eq!(header["total"], 0);
    assert_eq!(
        header["notes"],
        serde_json::json!(["without the issuer filter (\"UBND\") 6 documents match"])
    );
    let run = ketluan(
        indexed(),
        &[
            "search", "--issuer", "UBND", "--level", "document", "--index", "idx",
        ],
    )
    .ok();
    assert!(
        run.stdout
            .contains("(without the issuer filter (\"UBND\") 6 documents match)\n")
    );

    let run = ketluan(
        indexed(),
        &["search", "--kind", "công điện", "--index", "idx"],
    )
    .fails(2);
    assert_eq!(
        run.stderr,
        "error: unknown kind \"công điện\"; the kinds are \"THÔNG BÁO KẾT LUẬN\", \"KẾT LUẬN\", \"THÔNG BÁO\", \"NGHỊ QUYẾT\", \"CHỈ THỊ\", \"QUY ĐỊNH\", \"QUYẾT ĐỊNH\", \"KẾ HOẠCH\", \"HƯỚNG DẪN\", \"CHƯƠNG TRÌNH\", \"BÁO CÁO\"\n"
    );
}

#[test]
fn filter_only_hits_show_no_score() {
    let run = ketluan(
        indexed(),
        &[
            "search",
            "--session",
            "17",
            "--limit",
            "1",
            "--index",
            "idx",
        ],
    )
    .ok();
    assert!(!run.stdout.contains("[0.00]"), "{}", run.stdout);
    let run = ketluan(
        indexed(),
        &["search", "lang son", "--limit", "1", "--index", "idx"],
    )
    .ok();
    assert!(run.lines()[0].ends_with(']'), "{}", run.stdout);
}

#[test]
fn one_file_is_one_document_however_its_path_is_spelt() {
    let dir = workspace();
    let absolute = dir.path().join("docs").join(LANG_SON);
    let absolute = absolute.to_str().expect("UTF-8 path");
    let run = ketluan(
        dir.path(),
        &[
            "index",
            &format!("docs/{LANG_SON}"),
            &format!("./docs/{LANG_SON}"),
            &format!("docs//x/../{LANG_SON}").replace("/x/..", "/../docs"),
            absolute,
            "--index",
            "idx",
        ],
    )
    .ok();
    assert_eq!(
        run.lines(),
        ["indexed: 4, replaced: 3, failed: 0 (index idx holds 1 documents)"]
    );
    let run = ketluan(dir.path(), &["search", "--json", "--index", "idx"]).ok();
    assert_eq!(run.json_lines()[1]["key"], format!("docs/{LANG_SON}"));
    // `show` finds it by any path to the file too.
    let run = ketluan(
        dir.path(),
        &["show", &format!("./docs/{LANG_SON}"), "--index", "idx"],
    )
    .ok();
    assert!(run.stdout.starts_with(&format!("== docs/{LANG_SON}\n")));
}

#[test]
fn an_empty_folder_is_a_warning_and_a_failed_first_run_leaves_nothing() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("empty")).expect("dir");
    let run = ketluan(dir.path(), &["index", "empty", "--index", "idx"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "warning: no document (.txt, .md, .docx, .doc, .pdf, .html, .htm) in empty; nothing indexed\n"
    );
    assert!(run.stdout.is_empty());
    assert!(!dir.path().join("idx").exists());

    let run = ketluan(dir.path(), &["index", "missing", "--index", "idx"]).fails(1);
    assert!(
        run.stderr
            .starts_with("error: missing: no such file or directory"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("idx").exists());

    // An empty directory given as the index stays, empty.
    std::fs::create_dir(dir.path().join("idx")).expect("dir");
    ketluan(dir.path(), &["index", "missing", "--index", "idx"]).fails(1);
    assert_eq!(
        std::fs::read_dir(dir.path().join("idx"))
            .expect("idx")
            .count(),
        0
    );
}

#[test]
fn search_show_and_stats_write_nothing_to_the_index() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("ro");
    std::fs::create_dir(&copy).expect("dir");
    for entry in std::fs::read_dir(indexed().join("idx")).expect("idx") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        if !name.to_string_lossy().ends_with(".lock") {
            std::fs::copy(&path, copy.join(&name)).expect("copy");
            std::fs::set_permissions(copy.join(&name), std::fs::Permissions::from_mode(0o444))
                .expect("chmod");
        }
    }
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let listing = || -> Vec<(String, u64, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(&copy)
            .expect("ro")
            .map(|e| {
                let e = e.expect("entry");
                let m = e.metadata().expect("metadata");
                (
                    e.file_name().to_string_lossy().into_owned(),
                    m.len(),
                    m.modified().expect("mtime"),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = listing();
    ketluan(dir.path(), &["search", "lang son", "--index", "ro"]).ok();
    ketluan(dir.path(), &["stats", "--index", "ro"]).ok();
    let key = format!("docs/{LANG_SON}");
    ketluan(dir.path(), &["show", &key, "--index", "ro"]).ok();
    assert_eq!(listing(), before);
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn index_takes_every_format_and_lists_what_it_cannot_read() {
    let dir = workspace();
    let formats = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mixed = dir.path().join("docs/mixed");
    std::fs::create_dir(&mixed).expect("mixed dir");
    let mut copied = 0;
    for entry in std::fs::read_dir(&formats).expect("formats") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if ["txt", "docx", "doc", "pdf", "html"]
            .iter()
            .any(|e| name.ends_with(&format!(".{e}")))
        {
            std::fs::copy(&path, mixed.join(&name)).expect("copy");
            copied += 1;
        }
    }
    // 10 readable fixtures, the scan-only PDF and the ZIP bomb.
    assert_eq!(copied, 12);
    let pdf = std::fs::read(formats.join("ninh-thuan.pdf")).expect("pdf");
    std::fs::write(mixed.join("truncated.pdf"), &pdf[..1000]).expect("write");
    std::fs::write(mixed.join("photo.jpg"), b"\xFF\xD8\xFF\xE0").expect("write");

    let run = ketluan(dir.path(), &["index", "docs", "--index", "idx"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.lines(),
        ["indexed: 16, replaced: 0, failed: 3, skipped: 1 (index idx holds 16 documents)"],
        "{}",
        run.stderr
    );
    let mut stderr: Vec<&str> = run.stderr.lines().collect();
    stderr.sort_unstable();
    assert_eq!(stderr.len(), 4, "{}", run.stderr);
    assert!(
        stderr[0].starts_with("error: docs/mixed/bomb.docx: cannot read docx: "),
        "{}",
        stderr[0]
    );
    assert!(
        stderr[1].starts_with("error: docs/mixed/scan-only.pdf: cannot read pdf: no text layer"),
        "{}",
        stderr[1]
    );
    assert!(stderr[1].contains("OCR"), "{}", stderr[1]);
    assert!(
        stderr[2].starts_with("error: docs/mixed/truncated.pdf: cannot read pdf"),
        "{}",
        stderr[2]
    );
    assert!(
        stderr[3].starts_with("skipped: docs/mixed/photo.jpg: "),
        "{}",
        stderr[3]
    );

    // Stats count documents by format and encoding.
    let stats = ketluan(dir.path(), &["stats", "--index", "idx"]).ok();
    assert!(
        stats
            .stdout
            .contains("formats: txt (10); doc (2); docx (2); html (1); pdf (1)"),
        "{}",
        stats.stdout
    );
    assert!(stats.stdout.contains("tcvn3 (3)"), "{}", stats.stdout);
    assert!(stats.stdout.contains("vni (1)"), "{}", stats.stdout);

    // `parse` and `show` work on any supported file.
    let parsed = ketluan(
        dir.path(),
        &["parse", "docs/mixed/ninh-thuan.doc", "--json"],
    )
    .ok();
    let json = &parsed.json_lines()[0];
    assert_eq!(json["source"], "docs/mixed/ninh-thuan.doc");
    assert_eq!(
        (&json["format"], &json["encoding"]),
        (&"doc".into(), &"utf-16le".into())
    );
    let shown = ketluan(
        dir.path(),
        &[
            "show",
            "docs/mixed/con-dao.vni.txt",
            "--index",
            "idx",
            "--json",
        ],
    )
    .ok();
    let json = &shown.json_lines()[0];
    assert!(
        json["items"].as_array().is_some_and(|a| !a.is_empty()),
        "{json}"
    );
}

/// Fail open: a text that is not a conclusion is indexed, counted as one with
/// warnings, and found by its words.
#[test]
fn index_keeps_documents_it_does_not_fully_understand() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("docs/news.txt"),
        "Sáng nay, tại thành phố, đoàn công tác đã kiểm tra tiến độ xây dựng cầu Bến Thủy 3.\n",
    )
    .expect("write");
    let run = ketluan(dir.path(), &["index", "docs", "--index", "idx"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.lines(),
        ["indexed: 7, replaced: 0, failed: 0, with warnings: 1 (index idx holds 7 documents)"]
    );
    assert_eq!(
        run.stderr,
        "warning: docs/news.txt: line 1: no conclusion layout recognised: no title (KẾT LUẬN, THÔNG BÁO KẾT LUẬN …) found; the whole text is kept (+2 more; `ketluan parse` lists them)\n"
    );
    let run = ketluan(
        dir.path(),
        &["search", "cầu Bến Thủy", "--json", "--index", "idx"],
    )
    .ok();
    let hits = run.json_lines();
    assert_eq!(hits[1]["key"], "docs/news.txt");
}

#[test]
fn human_output_heads_each_tier() {
    // No item has `xyzabc`: the hits have two of the three words.
    let run = ketluan(indexed(), &["search", "điện gió xyzabc", "--index", "idx"]).ok();
    let lines = run.lines();
    assert_eq!(lines[0], "== 2 of 3 words", "{lines:#?}");
    assert!(!lines.iter().any(|l| l.contains("most of them")));
    let both = ketluan(indexed(), &["search", "điện gió", "--index", "idx"]).ok();
    let lines = both.lines();
    assert_eq!(lines[0], "== all 2 words", "{lines:#?}");
    assert!(lines.contains(&"== 1 of 2 words"), "{lines:#?}");
    // One tier only: no header.
    let one = ketluan(indexed(), &["search", "Khuổi", "--index", "idx"]).ok();
    assert!(!one.lines().iter().any(|l| l.starts_with("==")));
}
