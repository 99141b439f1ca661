//! Music credits in a blurb's running text: "composed by X", "score by X", "music supervisor
//! X", "the duo Air", "X's score", "X wrote the songs", "X soundtrack", and a blurb that opens
//! with its composer as the subject. A credit for another work ("X's score to Y", "scrapped
//! composer X") is not this entry's.
//!
//! The patterns and the reading of their matches are here; the hand readers that find the
//! cue patterns' matches, and the pre-checks that skip the other patterns, are in [`cues`].

mod cues;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use cues::{cue_matches_in, open_patterns};

use super::names::{is_various_artists, name_score, split_names};
use super::scan::{lone_leading_name, names_after};
use super::vocab::Vocabulary;
use super::words::{is_capitalised, is_title_function_word};
use crate::normalize::text::starts_with_ignore_ascii_case;
use crate::normalize::{fold, title_key};
use crate::re::Re;

/// Letters, as the credit patterns are written.
pub(super) const ANY_LETTER: &str = r"\p{L}";
/// The letters below U+0250: ASCII, Latin-1 and Latin Extended-A and -B, where every
/// character of these ranges is one (checked by a test). A pattern written with them instead
/// of [`ANY_LETTER`] compiles in about a tenth of the instructions (a `\p{L}` class is a
/// large UTF-8 automaton: about 20 M instructions for each copy of POSSESSIVE, SUBJECT_VERB
/// or MAKING_VERB, paid on first use), and finds the same matches in a text whose letters all
/// lie below U+0250 ([`latin_letters_only`]).
pub(super) const LATIN_LETTER: &str = "A-Za-zªµºÀ-ÖØ-öø-ɏ";

/// Whether every letter (`\p{L}`) in `text` lies below U+0250. Every letter is alphabetic,
/// so a character from there on that is not alphabetic is no letter.
fn latin_letters_only(text: &str) -> bool {
    crate::normalize::text::non_ascii_chars(text).all(|c| c < '\u{250}' || !c.is_alphabetic())
}

/// A credit pattern written with [`ANY_LETTER`] and with [`LATIN_LETTER`], each compiled on
/// first use.
pub(super) struct Lettered {
    pub(super) any: LazyLock<Re>,
    pub(super) latin: LazyLock<Re>,
}

impl Lettered {
    /// The copy to search `hay` with: the Latin one when it finds the same matches there.
    /// Debug builds (the tests) check that both copies see a match or none; callers that read
    /// the matches compare them too.
    pub(super) fn pick(&self, hay: &str) -> &Re {
        if !latin_letters_only(hay) {
            return &self.any;
        }
        debug_assert_eq!(self.latin.is_match(hay), self.any.is_match(hay), "{hay:?}");
        &self.latin
    }
}

/// A name list: capitalised words with particles, joined by "and" / "&"; `letter` is the
/// class of letters ([`ANY_LETTER`] or [`LATIN_LETTER`]).
fn name_list(letter: &str) -> String {
    format!(
        r"[A-Z][{letter}.\-]*(?:\s+(?:[A-Z][{letter}.\-]*|de|van|von|da|di|del|la|le))*(?:\s+(?:and|&)\s+[A-Z][{letter}.\-]*(?:\s+[A-Z][{letter}.\-]*)*)?"
    )
}

static CUE_BY: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:composed|scored|produced|overseen|supervised|arranged|orchestrated|written and (?:performed|produced))\s+(?:and\s+\w+\s+)?by\s+")
        .and_then(|re| re.led(&["composed", "scored", "produced", "overseen", "supervised", "arranged", "orchestrated", "written and"]))
        .expect("static regex")
});
static NOUN_BY: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)\b(?:(?:score|soundtrack|music|album|themes?|tracks?|songs?|cues)\s+(?:(?:was|is|were|are)\s+)?(?:(?:all|mostly|largely|entirely)\s+)?(?:(?:composed\s+|written\s+|performed\s+|produced\s+)?by|from)|musiche\s+di|musica\s+di|musique\s+de|música\s+de|musik\s+von)\s+", &["by", "from", " di", " de", " von"])
        .and_then(|re| re.led(&["score", "soundtrack", "music", "musique", "musik", "album", "theme", "track", "song", "cues", "música", "mÚsica"]))
        .expect("static regex")
});
static ROLE: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"\b(?:[Mm]usic (?:supervisors?|producers?)|[Pp]roducers?|[Cc]omposers?|[Ss]ongwriters?|[Ww]riters|(?:band|duo|trio|group|outfit|collective))\s*,?\s+", &["usic ", "roducer", "omposer", "ongwriter", "riters", "band", "duo", "trio", "group", "outfit", "collective"])
        .expect("static regex")
});
static POSSESSIVE: Lettered =
    Lettered { any: LazyLock::new(|| possessive(ANY_LETTER)), latin: LazyLock::new(|| possessive(LATIN_LETTER)) };
fn possessive(letter: &str) -> Re {
    let list = name_list(letter);
    Re::gated(&format!(r"({list})(?:['’]s?)\s+\*?((?:[{letter}\-]+\*?,?\s+\*?){{0,5}}?)([{letter}\-]+)\b"), &["'", "’"])
        .expect("static regex")
}
static SUBJECT_VERB: Lettered =
    Lettered { any: LazyLock::new(|| subject_verb(ANY_LETTER)), latin: LazyLock::new(|| subject_verb(LATIN_LETTER)) };
fn subject_verb(letter: &str) -> Re {
    let list = name_list(letter);
    Re::gated(&format!(r"({list})\s+(?:also\s+)?(?:composed|scored|wrote|co-wrote|penned|created|recorded|crafted|provided|delivered|contributed)(?:\s+and\s+(?:performed|produced|recorded|sang))?\s+((?:[{letter}\-]+\s+){{0,5}}?)(scores?|soundtracks?|music|themes?|songs?|cues)\b"), &["composed", "scored", "wrote", "penned", "created", "recorded", "crafted", "provided", "delivered", "contributed"])
        .and_then(Re::in_runs)
        .expect("static regex")
}
static NAME_NOUN: Lettered =
    Lettered { any: LazyLock::new(|| name_noun(ANY_LETTER)), latin: LazyLock::new(|| name_noun(LATIN_LETTER)) };
fn name_noun(letter: &str) -> Re {
    Re::gated(&format!(r"({})\s+(?:soundtrack|score)\b", name_list(letter)), &["soundtrack", "score"])
        .and_then(Re::in_runs)
        .expect("static regex")
}
/// Nouns that make "X's …" a music credit for anyone; other nouns only for known composers.
static MUSIC_NOUN: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?:scores?|soundtracks?|music|compositions?|themes?|cues|songs|melod(?:y|ies)|orchestrations?|synths?|accompaniment)$")
        .expect("static regex")
});
/// Words before a credit that take it away from this work ("decided to scrap composer X"):
/// `(?i)\b(?:scrap\w*|replac\w*|reject\w*|fired|dropped|instead of|unused|original(?:ly)? hired)\b`,
/// of which only whether it matches is asked. A stem's `\w*` can always run to its word's
/// end, where `\b` holds, so the stem alone decides; without Unicode `\w`, ignoring case,
/// it compiles in less than half the instructions (a test compares it with the pattern above).
static DISCARDED: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:scrap|replac|reject|(?:fired|dropped|instead of|unused|original(?:ly)? hired)\b)")
        .expect("static regex")
});
static MUSIC_VERB: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?:had\s+)?(?:never\s+)?(?:scored|scores|composed|composes|orchestrated)\b").expect("static regex")
});
/// Whether a match follows is all that is asked of it, so its Latin copy also reads
/// `melod\w*\b` as `melod` (the `\w*` can always run to the word's end, where `\b` holds),
/// and need not compile Unicode `\w` either.
static MAKING_VERB: Lettered = Lettered {
    any: LazyLock::new(|| {
        making_verb(ANY_LETTER, r"(?:scores?|soundtracks?|music|themes?|songs|cues|melod\w*|pieces)\b")
    }),
    latin: LazyLock::new(|| {
        making_verb(LATIN_LETTER, r"(?:(?:scores?|soundtracks?|music|themes?|songs|cues|pieces)\b|melod)")
    }),
};
fn making_verb(letter: &str, noun: &str) -> Re {
    Re::new(&format!(r"^(?:(?:wrote|writes|recorded|records|created|creates|crafted|delivered|arranged|built|took|turned|provided|brought)\s+(?:[{letter}\-]+\s+){{0,3}}?|(?:did|does)\s+(?:[{letter}\-]+\s+){{0,6}}?){noun}"))
        .expect("static regex")
}

/// Credited makers named in `prose`, the blurb of the entry whose title key is `title_k`.
pub fn credits(prose: &str, title_k: &str, vocab: &Vocabulary) -> Vec<String> {
    credits_in(prose, title_k, crate::re::holds_ascii_folding_letter(prose), vocab)
}

/// [`credits`], told whether `prose` may hold `ſ` or the Kelvin sign (`folding`: true
/// whenever it does; true for a text without them only costs regex searches), for callers
/// that know it already.
pub fn credits_in(prose: &str, title_k: &str, folding: bool, vocab: &Vocabulary) -> Vec<String> {
    // Dropping asides adds no letter: the answer holds for what is left.
    let prose = &*super::scan::without_asides(prose);
    debug_assert!(folding || !crate::re::holds_ascii_folding_letter(prose));
    let mut found: Vec<String> = Vec::new();
    let cues = cue_matches_in(prose, folding);
    for m in cues.cue_by.into_iter().chain(cues.noun_by) {
        if discarded(&prose[..m.start]) {
            continue;
        }
        if let Some(names) = names_after(&prose[m.end..]) {
            // "music from Irwin Allen's The Time Tunnel": a possessive names a work's author.
            if possessive_after(&prose[m.end..], last_name(&names)) {
                continue;
            }
            let band = prose[m.end..].split_whitespace().take(6).any(|w| matches!(w, "band" | "group" | "duo"));
            found.extend(split_names(&names).into_iter().filter(|n| {
                name_score(n, vocab) >= 0.45 && (n.split_whitespace().count() >= 2 || band || vocab.is_composer(n))
                    || vocab.is_composer(n)
            }));
        }
    }
    for m in cues.role {
        if discarded(&prose[..m.start]) {
            continue;
        }
        let role = &prose[m.clone()];
        let group = role.trim_start().starts_with(|c: char| c.is_lowercase()) && !role.contains("composer");
        let Some(names) = names_after(&prose[m.end..]) else { continue };
        found.extend(split_names(&names).into_iter().filter(|n| {
            let single_ok = group || vocab.is_composer(n);
            (name_score(n, vocab) >= 0.7 || vocab.is_composer(n)) && (n.split_whitespace().count() >= 2 || single_ok)
        }));
    }
    let open = open_patterns(prose);
    // The skipped searches would have found nothing: debug builds (the tests) check it.
    debug_assert!(open.possessive.is_some() || !POSSESSIVE.any.is_match(prose), "POSSESSIVE matches {prose:?}");
    debug_assert!(open.subject_verb || !SUBJECT_VERB.any.is_match(prose), "SUBJECT_VERB matches {prose:?}");
    debug_assert!(open.name_noun || !NAME_NOUN.any.is_match(prose), "NAME_NOUN matches {prose:?}");
    // POSSESSIVE is searched only in the stretch that holds all its matches: the regex's cost
    // grows with the text it reads. Debug builds check it finds the same matches, in the copy
    // picked for the stretch.
    let possessive = open.possessive.clone().map(|window| {
        let re = POSSESSIVE.pick(&prose[window.clone()]);
        debug_assert_eq!(groups(re, prose, window.clone()), groups(&POSSESSIVE.any, prose, 0..prose.len()));
        (window.start, re.captures_iter(&prose[window]))
    });
    for (offset, c) in possessive.into_iter().flat_map(|(offset, it)| it.map(move |c| (offset, c))) {
        let whole = c.get(0).map_or(0..0, |m| m.start() + offset..m.end() + offset);
        if discarded(&prose[..whole.start]) {
            continue;
        }
        let names = split_names(&c[1].replace(" & ", ", ").replace(" and ", ", "));
        let music = MUSIC_NOUN.is_match(&c[3]);
        if !music && !names.iter().all(|n| vocab.is_composer(strip_leading_article(n))) {
            continue;
        }
        // "Justin Hurwitz's La La Land score" names the work in between; another work there,
        // or after ("Stephen Warbeck's score to Shakespeare In Love"), is not this entry.
        let between = c[2].trim();
        let between_caps = between.split_whitespace().any(|w| is_capitalised(w) && !is_title_function_word(w));
        if between_caps && title_key(between) != title_k || other_work_follows(&prose[whole.end..], title_k) {
            continue;
        }
        found.extend(names.into_iter().map(|n| strip_leading_article(&n).to_string()).filter(|n| {
            name_score(n, vocab) >= 0.7 && (n.split_whitespace().count() >= 2 || vocab.is_composer(n))
                || vocab.is_composer(n)
        }));
    }
    // Debug builds check that the copy picked finds the matches `\p{L}` would.
    let search = |opened: bool, re: &'static Lettered| {
        opened.then(|| {
            let picked = re.pick(prose);
            debug_assert_eq!(groups(picked, prose, 0..prose.len()), groups(&re.any, prose, 0..prose.len()));
            picked.captures_iter(prose)
        })
    };
    let subject_verb = search(open.subject_verb, &SUBJECT_VERB);
    let name_noun = search(open.name_noun, &NAME_NOUN);
    for c in subject_verb.into_iter().flatten().chain(name_noun.into_iter().flatten()) {
        let start = c.get(0).map_or(0, |m| m.start());
        if discarded(&prose[..start]) || earlier_work(&prose[..start]) {
            continue;
        }
        let songs = c.get(0).is_some_and(|m| m.as_str().ends_with("songs"));
        for n in split_names(&c[1].replace(" & ", ", ").replace(" and ", ", ")) {
            if songs && !vocab.is_composer(&n) {
                continue;
            }
            let n = strip_leading_article(&n).to_string();
            let person = name_score(&n, vocab) >= 0.85 && n.split_whitespace().count() >= 2;
            if person || vocab.is_composer(&n) {
                found.push(n);
            }
        }
    }
    found.extend(leading_subject(prose, vocab));
    let mut out: Vec<String> = Vec::new();
    for name in found {
        let key = title_key(&name);
        // "musiche di Ennio Morricone, RCA Italiana": a record label is not a person.
        let label = vocab.label(&name).is_some();
        if name.is_empty() || is_various_artists(&name) || key.is_empty() || title_k.starts_with(&key) || label {
            continue;
        }
        if !out.iter().any(|o| fold(o) == fold(&name)) {
            out.push(name);
        }
    }
    out
}

/// The ranges in `prose` of each group of each match of `re` searched in `window`: for
/// POSSESSIVE, the same in the window [`cues::open_patterns`] gives as in the whole text.
fn groups(re: &Re, prose: &str, window: std::ops::Range<usize>) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
    let offset = window.start;
    let groups = |c: regex::Captures| c.iter().map(|m| m.map(|m| m.start() + offset..m.end() + offset)).collect();
    re.captures_iter(&prose[window]).map(groups).collect()
}

/// The whitespace-free word that ends `text`.
fn last_word(text: &str) -> &str {
    text.rsplit(char::is_whitespace).next().unwrap_or(text)
}

/// The word before the whitespace that ends `text`; `None` when `text` does not end in
/// whitespace (`\s+` needs one character at least).
fn word_before_space(text: &str) -> Option<&str> {
    let trimmed = text.trim_end();
    (trimmed.len() < text.len()).then(|| last_word(trimmed))
}

/// Whether a name list (NAME_LIST) can end where `word` ends: `word` ends in a capital
/// followed only by letters, dots and hyphens (`[A-Z][\p{L}.\-]*`, maybe after other
/// characters, since the list's first name has no word boundary), or is a particle. Alphabetic
/// characters include all letters, so this never refuses a list's end.
fn ends_name_list(word: &str) -> bool {
    matches!(word, "de" | "van" | "von" | "da" | "di" | "del" | "la" | "le")
        || word.chars().rev().take_while(|&c| c.is_alphabetic() || c == '.' || c == '-').any(|c| c.is_ascii_uppercase())
}

/// "followed up the iconic Vangelis score": the credit of the work this one follows.
fn earlier_work(before: &str) -> bool {
    let start = before.char_indices().rev().nth(50).map_or(0, |(i, _)| i);
    let window = &before[start..];
    // Read by hand, the regex (and its compilation) is needed only next to non-ASCII text.
    match earlier_by_hand(window) {
        Some(found) => {
            debug_assert_eq!(found, EARLIER.is_match(window), "EARLIER on {window:?}");
            found
        }
        None => EARLIER.is_match(window),
    }
}

/// EARLIER's phrases, each between ASCII letters.
const EARLIER_PHRASES: [&str; 7] =
    ["followed up", "follow-up to", "sequel to", "successor to", "predecessor", "the original", "remake of"];

/// Whether EARLIER matches `window`, read by hand; `None` when unsure: next to a non-ASCII
/// character (Unicode `\b` may then hold or not), or when `window` holds one of the two
/// non-ASCII letters that fold to ASCII ones ignoring case.
fn earlier_by_hand(window: &str) -> Option<bool> {
    if crate::re::holds_ascii_folding_letter(window) {
        return None;
    }
    let bytes = window.as_bytes();
    // `\b` beside a phrase's letter: the neighbour is not a word character (or is absent).
    let apart = |byte: Option<&u8>| match byte {
        None => Some(true),
        Some(&b) if b.is_ascii() => Some(!(b.is_ascii_alphanumeric() || b == b'_')),
        Some(_) => None,
    };
    let mut unsure = false;
    for at in 0..bytes.len() {
        for phrase in EARLIER_PHRASES {
            if !starts_with_ignore_ascii_case(&bytes[at..], phrase) {
                continue;
            }
            let before = if at == 0 { None } else { bytes.get(at - 1) };
            match (apart(before), apart(bytes.get(at + phrase.len()))) {
                (Some(true), Some(true)) => return Some(true),
                (None, _) | (_, None) => unsure = true,
                _ => {}
            }
        }
    }
    (!unsure).then_some(false)
}

static EARLIER: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:followed up|follow-up to|sequel to|successor to|predecessor|the original|remake of)\b")
        .expect("static regex")
});

fn discarded(before: &str) -> bool {
    // The last 61 characters: the last 61 bytes when those are ASCII (a byte each).
    let tail_at = before.len().saturating_sub(61);
    let start = if tail_at > 0 && before.as_bytes()[tail_at..].is_ascii() {
        tail_at
    } else {
        before.char_indices().rev().nth(60).map_or(0, |(i, _)| i)
    };
    debug_assert_eq!(start, before.char_indices().rev().nth(60).map_or(0, |(i, _)| i));
    let window = &before[start..];
    let clause = memchr::memrchr2(b'.', b';', window.as_bytes()).map_or(window, |at| &window[at + 1..]);
    debug_assert_eq!(Some(clause), window.rsplit(['.', ';']).next());
    // Most clauses hold none of its words: the regex, and its compilation, are then skipped.
    let may = may_be_discarded(clause);
    debug_assert!(may || !DISCARDED.is_match(clause), "DISCARDED matches {clause:?}");
    // The others are read by hand; the regex is needed only beside `ſ` or the Kelvin sign.
    may && match discarded_by_hand(clause) {
        Some(found) => {
            debug_assert_eq!(found, DISCARDED.is_match(clause), "DISCARDED on {clause:?}");
            found
        }
        None => DISCARDED.is_match(clause),
    }
}

/// DISCARDED's stems, which need a word boundary before only, and its words, which need one
/// on both sides; all ASCII.
const DISCARDED_STEMS: [&str; 3] = ["scrap", "replac", "reject"];
const DISCARDED_WORDS: [&str; 6] = ["fired", "dropped", "instead of", "unused", "original hired", "originally hired"];

/// Whether DISCARDED matches `clause`, read by hand; `None` when `clause` holds one of the two
/// non-ASCII letters that fold to ASCII ones ignoring case (only then can a non-ASCII
/// character match one of its letters). `\b` is read as the regex reads it, on the
/// characters beside the ASCII phrase, accented letters among them.
fn discarded_by_hand(clause: &str) -> Option<bool> {
    if crate::re::holds_ascii_folding_letter(clause) {
        return None;
    }
    let bytes = clause.as_bytes();
    // A phrase opens with an ASCII letter, so at a character boundary.
    let apart_before = |at: usize| !clause[..at].chars().next_back().is_some_and(crate::re::is_word_char);
    let apart_after = |at: usize| !clause[at..].chars().next().is_some_and(crate::re::is_word_char);
    let found = (0..bytes.len()).any(|at| {
        let opens = |w: &str| starts_with_ignore_ascii_case(&bytes[at..], w);
        bytes[at].is_ascii_alphabetic()
            && (DISCARDED_STEMS.iter().any(|w| opens(w))
                || DISCARDED_WORDS.iter().any(|w| opens(w) && apart_after(at + w.len())))
            && apart_before(at)
    });
    Some(found)
}

/// Whether `clause` holds, ignoring ASCII case, a word every DISCARDED match holds ("hired"
/// for "original(ly) hired"); each is looked for only where its first letter is.
fn may_be_discarded(clause: &str) -> bool {
    // Ignoring case, "ſ" matches "s" and the Kelvin sign "k": lower-casing ASCII cannot see them.
    if crate::re::holds_ascii_folding_letter(clause) {
        return true;
    }
    let bytes = clause.as_bytes();
    (0..bytes.len()).any(|at| {
        let words: &[&str] = match bytes[at] | 0x20 {
            b's' => &["scrap"],
            b'r' => &["replac", "reject"],
            b'f' => &["fired"],
            b'd' => &["dropped"],
            b'i' => &["instead of"],
            b'u' => &["unused"],
            b'h' => &["hired"],
            _ => return false,
        };
        words.iter().any(|w| starts_with_ignore_ascii_case(&bytes[at..], w))
    })
}

/// A blurb that opens with its composer as the subject: "Mica Levi had never scored a film",
/// "George Martin, best known as the Beatles' producer, scored …". Known composers count with
/// any verb; other people need a verb of making music.
fn leading_subject(prose: &str, vocab: &Vocabulary) -> Vec<String> {
    // The first sentence, to its end mark (as `split_inclusive(['.', '!', '?'])` cuts it): the
    // marks are ASCII, so found as bytes.
    let sentence = memchr::memchr3(b'.', b'!', b'?', prose.as_bytes()).map_or(prose, |at| &prose[..=at]).trim_start();
    debug_assert_eq!(sentence, prose.split_inclusive(['.', '!', '?']).next().unwrap_or(prose).trim_start());
    // A lone first word followed by a lower-case one ("The score …") is kept below only as a
    // known composer (one word is no person's name), and then split as the list would be.
    if let Some(name) = lone_leading_name(sentence)
        && !vocab.is_composer(name)
    {
        debug_assert!(leading_subject_of(sentence, vocab).is_empty(), "{sentence:?}");
        return Vec::new();
    }
    leading_subject_of(sentence, vocab)
}

/// [`leading_subject`] of the blurb's first sentence.
fn leading_subject_of(sentence: &str, vocab: &Vocabulary) -> Vec<String> {
    let Some(names) = names_after(sentence) else { return Vec::new() };
    let list = split_names(&names);
    let last = list.last().map(String::as_str).unwrap_or("");
    // `sentence.find(last)`, without building a two-way searcher for one short name.
    let found = memchr::memmem::find(sentence.as_bytes(), last.as_bytes());
    debug_assert_eq!(found, sentence.find(last));
    let Some(end) = found.map(|p| p + last.len()) else { return Vec::new() };
    let mut after = sentence[end..].trim_start();
    if after.starts_with(['’', '\'']) {
        return Vec::new();
    }
    // An apposition between subject and verb: ", best known as the Beatles' producer,".
    if let Some(rest) = after.strip_prefix(',') {
        match rest.find(", ") {
            Some(p) if p < 80 => after = rest[p + 2..].trim_start(),
            _ => return Vec::new(),
        }
    }
    if !after.starts_with(|c: char| c.is_lowercase()) || after.starts_with("and ") {
        return Vec::new();
    }
    let known = list.iter().all(|n| vocab.is_composer(n));
    // Word counts first: most openings are one word ("The music …") and need no score.
    let people = || list.iter().all(|n| n.split_whitespace().nth(1).is_some() && name_score(n, vocab) >= 0.85);
    if known || people() && (MUSIC_VERB.is_match(after) || MAKING_VERB.pick(after).is_match(after)) {
        list
    } else {
        Vec::new()
    }
}

fn strip_leading_article(name: &str) -> &str {
    for a in ["The ", "A ", "An "] {
        if let Some(rest) = name.strip_prefix(a)
            && rest.split_whitespace().count() >= 2
        {
            return rest;
        }
    }
    name
}

/// "… score to Shakespeare In Love" / "for Inception": the credit belongs to another work.
/// "for George Lazenby's only outing" names a person, not a work.
fn other_work_follows(after: &str, title_k: &str) -> bool {
    let mut words = after.split_whitespace();
    let Some(first) = words.next() else { return false };
    if !matches!(first, "to" | "for" | "from" | "of" | "on" | "in") {
        return false;
    }
    let next: Vec<&str> = words.take(6).collect();
    let span: Vec<&str> = next.iter().take_while(|w| is_capitalised(w) || is_title_function_word(w)).copied().collect();
    if span.last().is_some_and(|w| w.ends_with("'s") || w.ends_with("’s")) {
        return false;
    }
    let span = span.join(" ");
    let span = span.trim_matches(|c: char| !c.is_alphanumeric());
    !span.is_empty()
        && span.chars().next().is_some_and(|c| c.is_uppercase())
        && title_key(span) != title_k
        && !title_k.starts_with(&title_key(span))
}

/// `names.rsplit(", ").next()`, the last name of a list, found by the commas from the end
/// (a `&str` pattern builds a substring searcher on every call).
fn last_name(names: &str) -> &str {
    let bytes = names.as_bytes();
    let found = memchr::memrchr_iter(b',', bytes)
        .find(|&at| bytes.get(at + 1) == Some(&b' '))
        .map_or(names, |at| &names[at + 2..]);
    debug_assert_eq!(Some(found), names.rsplit(", ").next());
    found
}

/// Whether the piece of `text` after the first `name` (up to the next one), as
/// `text.split(name).nth(1)` cuts it, opens with a possessive "’s" or "'s". Found by the
/// name's first byte and a compare instead of the substring searcher `split` builds.
fn possessive_after(text: &str, name: &str) -> bool {
    let find = |hay: &str| -> Option<usize> {
        let first = *name.as_bytes().first()?;
        memchr::memchr_iter(first, hay.as_bytes()).find(|&at| hay.as_bytes()[at..].starts_with(name.as_bytes()))
    };
    let found = if name.is_empty() {
        let tail = text.split(name).nth(1).unwrap_or("");
        tail.starts_with("’s") || tail.starts_with("'s")
    } else {
        find(text).is_some_and(|at| {
            let rest = &text[at + name.len()..];
            // The piece ends where the next name starts, which may cut a possessive short.
            ["’s", "'s"].iter().any(|s| rest.starts_with(s) && find(rest).is_none_or(|next| next >= s.len()))
        })
    };
    debug_assert_eq!(found, {
        let tail = text.split(name).nth(1).unwrap_or("");
        tail.starts_with("’s") || tail.starts_with("'s")
    });
    found
}
