//! Casing repair of names: `john Williams` → `John Williams`, `JOHN WILLIAMS` → `John
//! Williams`; particles and small words inside a name keep their lower case.

use super::names::is_particle;

/// Small words that stay lower case inside a group name (`Kool & the Gang`).
const MINOR_WORDS: [&str; 10] = ["the", "of", "and", "for", "in", "on", "a", "an", "to", "with"];

/// Repairs the casing of a name of two or more words: a word written all in lower case gets a
/// capital (`john Williams` → `John Williams`), particles inside a name stay lower case
/// (`Marius de Vries`), and a name written all in capitals is title-cased (`JOHN WILLIAMS` →
/// `John Williams`, `MCCARTNEY` → `McCartney`). Other spellings are kept as written
/// (`McCartney`, `DJ Shadow`, `Marius De Vries`). Idempotent.
pub fn repair_name_case(name: &str) -> String {
    // Most names need nothing, and are known to over their bytes, with no word list.
    if ascii_needing_nothing(name) {
        debug_assert_eq!(repair_case_once(name), name);
        return name.to_string();
    }
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
    let shouting = is_shouted(&words);
    // Most names need nothing: every cased word already holds a capital.
    if !shouting && words.iter().all(|w| !has_cased(w) || w.chars().any(char::is_uppercase)) {
        debug_assert_eq!(repair_words(&words, shouting), name);
        return name.to_string();
    }
    repair_words(&words, shouting)
}

/// Whether `name` is ASCII and a pass leaves it as it is ([`repair_case_once`]'s tests, over
/// bytes: for ASCII, letters, capitals and lower case are the ASCII ones): fewer than two
/// words hold a letter, or it is not shouted and every word holding a letter holds a capital.
fn ascii_needing_nothing(name: &str) -> bool {
    if !name.is_ascii() {
        return false;
    }
    let (mut cased, mut long, mut long_all_capitals, mut all_capitalised) = (0, 0, true, true);
    for w in name.split(' ').map(str::as_bytes) {
        let letters = w.iter().filter(|b| b.is_ascii_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        cased += 1;
        all_capitalised &= w.iter().any(u8::is_ascii_uppercase);
        if letters >= 2 {
            long += 1;
            long_all_capitals &= !w.iter().any(u8::is_ascii_lowercase);
        }
    }
    let shouting = long >= 2 && long_all_capitals;
    cased < 2 || (!shouting && all_capitalised)
}

/// Shouted: at least two words of two letters or more, all of them in capitals.
fn is_shouted(words: &[&str]) -> bool {
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).collect();
    long.len() >= 2 && long.iter().all(|w| !w.chars().any(char::is_lowercase))
}

fn repair_words(words: &[&str], shouting: bool) -> String {
    let last = words.len() - 1;
    let repaired: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if shouting && !is_initial(w) {
                title_case(w)
            } else if has_cased(w) && !w.chars().any(char::is_uppercase) {
                let minor = is_particle(w) || MINOR_WORDS.contains(w);
                if minor && i > 0 && i < last { w.to_string() } else { capitalise(w) }
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
            let third: String = tail.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
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

    proptest::proptest! {
        /// Names the byte test passes are those a pass leaves as they are, ASCII or not.
        #[test]
        fn names_the_byte_test_passes_need_nothing(
            words in proptest::collection::vec("[A-Z]{1,4}|[a-z]{1,4}|[A-Z][a-z]{1,4}|[A-Z][a-z]*[A-Z]|J\\.|de|O'[A-Z][a-z]+|[a-z]+-[A-Za-z]+|[0-9.&]{1,2}|é|É| ", 0..5)
        ) {
            let name = words.join(" ");
            if ascii_needing_nothing(&name) {
                proptest::prop_assert!(name.is_ascii());
                proptest::prop_assert_eq!(repair_case_once(&name), name);
            } else if name.is_ascii() {
                let words: Vec<&str> = name.split(' ').collect();
                let cased = words.iter().filter(|w| has_cased(w)).count();
                let shouting = is_shouted(&words);
                proptest::prop_assert!(cased >= 2 && (shouting || words.iter().any(|w| has_cased(w) && !w.chars().any(char::is_uppercase))));
            }
        }

        /// The shortcut for names that need nothing gives what the word-by-word repair gives.
        #[test]
        fn names_needing_nothing_are_left_as_the_repair_leaves_them(
            words in proptest::collection::vec("[A-Z]{1,4}|[a-zé]{1,4}|[A-ZÉ][a-z]{1,4}|J\\.|de|O'[A-Z][a-z]+|[a-z]+-[A-Za-z]+", 0..5)
        ) {
            let name = words.join(" ");
            let words: Vec<&str> = name.split(' ').collect();
            if words.iter().filter(|w| has_cased(w)).count() >= 2 {
                proptest::prop_assert_eq!(repair_case_once(&name), repair_words(&words, is_shouted(&words)));
            }
        }
    }
}
