//! Dates as Vietnamese documents write them: `04/3/2022`, `15-7-2023`,
//! `ngày 04 tháng 3 năm 2022`, `tháng 6/2022`, `quý III/2023`, `năm 2022`.
//!
//! [`scan`] finds every date expression in a text, in order; [`parse_date`]
//! reads one date a person typed.

use std::borrow::Cow;

use time::{Date, Month};

use super::Deadline;
use super::casing::{is_alnum, is_alpha};
use crate::{Error, Result};

/// What a date expression denotes, at the precision it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateValue {
    Day(Date),
    /// `ngày 30/9`: the year comes from the document.
    DayNoYear {
        day: u8,
        month: Month,
    },
    Month {
        year: i32,
        month: Month,
    },
    /// `trong tháng 6`: the year comes from the document.
    MonthNoYear(Month),
    Quarter {
        year: i32,
        quarter: u8,
    },
    Year(i32),
    /// Looks like a date but does not exist (`31/02/2022`).
    Impossible(String),
}

/// A date expression found in a text: byte range and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
}

impl DateValue {
    /// The value as a deadline, completing a missing year with `year`.
    pub(crate) fn to_deadline(&self, year: i32) -> Option<Deadline> {
        match *self {
            DateValue::Day(d) => Some(Deadline::Day(d)),
            DateValue::DayNoYear { day, month } => Date::from_calendar_date(year, month, day)
                .ok()
                .map(Deadline::Day),
            DateValue::Month { year, month } => Some(Deadline::Month { year, month }),
            DateValue::MonthNoYear(month) => Some(Deadline::Month { year, month }),
            DateValue::Quarter { year, quarter } => Deadline::quarter(year, quarter).ok(),
            DateValue::Year(y) => Some(Deadline::Year(y)),
            DateValue::Impossible(_) => None,
        }
    }
}

/// Reads a date as a person types it.
///
/// Accepts ISO forms (`2022-03-04`, `2022-03`, `2022`, `2023-Q3`), Vietnamese
/// numeric forms (`04/3/2022`, `4-3-2022`, `4.3.2022`, `3/2022`) and words
/// (`ngày 04 tháng 3 năm 2022`, `tháng 3 năm 2022`, `quý III/2023`, `năm 2022`).
///
/// # Errors
/// [`Error::InvalidDate`] when the text is not a date or names a day that does
/// not exist (`31/02/2022`).
///
/// # Example
/// ```
/// use ketluan::{parse_date, Deadline};
/// assert_eq!(parse_date("04/3/2022")?.to_string(), "2022-03-04");
/// assert_eq!(parse_date("quý III/2023")?.to_string(), "2023-Q3");
/// assert_eq!(parse_date("3/2022")?.to_string(), "2022-03");
/// assert!(parse_date("31/02/2022").is_err());
/// # Ok::<(), ketluan::Error>(())
/// ```
pub fn parse_date(text: &str) -> Result<Deadline> {
    let input = crate::analysis::normalize(text);
    let s = input.trim().trim_end_matches('.');
    let bad = |reason: &str| Error::InvalidDate {
        input: text.to_string(),
        reason: reason.into(),
    };
    if s.is_empty() {
        return Err(bad("empty"));
    }
    let b = s.as_bytes();
    // ISO forms start with a four-digit year followed by '-' or nothing.
    if b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && (b.len() == 4 || b[4] == b'-') {
        return s.parse::<Deadline>().map_err(|e| match e {
            Error::InvalidDate { reason, .. } => bad(&reason),
            other => other,
        });
    }
    // Month/year typed bare: `3/2022`, `03-2022`.
    if let Some((m, rest)) = number(s, 0, 2)
        && let Some(sep) = s[rest..].chars().next()
        && matches!(sep, '/' | '-' | '.')
        && let Some((y, end)) = number(s, rest + 1, 4)
        && end == s.len()
        && end - rest - 1 == 4
    {
        let month = Month::try_from(m as u8).map_err(|_| bad("month must be 1 to 12"))?;
        return Ok(Deadline::Month {
            year: y as i32,
            month,
        });
    }
    let found = date_at(s, 0).filter(|m| m.end == s.len());
    match found.map(|m| m.value) {
        Some(DateValue::Impossible(reason)) => Err(bad(&reason)),
        Some(v @ (DateValue::DayNoYear { .. } | DateValue::MonthNoYear(_))) => {
            let _ = v;
            Err(bad("the year is missing"))
        }
        Some(v) => v.to_deadline(0).ok_or_else(|| bad("not a date")),
        None => Err(bad(
            "expected a date such as 2022-03-04, 04/3/2022, 3/2022, quý III/2023 or ngày 04 tháng 3 năm 2022",
        )),
    }
}

/// Every date expression in `text`, in order, not overlapping.
pub(crate) fn scan(text: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // The next byte that can open a date: a digit or the first letter of
        // a date word.
        match bytes[i..].iter().position(|&b| OPENS_DATE[usize::from(b)]) {
            Some(k) => i += k,
            None => break,
        }
        if (i == 0 || !is_word_byte_before(text, i))
            && let Some(m) = date_at(text, i)
        {
            i = m.end;
            out.push(m);
            continue;
        }
        // Candidates are ASCII, so on char boundaries: the bytes of other
        // characters are passed over one by one.
        i += 1;
    }
    out
}

/// Digits and `n N t T q Q`.
const OPENS_DATE: [bool; 256] = {
    let mut opens = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        opens[b as usize] = true;
        b += 1;
    }
    opens[b'n' as usize] = true;
    opens[b'N' as usize] = true;
    opens[b't' as usize] = true;
    opens[b'T' as usize] = true;
    opens[b'q' as usize] = true;
    opens[b'Q' as usize] = true;
    opens
};

fn is_word_byte_before(text: &str, i: usize) -> bool {
    // An ASCII byte before a char boundary is the whole character.
    match text.as_bytes().get(i.wrapping_sub(1)) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.'),
        _ => text[..i].chars().next_back().is_some_and(is_alnum),
    }
}

/// The date expression starting exactly at byte `i`, if any.
pub(crate) fn date_at(text: &str, i: usize) -> Option<DateMatch> {
    let rest = &text[i..];
    let make = |len: usize, value: DateValue| {
        // Years the model can write and read back (ISO 8601 without a sign).
        let year = match &value {
            DateValue::Day(d) => Some(d.year()),
            DateValue::Month { year, .. }
            | DateValue::Quarter { year, .. }
            | DateValue::Year(year) => Some(*year),
            _ => None,
        };
        let value = match year {
            Some(y) if !(1..=9999).contains(&y) => DateValue::Impossible(format!(
                "impossible year in {:?}",
                rest.get(..len).unwrap_or(rest)
            )),
            _ => value,
        };
        Some(DateMatch {
            start: i,
            end: i + len,
            value,
        })
    };
    // A keyword, printed or misprinted, opens with its own ASCII letter in
    // either case: the first byte picks the one to try.
    match rest.as_bytes().first()? {
        b'n' | b'N' => {
            if let Some(after) = keyword(rest, "ngày") {
                let (len, value) = day_expr(rest, after)?;
                return make(len, value);
            }
            let after = keyword(rest, "năm")?;
            let (y, end) = number(rest, after, 4)?;
            if end - after != 4 || followed_by_code(rest, end) {
                return None;
            }
            make(end, DateValue::Year(y as i32))
        }
        b't' | b'T' => {
            let after = keyword(rest, "tháng")?;
            let (len, value) = month_expr(rest, after)?;
            make(len, value)
        }
        b'q' | b'Q' => {
            let after = keyword(rest, "quý")?;
            let (len, value) = quarter_expr(rest, after)?;
            make(len, value)
        }
        b'0'..=b'9' => {
            let (len, value) = numeric_day(rest, 0, true)?;
            make(len, value)
        }
        _ => None,
    }
}

/// `ngày` (any case) followed by at least one space: the offset after the spaces.
fn keyword(s: &str, word: &'static str) -> Option<usize> {
    // Printed or misprinted, the word's second letter, when ASCII, is the
    // text's when that is ASCII (the first letters are one byte each here).
    let (b, w) = (s.as_bytes(), word.as_bytes());
    if let (Some(&c1), Some(&w1)) = (b.get(1), w.get(1))
        && b[0].is_ascii()
        && w[0].is_ascii()
        && c1.is_ascii()
        && w1.is_ascii()
        && c1.to_ascii_lowercase() != w1
    {
        return None;
    }
    let exact = s.get(..word.len()).is_some_and(|head| {
        head == word || {
            let mut cs = head.chars();
            let mut ws = word.chars();
            match (cs.next(), ws.next()) {
                (Some(c), Some(w)) => c.to_lowercase().eq(std::iter::once(w)) && cs.eq(ws),
                _ => false,
            }
        }
    });
    let len = if exact {
        word.len()
    } else {
        misprinted(s, word)?
    };
    let after = spaces(s, len);
    (after > len).then_some(after)
}

/// The length of a misprint of `word` at the start of `s`: the same letters
/// with another or no tone mark (`thảng`, `thang` for `tháng`), as OCR and
/// unaccented typing give. `năm` must be printed with its mark: `Nam` is a
/// name.
fn misprinted(s: &str, word: &'static str) -> Option<usize> {
    let first = s.as_bytes().first()?.to_ascii_lowercase();
    if first != word.as_bytes()[0] || word == "năm" {
        return None;
    }
    // Cheap rejections while reading the word (most words that start like a
    // date word are other words): as many letters as `word`, the unaccented
    // ones the same, and no longer than a misprint can be.
    let mut letters = word.chars();
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        if !is_alpha(c) {
            end = i;
            break;
        }
        let w = letters.next()?;
        if c.is_ascii() && w.is_ascii() && c.to_ascii_lowercase() != w {
            return None;
        }
    }
    if letters.next().is_some() || end > word.len() + 4 {
        return None;
    }
    folds_to(&s[..end], word).then_some(end)
}

/// Whether `candidate` folds to what `word` folds to. Folding runs the word
/// analyser, and the same few words ("nghị", "thông") come up again and
/// again: the answers are remembered, a few dozen per thread.
fn folds_to(candidate: &str, word: &'static str) -> bool {
    const REMEMBERED: usize = 64;
    thread_local! {
        static SEEN: std::cell::RefCell<Vec<(&'static str, String, bool)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let seen = SEEN.with_borrow(|seen| {
        seen.iter()
            .find(|(w, c, _)| *w == word && c == candidate)
            .map(|&(.., answer)| answer)
    });
    if let Some(answer) = seen {
        return answer;
    }
    let answer = crate::analysis::fold(candidate).to_lowercase() == folded_word(word);
    SEEN.with_borrow_mut(|seen| {
        if seen.len() < REMEMBERED {
            seen.push((word, candidate.to_string(), answer));
        }
    });
    answer
}

/// `fold(word).to_lowercase()`, spelled out for the date words.
fn folded_word(word: &str) -> Cow<'static, str> {
    match word {
        "ngày" => Cow::Borrowed("ngay"),
        "tháng" => Cow::Borrowed("thang"),
        "quý" => Cow::Borrowed("quy"),
        other => Cow::Owned(crate::analysis::fold(other).to_lowercase()),
    }
}

fn spaces(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Digits at `i` (1 to `max` of them): value and end offset.
fn number(s: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let mut end = i;
    let mut v: u32 = 0;
    while end < b.len() && b[end].is_ascii_digit() {
        if end - i == max {
            return None;
        }
        v = v * 10 + u32::from(b[end] - b'0');
        end += 1;
    }
    (end > i).then_some((v, end))
}

/// True when a code such as `/QH15` or `-CP` continues at `i`.
fn followed_by_code(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    match b.get(i) {
        Some(b'/' | b'-') => b.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()),
        Some(c) => c.is_ascii_alphanumeric(),
        None => false,
    }
}

fn make_day(day: u32, month: u32, year: u32, text: &str) -> DateValue {
    let impossible = || DateValue::Impossible(format!("impossible date {text:?}"));
    let Ok(m) = Month::try_from(month as u8) else {
        return impossible();
    };
    if !(1..=31).contains(&day) || month > 12 {
        return impossible();
    }
    match Date::from_calendar_date(year as i32, m, day as u8) {
        Ok(d) => DateValue::Day(d),
        Err(_) => impossible(),
    }
}

/// `04/3/2022`, `15-7-2023`, `4.3.2022` at `i`; a day without its year (`30/9`)
/// only when not `bare` (after `ngày`), never standing alone.
fn numeric_day(s: &str, i: usize, bare: bool) -> Option<(usize, DateValue)> {
    let (d, e1) = number(s, i, 2)?;
    let sep = *s.as_bytes().get(e1)?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let (m, e2) = number(s, e1 + 1, 2)?;
    let sep2 = s.as_bytes().get(e2).copied();
    if sep2 == Some(sep)
        && let Some((y, e3)) = number(s, e2 + 1, 4)
        && e3 - e2 - 1 == 4
        && !followed_by_code(s, e3)
    {
        return Some((e3, make_day(d, m, y, &s[i..e3])));
    }
    if bare || followed_by_code(s, e2) {
        return None;
    }
    Some((e2, day_without_year(d, m, &s[i..e2])))
}

/// A day and month whose year comes from the document: checked against 2000,
/// a leap year, so 29/2 passes here and is checked against the real year later.
fn day_without_year(day: u32, month: u32, text: &str) -> DateValue {
    match make_day(day, month, 2000, text) {
        DateValue::Day(date) => DateValue::DayNoYear {
            day: date.day(),
            month: date.month(),
        },
        other => other,
    }
}

/// After `ngày `: numeric day or `04 tháng 3 năm 2022`.
fn day_expr(s: &str, after: usize) -> Option<(usize, DateValue)> {
    if let Some(found) = numeric_day(s, after, false) {
        return Some(found);
    }
    let (d, e1) = number(s, after, 2)?;
    let t = spaces(s, e1);
    let m_at = keyword(&s[t..], "tháng")? + t;
    let (m, e2) = number(s, m_at, 2)?;
    let n = spaces(s, e2);
    if let Some(y_at) = keyword(&s[n..], "năm").map(|a| a + n)
        && let Some((y, e3)) = number(s, y_at, 4)
        && e3 - y_at == 4
    {
        return Some((e3, make_day(d, m, y, &s[..e3])));
    }
    Some((e2, day_without_year(d, m, &s[..e2])))
}

/// After `tháng `: `6/2022`, `6-2022`, `6 năm 2022`, or `6` alone.
fn month_expr(s: &str, after: usize) -> Option<(usize, DateValue)> {
    let (m, e1) = number(s, after, 2)?;
    let month = Month::try_from(m as u8).ok();
    let year = year_after(s, e1);
    match (month, year) {
        (Some(month), Some((y, end))) => Some((end, DateValue::Month { year: y, month })),
        (None, Some((_, end))) => Some((
            end,
            DateValue::Impossible(format!("impossible month {:?}", &s[..end])),
        )),
        (Some(month), None) if !followed_by_code(s, e1) => {
            Some((e1, DateValue::MonthNoYear(month)))
        }
        _ => None,
    }
}

/// `/2022`, `-2022` or ` năm 2022` at `i`: the year and end offset.
fn year_after(s: &str, i: usize) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    let y_at = match b.get(i) {
        Some(b'/' | b'-') => i + 1,
        _ => {
            let n = spaces(s, i);
            keyword(&s[n..], "năm")? + n
        }
    };
    let (y, end) = number(s, y_at, 4)?;
    (end - y_at == 4 && !followed_by_code(s, end)).then_some((y as i32, end))
}

/// After `quý `: `III/2023`, `3/2023`, `II năm 2019`.
fn quarter_expr(s: &str, after: usize) -> Option<(usize, DateValue)> {
    let rest = &s[after..];
    let (quarter, len) = [("IV", 4u8), ("III", 3), ("II", 2), ("I", 1)]
        .iter()
        .find(|(r, _)| rest.starts_with(r))
        .map(|&(r, q)| (q, r.len()))
        .or_else(|| {
            let (q, end) = number(s, after, 1)?;
            Some((q as u8, end - after))
        })?;
    let (year, end) = year_after(s, after + len)?;
    if !(1..=4).contains(&quarter) {
        return Some((
            end,
            DateValue::Impossible(format!("impossible quarter {:?}", &s[..end])),
        ));
    }
    Some((end, DateValue::Quarter { year, quarter }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn values(text: &str) -> Vec<DateValue> {
        scan(text).into_iter().map(|m| m.value).collect()
    }

    #[test]
    fn reads_every_written_form() {
        assert_eq!(
            values("ngày 04 tháng 3 năm 2022, 26/02/2022, 15-7-2023 và 4.3.2022"),
            vec![
                DateValue::Day(date!(2022 - 03 - 04)),
                DateValue::Day(date!(2022 - 02 - 26)),
                DateValue::Day(date!(2023 - 07 - 15)),
                DateValue::Day(date!(2022 - 03 - 04)),
            ]
        );
        assert_eq!(
            values("trong tháng 6/2022, quý III/2023, quý 2 năm 2019, trong năm 2022"),
            vec![
                DateValue::Month {
                    year: 2022,
                    month: Month::June
                },
                DateValue::Quarter {
                    year: 2023,
                    quarter: 3
                },
                DateValue::Quarter {
                    year: 2019,
                    quarter: 2
                },
                DateValue::Year(2022),
            ]
        );
        assert_eq!(
            values("trước ngày 30/9."),
            vec![DateValue::DayNoYear {
                day: 30,
                month: Month::September
            }]
        );
    }

    #[test]
    fn the_folded_date_words_are_their_folds() {
        for word in ["ngày", "tháng", "quý", "năm"] {
            assert_eq!(
                folded_word(word),
                crate::analysis::fold(word).to_lowercase(),
                "{word}"
            );
        }
    }

    #[test]
    fn byte_ranges_slice_the_text() {
        let text = "Hạn chót: trước ngày 30/6/2020 nhé";
        let m = &scan(text)[0];
        assert_eq!(&text[m.start..m.end], "ngày 30/6/2020");
    }

    #[test]
    fn impossible_dates_are_flagged_not_shifted() {
        assert!(matches!(
            values("ngày 31/02/2022")[..],
            [DateValue::Impossible(_)]
        ));
    }

    #[test]
    fn codes_and_quantities_are_not_dates() {
        assert!(values("Nghị quyết số 35/2021/QH15 và 2.000 m3, 9 tháng năm").is_empty());
        assert!(values("số 12/2022/NĐ-CP").is_empty());
    }

    #[test]
    fn parse_date_accepts_what_people_type() {
        for (input, want) in [
            ("2022-03-04", "2022-03-04"),
            ("04/3/2022", "2022-03-04"),
            ("4-3-2022", "2022-03-04"),
            ("3/2022", "2022-03"),
            ("2022-03", "2022-03"),
            ("2022", "2022"),
            ("quý III/2023", "2023-Q3"),
            ("ngày 04 tháng 3 năm 2022", "2022-03-04"),
            ("tháng 3 năm 2022", "2022-03"),
            ("năm 2022", "2022"),
        ] {
            assert_eq!(parse_date(input).unwrap().to_string(), want, "{input}");
        }
    }

    #[test]
    fn parse_date_rejects_garbage() {
        for input in [
            "31/02/2022",
            "hello",
            "",
            "13/2022",
            "2022-02-30",
            "ngày 30/9",
        ] {
            let err = parse_date(input).unwrap_err();
            assert!(matches!(err, Error::InvalidDate { .. }), "{input}: {err}");
        }
    }
}
