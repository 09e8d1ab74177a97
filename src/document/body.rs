//! Where the name of a body (a committee, an office, a people's committee)
//! ends in running text: the word lists and the administrative tiers that
//! close a name ("… Huyện ủy", "… tỉnh Lạng Sơn").

use super::casing::{is_alnum, lower, lower_in, starts_upper};
use super::text::{split_spaces, starts_lowercase};

/// Lowercase words that occur inside body names ("Ban cán sự đảng Ủy ban nhân
/// dân tỉnh"); the deadline scan also lets them (and "kết quả với") stand
/// between a reporting verb and its date.
pub(crate) const BODY_WORDS: &[&str] = &[
    "cán",
    "sự",
    "đảng",
    "ủy",
    "uỷ",
    "ban",
    "nhân",
    "dân",
    "tỉnh",
    "huyện",
    "thành",
    "phố",
    "thị",
    "xã",
    "quận",
    "phường",
    "trấn",
    "vụ",
    "trực",
    "đoàn",
    "hiệp",
    "nữ",
    "các",
    "cơ",
    "quan",
    "đơn",
    "vị",
    "chức",
    "năng",
    "liên",
    "và",
    "hội",
    "đồng",
    "mặt",
    "trận",
    "tổ",
    "quốc",
    "sở",
    "ngành",
    "cấp",
    "chính",
    "quyền",
    "văn",
    "phòng",
    "vận",
    "tuyên",
    "giáo",
    "kiểm",
    "tra",
    "nội",
    "công",
    "an",
    "thường",
    "kết",
    "quả",
    "với",
    "lên",
    "xem",
    "xét",
    "cho",
    "ý",
    "kiến",
    "quân",
    "bộ",
    "khối",
    "trung",
    "ương",
    "ủy,",
    "uỷ,",
    "tỉnh,",
    "phủ",
    "hành",
    "sát",
    "án",
    "thanh",
    "niên",
];

/// Words that close a body name at its administrative tier: `Tỉnh ủy`,
/// `Huyện ủy` … (the committee) and `tỉnh`, `huyện`, `thành phố`, `thị xã`,
/// `xã` … (the government level). `Đảng ủy` is not one: a unit's name follows
/// it ("Đảng ủy Quân sự tỉnh"). The government levels count written in
/// lowercase only: capitalised, they open a name (`Tỉnh ủy`, `Tỉnh đoàn`).
pub(crate) fn closes_tier(prev: &str, word: &str, written: &str, next: &str) -> bool {
    match word {
        "ủy" | "uỷ" => {
            next != "ban" && matches!(prev, "tỉnh" | "thành" | "huyện" | "quận" | "thị")
        }
        "tỉnh" | "huyện" | "quận" | "xã" | "phường" => starts_lowercase(written),
        "phố" => prev == "thành",
        "trấn" => prev == "thị",
        _ => false,
    }
}

/// The words [`closes_tier`] can hold for.
const TIER_WORDS: &[&str] = &[
    "ủy",
    "uỷ",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
    "phố",
    "trấn",
];

/// Lowercase words that go on a body name past a tier ("Ủy ban nhân dân tỉnh
/// và Ban Tổ chức Tỉnh ủy", "Đảng ủy Khối các cơ quan tỉnh"), and the first
/// halves of two-word tiers.
const BODY_GOES_ON: &[&str] = &["và", "các", "tỉnh", "huyện", "thành", "thị", "quận", "xã"];

/// Byte length of the body name at the start of `text` when it ends at an
/// administrative tier (and the place name after it) and a lowercase subject
/// follows: "Ban Tuyên giáo Huyện ủy tổ chức …" → "Ban Tuyên giáo Huyện ủy".
/// `None` when no tier closes it or nothing follows.
pub(crate) fn tier_end(text: &str) -> Option<usize> {
    // A body's name is never longer than this: the rest of a long
    // paragraph need not be read.
    const MAX_WORDS: usize = 32;
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(MAX_WORDS);
    words.extend(
        split_spaces(text)
            .scan(0usize, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .filter(|(_, w)| !w.is_empty())
            .take(MAX_WORDS),
    );
    // A word without its punctuation, lowercased only when a tier word
    // needs its neighbours: most words are not tier words.
    let trimmed = |i: usize| {
        words
            .get(i)
            .map_or("", |(_, w)| w.trim_matches(|c: char| !is_alnum(c)))
    };
    let bare = |i: usize| lower(trimmed(i));
    let mut i = 0;
    while i < words.len() {
        // `closes_tier` holds only for these words.
        if !lower_in(trimmed(i), TIER_WORDS)
            || !closes_tier(&bare(i.wrapping_sub(1)), &bare(i), words[i].1, &bare(i + 1))
        {
            i += 1;
            continue;
        }
        // The place name after the tier: capitalised words.
        let mut j = i + 1;
        while j < words.len() && starts_upper(words[j].1) {
            j += 1;
        }
        let (start, next) = words.get(j)?;
        if next.ends_with(',') || words[j - 1].1.ends_with(',') {
            return None;
        }
        if starts_lowercase(next) && !lower_in(trimmed(j), BODY_GOES_ON) {
            return Some(*start);
        }
        i = j;
    }
    None
}

/// End of an assignee's name at `a` when it ends at an administrative tier:
/// the name is made of capitalised words, each with at most two lowercase
/// words after it ("Ban Chỉ huy Quân sự thành phố", "Hội Cựu chiến binh"), and
/// the words of [`BODY_WORDS`]; within that run, [`tier_end`] finds where it
/// closes. `None` when no tier closes it.
pub(crate) fn tier_name_end(t: &str, a: usize) -> Option<usize> {
    // The run of name-like words and the word after it, which [`tier_end`]
    // needs to see that a lowercase subject follows.
    let mut run_end = a;
    let mut pos = a;
    // Lowercase words since the last capital: a compound has at most two.
    let mut since_upper = usize::MAX;
    for w in split_spaces(&t[a..]) {
        let word = w.trim_end_matches([',', '.', ';']);
        run_end = pos + w.len();
        since_upper = if starts_upper(word) {
            0
        } else {
            since_upper.saturating_add(1)
        };
        let name_like = !word.is_empty() && (since_upper <= 2 || lower_in(word, BODY_WORDS));
        if !name_like || word.len() != w.len() {
            break;
        }
        pos = run_end + 1;
    }
    let subject = tier_end(&t[a..run_end])?;
    Some(a + t[a..a + subject].trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tier_words_close_a_tier() {
        let words: Vec<&str> = BODY_WORDS
            .iter()
            .chain(BODY_GOES_ON)
            .chain(TIER_WORDS)
            .chain(&["", "ban", "Tỉnh", "ủy,", "thành phố"])
            .copied()
            .collect();
        for &word in &words {
            for &prev in &words {
                for &next in &words {
                    for written in [word, "Tỉnh", "tỉnh"] {
                        if closes_tier(prev, word, written, next) {
                            assert!(TIER_WORDS.contains(&word), "{word}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_name_ends_at_its_tier() {
        let text = "Ban Tuyên giáo Huyện ủy tổ chức các hoạt động";
        assert_eq!(tier_end(text), Some("Ban Tuyên giáo Huyện ủy ".len()));
        let text = "Ủy ban nhân dân tỉnh và Ban Tổ chức Tỉnh ủy kết quả";
        assert_eq!(
            tier_end(text),
            Some("Ủy ban nhân dân tỉnh và Ban Tổ chức Tỉnh ủy ".len())
        );
        assert_eq!(tier_end("Sở Nội vụ về tinh giản"), None);
    }
}
