//! Words both sides of a match share: the abbreviations of party and state
//! bodies and the keys of document kinds. The index writes with them and the
//! search reads with them, so they live below both.

mod abbreviations;

pub(crate) use abbreviations::{expand, lookup};

use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::analysis::{VietnameseTokenizer, fold};

/// The keyword a document kind is indexed and looked up under: its folded
/// syllables joined by single spaces ("THÔNG BÁO  KẾT LUẬN" → "thong bao ket luan").
pub(crate) fn kind_key(kind: &str) -> String {
    let mut tokenizer = VietnameseTokenizer::exact();
    let mut stream = tokenizer.token_stream(kind);
    let mut out = String::new();
    while stream.advance() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fold(&stream.token().text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::kind_key;

    #[test]
    fn kind_keys_ignore_case_accents_and_spacing() {
        assert_eq!(kind_key("THÔNG BÁO  KẾT LUẬN"), "thong bao ket luan");
        assert_eq!(kind_key("Kết luận"), "ket luan");
        assert_eq!(kind_key(""), "");
    }
}
