//! Words typed with the Vietnamese input method switched off.
//!
//! Telex writes a syllable's marks as letters (`ddiaj` → `địa`: `dd` for `đ`,
//! `aa`/`ee`/`oo` for the circumflex, `w` for the horn and the breve, and a
//! final `s f r x j` for the five tones); VNI writes them as digits (`d9ia5` →
//! `địa`: 6 circumflex, 7 horn, 8 breve, 9 `đ`, 1–5 the tones). [`decode`]
//! turns such a word into the syllable it spells, or says it spells none: the
//! result must have the shape of a Vietnamese syllable, so `internet`, `covid`
//! or `logistics` stay what they are. The search then also asks for the
//! decoded syllable, and only when the index has it.

use crate::analysis::exact_form;

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';

/// Initial consonants of Vietnamese syllables (longest first where one is a
/// prefix of another).
const ONSETS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Final consonants.
const CODAS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// The syllable `word` spells in Telex or VNI, in the exact analyzer's form
/// (lowercase, tone in the canonical place); `None` when the word has no
/// Telex or VNI mark or does not spell a Vietnamese syllable.
pub(crate) fn decode(word: &str) -> Option<String> {
    if word.is_empty() || !word.is_ascii() || !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let word = word.to_ascii_lowercase();
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    let (letters, tone) = if has_digit {
        vni(&word)?
    } else {
        telex(&word)?
    };
    let text: String = letters.iter().collect();
    if text == word || !is_syllable(&text) {
        return None;
    }
    let mut spelled = String::with_capacity(text.len() + 2);
    let mut placed = tone.is_none();
    for c in letters {
        spelled.push(c);
        if !placed && is_vowel(c) {
            // On the first vowel; `exact_form` moves it where it belongs.
            if let Some(mark) = tone {
                spelled.push(mark);
            }
            placed = true;
        }
    }
    Some(exact_form(&spelled))
}

/// Applies a modifier to the last letter before it that takes it.
fn modify(letters: &mut [char], from: &[(char, char)]) -> bool {
    for c in letters.iter_mut().rev() {
        if let Some(&(_, to)) = from.iter().find(|(f, _)| f == c) {
            *c = to;
            return true;
        }
    }
    false
}

fn vni(word: &str) -> Option<(Vec<char>, Option<char>)> {
    let mut letters: Vec<char> = Vec::with_capacity(word.len());
    let mut tone = None;
    for c in word.chars() {
        let ok = match c {
            '1' => set_tone(&mut tone, ACUTE),
            '2' => set_tone(&mut tone, GRAVE),
            '3' => set_tone(&mut tone, HOOK),
            '4' => set_tone(&mut tone, TILDE),
            '5' => set_tone(&mut tone, DOT),
            '6' => modify(&mut letters, &[('a', 'â'), ('e', 'ê'), ('o', 'ô')]),
            '7' => {
                // `uo7` is `ươ`: the horn goes on both.
                let n = letters.len();
                if n >= 2 && letters[n - 2] == 'u' && letters[n - 1] == 'o' {
                    letters[n - 2] = 'ư';
                    letters[n - 1] = 'ơ';
                    true
                } else {
                    modify(&mut letters, &[('o', 'ơ'), ('u', 'ư')])
                }
            }
            '8' => modify(&mut letters, &[('a', 'ă')]),
            '9' => modify(&mut letters, &[('d', 'đ')]),
            '0' => false,
            c => {
                letters.push(c);
                true
            }
        };
        if !ok {
            return None;
        }
    }
    Some((letters, tone))
}

fn set_tone(tone: &mut Option<char>, mark: char) -> bool {
    if tone.is_some() {
        return false;
    }
    *tone = Some(mark);
    true
}

fn telex(word: &str) -> Option<(Vec<char>, Option<char>)> {
    let mut chars: Vec<char> = word.chars().collect();
    // A tone letter ends the word, after at least one vowel.
    let tone = match chars.last() {
        Some('s') => Some(ACUTE),
        Some('f') => Some(GRAVE),
        Some('r') => Some(HOOK),
        Some('x') => Some(TILDE),
        Some('j') => Some(DOT),
        _ => None,
    };
    if tone.is_some() && chars[..chars.len() - 1].iter().any(|&c| is_vowel(c)) {
        chars.pop();
    }
    let tone = tone.filter(|_| chars.len() < word.chars().count());
    let mut letters: Vec<char> = Vec::with_capacity(chars.len());
    for c in chars {
        let last = letters.last().copied();
        match (last, c) {
            (Some('d'), 'd') => *letters.last_mut()? = 'đ',
            (Some('a'), 'a') => *letters.last_mut()? = 'â',
            (Some('e'), 'e') => *letters.last_mut()? = 'ê',
            (Some('o'), 'o') => *letters.last_mut()? = 'ô',
            (_, 'w') => {
                let n = letters.len();
                if n >= 2 && letters[n - 2] == 'u' && letters[n - 1] == 'o' {
                    letters[n - 2] = 'ư';
                    letters[n - 1] = 'ơ';
                } else if !modify(&mut letters, &[('a', 'ă'), ('o', 'ơ'), ('u', 'ư')]) {
                    return None;
                }
            }
            (_, c) => letters.push(c),
        }
    }
    Some((letters, tone))
}

/// Whether `text` (lowercase, no tone) has the shape of a Vietnamese syllable:
/// an initial consonant, one to three vowels, a final consonant.
fn is_syllable(text: &str) -> bool {
    ONSETS.iter().any(|onset| {
        let Some(rest) = text.strip_prefix(onset) else {
            return false;
        };
        let vowels = rest.chars().take_while(|&c| is_vowel(c)).count();
        if !(1..=3).contains(&vowels) {
            return false;
        }
        let coda: String = rest.chars().skip(vowels).collect();
        CODAS.contains(&coda.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn telex_spellings_decode() {
        for (typed, syllable) in [
            ("ddiaj", "địa"),
            ("giowis", "giới"),
            ("hanhf", "hành"),
            ("chinhs", "chính"),
            ("ngaapj", "ngập"),
            ("mawnj", "mặn"),
            ("chuyeenr", "chuyển"),
            ("ddooir", "đổi"),
            ("soos", "số"),
            ("nguwowif", "người"),
            ("Ddangr", "đảng"),
            ("Ddaangr", "đẩng"),
            ("ruwngf", "rừng"),
            ("rungf", "rùng"),
        ] {
            assert_eq!(decode(typed).as_deref(), Some(syllable), "{typed}");
        }
    }

    #[test]
    fn vni_spellings_decode() {
        for (typed, syllable) in [
            ("d9ia5", "địa"),
            ("gio71i", "giới"),
            ("ha2nh", "hành"),
            ("chi1nh", "chính"),
            ("to6n", "tôn"),
            ("nguo72i", "người"),
            ("ma8n5", "mặn"),
        ] {
            assert_eq!(decode(typed).as_deref(), Some(syllable), "{typed}");
        }
    }

    #[test]
    fn ordinary_words_stay() {
        for word in [
            "internet",
            "covid",
            "Khuổi",
            "logistics",
            "tinh",
            "dia",
            "2024",
            "19",
            "ubnd",
            "ttr",
            "kl",
            "email",
            "website",
            "hanh",
            "a",
        ] {
            assert_eq!(decode(word), None, "{word}");
        }
    }
}
