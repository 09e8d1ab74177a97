//! # ketluan — search Vietnamese conclusion documents
//!
//! (Crate tour to come with the modules.)
#![warn(missing_docs)]

pub mod analysis;
mod document;
mod error;
mod index;
mod search;

pub use document::{AgendaItem, Assignment, Deadline, Document, Reference, Signer, Warning};
pub use error::{Error, Result};
pub use index::{AddOutcome, Index, IndexWriter, Stats, WriterOptions};
pub use search::{
    Facets, Hit, Level, MAX_LIMIT, MAX_OFFSET, SearchRequest, SearchResults, Snippet,
};
