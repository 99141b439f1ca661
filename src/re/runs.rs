//! Runs: stretches of a haystack made only of characters a pattern spells out (see
//! [`super::Re::in_runs`]).
//!
//! Every character of a match is matched by one of the pattern's literals or classes, so no
//! match crosses a character outside their union (its *alphabet*). "Name score" and "Name
//! composed the music" patterns begin with a list of capitalised names that the regex crate
//! tries at every capital letter of a blurb, on its slowest engines when the blurb has
//! accented names; their alphabet (letters, spaces, `.`, `-`, `&`) breaks at every comma,
//! digit, quote and bracket. Only the runs around the gate's literals are searched, each
//! bounded to its run while look-around still sees the text either side.

use std::ops::Range;

use regex_automata::Input;
use regex_syntax::hir::{Class, Hir, HirKind};

use super::copies::MetaCopies;

#[derive(Debug, Clone)]
pub(super) struct Runs {
    /// Which ASCII characters are in the alphabet.
    ascii: [bool; 128],
    /// The non-ASCII part of the alphabet: sorted, disjoint, inclusive ranges.
    wide: Vec<(char, char)>,
    copies: MetaCopies,
}

impl Runs {
    pub(super) fn new(pattern: &str, ascii_pattern: Option<&str>) -> Result<Runs, regex::Error> {
        let syntax = |e: String| regex::Error::Syntax(e);
        let hir = regex_syntax::Parser::new().parse(pattern).map_err(|e| syntax(e.to_string()))?;
        let mut ranges = Vec::new();
        if !alphabet(&hir, &mut ranges) {
            return Err(syntax(format!("{pattern}: only patterns of Unicode characters have runs")));
        }
        // `new` sorts and merges the ranges.
        let class = regex_syntax::hir::ClassUnicode::new(
            ranges.into_iter().map(|(a, b)| regex_syntax::hir::ClassUnicodeRange::new(a, b)),
        );
        let mut ascii = [false; 128];
        let mut wide = Vec::new();
        for r in class.iter() {
            for c in r.start()..=r.end().min('\x7F') {
                ascii[c as usize] = true;
            }
            if r.end() > '\x7F' {
                wide.push((r.start().max('\u{80}'), r.end()));
            }
        }
        Ok(Runs { ascii, wide, copies: MetaCopies::new(pattern, ascii_pattern) })
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii[c as usize];
        }
        super::in_char_ranges(&self.wide, c)
    }

    /// The run of alphabet characters around byte `at` (a character boundary); empty when
    /// the character there is not in the alphabet.
    pub(super) fn around(&self, hay: &str, at: usize) -> Range<usize> {
        if !hay[at..].chars().next().is_some_and(|c| self.contains(c)) {
            return at..at;
        }
        let start = at - hay[..at].chars().rev().take_while(|&c| self.contains(c)).map(char::len_utf8).sum::<usize>();
        let end = at + hay[at..].chars().take_while(|&c| self.contains(c)).map(char::len_utf8).sum::<usize>();
        start..end
    }

    /// The leftmost match inside `span`, in the ASCII copy when `ascii`.
    pub(super) fn find_in(&self, hay: &str, span: Range<usize>, ascii: bool) -> Option<Range<usize>> {
        self.copies.pick(ascii).find(Input::new(hay).range(span)).map(|m| m.range())
    }
}

/// Adds every character `hir` can match to `out`; false when it can match bytes that are not
/// whole characters.
fn alphabet(hir: &Hir, out: &mut Vec<(char, char)>) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) => {
                out.extend(text.chars().map(|c| (c, c)));
                true
            }
            Err(_) => false,
        },
        HirKind::Class(Class::Unicode(class)) => {
            out.extend(class.iter().map(|r| (r.start(), r.end())));
            true
        }
        HirKind::Class(Class::Bytes(class)) => class.iter().all(|r| {
            out.push((char::from(r.start()), char::from(r.end())));
            r.end().is_ascii()
        }),
        HirKind::Repetition(rep) => alphabet(&rep.sub, out),
        HirKind::Capture(capture) => alphabet(&capture.sub, out),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(|sub| alphabet(sub, out)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Re;
    use super::*;
    use regex::Regex;

    /// Patterns of the credit extractor's shape: a name list before a noun or a verb.
    const NAME_LIST: &str = r"[A-Z][\p{L}.\-]*(?:\s+(?:[A-Z][\p{L}.\-]*|de|van))*(?:\s+(?:and|&)\s+[A-Z][\p{L}.\-]*)?";

    fn cases() -> Vec<(String, &'static [&'static str])> {
        vec![
            (format!(r"({NAME_LIST})\s+(?:soundtrack|score)\b"), &["soundtrack", "score"]),
            (
                format!(r"({NAME_LIST})\s+(?:composed|wrote)\s+((?:[\p{{L}}\-]+\s+){{0,3}}?)(scores?|music)\b"),
                &["composed", "wrote"],
            ),
            (r"(?i)\bby\s+(\w+)".to_string(), &["by"]),
        ]
    }

    proptest::proptest! {
        /// A search in runs finds what the plain regex finds, match for match.
        #[test]
        fn runs_find_what_the_regex_finds(
            hay in "(Hans|Zimmer|Jóhann|Éric|de|and|&|score|scores|soundtrack|composed|wrote|the|music|BY|by|ſ|, |1|’s|\\.|-| |  ){0,14}"
        ) {
            for (pattern, literals) in cases() {
                let re = Re::gated(&pattern, literals).unwrap().in_runs().unwrap();
                super::super::searches_agree(&re, &Regex::new(&pattern).unwrap(), &hay)?;
            }
        }
    }

    #[test]
    fn the_alphabet_is_what_the_pattern_spells() {
        let runs = Runs::new(r"[A-Z][\p{L}.]*\s+score\b", None).unwrap();
        assert!(runs.contains('É') && runs.contains('.') && runs.contains(' ') && runs.contains('s'));
        assert!(!runs.contains(',') && !runs.contains('1') && !runs.contains('’'));
        let hay = "In 1998, Éric Serra score. Then";
        assert_eq!(&hay[runs.around(hay, hay.find("score").unwrap())], " Éric Serra score. Then");
        assert_eq!(runs.around(hay, 3), 3..3, "a digit is outside");
    }

    #[test]
    fn a_boundary_sees_past_the_run() {
        // "score1": the digit ends the run but is a word character, so `\b` fails there.
        let re = Re::gated(r"[A-Z][a-z]*\s+score\b", &["score"]).unwrap().in_runs().unwrap();
        assert!(!re.is_match("Serra score1"));
        assert!(re.is_match("Serra score 1"));
    }

    #[test]
    fn runs_need_a_gate_and_whole_characters() {
        assert!(Re::new("score").unwrap().in_runs().is_err());
        assert!(Runs::new(r"(?-u:\xFF)score", None).is_err());
    }
}
