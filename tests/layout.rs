//! The layout engine's invariants, over random mixed text (proptest) and over every paragraph of
//! the bundled sample at every width from 10 to 120.
//!
//! The checks here define the rules on their own (which marks may not start or end a line, what a
//! number is, where a legal break surely exists) rather than asking the engine.

use std::ops::Range;

use kanbao::layout::breaks::{break_opportunities, clusters};
use kanbao::layout::{ArticleLayout, LayoutOptions, WrapOptions, wrap};
use kanbao::read::plain;
use kanbao::{doc, source};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const NO_START: &str = "，。、；：！？）》」』】”’…·,.:;!?)]%";
const NO_END: &str = "“‘（《「『【([";

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Width as the terminal draws it: grapheme clusters, each 0..=2 columns.
fn width(s: &str) -> usize {
    s.graphemes(true).map(|g| g.width().min(2)).sum()
}

/// Byte ranges of the units that must not be split when they fit: `——`, `……`, numbers such as
/// `3.14%` or `1,000`, and Latin words.
fn units(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for pat in ["——", "……"] {
        out.extend(text.match_indices(pat).map(|(i, p)| i..i + p.len()));
    }
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || (matches!(b[i], b'.' | b',')
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            if b.get(i) == Some(&b'%') {
                i += 1;
            }
            out.push(start..i);
        } else if b[i].is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(start..i);
        } else {
            i += 1;
        }
    }
    out
}

/// Checks every invariant of `wrap(text, w, gutter)`; returns the first violation found.
fn check(text: &str, w: usize, gutter: usize) -> Result<(), String> {
    let lines = wrap(
        text,
        w,
        &WrapOptions {
            gutter,
            first_indent: 0,
        },
    );
    let w = w.max(1);
    let show = |r: &Range<usize>| format!("{:?}", &text[r.clone()]);

    // The lines give back the text: only spaces are dropped, and only at breaks.
    let mut at = 0;
    for (k, l) in lines.iter().enumerate() {
        let gap = &text[at..l.range.start];
        if !(gap.is_empty() || (k > 0 && gap.chars().all(char::is_whitespace))) {
            return Err(format!("text lost before line {k}: {gap:?}"));
        }
        at = l.range.end;
    }
    if !text[at..].chars().all(char::is_whitespace) {
        return Err(format!("text lost at the end: {:?}", &text[at..]));
    }

    for (k, l) in lines.iter().enumerate() {
        let s = &text[l.range.clone()];
        if width(s) != l.width {
            return Err(format!(
                "line {k} {} measured {} not {}",
                show(&l.range),
                l.width,
                width(s)
            ));
        }
        // Nothing is wider than the line; a closing mark may hang into the gutter; a single
        // cluster wider than the whole line has a line to itself.
        let hangs = s.chars().next_back().is_some_and(|c| NO_START.contains(c));
        let single = s.graphemes(true).count() == 1;
        if l.width > w && !(hangs && l.width <= w + gutter) && !single {
            return Err(format!(
                "line {k} {} is {} wide at width {w}",
                show(&l.range),
                l.width
            ));
        }
        if k == 0 {
            continue;
        }
        // A line starts with a closing mark, or the one before ends with an opening mark, only
        // when the line before had no legal break (two Han characters side by side).
        let prev = &text[lines[k - 1].range.clone()];
        let had_break = prev
            .chars()
            .zip(prev.chars().skip(1))
            .any(|(a, b)| is_han(a) && is_han(b));
        let starts_bad = s.chars().next().is_some_and(|c| NO_START.contains(c));
        let ends_bad = prev.chars().next_back().is_some_and(|c| NO_END.contains(c));
        if (starts_bad || ends_bad) && had_break {
            return Err(format!(
                "bad break between {} and {}",
                show(&lines[k - 1].range),
                show(&l.range)
            ));
        }
    }

    // Units that fit on a line are never split.
    for u in units(text) {
        if width(&text[u.clone()]) > w {
            continue;
        }
        if let Some(l) = lines
            .iter()
            .find(|l| l.range.start > u.start && l.range.start < u.end)
        {
            return Err(format!("{} split at line {}", show(&u), show(&l.range)));
        }
    }
    Ok(())
}

/// Lines are filled greedily: the text up to the next break opportunity after a line would not
/// have fitted on it (nor hung into the gutter).
fn check_greedy(text: &str, w: usize, gutter: usize) -> Result<(), String> {
    let cl = clusters(text);
    let allowed = break_opportunities(text, &cl);
    let lines = wrap(
        text,
        w,
        &WrapOptions {
            gutter,
            first_indent: 0,
        },
    );
    for pair in lines.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        let s = cl.iter().position(|c| c.start == next.range.start).unwrap();
        let Some(b) = (s + 1..=cl.len()).find(|&b| allowed[b]) else {
            continue;
        };
        let more = &text[line.range.end..cl[b - 1].end];
        let more = more.trim_end();
        // A run of closing marks straight after the line should have hung into the gutter.
        let hangable = !more.is_empty()
            && more.chars().all(|c| NO_START.contains(c))
            && line.width + width(more) <= w + gutter;
        let fits = line.width + width(more) <= w || hangable;
        if fits {
            return Err(format!(
                "line {:?} (width {}) left room for {more:?} at width {w}",
                &text[line.range.clone()],
                line.width
            ));
        }
    }
    Ok(())
}

/// Random text mixing everything a newsletter throws at the layout.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::char::range('\u{4E00}', '\u{9FA5}').prop_map(String::from),
        1 => proptest::char::range('\u{3041}', '\u{3096}').prop_map(String::from),
        2 => "[a-zA-Z]{1,12}",
        1 => " ",
        2 => "[0-9]{1,6}(\\.[0-9]{1,3})?%?",
        2 => proptest::sample::select(vec![
            ",", ".", ":", ";", "!", "?", "(", ")", "[", "]", "%",
        ]).prop_map(String::from),
        3 => proptest::sample::select(vec![
            "，", "。", "、", "；", "：", "！", "？", "（", "）", "《", "》", "「", "」", "『", "』",
            "【", "】", "·",
        ]).prop_map(String::from),
        2 => proptest::sample::select(vec!["“", "”", "‘", "’"]).prop_map(String::from),
        1 => proptest::sample::select(vec!["——", "……"]).prop_map(String::from),
        1 => proptest::sample::select(vec!["😀", "👩‍👩‍👧", "🇨🇳", "e\u{301}", "a\u{308}\u{301}"])
            .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    // PROPTEST_CASES raises the count for a longer hunt (`--release` helps).
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn random_text_obeys_every_rule(text in mixed_text(), w in 1usize..=200, gutter in 0usize..=2) {
        if let Err(e) = check(&text, w, gutter) {
            prop_assert!(false, "{} (text {:?}, width {}, gutter {})", e, text, w, gutter);
        }
    }

    #[test]
    fn narrow_columns_obey_every_rule(text in mixed_text(), w in 0usize..=12) {
        if let Err(e) = check(&text, w, 1) {
            prop_assert!(false, "{} (text {:?}, width {})", e, text, w);
        }
    }

    #[test]
    fn random_text_is_filled_greedily(text in mixed_text(), w in 2usize..=60, gutter in 0usize..=2) {
        if let Err(e) = check_greedy(&text, w, gutter) {
            prop_assert!(false, "{} (text {:?})", e, text);
        }
    }
}

fn sample() -> doc::Newsletter {
    let text = source::decode(source::SAMPLE)
        .expect("the sample decodes")
        .text;
    plain::parse(&text)
}

#[test]
fn every_sample_paragraph_at_every_width_obeys_the_rules_and_fills_its_lines() {
    let news = sample();
    let mut checked = 0;
    for (_, article) in news.articles() {
        for (_, text) in article.parts() {
            for w in 10..=120 {
                if let Err(e) = check(text, w, 1).and_then(|()| check_greedy(text, w, 1)) {
                    panic!("{e} (width {w}, text {text:?})");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 60 * 111, "only {checked} layouts checked");
}

#[test]
fn positions_round_trip_at_several_widths_and_across_a_width_change() {
    let news = sample();
    for (_, article) in news.articles() {
        for w in [10, 33, 40, 80, 121] {
            let options = LayoutOptions {
                width: w,
                ..LayoutOptions::default()
            };
            let layout = ArticleLayout::new(article, options);
            let narrow = ArticleLayout::new(
                article,
                LayoutOptions {
                    width: 17,
                    ..options
                },
            );
            for (line, l) in layout.lines().iter().enumerate() {
                let Some(part) = l.part else { continue };
                let text = article.text(part).unwrap();
                for (at, _) in text[l.range.clone()].grapheme_indices(true) {
                    let pos = doc::TextPos {
                        part,
                        offset: l.range.start + at,
                    };
                    let (ln, col) = layout.locate(article, pos).unwrap();
                    assert_eq!(ln, line);
                    assert_eq!(layout.position_at(article, ln, col), Some(pos));
                    // The same text found again after the width changes, and back.
                    let (nl, nc) = narrow.locate(article, pos).unwrap();
                    let there = narrow.position_at(article, nl, nc).unwrap();
                    assert_eq!(there, pos);
                    assert_eq!(layout.locate(article, there), Some((ln, col)));
                }
            }
        }
    }
}

#[test]
fn the_top_of_the_view_survives_a_width_change() {
    let news = sample();
    let (_, article) = news.articles().max_by_key(|(_, a)| a.blocks.len()).unwrap();
    let wide = ArticleLayout::new(
        article,
        LayoutOptions {
            width: 100,
            ..Default::default()
        },
    );
    let narrow = ArticleLayout::new(
        article,
        LayoutOptions {
            width: 24,
            ..Default::default()
        },
    );
    for top in 0..wide.len() {
        let anchor = wide.anchor(top).unwrap();
        let (line, _) = narrow.locate(article, anchor).unwrap();
        // The narrow line found for it shows that very text.
        let l = &narrow.lines()[line];
        assert_eq!(l.part, Some(anchor.part), "top line {top}");
        assert!(
            l.range.start <= anchor.offset && anchor.offset < l.range.end.max(l.range.start + 1)
        );
    }
}
