//! Display cleaning of one field value (a title, a name, a label): the text repairs of
//! [`super::text`] plus the trimming a value needs once it has been cut out of a sentence.
//! Display values keep the article's spelling, curly quotes and diacritics; only keys fold them.

use std::borrow::Cow;

use super::text::{clean_text_cow, repair_mojibake, squash_spaces_cow};

/// Quote pairs that may wrap a whole value (`“Jaws”`, `"Jaws"`, `«Jaws»`).
const QUOTE_PAIRS: [(char, char); 7] =
    [('“', '”'), ('"', '"'), ('‘', '’'), ('\'', '\''), ('«', '»'), ('„', '“'), ('”', '”')];

/// Punctuation that belongs to the sentence a value was cut from, not to the value.
/// (`!`, `?` and `.` stay: `Moulin Rouge!`, `Super Mario Bros.`.)
fn is_sentence_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '·' | '|')
}

/// Removes quote marks that wrap the whole value, repeatedly (`“'Jaws'”` → `Jaws`).
/// A quote inside the value (`Schindler’s List`, `"Weird Al" Yankovic`) is kept.
pub fn strip_wrapping_quotes(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let mut chars = s.chars();
        let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
            return s;
        };
        let wraps = QUOTE_PAIRS.iter().any(|&(open, close)| first == open && last == close);
        let inner = &s[first.len_utf8()..s.len() - last.len_utf8()];
        // `"A" and "B"` is not wrapped: the inner text holds the closing mark of the opener.
        if !wraps || inner.contains(last) || inner.trim().is_empty() {
            return s;
        }
        s = inner.trim();
    }
}

/// Trims spaces, wrapping quotes and trailing sentence punctuation. Idempotent.
pub fn trim_value(s: &str) -> &str {
    if nothing_to_trim(s) {
        debug_assert_eq!(trim_value_loop(s), s);
        return s;
    }
    trim_value_loop(s)
}

/// Whether [`trim_value`] leaves `s` as it is, from its two end characters alone: neither is
/// whitespace, the first is no opening quote and none of `,;|`, the last no sentence
/// punctuation. Most values are so, and each is trimmed several times.
fn nothing_to_trim(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    !first.is_whitespace()
        && !last.is_whitespace()
        && !matches!(first, ',' | ';' | '|')
        && !QUOTE_PAIRS.iter().any(|&(open, _)| first == open)
        && !is_sentence_punct(last)
}

fn trim_value_loop(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s.len();
        s = strip_wrapping_quotes(s);
        s = s.trim_end_matches(|c: char| is_sentence_punct(c) || c.is_whitespace());
        s = s.trim_start_matches(|c: char| matches!(c, ',' | ';' | '|') || c.is_whitespace());
        if s.len() == before {
            return s;
        }
    }
}

/// The display form of a field value: mojibake repaired, NFC, odd spaces and invisible
/// characters gone, one space between words, no wrapping quotes or trailing sentence
/// punctuation. Runs to a fixpoint, so it is idempotent.
pub fn clean_field(raw: &str) -> String {
    clean_field_settled(raw).0
}

/// [`clean_field`], and whether the result is settled: cleaning it again returns it
/// unchanged (false only when the passes ran out, which no real value does).
pub(crate) fn clean_field_settled(raw: &str) -> (String, bool) {
    if is_clean_ascii(raw) {
        debug_assert_eq!(clean_field_passes(raw).0, raw, "a plain value is not clean");
        return (raw.to_string(), true);
    }
    clean_field_passes(raw)
}

/// [`clean_field`], and whether [`repaired`] holds of `raw` and the result. A plain value
/// (most are) is its own cleaning, and squashing and trimming it change nothing, so neither
/// question needs a second look at it.
pub(crate) fn clean_field_repaired(raw: &str) -> (String, bool) {
    if is_clean_ascii(raw) {
        debug_assert_eq!(clean_field_passes(raw).0, raw, "a plain value is not clean");
        debug_assert!(!repaired(raw, raw), "{raw:?}");
        return (raw.to_string(), false);
    }
    let cleaned = clean_field_passes(raw).0;
    let changed = repaired(raw, &cleaned);
    (cleaned, changed)
}

/// Whether `raw` is printable ASCII that every repair of [`clean_field`] leaves as it is:
/// ASCII holds no mojibake, invisible character or unnormalised sequence, so only spacing,
/// doubled quotes (a lost dash) and trimming could change it. Most names and titles are so,
/// and each is cleaned several times.
fn is_clean_ascii(raw: &str) -> bool {
    // One walk over the pairs: searching for each pair costs more to set up than a value
    // takes to walk.
    let bytes = raw.as_bytes();
    bytes.iter().all(|b| (b' '..=b'~').contains(b))
        && !bytes.windows(2).any(|w| w == b"  " || w == b"\"\"")
        && trim_value(raw).len() == raw.len()
}

/// The passes to a fixpoint, and whether one was reached.
fn clean_field_passes(raw: &str) -> (String, bool) {
    let mut current = raw.to_string();
    // Each pass either changes nothing or repairs mojibake (shortening the text) or trims.
    for _ in 0..16 {
        match clean_pass(&current) {
            None => return (current, true),
            Some(next) => current = next,
        }
    }
    (current, false)
}

/// One pass of the repairs, `None` when it leaves `current` as it is. The steps borrow
/// where they change nothing, so a clean value is not copied five times to find that out.
fn clean_pass(current: &str) -> Option<String> {
    let repaired = repair_mojibake(current);
    let text = clean_text_cow(&repaired);
    let squashed = squash_spaces_cow(&text);
    let cleaned: Cow<'_, str> =
        if squashed.contains('\t') { Cow::Owned(squashed.replace('\t', " ")) } else { Cow::Borrowed(&squashed) };
    let next = trim_value(&cleaned);
    (next != current).then(|| next.to_string())
}

/// Whether `cleaned` differs from `raw` by more than spacing and wrapping punctuation, i.e.
/// a repair (mojibake, casing, splitting) changed it and the raw value is worth keeping.
pub fn repaired(raw: &str, cleaned: &str) -> bool {
    trim_value(&squash_spaces_cow(raw)) != cleaned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_quotes_go_inner_quotes_stay() {
        assert_eq!(strip_wrapping_quotes("“Jaws”"), "Jaws");
        assert_eq!(strip_wrapping_quotes("\"'Jaws'\""), "Jaws");
        assert_eq!(strip_wrapping_quotes("Schindler’s List"), "Schindler’s List");
        assert_eq!(strip_wrapping_quotes("\"A\" and \"B\""), "\"A\" and \"B\"");
        assert_eq!(strip_wrapping_quotes("\"\""), "\"\"");
    }

    #[test]
    fn clean_field_repairs_and_trims() {
        assert_eq!(clean_field("  JÃ³hann\u{00A0}JÃ³hannsson, "), "Jóhann Jóhannsson");
        assert_eq!(clean_field("“Moulin Rouge!”;"), "Moulin Rouge!");
        assert_eq!(clean_field("Super Mario Bros."), "Super Mario Bros.");
        assert_eq!(clean_field("music””they"), "music—they");
    }

    #[test]
    fn plain_values_are_recognised() {
        assert!(is_clean_ascii("John Williams"));
        assert!(is_clean_ascii("Super Mario Bros."));
        for raw in [" Jaws", "Jaws,", "\"Jaws\"", "a  b", "a\tb", "say \"\"no", "Jóhann", "a\u{7F}b"] {
            assert!(!is_clean_ascii(raw), "{raw:?}");
        }
    }

    /// The passes as they were before each step borrowed what it did not change.
    fn clean_field_reference(raw: &str) -> String {
        use crate::normalize::text::{clean_text, squash_spaces};
        let mut current = raw.to_string();
        for _ in 0..16 {
            let repaired = repair_mojibake(&current);
            let cleaned = squash_spaces(&clean_text(&repaired)).replace('\t', " ");
            let next = trim_value(&cleaned).to_string();
            if next == current {
                break;
            }
            current = next;
        }
        current
    }

    proptest::proptest! {
        /// Values the end check passes are left as they are by the whole trim.
        #[test]
        fn nothing_to_trim_is_exact(raw in "([ \t,;:|·\"'“”‘’«»„a-z]|\u{A0}){0,8}") {
            if nothing_to_trim(&raw) {
                proptest::prop_assert_eq!(trim_value_loop(&raw), raw.as_str());
            }
        }

        /// Borrowing passes give what copying ones gave, on text dense in what they repair.
        #[test]
        fn passes_agree_with_the_reference(raw in "([ \t\n,;:|\"'“”‘’«»„a-zA-Z]|Ã³|Ã©|â€™|\u{A0}|\u{200B}|e\u{301}|””|\"\"){0,16}") {
            let (cleaned, settled) = clean_field_settled(&raw);
            proptest::prop_assert_eq!(&cleaned, &clean_field_reference(&raw));
            if settled {
                proptest::prop_assert_eq!(clean_field(&cleaned), cleaned);
            }
        }

        #[test]
        fn passes_agree_with_the_reference_on_any_text(raw in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(clean_field(&raw), clean_field_reference(&raw));
        }

        /// The plain-value shortcut gives what the passes give, on ASCII with every kind of
        /// punctuation and spacing the passes look at.
        #[test]
        fn the_shortcut_agrees_with_the_passes(raw in "[ -~\t\u{7F}]{0,24}") {
            proptest::prop_assert_eq!(clean_field(&raw), clean_field_passes(&raw).0);
        }
    }

    #[test]
    fn repaired_ignores_spacing_only() {
        assert!(!repaired("  “Jaws” ", "Jaws"));
        assert!(repaired("JÃ³hann", "Jóhann"));
    }
}
