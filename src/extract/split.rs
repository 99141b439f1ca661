//! Low-level cutting of header text: separators outside brackets and quotes, bracket groups,
//! where a header ends and its blurb begins, and "Various Artists" glued to image alt text.

use std::sync::LazyLock;

use crate::re::Re;

use super::header::Sep;
use super::vocab::Vocabulary;
use super::word_set::WordSet;

mod separators;

/// One separator found in a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SepMatch {
    pub sep: Sep,
    pub start: usize,
    pub end: usize,
}

static SEPARATOR: LazyLock<Re> = LazyLock::new(|| {
    Re::new(
        r"\s*~\s*|\s+[–—]\s*|[–—]\s+|\s+-{1,2}\s+|\s+\|\s+|:\s+|,?\s+(?:composed|scored|written|performed)?\s*by\s+|,\s+",
    )
    .expect("static regex")
});

fn sep_of(matched: &str) -> Sep {
    let t = matched.trim();
    if t.ends_with("by") {
        return Sep::By;
    }
    match t.chars().next() {
        Some('~') => Sep::Tilde,
        Some('–' | '—' | '-') => Sep::Dash,
        Some('|') => Sep::Pipe,
        Some(':') => Sep::Colon,
        Some(',') => Sep::Comma,
        _ => Sep::By,
    }
}

fn priority(sep: Sep) -> u8 {
    match sep {
        Sep::Tilde => 0,
        Sep::Dash => 1,
        Sep::Pipe => 2,
        Sep::By => 3,
        Sep::Colon => 4,
        Sep::Comma => 5,
        Sep::None => 6,
    }
}

/// The bytes on which [`Protection`]'s walk may change state: brackets, the ASCII double
/// quote and the lead byte of the curly ones.
static CHANGES_PROTECTION: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = [b'(', b'[', b')', b']', b'"', 0xE2];
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Whether bytes of a text are inside brackets or double quotes, asked at rising offsets:
/// the text is walked only as far as the furthest byte asked about.
struct Protection<'t> {
    bytes: &'t [u8],
    /// Bytes walked so far.
    walked: usize,
    depth: i32,
    quoted: bool,
}

impl<'t> Protection<'t> {
    fn new(text: &'t str) -> Self {
        Protection { bytes: text.as_bytes(), walked: 0, depth: 0, quoted: false }
    }

    /// Whether byte `i` is protected; `i` must not be below an earlier question's. Past the
    /// end, the state at the end.
    fn at(&mut self, i: usize) -> bool {
        // Byte by byte: every character that changes the state is ASCII or a curly double
        // quote (E2 80 9C / E2 80 9D), and no continuation byte is one of them, so each byte
        // of a character gets the state after that character, as a character walk would.
        debug_assert!(self.walked <= i + 1 || i >= self.bytes.len(), "asked about {i} after {}", self.walked);
        let bytes = self.bytes;
        let end = i.saturating_add(1).min(bytes.len());
        while self.walked < end {
            // Most bytes change nothing: they are skipped by a table lookup each, and only the
            // others go through the match (which cost about twice as much a byte).
            self.walked += bytes[self.walked..end]
                .iter()
                .position(|&b| CHANGES_PROTECTION[usize::from(b)])
                .unwrap_or(end - self.walked);
            if self.walked == end {
                break;
            }
            let at = self.walked;
            match bytes[at] {
                b'(' | b'[' => self.depth += 1,
                b')' | b']' => self.depth = (self.depth - 1).max(0),
                b'"' => self.quoted = !self.quoted,
                0xE2 if bytes.get(at + 1) == Some(&0x80) => match bytes.get(at + 2) {
                    Some(0x9C) => self.quoted = true,
                    Some(0x9D) => self.quoted = false,
                    _ => {}
                },
                _ => {}
            }
            self.walked += 1;
        }
        self.depth > 0 || self.quoted
    }
}

/// Separators outside brackets and quotes, best first: by kind (tilde, dash, pipe, "by",
/// colon, comma), then by position.
pub fn find_separators(text: &str) -> Vec<SepMatch> {
    // The pattern may start at any space, so its search read every byte of each head: the
    // walk looks only near the characters every match holds. Debug builds compare the two.
    debug_assert_eq!(
        separators::separator_matches(text).collect::<Vec<_>>(),
        SEPARATOR.find_iter(text).map(|m| (m.start(), m.end())).collect::<Vec<_>>(),
        "{text:?}"
    );
    let mut protection = Protection::new(text);
    let mut found: Vec<SepMatch> = separators::separator_matches(text)
        .filter(|&(start, end)| !protection.at(start) && start > 0 && end < text.len())
        .map(|(start, end)| SepMatch { sep: sep_of(&text[start..end]), start, end })
        .collect();
    found.sort_by_key(|m| (priority(m.sep), m.start));
    found
}

/// [`find_separators`] of `prefix`, the text `head` opens with before its first bracket group
/// (spaces between them aside), read from `head_seps`, those of `head`: the ones that end
/// within the prefix. The pattern has no anchor or look-around, so its matches in a prefix
/// are its matches in the whole text as long as none of these runs past the prefix's end;
/// one that did would hold the prefix's last character and a space after it, and every
/// match's character before a space is '~', a dash, '|', ':', ',' or the 'y' of "by". With
/// another last character (most titles) no match runs past or ends at the prefix's end, so
/// none is dropped there either. `None` otherwise: the caller searches the prefix.
pub fn separators_before_group(head: &str, head_seps: &[SepMatch], prefix: &str) -> Option<Vec<SepMatch>> {
    let end = prefix.len();
    let last = prefix.chars().next_back()?;
    if !head.starts_with(prefix)
        || !head[end..].trim_start().starts_with(['(', '['])
        || last.is_whitespace()
        || matches!(last, '~' | '–' | '—' | '-' | '|' | ':' | ',' | 'y')
    {
        return None;
    }
    let seps: Vec<SepMatch> = head_seps.iter().filter(|s| s.end <= end).copied().collect();
    debug_assert_eq!(seps, find_separators(prefix), "{head:?}");
    Some(seps)
}

/// A header cut at its bracket groups.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    /// Inside of a group; `true` for square brackets.
    Group(String, bool),
}

/// Splits `text` into plain text and top-level bracket groups (quotes protect brackets).
pub fn bracket_pieces(text: &str) -> Vec<Piece> {
    // A walk over bytes, cutting slices: every character that changes the state is ASCII or a
    // curly double quote (E2 80 9C / E2 80 9D), and no continuation byte is one of them, so
    // the walk sees what a walk over characters sees, and every cut falls on an ASCII byte.
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut square = false;
    let mut quoted = false;
    // Where the plain text since the last group began, and where the open group's inside begins.
    let mut text_start = 0;
    let mut group_start = 0;
    // Only the bytes that may change the state stop the walk (a table lookup each).
    let mut i = 0;
    while let Some(skip) = bytes[i..].iter().position(|&b| CHANGES_PROTECTION[usize::from(b)]) {
        i += skip;
        let b = bytes[i];
        match b {
            b'"' if depth == 0 => quoted = !quoted,
            0xE2 if depth == 0 && bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) => quoted = true,
                Some(0x9D) => quoted = false,
                _ => {}
            },
            b'(' | b'[' if !quoted => {
                if depth == 0 {
                    square = b == b'[';
                    if i > text_start {
                        pieces.push(Piece::Text(text[text_start..i].to_string()));
                    }
                    group_start = i + 1;
                }
                depth += 1;
            }
            b')' | b']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner = &text[group_start..i];
                    // "Like (31)", "[3]": counts and footnote marks are not groups.
                    let count = inner.len() < 4 && !inner.is_empty() && inner.bytes().all(|c| c.is_ascii_digit());
                    if !count {
                        pieces.push(Piece::Group(inner.to_string(), square));
                    }
                    text_start = i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    // An unclosed bracket at the end is a cut-off page: the group is lost, the text kept.
    if depth == 0 && text_start < bytes.len() {
        pieces.push(Piece::Text(text[text_start..].to_string()));
    }
    pieces
}

static CREDIT_START: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?i:(?:music|score|original score|soundtrack|songs)\s+by|composed by|scored by|by)\s+[A-Z]")
        .expect("static regex")
});
static YEAR_THEN_BODY: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"\s*[–—-]\s*(?:1[89]\d\d|20\d\d)\s*(?:[,!.]|[–—-])\s+", &["18", "19", "20"]).expect("static regex")
});
static SENTENCE_END: LazyLock<Re> = LazyLock::new(|| Re::new(r#"[.!?]["”’]?\s+["“‘]?[A-Z0-9]"#).expect("static regex"));
static AFTER_BRACKET: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^\s*(?:[.:!]\s+|[–—-]\s+|,\s+[a-z])").expect("static regex"));

/// Words whose trailing dot does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    initials_or_dotted(w)
        || matches!(
            w.trim_end_matches('.'),
            "Vol"
                | "vol"
                | "No"
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Jr"
                | "Sr"
                | "Bros"
                | "vs"
                | "feat"
                | "Pt"
                | "Inc"
                | "Ltd"
                | "Co"
                | "Op"
                | "ft"
                | "Mt"
        )
}

/// At most two letters besides dots, all capitals ("U.S", "J."), or a dot inside the word
/// ("e.g."). The letters are read only as far as a third one.
fn initials_or_dotted(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| *c != '.');
    letters.by_ref().take(2).all(char::is_uppercase) && letters.next().is_none()
        || w.contains('.') && w.trim_end_matches('.').contains('.')
}

/// Splits a block into its header and the blurb that follows in the same block:
/// `Maker ~ Title (Label, 1994). Blurb…`, `TITLE – Score (Label): Blurb…`,
/// `Title – 1993, blurb…`, `Title (Descriptor) – blurb…`. A short block is all header.
/// Both parts are slices of `text`: a paragraph refused as a header is not copied.
pub fn split_header_rest<'t>(text: &'t str, vocab: &Vocabulary) -> (&'t str, &'t str) {
    let _ = vocab;
    let mut cut: Option<(usize, usize)> = None;
    let consider = |cut: &mut Option<(usize, usize)>, head_end: usize, rest_start: usize| {
        if cut.is_none_or(|(h, _)| head_end < h) {
            *cut = Some((head_end, rest_start));
        }
    };
    let mut protection = Protection::new(text);
    for i in memchr::memchr2_iter(b')', b']', text.as_bytes()) {
        // Past the end counts as open ground.
        if i + 1 >= text.len() || !protection.at(i + 1) {
            let after = &text[i + 1..];
            if let Some(m) = AFTER_BRACKET.find(after) {
                let rest = &after[m.end()..];
                let dash = m.as_str().trim_start().starts_with(['–', '—', '-']);
                let rest_words = rest.split(['.', '!', '?']).next().unwrap_or("").split_whitespace().count();
                // "(PS1, 1995) — music by Tim Wright" keeps its credit in the header.
                let clause = rest.split(". ").next().unwrap_or(rest);
                // More slots follow ("— Kyle Dixon — Format: 2LP — Label: X"): a product line.
                let slots = clause.contains(" — ") || clause.contains(" – ") || clause.contains(" | ");
                let credit = CREDIT_START.is_match(rest) || slots;
                if !credit && (!dash || rest_words > 8 || rest.starts_with(char::is_lowercase)) {
                    let rest_start =
                        if m.as_str().trim_start().starts_with(',') { i + 1 + m.end() - 1 } else { i + 1 + m.end() };
                    consider(&mut cut, i + 1, rest_start);
                }
                break;
            }
        }
    }
    let sentence = sentence_cut(text);
    // A dated cut ends past the year after its dash, and wins only by ending before the
    // bracket cut and no later than the sentence cut (considered after it). Without a dash
    // followed by a year's first digit before that bound (or anywhere, without one) it cannot
    // win: no need to search a blurb for one.
    let bound = [cut.map(|(h, _)| h), sentence.map(|(h, _)| h + 1)].into_iter().flatten().min();
    let dashed = dash_then_year(text.as_bytes(), bound.map_or(text.len(), |b| b.min(text.len())));
    if (dashed || cfg!(debug_assertions))
        && let Some(m) = YEAR_THEN_BODY.find(text)
    {
        let head_end = text[..m.end()].trim_end().trim_end_matches([',', '!', '.', '–', '—', '-']).trim_end().len();
        debug_assert!(dashed || bound.is_some_and(|b| head_end >= b), "a dated cut skipped: {text:?}");
        consider(&mut cut, head_end, m.end());
    }
    if let Some((head_end, rest_start)) = sentence {
        consider(&mut cut, head_end, rest_start);
    }
    match cut {
        Some((h, r)) if text.split_whitespace().nth(3).is_some() => {
            let head = text[..h].trim().trim_end_matches(['.', '!']).trim();
            (head, text[r..].trim())
        }
        _ => (text.trim(), ""),
    }
}

/// Whether a dash that [`YEAR_THEN_BODY`] could open with starts before `end`: '-', '–' or
/// '—' followed, past ASCII spaces, by a year's first digit or a non-ASCII byte (which may be
/// a Unicode space). "well-known" and curly quotes are not.
fn dash_then_year(text: &[u8], end: usize) -> bool {
    memchr::memchr2_iter(b'-', 0xE2, &text[..end]).any(|i| {
        let after = if text[i] == b'-' {
            i + 1
        } else if text.get(i + 1) == Some(&0x80) && matches!(text.get(i + 2), Some(0x93 | 0x94)) {
            i + 3
        } else {
            return false;
        };
        let next = text[after..].iter().find(|b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
        next.is_some_and(|&b| matches!(b, b'1' | b'2') || !b.is_ascii())
    })
}

/// Where the first sentence of `text` ends outside brackets and quotes, and where the next
/// begins ([`split_header_rest`]).
fn sentence_cut(text: &str) -> Option<(usize, usize)> {
    debug_assert_eq!(
        sentence_ends(text).collect::<Vec<_>>(),
        SENTENCE_END.find_iter(text).map(|m| (m.start(), m.end())).collect::<Vec<_>>(),
        "{text:?}"
    );
    let mut protection = Protection::new(text);
    for (start, end) in sentence_ends(text) {
        if protection.at(start) {
            continue;
        }
        let before = &text[..start + 1];
        // From the end: `last` would walk every word before it.
        let last_word = before.split_whitespace().next_back().unwrap_or("");
        if text.as_bytes()[start] == b'.' && is_abbreviation(last_word) {
            continue;
        }
        let head_end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        let rest_start = end - text[..end].chars().last().map_or(1, char::len_utf8);
        return Some((head_end, rest_start));
    }
    None
}

/// The matches of [`SENTENCE_END`] (`[.!?]["”’]?\s+["“‘]?[A-Z0-9]`) as `find_iter` finds
/// them, read by hand: each opens at a '.', '!' or '?' (found by memchr3) and is read forward.
/// No match holds another such mark, so none overlaps the next, and they come in text order.
/// A blurb's sentences end every few dozen bytes; the regex was searched for each.
fn sentence_ends(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).filter_map(|at| Some((at, sentence_end_at(text, at)?)))
}

/// Where a [`SENTENCE_END`] match opening at byte `at` (a '.', '!' or '?') ends, if one does.
/// Its optional quotes are no spaces and no capitals, so reading each greedily, as here,
/// finds what the regex's backtracking finds (its `\s` is Unicode's White_Space, as
/// `char::is_whitespace` is).
fn sentence_end_at(text: &str, at: usize) -> Option<usize> {
    let after = &text[at + 1..];
    let after = after.strip_prefix(['"', '”', '’']).unwrap_or(after);
    let spaced = after.trim_start_matches(char::is_whitespace);
    if spaced.len() == after.len() {
        return None;
    }
    let opened = spaced.strip_prefix(['"', '“', '‘']).unwrap_or(spaced);
    let first = *opened.as_bytes().first()?;
    (first.is_ascii_uppercase() || first.is_ascii_digit()).then(|| text.len() - opened.len() + 1)
}

static GLUED_VARIOUS: LazyLock<Re> = LazyLock::new(|| Re::new(r"(?i)\w*various\s+artists\w*").expect("static regex"));

/// Whether `credit` holds "variou" in any ASCII case, as every match of [`GLUED_VARIOUS`]
/// does: none of those letters has a non-ASCII case partner (only the "s" after them has,
/// "ſ"). Most credits and titles have no "v" at all; a byte search rules the regex out.
pub(crate) fn may_hold_various(credit: &str) -> bool {
    let bytes = credit.as_bytes();
    memchr::memchr2_iter(b'v', b'V', bytes)
        .any(|at| bytes.get(at + 1..at + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"ariou")))
}

/// Removes "Various Artists" (with alt text glued to it, "ControlVarious Artists",
/// "Various Artistskids") from a credit; says whether it was there.
pub fn strip_glued_various(credit: &str) -> (String, bool) {
    let possible = may_hold_various(credit);
    debug_assert!(possible || !GLUED_VARIOUS.is_match(credit), "{credit:?}");
    if !possible || !GLUED_VARIOUS.is_match(credit) {
        return (credit.trim().to_string(), false);
    }
    // Alt text glued in front ("ControlVarious Artists") takes the whole slot before it.
    let m = GLUED_VARIOUS.find(credit).expect("matched above");
    let glued_prefix = !m.as_str().to_lowercase().starts_with("various");
    let cleaned = if glued_prefix {
        credit[m.end()..].to_string()
    } else {
        format!("{}{}", &credit[..m.start()], &credit[m.end()..])
    };
    let cleaned = cleaned
        .trim()
        .trim_end_matches(|c: char| c == '&' || c == ',' || c == '/' || c.is_whitespace())
        .trim_end_matches(" and")
        .trim_start_matches(|c: char| c == '&' || c == ',' || c == '/' || c.is_whitespace())
        .trim()
        .to_string();
    (cleaned, true)
}

/// Splits a line that holds several entries: `A: T // B: T`, or
/// `Title – Maker/ Title – Maker` (two title–maker pairs on one line).
/// The entries are slices of `text`, so a paragraph is not copied.
pub fn split_multi(text: &str) -> Vec<&str> {
    let slashed = has_spaced_double_slash(text.as_bytes());
    debug_assert_eq!(slashed, text.contains(" // "), "{text:?}");
    if slashed {
        return text.split(" // ").map(str::trim).filter(|s| !s.is_empty()).collect();
    }
    // Each dash separator holds an en or em dash, or a hyphen after a space: most paragraphs
    // have fewer than two, and need no search for separators.
    if dash_marks(text).take(2).count() < 2 {
        return vec![text];
    }
    split_at_dashes(text)
}

/// Whether `text` holds " // ". A byte search for slashes, which prose seldom has: a
/// substring search was set up for every paragraph.
fn has_spaced_double_slash(text: &[u8]) -> bool {
    memchr::memchr_iter(b'/', text).any(|at| at > 0 && text[at - 1] == b' ' && text.get(at + 1..at + 3) == Some(b"/ "))
}

/// Where `text` has an en or em dash, or a hyphen after whitespace. A byte search: an en or
/// em dash is E2 80 93 / E2 80 94, and no continuation byte is `-` or E2.
fn dash_marks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, bytes).filter(move |&at| {
        if bytes[at] == b'-' {
            text[..at].chars().next_back().is_some_and(char::is_whitespace)
        } else {
            bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x93 | 0x94))
        }
    })
}

/// [`split_multi`] after its `" // "` check, without its shortcut.
fn split_at_dashes(text: &str) -> Vec<&str> {
    let dashes: Vec<SepMatch> = find_separators(text).into_iter().filter(|s| s.sep == Sep::Dash).collect();
    if dashes.len() < 2 {
        return vec![text];
    }
    // T1 – N1/ T2 – N2: the middle slot holds N1 and T2, split at a slash followed by a space.
    let mut out = Vec::new();
    let mut start = 0;
    for pair in dashes.windows(2) {
        let middle = &text[pair[0].end..pair[1].start];
        let Some(slash) = middle.find("/ ") else {
            return vec![text];
        };
        let split_at = pair[0].end + slash;
        out.push(text[start..split_at].trim());
        start = split_at + 1;
    }
    out.push(text[start..].trim());
    out
}

/// "Film: Interstellar", "Game: Celeste": a key naming the kind of work, then the title; and
/// "Runner-up: Magnolia", whose label says how the entry placed. The text after the key.
pub(super) fn without_work_key(text: &str) -> &str {
    static WORK_KEY: LazyLock<Re> = LazyLock::new(|| {
        Re::new(
            r"^(?i:film|movie|game|video game|series|tv series|tv show|show|anime|album|soundtrack|title|titel|runners?[- ]up|honou?rable mention|also[- ]ran|special mention)\s*:\s+",
        )
        .expect("static regex")
    });
    // Each key opens with one of these words, followed by a space, a hyphen or a colon: when
    // the text's opening run of ASCII letters is followed by an ASCII byte (or nothing), it
    // must be one of them. A non-ASCII byte after it (ſ, the Kelvin sign, a Unicode letter or
    // space) is left to the regex. Every unit tried as a header is asked; most open with a
    // title.
    static KEY_WORDS: WordSet<18> = WordSet::new(&[
        b"film",
        b"movie",
        b"game",
        b"video",
        b"series",
        b"tv",
        b"show",
        b"anime",
        b"album",
        b"soundtrack",
        b"title",
        b"titel",
        b"runner",
        b"runners",
        b"honourable",
        b"honorable",
        b"also",
        b"special",
    ]);
    if KEY_WORDS.refuses_opening(text) {
        debug_assert!(WORK_KEY.find(text).is_none(), "{text:?}");
        return text;
    }
    WORK_KEY.find(text).map_or(text, |m| &text[m.end()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    #[test]
    fn work_keys_are_taken_off() {
        for (text, rest) in [
            ("Runners-up: Jaws", "Jaws"),
            ("ſeries: Dark", "Dark"),
            ("Video game:  Celeste", "Celeste"),
            ("TV Show :\u{a0}Lost", "Lost"),
            ("Filmmaker: Varda", "Filmmaker: Varda"),
        ] {
            assert_eq!(without_work_key(text), rest, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The key-word check refuses only texts the work-key pattern does not match.
        #[test]
        fn work_keys_by_word_as_by_regex(text in "(Film|FILM|films|Video|game|TV|tv|show|Series|ſeries|Soundtrac\u{212a}|Runner|Runners|-|up|Honorable|mention|also|ran|Title|: |:|  |\u{a0}|\t|x|é|1|Jaws){0,5}") {
            static PLAIN: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"^(?i:film|movie|game|video game|series|tv series|tv show|show|anime|album|soundtrack|title|titel|runners?[- ]up|honou?rable mention|also[- ]ran|special mention)\s*:\s+").unwrap());
            let expected = PLAIN.find(&text).map_or(text.as_str(), |m| &text[m.end()..]);
            proptest::prop_assert_eq!(without_work_key(&text), expected, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The separators of the text before a header's first group, read from the header's,
        /// are the ones found in that text: separators, "by" and its credit words, quotes and
        /// spaces at the prefix's end, before the bracket or inside it.
        #[test]
        fn separators_before_a_group_as_searched(
            prefix in "(A|y|by|composed|~|–|—|-|\\||:|,| |\u{a0}|\"|“|”|é){1,8}",
            gap in "( |\u{a0}|\t){0,2}",
            group in "(\\(|\\[)(1999|X|by Y|~ Z|, W|\\))",
            tail in "( – B| by C|\\)|, D){0,2}",
        ) {
            let prefix = prefix.trim();
            let head = format!("{prefix}{gap}{group}{tail}");
            if let Some(seps) = separators_before_group(&head, &find_separators(&head), prefix) {
                proptest::prop_assert_eq!(seps, find_separators(prefix), "{:?}", head);
            }
        }
    }

    proptest::proptest! {
        /// The hand-read sentence ends are the regex's matches.
        #[test]
        fn sentence_ends_are_the_regex_matches(text in "(a|Z|9|é|\\.|!|\\?|\"|”|’|“|‘| |\t|\u{a0}|\u{2003}|\u{85}|…|\n){0,14}") {
            proptest::prop_assert_eq!(
                sentence_ends(&text).collect::<Vec<_>>(),
                SENTENCE_END.find_iter(&text).map(|m| (m.start(), m.end())).collect::<Vec<_>>()
            );
        }
    }

    proptest::proptest! {
        /// A text without a dash then a year's first digit holds no dated cut at all.
        #[test]
        fn dated_cut_needs_dash_then_year(text in "(1999|2024|1850|-|–|—|“|”| |\u{a0}|\u{b}|,|\\.|x|A){0,12}") {
            if !dash_then_year(text.as_bytes(), text.len()) {
                proptest::prop_assert!(!YEAR_THEN_BODY.is_match(&text), "{:?}", text);
            }
        }
    }

    proptest::proptest! {
        /// The byte walk marks what a walk over characters marks.
        #[test]
        fn protected_bytes_follow_the_characters(text in "[a (\\[\\])\"“”’é—–]{0,24}") {
            let mut expected = Vec::new();
            let (mut depth, mut quoted) = (0i32, false);
            for c in text.chars() {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth = (depth - 1).max(0),
                    '“' => quoted = true,
                    '”' => quoted = false,
                    '"' => quoted = !quoted,
                    _ => {}
                }
                expected.extend(std::iter::repeat_n(depth > 0 || quoted, c.len_utf8()));
            }
            // Asked at every byte, and at every third one (skipping ahead).
            for step in [1, 3] {
                let mut protection = Protection::new(&text);
                let walked: Vec<bool> = (0..text.len()).step_by(step).map(|i| protection.at(i)).collect();
                let wanted: Vec<bool> = expected.iter().copied().step_by(step).collect();
                proptest::prop_assert_eq!(walked, wanted);
            }
        }
    }

    proptest::proptest! {
        /// The shortcut for text with fewer than two dash marks changes no split.
        #[test]
        fn dash_shortcut_splits_as_the_search(text in "(Ab|Cd|/ | – | —|– | - |-|\u{a0}- | / |/){0,8}") {
            proptest::prop_assume!(!text.contains(" // "));
            proptest::prop_assert_eq!(split_multi(&text), split_at_dashes(&text));
        }

        /// The slash search finds " // " where the substring search does.
        #[test]
        fn double_slash_by_bytes(text in "(/| |//|a|é|/ /){0,8}") {
            proptest::prop_assert_eq!(has_spaced_double_slash(text.as_bytes()), text.contains(" // "));
        }
    }

    /// [`bracket_pieces`] as it was written before the byte walk: a walk over characters.
    fn bracket_pieces_by_chars(text: &str) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let mut current = String::new();
        let mut group = String::new();
        let mut depth = 0usize;
        let mut square = false;
        let mut quoted = false;
        for c in text.chars() {
            if depth == 0 {
                match c {
                    '“' => quoted = true,
                    '”' => quoted = false,
                    '"' => quoted = !quoted,
                    _ => {}
                }
            }
            match c {
                '(' | '[' if !quoted => {
                    if depth == 0 {
                        square = c == '[';
                        if !current.is_empty() {
                            pieces.push(Piece::Text(std::mem::take(&mut current)));
                        }
                    } else {
                        group.push(c);
                    }
                    depth += 1;
                }
                ')' | ']' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        let inner = std::mem::take(&mut group);
                        let count = inner.len() < 4 && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
                        if !count {
                            pieces.push(Piece::Group(inner, square));
                        }
                    } else {
                        group.push(c);
                    }
                }
                _ if depth > 0 => group.push(c),
                _ => current.push(c),
            }
        }
        if !current.is_empty() {
            pieces.push(Piece::Text(current));
        }
        pieces
    }

    proptest::proptest! {
        /// The byte walk cuts as the character walk did.
        #[test]
        fn bracket_bytes_cut_as_the_characters(text in "[a1 (\\[\\])\"“”’é—–]{0,24}") {
            proptest::prop_assert_eq!(bracket_pieces(&text), bracket_pieces_by_chars(&text));
        }

        /// The byte search finds the dash marks the character search found.
        #[test]
        fn dash_bytes_are_the_dash_characters(text in "[a \u{a0}\\-–—“’é]{0,16}") {
            let by_chars: Vec<usize> = text
                .match_indices(['–', '—', '-'])
                .filter(|&(at, dash)| dash != "-" || text[..at].chars().next_back().is_some_and(char::is_whitespace))
                .map(|(at, _)| at)
                .collect();
            proptest::prop_assert_eq!(dash_marks(&text).collect::<Vec<_>>(), by_chars);
        }
    }

    #[test]
    fn bracket_pieces_cases() {
        let text = |s: &str| Piece::Text(s.to_string());
        assert_eq!(
            bracket_pieces("Heat (1995) [Hitze] x"),
            [
                text("Heat "),
                Piece::Group("1995".into(), false),
                text(" "),
                Piece::Group("Hitze".into(), true),
                text(" x")
            ]
        );
        assert_eq!(bracket_pieces("Like (31) it"), [text("Like "), text(" it")]);
        assert_eq!(bracket_pieces("“A (b)” (c (d))"), [text("“A (b)” "), Piece::Group("c (d)".into(), false)]);
        assert_eq!(bracket_pieces("Cut (off"), [text("Cut ")]);
    }

    proptest::proptest! {
        /// The abbreviation test reads as its definition with collected letters did.
        #[test]
        fn abbreviations_as_defined(word in "[A-Za-zÉé.(\"]{0,5}") {
            let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
            let initials = letters.len() <= 2 && letters.iter().all(|c| c.is_uppercase());
            let dotted = w.matches('.').count() >= 1 && w.trim_end_matches('.').contains('.');
            proptest::prop_assert_eq!(initials_or_dotted(w), initials || dotted);
        }
    }

    #[test]
    fn separators_by_priority() {
        let s = find_separators("Elton John, Tim Rice, Hans Zimmer ~ The Lion King");
        assert_eq!(s[0].sep, Sep::Tilde);
        let s = find_separators("Star Trek: The Motion Picture – Jerry Goldsmith");
        assert_eq!(s[0].sep, Sep::Dash);
        assert!(find_separators("“Hooked on a Feeling, Again”").is_empty());
    }

    #[test]
    fn header_and_rest() {
        let v = &*BUILT_IN;
        let (h, r) = split_header_rest(
            "Walt Disney’s Fantasia (Disneyland Records, 1940 / 1957). As pure cinema, it is hard to top.",
            v,
        );
        assert_eq!(h, "Walt Disney’s Fantasia (Disneyland Records, 1940 / 1957)");
        assert!(r.starts_with("As pure"));
        let (h, r) =
            split_header_rest("THE LIVES OF OTHERS – Score (Varese Sarabande): The big complaint is length.", v);
        assert_eq!(h, "THE LIVES OF OTHERS – Score (Varese Sarabande)");
        assert!(r.starts_with("The big"));
        let (h, _) = split_header_rest("LOGAN (2017, James Mangold) – Marco Beltrami", v);
        assert_eq!(h, "LOGAN (2017, James Mangold) – Marco Beltrami");
        let (h, r) = split_header_rest(
            "The Social Network (Original Motion Picture Soundtrack) – Trent Reznor & Atticus Ross created a soundtrack that is almost a movie",
            v,
        );
        assert!(h.ends_with("Soundtrack)"), "{h}");
        assert!(r.starts_with("Trent Reznor"));
        let (h, _) = split_header_rest("Super Mario Bros. Koji Kondo", v);
        assert_eq!(h, "Super Mario Bros. Koji Kondo");
    }

    #[test]
    fn glued_various_artists() {
        assert_eq!(strip_glued_various("ControlVarious Artists"), (String::new(), true));
        assert_eq!(strip_glued_various("Clint Mansell & Various Artists"), ("Clint Mansell".into(), true));
        assert_eq!(strip_glued_various("Hans Zimmer"), ("Hans Zimmer".into(), false));
        assert_eq!(strip_glued_various(" VARIOUS ARTISTS "), (String::new(), true));
        assert_eq!(strip_glued_various("Vangelis"), ("Vangelis".into(), false));
    }

    #[test]
    fn several_entries_on_one_line() {
        assert_eq!(split_multi("A B: One // C D: Two"), ["A B: One", "C D: Two"]);
        // A hyphen after a no-break space is a dash separator too.
        assert_eq!(
            split_multi("Batman\u{a0}- Danny Elfman/ Heat - Elliot Goldenthal"),
            ["Batman\u{a0}- Danny Elfman", "Heat - Elliot Goldenthal"]
        );
        assert_eq!(
            split_multi("Batman – Danny Elfman/ The Dark Knight Trilogy – Hans Zimmer/James Newton Howard"),
            ["Batman – Danny Elfman", "The Dark Knight Trilogy – Hans Zimmer/James Newton Howard"]
        );
    }
}
