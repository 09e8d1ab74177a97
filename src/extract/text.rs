//! Bytes of a text file → text: UTF-8, UTF-16 with a byte order mark, or one of the
//! legacy Vietnamese encodings; anything else is named for what it looks like.

use super::{Encoding, detect};
use crate::{Error, Result};

/// Decodes the bytes of a text file.
///
/// A file is taken to be in one encoding. Valid UTF-8 stays UTF-8, except that
/// lines which are legacy text shown through Windows-1252 (`KÕt luËn`, pasted
/// from a `.VnTime` document) are converted back; the encoding reported is then
/// the legacy one. Bytes that are not UTF-8 are damaged UTF-8 when they hold more
/// UTF-8 letters than bad bytes (an error naming the first bad byte), binary
/// when they hold control bytes, and otherwise TCVN3, VNI or Windows-1258 when
/// one of those reads as Vietnamese.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Encoding)> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be));
    }
    let (bom, bytes) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut text = text.to_string();
            let encoding = detect::repair(&mut text).unwrap_or(Encoding::Utf8);
            Ok((text, encoding))
        }
        Err(e) => {
            let offset = bom + e.valid_up_to();
            let not_utf8 = |hint: &str| Error::NotUtf8 {
                offset,
                hint: Some(hint.into()),
            };
            let sample = &bytes[..bytes.len().min(4096)];
            let (letters, bad) = bytes.utf8_chunks().fold((0, 0), |(l, b), chunk| {
                let multi = chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                (l + multi, b + chunk.invalid().len())
            });
            if looks_like_utf16(sample) {
                Err(not_utf8("looks like UTF-16 without a byte order mark"))
            } else if is_binary(sample) {
                Err(not_utf8("binary file, not text"))
            } else if letters >= bad {
                // Multi-byte UTF-8 around the bad byte: the file is UTF-8, damaged there.
                Err(not_utf8("a stray byte in otherwise UTF-8 text"))
            } else if let Some((encoding, text)) = detect::legacy(bytes) {
                Ok((text, encoding))
            } else {
                Err(not_utf8(
                    "not UTF-8, TCVN3, VNI or Windows-1258 Vietnamese; convert it to UTF-8",
                ))
            }
        }
    }
}

/// UTF-16 of mostly ASCII text: a zero in every other byte.
fn looks_like_utf16(sample: &[u8]) -> bool {
    let zeros = |start: usize| {
        sample
            .iter()
            .skip(start)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    half >= 8 && (zeros(0) * 3 > half * 2 || zeros(1) * 3 > half * 2)
}

/// Control bytes other than tab, line feed, form feed and carriage return: no
/// text encoding this crate reads uses them.
fn is_binary(sample: &[u8]) -> bool {
    sample
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A | 0x1B))
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String> {
    const BOM: usize = 2;
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len());
    let mut unit = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                unit += c.len_utf16();
            }
            Err(_) => {
                return Err(Error::NotUtf8 {
                    offset: BOM + 2 * unit,
                    hint: Some("invalid UTF-16".into()),
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(Error::NotUtf8 {
            offset: BOM + bytes.len() - 1,
            hint: Some("UTF-16 with an odd number of bytes".into()),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_utf8_vietnamese_are_never_taken_for_legacy() {
        for text in [
            "KET LUAN cua Ban Thuong vu",
            "Kết luận của Ban Thường vụ Tỉnh ủy",
            "Tôi là ai, à, ô, ê",
        ] {
            let (decoded, encoding) = decode(text.as_bytes()).expect("text");
            assert_eq!((decoded.as_str(), encoding), (text, Encoding::Utf8));
        }
    }

    #[test]
    fn binary_is_named_binary() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend((0..200u32).map(|i| (i * 37 % 256) as u8));
        let err = decode(&png).expect_err("binary").to_string();
        assert!(err.contains("binary file, not text"), "{err}");
    }

    #[test]
    fn legacy_bytes_are_decoded() {
        let (text, encoding) =
            decode(b"K\xD5t lu\xCBn c\xF1a Ban Th\xAD\xEAng v\xF4").expect("tcvn3");
        assert_eq!(
            (text.as_str(), encoding),
            ("Kết luận của Ban Thường vụ", Encoding::Tcvn3)
        );
    }
}
