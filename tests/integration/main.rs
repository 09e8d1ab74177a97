//! The integration test binary: one module per area.

#[path = "../../benches/support/generator.rs"]
mod generator;
mod search;
