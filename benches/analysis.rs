//! Throughput of the folded and exact analyzers over the sample corpus (NFC as written, and
//! an NFD copy), next to tantivy's SimpleTokenizer + LowerCaser + AsciiFoldingFilter chain
//! on the same text.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ketluan::analysis::VietnameseTokenizer;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream, Tokenizer,
};
use unicode_normalization::UnicodeNormalization;

const SAMPLES: [&str; 6] = [
    include_str!("../tests/fixtures/samples/lang-son-2022-03-04-ky17.txt"),
    include_str!("../tests/fixtures/samples/ninh-thuan-2020-06-12-ky52.txt"),
    include_str!("../tests/fixtures/samples/con-dao-2022-08-05-ky21.txt"),
    include_str!("../tests/fixtures/samples/hoa-binh-2019-04-19.txt"),
    include_str!("../tests/fixtures/samples/hai-phong-2024-10-18-ky118.txt"),
    include_str!("../tests/fixtures/samples/yen-bai-2025-01-10.txt"),
];

/// Counts tokens and sums their lengths, so the work cannot be optimised away.
fn run<T: Tokenizer>(tokenizer: &mut T, text: &str) -> (usize, usize) {
    count(tokenizer.token_stream(text))
}

fn count(mut stream: impl TokenStream) -> (usize, usize) {
    let (mut count, mut bytes) = (0, 0);
    while stream.advance() {
        count += 1;
        bytes += stream.token().text.len();
    }
    (count, bytes)
}

fn tantivy_count(analyzer: &mut TextAnalyzer, text: &str) -> (usize, usize) {
    count(analyzer.token_stream(text))
}

fn bench(c: &mut Criterion) {
    let corpus = SAMPLES.concat();
    let nfd: String = corpus.nfd().collect();
    let mut group = c.benchmark_group("analysis");
    for (name, text) in [("samples", &corpus), ("samples_nfd", &nfd)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        let mut ours = VietnameseTokenizer::folded();
        let expected = run(&mut ours, &corpus);
        assert!(expected.0 > 5_000, "{expected:?}");
        group.bench_function(format!("folded/{name}"), |b| {
            b.iter(|| {
                let got = run(&mut ours, black_box(text));
                assert_eq!(got, expected);
            })
        });
        let mut exact = VietnameseTokenizer::exact();
        let expected_exact = run(&mut exact, &corpus);
        assert_eq!(expected_exact.0, expected.0);
        group.bench_function(format!("exact/{name}"), |b| {
            b.iter(|| {
                let got = run(&mut exact, black_box(text));
                assert_eq!(got, expected_exact);
            })
        });
        // Only the accented words (the `content_exact` field's analyzer).
        let mut accented = VietnameseTokenizer::accented();
        let expected_accented = run(&mut accented, &corpus);
        assert!(expected_accented.0 > 1_000 && expected_accented.0 < expected.0);
        group.bench_function(format!("accented/{name}"), |b| {
            b.iter(|| {
                let got = run(&mut accented, black_box(text));
                assert_eq!(got, expected_accented);
            })
        });
        let mut tantivy = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        let (count, _) = tantivy_count(&mut tantivy, text);
        assert!(count > 5_000);
        group.bench_function(format!("tantivy_ascii_folding/{name}"), |b| {
            b.iter(|| {
                let got = tantivy_count(&mut tantivy, black_box(text));
                assert_eq!(got.0, count);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
