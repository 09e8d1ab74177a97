//! Abbreviations of party and state bodies, expanded on both sides of a match.
//!
//! Sources: the abbreviations of party bodies used in document numbers follow
//! Hướng dẫn số 36-HD/VPTW (2018) of the Central Party Office on the format of
//! party documents (e.g. `-TTr/BCSĐ`, `-BC/BTCTU`, `-KL/TU`); those of state
//! bodies follow Nghị định 30/2020/NĐ-CP, Phụ lục III (`UBND`, `HĐND`). Extend the
//! table by adding a row: expansion happens at index and query time, so a new row
//! needs a re-index to apply to stored documents.

/// `(abbreviation, full form, case_sensitive)`. Case-sensitive rows are those whose
/// letters also spell an ordinary syllable (`TU` vs `tu`, `HU` vs `hư`).
const TABLE: &[(&str, &str, bool)] = &[
    ("UBND", "Ủy ban nhân dân", false),
    ("HĐND", "Hội đồng nhân dân", false),
    ("HDND", "Hội đồng nhân dân", false),
    ("BCSĐ", "Ban cán sự đảng", false),
    ("BCSD", "Ban cán sự đảng", false),
    ("BTV", "Ban Thường vụ", false),
    ("BTVTU", "Ban Thường vụ Tỉnh ủy", false),
    ("TTTU", "Thường trực Tỉnh ủy", false),
    ("TU", "Tỉnh ủy", true),
    ("HU", "Huyện ủy", true),
    ("MTTQ", "Mặt trận Tổ quốc", false),
    ("VPTU", "Văn phòng Tỉnh ủy", false),
    ("VPHU", "Văn phòng Huyện ủy", false),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy", false),
    ("BDVTU", "Ban Dân vận Tỉnh ủy", false),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy", false),
    ("BNCTU", "Ban Nội chính Tỉnh ủy", false),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", false),
    ("UBKT", "Ủy ban Kiểm tra", false),
    ("ĐĐ", "Đảng đoàn", true),
    ("LĐLĐ", "Liên đoàn Lao động", false),
    ("LHPN", "Liên hiệp Phụ nữ", false),
];

/// Replaces every whole-word abbreviation in `text` by its full form.
///
/// Words are runs of alphanumeric characters; the comparison is on NFC text, so
/// callers pass text that went through [`crate::analysis::normalize`].
pub(crate) fn expand(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..start]);
        let word_and_rest = &rest[start..];
        let end = word_and_rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(word_and_rest.len());
        let word = &word_and_rest[..end];
        out.push_str(lookup(word).unwrap_or(word));
        rest = &word_and_rest[end..];
    }
    out.push_str(rest);
    out
}

/// The full form of `word` if it is an abbreviation in the table.
pub(crate) fn lookup(word: &str) -> Option<&'static str> {
    // Every abbreviation has two to seven letters and at least one capital
    // once upper-cased; skip the case folding for ordinary words.
    let letters = word.chars().count();
    if !(2..=7).contains(&letters) {
        return None;
    }
    let upper = word.to_uppercase();
    TABLE.iter().find_map(|&(abbr, full, case_sensitive)| {
        let hit = if case_sensitive {
            word == abbr
        } else {
            upper == abbr
        };
        hit.then_some(full)
    })
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn expands_whole_words_only() {
        assert_eq!(
            expand("Ban cán sự đảng UBND tỉnh"),
            "Ban cán sự đảng Ủy ban nhân dân tỉnh"
        );
        assert_eq!(expand("ubnd Lạng Sơn"), "Ủy ban nhân dân Lạng Sơn");
        assert_eq!(expand("UBNDX"), "UBNDX");
        assert_eq!(
            expand("Đảng đoàn HĐND tỉnh"),
            "Đảng đoàn Hội đồng nhân dân tỉnh"
        );
    }

    #[test]
    fn ambiguous_rows_need_capitals() {
        assert_eq!(expand("BTV TU"), "Ban Thường vụ Tỉnh ủy");
        assert_eq!(expand("tu sửa"), "tu sửa");
    }
}
