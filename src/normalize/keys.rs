//! Matching keys. `fold` is the base of all keys, in the spirit of OpenRefine's fingerprint:
//! NFKD, diacritics dropped, lower case, `&` read as "and", every run of punctuation or space
//! one space.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-case, diacritic-free, punctuation-free form of `s` with single spaces.
/// `"Jóhann  Jóhannsson!"` → `"johann johannsson"`. Idempotent.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c == '&' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("and");
            space = true;
            continue;
        }
        // Apostrophes join ("Schindler’s" → "schindlers") rather than split.
        if matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`') {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(l);
            }
        } else {
            space = true;
        }
    }
    out
}

/// Key for a work title: folded, without a leading article.
pub fn title_key(s: &str) -> String {
    let k = fold(s);
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = k.strip_prefix(article)
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    k
}

/// Key for a person or group name.
pub fn name_key(s: &str) -> String {
    fold(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_examples() {
        assert_eq!(fold("Jóhann  Jóhannsson!"), "johann johannsson");
        assert_eq!(fold("Simon & Garfunkel"), "simon and garfunkel");
        assert_eq!(fold("Schindler’s List"), "schindlers list");
    }

    #[test]
    fn title_key_drops_leading_article() {
        assert_eq!(title_key("The Graduate"), "graduate");
        assert_eq!(title_key("A Quiet Place"), "quiet place");
        assert_eq!(title_key("The"), "the");
    }
}
