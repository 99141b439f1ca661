//! Person and group names: joint credits split into people, casing repaired, particles kept.
//!
//! Splitting rule for a credit joined by `,`, `&`, `and`, `+` or `/` (`;` always splits):
//! - every side is a full personal name (2–5 words, no digits, not `The …`, not ending in a
//!   group word such as `Orchestra`) → one name per side (`Trent Reznor & Atticus Ross`);
//! - every side but the last is a lone given name and the last is a full name → the given
//!   names share the last side's surname (`Bebe and Louis Barron` → `Bebe Barron`,
//!   `Louis Barron`);
//! - otherwise the credit is one act and stays whole (`Simon & Garfunkel`, `Earth, Wind &
//!   Fire`, `Kool & the Gang`).
//!
//! Given names come from `data/given_names.txt` (format in `data/README.md`).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::fields::clean_field;
use super::keys::fold;

static GIVEN_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../data/given_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
});

/// Lower-case words that belong inside a surname (`Marius de Vries`, `Ludwig van Beethoven`).
const PARTICLES: [&str; 21] = [
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "ten", "ter", "la", "le",
    "dos", "das", "do", "bin", "ibn", "al", "y",
];
/// Last words that make a name a group, not a person.
const GROUP_WORDS: [&str; 22] = [
    "orchestra",
    "quartet",
    "quintet",
    "trio",
    "band",
    "brothers",
    "sisters",
    "ensemble",
    "choir",
    "singers",
    "players",
    "boys",
    "girls",
    "sons",
    "gang",
    "project",
    "experience",
    "collective",
    "orchestre",
    "philharmonic",
    "symphony",
    "crew",
];
/// Small words that stay lower case inside a group name (`Kool & the Gang`).
const MINOR_WORDS: [&str; 10] = [
    "the", "of", "and", "for", "in", "on", "a", "an", "to", "with",
];
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "esq"];

/// Whether `word` is a known given name (case and diacritics ignored).
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(&fold(word))
}

/// Whether `word` is a name particle such as `de` or `van`.
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Cleans a credit and splits it into names, each with its casing repaired.
/// `"Bebe and Louis Barron"` → `["Bebe Barron", "Louis Barron"]`; `"john Williams"` →
/// `["John Williams"]`; `"Simon & Garfunkel"` stays one name. Empty input gives no names.
pub fn clean_names(raw: &str) -> Vec<String> {
    let cleaned = clean_field(raw);
    let mut out = Vec::new();
    for chunk in cleaned.split(';') {
        for name in split_credit(chunk.trim()) {
            let name = clean_name(&name);
            if !fold(&name).is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Cleans one name (no splitting). Casing repair can turn text into something that looks
/// like mojibake (`ó©` → `Ó©`), so the two repairs alternate until stable.
pub fn clean_name(name: &str) -> String {
    let mut current = name.to_string();
    for _ in 0..4 {
        let next = repair_name_case(&clean_field(&current));
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// Splits one credit by the rule in the module notes.
pub fn split_credit(credit: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for part in separate(credit) {
        let is_suffix = SUFFIXES.contains(&fold(&part).as_str());
        match parts.last_mut() {
            Some(prev) if is_suffix => *prev = format!("{prev}, {part}"),
            _ => parts.push(part),
        }
    }
    if parts.len() < 2 {
        return vec![credit.to_string()];
    }
    if parts.iter().all(|p| is_full_name(p)) {
        return parts;
    }
    let (last, lead) = parts.split_last().expect("two parts");
    if is_full_name(last) && lead.iter().all(|p| !p.contains(' ') && is_given_name(p)) {
        let surname = surname(last);
        let mut out: Vec<String> = lead
            .iter()
            .map(|given| format!("{given} {surname}"))
            .collect();
        out.push(last.clone());
        return out;
    }
    vec![credit.to_string()]
}

/// Pieces between separators, trimmed, none empty (else the credit is returned whole).
fn separate(credit: &str) -> Vec<String> {
    let spaced = format!(" {credit} ");
    let mut text = spaced.clone();
    for sep in [" and ", " And ", " AND ", " + ", " & "] {
        text = text.replace(sep, ",");
    }
    let text = text.replace(['&', '/'], ",");
    let parts: Vec<String> = text.split(',').map(|p| p.trim().to_string()).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return vec![credit.trim().to_string()];
    }
    parts
}

/// A personal name: 2–5 words, no digits, not starting with an article, not a group.
fn is_full_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let first = fold(words[0]);
    let last = fold(words[words.len() - 1]);
    !["the", "a", "an", "of", "les", "los", "las", "die"].contains(&first.as_str())
        && !GROUP_WORDS.contains(&last.as_str())
        && words.iter().all(|w| w.chars().any(char::is_alphabetic))
}

/// The surname part of a full name: every word after the first (`Louis Barron` → `Barron`,
/// `Julia de Vries` → `de Vries`).
pub fn surname(name: &str) -> &str {
    let name = name.trim();
    name.split_once(' ').map_or(name, |(_, rest)| rest.trim())
}

/// Repairs the casing of a name of two or more words: a word written all in lower case gets a
/// capital (`john Williams` → `John Williams`), particles inside a name stay lower case
/// (`Marius de Vries`), and a name written all in capitals is title-cased (`JOHN WILLIAMS` →
/// `John Williams`, `MCCARTNEY` → `McCartney`). Other spellings are kept as written
/// (`McCartney`, `DJ Shadow`, `Marius De Vries`). Idempotent.
pub fn repair_name_case(name: &str) -> String {
    // One pass can make a word shouted (a lone lower-case letter capitalised), so repeat
    // until stable; two passes are enough in practice.
    let mut current = name.to_string();
    for _ in 0..4 {
        let next = repair_case_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn repair_case_once(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    if words.iter().filter(|w| has_cased(w)).count() < 2 {
        return name.to_string();
    }
    // Shouted: at least two words of two letters or more, all of them in capitals.
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let shouting = long.len() >= 2 && long.iter().all(|w| !w.chars().any(char::is_lowercase));
    let last = words.len() - 1;
    let repaired: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if shouting && !is_initial(w) {
                title_case(w)
            } else if has_cased(w) && !w.chars().any(char::is_uppercase) {
                let minor = is_particle(w) || MINOR_WORDS.contains(w);
                if minor && i > 0 && i < last {
                    w.to_string()
                } else {
                    capitalise(w)
                }
            } else {
                w.to_string()
            }
        })
        .collect();
    repaired.join(" ")
}

fn has_cased(w: &str) -> bool {
    w.chars().any(|c| c.is_lowercase() || c.is_uppercase())
}

/// `J.`, `J.S.`, `A.R.`: kept in capitals.
fn is_initial(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 2 && (w.contains('.') || letters == 1)
}

/// Capital first letter of every hyphen or apostrophe segment, the rest as it is.
fn capitalise(w: &str) -> String {
    map_segments(w, |seg| {
        let mut chars = seg.chars();
        match chars.next() {
            Some(c) => upper_first(c).chain(chars).collect(),
            None => String::new(),
        }
    })
}

/// Capital first letter, the rest lower case, per segment; `Mc` names keep their capital.
fn title_case(w: &str) -> String {
    map_segments(w, |seg| {
        let lower = seg.to_lowercase();
        let mut chars = lower.chars();
        let Some(first) = chars.next() else {
            return String::new();
        };
        let rest: String = chars.collect();
        if (first == 'm' && rest.starts_with('c')) && rest.chars().count() > 2 {
            let mut tail = rest.chars().skip(1);
            let third: String = tail
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            return format!("Mc{third}{}", tail.collect::<String>());
        }
        upper_first(first).chain(rest.chars()).collect()
    })
}

/// The capital of `c` when it is one character (`ß` has none: it would become `SS` and make
/// the word look shouted on the next pass).
fn upper_first(c: char) -> impl Iterator<Item = char> {
    let mut upper = c.to_uppercase();
    let single = upper.len() == 1;
    let u = if single { upper.next().unwrap_or(c) } else { c };
    std::iter::once(u)
}

fn map_segments(w: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = 0;
    for (i, c) in w.char_indices() {
        if matches!(c, '-' | '\'' | '’') {
            out.push_str(&f(&w[start..i]));
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&f(&w[start..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_names() {
        assert_eq!(
            clean_names("Bebe and Louis Barron"),
            ["Bebe Barron", "Louis Barron"]
        );
        assert_eq!(
            clean_names("Trent Reznor & Atticus Ross"),
            ["Trent Reznor", "Atticus Ross"]
        );
        assert_eq!(
            clean_names("Elton John, Tim Rice, Hans Zimmer"),
            ["Elton John", "Tim Rice", "Hans Zimmer"]
        );
        assert_eq!(
            clean_names("Angus & Julia Stone"),
            ["Angus Stone", "Julia Stone"]
        );
        for act in [
            "Simon & Garfunkel",
            "Earth, Wind & Fire",
            "Kool & the Gang",
            "Peter, Paul and Mary",
            "AC/DC",
        ] {
            assert_eq!(clean_names(act), [act]);
        }
        assert_eq!(clean_names("Harry Connick, Jr."), ["Harry Connick, Jr."]);
        assert_eq!(
            clean_names("Goblin; Dario Argento"),
            ["Goblin", "Dario Argento"]
        );
    }

    #[test]
    fn casing() {
        assert_eq!(repair_name_case("john Williams"), "John Williams");
        assert_eq!(repair_name_case("JOHN WILLIAMS"), "John Williams");
        assert_eq!(repair_name_case("PAUL MCCARTNEY"), "Paul McCartney");
        assert_eq!(repair_name_case("marius de vries"), "Marius de Vries");
        assert_eq!(repair_name_case("Marius De Vries"), "Marius De Vries");
        assert_eq!(repair_name_case("jean-michel jarre"), "Jean-Michel Jarre");
        assert_eq!(repair_name_case("J.S. BACH"), "J.S. Bach");
        assert_eq!(repair_name_case("DJ Shadow"), "DJ Shadow");
        assert_eq!(repair_name_case("van Halen"), "Van Halen");
        assert_eq!(repair_name_case("RZA"), "RZA");
    }
}
