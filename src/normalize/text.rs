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
    if text.is_ascii() || !MOJIBAKE.is_match(text) {
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
    // Characters are mapped before NFC so that removing an invisible character can never
    // leave a sequence that a second pass would compose.
    let changes = |c: char| is_invisible(c) || is_odd_space(c) || (c.is_control() && c != '\n' && c != '\t');
    // Most text has nothing to map: its bytes are checked without decoding where they are ASCII.
    let clean = text.bytes().all(|b| b >= 0x20 && b != 0x7F || b == b'\n' || b == b'\t' || b >= 0x80)
        && (text.is_ascii() || !text.chars().any(changes));
    let mapped: String = if clean {
        text.to_string()
    } else {
        text.chars().filter(|&c| !is_invisible(c)).map(|c| if changes(c) { ' ' } else { c }).collect()
    };
    // ASCII text is already NFC, and so is text the quick check passes.
    let nfc = mapped.is_ascii() || is_nfc_quick(mapped.chars()) == IsNormalized::Yes;
    let out: String = if nfc { mapped } else { mapped.nfc().collect() };
    if out.contains("””") || out.contains("\"\"") { doubled_quotes_to_dash(&out) } else { out }
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
pub fn squash_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut pending_tab = false;
    for c in text.chars() {
        if c == '\t' {
            pending_tab = true;
        } else if c.is_whitespace() {
            pending_space = true;
        } else {
            if !out.is_empty() {
                if pending_tab {
                    out.push('\t');
                } else if pending_space {
                    out.push(' ');
                }
            }
            pending_space = false;
            pending_tab = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
