//! Jaro–Winkler similarity, the very f64 `rapidfuzz::distance::jaro_winkler::similarity`
//! gives, read over bytes for short ASCII words.
//!
//! rapidfuzz decodes both strings as characters and clears a 256-entry match table on every
//! call; resolution compares thousands of short title words and surnames. For two ASCII
//! strings of at most 64 bytes rapidfuzz always takes its single-word path, which is
//! followed here step for step (same window, same flags, same arithmetic in the same order)
//! with a 128-entry table. Anything else goes to rapidfuzz. Debug builds compare every
//! answer's bits with rapidfuzz's.

use rapidfuzz::distance::jaro_winkler;

/// Jaro–Winkler similarity (prefix weight 0.1, no cutoff), bit-identical to rapidfuzz's.
pub fn similarity(a: &str, b: &str) -> f64 {
    let s = if a.len() <= 64 && b.len() <= 64 && a.is_ascii() && b.is_ascii() {
        ascii(a.as_bytes(), b.as_bytes())
    } else {
        jaro_winkler::similarity(a.chars(), b.chars())
    };
    debug_assert_eq!(s.to_bits(), jaro_winkler::similarity(a.chars(), b.chars()).to_bits(), "{a:?} {b:?}");
    s
}

/// Jaro–Winkler of two ASCII strings of at most 64 bytes.
fn ascii(s1: &[u8], s2: &[u8]) -> f64 {
    const PREFIX_WEIGHT: f64 = 0.1;
    let prefix = s1.iter().zip(s2).take(4).take_while(|(x, y)| x == y).count();
    let mut sim = jaro(s1, s2);
    if sim > 0.7 {
        sim += prefix as f64 * PREFIX_WEIGHT * (1.0 - sim);
    }
    sim
}

/// Jaro similarity of two ASCII strings of at most 64 bytes (rapidfuzz's
/// `jaro::similarity_without_pm` with a cutoff of 0, on its single-word path).
fn jaro(s1: &[u8], s2: &[u8]) -> f64 {
    let (len1_orig, len2_orig) = (s1.len(), s2.len());
    if len1_orig == 0 && len2_orig == 0 {
        return 1.0;
    }
    // rapidfuzz's length filter, which with no cutoff refuses only an empty side.
    if len1_orig == 0 || len2_orig == 0 {
        return 0.0;
    }
    if len1_orig == 1 && len2_orig == 1 {
        return f64::from(u8::from(s1[0] == s2[0]));
    }
    // Characters beyond the sliding window of the shorter string can never match.
    let (mut len1, mut len2) = (len1_orig, len2_orig);
    let bound = if len2 > len1 {
        let bound = len2 / 2 - 1;
        len2 = len2.min(len1 + bound);
        bound
    } else {
        let bound = len1 / 2 - 1;
        len1 = len1.min(len2 + bound);
        bound
    };
    let (s1, s2) = (&s1[..len1], &s2[..len2]);
    // A common prefix matches in place, with no transposition.
    let prefix = s1.iter().zip(s2).take_while(|(x, y)| x == y).count();
    let (p, t) = (&s1[prefix..], &s2[prefix..]);
    let mut common = prefix;
    let mut transpositions = 0;
    if !p.is_empty() && !t.is_empty() {
        // Bit `i` of `pm[c]`: `p[i] == c`.
        let mut pm = [0u64; 128];
        for (i, &c) in p.iter().enumerate() {
            pm[usize::from(c)] |= 1 << i;
        }
        let (mut p_flag, mut t_flag) = (0u64, 0u64);
        let mut bound_mask = if bound + 1 < 64 { (1u64 << (bound + 1)) - 1 } else { !0 };
        for (j, &c) in t.iter().enumerate() {
            let pm_j = pm[usize::from(c)] & bound_mask & !p_flag;
            p_flag |= pm_j & pm_j.wrapping_neg();
            t_flag |= u64::from(pm_j != 0) << j;
            bound_mask = if j < bound { (bound_mask << 1) | 1 } else { bound_mask << 1 };
        }
        common += p_flag.count_ones() as usize;
        if common == 0 {
            return 0.0;
        }
        // The k-th flagged character of `t` against the k-th flagged one of `p`.
        while t_flag != 0 {
            let p_lowest = p_flag & p_flag.wrapping_neg();
            let j = t_flag.trailing_zeros() as usize;
            transpositions += usize::from(pm[usize::from(t[j])] & p_lowest == 0);
            t_flag &= t_flag - 1;
            p_flag ^= p_lowest;
        }
    }
    let transpositions = transpositions / 2;
    let mut sim: f64 = 0.0;
    sim += common as f64 / len1_orig as f64;
    sim += common as f64 / len2_orig as f64;
    sim += (common as f64 - transpositions as f64) / common as f64;
    sim / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rapidfuzz(a: &str, b: &str) -> f64 {
        jaro_winkler::similarity(a.chars(), b.chars())
    }

    #[test]
    fn known_pairs() {
        for (a, b) in [
            ("karaindro", "karaindrou"),
            ("silverstri", "silvestri"),
            ("", ""),
            ("", "a"),
            ("a", "a"),
            ("a", "b"),
            ("ab", "ba"),
            ("martha", "marhta"),
            ("dixon", "dicksonx"),
            (
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkm",
            ),
        ] {
            assert_eq!(similarity(a, b).to_bits(), rapidfuzz(a, b).to_bits(), "{a:?} {b:?}");
            assert_eq!(ascii(a.as_bytes(), b.as_bytes()).to_bits(), rapidfuzz(a, b).to_bits(), "{a:?} {b:?}");
        }
    }

    proptest::proptest! {
        /// The byte walk gives rapidfuzz's very bits: short words over a small alphabet (many
        /// matches and transpositions), any ASCII, long strings, and non-ASCII (rapidfuzz's own).
        #[test]
        fn same_bits_as_rapidfuzz(
            a in "[abcé]{0,12}|[ -~]{0,70}|[a-d]{60,70}",
            b in "[abcé]{0,12}|[ -~]{0,70}|[a-d]{60,70}",
        ) {
            proptest::prop_assert_eq!(similarity(&a, &b).to_bits(), rapidfuzz(&a, &b).to_bits(), "{:?} {:?}", a, b);
            if a.len() <= 64 && b.len() <= 64 && a.is_ascii() && b.is_ascii() {
                proptest::prop_assert_eq!(ascii(a.as_bytes(), b.as_bytes()).to_bits(), rapidfuzz(&a, &b).to_bits());
            }
        }

        /// Near spellings: one string a small edit of the other, where the window matters.
        #[test]
        fn same_bits_on_near_spellings(a in "[a-f]{1,20}", at in 0usize..20, edit in 0u8..3, c in "[a-f]") {
            let at = at.min(a.len());
            let b = match edit {
                0 => format!("{}{}{}", &a[..at], c, &a[at..]),
                1 => format!("{}{}", &a[..at], &a[(at + 1).min(a.len())..]),
                _ => format!("{}{}{}", &a[..at], c, &a[(at + 1).min(a.len())..]),
            };
            proptest::prop_assert_eq!(ascii(a.as_bytes(), b.as_bytes()).to_bits(), rapidfuzz(&a, &b).to_bits(), "{:?} {:?}", a, b);
            proptest::prop_assert_eq!(ascii(b.as_bytes(), a.as_bytes()).to_bits(), rapidfuzz(&b, &a).to_bits(), "{:?} {:?}", b, a);
        }
    }
}
