//! Soundtracks discussed in running text. A title counts when a cue ties it to music:
//! "the Saturday Night Fever soundtrack", "Purple Rain's 1984 soundtrack", "Hans Zimmer's
//! contributions to The Dark Knight, Inception, and Interstellar", "his scores for …",
//! "themes for Halloween and Escape from New York", "score from Star Trek II (1982)", "the
//! release of monster movie Underwater and its soundtrack". Each title becomes one mention,
//! with the maker, year and songs its sentences give.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::re::Re;

use super::names::name_score;
use super::scan::quotes;
use super::sections::UnitInfo;
use super::spans::{span_before, titles_after};
use super::title::{clean_title, title_score};
use super::units::Unit;
use super::vocab::Vocabulary;
use super::words::is_work_noun;
use super::{credits, labels, tracks};
use crate::document::Document;
use crate::model::{Layout, Mention};
use crate::normalize::title_key;

/// "the X soundtrack", "X's 1984 soundtrack album".
static NOUN_CUE: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"(?:\s(1[89]\d\d|20\d\d))?\s+(?:soundtrack|score|ost|compilation|soundtrack album)s?\b",
        &["soundtrack", "score", "ost", "compilation"],
    )
    .expect("static regex")
});
/// "X's work on", "his scores for", "themes for", "music from", "score to", "soundtrack of".
static MAKER_WORK: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?:['’]s?|\b(?i:his|her|their|its))\s+(?:[a-z0-9\-]+,?\s+){0,5}?(?:work|scores?|music|contributions?|themes?|soundtracks?|compositions?|cues)\s+(?:on|for|to|from|in)\s+|\b(?:themes?|scores?|soundtracks?|music)\s+(?:on|for|to|from)\s+|\b(?:scores?|soundtracks?)\s+of\s+",
        &["work", "score", "music", "contribution", "theme", "soundtrack", "composition", "cues"])
        .expect("static regex")
});
/// "monster movie Underwater", "the miniseries of Stephen King's The Stand".
static WORK_CUE: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"\b(?:film|movie|series|miniseries|show|game|documentary|anime|musical)\s+(?:of\s+)?",
        &["film", "movie", "series", "show", "game", "documentary", "anime", "musical"],
    )
    .expect("static regex")
});
static SOUNDTRACK_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"(?i)\b(?:soundtracks?|scores?|ost|music|songs?|themes?)\b",
        &["soundtrack", "score", "ost", "music", "song", "theme"],
    )
    .expect("static regex")
});
static TITLE_YEAR: LazyLock<Re> = LazyLock::new(|| Re::new(r"^\*?\s*\((1[89]\d\d|20\d\d)\)").expect("static regex"));
static IN_YEAR: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^\*?\s*,?\s*(?:released\s+)?in\s+(1[89]\d\d|20\d\d)\b").expect("static regex"));

/// Capitalised things that are not works: awards, charts, companies, places, eras.
fn is_non_title(title: &str, vocab: &Vocabulary) -> bool {
    const NON_TITLES: [&str; 34] = [
        "oscar",
        "oscars",
        "grammy",
        "grammys",
        "emmy",
        "emmys",
        "academy",
        "academy award",
        "academy awards",
        "billboard",
        "hollywood",
        "golden age",
        "golden age hollywood",
        "netflix",
        "hbo",
        "hulu",
        "disney",
        "marvel",
        "mcu",
        "youtube",
        "spotify",
        "bandcamp",
        "amazon",
        "bbc",
        "best original score",
        "best picture",
        "album of the year",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "the",
    ];
    let key = crate::normalize::fold(title);
    NON_TITLES.contains(&key.as_str())
        || vocab.label(title).is_some()
        || vocab.is_composer(title)
        || name_score(title, vocab) >= 0.85 && title.split_whitespace().count() >= 2
        || title_score(title) < 0.6
        || key.split(' ').all(|w| w.len() <= 1)
        || !key.chars().any(char::is_alphabetic)
}

/// A title found in prose, with what its cue said.
#[derive(Debug, Clone)]
struct Found {
    title: String,
    unit: usize,
    composers: Vec<String>,
    year: Option<i32>,
    /// Labels named in the same sentence next to release words.
    labels: Vec<String>,
    /// Found by a cue, not only as a title the run knows.
    cued: bool,
}

/// Mentions found in the prose of `units` outside `claimed` entry units.
pub fn mentions(
    doc: &Document,
    units: &[Unit],
    info: &[UnitInfo],
    claimed: &std::collections::HashSet<usize>,
    found_already: &[Mention],
    vocab: &Vocabulary,
) -> Vec<Mention> {
    let mut found: Vec<Found> = Vec::new();
    let mut last_person = LastPerson::default();
    for (i, u) in units.iter().enumerate() {
        if info[i].excluded || claimed.contains(&i) || u.kind == crate::document::BlockKind::Row {
            continue;
        }
        for sentence in sentences(&u.text) {
            find_in_sentence(sentence, i, &mut last_person, &mut found, vocab);
        }
    }
    // A paragraph about a composer's new score that names their earlier work ("fans of his
    // work with Hereditary") discusses the new one: the lists' credit for a known title must
    // not be the paragraph's cued maker.
    if let Some(known) = vocab.known_titles() {
        let mut cued_makers: std::collections::HashMap<usize, Vec<String>> = std::collections::HashMap::new();
        for f in found.iter().filter(|f| f.cued) {
            cued_makers.entry(f.unit).or_default().extend(f.composers.iter().cloned());
        }
        found.retain(|f| {
            f.cued || !cued_makers.get(&f.unit).is_some_and(|makers| known.credited_to_any(&f.title, makers))
        });
    }
    // One mention per title; a later sentence may add the maker or the year.
    let mut by_key: BTreeMap<String, Found> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for f in found {
        let key = title_key(&f.title);
        if key.is_empty() || found_already.iter().any(|m| title_key(&m.title) == key) {
            continue;
        }
        match by_key.get_mut(&key) {
            Some(existing) => {
                existing.cued |= f.cued;
                existing.year = existing.year.or(f.year);
                for l in f.labels {
                    if !existing.labels.contains(&l) {
                        existing.labels.push(l);
                    }
                }
                for c in f.composers {
                    if !existing.composers.contains(&c) {
                        existing.composers.push(c);
                    }
                }
            }
            None => {
                order.push(key.clone());
                by_key.insert(key, f);
            }
        }
    }
    let mut per_unit: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // Titles named only as known titles do not share a paragraph's songs.
    for f in by_key.values().filter(|f| f.cued) {
        *per_unit.entry(f.unit).or_default() += 1;
    }
    let spellings =
        if by_key.values().any(|f| !f.labels.is_empty()) { label_spellings(units, vocab) } else { Default::default() };
    let years = years_beside(units, by_key.values().map(|f| f.title.as_str()));
    let titles: Vec<String> = order.clone();
    order
        .iter()
        .filter_map(|k| by_key.get(k))
        .map(|f| {
            let mut m = Mention::new(&doc.source, units[f.unit].line, Layout::Prose, f.title.clone());
            m.composers = f.composers.clone();
            for label in &f.labels {
                let canonical = vocab.label(label).unwrap_or(label);
                let spelled = spellings
                    .get(canonical)
                    .filter(|s| s.len() > label.len())
                    .cloned()
                    .unwrap_or_else(|| label.clone());
                if !m.labels.contains(&spelled) {
                    m.labels.push(spelled.clone());
                    m.releases.push(crate::model::Release { label: Some(spelled), year: None, edition: None });
                }
            }
            let bare = f.title.strip_prefix("The ").unwrap_or(&f.title);
            m.year = f.year.or_else(|| years.get(f.title.as_str()).or_else(|| years.get(bare)).copied());
            // Songs of a paragraph about one soundtrack are that soundtrack's.
            if f.cued && per_unit.get(&f.unit) == Some(&1) {
                let named = tracks::named(&units[f.unit].text, &f.title, &titles, vocab);
                m.tracks = named.tracks;
            } else {
                m.tracks = attached_tracks(&units[f.unit].text, &f.title, &titles, vocab);
            }
            m.confidence = 0.6;
            m
        })
        .collect()
}

/// The fullest way the article writes each label, by canonical name ("La-La Land" →
/// "La-La Land Records" when the article also says that).
fn label_spellings(units: &[Unit], vocab: &Vocabulary) -> std::collections::HashMap<String, String> {
    let mut best: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for u in units {
        for spelled in labels::mentioned(&format!("{} release", u.text), vocab) {
            let canonical = vocab.label(&spelled).unwrap_or(&spelled).to_string();
            let slot = best.entry(canonical).or_default();
            if spelled.len() > slot.len() {
                *slot = spelled;
            }
        }
    }
    best
}

/// The year written beside each title anywhere in the article ("Saturday Night Fever in 1977",
/// "Star Trek II (1982)"), in one pass over the text.
fn years_beside<'a>(units: &[Unit], titles: impl Iterator<Item = &'a str>) -> std::collections::HashMap<&'a str, i32> {
    let mut patterns: Vec<&str> = Vec::new();
    for t in titles {
        patterns.push(t);
        if let Some(bare) = t.strip_prefix("The ") {
            patterns.push(bare);
        }
    }
    let mut years = std::collections::HashMap::new();
    // A few titles, searched over one article: memmem for each costs far less than building
    // an automaton. An empty pattern (a bare "The ") is left to the automaton, a noncontiguous
    // NFA, which builds several times faster than the DFA the default would pick.
    let first_ending = super::known::FirstEnding::new(&patterns);
    let automaton = match first_ending {
        Some(_) => None,
        None => match aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(&patterns)
        {
            Ok(ac) => Some(ac),
            Err(_) => return years,
        },
    };
    for u in units {
        let matches: Vec<(usize, usize)> = match &automaton {
            Some(ac) => ac.find_iter(&u.text).map(|m| (m.start(), m.pattern().as_usize())).collect(),
            None => first_ending.as_ref().map(|f| f.find_all(&u.text)).unwrap_or_default(),
        };
        #[cfg(debug_assertions)]
        if first_ending.is_some() {
            debug_assert_eq!(matches, super::known::first_ending_by_automaton(&patterns, &u.text), "{:?}", u.text);
        }
        for (start, p) in matches {
            let title = patterns[p];
            if years.contains_key(title) {
                continue;
            }
            if let Some(y) = year_after(&u.text[start..], title) {
                years.insert(title, y);
            }
        }
    }
    years
}

/// Sentences of a paragraph (abbreviations do not end one).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && bytes.get(i + 1) == Some(&b' ') {
            let word = text[start..=i].split_whitespace().last().unwrap_or("");
            let next = text[i + 2..].chars().next();
            if c == '.' && super::split::is_abbreviation(word)
                || !next.is_some_and(|n| n.is_uppercase() || n == '“' || n == '"')
            {
                continue;
            }
            out.push(&text[start..=i]);
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A sentence as the cues read it: without asides or bold marks.
fn cleaned(sentence: &str) -> String {
    super::scan::without_asides(sentence).replace("**", "")
}

/// The people a cleaned sentence names: its credits, else its first person.
fn people_named(sentence: &str, credited: &[String], vocab: &Vocabulary) -> Vec<String> {
    if credited.is_empty() { first_person(sentence, vocab).into_iter().collect() } else { credited.to_vec() }
}

/// The last person the sentences read so far name, worked out only when a pronoun cue asks:
/// a sentence's people (its credits, about 25,000 instructions on real prose) are found only
/// when one of its own cues needs them, and the others wait here.
#[derive(Default)]
struct LastPerson<'a> {
    /// The last person named up to the sentences in `pending`.
    known: Option<String>,
    /// The later sentences whose people are not worked out yet, in order.
    pending: Vec<&'a str>,
    /// What the eager reading gave (every sentence's people found): debug builds compare.
    #[cfg(debug_assertions)]
    eager: Option<String>,
}

impl<'a> LastPerson<'a> {
    /// After a sentence: `people` when they were worked out (only a named person changes the
    /// last one), else the sentence waits.
    fn read(&mut self, sentence: &'a str, people: Option<&Vec<String>>, vocab: &Vocabulary) {
        #[cfg(debug_assertions)]
        {
            let clean = cleaned(sentence);
            let eager = people_named(&clean, &credits::credits(&clean, "", vocab), vocab);
            debug_assert!(people.is_none_or(|p| *p == eager));
            if let Some(p) = eager.last() {
                self.eager = Some(p.clone());
            }
        }
        let _ = vocab;
        match people {
            Some(people) => {
                if let Some(p) = people.last() {
                    self.known = Some(p.clone());
                    self.pending.clear();
                }
            }
            None => self.pending.push(sentence),
        }
    }

    /// The last person named: the latest waiting sentence that names one, else the one known.
    fn get(&mut self, vocab: &Vocabulary) -> Option<String> {
        while let Some(sentence) = self.pending.pop() {
            let clean = cleaned(sentence);
            if let Some(p) = people_named(&clean, &credits::credits(&clean, "", vocab), vocab).pop() {
                self.known = Some(p);
                self.pending.clear();
            }
        }
        #[cfg(debug_assertions)]
        debug_assert_eq!(self.known, self.eager);
        self.known.clone()
    }
}

fn find_in_sentence<'a>(
    raw: &'a str,
    unit: usize,
    last_person: &mut LastPerson<'a>,
    found: &mut Vec<Found>,
    vocab: &Vocabulary,
) {
    let sentence = cleaned(raw);
    let sentence = sentence.as_str();
    // Credits, people and labels are worked out on first use: most sentences have no cue.
    let (credited_once, people_once) = (std::cell::OnceCell::new(), std::cell::OnceCell::new());
    let credited = || credited_once.get_or_init(|| credits::credits(sentence, "", vocab));
    let people = || people_once.get_or_init(|| people_named(sentence, credited(), vocab));
    let labels = std::cell::OnceCell::new();
    let mut add = |title: &str, composers: Vec<String>, year: Option<i32>, at_start: bool, cued: bool| {
        let title = clean_title(title);
        // A lone capitalised word opening a sentence ("Great soundtracks …") is not a title,
        // nor is a span ending in a small word ("Listen to soundtracks …").
        let ends_small = title.split_whitespace().last().is_some_and(|w| w.chars().all(char::is_lowercase));
        if at_start && title.split_whitespace().count() == 1 || ends_small || is_non_title(&title, vocab) {
            return;
        }
        let year = year.or_else(|| release_year(sentence, &title));
        let labels = labels.get_or_init(|| labels::mentioned(sentence, vocab)).clone();
        found.push(Found { title, unit, composers, year, labels, cued });
    };
    // "the X soundtrack", "X's 1984 soundtrack", "Bernard Herrmann's Psycho score".
    for c in NOUN_CUE.captures_iter(sentence) {
        let start = c.get(0).map_or(0, |m| m.start());
        let Some(span) = span_before(&sentence[..start]) else { continue };
        let end = c.get(0).map_or(start, |m| m.end());
        // "the Saturday Night Fever soundtrack (1977)".
        let year = c
            .get(1)
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| TITLE_YEAR.captures(&sentence[end..]).and_then(|y| y[1].parse().ok()));
        let maker: Vec<String> =
            span.possessor.iter().filter(|p| name_score(p, vocab) >= 0.7 || vocab.is_composer(p)).cloned().collect();
        if span.possessive
            && possessor_name(&format!("{}’s", span.title), vocab)
                .is_some_and(|p| name_score(&capitalise_first(&p), vocab) >= 0.85 || vocab.is_composer(&p))
        {
            continue; // "Hans Zimmer's score", "Consider Thom Yorke's score": a maker, not a work.
        }
        let opening = sentence[..start].rsplit(": ").next().unwrap_or("");
        let at_start = opening.trim_start().starts_with(span.title.as_str());
        // "the Drive soundtrack … Cliff Martinez's score bits": the sentence's own credits.
        let maker = if maker.is_empty() { credited().clone() } else { maker };
        add(&span.title, maker, year, at_start, true);
    }
    // "X's work on A, B and C", "his scores for …", "themes for A and B", "score from T (1982)".
    for m in MAKER_WORK.find_iter(sentence) {
        let before = &sentence[..m.start()];
        let cue = m.as_str().trim_start().to_lowercase();
        let maker = if cue.starts_with(['’', '\'']) {
            possessor_name(before, vocab)
        } else if cue.starts_with("his") || cue.starts_with("her") || cue.starts_with("their") {
            // The pronoun's person: named earlier in this sentence ("Ben Salisbury and Geoff
            // Barrow … their music for"), else in the sentences before.
            let groups = person_groups(before, vocab);
            let pick = if cue.starts_with("their") {
                groups.iter().find(|g| g.len() >= 2).or(groups.last())
            } else {
                groups.iter().rev().find(|g| g.len() == 1)
            };
            pick.map(|g| g.join(", ")).or_else(|| last_person.get(vocab))
        } else {
            None
        };
        let cue_year =
            m.as_str().split_whitespace().find_map(|w| w.parse::<i32>().ok()).filter(|y| (1880..=2099).contains(y));
        let after = after_work_noun(skip_possessor(&sentence[m.end()..]));
        let (lead, after) = lead_year(after);
        for title in titles_after(after) {
            let year = year_after(after, &title).or(lead).or(cue_year);
            // A generic cue ("music from X") takes the credits right after the title, or the
            // person named before it.
            let makers = match &maker {
                Some(m) => vec![m.clone()],
                None => credits_after(after, &title, vocab)
                    .unwrap_or_else(|| people().first().cloned().into_iter().collect()),
            };
            add(&title, makers, year, false, true);
        }
    }
    // "Blade Runner 2049 by Hans Zimmer and Benjamin Wallfisch", "the 1977 Suspiria by Goblin":
    // a work credited to known composers (an unquoted song "by" a band is not).
    for m in BY_KNOWN.find_iter(sentence) {
        let before = &sentence[..m.start()];
        if before.trim_end().ends_with(['”', '"', '’', '\'']) {
            continue;
        }
        let Some(names) = super::scan::names_after(&sentence[m.end()..]) else { continue };
        let list = super::names::split_names(&names);
        if list.is_empty() || !list.iter().all(|n| vocab.is_composer(n)) {
            continue;
        }
        if let Some(span) = span_before(before) {
            let (year, title) = leading_year_in(&span.title);
            add(title, list, year, false, true);
        }
    }
    // "Thom Yorke's Suspiria (2018)": a known composer's possessive before a dated title.
    let possessive_dated = KNOWN_POSSESSIVE_DATED.pick(sentence);
    debug_assert_eq!(
        possessive_dated.captures_iter(sentence).map(|c| capture_ranges(&c)).collect::<Vec<_>>(),
        KNOWN_POSSESSIVE_DATED.any.captures_iter(sentence).map(|c| capture_ranges(&c)).collect::<Vec<_>>(),
    );
    for c in possessive_dated.captures_iter(sentence) {
        let name = c[1].trim();
        if vocab.is_composer(name) {
            add(c[2].trim(), vec![name.to_string()], c[3].parse().ok(), false, true);
        }
    }
    // "_Shōgun_ (2024)", “Kung Fu Panda 4” (2024), "Clint Mansell's _Love Lies Bleeding_": a
    // work set apart by emphasis or quotes, dated right after it or opened by a known
    // composer's possessive.
    for (title, start, end) in super::spans::set_apart(sentence) {
        let year = TITLE_YEAR.captures(&sentence[end..]).and_then(|y| y[1].parse().ok());
        // A quoted name after a composer's possessive is more often a cue ("Toto's “Main Title”").
        let emphasised = sentence[start..].starts_with(['*', '_']);
        let composer = possessor_name(&sentence[..start], vocab)
            .map(|p| capitalise_first(&p))
            .filter(|p| emphasised && vocab.is_composer(p));
        if year.is_none() && composer.is_none() {
            continue;
        }
        add(title, composer.map_or_else(|| credited().clone(), |c| vec![c]), year, false, true);
    }
    // "the helicopter attack in Apocalypse Now set to Wagner's “Ride of the Valkyries”".
    for c in SET_TO.captures_iter(sentence) {
        let start = c.get(0).map_or(0, |m| m.start());
        if let Some(span) = span_before(&sentence[..start])
            && sentence[..start].trim_end().ends_with(span.title.as_str())
            && preceded_by_in(&sentence[..start], &span.title)
        {
            add(&span.title, Vec::new(), None, false, true);
        }
    }
    // "monster movie Underwater … its soundtrack": a work named in a sentence about its music.
    if SOUNDTRACK_WORD.is_match(sentence) {
        for m in WORK_CUE.find_iter(sentence) {
            let after = skip_possessor(&sentence[m.end()..]);
            if let Some(title) = titles_after(after).into_iter().next() {
                let year = year_after(after, &title);
                add(&title, people().clone(), year, false, true);
            }
        }
    }
    // A title the run's lists know, named without a cue ("Trainspotting brought Britpop …").
    if let Some(known) = vocab.known_titles() {
        for (at, title) in known.find(sentence) {
            let year = TITLE_YEAR.captures(&sentence[at + title.len()..]).and_then(|y| y[1].parse().ok());
            // Only the sentence's own credits: the last person named is as often a director.
            add(title, credited().clone(), year, false, false);
        }
    }
    last_person.read(raw, people_once.get(), vocab);
}

/// Credits in the clause right after a title: "The Time Tunnel series (featuring music by …)".
fn credits_after(after: &str, title: &str, vocab: &Vocabulary) -> Option<Vec<String>> {
    let at = after.find(title)? + title.len();
    let rest = &after[at..];
    // The clause ends at a semicolon, a full stop or ", and" outside brackets.
    let mut depth = 0i32;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' | '.' if depth <= 0 => {
                end = i;
                break;
            }
            ',' if depth <= 0 && rest[i..].starts_with(", and ") => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let found = credits::credits(&rest[..end], "", vocab);
    (!found.is_empty()).then_some(found)
}

/// A year in a sentence that releases the title ("January 2020 … the release of … Underwater").
fn release_year(sentence: &str, title: &str) -> Option<i32> {
    if !sentence.contains(title) || !labels::has_release_word(sentence) {
        return None;
    }
    let years: Vec<i32> = YEAR.find_iter(sentence).filter_map(|m| m.as_str().parse().ok()).collect();
    (years.len() == 1).then(|| years[0])
}

static YEAR: LazyLock<Re> = LazyLock::new(|| Re::new(r"\b(?:1[89]\d\d|20\d\d)\b").expect("static regex"));

static BY_KNOWN: LazyLock<Re> = LazyLock::new(|| Re::gated(r"\s+by\s+", &["by"]).expect("static regex"));
/// "Thom Yorke's Suspiria (2018)", written with `letter` (see [`credits::Lettered`]): the
/// `\p{L}` copy cost about 11 M instructions to compile on every run, the Latin one a sixth.
fn known_possessive_dated(letter: &str) -> Re {
    Re::gated(
        &format!(
            r"([A-Z][{letter}.\-]*(?:\s+[A-Z][{letter}.\-]*){{0,2}})['’]s\s+\*?([A-Z][{letter}'’:\-]*(?:\s+(?:[A-Z][{letter}'’:\-]*|of|the|and|in|on|a))*)\*?\s+\((1[89]\d\d|20\d\d)\)"
        ),
        &["("],
    )
    .expect("static regex")
}

static KNOWN_POSSESSIVE_DATED: credits::Lettered = credits::Lettered {
    any: LazyLock::new(|| known_possessive_dated(credits::ANY_LETTER)),
    latin: LazyLock::new(|| known_possessive_dated(credits::LATIN_LETTER)),
};

/// Where each group of a match lies (None: it took no part), for comparing two patterns' matches.
fn capture_ranges(c: &regex::Captures) -> Vec<Option<std::ops::Range<usize>>> {
    c.iter().map(|m| m.map(|m| m.range())).collect()
}

/// "The 1977 Suspiria" → (1977, "Suspiria").
fn leading_year_in(title: &str) -> (Option<i32>, &str) {
    let t = title.strip_prefix("The ").unwrap_or(title);
    let mut words = t.splitn(2, ' ');
    match (words.next().and_then(|w| w.parse::<i32>().ok()), words.next()) {
        (Some(y), Some(rest)) if (1880..=2099).contains(&y) => (Some(y), rest),
        _ => (None, title),
    }
}

/// "in Apocalypse Now": the span follows "in".
fn preceded_by_in(before: &str, title: &str) -> bool {
    before.trim_end().strip_suffix(title).is_some_and(|b| b.trim_end().ends_with(" in"))
}

static SET_TO: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"\s+(?:set to|scored (?:to|with|by)|accompanied by|soundtracked by)\s",
        &["set to", "scored ", "accompanied by", "soundtracked by"],
    )
    .expect("static regex")
});

/// The person whose possessive ends `before` ("john Williams’", "Hans Zimmer’s"), allowing a
/// given name written in lower case.
fn possessor_name(before: &str, vocab: &Vocabulary) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let (last, rest) = words.split_last()?;
    let stem = ["’s", "'s", "’", "'"].iter().find_map(|e| last.strip_suffix(e)).unwrap_or(last);
    let mut parts = vec![stem.trim_start_matches(['*', '“', '"'])];
    for w in rest.iter().rev().take(3) {
        let w = w.trim_start_matches(['*', '“', '"']);
        if w.chars().next().is_some_and(char::is_uppercase) || vocab.is_given_name(w) && parts.len() == 1 {
            parts.insert(0, w);
        } else {
            break;
        }
    }
    // The shortest ending that is plainly a person ("Consider Thom Yorke" → "Thom Yorke"),
    // else the whole run if it could be one.
    for take in 2..=parts.len() {
        let name = parts[parts.len() - take..].join(" ");
        let display = capitalise_first(&name);
        if name_score(&display, vocab) >= 0.85 || vocab.is_composer(&display) {
            return Some(name);
        }
    }
    let name = parts.join(" ");
    let display = capitalise_first(&name);
    (name_score(&display, vocab) >= 0.5 || vocab.is_composer(&display)).then_some(name)
}

/// A year opening the title slot ("his 2018 Annihilation") is the work's year.
fn lead_year(after: &str) -> (Option<i32>, &str) {
    let trimmed = after.trim_start();
    let first = trimmed.split_whitespace().next().unwrap_or("");
    let skip = first.len() + (trimmed.len() - trimmed[first.len()..].trim_start().len() - first.len());
    let is_pronoun = matches!(first, "his" | "her" | "their" | "its" | "the" | "a");
    let (pronoun_skip, rest) = if is_pronoun { (skip, &trimmed[skip..]) } else { (0, trimmed) };
    let _ = pronoun_skip;
    let word = rest.split_whitespace().next().unwrap_or("");
    match word.parse::<i32>() {
        Ok(y) if (1880..=2099).contains(&y) => (Some(y), rest[word.len()..].trim_start()),
        _ => (None, after),
    }
}

fn capitalise_first(name: &str) -> String {
    let mut c = name.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The people named in `text`, in order, with names joined by "and"/"&" kept together
/// ("Ben Salisbury and Geoff Barrow had worked with Alex Garland" → [[Ben Salisbury, Geoff
/// Barrow], [Alex Garland]]).
fn person_groups(text: &str, vocab: &Vocabulary) -> Vec<Vec<String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut last_end = usize::MAX;
    let mut i = 0;
    while i + 1 < words.len() {
        let a = words[i].trim_matches(|c: char| !c.is_alphanumeric());
        // Cheapest tests first: most word pairs do not open with a capital.
        let name = a
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| name_word(words[i + 1]))
            .filter(|b| b.chars().next().is_some_and(char::is_uppercase))
            .map(|b| format!("{a} {b}"));
        if let Some(name) = name.filter(|name| name_score(name, vocab) >= 0.85) {
            let joined = last_end != usize::MAX && i == last_end + 1 && matches!(words[last_end], "and" | "&");
            match groups.last_mut() {
                Some(g) if joined => g.push(name),
                _ => groups.push(vec![name]),
            }
            last_end = i + 2;
            i += 2;
            continue;
        }
        i += 1;
    }
    groups
}

/// A word that may end a name, without the punctuation after it or a possessive ("Barrow’s,"
/// → "Barrow").
fn name_word(word: &str) -> &str {
    let mut b = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    // As `trim_end_matches("’s")` then `("'s")` (every repeat), without a substring searcher.
    for suffix in ["’s", "'s"] {
        while let Some(rest) = b.strip_suffix(suffix) {
            b = rest;
        }
    }
    b.trim_end_matches(['’', '\''])
}

/// The first person named in a sentence ("Composers like John Carpenter responded …").
fn first_person(sentence: &str, vocab: &Vocabulary) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    for i in 0..words.len().saturating_sub(1) {
        let a = words[i].trim_matches(|c: char| !c.is_alphanumeric());
        if !vocab.is_given_name(a) || !a.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let b = name_word(words[i + 1]);
        if b.chars().next().is_some_and(char::is_uppercase) {
            let name = format!("{a} {b}");
            if name_score(&name, vocab) >= 0.85 {
                return Some(name);
            }
        }
    }
    None
}

/// "the new Nick Cage movie Color Out of Space": titles start after the work noun when one
/// comes first.
fn after_work_noun(after: &str) -> &str {
    let mut offset = 0;
    for (n, word) in after.split_whitespace().take(6).enumerate() {
        let pos = after[offset..].find(word).map_or(offset, |p| offset + p);
        offset = pos + word.len();
        let follows_title = after[offset..].trim_start().starts_with(|c: char| c.is_uppercase());
        // "the Indiana Jones series, E.T. …": a noun before a comma ends a title instead.
        if n > 0 && is_work_noun(word) && !word.ends_with(',') && follows_title && !after[..pos].contains(',') {
            return after[offset..].trim_start();
        }
    }
    after
}

/// "Stephen King's The Stand": a possessive author or director before the title.
fn skip_possessor(after: &str) -> &str {
    let words: Vec<&str> = after.split_whitespace().take(4).collect();
    if let Some(p) = words.iter().position(|w| w.ends_with("’s") || w.ends_with("'s"))
        && let Some(found) = after.find(words[p])
    {
        return after[found + words[p].len()..].trim_start();
    }
    after
}

/// "Title (1982)" or "Title in 1977" right after the title.
fn year_after(after: &str, title: &str) -> Option<i32> {
    let pos = after.find(title)? + title.len();
    let rest = &after[pos..];
    TITLE_YEAR.captures(rest).or_else(|| IN_YEAR.captures(rest)).and_then(|c| c[1].parse().ok())
}

/// Songs quoted right after a title in a paragraph about several ("in Apocalypse Now set to
/// Wagner's “Ride of the Valkyries”").
fn attached_tracks(text: &str, title: &str, titles: &[String], vocab: &Vocabulary) -> Vec<crate::model::Track> {
    let Some(at) = text.find(title) else { return Vec::new() };
    let window_end = text[at..].char_indices().nth(160).map_or(text.len(), |(i, _)| at + i);
    let window = &text[at..window_end];
    let sentence_end = window.find(". ").unwrap_or(window.len());
    let window = &window[..sentence_end];
    if quotes(window).is_empty() {
        return Vec::new();
    }
    tracks::named(window, title, titles, vocab).tracks
}

#[cfg(test)]
mod tests;
