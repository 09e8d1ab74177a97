//! Reliability: crash safety, concurrent use, hostile input.

mod backpressure;
mod bad_files;
mod bad_input;
mod concurrency;
mod crash;
mod support;
