//! Regexes that stay on the regex crate's fast engine.
//!
//! The lazy DFA cannot evaluate a Unicode word boundary (`\b`) next to a non-ASCII byte, so a
//! pattern with `\b` falls back to the much slower NFA engines on any haystack that contains
//! non-ASCII text — curly quotes, dashes, accented names, i.e. most articles. [`Re`] also
//! compiles each pattern with ASCII word boundaries (`(?-u:\b)`) and uses that copy whenever
//! the haystack holds no non-ASCII *word* character: then every character's "wordness" is the
//! same under both definitions, so both copies find exactly the same matches. Haystacks with
//! accented letters take the Unicode copy, as before. Each copy is compiled on first use (see
//! [`copies`]).
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
//!
//! A pattern whose matches all *begin* with one of a few literals can be *led* ([`Re::led`]):
//! it is then tried, anchored, only where a literal is, instead of at every byte. A gated
//! pattern can instead be searched *in runs* ([`Re::in_runs`]): only in the stretches around
//! its gate literals made of characters the pattern can match at all. Debug builds check
//! every gate refusal and every led or run search against the plain regex, so the
//! hand-written literal lists are checked on every text the tests extract from.

use std::borrow::Cow;
use std::sync::OnceLock;

mod copies;
mod gate;
mod lead;
mod literals;
mod runs;
mod start;

use copies::Copies;
use gate::Gate;
use lead::Lead;
use regex::{Captures, Match, Regex, Replacer};
use runs::Runs;
use start::AnchoredStart;

/// A character `\b` counts as part of a word (Unicode `\w`, as the regex crate defines it;
/// without its tables, every non-ASCII character counts).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii() && regex_syntax::try_is_word_character(c).unwrap_or(true)
}

pub use literals::{holds_ascii_folding_letter, with_ascii_lowered};

/// Whether `c` lies in one of `ranges`: sorted, disjoint, inclusive character ranges.
pub fn in_char_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// True when ASCII and Unicode word boundaries agree everywhere in `hay`: it has no non-ASCII
/// character that the regex crate counts as a word character (`\w`, which `\b` is defined
/// by). Only characters after a non-ASCII lead byte are decoded.
pub fn ascii_boundaries_agree(hay: &str) -> bool {
    // Without the Unicode tables the answer is unknown: then keep the Unicode copy.
    // Dashes, curly quotes, bullets and ellipses (U+2010–U+2027), the non-ASCII characters of
    // most articles, are no word characters: they skip the table lookup.
    !crate::normalize::text::non_ascii_chars(hay).any(|c| !matches!(c, '\u{2010}'..='\u{2027}') && is_word_char(c))
}

/// A regex with a second copy of itself on ASCII word boundaries; see the module docs. Each
/// copy, and the anchored start, is worked out on first use (see [`copies`]).
#[derive(Debug, Clone)]
pub struct Re {
    copies: Copies<Regex>,
    gate: Gate,
    /// For a pattern every match of which starts at the haystack's start: the bytes such a
    /// match can begin with.
    start: OnceLock<Option<AnchoredStart>>,
    /// Literals every match begins with ([`Re::led`]).
    lead: Option<Box<Lead>>,
    /// The pattern's alphabet, when its gated searches look only at runs of it ([`Re::in_runs`]).
    runs: Option<Box<Runs>>,
}

impl Re {
    /// Compiles nothing yet. Debug builds (the tests) check the pattern's syntax here, as the
    /// regex crate would; every pattern is a static one, so release builds leave the check
    /// to first use, which panics on a pattern that does not compile.
    pub fn new(pattern: &str) -> Result<Re, regex::Error> {
        #[cfg(debug_assertions)]
        regex_syntax::Parser::new().parse(pattern).map_err(|e| regex::Error::Syntax(e.to_string()))?;
        let rewritten = ascii_boundaries(pattern);
        let ascii = (rewritten != pattern).then_some(rewritten.as_str());
        Ok(Re { copies: Copies::new(pattern, ascii), gate: Gate::Open, start: OnceLock::new(), lead: None, runs: None })
    }

    /// A regex every match of which contains one of `literals` (ASCII case ignored when the
    /// pattern has a `(?i` flag); see the module docs.
    pub fn gated(pattern: &str, literals: &[&str]) -> Result<Re, regex::Error> {
        Ok(Re { gate: Gate::Literals(literals::Literals::new(literals, pattern.contains("(?i"))), ..Re::new(pattern)? })
    }

    /// This regex, every match of which *begins* with one of `literals` (ASCII case ignored
    /// when the pattern has a `(?i` flag): searches try matches only where a literal is.
    /// As with gates, the literals are written by hand beside the pattern, and must be
    /// non-empty: every alternative must begin with one of them, after at most a `\b`.
    pub fn led(self, literals: &[&str]) -> Result<Re, regex::Error> {
        let lead = Lead::new(self.copies.pattern(), self.copies.ascii_pattern(), literals)?;
        Ok(Re { lead: Some(Box::new(lead)), ..self })
    }

    /// This gated regex, searched only in the runs of its alphabet (the characters its
    /// literals and classes spell) that hold a gate literal; see [`runs`]. Unlike gates and
    /// leads this needs no hand-written list: the alphabet is read from the pattern.
    pub fn in_runs(self) -> Result<Re, regex::Error> {
        if !matches!(self.gate, Gate::Literals(_)) {
            return Err(regex::Error::Syntax(format!("{}: runs are found from a gate's literals", self.as_str())));
        }
        let runs = Runs::new(self.copies.pattern(), self.copies.ascii_pattern())?;
        Ok(Re { runs: Some(Box::new(runs)), ..self })
    }

    /// A regex every match of which contains a non-ASCII character.
    pub fn non_ascii(pattern: &str) -> Result<Re, regex::Error> {
        Ok(Re { gate: Gate::NonAscii, ..Re::new(pattern)? })
    }

    /// False when neither the gate nor the anchored start lets a match into `hay`.
    #[inline]
    fn admits(&self, hay: &str) -> bool {
        let admitted = self.start().is_none_or(|s| s.admits(hay)) && self.gate.admits(hay);
        // Gates are written by hand: debug builds (the tests) check that a refused text holds
        // no match, on every text the tests extract from.
        debug_assert!(
            admitted || !self.pick(hay).is_match(hay),
            "the gate of {} refuses a match in {hay:?}",
            self.as_str()
        );
        admitted
    }

    /// The copy to search `hay` with.
    #[inline]
    fn pick(&self, hay: &str) -> &Regex {
        self.pick_copy(hay).1
    }

    /// The copy to search `hay` with, and whether it is the ASCII one.
    #[inline]
    fn pick_copy(&self, hay: &str) -> (bool, &Regex) {
        let ascii = self.copies.has_ascii() && ascii_boundaries_agree(hay);
        (ascii, self.copies.pick(ascii))
    }

    /// The bytes a match can begin with, for a pattern anchored at the haystack's start.
    #[inline]
    fn start(&self) -> Option<&AnchoredStart> {
        self.start
            .get_or_init(|| {
                // Only `^` (outside multi-line mode) and `\A` anchor at the start: a pattern
                // with neither is not parsed.
                let pattern = self.copies.pattern();
                (pattern.contains('^') || pattern.contains(r"\A")).then(|| AnchoredStart::of(pattern)).flatten()
            })
            .as_ref()
    }

    pub fn as_str(&self) -> &str {
        self.copies.pattern()
    }

    /// A walk over the places where matches may begin in `hay`, when the regex is led or
    /// searched in runs, with the copy to use.
    fn walk<'r>(&'r self, hay: &str) -> Option<Walk<'r>> {
        let (ascii, regex) = self.pick_copy(hay);
        let starts = if let Some(lead) = self.lead.as_deref() {
            Starts::Led { lead, starts: lead.starts(hay)?.into_iter() }
        } else {
            let runs = self.runs.as_deref()?;
            let Gate::Literals(literals) = &self.gate else { return None };
            if literals.blind_to(hay) {
                return None;
            }
            Starts::Runs { runs, occurrences: literals.starts_in(hay).into_iter(), run: 0..0 }
        };
        let walk = Walk { regex, ascii, starts, from: 0 };
        // Leads are written by hand, and runs rest on a reading of the pattern: debug builds
        // (the tests) check each search against the plain one, on every text the tests
        // extract from.
        #[cfg(debug_assertions)]
        {
            let mut check = walk.clone();
            let ours: Vec<_> = std::iter::from_fn(|| check.next_match(hay)).map(|m| m.range()).collect();
            let theirs: Vec<_> = regex.find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "the lead or runs of {} miss a match in {hay:?}", regex.as_str());
        }
        Some(walk)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        if !self.admits(hay) {
            return false;
        }
        match self.walk(hay) {
            Some(mut walk) => walk.next_start(hay).is_some(),
            None => self.pick(hay).is_match(hay),
        }
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        if !self.admits(hay) {
            return None;
        }
        match self.walk(hay) {
            Some(mut walk) => walk.next_match(hay),
            None => self.pick(hay).find(hay),
        }
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        // A gated pattern cannot match the empty string, so the empty tail yields nothing.
        let hay = if self.admits(hay) { hay } else { &hay[hay.len()..] };
        match self.walk(hay) {
            Some(mut walk) => Either::Walk(std::iter::from_fn(move || walk.next_match(hay))),
            None => Either::Plain(self.pick(hay).find_iter(hay)),
        }
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        if !self.admits(hay) {
            return None;
        }
        match self.walk(hay) {
            Some(mut walk) => walk.next_captures(hay),
            None => self.pick(hay).captures(hay),
        }
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        let hay = if self.admits(hay) { hay } else { &hay[hay.len()..] };
        match self.walk(hay) {
            Some(mut walk) => Either::Walk(std::iter::from_fn(move || walk.next_captures(hay))),
            None => Either::Plain(self.pick(hay).captures_iter(hay)),
        }
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

/// A led or run-searched regex's walk through one haystack: where matches may begin, and
/// where the last match ended (the next must begin there or later, as in the regex crate's
/// iterators).
#[derive(Clone)]
struct Walk<'r> {
    regex: &'r Regex,
    ascii: bool,
    starts: Starts<'r>,
    from: usize,
}

#[derive(Clone)]
enum Starts<'r> {
    /// The lead's literals, not yet tried.
    Led { lead: &'r Lead, starts: std::vec::IntoIter<usize> },
    /// The gate literals not yet in a searched run, and the run being searched.
    Runs { runs: &'r Runs, occurrences: std::vec::IntoIter<usize>, run: std::ops::Range<usize> },
}

impl Walk<'_> {
    /// The next start at or after `from` at which a match begins.
    fn next_start(&mut self, hay: &str) -> Option<usize> {
        let from = self.from;
        match &mut self.starts {
            Starts::Led { lead, starts } => {
                starts.by_ref().filter(|&at| at >= from).find(|&at| lead.matches_at(hay, at, self.ascii))
            }
            Starts::Runs { runs, occurrences, run } => loop {
                if from < run.end
                    && let Some(found) = runs.find_in(hay, run.start.max(from)..run.end, self.ascii)
                {
                    return Some(found.start);
                }
                // Runs are disjoint: the next one holds the next literal past this one.
                let past = run.end.max(from);
                let at = occurrences.by_ref().find(|&at| at >= past)?;
                *run = runs.around(hay, at);
            },
        }
    }

    /// The regex's own match at the next start: no match begins between `from` and it, so
    /// the leftmost match from there is the one that begins there.
    fn next_match<'h>(&mut self, hay: &'h str) -> Option<Match<'h>> {
        let at = self.next_start(hay)?;
        let m = self.regex.find_at(hay, at)?;
        debug_assert_eq!(m.start(), at, "{}", self.regex.as_str());
        self.from = m.end();
        Some(m)
    }

    fn next_captures<'h>(&mut self, hay: &'h str) -> Option<Captures<'h>> {
        let at = self.next_start(hay)?;
        let c = self.regex.captures_at(hay, at)?;
        let whole = c.get(0)?;
        debug_assert_eq!(whole.start(), at, "{}", self.regex.as_str());
        self.from = whole.end();
        Some(c)
    }
}

/// One of two iterators of the same items.
enum Either<A, B> {
    Walk(A),
    Plain(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Either<A, B> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Walk(a) => a.next(),
            Either::Plain(b) => b.next(),
        }
    }
}

/// Checks every kind of search of `re` against the plain regex on `hay`: the property tests of
/// leads and runs.
#[cfg(test)]
fn searches_agree(re: &Re, plain: &Regex, hay: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    let ranges = |c: &Captures<'_>| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
    let pattern = plain.as_str();
    proptest::prop_assert_eq!(re.is_match(hay), plain.is_match(hay), "{}", pattern);
    proptest::prop_assert_eq!(re.find(hay).map(|m| m.range()), plain.find(hay).map(|m| m.range()), "{}", pattern);
    let ours: Vec<_> = re.find_iter(hay).map(|m| m.range()).collect();
    let theirs: Vec<_> = plain.find_iter(hay).map(|m| m.range()).collect();
    proptest::prop_assert_eq!(ours, theirs, "{}", pattern);
    let ours: Vec<_> = re.captures_iter(hay).map(|c| ranges(&c)).collect();
    let theirs: Vec<_> = plain.captures_iter(hay).map(|c| ranges(&c)).collect();
    proptest::prop_assert_eq!(ours, theirs, "{}", pattern);
    proptest::prop_assert_eq!(
        re.captures(hay).map(|c| ranges(&c)),
        plain.captures(hay).map(|c| ranges(&c)),
        "{}",
        pattern
    );
    Ok(())
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
