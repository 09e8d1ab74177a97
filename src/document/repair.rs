//! Repairs of what scanners and web pages do to the fixed parts of a
//! document — numbers and body names — where the right form is known. Free
//! text (topics, conclusions) keeps the words as printed.

use super::casing::{capitalize, is_upper_char, lower};
use super::text::repair_digits;

/// A document or reference number as the issuing office wrote it: OCR
/// look-alikes in its digits fixed (`3l7` → `317`) and stray diacritics on
/// the letters of its code dropped (`KL/TƯ` → `KL/TU`); `Đ` is a letter of
/// its own in codes (`BCSĐ`) and stays.
pub(crate) fn document_number(number: &str) -> String {
    let digits = repair_digits(number);
    digits
        .chars()
        .map(|c| {
            if c.is_ascii() || matches!(c, 'Đ' | 'đ') {
                return c;
            }
            let folded = crate::analysis::fold(&c.to_string());
            let mut f = folded.chars();
            match (f.next(), f.next()) {
                (Some(b), None) if b.is_ascii_alphabetic() => {
                    if is_upper_char(c) {
                        b.to_ascii_uppercase()
                    } else {
                        b
                    }
                }
                _ => c,
            }
        })
        .collect()
}

/// Administrative tiers that come before `ủy` in a committee's name.
const TIERS: &[(&str, &str)] = &[
    ("tinh", "tỉnh"),
    ("huyen", "huyện"),
    ("thanh", "thành"),
    ("thi", "thị"),
    ("quan", "quận"),
    ("dang", "đảng"),
];

/// A body name with what OCR did to its fixed words undone: `Tinh uy` /
/// `Tinh ủy` → `Tỉnh ủy`, `ƯBND` → `UBND`, the impossible rhyme `ơng` →
/// `ông` (`Cơng an`). Words that are right, and place names, stay as written.
pub(crate) fn body_name(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let lowered: Vec<String> = words.iter().map(|w| lower(w)).collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let next = lowered.get(i + 1).map(String::as_str);
        let prev = i.checked_sub(1).map(|p| lowered[p].as_str());
        let lw = lowered[i].as_str();
        let is_uy = |x: &str| matches!(x, "uy" | "ủy" | "uỷ" | "ùy" | "úy" | "ũy" | "ụy");
        let mut fixed = w.to_string();
        if next.is_some_and(is_uy)
            && let folded = crate::analysis::fold(lw)
            && let Some((_, right)) = TIERS
                .iter()
                .find(|(key, right)| folded == *key && lw != *right)
        {
            fixed = if w.chars().next().is_some_and(is_upper_char) {
                capitalize(right)
            } else {
                (*right).to_string()
            };
        } else if is_uy(lw)
            && lw != "ủy"
            && lw != "uỷ"
            && prev.is_some_and(|p| {
                TIERS
                    .iter()
                    .any(|(key, _)| crate::analysis::fold(p) == *key)
            })
        {
            fixed = "ủy".to_string();
        } else if w.starts_with("ƯB") {
            fixed = w.replacen('Ư', "U", 1);
        } else if lw.ends_with("ơng") && !lw.ends_with("ương") {
            fixed = w.replace("ơng", "ông").replace("ƠNG", "ÔNG");
        }
        out.push(fixed);
    }
    out.join(" ")
}

/// A person's name with impossible rhymes mended (`Trương Cơng Minh` →
/// `Trương Công Minh`).
pub(crate) fn person_name(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let lw = lower(w);
            if lw.ends_with("ơng") && !lw.ends_with("ương") {
                w.replace("ơng", "ông").replace("ƠNG", "ÔNG")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_ocr_damage() {
        assert_eq!(document_number("445-KL/TƯ"), "445-KL/TU");
        assert_eq!(document_number("3l7-TTr/BCSĐ"), "317-TTr/BCSĐ");
        assert_eq!(document_number("215/TTr-UBND"), "215/TTr-UBND");
    }

    #[test]
    fn body_names_lose_ocr_damage() {
        assert_eq!(body_name("Ban Tổ chức Tinh ủy"), "Ban Tổ chức Tỉnh ủy");
        assert_eq!(body_name("Ban Thường vụ Tinh uy"), "Ban Thường vụ Tỉnh ủy");
        assert_eq!(
            body_name("Ban cán sự đảng ƯBND tỉnh"),
            "Ban cán sự đảng UBND tỉnh"
        );
        assert_eq!(body_name("Cơng an tỉnh"), "Công an tỉnh");
        // Right words and places stay.
        assert_eq!(
            body_name("Ban Thường vụ Thành ủy Thanh Hóa"),
            "Ban Thường vụ Thành ủy Thanh Hóa"
        );
        assert_eq!(body_name("Ban Thường vụ Tỉnh uỷ"), "Ban Thường vụ Tỉnh uỷ");
        assert_eq!(person_name("Trương Cơng Minh"), "Trương Công Minh");
        assert_eq!(person_name("Dương Văn Thương"), "Dương Văn Thương");
    }
}
