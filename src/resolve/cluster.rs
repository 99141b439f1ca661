//! Clustering: union-find over profiles, fed the scored pairs best first, with checks that a
//! merge never makes a cluster that contradicts itself.
//!
//! A merge of two clusters is refused when
//! - an article would hold two different entries in one cluster (an article that repeats
//!   itself, the same title key twice, is fine);
//! - the clusters name one title with different part numbers (a sequel or another volume);
//! - their years are two or more apart and their composers disagree or are unknown (a
//!   remake), or their composers disagree outright: the same test a pair gets, applied to the
//!   clusters' pooled years and composers so that a mention with no year cannot bridge them;
//! - a user's `apart` override separates them.
//!
//! Each cluster keeps a small summary; the smaller summary is folded into the larger, so the
//! whole pass stays near-linear.

use super::features::Profile;
use super::scoring::{THRESHOLD, composer_score};
use crate::fast_hash::FastMap as HashMap;
use crate::normalize::TitleKey;

/// Why a merge was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Refusal {
    SameArticle,
    DifferentPart,
    Remake,
    KeptApart,
}

impl Refusal {
    pub fn describe(self) -> &'static str {
        match self {
            Refusal::SameArticle => "one article lists both as different entries",
            Refusal::DifferentPart => "different part or volume of one title",
            Refusal::Remake => "years or composers of the two groups disagree",
            Refusal::KeptApart => "kept apart by an override",
        }
    }
}

/// What the checks need to know of a cluster. Sets are sorted vectors; strings and titles
/// are borrowed from the profiles. Built only for clusters that meet a check, since most
/// profiles of a large run never do.
#[derive(Debug, Clone, Default)]
struct Summary<'a> {
    /// (article, primary title key number) of its mentions, sorted and distinct.
    sources: Vec<(u32, u32)>,
    /// The distinct primary titles of its profiles.
    titles: Vec<&'a TitleKey>,
    years: Vec<i32>,
    composers: Vec<&'a str>,
    /// `apart` override tags: (rule, side).
    tags: Vec<(u32, bool)>,
}

/// Adds the sorted, distinct `more` to the sorted, distinct `set`.
fn extend_sorted<T: Ord + Copy>(set: &mut Vec<T>, more: &[T]) {
    let (mut merged, mut i) = (Vec::with_capacity(set.len() + more.len()), 0);
    for &x in more {
        while i < set.len() && set[i] < x {
            merged.push(set[i]);
            i += 1;
        }
        if i < set.len() && set[i] == x {
            continue;
        }
        merged.push(x);
    }
    merged.extend_from_slice(&set[i..]);
    *set = merged;
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Union-find with per-cluster summaries.
pub struct Clusters<'a> {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// A root's summary; `None` for a profile alone that no check has met yet (and for
    /// profiles that are no longer roots). Boxed: most stay `None`, at a pointer each.
    summary: Vec<Option<Box<Summary<'a>>>>,
    profiles: &'a [Profile],
    source_of: &'a [u32],
    tags: &'a [Vec<(u32, bool)>],
    /// Each profile's primary title key, numbered.
    key_number: Vec<u32>,
}

impl<'a> Clusters<'a> {
    /// One cluster per profile. `source_of` numbers each mention's article; `tags` lists each
    /// profile's `apart` override tags.
    pub fn new(profiles: &'a [Profile], source_of: &'a [u32], tags: &'a [Vec<(u32, bool)>]) -> Clusters<'a> {
        let mut numbers: HashMap<&str, u32> = HashMap::default();
        let key_number = profiles
            .iter()
            .map(|p| {
                let next = numbers.len() as u32;
                *numbers.entry(p.primary().key()).or_insert(next)
            })
            .collect();
        Clusters {
            parent: (0..profiles.len() as u32).collect(),
            size: vec![1; profiles.len()],
            summary: vec![None; profiles.len()],
            profiles,
            source_of,
            tags,
            key_number,
        }
    }

    /// The summary of root `r`, built from its profile when it has none yet.
    fn summary(&mut self, r: u32) -> &mut Summary<'a> {
        let (profiles, source_of, tags) = (self.profiles, self.source_of, &self.tags);
        let key = self.key_number[r as usize];
        self.summary[r as usize].get_or_insert_with(|| {
            let p = &profiles[r as usize];
            Box::new(Summary {
                sources: sorted(p.mentions.iter().map(|&m| (source_of[m], key)).collect()),
                titles: vec![&p.primary().parsed],
                years: p.year.into_iter().collect(),
                composers: sorted(p.composers.iter().map(|c| &**c).collect()),
                tags: sorted(tags[r as usize].clone()),
            })
        })
    }

    pub fn find(&mut self, x: u32) -> u32 {
        let mut root = x;
        while self.parent[root as usize] != root {
            root = self.parent[root as usize];
        }
        let mut x = x;
        while self.parent[x as usize] != root {
            let next = self.parent[x as usize];
            self.parent[x as usize] = root;
            x = next;
        }
        root
    }

    /// The clusters as lists of profiles, in the order of their first profile.
    pub fn groups(&mut self) -> Vec<Vec<u32>> {
        let mut index = vec![u32::MAX; self.parent.len()];
        let mut out: Vec<Vec<u32>> = Vec::new();
        for p in 0..self.parent.len() as u32 {
            let root = self.find(p) as usize;
            if index[root] == u32::MAX {
                index[root] = out.len() as u32;
                out.push(Vec::new());
            }
            out[index[root] as usize].push(p);
        }
        out
    }

    /// Why the clusters of `a` and `b` may not merge, if they may not.
    pub fn check(&mut self, a: u32, b: u32) -> Option<Refusal> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        self.summary(ra);
        self.summary(rb);
        refusal(self.summary[ra as usize].as_ref()?, self.summary[rb as usize].as_ref()?)
    }

    /// Merges the clusters of `a` and `b` (unchecked); returns false if already one.
    pub fn union(&mut self, a: u32, b: u32) -> bool {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        if self.size[ra as usize] < self.size[rb as usize] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb as usize] = ra;
        self.size[ra as usize] += self.size[rb as usize];
        self.summary(rb);
        let small = self.summary[rb as usize].take().unwrap_or_default();
        let big = self.summary(ra);
        extend_sorted(&mut big.sources, &small.sources);
        for t in small.titles {
            if !big.titles.contains(&t) {
                big.titles.push(t);
            }
        }
        extend_sorted(&mut big.years, &small.years);
        extend_sorted(&mut big.composers, &small.composers);
        extend_sorted(&mut big.tags, &small.tags);
        true
    }
}

/// The title key numbers of article `src` in sorted `sources`.
fn keys_of(sources: &[(u32, u32)], src: u32) -> &[(u32, u32)] {
    let from = sources.partition_point(|&(s, _)| s < src);
    let to = sources.partition_point(|&(s, _)| s <= src);
    &sources[from..to]
}

fn refusal(a: &Summary, b: &Summary) -> Option<Refusal> {
    let (small, big) = if a.sources.len() <= b.sources.len() { (a, b) } else { (b, a) };
    for keys in small.sources.chunk_by(|x, y| x.0 == y.0) {
        let other = keys_of(&big.sources, keys[0].0);
        if !other.is_empty() && (keys.len() != 1 || keys != other) {
            return Some(Refusal::SameArticle);
        }
    }
    for ta in &a.titles {
        if b.titles.iter().any(|tb| ta.base == tb.base && !ta.parts_compatible(tb)) {
            return Some(Refusal::DifferentPart);
        }
    }
    let year = year_agreement(&a.years, &b.years);
    if 1.0 + year + composer_score(&a.composers, &b.composers) < THRESHOLD - 1e-9 {
        return Some(Refusal::Remake);
    }
    if a.tags.iter().any(|&(rule, side)| b.tags.contains(&(rule, !side))) {
        return Some(Refusal::KeptApart);
    }
    None
}

/// The year part of a score for the closest years of two clusters.
fn year_agreement(a: &[i32], b: &[i32]) -> f64 {
    let closest = a.iter().flat_map(|x| b.iter().map(move |y| (x - y).abs())).min();
    match closest {
        None => 0.0,
        Some(0) => 0.10,
        Some(1) => 0.05,
        Some(_) => -0.40,
    }
}
