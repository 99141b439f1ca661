//! Pair scores: how much two profiles look like one work, as a sum of per-field parts so that
//! `cuesheet explain` and `review.csv` can show why.
//!
//! - title: the best similarity over both sides' titles and alternate titles, 0–1: equal work
//!   keys score 1, otherwise an IDF-weighted soft Jaccard of their words (words equal, or
//!   Jaro–Winkler ≥ 0.9 for typos), so one shared common word proves little; a title that
//!   is the other's naming subtitle alone scores [`SUBTITLE_ALONE`];
//! - year: +0.10 equal, +0.05 one apart (film year vs release year), −0.40 further apart,
//!   0 when either side has none;
//! - composers: +0.10 to +0.25 by the share of names in common (near spellings of one
//!   person count: same first name, surname Jaro–Winkler ≥ 0.9), −0.25 when both sides
//!   name composers and none agree, 0 when either has none;
//! - labels: +0.05 when a canonical label agrees, else 0 (releases differ honestly).
//!
//! A pair merges when its title part is at least [`TITLE_GATE`] and the total at least
//! [`THRESHOLD`], and never when the titles' part numbers differ (sequels, volumes).

use rapidfuzz::distance::jaro_winkler;
use serde::{Deserialize, Serialize};

use super::features::{Profile, TitleVariant, Word};

/// Total score from which a pair is merged.
pub const THRESHOLD: f64 = 0.85;
/// Title similarity below which a pair never merges, whatever else agrees.
pub const TITLE_GATE: f64 = 0.75;
/// Title similarity of a work named by its subtitle alone (`The Phantom Menace` for `Star
/// Wars: The Phantom Menace`): enough to merge only with a year or composer agreeing.
pub const SUBTITLE_ALONE: f64 = 0.8;
/// Pairs this close to the threshold (either side) go to `review.csv`.
pub const REVIEW_MARGIN: f64 = 0.15;

/// One pair's score, by field.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairScore {
    pub title: f64,
    pub year: f64,
    pub composers: f64,
    pub labels: f64,
    pub total: f64,
}

impl PairScore {
    pub fn merges(&self) -> bool {
        merges_at(self.title, self.total)
    }

    /// Evidence beyond the title: a year or a composer agrees.
    pub fn corroborated(&self) -> bool {
        self.year > 0.0 || self.composers > 0.0
    }
}

/// Whether a pair with these title and total scores merges.
pub fn merges_at(title: f64, total: f64) -> bool {
    title >= TITLE_GATE && total >= THRESHOLD - 1e-9
}

/// Scores two profiles. Returns `None` when their titles are too far apart to matter.
pub fn score(a: &Profile, b: &Profile) -> Option<PairScore> {
    let mut title: f64 = 0.0;
    let mut different_part = false;
    let mut compatible_found = false;
    for ta in &a.titles {
        for tb in &b.titles {
            let sim = title_similarity_from(ta, tb, TITLE_GATE - REVIEW_MARGIN);
            if ta.parsed.parts_compatible(&tb.parsed) {
                compatible_found = true;
                title = title.max(sim);
            } else if sim >= TITLE_GATE || ta.parsed.base == tb.parsed.base {
                different_part = true;
            }
        }
    }
    // A sequel is only "different" when no pair of titles agrees on the part.
    different_part &= !(compatible_found && title >= TITLE_GATE);
    if title < TITLE_GATE - REVIEW_MARGIN || different_part {
        return None;
    }
    let year = year_score(a.year, b.year);
    let composers = composer_score(&a.composers, &b.composers);
    let labels = if a.labels.iter().any(|l| b.labels.contains(l)) { 0.05 } else { 0.0 };
    let total = title + year + composers + labels;
    Some(PairScore { title, year, composers, labels, total })
}

/// Title similarity of two variants, ignoring part numbers (checked by the caller).
/// Token weights come from the frequencies [`super::features::Idf::annotate`] fills in.
pub fn title_similarity(a: &TitleVariant, b: &TitleVariant) -> f64 {
    similarity_at_least(a, b, None)
}

/// [`title_similarity`], or 0 when it is known to be below `floor` without working it out.
/// A score below the floor is not needed: the caller keeps the best pair's similarity only
/// at or above it (a lower best drops the pair whatever its value), and the gate it compares
/// other pairs with is higher.
fn title_similarity_from(a: &TitleVariant, b: &TitleVariant, floor: f64) -> f64 {
    let sim = similarity_at_least(a, b, Some(floor));
    #[cfg(debug_assertions)]
    {
        let full = title_similarity(a, b);
        let skipped = sim == 0.0 && full < floor;
        assert!(skipped || sim.to_bits() == full.to_bits(), "{:?} {:?}", a.parsed.base, b.parsed.base);
    }
    sim
}

/// [`title_similarity`]'s steps; given a `floor`, the bound is asked before the Jaccard and
/// a pair it puts below the floor scores 0.
fn similarity_at_least(a: &TitleVariant, b: &TitleVariant, floor: Option<f64>) -> f64 {
    if a.parsed.base == b.parsed.base {
        return 1.0;
    }
    if a.same_compact_base(b) {
        return 0.98;
    }
    let by_subtitle =
        |x: &TitleVariant, y: &TitleVariant| !x.parsed.subtitle.is_empty() && x.parsed.subtitle == y.parsed.base;
    let subtitle = by_subtitle(a, b) || by_subtitle(b, a);
    if let Some(floor) = floor
        && !subtitle
        && jaccard_bound(a, b) < floor * (1.0 - 1e-6)
    {
        return 0.0;
    }
    let jaccard = soft_jaccard(a, b);
    if subtitle { jaccard.max(SUBTITLE_ALONE) } else { jaccard }
}

/// An upper bound of [`soft_jaccard`]: at most `k` words pair up (`k` the shorter side's
/// count, `b` counting at most 64), each pair adding at most the mean of its two weights,
/// so the matched weight is at most half the sum of both sides' `k` heaviest weights (a
/// side's whole weight when it has more than 8 words), and the score grows with it. Titles
/// of equal length give the trivial bound 1 at once. Rounding moves either side by far less
/// than the caller's relative margin.
fn jaccard_bound(a: &TitleVariant, b: &TitleVariant) -> f64 {
    let (na, nb) = (a.word_count(), b.word_count().min(64));
    if na == nb || na == 0 || nb == 0 {
        return 1.0;
    }
    let k = na.min(nb);
    let heaviest = |t: &TitleVariant, n: usize| -> f64 {
        if k >= n || n > 8 {
            return t.weight_total();
        }
        let mut weights = [0.0f64; 8];
        for (i, w) in weights.iter_mut().enumerate().take(n) {
            *w = t.weight(i);
        }
        let weights = &mut weights[..n];
        weights.sort_unstable_by(|x, y| y.total_cmp(x));
        weights[..k].iter().sum()
    };
    let matched = (heaviest(a, na) + heaviest(b, nb)) / 2.0;
    let total = a.weight_total() + b.weight_total();
    if matched >= total { 1.0 } else { matched / (total - matched) }
}

/// IDF-weighted Jaccard where a word matches its equal or a near spelling. Words and their
/// facts come from the variants ([`TitleVariant::word`]), found once per variant instead of
/// once per pair and word.
fn soft_jaccard(a: &TitleVariant, b: &TitleVariant) -> f64 {
    let total: f64 = a.weight_total() + b.weight_total();
    if total == 0.0 {
        return 0.0;
    }
    // Words of `b` already matched; titles longer than 64 words only match their first 64.
    let mut used: u64 = 0;
    let mut matched = 0.0;
    for i in 0..a.word_count() {
        let (ta, wa) = a.word(i);
        let mut best: Option<(usize, f64)> = None;
        for j in 0..b.word_count().min(64) {
            if used & (1 << j) != 0 {
                continue;
            }
            let (tb, wb) = b.word(j);
            let s = if ta == tb {
                1.0
            } else if !(wa.typo_eligible && wb.typo_eligible) {
                0.0
            } else {
                near_spelling(ta, tb, wa, wb)
            };
            debug_assert_eq!(s, word_similarity(ta, tb), "{ta:?} {tb:?}");
            if s > best.map_or(0.0, |(_, s)| s) {
                best = Some((j, s));
                if s == 1.0 {
                    break;
                }
            }
        }
        if let Some((j, s)) = best {
            used |= 1 << j;
            matched += s * (a.weight(i) + b.weight(j)) / 2.0;
        }
    }
    matched / (total - matched)
}

/// [`word_similarity`] of two different words that may be a typo apart (both long enough,
/// no digits), with their facts.
fn near_spelling(a: &str, b: &str, wa: Word, wb: Word) -> f64 {
    let ascii_lower = wa.ascii_lower && wb.ascii_lower;
    if a.len().abs_diff(b.len()) > 2 || ascii_lower && !letter_sets_close(a, b, wa.letters, wb.letters) {
        return 0.0;
    }
    let s = super::jaro::similarity(a, b);
    if s >= 0.9 { s } else { 0.0 }
}

/// [`soft_jaccard`] as it was, splitting both bases for every pair: the check.
#[cfg(test)]
fn soft_jaccard_reference(a: &TitleVariant, b: &TitleVariant) -> f64 {
    let total: f64 = a.weight_total() + b.weight_total();
    if total == 0.0 {
        return 0.0;
    }
    let mut used: u64 = 0;
    let mut matched = 0.0;
    for (i, ta) in a.tokens().enumerate() {
        let mut best: Option<(usize, f64)> = None;
        for (j, tb) in b.tokens().enumerate().take(64) {
            if used & (1 << j) != 0 {
                continue;
            }
            let s = word_similarity(ta, tb);
            if s > best.map_or(0.0, |(_, s)| s) {
                best = Some((j, s));
                if s == 1.0 {
                    break;
                }
            }
        }
        if let Some((j, s)) = best {
            used |= 1 << j;
            matched += s * (a.weight(i) + b.weight(j)) / 2.0;
        }
    }
    matched / (total - matched)
}

/// 1 for equal words, the Jaro–Winkler similarity for a near spelling of a longer word,
/// else 0.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.len() < 4 || b.len() < 4 || a.chars().any(|c| c.is_ascii_digit()) || b.chars().any(|c| c.is_ascii_digit()) {
        return 0.0;
    }
    if !could_be_typo(a, b) {
        return 0.0;
    }
    let s = jaro_winkler::similarity(a.chars(), b.chars());
    if s >= 0.9 { s } else { 0.0 }
}

/// A cheap test that two words could be a typo apart (Jaro–Winkler ≥ 0.9 needs it): lengths
/// within two, and for plain ASCII letters, letter counts differing in at most four places.
fn could_be_typo(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    if !(a.bytes().all(|c| c.is_ascii_lowercase()) && b.bytes().all(|c| c.is_ascii_lowercase())) {
        return true;
    }
    letter_counts_close(a, b)
}

/// [`letter_counts_close`], refusing first on the words' letter sets: each letter found in one
/// word only is a count that differs, so more than four such letters refuse.
fn letter_sets_close(a: &str, b: &str, letters_a: u32, letters_b: u32) -> bool {
    if (letters_a ^ letters_b).count_ones() > 4 {
        debug_assert!(!letter_counts_close(a, b), "{a:?} {b:?}");
        return false;
    }
    letter_counts_close(a, b)
}

/// For two words of ASCII lower-case letters: letter counts differing in at most four places.
fn letter_counts_close(a: &str, b: &str) -> bool {
    let mut counts = [0i32; 26];
    a.bytes().for_each(|c| counts[(c - b'a') as usize] += 1);
    b.bytes().for_each(|c| counts[(c - b'a') as usize] -= 1);
    counts.iter().map(|c| c.unsigned_abs()).sum::<u32>() <= 4
}

pub fn year_score(a: Option<i32>, b: Option<i32>) -> f64 {
    match (a, b) {
        (Some(x), Some(y)) if x == y => 0.10,
        (Some(x), Some(y)) if (x - y).abs() == 1 => 0.05,
        (Some(_), Some(_)) => -0.40,
        _ => 0.0,
    }
}

/// Composer agreement of two sets of name keys.
pub fn composer_score<S: AsRef<str>>(a: &[S], b: &[S]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|x| b.iter().any(|y| same_person(x.as_ref(), y.as_ref()))).count();
    if common == 0 {
        return -0.25;
    }
    0.10 + 0.15 * common as f64 / a.len().min(b.len()) as f64
}

/// Whether two name keys may name one person: equal, equal without spaces (`De Vries` =
/// `Devries`), or the same first name with a surname one or two letters off
/// (`Karaindro` / `Karaindrou`).
pub fn same_person(a: &str, b: &str) -> bool {
    // Compared without spaces byte by byte: two copies per pair were most of the scoring of
    // composers.
    if a == b {
        return true;
    }
    let same_unspaced = a.bytes().filter(|&c| c != b' ').eq(b.bytes().filter(|&c| c != b' '));
    debug_assert_eq!(same_unspaced, a.replace(' ', "") == b.replace(' ', ""));
    if same_unspaced {
        return true;
    }
    let (Some((fa, sa)), Some((fb, sb))) = (a.split_once(' '), b.split_once(' ')) else {
        return false;
    };
    fa == fb && sa.len() >= 4 && sb.len() >= 4 && super::jaro::similarity(sa, sb) >= 0.9
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The bound is never below the score, so a pair it refuses scores below the floor.
        #[test]
        fn jaccard_bound_is_at_least_the_score(
            a in "(star|stars|satr|wars|war5|the|return|retrun|jedi|jedii|éclair|eclair|1977|  | ){1,8}",
            b in "(star|stars|satr|wars|war5|the|return|retrun|jedi|jedii|éclair|eclair|1977|  | ){1,8}",
            extra in "(star|wars|the|jedi|hope|new|empire|a|of){0,6}",
        ) {
            let (Some(mut ta), Some(mut tb)) = (TitleVariant::new(&a), TitleVariant::new(&b)) else {
                return Ok(());
            };
            let idf = super::super::features::Idf::new([ta.parsed.base.as_str(), tb.parsed.base.as_str(), "star", extra.as_str()].into_iter());
            idf.annotate(&mut ta);
            idf.annotate(&mut tb);
            for (x, y) in [(&ta, &tb), (&tb, &ta)] {
                let sim = soft_jaccard(x, y);
                proptest::prop_assert!(jaccard_bound(x, y) >= sim * (1.0 - 1e-12), "{} {}", jaccard_bound(x, y), sim);
                proptest::prop_assert_eq!(title_similarity_from(x, y, 0.6) < 0.6, title_similarity(x, y) < 0.6);
                if title_similarity_from(x, y, 0.6) >= 0.6 {
                    proptest::prop_assert_eq!(title_similarity_from(x, y, 0.6).to_bits(), title_similarity(x, y).to_bits());
                }
            }
        }
    }

    #[test]
    fn near_spellings_of_one_person() {
        assert!(same_person("eleni karaindro", "eleni karaindrou"));
        assert!(same_person("alan silverstri", "alan silvestri"));
        assert!(same_person("marius de vries", "marius devries"));
        assert!(!same_person("john williams", "john barry"));
        assert!(!same_person("eleni karaindrou", "maria karaindrou"));
    }

    proptest::proptest! {
        /// Words found once per variant score as splitting for every pair did.
        #[test]
        fn soft_jaccard_agrees_with_splitting_per_pair(
            a in "(star|stars|satr|wars|war5|the|return|retrun|jedi|jedii|éclair|eclair|1977|  | ){1,8}",
            b in "(star|stars|satr|wars|war5|the|return|retrun|jedi|jedii|éclair|eclair|1977|  | ){1,8}",
        ) {
            let (Some(mut ta), Some(mut tb)) = (TitleVariant::new(&a), TitleVariant::new(&b)) else {
                return Ok(());
            };
            let idf = super::super::features::Idf::new([ta.parsed.base.as_str(), tb.parsed.base.as_str(), "star"].into_iter());
            idf.annotate(&mut ta);
            idf.annotate(&mut tb);
            proptest::prop_assert_eq!(soft_jaccard(&ta, &tb).to_bits(), soft_jaccard_reference(&ta, &tb).to_bits());
            proptest::prop_assert_eq!(soft_jaccard(&tb, &ta).to_bits(), soft_jaccard_reference(&tb, &ta).to_bits());
        }
    }

    #[test]
    fn years() {
        assert_eq!(year_score(Some(2014), Some(2014)), 0.10);
        assert_eq!(year_score(Some(2014), Some(2015)), 0.05);
        assert!(year_score(Some(1978), Some(2007)) < 0.0);
        assert_eq!(year_score(None, Some(2007)), 0.0);
    }
}
