//! After clustering: merged records (with one explanation each) handed to a sink as they are
//! built, then stable ids, every mention's record and the review rows.

use std::io;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::cluster::Refusal;
use super::digest::Digests;
use super::explain::{Merge, MergeReason, RecordExplanation};
use super::ids::{IdCandidate, assign_ids};
use super::people::People;
use super::records;
use super::review::{self, ReviewKind, ReviewRow, Side};
use super::scoring::PairScore;
use super::vocabulary::Vocabulary;
use super::{Outline, RecordSink};
use crate::fast_hash::FastMap as HashMap;
use crate::model::{Mention, Soundtrack};
use crate::store::{CHUNK, MentionSource};

/// At most this many mentions are read back at once to build records (unless one record
/// alone has more).
const MENTIONS_PER_CHUNK: usize = 1 << 14;

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
    /// The rule that kept a pair apart that its score would merge.
    pub refusal: Option<Refusal>,
}

impl Pending {
    /// The row's note, written only for the rows that are kept.
    fn note(&self) -> String {
        match self.refusal {
            Some(refusal) => refusal.describe().to_string(),
            None => review::note_for(&self.score, self.merged),
        }
    }
}

/// Records held at once while they are built: [`CHUNK`] records, fewer when they hold more
/// than [`MENTIONS_PER_CHUNK`] mentions between them (a work a crawl names ten thousand
/// times is read in full to build its record).
fn record_chunks(members: &[Vec<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut held) = (0, 0);
    for (r, ms) in members.iter().enumerate() {
        if r > start && (r - start == CHUNK || held + ms.len() > MENTIONS_PER_CHUNK) {
            out.push(start..r);
            (start, held) = (r, 0);
        }
        held += ms.len();
    }
    if start < members.len() {
        out.push(start..members.len());
    }
    out
}

/// Builds the records of clusters of profiles (`groups`, each in profile order) into
/// `sink`, a chunk at a time, then settles ids and the review rows. Of each profile only its
/// mentions are still needed (`profiles`).
#[allow(clippy::too_many_arguments)]
pub fn finish<S: MentionSource + ?Sized>(
    source: &S,
    digests: &Digests,
    vocab: &Vocabulary,
    profiles: &[Box<[usize]>],
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
    // Edges in record order (their own order within a record), made into explanations a
    // chunk of records at a time: a large run has hundreds of thousands.
    let mut edges = edges;
    edges.sort_by_key(|e| record_of_profile[e.a as usize]);
    let mut edges = edges.into_iter().peekable();
    let merge_of = |e: Edge| {
        let (a, b) = (profiles[e.a as usize][0], profiles[e.b as usize][0]);
        Merge {
            a: digests.reference(a),
            a_title: title(a),
            b: digests.reference(b),
            b_title: title(b),
            reason: e.reason,
            score: e.score,
        }
    };

    // Where mention `m` is in a record's members (sorted by order key): its `source:line`
    // is made once, for the record, and shared by the explanation's groups.
    let position = |members: &[usize], m: usize| {
        members
            .binary_search_by_key(&digests.order_key(m), |&x| digests.order_key(x))
            .expect("a profile's mentions are its record's")
    };
    let mut candidates: Vec<IdCandidate> = Vec::with_capacity(groups.len());
    for range in record_chunks(&members) {
        let mut merges: Vec<Vec<Merge>> = vec![Vec::new(); range.len()];
        while let Some(e) = edges.next_if(|e| range.contains(&(record_of_profile[e.a as usize] as usize))) {
            merges[record_of_profile[e.a as usize] as usize - range.start].push(merge_of(e));
        }
        // The chunk's mentions are read together: one read each cost a system call apiece.
        let fetched = source.fetch(range.clone().flat_map(|r| members[r].iter().copied()).collect())?;
        let built: Vec<io::Result<(Soundtrack, RecordExplanation)>> = range
            .into_par_iter()
            .zip(merges)
            .map(|(r, merges)| {
                let ms = members[r].iter().map(|&m| fetched.mention(m)).collect::<io::Result<Vec<_>>>()?;
                let ms: Vec<&Mention> = ms.iter().map(|m| m.as_ref()).collect();
                let refs: Vec<Arc<str>> = members[r].iter().map(|&m| Arc::from(digests.reference(m))).collect();
                let b = records::build(&ms, &refs, vocab, &people);
                // Mentions with identical keys, listed once per group rather than pair by pair.
                let same_keys = groups[r]
                    .iter()
                    .map(|&p| &profiles[p as usize])
                    .filter(|ms| ms.len() > 1)
                    .map(|ms| ms.iter().map(|&m| Arc::clone(&refs[position(&members[r], m)])).collect())
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
        let built = built.into_iter().collect::<io::Result<Vec<_>>>()?;
        candidates.extend(built.iter().map(|(record, _)| IdCandidate::of(record)));
        sink.push_all(built)?;
    }
    let ids = assign_ids(candidates, |r| sink.sources(r))?;

    // Each record's mention list is freed once read: the review rows come next.
    let mut record_of_mention = vec![0u32; digests.len()];
    for (r, ms) in members.into_iter().enumerate() {
        for m in ms {
            record_of_mention[m] = r as u32;
        }
    }
    // One side per profile and one string per distinct note, shared by every row that
    // meets them: a large run has hundreds of thousands of rows.
    let record_ids: Vec<Arc<str>> = ids.iter().map(|id| Arc::from(id.as_str())).collect();
    let mut sides: HashMap<u32, Arc<Side>> = HashMap::default();
    let mut side = |p: u32| {
        let side = sides.entry(p).or_insert_with(|| {
            let m = profiles[p as usize][0];
            Arc::new(Side {
                id: record_ids[record_of_mention[m] as usize].clone(),
                title: title(m).into(),
                year: digests.get(m).year(),
                source: digests.reference(m).into(),
            })
        });
        side.clone()
    };
    let mut notes: HashMap<String, Arc<str>> = HashMap::default();
    let mut note = |p: &Pending| notes.entry(p.note()).or_insert_with_key(|n| Arc::from(n.as_str())).clone();
    let mut review: Vec<ReviewRow> = pending
        .into_iter()
        .filter(|p| p.merged || record_of_profile[p.a as usize] != record_of_profile[p.b as usize])
        .map(|p| ReviewRow {
            kind: p.kind,
            merged: p.merged,
            score: p.score,
            a: side(p.a),
            b: side(p.b),
            note: note(&p),
        })
        .collect();
    drop((sides, notes, record_ids));
    review::sort_rows(&mut review);
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| ids[a as usize].cmp(&ids[b as usize]));
    Ok(Outline { ids, order, record_of_mention, review })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sized(counts: &[usize]) -> Vec<Vec<usize>> {
        counts.iter().map(|&n| vec![0; n]).collect()
    }

    #[test]
    fn record_chunks_bound_the_mentions_read_at_once() {
        assert_eq!(MENTIONS_PER_CHUNK, 16_384);
        // 10,000 + 6,000 + 1 fit; 20,000 is alone; the rest start afresh.
        assert_eq!(record_chunks(&sized(&[10_000, 6_000, 1, 20_000, 1, 1])), [0..3, 3..4, 4..6]);
    }

    #[test]
    fn record_chunks_hold_at_most_a_chunk_of_small_records() {
        assert_eq!(record_chunks(&sized(&[1; 10_000])), [0..CHUNK, CHUNK..2 * CHUNK, 2 * CHUNK..10_000]);
        assert_eq!(record_chunks(&[]), Vec::<Range<usize>>::new());
    }
}
