//! Text hard-wrapped at a column's width with no blank line between paragraphs, as `pdftotext`
//! makes of a newspaper page: where its paragraphs end and where a headline is glued to the
//! body under it.
//!
//! The width of the column is learnt from the lines around each line (the widest of its
//! neighbours in the same run of lines). A paragraph ends after a line that ends a sentence
//! and falls clearly short of that width: the first word (or character) of the next line would
//! have fitted on it, so the break was not the wrap's. A headline is a short line (or two or
//! three) without sentence marks at a paragraph's start, over lines of the column's full width.
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
    /// Its display width.
    width: usize,
}

/// The starts of the lines of `text[from..]` before which a block ends (in order): after a
/// paragraph's last line, and after a headline glued to its body.
pub(super) fn cuts(text: &str, from: usize, lex: &Lexicon) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut run: Vec<(usize, &str)> = Vec::new();
    // Where the run's decisions are still to be taken (after a stretch of it was measured).
    let mut decided: Option<usize> = None;
    for (start, line) in lines(text, from) {
        if line.is_empty() || rules::is_separator_line(line) || rules::is_page_furniture(line) {
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

/// The width of the column line `i` of a run is set in: the widest line near it.
fn column(lines: &[Line<'_>], i: usize) -> usize {
    let from = i.saturating_sub(WINDOW);
    let to = (i + WINDOW + 1).min(lines.len());
    lines[from..to].iter().map(|l| l.width).max().unwrap_or(0)
}

/// The cuts inside a run of lines (between blank lines). A line alone, as a paragraph of its
/// own or a block between blank lines, is not measured at all.
fn run_cuts(run: &[(usize, &str)], lex: &Lexicon, cuts: &mut Vec<usize>) {
    if run.len() < 2 {
        return;
    }
    let lines: Vec<Line<'_>> = run
        .iter()
        .map(|&(start, text)| Line {
            start,
            text,
            width: display_width(set_text(text)),
        })
        .collect();
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
        }
        opens = false;
        if i + 1 < end && (ends_paragraph(&lines, i) || signs_off(&lines, i, end)) {
            cuts.push(lines[i + 1].start);
            opens = true;
        }
        i += 1;
    }
}

/// Line `i` ends its paragraph: it ends a sentence, and the next line's first word would
/// have fitted after it.
fn ends_paragraph(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    rules::ends_sentence(line.text)
        && line.width + first_word(lines[i + 1].text) + SLACK <= column(lines, i)
}

/// The run's last line, after line `i` that ends a sentence, is a short line without sentence
/// marks: a credit (`千灯镇总工会`) or a note under the paragraph, not its last words.
fn signs_off(lines: &[Line<'_>], i: usize, end: usize) -> bool {
    let last = &lines[i + 1];
    i + 2 == end
        && rules::ends_sentence(lines[i].text)
        && rules::is_heading_like(last.text)
        && last.width * 4 <= column(lines, i) * HEADLINE_QUARTERS
}

/// The width of what must come first on a line: a CJK character (with the opening marks before
/// it, which never end a line: `“五`), or a Latin word with the space before it.
fn first_word(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        if rules::is_wide(c) {
            return width + 2;
        }
        if c.is_whitespace() {
            break;
        }
        width += display_width(c.encode_utf8(&mut [0; 4]));
    }
    width + 1
}

/// Line `i` can be (the `first` line of) a headline: heading-shaped, clearly narrower than
/// its column, not a word broken at its end (`well-`), and (the first) no credit.
fn is_headline_line(lines: &[Line<'_>], i: usize, first: bool, lex: &Lexicon) -> bool {
    let line = &lines[i];
    rules::is_heading_like(line.text)
        && !line.text.ends_with('-')
        && line.width * 4 <= column(lines, i) * HEADLINE_QUARTERS
        && !(first && credit_with(line.text, lex) != Credit::None)
}

/// Line `i` is as wide as a body line of its column.
fn is_full(lines: &[Line<'_>], i: usize) -> bool {
    lines[i].width * 4 > column(lines, i) * HEADLINE_QUARTERS
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
}
