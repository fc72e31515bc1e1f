//! The genre's rules as small named predicates over one block of text.
//!
//! Each rule speaks of newspapers in general (Chinese and English), never of one issue's words.
//! The parser (`parse.rs`) weighs them together with what comes before and after a block.

pub use super::credit::{
    Credit, credit, dateline_agency, glued_credit, is_photo_credit, tail_credit, wire_agency,
};

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
pub(crate) const HEADING_MAX_COLUMNS: usize = 64;
/// Widest a Latin-script headline can be (Latin headlines are longer in columns).
const LATIN_HEADING_MAX_COLUMNS: usize = 100;

pub use crate::text::{display_width, floor_boundary, is_han, is_wide, wider_than};

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

/// The block ends a sentence: `。！？!?…` (possibly followed by a closing quote) at its end, or
/// a short note in brackets after such an end (`…。（完）`, `…。（记者 张三）`).
pub fn ends_sentence(s: &str) -> bool {
    if s.ends_with("——") {
        return false;
    }
    if ends_with_terminal(s) {
        return true;
    }
    let Some(inner) = s.trim_end().strip_suffix(['）', ')']) else {
        return false;
    };
    // Only the end of the block is looked at: a note is short, and a long block must not be
    // scanned whole each time it grows.
    let near = &inner[floor_boundary(inner, inner.len().saturating_sub(NOTE_MAX_BYTES))..];
    let Some(open) = near.rfind(['（', '(']) else {
        return false;
    };
    let before = &inner[..inner.len() - near.len() + open];
    !near[open..].contains(['）', ')']) && ends_with_terminal(before.trim_end())
}

/// Longest a bracketed note after a sentence can be, in bytes.
const NOTE_MAX_BYTES: usize = 120;

/// The block's last mark (past closing quotes and brackets) ends a sentence.
fn ends_with_terminal(s: &str) -> bool {
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
    // The script of the block's end decides; looking at all of a long block would cost time.
    let end = &b[floor_boundary(b, b.len().saturating_sub(OPEN_PAIR_WINDOW))..];
    head_digit && tail.ends_with(|c: char| c.is_ascii_digit()) && !is_latin_text(end)
}

/// An opening quote or bracket is left unclosed in the block.
pub fn has_unclosed_pair(s: &str) -> bool {
    unclosed(s, false)
}

/// Whether `s` leaves an opener unclosed. With `clamp`, a closer without an opener before it
/// (its opener lies before `s`) is ignored rather than let cancel a later opener.
fn unclosed(s: &str, clamp: bool) -> bool {
    let mut depth = [0i32; PAIRS.len()];
    let mut straight = 0usize;
    for c in s.chars() {
        if c == '"' {
            straight += 1;
        }
        match pair_of(c) {
            Some((i, true)) => depth[i] += 1,
            Some((i, false)) => {
                depth[i] -= 1;
                if clamp {
                    depth[i] = depth[i].max(0);
                }
            }
            None => {}
        }
    }
    depth.iter().any(|&d| d > 0) || straight % 2 == 1
}

/// Which of [`PAIRS`] `c` belongs to, and whether it opens it. Most characters are none, and
/// are told so by one comparison (the test `pair_of_knows_every_pair` keeps this in step).
fn pair_of(c: char) -> Option<(usize, bool)> {
    if !matches!(
        c,
        '(' | ')' | '“' | '”' | '《'..='】' | '〔' | '〕' | '（' | '）'
    ) {
        return None;
    }
    PAIRS.iter().enumerate().find_map(|(i, &(open, close))| {
        if c == open {
            Some((i, true))
        } else if c == close {
            Some((i, false))
        } else {
            None
        }
    })
}

/// How far back from a block's end an open quote or bracket is looked for, in bytes.
const OPEN_PAIR_WINDOW: usize = 512;

/// An opening quote or bracket is left unclosed in the block's last sentence, so the sentence
/// (or the quotation) may go on in the next block: `“我们要把每一件` | `实事办好。”`.
///
/// An opener left unclosed in an earlier sentence is a typo or a quotation that ended
/// unmarked; letting it carry would swallow the rest of the file. Only the last few hundred
/// bytes are looked at, so checking a long block costs no more than a short one.
pub fn has_open_pair_at_end(s: &str) -> bool {
    let window = &s[floor_boundary(s, s.len().saturating_sub(OPEN_PAIR_WINDOW))..];
    let body = window.trim_end_matches(|c: char| {
        CLOSERS.contains(&c) || TERMINALS.contains(&c) || c.is_whitespace()
    });
    // Back from the end to the previous sentence's end: usually a few dozen characters.
    let mut from = 0;
    let mut next: Option<char> = None;
    let mut opener = false;
    for (i, c) in body.char_indices().rev() {
        let ends = match c {
            '。' | '！' | '？' | '｡' => true,
            '.' | '!' | '?' => next.is_some_and(char::is_whitespace),
            _ => false,
        };
        if ends {
            from = i + c.len_utf8();
            break;
        }
        opener |= c == '"' || matches!(pair_of(c), Some((_, true)));
        next = Some(c);
    }
    opener && unclosed(&window[from..], true)
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
    if ends_sentence(s) || ends_mid_sentence(s) {
        return false;
    }
    // Most blocks are paragraphs, far too wide: the cheap test first.
    if wider_than(s, HEADING_MAX_COLUMNS.max(LATIN_HEADING_MAX_COLUMNS)) {
        return false;
    }
    if has_unclosed_pair(s) || has_inner_sentence_end(s) {
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
    display_width(s) <= max
}

/// Longest the tail of a sentence cut by a break can be and still count as only a tail.
const SENTENCE_TAIL_COLUMNS: usize = 48;

/// The number a numbered line opens with, and the text after it: `1. Bins go out`, `2) Glass`,
/// `3、报名`, `(4) 费用`, `（5）费用`. A decimal (`2.9万件`) or a date (`2023.5.6`) opens none.
pub fn list_number(s: &str) -> Option<(u32, &str)> {
    // Every block is asked: it opens with a digit or a bracket (`（` starts with 0xEF).
    if !matches!(s.as_bytes().first(), Some(b'0'..=b'9' | b'(' | 0xEF)) {
        return None;
    }
    let (s, closer) = match s.strip_prefix(['(', '（']) {
        Some(rest) => (rest, Some(if s.starts_with('(') { ')' } else { '）' })),
        None => (s, None),
    };
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let number: u32 = s[..digits].parse().ok()?;
    let rest = &s[digits..];
    let after = match closer {
        Some(c) => rest.strip_prefix(c)?,
        None => {
            let mark = rest.chars().next()?;
            if !matches!(mark, '.' | ')' | '、' | '．') {
                return None;
            }
            &rest[mark.len_utf8()..]
        }
    };
    let next = after.chars().next()?;
    let spaced = next.is_whitespace();
    let text = after.trim_start();
    let first = text.chars().next()?;
    // `1.Bins` and `2.9` are no items; `3、报名` and `1.提案` are.
    if !spaced && !is_wide(first) {
        return None;
    }
    (number > 0).then_some((number, text))
}

/// Adverbs and conjunctions that open no Chinese paragraph: they go on from a subject before
/// them (`已经`, `仍然`, `而且`). Those that open words too (`也门`, `就业`, `都市`) or often open
/// a paragraph's noun phrase (`正在建设中的…`) are not among them.
const NON_INITIAL_WORDS: &[&str] = &["已经", "仍然", "依然", "并且", "而且"];

/// The block opens with an adverb or a marker that goes on from a subject before it.
pub fn opens_with_adverb(s: &str) -> bool {
    NON_INITIAL_WORDS.iter().any(|w| {
        s.strip_prefix(w)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| is_han(c) || c.is_ascii_digit())
    })
}

/// The shape of a block that could be a subheading: how many characters, and its marks in
/// order (`坚实法治保障——`: 8, `——`; `稳就业,惠民生`: 7, `,`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingShape {
    chars: usize,
    marks: String,
    /// Its first two characters: a series opens alike (`让职工…`, `让家长…`; `一是…`, `二是…`).
    opening: [char; 2],
}

impl HeadingShape {
    /// Set alike: the same marks, about as long, and with marks in it or opening as a series
    /// does (headlines of different stories are set alike too, but say different things).
    pub fn like(&self, other: &HeadingShape) -> bool {
        self.marks == other.marks
            && self.chars.abs_diff(other.chars) <= 2
            && (!self.marks.is_empty()
                || self.opening[0] == other.opening[0]
                || self.opening[1] == other.opening[1])
    }
}

/// A Chinese line with the spaces that justification or a column's gap put between its
/// characters taken out: every space between two CJK characters (or marks) of a line spread
/// letter by letter (`本 周 一 , 位 于`), and runs of two spaces or more between them in any
/// line (`会员卡  即可`). A single space a writer put between two phrases (`巾帼同心 芳华绽放`)
/// stays. `None` when there is nothing to take out.
pub fn close_cjk_spacing(line: &str) -> Option<String> {
    memchr::memchr(b' ', line.as_bytes())?;
    let cjkish = |c: char| is_wide(c) || c.is_ascii_punctuation();
    // The runs of spaces between two CJK characters: (start byte, end byte), and how many
    // CJK characters stand side by side unspaced.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let (mut close, mut prev, mut run_start): (usize, Option<char>, Option<usize>) =
        (0, None, None);
    for (i, c) in line.char_indices() {
        if c == ' ' {
            run_start.get_or_insert(i);
            continue;
        }
        match (prev, run_start.take()) {
            (Some(p), Some(from)) if cjkish(p) && cjkish(c) && (is_wide(p) || is_wide(c)) => {
                runs.push((from, i));
            }
            (Some(p), None) if is_wide(p) && is_wide(c) => close += 1,
            _ => {}
        }
        prev = Some(c);
    }
    let spread = runs.len() >= 3 && runs.len() >= close;
    let wide_runs: Vec<(usize, usize)> = runs
        .into_iter()
        .filter(|&(a, b)| spread || b - a >= 2)
        .collect();
    if wide_runs.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (a, b) in wide_runs {
        out.push_str(&line[at..a]);
        at = b;
    }
    out.push_str(&line[at..]);
    Some(out)
}

/// A punctuation mark, ASCII, general or CJK (a cheap test: no Unicode tables).
fn is_mark(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0x2010..=0x2027 | 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20
            | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// A heading-like block's shape (see [`HeadingShape`]); none for any other block.
pub fn heading_shape(s: &str) -> Option<HeadingShape> {
    if s.len() > 120 || !is_heading_like(s) {
        return None;
    }
    shape_of(s)
}

/// The shape a short block has (a heading's, were it one), cheaply: no more than 120 bytes.
pub fn shape_of(s: &str) -> Option<HeadingShape> {
    if s.len() > 120 || ends_sentence(s) {
        return None;
    }
    let mut chars = s.chars();
    let opening = [chars.next().unwrap_or(' '), chars.next().unwrap_or(' ')];
    Some(HeadingShape {
        opening,
        chars: s.chars().count(),
        marks: s.chars().filter(|&c| is_mark(c)).collect(),
    })
}

/// An English line in title case (`River Park Reopens After Repairs`): two words or more, the
/// first, the last and most of the others that are not short capitalised.
pub fn is_title_case(s: &str) -> bool {
    if !is_latin_text(s) {
        return false;
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    let [first, .., last] = words[..] else {
        return false;
    };
    let (mut long, mut capitals) = (0usize, 0usize);
    for w in words[1..].iter().filter(|w| w.chars().count() > 3) {
        long += 1;
        capitals += usize::from(capital(w));
    }
    capital(first) && capital(last) && long > 0 && capitals * 3 >= long * 2
}

/// Last words of an English paper's name (`Riverside Union News`, `The Weekly Bulletin`).
const MASTHEAD_WORDS: &[&str] = &[
    "News",
    "Newsletter",
    "Times",
    "Herald",
    "Journal",
    "Gazette",
    "Weekly",
    "Bulletin",
    "Tribune",
    "Chronicle",
    "Courier",
    "Digest",
    "Observer",
    "Monthly",
    "Quarterly",
    "Dispatch",
];

/// An English paper's name, as its masthead sets it: a few words in title case ending with a
/// word papers are named by.
pub fn is_paper_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && is_title_case(s)
        && words.last().is_some_and(|w| MASTHEAD_WORDS.contains(w))
}

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
        && display_width(s) <= SENTENCE_TAIL_COLUMNS
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

/// Widest a question or exclamation headline can be, in columns.
const QUESTION_HEADLINE_COLUMNS: usize = 40;

/// A headline that ends in `？` or `！` (`你的社保卡升级了吗？`, `Is Your Street Next?`): one
/// short question or exclamation, not a quotation, with at most one comma. Whether it heads an
/// article depends on its neighbours (a paragraph on either side), which the parser checks.
pub fn is_question_headline(s: &str) -> bool {
    let body = s.trim_end_matches(['？', '！', '?', '!']);
    if body.len() == s.len() || body.is_empty() || starts_with_open_quote(s) {
        return false;
    }
    let clauses = body.matches([',', '，', ';', '；', ':', '：']).count();
    let latin = is_latin_text(body);
    // English headlines capitalise their words; a question in running text does not.
    let capitals = body
        .split_whitespace()
        .skip(1)
        .filter(|w| w.len() > 3)
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    clauses <= 1
        && !body.contains(['？', '！', '?', '!'])
        && !has_inner_sentence_end(body)
        && !has_unclosed_pair(body)
        && (!latin || capitals)
        && display_width(body)
            <= if latin {
                2 * QUESTION_HEADLINE_COLUMNS
            } else {
                QUESTION_HEADLINE_COLUMNS
            }
}

/// A short line of two parallel phrases of equal length (`稳就业，惠民生`), the way Chinese
/// subheadings are written; the clauses of a sentence are rarely so even and so short.
pub fn is_parallel_pair(s: &str) -> bool {
    let parts: Vec<usize> = s
        .split([',', '，'])
        .map(|p| p.trim().chars().count())
        .collect();
    matches!(parts.as_slice(), &[a, b] if (2..=6).contains(&a) && a.abs_diff(b) <= 1)
}

/// A heading-shaped block that reads as the end of a paragraph which lost its full stop:
/// clauses of a Chinese sentence (`正文第一段，数据显示增长了5%`), a number at its end, or an
/// English sentence (six words or more, mostly in lower case).
pub fn reads_as_prose(s: &str) -> bool {
    if s.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | '％' | '‰')) {
        return true;
    }
    if is_latin_text(s) {
        let words: Vec<&str> = s.split_whitespace().collect();
        let lower = words
            .iter()
            .skip(1)
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .count();
        return words.len() >= 6 && lower * 3 >= (words.len() - 1) * 2;
    }
    is_clause(s) && !is_parallel_pair(s)
}

/// A bare personal name as an English credit line: two or three capitalised words
/// (`Jane Doe`, `Mary K. Lee`).
pub fn is_personal_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

/// A line that only separates (`----------`, `————`, `* * *`): a rule drawn in text, no
/// content of its own.
pub fn is_separator_line(line: &str) -> bool {
    let mut n = 0;
    for c in line.chars() {
        if matches!(
            c,
            '-' | '—'
                | '–'
                | '―'
                | '_'
                | '='
                | '*'
                | '~'
                | '·'
                | '•'
                | '#'
                | '＊'
                | '－'
                | '━'
                | '─'
                | '═'
                | '～'
        ) {
            n += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    n >= 3
}

/// A paragraph opening with a local news dateline: `本报讯`, `本报北京3月5日讯`.
pub fn opens_dateline(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("本报") else {
        return false;
    };
    let head: String = rest.chars().take(16).collect();
    head.find('讯')
        .is_some_and(|i| !head[..i].contains(['，', '。', ',']))
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
            // The issue number ends the line or a part of it: `第三期职工技能培训班` is a
            // headline about a third course.
            let ends_part = chars
                .get(j + 1)
                .is_none_or(|&c| c.is_whitespace() || !is_han(c));
            if j > i + 1 && j < chars.len() && "期号版卷".contains(chars[j]) && ends_part {
                return true;
            }
        }
        // 2023年3月10日, a full date set off from the words around it (`我市2023年3月旅游
        // 收入` is a headline about a month).
        if c == '年' && i >= 4 && chars[i - 4..i].iter().all(char::is_ascii_digit) {
            let before_ok = i == 4 || !is_han(chars[i - 5]);
            let rest: String = chars[i + 1..].iter().collect();
            let day = rest.find(['日', '号']).map(|d| &rest[..d]);
            if before_ok
                && day.is_some_and(|d| {
                    d.contains('月') && d.chars().all(|c| c.is_ascii_digit() || c == '月')
                })
            {
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
    let marker = |w: &str| {
        matches!(
            w,
            "issue" | "no." | "vol." | "volume" | "edition" | "number"
        )
    };
    for (k, pair) in words.windows(2).enumerate() {
        let number = pair[1].trim_start_matches('#');
        // The number ends the line or is followed by another marker (`Vol. 3 No. 7`):
        // `Issue 5 Of The Budget Resolved` is a headline.
        let last = words
            .get(k + 2)
            .is_none_or(|w| marker(w) || !w.starts_with(char::is_alphabetic));
        if marker(pair[0]) && number.starts_with(|c: char| c.is_ascii_digit()) && last {
            return true;
        }
    }
    words.windows(3).any(|w| {
        MONTH_NAMES.contains(&w[0])
            && w[1].starts_with(|c: char| c.is_ascii_digit())
            && w[2].len() == 4
            && w[2].bytes().all(|b| b.is_ascii_digit())
    })
}

/// A short line that only gives an issue or a date (`Friday, March 10, 2023`, `第12期`): part
/// of a masthead, never the start of a sentence that goes on.
pub fn is_issue_line(s: &str) -> bool {
    // The byte length first: a long block is no issue line, and must not be measured whole.
    s.len() <= 4 * HEADING_MAX_COLUMNS
        && !wider_than(s, HEADING_MAX_COLUMNS)
        && !ends_sentence(s)
        && has_issue_marker(s)
}

/// A line of page furniture, never part of an article: a running header (the date, `第2版
/// 综合`, `责任编辑:…`), a page number (`-1-`, `第1页`, `Page 3`) or a line of the masthead's
/// information block (see [`is_masthead_info`]). Judged by its shape alone, on a line of its
/// own.
pub fn is_page_furniture(line: &str) -> bool {
    let line = line.trim();
    // Every line is asked: what cannot be furniture is told at its first character.
    let Some(first) = line.chars().next() else {
        return false;
    };
    const OPENERS: &str = "-—–－第Pp责美校编版组审签农主承协出印发内0123456789";
    if line.len() > 160 || !(OPENERS.contains(first) || line.contains('号')) {
        return false;
    }
    is_page_number(line)
        || is_date_line(line)
        || is_page_header(line)
        || is_editor_line(line)
        || is_masthead_info(line)
}

/// `-1-`, `— 2 —`, `第3页`, `第3页 共8页`, `Page 4`, `Page 4 of 8`.
fn is_page_number(line: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let dashes: &[char] = &['-', '—', '–', '－'];
    if let Some(inner) = line
        .strip_prefix(dashes)
        .and_then(|l| l.strip_suffix(dashes))
    {
        return digits(inner.trim());
    }
    if let Some(inner) = line.strip_prefix('第') {
        let (page, rest) = inner.split_once('页').unwrap_or((inner, "!"));
        let total = rest.trim();
        return digits(page.trim())
            && (total.is_empty()
                || total
                    .strip_prefix('共')
                    .and_then(|t| t.strip_suffix('页'))
                    .is_some_and(|t| digits(t.trim())));
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        [page, n] => page.eq_ignore_ascii_case("page") && digits(n),
        [page, n, of, m] => {
            page.eq_ignore_ascii_case("page")
                && digits(n)
                && of.eq_ignore_ascii_case("of")
                && digits(m)
        }
        _ => false,
    }
}

/// A line that is only a date (`2023年3月15日`), with its weekday (`星期三`, `周三`).
pub fn is_date_line(line: &str) -> bool {
    chinese_date(line).is_some()
}

/// The year, month and day of a line that [`is_date_line`].
fn chinese_date(line: &str) -> Option<(u16, u8, u8)> {
    let (ymd, rest) = line.split_once('日')?;
    let (year, md) = ymd.split_once('年')?;
    let (month, day) = md.split_once('月')?;
    let number = |s: &str, max: usize| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let weekday = |s: &str| {
        s.strip_prefix("星期")
            .or_else(|| s.strip_prefix('周'))
            .is_some_and(|d| d.chars().count() == 1 && "一二三四五六日天".contains(d))
    };
    let rest = rest.trim();
    if !(rest.is_empty() || weekday(rest)) {
        return None;
    }
    Some((
        number(year, 4)?,
        number(month, 2)? as u8,
        number(day, 2)? as u8,
    ))
}

/// A line that is only a date, Chinese or English, as ISO 8601 (`2026-11-30`): the issue's date
/// in one form, whatever the paper printed. `None` for no date, or none of the calendar
/// (`February 30`).
pub fn iso_date(line: &str) -> Option<String> {
    let line = line.trim();
    let (y, m, d) = chinese_date(line).or_else(|| english_date(line))?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let valid = (1..=12).contains(&m) && d >= 1 && d <= days[usize::from(m - 1)];
    valid.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The months' names in English, lowercase.
const MONTH_NAMES: [&str; 12] = [
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

/// A line that is only a date in English (`Monday, November 30, 2026`, `30 Nov. 2026`), with its
/// weekday or without.
pub fn is_english_date_line(line: &str) -> bool {
    english_date(line).is_some()
}

/// The year, month and day of a line that [`is_english_date_line`].
fn english_date(line: &str) -> Option<(u16, u8, u8)> {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let words: Vec<String> = line
        .split([' ', ','])
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(w) if WEEKDAYS.contains(&w.as_str()) => &words[1..],
        _ => &words[..],
    };
    let day = |w: &str| {
        (w.len() <= 2)
            .then(|| w.parse::<u8>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u16>().ok())
            .flatten()
    };
    let month = |w: &str| {
        let w = if w == "sept" { "sep" } else { w };
        MONTH_NAMES
            .iter()
            .position(|&m| m == w || (w.len() == 3 && m.starts_with(w)))
            .map(|i| i as u8 + 1)
    };
    let [a, b, y] = words else {
        return None;
    };
    let y = year(y)?;
    match (month(a), day(b)) {
        (Some(m), Some(d)) => Some((y, m, d)),
        _ => Some((y, month(b)?, day(a)?)),
    }
}

/// A running header naming the page: `第2版`, `第2版 综合`, `第A3版：要闻`.
fn is_page_header(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('第') else {
        return false;
    };
    let Some((number, name)) = inner.split_once('版') else {
        return false;
    };
    let number = number.trim();
    let name = name.trim_start_matches([' ', ':', '：', '·']).trim();
    !number.is_empty()
        && number.chars().count() <= 4
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c))
        && name.chars().count() <= 12
        && !name.contains(|c: char| TERMINALS.contains(&c) || CONTINUERS.contains(&c))
}

/// The credits of the page's editors: `责任编辑:顾晓 美编:沈一凡`.
fn is_editor_line(line: &str) -> bool {
    const ROLES: &[&str] = &[
        "责任编辑",
        "责编",
        "美编",
        "美术编辑",
        "校对",
        "编辑",
        "版式",
        "组版",
        "审核",
        "签发",
    ];
    line.chars().count() <= 40
        && ROLES.iter().any(|role| {
            line.strip_prefix(role)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
        })
}

/// A line of a masthead's information block: the lunar date (`农历癸卯年二月廿四`), the issue
/// and page count (`第318期 今日4版`), the publisher (`主办:…`) or the licence (`准印证号`,
/// `国内统一刊号`, `邮发代号`, `内部资料`).
pub fn is_masthead_info(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 60 {
        return false;
    }
    const ROLES: &[&str] = &[
        "主办", "主管", "承办", "协办", "出版", "编印", "印刷", "发行",
    ];
    // Named with their number: a line of an article may mention one in passing.
    const LICENCES: &[&str] = &["准印证号", "国内统一刊号", "国际标准刊号", "邮发代号"];
    let issue = || {
        line.strip_prefix('第').is_some_and(|rest| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && rest[digits..].trim_start().starts_with('期') && is_issue_line(line)
        })
    };
    (line.starts_with("农历") && line.chars().count() <= 20)
        || ROLES.iter().any(|role| {
            line.strip_prefix(role)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
        })
        || line.starts_with("内部资料")
        || (line.contains('号')
            && LICENCES.iter().any(|l| {
                line.split_once(l)
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with([':', '：']))
            }))
        || issue()
}

/// A line that only gives how to reach the paper's publisher, as a masthead or a page's foot
/// prints it: a telephone number (`Phone (989) 555-0162`, `Tel: +44 20 7946 0958`), a street
/// address (`6220 Harbour Avenue, Midland`, `P.O. Box 12`), a web address (`www.example.org`)
/// or a mail address. Judged alone, on a line of its own; an article may print any of them, so
/// the parser drops one only where a masthead stands.
pub fn is_contact_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > 160 {
        return false;
    }
    // `12 High St.`: the point of an abbreviation, every word capitalised.
    if is_street_address(line) {
        return true;
    }
    if line.ends_with(['.', '!', '?']) {
        return false;
    }
    if is_phone_line(line) || is_address_token(line) {
        return true;
    }
    // Several on one line, as a PDF's row gives them: `Phone (989) 555-0162 6220 Harbour
    // Avenue, Midland www.example.org`. Web addresses and numbers are found by their tokens,
    // and what lies between them must be a street address.
    let tokens: Vec<&str> = line.split_whitespace().collect();
    // What lay between two found parts: empty, or a street address (one part more).
    let mut parts = 0;
    let mut words: Vec<&str> = Vec::new();
    let between = |words: &mut Vec<&str>, parts: &mut usize| {
        let ok = words.is_empty() || is_street_address(&words.join(" "));
        *parts += usize::from(!words.is_empty() && ok);
        words.clear();
        ok
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        // A telephone number: a label or none, then number tokens of 7 to 15 digits in all
        // (a street's number alone has fewer, and starts an address).
        let run = i + usize::from(is_phone_label(t));
        let mut end = run;
        let mut digits = 0;
        while end < tokens.len() && is_number_token(tokens[end]) {
            // A whole number before a capitalised word starts an address after the number.
            let street = tokens[end].bytes().all(|b| b.is_ascii_digit())
                && tokens
                    .get(end + 1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
            if digits >= 7 && street {
                break;
            }
            digits += tokens[end].bytes().filter(u8::is_ascii_digit).count();
            end += 1;
        }
        let found = if is_address_token(t) {
            Some(i + 1)
        } else if end > run && (7..=15).contains(&digits) {
            Some(end)
        } else {
            None
        };
        match found {
            Some(next) => {
                if !between(&mut words, &mut parts) {
                    return false;
                }
                parts += 1;
                i = next;
            }
            None => {
                if !matches!(t, "·" | "|" | "•") {
                    words.push(t);
                }
                i += 1;
            }
        }
    }
    between(&mut words, &mut parts) && parts >= 2
}

/// A line that ends with a telephone number or a web or mail address (`The paper of the
/// Riverside workers Tel. (020) 555-0188`, a masthead's lines run together by a PDF's reader).
pub fn ends_with_contact(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let Some(last) = tokens.last() else {
        return false;
    };
    if is_address_token(last) {
        return true;
    }
    let numbers = tokens
        .iter()
        .rev()
        .take_while(|t| is_number_token(t))
        .map(|t| t.bytes().filter(u8::is_ascii_digit).count())
        .sum::<usize>();
    (7..=15).contains(&numbers)
}

/// A token of a telephone number: digits, with its brackets, dashes, points, `+` and `/`.
fn is_number_token(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"()-.+/".contains(&b))
}

/// `Phone`, `Tel.`, `Fax:`: what names a telephone number.
fn is_phone_label(word: &str) -> bool {
    const LABELS: &[&str] = &[
        "phone",
        "tel",
        "telephone",
        "fax",
        "call",
        "ph",
        "office",
        "mobile",
        "cell",
    ];
    let word = word.trim_end_matches(['.', ':']).to_ascii_lowercase();
    LABELS.contains(&word.as_str())
}

/// `Phone (989) 555-0162`: a label or none, then a number of 7 to 15 digits.
fn is_phone_line(line: &str) -> bool {
    let mut rest = line;
    let mut labelled = false;
    if let Some((label, after)) = line.split_once([' ', ':'])
        && is_phone_label(label)
    {
        rest = after.trim_start_matches([':', ' ']);
        labelled = true;
    }
    let digits = rest.bytes().filter(u8::is_ascii_digit).count();
    // Without a label, a number written as one (`(989) 555-0162`, `+44 20 7946 0958`, ten
    // digits): `2018-2019` is years.
    let written = labelled || rest.starts_with(['(', '+']) || digits >= 10;
    written
        && (7..=15).contains(&digits)
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b"()-. +/".contains(&b))
}

/// `6220 Harbour Avenue, Midland`, `12 High St.`, `P.O. Box 12`.
fn is_street_address(line: &str) -> bool {
    const STREETS: &[&str] = &[
        "avenue",
        "ave",
        "street",
        "st",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "drive",
        "dr",
        "lane",
        "ln",
        "way",
        "court",
        "ct",
        "place",
        "pl",
        "parkway",
        "pkwy",
        "highway",
        "hwy",
        "square",
        "sq",
        "terrace",
        "circle",
        "suite",
    ];
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("p.o. box ") || lower.starts_with("po box ") {
        return lower.bytes().any(|b| b.is_ascii_digit());
    }
    let mut words = line.split_whitespace();
    let Some(number) = words.next() else {
        return false;
    };
    let numbered = number.len() <= 6 && number.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = words.collect();
    // The street's name and kind come before the town, each word capitalised.
    let street = words.iter().position(|w| {
        let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
        STREETS.contains(&w.as_str())
    });
    numbered
        && street.is_some_and(|i| i >= 1)
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// One web or mail address, alone.
fn is_address_token(line: &str) -> bool {
    if line.contains(char::is_whitespace) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    let web = ["www.", "http://", "https://"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len() + 3);
    let mail = lower
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.ends_with('.'));
    web || mail
}

/// An English issue line (`October 2016 (Volume 68 No. 10)`, `Issue #48, 2018-2019`): a
/// masthead's, never a headline.
pub fn is_english_issue_line(line: &str) -> bool {
    is_issue_line(line) && is_latin_text(line)
}

/// The marks some newsletters set before each story's headline (`◊ Forum on Racism`, `■ 记者手记`),
/// not the bullets of lists (`•`, `-`, `*`, `·`).
const HEAD_DINGBATS: &str = "◊◆◇❖♦■□▶►★☆✦✧❑";

/// A line led by a headline's mark: the mark and the words after it.
pub fn dingbat_led(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let mark = chars.next().filter(|&c| HEAD_DINGBATS.contains(c))?;
    let rest = chars.as_str().trim_start();
    (!rest.is_empty() && rest.starts_with(|c: char| !HEAD_DINGBATS.contains(c)))
        .then_some((mark, rest))
}

pub use crate::doc::assemble::Jump;

/// A line that only says where an article goes on or comes from: `（下转第4版）`, `（上接第1版）`,
/// `Continued on page 4`, `(Continued from page 1)`.
pub fn jump_line(line: &str) -> Option<Jump> {
    let line = line.trim();
    // Every line is asked: the words a jump line needs are looked for first.
    if line.len() > 60 || !(line.contains(['转', '接']) || line.contains("ontinued")) {
        return None;
    }
    let inner = line
        .strip_prefix(['（', '('])
        .and_then(|l| l.strip_suffix(['）', ')']))
        .unwrap_or(line)
        .trim();
    let page = |rest: &str, unit: char| {
        rest.strip_prefix('第')
            .and_then(|r| r.trim_end().strip_suffix(unit))
            .is_some_and(|n| {
                let n = n.trim();
                !n.is_empty()
                    && n.chars().count() <= 4
                    && n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c))
            })
    };
    for (word, jump) in [
        ("下转", Jump::Out),
        ("转", Jump::Out),
        ("上接", Jump::In),
        ("接", Jump::In),
    ] {
        if let Some(rest) = inner.strip_prefix(word)
            && (page(rest.trim_start(), '版') || page(rest.trim_start(), '页'))
        {
            return Some(jump);
        }
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let number =
        |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_alphanumeric());
    let is = |w: &str, word: &str| w.eq_ignore_ascii_case(word);
    match words.as_slice() {
        [c, on, page, n] if is(c, "continued") && is(page, "page") && number(n) => {
            if is(on, "on") {
                Some(Jump::Out)
            } else if is(on, "from") {
                Some(Jump::In)
            } else {
                None
            }
        }
        _ => None,
    }
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
    section_title(inner)
}

/// What stands inside a section marker, when it can be a section's title: short, one phrase,
/// not a sentence (`【编者按:这是一句话。】` is a note). Returns it trimmed.
pub(crate) fn section_title(inner: &str) -> Option<&str> {
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
    fn pair_of_knows_every_pair() {
        for (i, &(open, close)) in PAIRS.iter().enumerate() {
            assert_eq!(pair_of(open), Some((i, true)), "{open}");
            assert_eq!(pair_of(close), Some((i, false)), "{close}");
        }
        assert_eq!(pair_of('a'), None);
        assert_eq!(pair_of('〖'), None);
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
        assert_eq!(jump_line("（下转第4版）"), Some(Jump::Out));
        assert_eq!(jump_line("（上接第1版）"), Some(Jump::In));
        assert_eq!(jump_line("(Continued on page 4)"), Some(Jump::Out));
        assert_eq!(jump_line("Continued from page A2"), Some(Jump::In));
        assert_eq!(jump_line("接下来的工作"), None);
        assert_eq!(jump_line("（下转）"), None);
        for furniture in [
            "2023年3月15日 星期三",
            "第1版 工会新闻",
            "第2版",
            "责任编辑:顾晓 美编:沈一凡",
            "-1-",
            "— 12 —",
            "第3页 共8页",
            "Page 4 of 8",
            "农历癸卯年二月廿四",
            "第318期 今日4版",
            "主办:姑苏职工服务中心",
            "内部资料 免费交流 准印证号:(苏)JS-E000-2023",
        ] {
            assert!(is_page_furniture(furniture), "{furniture}");
        }
        for text in [
            "2023年3月15日,全市召开大会。",
            "第一版的新闻很多,读者喜欢。",
            "编辑部的故事",
            "第三期职工技能培训班开班",
            "1-2-3",
            "Page after page of notes",
            "这份资料的准印证号码",
            "主办单位很多",
            "农历新年将至,各地职工纷纷踏上返乡的旅程,车站里人头攒动,热闹非凡,这是一年一度的大迁徙",
        ] {
            assert!(!is_page_furniture(text), "{text}");
        }
        // An English date alone is a running head at a page's edge, but under a paper's name
        // it is part of the masthead: the front end that knows where it stands decides.
        for date in [
            "Monday, November 30, 2026",
            "December 4, 2014",
            "Thu. 3 Dec. 2026",
        ] {
            assert!(is_english_date_line(date), "{date}");
        }
        for text in [
            "May 4, 2026 was a Monday.",
            "March on, friends",
            "Monday, March 3",
        ] {
            assert!(!is_english_date_line(text), "{text}");
        }
        assert!(has_issue_marker("苏州工会 2023年3月10日"));
        assert!(has_issue_marker("总第三百期"));
        assert!(has_issue_marker("The Harbour Weekly — Issue 42"));
        assert!(has_issue_marker("Town News, Vol. 3 No. 7"));
        assert!(has_issue_marker("Friday, March 10, 2023"));
        assert!(has_issue_marker("Bulletin 2023-03-10"));
        assert!(!has_issue_marker("一线焊接工人赛场比技能"));
        assert!(!has_issue_marker("Issue of the day"));
        assert!(!has_issue_marker("第三期职工技能培训班开班"));
        assert!(!has_issue_marker("我市2023年3月旅游收入创新高"));
        assert!(!has_issue_marker("Issue 5 Of The Budget Resolved"));
        assert!(is_issue_line("Friday, March 10, 2023"));
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
    fn lead_openers() {
        assert!(opens_lead("近日,太仓市总工会"));
        assert!(!opens_lead("乃馨服务站"));
    }
}

#[cfg(test)]
mod contact_tests {
    use super::*;

    #[test]
    fn contact_lines_are_told_from_lines_with_numbers() {
        for line in [
            "Phone (989) 555-0162",
            "Tel: +44 20 7946 0958",
            "(020) 555-0188",
            "6220 Harbour Avenue, Midland",
            "12 High St.",
            "P.O. Box 12",
            "www.example.org",
            "editor@example.org",
            "Phone (989) 555-0162 6220 Harbour Avenue, Midland www.example.org",
            "Tel. 555-0188 · www.example.org",
        ] {
            assert!(is_contact_line(line), "{line}");
        }
        for line in [
            "12 Angry Men",
            "1999 Was a Good Year",
            "In 2026 Harbour Street opened",
            "Call me tomorrow",
            "Phone 12",
            "6220 Harbour Avenue is where we meet.",
            "www.",
            "Room 12 www.example.org and more words here",
            "2018-2019",
            "555-0162",
            "",
        ] {
            assert!(!is_contact_line(line), "{line}");
        }
        assert!(ends_with_contact(
            "The paper of the workers Tel. (020) 555-0188"
        ));
        assert!(!ends_with_contact("Founded in 1961"));
    }

    #[test]
    fn a_head_is_led_by_one_mark_and_words() {
        assert_eq!(
            dingbat_led("◊ Forum on Housing"),
            Some(('◊', "Forum on Housing"))
        );
        assert_eq!(dingbat_led("■记者手记"), Some(('■', "记者手记")));
        assert_eq!(dingbat_led("• an item"), None);
        assert_eq!(dingbat_led("◊◊◊"), None);
        assert_eq!(dingbat_led("◊ "), None);
    }
}
