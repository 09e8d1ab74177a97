//! How many documents came from each file format and encoding.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::Index;
use crate::Result;
use crate::error::OrEngine;
use crate::extract::Source;

/// Document counts by [`Source`] format and encoding (see [`Index::sources`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    /// `("docx", 12)`, …, most frequent first; documents parsed from a string
    /// (no source) count as `"(unknown)"`.
    pub formats: Vec<(String, u64)>,
    /// `("utf-8", 30)`, `("tcvn3", 4)`, …, most frequent first.
    pub encodings: Vec<(String, u64)>,
}

#[derive(serde::Deserialize)]
struct Head {
    #[serde(default)]
    source: Option<Source>,
}

impl Index {
    /// Counts the documents by the format and encoding they were read from.
    ///
    /// # Errors
    /// [`crate::Error::Engine`] when the index cannot be read, and
    /// [`crate::Error::Corrupt`] when a stored document is not valid JSON.
    pub fn sources(&self) -> Result<SourceCounts> {
        let searcher = self.reader.searcher();
        let heads = TermQuery::new(
            Term::from_field_u64(self.fields.ordinal, 0),
            IndexRecordOption::Basic,
        );
        let mut formats: BTreeMap<String, u64> = BTreeMap::new();
        let mut encodings: BTreeMap<String, u64> = BTreeMap::new();
        for address in searcher.search(&heads, &DocSetCollector).or_engine()? {
            let record: TantivyDocument = searcher.doc(address).or_engine()?;
            let Some(json) = record
                .get_first(self.fields.doc_json)
                .and_then(|v| v.as_str())
            else {
                continue;
            };
            let head: Head = serde_json::from_str(json)
                .map_err(|e| crate::Error::Corrupt(format!("stored document: {e}")))?;
            let (format, encoding) = head.source.map_or_else(
                || ("(unknown)".to_string(), "(unknown)".to_string()),
                |s| (s.format.to_string(), s.encoding.to_string()),
            );
            *formats.entry(format).or_default() += 1;
            *encodings.entry(encoding).or_default() += 1;
        }
        let ranked = |counts: BTreeMap<String, u64>| {
            let mut v: Vec<(String, u64)> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        Ok(SourceCounts {
            formats: ranked(formats),
            encodings: ranked(encodings),
        })
    }
}
