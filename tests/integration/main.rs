//! The integration test binary: one module per area.

mod analysis;
#[path = "../../benches/support/generator.rs"]
mod generator;
mod search;
