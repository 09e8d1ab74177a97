//! The bench corpus: generated once into a directory, then parsed into
//! [`Document`]s that every system indexes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ketluan::{AgendaItem, Document, Reference};
use unicode_normalization::UnicodeNormalization;

use super::generator::Generator;

/// The seed of the bench corpus; change it and every figure changes.
pub const SEED: u64 = 2024;

/// The generated files.
pub struct Corpus {
    /// The files, in index order.
    pub files: Vec<PathBuf>,
    /// Their total size in bytes.
    pub bytes: u64,
    /// Time spent generating (zero when an earlier run's files were reused).
    pub generation: Duration,
}

/// Generates `n` documents into `dir`, or reuses them when a marker says this
/// seed and count were written there before.
///
/// # Errors
/// Any I/O error.
pub fn prepare(dir: &Path, n: u64) -> std::io::Result<Corpus> {
    let marker = dir.join(".generated");
    let stamp = format!("seed={SEED} documents={n}\n");
    let start = Instant::now();
    let reuse = std::fs::read_to_string(&marker).is_ok_and(|s| s == stamp);
    if !reuse {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        Generator::new(SEED).write_corpus(dir, n)?;
        std::fs::write(&marker, &stamp)?;
    }
    let generation = if reuse {
        Duration::ZERO
    } else {
        start.elapsed()
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    Ok(Corpus {
        files,
        bytes,
        generation,
    })
}

/// Parsed documents, keyed by file name.
pub struct Parsed {
    /// (key, document) for every document that parsed.
    pub docs: Vec<(String, Document)>,
    /// Files that did not parse (skipped).
    pub failed: usize,
    /// Total agenda items.
    pub items: usize,
    /// Bytes of the files that parsed.
    pub bytes: u64,
    /// Time spent reading and parsing.
    pub time: Duration,
    /// True when `Document::parse` failed on every file and the temporary
    /// splitter stood in for it.
    pub used_temporary_splitter: bool,
}

/// Reads and parses every file with [`Document::parse`]; files that fail are
/// counted and skipped.
///
/// # Errors
/// Any I/O error reading a file.
pub fn parse(corpus: &Corpus) -> std::io::Result<Parsed> {
    let start = Instant::now();
    let texts: Vec<(String, String)> = corpus
        .files
        .iter()
        .map(|f| {
            let key = f
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            std::fs::read_to_string(f).map(|t| (key, t))
        })
        .collect::<std::io::Result<_>>()?;
    let mut parsed = run(&texts, |t| Document::parse(t).ok());
    if parsed.docs.is_empty() && !texts.is_empty() {
        parsed = run(&texts, temporary_split);
        parsed.used_temporary_splitter = true;
    }
    parsed.time = start.elapsed();
    Ok(parsed)
}

fn run(texts: &[(String, String)], parse: impl Fn(&str) -> Option<Document>) -> Parsed {
    let mut out = Parsed {
        docs: Vec::with_capacity(texts.len()),
        failed: 0,
        items: 0,
        bytes: 0,
        time: Duration::ZERO,
        used_temporary_splitter: false,
    };
    for (key, text) in texts {
        match parse(text) {
            Some(doc) => {
                out.items += doc.items.len();
                out.bytes += text.len() as u64;
                out.docs.push((key.clone(), doc));
            }
            None => out.failed += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// TEMPORARY: an ad-hoc splitter that stands in for `Document::parse` until the
// parser is merged into main. It knows only the generator's layouts. Remove it
// (and `used_temporary_splitter`) once `Document::parse` parses the corpus.
// ---------------------------------------------------------------------------

/// TEMPORARY stand-in for [`Document::parse`] on generated documents.
pub fn temporary_split(raw: &str) -> Option<Document> {
    let text: String = raw
        .nfc()
        .collect::<String>()
        .replace("\r\n", "\n")
        .replace("**", "")
        .replace("uỷ", "ủy")
        .replace("Uỷ", "Ủy")
        .replace("UỶ", "ỦY");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let kind = if text.contains("THÔNG BÁO KẾT LUẬN") {
        "THÔNG BÁO KẾT LUẬN"
    } else {
        "KẾT LUẬN"
    };
    let opening = *lines.iter().find(|l| l.starts_with("Ngày "))?;
    let date = opening_date(opening)?;
    let (issuing_body, place) = opening_body(opening)?;
    let place = place.or_else(|| {
        let line = lines
            .iter()
            .find(|l| !l.starts_with("Ngày ") && l.contains(", ngày "))?;
        let before = line.split(", ngày ").next()?;
        let name = before
            .rsplit("  ")
            .next()?
            .trim()
            .trim_start_matches('*')
            .trim();
        (!name.is_empty()).then(|| name.to_string())
    });
    let session = lines
        .iter()
        .take_while(|l| !l.starts_with("Ngày "))
        .find_map(|l| {
            let at = l.find("thứ ")?;
            l[at + "thứ ".len()..]
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        });
    let mut items: Vec<AgendaItem> = Vec::new();
    let start = lines.iter().position(|l| l.starts_with("Ngày "))? + 1;
    for line in &lines[start..] {
        if line.starts_with("Nơi nhận") || line.starts_with("T/M ") || line.starts_with("T/L ") {
            break;
        }
        if line.is_empty() || line.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let number = line
            .split_once(". ")
            .and_then(|(n, _)| n.parse::<u32>().ok())
            .filter(|n| *n as usize == items.len() + 1);
        match (number, items.last_mut()) {
            (Some(n), _) => {
                let heading = line.split_once(". ").map_or("", |(_, h)| h).to_string();
                items.push(item(n, heading));
            }
            (None, Some(last)) => {
                if !last.text.is_empty() {
                    last.text.push('\n');
                }
                last.text.push_str(line);
            }
            (None, None) => {}
        }
    }
    if items.is_empty() {
        return None;
    }
    Some(Document {
        kind: kind.to_string(),
        number: None,
        issuing_body,
        place,
        session,
        date,
        issued_date: None,
        preamble: String::new(),
        items,
        closing: String::new(),
        recipients: Vec::new(),
        signer: None,
        warnings: Vec::new(),
    })
}

fn item(number: u32, heading: String) -> AgendaItem {
    let reference = ["Tờ trình", "Báo cáo", "Đề án", "Kế hoạch", "Công văn"]
        .iter()
        .find(|k| heading.starts_with(&format!("{k} số ")))
        .map(|kind| {
            let rest = &heading[kind.len() + " số ".len()..];
            let number = rest.split(',').next().map(str::to_string);
            let body = rest.split_once(" của ").map(|(_, b)| {
                let end = [" về ", " xin "]
                    .iter()
                    .filter_map(|m| b.find(m))
                    .min()
                    .unwrap_or(b.len());
                b[..end].to_string()
            });
            Reference {
                kind: kind.to_string(),
                number,
                date: None,
                body,
            }
        });
    let topic = match &reference {
        Some(r) => {
            let after_body = r
                .body
                .as_deref()
                .and_then(|b| heading.find(b).map(|at| &heading[at + b.len()..]))
                .unwrap_or(&heading)
                .trim();
            after_body
                .strip_prefix("về việc ")
                .or_else(|| after_body.strip_prefix("về "))
                .unwrap_or(after_body)
                .to_string()
        }
        None => heading.clone(),
    };
    AgendaItem {
        number,
        heading,
        reference,
        topic,
        text: String::new(),
        assignments: Vec::new(),
        deadlines: Vec::new(),
    }
}

fn opening_date(opening: &str) -> Option<time::Date> {
    let rest = opening.strip_prefix("Ngày ")?;
    let head = rest.split(',').next()?;
    let nums: Vec<u32> = head
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let [d, m, y] = nums[..] else { return None };
    let month = time::Month::try_from(u8::try_from(m).ok()?).ok()?;
    time::Date::from_calendar_date(i32::try_from(y).ok()?, month, u8::try_from(d).ok()?).ok()
}

fn opening_body(opening: &str) -> Option<(String, Option<String>)> {
    let (_, rest) = opening.split_once(", ")?;
    let committees = [
        "Tỉnh ủy",
        "Thành ủy",
        "Huyện ủy",
        "Thị ủy",
        "Quận ủy",
        "Đảng ủy Khối",
    ];
    let end = committees
        .iter()
        .filter_map(|c| rest.find(c).map(|at| at + c.len()))
        .min()?;
    let body = rest[..end].to_string();
    let after = rest[end..].trim_start();
    let verbs = ["đã tiến hành", "tổ chức", "họp"];
    let place_end = verbs.iter().filter_map(|v| after.find(v)).min()?;
    let place = after[..place_end].trim().trim_end_matches(',');
    let place = (!place.is_empty()).then(|| place.to_string());
    Some((body, place))
}

/// The names of bodies an item involves, one per line, for the peers' `bodies`
/// column: the issuing body and place, the submitting body, the assignees.
pub fn bodies(doc: &Document, item: &AgendaItem) -> String {
    let mut out = doc.issuing_body.clone();
    if let Some(place) = &doc.place {
        out.push(' ');
        out.push_str(place);
    }
    if let Some(body) = item.reference.as_ref().and_then(|r| r.body.as_ref()) {
        out.push('\n');
        out.push_str(body);
    }
    for a in &item.assignments {
        out.push('\n');
        out.push_str(&a.assignee);
    }
    out
}
