//! What resolution compares: each mention reduced to keys (titles, year, composers,
//! labels), and mentions with identical keys grouped into one [`Profile`] so that a work
//! named the same way a thousand times is scored once.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::overrides::Overrides;
use crate::model::Mention;
use crate::normalize::{
    LabelTable, TitleKey, compact, label_key, name_key, parse_title, title_key,
};

/// One way a profile's work is titled (its title or an alternate title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleVariant {
    pub parsed: TitleKey,
    /// `parsed.key()`, the work key.
    pub key: String,
    /// The work key without spaces.
    pub compact: String,
    /// Words of the work key's base.
    pub tokens: Vec<String>,
}

impl TitleVariant {
    pub fn new(title: &str) -> Option<TitleVariant> {
        let key = title_key(title);
        if key.is_empty() {
            return None;
        }
        // The key is what matches; the title's own structure says how its number reads.
        let written = parse_title(title);
        let parsed = TitleKey {
            subtitled: written.subtitled,
            part_before_subtitle: written.part_before_subtitle,
            subtitle: if written.key() == key {
                written.subtitle
            } else {
                String::new()
            },
            ..parse_title(&key)
        };
        let tokens = parsed
            .base
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        Some(TitleVariant {
            compact: compact(&key),
            key,
            parsed,
            tokens,
        })
    }
}

/// Mentions that share every key: same titles, year, composers and labels.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The mention title's variant first, then alternate titles in key order.
    pub titles: Vec<TitleVariant>,
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

/// Maps spellings to canonical names and labels; shared by features and records.
pub struct Vocabulary<'a> {
    pub labels: LabelTable,
    pub names: BTreeMap<String, String>,
    pub overrides: &'a Overrides,
}

impl<'a> Vocabulary<'a> {
    pub fn new(overrides: &'a Overrides) -> Self {
        let mut labels = LabelTable::builtin().clone();
        for (canonical, alias) in &overrides.labels {
            labels.add(canonical, canonical);
            labels.add(canonical, alias);
        }
        let names = overrides
            .names
            .iter()
            .map(|(from, to)| (name_key(from), to.clone()))
            .collect();
        Vocabulary {
            labels,
            names,
            overrides,
        }
    }

    /// Name key after the user's name overrides.
    pub fn composer_key(&self, name: &str) -> String {
        let key = name_key(name);
        self.names.get(&key).map_or(key, |to| name_key(to))
    }

    /// Display name after the user's name overrides.
    pub fn composer_display(&self, name: &str) -> String {
        self.names
            .get(&name_key(name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Canonical spelling of a label: the table's, or the label as written.
    pub fn label_display(&self, label: &str) -> String {
        self.labels
            .canonical(label)
            .map_or_else(|| label.to_string(), str::to_string)
    }

    pub fn label_key(&self, label: &str) -> String {
        label_key(&self.label_display(label))
    }
}

/// Groups mentions into profiles, sorted by their keys (so the order never depends on the
/// order mentions arrive in). Mentions without any usable title get a profile of their own.
pub fn profiles(mentions: &[Mention], vocab: &Vocabulary) -> Vec<Profile> {
    let mut label_cache: HashMap<String, String> = HashMap::new();
    let mut groups: BTreeMap<String, Profile> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let mut titles: Vec<TitleVariant> = Vec::new();
        let primary = TitleVariant::new(&m.title)
            .or_else(|| TitleVariant::new(&format!("untitled {}", m.source)));
        titles.extend(primary);
        let mut alts: Vec<TitleVariant> = m
            .alt_titles
            .iter()
            .filter_map(|t| TitleVariant::new(t))
            .collect();
        alts.sort_by(|a, b| a.key.cmp(&b.key));
        alts.dedup_by(|a, b| a.key == b.key);
        let primary_key = titles[0].key.clone();
        titles.extend(alts.into_iter().filter(|a| a.key != primary_key));
        let composers: BTreeSet<String> = m
            .composers
            .iter()
            .map(|c| vocab.composer_key(c))
            .filter(|k| !k.is_empty())
            .collect();
        let written = m
            .labels
            .iter()
            .chain(m.releases.iter().filter_map(|r| r.label.as_ref()));
        let labels: BTreeSet<String> = written
            .map(|l| {
                label_cache
                    .entry(l.clone())
                    .or_insert_with(|| vocab.label_key(l))
                    .clone()
            })
            .filter(|k| !k.is_empty())
            .collect();
        let year = m
            .year
            .or_else(|| m.releases.iter().filter_map(|r| r.year).min());
        let signature = format!(
            "{}\u{1}{}\u{1}{}\u{1}{}",
            titles
                .iter()
                .map(|t| t.key.as_str())
                .collect::<Vec<_>>()
                .join("\u{2}"),
            year.map_or(String::new(), |y| y.to_string()),
            composers.iter().cloned().collect::<Vec<_>>().join("\u{2}"),
            labels.iter().cloned().collect::<Vec<_>>().join("\u{2}"),
        );
        groups
            .entry(signature)
            .or_insert_with(|| Profile {
                titles,
                year,
                composers: composers.into_iter().collect(),
                labels: labels.into_iter().collect(),
                mentions: Vec::new(),
            })
            .mentions
            .push(i);
    }
    let mut out: Vec<Profile> = groups.into_values().collect();
    for p in &mut out {
        p.mentions.sort_by(|&a, &b| {
            (&mentions[a].source, mentions[a].line, a).cmp(&(
                &mentions[b].source,
                mentions[b].line,
                b,
            ))
        });
    }
    out
}

/// Inverse document frequency of title words over the run's distinct title keys: a word
/// found in few titles ("Koyaanisqatsi") weighs more than one found in many ("Love").
pub struct Idf {
    df: HashMap<String, u32>,
    n: f64,
}

impl Idf {
    pub fn new(profiles: &[Profile]) -> Idf {
        let keys: BTreeSet<&str> = profiles
            .iter()
            .flat_map(|p| p.titles.iter().map(|t| t.parsed.base.as_str()))
            .collect();
        let mut df: HashMap<String, u32> = HashMap::new();
        for key in &keys {
            let words: BTreeSet<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            for w in words {
                *df.entry(w.to_string()).or_default() += 1;
            }
        }
        Idf {
            df,
            n: keys.len().max(1) as f64,
        }
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
