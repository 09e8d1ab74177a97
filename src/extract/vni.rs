//! VNI-Windows, the code of the `VNI-Times` fonts: a base letter followed by a
//! second byte that draws the diacritics.
//!
//! Source: the VNI-Windows table of VNI Software Company as published in the
//! Vietnamese Unicode FAQ's charset tables (vietunicode.sourceforge.net/charset/).
//! `ơ ư đ` and the toned `i`, and `ỵ`, have one byte each; every other toned or
//! hatted vowel is its ASCII base letter and one mark byte (`ế` = `e` + 0xE1,
//! shown in a Unicode font as `eá`). Capitals take the capital mark byte (the
//! lowercase one minus 0x20). Other bytes read as Windows-1252.

use unicode_normalization::UnicodeNormalization;

use super::windows1258::cp1252;

const CIRCUMFLEX: char = '\u{0302}';
const BREVE: char = '\u{0306}';

/// Tones in VNI's order: none, sắc, huyền, hỏi, ngã, nặng.
const TONES: [Option<char>; 6] = [
    None,
    Some('\u{0301}'),
    Some('\u{0300}'),
    Some('\u{0309}'),
    Some('\u{0303}'),
    Some('\u{0323}'),
];

/// Lowercase mark bytes, by tone: a tone alone; a circumflex and the tone; a breve and the tone.
const TONE_BYTES: [u8; 6] = [0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF];
const CIRCUMFLEX_BYTES: [u8; 6] = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4];
const BREVE_BYTES: [u8; 6] = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB];

/// Lowercase letters with a byte of their own.
const SINGLE: [(u8, char); 9] = [
    (0xF4, 'ơ'),
    (0xF6, 'ư'),
    (0xF1, 'đ'),
    (0xED, 'í'),
    (0xEC, 'ì'),
    (0xE6, 'ỉ'),
    (0xF3, 'ĩ'),
    (0xF2, 'ị'),
    (0xEE, 'ỵ'),
];

/// What one byte stands for: a letter, or the combining marks it adds to the letter before.
fn chars_of(b: u8, out: &mut String) {
    if b < 0x80 {
        out.push(char::from(b));
        return;
    }
    let (lower, upper) = if (0xC0..=0xDF).contains(&b) {
        (b + 0x20, true)
    } else {
        (b, false)
    };
    if lower >= 0xE0 {
        if let Some(&(_, c)) = SINGLE.iter().find(|&&(x, _)| x == lower) {
            if upper {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            return;
        }
        for (marks, hat) in [
            (&TONE_BYTES, None),
            (&CIRCUMFLEX_BYTES, Some(CIRCUMFLEX)),
            (&BREVE_BYTES, Some(BREVE)),
        ] {
            if let Some(t) = marks.iter().position(|&x| x == lower && x != 0) {
                out.extend(hat);
                out.extend(TONES[t]);
                return;
            }
        }
    }
    out.push(cp1252(b));
}

/// Decodes VNI-Windows bytes to NFC text.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let mut raw = String::with_capacity(bytes.len() + bytes.len() / 4);
    for &b in bytes {
        chars_of(b, &mut raw);
    }
    raw.nfc().collect()
}

/// Encodes `text` as VNI-Windows; `None` when a character has no encoding.
pub(crate) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(u8::try_from(u32::from(c)).ok()?);
            continue;
        }
        let upper = c.is_uppercase();
        let case = |b: u8| if upper { b - 0x20 } else { b };
        let lower = c.to_lowercase().next()?;
        if let Some(&(b, _)) = SINGLE.iter().find(|&&(_, x)| x == lower) {
            out.push(case(b));
            continue;
        }
        // Base letter, hat or horn, tone.
        let (mut base, mut hat, mut horn, mut tone) = (None, None, false, 0);
        for d in std::iter::once(lower).nfd() {
            match d {
                'a'..='z' if base.is_none() => base = Some(d),
                CIRCUMFLEX | BREVE => hat = Some(d),
                '\u{031B}' => horn = true,
                _ => tone = TONES.iter().position(|&t| t == Some(d))?,
            }
        }
        let base = base?;
        if horn {
            // ơ and ư have bytes of their own; the tone follows.
            let b = match base {
                'o' => 0xF4,
                'u' => 0xF6,
                _ => return None,
            };
            out.push(case(b));
        } else if base == 'i' && tone != 0 {
            // Toned i is a single byte (in SINGLE), reached only through NFC above.
            return None;
        } else {
            let b = u8::try_from(u32::from(base)).ok()?;
            out.push(if upper { b.to_ascii_uppercase() } else { b });
        }
        let mark = match hat {
            Some(CIRCUMFLEX) => CIRCUMFLEX_BYTES[tone],
            Some(_) => BREVE_BYTES[tone],
            None if tone == 0 => continue,
            None => TONE_BYTES[tone],
        };
        out.push(case(mark));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_garbage_of_a_vni_file_decodes() {
        // "Keát luaän" is how VNI "Kết luận" shows in a Unicode font.
        assert_eq!(decode(b"Ke\xE1t lua\xE4n"), "Kết luận");
        assert_eq!(decode(b"KE\xC1T LUA\xC4N"), "KẾT LUẬN");
        assert_eq!(decode(b"\xD1o\xE0ng ng\xF6\xF4\xF8i"), "Đồng người");
    }

    #[test]
    fn encodes_base_letter_and_mark() {
        assert_eq!(
            encode("Kết luận").as_deref(),
            Some(&b"Ke\xE1t lua\xE4n"[..])
        );
        assert_eq!(encode("KẾT").as_deref(), Some(&b"KE\xC1T"[..]));
        assert_eq!(encode("người").as_deref(), Some(&b"ng\xF6\xF4\xF8i"[..]));
        assert_eq!(encode("Ịt").as_deref(), Some(&b"\xD2t"[..]));
        assert_eq!(encode("ăn").as_deref(), Some(&b"a\xEAn"[..]));
    }
}
