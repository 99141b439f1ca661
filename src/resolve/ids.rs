//! Record ids: a slug of the canonical title (leading article kept, release wording and a
//! first volume dropped) and the year, with a deterministic disambiguator on a clash.

use std::collections::{BTreeMap, BTreeSet};

use super::records::Built;
use crate::normalize::{fold, parse_title};

/// `slug(title stem)-year`.
pub fn base_id(title: &str, year: Option<i32>) -> String {
    let stem = slug(&parse_title(title).stem());
    format!("{stem}-{}", year.map_or_else(|| "x".to_string(), |y| y.to_string()))
}

/// Lower-case ASCII slug: letters and digits, other runs one `-`; initials stay together
/// (`E.T. the Extra-Terrestrial` → `et-the-extra-terrestrial`).
pub fn slug(s: &str) -> String {
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

/// Makes ids unique. Records that share a base id are ordered by mention count (most
/// first), then composers, then earliest source; the first keeps the base id, the others
/// get their first composer's surname (`halloween-x-carpenter`) or, failing that, `-2`, `-3`…
/// An unrelated file never joins such a group, so it never changes an id.
pub fn assign_ids(records: &mut [Built]) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, b) in records.iter().enumerate() {
        groups.entry(b.record.id.clone()).or_default().push(i);
    }
    let mut taken: BTreeSet<String> = groups.keys().cloned().collect();
    for (base, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by(|&a, &b| {
            let (ra, rb) = (&records[a].record, &records[b].record);
            rb.mention_count
                .cmp(&ra.mention_count)
                .then(ra.composers.cmp(&rb.composers))
                .then(ra.sources.cmp(&rb.sources))
        });
        for (n, &i) in members.iter().enumerate().skip(1) {
            let surname = records[i].record.composers.first().map(|c| slug(c.rsplit(' ').next().unwrap_or(c)));
            let mut id = surname.map(|s| format!("{base}-{s}")).filter(|id| !taken.contains(id));
            let mut k = n + 1;
            while id.is_none() {
                id = Some(format!("{base}-{k}")).filter(|id| !taken.contains(id));
                k += 1;
            }
            let id = id.unwrap_or_default();
            taken.insert(id.clone());
            records[i].record.id = id;
        }
    }
}
