//! Searching the archive: requests, ranking, snippets and facets.

mod any_of;
mod collect;
mod execute;
pub(crate) mod query;
mod request;
mod results;
mod tiers;
mod typing;
mod user_text;

pub use execute::{MAX_LIMIT, MAX_OFFSET};
pub use request::{KINDS, Level, SearchRequest};
pub use results::{Facets, Hit, SearchResults, Snippet};
