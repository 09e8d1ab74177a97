//! Conclusion documents as typed records, and the parser that reads them from text.

mod assignment;
mod body;
mod casing;
mod date;
mod deadline;
mod header;
mod item;
mod model;
mod parser;
mod read;
mod repair;
mod signature;
mod text;

pub use date::parse_date;
pub use deadline::Deadline;
pub use header::KINDS;
pub use model::{AgendaItem, Assignment, Document, Reference, Signer, Warning};
