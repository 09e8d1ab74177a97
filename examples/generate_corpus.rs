//! Writes a folder of generated conclusion documents, for measuring `ketluan
//! index` end to end: `cargo run --release --example generate_corpus -- DIR N [SEED]`.

#[path = "../benches/support/generator.rs"]
mod generator;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next()) else {
        return Err("usage: generate_corpus DIR N [SEED]".into());
    };
    let n: u64 = n.parse()?;
    let seed: u64 = args.next().map_or(Ok(42), |s| s.parse())?;
    let summary = generator::Generator::new(seed).write_corpus(std::path::Path::new(&dir), n)?;
    println!(
        "{} documents, {:.1} MB in {dir}",
        summary.documents,
        summary.bytes as f64 / 1e6
    );
    Ok(())
}
