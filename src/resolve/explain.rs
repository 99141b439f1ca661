//! Explanations: for every merged record, where each value came from and why its mentions
//! were merged. The run writes them to `explain.jsonl` (one record per line, sorted by id);
//! `cuesheet explain <id or title>` reads that file and prints one record with [`render`].

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::scoring::{PairScore, THRESHOLD};
use crate::normalize::{fold, title_key};

/// One value of one field and the mentions (`source:line`) that gave it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    pub field: String,
    pub value: String,
    pub sources: Vec<String>,
    /// Other spellings that were read as this value (`Deutsche Grammafon`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
}

/// Why two groups of mentions were put in one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeReason {
    /// Every key (titles, year, composers, labels) is the same.
    SameKeys,
    /// The pair's score reached the threshold.
    Score,
    /// The user's overrides file said so.
    Override,
}

/// One merge: mention `a` joined mention `b`'s group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Merge {
    pub a: String,
    pub a_title: String,
    pub b: String,
    pub b_title: String,
    pub reason: MergeReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<PairScore>,
}

/// The explanation of one record, one line of `explain.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordExplanation {
    pub id: String,
    pub title: String,
    pub year: Option<i32>,
    pub mention_count: usize,
    pub fields: Vec<FieldValue>,
    pub merges: Vec<Merge>,
}

impl RecordExplanation {
    /// Whether `query` names this record: its id, or a title or alternate title with the same
    /// work key or fold (`explain "guardians of the galaxy"`).
    pub fn matches(&self, query: &str) -> bool {
        let query = query.trim();
        if self.id == query {
            return true;
        }
        let (qk, qf) = (title_key(query), fold(query));
        let titles = self
            .fields
            .iter()
            .filter(|f| f.field == "title" || f.field == "alt_title");
        std::iter::once(&self.title)
            .chain(titles.map(|f| &f.value))
            .any(|t| title_key(t) == qk || fold(t) == qf)
    }
}

/// Human-readable text of one explanation.
pub fn render(e: &RecordExplanation) -> String {
    let mut out = String::new();
    let year = e
        .year
        .map_or_else(|| "no year".to_string(), |y| y.to_string());
    let _ = writeln!(
        out,
        "{}  {} ({year}), {} mention(s)",
        e.id, e.title, e.mention_count
    );
    let _ = writeln!(out, "\nfields (value ← sources):");
    for f in &e.fields {
        let spellings = if f.spellings.is_empty() {
            String::new()
        } else {
            format!("  [written {}]", f.spellings.join(" / "))
        };
        let _ = writeln!(out, "  {:<10} {}{spellings}", f.field, f.value);
        let _ = writeln!(out, "  {:<10}   ← {}", "", f.sources.join(", "));
    }
    if e.merges.is_empty() {
        let _ = writeln!(out, "\nno merges: one mention");
        return out;
    }
    let _ = writeln!(out, "\nmerges (threshold {THRESHOLD:.2}):");
    for m in &e.merges {
        let _ = writeln!(out, "  {} “{}”  +  {} “{}”", m.a, m.a_title, m.b, m.b_title);
        let why = match (m.reason, &m.score) {
            (MergeReason::SameKeys, _) => "same title, year, composers and labels".to_string(),
            (MergeReason::Override, _) => "forced by the overrides file".to_string(),
            (MergeReason::Score, Some(s)) => format!(
                "score {:.2} = title {:.2} {:+.2} year {:+.2} composers {:+.2} labels",
                s.total, s.title, s.year, s.composers, s.labels
            ),
            (MergeReason::Score, None) => "score".to_string(),
        };
        let _ = writeln!(out, "      {why}");
    }
    out
}
