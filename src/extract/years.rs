//! The year of the work in a blurb: "Zach Braff's 2004 film", "released in 2014", "2001's
//! “Moulin Rouge!”" — and not the year of another work or event ("Hulu's 2020 TV
//! adaptation", "the 1988 movie that inspired this remake", "a 2019 reissue").

use std::sync::LazyLock;

use crate::re::Re;

/// A match is words, spaces, years and quotes: it never crosses a comma or a full stop.
const WORK_YEAR_PATTERN: &str = r"(?i)(?:\b(?:this|the|a|his|her|their|its)\s+|['’]s?\s+)(1[89]\d\d|20\d\d)\s+((?:[a-z\-]+\s+){0,2}?)([a-z][a-z\-]{2,})\b|\b(?:released|premiered|came out|debuted|arrived)\s+in\s+(1[89]\d\d|20\d\d)\b|(?:^|[\s(“\x22])(1[89]\d\d|20\d\d)['’]s\s+(?:[“\x22‘]|[A-Z]|[a-z]+\s)";
/// The oracle of [`work_year_captures`], searched only in the stretches between commas and
/// full stops that hold a year: debug builds and the tests only.
#[cfg(any(test, debug_assertions))]
static WORK_YEAR: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(WORK_YEAR_PATTERN, &["18", "19", "20"]).and_then(|re| re.in_runs()).expect("static regex")
});
/// WORK_YEAR searched by [`work_year_captures`] around each year that may be a match's.
static WORK_YEAR_AROUND_YEARS: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(WORK_YEAR_PATTERN).expect("static regex"));
/// The most non-space characters a match holds before its year: "premiered in".
const MOST_LETTERS_BEFORE_YEAR: usize = "premiered".len() + "in".len();
static OTHER_WORK: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)\b(?:remake|reboot|sequel|prequel|(?:tv|television|stage|series|musical|broadway) adaptation|adaptation of the (?:movie|film|show|series)|inspired|based on|spin-?off|revival)\b", &["remake", "reboot", "sequel", "prequel", "adaptation", "inspired", "based on", "spin", "revival"])
        .expect("static regex")
});
/// Years of events around a work rather than of the work ("a 2019 reissue", "the 2016 tour").
static NOT_THE_WORK: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?:reissues?|re-?releases?|remasters?|remastered|vinyl|box|tours?|concerts?|awards?|ceremony|election|interviews?|editions?|anniversary|reunion|sales|charts?|lists?|polls?|surveys?|summer|winter|spring|autumn|fall|season|festival|screening|retrospective|expanded|deluxe|limited|cd|lp|stage|broadway|production|revival|book|novel|play|articles?|reviews?|issue|and|to|or|with|for|in|on|at|of|when|where|was|is|had|has|which|that)$")
        .expect("static regex")
});

/// The work's year from cues like "Zach Braff's 2004 film", "released in 2014", "2001's";
/// a year that belongs to another work ("Hulu's 2020 TV adaptation", "the 1988 movie that
/// inspired this remake") is skipped.
pub fn work_year(text: &str, title_k: &str) -> Option<i32> {
    // Most blurbs hold no year where a match could: `work_year_captures` then runs no capture
    // search at all.
    #[cfg(debug_assertions)]
    {
        let ranges = |c: &regex::Captures<'_>| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        let ours: Vec<_> = work_year_captures(text).map(|c| ranges(&c)).collect();
        let theirs: Vec<_> = WORK_YEAR.captures_iter(text).map(|c| ranges(&c)).collect();
        assert_eq!(ours, theirs, "WORK_YEAR around years misses a match in {text:?}");
    }
    for c in work_year_captures(text) {
        let whole = c.get(0)?;
        let year = c.get(1).or(c.get(4)).or(c.get(5))?;
        let qualifiers = c.get(2).map_or("", |m| m.as_str());
        let after: String = text[whole.end()..].split_whitespace().take(5).collect::<Vec<_>>().join(" ");
        let before_start = text[..year.start()].char_indices().rev().nth(5).map_or(0, |(i, _)| i);
        let before = &text[before_start..year.start()];
        let noun = c.get(3).map_or("", |m| m.as_str());
        let noun_phrase = format!("{qualifiers}{noun} {after}");
        // "1999's … companion to Rushmore" dates another film; "2001's “Moulin Rouge!”"
        // dates this one: the possessive year must lead to the entry's title.
        if c.get(5).is_some() {
            let next: String = text[year.end()..].split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            if title_k.is_empty() || !crate::normalize::fold(&next).contains(title_k) {
                continue;
            }
        }
        if OTHER_WORK.is_match(qualifiers)
            || OTHER_WORK.is_match(&noun_phrase)
            || OTHER_WORK.is_match(&after)
            || qualifiers.contains("tv")
            || NOT_THE_WORK.is_match(noun)
        {
            continue;
        }
        if c.get(5).is_some()
            && (before.ends_with("the ")
                || before.ends_with("early ")
                || before.ends_with("late ")
                || before.ends_with("mid "))
        {
            continue;
        }
        return year.as_str().parse().ok();
    }
    None
}

/// Where the years that may be a WORK_YEAR match's year begin, in order. Every match holds a
/// year ("18", "19" or "20" and two digits) followed by no word character, and either
/// - after whitespace, with the word before that whitespace ending as "in", "this", "the",
///   "a", "his", "her", "their", "its" or a possessive ("'", "'s") can, ignoring case; or
/// - at the start or after whitespace, "(", "“" or `"`, and followed by an apostrophe.
///
/// Only these are checked, so a text with no candidate has no match. A year's other two
/// digits may be any Unicode digit: a non-ASCII character there is let through.
fn year_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).filter(move |&at| {
        if !matches!(bytes.get(at..at + 2), Some(b"18" | b"19" | b"20")) {
            return false;
        }
        // Two more digits take at least two bytes.
        let Some(digits) = bytes.get(at + 2..at + 4) else { return false };
        if !digits.is_ascii() {
            // Perhaps digits of another script: left to the regex.
            return true;
        }
        if !digits.iter().all(u8::is_ascii_digit) {
            return false;
        }
        let next = text[at + 4..].chars().next();
        if next.is_some_and(crate::re::is_word_char) {
            return false;
        }
        let before = &text[..at];
        let prev = before.chars().next_back();
        let apostrophe = matches!(next, Some('\'' | '’'));
        if apostrophe && prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '“' | '"')) {
            return true;
        }
        // "ſ" matches "s" when case is ignored.
        prev.is_some_and(char::is_whitespace)
            && before
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'n' | 's' | 'e' | 'a' | 'r' | '\'' | '’' | 'ſ'))
    })
}

/// WORK_YEAR's matches in `text`, as its `captures_iter` finds them, searched only from a few
/// words before each candidate year to the next punctuation: the whole blurb, or the whole
/// clause, costs the regex far more.
///
/// Between a match's start and its year lie only spaces and at most
/// [`MOST_LETTERS_BEFORE_YEAR`] other characters, and no digit: a match starting before one
/// year's stretch would hold an earlier year. No match holds `,` `.` `;` `:` `!` `?` or `)`,
/// which are no word characters, so ending the haystack there changes no match nor `\b`.
fn work_year_captures(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    let mut years = year_candidates(text);
    // Where the last match ended, and the end of a stretch searched in vain: no match starts
    // before the greater of the two that has not been found.
    let (mut last_end, mut searched_to) = (0, 0);
    std::iter::from_fn(move || {
        for year in years.by_ref() {
            let done = last_end.max(searched_to);
            if year < done {
                continue;
            }
            let start = stretch_start(text, year).max(done);
            let end = text.as_bytes()[year..]
                .iter()
                .position(|b| matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?' | b')'))
                .map_or(text.len(), |p| year + p);
            match WORK_YEAR_AROUND_YEARS.captures_at(&text[..end], start) {
                Some(c) => {
                    last_end = c.get(0).map_or(end, |m| m.end());
                    return Some(c);
                }
                None => searched_to = end,
            }
        }
        None
    })
}

/// The earliest place a match whose year begins at `year` can begin.
fn stretch_start(text: &str, year: usize) -> usize {
    let mut letters = 0;
    for (at, c) in text[..year].char_indices().rev() {
        if !c.is_whitespace() {
            letters += 1;
            if letters > MOST_LETTERS_BEFORE_YEAR {
                return at + c.len_utf8();
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The pre-check refuses only texts WORK_YEAR does not match.
        #[test]
        fn refused_texts_have_no_work_year(
            text in "([ (“\"'’a-zA-Z.,ſ\u{a0}]{0,4}(this|the|a|his|Its|in|'s|’|released|x)?[ \u{a0}(“\"]{0,2}(18|19|20|21)[0-9٣]{0,2}['’]?s?[ ,.a-z“A-Z\u{a0}]{0,5}){1,3}"
        ) {
            proptest::prop_assert!(year_candidates(&text).next().is_some() || !WORK_YEAR.is_match(&text), "{:?}", text);
        }

        /// The search around candidate years finds what the plain regex finds.
        #[test]
        fn searches_around_years_find_every_match(
            text in "([ \n(“\"'’‘a-zA-Zé.,;!)ſ\u{a0}-]{0,3}(this|The|a|their|its|in|'s|’|released in|came out\\n in|PREMIERED in|arrived|early|x)?[ \n\u{a0}(“\"]{0,2}(18|19|20|21)[0-9٣]{0,2}['’]?s?[ ,.a-z“A-Z\u{a0}-]{0,3}(film|tv|score|reissue|Moulin|abc|é)?[ ,.)]?){1,4}"
        ) {
            let ranges = |c: &regex::Captures<'_>| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
            let plain = regex::Regex::new(WORK_YEAR_PATTERN).unwrap();
            let ours: Vec<_> = work_year_captures(&text).map(|c| ranges(&c)).collect();
            let theirs: Vec<_> = plain.captures_iter(&text).map(|c| ranges(&c)).collect();
            proptest::prop_assert_eq!(ours, theirs, "{:?}", text);
        }
    }

    #[test]
    fn years_from_cues() {
        assert_eq!(work_year("Zach Braff's 2004 film \"Garden State\" is earnest", "garden state"), Some(2004));
        assert_eq!(work_year("the soundtrack, released in 2014, comes out on top", "x"), Some(2014));
        assert_eq!(work_year("2001's \"Moulin Rouge!\" is odd", "moulin rouge"), Some(2001));
        assert_eq!(work_year("(Sadly, Hulu's 2020 TV adaptation was canceled.)", "x"), None);
        assert_eq!(work_year("John Waters's 1988 movie that inspired this remake", "x"), None);
        assert_eq!(work_year("the synths of the 1980's were loud", "x"), None);
        assert_eq!(work_year("While 1999's British Invasion-heavy companion to Rushmore", "darjeeling limited"), None);
        assert_eq!(work_year("Every melody in this 1998 adventure is a mechanic", "x"), Some(1998));
        assert_eq!(work_year("a 2019 reissue on vinyl", "x"), None);
        assert_eq!(work_year("Danny Boyle's 1996 adaptation opens with Iggy Pop", "x"), Some(1996));
    }
}
