//! The pack: one file holding every cache entry of the last run.
//!
//! One file per run instead of one per input file: writing ten thousand small files (each created,
//! written and renamed) took a first run at 100 MB from 2.8 to 4.1 s, most of it system time.
//!
//! Layout: a header (`MAGIC`, the format number, the run's stamp), the entries one after
//! another, then the index (per entry its key, offset, length and an XXH3-64 checksum of its
//! bytes, sorted by key) and a footer (where the index starts, how many records it has,
//! `MAGIC` again). A pack with another stamp, or whose header, footer or index does not read,
//! is ignored as a whole; an entry whose checksum fails is a miss.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

use xxhash_rust::xxh3::xxh3_64;

/// Opens and closes a pack, so a file of another kind is never taken for one.
const MAGIC: &[u8; 8] = b"cuespack";
/// Bumped when the layout of the pack or of an entry changes.
const FORMAT: u32 = 2;
const HEADER_LEN: u64 = 8 + 4 + 16;
const FOOTER_LEN: u64 = 8 + 8 + 8;
const RECORD_LEN: usize = 16 + 8 + 4 + 8;
/// How a pack being written is named until it is finished.
pub const TEMPORARY_PREFIX: &str = "pack.tmp";

/// Where one entry lies in a pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    at: u64,
    len: u32,
    checksum: u64,
}

/// The previous run's pack, read entry by entry.
#[derive(Debug)]
pub struct PackReader {
    file: Mutex<File>,
    index: HashMap<u128, Slot>,
}

impl PackReader {
    /// The pack at `path` when it was written under `stamp` and reads whole; `None` otherwise.
    pub fn open(path: &Path, stamp: u128) -> Option<PackReader> {
        let mut file = File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        if size < HEADER_LEN + FOOTER_LEN {
            return None;
        }
        let mut header = [0u8; HEADER_LEN as usize];
        file.read_exact(&mut header).ok()?;
        if header != header_bytes(stamp) {
            return None;
        }
        let mut footer = [0u8; FOOTER_LEN as usize];
        file.seek(SeekFrom::Start(size - FOOTER_LEN)).ok()?;
        file.read_exact(&mut footer).ok()?;
        let index_at = u64::from_le_bytes(footer[..8].try_into().ok()?);
        let count = u64::from_le_bytes(footer[8..16].try_into().ok()?);
        if &footer[16..] != MAGIC {
            return None;
        }
        let index_len = count.checked_mul(RECORD_LEN as u64)?;
        if index_at < HEADER_LEN || index_at.checked_add(index_len)? != size - FOOTER_LEN {
            return None;
        }
        let mut records = vec![0u8; usize::try_from(index_len).ok()?];
        file.seek(SeekFrom::Start(index_at)).ok()?;
        file.read_exact(&mut records).ok()?;
        let mut index = HashMap::with_capacity(records.len() / RECORD_LEN);
        for record in records.chunks_exact(RECORD_LEN) {
            let key = u128::from_le_bytes(record[..16].try_into().ok()?);
            let slot = Slot {
                at: u64::from_le_bytes(record[16..24].try_into().ok()?),
                len: u32::from_le_bytes(record[24..28].try_into().ok()?),
                checksum: u64::from_le_bytes(record[28..].try_into().ok()?),
            };
            if slot.at < HEADER_LEN || slot.at.checked_add(u64::from(slot.len))? > index_at {
                return None;
            }
            index.insert(key, slot);
        }
        Some(PackReader { file: Mutex::new(file), index })
    }

    /// The bytes of the entry under `key`, when there is one and its checksum holds.
    pub fn entry(&self, key: u128) -> Option<Vec<u8>> {
        let slot = self.index.get(&key)?;
        let mut bytes = vec![0u8; slot.len as usize];
        {
            let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
            file.seek(SeekFrom::Start(slot.at)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        (xxh3_64(&bytes) == slot.checksum).then_some(bytes)
    }

    /// How many entries the pack holds.
    pub fn len(&self) -> usize {
        self.index.len()
    }
}

/// This run's pack, written as entries come and put in place by [`PackWriter::finish`].
#[derive(Debug)]
pub struct PackWriter {
    state: Mutex<Writing>,
}

#[derive(Debug)]
struct Writing {
    file: tempfile::NamedTempFile,
    end: u64,
    index: Vec<(u128, Slot)>,
    /// A write failed: the pack is incomplete and must not replace the previous one.
    failed: bool,
}

impl PackWriter {
    /// A new pack in folder `dir`, under a temporary name until it is finished.
    pub fn create(dir: &Path, stamp: u128) -> io::Result<PackWriter> {
        let mut file = tempfile::Builder::new().prefix(TEMPORARY_PREFIX).tempfile_in(dir)?;
        file.write_all(&header_bytes(stamp))?;
        Ok(PackWriter { state: Mutex::new(Writing { file, end: HEADER_LEN, index: Vec::new(), failed: false }) })
    }

    /// Appends the entry `bytes` under `key` (a key written twice keeps one of its entries).
    pub fn add(&self, key: u128, bytes: &[u8]) {
        let mut w = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(len) = u32::try_from(bytes.len()) else {
            return; // too large to index: that file is simply not cached
        };
        if w.failed {
            return;
        }
        if w.file.write_all(bytes).is_err() {
            w.failed = true;
            return;
        }
        let slot = Slot { at: w.end, len, checksum: xxh3_64(bytes) };
        w.end += u64::from(len);
        w.index.push((key, slot));
    }

    /// Writes the index and puts the pack at `path`, replacing the previous one.
    pub fn finish(self, path: &Path) -> io::Result<()> {
        let mut w = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        if w.failed {
            return Err(io::Error::other("a cache entry could not be written"));
        }
        w.index.sort_unstable_by_key(|(key, _)| *key);
        w.index.dedup_by_key(|(key, _)| *key);
        let mut tail = Vec::with_capacity(w.index.len() * RECORD_LEN + FOOTER_LEN as usize);
        for (key, slot) in &w.index {
            tail.extend_from_slice(&key.to_le_bytes());
            tail.extend_from_slice(&slot.at.to_le_bytes());
            tail.extend_from_slice(&slot.len.to_le_bytes());
            tail.extend_from_slice(&slot.checksum.to_le_bytes());
        }
        tail.extend_from_slice(&w.end.to_le_bytes());
        tail.extend_from_slice(&(w.index.len() as u64).to_le_bytes());
        tail.extend_from_slice(MAGIC);
        w.file.write_all(&tail)?;
        w.file.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

fn header_bytes(stamp: u128) -> [u8; HEADER_LEN as usize] {
    let mut header = [0u8; HEADER_LEN as usize];
    header[..8].copy_from_slice(MAGIC);
    header[8..12].copy_from_slice(&FORMAT.to_le_bytes());
    header[12..].copy_from_slice(&stamp.to_le_bytes());
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(dir: &Path, stamp: u128, entries: &[(u128, &[u8])]) -> std::path::PathBuf {
        let path = dir.join("pack");
        let writer = PackWriter::create(dir, stamp).unwrap();
        for (key, bytes) in entries {
            writer.add(*key, bytes);
        }
        writer.finish(&path).unwrap();
        path
    }

    #[test]
    fn entries_read_back_under_their_keys_and_stamp_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path(), 7, &[(3, b"three"), (1, b""), (2, b"two")]);
        let pack = PackReader::open(&path, 7).expect("pack reads");
        assert_eq!(pack.len(), 3);
        assert_eq!(pack.entry(3).as_deref(), Some(&b"three"[..]));
        assert_eq!(pack.entry(1).as_deref(), Some(&b""[..]));
        assert_eq!(pack.entry(2).as_deref(), Some(&b"two"[..]));
        assert_eq!(pack.entry(4), None);
        assert!(PackReader::open(&path, 8).is_none(), "another stamp's pack is ignored");
    }

    #[test]
    fn a_damaged_entry_is_a_miss_and_a_damaged_pack_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path(), 7, &[(1, b"first entry"), (2, b"second entry")]);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.windows(5).position(|w| w == b"first").unwrap();
        bytes[at] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        let pack = PackReader::open(&path, 7).expect("the index still reads");
        assert_eq!(pack.entry(1), None, "checksum fails");
        assert_eq!(pack.entry(2).as_deref(), Some(&b"second entry"[..]));
        for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert!(PackReader::open(&path, 7).is_none(), "a pack cut at {cut} is ignored");
        }
    }

    #[test]
    fn arbitrary_bytes_never_read_as_a_pack_or_panic() {
        use proptest::prelude::*;
        proptest!(|(tail in proptest::collection::vec(any::<u8>(), 0..200))| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("pack");
            let mut bytes = header_bytes(7).to_vec();
            bytes.extend_from_slice(&tail);
            std::fs::write(&path, &bytes).unwrap();
            if let Some(pack) = PackReader::open(&path, 7) {
                // Only a tail that is a well-formed index and footer opens; its entries then
                // read or miss, never panic.
                for key in pack.index.keys() {
                    let _ = pack.entry(*key);
                }
            }
        });
    }
}
