//! Gates: literals one of which every match of a pattern contains (see the module docs of
//! [`super`]).

use super::literals::Literals;

#[derive(Debug, Clone)]
pub(super) enum Gate {
    Open,
    /// Every match contains one of these literals.
    Literals(Literals),
    /// Every match contains a non-ASCII character.
    NonAscii,
}

impl Gate {
    /// False when `hay` cannot hold a match.
    #[inline]
    pub(super) fn admits(&self, hay: &str) -> bool {
        match self {
            Gate::Open => true,
            Gate::NonAscii => !hay.is_ascii(),
            Gate::Literals(literals) => literals.any_in(hay) || literals.blind_to(hay),
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
