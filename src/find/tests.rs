//! The matcher's tests: folding, smart case, the whitespace rule, offsets, snippets.

use super::*;
use crate::doc::{ArticleKind, Block, BlockKind};

fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
    Query::new(query)
        .unwrap()
        .find_in(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn an_empty_query_finds_nothing() {
    assert!(Query::new("").is_none());
    assert!(Query::new(" \u{3000} ").is_none());
}

#[test]
fn latin_is_case_insensitive_until_a_capital_is_typed() {
    assert_eq!(
        found("union", "Union union UNION"),
        ["Union", "union", "UNION"]
    );
    assert_eq!(found("Union", "Union union UNION"), ["Union"]);
    assert_eq!(found("straße", "STRASSE Straße"), ["Straße"]);
}

#[test]
fn full_width_and_half_width_are_the_same() {
    assert_eq!(found("2023", "２０２３年和2023年"), ["２０２３", "2023"]);
    assert_eq!(found("，", "甲,乙，丙"), [",", "，"]);
    assert_eq!(found("ab", "ＡＢ和ab"), ["ＡＢ", "ab"]);
    assert_eq!(found("２０２３", "2023"), ["2023"]);
    // A capital typed in full width does not make the search case-sensitive.
    assert_eq!(found("Ａ", "a A ａ Ａ"), ["a", "A", "ａ", "Ａ"]);
    assert_eq!(found("Ab", "ab Ab ＡＢ Ａｂ"), ["Ab", "Ａｂ"]);
}

#[test]
fn a_space_matches_any_run_of_spaces_or_nothing_between_cjk() {
    assert_eq!(
        found("提案 工作", "提案工作和提案  工作"),
        ["提案工作", "提案  工作"]
    );
    assert_eq!(
        found("open source", "open   source, opensource"),
        ["open   source"]
    );
    assert_eq!(
        found("open source", "open\u{3000}source"),
        ["open\u{3000}source"]
    );
    assert_eq!(found("工会 2023", "工会2023"), Vec::<&str>::new());
}

#[test]
fn matches_do_not_overlap_and_ranges_are_the_original_bytes() {
    assert_eq!(found("aa", "aaa"), ["aa"]);
    assert_eq!(found("工工", "工工工工工"), ["工工", "工工"]);
    // Full-width forms before and after the match shift the offsets both ways.
    let text = "２０２３年，ＵＮＩＯＮ和union的ＵＮＩＯＮ";
    let ranges = Query::new("union").unwrap().find_in(text);
    let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(got, ["ＵＮＩＯＮ", "union", "ＵＮＩＯＮ"]);
    assert_eq!(ranges[0], 18..33);
    let text = "Ｔｈｅ ＵＮＩＯＮ";
    let ranges = Query::new("union").unwrap().find_in(text);
    assert_eq!(ranges.len(), 1);
    assert_eq!(&text[ranges[0].clone()], "ＵＮＩＯＮ");
}

#[test]
fn emoji_and_combining_marks_are_just_text() {
    assert_eq!(
        found("e\u{301}", "cafe\u{301} 😀 e\u{301}"),
        ["e\u{301}", "e\u{301}"]
    );
    assert_eq!(found("😀", "a😀b"), ["😀"]);
}

#[test]
fn a_match_crosses_a_join_the_parser_made() {
    // The parser joined "…推动" and "全民健身…" into one block: one text to search.
    let article = Article {
        title: "标题".into(),
        title_inferred: false,
        subtitle: None,
        byline: Some("记者 王五".into()),
        kind: ArticleKind::Story,
        blocks: vec![Block::new(
            BlockKind::Paragraph,
            "这次活动为推动全民健身提供了平台。",
        )],
        ..Article::default()
    };
    let q = Query::new("推动全民").unwrap();
    let m = find_in_article(&article, &q);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].part, Part::Block(0));
    let q = Query::new("王五").unwrap();
    assert_eq!(find_in_article(&article, &q)[0].part, Part::Byline);
}

#[test]
fn snippets_fit_their_width_and_keep_the_match() {
    let text = "十三届全国人大及其常委会通过宪法修正案，制定法律47件，修改法律111件次。";
    let q = Query::new("制定法律").unwrap();
    let r = q.find_in(text)[0].clone();
    for width in [8, 12, 20, 30, 80] {
        let (s, m) = snippet(text, r.clone(), width);
        assert!(display_width(&s) <= width, "{s} at {width}");
        assert_eq!(&s[m.clone()], "制定法律");
        // Context was dropped, and there was room to say so.
        if width < display_width(text) && width > display_width("制定法律") {
            assert!(s.contains('…'), "{s}");
        }
    }
    let (s, m) = snippet(text, r, 5);
    assert!(display_width(&s) <= 5);
    assert_eq!(m.start, 0);
}

#[test]
fn a_snippet_is_one_row_and_never_splits_a_cluster() {
    let text = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}\n👩\u{200d}👩 工会 tail";
    let r = Query::new("工会").unwrap().find_in(text)[0].clone();
    for width in 5..20 {
        let (s, m) = snippet(text, r.clone(), width);
        assert!(display_width(&s) <= width, "{s:?} at {width}");
        assert_eq!(&s[m], "工会");
        assert!(!s.contains('\n'));
        let after_ellipsis = s.strip_prefix('…').unwrap_or(&s);
        assert!(
            !after_ellipsis.starts_with(['\u{301}', '\u{200d}']),
            "{s:?}"
        );
        assert!(
            !after_ellipsis.starts_with("👩") || after_ellipsis.starts_with("👩\u{200d}"),
            "{s:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn a_substring_is_found_where_it_is(
        text in "[a-z工会人大 ]{0,40}",
        start in 0usize..40,
        len in 1usize..6,
    ) {
        let chars: Vec<char> = text.chars().collect();
        let start = start.min(chars.len());
        let end = (start + len).min(chars.len());
        let needle: String = chars[start..end].iter().collect();
        proptest::prop_assume!(!needle.contains(' ') && !needle.is_empty());
        let ranges = Query::new(&needle).unwrap().find_in(&text);
        proptest::prop_assert!(!ranges.is_empty());
        for r in &ranges {
            proptest::prop_assert_eq!(&text[r.clone()], needle.as_str());
        }
        for w in ranges.windows(2) {
            proptest::prop_assert!(w[0].end <= w[1].start);
        }
    }
}

/// The matches a plain reading of the rules gives for a query without spaces: fold every
/// character, then take the leftmost match, skip past it, repeat.
fn reference(query: &str, text: &str) -> Vec<Range<usize>> {
    let case_sensitive = query
        .chars()
        .any(|c| c.is_uppercase() && !('\u{FF01}'..='\u{FF5E}').contains(&c));
    let needle: Vec<char> = query.chars().map(|c| fold(c, !case_sensitive)).collect();
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, fold(c, !case_sensitive)))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        if chars[i..i + needle.len()]
            .iter()
            .map(|&(_, c)| c)
            .eq(needle.iter().copied())
        {
            let end = chars
                .get(i + needle.len())
                .map_or(text.len(), |&(at, _)| at);
            out.push(chars[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn folding_agrees_with_a_plain_reading_of_the_rules(
        text in "[abAB1１ａｂＡＢ工会é😀 \u{3000}]{0,30}",
        query in "[abAB1１ａｂＡＢ工会]{1,3}",
    ) {
        let got = Query::new(&query).unwrap().find_in(&text);
        proptest::prop_assert_eq!(got, reference(&query, &text));
    }
}
