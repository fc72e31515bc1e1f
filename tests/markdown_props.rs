//! The Markdown front end over random documents built from the pieces newsletters are made
//! of (headings, paragraphs with bold, italics, links, images, comments and `<u>`, lists,
//! quotes, code fences, tables, Chinese and English words): whatever the mix, no markup
//! reaches the text a reader sees, every span lies inside its text on char boundaries, and
//! parsing never panics.

use kanbao::app::App;
use kanbao::doc::{Newsletter, Span};
use kanbao::read::markdown::parse;
use proptest::prelude::*;

mod common;

/// Markup that must never be visible.
const MARKUP: [&str; 5] = ["](", "**", "<!--", "-->", "<u>"];

/// A word: Chinese (some ending in a mark, as `**测试快了。**这是` does), or English.
fn word() -> impl Strategy<Value = (bool, String)> {
    prop_oneof![
        3 => proptest::sample::select(vec![
            "测试", "快了", "大家", "周报", "工具", "地铁站", "声音", "地图", "测试快了。",
            "这是", "开源，", "（完）", "“热岛”",
        ])
        .prop_map(|w| (true, w.to_string())),
        2 => proptest::sample::select(vec![
            "widget", "Terminal", "weekly", "fast", "redraw", "notes", "v2.0", "A", "ok.",
        ])
        .prop_map(|w| (false, w.to_string())),
    ]
}

/// A run of words, spaced as each language spaces them.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), 1..=max).prop_map(|ws| {
        let mut out = String::new();
        let mut prev_cjk = None;
        for (cjk, w) in ws {
            if prev_cjk.is_some_and(|p: bool| !(p && cjk)) {
                out.push(' ');
            }
            out.push_str(&w);
            prev_cjk = Some(cjk);
        }
        out
    })
}

/// A piece of a paragraph: a plain word or one kind of inline markup; `true` for markup.
fn inline_piece() -> impl Strategy<Value = (bool, String)> {
    prop_oneof![
        6 => words(3).prop_map(|w| (false, w)),
        2 => words(2).prop_map(|w| (true, format!("**{w}**"))),
        1 => words(2).prop_map(|w| (true, format!("*{w}*"))),
        2 => (words(2), 0..50u8).prop_map(|(w, n)| (true, format!("[{w}](http://x/{n})"))),
        1 => (words(1), 0..50u8).prop_map(|(w, n)| (true, format!("![{w}](http://x/{n}.png)"))),
        1 => (0..50u8).prop_map(|n| (true, format!("![](http://x/{n}.png)"))),
        1 => words(2).prop_map(|w| (true, format!("<!-- {w} -->"))),
        1 => words(2).prop_map(|w| (true, format!("<u>{w}</u>"))),
        1 => words(1).prop_map(|w| (true, format!("`{w}`"))),
        1 => Just((true, "<br>".to_string())),
    ]
}

/// Inline pieces joined as a writer joins them: markup next to markup with a space, a word
/// next to anything with or without one (Chinese has none), now and then a line break (so a
/// comment or a `<br>` may start a line, and an HTML block with it).
fn inline(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec((inline_piece(), 0..4u8), 1..=max).prop_map(|pieces| {
        let mut out = String::new();
        let mut prev = None;
        for ((markup, text), gap) in pieces {
            if let Some(prev) = prev {
                out.push_str(match gap {
                    _ if prev && markup => " ",
                    0 => "\n",
                    1 => " ",
                    _ => "",
                });
            }
            out.push_str(&text);
            prev = Some(markup);
        }
        out
    })
}

/// A table cell: like a paragraph's text.
fn cell() -> impl Strategy<Value = String> {
    inline(2)
}

/// A block of the document, its source ending in a blank line.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (1..=4usize, inline(3)).prop_map(|(level, text)| {
            format!("{} {}\n\n", "#".repeat(level), text.replace('\n', " "))
        }),
        6 => inline(8).prop_map(|text| format!("{text}\n\n")),
        2 => (0..3u8, inline(3), words(3)).prop_map(|(kind, text, plain)| match kind {
            0 => format!("1、{}\n\n", text.replace('\n', " ")),
            1 => format!("（2）{}\n\n", text.replace('\n', " ")),
            _ => format!("**1、{plain}**\n\n"),
        }),
        2 => proptest::collection::vec((0..3usize, 0..4u8, inline(3)), 1..5).prop_map(|items| {
            let mut out = String::new();
            // Each item at most one level deeper than the one before; the first at the top.
            let mut depth: Option<usize> = None;
            for (d, marker, text) in items {
                let depth = *depth.insert(depth.map_or(0, |p| d.min(p + 1)));
                let marker = ["-", "*", "1.", "- [ ]"][usize::from(marker)];
                let text = text.replace('\n', " ");
                out.push_str(&format!("{}{marker} {text}\n", "    ".repeat(depth)));
            }
            out + "\n"
        }),
        1 => (1..=3usize, inline(4)).prop_map(|(depth, text)| {
            let bars = "> ".repeat(depth);
            format!("{bars}{}\n\n", text.replace('\n', &format!("\n{bars}")))
        }),
        1 => (proptest::option::of("[a-z]{1,6}"), proptest::collection::vec(words(4), 1..4))
            .prop_map(|(lang, lines)| {
                format!("```{}\n{}\n```\n\n", lang.unwrap_or_default(), lines.join("\n"))
            }),
        1 => (1..4usize, proptest::collection::vec(cell(), 2..10)).prop_map(|(cols, cells)| {
            let rows: Vec<String> = cells
                .chunks(cols)
                .map(|row| {
                    let cells: Vec<String> = row.iter().map(|c| c.replace('\n', " ")).collect();
                    format!("| {} |", cells.join(" | "))
                })
                .collect();
            let rule = format!("|{}", " --- |".repeat(cols));
            let mut out = rows[0].clone() + "\n" + &rule + "\n";
            for row in &rows[1..] {
                out.push_str(row);
                out.push('\n');
            }
            out + "\n"
        }),
        1 => Just("---\n\n".to_string()),
    ]
}

/// A whole document, now and then with front matter.
fn document() -> impl Strategy<Value = String> {
    (
        proptest::option::of(words(3)),
        proptest::collection::vec(block(), 1..16),
    )
        .prop_map(|(front, blocks)| {
            let front = front.map_or(String::new(), |t| {
                format!("---\ntitle: {t}\ndate: 2026-11-25\n---\n\n")
            });
            front + &blocks.concat()
        })
}

/// Every text a reader sees, with its spans and where it is.
fn texts(doc: &Newsletter) -> Vec<(String, &str, &[Span])> {
    let mut out: Vec<(String, &str, &[Span])> = Vec::new();
    if let Some(t) = &doc.title {
        out.push(("the title".into(), t, &[]));
    }
    for (i, s) in doc.sections.iter().enumerate() {
        out.push((format!("section {i}"), &s.title, &[]));
        for (j, a) in s.articles.iter().enumerate() {
            for (part, text) in a.parts() {
                out.push((
                    format!("section {i} article {j} {part:?}"),
                    text,
                    a.spans(part),
                ));
            }
        }
    }
    out
}

fn check(source: &str) -> Result<(), String> {
    let doc = parse(source);
    for (at, text, spans) in texts(&doc) {
        if let Some(bad) = MARKUP.iter().find(|m| text.contains(*m)) {
            return Err(format!("{at}: {bad:?} in {text:?}"));
        }
        for s in spans {
            let inside = s.start < s.end && s.end <= text.len();
            if !inside || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
                return Err(format!(
                    "{at}: span {s:?} outside or inside a char of {text:?}"
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES raises the count for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500)
    ))]

    #[test]
    fn no_markup_reaches_the_text_and_spans_stay_inside(source in document()) {
        if let Err(e) = check(&source) {
            prop_assert!(false, "{}\nsource:\n{}", e, source);
        }
    }

    #[test]
    fn any_text_parses_without_panicking(source in "(\\PC|[\\n#*_`\\[\\]()<>!|~-]){0,300}") {
        let _ = parse(&source);
    }

    /// Every article of a random digest drawn at any size, down to a single cell, with a search
    /// over it: the markers, bars, labels, rules and spans drawn outside the text never go out
    /// of the screen, and nothing panics.
    #[test]
    fn every_article_draws_at_any_size(
        source in document(),
        width in 1u16..90,
        height in 1u16..30,
    ) {
        let mut app = App::new(parse(&source), "digest.md".into(), (width, height));
        let articles = app.doc.articles().count();
        common::press(&mut app, "/测<Enter>");
        for _ in 0..articles.min(12) {
            let _ = common::buffer(&app);
            common::press(&mut app, "]<Space>");
        }
        let _ = common::buffer(&app);
    }
}

#[test]
fn the_check_notices_markup_left_in_the_text() {
    // `**` that is not paired is text in Markdown too; the check must see it.
    assert!(check("## S\n\n5 ** 2 is 25.\n").is_err());
    assert!(check("## S\n\n**测试快了。**这是\n").is_ok());
}
