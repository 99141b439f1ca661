//! Matching keys. A key is a string that two spellings of one thing share; it is used to
//! compare and group, never shown as a value. Every key here is idempotent (`k(k(s)) == k(s)`)
//! and total on any Unicode input (see `tests/normalize_props.rs`); `docs/keys.md` lists them.
//!
//! [`fold`] is the base of all keys, in the spirit of OpenRefine's fingerprint: NFKD,
//! diacritics dropped, lower case, `&` read as "and", apostrophes joined, every run of other
//! punctuation or space one space. Title keys live in [`super::titles`], label keys in
//! [`super::labels`].

use std::sync::atomic::{AtomicU8, Ordering};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-case, diacritic-free, punctuation-free form of `s` with single spaces.
/// `"Jóhann  Jóhannsson!"` → `"johann johannsson"`, `"Simon & Garfunkel"` →
/// `"simon and garfunkel"`, `"Schindler’s"` → `"schindlers"`. Curly and straight quotes fold
/// alike. Idempotent.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Writes the [`fold`] of `s` into `out`, replacing what it held: lookups reuse one buffer
/// instead of allocating a `String` per call.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    let bytes = s.as_bytes();
    // A lead of plain words (ASCII letters and digits, one space apart), the whole of most
    // folded names, folds to itself lower-cased: it is copied in one go and [`fold_walk`],
    // a dozen instructions a byte, takes up after it.
    let lead = plain_lead(bytes);
    out.push_str(&s[..lead]);
    out.make_ascii_lowercase();
    fold_walk(s, lead, out);
}

/// Folds `s` from byte `at` on into `out`, with no space pending.
fn fold_walk(s: &str, mut at: usize, out: &mut String) {
    let bytes = s.as_bytes();
    let mut space = false;
    while at < bytes.len() {
        let b = bytes[at];
        // ASCII, most of any text, is read as bytes and handled here as in `fold_char`,
        // without decoding or a call per character.
        if b.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(char::from(b.to_ascii_lowercase()));
            at += 1;
            continue;
        }
        if b.is_ascii() {
            // ASCII punctuation and spaces: no combining mark, letter or digit among them.
            match b {
                b'&' => fold_char('&', out, &mut space),
                b'\'' | b'`' => {}
                _ => space = true,
            }
            at += 1;
            continue;
        }
        // Other characters are decomposed one by one, which equals NFKD of the whole text
        // once combining marks are dropped.
        let ch = s[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        match fold_effect(ch) {
            Some(Effect::Letter(b)) => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(b));
            }
            Some(Effect::Nothing) => {}
            Some(Effect::Space) => space = true,
            None => {
                for c in std::iter::once(ch).nfkd() {
                    fold_char(c, out, &mut space);
                }
            }
        }
        at += ch.len_utf8();
    }
}

/// What folding a character does, for the characters [`fold_effect`] knows: it folds as an
/// ASCII letter or digit would (that byte, lower-case: `é`, `Ñ`), or leaves the fold as it
/// was (`’`), or only puts a space before what follows (`“`, `—`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Effect {
    Letter(u8),
    Nothing,
    Space,
}

/// Table codes besides letters: a letter or digit is its own byte, never 0, 1 or 2.
const UNKNOWN: u8 = 0;
const NOTHING: u8 = 1;
const SPACE: u8 = 2;

/// The characters tabled: Latin-1 letters with Latin Extended-A and -B, and general
/// punctuation (quotes, dashes, spaces), which articles' names and titles are full of.
const LATIN: std::ops::Range<u32> = 0xC0..0x250;
const PUNCTUATION: std::ops::Range<u32> = 0x2000..0x2070;

/// The [`Effect`] of folding each tabled character as a table code, worked out on its first
/// fold by folding it after every state the walk can be in (text or none before it, a space
/// pending or not) and comparing: decomposing each of them cost about 130 instructions.
/// Worked out per character rather than for the whole table at once (about 3 M instructions,
/// a fixed cost on small runs): a text meets a few dozen of them. The code is a pure function
/// of the character, so threads that work one out at once store the same value.
static EFFECTS: [[AtomicU8; TABLED]; 2] = [const { [const { AtomicU8::new(UNSET) }; TABLED] }; 2];

/// The size of each table, the longer of the two ranges.
const TABLED: usize = 0x190;

const _: () =
    assert!((LATIN.end - LATIN.start) as usize <= TABLED && (PUNCTUATION.end - PUNCTUATION.start) as usize <= TABLED);

/// A table entry not worked out yet.
const UNSET: u8 = 0xFF;

/// The table code of character `code`, by folding it in every state.
fn tabled_effect(code: u32) -> u8 {
    let Some(c) = char::from_u32(code) else { return UNKNOWN };
    // The fold after `before` with a space pending or not, then after `c`.
    let fold_after = |before: &str, space: bool, c: char| {
        let (mut out, mut space) = (before.to_string(), space);
        for d in std::iter::once(c).nfkd() {
            fold_char(d, &mut out, &mut space);
        }
        (out, space)
    };
    let states = [("", false), ("", true), ("x", false), ("x", true)];
    let acts_as = |effect: &dyn Fn(&str, bool) -> (String, bool)| {
        states.iter().all(|&(before, space)| fold_after(before, space, c) == effect(before, space))
    };
    let (alone, _) = fold_after("", false, c);
    if let &[b] = alone.as_bytes()
        && b.is_ascii_alphanumeric()
        && acts_as(&|before, space| fold_after(before, space, char::from(b)))
    {
        b
    } else if acts_as(&|before, space| (before.to_string(), space)) {
        NOTHING
    } else if acts_as(&|before, _| (before.to_string(), true)) {
        SPACE
    } else {
        UNKNOWN
    }
}

/// What folding `c` does, when it is a tabled character with a simple effect.
#[inline]
fn fold_effect(c: char) -> Option<Effect> {
    let code = c as u32;
    let (table, at) = if LATIN.contains(&code) {
        (&EFFECTS[0], code - LATIN.start)
    } else if PUNCTUATION.contains(&code) {
        (&EFFECTS[1], code - PUNCTUATION.start)
    } else {
        return None;
    };
    let entry = &table[at as usize];
    let code = match entry.load(Ordering::Relaxed) {
        UNSET => {
            let code = tabled_effect(c as u32);
            entry.store(code, Ordering::Relaxed);
            code
        }
        code => code,
    };
    match code {
        UNKNOWN => None,
        NOTHING => Some(Effect::Nothing),
        SPACE => Some(Effect::Space),
        b => Some(Effect::Letter(b)),
    }
}

/// The length of the longest lead of `bytes` that is ASCII letters and digits in words one
/// plain space apart, ending in a letter or digit: the walk in [`fold_into`] would write it
/// lower-cased and leave no space pending.
fn plain_lead(bytes: &[u8]) -> usize {
    // Where the last word read ends; a space is passed only straight after a word.
    let (mut end, mut at) = (0, 0);
    while let Some(&b) = bytes.get(at) {
        match PLAIN_CLASS[usize::from(b)] {
            PLAIN_WORD => {
                at += 1;
                end = at;
            }
            PLAIN_SPACE if end == at && at > 0 => at += 1,
            _ => break,
        }
    }
    end
}

/// [`plain_lead`]'s classes of bytes, looked up rather than compared range by range.
const PLAIN_WORD: u8 = 1;
const PLAIN_SPACE: u8 = 2;
static PLAIN_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = if (b as u8).is_ascii_alphanumeric() {
            PLAIN_WORD
        } else if b == b' ' as usize {
            PLAIN_SPACE
        } else {
            0
        };
        b += 1;
    }
    class
};

/// Calls `f` with the [`fold`] of `s`, folded into a buffer kept per thread (a nested call
/// falls back to a fresh `String`). For lookups that only need the folded text for a moment.
pub fn with_fold<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            fold_into(s, &mut buf);
            f(&buf)
        }
        Err(_) => f(&fold(s)),
    })
}

/// A set of folded keys, used only for membership: hashed with FxHash rather than SipHash,
/// which cost more than the lookups' folds. Never iterated, so its order cannot reach any
/// output.
pub type FoldSet = crate::fast_hash::FastSet<String>;

/// Appends the fold of one decomposed character; `space` carries a pending separator.
fn fold_char(c: char, out: &mut String, space: &mut bool) {
    if c.is_ascii_alphanumeric() {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    if c == '&' {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str("and");
        *space = true;
        return;
    }
    // Apostrophes join ("Schindler’s" → "schindlers") rather than split.
    if matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´') {
        return;
    }
    if c.is_alphanumeric() {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        // A lower-case form may decompose further (rare compatibility letters), so it goes
        // through NFKD again to keep the fold idempotent.
        for l in c.to_lowercase().flat_map(|l| std::iter::once(l).nfkd()) {
            if let Some(ascii) = transliterate(l) {
                out.push_str(ascii);
            } else if !is_combining_mark(l) && l.is_alphanumeric() {
                out.push(l);
            }
        }
    } else {
        *space = true;
    }
}

/// Latin letters that carry no combining mark to drop, so NFKD leaves them whole
/// (`Guðnadóttir` = `Gudnadottir`, `Sørensen` = `Sorensen`).
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ð' | 'đ' => "d",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}

/// OpenRefine's fingerprint key: the folded words, de-duplicated and sorted, so word order
/// and repeated words do not matter. `"Where Art Thou, O Brother"` and `"O Brother, Where
/// Art Thou?"` share `"art brother o thou where"`. Blocking uses it to find reordered titles.
pub fn fingerprint(s: &str) -> String {
    let folded = fold(s);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

/// The folded string without spaces: `"Spider-Man"`, `"Spiderman"` and `"SPIDER MAN"` all
/// give `"spiderman"`; `"E.T."` and `"ET"` give `"et"`.
pub fn compact(s: &str) -> String {
    fold(s).replace(' ', "")
}

/// Key for a person or group name: the fold (`"Jóhannsson"` = `"Johannsson"`,
/// `"Marius De Vries"` = `"Marius de Vries"`).
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
        assert_eq!(fold("Schindler's List"), "schindlers list");
        assert_eq!(fold("Nausicaä"), "nausicaa");
        assert_eq!(fold("Hildur Guðnadóttir"), "hildur gudnadottir");
        assert_eq!(fold("Søren STRAẞE"), "soren strasse");
        assert_eq!(fold("Plain  Words 2"), "plain words 2");
    }

    /// The fold as it was written before plain leads were copied whole: the walk alone.
    fn fold_by_walk(s: &str) -> String {
        let mut out = String::new();
        fold_walk(s, 0, &mut out);
        out
    }

    /// The fold as one `fold_char` call per decomposed character, the definition the
    /// inlined letter-and-digit case must agree with.
    fn fold_by_chars(s: &str) -> String {
        let (mut out, mut space) = (String::new(), false);
        for c in s.chars().flat_map(|ch| std::iter::once(ch).nfkd()) {
            fold_char(c, &mut out, &mut space);
        }
        out
    }

    /// Every tabled character, between letters, spaces and punctuation, folds as the
    /// characters decomposed one by one do.
    #[test]
    fn tabled_characters_fold_as_their_decompositions() {
        for c in LATIN.chain(PUNCTUATION).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("a{c}b"), format!("x {c}"), format!("x-{c} y"), format!("{c}{c}\u{301}")]
            {
                assert_eq!(fold(&s), fold_by_chars(&s), "{s:?}");
            }
        }
        assert_eq!(fold_effect('é'), Some(Effect::Letter(b'e')));
        assert_eq!(fold_effect('Ñ'), Some(Effect::Letter(b'n')));
        assert_eq!(fold_effect('’'), Some(Effect::Nothing));
        assert_eq!(fold_effect('—'), Some(Effect::Space));
        assert_eq!(fold_effect('ø'), Some(Effect::Letter(b'o')));
        assert_eq!(fold_effect('æ'), None);
        assert_eq!(fold_effect('…'), Some(Effect::Space));
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_with_folding_char_by_char(s in "[\t\n -~éßØ’ʼ&\u{301}\u{2167}\u{a0}]{0,30}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_chars(&s));
        }

        #[test]
        fn fold_agrees_with_folding_char_by_char_on_any_text(s in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(fold(&s), fold_by_chars(&s));
        }

        /// The plain-lead copy against the walk alone, on any text and on texts of plain
        /// words, spaces and the characters that end a plain lead.
        #[test]
        fn fold_agrees_with_the_walk(s in proptest::prelude::any::<String>(), t in "[ aZ09.&'’é\u{301}\u{2167}\t]{0,24}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_walk(&s));
            proptest::prop_assert_eq!(fold(&t), fold_by_walk(&t));
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_into_and_with_fold_give_the_fold(s in proptest::prelude::any::<String>(), junk in "[a-z ]{0,8}") {
            let mut buf = junk;
            fold_into(&s, &mut buf);
            proptest::prop_assert_eq!(&buf, &fold(&s));
            let nested = with_fold(&s, |f| (f.to_string(), with_fold(&variant(&s), str::to_string)));
            proptest::prop_assert_eq!(nested.0, fold(&s));
            proptest::prop_assert_eq!(nested.1, fold(&variant(&s)));
        }
    }

    fn variant(s: &str) -> String {
        format!("{s} X")
    }

    #[test]
    fn fingerprint_ignores_order_and_repeats() {
        assert_eq!(fingerprint("O Brother, Where Art Thou?"), fingerprint("where art thou o brother"));
        assert_eq!(fingerprint("New York, New York"), "new york");
    }

    #[test]
    fn compact_ignores_spacing() {
        assert_eq!(compact("Spider-Man"), compact("Spiderman"));
        assert_eq!(compact("E.T."), "et");
    }

    #[test]
    fn name_key_folds_diacritics_and_particles_case() {
        assert_eq!(name_key("Jóhann Jóhannsson"), name_key("Johann Johannsson"));
        assert_eq!(name_key("Marius De Vries"), name_key("Marius de Vries"));
    }
}
