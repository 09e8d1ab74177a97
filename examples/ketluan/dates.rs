//! Date flags: `2022-03-04`, `04/3/2022`, a month `3/2022`, a year `2022`; anything
//! [`ketluan::parse_date`] reads.

use ketluan::parse_date;
use time::Date;

use crate::Failure;

/// Which end of a range a flag gives: a month starts on its first day and
/// ends on its last.
#[derive(Clone, Copy)]
pub enum End {
    Start,
    End,
}

/// The day `value` of flag `flag` stands for, or an error naming both.
pub fn day(flag: &str, value: Option<&str>, end: End) -> Result<Option<Date>, Failure> {
    let Some(value) = value else {
        return Ok(None);
    };
    let deadline = parse_date(value).map_err(|e| Failure::Usage(format!("{flag}: {e}")))?;
    Ok(Some(match end {
        End::Start => deadline.first_day(),
        End::End => deadline.last_day(),
    }))
}
