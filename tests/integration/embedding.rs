//! What an application built on the library relies on: read-only indexes,
//! hits that carry their item, serde forms, filters, typed errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ketluan::{
    Assignment, Date, Document, Error, ErrorKind, Index, Level, SearchRequest, SearchResults,
};
use time::macros::date;

use crate::made::{doc, item};

/// Two documents: Lạng Sơn (items 1 and 2, item 2 with a task due in June
/// 2022) and Hải Phòng (one item, spelt with the old tone placement).
fn documents() -> Vec<(&'static str, Document)> {
    let mut lang_son = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Lạng Sơn",
        date!(2022 - 03 - 04),
        vec![
            item(
                1,
                "điều chỉnh địa giới hành chính",
                "Đồng ý chủ trương điều chỉnh địa giới hành chính.",
            ),
            item(
                2,
                "quy hoạch đô thị",
                "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉnh sửa quy hoạch chính thức.",
            ),
        ],
    );
    lang_son.items[1].deadlines = vec!["2022-06".parse().unwrap()];
    lang_son.items[1].assignments = vec![Assignment {
        assignee: "Ban cán sự đảng Ủy ban nhân dân tỉnh".into(),
        task: "chỉnh sửa quy hoạch chính thức".into(),
        deadline: Some("2022-06".parse().unwrap()),
    }];
    let mut hai_phong = doc(
        "Ban Thường vụ Thành ủy",
        "Hải Phòng",
        date!(2024 - 10 - 18),
        vec![item(1, "quy hoạch cán bộ", "Đồng ý quy hoạch.")],
    );
    hai_phong.items[0].reference.as_mut().unwrap().body = Some("Ban Tổ chức Thành uỷ".into());
    vec![("lang-son.txt", lang_son), ("hai-phong.txt", hai_phong)]
}

fn on_disk(dir: &Path) -> PathBuf {
    let path = dir.join("idx");
    let index = Index::create_in_dir(&path).unwrap();
    let mut writer = index.writer().unwrap();
    for (key, d) in documents() {
        writer.add(key, &d).unwrap();
    }
    writer.commit().unwrap();
    writer.close().unwrap();
    path
}

fn in_ram() -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    for (key, d) in documents() {
        writer.add(key, &d).unwrap();
    }
    writer.commit().unwrap();
    index
}

/// Every file under `dir` with its size and modification time.
fn listing(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        out.insert(entry.path(), (meta.len(), meta.modified().unwrap()));
    }
    out
}

fn set_read_only(dir: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let mode = if read_only { 0o444 } else { 0o644 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let mode = if read_only { 0o555 } else { 0o755 };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_copy_is_searched_without_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let original = on_disk(dir.path());
    let copy = dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&original).unwrap() {
        let path = entry.unwrap().path();
        // The writer's lock files are not part of the index.
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with(".lock")
        {
            std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
        }
    }
    set_read_only(&copy, true);
    let before = listing(&copy);

    let index = Index::open_read_only(&copy).unwrap();
    assert!(index.is_read_only());
    let results = index
        .search(
            &SearchRequest::new("quy hoach")
                .issuer("Tỉnh ủy")
                .deadline_range(Some(date!(2022 - 06 - 01)), None),
        )
        .unwrap();
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!((hit.key.as_str(), hit.item), ("lang-son.txt", Some(2)));
    assert_eq!(hit.deadlines[0].to_string(), "2022-06");
    assert_eq!(index.num_documents().unwrap(), 2);
    assert_eq!(index.stats().unwrap().items, 3);
    assert!(index.get("hai-phong.txt").unwrap().is_some());

    let err = index.writer().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ReadOnly);
    assert_eq!(
        err.to_string(),
        format!(
            "{}: index is open read-only; open it with `Index::open` to write",
            copy.display()
        )
    );
    drop(index);
    // No lock file, no clean-up: the directory is as it was.
    assert_eq!(listing(&copy), before);
    set_read_only(&copy, false);
}

#[test]
fn hits_carry_the_item_and_the_matching_items() {
    let index = in_ram();
    let items = index
        .search(&SearchRequest::new("quy hoach chinh thuc"))
        .unwrap();
    let hit = &items.hits[0];
    assert_eq!((hit.key.as_str(), hit.item), ("lang-son.txt", Some(2)));
    assert_eq!(hit.topic.as_deref(), Some("quy hoạch đô thị"));
    assert_eq!(
        hit.reference.as_ref().unwrap().number.as_deref(),
        Some("2-TTr/BCSĐ")
    );
    assert_eq!(hit.assignments[0].task, "chỉnh sửa quy hoạch chính thức");
    assert_eq!(hit.matched_items, [2]);

    let documents = index
        .search(&SearchRequest::new("dong y").level(Level::Document))
        .unwrap();
    let lang_son = documents
        .hits
        .iter()
        .find(|h| h.key == "lang-son.txt")
        .unwrap();
    assert_eq!(lang_son.item, None);
    assert_eq!(lang_son.matched_items, [1]);
    let all = index
        .search(
            &SearchRequest::new("")
                .issuer("Tỉnh ủy Lạng Sơn")
                .level(Level::Document),
        )
        .unwrap();
    assert_eq!(all.hits[0].matched_items, [1, 2]);
    assert!(!all.ranked);

    let read = index.item("lang-son.txt", 2).unwrap().unwrap();
    assert_eq!(read.deadlines, hit.deadlines);
    assert_eq!(index.item("lang-son.txt", 9).unwrap(), None);
}

#[test]
fn requests_and_results_have_a_stable_json_form() {
    let request = SearchRequest::new("dia gioi")
        .issuer("UBND")
        .date_range(Some(date!(2022 - 01 - 01)), None)
        .level(Level::Document);
    let json = serde_json::to_string(&request).unwrap();
    assert_eq!(
        json,
        r#"{"text":"dia gioi","topic":null,"body":null,"issuer":"UBND","submitter":null,"assignee":null,"date_from":"2022-01-01","date_to":null,"due_from":null,"due_to":null,"session":null,"reference":null,"kind":null,"level":"document","limit":10,"offset":0,"facets":true,"exact_total":false}"#
    );
    assert_eq!(
        serde_json::from_str::<SearchRequest>(&json).unwrap(),
        request
    );
    assert_eq!(
        serde_json::from_str::<SearchRequest>("{}").unwrap(),
        SearchRequest::default()
    );
    let typo = serde_json::from_str::<SearchRequest>(r#"{"bdy":"UBND"}"#).unwrap_err();
    assert!(
        typo.to_string().starts_with("unknown field `bdy`"),
        "{typo}"
    );

    let results = in_ram()
        .search(&SearchRequest::new("quy hoach chinh thuc").limit(1))
        .unwrap();
    let json = serde_json::to_value(&results).unwrap();
    let hit = &json["hits"][0];
    assert_eq!(hit["key"], "lang-son.txt");
    assert_eq!(hit["deadlines"], serde_json::json!(["2022-06"]));
    assert_eq!(hit["assignments"][0]["deadline"], "2022-06");
    assert_eq!(hit["date"], "2022-03-04");
    assert!(hit["snippet"].is_string());
    assert!(hit["highlights"][0].is_array());
    // Facets count every tier of hits, as the total does.
    let years: u64 = json["facets"]["year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| pair[1].as_u64().unwrap())
        .sum();
    assert_eq!(json["total"], years);
    assert_eq!(hit["matched"], 4);
    let back: SearchResults = serde_json::from_value(json).unwrap();
    assert_eq!(back, results);
    let _: Date = date!(2022 - 01 - 01);
}

#[test]
fn body_issuer_and_submitter_mean_the_same_at_both_levels() {
    let index = in_ram();
    let keys = |request: SearchRequest| -> Vec<String> {
        let mut k: Vec<String> = index
            .search(&request.limit(100))
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.key)
            .collect();
        k.sort();
        k.dedup();
        k
    };
    for level in [Level::Item, Level::Document] {
        let r = || SearchRequest::new("").level(level);
        // Ban cán sự đảng UBND submits in Lạng Sơn only; no UBND issues.
        assert_eq!(keys(r().body("UBND")), ["lang-son.txt"], "{level:?}");
        assert_eq!(keys(r().submitter("UBND")), ["lang-son.txt"], "{level:?}");
        assert!(keys(r().issuer("UBND")).is_empty(), "{level:?}");
        // Thành ủy Hải Phòng both issues and submits there.
        assert_eq!(keys(r().issuer("Thành ủy")), ["hai-phong.txt"]);
        assert_eq!(
            keys(r().submitter("Ban Tổ chức Thành ủy")),
            ["hai-phong.txt"]
        );
        assert!(keys(r().submitter("Ban Thường vụ")).is_empty());
    }
}

#[test]
fn an_empty_result_says_which_filter_emptied_it() {
    let index = in_ram();
    let items = index
        .search(&SearchRequest::new("").issuer("UBND").session(17))
        .unwrap();
    assert_eq!(items.total, 0);
    assert_eq!(
        items.notes,
        [r#"without the issuer filter ("UBND") 3 items match"#]
    );
    let documents = index
        .search(
            &SearchRequest::new("quy hoach")
                .issuer("UBND")
                .level(Level::Document),
        )
        .unwrap();
    assert_eq!(
        documents.notes,
        [r#"without the issuer filter ("UBND") 2 documents match"#]
    );
    let found = index
        .search(&SearchRequest::new("").issuer("Tỉnh ủy"))
        .unwrap();
    assert!(found.total > 0 && found.notes.is_empty());
}

#[test]
fn an_unknown_kind_is_an_invalid_request_naming_the_kinds() {
    let index = in_ram();
    let err = index
        .search(&SearchRequest::new("").kind("công điện"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert_eq!(
        err.to_string(),
        r#"invalid search request: unknown kind "công điện"; the kinds are "THÔNG BÁO KẾT LUẬN", "KẾT LUẬN", "THÔNG BÁO", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY ĐỊNH", "QUYẾT ĐỊNH", "KẾ HOẠCH", "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "BÁO CÁO""#
    );
    assert_eq!(
        index
            .search(&SearchRequest::new("").kind("ket luan"))
            .unwrap()
            .total,
        3
    );
}

#[test]
fn highlights_keep_the_exact_form_the_user_typed() {
    let index = in_ram();
    let marked = |q: &str| -> Vec<String> {
        let r = index
            .search(&SearchRequest::new(q).topic("quy hoạch đô thị"))
            .unwrap();
        let s = &r.hits[0].snippet;
        s.highlights
            .iter()
            .map(|h| s.text[h.clone()].to_string())
            .collect()
    };
    // The text has "chỉnh sửa quy hoạch chính thức".
    assert_eq!(marked("chính"), ["quy", "hoạch", "chính"]);
    assert_eq!(marked("chinh"), ["chỉnh", "quy", "hoạch", "chính"]);
}

#[test]
fn facets_use_the_spelling_most_documents_use() {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    for (key, body, place) in [
        ("a", "Ban Thường vụ Tỉnh ủy", "Hòa Bình"),
        ("b", "Ban Thường vụ Tỉnh ủy", "Hòa Bình"),
        ("c", "Ban Thường vụ Tỉnh uỷ", "Hoà Bình"),
    ] {
        let d = doc(body, place, date!(2019 - 04 - 19), vec![item(1, "x", "y")]);
        writer.add(key, &d).unwrap();
    }
    writer.commit().unwrap();
    let r = index.search(&SearchRequest::new("").limit(3)).unwrap();
    assert_eq!(
        r.facets.issuing_body,
        [("Ban Thường vụ Tỉnh ủy".to_string(), 3)]
    );
    assert_eq!(r.facets.place, [("Hòa Bình".to_string(), 3)]);
    let c = r.hits.iter().find(|h| h.key == "c").unwrap();
    assert_eq!(c.issuing_body.as_deref(), Some("Ban Thường vụ Tỉnh uỷ"));
    // The facet value finds every document as a filter.
    let filtered = index
        .search(&SearchRequest::new("").issuer(&r.facets.issuing_body[0].0))
        .unwrap();
    assert_eq!(filtered.total, 3);
}

#[test]
fn error_messages_and_kinds_are_pinned() {
    let dir = tempfile::tempdir().unwrap();
    let path = on_disk(dir.path());
    let shown = path.display();

    let err = Index::create_in_dir(&path).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IndexExists);
    assert_eq!(
        err.to_string(),
        format!("{shown}: an index already exists there; open it instead")
    );

    let index = Index::open(&path).unwrap();
    let _writer = index.writer().unwrap();
    let err = Index::open(&path).unwrap().writer().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IndexLocked);
    assert_eq!(
        err.to_string(),
        format!("{shown}: index is locked by another writer")
    );

    let missing = dir.path().join("missing");
    let err = Index::open_read_only(&missing).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotAnIndex);
    assert_eq!(err.path(), Some(missing.as_path()));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not a ketluan index (no such directory)",
            missing.display()
        )
    );

    let err = Document::from_file(&missing).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert_eq!(
        err.to_string(),
        format!(
            "{}: no such file or directory (os error 2)",
            missing.display()
        )
    );

    let err = Error::Parse {
        line: 1,
        expected: "a title".into(),
        found: "hello".into(),
    }
    .in_file("a.txt")
    .in_file("batch");
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert!(matches!(err.root_cause(), Error::Parse { line: 1, .. }));
    assert_eq!(
        err.to_string(),
        r#"batch: a.txt: line 1: expected a title, found "hello""#
    );
    assert_eq!(
        std::error::Error::source(&err).map(|s| s.to_string()),
        Some(r#"a.txt: line 1: expected a title, found "hello""#.to_string())
    );

    let err = in_ram()
        .search(
            &SearchRequest::new("")
                .date_range(Some(date!(2022 - 02 - 01)), Some(date!(2022 - 01 - 01))),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid search request: date range ends (2022-01-01) before it starts (2022-02-01)"
    );
}
