//! Text hard-wrapped at a column's width with no blank line between paragraphs, as `pdftotext`
//! makes of a newspaper page: where its paragraphs end and where a headline is glued to the
//! body under it.
//!
//! The width of the column is learnt from the lines around each line: the widest of its
//! neighbours for English, which is set ragged; for Chinese, set justified with punctuation
//! hanging past the edge now and then, the width most full lines reach (the upper quartile of
//! the lines near it that are not short). Chinese lines are measured as they were set, the
//! quotes and dashes a Chinese font draws full-width counted wide. A line is full when the
//! next line's first word (a character with the marks that may not start a line) would not
//! have fitted after it. Then:
//!
//! - a paragraph ends after a line that ends a sentence and is not full (in Chinese, a
//!   paragraph's first line is measured without its indent);
//! - a Chinese paragraph starts at a line short by its first-line indent (two characters)
//!   and otherwise full, after a line that ends a sentence (its last line was full);
//! - a line that ends no sentence, at a paragraph's start or after a line that ends one,
//!   over such an indented line, is a heading of its own (a subheading, a subtitle: short, or
//!   centred and nearly the column's width);
//! - a headline is a short line (or two or three) without sentence marks at a paragraph's
//!   start, over lines of the column's full width;
//! - a numbered line (`2. …`) after a sentence's end or a colon opens a list's item;
//! - an English line after a sentence's end that ends none, though the next line's first word
//!   would have fitted on it, is a paragraph's indented first line; an English line in title
//!   case over a sentence's start is a headline, however wide.
//!
//! Text whose paragraphs are lines of their own, or blocks between blank lines, has no such
//! runs and is left as it is. Every decision looks at a few lines around it, in the text
//! before a piece's start too, so a piece decides as the whole text does.

use memchr::{memchr, memrchr};

use super::credit::credit_with;
use super::hints::Lexicon;
use super::rules::{self, Credit};
use crate::text::display_width;

/// How many lines either side give a line its column's width.
const WINDOW: usize = 12;

/// A headline is at most this share of the column's width (in quarters): narrower than a
/// paragraph's first line, which only its indent shortens.
const HEADLINE_QUARTERS: usize = 3;

/// At most this many lines make a glued headline.
const HEADLINE_LINES: usize = 3;

/// Room a line must leave beyond the next line's first word to end its paragraph: a justified
/// column's lines differ by a character or so.
const SLACK: usize = 2;

/// One line of a run of lines.
struct Line<'a> {
    /// Where it starts in the text.
    start: usize,
    /// Its text, spaces around it trimmed.
    text: &'a str,
    /// Its width as set: display columns, or for a Chinese line half-ems (see [`set_width`]).
    width: usize,
    /// Most of it is Chinese (or Japanese): set justified, with a first-line indent.
    cjk: bool,
    /// It ends with a mark that a justified Chinese line may hang past the column's edge.
    hangs: bool,
    /// The width of its column (see [`columns`]).
    column: usize,
    /// The width of its first word (see [`first_word`]).
    word: usize,
}

/// The starts of the lines of `text[from..]` before which a block ends (in order): after a
/// paragraph's last line, and after a headline glued to its body.
pub(super) fn cuts(text: &str, from: usize, lex: &Lexicon) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut run: Vec<(usize, &str)> = Vec::new();
    // Where the run's decisions are still to be taken (after a stretch of it was measured).
    let mut decided: Option<usize> = None;
    for (start, line) in lines(text, from) {
        if line.is_empty()
            || rules::is_separator_line(line)
            || rules::is_page_furniture(line)
            || rules::jump_line(line).is_some()
        {
            stretch_cuts(&run, decided, usize::MAX, lex, &mut cuts);
            run.clear();
            decided = None;
            continue;
        }
        run.push((start, line));
        if run.len() == STRETCH {
            // A run this long (a text without blank lines): its middle is decided now, its
            // last lines again with what follows them.
            let upto = run[STRETCH - OVERLAP].0;
            stretch_cuts(&run, decided, upto, lex, &mut cuts);
            run.drain(..STRETCH - 2 * OVERLAP);
            decided = Some(upto);
        }
    }
    stretch_cuts(&run, decided, usize::MAX, lex, &mut cuts);
    cuts.retain(|&c| c >= from);
    cuts
}

/// Lines of a run measured at once: a longer one is measured in stretches that overlap by
/// [`OVERLAP`] lines either side, so that memory stays bounded whatever the text.
const STRETCH: usize = 4096;

/// Lines around a stretch's edge whose decisions need the stretch beside it: the column looks
/// [`WINDOW`] lines away, a headline [`HEADLINE_LINES`] more.
const OVERLAP: usize = 2 * WINDOW + HEADLINE_LINES + 2;

/// The cuts of a stretch of a run that fall in `from..upto` (line starts; from the stretch's
/// start when nothing of it is decided yet).
fn stretch_cuts(
    run: &[(usize, &str)],
    from: Option<usize>,
    upto: usize,
    lex: &Lexicon,
    cuts: &mut Vec<usize>,
) {
    let mut found = Vec::new();
    run_cuts(run, lex, &mut found);
    let from = from.unwrap_or(0);
    cuts.extend(found.into_iter().filter(|&c| c >= from && c < upto));
}

/// The lines (start, text trimmed) from [`WINDOW`] lines before `from` to the end of the text.
fn lines(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut begin = from;
    for _ in 0..=WINDOW {
        match begin.checked_sub(1) {
            Some(before) => begin = memrchr(b'\n', &bytes[..before]).map_or(0, |nl| nl + 1),
            None => break,
        }
    }
    let mut pos = begin;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let end = memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
        pos = end + 1;
        Some((start, text[start..end].trim()))
    })
}

/// Most a credit set right of a paragraph's last line is wide (`。 江南供电所`).
const RIGHT_CREDIT: usize = 16;

/// What of a line is set in its column: without a credit set right of its last sentence,
/// which may reach past the column's width.
fn set_text(line: &str) -> &str {
    let Some(end) = line.rfind(['。', '！', '？']) else {
        return line;
    };
    let mark = line[end..].chars().next().map_or(0, char::len_utf8);
    let after = &line[end + mark..];
    let credit = after.trim();
    if after.starts_with(char::is_whitespace)
        && !credit.is_empty()
        && display_width(credit) <= RIGHT_CREDIT
    {
        &line[..end + mark]
    } else {
        line
    }
}

/// The width of the column each line of a run is set in: for an English line the widest line
/// near it; for a Chinese one the upper quartile of the lines near it at least half as wide as
/// the widest and not ending in a mark (the width full lines reach: a mark hanging past the
/// edge, or a line squeezed to keep a mark off the next line's start, does not move it).
fn columns(lines: &[Line<'_>]) -> Vec<usize> {
    let mut near = Vec::with_capacity(2 * WINDOW + 1);
    (0..lines.len())
        .map(|i| {
            let from = i.saturating_sub(WINDOW);
            let to = (i + WINDOW + 1).min(lines.len());
            let widest = lines[from..to].iter().map(|l| l.width).max().unwrap_or(0);
            if !lines[i].cjk {
                return widest;
            }
            // Lines ending in a mark may hang it past the edge: the others say the width,
            // unless there are none.
            near.clear();
            for pass in [false, true] {
                near.extend(
                    lines[from..to]
                        .iter()
                        .filter(|l| 2 * l.width >= widest && (pass || !l.hangs))
                        .map(|l| l.width),
                );
                if !near.is_empty() {
                    break;
                }
            }
            near.sort_unstable();
            near[(near.len() * 3 / 4).min(near.len() - 1)]
        })
        .collect()
}

/// Whether most of a line's width is Chinese or Japanese characters.
fn is_cjk_line(line: &str) -> bool {
    let (mut wide, mut all) = (0usize, 0usize);
    for c in line.chars() {
        if rules::is_wide(c) {
            wide += 2;
        }
        all += 1 + usize::from(rules::is_wide(c));
    }
    wide * 2 > all
}

/// A line's width as set: its display width, or for a Chinese line its width in half-ems as
/// a Chinese font sets it (quotes, dashes and ellipses full-width, as `unicode-width` counts
/// East Asian ambiguous characters in a CJK context).
fn set_width(line: &str, cjk: bool) -> usize {
    if !cjk {
        return display_width(line);
    }
    line.chars()
        .map(|c| unicode_width::UnicodeWidthChar::width_cjk(c).unwrap_or(0))
        .sum()
}

/// A Chinese paragraph's first line is indented by two characters: four half-ems.
const INDENT: usize = 4;

/// The cuts inside a run of lines (between blank lines). A line alone, as a paragraph of its
/// own or a block between blank lines, is not measured at all.
fn run_cuts(run: &[(usize, &str)], lex: &Lexicon, cuts: &mut Vec<usize>) {
    if run.len() < 2 {
        return;
    }
    let mut lines: Vec<Line<'_>> = run
        .iter()
        .map(|&(start, text)| {
            let set = set_text(text);
            let cjk = is_cjk_line(set);
            Line {
                start,
                text,
                width: set_width(set, cjk),
                cjk,
                hangs: set.chars().next_back().is_some_and(is_closing),
                column: 0,
                word: first_word(text, cjk),
            }
        })
        .collect();
    let widths = columns(&lines);
    for (line, column) in lines.iter_mut().zip(widths) {
        line.column = column;
    }
    let indents = indents(&lines);
    let end = lines.len();
    let mut i = 0;
    let mut opens = true;
    while i < end {
        if opens {
            // A headline glued to the body under it: a few short lines without sentence marks
            // over a full line.
            let heads = (i..end)
                .take(HEADLINE_LINES + 1)
                .take_while(|&k| is_headline_line(&lines, k, k == i, lex))
                .count();
            let body = i + heads;
            if heads > 0 && heads <= HEADLINE_LINES && body < end && is_full(&lines, body) {
                cuts.push(lines[body].start);
                i = body;
            }
            if indents && heads_indented(&lines, i) {
                // A heading as wide as a body line (a subheading, a subtitle under the
                // headline), over a paragraph's indented first line.
                cuts.push(lines[i + 1].start);
                i += 1;
            }
        }
        let first = opens;
        opens = false;
        if i + 1 < end
            && (ends_paragraph(&lines, i, first && indents)
                || opens_item(&lines, i + 1)
                || signs_off(&lines, i, end)
                || (indents
                    && rules::ends_sentence(lines[i].text)
                    && (is_indented(&lines, i + 1) || heads_indented(&lines, i + 1)))
                || opens_latin(&lines, i + 1))
        {
            cuts.push(lines[i + 1].start);
            opens = true;
        }
        i += 1;
    }
}

/// Whether the run's Chinese paragraphs are set with a first-line indent, as the lines that
/// clearly open a paragraph (after a short line that ends a sentence) show: most of them are
/// short of their column by the indent. With no such line to tell, they are (as Chinese is
/// set).
fn indents(lines: &[Line<'_>]) -> bool {
    let (mut opening, mut indented) = (0usize, 0usize);
    for k in 1..lines.len().saturating_sub(1) {
        let (before, line) = (&lines[k - 1], &lines[k]);
        if line.cjk
            && rules::ends_sentence(before.text)
            && room(lines, k - 1) >= 2 * INDENT as isize
            && !rules::is_heading_like(line.text)
        {
            opening += 1;
            indented += usize::from(line.width + INDENT <= line.column + 1);
        }
    }
    opening == 0 || 2 * indented >= opening
}

/// Line `i` is an English paragraph's first line: after a line that ends a sentence, it ends
/// none, yet the next line's first word would have fitted on it (what an indent takes).
fn opens_latin(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    !line.cjk
        && i + 1 < lines.len()
        && rules::ends_sentence(lines[i - 1].text)
        && !rules::ends_sentence(line.text)
        && !rules::ends_mid_sentence(line.text)
        && room(lines, i) >= SLACK as isize
}

/// Line `i` opens an item of a numbered list (`2. …`), after a line that ends a sentence or
/// leads into the list with a colon.
fn opens_item(lines: &[Line<'_>], i: usize) -> bool {
    let before = lines[i - 1].text;
    rules::list_number(lines[i].text).is_some()
        && (rules::ends_sentence(before) || before.ends_with([':', '：']))
}

/// How much room line `i` leaves beyond the next line's first word (below zero: none, the
/// line is full).
fn room(lines: &[Line<'_>], i: usize) -> isize {
    let next = lines.get(i + 1).map_or(0, |l| l.word);
    lines[i].column as isize - (lines[i].width + next) as isize
}

/// Line `i` ends its paragraph: it ends a sentence, and the next line's first word would
/// have fitted after it (after a paragraph's `first` line, a Chinese one indented, even
/// with the indent).
fn ends_paragraph(lines: &[Line<'_>], i: usize, first: bool) -> bool {
    let line = &lines[i];
    let slack = if !line.cjk {
        SLACK
    } else if first && is_indented(lines, i) {
        INDENT
    } else {
        0
    };
    rules::ends_sentence(line.text) && room(lines, i) >= slack as isize
}

/// Line `i` is a Chinese paragraph's first line: short of its column by the indent, or by a
/// little more (justification spreads a character's width or two over a line), with more of
/// the paragraph under it.
fn is_indented(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    // The line under it goes on full, or ends the paragraph: a paragraph's last line a little
    // short has the next paragraph's first line under it, short too.
    let under = &lines.get(i + 1);
    line.cjk
        && under.is_some_and(|u| room(lines, i + 1) < 0 || rules::ends_sentence(u.text))
        && line.width + INDENT <= line.column + 1
        && room(lines, i) < 2 * INDENT as isize
}

/// Line `i` opens a paragraph but is a heading of its own: it ends no sentence, is not shaped
/// as an indented first line itself (or opens with a dash, as no paragraph does), and the
/// line under it is a paragraph's indented first line.
fn heads_indented(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    let room = room(lines, i);
    line.cjk
        && i + 1 < lines.len()
        && rules::is_heading_like(line.text)
        && (!(0..INDENT as isize).contains(&room) || rules::is_dash_subtitle(line.text))
        && is_indented(lines, i + 1)
}

/// The run's last line, after line `i` that ends a sentence, is a short line without sentence
/// marks: a credit (`千灯镇总工会`) or a note under the paragraph, not its last words.
fn signs_off(lines: &[Line<'_>], i: usize, end: usize) -> bool {
    let last = &lines[i + 1];
    i + 2 == end
        && rules::ends_sentence(lines[i].text)
        && rules::is_heading_like(last.text)
        && last.width * 4 <= lines[i].column * HEADLINE_QUARTERS
}

/// The width of what must come first on a line: a CJK character (with the opening marks before
/// it and the closing marks after it, which never end or start a line: `“五`, `提。`), or a
/// Latin word with the space before it.
fn first_word(line: &str, cjk: bool) -> usize {
    let width_of = |c: char| {
        if cjk {
            unicode_width::UnicodeWidthChar::width_cjk(c).unwrap_or(0)
        } else {
            display_width(c.encode_utf8(&mut [0; 4]))
        }
    };
    let mut width = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if rules::is_wide(c) {
            width += 2;
            while let Some(&after) = chars.peek() {
                if !is_closing(after) {
                    break;
                }
                width += width_of(after);
                chars.next();
            }
            return width;
        }
        if c.is_whitespace() {
            break;
        }
        width += width_of(c);
    }
    width + 1
}

/// Marks that may not start a line (the layout's rule), and the dash, never cut from the
/// character before it: they stay with that character.
fn is_closing(c: char) -> bool {
    crate::layout::breaks::is_no_start(c) || c == '—'
}

/// Line `i` can be (the `first` line of) a headline: heading-shaped, clearly narrower than
/// its column, not a word broken at its end (`well-`), and (the first) no credit.
fn is_headline_line(lines: &[Line<'_>], i: usize, first: bool, lex: &Lexicon) -> bool {
    let line = &lines[i];
    // An English headline in title case over a sentence's start, wider than a quarter short
    // of the column: set large, it takes fewer characters than the column holds (but not all).
    let titled = !line.cjk
        && line.width * 10 <= line.column * 9
        && rules::is_title_case(line.text)
        && lines.get(i + 1).is_some_and(|n| {
            n.text.starts_with(char::is_uppercase) && !rules::is_title_case(n.text)
        });
    // An English headline does not end with `the` or `of`, and goes on in title case.
    let latin_ok = line.cjk
        || (!ends_with_function_word(line.text)
            && (first
                || i == 0
                || !rules::is_title_case(lines[i - 1].text)
                || rules::is_title_case(line.text)));
    rules::is_heading_like(line.text)
        && !line.text.ends_with('-')
        && latin_ok
        && (line.width * 4 <= line.column * HEADLINE_QUARTERS || titled)
        && !(first && credit_with(line.text, lex) != Credit::None)
}

/// Words a line of English cut by a wrap may end with, but not a headline.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "or", "with", "for", "on", "at", "by", "from",
    "that", "is", "are", "was",
];

/// The line ends with an English article, preposition or conjunction.
fn ends_with_function_word(line: &str) -> bool {
    line.rsplit(' ')
        .next()
        .is_some_and(|w| FUNCTION_WORDS.contains(&w))
}

/// Line `i` is as wide as a body line of its column.
fn is_full(lines: &[Line<'_>], i: usize) -> bool {
    lines[i].width * 4 > lines[i].column * HEADLINE_QUARTERS
        || (!lines[i].cjk && !rules::is_title_case(lines[i].text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = 0;
        for cut in cuts(text, 0, Lexicon::none())
            .into_iter()
            .chain([text.len()])
        {
            out.push(text[at..cut].trim().replace('\n', "|"));
            at = cut;
        }
        out
    }

    #[test]
    fn a_short_line_at_a_sentence_end_ends_its_paragraph() {
        let text = "第一段的文字排满了这一栏的宽度啊啊\n一直排到这里才结束。\n第二段的文字也排满了这一栏的宽度\n还有一行排满了这一栏的宽度啊啊啊\n然后结束。\n";
        assert_eq!(
            blocks(text),
            [
                "第一段的文字排满了这一栏的宽度啊啊|一直排到这里才结束。",
                "第二段的文字也排满了这一栏的宽度|还有一行排满了这一栏的宽度啊啊啊|然后结束。"
            ]
        );
    }

    #[test]
    fn a_full_line_at_a_sentence_end_does_not() {
        let text = "这一行排满了这一栏的宽度才结束。\n下一行接着写完这一句话的后半部分\n";
        assert_eq!(blocks(text).len(), 1);
    }

    #[test]
    fn a_headline_glued_to_its_body_is_set_apart() {
        let text = "一线焊接工\n人赛场比技能\n近日,某项目部举行了钢筋焊接技\n能比武活动,共有八支队伍参赛。\n";
        assert_eq!(
            blocks(text),
            [
                "一线焊接工|人赛场比技能",
                "近日,某项目部举行了钢筋焊接技|能比武活动,共有八支队伍参赛。"
            ]
        );
    }

    #[test]
    fn latin_lines_end_a_paragraph_only_where_the_next_word_would_have_fitted() {
        let text = "The first paragraph runs to the full width of\nthe column and ends here.\nA second one follows at once and runs on to\nthe end. Its last line is long enough too ok.\nThe third.\n";
        assert_eq!(
            blocks(text),
            [
                "The first paragraph runs to the full width of|the column and ends here.",
                "A second one follows at once and runs on to|the end. Its last line is long enough too ok.|The third."
            ]
        );
    }

    #[test]
    fn a_credit_under_a_full_last_line_is_set_apart() {
        let text =
            "这一段排满了这一栏的宽度还没有结束\n直到这一行也排满了这一栏才结束。\n千灯镇总工会\n";
        assert_eq!(
            blocks(text).last().map(String::as_str),
            Some("千灯镇总工会")
        );
    }

    #[test]
    fn a_paragraph_opening_with_a_quote_is_seen_to_start() {
        let text = "这一段排满了这一栏的宽度还没有结束\n提案。\n“五年来,提案委员会严格履行提\n案审查标准和程序,坚持质量第一。\n";
        assert_eq!(blocks(text).len(), 2, "{:?}", blocks(text));
    }

    #[test]
    fn a_word_broken_at_a_short_line_end_is_no_headline() {
        let text = "A well-\nKnown case stays hyphenated in this line.\n";
        assert!(cuts(text, 0, Lexicon::none()).is_empty());
    }

    #[test]
    fn a_run_longer_than_a_stretch_is_cut_as_if_measured_whole() {
        let mut text = String::new();
        for i in 0..3 * STRETCH + 77 {
            text.push_str(match i % 7 {
                0 => "短标题一行\n",
                3 => "这一段的最后一行很短。\n",
                5 => "“引号开头的一行文字排满了这一栏的宽\n",
                _ => "这一行文字排满了这一栏的宽度啊啊啊啊\n",
            });
        }
        let run: Vec<(usize, &str)> = text
            .lines()
            .scan(0, |at, l| {
                let start = *at;
                *at += l.len() + 1;
                Some((start, l))
            })
            .collect();
        let mut whole = Vec::new();
        run_cuts(&run, Lexicon::none(), &mut whole);
        assert!(whole.len() > 1000);
        assert_eq!(cuts(&text, 0, Lexicon::none()), whole);
    }

    #[test]
    fn lines_of_their_own_are_left_alone() {
        assert!(cuts("一段。\n\n另一段。\n", 0, Lexicon::none()).is_empty());
    }

    /// A justified Chinese column 18 characters wide, paragraphs indented by two, as
    /// pdftotext gives it (without the indent): the first paragraph's last line is full.
    const INDENTED: &str = "\
近日，某区总工会召开座谈会，总结
了去年的工作，部署了今年的主要任务和
措施，代表们就职工服务工作提出建议。
会议要求，我们要主动适应新形势新
变化，准确把握新任务新要求，认真履行
好各项职责，在工作大局中发挥作用。
";

    #[test]
    fn a_paragraph_after_a_full_last_line_starts_at_its_indented_line() {
        assert_eq!(
            blocks(INDENTED),
            [
                "近日，某区总工会召开座谈会，总结|了去年的工作，部署了今年的主要任务和|措施，代表们就职工服务工作提出建议。",
                "会议要求，我们要主动适应新形势新|变化，准确把握新任务新要求，认真履行|好各项职责，在工作大局中发挥作用。"
            ]
        );
        // A full line after it: the sentence goes on in the same paragraph.
        let full = INDENTED.replace("我们要主动适应", "我们要主动地适应");
        assert_eq!(blocks(&full).len(), 1, "{:?}", blocks(&full));
    }

    #[test]
    fn a_last_line_a_little_short_is_no_indented_first_line() {
        // The second paragraph's last line is two characters short, after a full line that
        // ends a sentence; the line under it is the next paragraph's indented first line.
        let text = "\
近日，某区总工会召开座谈会，总结
了去年的工作，部署了今年的主要任务。
代表们就职工服务工作提出了建议。
会议要求，我们要主动适应新形势新
变化，准确把握新任务新要求，认真履行
好各项职责，在工作大局中发挥作用。
";
        let found = blocks(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].ends_with("提出了建议。"), "{found:?}");
    }

    #[test]
    fn a_heading_over_an_indented_line_is_set_apart_short_or_nearly_full() {
        let (first, second) = INDENTED.split_at(INDENTED.find("会议要求").unwrap());
        for heading in ["凝心聚力谋发展", "凝心聚力，推动工会工作实现高质量发展"]
        {
            let text = format!("{first}{heading}\n{second}");
            let found = blocks(&text);
            assert_eq!(found.len(), 3, "{heading}: {found:?}");
            assert_eq!(found[1], heading);
        }
    }

    #[test]
    fn text_set_without_indents_has_no_indented_lines() {
        // Its paragraphs' first lines are as full as the rest (after a short last line, the
        // third line shows it): a short line after a full one is no paragraph's start there.
        let text = "\
某区总工会召开座谈会，总结了去年的工
作任务，代表提出建议。
会议要求，要主动适应新形势新变化，准
确把握新任务新要求，认真履行好各项职
责，在工作大局中发挥更大的作用加油。
今年还有更多的事要做，大家要一
起努力，把每一件事都做好做实。
";
        assert_eq!(blocks(text).len(), 2, "{:?}", blocks(text));
        // Set with indents, the same short line opens a paragraph.
        let indented = text
            .replace("会议要求，要", "会议要求")
            .replace("化，准\n确", "化，\n准确");
        assert_eq!(blocks(&indented).len(), 3, "{:?}", blocks(&indented));
    }

    #[test]
    fn full_width_quotes_and_dashes_count_wide_in_a_chinese_line() {
        assert_eq!(set_width("“正面管教——”", true), 16);
        assert_eq!(set_width("“quoted”", false), 8);
        assert!(is_cjk_line("“正面管教”OH卡"));
        assert!(!is_cjk_line("The 工会 news today"));
    }
}
