//! A [`Document`] as tantivy records: one per agenda item.

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use time::Date;

use super::schema::Fields;
use crate::analysis::{canonical_tone, normalize_reference};
use crate::document::{AgendaItem, Deadline, Document};
use crate::search::abbreviations::expand;
use crate::search::query::kind_key;
use crate::{Error, Result};

/// The document-level fields every record carries, stored as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Head {
    pub kind: String,
    pub issuing_body: String,
    pub place: Option<String>,
    pub date: Date,
}

/// A deadline longer than this many days is indexed by its first and last
/// days only; no real deadline (at most a year) comes near it.
const MAX_DEADLINE_DAYS: i32 = 400;

/// Builds the tantivy records of `doc` under `key`.
///
/// # Errors
/// [`Error::Json`] if the document cannot be serialised (it always can: the
/// model holds only strings, numbers and dates).
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
        issued_date: doc.issued_date,
        preamble: doc.preamble.clone(),
        items: Vec::new(),
        closing: doc.closing.clone(),
        recipients: doc.recipients.clone(),
        signer: doc.signer.clone(),
        warnings: doc.warnings.clone(),
    })?;
    let place = doc.place.as_deref().unwrap_or("");
    let issuer = expand(&format!("{} {}", doc.issuing_body, place));
    let date = doc.date.to_julian_day() as i64;
    let kind = kind_key(&doc.kind);
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
    let items: Vec<&AgendaItem> = if doc.items.is_empty() {
        vec![&empty]
    } else {
        doc.items.iter().collect()
    };

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
        r.add_i64(fields.date, date);
        for deadline in item
            .deadlines
            .iter()
            .chain(item.assignments.iter().filter_map(|a| a.deadline.as_ref()))
        {
            add_due_days(&mut r, fields, deadline);
        }
        r.add_text(fields.topic, &item.topic);
        for content in [&item.heading, &item.text, &doc.issuing_body] {
            r.add_text(fields.content, content);
        }
        if !place.is_empty() {
            r.add_text(fields.content, place);
        }
        r.add_text(fields.issuer, &issuer);
        r.add_text(fields.facet_issuer, canonical_tone(&doc.issuing_body));
        if !place.is_empty() {
            r.add_text(fields.facet_place, canonical_tone(place));
        }
        if let Some(reference) = &item.reference {
            if let Some(number) = &reference.number {
                r.add_text(fields.reference, normalize_reference(number));
            }
            if let Some(body) = &reference.body {
                r.add_text(fields.submitter, expand(&format!("{body} {place}")));
                r.add_text(fields.facet_submitter, canonical_tone(body));
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
    let first = deadline.first_day().to_julian_day();
    let last = deadline.last_day().to_julian_day();
    if last - first > MAX_DEADLINE_DAYS {
        r.add_i64(fields.due, i64::from(first));
        r.add_i64(fields.due, i64::from(last));
        return;
    }
    for day in first..=last {
        r.add_i64(fields.due, i64::from(day));
    }
}

/// Reads a stored JSON value back.
pub(crate) fn decode<T: for<'de> Deserialize<'de>>(what: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| Error::Corrupt(format!("{what}: {e}")))
}
