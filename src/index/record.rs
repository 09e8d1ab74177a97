//! A [`Document`] as tantivy records: one per agenda item.

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use time::Date;

use super::schema::Fields;
use crate::analysis::normalize_reference;
use crate::document::{AgendaItem, Deadline, Document};
use crate::vocabulary::{expand, kind_key};
use crate::{Error, Result};

/// The `part` of a record that holds a document's own text beside its items.
pub(crate) const DOCUMENT_PART: &str = "document";

/// The facet value of a document whose issuing body is not known.
pub(crate) const UNKNOWN: &str = "(unknown)";

/// The document-level fields every record carries, stored as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Head {
    pub kind: Option<String>,
    pub issuing_body: Option<String>,
    pub place: Option<String>,
    pub date: Option<Date>,
}

/// Builds the tantivy records of `doc` under `key`.
///
/// # Errors
/// [`Error::Json`] if the document cannot be serialised (it always can: the
/// model holds only strings, numbers and dates).
/// A document's own text, the parts that no item holds: its title as printed
/// (with the kind's standard spelling when the print does not read as it, an
/// OCR'd `K ÉT LUẬN`; the subject when there is no title, since the title
/// block holds the subject's lines), its preamble and its closing text.
pub(crate) fn own_text(doc: &Document) -> Vec<String> {
    let folded = |t: &str| crate::analysis::fold(t).to_lowercase();
    let title = match (&doc.title, &doc.kind) {
        (Some(t), Some(k)) if !folded(t).contains(&folded(k)) => format!("{k} {t}"),
        (Some(t), _) => t.clone(),
        (None, Some(k)) => format!("{k} {}", doc.subject.as_deref().unwrap_or("")),
        (None, None) => doc.subject.clone().unwrap_or_default(),
    };
    [title.trim(), &doc.preamble, &doc.closing]
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

pub(crate) fn records(fields: &Fields, key: &str, doc: &Document) -> Result<Vec<TantivyDocument>> {
    let head = serde_json::to_string(&Head {
        kind: doc.kind.clone(),
        issuing_body: doc.issuing_body.clone(),
        place: doc.place.clone(),
        date: doc.date,
    })?;
    let meta = serde_json::to_string(&Document {
        kind: doc.kind.clone(),
        number: doc.number.clone(),
        issuing_body: doc.issuing_body.clone(),
        place: doc.place.clone(),
        session: doc.session,
        date: doc.date,
        title: doc.title.clone(),
        subject: doc.subject.clone(),
        issued_date: doc.issued_date,
        preamble: doc.preamble.clone(),
        items: Vec::new(),
        closing: doc.closing.clone(),
        recipients: doc.recipients.clone(),
        signer: doc.signer.clone(),
        warnings: doc.warnings.clone(),
        source: doc.source,
    })?;
    let place = doc.place.as_deref().unwrap_or("");
    let issuing_body = doc.issuing_body.as_deref().unwrap_or("");
    let issuer = expand(&format!("{issuing_body} {place}"));
    let date = doc.date.map(|d| i64::from(d.to_julian_day()));
    let kind = kind_key(doc.kind.as_deref().unwrap_or(""));
    let number = doc.number.as_deref().map(normalize_reference);

    let empty = AgendaItem {
        number: 0,
        heading: String::new(),
        reference: None,
        topic: String::new(),
        text: String::new(),
        assignments: Vec::new(),
        deadlines: Vec::new(),
    };
    // The document's own text is a record of its own, item 0, so that
    // nothing the parser did not place in an item is lost to search — and a
    // document without items is found.
    let own_text = own_text(doc);
    let mut items: Vec<&AgendaItem> = Vec::with_capacity(doc.items.len() + 1);
    if doc.items.is_empty() || !own_text.is_empty() {
        items.push(&empty);
    }
    items.extend(doc.items.iter());

    let mut out = Vec::with_capacity(items.len());
    for (ordinal, item) in items.into_iter().enumerate() {
        let mut r = TantivyDocument::default();
        r.add_text(fields.key, key);
        r.add_u64(fields.ordinal, ordinal as u64);
        r.add_u64(fields.item, u64::from(item.number));
        r.add_text(fields.kind, &kind);
        if let Some(number) = &number {
            r.add_text(fields.number, number);
        }
        if let Some(session) = doc.session {
            r.add_u64(fields.session, u64::from(session));
        }
        if let Some(date) = date {
            r.add_i64(fields.date, date);
        }
        for deadline in item
            .deadlines
            .iter()
            .chain(item.assignments.iter().filter_map(|a| a.deadline.as_ref()))
        {
            add_due_days(&mut r, fields, deadline);
        }
        r.add_text(fields.topic, &item.topic);
        // The body's name is a word of every item; of the document's own
        // text only when it has no items.
        let body_here = if item.number == 0 && !doc.items.is_empty() {
            ""
        } else {
            issuing_body
        };
        // The content's text goes to both of its fields (see `Fields::content_exact`).
        let content = |r: &mut TantivyDocument, text: &str| {
            r.add_text(fields.content, text);
            r.add_text(fields.content_exact, text);
        };
        for text in [item.heading.as_str(), &item.text, body_here] {
            content(&mut r, text);
        }
        if item.number == 0 {
            // The title ranks the document's own record, which stands for the
            // document at document level.
            for title in [&doc.kind, &doc.subject].into_iter().flatten() {
                r.add_text(fields.title, title);
            }
            if !doc.items.is_empty() {
                r.add_text(fields.part, DOCUMENT_PART);
            }
            for text in &own_text {
                content(&mut r, text);
            }
        }
        if !place.is_empty() {
            content(&mut r, place);
        }
        r.add_text(fields.issuer, &issuer);
        // Facet labels keep the document's spelling; searches group the
        // spellings that differ only in tone placement (`search::collect`).
        r.add_text(
            fields.facet_issuer,
            doc.issuing_body.as_deref().unwrap_or(UNKNOWN),
        );
        if !place.is_empty() {
            r.add_text(fields.facet_place, place);
        }
        if let Some(reference) = &item.reference {
            if let Some(number) = &reference.number {
                r.add_text(fields.reference, normalize_reference(number));
            }
            if let Some(body) = &reference.body {
                r.add_text(fields.submitter, expand(&format!("{body} {place}")));
                r.add_text(fields.facet_submitter, body);
            }
        }
        for assignment in &item.assignments {
            r.add_text(fields.assignee, expand(&assignment.assignee));
        }
        r.add_text(fields.head, &head);
        if ordinal == 0 {
            r.add_text(fields.doc_json, &meta);
        }
        if item.number != 0 {
            r.add_text(fields.item_json, serde_json::to_string(item)?);
        }
        out.push(r);
    }
    Ok(out)
}

fn add_due_days(r: &mut TantivyDocument, fields: &Fields, deadline: &Deadline) {
    r.add_i64(fields.due, due_key(deadline));
}

/// Deadlines are indexed as one term at their own precision: a day, a month,
/// a quarter or a year, each kind in its own band of `i64` keys. A range
/// query then asks, per band, for the periods that overlap it — exact, with
/// one term per deadline rather than one per covered day.
const BAND: i64 = 1 << 40;

fn month_index(year: i32, month: time::Month) -> i64 {
    i64::from(year) * 12 + i64::from(u8::from(month)) - 1
}

fn quarter_index(year: i32, quarter: u8) -> i64 {
    i64::from(year) * 4 + i64::from(quarter) - 1
}

pub(crate) fn due_key(deadline: &Deadline) -> i64 {
    match *deadline {
        Deadline::Day(d) => i64::from(d.to_julian_day()),
        Deadline::Month { year, month } => BAND + month_index(year, month),
        Deadline::Quarter { year, quarter } => 2 * BAND + quarter_index(year, quarter),
        Deadline::Year(year) => 3 * BAND + i64::from(year),
    }
}

/// For each band, the key range of the periods that overlap `from..=to`.
pub(crate) fn due_ranges(from: Date, to: Date) -> [(i64, i64); 4] {
    let quarter = |d: Date| (u8::from(d.month()) - 1) / 3 + 1;
    [
        (
            i64::from(from.to_julian_day()),
            i64::from(to.to_julian_day()),
        ),
        (
            BAND + month_index(from.year(), from.month()),
            BAND + month_index(to.year(), to.month()),
        ),
        (
            2 * BAND + quarter_index(from.year(), quarter(from)),
            2 * BAND + quarter_index(to.year(), quarter(to)),
        ),
        (
            3 * BAND + i64::from(from.year()),
            3 * BAND + i64::from(to.year()),
        ),
    ]
}

/// Reads a stored JSON value back.
pub(crate) fn decode<T: for<'de> Deserialize<'de>>(what: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| Error::Corrupt(format!("{what}: {e}")))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::Date;

    use super::{due_key, due_ranges};
    use crate::document::Deadline;

    fn date() -> impl Strategy<Value = Date> {
        (2000i32..2030, 1u8..=12, 1u8..=31).prop_filter_map("a real day", |(y, m, d)| {
            Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
        })
    }

    fn deadline() -> impl Strategy<Value = Deadline> {
        prop_oneof![
            date().prop_map(Deadline::Day),
            date().prop_map(|d| Deadline::Month {
                year: d.year(),
                month: d.month()
            }),
            (2000i32..2030, 1u8..=4)
                .prop_map(|(year, quarter)| Deadline::Quarter { year, quarter }),
            (2000i32..2030).prop_map(Deadline::Year),
        ]
    }

    proptest! {
        /// The key falls in one of the ranges exactly when the deadline has a day in
        /// `from..=to` (the naive definition).
        #[test]
        fn key_ranges_agree_with_overlap(d in deadline(), a in date(), b in date()) {
            let (from, to) = if a <= b { (a, b) } else { (b, a) };
            let key = due_key(&d);
            let hit = due_ranges(from, to).iter().any(|&(lo, hi)| lo <= key && key <= hi);
            prop_assert_eq!(hit, d.overlaps(from, to));
        }
    }
}
