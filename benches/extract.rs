//! Extraction speed per format and encoding, in MB/s of input file, with
//! `lopdf`'s own text extraction measured beside `pdf-extract` (the one used).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ketluan::extract::{Encoding, encode, extract};

fn fixture(dir: &str, name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bench(c: &mut Criterion) {
    let lang_son = fixture("samples", "lang-son-2022-03-04-ky17.txt");
    let lang_son_text = String::from_utf8(lang_son.clone()).expect("UTF-8 sample");
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("utf-8", "lang-son", lang_son.clone(), "x.txt"),
        (
            "tcvn3",
            "lang-son",
            encode(&lang_son_text, Encoding::Tcvn3).expect("tcvn3"),
            "x.txt",
        ),
        (
            "vni",
            "lang-son",
            encode(&lang_son_text, Encoding::Vni).expect("vni"),
            "x.txt",
        ),
        (
            "windows-1258",
            "lang-son",
            encode(&lang_son_text, Encoding::Windows1258).expect("1258"),
            "x.txt",
        ),
        (
            "docx",
            "ninh-thuan",
            fixture("formats", "ninh-thuan.docx"),
            "x.docx",
        ),
        (
            "docx-vntime",
            "ninh-thuan",
            fixture("formats", "ninh-thuan.vntime.docx"),
            "x.docx",
        ),
        (
            "doc",
            "ninh-thuan",
            fixture("formats", "ninh-thuan.doc"),
            "x.doc",
        ),
        (
            "pdf",
            "ninh-thuan",
            fixture("formats", "ninh-thuan.pdf"),
            "x.pdf",
        ),
        (
            "html",
            "hoa-binh",
            fixture("formats", "hoa-binh.html"),
            "x.html",
        ),
    ];
    for (format, sample, bytes, name) in &cases {
        // Every case must yield the document's words, so no case measures a no-op.
        let text = extract(bytes, name).expect("extracts").text;
        assert!(
            text.contains("Ban Thường vụ") || text.contains("Thường trực"),
            "{format}"
        );
        let mut group = c.benchmark_group(format!("extract/{format}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*sample, |b| {
            b.iter(|| extract(black_box(bytes), name).map(|e| e.text.len()))
        });
        group.finish();
    }

    // The peer: lopdf's own extract_text on the same PDF.
    let pdf = fixture("formats", "ninh-thuan.pdf");
    let lopdf_text = |bytes: &[u8]| -> String {
        let doc = lopdf::Document::load_mem(bytes).expect("lopdf loads");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).unwrap_or_default()
    };
    let peer = lopdf_text(&pdf);
    eprintln!(
        "lopdf extract_text: {} chars, has \"Ban Thường vụ\": {}; pdf-extract: has it: {}",
        peer.chars().count(),
        peer.contains("Ban Thường vụ"),
        extract(&pdf, "x.pdf")
            .expect("pdf")
            .text
            .contains("Ban Thường vụ"),
    );
    let mut group = c.benchmark_group("extract/pdf-lopdf");
    group.throughput(Throughput::Bytes(pdf.len() as u64));
    group.bench_function("ninh-thuan", |b| {
        b.iter(|| lopdf_text(black_box(&pdf)).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
