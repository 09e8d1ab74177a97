//! The Vietnamese letter table: every precomposed letter ↔ (base, vowel modifier, tone).
//!
//! Source: the Vietnamese alphabet (29 letters, 12 of them vowels) and its five tone marks,
//! as encoded in Unicode blocks Latin-1 Supplement, Latin Extended-A/B and Latin Extended
//! Additional (U+1EA0..U+1EF9). The look-alikes U+00D0 `Ð`, U+00F0 `ð`, U+0189 `Ɖ` and U+0256
//! `ɖ`, which are often pasted for `Đ`/`đ`, decode as `đ`.

/// A modifier that turns a base letter into another letter of the alphabet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// Plain base letter.
    None,
    /// `ă`.
    Breve,
    /// `â`, `ê`, `ô`.
    Circumflex,
    /// `ơ`, `ư`.
    Horn,
    /// `đ`.
    Stroke,
}

/// One of the five tone marks, or none (thanh ngang).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Level tone, no mark.
    None = 0,
    /// Huyền, grave.
    Grave = 1,
    /// Sắc, acute.
    Acute = 2,
    /// Hỏi, hook above.
    Hook = 3,
    /// Ngã, tilde.
    Tilde = 4,
    /// Nặng, dot below.
    Dot = 5,
}

/// A decoded letter: ASCII lowercase base (or ASCII digit), modifier, tone, case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    pub base: u8,
    pub modifier: Modifier,
    pub tone: Tone,
    pub upper: bool,
}

/// A combining mark that Vietnamese NFD text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Tone(Tone),
    Modifier(Modifier),
}

/// The 12 vowels in table order, as (base, modifier).
const VOWELS: [(u8, Modifier); 12] = [
    (b'a', Modifier::None),
    (b'a', Modifier::Breve),
    (b'a', Modifier::Circumflex),
    (b'e', Modifier::None),
    (b'e', Modifier::Circumflex),
    (b'i', Modifier::None),
    (b'o', Modifier::None),
    (b'o', Modifier::Circumflex),
    (b'o', Modifier::Horn),
    (b'u', Modifier::None),
    (b'u', Modifier::Horn),
    (b'y', Modifier::None),
];

/// Columns: no tone, grave, acute, hook above, tilde, dot below.
const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

const UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

const TONES: [Tone; 6] = [
    Tone::None,
    Tone::Grave,
    Tone::Acute,
    Tone::Hook,
    Tone::Tilde,
    Tone::Dot,
];

const LOW_START: u32 = 0xC0;
const LOW_END: u32 = 0x257;
const HIGH_START: u32 = 0x1EA0;
const HIGH_END: u32 = 0x1EFA;

type Table<const N: usize> = [Option<Letter>; N];

const LOW_LEN: usize = (LOW_END - LOW_START) as usize;
const HIGH_LEN: usize = (HIGH_END - HIGH_START) as usize;

const fn insert(low: &mut Table<LOW_LEN>, high: &mut Table<HIGH_LEN>, c: char, letter: Letter) {
    let cp = c as u32;
    if cp >= LOW_START && cp < LOW_END {
        low[(cp - LOW_START) as usize] = Some(letter);
    } else if cp >= HIGH_START && cp < HIGH_END {
        high[(cp - HIGH_START) as usize] = Some(letter);
    }
}

const fn build() -> (Table<LOW_LEN>, Table<HIGH_LEN>) {
    let mut low: Table<LOW_LEN> = [None; LOW_LEN];
    let mut high: Table<HIGH_LEN> = [None; HIGH_LEN];
    let mut v = 0;
    while v < 12 {
        let mut t = 0;
        while t < 6 {
            // The plain ASCII vowels are decoded by the caller's ASCII path.
            if !(t == 0 && matches!(VOWELS[v].1, Modifier::None)) {
                let (base, modifier) = VOWELS[v];
                let tone = TONES[t];
                let lower = Letter {
                    base,
                    modifier,
                    tone,
                    upper: false,
                };
                let upper = Letter {
                    base,
                    modifier,
                    tone,
                    upper: true,
                };
                insert(&mut low, &mut high, LOWER[v][t], lower);
                insert(&mut low, &mut high, UPPER[v][t], upper);
            }
            t += 1;
        }
        v += 1;
    }
    let d_lower = Letter {
        base: b'd',
        modifier: Modifier::Stroke,
        tone: Tone::None,
        upper: false,
    };
    let d_upper = Letter {
        upper: true,
        ..d_lower
    };
    insert(&mut low, &mut high, 'đ', d_lower);
    insert(&mut low, &mut high, '\u{00F0}', d_lower);
    insert(&mut low, &mut high, '\u{0256}', d_lower);
    insert(&mut low, &mut high, 'Đ', d_upper);
    insert(&mut low, &mut high, '\u{00D0}', d_upper);
    insert(&mut low, &mut high, '\u{0189}', d_upper);
    (low, high)
}

const TABLES: (Table<LOW_LEN>, Table<HIGH_LEN>) = build();
static LOW: Table<LOW_LEN> = TABLES.0;
static HIGH: Table<HIGH_LEN> = TABLES.1;

/// Decodes an ASCII letter or digit, or a precomposed Vietnamese letter.
#[inline]
pub(crate) fn decode(c: char) -> Option<Letter> {
    let cp = c as u32;
    if cp < 0x80 {
        let b = cp as u8;
        return if b.is_ascii_alphanumeric() {
            Some(Letter {
                base: b.to_ascii_lowercase(),
                modifier: Modifier::None,
                tone: Tone::None,
                upper: b.is_ascii_uppercase(),
            })
        } else {
            None
        };
    }
    if (LOW_START..LOW_END).contains(&cp) {
        LOW.get((cp - LOW_START) as usize).copied().flatten()
    } else if (HIGH_START..HIGH_END).contains(&cp) {
        HIGH.get((cp - HIGH_START) as usize).copied().flatten()
    } else {
        None
    }
}

/// Decodes a combining mark used in Vietnamese NFD text (U+0340/U+0341 are the deprecated
/// canonical equivalents of grave and acute).
#[inline]
pub(crate) fn decode_mark(c: char) -> Option<Mark> {
    Some(match c {
        '\u{0300}' | '\u{0340}' => Mark::Tone(Tone::Grave),
        '\u{0301}' | '\u{0341}' => Mark::Tone(Tone::Acute),
        '\u{0309}' => Mark::Tone(Tone::Hook),
        '\u{0303}' => Mark::Tone(Tone::Tilde),
        '\u{0323}' => Mark::Tone(Tone::Dot),
        '\u{0306}' => Mark::Modifier(Modifier::Breve),
        '\u{0302}' => Mark::Modifier(Modifier::Circumflex),
        '\u{031B}' => Mark::Modifier(Modifier::Horn),
        _ => return None,
    })
}

#[inline]
fn vowel_index(base: u8, modifier: Modifier) -> Option<usize> {
    // Must match the order of `VOWELS`; the table tests check it.
    Some(match (base, modifier) {
        (b'a', Modifier::None) => 0,
        (b'a', Modifier::Breve) => 1,
        (b'a', Modifier::Circumflex) => 2,
        (b'e', Modifier::None) => 3,
        (b'e', Modifier::Circumflex) => 4,
        (b'i', Modifier::None) => 5,
        (b'o', Modifier::None) => 6,
        (b'o', Modifier::Circumflex) => 7,
        (b'o', Modifier::Horn) => 8,
        (b'u', Modifier::None) => 9,
        (b'u', Modifier::Horn) => 10,
        (b'y', Modifier::None) => 11,
        _ => return None,
    })
}

impl Letter {
    /// Whether the letter is one of the 12 vowels.
    #[inline]
    pub(crate) fn is_vowel(self) -> bool {
        matches!(self.base, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
    }

    /// Adds a combining mark; `false` when the result is not a Vietnamese letter.
    #[inline]
    pub(crate) fn apply(&mut self, mark: Mark) -> bool {
        match mark {
            Mark::Tone(tone) if self.is_vowel() && self.tone == Tone::None => {
                self.tone = tone;
                true
            }
            Mark::Modifier(modifier)
                if self.modifier == Modifier::None
                    && vowel_index(self.base, modifier).is_some() =>
            {
                self.modifier = modifier;
                true
            }
            _ => false,
        }
    }

    /// The folded form: ASCII lowercase base (`đ` → `d`).
    #[inline]
    pub(crate) fn folded(self) -> char {
        self.base as char
    }

    /// The precomposed character, lowercased unless `keep_case`.
    pub(crate) fn compose(self, keep_case: bool) -> char {
        let upper = keep_case && self.upper;
        if self.modifier == Modifier::Stroke {
            return if upper { 'Đ' } else { 'đ' };
        }
        if self.modifier == Modifier::None && self.tone == Tone::None {
            let c = self.base as char;
            return if upper { c.to_ascii_uppercase() } else { c };
        }
        // Only vowels carry tones or vowel modifiers (see `apply` and the table).
        match vowel_index(self.base, self.modifier) {
            Some(v) => {
                let table = if upper { &UPPER } else { &LOWER };
                // `v < 12` by `vowel_index`, and `Tone` discriminants are 0..=5.
                table[v][self.tone as usize]
            }
            None => self.base as char,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_table_letter_round_trips() {
        for table in [&LOWER, &UPPER] {
            for (v, row) in table.iter().enumerate() {
                for (t, &c) in row.iter().enumerate() {
                    let letter = decode(c).unwrap();
                    assert_eq!(letter.base, VOWELS[v].0, "{c}");
                    assert_eq!(letter.modifier, VOWELS[v].1, "{c}");
                    assert_eq!(letter.tone, TONES[t], "{c}");
                    assert_eq!(letter.compose(true), c);
                    assert_eq!(letter.compose(false), LOWER[v][t]);
                }
            }
        }
    }

    #[test]
    fn table_agrees_with_unicode_decomposition() {
        for table in [&LOWER, &UPPER] {
            for row in table {
                for &c in row {
                    let letter = decode(c).unwrap();
                    let mut chars = c.to_string().nfd().collect::<Vec<_>>().into_iter();
                    let base = chars.next().unwrap();
                    let mut rebuilt = decode(base).unwrap();
                    for mark in chars {
                        assert!(rebuilt.apply(decode_mark(mark).unwrap()), "{c}");
                    }
                    assert_eq!(rebuilt, letter, "{c}");
                }
            }
        }
    }

    #[test]
    fn vowel_index_follows_the_table_order() {
        for (i, &(base, modifier)) in VOWELS.iter().enumerate() {
            assert_eq!(vowel_index(base, modifier), Some(i));
        }
        assert_eq!(vowel_index(b'e', Modifier::Breve), None);
    }

    #[test]
    fn look_alikes_decode_as_d_with_stroke() {
        for c in ['Đ', '\u{00D0}', '\u{0189}'] {
            assert_eq!(decode(c).unwrap().compose(true), 'Đ');
        }
        for c in ['đ', '\u{00F0}', '\u{0256}'] {
            assert_eq!(decode(c).unwrap().compose(true), 'đ');
        }
        assert_eq!(decode('Đ').unwrap().folded(), 'd');
    }

    #[test]
    fn other_letters_are_not_in_the_table() {
        for c in ['ñ', 'ç', 'ü', 'ß', 'ø', 'Ā', 'ǎ', 'ḁ', 'ỻ', 'ɐ', 'ë', 'Ÿ'] {
            assert_eq!(decode(c), None, "{c}");
        }
        assert_eq!(decode('-'), None);
    }

    #[test]
    fn marks_only_fit_their_letters() {
        let mut e = decode('e').unwrap();
        assert!(!e.apply(Mark::Modifier(Modifier::Breve)));
        assert!(!e.apply(Mark::Modifier(Modifier::Horn)));
        let mut n = decode('n').unwrap();
        assert!(!n.apply(Mark::Tone(Tone::Acute)));
        let mut a = decode('á').unwrap();
        assert!(!a.apply(Mark::Tone(Tone::Grave)));
        assert!(a.apply(Mark::Modifier(Modifier::Circumflex)));
        assert_eq!(a.compose(false), 'ấ');
    }
}
