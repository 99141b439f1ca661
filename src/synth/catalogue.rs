//! The invented works of a synthetic corpus: titles that share words, sequels and volumes,
//! remakes, alternate titles, composers (some credited jointly) and labels.

use std::collections::BTreeSet;

use super::rng::Rng;
use super::words::{ADJECTIVES, GIVEN, NOUNS, PLACES, SURNAMES, VERBS};
use crate::normalize::title_key;

/// One true soundtrack.
#[derive(Debug, Clone)]
pub struct Work {
    /// The truth cluster id.
    pub id: String,
    pub title: String,
    /// How a sequel number is written (`2`, `Part II`, `Vol. 2`), when this is a sequel.
    pub sequel: Option<(String, u32)>,
    /// The franchise title without a number, for sequels and volume-styled firsts.
    pub base: String,
    /// Whether mentions may call the first of a franchise `… Vol. 1`.
    pub volume_style: bool,
    pub year: i32,
    /// The credit as articles write it, and the people it names.
    pub credit: Option<String>,
    pub label: (String, Vec<String>),
    pub alt: Option<String>,
    /// How often articles pick it, relative to others.
    pub weight: f64,
}

/// Labels as `(canonical, aliases)`, read from the built-in table so variants are ones the
/// resolver is meant to know.
pub fn labels() -> Vec<(String, Vec<String>)> {
    include_str!("../../data/labels.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut names = l.split('|').map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
            let canonical = names.next().unwrap_or_default();
            (canonical, names.collect())
        })
        .filter(|(c, _)| !c.is_empty())
        .collect()
}

fn composer(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES))
}

/// A credit: usually one person, sometimes two, sometimes two sharing a surname written
/// jointly (`Bebe and Louis Harlow`), sometimes none.
fn credit(rng: &mut Rng) -> Option<String> {
    let roll = rng.below(100);
    match roll {
        0..=4 => None,
        5..=7 => {
            let surname = rng.pick(SURNAMES);
            let (a, b) = (rng.pick(GIVEN), rng.pick(GIVEN));
            (a != b).then(|| format!("{a} and {b} {surname}")).or_else(|| Some(format!("{a} {surname}")))
        }
        8..=17 => Some(format!("{} & {}", composer(rng), composer(rng))),
        _ => Some(composer(rng)),
    }
}

fn invent_title(rng: &mut Rng) -> String {
    let n = |rng: &mut Rng| rng.pick(NOUNS).to_string();
    let a = |rng: &mut Rng| rng.pick(ADJECTIVES).to_string();
    match rng.below(100) {
        0..=9 => n(rng),
        10..=19 => format!("The {}", n(rng)),
        20..=39 => format!("{} {}", a(rng), n(rng)),
        40..=54 => format!("The {} {}", a(rng), n(rng)),
        55..=64 => format!("{} of the {}", n(rng), n(rng)),
        65..=69 => format!("{} & {}", n(rng), n(rng)),
        70..=74 => format!("{} My {}", rng.pick(VERBS), n(rng)),
        75..=79 => format!("{}’s {}", rng.pick(GIVEN), n(rng)),
        80..=87 => format!("{} {}: The {} of {}", a(rng), n(rng), n(rng), rng.pick(PLACES)),
        88..=91 => format!("{}-{}", n(rng), n(rng)),
        _ => format!("{} {} in {}", a(rng), n(rng), rng.pick(PLACES)),
    }
}

const SEQUEL_STYLES: [&str; 4] = ["{n}", "Part {r}", "Vol. {n}", "{r}"];

fn roman(n: u32) -> &'static str {
    ["", "I", "II", "III", "IV", "V"][n.min(5) as usize]
}

/// Writes sequel number `n` in `style`.
pub fn sequel_marker(style: &str, n: u32) -> String {
    style.replace("{n}", &n.to_string()).replace("{r}", roman(n))
}

/// Invents `count` works (plus their sequels and remakes) with unique title keys per year.
pub fn invent(rng: &mut Rng, count: usize) -> Vec<Work> {
    let labels = labels();
    let mut works: Vec<Work> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    while works.len() < count {
        let title = invent_title(rng);
        let key = title_key(&title);
        // Keys must not collide with another work or another work's sequel numbering.
        if !used.insert(key.clone()) || key.split(' ').any(|w| w.chars().all(|c| c.is_ascii_digit())) {
            continue;
        }
        let year = rng.range(1950, 2023);
        let label = labels[rng.below(labels.len())].clone();
        let alt = rng.chance(0.08).then(|| format!("{}: {} Mix Vol. 1", title, rng.pick(ADJECTIVES)));
        let first = Work {
            id: format!("w{:05}", works.len()),
            base: title.clone(),
            title: title.clone(),
            sequel: None,
            volume_style: false,
            year,
            credit: credit(rng),
            label,
            alt,
            weight: 1.0 / (1.0 + rng.below(40) as f64),
        };
        let franchise = rng.chance(0.08);
        let remake = !franchise && rng.chance(0.06);
        let style = *rng.pick(&SEQUEL_STYLES);
        let mut first = first;
        first.volume_style = franchise && style.starts_with("Vol");
        works.push(first.clone());
        if franchise {
            for n in 2..=rng.range(2, 3) as u32 {
                let marker = sequel_marker(style, n);
                let same_maker = rng.chance(0.7);
                works.push(Work {
                    id: format!("w{:05}", works.len()),
                    title: format!("{} {marker}", first.base),
                    sequel: Some((style.to_string(), n)),
                    year: first.year + 2 * n as i32 + rng.range(-1, 1),
                    credit: if same_maker { first.credit.clone() } else { credit(rng) },
                    alt: None,
                    weight: first.weight * 0.7,
                    ..first.clone()
                });
            }
        }
        if remake {
            works.push(Work {
                id: format!("w{:05}", works.len()),
                year: (first.year + rng.range(15, 40)).min(2024),
                credit: Some(composer(rng)),
                label: labels[rng.below(labels.len())].clone(),
                alt: None,
                weight: first.weight,
                ..first.clone()
            });
        }
    }
    works
}
