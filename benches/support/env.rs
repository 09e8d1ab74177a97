//! The benches' settings from the environment.

use std::path::PathBuf;

/// A number from environment variable `name` (`_` allowed as a digit
/// separator), or `default` when it is not set.
///
/// # Errors
/// A value that is not a number, with the variable's name.
pub fn number(name: &str, default: usize) -> Result<usize, String> {
    match std::env::var(name) {
        Ok(v) => Ok(v
            .trim()
            .replace('_', "")
            .parse()
            .map_err(|e| format!("{name}={v:?}: {e}"))?),
        Err(_) => Ok(default),
    }
}

/// The bench directory: `KETLUAN_BENCH_DIR`, created if needed, or a
/// temporary directory removed when the returned guard drops.
///
/// # Errors
/// Any I/O error.
pub fn bench_dir() -> std::io::Result<(PathBuf, Option<tempfile::TempDir>)> {
    let (dir, temp) = match std::env::var_os("KETLUAN_BENCH_DIR") {
        Some(dir) => (PathBuf::from(dir), None),
        None => {
            let temp = tempfile::tempdir()?;
            (temp.path().to_path_buf(), Some(temp))
        }
    };
    std::fs::create_dir_all(&dir)?;
    Ok((dir, temp))
}
