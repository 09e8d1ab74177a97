//! The one integration test binary: each area of the library is a module.

mod reliability;
