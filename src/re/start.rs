//! The first bytes a start-anchored pattern's matches can begin with (see the module docs of
//! [`super`]).

/// The first bytes of the matches of a start-anchored pattern that cannot match the empty
/// string, as a 256-bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct AnchoredStart([u64; 4]);

impl AnchoredStart {
    /// None when `pattern` is not anchored at the start, can match the empty string, or
    /// does not parse as regex-syntax reads it (then every search runs).
    pub(super) fn of(pattern: &str) -> Option<AnchoredStart> {
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
    pub(super) fn admits(&self, hay: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::Re;
    use super::*;
    use regex::Regex;

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
}
