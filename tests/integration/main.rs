//! The integration test binary: one module per area.

mod cli;
#[path = "../../benches/support/generator.rs"]
mod generator;
mod search;
