//! Blocking: the candidate pairs worth scoring, found without comparing all pairs.
//!
//! First the run's title words are spell-grouped: a rare word one letter off a more common
//! one (`Marner`, `Fortrss`, `Commet`) is read as that word for blocking. A dropped, doubled
//! or swapped letter always leaves a one-letter deletion that the correct spelling shares,
//! so the search indexes every word by its one-letter deletions (SymSpell's idea) instead
//! of comparing all words.
//!
//! Then every title variant of a profile puts the profile into a few blocks:
//! - `k` its work key, `c` the key without spaces, `f` its fingerprint (word order);
//! - `n` the key with spell-grouped words, so a typo meets the correct spelling;
//! - `k` also the naming subtitle alone (`phantom menace`), to meet titles that use it;
//! - `t` each of its two rarest (spell-grouped) words, so a title with one odd word still
//!   meets the titles that share its other rare words.
//!
//! A block of up to [`FULL_BLOCK`] profiles yields all its pairs; a larger block (a common
//! word, a popular title) is sorted by key and each profile meets the next [`WINDOW`] ones
//! (the sorted-neighbourhood method). The work is therefore linear in the number of profiles.

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use super::features::{Profile, TitleVariant};
use crate::fast_hash::FastMap as HashMap;
use crate::normalize::{compact, fingerprint};
use crate::store::par_flat_map_chunked;

/// Blocks up to this size are compared in full.
pub const FULL_BLOCK: usize = 24;
/// In larger blocks each profile meets this many neighbours in key order.
pub const WINDOW: usize = 8;

/// The run's blocks: which profiles share a block key.
pub struct Blocks {
    /// (block, profile), sorted; blocks are named by a hash of their key.
    entries: Vec<(u64, u32)>,
    /// Indices into `entries` grouped by profile (each group in entry order): profile `p`'s
    /// are `by_profile[starts[p]..starts[p + 1]]`. Working a profile's keys out again
    /// for its partners cost as much as finding them the first time; these take 4 bytes an
    /// entry beside its 16.
    by_profile: Vec<u32>,
    starts: Vec<u32>,
}

impl Blocks {
    pub fn new(profiles: &[Profile]) -> Blocks {
        let spelling = spelling_groups(profiles);
        let shared = SharedKeys::new(profiles, &spelling);
        let mut entries: Vec<(u64, u32)> = par_flat_map_chunked(profiles.len(), |i| {
            profile_keys(&profiles[i], &spelling, &shared).into_iter().map(move |k| (k, i as u32))
        });
        drop(shared);
        entries.par_sort_unstable();
        let (by_profile, starts) = group_by_profile(&entries, profiles.len());
        Blocks { entries, by_profile, starts }
    }

    /// The candidates `b > a` that profile `a` is paired with, sorted and distinct: in each
    /// of its blocks, the profiles after it (profiles are numbered in key order, so a block
    /// is sorted by key), all of them in a small block, the next [`WINDOW`] in a large one.
    /// Every candidate pair is listed once, by its first profile, so pairs never have to be
    /// held all at once.
    pub fn partners(&self, a: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mine = &self.by_profile[self.starts[a as usize] as usize..self.starts[a as usize + 1] as usize];
        for &at in mine {
            let at = at as usize;
            let (start, end) = block_around(&self.entries, at);
            let block = &self.entries[start..end];
            let x = at - start;
            let reach = if block.len() <= FULL_BLOCK { block.len() } else { WINDOW + 1 };
            out.extend(block[x + 1..block.len().min(x + reach)].iter().map(|e| e.1));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Where the block of entry `at` starts and ends in `entries` (sorted by block): found by
/// galloping out from `at`, as most blocks are small; two binary searches of the whole list
/// cost more than the pairs a small block gives.
fn block_around(entries: &[(u64, u32)], at: usize) -> (usize, usize) {
    let key = entries[at].0;
    // Entries `low..=at` are in the block; the step doubles until it leaves the block.
    let (mut low, mut step) = (at, 1);
    while low >= step && entries[low - step].0 == key {
        low -= step;
        step *= 2;
    }
    let from = if low >= step { low - step + 1 } else { 0 };
    let start = from + entries[from..low].partition_point(|e| e.0 < key);
    let (mut high, mut step) = (at, 1);
    while high + step < entries.len() && entries[high + step].0 == key {
        high += step;
        step *= 2;
    }
    let to = (high + step).min(entries.len());
    let end = high + 1 + entries[high + 1..to].partition_point(|e| e.0 == key);
    debug_assert_eq!((start, end), block_by_search(entries, at));
    (start, end)
}

/// [`block_around`] by binary searches of the whole list: the check.
fn block_by_search(entries: &[(u64, u32)], at: usize) -> (usize, usize) {
    let key = entries[at].0;
    let start = entries[..at].partition_point(|e| e.0 < key);
    (start, start + entries[start..].partition_point(|e| e.0 == key))
}

/// The indices of `entries` grouped by profile, in entry order within a profile (a counting
/// sort), and where each profile's group starts (`profiles + 1` offsets).
fn group_by_profile(entries: &[(u64, u32)], profiles: usize) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; profiles + 1];
    for &(_, p) in entries {
        starts[p as usize + 1] += 1;
    }
    for p in 0..profiles {
        starts[p + 1] += starts[p];
    }
    let mut next = starts.clone();
    let mut by_profile = vec![0u32; entries.len()];
    for (at, &(_, p)) in entries.iter().enumerate() {
        by_profile[next[p as usize] as usize] = at as u32;
        next[p as usize] += 1;
    }
    (by_profile, starts)
}

/// The distinct blocks of a profile's title variants.
fn profile_keys(p: &Profile, spelling: &HashMap<String, String>, shared: &SharedKeys) -> Vec<u64> {
    let mut keys: Vec<u64> = Vec::new();
    for t in &p.titles {
        match shared.get(t) {
            Some(known) => {
                debug_assert_eq!(known, block_keys(t, spelling));
                keys.extend_from_slice(known);
            }
            None => keys.extend(block_keys(t, spelling)),
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The blocks of every title variant that several profiles share (one title with different
/// years or composers: on the 10 MB sample 5,142 variants of profiles were 2,871 distinct
/// ones), worked out once. Variants are told apart by address, as profiles share them by
/// `Arc`; only shared ones are kept, so a run holds little more than before.
struct SharedKeys {
    /// Where each shared variant's keys are in `keys`.
    at: HashMap<usize, (u32, u32)>,
    keys: Vec<u64>,
}

impl SharedKeys {
    fn new(profiles: &[Profile], spelling: &HashMap<String, String>) -> SharedKeys {
        let mut uses: HashMap<usize, (u32, &TitleVariant)> = HashMap::default();
        for t in profiles.iter().flat_map(|p| p.titles.iter()) {
            uses.entry(Arc::as_ptr(t) as usize).or_insert((0, t)).0 += 1;
        }
        let mut shared: Vec<(usize, &TitleVariant)> =
            uses.into_iter().filter(|(_, (n, _))| *n > 1).map(|(address, (_, t))| (address, t)).collect();
        shared.sort_unstable_by_key(|&(address, _)| address);
        let found: Vec<Vec<u64>> = shared.par_iter().map(|(_, t)| block_keys(t, spelling)).collect();
        let (mut at, mut keys) = (HashMap::default(), Vec::new());
        for ((address, _), found) in shared.into_iter().zip(found) {
            at.insert(address, (keys.len() as u32, found.len() as u32));
            keys.extend(found);
        }
        SharedKeys { at, keys }
    }

    fn get(&self, t: &Arc<TitleVariant>) -> Option<&[u64]> {
        let &(start, len) = self.at.get(&(Arc::as_ptr(t) as usize))?;
        Some(&self.keys[start as usize..(start + len) as usize])
    }
}

/// A block's name: a hash of a tag and its key parts.
fn block(tag: u8, parts: &[&str]) -> u64 {
    let mut h = DefaultHasher::new();
    tag.hash(&mut h);
    parts.hash(&mut h);
    h.finish()
}

/// The blocks of one title variant.
fn block_keys(t: &TitleVariant, spelling: &HashMap<String, String>) -> Vec<u64> {
    let mut keys =
        vec![block(b'k', &[t.key()]), block(b'c', &[&compact(t.key())]), block(b'f', &[&fingerprint(t.key())])];
    let grouped: Vec<&str> = t.tokens().map(|w| spelling.get(w).map_or(w, String::as_str)).collect();
    let part = t.parsed.part.map(|n| n.to_string()).unwrap_or_default();
    let mut normal = grouped.clone();
    normal.push(&part);
    keys.push(block(b'n', &normal));
    if !t.parsed.subtitle.is_empty() {
        // Meets the same work named by its subtitle alone.
        keys.push(block(b'k', &[&with_part(&t.parsed.subtitle, t.parsed.part)]));
    }
    let mut words: Vec<(u32, &str)> =
        grouped.iter().zip(t.df.iter()).filter(|(w, _)| w.chars().count() >= 3).map(|(w, &df)| (df, *w)).collect();
    words.sort_unstable();
    words.dedup_by(|a, b| a.1 == b.1);
    keys.extend(words.iter().take(2).map(|(_, w)| block(b't', &[w])));
    keys
}

fn with_part(base: &str, part: Option<u32>) -> String {
    match part {
        Some(n) => format!("{base} {n}"),
        None => base.to_string(),
    }
}

/// Maps each rare word that is one letter off a more frequent word to that word.
fn spelling_groups(profiles: &[Profile]) -> HashMap<String, String> {
    let mut df_of: HashMap<&str, u32> = HashMap::default();
    for t in profiles.iter().flat_map(|p| &p.titles) {
        for (w, &df) in t.tokens().zip(t.df.iter()) {
            df_of.insert(w, df);
        }
    }
    let words: BTreeSet<&str> =
        df_of.keys().copied().filter(|w| w.chars().count() >= 5 && !w.chars().any(|c| c.is_ascii_digit())).collect();
    let words: Vec<&str> = words.into_iter().collect();
    let mut index: HashMap<String, Vec<u32>> = HashMap::default();
    for (i, w) in words.iter().enumerate() {
        for d in deletions(w) {
            index.entry(d).or_default().push(i as u32);
        }
    }
    let df = |w: &str| df_of.get(w).copied().unwrap_or(0);
    let rare = |w: &str| df(w) <= 3;
    let mut best: HashMap<u32, (u32, u32)> = HashMap::default();
    for bucket in index.values().filter(|b| b.len() > 1) {
        for &x in bucket.iter().filter(|&&x| rare(words[x as usize])) {
            for &y in bucket {
                let (wx, wy) = (words[x as usize], words[y as usize]);
                let (dx, dy) = (df(wx), df(wy));
                // Map towards the more frequent spelling (ties: the smaller word), never both ways.
                if x == y || (dy, std::cmp::Reverse(wy)) <= (dx, std::cmp::Reverse(wx)) {
                    continue;
                }
                if super::jaro::similarity(wx, wy) < 0.9 {
                    continue;
                }
                let entry = best.entry(x).or_insert((y, dy));
                if (dy, std::cmp::Reverse(wy)) > (entry.1, std::cmp::Reverse(words[entry.0 as usize])) {
                    *entry = (y, dy);
                }
            }
        }
    }
    // Follow chains to their most frequent end; each step goes up in (df, word) order, so
    // chains end.
    let mut out = HashMap::default();
    for &x in best.keys() {
        let mut target = x;
        while let Some(&(next, _)) = best.get(&target) {
            target = next;
        }
        out.insert(words[x as usize].to_string(), words[target as usize].to_string());
    }
    out
}

/// The word and every copy of it with one letter deleted.
fn deletions(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out = vec![w.to_string()];
    for skip in 0..chars.len() {
        out.push(chars.iter().enumerate().filter(|&(i, _)| i != skip).map(|(_, c)| c).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Galloping finds the block binary searches of the whole list find, for blocks of one
        /// entry up to long ones.
        #[test]
        fn galloping_finds_the_searched_block(sizes in proptest::collection::vec(1usize..40, 1..20)) {
            let mut entries: Vec<(u64, u32)> = Vec::new();
            for (block, &size) in sizes.iter().enumerate() {
                entries.extend((0..size as u32).map(|p| (block as u64 * 7, p)));
            }
            for at in 0..entries.len() {
                proptest::prop_assert_eq!(block_around(&entries, at), block_by_search(&entries, at));
            }
        }
    }
}
