//! Ingest: find files, decode their bytes, and turn text or HTML into a [`Document`] of
//! blocks. Nothing here knows about soundtracks.

pub mod attrs;
pub mod decode;
pub mod depth;
pub mod html;
pub mod text;
pub mod walk;

use std::path::Path;

use crate::document::{Document, SourceFormat};
use crate::error::FileError;

pub use walk::{FoundFile, WalkProblem, walk};

/// Extensions taken as articles; anything else is reported as skipped.
const TEXT_EXTENSIONS: [&str; 4] = ["txt", "text", "md", "markdown"];
const HTML_EXTENSIONS: [&str; 4] = ["html", "htm", "xhtml", "shtml"];

/// Reads and decodes one file.
pub fn read_document(path: &Path, rel: &str) -> Result<Document, FileError> {
    document_from_bytes(rel, &read_bytes(path, rel)?)
}

/// Reads the bytes of the article at `path` (named `rel`), refusing unsupported extensions.
pub fn read_bytes(path: &Path, rel: &str) -> Result<Vec<u8>, FileError> {
    let ext = extension(rel);
    if !ext.is_empty() && !TEXT_EXTENSIONS.contains(&ext.as_str()) && !HTML_EXTENSIONS.contains(&ext.as_str()) {
        return Err(FileError::Unsupported(ext));
    }
    std::fs::read(path).map_err(|e| FileError::Read(e.to_string()))
}

/// Decodes `bytes` named `rel` and splits them into blocks. The format comes from the
/// extension, corrected by sniffing: a `.txt` that holds a saved page is read as HTML.
pub fn document_from_bytes(rel: &str, bytes: &[u8]) -> Result<Document, FileError> {
    let ext = extension(rel);
    let declared = decode::declared_charset(bytes);
    let decoded = decode::decode(bytes, declared)?;
    let format = if HTML_EXTENSIONS.contains(&ext.as_str()) || looks_like_html(&decoded.text) {
        SourceFormat::Html
    } else if ext == "md" || ext == "markdown" {
        SourceFormat::Markdown
    } else {
        SourceFormat::Text
    };
    let blocks = match format {
        SourceFormat::Html => html::blocks_from_html(&decoded.text),
        SourceFormat::Text | SourceFormat::Markdown => text::blocks_from_text(&decoded.text),
    };
    if blocks.is_empty() {
        return Err(FileError::NoText);
    }
    Ok(Document {
        source: rel.to_string(),
        format,
        encoding: decoded.encoding.to_string(),
        repaired: decoded.repaired,
        blocks,
    })
}

/// The first `n` characters of `text` (all of it when shorter).
fn first_chars(text: &str, n: usize) -> &str {
    // In ASCII a character is a byte: no need to walk the characters.
    let ascii_prefix = &text.as_bytes()[..text.len().min(n)];
    if ascii_prefix.is_ascii() {
        return &text[..ascii_prefix.len()];
    }
    text.char_indices().nth(n).map_or(text, |(end, _)| &text[..end])
}

fn extension(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// A saved page: a doctype or `<html>`/`<body>` near the start, or several closing
/// block tags.
fn looks_like_html(text: &str) -> bool {
    const HEAD_CHARS: usize = 4096;
    let text = text.trim_start();
    // Every sign below opens with '<': most plain-text files have none, and are neither
    // copied nor walked by character. The head's characters lie in its first 4 bytes each.
    let head_bytes = &text.as_bytes()[..text.len().min(4 * HEAD_CHARS)];
    if memchr::memchr(b'<', head_bytes).is_none() {
        return false;
    }
    let head = first_chars(text, HEAD_CHARS);
    if memchr::memchr(b'<', head.as_bytes()).is_none() {
        return false;
    }
    let head = head.to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
    {
        return true;
    }
    if head.contains("<html") || head.contains("<body") || head.contains("<head>") {
        return true;
    }
    let tags = ["</p>", "</div>", "</li>", "<br", "</h1>", "</h2>", "</h3>", "</td>"];
    tags.iter().map(|t| head.matches(t).count()).sum::<usize>() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_in_a_txt_file() {
        let doc =
            document_from_bytes("a/page.txt", b"<!DOCTYPE html><html><body><h2>Jaws</h2><p>Text</p></body></html>")
                .unwrap();
        assert_eq!(doc.format, SourceFormat::Html);
        assert_eq!(doc.blocks.len(), 2);
    }

    /// Only the first 4,096 characters are read, whatever their width.
    #[test]
    fn html_is_sniffed_in_the_head_only() {
        assert!(!looks_like_html("10. Jaws (1975)\nJohn Williams – Decca"));
        assert!(looks_like_html("  <P>One</p><p>Two</p><p>Three</p>"));
        assert!(!looks_like_html("Intro, a <b>bold</b> aside and 3 < 4."));
        let after = |filler: &str| format!("{}<html><body>", filler.repeat(4096));
        assert!(!looks_like_html(&after("a")));
        assert!(!looks_like_html(&after("é")));
        assert!(looks_like_html(&after("é")[12..]));
    }

    #[test]
    fn first_chars_counts_characters_not_bytes() {
        assert_eq!(first_chars("abcdef", 4), "abcd");
        assert_eq!(first_chars("abc", 4), "abc");
        assert_eq!(first_chars("aéb", 2), "aé");
        assert_eq!(first_chars("abé", 2), "ab");
        assert_eq!(first_chars("ééééé", 4), "éééé");
        assert_eq!(first_chars("", 4), "");
    }

    #[test]
    fn extension_rules() {
        assert_eq!(extension("x/y.HTML"), "html");
        assert_eq!(extension(".hidden"), "");
        assert_eq!(extension("README"), "");
    }
}
