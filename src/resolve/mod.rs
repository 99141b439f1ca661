//! Resolution: groups the mentions of one soundtrack across articles into one record, gives
//! every mention the id of its record, and says why.
//!
//! Steps: mentions → [`digest`] (compact keys) → [`features`] (keys, identical ones grouped into profiles) →
//! [`blocking`] (candidate pairs, never all pairs) → [`scoring`] (per-field scores) →
//! [`cluster`] (union-find, best pairs first, with consistency checks) → [`people`]
//! (one spelling per person) → [`records`] (merged records, stable ids) → [`explain`] and
//! [`review`]. Everything is sorted by keys, so the output never depends on thread count or
//! file order.

mod assemble;
pub mod blocking;
pub mod cluster;
pub mod digest;
pub mod explain;
pub mod features;
pub mod ids;
mod jaro;
pub mod overrides;
pub mod people;
pub mod records;
pub mod review;
pub mod scoring;
pub mod vocabulary;

use std::io;

use rayon::prelude::*;

use crate::model::{Mention, Soundtrack, SourceRef};
use crate::store::{MentionSource, SpilledList, par_flat_map_chunked};
use assemble::{Edge, Pending};
use cluster::Clusters;
pub use digest::Digests;
use explain::{MergeReason, RecordExplanation};
use features::Profile;
pub use overrides::{OVERRIDES_FILE, Overrides, OverridesError};
use review::{ReviewKind, ReviewRow};
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

/// What resolution decided besides the records it handed to a [`RecordSink`].
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The final id of each record, in the order the records were pushed.
    pub ids: Vec<String>,
    /// Record numbers in id order, the order of the output.
    pub order: Vec<u32>,
    /// The record of each mention.
    pub record_of_mention: Vec<u32>,
    /// Decisions worth a person's check, sorted.
    pub review: Vec<ReviewRow>,
}

/// Where resolution puts the records as it builds them, a chunk at a time, before ids are
/// final: a record's and its explanation's `id` are then the base id, which [`Outline::ids`]
/// replaces.
pub trait RecordSink {
    fn push_all(&mut self, records: Vec<(Soundtrack, RecordExplanation)>) -> io::Result<()>;
    /// The sources of record `i` (pushed earlier), to order records that share a base id.
    fn sources(&self, i: usize) -> io::Result<Vec<SourceRef>>;
}

impl RecordSink for Vec<(Soundtrack, RecordExplanation)> {
    fn push_all(&mut self, records: Vec<(Soundtrack, RecordExplanation)>) -> io::Result<()> {
        self.extend(records);
        Ok(())
    }

    fn sources(&self, i: usize) -> io::Result<Vec<SourceRef>> {
        Ok(self[i].0.sources.clone())
    }
}

/// Records spilled to disk as MessagePack `(record, explanation)` pairs (see `store::Spillable`).
impl RecordSink for SpilledList {
    fn push_all(&mut self, records: Vec<(Soundtrack, RecordExplanation)>) -> io::Result<()> {
        // Emit takes a small run's records from memory instead of decoding them again.
        self.push_all_kept(records)
    }

    fn sources(&self, i: usize) -> io::Result<Vec<SourceRef>> {
        Ok(self.get::<(Soundtrack, RecordExplanation)>(i)?.0.sources)
    }
}

/// Resolves without overrides; see [`resolve_with`].
pub fn resolve(mentions: &mut [Mention]) -> Vec<Soundtrack> {
    resolve_with(mentions, &Overrides::default()).soundtracks
}

/// Merges mentions of one work, sets each mention's `soundtrack_id`, and returns the records
/// with their explanations and the review list.
pub fn resolve_with(mentions: &mut [Mention], overrides: &Overrides) -> Resolution {
    let mut built: Vec<(Soundtrack, RecordExplanation)> = Vec::new();
    let outline = match resolve_into(&*mentions, overrides, &mut built) {
        Ok(outline) => outline,
        Err(e) => unreachable!("mentions in memory are always readable: {e}"),
    };
    for (m, &r) in mentions.iter_mut().zip(&outline.record_of_mention) {
        m.soundtrack_id.clone_from(&outline.ids[r as usize]);
    }
    let mut slots: Vec<Option<(Soundtrack, RecordExplanation)>> = built.into_iter().map(Some).collect();
    let (soundtracks, explanations) = outline
        .order
        .iter()
        .filter_map(|&r| {
            let (mut record, mut explanation) = slots[r as usize].take()?;
            record.id.clone_from(&outline.ids[r as usize]);
            explanation.id.clone_from(&record.id);
            Some((record, explanation))
        })
        .unzip();
    Resolution { soundtracks, explanations, review: outline.review }
}

/// Resolves the mentions of `source`: pushes every merged record into `sink` and returns
/// the final ids, the output order, each mention's record and the review list. Mentions
/// within [`KEEP_MENTION_BYTES`] are read once and kept; see [`resolve_within`].
pub fn resolve_into<S: MentionSource + ?Sized>(
    source: &S,
    overrides: &Overrides,
    sink: &mut dyn RecordSink,
) -> io::Result<Outline> {
    resolve_within(source, overrides, sink, KEEP_MENTION_BYTES)
}

/// [`resolve_into`] keeping the mentions in memory only when they take at most `keep_bytes`
/// spilled. Otherwise they are read twice, once for their keys and once, a chunk of records
/// at a time, to build the records; between the two only their [`Digests`] are held.
pub fn resolve_within<S: MentionSource + ?Sized>(
    source: &S,
    overrides: &Overrides,
    sink: &mut dyn RecordSink,
    keep_bytes: u64,
) -> io::Result<Outline> {
    // Reading each mention again for its keys, its record and its output line cost about 7%
    // of a 100 MB run.
    if source.spilled().map_or(0, SpilledList::bytes) <= keep_bytes {
        // Held in memory since extraction, or read now.
        let kept = match source.spilled().and_then(SpilledList::take_kept::<Mention>) {
            Some(held) => std::borrow::Cow::Owned(held),
            None => source.mentions(0..source.count())?,
        };
        let outline = resolve_from(&*kept, overrides, sink)?;
        // Emit takes them from memory too instead of decoding them again.
        if let std::borrow::Cow::Owned(mentions) = kept {
            source.keep(mentions);
        }
        return Ok(outline);
    }
    resolve_from(source, overrides, sink)
}

/// Runs whose mentions take at most this many bytes spilled hold them all in memory while
/// they are resolved and written. Decoded they take about five and a half times as much: at
/// most about 130 MB, reached near 150 MB of text (100 MB of text spills 15 MB of mentions).
/// A larger run holds only digests, so its peak stays what it was.
pub const KEEP_MENTION_BYTES: u64 = 24 << 20;

fn resolve_from<S: MentionSource + ?Sized>(
    source: &S,
    overrides: &Overrides,
    sink: &mut dyn RecordSink,
) -> io::Result<Outline> {
    let digests = Digests::build(source)?;
    let mut vocab = Vocabulary::new(overrides);
    vocab.learn(&digests);
    let vocab = vocab;
    let profiles = features::profiles(&digests, &vocab);
    crate::memory::give_back_freed();
    // Pairs are scored as blocking finds them, profile by profile; only those that can
    // merge or are worth a review are kept. Blocks are dropped before clusters are made, so
    // the two never take memory at once.
    let blocks = blocking::Blocks::new(&profiles);
    let mut scored: Vec<Scored> = par_flat_map_chunked(profiles.len(), |a| {
        let (profiles, a) = (&profiles, a as u32);
        blocks.partners(a).into_iter().filter_map(move |b| {
            let s = scoring::score(&profiles[a as usize], &profiles[b as usize])?;
            (s.merges() || review::is_near(&s)).then_some(Scored { total: s.total, title: s.title, a, b })
        })
    });
    drop(blocks);
    crate::memory::give_back_freed();
    let source_of: Vec<u32> = (0..digests.len()).map(|m| digests.order_key(m).0).collect();
    let tags = apart_tags(&profiles, &digests, overrides);
    let mut clusters = Clusters::new(&profiles, &source_of, &tags);
    let mut edges: Vec<Edge> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let named = |r: &overrides::TitleRef, m: usize| r.matches_titles(digests.titles(m), digests.get(m).year());

    for (first, second) in &overrides.merge {
        let matching: Vec<u32> = (0..profiles.len() as u32)
            .filter(|&p| profiles[p as usize].mentions.iter().any(|&m| named(first, m) || named(second, m)))
            .collect();
        for w in matching.windows(2) {
            if clusters.union(w[0], w[1]) {
                edges.push(Edge { a: w[0], b: w[1], reason: MergeReason::Override, score: None });
            }
        }
    }

    scored.par_sort_unstable_by(|x, y| {
        y.total.total_cmp(&x.total).then(y.title.total_cmp(&x.title)).then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    for Scored { total, title, a, b } in scored {
        let score_again =
            || scoring::score(&profiles[a as usize], &profiles[b as usize]).expect("a pair scores the same every time");
        if !scoring::merges_at(title, total) {
            let s = score_again();
            if review::is_near(&s) {
                pending.push(Pending { a, b, kind: ReviewKind::NearThreshold, merged: false, score: s, refusal: None });
            }
            continue;
        }
        match clusters.check(a, b) {
            Some(refusal) => pending.push(Pending {
                a,
                b,
                kind: ReviewKind::Refused,
                merged: false,
                score: score_again(),
                refusal: Some(refusal),
            }),
            None => {
                if clusters.union(a, b) {
                    let s = score_again();
                    edges.push(Edge { a, b, reason: MergeReason::Score, score: Some(s) });
                    if review::is_weak(&s) {
                        pending.push(Pending {
                            a,
                            b,
                            kind: ReviewKind::WeakMerge,
                            merged: true,
                            score: s,
                            refusal: None,
                        });
                    }
                }
            }
        }
    }
    let groups = clusters.groups();
    drop(clusters);
    crate::memory::give_back_freed();
    // Titles and keys are done with; records need only each profile's mentions.
    // A new list, not one collected in place: that would keep the profiles' whole buffer.
    let mut mentions_of: Vec<Box<[usize]>> = Vec::with_capacity(profiles.len());
    mentions_of.extend(profiles.into_iter().map(|p| p.mentions));
    assemble::finish(source, &digests, &vocab, &mentions_of, groups, edges, pending, sink)
}

/// A pair the clustering loop takes, as small as its order needs (a large run keeps over a
/// million): the full score is worked out again only for the pairs a decision is kept for.
struct Scored {
    total: f64,
    title: f64,
    a: u32,
    b: u32,
}

/// Each profile's `apart` tags: (rule number, side) for every rule one of its mentions matches.
fn apart_tags(profiles: &[Profile], digests: &Digests, overrides: &Overrides) -> Vec<Vec<(u32, bool)>> {
    let named = |r: &overrides::TitleRef, m: usize| r.matches_titles(digests.titles(m), digests.get(m).year());
    profiles
        .iter()
        .map(|p| {
            let mut tags = Vec::new();
            for (i, (first, second)) in overrides.apart.iter().enumerate() {
                if p.mentions.iter().any(|&m| named(first, m)) {
                    tags.push((i as u32, false));
                }
                if p.mentions.iter().any(|&m| named(second, m)) {
                    tags.push((i as u32, true));
                }
            }
            tags
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;

    /// Mentions over several chunks ([`crate::store::CHUNK`]) of every step that works a
    /// chunk at a time, their titles, names and labels repeated across chunks.
    fn many_mentions() -> Vec<Mention> {
        let n = 3 * crate::store::CHUNK + 7;
        (0..n)
            .map(|i| {
                let mut m = Mention::new(&format!("a{:05}.txt", (i * 37) % 2_000), i % 97 + 1, Layout::RankedList, {
                    let t = (i * 7_919) % (n / 3 + i / 50);
                    format!("Title {t} Part {}", t % 3 + 1)
                });
                m.alt_titles = (i % 5 == 0).then(|| format!("Other {}", i % 1_500)).into_iter().collect();
                m.composers = vec![format!("Ann Fox{}", i % 300), format!("Bo Lee{}", i % 41)];
                m.composers.truncate(1 + i % 2);
                m.labels = (i % 3 == 0).then(|| format!("Label {}", i % 60)).into_iter().collect();
                m.year = (i % 4 != 0).then_some(1950 + (i % 70) as i32);
                m
            })
            .collect()
    }

    /// Resolution's output does not depend on how many threads make it.
    #[test]
    fn one_thread_and_several_resolve_alike() {
        let resolve_on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut mentions = many_mentions();
            let resolution = pool.install(|| resolve_with(&mut mentions, &Overrides::default()));
            let ids: Vec<String> = mentions.into_iter().map(|m| m.soundtrack_id).collect();
            (resolution, ids)
        };
        let (one, several) = (resolve_on(1), resolve_on(3));
        assert!(one.0.soundtracks.len() > 100, "{} records", one.0.soundtracks.len());
        assert!(one == several);
    }
}
