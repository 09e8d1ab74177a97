//! The integration test binary: one module per area.

mod analysis;
mod cli;
mod document;
mod embedding;
mod formats;
#[path = "../../benches/support/generator.rs"]
mod generator;
mod made;
mod reliability;
mod search;
mod totals;
