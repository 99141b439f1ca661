//! The extractor's vocabulary of facts: known composers, record labels and given names, read
//! from the data files in `data/` (compiled in) plus any extra files the user names.

use std::sync::{Arc, LazyLock};

use super::known::KnownTitles;

use crate::normalize::keys::{FoldSet, with_fold};
use crate::normalize::labels::{LabelTableError, Opening};
use crate::normalize::{LabelTable, fold};

const COMPOSERS: &str = include_str!("../../data/composers.txt");

/// Lookup tables keyed by [`fold`]ed text.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    composers: FoldSet,
    /// Canonical labels by spelling: the one table resolution uses too (`data/labels.txt`).
    labels: LabelTable,
    given_names: FoldSet,
    /// Titles the run's other articles list, for articles read as prose.
    known_titles: Option<Arc<KnownTitles>>,
}

/// The built-in vocabulary.
pub static BUILT_IN: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary { labels: LabelTable::builtin().clone(), ..Vocabulary::default() };
    v.add_composers(COMPOSERS);
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

    /// Adds `Canonical | alias | alias…` lines (the `data/labels.txt` format).
    pub fn add_labels(&mut self, text: &str) -> Result<(), LabelTableError> {
        for (canonical, alias) in LabelTable::pairs(text)? {
            self.labels.add(&canonical, &alias);
        }
        Ok(())
    }

    pub fn add_given_names(&mut self, text: &str) {
        self.given_names.extend(data_lines(text).map(fold));
    }

    /// This vocabulary plus the run's known titles.
    pub fn with_known_titles(&self, titles: Option<KnownTitles>) -> Self {
        Vocabulary { known_titles: titles.map(Arc::new), ..self.clone() }
    }

    pub fn known_titles(&self) -> Option<&KnownTitles> {
        self.known_titles.as_deref()
    }

    pub fn is_composer(&self, name: &str) -> bool {
        with_fold(name, |f| self.composers.contains(f))
    }

    /// [`Self::is_composer`] for a name already [`fold`]ed.
    pub fn is_composer_folded(&self, folded: &str) -> bool {
        self.composers.contains(folded)
    }

    /// The canonical spelling of a known label.
    pub fn label(&self, name: &str) -> Option<&str> {
        self.labels.spelled(name)
    }

    /// Whether a known label's spelling could open with `word` (see `LabelTable::may_open`).
    pub fn label_may_open(&self, word: &str) -> bool {
        self.labels.may_open(word)
    }

    /// [`Self::label_may_open`] and [`Self::label`] of the same words, in one lookup.
    pub fn label_opening(&self, words: &str) -> Opening<'_> {
        self.labels.opening(words)
    }

    /// A given name of `data/given_names.txt` (shared with normalisation) or one added here.
    pub fn is_given_name(&self, word: &str) -> bool {
        crate::normalize::names::is_given_name(word)
            || !self.given_names.is_empty() && with_fold(word, |f| self.given_names.contains(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lookup_answers_as_the_folding_one_on_every_data_line() {
        let mut v = BUILT_IN.clone();
        v.add_composers("Zbigniew Preisner\nÉowyn");
        for w in data_lines(COMPOSERS).chain(["Zbigniew Preisner", "éowyn", "Hans Zimmer", "Purple Rain"]) {
            assert_eq!(v.is_composer_folded(&fold(w)), v.is_composer(w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folded_lookup_answers_as_the_folding_one(w in proptest::prelude::any::<String>()) {
            let v = &*BUILT_IN;
            proptest::prop_assert_eq!(v.is_composer_folded(&fold(&w)), v.is_composer(&w));
        }
    }
}
