//! The one integration test binary; each area is a module.

mod analysis;
