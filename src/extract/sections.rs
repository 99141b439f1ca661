//! The article's sections: where the page's own furniture starts (comments, related links,
//! FAQ), tables of contents, honourable-mention sections, list titles that give a year or
//! show a list is not about soundtracks, and lines that name the writer of what follows.

use std::sync::LazyLock;

use regex::Regex;

use super::names::name_score;
use super::units::Unit;
use super::vocab::Vocabulary;

/// What the section analysis says about each unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitInfo {
    /// Page furniture or a table of contents: never an entry, never a blurb.
    pub excluded: bool,
    /// The unit announces honourable mentions.
    pub hm_marker: bool,
    /// A heading-like line that ends the blurb of the entry above it.
    pub boundary: bool,
    /// A year given by the list's title ("Top scores of 2022").
    pub section_year: Option<i32>,
    /// The unit is a line naming the writer of the entries that follow.
    pub reviewer: Option<String>,
}

static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+\s+)?(?:leave a (?:reply|comment)|comments?|\d+ (?:comments?|responses?|replies)|responses?|related(?: posts?| articles?| stories| reading)?|recommended(?: for you| reading| articles?)?|you (?:may|might) also (?:like|enjoy)|more from|more stories|read (?:more|next)|share this(?: article| post)?:?|like this:?|about the author|frequently asked questions|faqs?|popular posts|trending(?: now)?|sign up.*newsletter|subscribe.*|post navigation|tags?:.*|categories:.*|filed under.*|footnotes|references|see also|external links|further reading)[:.!]?$")
        .expect("static regex")
});
static TOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:table of contents|contents|in this (?:article|post|guide)|jump to(?: section)?|on this page|quick links|skip to)[:.]?$")
        .expect("static regex")
});
static HM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:honou?rable mentions?|also[- ]rans?|bubbling under|runners?[- ]up|near misses|just missed(?: the cut)?|didn[’']t (?:quite )?make the (?:cut|list)|special mentions?|acknowledge)\b")
        .expect("static regex")
});
static LIST_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:top|best|greatest|favou?rites?|essential|ranking|ranked)\b")
        .expect("static regex")
});
static SOUNDTRACK_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:soundtracks?|scores?|osts?|film music|movie music|themes?|composers?|songs? from|music from)\b")
        .expect("static regex")
});
static YEAR_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:of|in|from|for)\s+(1[89]\d\d|20\d\d)\b|^(1[89]\d\d|20\d\d)\b")
        .expect("static regex")
});

/// Analyses the units of one article.
pub fn analyze(units: &[Unit], vocab: &Vocabulary) -> Vec<UnitInfo> {
    let mut info = vec![UnitInfo::default(); units.len()];
    mark_stops(units, &mut info);
    mark_tables_of_contents(units, &mut info);
    mark_list_titles(units, &mut info);
    for (i, u) in units.iter().enumerate() {
        let next_is_item = units
            .get(i + 1)
            .is_some_and(|n| n.kind == crate::document::BlockKind::ListItem);
        info[i].hm_marker = HM.find(&u.text).is_some_and(|m| {
            // A lead-in to the mentions, not a passing "deserves honourable mention" in a blurb.
            u.words() <= 8
                || m.start() <= 2
                || u.text.trim_end().ends_with(':') && u.words() <= 30
                || next_is_item && u.words() <= 25
        });
        info[i].reviewer = reviewer_line(u, vocab);
    }
    info
}

fn is_short_line(u: &Unit) -> bool {
    u.words() <= 12 && !u.text.ends_with(['.', '!', ','])
}

/// From a page-furniture heading to the end of the article (or the next heading of the same
/// or a higher level, in HTML).
fn mark_stops(units: &[Unit], info: &mut [UnitInfo]) {
    let mut stop_level: Option<u8> = None;
    for (i, u) in units.iter().enumerate() {
        let level = match u.kind {
            crate::document::BlockKind::Heading(l) => Some(l),
            _ => None,
        };
        if let (Some(stop), Some(l)) = (stop_level, level) {
            if l <= stop && !STOP.is_match(u.text.trim()) {
                stop_level = None;
            }
        }
        if is_short_line(u) && STOP.is_match(u.text.trim()) {
            stop_level = Some(level.unwrap_or(0));
        }
        if stop_level.is_some() {
            info[i].excluded = true;
            info[i].boundary = true;
        }
    }
}

/// A contents heading and the list under it; also any run of list items each of which
/// reappears later as a line of its own.
fn mark_tables_of_contents(units: &[Unit], info: &mut [UnitInfo]) {
    let mut i = 0;
    while i < units.len() {
        if TOC.is_match(units[i].text.trim()) {
            info[i].excluded = true;
            let mut j = i + 1;
            while j < units.len()
                && (units[j].kind == crate::document::BlockKind::ListItem
                    || is_short_line(&units[j]) && j == i + 1)
            {
                info[j].excluded = true;
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let later: std::collections::HashSet<&str> = units.iter().map(|u| u.text.trim()).collect();
    for (i, u) in units.iter().enumerate() {
        if u.kind == crate::document::BlockKind::ListItem && u.words() <= 14 {
            let repeated = units[i + 1..].iter().any(|v| {
                v.kind != crate::document::BlockKind::ListItem && v.text.trim() == u.text.trim()
            });
            if repeated && later.contains(u.text.trim()) {
                info[i].excluded = true;
            }
        }
    }
}

/// List titles ("Top ten original scores of 2022") give a year to the entries below them;
/// a list title about something else ("Top reissued albums of 2022") in an article that also
/// has a soundtrack list title excludes its section.
fn mark_list_titles(units: &[Unit], info: &mut [UnitInfo]) {
    // Consecutive short title lines form one list title.
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if is_short_line(&units[i]) && LIST_TITLE.is_match(&units[i].text) && units[i].words() >= 2
        {
            let start = i;
            while i + 1 < units.len()
                && is_short_line(&units[i + 1])
                && LIST_TITLE.is_match(&units[i + 1].text)
            {
                i += 1;
            }
            titles.push((start, i));
        }
        i += 1;
    }
    let topical = |&(s, e): &(usize, usize)| {
        units[s..=e]
            .iter()
            .any(|u| SOUNDTRACK_TOPIC.is_match(&u.text))
    };
    let any_topical = titles.iter().any(topical);
    for (n, title) in titles.iter().enumerate() {
        let end = titles.get(n + 1).map_or(units.len(), |t| t.0);
        let year = units[title.0..=title.1].iter().find_map(|u| {
            YEAR_OF
                .captures(&u.text)
                .and_then(|c| c.get(1).or(c.get(2)))
                .and_then(|m| m.as_str().parse().ok())
        });
        let excluded = any_topical && !topical(title);
        for (k, slot) in info.iter_mut().enumerate().take(end).skip(title.0) {
            if k <= title.1 {
                slot.boundary = true;
            }
            if year.is_some() && slot.section_year.is_none() {
                slot.section_year = year;
            }
            slot.excluded |= excluded;
        }
    }
}

/// "Laura Stewart", "Segun Akinola:", "By Jane Doe", "Words: Jane Doe" on a line alone.
fn reviewer_line(u: &Unit, vocab: &Vocabulary) -> Option<String> {
    let text = u.text.trim();
    if u.words() > 5 || u.words() < 2 {
        return None;
    }
    let lower = text.to_lowercase();
    let name = ["by ", "words: ", "words by ", "written by ", "reviewed by "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &text[p.len()..]))
        .unwrap_or(text)
        .trim_end_matches(':')
        .trim();
    let plain = name
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    (plain && name_score(name, vocab) >= 0.85 && !vocab.is_composer(name)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;
    use crate::extract::vocab::BUILT_IN;

    fn unit(text: &str, kind: BlockKind) -> Unit {
        Unit {
            text: text.into(),
            line: 1,
            kind,
            gap_before: true,
            depth: 0,
        }
    }

    #[test]
    fn furniture_and_contents_are_excluded() {
        let units = vec![
            unit("Table of Contents", BlockKind::Paragraph),
            unit("Intro", BlockKind::ListItem),
            unit("1. Jaws", BlockKind::Paragraph),
            unit("Recommended", BlockKind::Paragraph),
            unit("10 Best Horror Films", BlockKind::Paragraph),
        ];
        let info = analyze(&units, &BUILT_IN);
        let excluded: Vec<bool> = info.iter().map(|i| i.excluded).collect();
        assert_eq!(excluded, [true, true, false, true, true]);
    }

    #[test]
    fn list_titles_give_years_and_topics() {
        let units = vec![
            unit("Top ten original scores of 2022", BlockKind::Paragraph),
            unit("A: B", BlockKind::Paragraph),
            unit("Top ten reissued albums of 2022", BlockKind::Paragraph),
            unit("C: D", BlockKind::Paragraph),
        ];
        let info = analyze(&units, &BUILT_IN);
        assert_eq!(info[1].section_year, Some(2022));
        assert!(!info[1].excluded);
        assert!(info[3].excluded);
    }

    #[test]
    fn honourable_mentions_and_reviewers() {
        let units = vec![
            unit("Honorable Mentions", BlockKind::Paragraph),
            unit("Laura Stewart", BlockKind::Paragraph),
        ];
        let info = analyze(&units, &BUILT_IN);
        assert!(info[0].hm_marker);
        assert_eq!(info[1].reviewer.as_deref(), Some("Laura Stewart"));
    }
}
