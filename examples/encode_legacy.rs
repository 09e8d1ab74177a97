//! Writes a UTF-8 text file in a legacy Vietnamese encoding, with ketluan's own
//! encoder tables: how the legacy fixtures in `tests/fixtures/formats/` were made.
//!
//! ```text
//! cargo run --example encode_legacy -- tcvn3 in.txt out.txt
//! ```
//!
//! Encodings: `tcvn3`, `vni`, `windows-1258`, `utf-16le`, `utf-16be`.

use std::process::ExitCode;

use ketluan::extract::{Encoding, encode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [encoding, input, output] = args.as_slice() else {
        eprintln!("usage: encode_legacy ENCODING IN OUT");
        return ExitCode::from(2);
    };
    let encoding = match encoding.as_str() {
        "tcvn3" => Encoding::Tcvn3,
        "vni" => Encoding::Vni,
        "windows-1258" => Encoding::Windows1258,
        "utf-16le" => Encoding::Utf16Le,
        "utf-16be" => Encoding::Utf16Be,
        other => {
            eprintln!("error: unknown encoding {other:?}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(bytes) = encode(&text, encoding) else {
        eprintln!("error: {input}: a character has no code in {encoding}");
        return ExitCode::FAILURE;
    };
    if let Err(e) = std::fs::write(output, bytes) {
        eprintln!("error: {output}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
