//! Rows of `review.csv`: the decisions a person should check.
//!
//! - `weak-merge`: merged, but with little to spare (total under threshold + 0.10) or on a
//!   near title alone, with no year or composer agreeing;
//! - `near-threshold`: kept apart, but the score came within [`REVIEW_MARGIN`] of the
//!   threshold;
//! - `refused`: the score said merge, but a rule kept them apart (same article, another part,
//!   a remake, an override); the note says which.
//!
//! Fix a wrong decision with a row in the overrides file (`docs/overrides.md`).

use std::sync::Arc;

use serde::Serialize;

use super::scoring::{PairScore, REVIEW_MARGIN, THRESHOLD, TITLE_GATE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewKind {
    WeakMerge,
    NearThreshold,
    Refused,
}

impl ReviewKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::WeakMerge => "weak-merge",
            ReviewKind::NearThreshold => "near-threshold",
            ReviewKind::Refused => "refused",
        }
    }
}

/// One side of a reviewed pair: a mention and the record it ended in. The strings are
/// shared: a large run has hundreds of thousands of rows, most sides met many times.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Side {
    pub id: Arc<str>,
    pub title: Arc<str>,
    pub year: Option<i32>,
    pub source: Arc<str>,
}

/// One row of `review.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRow {
    pub kind: ReviewKind,
    pub merged: bool,
    pub score: PairScore,
    /// Shared by every row that meets the same mention; notes repeat too.
    pub a: Arc<Side>,
    pub b: Arc<Side>,
    pub note: Arc<str>,
}

/// Whether an accepted merge had weak evidence.
pub fn is_weak(s: &PairScore) -> bool {
    s.total < THRESHOLD + 0.10 || (!s.corroborated() && s.title < 1.0)
}

/// Whether a pair kept apart scored close enough to the threshold to be worth a look.
pub fn is_near(s: &PairScore) -> bool {
    s.total >= THRESHOLD - REVIEW_MARGIN && s.title >= TITLE_GATE - REVIEW_MARGIN
}

/// A short reason for a weak merge or a near miss.
pub fn note_for(s: &PairScore, merged: bool) -> String {
    let mut parts = Vec::new();
    if s.title < 1.0 {
        parts.push(format!("titles differ (similarity {:.2})", s.title));
    }
    if s.year < 0.0 {
        parts.push("years disagree".to_string());
    } else if s.year == 0.0 {
        parts.push("no year to compare".to_string());
    }
    if s.composers < 0.0 {
        parts.push("composers disagree".to_string());
    } else if s.composers == 0.0 {
        parts.push("no composers to compare".to_string());
    }
    if !merged && s.title < TITLE_GATE {
        parts.push("title below the gate".to_string());
    }
    parts.join("; ")
}

/// Sorts rows into a stable order for output. In place: no two rows share both sides (a
/// side is a profile's first mention, and a pair is reviewed once), so the order is total.
pub fn sort_rows(rows: &mut [ReviewRow]) {
    rows.sort_unstable_by(|x, y| {
        (x.kind, &x.a, &x.b).cmp(&(y.kind, &y.a, &y.b)).then(y.score.total.total_cmp(&x.score.total))
    });
}
