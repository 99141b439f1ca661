//! Resolution: groups the mentions of one soundtrack across articles into one record, gives
//! every mention the id of its record, and says why.
//!
//! Steps: mentions → [`features`] (keys, identical ones grouped into profiles) →
//! [`blocking`] (candidate pairs, never all pairs) → [`scoring`] (per-field scores) →
//! [`cluster`] (union-find, best pairs first, with consistency checks) → [`people`]
//! (one spelling per person) → [`records`] (merged records, stable ids) → [`explain`] and
//! [`review`]. Everything is sorted by keys, so the output never depends on thread count or
//! file order.

mod assemble;
pub mod blocking;
pub mod cluster;
pub mod explain;
mod fast_hash;
pub mod features;
pub mod ids;
pub mod overrides;
pub mod people;
pub mod records;
pub mod review;
pub mod scoring;
pub mod vocabulary;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::model::{Mention, Soundtrack};
use assemble::{Edge, Pending};
use cluster::Clusters;
use explain::{MergeReason, RecordExplanation};
use features::Profile;
pub use overrides::{OVERRIDES_FILE, Overrides, OverridesError};
use review::{ReviewKind, ReviewRow};
use scoring::PairScore;
pub use scoring::THRESHOLD;
use vocabulary::Vocabulary;

/// Everything resolution produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// Merged records, sorted by id.
    pub soundtracks: Vec<Soundtrack>,
    /// One explanation per record, in the same order.
    pub explanations: Vec<RecordExplanation>,
    /// Decisions worth a person's check, sorted.
    pub review: Vec<ReviewRow>,
}

/// Resolves without overrides; see [`resolve_with`].
pub fn resolve(mentions: &mut [Mention]) -> Vec<Soundtrack> {
    resolve_with(mentions, &Overrides::default()).soundtracks
}

/// Merges mentions of one work, sets each mention's `soundtrack_id`, and returns the records
/// with their explanations and the review list.
pub fn resolve_with(mentions: &mut [Mention], overrides: &Overrides) -> Resolution {
    let mut vocab = Vocabulary::new(overrides);
    vocab.learn(mentions);
    let vocab = vocab;
    let profiles = features::profiles(mentions, &vocab);
    let mut sources: BTreeMap<&str, u32> = mentions.iter().map(|m| (m.source.as_str(), 0)).collect();
    for (n, id) in sources.values_mut().enumerate() {
        *id = n as u32;
    }
    let source_of: Vec<u32> = mentions.iter().map(|m| sources[m.source.as_str()]).collect();
    let tags = apart_tags(&profiles, mentions, overrides);
    let mut clusters = Clusters::new(&profiles, &source_of, &tags);
    let mut edges: Vec<Edge> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();

    for (first, second) in &overrides.merge {
        let matching: Vec<u32> = (0..profiles.len() as u32)
            .filter(|&p| {
                profiles[p as usize]
                    .mentions
                    .iter()
                    .any(|&m| first.matches(&mentions[m]) || second.matches(&mentions[m]))
            })
            .collect();
        for w in matching.windows(2) {
            if clusters.union(w[0], w[1]) {
                edges.push(Edge { a: w[0], b: w[1], reason: MergeReason::Override, score: None });
            }
        }
    }

    let pairs = blocking::candidate_pairs(&profiles);
    let mut scored: Vec<(u32, u32, PairScore)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| scoring::score(&profiles[a as usize], &profiles[b as usize]).map(|s| (a, b, s)))
        .collect();
    scored.par_sort_unstable_by(|x, y| {
        y.2.total.total_cmp(&x.2.total).then(y.2.title.total_cmp(&x.2.title)).then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    for (a, b, s) in scored {
        if !s.merges() {
            if review::is_near(&s) {
                pending.push(Pending {
                    a,
                    b,
                    kind: ReviewKind::NearThreshold,
                    merged: false,
                    score: s,
                    note: review::note_for(&s, false),
                });
            }
            continue;
        }
        match clusters.check(a, b) {
            Some(refusal) => pending.push(Pending {
                a,
                b,
                kind: ReviewKind::Refused,
                merged: false,
                score: s,
                note: refusal.describe().to_string(),
            }),
            None => {
                if clusters.union(a, b) {
                    edges.push(Edge { a, b, reason: MergeReason::Score, score: Some(s) });
                    if review::is_weak(&s) {
                        pending.push(Pending {
                            a,
                            b,
                            kind: ReviewKind::WeakMerge,
                            merged: true,
                            score: s,
                            note: review::note_for(&s, true),
                        });
                    }
                }
            }
        }
    }
    let groups = clusters.groups();
    assemble::finish(mentions, &vocab, &profiles, groups, edges, pending)
}

/// Each profile's `apart` tags: (rule number, side) for every rule one of its mentions matches.
fn apart_tags(profiles: &[Profile], mentions: &[Mention], overrides: &Overrides) -> Vec<Vec<(u32, bool)>> {
    profiles
        .iter()
        .map(|p| {
            let mut tags = Vec::new();
            for (i, (first, second)) in overrides.apart.iter().enumerate() {
                if p.mentions.iter().any(|&m| first.matches(&mentions[m])) {
                    tags.push((i as u32, false));
                }
                if p.mentions.iter().any(|&m| second.matches(&mentions[m])) {
                    tags.push((i as u32, true));
                }
            }
            tags
        })
        .collect()
}
