//! Regexes that stay on the regex crate's fast engine.
//!
//! The lazy DFA cannot evaluate a Unicode word boundary (`\b`) next to a non-ASCII byte, so a
//! pattern with `\b` falls back to the much slower NFA engines on any haystack that contains
//! non-ASCII text — curly quotes, dashes, accented names, i.e. most articles. [`Re`] also
//! compiles each pattern with ASCII word boundaries (`(?-u:\b)`) and uses that copy whenever
//! the haystack holds no non-ASCII *word* character: then every character's "wordness" is the
//! same under both definitions, so both copies find exactly the same matches. Haystacks with
//! accented letters take the Unicode copy, as before.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{CaptureMatches, Captures, Match, Matches, Regex, Replacer};

/// A non-ASCII character the regex crate counts as a word character (`\w`, which is what
/// `\b` is defined by).
static NON_ASCII_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("static regex"));

/// True when ASCII and Unicode word boundaries agree everywhere in `hay`.
pub fn ascii_boundaries_agree(hay: &str) -> bool {
    hay.is_ascii() || !NON_ASCII_WORD.is_match(hay)
}

/// A regex with a second copy of itself on ASCII word boundaries; see the module docs.
#[derive(Debug, Clone)]
pub struct Re {
    unicode: Regex,
    /// The same pattern with `\b`/`\B` made ASCII; `None` when it has neither.
    ascii: Option<Regex>,
}

impl Re {
    pub fn new(pattern: &str) -> Result<Re, regex::Error> {
        let unicode = Regex::new(pattern)?;
        let rewritten = ascii_boundaries(pattern);
        let ascii = if rewritten == pattern { None } else { Some(Regex::new(&rewritten)?) };
        Ok(Re { unicode, ascii })
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
        self.pick(hay).is_match(hay)
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.pick(hay).find(hay)
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Matches<'r, 'h> {
        self.pick(hay).find_iter(hay)
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.pick(hay).captures(hay)
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        self.pick(hay).captures_iter(hay)
    }

    pub fn replace<'h, R: Replacer>(&self, hay: &'h str, rep: R) -> Cow<'h, str> {
        self.pick(hay).replace(hay, rep)
    }

    pub fn replace_all<'h, R: Replacer>(&self, hay: &'h str, rep: R) -> Cow<'h, str> {
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
