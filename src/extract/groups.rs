//! Bracketed groups in a header — `(Label, 1994)`, `(1956; soundtrack: Planet Records, 1976)`,
//! `(2017, James Mangold)`, `(Hans Zimmer)`, `(Original Motion Picture Soundtrack)`,
//! `[Alt Title]` — and what each one holds.

use std::sync::LazyLock;

use crate::re::Re;

use super::names::{is_various_artists, list_score, split_names};
use super::vocab::Vocabulary;
use crate::model::Release;

/// What a bracketed group holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    /// A year or year range (first year kept); `by` when the group ends with "by" (a typo
    /// that moves the credit outside: "(1976 by) Pino Donaggio").
    Year { year: i32, by: bool },
    /// `(2017, James Mangold)` or `(John Williams, 1975)`: a year and a name; `name_first`
    /// tells which came first (a name after the year is usually the director).
    YearName { year: i32, name: String, name_first: bool },
    /// Releases, with the work's own year when the group gives one first.
    Releases { releases: Vec<Release>, film_year: Option<i32> },
    /// "(Original Motion Picture Soundtrack)" and the like.
    Descriptor(String),
    /// Credited names.
    Names(Vec<String>),
    /// Anything else: an alternate title, or the work in "Track (Work)" lists.
    Other(String),
    /// Makers and labels side by side: "(Mark Korven; Sacred Bones)", "(Michael Abels, Back
    /// Lot Music, 2019)".
    Credits { names: Vec<String>, releases: Vec<Release>, year: Option<i32> },
}

static YEAR: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^(1[89]\d\d|20\d\d)(?:\s*[-–/]\s*(?:1[89]\d\d|20\d\d|\d\d))?$").expect("static regex"));
/// The first year [`YEAR`] captures in `s`. Most groups are a bare year, four ASCII digits:
/// those are read without the regex (a capture search costs about a thousand instructions).
fn year_capture(s: &str) -> Option<&str> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let year = matches!(&s[..2], "18" | "19" | "20");
        debug_assert_eq!(year, YEAR.is_match(s), "{s:?}");
        return year.then_some(s);
    }
    YEAR.captures(s).map(|c| c.get(1).expect("the year group takes part in every match").as_str())
}
static YEAR_BY: LazyLock<Re> = LazyLock::new(|| Re::new(r"^(1[89]\d\d|20\d\d)\s+by$").expect("static regex"));
static YEAR_ANYWHERE: LazyLock<Re> = LazyLock::new(|| Re::new(r"\b(1[89]\d\d|20\d\d)\b").expect("static regex"));
static DESCRIPTOR: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(soundtrack|motion pictures?|original score|score|ost|music from|music by|original|edition|version|remaster(?:ed)?|deluxe|expanded|anniversary|vinyl|reissue|television|tv series|series|anime|video ?game|complete|limited|volume|vol\.)\b").expect("static regex")
});
/// Words that make a name a company.
static LABEL_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(records|recordings|music|musique|classics|classical|entertainment|label|sound|sounds|audio|editions?|productions|discs?|tapes|masterworks|media|publishing|inc|ltd|llc|gmbh|company|group)\b").expect("static regex")
});
/// [`LABEL_WORD`]'s words, lower case.
const LABEL_WORDS: [&str; 26] = [
    "records",
    "recordings",
    "music",
    "musique",
    "classics",
    "classical",
    "entertainment",
    "label",
    "sound",
    "sounds",
    "audio",
    "edition",
    "editions",
    "productions",
    "disc",
    "discs",
    "tapes",
    "masterworks",
    "media",
    "publishing",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "company",
    "group",
];

/// Whether [`LABEL_WORD`] matches `s`. In ASCII text a match is a whole run of word bytes
/// (the pattern is one word between `\b`s) equal to a word of the list, ASCII case aside
/// (`(?i)` folds ASCII letters only to ASCII letters, `ſ` and the Kelvin sign): such text is
/// read by hand, so the Unicode pattern is compiled only for other text (a fixed cost per
/// process, about 4 M instructions, for a handful of labels).
fn is_label_word(s: &str) -> bool {
    if !s.is_ascii() {
        return LABEL_WORD.is_match(s);
    }
    let found = s
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|run| LABEL_WORDS.iter().any(|w| run.eq_ignore_ascii_case(w)));
    debug_assert_eq!(found, LABEL_WORD.is_match(s), "{s:?}");
    found
}

/// Classifies the inside of one bracketed group. `has_maker_slot` says whether the header
/// already credits makers outside the group, so an ambiguous "X, 1994" is a label.
pub fn classify(inner: &str, has_maker_slot: bool, vocab: &Vocabulary) -> Group {
    let inner = inner.trim().trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    if let Some(y) = year_capture(inner) {
        return Group::Year { year: y.parse().unwrap_or(0), by: false };
    }
    if let Some(c) = YEAR_BY.captures(inner) {
        return Group::Year { year: c[1].parse().unwrap_or(0), by: true };
    }
    if let Some(g) = credits_group(inner, vocab) {
        return g;
    }
    if (inner.contains(';') || inner.contains(" / ") || inner.contains(':') && YEAR_ANYWHERE.is_match(inner))
        && let Some(g) = releases_group(inner, vocab)
    {
        return g;
    }
    if let Some((a, b)) = inner.split_once(',') {
        let (a, b) = (a.trim(), b.trim());
        let year_a = year_capture(a).and_then(|y| y.parse::<i32>().ok());
        let year_b = year_capture(b).and_then(|y| y.parse::<i32>().ok());
        if let Some(year) = year_a.or(year_b) {
            let other = if year_a.is_some() { b } else { a };
            // "(PS1, 1995)", "(HBO, 2014–2019)": a platform or network, not a label.
            if super::words::is_platform_or_network(other) {
                return Group::Year { year, by: false };
            }
            if is_label_like(other, vocab) || (has_maker_slot && year_b.is_some() && list_score(other, vocab) < 0.95) {
                return releases_group(inner, vocab).unwrap_or(Group::Year { year, by: false });
            }
            if list_score(other, vocab) >= 0.5 {
                return Group::YearName { year, name: other.to_string(), name_first: year_b.is_some() };
            }
            return Group::Year { year, by: false };
        }
    }
    if is_label_like(inner, vocab) && !DESCRIPTOR.is_match(inner) || vocab.label(inner).is_some() {
        return Group::Releases {
            releases: split_labels(inner)
                .into_iter()
                .map(|l| Release { label: Some(l), year: None, edition: None })
                .collect(),
            film_year: None,
        };
    }
    if DESCRIPTOR.is_match(inner) {
        return Group::Descriptor(inner.to_string());
    }
    if is_various_artists(inner) {
        return Group::Names(Vec::new());
    }
    if list_score(inner, vocab) >= 0.6 {
        return Group::Names(split_names(inner));
    }
    Group::Other(inner.to_string())
}

/// Parts that each read plainly as a name list, a known label or a year, with at least one
/// name and one label.
fn credits_group(inner: &str, vocab: &Vocabulary) -> Option<Group> {
    let sep = if inner.contains(';') { ';' } else { ',' };
    let parts: Vec<&str> = inner.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        return None;
    }
    let (mut names, mut releases, mut year) = (Vec::new(), Vec::new(), None);
    for part in parts {
        if let Some(y) = year_capture(part) {
            year = year.or_else(|| y.parse().ok());
        } else if vocab.label(part).is_some() || is_label_word(part) && list_score(part, vocab) < 0.9 {
            releases.push(Release { label: Some(part.to_string()), year: None, edition: None });
        } else if list_score(part, vocab) >= 0.7 {
            names.extend(split_names(part));
        } else {
            return None;
        }
    }
    if names.is_empty() || releases.is_empty() {
        return None;
    }
    for r in &mut releases {
        r.year = year;
    }
    Some(Group::Credits { names, releases, year })
}

/// A label by vocabulary or by a company word ("Records", "Music", "Classics").
pub fn is_label_like(s: &str, vocab: &Vocabulary) -> bool {
    let s = s.trim();
    if s.is_empty() || s.split_whitespace().count() > 6 {
        return false;
    }
    if vocab.label(s).is_some() {
        return true;
    }
    // Company names do not read like phrases ("Music for the Film Varmints").
    if s.split_whitespace().any(|w| matches!(w, "for" | "from" | "to" | "in" | "on" | "with" | "by")) {
        return false;
    }
    split_labels(s).iter().all(|l| vocab.label(l).is_some() || is_label_word(l))
}

fn split_labels(s: &str) -> Vec<String> {
    s.split(" / ")
        .flat_map(|p| p.split('/'))
        .map(|p| p.trim().trim_end_matches(['.', ',']).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// `Label, 1988 / Edition: Label, 1990`, `1956; soundtrack: Label, 1976`, `A / B, 2002`,
/// `Label, 1940 / 1957 / 1982`.
fn releases_group(inner: &str, vocab: &Vocabulary) -> Option<Group> {
    let mut film_year = None;
    let mut releases: Vec<Release> = Vec::new();
    let segments: Vec<&str> = inner.split(';').map(str::trim).filter(|s| !s.is_empty()).collect();
    for (i, segment) in segments.iter().enumerate() {
        if i == 0
            && segments.len() > 1
            && let Some(y) = year_capture(segment)
        {
            film_year = y.parse().ok();
            continue;
        }
        let segment = strip_release_prefix(segment);
        // Labels without a year take the year of the next chunk that has one.
        let mut pending: Vec<usize> = Vec::new();
        for chunk in segment.split('/').map(str::trim).filter(|c| !c.is_empty()) {
            if let Some(y) = year_capture(chunk) {
                let year: i32 = y.parse().ok()?;
                match releases.last() {
                    Some(last) if pending.is_empty() && last.year.is_some() => {
                        let label = last.label.clone();
                        releases.push(Release { label, year: Some(year), edition: None });
                    }
                    _ => {
                        for &p in &pending {
                            releases[p].year = Some(year);
                        }
                        pending.clear();
                    }
                }
                continue;
            }
            let (edition, rest) = match chunk.split_once(':') {
                Some((e, r)) if !r.trim().is_empty() => (Some(e.trim().to_string()), r.trim()),
                _ => (None, chunk),
            };
            let (label, year) = match rest.rsplit_once(',') {
                Some((l, y)) if year_capture(y.trim()).is_some() => {
                    (l.trim(), year_capture(y.trim()).and_then(|y| y.parse().ok()))
                }
                _ => (rest, None),
            };
            if label.is_empty() {
                continue;
            }
            releases.push(Release { label: Some(label.to_string()), year, edition });
            if year.is_none() {
                pending.push(releases.len() - 1);
            } else {
                for &p in &pending {
                    releases[p].year = year;
                }
                pending.clear();
            }
        }
    }
    let labels_ok = releases
        .iter()
        .filter_map(|r| r.label.as_deref())
        .all(|l| vocab.label(l).is_some() || is_label_word(l) || list_score(l, vocab) < 0.9);
    (!releases.is_empty() && labels_ok).then_some(Group::Releases { releases, film_year })
}

fn strip_release_prefix(segment: &str) -> &str {
    let lower = segment.to_lowercase();
    for prefix in ["soundtrack:", "ost:", "score:", "album:", "released:", "label:", "reissue:", "lp:", "cd:"] {
        if lower.starts_with(prefix) {
            return segment[prefix.len()..].trim();
        }
    }
    segment
}

#[cfg(test)]
mod tests {

    #[test]
    fn years_read_without_the_regex_as_with_it() {
        for s in ["1995", "1799", "2099", "2100", "0000", "19955", "1995–1997", "1995 ", "(1995)", "١٩٩٥", "abcd"]
        {
            let by_regex = YEAR.captures(s).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(year_capture(s), by_regex, "{s:?}");
        }
        assert_eq!(year_capture("1995"), Some("1995"));
        assert_eq!(year_capture("1995-97"), Some("1995"));
        assert_eq!(year_capture("2100"), None);
    }

    use super::*;
    use crate::extract::vocab::BUILT_IN;

    fn rel(label: &str, year: Option<i32>, edition: Option<&str>) -> Release {
        Release { label: Some(label.into()), year, edition: edition.map(Into::into) }
    }

    #[test]
    fn release_groups() {
        let v = &*BUILT_IN;
        assert_eq!(
            classify("Walt Disney Records, 1994", true, v),
            Group::Releases { releases: vec![rel("Walt Disney Records", Some(1994), None)], film_year: None }
        );
        assert_eq!(
            classify("1956; soundtrack: Planet Records, 1976", true, v),
            Group::Releases { releases: vec![rel("Planet Records", Some(1976), None)], film_year: Some(1956) }
        );
        assert_eq!(
            classify("Nonesuch / Warners, 2002", true, v),
            Group::Releases {
                releases: vec![rel("Nonesuch", Some(2002), None), rel("Warners", Some(2002), None)],
                film_year: None
            }
        );
        assert_eq!(
            classify("Victor, 1988 / Symphonic Suite: Invitation, 1990", true, v),
            Group::Releases {
                releases: vec![rel("Victor", Some(1988), None), rel("Invitation", Some(1990), Some("Symphonic Suite"))],
                film_year: None
            }
        );
        let Group::Releases { releases, .. } = classify("Disneyland Records, 1940 / 1957 / 1982", false, v) else {
            panic!("not releases")
        };
        assert_eq!(releases.len(), 3);
        assert!(releases.iter().all(|r| r.label.as_deref() == Some("Disneyland Records")));
    }

    #[test]
    fn other_groups() {
        let v = &*BUILT_IN;
        assert_eq!(classify("1995", false, v), Group::Year { year: 1995, by: false });
        assert_eq!(classify("2001-2003", false, v), Group::Year { year: 2001, by: false });
        assert_eq!(classify("1976 by", false, v), Group::Year { year: 1976, by: true });
        assert_eq!(
            classify("2017, James Mangold", true, v),
            Group::YearName { year: 2017, name: "James Mangold".into(), name_first: false }
        );
        assert!(matches!(classify("Original Motion Picture Soundtrack", false, v), Group::Descriptor(_)));
        assert_eq!(classify("Hans Zimmer", false, v), Group::Names(vec!["Hans Zimmer".into()]));
        assert_eq!(
            classify("Now and Then, Here and There", false, v),
            Group::Other("Now and Then, Here and There".into())
        );
        assert!(matches!(classify("Sony Classics", false, v), Group::Releases { .. }));
        let Group::Credits { names, releases, .. } = classify("Mark Korven; Sacred Bones", false, v) else {
            panic!("not credits")
        };
        assert_eq!((names, releases[0].label.as_deref()), (vec!["Mark Korven".to_string()], Some("Sacred Bones")));
    }

    #[test]
    fn label_words_are_whole_words() {
        assert!(is_label_word("Back Lot MUSIC"));
        assert!(is_label_word("Varèse Sarabande Records"));
        assert!(!is_label_word("Musical Tapestry"));
        assert!(!is_label_word("Incognito_Group"));
    }

    proptest::proptest! {
        /// The hand reading answers as LABEL_WORD does.
        #[test]
        fn label_words_read_by_hand_match_the_pattern(s in "(Records|recording|MUSIC|musique|Classic|sounds|Edition|disc|discs|inc|Inc.|LLC|gmbh|Group|_| |-|'|1|x|é|ſ){0,6}") {
            proptest::prop_assert_eq!(is_label_word(&s), LABEL_WORD.is_match(&s));
        }
    }
}
