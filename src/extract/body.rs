//! Fields from an entry's blurb: field lines (`Composer: …`, `Label: …`), credits in running
//! text ("composed by X", "X's score"), the work's year ("Zach Braff's 2004 film"), songs and
//! cues in quotes, alternate titles, the reviewer's credit, and "not a soundtrack" negations.

use std::sync::LazyLock;

use regex::Regex;

use super::names::{is_various_artists, name_score, split_names};
use super::scan::{names_after, quotes, strip_possessive};
use super::title::{clean_title, title_score};
use super::vocab::Vocabulary;
use super::words::{is_capitalised, is_title_function_word};
use crate::model::{Release, Track};
use crate::normalize::title_key;

/// What a blurb adds to its entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyFields {
    pub composers: Vec<String>,
    pub various: bool,
    pub year: Option<i32>,
    pub releases: Vec<Release>,
    pub tracks: Vec<Track>,
    pub alt_titles: Vec<String>,
    pub reviewer: Option<String>,
    /// The blurb says the item is not a soundtrack.
    pub negated: bool,
}

/// One line of a blurb, with whether it is a list item (track lists are bullets).
pub struct BodyLine<'a> {
    pub text: &'a str,
    pub list_item: bool,
}

static FIELD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(composers?|composed by|music(?: by)?|score(?: by)?|original score|label|record label|labels|year|released|release(?: date)?|artists?|performers?|tracks?|notable tracks|key tracks|standout tracks?|highlights?|best tracks?|track ?list(?:ing)?|director|directed by)\s*[:：]\s*(.*)$")
        .expect("static regex")
});
static TITLE_TRACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bthe title (?:track|song|theme|cut)\b").expect("static regex")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d)\b").expect("static regex"));
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not a (?:proper |real |true )?soundtrack|isn[’']t (?:a |technically a )?soundtrack|not technically a soundtrack|is (?:a|an) (?:concept|studio|progressive[- ]rock|solo|live|compilation) album(?:,| that| and)|though not a soundtrack)")
        .expect("static regex")
});
static TRAILING_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]{3,50})\)\s*$").expect("static regex"));
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[—–-]\s*|(?:words|review|reviewed by|written by|by)\s*:?\s+)([^\s].{2,40})$",
    )
    .expect("static regex")
});

/// Reads the blurb of the entry titled `title`; `other_titles` are the keys of the article's
/// other entries (a quote of one of them is a reference, not a song).
pub fn read(
    title: &str,
    lines: &[BodyLine],
    other_titles: &[String],
    vocab: &Vocabulary,
) -> BodyFields {
    let mut f = BodyFields::default();
    let title_k = title_key(title);
    let mut track_list = false;
    let mut prose = String::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if let Some(c) = FIELD_LINE.captures(text) {
            let key = c[1].to_lowercase();
            let value = c[2].trim();
            track_list = value.is_empty() && key.contains("track") || key.contains("highlight");
            read_field(&mut f, &key, value, vocab);
            continue;
        }
        if track_list && (line.list_item || text.split_whitespace().count() <= 8) {
            if title_score(text) >= 0.5 {
                f.tracks.push(Track {
                    title: clean_title(text),
                    artist: None,
                });
            }
            continue;
        }
        track_list = false;
        if i + 1 == lines.len() || i + 2 == lines.len() {
            if let Some(c) = CREDIT_LINE.captures(text) {
                if name_score(&c[1], vocab) >= 0.7 {
                    f.reviewer = Some(c[1].trim().to_string());
                    continue;
                }
            }
        }
        prose.push_str(text);
        prose.push(' ');
    }
    if let Some(c) = TRAILING_CREDIT.captures(prose.trim_end()) {
        if name_score(&c[1], vocab) >= 0.7 && !vocab.is_composer(&c[1]) {
            f.reviewer.get_or_insert_with(|| c[1].trim().to_string());
        }
    }
    f.negated = NEGATION.is_match(&prose);
    read_credits(&mut f, &prose, &title_k, vocab);
    f.year = f.year.or_else(|| work_year(&prose));
    read_quotes(&mut f, &prose, title, other_titles, vocab);
    if TITLE_TRACK.is_match(&prose) && !f.tracks.iter().any(|t| title_key(&t.title) == title_k) {
        f.tracks.insert(
            0,
            Track {
                title: title.to_string(),
                artist: None,
            },
        );
    }
    read_unquoted_tracks(&mut f, &prose, vocab);
    f
}

fn read_field(f: &mut BodyFields, key: &str, value: &str, vocab: &Vocabulary) {
    if value.is_empty() {
        return;
    }
    match key {
        k if k.starts_with("compos")
            || k.starts_with("music")
            || k.starts_with("score")
            || k == "original score" =>
        {
            f.various |= is_various_artists(value);
            f.composers.extend(split_names(value));
        }
        k if k.starts_with("artist") || k.starts_with("performer") => {
            f.various |= is_various_artists(value);
            f.composers.extend(split_names(value));
        }
        k if k.contains("label") => {
            for label in value
                .split(['/', ';'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
            {
                let (label, year) = match label.rsplit_once(',') {
                    Some((l, y)) if YEAR.is_match(y) => {
                        (l.trim(), YEAR.captures(y).and_then(|c| c[1].parse().ok()))
                    }
                    _ => (label, None),
                };
                f.releases.push(Release {
                    label: Some(label.to_string()),
                    year,
                    edition: None,
                });
            }
        }
        "year" | "released" | "release" | "release date" => {
            f.year = f
                .year
                .or_else(|| YEAR.captures(value).and_then(|c| c[1].parse().ok()));
        }
        k if k.contains("track") || k.starts_with("highlight") => {
            for t in value
                .split([',', ';'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                f.tracks.push(Track {
                    title: clean_title(t),
                    artist: None,
                });
            }
        }
        _ => {}
    }
    let _ = vocab;
}

static CREDIT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:composed|scored|produced|overseen|supervised|arranged|orchestrated)\s+(?:and\s+\w+\s+)?by|(?:score|soundtrack|music|album|themes?|track)\s+(?:was\s+|is\s+)?by|(?:veteran |legendary |the )?composers?|songwriters|writers)\s+")
        .expect("static regex")
});
static POSSESSIVE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Z][\p{L}.\-]*(?:\s+(?:[A-Z][\p{L}.\-]*|de|van|von|da|di|del|la|le))*)(?:['’]s?)\s+((?:[\p{L}\-]+\s+){0,5}?)(?:scores?|soundtracks?|music|compositions|themes)\b")
        .expect("static regex")
});
static SUBJECT_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Z][\p{L}.\-]*(?:\s+(?:[A-Z][\p{L}.\-]*|&|and))*)\s+(?:composed|scored|wrote|created|recorded|crafted)\s+(?:the|a|an|this|its|his|her|their)?\s*(?:[a-z\-]+\s+){0,3}?(?:score|soundtrack|music|themes)\b")
        .expect("static regex")
});

/// Credits in running text. A credit for another work ("X's score to Y") is ignored.
fn read_credits(f: &mut BodyFields, prose: &str, title_k: &str, vocab: &Vocabulary) {
    let mut found: Vec<String> = Vec::new();
    for m in CREDIT_CUE.find_iter(prose) {
        let cue = m.as_str().to_lowercase();
        if let Some(names) = names_after(&prose[m.end()..]) {
            let band = prose[m.end()..]
                .split_whitespace()
                .take(6)
                .any(|w| matches!(w, "band" | "group" | "duo"));
            for n in split_names(&names) {
                let strong = name_score(&n, vocab) >= if cue.contains("by") { 0.45 } else { 0.7 }
                    || band
                    || vocab.is_composer(&n);
                if strong
                    && (n.split_whitespace().count() >= 2
                        || band
                        || vocab.is_composer(&n)
                        || cue.contains("by"))
                {
                    found.push(n);
                }
            }
        }
    }
    for c in POSSESSIVE_CREDIT.captures_iter(prose) {
        let name = c[1].trim();
        let between = c[2].trim();
        // "Justin Hurwitz's La La Land score" names the work between; another work there
        // ("Stephen Warbeck's score to Shakespeare In Love") is not this entry's credit.
        let between_caps = between
            .split_whitespace()
            .any(|w| is_capitalised(w) && !is_title_function_word(w));
        if between_caps && title_key(between) != title_k {
            continue;
        }
        let after = &prose[c.get(0).map_or(0, |m| m.end())..];
        if other_work_follows(after, title_k) {
            continue;
        }
        let name = strip_leading_article(name);
        if title_key(name) == title_k {
            continue;
        }
        if name_score(name, vocab) >= 0.7
            && (name.split_whitespace().count() >= 2 || vocab.is_composer(name))
        {
            found.push(name.to_string());
        }
    }
    for c in SUBJECT_CREDIT.captures_iter(prose) {
        for n in split_names(&c[1].replace(" & ", ", ").replace(" and ", ", ")) {
            let n = strip_leading_article(&n).to_string();
            if name_score(&n, vocab) >= 0.7 && n.split_whitespace().count() >= 2 {
                found.push(n);
            }
        }
    }
    for name in found {
        if name.is_empty() || is_various_artists(&name) || title_key(&name) == title_k {
            continue;
        }
        f.composers.push(name);
    }
}

fn strip_leading_article(name: &str) -> &str {
    for a in ["The ", "A ", "An "] {
        if let Some(rest) = name.strip_prefix(a) {
            if rest.split_whitespace().count() >= 2 {
                return rest;
            }
        }
    }
    name
}

/// "… score to Shakespeare In Love" / "for Inception": the credit belongs to another work.
fn other_work_follows(after: &str, title_k: &str) -> bool {
    let mut words = after.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if !matches!(first, "to" | "for" | "from" | "of" | "on" | "in") {
        return false;
    }
    let next: Vec<&str> = words.take(6).collect();
    let span: Vec<&str> = next
        .iter()
        .take_while(|w| is_capitalised(w) || is_title_function_word(w))
        .copied()
        .collect();
    let span = span.join(" ");
    let span = span.trim_matches(|c: char| !c.is_alphanumeric());
    !span.is_empty()
        && span
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"')
        && title_key(span) != title_k
        && !title_k.starts_with(&title_key(span))
}

static WORK_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:this|the|a|his|her|their|its)\s+|['’]s?\s+)(1[89]\d\d|20\d\d)\s+((?:[a-z\-]+\s+){0,2}?)(film|movie|masterpiece|biopic|classic|feature|documentary|thriller|drama|comedy|musical|series|show|game|picture|blockbuster|anime|western|epic|horror)\b|\b(?:released|premiered|came out|debuted|arrived)\s+in\s+(1[89]\d\d|20\d\d)\b|(?:^|[\s(“\x22])(1[89]\d\d|20\d\d)['’]s\s+(?:[“\x22‘]|[A-Z]|[a-z]+\s)")
        .expect("static regex")
});
static OTHER_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:remake|reboot|sequel|prequel|adaptation|inspired|based on|original|spin-?off|revival)\b").expect("static regex")
});

/// The work's year from cues like "Zach Braff's 2004 film", "released in 2014", "2001's";
/// a year that belongs to another work ("Hulu's 2020 TV adaptation", "the 1988 movie that
/// inspired this remake") is skipped.
pub fn work_year(text: &str) -> Option<i32> {
    for c in WORK_YEAR.captures_iter(text) {
        let whole = c.get(0)?;
        let year = c.get(1).or(c.get(4)).or(c.get(5))?;
        let qualifiers = c.get(2).map_or("", |m| m.as_str());
        let after: String = text[whole.end()..]
            .split_whitespace()
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        let before_start = text[..year.start()]
            .char_indices()
            .rev()
            .nth(5)
            .map_or(0, |(i, _)| i);
        let before = &text[before_start..year.start()];
        if OTHER_WORK.is_match(qualifiers)
            || OTHER_WORK.is_match(&after)
            || qualifiers.contains("tv")
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

/// Words before a quote that say it names a film, a nickname or a phrase, not a song.
fn is_non_track_context(before: &str) -> bool {
    let mut words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| w.to_lowercase())
        .collect();
    let last = words.first().cloned().unwrap_or_default();
    let last = last.as_str();
    words.reverse();
    let context = words.join(" ");
    if SONG_NOUN.is_match(&context) {
        return false;
    }
    matches!(
        last.trim_end_matches(|c: char| !c.is_alphanumeric()),
        "film"
            | "films"
            | "movie"
            | "movies"
            | "show"
            | "shows"
            | "series"
            | "titled"
            | "called"
            | "named"
            | "as"
            | "novel"
            | "book"
            | "play"
            | "musical"
            | "magazine"
            | "documentary"
            | "game"
            | "album"
            | "from"
            | "dubbed"
            | "nicknamed"
            | "word"
            | "words"
            | "phrase"
            | "said"
    ) || context.contains("films like")
        || context.contains("shows like")
        || context.contains("movies like")
}

fn read_quotes(
    f: &mut BodyFields,
    prose: &str,
    title: &str,
    other_titles: &[String],
    vocab: &Vocabulary,
) {
    let title_k = title_key(title);
    let mut previous_skipped_end: Option<usize> = None;
    for q in quotes(prose) {
        let inner = clean_title(&q.inner);
        let key = title_key(&inner);
        if key.is_empty() || f.alt_titles.iter().any(|a| title_key(a) == key) {
            continue;
        }
        // The entry's own title, or its title without a volume/subtitle part.
        if key == title_k || title_k.starts_with(&format!("{key} ")) {
            continue;
        }
        let credited_after = prose[q.end..]
            .trim_start_matches([',', ' '])
            .starts_with("by ");
        if !is_track_like(&inner)
            && !(credited_after && inner.split_whitespace().count() <= 8 && is_capitalised(&inner))
        {
            continue;
        }
        if !title_k.is_empty()
            && key.starts_with(&format!("{title_k} "))
            && ALBUM_WORDS.is_match(&key[title_k.len()..])
        {
            f.alt_titles.push(inner);
            continue;
        }
        let before = &prose[..q.start];
        let after = &prose[q.end..];
        // "films like “A” and “B”": the second quote continues the first one's list.
        let continues_skipped = previous_skipped_end.is_some_and(|end| {
            let gap = prose[end..q.start].trim();
            gap.is_empty() || matches!(gap, "and" | "or" | "," | ", and" | ", or" | "&")
        });
        let credited = after.trim_start_matches([',', ' ']).starts_with("by ");
        let film_year =
            after.trim_start().starts_with("(1") || after.trim_start().starts_with("(2");
        if !credited
            && (continues_skipped
                || is_non_track_context(before)
                || film_year
                || other_titles.contains(&key))
        {
            if !before.trim_end().ends_with("from") {
                previous_skipped_end = Some(q.end);
            }
            continue;
        }
        previous_skipped_end = None;
        let artist = artist_after(after, vocab).or_else(|| artist_before(before, vocab));
        if f.tracks.iter().any(|t| title_key(&t.title) == key) {
            continue;
        }
        f.tracks.push(Track {
            title: inner,
            artist,
        });
    }
}

static SONG_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(songs?|tracks?|singles?|ditty|tunes?|numbers?|ballads?|medley|cues?|anthems?|pieces?|hits?|covers?|themes?)\b").expect("static regex")
});

static ALBUM_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(album|soundtrack|score|ost|mix|vol|volume|edition|original|music|songs|collection|deluxe|expanded|complete)\b").expect("static regex")
});

/// A quoted string that can be a song or cue title: short, mostly capitalised, not a quoted
/// sentence ("Mrs. Robinson" is fine, "She's dead. Wrapped in plastic." is not).
fn is_track_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let sentence_break = words
        .iter()
        .take(words.len() - 1)
        .any(|w| w.ends_with('.') && !super::split::is_abbreviation(w));
    if sentence_break || words.len() > 3 && s.ends_with('.') {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !is_title_function_word(&w.to_lowercase()))
        .collect();
    let caps = content.iter().filter(|w| is_capitalised(w)).count();
    is_capitalised(words[0]) && caps * 2 >= content.len().max(1)
}

/// `“Song” by Artist`, `“Song” (Artist)`, `“Song” Artist,`.
fn artist_after(after: &str, vocab: &Vocabulary) -> Option<String> {
    let t = after.trim_start_matches([',', ' ']);
    if let Some(rest) = t.strip_prefix("by ") {
        return names_after(rest).map(|n| n.replace(", ", " & "));
    }
    if let Some(rest) = t.strip_prefix('(') {
        let inner = rest.split(')').next()?;
        return (name_score(inner, vocab) >= 0.7).then(|| inner.to_string());
    }
    if after.starts_with(' ') {
        let n = names_after(t)?;
        let first = n.split(", ").next()?.to_string();
        return (name_score(&first, vocab) >= 0.85 && first.split_whitespace().count() >= 2)
            .then_some(first);
    }
    None
}

/// `Artist's “Song”`, `Artist's classic song “Song”`, `the Artist song “Song”`.
fn artist_before(before: &str, vocab: &Vocabulary) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    if let Some((last, rest)) = words.split_last() {
        if matches!(
            *last,
            "song" | "track" | "single" | "tune" | "ballad" | "number"
        ) {
            let name: Vec<&str> = rest
                .iter()
                .rev()
                .take_while(|w| is_capitalised(w))
                .copied()
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let name = name.join(" ");
            if !name.is_empty()
                && name_score(&name, vocab) >= 0.3
                && !name.contains('’')
                && !name.contains('\'')
            {
                return Some(name);
            }
        }
    }
    for skip in 0..=3 {
        if skip > words.len() {
            break;
        }
        let idx = words.len().checked_sub(skip + 1)?;
        let (stem, possessive) = strip_possessive(words[idx]);
        if possessive {
            let mut parts = vec![stem];
            let mut j = idx;
            while j > 0 && is_capitalised(words[j - 1]) && parts.len() < 4 {
                j -= 1;
                parts.insert(0, words[j]);
            }
            let name = parts.join(" ");
            return (name_score(&name, vocab) >= 0.3 && is_capitalised(&name)).then_some(name);
        }
        if skip > 0 && is_capitalised(words[idx]) {
            break;
        }
    }
    None
}

static SONG_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:songs?|tracks?|cues?|themes?|pieces?|others)\b[^().]{0,60}\(([^()]{3,200})\)",
    )
    .expect("static regex")
});
static NAMED_TRACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Tt]he|[Ii]ts)\s+((?:[A-Z][\p{L}']*\s+)(?:(?:[A-Z][\p{L}']*|of|the|by|a|to|in|on)\s+){0,5})(?:track|song|theme|single)\b").expect("static regex")
});

/// Songs named without quotes: "other songs (A, B, C)", "The Trail By Fire track".
fn read_unquoted_tracks(f: &mut BodyFields, prose: &str, vocab: &Vocabulary) {
    for c in SONG_LIST.captures_iter(prose) {
        let items: Vec<&str> = c[1].split(',').map(str::trim).collect();
        if items.len() >= 2
            && items.iter().all(|i| {
                !i.is_empty() && title_score(i) >= 0.7 && i.split_whitespace().count() <= 6
            })
        {
            for item in items {
                push_track(f, item);
            }
        }
    }
    for c in NAMED_TRACK.captures_iter(prose) {
        let next = prose[c.get(0).map_or(0, |m| m.end())..].trim_start();
        // "the Joni Mitchell song “Both Sides Now”" names the artist, not the song.
        if next.starts_with(['“', '"', '‘', '\'']) || name_score(c[1].trim(), vocab) >= 0.7 {
            continue;
        }
        push_track(f, c[1].trim());
    }
}

fn push_track(f: &mut BodyFields, title: &str) {
    let title = clean_title(title);
    if !title.is_empty()
        && !f
            .tracks
            .iter()
            .any(|t| title_key(&t.title) == title_key(&title))
    {
        f.tracks.push(Track {
            title,
            artist: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    fn body(title: &str, text: &str) -> BodyFields {
        let lines: Vec<BodyLine> = text
            .split('\n')
            .map(|t| BodyLine {
                text: t,
                list_item: t.starts_with("• "),
            })
            .collect();
        read(title, &lines, &[], &BUILT_IN)
    }

    #[test]
    fn years_from_cues() {
        assert_eq!(
            work_year("Zach Braff's 2004 film \"Garden State\" is earnest"),
            Some(2004)
        );
        assert_eq!(
            work_year("the soundtrack, released in 2014, comes out on top"),
            Some(2014)
        );
        assert_eq!(work_year("2001's \"Moulin Rouge!\" is odd"), Some(2001));
        assert_eq!(
            work_year("(Sadly, Hulu's 2020 TV adaptation was canceled.)"),
            None
        );
        assert_eq!(
            work_year("John Waters's 1988 movie that inspired this remake"),
            None
        );
        assert_eq!(work_year("the synths of the 1980's were loud"), None);
    }

    #[test]
    fn tracks_and_artists() {
        let f = body(
            "Barbie",
            "Dua Lipa's \"Dance the Night\" is a bop. \"Pink\" by Lizzo helps. Films like \"The Red Shoes\" and \"flat feet\" and \"Barbie\".",
        );
        let t: Vec<(&str, Option<&str>)> = f
            .tracks
            .iter()
            .map(|t| (t.title.as_str(), t.artist.as_deref()))
            .collect();
        assert_eq!(
            t,
            [
                ("Dance the Night", Some("Dua Lipa")),
                ("Pink", Some("Lizzo"))
            ]
        );
    }

    #[test]
    fn credits_and_reviewer() {
        let f = body(
            "Portal",
            "Most of it was composed by Kelly Bailey and Mike Morasky. Stephen Warbeck's score to \"Shakespeare In Love\" is not it. (Jane Doe)",
        );
        assert_eq!(f.composers, ["Kelly Bailey", "Mike Morasky"]);
        assert_eq!(f.reviewer.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn field_lines_and_track_lists() {
        let f = body(
            "Poltergeist",
            "Composer: Jerry Goldsmith\nLabel: Varèse Sarabande, 1997\nNotable tracks:\nCarol Anne's Theme\nThe Light",
        );
        assert_eq!(f.composers, ["Jerry Goldsmith"]);
        assert_eq!(f.releases[0].year, Some(1997));
        assert_eq!(f.tracks.len(), 2);
    }

    #[test]
    fn negation() {
        assert!(
            body(
                "Roller",
                "Though not a soundtrack, Roller is a progressive-rock album."
            )
            .negated
        );
    }
}
