//! The hand readers of the cue patterns (CUE_BY, NOUN_BY, ROLE) and the pre-checks of the
//! patterns that open with a name list: each replaces a whole-blurb regex search, and each
//! is checked against its regex in debug builds.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Match, MatchKind};

use super::{CUE_BY, NOUN_BY, ROLE, ends_name_list, last_word, word_before_space};
use crate::normalize::text::starts_with_ignore_ascii_case;
use crate::re::Re;

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
pub(super) fn cue_by_matches(prose: &str) -> Vec<std::ops::Range<usize>> {
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

/// ROLE's leads lower-cased, searched in the lower-cased copy the cue searches share: 11
/// words instead of 16 (the vectorised search slows as words are added). The first
/// [`ROLE_CAPITALISED`] may open with a capital; the others only as they are spelled.
const ROLE_LEADS_LOWER: [&str; 11] =
    ["music ", "producer", "composer", "songwriter", "writers", "band", "duo", "trio", "group", "outfit", "collective"];
const ROLE_CAPITALISED: usize = 5;

static ROLE_LEAD_LOWER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(ROLE_LEADS_LOWER).expect("static literals")
});

/// `ROLE.find_iter(prose)`'s ranges, read by hand: from a role word after no word character
/// (its plural "s" taken when there), `\s*,?\s+` ends after a comma's whitespace when a
/// comma follows the whitespace and whitespace the comma, else after the whitespace if any.
pub(super) fn role_matches(prose: &str) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for m in ROLE_LEAD.find_iter(prose) {
        // Each capitalised lead is followed by its lower-case spelling.
        let i = m.pattern().as_usize();
        let lead = ROLE_LEADS_LOWER[if i < 2 * ROLE_CAPITALISED { i / 2 } else { i - ROLE_CAPITALISED }];
        debug_assert!(lead.eq_ignore_ascii_case(ROLE_LEADS[i]));
        role_match_at(prose, &m, lead, &mut found);
    }
    debug_assert_eq!(found, ROLE.find_iter(prose).map(|m| m.range()).collect::<Vec<_>>(), "{prose:?}");
    found
}

/// [`role_matches`] from ROLE_LEAD_LOWER's matches in the lower-cased copy of `prose` (any
/// text: ROLE heeds case itself). A match there is a lead of ROLE's when the text spells it
/// as the lead does, its first letter in either case for the capitalised leads: one
/// refused covers only places after one of its letters, where no match opens.
fn role_matches_lowered(prose: &str, leads: &[Match]) -> Vec<std::ops::Range<usize>> {
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for m in leads {
        let lead = ROLE_LEADS_LOWER[m.pattern().as_usize()];
        let spelled = &prose.as_bytes()[m.range()];
        let first_as_is = m.pattern().as_usize() >= ROLE_CAPITALISED;
        if spelled[1..] == lead.as_bytes()[1..] && (!first_as_is || spelled[0] == lead.as_bytes()[0]) {
            role_match_at(prose, m, lead, &mut found);
        }
    }
    debug_assert_eq!(found, ROLE.find_iter(prose).map(|m| m.range()).collect::<Vec<_>>(), "{prose:?}");
    found
}

/// Reads ROLE's match from the lead `lead` (lower-cased) found at `m`, if one opens there,
/// into `found`.
fn role_match_at(prose: &str, m: &Match, lead: &str, found: &mut Vec<std::ops::Range<usize>>) {
    if !may_open_match(prose, m, found) {
        return;
    }
    let mut at = m.end();
    if lead.ends_with(' ') {
        match ["supervisor", "producer"].iter().find(|w| prose[at..].starts_with(*w)) {
            Some(w) => at += w.len(),
            None => return,
        }
    }
    let plural = matches!(lead, "music " | "producer" | "composer" | "songwriter");
    if plural && prose[at..].starts_with('s') {
        at += 1;
    }
    let spaced = run_at(prose, at, char::is_whitespace);
    let after_comma = prose[spaced..].starts_with(',').then(|| spaces_at(prose, spaced + 1)).flatten();
    if let Some(end) = after_comma.or((spaced > at).then_some(spaced)) {
        found.push(m.start()..end);
    }
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
pub(super) fn noun_by_matches(prose: &str) -> Vec<std::ops::Range<usize>> {
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

/// Which of POSSESSIVE, SUBJECT_VERB and NAME_NOUN may match a text; for POSSESSIVE, the
/// stretch of the text that holds all its matches.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Open {
    pub(super) possessive: Option<Range<usize>>,
    pub(super) subject_verb: bool,
    pub(super) name_noun: bool,
}

/// The patterns that open with a name list and may match `prose`. Each of the three is
/// searched over the whole blurb, and in most blurbs none matches, though their words
/// ("score", "recorded", "'s") are common. A match needs the end of a name list right before
/// its literal: a word with a capital from which on it holds only letters, dots and hyphens,
/// or a particle ("de"). Only that and the character after the literal are checked, so a text
/// refused here has no match.
pub(super) fn open_patterns(prose: &str) -> Open {
    let mut open = Open { possessive: possessive_window(prose), ..Open::default() };
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

/// The stretch of `prose` that holds every POSSESSIVE match, `None` when there is none.
/// Each match has an apostrophe that a name list ends right before and `s?\s+` follows. Its
/// name list holds only letters, whitespace, '.', '-' and '&', so no match starts before the
/// last other character ahead of the first such apostrophe; what follows its apostrophe
/// holds only letters, whitespace, '-', '*' and ',', so no match ends after the first other
/// character behind the last one. That character is kept, so `\b` sees what it saw. Real
/// blurbs are long and their apostrophes few ("it’s" is refused): the regex, which falls
/// back to the backtracker when accented letters meet its Unicode `\b`, then reads a clause.
fn possessive_window(prose: &str) -> Option<Range<usize>> {
    let bytes = prose.as_bytes();
    // `({NAME_LIST})['’]s?\s+`: the list ends at the apostrophe. Both are found in one pass,
    // "'" and the lead byte of "’" (E2 80 99); the window does not depend on their order.
    let apostrophes = memchr::memchr2_iter(b'\'', 0xE2, bytes).filter_map(|at| match bytes[at] {
        b'\'' => Some((at, 1)),
        _ => bytes[at..].starts_with("’".as_bytes()).then_some((at, 3)),
    });
    let mut opening = apostrophes.filter(|&(at, len)| {
        let after = &prose[at + len..];
        let rest = after.strip_prefix('s').unwrap_or(after);
        rest.starts_with(char::is_whitespace) && ends_name_list(last_word(&prose[..at]))
    });
    let first = opening.next()?;
    let (first, last) = opening.fold((first, first), |(lo, hi), a| (lo.min(a), hi.max(a)));
    // Alphabetic characters include all letters (`\p{L}`); `\s` is Unicode White_Space.
    let in_list = |c: char| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '-' | '&');
    let start = prose[..first.0].char_indices().rev().find(|&(_, c)| !in_list(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let in_tail = |c: char| c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '*' | ',');
    let tail_at = last.0 + last.1;
    let end = prose[tail_at..]
        .char_indices()
        .find(|&(_, c)| !in_tail(c))
        .map_or(prose.len(), |(i, c)| tail_at + i + c.len_utf8());
    Some(start..end)
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

/// The last letters of `words` (lower-case ASCII), one bit each from "a".
const fn last_letters(words: &[&str]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_bytes();
        let last = word[word.len() - 1];
        assert!(last.is_ascii_lowercase());
        bits |= 1 << (last - b'a');
        i += 1;
    }
    bits
}
const CUE_VERB_LAST_LETTERS: u32 = last_letters(&CUE_VERBS);
const BY_NOUN_LAST_LETTERS: u32 = last_letters(&BY_NOUNS);

/// Which of CUE_BY and NOUN_BY may match a text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cued {
    pub(super) cue_by: bool,
    pub(super) noun_by: bool,
}

/// The patterns that open with a cue and may match `prose`: CUE_BY ("composed by") and
/// NOUN_BY ("score by", "musique de"). Their words are common ("score", "composed"), a match
/// much rarer. Every match holds the word "by" or "from" between whitespace, with its verb
/// (`VERB\s+(?:and\s+\w+\s+)?by`) one or three words before, or its noun
/// (`NOUN\s+(?:was\s+)?(?:all\s+)?(?:composed\s+)?by`) one to four words before; or a
/// foreign form. Only the word endings are checked, so a text refused here has no match, and
/// one pass for both replaces each `Re` search's own lower-casing and literal scan.
#[cfg(test)]
pub(super) fn cued_patterns(prose: &str) -> Cued {
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
    let compared = |word: &[u8], last: u8, endings: &[&str]| {
        endings.iter().any(|e| {
            e.as_bytes().last() == Some(&last)
                && word.len() >= e.len()
                && word[word.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
    };
    // The last byte first: most words end in a letter none of the endings ends in, told by
    // one bit of `last_letters` rather than by comparing with each ending.
    let ends_with_any = |word: &str, endings: &[&str], last_letters: u32| {
        let word = word.as_bytes();
        let Some(last) = word.last().map(u8::to_ascii_lowercase) else { return false };
        if !(last.is_ascii_lowercase() && last_letters >> (last - b'a') & 1 == 1) {
            debug_assert!(!compared(word, last, endings), "{:?}", String::from_utf8_lossy(word));
            return false;
        }
        compared(word, last, endings)
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
            let back = last_words(before);
            let [w1, w2, w3, w4, _] = back;
            let by = anchor == "by";
            // The start of the farthest of the `n` words before the anchor that the text has.
            let end = before.trim_end().len();
            let from = |n: usize| back[..n].iter().rev().find(|w| !w.is_empty()).map_or(end, |w| offset(w));
            let verb = |w: &str| ends_with_any(w, &CUE_VERBS, CUE_VERB_LAST_LETTERS);
            if by && (verb(w1) || w2.eq_ignore_ascii_case("and") && verb(w3)) {
                cued.cue_by = true;
                widen(&mut spans.cue_by, from(5)..end);
            }
            if [w1, w2, w3].iter().chain(by.then_some(&w4)).any(|w| ends_with_any(w, &BY_NOUNS, BY_NOUN_LAST_LETTERS)) {
                cued.noun_by = true;
                widen(&mut spans.noun_by, from(4)..end);
            }
        }
    }
    (cued, spans)
}

/// The last five whitespace-separated words of `before`, the last first, "" past its start:
/// what `before.split_whitespace().rev()` gives. Split by hand at the ASCII whitespace bytes
/// while every byte read is ASCII (the words before a cue mostly are); at the first other
/// byte, by the split.
pub(super) fn last_words(before: &str) -> [&str; 5] {
    let by_split = || {
        let mut words = before.split_whitespace().rev();
        std::array::from_fn(|_| words.next().unwrap_or(""))
    };
    // `char::is_whitespace` on ASCII: the vertical tab and form feed too.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let bytes = before.as_bytes();
    let mut words = [""; 5];
    let mut end = bytes.len();
    for word in &mut words {
        while end > 0 && space(bytes[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !space(bytes[start - 1]) {
            if !bytes[start - 1].is_ascii() {
                return by_split();
            }
            start -= 1;
        }
        *word = &before[start..end];
        end = start;
    }
    debug_assert_eq!(words, by_split(), "{before:?}");
    words
}

/// The length of the whitespace character that opens `text`.
fn space_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// CUE_BY's and NOUN_BY's matches in `prose`, as ranges. One lower-cased copy serves the
/// pre-check and the searches for the verbs and nouns of the patterns it admits.
#[cfg(test)]
fn cue_matches(prose: &str) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    let m = cue_matches_in(prose, crate::re::holds_ascii_folding_letter(prose));
    (m.cue_by, m.noun_by)
}

/// The matches of the three cue patterns in a blurb, as ranges.
pub(super) struct CueMatches {
    pub(super) cue_by: Vec<Range<usize>>,
    pub(super) noun_by: Vec<Range<usize>>,
    pub(super) role: Vec<Range<usize>>,
}

/// `cue_matches`, told whether `prose` may hold `ſ` or the Kelvin sign (see [`credits_in`]),
/// and ROLE's matches, whose leads are found in the same lower-cased copy.
pub(super) fn cue_matches_in(prose: &str, folding: bool) -> CueMatches {
    // Ignoring case, "ſ" matches "s" and the Kelvin sign "k": lower-casing ASCII cannot see them.
    if folding {
        let ranges = |re: &Re| re.find_iter(prose).map(|m| m.range()).collect();
        return CueMatches { cue_by: ranges(&CUE_BY), noun_by: ranges(&NOUN_BY), role: role_matches(prose) };
    }
    // Regex searches lower-case in the same per-thread buffer: they run after it is let go.
    let (cued, verbs, nouns, roles) = crate::re::with_ascii_lowered(prose, |lowered| {
        let (cued, spans) = cued_in(prose, lowered);
        let within = |leads: &AhoCorasick, span: Option<std::ops::Range<usize>>| -> Vec<Match> {
            span.map_or_else(Vec::new, |span| leads.find_iter(aho_corasick::Input::new(lowered).span(span)).collect())
        };
        let roles: Vec<Match> = ROLE_LEAD_LOWER.find_iter(lowered).collect();
        (cued, within(&CUE_VERB_BY, spans.cue_by), within(&NOUN_LEAD, spans.noun_by), roles)
    });
    // The skipped searches would have found nothing: debug builds (the tests) check it.
    debug_assert!(cued.cue_by || !CUE_BY.is_match(prose), "CUE_BY matches {prose:?}");
    debug_assert!(cued.noun_by || !NOUN_BY.is_match(prose), "NOUN_BY matches {prose:?}");
    CueMatches {
        cue_by: cue_by_from_verbs(prose, &verbs),
        noun_by: noun_by_from_nouns(prose, &nouns),
        role: role_matches_lowered(prose, &roles),
    }
}

/// `text` after `word` (lower-case ASCII), if it opens with it in any case.
fn strip_word_start<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    starts_with_ignore_ascii_case(text.as_bytes(), word).then(|| &text[word.len()..])
}
