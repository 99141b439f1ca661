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

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::features::Profile;
use super::scoring::{THRESHOLD, composer_score};
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

#[derive(Debug, Clone, Default)]
struct Summary {
    /// Article → primary title keys of its mentions in the cluster.
    sources: BTreeMap<u32, BTreeSet<String>>,
    titles: BTreeSet<TitleKey>,
    years: BTreeSet<i32>,
    composers: BTreeSet<String>,
    /// `apart` override tags: (rule, side).
    tags: BTreeSet<(u32, bool)>,
}

/// Union-find with per-cluster summaries.
pub struct Clusters {
    parent: Vec<u32>,
    size: Vec<u32>,
    summary: Vec<Option<Summary>>,
}

impl Clusters {
    /// One cluster per profile. `source_of` numbers each mention's article; `tags` lists each
    /// profile's `apart` override tags.
    pub fn new(profiles: &[Profile], source_of: &[u32], tags: &[Vec<(u32, bool)>]) -> Clusters {
        let summary = profiles
            .par_iter()
            .enumerate()
            .map(|(i, p)| {
                let mut s = Summary::default();
                for &m in &p.mentions {
                    s.sources.entry(source_of[m]).or_default().insert(p.primary().key.clone());
                }
                s.titles.insert(p.primary().parsed.clone());
                s.years.extend(p.year);
                s.composers.extend(p.composers.iter().cloned());
                s.tags.extend(tags[i].iter().copied());
                Some(s)
            })
            .collect();
        Clusters { parent: (0..profiles.len() as u32).collect(), size: vec![1; profiles.len()], summary }
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
        let (sa, sb) = (self.summary[ra as usize].as_ref()?, self.summary[rb as usize].as_ref()?);
        refusal(sa, sb)
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
        let small = self.summary[rb as usize].take().unwrap_or_default();
        if let Some(big) = self.summary[ra as usize].as_mut() {
            for (src, keys) in small.sources {
                big.sources.entry(src).or_default().extend(keys);
            }
            big.titles.extend(small.titles);
            big.years.extend(small.years);
            big.composers.extend(small.composers);
            big.tags.extend(small.tags);
        }
        true
    }
}

fn refusal(a: &Summary, b: &Summary) -> Option<Refusal> {
    let (small, big) = if a.sources.len() <= b.sources.len() { (a, b) } else { (b, a) };
    for (src, keys) in &small.sources {
        if let Some(other) = big.sources.get(src)
            && (keys.len() != 1 || keys != other)
        {
            return Some(Refusal::SameArticle);
        }
    }
    for ta in &a.titles {
        if b.titles.iter().any(|tb| ta.base == tb.base && !ta.parts_compatible(tb)) {
            return Some(Refusal::DifferentPart);
        }
    }
    let year = year_agreement(&a.years, &b.years);
    let composers: Vec<String> = a.composers.iter().cloned().collect();
    let others: Vec<String> = b.composers.iter().cloned().collect();
    if 1.0 + year + composer_score(&composers, &others) < THRESHOLD - 1e-9 {
        return Some(Refusal::Remake);
    }
    if a.tags.iter().any(|&(rule, side)| b.tags.contains(&(rule, !side))) {
        return Some(Refusal::KeptApart);
    }
    None
}

/// The year part of a score for the closest years of two clusters.
fn year_agreement(a: &BTreeSet<i32>, b: &BTreeSet<i32>) -> f64 {
    let closest = a.iter().flat_map(|x| b.iter().map(move |y| (x - y).abs())).min();
    match closest {
        None => 0.0,
        Some(0) => 0.10,
        Some(1) => 0.05,
        Some(_) => -0.40,
    }
}
