//! # ketluan — search Vietnamese conclusion documents
//!
//! (Crate tour to come with the modules.)
#![warn(missing_docs)]

pub mod analysis;
mod document;
mod error;

pub use document::{
    AgendaItem, Assignment, Deadline, Document, Reference, Signer, Warning, parse_date,
};
pub use error::{Error, Result};
