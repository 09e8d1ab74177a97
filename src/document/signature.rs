//! The end of a document: "Nơi nhận" list, signature block, closing text —
//! in either order, and side by side in two-column PDF layouts.

use time::Date;

use super::Signer;
use super::casing::{is_upper, lower, starts_with_lower};
use super::date::DateValue;
use super::header::place_date;
use super::text::{Line, columns};

/// Whether a line opens the end matter: "Nơi nhận", "T/M …", "T/L …", "K/T …".
pub(crate) fn starts_tail(line: &Line<'_>) -> bool {
    if line.is_blank() {
        return false;
    }
    columns(line.raw)
        .iter()
        .any(|c| is_recipients_label(c) || is_on_behalf(c))
}

fn is_recipients_label(cell: &str) -> bool {
    starts_with_lower(cell, "nơi nhận")
}

/// `T/M BAN THƯỜNG VỤ`, `TM. BAN THƯỜNG VỤ`, `T/L THƯỜNG TRỰC`, `K/T BÍ THƯ`.
fn is_on_behalf(cell: &str) -> bool {
    [
        "T/M ", "T/L ", "K/T ", "TM. ", "TL. ", "KT. ", "TM ", "KT ", "TL ",
    ]
    .iter()
    .any(|p| cell.starts_with(p))
        && is_upper(cell)
}

/// Role words of signer titles: a capitals line with none of them is a name.
const ROLES: &[&str] = &[
    "BÍ THƯ",
    "CHÁNH",
    "PHÓ",
    "TRƯỞNG",
    "ỦY VIÊN",
    "UỶ VIÊN",
    "VĂN PHÒNG",
    "CHỦ",
];

/// Words a signer's title opens with (`PHÓ BÍ THƯ THƯỜNG TRỰC`, `CHÁNH VĂN
/// PHÒNG`, `ỦY VIÊN BAN THƯỜNG VỤ`).
const TITLE_STARTS: &[&str] = &[
    "PHÓ ",
    "BÍ THƯ",
    "CHÁNH ",
    "TRƯỞNG ",
    "ỦY VIÊN",
    "UỶ VIÊN",
    "TỈNH ỦY VIÊN",
];

/// `T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ THƯỜNG TRỰC` (an OCR or export that merged
/// two lines) → the on-behalf line and the title. The title starts after at
/// least one word of the body, so `K/T BÍ THƯ` stays whole.
fn split_merged_title(cell: &str) -> (&str, Option<&str>) {
    let Some((_, body)) = cell.split_once(' ') else {
        return (cell, None);
    };
    let body_at = cell.len() - body.len();
    let Some(first_word_end) = body.find(' ') else {
        return (cell, None);
    };
    let from = body_at + first_word_end + 1;
    let at = cell[from..]
        .match_indices(' ')
        .map(|(i, _)| from + i + 1)
        .chain(std::iter::once(from))
        .filter(|&i| TITLE_STARTS.iter().any(|t| cell[i..].starts_with(t)))
        .min();
    match at {
        Some(i) => (cell[..i].trim_end(), Some(&cell[i..])),
        None => (cell, None),
    }
}

/// What the end matter holds.
#[derive(Debug, Default)]
pub(crate) struct Tail {
    pub recipients: Vec<String>,
    pub signer: Option<Signer>,
    pub closing: Vec<String>,
    pub place: Option<String>,
    pub issued_date: Option<Date>,
}

/// Reads the end matter, cell by cell in reading order.
pub(crate) fn read_tail(lines: &[Line<'_>]) -> Tail {
    let mut t = Tail::default();
    let mut list_open = false;
    let mut signing = false;
    let mut signer = Signer {
        on_behalf: None,
        title: None,
        name: None,
    };
    let mut has_signer = false;
    let mut gap = false;
    for line in lines {
        if line.is_blank() {
            gap = true;
            continue;
        }
        let cells = columns(line.raw);
        let two_columns = cells.len() > 1;
        let indent = line.raw.len() - line.raw.trim_start().len();
        for (ci, cell) in cells.iter().enumerate() {
            let c: &str = cell;
            let right = (two_columns && ci > 0) || (!two_columns && indent >= 12);
            if is_recipients_label(c) {
                list_open = true;
                let after = c.split_once(':').map_or("", |x| x.1).trim();
                if !after.is_empty() {
                    push_recipient(&mut t.recipients, after);
                }
                continue;
            }
            if is_on_behalf(c) {
                has_signer = true;
                if !right {
                    list_open = false;
                }
                let (c, title) = split_merged_title(c);
                match &mut signer.on_behalf {
                    Some(ob) if signer.title.is_none() => {
                        ob.push(' ');
                        ob.push_str(c);
                    }
                    _ => signer.on_behalf = Some(c.to_string()),
                }
                if let Some(title) = title {
                    signer.title = Some(title.to_string());
                }
                signing = true;
                continue;
            }
            let bullet = c.starts_with("- ") || c.starts_with("+ ") || c.starts_with("• ");
            // In a two-column layout the left column is the list and the right
            // one the signature.
            let in_list = list_open && (bullet || !gap) && !right;
            if in_list {
                push_recipient(&mut t.recipients, c);
                continue;
            }
            if !right {
                list_open = false;
            }
            if let Some((place, date)) = place_date(c)
                && c.len() < 80
            {
                if let Some(DateValue::Day(d)) = date {
                    t.issued_date = Some(d);
                }
                if !place.is_empty() {
                    t.place = Some(place);
                }
                continue;
            }
            let signer_part = signing || right || is_upper(c);
            if signer_part && signer.name.is_none() {
                let lc = lower(c);
                if lc.starts_with("(đã ký") || lc == "(ký tên, đóng dấu)" || lc.starts_with("(ký")
                {
                    continue;
                }
                if is_upper(c) && (signer.title.is_none() || ROLES.iter().any(|r| c.contains(r))) {
                    if signer.title.is_none() {
                        signer.title = Some(c.to_string());
                    } else if let Some(title) = &mut signer.title {
                        title.push(' ');
                        title.push_str(c);
                    }
                    has_signer = true;
                    signing = true;
                    continue;
                }
                if has_signer && c.split(' ').count() <= 6 {
                    signer.name = Some(c.to_string());
                    signing = false;
                    continue;
                }
            }
            t.closing.push(c.to_string());
        }
        gap = false;
    }
    if has_signer {
        t.signer = Some(signer);
    }
    t
}

fn push_recipient(list: &mut Vec<String>, cell: &str) {
    let r = cell
        .trim_start_matches(['-', '+', '•'])
        .trim()
        .trim_end_matches([',', ';', '.'])
        .trim();
    if !r.is_empty() {
        list.push(r.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::text::lines;

    #[test]
    fn signer_after_recipients() {
        let ls = lines(
            "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n- Lưu Văn phòng.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn Bảy\n",
        );
        let t = read_tail(&ls);
        assert_eq!(
            t.recipients,
            ["Ban Thường vụ Tỉnh ủy (b/c)", "Lưu Văn phòng"]
        );
        let s = t.signer.unwrap();
        assert_eq!(s.on_behalf.as_deref(), Some("T/M BAN THƯỜNG VỤ"));
        assert_eq!(s.title.as_deref(), Some("BÍ THƯ"));
        assert_eq!(s.name.as_deref(), Some("Nguyễn Văn Bảy"));
        assert!(t.closing.is_empty());
    }

    #[test]
    fn a_title_merged_into_the_on_behalf_line_is_split_off() {
        for (cell, on_behalf, title) in [
            (
                "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ THƯỜNG TRỰC",
                "T/M BAN THƯỜNG VỤ",
                Some("PHÓ BÍ THƯ THƯỜNG TRỰC"),
            ),
            (
                "T/L BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG",
                "T/L BAN THƯỜNG VỤ",
                Some("CHÁNH VĂN PHÒNG"),
            ),
            ("K/T BÍ THƯ PHÓ BÍ THƯ", "K/T BÍ THƯ", Some("PHÓ BÍ THƯ")),
            ("K/T BÍ THƯ", "K/T BÍ THƯ", None),
            ("K/T CHÁNH VĂN PHÒNG", "K/T CHÁNH VĂN PHÒNG", None),
            (
                "T/M BAN CHẤP HÀNH ĐẢNG BỘ",
                "T/M BAN CHẤP HÀNH ĐẢNG BỘ",
                None,
            ),
            ("T/M TỈNH ỦY", "T/M TỈNH ỦY", None),
        ] {
            assert_eq!(split_merged_title(cell), (on_behalf, title), "{cell}");
        }
    }

    #[test]
    fn two_column_layout() {
        let ls = lines(
            "Nơi nhận:                         T/M BAN THƯỜNG VỤ\n- Các đồng chí Tỉnh ủy viên,              BÍ THƯ\n- Lưu VP.\n                                   Nguyễn Văn A\n",
        );
        let t = read_tail(&ls);
        assert_eq!(t.recipients, ["Các đồng chí Tỉnh ủy viên", "Lưu VP"]);
        let s = t.signer.unwrap();
        assert_eq!(s.title.as_deref(), Some("BÍ THƯ"));
        assert_eq!(s.name.as_deref(), Some("Nguyễn Văn A"));
    }
}
