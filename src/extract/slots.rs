//! Title slots that turn out to be sentences, read again after a header is parsed: a credit
//! clause left in the slot, a sentence ending on a title set apart by quotes or emphasis,
//! and a sentence naming a work after a person's possessive.

use std::sync::LazyLock;

use crate::re::Re;

use super::header::Header;
use super::names::{name_score, split_names};
use super::title::title_score;
use super::vocab::Vocabulary;

/// "Silent Hill 2 (2001), composed by Akira Yamaoka — …": a credit clause left in the title
/// slot once the year's bracket is taken out.
/// The gate is "by" alone: `\s` takes any space, so " by " refused clauses set with a
/// no-break space or a tab.
static CREDIT_CLAUSE: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"^(.+?)\s*,\s+(?:composed|scored|music|written)\s+by\s+(\S.*)$", &["by"]).expect("static regex")
});

/// Whether [`refine`] leaves alone a header titled `title` with no year: no credit clause,
/// and under four words or no possessive (a sentence set apart by quotes is read only in a
/// dated header). A caller that judges such a header by its title need not refine it.
pub fn leaves_undated(title: &str) -> bool {
    !has_credit_clause(title) && (!has_possessive(title) || title.split_whitespace().nth(3).is_none())
}

/// Whether [`CREDIT_CLAUSE`] matches `title`. Every match holds a comma, which most titles
/// and first sentences lack: a byte search refuses them before the gate's search for " by ".
fn has_credit_clause(title: &str) -> bool {
    let possible = memchr::memchr(b',', title.as_bytes()).is_some();
    debug_assert!(possible || !CREDIT_CLAUSE.is_match(title), "{title:?}");
    possible && CREDIT_CLAUSE.is_match(title)
}

/// Narrows the title slot of `h` to the work it names, with its credit where it gives one.
pub fn refine(h: &mut Header, vocab: &Vocabulary) {
    let clause = if memchr::memchr(b',', h.title.as_bytes()).is_some() {
        CREDIT_CLAUSE.captures(&h.title)
    } else {
        // No comma, no clause (see `has_credit_clause`).
        debug_assert!(!CREDIT_CLAUSE.is_match(&h.title), "{:?}", h.title);
        None
    };
    if let Some(c) = clause {
        let (title, credit) = (c[1].trim().to_string(), c[2].trim().to_string());
        if h.makers.is_empty() {
            h.makers = split_names(&credit);
            h.sep.makers = !h.makers.is_empty();
        }
        retitle(h, title);
    }
    // Most headers are a title alone: the cheap tests first.
    if h.title.split_whitespace().nth(3).is_none() {
        return;
    }
    if let Some(title) = h.year.and_then(|_| set_apart_in_sentence(&h.title)) {
        retitle(h, title);
    } else if let Some((title, possessor)) = sentence_possessive(&h.title)
        && (name_score(&possessor, vocab) >= 0.7 || vocab.is_composer(&possessor))
    {
        // Only a known composer: the person in such a sentence is as often the director.
        if h.makers.is_empty() && vocab.is_composer(&possessor) {
            h.makers = split_names(&possessor);
            h.sep.makers = true;
        }
        retitle(h, title);
    }
}

fn retitle(h: &mut Header, title: String) {
    h.title_score = title_score(&title);
    h.title = title;
    h.evidence = super::header::evidence(h);
}

/// "Dev Patel directs and stars in “Monkey Man” (2024)": a dated title slot that is a sentence
/// ending on one title set apart by quotes or emphasis holds that title.
fn set_apart_in_sentence(title: &str) -> Option<String> {
    if title.split_whitespace().count() < 4 || !title.contains(['*', '_', '“', '”', '"', '‘', '’', '\'']) {
        return None;
    }
    let marked = super::spans::set_apart(title);
    let [(inner, start, end)] = marked.as_slice() else { return None };
    if !title[*end..].trim().is_empty() {
        return None;
    }
    reads_as_sentence(&title[..*start]).then(|| inner.to_string())
}

/// Whether words before a title read as a sentence ("Start with", "I'm counting", "directs
/// and stars in") rather than as the start of the title ("Harry Potter and the …"): a word
/// in lower case other than a title's small words.
fn reads_as_sentence(words: &str) -> bool {
    words.split_whitespace().any(|w| {
        w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’') && !matches!(w, "and" | "the" | "of" | "a" | "an")
    })
}

/// "Start with Mica Levi's Under the Skin": a title slot that is a sentence naming a work
/// after a person's possessive holds that work, credited to that person. A title that opens
/// with the possessive ("Bram Stoker's Dracula") is left alone.
fn sentence_possessive(title: &str) -> Option<(String, String)> {
    let possessive = has_possessive(title);
    debug_assert_eq!(possessive, title.contains("'s ") || title.contains("’s "), "{title:?}");
    if !possessive {
        return None;
    }
    if title.split_whitespace().count() < 4 || title.contains(['*', '_', '“', '”', '"', '/']) {
        return None;
    }
    let span = super::spans::span_before(title)?;
    let possessor = span.possessor?;
    let at = title.find(&format!("{possessor}’s")).or_else(|| title.find(&format!("{possessor}'s")))?;
    (reads_as_sentence(&title[..at]) && !span.title.is_empty()).then_some((span.title, possessor))
}

/// Whether `title` holds "'s " or "’s ": one vectorised search for the apostrophes' last bytes
/// (’ is E2 80 99, and no other byte of a character is 0x27 or 0x99 after E2 80), instead of
/// two substring searches, each building its searcher, on every title of four words or more.
fn has_possessive(title: &str) -> bool {
    let bytes = title.as_bytes();
    memchr::memchr2_iter(b'\'', 0x99, bytes).any(|at| {
        (bytes[at] == b'\'' || at >= 2 && bytes[at - 2..at] == [0xE2, 0x80]) && bytes[at + 1..].starts_with(b"s ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A title the comma search refuses holds no credit clause.
        #[test]
        fn credit_clauses_need_a_comma(
            title in "(Jaws|x|é| ){0,3}",
            comma in "(,|, |,\u{a0}| |;)",
            cue in "(composed|scored|music|written|by|x)",
            by in "( by |  by |by| |\u{a0}by\t|\tby )",
            name in "(John|é| |){0,2}",
        ) {
            let text = format!("{title}{comma}{cue}{by}{name}");
            let found = has_credit_clause(&text);
            proptest::prop_assert_eq!(found, CREDIT_CLAUSE.is_match(&text), "{:?}", text);
        }

        /// The byte search finds a possessive where the substring searches do.
        #[test]
        fn possessives_by_bytes(text in "(s|'|’|™|\u{2019}s| |a|é){0,10}") {
            proptest::prop_assert_eq!(has_possessive(&text), text.contains("'s ") || text.contains("’s "), "{:?}", text);
        }
    }

    /// `\s` takes any space around "by"; the gate used to ask for plain ones.
    #[test]
    fn credit_clauses_with_other_spaces() {
        assert!(has_credit_clause("Jaws, composed\u{a0}by\tJohn Williams"));
    }

    #[test]
    fn sentences_around_a_title() {
        assert_eq!(set_apart_in_sentence("Dev Patel directs and stars in “Monkey Man”").as_deref(), Some("Monkey Man"));
        assert_eq!(set_apart_in_sentence("The “Monkey Man” of the year"), None, "the title must end the slot");
        assert_eq!(set_apart_in_sentence("Harry Potter and the “Stone”"), None, "no sentence word");
        let (title, person) = sentence_possessive("Start with Mica Levi's Under the Skin").unwrap();
        assert_eq!((title.as_str(), person.as_str()), ("Under the Skin", "Mica Levi"));
        assert_eq!(sentence_possessive("Lemony Snicket's A Series of Unfortunate Events"), None);
        assert_eq!(sentence_possessive("Harry Potter and the Philosopher's Stone"), None);
    }
}
