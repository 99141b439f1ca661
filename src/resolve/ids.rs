//! Record ids: a slug of the canonical title (leading article kept, release wording and a
//! first volume dropped) and the year, with a deterministic disambiguator on a clash.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Soundtrack, SourceRef};
use crate::normalize::fold;
use crate::normalize::titles::title_stem;

/// `slug(title stem)-year`.
pub fn base_id(title: &str, year: Option<i32>) -> String {
    base_id_of_stem(&title_stem(title), year)
}

/// [`base_id`] of a title whose stem (`parse_title(title).stem()`) is known.
pub fn base_id_of_stem(stem: &str, year: Option<i32>) -> String {
    format!("{}-{}", slug(stem), year.map_or_else(|| "x".to_string(), |y| y.to_string()))
}

/// Lower-case ASCII slug: letters and digits, other runs one `-`; initials stay together
/// (`E.T. the Extra-Terrestrial` → `et-the-extra-terrestrial`).
pub fn slug(s: &str) -> String {
    // Most stems are folded words already, one space apart: their slug is the words joined,
    // without a fold and a `String` per word.
    let bytes = s.as_bytes();
    let plain = bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
    if !plain || s.is_empty() || s.starts_with(' ') || s.ends_with(' ') || s.contains("  ") {
        return slug_by_words(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut initials = false;
    for w in s.split(' ') {
        let initial = w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic();
        // A letter after a letter joins it (`e t` → `et`).
        let joins = initial && initials;
        if !out.is_empty() && !joins {
            out.push('-');
        }
        out.push_str(w);
        initials = initial;
    }
    debug_assert_eq!(out, slug_by_words(s), "{s:?}");
    out
}

/// [`slug`] of any text: its fold's words, kept to ASCII letters and digits.
fn slug_by_words(s: &str) -> String {
    let folded = fold(s);
    let mut parts: Vec<String> = Vec::new();
    let mut initials = false;
    for w in folded.split(' ') {
        let w: String = w.chars().filter(char::is_ascii_alphanumeric).collect();
        let initial = w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic());
        match parts.last_mut() {
            Some(last) if initial && initials => last.push_str(&w),
            _ if !w.is_empty() => parts.push(w),
            _ => {}
        }
        initials = initial;
    }
    if parts.is_empty() { "untitled".to_string() } else { parts.join("-") }
}

/// What decides a record's id: its base id and, when the base is shared, its mention count
/// and composers (then its sources, fetched only then).
#[derive(Debug, Clone, PartialEq)]
pub struct IdCandidate {
    pub base: String,
    pub mention_count: usize,
    pub composers: Vec<String>,
}

impl IdCandidate {
    pub fn of(record: &Soundtrack) -> IdCandidate {
        IdCandidate {
            base: record.id.clone(),
            mention_count: record.mention_count,
            composers: record.composers.clone(),
        }
    }
}

/// Makes ids unique and returns them in record order. Records that share a base id are
/// ordered by mention count (most first), then composers, then earliest source (`sources`
/// gives a record's); the first keeps the base id, the others get their first composer's
/// surname (`halloween-x-carpenter`) or, failing that, `-2`, `-3`…
/// An unrelated file never joins such a group, so it never changes an id.
pub fn assign_ids<E>(
    records: Vec<IdCandidate>,
    sources: impl Fn(usize) -> Result<Vec<SourceRef>, E>,
) -> Result<Vec<String>, E> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        groups.entry(&r.base).or_default().push(i);
    }
    let mut taken: BTreeSet<String> = groups.keys().map(|k| k.to_string()).collect();
    let mut ids: Vec<Option<String>> = vec![None; records.len()];
    for (base, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        let sources: BTreeMap<usize, Vec<SourceRef>> =
            members.iter().map(|&i| Ok((i, sources(i)?))).collect::<Result<_, E>>()?;
        members.sort_by(|&a, &b| {
            let (ra, rb) = (&records[a], &records[b]);
            rb.mention_count
                .cmp(&ra.mention_count)
                .then(ra.composers.cmp(&rb.composers))
                .then(sources[&a].cmp(&sources[&b]))
        });
        for (n, &i) in members.iter().enumerate().skip(1) {
            let surname = records[i].composers.first().map(|c| slug(c.rsplit(' ').next().unwrap_or(c)));
            let mut id = surname.map(|s| format!("{base}-{s}")).filter(|id| !taken.contains(id));
            let mut k = n + 1;
            while id.is_none() {
                id = Some(format!("{base}-{k}")).filter(|id| !taken.contains(id));
                k += 1;
            }
            let id = id.unwrap_or_default();
            taken.insert(id.clone());
            ids[i] = Some(id);
        }
    }
    Ok(ids.into_iter().zip(records).map(|(id, r)| id.unwrap_or(r.base)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Slugs of plain words, joined at once, are the slugs of their words.
        #[test]
        fn plain_slugs_as_by_words(s in "(a|b|1|ab|12)( (a|b|1|ab|12)){0,6}|([a-c1 ]|é|E|-){0,12}") {
            proptest::prop_assert_eq!(slug(&s), slug_by_words(&s));
        }
    }

    #[test]
    fn initials_stay_together() {
        assert_eq!(slug("e t the extra terrestrial"), "et-the-extra-terrestrial");
        assert_eq!(slug("E.T. the Extra-Terrestrial"), "et-the-extra-terrestrial");
        assert_eq!(slug("a b 2 c"), "ab-2-c");
        assert_eq!(slug(""), "untitled");
    }
}
