//! Every precomposed Vietnamese letter, in NFC and NFD, both cases.

use unicode_normalization::UnicodeNormalization;

use crate::analysis::{exact_form, fold};

/// Rows: the 12 vowels; columns: no tone, huyền, sắc, hỏi, ngã, nặng. Written out here
/// independently of the analyzer's own table.
const VOWELS: [(&str, char); 12] = [
    ("aàáảãạ", 'a'),
    ("ăằắẳẵặ", 'a'),
    ("âầấẩẫậ", 'a'),
    ("eèéẻẽẹ", 'e'),
    ("êềếểễệ", 'e'),
    ("iìíỉĩị", 'i'),
    ("oòóỏõọ", 'o'),
    ("ôồốổỗộ", 'o'),
    ("ơờớởỡợ", 'o'),
    ("uùúủũụ", 'u'),
    ("ưừứửữự", 'u'),
    ("yỳýỷỹỵ", 'y'),
];

#[test]
fn all_144_vowel_letters_fold_to_their_base_in_nfc_and_nfd() {
    let mut checked = 0;
    for (row, base) in VOWELS {
        for lower in row.chars() {
            let upper: String = lower.to_uppercase().collect();
            for letter in [lower.to_string(), upper.clone()] {
                for form in [letter.nfc().collect::<String>(), letter.nfd().collect()] {
                    assert_eq!(fold(&form), base.to_string(), "{form:?}");
                    assert_eq!(exact_form(&form), lower.to_string(), "{form:?}");
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 144);
}

#[test]
fn d_with_stroke_and_its_look_alikes_fold_to_d() {
    for d in ["đ", "Đ", "\u{00D0}", "\u{0189}", "\u{00F0}", "\u{0256}"] {
        assert_eq!(fold(d), "d", "{d:?}");
        assert_eq!(exact_form(d), "đ", "{d:?}");
    }
}

#[test]
fn tone_marks_in_any_mark_order_compose() {
    // o + circumflex + dot below is not canonical order, but is the same letter.
    assert_eq!(exact_form("o\u{302}\u{323}"), "ộ");
    assert_eq!(exact_form("o\u{323}\u{302}"), "ộ");
    assert_eq!(exact_form("u\u{31B}\u{301}"), "ứ");
}
