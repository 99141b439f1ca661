//! Gates: literals one of which every match of a pattern contains (see the module docs of
//! [`super`]).

use memchr::memmem;

thread_local! {
    /// The buffer case-insensitive gates lower-case haystacks into.
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[derive(Debug, Clone)]
pub(super) enum Gate {
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
    pub(super) fn literals(literals: &[&str], case_insensitive: bool) -> Gate {
        let finders = literals
            .iter()
            .map(|l| {
                let literal = if case_insensitive { l.to_ascii_lowercase() } else { l.to_string() };
                memmem::Finder::new(literal.as_bytes()).into_owned()
            })
            .collect();
        Gate::Literals { finders, case_insensitive }
    }

    /// False when `hay` cannot hold a match.
    #[inline]
    pub(super) fn admits(&self, hay: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::Re;
    use regex::Regex;

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
}
