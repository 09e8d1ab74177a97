//! The one integration test binary; each area is a module.

#[path = "../../benches/support/generator.rs"]
mod generator;
