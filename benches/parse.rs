//! Parsing speed over the six sample documents.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ketluan::Document;

fn samples() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("samples directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("sample text"))
        .collect()
}

fn parse(c: &mut Criterion) {
    let texts = samples();
    let bytes: usize = texts.iter().map(String::len).sum();
    let items = |texts: &[String]| -> usize {
        texts
            .iter()
            .map(|t| Document::parse(t).map_or(0, |d| d.items.len()))
            .sum()
    };
    // The six samples hold 38 items; a parser that does nothing cannot pass.
    assert_eq!(items(&texts), 38);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("samples", |b| b.iter(|| items(black_box(&texts))));
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
