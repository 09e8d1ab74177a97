//! Tests of the whole analysis pipeline: the syllable table, every letter, a naive reference
//! and property tests.

mod letters;
mod naive;
mod prop;
mod syllables;

use tantivy::tokenizer::{TokenStream, Tokenizer};

use super::VietnameseTokenizer;

/// (text, position, offset_from, offset_to) of every token.
pub(crate) fn tokens(
    mut tokenizer: VietnameseTokenizer,
    text: &str,
) -> Vec<(String, usize, usize, usize)> {
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
    }
    out
}

#[test]
fn the_vietnamese_block_is_simple_without_asking() {
    for c in ('\u{1EA0}'..='\u{1EF9}').filter(|c| !c.is_ascii()) {
        assert_eq!(super::word::clean_char(c), Some(c), "{c:?}");
        assert!(super::letters::decode(c).is_some(), "{c:?}");
    }
    // Latin-1 letters are passed by their bytes too, Ð and ð aside.
    for c in '\u{C0}'..='\u{FF}' {
        let simple = super::word::clean_char(c) == Some(c);
        assert_eq!(simple, !matches!(c, '\u{D0}' | '\u{F0}'), "{c:?}");
        assert!(super::is_normalized(&c.to_string()) || !simple, "{c:?}");
    }
}

#[test]
fn composing_in_pieces_is_nfc_of_the_whole() {
    use unicode_normalization::UnicodeNormalization;
    let whole = |t: &str| -> String {
        t.chars()
            .filter_map(super::word::clean_char)
            .nfc()
            .collect()
    };
    let marks = [
        "\u{300}",
        "\u{301}",
        "\u{323}\u{302}",
        "\u{302}\u{323}",
        "\u{31B}\u{309}",
        "\u{345}",
        "\u{5B0}",
        "\u{200B}\u{301}",
        "\u{AD}",
    ];
    for c in (0u32..0x3400)
        .chain(0xAC00..0xAC40)
        .chain(0x1D15E..0x1D1C0)
        .filter_map(char::from_u32)
    {
        for m in marks {
            for text in [
                format!("{c}{m}"),
                format!("a{c}{m}b"),
                format!("{m}{c}a{m}"),
                format!("\u{1100}{c}\u{1161}{m}"),
            ] {
                assert_eq!(super::compose(&text), whole(&text), "{text:?}");
            }
        }
    }
}

#[test]
fn folding_drops_a_stray_accent_left_without_a_letter() {
    use crate::analysis::{exact_form, fold};
    assert_eq!(fold("48 \u{301}TTr"), "48 ttr");
    assert_eq!(fold(" \u{300}\u{323}"), " ");
    // The exact form keeps it: only folding promises no diacritics at all.
    assert_eq!(exact_form(" \u{301}"), " \u{301}");
}

#[test]
fn folding_is_idempotent_for_symbols_that_compose_into_a_mark() {
    use crate::analysis::fold;
    // Found by the proptest: U+1D1BB is excluded from composition, so NFC
    // gives U+1D1B9 followed by the combining stem U+1D165.
    let once = fold("\u{1D1BB}");
    assert_eq!(once, "\u{1D1B9}");
    assert_eq!(fold(&once), once);
}
