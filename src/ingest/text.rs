//! Plain text and Markdown → blocks. Every non-blank line is a block; Markdown headings,
//! bullets and tables are recognised; emphasis, links and images are reduced to their text.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::re::Re;

use crate::document::{Block, BlockKind};
use crate::normalize::squash_spaces;

static ATX_HEADING: LazyLock<Re> = LazyLock::new(|| Re::new(r"^(#{1,6})\s+(.*?)\s*#*\s*$").expect("static regex"));
/// Bullet markers seen in copied pages and Markdown. An em dash is not one: "— Name"
/// usually credits a writer.
static BULLET: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^([ \t]*)[-*+•·▪◦‣–○■□➤►✓✔][ \t]+(\S.*)$").expect("static regex"));
static SETEXT: LazyLock<Re> = LazyLock::new(|| Re::new(r"^\s*(=+|-+)\s*$").expect("static regex"));
static TABLE_SEPARATOR: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$").expect("static regex"));
static IMAGE: LazyLock<Re> = LazyLock::new(|| Re::new(r"!\[[^\]\n]*\]\([^)\n]*\)").expect("static regex"));
static LINK: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"\[([^\]\n]+)\]\([^)\s\n]*(?:\s+[^)\n]*)?\)").expect("static regex"));
static STRONG: LazyLock<Re> = LazyLock::new(|| Re::new(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__").expect("static regex"));
/// Runs of three or more spaces inside a line separate columns (right-margin labels,
/// flattened tables); they are kept as a tab.
static WIDE_GAP: LazyLock<Re> = LazyLock::new(|| Re::gated(r"\S( {3,}|\t+)", &["   ", "\t"]).expect("static regex"));

/// Splits decoded text into blocks.
pub fn blocks_from_text(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut blocks: Vec<Block> = Vec::new();
    let mut gap = true;
    for (index, raw) in lines.iter().enumerate() {
        let line_no = index + 1;
        if raw.trim().is_empty() {
            gap = true;
            continue;
        }
        // A setext underline turns the previous line into a heading.
        if let Some(caps) = SETEXT.captures(raw)
            && let Some(prev) = blocks.last_mut()
        {
            // An underline about as long as the line above; a short "--" is a signature
            // or separator.
            let long_enough = caps[1].chars().count() * 10 >= prev.text.chars().count() * 6 && caps[1].len() >= 3;
            if prev.line == line_no - 1 && prev.kind == BlockKind::Paragraph && !gap && long_enough {
                let level = if caps[1].starts_with('=') { 1 } else { 2 };
                prev.kind = BlockKind::Heading(level);
                gap = true;
                continue;
            }
        }
        if TABLE_SEPARATOR.is_match(raw) && raw.contains('-') && raw.contains('|') {
            continue;
        }
        let mut block = line_block(raw, line_no);
        if block.text.is_empty() {
            gap = true;
            continue;
        }
        block.gap_before = gap;
        gap = false;
        blocks.push(block);
    }
    mark_tab_tables(&mut blocks);
    blocks
}

/// A table copied from a browser arrives as lines of tab-separated cells: a line of three or
/// more cells, then consecutive lines of at most as many, are table rows when three or more of
/// them have two cells or more. Rows may be short: a cell spanning rows above (a year) or empty
/// cells at the end are not copied, and a line break inside a cell leaves a short line of its
/// own ("2000" over "(73rd)\tGladiator\t…").
fn mark_tab_tables(blocks: &mut [Block]) {
    let cells = |b: &Block| if b.kind == BlockKind::Paragraph { b.text.matches('\t').count() + 1 } else { 0 };
    let mut start = 0;
    while start < blocks.len() {
        let n = cells(&blocks[start]);
        let mut end = start + 1;
        let mut tabbed = 1;
        while end < blocks.len() && n >= 3 && blocks[end].line == blocks[end - 1].line + 1 {
            let c = cells(&blocks[end]);
            if c == 0 || c > n || c == 1 && blocks[end].text.split_whitespace().count() > 3 {
                break;
            }
            tabbed += usize::from(c >= 2);
            end += 1;
        }
        // A short line after the last row is the text after the table.
        while end > start + 1 && cells(&blocks[end - 1]) == 1 {
            end -= 1;
        }
        if n >= 3 && tabbed >= 3 {
            for b in &mut blocks[start..end] {
                b.kind = BlockKind::Row;
            }
        }
        start = end;
    }
}

fn line_block(raw: &str, line: usize) -> Block {
    // A Markdown blockquote ("> text", "> > text") reads as its text.
    let raw = if raw.trim_start().starts_with('>') { raw.trim_start().trim_start_matches(['>', ' ']) } else { raw };
    if let Some((level, text)) = atx_heading(raw.trim_start()) {
        return Block::new(BlockKind::Heading(level), inline_text(text), line);
    }
    let trimmed = raw.trim();
    if trimmed.starts_with('|') && trimmed.ends_with('|') && trimmed.len() > 2 {
        let cells: Vec<String> = trimmed[1..trimmed.len() - 1].split('|').map(inline_text).collect();
        return Block::new(BlockKind::Row, cells.join("\t"), line);
    }
    if let Some(caps) = BULLET.captures(raw) {
        let indent = caps[1].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum::<usize>();
        let mut block = Block::new(BlockKind::ListItem, inline_text(&caps[2]), line);
        block.depth = (indent / 2).min(8) as u8;
        return block;
    }
    Block::new(BlockKind::Paragraph, inline_text(raw), line)
}

/// An ATX heading's level and text: `## Title ##` → (2, "Title"). The text is what is left
/// after the marks and the spaces after them, less a closing run of `#` and the spaces around
/// it: what [`ATX_HEADING`] captures, without running its lazy group over every heading
/// (its backtracking cost about 16 k instructions a heading).
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[level..];
    let found = if (1..=6).contains(&level) && rest.starts_with(char::is_whitespace) {
        let text = rest.trim_start().trim_end().trim_end_matches('#').trim_end();
        Some((level as u8, text))
    } else {
        None
    };
    debug_assert_eq!(
        found,
        ATX_HEADING.captures(line).map(|c| (c[1].len() as u8, c.get(2).map_or("", |m| m.as_str()))),
        "{line:?}"
    );
    found
}

/// Markdown inline markup reduced to text; wide gaps kept as tabs.
pub fn inline_text(raw: &str) -> String {
    let mut s = Cow::Borrowed(raw);
    // Images and links need a '[' and emphasis a '*' or '_': most lines have none, and one
    // scan for the three spares the four substring searches below.
    if memchr::memchr3(b'[', b'*', b'_', raw.as_bytes()).is_none() {
        return squash_spaces(&wide_gaps_as_tabs(raw));
    }
    if s.contains("![") {
        s = IMAGE.replace_all(&s, "").into_owned().into();
    }
    if s.contains("](") {
        s = LINK.replace_all(&s, "$1").into_owned().into();
    }
    if s.contains("**") || s.contains("__") {
        s = STRONG.replace_all(&s, "$1$2").into_owned().into();
    }
    squash_spaces(&wide_gaps_as_tabs(&s))
}

/// Runs of three or more spaces, or tabs, after a non-space become one tab: what
/// [`WIDE_GAP`] replaces, found by a byte search (its captures ran a backtracking search per
/// gap, about 9 k instructions each).
fn wide_gaps_as_tabs(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let (mut out, mut copied, mut at) = (String::new(), 0, 0);
    while let Some(start) = next_gap_start(bytes, at) {
        // The whole run of tabs, or of spaces (three or more: a tab after one or two spaces
        // is not right after the non-space, so it is no gap).
        let kind = bytes[start];
        let end = start + bytes[start..].iter().take_while(|&&b| b == kind).count();
        if s[..start].chars().next_back().is_some_and(|c| !c.is_whitespace()) {
            out.push_str(&s[copied..start]);
            out.push('\t');
            copied = end;
        }
        at = end;
    }
    let found = if copied == 0 {
        Cow::Borrowed(s)
    } else {
        out.push_str(&s[copied..]);
        Cow::Owned(out)
    };
    debug_assert_eq!(
        found,
        WIDE_GAP.replace_all(s, |c: &regex::Captures| format!("{}\t", &c[0][..c[0].len() - c[1].len()])),
        "{s:?}"
    );
    found
}

/// Where the first tab or run of three or more spaces at or after `at` begins.
fn next_gap_start(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at..];
    let tab = memchr::memchr(b'\t', rest);
    // Built once: building a searcher for each line cost as much as the search.
    static SPACES: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"   "));
    // Spaces are searched only before the first tab: most lines have neither.
    let spaces = SPACES.find(&rest[..tab.unwrap_or(rest.len())]);
    spaces.or(tab).map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_bullets_and_gaps() {
        let text = "# Best Scores\n\nIntro line\n- **Jaws** by John Williams\n  • nested\n\n10. Barbie\nUnderline\n---------\n";
        let b = blocks_from_text(text);
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert_eq!(b[0].text, "Best Scores");
        assert_eq!((b[1].text.as_str(), b[1].gap_before, b[1].line), ("Intro line", true, 3));
        assert_eq!(b[2].kind, BlockKind::ListItem);
        assert_eq!(b[2].text, "Jaws by John Williams");
        assert!(!b[2].gap_before);
        assert_eq!((b[3].kind, b[3].depth), (BlockKind::ListItem, 1));
        assert_eq!((b[4].kind, b[4].text.as_str()), (BlockKind::Paragraph, "10. Barbie"));
        assert_eq!(b[5].kind, BlockKind::Heading(2));
    }

    #[test]
    fn ragged_tab_tables_copied_from_a_wiki() {
        let text = "Intro\nYear\tFilm\tComposer(s)\tRef.\n2000\n(73rd)\tGladiator ‡\tHans Zimmer\t[2]\n\
                    Chocolat\tRachel Portman\nThe Patriot\tJohn Williams\nAfter the table, a sentence.\n";
        let kinds: Vec<BlockKind> = blocks_from_text(text).iter().map(|b| b.kind).collect();
        let row = BlockKind::Row;
        assert_eq!(kinds, [BlockKind::Paragraph, row, row, row, row, row, BlockKind::Paragraph]);
        // Two tabbed lines after a header are not yet a table.
        let kinds: Vec<BlockKind> = blocks_from_text("a\tb\tc\nd\te\nplain\n").iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph; 3]);
    }

    #[test]
    fn markdown_table_rows() {
        let b = blocks_from_text("| Year | Game |\n|---|---|\n| 1985 | Super Mario Bros. |\n");
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].kind, BlockKind::Row);
        assert_eq!(b[1].text, "1985\tSuper Mario Bros.");
    }

    #[test]
    fn tab_separated_lines_are_table_rows() {
        let b = blocks_from_text("Intro line\nRank\tFilm\tYear\n1\tStar Wars\t1977\n2\tLaura\t1944\nAfter.\n");
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Row, BlockKind::Row, BlockKind::Row, BlockKind::Paragraph]);
        let two = blocks_from_text("a\tb\nc\td\ne\tf\n");
        assert!(two.iter().all(|b| b.kind == BlockKind::Paragraph), "two cells: margin labels, not a table");
    }

    proptest::proptest! {
        #[test]
        fn wide_gaps_are_found_as_the_pattern_finds_them(line in "[a \t\u{a0}é\u{3000}]{0,24}") {
            // wide_gaps_as_tabs asserts agreement with WIDE_GAP in debug builds.
            let _ = wide_gaps_as_tabs(&line);
        }

        #[test]
        fn atx_headings_read_as_the_pattern_reads_them(line in "[#]{0,8}[ \t\u{a0}\u{3000}#]{0,3}[a-z# \t\u{a0}]{0,12}") {
            // atx_heading asserts agreement with ATX_HEADING in debug builds.
            let _ = atx_heading(&line);
        }
    }

    #[test]
    fn atx_heading_levels_and_closing_marks() {
        assert_eq!(atx_heading("## Best Scores ##  "), Some((2, "Best Scores")));
        assert_eq!(atx_heading("# C# Major #"), Some((1, "C# Major")));
        assert_eq!(atx_heading("# #"), Some((1, "")));
        assert_eq!(atx_heading("####### Seven"), None);
        assert_eq!(atx_heading("#hashtag"), None);
    }

    #[test]
    fn wide_gaps_become_tabs_and_links_text() {
        assert_eq!(inline_text("Hoosiers – Jerry Goldsmith      Part 1"), "Hoosiers – Jerry Goldsmith\tPart 1");
        assert_eq!(inline_text("see [Moonlight](http://x.y/z) ![img](a.png)"), "see Moonlight");
        let gaps = [("a   b", "a\tb"), ("a  \tb", "a  \tb"), ("a   \tb", "a\t\tb"), ("a\t   b", "a\t   b")];
        for (line, tabbed) in
            gaps.into_iter().chain([("   a", "   a"), ("é\u{a0}   a", "é\u{a0}   a"), ("é    ", "é\t")])
        {
            assert_eq!(wide_gaps_as_tabs(line), tabbed, "{line:?}");
        }
    }
}
