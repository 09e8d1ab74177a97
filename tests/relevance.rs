//! Relevance evaluation over the sample documents: recall@10 and MRR for a set of
//! queries typed the ways people type them. Fails below recall@10 = 1.0 or MRR = 0.9.

use ketluan::{Document, Index, Level, SearchRequest};
use time::macros::date;

const LS: &str = "lang-son-2022-03-04-ky17.txt";
const NT: &str = "ninh-thuan-2020-06-12-ky52.txt";
const CD: &str = "con-dao-2022-08-05-ky21.txt";
const HB: &str = "hoa-binh-2019-04-19.txt";
const HP: &str = "hai-phong-2024-10-18-ky118.txt";
const YB: &str = "yen-bai-2025-01-10.txt";

fn sample_index() -> Index {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let index = Index::create_in_ram().expect("in-RAM index");
    let mut writer = index.writer().expect("writer");
    for name in [LS, NT, CD, HB, HP, YB] {
        let doc = Document::from_file(dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
        writer.add(name, &doc).expect("add");
    }
    writer.commit().expect("commit");
    index
}

/// A query, what it is meant to exercise, and every relevant hit.
struct Case {
    what: &'static str,
    request: SearchRequest,
    relevant: Vec<(&'static str, Option<u32>)>,
}

fn item(what: &'static str, request: SearchRequest, relevant: &[(&'static str, u32)]) -> Case {
    Case {
        what,
        request,
        relevant: relevant.iter().map(|&(k, i)| (k, Some(i))).collect(),
    }
}

fn docs(what: &'static str, request: SearchRequest, relevant: &[&'static str]) -> Case {
    Case {
        what,
        request: request.level(Level::Document),
        relevant: relevant.iter().map(|&k| (k, None)).collect(),
    }
}

fn q(text: &str) -> SearchRequest {
    SearchRequest::new(text)
}

fn cases() -> Vec<Case> {
    vec![
        item("unaccented phrase", q("dia gioi hanh chinh"), &[(LS, 1)]),
        item("accented phrase", q("địa giới hành chính"), &[(LS, 1)]),
        item("quoted accented phrase", q("\"điện mặt trời\""), &[(NT, 1)]),
        item("unaccented words", q("dien gio"), &[(NT, 1)]),
        item(
            "unaccented, đ as d",
            q("de an phat trien nghe muoi"),
            &[(NT, 3)],
        ),
        item("proper noun", q("Lễ hội Katê"), &[(NT, 4)]),
        item("unaccented NFD document", q("rua bien"), &[(CD, 5)]),
        item(
            "accented query on NFD document",
            q("chất thải rắn"),
            &[(CD, 2)],
        ),
        item("words of a topic", q("nha o cong vu"), &[(CD, 3)]),
        item(
            "NFD query",
            q("nha\u{300} ơ\u{309} xa\u{303} hô\u{323}i"),
            &[(HB, 1)],
        ),
        item("quoted slogan", q("\"Dân vận khéo\""), &[(HB, 4)]),
        item("unaccented compound", q("the duc the thao"), &[(HB, 3)]),
        item("foreign word", q("logistics"), &[(HP, 1)]),
        item(
            "unaccented topic words",
            q("khu thuong mai tu do"),
            &[(HP, 2)],
        ),
        item("accented topic words", q("bảo hiểm xã hội"), &[(HP, 4)]),
        item("single syllable", q("tôn giáo"), &[(HP, 5)]),
        item("name in parentheses", q("bao Yagi"), &[(YB, 1)]),
        item("holiday", q("Tết Nguyên đán"), &[(YB, 2)]),
        item("unaccented", q("hop tac xa"), &[(YB, 3)]),
        item(
            "old tone style in doc, new in query",
            q("suc khoẻ ba me"),
            &[(YB, 5)],
        ),
        item(
            "new tone style in doc, old in query",
            q("quy hoạch cấp ủy"),
            &[(LS, 10)],
        ),
        item("mixed accents", q("thi diem mô hình đảng bộ"), &[(LS, 9)]),
        item("digital transformation", q("chuyển đổi số"), &[(LS, 7)]),
        item("hyphenated word", q("vắc-xin COVID-19"), &[(LS, 6)]),
        item(
            "unaccented rare words",
            q("buon lau gian lan thuong mai"),
            &[(LS, 3)],
        ),
        item("exclusion", q("\"kế hoạch tổ chức\" -xuân"), &[(HB, 3)]),
        item("exclusion leaves nothing", q("rung tu nhien -ngheo"), &[]),
        item(
            "topic filter",
            q("").topic("nguồn nước sinh hoạt"),
            &[(CD, 1)],
        ),
        item(
            "abbreviated body BDVTU",
            q("").body("BDVTU"),
            &[(NT, 4), (HB, 4)],
        ),
        item(
            "body of one tier",
            q("").body("Ban Tổ chức Tỉnh ủy"),
            &[(LS, 8), (LS, 9), (LS, 10)],
        ),
        item(
            "district body",
            q("").body("Văn phòng Huyện ủy"),
            &[(CD, 4)],
        ),
        item(
            "mass organisation",
            q("").body("Đảng đoàn Hội LHPN tỉnh"),
            &[(YB, 5)],
        ),
        item(
            "text and body combined",
            q("nuoc sinh hoat").body("huyen uy Con Dao"),
            &[(CD, 1)],
        ),
        item(
            "deadline day",
            q("").deadline_range(Some(date!(2022 - 03 - 08)), Some(date!(2022 - 03 - 08))),
            &[(LS, 3), (LS, 6), (LS, 7), (LS, 8), (LS, 9), (LS, 10)],
        ),
        item(
            "deadline month overlaps",
            q("").deadline_range(Some(date!(2020 - 08 - 15)), Some(date!(2020 - 08 - 20))),
            &[(NT, 3)],
        ),
        item(
            "reference number, other spelling",
            q("").reference("48 - ttr/bcsđ"),
            &[(LS, 1)],
        ),
        item(
            "state-format reference",
            q("").reference("215/TTr-UBND"),
            &[(CD, 1)],
        ),
        item(
            "assignee",
            q("").assignee("Ban Dân vận Thành ủy"),
            &[(HP, 5)],
        ),
        docs(
            "document body with place",
            q("").body("Ban Thường vụ Thành ủy Hải Phòng"),
            &[HP],
        ),
        docs(
            "abbreviated issuing body",
            q("").body("BTV TU Lạng Sơn"),
            &[LS],
        ),
        docs(
            "old tone style body",
            q("").body("Thường trực Tỉnh uỷ Yên Bái"),
            &[YB],
        ),
        docs(
            "date range only",
            q("").date_range(Some(date!(2019 - 01 - 01)), Some(date!(2019 - 12 - 31))),
            &[HB],
        ),
        docs("session", q("").session(118), &[HP]),
        docs("kind", q("").kind("thong bao ket luan"), &[HB]),
        docs("place by text", q("lang son"), &[LS]),
        docs(
            "text, body and date",
            q("dong y chu truong")
                .body("Tỉnh ủy")
                .date_range(Some(date!(2022 - 01 - 01)), None),
            &[LS],
        ),
    ]
}

#[test]
fn recall_at_10_and_mrr() {
    let index = sample_index();
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut recall_sum = 0.0;
    let mut rr_sum = 0.0;
    let mut failures = Vec::new();
    for case in &cases {
        let results = index
            .search(&case.request.clone().limit(10))
            .expect("search");
        let got: Vec<(&str, Option<u32>)> = results
            .hits
            .iter()
            .map(|h| (h.key.as_str(), h.item))
            .collect();
        if case.relevant.is_empty() {
            // A query whose relevant set is empty must return nothing.
            let ok = got.is_empty();
            recall_sum += if ok { 1.0 } else { 0.0 };
            rr_sum += if ok { 1.0 } else { 0.0 };
            if !ok {
                failures.push(format!("{}: expected no hits, got {got:?}", case.what));
            }
            continue;
        }
        let found = case.relevant.iter().filter(|r| got.contains(r)).count();
        let recall = found as f64 / case.relevant.len() as f64;
        let rank = got.iter().position(|g| case.relevant.contains(g));
        let rr = rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        recall_sum += recall;
        rr_sum += rr;
        println!("{:<45} recall@10 {recall:.2}  rr {rr:.2}", case.what);
        if recall < 1.0 || rr < 1.0 {
            failures.push(format!(
                "{}: relevant {:?}, got {got:?}",
                case.what, case.relevant
            ));
        }
    }
    let n = cases.len() as f64;
    let (recall, mrr) = (recall_sum / n, rr_sum / n);
    println!(
        "queries {}  recall@10 {recall:.3}  MRR {mrr:.3}",
        cases.len()
    );
    for f in &failures {
        println!("  not perfect: {f}");
    }
    assert!(recall >= 1.0, "recall@10 {recall:.3} < 1.0: {failures:#?}");
    assert!(mrr >= 0.9, "MRR {mrr:.3} < 0.9: {failures:#?}");
}
