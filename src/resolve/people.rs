//! One spelling per person across the run. Two spellings are taken as one person only with
//! evidence: the same first name, a surname one or two letters off, and both credited for
//! the same work (they meet in one merged record). `Karaindro` and `Karaindrou` credited for
//! one album become one person; two Karaindrous who never share a work stay two.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::fast_hash::FastMap as HashMap;

use super::digest::Digests;
use super::scoring::same_person;
use super::vocabulary::Vocabulary;

/// The canonical display name of every composer name key seen in the run.
#[derive(Debug, Default)]
pub struct People {
    canonical: HashMap<String, (String, String)>,
    /// [`People::canonical`]'s answer for every composer spelling of the run, keyed by the
    /// spelling as written: records asked for it once per composer of every mention, and
    /// each answer took a key lookup and three copies.
    written: HashMap<String, (String, String)>,
}

impl People {
    /// `clusters` lists the mention indices of each merged record.
    pub fn new(clusters: &[Vec<usize>], digests: &Digests, vocab: &Vocabulary) -> People {
        // Spellings and counts per key; each written spelling is looked up once. Spellings
        // are told apart by their digest string ids (one id a distinct string), which hash
        // cheaper than the strings.
        let mut written: HashMap<u32, usize> = HashMap::default();
        for &c in (0..digests.len()).flat_map(|m| digests.composers(m)) {
            *written.entry(c).or_default() += 1;
        }
        let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (&c, &n) in &written {
            let c = digests.str(c);
            *spellings.entry(vocab.composer_key(c)).or_default().entry(vocab.composer_display(c)).or_default() += n;
        }
        let index: HashMap<&str, usize> = spellings.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let key_of: HashMap<u32, usize> =
            written.keys().map(|&c| (c, index[vocab.composer_key(digests.str(c)).as_str()])).collect();
        let keys: Vec<&String> = spellings.keys().collect();
        let mut parent: Vec<usize> = (0..keys.len()).collect();
        for members in clusters {
            let mut seen: Vec<usize> =
                members.iter().flat_map(|&m| digests.composers(m)).filter_map(|c| key_of.get(c).copied()).collect();
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
        // Each key's count, in key order (as `keys`).
        let counts: Vec<usize> = spellings.values().map(|s| s.values().sum::<usize>()).collect();
        let rank = |k: usize| (counts[k], keys[k].len(), std::cmp::Reverse(keys[k]));
        // The best key of each group, by its root.
        let mut best: Vec<Option<usize>> = vec![None; keys.len()];
        for k in 0..keys.len() {
            let r = root(&mut parent, k);
            let current = best[r].get_or_insert(k);
            if rank(k) > rank(*current) {
                *current = k;
            }
        }
        let mut canonical: HashMap<String, (String, String)> = HashMap::default();
        for k in 0..keys.len() {
            let chosen = best[root(&mut parent, k)].expect("every root has a best key");
            let display = best_spelling(&spellings[keys[chosen]]);
            canonical.insert(keys[k].clone(), (keys[chosen].clone(), display));
        }
        let written = key_of.iter().map(|(&c, &k)| (digests.str(c).to_string(), canonical[keys[k]].clone())).collect();
        People { canonical, written }
    }

    /// Canonical (key, display name) of a composer as written, borrowed when the run's
    /// digests named that spelling (always, for the run's own mentions).
    pub fn canonical<'p>(&'p self, vocab: &Vocabulary, written: &str) -> (Cow<'p, str>, Cow<'p, str>) {
        let found = match self.written.get(written) {
            Some((key, display)) => (Cow::Borrowed(key.as_str()), Cow::Borrowed(display.as_str())),
            None => {
                let (key, display) = self.canonical_by_key(vocab, written);
                (Cow::Owned(key), Cow::Owned(display))
            }
        };
        #[cfg(debug_assertions)]
        {
            let (key, display) = self.canonical_by_key(vocab, written);
            assert_eq!((found.0.as_ref(), found.1.as_ref()), (key.as_str(), display.as_str()), "{written:?}");
        }
        found
    }

    /// [`Self::canonical`] by the spelling's name key: the check, and the answer for a
    /// spelling the run's digests did not name.
    fn canonical_by_key(&self, vocab: &Vocabulary, written: &str) -> (String, String) {
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
pub fn best_spelling<S: AsRef<str> + Ord>(counts: &BTreeMap<S, usize>) -> String {
    counts
        .iter()
        .max_by(|(a, ca), (b, cb)| {
            completeness(a.as_ref()).cmp(&completeness(b.as_ref())).then(ca.cmp(cb)).then(b.cmp(a))
        })
        .map(|(s, _)| s.as_ref().to_string())
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
