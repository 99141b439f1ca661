//! Resolution: groups the mentions of one soundtrack across articles into one record, gives
//! every mention the id of its record, and says why.
//!
//! Steps: mentions → [`features`] (keys, identical ones grouped into profiles) →
//! [`blocking`] (candidate pairs, never all pairs) → [`scoring`] (per-field scores) →
//! [`cluster`] (union-find, best pairs first, with consistency checks) → [`people`]
//! (one spelling per person) → [`records`] (merged records, stable ids) → [`explain`] and
//! [`review`]. Everything is sorted by keys, so the output never depends on thread count or
//! file order.

pub mod blocking;
pub mod cluster;
pub mod explain;
pub mod features;
pub mod overrides;
pub mod people;
pub mod records;
pub mod review;
pub mod scoring;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::model::{Mention, Soundtrack};
use cluster::Clusters;
use explain::{Merge, MergeReason, RecordExplanation};
use features::{Idf, Profile, Vocabulary};
pub use overrides::{OVERRIDES_FILE, Overrides, OverridesError};
use records::{Built, mention_ref};
use review::{ReviewKind, ReviewRow, Side};
use scoring::PairScore;
pub use scoring::THRESHOLD;

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

/// A union of two profiles and why.
struct Edge {
    a: u32,
    b: u32,
    reason: MergeReason,
    score: Option<PairScore>,
}

/// A scored pair that did not simply merge, kept for `review.csv`.
struct Pending {
    a: u32,
    b: u32,
    kind: ReviewKind,
    merged: bool,
    score: PairScore,
    note: String,
}

/// Merges mentions of one work, sets each mention's `soundtrack_id`, and returns the records
/// with their explanations and the review list.
pub fn resolve_with(mentions: &mut [Mention], overrides: &Overrides) -> Resolution {
    let vocab = Vocabulary::new(overrides);
    let profiles = features::profiles(mentions, &vocab);
    let idf = Idf::new(&profiles);
    let mut sources: BTreeMap<&str, u32> =
        mentions.iter().map(|m| (m.source.as_str(), 0)).collect();
    for (n, id) in sources.values_mut().enumerate() {
        *id = n as u32;
    }
    let source_of: Vec<u32> = mentions
        .iter()
        .map(|m| sources[m.source.as_str()])
        .collect();
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
                edges.push(Edge {
                    a: w[0],
                    b: w[1],
                    reason: MergeReason::Override,
                    score: None,
                });
            }
        }
    }

    let pairs = blocking::candidate_pairs(&profiles, &idf);
    let mut scored: Vec<(u32, u32, PairScore)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            scoring::score(&profiles[a as usize], &profiles[b as usize], &idf).map(|s| (a, b, s))
        })
        .collect();
    scored.sort_by(|x, y| {
        y.2.total
            .total_cmp(&x.2.total)
            .then(y.2.title.total_cmp(&x.2.title))
            .then((x.0, x.1).cmp(&(y.0, y.1)))
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
                    edges.push(Edge {
                        a,
                        b,
                        reason: MergeReason::Score,
                        score: Some(s),
                    });
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

    // Clusters in the order of their first profile; members in (source, line) order.
    let mut by_root: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for p in 0..profiles.len() as u32 {
        by_root.entry(clusters.find(p)).or_default().push(p);
    }
    let groups: Vec<Vec<u32>> = by_root.into_values().collect();
    let members: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut ms: Vec<usize> = g
                .iter()
                .flat_map(|&p| profiles[p as usize].mentions.iter().copied())
                .collect();
            ms.sort_by(|&a, &b| {
                (&mentions[a].source, mentions[a].line, a).cmp(&(
                    &mentions[b].source,
                    mentions[b].line,
                    b,
                ))
            });
            ms
        })
        .collect();
    let people = people::People::new(&members, mentions, &vocab);
    let mut built: Vec<Built> = members
        .par_iter()
        .map(|ms| records::build(ms, mentions, &vocab, &people))
        .collect();
    records::assign_ids(&mut built);

    let mut record_of_profile = vec![0usize; profiles.len()];
    for (r, g) in groups.iter().enumerate() {
        for &p in g {
            record_of_profile[p as usize] = r;
        }
    }
    for (r, ms) in members.iter().enumerate() {
        for &m in ms {
            mentions[m].soundtrack_id = built[r].record.id.clone();
        }
    }

    let mut merges: Vec<Vec<Merge>> = vec![Vec::new(); built.len()];
    for (p, profile) in profiles.iter().enumerate() {
        let first = profile.mentions[0];
        for &other in &profile.mentions[1..] {
            merges[record_of_profile[p]].push(merge_entry(
                mentions,
                first,
                other,
                MergeReason::SameKeys,
                None,
            ));
        }
    }
    for e in &edges {
        let (ma, mb) = (
            profiles[e.a as usize].mentions[0],
            profiles[e.b as usize].mentions[0],
        );
        merges[record_of_profile[e.a as usize]]
            .push(merge_entry(mentions, ma, mb, e.reason, e.score));
    }

    let side = |p: u32| {
        let m = &mentions[profiles[p as usize].mentions[0]];
        Side {
            id: m.soundtrack_id.clone(),
            title: m.title.clone(),
            year: m.year,
            source: mention_ref(m),
        }
    };
    let mut review_rows: Vec<ReviewRow> = pending
        .into_iter()
        .filter(|p| p.merged || record_of_profile[p.a as usize] != record_of_profile[p.b as usize])
        .map(|p| ReviewRow {
            kind: p.kind,
            merged: p.merged,
            score: p.score,
            a: side(p.a),
            b: side(p.b),
            note: p.note,
        })
        .collect();
    review::sort_rows(&mut review_rows);

    let mut out: Vec<(Soundtrack, RecordExplanation)> = built
        .into_iter()
        .zip(merges)
        .map(|(b, merges)| {
            let r = b.record;
            let e = RecordExplanation {
                id: r.id.clone(),
                title: r.title.clone(),
                year: r.year,
                mention_count: r.mention_count,
                fields: b.fields,
                merges,
            };
            (r, e)
        })
        .collect();
    out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let (soundtracks, explanations) = out.into_iter().unzip();
    Resolution {
        soundtracks,
        explanations,
        review: review_rows,
    }
}

fn merge_entry(
    mentions: &[Mention],
    a: usize,
    b: usize,
    reason: MergeReason,
    score: Option<PairScore>,
) -> Merge {
    Merge {
        a: mention_ref(&mentions[a]),
        a_title: mentions[a].title.clone(),
        b: mention_ref(&mentions[b]),
        b_title: mentions[b].title.clone(),
        reason,
        score,
    }
}

/// Each profile's `apart` tags: (rule number, side) for every rule one of its mentions matches.
fn apart_tags(
    profiles: &[Profile],
    mentions: &[Mention],
    overrides: &Overrides,
) -> Vec<Vec<(u32, bool)>> {
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
