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
//! Layout: `.cache/ab/abcdef….json` holds one file's report line and its mentions (after
//! normalisation, before resolution). Entries are written to a temporary name and renamed, so
//! a crash cannot leave half an entry; an entry that fails to parse counts as a miss. After
//! each successful run the entries that run did not use are deleted, so the cache holds one
//! entry per current input file. The folder holds a `.gitignore` (`*`) and a `CACHEDIR.TAG`,
//! and the walk never reads it as input (it skips the output folder and dot names). The cache
//! is best effort: when it cannot be written the run goes on without it.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::model::Mention;
use crate::report::FileReport;

/// The cache folder inside the output folder.
pub const CACHE_DIR: &str = ".cache";

/// Bumped when the entry format changes.
const FORMAT: &str = "cuesheet-cache-1";

/// What the cache keeps of one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub report: FileReport,
    pub mentions: Vec<Mention>,
}

/// An open cache folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    stamp: u128,
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
        Some(Cache { dir, stamp: stamp(inputs) })
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

    fn path(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.dir.join(&hex[..2]).join(format!("{hex}.json"))
    }

    /// The entry stored under `key`, if there is a readable one.
    pub fn get(&self, key: u128) -> Option<Entry> {
        let bytes = fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores `report` and `mentions` under `key`; failures are ignored.
    pub fn put(&self, key: u128, report: &FileReport, mentions: &[Mention]) {
        let path = self.path(key);
        let Some(parent) = path.parent() else { return };
        if fs::create_dir_all(parent).is_err() {
            return;
        }
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        #[derive(Serialize)]
        struct EntryRef<'a> {
            report: &'a FileReport,
            mentions: &'a [Mention],
        }
        let written =
            serde_json::to_vec(&EntryRef { report, mentions }).ok().and_then(|bytes| fs::write(&tmp, bytes).ok());
        if written.is_none() || fs::rename(&tmp, &path).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }

    /// Deletes every entry (and leftover temporary file) whose key is not in `used`.
    pub fn sweep(&self, used: &HashSet<u128>) {
        let Ok(shards) = fs::read_dir(&self.dir) else { return };
        for shard in shards.flatten() {
            if !shard.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let Ok(entries) = fs::read_dir(shard.path()) else { continue };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let keep = name
                    .strip_suffix(".json")
                    .and_then(|hex| u128::from_str_radix(hex, 16).ok())
                    .is_some_and(|key| used.contains(&key));
                if !keep {
                    let _ = fs::remove_file(entry.path());
                }
            }
            let _ = fs::remove_dir(shard.path()); // only succeeds when empty
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
    fn entries_round_trip_and_unused_ones_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path(), &[]).unwrap();
        let (a, b) = (cache.key("a.txt", b"one"), cache.key("a.txt", b"two"));
        assert_ne!(a, b);
        assert_ne!(a, cache.key("b.txt", b"one"));
        let e = entry();
        cache.put(a, &e.report, &e.mentions);
        cache.put(b, &e.report, &e.mentions);
        assert_eq!(cache.get(a), Some(entry()));
        cache.sweep(&HashSet::from([a]));
        assert_eq!(cache.get(a), Some(entry()));
        assert_eq!(cache.get(b), None);
    }

    #[test]
    fn another_vocabulary_gives_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let plain = Cache::open(dir.path(), &[]).unwrap();
        let more = Cache::open(dir.path(), &[b"Milan Records | Milan"]).unwrap();
        assert_ne!(plain.key("a.txt", b"x"), more.key("a.txt", b"x"));
    }
}
