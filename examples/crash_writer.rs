//! A writer that the crash-safety test kills with SIGKILL at random moments.
//!
//! ```text
//! cargo run --example crash_writer -- <index-dir> <first-batch> [batch-size] [last-batch]
//! ```
//!
//! It opens (or creates) the index in `<index-dir>`, then for each batch `b`
//! from `<first-batch>` on: adds the documents `doc-<b>-0` … `doc-<b>-<n-1>`,
//! replaces `doc-<b-1>-0` with a new version, deletes `doc-<b-2>-1`, and
//! commits. Around each commit it prints `committing <b>` and `committed <b>`
//! on their own lines, flushing each, so that a parent knows which commits
//! had returned when it killed the process. The key set after batch `b` is
//! therefore a pure function of `b` and the batch size, which the test
//! recomputes.
//!
//! Every document `doc-<b>-<i>` carries the word `lo<b>x<i>` in its text, so
//! a search for that word must find exactly that document.

use std::io::Write;

use ketluan::{AgendaItem, Document, Index, Reference, WriterOptions};
use time::macros::date;

// # Step 1: a document made in code, different for every key and version
fn generated(batch: u64, i: u64, version: u32) -> Document {
    let item = |number: u32, topic: &str, text: String| AgendaItem {
        number,
        heading: format!("{number}. Tờ trình về việc {topic}"),
        reference: Some(Reference {
            kind: "Tờ trình".into(),
            number: Some(format!("{batch}-TTr/BCSĐ")),
            date: Some(date!(2022 - 02 - 26)),
            body: Some("Ban cán sự đảng Ủy ban nhân dân tỉnh".into()),
        }),
        topic: topic.into(),
        text,
        assignments: Vec::new(),
        deadlines: Vec::new(),
    };
    Document {
        kind: Some("KẾT LUẬN".into()),
        number: Some(format!("{batch}-KL/TU")),
        issuing_body: Some("Ban Thường vụ Tỉnh ủy".into()),
        place: Some("Lạng Sơn".into()),
        session: Some(u32::try_from(batch % 1000).unwrap_or(0)),
        date: Some(date!(2022 - 03 - 04)),
        title: None,
        subject: None,
        issued_date: None,
        preamble: "Ban Thường vụ Tỉnh ủy đã tiến hành kỳ họp.".into(),
        items: vec![
            item(
                1,
                "điều chỉnh địa giới hành chính thành phố Lạng Sơn",
                format!(
                    "Ban Thường vụ Tỉnh ủy đồng ý chủ trương, mã lo{batch}x{i}, phiên bản v{version}."
                ),
            ),
            item(
                2,
                "chuyển đổi số trong cơ quan đảng",
                "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo thực hiện.".into(),
            ),
            item(
                3,
                "công tác cán bộ",
                "Thống nhất như đề nghị của Ban Tổ chức Tỉnh ủy.".into(),
            ),
        ],
        closing: String::new(),
        recipients: vec!["Như trên".into()],
        signer: None,
        warnings: Vec::new(),
        source: None,
    }
}

// # Step 2: batches, each one commit, announced on stdout
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: crash_writer <index-dir> <first-batch> [batch-size] [last-batch]";
    let dir = args.next().ok_or(usage)?;
    let first: u64 = args.next().ok_or(usage)?.parse()?;
    let size: u64 = args.next().map_or(Ok(5), |s| s.parse())?;
    let last: u64 = args.next().map_or(Ok(first + 1_000), |s| s.parse())?;

    let index = Index::open_or_create(&dir)?;
    let mut writer = index.writer_with(WriterOptions {
        memory_budget: 20 << 20,
        threads: 1,
    })?;
    let stdout = std::io::stdout();
    for batch in first..=last {
        for i in 0..size {
            writer.add(&format!("doc-{batch}-{i}"), &generated(batch, i, 1))?;
        }
        if batch >= 1 {
            writer.add(&format!("doc-{}-0", batch - 1), &generated(batch - 1, 0, 2))?;
        }
        if batch >= 2 {
            writer.delete(&format!("doc-{}-1", batch - 2))?;
        }
        let mut out = stdout.lock();
        writeln!(out, "committing {batch}")?;
        out.flush()?;
        writer.commit()?;
        writeln!(out, "committed {batch}")?;
        out.flush()?;
    }
    writer.close()?;
    Ok(())
}
