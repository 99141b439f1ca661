//! What resolution compares: each mention reduced to keys (titles, year, composers,
//! labels), and mentions with identical keys grouped into one [`Profile`] so that a work
//! named the same way a thousand times is scored once.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;

use super::digest::Digests;
use super::vocabulary::Vocabulary;
use crate::fast_hash::FastMap as HashMap;
use crate::normalize::titles::parse_key;
use crate::normalize::{TitleKey, compact, parse_title, title_key};
use crate::store::chunks;

/// One way a profile's work is titled (its title or an alternate title). A large run holds
/// hundreds of thousands, so what can be read off `parsed` is not stored twice.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleVariant {
    pub parsed: TitleKey,
    /// `parsed.key()` when it is not just the base (a part number follows).
    numbered_key: Option<Box<str>>,
    /// The base (no part number) without spaces, when folding changes more than its spaces.
    compact_base: Option<Box<str>>,
    /// Document frequency of each of [`Self::tokens`], filled in by [`Idf::annotate`].
    pub df: Box<[u32]>,
    /// The sum of the tokens' weights, which every scoring of the variant reads.
    weight_total: f64,
    /// Where each of [`Self::tokens`] is in the base, with what scoring asks of it: every
    /// pair of variants scored split both bases and looked at every letter again.
    words: Box<[Word]>,
}

/// One token of a variant's base: its byte range and whether a typo of it counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Word {
    start: u32,
    end: u32,
    /// The IDF weight, set by [`Idf::annotate`]: every scoring of a pair read it, and worked
    /// out a logarithm each time.
    weight: f64,
    /// At least four bytes and no ASCII digit: only such words match a near spelling.
    pub typo_eligible: bool,
    /// Only ASCII lower-case letters, whose letter counts bound a typo cheaply.
    pub ascii_lower: bool,
    /// For an [`Self::ascii_lower`] word, bit `c - b'a'` set for each letter `c` in it.
    pub letters: u32,
}

impl TitleVariant {
    pub fn new(title: &str) -> Option<TitleVariant> {
        let (key, parsed) = key_and_parse(title);
        if key.is_empty() {
            return None;
        }
        // A base of plain lower-case letters, digits and spaces folds to itself, so without
        // spaces it is its compact form; most bases are so.
        let plain = parsed.base.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
        let compact_base = if plain {
            debug_assert!(without_spaces(&parsed.base).eq(compact(&parsed.base).chars()), "{:?}", parsed.base);
            None
        } else {
            let compact_base = compact(&parsed.base);
            (!without_spaces(&parsed.base).eq(compact_base.chars())).then(|| compact_base.into())
        };
        let numbered_key = (key != parsed.base).then(|| key.into());
        let words = words_of(&parsed.base);
        Some(TitleVariant { parsed, numbered_key, compact_base, df: Box::default(), weight_total: 0.0, words })
    }

    /// Token `i` and what scoring asks of it.
    #[inline]
    pub fn word(&self, i: usize) -> (&str, Word) {
        let w = self.words[i];
        (&self.parsed.base[w.start as usize..w.end as usize], w)
    }

    /// The number of [`Self::tokens`].
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The IDF weight of token `i`: `ln(1 + N / df)` over the `N` titles counted, a word
    /// seen nowhere (a typo) counting as seen once.
    pub fn weight(&self, i: usize) -> f64 {
        self.words[i].weight
    }

    /// The sum of the tokens' weights (worked out once, by [`Idf::annotate`]).
    pub fn weight_total(&self) -> f64 {
        self.weight_total
    }

    /// The work key: the base and the part number.
    pub fn key(&self) -> &str {
        self.numbered_key.as_deref().unwrap_or(&self.parsed.base)
    }

    /// Words of the work key's base.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.parsed.base.split(' ').filter(|t| !t.is_empty())
    }

    /// Whether the two bases are equal once folded and without spaces.
    pub fn same_compact_base(&self, other: &TitleVariant) -> bool {
        // Compared as bytes: a space is one byte that no other character contains, so strings
        // without their spaces are equal exactly when their bytes without 0x20 are.
        let same = match (&self.compact_base, &other.compact_base) {
            (None, None) => unspaced_bytes(&self.parsed.base).eq(unspaced_bytes(&other.parsed.base)),
            (Some(a), Some(b)) => a == b,
            (Some(folded), None) => folded.bytes().eq(unspaced_bytes(&other.parsed.base)),
            (None, Some(folded)) => folded.bytes().eq(unspaced_bytes(&self.parsed.base)),
        };
        debug_assert_eq!(same, self.same_compact_base_by_chars(other));
        same
    }

    /// [`Self::same_compact_base`] over characters: the check.
    fn same_compact_base_by_chars(&self, other: &TitleVariant) -> bool {
        match (&self.compact_base, &other.compact_base) {
            (None, None) => without_spaces(&self.parsed.base).eq(without_spaces(&other.parsed.base)),
            (Some(a), Some(b)) => a == b,
            (Some(folded), None) => folded.chars().eq(without_spaces(&other.parsed.base)),
            (None, Some(folded)) => folded.chars().eq(without_spaces(&self.parsed.base)),
        }
    }
}

/// A title's work key and the parse a variant keeps: the key's own parse, with the written
/// title's subtitle facts. A title with no subtitle separator (`:`, `|`, a dash) has none of
/// those facts, and its key is [`title_key`]'s, which each thread remembers from extraction:
/// parsing the written title again was most of the cost of a variant.
fn key_and_parse(title: &str) -> (String, TitleKey) {
    let may_have_subtitle = title.bytes().any(|b| matches!(b, b':' | b'|' | b'-')) || title.contains(['–', '—']);
    if may_have_subtitle {
        return key_and_parse_written(title);
    }
    let key = title_key(title);
    let parsed = TitleKey { subtitled: false, part_before_subtitle: false, subtitle: String::new(), ..parse_key(&key) };
    debug_assert_eq!((key.clone(), parsed.clone()), key_and_parse_written(title), "{title:?}");
    (key, parsed)
}

/// [`key_and_parse`] from a parse of the written title: its key, parsed again until stable as
/// [`title_key`] does, keeping the last parse.
fn key_and_parse_written(title: &str) -> (String, TitleKey) {
    let written = parse_title(title);
    let written_key = written.key();
    let mut key = written_key.clone();
    let mut reparsed = parse_key(&key);
    for _ in 0..8 {
        let next = reparsed.key();
        if next == key {
            break;
        }
        key = next;
        reparsed = parse_key(&key);
    }
    // The key is what matches; the title's own structure says how its number reads.
    let parsed = TitleKey {
        subtitled: written.subtitled,
        part_before_subtitle: written.part_before_subtitle,
        subtitle: if written_key == key { written.subtitle } else { String::new() },
        ..reparsed
    };
    (key, parsed)
}

/// The tokens of `base` (as [`TitleVariant::tokens`] splits it) with their facts.
fn words_of(base: &str) -> Box<[Word]> {
    let mut words = Vec::new();
    let mut start = 0;
    for piece in base.split(' ') {
        let end = start + piece.len();
        if !piece.is_empty() {
            let bytes = piece.as_bytes();
            words.push(Word {
                start: start as u32,
                end: end as u32,
                weight: 0.0,
                typo_eligible: bytes.len() >= 4 && !bytes.iter().any(u8::is_ascii_digit),
                ascii_lower: bytes.iter().all(u8::is_ascii_lowercase),
                letters: letter_set(bytes),
            });
        }
        start = end + 1;
    }
    words.into()
}

/// The letters of a word of ASCII lower-case letters as bits (anything else sets none).
fn letter_set(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|c| c.is_ascii_lowercase()).fold(0, |set, &c| set | 1 << (c - b'a'))
}

fn unspaced_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(|&b| b != b' ')
}

fn without_spaces(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| c != ' ')
}

/// Mentions that share every key: same titles, year, composers and labels.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The mention title's variant first, then alternate titles in key order.
    pub titles: Box<[Arc<TitleVariant>]>,
    pub year: Option<i32>,
    /// Composer name keys, sorted (name overrides applied), shared by the profiles that
    /// name them.
    pub composers: Box<[Arc<str>]>,
    /// Label keys of canonical label names, sorted.
    pub labels: Box<[Arc<str>]>,
    /// Indices of the mentions, in (source, line) order.
    pub mentions: Box<[usize]>,
}

impl Profile {
    pub fn primary(&self) -> &TitleVariant {
        &self.titles[0]
    }
}

/// The keys that make a profile, as ranks of their strings: title keys (the mention's own
/// title first, then alternate titles in order), year, composer keys, label keys. Ranks
/// follow string order, so sorting by them sorts by the keys.
type ProfileKey = (Vec<u32>, Option<i32>, Vec<u32>, Vec<u32>);

/// A [`ProfileKey`] flattened into `out` so that comparing flattened keys as slices compares
/// the keys: each list as its items plus one, closed by 0; the year as 0 (none) or 1 and
/// the year with its sign bit flipped.
fn flatten_key(titles: &[u32], year: Option<i32>, composers: &[u32], labels: &[u32], out: &mut Vec<u32>) {
    let list = |items: &[u32], out: &mut Vec<u32>| {
        out.extend(items.iter().map(|&x| x + 1));
        out.push(0);
    };
    list(titles, out);
    match year {
        None => out.push(0),
        Some(y) => out.extend([1, (y as u32) ^ 0x8000_0000]),
    }
    list(composers, out);
    list(labels, out);
}

/// The key [`flatten_key`] flattened.
fn unflatten_key(mut rest: &[u32]) -> ProfileKey {
    let titles = take_list(&mut rest);
    let year = match rest {
        [1, y, after @ ..] => {
            rest = after;
            Some((y ^ 0x8000_0000) as i32)
        }
        _ => {
            rest = rest.get(1..).unwrap_or_default();
            None
        }
    };
    let composers = take_list(&mut rest);
    (titles, year, composers, take_list(&mut rest))
}

/// The flattened list at the start of `rest`, which moves past it.
fn take_list(rest: &mut &[u32]) -> Vec<u32> {
    let end = rest.iter().position(|&x| x == 0).unwrap_or(rest.len());
    let items = rest[..end].iter().map(|&x| x - 1).collect();
    *rest = rest.get(end + 1..).unwrap_or_default();
    items
}

/// Numbers a set of key strings in string order.
struct Ranks {
    strings: Vec<Arc<str>>,
    rank: HashMap<Arc<str>, u32>,
}

impl Ranks {
    fn new(keys: impl Iterator<Item = String>) -> Ranks {
        let mut strings: Vec<String> = keys.filter(|k| !k.is_empty()).collect();
        strings.par_sort_unstable();
        strings.dedup();
        let strings: Vec<Arc<str>> = strings.into_iter().map(Arc::from).collect();
        let rank = strings.iter().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
        Ranks { strings, rank }
    }
}

/// Groups mentions into profiles, sorted by their keys (so the order never depends on the
/// order mentions arrive in). Every distinct title, name and label is read once, in
/// parallel. Mentions without any usable title get a profile of their own.
pub fn profiles(digests: &Digests, vocab: &Vocabulary) -> Vec<Profile> {
    let untitled = |i: usize| format!("\u{1}untitled {}", digests.source(i));
    // Shared from the start (not moved into an `Arc` later), so the run never holds two
    // copies of every variant.
    // Strings are told apart by their digest ids (one id a distinct string), which hash
    // cheaper than the strings: every mention's title, names and labels are looked up.
    let mut variants: HashMap<u32, Option<Arc<TitleVariant>>> = digests
        .distinct_title_ids()
        .into_par_iter()
        .map(|t| (t, TitleVariant::new(digests.str(t)).map(Arc::new)))
        .collect();
    let idf = Idf::new(variants.values().flatten().map(|t| t.parsed.base.as_str()));
    variants.par_iter_mut().for_each(|(_, t)| {
        if let Some(t) = t {
            idf.annotate(Arc::get_mut(t).expect("variants are not shared yet"));
        }
    });
    // Title keys are ranked as borrowed from the variants: a large run has hundreds of
    // thousands, and copies would double them.
    let no_title: Vec<String> =
        (0..digests.len()).filter(|&i| variants[&digests.get(i).title].is_none()).map(untitled).collect();
    let mut title_keys: Vec<&str> =
        variants.values().flatten().map(|t| t.key()).chain(no_title.iter().map(String::as_str)).collect();
    title_keys.par_sort_unstable();
    title_keys.dedup();
    let title_rank: HashMap<&str, u32> = title_keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    let title_id: HashMap<u32, u32> =
        variants.iter().filter_map(|(&w, v)| v.as_ref().map(|v| (w, title_rank[v.key()]))).collect();
    let written_names = digests.distinct_composer_ids();
    let names = Ranks::new(written_names.iter().map(|&c| vocab.composer_key(digests.str(c))));
    let name_id: HashMap<u32, u32> = written_names
        .iter()
        .filter_map(|&c| names.rank.get(vocab.composer_key(digests.str(c)).as_str()).map(|&r| (c, r)))
        .collect();
    let written_labels_all = digests.distinct_label_ids();
    let labels = Ranks::new(written_labels_all.iter().map(|&l| vocab.label_key(digests.str(l))));
    let label_id: HashMap<u32, u32> = written_labels_all
        .iter()
        .filter_map(|&l| labels.rank.get(vocab.label_key(digests.str(l)).as_str()).map(|&r| (l, r)))
        .collect();
    let ids_into = |strings: &[u32], ids: &HashMap<u32, u32>, out: &mut Vec<u32>| {
        out.clear();
        out.extend(strings.iter().filter_map(|s| ids.get(s).copied()));
        out.sort_unstable();
        out.dedup();
    };

    // Every mention's key flattened into one buffer (a `ProfileKey` per mention would cost
    // three allocations each), then mention numbers sorted by key.
    let pieces: Vec<(Vec<u32>, Vec<usize>)> = chunks(digests.len())
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|range| {
            let (mut flat, mut ends) = (Vec::new(), Vec::with_capacity(range.len()));
            // Scratch lists reused from mention to mention (four allocations a mention).
            let (mut keys, mut alts, mut composers, mut label_keys) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for i in range {
                let d = digests.get(i);
                let own = title_id.get(&d.title).copied().unwrap_or_else(|| title_rank[untitled(i).as_str()]);
                ids_into(digests.alt_titles(i), &title_id, &mut alts);
                keys.clear();
                keys.push(own);
                keys.extend(alts.iter().copied().filter(|&k| k != own));
                ids_into(digests.composers(i), &name_id, &mut composers);
                ids_into(digests.labels(i), &label_id, &mut label_keys);
                flatten_key(&keys, d.year().or(d.release_year()), &composers, &label_keys, &mut flat);
                ends.push(flat.len());
            }
            (flat, ends)
        })
        .collect();
    drop((title_rank, title_id, name_id, label_id));
    let (mut flat, mut bounds) = (Vec::new(), vec![0usize]);
    for (piece, ends) in pieces {
        let base = flat.len();
        flat.extend(piece);
        bounds.extend(ends.into_iter().map(|e| base + e));
    }
    let key = |i: usize| &flat[bounds[i]..bounds[i + 1]];
    let order = order_by_key(&flat, &bounds);
    // A group is a run of `order` with one key, held as where the run starts: a key of three
    // lists and a list of members for each group raised a 1 GB run's peak by about 70 MB.
    let mut group_starts: Vec<usize> =
        (0..order.len()).filter(|&n| n == 0 || key(order[n - 1]) != key(order[n])).collect();
    group_starts.push(order.len());
    #[cfg(debug_assertions)]
    {
        let runs: Vec<(ProfileKey, Vec<usize>)> = group_starts
            .windows(2)
            .map(|run| (unflatten_key(key(order[run[0]])), order[run[0]..run[1]].to_vec()))
            .collect();
        assert_eq!(runs, groups_by_owned_keys(&order, key), "groups read as runs of the order differ");
    }
    group_starts
        .par_windows(2)
        .map(|run| {
            let mut members = order[run[0]..run[1]].to_vec();
            let (keys, year, composers, label_keys) = unflatten_key(key(members[0]));
            members.sort_by_key(|&m| digests.order_key(m));
            let first = members[0];
            let own = |t: u32| variants.get(&t).and_then(Option::clone);
            let mut titled: Vec<Arc<TitleVariant>> = Vec::with_capacity(keys.len());
            match own(digests.get(first).title) {
                Some(t) => titled.push(t),
                None => titled.extend(TitleVariant::new(title_keys[keys[0] as usize]).map(|mut t| {
                    idf.annotate(&mut t);
                    Arc::new(t)
                })),
            }
            for &alt in digests.alt_titles(first) {
                if let Some(t) = own(alt).filter(|t| !titled.iter().any(|v| v.key() == t.key())) {
                    titled.push(t);
                }
            }
            titled[1..].sort_by(|a, b| a.key().cmp(b.key()));
            Profile {
                titles: titled.into(),
                year,
                composers: composers.iter().map(|&c| names.strings[c as usize].clone()).collect(),
                labels: label_keys.iter().map(|&l| labels.strings[l as usize].clone()).collect(),
                mentions: members.into(),
            }
        })
        .collect()
}

/// The groups of mentions with one key, each with its key and members owned: how profiles
/// were grouped before they were read as runs of the order, kept as the debug builds' check.
#[cfg(debug_assertions)]
fn groups_by_owned_keys<'a>(order: &[usize], key: impl Fn(usize) -> &'a [u32]) -> Vec<(ProfileKey, Vec<usize>)> {
    let mut groups: Vec<(ProfileKey, Vec<usize>)> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        match groups.last_mut() {
            Some((_, members)) if key(order[n - 1]) == key(i) => members.push(i),
            _ => groups.push((unflatten_key(key(i)), vec![i])),
        }
    }
    groups
}

/// Mention numbers sorted by their flattened keys (key `i` is `flat[bounds[i]..bounds[i + 1]]`),
/// then by number. Each key's first two numbers (the title's rank, then the next title's or
/// the list's end) are packed beside it: they order most pairs as the whole keys would, and
/// are compared without looking the keys up.
fn order_by_key(flat: &[u32], bounds: &[usize]) -> Vec<usize> {
    let key = |i: usize| &flat[bounds[i]..bounds[i + 1]];
    let head = |i: usize| {
        let k = key(i);
        (u64::from(k.first().copied().unwrap_or(0)) << 32) | u64::from(k.get(1).copied().unwrap_or(0))
    };
    let mut order: Vec<(u64, usize)> = (0..bounds.len().saturating_sub(1)).map(|i| (head(i), i)).collect();
    order.par_sort_unstable_by(|&(ha, a), &(hb, b)| ha.cmp(&hb).then_with(|| key(a).cmp(key(b))).then(a.cmp(&b)));
    order.into_iter().map(|(_, i)| i).collect()
}

/// Inverse document frequency of title words over the run's distinct title keys: a word
/// found in few titles ("Koyaanisqatsi") weighs more than one found in many ("Love").
pub struct Idf {
    df: HashMap<String, u32>,
    n: f64,
}

impl Idf {
    /// Document frequencies over the distinct `bases` given.
    pub fn new<'a>(bases: impl Iterator<Item = &'a str>) -> Idf {
        let keys: BTreeSet<&str> = bases.collect();
        let mut df: HashMap<String, u32> = HashMap::default();
        for key in &keys {
            let words: BTreeSet<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            for w in words {
                *df.entry(w.to_string()).or_default() += 1;
            }
        }
        Idf { df, n: keys.len().max(1) as f64 }
    }

    /// Fills in a title variant's token frequencies.
    pub fn annotate(&self, t: &mut TitleVariant) {
        t.df = t.tokens().map(|w| self.df(w)).collect();
        for (word, &df) in t.words.iter_mut().zip(&t.df) {
            word.weight = (1.0 + self.n / df.max(1) as f64).ln();
        }
        t.weight_total = (0..t.df.len()).map(|i| t.weight(i)).sum::<f64>();
    }

    /// Number of distinct titles containing `word`.
    pub fn df(&self, word: &str) -> u32 {
        self.df.get(word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Titles without a subtitle separator, keyed through `title_key`, get the key and parse
        /// that parsing the written title gives.
        #[test]
        fn keys_and_parses_as_parsing_the_written_title(
            title in "(The |A |Star |Wars|Part|II|Vol\\.|2|One| |Soundtrack|OST|\\(Deluxe Edition\\)|Éclair|: | - | – | — |-){0,7}",
        ) {
            proptest::prop_assert_eq!(key_and_parse(&title), key_and_parse_written(&title));
        }

        /// Bases compared as bytes without spaces compare as characters without spaces.
        #[test]
        fn compact_bases_compare_as_characters(a in "(star|wars|é|e|Ǆ|dž| ){1,5}", b in "(star|wars|é|e|Ǆ|dž| ){1,5}") {
            if let (Some(ta), Some(tb)) = (TitleVariant::new(&a), TitleVariant::new(&b)) {
                proptest::prop_assert_eq!(ta.same_compact_base(&tb), ta.same_compact_base_by_chars(&tb));
                proptest::prop_assert_eq!(tb.same_compact_base(&ta), tb.same_compact_base_by_chars(&ta));
            }
        }

        /// Sorting on the packed heads first orders mentions as sorting on whole keys does.
        #[test]
        fn heads_first_sort_as_whole_keys(keys in proptest::collection::vec(proptest::collection::vec(0u32..3, 0..4), 0..40)) {
            let (mut flat, mut bounds) = (Vec::new(), vec![0]);
            for k in &keys {
                flat.extend(k);
                bounds.push(flat.len());
            }
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
            proptest::prop_assert_eq!(order_by_key(&flat, &bounds), expected);
        }
    }

    #[test]
    fn flattened_keys_sort_as_the_keys_do_and_come_back_whole() {
        let keys: Vec<ProfileKey> = vec![
            (vec![0], None, vec![], vec![]),
            (vec![0], Some(-5), vec![], vec![]),
            (vec![0], Some(1999), vec![], vec![]),
            (vec![0], Some(1999), vec![3], vec![1, 2]),
            (vec![0], Some(2000), vec![], vec![]),
            (vec![0, 4], None, vec![], vec![]),
            (vec![1], None, vec![0], vec![]),
        ];
        let flat: Vec<Vec<u32>> = keys
            .iter()
            .map(|(t, y, c, l)| {
                let mut out = Vec::new();
                flatten_key(t, *y, c, l, &mut out);
                out
            })
            .collect();
        for (a, b) in keys.iter().zip(&flat) {
            assert_eq!(&unflatten_key(b), a);
        }
        for x in 0..keys.len() {
            for y in 0..keys.len() {
                assert_eq!(keys[x].cmp(&keys[y]), flat[x].cmp(&flat[y]), "{:?} vs {:?}", keys[x], keys[y]);
            }
        }
    }
}
