//! Resolution: groups the mentions of one soundtrack across articles into one record and
//! gives every mention the id of its record.

use std::collections::BTreeMap;

use crate::model::{Mention, Release, Soundtrack, SourceRef, Track};
use crate::normalize::{name_key, title_key};

/// Name of the user's overrides file in the input folder; never read as an article.
pub const OVERRIDES_FILE: &str = "cuesheet-overrides.csv";

/// Merges mentions whose title keys agree and whose years do not contradict each other,
/// sets each mention's `soundtrack_id` and returns the records sorted by id.
pub fn resolve(mentions: &mut [Mention]) -> Vec<Soundtrack> {
    // Group by title key; inside a group, a mention joins the first cluster whose year agrees.
    let mut groups: BTreeMap<String, Vec<Vec<usize>>> = BTreeMap::new();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| {
        let (ma, mb) = (&mentions[a], &mentions[b]);
        (ma.year.is_none(), &ma.source, ma.line).cmp(&(mb.year.is_none(), &mb.source, mb.line))
    });
    for i in order {
        let key = title_key(&mentions[i].title);
        let clusters = groups.entry(key).or_default();
        let year = mentions[i].year;
        let found = clusters.iter_mut().find(|c| {
            let y = c.iter().find_map(|&j| mentions[j].year);
            match (year, y) {
                (Some(a), Some(b)) => (a - b).abs() <= 1,
                _ => true,
            }
        });
        match found {
            Some(c) => c.push(i),
            None => clusters.push(vec![i]),
        }
    }
    let mut records = Vec::new();
    for (key, clusters) in groups {
        for members in clusters {
            let record = merge(&key, &members, mentions);
            for &i in &members {
                mentions[i].soundtrack_id = record.id.clone();
            }
            records.push(record);
        }
    }
    records.sort_by(|a, b| a.id.cmp(&b.id));
    records
}

fn merge(key: &str, members: &[usize], mentions: &[Mention]) -> Soundtrack {
    let year = members.iter().filter_map(|&i| mentions[i].year).min();
    let id = format!("{}-{}", slug(key), year.map_or_else(|| "x".to_string(), |y| y.to_string()));
    let mut title_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in members {
        *title_counts.entry(mentions[i].title.as_str()).or_default() += 1;
    }
    let title = title_counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.len().cmp(&a.0.len()).reverse()).then(b.0.cmp(a.0)))
        .map(|(t, _)| t.to_string())
        .unwrap_or_default();
    let mut sources: Vec<SourceRef> = members
        .iter()
        .map(|&i| SourceRef { source: mentions[i].source.clone(), line: mentions[i].line, rank: mentions[i].rank })
        .collect();
    sources.sort();
    Soundtrack {
        id,
        alt_titles: union_by_key(members.iter().flat_map(|&i| mentions[i].alt_titles.iter()), title_key)
            .into_iter()
            .filter(|t| title_key(t) != title_key(&title))
            .collect(),
        title,
        year,
        composers: union_by_key(members.iter().flat_map(|&i| mentions[i].composers.iter()), name_key),
        labels: union_by_key(members.iter().flat_map(|&i| mentions[i].labels.iter()), name_key),
        releases: union_sorted(members.iter().flat_map(|&i| mentions[i].releases.iter()).cloned()),
        tracks: union_tracks(members.iter().flat_map(|&i| mentions[i].tracks.iter())),
        mention_count: members.len(),
        sources,
    }
}

/// Values in first-seen order, one per key.
fn union_by_key<'a>(values: impl Iterator<Item = &'a String>, key: impl Fn(&str) -> String) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    values.filter(|v| seen.insert(key(v))).cloned().collect()
}

fn union_sorted(values: impl Iterator<Item = Release>) -> Vec<Release> {
    let mut v: Vec<Release> = values.collect();
    v.sort();
    v.dedup();
    v
}

fn union_tracks<'a>(tracks: impl Iterator<Item = &'a Track>) -> Vec<Track> {
    let mut seen = std::collections::HashSet::new();
    tracks.filter(|t| seen.insert(title_key(&t.title))).cloned().collect()
}

/// Lower-case ASCII slug of a key.
pub fn slug(key: &str) -> String {
    let s: String = key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let s = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if s.is_empty() { "untitled".to_string() } else { s }
}
