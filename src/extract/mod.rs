//! Extraction: finds soundtrack entries in a document. (Being built: only ranked `N. Title`
//! lines for now.)

use crate::document::Document;
use crate::model::{Layout, Mention};

/// Extracts every soundtrack entry of `doc`.
pub fn extract(doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        if let Some((num, rest)) = block.text.split_once(". ") {
            if let Ok(rank) = num.trim().parse::<u32>() {
                let mut m = Mention::new(&doc.source, block.line, Layout::RankedList, rest.trim().to_string());
                m.rank = Some(rank);
                out.push(m);
            }
        }
    }
    out
}

/// The layout most mentions were found in.
pub fn main_layout(mentions: &[Mention]) -> Option<Layout> {
    let mut counts = std::collections::BTreeMap::new();
    for m in mentions {
        *counts.entry(m.layout).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|(l, c)| (*c, std::cmp::Reverse(*l))).map(|(l, _)| l)
}
