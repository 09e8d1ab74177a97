//! `.doc` (Word 97–2003): the main text from the WordDocument stream's piece table.
//!
//! Crate: `cfb` (a maintained reader of the OLE compound file container that
//! `.doc` files are). The format is Microsoft's [MS-DOC] specification: the
//! File Information Block at the start of the WordDocument stream gives the
//! main text's length (`ccpText`) and where the `Clx` sits in the table stream
//! (`0Table` or `1Table`, by the `fWhichTblStm` flag); the `Clx`'s piece table
//! maps character positions to runs of bytes in the WordDocument stream, each
//! 8-bit (Windows-1252, "compressed") or UTF-16LE. Word's control characters
//! become text: paragraph marks and breaks are line breaks, cell marks TABs,
//! field instructions are dropped and field results kept. `.doc` carries fonts
//! in formatting tables this reader does not follow, so lines typed in legacy
//! fonts are repaired by detection, line by line.

use std::io::{Cursor, Read};

use super::{Encoding, MAX_FILE_BYTES, detect};
use crate::{Error, Result};

fn fail(reason: impl Into<String>) -> Error {
    Error::Extract {
        format: "doc".into(),
        reason: reason.into(),
    }
}

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or_else(|| fail(format!("file information block cut short at byte {at}")))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| fail(format!("structure cut short at byte {at}")))
}

fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>> {
    let s = file.open_stream(name).map_err(|e| {
        fail(format!(
            "no {name} stream ({e}); not a Word 97–2003 document"
        ))
    })?;
    let mut out = Vec::new();
    s.take(MAX_FILE_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| fail(format!("{name}: {e}")))?;
    Ok(out)
}

pub(super) fn extract(bytes: &[u8]) -> Result<(String, Encoding)> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| fail(format!("not a compound file: {e}")))?;
    let word = stream(&mut file, "WordDocument")?;
    if u16_at(&word, 0)? != 0xA5EC {
        return Err(fail(
            "WordDocument stream does not start with a Word 97 signature",
        ));
    }
    let flags = u16_at(&word, 0x0A)?;
    if flags & 0x0100 != 0 {
        return Err(fail("the document is encrypted"));
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    // FibBase (32 bytes), csw + FibRgW97 (2 + 28), cslw + FibRgLw97 (2 + 88),
    // cbRgFcLcb, then FibRgFcLcb97 pairs: ccpText is FibRgLw97[3], Clx pair 33.
    let ccp_text = u32_at(&word, 64 + 3 * 4)? as usize;
    let fc_lcb = 154;
    let fc_clx = u32_at(&word, fc_lcb + 33 * 8)? as usize;
    let lcb_clx = u32_at(&word, fc_lcb + 33 * 8 + 4)? as usize;
    let table = stream(&mut file, table_name)?;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| fail("piece table lies outside the table stream"))?;
    let pieces = piece_table(clx)?;

    let mut raw = String::new();
    let (mut eight_bit, mut wide) = (false, false);
    for piece in pieces {
        if piece.start >= ccp_text {
            break;
        }
        let count = piece.end.min(ccp_text) - piece.start;
        if piece.compressed {
            let bytes = word
                .get(piece.offset..piece.offset.saturating_add(count))
                .ok_or_else(|| fail("a piece lies outside the WordDocument stream"))?;
            raw.extend(bytes.iter().map(|&b| cp1252_piece(b)));
            eight_bit = true;
        } else {
            let bytes = word
                .get(piece.offset..piece.offset.saturating_add(count.saturating_mul(2)))
                .ok_or_else(|| fail("a piece lies outside the WordDocument stream"))?;
            raw.extend(
                char::decode_utf16(
                    bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                )
                .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)),
            );
            wide = true;
        }
    }
    let mut text = plain(&raw);
    let base = if wide || !eight_bit {
        Encoding::Utf16Le
    } else {
        Encoding::Windows1252
    };
    let encoding = detect::repair(&mut text).unwrap_or(base);
    Ok((text, encoding))
}

/// Compressed pieces are Windows-1252, with a few bytes of their own ([MS-DOC] 2.4.1).
fn cp1252_piece(b: u8) -> char {
    super::windows1258::cp1252(b)
}

struct Piece {
    start: usize,
    end: usize,
    offset: usize,
    compressed: bool,
}

/// Reads the `Clx`: any number of `Prc` (0x01, i16 size, grpprl), then one
/// `Pcdt` (0x02, u32 size, PlcPcd of n+1 positions and n 8-byte descriptors).
fn piece_table(clx: &[u8]) -> Result<Vec<Piece>> {
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let size = u16_at(clx, at + 1)? as usize;
        at += 3 + size;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(fail("no piece table in the Clx"));
    }
    let lcb = u32_at(clx, at + 1)? as usize;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| fail("piece table cut short"))?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(fail(format!(
            "piece table of {lcb} bytes is not n × 12 + 4"
        )));
    }
    let n = (lcb - 4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let start = u32_at(plc, i * 4)? as usize;
        let end = u32_at(plc, (i + 1) * 4)? as usize;
        let fc = u32_at(plc, (n + 1) * 4 + i * 8 + 2)?;
        if end < start {
            return Err(fail("piece table positions go backwards"));
        }
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        pieces.push(Piece {
            start,
            end,
            offset: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(pieces)
}

/// Word's control characters → text.
fn plain(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Field nesting: whether each open field is still in its instruction part.
    let mut fields: Vec<bool> = Vec::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{13}' => {
                fields.push(true);
                continue;
            }
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = false;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if fields.iter().any(|&instr| instr) {
            continue;
        }
        match c {
            '\r' => out.push_str("\n\n"),
            '\u{0B}' | '\u{0C}' => out.push('\n'),
            // A cell mark; two in a row end a table row.
            '\u{07}' => {
                if chars.peek() == Some(&'\u{07}') {
                    chars.next();
                    out.push('\n');
                } else {
                    out.push('\t');
                }
            }
            '\u{1E}' => out.push('-'),
            // An optional hyphen: kept as the soft hyphen it is in Unicode, because
            // TCVN3's `ư` is byte 0xAD, which Word stores as an optional hyphen.
            '\u{1F}' => out.push('\u{AD}'),
            '\u{01}' | '\u{08}' | '\u{05}' | '\u{02}' | '\u{03}' | '\u{04}' => {}
            c => out.push(c),
        }
    }
    // Tidy: no trailing tabs or spaces, at most one blank line in a row.
    let mut tidy = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_end_matches(['\t', ' ']);
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        tidy.push_str(line);
        tidy.push('\n');
    }
    let end = tidy.trim_end().len();
    tidy.truncate(end);
    tidy.push('\n');
    tidy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_text() {
        assert_eq!(
            plain("KẾT LUẬN\r\u{13} PAGE \u{14}3\u{15} trang\rA\u{7}B\u{7}\u{7}C\u{7}D\u{7}\u{7}"),
            "KẾT LUẬN\n\n3 trang\n\nA\tB\nC\tD\n"
        );
    }

    #[test]
    fn a_broken_piece_table_is_an_error() {
        assert!(piece_table(&[0x02, 0xFF, 0xFF, 0xFF, 0x7F]).is_err());
        assert!(piece_table(&[0x01, 0x05]).is_err());
        assert!(piece_table(&[]).is_err());
        assert!(extract(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage").is_err());
    }
}
