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

use std::sync::LazyLock;

use super::casing::repair_name_case;
use super::fields::{clean_field, clean_field_settled};
use super::keys::{FoldSet, fold, with_fold};

/// The folded given names, as read: the reference that [`GIVEN`] answers as (debug builds
/// and tests only; release builds never build it).
static GIVEN_NAMES: LazyLock<FoldSet> = LazyLock::new(|| given_name_lines().map(fold).collect());

/// The given names, split by how they are looked up: see [`GivenNames`].
static GIVEN: LazyLock<GivenNames> = LazyLock::new(GivenNames::new);

/// The lines of `data/given_names.txt` that hold a name.
fn given_name_lines() -> impl Iterator<Item = &'static str> {
    include_str!("../../data/given_names.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Folded given names. Nearly all fold to 1–16 ASCII letters: those are kept packed, one
/// `u128` each, so that a word of ASCII letters (whose fold is itself lower-cased) is looked
/// up without folding it or hashing a string; the few others (`lin manuel`) as strings.
struct GivenNames {
    packed: crate::fast_hash::FastSet<u128>,
    other: FoldSet,
}

impl GivenNames {
    fn new() -> Self {
        let mut names = GivenNames { packed: Default::default(), other: FoldSet::default() };
        for line in given_name_lines() {
            // A line of ASCII letters folds to itself lower-cased: no need to fold it.
            match pack_letters(line.as_bytes()) {
                Some(key) => {
                    debug_assert_eq!(pack_lower(fold(line).as_bytes()), Some(key));
                    names.packed.insert(key);
                }
                None => names.insert_folded(fold(line)),
            }
        }
        names
    }

    fn insert_folded(&mut self, folded: String) {
        match pack_lower(folded.as_bytes()) {
            Some(key) => {
                self.packed.insert(key);
            }
            None => {
                self.other.insert(folded);
            }
        }
    }

    /// Whether `folded`, a fold, is a given name's fold.
    fn contains_folded(&self, folded: &str) -> bool {
        match pack_lower(folded.as_bytes()) {
            Some(key) => self.packed.contains(&key),
            None => self.other.contains(folded),
        }
    }
}

/// 1–16 ASCII letters, lower-cased and packed little-endian into a `u128` (zero bytes after
/// the last letter, so the packing of such words is one-to-one); `None` for anything else.
fn pack_letters(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (slot, &b) in buf.iter_mut().zip(word) {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        *slot = b.to_ascii_lowercase();
    }
    Some(u128::from_le_bytes(buf))
}

/// [`pack_letters`] of 1–16 lower-case ASCII letters; `None` for anything else (so two
/// spellings that differ in case never share a key).
fn pack_lower(word: &[u8]) -> Option<u128> {
    if word.iter().all(u8::is_ascii_lowercase) { pack_letters(word) } else { None }
}

/// Lower-case words that belong inside a surname (`Marius de Vries`, `Ludwig van Beethoven`).
const PARTICLES: [&str; 25] = [
    "de", "da", "di", "du", "del", "della", "dei", "der", "den", "van", "von", "zu", "ten", "ter", "la", "le", "dos",
    "das", "do", "bin", "ibn", "al", "el", "y", "e",
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
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "esq"];

/// Whether `word` is a known given name (case and diacritics ignored).
pub fn is_given_name(word: &str) -> bool {
    // A word of ASCII letters, most of those asked, folds to itself lower-cased: its packing
    // is the packing of its fold.
    let found = match pack_letters(word.as_bytes()) {
        Some(key) => GIVEN.packed.contains(&key),
        None => with_fold(word, |f| GIVEN.contains_folded(f)),
    };
    debug_assert_eq!(found, with_fold(word, |f| GIVEN_NAMES.contains(f)), "{word:?}");
    found
}

/// Whether `word` is a name particle such as `de` or `van`, in any casing.
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Cleans a credit and splits it into names, each with its casing repaired.
/// `"Bebe and Louis Barron"` → `["Bebe Barron", "Louis Barron"]`; `"john Williams"` →
/// `["John Williams"]`; `"Simon & Garfunkel"` stays one name. Empty input gives no names.
pub fn clean_names(raw: &str) -> Vec<String> {
    let (cleaned, cleaned_settled) = clean_field_settled(raw);
    // A credit of one chunk is the cleaned value itself, which cleaning again leaves as it
    // is when it settled: its first round of name cleaning can skip that.
    let one_clean_chunk = cleaned_settled && !cleaned.contains(';') && cleaned.trim() == cleaned;
    let mut out = Vec::new();
    for chunk in cleaned.split(';') {
        // Split the case-repaired credit, so the split rule sees what a second pass would.
        let (whole, settled) = clean_name_rounds(chunk.trim(), one_clean_chunk);
        for name in split_credit(&whole) {
            // A settled name that comes back whole is clean already: cleaning it again would
            // stop at the first round and return it unchanged (most credits are one name).
            let name = if settled && name == whole {
                debug_assert_eq!(clean_name(&name), name);
                name
            } else {
                clean_name(&name)
            };
            // A fold keeps every ASCII letter and digit: a name with one is not folded.
            if name.bytes().any(|b| b.is_ascii_alphanumeric()) || !with_fold(&name, str::is_empty) {
                out.push(name);
            }
        }
    }
    out
}

/// Cleans one name (no splitting). Casing repair can turn text into something that looks
/// like mojibake (`ó©` → `Ó©`), so the two repairs alternate until stable.
pub fn clean_name(name: &str) -> String {
    clean_name_settled(name).0
}

/// [`clean_name`], and whether the repairs settled (a further round changes nothing) rather
/// than running out of rounds.
fn clean_name_settled(name: &str) -> (String, bool) {
    clean_name_rounds(name, false)
}

/// [`clean_name_settled`]; `clean` says `clean_field(name) == name` is known already.
fn clean_name_rounds(name: &str, clean: bool) -> (String, bool) {
    let mut current = name.to_string();
    for round in 0..4 {
        let field = if round == 0 && clean {
            debug_assert_eq!(clean_field(&current), current);
            None
        } else {
            Some(clean_field(&current))
        };
        let next = repair_name_case(field.as_deref().unwrap_or(&current));
        if next == current {
            return (current, true);
        }
        current = next;
    }
    (current, false)
}

/// Splits one credit by the rule in the module notes.
pub fn split_credit(credit: &str) -> Vec<String> {
    if !may_separate(credit) {
        debug_assert_eq!(separate(credit).len(), 1, "{credit:?}");
        return vec![credit.to_string()];
    }
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
    // "Goblin and Dario Argento": a one-word act beside a person with a given name is two
    // credits; "Simon & Garfunkel" (no full name) stays one act.
    if parts.len() == 2 {
        let person = |p: &str| is_full_name(p) && p.split_whitespace().next().is_some_and(is_given_name);
        let mononym =
            |p: &str| !p.contains(' ') && !is_given_name(p) && p.chars().next().is_some_and(char::is_uppercase);
        if person(&parts[0]) && mononym(&parts[1]) || mononym(&parts[0]) && person(&parts[1]) {
            return parts;
        }
    }
    let (last, lead) = parts.split_last().expect("two parts");
    if is_full_name(last) && lead.iter().all(|p| !p.contains(' ') && is_given_name(p)) {
        let surname = surname(last);
        let mut out: Vec<String> = lead.iter().map(|given| format!("{given} {surname}")).collect();
        out.push(last.clone());
        return out;
    }
    vec![credit.to_string()]
}

/// Whether [`separate`] could find two pieces in `credit`: it holds `,`, `&` or `/`, or
/// `and`, `And`, `AND` or `+` as a word between spaces (or at an end), the only places
/// [`separate`] replaces them. Without, a credit is one name; most are. ("Alexandre" and
/// "Howard" hold "and" but not as a word: looking for the letters alone sent them to the
/// full split.)
fn may_separate(credit: &str) -> bool {
    credit.contains([',', '&', '/']) || credit.split(' ').any(|w| matches!(w, "and" | "And" | "AND" | "+"))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `clean_names` as it was before settled names skipped their second cleaning.
    fn clean_names_reference(raw: &str) -> Vec<String> {
        let cleaned = clean_field(raw);
        let mut out = Vec::new();
        for chunk in cleaned.split(';') {
            for name in split_credit(&clean_name(chunk.trim())) {
                let name = clean_name(&name);
                if !fold(&name).is_empty() {
                    out.push(name);
                }
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn clean_names_agrees_with_reference(raw in "(john|JOHN|Williams|mc|McCartney|de|Vries|Bebe|and|&|,|;|/|Jr\\.|ó©|Ã©|\\(|\\)|\"| |  ){0,10}") {
            proptest::prop_assert_eq!(clean_names(&raw), clean_names_reference(&raw));
        }

        #[test]
        fn clean_names_agrees_with_reference_on_any_text(raw in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(clean_names(&raw), clean_names_reference(&raw));
        }
    }

    proptest::proptest! {
        /// A credit the pre-check calls one name is one piece to the full split.
        #[test]
        fn credits_the_precheck_refuses_are_one_piece(credit in "(Alexandre|and|And|AND|\\+|a\\+b|&|/|,|x|Howard|  | |\t){0,8}") {
            if !may_separate(&credit) {
                proptest::prop_assert_eq!(separate(&credit).len(), 1);
            }
        }
    }

    proptest::proptest! {
        /// The packed lookup answers as the set of folded names, on names of the list in
        /// any casing, with marks or cut short, and on any text.
        #[test]
        fn given_names_answer_as_the_folded_set(
            at in 0..4000usize,
            cut in 0..20usize,
            upper in proptest::prelude::any::<bool>(),
            tail in "(|'|-| |é|\\.|x|[a-z]{0,12})",
            any in proptest::prelude::any::<String>(),
        ) {
            let lines: Vec<&str> = given_name_lines().collect();
            let line = lines[at % lines.len()];
            let cut = line.char_indices().map(|(i, _)| i).chain([line.len()]).nth(cut).unwrap_or(line.len());
            let mut words = vec![line.to_string(), line[..cut].to_string(), format!("{line}{tail}"), any];
            if upper {
                words.iter_mut().for_each(|w| *w = w.to_uppercase());
            }
            for word in words {
                let expected = with_fold(&word, |f| GIVEN_NAMES.contains(f));
                proptest::prop_assert_eq!(is_given_name(&word), expected, "{:?}", word);
            }
        }
    }

    #[test]
    fn every_given_name_is_found_in_any_casing() {
        for line in given_name_lines() {
            assert!(is_given_name(line), "{line}");
            assert!(is_given_name(&line.to_lowercase()), "{line}");
        }
        assert!(is_given_name("LIN-MANUEL") && is_given_name("Beyonce") && is_given_name("dangelo"));
        assert!(!is_given_name("") && !is_given_name("Zzyzx") && !is_given_name("Johnx"));
    }

    #[test]
    fn joint_names() {
        assert_eq!(clean_names("Bebe and Louis Barron"), ["Bebe Barron", "Louis Barron"]);
        assert_eq!(clean_names("Trent Reznor & Atticus Ross"), ["Trent Reznor", "Atticus Ross"]);
        assert_eq!(clean_names("Elton John, Tim Rice, Hans Zimmer"), ["Elton John", "Tim Rice", "Hans Zimmer"]);
        assert_eq!(clean_names("Angus & Julia Stone"), ["Angus Stone", "Julia Stone"]);
        for act in ["Simon & Garfunkel", "Earth, Wind & Fire", "Kool & the Gang", "Peter, Paul and Mary", "AC/DC"] {
            assert_eq!(clean_names(act), [act]);
        }
        assert_eq!(clean_names("Harry Connick, Jr."), ["Harry Connick, Jr."]);
        assert_eq!(clean_names("Goblin; Dario Argento"), ["Goblin", "Dario Argento"]);
        assert_eq!(clean_names("Goblin and Dario Argento"), ["Goblin", "Dario Argento"]);
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
