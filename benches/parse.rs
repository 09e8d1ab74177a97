//! Parsing speed and memory over the six sample documents and over 300
//! generated ones (`support/generator.rs`, closer to the archive's mix of
//! layouts and quirks than the samples).
//!
//! Before the timings, each group prints the peak heap a single
//! `Document::parse` holds (its result included) as a multiple of the input's
//! size: the largest over the documents, and the sum of the peaks over the sum
//! of the inputs. A counting allocator measures it; it counts only while a
//! measurement runs, so the timings pay one relaxed load per allocation.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ketluan::Document;

#[path = "support/generator.rs"]
mod generator;

/// The system allocator, counting live and peak bytes while `COUNTING` is set.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(bytes(layout.size()), Ordering::Relaxed);
        }
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's pointer, layout and size.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(bytes(layout.size()), Ordering::Relaxed);
            grow(new_size);
        }
        p
    }
}

fn bytes(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

fn grow(size: usize) {
    let live = LIVE.fetch_add(bytes(size), Ordering::Relaxed) + bytes(size);
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap bytes held during `Document::parse(text)`, the result included,
/// and the heap bytes of the result alone.
/// Counted from zero: a buffer allocated before and freed inside would take
/// `LIVE` below zero, which is why the counters are signed.
fn peak_heap(text: &str) -> (usize, usize) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let doc = Document::parse(text);
    let peak = PEAK.load(Ordering::Relaxed);
    let kept = LIVE.load(Ordering::Relaxed);
    COUNTING.store(false, Ordering::Relaxed);
    drop(black_box(doc));
    (
        usize::try_from(peak).unwrap_or(0),
        usize::try_from(kept).unwrap_or(0),
    )
}

fn report_memory(name: &str, texts: &[String]) {
    let (mut worst, mut peaks, mut results, mut bytes) = (0.0f64, 0, 0, 0);
    for t in texts {
        let (peak, kept) = peak_heap(t);
        worst = worst.max(peak as f64 / t.len() as f64);
        peaks += peak;
        results += kept;
        bytes += t.len();
    }
    println!(
        "parse/{name}: peak heap per document ÷ input size: max {worst:.2}, overall {:.2}; \
         the result alone {:.2} ({} documents, {bytes} bytes)",
        peaks as f64 / bytes as f64,
        results as f64 / bytes as f64,
        texts.len()
    );
}

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

/// The first 300 documents of the seed the output fingerprint test uses.
fn generated() -> Vec<String> {
    let generator = generator::Generator::new(2024);
    (0..300).map(|i| generator.document(i).text).collect()
}

fn items(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| Document::parse(t).map_or(0, |d| d.items.len()))
        .sum()
}

fn parse(c: &mut Criterion) {
    let samples = samples();
    let generated = generated();
    // The six samples hold 38 items, the generated documents at least one
    // each; a parser that does nothing cannot pass.
    assert_eq!(items(&samples), 38);
    assert!(items(&generated) >= 300);
    report_memory("samples", &samples);
    report_memory("generated", &generated);
    let mut group = c.benchmark_group("parse");
    for (name, texts) in [("samples", &samples), ("generated", &generated)] {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| b.iter(|| items(black_box(texts))));
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
