//! Text repair shared by every stage: Unicode normalisation, odd spaces, dash look-alikes and
//! mojibake (UTF-8 bytes that were once read as Windows-1252 or Latin-1).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::re::Re;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A lead byte of a 2–4 byte UTF-8 sequence read as Windows-1252, then 1–3 continuation bytes
/// read the same way. Matching only whole sequences keeps real accented text ("São") intact.
static MOJIBAKE: LazyLock<Re> = LazyLock::new(|| {
    Re::non_ascii(
        "[\u{00C2}-\u{00F4}][\u{0080}-\u{00BF}\u{20AC}\u{201A}\u{0192}\u{201E}\u{2026}\u{2020}\u{2021}\u{02C6}\u{2030}\u{0160}\u{2039}\u{0152}\u{017D}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\u{02DC}\u{2122}\u{0161}\u{203A}\u{0153}\u{017E}\u{0178}]{1,3}",
    )
    .expect("static regex")
});

/// The byte Windows-1252 (or Latin-1, for C1 controls) would have decoded to `c`.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if code < 0x80 || (0xA0..=0xFF).contains(&code) || (0x80..=0x9F).contains(&code) {
        return (code <= 0xFF).then_some(code as u8);
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// Repairs UTF-8 that was decoded as Windows-1252 (`JÃ³hann` → `Jóhann`, `â€™` → `’`).
/// Each suspicious sequence is re-encoded and kept only if it forms exactly one valid UTF-8
/// character, so correct text passes through unchanged. Text encoded twice is repaired twice:
/// the repair runs until nothing changes, which also makes it idempotent.
pub fn repair_mojibake(text: &str) -> Cow<'_, str> {
    let mut current = Cow::Borrowed(text);
    // Every pass that changes something turns 2–4 characters into one, so this ends.
    while let Cow::Owned(next) = repair_once(&current) {
        current = Cow::Owned(next);
    }
    current
}

fn repair_once(text: &str) -> Cow<'_, str> {
    if !may_hold_mojibake(text) || !MOJIBAKE.is_match(text) {
        return Cow::Borrowed(text);
    }
    let mut changed = false;
    let repaired = MOJIBAKE.replace_all(text, |caps: &regex::Captures| {
        let found = &caps[0];
        let bytes: Option<Vec<u8>> = found.chars().map(cp1252_byte).collect();
        if let Some(s) = bytes.as_deref().and_then(|b| std::str::from_utf8(b).ok())
            && s.chars().count() == 1
        {
            changed = true;
            return s.to_string();
        }
        found.to_string()
    });
    if changed { Cow::Owned(repaired.into_owned()) } else { Cow::Borrowed(text) }
}

/// Whether `text` has the start of a [`MOJIBAKE`] match: one of Â … ô (bytes `C3 82` …
/// `C3 B4`) followed by a character Windows-1252 decodes from a continuation byte. Found by
/// bytes, so text without mojibake never reaches the regex.
fn may_hold_mojibake(text: &str) -> bool {
    let bytes = text.as_bytes();
    // 0xC3 only ever leads a two-byte character, so the character after it starts at +2.
    memchr::memchr_iter(0xC3, bytes).any(|at| {
        bytes.get(at + 1).is_some_and(|b| (0x82..=0xB4).contains(b))
            && text[at + 2..].chars().next().and_then(cp1252_byte).is_some_and(|b| (0x80..=0xBF).contains(&b))
    })
}

/// Whether `c` is a space character other than the plain ASCII space.
fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{1680}')
}

/// Whether `c` should disappear from text altogether (zero-width and soft hyphen characters).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// NFC, plain spaces for odd ones, no invisible characters, no control characters except
/// newline and tab, and doubled closing quotes used as a dash (`music””they`) turned into
/// an em dash. Idempotent.
pub fn clean_text(text: &str) -> String {
    clean_text_cow(text).into_owned()
}

/// [`clean_text`], borrowing `text` when it is clean already (most values are).
pub(crate) fn clean_text_cow(text: &str) -> Cow<'_, str> {
    // Characters are mapped before NFC so that removing an invisible character can never
    // leave a sequence that a second pass would compose.
    let changes = |c: char| is_invisible(c) || is_odd_space(c) || (c.is_control() && c != '\n' && c != '\t');
    // Most text has nothing to map: ASCII bytes are checked without decoding, and only the
    // characters after a non-ASCII lead byte are decoded.
    let ascii_clean = |b: u8| b >= 0x20 && b != 0x7F || b == b'\n' || b == b'\t';
    // ASCII is already NFC. Leaving ASCII out of the quick check can only turn a "yes" into
    // "maybe" (combining classes around it look out of order), never the reverse. A "yes"
    // has seen every character, so `mapped_any` is then complete.
    let mut mapped_any = false;
    // Checked a block at a time without an early exit, which the compiler vectorises.
    let clean_block = |block: &[u8]| block.iter().fold(true, |clean, &b| clean & (b >= 0x80 || ascii_clean(b)));
    let quick = text.as_bytes().chunks(64).all(clean_block)
        && is_nfc_quick(non_ascii_chars(text).inspect(|&c| mapped_any |= changes(c))) == IsNormalized::Yes
        && !mapped_any;
    let out: Cow<'_, str> = if quick {
        Cow::Borrowed(text)
    } else {
        let mapped: String =
            text.chars().filter(|&c| !is_invisible(c)).map(|c| if changes(c) { ' ' } else { c }).collect();
        Cow::Owned(mapped.nfc().collect())
    };
    if has_doubled_quotes(&out) { Cow::Owned(doubled_quotes_to_dash(&out)) } else { out }
}

/// Whether `text` holds `””` or `""`. Quotes are rare in articles (one in about 150 bytes of
/// HTML, fewer in text): one search for either quote's last byte, restarted at each, costs
/// less than two substring searches over the whole text.
fn has_doubled_quotes(text: &str) -> bool {
    let bytes = text.as_bytes();
    let closing = "””".as_bytes();
    // 0x9D ends `”` (E2 80 9D); a doubled one has its first 0x9D two bytes in.
    let found = memchr::memchr2_iter(b'"', 0x9D, bytes).any(|at| {
        if bytes[at] == b'"' {
            bytes.get(at + 1) == Some(&b'"')
        } else {
            at >= 2 && bytes[at - 2..].starts_with(closing)
        }
    });
    debug_assert_eq!(found, text.contains("””") || text.contains("\"\""), "{text:?}");
    found
}

/// The non-ASCII characters of `text`, found by their lead bytes.
pub(crate) fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let next = at + first_non_ascii(&bytes[at..])?;
        let c = text[next..].chars().next()?;
        at = next + c.len_utf8();
        Some(c)
    })
}

/// Offset of the first byte of `bytes` that is not ASCII. Articles are mostly ASCII between
/// their dashes and accented names, so whole blocks are skipped with `is_ascii`, which tests
/// a word at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 32;
    let skipped = bytes.chunks_exact(BLOCK).take_while(|block| block.is_ascii()).count() * BLOCK;
    bytes[skipped..].iter().position(|&b| b >= 0x80).map(|p| skipped + p)
}

/// Two closing quotes between letters or digits stand for a lost em dash. Neighbours are
/// judged on the input, so `a""b""c` becomes `a—b—c` in one pass.
fn doubled_quotes_to_dash(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_pair = |i: usize| i + 1 < chars.len() && matches!((chars[i], chars[i + 1]), ('”', '”') | ('"', '"'));
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if i > 0 && is_pair(i) && word(chars[i - 1]) && chars.get(i + 2).is_some_and(|&c| word(c)) {
            out.push('—');
            i += 2;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Collapses whitespace runs (except tabs, which mark columns) to one space and trims.
/// Works on bytes: runs of other characters are copied whole, and a character is decoded
/// only where its lead byte can start a non-ASCII space (U+0085 … U+3000).
pub fn squash_spaces(text: &str) -> String {
    squash_spaces_cow(text).into_owned()
}

/// [`squash_spaces`], borrowing `text` (trimmed) when that is all it changes: a caller that
/// only compares the result need not copy the many values that are squashed already.
pub(crate) fn squash_spaces_cow(text: &str) -> Cow<'_, str> {
    // Whitespace at either end never reaches the result; trimmed first, the many lines that
    // only have a newline or an indent at their ends (HTML text nodes) take the fast path.
    let text = text.trim();
    if is_squashed(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(squash_spaces_walk(text))
}

/// [`squash_spaces`] of trimmed text that is not squashed already.
fn squash_spaces_walk(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Start of the stretch being copied verbatim: words with single plain spaces between.
    let mut copy_from: Option<usize> = None;
    // Whether the gap since the last word holds a tab (which wins over spaces).
    let mut pending_tab = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (width, space) = if !may_start_space(b) {
            (1, None)
        } else if b == b' ' && copy_from.is_some() && bytes.get(i + 1).is_some_and(|&n| !may_start_space(n)) {
            // One plain space between words stays inside the stretch.
            i += 1;
            continue;
        } else {
            // `Some(is_tab)` for whitespace.
            let (width, space) = space_at(text, i);
            (width, space.then_some(b == b'\t'))
        };
        match space {
            Some(tab) => {
                if let Some(from) = copy_from.take() {
                    out.push_str(&text[from..i]);
                }
                pending_tab |= tab;
            }
            None if copy_from.is_none() => {
                if !out.is_empty() {
                    out.push(if pending_tab { '\t' } else { ' ' });
                }
                pending_tab = false;
                copy_from = Some(i);
            }
            None => {}
        }
        i += width;
    }
    if let Some(from) = copy_from {
        out.push_str(&text[from..]);
    }
    out
}

/// `text.split_whitespace().count()`, on bytes: a character is decoded only where its lead
/// byte can start a non-ASCII space. Every unit of every article is counted.
pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    // 0x80 when the byte before `i` is whitespace or there is none, else 0: the high bit of
    // the byte before the next eight, as `space << 8` gives it for the bytes within them. A
    // word starts at each non-space byte after a space.
    let mut after_space: u64 = 0x80;
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at a time, over exact chunks (no bounds check per word).
        for chunk in bytes[i..].chunks_exact(8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH_BITS != 0 {
                break;
            }
            let space = ascii_space_bits(x);
            words += count_high_bits(((space << 8) | after_space) & !space);
            after_space = space >> 56;
            i += 8;
        }
        if i == bytes.len() {
            break;
        }
        // A non-ASCII character, or one of the last few bytes.
        let (width, space) = space_at(text, i);
        if space {
            after_space = 0x80;
        } else {
            words += (after_space >> 7) as usize;
            after_space = 0;
        }
        i += width;
    }
    words
}

/// The number of bytes of `marks` with their high bit set, `marks` having no other bits:
/// shifted down they are ones and zeros, and one multiplication adds them up in the top byte
/// (at most 8, so nothing carries out). `count_ones` is a library loop on baseline x86-64,
/// without the `popcnt` instruction, and took 40% of the count.
fn count_high_bits(marks: u64) -> usize {
    debug_assert_eq!(marks & !HIGH_BITS, 0);
    ((marks >> 7).wrapping_mul(every_byte(1)) >> 56) as usize
}

/// Whether `text` opens with `prefix`, ASCII case ignored.
#[inline]
pub(crate) fn starts_with_ignore_ascii_case(text: &[u8], prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether [`squash_spaces`] would return `text` unchanged: no whitespace at either end and
/// none inside but single plain spaces. Most lines are so; vectorised searches tell, and only
/// non-ASCII characters are decoded.
fn is_squashed(text: &str) -> bool {
    let blank = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if blank(text.chars().next()) || blank(text.chars().next_back()) {
        return false;
    }
    // Five vectorised searches cost more to set up than a short value takes to walk.
    if text.len() <= SHORT {
        let squashed = single_spaces_only(text);
        debug_assert_eq!(squashed, single_spaces_by_search(text), "{text:?}");
        return squashed;
    }
    single_spaces_by_search(text)
}

/// Texts up to this long are checked by one walk rather than by searches.
const SHORT: usize = 64;

/// Built once: building a searcher for each value cost about as much as its search.
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Whether every whitespace character of `text` is a plain space and no two are adjacent,
/// by searches: no ASCII space but `' '`, no `"  "`, no non-ASCII whitespace.
fn single_spaces_by_search(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(0x0B, 0x0C, bytes).is_none()
        && DOUBLE_SPACE.find(bytes).is_none()
        && !non_ascii_chars(text).any(char::is_whitespace)
}

/// [`single_spaces_by_search`] in one walk, eight ASCII bytes at a time: the whitespace
/// bytes must be plain spaces, none after another.
fn single_spaces_only(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut after_space = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(x) = ascii_word_at(bytes, i) {
            let space = ascii_space_bits(x);
            let plain = !((x ^ every_byte(b' ')) + every_byte(0x7F)) & HIGH_BITS;
            if space != plain || plain & ((plain << 8) | (u64::from(after_space) << 7)) != 0 {
                return false;
            }
            after_space = plain >> 63 != 0;
            i += 8;
            continue;
        }
        let (width, space) = space_at(text, i);
        if space && (bytes[i] != b' ' || after_space) {
            return false;
        }
        after_space = space;
        i += width;
    }
    true
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `i` as one word, when there are eight and all are ASCII: the walks that
/// go a word at a time decode characters only where this fails.
#[inline]
fn ascii_word_at(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i + 8)?;
    let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    (x & HIGH_BITS == 0).then_some(x)
}

/// `b` in every byte of a word.
const fn every_byte(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// For eight ASCII bytes `x`, the high bit of each byte that is whitespace (`' '` or
/// `'\t'..='\r'`, the ASCII characters `char::is_whitespace` accepts). Bytes below 0x80 plus
/// at most 0x7F never carry into the next byte, so each byte is tested on its own.
fn ascii_space_bits(x: u64) -> u64 {
    let not_blank = (x ^ every_byte(b' ')) + every_byte(0x7F);
    let at_least_tab = x + every_byte(0x80 - b'\t');
    let past_cr = x + every_byte(0x80 - b'\r' - 1);
    (!not_blank | at_least_tab & !past_cr) & HIGH_BITS
}

/// The width of the character at byte `i` of `text` and whether it is whitespace; it is
/// decoded only when its lead byte can start a space.
#[inline(always)]
pub(crate) fn space_at(text: &str, i: usize) -> (usize, bool) {
    let b = text.as_bytes()[i];
    if !may_start_space(b) {
        (1, false)
    } else if b < 0x80 {
        (1, true)
    } else {
        let c = text[i..].chars().next().unwrap_or('x');
        (c.len_utf8(), c.is_whitespace())
    }
}

/// Whether a character starting with byte `b` may be whitespace: ASCII spaces, and the lead
/// bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
fn may_start_space(b: u8) -> bool {
    matches!(b, b'\t' | b' ' | b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-by-character definitions the byte-level fast paths must agree with.
    mod reference {
        use super::super::*;

        pub fn squash_spaces(text: &str) -> String {
            let mut out = String::new();
            let (mut space, mut tab) = (false, false);
            for c in text.chars() {
                if c == '\t' {
                    tab = true;
                } else if c.is_whitespace() {
                    space = true;
                } else {
                    if !out.is_empty() && (tab || space) {
                        out.push(if tab { '\t' } else { ' ' });
                    }
                    (space, tab) = (false, false);
                    out.push(c);
                }
            }
            out
        }

        pub fn clean_text(text: &str) -> String {
            let changes = |c: char| is_invisible(c) || is_odd_space(c) || (c.is_control() && c != '\n' && c != '\t');
            let mapped: String =
                text.chars().filter(|&c| !is_invisible(c)).map(|c| if changes(c) { ' ' } else { c }).collect();
            let out: String = mapped.nfc().collect();
            if out.contains("””") || out.contains("\"\"") { doubled_quotes_to_dash(&out) } else { out }
        }
    }

    /// Text dense in what the fast paths look at: spaces of every kind, controls, lead bytes
    /// of spaces and of mojibake, combining marks, quotes.
    fn dense() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\u{0B}",
            "\u{0C}",
            "\u{1F}",
            "\u{7F}",
            "\u{85}",
            "\u{A0}",
            "\u{1680}",
            "\u{2002}",
            "\u{200B}",
            "\u{2028}",
            "\u{202F}",
            "\u{3000}",
            "\u{AD}",
            "\u{FEFF}",
            "°",
            "é",
            "e\u{301}",
            "\u{301}\u{327}",
            "Ã",
            "Ã³",
            "Â©",
            "â€™",
            "â€",
            "ô€",
            "’",
            "—",
            "”",
            "\"",
            "a",
            "Zoë",
            "音楽",
            "ﬁ",
        ]);
        prop_oneof![any::<String>(), prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// Non-ASCII characters found block by block are those a walk over characters finds.
        #[test]
        fn non_ascii_chars_are_the_non_ascii_characters(prefix in "[a-z ]{0,70}", s in dense()) {
            let text = format!("{prefix}{s}");
            let found: String = non_ascii_chars(&text).collect();
            let expected: String = text.chars().filter(|c| !c.is_ascii()).collect();
            prop_assert_eq!(found, expected);
        }

        /// The walk for short values answers as the searches do.
        #[test]
        fn single_spaces_walk_agrees_with_searches(prefix in "[a-z ]{0,12}", s in dense()) {
            let text = format!("{prefix}{s}");
            prop_assert_eq!(single_spaces_only(&text), single_spaces_by_search(&text));
        }

        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(s in dense()) {
            prop_assert_eq!(count_words(&s), s.split_whitespace().count());
        }

        /// Long ASCII stretches, counted eight bytes at a time, around non-ASCII pieces.
        #[test]
        fn words_in_ascii_stretches_are_counted_as_split_whitespace_counts_them(
            parts in prop::collection::vec(("[\x00-\x7F]{0,40}", dense()), 0..4)
        ) {
            let s: String = parts.into_iter().map(|(a, d)| a + &d).collect();
            prop_assert_eq!(count_words(&s), s.split_whitespace().count());
        }

        #[test]
        fn squash_spaces_of_ascii_stretches_agrees_with_its_definition(
            parts in prop::collection::vec(("[a-z \t\n]{0,30}", dense()), 0..4)
        ) {
            let s: String = parts.into_iter().map(|(a, d)| a + &d).collect();
            prop_assert_eq!(squash_spaces(&s), reference::squash_spaces(&s));
        }

        #[test]
        fn squash_spaces_agrees_with_its_definition(s in dense()) {
            prop_assert_eq!(squash_spaces(&s), reference::squash_spaces(&s));
        }

        #[test]
        fn clean_text_agrees_with_its_definition(s in dense()) {
            prop_assert_eq!(clean_text(&s), reference::clean_text(&s));
        }

        /// The search for either quote's last byte finds what the two substring searches find.
        #[test]
        fn doubled_quotes_are_found_as_the_substring_searches_find_them(s in dense()) {
            prop_assert_eq!(has_doubled_quotes(&s), s.contains("””") || s.contains("\"\""));
        }

        /// The byte gate never hides a sequence the regex would repair.
        #[test]
        fn mojibake_gate_lets_every_match_through(s in dense()) {
            prop_assert!(may_hold_mojibake(&s) || !MOJIBAKE.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn repairs_utf8_read_as_cp1252() {
        assert_eq!(repair_mojibake("JÃ³hann JÃ³hannsson"), "Jóhann Jóhannsson");
        assert_eq!(repair_mojibake("donâ€™t"), "don’t");
        assert_eq!(repair_mojibake("GuÃ°nadÃ³ttir"), "Guðnadóttir");
    }

    #[test]
    fn leaves_real_accents_alone() {
        for s in ["São Paulo", "Jóhannsson", "Varèse Sarabande", "naïve", "Ärger über"] {
            assert_eq!(repair_mojibake(s), s);
        }
    }

    #[test]
    fn doubled_quotes_between_words_become_a_dash() {
        assert_eq!(clean_text("music””they are"), "music—they are");
        assert_eq!(clean_text("he said ”” then"), "he said ”” then");
    }

    #[test]
    fn odd_spaces_and_invisibles() {
        assert_eq!(clean_text("a\u{00A0}b\u{200B}c"), "a bc");
    }

    #[test]
    fn squash_keeps_tabs_as_columns() {
        assert_eq!(squash_spaces("  a   b \t c  "), "a b\tc");
    }

    #[test]
    fn squashed_text_is_recognised() {
        assert!(is_squashed("Jóhann Jóhannsson – Arrival (2016)"));
        assert!(is_squashed(""));
        for s in [" a", "a ", "a  b", "a\tb", "a\nb", "a\u{0B}b", "a\u{A0}b", "a\u{2003}b", "\u{3000}a"] {
            assert!(!is_squashed(s), "{s:?}");
        }
    }

    #[test]
    fn ascii_space_bits_mark_exactly_the_whitespace_bytes() {
        for b in 0u8..0x80 {
            let x = u64::from_le_bytes([b'a', b, b'a', b'a', b'a', b'a', b'a', b]);
            let expected = if (b as char).is_whitespace() { 0x8000_0000_0000_8000 } else { 0 };
            assert_eq!(ascii_space_bits(x), expected, "byte {b:#04x}");
        }
    }
}
