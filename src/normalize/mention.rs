//! The normalise stage: cleans the display fields of one extracted mention in place.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::fields::{clean_field, clean_field_repaired, repaired};
use super::keys::{fold, name_key};
use super::names::{clean_name, clean_names};
use crate::fast_hash::FastMap;
use crate::model::Mention;

/// Cleans a mention's display fields: titles and labels trimmed and repaired as written
/// (quotes, dashes, odd spaces, mojibake), names split into people and casing-repaired,
/// duplicates dropped. Where a repair changed a value beyond spacing, the value as written is
/// kept in [`Mention::raw`]. Idempotent.
///
/// An empty list is skipped: cleaning leaves it empty, and an empty list is never noted.
pub fn normalize_mention(m: &mut Mention) {
    let (title, title_repaired) = clean_field_repaired(&m.title);
    if title_repaired {
        note_value(&mut m.raw, "title", &m.title);
    }
    m.title = title;

    if !m.alt_titles.is_empty() {
        let mut seen = BTreeSet::from([fold(&m.title)]);
        let alts: Vec<String> = m.alt_titles.iter().map(|t| clean_field(t)).collect();
        note_list(&mut m.raw, "alt_titles", &m.alt_titles, &alts);
        m.alt_titles = alts.into_iter().filter(|t| new_fold(&mut seen, t)).collect();
    }

    if !m.composers.is_empty() {
        normalize_composers(m);
    }

    if !m.labels.is_empty() {
        let labels: Vec<String> = m.labels.iter().map(|l| clean_field(l)).collect();
        note_list(&mut m.raw, "labels", &m.labels, &labels);
        m.labels = if let [_] = labels[..] {
            // One label is kept when it folds to something: no other to repeat it.
            labels.into_iter().filter(|l| !folds_empty(l)).collect()
        } else {
            let mut seen = BTreeSet::new();
            labels.into_iter().filter(|l| new_fold(&mut seen, l)).collect()
        };
    }

    for r in &mut m.releases {
        r.label = r.label.as_deref().map(clean_field).filter(|l| !folds_empty(l));
        r.edition = r.edition.as_deref().map(clean_field).filter(|e| !folds_empty(e));
    }
    m.releases.sort();
    m.releases.dedup();

    for t in &mut m.tracks {
        t.title = clean_field(&t.title);
        t.artist = t.artist.as_deref().map(clean_name).filter(|a| !folds_empty(a));
    }
    m.tracks.retain(|t| !folds_empty(&t.title));

    if let Some(reviewer) = m.reviewer.take() {
        let (cleaned, changed) = cleaned_reviewer(&reviewer);
        if changed {
            note_value(&mut m.raw, "reviewer", &reviewer);
        }
        m.reviewer = (!folds_empty(&cleaned)).then_some(cleaned);
    }
}

/// The composers part of [`normalize_mention`], for a mention that names some.
fn normalize_composers(m: &mut Mention) {
    let composers: Vec<String> = if let [credit] = &m.composers[..] {
        let (names, changed) = cleaned_credit(credit);
        // One credit giving one name is noted as [`note_list`] notes it: as [`note`] would.
        if let [_] = names[..] {
            if changed {
                note_value(&mut m.raw, "composers", credit);
            }
            m.composers = names;
            return;
        }
        names
    } else {
        m.composers.iter().flat_map(|c| cleaned_credit(c).0).collect()
    };
    note_list(&mut m.raw, "composers", &m.composers, &composers);
    let mut seen = BTreeSet::new();
    m.composers = composers.into_iter().filter(|c| seen.insert(name_key(c))).collect();
}

/// Credits cleaned on this thread: a credit's [`clean_names`] and, when that is one name,
/// whether [`repaired`] holds of the two. Composers recur across articles (a run names far
/// fewer than it has mentions), and cleaning a credit takes thousands of instructions. The
/// memo is emptied when full, so it never holds more than [`CREDIT_MEMO`] credits.
fn cleaned_credit(credit: &str) -> (Vec<String>, bool) {
    thread_local! {
        static MEMO: RefCell<FastMap<Box<str>, CleanedCredit>> = RefCell::default();
    }
    MEMO.with(|memo| {
        if let Some((names, changed)) = memo.borrow().get(credit) {
            debug_assert_eq!(names[..], clean_names(credit)[..], "{credit:?}");
            return (names.to_vec(), *changed);
        }
        let names = clean_names(credit);
        let changed = matches!(&names[..], [one] if repaired(credit, one));
        let mut memo = memo.borrow_mut();
        if memo.len() >= CREDIT_MEMO {
            memo.clear();
        }
        memo.insert(credit.into(), (names.clone().into(), changed));
        (names, changed)
    })
}

/// A credit's names, and whether its one name was repaired.
type CleanedCredit = (Box<[String]>, bool);

/// The most credits [`cleaned_credit`] keeps per thread.
const CREDIT_MEMO: usize = 1 << 14;

/// The reviewer cleaned ([`clean_name`]) and whether [`repaired`] holds of the two. The
/// mentions of an article share their reviewer, so the last one cleaned on this thread is
/// kept.
fn cleaned_reviewer(reviewer: &str) -> (String, bool) {
    thread_local! {
        static LAST: RefCell<Option<(String, String, bool)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        if let Some((raw, cleaned, changed)) = &*last.borrow()
            && raw == reviewer
        {
            debug_assert_eq!(*cleaned, clean_name(reviewer), "{reviewer:?}");
            return (cleaned.clone(), *changed);
        }
        let cleaned = clean_name(reviewer);
        let changed = repaired(reviewer, &cleaned);
        *last.borrow_mut() = Some((reviewer.to_string(), cleaned.clone(), changed));
        (cleaned, changed)
    })
}

/// Whether `value` folds to nothing. A fold keeps every ASCII letter and digit, so a value
/// with one is answered without folding it.
fn folds_empty(value: &str) -> bool {
    if value.bytes().any(|b| b.is_ascii_alphanumeric()) {
        debug_assert!(!fold(value).is_empty(), "{value:?}");
        return false;
    }
    fold(value).is_empty()
}

/// Whether `value` folds to something not in `seen` yet, which it is then added to (one
/// fold for both questions).
fn new_fold(seen: &mut BTreeSet<String>, value: &str) -> bool {
    let folded = fold(value);
    !folded.is_empty() && seen.insert(folded)
}

/// Keeps the written value of `field` when a repair changed it (first repair wins, so a
/// second pass never overwrites what the article wrote).
fn note(raw: &mut BTreeMap<String, String>, field: &str, before: &str, after: &str) {
    if !raw.contains_key(field) && repaired(before, after) {
        note_value(raw, field, before);
    }
}

/// [`note`] of a value known to be repaired.
fn note_value(raw: &mut BTreeMap<String, String>, field: &str, before: &str) {
    if !raw.contains_key(field) {
        raw.insert(field.to_string(), before.to_string());
    }
}

/// [`note`] of a list's values joined; a list that cleaning left as it was (most are) is
/// joined once, and one value is not joined at all.
fn note_list(raw: &mut BTreeMap<String, String>, field: &str, before: &[String], after: &[String]) {
    if raw.contains_key(field) {
        return;
    }
    match (before, after) {
        ([b], [a]) => note(raw, field, b, a),
        _ if before == after => {
            let joined = before.join("; ");
            note(raw, field, &joined, &joined);
        }
        _ => note(raw, field, &before.join("; "), &after.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;

    #[test]
    fn cleans_and_keeps_raw() {
        let mut m = Mention::new("a.txt", 1, Layout::MakerTitle, "“Forbidden Planet”,".into());
        m.composers = vec!["Bebe and Louis Barron".into(), "john Williams".into()];
        m.labels = vec![" Deutsche Grammafon ".into()];
        m.alt_titles = vec!["Forbidden Planet".into(), "JÃ³hann’s Planet".into()];
        normalize_mention(&mut m);
        assert_eq!(m.title, "Forbidden Planet");
        assert_eq!(m.composers, ["Bebe Barron", "Louis Barron", "John Williams"]);
        assert_eq!(m.labels, ["Deutsche Grammafon"]);
        assert_eq!(m.alt_titles, ["Jóhann’s Planet"]);
        assert_eq!(m.raw.get("composers").map(String::as_str), Some("Bebe and Louis Barron; john Williams"));
        assert!(!m.raw.contains_key("title"));
        let once = m.clone();
        normalize_mention(&mut m);
        assert_eq!(m, once);
    }

    /// A credit or reviewer cleaned before (kept per thread) is cleaned and noted as the
    /// first time.
    #[test]
    fn repeated_credits_and_reviewers_are_noted_every_time() {
        for _ in 0..3 {
            let mut m = Mention::new("a.txt", 1, Layout::MakerTitle, "Jaws".into());
            m.composers = vec!["john Williams".into()];
            m.reviewer = Some("JÃ³hann Smith".into());
            normalize_mention(&mut m);
            assert_eq!(m.composers, ["John Williams"]);
            assert_eq!(m.reviewer.as_deref(), Some("Jóhann Smith"));
            assert_eq!(m.raw.get("composers").map(String::as_str), Some("john Williams"));
            assert_eq!(m.raw.get("reviewer").map(String::as_str), Some("JÃ³hann Smith"));
        }
    }
}
