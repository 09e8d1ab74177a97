//! The sample documents bundled into the binary, so that every command works on
//! a fresh machine without an index.

use ketluan::{Document, Error, Index, Result};

/// (key, text) of each bundled sample; the key is the file's path in the repository.
const SAMPLES: [(&str, &str); 6] = [
    (
        "tests/fixtures/samples/con-dao-2022-08-05-ky21.txt",
        include_str!("../../tests/fixtures/samples/con-dao-2022-08-05-ky21.txt"),
    ),
    (
        "tests/fixtures/samples/hai-phong-2024-10-18-ky118.txt",
        include_str!("../../tests/fixtures/samples/hai-phong-2024-10-18-ky118.txt"),
    ),
    (
        "tests/fixtures/samples/hoa-binh-2019-04-19.txt",
        include_str!("../../tests/fixtures/samples/hoa-binh-2019-04-19.txt"),
    ),
    (
        "tests/fixtures/samples/lang-son-2022-03-04-ky17.txt",
        include_str!("../../tests/fixtures/samples/lang-son-2022-03-04-ky17.txt"),
    ),
    (
        "tests/fixtures/samples/ninh-thuan-2020-06-12-ky52.txt",
        include_str!("../../tests/fixtures/samples/ninh-thuan-2020-06-12-ky52.txt"),
    ),
    (
        "tests/fixtures/samples/yen-bai-2025-01-10.txt",
        include_str!("../../tests/fixtures/samples/yen-bai-2025-01-10.txt"),
    ),
];

/// The samples, parsed and indexed in RAM.
pub fn index() -> Result<Index> {
    let index = Index::create_in_ram()?;
    let mut writer = index.writer()?;
    for (key, text) in SAMPLES {
        let document = Document::parse(text).map_err(|e| Error::in_file(e, key))?;
        writer.add(key, &document)?;
    }
    writer.commit()?;
    Ok(index)
}
