//! Case helpers that keep byte offsets: Vietnamese letters change case without
//! changing their UTF-8 length, and the few characters that would are left alone.

/// Lowercase with the same byte length as `s`, so offsets carry over.
pub(crate) fn lower(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    if s.is_ascii() {
        return out;
    }
    // Each letter's lowercase has its length: it is written over it.
    let mut at = 0;
    while let Some(rest) = out.get(at..)
        && let Some(i) = rest.bytes().position(|b| !b.is_ascii())
    {
        let start = at + i;
        let Some(c) = out[start..].chars().next() else {
            break;
        };
        let l = lower_char(c);
        if l != c {
            let mut buf = [0; 4];
            out.replace_range(start..start + c.len_utf8(), l.encode_utf8(&mut buf));
        }
        at = start + l.len_utf8();
    }
    out
}

pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // The letters of Vietnamese text without a table search: Latin-1
    // capitals, the Latin Extended Additional block (capital on the even
    // code point), Ă Đ Ĩ Ũ Ơ Ư; combining marks have no case.
    let cp = c as u32;
    let mapped = match cp {
        0xC0..=0xDE if cp != 0xD7 => cp + 0x20,
        0x1EA0..=0x1EF9 => cp | 1,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => cp + 1,
        0x1AF => 0x1B0,
        0xDF..=0xFF | 0x300..=0x36F | 0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => cp,
        _ => {
            let mut l = c.to_lowercase();
            return match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            };
        }
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// `lower(s).ends_with(suffix)` for a lowercase `suffix`, without the copy.
pub(crate) fn ends_with_lower(s: &str, suffix: &str) -> bool {
    let Some(at) = s.len().checked_sub(suffix.len()) else {
        return false;
    };
    // `lower` keeps each character's length, so its suffix starts where `s`'s does.
    s.is_char_boundary(at) && s[at..].chars().map(lower_char).eq(suffix.chars())
}

/// `list.contains(&lower(word).as_str())`, without the copy.
pub(crate) fn lower_in(word: &str, list: &[&str]) -> bool {
    let Some(first) = word.chars().next().map(lower_char) else {
        return list.contains(&"");
    };
    // Lowercasing keeps each character's length: an entry of another length
    // or first letter is passed over without lowercasing the rest.
    list.iter().any(|w| {
        w.len() == word.len() && w.starts_with(first) && word.chars().map(lower_char).eq(w.chars())
    })
}

/// `lower(s).starts_with(prefix)` for a lowercase `prefix`, without the copy.
pub(crate) fn starts_with_lower(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].chars().map(lower_char).eq(prefix.chars())
}

/// [`char::is_alphabetic`], answered without a table search for the letters
/// Vietnamese text is made of (ASCII, Latin-1, Latin Extended-A and -B, the
/// Latin Extended Additional block); any other character asks the standard
/// library.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], with the fast path of [`is_alpha`].
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    is_alpha(c) || c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

/// [`char::is_lowercase`], answered without a table search for ASCII,
/// Latin-1, the Vietnamese letters of Latin Extended-A and -B (ă đ ĩ ũ ơ ư)
/// and the Vietnamese block of Latin Extended Additional.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_lowercase(),
        0xF7 => false,
        0xDF..=0xFF | 0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => true,
        0xC0..=0xDE | 0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => false,
        cp @ 0x1EA0..=0x1EFF => cp & 1 == 1,
        _ => c.is_lowercase(),
    }
}

/// [`char::is_uppercase`], with the fast path of [`is_lower`].
#[inline]
pub(crate) fn is_upper_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        0xD7 => false,
        0xC0..=0xDE | 0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => true,
        0xDF..=0xFF | 0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => false,
        cp @ 0x1EA0..=0x1EFF => cp & 1 == 0,
        _ => c.is_uppercase(),
    }
}

/// True when `s` has letters and none of them is lowercase.
pub(crate) fn is_upper(s: &str) -> bool {
    s.chars().any(is_alpha) && !s.chars().any(is_lower)
}

pub(crate) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(is_upper_char)
}

/// `"BÀ RỊA - VŨNG TÀU"` → `"Bà Rịa - Vũng Tàu"`.
pub(crate) fn title_case(s: &str) -> String {
    s.split(' ').map(capitalize).collect::<Vec<_>>().join(" ")
}

pub(crate) fn capitalize(word: &str) -> String {
    let mut cs = word.chars();
    match cs.next() {
        Some(first) => first.to_uppercase().chain(cs.map(lower_char)).collect(),
        None => String::new(),
    }
}

/// Words written with a capital inside a body name: "Ban Thường vụ", "Ban Chấp
/// hành", "Bộ Chính trị", "Ban Bí thư", "Đảng ủy Khối" (from the spelling rules
/// of Quy định 66-QĐ/TW on party documents).
const CAPITALIZED_AFTER: &[(&str, &str)] = &[
    ("ban", "thường"),
    ("ban", "chấp"),
    ("ban", "bí"),
    ("ban", "tổ"),
    ("ban", "tuyên"),
    ("ban", "dân"),
    ("ban", "kiểm"),
    ("ban", "nội"),
    ("bộ", "chính"),
    ("ủy", "khối"),
    ("uỷ", "khối"),
];

const COMMITTEE_LEVELS: &[&str] = &["tỉnh", "thành", "huyện", "thị", "quận", "đảng"];

/// An all-caps body name in normal case: `"BAN THƯỜNG VỤ TỈNH ỦY"` →
/// `"Ban Thường vụ Tỉnh ủy"`. Tone placement is kept as written.
pub(crate) fn body_case(upper: &str) -> String {
    let words: Vec<String> = upper.split(' ').map(lower).collect();
    let committee_at = words.iter().rposition(|w| w == "ủy" || w == "uỷ");
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let prev = if i == 0 { "" } else { words[i - 1].as_str() };
        let next = words.get(i + 1).map_or("", String::as_str);
        let cap = i == 0
            || CAPITALIZED_AFTER.contains(&(prev, w.as_str()))
            || (COMMITTEE_LEVELS.contains(&w.as_str()) && (next == "ủy" || next == "uỷ"))
            || (w == "đảng" && next == "bộ")
            // A place name follows the committee word: "Huyện ủy Côn Đảo".
            || committee_at.is_some_and(|c| i > c && !matches!(w.as_str(), "các" | "cơ" | "quan" | "tỉnh" | "huyện" | "xã" | "và"));
        out.push(if cap { capitalize(w) } else { w.clone() });
    }
    out.join(" ")
}

/// Finds `needle` in `hay` ignoring case; byte range in `hay`.
pub(crate) fn find_ignore_case(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let h = lower(hay);
    let n = lower(needle);
    if n.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = super::text::find(&h[from..], &n).map(|i| i + from) {
        let end = i + n.len();
        let before_ok = h[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = h[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some((i, end));
        }
        from = i + h[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_classes_agree_with_the_standard_ones() {
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(super::is_upper_char(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn the_fast_lowercase_agrees_with_the_standard_one() {
        for c in (0u32..0x2000)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            let mut l = c.to_lowercase();
            let standard = match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            };
            assert_eq!(super::lower_char(c), standard, "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn lower_is_lower_char_on_every_char() {
        let all: String = (0u32..0x2100)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'A', c, 'Ư'])
            .collect();
        let naive: String = all.chars().map(lower_char).collect();
        assert_eq!(lower(&all), naive);
    }

    #[test]
    fn prefixes_and_suffixes_compare_lowercased_in_place() {
        let texts = [
            "Nơi nhận:",
            "NƠI NHẬN",
            "nơi",
            "",
            "Trước",
            "chậm nhất",
            "x TRONG",
        ];
        let words = ["nơi nhận", "nơi", "", "trước", "trong", "nhất", "t"];
        for t in texts {
            for w in words {
                assert_eq!(starts_with_lower(t, w), lower(t).starts_with(w), "{t} {w}");
                assert_eq!(ends_with_lower(t, w), lower(t).ends_with(w), "{t} {w}");
            }
        }
    }

    #[test]
    fn lower_in_is_contains_of_lower() {
        let list = ["ủy", "uỷ", "tỉnh", "thành phố", "", "x"];
        let long = "Ủ".repeat(20);
        for w in [
            "ỦY",
            "Ủy",
            "uỶ",
            "TỈNH",
            "Thành Phố",
            "",
            "X",
            "y",
            "tỉnhx",
            long.as_str(),
        ] {
            assert_eq!(lower_in(w, &list), list.contains(&lower(w).as_str()), "{w}");
        }
    }

    #[test]
    fn lowercase_keeps_offsets() {
        let s = "ĐẢNG ỦY Khối İ";
        assert_eq!(lower(s).len(), s.len());
        assert_eq!(lower("THƯỜNG TRỰC TỈNH UỶ"), "thường trực tỉnh uỷ");
    }

    #[test]
    fn bodies_get_normal_case() {
        assert_eq!(body_case("BAN THƯỜNG VỤ TỈNH ỦY"), "Ban Thường vụ Tỉnh ủy");
        assert_eq!(body_case("THƯỜNG TRỰC TỈNH UỶ"), "Thường trực Tỉnh uỷ");
        assert_eq!(
            body_case("BAN THƯỜNG VỤ HUYỆN ỦY CÔN ĐẢO"),
            "Ban Thường vụ Huyện ủy Côn Đảo"
        );
        assert_eq!(body_case("BỘ CHÍNH TRỊ"), "Bộ Chính trị");
        assert_eq!(
            body_case("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"),
            "Ban Chấp hành Đảng bộ tỉnh"
        );
    }

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(
            find_ignore_case("Ban Thường vụ Tỉnh ủy Ninh", "BAN THƯỜNG VỤ TỈNH ỦY"),
            Some((0, "Ban Thường vụ Tỉnh ủy".len()))
        );
        assert_eq!(find_ignore_case("xBan", "ban"), None);
    }
}
