//! What the output files are written from: the run's mentions (with their record ids) and
//! its records (with their explanations) in output order, kept in memory or in the spill.

use std::io;

use rayon::prelude::*;

use crate::model::{Mention, Soundtrack};
use crate::resolve::explain::RecordExplanation;
use crate::resolve::review::ReviewRow;
use crate::resolve::{Outline, Resolution};
use crate::store::{CHUNK, SpilledList, chunks};

/// A record and its explanation, as the writer takes them.
pub type RecordPair<'a> = (&'a Soundtrack, &'a RecordExplanation);

/// A resolved corpus, handed out a chunk at a time (from two threads at once: mentions to
/// one pass, records to the other; each renders a chunk on every thread it can get).
pub trait Corpus: Sync {
    /// Calls `f` with every mention in output order, their `soundtrack_id` set, at most
    /// [`CHUNK`] at a time.
    fn for_each_mention_chunk(&self, f: &mut dyn FnMut(&[Mention]) -> io::Result<()>) -> io::Result<()>;
    /// Calls `f` with every record and its explanation, in id order, at most [`CHUNK`] at a
    /// time.
    fn for_each_record_chunk(&self, f: &mut dyn FnMut(&[RecordPair<'_>]) -> io::Result<()>) -> io::Result<()>;
    fn review(&self) -> &[ReviewRow];
}

/// Mentions resolved in memory by `resolve_with`.
pub struct InMemory<'a> {
    pub mentions: &'a [Mention],
    pub resolution: &'a Resolution,
}

impl Corpus for InMemory<'_> {
    fn for_each_mention_chunk(&self, f: &mut dyn FnMut(&[Mention]) -> io::Result<()>) -> io::Result<()> {
        self.mentions.chunks(CHUNK).try_for_each(f)
    }

    fn for_each_record_chunk(&self, f: &mut dyn FnMut(&[RecordPair<'_>]) -> io::Result<()>) -> io::Result<()> {
        let r = self.resolution;
        let pairs: Vec<RecordPair<'_>> = r.soundtracks.iter().zip(&r.explanations).collect();
        pairs.chunks(CHUNK).try_for_each(f)
    }

    fn review(&self) -> &[ReviewRow] {
        &self.resolution.review
    }
}

/// Mentions and records kept in spills by a run (`resolve::resolve_into`); records are
/// read back in id order and given their final ids.
pub struct Spilled<'a> {
    /// Mentions in output order.
    pub mentions: &'a SpilledList,
    /// `(Soundtrack, RecordExplanation)` pairs in the order resolution built them.
    pub records: &'a SpilledList,
    pub outline: &'a Outline,
}

impl Corpus for Spilled<'_> {
    fn for_each_mention_chunk(&self, f: &mut dyn FnMut(&[Mention]) -> io::Result<()>) -> io::Result<()> {
        let outline = self.outline;
        let with_ids = |mentions: &mut [Mention], first: usize| {
            for (i, m) in (first..).zip(mentions.iter_mut()) {
                m.soundtrack_id.clone_from(&outline.ids[outline.record_of_mention[i] as usize]);
            }
        };
        // A small run's mentions, kept in memory by resolution.
        if let Some(mut mentions) = self.mentions.take_kept::<Mention>() {
            with_ids(&mut mentions, 0);
            return mentions.chunks(CHUNK).try_for_each(f);
        }
        for range in chunks(self.mentions.len()) {
            let mut mentions: Vec<Mention> = self.mentions.range(range.clone())?;
            with_ids(&mut mentions, range.start);
            f(&mentions)?;
        }
        Ok(())
    }

    fn for_each_record_chunk(&self, f: &mut dyn FnMut(&[RecordPair<'_>]) -> io::Result<()>) -> io::Result<()> {
        let (order, ids) = (&self.outline.order, &self.outline.ids);
        let with_id = |r: u32, (mut record, mut explanation): (Soundtrack, RecordExplanation)| {
            record.id.clone_from(&ids[r as usize]);
            explanation.id.clone_from(&record.id);
            (record, explanation)
        };
        // A small run's records, kept in memory as resolution built them.
        if let Some(records) = self.records.take_kept::<(Soundtrack, RecordExplanation)>() {
            let mut slots: Vec<Option<(Soundtrack, RecordExplanation)>> = records.into_iter().map(Some).collect();
            for range in chunks(order.len()) {
                let pairs = order[range]
                    .iter()
                    .map(|&r| {
                        let pair = match slots[r as usize].take() {
                            Some(pair) => pair,
                            None => self.records.get(r as usize)?,
                        };
                        Ok(with_id(r, pair))
                    })
                    .collect::<io::Result<Vec<_>>>()?;
                f(&borrowed(&pairs))?;
            }
            return Ok(());
        }
        for range in chunks(order.len()) {
            let pairs: Vec<(Soundtrack, RecordExplanation)> = order[range]
                .par_iter()
                .map(|&r| Ok(with_id(r, self.records.get(r as usize)?)))
                .collect::<io::Result<_>>()?;
            f(&borrowed(&pairs))?;
        }
        Ok(())
    }

    fn review(&self) -> &[ReviewRow] {
        &self.outline.review
    }
}

fn borrowed(pairs: &[(Soundtrack, RecordExplanation)]) -> Vec<RecordPair<'_>> {
    pairs.iter().map(|(s, e)| (s, e)).collect()
}
