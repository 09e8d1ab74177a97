//! What a person types into a search box, read without ever failing.

/// One part of the typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Clause {
    /// A loose word (or several glued by punctuation: `48-TTr/BCSD`).
    Word(String),
    /// A `"quoted phrase"`; an unbalanced quote runs to the end of the text.
    Phrase(String),
    /// A `-word` or `-"phrase"` that must not occur.
    Excluded(String),
}

/// Splits typed text into words, quoted phrases and exclusions.
///
/// Any input is accepted: stray `:`, `(`, unbalanced quotes and lone `-` are
/// read as plain text (the analyzer later drops punctuation).
pub(crate) fn parse_user_text(input: &str) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let excluded = c == '-'
            && input[start + 1..]
                .chars()
                .next()
                .is_some_and(|n| !n.is_whitespace() && n != '-');
        let body_start = if excluded {
            chars.next();
            start + 1
        } else {
            start
        };
        let quoted = input[body_start..].starts_with(is_quote);
        let text = if quoted {
            chars.next();
            let inner_start =
                body_start + input[body_start..].chars().next().map_or(1, char::len_utf8);
            let mut end = input.len();
            for (i, ch) in chars.by_ref() {
                if is_quote(ch) {
                    end = i;
                    break;
                }
            }
            &input[inner_start..end.max(inner_start)]
        } else {
            let mut end = input.len();
            while let Some(&(i, ch)) = chars.peek() {
                if ch.is_whitespace() {
                    end = i;
                    break;
                }
                chars.next();
            }
            &input[body_start..end]
        };
        if text.trim().is_empty() {
            continue;
        }
        clauses.push(match (excluded, quoted) {
            (true, _) => Clause::Excluded(text.to_string()),
            (false, true) => Clause::Phrase(text.to_string()),
            (false, false) => Clause::Word(text.to_string()),
        });
    }
    clauses
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

#[cfg(test)]
mod tests {
    use super::{Clause, parse_user_text};

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            parse_user_text(r#"dia gioi "hành chính" -huyện -"thị xã""#),
            vec![
                Clause::Word("dia".into()),
                Clause::Word("gioi".into()),
                Clause::Phrase("hành chính".into()),
                Clause::Excluded("huyện".into()),
                Clause::Excluded("thị xã".into()),
            ]
        );
    }

    #[test]
    fn unbalanced_quote_runs_to_the_end() {
        assert_eq!(
            parse_user_text(r#"a "b c"#),
            vec![Clause::Word("a".into()), Clause::Phrase("b c".into())]
        );
    }

    #[test]
    fn stray_punctuation_is_text() {
        assert_eq!(
            parse_user_text("- -- : ( \""),
            vec![
                Clause::Word("-".into()),
                Clause::Word("--".into()),
                Clause::Word(":".into()),
                Clause::Word("(".into()),
            ]
        );
    }
}
