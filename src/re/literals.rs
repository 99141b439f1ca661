//! Literal words looked for in a haystack, for gates and leads. Whether any is there (gates)
//! is one vectorised substring search per literal, which measured 3–4 times faster here than
//! one aho-corasick automaton for them all (it has no fast prefilter for case-insensitive or
//! space-led literals), and stops at the first found; texts of 256 bytes or more are read
//! once by the packed searcher below instead, for gates of three literals or more (3.6 MB
//! sample −5 M, 10 MB −22 M instructions; from 128 bytes and two literals it cost +23 M and
//! +70 M). Where they all begin (leads and runs)
//! is one pass of a packed searcher (Teddy) over the same lower-cased copy: 3% fewer
//! instructions for a whole run than one pass per literal and a sort.

use memchr::memmem;

thread_local! {
    /// The buffer haystacks are lower-cased into for case-insensitive searches.
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Texts at least this long are searched for gate literals in one packed pass...
const PACKED_FROM: usize = 256;
/// ...when there are at least this many literals.
const PACKED_LITERALS: usize = 3;

#[derive(Debug, Clone)]
pub(super) struct Literals {
    /// Lower-cased when `case_insensitive`, and then searched for in a lower-cased copy.
    finders: Box<[memmem::Finder<'static>]>,
    /// The same literals in one vectorised searcher (Teddy), for finding every place where one
    /// begins in a single pass; `None` for one literal or where no packed searcher can be built.
    packed: Option<aho_corasick::packed::Searcher>,
    case_insensitive: bool,
}

impl Literals {
    /// `case_insensitive` ignores ASCII case, as a `(?i)` pattern's literals do.
    pub(super) fn new(literals: &[&str], case_insensitive: bool) -> Literals {
        let searched: Vec<String> =
            literals.iter().map(|l| if case_insensitive { l.to_ascii_lowercase() } else { l.to_string() }).collect();
        let finders = searched.iter().map(|l| memmem::Finder::new(l.as_bytes()).into_owned()).collect();
        let packed = (searched.len() > 1).then(|| aho_corasick::packed::Searcher::new(&searched)).flatten();
        Literals { finders, packed, case_insensitive }
    }

    /// Whether a case-insensitive pattern could match text the literals cannot see: `ſ` and
    /// the Kelvin sign fold to ASCII letters under Unicode case rules.
    pub(super) fn blind_to(&self, hay: &str) -> bool {
        self.case_insensitive && holds_ascii_folding_letter(hay)
    }

    /// Whether any literal is in `hay`.
    pub(super) fn any_in(&self, hay: &str) -> bool {
        self.searched(hay, |bytes| match &self.packed {
            // A long text without the literals (most texts, for most gates) is read once by
            // the packed searcher instead of once per literal; short texts, most of those
            // checked, keep the substring searches, which cost less to start.
            Some(packed) if bytes.len() >= PACKED_FROM && self.finders.len() >= PACKED_LITERALS => {
                let found = packed.find_in(bytes, aho_corasick::Span::from(0..bytes.len())).is_some();
                debug_assert_eq!(found, self.finders.iter().any(|f| f.find(bytes).is_some()));
                found
            }
            _ => self.finders.iter().any(|f| f.find(bytes).is_some()),
        })
    }

    /// Where the literals begin in `hay`, ascending, without repeats.
    pub(super) fn starts_in(&self, hay: &str) -> Vec<usize> {
        if let Some(packed) = &self.packed {
            // The leftmost occurrence at or after each start found: every start, in order.
            return self.searched(hay, |bytes| {
                let mut starts = Vec::new();
                let mut from = 0;
                while let Some(m) = packed.find_in(bytes, aho_corasick::Span::from(from..bytes.len())) {
                    starts.push(m.start());
                    from = m.start() + 1;
                }
                starts
            });
        }
        let mut starts: Vec<usize> =
            self.searched(hay, |bytes| self.finders.iter().flat_map(|f| f.find_iter(bytes)).collect());
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    /// `search` run on `hay`, lower-cased when the literals ignore case (same byte offsets).
    fn searched<T>(&self, hay: &str, search: impl FnOnce(&[u8]) -> T) -> T {
        if !self.case_insensitive {
            return search(hay.as_bytes());
        }
        with_ascii_lowered(hay, search)
    }
}

/// Whether `hay` holds `ſ` or the Kelvin sign, the two non-ASCII letters that fold to ASCII
/// ones (`s`, `k`) under Unicode case rules: a case-insensitive search of lower-cased ASCII
/// cannot see them.
pub fn holds_ascii_folding_letter(hay: &str) -> bool {
    // One pass over the lead bytes of both (`ſ` is C5 BF, the Kelvin sign E2 84 AA) instead
    // of two substring searches, each built anew.
    let bytes = hay.as_bytes();
    let holds = !hay.is_ascii()
        && memchr::memchr2_iter(0xC5, 0xE2, bytes)
            .any(|i| bytes[i..].starts_with("\u{17F}".as_bytes()) || bytes[i..].starts_with("\u{212A}".as_bytes()));
    debug_assert_eq!(holds, hay.contains('\u{17F}') || hay.contains('\u{212A}'), "{hay:?}");
    holds
}

/// `f` run on a copy of `hay` with ASCII letters lower-cased (same byte offsets), in a buffer
/// kept per thread.
pub fn with_ascii_lowered<T>(hay: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    LOWERED.with_borrow_mut(|lowered| {
        lowered.clear();
        lowered.extend_from_slice(hay.as_bytes());
        lowered.make_ascii_lowercase();
        let found = f(lowered);
        // A whole huge document may pass through here; do not hold on to its copy.
        if lowered.capacity() > 1 << 20 {
            *lowered = Vec::new();
        }
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte offset at which a literal begins, tried one by one.
    fn starts_by_each_offset(literals: &[&str], case_insensitive: bool, hay: &str) -> Vec<usize> {
        let fold = |s: &str| if case_insensitive { s.to_ascii_lowercase() } else { s.to_string() };
        let hay = fold(hay);
        let literals: Vec<String> = literals.iter().map(|l| fold(l)).collect();
        (0..hay.len()).filter(|&i| literals.iter().any(|l| hay.as_bytes()[i..].starts_with(l.as_bytes()))).collect()
    }

    proptest::proptest! {
        /// Long texts, searched in one packed pass, hold a literal exactly when one begins
        /// somewhere in them.
        #[test]
        fn long_texts_hold_literals_as_short_ones_do(hay in "(releas|RE-RELEAS|lP|vinyl|x|yy| |é){60,120}") {
            let literals = ["re-releas", "lp", "vinyl", "zz"];
            for case_insensitive in [false, true] {
                let found = Literals::new(&literals, case_insensitive);
                let expected = !starts_by_each_offset(&literals, case_insensitive, &hay).is_empty();
                proptest::prop_assert_eq!(found.any_in(&hay), expected);
            }
        }

        /// The packed searcher finds every start, overlapping ones ("releas" inside
        /// "re-releas", both of "aa" in "aaa", which one substring search per literal
        /// missed) included, in long haystacks (Teddy) and short ones.
        #[test]
        fn packed_starts_are_every_literal_start(hay in "(re-releas|Releas|RE|lp|LP|aa|a| |é|x){0,40}") {
            let literals = ["releas", "re-releas", "lp", "aa"];
            for case_insensitive in [false, true] {
                let found = Literals::new(&literals, case_insensitive);
                proptest::prop_assert!(found.packed.is_some() || !cfg!(target_arch = "x86_64"));
                proptest::prop_assert_eq!(found.starts_in(&hay), starts_by_each_offset(&literals, case_insensitive, &hay));
            }
        }
    }
}
