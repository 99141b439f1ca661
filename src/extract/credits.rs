//! Music credits in a blurb's running text: "composed by X", "score by X", "music supervisor
//! X", "the duo Air", "X's score", "X wrote the songs", "X soundtrack", and a blurb that opens
//! with its composer as the subject. A credit for another work ("X's score to Y", "scrapped
//! composer X") is not this entry's.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Match, MatchKind};

use crate::re::Re;

use super::names::{is_various_artists, name_score, split_names};
use super::scan::{lone_leading_name, names_after};
use super::vocab::Vocabulary;
use super::words::{is_capitalised, is_title_function_word};
use crate::normalize::text::starts_with_ignore_ascii_case;
use crate::normalize::{fold, title_key};

/// A name list: capitalised words with particles, joined by "and" / "&".
const NAME_LIST: &str = r"[A-Z][\p{L}.\-]*(?:\s+(?:[A-Z][\p{L}.\-]*|de|van|von|da|di|del|la|le))*(?:\s+(?:and|&)\s+[A-Z][\p{L}.\-]*(?:\s+[A-Z][\p{L}.\-]*)*)?";

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
static POSSESSIVE: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        &format!(r"({NAME_LIST})(?:['’]s?)\s+\*?((?:[\p{{L}}\-]+\*?,?\s+\*?){{0,5}}?)([\p{{L}}\-]+)\b"),
        &["'", "’"],
    )
    .expect("static regex")
});
static SUBJECT_VERB: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(&format!(r"({NAME_LIST})\s+(?:also\s+)?(?:composed|scored|wrote|co-wrote|penned|created|recorded|crafted|provided|delivered|contributed)(?:\s+and\s+(?:performed|produced|recorded|sang))?\s+((?:[\p{{L}}\-]+\s+){{0,5}}?)(scores?|soundtracks?|music|themes?|songs?|cues)\b"), &["composed", "scored", "wrote", "penned", "created", "recorded", "crafted", "provided", "delivered", "contributed"])
        .and_then(Re::in_runs)
        .expect("static regex")
});
static NAME_NOUN: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(&format!(r"({NAME_LIST})\s+(?:soundtrack|score)\b"), &["soundtrack", "score"])
        .and_then(Re::in_runs)
        .expect("static regex")
});
/// Nouns that make "X's …" a music credit for anyone; other nouns only for known composers.
static MUSIC_NOUN: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?:scores?|soundtracks?|music|compositions?|themes?|cues|songs|melod(?:y|ies)|orchestrations?|synths?|accompaniment)$")
        .expect("static regex")
});
/// Words before a credit that take it away from this work ("decided to scrap composer X").
static DISCARDED: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:scrap\w*|replac\w*|reject\w*|fired|dropped|instead of|unused|original(?:ly)? hired)\b")
        .expect("static regex")
});
static MUSIC_VERB: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?:had\s+)?(?:never\s+)?(?:scored|scores|composed|composes|orchestrated)\b").expect("static regex")
});
static MAKING_VERB: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?:(?:wrote|writes|recorded|records|created|creates|crafted|delivered|arranged|built|took|turned|provided|brought)\s+(?:[\p{L}\-]+\s+){0,3}?|(?:did|does)\s+(?:[\p{L}\-]+\s+){0,6}?)(?:scores?|soundtracks?|music|themes?|songs|cues|melod\w*|pieces)\b")
        .expect("static regex")
});

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
    let (cue_by, noun_by) = cue_matches_in(prose, folding);
    for m in cue_by.into_iter().chain(noun_by) {
        if discarded(&prose[..m.start]) {
            continue;
        }
        if let Some(names) = names_after(&prose[m.end..]) {
            // "music from Irwin Allen's The Time Tunnel": a possessive names a work's author.
            let last = names.rsplit(", ").next().unwrap_or(&names);
            let tail = prose[m.end..].split(last).nth(1).unwrap_or("");
            if tail.starts_with("’s") || tail.starts_with("'s") {
                continue;
            }
            let band = prose[m.end..].split_whitespace().take(6).any(|w| matches!(w, "band" | "group" | "duo"));
            found.extend(split_names(&names).into_iter().filter(|n| {
                name_score(n, vocab) >= 0.45 && (n.split_whitespace().count() >= 2 || band || vocab.is_composer(n))
                    || vocab.is_composer(n)
            }));
        }
    }
    for m in role_matches(prose) {
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
    debug_assert!(open.possessive || !POSSESSIVE.is_match(prose), "POSSESSIVE matches {prose:?}");
    debug_assert!(open.subject_verb || !SUBJECT_VERB.is_match(prose), "SUBJECT_VERB matches {prose:?}");
    debug_assert!(open.name_noun || !NAME_NOUN.is_match(prose), "NAME_NOUN matches {prose:?}");
    for c in open.possessive.then(|| POSSESSIVE.captures_iter(prose)).into_iter().flatten() {
        let whole = c.get(0).map_or(0..0, |m| m.range());
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
    let subject_verb = open.subject_verb.then(|| SUBJECT_VERB.captures_iter(prose));
    let name_noun = open.name_noun.then(|| NAME_NOUN.captures_iter(prose));
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

/// CUE_BY's verbs, ignoring ASCII case. None ends with the start of another, so their
/// non-overlapping occurrences are all of them.
const CUE_VERBS_BY: [&str; 8] =
    ["composed", "scored", "produced", "overseen", "supervised", "arranged", "orchestrated", "written and "];

/// Searched in a lower-cased copy of the text, which ignores ASCII case as `(?i)` does for
/// ASCII letters, and which lets the automaton use a vectorised (Teddy) prefilter: it has
/// none when it ignores case itself, and then walked every byte of a blurb. Leftmost-first,
/// as only that kind gets Teddy (a rare-byte prefilter for the standard kind cost more than
/// the walk); as no verb overlaps another, both kinds find every occurrence.
static CUE_VERB_BY: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(CUE_VERBS_BY).expect("static literals")
});

/// `CUE_BY.find_iter(prose)`'s ranges, read by hand: compiling CUE_BY (ignoring case over
/// Unicode `\w`) cost more than every search of it. From a verb after no word character:
/// whitespace, then "and", whitespace, a word and whitespace if they stand there, then "by"
/// and whitespace to the last. No part can give back characters to the next one (each
/// needs a character the one before could not take), so there is one way to try at each
/// verb. A text with 'ſ' or the Kelvin sign, which `(?i)` reads as "s" and "k", is left to
/// the regex.
#[cfg(test)]
fn cue_by_matches(prose: &str) -> Vec<std::ops::Range<usize>> {
    cue_matches(prose).0
}

/// Whether a lead word found at `m` may open a match of its pattern: not inside the last
/// match kept (matches do not overlap) and not after a word character (they open at a word).
fn may_open_match(prose: &str, m: &Match, found: &[std::ops::Range<usize>]) -> bool {
    !(found.last().is_some_and(|last| m.start() < last.end)
        || prose[..m.start()].chars().next_back().is_some_and(crate::re::is_word_char))
}

/// [`cue_by_matches`] from CUE_VERB_BY's matches in the lower-cased copy of a text without
/// 'ſ' or the Kelvin sign.
fn cue_by_from_verbs(prose: &str, verbs: &[Match]) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for m in verbs {
        if !may_open_match(prose, m, &found) {
            continue;
        }
        let mut at = m.end();
        if m.pattern().as_usize() == CUE_VERBS_BY.len() - 1 {
            match ["performed", "produced"].iter().find_map(|v| strip_word_start(&prose[at..], v)) {
                Some(rest) => at = prose.len() - rest.len(),
                None => continue,
            }
        }
        if let Some(end) = cue_by_tail(prose, at) {
            found.push(m.start()..end);
        }
    }
    debug_assert_eq!(found, CUE_BY.find_iter(prose).map(|m| m.range()).collect::<Vec<_>>(), "{prose:?}");
    found
}

/// Where CUE_BY's match ends when its verb ends at `at`: `\s+(?:and\s+\w+\s+)?by\s+`.
fn cue_by_tail(prose: &str, at: usize) -> Option<usize> {
    let after_verb = spaces_at(prose, at)?;
    let word_chars = |from: usize| Some(run_at(prose, from, crate::re::is_word_char)).filter(|&to| to > from);
    let by_then_spaces = |from: usize| word_at(prose, from, "by").and_then(|to| spaces_at(prose, to));
    let with_and = word_at(prose, after_verb, "and")
        .and_then(|to| spaces_at(prose, to))
        .and_then(word_chars)
        .and_then(|to| spaces_at(prose, to))
        .and_then(by_then_spaces);
    with_and.or_else(|| by_then_spaces(after_verb))
}

/// Where a run of characters kept by `keep` from `from` ends.
fn run_at(prose: &str, from: usize, keep: fn(char) -> bool) -> usize {
    from + prose[from..].chars().take_while(|&c| keep(c)).map(char::len_utf8).sum::<usize>()
}

/// Where `\s+` from `from` ends, if it matches.
fn spaces_at(prose: &str, from: usize) -> Option<usize> {
    Some(run_at(prose, from, char::is_whitespace)).filter(|&to| to > from)
}

/// Where `word` (lower-case ASCII) ends if `prose` holds it at `from`, ignoring ASCII case.
fn word_at(prose: &str, from: usize, word: &str) -> Option<usize> {
    strip_word_start(&prose[from..], word).map(|rest| prose.len() - rest.len())
}

/// ROLE's words as they open a match (`[Mm]usic ` is followed by its own words). An
/// occurrence inside another is after a word character, where no match starts.
const ROLE_LEADS: [&str; 16] = [
    "Music ",
    "music ",
    "Producer",
    "producer",
    "Composer",
    "composer",
    "Songwriter",
    "songwriter",
    "Writers",
    "writers",
    "band",
    "duo",
    "trio",
    "group",
    "outfit",
    "collective",
];

static ROLE_LEAD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(ROLE_LEADS).expect("static literals")
});

/// `ROLE.find_iter(prose)`'s ranges, read by hand: from a role word after no word character
/// (its plural "s" taken when there), `\s*,?\s+` ends after a comma's whitespace when a
/// comma follows the whitespace and whitespace the comma, else after the whitespace if any.
fn role_matches(prose: &str) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for m in ROLE_LEAD.find_iter(prose) {
        if !may_open_match(prose, &m, &found) {
            continue;
        }
        let lead = ROLE_LEADS[m.pattern().as_usize()];
        let mut at = m.end();
        if lead.ends_with(' ') {
            match ["supervisor", "producer"].iter().find(|w| prose[at..].starts_with(*w)) {
                Some(w) => at += w.len(),
                None => continue,
            }
        }
        let plural = matches!(lead, "Music " | "music " | "Producer" | "producer" | "Composer" | "composer")
            || lead.ends_with("ongwriter");
        if plural && prose[at..].starts_with('s') {
            at += 1;
        }
        let spaced = run_at(prose, at, char::is_whitespace);
        let after_comma = prose[spaced..].starts_with(',').then(|| spaces_at(prose, spaced + 1)).flatten();
        if let Some(end) = after_comma.or((spaced > at).then_some(spaced)) {
            found.push(m.start()..end);
        }
    }
    debug_assert_eq!(found, ROLE.find_iter(prose).map(|m| m.range()).collect::<Vec<_>>(), "{prose:?}");
    found
}

/// NOUN_BY's leads, ignoring ASCII case ("musica" and "musiche" open with "music"). An
/// occurrence inside another is after a word character, where no match starts.
const NOUN_LEADS: [&str; 12] =
    ["score", "soundtrack", "music", "musique", "musik", "album", "theme", "track", "song", "cues", "música", "mÚsica"];

/// Searched in a lower-cased copy of the text, as [`CUE_VERB_BY`] is.
static NOUN_LEAD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(NOUN_LEADS).expect("static literals")
});

/// `NOUN_BY.find_iter(prose)`'s ranges, read by hand as [`cue_by_matches`] reads CUE_BY's:
/// each part of the pattern needs a character the part before could not take, so there is
/// one way to try from each noun after no word character. A text with 'ſ' or the Kelvin
/// sign is left to the regex.
#[cfg(test)]
fn noun_by_matches(prose: &str) -> Vec<std::ops::Range<usize>> {
    cue_matches(prose).1
}

/// [`noun_by_matches`] from NOUN_LEAD's matches in the lower-cased copy of a text without
/// 'ſ' or the Kelvin sign.
fn noun_by_from_nouns(prose: &str, nouns: &[Match]) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for m in nouns {
        if !may_open_match(prose, m, &found) {
            continue;
        }
        if let Some(end) = noun_by_tail(prose, NOUN_LEADS[m.pattern().as_usize()], m.end()) {
            found.push(m.start()..end);
        }
    }
    debug_assert_eq!(found, NOUN_BY.find_iter(prose).map(|m| m.range()).collect::<Vec<_>>(), "{prose:?}");
    found
}

/// Where NOUN_BY's match ends when `lead` ends at `at`: the English form first, then the
/// foreign ones, in the pattern's order.
fn noun_by_tail(prose: &str, lead: &str, at: usize) -> Option<usize> {
    let then = |from: Option<usize>, word: &str| {
        from.and_then(|f| spaces_at(prose, f)).and_then(|f| word_at(prose, f, word)).and_then(|f| spaces_at(prose, f))
    };
    match lead {
        "musique" | "música" | "mÚsica" => then(Some(at), "de"),
        "musik" => then(Some(at), "von"),
        _ => {
            // `themes?`, `tracks?`, `songs?`: an "s" is taken when it is there.
            let plural = matches!(lead, "theme" | "track" | "song") && prose[at..].starts_with(['s', 'S']);
            let english = english_noun_by_tail(prose, at + usize::from(plural));
            english.or_else(|| {
                (lead == "music")
                    .then(|| then(word_at(prose, at, "he").or_else(|| word_at(prose, at, "a")), "di"))
                    .flatten()
            })
        }
    }
}

/// `\s+(?:(?:was|is|were|are)\s+)?(?:(?:all|mostly|largely|entirely)\s+)?(?:(?:composed\s+|written\s+|performed\s+|produced\s+)?by|from)\s+`
/// from `at`: each optional part is taken when it is there, as what follows it cannot
/// start with it.
fn english_noun_by_tail(prose: &str, at: usize) -> Option<usize> {
    let word_then_spaces = |from: usize, words: &[&str]| {
        words.iter().find_map(|w| word_at(prose, from, w)).and_then(|to| spaces_at(prose, to))
    };
    let from = spaces_at(prose, at)?;
    let from = word_then_spaces(from, &["was", "is", "were", "are"]).unwrap_or(from);
    let from = word_then_spaces(from, &["all", "mostly", "largely", "entirely"]).unwrap_or(from);
    let verb = word_then_spaces(from, &["composed", "written", "performed", "produced"]).unwrap_or(from);
    let end = word_at(prose, verb, "by").or_else(|| word_at(prose, from, "from"))?;
    spaces_at(prose, end)
}

/// The verbs of SUBJECT_VERB and the nouns of NAME_NOUN. "scored" and "co-wrote" come before
/// "score" and "wrote", so that leftmost-first reports them where both begin; a literal that
/// begins inside another is not after whitespace, so it could not start either match.
const VERBS_AND_NOUNS: [&str; 13] = [
    "composed",
    "scored",
    "co-wrote",
    "wrote",
    "penned",
    "created",
    "recorded",
    "crafted",
    "provided",
    "delivered",
    "contributed",
    "soundtrack",
    "score",
];
/// Index in [`VERBS_AND_NOUNS`] of the first noun.
const FIRST_NOUN: usize = 11;

/// One pass for all of [`VERBS_AND_NOUNS`] (a vectorised packed searcher, which needs
/// literals of a few bytes: the apostrophes are found apart).
static VERB_OR_NOUN: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(VERBS_AND_NOUNS).expect("static literals")
});

static CURLY_APOSTROPHE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("’"));

/// Which of POSSESSIVE, SUBJECT_VERB and NAME_NOUN may match a text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Open {
    possessive: bool,
    subject_verb: bool,
    name_noun: bool,
}

/// The patterns that open with a name list and may match `prose`. Each of the three is
/// searched over the whole blurb, and in most blurbs none matches, though their words
/// ("score", "recorded", "'s") are common. A match needs the end of a name list right before
/// its literal: a word with a capital from which on it holds only letters, dots and hyphens,
/// or a particle ("de"). Only that and the character after the literal are checked, so a text
/// refused here has no match.
fn open_patterns(prose: &str) -> Open {
    let bytes = prose.as_bytes();
    let mut open = Open::default();
    // `({NAME_LIST})['’]s?\s+`: the list ends at the apostrophe.
    let apostrophes = memchr::memchr_iter(b'\'', bytes).map(|at| (at, 1));
    let mut apostrophes = apostrophes.chain(CURLY_APOSTROPHE.find_iter(bytes).map(|at| (at, 3)));
    open.possessive = apostrophes.any(|(at, len)| {
        let after = &prose[at + len..];
        let rest = after.strip_prefix('s').unwrap_or(after);
        rest.starts_with(char::is_whitespace) && ends_name_list(last_word(&prose[..at]))
    });
    for m in VERB_OR_NOUN.find_iter(prose) {
        let (before, after) = (&prose[..m.start()], &prose[m.end()..]);
        if m.pattern().as_usize() >= FIRST_NOUN {
            // `({NAME_LIST})\s+(?:soundtrack|score)\b`: no word character may follow; one
            // outside ASCII is left to the regex.
            let word_follows = after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            open.name_noun |= !word_follows && word_before_space(before).is_some_and(ends_name_list);
        } else {
            // `({NAME_LIST})\s+(?:also\s+)?VERB\s+`.
            open.subject_verb |= after.starts_with(char::is_whitespace)
                && word_before_space(before).is_some_and(|word| {
                    ends_name_list(word)
                        || word == "also"
                            && word_before_space(&before[..before.trim_end().len() - word.len()])
                                .is_some_and(ends_name_list)
                });
        }
        if open.subject_verb && open.name_noun {
            break;
        }
    }
    open
}

/// What every match of CUE_BY or NOUN_BY holds, lower-cased: "by" or "from" as a word, or a
/// foreign "music" ("musique de"). "musi" stands for "musiche", "musica", "musique", "musik".
const CUE_ANCHORS: [&str; 5] = ["by", "from", "musi", "música", "mÚsica"];

/// One pass for all of [`CUE_ANCHORS`], over a lower-cased copy of the text.
static CUE_ANCHOR: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(CUE_ANCHORS).expect("static literals")
});

/// CUE_BY's verbs, and "performed" of its "written and performed".
const CUE_VERBS: [&str; 8] =
    ["composed", "scored", "produced", "overseen", "supervised", "arranged", "orchestrated", "performed"];
/// NOUN_BY's nouns.
const BY_NOUNS: [&str; 11] =
    ["score", "soundtrack", "music", "album", "theme", "themes", "track", "tracks", "song", "songs", "cues"];

/// Which of CUE_BY and NOUN_BY may match a text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Cued {
    cue_by: bool,
    noun_by: bool,
}

/// The patterns that open with a cue and may match `prose`: CUE_BY ("composed by") and
/// NOUN_BY ("score by", "musique de"). Their words are common ("score", "composed"), a match
/// much rarer. Every match holds the word "by" or "from" between whitespace, with its verb
/// (`VERB\s+(?:and\s+\w+\s+)?by`) one or three words before, or its noun
/// (`NOUN\s+(?:was\s+)?(?:all\s+)?(?:composed\s+)?by`) one to four words before; or a
/// foreign form. Only the word endings are checked, so a text refused here has no match, and
/// one pass for both replaces each `Re` search's own lower-casing and literal scan.
#[cfg(test)]
fn cued_patterns(prose: &str) -> Cued {
    // Ignoring case, "ſ" matches "s" and the Kelvin sign "k": lower-casing ASCII cannot see them.
    if crate::re::holds_ascii_folding_letter(prose) {
        return Cued { cue_by: true, noun_by: true };
    }
    crate::re::with_ascii_lowered(prose, |lowered| cued_in(prose, lowered).0)
}

/// Where the verbs and nouns of CUE_BY's and NOUN_BY's matches can be: the byte range from
/// the first word that may hold one to the last, `None` for a pattern that cannot match.
#[derive(Debug, Default)]
struct CueSpans {
    cue_by: Option<std::ops::Range<usize>>,
    noun_by: Option<std::ops::Range<usize>>,
}

/// `span` grown to hold `more`.
fn widen(span: &mut Option<std::ops::Range<usize>>, more: std::ops::Range<usize>) {
    *span = Some(span.take().map_or(more.clone(), |s| s.start.min(more.start)..s.end.max(more.end)));
}

/// [`cued_patterns`] of a text without 'ſ' or the Kelvin sign, given its lower-cased copy,
/// and where the verbs and nouns of the admitted patterns' matches can be. Every match ends
/// with an anchor looked at here: a verb's last letter ends the first or third word before
/// "by", and "written and " opens two words before that (so five words before "by" are
/// kept); a noun's ends one of the four words before "by" or three before "from"; a foreign
/// "musique" is the word the anchor opens. Spans hold whole whitespace-separated words, and
/// no verb or noun holds whitespace but "written and ", so a search within them finds the
/// same verbs and nouns there as one over the whole text.
fn cued_in(prose: &str, lowered: &[u8]) -> (Cued, CueSpans) {
    let mut cued = Cued::default();
    let mut spans = CueSpans::default();
    let offset = |word: &str| word.as_ptr() as usize - prose.as_ptr() as usize;
    let ends_with_any = |word: &str, endings: &[&str]| {
        let word = word.as_bytes();
        endings.iter().any(|e| word.len() >= e.len() && word[word.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes()))
    };
    for m in CUE_ANCHOR.find_iter(lowered) {
        let (before, after) = (&prose[..m.start()], &prose[m.end()..]);
        let anchor = CUE_ANCHORS[m.pattern().as_usize()];
        if anchor.starts_with('m') {
            // `\b(?:musiche|musica|musique|música|musik)\s+`: not after a word character.
            let word_before = before.as_bytes().last().is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
            let rest = if anchor == "musi" {
                ["che", "ca", "que", "k"].iter().find_map(|e| strip_word_start(after, e)).unwrap_or("x")
            } else {
                after
            };
            if !word_before && rest.starts_with(char::is_whitespace) {
                cued.noun_by = true;
                let start = before.rfind(char::is_whitespace).map_or(0, |at| at + space_len(&before[at..]));
                let end = after.find(char::is_whitespace).map_or(prose.len(), |at| m.end() + at);
                widen(&mut spans.noun_by, start..end);
            }
        } else if before.ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace) {
            let mut words = before.split_whitespace().rev();
            let back: [&str; 5] = std::array::from_fn(|_| words.next().unwrap_or(""));
            let [w1, w2, w3, w4, _] = back;
            let by = anchor == "by";
            // The start of the farthest of the `n` words before the anchor that the text has.
            let end = before.trim_end().len();
            let from = |n: usize| back[..n].iter().rev().find(|w| !w.is_empty()).map_or(end, |w| offset(w));
            if by && (ends_with_any(w1, &CUE_VERBS) || w2.eq_ignore_ascii_case("and") && ends_with_any(w3, &CUE_VERBS))
            {
                cued.cue_by = true;
                widen(&mut spans.cue_by, from(5)..end);
            }
            if [w1, w2, w3].iter().chain(by.then_some(&w4)).any(|w| ends_with_any(w, &BY_NOUNS)) {
                cued.noun_by = true;
                widen(&mut spans.noun_by, from(4)..end);
            }
        }
    }
    (cued, spans)
}

/// The length of the whitespace character that opens `text`.
fn space_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// CUE_BY's and NOUN_BY's matches in `prose`, as ranges. One lower-cased copy serves the
/// pre-check and the searches for the verbs and nouns of the patterns it admits.
#[cfg(test)]
fn cue_matches(prose: &str) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    cue_matches_in(prose, crate::re::holds_ascii_folding_letter(prose))
}

/// `cue_matches`, told whether `prose` may hold `ſ` or the Kelvin sign (see [`credits_in`]).
fn cue_matches_in(prose: &str, folding: bool) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    // Ignoring case, "ſ" matches "s" and the Kelvin sign "k": lower-casing ASCII cannot see them.
    if folding {
        let ranges = |re: &Re| re.find_iter(prose).map(|m| m.range()).collect();
        return (ranges(&CUE_BY), ranges(&NOUN_BY));
    }
    // Regex searches lower-case in the same per-thread buffer: they run after it is let go.
    let (cued, verbs, nouns) = crate::re::with_ascii_lowered(prose, |lowered| {
        let (cued, spans) = cued_in(prose, lowered);
        let within = |leads: &AhoCorasick, span: Option<std::ops::Range<usize>>| -> Vec<Match> {
            span.map_or_else(Vec::new, |span| leads.find_iter(aho_corasick::Input::new(lowered).span(span)).collect())
        };
        (cued, within(&CUE_VERB_BY, spans.cue_by), within(&NOUN_LEAD, spans.noun_by))
    });
    // The skipped searches would have found nothing: debug builds (the tests) check it.
    debug_assert!(cued.cue_by || !CUE_BY.is_match(prose), "CUE_BY matches {prose:?}");
    debug_assert!(cued.noun_by || !NOUN_BY.is_match(prose), "NOUN_BY matches {prose:?}");
    (cue_by_from_verbs(prose, &verbs), noun_by_from_nouns(prose, &nouns))
}

/// `text` after `word` (lower-case ASCII), if it opens with it in any case.
fn strip_word_start<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    starts_with_ignore_ascii_case(text.as_bytes(), word).then(|| &text[word.len()..])
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
    EARLIER.is_match(&before[start..])
}

static EARLIER: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:followed up|follow-up to|sequel to|successor to|predecessor|the original|remake of)\b")
        .expect("static regex")
});

fn discarded(before: &str) -> bool {
    let start = before.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let window = &before[start..];
    let clause = window.rsplit(['.', ';']).next().unwrap_or(window);
    // Most clauses hold none of its words: the regex, and its compilation, are then skipped.
    let may = may_be_discarded(clause);
    debug_assert!(may || !DISCARDED.is_match(clause), "DISCARDED matches {clause:?}");
    may && DISCARDED.is_match(clause)
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
    if known || people() && (MUSIC_VERB.is_match(after) || MAKING_VERB.is_match(after)) { list } else { Vec::new() }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    /// The ranges of `re`'s matches in `text`: what each hand reader must give.
    fn regex_ranges(re: &Re, text: &str) -> Vec<std::ops::Range<usize>> {
        re.find_iter(text).map(|m| m.range()).collect()
    }

    fn c(text: &str, title: &str) -> Vec<String> {
        credits(text, &title_key(title), &BUILT_IN)
    }

    #[test]
    fn cues() {
        assert_eq!(
            c("Most of it was composed by Kelly Bailey and Mike Morasky.", "Portal"),
            ["Kelly Bailey", "Mike Morasky"]
        );
        assert_eq!(c("Music supervisor Brian Reitzell leaned on shoegaze.", "Lost in Translation"), ["Brian Reitzell"]);
        assert_eq!(c("least of all its producer, T Bone Burnett, who assembled it", "O Brother"), ["T Bone Burnett"]);
        assert_eq!(
            c("The songs are performed by Harry Connick Jr. in style.", "When Harry Met Sally"),
            ["Harry Connick Jr"]
        );
        assert_eq!(
            c("(1966, Sergio Leone) – musiche di Ennio Morricone, RCA Italiana", "Il buono"),
            ["Ennio Morricone"]
        );
        assert_eq!(c("Un classique, musique de Vladimir Cosma.", "Diva"), ["Vladimir Cosma"]);
    }

    #[test]
    fn possessives() {
        assert_eq!(c("than Alan Silvestri's main theme, a fanfare.", "Back to the Future"), ["Alan Silvestri"]);
        assert_eq!(
            c("John Barry's score for George Lazenby's only outing", "On Her Majesty's Secret Service"),
            ["John Barry"]
        );
        assert!(c("Stephen Warbeck's score to \"Shakespeare In Love\" is better.", "Becoming Jane").is_empty());
        assert!(c("decided to scrap composer Giorgio Gaslini's score", "Profondo Rosso").is_empty());
        assert_eq!(
            c("Gabriel Yared and Stéphane Moucha's accompaniment to this film", "The Lives of Others"),
            ["Gabriel Yared", "Stéphane Moucha"]
        );
    }

    #[test]
    fn name_list_ends() {
        for word in ["Zimmer", "McCartney", "O'Brien", "Jr.", "Jean-Michel", "Jóhannsson", "(Vangelis", "de"] {
            assert!(ends_name_list(word), "{word}");
        }
        for word in ["the", "film,", "Vangelis)", "2049", "Ólafur", ""] {
            assert!(!ends_name_list(word), "{word}");
        }
    }

    #[test]
    fn patterns_open_only_after_a_name() {
        let open = |possessive, subject_verb, name_noun| Open { possessive, subject_verb, name_noun };
        assert_eq!(open_patterns("the score was recorded in a week, it's said"), open(false, false, false));
        assert_eq!(open_patterns("Hans Zimmer's themes"), open(true, false, false));
        assert_eq!(open_patterns("the Bee Gees’ songs"), open(true, false, false));
        assert_eq!(open_patterns("Mica Levi also scored it"), open(false, true, false));
        assert_eq!(open_patterns("Burwell co-wrote the music"), open(false, true, false));
        assert_eq!(open_patterns("the Vangelis score"), open(false, false, true));
        assert_eq!(open_patterns("Vangelis scores"), open(false, false, false));
        assert_eq!(open_patterns("Vangelis scored."), open(false, false, false));
        assert_eq!(open_patterns("Vangelis score, then Smith's cue"), open(true, false, true));
    }

    #[test]
    fn patterns_are_cued_only_where_they_can_match() {
        let cued = |cue_by, noun_by| Cued { cue_by, noun_by };
        assert_eq!(cued_patterns("the score is haunting; composed with care, by the way"), cued(false, false));
        assert_eq!(cued_patterns("The score was mostly written by"), cued(false, false), "no space after by");
        assert_eq!(cued_patterns("The score was mostly written by X"), cued(false, true));
        assert_eq!(cued_patterns("COMPOSED  BY Kelly Bailey"), cued(true, false));
        assert_eq!(cued_patterns("(arranged and later by him"), cued(true, false));
        assert_eq!(cued_patterns("arranged, then by him"), cued(false, false));
        assert_eq!(cued_patterns("SONGS FROM the film"), cued(false, true));
        assert_eq!(cued_patterns("Songs were all written from"), cued(false, false));
        assert_eq!(cued_patterns("Un classique, Musique de Cosma"), cued(false, true));
        assert_eq!(cued_patterns("musical de"), cued(false, false));
        assert_eq!(cued_patterns("MÚSICA de"), cued(false, true));
        assert_eq!(cued_patterns("ſcored by"), cued(true, true), "ſ folds to s");
    }

    proptest::proptest! {
        /// A pattern refused by `cued_patterns` has no match: the pre-check is exact.
        #[test]
        fn uncued_patterns_have_no_match(
            text in "(musique de |MUSIK von |musica di |score by |Composed by |songs are by |themes were all from |composed|Scored|written and|produced|performed|music|Musique|musik|score|Themes|songs|cues|MÚSICA|música|ſ|and|by|BY|from|was|all|de|von|x|é| |\t|,|\\.){0,12}"
        ) {
            let cued = cued_patterns(&text);
            proptest::prop_assert!(cued.cue_by || !CUE_BY.is_match(&text));
            proptest::prop_assert!(cued.noun_by || !NOUN_BY.is_match(&text));
        }
    }

    proptest::proptest! {
        /// CUE_BY's matches read by hand are the regex's, overlapping verbs, run-on words,
        /// Unicode spaces and word characters included.
        #[test]
        fn cue_by_matches_are_the_regex_matches(
            text in "(composed|Scored|PRODUCED|overseen|supervised|arranged|orchestrated|written and |Written  and |written and performed|WRITTEN AND PRODUCED|and|AND|by|By|bye|x|é|_|\u{300}|ſ|-| |  |\t|\u{a0}|\u{2003}){0,14}"
        ) {
            let expected = regex_ranges(&CUE_BY, &text);
            proptest::prop_assert_eq!(cue_by_matches(&text), expected);
        }
    }

    proptest::proptest! {
        /// NOUN_BY's matches read by hand are the regex's.
        #[test]
        fn noun_by_matches_are_the_regex_matches(
            text in "(score|Soundtrack|soundtracks|music|MUSIC|musica|musiche|musique|Musik|música|MÚSICA|musical|album|theme|Themes|tracks|song|SONGS|cues|was|is|IS|were|are|all|mostly|largely|entirely|composed|written|performed|produced|by|BY|bye|from|di|de|von|x|é|_|ſ|-| |  |\t|\u{a0}){0,14}"
        ) {
            let expected = regex_ranges(&NOUN_BY, &text);
            proptest::prop_assert_eq!(noun_by_matches(&text), expected);
        }
    }

    #[test]
    fn noun_by_matches_by_hand() {
        for text in [
            "The score was all composed by X",
            "songs are mostly from X",
            "Musique de Cosma",
            "musica  di Morricone",
            "MÚSICA de X",
            "soundtracks by X",
            "themes written by",
            "music is is by X",
        ] {
            let expected = regex_ranges(&NOUN_BY, text);
            assert_eq!(noun_by_matches(text), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        /// ROLE's matches read by hand are the regex's.
        #[test]
        fn role_matches_are_the_regex_matches(
            text in "(Music |music |MUSIC |supervisor|supervisors|producer|Producers|Composer|composers|Songwriters|songwriter|Writers|writers|writer|band|bands|duo|trio|group|outfit|collective|x|é|_|,|-| |  |\t|\u{a0}){0,14}"
        ) {
            let expected = regex_ranges(&ROLE, &text);
            proptest::prop_assert_eq!(role_matches(&text), expected);
        }
    }

    #[test]
    fn cue_by_matches_by_hand() {
        for text in [
            "Composed and conducted by X",
            "scored  by\u{a0}X",
            "written and produced by X",
            "decomposed by X",
            "arranged and by X",
            "composed by",
        ] {
            let expected = regex_ranges(&CUE_BY, text);
            assert_eq!(cue_by_matches(text), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        /// A clause refused by `may_be_discarded` has no DISCARDED match: the pre-check is exact.
        #[test]
        fn undiscarded_clauses_have_no_match(
            text in "(Scrapped|replaced|REJECT|fired|dropped|instead of|Instead  of|unused|originally hired|original hired|hired|ſcrap|x|é| |,){0,8}"
        ) {
            proptest::prop_assert!(may_be_discarded(&text) || !DISCARDED.is_match(&text));
        }
    }

    proptest::proptest! {
        /// A pattern refused by `open_patterns` has no match: the pre-check is exact.
        #[test]
        fn refused_patterns_have_no_match(
            text in "(Mica|Levi|de|la|also|and|&|the|it|Ó|é|x|-|\\.|,|'|’|s| |\t|\n|composed|scored|co-wrote|wrote|recorded|score|scores|soundtrack|music|songs|themes){0,14}"
        ) {
            let open = open_patterns(&text);
            proptest::prop_assert!(open.possessive || !POSSESSIVE.is_match(&text));
            proptest::prop_assert!(open.subject_verb || !SUBJECT_VERB.is_match(&text));
            proptest::prop_assert!(open.name_noun || !NAME_NOUN.is_match(&text));
        }
    }

    #[test]
    fn subjects() {
        assert_eq!(c("Mica Levi had never scored a film before.", "Under the Skin"), ["Mica Levi"]);
        assert_eq!(
            c(
                "George Martin, best known as the Beatles' producer, scored Roger Moore's debut with brass.",
                "Live and Let Die"
            ),
            ["George Martin"]
        );
        assert_eq!(
            c("Glen Hansard and Markéta Irglová wrote and performed almost every song here.", "Once"),
            ["Glen Hansard", "Markéta Irglová"]
        );
        // A known name before a quoted song is its performer, not necessarily the composer.
        assert!(c("Elton John's \"Your Song\" is covered.", "Moulin Rouge!").is_empty());
        assert_eq!(
            c("Paul Simon wrote the songs and Dave Grusin provided the incidental music.", "The Graduate"),
            ["Paul Simon", "Dave Grusin"]
        );
        assert!(c("Derek Jarman worked with many musicians and soundtracks.", "The Garden").is_empty());
        assert!(c("Edgar Wright built the film around the songs.", "Baby Driver").is_empty());
    }
}
