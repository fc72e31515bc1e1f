//! Newspaper PDFs read from the file: pages set by the tests' own typesetter
//! (`common::newspaper`), read back through the library and the binary; broken, hostile and
//! textless PDFs give one clear line.

mod common;

use common::newspaper::{Column, Encoding, Flow, Paper};
use kanbao::doc::{ArticleKind, BlockKind, Newsletter};

const SIZE: f32 = 10.0;

fn columns(top: f32, bottom: f32) -> [Column; 3] {
    [30.0, 212.5, 395.0].map(|x| Column {
        x,
        width: 170.0,
        top,
        bottom,
    })
}

/// Two pages of a made-up union paper: a masthead with its information block, running heads,
/// page numbers, a lead story under a headline over two columns, a photo in a frame with its
/// caption and credit, a story in the third column continued on page 2, and an agency story
/// with a subtitle and a subheading over two columns there.
fn paper() -> Vec<u8> {
    paper_in(Encoding::Ucs2)
}

fn paper_in(encoding: Encoding) -> Vec<u8> {
    let mut paper = Paper::a4();
    paper.encoding = encoding;
    let (w, h) = (paper.width, paper.height);
    let head = |page: &mut common::newspaper::Page, n: u32, name: &str| {
        page.text(30.0, h - 24.0, 8.0, false, "2026年11月30日 星期一");
        page.centred(0.0, w, h - 24.0, 8.0, &format!("第{n}版 {name}"));
        page.text(w - 30.0 - 8.0 * 7.0, h - 24.0, 8.0, false, "责任编辑:林晓");
        page.centred(0.0, w, 20.0, 8.0, &format!("- {n} -"));
        // A slogan under every page's running head, of no shape the rules know: furniture by
        // repetition.
        page.text(30.0, h - 36.0, 8.0, false, "滨江职工之家·职工的贴心人");
    };

    let page = paper.page();
    head(page, 1, "要闻");
    page.text(30.0, h - 90.0, 44.0, false, "滨江职工报");
    for (i, line) in [
        "2026年11月30日 星期一",
        "第52期 今日2版",
        "主办:滨江区职工服务中心",
    ]
    .iter()
    .enumerate()
    {
        page.text(400.0, h - 60.0 - 14.0 * i as f32, 9.0, false, line);
    }
    // The lead story: a headline over columns 1 and 2.
    page.centred(30.0, 382.5, h - 150.0, 20.0, "社区食堂开进产业园");
    let [c1, c2, c3] = columns(h - 180.0, 420.0);
    let mut lead = Flow::new(SIZE, vec![c1, c2]);
    lead.paragraph(page, "本月起,滨江产业园的第一家社区食堂正式开门迎客,园区内三十多家企业的职工从此可以在家门口吃上热饭。");
    lead.paragraph(page, "食堂由区总工会牵头,联合街道和园区管委会共同建设,面积六百平方米,可同时容纳三百人就餐,早中晚三餐都有供应。");
    lead.paragraph(page, "开业第一周,食堂每天接待职工一千二百人次。不少职工说,过去午饭只能点外卖,现在走几步路就能吃到荤素搭配的饭菜,价格也比外面实惠。");
    lead.byline(page, "滨江区总工会");
    // A photo under it, over the same two columns, its caption and credit inside the frame.
    page.frame(30.0, 250.0, 382.5, 400.0);
    page.text(40.0, 262.0, SIZE, false, "职工在新开的社区食堂排队取餐。");
    page.text(382.5 - 10.0 - 4.0 * SIZE, 262.0, SIZE, true, "周敏 摄");
    // A story in column 3, continued on page 2.
    page.centred(395.0, 565.0, h - 150.0, 16.0, "夜校课程报名开启");
    let mut side = Flow::new(
        SIZE,
        vec![Column {
            top: h - 180.0,
            ..c3
        }],
    );
    side.paragraph(
        page,
        "今年冬季职工夜校将开设烹饪、摄影、书法、短视频制作等十二门课程,全部免费,即日起接受报名。",
    );
    side.paragraph(page, "夜校负责人介绍,课程根据上半年的问卷调查设置,报名人数最多的是短视频制作和家常菜烹饪两门课。每门课程每周上课两次,");
    side.line(page, "（下转第2版）", false, true);

    let page = paper.page();
    head(page, 2, "综合");
    let [c1, c2, c3] = columns(h - 60.0, 60.0);
    let mut rest = Flow::new(SIZE, vec![c1]);
    rest.line(page, "（上接第1版）", false, false);
    rest.paragraph(page, "每次两个小时,学员结业时可以领到证书。");
    rest.paragraph(
        page,
        "报名可以通过区总工会的微信公众号进行,也可以到各街道职工服务站现场登记,每人最多选报两门。",
    );
    rest.byline(page, "职工学校");
    // An agency story over columns 2 and 3: headline, subtitle, a subheading.
    page.centred(212.5, 565.0, h - 70.0, 20.0, "冬季用电安全提示");
    page.centred(212.5, 565.0, h - 95.0, 12.0, "——专家解读家庭用电常见误区");
    let mut agency = Flow::new(
        SIZE,
        vec![
            Column {
                top: h - 125.0,
                ..c2
            },
            Column {
                top: h - 125.0,
                ..c3
            },
        ],
    );
    agency.paragraph(page, "入冬以来,取暖设备使用增多,家庭用电负荷明显上升。应急管理部门提醒,冬季是电气火灾的高发期,居民要特别注意用电安全。");
    agency.line(page, "插线板不宜串联使用", true, false);
    agency.paragraph(
        page,
        "专家介绍,多个插线板首尾相连,容易造成电流过大、线路发热,大功率电器应当直接使用墙上的插座。",
    );
    agency.paragraph(
        page,
        "此外,电热毯不要折叠使用,取暖器周围不要堆放衣物等易燃物品,人离开房间时应随手关闭电源。",
    );
    agency.byline(page, "据新华社");
    paper.bytes()
}

/// An English paper of two pages: a masthead, a lead story over two columns with a byline, a
/// story in the third column continued on page 2, and a story with a subheading there.
fn paper_en() -> Vec<u8> {
    let mut paper = Paper::a4();
    let (w, h) = (paper.width, paper.height);
    let page = paper.page();
    page.text(30.0, h - 24.0, 8.0, false, "Monday, November 30, 2026");
    page.centred(0.0, w, 20.0, 8.0, "Page 1 of 2");
    page.text(30.0, h - 90.0, 40.0, false, "Riverside Union News");
    page.centred(
        30.0,
        382.5,
        h - 150.0,
        20.0,
        "New Canteen Opens in the Park",
    );
    let [c1, c2, c3] = columns(h - 180.0, 420.0);
    let mut lead = Flow::new(SIZE, vec![c1, c2]);
    lead.paragraph(page, "The first canteen in the Riverside business park opened its doors this month, and workers from more than thirty firms can now get a hot meal close to their desks.");
    lead.paragraph(page, "The union built it with the district and the park's managers. It seats three hundred people and serves breakfast, lunch and dinner.");
    lead.byline(page, "By Jane Doe");
    page.centred(395.0, 565.0, h - 150.0, 16.0, "Night Classes Open");
    let mut side = Flow::new(
        SIZE,
        vec![Column {
            top: h - 180.0,
            ..c3
        }],
    );
    side.paragraph(page, "The winter night school offers twelve free courses this year, from cooking and photography to calligraphy and short video making, and sign-up starts today.");
    side.paragraph(page, "Each course meets twice a week for two hours,");
    side.line(page, "Continued on page 2", false, true);
    let page = paper.page();
    page.text(30.0, h - 24.0, 8.0, false, "Monday, November 30, 2026");
    page.centred(0.0, w, 20.0, 8.0, "Page 2 of 2");
    let [c1, c2, c3] = columns(h - 60.0, 60.0);
    let mut rest = Flow::new(SIZE, vec![c1]);
    rest.line(page, "Continued from page 1", false, false);
    rest.paragraph(page, "and everyone who finishes gets a certificate.");
    rest.byline(page, "By Sam Lee");
    page.centred(212.5, 565.0, h - 70.0, 20.0, "Staying Safe With Heaters");
    let mut safety = Flow::new(
        SIZE,
        vec![
            Column {
                top: h - 100.0,
                ..c2
            },
            Column {
                top: h - 100.0,
                ..c3
            },
        ],
    );
    safety.paragraph(page, "Fire officers say winter is the busiest season for electrical fires at home, and they ask everyone to check their heaters and cables.");
    safety.line(page, "Power strips", true, false);
    safety.paragraph(
        page,
        "Do not plug one power strip into another. Heavy appliances belong in a wall socket.",
    );
    safety.byline(page, "By Ann Chu");
    paper.bytes()
}

fn read(bytes: &[u8]) -> Newsletter {
    let text = kanbao::read::pdf::text_of(bytes).expect("reads the PDF");
    kanbao::read::pdf::parse(&text, &Default::default())
}

fn all_text(doc: &Newsletter) -> String {
    let mut out = String::new();
    for s in &doc.sections {
        out.push_str(&s.title);
        for a in &s.articles {
            for part in [&a.title, a.subtitle.as_ref().unwrap_or(&a.title)] {
                out.push_str(part);
                out.push('\n');
            }
            if let Some(b) = &a.byline {
                out.push_str(b);
            }
            for b in &a.blocks {
                out.push_str(&b.text);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn a_made_up_paper_reads_back_as_it_was_set() {
    let doc = read(&paper());
    assert_eq!(doc.title.as_deref(), Some("滨江职工报"));
    let articles: Vec<_> = doc.sections.iter().flat_map(|s| &s.articles).collect();
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(articles.len(), 4, "{titles:?}");
    // Modules by where they start: the lead, the third column's story beside it, the photo
    // under the lead; a story continued elsewhere is placed where its rest ends (page 2).
    let lead = articles[0];
    assert_eq!(lead.title, "社区食堂开进产业园");
    assert_eq!(lead.byline.as_deref(), Some("滨江区总工会"));
    assert_eq!(lead.blocks.len(), 3);
    assert!(lead.blocks[2].text.ends_with("价格也比外面实惠。"));
    // The story cut by the jump is one article, joined mid-sentence where it was cut.
    let photo = articles[1];
    assert_eq!(photo.kind, ArticleKind::Photo);
    assert!(photo.title_inferred);
    assert_eq!(photo.byline.as_deref(), Some("周敏 摄"));
    assert_eq!(photo.blocks[0].text, "职工在新开的社区食堂排队取餐。");
    let side = articles[2];
    assert_eq!(side.title, "夜校课程报名开启");
    assert_eq!(side.byline.as_deref(), Some("职工学校"));
    let side_text: Vec<&str> = side.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(side_text.len(), 3, "{side_text:?}");
    assert!(
        side_text[1].ends_with("每门课程每周上课两次,每次两个小时,学员结业时可以领到证书。"),
        "{side_text:?}"
    );
    let agency = articles[3];
    assert_eq!(agency.title, "冬季用电安全提示");
    assert_eq!(
        agency.subtitle.as_deref(),
        Some("——专家解读家庭用电常见误区")
    );
    assert_eq!(agency.byline.as_deref(), Some("据新华社"));
    let kinds: Vec<BlockKind> = agency.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Subheading,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
    // A paragraph set over two columns is one paragraph.
    assert!(agency.blocks[0].text.ends_with("居民要特别注意用电安全。"));
    // No furniture: running heads, page numbers, the masthead's information, jump lines.
    let text = all_text(&doc);
    for furniture in [
        "责任编辑",
        "第1版",
        "第2版",
        "- 1 -",
        "- 2 -",
        "主办",
        "第52期",
        "下转",
        "上接",
        "贴心人",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
}

#[test]
fn an_english_paper_reads_back_as_it_was_set() {
    let doc = read(&paper_en());
    assert_eq!(doc.title.as_deref(), Some("Riverside Union News"));
    let articles: Vec<_> = doc.sections.iter().flat_map(|s| &s.articles).collect();
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "New Canteen Opens in the Park",
            "Night Classes Open",
            "Staying Safe With Heaters"
        ]
    );
    assert_eq!(articles[0].byline.as_deref(), Some("By Jane Doe"));
    // Words broken across lines get their spaces back.
    assert!(
        articles[0].blocks[0]
            .text
            .contains("workers from more than thirty firms can now get"),
        "{:?}",
        articles[0].blocks[0].text
    );
    assert_eq!(articles[1].byline.as_deref(), Some("By Sam Lee"));
    assert!(
        articles[1].blocks[1]
            .text
            .ends_with("for two hours, and everyone who finishes gets a certificate.")
    );
    let kinds: Vec<BlockKind> = articles[2].blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Subheading,
            BlockKind::Paragraph
        ]
    );
    let text = all_text(&doc);
    for furniture in ["Page 1", "Page 2", "Continued", "November 30"] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
}

#[test]
fn the_chinese_encodings_of_pdf_fonts_read_alike() {
    // GBK codes mix one-byte ASCII (the digits of dates and numbers) with two-byte Chinese;
    // an embedded font's glyph numbers read through its `/ToUnicode` map.
    let ucs2 = read(&paper_in(Encoding::Ucs2));
    assert_eq!(read(&paper_in(Encoding::Gbk)), ucs2);
    assert_eq!(read(&paper_in(Encoding::Identity)), ucs2);
    // No `/ToUnicode`: the embedded font's own `cmap` says what its glyphs draw.
    assert_eq!(read(&paper_in(Encoding::Embedded)), ucs2);
    // A `/ToUnicode` map of bare sections, which `lopdf` refuses, reads too.
    assert_eq!(read(&paper_in(Encoding::BareMap)), ucs2);
    assert!(all_text(&ucs2).contains("接待职工一千二百人次"));
}

#[test]
fn the_binary_reads_a_pdf_file_and_says_its_format() {
    let dir = common::Scratch::new("binary");
    let path = dir.file("paper.pdf", &paper());
    let json = common::kanbao_json(&["--json", &path]);
    assert_eq!(json["title"], "滨江职工报");
    assert_eq!(json["format"], "pdf");
    // The same from standard input, where no name tells the format.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--json", "-"])
        .stdin(std::fs::File::open(&path).expect("opens"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let piped: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(piped["sections"], json["sections"]);
}

/// The binary's `--json` run on `bytes` as a `.pdf` file: whether it succeeded, and its
/// output and error.
fn run(name: &str, bytes: &[u8]) -> (bool, String, String) {
    let dir = common::Scratch::new(name);
    let path = dir.file(&format!("{name}.pdf"), bytes);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--json", &path])
        .output()
        .expect("runs");
    // Never a panic: a panic's exit code is 101.
    assert_ne!(
        out.status.code(),
        Some(101),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The one line a failed run prints, checked to be one line naming the file.
fn error_line(name: &str, bytes: &[u8]) -> String {
    let (ok, _, err) = run(name, bytes);
    assert!(!ok, "{name} was read");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("kanbao: ") && err.contains(&format!("{name}.pdf")),
        "{err}"
    );
    err
}

fn one_page(text: &str) -> Paper {
    let mut paper = Paper::a4();
    paper.page().text(40.0, 700.0, 12.0, false, text);
    paper
}

#[test]
fn an_encrypted_pdf_opens_with_the_empty_password_and_names_a_real_one() {
    let (ok, out, err) = run("open", &one_page("不设密码的文件。").encrypted(""));
    assert!(ok, "{err}");
    assert!(out.contains("不设密码的文件。"), "{out}");
    let err = error_line("locked", &one_page("设了密码的文件。").encrypted("secret"));
    assert!(err.contains("encrypted with a password"), "{err}");
}

#[test]
fn a_scanned_pdf_says_it_has_no_text_layer() {
    let mut paper = Paper::a4();
    paper.page().image(0.0, 0.0, 595.0, 842.0);
    paper.page().image(0.0, 0.0, 595.0, 842.0);
    let err = error_line("scan", &paper.bytes());
    assert!(
        err.contains("has no text layer: it is scanned images"),
        "{err}"
    );
}

#[test]
fn broken_and_hostile_pdfs_give_one_line_or_a_best_effort() {
    let whole = paper();
    // Cut in half: the cross-reference table is gone.
    let (ok, out, err) = run("half", &whole[..whole.len() / 2]);
    assert!(ok || err.lines().count() == 1, "{err}");
    assert!(ok || out.is_empty());
    // A header and then noise.
    let mut noise = b"%PDF-1.4\n".to_vec();
    let mut x: u32 = 1;
    noise.extend((0..256 * 1024).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    }));
    let err = error_line("noise", &noise);
    assert!(
        err.contains("cannot be read") || err.contains("no text layer"),
        "{err}"
    );
    // Just the header.
    error_line("header", b"%PDF-1.7\n");
}

#[test]
fn a_form_that_draws_itself_is_followed_a_bounded_depth() {
    let mut paper = Paper::a4();
    paper
        .page()
        .text(40.0, 800.0, 12.0, false, "页面上的正文。")
        .form();
    let (ok, out, err) = run("cycle", &paper.bytes());
    assert!(ok, "{err}");
    assert!(
        out.contains("页面上的正文。") && out.contains("表单里的一行字。"),
        "{out}"
    );
}

#[test]
fn what_a_broken_stream_draws_before_it_breaks_is_read() {
    let mut paper = Paper::a4();
    paper
        .page()
        .text(40.0, 800.0, 12.0, false, "断裂之前的一行字。")
        .broken()
        .text(40.0, 780.0, 12.0, false, "断裂之后。");
    let (ok, out, err) = run("broken", &paper.bytes());
    assert!(ok, "{err}");
    assert!(out.contains("断裂之前的一行字。"), "{out}");
}

#[test]
fn control_characters_in_a_pdf_never_reach_the_text() {
    let (ok, out, err) = run(
        "escape",
        &one_page("红\u{1b}[31m色\u{7}的字\u{9b}2J。").bytes(),
    );
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let text = json.to_string();
    assert!(text.contains("红") && text.contains("的字"), "{text}");
    for c in ["\\u001b", "\\u0007", "\\u009b"] {
        assert!(!text.contains(c), "{c} in {text}");
    }
}

/// The made-up papers as files, for `pdftotext` and for people: `KANBAO_BLESS=1 cargo test
/// --test pdf` writes them, `tests/fixtures/pdf/extract.sh` makes their extractions; otherwise
/// the files must be what the typesetter makes (it is reproducible).
#[test]
fn the_committed_papers_are_what_the_typesetter_makes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    for (name, bytes) in [("paper_zh.pdf", paper()), ("paper_en.pdf", paper_en())] {
        let path = dir.join(name);
        if std::env::var_os("KANBAO_BLESS").is_some() {
            std::fs::write(&path, &bytes).expect("writes the fixture");
        }
        let committed = std::fs::read(&path).expect("the fixture is committed");
        assert!(
            committed == bytes,
            "{name} differs from what the typesetter makes"
        );
    }
}

/// What a reader checks of a paper: its name and date, and each article's headline,
/// subtitle, byline and kind, with its blocks' kinds and texts (`paragraphs`: or only how
/// many blocks it has, not what they are).
fn reading(doc: &Newsletter, paragraphs: bool) -> Vec<String> {
    let mut out = vec![format!("{:?} {:?}", doc.title, doc.date)];
    for (_, a) in doc.articles() {
        out.push(format!(
            "{} | {:?} | {:?} | {:?}",
            a.title, a.subtitle, a.byline, a.kind
        ));
        if paragraphs {
            for b in &a.blocks {
                out.push(format!("  {:?} {}", b.kind, b.text.as_str()));
            }
        }
    }
    out
}

/// The made-up papers' extractions by `pdftotext` (default and `-layout`) read as the papers
/// themselves do: page furniture dropped, columns and headlines over them put back, paragraphs
/// by their indents, side-by-side headlines each over its story, a feature's subheading, the
/// masthead and its date. (English set ragged loses its indents in the default mode: there only
/// the articles are the PDF's.)
#[test]
fn the_extractions_of_a_paper_read_as_the_paper() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    let text = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).expect("the extraction is committed");
        kanbao::read::plain::parse(&kanbao::text::clean(&String::from_utf8_lossy(&bytes)))
    };
    for (paper, pdf, exact_default) in
        [("paper_zh", paper(), true), ("paper_en", paper_en(), false)]
    {
        let want = read(&pdf);
        // `-layout` text sets blank lines anywhere on a page, so its page breaks (form feeds,
        // blank lines after the sanitiser) are not known, nor what repeats on every page: the
        // papers' slogans stay there, as articles of their own.
        let slogans = ["滨江职工之家 职工的贴心人 |"];
        let mut layout = reading(&text(&format!("{paper}.layout.txt")), true);
        let before = layout.len();
        layout.retain(|line| !slogans.iter().any(|s| line.starts_with(s)));
        assert!(
            paper == "paper_en" || layout.len() < before,
            "{paper}: the slogan is read in -layout text now"
        );
        assert_eq!(layout, reading(&want, true), "{paper} -layout");
        assert_eq!(
            reading(&text(&format!("{paper}.txt")), exact_default),
            reading(&want, exact_default),
            "{paper} default"
        );
    }
}

/// A paper of `pages` pages after the made-up two: a headline and body each, the last page's
/// headline its own.
fn long_paper(pages: usize) -> Vec<u8> {
    let mut paper = Paper::a4();
    let h = paper.height;
    for n in 1..=pages {
        let page = paper.page();
        let headline = if n == pages {
            "最后一版的头条新闻".to_string()
        } else {
            format!("第{n}版的头条新闻")
        };
        page.centred(30.0, 565.0, h - 70.0, 20.0, &headline);
        let mut body = Flow::new(SIZE, columns(h - 100.0, 60.0).to_vec());
        for _ in 0..3 {
            body.paragraph(page, "园区内三十多家企业的职工从此可以在家门口吃上热饭,价格也比外面实惠,开业第一周每天接待职工一千二百人次。");
        }
        body.byline(page, "滨江区总工会");
    }
    paper.bytes()
}

#[test]
fn a_pdf_read_page_by_page_reads_as_one_read_whole() {
    for bytes in [paper(), paper_en(), long_paper(12)] {
        let (mut start, rest) =
            kanbao::loader::pdf(bytes.clone(), "id".into(), &Default::default()).expect("reads");
        if let Some(rx) = rest {
            for message in rx {
                match message {
                    kanbao::loader::Loaded::Batch { batch, .. } => {
                        start.assembler.add(&mut start.doc, batch);
                    }
                    kanbao::loader::Loaded::Done { .. } => break,
                    kanbao::loader::Loaded::Failed(e) => panic!("{e}"),
                    kanbao::loader::Loaded::Whole(_) => panic!("a PDF comes in batches"),
                }
            }
        }
        assert_eq!(start.doc, read(&bytes));
    }
}

#[test]
fn a_long_pdf_shows_its_first_page_then_all_of_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.pdf");
    std::fs::write(&path, long_paper(120)).expect("writes");
    let mut s =
        common::pty::Session::start_with(&[path.to_str().expect("path")], dir.path(), (100, 30));
    s.wait_for("第1版的头条新闻");
    s.send("G");
    s.wait_for("最后一版的头条新闻");
    s.wait_until("still loading", |t| !t.contains("reading the file"));
    s.send("q");
    assert!(s.finish().success());
}
