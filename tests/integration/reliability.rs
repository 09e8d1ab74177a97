//! Reliability: crash safety, concurrent use, hostile input.

mod bad_input;
mod concurrency;
mod crash;
mod support;
