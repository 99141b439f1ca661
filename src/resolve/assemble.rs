//! After clustering: merged records (with one explanation each) handed to a sink as they are
//! built, then stable ids, every mention's record and the review rows.

use std::io;
use std::sync::Arc;

use rayon::prelude::*;

use super::digest::Digests;
use super::explain::{Merge, MergeReason, RecordExplanation};
use super::ids::{IdCandidate, assign_ids};
use super::people::People;
use super::records;
use super::review::{self, ReviewKind, ReviewRow, Side};
use super::scoring::PairScore;
use super::vocabulary::Vocabulary;
use super::{Outline, RecordSink};
use crate::model::{Mention, Soundtrack};
use crate::store::{MentionSource, chunks};

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

/// Builds the records of clusters of profiles (`groups`, each in profile order) into
/// `sink`, a chunk at a time, then settles ids and the review rows. Of each profile only its
/// mentions are still needed (`profiles`).
#[allow(clippy::too_many_arguments)]
pub fn finish<S: MentionSource + ?Sized>(
    source: &S,
    digests: &Digests,
    vocab: &Vocabulary,
    profiles: &[Vec<usize>],
    groups: Vec<Vec<u32>>,
    edges: Vec<Edge>,
    pending: Vec<Pending>,
    sink: &mut dyn RecordSink,
) -> io::Result<Outline> {
    let members: Vec<Vec<usize>> = groups
        .par_iter()
        .map(|g| {
            let mut ms: Vec<usize> = g.iter().flat_map(|&p| profiles[p as usize].iter().copied()).collect();
            ms.sort_by_key(|&m| digests.order_key(m));
            ms
        })
        .collect();
    let people = People::new(&members, digests, vocab);
    let mut record_of_profile = vec![0u32; profiles.len()];
    for (r, g) in groups.iter().enumerate() {
        for &p in g {
            record_of_profile[p as usize] = r as u32;
        }
    }
    let title = |m: usize| digests.str(digests.get(m).title).to_string();
    let mut merges: Vec<Vec<Merge>> = vec![Vec::new(); groups.len()];
    for e in &edges {
        let (a, b) = (profiles[e.a as usize][0], profiles[e.b as usize][0]);
        merges[record_of_profile[e.a as usize] as usize].push(Merge {
            a: digests.reference(a),
            a_title: title(a),
            b: digests.reference(b),
            b_title: title(b),
            reason: e.reason,
            score: e.score,
        });
    }

    let mut candidates: Vec<IdCandidate> = Vec::with_capacity(groups.len());
    for range in chunks(groups.len()) {
        let merges: Vec<Vec<Merge>> = merges[range.clone()].iter_mut().map(std::mem::take).collect();
        let built: Vec<io::Result<(Soundtrack, RecordExplanation)>> = range
            .into_par_iter()
            .zip(merges)
            .map(|(r, merges)| {
                let ms = members[r].iter().map(|&m| source.mention(m)).collect::<io::Result<Vec<_>>>()?;
                let ms: Vec<&Mention> = ms.iter().map(|m| m.as_ref()).collect();
                let refs: Vec<Arc<str>> = members[r].iter().map(|&m| Arc::from(digests.reference(m))).collect();
                let b = records::build(&ms, &refs, vocab, &people);
                // Mentions with identical keys, listed once per group rather than pair by pair.
                let same_keys = groups[r]
                    .iter()
                    .map(|&p| &profiles[p as usize])
                    .filter(|ms| ms.len() > 1)
                    .map(|ms| ms.iter().map(|&m| Arc::from(digests.reference(m))).collect())
                    .collect();
                let record = b.record;
                let explanation = RecordExplanation {
                    id: record.id.clone(),
                    title: record.title.clone(),
                    year: record.year,
                    mention_count: record.mention_count,
                    fields: b.fields,
                    same_keys,
                    merges,
                };
                Ok((record, explanation))
            })
            .collect();
        for b in built {
            let (record, explanation) = b?;
            candidates.push(IdCandidate::of(&record));
            sink.push(record, explanation)?;
        }
    }
    let ids = assign_ids(candidates, |r| sink.sources(r))?;

    let mut record_of_mention = vec![0u32; digests.len()];
    for (r, ms) in members.iter().enumerate() {
        for &m in ms {
            record_of_mention[m] = r as u32;
        }
    }
    let side = |p: u32| {
        let m = profiles[p as usize][0];
        let id = ids[record_of_mention[m] as usize].clone();
        Side { id, title: title(m), year: digests.get(m).year, source: digests.reference(m) }
    };
    let mut review: Vec<ReviewRow> = pending
        .into_iter()
        .filter(|p| p.merged || record_of_profile[p.a as usize] != record_of_profile[p.b as usize])
        .map(|p| ReviewRow { kind: p.kind, merged: p.merged, score: p.score, a: side(p.a), b: side(p.b), note: p.note })
        .collect();
    review::sort_rows(&mut review);
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
    Ok(Outline { ids, order, record_of_mention, review })
}
