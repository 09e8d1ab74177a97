//! Relevance evaluation over the sample documents, the layout samples and a few
//! documents of its own (`tests/fixtures/relevance/`): recall@10, MRR and
//! precision@10 for queries typed the ways people type them, each with its full
//! relevant set. The figures are printed (`cargo test --test relevance -- --nocapture`);
//! the test fails below the floors at its end.

use ketluan::{Document, Index, Level, SearchRequest};
use time::macros::date;

const LS: &str = "lang-son-2022-03-04-ky17.txt";
const NT: &str = "ninh-thuan-2020-06-12-ky52.txt";
const CD: &str = "con-dao-2022-08-05-ky21.txt";
const HB: &str = "hoa-binh-2019-04-19.txt";
const HP: &str = "hai-phong-2024-10-18-ky118.txt";
const YB: &str = "yen-bai-2025-01-10.txt";
// Layout samples.
const TH: &str = "thanh-hoa-2023-03-10-docx-plain.txt";
const NA: &str = "nghe-an-2024-05-17-pdf-layout.txt";
const QN: &str = "quang-ninh-2024-06-17-markdown-table.txt";
const TTH: &str = "thua-thien-hue-2021-09-24-ocr-scan.txt";
const HT: &str = "ha-tinh-2024-07-19-conference-thematic.txt";
const DL: &str = "dak-lak-2024-05-14-thong-bao-y-kien.txt";
const MC: &str = "moc-chau-2024-04-09-huyen-uy-roman.txt";
const BD: &str = "binh-dinh-2024-09-06-web-copy.txt";
const BG: &str = "bac-giang-2023-07-12-dang-uy-khoi.txt";
const HN: &str = "ha-noi-2025-04-22-multipage-bullets.txt";
// Documents of this test's own.
const CM: &str = "ca-mau-2024-03-22-rung.txt";
const KT: &str = "kon-tum-2021-05-10-covid.txt";
const QT: &str = "quang-tri-2023-11-02-thong-bao.txt";
const BK: &str = "bac-kan-2022-09-14-khong-muc.txt";

fn sample_index() -> Index {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let index = Index::create_in_ram().expect("in-RAM index");
    let mut writer = index.writer().expect("writer");
    let folders: [(&str, &[&str]); 3] = [
        ("samples", &[LS, NT, CD, HB, HP, YB]),
        ("layouts", &[TH, NA, QN, TTH, HT, DL, MC, BD, BG, HN]),
        ("relevance", &[CM, KT, QT, BK]),
    ];
    for (folder, names) in folders {
        for &name in names {
            let path = fixtures.join(folder).join(name);
            let doc = Document::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
            writer.add(name, &doc).expect("add");
        }
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
        // The four cases of issue 12.
        item(
            "words the plan lacks (phòng, chống)",
            q("phòng, chống dịch COVID-19"),
            &[(KT, 1), (LS, 6)],
        ),
        item(
            "an item without every word still shows",
            q("quản lý, bảo vệ rừng"),
            &[(CM, 1), (CM, 2), (CM, 3)],
        ),
        docs("kind as words", q("thông báo kết luận"), &[HB, MC, QT]),
        docs("document number as typed", q("445-KL/TU"), &[TTH]),
        // Numbers as typed.
        docs("number of a document without items", q("603-KL/TU"), &[BK]),
        docs("kind abbreviation and number", q("KL 603"), &[BK]),
        docs("kind and number", q("kết luận 1187"), &[NA]),
        docs("number, other spelling", q("1520 - kl/tu"), &[QN]),
        docs("district notice number", q("312-TB/HU"), &[MC]),
        item("cited submission number", q("48-TTr/BCSĐ"), &[(LS, 1)]),
        item("cited state-format number", q("135/TTr-UBND"), &[(CM, 1)]),
        item("cited number, unaccented", q("182-TTr/BCSD"), &[(TH, 1)]),
        item(
            "kind of submission and number",
            q("tờ trình 693"),
            &[(LS, 9)],
        ),
        item(
            "state-format number of a district",
            q("12/TTr-UBND"),
            &[(MC, 1)],
        ),
        // Telex and VNI typing.
        item("Telex", q("ddiaj giowis hanhf chinhs"), &[(LS, 1)]),
        item("VNI", q("d9ia5 gio71i ha2nh chi1nh"), &[(LS, 1)]),
        item("Telex, one word", q("ruwngf ngaapj mawnj"), &[(CM, 1)]),
        item("Telex mixed with plain", q("toon giaos"), &[(HP, 5)]),
        item("VNI mixed", q("to6n gia1o"), &[(HP, 5)]),
        item(
            "Telex digital transformation",
            q("chuyeenr ddooir soos"),
            &[(LS, 7), (BG, 5)],
        ),
        // Ordinary words stay what they are.
        item("foreign word stays", q("internet"), &[(KT, 3)]),
        item("covid stays", q("covid"), &[(KT, 1), (LS, 6)]),
        item("rare proper noun", q("Khuổi"), &[(LS, 2)]),
        // Words of the layout samples and own documents.
        item("mangrove, unaccented", q("rung ngap man"), &[(CM, 1)]),
        item(
            "unaccented covid control",
            q("kiem soat dich covid"),
            &[(KT, 1), (LS, 6)],
        ),
        item("ginseng", q("sâm Ngọc Linh"), &[(KT, 2)]),
        item(
            "ginseng and a word absent",
            q("sâm Ngọc Linh xuất khẩu"),
            &[(KT, 2)],
        ),
        item("poverty", q("giảm nghèo bền vững"), &[(QT, 1)]),
        item(
            "landslide resettlement",
            q("bố trí dân cư sạt lở"),
            &[(QT, 2), (YB, 1)],
        ),
        item("night economy", q("kinh tế ban đêm Hạ Long"), &[(QN, 1)]),
        item("economic zone", q("Khu kinh tế Vân Đồn"), &[(QN, 2)]),
        item(
            "storm season",
            q("phòng chống thiên tai mùa mưa bão"),
            &[(QN, 3), (BD, 1)],
        ),
        item(
            "public investment",
            q("giải ngân vốn đầu tư công"),
            &[(NA, 2)],
        ),
        item("ethics", q("chuẩn mực đạo đức cách mạng"), &[(NA, 3)]),
        item("Nghi Son", q("Nghi Sơn"), &[(TH, 1)]),
        item(
            "Dan van kheo, unquoted",
            q("biểu dương Dân vận khéo"),
            &[(TH, 4), (HB, 4)],
        ),
        item("Dien Bien Phu", q("Chiến thắng Điện Biên Phủ"), &[(MC, 3)]),
        item(
            "ethnic festival",
            q("ngay hoi van hoa the thao cac dan toc"),
            &[(MC, 1)],
        ),
        item("new countryside", q("nông thôn mới"), &[(MC, 2)]),
        item("old apartments", q("chung cư cũ"), &[(HN, 1)]),
        item(
            "asset declaration",
            q("kê khai tài sản, thu nhập"),
            &[(HN, 5)],
        ),
        item("contest", q("Bí thư chi bộ giỏi"), &[(BG, 4)]),
        item(
            "inspection and discipline",
            q("kiểm tra giám sát thi hành kỷ luật đảng"),
            &[(BG, 3)],
        ),
        item("industrial park", q("khu cong nghiep Hoa Hoi"), &[(BD, 2)]),
        item("sea economy", q("kinh tế biển bền vững"), &[(BD, 3)]),
        item("party cell meetings", q("sinh hoạt chi bộ"), &[(TTH, 3)]),
        item(
            "tourism recovery",
            q("phục hồi du lịch bình thường mới"),
            &[(TTH, 1)],
        ),
        item("land clearance", q("giải phóng mặt bằng"), &[(DL, 3)]),
        item("key crops", q("cây công nghiệp chủ lực"), &[(DL, 2)]),
        item("wind power abroad", q("điện gió Hàn Quốc"), &[(NT, 1)]),
        item(
            "logistics in another city",
            q("logistics cảng biển Đà Nẵng"),
            &[(HP, 1)],
        ),
        item("child marriage", q("tảo hôn cận huyết"), &[(YB, 5)]),
        item(
            "shrimp under forest",
            q("nuôi tôm dưới tán rừng"),
            &[(CM, 1)],
        ),
        item("fire season", q("phòng cháy chữa cháy rừng"), &[(CM, 2)]),
        item(
            "three forest types",
            q("quy hoạch ba loại rừng"),
            &[(CM, 3)],
        ),
        item("broadband", q("Internet băng rộng vùng sâu"), &[(KT, 3)]),
        item("border gate", q("cửa khẩu Bờ Y"), &[(KT, 1)]),
        item(
            "housing for workers",
            q("nhà ở xã hội công nhân"),
            &[(HB, 1)],
        ),
        item(
            "overseas labour",
            q("xuat khau lao dong nuoc ngoai"),
            &[(HB, 2)],
        ),
        item("salt", q("nghề muối"), &[(NT, 3)]),
        item("press rules", q("quy chế phát ngôn báo chí"), &[(NT, 5)]),
        item("waste water", q("xử lý nước thải đô thị"), &[(HP, 3)]),
        item(
            "unemployment insurance",
            q("bảo hiểm thất nghiệp"),
            &[(HP, 4)],
        ),
        item(
            "cooperatives, one word absent",
            q("hợp tác xã kiểu mới"),
            &[(YB, 3)],
        ),
        item("spring press fair", q("Hội báo Xuân"), &[(YB, 4)]),
        item("sea turtles", q("bảo tồn rùa biển Côn Đảo"), &[(CD, 5)]),
        item("smuggling", q("chống buôn lậu"), &[(LS, 3)]),
        item("vaccination", q("tiêm chủng vắc xin"), &[(LS, 6)]),
        docs("place of an own document", q("Cà Mau"), &[CM]),
        docs("province and topic", q("du lịch Hà Tĩnh"), &[HT]),
        docs(
            "document without items by its text",
            q("du lịch hồ Ba Bể"),
            &[BK],
        ),
        docs("geopark", q("cong vien dia chat toan cau"), &[BK]),
        docs("district by name", q("Mộc Châu"), &[MC]),
        docs(
            "notice of the provincial office",
            q("").kind("THÔNG BÁO"),
            &[DL],
        ),
        docs(
            "kind filter, every notice of conclusions",
            q("").kind("thong bao ket luan"),
            &[HB, MC, QT],
        ),
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
        item("quoted slogan", q("\"Dân vận khéo\""), &[(HB, 4), (TH, 4)]),
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
        item(
            "digital transformation",
            q("chuyển đổi số"),
            &[(LS, 7), (BG, 5)],
        ),
        item("hyphenated word", q("vắc-xin COVID-19"), &[(LS, 6)]),
        item(
            "unaccented rare words",
            q("buon lau gian lan thuong mai"),
            &[(LS, 3)],
        ),
        item(
            "exclusion",
            q("\"kế hoạch tổ chức\" -xuân"),
            &[
                (HB, 3),
                (BG, 4),
                (TH, 4),
                (MC, 3),
                (NA, 4),
                (BD, 4),
                (HN, 3),
            ],
        ),
        item("exclusion leaves nothing", q("rung tu nhien -ngheo"), &[]),
        item(
            "topic filter",
            q("").topic("nguồn nước sinh hoạt"),
            &[(CD, 1)],
        ),
        item(
            "abbreviated body BDVTU",
            q("").body("BDVTU"),
            &[(NT, 4), (HB, 4), (QN, 5), (TH, 4), (TTH, 4)],
        ),
        item(
            "body of one tier",
            q("").body("Ban Tổ chức Tỉnh ủy"),
            &[(LS, 8), (LS, 9), (LS, 10), (NA, 3), (TH, 3), (TTH, 3)],
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
            &[(HP, 5), (HN, 3)],
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
        docs("place by text", q("lang son"), &[LS]),
        docs(
            "text, body and date",
            q("dong y chu truong")
                .body("Tỉnh ủy")
                .date_range(Some(date!(2022 - 01 - 01)), None),
            &[LS, QN, NA, BD, TH, DL],
        ),
    ]
}

#[test]
fn recall_precision_and_mrr_at_10() {
    let index = sample_index();
    let cases = cases();
    assert!(cases.len() >= 90, "{} queries", cases.len());
    let (mut recall_sum, mut rr_sum, mut precision_sum) = (0.0, 0.0, 0.0);
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
        let (recall, rr, precision) = if case.relevant.is_empty() {
            // A query whose relevant set is empty must return nothing.
            let ok = if got.is_empty() { 1.0 } else { 0.0 };
            (ok, ok, ok)
        } else {
            let found = case.relevant.iter().filter(|r| got.contains(r)).count();
            let rank = got.iter().position(|g| case.relevant.contains(g));
            let shown = got.iter().filter(|g| case.relevant.contains(g)).count();
            (
                found as f64 / case.relevant.len() as f64,
                rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0)),
                // Of what the first page shows, the share that is relevant.
                if got.is_empty() {
                    0.0
                } else {
                    shown as f64 / got.len() as f64
                },
            )
        };
        recall_sum += recall;
        rr_sum += rr;
        precision_sum += precision;
        println!(
            "{:<45} recall@10 {recall:.2}  rr {rr:.2}  precision@10 {precision:.2}",
            case.what
        );
        if recall < 1.0 || rr < 1.0 {
            failures.push(format!(
                "{}: relevant {:?}, got {got:?}",
                case.what, case.relevant
            ));
        }
    }
    let n = cases.len() as f64;
    let (recall, mrr, precision) = (recall_sum / n, rr_sum / n, precision_sum / n);
    println!(
        "queries {}  recall@10 {recall:.3}  MRR {mrr:.3}  precision@10 {precision:.3}",
        cases.len()
    );
    for f in &failures {
        println!("  not perfect: {f}");
    }
    // Before word tiers (issue 12) these queries scored recall@10 0.860, MRR
    // 0.868, precision@10 0.672; precision falls as lower tiers fill the page.
    assert!(
        recall >= 0.98,
        "recall@10 {recall:.3} < 0.98: {failures:#?}"
    );
    assert!(mrr >= 0.95, "MRR {mrr:.3} < 0.95: {failures:#?}");
    assert!(precision >= 0.45, "precision@10 {precision:.3} < 0.45");
}
