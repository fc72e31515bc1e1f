//! Credits: who wrote an article or took its photo, and which wire agency it comes from.
//!
//! Bylines sit under a headline (`By Jane Doe`), after the body (`记者 张三`, `姑苏区总`), glued
//! to the last paragraph (`…。**太仓市总**`, `…。（记者 张三）`), or name an agency (`据新华社`).

use super::hints::{Lexicon, latin_words};
use super::rules::{
    HEADING_MAX_COLUMNS, display_width, ends_sentence, has_inner_sentence_end, is_han, is_wide,
    wider_than,
};

/// A credit glued to the end of a paragraph in bold: `…之家。**太仓市总**`.
/// Returns the paragraph text and the credit.
pub fn glued_credit(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_suffix("**")?;
    let open = body.rfind("**")?;
    let credit = body[open + 2..].trim();
    let before = body[..open].trim_end();
    if credit.is_empty() || credit.contains('*') || display_width(credit) > HEADING_MAX_COLUMNS {
        return None;
    }
    Some((before, credit))
}

/// A credit at the end of a paragraph, after its last sentence: in brackets (`…。（记者 张三）`,
/// `…。（林小雨 摄）`, `… here. (Reuters)`), or set off by spaces after a Chinese sentence
/// (`…作品。　林小雨　摄`). Returns the paragraph and the credit (without its brackets).
pub fn tail_credit(s: &str) -> Option<(&str, &str)> {
    tail_credit_with(s, Lexicon::none())
}

/// [`tail_credit`], knowing the user's credit words and agencies as well.
pub(crate) fn tail_credit_with<'s>(s: &'s str, lex: &Lexicon) -> Option<(&'s str, &'s str)> {
    let s = s.trim_end();
    if let Some(inner) = s.strip_suffix(['）', ')']) {
        let open = inner.rfind(['（', '('])?;
        let opener = inner[open..].chars().next()?;
        let note = inner[open + opener.len_utf8()..].trim();
        let body = inner[..open].trim_end();
        let ok =
            !body.is_empty() && ends_sentence(body) && credit_with(note, lex) == Credit::Strong;
        return ok.then_some((body, note));
    }
    if let Some(found) = latin_photo_tail(s) {
        return Some(found);
    }
    // `。　林小雨　摄`: only in Chinese, where a space never separates words, and only for the
    // unmistakable credits (a photographer, a reporter); or the name of a desk set to the
    // right of the paragraph's last line, which extracted text gives as `。 太仓市总`.
    let end = s.rfind(['。', '！', '？'])?;
    let after = &s[end..];
    let mark = after.chars().next()?;
    let tail = after[mark.len_utf8()..].trim_start_matches(['”', '’', '」', '』']);
    let note = tail.trim();
    let body = &s[..s.len() - tail.len()];
    let reporter = ["记者", "本报记者", "通讯员"]
        .iter()
        .any(|w| note.starts_with(w));
    let credit = credit_with(note, lex);
    let ok = tail.starts_with(char::is_whitespace)
        && note.chars().any(is_han)
        && display_width(note) <= 32
        && (((is_photo_credit(note) || reporter) && credit == Credit::Strong)
            || (credit != Credit::None && !note.contains(char::is_whitespace)));
    ok.then_some((body, note))
}

/// Most words a photographer's credit names after `Photo:` or `Photo by`.
const PHOTO_CREDIT_WORDS: usize = 6;

/// A photographer's credit after a caption's last sentence: `… at eight. Photo: Mary Smith`,
/// `… bridge. Photo by Sam Lee/Staff`.
fn latin_photo_tail(s: &str) -> Option<(&str, &str)> {
    // Every block is asked: a name ends with a letter, and Chinese text ends with a mark.
    if !s.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // The credit is short: only the block's end is looked at.
    let from = crate::text::floor_boundary(s, s.len().saturating_sub(160));
    let tail = &s[from..];
    let at = [
        "Photo:",
        "Photos:",
        "Photo by ",
        "Photos by ",
        "PHOTO:",
        "Photograph:",
    ]
    .iter()
    .filter_map(|w| tail.rfind(w))
    .max()?;
    let (body, note) = (s[..from + at].trim_end(), tail[at..].trim());
    let name = note
        .split_once([':', ' '])
        .map_or("", |(_, rest)| rest.trim_start_matches("by ").trim());
    let words = name.split_whitespace().count();
    let ok = !body.is_empty()
        && ends_sentence(body)
        && s[..from + at].ends_with(char::is_whitespace)
        && (1..=PHOTO_CREDIT_WORDS).contains(&words)
        && !ends_sentence(name)
        && name.starts_with(|c: char| c.is_uppercase());
    ok.then_some((body, note))
}

/// What a short block tells of who wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credit {
    /// Not a credit.
    None,
    /// Looks like the name of a desk or organisation (`姑苏区总`): a credit only where a credit
    /// fits (after an article's body).
    Weak,
    /// Certainly a credit: `记者 X`, `By X`, `据新华社`, `X 摄`.
    Strong,
}

/// Organisation names that end a Chinese credit line.
const ORG_SUFFIXES: &[&str] = &[
    "总工会",
    "工会",
    "联合会",
    "工联会",
    "委员会",
    "党委",
    "党组",
    "团委",
    "妇联",
    "协会",
    "学会",
    "研究会",
    "促进会",
    "集团",
    "公司",
    "中心",
    "办公室",
    "街道",
    "分会",
    "宣传部",
    "新闻办",
    "管委会",
    "服务站",
    "通讯社",
];
/// Single characters that end the name of an office or institution (`宣传部`, `文化馆`): a weak
/// sign, taken only for names of three characters or more.
const ORG_ENDINGS: &[char] = &[
    '局', '厅', '委', '办', '部', '院', '所', '馆', '校', '站', '队', '社', '处',
];
/// Administrative units whose `…总` is short for their trade-union council (`相城区总`).
const ADMIN_UNITS: &[char] = &['省', '市', '区', '县', '镇', '乡', '道', '局', '司', '业'];
/// Words of a Chinese credit line.
const CREDIT_WORDS: &[&str] = &[
    "记者",
    "通讯员",
    "实习生",
    "特约",
    "供稿",
    "撰稿",
    "摄影",
    "责任编辑",
    "责编",
    "编辑",
    "来源：",
    "来源:",
    "本报",
];
/// English credit openings.
const LATIN_CREDIT_OPENINGS: &[&str] = &[
    "by ",
    "reporting by",
    "photo:",
    "photos:",
    "photo by",
    "photos by",
    "words by",
    "story by",
    "text by",
    "written by",
    "source:",
    "— ",
    "-- ",
];

/// Classifies a short block as a credit line.
pub fn credit(s: &str) -> Credit {
    credit_with(s, Lexicon::none())
}

/// [`credit`], knowing the user's credit words and agencies as well.
pub(crate) fn credit_with(s: &str, lex: &Lexicon) -> Credit {
    let s = s.trim();
    if s.is_empty() || wider_than(s, HEADING_MAX_COLUMNS) || has_inner_sentence_end(s) {
        return Credit::None;
    }
    if wire_agency_with(s, lex).is_some() || is_photo_credit(s) || lex.opens_byline(s) {
        return Credit::Strong;
    }
    if CREDIT_WORDS.iter().any(|w| s.contains(w))
        || s.starts_with("文/")
        || s.starts_with("图/")
        || s.starts_with("文 /")
        || s.starts_with("图 /")
    {
        return if names_only(s) {
            Credit::Strong
        } else {
            Credit::None
        };
    }
    // The openings are ASCII: no need to lower-case the whole line, which runs on every block.
    let opens = |o: &&str| {
        s.as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
    };
    if LATIN_CREDIT_OPENINGS.iter().any(opens) {
        // "By the river" is a headline; "By Jane Doe" names someone.
        let rest = s.split_whitespace().nth(1).unwrap_or("");
        return if rest.starts_with(|c: char| c.is_uppercase()) || s.contains(':') {
            Credit::Strong
        } else {
            Credit::None
        };
    }
    if s.contains([',', '，', '、', '“', '”', '—', '!', '?', '！', '？']) {
        return Credit::None;
    }
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let n = compact.chars().count();
    if !(2..=16).contains(&n) || !compact.chars().all(|c| is_han(c) || c == '·') {
        return Credit::None;
    }
    if ORG_SUFFIXES
        .iter()
        .any(|suf| compact.ends_with(suf) && compact != *suf)
        || (n >= 3 && compact.ends_with(ORG_ENDINGS))
    {
        return Credit::Weak;
    }
    // "相城区总", "苏州市总": an administrative unit's trade-union council, abbreviated.
    let chars: Vec<char> = compact.chars().collect();
    if n >= 3 && chars[n - 1] == '总' && ADMIN_UNITS.contains(&chars[n - 2]) {
        return Credit::Weak;
    }
    Credit::None
}

/// A credit line's words besides its credit words are names: people (`张三`, `欧阳小雨`,
/// `Jane Doe`), organisations (`区总工会`) or agencies (`人民网`). `记者 张三、李四` is a
/// credit; `记者探访城西夜市` is a headline that mentions a reporter.
fn names_only(s: &str) -> bool {
    let mut rest = s.to_string();
    for w in CREDIT_WORDS.iter().chain(&["文/", "图/", "文", "图"]) {
        if w.chars().count() > 1 || rest.starts_with(w) {
            rest = rest.replace(w, " ");
        }
    }
    let pieces: Vec<&str> = rest
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '、' | '，' | ',' | '：' | ':' | '/' | '／')
        })
        .filter(|p| !p.is_empty())
        .collect();
    pieces.iter().all(|p| {
        let n = p.chars().count();
        let han_name =
            p.chars().all(|c| is_han(c) || c == '·') && (n <= 4 || (p.contains('·') && n <= 10));
        let latin_name = p.starts_with(|c: char| c.is_ascii_uppercase());
        han_name
            || latin_name
            || ORG_SUFFIXES.iter().any(|suf| p.ends_with(suf))
            || AGENCY_ENDINGS.iter().any(|e| p.ends_with(e))
            || (n >= 3 && p.ends_with(ORG_ENDINGS))
    })
}

/// A photo credit: `周庄镇总工会 摄`, `记者 张三 摄`, `Photo: Jane Doe`.
pub fn is_photo_credit(s: &str) -> bool {
    let s = s.trim();
    // The openings are ASCII: compared without lower-casing the line, which runs on every block.
    let opens = |o: &str| {
        s.as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
    };
    (s.ends_with('摄') && s.chars().count() >= 3 && !s.ends_with("拍摄"))
        || s.ends_with("摄影")
        || s.starts_with("图/")
        || s.starts_with("图 /")
        || s.starts_with("摄影")
        || ["photo:", "photos:", "photo by", "photos by"]
            .into_iter()
            .any(opens)
}

/// Wire agencies known by name.
const AGENCIES: &[&str] = &[
    "新华社",
    "中新社",
    "中国新闻社",
    "人民日报",
    "光明日报",
    "经济日报",
    "工人日报",
    "中国日报",
    "解放军报",
    "央视新闻",
    "央视网",
    "中央广播电视总台",
    "中国新闻网",
    "人民网",
    "新华网",
    "澎湃新闻",
];
/// English wire agencies, matched as words.
const LATIN_AGENCIES: &[(&str, &str)] = &[
    ("reuters", "Reuters"),
    ("associated press", "Associated Press"),
    ("ap", "AP"),
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("bloomberg", "Bloomberg"),
    ("xinhua", "Xinhua"),
    ("upi", "UPI"),
    ("dpa", "dpa"),
    ("kyodo", "Kyodo"),
    ("yonhap", "Yonhap"),
    ("tass", "TASS"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
];
/// What a Chinese agency's name ends with.
const AGENCY_ENDINGS: &[&str] = &["社", "日报", "晚报", "报", "网", "电视台", "新闻", "客户端"];

/// The wire agency a credit line names: `据新华社` → `新华社`, `新华社记者 X` → `新华社`,
/// `(Reuters)` → `Reuters`. Local desks and reporters name none.
pub fn wire_agency(s: &str) -> Option<String> {
    wire_agency_with(s, Lexicon::none())
}

/// [`wire_agency`], knowing the user's agencies as well. The built-in agencies come first, so
/// that hints only add.
pub(crate) fn wire_agency_with(s: &str, lex: &Lexicon) -> Option<String> {
    let s = s.trim().trim_matches(['(', ')', '（', '）']).trim();
    builtin_agency(s).or_else(|| {
        lex.credit_agency(s).or_else(|| {
            if !lex.has_latin_agencies() {
                return None;
            }
            latin_agency(s, |lower, words| {
                lex.latin_agencies().find_map(|(name, key)| {
                    ends_with_agency(lower, words, key).then(|| name.to_string())
                })
            })
        })
    })
}

/// A built-in agency named by a credit line trimmed of its brackets.
fn builtin_agency(s: &str) -> Option<String> {
    if let Some(rest) = s.strip_prefix('据') {
        let name = rest
            .trim()
            .trim_end_matches("报道")
            .trim_end_matches("消息")
            .trim_end_matches('电')
            .trim_end_matches('讯')
            .trim();
        let n = name.chars().count();
        if (2..=10).contains(&n)
            && name.chars().all(is_han)
            && AGENCY_ENDINGS.iter().any(|e| name.ends_with(e))
        {
            return Some(name.to_string());
        }
    }
    for agency in AGENCIES {
        if let Some(rest) = s.strip_prefix(agency) {
            let rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with("记者") || rest.ends_with('电') {
                return Some((*agency).to_string());
            }
        }
    }
    // "新华社记者 张三": any agency `X社` with its reporter.
    if let Some(pos) = s.find("社记者") {
        let name = &s[..pos + '社'.len_utf8()];
        let n = name.chars().count();
        if (2..=6).contains(&n) && name.chars().all(is_han) {
            return Some(name.to_string());
        }
    }
    latin_agency(s, |lower, words| {
        LATIN_AGENCIES.iter().find_map(|(key, name)| {
            let key_words: Vec<&str> = key.split(' ').collect();
            ends_with_agency(lower, words, &key_words).then(|| (*name).to_string())
        })
    })
}

/// The agency ending an English credit line: `find` is given the line in lower case and its
/// words without the titles that may follow an agency's name (`Writer`, `Staff`).
fn latin_agency(s: &str, find: impl Fn(&str, &[&str]) -> Option<String>) -> Option<String> {
    if s.chars().any(is_wide) {
        return None;
    }
    let lower = s.to_lowercase();
    let words: Vec<&str> = latin_words(&lower).collect();
    if words.len() > 8 {
        return None;
    }
    let end = words
        .iter()
        .rposition(|w| !LATIN_AGENCY_TITLES.contains(w))
        .map_or(0, |i| i + 1);
    find(&lower, &words[..end])
}

/// The agency ends the credit (`By John Roe, Reuters`, `(AP)`, `Bloomberg News`), and what
/// comes before it is a name set off by a comma or a dash: `AP Exams Begin…` and
/// `Bloomberg Philanthropies Funds…` are headlines.
fn ends_with_agency(lower: &str, words: &[&str], key: &[impl AsRef<str>]) -> bool {
    let Some(start) = words.len().checked_sub(key.len()) else {
        return false;
    };
    let Some(first) = key.first() else {
        return false;
    };
    if !words[start..]
        .iter()
        .zip(key)
        .all(|(w, k)| *w == k.as_ref())
    {
        return false;
    }
    let alone = start == 0;
    let set_off = lower
        .rfind(first.as_ref())
        .map(|at| lower[..at].trim_end())
        .is_some_and(|before| before.ends_with([',', '—', '-', '/', ';', '|']));
    alone || set_off
}

/// Words that may follow an agency's name in a credit: `Associated Press Writer`.
const LATIN_AGENCY_TITLES: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "correspondent",
    "news",
    "photo",
    "photographer",
];

/// A wire dateline opening a story: `新华社北京3月5日电`, `WASHINGTON (Reuters) -`.
pub fn dateline_agency(paragraph: &str) -> Option<String> {
    dateline_agency_with(paragraph, Lexicon::none())
}

/// [`dateline_agency`], knowing the user's agencies as well.
pub(crate) fn dateline_agency_with(paragraph: &str, lex: &Lexicon) -> Option<String> {
    // The first 40 characters, borrowed: this runs on every paragraph.
    let head = paragraph
        .char_indices()
        .nth(40)
        .map_or(paragraph, |(i, _)| &paragraph[..i]);
    for agency in AGENCIES {
        if let Some(rest) = head.strip_prefix(agency)
            && let Some(pos) = rest.find('电')
            && rest[..pos].chars().count() <= 12
        {
            return Some((*agency).to_string());
        }
    }
    if let Some(agency) = lex.dateline_agency(head) {
        return Some(agency);
    }
    let open = head.find('(')?;
    let close = head[open..].find(')')? + open;
    let before = &head[..open];
    if !before.trim().is_empty()
        && before
            .trim()
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == ',' || c == '.')
    {
        return wire_agency_with(&head[open + 1..close], lex);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_credits() {
        assert_eq!(
            glued_credit("职工之家。**太仓市总**"),
            Some(("职工之家。", "太仓市总"))
        );
        assert_eq!(
            glued_credit("放松充电。**周庄镇总工会 摄**"),
            Some(("放松充电。", "周庄镇总工会 摄"))
        );
        assert_eq!(glued_credit("**据新华社**"), Some(("", "据新华社")));
        assert_eq!(glued_credit("a **bold** word"), None);
    }

    #[test]
    fn credits_at_the_end_of_a_paragraph() {
        assert_eq!(
            tail_credit("正文第一段。（记者 张三）"),
            Some(("正文第一段。", "记者 张三"))
        );
        assert_eq!(
            tail_credit("图为孩子们在展示作品。（林小雨 摄）"),
            Some(("图为孩子们在展示作品。", "林小雨 摄"))
        );
        assert_eq!(
            tail_credit("图为孩子们在展示作品。\u{3000}林小雨\u{3000}摄"),
            Some(("图为孩子们在展示作品。", "林小雨\u{3000}摄"))
        );
        assert_eq!(
            tail_credit("The talks ended on Monday. (Reuters)"),
            Some(("The talks ended on Monday.", "Reuters"))
        );
        assert_eq!(tail_credit("正文第一段。（完）"), None);
        assert_eq!(tail_credit("会议由他主持（记者 张三）"), None);
        assert_eq!(tail_credit("The talks ended. (See page 3)"), None);
        assert_eq!(tail_credit("活动结束。 大家都很开心"), None);
    }

    #[test]
    fn credits_strong_and_weak() {
        assert_eq!(credit("记者 张三 通讯员 李四"), Credit::Strong);
        assert_eq!(credit("By Jane Doe"), Credit::Strong);
        assert_eq!(credit("By the river"), Credit::None);
        assert_eq!(credit("据新华社"), Credit::Strong);
        assert_eq!(credit("周庄镇总工会 摄"), Credit::Strong);
        assert_eq!(credit("千灯镇总工会"), Credit::Weak);
        assert_eq!(credit("姑苏区总"), Credit::Weak);
        assert_eq!(credit("金港街道工会联合会"), Credit::Weak);
        assert_eq!(credit("民之所呼,立法所向"), Credit::None);
        assert_eq!(credit("一线焊接工人赛场比技能"), Credit::None);
        assert_eq!(credit("工会"), Credit::None);
        assert_eq!(credit("区文化馆"), Credit::Weak);
        assert_eq!(credit("馆"), Credit::None);
        assert_eq!(credit("记者探访城西夜市"), Credit::None);
        assert_eq!(credit("本报编辑部召开座谈会"), Credit::None);
        assert_eq!(credit("记者 张三、李四"), Credit::Strong);
        assert_eq!(credit("本报记者 欧阳小雨 通讯员 王五"), Credit::Strong);
        assert_eq!(credit("责任编辑：王五"), Credit::Strong);
        assert!(is_photo_credit("Photo: Jane Doe"));
        assert!(!is_photo_credit("市民拍摄"));
    }

    #[test]
    fn wire_agencies() {
        assert_eq!(wire_agency("据新华社").as_deref(), Some("新华社"));
        assert_eq!(wire_agency("据人民日报").as_deref(), Some("人民日报"));
        assert_eq!(wire_agency("据新华社电").as_deref(), Some("新华社"));
        assert_eq!(
            wire_agency("据某某通讯社报道").as_deref(),
            Some("某某通讯社")
        );
        assert_eq!(wire_agency("新华社记者 王五").as_deref(), Some("新华社"));
        assert_eq!(wire_agency("(Reuters)").as_deref(), Some("Reuters"));
        assert_eq!(
            wire_agency("By Jane Doe, Associated Press").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(wire_agency("千灯镇总工会"), None);
        assert_eq!(wire_agency("记者 张三"), None);
        assert_eq!(wire_agency("By Jane Doe"), None);
        assert_eq!(wire_agency("据了解"), None);
        assert_eq!(
            wire_agency("AP Exams Begin Next Week at Riverside High"),
            None
        );
        assert_eq!(wire_agency("Bloomberg Philanthropies Funds New Park"), None);
        assert_eq!(wire_agency("(AP)").as_deref(), Some("AP"));
        assert_eq!(
            wire_agency("By Ann Lee, Associated Press Writer").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            dateline_agency("新华社北京3月5日电 十四届全国人大一次会议").as_deref(),
            Some("新华社")
        );
        assert_eq!(
            dateline_agency("WASHINGTON (Reuters) - The Senate voted").as_deref(),
            Some("Reuters")
        );
        assert_eq!(dateline_agency("近日,太仓市总工会召开"), None);
    }
}
