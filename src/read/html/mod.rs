//! HTML pages and the HTML of newsletter emails: parsed by `html5ever` as a browser would,
//! into a tree of our own ([`tree`]), then walked in reading order into the model's blocks;
//! headings and blocks are grouped by [`crate::doc::assemble::headings`], the rules Markdown
//! shares.
//!
//! - `<title>` (else the one `<h1>`) is the document's title; `<h2>`…`<h6>` are headings;
//!   `<p>`, `<li>`, `<blockquote>`, `<pre>`, `<hr>`, `<img>` and data tables become blocks;
//!   `<a href>`, `<strong>`/`<b>`, `<em>`/`<i>`, `<code>`, `<s>`, `<u>` and the same styles
//!   set by a `style` attribute become spans. Whitespace is collapsed as a browser collapses
//!   it, and a line end between two Chinese characters is no space.
//! - Tables that lay a page out (nested, `role="presentation"`, cells holding blocks, a cell a
//!   row) are read cell by cell as blocks; only tables of data stay tables.
//! - Never text: `<head>`, scripts, styles, comments, forms' lists, what a style hides (see
//!   [`hidden`]), tracking pixels and spacers. Nothing is fetched: an image is its alternative
//!   text and its address.
//! - Text passes the one sanitiser, entities decoded first: `&#27;` is no escape.

mod hidden;
mod tree;

use crate::doc::assemble::headings::{self, Meta, Piece};
use crate::doc::assemble::mail;
use crate::doc::{Block, BlockKind, Format, Marker, Newsletter, Span, SpanKind};
use crate::read::inline::{Inline, Nesting, table, tidy};

use hidden::Sheet;
use tree::{DOCUMENT, Data, Id, Tree};

/// Reads an HTML page (decoded, cleaned text). Never fails: any text gives some newsletter.
pub fn parse(html: &str) -> Newsletter {
    let (mut pieces, meta) = read(html);
    let footer = mail::take_furniture(&mut pieces);
    let mut doc = headings::assemble(vec![pieces], meta);
    doc.sections.extend(mail::footer_section(footer));
    doc
}

/// The page's pieces in reading order, and its title and date.
pub(crate) fn read(html: &str) -> (Vec<Piece>, Meta) {
    let tree = Tree::parse(html);
    let mut walker = Walker::new(&tree);
    walker.walk();
    let mut pieces = std::mem::take(&mut walker.pieces);
    let title = settle_title(&mut pieces, walker.title.take());
    let date = walker.date.take().or_else(|| date_in(&pieces));
    let meta = Meta {
        title,
        date,
        format: Format::Html,
    };
    crate::doc::text::pool(&mut pieces);
    (pieces, meta)
}

/// Elements that start and end a block of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "header"
            | "hgroup"
            | "html"
            | "legend"
            | "main"
            | "nav"
            | "p"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
    )
}

/// A list being read: the next item's number, for an ordered one.
struct List {
    next: Option<u32>,
}

/// A table of data being read.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    caption: Option<String>,
}

enum Step {
    Enter(Id),
    Leave(Id),
}

struct Walker<'t> {
    tree: &'t Tree,
    sheet: Sheet,
    pieces: Vec<Piece>,
    inline: Inline,
    /// Styles and links opened and not yet closed: kind, start, url, and the element that
    /// closes them.
    open: Vec<(SpanKind, usize, Option<String>, Id)>,
    lists: Vec<List>,
    /// The marker of each open list item, until its first block takes it.
    items: Vec<Option<Marker>>,
    quote: u8,
    /// Inside `<pre>` (how deep: a `<pre>` in a `<pre>` ends with its own end tag), and its
    /// text so far.
    pre: u32,
    code: String,
    heading: Option<(u8, Id)>,
    /// The table of data being read (one at a time: a table inside a cell makes the outer one
    /// a layout table).
    table: Option<(Table, Id)>,
    /// Inside one of its cells (text between cells, whitespace the parser kept, is dropped).
    cell: bool,
    /// Images met inside the current paragraph, placed after it.
    images: Vec<Block>,
    title: Option<String>,
    date: Option<String>,
}

impl<'t> Walker<'t> {
    fn new(tree: &'t Tree) -> Walker<'t> {
        let mut walker = Walker {
            tree,
            sheet: Sheet::default(),
            pieces: Vec::new(),
            inline: Inline::default(),
            open: Vec::new(),
            lists: Vec::new(),
            items: Vec::new(),
            quote: 0,
            pre: 0,
            code: String::new(),
            heading: None,
            table: None,
            cell: false,
            images: Vec::new(),
            title: None,
            date: None,
        };
        walker.read_head();
        walker
    }

    /// What the walk needs before it starts: the title, the date, the style sheets (wherever
    /// they stand: emails put them in the body).
    fn read_head(&mut self) {
        let tree = self.tree;
        for id in 0..tree.nodes.len() {
            match tree.name(id) {
                "style" => self.sheet.add(&self.text_of(id)),
                "title" if self.title.is_none() && !self.in_svg(id) => {
                    let title = collapse(&self.text_of(id));
                    if !title.is_empty() {
                        self.title = Some(title);
                    }
                }
                "meta" if self.date.is_none() => {
                    let key = tree
                        .attr(id, "name")
                        .or_else(|| tree.attr(id, "property"))
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    if matches!(
                        key.as_str(),
                        "date" | "dc.date" | "article:published_time" | "pubdate" | "dcterms.date"
                    ) {
                        self.date = tree.attr(id, "content").and_then(iso_date);
                    }
                }
                "time" if self.date.is_none() => {
                    self.date = tree.attr(id, "datetime").and_then(iso_date);
                }
                _ => {}
            }
        }
    }

    fn in_svg(&self, mut id: Id) -> bool {
        while let Some(parent) = self.tree.nodes[id].parent {
            if matches!(self.tree.name(parent), "svg" | "math") {
                return true;
            }
            id = parent;
        }
        false
    }

    /// The text inside an element, as it stands.
    fn text_of(&self, id: Id) -> String {
        let mut out = String::new();
        for child in self.tree.children(id) {
            if let Data::Text(t) = &self.tree.nodes[child].data {
                out.push_str(t);
            }
        }
        out
    }

    fn walk(&mut self) {
        let tree = self.tree;
        let mut stack = vec![Step::Enter(DOCUMENT)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => {
                    let descend = match &tree.nodes[id].data {
                        Data::Text(text) => {
                            self.text(text);
                            false
                        }
                        Data::Element { .. } => self.enter(id),
                        Data::Document => true,
                        Data::Other => false,
                    };
                    if descend {
                        stack.push(Step::Leave(id));
                        let mut child = tree.nodes[id].last_child;
                        while let Some(c) = child {
                            stack.push(Step::Enter(c));
                            child = tree.nodes[c].prev;
                        }
                    }
                }
                Step::Leave(id) => self.leave(id),
            }
        }
        self.close_all();
        self.flush();
    }

    /// Whether the element is shown at all.
    fn hidden(&self, id: Id, name: &str) -> bool {
        let tree = self.tree;
        hidden::never_shown(name)
            || tree.attr(id, "hidden").is_some()
            || tree
                .attr(id, "role")
                .is_some_and(|r| r.trim() == "navigation")
            || tree.attr(id, "style").is_some_and(hidden::style_hides)
            || (!self.sheet.is_empty()
                && self
                    .sheet
                    .hides(tree.attr(id, "class"), tree.attr(id, "id")))
    }

    /// Enters an element: whether its children are read.
    fn enter(&mut self, id: Id) -> bool {
        let tree = self.tree;
        let name = tree.name(id);
        if self.hidden(id, name) {
            return false;
        }
        if self.pre > 0 {
            if name == "br" {
                self.code.push('\n');
            } else if is_pre(name) {
                self.pre += 1;
            }
            return true;
        }
        if let Some(level) = heading_level(name) {
            if self.heading.is_none() {
                self.flush();
                self.heading = Some((level, id));
            }
            return true;
        }
        match name {
            "br" => {
                if self.inline.text.ends_with('\n') {
                    // Two line breaks: a new paragraph.
                    self.inline.text.pop();
                    self.flush();
                } else {
                    // The space before a line break is not shown.
                    let kept = self.inline.text.trim_end_matches(' ').len();
                    self.inline.text.truncate(kept);
                    for span in &mut self.inline.spans {
                        span.end = span.end.min(kept);
                    }
                    self.inline.soft_break = false;
                    self.inline.line_break(true);
                }
                return false;
            }
            "hr" => {
                self.flush();
                self.emit(block_piece(Block::new(BlockKind::Rule, "")));
                return false;
            }
            "img" => {
                self.image(id);
                return false;
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                let next = (name == "ol").then(|| {
                    tree.attr(id, "start")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1)
                });
                self.lists.push(List { next });
                return true;
            }
            "li" => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let value = tree.attr(id, "value").and_then(|v| v.trim().parse().ok());
                let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(n) => {
                        let number = value.unwrap_or(*n);
                        *n = number.saturating_add(1);
                        Marker::Number(number)
                    }
                    None => Marker::Bullet((depth % 3) as u8),
                };
                self.items.push(Some(marker));
                return true;
            }
            "blockquote" => {
                self.flush();
                self.quote = self.quote.saturating_add(1);
                return true;
            }
            "pre" | "listing" | "xmp" | "plaintext" => {
                self.flush();
                self.pre = 1;
                self.code.clear();
                return true;
            }
            // A table or a heading inside a heading is read as the heading's text.
            "table" if self.heading.is_some() => return true,
            "table" if self.table.is_none() && self.is_data_table(id) => {
                self.flush();
                self.table = Some((Table::default(), id));
                return true;
            }
            _ => {}
        }
        if self.table.is_some() {
            match name {
                "tr" => {
                    if let Some((t, _)) = self.table.as_mut() {
                        t.row.clear();
                    }
                }
                "td" | "th" | "caption" => {
                    self.inline.clear();
                    self.cell = true;
                }
                _ => {}
            }
        } else if is_block(name) {
            self.block_edge();
        }
        self.open_styles(id, name);
        true
    }

    fn leave(&mut self, id: Id) {
        let name = self.tree.name(id);
        while self.open.last().is_some_and(|o| o.3 == id) {
            if let Some((kind, start, url, _)) = self.open.pop() {
                self.add_span(kind, start, url);
            }
        }
        if self.pre > 0 {
            if is_pre(name) {
                self.pre -= 1;
                if self.pre == 0 {
                    self.end_code();
                }
            }
            return;
        }
        if self.heading.is_some_and(|(_, h)| h == id) {
            self.end_heading();
            return;
        }
        match name {
            "ul" | "ol" | "menu" => {
                self.flush();
                self.lists.pop();
                return;
            }
            "li" => {
                self.flush();
                self.items.pop();
                return;
            }
            "blockquote" => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
                return;
            }
            _ => {}
        }
        if let Some((table, table_id)) = self.table.as_mut() {
            match name {
                "td" | "th" => {
                    let cell = collapse(&self.inline.text);
                    table.row.push(cell);
                    self.inline.clear();
                    self.cell = false;
                }
                "caption" => {
                    let caption = collapse(&self.inline.text);
                    table.caption = (!caption.is_empty()).then_some(caption);
                    self.inline.clear();
                    self.cell = false;
                }
                "tr" => {
                    let row = std::mem::take(&mut table.row);
                    if row.iter().any(|c| !c.is_empty()) {
                        table.rows.push(row);
                    }
                }
                "table" if *table_id == id => {
                    if let Some((table, _)) = self.table.take() {
                        self.end_table(table);
                    }
                }
                _ => {}
            }
        } else if is_block(name) {
            self.block_edge();
        }
    }

    /// A block starts or ends: the one gathered is done, or (in a heading, which ends at its
    /// own end tag) its words are apart.
    fn block_edge(&mut self) {
        if self.heading.is_some() {
            self.inline.push(" ");
        } else {
            self.flush();
        }
    }

    /// Styles the element gives its text: by its name, and by its `style` attribute.
    fn open_styles(&mut self, id: Id, name: &str) {
        let tree = self.tree;
        let start = self.inline.text.len();
        let by_name = match name {
            "strong" | "b" => Some(SpanKind::Strong),
            "em" | "i" | "cite" | "dfn" | "var" => Some(SpanKind::Em),
            "code" | "kbd" | "samp" | "tt" => Some(SpanKind::Code),
            "s" | "strike" | "del" => Some(SpanKind::Strike),
            "u" | "ins" => Some(SpanKind::Underline),
            "a" => {
                if let Some(url) = tree.attr(id, "href").and_then(link_target) {
                    self.open.push((SpanKind::Link, start, Some(url), id));
                }
                None
            }
            _ => None,
        };
        if let Some(kind) = by_name {
            self.open.push((kind, start, None, id));
        }
        if let Some(style) = tree.attr(id, "style") {
            let (bold, italic, strike, underline) = hidden::style_marks(style);
            for (on, kind) in [
                (bold, SpanKind::Strong),
                (italic, SpanKind::Em),
                (strike, SpanKind::Strike),
                (underline, SpanKind::Underline),
            ] {
                if on && by_name != Some(kind) {
                    self.open.push((kind, start, None, id));
                }
            }
        }
    }

    /// A text node: whitespace collapsed as a browser collapses it (a line end between two
    /// Chinese characters is none), the rest sanitised.
    fn text(&mut self, raw: &str) {
        if self.pre > 0 {
            self.code.push_str(raw);
            return;
        }
        if self.table.is_some() && !self.in_cell() {
            return;
        }
        let mut rest = raw;
        while !rest.is_empty() {
            let blank = rest.len() - rest.trim_start_matches(is_blank).len();
            // After a line break, the source's line end and indent are nothing.
            let after_break = self.inline.text.ends_with('\n');
            if blank > 0 && after_break {
                rest = &rest[blank..];
            } else if blank > 0 {
                let run = &rest[..blank];
                if run.contains(['\n', '\r']) {
                    self.inline.soft_break = true;
                } else if run.contains(is_space) {
                    self.inline.push(" ");
                } else {
                    // Zero-width characters alone (a ZWNJ between letters) are kept.
                    self.inline.push(&crate::text::line(run));
                }
                rest = &rest[blank..];
            }
            let word = rest.find(is_blank).unwrap_or(rest.len());
            if word > 0 {
                self.inline.push(&crate::text::line(&rest[..word]));
                rest = &rest[word..];
            }
        }
    }

    /// Inside a data table's cell or caption (where its text goes).
    fn in_cell(&self) -> bool {
        self.cell
    }

    fn image(&mut self, id: Id) {
        let tree = self.tree;
        let src = tree
            .attr(id, "src")
            .or_else(|| tree.attr(id, "data-src"))
            .unwrap_or("");
        let alt = tree.attr(id, "alt").unwrap_or("");
        if hidden::no_picture(
            tree.attr(id, "width"),
            tree.attr(id, "height"),
            tree.attr(id, "style"),
            src,
            alt,
        ) {
            return;
        }
        let alt = collapse(alt);
        let mut image = Block::new(BlockKind::Image, alt.as_str());
        // An image in the page itself (`data:`) has no address to show.
        if !src.trim().is_empty() && !src.trim_start().starts_with("data:") {
            image.more_mut().url = Some(clean_url(src).into());
        }
        let link = self
            .open
            .iter()
            .rev()
            .find(|o| o.0 == SpanKind::Link)
            .and_then(|o| o.2.clone());
        if let Some(link) = link
            && !image.text.is_empty()
        {
            let len = image.text.len();
            image.spans.push(Span {
                kind: SpanKind::Link,
                start: 0,
                end: len,
                url: Some(link.into()),
            });
        }
        if self.table.is_some() {
            // A picture in a table of data follows the table.
            self.images.push(image);
        } else if self.inline.is_blank() && self.open.is_empty() {
            self.inline.clear();
            self.emit(block_piece(image));
        } else {
            self.images.push(image);
        }
    }
}

impl Walker<'_> {
    /// Whether a table holds data (rows of cells of text), not a page's layout: not marked as
    /// presentation, no table or block inside it, two rows or more, and most rows of two
    /// cells or more (or a header cell). Looked at up to a bound: a bigger table lays out.
    fn is_data_table(&self, table: Id) -> bool {
        const LOOK: usize = 4096;
        let tree = self.tree;
        if tree
            .attr(table, "role")
            .is_some_and(|r| matches!(r.trim(), "presentation" | "none"))
        {
            return false;
        }
        let (mut rows, mut wide_rows, mut header, mut seen) = (0usize, 0usize, false, 0usize);
        let mut stack: Vec<Id> = tree.children(table).collect();
        while let Some(id) = stack.pop() {
            seen += 1;
            if seen > LOOK {
                return false;
            }
            let name = tree.name(id);
            match name {
                "table" | "img" => return false,
                "tr" => {
                    rows += 1;
                    let cells = tree
                        .children(id)
                        .filter(|&c| matches!(tree.name(c), "td" | "th"))
                        .count();
                    if cells >= 2 {
                        wide_rows += 1;
                    }
                }
                "th" => header = true,
                _ if is_block(name)
                    && !matches!(name, "tbody" | "thead" | "tfoot" | "td" | "th" | "caption") =>
                {
                    return false;
                }
                "ul" | "ol" | "li" | "blockquote" | "hr" => return false,
                _ if is_pre(name) => return false,
                _ if heading_level(name).is_some() => return false,
                _ => {}
            }
            stack.extend(tree.children(id));
        }
        rows >= 2 && (header || wide_rows * 2 >= rows) && wide_rows >= 1
    }

    fn end_table(&mut self, table: Table) {
        if let Some(caption) = table.caption {
            self.emit(block_piece(Block::paragraph(caption.as_str())));
        }
        let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns > 0 {
            let rows = table
                .rows
                .into_iter()
                .map(|mut row| {
                    row.resize(columns, String::new());
                    row
                })
                .collect();
            self.emit(block_piece(table_block(rows)));
        }
        self.flush_images();
    }

    fn end_heading(&mut self) {
        let Some((level, _)) = self.heading.take() else {
            return;
        };
        let open = self.cut_open();
        let mut inline = std::mem::take(&mut self.inline);
        let text = inline.text.trim();
        let lead = inline.text.len() - inline.text.trim_start().len();
        if !text.is_empty() {
            // A line break in a heading is a space in its title.
            let text = text.replace('\n', " ");
            tidy(&mut inline.spans, lead, lead + text.len());
            inline.spans.shrink_to_fit();
            self.emit(Piece::Heading {
                level,
                spans: inline.spans,
                text: text.as_str().into(),
            });
        }
        self.inline = Inline::default();
        self.open = open;
        self.flush_images();
    }

    /// The styles still open, ended in the block being gathered: they go on from the start of
    /// the next.
    fn cut_open(&mut self) -> Vec<(SpanKind, usize, Option<String>, Id)> {
        let open = std::mem::take(&mut self.open);
        for (kind, start, url, _) in &open {
            self.add_span(*kind, *start, url.clone());
        }
        // One of each style (and link target) goes on: the outermost, which ends last.
        let mut kept: Vec<(SpanKind, usize, Option<String>, Id)> = Vec::new();
        for (kind, _, url, id) in open {
            if !kept.iter().any(|k| k.0 == kind && k.2 == url) {
                kept.push((kind, 0, url, id));
            }
        }
        kept
    }

    fn end_code(&mut self) {
        let code = std::mem::take(&mut self.code);
        // A line end right after `<pre>` is no line of the text.
        let code = code.strip_prefix('\n').unwrap_or(&code);
        let text = crate::text::clean(code);
        let text = text.trim_end_matches('\n');
        if !text.trim().is_empty() {
            self.emit(block_piece(Block::new(BlockKind::Code, text)));
        }
    }

    /// Styles still open at the end of the page end here.
    fn close_all(&mut self) {
        for (kind, start, url, _) in std::mem::take(&mut self.open) {
            self.add_span(kind, start, url);
        }
    }

    fn add_span(&mut self, kind: SpanKind, start: usize, url: Option<String>) {
        self.inline.close_span(kind, start, url);
    }

    /// Ends the block being gathered: a paragraph, a list item or a quote. Styles still open
    /// go on in the next block.
    fn flush(&mut self) {
        if self.table.is_some() || self.heading.is_some() {
            // A cell or a heading ends at its own end tag.
            return;
        }
        let open = self.cut_open();
        let nesting = Nesting {
            items: &mut self.items,
            lists: self.lists.len(),
            quote: self.quote,
        };
        if let Some(piece) = self.inline.take_block(nesting) {
            self.emit(piece);
        }
        self.open = open;
        self.flush_images();
    }

    fn emit(&mut self, piece: Piece) {
        self.pieces.push(piece);
    }

    fn flush_images(&mut self) {
        for image in std::mem::take(&mut self.images) {
            self.emit(block_piece(image));
        }
    }
}

/// A table's block, its cells aligned as written.
fn table_block(rows: Vec<Vec<String>>) -> Block {
    table(rows, &[])
}

/// Elements of preformatted text.
fn is_pre(name: &str) -> bool {
    matches!(name, "pre" | "listing" | "xmp" | "plaintext")
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Whitespace as HTML collapses it, with the no-break space and the invisible characters
/// that emails pad their preheaders with (`&zwnj;`, `&#847;`, `&shy;`).
fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0c'
            | '\u{a0}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{034f}'
            | '\u{feff}'
            | '\u{ad}'
            | '\u{2060}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// A blank that shows as a space.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}' | '\u{2028}' | '\u{2029}'
    )
}

/// Text with its whitespace collapsed and sanitised: a title, a cell, an alternative text.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_space).filter(|w| !w.is_empty()) {
        let word = crate::text::line(word);
        let word = word.trim_matches(is_blank);
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The title of a page (its `<title>`, an email's subject) beside its top heading: they often
/// say the same, one more fully than the other (`河西社区通讯 第27期` over `河西社区通讯`), and
/// then the fuller is the title, shown once (the heading takes its words).
pub(crate) fn settle_title(pieces: &mut [Piece], title: Option<String>) -> Option<String> {
    let title = title?;
    if let Some(Piece::Heading { text, spans, .. }) = pieces
        .iter_mut()
        .find(|p| matches!(p, Piece::Heading { level: 1, .. }))
        && overlaps(&title, text)
    {
        if title.len() > text.len() {
            *text = title.as_str().into();
            spans.clear();
        } else {
            return Some(text.to_string());
        }
    }
    Some(title)
}

/// The issue's date as the top of the page prints it (`2026年11月20日　第27期`, `Friday,
/// November 20, 2026 | Issue 27`), as ISO 8601.
fn date_in(pieces: &[Piece]) -> Option<String> {
    pieces.iter().take(8).find_map(|piece| {
        let text = match piece {
            Piece::Block { block, .. } => block.text.as_str(),
            Piece::Heading { text, .. } => text.as_str(),
        };
        text.lines().find_map(|line| {
            let line = line.trim();
            crate::read::plain::rules::iso_date(line).or_else(|| {
                line.split(['\u{3000}', '|', '·', '—', '｜'])
                    .map(str::trim)
                    .find_map(crate::read::plain::rules::iso_date)
            })
        })
    })
}

/// One text holds the other, case aside.
fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a.contains(&b) || b.contains(&a)
}

/// A link's target as kept: no control characters, no spaces around; none for a script, an
/// anchor on the page or nothing.
fn link_target(href: &str) -> Option<String> {
    let url = clean_url(href);
    let lower = url.to_ascii_lowercase();
    if url.is_empty() || url.starts_with('#') || lower.starts_with("javascript:") {
        return None;
    }
    Some(url)
}

fn clean_url(url: &str) -> String {
    crate::text::line(url.trim()).into_owned()
}

/// `2026-11-30` from a date or time given as ISO 8601 (`2026-11-30T08:00:00Z`).
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| date.to_string())
}

fn block_piece(block: Block) -> Piece {
    Piece::Block {
        first_line: block.text.len(),
        block,
    }
}
