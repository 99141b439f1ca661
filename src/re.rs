//! Regexes that stay on the regex crate's fast engine.
//!
//! The lazy DFA cannot evaluate a Unicode word boundary (`\b`) next to a non-ASCII byte, so a
//! pattern with `\b` falls back to the much slower NFA engines on any haystack that contains
//! non-ASCII text — curly quotes, dashes, accented names, i.e. most articles. [`Re`] also
//! compiles each pattern with ASCII word boundaries (`(?-u:\b)`) and uses that copy whenever
//! the haystack holds no non-ASCII *word* character: then every character's "wordness" is the
//! same under both definitions, so both copies find exactly the same matches. Haystacks with
//! accented letters take the Unicode copy, as before.
//!
//! A pattern can also carry a *gate* ([`Re::gated`]): literals one of which every match must
//! contain. When none is in the haystack, the search is skipped. Gates are written by hand
//! beside each pattern; a gate that a match could avoid would change results, so each one
//! lists only literals that the pattern spells out in every alternative. For a
//! case-insensitive pattern the gate ignores ASCII case and is not trusted when the haystack
//! holds `ſ` or the Kelvin sign, the two non-ASCII letters that fold to ASCII ones.
//!
//! A pattern anchored at the start of the haystack (`^…`) can only match when the haystack's
//! first byte is one its matches can begin with; that set is worked out from the pattern's
//! syntax ([`AnchoredStart`]) and checked before any search. Units are tried against dozens
//! of such patterns ("10.", "#10", "No. 10", field names…), and most fail on the first byte.

use std::borrow::Cow;

use memchr::memmem;
use regex::{CaptureMatches, Captures, Match, Matches, Regex, Replacer};

/// True when ASCII and Unicode word boundaries agree everywhere in `hay`: it has no non-ASCII
/// character that the regex crate counts as a word character (`\w`, which `\b` is defined
/// by). Only characters after a non-ASCII lead byte are decoded.
pub fn ascii_boundaries_agree(hay: &str) -> bool {
    // Without the Unicode tables the answer is unknown: then keep the Unicode copy.
    // Dashes, curly quotes, bullets and ellipses (U+2010–U+2027), the non-ASCII characters of
    // most articles, are no word characters: they skip the table lookup.
    !crate::normalize::text::non_ascii_chars(hay)
        .any(|c| !matches!(c, '\u{2010}'..='\u{2027}') && regex_syntax::try_is_word_character(c).unwrap_or(true))
}

/// A regex with a second copy of itself on ASCII word boundaries; see the module docs.
#[derive(Debug, Clone)]
pub struct Re {
    unicode: Regex,
    /// The same pattern with `\b`/`\B` made ASCII; `None` when it has neither.
    ascii: Option<Regex>,
    gate: Gate,
    /// For a pattern every match of which starts at the haystack's start: the bytes such a
    /// match can begin with.
    start: Option<AnchoredStart>,
}

/// The first bytes of the matches of a start-anchored pattern that cannot match the empty
/// string, as a 256-bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AnchoredStart([u64; 4]);

impl AnchoredStart {
    /// None when `pattern` is not anchored at the start, can match the empty string, or
    /// does not parse as regex-syntax reads it (then every search runs).
    fn of(pattern: &str) -> Option<AnchoredStart> {
        use regex_syntax::hir::Look;
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return None;
        }
        let (first, nullable) = first_bytes(&hir);
        (!nullable).then_some(first)
    }

    fn insert_range(&mut self, from: u8, to: u8) {
        for b in from..=to {
            self.0[(b >> 6) as usize] |= 1 << (b & 63);
        }
    }

    fn union(&mut self, other: AnchoredStart) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    /// False when no match can start at `hay`'s start.
    #[inline]
    fn admits(&self, hay: &str) -> bool {
        hay.as_bytes().first().is_some_and(|&b| self.admits_byte(b))
    }

    #[inline]
    fn admits_byte(&self, b: u8) -> bool {
        self.0[(b >> 6) as usize] & (1 << (b & 63)) != 0
    }
}

/// The bytes a match of `hir` can begin with, and whether it can match the empty string.
/// A superset is safe (it only lets more searches run), so look-arounds count as empty.
fn first_bytes(hir: &regex_syntax::hir::Hir) -> (AnchoredStart, bool) {
    use regex_syntax::hir::{Class, HirKind};
    let mut set = AnchoredStart([0; 4]);
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (set, true),
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => {
                set.insert_range(b, b);
                (set, false)
            }
            None => (set, true),
        },
        HirKind::Class(Class::Bytes(class)) => {
            for r in class.ranges() {
                set.insert_range(r.start(), r.end());
            }
            (set, class.ranges().is_empty())
        }
        HirKind::Class(Class::Unicode(class)) => {
            // UTF-8 keeps code-point order, so a range's lead bytes run from its first
            // character's to its last's.
            let lead = |c: char| c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            for r in class.ranges() {
                set.insert_range(lead(r.start()), lead(r.end()));
            }
            (set, class.ranges().is_empty())
        }
        HirKind::Repetition(rep) => {
            let (inner, nullable) = first_bytes(&rep.sub);
            (inner, nullable || rep.min == 0)
        }
        HirKind::Capture(cap) => first_bytes(&cap.sub),
        HirKind::Concat(parts) => {
            for part in parts {
                let (first, nullable) = first_bytes(part);
                set.union(first);
                if !nullable {
                    return (set, false);
                }
            }
            (set, true)
        }
        HirKind::Alternation(alts) => {
            let mut any_nullable = false;
            for alt in alts {
                let (first, nullable) = first_bytes(alt);
                set.union(first);
                any_nullable |= nullable;
            }
            (set, any_nullable)
        }
    }
}

thread_local! {
    /// The buffer case-insensitive gates lower-case haystacks into.
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[derive(Debug, Clone)]
enum Gate {
    Open,
    /// Every match contains one of these literals (lower-cased when `case_insensitive`, and
    /// then searched for in a lower-cased copy of the haystack). One vectorised substring
    /// search per literal measured 3-4 times faster here than one aho-corasick automaton for
    /// them all, which has no fast prefilter for case-insensitive or space-led literals.
    Literals {
        finders: Box<[memmem::Finder<'static>]>,
        case_insensitive: bool,
    },
    /// Every match contains a non-ASCII character.
    NonAscii,
}

impl Gate {
    /// False when `hay` cannot hold a match.
    #[inline]
    fn admits(&self, hay: &str) -> bool {
        match self {
            Gate::Open => true,
            Gate::NonAscii => !hay.is_ascii(),
            Gate::Literals { finders, case_insensitive: false } => {
                finders.iter().any(|f| f.find(hay.as_bytes()).is_some())
            }
            Gate::Literals { finders, case_insensitive: true } => {
                LOWERED.with_borrow_mut(|lowered| {
                    lowered.clear();
                    lowered.extend_from_slice(hay.as_bytes());
                    lowered.make_ascii_lowercase();
                    let found = finders.iter().any(|f| f.find(lowered).is_some());
                    // A whole huge document may pass through here; do not hold on to its copy.
                    if lowered.capacity() > 1 << 20 {
                        *lowered = Vec::new();
                    }
                    found
                }) || !hay.is_ascii() && hay.contains(['\u{17F}', '\u{212A}'])
            }
        }
    }
}

impl Re {
    pub fn new(pattern: &str) -> Result<Re, regex::Error> {
        let unicode = Regex::new(pattern)?;
        let rewritten = ascii_boundaries(pattern);
        let ascii = if rewritten == pattern { None } else { Some(Regex::new(&rewritten)?) };
        Ok(Re { unicode, ascii, gate: Gate::Open, start: AnchoredStart::of(pattern) })
    }

    /// A regex every match of which contains one of `literals` (ASCII case ignored when the
    /// pattern has a `(?i` flag); see the module docs.
    pub fn gated(pattern: &str, literals: &[&str]) -> Result<Re, regex::Error> {
        let case_insensitive = pattern.contains("(?i");
        let finders = literals
            .iter()
            .map(|l| {
                let literal = if case_insensitive { l.to_ascii_lowercase() } else { l.to_string() };
                memmem::Finder::new(literal.as_bytes()).into_owned()
            })
            .collect();
        Ok(Re { gate: Gate::Literals { finders, case_insensitive }, ..Re::new(pattern)? })
    }

    /// A regex every match of which contains a non-ASCII character.
    pub fn non_ascii(pattern: &str) -> Result<Re, regex::Error> {
        Ok(Re { gate: Gate::NonAscii, ..Re::new(pattern)? })
    }

    /// False when neither the gate nor the anchored start lets a match into `hay`.
    #[inline]
    fn admits(&self, hay: &str) -> bool {
        self.start.is_none_or(|s| s.admits(hay)) && self.gate.admits(hay)
    }

    /// The copy to search `hay` with.
    #[inline]
    fn pick(&self, hay: &str) -> &Regex {
        match &self.ascii {
            Some(ascii) if ascii_boundaries_agree(hay) => ascii,
            _ => &self.unicode,
        }
    }

    pub fn as_str(&self) -> &str {
        self.unicode.as_str()
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.admits(hay) && self.pick(hay).is_match(hay)
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        if !self.admits(hay) {
            return None;
        }
        self.pick(hay).find(hay)
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Matches<'r, 'h> {
        // A gated pattern cannot match the empty string, so the empty tail yields nothing.
        let hay = if self.admits(hay) { hay } else { &hay[hay.len()..] };
        self.pick(hay).find_iter(hay)
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        if !self.admits(hay) {
            return None;
        }
        self.pick(hay).captures(hay)
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        let hay = if self.admits(hay) { hay } else { &hay[hay.len()..] };
        self.pick(hay).captures_iter(hay)
    }

    pub fn replace<'h, R: Replacer>(&self, hay: &'h str, rep: R) -> Cow<'h, str> {
        if !self.admits(hay) {
            return Cow::Borrowed(hay);
        }
        self.pick(hay).replace(hay, rep)
    }

    pub fn replace_all<'h, R: Replacer>(&self, hay: &'h str, rep: R) -> Cow<'h, str> {
        if !self.admits(hay) {
            return Cow::Borrowed(hay);
        }
        self.pick(hay).replace_all(hay, rep)
    }
}

/// `pattern` with every `\b` and `\B` escape made ASCII.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('B') => out.push_str(r"(?-u:\B)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_rewritten_but_escaped_backslashes_are_not() {
        assert_eq!(ascii_boundaries(r"\bscore\b"), r"(?-u:\b)score(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\\b\B"), r"a\\b(?-u:\B)");
        assert_eq!(ascii_boundaries(r"\d+\.\s"), r"\d+\.\s");
    }

    /// The scan agrees with the regex crate's own `\w` on every non-ASCII character.
    #[test]
    fn word_character_scan_matches_the_regex_definition() {
        let word = Regex::new(r"[\w&&[^\x00-\x7F]]").unwrap();
        let mut checked = 0;
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let hay = format!("a{c}b");
            assert_eq!(ascii_boundaries_agree(&hay), !word.is_match(&hay), "{c:?} U+{:04X}", c as u32);
            checked += 1;
        }
        assert!(checked > 1_000_000);
    }

    /// Patterns anchored at the start, with the shapes the extractors use: case-insensitive
    /// words, optional prefixes, non-ASCII first characters, alternations with an empty side.
    const ANCHORED: &[&str] = &[
        r"^#\s?(\d{1,3})\b[.):]?\s+",
        r"^(?i:no|n°|number)\.?\s?(\d{1,3})\b",
        r"^(?:[a-z]{2,12})?(\d{1,3})\s?\.\s+",
        r"^(?i)(?:and\s+)?(?:at\s+)?(?:number|no\.?)\s+(one|two)\b",
        r"^(?i)(?:(\d{1,3})(?:e|ère)?\s+place|【\s*第?\s*(\d{1,3})\s*位\s*】|第(\d{1,3})位)",
        r"^\s*(?:Q|Question)\s*[:.]\s",
        r"^(?:[—–-]\s*|(?:by)\s*:?\s+)(\S.{2,40})$",
        r"^\b(?:é|e)tude",
        r"^(?:x*|y)z",
        r"^\d*",
        r"(?m)^\d+\.",
    ];

    #[test]
    fn anchored_start_is_worked_out_only_for_patterns_that_need_a_first_byte() {
        let start =
            |p: &str| AnchoredStart::of(p).map(|s| (0..=255u8).filter(|&b| s.admits_byte(b)).collect::<Vec<u8>>());
        assert_eq!(start(r"^#\d"), Some(vec![b'#']));
        assert_eq!(start(r"^(?i)no"), Some(vec![b'N', b'n']));
        assert_eq!(start(r"^(?:x*|y)z"), Some(vec![b'x', b'y', b'z']));
        // "【" is E3 80 90 in UTF-8; "é" is C3 A9.
        assert_eq!(start(r"^(?:【|é)"), Some(vec![0xC3, 0xE3]));
        assert_eq!(start(r"#\d"), None, "not anchored");
        assert_eq!(start(r"(?m)^\d"), None, "anchored at a line, not the haystack");
        assert_eq!(start(r"^\d*"), None, "matches the empty string");
        assert_eq!(start(r"^$"), None);
    }

    proptest::proptest! {
        /// The first-byte check never hides a match: every search gives what the plain regex
        /// gives.
        #[test]
        fn anchored_patterns_find_what_the_regex_finds(hay in "[#nNo°0-9 .:abxyzé【第位】QE\\-–—]{0,12}") {
            for pattern in ANCHORED {
                let re = Re::new(pattern).unwrap();
                let plain = Regex::new(pattern).unwrap();
                proptest::prop_assert_eq!(re.is_match(&hay), plain.is_match(&hay), "{}", pattern);
                let ours = re.captures(&hay).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>());
                let theirs = plain.captures(&hay).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>());
                proptest::prop_assert_eq!(ours, theirs, "{}", pattern);
                proptest::prop_assert_eq!(re.replace_all(&hay, "<$0>"), plain.replace_all(&hay, "<$0>"));
            }
        }
    }

    proptest::proptest! {
        /// A gate never hides a match, whatever the case of the haystack, and a haystack with
        /// none of the literals is not searched.
        #[test]
        fn gated_patterns_find_what_the_regex_finds(hay in "(Score|sCoRe|by|BY|ſcore|\u{212A}ey|key|’s|'s|   |\t| |x|é){0,8}") {
            let cases: [(&str, &[&str]); 4] = [
                (r"(?i)\b(?:score|key)\s*by\b", &["score", "key"]),
                (r"(?i)\bby\b", &["by"]),
                (r"\w+['’]s\b", &["'", "’"]),
                (r"\S( {3,}|\t+)", &["   ", "\t"]),
            ];
            for (pattern, literals) in cases {
                let re = Re::gated(pattern, literals).unwrap();
                let plain = Regex::new(pattern).unwrap();
                let ours: Vec<_> = re.find_iter(&hay).map(|m| m.range()).collect();
                let theirs: Vec<_> = plain.find_iter(&hay).map(|m| m.range()).collect();
                proptest::prop_assert_eq!(ours, theirs, "{}", pattern);
            }
        }
    }

    #[test]
    fn gates_skip_haystacks_without_their_literals() {
        let re = Re::gated(r"(?i)by", &["by"]).unwrap();
        assert!(re.gate.admits("Score BY him"));
        assert!(!re.gate.admits("score from him"));
        // "ſ" folds to "s" under Unicode case rules, which the lower-cased copy cannot see.
        let re = Re::gated(r"(?i)score", &["score"]).unwrap();
        assert!(re.is_match("ſcore"));
    }

    #[test]
    fn both_copies_agree_and_accented_words_take_the_unicode_one() {
        let re = Re::new(r"\bscore\b").unwrap();
        assert!(re.is_match("the score’s “best” cue — yes"));
        // "é" is a word character: no boundary before "score" under Unicode rules.
        assert!(!re.is_match("éscore"));
        assert!(re.is_match("é score"));
        assert!(ascii_boundaries_agree("“quoted” — dash…"));
        assert!(!ascii_boundaries_agree("Jóhann"));
    }
}
