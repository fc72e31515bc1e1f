//! A page's content stream walked as a PDF viewer draws it, keeping what the layout needs: each
//! character with its place, width and size on the page, whether it is set bold, and the boxes
//! drawn or images placed (a photo's frame).
//!
//! The walk follows the graphics state (`q`/`Q`, `cm`), the text state (`Tf`, `Tc`, `Tw`, `Tz`,
//! `TL`, `Ts`, `Tr`) and the text positioning and showing operators; form XObjects are walked
//! in turn, a few levels deep. A stream of any size or nesting ends in bounded time: the walk
//! stops after [`MAX_OPS`] operators over the whole document.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::{Font, deref, number};

/// The most operators walked in one document: a newspaper page has some tens of thousands.
pub(super) const MAX_OPS: usize = 20_000_000;

/// How deep form XObjects are followed (a form drawing itself is a cycle).
const MAX_DEPTH: usize = 8;

/// How deep `q` may nest before further saves are ignored.
const MAX_SAVES: usize = 256;

/// The most a content stream may inflate to.
const MAX_STREAM: usize = 64 << 20;

/// The most the content streams of one document may inflate to, all told (a form drawn many
/// times, a stream shared by many pages, counted each time it is read).
const MAX_INFLATED: usize = 1 << 30;

/// The most characters drawn in one document: a 300-page paper draws a few million.
pub(super) const MAX_GLYPHS: usize = 20_000_000;

/// The most characters one code may read as (a ligature is two or three).
const MAX_PER_CODE: usize = 8;

/// The most frames and images a page keeps (the largest): a paper has a few dozen.
const MAX_BOXES: usize = 256;

/// One character drawn on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Glyph {
    pub(super) ch: char,
    /// Its origin on the baseline, in points from the page's bottom left.
    pub(super) x: f32,
    pub(super) y: f32,
    /// Its width on the page.
    pub(super) w: f32,
    /// The size it is set in on the page.
    pub(super) size: f32,
    /// Set in a bold face, or made bold by stroking its outline too.
    pub(super) bold: bool,
}

/// A rectangle on the page, in points from its bottom left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
}

/// What a page draws.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) glyphs: Vec<Glyph>,
    /// Frames drawn and images placed, big enough to hold a picture (the largest
    /// [`MAX_BOXES`]).
    pub(super) boxes: Vec<Rect>,
}

/// An affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other`: `self` applied first.
    fn then(self, other: Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn of(operands: &[Object]) -> Option<Matrix> {
        let n: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
        let m: [f32; 6] = n.get(..6)?.try_into().ok()?;
        m.iter().all(|v| v.is_finite()).then_some(Matrix(m))
    }
}

/// The part of the graphics state the text needs.
#[derive(Debug, Clone, Copy)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    render: i64,
}

impl Default for State {
    fn default() -> State {
        State {
            ctm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render: 0,
        }
    }
}

/// The walk over one document's pages: its fonts read once, its operator budget shared.
pub(super) struct Walker<'a> {
    doc: &'a Document,
    fonts: Vec<Font<'a>>,
    /// Fonts by the object they were read from (a font used on every page is read once), or,
    /// for a font written inside its resources, by where that dictionary lies.
    by_id: HashMap<ObjectId, usize>,
    by_place: HashMap<usize, usize>,
    ops: usize,
    glyphs: usize,
    inflated: usize,
    /// Bytes of embedded font programs still to be inflated for their `cmap`s.
    font_budget: usize,
}

impl<'a> Walker<'a> {
    pub(super) fn new(doc: &'a Document) -> Walker<'a> {
        Walker {
            doc,
            fonts: Vec::new(),
            by_id: HashMap::new(),
            by_place: HashMap::new(),
            ops: 0,
            glyphs: 0,
            inflated: 0,
            font_budget: super::fonts::FONT_BUDGET,
        }
    }

    /// The budget is spent: what follows is not walked.
    pub(super) fn exhausted(&self) -> bool {
        self.ops >= MAX_OPS || self.glyphs >= MAX_GLYPHS || self.inflated >= MAX_INFLATED
    }

    /// What page `id` draws.
    pub(super) fn page(&mut self, id: ObjectId) -> Page {
        let doc = self.doc;
        let mut page = Page::default();
        let dict = doc.get_dictionary(id).ok();
        let media = dict
            .and_then(|d| inherited(d, b"MediaBox", doc))
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().filter_map(|o| number(o, doc)).collect::<Vec<_>>())
            .filter(|b| b.len() == 4)
            .unwrap_or_else(|| vec![0.0, 0.0, 612.0, 792.0]);
        page.width = (media[2] - media[0]).abs().max(1.0);
        page.height = (media[3] - media[1]).abs().max(1.0);
        // Everything is placed from the media box's corner.
        let origin = Matrix::translate(-media[0].min(media[2]), -media[1].min(media[3]));
        let resources: Vec<&Dictionary> = dict
            .and_then(|d| inherited(d, b"Resources", doc))
            .and_then(|o| o.as_dict().ok())
            .into_iter()
            .collect();
        let content = doc
            .get_page_content_with_limit(id, MAX_STREAM)
            .unwrap_or_default();
        self.inflated += content.len();
        let state = State {
            ctm: origin,
            ..State::default()
        };
        self.stream(&content, &resources, state, 0, &mut page);
        page
    }

    fn stream(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        start: State,
        depth: usize,
        page: &mut Page,
    ) {
        let mut state = start;
        let mut saved: Vec<State> = Vec::new();
        // Saves beyond the limit, not kept: their restores are skipped too.
        let mut unsaved = 0usize;
        let mut tm = Matrix::IDENTITY;
        let mut line = Matrix::IDENTITY;
        let mut path: Vec<Rect> = Vec::new();
        // Read an operator at a time: a stream is never held as operators whole, and what
        // comes before a broken part is drawn.
        for op in Content::decode_iter(content) {
            let Ok(op) = op else {
                return;
            };
            self.ops += 1;
            if self.exhausted() {
                return;
            }
            let operands = &op.operands;
            let num = |i: usize| operands.get(i).and_then(|o| o.as_float().ok());
            match op.operator.as_str() {
                "q" if saved.len() < MAX_SAVES => saved.push(state),
                "q" => unsaved += 1,
                "Q" if unsaved > 0 => unsaved -= 1,
                "Q" => state = saved.pop().unwrap_or(state),
                "cm" => {
                    if let Some(m) = Matrix::of(operands) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    line = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                    state.size = num(1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Tr" => state.render = operands.first().and_then(|o| o.as_i64().ok()).unwrap_or(0),
                "Td" | "TD" => {
                    let (x, y) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        state.leading = -y;
                    }
                    line = Matrix::translate(x, y).then(line);
                    tm = line;
                }
                "Tm" => {
                    if let Some(m) = Matrix::of(operands) {
                        line = m;
                        tm = m;
                    }
                }
                "T*" => {
                    line = Matrix::translate(0.0, -state.leading).then(line);
                    tm = line;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0).unwrap_or(state.word_spacing);
                            state.char_spacing = num(1).unwrap_or(state.char_spacing);
                        }
                        line = Matrix::translate(0.0, -state.leading).then(line);
                        tm = line;
                    }
                    if let Some(Object::String(bytes, _)) = operands.last() {
                        self.show(bytes, &state, &mut tm, page);
                    }
                }
                "TJ" => {
                    let Some(Object::Array(items)) = operands.first() else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => self.show(bytes, &state, &mut tm, page),
                            other => {
                                if let Ok(n) = other.as_float() {
                                    let tx = -n / 1000.0 * state.size * state.scale;
                                    tm = Matrix::translate(tx, 0.0).then(tm);
                                }
                            }
                        }
                    }
                }
                "re" => {
                    if let (Some(x), Some(y), Some(w), Some(h)) = (num(0), num(1), num(2), num(3)) {
                        path.push(placed(state.ctm, x, y, x + w, y + h));
                    }
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "S" | "s" => {
                    for frame in path.drain(..).filter(is_frame) {
                        keep_box(&mut page.boxes, frame);
                    }
                }
                "n" => path.clear(),
                "Do" => {
                    let Some(name) = operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    self.xobject(resources, name, state, depth, page);
                }
                _ => {}
            }
        }
    }

    /// Draws the characters of `bytes` in the current font, moving the text matrix on.
    fn show(&mut self, bytes: &[u8], state: &State, tm: &mut Matrix, page: &mut Page) {
        let Some(font) = state.font.and_then(|f| self.fonts.get(f)) else {
            return;
        };
        let bold = font.bold || matches!(state.render, 2 | 6);
        let size = state.size;
        let scale = state.scale;
        let mut drawn = 0;
        font.codes(bytes, |code| {
            let m = tm.then(state.ctm);
            let render = Matrix([size * scale, 0.0, 0.0, size, 0.0, state.rise]).then(m);
            let (x, y) = (render.0[4], render.0[5]);
            let [a, b, c, d, ..] = m.0;
            let across = a.hypot(b);
            let page_size = (size * c.hypot(d)).abs();
            let advance = (code.width * size
                + state.char_spacing
                + if code.space { state.word_spacing } else { 0.0 })
                * scale;
            let width = (code.width * size * scale * across).abs();
            let count = code.text.chars().take(MAX_PER_CODE).count().max(1) as f32;
            for (k, ch) in code.text.chars().take(MAX_PER_CODE).enumerate() {
                if ch.is_control() {
                    continue;
                }
                drawn += 1;
                page.glyphs.push(Glyph {
                    ch,
                    x: x + width / count * k as f32,
                    y,
                    w: width / count,
                    size: page_size,
                    bold,
                });
            }
            *tm = Matrix::translate(advance, 0.0).then(*tm);
        });
        self.glyphs += drawn;
    }

    /// The font named `name` in `resources`, read on first use.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<usize> {
        let doc = self.doc;
        for res in resources {
            let Some(fonts) = res
                .get(b"Font")
                .ok()
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_dict().ok())
            else {
                continue;
            };
            let Ok(entry) = fonts.get(name) else {
                continue;
            };
            let id = entry.as_reference().ok();
            let dict = deref(entry, doc)?.as_dict().ok()?;
            let place = std::ptr::from_ref(dict) as usize;
            let known = match id {
                Some(id) => self.by_id.get(&id),
                None => self.by_place.get(&place),
            };
            if let Some(&known) = known {
                return Some(known);
            }
            self.fonts.push(Font::new(dict, doc, &mut self.font_budget));
            let at = self.fonts.len() - 1;
            match id {
                Some(id) => self.by_id.insert(id, at),
                None => self.by_place.insert(place, at),
            };
            return Some(at);
        }
        None
    }

    /// An image's place, or a form's drawing.
    fn xobject(
        &mut self,
        resources: &[&'a Dictionary],
        name: &[u8],
        state: State,
        depth: usize,
        page: &mut Page,
    ) {
        let doc = self.doc;
        let Some(stream) = resources.iter().find_map(|res| {
            res.get(b"XObject")
                .ok()
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_dict().ok())
                .and_then(|x| x.get(name).ok())
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_stream().ok())
        }) else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(|o| o.as_name()).ok();
        match subtype {
            Some(b"Image") => {
                let frame = placed(state.ctm, 0.0, 0.0, 1.0, 1.0);
                if is_frame(&frame) {
                    keep_box(&mut page.boxes, frame);
                }
            }
            Some(b"Form") if depth < MAX_DEPTH => {
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| deref(o, doc))
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| Matrix::of(a))
                    .unwrap_or(Matrix::IDENTITY);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| deref(o, doc))
                    .and_then(|o| o.as_dict().ok());
                let mut inner: Vec<&Dictionary> = own.into_iter().collect();
                inner.extend_from_slice(resources);
                let Ok(content) = stream.decompressed_content_with_limit(MAX_STREAM) else {
                    return;
                };
                self.inflated += content.len();
                let state = State {
                    ctm: matrix.then(state.ctm),
                    ..state
                };
                self.stream(&content, &inner, state, depth + 1, page);
            }
            _ => {}
        }
    }
}

/// The rectangle `(x0, y0)–(x1, y1)` in user space, placed on the page by `ctm`.
fn placed(ctm: Matrix, x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
    let (ax, ay) = ctm.apply(x0, y0);
    let (bx, by) = ctm.apply(x1, y1);
    Rect {
        x0: ax.min(bx),
        y0: ay.min(by),
        x1: ax.max(bx),
        y1: ay.max(by),
    }
}

/// Adds `frame` to a page's boxes, keeping the [`MAX_BOXES`] largest.
fn keep_box(boxes: &mut Vec<Rect>, frame: Rect) {
    let area = |r: &Rect| (r.x1 - r.x0) * (r.y1 - r.y0);
    if boxes.len() < MAX_BOXES {
        boxes.push(frame);
    } else if let Some(smallest) = boxes
        .iter_mut()
        .min_by(|a, b| area(a).total_cmp(&area(b)))
        .filter(|s| area(s) < area(&frame))
    {
        *smallest = frame;
    }
}

/// Big enough to frame a picture (not a rule, a bullet or a background speck).
fn is_frame(r: &Rect) -> bool {
    r.x1 - r.x0 >= 24.0 && r.y1 - r.y0 >= 24.0
}

/// A page attribute, looked up the page tree (`/MediaBox`, `/Resources` are inherited).
fn inherited<'a>(page: &'a Dictionary, key: &[u8], doc: &'a Document) -> Option<&'a Object> {
    let mut dict = page;
    for _ in 0..32 {
        if let Ok(value) = dict.get(key) {
            return deref(value, doc);
        }
        dict = dict
            .get(b"Parent")
            .ok()
            .and_then(|o| deref(o, doc))
            .and_then(|o| o.as_dict().ok())?;
    }
    None
}
