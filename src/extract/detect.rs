//! Which legacy encoding a text was written in, judged by whether its words read
//! as Vietnamese syllables once decoded.
//!
//! Every candidate decoding (TCVN3, VNI, Windows-1258) is scored on the words
//! that hold a non-ASCII letter: a word counts for the decoding when it is one
//! Vietnamese syllable (a valid initial consonant, vowel cluster and final, one
//! tone mark at most, one case pattern), against it otherwise; a symbol that is
//! neither a letter nor common punctuation counts against it too. The best
//! decoding wins when it has enough evidence and few words against it. ASCII
//! text and valid UTF-8 never reach this module (see [`super::text`]).

use crate::analysis::letters::{self, Tone};

use super::{Encoding, tcvn3, vni, windows1258};

/// Bytes of a long text that are looked at to choose the encoding: some hundreds
/// of words, plenty to tell the encodings apart.
const SAMPLE: usize = 4 * 1024;
/// Fewest Vietnamese words a decoding must yield to be believed.
const MIN_WORDS: usize = 3;

/// How well a text reads as Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Score {
    /// Words with a non-ASCII letter that are Vietnamese syllables.
    pub good: usize,
    /// Words that are not, and stray symbols.
    pub bad: usize,
}

impl Score {
    fn net(self) -> isize {
        self.good as isize - 2 * self.bad as isize
    }

    /// Enough Vietnamese words, and at most one word in ten against.
    fn convincing(self) -> bool {
        self.good >= MIN_WORDS && self.bad * 10 <= self.good
    }
}

/// The legacy encoding `bytes` are most likely in, with the decoded text; `None`
/// when no decoding reads as Vietnamese.
pub(crate) fn legacy(bytes: &[u8]) -> Option<(Encoding, String)> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let (encoding, score) = [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258]
        .into_iter()
        .map(|e| (e, score(&decode(e, sample))))
        .max_by_key(|&(_, s)| s.net())?;
    score
        .convincing()
        .then(|| (encoding, decode(encoding, bytes)))
}

/// Decodes with one of the three legacy encodings (TCVN3 with its capitals restored).
pub(crate) fn decode(encoding: Encoding, bytes: &[u8]) -> String {
    match encoding {
        Encoding::Tcvn3 => restore_capitals(&tcvn3::decode(bytes)),
        Encoding::Vni => vni::decode(bytes),
        _ => windows1258::decode(bytes),
    }
}

/// Repairs lines of Unicode text that are legacy bytes shown through Windows-1252
/// (`KÕt luËn`, `Keát luaän`), as Word and web pages keep text typed in `.VnTime`
/// or `VNI-Times` fonts. A line is replaced only when its decoding reads better
/// as Vietnamese than the line as it stands. Returns the encoding of the repaired
/// lines (the most frequent one), or `None` when nothing changed.
pub(crate) fn repair(text: &mut String) -> Option<Encoding> {
    let repaired: Vec<Option<(Encoding, String)>> =
        text.split_inclusive('\n').map(repair_line).collect();
    // Text that is Vietnamese letters and punctuation only is Unicode as
    // written: a random word such as "uÊ" may read better decoded, but only a
    // symbol no Vietnamese text has (`Õ` aside, `Ë`, `¸`, `ª`, `ä` …) proves mojibake.
    let proven = text
        .split_inclusive('\n')
        .zip(&repaired)
        .any(|(line, fixed)| fixed.is_some() && has_foreign_symbol(line));
    if !proven {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut counts = [0usize; 3];
    for (line, fixed) in text.split_inclusive('\n').zip(repaired) {
        match fixed {
            Some((encoding, fixed)) => {
                if let Some(i) = [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258]
                    .iter()
                    .position(|&e| e == encoding)
                {
                    counts[i] += 1;
                }
                out.push_str(&fixed);
            }
            None => out.push_str(line),
        }
    }
    let (most, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    if n == 0 {
        return None;
    }
    *text = out;
    [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258]
        .get(most)
        .copied()
}

/// A character that is neither ASCII, nor a Vietnamese letter or tone mark,
/// nor common punctuation.
fn has_foreign_symbol(line: &str) -> bool {
    line.chars()
        .any(|c| !c.is_ascii() && letters::decode(c).is_none() && !is_mark(c) && !is_punctuation(c))
}

fn repair_line(line: &str) -> Option<(Encoding, String)> {
    if line.is_ascii() {
        return None;
    }
    let bytes: Vec<u8> = line
        .chars()
        .map(windows1258::to_cp1252)
        .collect::<Option<_>>()?;
    let before = score(line);
    let (encoding, fixed, after) = [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258]
        .into_iter()
        .map(|e| {
            let fixed = decode(e, &bytes);
            let s = score(&fixed);
            (e, fixed, s)
        })
        .max_by_key(|(_, _, s)| s.net())?;
    (after.good > 0 && after.net() > before.net()).then_some((encoding, fixed))
}

/// TCVN3 has no capitals with tones: in a line or word whose other letters are
/// all capitals, its lowercase letters stand for capitals (the `.VnTimeH` fonts).
pub(crate) fn restore_capitals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let ascii = || line.chars().filter(char::is_ascii_alphabetic);
        if ascii().count() >= 2 && ascii().all(|c| c.is_ascii_uppercase()) {
            out.push_str(&line.to_uppercase());
            continue;
        }
        let mut word = String::new();
        for c in line.chars() {
            if c.is_alphabetic() {
                word.push(c);
            } else {
                push_word(&mut out, &word);
                word.clear();
                out.push(c);
            }
        }
        push_word(&mut out, &word);
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    let ascii = || word.chars().filter(char::is_ascii_alphabetic);
    if ascii().count() >= 2 && ascii().all(|c| c.is_ascii_uppercase()) && !word.is_ascii() {
        out.push_str(&word.to_uppercase());
    } else {
        out.push_str(word);
    }
}

/// Scores a text (see the module docs).
pub(crate) fn score(text: &str) -> Score {
    let mut s = Score::default();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphabetic() || is_mark(c) {
            word.push(c);
            continue;
        }
        judge(&word, &mut s);
        word.clear();
        if !c.is_ascii() && !is_punctuation(c) {
            s.bad += 1;
        }
    }
    judge(&word, &mut s);
    s
}

fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '–'
            | '—'
            | '…'
            | '•'
            | '°'
            | '§'
            | '₫'
            | '€'
            | '«'
            | '»'
            | '·'
            | '×'
            | '©'
            | '®'
            | '™'
            | '\u{FEFF}'
            | '\u{200B}'
    )
}

fn judge(word: &str, s: &mut Score) {
    if word.is_empty() || word.is_ascii() {
        return;
    }
    if is_syllable(word) {
        s.good += 1;
    } else {
        s.bad += 1;
    }
}

const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const FINALS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t"];
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oay", "oeo", "uây",
    "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

/// Whether `word` is one Vietnamese syllable: letters of the alphabet, one tone
/// at most, one case pattern, and initial + vowel cluster + final from the
/// phonotactic tables above.
fn is_syllable(word: &str) -> bool {
    let mut plain = String::with_capacity(word.len());
    let (mut tones, mut uppers, mut n) = (0, 0, 0);
    let mut first_upper = false;
    for c in word.chars() {
        let Some(mut letter) = letters::decode(c) else {
            return false;
        };
        if letter.base.is_ascii_digit() {
            return false;
        }
        if letter.tone != Tone::None {
            tones += 1;
            letter.tone = Tone::None;
        }
        if letter.upper {
            uppers += 1;
            first_upper |= n == 0;
        }
        n += 1;
        plain.push(letter.compose(false));
    }
    let cased = uppers == 0 || uppers == n || (uppers == 1 && first_upper);
    tones <= 1 && cased && splits(&plain)
}

fn splits(plain: &str) -> bool {
    let initials = INITIALS.iter().copied().chain(std::iter::once(""));
    for initial in initials {
        let Some(rest) = plain.strip_prefix(initial) else {
            continue;
        };
        for fin in FINALS.iter().copied().chain(std::iter::once("")) {
            if let Some(nucleus) = rest.strip_suffix(fin)
                && NUCLEI.contains(&nucleus)
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_words_score_and_garbage_does_not() {
        let good = score("Kết luận của Ban Thường vụ Tỉnh ủy về việc giữ gìn quyết định");
        assert_eq!(good.bad, 0, "{good:?}");
        assert!(good.good >= 10);
        assert!(score("KÕt luËn cña Ban Th\u{AD}êng vô").bad >= 3);
        assert!(score("Keát luaän cuûa Ban Thöôøng vuï").bad >= 3);
    }

    #[test]
    fn each_legacy_encoding_is_recognised() {
        let text = "Kết luận của Ban Thường vụ Tỉnh ủy về việc điều chỉnh địa giới hành chính";
        for e in [Encoding::Tcvn3, Encoding::Vni, Encoding::Windows1258] {
            let bytes = super::super::encode(text, e).expect("encodable");
            let (found, decoded) = legacy(&bytes).expect("recognised");
            assert_eq!((found, decoded.as_str()), (e, text));
        }
    }

    #[test]
    fn latin1_and_noise_are_not_taken_for_vietnamese() {
        assert_eq!(
            legacy(b"Caf\xE9 cr\xE8me br\xFBl\xE9e \xE0 la fran\xE7aise"),
            None
        );
        assert_eq!(legacy(&[0xFF; 100]), None);
        assert_eq!(legacy(b"K\xE1\xBA"), None);
    }

    #[test]
    fn mojibake_lines_are_repaired_and_unicode_lines_kept() {
        let mut text =
            "KÕt luËn cña Ban Th\u{AD}êng vô TØnh ñy\nKết luận của Ban Thường vụ\n".to_string();
        assert_eq!(repair(&mut text), Some(Encoding::Tcvn3));
        assert_eq!(
            text,
            "Kết luận của Ban Thường vụ Tỉnh ủy\nKết luận của Ban Thường vụ\n"
        );
        let mut fine = "Tôi là ai, café à la carte".to_string();
        assert_eq!(repair(&mut fine), None);
        // Vietnamese letters only: Unicode as written, however odd the words.
        for letters_only in ["uÊ", "Ê Đê, Ba Na", "ÔÊ ưÂ"] {
            let mut text = letters_only.to_string();
            assert_eq!(repair(&mut text), None, "{letters_only}");
            assert_eq!(text, letters_only);
        }
    }

    #[test]
    fn capitals_come_back_in_capital_words_and_lines() {
        assert_eq!(
            restore_capitals("KếT LUậN\nKếT luận Hà"),
            "KẾT LUẬN\nKẾT luận Hà"
        );
    }
}
