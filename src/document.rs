//! The plain document every ingest path produces and every extractor reads: an ordered list
//! of text blocks, each with its kind and the 1-based line of the source file it came from.

use serde::Serialize;

/// What a block was in its source. Plain text only knows lines, bullets and Markdown
/// headings; HTML also knows paragraphs, list items and table rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// `<h1>`–`<h6>` or a Markdown `#` heading, with its level.
    Heading(u8),
    /// A paragraph, or one line of plain text.
    Paragraph,
    /// A bulleted list item (HTML `<li>`, Markdown `- `, `•`); the marker is stripped.
    ListItem,
    /// A table row; its cells are joined with `\t`.
    Row,
}

/// One block of text in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Text with whitespace runs collapsed and markup removed.
    pub text: String,
    /// 1-based line of the block's start in the source file.
    pub line: usize,
    /// True when a blank line (text) or a block boundary with vertical space (HTML)
    /// separates this block from the previous one. Layout detection uses it to tell a
    /// header from a wrapped line.
    pub gap_before: bool,
    /// Nesting depth of list items (0 for top level and for non-items).
    pub depth: u8,
}

/// How a file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
}

/// A decoded article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Path relative to the input folder, with `/` separators.
    pub source: String,
    pub format: SourceFormat,
    /// Name of the encoding the bytes were decoded from (e.g. `UTF-8`, `windows-1252`).
    pub encoding: String,
    /// Whether mojibake (UTF-8 read as Windows-1252) was found and repaired.
    pub repaired: bool,
    pub blocks: Vec<Block>,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>, line: usize) -> Self {
        Block { kind, text: text.into(), line, gap_before: false, depth: 0 }
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}
