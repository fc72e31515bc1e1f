//! A page rebuilt as the newspaper was set, from where its characters stand.
//!
//! 1. Characters on one baseline make a row; a row is cut into fragments where a gap wider
//!    than a column's gutter falls (an overprinted character, bold faked by drawing it twice,
//!    counts once and bold).
//! 2. The page is cut into its modules and columns (the "XY cut"): first across, at white
//!    bands that run the full width of the region, then down, at gutters that run its full
//!    height, again and again; what is left is a column's stretch of lines, or a headline. A
//!    headline spanning two columns blocks the gutter between them, so its module's columns are
//!    read under it, one after the other, before what lies beside.
//! 3. The stretches are read in that order. A line set clearly larger than the body text is a
//!    headline; a body line opens a paragraph when it is indented, or when the line before it
//!    ended short of the column's width; a paragraph goes on at the top of the next column when
//!    its line there is not indented. A fragment set apart at the right end of a paragraph's
//!    last line is its byline.
//!
//! The result is written as text for the extracted-text parser: paragraphs between blank
//! lines, headlines marked `### `, bylines in bold (`**…**`), the paper's name (the largest type
//! at the top of the first page) apart. Furniture lines (running heads, page numbers, the
//! masthead's information) and jump lines come out as lines of their own, which that parser
//! knows by their shape.

use super::walk::{self, Glyph};
use crate::read::plain::rules;
use crate::text::is_wide;

/// How much larger than the body text a headline is set, at least.
const HEADLINE: f32 = 1.25;

/// How deep the cutting goes before a region is read as it stands (bounded work on any page).
const MAX_CUTS: usize = 64;

/// A run of characters on one baseline, with no gutter inside.
#[derive(Debug, Clone)]
struct Fragment {
    x0: f32,
    x1: f32,
    /// The baseline.
    y: f32,
    /// The largest size in it.
    size: f32,
    text: String,
    /// Most of its characters are bold.
    bold: bool,
    /// Where the bold characters at its end start (its length when the last is not bold).
    bold_tail: usize,
    /// Its box for the cutting: from a little below the baseline to the next line above.
    top: f32,
    bottom: f32,
}

/// A line of a column: its fragments on one baseline, left to right.
#[derive(Debug)]
struct Line<'f> {
    parts: Vec<&'f Fragment>,
}

impl Line<'_> {
    fn x0(&self) -> f32 {
        self.parts[0].x0
    }

    fn x1(&self) -> f32 {
        self.parts[self.parts.len() - 1].x1
    }

    fn size(&self) -> f32 {
        self.parts.iter().map(|p| p.size).fold(0.0, f32::max)
    }
}

/// What a paragraph of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Headline,
    /// A line of its own inside an article, bold or centred.
    Subheading,
    Body,
}

#[derive(Debug)]
struct Paragraph {
    kind: Kind,
    text: String,
    /// Its size (a headline's lines are one paragraph while their size holds).
    size: f32,
}

/// A page as it was set.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// The paper's name, when the page has a masthead.
    pub(super) masthead: Option<String>,
    /// The date at the first page's top edge: the issue's.
    pub(super) date: Option<String>,
    paragraphs: Vec<Paragraph>,
}

impl Page {
    /// The page `drawn` rebuilt; the first page of a paper may have its masthead.
    pub(super) fn of(drawn: &walk::Page, first: bool) -> Page {
        // Running heads and page numbers at the page's top and bottom edges, by their shape
        // (a date alone is furniture there; under a paper's name it is the masthead's).
        let edge = |f: &Fragment| f.y > drawn.height * 0.94 || f.y < drawn.height * 0.05;
        let all = fragments(&drawn.glyphs);
        // The first page's date at its top edge is the issue's.
        let date = all
            .iter()
            .filter(|f| first && f.y > drawn.height * 0.94)
            .map(|f| f.text.trim())
            .find(|t| rules::is_english_date_line(t))
            .map(str::to_string);
        let fragments: Vec<Fragment> = all
            .into_iter()
            .filter(|f| {
                let text = f.text.trim();
                !(edge(f) && (rules::is_page_furniture(text) || rules::is_english_date_line(text)))
            })
            .collect();
        if fragments.is_empty() {
            return Page {
                date,
                ..Page::default()
            };
        }
        let body = body_size(&fragments);
        let pitch = line_pitch(&fragments, body);
        let fragments: Vec<Fragment> = fragments
            .into_iter()
            .map(|mut f| {
                if (f.size - body).abs() <= 0.15 * body {
                    f.top = f.y + 0.8 * pitch;
                    f.bottom = f.y - 0.2 * pitch;
                } else {
                    f.top = f.y + 0.95 * f.size;
                    f.bottom = f.y - 0.25 * f.size;
                }
                f
            })
            .collect();
        let masthead = first
            .then(|| masthead(&fragments, body, drawn.height))
            .flatten();
        let order = cut(&fragments, &drawn.boxes, body, pitch);
        let mut page = Page {
            date,
            masthead: masthead.map(|i| fragments[i].text.trim().to_string()),
            paragraphs: Vec::new(),
        };
        let mut reading = Reading {
            column: column_width(&fragments, body),
            ..Reading::default()
        };
        for stretch in order {
            let stretch: Vec<&Fragment> = stretch
                .into_iter()
                .filter(|&i| Some(i) != masthead)
                .map(|i| &fragments[i])
                .collect();
            reading.stretch(&lines(stretch), body, &mut page.paragraphs);
        }
        page
    }

    /// The page as marked text, appended to `out`.
    pub(super) fn write(&self, out: &mut String) {
        for p in &self.paragraphs {
            let text = p.text.trim();
            if text.is_empty() {
                continue;
            }
            // A section band (`【要闻】`) is its own marker, whatever its size.
            let band = text.starts_with('【') && text.ends_with('】');
            if p.kind == Kind::Headline && !band && !text.starts_with('—') {
                out.push_str("### ");
            }
            if p.kind == Kind::Subheading {
                out.push_str("#### ");
            }
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
}

/// The rows of `glyphs` cut into fragments.
fn fragments(glyphs: &[Glyph]) -> Vec<Fragment> {
    let mut order: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.size > 0.5 && g.x.is_finite() && g.y.is_finite())
        .collect();
    order.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut out = Vec::new();
    let mut row: Vec<&Glyph> = Vec::new();
    for g in order {
        if let Some(first) = row.first()
            && (first.y - g.y).abs() > 0.3 * first.size.min(g.size)
        {
            row_fragments(&mut row, &mut out);
        }
        row.push(g);
    }
    row_fragments(&mut row, &mut out);
    out
}

/// One row's fragments, left to right; the row is emptied.
fn row_fragments(row: &mut Vec<&Glyph>, out: &mut Vec<Fragment>) {
    row.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut current: Option<(Fragment, usize, usize)> = None;
    let mut last: Option<&Glyph> = None;
    for &g in row.iter() {
        if let Some(prev) = last {
            // The same character again where it stands: bold faked by overprinting.
            // (Within half its width: `ll` is two letters.)
            if prev.ch == g.ch && (g.x - prev.x).abs() < (0.5 * g.w).min(0.3 * g.size) {
                if let Some((_, bold, _)) = current.as_mut() {
                    *bold += 1;
                }
                continue;
            }
        }
        let gap = last.map_or(f32::INFINITY, |p| g.x - (p.x + p.w));
        let size = last.map_or(g.size, |p| p.size.max(g.size));
        if gap > 0.9 * size
            && let Some(done) = current.take()
        {
            out.push(finish(done));
        }
        match current.as_mut() {
            None => {
                current = Some((
                    Fragment {
                        x0: g.x,
                        x1: g.x + g.w,
                        y: g.y,
                        size: g.size,
                        text: g.ch.to_string(),
                        bold: false,
                        bold_tail: if g.bold { 0 } else { g.ch.len_utf8() },
                        top: 0.0,
                        bottom: 0.0,
                    },
                    usize::from(g.bold),
                    1,
                ));
            }
            Some((f, bold, count)) => {
                let before = f.text.chars().next_back();
                // A word gap between Latin words is a space; justification between
                // ideographs is not.
                let latin = !(before.is_some_and(is_wide) && is_wide(g.ch));
                if latin && gap > 0.15 * size && before != Some(' ') && g.ch != ' ' {
                    f.text.push(' ');
                }
                // Spaces drawn one after another (a tab stop, a justified gap) are one.
                if g.ch == ' ' && f.text.ends_with(' ') {
                    last = Some(g);
                    continue;
                }
                if !g.bold {
                    f.bold_tail = f.text.len() + g.ch.len_utf8();
                }
                f.text.push(g.ch);
                f.x1 = f.x1.max(g.x + g.w);
                f.size = f.size.max(g.size);
                *bold += usize::from(g.bold);
                *count += 1;
            }
        }
        last = Some(g);
    }
    if let Some(done) = current.take() {
        out.push(finish(done));
    }
    row.clear();
}

fn finish((mut f, bold, count): (Fragment, usize, usize)) -> Fragment {
    f.bold = bold * 2 > count;
    f
}

/// The size most of the page's characters are set in.
fn body_size(fragments: &[Fragment]) -> f32 {
    let mut counts: std::collections::HashMap<i32, usize> = std::collections::HashMap::new();
    for f in fragments {
        let key = (f.size * 10.0).round() as i32;
        *counts.entry(key).or_default() += f.text.chars().count();
    }
    // The most characters; of sizes as common, the smallest (the same answer every run).
    counts
        .iter()
        .max_by_key(|&(k, c)| (*c, std::cmp::Reverse(*k)))
        .map_or(10.0, |(k, _)| *k as f32 / 10.0)
}

/// The distance between the baselines of body lines in a column (the median).
fn line_pitch(fragments: &[Fragment], body: f32) -> f32 {
    let mut lines: Vec<(i32, f32)> = fragments
        .iter()
        .filter(|f| (f.size - body).abs() <= 0.15 * body)
        .map(|f| ((f.x0 / body).round() as i32, f.y))
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    let mut steps: Vec<f32> = lines
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[0].1 - w[1].1)
        .filter(|d| *d > 0.9 * body && *d < 2.5 * body)
        .collect();
    if steps.is_empty() {
        return 1.2 * body;
    }
    let mid = steps.len() / 2;
    steps.select_nth_unstable_by(mid, f32::total_cmp);
    steps[mid]
}

/// The paper's name: the largest type, twice the body size or more, in the top third.
fn masthead(fragments: &[Fragment], body: f32, height: f32) -> Option<usize> {
    let (i, f) = fragments
        .iter()
        .enumerate()
        .filter(|(_, f)| f.y > height * 2.0 / 3.0 && f.size >= 2.0 * body)
        .max_by(|a, b| a.1.size.total_cmp(&b.1.size))?;
    let name = f.text.trim();
    (name.chars().count() >= 2 && name.chars().count() <= 24).then_some(i)
}

/// A module of the page: a headline and what is set under it, or a stretch that starts
/// something (an indented paragraph, a caption under a picture), with what goes on from it.
#[derive(Debug)]
struct Module {
    top: f32,
    left: f32,
    /// It starts something; a stretch that does not goes on from the module before it.
    opens: bool,
    stretches: Vec<Vec<usize>>,
}

impl Module {
    fn append(&mut self, mut other: Module) {
        self.stretches.append(&mut other.stretches);
    }
}

/// How the page is cut: its fragments, sizes and pictures.
struct Cutting<'a> {
    fragments: &'a [Fragment],
    boxes: &'a [walk::Rect],
    body: f32,
    pitch: f32,
}

/// The fragments in reading order, as stretches (indices into `fragments`).
fn cut(fragments: &[Fragment], boxes: &[walk::Rect], body: f32, pitch: f32) -> Vec<Vec<usize>> {
    let cutting = Cutting {
        fragments,
        boxes,
        body,
        pitch,
    };
    cutting
        .modules((0..fragments.len()).collect(), 0)
        .into_iter()
        .flat_map(|m| m.stretches)
        .collect()
}

impl Cutting<'_> {
    /// The modules of `region`, in reading order.
    fn modules(&self, region: Vec<usize>, depth: usize) -> Vec<Module> {
        let (across, down) = (0.3 * self.pitch, 0.6 * self.body);
        if depth >= MAX_CUTS || region.len() < 2 {
            return vec![self.leaf(region)];
        }
        let bands = side_by_side(
            split(&region, self.fragments, across, Axis::Across),
            self.fragments,
            self.body,
            down,
        );
        let parts = split(&region, self.fragments, down, Axis::Down);
        // Narrow white across columns is the spacing of a subheading or a paragraph that
        // happens to fall at one height in each: the columns are cut first. Modules are set
        // apart by more.
        let clear = self.widest_gap(&bands) >= 0.8 * self.pitch;
        if bands.len() > 1 && (parts.len() < 2 || clear) {
            // Bands are read top to bottom; a headline's band goes with the band under it.
            let mut out: Vec<Module> = Vec::new();
            let mut head: Option<Module> = None;
            for band in bands {
                let headlines = self.only_headlines(&band);
                let mut modules = self.modules(band, depth + 1).into_iter();
                if let Some(mut h) = head.take() {
                    if let Some(first) = modules.next() {
                        h.append(first);
                    }
                    h.opens = true;
                    out.push(h);
                }
                if headlines {
                    let mut h = modules.next();
                    for m in modules {
                        if let Some(h) = h.as_mut() {
                            h.append(m);
                        }
                    }
                    head = h;
                    continue;
                }
                for m in modules {
                    match out.last_mut() {
                        Some(last) if !m.opens => last.append(m),
                        _ => out.push(m),
                    }
                }
            }
            out.extend(head);
            return out;
        }
        if parts.len() > 1 {
            // Columns: what goes on from the column before stays with it; the modules are
            // then read by where they start, top to bottom, left to right. A narrower column
            // that runs the region's height as one module beside them is a sidebar, read
            // after what stands to its left.
            let f = self.fragments;
            let extent = |part: &[usize]| {
                let b = bounds(f, part);
                (b.top - b.bottom, b.right - b.left)
            };
            let height = extent(&region).0;
            let mut out: Vec<Module> = Vec::new();
            let mut group: Vec<Module> = Vec::new();
            let mut width_before = f32::INFINITY;
            for part in parts {
                let (tall, wide) = extent(&part);
                let mut modules = Vec::new();
                for m in self.modules(part, depth + 1) {
                    match modules.last_mut().or(group.last_mut()) {
                        Some(last) if !m.opens => last.append(m),
                        _ => modules.push(m),
                    }
                }
                let sidebar = !group.is_empty()
                    && modules.len() == 1
                    && wide < 0.9 * width_before
                    && tall >= 0.9 * height;
                if sidebar {
                    out.extend(by_top(std::mem::take(&mut group), 2.0 * self.pitch));
                    out.append(&mut modules);
                } else {
                    group.append(&mut modules);
                }
                width_before = wide;
            }
            out.extend(by_top(group, 2.0 * self.pitch));
            return out;
        }
        vec![self.leaf(region)]
    }

    /// The widest white between consecutive bands.
    fn widest_gap(&self, bands: &[Vec<usize>]) -> f32 {
        let f = self.fragments;
        bands
            .windows(2)
            .map(|w| {
                let above = w[0]
                    .iter()
                    .map(|&i| f[i].bottom)
                    .fold(f32::INFINITY, f32::min);
                let below = w[1]
                    .iter()
                    .map(|&i| f[i].top)
                    .fold(f32::NEG_INFINITY, f32::max);
                above - below
            })
            .fold(0.0, f32::max)
    }

    /// A stretch read as it stands: top to bottom, left to right.
    fn leaf(&self, mut region: Vec<usize>) -> Module {
        let f = self.fragments;
        region.sort_by(|&a, &b| {
            let (a, b) = (&f[a], &f[b]);
            b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0))
        });
        let Bounds { top, left, .. } = bounds(f, &region);
        let body_left = region
            .iter()
            .filter(|&&i| f[i].size < HEADLINE * self.body)
            .map(|&i| f[i].x0)
            .fold(f32::INFINITY, f32::min);
        let body_right = region
            .iter()
            .filter(|&&i| f[i].size < HEADLINE * self.body)
            .map(|&i| f[i].x1)
            .fold(f32::NEG_INFINITY, f32::max);
        let picture = region.first().and_then(|&i| self.picture_over(&f[i]));
        // A paragraph's indent: the first line starts an em or two in and runs to the edge
        // (a centred line, a subheading, starts further in or stops short).
        let indented = |first: &Fragment| {
            let indent = (first.x0 - body_left) / first.size;
            (1.2..=3.5).contains(&indent) && first.x1 >= body_right - first.size
        };
        let opens = picture.is_some()
            || region.first().is_some_and(|&i| {
                let first = &f[i];
                first.size >= HEADLINE * self.body || indented(first)
            });
        Module {
            // A caption's module starts with its picture.
            top: picture.map_or(top, |p| p.max(top)),
            left,
            opens,
            stretches: vec![region],
        }
    }

    /// The top of the picture the fragment is a caption of: inside its frame, or just under it.
    fn picture_over(&self, f: &Fragment) -> Option<f32> {
        self.boxes
            .iter()
            .filter(|b| {
                f.x0 >= b.x0 - self.body
                    && f.x0 <= b.x1
                    && f.top <= b.y1 + self.pitch
                    && f.top >= b.y0 - 2.0 * self.pitch
            })
            .map(|b| b.y1)
            .reduce(f32::max)
    }

    fn only_headlines(&self, band: &[usize]) -> bool {
        band.iter().all(|&i| {
            let f = &self.fragments[i];
            f.size >= HEADLINE * self.body || f.text.trim_start().starts_with('—')
        })
    }
}

/// The box the fragments `part` fill.
struct Bounds {
    top: f32,
    bottom: f32,
    left: f32,
    right: f32,
}

fn bounds(f: &[Fragment], part: &[usize]) -> Bounds {
    let mut b = Bounds {
        top: f32::NEG_INFINITY,
        bottom: f32::INFINITY,
        left: f32::INFINITY,
        right: f32::NEG_INFINITY,
    };
    for &i in part {
        b.top = b.top.max(f[i].top);
        b.bottom = b.bottom.min(f[i].bottom);
        b.left = b.left.min(f[i].x0);
        b.right = b.right.max(f[i].x1);
    }
    b
}

/// `modules` by where they start: the highest first; of those starting within `tolerance` of
/// it, the leftmost.
fn by_top(mut modules: Vec<Module>, tolerance: f32) -> Vec<Module> {
    if modules.len() > 512 {
        // A page of that many modules is no newspaper page: by top alone, in bounded time.
        modules.sort_by(|a, b| b.top.total_cmp(&a.top));
        return modules;
    }
    let mut out = Vec::with_capacity(modules.len());
    while !modules.is_empty() {
        let top = modules
            .iter()
            .map(|m| m.top)
            .fold(f32::NEG_INFINITY, f32::max);
        let next = modules
            .iter()
            .enumerate()
            .filter(|(_, m)| m.top >= top - tolerance)
            .min_by(|a, b| a.1.left.total_cmp(&b.1.left))
            .map_or(0, |(k, _)| k);
        out.push(modules.remove(next));
    }
    out
}

/// `bands` with each band of headlines side by side (two modules' headlines that happen to end
/// at one height) joined to the band under it: cut there, the headlines would be read before
/// both their bodies.
fn side_by_side(
    bands: Vec<Vec<usize>>,
    fragments: &[Fragment],
    body: f32,
    down: f32,
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(bands.len());
    let mut held: Vec<usize> = Vec::new();
    let count = bands.len();
    for (k, mut band) in bands.into_iter().enumerate() {
        if !held.is_empty() {
            held.append(&mut band);
            band = std::mem::take(&mut held);
        }
        let headlines = band.iter().all(|&i| {
            let f = &fragments[i];
            f.size >= HEADLINE * body || f.text.trim_start().starts_with('—')
        });
        if k + 1 < count && headlines && split(&band, fragments, down, Axis::Down).len() > 1 {
            held = band;
        } else {
            out.push(band);
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Axis {
    /// Bands, top to bottom, at white space across the whole region.
    Across,
    /// Columns, left to right, at gutters down the whole region.
    Down,
}

/// `region` cut at every gap of at least `gap` along `axis`.
fn split(region: &[usize], fragments: &[Fragment], gap: f32, axis: Axis) -> Vec<Vec<usize>> {
    // Each fragment as an interval along the cut's direction, in reading order.
    let span = |i: usize| {
        let f = &fragments[i];
        match axis {
            Axis::Across => (-f.top, -f.bottom),
            Axis::Down => (f.x0, f.x1),
        }
    };
    let mut sorted: Vec<usize> = region.to_vec();
    sorted.sort_by(|&a, &b| span(a).0.total_cmp(&span(b).0));
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for i in sorted {
        let (start, end) = span(i);
        if parts.is_empty() || start - reach >= gap {
            parts.push(Vec::new());
        }
        if let Some(part) = parts.last_mut() {
            part.push(i);
        }
        reach = reach.max(end);
    }
    parts
}

/// A stretch's fragments as lines, top to bottom.
fn lines(stretch: Vec<&Fragment>) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    // The largest size in the last line so far (kept as it grows: a line may have many parts).
    let mut size = 0.0f32;
    for f in stretch {
        match lines.last_mut() {
            Some(line) if (line.parts[0].y - f.y).abs() <= 0.3 * f.size.min(size) => {
                line.parts.push(f);
                size = size.max(f.size);
            }
            _ => {
                lines.push(Line { parts: vec![f] });
                size = f.size;
            }
        }
    }
    for line in &mut lines {
        line.parts.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// The reading of a page's stretches, one after the other.
#[derive(Debug, Default)]
struct Reading {
    /// The page's column width (what most body lines measure).
    column: f32,
    /// The last body line ran to its column's right edge: its paragraph may go on.
    open: bool,
    /// It ended a space short of the edge.
    spaced: bool,
    /// The room it left before the edge.
    room: f32,
    /// Its baseline and right end.
    last: Option<(f32, f32)>,
}

impl Reading {
    fn stretch(&mut self, lines: &[Line<'_>], body: f32, out: &mut Vec<Paragraph>) {
        let Some(left) = lines
            .iter()
            .filter(|l| l.size() < HEADLINE * body)
            .map(Line::x0)
            .reduce(f32::min)
        else {
            // Headlines only.
            for line in lines {
                self.headline(line, out);
            }
            return;
        };
        let right = lines.iter().map(Line::x1).fold(left, f32::max);
        let lone = lines.len() == 1;
        // A stretch of short lines (an information block, a list of names) is read line by
        // line: only a column's full lines run on.
        let narrow = right - left < 0.75 * self.column;
        if lone && self.credit_beside(&lines[0], body, out) {
            return;
        }
        for line in lines {
            let size = line.size();
            if size >= HEADLINE * body {
                self.headline(line, out);
                continue;
            }
            let indented = line.x0() - left >= 1.2 * size;
            // The body's last part set apart at the right: a byline.
            let (text, credit) = line_text(line, size);
            // The paragraph goes on when this line's first word would not have fitted where
            // the line before stopped (a justified line leaves no room; a ragged one, less than
            // the word that was carried over).
            let continues = self.open
                && !indented
                && first_word(line, &text) > self.room
                && out
                    .last()
                    .is_some_and(|p| p.kind == Kind::Body && (p.size - size).abs() <= 0.05 * size)
                && !text.is_empty();
            let bold = line.parts.iter().all(|p| p.bold) && credit.is_none();
            let flush_right = line.x1() >= right - size && line.x0() > left + 2.5 * size;
            // Centred, and further in than a paragraph's indent.
            let centred = (line.x0() - left - (right - line.x1())).abs() <= size
                && line.x0() - left >= 3.0 * size;
            let marker = rules::jump_line(&text).is_some() || rules::is_page_furniture(&text);
            if continues {
                if let Some(p) = out.last_mut() {
                    join(&mut p.text, &text, self.spaced);
                }
            } else if !lone && (bold || centred) && !flush_right && !ends_sentence(&text) && !marker
            {
                // A line of its own in bold or centred inside an article: a subheading.
                out.push(Paragraph {
                    kind: Kind::Subheading,
                    text,
                    size,
                });
            } else {
                let text = if bold && lone && !flush_right {
                    format!("**{}**", text.trim())
                } else {
                    text
                };
                out.push(Paragraph {
                    kind: Kind::Body,
                    text,
                    size,
                });
            }
            // A line that ends short of the column, or with a byline, ends its paragraph; so
            // does one set to the right (a byline alone) or centred.
            let from_left = line.x0() <= left + 2.5 * size;
            self.open = from_left && credit.is_none() && !lone && !narrow && !marker;
            self.room = right - line.x1();
            self.spaced = line.x1() < right - 0.2 * size;
            self.last = Some((line.parts[0].y, line.x1()));
            if let Some(credit) = credit.filter(|c| !c.trim().is_empty())
                && let Some(p) = out.last_mut()
            {
                p.text.push_str("**");
                p.text.push_str(credit.trim());
                p.text.push_str("**");
            }
        }
    }

    /// A short line alone, on the baseline of the last line read and to its right, after a
    /// sentence's end or in bold: that line's byline, set apart (a photo's credit beside its
    /// caption).
    fn credit_beside(&mut self, line: &Line<'_>, body: f32, out: &mut [Paragraph]) -> bool {
        let size = line.size();
        let Some((y, x1)) = self.last else {
            return false;
        };
        let (text, _) = line_text(line, size);
        let Some(p) = out.last_mut() else {
            return false;
        };
        let beside = (line.parts[0].y - y).abs() <= 0.3 * size && line.x0() >= x1 + size;
        let bold = line.parts.iter().all(|f| f.bold);
        if !beside
            || size >= HEADLINE * body
            || p.kind != Kind::Body
            || text.chars().count() > 16
            || !(bold || ends_sentence(&p.text))
        {
            return false;
        }
        p.text.push_str("**");
        p.text.push_str(text.trim());
        p.text.push_str("**");
        self.open = false;
        true
    }

    fn headline(&mut self, line: &Line<'_>, out: &mut Vec<Paragraph>) {
        let size = line.size();
        let text = line
            .parts
            .iter()
            .map(|p| p.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
        self.open = false;
        if let Some(p) = out.last_mut()
            && p.kind == Kind::Headline
            && (p.size - size).abs() <= 0.1 * size
        {
            join(&mut p.text, &text, false);
            return;
        }
        out.push(Paragraph {
            kind: Kind::Headline,
            text,
            size,
        });
    }
}

/// How wide the first word of `line` (whose text is `text`) is set: a Latin word, or an ideograph
/// with the marks that may not start a line after it.
fn first_word(line: &Line<'_>, text: &str) -> f32 {
    let chars = text.chars().count().max(1) as f32;
    let per_char = (line.x1() - line.x0()) / chars;
    let first = text.chars().next();
    if first.is_some_and(is_wide) {
        let marks = text
            .chars()
            .skip(1)
            .take_while(|c| "，。、；：！？）》」』】”’…,.;:!?)".contains(*c))
            .count();
        (1 + marks) as f32 * per_char
    } else {
        // A word, and the space before it.
        let n = text
            .chars()
            .take_while(|c| !c.is_whitespace())
            .count()
            .max(1);
        (n + 1) as f32 * per_char
    }
}

/// The text ends a sentence.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['。', '！', '？', '”', '.', '!', '?', '）', ')', '；', '…'])
}

/// What most body lines measure: the column width.
fn column_width(fragments: &[Fragment], body: f32) -> f32 {
    let mut widths: Vec<f32> = fragments
        .iter()
        .filter(|f| (f.size - body).abs() <= 0.15 * body)
        .map(|f| f.x1 - f.x0)
        .collect();
    if widths.is_empty() {
        return 0.0;
    }
    let mid = widths.len() / 2;
    widths.select_nth_unstable_by(mid, f32::total_cmp);
    widths[mid]
}

/// A body line's text, and its byline: a last fragment set apart after a sentence's end (or in
/// bold) at the right.
fn line_text(line: &Line<'_>, size: f32) -> (String, Option<String>) {
    let mut parts: Vec<&Fragment> = line.parts.clone();
    let mut credit = None;
    if parts.len() > 1 {
        let last = parts[parts.len() - 1];
        let before = parts[parts.len() - 2];
        let ended = before
            .text
            .trim_end()
            .ends_with(['。', '！', '？', '”', '.', '!', '?', '）', ')']);
        if last.x0 - before.x1 >= 0.9 * size && (ended || last.bold) {
            credit = Some(last.text.clone());
            parts.pop();
        }
    }
    // Bold at the end of a sentence, in a line that is not: a byline set close.
    if credit.is_none()
        && let Some(&last) = parts.last()
        && last.bold_tail > 0
        && last.bold_tail < last.text.len()
        && !last.bold
        && last.text[..last.bold_tail]
            .trim_end()
            .ends_with(['。', '！', '？', '”', '.', '!', '?', '）', ')'])
    {
        credit = Some(last.text[last.bold_tail..].to_string());
        let mut cut = last.clone();
        cut.text.truncate(last.bold_tail);
        let mut text = String::new();
        for p in &parts[..parts.len() - 1] {
            join(&mut text, p.text.trim(), true);
        }
        join(&mut text, cut.text.trim(), true);
        return (text, credit);
    }
    let mut text = String::new();
    for p in parts {
        join(&mut text, p.text.trim(), true);
    }
    (text, credit)
}

/// Appends `next` to `text`: nothing between ideographs, a space between words. `spaced`: the
/// line before ended a space short of its column (the space it broke at is not drawn).
fn join(text: &mut String, next: &str, spaced: bool) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let (Some(before), Some(after)) = (text.chars().next_back(), next.chars().next()) else {
        text.push_str(next);
        return;
    };
    // An English word (two letters or more, some lowercase; an acronym or a number is set
    // tight to Chinese).
    let word = |s: &mut dyn Iterator<Item = char>| {
        let w: Vec<char> = s.take_while(|c| c.is_ascii_alphabetic()).collect();
        w.len() >= 2 && w.iter().any(char::is_ascii_lowercase)
    };
    let space = if before == ' ' || before == '-' {
        false
    } else if is_wide(before) || is_wide(after) {
        // Chinese on one side: a space only between a Latin word and Chinese, where the line
        // broke at one (it ended short of its column) or beside an English word (the break
        // took the space typed there).
        (before.is_ascii_alphanumeric() && (spaced || word(&mut text.chars().rev())))
            || (after.is_ascii_alphanumeric() && (spaced || word(&mut next.chars())))
    } else {
        // Between words, unless the text on either side is Chinese (`赛,` `“五小”`,
        // `——` `“金彩`): marks take the script of the words beside them.
        let left = text.chars().rev().take(8).find(|c| c.is_alphanumeric());
        let right = next.chars().take(8).find(|c| c.is_alphanumeric());
        matches!((left, right), (Some(l), Some(r)) if !is_wide(l) && !is_wide(r))
    };
    if space {
        text.push(' ');
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, size: f32, bold: bool) -> Vec<Glyph> {
        let mut at = x;
        text.chars()
            .map(|ch| {
                let w = if ch.is_ascii() { 0.25 * size } else { size };
                let g = Glyph {
                    ch,
                    x: at,
                    y: 700.0,
                    w,
                    size,
                    bold,
                };
                at += w;
                g
            })
            .collect()
    }

    #[test]
    fn bold_faked_by_overprinting_counts_once_and_double_letters_stay() {
        let mut drawn = glyphs("职工之家。", 30.0, 10.0, false);
        // The byline drawn twice, the second a third of a point to the right.
        drawn.extend(glyphs("太仓市总", 90.0, 10.0, false));
        drawn.extend(glyphs("太仓市总", 90.3, 10.0, false));
        let all = fragments(&drawn);
        let texts: Vec<(&str, bool)> = all.iter().map(|f| (f.text.as_str(), f.bold)).collect();
        assert_eq!(texts, [("职工之家。", false), ("太仓市总", true)]);
        let all = fragments(&glyphs("call all", 30.0, 10.0, false));
        assert_eq!(all[0].text, "call all");
    }

    fn joined(a: &str, b: &str, spaced: bool) -> String {
        let mut t = a.to_string();
        join(&mut t, b, spaced);
        t
    }

    #[test]
    fn lines_join_as_their_scripts_ask() {
        // Chinese runs on; ASCII marks in Chinese text take its script.
        assert_eq!(joined("部门提醒", ",冬季是", false), "部门提醒,冬季是");
        assert_eq!(joined("技能竞赛,", "“五小”", false), "技能竞赛,“五小”");
        assert_eq!(joined("项目——", "“金彩服务”", true), "项目——“金彩服务”");
        // Words get their space; a hyphen joins.
        assert_eq!(joined("the union", "said", false), "the union said");
        assert_eq!(joined("end.", "Next", false), "end. Next");
        assert_eq!(joined("well-", "known", false), "well-known");
        // An English word beside Chinese keeps the space the break took; an acronym or a
        // number is set tight, unless the line ended a space short.
        assert_eq!(
            joined("工作情况 and", "意见建议", false),
            "工作情况 and 意见建议"
        );
        assert_eq!(joined("办理", "OH卡", false), "办理OH卡");
        assert_eq!(joined("截至2023", "年", false), "截至2023年");
        assert_eq!(joined("使用 App", "下单", true), "使用 App 下单");
    }
}
