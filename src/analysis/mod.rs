//! Vietnamese text analysis. (Provisional implementation: see issue 2.)

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Name under which the exact analyzer is registered.
pub const EXACT: &str = "ketluan_exact";
/// Name under which the folded analyzer is registered.
pub const FOLDED: &str = "ketluan_folded";

/// Registers the exact and folded analyzers on a tantivy index.
pub fn register_analyzers(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(EXACT, VietnameseTokenizer::exact());
    manager.register(FOLDED, VietnameseTokenizer::folded());
}

/// Lossless clean-up: NFC, look-alike `Đ` repaired, invisible characters removed.
pub fn normalize(text: &str) -> String {
    text.nfc()
        .filter_map(|c| match c {
            '\u{00D0}' | '\u{0189}' => Some('Đ'),
            '\u{00A0}' => Some(' '),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
            c => Some(c),
        })
        .collect()
}

/// [`normalize`] with tone marks in the canonical position; case kept.
pub fn canonical_tone(text: &str) -> String {
    normalize(text)
}

/// The exact analyzer's form: canonical tone placement, lowercase.
pub fn exact_form(text: &str) -> String {
    canonical_tone(text).to_lowercase()
}

/// The folded analyzer's form: [`exact_form`] without any diacritic, `đ` → `d`.
pub fn fold(text: &str) -> String {
    exact_form(text)
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Keyword form of a document number: `48 - TTr/BCSĐ` → `48-ttr/bcsd`.
pub fn normalize_reference(number: &str) -> String {
    fold(number)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Tokenizer producing syllable tokens in exact or folded form.
#[derive(Clone, Debug)]
pub struct VietnameseTokenizer {
    folded: bool,
}

impl VietnameseTokenizer {
    /// Diacritics kept.
    pub fn exact() -> Self {
        VietnameseTokenizer { folded: false }
    }
    /// Diacritics removed.
    pub fn folded() -> Self {
        VietnameseTokenizer { folded: true }
    }
}

/// Token stream over precomputed tokens.
pub struct VietnameseTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = VietnameseTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietnameseTokenStream {
        let mut tokens = Vec::new();
        let mut start: Option<usize> = None;
        let push = |s: usize, e: usize, tokens: &mut Vec<Token>| {
            let word = &text[s..e];
            let t = if self.folded {
                fold(word)
            } else {
                exact_form(word)
            };
            if !t.is_empty() {
                let position = tokens.len();
                tokens.push(Token {
                    offset_from: s,
                    offset_to: e,
                    position,
                    text: t,
                    position_length: 1,
                });
            }
        };
        for (i, c) in text.char_indices() {
            let word = c.is_alphanumeric() || (is_combining_mark(c) && start.is_some());
            let invisible = matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}');
            match (word || (invisible && start.is_some()), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push(s, i, &mut tokens);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push(s, text.len(), &mut tokens);
        }
        VietnameseTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for VietnameseTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}
