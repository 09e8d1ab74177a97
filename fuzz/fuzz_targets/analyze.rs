//! Arbitrary text through both analyzers: offsets slice the input on char
//! boundaries, positions run 0, 1, 2, …, the two analyzers agree token by
//! token, and folding is idempotent.
#![no_main]

use ketluan::analysis::{
    MAX_TOKEN_LEN, VietnameseTokenizer, exact_form, fold, normalize, normalize_reference,
};
use libfuzzer_sys::fuzz_target;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

fn tokens(mut tokenizer: VietnameseTokenizer, text: &str) -> Vec<Token> {
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// A token cut at the length cap may end inside a syllable: its form is not comparable.
fn capped(token: &Token) -> bool {
    token.text.len() + 4 > MAX_TOKEN_LEN
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let exact = tokens(VietnameseTokenizer::exact(), text);
    let folded = tokens(VietnameseTokenizer::folded(), text);
    let mut previous_end = 0;
    for (i, token) in exact.iter().enumerate() {
        assert_eq!(token.position, i, "positions are consecutive");
        assert!(token.offset_from < token.offset_to, "{token:?}");
        assert!(token.offset_from >= previous_end, "tokens do not overlap");
        previous_end = token.offset_to;
        let source = text
            .get(token.offset_from..token.offset_to)
            .expect("offsets slice the input on char boundaries");
        assert!(!token.text.is_empty());
        assert!(token.text.len() <= MAX_TOKEN_LEN);
        if !capped(token) {
            assert_eq!(token.text, exact_form(&token.text), "exact form is stable: {source:?}");
        }
    }
    assert_eq!(
        exact.len(),
        folded.len(),
        "both analyzers see the same tokens in {text:?}"
    );
    for (e, f) in exact.iter().zip(&folded) {
        assert_eq!((e.offset_from, e.offset_to), (f.offset_from, f.offset_to));
        assert_eq!(e.position, f.position);
        if !capped(e) && !capped(f) {
            assert_eq!(f.text, fold(&e.text), "folded token = fold(exact token)");
        }
    }
    let once = fold(text);
    assert_eq!(fold(&once), once, "fold is idempotent");
    let normalized = normalize(text);
    assert_eq!(normalize(&normalized), normalized, "normalize is idempotent");
    let reference = normalize_reference(text);
    assert_eq!(normalize_reference(&reference), reference);
});
