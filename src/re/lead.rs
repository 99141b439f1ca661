//! Leads: literals one of which every match of a pattern *begins* with (see [`super::Re::led`]).
//!
//! "composed by", "score by", "re-released": such patterns have no literal prefix the regex
//! crate can use when they ignore case, so it walks every byte of a blurb, and on text with
//! accented names (where the Unicode copy must run) on its slowest engines. Where matches can
//! begin is found instead with one vectorised search per literal; a match is then tried only
//! there, anchored, with the text before it still seen by look-behind (`\b`). The leftmost
//! start at which an anchored match exists is where the regex's own leftmost match begins.

use regex_automata::{Anchored, Input};

use super::copies::MetaCopies;
use super::literals::Literals;

#[derive(Debug, Clone)]
pub(super) struct Lead {
    literals: Literals,
    copies: MetaCopies,
}

impl Lead {
    pub(super) fn new(pattern: &str, ascii_pattern: Option<&str>, literals: &[&str]) -> Result<Lead, regex::Error> {
        if literals.iter().any(|l| l.is_empty()) {
            return Err(regex::Error::Syntax("a lead literal is empty".into()));
        }
        Ok(Lead {
            literals: Literals::new(literals, pattern.contains("(?i")),
            copies: MetaCopies::new(pattern, ascii_pattern),
        })
    }

    /// Byte offsets at which a match may begin, ascending; `None` when the literals cannot
    /// tell (see [`Literals::blind_to`]).
    pub(super) fn starts(&self, hay: &str) -> Option<Vec<usize>> {
        (!self.literals.blind_to(hay)).then(|| self.literals.starts_in(hay))
    }

    /// Whether a match begins at `at`, in the ASCII copy when `ascii` (the caller's choice of
    /// copy, see [`super::Re`]).
    pub(super) fn matches_at(&self, hay: &str, at: usize, ascii: bool) -> bool {
        self.copies.pick(ascii).is_match(Input::new(hay).range(at..).anchored(Anchored::Yes))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Re;
    use regex::Regex;

    /// Led patterns of the extractors' shapes: case-insensitive words after `\b`, overlapping
    /// literals ("releas" in "re-releas"), a non-ASCII literal in both cases, captures.
    const LED: [(&str, &[&str]); 4] = [
        (r"(?i)\b(?:scored|written and (?:performed|produced))\s+(?:and\s+\w+\s+)?by\s+", &["scored", "written and"]),
        (r"(?i)\b(?:releas\w*|re-releas\w*|lp|cd)\b", &["releas", "re-releas", "lp", "cd"]),
        (r"(?i)\b(?:(score|music)\s+(?:by|from)|música\s+de)\s+(\w+)", &["score", "music", "música", "mÚsica"]),
        (r"\b(Score|Rank)s?:\s*(\d+)", &["Score", "Rank"]),
    ];

    proptest::proptest! {
        /// A led search finds what the plain regex finds, match for match.
        #[test]
        fn led_patterns_find_what_the_regex_finds(
            hay in "(scored|SCORED|ſcored|by|BY|written and|produced|re-released|Releases|lp|CD|score|Score|Scores:|Rank: |música|MÚSICA|de|from|music|é|x|1| ){0,10}"
        ) {
            for (pattern, literals) in LED {
                let led = Re::new(pattern).unwrap().led(literals).unwrap();
                super::super::searches_agree(&led, &Regex::new(pattern).unwrap(), &hay)?;
            }
        }
    }

    #[test]
    fn a_word_before_the_literal_is_seen_by_the_boundary() {
        let led = Re::new(r"(?i)\bscored\s+by\b").unwrap().led(&["scored"]).unwrap();
        assert!(!led.is_match("underscored by"));
        assert!(!led.is_match("éscored by"), "é is a word character");
        assert_eq!(led.find("Ré scored by X").map(|m| m.range()), Some(4..13));
    }

    #[test]
    fn empty_literals_are_refused() {
        assert!(Re::new("a").unwrap().led(&[""]).is_err());
    }
}
