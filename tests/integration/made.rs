//! Documents made in code for the tests: items and documents with only what a
//! test sets differing.

use ketluan::{AgendaItem, Document, Reference};
use time::Date;
use time::macros::date;

/// Item `number` about `topic` whose text is `text`, citing a submission of
/// the provincial people's committee's party caucus.
pub fn item(number: u32, topic: &str, text: &str) -> AgendaItem {
    AgendaItem {
        number,
        heading: format!(
            "Tờ trình số {number}-TTr/BCSĐ của Ban cán sự đảng Ủy ban nhân dân tỉnh về {topic}"
        ),
        reference: Some(Reference {
            kind: "Tờ trình".into(),
            number: Some(format!("{number}-TTr/BCSĐ")),
            date: Some(date!(2022 - 02 - 26)),
            body: Some("Ban cán sự đảng Ủy ban nhân dân tỉnh".into()),
        }),
        topic: topic.into(),
        text: text.into(),
        assignments: Vec::new(),
        deadlines: Vec::new(),
    }
}

/// A conclusion of `body` in `place` on `date` with the given items.
pub fn doc(body: &str, place: &str, date: Date, items: Vec<AgendaItem>) -> Document {
    Document {
        kind: Some("KẾT LUẬN".into()),
        number: None,
        issuing_body: Some(body.into()),
        place: Some(place.into()),
        session: Some(17),
        date: Some(date),
        title: None,
        subject: None,
        issued_date: None,
        preamble: String::new(),
        items,
        closing: String::new(),
        recipients: Vec::new(),
        signer: None,
        warnings: Vec::new(),
        source: None,
    }
}
