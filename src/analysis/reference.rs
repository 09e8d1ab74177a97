//! The keyword form of document numbers.

use super::fold;

/// Keyword form of a document number (số ký hiệu) so that spellings of one number compare
/// equal: [`fold`]ed (lowercase, no diacritics, `đ` → `d`), whitespace and invisible
/// characters dropped, dash look-alikes (U+2010..U+2015, U+2212 minus) → `-`, slash
/// look-alikes (U+2044, U+2215, U+FF0F) → `/`.
///
/// `-` and `/` are kept and stay distinct: they separate the parts of a number (`215/TTr-UBND`
/// is number 215 of a *tờ trình* of the UBND; `48-TTr/BCSĐ` is the party style), and two
/// numbers that differ only in them are not assumed to be the same document.
///
/// # Example
///
/// ```
/// use ketluan::analysis::normalize_reference;
///
/// assert_eq!(normalize_reference("48-TTr/BCSĐ"), "48-ttr/bcsd");
/// assert_eq!(normalize_reference("48 - TTr/BCSD"), "48-ttr/bcsd");
/// assert_ne!(normalize_reference("215/TTr-UBND"), normalize_reference("215-TTr/UBND"));
/// ```
pub fn normalize_reference(number: &str) -> String {
    // Whitespace goes before folding too: a combining mark after a space (PDF
    // extraction leaves them) would otherwise survive folding, then meet a letter.
    let joined: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    fold(&joined)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2044}' | '\u{2215}' | '\u{FF0F}' => '/',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_number_compare_equal() {
        let expected = "48-ttr/bcsd";
        for number in [
            "48-TTr/BCSĐ",
            "48-ttr/bcsd",
            "48 - TTr/BCSD",
            "48–TTr/BCS\u{00D0}",
            "48 -TTr / BCSĐ",
            "48-TTr/BCSD\u{200B}",
            "\u{00A0}48-TTr/BCSĐ ",
        ] {
            assert_eq!(normalize_reference(number), expected, "{number:?}");
        }
    }

    /// Found by the `analyze` fuzz target: a stray mark after a space survived
    /// the first pass and was folded away by the second.
    #[test]
    fn a_combining_mark_after_a_space_is_folded_away() {
        assert_eq!(normalize_reference("48 \u{301}TTr/BCSĐ"), "48ttr/bcsd");
        let once = normalize_reference("c \u{302}n");
        assert_eq!(once, "cn");
        assert_eq!(normalize_reference(&once), once);
    }

    #[test]
    fn separators_keep_their_meaning() {
        assert_eq!(normalize_reference("215/TTr-UBND"), "215/ttr-ubnd");
        assert_ne!(
            normalize_reference("215/TTr-UBND"),
            normalize_reference("215-TTr/UBND")
        );
    }
}
