//! Units: the blocks the extractor reasons about, after undoing the damage copying does to
//! text — a year pushed onto its own line, an italic title broken out of its sentence,
//! right-margin labels glued to a line with spaces.

use std::sync::LazyLock;

use crate::document::{BlockKind, Document};
use crate::normalize::text::count_words;
use crate::re::Re;

use super::enumerator::{self, Enumerator};
use super::words::is_title_function_word;

/// One block of text, prepared for extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub text: String,
    pub line: usize,
    pub kind: BlockKind,
    pub gap_before: bool,
    pub depth: u8,
    /// `text`'s word count (up to [`WORDS_COUNTED`]) and leading list number, asked for many
    /// times per unit; kept by [`Unit::new`] and [`Unit::set_text`].
    word_count: usize,
    enumerator: Option<Enumerator>,
}

impl Unit {
    pub fn new(text: String, line: usize, kind: BlockKind, gap_before: bool, depth: u8) -> Unit {
        let (word_count, enumerator) = (counted_words(&text), enumerator::parse(&text));
        Unit { text, line, kind, gap_before, depth, word_count, enumerator }
    }

    /// Replaces the text (joined or renumbered while units are built), its word count and its
    /// list number.
    fn set_text(&mut self, text: String) {
        self.word_count = counted_words(&text);
        self.enumerator = enumerator::parse(&text);
        self.text = text;
    }

    /// The text's word count, or [`WORDS_COUNTED`] for any text of that many words or more.
    pub fn words(&self) -> usize {
        debug_assert_eq!(
            self.word_count,
            count_words(&self.text).min(WORDS_COUNTED),
            "stale word count: {:?}",
            self.text
        );
        self.word_count
    }

    /// The list number the text opens with ("10.", "#3 –", "Tenth:").
    pub fn enumerator(&self) -> Option<Enumerator> {
        debug_assert_eq!(self.enumerator, enumerator::parse(&self.text), "stale list number: {:?}", self.text);
        self.enumerator
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// Where [`Unit::words`] stops counting: every caller compares a unit's word count with a
/// bound of 40 words or fewer, so 41 stands for any count from 41 up.
pub const WORDS_COUNTED: usize = 41;

/// `count_words(text).min(WORDS_COUNTED)`, counted a piece of about 256 bytes at a time and
/// no further than [`WORDS_COUNTED`]: a paragraph's count is known within its first few
/// lines instead of at its end.
fn counted_words(text: &str) -> usize {
    const PIECE: usize = 256;
    let mut words = 0;
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + PIECE).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        words += count_words(&text[start..end]);
        // A word running across the cut was counted in both pieces.
        let joined = |before: &str, after: &str| {
            before.chars().next_back().is_some_and(|c| !c.is_whitespace())
                && after.chars().next().is_some_and(|c| !c.is_whitespace())
        };
        if start > 0 && joined(&text[..start], &text[start..end]) {
            words -= 1;
        }
        // Each further piece adds at least as many words as it shares with this one.
        if words >= WORDS_COUNTED {
            return WORDS_COUNTED;
        }
        start = end;
    }
    words
}

/// Blocks longer than this are never headers and are read as prose only.
pub const MAX_UNIT_BYTES: usize = 20_000;

/// Builds units from a document's blocks.
/// "Star Wars[a]", "Max Steiner[c]", "Jaws[7]": footnote marks glued to a word, as copied
/// from Wikipedia, are not part of the text.
fn without_footnote_marks(text: String) -> String {
    // The memchr crate's search, wider than `str::contains`'s.
    if memchr::memchr(b'[', text.as_bytes()).is_none() {
        return text;
    }
    match ascii_footnote_marks(text.as_bytes()) {
        Some(marks) => {
            let mut out = String::with_capacity(text.len());
            let mut from = 0;
            for (start, end) in marks {
                out.push_str(&text[from..start]);
                from = end;
            }
            out.push_str(&text[from..]);
            debug_assert_eq!(out, FOOTNOTE_MARK.replace_all(&text, "$1"), "{text:?}");
            out
        }
        None => FOOTNOTE_MARK.replace_all(&text, "$1").into_owned(),
    }
}

static FOOTNOTE_MARK: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"([\p{L}\p{N}.)])\[(?:[a-z]|\d{1,3}|note \d{1,3})\]").expect("static regex"));

/// The bracketed marks [`FOOTNOTE_MARK`] takes out of `text` (their byte ranges, in order),
/// read by hand where each '[' it could take follows an ASCII character and is read to its end
/// in ASCII; `None` otherwise (a letter, number or digit beyond ASCII is left to the pattern).
/// A match holds its bracket and the character before it, and no match can hold the character
/// before the next one's bracket (that is a ']' or a character inside brackets, never '['),
/// so the matches are the brackets read one by one. The `\p{L}` pattern cost about 3 M
/// instructions to compile, for the few texts with a bracket.
fn ascii_footnote_marks(text: &[u8]) -> Option<Vec<(usize, usize)>> {
    let mut marks = Vec::new();
    for at in memchr::memchr_iter(b'[', text) {
        let Some(&before) = at.checked_sub(1).map(|b| &text[b]) else {
            continue;
        };
        if !before.is_ascii() {
            return None;
        }
        if !(before.is_ascii_alphanumeric() || matches!(before, b'.' | b')')) {
            continue;
        }
        let inner = &text[at + 1..];
        let end = match inner {
            [b'a'..=b'z', b']', ..] => Some(2),
            [b, ..] if !b.is_ascii() => return None,
            _ => {
                let digits_at = if inner.starts_with(b"note ") { 5 } else { 0 };
                let digits = inner[digits_at..].iter().take_while(|b| b.is_ascii_digit()).count();
                match inner.get(digits_at + digits) {
                    // A digit beyond ASCII may follow.
                    Some(b) if !b.is_ascii() => return None,
                    Some(b']') if (1..=3).contains(&digits) => Some(digits_at + digits + 1),
                    _ => None,
                }
            }
        };
        if let Some(end) = end {
            marks.push((at, at + 1 + end));
        }
    }
    Some(marks)
}

/// German „…“ and French «…» quotes written the English way, “…”, so one set of rules reads
/// quoted titles in any of them (German's closing “ is English's opening one).
fn english_quotes(text: &str) -> String {
    // One vectorised search for the last bytes of the three (E2 80 9E, C2 AB, C2 BB), each
    // found checked after its lead: three substring searches each built a searcher per block,
    // and walking the characters of every block cost more.
    let bytes = text.as_bytes();
    let quoted = memchr::memchr3_iter(0x9E, 0xAB, 0xBB, bytes).any(|at| {
        let before = &bytes[..at];
        if bytes[at] == 0x9E { before.ends_with(&[0xE2, 0x80]) } else { before.ends_with(&[0xC2]) }
    });
    debug_assert_eq!(quoted, text.contains(['„', '«', '»']), "{text:?}");
    if !quoted {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut german = false;
    for c in text.chars() {
        match c {
            '„' => {
                german = true;
                out.push('“');
            }
            '“' if german => {
                german = false;
                out.push('”');
            }
            '«' => out.push('“'),
            '»' => out.push('”'),
            _ => out.push(c),
        }
    }
    out
}

pub fn units(doc: &Document) -> Vec<Unit> {
    let blocks = super::chart::fold_chart_rows(&doc.blocks);
    let mut out: Vec<Unit> = Vec::with_capacity(blocks.len());
    for block in blocks.iter() {
        let mut text = without_footnote_marks(english_quotes(&block.text));
        if block.kind != BlockKind::Row && memchr::memchr(b'\t', text.as_bytes()).is_some() {
            text = drop_margin_cells(&text);
        }
        // A huge block (a whole page on one line) is read in sentence-sized pieces.
        if text.len() > MAX_UNIT_BYTES {
            for piece in pieces(&text) {
                out.push(Unit::new(piece.to_string(), block.line, block.kind, true, block.depth));
            }
            continue;
        }
        // "A: Akira. I was…": an interview answer's speaker label is not part of the text.
        let text = strip_answer_label(text);
        let unit = Unit::new(text, block.line, block.kind, block.gap_before, block.depth);
        if let Some((header, blurb)) = ranked_sentence(&unit.text) {
            out.push(Unit::new(header, unit.line, unit.kind, unit.gap_before, unit.depth));
            out.push(Unit::new(blurb, unit.line, unit.kind, false, unit.depth));
            continue;
        }
        // A rank alone on its line ("10" / "The Umbrellas of Cherbourg") numbers the next.
        // A rank alone has at most four words (its word count is kept): most units are not
        // read for one.
        debug_assert!(out.last().is_none_or(|p| p.words() <= 4 || rank_only(&p.text).is_none()));
        if let Some(prev) = out.last_mut()
            && prev.words() <= 4
            && let Some(rank) = rank_only(&prev.text)
        {
            if !unit.gap_before && unit.words() <= 12 {
                prev.set_text(format!("{rank}. {}", unit.text));
                prev.kind = unit.kind;
                continue;
            }
            // "No. 8" over a paragraph that names its work with a year, "… Catch Me If You
            // Can (2002) is …": the rank heads that work, and the paragraph is its blurb.
            if let Some(title) = titled_with_year(&unit.text) {
                // The rank keeps its own words ("Number nine:"), so it numbers in the style
                // of the article's other ranks.
                let bare = prev.text.trim().trim_end_matches(['.', ')', ':']).chars().all(|c| c.is_ascii_digit());
                prev.set_text(if bare { format!("{rank}. {title}") } else { format!("{} {title}", prev.text.trim()) });
            }
        }
        if let Some(prev) = out.last_mut()
            && continues(prev, &unit)
        {
            let joiner = if unit.text.starts_with([',', ';', '.', ')', ':']) { "" } else { " " };
            prev.set_text(format!("{}{joiner}{}", prev.text, unit.text));
            continue;
        }
        out.push(unit);
    }
    out
}

/// "Number ten: We open with *Succession* (2018), because …": a rank over a sentence that
/// names its work in emphasis, within its first two sentences. The rank and the work (with a
/// year bracketed after it or written just before it, "the 2021 *Cowboy Bebop*") become the
/// header, and the sentence its blurb. A rank whose text opens with the title, or names one
/// with its own brackets or separators first, is a header already.
fn ranked_sentence(text: &str) -> Option<(String, String)> {
    // Emphasis marks first: most units have none.
    memchr::memchr2(b'*', b'_', text.as_bytes())?;
    let e = enumerator::parse(text)?;
    let rank = text[..e.len].trim_end();
    let rest = text[e.len..].trim_start();
    let opens = rest.chars().next()?;
    if matches!(opens, '*' | '_' | '"' | '“' | '\'' | '‘') || !rest.contains(['*', '_']) {
        return None;
    }
    for (at, _) in rest.match_indices(['*', '_']) {
        let before = &rest[..at];
        if before.contains(['(', '–', '—', ':', '*', '_']) || before.contains(" - ") {
            return None;
        }
        let wordless = !before.is_empty() && !before.chars().any(char::is_alphabetic);
        if before.matches(['.', '?', '!']).count() > 1 || !before.is_empty() && !before.ends_with(' ') || wordless {
            return None;
        }
        let Some((title, after)) = super::spans::emphasis_after(&rest[at..]) else { continue };
        if !title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return None;
        }
        let year = BRACKET_YEAR
            .captures(after)
            .or_else(|| YEAR_BEFORE.captures(before))
            .map_or(String::new(), |c| format!(" ({})", &c[1]));
        return Some((format!("{rank} {title}{year}"), rest.to_string()));
    }
    None
}

static BRACKET_YEAR: LazyLock<Re> = LazyLock::new(|| Re::new(r"^\s*\((1[89]\d\d|20\d\d)\)").expect("static regex"));
static YEAR_BEFORE: LazyLock<Re> = LazyLock::new(|| Re::new(r"\b(1[89]\d\d|20\d\d)\s*$").expect("static regex"));

/// The number of a rank alone on its line: "10", "#3", "07.", "No. 8", "Number 4", "Rank 2",
/// "Number nine:". Never more than four words: a list number alone, or a rank word, spaces
/// and digits (two words).
fn rank_only(text: &str) -> Option<String> {
    let t = text.trim();
    // A rank alone is a few words at most ("And at number one:"); most units are not.
    if t.split_whitespace().nth(4).is_none()
        && let Some(e) = enumerator::parse(t)
        && t[e.len..].trim().is_empty()
    {
        return Some(e.number.to_string());
    }
    // The rank words are ASCII and at most six bytes: only the start is lower-cased.
    let lower = t.as_bytes()[..t.len().min(8)].to_ascii_lowercase();
    let word =
        ["number", "rank", "platz", "nr.", "nr", "no.", "no", "#"].iter().find(|w| lower.starts_with(w.as_bytes()));
    let t = t[word.map_or(0, |w| w.len())..].trim_start().trim_end_matches(['.', ')', ':']);
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())).then(|| t.to_string())
}

/// "Jazzy and full of saxophone, Catch Me If You Can (2002) is …": the capitalised title
/// just before the first bracketed year of a paragraph's opening sentences, with that year.
fn titled_with_year(text: &str) -> Option<String> {
    static YEAR: LazyLock<Re> = LazyLock::new(|| Re::new(r"\((1[89]\d\d|20\d\d)\)").expect("static regex"));
    let found = YEAR.captures(text)?;
    let at = found.get(0)?.start();
    // Far into the paragraph, a year more likely dates another work it compares.
    if text[..at].matches(['.', '!', '?']).count() > 3 {
        return None;
    }
    let span = super::spans::span_before(&text[..at])?;
    let title = span.title.trim();
    let capitalised = title.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (capitalised && !span.possessive).then(|| format!("{title} ({})", &found[1]))
}

fn strip_answer_label(text: String) -> String {
    for label in ["A: ", "Answer: "] {
        if let Some(rest) = text.strip_prefix(label)
            && rest.starts_with(|c: char| c.is_uppercase())
        {
            return rest.to_string();
        }
    }
    text
}

/// Cuts a long text into pieces of at most [`MAX_UNIT_BYTES`], at sentence ends where possible.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > MAX_UNIT_BYTES {
        let mut cut = MAX_UNIT_BYTES;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &rest[..cut];
        let at = window.rfind(". ").map(|p| p + 1).filter(|&p| p > MAX_UNIT_BYTES / 2).unwrap_or(cut);
        out.push(rest[..at].trim());
        rest = &rest[at..];
    }
    out.push(rest.trim());
    out.retain(|p| !p.is_empty());
    out
}

/// A line whose other cells are short labels in the margin ("Title – Composer\tPart 1")
/// keeps only its first cell; other tabbed lines read as spaced text.
fn drop_margin_cells(text: &str) -> String {
    let cells: Vec<&str> = text.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect();
    match cells.split_first() {
        Some((first, rest))
            if rest.iter().all(|c| c.split_whitespace().count() <= 3) && first.split_whitespace().count() > 1 =>
        {
            first.to_string()
        }
        _ => cells.join(" "),
    }
}

/// Whether `next` continues the sentence or header of `prev` rather than starting a block.
fn continues(prev: &Unit, next: &Unit) -> bool {
    if prev.kind != BlockKind::Paragraph || next.kind != BlockKind::Paragraph {
        return false;
    }
    let next_text = next.text.trim();
    let prev_text = prev.text.trim_end();
    // A numbered line starts an entry, whatever the line above lacks. (Unit text is trimmed
    // already, so its kept list number is that of `next_text`.)
    let numbered = if next_text.len() == next.text.len() {
        next.enumerator().is_some()
    } else {
        enumerator::parse(next_text).is_some()
    };
    if numbered {
        return false;
    }
    // "Roller" / "(1976)": a year alone on its line belongs to the title above.
    if is_bracketed_year(next_text) && prev.words() <= 12 {
        return true;
    }
    if prev_text.ends_with(['.', '!', '?', ':', ';']) || prev_text.len() > 2_000 {
        return false;
    }
    // ", this is the final album…" or "is a progressive-rock album…".
    if next_text.starts_with([',', ';', ')']) {
        return true;
    }
    let first_word = next_text.split_whitespace().next().unwrap_or("");
    if first_word.chars().next().is_some_and(char::is_lowercase) && is_continuation_word(first_word) {
        return true;
    }
    // "…as the soundtrack to" / "Dawn of the Dead": a dangling sentence takes the next line.
    let last_word = prev_text.split_whitespace().last().unwrap_or("");
    // Across a blank line only a sentence left hanging continues; a label ("Sold out",
    // "Notify me") does not take the title below.
    let hanging = matches!(
        last_word,
        "to" | "the" | "of" | "as" | "for" | "in" | "by" | "with" | "a" | "an" | "and" | "from" | "on" | "at"
    );
    (prev_text.ends_with(',') || is_title_function_word(last_word) && last_word.chars().all(char::is_lowercase))
        && next.words() <= 12
        && (!next.gap_before || hanging || prev_text.ends_with(','))
}

fn is_bracketed_year(text: &str) -> bool {
    let t = text.trim();
    t.len() == 6 && t.starts_with('(') && t.ends_with(')') && t[1..5].chars().all(|c| c.is_ascii_digit())
}

fn is_continuation_word(word: &str) -> bool {
    is_title_function_word(word)
        || matches!(
            word.trim_end_matches([',', '.']),
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "which"
                | "who"
                | "that"
                | "where"
                | "while"
                | "but"
                | "so"
                | "then"
                | "than"
                | "when"
                | "whose"
                | "this"
                | "these"
                | "its"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, SourceFormat};

    proptest::proptest! {
        /// Counting by pieces, and stopping, answers as counting the whole text does.
        #[test]
        fn counted_words_are_word_counts_up_to_the_bound(
            text in "([a-zé]{0,9}|“|—)([ \u{a0}\u{2003}\t\n]{1,2}[a-zé“—]{1,9}){0,90}[ \u{a0}]?"
        ) {
            proptest::prop_assert_eq!(counted_words(&text), count_words(&text).min(WORDS_COUNTED), "{:?}", text);
        }

        /// A text of more than four words is no rank alone, so units of more are not read.
        #[test]
        fn ranks_alone_have_at_most_four_words(text in "(No\\.|Number|number|#|Rank|1|12|007|nine|one|:|\\.|\\)| |  |\u{a0}|\t|Jaws|x){0,10}") {
            proptest::prop_assert!(count_words(&text) <= 4 || rank_only(&text).is_none(), "{:?}", text);
        }

        /// The byte search finds „, « or » where the text holds one (debug builds assert it
        /// inside), among other characters whose last byte is the same (ë, û, ₫, ›).
        #[test]
        fn quote_search_finds_the_quotes(text in "(„|«|»|“|ë|û|₫|›|\u{9e}|a| ){0,8}") {
            let english = english_quotes(&text);
            proptest::prop_assert_eq!(english == text, !text.contains(['„', '«', '»']));
        }
    }

    #[test]
    fn german_and_french_quotes_read_as_english_ones() {
        assert_eq!(
            english_quotes("Platz 9: „Der Himmel über Berlin“ (1987)"),
            "Platz 9: “Der Himmel über Berlin” (1987)"
        );
        assert_eq!(english_quotes("« Amélie » (2001)"), "“ Amélie ” (2001)");
        assert_eq!(english_quotes("“Jaws” (1975)"), "“Jaws” (1975)");
        assert_eq!(
            without_footnote_marks("1\tStar Wars[a]\t1977\tMax Steiner[c]".into()),
            "1\tStar Wars\t1977\tMax Steiner"
        );
        assert_eq!(without_footnote_marks("Jaws[7] and [Bracketed] text".into()), "Jaws and [Bracketed] text");
    }

    proptest::proptest! {
        /// Footnote marks read by hand are the pattern's.
        #[test]
        fn footnote_marks_as_the_pattern(text in "(Jaws|x|é|7|\\.|\\)|\\]|\\[|\\[a\\]|\\[7\\]|\\[123\\]|\\[1234\\]|\\[note 2\\]|\\[note\\]|\\[٣\\]|1٣|\\[A\\]| |’){0,8}") {
            proptest::prop_assert_eq!(without_footnote_marks(text.clone()), FOOTNOTE_MARK.replace_all(&text, "$1"));
        }
    }

    #[test]
    fn a_rank_alone_heads_the_work_its_paragraph_dates() {
        assert_eq!(rank_only("No. 8").as_deref(), Some("8"));
        assert_eq!(rank_only("#3").as_deref(), Some("3"));
        assert_eq!(rank_only("Number 12:").as_deref(), Some("12"));
        assert_eq!(rank_only("Number nine:").as_deref(), Some("9"));
    }

    #[test]
    fn a_rank_over_a_sentence_heads_the_work_it_emphasises() {
        let (header, blurb) = ranked_sentence("Number ten: We open with *Succession* (2018), because …").unwrap();
        assert_eq!(
            (header.as_str(), blurb.as_str()),
            ("Number ten: Succession (2018)", "We open with *Succession* (2018), because …")
        );
        let (header, _) = ranked_sentence("7. And the 2021 *Cowboy Bebop*. Hear me out!").unwrap();
        assert_eq!(header, "7. Cowboy Bebop (2021)");
        let (header, _) =
            ranked_sentence("1: Was it ever in doubt? Angelo Badalamenti's *Twin Peaks* (1990) — …").unwrap();
        assert_eq!(header, "1: Twin Peaks (1990)");
        let (header, _) = ranked_sentence("3. We begin with _Fargo_ (1996), all snow.").unwrap();
        assert_eq!(header, "3. Fargo (1996)");
        // The title first, or a header with its own structure before the emphasis: as it is.
        assert_eq!(ranked_sentence("8. *Cowboy Bebop* (1998) — the anime"), None);
        assert_eq!(ranked_sentence("3. The Thing (1982) – unlike *Halloween*, it …"), None);
        assert_eq!(ranked_sentence("4. One. Two. Three. Then *Jaws*."), None);
        assert_eq!(rank_only("No. 8 Jaws"), None);
        for long in ["Number 1 1 1 1", "No. 8 is the one", "1. 2 3 4 5"] {
            assert!(count_words(long) > 4 && rank_only(long).is_none(), "{long:?}");
        }
        assert_eq!(rank_only("Notes"), None);
        let mut d = doc(&[
            "No. 8",
            "Jazzy and full of saxophone, Catch Me If You Can (2002) is the outlier. It swings.",
            "No. 7",
            "Five notes. Close Encounters of the Third Kind (1977) speaks to aliens.",
            "No. 6",
            "A paragraph with no dated work at all, however long it goes on for.",
        ]);
        d.blocks.iter_mut().for_each(|b| b.gap_before = true);
        let got: Vec<String> = units(&d).into_iter().map(|u| u.text).collect();
        assert_eq!(got[0], "No. 8 Catch Me If You Can (2002)");
        assert!(got[1].starts_with("Jazzy"));
        assert_eq!(got[2], "No. 7 Close Encounters of the Third Kind (1977)");
        assert_eq!(got[4], "No. 6");
    }

    fn doc(lines: &[&str]) -> Document {
        Document {
            source: "t.txt".into(),
            format: SourceFormat::Text,
            encoding: "UTF-8".into(),
            repaired: false,
            blocks: lines.iter().enumerate().map(|(i, l)| Block::new(BlockKind::Paragraph, *l, i + 1)).collect(),
        }
    }

    fn texts(lines: &[&str]) -> Vec<String> {
        units(&doc(lines)).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn year_line_joins_its_title() {
        assert_eq!(texts(&["Roller", "(1976)", "A blurb."]), ["Roller (1976)", "A blurb."]);
    }

    #[test]
    fn broken_sentence_is_rejoined() {
        assert_eq!(
            texts(&["Better known as the soundtrack to", "Dawn of the Dead", ", this is the last album."]),
            ["Better known as the soundtrack to Dawn of the Dead, this is the last album."]
        );
    }

    #[test]
    fn an_intro_without_a_full_stop_does_not_swallow_the_first_entry() {
        assert_eq!(texts(&["Here are my picks for the", "1. Jaws", "2. Alien"]).len(), 3);
    }

    #[test]
    fn a_rank_on_its_own_line_numbers_the_next() {
        let mut d = doc(&["10", "The Umbrellas of Cherbourg", "Michel Legrand"]);
        d.blocks[1].gap_before = false;
        let t: Vec<String> = units(&d).into_iter().map(|u| u.text).collect();
        assert_eq!(t[0], "10. The Umbrellas of Cherbourg");
    }

    #[test]
    fn separate_lines_stay_apart() {
        assert_eq!(texts(&["The Newton Brothers: The Midnight Club", "ost1"]).len(), 2);
        assert_eq!(texts(&["10. Barbie", "The wild thing is"]).len(), 2);
    }

    #[test]
    fn huge_blocks_are_cut_into_pieces() {
        let line = "Jaws is great. ".repeat(5_000);
        let u = units(&doc(&[&line]));
        assert!(u.len() >= 3);
        assert!(u.iter().all(|u| u.text.len() <= MAX_UNIT_BYTES && u.text.ends_with('.')));
    }

    #[test]
    fn margin_labels_are_dropped() {
        assert_eq!(texts(&["Hoosiers – Jerry Goldsmith\tPart 1"]), ["Hoosiers – Jerry Goldsmith"]);
    }
}
