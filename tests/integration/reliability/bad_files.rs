//! Hostile files through `Document::from_path`: a ZIP bomb named `.docx`, a
//! truncated PDF, a `.doc` with a broken piece table, a 200 MB file, binary
//! files under text names. Each is a clear error naming the file; none panics
//! or reads without bound.

use std::path::{Path, PathBuf};

use ketluan::{Document, Error};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn error_of(path: &Path) -> String {
    let err = Document::from_path(path).expect_err("a hostile file");
    let message = err.to_string();
    assert!(
        message.contains(&*path.file_name().expect("name").to_string_lossy()),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
    message
}

#[test]
fn a_zip_bomb_named_docx_is_refused_before_it_expands() {
    let message = error_of(&fixture("bomb.docx"));
    assert!(message.contains("ZIP bomb"), "{message}");
}

#[test]
fn a_truncated_pdf_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let whole = std::fs::read(fixture("ninh-thuan.pdf")).expect("pdf");
    for (n, cut) in [10, 1000, whole.len() / 2, whole.len() - 200]
        .into_iter()
        .enumerate()
    {
        let path = tmp.path().join(format!("cut-{n}.pdf"));
        std::fs::write(&path, &whole[..cut]).expect("write");
        // Some cuts still hold the text of the first pages; none may panic.
        if let Err(e) = Document::from_path(&path) {
            assert!(e.to_string().contains("pdf"), "{e}");
        }
    }
    let path = tmp.path().join("cut.pdf");
    std::fs::write(&path, &whole[..1000]).expect("write");
    error_of(&path);
}

#[test]
fn a_doc_with_a_broken_piece_table_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let whole = std::fs::read(fixture("ninh-thuan.doc")).expect("doc");
    // The WordDocument stream starts with 0xA5EC; its FIB's lcbClx (offset 0x1A6)
    // is made enormous, so the piece table points outside the table stream.
    let fib = whole
        .windows(2)
        .position(|w| w == [0xEC, 0xA5])
        .expect("FIB");
    let mut broken = whole.clone();
    broken[fib + 0x1A6..fib + 0x1AA].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0x0F]);
    let path = tmp.path().join("broken.doc");
    std::fs::write(&path, &broken).expect("write");
    let message = error_of(&path);
    assert!(message.contains("cannot read doc"), "{message}");
    // Every truncation, too.
    for cut in (0..whole.len()).step_by(997) {
        let path = tmp.path().join("cut.doc");
        std::fs::write(&path, &whole[..cut]).expect("write");
        let _ = Document::from_path(&path);
    }
}

#[test]
fn a_200_mb_file_is_refused_without_being_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: 200 MB long, no disk or memory spent.
    file.set_len(200 * 1024 * 1024).expect("set_len");
    let message = error_of(&path);
    assert!(message.contains("larger than"), "{message}");
    assert!(matches!(
        Document::from_path(&path),
        Err(Error::InFile { source, .. }) if matches!(*source, Error::TooLarge { .. })
    ));
}

#[test]
fn binary_files_under_document_names_are_named_binary() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
        .iter()
        .copied()
        .chain((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8))
        .collect();
    for name in [
        "photo.txt",
        "photo.md",
        "photo.docx",
        "photo.doc",
        "photo.pdf",
        "photo.html",
    ] {
        let path = tmp.path().join(name);
        std::fs::write(&path, &png).expect("write");
        let message = error_of(&path);
        if name.ends_with(".txt") || name.ends_with(".md") || name.ends_with(".html") {
            assert!(message.contains("binary file, not text"), "{message}");
        } else {
            assert!(message.contains("cannot read"), "{message}");
        }
    }
}

#[test]
fn an_unsupported_extension_is_named() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("scan.jpg");
    std::fs::write(&path, b"\xFF\xD8\xFF").expect("write");
    let message = error_of(&path);
    assert!(message.contains("not a document type"), "{message}");
}
