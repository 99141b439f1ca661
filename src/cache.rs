//! Incremental re-runs: every input file's extraction is kept in the output folder's
//! `.cache/` and reused while nothing it depends on has changed.
//!
//! An entry's key is a 128-bit XXH3 hash of the run's *stamp*, the file's path relative to
//! the input folder (its extension chooses how it is read, and mentions carry it) and the
//! file's bytes. The stamp is a hash of the cache format, the package version, the running
//! executable's own bytes (so any rebuild — a changed extractor, a changed built-in vocabulary
//! in `data/` — starts afresh) and the contents of every `--labels` and `--composers` file.
//! An entry is only ever read back under the key it was written with, so there is nothing to
//! invalidate: a changed file, program or vocabulary simply misses, and is extracted again.
//!
//! Layout: `.cache/entries.pack` holds every file's report line and mentions (after
//! normalisation, before resolution) in one file ([`pack`]); a run reads the previous run's
//! pack and writes a new one holding the entries it used, read or extracted, which replaces
//! the old when the run succeeds. So the cache holds one entry per current input file, and a
//! crash leaves the previous pack (the next run to finish removes its temporary one). The
//! folder holds a `.gitignore` (`*`) and a `CACHEDIR.TAG`, and the walk never reads it as
//! input (it skips the output folder and dot names). The cache is best effort: when it
//! cannot be written the run goes on without it.

mod pack;

use std::fs;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use crate::model::Mention;
use crate::report::FileReport;
use crate::store::codec;
use pack::{PackReader, PackWriter};

/// The cache folder inside the output folder.
pub const CACHE_DIR: &str = ".cache";

/// The pack inside the cache folder.
const PACK: &str = "entries.pack";

/// Bumped when the entry format changes.
const FORMAT: &str = "cuesheet-cache-2";

/// What the cache keeps of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub report: FileReport,
    pub mentions: Vec<Mention>,
}

/// An open cache folder: the previous run's entries to read, and this run's to write.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    stamp: u128,
    previous: Option<PackReader>,
    /// `None` when the new pack could not be created: the run then reads but does not write.
    next: Option<PackWriter>,
}

impl Cache {
    /// Opens (creating if needed) the cache of output folder `output`; `inputs` are the
    /// contents of everything besides the article that extraction reads (the vocabulary files).
    /// `None` when the folder cannot be created.
    pub fn open(output: &Path, inputs: &[&[u8]]) -> Option<Cache> {
        let dir = output.join(CACHE_DIR);
        fs::create_dir_all(&dir).ok()?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            fs::write(&ignore, "# cuesheet's extraction cache (see README): never commit it.\n*\n").ok()?;
        }
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            let text = "Signature: 8a477f597d28d172789f06886806bc55\n\
                        # This file is a cache directory tag created by cuesheet.\n";
            fs::write(&tag, text).ok()?;
        }
        let stamp = stamp(inputs);
        let previous = PackReader::open(&dir.join(PACK), stamp);
        let next = PackWriter::create(&dir, stamp).ok();
        Some(Cache { dir, stamp, previous, next })
    }

    /// The key of the file at `rel` with content `bytes`.
    pub fn key(&self, rel: &str, bytes: &[u8]) -> u128 {
        let mut h = Xxh3::new();
        h.update(&self.stamp.to_le_bytes());
        h.update(&(rel.len() as u64).to_le_bytes());
        h.update(rel.as_bytes());
        h.update(bytes);
        h.digest128()
    }

    /// How many entries the previous run left.
    pub fn stored(&self) -> usize {
        self.previous.as_ref().map_or(0, PackReader::len)
    }

    /// The entry stored under `key`, if there is a readable one; it is kept for the next run.
    pub fn get(&self, key: u128) -> Option<Entry> {
        let bytes = self.previous.as_ref()?.entry(key)?;
        let entry = decode_entry(&bytes)?;
        if let Some(next) = &self.next {
            next.add(key, &bytes);
        }
        Some(entry)
    }

    /// Stores `report` and `mentions` under `key` for the next run; failures are ignored.
    pub fn put(&self, key: u128, report: &FileReport, mentions: &[Mention]) {
        if let (Some(next), Some(bytes)) = (&self.next, encode_entry(report, mentions)) {
            next.add(key, &bytes);
        }
    }

    /// Puts this run's entries in place of the previous run's, so entries of files no longer
    /// read are gone; called when the run succeeded. Failures leave the previous pack.
    pub fn finish(self) {
        let Some(next) = self.next else { return };
        // The previous pack is closed before the new one takes its name.
        drop(self.previous);
        if next.finish(&self.dir.join(PACK)).is_ok() {
            remove_leftovers(&self.dir);
        }
    }
}

/// An entry: its report (MessagePack with field names), then its mentions as the spill lays
/// them out ([`codec`]), each behind its length.
fn encode_entry(report: &FileReport, mentions: &[Mention]) -> Option<Vec<u8>> {
    let report = rmp_serde::encode::to_vec_named(report).ok()?;
    let mut out = Vec::with_capacity(report.len() + 8 + mentions.len() * 256);
    out.extend_from_slice(&u32::try_from(report.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&report);
    out.extend_from_slice(&u32::try_from(mentions.len()).ok()?.to_le_bytes());
    for m in mentions {
        // Encoded in place behind a length filled in after.
        let at = out.len();
        out.extend_from_slice(&[0; 4]);
        codec::encode_mention(&mut out, m);
        let len = u32::try_from(out.len() - at - 4).ok()?;
        out[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }
    Some(out)
}

fn decode_entry(bytes: &[u8]) -> Option<Entry> {
    let mut rest = bytes;
    let report: FileReport = rmp_serde::from_slice(take_sized(&mut rest)?).ok()?;
    let count = take_u32(&mut rest)? as usize;
    // Each mention takes at least its length: a count beyond that is a damaged entry.
    let mut mentions = Vec::with_capacity(count.min(rest.len() / 4));
    for _ in 0..count {
        mentions.push(codec::decode_mention(take_sized(&mut rest)?).ok()?);
    }
    rest.is_empty().then_some(Entry { report, mentions })
}

fn take_u32(rest: &mut &[u8]) -> Option<u32> {
    let (head, tail) = rest.split_first_chunk::<4>()?;
    *rest = tail;
    Some(u32::from_le_bytes(*head))
}

/// The bytes behind a length.
fn take_sized<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = take_u32(rest)? as usize;
    let (head, tail) = rest.split_at_checked(len)?;
    *rest = tail;
    Some(head)
}

/// Removes what earlier runs left besides the pack: the first layout's folders of one JSON
/// file per input file (named by two hexadecimal digits), and the temporary packs of runs
/// that were killed before they finished.
fn remove_leftovers(dir: &Path) {
    let Ok(children) = fs::read_dir(dir) else { return };
    for child in children.flatten() {
        let name = child.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(kind) = child.file_type() else { continue };
        if kind.is_dir() && name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
            let _ = fs::remove_dir_all(child.path());
        } else if kind.is_file() && name.starts_with(pack::TEMPORARY_PREFIX) {
            let _ = fs::remove_file(child.path());
        }
    }
}

/// The stamp: everything besides a file's path and bytes that its extraction depends on.
fn stamp(inputs: &[&[u8]]) -> u128 {
    let mut h = Xxh3::new();
    h.update(FORMAT.as_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    // The program itself: any rebuild may extract differently.
    match std::env::current_exe().and_then(fs::read) {
        Ok(exe) => h.update(&exe),
        // Without it, a per-process value: the cache is never reused.
        Err(_) => h.update(&std::process::id().to_le_bytes()),
    }
    for input in inputs {
        h.update(&(input.len() as u64).to_le_bytes());
        h.update(input);
    }
    h.digest128()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    fn entry() -> Entry {
        let report = FileReport {
            path: "a.txt".into(),
            status: Status::Ok,
            reason: None,
            encoding: Some("UTF-8".into()),
            layout: None,
            entries: 1,
        };
        let mut m = Mention::new("a.txt", 3, crate::model::Layout::RankedList, "Jaws".into());
        m.confidence = 0.7;
        Entry { report, mentions: vec![m] }
    }

    #[test]
    fn entries_carry_over_runs_and_unused_ones_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = Cache::open(dir.path(), &[]).unwrap();
        let (a, b) = (first.key("a.txt", b"one"), first.key("a.txt", b"two"));
        assert_ne!(a, b);
        assert_ne!(a, first.key("b.txt", b"one"));
        let e = entry();
        first.put(a, &e.report, &e.mentions);
        first.put(b, &e.report, &e.mentions);
        assert_eq!(first.get(a), None, "a run reads only the previous run's entries");
        first.finish();

        let second = Cache::open(dir.path(), &[]).unwrap();
        assert_eq!(second.stored(), 2);
        assert_eq!(second.get(a), Some(entry()));
        second.finish();

        let third = Cache::open(dir.path(), &[]).unwrap();
        assert_eq!(third.stored(), 1, "b was not used by the second run");
        assert_eq!(third.get(b), None);
        assert_eq!(third.get(a), Some(entry()));
        drop(third);
        let unfinished = Cache::open(dir.path(), &[]).unwrap();
        assert_eq!(unfinished.stored(), 1, "a run that does not finish leaves the pack as it was");
    }

    #[test]
    fn an_entry_reads_back_whole_and_a_cut_one_never_reads() {
        let mut e = entry();
        e.report.reason = Some("no soundtrack entries found".into());
        e.report.layout = Some(crate::model::Layout::RankedList);
        let mut other = Mention::new("a.txt", 9, crate::model::Layout::Prose, "Vertigo".into());
        other.year = Some(1958);
        other.composers = vec!["Bernard Herrmann".into()];
        e.mentions.push(other);
        let bytes = encode_entry(&e.report, &e.mentions).unwrap();
        assert_eq!(decode_entry(&bytes), Some(e));
        for cut in 0..bytes.len() {
            assert_eq!(decode_entry(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode_entry(&longer), None, "trailing bytes");
    }

    #[test]
    fn leftovers_of_earlier_runs_are_removed_once_a_pack_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join(CACHE_DIR);
        let shard = cache_dir.join("ab");
        fs::create_dir_all(&shard).unwrap();
        fs::write(shard.join("ab12.json"), "{}").unwrap();
        let killed = cache_dir.join(format!("{}XYZ123", pack::TEMPORARY_PREFIX));
        fs::write(&killed, "half a pack").unwrap();
        let kept = cache_dir.join("notes");
        fs::create_dir_all(&kept).unwrap();
        Cache::open(dir.path(), &[]).unwrap().finish();
        assert!(!shard.exists(), "the first layout's folders go");
        assert!(!killed.exists(), "a killed run's temporary pack goes");
        assert!(kept.exists(), "only folders named by two hexadecimal digits are the cache's");
        assert!(cache_dir.join(PACK).exists());
        let names: Vec<_> = fs::read_dir(&cache_dir).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names.len(), 4, "{names:?}"); // .gitignore, CACHEDIR.TAG, the pack, notes
    }

    #[test]
    fn another_vocabulary_gives_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let plain = Cache::open(dir.path(), &[]).unwrap();
        let more = Cache::open(dir.path(), &[b"Milan Records | Milan"]).unwrap();
        assert_ne!(plain.key("a.txt", b"x"), more.key("a.txt", b"x"));
    }
}
