//! Record labels: the built-in alias table (`data/labels.txt`) that maps the spellings
//! articles use to one canonical name, and the label key used to compare labels.
//!
//! Table format, one label per line: `Canonical | alias | alias…`; a line starting with `#`
//! is a comment; blank lines are ignored; matching is case- and accent-insensitive and ignores company
//! words (`Records`, `Music`…). Users add entries with `label` rows in the overrides file
//! (`docs/overrides.md`). Mentions keep the spelling as written; merged records carry the
//! canonical one.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use thiserror::Error;

use super::keys::{fold, with_fold};
use crate::fast_hash::FastMap;

/// Words that name the company rather than the label (`Milan Records` = `Milan`).
const COMPANY_WORDS: [&str; 11] =
    ["records", "recordings", "record", "music", "label", "entertainment", "inc", "ltd", "llc", "gmbh", "co"];

/// A line of a label table that cannot be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("label table line {line}: {message}")]
pub struct LabelTableError {
    pub line: usize,
    pub message: String,
}

/// What a label table says of some words ([`LabelTable::opening`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening<'t> {
    /// [`LabelTable::may_open`]: some spelling opens with the words (or they fold to nothing).
    pub opens: bool,
    /// [`LabelTable::spelled`]: the canonical name when the words are a whole spelling.
    pub label: Option<&'t str>,
}

/// Canonical label names by spelling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelTable {
    /// Fold of every spelling → canonical name.
    exact: BTreeMap<String, String>,
    /// Label key (company words dropped) → canonical name, or `None` when two labels share
    /// it (`Warner Music`, `Warner Records`), so a loose match never picks one at random.
    loose: BTreeMap<String, Option<String>>,
    /// Every folded spelling cut after each of its words ("la", "la la", "la la land", "la la
    /// land records"), with the canonical name when the cut is a whole spelling: most
    /// capitalised words open no label, and this says so before any run of words is joined
    /// and looked up; and a hash lookup of a spelling is cheaper than `exact`'s search.
    openings: FastMap<String, Option<String>>,
    /// One bit per three-letter head (`head_index`) that some key of `openings` opens with:
    /// a word opening with three ASCII letters or digits folds to a text opening with them
    /// lower-cased, so a word whose head has no bit is no key, known without folding it.
    /// Empty while the table is.
    heads: Vec<u64>,
}

/// Where three ASCII letters or digits of a head stand in [`LabelTable::heads`], their case
/// ignored: `None` when one of them is something else.
fn head_index(text: &str) -> Option<usize> {
    let digit = |b: u8| match b.to_ascii_lowercase() {
        b @ b'0'..=b'9' => Some(usize::from(b - b'0')),
        b @ b'a'..=b'z' => Some(usize::from(b - b'a') + 10),
        _ => None,
    };
    match text.as_bytes() {
        [a, b, c, ..] => Some((digit(*a)? * 36 + digit(*b)?) * 36 + digit(*c)?),
        _ => None,
    }
}

/// Bits in [`LabelTable::heads`]: one per head of three characters of 36.
const HEAD_WORDS: usize = (36 * 36 * 36usize).div_ceil(64);

static BUILTIN: LazyLock<LabelTable> = LazyLock::new(|| {
    LabelTable::parse(include_str!("../../data/labels.txt")).expect("data/labels.txt is a valid label table")
});

impl LabelTable {
    /// The table compiled from `data/labels.txt`.
    pub fn builtin() -> &'static LabelTable {
        &BUILTIN
    }

    /// Reads a table in the `Canonical | alias | alias…` format (`data/README.md`): lines
    /// starting with `#` are comments, blank lines are skipped.
    pub fn parse(text: &str) -> Result<LabelTable, LabelTableError> {
        let mut table = LabelTable::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut names = line.split('|').map(str::trim);
            let canonical = names.next().unwrap_or("");
            if label_key(canonical).is_empty() {
                return Err(LabelTableError { line: i + 1, message: "no canonical name before the first `|`".into() });
            }
            table.add(canonical, canonical);
            for alias in names.filter(|a| !a.is_empty()) {
                table.add(canonical, alias);
            }
        }
        Ok(table)
    }

    /// Adds (or redirects) `alias` to `canonical`; a later exact spelling wins.
    pub fn add(&mut self, canonical: &str, alias: &str) {
        let canonical = canonical.trim().to_string();
        let exact = fold(alias);
        if exact.is_empty() {
            return;
        }
        for (at, _) in exact.match_indices(' ') {
            self.openings.entry(exact[..at].to_string()).or_insert(None);
        }
        self.openings.insert(exact.clone(), Some(canonical.clone()));
        // Every key opens as the whole spelling does.
        if let Some(at) = head_index(&exact) {
            self.heads.resize(HEAD_WORDS, 0);
            self.heads[at / 64] |= 1 << (at % 64);
        }
        self.exact.insert(exact, canonical.clone());
        match self.loose.entry(label_key(alias)) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(Some(canonical));
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                if o.get().as_ref() != Some(&canonical) {
                    o.insert(None);
                }
            }
        }
    }

    /// The canonical name of `label` if the table knows it: by its spelling, then without
    /// company words (`Nonesuch Records` = `Nonesuch`), then as a spelling one or two letters
    /// off a known long name (`Varese Saraband`).
    pub fn canonical(&self, label: &str) -> Option<&str> {
        let exact = fold(label);
        if let Some(found) = self.exact.get(&exact) {
            return Some(found);
        }
        if let Some(Some(found)) = self.loose.get(&label_key(label)) {
            return Some(found);
        }
        if exact.chars().count() < 8 {
            return None;
        }
        self.exact
            .iter()
            .map(|(k, v)| (rapidfuzz::fuzz::ratio(k.chars(), exact.chars()), k, v))
            .filter(|(score, k, _)| *score >= 0.93 && k.chars().next() == exact.chars().next())
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, _, v)| v.as_str())
    }

    /// The canonical name of `label` when the table knows this exact spelling (folded): the
    /// cheap lookup extraction uses on every capitalised run of a sentence.
    pub fn spelled(&self, label: &str) -> Option<&str> {
        if self.no_key_opens_like(label) {
            debug_assert!(!self.exact.contains_key(&fold(label)), "{label:?}");
            return None;
        }
        let found = with_fold(label, |folded| self.openings.get(folded).and_then(Option::as_deref));
        debug_assert_eq!(found, self.exact.get(&fold(label)).map(String::as_str), "{label:?}");
        found
    }

    /// Whether some spelling's fold opens with the fold of `words`, whole words: it is that
    /// fold, or that fold and a space and more. `true` when `words` folds to nothing, as
    /// nothing can then be ruled out. A name whose fold is a spelling passes for each of its
    /// prefixes that ends where a word does.
    pub fn may_open(&self, words: &str) -> bool {
        if self.no_key_opens_like(words) {
            debug_assert!(!with_fold(words, |folded| self.openings.contains_key(folded)), "{words:?}");
            return false;
        }
        with_fold(words, |folded| folded.is_empty() || self.openings.contains_key(folded))
    }

    /// [`Self::may_open`] and [`Self::spelled`] in one fold and one hash lookup: extraction
    /// asks both of the same words.
    pub fn opening(&self, words: &str) -> Opening<'_> {
        if self.no_key_opens_like(words) {
            debug_assert!(!with_fold(words, |folded| self.openings.contains_key(folded)), "{words:?}");
            return Opening { opens: false, label: None };
        }
        let found = with_fold(words, |folded| match self.openings.get(folded) {
            Some(label) => Opening { opens: true, label: label.as_deref() },
            None => Opening { opens: folded.is_empty(), label: None },
        });
        debug_assert_eq!(found, Opening { opens: self.may_open(words), label: self.spelled(words) }, "{words:?}");
        found
    }

    /// Whether `text` opens with three ASCII letters or digits that no key opens with (its
    /// fold then opens with them, lower-cased, and is no key): most capitalised words of a
    /// blurb are refused here, without a fold.
    fn no_key_opens_like(&self, text: &str) -> bool {
        head_index(text).is_some_and(|at| self.heads.get(at / 64).is_none_or(|w| w & (1 << (at % 64)) == 0))
    }

    /// Every (canonical, spelling) pair of a table text, for adding to another table.
    pub fn pairs(text: &str) -> Result<Vec<(String, String)>, LabelTableError> {
        let table = LabelTable::parse(text)?;
        Ok(table.exact.into_iter().map(|(spelling, canonical)| (canonical, spelling)).collect())
    }

    /// Number of spellings the table knows.
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }
}

/// Key for a label: the fold without company words at the end (`Milan Records` → `milan`,
/// `Varèse Sarabande` → `varese sarabande`). At least one word stays. Idempotent.
pub fn label_key(s: &str) -> String {
    let folded = fold(s);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && COMPANY_WORDS.contains(words.last().unwrap_or(&"")) {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_which_words_open_a_spelling() {
        let t = LabelTable::parse("Varèse Sarabande | Varese\nLa-La Land Records\n").unwrap();
        assert!(t.may_open("VARESE"));
        assert!(t.may_open("La-La"));
        assert!(t.may_open("La"));
        assert!(!t.may_open("Land"));
        assert!(!t.may_open("Sarabande"));
        // Nothing to fold: nothing ruled out.
        assert!(t.may_open("—"));
    }

    #[test]
    fn a_spelling_that_opens_another_is_still_spelled() {
        for text in ["Milan\nMilan Entertainment Group\n", "Milan Entertainment Group\nMilan\n"] {
            let t = LabelTable::parse(text).unwrap();
            assert_eq!(t.spelled("MILAN"), Some("Milan"), "{text:?}");
            assert_eq!(t.spelled("Milan Entertainment"), None, "{text:?}");
            assert_eq!(t.spelled("Milan Entertainment Group"), Some("Milan Entertainment Group"), "{text:?}");
        }
        let mut t = LabelTable::parse("Milan\n").unwrap();
        t.add("Milan Records", "Milan");
        assert_eq!(t.spelled("Milan"), Some("Milan Records"), "a later spelling wins");
    }

    #[test]
    fn knows_which_words_open_a_spelling_whole() {
        let t = LabelTable::parse("La-La Land Records\nSilva Screen\nSilvaplana Music\n").unwrap();
        assert!(t.may_open("La-La Land"));
        assert!(t.may_open("La-La  Land Records"));
        assert!(t.may_open("Silva"));
        assert!(t.may_open("Silva Screen"));
        // A spelling opens with "silvaplana", not with the word "silva" and then "plana".
        assert!(!t.may_open("Silva Plana"));
        assert!(!t.may_open("La-La Land Records Two"));
        assert!(!t.may_open("La-La Lan"));
        assert!(!t.may_open("The Land"));
    }

    #[test]
    fn parses_the_format() {
        let t =
            LabelTable::parse("# comment\n\nVarèse Sarabande | Varese | Varese Sarabande Records\nMilan\n").unwrap();
        assert_eq!(t.canonical("VARESE"), Some("Varèse Sarabande"));
        assert_eq!(t.canonical("varese sarabande"), Some("Varèse Sarabande"));
        assert_eq!(t.canonical("Milan Records"), Some("Milan"));
        assert_eq!(t.canonical("Varese Saraband"), Some("Varèse Sarabande"));
        assert_eq!(t.canonical("Mute"), None);
        assert!(LabelTable::parse(" | alias").is_err());
    }

    #[test]
    fn builtin_table_knows_the_issue_examples() {
        let t = LabelTable::builtin();
        assert_eq!(t.canonical("Deutsche Grammafon"), Some("Deutsche Grammophon"));
        assert_eq!(t.canonical("Warners"), t.canonical("Warner Bros."));
        assert_eq!(t.canonical("Varese Sarabande"), Some("Varèse Sarabande"));
    }

    #[test]
    fn label_keys() {
        assert_eq!(label_key("Milan Records"), "milan");
        assert_eq!(label_key("Records"), "records");
        assert_eq!(label_key("Varèse Sarabande"), "varese sarabande");
    }

    proptest::proptest! {
        /// The three-letter head filter refuses only what the folded lookups refuse (debug
        /// builds also assert it on every call), on tables with short, spaced, accented and
        /// digit-led spellings and on an empty table.
        #[test]
        fn head_filter_refuses_only_absent_keys(word in "[A-Za-z0-9 éÉ’'&.-]{0,7}") {
            let empty = LabelTable::default();
            proptest::prop_assert!(!empty.may_open(&word) || fold(&word).is_empty());
            let t = LabelTable::parse("Ab\nA-B-C Music | ABé\n4AD | Éd Records\nabc d | Abcd\nL’Ab\n").unwrap();
            let key = fold(&word);
            proptest::prop_assert_eq!(t.may_open(&word), key.is_empty() || t.openings.contains_key(&key));
            proptest::prop_assert_eq!(t.spelled(&word), t.exact.get(&key).map(String::as_str));
            let opening = t.opening(&word);
            proptest::prop_assert_eq!(opening.opens, key.is_empty() || t.openings.contains_key(&key));
            proptest::prop_assert_eq!(opening.label, t.exact.get(&key).map(String::as_str));
        }
    }
}
