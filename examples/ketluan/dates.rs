//! Date flags: `2022-03-04`, `04/3/2022` or a month `3/2022`.

use ketluan::Deadline;
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

// TODO: remove once `ketluan::parse_date` lands with the parser; call it instead.
fn parse_date(text: &str) -> ketluan::Result<Deadline> {
    let bad = || ketluan::Error::InvalidDate {
        input: text.into(),
        reason: "expected yyyy-mm-dd, dd/mm/yyyy or mm/yyyy".into(),
    };
    let text = text.trim();
    if text.contains('-') {
        return text.parse();
    }
    let parts: Vec<&str> = text.split('/').collect();
    let iso = match parts.as_slice() {
        [d, m, y] => format!("{y}-{m:0>2}-{d:0>2}"),
        [m, y] => format!("{y}-{m:0>2}"),
        [y] => (*y).to_string(),
        _ => return Err(bad()),
    };
    iso.parse::<Deadline>().map_err(|e| match e {
        ketluan::Error::InvalidDate { reason, .. } => ketluan::Error::InvalidDate {
            input: text.into(),
            reason,
        },
        other => other,
    })
}
