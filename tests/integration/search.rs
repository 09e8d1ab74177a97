//! Index and search behaviour on documents built in code.

use ketluan::{AddOutcome, Assignment, Deadline, Document, Error, Index, Level, SearchRequest};
use time::Date;
use time::macros::date;

use crate::made::{doc, item};

fn index_of(docs: &[(&str, Document)]) -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    for (key, d) in docs {
        writer.add(key, d).unwrap();
    }
    writer.commit().unwrap();
    index
}

fn keys_and_items(results: &ketluan::SearchResults) -> Vec<(String, Option<u32>)> {
    results
        .hits
        .iter()
        .map(|h| (h.key.clone(), h.item))
        .collect()
}

#[test]
fn replacing_a_key_never_duplicates() {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    let d = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Lạng Sơn",
        date!(2022 - 03 - 04),
        vec![item(1, "mở rộng thành phố", "Đồng ý.")],
    );
    assert_eq!(writer.add("a.txt", &d).unwrap(), AddOutcome::Added);
    assert_eq!(writer.add("a.txt", &d).unwrap(), AddOutcome::Replaced);
    writer.commit().unwrap();
    assert_eq!(index.num_documents().unwrap(), 1);
    assert_eq!(writer.add("a.txt", &d).unwrap(), AddOutcome::Replaced);
    writer.commit().unwrap();
    assert_eq!(index.num_documents().unwrap(), 1);
    assert_eq!(
        index.search(&SearchRequest::new("mo rong")).unwrap().total,
        1
    );
    assert!(writer.delete("a.txt").unwrap());
    writer.commit().unwrap();
    assert_eq!(index.num_documents().unwrap(), 0);
    assert!(!writer.delete("a.txt").unwrap());
}

#[test]
fn stored_document_reads_back_equal() {
    let mut d = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Lạng Sơn",
        date!(2022 - 03 - 04),
        vec![
            item(1, "mở rộng thành phố", "Đồng ý."),
            item(2, "chuyển đổi số", "Giao Văn phòng Tỉnh ủy."),
        ],
    );
    d.preamble = "Ngày 04 tháng 3 năm 2022, …".into();
    let index = index_of(&[("dir/../a.txt", d.clone())]);
    assert_eq!(index.get("dir/../a.txt").unwrap(), Some(d));
    assert_eq!(index.get("missing").unwrap(), None);
    assert_eq!(index.keys().unwrap(), vec!["dir/../a.txt".to_string()]);
}

#[test]
fn unaccented_query_finds_accented_text_and_exact_ranks_first() {
    let index = index_of(&[
        (
            "ban.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "kế hoạch", "Giá ban đầu của nhà đầu tư.")],
            ),
        ),
        (
            "bán.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "kế hoạch", "Giá bán đầu của nhà đầu tư.")],
            ),
        ),
    ]);
    let plain = index.search(&SearchRequest::new("dau tu")).unwrap();
    assert_eq!(plain.total, 2);
    let accented = index.search(&SearchRequest::new("bán")).unwrap();
    assert_eq!(accented.total, 2, "folded match still found");
    assert_eq!(accented.hits[0].key, "bán.txt");
    assert!(accented.hits[0].score > accented.hits[1].score);
}

#[test]
fn consecutive_syllables_rank_above_scattered_ones() {
    let index = index_of(&[
        (
            "scattered.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(
                    1,
                    "kế hoạch",
                    "Địa bàn giới thiệu việc hành quân của chính quyền.",
                )],
            ),
        ),
        (
            "phrase.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(
                    1,
                    "kế hoạch",
                    "Điều chỉnh địa giới hành chính của tỉnh.",
                )],
            ),
        ),
    ]);
    let r = index
        .search(&SearchRequest::new("dia gioi hanh chinh"))
        .unwrap();
    assert_eq!(r.total, 2);
    assert_eq!(r.hits[0].key, "phrase.txt");
    let quoted = index
        .search(&SearchRequest::new("\"dia gioi hanh chinh\""))
        .unwrap();
    assert_eq!(
        keys_and_items(&quoted),
        vec![("phrase.txt".to_string(), Some(1))]
    );
}

#[test]
fn topic_match_outranks_text_match() {
    let index = index_of(&[
        (
            "text.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "kế hoạch năm", "Phát triển du lịch sinh thái.")],
            ),
        ),
        (
            "topic.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "du lịch sinh thái", "Thống nhất kế hoạch năm.")],
            ),
        ),
    ]);
    let r = index
        .search(&SearchRequest::new("du lich sinh thai"))
        .unwrap();
    assert_eq!(r.hits[0].key, "topic.txt");
    let topic_only = index
        .search(&SearchRequest::new("").topic("du lịch"))
        .unwrap();
    assert_eq!(
        keys_and_items(&topic_only),
        vec![("topic.txt".to_string(), Some(1))]
    );
}

#[test]
fn filters_never_change_scores() {
    let index = index_of(&[
        (
            "a.txt",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "chuyển đổi số", "Đồng ý chủ trương chuyển đổi số.")],
            ),
        ),
        (
            "b.txt",
            doc(
                "Ban Thường vụ Thành ủy",
                "Hải Phòng",
                date!(2024 - 10 - 18),
                vec![item(1, "chuyển đổi số", "Đồng ý chủ trương.")],
            ),
        ),
    ]);
    let all = index.search(&SearchRequest::new("chuyen doi so")).unwrap();
    let filtered = index
        .search(
            &SearchRequest::new("chuyen doi so")
                .body("Tỉnh ủy Lạng Sơn")
                .date_range(Some(date!(2022 - 01 - 01)), Some(date!(2022 - 12 - 31)))
                .session(17),
        )
        .unwrap();
    assert_eq!(filtered.total, 1);
    let a = all.hits.iter().find(|h| h.key == "a.txt").unwrap();
    assert_eq!(filtered.hits[0].score, a.score);
}

#[test]
fn body_filter_understands_abbreviations_places_and_tiers() {
    let mut tinh = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Lạng Sơn",
        date!(2022 - 03 - 04),
        vec![item(1, "quy hoạch cán bộ", "Đồng ý.")],
    );
    tinh.items[0].reference.as_mut().unwrap().body = Some("Ban Tổ chức Tỉnh uỷ".into());
    let mut thanh = doc(
        "Ban Thường vụ Thành ủy",
        "Hải Phòng",
        date!(2024 - 10 - 18),
        vec![item(1, "quy hoạch cán bộ", "Đồng ý.")],
    );
    thanh.items[0].reference.as_mut().unwrap().body = Some("Ban Tổ chức Thành ủy".into());
    let ubnd = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Ninh Thuận",
        date!(2020 - 06 - 12),
        vec![item(1, "điện gió", "Đồng ý.")],
    );
    let index = index_of(&[("tinh", tinh), ("thanh", thanh), ("ubnd", ubnd)]);
    let keys = |body: &str, level: Level| -> Vec<String> {
        let mut k: Vec<String> = index
            .search(&SearchRequest::new("").body(body).level(level))
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.key)
            .collect();
        k.sort();
        k
    };
    assert_eq!(keys("Ban Tổ chức Tỉnh ủy", Level::Item), ["tinh"]);
    assert_eq!(keys("BTCTU", Level::Item), ["tinh"]);
    assert_eq!(keys("ban to chuc thanh uy", Level::Item), ["thanh"]);
    assert_eq!(keys("UBND Ninh Thuận", Level::Item), ["ubnd"]);
    assert_eq!(keys("BTV TU Lạng Sơn", Level::Document), ["tinh"]);
    assert_eq!(
        keys("Ban Thường vụ Tỉnh uỷ", Level::Document),
        ["tinh", "ubnd"]
    );
    assert_eq!(keys("Thành ủy Hải Phòng", Level::Document), ["thanh"]);
    assert!(keys("Huyện ủy", Level::Document).is_empty());
}

#[test]
fn deadline_range_matches_any_day_of_a_month_deadline() {
    let mut d = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Lạng Sơn",
        date!(2022 - 03 - 04),
        vec![item(1, "nghị quyết", "Trình trong tháng 6/2022.")],
    );
    d.items[0].deadlines = vec!["2022-06".parse::<Deadline>().unwrap()];
    d.items[0].assignments = vec![Assignment {
        assignee: "Ban cán sự đảng UBND tỉnh".into(),
        task: "trình".into(),
        deadline: Some("2022-06".parse().unwrap()),
    }];
    let index = index_of(&[("a", d)]);
    let due = |from: Date, to: Date| {
        index
            .search(&SearchRequest::new("").deadline_range(Some(from), Some(to)))
            .unwrap()
            .total
    };
    assert_eq!(due(date!(2022 - 06 - 30), date!(2022 - 07 - 15)), 1);
    assert_eq!(due(date!(2022 - 05 - 01), date!(2022 - 06 - 01)), 1);
    assert_eq!(due(date!(2022 - 07 - 01), date!(2022 - 07 - 31)), 0);
    let assignee = index
        .search(&SearchRequest::new("").assignee("Ủy ban nhân dân tỉnh"))
        .unwrap();
    assert_eq!(assignee.total, 1);
    assert_eq!(
        index
            .search(&SearchRequest::new("").assignee("Văn phòng Tỉnh ủy"))
            .unwrap()
            .total,
        0
    );
}

#[test]
fn keyword_filters_and_document_level() {
    let mut a = doc(
        "Ban Thường vụ Tỉnh ủy",
        "Lạng Sơn",
        date!(2022 - 03 - 04),
        vec![
            item(48, "địa giới", "x"),
            item(49, "địa giới hành chính", "y"),
        ],
    );
    a.number = Some("96-KL/TU".into());
    let mut b = doc(
        "Thường trực Tỉnh ủy",
        "Hòa Bình",
        date!(2019 - 04 - 19),
        vec![item(1, "nhà ở xã hội", "z")],
    );
    b.kind = Some("THÔNG BÁO KẾT LUẬN".into());
    b.session = None;
    let index = index_of(&[("a", a), ("b", b)]);
    let total = |r: SearchRequest| index.search(&r).unwrap().total;
    assert_eq!(total(SearchRequest::new("").reference("48 - ttr/bcsd")), 1);
    assert_eq!(total(SearchRequest::new("").reference("96-KL/TU")), 2);
    assert_eq!(total(SearchRequest::new("").kind("thông báo kết luận")), 1);
    assert_eq!(total(SearchRequest::new("").kind("KẾT LUẬN")), 2);
    assert_eq!(total(SearchRequest::new("").session(17)), 2);
    let docs = index
        .search(&SearchRequest::new("dia gioi").level(Level::Document))
        .unwrap();
    assert_eq!(docs.total, 1);
    assert_eq!(docs.hits[0].item, None);
    assert_eq!(
        docs.hits[0].topic.as_deref(),
        Some("địa giới"),
        "the best item: shorter topic"
    );
    let all = index
        .search(&SearchRequest::new("").level(Level::Document))
        .unwrap();
    assert_eq!(all.total, 2);
    assert_eq!(all.hits[0].key, "a", "newest first without words");
    assert_eq!(all.facets.year, vec![(2022, 1), (2019, 1)]);
    let items = index.search(&SearchRequest::new("")).unwrap();
    assert_eq!(items.total, 3);
    assert_eq!(
        items.facets.place,
        vec![("Lạng Sơn".to_string(), 2), ("Hòa Bình".to_string(), 1)]
    );
}

#[test]
fn snippets_highlight_the_original_characters() {
    let nfd: String =
        unicode_normalization::UnicodeNormalization::nfd("Ban Thường vụ đồng ý chủ trương đầu tư.")
            .collect();
    let index = index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            vec![item(1, "kế hoạch", &nfd)],
        ),
    )]);
    let r = index.search(&SearchRequest::new("dong y")).unwrap();
    let s = &r.hits[0].snippet;
    let marked: Vec<&str> = s.highlights.iter().map(|h| &s.text[h.clone()]).collect();
    let expected: Vec<String> = ["đồng", "ý"]
        .iter()
        .map(|w| unicode_normalization::UnicodeNormalization::nfd(*w).collect())
        .collect();
    assert_eq!(marked, expected);
    assert!(s.to_html().contains("<b>"));
}

#[test]
fn a_word_typed_in_two_forms_is_highlighted_once() {
    let index = index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            vec![item(1, "môi trường", "Sông bị ô nhiễm nặng.")],
        ),
    )]);
    // `ô` marks the exact form, `o` every spelling: both mark the same word.
    for text in ["ô o nhiễm", "o ô", "\"ô nhiễm\" o"] {
        let r = index.search(&SearchRequest::new(text)).unwrap();
        let s = &r.hits[0].snippet;
        let marked: Vec<&str> = s.highlights.iter().map(|h| &s.text[h.clone()]).collect();
        assert!(
            s.highlights.windows(2).all(|w| w[0].end <= w[1].start),
            "{text}: {:?}",
            s.highlights
        );
        assert!(marked.contains(&"ô"), "{text}: {marked:?}");
    }
}

#[test]
fn any_typed_text_is_accepted() {
    let index = index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            vec![item(1, "kế hoạch", "Đồng ý.")],
        ),
    )]);
    let long = "đồng ý ".repeat(300);
    for q in [
        "\"unbalanced",
        "a:b (c",
        "!!! ??? ...",
        "-",
        "\"\"",
        "của và về các",
        &long,
        "-đồng",
        "\u{0301}\u{0300}",
        "\u{0}\u{1b}[31m",
    ] {
        let r = index.search(&SearchRequest::new(q).limit(5));
        assert!(r.is_ok(), "{q:?}: {r:?}");
    }
    assert_eq!(index.search(&SearchRequest::new("-đồng")).unwrap().total, 0);
    assert!(matches!(
        index.search(
            &SearchRequest::new("")
                .date_range(Some(date!(2022 - 02 - 01)), Some(date!(2022 - 01 - 01)))
        ),
        Err(Error::InvalidRequest(_))
    ));
    assert_eq!(
        index
            .search(&SearchRequest::new("dong").limit(0))
            .unwrap()
            .total,
        1
    );
}

#[test]
fn opening_what_is_not_an_index_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    assert!(matches!(
        Index::open(&missing),
        Err(Error::NotAnIndex { .. })
    ));
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    assert!(matches!(
        Index::open(dir.path()),
        Err(Error::NotAnIndex { .. })
    ));
    // A tantivy index that is not ours.
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    let mut schema = tantivy::schema::Schema::builder();
    schema.add_text_field("title", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&foreign, schema.build()).unwrap();
    let err = Index::open(&foreign).unwrap_err();
    assert!(matches!(err, Error::NotAnIndex { .. }), "{err}");
}

#[test]
fn on_disk_index_reopens_and_locks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    {
        let index = Index::create_in_dir(&path).unwrap();
        let mut writer = index.writer().unwrap();
        writer
            .add(
                "a",
                &doc(
                    "Ban Thường vụ Tỉnh ủy",
                    "Lạng Sơn",
                    date!(2022 - 03 - 04),
                    vec![item(1, "kế hoạch", "Đồng ý.")],
                ),
            )
            .unwrap();
        writer.commit().unwrap();
        let again = Index::open(&path).unwrap();
        let err = again.writer().unwrap_err();
        assert!(matches!(err, Error::IndexLocked { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            format!("{}: index is locked by another writer", path.display())
        );
    }
    let index = Index::open(&path).unwrap();
    assert_eq!(index.num_documents().unwrap(), 1);
    assert!(index.writer().is_ok());
    assert!(Index::create_in_dir(&path).is_err());
}

#[test]
fn items_with_fewer_words_follow_in_tiers() {
    let index = index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            vec![item(1, "kế hoạch", "Đồng ý chủ trương đầu tư khu du lịch.")],
        ),
    )]);
    let all = index
        .search(&SearchRequest::new("dong y chu truong"))
        .unwrap();
    assert!(!all.partial);
    assert_eq!(all.total, 1);
    let most = index
        .search(&SearchRequest::new("dong y chu truong xyzabc"))
        .unwrap();
    assert!(most.partial);
    assert_eq!(keys_and_items(&most), vec![("a".to_string(), Some(1))]);
    let few = index
        .search(&SearchRequest::new("dong xyzabc qwerty"))
        .unwrap();
    // One word of three, and a common one at that, is below the floor, but
    // a query with an indexed word never comes back empty.
    assert!(few.partial);
    assert_eq!(keys_and_items(&few), vec![("a".to_string(), Some(1))]);
    assert_eq!((few.hits[0].matched, few.hits[0].of), (1, 3));
    let none = index.search(&SearchRequest::new("xyzabc qwerty")).unwrap();
    assert_eq!(none.total, 0, "no word of the query is indexed");
}

#[test]
fn abbreviations_in_free_text_find_the_full_form() {
    let index = index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            vec![item(1, "kế hoạch", "Giao Hội đồng nhân dân tỉnh xem xét.")],
        ),
    )]);
    let r = index.search(&SearchRequest::new("HĐND xem xet")).unwrap();
    assert_eq!(keys_and_items(&r), vec![("a".to_string(), Some(1))]);
    let s = &r.hits[0].snippet;
    let marked: Vec<&str> = s.highlights.iter().map(|h| &s.text[h.clone()]).collect();
    assert!(marked.contains(&"Hội"), "{marked:?}");
    // `tu` typed in lower case is a syllable, not `TU` (Tỉnh ủy).
    assert_eq!(index.search(&SearchRequest::new("tu")).unwrap().total, 0);
}

#[test]
fn quoted_phrase_ranks_exact_diacritics_first() {
    let index = index_of(&[
        (
            "ban",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "kế hoạch", "Quỹ ban đất của tỉnh.")],
            ),
        ),
        (
            "bán",
            doc(
                "Ban Thường vụ Tỉnh ủy",
                "Lạng Sơn",
                date!(2022 - 03 - 04),
                vec![item(1, "kế hoạch", "Quỹ bán đất của tỉnh.")],
            ),
        ),
    ]);
    let r = index.search(&SearchRequest::new("\"bán đất\"")).unwrap();
    assert_eq!(r.total, 2);
    assert_eq!(r.hits[0].key, "bán");
    assert!(r.hits[0].score > r.hits[1].score);
    let none = index.search(&SearchRequest::new("\"đất bán\"")).unwrap();
    assert_eq!(none.total, 0, "a quoted phrase keeps its word order");
}

#[test]
fn excluding_a_phrase_that_never_occurs_keeps_everything() {
    // Found by the search_request fuzzer: both words exist but never side by
    // side, so tantivy's phrase scorer starts exhausted, and its exclusion
    // check then broke a debug assertion (a panic in debug builds).
    let index = index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            vec![
                item(1, "chuyển đổi số", "Đồng ý chủ trương chuyển đổi số."),
                item(2, "quy hoạch", "Giao Sở Xây dựng rà soát quy hoạch."),
            ],
        ),
    )]);
    for (text, want) in [
        ("-\"số quy\"", 2),
        ("-\"hoạch đồng\" quy hoạch", 1),
        ("-\"số quy\" -\"trương đồng\"", 2),
        // A phrase that does occur still excludes.
        ("-\"chuyển đổi số\"", 1),
    ] {
        let results = index.search(&SearchRequest::new(text)).unwrap();
        assert_eq!(results.total, want, "{text}");
    }
}

#[test]
fn nothing_the_parser_did_not_place_is_lost_to_search() {
    // A news page: no title, no items — its words are still found.
    let news = Document::parse(
        "Tin tức - Sự kiện\n\nChiều 12/9, đoàn công tác kiểm tra công trình thủy lợi Khe Tân.\n",
    )
    .unwrap();
    // A conclusion whose subject and preamble hold words no item has.
    let conference = Document::parse(
        "KẾT LUẬN\nHỘI NGHỊ LẦN THỨ 18 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XIX)\n\
         về phát triển du lịch cộng đồng\n\n\
         Ngày 19/7/2024, Ban Chấp hành Đảng bộ tỉnh họp tại Thiên Cầm.\n\n\
         I. ĐÁNH GIÁ TÌNH HÌNH\n\nDu lịch phục hồi.\n",
    )
    .unwrap();
    assert_eq!(
        conference.subject.as_deref(),
        Some("phát triển du lịch cộng đồng")
    );
    let index = index_of(&[("news.txt", news), ("conference.txt", conference)]);

    let hits = index.search(&SearchRequest::new("Khe Tân")).unwrap();
    assert_eq!(keys_and_items(&hits), [("news.txt".to_string(), None)]);
    assert!(
        hits.hits[0].snippet.text.contains("Khe Tân"),
        "{:?}",
        hits.hits[0].snippet
    );

    let hits = index
        .search(&SearchRequest::new("du lich cong dong"))
        .unwrap();
    assert_eq!(
        keys_and_items(&hits),
        [("conference.txt".to_string(), None)]
    );
    let hits = index.search(&SearchRequest::new("Thiên Cầm")).unwrap();
    assert_eq!(hits.total, 1);

    // Without words, the hits are items and documents without items — not the
    // records of documents' own text.
    let all = index.search(&SearchRequest::new("")).unwrap();
    assert_eq!(keys_and_items(&all).len(), 2, "{:?}", keys_and_items(&all));
    assert_eq!(index.stats().unwrap().items, 1);
}

fn forests() -> Index {
    index_of(&[(
        "a",
        doc(
            "Ban Thường vụ Tỉnh ủy",
            "Cà Mau",
            date!(2024 - 03 - 22),
            vec![
                item(
                    1,
                    "rừng ngập mặn",
                    "Bảo vệ và phát triển rừng ngập mặn ven biển.",
                ),
                item(
                    2,
                    "rừng phòng hộ",
                    "Quản lý, bảo vệ rừng phòng hộ đầu nguồn.",
                ),
                item(3, "tài chính", "Quản lý tài chính công."),
                item(4, "hạ tầng", "Đầu tư hạ tầng Internet băng rộng."),
            ],
        ),
    )])
}

#[test]
fn every_word_first_then_fewer_down_to_half_of_them() {
    let index = forests();
    let results = index
        .search(&SearchRequest::new("quản lý, bảo vệ rừng"))
        .unwrap();
    // Every heading says `về`: item 2 has all five words, items 1 and 3
    // three (rừng, the rarest, ranks item 1 first), item 4 only `về`.
    assert_eq!(
        keys_and_items(&results),
        vec![
            ("a".to_string(), Some(2)),
            ("a".to_string(), Some(1)),
            ("a".to_string(), Some(3))
        ],
    );
    let tiers: Vec<(u32, u32)> = results.hits.iter().map(|h| (h.matched, h.of)).collect();
    assert_eq!(tiers, vec![(5, 5), (3, 5), (3, 5)]);
    assert_eq!(results.total, 3);
    assert!(!results.partial);
}

#[test]
fn quotes_and_exclusions_stay_strict() {
    let index = forests();
    for text in ["\"quản lý\" bảo vệ rừng", "quản lý bảo vệ rừng -tài"] {
        let results = index.search(&SearchRequest::new(text)).unwrap();
        assert_eq!(
            keys_and_items(&results),
            vec![("a".to_string(), Some(2))],
            "{text}"
        );
    }
}

#[test]
fn telex_and_vni_find_what_the_accented_word_finds() {
    let index = forests();
    let accented = keys_and_items(&index.search(&SearchRequest::new("ngập mặn")).unwrap());
    assert_eq!(accented, vec![("a".to_string(), Some(1))]);
    for typed in ["ngaapj mawnj", "nga6p5 ma8n5"] {
        let results = index.search(&SearchRequest::new(typed)).unwrap();
        assert_eq!(keys_and_items(&results), accented, "{typed}");
    }
    // An ordinary word is searched as it is, never as a syllable it might spell.
    let internet = index.search(&SearchRequest::new("internet")).unwrap();
    assert_eq!(keys_and_items(&internet), vec![("a".to_string(), Some(4))]);
}
