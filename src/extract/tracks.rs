//! Songs and cues named in a blurb: quoted titles with their artists ("“Song” by Artist",
//! "Artist's “Song”", "“Song” (Artist)", "“Song” Artist,"), unquoted ones ("other songs (A,
//! B, C)", "the Trail By Fire track"), and quoted titles that are the entry's album name.
//! Quotes that name films, nicknames or phrases are left out.

use std::sync::LazyLock;

use crate::re::{Re, is_word_char};

use super::names::name_score;
use super::scan::{names_after, quotes, strip_possessive};
use super::title::{clean_title, title_score};
use super::vocab::Vocabulary;
use super::words::{is_capitalised, is_title_function_word, lowered};
use crate::model::Track;
use crate::normalize::title_key;

/// What the quotes of a blurb name.
#[derive(Debug, Default)]
pub struct Named {
    pub tracks: Vec<Track>,
    pub alt_titles: Vec<String>,
}

/// Tracks and album titles named in `prose`, the blurb of `title`; quotes of `other_titles`
/// (keys of the article's other entries) are references.
pub fn named(prose: &str, title: &str, other_titles: &[String], vocab: &Vocabulary) -> Named {
    named_keyed(prose, || title_key(title), other_titles, vocab)
}

/// [`named`] for a caller that has the title's key already (`title_key`), or says how to get it.
pub fn named_keyed(
    prose: &str,
    title_key: impl FnOnce() -> String,
    other_titles: &[String],
    vocab: &Vocabulary,
) -> Named {
    let mut f = Named::default();
    read_quotes(&mut f, prose, title_key, other_titles, vocab);
    read_unquoted_tracks(&mut f, prose, vocab);
    f
}

/// The part of `text` after its last sentence end.
fn sentence_before(text: &str) -> &str {
    let trimmed = text.trim_end();
    match trimmed.rfind(". ").or_else(|| trimmed.rfind("! ")).or_else(|| trimmed.rfind("? ")) {
        Some(p) if p + 2 <= text.len() => &text[p + 2..],
        _ => text,
    }
}

/// Words before a quote that say it names a film, a nickname or a phrase, not a song.
fn is_non_track_context(before: &str) -> bool {
    // The last four words, last first.
    let mut last4: [&str; 4] = [""; 4];
    let mut count = 0;
    for (slot, w) in last4.iter_mut().zip(before.split_whitespace().rev()) {
        *slot = w;
        count += 1;
    }
    let words = &last4[..count];
    // Lower-casing a non-ASCII word can make an ASCII one (the Kelvin sign): those go the long way.
    if !words.iter().all(|w| w.is_ascii()) {
        return is_non_track_context_lowered(before);
    }
    let found = ascii_non_track_context(words);
    debug_assert_eq!(found, is_non_track_context_lowered(before), "{before:?}");
    found
}

/// [`is_non_track_context`] on its last (up to) four words, last first, all ASCII: compared
/// ignoring case instead of lower-cased and joined. The context holds "films like" when one
/// word ends in "films" and the next opens with "like" (words hold no space).
fn ascii_non_track_context(words: &[&str]) -> bool {
    let is = |w: &str, set: &[&str]| set.iter().any(|s| w.eq_ignore_ascii_case(s));
    if let [prep, noun, ..] = words
        && is(prep, &["to", "for", "of"])
        && is(
            noun.trim_matches(|c: char| !c.is_ascii_alphanumeric()),
            &["score", "scores", "soundtrack", "soundtracks", "music"],
        )
    {
        return true;
    }
    let last = words.first().map_or("", |w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()));
    let ends_ignoring_case =
        |w: &str, end: &str| w.len() >= end.len() && w[w.len() - end.len()..].eq_ignore_ascii_case(end);
    let film_like = is(last, &FILM_LIKE)
        || words.windows(2).any(|pair| {
            pair[0].get(..4).is_some_and(|h| h.eq_ignore_ascii_case("like"))
                && ["films", "shows", "movies"].iter().any(|e| ends_ignoring_case(pair[1], e))
        });
    if !film_like {
        return false;
    }
    let context: Vec<String> = words.iter().rev().map(|w| w.to_ascii_lowercase()).collect();
    !SONG_NOUN.is_match(&context.join(" "))
}

/// The last words that say a quote names a film, a nickname or a phrase.
const FILM_LIKE: [&str; 26] = [
    "film",
    "films",
    "movie",
    "movies",
    "show",
    "shows",
    "series",
    "titled",
    "called",
    "named",
    "as",
    "novel",
    "book",
    "play",
    "musical",
    "magazine",
    "documentary",
    "game",
    "album",
    "from",
    "dubbed",
    "nicknamed",
    "word",
    "words",
    "phrase",
    "said",
];

/// [`is_non_track_context`] as defined: the last four words lower-cased and joined.
fn is_non_track_context_lowered(before: &str) -> bool {
    let mut words: Vec<String> = before.split_whitespace().rev().take(4).map(|w| w.to_lowercase()).collect();
    // "the score to “Becoming Sylvia Plath”": the quote names the film.
    if let [prep, noun, ..] = words.as_slice() {
        let noun = noun.trim_matches(|c: char| !c.is_alphanumeric());
        if matches!(prep.as_str(), "to" | "for" | "of")
            && matches!(noun, "score" | "scores" | "soundtrack" | "soundtracks" | "music")
        {
            return true;
        }
    }
    let last = words.first().cloned().unwrap_or_default();
    let last = last.as_str();
    words.reverse();
    let context = words.join(" ");
    // A song noun in the context overrules these; it is searched for only when one holds.
    let film_like = matches!(
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
        || context.contains("movies like");
    film_like && !SONG_NOUN.is_match(&context)
}

fn read_quotes(
    f: &mut Named,
    prose: &str,
    title_key_of: impl FnOnce() -> String,
    other_titles: &[String],
    vocab: &Vocabulary,
) {
    let quotes = quotes(prose);
    // Most blurbs quote nothing: then the title's key is not needed.
    if quotes.is_empty() {
        return;
    }
    let title_k = title_key_of();
    let mut previous_skipped_end: Option<usize> = None;
    for q in quotes {
        let inner = clean_title(&q.inner);
        let key = title_key(&inner);
        if key.is_empty() || f.alt_titles.iter().any(|a| title_key(a) == key) {
            continue;
        }
        // The entry's own title, or its title without a volume/subtitle part, is a song only
        // when the text credits it or calls it one ("Adele's “Skyfall”", "the title song “Goldfinger”").
        if key == title_k || opens_with_words(&title_k, &key) {
            let before = sentence_before(&prose[..q.start]);
            // Only a credit right at the quote counts here: "“Skyfall” by Adele", "Adele's “Skyfall”".
            let last = before.split_whitespace().last().unwrap_or("");
            let possessive_artist =
                (last.ends_with("’s") || last.ends_with("'s")).then(|| artist_before(before, vocab)).flatten();
            let artist = artist_after(&prose[q.end..], vocab).or(possessive_artist);
            let called_song = matches!(
                last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(),
                "song" | "single" | "tune" | "ballad" | "anthem"
            );
            if (artist.is_some() || called_song) && !f.tracks.iter().any(|t| title_key(&t.title) == key) {
                f.tracks.push(Track { title: inner, artist });
            }
            continue;
        }
        let credited_after = prose[q.end..].trim_start_matches([',', ' ']).starts_with("by ");
        if !(is_track_like(&inner) || credited_after && inner.split_whitespace().count() <= 8 && is_capitalised(&inner))
        {
            continue;
        }
        if !title_k.is_empty() && opens_with_words(&key, &title_k) && ALBUM_WORDS.is_match(&key[title_k.len()..]) {
            f.alt_titles.push(inner);
            continue;
        }
        // Context is read within the quote's own sentence.
        let before = sentence_before(&prose[..q.start]);
        let after = &prose[q.end..];
        // "films like “A” and “B”": the second quote continues the first one's list.
        let continues_skipped = previous_skipped_end.is_some_and(|end| {
            let gap = prose[end..q.start].trim();
            gap.is_empty() || matches!(gap, "and" | "or" | "," | ", and" | ", or" | "&")
        });
        let credited = after.trim_start_matches([',', ' ']).starts_with("by ");
        // "the now-ubiquitous “BRAAAM” sound": a quote used as a modifier.
        let modifier = after.split_whitespace().next().is_some_and(|w| {
            matches!(
                w.trim_end_matches(|c: char| !c.is_alphanumeric()),
                "sound"
                    | "sounds"
                    | "effect"
                    | "trope"
                    | "style"
                    | "moment"
                    | "chord"
                    | "riff"
                    | "era"
                    | "vibe"
                    | "aesthetic"
                    | "approach"
                    | "technique"
                    | "treatment"
                    | "look"
                    | "feel"
            )
        });
        if modifier {
            continue;
        }
        let film_year = after.trim_start().starts_with("(1") || after.trim_start().starts_with("(2");
        // "from the morbid “X” to …": a range of the album's pieces, not a source.
        let range = before.trim_end().ends_with("from") || before.split_whitespace().rev().take(3).any(|w| w == "from");
        let range = range && after.trim_start().starts_with("to ");
        if !credited
            && !range
            && (continues_skipped || is_non_track_context(before) || film_year || other_titles.contains(&key))
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
        f.tracks.push(Track { title: inner, artist });
    }
}

/// `text.starts_with(&format!("{head} "))`, without building the string (once per quote).
fn opens_with_words(text: &str, head: &str) -> bool {
    let found = text.as_bytes().get(head.len()) == Some(&b' ') && text.starts_with(head);
    debug_assert_eq!(found, text.starts_with(&format!("{head} ")));
    found
}

static SONG_NOUN: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"\b(songs?|tracks?|singles?|ditty|tunes?|numbers?|ballads?|medley|cues?|anthems?|pieces?|hits?|covers?|themes?)\b").expect("static regex")
});

static ALBUM_WORDS: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"\b(album|soundtrack|score|ost|mix|vol|volume|edition|original|music|songs|collection|deluxe|expanded|complete)\b").expect("static regex")
});

/// A quoted string that can be a song or cue title: short, mostly capitalised, not a quoted
/// sentence ("Mrs. Robinson" is fine, "She's dead. Wrapped in plastic." is not).
fn is_track_like(s: &str) -> bool {
    // At most 12 words are read, kept on the stack, and each is lowered on the stack (see
    // `lowered`): the words were gathered into a vector and two strings built for each.
    let mut kept: [&str; 12] = [""; 12];
    let mut count = 0;
    for w in s.split_whitespace() {
        if count == kept.len() {
            debug_assert!(!is_track_like_by_strings(s), "{s:?}");
            return false;
        }
        kept[count] = w;
        count += 1;
    }
    let words = &kept[..count];
    let found = track_like_words(s, words);
    debug_assert_eq!(found, is_track_like_by_strings(s), "{s:?}");
    found
}

/// [`is_track_like`] of `s`, split into its 1 to 12 `words`.
fn track_like_words(s: &str, words: &[&str]) -> bool {
    let Some((first, _)) = words.split_first() else { return false };
    let sentence_break = words[..words.len() - 1].iter().any(|w| w.ends_with('.') && !super::split::is_abbreviation(w));
    if sentence_break || words.len() > 3 && s.ends_with('.') {
        return false;
    }
    // A quote naming an album or a soundtrack is not a song ("Naruto's Entire Freakin' Soundtrack").
    let names_release = |w: &&str| {
        lowered(w.trim_matches(|c: char| !c.is_alphanumeric()), |w| matches!(w, "soundtrack" | "ost" | "score"))
    };
    if words.iter().any(names_release) {
        return false;
    }
    let (mut content, mut caps) = (0usize, 0usize);
    for w in words.iter().filter(|w| !lowered(w, is_title_function_word)) {
        content += 1;
        caps += usize::from(is_capitalised(w));
    }
    // Long song titles are in title case; a long quote with lower-case words is a sentence.
    let needed = if words.len() > 8 { content.saturating_sub(1) } else { content.div_ceil(2) };
    is_capitalised(first) && caps >= needed.max(1)
}

/// [`is_track_like`] as it was written first, for debug builds and the tests: over a vector
/// of the words, each lower-cased into a new string.
fn is_track_like_by_strings(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let sentence_break =
        words.iter().take(words.len() - 1).any(|w| w.ends_with('.') && !super::split::is_abbreviation(w));
    if sentence_break || words.len() > 3 && s.ends_with('.') {
        return false;
    }
    if words.iter().any(|w| {
        matches!(w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str(), "soundtrack" | "ost" | "score")
    }) {
        return false;
    }
    let content: Vec<&&str> = words.iter().filter(|w| !is_title_function_word(&w.to_lowercase())).collect();
    let caps = content.iter().filter(|w| is_capitalised(w)).count();
    let needed = if words.len() > 8 { content.len().saturating_sub(1) } else { content.len().div_ceil(2) };
    is_capitalised(words[0]) && caps >= needed.max(1)
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
        return (name_score(&first, vocab) >= 0.85 && first.split_whitespace().count() >= 2).then_some(first);
    }
    None
}

/// `Artist's “Song”`, `Artist's classic song “Song”`, `the Artist song “Song”`.
fn artist_before(before: &str, vocab: &Vocabulary) -> Option<String> {
    let found = artist_before_tail(before, vocab);
    debug_assert_eq!(found, artist_before_all(before, vocab), "{before:?}");
    found
}

/// [`artist_before`] reading only the words it can look at, from the end: `before` is the
/// whole sentence before a quote, and splitting all of it cost more than the tests. The
/// possessive search looks at most 7 words back (4 for the possessive, 3 before it); "song"
/// last reads back to the first word that is not capitalised.
fn artist_before_tail(before: &str, vocab: &Vocabulary) -> Option<String> {
    let mut rev = before.split_whitespace().rev();
    let last = rev.clone().next()?;
    if matches!(last, "song" | "track" | "single" | "tune" | "ballad" | "number") {
        let mut name: Vec<&str> = rev.clone().skip(1).take_while(|w| is_capitalised(w)).collect();
        name.reverse();
        let name = name.join(" ");
        if !name.is_empty() && name_score(&name, vocab) >= 0.3 && !name.contains('’') && !name.contains('\'') {
            return Some(name);
        }
    }
    // `tail[t]`: the word `t` places from the end.
    let mut tail: [&str; 7] = [""; 7];
    let mut count = 0;
    for (slot, w) in tail.iter_mut().zip(&mut rev) {
        *slot = w;
        count += 1;
    }
    for skip in 0..=3 {
        if skip >= count {
            return None;
        }
        let (stem, possessive) = strip_possessive(tail[skip]);
        if possessive {
            let mut parts = vec![stem];
            let mut t = skip;
            while parts.len() < 4 && t + 1 < count && is_capitalised(tail[t + 1]) {
                t += 1;
                parts.push(tail[t]);
            }
            parts[1..].reverse();
            parts.rotate_left(1);
            let name = parts.join(" ");
            let lettered = name.chars().any(char::is_alphabetic);
            return (lettered && name_score(&name, vocab) >= 0.3 && is_capitalised(&name)).then_some(name);
        }
        if skip > 0 && is_capitalised(tail[skip]) {
            break;
        }
    }
    None
}

/// [`artist_before`] over all of the sentence's words: the definition, checked in debug builds.
fn artist_before_all(before: &str, vocab: &Vocabulary) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    if let Some((last, rest)) = words.split_last()
        && matches!(*last, "song" | "track" | "single" | "tune" | "ballad" | "number")
    {
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
        if !name.is_empty() && name_score(&name, vocab) >= 0.3 && !name.contains('’') && !name.contains('\'') {
            return Some(name);
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
            let lettered = name.chars().any(char::is_alphabetic);
            return (lettered && name_score(&name, vocab) >= 0.3 && is_capitalised(&name)).then_some(name);
        }
        if skip > 0 && is_capitalised(words[idx]) {
            break;
        }
    }
    None
}

/// "other songs (A, B, C)": the definition [`song_lists`] keeps. Its bounded Unicode classes
/// cost about 21 M instructions to compile, so release builds read the brackets by hand.
#[cfg(debug_assertions)]
static SONG_LIST: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)\b(?:songs?|tracks?|cues?|themes?|pieces?|others)\b[^().]{0,60}\(([^()]{3,200})\)", &["("])
        .expect("static regex")
});
/// The word that opens a song list; each alternative spells one of the gate's literals.
static SONG_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"(?i)\b(?:songs?|tracks?|cues?|themes?|pieces?|others)\b",
        &["song", "track", "cue", "theme", "piece", "other"],
    )
    .expect("static regex")
});

/// The bracketed lists of `SONG_LIST`'s matches in `prose`. A match is a song word, then at
/// most 60 characters none of which is `(`, `)` or `.`, then `(`, 3 to 200 characters that are
/// no bracket, and `)`. Neither class holds `(`, so each song word admits at most one match:
/// the first `(` after it and the first bracket after that. Song words are whole words, so
/// they never overlap; a match ends the search for the ones inside it.
fn song_lists(prose: &str) -> Vec<&str> {
    let mut out = Vec::new();
    // Every match holds a `(`.
    if memchr::memchr(b'(', prose.as_bytes()).is_some() {
        let mut resume = 0;
        for (start, end) in song_words(prose) {
            if start < resume {
                continue;
            }
            if let Some((inner, end)) = bracket_after(prose, end) {
                out.push(inner);
                resume = end;
            }
        }
    }
    #[cfg(debug_assertions)]
    {
        let expected: Vec<&str> = SONG_LIST.captures_iter(prose).map(|c| c.get(1).map_or("", |g| g.as_str())).collect();
        debug_assert_eq!(out, expected, "song lists in {prose:?}");
    }
    out
}

/// `SONG_WORD`'s matches. Case is ignored as ASCII case unless the text holds `ſ` or the
/// Kelvin sign, the two other characters that fold to these letters; then the regex reads it.
fn song_words(prose: &str) -> Vec<(usize, usize)> {
    const WORDS: [&str; 6] = ["song", "track", "cue", "theme", "piece", "other"];
    let bytes = prose.as_bytes();
    if crate::re::holds_ascii_folding_letter(prose) {
        return SONG_WORD.find_iter(prose).map(|m| (m.start(), m.end())).collect();
    }
    // Every match is one of the words (ASCII case aside); a match has no word character
    // before it, so none starts inside another candidate, which is all letters. They are
    // searched in a lower-cased copy (the same offsets), where the automaton has a vectorised
    // prefilter: ignoring case itself it has none, and it walked every byte of a long real
    // blurb (16,000 instructions a blurb on the real articles).
    static FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(WORDS)
            .expect("static words")
    });
    let found: Vec<aho_corasick::Match> =
        crate::re::with_ascii_lowered(prose, |lowered| FINDER.find_iter(lowered).collect());
    let ends_word = |at: usize| !prose[at..].chars().next().is_some_and(is_word_char);
    let mut out = Vec::new();
    for m in found {
        let (start, end) = (m.start(), m.end());
        if prose[..start].chars().next_back().is_some_and(is_word_char) {
            continue;
        }
        // `songs?` tries the plural first; "others" has no singular.
        if bytes.get(end).is_some_and(|b| b.eq_ignore_ascii_case(&b's')) && ends_word(end + 1) {
            out.push((start, end + 1));
        } else if m.pattern().as_usize() != 5 && ends_word(end) {
            out.push((start, end));
        }
    }
    #[cfg(debug_assertions)]
    {
        let expected: Vec<(usize, usize)> = SONG_WORD.find_iter(prose).map(|m| (m.start(), m.end())).collect();
        debug_assert_eq!(out, expected, "song words in {prose:?}");
    }
    out
}

/// `[^().]{0,60}\(([^()]{3,200})\)` at byte `from`: the bracket's inside and the match end.
fn bracket_after(prose: &str, from: usize) -> Option<(&str, usize)> {
    let (open, _) = prose[from..]
        .char_indices()
        .take(61)
        .find(|&(_, c)| matches!(c, '(' | ')' | '.'))
        .filter(|&(_, c)| c == '(')?;
    let inner_start = from + open + 1;
    let (len, (close, c)) =
        prose[inner_start..].char_indices().take(201).enumerate().find(|(_, (_, c))| matches!(c, '(' | ')'))?;
    (c == ')' && len >= 3).then(|| (&prose[inner_start..inner_start + close], inner_start + close + 1))
}
/// "the Trail By Fire track": the definition [`named_tracks`] keeps. Its six copies of `\p{L}`
/// cost about 40 M instructions to compile, so release builds walk the words by hand.
#[cfg(debug_assertions)]
static NAMED_TRACK: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"\b(?:[Tt]he|[Ii]ts)\s+((?:[A-Z][\p{L}']*\s+)(?:(?:[A-Z][\p{L}']*|of|the|by|a|to|in|on)\s+){0,5})(?:track|song|theme|single)\b", &["track", "song", "theme", "single"])
        // A match is letters, apostrophes and spaces: only the stretches of those around a
        // "track" or "song" are searched.
        .and_then(|re| re.in_runs())
        .expect("static regex")
});

/// Songs named without quotes: "other songs (A, B, C)", "The Trail By Fire track".
fn read_unquoted_tracks(f: &mut Named, prose: &str, vocab: &Vocabulary) {
    for list in song_lists(prose) {
        let items: Vec<&str> = list.split(',').map(str::trim).collect();
        if items.len() >= 2
            && items.iter().all(|i| !i.is_empty() && title_score(i) >= 0.7 && i.split_whitespace().count() <= 6)
        {
            for item in items {
                push_track(f, item);
            }
        }
    }
    for (words, end) in named_tracks(prose) {
        let next = prose[end..].trim_start();
        // "the Joni Mitchell song “Both Sides Now”" names the artist, not the song.
        if next.starts_with(['“', '"', '‘', '\'']) || name_score(words.trim(), vocab) >= 0.7 {
            continue;
        }
        push_track(f, words.trim());
    }
}

/// [`SONG_WORD_LIST`]'s searchers, built once, for where no packed searcher can be built:
/// `memmem::find_iter` builds its own on every call.
static SONG_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    LazyLock::new(|| SONG_WORD_LIST.map(memchr::memmem::Finder::new));

/// The words that end a `NAMED_TRACK` match (none is a prefix of another).
const SONG_WORD_LIST: [&str; 4] = ["track", "song", "theme", "single"];

/// [`SONG_WORD_LIST`] in one vectorised searcher (Teddy), where one can be built.
static SONG_WORDS_PACKED: LazyLock<Option<aho_corasick::packed::Searcher>> =
    LazyLock::new(|| aho_corasick::packed::Searcher::new(SONG_WORD_LIST));

/// Where a song word of [`SONG_WORD_LIST`] starts in `bytes`, every place, in order.
fn song_word_starts(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    match &*SONG_WORDS_PACKED {
        // No word is a prefix of another, so at most one begins at a place: the leftmost
        // from each place on, one after another, are all of them.
        Some(packed) => {
            let mut from = 0;
            while let Some(m) = packed.find_in(bytes, aho_corasick::Span::from(from..bytes.len())) {
                out.push(m.start());
                from = m.start() + 1;
            }
        }
        None => {
            out.extend(SONG_WORDS.iter().flat_map(|w| w.find_iter(bytes)));
            out.sort_unstable();
        }
    }
    out
}

/// How far back from a song word at byte `end` a `NAMED_TRACK` match can open, looking back
/// no further than `floor`: over the bytes a match can hold (ASCII letters, apostrophes, bytes
/// up to the space and every byte of a longer character, a superset of `[\p{L}'\s]`), and
/// past at most [`WORDS_BEFORE_SONG`] word starts. Every word of a match opens with an ASCII
/// letter after whitespace, and after its opening word a match has at most that many (its
/// first capitalised word, five more, the song word); so between a match's opening and any
/// song word inside it or at its end, at most that many bytes are ASCII whitespace followed
/// by a letter or an apostrophe. (Whitespace outside ASCII is not counted, which only looks
/// further back.) The whole stretch back to a sentence's last punctuation was searched before.
fn opening_floor(bytes: &[u8], floor: usize, end: usize) -> usize {
    let held = |b: u8| b.is_ascii_alphabetic() || b == b'\'' || b <= b' ' || b >= 0x80;
    let opens_word = |b: u8| b.is_ascii_alphabetic() || b == b'\'';
    let mut at = end;
    let mut word_starts = 0;
    while at > floor {
        let b = bytes[at - 1];
        if !held(b) {
            break;
        }
        // `\s` in ASCII: the space, \t, \n, the vertical tab, \x0C and \r.
        if matches!(b, b' ' | b'\t'..=b'\r') && bytes.get(at).copied().is_some_and(opens_word) {
            word_starts += 1;
            if word_starts > WORDS_BEFORE_SONG {
                break;
            }
        }
        at -= 1;
    }
    at
}

/// The most word starts after a `NAMED_TRACK` match's opening word (see [`opening_floor`]).
const WORDS_BEFORE_SONG: usize = 7;

/// `NAMED_TRACK`'s matches in `prose`: group 1 and the match end. Each step of the pattern
/// is determined: the words and spaces are read whole (a shorter word or space run would be
/// followed by a letter or space, which no next step accepts), a word is capitalised or
/// lower-case, and no repeated word (capitalised, or a function word followed by a space) can
/// begin with a song word. So the repetition reads as many words as it can, at most 5, and the
/// song word must follow right there.
fn named_tracks(prose: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let bytes = prose.as_bytes();
    let mut resume = 0;
    // A match is letters, apostrophes and spaces from its "The" to its song word, and few
    // words: it begins in the stretch of such bytes that ends at a song word, a few words
    // back at most. Only those stretches are searched for openings, each song word's from
    // where the last one's ended (an opening across a song word's first byte would be "he"
    // before a "t" or "s", or "its" before "ong" or "ingle", which no space follows).
    let mut covered = 0;
    for word in song_word_starts(bytes) {
        let from = opening_floor(bytes, covered, word);
        covered = word;
        // A match begins with "The", "the", "Its" or "its" whose "he" or "ts" is in the
        // stretch, tried in the order of the text: a short walk, not a search.
        for second in from.max(1)..word.saturating_sub(1) {
            let start = second - 1;
            if start < resume || !matches!(&bytes[start..start + 3], b"The" | b"the" | b"Its" | b"its") {
                continue;
            }
            if let Some(found) = named_track_at(prose, start) {
                resume = found.1;
                out.push(found);
            }
        }
    }
    #[cfg(debug_assertions)]
    {
        let expected: Vec<(&str, usize)> = NAMED_TRACK
            .captures_iter(prose)
            .map(|c| (c.get(1).map_or("", |g| g.as_str()), c.get(0).map_or(0, |m| m.end())))
            .collect();
        debug_assert_eq!(out, expected, "named tracks in {prose:?}");
    }
    out
}

/// `NAMED_TRACK` anchored at byte `start`.
fn named_track_at(prose: &str, start: usize) -> Option<(&str, usize)> {
    let bytes = prose.as_bytes();
    let opener = bytes.get(start..start + 3)?;
    if !matches!(opener, b"The" | b"the" | b"Its" | b"its") {
        return None;
    }
    // `\b` before a word character: no word character before it.
    if prose[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let first = spaces_after(prose, start + 3)?;
    let mut at = capitalised_word(prose, first).and_then(|end| spaces_after(prose, end))?;
    for _ in 0..5 {
        let word_end = if bytes.get(at).is_some_and(u8::is_ascii_uppercase) {
            capitalised_word(prose, at)
        } else {
            ["of", "the", "by", "a", "to", "in", "on"]
                .iter()
                .find(|w| bytes[at..].starts_with(w.as_bytes()))
                .map(|w| at + w.len())
        };
        match word_end.and_then(|end| spaces_after(prose, end)) {
            Some(next) => at = next,
            None => break,
        }
    }
    let song = ["track", "song", "theme", "single"].iter().find(|w| bytes[at..].starts_with(w.as_bytes()))?;
    let end = at + song.len();
    (!prose[end..].chars().next().is_some_and(is_word_char)).then_some((&prose[first..at], end))
}

/// `\s+` at byte `at`: the end of the run, if there is one.
fn spaces_after(prose: &str, at: usize) -> Option<usize> {
    let len: usize = prose[at..].chars().take_while(|c| c.is_whitespace()).map(char::len_utf8).sum();
    (len > 0).then_some(at + len)
}

/// `[A-Z][\p{L}']*` at byte `at`: its end.
fn capitalised_word(prose: &str, at: usize) -> Option<usize> {
    if !prose.as_bytes().get(at).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    Some(
        at + 1 + prose[at + 1..].chars().take_while(|&c| is_letter_or_apostrophe(c)).map(char::len_utf8).sum::<usize>(),
    )
}

/// `[\p{L}']`, with the letter ranges read from the regex crate's own tables.
fn is_letter_or_apostrophe(c: char) -> bool {
    static LETTERS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::Parser::new().parse(r"\p{L}").expect("static class");
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class.ranges().iter().map(|r| (r.start(), r.end())).collect(),
            _ => panic!("\\p{{L}} is a Unicode class"),
        }
    });
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '\'';
    }
    crate::re::in_char_ranges(&LETTERS, c)
}

fn push_track(f: &mut Named, title: &str) {
    let title = clean_title(title);
    if !title.is_empty() && !f.tracks.iter().any(|t| title_key(&t.title) == title_key(&title)) {
        f.tracks.push(Track { title, artist: None });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hand-read brackets are `SONG_LIST`'s captures (debug builds also check this on
        /// every blurb the tests extract from).
        #[test]
        fn song_lists_are_the_regex_captures(
            text in "(songs|Tracks|cue|THEMES|pieces|others|song|ſong|trac\u{212A}|é|xsong|piecue|_|\\(|\\)|\\.|,| |[a-c]{1,30}){0,40}"
        ) {
            let expected: Vec<&str> = SONG_LIST.captures_iter(&text).map(|c| c.get(1).map_or("", |g| g.as_str())).collect();
            proptest::prop_assert_eq!(song_lists(&text), expected);
        }
    }

    proptest::proptest! {
        /// The hand walk finds `NAMED_TRACK`'s matches.
        #[test]
        fn named_tracks_are_the_regex_matches(
            text in "(The|the|Its|its|xThe|é|É|Zoë|Trail|By|Fire|Don't|of|the|a|to|in|on|then|track|tracks|song|songé|theme|single|_| |  |\u{a0}|\n|,|[.]|'){0,30}"
        ) {
            let expected: Vec<(&str, usize)> = NAMED_TRACK
                .captures_iter(&text)
                .map(|c| (c.get(1).map_or("", |g| g.as_str()), c.get(0).map_or(0, |m| m.end())))
                .collect();
            proptest::prop_assert_eq!(named_tracks(&text), expected);
        }
    }

    proptest::proptest! {
        /// The same on short texts dense in openings, song words and the bytes that end the
        /// stretches searched.
        #[test]
        fn named_tracks_in_short_texts(
            text in "(The|the|Its|its|A|Fire|Don't|é|xé| |\t|\n|\u{b}|\u{a0}|,|-|track|song|single|theme|singles|[.]){0,14}"
        ) {
            let expected: Vec<(&str, usize)> = NAMED_TRACK
                .captures_iter(&text)
                .map(|c| (c.get(1).map_or("", |g| g.as_str()), c.get(0).map_or(0, |m| m.end())))
                .collect();
            proptest::prop_assert_eq!(named_tracks(&text), expected);
        }

        /// The byte test is the test on the built prefix.
        #[test]
        fn opens_with_words_as_the_built_prefix(text in "[ab é]{0,6}", head in "[ab é]{0,3}") {
            proptest::prop_assert_eq!(opens_with_words(&text, &head), text.starts_with(&format!("{head} ")));
        }
    }

    proptest::proptest! {
        /// Words kept on the stack and lowered there answer as the vector and the strings:
        /// plain words, and at most one that names a release or ends a sentence.
        #[test]
        fn track_like_as_by_strings(
            words in proptest::collection::vec("(the|The|THE|of|A|an|Mrs.|Big|big|Élan|élan|1999|x)", 0..14),
            odd in "(|Score|SCORE|\"score\"|OST|ost.|Soundtrac\u{212A}|dead.)",
            at in 0usize..14,
            space in "( |  |\u{a0}|\n)",
        ) {
            let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
            if !odd.is_empty() {
                words.insert(at.min(words.len()), &odd);
            }
            let text = words.join(&space);
            proptest::prop_assert_eq!(is_track_like(&text), is_track_like_by_strings(&text));
        }
    }

    proptest::proptest! {
        /// Reading the last words only finds what reading them all finds: possessives up to
        /// four words back with capitalised runs before them, and song nouns after long runs.
        #[test]
        fn artist_before_reads_the_tail(
            text in "(Adele's|Adele’s|Jones'|Tom|Jones|Hans|Zimmer|Élan|él|the|classic|song|track|ballad|'s|a|1999|Big|The| |  |\n){0,16}"
        ) {
            let vocab = &*crate::extract::vocab::BUILT_IN;
            proptest::prop_assert_eq!(artist_before_tail(&text, vocab), artist_before_all(&text, vocab));
        }
    }

    proptest::proptest! {
        /// Comparing the last words ignoring case is lower-casing and joining them.
        #[test]
        fn non_track_context_as_lowered(
            text in "(Score|to|FOR|of|music,|films|Films|like|LIKE|likes|xfilms|the|movie|book\u{212A}|BOOK|song|Songs|said:|as|é| |  |\n){0,7}"
        ) {
            proptest::prop_assert_eq!(is_non_track_context(&text), is_non_track_context_lowered(&text));
        }
    }

    #[test]
    fn non_track_context_cases() {
        for (text, expected) in [
            ("the Score TO", true),
            ("great superFilms LIKE", true),
            ("great superFilms LIKE song", false),
            ("films likewise", true),
            ("in the BOOK,", true),
            ("in the boo\u{212A}", true),
            ("in the book song", false),
            ("in the songs book", false),
            ("in the book", true),
            ("films unlike", false),
            ("", false),
        ] {
            assert_eq!(is_non_track_context(text), expected, "{text:?}");
            assert_eq!(is_non_track_context_lowered(text), expected, "{text:?}");
        }
    }

    #[test]
    fn artist_before_cases() {
        let vocab = &*crate::extract::vocab::BUILT_IN;
        let cases = [
            "and then Hans Zimmer's",
            "Big The Tom Jones Hans Zimmer's",
            "Tom Jones's classic big song",
            "he said A B C D E F G Tom Jones song",
            "Tom Jones's",
            "Jones' the",
            "x Jones' the old",
            "and Tom Hans Jones Zimmer's the old x",
            "Tom Hans Jones Zimmer's",
            "",
            "  ",
        ];
        for text in cases {
            assert_eq!(artist_before_tail(text, vocab), artist_before_all(text, vocab), "{text:?}");
        }
        assert_eq!(artist_before_tail("and then Hans Zimmer's", vocab).as_deref(), Some("Hans Zimmer"));
    }

    #[test]
    fn track_like_cases() {
        // Eight words: half the content words capitalised is enough; nine need all but one.
        assert!(is_track_like("Big big big Big the of the of"));
        assert!(!is_track_like("Big big big Big the of the of a"));
        assert!(!is_track_like("Big One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve"));
        assert!(is_track_like("Big One Two Three Four Five Six Seven Eight Nine Ten Eleven"));
        assert!(!is_track_like("The Big Soundtrac\u{212A}"));
    }

    #[test]
    fn named_tracks_read_words() {
        assert_eq!(named_tracks("and the Trail By Fire track was")[0].0, "Trail By Fire ");
        assert!(named_tracks("the A B C D E F G track").is_empty(), "at most six words");
        assert_eq!(named_tracks("the A B C D E F track").len(), 1);
        // The opening is looked for seven word starts back from the song word, no further.
        assert_eq!(named_tracks("and so, then, we x y the A B C D E F track")[0].0, "A B C D E F ");
        assert_eq!(named_tracks("x yz the Ab Cd's of Ef the Gh track it's")[0].0, "Ab Cd's of Ef the Gh ");
        // Any whitespace stands in the stretch before a song word.
        assert_eq!(named_tracks("x, the Trail\tBy\u{b}Fire\ntrack and its Zoë\u{a0}song")[0].0, "Trail\tBy\u{b}Fire\n");
        assert_eq!(named_tracks("x, the Trail\tBy\u{b}Fire\ntrack and its Zoë\u{a0}song")[1].0, "Zoë\u{a0}");
        assert_eq!(named_tracks("its song track, the Trail track theme"), [("Trail ", 31)]);
    }

    #[test]
    fn song_lists_reach() {
        for gap in 55..65 {
            for inner in [1, 2, 3, 199, 200, 201] {
                let text = format!("other songs{} ({})", " ".repeat(gap), "a".repeat(inner));
                let expected: Vec<&str> =
                    SONG_LIST.captures_iter(&text).map(|c| c.get(1).map_or("", |g| g.as_str())).collect();
                assert_eq!(song_lists(&text), expected, "{gap} {inner}");
            }
        }
        assert_eq!(song_lists("other songs (Alpha, Beta, Gamma) and tracks (Delta)"), ["Alpha, Beta, Gamma", "Delta"]);
    }
}
