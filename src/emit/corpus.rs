//! What the output files are written from: the run's mentions (with their record ids) and
//! its records (with their explanations) in output order, kept in memory or in the spill.

use std::io;

use rayon::prelude::*;

use crate::model::{Mention, Soundtrack};
use crate::resolve::explain::RecordExplanation;
use crate::resolve::review::ReviewRow;
use crate::resolve::{Outline, Resolution};
use crate::store::{SpilledList, chunks};

/// A resolved corpus, handed out one mention or one record at a time (from two threads at
/// once: mentions to one, records to the other).
pub trait Corpus: Sync {
    /// Calls `f` with every mention in output order, its `soundtrack_id` set.
    fn for_each_mention(&self, f: &mut dyn FnMut(&Mention) -> io::Result<()>) -> io::Result<()>;
    /// Calls `f` with every record and its explanation, in id order.
    fn for_each_record(&self, f: &mut dyn FnMut(&Soundtrack, &RecordExplanation) -> io::Result<()>) -> io::Result<()>;
    fn review(&self) -> &[ReviewRow];
}

/// Mentions resolved in memory by `resolve_with`.
pub struct InMemory<'a> {
    pub mentions: &'a [Mention],
    pub resolution: &'a Resolution,
}

impl Corpus for InMemory<'_> {
    fn for_each_mention(&self, f: &mut dyn FnMut(&Mention) -> io::Result<()>) -> io::Result<()> {
        self.mentions.iter().try_for_each(f)
    }

    fn for_each_record(&self, f: &mut dyn FnMut(&Soundtrack, &RecordExplanation) -> io::Result<()>) -> io::Result<()> {
        let r = self.resolution;
        r.soundtracks.iter().zip(&r.explanations).try_for_each(|(s, e)| f(s, e))
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
    fn for_each_mention(&self, f: &mut dyn FnMut(&Mention) -> io::Result<()>) -> io::Result<()> {
        // A small run's mentions, kept in memory by resolution.
        if let Some(mut mentions) = self.mentions.take_kept::<Mention>() {
            for (m, &r) in mentions.iter_mut().zip(&self.outline.record_of_mention) {
                m.soundtrack_id.clone_from(&self.outline.ids[r as usize]);
                f(m)?;
            }
            return Ok(());
        }
        for range in chunks(self.mentions.len()) {
            let mut mentions: Vec<Mention> = self.mentions.range(range.clone())?;
            for (i, m) in range.zip(&mut mentions) {
                m.soundtrack_id.clone_from(&self.outline.ids[self.outline.record_of_mention[i] as usize]);
                f(m)?;
            }
        }
        Ok(())
    }

    fn for_each_record(&self, f: &mut dyn FnMut(&Soundtrack, &RecordExplanation) -> io::Result<()>) -> io::Result<()> {
        let order = &self.outline.order;
        // A small run's records, kept in memory as resolution built them.
        if let Some(records) = self.records.take_kept::<(Soundtrack, RecordExplanation)>() {
            let mut slots: Vec<Option<(Soundtrack, RecordExplanation)>> = records.into_iter().map(Some).collect();
            for &r in order {
                let (mut record, mut explanation) = match slots[r as usize].take() {
                    Some(pair) => pair,
                    None => self.records.get(r as usize)?,
                };
                record.id.clone_from(&self.outline.ids[r as usize]);
                explanation.id.clone_from(&record.id);
                f(&record, &explanation)?;
            }
            return Ok(());
        }
        for range in chunks(order.len()) {
            let records: Vec<(u32, (Soundtrack, RecordExplanation))> =
                order[range].par_iter().map(|&r| Ok((r, self.records.get(r as usize)?))).collect::<io::Result<_>>()?;
            for (r, (mut record, mut explanation)) in records {
                record.id.clone_from(&self.outline.ids[r as usize]);
                explanation.id.clone_from(&record.id);
                f(&record, &explanation)?;
            }
        }
        Ok(())
    }

    fn review(&self) -> &[ReviewRow] {
        &self.outline.review
    }
}
