//! Crash safety: a writer process killed with SIGKILL at random moments never
//! leaves the index unreadable, partial, or growing a pile of orphan files.
//!
//! The child is `examples/crash_writer.rs` (built by `cargo test`); see its
//! header for the batch scheme the expected key sets are computed from.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use ketluan::{Index, Level, SearchRequest};

use super::support::{Rng, marked};

/// The kill schedule's seed; `KETLUAN_CRASH_SEED=<n>` replays another one.
const SEED: u64 = 0x6b65_746c_7561_6e01;
const ROUNDS: usize = 24;
const FRESH_ROUNDS: usize = 6;
const BATCH: u64 = 4;
/// Longest wait for a line from the child before the test gives up.
const PATIENCE: Duration = Duration::from_secs(60);

pub(super) fn crash_writer() -> PathBuf {
    example("crash_writer")
}

/// The path of an example binary; `cargo test` builds the examples.
pub(super) fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    // target/<profile>/deps/<test binary> → target/<profile>/examples/<name>
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let path = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "{} is missing: run `cargo test` (which builds the examples) or \
         `cargo build --example {name}` first",
        path.display()
    );
    path
}

/// The keys the child's batches `0..=last` leave behind (`None`: no batch yet).
fn expected_keys(last: Option<u64>) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let Some(last) = last else {
        return keys;
    };
    for batch in 0..=last {
        for i in 0..BATCH {
            keys.insert(format!("doc-{batch}-{i}"));
        }
        if batch >= 2 {
            keys.remove(&format!("doc-{}-1", batch - 2));
        }
    }
    keys
}

struct Running {
    child: Child,
    lines: Receiver<String>,
    reader: std::thread::JoinHandle<()>,
}

fn spawn(dir: &Path, first_batch: u64) -> Running {
    let mut child = Command::new(crash_writer())
        .arg(dir)
        .arg(first_batch.to_string())
        .arg(BATCH.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn crash_writer");
    let stdout = child.stdout.take().expect("piped stdout");
    let (send, lines) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    Running {
        child,
        lines,
        reader,
    }
}

impl Running {
    /// Waits for the line `want`, keeping every line seen.
    fn wait_for(&mut self, want: &str, seen: &mut Vec<String>) {
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    let done = line == want;
                    seen.push(line);
                    if done {
                        return;
                    }
                }
                Err(_) => {
                    let _ = self.child.kill();
                    let output = self.child.wait_with_output_stderr();
                    panic!("crash_writer stopped before {want:?}; saw {seen:?}; stderr: {output}");
                }
            }
        }
    }

    /// SIGKILLs the child and returns every line it printed.
    fn kill(mut self, mut seen: Vec<String>) -> Vec<String> {
        // `Child::kill` sends SIGKILL on Unix; the child may already have failed.
        let _ = self.child.kill();
        let status = self.child.wait().expect("reap crash_writer");
        self.reader.join().expect("stdout reader");
        seen.extend(self.lines.try_iter());
        if status.success() {
            panic!("crash_writer finished before it was killed: {seen:?}");
        }
        // A child that failed by itself (not killed) would show in stderr.
        let stderr = self.child.wait_with_output_stderr();
        assert!(
            !stderr.contains("Error"),
            "crash_writer failed by itself: {stderr}"
        );
        seen
    }
}

trait StderrText {
    fn wait_with_output_stderr(&mut self) -> String;
}

impl StderrText for Child {
    fn wait_with_output_stderr(&mut self) -> String {
        use std::io::Read;
        let mut text = String::new();
        if let Some(mut stderr) = self.stderr.take() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    }
}

/// The highest batch announced with `word` ("committing" / "committed").
fn last_announced(lines: &[String], word: &str) -> Option<u64> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix(word)?.strip_prefix(' ')?.parse().ok())
        .max()
}

/// Files of the index directory that no committed segment uses.
fn orphans(dir: &Path) -> Vec<String> {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("meta.json")).expect("meta.json"))
            .expect("meta.json is JSON");
    let segments: Vec<String> = meta["segments"]
        .as_array()
        .expect("segments list")
        .iter()
        .map(|s| {
            s["segment_id"]
                .as_str()
                .expect("segment id")
                .replace('-', "")
        })
        .collect();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list index dir") {
        let name = entry.expect("dir entry").file_name();
        let name = name.to_string_lossy().into_owned();
        let known = matches!(
            name.as_str(),
            "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
        ) || segments.iter().any(|s| name.starts_with(s.as_str()));
        if !known {
            out.push(name);
        }
    }
    out
}

fn file_count(dir: &Path) -> usize {
    std::fs::read_dir(dir).expect("list index dir").count()
}

/// Everything a reopened index must do after a crash.
fn check_reopened(dir: &Path, expected: &BTreeSet<String>, last_batch: Option<u64>) {
    let index = Index::open(dir).expect("the index opens after a crash, without repair");
    let keys: BTreeSet<String> = index.keys().expect("keys").into_iter().collect();
    assert_eq!(&keys, expected, "keys after a crash");
    assert_eq!(
        index.num_documents().expect("count"),
        expected.len() as u64,
        "document count after a crash"
    );
    let Some(batch) = last_batch else { return };
    // The newest document is found by its own word, and only it.
    let results = index
        .search(&SearchRequest::new(format!("lo{batch}x2")).level(Level::Document))
        .expect("search after a crash");
    assert_eq!(results.total, 1, "lo{batch}x2");
    assert_eq!(results.hits[0].key, format!("doc-{batch}-2"));
    // The document the last batch replaced holds its second version, whole.
    if batch >= 1 {
        let key = format!("doc-{}-0", batch - 1);
        let doc = index.get(&key).expect("get").expect("replaced doc exists");
        assert_eq!(doc.items.len(), 3, "{key} is whole");
        assert!(doc.items[0].text.contains("v2"), "{key} is the new version");
    }
}

#[test]
fn killed_writer_leaves_the_last_commit_intact() {
    crash_writer();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("index");
    Index::create_in_dir(&dir).expect("create index");
    let seed = std::env::var("KETLUAN_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED);
    eprintln!("crash test seed: {seed}");
    let mut rng = Rng::new(seed);
    let mut last_batch: Option<u64> = None;
    let mut probes: BTreeSet<String> = BTreeSet::new();
    let mut counts = Vec::new();
    let mut in_flight_kills = 0;
    let mut still_absent = 0;

    for round in 0..ROUNDS {
        let first = last_batch.map_or(0, |b| b + 1);
        let mut running = spawn(&dir, first);
        let mut seen = Vec::new();
        match rng.below(3) {
            0 => std::thread::sleep(Duration::from_millis(rng.below(400))),
            1 => {
                let target = first + rng.below(3);
                running.wait_for(&format!("committing {target}"), &mut seen);
                std::thread::sleep(Duration::from_micros(rng.below(3_000)));
            }
            _ => {
                let target = first + rng.below(3);
                running.wait_for(&format!("committed {target}"), &mut seen);
            }
        }
        let lines = running.kill(seen);

        let committed = last_announced(&lines, "committed").or(last_batch);
        let started = last_announced(&lines, "committing");
        let in_flight = started.filter(|&s| Some(s) > committed);
        let without: BTreeSet<String> = expected_keys(committed).union(&probes).cloned().collect();
        let index = Index::open(&dir).expect("the index opens after a crash, without repair");
        let keys: BTreeSet<String> = index.keys().expect("keys").into_iter().collect();
        drop(index);
        last_batch = if keys == without {
            committed
        } else {
            let with: BTreeSet<String> = expected_keys(in_flight).union(&probes).cloned().collect();
            assert!(
                in_flight.is_some() && keys == with,
                "round {round}: keys are neither the last commit nor the one in flight \
                 (committed {committed:?}, in flight {in_flight:?})\n\
                 missing: {:?}\nextra: {:?}",
                without.difference(&keys).collect::<Vec<_>>(),
                keys.difference(&without).collect::<Vec<_>>(),
            );
            in_flight_kills += 1;
            in_flight
        };
        if in_flight.is_some() && last_batch == committed {
            still_absent += 1;
        }
        let expected: BTreeSet<String> =
            expected_keys(last_batch).union(&probes).cloned().collect();
        check_reopened(&dir, &expected, last_batch);

        // New writes are accepted, and the commit clears what the crash left.
        let index = Index::open(&dir).expect("reopen");
        let mut writer = index.writer().expect("a writer after a crash");
        let probe = format!("probe-{round}");
        writer
            .add(&probe, &marked(&format!("probe{round}")))
            .expect("add");
        writer.commit().expect("commit after a crash");
        writer.close().expect("close");
        probes.insert(probe);
        assert_eq!(
            index.num_documents().expect("count") as usize,
            expected.len() + 1
        );
        let found = index
            .search(&SearchRequest::new(format!("probe{round}")).level(Level::Document))
            .expect("search");
        assert_eq!(found.total, 1);
        drop(index);
        let orphaned = orphans(&dir);
        assert!(
            orphaned.is_empty(),
            "round {round}: files left over after the next commit: {orphaned:?}"
        );
        counts.push(file_count(&dir));
    }
    assert!(
        last_batch.is_some_and(|b| b >= ROUNDS as u64 / 2),
        "the child got through too few batches ({last_batch:?}) for the kills to mean much"
    );
    eprintln!(
        "crash test: {ROUNDS} kills, last batch {last_batch:?}, {in_flight_kills} commits \
         found complete though killed in flight, {still_absent} absent, files per round {counts:?}"
    );
    let max = counts.iter().copied().max().unwrap_or(0);
    assert!(
        max <= 80,
        "files in the index dir across rounds: {counts:?} (in-flight kills: {in_flight_kills})"
    );
}

/// A writer killed while it creates the index must not leave a directory that
/// neither opens nor can be created again.
#[test]
fn writer_killed_while_creating_the_index_leaves_it_usable() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng::new(SEED ^ 0xf00d);
    for round in 0..FRESH_ROUNDS {
        let dir = tmp.path().join(format!("fresh-{round}"));
        let running = spawn(&dir, 0);
        std::thread::sleep(Duration::from_millis(rng.below(60)));
        let lines = running.kill(Vec::new());
        let committed = last_announced(&lines, "committed");
        let index = Index::open_or_create(&dir)
            .unwrap_or_else(|e| panic!("round {round}: after a kill during creation: {e}"));
        let keys: BTreeSet<String> = index.keys().expect("keys").into_iter().collect();
        assert!(
            keys == expected_keys(committed)
                || keys == expected_keys(committed.map_or(Some(0), |c| Some(c + 1))),
            "round {round}: {keys:?}"
        );
        let mut writer = index.writer().expect("writer");
        writer.add("probe", &marked("probe")).expect("add");
        writer.commit().expect("commit");
        writer.close().expect("close");
        assert!(index.keys().expect("keys").contains(&"probe".to_string()));
    }
}

/// Regression: the state a kill inside `create_in_dir` leaves (tantivy's first
/// metadata written, ketluan's version not yet committed) opened as
/// "not a ketluan index" forever, and `open_or_create` could not recover.
#[test]
fn index_created_without_its_version_commit_opens_empty() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("index");
    Index::create_in_dir(&dir).expect("create");
    let meta_path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).expect("read meta")).expect("json");
    meta.as_object_mut().expect("object").remove("payload");
    std::fs::write(&meta_path, serde_json::to_vec(&meta).expect("json")).expect("write meta");

    let index = Index::open(&dir).expect("an empty index without version opens");
    assert!(index.keys().expect("keys").is_empty());
    let mut writer = index.writer().expect("writer");
    writer.add("a", &marked("alpha")).expect("add");
    writer.commit().expect("commit");
    writer.close().expect("close");
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).expect("read meta")).expect("json");
    assert!(
        meta["payload"]
            .as_str()
            .is_some_and(|p| p.contains("ketluan_schema")),
        "the next commit records the version: {meta}"
    );
    assert_eq!(
        Index::open(&dir).expect("reopen").keys().expect("keys"),
        ["a"]
    );

    // With documents in it, an index without a version is not one of ours.
    let mut meta = meta;
    meta.as_object_mut().expect("object").remove("payload");
    std::fs::write(&meta_path, serde_json::to_vec(&meta).expect("json")).expect("write meta");
    assert!(matches!(
        Index::open(&dir),
        Err(ketluan::Error::NotAnIndex { .. })
    ));
}

/// Regression: a writer killed inside tantivy's atomic metadata write leaves
/// `.tmpXXXXXX` behind, which tantivy never removes; the next writer does.
#[test]
fn next_writer_removes_interrupted_metadata_writes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("index");
    let index = Index::create_in_dir(&dir).expect("create");
    std::fs::write(dir.join(".tmpAb12Cd"), b"{\"half\": ").expect("leftover");
    std::fs::write(dir.join("notes.tmp"), b"mine").expect("a file of the user's");
    let writer = index.writer().expect("writer");
    assert!(!dir.join(".tmpAb12Cd").exists());
    assert!(dir.join("notes.tmp").exists(), "other files are left alone");
    writer.close().expect("close");
}
