//! Text → [`Newsletter`]: a pure function in three passes.
//!
//! 1. `split`: lines → blocks (text between blank lines, soft wraps joined), with explicit
//!    markers (masthead, section markers, Markdown headlines) and glued credits set apart.
//! 2. `repair`: a block cut by a page or column break is joined to the block it continues.
//! 3. `group`: blocks are classified (headline, subtitle, subheading, credit, paragraph) by their
//!    shape and their neighbours, and gathered into articles and sections.
//!
//! Every decision looks at a bounded neighbourhood: the next few blocks and a few KiB of text.
//! So the text can be parsed piece by piece ([`super::stream`]): a piece is parsed, the
//! articles whose every decision lay inside it are final, and the next piece starts again at
//! the first article that was not, with the little state that crosses articles (`Carry`).
//! Parsing the whole text at once is the same thing with one piece.

use std::borrow::Cow;

use memchr::{memchr, memmem};

use super::credit::{credit_with, dateline_agency_with, tail_credit_with, wire_agency_with};
use super::hints::Lexicon;
use super::rules::{self, Credit};
use super::wrapped;
use crate::doc::{
    Article, ArticleKind, Assembler, Batch, Block, BlockKind, Jump, Marker, Newsletter, Placed,
    Text,
};
use crate::text::floor_boundary;

/// Parses decoded, cleaned text (see `source`) into a newsletter. Never fails: any text gives
/// some newsletter, at worst one untitled article. With the user's hints: [`super::parse_with`].
pub fn parse(text: &str) -> Newsletter {
    parse_in(text, Lexicon::none())
}

/// The parser, knowing what `lex` adds to the built-in rules.
pub(crate) fn parse_in(text: &str, lex: &Lexicon) -> Newsletter {
    // `pdftotext -layout`: its columns are read one after the other first.
    if super::columns::is_layout(text) {
        return parse_unfolded(&super::columns::unfold(text), lex);
    }
    parse_unfolded(text, lex)
}

fn parse_unfolded(text: &str, lex: &Lexicon) -> Newsletter {
    let mut carry = Carry {
        at_start: true,
        ..Carry::default()
    };
    let piece = parse_piece(text, 0, true, None, &mut carry, lex);
    let mut doc = Newsletter::default();
    let batch = Batch {
        default_section: default_section(text),
        title: piece.title,
        date: piece.date,
        sections: piece.sections,
        articles: piece.articles,
        last: true,
    };
    Assembler::default().add(&mut doc, batch);
    doc
}

/// The name of a section the text does not name: by the script of its first 8 KiB.
pub(crate) fn default_section(text: &str) -> &'static str {
    if rules::is_latin_text(&text[..floor_boundary(text, text.len().min(8192))]) {
        "News"
    } else {
        "综合"
    }
}

/// What crosses from one piece of text to the next: the state the grouping keeps over articles.
#[derive(Debug, Default)]
pub(crate) struct Carry {
    /// Past the beginning of the text (no masthead any more).
    pub(crate) started: bool,
    /// Explicit sections so far.
    pub(crate) sections: Vec<String>,
    /// Articles so far that ended with a credit under their body.
    pub(crate) bottom_credits: usize,
    /// The block before the next piece is a plain paragraph (for question headlines).
    pub(crate) prev_plain: bool,
    /// The text parsed starts where the newsletter does (not a stream's later piece nor one
    /// resumed in the middle): its first page is known.
    pub(crate) at_start: bool,
}

/// What parsing a piece made final.
#[derive(Debug, Default)]
pub(crate) struct Piece {
    /// The masthead, found in the first piece.
    pub(crate) title: Option<String>,
    /// The issue's date by the masthead, found in the first piece.
    pub(crate) date: Option<String>,
    /// Explicit sections, in order.
    pub(crate) sections: Vec<String>,
    /// Finished articles, in order.
    pub(crate) articles: Vec<Placed>,
    /// Where the next piece starts: the first article not final (the end of the text when
    /// `last`).
    pub(crate) restart: usize,
}

/// Blocks after an article's first one that must lie inside a piece before what comes before
/// that article is final: the grouping looks this far ahead (see [`SERIES_LOOK`]).
const HORIZON: usize = SERIES_LOOK + 4;

/// Bytes of text after [`HORIZON`] blocks that must be inside the piece too: the repair looks
/// this far around a break, the furniture rule at the pages nearby (`pages::REACH`).
const MARGIN: usize = max(NEIGHBOURHOOD, super::pages::REACH) + 1024;

const fn max(a: usize, b: usize) -> usize {
    if a > b { a } else { b }
}

/// Parses `text[from..]` (the text before `from` is only looked at around page breaks), `from`
/// being the start of a line. With `last`, everything is final; otherwise only the articles
/// whose every decision lay inside the text, and `carry` is updated for the next piece. With
/// `prefer`, the piece ends there if an article starts there, and not after it while one may.
pub(crate) fn parse_piece(
    text: &str,
    from: usize,
    last: bool,
    prefer: Option<usize>,
    carry: &mut Carry,
    lex: &Lexicon,
) -> Piece {
    let first = !carry.started;
    let units = split(text, from, first, last, carry.at_start, lex);
    let units = repair(text, units, lex);
    let span = Span {
        from,
        end: text.len(),
        prefer,
    };
    group(units, span, first, last, carry, lex)
}

/// The part of the text a piece parses, and where it would rather end.
#[derive(Clone, Copy)]
struct Span {
    from: usize,
    end: usize,
    prefer: Option<usize>,
}

/// What a block is before classification.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mark {
    /// Plain text.
    Text,
    /// `# Title` on the first line: the document's title.
    Masthead,
    /// `【要闻】`, `## News`: an explicit section.
    Section,
    /// `### Headline`: an explicit headline.
    Headline,
    /// `#### Subheading` (and deeper): a subheading of the article it stands in.
    Subheading,
    /// `（下转第4版）`, `（上接第1版）`: where an article goes on or comes from.
    Jump(Jump),
    /// The date by the paper's name: the issue's.
    Date,
}

/// One block of text between blank lines, with where it lies in the source.
#[derive(Debug)]
struct Unit<'a> {
    mark: Mark,
    text: Cow<'a, str>,
    /// A credit glued to the end in bold (`…。**太仓市总**`), or a block that is only that.
    credit: Option<Cow<'a, str>>,
    /// Where the block starts in the source text.
    start: usize,
    /// Where the block ends in the source text (for looking at its neighbourhood).
    end: usize,
}

// ---------------------------------------------------------------------------------------------
// Pass 1: blocks

fn split<'a>(
    text: &'a str,
    from: usize,
    first: bool,
    last: bool,
    at_start: bool,
    lex: &Lexicon,
) -> Vec<Unit<'a>> {
    let mut units = Vec::with_capacity((text.len() - from) / 256 + 1);
    let mut block: Option<Unit<'_>> = None;
    // Paragraphs and glued headlines in lines wrapped without blank lines between them.
    let cuts = wrapped::cuts(text, from, lex);
    let mut cuts = cuts.iter().peekable();
    // Lines repeated at the edges of pages nearby: furniture.
    let repeated = super::pages::repeated(text, from, last);
    let masthead = if first {
        masthead_name(text, from, &repeated)
    } else {
        None
    };
    let name = masthead.map(|m| m.name);
    // An English masthead's information block, under its name, is not shown.
    let info_end = masthead.map_or(0, |m| m.info_end);
    let over_name = masthead.filter(|m| m.over).map_or(0, |m| m.name);
    let mut repeated = repeated.iter().peekable();
    let mut pos = from;
    // At the top of a page (the text's first, or after the page furniture that ends a page, or
    // a page break), before any line of it.
    let mut page_top = from == 0;
    let mut blank = 0;
    // On the paper's first page, before its first break (where its masthead stands).
    let mut first_page = at_start
        && from < MASTHEAD_REACH
        && memchr::memmem::find(&text.as_bytes()[..from], b"\n\n\n").is_none();
    while pos < text.len() {
        let end = memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let raw = &text[pos..end];
        let line = raw.trim();
        let start = pos;
        pos = end + 1;
        if cuts.next_if(|&&c| c <= start).is_some() {
            flush(&mut block, &mut units, lex);
        }
        // A rule drawn in text (`--------`, `————`) separates like a blank line; so does page
        // furniture (running headers, page numbers, the masthead's information, an English
        // date alone at a page's top), not shown.
        if line.is_empty() {
            flush(&mut block, &mut units, lex);
            // Two blank lines are a page break (see `pages`).
            blank += 1;
            page_top |= blank == 2;
            first_page &= blank < 2;
            continue;
        }
        let after_blank = std::mem::take(&mut blank) > 0 || start == from;
        let top = std::mem::replace(&mut page_top, false);
        // The date by the paper's name, before anything else: the issue's.
        let opening = first && block.is_none() && units.iter().all(|u| u.mark == Mark::Masthead);
        if opening && (rules::is_english_date_line(line) || rules::is_date_line(line)) {
            units.push(Unit {
                mark: Mark::Date,
                text: Cow::Borrowed(line),
                credit: None,
                start,
                end,
            });
            page_top = top;
            continue;
        }
        while repeated.next_if(|&&r| r < start).is_some() {}
        let again = repeated.next_if(|&&r| r == start).is_some();
        // A telephone number, a street address or an issue line set apart on the first page
        // is the masthead's, wherever the extraction put it.
        let apart = || {
            let next = text.get(end + 1..).unwrap_or("");
            let next_blank = next.split('\n').next().is_none_or(|l| l.trim().is_empty());
            first_page
                && start < MASTHEAD_REACH
                && after_blank
                && next_blank
                && (rules::is_english_issue_line(line)
                    || (rules::is_contact_line(line) && !line.contains(['@', '/'])))
        };
        if rules::is_separator_line(line)
            || rules::is_page_furniture(line)
            || (top && rules::is_english_date_line(line))
            || (again && name != Some(start))
            || (name.is_some_and(|n| start > n) && start < info_end)
            || start < over_name
            || apart()
        {
            // What follows a page's number (or a running head) is the next page's top.
            page_top = !rules::is_separator_line(line);
            flush(&mut block, &mut units, lex);
            continue;
        }
        // A line of its own that marks something: a jump, the paper's name, a section, a
        // headline.
        let mark = if let Some(jump) = rules::jump_line(line) {
            Some((Mark::Jump(jump), line))
        } else if name == Some(start) {
            let title = rules::markdown_heading(line).map_or(line, |(_, t)| t);
            Some((Mark::Masthead, title))
        } else {
            let opening = units.iter().all(|u| u.mark == Mark::Date);
            // A section's marker (the user's `■ {}` too) wins over a headline's mark.
            match marker(line, first && opening && block.is_none(), lex) {
                marked @ Some((Mark::Section | Mark::Masthead, _)) => marked,
                other => dingbat_head(text, start, end)
                    .map(|title| (Mark::Headline, title))
                    .or(other),
            }
        };
        if let Some((mark, title)) = mark {
            flush(&mut block, &mut units, lex);
            units.push(Unit {
                mark,
                text: Cow::Borrowed(title),
                credit: None,
                start,
                end,
            });
            continue;
        }
        // An ideographic indent opens a new paragraph even without a blank line before it; a
        // dash subtitle or a credit line right under a headline line starts a block of its own.
        if raw.starts_with('\u{3000}')
            || block
                .as_ref()
                .is_some_and(|b| starts_own_line(&b.text, line, lex))
        {
            flush(&mut block, &mut units, lex);
        }
        // Spaces that justification or a gap put between Chinese characters are not text.
        let line: Cow<'_, str> = match rules::close_cjk_spacing(line) {
            Some(closed) => Cow::Owned(closed),
            None => Cow::Borrowed(line),
        };
        match &mut block {
            None => {
                block = Some(Unit {
                    mark: Mark::Text,
                    text: line,
                    credit: None,
                    start,
                    end,
                })
            }
            Some(b) => {
                join(b.text.to_mut(), &line);
                b.end = end;
            }
        }
    }
    flush(&mut block, &mut units, lex);
    units
}

/// How many lines from the start of a newspaper page its masthead is looked for in.
const MASTHEAD_LINES: usize = 40;

/// The headline of the line at `start..end` when a mark leads it (`◊ Forum on Racism`, or
/// `#### ◊ …` from a PDF) as it leads other lines nearby: the paper marks its stories' heads so.
/// Marked lines one under another are a list's items, and a marked line going on into a
/// line that starts in lower case is a paragraph's first.
fn dingbat_head(text: &str, start: usize, end: usize) -> Option<&str> {
    fn bare(l: &str) -> &str {
        let l = l.trim();
        match rules::markdown_heading(l) {
            Some((level, t)) if level >= 3 => t,
            _ => l,
        }
    }
    let (mark, title) = rules::dingbat_led(bare(&text[start..end]))?;
    if title.len() > 160 {
        return None;
    }
    let led = |l: &str| rules::dingbat_led(bare(l)).is_some_and(|(m, _)| m == mark);
    let lo = floor_boundary(text, start.saturating_sub(NEIGHBOURHOOD));
    let hi = floor_boundary(text, (end + NEIGHBOURHOOD).min(text.len()));
    let mut before = text[lo..start]
        .lines()
        .rev()
        .filter(|l| !l.trim().is_empty());
    let mut after = text[end..hi].lines().filter(|l| !l.trim().is_empty());
    let (prev, next) = (before.next(), after.next());
    let next = next?;
    let list = prev.is_some_and(led) || led(next);
    let goes_on = next.trim_start().starts_with(char::is_lowercase);
    let sibling = before.any(led) || after.any(led);
    (!list && !goes_on && sibling).then_some(title)
}

/// How far into a paper its first page's masthead information is looked for.
const MASTHEAD_REACH: usize = 8 * 1024;

/// How many lines under an English paper's name its information block may take.
const INFO_LINES: usize = 7;

/// Where a paper names itself.
#[derive(Debug, Clone, Copy)]
struct Masthead {
    /// The start of the name's line.
    name: usize,
    /// The end of the information block under it, when that is not shown by its shape alone
    /// (an English paper's tagline, publisher, telephone, web address, issue); else 0.
    info_end: usize,
    /// Short lines over the name (a slogan) are the masthead's too.
    over: bool,
}

/// The line naming the paper at the top of a newspaper page (`姑苏工会报`): a heading-shaped
/// line beside a line of the masthead's information block (the lunar date, the issue, the
/// publisher), with nothing but page furniture before it. An English paper's name is over its
/// information block: a few short lines (a tagline, the publisher) down to a telephone number,
/// an address or the issue (`October 2016 (Volume 68 No. 10)`).
fn masthead_name<'a>(text: &'a str, from: usize, repeated: &[usize]) -> Option<Masthead> {
    // The lines that are not blank, with their starts.
    let mut lines = Vec::new();
    let mut pos = from;
    while pos < text.len() && lines.len() < MASTHEAD_LINES {
        let end = memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim();
        // Furniture repeated on every page is not the masthead's.
        if !line.is_empty() && repeated.binary_search(&pos).is_err() {
            lines.push((pos, line));
        }
        pos = end + 1;
    }
    let (i, &(start, line)) = lines.iter().enumerate().find(|(_, (_, l))| {
        !rules::is_page_furniture(l)
            && !rules::is_english_date_line(l)
            && !rules::is_english_issue_line(l)
    })?;
    let named = |info_end| {
        Some(Masthead {
            name: start,
            info_end,
            over: false,
        })
    };
    let info = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_some_and(|(_, l)| rules::is_masthead_info(l))
    };
    // A name marked as the paper's (`# 滨江职工报`, from a PDF) is read as marked, and a line
    // set as a headline (`### `) may name the paper too; `## ` is a section's.
    let marked = rules::markdown_heading(line);
    if marked.is_some_and(|(level, _)| level == 2) {
        return None;
    }
    let bare = |l: &'a str| rules::markdown_heading(l).map_or(l, |(_, t)| t);
    let english = bare(line);
    if rules::is_latin_text(english)
        && rules::is_heading_like(english)
        && !rules::ends_sentence(english)
    {
        // The block: short lines that end no sentence, down to the last that reaches the paper.
        let block = lines[i + 1..]
            .iter()
            .take(INFO_LINES)
            .map(|&(at, l)| (at, l, bare(l)))
            .take_while(|(_, _, l)| l.len() <= 160 && !rules::ends_sentence(l));
        let info_end = block
            .filter(|(_, _, l)| {
                // (A date alone may be an event's: `Saturday, June 14, 2026`.)
                rules::is_contact_line(l)
                    || rules::ends_with_contact(l)
                    || rules::is_english_issue_line(l)
            })
            .last()
            .map(|(at, l, _)| at + l.len());
        if let Some(info_end) = info_end {
            return named(info_end);
        }
    }
    if marked.is_some() {
        return None;
    }
    // An English paper's name is known by its words (`Riverside Union News`).
    // (A headline ending `Review` has its body under it; a paper's name, a headline or a date.)
    let over_heading = lines
        .get(i + 1)
        .is_some_and(|(_, l)| rules::is_heading_like(l) || rules::is_english_date_line(l));
    if rules::is_paper_name(line) && over_heading {
        return named(0);
    }
    // The information block may start with the date (`2026年11月30日 星期一`, then the issue).
    // A short line or two over the name (a slogan, read before it) may come first.
    let beside = |i: usize| {
        let dated = lines
            .get(i + 1)
            .is_some_and(|(_, l)| rules::is_page_furniture(l));
        info(i.checked_sub(1)) || info(Some(i + 1)) || (dated && info(Some(i + 2)))
    };
    let furniture = |l: &str| rules::is_page_furniture(l) || rules::is_english_date_line(l);
    let mut over = (i..lines.len())
        .filter(|&j| !furniture(lines[j].1))
        .take(SLOGAN_LINES + 1);
    over.find_map(|j| {
        let slogans = lines[i..j]
            .iter()
            .all(|(_, s)| furniture(s) || rules::is_heading_like(s));
        let (at, l) = lines[j];
        (slogans && rules::is_heading_like(l) && beside(j)).then_some(Masthead {
            name: at,
            info_end: 0,
            over: j > i,
        })
    })
}

/// Short lines over a paper's name that do not hide it: a slogan, a running head's words.
const SLOGAN_LINES: usize = 2;

/// Whether `line` sets itself apart from the heading-shaped block above it: `——…` under a
/// headline is its subtitle, `By Jane Doe` its byline, not more words of the headline.
fn starts_own_line(block: &str, line: &str, lex: &Lexicon) -> bool {
    rules::is_heading_like(block)
        && rules::is_heading_like(line)
        && ((line.starts_with('—') && rules::is_dash_subtitle(line))
            || credit_with(line, lex) == Credit::Strong)
}

/// An explicit marker line: its kind and its text.
fn marker<'l>(line: &'l str, first: bool, lex: &Lexicon) -> Option<(Mark, &'l str)> {
    if let Some(title) = rules::section_marker(line) {
        return Some((Mark::Section, title));
    }
    // The user's forms come before Markdown headings: a newsletter that marks its sections
    // `### X` means them as sections.
    if let Some(title) = lex.section_marker(line) {
        return Some((Mark::Section, title));
    }
    match rules::markdown_heading(line)? {
        (1, t) if first => Some((Mark::Masthead, t)),
        (1 | 2, t) => Some((Mark::Section, t)),
        (3, t) => Some((Mark::Headline, t)),
        (_, t) => Some((Mark::Subheading, t)),
    }
}

fn flush<'a>(block: &mut Option<Unit<'a>>, units: &mut Vec<Unit<'a>>, lex: &Lexicon) {
    let Some(mut unit) = block.take() else {
        return;
    };
    if let Some((body, credit)) = tail_credit_with(&unit.text, lex) {
        let (body, credit) = (body.len(), credit.to_string());
        truncate(&mut unit.text, body);
        unit.credit = Some(Cow::Owned(credit));
    } else if let Some((body, credit)) = rules::glued_credit(&unit.text) {
        if !body.is_empty() || credit_with(credit, lex) != Credit::None {
            let (body, credit) = (body.len(), credit.to_string());
            truncate(&mut unit.text, body);
            unit.credit = Some(Cow::Owned(credit));
        } else {
            // A bold line that names nobody is a bold heading.
            unit.text = Cow::Owned(credit.to_string());
        }
    }
    units.push(unit);
}

/// Cuts text to its first `len` bytes, keeping the borrow when the text was one line of the
/// source.
fn truncate(text: &mut Cow<'_, str>, len: usize) {
    match text {
        Cow::Borrowed(s) => *s = &s[..len],
        Cow::Owned(s) => s.truncate(len),
    }
}

/// Appends the next line (or block) of a broken sentence: no space between CJK characters, one
/// between Latin words, and a word hyphenated at the line end joined whole.
fn join(buf: &mut String, next: &str) {
    let last = buf.chars().next_back();
    let first = next.chars().next();
    let hyphenated = last == Some('-')
        && buf[..buf.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    if hyphenated && first.is_some_and(|c| c.is_lowercase()) {
        buf.pop();
    } else if hyphenated && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        // `Franco-` | `German`, `COVID-` | `19`: a compound whose hyphen stays, with no space.
    } else if needs_space(buf, next) {
        buf.push(' ');
    }
    buf.push_str(next);
}

/// How many characters either side of a break are looked at for the words it separates: a
/// bounded look keeps joining a long run of punctuation lines linear.
const SPACE_LOOK: usize = 4;

/// Latin words are separated by a space; CJK text runs on.
fn needs_space(before: &str, after: &str) -> bool {
    let left = before
        .chars()
        .rev()
        .take(SPACE_LOOK)
        .find(|c| c.is_alphanumeric());
    let right = after.chars().take(SPACE_LOOK).find(|c| c.is_alphanumeric());
    let wide_edge = before.chars().next_back().is_some_and(rules::is_wide)
        || after.chars().next().is_some_and(rules::is_wide);
    match (left, right) {
        // A Latin word in Chinese text set apart by spaces keeps them at the break too:
        // `情况 and` | `意见`.
        _ if wide_edge => spaced_word_end(before) || spaced_word_start(after),
        (Some(l), Some(r)) => !rules::is_wide(l) && !rules::is_wide(r),
        _ => false,
    }
}

/// Longest a Latin word set apart in Chinese text is looked at, in characters.
const WORD_LOOK: usize = 16;

/// `text` ends with a Latin word (or number) that a space sets apart from the wide character
/// before it.
fn spaced_word_end(text: &str) -> bool {
    spaced_word(text.chars().rev())
}

/// `text` starts with a Latin word (or number) that a space sets apart from the wide character
/// after it.
fn spaced_word_start(text: &str) -> bool {
    spaced_word(text.chars())
}

/// `chars` (a text's, from one end) open with an ASCII word, then a space, then a wide
/// character.
fn spaced_word(mut chars: impl Iterator<Item = char>) -> bool {
    let mut len = 0;
    for c in chars.by_ref() {
        if c == ' ' {
            break;
        }
        if !c.is_ascii_alphanumeric() || len == WORD_LOOK {
            return false;
        }
        len += 1;
    }
    len > 0 && chars.next().is_some_and(rules::is_wide)
}

// ---------------------------------------------------------------------------------------------
// Pass 2: joining blocks cut by page and column breaks

fn repair<'a>(text: &'a str, units: Vec<Unit<'a>>, lex: &Lexicon) -> Vec<Unit<'a>> {
    let mut out: Vec<Unit<'a>> = Vec::with_capacity(units.len());
    let mut rest = std::collections::VecDeque::from(units);
    while let Some(unit) = rest.pop_front() {
        if let Some((prev, before)) = out.split_last_mut() {
            // Asked only where a word seems cut: the neighbours' shapes cost.
            let siblings = || has_siblings(&prev.text, before, &rest);
            if continues(text, prev, &unit, rest.front(), siblings, lex) {
                join(prev.text.to_mut(), &unit.text);
                prev.credit = unit.credit;
                prev.end = unit.end;
                continue;
            }
        }
        out.push(unit);
    }
    out
}

/// Blocks either side of a block looked at for its siblings.
const SIBLINGS: usize = 40;

/// Block `b` has the shape of other blocks near it (`before` it, and in `rest` after the one
/// it may go on in) that stand on their own: subheadings of one article are set alike
/// (`立法推进改革——`, `坚实法治保障——`).
fn has_siblings(b: &str, before: &[Unit<'_>], rest: &std::collections::VecDeque<Unit<'_>>) -> bool {
    let Some(shape) = rules::heading_shape(b) else {
        return false;
    };
    let like = |u: &Unit<'_>| {
        u.mark == Mark::Text && rules::shape_of(&u.text).is_some_and(|s| s.like(&shape))
    };
    before[before.len().saturating_sub(SIBLINGS)..]
        .iter()
        .any(like)
        || rest.iter().take(SIBLINGS).any(like)
}

/// Does block `b` go on in block `n`? A block that does not end its sentence continues, unless
/// the evidence says it is a heading; a heading-shaped fragment continues only when the break
/// visibly cuts a sentence or a word.
fn continues(
    text: &str,
    b: &Unit<'_>,
    n: &Unit<'_>,
    after: Option<&Unit<'_>>,
    siblings: impl Fn() -> bool,
    lex: &Lexicon,
) -> bool {
    if b.mark != Mark::Text || n.mark != Mark::Text || b.credit.is_some() || n.text.is_empty() {
        return false;
    }
    let b_end = b.end;
    let (b, n) = (b.text.as_ref(), n.text.as_ref());
    if b.is_empty() {
        return false;
    }
    if rules::has_open_pair_at_end(b) {
        // Chinese quotations over several paragraphs reopen the quote at each paragraph; and
        // whatever a quote left open, it does not run past a headline with its body, or a
        // credit.
        let headline = rules::is_heading_like(n)
            && after.is_none_or(|a| a.mark != Mark::Text || !rules::is_heading_like(&a.text));
        return !(rules::ends_sentence(b)
            && (rules::starts_with_open_quote(n)
                || headline
                || credit_with(n, lex) == Credit::Strong));
    }
    if b.ends_with([':', '：']) && rules::list_number(n).is_some() {
        // A lead-in and the list it leads into.
        return false;
    }
    if rules::splits_number(b, n) {
        return true;
    }
    if rules::ends_sentence(b) {
        return false;
    }
    if rules::ends_mid_sentence(b) || rules::starts_mid_sentence(n) {
        return true;
    }
    if rules::is_issue_line(b) {
        // A date or issue line belongs to the masthead, however many commas it has.
        return false;
    }
    if !rules::is_heading_like(b) {
        // A long unfinished paragraph goes on, unless what follows is a credit line, or an
        // English headline in title case over a body of its own.
        if !rules::is_heading_like(n) {
            return true;
        }
        let headline = rules::is_title_case(n)
            && after.is_some_and(|a| a.mark == Mark::Text && !rules::is_heading_like(&a.text));
        return !(headline || credit_with(n, lex) != Credit::None);
    }
    if b.ends_with('—') || rules::is_dash_subtitle(b) || rules::is_dash_subtitle(n) {
        return false;
    }
    if credit_with(b, lex) != Credit::None {
        return false;
    }
    // `这次活动的开展,为推动全民健身` | `提供了新的平台。`: a clause, then only the short end of a
    // sentence. A heading is followed by a body, not by half a line.
    // Two even, short phrases (`稳就业，惠民生`) are a subheading, not a clause.
    if rules::is_clause(b) && !rules::is_parallel_pair(b) && rules::is_sentence_tail(n) {
        return true;
    }
    // `职工书屋的藏书` | `已经超过三千册。`: what follows goes on from it, as only a sentence's
    // middle does.
    if rules::opens_with_adverb(n) {
        return true;
    }
    // A word cut by the break joins the two, unless the block is set as its siblings are.
    split_word(text, b, n, b_end) && !siblings()
}

/// The break cuts a word in two: the characters on both sides of it occur together elsewhere
/// nearby (`…女职工康` | `乃馨服务站…`, where `康乃馨` is a word of the article).
fn split_word(text: &str, b: &str, n: &str, b_end: usize) -> bool {
    let tail: Vec<char> = b.chars().rev().take(2).collect();
    let head: Vec<char> = n.chars().take(2).collect();
    if tail.len() < 2 || head.len() < 2 || !rules::is_han(tail[0]) || !rules::is_han(head[0]) {
        return false;
    }
    if rules::opens_lead(n) {
        return false;
    }
    // Where to look: the neighbourhood of the break, within blocks (the break itself is a
    // blank line, so it never matches itself).
    let lo = floor_boundary(text, b_end.saturating_sub(NEIGHBOURHOOD));
    let hi = floor_boundary(text, (b_end + n.len() + NEIGHBOURHOOD).min(text.len()));
    let hay = &text.as_bytes()[lo..hi];
    let count = |s: String| memmem::find_iter(hay, s.as_bytes()).count();
    let (t0, t1, h0, h1) = (tail[0], tail[1], head[0], head[1]);
    count(format!("{t1}{t0}{h0}{h1}")) >= 1
        || count(format!("{t0}{h0}{h1}")) >= 2
        || count(format!("{t1}{t0}{h0}")) >= 2
}

/// Bytes either side of a break searched for the other halves of a split word.
const NEIGHBOURHOOD: usize = 6 * 1024;

// ---------------------------------------------------------------------------------------------
// Pass 3: classification and grouping

/// What a repaired block is, by its own shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Paragraph,
    Heading {
        credit: Credit,
        dash: bool,
    },
    /// A block that is only a bold credit.
    CreditOnly,
    Marker,
}

fn shape(u: &Unit<'_>, lex: &Lexicon) -> Shape {
    if u.mark != Mark::Text {
        return Shape::Marker;
    }
    if u.text.is_empty() {
        return if u.credit.is_some() {
            Shape::CreditOnly
        } else {
            Shape::Marker
        };
    }
    if u.credit.is_none() && rules::is_heading_like(&u.text) {
        Shape::Heading {
            credit: credit_with(&u.text, lex),
            dash: rules::is_dash_subtitle(&u.text),
        }
    } else {
        Shape::Paragraph
    }
}

/// An article being gathered.
#[derive(Default)]
struct Draft {
    title: Option<String>,
    subtitle: Option<String>,
    byline: Option<String>,
    blocks: Vec<Block>,
    /// A credit after the body ended it.
    closed: bool,
    /// It counts in [`Grouper::bottom_credits`].
    bottom: bool,
    /// Index of the explicit section it belongs to.
    section: Option<usize>,
    /// The block it starts at.
    first_unit: usize,
    /// It goes on elsewhere (`（下转第4版）`).
    continued: bool,
    /// It is the rest of an article from elsewhere (`（上接第1版）`).
    continuation: bool,
}

impl Draft {
    fn has_body(&self) -> bool {
        !self.blocks.is_empty()
    }

    fn add(&mut self, kind: BlockKind, text: Cow<'_, str>) {
        let mut text = text.into_owned();
        // Joined lines leave spare capacity; a big newsletter holds a million paragraphs.
        text.shrink_to_fit();
        self.blocks.push(Block::new(kind, text));
    }

    fn credit(&mut self, credit: &str) {
        self.byline = Some(match self.byline.take() {
            Some(top) => format!("{top} {credit}"),
            None => credit.to_string(),
        });
    }
}

struct Grouper {
    drafts: Vec<Draft>,
    /// Explicit sections by their markers (those of earlier pieces first).
    sections: Vec<String>,
    /// For each section of this piece, the block of its marker.
    section_units: Vec<usize>,
    title: Option<String>,
    /// The issue's date by the masthead.
    date: Option<String>,
    /// How many articles so far ended with a credit under their body: in such a newsletter an
    /// unpunctuated line inside an open article is a subheading, not the next headline.
    bottom_credits: usize,
    /// The block being placed.
    at: usize,
}

impl Grouper {
    fn open(&mut self) -> Option<&mut Draft> {
        self.drafts.last_mut().filter(|d| !d.closed)
    }

    fn start(&mut self, title: Option<String>) -> &mut Draft {
        let section = self.sections.len().checked_sub(1);
        self.drafts.push(Draft {
            title,
            section,
            first_unit: self.at,
            ..Draft::default()
        });
        let last = self.drafts.len() - 1;
        &mut self.drafts[last]
    }

    /// The open article, or a new untitled one.
    fn current(&mut self) -> &mut Draft {
        if self.open().is_none() {
            self.start(None);
        }
        let last = self.drafts.len() - 1;
        &mut self.drafts[last]
    }

    fn close_with(&mut self, credit: &str) {
        let d = self.current();
        let bottom = d.has_body();
        d.credit(credit);
        if bottom {
            d.closed = true;
            d.bottom = true;
            self.bottom_credits += 1;
        }
    }
}

/// Groups the blocks of the piece `span` of the text.
fn group(
    units: Vec<Unit<'_>>,
    span: Span,
    first: bool,
    last: bool,
    carry: &mut Carry,
    lex: &Lexicon,
) -> Piece {
    let mut shapes: Vec<Shape> = units.iter().map(|u| shape(u, lex)).collect();
    let plain =
        |shapes: &[Shape], i: usize| shapes[i] == Shape::Paragraph && units[i].credit.is_none();
    // A short question or exclamation right before a paragraph is a headline: `你的社保卡
    // 升级了吗？`, `Is Your Street Next?`.
    for i in 0..shapes.len() {
        if plain(&shapes, i)
            && shapes.get(i + 1) == Some(&Shape::Paragraph)
            && i.checked_sub(1)
                .map_or(carry.prev_plain, |p| plain(&shapes, p))
            && rules::is_question_headline(&units[i].text)
        {
            shapes[i] = Shape::Heading {
                credit: Credit::None,
                dash: false,
            };
        }
    }
    // The words before a jump line (`（下转第4版）`) are cut mid-sentence: a paragraph, never a
    // credit or a headline however they end.
    for i in 1..units.len() {
        if units[i].mark == Mark::Jump(Jump::Out) && units[i - 1].mark == Mark::Text {
            shapes[i - 1] = Shape::Paragraph;
        }
    }
    let series = credit_series(&units, &shapes);
    let bounds: Vec<(usize, usize)> = units.iter().map(|u| (u.start, u.end)).collect();
    let plains: Vec<bool> = (0..units.len()).map(|i| plain(&shapes, i)).collect();
    let mut g = Grouper {
        drafts: Vec::new(),
        sections: std::mem::take(&mut carry.sections),
        section_units: Vec::new(),
        title: None,
        date: None,
        bottom_credits: carry.bottom_credits,
        at: 0,
    };
    let masthead = if first {
        masthead(&units, &shapes)
    } else {
        None
    };
    let mut skip = 0;
    for (i, unit) in units.into_iter().enumerate() {
        g.at = i;
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if i == 0
            && let Some((title, used)) = &masthead
        {
            g.title = Some(title.clone());
            skip = used - 1;
            continue;
        }
        let next = shapes.get(i + 1).copied();
        let after = shapes.get(i + 2).copied();
        match unit.mark {
            Mark::Masthead if g.title.is_none() && g.drafts.is_empty() => {
                g.title = Some(unit.text.into_owned());
            }
            Mark::Date => {
                // In one form (`2026-11-30`), as the library sorts by it.
                g.date.get_or_insert_with(|| {
                    rules::iso_date(&unit.text).unwrap_or_else(|| unit.text.into_owned())
                });
            }
            Mark::Masthead | Mark::Section => {
                // A new section ends the article before it.
                if let Some(d) = g.drafts.last_mut() {
                    d.closed = true;
                }
                g.sections.push(unit.text.into_owned());
                g.section_units.push(i);
            }
            Mark::Headline => {
                g.start(Some(unit.text.into_owned()));
            }
            Mark::Subheading => {
                g.current().add(BlockKind::Subheading, unit.text);
            }
            Mark::Jump(Jump::Out) => {
                // The line under the article's last words, even when a credit closed it.
                if let Some(d) = g.drafts.last_mut() {
                    d.continued = true;
                    d.closed = true;
                }
            }
            Mark::Jump(Jump::In) => {
                g.start(None).continuation = true;
            }
            Mark::Text => {
                let around = Around {
                    next,
                    after,
                    series: series[i],
                };
                place(&mut g, unit, shapes[i], around, lex)
            }
        }
    }
    commit(g, span, &bounds, &plains, last, carry, lex)
}

/// Takes what is final out of a grouped piece, and keeps in `carry` what the next piece needs.
fn commit(
    mut g: Grouper,
    span: Span,
    bounds: &[(usize, usize)],
    plains: &[bool],
    last: bool,
    carry: &mut Carry,
    lex: &Lexicon,
) -> Piece {
    let n = bounds.len();
    // The next piece starts at the last article with all the blocks its predecessors looked at
    // inside this piece; with `last`, after everything.
    let Span { from, end, prefer } = span;
    let restart_draft = if last {
        Some(g.drafts.len())
    } else {
        let is_final = |d: &Draft| {
            let f = d.first_unit;
            f + HORIZON < n && bounds[f + HORIZON - 1].1 + MARGIN <= end
        };
        let start = |d: &Draft| bounds[d.first_unit].0;
        let last_final = g.drafts.iter().rposition(is_final);
        match prefer {
            // Past `p` only when it is settled that no article starts there.
            Some(p)
                if last_final.is_none_or(|i| start(&g.drafts[i]) <= p)
                    || g.drafts.iter().any(|d| start(d) == p) =>
            {
                g.drafts.iter().rposition(|d| start(d) <= p && is_final(d))
            }
            _ => last_final,
        }
    };
    let restart_unit = restart_draft.map_or(0, |r| g.drafts.get(r).map_or(n, |d| d.first_unit));
    let (Some(restart_draft), 1..) = (restart_draft, restart_unit) else {
        // Nothing is final yet: the next piece starts where this one did, with more text.
        let mut sections = g.sections;
        sections.truncate(sections.len() - g.section_units.len());
        carry.sections = sections;
        return Piece {
            restart: from,
            ..Piece::default()
        };
    };
    let restart = bounds.get(restart_unit).map_or(end, |b| b.0);
    let kept = g
        .section_units
        .iter()
        .filter(|&&u| u < restart_unit)
        .count();
    let dropped = g.section_units.len() - kept;
    let new_sections = g.sections.len() - g.section_units.len();
    g.sections.truncate(g.sections.len() - dropped);
    let sections = g.sections[new_sections..].to_vec();
    g.drafts.truncate(restart_draft);
    carry.started = true;
    carry.sections = g.sections;
    carry.bottom_credits += g.drafts.iter().filter(|d| d.bottom).count();
    carry.prev_plain = restart_unit
        .checked_sub(1)
        .is_some_and(|p| plains.get(p).copied().unwrap_or(false));
    // Texts are not pooled (see `doc::text`): a block of extracted text is a paragraph or more,
    // and pooling them costs more in the holes it leaves than it saves.
    side_by_side_headlines(&mut g.drafts);
    let articles = g
        .drafts
        .into_iter()
        .map(|d| {
            let (section, continued, continuation) = (d.section, d.continued, d.continuation);
            let (article, agency) = article(d, lex);
            Placed {
                article,
                agency,
                section,
                continued,
                continuation,
            }
        })
        .collect();
    Piece {
        title: g.title,
        date: g.date,
        sections,
        articles,
        restart,
    }
}

/// What a block's neighbourhood tells the grouping.
#[derive(Debug, Clone, Copy)]
struct Around {
    /// The next block's shape.
    next: Option<Shape>,
    /// The shape of the block after that.
    after: Option<Shape>,
    /// How many plain heading-shaped blocks there are from this one to the next credit, if a
    /// credit comes before the next explicit marker.
    series: Option<usize>,
}

/// How many blocks ahead [`Around::series`] looks for the credit.
const SERIES_LOOK: usize = 16;

/// For each block, [`Around::series`]: one pass from the end.
fn credit_series(units: &[Unit<'_>], shapes: &[Shape]) -> Vec<Option<usize>> {
    let mut out = vec![None; units.len()];
    let mut ahead: Option<usize> = None;
    let mut credit_at = 0;
    for i in (0..units.len()).rev() {
        let credit = match shapes[i] {
            Shape::CreditOnly => true,
            Shape::Heading { credit, .. } => credit != Credit::None,
            Shape::Paragraph => units[i].credit.is_some(),
            Shape::Marker => false,
        };
        ahead = match shapes[i] {
            Shape::Marker if units[i].mark != Mark::Text => None,
            _ if credit => {
                credit_at = i;
                Some(0)
            }
            Shape::Heading { dash: false, .. } => ahead.map(|n| n + 1),
            _ => ahead,
        };
        out[i] = ahead.filter(|_| credit_at - i <= SERIES_LOOK);
    }
    out
}

/// The masthead: a first block naming the newsletter and its issue, possibly over two blocks
/// (`苏州工会报` then `2023年3月10日 第12期`). Returns the title and how many units it took.
fn masthead(units: &[Unit<'_>], shapes: &[Shape]) -> Option<(String, usize)> {
    let first = units.first()?;
    if first.mark != Mark::Text
        || !matches!(
            shapes[0],
            Shape::Heading {
                credit: Credit::None,
                ..
            }
        )
    {
        return None;
    }
    if rules::has_issue_marker(&first.text) {
        return Some((first.text.to_string(), 1));
    }
    let second = units.get(1)?;
    // The issue line may be a date with its commas (`Friday, March 10, 2023`), which is not
    // heading-shaped.
    let second_ok = second.mark == Mark::Text
        && (matches!(shapes[1], Shape::Heading { .. }) || rules::is_issue_line(&second.text))
        && rules::has_issue_marker(&second.text)
        && units.get(2).is_some();
    second_ok.then(|| (format!("{} {}", first.text, second.text), 2))
}

/// Puts one text block where it belongs: weighs its shape against the open article and the
/// shapes of the next two blocks.
fn place(g: &mut Grouper, unit: Unit<'_>, shape: Shape, around: Around, lex: &Lexicon) {
    match shape {
        Shape::Marker => {}
        Shape::CreditOnly => {
            let credit = unit.credit.unwrap_or_default();
            if g.open().is_some() {
                g.close_with(&credit);
            } else if let Some(d) = g.drafts.last_mut().filter(|d| d.byline.is_none()) {
                d.byline = Some(credit.into_owned());
            } else {
                // A credit with no article to sign: keep its text rather than lose it.
                g.start(None).add(BlockKind::Paragraph, credit);
            }
        }
        Shape::Paragraph => {
            // A wire or local dateline (`新华社北京9月15日电`, `本报讯`) opens a story of its
            // own, even without a headline.
            let opens_story = dateline_agency_with(&unit.text, lex).is_some()
                || rules::opens_dateline(&unit.text);
            if opens_story && g.open().is_some_and(|d| d.has_body()) {
                g.start(None);
            }
            g.current().add(BlockKind::Paragraph, unit.text);
            if let Some(credit) = unit.credit {
                g.close_with(&credit);
            }
        }
        Shape::Heading { credit, dash } => heading(g, unit.text.into_owned(), credit, dash, around),
    }
}

/// What a heading-shaped block is: headline, subtitle, subheading, credit, or the last
/// paragraph of an article that lacks its full stop.
fn heading(g: &mut Grouper, text: String, credit: Credit, dash: bool, around: Around) {
    let Around {
        next,
        after,
        series,
    } = around;
    let bottom_credits = g.bottom_credits;
    let Some(open) = g.open() else {
        g.start(Some(text));
        return;
    };
    let has_body = open.has_body();
    let has_byline = open.byline.is_some();
    let has_subheading = open.blocks.iter().any(|b| b.kind == BlockKind::Subheading);
    let is_paragraph = |s: Option<Shape>| s == Some(Shape::Paragraph);
    let featured = open
        .subtitle
        .as_deref()
        .is_some_and(rules::is_dash_subtitle);
    // An English article headlined in title case, with its body begun and no byline yet: a
    // heading in sentence case over more of its body is a subheading (`Power strips`).
    let sentence_case = has_body
        && !has_byline
        && open.title.as_deref().is_some_and(rules::is_title_case)
        && rules::is_latin_text(&text)
        && !rules::is_title_case(&text)
        && is_paragraph(next);
    // Right under a headline, before any body.
    let fresh = open.title.is_some() && !has_body;
    if dash && fresh && open.subtitle.is_none() && !has_byline {
        open.subtitle = Some(text);
        return;
    }
    if credit == Credit::Strong || (credit == Credit::Weak && (has_body || fresh)) {
        g.close_with(&text);
        return;
    }
    if has_body && matches!(next, None | Some(Shape::Marker)) {
        // Nothing follows for a subheading to head, nor for a headline: a credit.
        g.close_with(&text);
        return;
    }
    // `[X] [headline] [body]` after a body, or right under a headline: X is the end of the
    // body when it reads as a sentence that lost its full stop (`…增长了5%`), a credit when it
    // is a bare name (`Jane Doe`).
    let plain_next = matches!(
        next,
        Some(Shape::Heading {
            credit: Credit::None,
            dash: false
        })
    );
    if (has_body || fresh) && plain_next && is_paragraph(after) && !dash {
        if rules::reads_as_prose(&text) {
            open.add(BlockKind::Paragraph, Cow::Owned(text));
            return;
        }
        if has_body && rules::is_personal_name(&text) {
            g.close_with(&text);
            return;
        }
    }
    // A headline announces itself by what follows it: a dash subtitle, or a credit and a body.
    let headline = matches!(next, Some(Shape::Heading { dash: true, .. }))
        || (matches!(
            next,
            Some(Shape::Heading {
                credit: Credit::Strong,
                ..
            })
        ) && is_paragraph(after));
    if headline || (!has_body && !fresh) {
        g.start(Some(text));
    } else if fresh {
        // A second line under a headline is its subtitle when the body follows.
        if is_paragraph(next) && open.subtitle.is_none() && !has_byline {
            open.subtitle = Some(text);
        } else {
            g.start(Some(text));
        }
    } else if dash || rules::has_subheading_shape(&text) || sentence_case {
        open.add(BlockKind::Subheading, Cow::Owned(text));
    } else if bottom_credits > 0 && !has_byline && (has_subheading || series >= Some(2) || featured)
    {
        // Articles here end with a credit, and this one has not ended yet: a run of
        // unpunctuated lines before its credit are its subheadings. (One such line alone is
        // as likely the headline of an article with the credit, unless the article is a
        // feature, with a subtitle under its headline.)
        if plain_next && is_paragraph(after) && !has_subheading {
            // `[body] [X] [headline] [body]`: X is a credit we did not recognise.
            g.close_with(&text);
        } else {
            open.add(BlockKind::Subheading, Cow::Owned(text));
        }
    } else {
        g.start(Some(text));
    }
}

/// Paragraphs that open with the numbers of a list (`1. …`, `2. …`, counting up by one, two
/// items or more) made its items, the numbers their markers.
fn number_lists(blocks: &mut [Block]) {
    let number = |b: &Block| {
        (b.kind == BlockKind::Paragraph)
            .then(|| rules::list_number(&b.text))
            .flatten()
            .map(|(n, _)| n)
    };
    let mut i = 0;
    while i < blocks.len() {
        let Some(first) = number(&blocks[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < blocks.len() && number(&blocks[end]) == Some(first + (end - i) as u32) {
            end += 1;
        }
        if end - i >= 2 {
            for b in &mut blocks[i..end] {
                let Some((n, rest)) = rules::list_number(&b.text) else {
                    continue;
                };
                let rest = rest.to_string();
                b.kind = BlockKind::ListItem;
                b.text = Text::from(rest);
                b.set_marker(Some(Marker::Number(n)));
            }
        }
        i = end;
    }
}

/// Two headlines set side by side come out of the extraction one after the other, then the
/// two bodies: the second, taken for the first one's subtitle, is the headline of the
/// untitled story right after, when it speaks of what that story's first paragraph does (they
/// share more words than it does with the first story's).
fn side_by_side_headlines(drafts: &mut [Draft]) {
    let shared = |headline: &str, draft: &Draft| {
        let paragraph = draft
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .map_or("", |b| b.text.as_str());
        let chars: Vec<char> = headline.chars().collect();
        chars
            .windows(2)
            .filter(|w| rules::is_han(w[0]) && rules::is_han(w[1]))
            .filter(|w| paragraph.contains(&*w.iter().collect::<String>()))
            .count()
    };
    for k in 1..drafts.len() {
        let (before, after) = drafts.split_at_mut(k);
        let (first, next) = (&mut before[k - 1], &mut after[0]);
        let Some(subtitle) = first.subtitle.as_deref() else {
            continue;
        };
        if next.title.is_some() || first.title.is_none() || rules::is_dash_subtitle(subtitle) {
            continue;
        }
        let theirs = shared(subtitle, next);
        if theirs > 0 && theirs > shared(subtitle, first) {
            next.title = first.subtitle.take();
        }
    }
}

/// A finished article and the wire agency it comes from.
fn article(mut d: Draft, lex: &Lexicon) -> (Article, Option<String>) {
    number_lists(&mut d.blocks);
    let first_paragraph = d
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .or(d.blocks.first())
        .map(|b| b.text.as_str());
    let agency = d
        .byline
        .as_deref()
        .and_then(|b| wire_agency_with(b, lex))
        .or_else(|| first_paragraph.and_then(|p| dateline_agency_with(p, lex)));
    let kind = if d.byline.as_deref().is_some_and(rules::is_photo_credit) {
        ArticleKind::Photo
    } else {
        ArticleKind::Story
    };
    let (title, title_inferred) = match d.title {
        Some(t) => (t, false),
        None => (
            first_paragraph.map_or_else(|| "…".to_string(), infer_title),
            true,
        ),
    };
    let article = Article {
        title: title.into(),
        title_inferred,
        subtitle: d.subtitle.map(Text::from),
        byline: d.byline.map(Text::from),
        kind,
        blocks: d.blocks,
        ..Article::default()
    };
    (article, agency)
}

/// Widest an inferred title may be, in columns.
const INFERRED_TITLE_COLUMNS: usize = 48;
/// An inferred title cut at a clause is at least this wide.
const INFERRED_TITLE_MIN_COLUMNS: usize = 16;

/// A title for an article without a headline: the start of its first sentence, cut at a clause
/// or at the width with `…`. Always a prefix of the paragraph (but for the `…`).
pub fn infer_title(paragraph: &str) -> String {
    let latin = rules::is_latin_text(paragraph);
    let mut cols = 0;
    let mut clause_end = None;
    // By cluster, as the title is drawn: a letter and its combining accent are one column,
    // never cut apart.
    for cluster in crate::text::width::clusters(paragraph) {
        let (i, c, w) = (cluster.start, cluster.first, cluster.width);
        let after = &paragraph[cluster.end..];
        let is_end = matches!(c, '。' | '！' | '？' | '!' | '?')
            || (c == '.' && after.starts_with(' '))
            || (c == '.' && after.is_empty());
        if is_end && !paragraph[..i].trim().is_empty() {
            return paragraph[..i].trim_end().to_string();
        }
        if cols + w > INFERRED_TITLE_COLUMNS {
            let cut = clause_end.unwrap_or(i);
            return format!("{}…", paragraph[..cut].trim_end());
        }
        let clause =
            matches!(c, ',' | '，' | ';' | '；' | ':' | '：' | '、') || (latin && c == ' ');
        if clause && cols >= INFERRED_TITLE_MIN_COLUMNS {
            clause_end = Some(i);
        }
        cols += w;
    }
    paragraph.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(a: &str, b: &str) -> String {
        let mut buf = a.to_string();
        join(&mut buf, b);
        buf
    }

    #[test]
    fn a_latin_word_set_apart_in_chinese_keeps_its_space_at_a_break() {
        assert_eq!(joined("了解情况 and", "意见建议"), "了解情况 and 意见建议");
        assert_eq!(joined("了解情况", "and 意见建议"), "了解情况 and 意见建议");
        // Set close, it stays close.
        assert_eq!(joined("拿到了自己的", "OH卡牌"), "拿到了自己的OH卡牌");
        assert_eq!(joined("部署", "2023年任务"), "部署2023年任务");
        assert_eq!(joined("the quick", "brown fox"), "the quick brown fox");
    }
}
