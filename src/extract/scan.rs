//! Scanning running text: quoted spans, capitalised name runs after a cue, and the title-case
//! span next to a position. Shared by blurbs and prose.

use super::words::{is_capitalised, is_particle};

/// A quoted span: its inside and the byte range of the whole quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub inner: String,
    pub start: usize,
    pub end: usize,
}

/// Quoted spans in `text`: “…”, "…", ‘…’ and '…' (an apostrophe inside a word is not a quote).
pub fn quotes(text: &str) -> Vec<Quote> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    // Only the four opening marks can start a quote: `"`, `'`, and “ and ‘, which begin with
    // the byte 0xE2. The walk jumps from one such byte to the next; the character before a
    // mark is read where it is needed.
    while let Some(off) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[at..]) {
        let pos = at + off;
        let c = match bytes[pos] {
            b'"' => '"',
            b'\'' => '\'',
            _ => match bytes.get(pos + 1..pos + 3) {
                Some([0x80, 0x9C]) => '“',
                Some([0x80, 0x98]) => '‘',
                _ => {
                    at = pos + 1;
                    continue;
                }
            },
        };
        let after = pos + c.len_utf8();
        let single = matches!(c, '‘' | '\'');
        // A single quote opens only before a letter and after a space or bracket ("mid-'70s",
        // "Bueller’s" are not quotes).
        let single_ok = !single || {
            let prev = text[..pos].chars().next_back();
            let next = text[after..].chars().next();
            !prev.is_some_and(|p| p.is_alphanumeric() || p == '-') && next.is_some_and(char::is_alphabetic)
        };
        if single_ok
            && let Some(close) = closers(c)
            && let Some((close_at, close_c)) = find_close(text, after, close, single)
        {
            let inner = text[after..close_at].trim();
            if !inner.is_empty() && inner.len() < 200 {
                let end = close_at + close_c.len_utf8();
                out.push(Quote { inner: inner.to_string(), start: pos, end });
                at = end;
                continue;
            }
        }
        at = after;
    }
    out
}

/// The marks that close a quote opened by `open`, if it opens one.
fn closers(open: char) -> Option<&'static [char]> {
    match open {
        '“' => Some(&['”', '"']),
        '"' => Some(&['"', '”']),
        '‘' => Some(&['’']),
        '\'' => Some(&['\'']),
        _ => None,
    }
}

/// The closing quote within 240 characters of byte `from`, not right at it; for single quotes,
/// one not followed by a letter ("Bueller’s" is not). Its offset and character.
fn find_close(text: &str, from: usize, close: &[char], single: bool) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // Every closing mark is `"`, `'`, or a character beginning with the byte 0xE2: jump between
    // those, counting the characters passed (bytes that are no UTF-8 continuation) for the reach.
    let mut at = from + text[from..].chars().next()?.len_utf8();
    let mut index = 1;
    while let Some(off) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[at..]) {
        let pos = at + off;
        index += bytes[at..pos].iter().filter(|&&b| !is_continuation(b)).count();
        if index >= 240 {
            return None;
        }
        let c = text[pos..].chars().next()?;
        let next_at = pos + c.len_utf8();
        if close.contains(&c) && !(single && text[next_at..].chars().next().is_some_and(char::is_alphanumeric)) {
            return Some((pos, c));
        }
        at = next_at;
        index += 1;
    }
    None
}

/// A byte that continues a UTF-8 character rather than beginning one.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Text without parenthetical asides that open with a capital ("Marco Beltrami (Snowpiercer,
/// The Hurt Locker) and Brandon Roberts"): lists of a person's other works or a cast, which
/// interrupt name lists and are never the entry. Years and lower-case asides stay.
pub fn without_asides(text: &str) -> std::borrow::Cow<'_, str> {
    // The brackets are ASCII, so found as bytes, by memchr's vectorised search rather than
    // `str::contains`'s word-at-a-time one: most blurbs have none.
    let find = |hay: &str, bracket: u8| memchr::memchr(bracket, hay.as_bytes());
    if find(text, b'(').is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = find(rest, b'(') {
        let Some(close) = find(&rest[open..], b')').map(|c| open + c) else { break };
        let inner = &rest[open + 1..close];
        let aside = inner.starts_with(|c: char| c.is_uppercase()) && find(inner, b'(').is_none();
        out.push_str(rest[..open].trim_end_matches(' '));
        if !aside {
            out.push(' ');
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.into()
}

/// Role nouns that can stand between a cue and a name ("by progressive rock band Goblin").
fn is_role_word(w: &str) -> bool {
    matches!(
        w.trim_end_matches([',', '.']),
        "band"
            | "group"
            | "duo"
            | "trio"
            | "collective"
            | "outfit"
            | "composer"
            | "composers"
            | "drummer"
            | "guitarist"
            | "producer"
            | "innovator"
            | "musician"
            | "artist"
            | "singer"
            | "rapper"
            | "maestro"
            | "legend"
            | "veteran"
            | "keyboardist"
            | "pianist"
            | "songwriter"
            | "songwriters"
            | "multi-instrumentalist"
            | "orchestra"
            | "supervisor"
            | "frontman"
            | "frontwoman"
            | "star"
            | "icon"
    )
}

/// Strips a possessive ending from a token.
pub fn strip_possessive(token: &str) -> (&str, bool) {
    for end in ["’s", "'s", "’", "'"] {
        if let Some(stem) = token.strip_suffix(end)
            && !stem.is_empty()
        {
            return (stem, true);
        }
    }
    (token, false)
}

/// The credited names that start `text` (right after a cue such as "composed by"):
/// skips a short description ending in a role word ("former Red Hot Chili Peppers drummer"),
/// then reads capitalised words, particles, initials and list joiners.
pub fn names_after(text: &str) -> Option<String> {
    let mut tokens = Tokens { split: text.split_whitespace().take(24), read: Vec::with_capacity(24) };
    let mut start = 0;
    if let Some(role) = (0..8).map_while(|i| tokens.get(i)).position(is_role_word) {
        // A description before the role ("former Red Hot Chili Peppers drummer", "Bomb Squad
        // innovator"), not a name list ("Yoko Kanno and her band").
        let lead_ok = tokens.read[..role].iter().all(|t| !t.ends_with([',', '.', ';']) && *t != "and" && *t != "&");
        if lead_ok {
            start = role + 1;
        }
    }
    if tokens.get(start).is_some_and(|t| t == "the") && tokens.get(start + 1).is_some_and(is_capitalised) {
        // "by the Bee Gees": keep "the" out of the name.
        start += 1;
    }
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut i = start;
    while let Some(raw) = tokens.get(i) {
        let (token, possessive) = strip_possessive(raw);
        let bare = token.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
        let ends_clause = token.len() != bare.len() && !is_initial_token(token);
        if is_suffix(bare) && current.is_empty() && !names.is_empty() {
            // "Harry Connick, Jr."
            if let Some(last) = names.last_mut() {
                last.push(' ');
                last.push_str(bare);
            }
        } else if is_capitalised(bare) && !bare.is_empty() && !bare.starts_with(['“', '"', '‘', '('])
            || (!current.is_empty() && is_particle(bare) && tokens.get(i + 1).is_some_and(is_capitalised))
        {
            current.push(if is_initial_token(token) { token } else { bare });
            if possessive || ends_clause && !token.ends_with(',') {
                break;
            }
            if token.ends_with(',') {
                names.push(current.join(" "));
                current.clear();
            }
        } else if (bare == "and" || bare == "&")
            && tokens.get(i + 1).is_some_and(|t| matches!(t, "his" | "her" | "their"))
            && tokens.get(i + 2).is_some_and(is_role_word)
            && tokens.get(i + 3).is_some_and(is_capitalised)
        {
            // "Yoko Kanno and her band The Seatbelts"
            if !current.is_empty() {
                names.push(current.join(" "));
                current.clear();
            }
            i += 3;
            continue;
        } else if (bare == "and" || bare == "&") && !current.is_empty() && tokens.get(i + 1).is_some_and(is_capitalised)
        {
            names.push(current.join(" "));
            current.clear();
        } else if bare == "and"
            && current.is_empty()
            && !names.is_empty()
            && tokens.get(i + 1).is_some_and(is_capitalised)
        {
            // "A, B, and C"
        } else {
            break;
        }
        i += 1;
    }
    if !current.is_empty() {
        names.push(current.join(" "));
    }
    names.retain(|n| !n.is_empty());
    (!names.is_empty()).then(|| names.join(", "))
}

/// `names_after(text)` when it is known without reading a list: `text` opens with a word of
/// ASCII letters, the first a capital, then a word opening with a lower-case ASCII letter
/// that is no particle nor "and", and none of its first eight words is a role word. The list
/// is then the first word alone ("The score …", "This is …"), which most blurbs open with.
pub fn lone_leading_name(text: &str) -> Option<&str> {
    // Most first sentences are ASCII: split by bytes then, not characters. Without a vertical
    // tab, which `split_ascii_whitespace` keeps in a word, the words are the same.
    let bytes = text.as_bytes();
    if bytes.is_ascii() && memchr::memchr(0x0B, bytes).is_none() {
        debug_assert!(text.split_ascii_whitespace().eq(text.split_whitespace()), "{text:?}");
        lone_leading_name_of(text, text.split_ascii_whitespace())
    } else {
        lone_leading_name_of(text, text.split_whitespace())
    }
}

/// [`lone_leading_name`] of `text` split into `words`.
fn lone_leading_name_of<'t>(text: &'t str, mut words: impl Iterator<Item = &'t str>) -> Option<&'t str> {
    let first = words.next()?;
    let second = words.next()?;
    let opens = first.as_bytes()[0].is_ascii_uppercase() && first.bytes().all(|b| b.is_ascii_alphabetic());
    let bare = strip_possessive(second).0.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
    let ends = bare.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && bare != "and" && !is_particle(bare);
    let lone = opens && ends && !is_role_word(first) && !is_role_word(second) && !words.take(6).any(is_role_word);
    debug_assert!(!lone || names_after(text).as_deref() == Some(first), "{text:?}");
    lone.then_some(first)
}

/// The first whitespace-separated words of a text, split only as far as they are read: a name
/// list mostly ends within a few words of its cue.
struct Tokens<'a> {
    split: std::iter::Take<std::str::SplitWhitespace<'a>>,
    read: Vec<&'a str>,
}

impl<'a> Tokens<'a> {
    /// The `i`-th word, if the text has that many (within the `take`).
    fn get(&mut self, i: usize) -> Option<&'a str> {
        while self.read.len() <= i {
            self.read.push(self.split.next()?);
        }
        Some(self.read[i])
    }
}

fn is_suffix(token: &str) -> bool {
    matches!(token, "Jr" | "Sr" | "II" | "III")
}

/// "J.", "J.S.", "T.B.A.": a dot and one to three capitals besides dots.
fn is_initial_token(token: &str) -> bool {
    if !token.contains('.') {
        return false;
    }
    let mut letters = 0;
    for c in token.chars().filter(|c| *c != '.') {
        letters += 1;
        if letters > 3 || !c.is_uppercase() {
            return false;
        }
    }
    letters > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-vector walk that `quotes` replaced, as the definition it must keep.
    fn quotes_by_characters(text: &str) -> Vec<Quote> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let find_close = |from: usize, close: &[char], single: bool| {
            let limit = (from + 240).min(chars.len());
            (from..limit).find(|&j| {
                let c = chars[j].1;
                if !close.contains(&c) {
                    return false;
                }
                if single {
                    let next = chars.get(j + 1).map(|x| x.1);
                    return !next.is_some_and(char::is_alphanumeric) && j > from;
                }
                j > from
            })
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            let close = closers(c);
            let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
            let single = matches!(c, '‘' | '\'');
            let next = chars.get(i + 1).map(|x| x.1);
            let single_ok = !single
                || !prev.is_some_and(|p| p.is_alphanumeric() || p == '-') && next.is_some_and(char::is_alphabetic);
            if let (true, Some(close)) = (close.is_some() && single_ok, close)
                && let Some(j) = find_close(i + 1, close, single)
            {
                let inner = text[pos + c.len_utf8()..chars[j].0].trim().to_string();
                if !inner.is_empty() && inner.len() < 200 {
                    out.push(Quote { inner, start: pos, end: chars[j].0 + chars[j].1.len_utf8() });
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    proptest::proptest! {
        /// The byte-offset walk finds the quotes the character-vector walk found.
        #[test]
        fn quotes_keep_their_definition(text in "([a-z]|é|'|\"|“|”|‘|’|-| |\\(|\\)){0,40}") {
            proptest::prop_assert_eq!(quotes(&text), quotes_by_characters(&text));
        }

        /// Also on longer texts with capitals, digits, other 0xE2 characters (dashes, ellipses)
        /// and closing marks near the reach.
        #[test]
        fn quotes_keep_their_definition_on_long_texts(text in "([a-zA-Z0-9]|é|ß|'|\"|“|”|‘|’|–|—|…|-| |\\(|\\)){0,400}") {
            proptest::prop_assert_eq!(quotes(&text), quotes_by_characters(&text));
        }

        /// Closing quotes are looked for within 240 characters.
        #[test]
        fn quotes_close_within_reach(gap in 230usize..250) {
            // Spaces trim away, so only the reach decides.
            let text = format!("“a{}”", " ".repeat(gap));
            proptest::prop_assert_eq!(quotes(&text), quotes_by_characters(&text));
        }
    }

    #[test]
    fn finds_quotes_but_not_apostrophes() {
        let q = quotes("The Shins' song \"New Slang\" and ‘Natural One’ and Ferris Bueller’s Day 'Beat City'.");
        let inner: Vec<&str> = q.iter().map(|q| q.inner.as_str()).collect();
        assert_eq!(inner, ["New Slang", "Natural One", "Beat City"]);
    }

    /// `without_asides` as it was written with `str` searches: the definition it keeps.
    fn without_asides_by_str(text: &str) -> String {
        if !text.contains('(') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
            let inner = &rest[open + 1..close];
            let aside = inner.starts_with(|c: char| c.is_uppercase()) && !inner.contains('(');
            out.push_str(rest[..open].trim_end_matches(' '));
            if !aside {
                out.push(' ');
                out.push_str(&rest[open..=close]);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    proptest::proptest! {
        /// Brackets found as bytes cut where the `str` searches cut.
        #[test]
        fn asides_are_cut_as_str_searches_cut(text in "(A|a|É|é|1|\\(|\\)|（|）| |  |,){0,24}") {
            proptest::prop_assert_eq!(without_asides(&text).into_owned(), without_asides_by_str(&text));
        }
    }

    #[test]
    fn asides_are_removed() {
        assert_eq!(
            without_asides("legend Marco Beltrami (Snowpiercer, Logan) and Brandon Roberts (A Good Day) for it"),
            "legend Marco Beltrami and Brandon Roberts for it"
        );
        assert_eq!(without_asides("Khan (1982) and (featuring music by X)"), "Khan (1982) and (featuring music by X)");
    }

    #[test]
    fn tokens_are_split_as_far_as_read() {
        let mut tokens = Tokens { split: "a  b\tc d".split_whitespace().take(3), read: Vec::new() };
        assert_eq!(tokens.get(1), Some("b"));
        assert_eq!(tokens.read, ["a", "b"]);
        assert_eq!(tokens.get(0), Some("a"));
        assert_eq!(tokens.get(2), Some("c"));
        assert_eq!(tokens.get(3), None, "past the take");
        assert_eq!(tokens.get(9), None);
    }

    #[test]
    fn initials() {
        for token in ["J.", "J.S", "T.B.A.", "É."] {
            assert!(is_initial_token(token), "{token}");
        }
        for token in ["J", "A.B.C.D.", "Jr.", "j.", ".", "..", "4."] {
            assert!(!is_initial_token(token), "{token}");
        }
    }

    #[test]
    fn names_after_cues() {
        assert_eq!(
            names_after("Kelly Bailey and Mike Morasky. It really").as_deref(),
            Some("Kelly Bailey, Mike Morasky")
        );
        assert_eq!(
            names_after("former Red Hot Chili Peppers drummer Cliff Martinez deserves").as_deref(),
            Some("Cliff Martinez")
        );
        assert_eq!(names_after("progressive rock band Goblin is terrifying").as_deref(), Some("Goblin"));
        assert_eq!(names_after("Lou Barlow of Dinosaur Jr").as_deref(), Some("Lou Barlow"));
        assert_eq!(names_after("J.S Bach, the master").as_deref(), Some("J.S Bach"));
        assert_eq!(names_after("the Bee Gees.").as_deref(), Some("Bee Gees"));
        assert_eq!(names_after("a classically trained soprano"), None);
        assert_eq!(names_after("Harry Connick, Jr. sings").as_deref(), Some("Harry Connick Jr"));
        assert_eq!(
            names_after("Yoko Kanno and her band The Seatbelts play").as_deref(),
            Some("Yoko Kanno, The Seatbelts")
        );
        assert_eq!(lone_leading_name("The score is loud."), Some("The"));
        assert_eq!(lone_leading_name("The band Goblin composed it"), None);
        assert_eq!(lone_leading_name("John Williams scored it"), None);
    }

    proptest::proptest! {
        /// A lone leading name is the list `names_after` reads.
        #[test]
        fn lone_leading_names_are_the_lists_read(
            text in "(The|This|A|It's|John|De|de|van|and|&|band|the|score|is|Jr|J.|x,|y.|’s| |  |\u{a0}|\t|\u{b}|\u{1c}){0,12}"
        ) {
            if let Some(name) = lone_leading_name(&text) {
                let read = names_after(&text);
                proptest::prop_assert_eq!(read.as_deref(), Some(name));
            }
        }
    }
}
