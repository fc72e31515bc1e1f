//! Parser hints: each newsletter here follows a convention the built-in rules miss, parses
//! wrongly without its hint and rightly with it. Chinese and English.

mod common;

use common::shape::shape;
use kanbao::read::plain::{Hints, parse, parse_with};

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn bylines(list: &[&str]) -> Hints {
    Hints {
        bylines: words(list),
        ..Hints::default()
    }
}

fn agencies(list: &[&str]) -> Hints {
    Hints {
        agencies: words(list),
        ..Hints::default()
    }
}

fn markers(list: &[&str]) -> Hints {
    Hints {
        section_markers: words(list),
        ..Hints::default()
    }
}

/// Asserts that `text` parses to `expected` with `hints` and to something else without them.
fn needs_hint(text: &str, hints: &Hints, expected: &[&str]) {
    assert_eq!(shape(&parse_with(text, hints)), expected, "with {hints:?}");
    assert_ne!(
        shape(&parse(text)),
        expected,
        "the rules alone already know it"
    );
}

#[test]
fn default_hints_are_the_rules_alone() {
    let text = "标题一\n\n正文第一段。\n\n记者 张三\n\nHeadline Two\n\nBody two. (Reuters)\n";
    assert_eq!(parse_with(text, &Hints::default()), parse(text));
}

#[test]
fn a_chinese_byline_word_makes_a_credit_line() {
    needs_hint(
        "标题一\n\n正文第一段。\n\n执笔 张三\n\n标题二\n\n正文二。\n",
        &bylines(&["执笔"]),
        &[
            "综合? | 标题一 | 执笔 张三 | story | P",
            "综合? | 标题二 | - | story | P",
        ],
    );
}

#[test]
fn an_english_byline_word_makes_a_credit_line() {
    needs_hint(
        "Headline One\n\nBody one.\n\nText: Jane Doe\n\nHeadline Two\n\nBody two.\n",
        &bylines(&["Text:"]),
        &[
            "News? | Headline One | Text: Jane Doe | story | P",
            "News? | Headline Two | - | story | P",
        ],
    );
    // Under the headline, in any case, and the word is never the start of a longer word.
    needs_hint(
        "Library Reopens\nTEXT: Jane Doe\n\nThe library reopened on Saturday.\n",
        &bylines(&["Text:"]),
        &["News? | Library Reopens | TEXT: Jane Doe | story | P"],
    );
    let text = "Headline One\n\nBody one.\n\nTexture Matters Most\n\nBody two.\n";
    assert_eq!(parse_with(text, &bylines(&["Text"])), parse(text));
}

#[test]
fn a_chinese_agency_credits_and_groups_its_copy() {
    needs_hint(
        "标题一\n\n正文一。\n\n据财新\n\n标题二\n\n正文二。\n\n据财新\n",
        &agencies(&["财新"]),
        &[
            "财新? | 标题一 | 据财新 | story | P",
            "财新? | 标题二 | 据财新 | story | P",
        ],
    );
    // Its reporter under a headline, and its dateline opening a story of its own.
    needs_hint(
        "标题一\n财新记者 张三\n\n正文一。\n\n财新北京3月5日电 会议今天开幕。\n",
        &agencies(&["财新"]),
        &[
            "财新? | 标题一 | 财新记者 张三 | story | P",
            "财新? | 财新北京3月5日电 会议今天开幕? | - | story | P",
        ],
    );
}

#[test]
fn an_english_agency_credits_and_groups_its_copy() {
    needs_hint(
        "Headline One\n\nTalks ended on Monday. (Semafor)\n\nHeadline Two\n\nLONDON (Semafor) - The vote was close.\n",
        &agencies(&["Semafor"]),
        &[
            "Semafor? | Headline One | Semafor | story | P",
            "Semafor? | Headline Two | - | story | P",
        ],
    );
    needs_hint(
        "Headline One\nBy Jane Doe, Semafor\n\nTalks ended on Monday.\n\nHeadline Two\nBy John Roe, SEMAFOR\n\nThe vote was close.\n",
        &agencies(&["Semafor"]),
        &[
            "Semafor? | Headline One | By Jane Doe, Semafor | story | P",
            "Semafor? | Headline Two | By John Roe, SEMAFOR | story | P",
        ],
    );
}

#[test]
fn a_square_marker_form_marks_chinese_sections() {
    needs_hint(
        "■ 本地新闻\n\n标题一\n\n正文一。\n\n■ 体育\n\n标题二\n\n正文二。\n",
        &markers(&["■ {}"]),
        &[
            "本地新闻 | 标题一 | - | story | P",
            "体育 | 标题二 | - | story | P",
        ],
    );
}

#[test]
fn a_tortoise_shell_marker_form_marks_chinese_sections() {
    needs_hint(
        "〔本地新闻〕\n标题一\n\n正文一。\n\n〔 体育 〕\n标题二\n\n正文二。\n",
        &markers(&["〔{}〕"]),
        &[
            "本地新闻 | 标题一 | - | story | P",
            "体育 | 标题二 | - | story | P",
        ],
    );
}

#[test]
fn a_bracket_marker_form_marks_english_sections() {
    needs_hint(
        "[Local]\n\nHeadline One\n\nBody one.\n\n[Sport]\n\nHeadline Two\n\nBody two.\n",
        &markers(&["[{}]"]),
        &[
            "Local | Headline One | - | story | P",
            "Sport | Headline Two | - | story | P",
        ],
    );
}

#[test]
fn a_word_marker_form_marks_english_sections() {
    needs_hint(
        "Section: City Hall\n\nHeadline One\n\nBody one.\n\nSection: Sport\n\nHeadline Two\n\nBody two.\n",
        &markers(&["Section: {}"]),
        &[
            "City Hall | Headline One | - | story | P",
            "Sport | Headline Two | - | story | P",
        ],
    );
}

#[test]
fn marker_forms_the_rules_already_know_change_nothing() {
    // `〖体育〗` and `=== Sport ===` are built-in markers.
    let text = "〖体育〗\n\n标题一\n\n正文一。\n\n=== Sport ===\n\nHeadline Two\n\nBody two.\n";
    let hinted = parse_with(text, &markers(&["〖{}〗", "=== {} ==="]));
    assert_eq!(hinted, parse(text));
    assert_eq!(
        shape(&hinted),
        [
            "体育 | 标题一 | - | story | P",
            "Sport | Headline Two | - | story | P"
        ]
    );
}

#[test]
fn marker_forms_without_one_title_or_with_an_empty_title_are_ignored() {
    let text = "■ 本地新闻\n\n标题一\n\n正文一。\n\n■\n\n[]\n\n[ ]\n\n{}\n\n标题二\n\n正文二。\n";
    let bad = markers(&["", "   ", "■", "{}", " {} ", "[{}]{}", "{}{}", "[{}]"]);
    assert_eq!(parse_with(text, &bad), parse(text));
    // Blank byline words and agencies are ignored too.
    let blank = Hints {
        bylines: words(&["", " "]),
        agencies: words(&["", "\u{3000}"]),
        section_markers: Vec::new(),
    };
    assert_eq!(parse_with(text, &blank), parse(text));
}

#[test]
fn hints_that_do_not_apply_change_nothing() {
    let hints = Hints {
        bylines: words(&["执笔", "Text:"]),
        agencies: words(&["财新", "Semafor"]),
        section_markers: words(&["■ {}", "〔{}〕", "[{}]", "Section: {}"]),
    };
    let sample = include_str!("../assets/sample.txt");
    assert_eq!(parse_with(sample, &hints), parse(sample));
    let english = "The Harbour Weekly — Issue 42\n\nFerry Route Opens\nBy Jane Doe\n\nA new ferry route opens today.\n\nCouncil Vote\n\nWASHINGTON (Reuters) - The council voted.\n";
    assert_eq!(parse_with(english, &hints), parse(english));
}
