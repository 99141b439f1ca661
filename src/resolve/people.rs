//! One spelling per person across the run. Two spellings are taken as one person only with
//! evidence: the same first name, a surname one or two letters off, and both credited for
//! the same work (they meet in one merged record). `Karaindro` and `Karaindrou` credited for
//! one album become one person; two Karaindrous who never share a work stay two.

use std::collections::BTreeMap;

use crate::fast_hash::FastMap as HashMap;

use super::digest::Digests;
use super::scoring::same_person;
use super::vocabulary::Vocabulary;

/// The canonical display name of every composer name key seen in the run.
#[derive(Debug, Default)]
pub struct People {
    canonical: HashMap<String, (String, String)>,
}

impl People {
    /// `clusters` lists the mention indices of each merged record.
    pub fn new(clusters: &[Vec<usize>], digests: &Digests, vocab: &Vocabulary) -> People {
        // Spellings and counts per key; each written spelling is looked up once.
        let mut written: HashMap<&str, usize> = HashMap::default();
        for c in (0..digests.len()).flat_map(|m| digests.composers(m)) {
            *written.entry(digests.str(*c)).or_default() += 1;
        }
        let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (&c, &n) in &written {
            *spellings.entry(vocab.composer_key(c)).or_default().entry(vocab.composer_display(c)).or_default() += n;
        }
        let index: HashMap<&str, usize> = spellings.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let key_of: HashMap<&str, usize> =
            written.keys().map(|&c| (c, index[vocab.composer_key(c).as_str()])).collect();
        let keys: Vec<&String> = spellings.keys().collect();
        let mut parent: Vec<usize> = (0..keys.len()).collect();
        for members in clusters {
            let mut seen: Vec<usize> = members
                .iter()
                .flat_map(|&m| digests.composers(m))
                .filter_map(|&c| key_of.get(digests.str(c)).copied())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for (x, &a) in seen.iter().enumerate() {
                for &b in &seen[x + 1..] {
                    if same_person(keys[a], keys[b]) {
                        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
            }
        }
        let count = |k: usize| spellings[keys[k]].values().sum::<usize>();
        let mut best: BTreeMap<usize, usize> = BTreeMap::new();
        for k in 0..keys.len() {
            let r = root(&mut parent, k);
            let current = best.entry(r).or_insert(k);
            let rank = |k: usize| (count(k), keys[k].len(), std::cmp::Reverse(keys[k].clone()));
            if rank(k) > rank(*current) {
                *current = k;
            }
        }
        let mut canonical = HashMap::default();
        for k in 0..keys.len() {
            let chosen = best[&root(&mut parent, k)];
            let display = best_spelling(&spellings[keys[chosen]]);
            canonical.insert(keys[k].clone(), (keys[chosen].clone(), display));
        }
        People { canonical }
    }

    /// Canonical (key, display name) of a composer as written.
    pub fn canonical(&self, vocab: &Vocabulary, written: &str) -> (String, String) {
        let key = vocab.composer_key(written);
        self.canonical.get(&key).cloned().unwrap_or_else(|| (key, vocab.composer_display(written)))
    }
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The most complete spelling: mixed case over shouting or lower case, diacritics over none,
/// then the most frequent, then the first in order.
pub fn best_spelling(counts: &BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .max_by(|(a, ca), (b, cb)| completeness(a).cmp(&completeness(b)).then(ca.cmp(cb)).then(b.cmp(a)))
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// How complete a spelling looks: (mixed case, letters with diacritics or curly quotes).
pub fn completeness(s: &str) -> (bool, usize) {
    let mixed = s.chars().any(char::is_uppercase) && s.chars().any(char::is_lowercase);
    let rich = s.chars().filter(|c| !c.is_ascii() && (c.is_alphabetic() || matches!(c, '’' | '“' | '”'))).count();
    (mixed, rich)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_complete_spelling_wins() {
        let counts = BTreeMap::from([("JOHANN JOHANNSSON".to_string(), 3), ("Jóhann Jóhannsson".to_string(), 1)]);
        assert_eq!(best_spelling(&counts), "Jóhann Jóhannsson");
    }
}
