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
