//! Concurrent searches while one writer commits, and the single-writer lock.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};

use ketluan::{Error, Index, Level, SearchRequest, SearchResults};
use time::macros::date;

use super::support::marked;

const SEARCHERS: usize = 8;
const COMMITS: usize = 10;
/// Commits 1..=ADD_ONLY only add; later ones also replace and delete.
const ADD_ONLY: usize = 5;
const PER_COMMIT: usize = 12;
/// Documents that are only ever replaced, never deleted: always exactly this
/// many carry the word `ondinh`.
const STABLE: usize = 6;

/// Index in [`requests`] of the match-all document listing.
const ALL_QUERY: usize = 0;
/// Index in [`requests`] of the search for the stable documents.
const STABLE_QUERY: usize = 2;

fn requests() -> Vec<SearchRequest> {
    vec![
        SearchRequest::new("").level(Level::Document).limit(10_000),
        SearchRequest::new("dia gioi hanh chinh").limit(50),
        SearchRequest::new("ondinh")
            .level(Level::Document)
            .limit(100),
        SearchRequest::new("\"chuyển đổi số\" -huyện").limit(20),
        SearchRequest::new("cán bộ")
            .body("Ban Thường vụ Tỉnh ủy Lạng Sơn")
            .level(Level::Document),
        SearchRequest::new("")
            .topic("công tác cán bộ")
            .date_range(Some(date!(2022 - 01 - 01)), Some(date!(2022 - 12 - 31)))
            .limit(30)
            .offset(5),
        SearchRequest::new("tờ trình")
            .reference("1-TTr/BCSD")
            .limit(10),
    ]
}

/// Checks that hold for any search result at any moment.
fn check_well_formed(request: &SearchRequest, results: &SearchResults) {
    let document_level = format!("{request:?}").contains("level: Document");
    assert!(results.total >= results.hits.len(), "{request:?}");
    let mut seen = HashSet::new();
    for hit in &results.hits {
        let id = (hit.key.clone(), hit.item);
        assert!(
            seen.insert(id),
            "{:?} listed twice in one result: {request:?}",
            hit.key
        );
        if document_level {
            assert_eq!(hit.item, None);
        }
        for range in &hit.snippet.highlights {
            assert!(
                hit.snippet.text.get(range.clone()).is_some(),
                "highlight {range:?} outside {:?}",
                hit.snippet.text
            );
        }
    }
}

#[test]
fn searches_see_consistent_snapshots_while_a_writer_commits() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let index = Index::create_in_dir(tmp.path().join("index")).expect("create");
    let mut writer = index.writer().expect("writer");
    for s in 0..STABLE {
        writer
            .add(&format!("stable-{s}"), &marked("ondinh v0"))
            .expect("add");
    }
    writer.commit().expect("first commit");

    let commits_done = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    let start = Arc::new(Barrier::new(SEARCHERS + 1));
    let mut threads = Vec::new();
    for t in 0..SEARCHERS {
        let index = index.clone();
        let commits_done = Arc::clone(&commits_done);
        let finished = Arc::clone(&finished);
        let start = Arc::clone(&start);
        threads.push(std::thread::spawn(move || {
            let requests = requests();
            let mut searches = 0usize;
            let mut last_total = 0usize;
            start.wait();
            loop {
                let done = finished.load(Ordering::SeqCst);
                for r in 0..requests.len() {
                    // Rotate so the threads do not all run the same query at once.
                    let which = (r + t) % requests.len();
                    let request = &requests[which];
                    let before = commits_done.load(Ordering::SeqCst);
                    let results = index.search(request).expect("search during commits");
                    let after = commits_done.load(Ordering::SeqCst);
                    searches += 1;
                    check_well_formed(request, &results);
                    if which == STABLE_QUERY {
                        assert_eq!(
                            results.total, STABLE,
                            "replaced documents are never doubled or lost"
                        );
                    }
                    if which == ALL_QUERY && after < ADD_ONLY {
                        assert!(
                            results.total >= last_total,
                            "thread {t}: total went back from {last_total} to {} \
                             while only adding (commits {before}..{after})",
                            results.total
                        );
                        last_total = results.total;
                    }
                }
                if done {
                    break;
                }
            }
            searches
        }));
    }

    start.wait();
    let mut live: Vec<String> = Vec::new();
    for commit in 1..=COMMITS {
        for i in 0..PER_COMMIT {
            let key = format!("doc-{commit}-{i}");
            writer
                .add(&key, &marked(&format!("m{commit}x{i}")))
                .expect("add");
            live.push(key);
        }
        if commit > ADD_ONLY {
            // Replace a stable document and an ordinary one, delete two.
            let s = commit % STABLE;
            writer
                .add(
                    &format!("stable-{s}"),
                    &marked(&format!("ondinh v{commit}")),
                )
                .expect("replace");
            writer
                .add(&live[0].clone(), &marked("thaythe"))
                .expect("replace");
            for _ in 0..2 {
                let key = live.remove(1);
                assert!(writer.delete(&key).expect("delete"), "{key} existed");
            }
        }
        writer.commit().expect("commit");
        commits_done.store(commit, Ordering::SeqCst);
    }
    finished.store(true, Ordering::SeqCst);
    let searches: Vec<usize> = threads
        .into_iter()
        .map(|t| t.join().expect("a search thread panicked"))
        .collect();
    assert!(searches.iter().all(|&n| n > 0), "{searches:?}");

    let all = index
        .search(&SearchRequest::new("").level(Level::Document).limit(10_000))
        .expect("search");
    assert_eq!(all.total, live.len() + STABLE);
    let mut keys = index.keys().expect("keys");
    let mut expected: Vec<String> = live
        .iter()
        .cloned()
        .chain((0..STABLE).map(|s| format!("stable-{s}")))
        .collect();
    keys.sort();
    expected.sort();
    assert_eq!(keys, expected);
    writer.close().expect("close");
}

#[test]
fn a_second_writer_is_refused_while_one_is_open() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("index");
    let index = Index::create_in_dir(&dir).expect("create");
    let writer = index.writer().expect("first writer");

    let err = index.writer().expect_err("second writer on the same Index");
    assert!(
        matches!(err, Error::IndexLocked { ref path } if path == &dir),
        "{err:?}"
    );
    assert!(err.to_string().contains("locked"), "{err}");

    let again = Index::open(&dir).expect("a second open for reading is fine");
    let err = again
        .writer()
        .expect_err("writer from a second Index::open");
    assert!(matches!(err, Error::IndexLocked { .. }), "{err:?}");
    // Reading through the second handle still works while the lock is held.
    assert_eq!(again.keys().expect("keys"), Vec::<String>::new());

    // A writer in another process is refused too, with the same error.
    let other = std::process::Command::new(super::crash::crash_writer())
        .arg(&dir)
        .arg("0")
        .output()
        .expect("run crash_writer");
    assert!(!other.status.success());
    let stderr = String::from_utf8_lossy(&other.stderr);
    assert!(stderr.contains("IndexLocked"), "{stderr}");

    writer.close().expect("close");
    let mut writer = again.writer().expect("the lock is released on close");
    writer.add("a", &marked("alpha")).expect("add");
    writer.commit().expect("commit");
    drop(writer);
    assert_eq!(again.keys().expect("keys"), ["a"]);
    let writer = index.writer().expect("the lock is released on drop");
    drop(writer);
}
