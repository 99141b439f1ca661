//! The vocabulary and word-level steps of title keys (see [`super::titles`]): articles,
//! volume markers, number words and roman numerals, release wording.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::fast_hash::FastMap;

pub(super) const ARTICLES: [&str; 3] = ["the", "a", "an"];
pub(super) const MARKERS: [&str; 9] = ["vol", "volume", "vols", "pt", "part", "chapter", "book", "season", "no"];
/// "one" … "twenty": number words in titles (keys) and in spelled-out ranks (extraction).
pub const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
/// Words a release descriptor is made of (`Original Motion Picture Soundtrack`).
pub(super) const DESCRIPTOR_WORDS: [&str; 44] = [
    "original",
    "motion",
    "picture",
    "pictures",
    "soundtrack",
    "soundtracks",
    "score",
    "scores",
    "ost",
    "music",
    "from",
    "inspired",
    "by",
    "the",
    "film",
    "films",
    "movie",
    "series",
    "television",
    "tv",
    "album",
    "songs",
    "edition",
    "deluxe",
    "expanded",
    "complete",
    "remastered",
    "remaster",
    "anniversary",
    "version",
    "cast",
    "recording",
    "official",
    "special",
    "collectors",
    "limited",
    "and",
    "game",
    "video",
    "highlights",
    "selections",
    "reissue",
    "vinyl",
    "digital",
];
/// Words that make a run of descriptor words a descriptor (not just "The Film").
pub(super) const DESCRIPTOR_HEADS: [&str; 17] = [
    "soundtrack",
    "soundtracks",
    "score",
    "scores",
    "ost",
    "album",
    "edition",
    "recording",
    "music",
    "songs",
    "remastered",
    "remaster",
    "version",
    "highlights",
    "selections",
    "reissue",
    "anniversary",
];
/// Release wording that may trail a title without a separator (`Barbie The Album`).
pub(super) const TRAILING_DESCRIPTORS: [&str; 20] = [
    "original motion picture soundtrack",
    "original television soundtrack",
    "original game soundtrack",
    "music from the motion picture",
    "motion picture soundtrack",
    "original cast recording",
    "music from the series",
    "music from the film",
    "original soundtrack",
    "official soundtrack",
    "original film score",
    "original score",
    "deluxe edition",
    "expanded edition",
    "the soundtrack",
    "the album",
    "soundtrack",
    "trilogy",
    "o s t",
    "ost",
];

/// A title word: a slice of the folded title, or a number it reads as.
pub(super) type Word<'a> = Cow<'a, str>;

/// The words of `folded` (a segment [folded](super::keys::fold)), number words, roman numerals and glued volumes
/// read as digits. Words are slices of `folded` or static digits, not a `String` each: every
/// title parse reads a few segments' words.
pub(super) fn words_of(folded: &str) -> Vec<Word<'_>> {
    let raw: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<Word<'_>> = Vec::with_capacity(raw.len());
    for (i, &w) in raw.iter().enumerate() {
        let after_marker = i > 0 && MARKERS.contains(&raw[i - 1]);
        let last = i + 1 == raw.len() && i > 0;
        if let Some(n) = NUMBER_WORDS.iter().position(|n| *n == w) {
            out.push(Cow::Borrowed(DIGITS[n + 1]));
        } else if let Some(n) = roman(w).filter(|_| w.len() > 1 || after_marker || last) {
            out.push(Cow::Borrowed(DIGITS[n as usize]));
        } else if let Some(n) = glued_volume(w) {
            out.push(Cow::Borrowed("vol"));
            out.push(DIGITS.get(n as usize).map_or_else(|| Cow::Owned(n.to_string()), |d| Cow::Borrowed(*d)));
        } else {
            out.push(Cow::Borrowed(w));
        }
    }
    debug_assert_eq!(out, words_of_owned(folded), "{folded:?}");
    out
}

/// `0` … `39`, the digits number words and roman numerals read as, written once.
const DIGITS: [&str; 40] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
    "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39",
];

/// [`words_of`] as it was (after the fold), a `String` per word: the oracle its words are
/// checked against.
pub(super) fn words_of_owned(folded: &str) -> Vec<String> {
    let raw: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, w) in raw.iter().enumerate() {
        let after_marker = i > 0 && MARKERS.contains(&raw[i - 1]);
        let last = i + 1 == raw.len() && i > 0;
        if let Some(n) = NUMBER_WORDS.iter().position(|n| n == w) {
            out.push((n + 1).to_string());
        } else if let Some(n) = roman(w).filter(|_| w.len() > 1 || after_marker || last) {
            out.push(n.to_string());
        } else if let Some(n) = glued_volume(w) {
            out.push("vol".to_string());
            out.push(n.to_string());
        } else {
            out.push((*w).to_string());
        }
    }
    out
}

/// `vol2`, `pt3` written without a space.
pub(super) fn glued_volume(w: &str) -> Option<u32> {
    let digits = ["vol", "pt"].iter().find_map(|m| w.strip_prefix(m))?;
    if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A roman numeral from 1 to 39 written canonically (`ii`, `iv`, `xiv`).
pub(super) fn roman(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 6 || !w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    let value = |c| match c {
        'i' => 1,
        'v' => 5,
        _ => 10,
    };
    let chars: Vec<u32> = w.chars().map(value).collect();
    let mut total = 0i64;
    for (i, &v) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(0);
        total += if v < next { -(v as i64) } else { v as i64 };
    }
    let n = u32::try_from(total).ok().filter(|n| (1..40).contains(n))?;
    (to_roman(n) == w).then_some(n)
}

pub(super) fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

pub(super) fn number(w: &str) -> Option<u32> {
    (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// A segment that names a volume (`Vol. 2`, `Awesome Mix Vol. 1`, `Part Two`): its number.
pub(super) fn volume_of<W: AsRef<str>>(words: &[W]) -> Option<u32> {
    let at = words.iter().rposition(|w| MARKERS.contains(&w.as_ref()) && w.as_ref() != "no")?;
    let n = number(words.get(at + 1)?.as_ref())?;
    (at + 2 == words.len()).then_some(n)
}

/// Whether every word is release wording and one of them is a head word (`The Album`).
pub(super) fn is_descriptor<W: AsRef<str>>(words: &[W]) -> bool {
    let all = words.iter().all(|w| DESCRIPTOR_WORDS.contains(&w.as_ref()) || is_ordinal(w.as_ref()));
    // The words joined, compared without joining them.
    let compact_is_ost = words.iter().flat_map(|w| w.as_ref().bytes()).eq("ost".bytes());
    compact_is_ost || (all && words.iter().any(|w| DESCRIPTOR_HEADS.contains(&w.as_ref())))
}

/// `20th`, `1st` in `(20th Anniversary Edition)`.
pub(super) fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..])
}

/// Drops trailing release wording and a trailing volume or sequel number from the main
/// part; at least one word always stays. Returns the number.
pub(super) fn strip_trailing<W: AsRef<str>>(words: &mut Vec<W>) -> Option<u32> {
    let mut part = None;
    loop {
        let n = words.len();
        if let Some(len) = trailing_descriptor(words) {
            words.truncate(n - len);
            continue;
        }
        // The last word read as a number once (most are none), before the markers are asked.
        let Some(last) = (n >= 2).then(|| number(words[n - 1].as_ref())).flatten() else {
            return part;
        };
        part = part.or(Some(last));
        if n >= 3 && MARKERS.contains(&words[n - 2].as_ref()) {
            words.truncate(n - 2);
        } else {
            words.truncate(n - 1);
        }
    }
}

/// Length in words of the release wording that ends `words`, if any word stays before it.
pub(super) fn trailing_descriptor<W: AsRef<str>>(words: &[W]) -> Option<usize> {
    // Every title key asks this, most often of a last word no phrase ends with: one lookup
    // of the last word refuses it, instead of comparing it with the last word of each phrase.
    let found = words.last().and_then(|last| BY_LAST.get(last.as_ref())).and_then(|phrases| {
        // In list order, as the scan takes them: a longer phrase before its tail.
        phrases.iter().find_map(|phrase| {
            let tail = words.len().checked_sub(phrase.len()).filter(|&start| start > 0)?;
            words[tail..].iter().map(AsRef::as_ref).eq(phrase.iter().copied()).then_some(phrase.len())
        })
    });
    debug_assert_eq!(found, trailing_descriptor_by_scan(words));
    found
}

/// Release wording's phrases, split once.
static PHRASES: LazyLock<Vec<Vec<&str>>> =
    LazyLock::new(|| TRAILING_DESCRIPTORS.iter().map(|p| p.split(' ').collect()).collect());

/// [`PHRASES`] by their last word, each word's in list order.
static BY_LAST: LazyLock<FastMap<&str, Vec<&[&str]>>> = LazyLock::new(|| {
    let mut by_last: FastMap<&str, Vec<&[&str]>> = FastMap::default();
    for phrase in PHRASES.iter() {
        by_last.entry(phrase[phrase.len() - 1]).or_default().push(phrase);
    }
    by_last
});

/// Whether some release wording ends with `word`.
pub(super) fn ends_release_wording(word: &str) -> bool {
    BY_LAST.contains_key(word)
}

/// [`trailing_descriptor`] by comparing the last word with every phrase's: the check.
pub(super) fn trailing_descriptor_by_scan<W: AsRef<str>>(words: &[W]) -> Option<usize> {
    let last = words.last()?;
    PHRASES.iter().find_map(|phrase| {
        if phrase.last() != Some(&last.as_ref()) {
            return None;
        }
        let tail = words.len().checked_sub(phrase.len()).filter(|&start| start > 0)?;
        words[tail..].iter().map(AsRef::as_ref).eq(phrase.iter().copied()).then_some(phrase.len())
    })
}

/// Drops leading articles while a word stays; returns them.
pub(super) fn strip_articles<W: AsRef<str>>(words: &mut Vec<W>) -> Vec<W> {
    let mut dropped = Vec::new();
    while words.len() > 1 && ARTICLES.contains(&words[0].as_ref()) {
        dropped.push(words.remove(0));
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`strip_trailing`] as it was: the oracle.
    fn strip_trailing_reference(words: &mut Vec<&str>) -> Option<u32> {
        let mut part = None;
        loop {
            let n = words.len();
            if let Some(len) = trailing_descriptor_by_scan(words) {
                words.truncate(n - len);
                continue;
            }
            let number_at = |i: usize| number(words[i]);
            if n >= 3 && MARKERS.contains(&words[n - 2]) && number_at(n - 1).is_some() {
                part = part.or(number_at(n - 1));
                words.truncate(n - 2);
                continue;
            }
            if n >= 2 && number_at(n - 1).is_some() {
                part = part.or(number_at(n - 1));
                words.truncate(n - 1);
                continue;
            }
            return part;
        }
    }

    proptest::proptest! {
        // Cheap cases, many: short word lists that end in a marker and a number are rare.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// Release wording and numbers come off the end as the scan of every phrase took them.
        #[test]
        fn strips_as_the_scan_did(
            picks in proptest::collection::vec(0usize..19, 0..9),
        ) {
            const VOCAB: [&str; 19] = [
                "original", "motion", "picture", "soundtrack", "the", "album", "score", "film",
                "music", "from", "series", "vol", "part", "2", "12345", "o", "s", "t", "heat",
            ];
            let words: Vec<&str> = picks.iter().map(|&i| VOCAB[i]).collect();
            let (mut fast, mut slow) = (words.clone(), words.clone());
            proptest::prop_assert_eq!(trailing_descriptor(&words), trailing_descriptor_by_scan(&words));
            proptest::prop_assert_eq!(strip_trailing(&mut fast), strip_trailing_reference(&mut slow));
            proptest::prop_assert_eq!(fast, slow);
            for w in VOCAB {
                proptest::prop_assert_eq!(ends_release_wording(w), TRAILING_DESCRIPTORS.iter().any(|p| p.rsplit(' ').next() == Some(w)));
            }
        }
    }
}
