//! Prints the text ketluan extracts from a file, and where it came from.
//!
//! ```text
//! cargo run --example extract_text -- tests/fixtures/formats/ninh-thuan.pdf
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_text FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match ketluan::extract::extract(&bytes, &path) {
        Ok(extracted) => {
            eprintln!(
                "{path}: {} in {}",
                extracted.source.format, extracted.source.encoding
            );
            print!("{}", extracted.text);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
