//! The matches of [`SEPARATOR`](super::SEPARATOR), found by hand. The pattern may begin at any
//! white space, so the regex read every byte of every head it was asked about; here only the
//! few bytes that can hold a match's first "core" ('~', a dash, '-', '|', ':', ',' or "by")
//! are looked at closely.
//!
//! Every match holds a core, and what precedes its first core in the match is white space, or
//! white space, one of the four making words and white space ("composed by"). So a match that
//! begins at or before the first core `c` past the last match has its first core at `c`, and
//! begins at `c`, at the white-space run before `c`, or at the run before such a word. Within
//! a run only its first byte needs trying: a match from further in would match from there too.
//! Each of these few starts is tried as the pattern would try it ([`separator_at`]), its
//! alternatives in order, quantifiers greedy.

/// Bytes that may begin a core: '~', '|', ':', ',', '-', the lead byte of '–' and '—', and the
/// 'b' of "by".
static MAY_BEGIN_CORE: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [b'~', b'|', b':', b',', b'-', 0xE2, b'b'];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// The four words the pattern allows between the white space and "by", in its order.
const MAKING_WORDS: [&str; 4] = ["composed", "scored", "written", "performed"];

/// The matches of the separator pattern in `text`, as `(start, end)`, in the order and with the
/// extent of the regex crate's `find_iter`.
pub(super) fn separator_matches(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    // No match begins before `from`: the last match's end, or past a core that gave none.
    let mut from = 0;
    std::iter::from_fn(move || {
        // Where to look for the next core: a byte that begins none (a 'b' without 'y', a
        // curly quote's or a wide space's 0xE2) moves only this.
        let mut scan = from;
        loop {
            let c = scan + bytes[scan..].iter().position(|&b| MAY_BEGIN_CORE[usize::from(b)])?;
            let Some(len) = core_len(bytes, c) else {
                // 0xE2 leads a three-byte character: past it, `scan` stays on a boundary.
                scan = c + if bytes[c] == 0xE2 { 3 } else { 1 };
                continue;
            };
            let spaces = run_start(text, c, from);
            let before_word = if bytes[c] == b'b' { start_before_word(text, spaces, from) } else { None };
            for s in [before_word, Some(spaces), Some(c)].into_iter().flatten() {
                if let Some(end) = separator_at(text, s) {
                    from = end;
                    return Some((s, end));
                }
            }
            from = c + len;
            scan = from;
        }
    })
}

/// The length of the core at `at`, if one is there.
fn core_len(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes[at] {
        b'~' | b'|' | b':' | b',' | b'-' => Some(1),
        b'b' if bytes.get(at + 1) == Some(&b'y') => Some(1),
        _ if is_long_dash(bytes, at) => Some(3),
        _ => None,
    }
}

/// Whether '–' (E2 80 93) or '—' (E2 80 94) is at `at`.
fn is_long_dash(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&0xE2) && bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x93 | 0x94))
}

/// Where the white-space run that ends at `end` begins, not below `floor` (`\s` is Unicode's
/// White_Space, as `char::is_whitespace`).
fn run_start(text: &str, end: usize, floor: usize) -> usize {
    let mut at = end;
    while at > floor {
        match text[..at].chars().next_back() {
            Some(ch) if ch.is_whitespace() => at -= ch.len_utf8(),
            _ => break,
        }
    }
    at
}

/// Where the white-space run that begins at `at` ends.
fn run_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if !matches!(b, b'\t'..=b'\r' | b' ') {
                break;
            }
            end += 1;
        } else {
            match text[end..].chars().next() {
                Some(ch) if ch.is_whitespace() => end += ch.len_utf8(),
                _ => break,
            }
        }
    }
    end
}

/// For "by" whose white space begins at `spaces`: where the white space before a making word
/// ending at `spaces` begins, when there is such a word with white space before it, not
/// below `floor`.
fn start_before_word(text: &str, spaces: usize, floor: usize) -> Option<usize> {
    let word = MAKING_WORDS.iter().find(|w| text[floor..spaces].ends_with(*w))?;
    let word_start = spaces - word.len();
    let start = run_start(text, word_start, floor);
    (start < word_start).then_some(start)
}

/// The end of white space of at least one character beginning at `at`.
fn some_space(text: &str, at: usize) -> Option<usize> {
    let end = run_end(text, at);
    (end > at).then_some(end)
}

/// The end of the pattern's match beginning at `s`, if it has one there: its alternatives in
/// order, `\s*~\s*|\s+[–—]\s*|[–—]\s+|\s+-{1,2}\s+|\s+\|\s+|:\s+|,?\s+(?:composed|scored|
/// written|performed)?\s*by\s+|,\s+`. Greedy white space needs no backtracking: every
/// alternative wants something other than white space after each run.
fn separator_at(text: &str, s: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let after = run_end(text, s);
    let spaced = after > s;
    let next = bytes.get(after).copied();
    if next == Some(b'~') {
        return Some(run_end(text, after + 1));
    }
    if spaced && is_long_dash(bytes, after) {
        return Some(run_end(text, after + 3));
    }
    if is_long_dash(bytes, s)
        && let Some(end) = some_space(text, s + 3)
    {
        return Some(end);
    }
    if spaced && next == Some(b'-') {
        // Two hyphens if there are two: one would leave the second where white space must be.
        let hyphens = if bytes.get(after + 1) == Some(&b'-') { 2 } else { 1 };
        if let Some(end) = some_space(text, after + hyphens) {
            return Some(end);
        }
    }
    if spaced
        && next == Some(b'|')
        && let Some(end) = some_space(text, after + 1)
    {
        return Some(end);
    }
    let first = bytes.get(s).copied();
    if first == Some(b':')
        && let Some(end) = some_space(text, s + 1)
    {
        return Some(end);
    }
    let comma = usize::from(first == Some(b','));
    let word_at = run_end(text, s + comma);
    if word_at > s + comma {
        let rest = &text[word_at..];
        if let Some(word) = MAKING_WORDS.iter().find(|w| rest.starts_with(*w))
            && let Some(end) = by_then_space(text, run_end(text, word_at + word.len()))
        {
            return Some(end);
        }
        if let Some(end) = by_then_space(text, word_at) {
            return Some(end);
        }
    }
    if comma == 1 {
        return some_space(text, s + 1);
    }
    None
}

/// The end of "by" and white space at `at`, if they are there.
fn by_then_space(text: &str, at: usize) -> Option<usize> {
    text[at..].starts_with("by").then(|| some_space(text, at + 2)).flatten()
}

#[cfg(test)]
mod tests {
    use super::super::SEPARATOR;
    use super::*;

    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        SEPARATOR.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn separator_cases() {
        for text in [
            "Elton John, Tim Rice, Hans Zimmer ~ The Lion King",
            "Star Trek: The Motion Picture – Jerry Goldsmith",
            "Jaws  --- x -- y - z",
            "Up, composed by Michael Giacchino, scored  by x",
            "a,  performedby b, standby c by",
            " ~Dune|x | y:z: \u{a0}w—\u{2003}v",
            "\u{2003}–",
            "“[by Y",
            " composed by ",
        ] {
            assert_eq!(separator_matches(text).collect::<Vec<_>>(), by_regex(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// The walk finds the pattern's matches: every character a match needs, near misses
        /// ("b y", "By", curly quotes, which share the dashes' first bytes) and Unicode spaces.
        #[test]
        fn separators_by_hand_as_by_regex(text in "(by| by |\u{a0}by\t|By|b|y|~|\\||:|,|-|--|–|—|“|”|’| |  |\t|\u{b}|\u{2003}|\u{85}|composed|scored|written|performed|ed|x|é){0,10}") {
            proptest::prop_assert_eq!(separator_matches(&text).collect::<Vec<_>>(), by_regex(&text), "{:?}", text);
        }
    }
}
