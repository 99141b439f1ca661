//! HTML → blocks. The page is parsed with scraper (html5ever) through a sink that records each
//! element's source line; the article part of the page is chosen and walked without recursion
//! (pages can nest thousands of levels), dropping scripts, navigation, comment forms and other
//! boilerplate.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use crate::document::{Block, BlockKind};
use crate::normalize::squash_spaces;

/// Delegates to scraper's sink and remembers the line each element started on.
struct LineSink {
    inner: HtmlTreeSink,
    current_line: Cell<u64>,
    /// Elements in creation order, which is `NodeId` order, so lookups can bisect.
    lines: RefCell<Vec<(NodeId, u32)>>,
}

impl TreeSink for LineSink {
    type Handle = NodeId;
    type Output = (Html, Vec<(NodeId, u32)>);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn set_current_line(&self, line: u64) {
        self.current_line.set(line);
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        let line = u32::try_from(self.current_line.get()).unwrap_or(u32::MAX);
        self.lines.borrow_mut().push((id, line));
        id
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(&self, element: &NodeId, prev: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append_based_on_parent_node(element, prev, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
}

/// Parses `html` and returns the article's blocks in reading order.
pub fn blocks_from_html(html: &str) -> Vec<Block> {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        current_line: Cell::new(1),
        lines: RefCell::new(Vec::new()),
    };
    let html = super::attrs::limit_attributes(html);
    let ((doc, lines), _) = super::depth::parse(sink, &html);
    let line_of = |id: NodeId| -> usize {
        match lines.binary_search_by_key(&id, |(n, _)| *n) {
            Ok(i) => lines[i].1 as usize,
            Err(_) => 1,
        }
    };
    let root = content_root(&doc);
    let mut walker = Walker::default();
    walker.walk(&doc, root, &line_of);
    walker.blocks
}

/// Elements whose content is never article text.
fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "iframe"
            | "svg"
            | "canvas"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "head"
            | "title"
            | "math"
    )
}

/// Class or id words that mark boilerplate containers (comments, sharing, related posts…).
fn is_boilerplate_name(value: &str) -> bool {
    const WORDS: [&str; 22] = [
        "comment",
        "comments",
        "share",
        "sharing",
        "social",
        "related",
        "sidebar",
        "widget",
        "breadcrumb",
        "breadcrumbs",
        "newsletter",
        "subscribe",
        "cookie",
        "cookies",
        "popup",
        "modal",
        "advert",
        "advertisement",
        "ads",
        "sponsored",
        "promo",
        "navbar",
    ];
    value.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

fn is_skipped_element(el: &scraper::node::Element) -> bool {
    if is_skipped_tag(el.name()) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = el.attr("role")
        && matches!(role, "navigation" | "banner" | "contentinfo" | "complementary" | "search")
    {
        return true;
    }
    el.attr("class").is_some_and(is_boilerplate_name) || el.attr("id").is_some_and(is_boilerplate_name)
}

/// Elements that start a new block.
fn block_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "li" => BlockKind::ListItem,
        // A definition list is terms, each with its text below.
        "dt" => BlockKind::Heading(6),
        "dd" => BlockKind::Paragraph,
        "tr" => BlockKind::Row,
        "p" | "div" | "section" | "article" | "main" | "blockquote" | "pre" | "figcaption" | "caption" | "ul"
        | "ol" | "dl" | "table" | "tbody" | "thead" | "body" | "figure" | "address" | "center" | "details"
        | "summary" | "hr" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// First number and step of an `<ol>`: `start`, `reversed` (counting down from the item
/// count unless `start` says otherwise).
fn ordered_start(node: ego_tree::NodeRef<'_, Node>, el: &scraper::node::Element) -> (i64, i64) {
    let reversed = el.attr("reversed").is_some();
    let items = node.children().filter(|c| c.value().as_element().is_some_and(|e| e.name() == "li")).count() as i64;
    let start = el.attr("start").and_then(|v| v.trim().parse().ok());
    if reversed { (start.unwrap_or(items), -1) } else { (start.unwrap_or(1), 1) }
}

/// The single `<main>` or `<article>` holding most of the page's text, else `<body>`.
fn content_root(doc: &Html) -> NodeId {
    let body = doc
        .tree
        .nodes()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .map(|n| n.id())
        .unwrap_or_else(|| doc.tree.root().id());
    let body_len = text_len(doc, body);
    for tag in ["main", "article"] {
        let found: Vec<NodeId> = doc
            .tree
            .nodes()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == tag))
            .map(|n| n.id())
            .collect();
        if found.len() == 1 && text_len(doc, found[0]) * 10 >= body_len * 3 {
            return found[0];
        }
    }
    body
}

fn text_len(doc: &Html, id: NodeId) -> usize {
    doc.tree
        .get(id)
        .map(|n| n.descendants().filter_map(|d| d.value().as_text().map(|t| t.trim().len())).sum())
        .unwrap_or(0)
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    buffer: String,
    buffer_line: usize,
    /// Open block elements: kind, source line, list depth.
    contexts: Vec<(BlockKind, usize)>,
    list_depth: u8,
    in_pre: u32,
    last_kind: Option<BlockKind>,
    /// Open lists: the next number and its step for `<ol>`, `None` for other lists.
    lists: Vec<Option<(i64, i64)>>,
    /// The number of the `<li>` whose first block is pending.
    item_number: Option<i64>,
    /// Buffer offsets of the `*` written for each open emphasis element.
    emphasis_open: Vec<usize>,
    /// Open elements whose class names a year or a credit, with their buffer offsets.
    fields_open: Vec<(FieldRole, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldRole {
    Year,
    Maker,
}

/// The field an inline element's class names (`year`, `card__year`, `composer`, `artist-name`);
/// block elements start blocks of their own.
fn field_role(el: &scraper::node::Element) -> Option<FieldRole> {
    if !matches!(el.name(), "span" | "small" | "time" | "b" | "strong") {
        return None;
    }
    let class = el.attr("class")?;
    let is = |w: &str, names: &[&str]| names.iter().any(|n| w.eq_ignore_ascii_case(n));
    class.split(|c: char| c.is_whitespace() || c == '-' || c == '_').find_map(|w| {
        if is(w, &["year", "date"]) {
            Some(FieldRole::Year)
        } else if is(w, &["composer", "composers", "artist", "artists", "music", "credit", "credits"]) {
            Some(FieldRole::Maker)
        } else {
            None
        }
    })
}

/// Emphasis longer than this is a styled passage, not a title.
const MAX_EMPHASIS_WORDS: usize = 12;

/// Inline elements that set titles apart.
fn is_emphasis(tag: &str) -> bool {
    matches!(tag, "em" | "i" | "cite")
}

enum Step {
    Enter(NodeId),
    Leave(NodeId),
}

impl Walker {
    fn walk(&mut self, doc: &Html, root: NodeId, line_of: &dyn Fn(NodeId) -> usize) {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(id) => {
                    let Some(node) = doc.tree.get(id) else {
                        continue;
                    };
                    match node.value() {
                        Node::Text(t) => self.push_text(t, line_of(node.parent().map_or(id, |p| p.id()))),
                        Node::Element(el) => {
                            if id != root && is_skipped_element(el) {
                                continue;
                            }
                            let tag = el.name();
                            if tag == "br" {
                                // A line break inside a table cell does not end the row.
                                if self.contexts.last().is_some_and(|c| c.0 == BlockKind::Row) {
                                    self.buffer.push(' ');
                                } else {
                                    self.flush();
                                }
                                continue;
                            }
                            if tag == "td" || tag == "th" {
                                if !self.buffer.is_empty() {
                                    self.buffer.push('\t');
                                }
                            } else if tag == "img" {
                                continue;
                            } else if is_emphasis(tag) {
                                self.open_emphasis(line_of(id));
                            } else if let Some(role) = field_role(el) {
                                self.fields_open.push((role, self.buffer.len()));
                            }
                            if let Some(kind) = block_kind(tag) {
                                self.flush();
                                self.contexts.push((kind, line_of(id)));
                                if tag == "ul" || tag == "ol" || tag == "dl" {
                                    self.list_depth = self.list_depth.saturating_add(1);
                                    self.lists.push((tag == "ol").then(|| ordered_start(node, el)));
                                }
                                if tag == "li" {
                                    self.item_number = self.lists.last_mut().and_then(|l| {
                                        l.as_mut().map(|(next, step)| {
                                            let n = *next;
                                            *next += *step;
                                            el.attr("value").and_then(|v| v.trim().parse().ok()).unwrap_or(n)
                                        })
                                    });
                                }
                                if tag == "pre" {
                                    self.in_pre += 1;
                                }
                            }
                            stack.push(Step::Leave(id));
                            for child in node.children().rev() {
                                stack.push(Step::Enter(child.id()));
                            }
                        }
                        _ => {}
                    }
                }
                Step::Leave(id) => {
                    let Some(el) = doc.tree.get(id).and_then(|n| n.value().as_element().cloned()) else {
                        continue;
                    };
                    let tag = el.name();
                    if tag == "td" || tag == "th" {
                        self.buffer.push('\t');
                    } else if is_emphasis(tag) {
                        self.close_emphasis();
                    } else if field_role(&el).is_some() {
                        self.close_field();
                    }
                    if block_kind(tag).is_some() {
                        self.flush();
                        self.contexts.pop();
                        if tag == "ul" || tag == "ol" || tag == "dl" {
                            self.list_depth = self.list_depth.saturating_sub(1);
                            self.lists.pop();
                        }
                        if tag == "li" {
                            self.item_number = None;
                        }
                        if tag == "pre" {
                            self.in_pre = self.in_pre.saturating_sub(1);
                        }
                    }
                }
            }
        }
        self.flush();
    }

    fn push_text(&mut self, text: &str, line: usize) {
        if self.in_pre > 0 && text.contains('\n') {
            // Preformatted text keeps its lines as separate blocks.
            let mut parts = text.split('\n').peekable();
            while let Some(part) = parts.next() {
                self.push_text(part, line);
                if parts.peek().is_some() {
                    self.flush();
                }
            }
            return;
        }
        if self.buffer.trim().is_empty() {
            self.buffer_line = line;
        }
        self.buffer.push_str(text);
        self.buffer.push(' ');
    }

    /// Inline emphasis is written as Markdown writes it (`*Jaws*`), since pages set titles in
    /// italics and the extractor reads Markdown emphasis as a title's bounds.
    fn open_emphasis(&mut self, line: usize) {
        if self.buffer.trim().is_empty() {
            self.buffer_line = line;
        }
        self.emphasis_open.push(self.buffer.len());
        self.buffer.push('*');
    }

    fn close_emphasis(&mut self) {
        let Some(start) = self.emphasis_open.pop() else { return };
        // A flush since the opening (a `<br>`, a nested block) left nothing to close.
        if start >= self.buffer.len() || self.buffer.as_bytes()[start] != b'*' {
            return;
        }
        let inner = self.buffer[start + 1..].trim_end();
        let words = inner.split_whitespace().count();
        if words == 0 || words > MAX_EMPHASIS_WORDS || inner.contains('*') || !inner.chars().any(char::is_alphanumeric)
        {
            self.buffer.remove(start);
            return;
        }
        let end = start + 1 + inner.len();
        self.buffer.truncate(end);
        self.buffer.push_str("* ");
    }

    /// A card's year or credit set in its own element (`<span class="year">1986</span>`) is
    /// written the way a header writes it: "The Mission (1986) – Ennio Morricone".
    fn close_field(&mut self) {
        let Some((role, start)) = self.fields_open.pop() else { return };
        if start > self.buffer.len() || !self.buffer.is_char_boundary(start) {
            return;
        }
        let inner = self.buffer[start..].trim().to_string();
        let before = self.buffer[..start].trim();
        if inner.is_empty() || before.is_empty() {
            return;
        }
        let written = match role {
            FieldRole::Year if inner.len() == 4 && inner.chars().all(|c| c.is_ascii_digit()) => format!(" ({inner}) "),
            FieldRole::Maker if !before.ends_with(['–', '—', '-', ':', '·', '|', ',']) => format!(" – {inner} "),
            _ => return,
        };
        self.buffer.truncate(start);
        self.buffer.push_str(&written);
    }

    fn flush(&mut self) {
        self.emphasis_open.clear();
        self.fields_open.clear();
        if self.buffer.trim().is_empty() {
            self.buffer.clear();
            return;
        }
        let text = squash_spaces(&self.buffer).trim_matches('\t').to_string();
        self.buffer.clear();
        if text.is_empty() {
            return;
        }
        let kind = self.contexts.last().map_or(BlockKind::Paragraph, |c| c.0);
        // An ordered list's numbers are part of what the reader sees: write them out, once
        // per item, unless the item already starts with a number.
        let text = match self.item_number.take() {
            Some(n) if kind == BlockKind::ListItem && !text.starts_with(|c: char| c.is_ascii_digit()) => {
                format!("{n}. {text}")
            }
            _ => text,
        };
        let mut block = Block::new(kind, text, self.buffer_line.max(1));
        let continues_list = matches!(kind, BlockKind::ListItem | BlockKind::Row) && self.last_kind == Some(kind);
        block.gap_before = !continues_list;
        if kind == BlockKind::ListItem {
            block.depth = self.list_depth.saturating_sub(1);
        }
        self.last_kind = Some(kind);
        self.blocks.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_lists_and_lines() {
        let html = "<html><body>\n<nav><a>Home</a></nav>\n<h2>1. Jaws</h2>\n<p>The <b>score</b> by John Williams.</p>\n<ul>\n<li>One</li>\n<li>Two</li></ul>\n<script>10. Not this</script>\n<!-- 9. nor this -->\n</body></html>";
        let b = blocks_from_html(html);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["1. Jaws", "The score by John Williams.", "One", "Two"]);
        assert_eq!(b[0].kind, BlockKind::Heading(2));
        assert_eq!(b[0].line, 3);
        assert_eq!(b[1].line, 4);
        assert_eq!(b[2].kind, BlockKind::ListItem);
        assert_eq!(b[3].line, 7);
        assert!(!b[3].gap_before);
    }

    #[test]
    fn inline_emphasis_is_marked_as_markdown_marks_it() {
        let html = "<body><p>His theme for <em>Schindler’s List</em> (1993).</p>\n\
                    <h2><i>Jaws</i></h2>\n<p><em>this whole sentence is set in italics because it is a long aside</em></p>\n\
                    <p><cite>Le Mépris</cite>, <em> </em>and <i>1, 2</i></p></body>";
        let b = blocks_from_html(html);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "His theme for *Schindler’s List* (1993).",
                "*Jaws*",
                "this whole sentence is set in italics because it is a long aside",
                "*Le Mépris* , and *1, 2*"
            ]
        );
        // A block that opens with emphasis keeps the emphasis element's line.
        assert_eq!(b[1].line, 2);
    }

    #[test]
    fn card_fields_named_by_class_are_written_as_a_header() {
        let html = "<body><div class=\"card__meta\"><span class=\"title\">The Mission</span>\n\
                    <span class=\"card__year\">1986</span> <span class=\"composer-name\">Ennio Morricone</span></div>\
                    <div><span class=\"year\">(2001)</span></div><p><span class=\"artist\">Alone</span></p></body>";
        let texts: Vec<String> = blocks_from_html(html).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["The Mission (1986) – Ennio Morricone", "(2001)", "Alone"]);
    }

    #[test]
    fn ordered_lists_show_their_numbers() {
        let html =
            "<ol reversed><li><b>Jaws</b><p>Blurb.</p></li><li>Alien</li></ol><ol start=\"3\"><li>Heat</li></ol>";
        let texts: Vec<String> = blocks_from_html(html).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["2. Jaws", "Blurb.", "1. Alien", "3. Heat"]);
    }

    #[test]
    fn table_rows_join_cells_with_tabs() {
        let html = "<table><tr><td>1985</td><td>Super Mario Bros.</td><td>Koji Kondo</td></tr></table>";
        let b = blocks_from_html(html);
        assert_eq!(b[0].kind, BlockKind::Row);
        assert_eq!(b[0].text, "1985\tSuper Mario Bros.\tKoji Kondo");
        // A line break inside a cell keeps the row whole.
        let html = "<table><tr><td>1964</td><td>Per un pugno di dollari<br><small>(A Fistful of Dollars)</small></td></tr></table>";
        let b = blocks_from_html(html);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].text, "1964\tPer un pugno di dollari (A Fistful of Dollars)");
    }

    #[test]
    fn br_splits_and_boilerplate_classes_are_dropped() {
        let html = "<p>Line one<br>Line two</p><div class=\"share-buttons\">Share on Facebook</div><div id=\"comments\"><p>Leave a Reply</p></div>";
        let texts: Vec<String> = blocks_from_html(html).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["Line one", "Line two"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let b = blocks_from_html(&html);
        assert_eq!(b.last().map(|b| b.text.as_str()), Some("deep text"));
    }
}
