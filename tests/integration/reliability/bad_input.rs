//! Hostile input: every case ends in a typed error or a sensible result, never a panic.

use ketluan::{AgendaItem, Index, Level, SearchRequest, SearchResults};

use super::support::{document, item, marked};

/// An in-RAM index with three documents: `a` about administrative borders,
/// `b` whose text holds the function words "của và về các", `c` about cadres.
fn small_index() -> Index {
    let index = Index::create_in_ram().expect("in-RAM index");
    let mut writer = index.writer().expect("writer");
    writer.add("a", &marked("alpha")).expect("add");
    writer
        .add(
            "b",
            &document(vec![item(
                1,
                "báo cáo tổng kết",
                "Ý kiến của và về các nội dung đã thống nhất.",
            )]),
        )
        .expect("add");
    writer
        .add(
            "c",
            &document(vec![item(
                1,
                "quy hoạch cán bộ",
                "Đồng ý quy hoạch cán bộ nhiệm kỳ 2025 - 2030.",
            )]),
        )
        .expect("add");
    writer.commit().expect("commit");
    index
}

fn search(index: &Index, text: &str) -> SearchResults {
    let results = index
        .search(&SearchRequest::new(text).limit(100))
        .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    assert!(results.total >= results.hits.len());
    for hit in &results.hits {
        for range in &hit.snippet.highlights {
            assert!(hit.snippet.text.get(range.clone()).is_some());
        }
    }
    results
}

fn keys(results: &SearchResults) -> Vec<&str> {
    let mut keys: Vec<&str> = results.hits.iter().map(|h| h.key.as_str()).collect();
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn a_query_of_ten_thousand_characters_runs() {
    let index = small_index();
    // Real words repeated: every one must match, and some document has them all.
    let words = "địa giới hành chính ";
    let long: String = words.repeat(10_000 / words.chars().count());
    assert!(long.chars().count() >= 9_980);
    assert_eq!(keys(&search(&index, &long)), ["a"]);
    // One enormous "word", and a flood of quotes and minus signs.
    let one_word = "đ".repeat(10_000);
    assert_eq!(search(&index, &one_word).total, 0);
    let quotes = "\"-".repeat(5_000);
    search(&index, &quotes);
    // As a filter too.
    let results = index
        .search(
            &SearchRequest::new("")
                .body(long.as_str())
                .topic(long.as_str()),
        )
        .expect("long filters");
    assert_eq!(results.total, 0);
}

#[test]
fn only_punctuation_means_no_words_at_all() {
    let index = small_index();
    let everything = search(&index, "");
    assert_eq!(everything.total, 5, "3 + 1 + 1 items");
    for text in ["!!! ... ,;: ()", "-", "\"\"", "– — … « » ¿ ؟ 。"] {
        let results = search(&index, text);
        assert_eq!(results.total, everything.total, "{text:?}");
    }
    // A body filter with no word names no body: nothing matches.
    let results = index
        .search(&SearchRequest::new("").body("..."))
        .expect("punctuation body");
    assert_eq!(results.total, 0);
}

#[test]
fn function_words_are_searched_like_any_word() {
    let index = small_index();
    let results = search(&index, "của và về các");
    assert_eq!(keys(&results), ["b"]);
    assert!(!results.hits[0].snippet.highlights.is_empty());
    // Folded, too.
    assert_eq!(keys(&search(&index, "cua va ve cac")), ["b"]);
}

#[test]
fn unbalanced_quotes_are_read_as_far_as_they_go() {
    let index = small_index();
    assert_eq!(keys(&search(&index, "\"địa giới")), ["a"]);
    assert_eq!(keys(&search(&index, "địa giới\"")), ["a"]);
    assert_eq!(keys(&search(&index, "\"cán bộ\" \"quy")), ["c"]);
    assert_eq!(keys(&search(&index, "“quy hoạch")), ["c"]);
    assert_eq!(search(&index, "\"").total, search(&index, "").total);
    assert_eq!(search(&index, "-\"").total, search(&index, "").total);
}

#[test]
fn control_characters_separate_words() {
    let index = small_index();
    let results = search(&index, "địa\u{0}giới\thành\u{7}chính\u{1b}\u{7f}");
    assert_eq!(keys(&results), ["a"]);
    for c in [
        '\u{0}', '\u{1}', '\u{8}', '\u{1b}', '\u{7f}', '\u{9f}', '\u{2028}',
    ] {
        search(&index, &c.to_string());
        search(&index, &format!("\"{c}\" -{c}"));
    }

    // Control characters inside a stored document come back verbatim.
    let mut doc = document(vec![item(
        1,
        "kiểm\u{0}tra",
        "Nội dung\u{1}có\u{1b}[1mký tự\u{7f}điều khiển.",
    )]);
    doc.preamble = "\u{0}\u{8}".into();
    let mut writer = index.writer().expect("writer");
    writer.add("ctl", &doc).expect("add");
    writer.commit().expect("commit");
    assert_eq!(index.get("ctl").expect("get"), Some(doc));
    assert_eq!(keys(&search(&index, "tu dieu khien")), ["ctl"]);
}

#[test]
fn keys_with_path_separators_are_only_names() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("index");
    let index = Index::create_in_dir(&dir).expect("create");
    let hostile = [
        "../../outside.txt",
        "..",
        "/etc/passwd",
        "a/../../b",
        "C:\\Windows\\system32",
        "dir/sub/file.txt",
        "tên tệp có dấu.txt",
        "with\u{0}nul",
        "",
    ];
    let mut writer = index.writer().expect("writer");
    for (i, key) in hostile.iter().enumerate() {
        writer
            .add(key, &marked(&format!("key{i}")))
            .unwrap_or_else(|e| panic!("{key:?}: {e}"));
    }
    writer.commit().expect("commit");
    writer.close().expect("close");

    let mut expected: Vec<String> = hostile.iter().map(|k| k.to_string()).collect();
    expected.sort();
    assert_eq!(index.keys().expect("keys"), expected);
    for (i, key) in hostile.iter().enumerate() {
        assert_eq!(
            index.get(key).expect("get"),
            Some(marked(&format!("key{i}"))),
            "{key:?}"
        );
        let results = index
            .search(&SearchRequest::new(format!("key{i}")).level(Level::Document))
            .expect("search");
        assert_eq!(results.hits.len(), 1);
        assert_eq!(results.hits[0].key, *key);
    }
    // Nothing was written beside the index directory, and inside it only
    // the engine's own files.
    let beside: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(beside, ["index"]);
    for entry in std::fs::read_dir(&dir).expect("list") {
        let entry = entry.expect("entry");
        assert!(entry.file_type().expect("type").is_file(), "{entry:?}");
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains("outside") && !name.contains("passwd") && !name.contains("file.txt"),
            "{name}"
        );
    }
    // A prefix of a key is not the key.
    assert_eq!(index.get("../..").expect("get"), None);
    let mut writer = index.writer().expect("writer");
    assert!(writer.delete("..").expect("delete"));
    assert!(!writer.delete("../").expect("delete"));
    writer.commit().expect("commit");
    assert_eq!(index.keys().expect("keys").len(), hostile.len() - 1);
}

#[test]
fn a_document_with_ten_thousand_items_is_indexed() {
    // Short items: the point is their number (a debug build indexes slowly).
    let items = (1..=10_000)
        .map(|n| AgendaItem {
            number: n,
            heading: format!("{n}. Mục {n}"),
            reference: None,
            topic: format!("mục {n}"),
            text: format!("Kết luận mã{n}."),
            assignments: Vec::new(),
            deadlines: Vec::new(),
        })
        .collect();
    let mut doc = document(items);
    doc.place = None;
    let index = Index::create_in_ram().expect("index");
    let mut writer = index.writer().expect("writer");
    writer.add("big", &doc).expect("add");
    writer.commit().expect("commit");
    let stats = index.stats().expect("stats");
    assert_eq!((stats.documents, stats.items), (1, 10_000));
    let results = index.search(&SearchRequest::new("mã9999")).expect("search");
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].item, Some(9_999));
    let results = index
        .search(&SearchRequest::new("kết luận").level(Level::Document))
        .expect("search");
    assert_eq!((results.total, results.hits.len()), (1, 1));
    assert_eq!(index.get("big").expect("get"), Some(doc));
}
