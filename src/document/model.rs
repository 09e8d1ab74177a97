//! The parsed form of a conclusion document.

use serde::{Deserialize, Serialize};
use time::Date;

use super::Deadline;
use crate::extract::Source;

/// A conclusion document (*Kết luận* / *Thông báo kết luận*) as parsed from text.
///
/// Strings are NFC and spelled as the document spells them (old tone placement
/// included); dates serialise as ISO `yyyy-mm-dd`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The title's kind in capitals: `"KẾT LUẬN"`, `"THÔNG BÁO KẾT LUẬN"`,
    /// `"THÔNG BÁO"`, …; `None` when no title was recognised (the text is
    /// still kept, and a warning says so).
    pub kind: Option<String>,
    /// The document number (`"96-KL/HU"`), when the header carries one.
    pub number: Option<String>,
    /// The body that concluded, in normal case: `"Ban Thường vụ Tỉnh ủy"`;
    /// `None` when the text names none.
    pub issuing_body: Option<String>,
    /// The province, city or district (`"Lạng Sơn"`), when it can be found.
    pub place: Option<String>,
    /// The session number (`"kỳ họp thứ 17"` → 17), when given.
    pub session: Option<u32>,
    /// The meeting date; `None` when the text gives none (a warning says so).
    pub date: Option<Date>,
    /// The signing date from the header's place-date line, when there is a header.
    pub issued_date: Option<Date>,
    /// The title block as printed (`KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY / tại
    /// Hội nghị ngày …`), its lines joined; `None` when no title was found.
    #[serde(default)]
    pub title: Option<String>,
    /// What the whole document is about: the `về …` line(s) under the title,
    /// without the leading `về`; `None` when the title block has none.
    pub subject: Option<String>,
    /// Text before the first agenda item that is not part of the title block.
    pub preamble: String,
    /// The numbered agenda items, in order.
    pub items: Vec<AgendaItem>,
    /// Text after the last item that is neither recipients nor signature.
    pub closing: String,
    /// The "Nơi nhận" list, one entry per line, trailing punctuation removed.
    pub recipients: Vec<String>,
    /// The signature block, when present.
    pub signer: Option<Signer>,
    /// Recoverable oddities met while parsing.
    pub warnings: Vec<Warning>,
    /// The file format and encoding the text was read from, when it was read
    /// from bytes or a file ([`Document::from_path`]); `None` from [`Document::parse`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// One numbered agenda item and what was concluded about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// The item's number as printed (`1`, `2`, …).
    pub number: u32,
    /// The item's heading line, markdown removed, wraps joined.
    pub heading: String,
    /// The submission the item discusses, when it cites one.
    pub reference: Option<Reference>,
    /// What the item is about: the text after "về việc"/"về", or the heading.
    pub topic: String,
    /// The conclusion paragraphs, page breaks repaired, markdown removed,
    /// paragraphs separated by `"\n"`.
    pub text: String,
    /// Tasks given to a body ("Giao …", "Yêu cầu …").
    pub assignments: Vec<Assignment>,
    /// Every date by which something must be done, in text order.
    pub deadlines: Vec<Deadline>,
}

/// A cited submission: "Tờ trình số 48-TTr/BCSD, ngày 26/02/2022 của …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// `"Tờ trình"`, `"Báo cáo"`, `"Đề án"`, `"Kế hoạch"`, `"Công văn"`, …
    pub kind: String,
    /// The cited number as written (`"48-TTr/BCSD"`, `"215/TTr-UBND"`).
    pub number: Option<String>,
    /// The cited document's date.
    pub date: Option<Date>,
    /// The submitting body (`"Ban cán sự đảng Ủy ban nhân dân tỉnh"`).
    pub body: Option<String>,
}

/// A task given to a body, with its deadline when the sentence has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Who must act (`"Ban cán sự đảng Ủy ban nhân dân tỉnh"`).
    pub assignee: String,
    /// What they must do.
    pub task: String,
    /// By when, if the sentence says.
    pub deadline: Option<Deadline>,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// `"T/M BAN THƯỜNG VỤ"`, `"T/L THƯỜNG TRỰC TỈNH ỦY"`, …
    pub on_behalf: Option<String>,
    /// `"PHÓ BÍ THƯ THƯỜNG TRỰC"`, …
    pub title: Option<String>,
    /// The signer's name.
    pub name: Option<String>,
}

/// A recoverable oddity met while parsing, with the line it was found on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line number in the input.
    pub line: usize,
    /// What was odd, lowercase (e.g. `"impossible date \"31/02/2022\" ignored"`).
    pub message: String,
}
