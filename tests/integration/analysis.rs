//! Analysis on the sample documents and in a tantivy index.

use ketluan::analysis::{EXACT, FOLDED, VietnameseTokenizer, exact_form, fold, register_analyzers};
use tantivy::collector::Count;
use tantivy::query::{PhraseQuery, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{Index, TantivyDocument, TantivyError, Term, doc};
use unicode_normalization::UnicodeNormalization;

const LANG_SON: &str = include_str!("../fixtures/samples/lang-son-2022-03-04-ky17.txt");
const CON_DAO: &str = include_str!("../fixtures/samples/con-dao-2022-08-05-ky21.txt");
const YEN_BAI: &str = include_str!("../fixtures/samples/yen-bai-2025-01-10.txt");

type Tok = (String, usize, usize, usize);

fn tokens(mut tokenizer: VietnameseTokenizer, text: &str) -> Vec<Tok> {
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
    }
    out
}

fn texts(tokens: Vec<Tok>) -> Vec<String> {
    tokens.into_iter().map(|t| t.0).collect()
}

const SENTENCE: &str = "Ngày 04 tháng 3 năm 2022, Ban Thường vụ Tỉnh ủy đã tiến hành kỳ họp thứ 17";

#[test]
fn offsets_point_into_an_nfc_sentence_from_lang_son() {
    assert!(LANG_SON.contains(SENTENCE));
    let got = tokens(VietnameseTokenizer::exact(), SENTENCE);
    let expected = [
        ("ngày", 0, 5),
        ("04", 6, 8),
        ("tháng", 9, 15),
        ("3", 16, 17),
        ("năm", 18, 22),
        ("2022", 23, 27),
        ("ban", 29, 32),
        ("thường", 33, 42),
        ("vụ", 43, 47),
        ("tỉnh", 48, 54),
        ("uỷ", 55, 59),
    ];
    for (i, (text, from, to)) in expected.into_iter().enumerate() {
        assert_eq!(got[i], (text.to_string(), i, from, to));
    }
    assert_eq!(&SENTENCE[55..59], "ủy");
    let words: Vec<&str> = SENTENCE
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let slices: Vec<&str> = got.iter().map(|t| &SENTENCE[t.2..t.3]).collect();
    assert_eq!(slices, words);
}

#[test]
fn offsets_point_into_the_same_sentence_in_nfd() {
    let nfd: String = SENTENCE.nfd().collect();
    let got = tokens(VietnameseTokenizer::folded(), &nfd);
    let expected = [
        ("ngay", 0, 6),
        ("04", 7, 9),
        ("thang", 10, 17),
        ("3", 18, 19),
        ("nam", 20, 25),
        ("2022", 26, 30),
        ("ban", 32, 35),
        ("thuong", 36, 48),
        ("vu", 49, 53),
        ("tinh", 54, 60),
        ("uy", 61, 65),
    ];
    for (i, (text, from, to)) in expected.into_iter().enumerate() {
        assert_eq!(got[i], (text.to_string(), i, from, to));
    }
    let words: Vec<String> = SENTENCE
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.nfd().collect())
        .collect();
    let slices: Vec<&str> = got.iter().map(|t| &nfd[t.2..t.3]).collect();
    assert_eq!(slices, words);
    assert_eq!(
        texts(tokens(VietnameseTokenizer::exact(), &nfd)),
        texts(tokens(VietnameseTokenizer::exact(), SENTENCE))
    );
}

#[test]
fn both_tone_styles_in_lang_son_give_one_exact_token() {
    let lower = LANG_SON.to_lowercase();
    let old = lower.matches("ủy").count();
    let new = lower.matches("uỷ").count();
    assert!(old > 0 && new > 0, "the sample mixes both styles");
    let exact = texts(tokens(VietnameseTokenizer::exact(), LANG_SON));
    assert!(exact.iter().all(|t| t != "ủy"));
    assert_eq!(exact.iter().filter(|t| *t == "uỷ").count(), old + new);
}

#[test]
fn yen_bai_respelled_in_the_old_style_gives_the_same_tokens() {
    let old = YEN_BAI
        .replace("uỷ", "ủy")
        .replace("Uỷ", "Ủy")
        .replace("khoẻ", "khỏe");
    assert_ne!(old, YEN_BAI);
    let exact = texts(tokens(VietnameseTokenizer::exact(), YEN_BAI));
    assert_eq!(texts(tokens(VietnameseTokenizer::exact(), &old)), exact);
    assert_eq!(exact_form(&old), exact_form(YEN_BAI));
    for old in ["thủy", "khỏe", "ủy"] {
        assert!(!exact.iter().any(|t| t == old), "{old}");
    }
}

#[test]
fn nfd_sample_gives_the_same_tokens_as_its_nfc_form() {
    assert!(
        CON_DAO
            .chars()
            .any(|c| ('\u{300}'..='\u{36F}').contains(&c)),
        "the sample is NFD"
    );
    let nfc: String = CON_DAO.nfc().collect();
    for tokenizer in [VietnameseTokenizer::exact(), VietnameseTokenizer::folded()] {
        let from_nfd = tokens(tokenizer.clone(), CON_DAO);
        let from_nfc = tokens(tokenizer, &nfc);
        assert!(from_nfd.len() > 500);
        assert_eq!(from_nfd.len(), from_nfc.len());
        for (d, c) in from_nfd.iter().zip(&from_nfc) {
            assert_eq!((&d.0, d.1), (&c.0, c.1));
            let original: String = CON_DAO[d.2..d.3].nfc().collect();
            assert_eq!(original, nfc[c.2..c.3]);
            assert_eq!(fold(&CON_DAO[d.2..d.3]), fold(&d.0));
        }
    }
}

fn index_with(texts: &[&str]) -> tantivy::Result<(Index, Field, Field)> {
    let mut builder = Schema::builder();
    let options = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let folded = builder.add_text_field("folded", options(FOLDED));
    let exact = builder.add_text_field("exact", options(EXACT));
    let index = Index::create_in_ram(builder.build());
    register_analyzers(&index);
    let mut writer = index.writer::<TantivyDocument>(15_000_000)?;
    for text in texts {
        writer.add_document(doc!(folded => *text, exact => *text))?;
    }
    writer.commit()?;
    Ok((index, folded, exact))
}

fn parse(
    index: &Index,
    field: Field,
    query: &str,
) -> tantivy::Result<Box<dyn tantivy::query::Query>> {
    QueryParser::for_index(index, vec![field])
        .parse_query(query)
        .map_err(|e| TantivyError::InvalidArgument(e.to_string()))
}

#[test]
fn folded_phrase_query_finds_nfd_text() -> tantivy::Result<()> {
    let nfd: String = "Ban Thường vụ ĐỒNG Ý với đề xuất".nfd().collect();
    let (index, folded, _) = index_with(&[&nfd, "dòng ý kiến khác nhau", "ý đồng"])?;
    let searcher = index.reader()?.searcher();
    let phrase = PhraseQuery::new(vec![
        Term::from_field_text(folded, "dong"),
        Term::from_field_text(folded, "y"),
    ]);
    // "dòng ý" folds to "dong y" too; the reversed "ý đồng" does not match.
    assert_eq!(searcher.search(&phrase, &Count)?, 2);
    let query = parse(&index, folded, "\"dong y voi de xuat\"")?;
    assert_eq!(searcher.search(&query, &Count)?, 1);
    Ok(())
}

#[test]
fn exact_field_tells_ban_ban_and_ban_apart() -> tantivy::Result<()> {
    let (index, folded, exact) = index_with(&["bán hàng", "bạn bè", "ban hành", "Hoà Bình"])?;
    let searcher = index.reader()?.searcher();
    for word in ["bán", "bạn", "ban"] {
        let query = TermQuery::new(Term::from_field_text(exact, word), IndexRecordOption::Basic);
        assert_eq!(searcher.search(&query, &Count)?, 1, "{word}");
    }
    let query = TermQuery::new(
        Term::from_field_text(folded, "ban"),
        IndexRecordOption::Basic,
    );
    assert_eq!(searcher.search(&query, &Count)?, 3);
    // The query parser analyses with the field's analyzer: old style finds new style.
    let query = parse(&index, exact, "hòa")?;
    assert_eq!(searcher.search(&query, &Count)?, 1);
    Ok(())
}
