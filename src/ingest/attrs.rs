//! A pass over raw HTML that keeps at most [`MAX_ATTRIBUTES`] attributes per tag.
//!
//! html5ever's tokenizer checks each new attribute against the tag's earlier ones, so one tag
//! with 100,000 attributes (a 700 KB file) took 84 s in a debug build. Real tags have a few
//! dozen; the rest of an oversized tag is cut, keeping its line breaks so line numbers hold.
//! The scan follows the tokenizer loosely: comments and raw-text elements (`<script>`,
//! `<style>`, …) are passed over whole, quotes in attribute values are respected.

use std::borrow::Cow;

use memchr::memchr;

/// More attributes than any real tag carries.
pub const MAX_ATTRIBUTES: usize = 1000;

/// `html` with every tag's attributes past the [`MAX_ATTRIBUTES`]th removed.
pub fn limit_attributes(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |end| end + 3);
        } else if bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            let tag = scan_tag(bytes, i);
            if let Some(cut) = tag.cut {
                cuts.push(cut);
            }
            i = tag.end;
            if let Some(close) = raw_text_end(&bytes[tag.name.0..tag.name.1]) {
                i = find_ignore_case(bytes, i, close).unwrap_or(bytes.len());
            }
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut kept = 0;
    for (start, end) in cuts {
        out.push_str(&html[kept..start]);
        // Line breaks stay, so every later element keeps its source line.
        out.extend(html[start..end].chars().filter(|&c| c == '\n'));
        kept = end;
    }
    out.push_str(&html[kept..]);
    Cow::Owned(out)
}

struct Tag {
    /// Byte range of the name.
    name: (usize, usize),
    /// Just past the closing `>` (or the end of the text).
    end: usize,
    /// Byte range to remove: from the end of the last attribute kept to the `>`.
    cut: Option<(usize, usize)>,
}

/// Reads a start tag whose name begins at `start`.
fn scan_tag(bytes: &[u8], start: usize) -> Tag {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    let name = (start, i);
    let mut count = 0;
    let mut cut_from = None;
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            break;
        }
        // An attribute: a name, then maybe `=` and a value.
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'>' | b'/' | b'=') {
            i += 1;
        }
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    i = memchr(quote, &bytes[i + 1..]).map_or(bytes.len(), |o| i + 1 + o + 1);
                }
                _ => {
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
        count += 1;
        if count == MAX_ATTRIBUTES {
            cut_from = Some(i);
        }
    }
    let end = (i + 1).min(bytes.len());
    let cut = cut_from.filter(|_| count > MAX_ATTRIBUTES).map(|from| (from, i.min(bytes.len())));
    Tag { name, end, cut }
}

/// The end tag that closes a raw-text element, whose content holds no tags.
fn raw_text_end(name: &[u8]) -> Option<&'static [u8]> {
    const RAW: [(&[u8], &[u8]); 8] = [
        (b"script", b"</script"),
        (b"style", b"</style"),
        (b"textarea", b"</textarea"),
        (b"title", b"</title"),
        (b"xmp", b"</xmp"),
        (b"iframe", b"</iframe"),
        (b"noembed", b"</noembed"),
        (b"noframes", b"</noframes"),
    ];
    RAW.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, end)| *end)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// `needle` starts with `<`: candidates are found with `memchr`, then compared.
fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = memchr(needle[0], bytes.get(at..)?) {
        let candidate = at + offset;
        if bytes.get(candidate..candidate + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)) {
            return Some(candidate);
        }
        at = candidate + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_with(n: usize) -> String {
        let attrs: Vec<String> = (0..n).map(|i| format!("a{i}=\"v>{i}\"")).collect();
        format!("<p>\n<div\n{}\n>text</div>", attrs.join(" "))
    }

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = format!("<!-- <p {} --><script>if (a<b && c>d) {{}}</script>{}", "x ".repeat(5000), tag_with(20));
        assert!(matches!(limit_attributes(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_cut_keeping_its_lines() {
        let page = tag_with(5000);
        let limited = limit_attributes(&page);
        let last = MAX_ATTRIBUTES - 1;
        assert!(
            limited.ends_with(&format!(" a{last}=\"v>{last}\"\n>text</div>")),
            "{}",
            &limited[limited.len() - 40..]
        );
        assert!(!limited.contains(&format!("a{MAX_ATTRIBUTES}=")));
        assert_eq!(limited.matches('\n').count(), page.matches('\n').count());
    }

    #[test]
    fn truncated_tags_and_quotes_end_the_scan() {
        for page in ["<p a=\"never closed", "<p", "<", "<!-- open", "<script>no end", "<p a b c"] {
            assert!(matches!(limit_attributes(page), Cow::Borrowed(_)), "{page}");
        }
    }
}
