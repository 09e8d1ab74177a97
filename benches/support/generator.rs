//! A deterministic generator of synthetic conclusion documents at any size.
//!
//! `Generator::new(seed).document(i)` always returns the same bytes for the same
//! `(seed, i)`, whatever the platform or crate versions: the random stream is a
//! hand-written SplitMix64 (no `rand` — its range sampling may change between major
//! versions, and the lock file stays untouched), and every choice is drawn from it
//! in a fixed order.
//!
//! The documents follow the samples in `tests/fixtures/samples/` (title block,
//! opening sentence, numbered items citing "Tờ trình số 48-TTr/BCSD, ngày 26/02/2022
//! của …", conclusion paragraphs with deadlines, "Nơi nhận:", signer) and carry the
//! real exports' quirks in fixed shares — see the `SHARE_*` constants.
//!
//! This file is self-contained (std + unicode-normalization only) so that benches
//! (`mod support;`) and tests or examples (`#[path = "../benches/support/generator.rs"]`)
//! can both include it.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Percentage of documents written with the old tone placement (hoà, Tỉnh uỷ), mixed in.
pub const SHARE_OLD_TONES: u32 = 30;
/// Percentage of documents in NFD (decomposed diacritics).
pub const SHARE_NFD: u32 = 10;
/// Percentage of documents with paragraphs split by page breaks mid-sentence.
pub const SHARE_PAGE_BREAKS: u32 = 20;
/// Percentage of documents with markdown bold/italic markers.
pub const SHARE_MARKDOWN: u32 = 40;
/// Percentage of documents with CRLF line endings.
pub const SHARE_CRLF: u32 = 10;
/// Percentage of documents with a header block ("Số 123-KL/TU" and a place-date line).
pub const SHARE_HEADER: u32 = 50;
/// Percentage of documents that are "THÔNG BÁO KẾT LUẬN" rather than "KẾT LUẬN".
pub const SHARE_NOTICE: u32 = 30;
/// Per mille of agenda items about administrative boundaries ("địa giới hành chính").
pub const PER_MILLE_BOUNDARY: u32 = 40;
/// Per mille of agenda items whose conclusion says "đồng ý chủ trương".
pub const PER_MILLE_AGREE: u32 = 250;
/// Per mille of agenda items that mention one of [`RARE_TERMS`].
pub const PER_MILLE_RARE: u32 = 4;
/// Rare terms planted in [`PER_MILLE_RARE`] of items (one each, chosen uniformly).
pub const RARE_TERMS: &[&str] = &["Khuổi", "Katê", "mắc ca", "Yagi", "sâm Ngọc Linh"];
/// First and last meeting dates generated (inclusive), as (year, month, day).
pub const DATE_RANGE: ((i32, u32, u32), (i32, u32, u32)) = ((2015, 1, 1), (2025, 6, 30));

/// One generated document: a file name (unique per index) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedDoc {
    /// `000042-lang-son-2022-03-04-ky17.txt`
    pub file_name: String,
    /// The document text, with its quirks applied (may be NFD and CRLF).
    pub text: String,
}

/// What [`Generator::write_corpus`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusSummary {
    /// Number of files written.
    pub documents: u64,
    /// Total bytes written.
    pub bytes: u64,
}

/// Deterministic document generator: same seed, same bytes.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
}

impl Generator {
    /// A generator for the given seed.
    pub fn new(seed: u64) -> Self {
        Generator { seed }
    }

    /// The `i`-th document of this seed's corpus; independent of every other index.
    pub fn document(&self, i: u64) -> GeneratedDoc {
        let mut rng = Rng::new(mix(self.seed) ^ mix(i.wrapping_add(0x5eed)));
        let doc = Draft::draw(&mut rng, pools());
        let body = doc.render(&mut rng);
        let text = apply_quirks(body, &doc.quirks, &mut rng);
        let file_name = format!("{i:06}-{}", doc.file_stem());
        GeneratedDoc { file_name, text }
    }

    /// Writes documents `0..n` into `dir` (created if missing).
    ///
    /// # Errors
    /// Any I/O error creating the directory or writing a file.
    pub fn write_corpus(&self, dir: &Path, n: u64) -> std::io::Result<CorpusSummary> {
        std::fs::create_dir_all(dir)?;
        let mut bytes = 0u64;
        for i in 0..n {
            let doc = self.document(i);
            std::fs::write(dir.join(&doc.file_name), doc.text.as_bytes())?;
            bytes += doc.text.len() as u64;
        }
        Ok(CorpusSummary {
            documents: n,
            bytes,
        })
    }
}

// ---------------------------------------------------------------------------
// Randomness and dates
// ---------------------------------------------------------------------------

/// SplitMix64 finalizer (Steele, Lea, Flood 2014), used to derive per-document seeds.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64 stream: tiny, fast, and its output is fixed by its definition.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (multiply-high; the bias is below 2^-40 for our `n`). `n > 0`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    fn percent(&mut self, p: u32) -> bool {
        self.below(100) < p as usize
    }
    fn per_mille(&mut self, p: u32) -> bool {
        self.below(1000) < p as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Days since 1970-01-01 → civil date (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Civil date → days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day(i64);

impl Day {
    fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }
    fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }
    /// `26/02/2022` or `2/3/2022`-style, padding as the exports vary.
    fn slash(self, rng: &mut Rng) -> String {
        let (y, m, d) = self.ymd();
        match rng.below(4) {
            0 => format!("{d}/{m}/{y}"),
            1 => format!("{d:02}/{m}/{y}"),
            _ => format!("{d:02}/{m:02}/{y}"),
        }
    }
    /// `ngày 04 tháng 3 năm 2022`
    fn long(self) -> String {
        let (y, m, d) = self.ymd();
        let m = if m < 3 {
            format!("{m:02}")
        } else {
            m.to_string()
        };
        format!("ngày {d:02} tháng {m} năm {y}")
    }
}

// ---------------------------------------------------------------------------
// The draft: every choice about a document, drawn up front
// ---------------------------------------------------------------------------

struct Quirks {
    old_tones: bool,
    nfd: bool,
    page_breaks: bool,
    markdown: bool,
    crlf: bool,
    header: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Province,
    District,
    Bloc,
}

/// The committee that concluded, at its level.
struct Org {
    level: Level,
    province: &'static Province,
    /// "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy Khối …"
    committee: String,
    /// Where it sits: the province or district name.
    place: String,
    /// "tỉnh", "thành phố", "huyện", "thị xã", "quận".
    unit: &'static str,
    /// The committee's code in document numbers: "TU", "HU", "QU", "ĐUK".
    code: &'static str,
    /// Whether the standing committee (Ban Thường vụ) or the standing members (Thường trực) met.
    standing_committee: bool,
}

impl Org {
    fn body(&self) -> String {
        if self.standing_committee {
            format!("Ban Thường vụ {}", self.short_committee())
        } else {
            format!("Thường trực {}", self.short_committee())
        }
    }
    /// The committee as named inside its own documents ("Đảng ủy Khối" without "các cơ quan tỉnh").
    fn short_committee(&self) -> &str {
        if self.level == Level::Bloc {
            "Đảng ủy Khối"
        } else {
            &self.committee
        }
    }
}

struct Draft {
    quirks: Quirks,
    org: Org,
    notice: bool,
    session: Option<u32>,
    /// "kỳ họp", "phiên họp", "Hội nghị lần" …
    session_word: &'static str,
    date: Day,
    issued: Day,
    number: u32,
    items: Vec<ItemDraft>,
    signer: (String, String, String),
    recipients_first: bool,
    pools: &'static Pools,
}

struct ItemDraft {
    heading: String,
    paragraphs: Vec<String>,
    /// Text to be set in bold (a deadline phrase) when markdown is on.
    bold: Vec<String>,
}

impl Draft {
    fn draw(rng: &mut Rng, pools: &'static Pools) -> Draft {
        let quirks = Quirks {
            old_tones: rng.percent(SHARE_OLD_TONES),
            nfd: rng.percent(SHARE_NFD),
            page_breaks: rng.percent(SHARE_PAGE_BREAKS),
            markdown: rng.percent(SHARE_MARKDOWN),
            crlf: rng.percent(SHARE_CRLF),
            header: rng.percent(SHARE_HEADER),
        };
        let org = draw_org(rng);
        let notice = rng.percent(SHARE_NOTICE);
        let (first, last) = DATE_RANGE;
        let lo = days_from_civil(first.0, first.1, first.2);
        let hi = days_from_civil(last.0, last.1, last.2);
        let date = Day(lo + rng.below((hi - lo + 1) as usize) as i64);
        let issued = date.plus(rng.range(0, 9) as i64);
        let session = if org.standing_committee && rng.percent(85) {
            Some(rng.range(1, 160))
        } else {
            None
        };
        let session_word = *rng.pick(&["kỳ họp thứ", "phiên họp thứ", "Hội nghị lần thứ"]);
        let number = rng.range(1, 990);
        let n_items = rng.range(3, 14) as usize;
        // Target length: the samples run 5–14 KB; spread items over 6–13 KB on average.
        let target = rng.range(3_000, 9_000) as usize;
        let per_item = target / n_items;
        let mut draft = Draft {
            quirks,
            org,
            notice,
            session,
            session_word,
            date,
            issued,
            number,
            items: Vec::new(),
            signer: (String::new(), String::new(), String::new()),
            recipients_first: rng.percent(80),
            pools,
        };
        let cadre_last = rng.percent(30);
        for n in 1..=n_items {
            let item = if cadre_last && n == n_items {
                ItemDraft {
                    heading: format!(
                        "{n}. {}",
                        rng.pick(&[
                            "Công tác cán bộ (có Nghị quyết riêng).",
                            "Công tác tổ chức cán bộ (có Nghị quyết riêng).",
                            "Công tác cán bộ (có Thông báo riêng).",
                        ])
                    ),
                    paragraphs: Vec::new(),
                    bold: Vec::new(),
                }
            } else {
                draft.draw_item(rng, n, per_item)
            };
            draft.items.push(item);
        }
        draft.signer = draft.draw_signer(rng);
        draft
    }

    fn file_stem(&self) -> String {
        let (y, m, d) = self.date.ymd();
        let mut stem = format!("{}-{y}-{m:02}-{d:02}", slug(&self.org.place));
        if let Some(s) = self.session {
            let _ = write!(stem, "-ky{s}");
        }
        stem.push_str(".txt");
        stem
    }

    fn standing(&self) -> String {
        self.org.body()
    }

    fn draw_signer(&self, rng: &mut Rng) -> (String, String, String) {
        let committee_upper = self.org.short_committee().to_uppercase();
        let (on_behalf, title) = if self.org.standing_committee {
            (
                "T/M BAN THƯỜNG VỤ".to_string(),
                rng.pick(&[
                    "BÍ THƯ",
                    "PHÓ BÍ THƯ THƯỜNG TRỰC",
                    "PHÓ BÍ THƯ",
                    "PHÓ BÍ THƯ THƯỜNG TRỰC",
                ])
                .to_string(),
            )
        } else if rng.percent(50) {
            (
                format!("T/L THƯỜNG TRỰC {committee_upper}"),
                rng.pick(&["CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"])
                    .to_string(),
            )
        } else {
            (
                format!("T/M THƯỜNG TRỰC {committee_upper}"),
                rng.pick(&["BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "PHÓ BÍ THƯ"])
                    .to_string(),
            )
        };
        (on_behalf, title, person_name(rng, self.pools))
    }

    fn draw_item(&self, rng: &mut Rng, n: usize, target_len: usize) -> ItemDraft {
        let p = self.pools;
        let sector = rng.pick(&p.sectors);
        let boundary = rng.per_mille(PER_MILLE_BOUNDARY);
        let (submitter, code) = draw_submitter(rng, &self.org);
        let kind_ix = rng.below(REF_KINDS.len());
        let (kind, abbr) = REF_KINDS[kind_ix];
        let topic = if boundary {
            boundary_topic(rng, &self.org, p)
        } else {
            sector_topic(rng, sector, kind, &self.org, self.date, p)
        };
        let ref_date = self.date.plus(-(rng.range(1, 30) as i64));
        let mut heading = String::new();
        let _ = write!(heading, "{n}. ");
        if rng.percent(92) {
            let number = ref_number(rng, abbr, &code, &self.org);
            let _ = write!(
                heading,
                "{kind} số {number}, ngày {} của {submitter}",
                ref_date.slash(rng)
            );
            if topic.starts_with("xin ") {
                let _ = write!(heading, " {topic}");
            } else if rng.percent(30) {
                let _ = write!(heading, " về việc {topic}");
            } else {
                let _ = write!(heading, " về {topic}");
            }
        } else {
            let _ = write!(heading, "{}", capitalize(&topic));
        }

        let standing = self.standing();
        let mut paragraphs = Vec::new();
        let mut bold = Vec::new();
        let mut len = 0usize;
        let mut round = 0;
        while len < target_len && round < 8 {
            let para = match (round, rng.below(10)) {
                (0, 0..=5) => self.assessment(rng, sector, &standing),
                (0, _) | (1, 0..=4) => self.agreement(rng, sector, &standing, kind),
                (1, _) | (2, 0..=6) => {
                    let (text, deadline) =
                        self.assignment(rng, sector, &submitter, &standing, boundary);
                    bold.extend(deadline);
                    text
                }
                (2, _) if kind != "Báo cáo" => {
                    let (text, deadline) = self.comment_round(rng, &standing, &submitter);
                    bold.push(deadline);
                    text
                }
                _ => self.elaboration(rng, sector, &standing),
            };
            round += 1;
            if paragraphs.contains(&para) {
                continue;
            }
            len += para.len();
            paragraphs.push(para);
        }
        if boundary && !paragraphs.iter().any(|p| p.contains("địa giới hành chính")) {
            paragraphs.push(format!(
                "{standing} lưu ý việc điều chỉnh địa giới hành chính phải bảo đảm ổn định, không gây xáo trộn lớn đến đời sống của Nhân dân."
            ));
        }
        if rng.per_mille(PER_MILLE_RARE) {
            let term = rng.pick(RARE_TERMS);
            let sentence = rng.pick(&p.rare_frames).replace("{}", term);
            if let Some(last) = paragraphs.last_mut() {
                last.push(' ');
                last.push_str(&sentence);
            } else {
                paragraphs.push(sentence);
            }
        }
        ItemDraft {
            heading,
            paragraphs,
            bold,
        }
    }

    fn assessment(&self, rng: &mut Rng, sector: &Sector, standing: &str) -> String {
        let p = self.pools;
        let verb = rng.pick(&[
            "đánh giá",
            "ghi nhận",
            "nhận thấy",
            "cơ bản đồng tình với đánh giá:",
        ]);
        let mut s = format!("{standing} {verb} ");
        let _ = write!(s, "{}", rng.pick(&sector.facts));
        if rng.percent(60) {
            let _ = write!(s, "; {}", rng.pick(&p.generic_facts));
        }
        s.push('.');
        if rng.percent(70) {
            let _ = write!(
                s,
                " {} {}.",
                rng.pick(&["Tuy nhiên,", "Bên cạnh đó,", "Mặt khác,", "Song,"]),
                rng.pick(&p.problems)
            );
        }
        if rng.percent(40) {
            let _ = write!(s, " {}", figure_sentence(rng, &self.org, self.date, p));
        }
        s
    }

    fn agreement(&self, rng: &mut Rng, sector: &Sector, standing: &str, kind: &str) -> String {
        let p = self.pools;
        let object = match kind {
            "Báo cáo" => "với nội dung báo cáo".to_string(),
            "Đề án" => "ban hành Đề án".to_string(),
            "Kế hoạch" => "ban hành Kế hoạch".to_string(),
            _ => format!(
                "{} {}",
                rng.pick(&["xây dựng", "ban hành", "thực hiện", "triển khai"]),
                rng.pick(&sector.topics)
            ),
        };
        let verb = if rng.per_mille(PER_MILLE_AGREE * 1000 / 450) {
            "đồng ý chủ trương"
        } else {
            rng.pick(&[
                "thống nhất chủ trương",
                "đồng ý",
                "thống nhất",
                "cơ bản thống nhất",
                "nhất trí",
            ])
        };
        let mut s = format!("{standing} {verb} {object}");
        if rng.percent(60) {
            let _ = write!(s, ". {}", capitalize(rng.pick(&p.emphases)));
            let _ = write!(s, " {}", rng.pick(&sector.tasks));
            if rng.percent(50) {
                let _ = write!(s, "; {}", rng.pick(&p.generic_tasks));
            }
        }
        s.push('.');
        s
    }

    fn assignment(
        &self,
        rng: &mut Rng,
        sector: &Sector,
        submitter: &str,
        standing: &str,
        boundary: bool,
    ) -> (String, Option<String>) {
        let p = self.pools;
        let assignee = if rng.percent(70) {
            submitter.to_string()
        } else {
            let (other, _) = draw_submitter(rng, &self.org);
            other
        };
        let opener = rng.pick(&["Giao", "Giao", "Giao", "Yêu cầu", "Đề nghị"]);
        let lead = rng.pick(&[
            "chỉ đạo",
            "chủ trì, phối hợp với các cơ quan liên quan",
            "tiếp thu ý kiến của",
            "chỉ đạo cơ quan chuyên môn",
            "khẩn trương",
            "tiếp tục",
        ]);
        let mut s = format!("{opener} {assignee} {lead}");
        if *lead == "tiếp thu ý kiến của" {
            let _ = write!(s, " {standing},");
        }
        let _ = write!(s, " {}", rng.pick(&sector.tasks));
        if boundary {
            let _ = write!(s, "; {}", rng.pick(&p.boundary_tasks));
        }
        for _ in 0..rng.range(0, 2) {
            let _ = write!(s, "; {}", rng.pick(&p.generic_tasks));
        }
        if rng.percent(80) {
            let deadline = deadline_phrase(rng, self.date);
            let report = rng.pick(&[
                "báo cáo Ban Thường vụ",
                "báo cáo Thường trực",
                "trình Ban Thường vụ",
                "báo cáo kết quả với Thường trực",
                "hoàn thành",
            ]);
            let committee = if report.ends_with("hoàn thành") {
                String::new()
            } else {
                format!(" {}", self.org.short_committee())
            };
            let _ = write!(s, ", {report}{committee} {deadline}.");
            (s, Some(deadline))
        } else {
            s.push('.');
            (s, None)
        }
    }

    fn comment_round(&self, rng: &mut Rng, standing: &str, submitter: &str) -> (String, String) {
        let draft = rng.pick(&["dự thảo", "các dự thảo", "dự thảo văn bản"]);
        let day = self.date.plus(rng.range(2, 10) as i64);
        let deadline = format!("trong ngày {}", day.slash(rng));
        let s = format!(
            "Các đồng chí Ủy viên {standing} tiếp tục nghiên cứu, tham gia ý kiến trực tiếp vào {draft}, gửi lại {submitter} chậm nhất {deadline} để tổng hợp, nghiên cứu, tiếp thu, hoàn thiện, trình Thường trực {} ban hành.",
            self.org.short_committee()
        );
        (s, deadline)
    }

    fn elaboration(&self, rng: &mut Rng, sector: &Sector, standing: &str) -> String {
        let p = self.pools;
        let mut s = match rng.below(4) {
            0 => format!(
                "{} {}; {}",
                capitalize(rng.pick(&p.emphases)),
                rng.pick(&sector.tasks),
                rng.pick(&sector.tasks)
            ),
            1 => format!(
                "{standing} yêu cầu các cấp ủy, chính quyền {}; {}",
                rng.pick(&p.generic_tasks),
                rng.pick(&sector.tasks)
            ),
            2 => format!(
                "{} {}",
                capitalize(rng.pick(&sector.facts)),
                figure_clause(rng, &self.org, self.date, p)
            ),
            _ => format!(
                "Trong thời gian tới, cần {}; {}",
                rng.pick(&sector.tasks),
                rng.pick(&p.generic_tasks)
            ),
        };
        s.push('.');
        if rng.percent(35) {
            let _ = write!(s, " {}", figure_sentence(rng, &self.org, self.date, p));
        }
        s
    }

    fn render(&self, rng: &mut Rng) -> String {
        let md = self.quirks.markdown;
        let mut out = String::with_capacity(12_000);
        let org = &self.org;
        let body = self.standing();
        if self.quirks.header {
            self.render_header(rng, &mut out);
        } else if md || rng.percent(30) {
            out.push('\n');
        }
        // Title block.
        let kind = if self.notice {
            "THÔNG BÁO KẾT LUẬN"
        } else {
            "KẾT LUẬN"
        };
        let meeting = match self.session {
            Some(s) => format!("{} {s}, {}", self.session_word, self.date.long()),
            None => format!("cuộc họp {}", self.date.long()),
        };
        let centered = self.quirks.header && !md && rng.percent(50);
        if md {
            let _ = writeln!(out, "**{kind}**  ");
            let _ = writeln!(out, "**CỦA {}**  ", body.to_uppercase());
            let _ = writeln!(out, "**{}**", capitalize(format!("tại {meeting}")));
        } else if centered {
            let _ = writeln!(out, "\n{:>36}{kind}", "");
            let _ = writeln!(out, "{:>18}của {body} tại {meeting}", "");
        } else if self.notice || rng.percent(50) {
            let _ = writeln!(out, "{kind}");
            let _ = writeln!(out, "của {body} tại {meeting}");
        } else {
            let _ = writeln!(out, "{kind}");
            let _ = writeln!(out, "CỦA {}", body.to_uppercase());
            let _ = writeln!(out, "{}", capitalize(format!("tại {meeting}")));
        }
        out.push('\n');
        // Opening sentence.
        let date = if rng.percent(50) {
            capitalize(self.date.long())
        } else {
            format!("Ngày {}", self.date.slash(rng))
        };
        let named = if rng.percent(50) {
            format!("{body} {}", org.place)
        } else {
            body.clone()
        };
        let met = match self.session {
            Some(s) => format!(
                "{} {} {s}",
                rng.pick(&["đã tiến hành", "tổ chức", "họp"]),
                self.session_word
            ),
            None => "họp".to_string(),
        };
        let _ = match rng.below(3) {
            0 => writeln!(
                out,
                "{date}, {named} {met}, xem xét, cho ý kiến và kết luận một số nội dung như sau:"
            ),
            1 => writeln!(
                out,
                "{date}, {named} {met}, nghe và cho ý kiến đối với một số nội dung. Sau khi nghe các cơ quan trình bày, ý kiến thảo luận của các đồng chí dự họp, {body} kết luận như sau:"
            ),
            _ => writeln!(
                out,
                "{date}, {named} {met}, nghe và cho ý kiến về một số nội dung do các cơ quan trình. {body} kết luận như sau:"
            ),
        };
        // Items.
        for item in &self.items {
            out.push('\n');
            if md {
                let _ = writeln!(out, "**{}**", item.heading);
            } else {
                let _ = writeln!(out, "{}", item.heading);
            }
            for para in &item.paragraphs {
                let mut para = para.clone();
                if md {
                    for b in &item.bold {
                        if let Some(at) = para.find(b.as_str()) {
                            para.replace_range(at..at + b.len(), &format!("**{b}**"));
                        }
                    }
                }
                if self.quirks.page_breaks && para.len() > 300 && rng.percent(30) {
                    para = page_break(&para, rng);
                }
                out.push('\n');
                out.push_str(&para);
                out.push('\n');
            }
        }
        out.push('\n');
        if self.recipients_first {
            self.render_recipients(rng, &mut out);
            out.push('\n');
            self.render_signer(&mut out);
        } else {
            self.render_signer(&mut out);
            out.push('\n');
            self.render_recipients(rng, &mut out);
        }
        out
    }

    fn render_header(&self, rng: &mut Rng, out: &mut String) {
        let org = &self.org;
        let kind_code = if self.notice { "TB" } else { "KL" };
        let number = format!("Số {}-{kind_code}/{}", self.number, org.code);
        let (y, m, d) = self.issued.ymd();
        let m = if m < 3 {
            format!("{m:02}")
        } else {
            m.to_string()
        };
        let place_date = format!("{}, ngày {d:02} tháng {m} năm {y}", org.place);
        let (top, second) = match org.level {
            Level::Province => (
                format!(
                    "{} {}",
                    org.committee.to_uppercase(),
                    org.province.name.to_uppercase()
                ),
                None,
            ),
            Level::District => (
                format!(
                    "ĐẢNG BỘ {} {}",
                    province_unit(org.province).to_uppercase(),
                    org.province.name.to_uppercase()
                ),
                Some(format!(
                    "{} {}",
                    org.committee.to_uppercase(),
                    org.place.to_uppercase()
                )),
            ),
            Level::Bloc => (
                format!(
                    "ĐẢNG BỘ {} {}",
                    province_unit(org.province).to_uppercase(),
                    org.province.name.to_uppercase()
                ),
                Some(org.committee.to_uppercase()),
            ),
        };
        if rng.percent(50) {
            // Two columns, as in exports from a word processor.
            let _ = writeln!(out, "{top:<50}ĐẢNG CỘNG SẢN VIỆT NAM");
            if let Some(second) = &second {
                let _ = writeln!(out, "      {second}");
            }
            let _ = writeln!(
                out,
                "             *                               {place_date}"
            );
            let _ = writeln!(out, "       {number}");
        } else {
            let _ = writeln!(out, "{top}");
            if let Some(second) = &second {
                let _ = writeln!(out, "{second}");
            }
            let _ = writeln!(out, "*\n{number}\nĐẢNG CỘNG SẢN VIỆT NAM\n{place_date}");
        }
        out.push_str("\n\n");
    }

    fn render_recipients(&self, rng: &mut Rng, out: &mut String) {
        let org = &self.org;
        let c = org.short_committee();
        let u = org.unit;
        let _ = writeln!(out, "Nơi nhận:");
        if self.quirks.markdown {
            out.push('\n');
        }
        let mut lines = vec![
            format!("Các đ/c Ủy viên Ban Thường vụ {c}"),
            format!("Ban cán sự đảng UBND {u}"),
        ];
        if org.level != Level::Province {
            lines.insert(
                0,
                format!("Ban Thường vụ {} (b/c)", province_committee(org.province)),
            );
        }
        let extra = [
            format!("Đảng đoàn HĐND {u}"),
            format!("Ban Tổ chức {c}"),
            format!("Ủy ban Kiểm tra {c}"),
            format!("Văn phòng UBND {u}"),
            format!("Ban Dân vận {c}, Ban Tuyên giáo {c}"),
            format!("Đảng đoàn Ủy ban MTTQ {u}"),
            "Các sở: Nội vụ, Tài chính, Kế hoạch và Đầu tư".to_string(),
            "Các sở: Nông nghiệp và Phát triển nông thôn, Tài nguyên và Môi trường".to_string(),
            "Các sở: Giao thông vận tải, Xây dựng, Công Thương".to_string(),
            "Các sở: Y tế, Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch".to_string(),
            "Các cơ quan, đơn vị có liên quan".to_string(),
        ];
        for _ in 0..rng.range(1, 5) {
            let line = rng.pick(&extra);
            if !lines.contains(line) {
                lines.push(line.clone());
            }
        }
        lines.push(format!("Lưu Văn phòng {c}"));
        let last = lines.len() - 1;
        for (i, line) in lines.iter().enumerate() {
            let end = if i == last { "." } else { "," };
            let _ = writeln!(out, "- {line}{end}");
        }
    }

    fn render_signer(&self, out: &mut String) {
        let (on_behalf, title, name) = &self.signer;
        if self.quirks.markdown {
            let _ = writeln!(out, "**{on_behalf}  \n{title}**\n\n**{name}**");
        } else {
            let _ = writeln!(out, "{on_behalf}\n{title}\n\n{name}");
        }
    }
}

fn page_break(para: &str, rng: &mut Rng) -> String {
    let mut mid = (para.len() / 2 + rng.below(para.len() / 4)).min(para.len());
    while !para.is_char_boundary(mid) {
        mid -= 1;
    }
    let Some(offset) = para[..mid].rfind(' ') else {
        return para.to_string();
    };
    let (a, b) = para.split_at(offset);
    let b = &b[1..];
    if rng.percent(40) {
        format!("{a}\n\n{:>40}\n\n{b}", rng.range(2, 6))
    } else {
        format!("{a}\n\n{b}")
    }
}

/// NFD, old tones, CRLF — the byte-level quirks, applied last.
fn apply_quirks(text: String, quirks: &Quirks, rng: &mut Rng) -> String {
    let mut text = if quirks.old_tones {
        old_tone_placement(&text, rng)
    } else {
        text
    };
    if quirks.nfd {
        text = text.nfd().collect();
    }
    if quirks.crlf {
        text = text.replace('\n', "\r\n");
    }
    text
}

/// Moves the tone of open "oa", "oe", "uy" syllables to the second vowel (hòa → hoà,
/// ủy → uỷ) for about four occurrences in five, as mixed exports do.
fn old_tone_placement(text: &str, rng: &mut Rng) -> String {
    const TONED: [[char; 5]; 10] = [
        ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
        ['à', 'á', 'ả', 'ã', 'ạ'],
        ['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
        ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
        ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
        ['Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
        ['À', 'Á', 'Ả', 'Ã', 'Ạ'],
        ['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
        ['Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
        ['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
    ];
    const PLAIN: [char; 10] = ['o', 'a', 'e', 'u', 'y', 'O', 'A', 'E', 'U', 'Y'];
    let toned = |c: char| -> Option<(usize, usize)> {
        TONED
            .iter()
            .enumerate()
            .find_map(|(row, tones)| tones.iter().position(|&t| t == c).map(|tone| (row, tone)))
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let (Some((row, tone)), Some(&next)) = (toned(c), chars.get(i + 1)) {
            let second = match row % 5 {
                0 => [1usize, 2]
                    .into_iter()
                    .find(|&r| PLAIN[r] == next.to_ascii_lowercase()),
                3 => next.eq_ignore_ascii_case(&'y').then_some(4),
                _ => None,
            };
            let open = chars.get(i + 2).is_none_or(|c| !c.is_alphabetic());
            let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
            if let Some(second_row) = second
                && open
                && !after_q
                && rng.percent(80)
            {
                let upper_next = next.is_uppercase();
                out.push(PLAIN[row]);
                out.push(TONED[second_row + if upper_next { 5 } else { 0 }][tone]);
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn capitalize(s: impl AsRef<str>) -> String {
    let mut chars = s.as_ref().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// ASCII file-name slug: "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau".
fn slug(s: &str) -> String {
    let folded: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    let mut out = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

// ---------------------------------------------------------------------------
// Organisations, references, deadlines
// ---------------------------------------------------------------------------

fn province_unit(p: &Province) -> &'static str {
    if p.city { "thành phố" } else { "tỉnh" }
}

fn province_committee(p: &Province) -> &'static str {
    if p.city { "Thành ủy" } else { "Tỉnh ủy" }
}

fn draw_org(rng: &mut Rng) -> Org {
    let province = rng.pick(PROVINCES);
    let standing_committee = rng.percent(72);
    match rng.below(20) {
        0..=9 => Org {
            level: Level::Province,
            province,
            committee: province_committee(province).to_string(),
            place: province.name.to_string(),
            unit: province_unit(province),
            code: "TU",
            standing_committee,
        },
        10..=17 => {
            let (unit, name) = *rng.pick(province.locals);
            let (committee, code) = match unit {
                "huyện" => ("Huyện ủy", "HU"),
                "quận" => ("Quận ủy", "QU"),
                "thị xã" => ("Thị ủy", "TU"),
                _ => ("Thành ủy", "TU"),
            };
            Org {
                level: Level::District,
                province,
                committee: committee.to_string(),
                place: name.to_string(),
                unit,
                code,
                standing_committee,
            }
        }
        _ => {
            let bloc = rng.pick(&[
                "Đảng ủy Khối các cơ quan",
                "Đảng ủy Khối Doanh nghiệp",
                "Đảng ủy Khối các cơ quan và doanh nghiệp",
            ]);
            Org {
                level: Level::Bloc,
                province,
                committee: format!("{bloc} {}", province_unit(province)),
                place: province.name.to_string(),
                unit: province_unit(province),
                code: "ĐUK",
                standing_committee,
            }
        }
    }
}

/// How a submitting body numbers its documents.
#[derive(Clone, Copy)]
enum Style {
    /// Party style: `48-TTr/BCSĐ` (the code given).
    Party(&'static str),
    /// State style: `215/TTr-UBND`.
    State(&'static str),
}

/// A submitting body at the organisation's level, and how it numbers documents.
fn draw_submitter(rng: &mut Rng, org: &Org) -> (String, Style) {
    let c = org.short_committee();
    let u = org.unit;
    match org.level {
        Level::Province => {
            let party_ubnd = *rng.pick(&["BCSĐ", "BCSĐ", "BCSD"]);
            let ubnd = if rng.percent(90) {
                "Ủy ban nhân dân"
            } else {
                "UBND"
            };
            let choices: [(String, Style); 16] = [
                (
                    format!("Ban cán sự đảng {ubnd} {u}"),
                    Style::Party(party_ubnd),
                ),
                (
                    format!("Ban cán sự đảng {ubnd} {u}"),
                    Style::Party(party_ubnd),
                ),
                (
                    format!("Ban cán sự đảng {ubnd} {u}"),
                    Style::Party(party_ubnd),
                ),
                (
                    format!("Ban cán sự đảng {ubnd} {u}"),
                    Style::Party(party_ubnd),
                ),
                (
                    format!("Ban cán sự đảng {ubnd} {u}"),
                    Style::Party(party_ubnd),
                ),
                (format!("Văn phòng {c}"), Style::Party("VPTU")),
                (format!("Ban Tổ chức {c}"), Style::Party("BTCTU")),
                (format!("Ban Tuyên giáo {c}"), Style::Party("BTGTU")),
                (format!("Ban Dân vận {c}"), Style::Party("BDVTU")),
                (format!("Ủy ban Kiểm tra {c}"), Style::Party("UBKTTU")),
                (format!("Ban Nội chính {c}"), Style::Party("BNCTU")),
                (
                    format!("Đảng đoàn Hội đồng nhân dân {u}"),
                    Style::Party("ĐĐ"),
                ),
                (
                    format!("Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam {u}"),
                    Style::Party("ĐĐ"),
                ),
                (format!("Đảng ủy Quân sự {u}"), Style::Party("ĐU")),
                (format!("Đảng ủy Công an {u}"), Style::Party("ĐU")),
                (
                    format!(
                        "Đảng đoàn {} {u}",
                        rng.pick(&[
                            "Hội Liên hiệp Phụ nữ",
                            "Hội Nông dân",
                            "Liên đoàn Lao động",
                            "Hội Cựu chiến binh",
                            "Liên hiệp các Hội Khoa học và Kỹ thuật",
                        ])
                    ),
                    Style::Party("ĐĐ"),
                ),
            ];
            rng.pick(&choices).clone()
        }
        Level::District => {
            let (vp, btc, btg, bdv, ubkt) = if org.code == "HU" {
                ("VPHU", "BTCHU", "BTGHU", "BDVHU", "UBKTHU")
            } else if org.code == "QU" {
                ("VPQU", "BTCQU", "BTGQU", "BDVQU", "UBKTQU")
            } else {
                ("VPTU", "BTCTU", "BTGTU", "BDVTU", "UBKTTU")
            };
            let choices: [(String, Style); 11] = [
                (format!("Ủy ban nhân dân {u}"), Style::State("UBND")),
                (format!("Ủy ban nhân dân {u}"), Style::State("UBND")),
                (format!("Ủy ban nhân dân {u}"), Style::State("UBND")),
                (format!("Ủy ban nhân dân {u}"), Style::State("UBND")),
                (format!("Văn phòng {c}"), Style::Party(vp)),
                (format!("Ban Tổ chức {c}"), Style::Party(btc)),
                (format!("Ban Tuyên giáo {c}"), Style::Party(btg)),
                (format!("Ban Dân vận {c}"), Style::Party(bdv)),
                (format!("Ủy ban Kiểm tra {c}"), Style::Party(ubkt)),
                (format!("Ban Chỉ huy Quân sự {u}"), Style::State("BCH")),
                (format!("Hội đồng nhân dân {u}"), Style::State("HĐND")),
            ];
            rng.pick(&choices).clone()
        }
        Level::Bloc => {
            let choices: [(String, Style); 4] = [
                ("Văn phòng Đảng ủy Khối".to_string(), Style::Party("VPĐUK")),
                (
                    "Ban Tổ chức Đảng ủy Khối".to_string(),
                    Style::Party("BTCĐUK"),
                ),
                (
                    "Ủy ban Kiểm tra Đảng ủy Khối".to_string(),
                    Style::Party("UBKTĐUK"),
                ),
                (
                    "Ban Tuyên giáo Đảng ủy Khối".to_string(),
                    Style::Party("BTGĐUK"),
                ),
            ];
            rng.pick(&choices).clone()
        }
    }
}

/// (kind as written, abbreviation in numbers)
const REF_KINDS: &[(&str, &str)] = &[
    ("Tờ trình", "TTr"),
    ("Tờ trình", "TTr"),
    ("Tờ trình", "TTr"),
    ("Tờ trình", "TTr"),
    ("Báo cáo", "BC"),
    ("Báo cáo", "BC"),
    ("Đề án", "ĐA"),
    ("Kế hoạch", "KH"),
    ("Công văn", "CV"),
];

fn ref_number(rng: &mut Rng, abbr: &str, style: &Style, org: &Org) -> String {
    match style {
        // Đề án are often numbered by the committee itself: "05-ĐA/TU".
        _ if abbr == "ĐA" && rng.percent(40) => format!("{:02}-ĐA/{}", rng.range(1, 40), org.code),
        Style::Party(code) => format!("{}-{abbr}/{code}", rng.range(1, 850)),
        Style::State(code) => format!("{}/{abbr}-{code}", rng.range(1, 3200)),
    }
}

/// A deadline phrase after the meeting date, in one of the forms the exports use.
fn deadline_phrase(rng: &mut Rng, meeting: Day) -> String {
    let day = meeting.plus(rng.range(5, 200) as i64);
    let (y, m, _) = day.ymd();
    match rng.below(8) {
        0 => format!("chậm nhất ngày {}", day.slash(rng)),
        1 => format!("chậm nhất trong ngày {}", day.slash(rng)),
        2 | 3 => format!("trước ngày {}", day.slash(rng)),
        4 => format!("trong tháng {m}/{y}"),
        5 => format!("tháng {m}/{y}"),
        6 => format!(
            "trong quý {}/{y}",
            ["I", "II", "III", "IV"][((m - 1) / 3) as usize]
        ),
        _ => format!("trong năm {y}"),
    }
}

fn period(rng: &mut Rng, date: Day) -> String {
    let (y, _, _) = date.ymd();
    match rng.below(9) {
        0 => format!("giai đoạn {} - {}", y, y + 5),
        1 => "giai đoạn 2021 - 2025, định hướng đến năm 2030".to_string(),
        2 => "đến năm 2030, tầm nhìn đến năm 2045".to_string(),
        3 => format!("năm {y}"),
        4 => format!("6 tháng đầu năm {y}"),
        5 => format!("giai đoạn {} - {}", y - 5, y),
        _ => String::new(),
    }
}

fn scope(rng: &mut Rng, org: &Org, p: &Pools) -> String {
    match rng.below(7) {
        0 | 1 => format!("trên địa bàn {}", org.unit),
        2 => {
            let (unit, name) = *rng.pick(org.province.locals);
            format!("tại {unit} {name}")
        }
        3 => format!("tại xã {}", commune_name(rng, p)),
        4 => "vùng đồng bào dân tộc thiểu số và miền núi".to_string(),
        _ => String::new(),
    }
}

fn sector_topic(
    rng: &mut Rng,
    sector: &Sector,
    kind: &str,
    org: &Org,
    date: Day,
    p: &Pools,
) -> String {
    let topic = rng.pick(&sector.topics);
    let prefix = match kind {
        "Báo cáo" => *rng.pick(&[
            "kết quả thực hiện",
            "tình hình",
            "sơ kết 03 năm thực hiện Nghị quyết về",
            "tổng kết 10 năm thực hiện Chỉ thị về",
            "kết quả kiểm tra, giám sát việc",
            "đánh giá giữa nhiệm kỳ việc",
        ]),
        "Đề án" | "Kế hoạch" => {
            *rng.pick(&["", "", "thực hiện", "triển khai", "nâng cao hiệu quả"])
        }
        _ => *rng.pick(&[
            "Đề án",
            "dự thảo Nghị quyết về",
            "dự thảo Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với",
            "Kế hoạch",
            "xin chủ trương",
            "đề nghị",
            "phương án",
            "Chương trình hành động về",
            "dự thảo Kết luận về",
            "",
        ]),
    };
    let mut s = String::new();
    if !prefix.is_empty() {
        s.push_str(prefix);
        s.push(' ');
    }
    if rng.percent(25) {
        s.push_str(&project(rng, org, p));
    } else {
        s.push_str(topic);
    }
    let sc = scope(rng, org, p);
    if !sc.is_empty() {
        s.push(' ');
        s.push_str(&sc);
    }
    let pe = period(rng, date);
    if !pe.is_empty() {
        let sep = if rng.percent(30) { ", " } else { " " };
        s.push_str(sep);
        s.push_str(&pe);
    }
    s
}

fn boundary_topic(rng: &mut Rng, org: &Org, p: &Pools) -> String {
    let (unit, name) = *rng.pick(org.province.locals);
    match rng.below(5) {
        0 => format!(
            "xin ý kiến đối với phương án điều chỉnh địa giới hành chính mở rộng {unit} {name}"
        ),
        1 => format!(
            "Đề án sắp xếp đơn vị hành chính cấp xã, điều chỉnh địa giới hành chính các xã {} và {}",
            commune_name(rng, p),
            commune_name(rng, p)
        ),
        2 => format!(
            "phương án điều chỉnh địa giới hành chính để thành lập thị trấn {}",
            commune_name(rng, p)
        ),
        3 => format!(
            "kết quả giải quyết tranh chấp địa giới hành chính giữa {unit} {name} và các địa phương giáp ranh"
        ),
        _ => format!(
            "dự thảo Nghị quyết về điều chỉnh địa giới hành chính, thành lập phường thuộc {unit} {name}"
        ),
    }
}

fn project(rng: &mut Rng, org: &Org, p: &Pools) -> String {
    let kind = rng.pick(&p.project_kinds);
    let name = if rng.percent(50) {
        commune_name(rng, p)
    } else {
        rng.pick(org.province.locals).1.to_string()
    };
    format!("dự án {kind} {name}")
}

/// A commune or village name: two name syllables, one of them sometimes a rarer,
/// orthographically valid syllable so that the vocabulary has a realistic long tail.
fn commune_name(rng: &mut Rng, p: &Pools) -> String {
    let a = rng.pick(&p.name_syllables).to_string();
    let b = if rng.percent(45) {
        capitalize(syllable(rng))
    } else {
        rng.pick(&p.name_syllables).to_string()
    };
    if a == b {
        return a;
    }
    if rng.percent(50) {
        format!("{a} {b}")
    } else {
        format!("{b} {a}")
    }
}

/// A random Vietnamese syllable that follows the spelling rules (c/k, g/gh, ng/ngh,
/// qu, y for a bare "iê", stop finals only with the sắc or nặng tone).
fn syllable(rng: &mut Rng) -> String {
    const ONSETS: &[&str] = &[
        "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
        "r", "s", "t", "th", "tr", "v", "x", "l", "t", "h", "n",
    ];
    const RHYMES: &str = "a* a*c a*ch a*i a*m a*n a*ng a*nh a*o a*p a*t a*u a*y ă*c ă*m ă*n ă*ng \
        ă*p ă*t â*c â*m â*n â*ng â*p â*t â*u â*y e* e*c e*m e*n e*ng e*o e*p e*t ê* ê*ch ê*m \
        ê*n ê*nh ê*p ê*t ê*u i* i*a i*ch i*m i*n i*nh i*p i*t i*u iê*c iê*m iê*n iê*ng iê*p \
        iê*t iê*u o* o*c o*i o*m o*n o*ng o*p o*t o*a oa*c oa*i oa*n oa*ng oa*nh oa*t o*e ô* \
        ô*c ô*i ô*m ô*n ô*ng ô*p ô*t ơ* ơ*i ơ*m ơ*n ơ*p ơ*t u* u*c u*i u*m u*n u*ng u*p u*t \
        uâ*n uâ*t uô*c uô*i uô*m uô*n uô*ng uô*t u*y uyê*n uyê*t ư* ư*a ư*c ư*i ư*ng ư*t ươ*c \
        ươ*i ươ*m ươ*n ươ*ng ươ*p ươ*t ươ*u";
    // Combining tone marks: none, huyền, sắc, hỏi, ngã, nặng.
    const TONES: &[&str] = &["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
    let rhymes: Vec<&str> = RHYMES.split_whitespace().collect();
    let mut onset = *rng.pick(ONSETS);
    let mut rhyme = *rng.pick(&rhymes);
    let front = rhyme.starts_with(['i', 'e', 'ê']);
    onset = match onset {
        "c" if front => "k",
        "g" if front => "gh",
        "ng" if front => "ngh",
        "qu" if rhyme.starts_with(['u', 'ư', 'o', 'ô', 'ơ']) => "h",
        o => o,
    };
    if onset == "gi" && rhyme.starts_with('i') {
        rhyme = &rhyme[1..];
        if rhyme.starts_with('*') {
            rhyme = "i*";
        }
    }
    let stop = rhyme.ends_with(['c', 'p', 't']) || rhyme.ends_with("ch");
    let tone = if stop {
        TONES[2 + 3 * rng.below(2)]
    } else {
        *rng.pick(TONES)
    };
    let mut out = String::from(onset);
    if onset.is_empty() && rhyme.starts_with("iê") {
        out.push('y');
        rhyme = &rhyme["i".len()..];
    }
    out.push_str(&rhyme.replace('*', tone));
    out.nfc().collect()
}

fn person_name(rng: &mut Rng, p: &Pools) -> String {
    let given = if rng.percent(20) {
        capitalize(syllable(rng))
    } else {
        rng.pick(&p.given_names).to_string()
    };
    format!(
        "{} {} {given}",
        rng.pick(&p.surnames),
        rng.pick(&p.middle_names)
    )
}

fn figure_clause(rng: &mut Rng, org: &Org, date: Day, p: &Pools) -> String {
    let (y, _, _) = date.ymd();
    let n = rng.range(2, 980);
    match rng.below(6) {
        0 => format!(
            "(tính đến ngày 31/12/{}, toàn {} có {n} {})",
            y - 1,
            org.unit,
            rng.pick(&p.counted)
        ),
        1 => format!(
            "(năm {}, đạt {},{}% kế hoạch)",
            y - 1,
            rng.range(60, 130),
            rng.range(0, 9)
        ),
        2 => format!(
            "(tổng vốn khoảng {}.{:03} tỷ đồng)",
            rng.range(1, 12),
            rng.range(0, 999)
        ),
        3 => format!(
            "(quy mô {n} ha, {} hộ dân bị ảnh hưởng)",
            rng.range(10, 900)
        ),
        4 => format!("(từ ngày 01/01/{} đến nay, phát hiện {n} vụ việc)", y - 1),
        _ => format!(
            "(chiếm {}% tổng số {})",
            rng.range(3, 95),
            rng.pick(&p.counted)
        ),
    }
}

fn figure_sentence(rng: &mut Rng, org: &Org, date: Day, p: &Pools) -> String {
    let (y, _, _) = date.ymd();
    let n = rng.range(2, 2_000);
    match rng.below(5) {
        0 => format!(
            "Tính đến ngày 30/{}/{y}, toàn {} có {n} {}, {}.",
            rng.range(4, 11),
            org.unit,
            rng.pick(&p.counted),
            rng.pick(&p.generic_facts)
        ),
        1 => format!(
            "Năm {}, tổng thu ngân sách trên địa bàn ước đạt {}.{:03} tỷ đồng, tăng {},{}% so với cùng kỳ.",
            y - 1,
            rng.range(1, 40),
            rng.range(0, 999),
            rng.range(1, 30),
            rng.range(0, 9)
        ),
        2 => format!(
            "Ông {} và bà {} được phân công theo dõi, đôn đốc việc thực hiện.",
            person_name(rng, p),
            person_name(rng, p)
        ),
        3 => format!(
            "Hiện có {n} {} tại xã {} và xã {} cần được ưu tiên hỗ trợ.",
            rng.pick(&p.counted),
            commune_name(rng, p),
            commune_name(rng, p)
        ),
        _ => format!(
            "Kinh nghiệm của {} và {} cho thấy {}.",
            rng.pick(PROVINCES).name,
            rng.pick(PROVINCES).name,
            rng.pick(&p.generic_facts)
        ),
    }
}

// ---------------------------------------------------------------------------
// Phrase pools
// ---------------------------------------------------------------------------

/// A policy area: what items about it are called, what is said, what is asked.
struct Sector {
    topics: Vec<&'static str>,
    facts: Vec<&'static str>,
    tasks: Vec<&'static str>,
}

struct Pools {
    sectors: Vec<Sector>,
    generic_facts: Vec<&'static str>,
    generic_tasks: Vec<&'static str>,
    problems: Vec<&'static str>,
    emphases: Vec<&'static str>,
    boundary_tasks: Vec<&'static str>,
    project_kinds: Vec<&'static str>,
    name_syllables: Vec<&'static str>,
    surnames: Vec<&'static str>,
    middle_names: Vec<&'static str>,
    given_names: Vec<&'static str>,
    counted: Vec<&'static str>,
    rare_frames: Vec<&'static str>,
}

fn lines(s: &'static str) -> Vec<&'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

fn words(s: &'static str) -> Vec<&'static str> {
    s.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

fn pools() -> &'static Pools {
    static POOLS: OnceLock<Pools> = OnceLock::new();
    POOLS.get_or_init(|| Pools {
        sectors: SECTORS
            .iter()
            .map(|(t, f, k)| Sector {
                topics: lines(t),
                facts: lines(f),
                tasks: lines(k),
            })
            .collect(),
        generic_facts: lines(GENERIC_FACTS),
        generic_tasks: lines(GENERIC_TASKS),
        problems: lines(PROBLEMS),
        emphases: lines(EMPHASES),
        boundary_tasks: lines(BOUNDARY_TASKS),
        project_kinds: lines(PROJECT_KINDS),
        name_syllables: words(NAME_SYLLABLES),
        surnames: words(SURNAMES),
        middle_names: words(MIDDLE_NAMES),
        given_names: words(GIVEN_NAMES),
        counted: lines(COUNTED),
        rare_frames: lines(RARE_FRAMES),
    })
}

// ---------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------

/// A province or centrally-run city and a sample of its districts, towns and cities.
struct Province {
    name: &'static str,
    /// Centrally-run city (thành phố trực thuộc Trung ương): its committee is a Thành ủy.
    city: bool,
    /// (unit, name): "huyện", "thị xã", "thành phố" (provincial city) or "quận".
    locals: &'static [(&'static str, &'static str)],
}

const fn prov(name: &'static str, locals: &'static [(&'static str, &'static str)]) -> Province {
    Province {
        name,
        city: false,
        locals,
    }
}

const fn city(name: &'static str, locals: &'static [(&'static str, &'static str)]) -> Province {
    Province {
        name,
        city: true,
        locals,
    }
}

/// The 63 provinces and centrally-run cities as they stood before the 2025 mergers
/// (Nghị quyết 202/2025/QH15 took effect on 01/7/2025), with a sample of their
/// district-level units as listed by the General Statistics Office's unit codes.
const PROVINCES: &[Province] = &[
    city(
        "Hà Nội",
        &[
            ("thị xã", "Sơn Tây"),
            ("huyện", "Ba Vì"),
            ("huyện", "Sóc Sơn"),
            ("huyện", "Mê Linh"),
            ("quận", "Long Biên"),
            ("quận", "Hoàn Kiếm"),
        ],
    ),
    city(
        "Hồ Chí Minh",
        &[
            ("thành phố", "Thủ Đức"),
            ("huyện", "Củ Chi"),
            ("huyện", "Cần Giờ"),
            ("huyện", "Hóc Môn"),
            ("quận", "Bình Thạnh"),
        ],
    ),
    city(
        "Hải Phòng",
        &[
            ("huyện", "Thủy Nguyên"),
            ("huyện", "Cát Hải"),
            ("huyện", "Vĩnh Bảo"),
            ("quận", "Hồng Bàng"),
            ("quận", "Lê Chân"),
        ],
    ),
    city(
        "Đà Nẵng",
        &[
            ("huyện", "Hòa Vang"),
            ("quận", "Hải Châu"),
            ("quận", "Sơn Trà"),
            ("quận", "Liên Chiểu"),
        ],
    ),
    city(
        "Cần Thơ",
        &[
            ("quận", "Ninh Kiều"),
            ("huyện", "Phong Điền"),
            ("huyện", "Cờ Đỏ"),
            ("quận", "Ô Môn"),
        ],
    ),
    prov(
        "Hà Giang",
        &[
            ("thành phố", "Hà Giang"),
            ("huyện", "Đồng Văn"),
            ("huyện", "Mèo Vạc"),
            ("huyện", "Hoàng Su Phì"),
            ("huyện", "Xín Mần"),
        ],
    ),
    prov(
        "Cao Bằng",
        &[
            ("thành phố", "Cao Bằng"),
            ("huyện", "Trùng Khánh"),
            ("huyện", "Bảo Lạc"),
            ("huyện", "Hà Quảng"),
        ],
    ),
    prov(
        "Bắc Kạn",
        &[
            ("thành phố", "Bắc Kạn"),
            ("huyện", "Ba Bể"),
            ("huyện", "Chợ Đồn"),
            ("huyện", "Pác Nặm"),
        ],
    ),
    prov(
        "Tuyên Quang",
        &[
            ("thành phố", "Tuyên Quang"),
            ("huyện", "Na Hang"),
            ("huyện", "Lâm Bình"),
            ("huyện", "Sơn Dương"),
        ],
    ),
    prov(
        "Lào Cai",
        &[
            ("thành phố", "Lào Cai"),
            ("thị xã", "Sa Pa"),
            ("huyện", "Bát Xát"),
            ("huyện", "Bắc Hà"),
            ("huyện", "Si Ma Cai"),
        ],
    ),
    prov(
        "Điện Biên",
        &[
            ("thành phố", "Điện Biên Phủ"),
            ("thị xã", "Mường Lay"),
            ("huyện", "Mường Nhé"),
            ("huyện", "Tuần Giáo"),
        ],
    ),
    prov(
        "Lai Châu",
        &[
            ("thành phố", "Lai Châu"),
            ("huyện", "Tam Đường"),
            ("huyện", "Sìn Hồ"),
            ("huyện", "Phong Thổ"),
        ],
    ),
    prov(
        "Sơn La",
        &[
            ("thành phố", "Sơn La"),
            ("huyện", "Mộc Châu"),
            ("huyện", "Thuận Châu"),
            ("huyện", "Sốp Cộp"),
        ],
    ),
    prov(
        "Yên Bái",
        &[
            ("thành phố", "Yên Bái"),
            ("thị xã", "Nghĩa Lộ"),
            ("huyện", "Mù Cang Chải"),
            ("huyện", "Văn Yên"),
            ("huyện", "Lục Yên"),
        ],
    ),
    prov(
        "Hòa Bình",
        &[
            ("thành phố", "Hòa Bình"),
            ("huyện", "Mai Châu"),
            ("huyện", "Lương Sơn"),
            ("huyện", "Cao Phong"),
        ],
    ),
    prov(
        "Thái Nguyên",
        &[
            ("thành phố", "Thái Nguyên"),
            ("thành phố", "Sông Công"),
            ("thành phố", "Phổ Yên"),
            ("huyện", "Định Hóa"),
            ("huyện", "Đại Từ"),
        ],
    ),
    prov(
        "Lạng Sơn",
        &[
            ("thành phố", "Lạng Sơn"),
            ("huyện", "Cao Lộc"),
            ("huyện", "Đình Lập"),
            ("huyện", "Hữu Lũng"),
            ("huyện", "Tràng Định"),
        ],
    ),
    prov(
        "Quảng Ninh",
        &[
            ("thành phố", "Hạ Long"),
            ("thành phố", "Móng Cái"),
            ("thành phố", "Uông Bí"),
            ("huyện", "Vân Đồn"),
            ("huyện", "Cô Tô"),
        ],
    ),
    prov(
        "Bắc Giang",
        &[
            ("thành phố", "Bắc Giang"),
            ("huyện", "Lục Ngạn"),
            ("huyện", "Yên Thế"),
            ("huyện", "Sơn Động"),
        ],
    ),
    prov(
        "Phú Thọ",
        &[
            ("thành phố", "Việt Trì"),
            ("thị xã", "Phú Thọ"),
            ("huyện", "Thanh Sơn"),
            ("huyện", "Tân Sơn"),
        ],
    ),
    prov(
        "Vĩnh Phúc",
        &[
            ("thành phố", "Vĩnh Yên"),
            ("thành phố", "Phúc Yên"),
            ("huyện", "Tam Đảo"),
            ("huyện", "Lập Thạch"),
        ],
    ),
    prov(
        "Bắc Ninh",
        &[
            ("thành phố", "Bắc Ninh"),
            ("thành phố", "Từ Sơn"),
            ("huyện", "Tiên Du"),
            ("huyện", "Gia Bình"),
        ],
    ),
    prov(
        "Hải Dương",
        &[
            ("thành phố", "Hải Dương"),
            ("thành phố", "Chí Linh"),
            ("thị xã", "Kinh Môn"),
            ("huyện", "Thanh Hà"),
        ],
    ),
    prov(
        "Hưng Yên",
        &[
            ("thành phố", "Hưng Yên"),
            ("thị xã", "Mỹ Hào"),
            ("huyện", "Văn Giang"),
            ("huyện", "Khoái Châu"),
        ],
    ),
    prov(
        "Thái Bình",
        &[
            ("thành phố", "Thái Bình"),
            ("huyện", "Tiền Hải"),
            ("huyện", "Thái Thụy"),
            ("huyện", "Quỳnh Phụ"),
        ],
    ),
    prov(
        "Hà Nam",
        &[
            ("thành phố", "Phủ Lý"),
            ("thị xã", "Duy Tiên"),
            ("huyện", "Kim Bảng"),
            ("huyện", "Lý Nhân"),
        ],
    ),
    prov(
        "Nam Định",
        &[
            ("thành phố", "Nam Định"),
            ("huyện", "Giao Thủy"),
            ("huyện", "Hải Hậu"),
            ("huyện", "Nghĩa Hưng"),
        ],
    ),
    prov(
        "Ninh Bình",
        &[
            ("thành phố", "Ninh Bình"),
            ("thành phố", "Tam Điệp"),
            ("huyện", "Hoa Lư"),
            ("huyện", "Kim Sơn"),
            ("huyện", "Nho Quan"),
        ],
    ),
    prov(
        "Thanh Hóa",
        &[
            ("thành phố", "Thanh Hóa"),
            ("thành phố", "Sầm Sơn"),
            ("thị xã", "Nghi Sơn"),
            ("huyện", "Mường Lát"),
            ("huyện", "Quan Hóa"),
        ],
    ),
    prov(
        "Nghệ An",
        &[
            ("thành phố", "Vinh"),
            ("thị xã", "Cửa Lò"),
            ("thị xã", "Hoàng Mai"),
            ("huyện", "Kỳ Sơn"),
            ("huyện", "Nam Đàn"),
        ],
    ),
    prov(
        "Hà Tĩnh",
        &[
            ("thành phố", "Hà Tĩnh"),
            ("thị xã", "Hồng Lĩnh"),
            ("thị xã", "Kỳ Anh"),
            ("huyện", "Hương Khê"),
            ("huyện", "Vũ Quang"),
        ],
    ),
    prov(
        "Quảng Bình",
        &[
            ("thành phố", "Đồng Hới"),
            ("thị xã", "Ba Đồn"),
            ("huyện", "Bố Trạch"),
            ("huyện", "Minh Hóa"),
        ],
    ),
    prov(
        "Quảng Trị",
        &[
            ("thành phố", "Đông Hà"),
            ("thị xã", "Quảng Trị"),
            ("huyện", "Hướng Hóa"),
            ("huyện", "Gio Linh"),
            ("huyện", "Cồn Cỏ"),
        ],
    ),
    prov(
        "Thừa Thiên Huế",
        &[
            ("thành phố", "Huế"),
            ("thị xã", "Hương Thủy"),
            ("thị xã", "Hương Trà"),
            ("huyện", "A Lưới"),
            ("huyện", "Phú Lộc"),
        ],
    ),
    prov(
        "Quảng Nam",
        &[
            ("thành phố", "Tam Kỳ"),
            ("thành phố", "Hội An"),
            ("thị xã", "Điện Bàn"),
            ("huyện", "Nam Trà My"),
            ("huyện", "Tây Giang"),
        ],
    ),
    prov(
        "Quảng Ngãi",
        &[
            ("thành phố", "Quảng Ngãi"),
            ("thị xã", "Đức Phổ"),
            ("huyện", "Lý Sơn"),
            ("huyện", "Ba Tơ"),
            ("huyện", "Bình Sơn"),
        ],
    ),
    prov(
        "Bình Định",
        &[
            ("thành phố", "Quy Nhơn"),
            ("thị xã", "An Nhơn"),
            ("thị xã", "Hoài Nhơn"),
            ("huyện", "Vân Canh"),
            ("huyện", "Phù Cát"),
        ],
    ),
    prov(
        "Phú Yên",
        &[
            ("thành phố", "Tuy Hòa"),
            ("thị xã", "Sông Cầu"),
            ("thị xã", "Đông Hòa"),
            ("huyện", "Sơn Hòa"),
        ],
    ),
    prov(
        "Khánh Hòa",
        &[
            ("thành phố", "Nha Trang"),
            ("thành phố", "Cam Ranh"),
            ("thị xã", "Ninh Hòa"),
            ("huyện", "Khánh Vĩnh"),
            ("huyện", "Trường Sa"),
        ],
    ),
    prov(
        "Ninh Thuận",
        &[
            ("thành phố", "Phan Rang - Tháp Chàm"),
            ("huyện", "Thuận Bắc"),
            ("huyện", "Ninh Phước"),
            ("huyện", "Thuận Nam"),
            ("huyện", "Bác Ái"),
        ],
    ),
    prov(
        "Bình Thuận",
        &[
            ("thành phố", "Phan Thiết"),
            ("thị xã", "La Gi"),
            ("huyện", "Phú Quý"),
            ("huyện", "Tuy Phong"),
            ("huyện", "Hàm Thuận Nam"),
        ],
    ),
    prov(
        "Kon Tum",
        &[
            ("thành phố", "Kon Tum"),
            ("huyện", "Đắk Glei"),
            ("huyện", "Ngọc Hồi"),
            ("huyện", "Kon Plông"),
            ("huyện", "Ia H'Drai"),
        ],
    ),
    prov(
        "Gia Lai",
        &[
            ("thành phố", "Pleiku"),
            ("thị xã", "An Khê"),
            ("thị xã", "Ayun Pa"),
            ("huyện", "Chư Prông"),
            ("huyện", "Kbang"),
        ],
    ),
    prov(
        "Đắk Lắk",
        &[
            ("thành phố", "Buôn Ma Thuột"),
            ("thị xã", "Buôn Hồ"),
            ("huyện", "Lắk"),
            ("huyện", "Ea Súp"),
            ("huyện", "Krông Pắc"),
        ],
    ),
    prov(
        "Đắk Nông",
        &[
            ("thành phố", "Gia Nghĩa"),
            ("huyện", "Cư Jút"),
            ("huyện", "Đắk Mil"),
            ("huyện", "Tuy Đức"),
        ],
    ),
    prov(
        "Lâm Đồng",
        &[
            ("thành phố", "Đà Lạt"),
            ("thành phố", "Bảo Lộc"),
            ("huyện", "Lạc Dương"),
            ("huyện", "Đơn Dương"),
            ("huyện", "Di Linh"),
        ],
    ),
    prov(
        "Bình Phước",
        &[
            ("thành phố", "Đồng Xoài"),
            ("thị xã", "Bình Long"),
            ("thị xã", "Phước Long"),
            ("huyện", "Bù Đăng"),
            ("huyện", "Lộc Ninh"),
        ],
    ),
    prov(
        "Tây Ninh",
        &[
            ("thành phố", "Tây Ninh"),
            ("thị xã", "Hòa Thành"),
            ("thị xã", "Trảng Bàng"),
            ("huyện", "Tân Biên"),
            ("huyện", "Dương Minh Châu"),
        ],
    ),
    prov(
        "Bình Dương",
        &[
            ("thành phố", "Thủ Dầu Một"),
            ("thành phố", "Dĩ An"),
            ("thành phố", "Thuận An"),
            ("huyện", "Dầu Tiếng"),
        ],
    ),
    prov(
        "Đồng Nai",
        &[
            ("thành phố", "Biên Hòa"),
            ("thành phố", "Long Khánh"),
            ("huyện", "Nhơn Trạch"),
            ("huyện", "Long Thành"),
            ("huyện", "Tân Phú"),
        ],
    ),
    prov(
        "Bà Rịa - Vũng Tàu",
        &[
            ("thành phố", "Vũng Tàu"),
            ("thành phố", "Bà Rịa"),
            ("thị xã", "Phú Mỹ"),
            ("huyện", "Côn Đảo"),
            ("huyện", "Xuyên Mộc"),
        ],
    ),
    prov(
        "Long An",
        &[
            ("thành phố", "Tân An"),
            ("thị xã", "Kiến Tường"),
            ("huyện", "Cần Giuộc"),
            ("huyện", "Đức Hòa"),
            ("huyện", "Tân Hưng"),
        ],
    ),
    prov(
        "Tiền Giang",
        &[
            ("thành phố", "Mỹ Tho"),
            ("thị xã", "Gò Công"),
            ("thị xã", "Cai Lậy"),
            ("huyện", "Tân Phú Đông"),
            ("huyện", "Cái Bè"),
        ],
    ),
    prov(
        "Bến Tre",
        &[
            ("thành phố", "Bến Tre"),
            ("huyện", "Ba Tri"),
            ("huyện", "Thạnh Phú"),
            ("huyện", "Chợ Lách"),
            ("huyện", "Bình Đại"),
        ],
    ),
    prov(
        "Trà Vinh",
        &[
            ("thành phố", "Trà Vinh"),
            ("thị xã", "Duyên Hải"),
            ("huyện", "Cầu Kè"),
            ("huyện", "Trà Cú"),
        ],
    ),
    prov(
        "Vĩnh Long",
        &[
            ("thành phố", "Vĩnh Long"),
            ("thị xã", "Bình Minh"),
            ("huyện", "Long Hồ"),
            ("huyện", "Trà Ôn"),
        ],
    ),
    prov(
        "Đồng Tháp",
        &[
            ("thành phố", "Cao Lãnh"),
            ("thành phố", "Sa Đéc"),
            ("thành phố", "Hồng Ngự"),
            ("huyện", "Tháp Mười"),
            ("huyện", "Tam Nông"),
        ],
    ),
    prov(
        "An Giang",
        &[
            ("thành phố", "Long Xuyên"),
            ("thành phố", "Châu Đốc"),
            ("thị xã", "Tân Châu"),
            ("huyện", "Tri Tôn"),
            ("huyện", "An Phú"),
        ],
    ),
    prov(
        "Kiên Giang",
        &[
            ("thành phố", "Rạch Giá"),
            ("thành phố", "Hà Tiên"),
            ("thành phố", "Phú Quốc"),
            ("huyện", "Kiên Hải"),
            ("huyện", "U Minh Thượng"),
        ],
    ),
    prov(
        "Hậu Giang",
        &[
            ("thành phố", "Vị Thanh"),
            ("thành phố", "Ngã Bảy"),
            ("thị xã", "Long Mỹ"),
            ("huyện", "Phụng Hiệp"),
        ],
    ),
    prov(
        "Sóc Trăng",
        &[
            ("thành phố", "Sóc Trăng"),
            ("thị xã", "Vĩnh Châu"),
            ("thị xã", "Ngã Năm"),
            ("huyện", "Cù Lao Dung"),
            ("huyện", "Trần Đề"),
        ],
    ),
    prov(
        "Bạc Liêu",
        &[
            ("thành phố", "Bạc Liêu"),
            ("thị xã", "Giá Rai"),
            ("huyện", "Đông Hải"),
            ("huyện", "Hồng Dân"),
        ],
    ),
    prov(
        "Cà Mau",
        &[
            ("thành phố", "Cà Mau"),
            ("huyện", "Ngọc Hiển"),
            ("huyện", "Năm Căn"),
            ("huyện", "U Minh"),
            ("huyện", "Đầm Dơi"),
        ],
    ),
];

/// Policy areas: (topics, facts, tasks), one phrase per line. Written for this
/// generator after the language of published provincial conclusions.
const SECTORS: &[(&str, &str, &str)] = &[
    // Agriculture
    (
        "phát triển nông nghiệp hàng hóa tập trung, ứng dụng công nghệ cao
        cơ cấu lại ngành nông nghiệp gắn với xây dựng nông thôn mới
        phát triển vùng nguyên liệu chè, quế, hồi theo tiêu chuẩn hữu cơ
        chương trình mỗi xã một sản phẩm (OCOP)
        phát triển chăn nuôi trang trại an toàn sinh học
        tái canh cây cà phê và phát triển cây ăn quả có múi
        hỗ trợ liên kết sản xuất và tiêu thụ nông sản theo chuỗi giá trị
        phòng, chống bệnh dịch tả lợn châu Phi và cúm gia cầm",
        "giá trị sản xuất nông nghiệp tăng khá, nhiều mô hình liên kết theo chuỗi được hình thành
        diện tích cây ăn quả được cấp mã số vùng trồng tăng nhanh, sản phẩm đã xuất khẩu sang Nhật Bản, Hoa Kỳ
        sản xuất nông nghiệp còn manh mún, nhỏ lẻ, sức cạnh tranh của nông sản chưa cao
        nhiều hợp tác xã nông nghiệp hoạt động cầm chừng, năng lực quản trị còn hạn chế
        tình trạng được mùa mất giá vẫn xảy ra đối với vải thiều, thanh long, dưa hấu
        dịch bệnh trên đàn gia súc, gia cầm cơ bản được kiểm soát",
        "rà soát, bổ sung quy hoạch vùng sản xuất hàng hóa tập trung
        hỗ trợ nông dân chuyển đổi cơ cấu cây trồng, vật nuôi phù hợp với thổ nhưỡng
        thu hút doanh nghiệp đầu tư nhà máy chế biến sâu nông sản
        đẩy mạnh xúc tiến thương mại, quảng bá sản phẩm OCOP trên các sàn thương mại điện tử
        xây dựng chỉ dẫn địa lý cho các sản phẩm đặc sản của địa phương
        kiểm soát chặt chẽ việc sử dụng phân bón, thuốc bảo vệ thực vật
        nhân rộng các mô hình sản xuất theo tiêu chuẩn VietGAP, GlobalGAP"
    ),
    // Forestry
    (
        "cải tạo rừng tự nhiên nghèo kiệt là rừng sản xuất
        quản lý, bảo vệ và phát triển rừng bền vững
        trồng rừng gỗ lớn và cấp chứng chỉ quản lý rừng bền vững
        chi trả dịch vụ môi trường rừng
        phòng cháy, chữa cháy rừng mùa khô
        giao đất, giao rừng cho hộ gia đình, cộng đồng dân cư",
        "tỷ lệ che phủ rừng duy trì ở mức cao, công tác bảo vệ rừng có chuyển biến rõ nét
        tình trạng phá rừng, lấn chiếm đất rừng trái phép vẫn còn xảy ra ở một số xã biên giới
        thu nhập từ rừng trồng đã giúp nhiều hộ đồng bào thoát nghèo bền vững
        nguy cơ cháy rừng ở mức cấp IV, cấp V kéo dài trong nhiều tuần",
        "kiểm tra, xử lý nghiêm các vụ phá rừng, khai thác lâm sản trái phép
        xây dựng phương án phòng cháy, chữa cháy rừng theo phương châm bốn tại chỗ
        hỗ trợ người dân trồng rừng gỗ lớn, liên kết với doanh nghiệp chế biến lâm sản
        hoàn thành đo đạc, cắm mốc ranh giới ba loại rừng
        nâng cao hiệu quả chi trả dịch vụ môi trường rừng, bảo đảm đúng đối tượng"
    ),
    // Fisheries and sea
    (
        "phát triển kinh tế biển và nuôi trồng thủy sản bền vững
        chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU)
        quy hoạch các khu neo đậu tránh trú bão cho tàu cá
        bảo tồn rùa biển và đa dạng sinh học biển
        phát triển nghề muối và sản xuất muối công nghiệp",
        "sản lượng khai thác, nuôi trồng thủy sản tăng, đời sống ngư dân được cải thiện
        vẫn còn tình trạng tàu cá mất kết nối thiết bị giám sát hành trình, vi phạm vùng biển nước ngoài
        các cảng cá, khu neo đậu chưa đáp ứng nhu cầu, nhiều nơi bị bồi lắng
        diêm dân gặp nhiều khó khăn do giá muối xuống thấp",
        "kiên quyết xử lý các trường hợp vi phạm quy định về khai thác IUU
        hoàn thành việc đăng ký, đăng kiểm, cấp giấy phép khai thác cho toàn bộ tàu cá
        nạo vét luồng lạch, nâng cấp các cảng cá và khu neo đậu tránh trú bão
        hỗ trợ ngư dân chuyển đổi nghề khai thác ven bờ sang nuôi biển công nghệ cao
        quy hoạch lại các đồng muối theo hướng sản xuất muối sạch"
    ),
    // Industry and energy
    (
        "thu hút đầu tư vào các khu công nghiệp, cụm công nghiệp
        phát triển điện gió, điện mặt trời và năng lượng tái tạo
        đầu tư hạ tầng khu công nghiệp và nhà ở cho công nhân
        phát triển công nghiệp chế biến, chế tạo
        tháo gỡ khó khăn cho các dự án điện chậm tiến độ",
        "giá trị sản xuất công nghiệp tăng cao, nhiều dự án có vốn đầu tư nước ngoài đi vào hoạt động
        tỷ lệ lấp đầy các khu công nghiệp đạt khá, nhưng hạ tầng xã hội phục vụ công nhân còn thiếu
        hệ thống lưới điện truyền tải chưa đáp ứng, nhiều nhà máy phải cắt giảm công suất
        một số cụm công nghiệp chậm đầu tư hạ tầng kỹ thuật, xử lý nước thải",
        "đẩy nhanh giải phóng mặt bằng, bàn giao đất sạch cho nhà đầu tư
        rà soát, thu hồi các dự án chậm triển khai, vi phạm cam kết đầu tư
        ưu tiên thu hút các dự án công nghệ cao, thân thiện với môi trường
        kiến nghị Tập đoàn Điện lực Việt Nam đẩy nhanh tiến độ các công trình đường dây 500 kV, 220 kV
        yêu cầu các doanh nghiệp hoàn thiện hệ thống xử lý nước thải tập trung"
    ),
    // Transport and infrastructure
    (
        "đầu tư tuyến đường cao tốc và các tuyến đường kết nối liên vùng
        phát triển hạ tầng giao thông nông thôn
        nâng cấp quốc lộ, tỉnh lộ và các cầu yếu
        bảo đảm trật tự, an toàn giao thông
        phát triển hệ thống cảng biển và dịch vụ logistics",
        "nhiều công trình giao thông trọng điểm được khởi công, hoàn thành vượt tiến độ
        công tác giải phóng mặt bằng một số dự án còn chậm, vướng mắc về giá bồi thường
        tai nạn giao thông giảm cả ba tiêu chí, tuy nhiên vẫn còn tình trạng xe quá tải
        vật liệu san lấp khan hiếm, giá tăng cao ảnh hưởng đến tiến độ thi công",
        "tập trung giải phóng mặt bằng, bố trí tái định cư cho các hộ dân bị ảnh hưởng
        bảo đảm nguồn vật liệu đất đắp nền đường cho dự án
        kiểm tra chất lượng công trình, xử lý nghiêm nhà thầu vi phạm
        lập đề xuất chủ trương đầu tư theo phương thức đối tác công tư
        tăng cường tuần tra, kiểm soát, xử lý vi phạm về tải trọng phương tiện"
    ),
    // Urban, construction, housing
    (
        "quy hoạch chung xây dựng đô thị và chương trình phát triển đô thị
        phát triển nhà ở xã hội cho công nhân và người thu nhập thấp
        chỉnh trang, nâng cấp đô thị và xây dựng đô thị thông minh
        quản lý trật tự xây dựng và trật tự đô thị
        xây dựng khu đô thị mới và khu dân cư",
        "tốc độ đô thị hóa tăng nhanh, diện mạo đô thị có nhiều khởi sắc
        tình trạng xây dựng không phép, sai phép vẫn còn diễn ra ở một số phường ven đô
        nhiều dự án khu đô thị chậm triển khai, gây lãng phí đất đai
        hạ tầng thoát nước chưa đồng bộ, ngập úng cục bộ khi mưa lớn",
        "rà soát, điều chỉnh quy hoạch phân khu bảo đảm đồng bộ hạ tầng kỹ thuật và hạ tầng xã hội
        dành quỹ đất 20% trong các dự án nhà ở thương mại để phát triển nhà ở xã hội
        xử lý dứt điểm các công trình vi phạm trật tự xây dựng
        ưu tiên đầu tư hệ thống thoát nước, xử lý nước thải đô thị
        công khai quy hoạch để Nhân dân biết, giám sát"
    ),
    // Land and environment
    (
        "quản lý, sử dụng đất đai và cấp giấy chứng nhận quyền sử dụng đất
        bảng giá đất và hệ số điều chỉnh giá đất
        thu gom, xử lý chất thải rắn sinh hoạt
        bảo vệ môi trường lưu vực sông và làng nghề
        quản lý hoạt động khai thác khoáng sản, cát sỏi lòng sông
        ứng phó với biến đổi khí hậu, xâm nhập mặn",
        "công tác cấp giấy chứng nhận quyền sử dụng đất lần đầu đạt trên 95% diện tích
        lượng chất thải rắn sinh hoạt phát sinh tăng nhanh, lò đốt rác hiện có đã quá tải
        tình trạng khai thác cát trái phép trên sông còn diễn biến phức tạp
        khiếu nại liên quan đến bồi thường, hỗ trợ khi Nhà nước thu hồi đất còn nhiều
        xâm nhập mặn sâu hơn trung bình nhiều năm, ảnh hưởng đến sản xuất và nước sinh hoạt",
        "hoàn thành xây dựng cơ sở dữ liệu đất đai
        đầu tư lò đốt rác công suất lớn, có thu hồi năng lượng
        thực hiện phân loại rác tại nguồn ở tất cả các khu dân cư
        xử lý nghiêm các tổ chức, cá nhân khai thác khoáng sản trái phép
        xây dựng bảng giá đất sát với giá thị trường, bảo đảm hài hòa lợi ích
        nạo vét, nâng dung tích các hồ chứa, chủ động phương án cấp nước mùa khô"
    ),
    // Tourism
    (
        "phát triển du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa các dân tộc
        đưa du lịch trở thành ngành kinh tế mũi nhọn
        xây dựng thương hiệu điểm đến và sản phẩm du lịch đặc trưng
        phục hồi hoạt động du lịch sau đại dịch COVID-19
        phát triển du lịch sinh thái, nghỉ dưỡng gắn với di sản",
        "lượng khách du lịch tăng mạnh, doanh thu du lịch vượt kế hoạch
        sản phẩm du lịch còn đơn điệu, chưa có nhiều sản phẩm đặc trưng thu hút khách lưu trú dài ngày
        cơ sở lưu trú phát triển tự phát, chất lượng dịch vụ chưa đồng đều
        nhiều điểm du lịch cộng đồng đã tạo việc làm cho lao động tại chỗ",
        "xây dựng bộ nhận diện thương hiệu du lịch của địa phương
        liên kết với các tỉnh trong vùng để hình thành tuyến du lịch liên tỉnh
        đào tạo, bồi dưỡng kỹ năng cho người làm du lịch cộng đồng
        kiểm soát hoạt động du lịch lặn biển, tham quan rạn san hô
        tổ chức các sự kiện văn hóa, thể thao, lễ hội để kích cầu du lịch"
    ),
    // Culture and sport
    (
        "bảo tồn và phát huy giá trị di sản văn hóa
        tổ chức Lễ hội truyền thống và Tuần Văn hóa - Du lịch
        xây dựng đời sống văn hóa ở khu dân cư
        phát triển phong trào thể dục thể thao quần chúng
        tổ chức Đại hội Thể dục thể thao các cấp
        tu bổ, tôn tạo di tích lịch sử quốc gia đặc biệt",
        "phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tiếp tục được duy trì
        nhiều di tích xuống cấp nhưng chưa được bố trí kinh phí tu bổ kịp thời
        một số lễ hội còn biểu hiện thương mại hóa, mê tín dị đoan
        các môn thể thao dân tộc như đẩy gậy, kéo co, bắn nỏ, ném còn được duy trì",
        "bảo tồn các làn điệu dân ca, dân vũ và nghề thủ công truyền thống
        tổ chức lễ hội tiết kiệm, an toàn, tránh phô trương, hình thức
        lập hồ sơ đề nghị công nhận di sản văn hóa phi vật thể quốc gia
        đầu tư thiết chế văn hóa, thể thao ở cơ sở
        phát triển mạnh phong trào thể dục thể thao quần chúng trong trường học"
    ),
    // Education
    (
        "sắp xếp mạng lưới trường lớp và đội ngũ giáo viên
        đổi mới căn bản, toàn diện giáo dục và đào tạo
        phổ cập giáo dục mầm non cho trẻ em 5 tuổi
        xây dựng trường đạt chuẩn quốc gia
        phát triển trường phổ thông dân tộc nội trú và bán trú",
        "chất lượng giáo dục mũi nhọn có chuyển biến, nhiều học sinh đạt giải quốc gia
        tình trạng thiếu giáo viên cục bộ ở bậc mầm non, tiểu học chưa được khắc phục
        cơ sở vật chất trường học ở vùng sâu, vùng xa còn thiếu, nhiều phòng học tạm
        tỷ lệ trường đạt chuẩn quốc gia tăng qua từng năm",
        "rà soát, sắp xếp các điểm trường lẻ phù hợp với điều kiện thực tế
        tuyển dụng đủ giáo viên theo định mức được giao
        ưu tiên nguồn lực xóa phòng học tạm, phòng học mượn
        nâng cao chất lượng dạy học tiếng Anh và tin học
        thực hiện tốt chính sách hỗ trợ học sinh bán trú"
    ),
    // Health
    (
        "nâng cao năng lực y tế cơ sở và y tế dự phòng
        phòng, chống dịch COVID-19 và tiêm chủng vắc-xin
        đầu tư xây dựng Bệnh viện Đa khoa và trung tâm y tế
        bảo hiểm y tế toàn dân
        chăm sóc sức khỏe bà mẹ, trẻ em và công tác dân số",
        "tỷ lệ bao phủ bảo hiểm y tế đạt trên 93% dân số
        mạng lưới y tế cơ sở còn thiếu bác sĩ, trang thiết bị lạc hậu
        tình trạng thiếu thuốc, vật tư y tế xảy ra ở một số bệnh viện
        công tác tiêm chủng mở rộng được duy trì, không để dịch lớn xảy ra",
        "củng cố, kiện toàn trạm y tế xã, bảo đảm có bác sĩ làm việc
        bảo đảm đủ thuốc, vật tư, sinh phẩm phục vụ khám, chữa bệnh
        đẩy nhanh tiến độ đầu tư xây dựng bệnh viện tuyến tỉnh
        vận động người dân tham gia bảo hiểm y tế hộ gia đình
        tăng cường giám sát, phát hiện sớm và xử lý kịp thời các ổ dịch"
    ),
    // Labour and social protection
    (
        "giải quyết việc làm và đào tạo nghề cho lao động nông thôn
        thực hiện chính sách bảo hiểm xã hội, bảo hiểm thất nghiệp
        giảm nghèo đa chiều, bền vững
        chăm lo Tết cho hộ nghèo, gia đình chính sách
        đưa người lao động đi làm việc ở nước ngoài theo hợp đồng
        xóa nhà tạm, nhà dột nát cho hộ nghèo",
        "tỷ lệ hộ nghèo giảm nhanh, tuy nhiên nguy cơ tái nghèo còn cao
        tình trạng nợ đóng, trốn đóng bảo hiểm xã hội tại một số doanh nghiệp còn kéo dài
        số lao động đi làm việc ở nước ngoài theo hợp đồng còn thấp so với kế hoạch
        nhiều hộ nghèo đã được hỗ trợ xây mới, sửa chữa nhà ở",
        "hoàn thành xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo
        tăng cường thanh tra, kiểm tra, xử lý nghiêm các doanh nghiệp nợ đóng bảo hiểm xã hội
        tổ chức tư vấn, tuyển chọn lao động tại các huyện vùng cao
        bảo đảm mọi người dân, mọi gia đình đều được đón Tết vui tươi, đầm ấm
        thực hiện tốt chính sách vay vốn ưu đãi cho người lao động thuộc hộ nghèo"
    ),
    // Ethnic affairs and religion
    (
        "công tác dân tộc và thực hiện chính sách dân tộc
        công tác tôn giáo và giải quyết các vấn đề phát sinh về đất đai cơ sở tôn giáo
        giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống
        phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số
        chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
        "đời sống vật chất, tinh thần của đồng bào dân tộc thiểu số từng bước được nâng lên
        tình trạng tảo hôn ở một số xã vùng cao vẫn còn cao
        các tổ chức tôn giáo hoạt động tuân thủ pháp luật, gắn bó với dân tộc
        tiến độ giải ngân vốn chương trình mục tiêu quốc gia còn chậm",
        "phát huy vai trò của già làng, trưởng bản, chức sắc tôn giáo
        đổi mới hình thức tuyên truyền bằng tiếng dân tộc
        giải quyết dứt điểm các trường hợp tồn đọng về đất đai cơ sở tôn giáo
        đẩy nhanh tiến độ giải ngân vốn các chương trình mục tiêu quốc gia
        thực hiện nhất quán chính sách tôn trọng và bảo đảm quyền tự do tín ngưỡng, tôn giáo"
    ),
    // Defence and security
    (
        "xây dựng khu vực phòng thủ vững chắc
        bảo đảm an ninh, trật tự trên địa bàn
        phòng, chống tội phạm ma túy và tệ nạn xã hội
        quản lý, bảo vệ chủ quyền lãnh thổ, an ninh biên giới
        diễn tập khu vực phòng thủ cấp huyện
        tổ chức tuyển chọn và gọi công dân nhập ngũ",
        "tình hình an ninh chính trị cơ bản ổn định, trật tự an toàn xã hội được bảo đảm
        tội phạm về ma túy, tín dụng đen, lừa đảo qua mạng còn diễn biến phức tạp
        công tác tuyển quân bảo đảm đúng luật, đủ chỉ tiêu, chất lượng được nâng lên
        tình trạng xuất, nhập cảnh trái phép qua đường mòn, lối mở còn xảy ra",
        "tăng cường nắm tình hình, chủ động phòng ngừa, không để bị động, bất ngờ
        mở đợt cao điểm tấn công, trấn áp các loại tội phạm
        phối hợp chặt chẽ với lực lượng chức năng nước bạn quản lý đường biên, mốc giới
        tổ chức diễn tập bảo đảm an toàn tuyệt đối về người và vũ khí, trang bị
        xây dựng thế trận an ninh nhân dân gắn với thế trận quốc phòng toàn dân"
    ),
    // Anti-corruption and internal affairs
    (
        "công tác phòng, chống tham nhũng, tiêu cực
        giải quyết khiếu nại, tố cáo và tiếp công dân
        cải cách tư pháp và hoạt động của các cơ quan tư pháp
        phòng, chống buôn lậu, gian lận thương mại và hàng giả
        thu hồi tài sản bị chiếm đoạt, thất thoát trong các vụ án tham nhũng",
        "công tác phát hiện, xử lý tham nhũng có chuyển biến, nhiều vụ án được đưa ra xét xử nghiêm minh
        một số vụ khiếu kiện đông người, phức tạp kéo dài chưa được giải quyết dứt điểm
        hoạt động buôn lậu, vận chuyển hàng cấm qua biên giới còn diễn biến phức tạp
        tỷ lệ thu hồi tài sản trong các vụ án tham nhũng còn thấp",
        "đẩy nhanh tiến độ điều tra, truy tố, xét xử các vụ án được Ban Chỉ đạo theo dõi
        tổ chức đối thoại, giải quyết dứt điểm các vụ việc khiếu nại kéo dài
        xử lý nghiêm trách nhiệm người đứng đầu để xảy ra tham nhũng
        tăng cường kiểm tra, kiểm soát thị trường, xử lý nghiêm hàng giả, hàng kém chất lượng
        công khai kết quả xử lý để Nhân dân biết, giám sát"
    ),
    // Party building: organisation and cadres
    (
        "công tác quy hoạch cấp ủy, cán bộ lãnh đạo, quản lý các cấp
        chuẩn bị nhân sự đại hội đảng bộ các cấp
        thực hiện thí điểm mô hình đảng bộ cơ sở
        kiện toàn tổ chức bộ máy, tinh giản biên chế
        đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên
        luân chuyển, điều động cán bộ lãnh đạo, quản lý
        chức năng, nhiệm vụ, mối quan hệ công tác của chi bộ thôn, tổ dân phố",
        "công tác cán bộ được thực hiện đúng nguyên tắc, quy trình, dân chủ, khách quan
        số đảng viên mới kết nạp ở một số đảng bộ còn thấp, nhất là trong doanh nghiệp tư nhân
        việc sắp xếp tổ chức bộ máy tinh gọn đã giảm được nhiều đầu mối
        chất lượng sinh hoạt chi bộ ở một số nơi còn hình thức",
        "rà soát, bổ sung quy hoạch bảo đảm cơ cấu hợp lý về độ tuổi, giới tính, dân tộc
        chuẩn bị chu đáo nội dung, nhân sự đại hội
        đổi mới, nâng cao chất lượng sinh hoạt chi bộ
        thực hiện nghiêm quy định về kiểm soát quyền lực trong công tác cán bộ
        sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả"
    ),
    // Inspection and discipline
    (
        "kết quả kiểm tra, giám sát và thi hành kỷ luật đảng
        chương trình kiểm tra, giám sát của Ban Chấp hành Đảng bộ
        kiểm tra dấu hiệu vi phạm đối với tổ chức đảng và đảng viên
        kê khai, kiểm soát tài sản, thu nhập của cán bộ",
        "cấp ủy, ủy ban kiểm tra các cấp đã thực hiện toàn diện các nhiệm vụ kiểm tra, giám sát
        qua kiểm tra đã phát hiện một số tổ chức đảng, đảng viên có vi phạm
        việc kê khai tài sản, thu nhập ở một số nơi còn hình thức",
        "thi hành kỷ luật nghiêm minh, kịp thời đối với tổ chức đảng, đảng viên vi phạm
        tập trung kiểm tra, giám sát những lĩnh vực nhạy cảm, dễ phát sinh tiêu cực
        chỉ đạo khắc phục những hạn chế, khuyết điểm sau kiểm tra
        xác minh tài sản, thu nhập đối với các trường hợp có dấu hiệu không trung thực"
    ),
    // Propaganda, press
    (
        "công tác tuyên truyền, bảo vệ nền tảng tư tưởng của Đảng
        học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
        quy chế phát ngôn và cung cấp thông tin cho báo chí
        tổ chức Hội báo Xuân và giải báo chí
        kỷ niệm các ngày lễ lớn và sự kiện lịch sử của địa phương",
        "công tác tuyên truyền được triển khai kịp thời, đa dạng hình thức
        các thế lực thù địch lợi dụng mạng xã hội xuyên tạc, chống phá
        việc cung cấp thông tin cho báo chí ở một số cơ quan còn chậm",
        "chủ động đấu tranh, phản bác các quan điểm sai trái, thù địch
        quy định rõ người phát ngôn, trách nhiệm cung cấp thông tin kịp thời, chính xác
        tổ chức các hoạt động kỷ niệm trang trọng, tiết kiệm, thiết thực
        nhân rộng các điển hình tiên tiến trong học tập và làm theo gương Bác"
    ),
    // Mass mobilisation
    (
        "thực hiện Quy chế dân chủ ở cơ sở
        phong trào thi đua Dân vận khéo
        công tác vận động đồng bào Chăm và đồng bào Khmer
        phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
        "quyền làm chủ của Nhân dân được phát huy, nhiều mô hình Dân vận khéo được nhân rộng
        việc công khai, lấy ý kiến Nhân dân về các dự án đầu tư, thu hồi đất ở một số nơi còn hình thức
        Mặt trận và các đoàn thể đã tích cực tham gia giám sát, phản biện xã hội",
        "thực hiện tốt phương châm dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng
        tăng cường nắm tình hình tư tưởng của chức sắc, chức việc, người có uy tín
        tổ chức hội nghị sơ kết ở các huyện, thành phố
        phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc"
    ),
    // Digital transformation, science
    (
        "ứng dụng công nghệ thông tin và chuyển đổi số trong các cơ quan đảng
        xây dựng chính quyền số và đô thị thông minh
        phát triển khoa học, công nghệ và đổi mới sáng tạo
        triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử
        cải cách hành chính và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
        "hạ tầng số được đầu tư, tỷ lệ hồ sơ thủ tục hành chính trực tuyến tăng nhanh
        chỉ số năng lực cạnh tranh cấp tỉnh giảm bậc, nhất là chỉ số chi phí không chính thức
        nguồn nhân lực công nghệ thông tin còn thiếu và yếu
        cơ sở dữ liệu chuyên ngành chưa được kết nối, chia sẻ",
        "xây dựng cơ sở dữ liệu dùng chung, bảo đảm an toàn, an ninh mạng
        đẩy mạnh thanh toán không dùng tiền mặt trong các dịch vụ công
        cải thiện mạnh mẽ môi trường đầu tư, kinh doanh
        đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức
        số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"
    ),
    // Budget and finance
    (
        "nguyên tắc, tiêu chí, định mức phân bổ vốn đầu tư công trung hạn
        dự toán thu, chi ngân sách nhà nước
        kế hoạch đầu tư công và giải ngân vốn đầu tư công
        quản lý, sử dụng tài sản công và sắp xếp lại nhà, đất
        phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách",
        "tổng thu ngân sách trên địa bàn vượt dự toán, thu từ tiền sử dụng đất đạt khá
        tỷ lệ giải ngân vốn đầu tư công còn thấp so với bình quân cả nước
        nhiều cơ sở nhà, đất dôi dư sau sắp xếp chưa được xử lý, gây lãng phí
        nợ đọng xây dựng cơ bản ở cấp xã cơ bản đã được xử lý",
        "tập trung tháo gỡ vướng mắc, đẩy nhanh tiến độ giải ngân vốn đầu tư công
        điều chuyển vốn từ các dự án chậm giải ngân sang dự án có khả năng giải ngân tốt
        triệt để tiết kiệm chi thường xuyên
        xử lý dứt điểm nhà, đất dôi dư sau sắp xếp
        tăng cường chống thất thu, quản lý chặt chẽ nợ đọng thuế"
    ),
    // Trade, border economy
    (
        "phát triển kinh tế cửa khẩu và thương mại biên giới
        giải quyết ùn tắc hàng hóa nông sản tại các cửa khẩu
        thành lập Khu thương mại tự do
        phát triển thương mại điện tử và chợ đầu mối nông sản",
        "kim ngạch xuất nhập khẩu qua các cửa khẩu tăng, thu ngân sách từ hoạt động xuất nhập khẩu đạt cao
        tình trạng ùn ứ phương tiện chở nông sản kéo dài vào mùa thu hoạch
        hạ tầng các cửa khẩu phụ, lối mở chưa đáp ứng yêu cầu",
        "đẩy nhanh triển khai cửa khẩu số, thông quan hàng hóa điện tử
        phối hợp với phía bạn tháo gỡ vướng mắc, bảo đảm thông quan thông suốt
        đầu tư nâng cấp bãi kiểm hóa, khu chuyển tải hàng hóa
        thông tin kịp thời cho doanh nghiệp về chính sách nhập khẩu của thị trường"
    ),
    // Natural disasters
    (
        "khắc phục hậu quả mưa lũ, sạt lở đất
        phương án bố trí, ổn định dân cư vùng có nguy cơ sạt lở đất, lũ quét
        phòng, chống thiên tai và tìm kiếm cứu nạn
        bảo đảm nguồn nước sinh hoạt mùa khô",
        "các cấp, các ngành đã khẩn trương khắc phục hậu quả, cơ bản ổn định đời sống Nhân dân
        việc xây dựng các khu tái định cư tập trung còn chậm, nhiều hộ dân vẫn phải ở nhờ, ở tạm
        hạn hán kéo dài, nhiều hồ chứa dưới mực nước chết, hàng nghìn hộ dân thiếu nước sinh hoạt",
        "hoàn thành di dời các hộ dân ra khỏi vùng nguy hiểm
        rà soát, cập nhật bản đồ cảnh báo nguy cơ sạt lở đất, lũ quét đến từng thôn, bản
        ưu tiên hỗ trợ các hộ mất nhà ở hoàn toàn
        không để người dân thiếu nước uống, thiếu đói
        chủ động phương án bốn tại chỗ, sẵn sàng ứng phó khi có tình huống"
    ),
    // New rural development
    (
        "xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu
        phát triển kinh tế tập thể, hợp tác xã
        xây dựng huyện đạt chuẩn nông thôn mới
        nâng cao đời sống vật chất, tinh thần của người dân nông thôn",
        "số xã đạt chuẩn nông thôn mới tăng nhanh, bộ mặt nông thôn thay đổi rõ nét
        một số xã đã đạt chuẩn nhưng các tiêu chí chưa bền vững, nhất là tiêu chí thu nhập, môi trường
        khu vực kinh tế tập thể phát triển chưa tương xứng, nhiều hợp tác xã quy mô nhỏ",
        "rà soát, củng cố các tiêu chí đã đạt, không để xã rớt chuẩn
        huy động các nguồn lực xã hội hóa, phát huy vai trò chủ thể của người dân
        hỗ trợ các hợp tác xã liên kết theo chuỗi giá trị
        lựa chọn mô hình phù hợp với điều kiện từng địa phương"
    ),
];

/// Sentences any item may use (after "đánh giá"/"ghi nhận", lowercase start).
const GENERIC_FACTS: &str = "
    các cấp ủy, chính quyền đã tập trung lãnh đạo, chỉ đạo quyết liệt, đạt nhiều kết quả tích cực
    sự phối hợp giữa các sở, ngành và địa phương có lúc chưa chặt chẽ
    nguồn lực đầu tư còn hạn chế, chưa đáp ứng yêu cầu phát triển
    nhận thức của một bộ phận cán bộ, đảng viên và Nhân dân về nhiệm vụ này chưa đầy đủ
    công tác tham mưu của một số cơ quan còn chậm, chất lượng chưa cao
    nhiều chỉ tiêu chủ yếu đạt và vượt kế hoạch đề ra
    kết quả đạt được chưa tương xứng với tiềm năng, lợi thế của địa phương
    cơ chế, chính sách hỗ trợ còn chồng chéo, thủ tục phức tạp
    tình hình thời tiết diễn biến bất thường ảnh hưởng lớn đến sản xuất
    người đứng đầu một số địa phương chưa thực sự quyết liệt
    đây là nhiệm vụ quan trọng, cấp bách, có ý nghĩa lâu dài
    dư luận xã hội đồng tình, ủng hộ chủ trương này
    việc triển khai ở cơ sở còn lúng túng, chưa có hướng dẫn cụ thể
    nguồn nhân lực chất lượng cao còn thiếu, nhất là ở vùng sâu, vùng xa
    công tác kiểm tra, giám sát việc thực hiện chưa thường xuyên
    một số mục tiêu khó hoàn thành nếu không có giải pháp đột phá
    tiến độ thực hiện một số nhiệm vụ còn chậm so với yêu cầu
    công tác tuyên truyền chưa sâu rộng, hình thức chưa phong phú
";

/// Tasks any item may add (verb phrases).
const GENERIC_TASKS: &str = "
    xác định rõ lộ trình, phân công cụ thể trách nhiệm của từng cơ quan, đơn vị
    tăng cường kiểm tra, giám sát, kịp thời tháo gỡ khó khăn, vướng mắc
    bảo đảm đúng quy định của pháp luật, công khai, minh bạch
    huy động các nguồn lực xã hội hóa để thực hiện
    sơ kết, đánh giá rút kinh nghiệm, nhân rộng các mô hình hiệu quả
    đẩy mạnh công tác tuyên truyền để tạo sự đồng thuận trong Nhân dân
    nâng cao trách nhiệm của người đứng đầu
    lồng ghép các nguồn vốn từ các chương trình mục tiêu quốc gia
    rà soát các văn bản quy phạm pháp luật có liên quan để đề xuất sửa đổi, bổ sung
    định kỳ 6 tháng báo cáo kết quả thực hiện
    tổng hợp, tiếp thu ý kiến của các đồng chí Ủy viên Ban Thường vụ
    tham khảo kinh nghiệm của các tỉnh đã thực hiện
    bảo đảm tính khả thi, phù hợp với điều kiện thực tế của địa phương
    xây dựng kế hoạch cụ thể, có lộ trình và bố trí kinh phí thực hiện
    làm rõ trách nhiệm của tập thể, cá nhân có liên quan
    phối hợp chặt chẽ với các bộ, ngành Trung ương
";

/// Problems following "Tuy nhiên," (lowercase start).
const PROBLEMS: &str = "
    việc triển khai ở một số địa phương còn chậm, chưa quyết liệt
    nguồn lực bố trí chưa đáp ứng yêu cầu
    chất lượng một số công trình chưa cao, hiệu quả sử dụng còn thấp
    công tác phối hợp giữa các ngành có lúc, có nơi chưa đồng bộ
    vẫn còn tình trạng né tránh, đùn đẩy trách nhiệm
    một số cán bộ còn tâm lý sợ sai, ngại va chạm
    thủ tục hành chính còn rườm rà, kéo dài thời gian thực hiện
    tiến độ giải ngân vốn còn chậm, nhiều dự án phải điều chỉnh
    số liệu báo cáo giữa các cơ quan chưa thống nhất
    đời sống của một bộ phận Nhân dân còn nhiều khó khăn
    công tác quản lý nhà nước ở một số lĩnh vực còn buông lỏng
";

/// Openers for a sentence of emphasis (lowercase; capitalized when used).
const EMPHASES: &str = "
    cần tập trung
    trong đó, lưu ý
    yêu cầu
    đề nghị các cơ quan chức năng
    các cấp ủy, chính quyền cần
    thời gian tới, tiếp tục
    phải quán triệt quan điểm
    cần làm rõ cơ sở để
";

const BOUNDARY_TASKS: &str = "
    lấy ý kiến cử tri về phương án điều chỉnh địa giới hành chính theo đúng quy định
    hoàn thiện hồ sơ đề án điều chỉnh địa giới hành chính, trình Hội đồng nhân dân xem xét
    bảo đảm các điều kiện về diện tích tự nhiên, quy mô dân số theo tiêu chuẩn của đơn vị hành chính
    sắp xếp, bố trí cán bộ, công chức dôi dư sau khi điều chỉnh địa giới hành chính
    xử lý trụ sở, tài sản công dôi dư sau sắp xếp đơn vị hành chính
";

const PROJECT_KINDS: &str = "
    Khu du lịch sinh thái và nghỉ dưỡng
    Khu công nghiệp
    Cụm công nghiệp
    Khu đô thị mới
    Khu dân cư
    Nhà máy chế biến nông sản
    Nhà máy xử lý nước thải
    Nhà máy điện gió
    Nhà máy điện mặt trời
    tuyến đường tránh thị trấn
    cầu qua sông
    hồ chứa nước
    Trung tâm thương mại
    Bệnh viện Đa khoa khu vực
    trường Trung học phổ thông
    Khu xử lý chất thải rắn
    sân golf
    Khu tái định cư
    bến xe khách
    chợ đầu mối nông sản
    Trung tâm Văn hóa - Thể thao
    Nhà máy thủy điện
    cảng cạn
";

/// Syllables of commune, village and project names (compiled for this generator
/// from common Vietnamese place-name elements, including Tày, Thái, H'Mông and
/// Khmer-derived ones).
const NAME_SYLLABLES: &str = "
    An, Bình, Phú, Thạnh, Hòa, Tân, Long, Phước, Hưng, Thịnh, Lộc, Thọ, Khánh, Xuân, Đông,
    Tây, Nam, Bắc, Trung, Hải, Sơn, Thủy, Lâm, Hà, Giang, Quang, Minh, Đức, Nghĩa, Trí,
    Tín, Nhân, Lợi, Thuận, Yên, Định, Hiệp, Thắng, Lạc, Mỹ, Vĩnh, Cát, Kim, Ngọc, Bảo,
    Châu, Hiền, Lương, Hương, Thanh, Tiến, Quyết, Thành, Công, Chiến, Hợp, Tiên, Phong,
    Hồng, Đào, Liên, Hoa, Mai, Lan, Cúc, Trúc, Tùng, Bách, Dương, Liễu, Quế, Sen, Cầm,
    Điền, Nông, Mậu, Tài, Gia, Cảnh, Dũng, Hùng, Kiên, Cường, Toàn, Thái, Trường, Vạn,
    Hoàng, Phượng, Loan, Lai, Hội, Đồng, Điện, Tuy, Quảng, Ninh, Hoài, Cam, Diên, Tịnh,
    Nà, Khuổi, Bản, Phiêng, Nậm, Mường, Pác, Bó, Tà, Xín, Pả, Lủng, Chiềng, Tả, Sủng,
    Háng, Sà, Phìn, Hua, Huổi, Co, Púng, Lũng, Cú, Lao, Sì, Mò, Kéo, Kha, Khe, Suối,
    Thác, Đèo, Dốc, Bến, Chợ, Cầu, Gò, Rạch, Kênh, Bàu, Trảng, Vàm, Mũi, Cồn, Cù, Ô,
    Ea, Krông, Đắk, Buôn, Ia, Kon, Plei, Chư, Ayun, Bon, Sóc, Phnôm, Prây, Ba, Sa, Thơm,
    Lê, Lý, Trần, Nguyễn, Phan, Đinh, Tô, Triệu, Nhơn, Hảo, Ân, Hữu, Khương, Dinh,
    Đạo, Tứ, Tam, Ngũ, Lục, Thất, Bát, Cửu, Thập, Nhất, Nhị, Quý, Kỳ, Lễ, Văn, Võ,
    Chánh, Hiếu, Thiện, Tú, Tuấn, Vinh, Diệu, Uyên, Viên, Vân, Vũ, Tường, Thụy, Phúc,
    Khê, Linh, Lĩnh, Nguyên, Hạnh, Hiển, Đạt, Luận, Mẫn, Ngạn, Đoài, Ngoại, Nội, Thượng,
    Hạ, Trại, Làng, Xóm, Phố, Hòn, Đảo, Lăng, Miếu, Đình, Chùa, Tháp, Đá, Cây, Gạo, Mít,
    Dừa, Tre, Mía, Chè, Lúa, Ngô, Sắn, Chàm, Mun, Sao, Dầu, Trâm, Sung, Vối, Bông, Muối
";

const SURNAMES: &str = "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô,
    Dương, Lý, Lương, Hà, Nông, Lò, Quách, Triệu, Mai, Tạ, Đinh, Lưu, Chu, Vi, Lục, Hứa, Y, Thạch, Sầm";

const MIDDLE_NAMES: &str =
    "Văn, Thị, Đức, Minh, Quốc, Hữu, Thanh, Ngọc, Xuân, Công, Đình, Hồng, Kim,
    Anh, Quang, Trọng, Mạnh, Thế, Bá, Tiến, Thu, Diệu, Khánh, Phương";

const GIVEN_NAMES: &str =
    "Nghiệm, Kha, Bảy, Lan, Thịnh, Hoà, Hùng, Dũng, Tuấn, Sơn, Hải, Hà, Hương,
    Huệ, Long, Nam, Bình, Phong, Quân, Trung, Việt, Vinh, Tâm, Thắng, Cường, Tùng, Hiếu, Hậu,
    Đông, Thành, Phúc, Lộc, Thọ, Khang, Toàn, Thuận, Hưng, Tín, Nghĩa, Trí, Lực, Mạnh, Quyết,
    Chiến, Thái, Hòa, Yến, Nhung, Thảo, Trang, Hằng, Nga, Loan, Liên, Oanh, Ánh, Ngân, Mai,
    Cúc, Đào, Vân, Uyên, Xuyến, Thoa, Thư, Quỳnh, Diệp, Duyên, Giang, Khuê, Lụa, Mơ, Nụ,
    Phượng, Sen, Tuyết, Vy, Châu, Khôi, Kiên, Luân, Nhân, Pháp, Quý, Sang, Tài, Tiến, Tú,
    Vượng, Xuân, Bằng, Chương, Doãn, Giáp, Hoạt, Khiêm, Lãm, Mẫn, Nhẫn, Phấn, Quảng, Sỹ,
    Thiều, Thưởng, Tường, Ước, Vĩ, Ý, Kông, Pó, Seo, Sùng, Xeng, Chư";

/// Things counted in figures ("toàn tỉnh có 120 …").
const COUNTED: &str = "
    hợp tác xã
    hộ nghèo
    doanh nghiệp đang hoạt động
    tổ chức cơ sở đảng
    đảng viên
    thôn, bản đặc biệt khó khăn
    công trình chậm tiến độ
    điểm trường lẻ
    cơ sở lưu trú du lịch
    tàu cá có chiều dài từ 15 m trở lên
    hộ dân trong vùng nguy cơ sạt lở
    sản phẩm OCOP đạt từ 3 sao trở lên
    xã đạt chuẩn nông thôn mới
    vụ vi phạm
";

/// Sentences a rare term is planted in; `{}` is the term.
const RARE_FRAMES: &str = "
    Riêng đối với {} cần có đánh giá riêng, báo cáo cụ thể.
    Lưu ý nội dung liên quan đến {} tại các xã vùng cao.
    Kinh nghiệm xử lý vụ việc {} cần được rút ra và phổ biến.
    Đề nghị bổ sung phụ lục về {} vào hồ sơ trình.
";

#[cfg(test)]
mod tests {
    // Each test imports what it uses: under `cargo bench` (harness = false) the
    // module compiles without its #[test] functions.

    #[test]
    fn same_seed_gives_same_bytes() {
        use super::*;
        let a = Generator::new(7);
        let b = Generator::new(7);
        for i in [0, 1, 2, 99, 12_345] {
            assert_eq!(a.document(i), b.document(i));
        }
    }

    #[test]
    fn different_seeds_and_indices_differ() {
        use super::*;
        let a = Generator::new(7);
        let b = Generator::new(8);
        assert_ne!(a.document(0).text, b.document(0).text);
        assert_ne!(a.document(0).text, a.document(1).text);
    }

    #[test]
    fn there_are_63_provinces_with_localities() {
        use super::*;
        assert_eq!(PROVINCES.len(), 63);
        assert_eq!(PROVINCES.iter().filter(|p| p.city).count(), 5);
        assert!(PROVINCES.iter().all(|p| p.locals.len() >= 3));
    }

    #[test]
    fn dates_round_trip() {
        use super::*;
        for days in [-1000, 0, 16_000, 19_000, 20_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }

    #[test]
    fn old_tone_placement_moves_open_syllable_tones_only() {
        use super::*;
        // Force every occurrence: try seeds until all three moved (80% each).
        let input = "Hòa Bình, Tỉnh ủy, HÒA, hoàn thành, quý";
        let moved = (0..64)
            .map(|s| old_tone_placement(input, &mut Rng::new(s)))
            .find(|t| t.contains("Hoà") && t.contains("uỷ") && t.contains("HOÀ"))
            .expect("some seed moves all");
        assert_eq!(moved, "Hoà Bình, Tỉnh uỷ, HOÀ, hoàn thành, quý");
    }

    #[test]
    fn corpus_has_the_quirks_and_phrases_in_their_shares() {
        use super::*;
        let g = Generator::new(1);
        let docs: Vec<GeneratedDoc> = (0..400).map(|i| g.document(i)).collect();
        let share = |f: &dyn Fn(&str) -> bool| docs.iter().filter(|d| f(&d.text)).count();
        let crlf = share(&|t| t.contains("\r\n"));
        let nfd = share(&|t| t.nfc().collect::<String>() != t);
        let md = share(&|t| t.contains("**"));
        let header = share(&|t| t.contains("-KL/") || t.contains("-TB/"));
        assert!((20..=70).contains(&crlf), "crlf {crlf}");
        assert!((20..=70).contains(&nfd), "nfd {nfd}");
        assert!((120..=200).contains(&md), "markdown {md}");
        assert!((160..=240).contains(&header), "header {header}");
        let nfc: Vec<String> = docs.iter().map(|d| d.text.nfc().collect()).collect();
        assert!(nfc.iter().any(|t| t.contains("địa giới hành chính")));
        assert!(
            nfc.iter()
                .filter(|t| t.contains("đồng ý chủ trương"))
                .count()
                > 100
        );
        assert!(nfc.iter().any(|t| t.contains("Hoà") || t.contains("uỷ")));
        let mean = docs.iter().map(|d| d.text.len()).sum::<usize>() / docs.len();
        assert!((6_000..=13_000).contains(&mean), "mean length {mean}");
        let names: std::collections::HashSet<_> = docs.iter().map(|d| &d.file_name).collect();
        assert_eq!(names.len(), docs.len());
        let syllables: std::collections::HashSet<String> = nfc
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_lowercase)
            .collect();
        assert!(
            syllables.len() > 1_500,
            "{} syllable types",
            syllables.len()
        );
    }
}
