//! How articles misspell a work: case changes, dropped diacritics and articles, `&`/`and`,
//! punctuation, typos, release wording, volume and sequel spellings, name and label variants.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::catalogue::{Work, sequel_marker};
use super::rng::Rng;

pub fn strip_diacritics(s: &str) -> String {
    s.nfd().filter(|c| !is_combining_mark(*c)).collect::<String>().replace(['ø', 'Ø'], "o").replace('ð', "d")
}

/// A one-letter slip inside a longer word: dropped, doubled or swapped.
fn typo(rng: &mut Rng, s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let long: Vec<usize> = (0..words.len()).filter(|&i| words[i].chars().count() >= 7).collect();
    if long.is_empty() {
        return s.to_string();
    }
    let w = long[rng.below(long.len())];
    let mut chars: Vec<char> = words[w].chars().collect();
    // Only between two letters, so punctuation stays where it was.
    let spots: Vec<usize> =
        (2..chars.len() - 1).filter(|&i| chars[i].is_alphabetic() && chars[i + 1].is_alphabetic()).collect();
    if spots.is_empty() {
        return s.to_string();
    }
    let at = spots[rng.below(spots.len())];
    match rng.below(3) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        _ => chars.swap(at, at + 1),
    }
    let mut out: Vec<String> = words.iter().map(|s| s.to_string()).collect();
    out[w] = chars.into_iter().collect();
    out.join(" ")
}

/// Title case of every word (`The Silent Harbor` from `THE SILENT HARBOR`).
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title as one article writes it.
pub fn title(rng: &mut Rng, work: &Work) -> String {
    let mut t = match &work.sequel {
        // Another spelling of the same number now and then (`Part II` → `Part 2`).
        Some((style, n)) if rng.chance(0.15) => {
            let other =
                ["{n}", "Part {n}", "Part {r}", "Vol. {n}", "{r}"].into_iter().find(|s| s != style).unwrap_or("{n}");
            format!("{} {}", work.base, sequel_marker(other, *n))
        }
        _ => work.title.clone(),
    };
    if work.volume_style && work.sequel.is_none() && rng.chance(0.3) {
        t.push_str(" Vol. 1");
    }
    if let Some(alt) = work.alt.as_ref().filter(|_| rng.chance(0.15)) {
        t = alt.clone();
    }
    match rng.below(100) {
        0..=7 => t = t.to_uppercase(),
        8..=10 => t = t.to_lowercase(),
        11..=15 => t = strip_diacritics(&t),
        16..=19 => t = t.strip_prefix("The ").map_or(t.clone(), str::to_string),
        20..=22 => t = if t.contains(" & ") { t.replace(" & ", " and ") } else { t.replace(" and ", " & ") },
        23..=25 => {
            t = match rng.below(3) {
                0 => t.replace(": ", " - "),
                1 => t.replace('-', " "),
                _ => t.replace('’', "'"),
            }
        }
        26..=28 => t = typo(rng, &t),
        29..=32 => {
            let wording = *rng.pick(&[": Original Motion Picture Soundtrack", " – Original Score", " OST"]);
            t.push_str(wording);
        }
        33..=35 => t = title_case(&t.to_lowercase()),
        _ => {}
    }
    t
}

/// The year one article gives: the film's, the album's (a year later), or none.
pub fn year(rng: &mut Rng, work: &Work, required: bool) -> Option<i32> {
    match rng.below(100) {
        0..=9 => Some(work.year + 1),
        10..=29 if !required => None,
        _ => Some(work.year),
    }
}

/// The composer credit as one article writes it.
pub fn credit(rng: &mut Rng, credit: &str) -> String {
    match rng.below(100) {
        0..=4 => {
            // "john Williams": the first letter lost its capital.
            let mut c = credit.chars();
            c.next().map_or(String::new(), |f| f.to_lowercase().chain(c).collect())
        }
        5..=12 => strip_diacritics(credit),
        13..=15 => credit.to_uppercase(),
        16..=17 => {
            // A near spelling: the surname loses its last letter.
            let mut s = credit.to_string();
            if s.split(' ').next_back().is_some_and(|w| w.chars().count() >= 6) {
                s.pop();
            }
            s
        }
        _ => credit.to_string(),
    }
}

/// The label as one article writes it: the canonical name or one of its aliases.
pub fn label(rng: &mut Rng, label: &(String, Vec<String>)) -> String {
    if label.1.is_empty() || rng.chance(0.6) { label.0.clone() } else { rng.pick(&label.1).clone() }
}
