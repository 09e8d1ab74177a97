//! Parses (and optionally indexes) one file and reports the process's peak
//! memory, for the bad-input test of very large files.
//!
//! ```text
//! cargo run --release --example peak_memory -- <file> [index-dir]
//! ```
//!
//! Prints `input=<bytes> items=<n> peak_before_kb=<kB> peak_parsed_kb=<kB>
//! peak_after_kb=<kB>`: the peak at start, after parsing and after indexing
//! (the same as after parsing without `index-dir`), read from `VmHWM` in
//! `/proc/self/status` (Linux; 0 elsewhere).

use ketluan::{Document, Index};

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args.next().ok_or("usage: peak_memory <file> [index-dir]")?;
    let before = peak_kb();
    let input = std::fs::metadata(&file)?.len();
    let doc = Document::from_file(&file)?;
    let parsed = peak_kb();
    if let Some(dir) = args.next() {
        let index = Index::create_in_dir(dir)?;
        let mut writer = index.writer()?;
        writer.add(&file, &doc)?;
        writer.commit()?;
        writer.close()?;
    }
    println!(
        "input={input} items={} peak_before_kb={before} peak_parsed_kb={parsed} peak_after_kb={}",
        doc.items.len(),
        peak_kb()
    );
    Ok(())
}
