//! The extractor's vocabulary of facts: known composers, record labels and given names, read
//! from the data files in `data/` (compiled in) plus any extra files the user names.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::normalize::fold;

const COMPOSERS: &str = include_str!("../../data/composers.txt");
const LABELS: &str = include_str!("../../data/labels.txt");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");

/// Lookup tables keyed by [`fold`]ed text.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    composers: HashSet<String>,
    /// Folded spelling (canonical or alias) → canonical label.
    labels: HashMap<String, String>,
    given_names: HashSet<String>,
}

/// The built-in vocabulary.
pub static BUILT_IN: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary::default();
    v.add_composers(COMPOSERS);
    v.add_labels(LABELS);
    v.add_given_names(GIVEN_NAMES);
    v
});

/// Data lines: trimmed, without blank lines and `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Vocabulary {
    /// Adds one name per line.
    pub fn add_composers(&mut self, text: &str) {
        self.composers.extend(data_lines(text).map(fold));
    }

    /// Adds `Canonical | alias | alias…` lines.
    pub fn add_labels(&mut self, text: &str) {
        for line in data_lines(text) {
            let mut names = line.split('|').map(str::trim).filter(|s| !s.is_empty());
            let Some(canonical) = names.next() else {
                continue;
            };
            self.labels.insert(fold(canonical), canonical.to_string());
            for alias in names {
                self.labels.entry(fold(alias)).or_insert_with(|| canonical.to_string());
            }
        }
    }

    pub fn add_given_names(&mut self, text: &str) {
        self.given_names.extend(data_lines(text).map(fold));
    }

    pub fn is_composer(&self, name: &str) -> bool {
        self.composers.contains(&fold(name))
    }

    /// The canonical spelling of a known label.
    pub fn label(&self, name: &str) -> Option<&str> {
        self.labels.get(&fold(name)).map(String::as_str)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&fold(word))
    }
}
