//! The genre's rules as small named predicates over one block of text.
//!
//! Each rule speaks of newspapers in general (Chinese and English), never of one issue's words.
//! The parser (`parse.rs`) weighs them together with what comes before and after a block.

use unicode_width::UnicodeWidthChar;

/// Marks that end a sentence when they end a block.
const TERMINALS: &[char] = &['。', '！', '？', '!', '?', '…', '.', '．', '｡'];
/// Closing quotes and brackets that may follow the mark ending a sentence (`。”`).
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', ')', '》', '】', '〕', '〉', '"', '\'', ']', '］',
];
/// Marks that continue a sentence when they end a block.
const CONTINUERS: &[char] = &[
    ',', '，', '、', ';', '；', ':', '：', '﹐', '﹑', '(', '（', '“', '《', '「', '『', '【',
];
/// Marks that can never start a line of text: a block starting with one continues the previous.
const NON_INITIAL: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', '）', '》', '」', '』', '】', '〕', '〉', '”', '’',
    ',', '.', ';', ':', '!', '?', ')', ']', '%', '％',
];
/// Pairs whose opening half, left unclosed, means the sentence goes on.
const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('(', ')'),
    ('《', '》'),
    ('【', '】'),
    ('〔', '〕'),
];

/// Widest a headline, subheading or credit can be, in terminal columns.
const HEADING_MAX_COLUMNS: usize = 64;
/// Widest a Latin-script headline can be (Latin headlines are longer in columns).
const LATIN_HEADING_MAX_COLUMNS: usize = 100;

/// Han ideographs (and the CJK compatibility and extension blocks).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// A character that is set two columns wide: Han, kana, Hangul, full-width forms and punctuation.
pub fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

/// Display width of a string in terminal columns, the way ratatui measures it.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// True when most letters of `s` are Latin rather than CJK.
pub fn is_latin_text(s: &str) -> bool {
    let (mut latin, mut wide) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_wide(c) {
            wide += 1;
        }
    }
    // A CJK character carries about as much as a short Latin word.
    latin > wide * 3
}

/// The text without the closing quotes and brackets at its end.
fn strip_closers(s: &str) -> &str {
    s.trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace())
}

/// The block ends a sentence: `。！？!?…` (possibly followed by a closing quote) at its end.
pub fn ends_sentence(s: &str) -> bool {
    if s.ends_with("——") {
        return false;
    }
    strip_closers(s)
        .chars()
        .next_back()
        .is_some_and(|c| TERMINALS.contains(&c))
}

/// The block ends with a mark that calls for more: `,` `、` `;` `:` or an opening bracket.
pub fn ends_mid_sentence(s: &str) -> bool {
    s.chars()
        .next_back()
        .is_some_and(|c| CONTINUERS.contains(&c))
}

/// The block starts with a mark or particle that cannot begin a sentence (`，` `”` `的` …).
pub fn starts_mid_sentence(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if NON_INITIAL.contains(&c) => true,
        // "……" may open a quotation, but "…" after a break continues.
        Some('的') => !matches!(chars.next(), Some('确' | '士')),
        Some('们') => true,
        Some(c) if c.is_ascii_lowercase() => true,
        _ => false,
    }
}

/// The break cuts a number in two: `2.` | `4万件`, `20` | `23年`.
pub fn splits_number(b: &str, n: &str) -> bool {
    let head_digit = n.starts_with(|c: char| c.is_ascii_digit());
    let tail = b.strip_suffix('.').unwrap_or(b);
    head_digit && tail.ends_with(|c: char| c.is_ascii_digit()) && !is_latin_text(b)
}

/// An opening quote or bracket is left unclosed in the block.
pub fn has_unclosed_pair(s: &str) -> bool {
    let mut depth = [0i32; PAIRS.len()];
    let mut straight = 0usize;
    for c in s.chars() {
        if c == '"' {
            straight += 1;
        }
        for (i, &(open, close)) in PAIRS.iter().enumerate() {
            if c == open {
                depth[i] += 1;
            } else if c == close {
                depth[i] -= 1;
            }
        }
    }
    depth.iter().any(|&d| d > 0) || straight % 2 == 1
}

/// The block opens with a quotation mark (a new quoted paragraph).
pub fn starts_with_open_quote(s: &str) -> bool {
    s.starts_with(['“', '「', '『', '"'])
}

/// A sentence ends inside the block, not only at its end (`。` followed by more text).
pub fn has_inner_sentence_end(s: &str) -> bool {
    let body = strip_closers(s);
    let body = body.trim_end_matches(|c: char| TERMINALS.contains(&c));
    let mut chars = body.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '。' | '｡' => return true,
            // Latin full stops end a sentence only before a space and a capital ("U.S." does not).
            '.' | '!' | '?' => {
                if let Some(&(_, ' ')) = chars.peek() {
                    let rest = &body[chars.peek().map_or(body.len(), |&(i, _)| i)..];
                    if rest.trim_start().starts_with(|n: char| n.is_uppercase()) {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// Short, unpunctuated, balanced: the shape of a headline, subheading or credit.
pub fn is_heading_like(s: &str) -> bool {
    if s.is_empty() || s.len() > 400 || s.contains('\n') {
        return false;
    }
    if ends_sentence(s) || ends_mid_sentence(s) || has_unclosed_pair(s) || has_inner_sentence_end(s)
    {
        return false;
    }
    // A heading has at most two phrases; a run of clauses, or a list and a clause, is prose.
    let clauses = s.matches([',', '，', ';', '；', ':', '：']).count();
    if clauses > 1 || (clauses == 1 && s.contains('、')) {
        return false;
    }
    let max = if is_latin_text(s) {
        LATIN_HEADING_MAX_COLUMNS
    } else {
        HEADING_MAX_COLUMNS
    };
    width(s) <= max
}

/// Longest the tail of a sentence cut by a break can be and still count as only a tail.
const SENTENCE_TAIL_COLUMNS: usize = 48;

/// A block made of clauses (`X,Y`), as sentences are, not a bare phrase.
pub fn is_clause(s: &str) -> bool {
    s.contains([',', '，', ';', '；'])
}

/// A block that is only the short end of one sentence: `提供了新的平台。`.
pub fn is_sentence_tail(s: &str) -> bool {
    ends_sentence(s)
        && !has_inner_sentence_end(s)
        && !starts_with_open_quote(s)
        && !is_latin_text(s)
        && width(s) <= SENTENCE_TAIL_COLUMNS
}

/// A heading starting with a dash: the subtitle under a headline (`——追寻…`).
pub fn is_dash_subtitle(s: &str) -> bool {
    (s.starts_with("——") || s.starts_with("—") || s.starts_with("--")) && s.chars().count() > 2
}

/// The shapes that mark a heading inside an article: `X——` or two parallel phrases `X,Y`.
pub fn has_subheading_shape(s: &str) -> bool {
    if s.ends_with("——") || s.ends_with('—') {
        return true;
    }
    let parts: Vec<&str> = s.split([',', '，']).collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            let n = p.chars().count();
            (2..=16).contains(&n) && !p.contains(['、', ';', '；', ':', '：'])
        })
}

/// The start of a lead paragraph: words that open a news story, never the tail of a split word.
pub fn opens_lead(s: &str) -> bool {
    const OPENERS: &[&str] = &[
        "近日",
        "日前",
        "本报",
        "记者",
        "据悉",
        "据了解",
        "今年以来",
        "近年来",
        "昨天",
        "今天",
        "昨日",
        "今日",
    ];
    OPENERS.iter().any(|o| s.starts_with(o))
}

/// Issue markers of a masthead: `第12期`, `总第345期`, a date, `Issue 12`, `Vol. 3`, `No. 7`.
pub fn has_issue_marker(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let numeral = |c: char| c.is_ascii_digit() || "零〇一二三四五六七八九十百千两".contains(c);
    for (i, &c) in chars.iter().enumerate() {
        // 第 N 期 / 号 / 版 / 卷
        if c == '第' {
            let mut j = i + 1;
            while j < chars.len() && (numeral(chars[j]) || chars[j] == ' ') {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && "期号版卷".contains(chars[j]) {
                return true;
            }
        }
        // 2023年3月10日
        if c == '年' && i >= 4 && chars[i - 4..i].iter().all(char::is_ascii_digit) {
            let rest: String = chars[i + 1..].iter().collect();
            if rest.contains('月') {
                return true;
            }
        }
        // 2023-03-10
        if c.is_ascii_digit() && i + 10 <= chars.len() {
            let w: String = chars[i..i + 10].iter().collect();
            let b = w.as_bytes();
            if b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(k, ch)| k == 4 || k == 7 || ch.is_ascii_digit())
            {
                return true;
            }
        }
    }
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let number = pair[1].trim_start_matches('#');
        if matches!(
            pair[0],
            "issue" | "no." | "vol." | "volume" | "edition" | "number"
        ) && number.starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
    }
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    words.windows(3).any(|w| {
        MONTHS.contains(&w[0])
            && w[1].starts_with(|c: char| c.is_ascii_digit())
            && w[2].len() == 4
            && w[2].bytes().all(|b| b.is_ascii_digit())
    })
}

/// An explicit section marker on a line of its own: `【要闻】`, `## News`, `=== Sport ===`.
/// Returns the section's title.
pub fn section_marker(line: &str) -> Option<&str> {
    let line = line.trim();
    let inner = if let Some(rest) = line.strip_prefix("##") {
        if rest.starts_with('#') {
            return None;
        }
        rest.trim()
    } else if let Some(rest) = line.strip_prefix('【') {
        rest.strip_suffix('】')?
    } else if let Some(rest) = line.strip_prefix('〖') {
        rest.strip_suffix('〗')?
    } else if let Some(rest) = line.strip_prefix('［') {
        rest.strip_suffix('］')?
    } else if line.starts_with("==") && line.ends_with("==") && line.len() > 4 {
        line.trim_matches('=').trim()
    } else {
        return None;
    };
    let inner = inner.trim();
    let ok = !inner.is_empty()
        && inner.chars().count() <= 24
        && !inner.contains(['【', '】', '。', '，', ','])
        && !ends_sentence(inner);
    ok.then_some(inner)
}

/// A Markdown headline `# Title` (a masthead when it comes first) or `### Headline`.
pub fn markdown_heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    if hashes == 0 || hashes > 6 || !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim();
    (!text.is_empty()).then_some((hashes, text))
}

/// A credit glued to the end of a paragraph in bold: `…之家。**太仓市总**`.
/// Returns the paragraph text and the credit.
pub fn glued_credit(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_suffix("**")?;
    let open = body.rfind("**")?;
    let credit = body[open + 2..].trim();
    let before = body[..open].trim_end();
    if credit.is_empty() || credit.contains('*') || width(credit) > HEADING_MAX_COLUMNS {
        return None;
    }
    Some((before, credit))
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
    '局', '厅', '委', '办', '部', '院', '所', '馆', '校', '站', '队', '社',
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
    let s = s.trim();
    if s.is_empty() || width(s) > HEADING_MAX_COLUMNS || has_inner_sentence_end(s) {
        return Credit::None;
    }
    if wire_agency(s).is_some() || is_photo_credit(s) {
        return Credit::Strong;
    }
    if CREDIT_WORDS.iter().any(|w| s.contains(w))
        || s.starts_with("文/")
        || s.starts_with("图/")
        || s.starts_with("文 /")
        || s.starts_with("图 /")
    {
        return if s.contains(['，', '、']) && !s.contains("记者") {
            Credit::None
        } else {
            Credit::Strong
        };
    }
    let lower = s.to_lowercase();
    if LATIN_CREDIT_OPENINGS.iter().any(|o| lower.starts_with(o)) {
        // "By the river" is a headline; "By Jane Doe" names someone.
        let rest = s.split_whitespace().nth(1).unwrap_or("");
        return if rest.starts_with(|c: char| c.is_uppercase()) || lower.contains(':') {
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

/// A photo credit: `周庄镇总工会 摄`, `记者 张三 摄`, `Photo: Jane Doe`.
pub fn is_photo_credit(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_lowercase();
    (s.ends_with('摄') && s.chars().count() >= 3 && !s.ends_with("拍摄"))
        || s.ends_with("摄影")
        || s.starts_with("图/")
        || s.starts_with("图 /")
        || s.starts_with("摄影")
        || lower.starts_with("photo:")
        || lower.starts_with("photos:")
        || lower.starts_with("photo by")
        || lower.starts_with("photos by")
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
    let s = s.trim().trim_matches(['(', ')', '（', '）']).trim();
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
    if s.chars().any(is_wide) {
        return None;
    }
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 8 {
        return None;
    }
    LATIN_AGENCIES.iter().find_map(|(key, name)| {
        let key_words: Vec<&str> = key.split(' ').collect();
        words
            .windows(key_words.len())
            .any(|w| w == key_words.as_slice())
            .then(|| (*name).to_string())
    })
}

/// A wire dateline opening a story: `新华社北京3月5日电`, `WASHINGTON (Reuters) -`.
pub fn dateline_agency(paragraph: &str) -> Option<String> {
    let head: String = paragraph.chars().take(40).collect();
    for agency in AGENCIES {
        if let Some(rest) = head.strip_prefix(agency)
            && let Some(pos) = rest.find('电')
            && rest[..pos].chars().count() <= 12
        {
            return Some((*agency).to_string());
        }
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
        return wire_agency(&head[open + 1..close]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_with_terminal_marks_and_closing_quotes() {
        assert!(ends_sentence("部署2023年任务。"));
        assert!(ends_sentence("他说:“好。”"));
        assert!(ends_sentence("支持和引导资本健康发展……"));
        assert!(ends_sentence("The council agreed."));
        assert!(ends_sentence("Really?\""));
        assert!(!ends_sentence("政治性、先进性和群"));
        assert!(!ends_sentence("聚力夯基固本——"));
        assert!(!ends_sentence("全面推进中国式现代化太仓新实践;"));
        assert!(!ends_sentence("the committee will"));
    }

    #[test]
    fn mid_sentence_marks_at_either_end() {
        assert!(ends_mid_sentence("地方组织法、"));
        assert!(ends_mid_sentence("and then,"));
        assert!(ends_mid_sentence("会议要求:"));
        assert!(!ends_mid_sentence("实处。"));
        assert!(starts_mid_sentence("的持续改善"));
        assert!(starts_mid_sentence("，以及"));
        assert!(starts_mid_sentence("tion of the rules"));
        assert!(!starts_mid_sentence("的确如此。"));
        assert!(!starts_mid_sentence("近日,"));
        assert!(!starts_mid_sentence("The council"));
    }

    #[test]
    fn numbers_cut_by_a_break() {
        assert!(splits_number("共收到提案2.", "9万余件。"));
        assert!(splits_number("部署20", "23年任务。"));
        assert!(!splits_number("任务。", "2023年"));
        assert!(!splits_number("The vote ended 52.", "4 members left."));
    }

    #[test]
    fn unclosed_quotes_and_brackets() {
        assert!(has_unclosed_pair("“对于条件不成熟或一时难以解决的"));
        assert!(has_unclosed_pair("编写的《新时代提案"));
        assert!(has_unclosed_pair("he said \"we will"));
        assert!(!has_unclosed_pair("刑法修正案(十一)对“高空抛物”"));
        assert!(!has_unclosed_pair("don’t stop"));
    }

    #[test]
    fn inner_sentence_end() {
        assert!(has_inner_sentence_end(
            "“看,小江豚游过来了。”伴随长江生态环境"
        ));
        assert!(has_inner_sentence_end("It rained. Then it stopped"));
        assert!(!has_inner_sentence_end("The U.S. economy grows"));
        assert!(!has_inner_sentence_end("实践。"));
    }

    #[test]
    fn heading_shapes() {
        assert!(is_heading_like("为中国式现代化太仓新实践贡献工会力量"));
        assert!(is_heading_like("“金”彩服务 春风送岗"));
        assert!(is_heading_like("Council approves harbour budget"));
        assert!(!is_heading_like("近日,太仓市总工会召开座谈会。"));
        assert!(!is_heading_like("制定修改全国人大组织法、地方组织法、"));
        assert!(!is_heading_like(&"很长的没有标点的文字".repeat(5)));
        assert!(!is_heading_like(
            "本次运动会共设田径、球类等项目,吸引了全区"
        ));
        assert!(!is_heading_like("会议指出,要加强领导,狠抓落实"));
        assert!(has_subheading_shape("锻造法律重器,厚植制度根基"));
        assert!(has_subheading_shape("聚力夯基固本——"));
        assert!(has_subheading_shape("民之所呼，立法所向"));
        assert!(!has_subheading_shape("一线焊接工人赛场比技能"));
        assert!(!has_subheading_shape("甲、乙,丙"));
        assert!(is_dash_subtitle("——追寻国家立法五年闪亮足迹"));
        assert!(is_dash_subtitle("— a look back at five years"));
        assert!(!is_dash_subtitle("——"));
    }

    #[test]
    fn clauses_and_sentence_tails() {
        assert!(is_clause("这次活动的开展,为推动全民健身"));
        assert!(!is_clause("一线焊接工人赛场比技能"));
        assert!(is_sentence_tail("提供了新的平台。"));
        assert!(!is_sentence_tail(
            "法律是治国之重器,良法是善治之前提。五年来,立法工作取得新的重大进展。"
        ));
        assert!(!is_sentence_tail("提供了新的平台"));
    }

    #[test]
    fn issue_markers_of_a_masthead() {
        assert!(has_issue_marker("工会周报 第12期"));
        assert!(has_issue_marker("苏州工会 2023年3月10日"));
        assert!(has_issue_marker("总第三百期"));
        assert!(has_issue_marker("The Harbour Weekly — Issue 42"));
        assert!(has_issue_marker("Town News, Vol. 3 No. 7"));
        assert!(has_issue_marker("Friday, March 10, 2023"));
        assert!(has_issue_marker("Bulletin 2023-03-10"));
        assert!(!has_issue_marker("一线焊接工人赛场比技能"));
        assert!(!has_issue_marker("Issue of the day"));
    }

    #[test]
    fn explicit_section_markers() {
        assert_eq!(section_marker("【要闻】"), Some("要闻"));
        assert_eq!(section_marker("## News"), Some("News"));
        assert_eq!(section_marker("=== Sport ==="), Some("Sport"));
        assert_eq!(section_marker("〖基层动态〗"), Some("基层动态"));
        assert_eq!(section_marker("### Headline"), None);
        assert_eq!(section_marker("【要闻】今天的新闻"), None);
        assert_eq!(section_marker("【编者按:这是一句话。】"), None);
        assert_eq!(markdown_heading("# 工会周报"), Some((1, "工会周报")));
        assert_eq!(markdown_heading("#hashtag"), None);
    }

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
            dateline_agency("新华社北京3月5日电 十四届全国人大一次会议").as_deref(),
            Some("新华社")
        );
        assert_eq!(
            dateline_agency("WASHINGTON (Reuters) - The Senate voted").as_deref(),
            Some("Reuters")
        );
        assert_eq!(dateline_agency("近日,太仓市总工会召开"), None);
    }

    #[test]
    fn lead_openers() {
        assert!(opens_lead("近日,太仓市总工会"));
        assert!(!opens_lead("乃馨服务站"));
    }
}
