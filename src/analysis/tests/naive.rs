//! Naive reference implementations: whole-text Unicode normalization and string rules, slow
//! and obviously right, to compare the table-driven analyzers against.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
            )
        })
        .map(|c| match c {
            '\u{D0}' | '\u{189}' => 'Đ',
            '\u{F0}' | '\u{256}' => 'đ',
            '\u{A0}' => ' ',
            c => c,
        })
        .collect()
}

/// NFD, drop every combining mark, lowercase, `đ` → `d`.
pub(super) fn fold(text: &str) -> String {
    clean(text)
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .nfc()
        .collect()
}

/// Lowercase; in every word, the tone mark moved by the rule in the module docs, written
/// with string matching over the NFC syllable.
pub(super) fn exact_form(text: &str) -> String {
    let lower: String = clean(text).nfc().flat_map(char::to_lowercase).collect();
    let mut out = String::new();
    let mut word = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            out.push_str(&syllable(&word));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&syllable(&word));
    out
}

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(c)
}

fn syllable(word: &str) -> String {
    let nfd: String = word.nfd().collect();
    let tones: Vec<char> = nfd.chars().filter(|c| TONE_MARKS.contains(c)).collect();
    if tones.len() != 1 {
        return word.to_string();
    }
    let bare: Vec<char> = nfd
        .chars()
        .filter(|c| !TONE_MARKS.contains(c))
        .collect::<String>()
        .nfc()
        .collect();
    let Some(first) = bare.iter().position(|&c| is_vowel(c)) else {
        return word.to_string();
    };
    let last = bare.iter().rposition(|&c| is_vowel(c)).unwrap_or(first);
    if bare[first..=last].iter().any(|&c| !is_vowel(c)) || bare.iter().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    let initial: String = bare[..first].iter().collect();
    let mut start = first;
    if last > first
        && ((initial.ends_with('q') && bare[first] == 'u')
            || (initial.ends_with('g') && bare[first] == 'i'))
    {
        start += 1;
    }
    if last - start >= 3 {
        return word.to_string();
    }
    let nucleus: String = bare[start..=last].iter().collect();
    let has_final = last + 1 < bare.len();
    let offset = if let Some(i) = nucleus
        .chars()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|c| "ăâêôơư".contains(*c))
    {
        i
    } else if has_final {
        nucleus.chars().count() - 1
    } else if ["oa", "oe", "uy"].contains(&nucleus.as_str()) || nucleus.chars().count() == 3 {
        1
    } else {
        0
    };
    let target = start + offset;
    let mut rebuilt = String::new();
    for (i, &c) in bare.iter().enumerate() {
        rebuilt.push(c);
        if i == target {
            rebuilt.push(tones[0]);
        }
    }
    rebuilt.nfc().collect()
}
