//! Field lines: `Composer: …`, `Label: Milan`, `Released: 1999`, `Score by Mica Levi`,
//! `Score: 8/10`. One place knows them, so the list finder never takes one for a header and
//! the blurb reader files each under its field.

use std::sync::LazyLock;

use crate::re::Re;

/// What a field line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Makers,
    Label,
    Year,
    Released,
    Tracks,
    /// "Also known as: …", "Original title: …": another title of the same work.
    AltTitle,
    /// Rating, runtime, director, platform…: recognised so it is neither a header nor a credit.
    Other,
}

/// A `KEYED` line up to its value: spaces, a key, a colon and what may stand before the value.
const KEYED_HEAD: &str = r"(?i)^\s*(composers?|composer\(s\)|composed by|音楽|作曲|music(?: by)?|score(?: by)?|original score|artists?|performers?|label|record label|labels|year|released|release(?: date)?|also known as|a\.?k\.?a\.?|(?:original|international|english|alternative|alternate|us|uk|japanese) title|musik|komponist(?:in)?|jahr|erschienen|veröffentlicht|internationaler titel|originaltitel|musique|compositeur|compositrice|année|sortie|titre original|música|compositor(?:a)?|año|tracks?|notable tracks|key tracks|standout tracks?|(?:standout|key|notable|favou?rite|best) cues?|cues?|highlights?|best tracks?|track ?list(?:ing)?|director|directed by|runtime|length|format|genre|platforms?|developer|publisher|network|studio|rating|grade|verdict|price|stars?)[*_]*\s*[:：]\s*(?:[*_]+\s*)?";

static KEYED: LazyLock<Re> =
    LazyLock::new(|| Re::gated(&format!("{KEYED_HEAD}(.*)$"), &[":", "："]).expect("static regex"));
/// [`KEYED_HEAD`] alone: the value's captures engine then reads a few characters, not the line.
static KEYED_KEY: LazyLock<Re> = LazyLock::new(|| Re::gated(KEYED_HEAD, &[":", "："]).expect("static regex"));
/// "Score by Mica Levi", "Music by Vangelis": a credit line with no colon.
static CREDIT: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"^\s*(?:(?:Original )?(?:Score|Music|Soundtrack|Songs?|Themes?)|Composed|Scored)\s+(?:by|from)\s+(\S.{1,80})$",
        &["by", "from"],
    )
    .expect("static regex")
});
/// "Film: 1956, dir. Fred M. Wilcox": the work's own year as a field (while "Film: Alien"
/// names the work, a header).
static DATED_WORK: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)^\s*(?:film|movie|game|series|show|anime)[*_]*\s*:\s*(?:[*_]+\s*)?((?:1[89]|20)\d\d\b.*)$", &[":"])
        .expect("static regex")
});
/// A rating value ("8/10", "4.5 stars", "B+") after a "Score:" key.
static RATING: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^\s*(?:\d+(?:\.\d+)?\s*(?:/\s*\d+|stars?|%)?|[A-F][+\-–]?)\s*$").expect("static regex"));

/// The field and value of a field line, if `text` is one.
pub fn field_line(text: &str) -> Option<(Field, &str)> {
    let text = without_emphasis(text);
    if may_be_credit(text)
        && let Some(c) = CREDIT.captures(text)
    {
        let value = c.get(1)?.as_str().trim_end_matches(['*', '_', '.']);
        return Some((Field::Makers, value));
    }
    let key = key_length(text);
    if may_be_dated(text, key)
        && let Some(c) = DATED_WORK.captures(text)
    {
        return Some((Field::Year, c.get(1)?.as_str()));
    }
    if !may_be_keyed(text, key) {
        return None;
    }
    let (key, value) = keyed(text)?;
    let key = key.to_lowercase();
    let value = value.trim();
    let field = match key.as_str() {
        // "Score: 8/10" rates the album; "Score: Mica Levi" credits it.
        k if k.starts_with("score") && RATING.is_match(value) => Field::Other,
        k if k.starts_with("compos") || k.starts_with("music") || k.starts_with("score") || k == "original score" => {
            Field::Makers
        }
        k if k.starts_with("artist") || k.starts_with("performer") => Field::Makers,
        // The same fields in German, French and Spanish.
        "musik" | "musique" | "música" | "komponist" | "komponistin" | "音楽" | "作曲" => Field::Makers,
        "jahr" | "année" | "año" => Field::Year,
        "erschienen" | "veröffentlicht" | "sortie" => Field::Released,
        k if k.contains("title") || k.contains("titel") || k == "titre original" || k == "also known as" => {
            Field::AltTitle
        }
        k if k.replace('.', "") == "aka" => Field::AltTitle,
        k if k.contains("label") => Field::Label,
        "year" => Field::Year,
        "released" | "release" | "release date" => Field::Released,
        k if k.contains("track") || k.contains("cue") || k.starts_with("highlight") => Field::Tracks,
        _ => Field::Other,
    };
    Some((field, value))
}

/// Whether `text` is a field line. Every match of the three patterns makes one (their groups
/// always take part), so matching answers without captures.
pub fn is_field_line(text: &str) -> bool {
    let line = without_emphasis(text);
    let key = key_length(line);
    let is = may_be_credit(line) && CREDIT.is_match(line)
        || may_be_dated(line, key) && DATED_WORK.is_match(line)
        || may_be_keyed(line, key) && keyed_end(line, key).is_some();
    debug_assert_eq!(is, field_line(text).is_some(), "{text:?}");
    is
}

/// Where `KEYED_KEY`'s match in `line` ends, when `KEYED` matches: the value after it, `(.*)$`,
/// holds any characters but a line break. Every way to the colon is followed by the same
/// greedy spaces and `[*_]+`, so the preferred one ends where `KEYED`'s value begins, and a
/// line break after it is after every other way's end too.
fn keyed_end(line: &str, key: Option<usize>) -> Option<usize> {
    let by_regex = || KEYED_KEY.find(line).map(|m| m.end()).filter(|&end| !line[end..].contains('\n'));
    let Some(found) = key.and_then(|length| known_keyed_end(line, length)) else {
        return by_regex();
    };
    debug_assert_eq!(found, by_regex(), "{line:?}");
    found
}

/// [`keyed_end`] read by hand when the key, the first `length` characters after spaces, is
/// ASCII ([`may_be_key`]); `None` when it is not. A match takes the key (a known one), `[*_]*`,
/// spaces and the first colon, then greedily spaces and `[*_]+` with spaces after.
fn known_keyed_end(line: &str, length: usize) -> Option<Option<usize>> {
    let trimmed = line.trim_start();
    let start = line.len() - trimmed.len();
    let key = trimmed.as_bytes().get(..length).filter(|k| k.is_ascii())?;
    if !may_be_key(key, length) {
        return Some(None);
    }
    let marks = |at: usize| trimmed[at..].bytes().take_while(|b| matches!(b, b'*' | b'_')).count();
    let spaces = |at: usize| trimmed.len() - at - trimmed[at..].trim_start().len();
    let mut at = length + marks(length);
    at += spaces(at);
    match trimmed[at..].chars().next() {
        Some(c @ (':' | '：')) => at += c.len_utf8(),
        _ => return Some(None),
    }
    at += spaces(at);
    let emphasis = marks(at);
    if emphasis > 0 {
        at += emphasis;
        at += spaces(at);
    }
    let end = start + at;
    Some((!line[end..].contains('\n')).then_some(end))
}

/// `KEYED`'s key and value in `text`, read by `KEYED_KEY` (see [`keyed_end`]).
fn keyed(text: &str) -> Option<(&str, &str)> {
    let found = KEYED_KEY.captures(text).and_then(|c| {
        let end = c.get(0)?.end();
        (!text[end..].contains('\n')).then_some((c.get(1)?.as_str(), &text[end..]))
    });
    debug_assert_eq!(
        found,
        KEYED.captures(text).and_then(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str()))),
        "{text:?}"
    );
    found
}

/// The most characters of a `KEYED` key ("internationaler titel"); `(?i)` folds a character
/// to one character, so the text's key is no longer.
const LONGEST_KEY: usize = 21;
/// The most characters of a `DATED_WORK` key ("series").
const LONGEST_WORK: usize = 6;
/// What a `CREDIT` line opens with, after spaces.
const CREDIT_OPENINGS: [&str; 7] = ["Original ", "Score", "Music", "Soundtrack", "Song", "Theme", "Composed"];

/// False when `line`, whose key length is `key` ([`key_length`]), cannot match `KEYED`.
fn may_be_keyed(line: &str, key: Option<usize>) -> bool {
    let may = key.is_some_and(|length| may_be_key(line.trim_start().as_bytes(), length));
    debug_assert!(may || !KEYED.is_match(line), "KEYED matches {line:?} with a key over {LONGEST_KEY} characters");
    may
}

/// False when the first `length` characters of `line` (spaces trimmed), which a `KEYED` match
/// would take as its key, are ASCII and spell none of its keys. Every key ends in a character
/// that is no mark, and only marks and the first colon may follow it, so a match's key is
/// those characters ([`key_length`]). An ASCII character folds to a non-ASCII one only for
/// `k` and `s` (the Kelvin sign, `ſ`), which no non-ASCII key holds, so ASCII keys are
/// compared, ignoring ASCII case. Most lines with a short key before a colon have another key.
fn may_be_key(line: &[u8], length: usize) -> bool {
    let Some(key) = line.get(..length).filter(|k| k.is_ascii()) else {
        return true;
    };
    let mut lowered = [0u8; LONGEST_KEY];
    let Some(lowered) = lowered.get_mut(..key.len()) else {
        return true;
    };
    lowered.copy_from_slice(key);
    lowered.make_ascii_lowercase();
    ASCII_KEYS.binary_search(&&*lowered).is_ok()
}

/// Every ASCII key [`KEYED_HEAD`] spells, its options written out, in byte order.
const ASCII_KEYS: [&[u8]; 97] = [
    b"a.k.a",
    b"a.k.a.",
    b"a.ka",
    b"a.ka.",
    b"ak.a",
    b"ak.a.",
    b"aka",
    b"aka.",
    b"also known as",
    b"alternate title",
    b"alternative title",
    b"artist",
    b"artists",
    b"best cue",
    b"best cues",
    b"best track",
    b"best tracks",
    b"composed by",
    b"composer",
    b"composer(s)",
    b"composers",
    b"compositeur",
    b"compositor",
    b"compositora",
    b"compositrice",
    b"cue",
    b"cues",
    b"developer",
    b"directed by",
    b"director",
    b"english title",
    b"erschienen",
    b"favorite cue",
    b"favorite cues",
    b"favourite cue",
    b"favourite cues",
    b"format",
    b"genre",
    b"grade",
    b"highlight",
    b"highlights",
    b"international title",
    b"internationaler titel",
    b"jahr",
    b"japanese title",
    b"key cue",
    b"key cues",
    b"key tracks",
    b"komponist",
    b"komponistin",
    b"label",
    b"labels",
    b"length",
    b"music",
    b"music by",
    b"musik",
    b"musique",
    b"network",
    b"notable cue",
    b"notable cues",
    b"notable tracks",
    b"original score",
    b"original title",
    b"originaltitel",
    b"performer",
    b"performers",
    b"platform",
    b"platforms",
    b"price",
    b"publisher",
    b"rating",
    b"record label",
    b"release",
    b"release date",
    b"released",
    b"runtime",
    b"score",
    b"score by",
    b"sortie",
    b"standout cue",
    b"standout cues",
    b"standout track",
    b"standout tracks",
    b"star",
    b"stars",
    b"studio",
    b"titre original",
    b"track",
    b"track list",
    b"track listing",
    b"tracklist",
    b"tracklisting",
    b"tracks",
    b"uk title",
    b"us title",
    b"verdict",
    b"year",
];

/// False when `line`, whose key length is `key` ([`key_length`]), cannot match `DATED_WORK`.
fn may_be_dated(line: &str, key: Option<usize>) -> bool {
    let may = key.is_some_and(|length| length <= LONGEST_WORK);
    debug_assert!(
        may || !DATED_WORK.is_match(line),
        "DATED_WORK matches {line:?} with a key over {LONGEST_WORK} characters"
    );
    may
}

/// False when `line` cannot match `CREDIT`: it does not open with one of its words.
fn may_be_credit(line: &str) -> bool {
    let rest = line.trim_start();
    let may = CREDIT_OPENINGS.iter().any(|w| rest.starts_with(w));
    debug_assert!(may || !CREDIT.is_match(line), "CREDIT matches {line:?}, which opens with none of its words");
    may
}

/// The characters that can make a key before the first colon of `line`: after leading spaces,
/// up to the last one that is not `*`, `_` or a space. `None` when there is no colon or they
/// are more than [`LONGEST_KEY`]. No key holds a colon, so a `KEYED` or `DATED_WORK` match is
/// spaces, a key, `*` or `_`, spaces and then the first colon. Prose lines are long and often
/// hold a colon far in, and the regexes would be run on each; this reads a few characters.
fn key_length(line: &str) -> Option<usize> {
    let line = line.trim_start();
    if let Some(found) = ascii_key_length(line.as_bytes()) {
        debug_assert_eq!(found, key_length_by_characters(line), "{line:?}");
        return found;
    }
    // ASCII is read as bytes (a byte is then a character); the rest of a line from its first
    // other byte is read as characters.
    let mut length = 0;
    for (read, &b) in line.as_bytes().iter().enumerate() {
        let step = match b {
            _ if !b.is_ascii() => break,
            b':' => Step::Colon,
            b'*' | b'_' | b' ' | b'\t'..=b'\r' => Step::Mark,
            _ => Step::Key,
        };
        if let Some(found) = key_step(step, read, &mut length) {
            debug_assert_eq!(found, key_length_by_characters(line));
            return found;
        }
    }
    let ascii = line.bytes().take_while(u8::is_ascii).count();
    for (k, c) in line[ascii..].chars().enumerate() {
        let step = match c {
            ':' | '：' => Step::Colon,
            '*' | '_' => Step::Mark,
            c if c.is_whitespace() => Step::Mark,
            _ => Step::Key,
        };
        if let Some(found) = key_step(step, ascii + k, &mut length) {
            debug_assert_eq!(found, key_length_by_characters(line));
            return found;
        }
    }
    debug_assert_eq!(None, key_length_by_characters(line));
    None
}

/// [`key_length`] of a line (spaces trimmed) whose first [`LONGEST_KEY`] bytes are ASCII,
/// unless a non-ASCII byte decides it. A key byte among those only sets the length; a colon
/// among them ends the key. Past them, marks may run on until the first other byte answers:
/// a colon ends the key, a key byte makes it too long. Most lines are settled so, and need
/// not be walked a byte at a time.
fn ascii_key_length(bytes: &[u8]) -> Option<Option<usize>> {
    let window = &bytes[..bytes.len().min(LONGEST_KEY)];
    if !window.is_ascii() {
        return None;
    }
    let is_mark = |b: &u8| matches!(b, b'*' | b'_' | b' ' | b'\t'..=b'\r');
    // No colon comes before `end`: the key ends at the last key byte before it.
    let length = |end: usize| window[..end].iter().rposition(|b| !is_mark(b)).map_or(0, |k| k + 1);
    if let Some(colon) = memchr::memchr(b':', window) {
        return Some(Some(length(colon)));
    }
    match bytes[window.len()..].iter().find(|b| !is_mark(b)) {
        None => Some(None),
        Some(b':') => Some(Some(length(window.len()))),
        Some(b) if b.is_ascii() => Some(None),
        Some(_) => None,
    }
}

/// What the character read at `read` (counted in characters) is to [`key_length`].
#[derive(Clone, Copy)]
enum Step {
    Colon,
    /// Emphasis or whitespace, which a key may hold or trail.
    Mark,
    Key,
}

/// [`key_length`]'s answer once known after one more character, with `length` so far.
#[inline]
fn key_step(step: Step, read: usize, length: &mut usize) -> Option<Option<usize>> {
    match step {
        Step::Colon => Some(Some(*length)),
        Step::Mark => None,
        Step::Key if read >= LONGEST_KEY => Some(None),
        Step::Key => {
            *length = read + 1;
            None
        }
    }
}

/// [`key_length`] read one character at a time, as it was written first: the definition
/// that debug builds check it against.
fn key_length_by_characters(line: &str) -> Option<usize> {
    let mut length = 0;
    for (read, c) in line.trim_start().chars().enumerate() {
        match c {
            ':' | '：' => return Some(length),
            '*' | '_' => {}
            c if c.is_whitespace() => {}
            _ if read >= LONGEST_KEY => return None,
            _ => length = read + 1,
        }
    }
    None
}

fn without_emphasis(text: &str) -> &str {
    text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Reading a key's length by bytes gives what reading it by characters gives.
        #[test]
        fn key_lengths_by_bytes_are_by_characters(line in "(Score|a|é|：|:|\\*|_| |\t|\u{a0}|\u{2003}|x|1){0,30}") {
            proptest::prop_assert_eq!(key_length(&line), key_length_by_characters(&line));
        }

        /// Matching alone says what reading the field says.
        #[test]
        fn a_match_is_a_field_line(line in "(\\*\\*|Score|score|Label|Music|Film|by|from|: |：|1999|8/10|Mica Levi|a|\\.| ){0,8}") {
            proptest::prop_assert_eq!(is_field_line(&line), field_line(&line).is_some());
        }

        /// The key and value read from `KEYED_KEY`'s match are `KEYED`'s captures, line
        /// breaks, emphasis and spaces around the colon included.
        #[test]
        fn keyed_reads_as_the_whole_pattern(line in "(Music|music by|Score|Label|Notable tracks|\\*\\*|__|_|: |:|：|\n|\t| |\u{a0}|x|é){0,8}") {
            let whole = KEYED.captures(&line).and_then(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str())));
            proptest::prop_assert_eq!(keyed(&line), whole);
            proptest::prop_assert_eq!(keyed_end(&line, key_length(&line)).is_some(), KEYED.is_match(&line));
            let by_regex = KEYED_KEY.find(&line).map(|m| m.end()).filter(|&end| !line[end..].contains('\n'));
            if let Some(length) = key_length(&line) {
                proptest::prop_assert_eq!(known_keyed_end(&line, length).unwrap_or(by_regex), by_regex);
            }
        }
    }

    /// The ASCII keys are in order (binary search) and each is one of `KEYED`'s keys.
    #[test]
    fn ascii_keys_are_sorted_keys() {
        assert!(ASCII_KEYS.windows(2).all(|w| w[0] < w[1]));
        for key in ASCII_KEYS {
            let line = format!("{}: x", std::str::from_utf8(key).unwrap());
            assert!(KEYED.is_match(&line), "{line:?}");
        }
    }

    proptest::proptest! {
        /// Field lines' ends read by hand are the regex's, spaces and emphasis around the colon
        /// included.
        #[test]
        fn known_keys_end_where_the_regex_ends(line in "[ \t\u{a0}]{0,2}(Music|music by|Label|AKA|ſcore|x|Année)[*_ \t]{0,3}[:：][ \t\n\u{a0}]{0,2}[*_]{0,2}[ \t\n\u{a0}]{0,2}(x|\n|é)?") {
            let by_regex = KEYED_KEY.find(&line).map(|m| m.end()).filter(|&end| !line[end..].contains('\n'));
            proptest::prop_assert_eq!(keyed_end(&line, key_length(&line)), by_regex);
            if let Some(length) = key_length(&line) {
                proptest::prop_assert_eq!(known_keyed_end(&line, length).unwrap_or(by_regex), by_regex);
            }
        }

        /// A line refused for its key is one `KEYED` does not match.
        #[test]
        fn refused_keys_are_no_keys(line in "( |\t|\\*|_|:|：|\\.|\\(s\\)|a|k|A|K|ſ|\u{212a}|music|Music|by|score|SCORE|track|list|ing|s|cue|title|original|us|key|best|favou?rite|label|record|année|x|é){0,6}") {
            if !may_be_keyed(&line, key_length(&line)) {
                proptest::prop_assert!(!KEYED.is_match(&line), "{:?}", line);
            }
        }
    }

    #[test]
    fn long_keys_are_ruled_out_before_the_regex() {
        assert!(may_be_keyed(
            "  Internationaler Titel**  : Run Lola Run",
            key_length("  Internationaler Titel**  : Run Lola Run")
        ));
        assert!(field_line("  Internationaler Titel**  : Run Lola Run").is_some());
        assert!(may_be_keyed("Standout tracks:", key_length("Standout tracks:")));
        assert!(!may_be_keyed(
            "Standout tracks, in my opinion: all of them",
            key_length("Standout tracks, in my opinion: all of them")
        ));
        assert!(!may_be_keyed("Composer Jerry Goldsmith", key_length("Composer Jerry Goldsmith")));
        assert_eq!(field_line("The one thing to know about this score: it is loud"), None);
        assert!(may_be_dated(" Film**  : 1956", key_length(" Film**  : 1956")));
        assert_eq!(key_length("  Label *_ :"), Some(5));
        assert_eq!(key_length("Label"), None);
        assert!(!may_be_dated("Filmography: 1956", key_length("Filmography: 1956")));
        assert!(may_be_credit("  Scored by Mica Levi"));
        assert!(!may_be_credit("The score by Mica Levi"));
    }

    #[test]
    fn fields() {
        assert_eq!(field_line("Composer: Jerry Goldsmith"), Some((Field::Makers, "Jerry Goldsmith")));
        assert_eq!(field_line("*Score by Jóhann Jóhannsson*"), Some((Field::Makers, "Jóhann Jóhannsson")));
        assert_eq!(field_line("Score: 8/10"), Some((Field::Other, "8/10")));
        assert_eq!(field_line("Label: Waxwork Records"), Some((Field::Label, "Waxwork Records")));
        assert_eq!(field_line("Released: 1999"), Some((Field::Released, "1999")));
        assert_eq!(field_line("Notable tracks:"), Some((Field::Tracks, "")));
        assert_eq!(field_line("**Standout cue:** \"Timesteps\""), Some((Field::Tracks, "\"Timesteps\"")));
        assert_eq!(field_line("**Film:** 1956, dir. Fred M. Wilcox"), Some((Field::Year, "1956, dir. Fred M. Wilcox")));
        assert_eq!(field_line("Film: Alien"), None);
        assert_eq!(field_line("The score by Mica Levi is great"), None);
        assert_eq!(
            field_line("Also known as: Il buono, il brutto, il cattivo"),
            Some((Field::AltTitle, "Il buono, il brutto, il cattivo"))
        );
        assert_eq!(field_line("Original title: Sen to Chihiro"), Some((Field::AltTitle, "Sen to Chihiro")));
        assert_eq!(field_line("a.k.a. Wings of Desire"), None);
        assert_eq!(field_line("AKA: Wings of Desire"), Some((Field::AltTitle, "Wings of Desire")));
        assert_eq!(field_line("Musik: Jürgen Knieper"), Some((Field::Makers, "Jürgen Knieper")));
        assert_eq!(field_line("Internationaler Titel: Run Lola Run"), Some((Field::AltTitle, "Run Lola Run")));
        assert_eq!(field_line("Année : 1962"), Some((Field::Year, "1962")));
        assert_eq!(field_line("**Composer(s):** Yasunori Mitsuda"), Some((Field::Makers, "Yasunori Mitsuda")));
        assert_eq!(field_line("音楽：久石譲 (Joe Hisaishi)"), Some((Field::Makers, "久石譲 (Joe Hisaishi)")));
    }
}
