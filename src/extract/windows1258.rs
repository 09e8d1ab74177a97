//! Windows-1258 (Microsoft's Vietnamese code page) and Windows-1252, the code page
//! every 8-bit Word and web text falls back to.
//!
//! Source: Microsoft's mapping tables as published by the Unicode Consortium,
//! `MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT` and `CP1258.TXT` on unicode.org.
//! Windows-1258 is Windows-1252 with Š š Ž ž removed, four letters each case
//! replaced by Ă Đ Ơ Ư, five replaced by the combining tone marks (U+0300, U+0301,
//! U+0303, U+0309, U+0323) and `þ` by `₫`. Tones therefore follow their letter
//! as combining marks; decoding composes them to NFC.

use unicode_normalization::UnicodeNormalization;

/// Windows-1252 for 0x80..=0x9F; the five unassigned bytes map to the C1
/// control of the same value, as the WHATWG encoding standard does.
const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The Windows-1252 character of `b`.
pub(crate) fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The byte Windows-1252 encodes `c` as, if any.
pub(crate) fn to_cp1252(c: char) -> Option<u8> {
    match u32::from(c) {
        cp @ (0..=0x7F | 0xA0..=0xFF) => u8::try_from(cp).ok(),
        _ => CP1252_80
            .iter()
            .position(|&x| x == c)
            .and_then(|i| u8::try_from(0x80 + i).ok())
            .filter(|&b| !matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)),
    }
}

/// The Windows-1258 character of `b`.
fn cp1258(b: u8) -> char {
    match b {
        0x8A | 0x8E | 0x9A | 0x9E => char::from(b),
        0xC3 => 'Ă',
        0xCC => '\u{0300}',
        0xD0 => 'Đ',
        0xD2 => '\u{0309}',
        0xD5 => 'Ơ',
        0xDD => 'Ư',
        0xDE => '\u{0303}',
        0xE3 => 'ă',
        0xEC => '\u{0301}',
        0xF0 => 'đ',
        0xF2 => '\u{0323}',
        0xF5 => 'ơ',
        0xFD => 'ư',
        0xFE => '₫',
        _ => cp1252(b),
    }
}

/// Decodes Windows-1258 bytes to NFC text.
pub(crate) fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1258(b)).nfc().collect()
}

/// Encodes `text` as Windows-1258: a letter the code page holds precomposed is
/// one byte, any other is its base letter and a combining tone mark (what
/// Windows itself writes). `None` when a character has no encoding.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if let Some(b) = byte_of(c) {
            out.push(b);
            continue;
        }
        // Split off the tone: the rest (a letter, maybe with hat or horn) must be one byte.
        let mut base = String::new();
        let mut tone = None;
        for d in std::iter::once(c).nfd() {
            match d {
                '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tone = Some(d),
                _ => base.push(d),
            }
        }
        let mut composed = base.nfc();
        let (Some(letter), None, Some(tone)) = (composed.next(), composed.next(), tone) else {
            return None;
        };
        out.push(byte_of(letter)?);
        out.push(byte_of(tone)?);
    }
    Some(out)
}

fn byte_of(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).ok();
    }
    (0x80..=0xFFu8).find(|&b| cp1258(b) == c && !matches!(b, 0x8A | 0x8E | 0x9A | 0x9E))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tones_are_combining_marks_composed_on_decoding() {
        // "Kết luận": ê (0xEA) + acute (0xEC); â (0xE2) + dot below (0xF2).
        assert_eq!(decode(b"K\xEA\xECt lu\xE2\xF2n"), "Kết luận");
        assert_eq!(decode(b"\xD0\xF4\xCC ng"), "Đồ ng");
        assert_eq!(decode(b"\xE0 \xFE"), "à ₫");
    }

    #[test]
    fn encodes_what_windows_writes() {
        assert_eq!(
            encode("Kết luận").as_deref(),
            Some(&b"K\xEA\xECt lu\xE2\xF2n"[..])
        );
        assert_eq!(encode("à").as_deref(), Some(&b"\xE0"[..]));
        assert_eq!(encode("ỹ").as_deref(), Some(&b"y\xDE"[..]));
        assert_eq!(encode("漢"), None);
    }

    #[test]
    fn cp1252_round_trips_its_assigned_bytes() {
        for b in 0..=255u8 {
            if !matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
                assert_eq!(to_cp1252(cp1252(b)), Some(b), "{b:#x}");
            }
        }
    }
}
