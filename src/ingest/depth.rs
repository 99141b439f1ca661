//! A filter between html5ever's tokenizer and its tree builder that caps element nesting.
//!
//! The tree builder searches its stack of open elements on almost every tag, so a page nested
//! N levels deep costs N² steps: 20,000 nested `<div>`s took 2 s in a release build and 11 s in
//! a debug one. Browsers cap the depth too (Blink at 512). Here a start tag that would open an
//! element deeper than [`MAX_DEPTH`] is dropped together with its end tag; its text stays,
//! and a dropped block element becomes a `<br>` so its text stays a block of its own.
//!
//! The filter cannot see the tree builder's stack, so it keeps an estimate: element names,
//! with the spec's common implied closings (`<p>`, `<li>`, cells) and end-tag searches.
//! Errors in the estimate only move where the cap applies.

use crate::fast_hash::FastMap;
use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult, local_name};

/// Deepest element the tree builder is given; far beyond real pages.
pub const MAX_DEPTH: usize = 512;

/// html5ever's `parse_document(sink, default options).one(html)` with [`DepthCap`] between
/// tokenizer and tree builder. Also returns how many tags were dropped.
pub fn parse<S: TreeSink>(sink: S, html: &str) -> (S::Output, usize) {
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(DepthCap::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `Script` results ask the caller to run a script; there is none to run, so go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let drops = tokenizer.sink.drops.get();
    (tokenizer.sink.inner.sink.finish(), drops)
}

/// Wraps the tree builder (`inner`), which html5ever's tokenizer feeds through it.
pub struct DepthCap<S> {
    pub inner: S,
    /// Estimated stack of open elements.
    open: RefCell<Open>,
    /// Start tags dropped and not yet closed, by name.
    dropped: RefCell<FastMap<LocalName, usize>>,
    /// How many start tags were dropped.
    pub drops: Cell<usize>,
}

impl<S> DepthCap<S> {
    pub fn new(inner: S) -> Self {
        DepthCap { inner, open: RefCell::default(), dropped: RefCell::default(), drops: Cell::new(0) }
    }

    /// Whether the tag goes on to the tree builder; updates the estimate.
    fn admit(&self, tag: &Tag) -> bool {
        let name = tag.name.as_ref();
        let mut open = self.open.borrow_mut();
        match tag.kind {
            StartTag if is_void(name) => true,
            StartTag => {
                close_implied(&mut open, &tag.name);
                if open.names.len() >= MAX_DEPTH && !is_kept(name) {
                    *self.dropped.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                    self.drops.set(self.drops.get() + 1);
                    return false;
                }
                open.push(tag.name.clone());
                true
            }
            EndTag => {
                if let Some(n) = self.dropped.borrow_mut().get_mut(&tag.name).filter(|n| **n > 0) {
                    *n -= 1;
                    return false;
                }
                if let Some(at) = find_open(&open, &tag.name) {
                    open.truncate(at);
                }
                true
            }
        }
    }
}

impl<S: TokenSink> TokenSink for DepthCap<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let TagToken(tag) = &token
            && !self.admit(tag)
        {
            // A dropped block element still ends the text before it.
            if is_block(tag.name.as_ref()) {
                let br = Tag {
                    kind: StartTag,
                    name: local_name!("br"),
                    self_closing: false,
                    attrs: Vec::new(),
                    had_duplicate_attributes: false,
                };
                return self.inner.process_token(TagToken(br), line_number);
            }
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Open element names, with a count per name so the common case — no such element open —
/// needs no search (a debug build spent a second searching 20,000 nested `<div>`s).
#[derive(Default)]
struct Open {
    names: Vec<LocalName>,
    counts: FastMap<LocalName, usize>,
}

impl Open {
    fn push(&mut self, name: LocalName) {
        *self.counts.entry(name.clone()).or_default() += 1;
        self.names.push(name);
    }

    fn truncate(&mut self, len: usize) {
        for name in self.names.drain(len..) {
            if let Some(n) = self.counts.get_mut(&name) {
                *n -= 1;
            }
        }
    }

    /// Takes the interned name: building one from a `&str` costs a hash per lookup.
    fn has(&self, name: &LocalName) -> bool {
        self.counts.get(name).is_some_and(|n| *n > 0)
    }
}

/// Closes what a start tag `name` implicitly closes, as the spec's tree builder does: a new
/// `<li>` closes the open one, a block closes an open `<p>`, a heading an open heading.
fn close_implied(open: &mut Open, name: &LocalName) {
    let name = name.as_ref();
    if closes_p(name) {
        close_to(open, &[local_name!("p")], Scope::Button);
    }
    match name {
        "li" => close_to(open, &[local_name!("li")], Scope::Item(&["ul", "ol"])),
        "dd" | "dt" => close_to(open, &[local_name!("dd"), local_name!("dt")], Scope::Item(&["dl"])),
        "td" | "th" => close_to(open, &[local_name!("td"), local_name!("th")], Scope::Table),
        "tr" => close_to(open, &[local_name!("tr")], Scope::Table),
        "option" => close_to(open, &[local_name!("option")], Scope::Item(&["select", "optgroup"])),
        "optgroup" => close_to(open, &[local_name!("optgroup"), local_name!("option")], Scope::Item(&["select"])),
        _ => {}
    }
    if is_heading(name) && open.names.last().is_some_and(|n| is_heading(n.as_ref())) {
        open.truncate(open.names.len() - 1);
    }
}

/// What stops the search for an element to close implicitly.
enum Scope {
    /// A scope boundary or `<button>`.
    Button,
    /// `<html>`, `<table>` or `<template>`: cells and rows close across everything else.
    Table,
    /// An item's own list, or a special element other than address, div and p.
    Item(&'static [&'static str]),
}

impl Scope {
    fn stops_at(&self, n: &str) -> bool {
        match self {
            Scope::Button => is_scope_boundary(n) || n == "button",
            Scope::Table => matches!(n, "html" | "table" | "template"),
            Scope::Item(lists) => lists.contains(&n) || (is_special(n) && !matches!(n, "address" | "div" | "p")),
        }
    }
}

/// Closes the innermost open element named in `targets` unless the search stops first.
fn close_to(open: &mut Open, targets: &[LocalName], scope: Scope) {
    if !targets.iter().any(|t| open.has(t)) {
        return;
    }
    let found = open.names.iter().rposition(|n| targets.contains(n) || scope.stops_at(n.as_ref()));
    if let Some(at) = found
        && targets.contains(&open.names[at])
    {
        open.truncate(at);
    }
}

/// Where an end tag `</name>` closes: the innermost open `name`, unless something stops the
/// search first — a scope boundary for special elements, any special element for the rest
/// (then the tree builder ignores the end tag or restructures without shrinking the stack).
fn find_open(open: &Open, name: &LocalName) -> Option<usize> {
    if !open.has(name) {
        return None;
    }
    let special = is_special(name.as_ref());
    for (at, n) in open.names.iter().enumerate().rev() {
        if n == name {
            return Some(at);
        }
        let n = n.as_ref();
        if is_scope_boundary(n) || (!special && is_special(n)) {
            return None;
        }
    }
    None
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "image"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Never dropped: their content is raw text (the tree builder switches the tokenizer's mode)
/// or foreign, or they hide what they hold.
fn is_kept(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "template"
            | "svg"
            | "math"
            | "select"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_scope_boundary(name: &str) -> bool {
    matches!(name, "html" | "table" | "td" | "th" | "caption" | "marquee" | "object" | "template" | "applet")
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "header"
                | "hgroup"
                | "listing"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "pre"
                | "search"
                | "section"
                | "summary"
                | "table"
                | "ul"
                | "li"
                | "dd"
                | "dt"
        )
}

/// Block elements, whose dropped tags become a line break.
fn is_block(name: &str) -> bool {
    closes_p(name) || matches!(name, "tr" | "tbody" | "thead" | "tfoot" | "caption" | "td" | "th")
}

/// The spec's "special" category (HTML namespace).
fn is_special(name: &str) -> bool {
    closes_p(name)
        || is_void(name)
        || is_scope_boundary(name)
        || matches!(
            name,
            "body"
                | "button"
                | "colgroup"
                | "frameset"
                | "head"
                | "iframe"
                | "noembed"
                | "noframes"
                | "noscript"
                | "plaintext"
                | "script"
                | "select"
                | "style"
                | "tbody"
                | "textarea"
                | "tfoot"
                | "thead"
                | "title"
                | "tr"
                | "xmp"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, HtmlTreeSink};

    fn parse_html(html: &str) -> (Html, usize) {
        parse(HtmlTreeSink::new(Html::new_document()), html)
    }

    fn depth_of_deepest(doc: &Html) -> usize {
        doc.tree.nodes().map(|n| n.ancestors().count()).max().unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_capped_and_its_text_kept() {
        let html = format!("{}<p>deep text</p>{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let (doc, drops) = parse_html(&html);
        assert!(drops >= 20_000 - MAX_DEPTH, "{drops}");
        assert!(depth_of_deepest(&doc) <= MAX_DEPTH + 8);
        let text: String = doc.root_element().text().collect();
        assert_eq!(text, "deep text");
    }

    #[test]
    fn raw_text_elements_past_the_cap_stay_raw() {
        let html = format!("{}<script>1. <b>Jaws</b></script><p>after</p>", "<span>".repeat(5_000));
        let (doc, drops) = parse_html(&html);
        assert!(drops > 0);
        let script = doc.tree.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "script"));
        let text: String = script
            .expect("script element")
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        assert_eq!(text, "1. <b>Jaws</b>");
    }

    /// Long pages of elements whose end tags may be left out never reach the cap.
    #[test]
    fn implied_end_tags_do_not_count_as_depth() {
        let mut html = String::from("<html><body><table>");
        for i in 0..2_000 {
            html.push_str(&format!("<tr><td><font size=2><b>{i}</td><td><p>a<p>b<li>c<li>d<dt>e<dd>f"));
        }
        html.push_str("</table><ul>");
        for i in 0..2_000 {
            html.push_str(&format!("<li>{i}<div>x</div><p>y<h2>h</h2>"));
        }
        html.push_str("</ul></body></html>");
        assert_eq!(parse_html(&html).1, 0);
    }

    /// Shapes whose end tags the tree builder ignores still count, so they are capped too.
    #[test]
    fn ignored_end_tags_do_not_hide_depth() {
        for unit in ["<span><div></span>", "<li><section>", "<b><div></b>"] {
            let (doc, drops) = parse_html(&unit.repeat(5_000));
            assert!(drops > 0, "{unit}");
            assert!(depth_of_deepest(&doc) <= MAX_DEPTH + 16, "{unit}: {}", depth_of_deepest(&doc));
        }
    }
}
