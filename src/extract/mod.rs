//! Extraction: finds every soundtrack entry of a document.
//!
//! The article tells its own layout: blocks become [`units`]; [`sections`] marks page
//! furniture, honourable-mention sections and list titles; [`list`] finds the repeated entry
//! header template (numbered sequences, repeated header shapes), [`table`] reads tables and
//! [`inline`] lists packed into one paragraph; each entry's blurb is read by [`body`]; articles
//! without a list are read as [`prose`]. Facts (composers, labels, given names) come from
//! [`vocab`]; everything else is position and shape.

pub mod body;
pub mod chart;
pub mod credits;
pub mod enumerator;
pub mod fields;
pub mod groups;
pub mod header;
pub mod inline;
pub mod known;
pub mod labels;
pub mod list;
pub mod names;
pub mod prose;
pub mod scan;
pub mod sections;
pub mod slots;
pub mod spans;
pub mod split;
pub mod table;
pub mod title;
pub mod tracks;
pub mod units;
pub mod vocab;
pub mod word_set;
pub mod words;
pub mod years;

mod assemble;

use crate::document::Document;
use crate::model::{Layout, Mention};

pub use known::{KnownTitles, Lenders};
pub use vocab::{BUILT_IN, Vocabulary};

/// Extracts every soundtrack entry of `doc` with the built-in vocabulary.
pub fn extract(doc: &Document) -> Vec<Mention> {
    extract_with(doc, &BUILT_IN)
}

/// Extracts every soundtrack entry of `doc`.
pub fn extract_with(doc: &Document, vocab: &Vocabulary) -> Vec<Mention> {
    let units = units::units(doc);
    let info = sections::analyze(&units, vocab);
    let mentions = extract_units(doc, &units, &info, vocab);
    // Nothing before "Comments"/"Related": on a forum thread the replies are the content.
    if mentions.is_empty() && info.iter().any(|i| i.after_stop) {
        let info = sections::analyze_with(&units, vocab, false);
        return extract_units(doc, &units, &info, vocab);
    }
    mentions
}

fn extract_units(
    doc: &Document,
    units: &[units::Unit],
    info: &[sections::UnitInfo],
    vocab: &Vocabulary,
) -> Vec<Mention> {
    // One scope for the whole article: headers are scored while entries are found, and the
    // same makers again when mentions are assembled.
    names::remembering_scores(vocab, || mentions_of_units(doc, units, info, vocab))
}

fn mentions_of_units(
    doc: &Document,
    units: &[units::Unit],
    info: &[sections::UnitInfo],
    vocab: &Vocabulary,
) -> Vec<Mention> {
    let mut entries = list::find_entries(units, info, vocab);
    entries.extend(inline::find_entries(units, info, &entries, vocab));
    entries.sort_by_key(|e| e.unit);
    let mut mentions = assemble::mentions(doc, units, info, &entries, vocab);
    mentions.extend(table::mentions(doc, units, info, vocab));
    let mut mentions = assemble::merge_notes(mentions);
    // Prose is read when the article has no list — or only paragraphs that open with a title
    // (an interview, a thread), which are discussion, not a list.
    if reads_as_prose(&mentions) {
        let claimed: std::collections::HashSet<usize> = entries.iter().map(|e| e.unit).collect();
        mentions.extend(prose::mentions(doc, units, info, &claimed, &mentions, vocab));
    }
    // Stable: entries of one line keep their order in the text.
    mentions.sort_by_key(|m| m.line);
    mentions
}

/// Whether an article with these entries is read as prose: fewer than three list entries
/// other than paragraphs that open with a title (an interview, a thread).
pub fn reads_as_prose(mentions: &[Mention]) -> bool {
    mentions.iter().filter(|m| m.layout != Layout::Prose && m.confidence != assemble::LEAD_CONFIDENCE).count() < 3
}

/// The layout most mentions were found in.
pub fn main_layout(mentions: &[Mention]) -> Option<Layout> {
    let mut counts = std::collections::BTreeMap::new();
    for m in mentions {
        *counts.entry(m.layout).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|(l, c)| (*c, std::cmp::Reverse(*l))).map(|(l, _)| l)
}
