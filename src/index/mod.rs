//! The on-disk (or in-RAM) archive of parsed documents, on tantivy.

mod archive;
mod backlog;
mod read_only;
pub(crate) mod record;
pub(crate) mod schema;
mod sources;
mod writer;

pub use archive::{Index, Stats};
pub use sources::SourceCounts;
pub use writer::{AddOutcome, IndexWriter, WriterOptions};
