//! Shared bench support: the corpus generator, the query mix, the measuring
//! helpers, and one module per system compared in `benches/peers.rs`.
#![allow(dead_code)]

pub mod corpus;
pub mod env;
pub mod fts5;
pub mod generator;
pub mod measure;
pub mod ours;
pub mod plain_tantivy;
pub mod queries;
pub mod report;
