//! Conclusion documents as typed records, and the parser that reads them from text.

mod deadline;
mod model;
mod parser;

pub use deadline::Deadline;
pub use model::{AgendaItem, Assignment, Document, Reference, Signer, Warning};
