//! The year of the work in a blurb: "Zach Braff's 2004 film", "released in 2014", "2001's
//! “Moulin Rouge!”" — and not the year of another work or event ("Hulu's 2020 TV
//! adaptation", "the 1988 movie that inspired this remake", "a 2019 reissue").

use std::sync::LazyLock;

use crate::re::Re;

static WORK_YEAR: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)(?:\b(?:this|the|a|his|her|their|its)\s+|['’]s?\s+)(1[89]\d\d|20\d\d)\s+((?:[a-z\-]+\s+){0,2}?)([a-z][a-z\-]{2,})\b|\b(?:released|premiered|came out|debuted|arrived)\s+in\s+(1[89]\d\d|20\d\d)\b|(?:^|[\s(“\x22])(1[89]\d\d|20\d\d)['’]s\s+(?:[“\x22‘]|[A-Z]|[a-z]+\s)", &["18", "19", "20"])
        // A match is words, spaces, years and quotes: it never crosses a comma or a full stop,
        // so only the stretches between them that hold a year are searched.
        .and_then(|re| re.in_runs())
        .expect("static regex")
});
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
    for c in WORK_YEAR.captures_iter(text) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
