//! Vietnamese text analysis: normalization, canonical tone placement, folding and the two
//! tantivy analyzers.
//!
//! Vietnamese text arrives in every form: precomposed (NFC) or decomposed (NFD), with `Ð`
//! (U+00D0) or `Ɖ` (U+0189) pasted for `Đ`, zero-width characters and soft hyphens inside
//! words, no-break spaces, and the tone mark of `hoà`/`hòa`, `thuỷ`/`thủy` in either place.
//! This module maps all of them onto one form.
//!
//! | function | case | tone mark | diacritics |
//! |---|---|---|---|
//! | [`normalize`] | kept | as written | kept (lossless clean-up only) |
//! | [`canonical_tone`] | kept | canonical | kept |
//! | [`exact_form`] | lower | canonical | kept — the [`EXACT`] analyzer |
//! | [`fold`] | lower | — | removed, `đ` → `d` — the [`FOLDED`] analyzer |
//!
//! ```
//! use ketluan::analysis::{canonical_tone, exact_form, fold};
//!
//! assert_eq!(canonical_tone("Tỉnh ủy Hòa Bình"), "Tỉnh uỷ Hoà Bình");
//! assert_eq!(exact_form("QÚY"), "quý");
//! assert_eq!(fold("Đồng ý"), "dong y"); // NFD input
//! ```
//!
//! # The canonical tone placement
//!
//! Each syllable carries at most one tone mark. Following the "new style" (the tone mark on
//! the main vowel, as in the 2018 general-education orthography of the Ministry of Education
//! and Training), the mark is taken off the vowel cluster and put back by one rule:
//!
//! 1. `qu` and `gi` are consonants when another vowel follows: `quý` (not `qúy`), `quốc`,
//!    `giữ`, `già`; but `gì`, `gìn` keep the tone on `i`, their only vowel.
//! 2. A vowel with a hat or horn (`ă â ê ô ơ ư`) takes it; where there are two (`ươ`, `uơ`),
//!    the later one: `người`, `thuở`, `hươu`, `tuổi`, `chuyện`, `uyển`, `oẳn`, `khuấy`.
//! 3. Otherwise, with a final consonant, the last vowel: `hoàn`, `toán`, `huýt`, `xoóng`.
//! 4. Otherwise (open syllable): a single vowel takes it; of three vowels, the middle one
//!    (`hoài`, `ngoài`, `khuỷu`, `ngoẹo`); of two, the second in `oa`, `oe`, `uy` (`hoà`,
//!    `khoẻ`, `thuỷ`, `uỷ` — old style `hòa`, `khỏe`, `thủy`, `ủy`) and the first in all
//!    others (`mái`, `của`, `mía`, `gửi`).
//!
//! Words that are not one Vietnamese syllable are left as written: no vowel, more than one
//! tone mark (`hóà`), a digit, vowels split by a consonant (`café`, `Pokémon`), or more than
//! three vowels in a row. Letters outside the Vietnamese alphabet (`ñ`, `ü`, Cyrillic, Han…)
//! send the word through a Unicode path instead: NFC, lowercase, and for folding NFD with
//! every combining mark dropped. Combining marks are combined with their letter in any order.
//!
//! # Tokens
//!
//! [`VietnameseTokenizer`] yields one token per run of letters and digits (so `48-TTr/BCSĐ`
//! gives `48`, `ttr`, `bcsd`); combining marks and invisible characters inside a run belong
//! to it. Positions are consecutive; offsets are byte offsets into the caller's text and
//! cover the whole original word, so highlights land on the original characters even for NFD
//! input. Token text is capped at [`MAX_TOKEN_LEN`] bytes. Analysis never fails.

pub(crate) mod letters;
mod reference;
mod syllable;
mod tokenizer;
mod word;

pub use reference::normalize_reference;
pub use tokenizer::{MAX_TOKEN_LEN, VietnameseTokenStream, VietnameseTokenizer};

use unicode_normalization::UnicodeNormalization;
use word::{Form, clean_char, rewrite};

/// Name under which the exact analyzer is registered.
pub const EXACT: &str = "ketluan_exact";
/// Name under which the folded analyzer is registered.
pub const FOLDED: &str = "ketluan_folded";
/// Name under which the indexing analyzer ([`VietnameseTokenizer::indexing`]:
/// folded and exact tokens at the same positions) is registered.
pub const INDEXING: &str = "ketluan_index";

/// Name under which the accented analyzer ([`VietnameseTokenizer::accented`]:
/// the exact form of the words with diacritics only) is registered.
pub const ACCENTED: &str = "ketluan_accented";

/// Registers the exact ([`EXACT`]), folded ([`FOLDED`]), indexing ([`INDEXING`])
/// and accented ([`ACCENTED`]) analyzers on a tantivy index.
///
/// # Example
///
/// ```
/// use ketluan::analysis::{FOLDED, register_analyzers};
/// use tantivy::Index;
/// use tantivy::schema::{Schema, TextFieldIndexing, TextOptions};
///
/// let mut schema = Schema::builder();
/// let indexing = TextFieldIndexing::default().set_tokenizer(FOLDED);
/// schema.add_text_field("body", TextOptions::default().set_indexing_options(indexing));
/// let index = Index::create_in_ram(schema.build());
/// register_analyzers(&index);
/// assert!(index.tokenizers().get(FOLDED).is_some());
/// ```
pub fn register_analyzers(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(EXACT, VietnameseTokenizer::exact());
    manager.register(FOLDED, VietnameseTokenizer::folded());
    manager.register(INDEXING, VietnameseTokenizer::indexing());
    manager.register(ACCENTED, VietnameseTokenizer::accented());
}

/// Lossless clean-up for the document parser: `Ð` (U+00D0) and `Ɖ` (U+0189) → `Đ`, `ð`
/// (U+00F0) and `ɖ` (U+0256) → `đ`; zero-width characters (U+200B..U+200D, U+2060, U+FEFF)
/// and soft hyphens (U+00AD) removed; no-break and other Unicode spaces (U+00A0, U+1680,
/// U+2000..U+200A, U+202F, U+205F, U+3000) → `' '`; then NFC. Case and tone placement stay
/// as written; tabs and line breaks are kept.
///
/// ```
/// use ketluan::analysis::normalize;
///
/// assert_eq!(normalize("\u{00D0}a\u{300}\u{00A0}Nă\u{AD}ng"), "Đà Năng");
/// assert_eq!(normalize("Hòa"), "Hòa");
/// ```
pub fn normalize(text: &str) -> String {
    if is_normalized(text) {
        return text.to_string();
    }
    compose(text)
}

/// [`normalize`] without its fast check, for callers that made it:
/// `text.chars().filter_map(clean_char).nfc().collect()`, an ASCII character
/// at a time where it can be. NFC of a text is NFC of its pieces when each
/// piece but the first starts with an ASCII character: ASCII characters are
/// starters that compose with nothing before them, so a piece that starts
/// with one (and the combining marks after it) is normalized on its own.
pub(crate) fn compose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut piece = String::new();
    for c in text.chars().filter_map(clean_char) {
        if c.is_ascii() {
            flush_piece(&mut piece, &mut out);
        }
        piece.push(c);
    }
    flush_piece(&mut piece, &mut out);
    // Composing shortens decomposed text: the room it no longer needs is
    // given back, since parsed text is kept while the document is read.
    out.shrink_to_fit();
    out
}

fn flush_piece(piece: &mut String, out: &mut String) {
    if piece.len() == 1 {
        // One ASCII character (pieces start with one, or are the text's
        // first piece, which a single byte leaves ASCII too).
        out.push_str(piece);
    } else {
        out.extend(piece.chars().nfc());
    }
    piece.clear();
}

/// Whether [`normalize`] would return `text` unchanged — a fast check (no
/// allocation) that lets callers skip the copy for text that is already clean.
///
/// ```
/// use ketluan::analysis::is_normalized;
///
/// assert!(is_normalized("Tỉnh uỷ Lạng Sơn"));
/// assert!(!is_normalized("Tỉnh u\u{309}y")); // NFD
/// assert!(!is_normalized("\u{00D0}ảng")); // Ð for Đ
/// ```
pub fn is_normalized(text: &str) -> bool {
    // Fast path for what documents are made of: ASCII, precomposed
    // Vietnamese letters, Latin-1 and most general punctuation are NFC
    // starters that nothing composes with (U+2000/U+2001 decompose). Any other
    // character, a combining mark above all, takes the full check.
    let bytes = text.as_bytes();
    let mut i = 0;
    let simple = loop {
        // ASCII is passed over a byte at a time, without decoding.
        while bytes.get(i).is_some_and(u8::is_ascii) {
            i += 1;
        }
        // U+1EA0..=U+1EF9 (most accented Vietnamese letters) are
        // E1 BA A0..=E1 BB B9: simple without decoding.
        if bytes.get(i) == Some(&0xE1)
            && let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2))
            && ((b1 == 0xBA && b2 >= 0xA0) || (b1 == 0xBB && b2 <= 0xB9))
        {
            i += 3;
            continue;
        }
        // U+00C0..=U+00FF (à, ê, ô …) are C3 80..=C3 BF: simple but for
        // Ð (C3 90) and ð (C3 B0), which become Đ and đ.
        if bytes.get(i) == Some(&0xC3)
            && let Some(&b1) = bytes.get(i + 1)
            && b1 != 0x90
            && b1 != 0xB0
        {
            i += 2;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break true;
        };
        if !is_simple(c) {
            break false;
        }
        i += c.len_utf8();
    };
    if simple {
        return true;
    }
    // The NFC check line by line, so that the first line that is not `Yes`
    // (NFD text: its first accent) ends it. The check starts each line as
    // it would go on after the line break: an ASCII character leaves it in
    // its initial state.
    text.split_inclusive('\n').all(|line| {
        let mut clean = true;
        let chars = line.chars().inspect(|&c| clean &= clean_char(c) == Some(c));
        unicode_normalization::is_nfc_quick(chars) == unicode_normalization::IsNormalized::Yes
            && clean
    })
}

/// A character of the fast path of [`is_normalized`]; the Vietnamese block
/// of Latin Extended Additional, the most frequent, is answered first.
#[inline]
fn is_simple(c: char) -> bool {
    ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        || c.is_ascii()
        || (clean_char(c) == Some(c)
            && (letters::decode(c).is_some()
                || ('\u{A0}'..='\u{FF}').contains(&c)
                || ('\u{2002}'..='\u{206F}').contains(&c)))
}

/// [`normalize`], and every syllable's tone mark in the canonical position (see the
/// [module docs](self)); case kept.
///
/// ```
/// use ketluan::analysis::canonical_tone;
///
/// assert_eq!(canonical_tone("Thủy lợi, sức khỏe"), "Thuỷ lợi, sức khoẻ");
/// ```
pub fn canonical_tone(text: &str) -> String {
    rewrite(text, Form::Canonical)
}

/// The exact analyzer's form: [`canonical_tone`], lowercase.
///
/// ```
/// use ketluan::analysis::exact_form;
///
/// assert_eq!(exact_form("Tỉnh Ủy"), "tỉnh uỷ");
/// ```
pub fn exact_form(text: &str) -> String {
    rewrite(text, Form::Exact)
}

/// The folded analyzer's form: [`exact_form`] with every diacritic removed and `đ` → `d`.
///
/// ```
/// use ketluan::analysis::fold;
///
/// assert_eq!(fold("Đường Trường Sơn"), "duong truong son");
/// ```
pub fn fold(text: &str) -> String {
    rewrite(text, Form::Folded)
}

#[cfg(test)]
mod tests;
