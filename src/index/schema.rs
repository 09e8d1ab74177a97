//! The tantivy schema: one tantivy document per agenda item.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::{ACCENTED, FOLDED, INDEXING};

/// Bumped whenever the schema or the meaning of a field changes; an index of
/// another version must be rebuilt.
pub(crate) const SCHEMA_VERSION: u32 = 6;

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub(crate) struct Fields {
    /// The caller's key for the document (the CLI uses the file path).
    pub key: Field,
    /// 0 for the record that carries the document's own fields, then 1, 2, …
    pub ordinal: Field,
    /// `document` on the record of a document's own text (subject, preamble,
    /// closing) when the document also has item records; absent otherwise.
    pub part: Field,
    /// The agenda item's printed number; 0 for a document without items.
    pub item: Field,
    /// Folded kind ("ket luan", "thong bao ket luan"), a keyword.
    pub kind: Field,
    /// Normalized document number, a keyword.
    pub number: Field,
    /// Normalized number of the cited submission, a keyword.
    pub reference: Field,
    /// Session number.
    pub session: Field,
    /// Meeting date as a Julian day number.
    pub date: Field,
    /// The item's deadlines, one key each at their own precision (see
    /// `record::due_key`).
    pub due: Field,
    /// Topic: folded and exact tokens at the same positions.
    pub topic: Field,
    /// The document's title on the record of its own text (item 0): its kind
    /// and subject, folded and exact tokens (ranked above the topic).
    pub title: Field,
    /// Heading, conclusion text and body names: folded tokens, with
    /// positions (for phrases and proximity).
    pub content: Field,
    /// The same text's accented words in their exact form, with frequencies
    /// but no positions: what ranks `bán` above `ban` (and tells which
    /// accented syllables the index has). Phrases need only the folded
    /// positions, so exact positions would cost space and indexing time for
    /// nothing.
    pub content_exact: Field,
    /// Issuing body and place, abbreviations expanded, folded.
    pub issuer: Field,
    /// Submitting body and place, abbreviations expanded, folded.
    pub submitter: Field,
    /// Assignees of the item's tasks, abbreviations expanded, folded.
    pub assignee: Field,
    /// Facet label: issuing body.
    pub facet_issuer: Field,
    /// Facet label: place.
    pub facet_place: Field,
    /// Facet label: submitting body.
    pub facet_submitter: Field,
    /// Stored JSON: kind, issuing body, place, date of the document.
    pub head: Field,
    /// Stored JSON of the agenda item.
    pub item_json: Field,
    /// Stored JSON of the document without its items (ordinal 0 only).
    pub doc_json: Field,
}

fn text(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

impl Fields {
    /// Builds the schema and the field handles.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let fields = Fields {
            key: b.add_text_field("key", STRING | STORED | FAST),
            ordinal: b.add_u64_field("ordinal", INDEXED | FAST),
            item: b.add_u64_field("item", INDEXED | FAST),
            part: b.add_text_field("part", STRING),
            kind: b.add_text_field("kind", STRING),
            number: b.add_text_field("number", STRING),
            reference: b.add_text_field("reference", STRING),
            session: b.add_u64_field("session", INDEXED | FAST),
            date: b.add_i64_field("date", INDEXED | FAST),
            due: b.add_i64_field("due", INDEXED),
            topic: b.add_text_field("topic", text(INDEXING)),
            title: b.add_text_field("title", text(INDEXING)),
            content: b.add_text_field("content", text(FOLDED)),
            content_exact: b.add_text_field(
                "content_exact",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(ACCENTED)
                        .set_index_option(IndexRecordOption::WithFreqs),
                ),
            ),
            issuer: b.add_text_field("issuer", text(FOLDED)),
            submitter: b.add_text_field("submitter", text(FOLDED)),
            assignee: b.add_text_field("assignee", text(FOLDED)),
            facet_issuer: b.add_text_field("facet_issuer", STRING | FAST),
            facet_place: b.add_text_field("facet_place", STRING | FAST),
            facet_submitter: b.add_text_field("facet_submitter", STRING | FAST),
            head: b.add_text_field("head", STORED),
            item_json: b.add_text_field("item_json", STORED),
            doc_json: b.add_text_field("doc_json", STORED),
        };
        (b.build(), fields)
    }

    /// Looks the fields up in the schema of an existing index.
    ///
    /// Returns the name of the first missing field on failure.
    pub fn resolve(schema: &Schema) -> Result<Fields, String> {
        let (expected, built) = Fields::build();
        for (expected_field, entry) in expected.fields() {
            match schema.get_field(entry.name()) {
                Ok(field) if field == expected_field && schema.get_field_entry(field) == entry => {}
                Ok(_) => return Err(format!("field {:?} has another type", entry.name())),
                Err(_) => return Err(format!("field {:?} is missing", entry.name())),
            }
        }
        if schema.num_fields() != expected.num_fields() {
            return Err("the schema has unexpected fields".into());
        }
        // Same names, entries and positions: the freshly built handles are valid.
        Ok(built)
    }
}
