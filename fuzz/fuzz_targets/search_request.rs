//! Arbitrary strings in every text field of a `SearchRequest`, run on a small
//! in-RAM index: never panics, never fails but for an inverted date range,
//! and the results are well formed.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use ketluan::{
    AgendaItem, Assignment, Deadline, Document, Error, Index, Level, Reference, SearchRequest,
};
use libfuzzer_sys::fuzz_target;
use time::{Date, Duration, Month};

const SAMPLES: [&str; 6] = [
    include_str!("../../tests/fixtures/samples/lang-son-2022-03-04-ky17.txt"),
    include_str!("../../tests/fixtures/samples/con-dao-2022-08-05-ky21.txt"),
    include_str!("../../tests/fixtures/samples/hai-phong-2024-10-18-ky118.txt"),
    include_str!("../../tests/fixtures/samples/hoa-binh-2019-04-19.txt"),
    include_str!("../../tests/fixtures/samples/ninh-thuan-2020-06-12-ky52.txt"),
    include_str!("../../tests/fixtures/samples/yen-bai-2025-01-10.txt"),
];

fn day(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).expect("a real date")
}

fn made(n: u32) -> Document {
    let item = |number: u32, topic: &str, text: &str| AgendaItem {
        number,
        heading: format!("{number}. Tờ trình số {n}-TTr/BCSĐ về việc {topic}"),
        reference: Some(Reference {
            kind: "Tờ trình".into(),
            number: Some(format!("{n}-TTr/BCSĐ")),
            date: Some(day(2022, Month::February, 26)),
            body: Some("Ban cán sự đảng Ủy ban nhân dân tỉnh".into()),
        }),
        topic: topic.into(),
        text: text.into(),
        assignments: vec![Assignment {
            assignee: "Ban Tổ chức Tỉnh ủy".into(),
            task: "tham mưu".into(),
            deadline: Some(Deadline::Day(day(2022, Month::June, 30))),
        }],
        deadlines: vec![Deadline::Day(day(2022, Month::June, 30))],
    };
    Document {
        kind: Some(if n % 2 == 0 { "KẾT LUẬN" } else { "THÔNG BÁO KẾT LUẬN" }.into()),
        number: Some(format!("{n}-KL/TU")),
        issuing_body: Some("Ban Thường vụ Tỉnh ủy".into()),
        place: Some(["Lạng Sơn", "Hoà Bình", "Yên Bái"][n as usize % 3].into()),
        session: Some(n),
        date: Some(day(2019 + (n as i32 % 6), Month::March, 4)),
        title: None,
        subject: None,
        issued_date: None,
        preamble: String::new(),
        items: vec![
            item(1, "điều chỉnh địa giới hành chính thành phố", "Đồng ý chủ trương; giao UBND tỉnh “thực hiện” <ngay>."),
            item(2, "công tác cán bộ", "Thống nhất như đề nghị của Ban Tổ chức Tỉnh ủy, chuyển đổi số."),
        ],
        closing: String::new(),
        recipients: Vec::new(),
        signer: None,
        warnings: Vec::new(),
        source: None,
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::create_in_ram().expect("in-RAM index");
        let mut writer = index.writer().expect("writer");
        for n in 0..8 {
            writer.add(&format!("made-{n}"), &made(n)).expect("add");
        }
        for (i, text) in SAMPLES.iter().enumerate() {
            // The samples join in once the parser reads them.
            if let Ok(doc) = Document::parse(text) {
                writer.add(&format!("sample-{i}"), &doc).expect("add");
            }
        }
        writer.commit().expect("commit");
        index
    })
}

fn date_from(byte: u8) -> Date {
    day(2019, Month::January, 1) + Duration::days(i64::from(byte) * 12)
}

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = match data {
        [a, b, c, d, rest @ ..] => ([*a, *b, *c, *d], rest),
        _ => return,
    };
    let mut fields = rest
        .split(|&b| b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned());
    let mut request = SearchRequest::new(fields.next().unwrap_or_default());
    let optional = [flags[0] & 1, flags[0] & 2, flags[0] & 4, flags[0] & 8, flags[0] & 16];
    if optional[0] != 0 { request = request.topic(fields.next().unwrap_or_default()); }
    if optional[1] != 0 { request = request.body(fields.next().unwrap_or_default()); }
    if optional[2] != 0 { request = request.assignee(fields.next().unwrap_or_default()); }
    if optional[3] != 0 { request = request.reference(fields.next().unwrap_or_default()); }
    if optional[4] != 0 { request = request.kind(fields.next().unwrap_or_default()); }
    let level = if flags[0] & 32 != 0 { Level::Document } else { Level::Item };
    request = request.level(level);
    if flags[0] & 64 != 0 {
        request = request.date_range(Some(date_from(flags[1])), Some(date_from(flags[2])));
    }
    if flags[0] & 128 != 0 {
        request = request.deadline_range(Some(date_from(flags[2])), None).session(u32::from(flags[3] % 8));
    }
    let (limit, offset) = match flags[3] {
        255 => (usize::MAX, usize::MAX),
        254 => (0, 0),
        n => (usize::from(n % 32), usize::from(flags[1] % 16)),
    };
    request = request.limit(limit).offset(offset).facets(flags[1] & 1 == 0);

    let results = match index().search(&request) {
        Ok(results) => results,
        Err(Error::InvalidRequest(_)) => return,
        Err(e) => panic!("search failed: {e} for {request:?}"),
    };
    assert!(results.total >= results.hits.len(), "{request:?}");
    assert!(results.hits.len() <= limit);
    let mut seen = HashSet::new();
    for hit in &results.hits {
        assert!(seen.insert((hit.key.clone(), hit.item)), "hit listed twice: {request:?}");
        if level == Level::Document {
            assert_eq!(hit.item, None);
        }
        let text = &hit.snippet.text;
        let mut end = 0;
        for range in &hit.snippet.highlights {
            assert!(range.start >= end && range.start < range.end, "{:?}", hit.snippet);
            assert!(text.get(range.clone()).is_some(), "highlight off char boundaries: {:?}", hit.snippet);
            end = range.end;
        }
        let _ = hit.snippet.to_html();
        let _ = hit.snippet.to_terminal();
    }
    let _ = serde_json::to_string(&results).expect("results serialise");
    // Facets change what is counted, never what is found: the same page, and
    // on an index this small (fewer hits than the threshold) the same total.
    let facets = flags[1] & 1 == 0;
    let other = index()
        .search(&request.clone().facets(!facets))
        .expect("the same request searched");
    assert_eq!(other.hits, results.hits, "{request:?}");
    assert_eq!((other.total, other.total_exact), (results.total, true), "{request:?}");
    assert!(results.total_exact);
});
