//! `.html`/`.htm`: a saved web page's text.
//!
//! Crate: `scraper` (html5ever's spec-compliant parser with a simple tree, kept
//! by the rust-scraper project). The bytes are decoded like a text file (so a
//! page in a legacy encoding is read too), parsed, and walked: `head`,
//! `script`, `style`, `template`, `noscript` and the like are skipped; block
//! elements start new paragraphs, `br` a new line, table cells are joined by
//! TAB; whitespace collapses as a browser collapses it (not inside `pre`);
//! entities are decoded by the parser.

use scraper::{ElementRef, Html, Node};

use super::{Encoding, detect, text};
use crate::Result;

const SKIPPED: &[&str] = &[
    "head", "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "select",
    "button",
];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
];

pub(super) fn extract(bytes: &[u8]) -> Result<(String, Encoding)> {
    let (source, encoding) = text::decode(bytes)?;
    let html = Html::parse_document(&source);
    let mut out = Out::default();
    walk(html.root_element(), &mut out, false);
    let mut text = out.finish();
    let repaired = detect::repair(&mut text);
    Ok((text, repaired.unwrap_or(encoding)))
}

#[derive(Default)]
struct Out {
    text: String,
    /// A space is owed before the next word.
    space: bool,
}

impl Out {
    fn words(&mut self, s: &str, pre: bool) {
        if pre {
            self.text.push_str(s);
            return;
        }
        for (i, word) in s.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.space && !self.text.is_empty() && !self.text.ends_with(['\n', '\t']) {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(word);
        }
    }

    fn line(&mut self) {
        self.space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn paragraph(&mut self) {
        self.line();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn cell(&mut self) {
        self.space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\t');
        }
    }

    fn finish(self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut blank = 0;
        for line in self.text.lines() {
            let line = line.trim_end_matches([' ', '\t']);
            if line.trim().is_empty() {
                blank += 1;
                if blank > 1 || out.is_empty() {
                    continue;
                }
                out.push('\n');
                continue;
            }
            blank = 0;
            out.push_str(line);
            out.push('\n');
        }
        let end = out.trim_end().len();
        out.truncate(end);
        out.push('\n');
        out
    }
}

fn walk(element: ElementRef<'_>, out: &mut Out, pre: bool) {
    let name = element.value().name();
    if SKIPPED.contains(&name) {
        return;
    }
    let block = BLOCKS.contains(&name);
    let pre = pre || name == "pre";
    if block {
        if name == "tr" || name == "li" || name == "dd" || name == "dt" {
            out.line();
        } else {
            out.paragraph();
        }
    }
    if name == "td" || name == "th" {
        out.cell();
    }
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.words(t, pre),
            Node::Element(e) if e.name() == "br" => out.line(),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(child) {
                    walk(el, out, pre);
                }
            }
            _ => {}
        }
    }
    if block {
        if name == "tr" || name == "li" {
            out.line();
        } else {
            out.paragraph();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_scripts_and_styles_go_entities_stay() {
        let page = "<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>\
                    <script>var a = '<p>';</script><h1>KẾT  LUẬN</h1><p>Ban &amp; Tỉnh&nbsp;ủy<br>dòng hai</p>\
                    <table><tr><td>Nơi nhận:</td><td>T/M</td></tr></table></body></html>";
        let (text, encoding) = extract(page.as_bytes()).expect("html");
        assert_eq!(
            text,
            "KẾT LUẬN\n\nBan & Tỉnh\u{a0}ủy\ndòng hai\n\nNơi nhận:\tT/M\n"
        );
        assert_eq!(encoding, Encoding::Utf8);
    }
}
