//! What an item asks for: deadlines ("trước ngày 30/6/2020", "trong quý I/2025",
//! "báo cáo Thường trực Thành ủy tháng 12/2024") and tasks given to a body
//! ("Giao Ban cán sự đảng … chỉ đạo …").

use time::Date;

use super::body::{BODY_WORDS, tier_name_end};
use super::casing::{
    ends_with_lower, is_alnum, is_lower, is_upper_char, lower, lower_char, lower_in, starts_upper,
};
use super::date::{self, DateValue};
use super::text::{Paragraph, prefix, split_spaces};
use super::{Assignment, Deadline};

/// A deadline found in a paragraph, with where it was written.
#[derive(Debug, Clone)]
pub(crate) struct FoundDeadline {
    pub paragraph: usize,
    pub start: usize,
    pub deadline: Deadline,
}

/// Words that make the date after them a time limit.
const TRIGGERS: &[&str] = &[
    "trước",
    "chậm nhất",
    "chậm nhất là",
    "chậm nhất vào",
    "muộn nhất",
    "trong",
    "hạn chót",
    "hạn cuối",
    "thời hạn",
    "đến hết",
];

/// Verbs after which a bare month or quarter is when the result is due:
/// "báo cáo Thường trực Thành ủy tháng 12/2024".
const DUE_VERBS: &[&str] = &[
    "báo cáo",
    "trình",
    "hoàn thành",
    "gửi",
    "triển khai",
    "ban hành",
    "tổ chức",
];

/// Every deadline in the paragraphs, in order. Impossible dates become
/// warnings `(line, message)`. Dates without a year take the meeting's year
/// (the next one when that would fall before the meeting); without a known
/// meeting date they are left out.
pub(crate) fn deadlines(
    paragraphs: &[Paragraph],
    meeting: Option<Date>,
    warnings: &mut Vec<(usize, String)>,
) -> Vec<FoundDeadline> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for m in date::scan(&p.text) {
            if let DateValue::Impossible(reason) = &m.value {
                warnings.push((p.line_at(m.start), format!("{reason} ignored")));
                continue;
            }
            if !is_due(&p.text, m.start, &m.value) {
                continue;
            }
            let no_year = matches!(
                m.value,
                DateValue::DayNoYear { .. } | DateValue::MonthNoYear(_)
            );
            let mut d = match meeting {
                Some(meeting) => m.value.to_deadline(meeting.year()),
                None if no_year => None,
                // A date with its year does not use the year given here.
                None => m.value.to_deadline(0),
            };
            if let Some(meeting) = meeting
                && no_year
                && d.is_some_and(|d| d.last_day() < meeting)
            {
                d = m.value.to_deadline(meeting.year() + 1);
            }
            // A period over before the meeting ("kết quả … trong quý I năm
            // 2024", judged in April) is what was reported, not a time limit.
            if let Some(meeting) = meeting
                && d.is_some_and(|d| d.last_day() < meeting)
            {
                continue;
            }
            if let Some(deadline) = d {
                out.push(FoundDeadline {
                    paragraph: pi,
                    start: m.start,
                    deadline,
                });
            }
        }
    }
    out
}

/// Whether the date at `start` is a time limit, judged by the words before it.
fn is_due(text: &str, start: usize, value: &DateValue) -> bool {
    let before = tail(text, start, 160);
    // Lowercasing keeps every character's length and white space as it is:
    // the words before the date are compared in place.
    let trimmed = before.trim_end();
    let triggered = TRIGGERS.iter().any(|t| {
        trimmed.len() >= t.len()
            && ends_with_lower(trimmed, t)
            && trimmed[..trimmed.len() - t.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !is_alnum(lower_char(c)))
    });
    if triggered {
        return true;
    }
    if !matches!(
        value,
        DateValue::Month { .. } | DateValue::MonthNoYear(_) | DateValue::Quarter { .. }
    ) {
        return false;
    }
    let l = lower(before);
    let l = l.trim_end();
    // A bare month or quarter right after "báo cáo/trình <body>".
    let clause_start = l.rfind([';', '.', ',', ':', '(']).map_or(0, |i| i + 1);
    let clause = &l[clause_start..];
    let original = &before[clause_start..];
    DUE_VERBS.iter().any(|v| {
        clause.rfind(v).is_some_and(|i| {
            let word_start = clause[..i].chars().next_back().is_none_or(|c| !is_alnum(c));
            let between = original.get(i + v.len()..).unwrap_or("");
            let words: Vec<&str> = between.split_whitespace().collect();
            word_start
                && words.len() <= 10
                && words
                    .iter()
                    .all(|w| starts_upper(w) || lower_in(w, BODY_WORDS))
        })
    })
}

/// The last `max` bytes of `text[..end]`, cut at a character boundary.
fn tail(text: &str, end: usize, max: usize) -> &str {
    let mut s = end.saturating_sub(max);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..end]
}

/// The words that give a task to the body after them.
const CALLS: [&str; 6] = [
    "Giao ",
    "giao ",
    "Yêu cầu ",
    "yêu cầu ",
    "Đề nghị ",
    "đề nghị ",
];

/// The first bytes of [`CALLS`].
const CALL_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut k = 0;
    while k < CALLS.len() {
        starts[CALLS[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    starts
};

/// Tasks given to a body: "Giao <body> <task>", "Yêu cầu <body> …",
/// "Đề nghị <body> …". The deadline is the first one inside the task.
pub(crate) fn assignments(paragraphs: &[Paragraph], found: &[FoundDeadline]) -> Vec<Assignment> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let t = &p.text;
        let l: &str = t;
        if is_bare_call(l) {
            // "Giao:" and a list whose entries open with their assignee.
            out.extend(listed_tasks(None, paragraphs, pi + 1, found));
            continue;
        }
        // Every call, in order: no two calls match at one place, and none
        // overlaps itself.
        let bytes = l.as_bytes();
        let mut hits: Vec<usize> = Vec::new();
        for i in 0..bytes.len() {
            // 'Đ' and 'đ' open with 0xC4.
            if !CALL_STARTS[usize::from(bytes[i])] {
                continue;
            }
            let Some(key) = CALLS.iter().find(|k| bytes[i..].starts_with(k.as_bytes())) else {
                continue;
            };
            let prev = l[..i].trim_end().chars().next_back();
            if prev.is_none_or(|c| matches!(c, '.' | ';' | ':' | ')' | ','))
                || l[..i].ends_with("thống nhất ")
            {
                hits.push(i + key.len());
            }
        }
        for after in hits {
            let mut a = after;
            if l[a..].starts_with("cho ") || l[a..].starts_with("Cho ") {
                a += "cho ".len();
            }
            let Some(assignee_end) = assignee_end(t, a) else {
                continue;
            };
            let assignee = t[a..assignee_end].trim().trim_end_matches(',').to_string();
            let task_start = assignee_end;
            let task_end = sentence_end(t, task_start);
            let task = t[task_start..task_end]
                .trim()
                .trim_start_matches(':')
                .trim()
                .trim_end_matches(['.', ';'])
                .to_string();
            if task.is_empty() {
                if t[task_start..].trim_start().starts_with(':') {
                    // "Giao <body>:" and a list: one task per entry.
                    out.extend(listed_tasks(Some(&assignee), paragraphs, pi + 1, found));
                }
                continue;
            }
            let deadline = found
                .iter()
                .find(|f| f.paragraph == pi && f.start >= task_start && f.start < task_end)
                .map(|f| f.deadline);
            out.push(Assignment {
                assignee,
                task,
                deadline,
            });
        }
    }
    // The tasks are kept in the document: no spare room.
    out.shrink_to_fit();
    out
}

/// The entries of the list that starts at paragraph `from` ("- …", "+ …",
/// "a) …"), each a task with the first deadline inside it: of `assignee`
/// when the call named one ("Giao Ban X:"), else of the body the entry opens
/// with ("Giao:" / "- Ban cán sự đảng … chỉ đạo …"; entries that name no
/// body are passed over).
fn listed_tasks(
    assignee: Option<&str>,
    paragraphs: &[Paragraph],
    from: usize,
    found: &[FoundDeadline],
) -> Vec<Assignment> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate().skip(from) {
        let Some(entry) = list_entry_text(&p.text) else {
            break;
        };
        let Some((assignee, task)) = (match assignee {
            Some(a) => Some((a.to_string(), entry)),
            None => entry_assignee(entry.trim_start()),
        }) else {
            continue;
        };
        let task = task
            .trim()
            .trim_start_matches(':')
            .trim()
            .trim_end_matches(['.', ';'])
            .to_string();
        if task.is_empty() {
            continue;
        }
        out.push(Assignment {
            assignee,
            task,
            deadline: found.iter().find(|f| f.paragraph == pi).map(|f| f.deadline),
        });
    }
    out
}

/// The body a list entry opens with, and the rest of the entry.
fn entry_assignee(entry: &str) -> Option<(String, &str)> {
    let end = assignee_end(entry, 0)?;
    let assignee = entry[..end].trim().trim_end_matches(',');
    let first = lower(assignee.split(' ').next().unwrap_or(""));
    (assignee.split(' ').count() >= 2 && BODY_HEADS.contains(&first.as_str()))
        .then(|| (assignee.to_string(), &entry[end..]))
}

/// "Giao:", "Phân công nhiệm vụ như sau:": a call for tasks that names no
/// body, the list after it does.
fn is_bare_call(text: &str) -> bool {
    let Some(head) = text.trim().strip_suffix(':') else {
        return false;
    };
    let head = lower(head.trim());
    let head = head.strip_suffix(" như sau").unwrap_or(&head);
    matches!(
        head,
        "giao"
            | "giao nhiệm vụ"
            | "giao trách nhiệm"
            | "phân công"
            | "phân công nhiệm vụ"
            | "đề nghị"
            | "yêu cầu"
    )
}

/// First words of the names of bodies, offices and officials tasks are given
/// to; an entry that opens otherwise ("Đối với …", "Về …") names none.
const BODY_HEADS: &[&str] = &[
    "ban",
    "sở",
    "ủy",
    "uỷ",
    "ubnd",
    "hđnd",
    "đảng",
    "văn",
    "thường",
    "huyện",
    "thành",
    "tỉnh",
    "thị",
    "quận",
    "xã",
    "phường",
    "các",
    "công",
    "hội",
    "mặt",
    "mttq",
    "đoàn",
    "liên",
    "bộ",
    "cục",
    "chi",
    "viện",
    "tòa",
    "toà",
    "kho",
    "ngân",
    "báo",
    "đài",
    "bảo",
    "quân",
    "đồng",
    "trường",
    "trung",
    "bcsđ",
    "bcs",
];

/// The text of a bulleted or lettered list entry without its marker.
fn list_entry_text(text: &str) -> Option<&str> {
    for marker in ["- ", "+ ", "• ", "– "] {
        if let Some(rest) = text.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let mut chars = text.char_indices();
    let (_, letter) = chars.next()?;
    let (close, mark) = chars.next()?;
    (is_lower(letter) && mark == ')').then(|| &text[close + 1..])
}

/// End of the body name starting at `a`: capitalised words and the lowercase
/// words body names contain, or, when that is longer, the name up to its
/// administrative tier (see [`tier_name_end`]). `None` when no body starts there.
fn assignee_end(t: &str, a: usize) -> Option<usize> {
    let plain = plain_name_end(t, a)?;
    let longest = tier_name_end(t, a).filter(|&e| e > plain).unwrap_or(plain);
    Some(
        department_end(t, a)
            .filter(|&e| e > longest)
            .unwrap_or(longest),
    )
}

/// The departments of a provincial or city People's Committee, whose names
/// are written in sentence case ("Sở Tài nguyên và Môi trường"), so that the
/// capitals alone would cut them short. Lowercase; matched ignoring case.
const DEPARTMENTS: &[&str] = &[
    "nội vụ",
    "tư pháp",
    "kế hoạch và đầu tư",
    "tài chính",
    "công thương",
    "nông nghiệp và phát triển nông thôn",
    "nông nghiệp và môi trường",
    "giao thông vận tải",
    "xây dựng",
    "tài nguyên và môi trường",
    "thông tin và truyền thông",
    "lao động - thương binh và xã hội",
    "lao động, thương binh và xã hội",
    "văn hóa, thể thao và du lịch",
    "văn hoá, thể thao và du lịch",
    "văn hóa và thể thao",
    "văn hoá và thể thao",
    "du lịch",
    "khoa học và công nghệ",
    "giáo dục và đào tạo",
    "y tế",
    "ngoại vụ",
    "dân tộc và tôn giáo",
];

/// End of `Sở <department>` starting at `a` (with `tỉnh`/`thành phố` after
/// it when written), or `None`.
fn department_end(t: &str, a: usize) -> Option<usize> {
    let rest = t[a..].strip_prefix("Sở ")?;
    let l = lower(prefix(rest, 64));
    let name = DEPARTMENTS
        .iter()
        .filter(|d| l.starts_with(*d) && l[d.len()..].chars().next().is_none_or(|c| !is_alnum(c)))
        .max_by_key(|d| d.len())?;
    let mut end = a + "Sở ".len() + name.len();
    for level in [" tỉnh", " thành phố"] {
        if lower(prefix(&t[end..], 16)).starts_with(level) {
            end += level.len();
            break;
        }
    }
    Some(end)
}

fn plain_name_end(t: &str, a: usize) -> Option<usize> {
    if !starts_upper(&t[a..]) {
        return None;
    }
    let mut last_upper_end = a;
    let mut pos = a;
    let mut prev_upper = false;
    for w in split_spaces(&t[a..]) {
        let bare = w.trim_end_matches([',', ':']);
        let ok = starts_upper(bare) || lower_in(bare, BODY_WORDS);
        if !ok || bare.is_empty() {
            break;
        }
        pos += w.len();
        // A body word right after a capital finishes a compound: "Thường vụ".
        let finishes_compound = std::mem::replace(&mut prev_upper, starts_upper(bare));
        if starts_upper(bare)
            || finishes_compound
            || lower_in(
                bare,
                &[
                    "tỉnh",
                    "huyện",
                    "ủy",
                    "uỷ",
                    "xã",
                    "phố",
                    "trấn",
                    "phường",
                    "quận",
                ],
            )
        {
            // A colon stays out of the name: it announces the tasks.
            last_upper_end = pos - (w.len() - w.trim_end_matches(':').len());
        }
        if w.ends_with(':') || (w.ends_with(',') && !continues_after_comma(&t[pos..])) {
            break;
        }
        pos += 1;
    }
    (last_upper_end > a).then_some(last_upper_end)
}

/// Whether a body name goes on after a comma: another body (a capital) or
/// another local level of a list ("các xã, thị trấn", "các huyện, thành phố").
fn continues_after_comma(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.chars().next().is_some_and(is_upper_char) {
        return true;
    }
    let mut words = rest.split(' ').map(|w| w.trim_end_matches([',', '.', ';']));
    matches!(
        (words.next(), words.next()),
        (Some("xã" | "phường" | "huyện" | "quận"), _)
            | (Some("thị"), Some("trấn" | "xã"))
            | (Some("thành"), Some("phố"))
    )
}

fn sentence_end(t: &str, from: usize) -> usize {
    let b = t.as_bytes();
    let mut i = from;
    while i < b.len() {
        if b[i] == b'.' && (i + 1 == b.len() || b[i + 1] == b' ') {
            return i;
        }
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn para(text: &str) -> Vec<Paragraph<'_>> {
        let mut p = Paragraph::default();
        p.append(text, 1);
        vec![p]
    }

    /// (assignee, task) of the first task in `text`.
    fn assignee(text: &str) -> Option<(String, String)> {
        assignments(&para(text), &[])
            .into_iter()
            .next()
            .map(|a| (a.assignee, a.task))
    }

    #[test]
    fn a_bare_call_gives_each_entry_to_the_body_it_opens_with() {
        let ps: Vec<Paragraph> = [
            "Giao:",
            "- Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo triển khai.",
            "- Sở Tài nguyên và Môi trường hướng dẫn hoàn thiện hồ sơ.",
            "- Đối với đề nghị hỗ trợ kinh phí, giao xem xét sau.",
            "- Ban Tuyên giáo Tỉnh ủy tuyên truyền.",
            "Ban Thường vụ thống nhất.",
        ]
        .iter()
        .map(|t| {
            let mut p = Paragraph::default();
            p.append(*t, 1);
            p
        })
        .collect();
        let got: Vec<(String, String)> = assignments(&ps, &[])
            .into_iter()
            .map(|a| (a.assignee, a.task))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Ban cán sự đảng Ủy ban nhân dân tỉnh".to_string(),
                    "chỉ đạo triển khai".to_string()
                ),
                (
                    "Sở Tài nguyên và Môi trường".to_string(),
                    "hướng dẫn hoàn thiện hồ sơ".to_string()
                ),
                (
                    "Ban Tuyên giáo Tỉnh ủy".to_string(),
                    "tuyên truyền".to_string()
                ),
            ]
        );
        assert!(!is_bare_call("Giao Ban Tổ chức Tỉnh ủy:"));
        assert!(is_bare_call("Phân công nhiệm vụ như sau:"));
    }

    #[test]
    fn department_names_in_sentence_case_are_whole() {
        assert_eq!(
            assignee("Giao Sở Kế hoạch và Đầu tư chủ trì thẩm định."),
            Some((
                "Sở Kế hoạch và Đầu tư".to_string(),
                "chủ trì thẩm định".to_string()
            ))
        );
        assert_eq!(
            assignee("Giao Sở Giao thông vận tải tỉnh rà soát."),
            Some((
                "Sở Giao thông vận tải tỉnh".to_string(),
                "rà soát".to_string()
            ))
        );
    }

    fn due(text: &str) -> Vec<String> {
        let mut w = Vec::new();
        deadlines(&para(text), Some(date!(2022 - 03 - 01)), &mut w)
            .into_iter()
            .map(|f| f.deadline.to_string())
            .collect()
    }

    #[test]
    fn triggers_make_deadlines() {
        assert_eq!(due("báo cáo trước ngày 30/9/2022."), ["2022-09-30"]);
        assert_eq!(due("chậm nhất trong ngày 08/3/2022"), ["2022-03-08"]);
        assert_eq!(due("triển khai trong quý IV/2022."), ["2022-Q4"]);
        assert_eq!(due("trình trong tháng 6/2022"), ["2022-06"]);
        assert_eq!(due("hoàn thành trong năm 2022"), ["2022"]);
        assert_eq!(
            due("báo cáo Thường trực Thành ủy tháng 12/2024."),
            ["2024-12"]
        );
        assert_eq!(
            due("báo cáo kết quả với Thường trực Tỉnh ủy tháng 3/2025"),
            ["2025-03"]
        );
        assert_eq!(due("trước ngày 30/9."), ["2022-09-30"]);
        assert_eq!(due("trước ngày 15/01."), ["2023-01-15"]);
    }

    #[test]
    fn other_dates_are_not_deadlines() {
        assert!(due("Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành").is_empty());
        assert!(due("có hiệu lực từ ngày 01/7/2025; tính đến ngày 30/6/2022").is_empty());
        assert!(due("kết quả giải quyết việc làm quý I/2019 đạt khá").is_empty());
        assert!(due("giai đoạn 2022 - 2025, năm 2022, 9 tháng năm 2024").is_empty());
        assert!(due("mùa khô năm 2023").is_empty());
        // A period over before the meeting is a report period.
        assert!(due("ghi nhận kết quả thực hiện trong quý IV/2021").is_empty());
        assert!(due("hoàn thành trong tháng 2/2022").is_empty());
    }

    #[test]
    fn impossible_dates_warn() {
        let mut w = Vec::new();
        let got = deadlines(
            &para("trước ngày 31/02/2022."),
            Some(date!(2022 - 01 - 01)),
            &mut w,
        );
        assert!(got.is_empty());
        assert_eq!(
            w,
            vec![(1, "impossible date \"31/02/2022\" ignored".to_string())]
        );
    }

    #[test]
    fn tasks_name_their_body() {
        let ps = para(
            "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn chỉnh Đề án, trình Ban Thường vụ Tỉnh ủy trong tháng 6/2019.",
        );
        let mut w = Vec::new();
        let found = deadlines(&ps, Some(date!(2019 - 04 - 19)), &mut w);
        let a = assignments(&ps, &found);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].assignee, "Ban cán sự đảng Ủy ban nhân dân tỉnh");
        assert!(a[0].task.starts_with("chỉ đạo hoàn chỉnh"));
        assert_eq!(
            a[0].deadline.map(|d| d.to_string()).as_deref(),
            Some("2019-06")
        );
        assert!(assignments(&para("Yêu cầu ưu tiên đầu tư."), &[]).is_empty());
    }

    #[test]
    fn names_of_compound_words_end_at_their_tier() {
        assert_eq!(
            assignee("Giao Ban Chỉ huy Quân sự thành phố khẩn trương quy định rõ người phát ngôn."),
            Some((
                "Ban Chỉ huy Quân sự thành phố".into(),
                "khẩn trương quy định rõ người phát ngôn".into()
            ))
        );
        assert_eq!(
            assignee("Giao Công an tỉnh Lạng Sơn chủ trì điều tra."),
            Some(("Công an tỉnh Lạng Sơn".into(), "chủ trì điều tra".into()))
        );
        assert_eq!(
            assignee("Giao Đảng đoàn Hội Cựu chiến binh tỉnh tuyên truyền."),
            Some((
                "Đảng đoàn Hội Cựu chiến binh tỉnh".into(),
                "tuyên truyền".into()
            ))
        );
        // Without a tier, the name still ends where its words do.
        assert_eq!(
            assignee("Giao Sở Nội vụ phối hợp với Ủy ban nhân dân tỉnh thực hiện."),
            Some((
                "Sở Nội vụ".into(),
                "phối hợp với Ủy ban nhân dân tỉnh thực hiện".into()
            ))
        );
    }

    #[test]
    fn a_colon_and_a_list_give_one_task_per_entry() {
        let ls = crate::document::text::lines(
            "Giao Ban cán sự đảng UBND tỉnh:\n- Chỉ đạo hoàn thiện hồ sơ, trình Hội đồng nhân dân tỉnh trước ngày 30/9;\n- Rà soát các dự án chậm tiến độ, báo cáo trong tháng 10/2023.\nĐồng ý với đề xuất.",
        );
        let ps = crate::document::text::paragraphs(&ls);
        let mut w = Vec::new();
        let found = deadlines(&ps, Some(date!(2023 - 09 - 19)), &mut w);
        let got: Vec<(String, String, Option<String>)> = assignments(&ps, &found)
            .into_iter()
            .map(|a| (a.assignee, a.task, a.deadline.map(|d| d.to_string())))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Ban cán sự đảng UBND tỉnh".to_string(),
                    "Chỉ đạo hoàn thiện hồ sơ, trình Hội đồng nhân dân tỉnh trước ngày 30/9"
                        .to_string(),
                    Some("2023-09-30".to_string())
                ),
                (
                    "Ban cán sự đảng UBND tỉnh".to_string(),
                    "Rà soát các dự án chậm tiến độ, báo cáo trong tháng 10/2023".to_string(),
                    Some("2023-10".to_string())
                ),
            ]
        );
    }

    #[test]
    fn a_list_of_local_levels_stays_in_the_assignee() {
        assert_eq!(
            assignee("Giao Đảng ủy các xã, thị trấn xây dựng kế hoạch thực hiện."),
            Some((
                "Đảng ủy các xã, thị trấn".into(),
                "xây dựng kế hoạch thực hiện".into()
            ))
        );
        assert_eq!(
            assignee("Giao Ủy ban nhân dân các huyện, thành phố rà soát quỹ đất."),
            Some((
                "Ủy ban nhân dân các huyện, thành phố".into(),
                "rà soát quỹ đất".into()
            ))
        );
        // A comma before a lowercase task still ends the name.
        assert_eq!(
            assignee("Giao Văn phòng Tỉnh ủy, theo dõi, đôn đốc."),
            Some(("Văn phòng Tỉnh ủy".into(), "theo dõi, đôn đốc".into()))
        );
    }
}
