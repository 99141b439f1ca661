//! Display cleaning of one field value (a title, a name, a label): the text repairs of
//! [`super::text`] plus the trimming a value needs once it has been cut out of a sentence.
//! Display values keep the article's spelling, curly quotes and diacritics; only keys fold them.

use super::text::{clean_text, repair_mojibake, squash_spaces};

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
    if is_clean_ascii(raw) {
        debug_assert_eq!(clean_field_passes(raw), raw, "a plain value is not clean");
        return raw.to_string();
    }
    clean_field_passes(raw)
}

/// Whether `raw` is printable ASCII that every repair of [`clean_field`] leaves as it is:
/// ASCII holds no mojibake, invisible character or unnormalised sequence, so only spacing,
/// doubled quotes (a lost dash) and trimming could change it. Most names and titles are so,
/// and each is cleaned several times.
fn is_clean_ascii(raw: &str) -> bool {
    raw.bytes().all(|b| (b' '..=b'~').contains(&b))
        && !raw.contains("  ")
        && !raw.contains("\"\"")
        && trim_value(raw).len() == raw.len()
}

fn clean_field_passes(raw: &str) -> String {
    let mut current = raw.to_string();
    // Each pass either changes nothing or repairs mojibake (shortening the text) or trims.
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

/// Whether `cleaned` differs from `raw` by more than spacing and wrapping punctuation, i.e.
/// a repair (mojibake, casing, splitting) changed it and the raw value is worth keeping.
pub fn repaired(raw: &str, cleaned: &str) -> bool {
    trim_value(&squash_spaces(raw)) != cleaned
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

    proptest::proptest! {
        /// The plain-value shortcut gives what the passes give, on ASCII with every kind of
        /// punctuation and spacing the passes look at.
        #[test]
        fn the_shortcut_agrees_with_the_passes(raw in "[ -~\t\u{7F}]{0,24}") {
            proptest::prop_assert_eq!(clean_field(&raw), clean_field_passes(&raw));
        }
    }

    #[test]
    fn repaired_ignores_spacing_only() {
        assert!(!repaired("  “Jaws” ", "Jaws"));
        assert!(repaired("JÃ³hann", "Jóhann"));
    }
}
