//! `.docx` (Office Open XML): the text of `word/document.xml`.
//!
//! Crates: `zip` (the de-facto Rust ZIP reader; only its `deflate` codec is
//! enabled, which is what Word writes) and `quick-xml` (a fast, maintained
//! streaming XML reader that needs no DOM). Paragraphs come in document order,
//! separated by blank lines; a table is laid out like text: one line per row
//! and per paragraph inside its cells, cells joined by TAB. Headers and footers
//! live in other parts and are left out. A run whose font is a legacy
//! Vietnamese font has its characters re-read in that font's encoding.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Encoding, MAX_FILE_BYTES, detect, tcvn3, vni, windows1258};
use crate::{Error, Result};

fn fail(reason: impl Into<String>) -> Error {
    Error::Extract {
        format: "docx".into(),
        reason: reason.into(),
    }
}

pub(super) fn extract(bytes: &[u8]) -> Result<(String, Encoding)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("not a ZIP archive: {e}")))?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| fail("no word/document.xml in the archive (not a Word document)"))?;
    let styles = match part(&mut archive, "word/styles.xml")? {
        Some(xml) => read_styles(&xml),
        None => Styles::default(),
    };
    let mut text = Text {
        styles,
        ..Text::default()
    };
    text.read(&document)?;
    let legacy = text.legacy;
    let mut out = text.finish();
    let repaired = detect::repair(&mut out);
    Ok((out, legacy.or(repaired).unwrap_or(Encoding::Utf8)))
}

/// One part of the archive, bounded so that a ZIP bomb cannot exhaust memory.
fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<Vec<u8>>> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(fail(format!("{name}: {e}"))),
    };
    let bomb = || {
        fail(format!(
            "{name} expands to more than {} MiB (a ZIP bomb?)",
            MAX_FILE_BYTES >> 20
        ))
    };
    if entry.size() > MAX_FILE_BYTES {
        return Err(bomb());
    }
    let mut out = Vec::new();
    entry
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| fail(format!("{name}: {e}")))?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(bomb());
    }
    Ok(Some(out))
}

/// Fonts named by styles: the document default and each style's own.
#[derive(Default)]
struct Styles {
    default: Option<String>,
    by_id: HashMap<String, String>,
}

fn read_styles(xml: &[u8]) -> Styles {
    let mut styles = Styles::default();
    let mut reader = Reader::from_reader(xml);
    let (mut id, mut in_defaults, mut default_style) = (None::<String>, false, false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"docDefaults" => in_defaults = true,
                b"style" => {
                    id = attr(&e, b"styleId");
                    default_style = attr(&e, b"default").as_deref() == Some("1")
                        && attr(&e, b"type").as_deref() == Some("paragraph");
                }
                b"rFonts" => {
                    if let Some(font) = font_of(&e) {
                        if in_defaults || (default_style && styles.default.is_none()) {
                            styles.default = Some(font.clone());
                        }
                        if let Some(id) = &id {
                            styles.by_id.insert(id.clone(), font);
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"docDefaults" => in_defaults = false,
                b"style" => id = None,
                _ => {}
            },
            // Styles only refine the text; a damaged styles part is ignored.
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    styles
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn font_of(e: &BytesStart<'_>) -> Option<String> {
    attr(e, b"ascii").or_else(|| attr(e, b"hAnsi"))
}

/// A legacy Vietnamese font's encoding: `.VnTime`, `.VnArialH` … (TCVN3; `H`
/// fonts draw capitals), `VNI-Times` … (VNI).
fn legacy_font(font: &str) -> Option<(Encoding, bool)> {
    let f = font.trim();
    if f.len() > 3 && f[..3].eq_ignore_ascii_case(".vn") {
        Some((Encoding::Tcvn3, f.ends_with('H')))
    } else if f.len() > 4 && f[..4].eq_ignore_ascii_case("vni-") {
        Some((Encoding::Vni, false))
    } else {
        None
    }
}

/// Table nesting: rows of cells of paragraphs.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
}

#[derive(Default)]
struct Text {
    styles: Styles,
    out: String,
    /// The paragraph being read.
    para: String,
    /// The run being read, and its font.
    run: String,
    run_font: Option<String>,
    para_style: Option<String>,
    tables: Vec<Table>,
    in_run_props: bool,
    in_text: bool,
    legacy: Option<Encoding>,
}

impl Text {
    fn read(&mut self, xml: &[u8]) -> Result<()> {
        let mut reader = Reader::from_reader(xml);
        loop {
            let event = reader
                .read_event()
                .map_err(|e| fail(format!("word/document.xml: {e}")))?;
            match event {
                Event::Start(e) => self.open(&e, false),
                Event::Empty(e) => self.open(&e, true),
                Event::End(e) => self.close(e.local_name().as_ref()),
                Event::Text(t) if self.in_text => {
                    let t = t
                        .unescape()
                        .map_err(|e| fail(format!("word/document.xml: {e}")))?;
                    self.run.push_str(&t);
                }
                Event::CData(t) if self.in_text => {
                    self.run.push_str(&String::from_utf8_lossy(&t));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn open(&mut self, e: &BytesStart<'_>, empty: bool) {
        match e.local_name().as_ref() {
            b"t" if !empty => self.in_text = true,
            b"tab" if !self.in_run_props => self.run.push('\t'),
            b"br" | b"cr" => self.run.push('\n'),
            b"r" if !empty => {
                self.run.clear();
                self.run_font = None;
            }
            b"rPr" if !empty => self.in_run_props = true,
            b"rFonts" if self.in_run_props => self.run_font = font_of(e),
            b"rStyle" if self.in_run_props => {
                if let Some(font) = attr(e, b"val").and_then(|id| self.styles.by_id.get(&id)) {
                    self.run_font.get_or_insert_with(|| font.clone());
                }
            }
            b"pStyle" => self.para_style = attr(e, b"val"),
            b"p" if !empty => {
                self.para.clear();
                self.para_style = None;
            }
            b"p" => self.end_paragraph(),
            b"tbl" if !empty => self.tables.push(Table::default()),
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"tc" if !empty => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"rPr" => self.in_run_props = false,
            b"r" => self.end_run(),
            b"p" => self.end_paragraph(),
            b"tbl" => {
                if let Some(table) = self.tables.pop() {
                    let lines = layout(&table);
                    for line in lines {
                        self.emit_line(line);
                    }
                    if self.tables.is_empty() {
                        self.out.push('\n');
                    }
                }
            }
            _ => {}
        }
    }

    fn end_run(&mut self) {
        let font = self.run_font.clone().or_else(|| {
            self.para_style
                .as_ref()
                .and_then(|id| self.styles.by_id.get(id))
                .or(self.styles.default.as_ref())
                .cloned()
        });
        let run = std::mem::take(&mut self.run);
        match font.as_deref().and_then(legacy_font) {
            Some((encoding, capitals)) if !run.is_ascii() => {
                match run
                    .chars()
                    .map(windows1258::to_cp1252)
                    .collect::<Option<Vec<u8>>>()
                {
                    Some(bytes) => {
                        let text = match (encoding, capitals) {
                            (Encoding::Tcvn3, true) => tcvn3::decode_upper(&bytes),
                            (Encoding::Tcvn3, false) => tcvn3::decode(&bytes),
                            _ => vni::decode(&bytes),
                        };
                        self.legacy = Some(encoding);
                        self.para.push_str(&text);
                    }
                    None => self.para.push_str(&run),
                }
            }
            Some((Encoding::Tcvn3, true)) => self.para.push_str(&run.to_uppercase()),
            _ => self.para.push_str(&run),
        }
    }

    fn end_paragraph(&mut self) {
        let para = std::mem::take(&mut self.para);
        match self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            Some(cell) => cell.extend(para.split('\n').map(|l| l.trim().to_string())),
            None => {
                let para = para.trim_end();
                if !para.is_empty() {
                    self.out.push_str(para);
                    self.out.push_str("\n\n");
                }
            }
        }
    }

    /// A table line goes into the enclosing cell, or out.
    fn emit_line(&mut self, line: String) {
        match self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            Some(cell) => cell.push(line),
            None => {
                self.out.push_str(&line);
                self.out.push('\n');
            }
        }
    }

    fn finish(self) -> String {
        let mut out = self.out;
        let end = out.trim_end().len();
        out.truncate(end);
        out.push('\n');
        out
    }
}

/// A table as text: each row gives as many lines as its tallest cell; line `i`
/// joins the cells' `i`th non-empty paragraphs with TAB.
fn layout(table: &Table) -> Vec<String> {
    let mut lines = Vec::new();
    for row in &table.rows {
        let cells: Vec<Vec<&str>> = row
            .iter()
            .map(|c| {
                c.iter()
                    .map(String::as_str)
                    .filter(|l| !l.is_empty())
                    .collect()
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let parts: Vec<&str> = cells
                .iter()
                .map(|c| c.get(i).copied().unwrap_or(""))
                .collect();
            let line = parts.join("\t");
            lines.push(line.trim_end_matches('\t').to_string());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).expect("zip");
        write!(
            zip,
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
        .expect("zip");
        zip.finish().expect("zip");
        out.into_inner()
    }

    #[test]
    fn paragraphs_and_tables_read_like_text() {
        let bytes = docx(
            "<w:p><w:r><w:t>KẾT </w:t></w:r><w:r><w:t>LUẬN</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nơi nhận:</w:t></w:r></w:p><w:p><w:r><w:t>- Như trên,</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>T/M BAN THƯỜNG VỤ</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
             <w:p><w:r><w:t xml:space=\"preserve\">a &amp; b</w:t><w:tab/><w:t>c</w:t></w:r></w:p>",
        );
        let (text, encoding) = extract(&bytes).expect("docx");
        assert_eq!(
            text,
            "KẾT LUẬN\n\nNơi nhận:\tT/M BAN THƯỜNG VỤ\n- Như trên,\n\na & b\tc\n"
        );
        assert_eq!(encoding, Encoding::Utf8);
    }

    #[test]
    fn legacy_font_runs_are_converted_run_by_run() {
        let bytes = docx(
            "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/></w:rPr><w:t>kÕt luËn</w:t></w:r></w:p>\
             <w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTime\"/></w:rPr><w:t>cña Ban Th\u{AD}êng vô</w:t></w:r>\
             <w:r><w:t> – Hà Nội</w:t></w:r></w:p>",
        );
        let (text, encoding) = extract(&bytes).expect("docx");
        assert_eq!(text, "KẾT LUẬN\n\ncủa Ban Thường vụ – Hà Nội\n");
        assert_eq!(encoding, Encoding::Tcvn3);
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let bytes = docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
        for n in [0, 10, 100, bytes.len() / 2, bytes.len() - 1] {
            let _ = extract(&bytes[..n]);
        }
        assert!(extract(b"PK\x03\x04 not a zip").is_err());
    }
}
