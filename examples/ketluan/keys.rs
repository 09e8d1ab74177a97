//! The key a file is indexed under, so that one file is one document however
//! its path was spelt on the command line.
//!
//! The rule: the file's real path (symbolic links, `.` and `..` resolved),
//! relative to the working directory when the file is under it, otherwise
//! absolute; components joined with `/`. `docs/a.txt`, `./docs/a.txt`,
//! `docs//a.txt`, `docs/x/../a.txt` and `$PWD/docs/a.txt` are all
//! `docs/a.txt`.

use std::path::{Component, Path, PathBuf};

/// The key of the file at `path` (see the module docs). A path that cannot
/// be resolved (it does not exist) is only cleaned up lexically.
pub fn key_for(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| lexical(path));
    let cwd_real = cwd
        .as_deref()
        .map(|c| std::fs::canonicalize(c).unwrap_or_else(|_| c.into()));
    let shown = match cwd_real.as_deref().and_then(|c| real.strip_prefix(c).ok()) {
        Some(relative) if !relative.as_os_str().is_empty() => relative.to_path_buf(),
        _ => real,
    };
    slashed(&shown)
}

/// `.` and `..` resolved without looking at the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::RootDir => out.push('/'),
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    out
}
