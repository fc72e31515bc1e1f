//! The HTML front end, rule by rule: what becomes a block, a span, a section or an article;
//! what is never shown; how a page's encoding is found. The whole fixtures are checked against
//! their gold files in `tests/fixtures_gold.rs`.

use std::path::Path;
use std::process::Command;

use kanbao::doc::{Article, BlockKind, Format, Newsletter, SpanKind};
use kanbao::read::html;

fn articles(doc: &Newsletter) -> Vec<&Article> {
    doc.articles().map(|(_, a)| a).collect()
}

/// Every text of the newsletter, joined: what a reader could ever see.
fn all_text(doc: &Newsletter) -> String {
    let mut out = doc.title.clone().unwrap_or_default();
    for section in &doc.sections {
        out.push_str(&section.title);
        for article in &section.articles {
            for (_, text) in article.parts() {
                out.push('\n');
                out.push_str(text);
            }
        }
    }
    out
}

fn kanbao(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("run kanbao")
}

#[test]
fn headings_make_the_title_sections_and_articles() {
    let doc = html::parse(
        "<html><head><title>The Lantern</title></head><body><h1>The Lantern</h1>\
         <p>Welcome.</p><h2>News</h2><h3>Hall opens</h3><p>It opened.</p>\
         <h3>Club meets</h3><p>It met.</p><h2>Sport</h2><h3>Cup won</h3><p>We won.</p>",
    );
    assert_eq!(doc.format, Format::Html);
    assert_eq!(doc.title.as_deref(), Some("The Lantern"));
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["The Lantern", "News", "Sport"]);
    let heads: Vec<&str> = articles(&doc).iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        heads,
        ["The Lantern", "Hall opens", "Club meets", "Cup won"]
    );
    // The title's heading is not shown again, as a subheading of the lead.
    let lead = articles(&doc)[0];
    let texts: Vec<&str> = lead.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["Welcome."]);
}

#[test]
fn the_fuller_of_title_and_top_heading_is_the_title() {
    let doc = html::parse(
        "<title>河西社区通讯 第27期</title><h1>河西社区通讯</h1><h2>要闻</h2><p>正文。</p>",
    );
    assert_eq!(doc.title.as_deref(), Some("河西社区通讯 第27期"));
    let doc = html::parse("<title>Issue 9</title><h1>Issue 9 of the Lantern</h1><p>Text.</p>");
    assert_eq!(doc.title.as_deref(), Some("Issue 9 of the Lantern"));
    // Unrelated: the title stays, the heading is shown.
    let doc = html::parse("<title>Site</title><h1>Autumn issue</h1><p>Text.</p>");
    assert_eq!(doc.title.as_deref(), Some("Site"));
    assert!(all_text(&doc).contains("Autumn issue"));
}

#[test]
fn without_headings_bold_or_linked_lead_lines_start_articles() {
    let doc = html::parse(
        "<table role=presentation><tr><td><strong>Frost is coming</strong><br>Cover the \
         beans tonight.</td></tr><tr><td><a href='https://example.org/agm'><b>AGM moves</b>\
         </a><br>The meeting is in the hall.</td></tr></table>",
    );
    let list = articles(&doc);
    let heads: Vec<&str> = list.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(heads, ["Frost is coming", "AGM moves"]);
    assert_eq!(list[0].blocks[0].text.as_str(), "Cover the beans tonight.");
    assert_eq!(list[1].url.as_deref(), Some("https://example.org/agm"));
}

#[test]
fn blocks_and_spans_keep_the_markup_out_of_the_text() {
    let doc = html::parse(
        "<h2>S</h2><h3>A</h3><p>Read <a href='https://e.org/x'>this</a>, <em>now</em> and \
         <code>x = 1</code>, <s>not</s> <u>that</u>; <span style='font-weight:700'>bold</span>.\
         </p><ul><li>one<ul><li>inner</li></ul></li></ul><ol start=4><li>four</li>\
         <li>five</li></ol><blockquote><p>quoted</p></blockquote><pre>  a\n    b</pre><hr>\
         <p>caf&eacute; &amp; &lt;tag&gt; &#x4e2d;</p>",
    );
    let a = articles(&doc)[0];
    let p = &a.blocks[0];
    assert_eq!(p.text.as_str(), "Read this, now and x = 1, not that; bold.");
    let kinds: Vec<(SpanKind, &str)> = p
        .spans()
        .iter()
        .map(|s| (s.kind, &p.text[s.start..s.end]))
        .collect();
    assert_eq!(
        kinds,
        [
            (SpanKind::Link, "this"),
            (SpanKind::Em, "now"),
            (SpanKind::Code, "x = 1"),
            (SpanKind::Strike, "not"),
            (SpanKind::Underline, "that"),
            (SpanKind::Strong, "bold"),
        ]
    );
    let blocks: Vec<(BlockKind, u8, String, &str)> = a.blocks[1..]
        .iter()
        .map(|b| {
            let marker = b
                .marker()
                .map(|m| m.text().into_owned())
                .unwrap_or_default();
            (b.kind, b.depth(), marker, b.text.as_str())
        })
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::ListItem, 0, "•".into(), "one"),
            (BlockKind::ListItem, 1, "◦".into(), "inner"),
            (BlockKind::ListItem, 0, "4.".into(), "four"),
            (BlockKind::ListItem, 0, "5.".into(), "five"),
            (BlockKind::Quote, 1, String::new(), "quoted"),
            (BlockKind::Code, 0, String::new(), "  a\n    b"),
            (BlockKind::Rule, 0, String::new(), ""),
            (BlockKind::Paragraph, 0, String::new(), "café & <tag> 中"),
        ]
    );
}

#[test]
fn whitespace_collapses_as_in_a_browser_and_chinese_lines_join() {
    let doc = html::parse(
        "<p>  one\n   two\t three  </p><p>中文第一行\n  第二行。</p>\
         <p>line<br>\n   next<br><br>new paragraph</p>",
    );
    let texts: Vec<&str> = articles(&doc)[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "one two three",
            "中文第一行第二行。",
            "line\nnext",
            "new paragraph"
        ]
    );
}

#[test]
fn hidden_text_scripts_and_tracking_pixels_are_never_shown() {
    let doc = html::parse(
        "<html><head><style>.pre{display:none}</style><script>var x='SCRIPT';</script>\
         </head><body><div class='pre'>PREHEADER one</div>\
         <span style='display:none;max-height:0'>PREHEADER two</span>\
         <div style='font-size:0px'>PREHEADER three</div><div style='mso-hide:all'>MSO</div>\
         <div style='visibility:hidden'>INVISIBLE</div><p hidden>HIDDEN</p>\
         <!-- COMMENT --><noscript>NOSCRIPT</noscript><template>TEMPLATE</template>\
         <nav><a href='/'>NAVIGATION</a></nav><p>The story.</p>\
         <img src='https://t.example/open?id=1' width='1' height='1' alt=''>\
         <img src='https://t.example/spacer.gif' alt=''>\
         <img src='https://e.org/photo.jpg' alt='A photo'></body></html>",
    );
    let text = all_text(&doc);
    for never in [
        "PREHEADER",
        "SCRIPT",
        "MSO",
        "INVISIBLE",
        "HIDDEN",
        "COMMENT",
        "NOSCRIPT",
        "TEMPLATE",
        "NAVIGATION",
        "display",
    ] {
        assert!(!text.contains(never), "{never} shown:\n{text}");
    }
    let a = articles(&doc)[0];
    let images: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Image)
        .collect();
    assert_eq!(images.len(), 1, "{images:?}");
    assert_eq!(images[0].text.as_str(), "A photo");
    assert_eq!(images[0].url(), Some("https://e.org/photo.jpg"));
}

#[test]
fn layout_tables_are_read_as_blocks_and_data_tables_stay_tables() {
    let doc = html::parse(
        "<table width='100%'><tr><td><table><tr><td><p>Inner one.</p></td><td>Inner \
         two.</td></tr></table></td></tr></table>\
         <table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ann</td><td>12</td></tr></table>",
    );
    let blocks = &articles(&doc)[0].blocks;
    let kinds: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Paragraph, "Inner one."),
            (BlockKind::Paragraph, "Inner two."),
            (BlockKind::Table, "Name  Votes\nAnn   12"),
        ]
    );
    assert_eq!(blocks[2].rows().len(), 2);
}

#[test]
fn the_web_version_line_and_the_footer_are_the_last_section() {
    let doc = html::parse(
        "<p><a href='https://e.org/web'>View this email in your browser</a></p>\
         <h2>News</h2><h3>Story</h3><p>The last story's last paragraph.</p>\
         <p>You are receiving this email because you signed up.</p>\
         <p><a href='https://e.org/unsub'>Unsubscribe</a></p>",
    );
    let last = doc.sections.last().unwrap();
    assert_eq!(last.title.as_str(), "Footer");
    let footer: Vec<&str> = last.articles[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        footer,
        [
            "View this email in your browser",
            "You are receiving this email because you signed up.",
            "Unsubscribe"
        ]
    );
    let story = &doc.sections[0].articles[0];
    assert_eq!(story.blocks.len(), 1, "the footer is not in the story");
}

#[test]
fn text_that_is_no_html_and_markup_that_is_broken_still_read() {
    let doc = html::parse("just words, no tags at all");
    assert_eq!(
        articles(&doc)[0].blocks[0].text.as_str(),
        "just words, no tags at all"
    );
    let doc = html::parse("<p>unclosed <b>bold <i>both</p><p>next <table><td>cell");
    let text = all_text(&doc);
    assert!(
        text.contains("unclosed bold both") && text.contains("cell"),
        "{text}"
    );
    assert_eq!(html::parse("").sections.len(), 0);
}

#[test]
fn a_page_is_read_in_the_encoding_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><meta charset=\"gbk\"><title>通讯</title></head><body>\
                <h2>要闻</h2><p>中文正文，编码为国标。</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(page);
    let named = dir.path().join("named.html");
    std::fs::write(&named, &gbk).unwrap();
    // The same bytes, named wrongly (UTF-8 declared, GBK written): detected.
    let wrong = dir.path().join("wrong.htm");
    std::fs::write(
        &wrong,
        encoding_rs::GBK
            .encode(&page.replace("gbk", "utf-8"))
            .0
            .as_ref(),
    )
    .unwrap();
    // UTF-8 written, GBK declared (a page saved as UTF-8 keeps its old label): UTF-8.
    let saved = dir.path().join("saved.html");
    std::fs::write(&saved, page).unwrap();
    // No extension: sniffed as HTML by its start.
    let sniffed = dir.path().join("page");
    std::fs::write(&sniffed, &gbk).unwrap();
    for path in [&named, &wrong, &saved, &sniffed] {
        let out = kanbao(&["--json".as_ref(), path.as_os_str()]);
        assert!(out.status.success(), "{}", path.display());
        let json = String::from_utf8(out.stdout).unwrap();
        assert!(
            json.contains("中文正文，编码为国标。") && json.contains("\"format\": \"html\""),
            "{}: {json}",
            path.display()
        );
    }
}

#[test]
fn the_gbk_fixture_is_read_through_its_meta_charset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/zh-gbk-page.html");
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    let out = kanbao(&["--outline".as_ref(), path.as_os_str()]);
    let outline = String::from_utf8(out.stdout).unwrap();
    assert!(outline.contains("旧楼加装电梯工程完工"), "{outline}");
}

#[test]
fn spans_stay_on_characters_after_a_line_break() {
    // Line separators from entities collapse like spaces; a span closed before `<br>` ends
    // where the text now ends, never inside the next character.
    let doc = html::parse("<p><b>a&#x2028;&#x2028;</b><br>é and more</p><p><i>x  </i><br>ü</p>");
    for (_, article) in doc.articles() {
        for block in &article.blocks {
            for span in block.spans() {
                assert!(
                    span.end <= block.text.len()
                        && block.text.is_char_boundary(span.start)
                        && block.text.is_char_boundary(span.end),
                    "{span:?} in {:?}",
                    block.text
                );
            }
        }
    }
}

#[test]
fn nested_preformatted_text_headings_and_tables_in_headings() {
    let doc = html::parse(
        "<ul><li>a<pre>one<ul><li><pre>x</pre></li></ul>two</pre>tail of a</li></ul>\
         <h2>Head <table><tr><td>cell</td><td>two</td></tr><tr><td>3</td><td>4</td></tr>\
         </table> tail</h2><p>Body.</p><h2>Outer <div><h3>Inner</h3></div> end</h2><p>More.</p>",
    );
    let sections: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        ["Introduction", "Head cell two 3 4 tail", "Outer Inner end"],
        "{doc:#?}"
    );
    let lead = &doc.sections[0].articles[0].blocks;
    let kinds: Vec<(BlockKind, &str)> = lead.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::ListItem, "a"),
            (BlockKind::Code, "onextwo"),
            (BlockKind::ListItem, "tail of a"),
        ]
    );
}

#[test]
fn a_long_cell_does_not_pad_every_row_to_its_width() {
    let long = "word ".repeat(2000);
    let rows: String = (0..200)
        .map(|i| format!("<tr><td>{i}</td><td>b</td></tr>"))
        .collect();
    let doc = html::parse(&format!(
        "<table><tr><td>{long}</td><td>x</td></tr>{rows}</table>"
    ));
    let table = articles(&doc)[0]
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .expect("a table");
    assert!(
        table.text.len() < long.len() + 200 * 100,
        "{}",
        table.text.len()
    );
}
