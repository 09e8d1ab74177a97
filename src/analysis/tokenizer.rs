//! [`VietnameseTokenizer`]: syllable tokens in the exact or folded form.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::letters::decode;
use super::word::{Form, WordBuffers, next_word};

/// The longest token text, in bytes. Longer words (hashes, pasted blobs — never Vietnamese
/// syllables) are cut at a char boundary to at most this many bytes; their offsets still
/// cover the whole word. Tantivy itself rejects terms over 65 530 bytes.
pub const MAX_TOKEN_LEN: usize = 255;

/// A tantivy tokenizer that splits text into syllables and writes each one in the exact form
/// ([`exact_form`](super::exact_form)) or the folded form ([`fold`](super::fold)).
///
/// A token is a run of letters and digits; combining marks and invisible characters inside
/// it belong to the run. Positions are consecutive from 0; offsets are byte offsets into the
/// text given, on char boundaries, covering the whole original word with its marks.
///
/// # Example
///
/// ```
/// use ketluan::analysis::VietnameseTokenizer;
/// use tantivy::tokenizer::{TokenStream, Tokenizer};
///
/// let mut tokenizer = VietnameseTokenizer::folded();
/// let text = "Đồng ý"; // NFD: combining marks after the base letters
/// let mut stream = tokenizer.token_stream(text);
/// let mut tokens = Vec::new();
/// while let Some(token) = stream.next() {
///     tokens.push((token.text.clone(), token.position, &text[token.offset_from..token.offset_to]));
/// }
/// assert_eq!(tokens, [("dong".to_string(), 0, "Đồng"), ("y".to_string(), 1, "ý")]);
/// ```
#[derive(Clone, Debug)]
pub struct VietnameseTokenizer {
    form: Form,
    /// Also emit the folded form at the same position (see [`Self::indexing`]).
    both: bool,
    /// Emit only the words whose exact form differs from the folded one (see
    /// [`Self::accented`]).
    accented_only: bool,
    token: Token,
    buffers: WordBuffers,
    spare: String,
}

impl VietnameseTokenizer {
    /// Lowercase, canonical tone placement, diacritics kept: `bán`, `bạn` and `ban` differ.
    pub fn exact() -> Self {
        Self::new(Form::Exact)
    }

    /// Lowercase, every diacritic removed and `đ` → `d`: `dong y` matches `đồng ý`.
    pub fn folded() -> Self {
        Self::new(Form::Folded)
    }

    /// For indexing one field that serves both kinds of query: every syllable
    /// gives its folded token and, when it differs, its exact token at the same
    /// position and offsets (folded first). `dong y` and `"đồng ý"` then both
    /// match as phrases, and an exact-diacritic term can boost the score, while
    /// the text is analysed once and ASCII words are stored once.
    ///
    /// ```
    /// use ketluan::analysis::VietnameseTokenizer;
    /// use tantivy::tokenizer::{TokenStream, Tokenizer};
    ///
    /// let mut tokenizer = VietnameseTokenizer::indexing();
    /// let mut stream = tokenizer.token_stream("Đồng ý TTr");
    /// let mut tokens = Vec::new();
    /// while let Some(t) = stream.next() {
    ///     tokens.push((t.text.clone(), t.position));
    /// }
    /// let expected = [("dong", 0), ("đồng", 0), ("y", 1), ("ý", 1), ("ttr", 2)];
    /// assert_eq!(tokens, expected.map(|(t, p)| (t.to_string(), p)));
    /// ```
    pub fn indexing() -> Self {
        VietnameseTokenizer {
            both: true,
            ..Self::new(Form::Exact)
        }
    }

    /// The exact form of only the words that have diacritics or `đ` (whose
    /// exact form differs from the folded one), at their positions: for a
    /// field that holds just what the folded field cannot tell apart.
    ///
    /// ```
    /// use ketluan::analysis::VietnameseTokenizer;
    /// use tantivy::tokenizer::{TokenStream, Tokenizer};
    ///
    /// let mut tokenizer = VietnameseTokenizer::accented();
    /// let mut stream = tokenizer.token_stream("Đồng ý TTr số 5");
    /// let mut tokens = Vec::new();
    /// while let Some(t) = stream.next() {
    ///     tokens.push((t.text.clone(), t.position));
    /// }
    /// let expected = [("đồng", 0), ("ý", 1), ("số", 3)];
    /// assert_eq!(tokens, expected.map(|(t, p)| (t.to_string(), p)));
    /// ```
    pub fn accented() -> Self {
        VietnameseTokenizer {
            accented_only: true,
            ..Self::new(Form::Exact)
        }
    }

    fn new(form: Form) -> Self {
        VietnameseTokenizer {
            form,
            both: false,
            accented_only: false,
            token: Token::default(),
            buffers: WordBuffers::default(),
            spare: String::new(),
        }
    }
}

/// The token stream of a [`VietnameseTokenizer`]; it reuses the tokenizer's token and buffers.
pub struct VietnameseTokenStream<'a> {
    text: &'a str,
    pos: usize,
    form: Form,
    both: bool,
    /// With `both`: the exact form waiting to follow the folded one.
    pending: bool,
    accented_only: bool,
    token: &'a mut Token,
    buffers: &'a mut WordBuffers,
    spare: &'a mut String,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = VietnameseTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietnameseTokenStream<'a> {
        self.token.reset();
        VietnameseTokenStream {
            text,
            pos: 0,
            form: self.form,
            both: self.both,
            pending: false,
            accented_only: self.accented_only,
            token: &mut self.token,
            buffers: &mut self.buffers,
            spare: &mut self.spare,
        }
    }
}

/// Writes the folded form of an exact-form token into `out`; `false` when a
/// character is outside the letter table (the caller then folds from the text).
fn fold_exact(exact: &str, out: &mut String) -> bool {
    out.clear();
    for c in exact.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(letter) = decode(c) {
            out.push(letter.folded());
        } else {
            return false;
        }
    }
    true
}

impl TokenStream for VietnameseTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.pending {
            // The exact form, at the folded form's position and offsets.
            std::mem::swap(&mut self.token.text, self.spare);
            self.pending = false;
            return true;
        }
        while let Some((from, to)) = next_word(
            self.text,
            self.pos,
            self.form,
            MAX_TOKEN_LEN,
            self.buffers,
            &mut self.token.text,
        ) {
            self.pos = to;
            // A word whose form is empty (letters that fold to nothing) is no token.
            if !self.token.text.is_empty() {
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.position = self.token.position.wrapping_add(1);
                if self.both || self.accented_only {
                    if !fold_exact(&self.token.text, self.spare) {
                        // Letters outside the Vietnamese table: fold from the text.
                        next_word(
                            self.text,
                            from,
                            Form::Folded,
                            MAX_TOKEN_LEN,
                            self.buffers,
                            self.spare,
                        );
                    }
                    let differs = *self.spare != self.token.text && !self.spare.is_empty();
                    if self.accented_only {
                        if !differs {
                            continue;
                        }
                    } else if differs {
                        std::mem::swap(&mut self.token.text, self.spare);
                        self.pending = true;
                    }
                }
                return true;
            }
        }
        self.pos = self.text.len();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::tokens;

    fn t(text: &str, position: usize, from: usize, to: usize) -> (String, usize, usize, usize) {
        (text.to_string(), position, from, to)
    }

    #[test]
    fn folded_tokens_have_byte_offsets_into_nfc_text() {
        assert_eq!(
            tokens(VietnameseTokenizer::folded(), "Tỉnh ủy Lạng Sơn"),
            [
                t("tinh", 0, 0, 6),
                t("uy", 1, 7, 11),
                t("lang", 2, 12, 18),
                t("son", 3, 19, 23)
            ]
        );
    }

    #[test]
    fn exact_tokens_cover_nfd_words_with_their_marks() {
        let text = "Hoa\u{300} Bi\u{300}nh";
        assert_eq!(
            tokens(VietnameseTokenizer::exact(), text),
            [t("hoà", 0, 0, 5), t("bình", 1, 6, 12)]
        );
    }

    #[test]
    fn invisible_chars_inside_words_are_skipped_and_trailing_ones_left_out() {
        let text = "Tỉ\u{AD}nh\u{200B} ủy";
        assert_eq!(
            tokens(VietnameseTokenizer::exact(), text),
            [t("tỉnh", 0, 0, 8), t("uỷ", 1, 12, 16)]
        );
    }

    #[test]
    fn long_words_are_capped() {
        let text = format!("{} x", "a".repeat(100_000));
        let got = tokens(VietnameseTokenizer::folded(), &text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0.len(), MAX_TOKEN_LEN);
        assert_eq!((got[0].2, got[0].3), (0, 100_000));
        assert_eq!(got[1], t("x", 1, 100_001, 100_002));
        let text = "ñ".repeat(50_000);
        let got = tokens(VietnameseTokenizer::exact(), &text);
        assert_eq!(got.len(), 1);
        assert!(got[0].0.len() <= MAX_TOKEN_LEN);
        assert_eq!(got[0].3, text.len());
    }

    #[test]
    fn a_reused_tokenizer_starts_positions_at_zero() {
        let mut tokenizer = VietnameseTokenizer::exact();
        let _ = tokens(tokenizer.clone(), "một hai ba");
        let mut stream = tokenizer.token_stream("bốn");
        assert!(stream.advance());
        assert_eq!(stream.token().position, 0);
        assert!(!stream.advance());
        let mut stream = tokenizer.token_stream("năm sáu");
        assert!(stream.advance());
        assert_eq!(stream.token().position, 0);
    }
}
