//! The Markdown front end's mapping rules, each on a small document of its own: headings to
//! title, sections and articles; numbered and lead-line items; what markup becomes (blocks,
//! spans, urls) and what never reaches the text. A few go through the real binary, as a user
//! opens a file. None of these texts comes from a real newsletter.

use kanbao::doc::{Article, Block, BlockKind, Newsletter, Span, SpanKind};
use kanbao::read::markdown::parse;
use serde_json::Value;

mod common;

/// One line per article: `section | title`, `?` after an inferred section.
fn outline(doc: &Newsletter) -> Vec<String> {
    doc.sections
        .iter()
        .flat_map(|s| {
            let section = format!("{}{}", s.title, if s.inferred { "?" } else { "" });
            s.articles
                .iter()
                .map(move |a| format!("{section} | {}", a.title))
        })
        .collect()
}

/// The article titled `title`; panics with the outline when there is none.
fn article<'a>(doc: &'a Newsletter, title: &str) -> &'a Article {
    doc.articles()
        .map(|(_, a)| a)
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no article {title:?} in {:#?}", outline(doc)))
}

/// Every block of the document, in reading order.
fn blocks(doc: &Newsletter) -> Vec<&Block> {
    doc.articles().flat_map(|(_, a)| &a.blocks).collect()
}

/// The blocks of one kind.
fn of_kind(doc: &Newsletter, kind: BlockKind) -> Vec<&Block> {
    blocks(doc).into_iter().filter(|b| b.kind == kind).collect()
}

/// Every text a reader can see: the title, section titles, headlines, subtitles, credits and
/// block texts.
fn all_text(doc: &Newsletter) -> String {
    let mut out = doc.title.clone().unwrap_or_default();
    for s in &doc.sections {
        out.push('\n');
        out.push_str(&s.title);
        for a in &s.articles {
            for (_, text) in a.parts() {
                out.push('\n');
                out.push_str(text);
            }
        }
    }
    out
}

/// The text a span covers.
fn covered<'a>(text: &'a str, span: &Span) -> &'a str {
    &text[span.start..span.end]
}

/// The spans of `kind` in `block`, as the text they cover.
fn spanned(block: &Block, kind: SpanKind) -> Vec<&str> {
    block
        .spans()
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| covered(&block.text, s))
        .collect()
}

/// The first block whose text contains `needle`.
fn block_with<'a>(doc: &'a Newsletter, needle: &str) -> &'a Block {
    blocks(doc)
        .into_iter()
        .find(|b| b.text.contains(needle))
        .unwrap_or_else(|| panic!("no block with {needle:?} in {doc:#?}"))
}

// ---- Headings: title, sections, articles ----

#[test]
fn the_one_top_heading_is_the_title() {
    let doc = parse("# Harbour Weekly\n\n## News\n\nThe ferry runs again.\n");
    assert_eq!(doc.title.as_deref(), Some("Harbour Weekly"));
    assert_eq!(outline(&doc), ["News | News"]);
    assert!(!all_text(&doc).contains('#'));
}

#[test]
fn yaml_front_matter_gives_the_title_and_date() {
    let doc = parse(
        "---\ntitle: \"Field Notes\"\ndate: 2026-01-02\nauthor: Someone\n---\n\n## Maps\n\nA map.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Field Notes"));
    assert_eq!(doc.date.as_deref(), Some("2026-01-02"));
    assert_eq!(outline(&doc), ["Maps | Maps"]);
    let text = all_text(&doc);
    assert!(!text.contains("author") && !text.contains("---"), "{text}");
}

#[test]
fn a_pelican_header_gives_the_title_and_date_and_is_never_text() {
    let doc = parse(
        "Title: Widgets 4\nNumber: 4\nDate: 2026-03-04\n\nHello there.\n\n## News\n\nA widget.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Widgets 4"));
    assert_eq!(doc.date.as_deref(), Some("2026-03-04"));
    let text = all_text(&doc);
    assert!(
        !text.contains("Number") && !text.contains("Date:"),
        "{text}"
    );
    // What comes before the first section is the lead, titled like the document.
    assert_eq!(outline(&doc), ["Widgets 4? | Widgets 4", "News | News"]);
}

#[test]
fn second_level_headings_are_sections_and_third_level_ones_articles() {
    let doc = parse(
        "# Digest\n\n## Tools\n\n### Hammer\n\nHeavy.\n\n### Saw\n\nSharp.\n\n## Books\n\n### Atlas\n\nMaps.\n",
    );
    assert_eq!(
        outline(&doc),
        ["Tools | Hammer", "Tools | Saw", "Books | Atlas"]
    );
    assert_eq!(article(&doc, "Saw").blocks[0].text, "Sharp.");
}

#[test]
fn a_document_that_skips_a_level_shifts_up() {
    // A title, then `###` sections and `####` articles: as if they were `##` and `###`.
    let doc = parse("# Digest\n\n### Tools\n\n#### Hammer\n\nHeavy.\n\n### Books\n\nMaps.\n");
    assert_eq!(doc.title.as_deref(), Some("Digest"));
    assert_eq!(outline(&doc), ["Tools | Hammer", "Books | Books"]);
    // Without a title at all, the top level present makes the sections.
    let doc = parse("### Tools\n\n#### Hammer\n\nHeavy.\n\n### Books\n\nMaps.\n");
    assert_eq!(doc.title, None);
    assert_eq!(outline(&doc), ["Tools | Hammer", "Books | Books"]);
}

#[test]
fn a_lone_top_heading_further_down_is_a_section() {
    let doc = parse(
        "## News\n\nThe ferry.\n\n# Quote of the Week\n\n> Slow is smooth.\n\n## Events\n\nA fair.\n",
    );
    assert_eq!(doc.title, None, "not the title: it is not first");
    assert_eq!(
        outline(&doc),
        [
            "News | News",
            "Quote of the Week | Quote of the Week",
            "Events | Events"
        ]
    );
}

// ---- Items in a section without article headings ----

#[test]
fn numbered_linked_items_start_articles_titled_by_the_link() {
    let doc = parse(
        "## 动态\n\n1、[会折叠的头盔](https://example.com/1)\n\n一家公司推出了头盔。\n\n\
         2、[地铁的声音](https://example.com/2)\n\n录下了站台的声音。\n",
    );
    assert_eq!(outline(&doc), ["动态 | 会折叠的头盔", "动态 | 地铁的声音"]);
    let first = article(&doc, "会折叠的头盔");
    assert_eq!(first.url.as_deref(), Some("https://example.com/1"));
    assert_eq!(first.blocks[0].text, "一家公司推出了头盔。");
    assert!(!all_text(&doc).contains("1、"));
}

#[test]
fn escaped_numbered_paragraphs_start_articles() {
    // `1\.` keeps Markdown from making a list; the first line is the headline.
    let doc = parse(
        "## Notes\n\n1\\. Ferries return\nThey run hourly.\n\n2\\. Trains slow down\nWork.\n",
    );
    assert_eq!(
        outline(&doc),
        ["Notes | Ferries return", "Notes | Trains slow down"]
    );
    assert_eq!(
        article(&doc, "Ferries return").blocks[0].text,
        "They run hourly."
    );
    // A number that is not a marker stays text.
    let doc = parse("## Notes\n\n2.0 is out.\n\n3.5% more.\n");
    assert_eq!(outline(&doc), ["Notes | Notes"]);
}

#[test]
fn bracketed_numbers_start_articles() {
    let doc = parse("## 要点\n\n（1）第一条\n\n内容一。\n\n（2）第二条\n\n内容二。\n");
    assert_eq!(outline(&doc), ["要点 | 第一条", "要点 | 第二条"]);
    assert_eq!(article(&doc, "第二条").blocks[0].text, "内容二。");
}

#[test]
fn bold_numbered_lines_start_articles_without_marker_or_stars() {
    let doc = parse("## 工具\n\n**1、quickdiff**\n\n比较目录。\n\n**2、墨记**\n\n笔记应用。\n");
    assert_eq!(outline(&doc), ["工具 | quickdiff", "工具 | 墨记"]);
    let a = article(&doc, "墨记");
    assert_eq!(a.title_spans.len(), 1);
    assert_eq!(a.title_spans[0].kind, SpanKind::Strong);
    assert_eq!(covered(&a.title, &a.title_spans[0]), "墨记");
}

#[test]
fn lone_bold_and_lone_linked_lines_start_articles() {
    let doc = parse(
        "## Reading\n\n**The cartographer**\n\nA profile.\n\n\
         [The quiet web ring](https://example.com/ring)\n\nA ring of sites.\n\n\
         **Tip:** read the notes.\n",
    );
    assert_eq!(
        outline(&doc),
        ["Reading | The cartographer", "Reading | The quiet web ring"]
    );
    let ring = article(&doc, "The quiet web ring");
    assert_eq!(ring.url.as_deref(), Some("https://example.com/ring"));
    // A line that only starts bold is body text.
    assert_eq!(ring.blocks[1].text, "Tip: read the notes.");
}

#[test]
fn a_section_with_neither_headings_nor_items_is_one_article_titled_by_its_heading() {
    let doc = parse("## Notes\n\nFirst thought.\n\n*Second* thought.\n\n- a list\n");
    assert_eq!(outline(&doc), ["Notes | Notes"]);
    assert_eq!(article(&doc, "Notes").blocks.len(), 3);
}

#[test]
fn the_text_before_the_first_item_is_the_sections_lead_in() {
    let doc = parse(
        "## 文章\n\n本周的文章偏重系统编程。\n\n1、[容器变慢](https://example.com/1)\n\n作者发现。\n",
    );
    assert_eq!(outline(&doc), ["文章 | 文章", "文章 | 容器变慢"]);
    assert_eq!(
        article(&doc, "文章").blocks[0].text,
        "本周的文章偏重系统编程。"
    );
}

#[test]
fn fourth_level_headings_are_subheadings() {
    let doc = parse(
        "# D\n\n## Notes\n\n### Paper\n\nIntro.\n\n#### On notebooks\n\nKeep one.\n\n### Ink\n\nBlue.\n",
    );
    assert_eq!(outline(&doc), ["Notes | Paper", "Notes | Ink"]);
    let kinds: Vec<_> = article(&doc, "Paper")
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Paragraph, "Intro."),
            (BlockKind::Subheading, "On notebooks"),
            (BlockKind::Paragraph, "Keep one."),
        ]
    );
}

// ---- Images ----

#[test]
fn images_are_image_blocks_and_never_titles() {
    let doc = parse(
        "## 工具\n\n![](https://example.org/cover.png)\n\n**墨记**\n\n![界面截图](https://example.org/ui.png)\n\n笔记应用。\n",
    );
    // The image before the bold line does not start an article, nor is it one's title.
    assert_eq!(outline(&doc), ["工具 | 工具", "工具 | 墨记"]);
    let images = of_kind(&doc, BlockKind::Image);
    let shown: Vec<_> = images
        .iter()
        .map(|b| (b.text.as_str(), b.url().unwrap_or("")))
        .collect();
    assert_eq!(
        shown,
        [
            ("", "https://example.org/cover.png"),
            ("界面截图", "https://example.org/ui.png")
        ]
    );
    let text = all_text(&doc);
    assert!(
        !text.contains("![") && !text.contains("example.org"),
        "{text}"
    );
}

#[test]
fn a_linked_image_leaves_no_placeholder() {
    let doc =
        parse("## S\n\n[![](https://example.org/a.png)](https://example.org/page)\n\nBody.\n");
    let kinds: Vec<_> = blocks(&doc).iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BlockKind::Image, BlockKind::Paragraph]);
    let text = all_text(&doc);
    assert!(!text.contains("[link]") && !text.contains("[]"), "{text}");
    // With alt text, the link stays on it.
    let doc = parse("## S\n\n[![badge](https://example.org/b.png)](https://example.org/ci)\n");
    let image = of_kind(&doc, BlockKind::Image)[0];
    assert_eq!(image.text, "badge");
    assert_eq!(
        image.spans()[0].url.as_deref(),
        Some("https://example.org/ci")
    );
}

#[test]
fn an_image_stays_before_the_caption_that_follows_it() {
    for source in [
        "## S\n\n![](https://example.org/cover.png)\n封面：编辑部的旧键盘\n",
        "## S\n\n<p align=\"center\">\n  <img src=\"https://example.org/cover.png\"/><br>\n  封面：编辑部的旧键盘\n</p>\n",
    ] {
        let doc = parse(source);
        let kinds: Vec<_> = blocks(&doc).iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Image, BlockKind::Paragraph],
            "{source:?}"
        );
    }
}

// ---- Markup that is never text ----

#[test]
fn comments_front_matter_references_and_link_targets_are_never_text() {
    let doc = parse(
        "---\ntitle: T\ntags: [a, b]\n---\n\n## S\n\nBefore.\n\n<!-- one line -->\n\n\
         <!-- several\n\nlines, with blank lines\n\ninside -->\n\nSee [the page][p] and \
         [this](https://example.com/this \"a title\") <!-- inline --> too.\n\n\
         [p]: https://example.com/page\n",
    );
    let text = all_text(&doc);
    for bad in [
        "<!--",
        "-->",
        "several",
        "blank lines",
        "inline",
        "tags",
        "https://",
        "[p]",
        "a title",
    ] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
    let see = block_with(&doc, "See");
    let urls: Vec<_> = see
        .spans()
        .iter()
        .filter_map(|s| s.url.as_deref())
        .collect();
    assert_eq!(
        urls,
        ["https://example.com/page", "https://example.com/this"]
    );
}

// ---- Inline HTML ----

#[test]
fn u_tags_become_underline_spans() {
    let doc = parse("## S\n\n第二个办法，是<u>不要重新建库</u>，而是只建一次。\n");
    let b = block_with(&doc, "第二个办法");
    assert_eq!(b.text, "第二个办法，是不要重新建库，而是只建一次。");
    assert_eq!(spanned(b, SpanKind::Underline), ["不要重新建库"]);
}

#[test]
fn br_tags_break_the_line() {
    let doc = parse("## S\n\n最后的结果：<br>改造后四分钟。\n");
    assert_eq!(
        block_with(&doc, "最后").text,
        "最后的结果：\n改造后四分钟。"
    );
}

#[test]
fn img_tags_become_image_blocks() {
    let doc = parse(
        "## S\n\n<p align=\"center\"><img src=\"https://example.org/shot.png\" alt=\"截图\" width=\"80%\"/></p>\n\nText.\n",
    );
    let images = of_kind(&doc, BlockKind::Image);
    assert_eq!(images.len(), 1);
    assert_eq!(images[0].text, "截图");
    assert_eq!(images[0].url(), Some("https://example.org/shot.png"));
    let text = all_text(&doc);
    assert!(!text.contains('<') && !text.contains("align"), "{text}");
}

#[test]
fn an_iframe_becomes_a_linked_placeholder() {
    let doc = parse(
        "## S\n\nA demo:\n\n<iframe src=\"https://example.net/embed/demo\" width=\"560\"></iframe>\n",
    );
    let b = block_with(&doc, "[embedded content]");
    assert_eq!(b.spans().len(), 1);
    assert_eq!(covered(&b.text, &b.spans()[0]), "[embedded content]");
    assert_eq!(
        b.spans()[0].url.as_deref(),
        Some("https://example.net/embed/demo")
    );
    assert!(!all_text(&doc).contains("iframe"));
}

// ---- Footnotes ----

#[test]
fn a_footnote_mark_links_to_its_note_at_the_end() {
    let doc = parse(
        "## Core\n\nThe rewrite landed behind a flag[^flag].\n\n## Quote\n\n> Slow.\n\n\
         [^flag]: The flag is called `new-layout`.\n",
    );
    let mark = block_with(&doc, "The rewrite");
    assert_eq!(mark.text, "The rewrite landed behind a flag[1].");
    let link = &mark.spans()[0];
    assert_eq!(covered(&mark.text, link), "[1]");
    assert_eq!(link.url.as_deref(), Some("#fn-flag"));
    let last = *blocks(&doc).last().unwrap();
    assert_eq!(last.text, "[1] The flag is called new-layout.");
    assert!(!all_text(&doc).contains("[^"));
}

#[test]
fn a_footnote_defined_in_the_middle_still_ends_the_document() {
    let doc = parse(
        "## Core\n\nThe rewrite landed[^1].\n\n[^1]: Behind a flag.\n\n## Quote\n\n> Slow.\n",
    );
    let last = *blocks(&doc).last().unwrap();
    assert_eq!(last.text, "[1] Behind a flag.", "{:#?}", outline(&doc));
}

// ---- Lists, quotes, code, tables, rules ----

#[test]
fn list_items_keep_depth_and_markers() {
    let doc = parse(
        "## S\n\n- 衬线\n  - Monoserif\n    - Light\n- 无衬线\n\n3. three\n4. four\n\n\
         - [ ] to do\n- [x] done\n",
    );
    let items: Vec<_> = of_kind(&doc, BlockKind::ListItem)
        .iter()
        .map(|b| (b.depth(), b.marker().map(|m| m.text()), b.text.as_str()))
        .collect();
    let items: Vec<_> = items
        .iter()
        .map(|(d, m, t)| (*d, m.as_deref().unwrap_or(""), *t))
        .collect();
    assert_eq!(
        items,
        [
            (0, "•", "衬线"),
            (1, "◦", "Monoserif"),
            (2, "▪", "Light"),
            (0, "•", "无衬线"),
            (0, "3.", "three"),
            (0, "4.", "four"),
            (0, "☐", "to do"),
            (0, "☑", "done"),
        ]
    );
    assert!(!all_text(&doc).contains("[ ]") && !all_text(&doc).contains("[x]"));
}

#[test]
fn loose_lists_are_list_items_like_tight_ones() {
    let tight = parse("## S\n\n- one\n- two\n");
    let loose = parse("## S\n\n- one\n\n- two\n");
    let items = |doc: &Newsletter| -> Vec<(BlockKind, Option<String>, String)> {
        blocks(doc)
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.marker().map(|m| m.text().into_owned()),
                    b.text.to_string(),
                )
            })
            .collect()
    };
    assert_eq!(items(&loose), items(&tight));
    assert_eq!(items(&tight)[1].0, BlockKind::ListItem);
    // A second paragraph of an item is part of it, without a marker of its own.
    let doc = parse("## S\n\n- one\n\n  more of one\n\n- two\n");
    let items = items(&doc);
    assert_eq!(
        items[1],
        (BlockKind::ListItem, None, "more of one".to_string())
    );
}

#[test]
fn quotes_keep_their_depth() {
    let doc = parse("## S\n\n> 一层\n>\n> > 两层\n\n> back to one\n");
    let quotes: Vec<_> = of_kind(&doc, BlockKind::Quote)
        .iter()
        .map(|b| (b.depth(), b.text.as_str()))
        .collect();
    assert_eq!(quotes, [(1, "一层"), (2, "两层"), (1, "back to one")]);
    assert!(!all_text(&doc).contains('>'));
}

#[test]
fn code_keeps_its_language_and_its_text_verbatim() {
    let source = "use std::sync::Mutex;\n\nstatic PORTS: Mutex<u16> = Mutex::new(40000);\n    *p += 1; // **not bold** <u>no</u>";
    let doc = parse(&format!(
        "## S\n\n```rust\n{source}\n```\n\nAfter `Mutex<u16>`.\n"
    ));
    let code = of_kind(&doc, BlockKind::Code)[0];
    assert_eq!(code.text, source);
    assert_eq!(code.language(), Some("rust"));
    assert!(
        code.spans().is_empty(),
        "no styles in code: {:?}",
        code.spans()
    );
    // Inline code is code too: no underline taken from `<u16>`.
    let after = block_with(&doc, "After");
    assert_eq!(after.text, "After Mutex<u16>.");
    assert_eq!(spanned(after, SpanKind::Code), ["Mutex<u16>"]);
    assert!(spanned(after, SpanKind::Underline).is_empty());
}

#[test]
fn tables_keep_their_rows_align_their_text_and_bold_the_header() {
    let doc = parse(
        "## S\n\n| 项目 | 说明 |\n| --- | --- |\n| 分类并行 | 节省十四分钟 |\n| 锁 | **两**分钟 |\n",
    );
    let table = of_kind(&doc, BlockKind::Table)[0];
    let rows = table.rows();
    assert_eq!(
        rows,
        &[
            vec!["项目", "说明"],
            vec!["分类并行", "节省十四分钟"],
            vec!["锁", "两分钟"]
        ]
    );
    // Columns start at the same display column: `项目` is 4 columns, `分类并行` 8.
    assert_eq!(
        table.text,
        "项目      说明\n分类并行  节省十四分钟\n锁        两分钟"
    );
    assert_eq!(spanned(table, SpanKind::Strong), ["项目      说明"]);
    assert!(!table.text.contains('|') && !table.text.contains("---"));
}

#[test]
fn a_thematic_break_is_a_rule() {
    let doc = parse("## S\n\nAbove.\n\n---\n\nBelow.\n");
    let kinds: Vec<_> = blocks(&doc)
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Paragraph, "Above."),
            (BlockKind::Rule, ""),
            (BlockKind::Paragraph, "Below."),
        ]
    );
}

// ---- Emphasis and line breaks in Chinese ----

#[test]
fn bold_that_commonmark_leaves_raw_before_chinese_becomes_strong() {
    let doc = parse("## S\n\n**测试快了，大家才愿意多写测试。**这是我最大的体会。\n");
    let b = block_with(&doc, "测试快了");
    assert_eq!(b.text, "测试快了，大家才愿意多写测试。这是我最大的体会。");
    assert_eq!(
        spanned(b, SpanKind::Strong),
        ["测试快了，大家才愿意多写测试。"]
    );
}

#[test]
fn two_raw_bold_runs_in_one_paragraph_stay_two() {
    // CommonMark alone pairs the middle `**` (`。**内容一**第`) and leaves the outer two raw:
    // made bold as a pair, they would cover `内容一` too, one bold run where the writer wrote two.
    let doc = parse("## S\n\n**第一。**内容一**第二。**内容二\n");
    let b = block_with(&doc, "第一");
    assert_eq!(b.text, "第一。内容一第二。内容二");
    assert_eq!(spanned(b, SpanKind::Strong), ["第一。", "第二。"]);
}

#[test]
fn a_table_cell_gets_the_bold_commonmark_leaves_raw() {
    // The same text in a paragraph loses its stars (above); in a cell it keeps them.
    let doc = parse("## S\n\n| 说明 |\n| --- |\n| **测试快了。**这是 |\n");
    let table = of_kind(&doc, BlockKind::Table)[0];
    assert_eq!(table.rows()[1], ["测试快了。这是"]);
    assert!(!table.text.contains("**"), "{:?}", table.text);
}

#[test]

fn a_table_cell_gets_the_bold_commonmark_leaves_raw_after_an_ascii_mark() {
    // `**ok.**测试`: the `.` is no Chinese mark, so no gap is put beside the run, and
    // CommonMark leaves it raw; a paragraph still makes it bold, a cell does not.
    let doc = parse("## S\n\n**ok.**测试\n\n| 说明 |\n| --- |\n| **ok.**测试 |\n");
    assert_eq!(spanned(block_with(&doc, "ok."), SpanKind::Strong), ["ok."]);
    let table = of_kind(&doc, BlockKind::Table)[0];
    assert_eq!(table.rows()[1], ["ok.测试"]);
}

#[test]
fn raw_bold_beside_italics_leaves_no_stars() {
    // CommonMark alone takes one star of the second `**` for the italics, and one `**` is
    // left over as text.
    let doc = parse("## S\n\n**测试快了。**测试*（完）*\n");
    let b = block_with(&doc, "测试快了");
    assert_eq!(b.text, "测试快了。测试（完）");
    assert_eq!(spanned(b, SpanKind::Strong), ["测试快了。"]);
    assert_eq!(spanned(b, SpanKind::Em), ["（完）"]);
}

#[test]
fn html_at_a_line_start_leaves_no_markdown_raw() {
    // A comment that starts a line starts an HTML block, whose line CommonMark does not read
    // as Markdown; `<br>` alone on a line does the same up to the next blank line. Shown as
    // they are, they would put link targets and stars in front of the reader.
    for source in [
        "## S\n\n<!-- 编辑备注 --> 见[原文](https://example.org/a)。\n",
        "## S\n\n<br>\n**1、标题**\n正文见[原文](https://example.org/a)。\n",
    ] {
        let doc = parse(source);
        let text = all_text(&doc);
        assert!(
            !text.contains("](") && !text.contains("**") && !text.contains("编辑备注"),
            "{source:?} shows {text:?}"
        );
        let b = block_with(&doc, "原文");
        assert_eq!(spanned(b, SpanKind::Link), ["原文"], "{source:?}");
    }
}

#[test]
fn a_soft_break_joins_chinese_without_a_space_and_english_with_one() {
    let doc =
        parse("## S\n\n区总工会召开\n座谈会，部署全年任务。\n\nThe council met\non Monday.\n");
    assert_eq!(
        blocks(&doc)
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>(),
        [
            "区总工会召开座谈会，部署全年任务。",
            "The council met on Monday."
        ]
    );
}

// ---- Spans ----

#[test]
fn spans_lie_on_char_boundaries_and_cover_their_text() {
    let doc = parse(
        "## 链接\n\n欢迎[投稿](https://example.org/submit)，也可以\n[订阅 *邮件* 版](https://example.org/sub)。\
         **粗体**、*斜体*、`代码`、~~删除~~ and [English link](https://example.org/en).\n",
    );
    let b = block_with(&doc, "欢迎");
    for s in b.spans() {
        assert!(s.start < s.end && s.end <= b.text.len(), "{s:?}");
        assert!(b.text.is_char_boundary(s.start) && b.text.is_char_boundary(s.end));
    }
    let links: Vec<_> = b
        .spans()
        .iter()
        .filter(|s| s.kind == SpanKind::Link)
        .map(|s| (covered(&b.text, s), s.url.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        links,
        [
            ("投稿", "https://example.org/submit"),
            ("订阅 邮件 版", "https://example.org/sub"),
            ("English link", "https://example.org/en"),
        ]
    );
    assert_eq!(spanned(b, SpanKind::Strong), ["粗体"]);
    assert_eq!(spanned(b, SpanKind::Em), ["邮件", "斜体"]);
    assert_eq!(spanned(b, SpanKind::Code), ["代码"]);
    assert_eq!(spanned(b, SpanKind::Strike), ["删除"]);
    let starts: Vec<_> = b.spans().iter().map(|s| s.start).collect();
    assert!(
        starts.is_sorted(),
        "spans in order of their start: {starts:?}"
    );
}

#[test]
fn an_item_titles_spans_are_counted_from_the_title() {
    let doc =
        parse("## 项目\n\n1、[picoshell](https://example.com/p)：不到两千行的 Shell\n\n正文。\n");
    let a = article(&doc, "picoshell：不到两千行的 Shell");
    assert_eq!(a.title_spans.len(), 1);
    assert_eq!(covered(&a.title, &a.title_spans[0]), "picoshell");
    // The headline starts with its one link: that is where the item leads.
    assert_eq!(a.url.as_deref(), Some("https://example.com/p"));
    // Two links in a headline: neither is the article's.
    let doc = parse(
        "## 新闻\n\n1、[甲](https://example.com/a) 和 [乙](https://example.com/b) 限制接口\n\n正文。\n",
    );
    let a = article(&doc, "甲 和 乙 限制接口");
    assert_eq!(a.title_spans.len(), 2);
    assert_eq!(a.url, None);
}

// ---- Control characters ----

#[test]
fn control_characters_and_escape_references_never_reach_the_text() {
    let doc = parse(
        "## S\u{1b}[31m\n\nRed\u{7}&#27;[2J text &#x1b;here\u{0}.\n\n```\ncode\u{1b}[0m\n```\n\n- item &#127;x\n",
    );
    let text = all_text(&doc);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("text"), "{text:?}");
}

// ---- A big digest ----

#[test]
fn a_big_digest_read_in_pieces_reads_like_its_sections_one_by_one() {
    // More than a megabyte is read on several cores, cut at headings: fences and comments
    // with heading lines inside, a list item going on after a blank line, references and a
    // footnote defined once at the end must all read as in a small file.
    let chunk = "## 第一节\n\n正文见[原文][ref]，注释在后[^n]。\n\n```\n\n## 不是标题\n```\n\n\
                 <!--\n\n## 藏起来的标题\n-->\n\n### 文章\n\n- 列表一\n\n  列表一的第二段\n\n\
                 > 引用\n\n1、**条目**\n\n条目的正文。\n\n";
    let end = "## 注释\n\n[ref]: https://example.org/ref\n\n[^n]: 唯一的注释。\n";
    let copies = (1 << 20) / chunk.len() + 50;
    let big = parse(&format!("{}{end}", chunk.repeat(copies)));
    let small = parse(&format!("{chunk}{end}"));
    assert_eq!(small.sections.len(), 2, "{:#?}", outline(&small));
    assert_eq!(big.sections.len(), copies + 1);
    for (i, section) in big.sections[..copies].iter().enumerate() {
        assert_eq!(section, &small.sections[0], "section {i} of {copies}");
    }
    assert_eq!(big.sections.last(), small.sections.last());
    assert_eq!(
        outline(&small),
        ["第一节 | 第一节", "第一节 | 文章", "注释 | 注释"]
    );
    assert_eq!(of_kind(&small, BlockKind::Code)[0].text, "\n## 不是标题");
    assert!(!all_text(&big).contains("藏起来"));
}

#[test]
fn a_big_digest_let_go_piece_by_piece_reads_as_one_kept_whole() {
    // What the reader and `--json` do with a file: its text handed over and cut from the end,
    // front matter first. Each piece is its own text; none may lose or gain a byte.
    let front = "---\ntitle: 合订本\ndate: 2026-11-25\n---\n\n";
    let chunk = "## 一节\n\n正文见[原文][ref]，还有**粗体**和`代码`。\n\n- 列表\n\n> 引用\n\n";
    let text = format!(
        "{front}{}## 末节\n\n[ref]: https://example.org/ref\n",
        chunk.repeat((1 << 20) / chunk.len() + 50)
    );
    let kept = parse(&text);
    assert!(kept.sections.len() > 1000);
    assert_eq!(kept.title.as_deref(), Some("合订本"));
    assert_eq!(kanbao::read::markdown::parse_owned(text), kept);
}

#[test]
fn a_big_digest_is_held_without_spare_room() {
    // A 50 MB digest is a hundred thousand articles: vectors grown by doubling would hold a
    // quarter more than their blocks. Sections with a lead-in, headed articles, items with
    // and without a rest of text, subheadings and a section without items.
    let chunk = "## 一节\n\n导语。\n\n### 文章\n\n正文。\n\n#### 小标题\n\n- 列表\n\n\
                 ## 二节\n\n导语。\n\n1、**条目一**\n\n正文。\n\n> 引用\n\n2、条目二\n这一行是正文。\n\n\
                 ## 三节\n\n只有一段。\n\n";
    let doc = parse(&chunk.repeat((1 << 20) / chunk.len() + 50));
    assert_eq!(
        outline(&doc)[..5],
        [
            "一节 | 一节",
            "一节 | 文章",
            "二节 | 二节",
            "二节 | 条目一",
            "二节 | 条目二"
        ]
    );
    assert_eq!(doc.sections.capacity(), doc.sections.len());
    for section in &doc.sections {
        assert_eq!(section.articles.capacity(), section.articles.len());
        for a in &section.articles {
            assert_eq!(
                a.blocks.capacity(),
                a.blocks.len(),
                "{}: {:?}",
                a.title,
                a.blocks
            );
        }
    }
}

// ---- Through the binary ----

/// `kanbao --json` of a file named `name` holding `text`, in `dir`.
fn json_of(dir: &common::Scratch, name: &str, text: &str) -> Value {
    let path = dir.file(name, text.as_bytes());
    common::kanbao_json(&["--json", path.as_str()])
}

#[test]
fn a_md_file_is_read_as_markdown_by_the_binary() {
    let dir = common::Scratch::new("ext");
    // Too little markup for sniffing: the extension decides.
    let json = json_of(&dir, "notes.md", "## Notes\n\n**Bold** words.\n");
    assert_eq!(json["format"], "markdown");
    assert_eq!(json["sections"][0]["title"], "Notes");
    let block = &json["sections"][0]["articles"][0]["blocks"][0];
    assert_eq!(block["text"], "Bold words.");
    assert_eq!(block["spans"][0]["kind"], "strong");
}

#[test]
fn a_markdown_shaped_txt_file_is_read_as_markdown_and_a_plain_one_as_text() {
    let dir = common::Scratch::new("sniff");
    let digest = "# 周刊（第 1 期）\n\n![](https://example.org/a.png)\n\n## 动态\n\n\
                  1、[标题一](https://example.org/1)\n\n正文一。\n\n2、[标题二](https://example.org/2)\n\n正文二。\n";
    let json = json_of(&dir, "digest.txt", digest);
    assert_eq!(json["format"], "markdown");
    assert_eq!(json["title"], "周刊（第 1 期）");
    let titles: Vec<_> = json["sections"][1]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["标题一", "标题二"]);
    // Extracted text with a numbered line is not Markdown: no format, no spans. (The bundled
    // sample's whole JSON is checked against its gold file in tests/gold.rs.)
    let json = json_of(
        &dir,
        "paper.txt",
        "Harbour Weekly\n\nFerries Return\n\n1. The ferry runs again after two years of work.\n",
    );
    assert!(json.get("format").is_none(), "{json}");
    assert!(!json.to_string().contains("\"spans\""), "{json}");
}

#[test]
fn a_paragraph_of_many_raw_bold_runs_is_mended_whole() {
    // Each pair is mended in the same one pass over the paragraph (mending pair by pair moved
    // the whole text each time, and a long paragraph took minutes).
    // `**ok.**more`: CommonMark leaves every run raw (a mark before, a letter after).
    let run = "**ok.**more ";
    let doc = parse(&format!("## S\n\n{}\n", run.repeat(20_000)));
    let b = block_with(&doc, "ok.more");
    assert_eq!(b.text, "ok.more ".repeat(20_000).trim_end());
    let strong = spanned(b, SpanKind::Strong);
    assert_eq!(strong.len(), 20_000);
    assert!(strong.iter().all(|s| *s == "ok."));
}

#[test]
fn runs_of_one_style_that_touch_are_one_span() {
    // An unclosed `<b>` a thousand times over is one bold run to draw, not a thousand.
    let doc = parse(&format!("## S\n\n开头{}\n", "<b>粗".repeat(1000)));
    let b = block_with(&doc, "粗粗");
    assert_eq!(spanned(b, SpanKind::Strong), ["粗".repeat(1000)]);
    // Two links side by side stay two: their targets differ.
    let doc = parse("## S\n\n见[甲](https://example.org/a)[乙](https://example.org/b)\n");
    let b = block_with(&doc, "甲乙");
    assert_eq!(spanned(b, SpanKind::Link), ["甲", "乙"]);
}

#[test]
fn markup_taken_out_between_spaces_leaves_one_space() {
    let doc = parse("## S\n\nbefore <!-- a note --> after, and `a  b` kept.\n");
    let b = block_with(&doc, "before");
    assert_eq!(b.text, "before after, and a  b kept.");
}

#[test]
fn an_untitled_digest_names_its_lead_in_its_language() {
    let doc = parse("开头的一段话。\n\n## 新闻\n\n正文。\n");
    assert_eq!(doc.title, None);
    assert_eq!(doc.sections[0].title, "导语");
    assert!(doc.sections[0].inferred);
    let doc = parse("A first word.\n\n## News\n\nBody.\n");
    assert_eq!(doc.sections[0].title, "Introduction");
}

// ---- Found by review ----

#[test]
fn a_line_break_inside_an_images_alt_text_is_no_line_of_the_paragraph() {
    // The break's place was kept after the alt text was cut away, and fell inside `后`.
    let doc = parse("## S\n\n文字 ![ab\ncd](https://example.org/a.png)后面的中文\n");
    let b = block_with(&doc, "文字");
    assert_eq!(b.text, "文字 后面的中文");
    assert_eq!(of_kind(&doc, BlockKind::Image)[0].text, "ab cd");
}

#[test]
fn a_block_between_two_rules_is_text_not_front_matter() {
    let doc = parse(
        "Intro.\n\n---\n**Sponsor:** Acme. [Try](https://example.org/try)\n---\n\n## News\n\nx\n",
    );
    assert!(
        all_text(&doc).contains("Sponsor: Acme. Try"),
        "{}",
        all_text(&doc)
    );
    assert_eq!(doc.title, None);
}

#[test]
fn html_words_in_prose_hide_nothing_after_them() {
    let doc = parse(
        "## S\n\nPut metadata in the <head> element.\n\nSecond paragraph.\n\n\
         Use <h2> for sections.\n\nMore text.\n",
    );
    let text = all_text(&doc);
    for kept in ["Second paragraph.", "for sections.", "More text."] {
        assert!(text.contains(kept), "{kept:?} missing from {text:?}");
    }
}

#[test]
fn a_table_cell_stays_one_line_and_keeps_its_styles_to_itself() {
    let doc = parse(
        "## S\n\n| 项目 | 说明 |\n| --- | --- |\n| a<br>b | <b>粗 |\n| ![图](https://example.org/c.png) | d |\n\n\
         After the table.\n",
    );
    let table = of_kind(&doc, BlockKind::Table)[0];
    let rows = table.rows();
    assert_eq!(rows[1], ["a b", "粗"]);
    let after = block_with(&doc, "After the table.");
    assert!(after.spans().is_empty(), "{:?}", after.spans());
    assert_eq!(
        of_kind(&doc, BlockKind::Image)[0].url(),
        Some("https://example.org/c.png")
    );
}

#[test]
fn stars_that_mark_notes_beside_chinese_stay_stars() {
    let doc = parse("## S\n\nA产品*、B产品*均上涨。\n");
    let b = block_with(&doc, "产品");
    assert_eq!(b.text, "A产品*、B产品*均上涨。");
    assert!(b.spans().is_empty());
}

#[test]
fn no_zero_width_mark_reaches_alt_text_or_languages() {
    let doc = parse(
        "## S\n\n<img src=\"https://example.org/a.png\" alt=\"*图片来源：新华社\">\n\n\
         ```*（x）\ncode\n```\n",
    );
    let text = all_text(&doc);
    assert!(!text.contains('\u{200B}'), "{text:?}");
    assert_eq!(of_kind(&doc, BlockKind::Image)[0].text, "*图片来源：新华社");
}

#[test]
fn a_footnote_mark_after_a_line_break_links_only_the_mark() {
    let doc = parse("## S\n\nsee\n[^1] here.\n\n[^1]: The note.\n");
    let b = block_with(&doc, "see");
    assert_eq!(covered(&b.text, &b.spans()[0]), "[1]");
}

#[test]
fn underscores_beside_quotes_and_chinese_are_bold_as_commonmark_reads_them() {
    let doc = parse("## S\n\n微信搜索\"__周刊的名字__\"即可订阅。\n");
    let b = block_with(&doc, "微信搜索");
    assert_eq!(b.text, "微信搜索\"周刊的名字\"即可订阅。");
    assert_eq!(spanned(b, SpanKind::Strong), ["周刊的名字"]);
}
