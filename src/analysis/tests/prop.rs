//! Property tests over generated Vietnamese text and arbitrary Unicode.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::{naive, tokens};
use crate::analysis::{VietnameseTokenizer, canonical_tone, exact_form, fold, normalize};

const INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "oai", "oay", "oeo", "uây", "uôi",
    "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
];
const FINALS: &[&str] = &["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const TONES: &[&str] = &["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", ", ", ". ", "\n", "\u{A0}", "-", "/", " (", ") ", ": ", " 2022 ", "; ",
];

/// A syllable with its tone on the `which`-th vowel letter (modulo their number), so the
/// same syllable can be written with the mark on any of its vowels.
#[derive(Clone, Debug)]
struct Syllable {
    letters: String,
    tone: &'static str,
    case: u8,
}

impl Syllable {
    fn write(&self, which: usize) -> String {
        let vowels: Vec<usize> = self
            .letters
            .char_indices()
            .filter(|(_, c)| "aăâeêioôơuưy".contains(*c))
            .map(|(i, _)| i)
            .collect();
        let mut text = self.letters.clone();
        if let Some(&at) = vowels.get(which % vowels.len().max(1)) {
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            text.insert_str(at + len, self.tone);
        }
        let text: String = text.nfc().collect();
        match self.case {
            0 => text.to_uppercase(),
            1 => {
                let mut chars = text.chars();
                chars
                    .next()
                    .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
            }
            _ => text,
        }
    }
}

fn syllable() -> impl Strategy<Value = Syllable> {
    (
        prop::sample::select(INITIALS),
        prop::sample::select(NUCLEI),
        prop::sample::select(FINALS),
        prop::sample::select(TONES),
        0u8..4,
    )
        .prop_map(|(i, n, f, tone, case)| Syllable {
            letters: format!("{i}{n}{f}"),
            tone,
            case,
        })
}

/// Vietnamese text: syllables written with the tone on the `which`-th vowel, and separators.
fn text(syllables: &[(Syllable, &str)], which: usize) -> String {
    syllables
        .iter()
        .map(|(s, sep)| format!("{}{sep}", s.write(which)))
        .collect()
}

fn vietnamese() -> impl Strategy<Value = Vec<(Syllable, &'static str)>> {
    prop::collection::vec((syllable(), prop::sample::select(SEPARATORS)), 0..12)
}

/// Text that mixes Vietnamese with look-alikes, invisible characters and foreign letters.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => syllable().prop_map(|s| s.write(0)),
        1 => prop::sample::select(&[
            "\u{200B}", "\u{AD}", "\u{FEFF}", "\u{D0}", "\u{189}", "\u{F0}", "\u{A0}", "\u{301}",
            "\u{323}\u{302}", "ñ", "ß", "İ", "Ω", "中文", "٣", "😀", "\u{202E}", "\u{0}", "\t",
        ][..]).prop_map(str::to_string),
        2 => prop::sample::select(SEPARATORS).prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|p| p.concat())
}

fn texts(tokens: &[(String, usize, usize, usize)]) -> Vec<(String, usize)> {
    tokens.iter().map(|(t, p, _, _)| (t.clone(), *p)).collect()
}

fn assert_offsets_valid(text: &str, tokenizer: VietnameseTokenizer) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for (i, (token, position, from, to)) in tokens(tokenizer.clone(), text).into_iter().enumerate()
    {
        prop_assert_eq!(position, i);
        prop_assert!(from < to && to <= text.len() && from >= last_end);
        prop_assert!(text.is_char_boundary(from) && text.is_char_boundary(to));
        prop_assert!(!token.is_empty());
        prop_assert!(token.len() <= crate::analysis::MAX_TOKEN_LEN);
        last_end = to;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_indexing_stream_interleaves_folded_and_exact(s in any::<String>(), v in vietnamese(), which in 0usize..3) {
        for input in [s, text(&v, which), text(&v, which).nfd().collect::<String>()] {
            let folded = tokens(VietnameseTokenizer::folded(), &input);
            let exact = tokens(VietnameseTokenizer::exact(), &input);
            let mut expected = Vec::new();
            for (f, e) in folded.iter().zip(&exact) {
                expected.push(f.clone());
                if e.0 != f.0 {
                    expected.push(e.clone());
                }
            }
            prop_assert_eq!(folded.len(), exact.len());
            prop_assert_eq!(tokens(VietnameseTokenizer::indexing(), &input), expected);
        }
    }

    #[test]
    fn the_accented_stream_is_the_exact_forms_that_differ(s in any::<String>(), v in vietnamese(), m in messy(), which in 0usize..3) {
        for input in [s, m, text(&v, which), text(&v, which).nfd().collect::<String>()] {
            let folded = tokens(VietnameseTokenizer::folded(), &input);
            let exact = tokens(VietnameseTokenizer::exact(), &input);
            let expected: Vec<_> = folded
                .iter()
                .zip(&exact)
                .filter(|(f, e)| f.0 != e.0)
                .map(|(_, e)| e.clone())
                .collect();
            prop_assert_eq!(tokens(VietnameseTokenizer::accented(), &input), expected);
        }
    }

    #[test]
    fn the_fast_check_agrees_with_normalize(s in any::<String>(), v in vietnamese(), which in 0usize..3) {
        for input in [s, text(&v, which), text(&v, which).nfd().collect::<String>()] {
            if crate::analysis::is_normalized(&input) {
                prop_assert_eq!(crate::analysis::normalize(&input), input.clone());
            }
            let once = crate::analysis::normalize(&input);
            prop_assert_eq!(crate::analysis::normalize(&once), once.clone());
        }
    }

    #[test]
    fn nfc_and_nfd_give_the_same_tokens(s in vietnamese(), which in 0usize..3) {
        let nfc = text(&s, which);
        let nfd: String = nfc.nfd().collect();
        for tokenizer in [VietnameseTokenizer::exact(), VietnameseTokenizer::folded()] {
            prop_assert_eq!(texts(&tokens(tokenizer.clone(), &nfc)), texts(&tokens(tokenizer, &nfd)));
        }
    }

    #[test]
    fn tone_mark_on_any_vowel_gives_the_same_exact_tokens(s in vietnamese(), which in 1usize..3) {
        let first = text(&s, 0);
        let other = text(&s, which);
        let exact = VietnameseTokenizer::exact();
        prop_assert_eq!(texts(&tokens(exact.clone(), &first)), texts(&tokens(exact, &other)));
        prop_assert_eq!(exact_form(&first), exact_form(&other));
    }

    #[test]
    fn forms_are_idempotent(s in messy()) {
        let folded = fold(&s);
        prop_assert_eq!(fold(&folded), folded.clone());
        let exact = exact_form(&s);
        prop_assert_eq!(exact_form(&exact), exact.clone());
        let canonical = canonical_tone(&s);
        prop_assert_eq!(canonical_tone(&canonical), canonical.clone());
        prop_assert_eq!(fold(&exact), folded);
        prop_assert_eq!(normalize(&normalize(&s)), normalize(&s));
    }

    #[test]
    fn fold_agrees_with_the_naive_reference(s in vietnamese(), which in 0usize..3) {
        let t = text(&s, which);
        prop_assert_eq!(fold(&t), naive::fold(&t));
        let nfd: String = t.nfd().collect();
        prop_assert_eq!(fold(&nfd), naive::fold(&t));
    }

    #[test]
    fn exact_form_agrees_with_the_naive_reference(s in vietnamese(), which in 0usize..3) {
        let t = text(&s, which);
        prop_assert_eq!(exact_form(&t), naive::exact_form(&t));
    }

    #[test]
    fn token_text_is_the_form_of_its_slice(s in messy()) {
        for (tokenizer, form) in [
            (VietnameseTokenizer::exact(), exact_form as fn(&str) -> String),
            (VietnameseTokenizer::folded(), fold),
        ] {
            for (token, _, from, to) in tokens(tokenizer, &s) {
                prop_assert_eq!(&token, &form(&s[from..to]));
            }
        }
    }

    #[test]
    fn offsets_slice_generated_text(s in messy()) {
        let nfd: String = s.nfd().collect();
        for text in [&s, &nfd] {
            assert_offsets_valid(text, VietnameseTokenizer::exact())?;
            assert_offsets_valid(text, VietnameseTokenizer::folded())?;
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>()) {
        assert_offsets_valid(&s, VietnameseTokenizer::exact())?;
        assert_offsets_valid(&s, VietnameseTokenizer::folded())?;
        let folded = fold(&s);
        prop_assert_eq!(fold(&folded), folded);
        let _ = (normalize(&s), canonical_tone(&s), exact_form(&s));
        let _ = crate::analysis::normalize_reference(&s);
    }

    #[test]
    fn combining_marks_alone_never_panic(s in "[\u{300}-\u{36F}\u{1AB0}-\u{1AFF}\u{200B}-\u{200D} a\u{5D0}-\u{5EA}\u{1F600}]{0,20}") {
        assert_offsets_valid(&s, VietnameseTokenizer::exact())?;
        assert_offsets_valid(&s, VietnameseTokenizer::folded())?;
        let _ = (canonical_tone(&s), fold(&s));
    }
}
