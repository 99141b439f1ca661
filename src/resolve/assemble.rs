//! After clustering: merged records with stable ids, every mention's `soundtrack_id`, one
//! explanation per record and the review rows, all in output order.

use std::sync::Arc;

use rayon::prelude::*;

use super::Resolution;
use super::explain::{Merge, MergeReason, RecordExplanation};
use super::features::Profile;
use super::people::People;
use super::records::{self, Built, mention_ref};
use super::review::{self, ReviewKind, ReviewRow, Side};
use super::scoring::PairScore;
use super::vocabulary::Vocabulary;
use crate::model::{Mention, Soundtrack};

/// A union of two profiles and why.
pub struct Edge {
    pub a: u32,
    pub b: u32,
    pub reason: MergeReason,
    pub score: Option<PairScore>,
}

/// A scored pair that did not simply merge, kept for `review.csv`.
pub struct Pending {
    pub a: u32,
    pub b: u32,
    pub kind: ReviewKind,
    pub merged: bool,
    pub score: PairScore,
    pub note: String,
}

/// Builds the resolution from clusters of profiles (`groups`, each in profile order).
pub fn finish(
    mentions: &mut [Mention],
    vocab: &Vocabulary,
    profiles: &[Profile],
    groups: Vec<Vec<u32>>,
    edges: Vec<Edge>,
    pending: Vec<Pending>,
) -> Resolution {
    // Shared, so the many places a mention is cited do not copy its `source:line`.
    let refs: Vec<Arc<str>> = mentions.par_iter().map(|m| Arc::from(mention_ref(m))).collect();
    let order = |a: &usize, b: &usize| {
        (&mentions[*a].source, mentions[*a].line, a).cmp(&(&mentions[*b].source, mentions[*b].line, b))
    };
    let members: Vec<Vec<usize>> = groups
        .par_iter()
        .map(|g| {
            let mut ms: Vec<usize> = g.iter().flat_map(|&p| profiles[p as usize].mentions.iter().copied()).collect();
            ms.sort_by(order);
            ms
        })
        .collect();
    let people = People::new(&members, mentions, vocab);
    let mut built: Vec<Built> =
        members.par_iter().map(|ms| records::build(ms, mentions, &refs, vocab, &people)).collect();
    super::ids::assign_ids(&mut built);

    let mut record_of_profile = vec![0usize; profiles.len()];
    for (r, g) in groups.iter().enumerate() {
        for &p in g {
            record_of_profile[p as usize] = r;
        }
    }
    for (r, ms) in members.iter().enumerate() {
        for &m in ms {
            mentions[m].soundtrack_id.clone_from(&built[r].record.id);
        }
    }
    // Mentions with identical keys, listed once per group rather than pair by pair.
    let mut same_keys: Vec<Vec<Vec<Arc<str>>>> = vec![Vec::new(); built.len()];
    for (p, profile) in profiles.iter().enumerate() {
        if profile.mentions.len() > 1 {
            same_keys[record_of_profile[p]].push(profile.mentions.iter().map(|&m| refs[m].clone()).collect());
        }
    }
    let mut merges: Vec<Vec<Merge>> = vec![Vec::new(); built.len()];
    for e in &edges {
        let (a, b) = (profiles[e.a as usize].mentions[0], profiles[e.b as usize].mentions[0]);
        merges[record_of_profile[e.a as usize]].push(Merge {
            a: refs[a].to_string(),
            a_title: mentions[a].title.clone(),
            b: refs[b].to_string(),
            b_title: mentions[b].title.clone(),
            reason: e.reason,
            score: e.score,
        });
    }

    let side = |p: u32| {
        let m = profiles[p as usize].mentions[0];
        let x = &mentions[m];
        Side { id: x.soundtrack_id.clone(), title: x.title.clone(), year: x.year, source: refs[m].to_string() }
    };
    let mut review_rows: Vec<ReviewRow> = pending
        .into_iter()
        .filter(|p| p.merged || record_of_profile[p.a as usize] != record_of_profile[p.b as usize])
        .map(|p| ReviewRow { kind: p.kind, merged: p.merged, score: p.score, a: side(p.a), b: side(p.b), note: p.note })
        .collect();
    review::sort_rows(&mut review_rows);

    let mut out: Vec<(Soundtrack, RecordExplanation)> = built
        .into_iter()
        .zip(merges.into_iter().zip(same_keys))
        .map(|(b, (merges, same_keys))| {
            let r = b.record;
            let e = RecordExplanation {
                id: r.id.clone(),
                title: r.title.clone(),
                year: r.year,
                mention_count: r.mention_count,
                fields: b.fields,
                same_keys,
                merges,
            };
            (r, e)
        })
        .collect();
    out.par_sort_unstable_by(|a, b| a.0.id.cmp(&b.0.id));
    let (soundtracks, explanations) = out.into_iter().unzip();
    Resolution { soundtracks, explanations, review: review_rows }
}
