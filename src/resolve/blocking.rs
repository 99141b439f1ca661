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

use std::collections::{BTreeSet, HashMap};

use rapidfuzz::distance::jaro_winkler;

use super::features::{Idf, Profile, TitleVariant};
use crate::normalize::fingerprint;

/// Blocks up to this size are compared in full.
pub const FULL_BLOCK: usize = 24;
/// In larger blocks each profile meets this many neighbours in key order.
pub const WINDOW: usize = 8;

/// Candidate pairs `(a, b)` with `a < b`, sorted and without repeats.
pub fn candidate_pairs(profiles: &[Profile], idf: &Idf) -> Vec<(u32, u32)> {
    let spelling = spelling_groups(profiles, idf);
    let mut blocks: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, p) in profiles.iter().enumerate() {
        for t in &p.titles {
            for key in block_keys(t, idf, &spelling) {
                let members = blocks.entry(key).or_default();
                if members.last() != Some(&(i as u32)) {
                    members.push(i as u32);
                }
            }
        }
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for members in blocks.values_mut() {
        if members.len() < 2 {
            continue;
        }
        // Profiles are numbered in key order, so sorting by index sorts by key.
        members.sort_unstable();
        members.dedup();
        let n = members.len();
        let reach = if n <= FULL_BLOCK { n } else { WINDOW + 1 };
        for x in 0..n {
            for y in x + 1..n.min(x + reach) {
                pairs.push((members[x], members[y]));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The block keys of one title variant.
fn block_keys(t: &TitleVariant, idf: &Idf, spelling: &HashMap<String, String>) -> Vec<String> {
    let mut keys = vec![
        format!("k{}", t.key),
        format!("c{}", t.compact),
        format!("f{}", fingerprint(&t.key)),
    ];
    let grouped: Vec<&str> = t
        .tokens
        .iter()
        .map(|w| spelling.get(w).map_or(w.as_str(), String::as_str))
        .collect();
    let mut normal = grouped.join(" ");
    if let Some(n) = t.parsed.part {
        normal.push_str(&format!(" {n}"));
    }
    keys.push(format!("n{normal}"));
    if !t.parsed.subtitle.is_empty() {
        // Meets the same work named by its subtitle alone.
        keys.push(format!("k{}", t.parsed.subtitle));
    }
    let mut words: Vec<&str> = grouped
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    words.sort_by(|a, b| idf.df(a).cmp(&idf.df(b)).then(a.cmp(b)));
    words.dedup();
    keys.extend(words.iter().take(2).map(|w| format!("t{w}")));
    keys
}

/// Maps each rare word that is one letter off a more frequent word to that word.
fn spelling_groups(profiles: &[Profile], idf: &Idf) -> HashMap<String, String> {
    let words: BTreeSet<&str> = profiles
        .iter()
        .flat_map(|p| {
            p.titles
                .iter()
                .flat_map(|t| t.tokens.iter().map(String::as_str))
        })
        .filter(|w| w.chars().count() >= 5 && !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let words: Vec<&str> = words.into_iter().collect();
    let mut index: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        for d in deletions(w) {
            index.entry(d).or_default().push(i as u32);
        }
    }
    let rare = |w: &str| idf.df(w) <= 3;
    let mut best: HashMap<u32, (u32, u32)> = HashMap::new();
    for bucket in index.values().filter(|b| b.len() > 1) {
        for &x in bucket.iter().filter(|&&x| rare(words[x as usize])) {
            for &y in bucket {
                let (wx, wy) = (words[x as usize], words[y as usize]);
                let (dx, dy) = (idf.df(wx), idf.df(wy));
                // Map towards the more frequent spelling (ties: the smaller word), never both ways.
                if x == y || (dy, std::cmp::Reverse(wy)) <= (dx, std::cmp::Reverse(wx)) {
                    continue;
                }
                if jaro_winkler::similarity(wx.chars(), wy.chars()) < 0.9 {
                    continue;
                }
                let entry = best.entry(x).or_insert((y, dy));
                if (dy, std::cmp::Reverse(wy))
                    > (entry.1, std::cmp::Reverse(words[entry.0 as usize]))
                {
                    *entry = (y, dy);
                }
            }
        }
    }
    // Follow chains to their most frequent end; each step goes up in (df, word) order, so
    // chains end.
    let mut out = HashMap::new();
    for &x in best.keys() {
        let mut target = x;
        while let Some(&(next, _)) = best.get(&target) {
            target = next;
        }
        out.insert(
            words[x as usize].to_string(),
            words[target as usize].to_string(),
        );
    }
    out
}

/// The word and every copy of it with one letter deleted.
fn deletions(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out = vec![w.to_string()];
    for skip in 0..chars.len() {
        out.push(
            chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, c)| c)
                .collect(),
        );
    }
    out
}
