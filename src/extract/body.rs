//! Fields from an entry's blurb: field lines (`Composer: …`, `Label: …`), credits in running
//! text ("composed by X", "X's score"), the work's year ("Zach Braff's 2004 film"), songs and
//! cues in quotes, alternate titles, the reviewer's credit, and "not a soundtrack" negations.

use std::sync::LazyLock;

use crate::re::Re;

use super::fields::{Field, field_line, is_field_line};
use super::names::{is_various_artists, name_score, split_names};
use super::title::{clean_title, title_score};
use super::vocab::Vocabulary;
use super::{credits, labels, tracks, years};
use crate::model::{Release, Track};
use crate::normalize::title_key;

/// What a blurb adds to its entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyFields {
    pub composers: Vec<String>,
    /// The composers came from a field line ("Composer: …", "Musique : …").
    pub field_makers: bool,
    pub various: bool,
    pub year: Option<i32>,
    /// A `Released:` field: the album's year, used when the work's own is not given.
    pub release_year: Option<i32>,
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

static CREDIT_OPENING: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^([A-Z][\p{L}.\-']*(?:\s+[A-Z][\p{L}.\-']*){1,3}(?:\s+(?:and|&)\s+[A-Z][\p{L}.\-']*(?:\s+[A-Z][\p{L}.\-']*){1,3})?),\s+(1[89]\d\d|20\d\d)[.:]\s")
        .expect("static regex")
});
static TITLE_TRACK: LazyLock<Re> =
    LazyLock::new(|| Re::gated(r"(?i)\bthe title (?:track|song|theme|cut)\b", &["the title "]).expect("static regex"));
static DASH_SPLIT: LazyLock<Re> = LazyLock::new(|| Re::new(r"\s+[—–]\s+").expect("static regex"));
static YEAR: LazyLock<Re> = LazyLock::new(|| Re::new(r"\b(1[89]\d\d|20\d\d)\b").expect("static regex"));
static NEGATION: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)\b(?:not a (?:proper |real |true )?soundtrack|isn[’']t (?:a |technically a )?soundtrack|not technically a soundtrack|is (?:a|an) (?:concept|studio|progressive[- ]rock|solo|live|compilation) album(?:,| that| and)|though not a soundtrack)", &["soundtrack", "album"])
        .and_then(|re| re.led(&["not a ", "isn’t ", "isn't ", "not technically", "is a ", "is an ", "though not"]))
        .expect("static regex")
});
static TRAILING_CREDIT: LazyLock<Re> =
    LazyLock::new(|| Re::gated(r"\(([^()]{3,50})\)\s*$", &["("]).expect("static regex"));
static CREDIT_LINE: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)^(?:[—–-]\s*|(?:words|review|reviewed by|written by|by)\s*:?\s+)([^\s].{2,40})$")
        .expect("static regex")
});

/// Reads the blurb of the entry titled `title`; `other_titles` are the keys of the article's
/// other entries (a quote of one of them is a reference, not a song).
pub fn read(title: &str, lines: &[BodyLine], other_titles: &[String], vocab: &Vocabulary) -> BodyFields {
    let mut f = BodyFields::default();
    let title_k = title_key(title);
    let mut track_list = false;
    let mut prose = String::new();
    // "Composer: C418 · Label: Ghostly International": several fields on one line.
    let split_lines: Vec<BodyLine> = lines.iter().flat_map(split_fields).collect();
    let lines = &split_lines;
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        // "Nino Rota, 1960. Rota's music for Fellini…": a blurb that opens with its credit.
        if i == 0
            && may_open_with_credit(text)
            && let Some(c) = CREDIT_OPENING.captures(text)
            && name_score(&c[1], vocab) >= 0.7
        {
            f.composers.extend(split_names(&c[1]));
            f.year = f.year.or_else(|| c[2].parse().ok());
        }
        if i == 0
            && let Some(details) = details_line(text, vocab)
        {
            f.year = f.year.or(details.year);
            f.composers.extend(details.makers);
            f.releases.extend(details.labels.into_iter().map(|l| Release {
                label: Some(l),
                year: None,
                edition: None,
            }));
            continue;
        }
        // Under the makers' line, a shop's "Milan · LP · 2014 · $27.99" describes the pressing:
        // its year is the release's, and its names are not credits.
        if i == 1
            && let Some(details) = details_line(text, vocab)
            && !details.labels.is_empty()
        {
            f.release_year = f.release_year.or(details.year);
            f.releases.extend(details.labels.into_iter().map(|l| Release {
                label: Some(l),
                year: details.year,
                edition: None,
            }));
            continue;
        }
        if let Some((field, value)) = field_line(text) {
            track_list = field == Field::Tracks && value.is_empty();
            read_field(&mut f, field, value, vocab);
            continue;
        }
        if track_list && (line.list_item || text.split_whitespace().count() <= 8) {
            if title_score(text) >= 0.5 {
                f.tracks.push(Track { title: clean_title(text), artist: None });
            }
            continue;
        }
        track_list = false;
        if (i + 1 == lines.len() || i + 2 == lines.len())
            && may_be_credit_line(text)
            && let Some(c) = CREDIT_LINE.captures(text)
            && name_score(&c[1], vocab) >= 0.7
        {
            f.reviewer = Some(c[1].trim().to_string());
            continue;
        }
        prose.push_str(text);
        // Lines are sentences apart: a header's trailing credit must not run into the blurb.
        prose.push_str(if text.ends_with(['.', '!', '?', ':', ';']) { " " } else { ". " });
    }
    let last = prose.trim_end().trim_end_matches('.');
    // A match ends in ")" and whitespace: most blurbs do not, and skip the regex.
    debug_assert!(last.trim_end().ends_with(')') || !TRAILING_CREDIT.is_match(last), "{last:?}");
    if last.trim_end().ends_with(')')
        && let Some(c) = TRAILING_CREDIT.captures(last)
        && name_score(&c[1], vocab) >= 0.7
        && !vocab.is_composer(&c[1])
    {
        f.reviewer.get_or_insert_with(|| c[1].trim().to_string());
    }
    // Whether the blurb holds `ſ` or the Kelvin sign, asked once for the searches below.
    let folding = crate::re::holds_ascii_folding_letter(&prose);
    let cues = prose_cues_in(&prose, folding);
    debug_assert!(cues.negation || !NEGATION.is_match(&prose), "NEGATION matches {prose:?}");
    debug_assert!(folding || cues.negation == NEGATION.is_match(&prose), "NEGATION read by hand in {prose:?}");
    debug_assert!(cues.title_track || !TITLE_TRACK.is_match(&prose), "TITLE_TRACK matches {prose:?}");
    // Read by hand unless `ſ` or the Kelvin sign is there: the regex (and its compilation,
    // two copies) is then needed only beside those letters.
    f.negated = cues.negation && (!folding || NEGATION.is_match(&prose));
    for label in labels::mentioned_in(&prose, folding, vocab) {
        let canonical = |l: &str| vocab.label(l).map_or_else(|| crate::normalize::fold(l), crate::normalize::fold);
        if !f.releases.iter().any(|r| r.label.as_deref().map(canonical) == Some(canonical(&label))) {
            f.releases.push(Release { label: Some(label), year: None, edition: None });
        }
    }
    for name in credits::credits_in(&prose, &title_k, folding, vocab) {
        f.composers.push(name);
    }
    f.year = f.year.or_else(|| years::work_year(&prose, &title_k));
    let named = tracks::named_keyed(&prose, || title_k.clone(), other_titles, vocab);
    f.alt_titles.extend(named.alt_titles);
    for t in named.tracks {
        if !f.tracks.iter().any(|x| title_key(&x.title) == title_key(&t.title)) {
            f.tracks.push(t);
        }
    }
    if cues.title_track && TITLE_TRACK.is_match(&prose) && !f.tracks.iter().any(|t| title_key(&t.title) == title_k) {
        f.tracks.insert(0, Track { title: title.to_string(), artist: None });
    }
    f
}

/// What a details line under a header gives: "1977 · Tangerine Dream · MCA", "_Goblin · 1977_".
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Details {
    year: Option<i32>,
    makers: Vec<String>,
    labels: Vec<String>,
}

/// A short line of two to four parts split by `·`, `•` or `|`, each a year, a known label or
/// names, with at least one year or label among them.
pub(crate) fn details_line(text: &str, vocab: &Vocabulary) -> Option<Details> {
    // Every unit of an article is asked (list candidates): most have no separator at all.
    if !may_hold_separator(text) || !text.contains(['·', '•', '|']) {
        return None;
    }
    let text = text.trim_matches(|c: char| matches!(c, '*' | '_') || c.is_whitespace());
    let parts: Vec<&str> = text.split(['·', '•', '|']).map(str::trim).collect();
    if !(2..=4).contains(&parts.len()) || text.split_whitespace().count() > 14 {
        return None;
    }
    let mut d = Details::default();
    for part in parts {
        let bare = part.trim_matches(|c: char| matches!(c, '(' | ')' | '*' | '_'));
        if let Some(year) = YEAR.captures(bare).filter(|c| c[0].len() == bare.len()).and_then(|c| c[1].parse().ok()) {
            d.year = d.year.or(Some(year));
        } else if is_release_format(bare) || super::title::is_price(bare) {
            // "LP", "2CD", "Vinyl", "$27.99": how it was pressed or what it costs says nothing
            // about who made it.
        } else if let Some(year) = release_note_year(bare) {
            d.year = d.year.or(Some(year));
        } else if vocab.label(bare).is_some() {
            d.labels.push(bare.to_string());
        } else {
            let names = split_names(bare);
            if names.is_empty() || !names.iter().all(|n| name_score(n, vocab) >= 0.7 || vocab.is_composer(n)) {
                return None;
            }
            d.makers.extend(names);
        }
    }
    (d.year.is_some() || !d.labels.is_empty()).then_some(d)
}

/// Which of NEGATION and TITLE_TRACK may match a blurb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ProseCues {
    /// Whether NEGATION matches, exactly, in a blurb without `ſ` and the Kelvin sign; true in
    /// one with them, where the regex must tell.
    negation: bool,
    title_track: bool,
}

/// What precedes "soundtrack" in each of NEGATION's alternatives that ends in it, whole from
/// its `\b`.
const BEFORE_SOUNDTRACK: [&str; 12] = [
    "not a ",
    "not a proper ",
    "not a real ",
    "not a true ",
    "isn't ",
    "isn’t ",
    "isn't a ",
    "isn’t a ",
    "isn't technically a ",
    "isn’t technically a ",
    "not technically a ",
    "though not a ",
];
/// The kinds of album in NEGATION's other alternatives.
const ALBUM_KINDS: [&str; 7] =
    ["concept", "studio", "progressive-rock", "progressive rock", "solo", "live", "compilation"];

/// The patterns that may match `prose`, from one lower-cased copy. NEGATION is read whole: it
/// matches where, after a word boundary, one of [`BEFORE_SOUNDTRACK`] is followed by
/// "soundtrack", or "is a " or "is an ", one of [`ALBUM_KINDS`] and " album" by ",", " that"
/// or " and" (nothing after needs a boundary). Its words are ASCII, so ignoring case they are
/// matched by the lower-cased copy at the same offsets, except by `ſ` or the Kelvin sign.
/// TITLE_TRACK needs "the title ". Few blurbs hold either, and the rest skip both searches
/// (and their compilation).
#[cfg(test)]
fn prose_cues(prose: &str) -> ProseCues {
    prose_cues_in(prose, crate::re::holds_ascii_folding_letter(prose))
}

/// `prose_cues`, told whether `prose` may hold `ſ` or the Kelvin sign.
fn prose_cues_in(prose: &str, folding: bool) -> ProseCues {
    // Ignoring case, "ſ" matches "s" and the Kelvin sign "k": lower-casing ASCII cannot see them.
    if folding {
        return ProseCues { negation: true, title_track: true };
    }
    // `\b` before a phrase's first letter (a word character): no word character before it.
    let bounded = |start: usize| !prose[..start].chars().next_back().is_some_and(crate::re::is_word_char);
    crate::re::with_ascii_lowered(prose, |low| {
        let soundtrack = SOUNDTRACK
            .find_iter(low)
            .any(|at| BEFORE_SOUNDTRACK.iter().any(|b| low[..at].ends_with(b.as_bytes()) && bounded(at - b.len())));
        let album = || {
            ALBUM.find_iter(low).any(|at| {
                let after = &low[at + " album".len()..];
                [",", " that", " and"].iter().any(|e| after.starts_with(e.as_bytes()))
                    && ALBUM_KINDS.iter().any(|k| {
                        let Some(before) = low[..at].strip_suffix(k.as_bytes()) else { return false };
                        ["is a ", "is an "]
                            .iter()
                            .any(|i| before.ends_with(i.as_bytes()) && bounded(before.len() - i.len()))
                    })
            })
        };
        ProseCues { negation: soundtrack || album(), title_track: THE_TITLE.find(low).is_some() }
    })
}

/// [`prose_cues_in`]'s searchers, built once rather than on every blurb.
static SOUNDTRACK: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("soundtrack"));
static ALBUM: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(" album"));
static THE_TITLE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("the title "));

/// Whether CREDIT_OPENING may match `text`: it opens with a capital, and some comma is followed
/// by whitespace and "18", "19" or "20" (the year's other digits may be any `\d`).
fn may_open_with_credit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let may = bytes.first().is_some_and(u8::is_ascii_uppercase)
        && memchr::memchr_iter(b',', bytes).any(|at| {
            let after = &text[at + 1..];
            let year = after.trim_start().as_bytes();
            year.len() < after.len() && matches!(year.get(..2), Some(b"18" | b"19" | b"20"))
        });
    debug_assert!(may || !CREDIT_OPENING.is_match(text), "CREDIT_OPENING matches {text:?}");
    may
}

/// Whether CREDIT_LINE may match `text`: it opens with a dash or, ignoring ASCII case, one of
/// its words ("reviewed by" opens with "review"). Of its words' letters, `(?i)` reads a
/// non-ASCII one only as the "s" of "words" ("wordſ"; the Kelvin sign would be a "k", which
/// none holds), so only there is `ſ` looked for, not through the whole line.
fn may_be_credit_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let starts_with = |w: &str| crate::normalize::text::starts_with_ignore_ascii_case(bytes, w);
    let may = text.starts_with(['—', '–', '-'])
        || ["words", "review", "written by", "by"].iter().any(|w| starts_with(w))
        || starts_with("word") && text[4..].starts_with('\u{17F}');
    debug_assert!(may || !CREDIT_LINE.is_match(text), "CREDIT_LINE matches {text:?}");
    may
}

/// `DASH_SPLIT.find(value)`'s range: the first "—" or "–" with whitespace on both sides, with
/// that whitespace.
fn dash_split(value: &str) -> Option<(usize, usize)> {
    let found = value.match_indices(['—', '–']).find_map(|(at, dash)| {
        let start = value[..at].trim_end().len();
        let after = &value[at + dash.len()..];
        let spaces = after.len() - after.trim_start().len();
        (start < at && spaces > 0).then_some((start, at + dash.len() + spaces))
    });
    debug_assert_eq!(found, DASH_SPLIT.find(value).map(|m| (m.start(), m.end())), "{value:?}");
    found
}

/// "LP", "2LP", "CD", "7\"", "Vinyl", "Cassette", "Digital", "Box set".
fn is_release_format(part: &str) -> bool {
    let lower = part.to_lowercase();
    let unit = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == 'x' || c == '×').trim();
    matches!(
        unit,
        "lp" | "lps"
            | "ep"
            | "cd"
            | "cds"
            | "\""
            | "”"
            | "vinyl"
            | "cassette"
            | "tape"
            | "digital"
            | "box set"
            | "boxset"
            | "sacd"
            | "minidisc"
    ) || matches!(lower.as_str(), "7\"" | "10\"" | "12\"" | "7”" | "12”")
}

/// "reissue, originally released 1977", "first released 1996, 2LP reissue": a short note on
/// the release, with its earliest year.
fn release_note_year(part: &str) -> Option<i32> {
    let lower = part.to_lowercase();
    let about_release = ["release", "reissue", "repress", "pressing", "remaster", "edition", "issued"];
    if part.split_whitespace().count() > 8 || !about_release.iter().any(|w| lower.contains(w)) {
        return None;
    }
    YEAR.captures_iter(part).filter_map(|c| c[1].parse().ok()).min()
}

/// False when `text` has no `·`, `•` or `|`: one vectorised search for '|' and the last bytes
/// of '·' and '•', much faster than looking at each character, which most lines need.
fn may_hold_separator(text: &str) -> bool {
    memchr::memchr3(b'|', 0xB7, 0xA2, text.as_bytes()).is_some()
}

fn split_fields<'a>(line: &BodyLine<'a>) -> Vec<BodyLine<'a>> {
    if !may_hold_separator(line.text) {
        return vec![BodyLine { text: line.text, list_item: line.list_item }];
    }
    let parts: Vec<&str> = line.text.split(['·', '•', '|']).map(str::trim).collect();
    if parts.len() > 1 && parts.iter().all(|p| is_field_line(p)) {
        parts.into_iter().map(|text| BodyLine { text, list_item: line.list_item }).collect()
    } else {
        vec![BodyLine { text: line.text, list_item: line.list_item }]
    }
}

fn read_field(f: &mut BodyFields, field: Field, value: &str, vocab: &Vocabulary) {
    if value.is_empty() {
        return;
    }
    let year = || YEAR.captures(value).and_then(|c| c[1].parse().ok());
    match field {
        Field::Makers => {
            f.field_makers = true;
            // "Michel Legrand — disque Philips": a release after a dash on the credit line.
            let (value, release) = match dash_split(value) {
                Some((start, end)) => (&value[..start], Some(&value[end..])),
                None => (value, None),
            };
            f.various |= is_various_artists(value);
            f.composers.extend(split_names(value));
            for label in release.into_iter().flat_map(|r| r.split(['/', ','])) {
                let label = label.trim().trim_start_matches(|c: char| c.is_lowercase() || c.is_whitespace()).trim();
                if vocab.label(label).is_some() {
                    f.releases.push(Release { label: Some(label.to_string()), year: None, edition: None });
                }
            }
        }
        Field::Label => {
            for label in value.split(['/', ';']).map(str::trim).filter(|l| !l.is_empty()) {
                // "Death Waltz Recording Co. (2013 reissue)": the bracket dates the release.
                let (label, note) = match label.split_once(" (") {
                    Some((l, n)) => (l.trim(), Some(n.trim_end_matches(')'))),
                    None => (label, None),
                };
                let (label, year) = match label.rsplit_once(',') {
                    Some((l, y)) if YEAR.is_match(y) => (l.trim(), YEAR.captures(y).and_then(|c| c[1].parse().ok())),
                    _ => (label, note.and_then(|n| YEAR.captures(n)).and_then(|c| c[1].parse().ok())),
                };
                let edition = note.map(|n| YEAR.replace(n, "").trim().to_string()).filter(|e| !e.is_empty());
                f.releases.push(Release { label: Some(label.trim_end_matches('.').to_string()), year, edition });
            }
        }
        Field::Year => f.year = f.year.or_else(year),
        // The album's release, which yields to the film's year when the blurb states it.
        Field::Released => f.release_year = f.release_year.or_else(year),
        Field::Tracks => {
            for t in value.split([',', ';']).map(str::trim).filter(|t| !t.is_empty()) {
                f.tracks.push(Track { title: clean_title(t), artist: None });
            }
        }
        Field::AltTitle => {
            let alt = clean_title(value);
            if !alt.is_empty() && !f.alt_titles.contains(&alt) {
                f.alt_titles.push(alt);
            }
        }
        Field::Other => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    fn body(title: &str, text: &str) -> BodyFields {
        let lines: Vec<BodyLine> =
            text.split('\n').map(|t| BodyLine { text: t, list_item: t.starts_with("• ") }).collect();
        read(title, &lines, &[], &BUILT_IN)
    }

    #[test]
    fn field_lines_split_on_each_separator() {
        for sep in [" · ", " • ", " | "] {
            let text = format!("Composer: C418{sep}Label: Ghostly International");
            let line = BodyLine { text: &text, list_item: false };
            let parts: Vec<&str> = split_fields(&line).iter().map(|l| l.text).collect();
            assert_eq!(parts, ["Composer: C418", "Label: Ghostly International"], "{sep:?}");
        }
        let line = BodyLine { text: "Composer: C418 — Label: Ghostly", list_item: false };
        assert_eq!(split_fields(&line).len(), 1);
    }

    proptest::proptest! {
        /// The byte pre-check never hides a separator, among characters whose UTF-8 ends in
        /// the same bytes ('·' and '•' end in 0xB7 and 0xA2, as do 'ķ' and '₢').
        #[test]
        fn separator_check_sees_every_separator(text in "[·•|ķ₢¢a -]{0,12}") {
            proptest::prop_assert!(may_hold_separator(&text) || !text.contains(['·', '•', '|']));
        }
    }

    proptest::proptest! {
        /// A credit line refused by the opening check has no match, with `ſ` and the Kelvin
        /// sign anywhere among its words.
        #[test]
        fn refused_credit_lines_have_no_match(
            text in "(wordſ|WORDſ|words|Words|word|review|Reviewed by|written by|wriTTen by|by|By|ſ|\u{212A}|—|-| |: |\t|Jane Doe|x|é){0,6}"
        ) {
            proptest::prop_assert!(may_be_credit_line(&text) || !CREDIT_LINE.is_match(&text));
        }
    }

    proptest::proptest! {
        /// A pattern refused by `prose_cues` has no match, and the dash split is the regex's.
        #[test]
        fn uncued_prose_patterns_have_no_match(
            text in "(not a |NOT A |not a soundtrack|isn’t a soundtrack|is a live album,|is an solo album and|proper |real |true |technically a |though |isn't |isn’t |ISN'T a |soundtrack|Soundtrack|is a |is an |concept|studio|progressive-rock|progressive rock|solo|live| album|,| that| and|the title |The Title |track|ſ|x|é|_|'| |\t|—|–){0,10}"
        ) {
            let cues = prose_cues(&text);
            proptest::prop_assert!(cues.negation || !NEGATION.is_match(&text));
            let folding = crate::re::holds_ascii_folding_letter(&text);
            proptest::prop_assert!(folding || cues.negation == NEGATION.is_match(&text));
            proptest::prop_assert!(cues.title_track || !TITLE_TRACK.is_match(&text));
            proptest::prop_assert_eq!(dash_split(&text), DASH_SPLIT.find(&text).map(|m| (m.start(), m.end())));
        }
    }

    #[test]
    fn details_lines_under_a_header() {
        let d = details_line("1977 · Tangerine Dream · MCA", &BUILT_IN).expect("details");
        assert_eq!(
            (d.year, d.makers, d.labels),
            (Some(1977), vec!["Tangerine Dream".to_string()], vec!["MCA".to_string()])
        );
        let d = details_line("_Goblin · 1977_", &BUILT_IN).expect("details");
        assert_eq!((d.year, d.makers), (Some(1977), vec!["Goblin".to_string()]));
        assert_eq!(details_line("Tangerine Dream · Vangelis", &BUILT_IN), None, "no year or label");
        assert_eq!(details_line("Drums · strings · a long night in the studio", &BUILT_IN), None);
        let d = details_line("Cinevox · LP · reissue, originally released 1977", &BUILT_IN).expect("details");
        assert_eq!((d.year, d.labels), (Some(1977), vec!["Cinevox".to_string()]));
        let d = details_line("EMI Premier · 2LP · first released 1996, 2LP reissue", &BUILT_IN).expect("details");
        assert_eq!(d.year, Some(1996));
        assert_eq!(details_line("Vinyl · 2LP", &BUILT_IN), None, "no year or label");
        let d = details_line("Milan · LP · 2014 · $27.99", &BUILT_IN).expect("details");
        assert_eq!((d.year, d.labels.as_slice()), (Some(2014), &["Milan".to_string()][..]));
    }

    #[test]
    fn a_credit_line_can_name_the_release() {
        let lines = [BodyLine { text: "Musique : Michel Legrand — disque Philips", list_item: false }];
        let f = read("Les Parapluies de Cherbourg", &lines, &[], &BUILT_IN);
        assert_eq!(f.composers, ["Michel Legrand"]);
        assert_eq!(f.releases.iter().map(|r| r.label.clone().unwrap_or_default()).collect::<Vec<_>>(), ["Philips"]);
        assert!(f.field_makers);
    }

    #[test]
    fn tracks_and_artists() {
        let f = body(
            "Barbie",
            "Dua Lipa's \"Dance the Night\" is a bop. \"Pink\" by Lizzo helps. Films like \"The Red Shoes\" and \"flat feet\" and \"Barbie\".",
        );
        let t: Vec<(&str, Option<&str>)> = f.tracks.iter().map(|t| (t.title.as_str(), t.artist.as_deref())).collect();
        assert_eq!(t, [("Dance the Night", Some("Dua Lipa")), ("Pink", Some("Lizzo"))]);
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
        assert!(body("Roller", "Though not a soundtrack, Roller is a progressive-rock album.").negated);
    }
}
