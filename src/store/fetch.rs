//! Mentions scattered over a spill, read back in few pieces. Building records reads every
//! mention of a chunk of records: one read per mention cost a system call each, about 1.5 µs,
//! more than copying the few kilobytes between two wanted mentions would.

use std::borrow::Cow;
use std::io;
use std::ops::Range;

use rayon::prelude::*;

use super::{Spillable, SpilledList};
use crate::model::Mention;

/// Wanted values this many bytes apart or closer are read in one piece, the bytes between
/// them included: copying that many costs less than one more read call.
pub const MAX_GAP: u64 = 4096;

/// Some mentions of a [`super::MentionSource`], read back for a reader that takes them one
/// by one ([`Fetched::mention`]).
pub struct Fetched<'a> {
    held: Held<'a>,
}

enum Held<'a> {
    Memory(&'a [Mention]),
    Spilled(Pieces),
}

/// The bytes of wanted values, and where each is: `(index, piece, range in the piece)`,
/// sorted by index.
struct Pieces {
    pieces: Vec<Vec<u8>>,
    values: Vec<(usize, u32, Range<usize>)>,
}

impl<'a> Fetched<'a> {
    pub fn memory(mentions: &'a [Mention]) -> Self {
        Fetched { held: Held::Memory(mentions) }
    }

    /// Mention `i`, which must be one of those fetched.
    pub fn mention(&self, i: usize) -> io::Result<Cow<'_, Mention>> {
        match &self.held {
            Held::Memory(mentions) => Ok(Cow::Borrowed(&mentions[i])),
            Held::Spilled(Pieces { pieces, values }) => {
                let k = values.binary_search_by_key(&i, |v| v.0).expect("only fetched mentions are asked for");
                let (_, piece, range) = &values[k];
                Mention::decode(&pieces[*piece as usize][range.clone()]).map(Cow::Owned)
            }
        }
    }
}

/// Mentions `wanted` of `list` (any order, no repeats), read in pieces: values no more than
/// [`MAX_GAP`] bytes apart in the spill share one.
pub(super) fn fetch_spilled(list: &SpilledList, mut wanted: Vec<usize>) -> io::Result<Fetched<'static>> {
    let (at, len) = (&list.at, &list.len);
    wanted.sort_unstable_by_key(|&i| at[i]);
    let mut spans: Vec<(u64, u64, Range<usize>)> = Vec::new();
    for (k, &i) in wanted.iter().enumerate() {
        let (start, end) = (at[i], at[i] + u64::from(len[i]));
        match spans.last_mut() {
            Some((_, last_end, members)) if start >= *last_end && start - *last_end <= MAX_GAP => {
                *last_end = end;
                members.end = k + 1;
            }
            _ => spans.push((start, end, k..k + 1)),
        }
    }
    let pieces: Vec<Vec<u8>> = spans
        .par_iter()
        .map(|(start, end, _)| list.spill.read(*start, (end - start) as usize))
        .collect::<io::Result<_>>()?;
    let mut values = Vec::with_capacity(wanted.len());
    for (piece, (start, _, members)) in spans.into_iter().enumerate() {
        for &i in &wanted[members] {
            let from = (at[i] - start) as usize;
            values.push((i, piece as u32, from..from + len[i] as usize));
        }
    }
    values.sort_unstable_by_key(|v| v.0);
    Ok(Fetched { held: Held::Spilled(Pieces { pieces, values }) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;
    use crate::store::{MentionSource, Spill};

    fn mention(n: usize, text_len: usize) -> Mention {
        Mention::new("a.txt", n, Layout::RankedList, "x".repeat(text_len))
    }

    /// Batches written out of numbering order, values near and far apart: every fetched
    /// value comes back as it was written, whatever pieces it was read in.
    #[test]
    fn fetched_values_match_the_spill_wherever_they_lie() {
        let mut list = SpilledList::new(Spill::in_memory());
        let written: Vec<Mention> = (0..40).map(|n| mention(n, if n % 7 == 0 { 5000 } else { 20 })).collect();
        let later = list.write_batch(&written[20..]).unwrap();
        let first = list.write_batch(&written[..20]).unwrap();
        list.push_batch(first);
        list.push_batch(later);
        let wanted = vec![39, 0, 21, 22, 5, 14, 7, 30, 19, 20];
        let fetched = list.fetch(wanted.clone()).unwrap();
        for i in wanted {
            assert_eq!(*fetched.mention(i).unwrap(), written[i], "mention {i}");
        }
        let Held::Spilled(pieces) = &fetched.held else { panic!("a spilled list reads pieces") };
        assert!(pieces.pieces.len() > 1, "values far apart are read apart");
        assert!(pieces.pieces.len() < 10, "values near each other share a piece");
    }

    #[test]
    fn nothing_wanted_reads_nothing() {
        let mut list = SpilledList::new(Spill::in_memory());
        list.push(&mention(0, 5)).unwrap();
        let Held::Spilled(pieces) = list.fetch(Vec::new()).unwrap().held else { panic!("spilled") };
        assert!(pieces.pieces.is_empty() && pieces.values.is_empty());
    }
}
