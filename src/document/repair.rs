//! Repairs of what scanners and web pages do to the fixed parts of a
//! document — numbers and body names — where the right form is known. Free
//! text (topics, conclusions) keeps the words as printed.

use super::casing::{capitalize, ends_with_lower, is_upper_char, lower, lower_in};
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
    const UY: &[&str] = &["uy", "ủy", "uỷ", "ùy", "úy", "ũy", "ụy"];
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = String::with_capacity(name.len());
    for (i, &w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Words are lowercased (and folded) only where a repair may apply.
        let next_is_uy = words.get(i + 1).is_some_and(|n| lower_in(n, UY));
        let tier = next_is_uy
            .then(|| {
                let lw = lower(w);
                let folded = crate::analysis::fold(&lw);
                TIERS
                    .iter()
                    .find(|(key, right)| folded == *key && lw != *right)
            })
            .flatten();
        if let Some((_, right)) = tier {
            if w.chars().next().is_some_and(is_upper_char) {
                out.push_str(&capitalize(right));
            } else {
                out.push_str(right);
            }
        } else if lower_in(w, UY)
            && !lower_in(w, &["ủy", "uỷ"])
            && i.checked_sub(1).is_some_and(|p| {
                let folded = crate::analysis::fold(&lower(words[p]));
                TIERS.iter().any(|(key, _)| folded == *key)
            })
        {
            out.push_str("ủy");
        } else if w.starts_with("ƯB") {
            out.push_str(&w.replacen('Ư', "U", 1));
        } else if ends_with_lower(w, "ơng") && !ends_with_lower(w, "ương") {
            out.push_str(&w.replace("ơng", "ông").replace("ƠNG", "ÔNG"));
        } else {
            out.push_str(w);
        }
    }
    // The name is kept in the document: sized as `join` would size it.
    out.shrink_to_fit();
    out
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
