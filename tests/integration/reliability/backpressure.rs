//! A writer fed faster than it indexes holds the caller back instead of
//! queueing without bound, and loses nothing doing so.

use ketluan::{Document, Index, SearchRequest, WriterOptions};

use crate::generator::Generator;

#[test]
fn a_small_budget_slows_the_caller_but_every_document_lands() {
    let generator = Generator::new(7);
    let docs: Vec<(String, Document)> = (0..400)
        .map(|i| {
            let generated = generator.document(i);
            let doc = Document::parse(&generated.text).expect("generated documents parse");
            (generated.file_name, doc)
        })
        .collect();
    let items: usize = docs.iter().map(|(_, d)| d.items.len().max(1)).sum();

    let dir = tempfile::tempdir().expect("temp dir");
    let index = Index::create_in_dir(dir.path()).expect("create");
    // 2 MB: half a megabyte for waiting records, far less than 400 documents
    // (about 4 MB of text), so `add` must wait for the indexing threads many
    // times over.
    let mut writer = index
        .writer_with(WriterOptions {
            memory_budget: 2 << 20,
            threads: 2,
        })
        .expect("writer");
    for (key, doc) in &docs {
        writer.add(key, doc).expect("add");
    }
    writer.commit().expect("commit");
    writer.close().expect("close");

    let stats = index.stats().expect("stats");
    assert_eq!(stats.documents, docs.len() as u64);
    assert_eq!(stats.items, items as u64);
    let mut keys = index.keys().expect("keys");
    keys.sort();
    let mut expected: Vec<String> = docs.iter().map(|(k, _)| k.clone()).collect();
    expected.sort();
    assert_eq!(keys, expected);
    let all = index
        .search(&SearchRequest::new("").limit(0))
        .expect("search");
    assert_eq!(all.total, items);
}
