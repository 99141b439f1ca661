//! The run's vocabulary: canonical labels (the built-in table plus `label` overrides) and
//! composer names (with `name` overrides), each distinct spelling looked up once.

use rayon::prelude::*;

use super::digest::Digests;
use super::overrides::Overrides;
use crate::fast_hash::FastMap as HashMap;
use crate::model::Mention;
use crate::normalize::{LabelTable, label_key, name_key};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Maps spellings to canonical names and labels; shared by features and records. Every
/// distinct spelling of a run is looked up once ([`Vocabulary::learn`]), since a label
/// lookup may scan the table for a near spelling.
pub struct Vocabulary<'a> {
    pub labels: LabelTable,
    pub names: BTreeMap<String, String>,
    pub overrides: &'a Overrides,
    /// Label as written → (canonical display, key).
    label_cache: HashMap<String, (String, String)>,
    /// Composer as written → (key, display), overrides applied.
    name_cache: HashMap<String, (String, String)>,
}

impl<'a> Vocabulary<'a> {
    pub fn new(overrides: &'a Overrides) -> Self {
        let mut labels = LabelTable::builtin().clone();
        for (canonical, alias) in &overrides.labels {
            labels.add(canonical, canonical);
            labels.add(canonical, alias);
        }
        let names = overrides.names.iter().map(|(from, to)| (name_key(from), to.clone())).collect();
        Vocabulary { labels, names, overrides, label_cache: HashMap::default(), name_cache: HashMap::default() }
    }

    /// Looks up every label and composer spelling of the run, in parallel.
    pub fn learn(&mut self, digests: &Digests) {
        let label_cache: HashMap<String, (String, String)> = digests
            .distinct_labels()
            .into_par_iter()
            .map(|l| {
                let display = self.label_display(l);
                let key = label_key(&display);
                (l.to_string(), (display, key))
            })
            .collect();
        let name_cache: HashMap<String, (String, String)> = digests
            .distinct_composers()
            .into_par_iter()
            .map(|c| (c.to_string(), (self.composer_key(c), self.composer_display(c))))
            .collect();
        self.label_cache = label_cache;
        self.name_cache = name_cache;
    }

    /// Name key after the user's name overrides.
    pub fn composer_key(&self, name: &str) -> String {
        if let Some((key, _)) = self.name_cache.get(name) {
            return key.clone();
        }
        let key = name_key(name);
        self.names.get(&key).map_or(key, |to| name_key(to))
    }

    /// Display name after the user's name overrides.
    pub fn composer_display(&self, name: &str) -> String {
        if let Some((_, display)) = self.name_cache.get(name) {
            return display.clone();
        }
        self.names.get(&name_key(name)).cloned().unwrap_or_else(|| name.to_string())
    }

    /// Canonical spelling of a label: the table's, or the label as written.
    pub fn label_display(&self, label: &str) -> String {
        if let Some((display, _)) = self.label_cache.get(label) {
            return display.clone();
        }
        self.labels.canonical(label).map_or_else(|| label.to_string(), str::to_string)
    }

    pub fn label_key(&self, label: &str) -> String {
        if let Some((_, key)) = self.label_cache.get(label) {
            return key.clone();
        }
        label_key(&self.label_display(label))
    }

    /// [`Self::label_display`] and [`Self::label_key`] of a label, borrowed from the run's
    /// lookups when [`Self::learn`] saw it: building records asked for copies of both for
    /// every label of every mention.
    pub fn label_display_and_key(&self, label: &str) -> (Cow<'_, str>, Cow<'_, str>) {
        match self.label_cache.get(label) {
            Some((display, key)) => (Cow::Borrowed(display), Cow::Borrowed(key)),
            None => (Cow::Owned(self.label_display(label)), Cow::Owned(self.label_key(label))),
        }
    }
}

/// Every label a mention names, in its labels and its releases.
pub(super) fn written_labels(m: &Mention) -> impl Iterator<Item = &String> {
    m.labels.iter().chain(m.releases.iter().filter_map(|r| r.label.as_ref()))
}
