//! The normalise stage: cleans the display fields of one extracted mention in place.

use std::collections::{BTreeMap, BTreeSet};

use super::fields::{clean_field, repaired};
use super::keys::{fold, name_key};
use super::names::{clean_name, clean_names};
use crate::model::Mention;

/// Cleans a mention's display fields: titles and labels trimmed and repaired as written
/// (quotes, dashes, odd spaces, mojibake), names split into people and casing-repaired,
/// duplicates dropped. Where a repair changed a value beyond spacing, the value as written is
/// kept in [`Mention::raw`]. Idempotent.
pub fn normalize_mention(m: &mut Mention) {
    let title = clean_field(&m.title);
    note(&mut m.raw, "title", &m.title, &title);
    m.title = title;

    let title_fold = fold(&m.title);
    let mut seen = BTreeSet::from([title_fold]);
    let alts: Vec<String> = m.alt_titles.iter().map(|t| clean_field(t)).collect();
    note_list(&mut m.raw, "alt_titles", &m.alt_titles, &alts);
    m.alt_titles = alts.into_iter().filter(|t| new_fold(&mut seen, t)).collect();

    let mut seen = BTreeSet::new();
    let composers: Vec<String> = m.composers.iter().flat_map(|c| clean_names(c)).collect();
    note_list(&mut m.raw, "composers", &m.composers, &composers);
    m.composers = composers.into_iter().filter(|c| seen.insert(name_key(c))).collect();

    let mut seen = BTreeSet::new();
    let labels: Vec<String> = m.labels.iter().map(|l| clean_field(l)).collect();
    note_list(&mut m.raw, "labels", &m.labels, &labels);
    m.labels = labels.into_iter().filter(|l| new_fold(&mut seen, l)).collect();

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

    if let Some(reviewer) = m.reviewer.clone() {
        let cleaned = clean_name(&reviewer);
        note(&mut m.raw, "reviewer", &reviewer, &cleaned);
        m.reviewer = (!folds_empty(&cleaned)).then_some(cleaned);
    }
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
}
