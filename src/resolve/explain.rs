//! Explanations: for every merged record, where each value came from and why its mentions
//! were merged. The run writes them to `explain.jsonl` (one record per line, sorted by id);
//! `cuesheet explain <id or title>` reads that file and prints one record with [`render`].

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::scoring::{PairScore, THRESHOLD};
use crate::normalize::{fold, title_key};

/// One value of one field and the mentions (`source:line`) that gave it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    /// The field's name: borrowed when a run builds it (one of a few names, not allocated
    /// per value), owned when read back from a spill or `explain.jsonl`. Spilled and written
    /// as a string either way.
    pub field: Cow<'static, str>,
    pub value: String,
    pub sources: Vec<Arc<str>>,
    /// Other spellings that were read as this value (`Deutsche Grammafon`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spellings: Vec<String>,
}

/// Why two groups of mentions were put in one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeReason {
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
    /// Groups of mentions (`source:line`) whose keys are all the same: same title keys, year,
    /// composers and labels. Each group was merged before any scoring.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_keys: Vec<Vec<Arc<str>>>,
    /// Merges between groups, best first.
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
        let titles = self.fields.iter().filter(|f| f.field == "title" || f.field == "alt_title");
        std::iter::once(&self.title).chain(titles.map(|f| &f.value)).any(|t| title_key(t) == qk || fold(t) == qf)
    }
}

/// Human-readable text of one explanation.
pub fn render(e: &RecordExplanation) -> String {
    let mut out = String::new();
    let year = e.year.map_or_else(|| "no year".to_string(), |y| y.to_string());
    let _ = writeln!(out, "{}  {} ({year}), {} mention(s)", e.id, e.title, e.mention_count);
    let _ = writeln!(out, "\nfields (value ← sources):");
    for f in &e.fields {
        let spellings =
            if f.spellings.is_empty() { String::new() } else { format!("  [written {}]", f.spellings.join(" / ")) };
        let _ = writeln!(out, "  {:<10} {}{spellings}", f.field, f.value);
        let _ = writeln!(out, "  {:<10}   ← {}", "", f.sources.join(", "));
    }
    if !e.same_keys.is_empty() {
        let _ = writeln!(out, "\nsame title, year, composers and labels (merged as one):");
        for group in &e.same_keys {
            let _ = writeln!(out, "  {}", group.join(", "));
        }
    }
    if e.merges.is_empty() {
        if e.same_keys.is_empty() {
            let _ = writeln!(out, "\nno merges: one mention");
        }
        return out;
    }
    let _ = writeln!(out, "\nmerges (threshold {THRESHOLD:.2}):");
    for m in &e.merges {
        let _ = writeln!(out, "  {} “{}”  +  {} “{}”", m.a, m.a_title, m.b, m.b_title);
        let why = match (m.reason, &m.score) {
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

/// Name of the explanations file in the output folder.
pub const EXPLAIN_FILE: &str = "explain.jsonl";

/// Why explanations could not be read.
#[derive(Debug, Error)]
pub enum ExplainError {
    #[error("{path}: not found; run cuesheet on the input first")]
    Missing { path: PathBuf },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: not an explanation: {message}")]
    Parse { path: PathBuf, line: usize, message: String },
}

/// What a lookup found.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// The records whose id is the query, or else whose title or alternate title is.
    Found(Vec<RecordExplanation>),
    /// Nothing matched; up to ten (id, title) whose title contains the query's words.
    NotFound(Vec<(String, String)>),
}

/// Finds the records of `dir/explain.jsonl` that match `query` (see
/// [`RecordExplanation::matches`]); an id match wins over title matches.
pub fn lookup(dir: &Path, query: &str) -> Result<Lookup, ExplainError> {
    let path = dir.join(EXPLAIN_FILE);
    let file = std::fs::File::open(&path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => ExplainError::Missing { path: path.clone() },
        _ => ExplainError::Read { path: path.clone(), source },
    })?;
    let (mut by_id, mut by_title, mut near) = (Vec::new(), Vec::new(), Vec::new());
    let words = fold(query);
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| ExplainError::Read { path: path.clone(), source })?;
        if line.trim().is_empty() {
            continue;
        }
        let e: RecordExplanation = serde_json::from_str(&line).map_err(|err| ExplainError::Parse {
            path: path.clone(),
            line: n + 1,
            message: err.to_string(),
        })?;
        if e.id == query.trim() {
            by_id.push(e);
        } else if e.matches(query) {
            by_title.push(e);
        } else if near.len() < 10 && !words.is_empty() && fold(&e.title).contains(&words) {
            near.push((e.id.clone(), e.title.clone()));
        }
    }
    Ok(match (by_id.is_empty(), by_title.is_empty()) {
        (false, _) => Lookup::Found(by_id),
        (true, false) => Lookup::Found(by_title),
        (true, true) => Lookup::NotFound(near),
    })
}
