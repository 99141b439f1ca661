//! What resolution compares: each mention reduced to keys (titles, year, composers,
//! labels), and mentions with identical keys grouped into one [`Profile`] so that a work
//! named the same way a thousand times is scored once.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;

use super::fast_hash::FastMap as HashMap;
use super::vocabulary::{Vocabulary, distinct, written_labels};
use crate::model::Mention;
use crate::normalize::{TitleKey, compact, parse_title};

/// One way a profile's work is titled (its title or an alternate title).
#[derive(Debug, Clone, PartialEq)]
pub struct TitleVariant {
    pub parsed: TitleKey,
    /// `parsed.key()`, the work key.
    pub key: String,
    /// The work key without spaces.
    pub compact: String,
    /// The base (no part number) without spaces.
    pub compact_base: String,
    /// Words of the work key's base.
    pub tokens: Vec<String>,
    /// IDF weight and document frequency of each token, filled in by [`Idf::annotate`].
    pub weights: Vec<f64>,
    pub df: Vec<u32>,
}

impl TitleVariant {
    pub fn new(title: &str) -> Option<TitleVariant> {
        // The work key, parsed again until stable as `title_key` does, keeping the last parse.
        let written = parse_title(title);
        let mut key = written.key();
        let mut reparsed = parse_title(&key);
        for _ in 0..8 {
            let next = reparsed.key();
            if next == key {
                break;
            }
            key = next;
            reparsed = parse_title(&key);
        }
        if key.is_empty() {
            return None;
        }
        // The key is what matches; the title's own structure says how its number reads.
        let parsed = TitleKey {
            subtitled: written.subtitled,
            part_before_subtitle: written.part_before_subtitle,
            subtitle: if written.key() == key { written.subtitle } else { String::new() },
            ..reparsed
        };
        let tokens = parsed.base.split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect();
        Some(TitleVariant {
            compact: compact(&key),
            compact_base: compact(&parsed.base),
            key,
            parsed,
            tokens,
            weights: Vec::new(),
            df: Vec::new(),
        })
    }
}

/// Mentions that share every key: same titles, year, composers and labels.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The mention title's variant first, then alternate titles in key order.
    pub titles: Vec<Arc<TitleVariant>>,
    pub year: Option<i32>,
    /// Composer name keys, sorted (name overrides applied).
    pub composers: Vec<String>,
    /// Label keys of canonical label names, sorted.
    pub labels: Vec<String>,
    /// Indices of the mentions, in (source, line) order.
    pub mentions: Vec<usize>,
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

/// Numbers a set of key strings in string order.
struct Ranks {
    strings: Vec<String>,
    rank: HashMap<String, u32>,
}

impl Ranks {
    fn new(keys: impl Iterator<Item = String>) -> Ranks {
        let mut strings: Vec<String> = keys.filter(|k| !k.is_empty()).collect();
        strings.par_sort_unstable();
        strings.dedup();
        let rank = strings.iter().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
        Ranks { strings, rank }
    }
}

/// Groups mentions into profiles, sorted by their keys (so the order never depends on the
/// order mentions arrive in). Every distinct title, name and label is read once, in
/// parallel. Mentions without any usable title get a profile of their own.
pub fn profiles(mentions: &[Mention], vocab: &Vocabulary) -> Vec<Profile> {
    let untitled = |m: &Mention| format!("\u{1}untitled {}", m.source);
    let all_titles = mentions.iter().flat_map(|m| std::iter::once(&m.title).chain(&m.alt_titles));
    let mut variants: HashMap<&str, Option<TitleVariant>> =
        distinct(all_titles).into_par_iter().map(|t| (t, TitleVariant::new(t))).collect();
    let idf = Idf::new(variants.values().flatten().map(|t| t.parsed.base.as_str()));
    variants.par_iter_mut().for_each(|(_, t)| {
        if let Some(t) = t {
            idf.annotate(t);
        }
    });
    let variants: HashMap<&str, Option<Arc<TitleVariant>>> =
        variants.into_iter().map(|(w, t)| (w, t.map(Arc::new))).collect();
    let no_title = mentions.iter().filter(|m| variants[m.title.as_str()].is_none()).map(untitled);
    let titles = Ranks::new(variants.values().flatten().map(|t| t.key.clone()).chain(no_title));
    let title_id: HashMap<&str, u32> =
        variants.iter().filter_map(|(w, v)| v.as_ref().map(|v| (*w, titles.rank[&v.key]))).collect();
    let written_names = distinct(mentions.iter().flat_map(|m| &m.composers));
    let names = Ranks::new(written_names.iter().map(|c| vocab.composer_key(c)));
    let name_id: HashMap<&str, u32> =
        written_names.iter().filter_map(|c| names.rank.get(&vocab.composer_key(c)).map(|&r| (*c, r))).collect();
    let written_labels_all = distinct(mentions.iter().flat_map(written_labels));
    let labels = Ranks::new(written_labels_all.iter().map(|l| vocab.label_key(l)));
    let label_id: HashMap<&str, u32> =
        written_labels_all.iter().filter_map(|l| labels.rank.get(&vocab.label_key(l)).map(|&r| (*l, r))).collect();

    let keyed: Vec<(ProfileKey, usize)> = mentions
        .par_iter()
        .enumerate()
        .map(|(i, m)| {
            let own = title_id.get(m.title.as_str()).copied().unwrap_or_else(|| titles.rank[&untitled(m)]);
            let mut alts: Vec<u32> =
                m.alt_titles.iter().filter_map(|t| title_id.get(t.as_str()).copied()).filter(|&k| k != own).collect();
            alts.sort_unstable();
            alts.dedup();
            let mut keys = Vec::with_capacity(1 + alts.len());
            keys.push(own);
            keys.extend(alts);
            let mut composers: Vec<u32> = m.composers.iter().filter_map(|c| name_id.get(c.as_str()).copied()).collect();
            composers.sort_unstable();
            composers.dedup();
            let mut label_keys: Vec<u32> =
                written_labels(m).filter_map(|l| label_id.get(l.as_str()).copied()).collect();
            label_keys.sort_unstable();
            label_keys.dedup();
            let year = m.year.or_else(|| m.releases.iter().filter_map(|r| r.year).min());
            ((keys, year, composers, label_keys), i)
        })
        .collect();
    let mut keyed = keyed;
    keyed.par_sort_unstable();
    let mut groups: Vec<(ProfileKey, Vec<usize>)> = Vec::new();
    for (key, i) in keyed {
        match groups.last_mut() {
            Some((k, members)) if *k == key => members.push(i),
            _ => groups.push((key, vec![i])),
        }
    }
    groups
        .into_par_iter()
        .map(|((keys, year, composers, label_keys), mut members)| {
            members.sort_by(|&a, &b| {
                (&mentions[a].source, mentions[a].line, a).cmp(&(&mentions[b].source, mentions[b].line, b))
            });
            let m = &mentions[members[0]];
            let own = |t: &String| variants.get(t.as_str()).and_then(Option::clone);
            let mut titled: Vec<Arc<TitleVariant>> = Vec::with_capacity(keys.len());
            match own(&m.title) {
                Some(t) => titled.push(t),
                None => titled.extend(TitleVariant::new(&titles.strings[keys[0] as usize]).map(|mut t| {
                    idf.annotate(&mut t);
                    Arc::new(t)
                })),
            }
            for alt in &m.alt_titles {
                if let Some(t) = own(alt).filter(|t| !titled.iter().any(|v| v.key == t.key)) {
                    titled.push(t);
                }
            }
            titled[1..].sort_by(|a, b| a.key.cmp(&b.key));
            Profile {
                titles: titled,
                year,
                composers: composers.iter().map(|&c| names.strings[c as usize].clone()).collect(),
                labels: label_keys.iter().map(|&l| labels.strings[l as usize].clone()).collect(),
                mentions: members,
            }
        })
        .collect()
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

    /// Fills in a title variant's token weights and frequencies.
    pub fn annotate(&self, t: &mut TitleVariant) {
        t.weights = t.tokens.iter().map(|w| self.weight(w)).collect();
        t.df = t.tokens.iter().map(|w| self.df(w)).collect();
    }

    /// `ln(1 + N / df)`; an unseen word (a typo) counts as seen once.
    pub fn weight(&self, word: &str) -> f64 {
        let df = self.df.get(word).copied().unwrap_or(1).max(1) as f64;
        (1.0 + self.n / df).ln()
    }

    /// Number of distinct titles containing `word`.
    pub fn df(&self, word: &str) -> u32 {
        self.df.get(word).copied().unwrap_or(0)
    }
}
