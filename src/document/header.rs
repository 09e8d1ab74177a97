//! The header (party name, committee, number, place-date line) and the title
//! block (`KẾT LUẬN` / `của Ban Thường vụ …` / `tại kỳ họp thứ …, ngày …`).

use time::Date;

use super::casing::{find_ignore_case, is_alnum, is_upper, lower, starts_upper, title_case};
use super::date::{self, DateValue};
use super::text::{Line, Paragraph, columns, find, find_first};

/// What the lines above the title say.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub number: Option<String>,
    pub place: Option<String>,
    /// The place named by a committee line (`HUYỆN ỦY CÔN ĐẢO`).
    pub committee_place: Option<String>,
    pub issued_date: Option<Date>,
    /// The committee of the left column in normal case, without its place
    /// (`TỈNH ỦY ĐẮK LẮK` → `Tỉnh ủy`).
    pub committee: Option<String>,
    /// An office or board of the committee that issues the document
    /// (`VĂN PHÒNG` → `Văn phòng`, `BAN THƯỜNG VỤ` → `Ban Thường vụ`).
    pub unit: Option<String>,
    /// Header text other than the number and the place-date line (the
    /// committee's lines included), as printed, kept for the preamble.
    pub other: Vec<String>,
    pub warnings: Vec<(usize, String)>,
}

/// The title block, joined into one paragraph.
#[derive(Debug)]
pub(crate) struct Title<'a> {
    /// The kind in its standard spelling (`KẾT LUẬN`), whatever the print.
    pub kind: String,
    /// The title line and the lines that continue it, from the first word
    /// after the kind on.
    pub block: Paragraph<'a>,
    /// The `về …` lines of the title block, joined.
    pub subject: Option<String>,
    /// The title block as printed (markdown removed), lines joined.
    pub written: String,
    /// Index of the first line after the title block.
    pub end: usize,
}

/// Kinds a title can name: folded letters, and the standard spelling. The
/// conclusion kinds come first; a longer kind before its prefix.
const TITLE_KINDS: &[(&str, &str)] = &[
    ("thongbaoketluan", "THÔNG BÁO KẾT LUẬN"),
    ("ketluan", "KẾT LUẬN"),
    ("thongbao", "THÔNG BÁO"),
    ("nghiquyet", "NGHỊ QUYẾT"),
    ("chithi", "CHỈ THỊ"),
    ("quydinh", "QUY ĐỊNH"),
    ("quyetdinh", "QUYẾT ĐỊNH"),
    ("kehoach", "KẾ HOẠCH"),
    ("huongdan", "HƯỚNG DẪN"),
    ("chuongtrinh", "CHƯƠNG TRÌNH"),
    ("baocao", "BÁO CÁO"),
];

/// The kinds of document the parser reads from a title, in their standard
/// spelling: the values `Document::kind` takes (or `None`).
pub const KINDS: &[&str] = &[
    "THÔNG BÁO KẾT LUẬN",
    "KẾT LUẬN",
    "THÔNG BÁO",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "QUY ĐỊNH",
    "QUYẾT ĐỊNH",
    "KẾ HOẠCH",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "BÁO CÁO",
];

/// Kinds that are conclusions; any other title is a document of another kind.
pub(crate) fn is_conclusion_kind(kind: &str) -> bool {
    matches!(kind, "KẾT LUẬN" | "THÔNG BÁO KẾT LUẬN" | "THÔNG BÁO")
}

/// The letters of a word, folded to ASCII lowercase (`ÉT,` → `et`).
pub(crate) fn folded_letters(word: &str) -> String {
    crate::analysis::fold(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The kind a line opens with, read letter by letter so that OCR spacing
/// (`K ÉT LUẬN`) and scrambled marks (`KẾT LỦẬN`) still match: the kind's
/// standard spelling and the byte offset where its last word ends.
pub(crate) fn kind_at_start(text: &str) -> Option<(&'static str, usize)> {
    let mut best: Option<(&'static str, usize, usize)> = None;
    // Each word's folded letters, read once for all the kinds, as far as
    // one of them asks.
    let mut words = words_with_offsets(text);
    let mut folded: Vec<(usize, String)> = Vec::new();
    for &(key, kind) in TITLE_KINDS {
        let mut acc = String::new();
        let mut end = 0;
        for k in 0.. {
            if k == folded.len() {
                match words.next() {
                    Some((start, word)) => folded.push((start + word.len(), folded_letters(word))),
                    None => break,
                }
            }
            let (word_end, letters) = &folded[k];
            acc.push_str(letters);
            end = *word_end;
            if acc.len() >= key.len() || !key.starts_with(acc.as_str()) {
                break;
            }
        }
        if acc == key && best.is_none_or(|b| key.len() > b.2) {
            best = Some((kind, end, key.len()));
        }
    }
    best.map(|b| (b.0, b.1))
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The title line: a line in capitals (or a markdown heading) that opens with
/// a kind, the conclusion kinds first; failing that, a short line in any case
/// that opens with `Kết luận` / `Thông báo kết luận`. Returns its index, the
/// kind and where the kind ends in the line's text.
pub(crate) fn find_title(lines: &[Line<'_>]) -> Option<(usize, &'static str, usize)> {
    let heading_like = |l: &Line<'_>| {
        l.text.len() < 300 && (is_upper(&l.text) || l.raw.trim_start().starts_with('#'))
    };
    let mut other: Option<(usize, &'static str, usize)> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || !heading_like(l) {
            continue;
        }
        if let Some((kind, end)) = kind_at_start(&l.text) {
            if is_conclusion_kind(kind) {
                return Some((i, kind, end));
            }
            if other.is_none() {
                other = Some((i, kind, end));
            }
        }
    }
    let loose = lines.iter().enumerate().find_map(|(i, l)| {
        if l.is_blank() || l.text.len() >= 200 || l.text.ends_with(':') {
            return None;
        }
        let (kind, end) = kind_at_start(&l.text)?;
        (kind == "KẾT LUẬN" || kind == "THÔNG BÁO KẾT LUẬN").then_some((i, kind, end))
    });
    other.or(loose)
}

/// Reads the title line at `at` (its kind ending at byte `kind_end`) and the
/// lines that continue it.
pub(crate) fn read_title<'a>(
    lines: &'a [Line<'_>],
    at: usize,
    kind: &'static str,
    kind_end: usize,
) -> Title<'a> {
    let mut block = Paragraph::default();
    let mut subject: Option<String> = None;
    let mut in_subject = false;
    let mut written = String::new();
    if let Some(first) = lines.get(at) {
        let rest = first.text.get(kind_end..).unwrap_or("").trim();
        block.append(format!("{kind} {rest}"), first.no());
        written.push_str(&first.text);
        if let Some(v) = subject_in(rest) {
            subject = Some(v.to_string());
            in_subject = true;
        }
    }
    let mut end = at + 1;
    let mut j = at + 1;
    let mut taken = 0;
    let mut gap = false;
    while j < lines.len() && taken < 6 {
        let l = &lines[j];
        if l.is_blank() || is_separator(&l.text) {
            gap = true;
            j += 1;
            continue;
        }
        let lt = lower(&l.text);
        if lt.starts_with("về ") || lt.starts_with("v/v ") {
            let v = l.text.split_once(' ').map_or("", |x| x.1);
            subject = Some(v.to_string());
            in_subject = true;
        } else if in_subject && !gap && !is_upper(&l.text) && !continues_title(&l.text) {
            // A `về …` subject wrapped onto the next line.
            if let Some(s) = subject.as_mut() {
                s.push(' ');
                s.push_str(&l.text);
            }
        } else if !continues_title(&l.text) {
            break;
        } else if subject.is_none()
            && (lt.starts_with("của ") || lt.starts_with("tại "))
            && let Some(v) = subject_in(&l.text)
        {
            // "của Ban Thường vụ Tỉnh ủy về phát triển du lịch …"
            subject = Some(v.to_string());
            in_subject = true;
        } else {
            in_subject = false;
        }
        block.append(&*l.text, l.no());
        written.push(' ');
        written.push_str(&l.text);
        taken += 1;
        gap = false;
        j += 1;
        end = j;
    }
    let subject = subject
        .map(|s| s.trim().trim_end_matches(['.', ';']).trim().to_string())
        .filter(|s| !s.is_empty());
    Title {
        kind: kind.to_string(),
        block,
        subject,
        written,
        end,
    }
}

/// The subject in a title line that names its body: `… CỦA BỘ CHÍNH TRỊ VỀ
/// TIẾP TỤC …` → `TIẾP TỤC …`.
fn subject_in(rest: &str) -> Option<&str> {
    let l = lower(rest);
    let i = find(&l, " về ")?;
    let v = rest[i + " về ".len()..].trim();
    (!v.is_empty()).then_some(v)
}

fn is_separator(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '-' | '*' | '_' | '=' | '–' | ' '))
}

fn continues_title(text: &str) -> bool {
    let l = lower(text);
    if crate::document::item::heading_number(text).is_some() {
        return false;
    }
    if [
        "của ",
        "cùa ",
        "tại ",
        "về ",
        "v/v ",
        "ý kiến",
        "kết luận của",
        "với ",
        "(",
        "hội nghị",
        "kỳ họp",
        "phiên họp",
        "cuộc họp",
        "số ",
    ]
    .iter()
    .any(|p| l.starts_with(p))
    {
        return true;
    }
    if l.starts_with("ngày ") {
        // "ngày 05 tháng 8 năm 2022" continues the title; "Ngày 05/8/2022, Ban
        // Thường vụ …" opens the text.
        return date::date_at(text, 0).is_some_and(|m| {
            text[m.end..]
                .trim_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
                .is_empty()
        });
    }
    is_upper(text) && text.len() < 200
}

/// Reads the header lines (everything above the title).
pub(crate) fn read_header(lines: &[Line<'_>]) -> Header {
    let mut h = Header::default();
    for line in lines {
        if line.is_blank() {
            continue;
        }
        for col in columns(line.raw) {
            read_header_cell(&col, line.no(), &mut h);
        }
    }
    h
}

fn read_header_cell(cell: &str, line: usize, h: &mut Header) {
    let l = lower(cell);
    if l == "đảng cộng sản việt nam" || is_separator(cell) {
        return;
    }
    if let Some(n) = number_cell(cell) {
        if h.number.is_none() {
            h.number = Some(n);
        }
        return;
    }
    // OCR and plain exports put the number and the place-date line on one
    // line: "Số 445-KL/TU Thừa Thiên Huế, ngày 28 tháng 9 năm 2021".
    if let Some((number, rest)) = number_then_more(cell) {
        if h.number.is_none() {
            h.number = Some(number.to_string());
        }
        read_header_cell(rest, line, h);
        return;
    }
    if let Some((place, date)) = place_date(cell) {
        match date {
            Some(DateValue::Day(d)) => h.issued_date = Some(d),
            Some(DateValue::Impossible(reason)) => {
                h.warnings
                    .push((line, format!("{reason} in the signing date ignored")));
            }
            _ => h
                .warnings
                .push((line, format!("incomplete signing date {cell:?} ignored"))),
        }
        if !place.is_empty() {
            h.place = Some(place);
        }
        return;
    }
    if is_upper(cell) {
        if let Some(c) = committee_name(cell) {
            h.committee.get_or_insert(c);
        } else if h.unit.is_none()
            && [
                "văn phòng",
                "ban ",
                "ủy ban kiểm tra",
                "uỷ ban kiểm tra",
                "thường trực",
            ]
            .iter()
            .any(|u| l.starts_with(u))
            && !l.starts_with("ban chấp hành")
        {
            // An office: it names no place.
            h.unit = Some(super::casing::body_case(cell));
            h.other.push(cell.to_string());
            return;
        }
        if let Some(p) = committee_place(cell) {
            h.committee_place = Some(p);
        } else if h.committee_place.is_none()
            && let Some(rest) = l.strip_prefix("đảng bộ ")
        {
            let start = cell.len() - rest.len();
            let rest = strip_level(&cell[start..]);
            if !rest.is_empty() {
                h.committee_place = Some(title_case(rest));
            }
        }
    }
    // Whatever the header says beyond its number and place-date line stays,
    // as printed and in reading order, for the preamble: the committee's
    // lines ("ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU") are searchable too.
    h.other.push(cell.to_string());
}

/// `Số 445-KL/TU Thừa Thiên Huế, ngày …` → the number and the rest.
fn number_then_more(cell: &str) -> Option<(&str, &str)> {
    let rest = cell
        .strip_prefix("Số")
        .or_else(|| cell.strip_prefix("SỐ"))?
        .trim_start_matches([':', ' ', '.']);
    let (number, more) = rest.split_once(' ')?;
    let looks_like_number =
        number.chars().next().is_some_and(|c| c.is_ascii_digit()) && number.contains(['-', '/']);
    (looks_like_number && !more.trim().is_empty()).then_some((number, more.trim()))
}

/// `Số 96-KL/HU`, `Số: 512-TB/TU` → the number.
pub(crate) fn number_cell(cell: &str) -> Option<String> {
    let rest = cell
        .strip_prefix("Số")
        .or_else(|| cell.strip_prefix("SỐ"))?;
    let rest = rest.trim_start_matches([':', ' ', '.']);
    (rest.len() < 40 && (rest.contains('-') || rest.contains('/')) && !rest.contains(", "))
        .then(|| rest.trim().to_string())
}

/// The days of the week after `Thứ`, folded (`Thứ Hai` … `Thứ Bảy`, `Thứ 2` …).
const WEEKDAYS: &[&str] = &[
    "hai", "ba", "tu", "nam", "sau", "bay", "2", "3", "4", "5", "6", "7",
];

/// `Côn Đảo, ngày 08 tháng 8 năm 2022` → place and date.
pub(crate) fn place_date(cell: &str) -> Option<(String, Option<DateValue>)> {
    let l = lower(cell);
    let at = find(&l, ", ngày").or_else(|| find(&l, " ngày "))?;
    let place = cell[..at].trim();
    if place.split(' ').count() > 5 || !starts_upper(place) && !place.is_empty() {
        return None;
    }
    // "Thứ Năm, ngày 16/01/2025": a web page's date line, not a place.
    let folded = folded_letters(place);
    if folded.starts_with("thu") && WEEKDAYS.contains(&&folded[3..]) || folded == "chunhat" {
        return None;
    }
    let date_at = cell[at..].find(['n', 'N']).map(|i| i + at)?;
    let value = date::date_at(cell, date_at).map(|m| m.value);
    let place = if is_upper(place) {
        title_case(place)
    } else {
        place.to_string()
    };
    Some((place, value))
}

/// `TỈNH ỦY` → `Tỉnh ủy`, `HUYỆN ỦY CÔN ĐẢO` → `Huyện ủy`, `ĐẢNG ỦY KHỐI CÁC
/// CƠ QUAN TỈNH` → `Đảng ủy Khối các cơ quan tỉnh`.
fn committee_name(cell: &str) -> Option<String> {
    let l = lower(cell);
    let words: Vec<&str> = l.split(' ').collect();
    let uy = |w: &str| matches!(w, "ủy" | "uỷ" | "uy");
    match words.as_slice() {
        [level, u, ..] if uy(u) && ["tỉnh", "thành", "huyện", "thị", "quận"].contains(level) =>
        {
            let n = cell.split(' ').take(2).collect::<Vec<_>>().join(" ");
            Some(super::casing::body_case(&n))
        }
        ["đảng", u, ..] if uy(u) => Some(super::casing::body_case(cell)),
        _ => None,
    }
}

/// `HUYỆN ỦY CÔN ĐẢO` → `Côn Đảo`.
fn committee_place(cell: &str) -> Option<String> {
    let l = lower(cell);
    for level in ["tỉnh", "thành", "huyện", "thị", "quận"] {
        for uy in ["ủy", "uỷ"] {
            let key = format!("{level} {uy} ");
            if let Some(i) = find(&l, &key).filter(|&i| i == 0) {
                let rest = cell[i + key.len()..].trim();
                // A web page's banner goes on after the place: "TỈNH ỦY PHÚ
                // YÊN - CỔNG THÔNG TIN ĐIỆN TỬ".
                let rest = rest
                    .split_whitespace()
                    .take_while(|w| !matches!(*w, "-" | "–" | "—") && !w.starts_with('|'))
                    .collect::<Vec<_>>()
                    .join(" ");
                if !rest.is_empty() {
                    return Some(title_case(&rest));
                }
            }
        }
    }
    None
}

fn strip_level(s: &str) -> &str {
    let l = lower(s);
    for level in ["tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã "] {
        if l.starts_with(level) {
            return s[level.len()..].trim();
        }
    }
    s.trim()
}

/// The body that concluded, from the title text after the kind: `của Ban
/// Thường vụ Huyện ủy tại …` → `Ban Thường vụ Huyện ủy` (as written).
pub(crate) fn title_body(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    let l = lower(rest);
    let start = if l.starts_with("của ") {
        "của ".len()
    } else {
        find(&l, " của ")? + " của ".len()
    };
    let tail = &l[start..];
    let end = find_first(
        tail,
        &[
            " tại ",
            ",",
            " ngày ",
            " về ",
            " (",
            " lần ",
            " kỳ ",
            " phiên ",
            " hội nghị",
        ],
    )
    .unwrap_or(tail.len());
    let body = rest[start..start + end].trim();
    (!body.is_empty()).then(|| body.to_string())
}

/// A body named in running text when the title names none: "Ban Thường vụ
/// Tỉnh ủy", "Thường trực Huyện ủy", "Ban Chấp hành Đảng bộ tỉnh", "Bộ Chính
/// trị" — the one named first.
pub(crate) fn find_body(text: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut offer = |at: usize, name: String| {
        if best.as_ref().is_none_or(|b| at < b.0) {
            best = Some((at, name));
        }
    };
    for fixed in ["Bộ Chính trị", "Ban Bí thư"] {
        if let Some(i) = find(text, fixed) {
            offer(i, fixed.to_string());
        }
    }
    for starter in ["Ban Thường vụ ", "Thường trực ", "Ban Chấp hành "] {
        let mut from = 0;
        while let Some(i) = find(&text[from..], starter).map(|i| i + from) {
            from = i + starter.len();
            let after = &text[from..];
            if let Some(n) = committee_after(after) {
                offer(i, format!("{starter}{n}"));
                break;
            }
        }
    }
    best.map(|b| b.1)
}

/// The committee named at the start of `after`: `Tỉnh ủy`, `Huyện ủy`,
/// `Đảng ủy Khối …`, `Đảng bộ tỉnh`, `Đảng bộ thành phố`.
fn committee_after(after: &str) -> Option<String> {
    let words: Vec<&str> = after.split(' ').take(4).collect();
    let bare = |w: &str| w.trim_end_matches([',', '.', ';', ':', ')']).to_string();
    let first = bare(words.first()?);
    let second = words.get(1).map(|w| bare(w)).unwrap_or_default();
    let l2 = lower(&second);
    if matches!(l2.as_str(), "ủy" | "uỷ") {
        return Some(format!("{first} {second}"));
    }
    if lower(&first) == "đảng" && l2 == "bộ" {
        let third = words.get(2).map(|w| bare(w)).unwrap_or_default();
        let l3 = lower(&third);
        let level = match l3.as_str() {
            "tỉnh" | "huyện" | "quận" | "xã" | "phường" => third,
            "thành" | "thị" => {
                let fourth = words.get(3).map(|w| bare(w)).unwrap_or_default();
                format!("{third} {fourth}")
            }
            _ => return Some(format!("{first} {second}")),
        };
        return Some(format!("{first} {second} {level}"));
    }
    if lower(&first).starts_with("đảng") {
        return Some(first);
    }
    None
}

/// `kỳ họp thứ 17`, `phiên họp thứ 118`, `Hội nghị lần thứ 21` → the number.
pub(crate) fn session(text: &str) -> Option<u32> {
    let l = lower(text);
    for key in [
        "kỳ họp thứ ",
        "kì họp thứ ",
        "phiên họp thứ ",
        "hội nghị lần thứ ",
        "hội nghị thứ ",
        "lần thứ ",
    ] {
        for (i, _) in l.match_indices(key) {
            // "Đại hội Đảng bộ huyện lần thứ XXIII" numbers a congress, not
            // the meeting: the nearest event before "lần thứ" decides.
            let before = &l[..i];
            let congress = before.rfind("đại hội");
            let meeting = ["hội nghị", "họp", "phiên"]
                .iter()
                .filter_map(|m| before.rfind(m))
                .max();
            if key == "lần thứ " && congress.is_some_and(|c| meeting.is_none_or(|m| c > m)) {
                continue;
            }
            let rest = &text[i + key.len()..];
            let word: String = rest.chars().take_while(|&c| is_alnum(c)).collect();
            if let Ok(n) = word.parse::<u32>() {
                return Some(n);
            }
            if let Some(n) = roman(&word) {
                return Some(n);
            }
        }
    }
    None
}

/// `XXI` → 21; `None` for anything that is not a roman numeral.
pub(crate) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// The body's spelling in running text (`Ban Thường vụ Tỉnh ủy`), searched
/// case-insensitively in `texts`.
pub(crate) fn spelled_in<'a>(upper: &str, texts: impl Iterator<Item = &'a str>) -> Option<String> {
    for t in texts {
        if let Some((s, e)) = find_ignore_case(t, upper) {
            let found = &t[s..e];
            if !is_upper(found) {
                return Some(found.to_string());
            }
        }
    }
    None
}

/// A capitalised run of words at the start of `s`: `Côn Đảo tổ chức` → `Côn Đảo`.
pub(crate) fn capitalized_run(s: &str) -> Option<String> {
    let mut words = Vec::new();
    for w in s.split(' ') {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')', '"']);
        if w == "-" && !words.is_empty() {
            words.push(w);
            continue;
        }
        if !starts_upper(bare) || words.len() >= 5 {
            break;
        }
        let low = lower(bare);
        if matches!(
            low.as_str(),
            "ủy" | "uỷ" | "tỉnh" | "thành" | "huyện" | "ban"
        ) {
            break;
        }
        words.push(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    while words.last() == Some(&"-") {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The place named right after a committee word: "Tỉnh ủy Ninh Thuận đã …".
pub(crate) fn place_after_committee(text: &str) -> Option<String> {
    let l = lower(text);
    let mut best: Option<(usize, String)> = None;
    for level in ["tỉnh", "thành", "huyện", "thị", "quận"] {
        for uy in ["ủy ", "uỷ "] {
            let key = format!("{level} {uy}");
            let mut from = 0;
            while let Some(i) = find(&l[from..], &key).map(|i| i + from) {
                from = i + key.len();
                if let Some(p) = capitalized_run(&text[from..])
                    && best.as_ref().is_none_or(|b| i < b.0)
                {
                    best = Some((i, p));
                }
            }
        }
    }
    best.map(|b| b.1)
}

/// The name most often written after `tỉnh ` or `thành phố ` in `texts`.
pub(crate) fn most_named_place<'a>(texts: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in texts {
        for key in ["tỉnh ", "thành phố "] {
            let mut from = 0;
            while let Some(i) = find(&t[from..], key).map(|i| i + from) {
                from = i + key.len();
                let word_start = t[..i].chars().next_back().is_none_or(|c| !is_alnum(c));
                if !word_start {
                    continue;
                }
                if let Some(p) = capitalized_run(&t[from..]) {
                    match counts.iter_mut().find(|c| c.0 == p) {
                        Some(c) => c.1 += 1,
                        None => counts.push((p, 1)),
                    }
                }
            }
        }
    }
    // The first seen wins a tie: max_by_key keeps the last maximum, so reverse.
    counts.into_iter().rev().max_by_key(|c| c.1).map(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::text::lines;

    #[test]
    fn reads_a_two_column_header() {
        let text = "ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU          ĐẢNG CỘNG SẢN VIỆT NAM\n      HUYỆN ỦY CÔN ĐẢO\n             *                Côn Đảo, ngày 08 tháng 8 năm 2022\n       Số 96-KL/HU\n";
        let h = read_header(&lines(text));
        assert_eq!(h.number.as_deref(), Some("96-KL/HU"));
        assert_eq!(h.place.as_deref(), Some("Côn Đảo"));
        assert_eq!(h.committee_place.as_deref(), Some("Côn Đảo"));
        assert_eq!(
            h.issued_date.map(|d| d.to_string()).as_deref(),
            Some("2022-08-08")
        );
        // The committee's lines stay for the preamble; the motto, the star,
        // the number and the place-date line do not.
        assert_eq!(
            h.other,
            ["ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU", "HUYỆN ỦY CÔN ĐẢO"]
        );
    }

    #[test]
    fn title_block_spans_lines() {
        let text = "   KẾT LUẬN\n của Ban Thường vụ Huyện ủy tại Hội nghị lần thứ 21,\n  ngày 05 tháng 8 năm 2022\n\nNgày 05/8/2022, Ban Thường vụ họp.";
        let ls = lines(text);
        let (at, kind, kind_end) = find_title(&ls).unwrap();
        let t = read_title(&ls, at, kind, kind_end);
        assert_eq!(t.kind, "KẾT LUẬN");
        assert_eq!(t.end, 3);
        assert_eq!(session(&t.block.text), Some(21));
        assert_eq!(
            title_body(&t.block.text["KẾT LUẬN".len()..]).as_deref(),
            Some("Ban Thường vụ Huyện ủy")
        );
    }

    #[test]
    fn titles_read_through_ocr_spacing_and_scrambled_marks() {
        for (line, kind) in [
            ("K ÉT LUẬN", "KẾT LUẬN"),
            ("KẾT LỦẬN", "KẾT LUẬN"),
            ("THÔNG BÁO KẾT LUẬN", "THÔNG BÁO KẾT LUẬN"),
            ("THÔNG BÁO", "THÔNG BÁO"),
            ("KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ", "KẾT LUẬN"),
        ] {
            assert_eq!(kind_at_start(line).map(|k| k.0), Some(kind), "{line}");
        }
        assert_eq!(kind_at_start("KẾT QUẢ"), None);
        // A title under a web page's article heading (mixed case) is the capitals line.
        let ls = lines(
            "Kết luận của Ban Thường vụ Tỉnh ủy tại hội nghị\nKẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy\n",
        );
        assert_eq!(find_title(&ls).map(|t| t.0), Some(1));
    }

    #[test]
    fn the_public_kinds_are_the_title_kinds() {
        let titles: Vec<&str> = TITLE_KINDS.iter().map(|k| k.1).collect();
        assert_eq!(titles, KINDS);
        for (key, kind) in TITLE_KINDS {
            assert_eq!(folded_letters(&kind.replace(' ', "")), *key);
        }
    }

    #[test]
    fn subject_lines_under_the_title() {
        let text = "KẾT LUẬN\nHỘI NGHỊ LẦN THỨ 18 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XIX)\n   về phát triển du lịch trở thành\n      ngành kinh tế quan trọng.\n-----\n\nNgày 19/7/2024, Ban Chấp hành họp.";
        let ls = lines(text);
        let (at, kind, kind_end) = find_title(&ls).unwrap();
        let t = read_title(&ls, at, kind, kind_end);
        assert_eq!(
            t.subject.as_deref(),
            Some("phát triển du lịch trở thành ngành kinh tế quan trọng")
        );
        assert_eq!(session(&t.block.text), Some(18));
    }

    #[test]
    fn a_congress_number_is_not_the_session() {
        assert_eq!(
            session(
                "của Ban Thường vụ Huyện ủy về công tác chuẩn bị Đại hội Đảng bộ huyện lần thứ XXIII"
            ),
            None
        );
        assert_eq!(
            session("HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH LẦN THỨ 21"),
            Some(21)
        );
        assert_eq!(
            session("Hội nghị lần thứ 9 về chuẩn bị Đại hội Đảng bộ lần thứ XX"),
            Some(9)
        );
    }

    #[test]
    fn places_from_text() {
        assert_eq!(
            place_after_committee("Ban Thường vụ Tỉnh ủy Ninh Thuận đã tiến hành").as_deref(),
            Some("Ninh Thuận")
        );
        assert_eq!(
            place_after_committee("Ban Thường vụ Tỉnh ủy đã tiến hành"),
            None
        );
        assert_eq!(
            most_named_place(["tỉnh Quảng Ninh, thành phố Lạng Sơn; tỉnh Lạng Sơn."].into_iter())
                .as_deref(),
            Some("Lạng Sơn")
        );
        assert_eq!(roman("XXI"), Some(21));
        assert_eq!(roman("IV"), Some(4));
    }
}
