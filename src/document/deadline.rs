//! Deadlines with the precision the text gives.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::{Error, Result};

/// A date by which something must be done, as precise as the document says.
///
/// Serialises as `2022-03-08` (day), `2022-06` (month), `2023-Q3` (quarter) or
/// `2022` (year).
///
/// # Example
/// ```
/// use ketluan::Deadline;
/// let d: Deadline = "2023-Q3".parse()?;
/// assert_eq!(d.first_day().to_string(), "2023-07-01");
/// assert_eq!(d.last_day().to_string(), "2023-09-30");
/// assert_eq!(d.to_string(), "2023-Q3");
/// # Ok::<(), ketluan::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Deadline {
    /// A single day: "chậm nhất ngày 08/3/2022".
    Day(Date),
    /// A whole month: "trong tháng 6/2022".
    Month {
        /// The year.
        year: i32,
        /// The month.
        month: Month,
    },
    /// A quarter: "trong quý III/2023".
    Quarter {
        /// The year.
        year: i32,
        /// 1 to 4.
        quarter: u8,
    },
    /// A whole year: "trong năm 2022".
    Year(i32),
}

impl Deadline {
    /// Builds a quarter deadline.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] when `quarter` is not 1 to 4 or the year is out of range.
    pub fn quarter(year: i32, quarter: u8) -> Result<Deadline> {
        if !(1..=4).contains(&quarter) {
            return Err(Error::InvalidDate {
                input: format!("{year}-Q{quarter}"),
                reason: "a quarter is 1 to 4".into(),
            });
        }
        check_year(year, &format!("{year}-Q{quarter}"))?;
        Ok(Deadline::Quarter { year, quarter })
    }

    /// The first day the deadline covers.
    pub fn first_day(&self) -> Date {
        match *self {
            Deadline::Day(d) => d,
            Deadline::Month { year, month } => day_or_min(year, month, 1),
            Deadline::Quarter { year, quarter } => {
                day_or_min(year, month_from(3 * (quarter.clamp(1, 4) - 1) + 1), 1)
            }
            Deadline::Year(year) => day_or_min(year, Month::January, 1),
        }
    }

    /// The last day the deadline covers.
    pub fn last_day(&self) -> Date {
        match *self {
            Deadline::Day(d) => d,
            Deadline::Month { year, month } => last_of_month(year, month),
            Deadline::Quarter { year, quarter } => {
                last_of_month(year, month_from(3 * quarter.clamp(1, 4)))
            }
            Deadline::Year(year) => last_of_month(year, Month::December),
        }
    }

    /// Whether any day of the deadline falls in `from..=to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.first_day() <= to && self.last_day() >= from
    }
}

fn month_from(n: u8) -> Month {
    // `n` is computed from a quarter clamped to 1..=4, so it is 1..=12.
    Month::try_from(n).unwrap_or(Month::December)
}

fn day_or_min(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
}

fn last_of_month(year: i32, month: Month) -> Date {
    let days = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, days).unwrap_or(Date::MAX)
}

fn check_year(year: i32, input: &str) -> Result<()> {
    if (1..=9999).contains(&year) {
        Ok(())
    } else {
        Err(Error::InvalidDate {
            input: input.into(),
            reason: "year out of range 1..=9999".into(),
        })
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Deadline::Day(d) => write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
            Deadline::Month { year, month } => write!(f, "{year:04}-{:02}", u8::from(month)),
            Deadline::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Deadline::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for Deadline {
    type Err = Error;

    fn from_str(s: &str) -> Result<Deadline> {
        let bad = |reason: &str| Error::InvalidDate {
            input: s.into(),
            reason: reason.into(),
        };
        let mut parts = s.trim().splitn(3, '-');
        let year: i32 = parts
            .next()
            .and_then(|y| (y.len() == 4).then(|| y.parse().ok()).flatten())
            .ok_or_else(|| bad("expected a four-digit year"))?;
        check_year(year, s)?;
        let Some(second) = parts.next() else {
            return Ok(Deadline::Year(year));
        };
        if let Some(q) = second.strip_prefix('Q') {
            if parts.next().is_some() {
                return Err(bad("nothing may follow a quarter"));
            }
            let quarter: u8 = q.parse().map_err(|_| bad("expected Q1 to Q4"))?;
            return Deadline::quarter(year, quarter);
        }
        let month: u8 = second.parse().map_err(|_| bad("expected a month number"))?;
        let month = Month::try_from(month).map_err(|_| bad("month must be 1 to 12"))?;
        let Some(day) = parts.next() else {
            return Ok(Deadline::Month { year, month });
        };
        let day: u8 = day.parse().map_err(|_| bad("expected a day number"))?;
        Date::from_calendar_date(year, month, day)
            .map(Deadline::Day)
            .map_err(|_| bad("no such day in that month"))
    }
}

impl Serialize for Deadline {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn round_trips_every_precision() {
        for s in ["2022-03-08", "2022-06", "2023-Q3", "2022"] {
            let d: Deadline = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn month_covers_all_its_days() {
        let d: Deadline = "2024-02".parse().unwrap();
        assert_eq!(d.first_day(), date!(2024 - 02 - 01));
        assert_eq!(d.last_day(), date!(2024 - 02 - 29));
        assert!(d.overlaps(date!(2024 - 02 - 29), date!(2024 - 03 - 10)));
        assert!(!d.overlaps(date!(2024 - 03 - 01), date!(2024 - 03 - 10)));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!("2022-02-31".parse::<Deadline>().is_err());
        assert!("2022-Q5".parse::<Deadline>().is_err());
        assert!("2022-13".parse::<Deadline>().is_err());
        assert!("22-01".parse::<Deadline>().is_err());
    }
}
