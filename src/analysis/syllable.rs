//! The tone placement rule: one tone mark per syllable, on one vowel.

use super::letters::{Letter, Modifier, Tone};

/// Moves the tone mark of a syllable onto its canonical vowel (see the module docs of
/// [`crate::analysis`] for the rule). Leaves `letters` unchanged when they do not form a
/// Vietnamese syllable: no vowel, more than one tone mark, digits, vowels not contiguous,
/// or a vowel nucleus longer than three.
pub(crate) fn place_tone(letters: &mut [Letter]) {
    let mut tone = Tone::None;
    let mut first = None;
    let mut last = 0;
    for (i, letter) in letters.iter().enumerate() {
        if letter.base.is_ascii_digit() {
            return;
        }
        if letter.tone != Tone::None {
            if tone != Tone::None {
                return;
            }
            tone = letter.tone;
        }
        if letter.is_vowel() {
            match first {
                None => first = Some(i),
                // A consonant between two vowels: not one syllable.
                Some(_) if i != last + 1 => return,
                Some(_) => {}
            }
            last = i;
        }
    }
    let Some(first) = first else { return };
    if tone == Tone::None {
        return;
    }
    let target = match nucleus_start(letters, first, last) {
        Some(start) => tone_target(letters, start, last),
        None => return,
    };
    for letter in letters.iter_mut() {
        letter.tone = Tone::None;
    }
    if let Some(letter) = letters.get_mut(target) {
        letter.tone = tone;
    }
}

/// Where the vowel nucleus starts: after the `u` of `qu` and the `i` of `gi` when another
/// vowel follows; `None` when the nucleus is longer than three vowels.
fn nucleus_start(letters: &[Letter], first: usize, last: usize) -> Option<usize> {
    let mut start = first;
    if first > 0 && last > first {
        let before = letters.get(first - 1).map(|l| (l.base, l.modifier));
        let vowel = letters.get(first).map(|l| (l.base, l.modifier));
        match (before, vowel) {
            (Some((b'q', Modifier::None)), Some((b'u', Modifier::None)))
            | (Some((b'g', Modifier::None)), Some((b'i', Modifier::None))) => start += 1,
            _ => {}
        }
    }
    (last - start < 3).then_some(start)
}

fn tone_target(letters: &[Letter], start: usize, last: usize) -> usize {
    let nucleus = letters.get(start..=last).unwrap_or_default();
    // A vowel with a hat or horn takes the tone; in `ươ`/`uơ` that is the `ơ`.
    if let Some(i) = nucleus.iter().rposition(|l| l.modifier != Modifier::None) {
        return start + i;
    }
    if last + 1 < letters.len() {
        return last;
    }
    match nucleus {
        [a, b] if matches!((a.base, b.base), (b'o', b'a') | (b'o', b'e') | (b'u', b'y')) => last,
        [_, _, _] => start + 1,
        _ => start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::letters::decode;

    fn place(word: &str) -> String {
        let mut letters: Vec<Letter> = word.chars().map(|c| decode(c).unwrap()).collect();
        place_tone(&mut letters);
        letters.iter().map(|l| l.compose(true)).collect()
    }

    #[test]
    fn open_oa_oe_uy_take_the_tone_on_the_second_vowel() {
        assert_eq!(place("hòa"), "hoà");
        assert_eq!(place("khỏe"), "khoẻ");
        assert_eq!(place("thủy"), "thuỷ");
    }

    #[test]
    fn final_consonant_puts_it_on_the_last_vowel() {
        assert_eq!(place("hòan"), "hoàn");
        assert_eq!(place("húyt"), "huýt");
    }

    #[test]
    fn hat_and_horn_vowels_win() {
        assert_eq!(place("ngừơi"), "người");
        assert_eq!(place("thủơ"), "thuở");
        assert_eq!(place("khúây"), "khuấy");
    }

    #[test]
    fn qu_and_gi_are_consonants_before_another_vowel() {
        assert_eq!(place("qúy"), "quý");
        assert_eq!(place("gìa"), "già");
        assert_eq!(place("gìn"), "gìn");
        assert_eq!(place("gì"), "gì");
    }

    #[test]
    fn non_syllables_are_left_alone() {
        for word in ["café", "Pokémon", "ắaaab", "hóà", "2á3", "oóaa"] {
            assert_eq!(place(word), word);
        }
    }
}
