//! Tests of the whole analysis pipeline: the syllable table, every letter, a naive reference
//! and property tests.

mod letters;
mod naive;
mod prop;
mod syllables;

use tantivy::tokenizer::{TokenStream, Tokenizer};

use super::VietnameseTokenizer;

/// (text, position, offset_from, offset_to) of every token.
pub(super) fn tokens(
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
