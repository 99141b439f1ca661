//! Leading list numbers ("10.", "10)", "#10", "No. 10:", "10 –", "(10)", "Tenth:") and the
//! check that a set of them forms a ranking rather than stray numbers.

use std::sync::LazyLock;

use crate::re::Re;

/// How a number is written; entries of one list share a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Dot,
    Paren,
    Hash,
    No,
    Dash,
    Colon,
    Slash,
    ParenNumber,
    Ordinal,
    Bare,
    /// Roman numerals, "IV." or "IV)".
    Roman,
    /// A number and a middle dot or bar, "05 · Title".
    Dotted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enumerator {
    pub number: u32,
    pub style: Style,
    /// Byte length of the enumerator and the space after it.
    pub len: usize,
}

static PATTERNS: LazyLock<Vec<(Style, Re)>> = LazyLock::new(|| {
    let p = |s: &str| Re::new(s).expect("static regex");
    vec![
        (Style::Hash, p(r"^#\s?(\d{1,3})\b[.):]?(?:\s*[-–—:|]\s*|\s+)")),
        (
            Style::No,
            p(
                r"^(?i:no|n°|nº|n\.º|number|num|nr|numéro|número|nummer|platz|rank)\.?\s?(\d{1,3})\b[.):]?(?:\s*[-–—:|]\s*|\s+)",
            ),
        ),
        (Style::ParenNumber, p(r"^[(\[](\d{1,3})[)\]]\s*[-–—:.]?\s*")),
        // A lower-case word glued in front ("friday3. Friday") is image alt text.
        (Style::Dot, p(r"^(?:[a-z]{2,12})?(\d{1,3})\s?\.(?:\s*[-–—:]\s*|\s+)")),
        (Style::Paren, p(r"^(\d{1,3})\s?\)\s*")),
        (Style::Dash, p(r"^(\d{1,3})\s*[-–—]\s+")),
        (Style::Colon, p(r"^(\d{1,3})\s?:\s+")),
        (Style::Slash, p(r"^(\d{1,3})\s?/\s*")),
        (Style::Ordinal, p(r"^(\d{1,3})(?:st|nd|rd|th)\b[.:)]?(?:\s*[-–—:]\s*|\s+)")),
        (Style::Dotted, p(r"^(\d{1,3})\s*[·•|]\s+")),
    ]
});

static ORDINAL_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?i)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b\s*(?:place)?\s*[:.\-–—]\s*").expect("static regex")
});

/// "Number Ten: Title", "And at Number One: Title": a rank spelled out after "Number".
static NUMBER_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?i)(?:and\s+)?(?:at\s+)?(?:number|no\.?)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b\s*[:.\-–—]\s*").expect("static regex")
});

/// "10e place —", "1re place :", "2nd place:", "【第10位】": a place in words around the number.
static PLACE: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^(?i)(?:(\d{1,3})(?:e|er|re|ère|ème|st|nd|rd|th)?\s+place|【\s*第?\s*(\d{1,3})\s*位\s*】|第(\d{1,3})位)\s*[:.\-–—]?\s*").expect("static regex")
});

static ROMAN: LazyLock<Re> = LazyLock::new(|| Re::new(r"^([IVXL]{1,6})[.)]\s+").expect("static regex"));

/// The value of a Roman numeral up to 50, if well formed.
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Option<Vec<u32>> = s.chars().map(digit).collect();
    let values = values?;
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|n| n > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    (1..=50).contains(&total).then_some(total as u32)
}

static BARE: LazyLock<Re> = LazyLock::new(|| Re::new(r"^(\d{1,2})\s+[“\x22‘A-Z]").expect("static regex"));

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// The first three letters of each of [`ORDINALS`].
const ORDINAL_OPENINGS: [[u8; 3]; 12] =
    [*b"fir", *b"sec", *b"thi", *b"fou", *b"fif", *b"six", *b"sev", *b"eig", *b"nin", *b"ten", *b"ele", *b"twe"];

/// "06:12 – #5: Title": a podcast's timestamp before the rank.
static TIMESTAMP: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^\[?(?:\d{1,2}:)?\d{1,2}:\d{2}\]?\s*[-–—|]?\s+").expect("static regex"));

/// The enumerator at the start of `text`, if any, after a timestamp.
pub fn parse(text: &str) -> Option<Enumerator> {
    // A timestamp opens with a bracket or a digit (an ASCII one, or a non-ASCII `\d`).
    let may_open_timestamp = text.as_bytes().first().is_some_and(|&b| b == b'[' || b.is_ascii_digit() || !b.is_ascii());
    debug_assert!(may_open_timestamp || TIMESTAMP.find(text).is_none(), "{text:?}");
    if may_open_timestamp && let Some(ts) = TIMESTAMP.find(text) {
        let e = parse_number(&text[ts.end()..])?;
        return Some(Enumerator { len: ts.end() + e.len, ..e });
    }
    parse_number(text)
}

/// Whether the pattern of `style` (of [`PATTERNS`]) can match at the start of `text`, by its
/// first bytes. Most units open with a capitalised word, which no pattern but `No` takes; a
/// refused pattern is not searched (each search scans the whole unit first).
fn may_open(style: Style, text: &[u8]) -> bool {
    let first = text.first().copied().unwrap_or(0);
    match style {
        Style::Hash => first == b'#',
        // "no", "n°", "number", "platz", "rank": no non-ASCII letter folds to n, p or r.
        Style::No => matches!(first.to_ascii_lowercase(), b'n' | b'p' | b'r'),
        Style::ParenNumber => matches!(first, b'(' | b'['),
        // "friday3.": two to twelve lower-case letters, then the number.
        Style::Dot => {
            let letters = text.iter().take_while(|b| b.is_ascii_lowercase()).count();
            let digit = text.get(letters).is_some_and(u8::is_ascii_digit);
            digit && (letters == 0 || (2..=12).contains(&letters))
        }
        _ => first.is_ascii_digit(),
    }
}

/// Whether `text` may open with an ordinal word ("Tenth:"). Under case folding only `ſ`
/// stands for an ASCII letter of these words (`s`; the Kelvin sign's `k` is in none): a match
/// is one of the words in ASCII, or holds an `ſ` (C5 BF) within its first 13 bytes.
fn may_open_ordinal(text: &[u8]) -> bool {
    let head = &text[..text.len().min(12)];
    // Their first three letters tell most words apart from every ordinal ("The", "Strings").
    let opening = head.get(..3).map(|h| [h[0], h[1], h[2]].map(|b| b.to_ascii_lowercase()));
    let opens_one = opening.is_some_and(|o| ORDINAL_OPENINGS.contains(&o));
    opens_one && ORDINALS.iter().any(|w| crate::normalize::text::starts_with_ignore_ascii_case(head, w))
        || !head.is_ascii() && text[..text.len().min(16)].windows(2).any(|pair| pair == [0xC5, 0xBF])
}

/// Whether `text` may open with "and", "at", "number" or "no" ([`NUMBER_WORD`]); none of
/// these letters has a non-ASCII case fold.
fn may_open_number_word(text: &[u8]) -> bool {
    let head = &text[..text.len().min(2)];
    ["an", "at", "no", "nu"].iter().any(|w| head.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether `text` may open with a Roman numeral and its mark ("IV.").
fn may_open_roman(text: &[u8]) -> bool {
    let n = text.iter().take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L')).count();
    (1..=6).contains(&n) && matches!(text.get(n), Some(b'.' | b')'))
}

fn parse_number(text: &str) -> Option<Enumerator> {
    let found = parse_number_checked(text);
    // The first-byte checks are hand-written: debug builds (the tests) check each answer
    // against every pattern tried in turn.
    debug_assert_eq!(found, parse_number_plain(text), "list number of {text:?}");
    found
}

/// The patterns a list number is read with, in the order they are tried.
#[derive(Debug, Clone, Copy)]
enum Step {
    Pattern(Style),
    Roman,
    Ordinal,
    Place,
    NumberWord,
    Bare,
}

/// Whether the text's first bytes admit a match of `step`'s pattern.
fn may_open_step(step: Step, bytes: &[u8]) -> bool {
    let first_digit = bytes.first().is_some_and(u8::is_ascii_digit);
    match step {
        Step::Pattern(style) => may_open(style, bytes),
        Step::Roman => may_open_roman(bytes),
        Step::Ordinal => may_open_ordinal(bytes),
        // "10e place", "【第10位】", "第10位".
        Step::Place => first_digit || bytes.starts_with("【".as_bytes()) || bytes.starts_with("第".as_bytes()),
        Step::NumberWord => may_open_number_word(bytes),
        Step::Bare => first_digit,
    }
}

/// A bit of its own for each step (each style of [`PATTERNS`] and the five other steps).
const fn step_bit(step: Step) -> u16 {
    1 << match step {
        Step::Pattern(style) => style as u16,
        Step::Roman => 12,
        Step::Ordinal => 13,
        Step::Place => 14,
        Step::NumberWord => 15,
        Step::Bare => Style::Bare as u16,
    }
}

/// For each first byte, the steps whose patterns may open with it ([`step_bit`]): a step left
/// out refuses every text opening with that byte. Letters are read as the patterns' case
/// folds allow; a non-ASCII byte (a Unicode digit, "【", "第", "ſ") admits every step.
static OPENED_BY: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut b = 0usize;
    while b < 256 {
        let byte = b as u8;
        let lower = byte.to_ascii_lowercase();
        let mut bits = 0u16;
        if !byte.is_ascii() {
            bits = u16::MAX;
        } else if byte.is_ascii_digit() {
            // Every step that opens with a number, and Dot; not Hash, No, ParenNumber,
            // Roman, Ordinal or NumberWord.
            bits = !(step_bit(Step::Pattern(Style::Hash))
                | step_bit(Step::Pattern(Style::No))
                | step_bit(Step::Pattern(Style::ParenNumber))
                | step_bit(Step::Roman)
                | step_bit(Step::Ordinal)
                | step_bit(Step::NumberWord));
        } else {
            if byte == b'#' {
                bits |= step_bit(Step::Pattern(Style::Hash));
            }
            if matches!(byte, b'(' | b'[') {
                bits |= step_bit(Step::Pattern(Style::ParenNumber));
            }
            if matches!(lower, b'n' | b'p' | b'r') {
                bits |= step_bit(Step::Pattern(Style::No));
            }
            // "friday3.": a lower-case word glued in front.
            if byte.is_ascii_lowercase() {
                bits |= step_bit(Step::Pattern(Style::Dot));
            }
            if matches!(byte, b'I' | b'V' | b'X' | b'L') {
                bits |= step_bit(Step::Roman);
            }
            // First, second, third, …, eleventh, …, ninth.
            if matches!(lower, b'f' | b's' | b't' | b'e' | b'n') {
                bits |= step_bit(Step::Ordinal);
            }
            // "and", "at", "number", "no".
            if matches!(lower, b'a' | b'n') {
                bits |= step_bit(Step::NumberWord);
            }
        }
        table[b] = bits;
        b += 1;
    }
    table
};

/// [`parse_number_plain`], trying only the patterns the text's first bytes admit.
fn parse_number_checked(text: &str) -> Option<Enumerator> {
    parse_number_with(text, true)
}

/// Every pattern tried in turn: what [`parse_number_checked`] must answer.
fn parse_number_plain(text: &str) -> Option<Enumerator> {
    parse_number_with(text, false)
}

/// The list number `text` opens with, trying each pattern in turn; when `checked`, only those
/// whose opening the text's first bytes admit ([`may_open_step`], called directly: passed as a
/// closure it was called through a shim, about 40 instructions a step).
fn parse_number_with(text: &str, checked: bool) -> Option<Enumerator> {
    let bytes = text.as_bytes();
    // Most units open with a letter that no step or only one takes: the steps the first
    // byte admits are read from a table, and only those are asked in full.
    let opened_by = if checked { OPENED_BY[usize::from(bytes.first().copied().unwrap_or(0))] } else { u16::MAX };
    if opened_by == 0 {
        return None;
    }
    let admits = |step: Step, bytes: &[u8]| opened_by & step_bit(step) != 0 && (!checked || may_open_step(step, bytes));
    for (style, re) in PATTERNS.iter() {
        // The table's bit first, here: the closure is not inlined, and most bits are unset.
        if opened_by & step_bit(Step::Pattern(*style)) == 0 || !admits(Step::Pattern(*style), bytes) {
            continue;
        }
        // "10. Title", the commonest number, read by hand when its bytes are ASCII.
        if checked && *style == Style::Dot {
            match dot_number(bytes) {
                Some(Some((number, len))) => {
                    return (number != 0).then_some(Enumerator { number, style: Style::Dot, len });
                }
                Some(None) => continue,
                None => {}
            }
        }
        if let Some(c) = re.captures(text) {
            let number: u32 = c[1].parse().ok()?;
            if number == 0 {
                return None;
            }
            return Some(Enumerator { number, style: *style, len: c[0].len() });
        }
    }
    if admits(Step::Roman, bytes)
        && let Some(c) = ROMAN.captures(text)
    {
        let number = roman_value(&c[1])?;
        return Some(Enumerator { number, style: Style::Roman, len: c[0].len() });
    }
    if admits(Step::Ordinal, bytes)
        && let Some(c) = ORDINAL_WORD.captures(text)
    {
        let word = c[1].to_lowercase();
        let number = ORDINALS.iter().position(|w| *w == word)? as u32 + 1;
        return Some(Enumerator { number, style: Style::Ordinal, len: c[0].len() });
    }
    if admits(Step::Place, bytes)
        && let Some(c) = PLACE.captures(text)
    {
        let number: u32 = c.get(1).or(c.get(2)).or(c.get(3))?.as_str().parse().ok()?;
        return (number > 0).then(|| Enumerator { number, style: Style::No, len: c[0].len() });
    }
    if admits(Step::NumberWord, bytes)
        && let Some(c) = NUMBER_WORD.captures(text)
    {
        let word = c[1].to_lowercase();
        let number = crate::normalize::NUMBER_WORDS.iter().position(|w| *w == word)? as u32 + 1;
        return Some(Enumerator { number, style: Style::No, len: c[0].len() });
    }
    if admits(Step::Bare, bytes)
        && let Some(c) = BARE.captures(text)
    {
        let number: u32 = c[1].parse().ok()?;
        let len = c.get(1)?.end();
        let rest = &text[len..];
        return (number > 0).then(|| Enumerator {
            number,
            style: Style::Bare,
            len: len + (rest.len() - rest.trim_start().len()),
        });
    }
    None
}

/// The `Dot` pattern (`^(?:[a-z]{2,12})?(\d{1,3})\s?\.(?:\s*[-–—:]\s*|\s+)`) read by hand:
/// `Some(Some((number, length)))` for a match, `Some(None)` for none, and `None` (left to the
/// regex) when a non-ASCII byte stands where the pattern could read it (a Unicode digit,
/// space or dash). The regex's captures cost about 4,000 instructions a numbered line.
fn dot_number(bytes: &[u8]) -> Option<Option<(u32, usize)>> {
    // The regex's `\s` on ASCII bytes (Unicode's White_Space there).
    fn space(b: &u8) -> bool {
        matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
    }
    let run = |from: usize, f: fn(&u8) -> bool| bytes[from..].iter().take_while(|b| f(b)).count();
    let non_ascii_at = |i: usize| bytes.get(i).is_some_and(|b| !b.is_ascii());
    // The optional glued word takes the whole run of lower-case letters, or nothing.
    let letters = run(0, u8::is_ascii_lowercase);
    if letters == 1 || letters > 12 {
        return Some(None);
    }
    let digits = run(letters, u8::is_ascii_digit);
    let mut end = letters + digits;
    if non_ascii_at(end) {
        return None;
    }
    if digits == 0 || digits > 3 {
        return Some(None);
    }
    let number = bytes[letters..end].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    if bytes.get(end).is_some_and(space) {
        end += 1;
    }
    if bytes.get(end) != Some(&b'.') {
        return Some(None);
    }
    let after_dot = end + 1;
    let spaces = run(after_dot, space);
    let next = after_dot + spaces;
    if non_ascii_at(next) {
        return None;
    }
    // The first alternative, a dash or colon between optional spaces, wins where it matches.
    if matches!(bytes.get(next), Some(b'-' | b':')) {
        let end = next + 1 + run(next + 1, space);
        return if non_ascii_at(end) { None } else { Some(Some((number, end))) };
    }
    Some((spaces > 0).then_some((number, next)))
}

/// Whether numbers in document order form a ranking: mostly steps of one, up or down.
/// Gaps are allowed (excerpts cut entries), repeats and jumps mostly not.
pub fn is_sequence(numbers: &[u32]) -> bool {
    if numbers.len() < 2 {
        return false;
    }
    let steps: Vec<i64> = numbers.windows(2).map(|w| w[1] as i64 - w[0] as i64).collect();
    let down = steps.iter().filter(|s| **s == -1).count();
    let up = steps.iter().filter(|s| **s == 1).count();
    let near = steps.iter().filter(|s| s.abs() >= 1 && s.abs() <= 3).count();
    let best = down.max(up);
    best * 10 >= steps.len() * 6 && near * 10 >= steps.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Option<(u32, Style)> {
        parse(text).map(|e| (e.number, e.style))
    }

    #[test]
    fn styles() {
        assert_eq!(num("10. Barbie"), Some((10, Style::Dot)));
        assert_eq!(num("5) The Man From Snowy River"), Some((5, Style::Paren)));
        assert_eq!(num("#10 Far Cry 4 (2014)"), Some((10, Style::Hash)));
        assert_eq!(num("#3 – Title (1986)"), Some((3, Style::Hash)));
        assert_eq!(num("No. 10: Title"), Some((10, Style::No)));
        assert_eq!(num("10 – Pavarotti"), Some((10, Style::Dash)));
        assert_eq!(num("10/ Title"), Some((10, Style::Slash)));
        assert_eq!(num("(1) “Title”"), Some((1, Style::ParenNumber)));
        assert_eq!(num("Tenth: Jaws"), Some((10, Style::Ordinal)));
        assert_eq!(num("friday3. Friday (1995)"), Some((3, Style::Dot)));
        assert_eq!(num("IV. Mad Max: Fury Road"), Some((4, Style::Roman)));
        assert_eq!(num("05 · Baby Driver (2017)"), Some((5, Style::Dotted)));
        assert_eq!(num("Number Ten: The Magnificent Seven"), Some((10, Style::No)));
        assert_eq!(num("And at Number One: The Good, the Bad and the Ugly"), Some((1, Style::No)));
        assert_eq!(num("Platz 10: „Lola rennt“ (1998)"), Some((10, Style::No)));
        assert_eq!(num("N° 12 — Le Grand Bleu (1988)"), Some((12, Style::No)));
        assert_eq!(num("Nº 3: Diva"), Some((3, Style::No)));
        assert_eq!(num("Number one reason to listen"), None);
        assert_eq!(num("10e place — « Le Mépris »"), Some((10, Style::No)));
        assert_eq!(num("1re place : Les Parapluies"), Some((1, Style::No)));
        assert_eq!(num("【第10位】 もののけ姫"), Some((10, Style::No)));
        assert_eq!(num("06:12 – #5: Jerry Goldsmith's Planet of the Apes (1968)"), Some((5, Style::Hash)));
        assert_eq!(num("1:02:40 - 2. Alien"), Some((2, Style::Dot)));
        assert_eq!(num("23:30 – Sponsor break"), None);
        assert_eq!(num("1985 Super Mario Bros."), None);
        assert_eq!(num("1.5 million copies"), None);
        assert_eq!(num("2001: A Space Odyssey"), None);
    }

    const PIECES: &[&str] = &[
        "first",
        "Tenth",
        "ſecond",
        "SEVENTEENTH",
        "twentieth",
        "No",
        "no.",
        "N°",
        "Nº",
        "n.º",
        "number",
        "Number",
        "numéro",
        "and",
        "at",
        "place",
        "Platz",
        "rank",
        "10",
        "3",
        "0",
        "007",
        "١",
        "３",
        "#",
        "(",
        ")",
        "[",
        "]",
        ".",
        ":",
        "-",
        "–",
        "—",
        " ",
        "  ",
        "\t",
        "IV",
        "X",
        "L",
        "friday",
        "a",
        "ab",
        "The",
        "【",
        "第",
        "位",
        "】",
        "e",
        "th",
        "st",
        "re",
        "·",
        "|",
        "/",
        "\"",
        "“",
        "‘",
        "A",
        "Jaws",
        "06:12",
        "[1:02:40]",
        "é",
        "\u{a0}",
        "\u{2003}",
        "\u{85}",
        "\n",
        "\u{b}",
        "1.",
        "12. ",
        "friday3. ",
    ];

    proptest::proptest! {
        /// The first-byte checks refuse only texts that no pattern takes.
        #[test]
        fn checked_parse_agrees_with_every_pattern(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..8)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(parse_number_checked(&text), parse_number_plain(&text), "{:?}", text);
            proptest::prop_assert_eq!(parse(&text), parse(&text));
        }
    }

    #[test]
    fn ordinal_openings_are_the_ordinals_first_letters() {
        let mut openings: Vec<[u8; 3]> =
            ORDINALS.iter().map(|w| [w.as_bytes()[0], w.as_bytes()[1], w.as_bytes()[2]]).collect();
        openings.sort();
        openings.dedup();
        let mut listed = ORDINAL_OPENINGS.to_vec();
        listed.sort();
        assert_eq!(openings, listed);
    }

    #[test]
    fn sequences() {
        assert!(is_sequence(&[10, 9, 8, 7]));
        assert!(is_sequence(&[1, 2, 3, 5]));
        assert!(is_sequence(&[5, 4, 3, 2, 1]));
        assert!(!is_sequence(&[1994, 2001]));
        assert!(!is_sequence(&[3, 3, 3]));
        assert!(!is_sequence(&[1, 7, 2, 9]));
    }
}
