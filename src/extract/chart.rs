//! Charts copied from a page whose columns each became a line: "1" / "NEW" / "Wicked: The
//! Soundtrack" / "Cynthia Erivo & Ariana Grande" / "Republic" / "1" / "1" / "2" / …. A rank,
//! then a movement cell (last week's place, "NEW", "RE-ENTRY"), then a title is one entry;
//! the rank and title are folded into one line, "1. Wicked: The Soundtrack", so the list
//! reader sees a numbered list with the artist and label columns as each entry's lines; the
//! remaining number columns are dropped.

use std::borrow::Cow;

use crate::document::Block;

/// Ranks folded over their titles when three or more of them run in order.
pub fn fold_chart_rows(blocks: &[Block]) -> Cow<'_, [Block]> {
    let starts: Vec<(usize, u32)> = (0..blocks.len().saturating_sub(2))
        .filter_map(|i| {
            let rank = bare_number(&blocks[i].text)?;
            let title = &blocks[i + 2].text;
            (is_movement(&blocks[i + 1].text) && !is_movement(title) && title.chars().any(char::is_alphabetic))
                .then_some((i, rank))
        })
        .collect();
    let in_order = starts.windows(2).filter(|w| w[1].1 == w[0].1 + 1 && w[1].0 > w[0].0 + 2).count();
    if starts.len() < 3 || in_order + 1 < starts.len() * 3 / 4 {
        return Cow::Borrowed(blocks);
    }
    // The column headings right above the first row ("THIS WEEK", "PEAK POS.") go too.
    let mut headings = starts[0].0;
    while headings > 0 && is_column_heading(&blocks[headings - 1].text) {
        headings -= 1;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut i = 0;
    let mut next = starts.iter().peekable();
    while i < blocks.len() {
        if let Some(&&(at, rank)) = next.peek()
            && at == i
        {
            next.next();
            let mut folded = blocks[i + 2].clone();
            folded.text = format!("{rank}. {}", folded.text.trim());
            folded.line = blocks[i].line;
            folded.gap_before = true;
            out.push(folded);
            i += 3;
            continue;
        }
        // The other number columns (peak, weeks on chart) say nothing about the work.
        if i < headings || i >= starts[0].0 && bare_number(&blocks[i].text).is_none() {
            out.push(blocks[i].clone());
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// A short line in capitals: "LAST WEEK", "TITLE / ARTIST / LABEL", "WKS ON CHART".
fn is_column_heading(text: &str) -> bool {
    let t = text.trim();
    t.split_whitespace().count() <= 8 && t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

fn bare_number(text: &str) -> Option<u32> {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// A chart's movement cell: last week's place, or a word for a new or returning entry.
fn is_movement(text: &str) -> bool {
    let t = text.trim();
    bare_number(t).is_some()
        || matches!(
            t.to_ascii_uppercase().as_str(),
            "NEW"
                | "RE-ENTRY"
                | "RE-ENTER"
                | "RE"
                | "RE-NEW"
                | "HOT SHOT DEBUT"
                | "-"
                | "—"
                | "–"
                | "NE"
                | "RE-ENTRIES"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    fn lines(text: &str) -> Vec<Block> {
        text.lines().enumerate().map(|(i, l)| Block::new(BlockKind::Paragraph, l, i + 1)).collect()
    }

    #[test]
    fn chart_columns_fold_into_numbered_titles() {
        let blocks = lines(
            "THIS WEEK\n1\nNEW\nWicked: The Soundtrack\nCynthia Erivo\nRepublic\n1\n1\n\
             2\nNEW\nMoana 2\nVarious Artists\nWalt Disney\n2\n1\n3\n2\nTwisters: The Album\nVarious Artists\nAtlantic\n1\n22",
        );
        let folded = fold_chart_rows(&blocks);
        let texts: Vec<&str> = folded.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "1. Wicked: The Soundtrack", "column headings are dropped");
        assert!(texts.contains(&"2. Moana 2") && texts.contains(&"3. Twisters: The Album"));
        assert_eq!(folded.iter().find(|b| b.text == "2. Moana 2").map(|b| b.line), Some(9));
        assert!(!texts.contains(&"22"), "peak and weeks columns are dropped");
    }

    #[test]
    fn numbers_that_do_not_run_in_order_are_left_alone() {
        let blocks = lines("1\n2\nAlien\n7\n3\nHeat\n1\n9\nDrive");
        assert!(matches!(fold_chart_rows(&blocks), Cow::Borrowed(_)));
    }
}
