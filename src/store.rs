//! Where a run keeps its mentions and merged records between stages: in a spill file beside
//! the output, not in memory. A run then holds only small per-mention keys (see
//! `resolve::digest`), so its memory grows with the number of mentions by tens of bytes
//! each, not with whole mentions and records.
//!
//! Each value is appended once and read back by position and length. Mentions, read back
//! four times, have a compact layout of their own ([`codec`]); records are MessagePack. The
//! spill file has no name (it is deleted when the run ends, however it ends) and lives in the
//! output folder, since the system's temporary folder may be memory.

pub mod codec;
mod fetch;

pub use fetch::Fetched;

use std::borrow::Cow;
use std::fs::File;
use std::io;
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::model::{Mention, Soundtrack};
use crate::resolve::explain::RecordExplanation;

/// A type a [`SpilledList`] holds, and how it is written there.
pub trait Spillable: Sized {
    fn encode(&self, out: &mut Vec<u8>) -> io::Result<()>;
    fn decode(bytes: &[u8]) -> io::Result<Self>;
}

impl Spillable for Mention {
    fn encode(&self, out: &mut Vec<u8>) -> io::Result<()> {
        codec::encode_mention(out, self);
        Ok(())
    }

    fn decode(bytes: &[u8]) -> io::Result<Self> {
        codec::decode_mention(bytes)
    }
}

/// Records are few beside mentions: MessagePack with field names, so a field skipped when
/// empty (`skip_serializing_if`) round-trips wherever it is.
impl Spillable for (Soundtrack, RecordExplanation) {
    fn encode(&self, out: &mut Vec<u8>) -> io::Result<()> {
        rmp_serde::encode::write_named(out, self).map_err(io::Error::other)
    }

    fn decode(bytes: &[u8]) -> io::Result<Self> {
        rmp_serde::from_slice(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// An append-only store of byte strings, on disk or (for tests) in memory.
pub struct Spill {
    backing: Backing,
}

enum Backing {
    /// Appends take the lock (it keeps the end); reads of bytes already appended do not, on
    /// Unix: resolution reads mentions back from both threads at once, and one lock around
    /// every read made them take turns.
    File {
        file: File,
        end: Mutex<u64>,
    },
    Memory(Mutex<Vec<u8>>),
}

impl Spill {
    /// A spill file in `dir`, removed when dropped.
    pub fn in_folder(dir: &Path) -> io::Result<Spill> {
        Ok(Spill { backing: Backing::File { file: tempfile::tempfile_in(dir)?, end: Mutex::new(0) } })
    }

    pub fn in_memory() -> Spill {
        Spill { backing: Backing::Memory(Mutex::new(Vec::new())) }
    }

    /// Appends `bytes` and returns where they start.
    pub fn append(&self, bytes: &[u8]) -> io::Result<u64> {
        match &self.backing {
            Backing::File { file, end } => {
                let mut end = lock(end);
                let at = *end;
                write_at(file, bytes, at)?;
                *end += bytes.len() as u64;
                Ok(at)
            }
            Backing::Memory(buf) => {
                let mut buf = lock(buf);
                let at = buf.len() as u64;
                buf.extend_from_slice(bytes);
                Ok(at)
            }
        }
    }

    /// The `len` bytes at `at`.
    pub fn read(&self, at: u64, len: usize) -> io::Result<Vec<u8>> {
        match &self.backing {
            Backing::File { file, end } => {
                let mut out = vec![0; len];
                read_at(file, &mut out, at, end)?;
                Ok(out)
            }
            Backing::Memory(buf) => {
                let buf = lock(buf);
                let range = usize::try_from(at).ok().and_then(|a| Some(a..a.checked_add(len)?));
                range.and_then(|r| buf.get(r)).map(<[u8]>::to_vec).ok_or_else(|| io::ErrorKind::UnexpectedEof.into())
            }
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_at(file: &File, out: &mut [u8], at: u64, _end: &Mutex<u64>) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, out, at)
}

/// Elsewhere reads seek the shared cursor, which an append's seek-then-write relies on: both
/// take the lock.
#[cfg(not(unix))]
fn write_at(mut file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    file.seek(SeekFrom::Start(at))?;
    file.write_all(bytes)
}

#[cfg(not(unix))]
fn read_at(mut file: &File, out: &mut [u8], at: u64, end: &Mutex<u64>) -> io::Result<()> {
    let _appends_wait = lock(end);
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(out)
}

/// Values of one type spilled (see [`Spillable`]), numbered in the order they
/// were added.
pub struct SpilledList {
    spill: Spill,
    at: Vec<u64>,
    len: Vec<u32>,
    /// The sum of `len`.
    bytes: u64,
    /// A small list's values also kept in memory (a `Vec<T>` of all of them, in order), for
    /// one reader to take instead of decoding them again; see [`SpilledList::take_kept`].
    kept: Mutex<Option<Box<dyn std::any::Any + Send>>>,
}

/// Values encoded and written per task by [`SpilledList::push_all_kept`]: few enough that
/// only a few slices' bytes are held at once.
const WRITE_SLICE: usize = 64;

/// Lists of at most this many values may keep them in memory as well.
pub const KEEP: usize = 2 * CHUNK;

/// Where one batch of values went: appended together, numbered later.
pub struct Batch {
    at: Vec<u64>,
    len: Vec<u32>,
}

impl Batch {
    /// How many bytes the batch's values take in the spill.
    pub fn bytes(&self) -> u64 {
        self.len.iter().map(|&l| u64::from(l)).sum()
    }
}

impl SpilledList {
    pub fn new(spill: Spill) -> SpilledList {
        SpilledList { spill, at: Vec::new(), len: Vec::new(), bytes: 0, kept: Mutex::new(None) }
    }

    /// Writes and numbers `values`, a slice per task on every thread free, and keeps them in
    /// memory too while the list is no longer than [`KEEP`] and every value before them was
    /// kept.
    pub fn push_all_kept<T: Spillable + Send + Sync + 'static>(&mut self, values: Vec<T>) -> io::Result<()> {
        let batches: Vec<Batch> =
            values.par_chunks(WRITE_SLICE).map(|slice| write_batch(&self.spill, slice)).collect::<io::Result<_>>()?;
        for batch in batches {
            self.push_batch(batch);
        }
        let n = self.len();
        let kept = self.kept.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        match kept.as_mut().and_then(|k| k.downcast_mut::<Vec<T>>()) {
            Some(held) if held.len() + values.len() == n && n <= KEEP => held.extend(values),
            _ if n == values.len() && n <= KEEP => *kept = Some(Box::new(values)),
            _ => *kept = None,
        }
        Ok(())
    }

    /// Keeps `values`, which must be all the list's values in order, in memory as well.
    pub fn keep_all<T: Spillable + Send + 'static>(&self, values: Vec<T>) {
        if values.len() == self.len() {
            *lock(&self.kept) = Some(Box::new(values));
        }
    }

    /// All the values, in order, if they were kept in memory ([`SpilledList::push_all_kept`],
    /// [`SpilledList::keep_all`]): the first reader takes them, later ones read the spill.
    pub fn take_kept<T: Spillable + 'static>(&self) -> Option<Vec<T>> {
        let values = *lock(&self.kept).take()?.downcast::<Vec<T>>().ok()?;
        (values.len() == self.len()).then_some(values)
    }

    /// Writes `values` to the spill in one piece; [`SpilledList::push_batch`] numbers them.
    /// Safe to call from several threads at once.
    pub fn write_batch<T: Spillable>(&self, values: &[T]) -> io::Result<Batch> {
        write_batch(&self.spill, values)
    }

    /// Numbers a written batch's values after those already numbered.
    pub fn push_batch(&mut self, batch: Batch) {
        self.bytes += batch.bytes();
        self.at.extend(batch.at);
        self.len.extend(batch.len);
    }

    /// Writes and numbers one value.
    pub fn push<T: Spillable>(&mut self, value: &T) -> io::Result<()> {
        let batch = self.write_batch(std::slice::from_ref(value))?;
        self.push_batch(batch);
        Ok(())
    }

    /// The values of a written batch, numbered or not.
    pub fn read_batch<T: Spillable>(&self, batch: &Batch) -> io::Result<Vec<T>> {
        let (bytes, values) = self.raw_batch(batch)?;
        values.into_iter().map(|v| T::decode(&bytes[v])).collect()
    }

    /// The bytes of a written batch, read in one piece, and where each value is among them:
    /// for a reader that decodes only part of each value ([`codec::MentionView`]).
    pub fn raw_batch(&self, batch: &Batch) -> io::Result<(Vec<u8>, Vec<Range<usize>>)> {
        let (Some(&start), Some(&last), Some(&last_len)) = (batch.at.first(), batch.at.last(), batch.len.last()) else {
            return Ok((Vec::new(), Vec::new()));
        };
        let bytes = self.spill.read(start, (last + u64::from(last_len) - start) as usize)?;
        let values = batch.at.iter().zip(&batch.len).map(|(&at, &len)| {
            let from = (at - start) as usize;
            from..from + len as usize
        });
        Ok((bytes, values.collect()))
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// How many bytes the values take in the spill.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Value `i`.
    pub fn get<T: Spillable>(&self, i: usize) -> io::Result<T> {
        let bytes = self.spill.read(self.at[i], self.len[i] as usize)?;
        T::decode(&bytes)
    }

    /// The bytes of values `range`, read in as few pieces as they were written in, one after
    /// another, and where each value is among them: for a reader that decodes only part of
    /// each value, borrowing its strings ([`codec::MentionView`]).
    pub fn raw_range(&self, range: Range<usize>) -> io::Result<(Vec<u8>, Vec<Range<usize>>)> {
        let (mut bytes, mut values) = (Vec::new(), Vec::with_capacity(range.len()));
        let mut i = range.start;
        while i < range.end {
            let mut j = i + 1;
            while j < range.end && self.at[j] == self.at[j - 1] + u64::from(self.len[j - 1]) {
                j += 1;
            }
            let (base, end) = (bytes.len(), self.at[j - 1] + u64::from(self.len[j - 1]));
            bytes.extend_from_slice(&self.spill.read(self.at[i], (end - self.at[i]) as usize)?);
            for k in i..j {
                let from = base + (self.at[k] - self.at[i]) as usize;
                values.push(from..from + self.len[k] as usize);
            }
            i = j;
        }
        Ok((bytes, values))
    }

    /// Values `range` in order, read in as few pieces as they were written in and parsed in
    /// parallel.
    pub fn range<T: Spillable + Send>(&self, range: Range<usize>) -> io::Result<Vec<T>> {
        let mut pieces: Vec<(Vec<u8>, Range<usize>)> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let mut j = i + 1;
            while j < range.end && self.at[j] == self.at[j - 1] + u64::from(self.len[j - 1]) {
                j += 1;
            }
            let end = self.at[j - 1] + u64::from(self.len[j - 1]);
            pieces.push((self.spill.read(self.at[i], (end - self.at[i]) as usize)?, i..j));
            i = j;
        }
        let parsed: Vec<io::Result<Vec<T>>> = pieces
            .par_iter()
            .map(|(bytes, values)| {
                let base = self.at[values.start];
                values
                    .clone()
                    .map(|k| {
                        let from = (self.at[k] - base) as usize;
                        T::decode(&bytes[from..from + self.len[k] as usize])
                    })
                    .collect()
            })
            .collect();
        let mut out = Vec::with_capacity(range.len());
        for piece in parsed {
            out.extend(piece?);
        }
        Ok(out)
    }
}

fn write_batch<T: Spillable>(spill: &Spill, values: &[T]) -> io::Result<Batch> {
    let mut bytes = Vec::new();
    let mut starts = Vec::with_capacity(values.len());
    let mut len = Vec::with_capacity(values.len());
    for v in values {
        let from = bytes.len();
        v.encode(&mut bytes)?;
        starts.push(from as u64);
        len.push(u32::try_from(bytes.len() - from).map_err(|_| io::Error::other("value too large to spill"))?);
    }
    let base = spill.append(&bytes)?;
    Ok(Batch { at: starts.into_iter().map(|s| base + s).collect(), len })
}

/// Read access to a run's mentions, wherever they are kept.
pub trait MentionSource: Sync {
    fn count(&self) -> usize;
    /// Mentions `range`, in order.
    fn mentions(&self, range: Range<usize>) -> io::Result<Cow<'_, [Mention]>>;
    /// Mentions `wanted` (any order, no repeats), to be taken one by one.
    fn fetch(&self, wanted: Vec<usize>) -> io::Result<Fetched<'_>>;
    /// Offers all the mentions, read once, to be kept for a later reader (emit).
    fn keep(&self, _mentions: Vec<Mention>) {}
    /// The spill the mentions are in, for readers that decode only part of each.
    fn spilled(&self) -> Option<&SpilledList> {
        None
    }
}

impl MentionSource for [Mention] {
    fn count(&self) -> usize {
        self.len()
    }

    fn mentions(&self, range: Range<usize>) -> io::Result<Cow<'_, [Mention]>> {
        Ok(Cow::Borrowed(&self[range]))
    }

    fn fetch(&self, _wanted: Vec<usize>) -> io::Result<Fetched<'_>> {
        Ok(Fetched::memory(self))
    }
}

impl MentionSource for SpilledList {
    fn count(&self) -> usize {
        self.len()
    }

    fn mentions(&self, range: Range<usize>) -> io::Result<Cow<'_, [Mention]>> {
        self.range(range).map(Cow::Owned)
    }

    fn fetch(&self, wanted: Vec<usize>) -> io::Result<Fetched<'_>> {
        fetch::fetch_spilled(self, wanted)
    }

    fn keep(&self, mentions: Vec<Mention>) {
        self.keep_all(mentions);
    }

    fn spilled(&self) -> Option<&SpilledList> {
        Some(self)
    }
}

/// How many mentions or records a pass over a spill reads at once (resolution holds the next
/// chunk too while it digests one, and writing holds a chunk of each).
pub const CHUNK: usize = 1 << 12;

/// `0..n` in consecutive chunks of [`CHUNK`].
pub fn chunks(n: usize) -> impl Iterator<Item = Range<usize>> {
    (0..n.div_ceil(CHUNK)).map(move |c| c * CHUNK..((c + 1) * CHUNK).min(n))
}

/// The items of `f(i)` for every `i` in `0..n`, in order, computed in parallel a chunk at a
/// time: a parallel collect of unknown length would hold every item twice at its end.
pub fn par_flat_map_chunked<T, I>(n: usize, f: impl Fn(usize) -> I + Sync + Send) -> Vec<T>
where
    T: Send,
    I: IntoIterator<Item = T>,
{
    let mut out = Vec::new();
    for range in chunks(n) {
        let found: Vec<T> = range.into_par_iter().flat_map_iter(&f).collect();
        out.extend(found);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;

    fn mention(n: usize) -> Mention {
        let mut m = Mention::new("a.txt", n, Layout::RankedList, format!("Title {n}\nwith a newline"));
        m.composers = vec!["Ann Fox".into()];
        m
    }

    fn round_trip(spill: Spill) {
        let mut list = SpilledList::new(spill);
        // Two batches written in the opposite order to their numbering.
        let second = list.write_batch(&[mention(3), mention(4)]).unwrap();
        let first = list.write_batch(&[mention(1), mention(2)]).unwrap();
        assert_eq!(list.read_batch::<Mention>(&first).unwrap(), vec![mention(1), mention(2)]);
        list.push_batch(first);
        assert_eq!(list.read_batch::<Mention>(&second).unwrap(), vec![mention(3), mention(4)]);
        list.push_batch(second);
        list.push(&mention(5)).unwrap();
        let all: Vec<Mention> = list.range(0..5).unwrap();
        assert_eq!(all, (1..=5).map(mention).collect::<Vec<_>>());
        assert_eq!(list.get::<Mention>(3).unwrap(), mention(4));
        assert_eq!(list.mentions(1..3).unwrap().into_owned(), vec![mention(2), mention(3)]);
    }

    /// Values kept in memory come back once, the same as the spill holds; a list longer
    /// than `KEEP` keeps none, and later readers read the spill.
    #[test]
    fn kept_values_are_taken_once_and_match_the_spill() {
        let mut list = SpilledList::new(Spill::in_memory());
        list.push_all_kept(vec![mention(0)]).unwrap();
        list.push_all_kept(vec![mention(1), mention(2)]).unwrap();
        assert_eq!(list.take_kept::<Mention>().unwrap(), list.range::<Mention>(0..3).unwrap());
        assert!(list.take_kept::<Mention>().is_none());
        list.keep_all(vec![mention(0)]);
        assert!(list.take_kept::<Mention>().is_none(), "only all the values are kept");
        let mut long = SpilledList::new(Spill::in_memory());
        long.push_all_kept((0..KEEP).map(mention).collect()).unwrap();
        long.push_all_kept(vec![mention(KEEP)]).unwrap();
        assert!(long.take_kept::<Mention>().is_none());
        // Written a slice per task, numbered in the order given.
        assert_eq!(long.range::<Mention>(0..KEEP + 1).unwrap(), (0..=KEEP).map(mention).collect::<Vec<_>>());
    }

    /// Every field set, including the one left out of the encoding when empty, and floats
    /// and text that JSON would have escaped or rounded.
    #[test]
    fn a_mention_with_every_field_comes_back_whole() {
        let mut full = mention(7);
        full.alt_titles = vec!["Dune: Part One".into()];
        full.year = Some(-1);
        full.labels = vec!["WaterTower \"Music\"".into()];
        full.releases = vec![crate::model::Release { label: Some("Milan".into()), year: Some(2021), edition: None }];
        full.tracks = vec![crate::model::Track { title: "Paul’s Dream\u{0}".into(), artist: Some("Ann Fox".into()) }];
        full.rank = Some(u32::MAX);
        full.honourable_mention = true;
        full.reviewer = Some("Zoë".into());
        full.confidence = 0.1;
        full.soundtrack_id = "dune-2021".into();
        full.raw.insert("composers".into(), "ANN FOX".into());
        let mut list = SpilledList::new(Spill::in_memory());
        let batch = list.write_batch(&[full.clone(), mention(8)]).unwrap();
        list.push_batch(batch);
        assert_eq!(list.range::<Mention>(0..2).unwrap(), vec![full, mention(8)]);
    }

    /// A record's explanation skips `same_keys`, a field in its middle, when empty: records
    /// must keep their field names (this fails if they are spilled by position).
    #[test]
    fn a_record_with_a_skipped_middle_field_comes_back_whole() {
        use crate::resolve::explain::{FieldValue, Merge, MergeReason};
        let record = Soundtrack {
            id: "jaws-1975".into(),
            title: "Jaws".into(),
            alt_titles: vec![],
            year: Some(1975),
            composers: vec!["John Williams".into()],
            labels: vec![],
            releases: vec![],
            tracks: vec![],
            sources: vec![crate::model::SourceRef { source: "a.txt".into(), line: 3, rank: Some(1) }],
            mention_count: 2,
        };
        let field = FieldValue {
            field: "title".into(),
            value: "Jaws".into(),
            sources: vec!["a.txt:3".into()],
            spellings: vec![],
        };
        let merge = Merge {
            a: "a.txt:3".into(),
            a_title: "Jaws".into(),
            b: "b.txt:9".into(),
            b_title: "JAWS".into(),
            reason: MergeReason::Override,
            score: None,
        };
        let explanation = RecordExplanation {
            id: record.id.clone(),
            title: "Jaws".into(),
            year: Some(1975),
            mention_count: 2,
            fields: vec![field],
            same_keys: vec![],
            merges: vec![merge],
        };
        let mut list = SpilledList::new(Spill::in_memory());
        list.push(&(record.clone(), explanation.clone())).unwrap();
        assert_eq!(list.get::<(Soundtrack, RecordExplanation)>(0).unwrap(), (record, explanation));
    }

    #[test]
    fn values_come_back_in_numbered_order_from_a_file() {
        round_trip(Spill::in_folder(&std::env::temp_dir()).unwrap());
    }

    #[test]
    fn values_come_back_in_numbered_order_from_memory() {
        round_trip(Spill::in_memory());
    }

    /// A read between appends leaves the next append where the previous one ended (a read
    /// that moved a shared cursor, with an append that wrote at the cursor, would not).
    #[test]
    fn a_read_between_appends_does_not_move_the_next_append() {
        let spill = Spill::in_folder(&std::env::temp_dir()).unwrap();
        let first = spill.append(b"first\n").unwrap();
        assert_eq!(spill.read(first, 2).unwrap(), b"fi");
        assert_eq!(spill.append(b"second\n").unwrap(), 6);
        assert_eq!(spill.read(0, 13).unwrap(), b"first\nsecond\n");
    }

    /// Reads of what was appended, from other threads while appends go on, get exactly those
    /// bytes: file reads take no lock, and must not disturb where the next append goes.
    #[test]
    fn reads_during_appends_from_other_threads_see_the_appended_bytes() {
        for spill in [Spill::in_folder(&std::env::temp_dir()).unwrap(), Spill::in_memory()] {
            let (send, receive) = std::sync::mpsc::channel::<(u64, Vec<u8>)>();
            let receive = Mutex::new(receive);
            let mut expected = Vec::new();
            std::thread::scope(|scope| {
                for _ in 0..2 {
                    scope.spawn(|| {
                        loop {
                            // The receiver's lock is let go before the read.
                            let Ok((at, bytes)) = lock(&receive).recv() else { break };
                            assert_eq!(spill.read(at, bytes.len()).unwrap(), bytes);
                        }
                    });
                }
                for n in 0..2000u32 {
                    let bytes = format!("value {n} {}\n", "x".repeat((n % 97) as usize)).into_bytes();
                    expected.extend_from_slice(&bytes);
                    send.send((spill.append(&bytes).unwrap(), bytes)).unwrap();
                }
                drop(send);
            });
            assert_eq!(spill.read(0, expected.len()).unwrap(), expected);
            assert!(spill.read(0, expected.len() + 1).is_err(), "nothing past the end");
        }
    }

    #[test]
    fn chunks_cover_the_range_once() {
        let all: Vec<usize> = chunks(CHUNK * 2 + 5).flatten().collect();
        assert_eq!(all, (0..CHUNK * 2 + 5).collect::<Vec<_>>());
        assert_eq!(chunks(0).count(), 0);
    }

    #[test]
    fn chunked_flat_map_keeps_every_item_in_order_across_chunks() {
        let n = 2 * CHUNK + 5;
        let items = |i: usize| std::iter::repeat_n(i, i % 3);
        let expected: Vec<usize> = (0..n).flat_map(items).collect();
        assert_eq!(par_flat_map_chunked(n, items), expected);
        assert!(par_flat_map_chunked(0, items).is_empty());
    }
}
