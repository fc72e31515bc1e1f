//! The tree html5ever builds, kept our own way: every node in one vector, linked by indices
//! (parent, first and last child, siblings), so that building, moving and walking a node are
//! O(1) and nothing recurses, however deep the page nests, and the whole tree goes in one
//! free. Comments, doctypes and processing instructions are kept as nodes without content:
//! nothing of them is ever text.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, ns};

/// A node's place in [`Tree::nodes`].
pub(super) type Id = usize;

/// The document node's id.
pub(super) const DOCUMENT: Id = 0;

/// One node and its links.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) parent: Option<Id>,
    pub(super) first_child: Option<Id>,
    pub(super) last_child: Option<Id>,
    pub(super) prev: Option<Id>,
    pub(super) next: Option<Id>,
    pub(super) data: Data,
}

/// What a node is.
#[derive(Debug)]
pub(super) enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        /// A `<template>`'s contents, a document fragment of its own (never shown).
        template: Option<Id>,
    },
    Text(StrTendril),
    /// A comment, a doctype or a processing instruction.
    Other,
}

/// A parsed page.
#[derive(Debug)]
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
}

impl Tree {
    /// Parses `html` (already decoded) as a whole document, as a browser would: missing tags
    /// implied, misnested ones mended. Scripting is off, so `<noscript>` holds elements.
    ///
    /// Elements nest [`MAX_DEPTH`] deep at most, as in browsers: what opens deeper is read
    /// into the deepest element (the tree builder's work per tag grows with the depth, and a
    /// hundred thousand nested `<div>`s would take it minutes).
    pub(super) fn parse(html: &str) -> Tree {
        let depth = Rc::new(Cell::new(0));
        let sink = Sink {
            nodes: RefCell::new(Nodes {
                list: vec![Node::new(Data::Document)],
                depths: vec![0],
                no_name: QualName::new(None, ns!(), html5ever::local_name!("")),
            }),
            depth: Rc::clone(&depth),
        };
        let opts = TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        };
        let shallow = Shallow {
            builder: TreeBuilder::new(sink, opts),
            depth,
            frames: RefCell::new(vec![Frame::default()]),
            dropped: RefCell::new(HashMap::new()),
        };
        let tokenizer = Tokenizer::new(shallow, TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from(html));
        // A script's end and a `<meta charset>` pause the tokenizer (the page was decoded
        // before: its encoding is known); it goes on to the end.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        let nodes = tokenizer.sink.builder.sink.nodes.into_inner();
        Tree { nodes: nodes.list }
    }

    /// The element's local name (`"p"`), or `""` for any other node.
    pub(super) fn name(&self, id: Id) -> &str {
        match &self.nodes[id].data {
            Data::Element { name, .. } => &name.local,
            _ => "",
        }
    }

    /// The value of the element's attribute `name` (lowercase), if it has it.
    pub(super) fn attr(&self, id: Id, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name.ns == ns!() && &*a.name.local == name)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    /// The node's children, first to last.
    pub(super) fn children(&self, id: Id) -> Children<'_> {
        Children {
            tree: self,
            next: self.nodes[id].first_child,
        }
    }
}

/// The children of a node (see [`Tree::children`]).
pub(super) struct Children<'a> {
    tree: &'a Tree,
    next: Option<Id>,
}

impl Iterator for Children<'_> {
    type Item = Id;

    fn next(&mut self) -> Option<Id> {
        let id = self.next?;
        self.next = self.tree.nodes[id].next;
        Some(id)
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            data,
        }
    }
}

/// How deep elements nest at most (as deep as browsers let them).
pub(super) const MAX_DEPTH: usize = 512;

/// How many attributes stray tags may add to the page's `<html>` or `<body>`.
const MAX_ATTRIBUTES: usize = 256;

/// Elements that never hold anything (no end tag).
fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "basefont"
            | "bgsound"
            | "frame"
            | "keygen"
    )
}

/// How many styles (`<b>`, `<font>`, …) may be open at once in a cell (or outside any),
/// unclosed: the tree builder opens every one of them again in each new paragraph, so a few
/// hundred distinct ones over many short paragraphs would multiply the page.
const MAX_FORMATTING: usize = 8;

/// Styles the tree builder reopens in each block (`<a>` and `<nobr>` close their own kind).
fn is_formatting(name: &LocalName) -> bool {
    matches!(
        &**name,
        "b" | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Elements whose content the tokenizer reads as raw text.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        &**name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "plaintext"
    )
}

/// The styles open in one cell (or in the page outside any): each by its name and a hash of
/// its attributes (the tree builder keeps three alike at most, the oldest going first), and
/// the end tags owed to the styles dropped here.
#[derive(Default)]
struct Frame {
    open: Vec<(LocalName, u64)>,
    dropped: HashMap<LocalName, usize>,
}

/// How many cells may nest, for the styles' frames (deeper ones share the last).
const MAX_FRAMES: usize = 512;

/// Between the tokenizer and the tree builder: start tags that would open an element deeper
/// than [`MAX_DEPTH`], or a style beyond [`MAX_FORMATTING`] open in its cell, are dropped,
/// and as many end tags of their names after them.
struct Shallow {
    builder: TreeBuilder<Id, Sink>,
    /// The depth of the element the tree builder inserts into (see [`Sink::depth`]).
    depth: Rc<Cell<usize>>,
    /// The styles open, a frame per cell (`td`, `th`, `caption`: the tree builder forgets at
    /// a cell's end the styles opened in it, and reopens only those).
    frames: RefCell<Vec<Frame>>,
    /// End tags owed to elements dropped for their depth.
    dropped: RefCell<HashMap<LocalName, usize>>,
}

fn attributes_hash(tag: &Tag) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for attr in &tag.attrs {
        attr.name.local.hash(&mut hasher);
        attr.value.hash(&mut hasher);
    }
    hasher.finish()
}

impl Shallow {
    /// Whether the token goes on to the tree builder.
    fn passes(&self, tag: &Tag) -> bool {
        let name = &tag.name;
        let mut dropped = self.dropped.borrow_mut();
        let mut frames = self.frames.borrow_mut();
        if frames.is_empty() {
            frames.push(Frame::default());
        }
        match tag.kind {
            // Raw text (a script, a style) is let in however deep: dropped, its content
            // would be read as text.
            TagKind::StartTag if self.depth.get() >= MAX_DEPTH && !is_raw_text(name) => {
                *dropped.entry(name.clone()).or_insert(0) += 1;
                false
            }
            TagKind::StartTag if is_formatting(name) => {
                let Some(frame) = frames.last_mut() else {
                    return true;
                };
                let hash = attributes_hash(tag);
                let alike = frame
                    .open
                    .iter()
                    .filter(|o| o.0 == *name && o.1 == hash)
                    .count();
                if alike >= 3 {
                    // The tree builder lets the oldest of four alike go.
                    if let Some(at) = frame.open.iter().position(|o| o.0 == *name && o.1 == hash) {
                        frame.open.remove(at);
                    }
                } else if frame.open.len() >= MAX_FORMATTING {
                    *frame.dropped.entry(name.clone()).or_insert(0) += 1;
                    return false;
                }
                frame.open.push((name.clone(), hash));
                true
            }
            TagKind::StartTag => {
                if matches!(&**name, "td" | "th" | "caption") && frames.len() < MAX_FRAMES {
                    frames.push(Frame::default());
                }
                true
            }
            TagKind::EndTag => {
                if let Some(n) = dropped.get_mut(name)
                    && *n > 0
                {
                    *n -= 1;
                    return false;
                }
                let Some(frame) = frames.last_mut() else {
                    return true;
                };
                if let Some(n) = frame.dropped.get_mut(name)
                    && *n > 0
                {
                    *n -= 1;
                    return false;
                }
                if is_formatting(name) {
                    if let Some(at) = frame.open.iter().rposition(|o| o.0 == *name) {
                        frame.open.remove(at);
                    }
                } else if matches!(&**name, "td" | "th" | "caption") && frames.len() > 1 {
                    frames.pop();
                }
                true
            }
        }
    }
}

impl TokenSink for Shallow {
    type Handle = Id;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Id> {
        if let Token::TagToken(tag) = &token
            && !is_void(&tag.name)
            && !self.passes(tag)
        {
            return TokenSinkResult::Continue;
        }
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// What html5ever builds the tree through.
struct Sink {
    nodes: RefCell<Nodes>,
    /// The depth of the element last inserted (the tree builder inserts into it next, until
    /// it is popped, unless it holds nothing), or of the parent of the last one popped.
    depth: Rc<Cell<usize>>,
}

/// The nodes being built.
struct Nodes {
    list: Vec<Node>,
    /// Each node's depth when it was inserted.
    depths: Vec<usize>,
    /// The name asked of a node that is not an element (html5ever never asks; nothing panics
    /// if it does).
    no_name: QualName,
}

impl std::ops::Deref for Nodes {
    type Target = Vec<Node>;

    fn deref(&self) -> &Vec<Node> {
        &self.list
    }
}

impl std::ops::DerefMut for Nodes {
    fn deref_mut(&mut self) -> &mut Vec<Node> {
        &mut self.list
    }
}

impl Sink {
    fn add(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.list.push(Node::new(data));
        nodes.depths.push(0);
        nodes.list.len() - 1
    }

    /// Notes an element's depth under `parent`, where it was just inserted.
    fn inserted(&self, parent: Option<Id>, child: Id) {
        let mut nodes = self.nodes.borrow_mut();
        if matches!(nodes.list[child].data, Data::Element { .. }) {
            // Counted up the tree as it stands (nodes the tree builder moved keep no stale
            // depth), and no further than the bound.
            let mut depth = 1;
            let mut at = parent;
            while let Some(p) = at
                && depth <= MAX_DEPTH
            {
                depth += 1;
                at = nodes.list[p].parent;
            }
            nodes.depths[child] = depth;
            self.depth.set(depth);
        }
    }

    /// Takes `id` out of its parent's children.
    fn detach(nodes: &mut [Node], id: Id) {
        let (parent, prev, next) = {
            let node = &mut nodes[id];
            (node.parent.take(), node.prev.take(), node.next.take())
        };
        match prev {
            Some(prev) => nodes[prev].next = next,
            None => {
                if let Some(parent) = parent {
                    nodes[parent].first_child = next;
                }
            }
        }
        match next {
            Some(next) => nodes[next].prev = prev,
            None => {
                if let Some(parent) = parent {
                    nodes[parent].last_child = prev;
                }
            }
        }
    }

    fn append_child(nodes: &mut [Node], parent: Id, child: Id) {
        Self::detach(nodes, child);
        let last = nodes[parent].last_child;
        nodes[child].parent = Some(parent);
        nodes[child].prev = last;
        match last {
            Some(last) => nodes[last].next = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
        nodes[parent].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: Id, child: Id) {
        Self::detach(nodes, child);
        let parent = nodes[sibling].parent;
        let prev = nodes[sibling].prev;
        nodes[child].parent = parent;
        nodes[child].prev = prev;
        nodes[child].next = Some(sibling);
        nodes[sibling].prev = Some(child);
        match prev {
            Some(prev) => nodes[prev].next = Some(child),
            None => {
                if let Some(parent) = parent {
                    nodes[parent].first_child = Some(child);
                }
            }
        }
    }

    /// Text is added to the text node before it, if there is one.
    fn node_or_text(&self, before: Option<Id>, child: NodeOrText<Id>) -> Option<Id> {
        match child {
            NodeOrText::AppendNode(id) => Some(id),
            NodeOrText::AppendText(text) => {
                if let Some(before) = before {
                    let mut nodes = self.nodes.borrow_mut();
                    if let Data::Text(existing) = &mut nodes[before].data {
                        existing.push_tendril(&text);
                        return None;
                    }
                }
                Some(self.add(Data::Text(text)))
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        Tree {
            nodes: self.nodes.into_inner().list,
        }
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element { name, .. } => name,
            _ => &nodes.no_name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let template = flags.template.then(|| self.add(Data::Document));
        self.add(Data::Element {
            name,
            attrs,
            template,
        })
    }

    fn create_comment(&self, _: StrTendril) -> Id {
        self.add(Data::Other)
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> Id {
        self.add(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let last = self.nodes.borrow()[*parent].last_child;
        if let Some(child) = self.node_or_text(last, child) {
            Self::append_child(&mut self.nodes.borrow_mut(), *parent, child);
            self.inserted(Some(*parent), child);
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev: &Id, child: NodeOrText<Id>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.add(Data::Other);
        Self::append_child(&mut self.nodes.borrow_mut(), DOCUMENT, id);
    }

    fn get_template_contents(&self, target: &Id) -> Id {
        match &self.nodes.borrow()[*target].data {
            Data::Element {
                template: Some(contents),
                ..
            } => *contents,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        let prev = self.nodes.borrow()[*sibling].prev;
        if let Some(child) = self.node_or_text(prev, child) {
            let parent = self.nodes.borrow()[*sibling].parent;
            Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, child);
            self.inserted(parent, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        if let Data::Element {
            attrs: existing, ..
        } = &mut self.nodes.borrow_mut()[*target].data
        {
            for attr in attrs {
                // A stray `<html …>` or `<body …>` adds to the one there: a few hundred
                // attributes are plenty (none past them is read), and each is checked
                // against those before it.
                if existing.len() < MAX_ATTRIBUTES && !existing.iter().any(|a| a.name == attr.name)
                {
                    existing.push(attr);
                }
            }
        }
    }

    fn pop(&self, node: &Id) {
        let depth = self.nodes.borrow().depths[*node];
        self.depth.set(depth.saturating_sub(1));
    }

    fn remove_from_parent(&self, target: &Id) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        let mut next = nodes[*node].first_child;
        while let Some(child) = next {
            next = nodes[child].next;
            Self::append_child(&mut nodes, *new_parent, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `name(children)` and `"text"`, for the tests.
    fn shape(tree: &Tree, id: Id) -> String {
        let inner: Vec<String> = tree.children(id).map(|c| shape(tree, c)).collect();
        match &tree.nodes[id].data {
            Data::Text(t) => format!("{:?}", &**t),
            Data::Other => "#".into(),
            _ => format!("{}({})", tree.name(id), inner.join(" ")),
        }
    }

    #[test]
    fn missing_tags_are_implied_and_misnested_ones_mended() {
        let tree = Tree::parse("<p>one<b>two<p>three</b> four");
        let body = shape(&tree, DOCUMENT);
        assert_eq!(
            body,
            r#"(html(head() body(p("one" b("two")) p(b("three") " four"))))"#
        );
    }

    #[test]
    fn a_table_s_stray_text_is_moved_before_it() {
        // Foster parenting: text directly inside a table goes before the table.
        let tree = Tree::parse("<table>stray<tr><td>cell</td></tr></table>");
        let body = shape(&tree, DOCUMENT);
        assert!(body.contains(r#"body("stray" table("#), "{body}");
    }

    #[test]
    fn nesting_stays_bounded_however_the_tree_builder_moves_nodes() {
        // Misnested styles make the tree builder move blocks under new elements (the
        // adoption agency): depth must be counted on the tree as it stands.
        let tree = Tree::parse(&"<i><b><div></i>".repeat(3000));
        let mut deepest = 0;
        for id in 0..tree.nodes.len() {
            let (mut depth, mut at) = (0, tree.nodes[id].parent);
            while let Some(p) = at {
                depth += 1;
                at = tree.nodes[p].parent;
            }
            deepest = deepest.max(depth);
        }
        assert!(deepest <= MAX_DEPTH + 8, "{deepest}");
    }

    #[test]
    fn styles_left_open_are_not_reopened_without_bound() {
        // Each paragraph reopens the styles still open: a few hundred of them over thousands
        // of paragraphs would be a tree hundreds of times the page.
        for styles in [
            (0..400)
                .map(|i| format!("<b class=c{i}>"))
                .collect::<String>(),
            // Stray end tags close nothing: they must not make room for more.
            (0..400).map(|i| format!("<b class=c{i}></i>")).collect(),
            // Nor tables and rows, which are no cells.
            (0..400)
                .map(|i| format!("<b class=c{i}><table><tr>"))
                .collect(),
        ] {
            let html = format!("<p>{styles}</p>{}", "<p>x</p>".repeat(5000));
            let tree = Tree::parse(&html);
            assert!(tree.nodes.len() < 20 * 5000, "{} nodes", tree.nodes.len());
        }
    }

    #[test]
    fn a_style_dropped_in_a_cell_owes_no_end_tag_outside_it() {
        let tree = Tree::parse(&format!(
            "<b>A<table><tr><td>{}<b>x</td></tr></table>B</b>C",
            "<i>".repeat(10)
        ));
        let c = (0..tree.nodes.len())
            .find(|&i| matches!(&tree.nodes[i].data, Data::Text(t) if &**t == "C"))
            .expect("the text C");
        let parent = tree.nodes[c].parent.expect("in the body");
        assert_eq!(tree.name(parent), "body", "C is not bold");
    }

    #[test]
    fn attributes_are_found_by_name() {
        let tree = Tree::parse(r#"<a HREF="https://example.org/" class=x>link</a>"#);
        let a = (0..tree.nodes.len())
            .find(|&i| tree.name(i) == "a")
            .unwrap();
        assert_eq!(tree.attr(a, "href"), Some("https://example.org/"));
        assert_eq!(tree.attr(a, "title"), None);
    }
}
