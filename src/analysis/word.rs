//! Finding words (runs of letters and digits) and analysing one word into its output form.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::letters::{Letter, Modifier, Tone, decode, decode_mark};
use super::syllable::place_tone;

/// The output form of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// Canonical tone placement, case kept.
    Canonical,
    /// Canonical tone placement, lowercase.
    Exact,
    /// Lowercase, every diacritic removed, `đ` → `d`.
    Folded,
}

/// Characters that vanish from text: zero-width space/non-joiner/joiner, word joiner,
/// byte-order mark, soft hyphen.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Unicode spaces that become a plain space (line and paragraph separators are kept).
#[inline]
pub(crate) fn is_space_variant(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The lossless per-character clean-up shared by [`super::normalize`] and the slow path.
#[inline]
pub(crate) fn clean_char(c: char) -> Option<char> {
    match c {
        '\u{00D0}' | '\u{0189}' => Some('Đ'),
        '\u{00F0}' | '\u{0256}' => Some('đ'),
        c if is_invisible(c) => None,
        c if is_space_variant(c) => Some(' '),
        c => Some(c),
    }
}

#[inline]
fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c) || (c > '\u{036F}' && is_combining_mark(c))
}

/// Reusable buffers for analysing words.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordBuffers {
    letters: Vec<Letter>,
}

/// Finds the next word at or after byte `from`, writes its form into `out` (cleared first) and
/// returns its byte range in `text`. The range starts on a letter or digit and ends after its
/// last letter, digit or combining mark (trailing invisible characters are left out).
///
/// At most `cap` bytes are written to `out`: longer outputs are cut at a char boundary.
pub(crate) fn next_word(
    text: &str,
    from: usize,
    form: Form,
    cap: usize,
    buffers: &mut WordBuffers,
    out: &mut String,
) -> Option<(usize, usize)> {
    out.clear();
    let letters = &mut buffers.letters;
    letters.clear();
    let rest = text.get(from..)?;
    let bytes = rest.as_bytes();

    let mut state = Run {
        form,
        cap,
        foreign: false,
        has_tone: false,
        truncated: false,
    };
    // Find the start: the first letter or digit.
    let mut i = 0;
    let start = loop {
        let &b = bytes.get(i)?;
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                break i;
            }
            i += 1;
            continue;
        }
        // `i` only advances by whole chars, so it is on a char boundary.
        let c = rest.get(i..)?.chars().next()?;
        if decode(c).is_some() || (c.is_alphanumeric() && !is_mark(c)) {
            break i;
        }
        i += c.len_utf8();
    };

    let mut end = start;
    let mut j = start;
    while let Some(&b) = bytes.get(j) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            if !state.foreign {
                let lower = b.to_ascii_lowercase();
                let letter = Letter {
                    base: lower,
                    modifier: Modifier::None,
                    tone: Tone::None,
                    upper: b != lower,
                };
                state.push(letter, letters, out);
            }
            j += 1;
            end = j;
            continue;
        }
        let Some(c) = rest.get(j..).and_then(|s| s.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if let Some(letter) = decode(c) {
            if !state.foreign {
                state.push(letter, letters, out);
            }
            end = j + len;
        } else if is_mark(c) {
            // A mark before any letter cannot occur: runs start on a letter or digit.
            if !state.foreign && form != Form::Folded && !state.truncated {
                let applied = match (decode_mark(c), letters.last_mut()) {
                    (Some(mark), Some(last)) => last.apply(mark),
                    _ => false,
                };
                match letters.last() {
                    Some(last) if applied => state.has_tone |= last.tone != Tone::None,
                    _ => state.foreign = true,
                }
            }
            end = j + len;
        } else if is_invisible(c) {
            // Skipped, and not part of the range unless a letter follows.
        } else if c.is_alphanumeric() {
            state.foreign = true;
            end = j + len;
        } else {
            break;
        }
        j += len;
    }

    let word = rest.get(start..end).unwrap_or_default();
    if state.foreign {
        out.clear();
        slow_path(word, form, out);
    } else if form != Form::Folded {
        if state.has_tone && !state.truncated {
            place_tone(letters);
        }
        let keep_case = form == Form::Canonical;
        out.extend(letters.iter().map(|l| l.compose(keep_case)));
    }
    truncate(out, cap);
    Some((from + start, from + end))
}

/// What is known about the word being scanned.
struct Run {
    form: Form,
    cap: usize,
    foreign: bool,
    has_tone: bool,
    truncated: bool,
}

impl Run {
    #[inline]
    fn push(&mut self, letter: Letter, letters: &mut Vec<Letter>, out: &mut String) {
        if self.form == Form::Folded {
            if out.len() < self.cap {
                out.push(letter.folded());
            } else {
                self.truncated = true;
            }
        } else if letters.len() < self.cap {
            self.has_tone |= letter.tone != Tone::None;
            letters.push(letter);
        } else {
            self.truncated = true;
        }
    }
}

/// Words with letters outside the Vietnamese alphabet (or marks that make no Vietnamese
/// letter): clean up, NFC, then lowercase and fold through Unicode decomposition.
fn slow_path(word: &str, form: Form, out: &mut String) {
    let nfc = word.chars().filter_map(clean_char).nfc();
    match form {
        Form::Canonical => out.extend(nfc),
        Form::Exact => out.extend(nfc.flat_map(char::to_lowercase)),
        Form::Folded => out.extend(
            nfc.flat_map(char::to_lowercase)
                .nfd()
                .filter(|&c| !is_combining_mark(c))
                .map(|c| if c == 'đ' { 'd' } else { c })
                .nfc(),
        ),
    }
}

fn truncate(out: &mut String, cap: usize) {
    if out.len() > cap {
        let mut at = cap;
        while !out.is_char_boundary(at) {
            at -= 1;
        }
        out.truncate(at);
    }
}

/// Rewrites every word of `text` in `form`; the text between words gets the lossless clean-up.
pub(crate) fn rewrite(text: &str, form: Form) -> String {
    let mut result = String::with_capacity(text.len());
    let mut buffers = WordBuffers::default();
    let mut word = String::new();
    let mut pos = 0;
    while let Some((start, end)) = next_word(text, pos, form, usize::MAX, &mut buffers, &mut word) {
        if let Some(gap) = text.get(pos..start) {
            push_gap(&mut result, gap, form);
        }
        result.push_str(&word);
        pos = end;
    }
    if let Some(gap) = text.get(pos..) {
        push_gap(&mut result, gap, form);
    }
    result
}

/// Text between words: cleaned and composed; folding also drops combining marks
/// left without a letter (a stray accent after a space), since the folded form
/// has no diacritics at all. Marks are dropped after composing, because
/// composing can itself produce marks: a few symbols are excluded from
/// composition and come out of NFC decomposed (U+1D1BB, a musical note, is
/// U+1D1B9 and the combining stem U+1D165).
fn push_gap(result: &mut String, gap: &str, form: Form) {
    let composed = gap.chars().filter_map(clean_char).nfc();
    result.extend(composed.filter(|&c| form != Form::Folded || !is_mark(c)));
}
