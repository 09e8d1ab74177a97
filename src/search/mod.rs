//! Searching the archive: requests, ranking, snippets and facets.

mod any_of;
mod collect;
mod count;
mod execute;
mod filtered;
pub(crate) mod query;
mod request;
mod results;
mod tiers;
mod typing;
mod user_text;

pub use count::EXACT_TOTAL_UP_TO;
pub use execute::{MAX_LIMIT, MAX_OFFSET};
pub use request::{KINDS, Level, SearchRequest};
pub use results::{Facets, Hit, SearchResults, Snippet};
