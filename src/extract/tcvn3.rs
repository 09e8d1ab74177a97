//! TCVN3 (TCVN 5712:1993, the "ABC" code of the `.VnTime` fonts).
//!
//! Source: the VN3 table of the Vietnamese standard TCVN 5712:1993 as published in
//! the Vietnamese Unicode FAQ's charset tables (vietunicode.sourceforge.net/charset/).
//! VN3 gives every lowercase letter a byte in 0xA8..=0xFE and the seven capitals
//! Ă Â Ê Ô Ơ Ư Đ bytes 0xA1..=0xA7; capitals with a tone have no code. The
//! `.VnTimeH`-style capital fonts draw the lowercase codes as capitals, so text
//! typed in them decodes to lowercase: [`decode_upper`] restores the capitals
//! when the font is known, and plain-text detection capitalises a TCVN3 letter
//! inside a word whose other letters are all capitals (`KÕT` → `KẾT`). Other
//! bytes read as Windows-1252, which is how the fonts were used on Windows.

use super::windows1258::cp1252;

/// (byte, letter) for every letter of VN3.
const TABLE: &[(u8, char)] = &[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

fn letters() -> impl Iterator<Item = (u8, char)> {
    TABLE.iter().copied()
}

/// The characters of bytes 0x80..=0xFF, built once from [`TABLE`].
static HIGH: std::sync::LazyLock<[char; 128]> = std::sync::LazyLock::new(|| {
    let mut high = [' '; 128];
    for (i, c) in high.iter_mut().enumerate() {
        // `i < 128`, so the byte is 0x80..=0xFF.
        let b = 0x80 | i as u8;
        *c = letters()
            .find(|&(x, _)| x == b)
            .map_or_else(|| cp1252(b), |(_, c)| c);
    }
    high
});

/// The character of one TCVN3 byte.
pub(crate) fn char_of(b: u8) -> char {
    if b < 0x80 {
        char::from(b)
    } else {
        HIGH[usize::from(b & 0x7F)]
    }
}

/// Decodes TCVN3 bytes.
pub(crate) fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char_of(b)).collect()
}

/// Decodes bytes typed in a capital font (`.VnTimeH`): every letter a capital.
// Only `.docx` runs name their font.
#[cfg_attr(not(feature = "formats"), allow(dead_code))]
pub(crate) fn decode_upper(bytes: &[u8]) -> String {
    decode(bytes).to_uppercase()
}

/// Encodes `text` as TCVN3. Capitals with a tone have no code and are written
/// with their lowercase code, as in the capital fonts. `None` when a character
/// has no encoding.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(u8::try_from(u32::from(c)).ok()?);
        } else if let Some((b, _)) = letters().find(|&(_, x)| x == c) {
            out.push(b);
        } else {
            let lower = c.to_lowercase().next()?;
            let (b, _) = letters().find(|&(_, x)| x == lower)?;
            out.push(b);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_garbage_of_a_vntime_file_decodes() {
        // "KÕt luËn" is how TCVN3 "Kết luận" shows in a Unicode font.
        assert_eq!(decode(b"K\xD5t lu\xCBn"), "Kết luận");
        assert_eq!(decode(b"\xA7\xAB"), "Đô");
        assert_eq!(decode_upper(b"k\xD5t lu\xCBn"), "KẾT LUẬN");
    }

    #[test]
    fn capitals_with_tones_take_the_lowercase_code() {
        assert_eq!(encode("KẾT").as_deref(), Some(&b"K\xD5T"[..]));
        assert_eq!(encode("Đồng").as_deref(), Some(&b"\xA7\xE5ng"[..]));
    }

    #[test]
    fn the_table_has_134_toned_and_hatted_lowercase_letters_and_7_capitals() {
        assert_eq!(letters().count(), 7 + 7 + 60);
        let mut bytes: Vec<u8> = letters().map(|(b, _)| b).collect();
        bytes.sort_unstable();
        bytes.dedup();
        assert_eq!(bytes.len(), 74, "no byte twice");
    }
}
