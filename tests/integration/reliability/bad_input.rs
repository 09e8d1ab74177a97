//! Hostile input: every case ends in a typed error or a sensible result, never a panic.

use ketluan::extract::{Encoding, Format, Source};
use ketluan::{AgendaItem, Document, Error, Index, Level, SearchRequest, SearchResults};

use super::support::{Rng, document, item, marked};

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

// # Files the parser must refuse or read

fn sample() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/samples/lang-son-2022-03-04-ky17.txt"
    ))
    .expect("sample")
}

/// A short document whose first item's text is `text`.
fn with_item_text(text: &str) -> String {
    format!(
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 04 tháng 3 năm 2022\n\n\
         1. Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân tỉnh \
         về việc điều chỉnh địa giới hành chính\n\n{text}\n"
    )
}

#[test]
fn an_empty_file_is_a_parse_error_at_line_one() {
    for text in ["", "\n\n  \n", "\u{feff}", "\t \r\n"] {
        match Document::from_bytes(text.as_bytes()) {
            Err(Error::Parse { line, expected, .. }) => {
                assert_eq!(line, 1, "{text:?}");
                assert!(expected.contains("letter"), "{expected}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
}

#[test]
fn a_binary_file_is_refused_with_a_typed_error() {
    // A PNG header and pseudo-random bytes: not UTF-8.
    let mut rng = Rng::new(7);
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096).map(|_| rng.below(256) as u8));
    assert!(matches!(
        Document::from_bytes(&png),
        Err(Error::NotUtf8 { offset: 0, .. })
    ));
    // Bytes that happen to be UTF-8 (NULs, control characters): no title.
    let controls: Vec<u8> = (0..4096).map(|i| (i % 32) as u8).collect();
    assert!(matches!(
        Document::from_bytes(&controls),
        Err(Error::Parse { .. })
    ));
    // An ELF executable: UTF-8 up to its first high byte.
    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xb0\x10\0\0";
    match Document::from_bytes(elf) {
        Err(Error::NotUtf8 { offset, .. }) => assert_eq!(offset, 24),
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_utf8_is_reported_at_its_byte_offset() {
    let text = sample();
    for at in [0, 1, 100, text.len() / 2, text.len()] {
        // Step back to a char boundary so the bytes before are valid.
        let at = (0..=at)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let mut bytes = text.as_bytes()[..at].to_vec();
        bytes.push(0xC3); // a lead byte…
        bytes.push(b'('); // …without its continuation
        bytes.extend_from_slice(&text.as_bytes()[at..]);
        let err = Document::from_bytes(&bytes).expect_err("invalid UTF-8");
        match &err {
            Error::NotUtf8 { offset, .. } => assert_eq!(*offset, at),
            other => panic!("{other:?}"),
        }
        assert!(err.to_string().contains(&format!("byte {at}")), "{err}");
    }
    // With a UTF-8 byte order mark the offset still counts from the file's start.
    let mut bytes = b"\xEF\xBB\xBFK\xFF".to_vec();
    bytes.extend_from_slice(b"T");
    assert!(matches!(
        Document::from_bytes(&bytes),
        Err(Error::NotUtf8 { offset: 4, .. })
    ));
    // From a file, the error names it.
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("bad.txt");
    std::fs::write(&path, b"K\xE1\xBA").expect("write");
    let err = Document::from_file(&path).expect_err("invalid");
    assert!(err.to_string().contains("bad.txt"), "{err}");
    assert!(err.to_string().contains("byte 1"), "{err}");
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = sample();
    let want = Document::parse(&text).expect("the sample parses");
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut le = vec![0xFF, 0xFE];
    le.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    let mut be = vec![0xFE, 0xFF];
    be.extend(units.iter().flat_map(|u| u.to_be_bytes()));
    let from = |encoding| Document {
        source: Some(Source {
            format: Format::Txt,
            encoding,
        }),
        ..want.clone()
    };
    assert_eq!(
        Document::from_bytes(&le).expect("UTF-16LE"),
        from(Encoding::Utf16Le)
    );
    assert_eq!(
        Document::from_bytes(&be).expect("UTF-16BE"),
        from(Encoding::Utf16Be)
    );
    // An odd byte count or a lone surrogate is a typed error, not a panic.
    let mut odd = le.clone();
    odd.push(0x41);
    let _ = Document::from_bytes(&odd);
    let mut lone = vec![0xFF, 0xFE];
    lone.extend_from_slice(&[0x00, 0xD8, 0x41, 0x00]);
    assert!(matches!(
        Document::from_bytes(&lone),
        Err(Error::NotUtf8 { .. })
    ));
    // UTF-16 without a byte order mark is not guessed at, but the error says what it looks like.
    let bare: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    match Document::from_bytes(&bare) {
        Err(Error::NotUtf8 {
            hint: Some(hint), ..
        }) => assert!(hint.contains("UTF-16"), "{hint}"),
        Err(Error::Parse { .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_impossible_date_is_a_warning_not_a_wrong_date() {
    let text = with_item_text(
        "Giao Ban Tổ chức Tỉnh ủy báo cáo trước ngày 31/02/2022.\n\n\
         Giao Văn phòng Tỉnh ủy hoàn thành trước ngày 30/6/2022.",
    );
    let doc = Document::parse(&text).expect("parses");
    let item = &doc.items[0];
    let days: Vec<String> = item.deadlines.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        days,
        ["2022-06-30"],
        "the impossible date is dropped, the real one kept"
    );
    for d in item.assignments.iter().filter_map(|a| a.deadline.as_ref()) {
        assert_eq!(d.to_string(), "2022-06-30");
    }
    let warning = doc
        .warnings
        .iter()
        .find(|w| w.message.contains("31/02/2022"))
        .unwrap_or_else(|| panic!("no warning: {:?}", doc.warnings));
    assert_eq!(warning.line, 7, "{warning:?}");

    // In the title, an impossible meeting date is not taken for another day.
    let text = "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 31 tháng 02 năm 2022\n\n\
                1. Về công tác cán bộ\n\nThống nhất.\n";
    match Document::parse(text) {
        Ok(doc) => {
            assert_ne!(
                doc.date.map(|d| d.month()),
                Some(time::Month::March),
                "{:?}",
                doc.date
            );
            assert!(
                doc.warnings.iter().any(|w| w.message.contains("31")),
                "{:?}",
                doc.warnings
            );
        }
        Err(Error::Parse { line, .. }) => assert_eq!(line, 1),
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn a_title_without_items_is_a_document_without_items() {
    let text = "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 04 tháng 3 năm 2022\n\n\
                Ban Thường vụ Tỉnh ủy thống nhất chủ trương chung.\n";
    let doc = Document::parse(text).expect("a title and a date are enough");
    assert!(doc.items.is_empty());
    assert_eq!(doc.kind.as_deref(), Some("KẾT LUẬN"));
    let index = Index::create_in_ram().expect("index");
    let mut writer = index.writer().expect("writer");
    writer.add("no-items", &doc).expect("add");
    writer.commit().expect("commit");
    assert_eq!(index.get("no-items").expect("get"), Some(doc));
    assert_eq!(index.stats().expect("stats").documents, 1);
}

#[test]
fn items_without_a_title_are_kept_with_a_warning_on_the_first_line() {
    let text = "\n\n1. Tờ trình số 48-TTr/BCSD về việc điều chỉnh địa giới\n\nĐồng ý.\n\n\
                2. Về công tác cán bộ\n\nThống nhất.\n";
    let doc = Document::parse(text).unwrap();
    assert_eq!(doc.kind, None);
    assert_eq!(doc.items.len(), 2);
    assert_eq!(doc.items[0].topic, "điều chỉnh địa giới");
    assert_eq!(doc.items[1].topic, "công tác cán bộ");
    let first = &doc.warnings[0];
    assert_eq!(first.line, 3);
    assert!(first.message.contains("KẾT LUẬN"), "{}", first.message);
}

#[test]
fn ten_thousand_agenda_items_parse() {
    let mut text = String::from(
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 04 tháng 3 năm 2022\n\n",
    );
    for n in 1..=10_000 {
        text.push_str(&format!("{n}. Về nội dung số {n}\n\nĐồng ý mã{n}.\n\n"));
    }
    let doc = Document::parse(&text).expect("parses");
    assert_eq!(doc.items.len(), 10_000);
    assert_eq!(doc.items[9_999].number, 10_000);
    assert!(doc.items[9_999].text.contains("mã10000"));
}

/// Writes a document of about `bytes` bytes: a title, then items of long paragraphs.
fn write_big_document(path: &std::path::Path, bytes: usize) -> usize {
    use std::io::Write;
    let file = std::fs::File::create(path).expect("create");
    let mut out = std::io::BufWriter::new(file);
    let mut written = 0;
    let put = |s: &str, out: &mut std::io::BufWriter<std::fs::File>| {
        out.write_all(s.as_bytes()).expect("write");
        s.len()
    };
    written += put(
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nTại kỳ họp thứ 5, ngày 04 tháng 3 năm 2022\n\n",
        &mut out,
    );
    let paragraph = "Ban Thường vụ Tỉnh ủy thống nhất chủ trương điều chỉnh địa giới hành chính, \
                     giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo thực hiện trước ngày 30/6/2022.\n\n";
    let mut n = 0;
    while written < bytes {
        n += 1;
        written += put(
            &format!(
                "{n}. Tờ trình số {n}-TTr/BCSD, ngày 26/02/2022 của Ban cán sự đảng Ủy ban nhân dân \
                 tỉnh về việc nội dung số {n}\n\n"
            ),
            &mut out,
        );
        for _ in 0..20 {
            written += put(paragraph, &mut out);
        }
    }
    out.flush().expect("flush");
    written
}

#[test]
fn a_ten_megabyte_file_is_read_in_bounded_memory() {
    // Run in a child process so that other tests' memory does not count. Parsing
    // only: indexing is bounded by the writer's memory budget, not the input.
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("big.txt");
    let size = write_big_document(&path, 10 << 20);
    let output = std::process::Command::new(super::crash::example("peak_memory"))
        .arg(&path)
        .output()
        .expect("run peak_memory");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let field = |name: &str| -> u64 {
        stdout
            .split_whitespace()
            .find_map(|f| f.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {stdout:?}"))
    };
    assert_eq!(field("input"), size as u64);
    assert!(field("items") > 1_000, "{stdout}");
    let grown_kb = field("peak_after_kb").saturating_sub(field("peak_before_kb"));
    let input_kb = (size / 1024) as u64;
    eprintln!("10 MB file: peak grew by {grown_kb} kB for {input_kb} kB of input");
    if field("peak_after_kb") > 0 {
        assert!(
            grown_kb < 20 * input_kb,
            "peak memory grew by {grown_kb} kB for {input_kb} kB of input"
        );
    }
}
