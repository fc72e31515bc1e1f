//! The parser's rules, each on a small newsletter of its own, in Chinese and in English.
//! None of these texts comes from the bundled sample.

mod common;

use common::shape::shape;
use kanbao::doc::{ArticleKind, BlockKind, Newsletter};
use kanbao::read::plain::parse;
use kanbao::source;

fn texts(doc: &Newsletter) -> Vec<&str> {
    doc.articles()
        .flat_map(|(_, a)| a.blocks.iter().map(|b| b.text.as_str()))
        .collect()
}

#[test]
fn soft_wraps_join_without_space_in_chinese_and_with_one_in_english() {
    let doc = parse(
        "标题一则\n\n区总工会召开\n座谈会,部署\n全年任务。\n\nSecond item\n\nThe council met\non Monday and agreed.\n",
    );
    assert_eq!(
        texts(&doc),
        [
            "区总工会召开座谈会,部署全年任务。",
            "The council met on Monday and agreed."
        ]
    );
}

#[test]
fn a_word_hyphenated_at_a_line_end_is_rejoined() {
    let doc = parse(
        "Harbour plan approved\n\nThe new harbour plan was approved after a long extrac-\ntion of evidence from witnesses.\n\nA well-\nKnown case stays hyphenated.\n",
    );
    assert_eq!(
        texts(&doc),
        [
            "The new harbour plan was approved after a long extraction of evidence from witnesses.",
            "A well-Known case stays hyphenated."
        ]
    );
}

#[test]
fn a_paragraph_cut_by_a_page_break_is_joined() {
    let text = "春季运动会圆满落幕\n\n本次运动会共设田径、球类等十二个项目,吸引了全区\n\n三十多家单位的职工参加,场面热烈。\n\n运动会期间,各代表队发扬拼搏精神;\n\n赛出了风格,赛出了水平。\n\n这次活动的开展,为推动全民健身\x0c提供了新的平台。\n";
    let doc = parse(&source::decode(text.as_bytes()).expect("decodes").text);
    assert_eq!(
        texts(&doc),
        [
            "本次运动会共设田径、球类等十二个项目,吸引了全区三十多家单位的职工参加,场面热烈。",
            "运动会期间,各代表队发扬拼搏精神;赛出了风格,赛出了水平。",
            "这次活动的开展,为推动全民健身提供了新的平台。",
        ]
    );
}

#[test]
fn an_english_paragraph_cut_by_a_column_break_is_joined_with_a_space() {
    let doc = parse(
        "Library reopens\n\nThe library reopened on Monday after a year of\n\nrepairs to its roof and walls.\n",
    );
    assert_eq!(
        texts(&doc),
        ["The library reopened on Monday after a year of repairs to its roof and walls."]
    );
}

#[test]
fn an_open_quote_carries_the_sentence_over_the_break() {
    let doc = parse(
        "座谈会召开\n\n“我们要把每一件\n\n实事办好。”主任说。\n\n“第一段引语。\n\n“第二段引语。”\n",
    );
    assert_eq!(
        texts(&doc),
        [
            "“我们要把每一件实事办好。”主任说。",
            "“第一段引语。",
            "“第二段引语。”"
        ]
    );
}

#[test]
fn a_short_fragment_that_continues_a_sentence_is_joined() {
    // "的" cannot start a sentence; and "合唱团" is a word of the article split by the break.
    let text = "合唱比赛举行\n\n区文化馆组织的职工合唱比赛于周末举行,共有十支合唱团参赛。\n\n比赛现场,各支队伍的演唱\n\n的水平都很高。\n\n本次比赛的冠军是机关合\n\n唱团,亚军是教育系统合唱团。\n\n区文化馆\n";
    let doc = parse(text);
    assert_eq!(
        texts(&doc),
        [
            "区文化馆组织的职工合唱比赛于周末举行,共有十支合唱团参赛。",
            "比赛现场,各支队伍的演唱的水平都很高。",
            "本次比赛的冠军是机关合唱团,亚军是教育系统合唱团。",
        ]
    );
    assert_eq!(
        shape(&doc),
        ["综合? | 合唱比赛举行 | 区文化馆 | story | PPP"]
    );
}

#[test]
fn headlines_start_articles_and_credits_end_them() {
    let text = "\n\n春季招聘会举行\n\n日前,街道举办春季招聘会,五十家企业参加。\n\n现场提供岗位一千余个。\n\n某某街道\n\n职工书屋揭牌\n\n近日,职工书屋正式揭牌。**某某区总**\n\n今年以来,区总工会开展走访慰问活动,惠及职工三千余人。\n\n慰问活动将持续到年底。\n\n城东镇总工会\n";
    let doc = parse(text);
    assert_eq!(
        shape(&doc),
        [
            "综合? | 春季招聘会举行 | 某某街道 | story | PP",
            "综合? | 职工书屋揭牌 | 某某区总 | story | P",
            "综合? | 今年以来,区总工会开展走访慰问活动…? | 城东镇总工会 | story | PP",
        ]
    );
}

#[test]
fn an_untitled_item_gets_the_start_of_its_first_sentence() {
    let doc = parse("今年以来,区总工会围绕中心工作,扎实推进各项任务落实落地,取得了明显的成效。\n");
    let a = doc
        .articles()
        .next()
        .map(|(_, a)| a.clone())
        .expect("one article");
    assert!(a.title_inferred);
    assert_eq!(a.title, "今年以来,区总工会围绕中心工作…");
    let doc = parse("The council met on Monday. It agreed a budget.\n");
    assert_eq!(
        doc.sections[0].articles[0].title,
        "The council met on Monday"
    );
}

#[test]
fn a_dash_line_under_a_headline_is_its_subtitle_and_dash_lines_inside_are_subheadings() {
    let text = "稳步推进城市更新\n\n——来自老城区的调查\n\n老城区改造已进入第三年。\n\n破解资金难题——\n\n多方筹资,引入社会资本。\n\n守住城市记忆,留住街巷烟火\n\n改造中保留了老街巷的格局,修缮了一批历史建筑。居民们说,老街还是原来的样子。\n\n据新华社\n";
    let doc = parse(text);
    let a = &doc.sections[0].articles[0];
    assert_eq!(a.subtitle.as_deref(), Some("——来自老城区的调查"));
    assert_eq!(
        shape(&doc),
        ["新华社? | 稳步推进城市更新 | 据新华社 | story | PSPSP"]
    );
}

#[test]
fn a_photo_credit_makes_a_photo_item() {
    let doc = parse(
        "大桥建设进入收尾阶段\n\n近日,大桥主体结构完工,工人们正在进行桥面铺装。**记者 王明 摄**\n",
    );
    let a = &doc.sections[0].articles[0];
    assert_eq!(a.kind, ArticleKind::Photo);
    assert_eq!(a.byline.as_deref(), Some("记者 王明 摄"));
    let doc = parse(
        "Bridge nears completion\n\nWorkers lay the deck of the new bridge on Tuesday.\n\nPhoto: Jane Doe\n",
    );
    assert_eq!(doc.sections[0].articles[0].kind, ArticleKind::Photo);
}

#[test]
fn consecutive_wire_copy_forms_a_section_named_after_the_agency() {
    let text = "本地新闻一\n\n本地的一条新闻。\n\n某某区总\n\n外地新闻一\n\n外地的一条新闻。\n\n据人民日报\n\n外地新闻二\n\n外地的另一条新闻。**据人民日报**\n\n外地新闻三\n\n新华社北京3月5日电 又一条新闻。\n\n新华社记者 张三\n";
    let doc = parse(text);
    assert_eq!(
        shape(&doc),
        [
            "综合? | 本地新闻一 | 某某区总 | story | P",
            "人民日报? | 外地新闻一 | 据人民日报 | story | P",
            "人民日报? | 外地新闻二 | 据人民日报 | story | P",
            "新华社? | 外地新闻三 | 新华社记者 张三 | story | P",
        ]
    );
}

#[test]
fn english_byline_under_the_headline_and_wire_copy() {
    let text = "Town hall to reopen in May\n\nBy Jane Doe\n\nThe town hall will reopen in May after repairs.\n\nThe council said the work was on budget.\n\nFloods close coastal road\n\nBy John Roe, Reuters\n\nHeavy rain closed the coastal road on Sunday.\n";
    let doc = parse(text);
    assert_eq!(
        shape(&doc),
        [
            "News? | Town hall to reopen in May | By Jane Doe | story | PP",
            "Reuters? | Floods close coastal road | By John Roe, Reuters | story | P",
        ]
    );
}

#[test]
fn explicit_section_markers_win_over_inference() {
    let text = "【要闻】\n\n全区经济稳中向好\n\n一季度全区生产总值增长百分之六。\n\n据新华社\n\n【基层动态】\n\n社区开展义诊\n\n近日,社区开展义诊活动。\n\n## Sport\n\nLocal team wins cup\n\nThe local team won the cup on Saturday.\n";
    let doc = parse(text);
    assert_eq!(
        shape(&doc),
        [
            "要闻 | 全区经济稳中向好 | 据新华社 | story | P",
            "基层动态 | 社区开展义诊 | - | story | P",
            "Sport | Local team wins cup | - | story | P",
        ]
    );
}

#[test]
fn a_masthead_names_the_newsletter() {
    let doc = parse("城东工会简报 第12期\n\n职工书屋揭牌\n\n近日,职工书屋正式揭牌。\n");
    assert_eq!(doc.title.as_deref(), Some("城东工会简报 第12期"));
    assert_eq!(doc.articles().count(), 1);
    let doc = parse("# The Harbour Weekly\n\nNew ferry route\n\nA new ferry route opens today.\n");
    assert_eq!(doc.title.as_deref(), Some("The Harbour Weekly"));
    let doc = parse(
        "城东工会报\n\n2023年3月10日 星期五 第8期\n\n职工书屋揭牌\n\n近日,职工书屋正式揭牌。\n",
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("城东工会报 2023年3月10日 星期五 第8期")
    );
    assert_eq!(
        doc.articles().next().map(|(_, a)| a.title.as_str()),
        Some("职工书屋揭牌")
    );
}

#[test]
fn subheadings_inside_an_article_that_ends_with_a_credit() {
    let text = "区总工会召开会议\n\n会议总结了去年工作。\n\n某某区总\n\n职工服务再上台阶\n\n今年,区总工会推出多项服务。\n\n服务更贴心\n\n新建职工驿站十个。\n\n维权更有力\n\n办理法律援助案件五十件。\n\n某某区总\n";
    let doc = parse(text);
    assert_eq!(
        shape(&doc),
        [
            "综合? | 区总工会召开会议 | 某某区总 | story | P",
            "综合? | 职工服务再上台阶 | 某某区总 | story | PSPSP",
        ]
    );
}

#[test]
fn ideographic_indents_open_paragraphs() {
    let doc = parse("区总工会召开会议\n　　会议总结了去年工作。\n　　会议部署了今年任务。\n");
    assert_eq!(
        texts(&doc),
        ["会议总结了去年工作。", "会议部署了今年任务。"]
    );
}

#[test]
fn text_stays_verbatim() {
    let text = "标点不改\n\n这里的标点 ,有错也不改.错别字也留着。\n";
    assert_eq!(
        texts(&parse(text)),
        ["这里的标点 ,有错也不改.错别字也留着。"]
    );
}

#[test]
fn encodings_all_give_the_same_newsletter() {
    let text =
        "区总工会召开会议\r\n\r\n会议总结了去年工作,部署了\r\n今年任务。\r\n\r\n某某区总\r\n";
    let expected = parse(&text.replace("\r\n", "\n"));
    let utf8_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [text.as_bytes(), &utf8_bom, &gb, &utf16le, &utf16be] {
        let decoded = source::decode(bytes).expect("decodes");
        assert_eq!(parse(&decoded.text), expected, "as {}", decoded.encoding);
    }
    assert_eq!(
        shape(&expected),
        ["综合? | 区总工会召开会议 | 某某区总 | story | P"]
    );
}

#[test]
fn any_text_gives_a_newsletter() {
    for text in [
        "x",
        "。",
        "**",
        "**据新华社**",
        "——",
        "【】",
        "## ",
        "#",
        "\n\n\n",
        "a-\n-b",
        "“",
        "某某区总",
    ] {
        let doc = parse(text);
        for (_, a) in doc.articles() {
            assert!(!a.title.is_empty(), "{text:?}");
        }
    }
}

#[test]
fn a_bracketed_note_after_the_last_sentence_ends_the_article() {
    let doc = parse("第一条新闻\n\n正文第一段。（完）\n\n第二条新闻\n\n正文二。\n");
    assert_eq!(
        shape(&doc),
        [
            "综合? | 第一条新闻 | - | story | P",
            "综合? | 第二条新闻 | - | story | P"
        ]
    );
    let doc = parse("第一条新闻\n\n正文第一段。（记者 张三）\n\n第二条新闻\n\n正文二。\n");
    assert_eq!(shape(&doc)[0], "综合? | 第一条新闻 | 记者 张三 | story | P");
    assert_eq!(texts(&doc), ["正文第一段。", "正文二。"]);
    for tail in ["（林小雨 摄）", "\u{3000}林小雨\u{3000}摄"] {
        let doc = parse(&format!(
            "夜市开张\n\n图为夜市一角。{tail}\n\n第二条新闻\n\n正文二。\n"
        ));
        let a = &doc.sections[0].articles[0];
        assert_eq!(a.kind, ArticleKind::Photo, "{tail}");
        assert_eq!(doc.articles().count(), 2, "{tail}");
    }
    let doc = parse(
        "Talks end\n\nThe talks ended on Monday. (Reuters)\n\nRain expected\n\nIt will rain.\n",
    );
    assert_eq!(
        shape(&doc),
        [
            "Reuters? | Talks end | Reuters | story | P",
            "News? | Rain expected | - | story | P"
        ]
    );
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_next_article() {
    let doc = parse(
        "第一条新闻\n\n他说，“我们一定会办好。\n\n第二条新闻\n\n正文二。\n\n第三条新闻\n\n正文三。\n",
    );
    assert_eq!(doc.articles().count(), 3);
    let doc = parse(
        "First story\n\nThe mayor said \"we will act. Nobody disagreed.\n\nSecond story\n\nBody two.\n",
    );
    assert_eq!(doc.articles().count(), 2);
    // A stray opener far back in a paragraph does not carry over its end.
    let doc = parse("标题\n\n他说“好。大家都同意。\n\n第二段正文。\n");
    assert_eq!(texts(&doc), ["他说“好。大家都同意。", "第二段正文。"]);
}

#[test]
fn parsing_stays_linear_on_unclosed_quotes_and_punctuation_lines() {
    let quote = format!("标题\n\n“会议指出\n\n{}", "会议指出\n\n".repeat(20_000));
    let commas = format!("Headline\n\n{}", ",,,,\n".repeat(30_000));
    let blocks = format!("Headline\n\n{}", "part of a sentence,\n\n".repeat(20_000));
    for text in [quote, commas, blocks] {
        let start = std::time::Instant::now();
        let doc = parse(&text);
        assert!(doc.articles().count() >= 1);
        assert!(start.elapsed().as_secs_f64() < 3.0, "{:?}", start.elapsed());
    }
}

#[test]
fn one_credit_does_not_turn_later_headlines_into_subheadings() {
    let doc = parse(
        "标题一\n\n正文第一段。\n\n区总工会\n\n标题二\n\n正文第二段。\n\n标题三\n\n正文第三段。\n",
    );
    assert_eq!(doc.articles().count(), 3);
    let doc = parse(
        "Story one\n\nBody one.\n\nBy Jane Doe\n\nStory two\n\nBody two.\n\nStory three\n\nBody three.\n",
    );
    assert_eq!(doc.articles().count(), 3);
}

#[test]
fn a_subtitle_or_byline_line_right_under_a_headline_stays_apart() {
    let doc = parse("街道举办培训班\n——让老人跨越数字鸿沟\n\n上周三，街道举办培训班。\n");
    let a = &doc.sections[0].articles[0];
    assert_eq!(a.title, "街道举办培训班");
    assert_eq!(a.subtitle.as_deref(), Some("——让老人跨越数字鸿沟"));
    let doc = parse("Library Reopens\nBy Jane Doe\n\nThe library reopened on Saturday.\n");
    assert_eq!(
        shape(&doc),
        ["News? | Library Reopens | By Jane Doe | story | P"]
    );
}

#[test]
fn headlines_that_mention_reporters_or_agencies_are_headlines() {
    let doc = parse("标题一\n\n正文第一段。\n\n记者探访城西夜市\n\n夜幕降临，夜市人头攒动。\n");
    assert_eq!(
        shape(&doc),
        [
            "综合? | 标题一 | - | story | P",
            "综合? | 记者探访城西夜市 | - | story | P"
        ]
    );
    let doc = parse(
        "Headline One\n\nBody one.\n\nAP Exams Begin Next Week\n\nStudents sit exams from Monday.\n",
    );
    assert_eq!(
        shape(&doc),
        [
            "News? | Headline One | - | story | P",
            "News? | AP Exams Begin Next Week | - | story | P"
        ]
    );
}

#[test]
fn question_headlines_start_articles() {
    let doc = parse(
        "标题一\n\n正文第一段。\n\n你的社保卡升级了吗？\n\n近日，人社局提醒市民更换社保卡。\n",
    );
    assert_eq!(doc.articles().count(), 2);
    let doc = parse(
        "Headline One\n\nBody one.\n\nIs Your Street Next?\n\nTen streets will be resurfaced.\n",
    );
    assert_eq!(
        doc.articles().nth(1).map(|(_, a)| a.title.as_str()),
        Some("Is Your Street Next?")
    );
}

#[test]
fn headlines_with_numbers_are_not_mastheads_but_dates_are() {
    for text in [
        "第三期技能培训班开班\n\n近日，培训班开班。\n",
        "我市2023年3月旅游收入创新高\n\n据统计，收入增长两成。\n",
        "Issue 5 Of The Budget Resolved\n\nThe council settled it.\n",
    ] {
        assert_eq!(parse(text).title, None, "{text}");
    }
    // A paper's name by its words: the date under it is the issue's, not more of the name.
    let doc = parse("Riverside Bulletin\n\nFriday, March 10, 2023\n\nHeadline One\n\nBody one.\n");
    assert_eq!(doc.title.as_deref(), Some("Riverside Bulletin"));
    assert_eq!(doc.date.as_deref(), Some("2023-03-10"));
    assert_eq!(shape(&doc), ["News? | Headline One | - | story | P"]);
}

#[test]
fn a_wire_dateline_opens_a_story_of_its_own() {
    let doc = parse(
        "本地新闻\n\n本报讯 市里举办活动。\n\n新华社北京9月15日电 国家统计局发布数据。\n\n分析人士指出，经济向好。\n",
    );
    assert_eq!(
        shape(&doc),
        [
            "综合? | 本地新闻 | - | story | P",
            "新华社? | 新华社北京9月15日电 国家统计局发布数据? | - | story | PP"
        ]
    );
}

#[test]
fn a_last_paragraph_without_its_full_stop_stays_a_paragraph() {
    let doc =
        parse("Headline One\n\nBody one ends here without a period\n\nHeadline Two\n\nBody two.\n");
    assert_eq!(
        shape(&doc),
        [
            "News? | Headline One | - | story | P",
            "News? | Headline Two | - | story | P"
        ]
    );
    let doc = parse("标题一\n\n数据显示，产值增长了5%\n\n标题二\n\n正文二。\n");
    assert_eq!(
        shape(&doc),
        [
            "综合? | 标题一 | - | story | P",
            "综合? | 标题二 | - | story | P"
        ]
    );
}

#[test]
fn a_parallel_subheading_is_not_joined_to_the_sentence_after_it() {
    let doc = parse("标题一\n\n正文第一段。\n\n稳就业，惠民生\n\n市政府出台十条新措施。\n");
    assert_eq!(
        texts(&doc),
        ["正文第一段。", "稳就业，惠民生", "市政府出台十条新措施。"]
    );
}

#[test]
fn separator_lines_are_dropped() {
    let doc = parse(
        "Headline One\n\nBody one.\n\n----------\n\nHeadline Two\n----------\nBody two.\n\n————\n\n****\n",
    );
    assert_eq!(
        shape(&doc),
        [
            "News? | Headline One | - | story | P",
            "News? | Headline Two | - | story | P"
        ]
    );
}

#[test]
fn a_hyphen_before_a_capital_or_a_digit_stays_without_a_space() {
    let doc = parse("Talks\n\nThe Franco-\nGerman talks on COVID-\n19 ended.\n");
    assert_eq!(texts(&doc), ["The Franco-German talks on COVID-19 ended."]);
}

#[test]
fn a_bare_name_after_the_body_is_its_credit() {
    let doc = parse(
        "Headline One\n\nBody one is here.\n\nJane Doe\n\nHeadline Two\n\nBody two is here.\n\nJohn Roe\n",
    );
    assert_eq!(
        shape(&doc),
        [
            "News? | Headline One | Jane Doe | story | P",
            "News? | Headline Two | John Roe | story | P"
        ]
    );
}

#[test]
fn an_inferred_title_is_measured_as_it_is_drawn() {
    // A family emoji is one cluster two columns wide on screen, though its three emoji and two
    // joiners add up to six: the title is cut at 48 drawn columns, not at 48 summed ones.
    let family = "👩\u{200d}👩\u{200d}👧";
    let paragraph = format!("{}，后面还有很多字。", family.repeat(30));
    let title = kanbao::read::plain::parse::infer_title(&paragraph);
    assert_eq!(title, format!("{}…", family.repeat(24)));
    assert_eq!(kanbao::text::display_width(&title), 49);
}

// ---- Newspaper pages as extracted text ----

#[test]
fn pages_extracted_without_blank_lines_read_as_their_articles() {
    let doc = parse(common::EXTRACTED_PAGES);
    assert_eq!(doc.title.as_deref(), Some("江南职工报"));
    // A continued article is placed where its rest ends it, joined to its own rest (by what
    // they are about: here the rests come in the other order).
    assert_eq!(
        shape(&doc),
        [
            "综合? | 夏季用电安全提示 | 江南供电所 | story | P",
            "综合? | 运河两岸步道全线贯通 | 运河步道管理处 | story | PP",
            "综合? | 河边新建职工书屋正式开放 | 河边街道总工会 | story | PP",
        ]
    );
    let texts = texts(&doc);
    assert!(texts.contains(
        &"书屋每天开放十小时,职工凭会员卡即可免费借阅。负责人介绍,书屋还将定期举办读书分享会,首场定在下周六下午,书屋的志愿者也在招募之中。"
    ));
    assert!(
        texts.contains(&"步道管理处表示,夜间照明将在下月启用,运河步道的巡查也将增加到每天两次。")
    );
    // No furniture reaches the text.
    for furniture in [
        "星期一",
        "第1版",
        "责任编辑",
        "农历",
        "第45期",
        "主办",
        "-1-",
        "下转",
        "上接",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(furniture)),
            "{furniture} in {texts:#?}"
        );
    }
}

#[test]
fn an_article_whose_rest_never_comes_is_kept() {
    let doc = parse(
        "河边新建职工书屋\n\n书屋每天开放十小时,职工凭会员卡即可免费借阅。\n\n（下转第2版）\n",
    );
    assert_eq!(
        texts(&doc),
        ["书屋每天开放十小时,职工凭会员卡即可免费借阅。"]
    );
}

/// Two columns set side by side, as `pdftotext -layout` gives them: the second column starts
/// at display column `at` (give or take one, as wide and narrow characters put it).
fn side_by_side(left: &[&str], right: &[&str], at: usize) -> String {
    let mut out = String::new();
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).copied().unwrap_or("");
        let r = right.get(i).copied().unwrap_or("");
        let w = kanbao::text::display_width(l);
        out.push_str(l);
        if !r.is_empty() {
            out.push_str(&" ".repeat(at.saturating_sub(w).max(3) + i % 2));
            out.push_str(r);
        }
        out.push('\n');
    }
    out
}

#[test]
fn columns_side_by_side_are_read_one_after_the_other() {
    let left = [
        "河边新建职工书屋",
        "   本周一,位于河边公园的职工书屋正",
        "式开放,首批藏书三千册,涵盖文学、历",
        "史和技术类图书。",
        "   书屋每天开放十小时,职工凭会员卡",
        "即可免费借阅。 河边街道总工会",
    ];
    let right = [
        "运河两岸步道全线贯通",
        "   沿运河修建的步道本月全线贯通,全",
        "长十二公里,沿途设有八处休息点和饮",
        "水站,方便职工晨练和散步。",
        "   步道管理处表示,夜间照明将在下月",
        "启用。 运河步道管理处",
    ];
    let page = format!(
        "2024年5月6日 星期一      第1版 要闻      责任编辑:李明\n\n{}",
        side_by_side(&left, &right, 42)
    );
    let doc = parse(&page);
    assert_eq!(
        shape(&doc),
        [
            "综合? | 河边新建职工书屋 | 河边街道总工会 | story | PP",
            "综合? | 运河两岸步道全线贯通 | 运河步道管理处 | story | PP",
        ]
    );
    assert_eq!(
        texts(&doc)[0],
        "本周一,位于河边公园的职工书屋正式开放,首批藏书三千册,涵盖文学、历史和技术类图书。"
    );
}

#[test]
fn a_text_of_jump_lines_keeps_every_article_and_stays_quick() {
    // Hostile or broken: a hundred thousand articles that go on elsewhere, then as many rests.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "标题{i}号\n\n正文第{i}段写到这里。\n\n（下转第2版）\n\n"
        ));
    }
    for i in 0..20_000 {
        text.push_str(&format!("（上接第1版）\n\n接着第{i}段写完。\n\n"));
    }
    let doc = parse(&text);
    let texts = texts(&doc);
    assert!(texts.iter().any(|t| t.contains("正文第19999段")));
    assert!(texts.iter().any(|t| t.contains("接着第19999段")));
    assert!(texts.iter().any(|t| t.contains("正文第0段")));
}

#[test]
fn a_marked_subheading_stays_in_its_article() {
    // `####` (a front end that knows a line is a subheading, such as the PDF reader, marks it
    // so): a subheading of the article it stands in, never a headline of its own.
    let doc = parse(
        "### 冬季用电提示\n\n入冬以来,家庭用电负荷上升。\n\n#### 插线板不宜串联\n\n多个插线板首尾相连容易发热。\n",
    );
    let articles: Vec<_> = doc.sections.iter().flat_map(|s| &s.articles).collect();
    assert_eq!(articles.len(), 1, "{articles:#?}");
    let kinds: Vec<_> = articles[0]
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Paragraph, "入冬以来,家庭用电负荷上升。"),
            (BlockKind::Subheading, "插线板不宜串联"),
            (BlockKind::Paragraph, "多个插线板首尾相连容易发热。"),
        ]
    );
}

// ---- Shapes found on extracted text ----

#[test]
fn an_english_headline_after_a_blank_line_starts_its_article_after_an_unfinished_paragraph() {
    // The paragraph before lacks its full stop, as a cut extraction leaves it.
    let doc = parse(
        "City Council Approves New Budget\n\n\
         The council approved the budget on Monday after a debate that ran late into the \
         evening, with most members in favour of the plan for new parks and roads\n\n\
         River Park Reopens After Repairs\n\
         The park reopened on Saturday after months of repairs to its paths and bridges.\n",
    );
    assert_eq!(
        shape(&doc),
        [
            "News? | City Council Approves New Budget | - | story | P",
            "News? | River Park Reopens After Repairs | - | story | P",
        ]
    );
    // A sentence that goes on in lower case still goes on.
    let doc = parse(
        "City Council Approves New Budget\n\n\
         The council approved the budget on Monday after a debate that ran late into the\n\n\
         evening, with most members in favour.\n",
    );
    assert_eq!(
        shape(&doc),
        ["News? | City Council Approves New Budget | - | story | P"]
    );
}

#[test]
fn a_photo_credit_after_a_caption_makes_a_photo_item() {
    let doc = parse(
        "Library Hours Change\n\n\
         From next week the library opens at nine and closes at eight. Photo: Mary Smith\n",
    );
    assert_eq!(
        shape(&doc),
        ["News? | Library Hours Change | Photo: Mary Smith | photo | P"]
    );
    assert_eq!(
        doc.sections[0].articles[0].blocks[0].text.as_str(),
        "From next week the library opens at nine and closes at eight."
    );
    // Words about a photo inside a sentence are no credit.
    let doc = parse(
        "Library Hours Change\n\nThe winning entry is on show. Photo: the new wing opened in May\n",
    );
    assert_eq!(
        shape(&doc),
        ["News? | Library Hours Change | - | story | P"]
    );
}

#[test]
fn numbered_lines_are_the_items_of_a_list() {
    let doc = parse(
        "New Rules for Bins\n\n\
         Three things to know about the new rules:\n\
         1. Bins go out on Tuesday.\n\
         2. Glass is collected every second week, and it\n\
         must be rinsed first.\n\
         3. Garden waste needs a permit.\n",
    );
    assert_eq!(
        shape(&doc),
        ["News? | New Rules for Bins | - | story | PLLL"]
    );
    let blocks = &doc.sections[0].articles[0].blocks;
    assert_eq!(
        blocks[2].text.as_str(),
        "Glass is collected every second week, and it must be rinsed first."
    );
    assert_eq!(
        blocks[2].marker().map(|m| m.text().into_owned()).as_deref(),
        Some("2.")
    );
    // Chinese items, each a paragraph of its own.
    let doc = parse("报名须知\n\n1、报名时间为本月1日至15日。\n\n2、每人限报两门课程。\n");
    assert_eq!(shape(&doc), ["综合? | 报名须知 | - | story | LL"]);
    // A number alone is no list: a paragraph opening with a year, a decimal.
    let doc = parse("报名须知\n\n2.9万名职工参加了报名。\n\n3.5万人次参观了展览。\n");
    assert_eq!(shape(&doc), ["综合? | 报名须知 | - | story | PP"]);
}

#[test]
fn a_fragment_going_on_into_an_adverb_is_no_headline() {
    let doc = parse(
        "书屋扩建完成\n\n\
         河边职工书屋扩建工程近日完工,面积比原来增加了一倍。\n\n\
         职工书屋的藏书\n\n\
         已经超过三千册,涵盖文学、历史和技术类图书。\n",
    );
    assert_eq!(shape(&doc), ["综合? | 书屋扩建完成 | - | story | PP"]);
    assert_eq!(
        doc.sections[0].articles[0].blocks[1].text.as_str(),
        "职工书屋的藏书已经超过三千册,涵盖文学、历史和技术类图书。"
    );
}

#[test]
fn a_heading_set_as_its_siblings_stays_apart_where_the_break_seems_to_cut_a_word() {
    // `舒心` | `服务…`: `心服务` is a phrase of the article (`贴心服务`), but the block is set
    // as the other headings are: it is not joined to the paragraph under it (whether these are
    // headlines or subheadings is the grouping's to say; here, with no credits, headlines).
    let text = "\
为职工办实事

区总工会今年推出贴心服务,在各街道设立服务站,为职工提供贴心服务。

让职工更舒心

服务中心设在一楼,职工可以在这里休息、喝水、给手机充电。

让家长更放心

暑期托管班开到了每个街道,孩子有人照看。

让企业更安心

工会帮助企业解决用工难题,稳定职工队伍。
";
    let doc = parse(text);
    let shapes = shape(&doc);
    assert!(
        shapes.iter().any(|s| s.contains("让职工更舒心 |")),
        "{shapes:?}"
    );
    assert_eq!(shapes.len(), 4, "{shapes:?}");
}

#[test]
fn spaces_that_justification_or_a_gap_put_between_chinese_characters_are_not_text() {
    let doc = parse(
        "职工书屋正式开放\n\n\
         本 周 一 , 位 于 河 边 公 园 的 职 工 书 屋 正 式 开 放 ,首批藏书三千册。\n\n\
         书屋每天开放十小时,职工凭会员卡  即可免费借阅,活动主题是“巾帼同心 芳华绽放”。\n",
    );
    let blocks = &doc.sections[0].articles[0].blocks;
    assert_eq!(
        blocks[0].text.as_str(),
        "本周一,位于河边公园的职工书屋正式开放,首批藏书三千册。"
    );
    // A gap of two spaces goes; the space a writer put between two phrases stays.
    assert_eq!(
        blocks[1].text.as_str(),
        "书屋每天开放十小时,职工凭会员卡即可免费借阅,活动主题是“巾帼同心 芳华绽放”。"
    );
    // English keeps its spaces.
    let doc = parse("Library News\n\nThe library opens at nine , and closes at eight.\n");
    assert_eq!(
        doc.sections[0].articles[0].blocks[0].text.as_str(),
        "The library opens at nine , and closes at eight."
    );
}

#[test]
fn shapes_that_look_like_the_rules_but_are_not() {
    // A headline over a paragraph opening with a word that starts with an adverb's character.
    let doc = parse("中东局势持续紧张\n\n也门胡塞武装近日宣布停火,各方表示欢迎。\n");
    assert_eq!(shape(&doc), ["综合? | 中东局势持续紧张 | - | story | P"]);
    // An English headline ending in a paper's word, with its body under it, is no masthead.
    let doc = parse("Council Orders Pension Review\n\nThe council ordered a review on Monday.\n");
    assert_eq!(doc.title, None);
    assert_eq!(
        shape(&doc),
        ["News? | Council Orders Pension Review | - | story | P"]
    );
    // A date above a marked name: the name is still the paper's, the date the issue's.
    let doc = parse("2024年5月6日 星期一\n\n# 滨江职工报\n\n社区食堂开业\n\n食堂开业了。\n");
    assert_eq!(doc.title.as_deref(), Some("滨江职工报"));
    assert_eq!(doc.date.as_deref(), Some("2024-05-06"));
    // A paragraph's first line full of names in title case is no headline.
    let doc = parse(
        "Union Meets the Mayor\n\n\
         Members of the Riverside Transit Workers Union met with Mayor Jane\n\
         Doe on Tuesday to discuss the new contract for the drivers and the\n\
         mechanics of the city's buses, which ends in March next year.\n",
    );
    assert_eq!(
        shape(&doc),
        ["News? | Union Meets the Mayor | - | story | P"]
    );
}

/// Text of every block, title and byline of a newsletter, one string.
fn visible(doc: &Newsletter) -> String {
    let mut out = String::new();
    for (_, a) in doc.articles() {
        out.push_str(&a.title);
        out.push('\n');
        for b in &a.blocks {
            out.push_str(&b.text);
            out.push('\n');
        }
    }
    out
}

#[test]
fn lines_repeated_at_the_edges_of_pages_are_furniture() {
    // A club's bulletin of three pages, as pdftotext gives it: a running head and a foot on
    // every page, neither of a shape the rules know, and the page's number in the foot.
    let text = "Harbour Club Bulletin\n\nIssue 12, 2026-2027\n\nSpring Fair Needs Helpers\n\
                The spring fair is on Saturday and the club needs twenty people for the stalls.\n\
                Sign up with the secretary.\nChartered May 3, 1961\nDistrict 41 | Club 7 Sheet 1\n\n\u{c}\
                Issue 12, 2026-2027\n\nNew Members\nThree new members joined the club this month.\n\
                Ann Lee runs the bakery on Quay Street.\nChartered May 3, 1961\nDistrict 41 | Club 7 Sheet 2\n\n\u{c}\
                Issue 12, 2026-2027\n\nBoard Meets in the New Hall\nThe board meets on the first Monday of the month.\n\
                Chartered May 3, 1961\nDistrict 41 | Club 7 Sheet 3\n\n\u{c}";
    // The form feeds as the sanitiser gives them to the parser.
    let doc = parse(&kanbao::text::clean(text));
    let seen = visible(&doc);
    for furniture in ["Issue 12", "Chartered", "District 41", "Sheet"] {
        assert!(!seen.contains(furniture), "{furniture} in {seen}");
    }
    assert_eq!(
        shape(&doc),
        [
            "News? | Spring Fair Needs Helpers | - | story | P",
            "News? | New Members | - | story | P",
            "News? | Board Meets in the New Hall | - | story | P",
        ]
    );
    // Without the page breaks the same lines are text: nothing says they repeat on pages.
    let doc = parse(&text.replace("\n\n\u{c}", "\n\n"));
    assert!(visible(&doc).contains("Chartered May 3, 1961"));
}

#[test]
fn an_english_masthead_names_the_paper_and_its_information_is_not_shown() {
    let text = "The Lantern\nNewsletter of the Harbour Fellowship\nA home for curious minds\n\n\
                Phone (555) 010-2030\nwww.lantern.example\nMarch 2026 (Volume 12 No. 3)\n\n\
                Spring Supper on Sunday\n\
                Everyone is welcome at the spring supper after the service on Sunday.\n";
    let doc = parse(text);
    assert_eq!(doc.title.as_deref(), Some("The Lantern"));
    let seen = visible(&doc);
    for info in ["Newsletter of", "curious", "(555)", "www.", "Volume"] {
        assert!(!seen.contains(info), "{info} in {seen}");
    }
    assert_eq!(
        shape(&doc),
        ["News? | Spring Supper on Sunday | - | story | P"]
    );
    // The paper's address and telephone set apart further down its first page (a sidebar read
    // after the lead) are the masthead's too; in an article, or on a later page, they stay.
    let text = "The Lantern\nNewsletter of the Harbour Fellowship\nPhone (555) 010-2030\n\n\
                Spring Supper\nEveryone is welcome at the supper on Sunday.\n\n\
                6220 Harbour Avenue, Midland\n\nPhone (555) 010-2030\n\n\
                Choir Practice\nThe choir meets at 12 Mill Road, Midland on Thursdays.\n\n\n\
                Garden Day\nBring gloves to the garden day.\n\n44 Quay Street\n\nThe address above is new.\n";
    let seen = visible(&parse(text));
    assert!(!seen.contains("6220 Harbour"), "{seen}");
    assert!(!seen.contains("(555)"), "{seen}");
    assert!(seen.contains("12 Mill Road"), "{seen}");
    assert!(seen.contains("44 Quay Street"), "{seen}");
    // A headline over an article's first lines is no masthead, whatever they hold.
    let doc = parse(
        "Fair Raises Money\nThe fair raised money for the roof.\nCall 555 010 2030 to help.\n",
    );
    assert_eq!(doc.title, None);
}

#[test]
fn heads_led_by_the_same_mark_start_stories_and_marked_lines_together_are_a_list() {
    let text = "◊ Forum on Housing, this Sunday at 9 a.m.\n\
                The forum asks what the town can do about rents.\n\
                ◊ Food Drive Results\n\
                The drive collected two tons of food, thanks to everyone who gave.\n";
    let doc = parse(text);
    assert_eq!(
        shape(&doc),
        [
            "News? | Forum on Housing, this Sunday at 9 a.m. | - | story | P",
            "News? | Food Drive Results | - | story | P",
        ]
    );
    // One under another they are items; one alone is no head; one going on in lower case
    // starts a paragraph.
    for text in [
        "Supper Notes\n\nPlease bring these to the supper:\n◆ Bread\n◆ Cheese\n◆ Fruit\n",
        "Supper Notes\n\n◆ Bring Bread to the supper.\nWe start at six.\n",
        "Supper Notes\n\n◆ Bring Bread and\ncheese.\n◆ Bring Fruit and\nnuts.\n",
    ] {
        let doc = parse(text);
        assert!(
            doc.articles()
                .all(|(_, a)| !a.title.starts_with(['B', 'C', 'F'])),
            "{text}: {:?}",
            shape(&doc)
        );
    }
}

#[test]
fn the_issue_date_is_given_in_one_form() {
    for (line, iso) in [
        ("Monday, November 30, 2026", Some("2026-11-30")),
        ("30 Nov. 2026", Some("2026-11-30")),
        ("Sept 9, 2026", Some("2026-09-09")),
        ("2026年2月28日 星期六", Some("2026-02-28")),
        ("February 29, 2024", Some("2024-02-29")),
        ("February 29, 2026", None),
        ("2026年13月1日", None),
        ("Mayday 3, 2026", None),
    ] {
        assert_eq!(
            kanbao::read::plain::rules::iso_date(line).as_deref(),
            iso,
            "{line}"
        );
    }
}
