//! Record labels named in running text beside a release word ("Varese Saraband released …",
//! "Film Score Monthly/Retrograde Records' fine single-CD release", "released on Milan"):
//! known labels only (`data/labels.txt`), spelled as the text spells them.

use std::sync::LazyLock;

use crate::re::{Re, is_word_char};

use super::vocab::Vocabulary;

/// Known labels named in a sentence about a release ("Varese Saraband released …",
/// "Film Score Monthly/Retrograde Records' fine single-CD release", "La-La Land's re-release").
pub fn mentioned(sentence: &str, vocab: &Vocabulary) -> Vec<String> {
    mentioned_in(sentence, crate::re::holds_ascii_folding_letter(sentence), vocab)
}

/// [`mentioned`], told whether `sentence` may hold `ſ` or the Kelvin sign (`folding`: true
/// whenever it does; true for a text without them only costs a regex search), for callers
/// that know it already.
pub fn mentioned_in(sentence: &str, folding: bool, vocab: &Vocabulary) -> Vec<String> {
    debug_assert!(folding || !crate::re::holds_ascii_folding_letter(sentence));
    if !has_release_word_in(sentence, folding) {
        return Vec::new();
    }
    // "Film Score Monthly/Retrograde Records’": a slash separates labels.
    let spaced: std::borrow::Cow<'_, str> =
        if sentence.contains('/') { sentence.replace('/', " / ").into() } else { sentence.into() };
    // A company name ends in "Records", "Recordings", "Recording Co" or "Soundtracks", words
    // of the text: most blurbs hold neither "Record" nor "Soundtracks", and their runs are
    // not scanned for company words.
    let companies = RECORD.find(spaced.as_bytes()).is_some() || SOUNDTRACKS.find(spaced.as_bytes()).is_some();
    let out = labels_at_capitals(&spaced, companies, vocab);
    debug_assert_eq!(out, labels_walked(&spaced, companies, vocab), "{sentence:?}");
    out
}

/// The labels of `spaced` (see [`mentioned_in`]) found from its capitalised word starts only,
/// each with the word before it and the words after it it needs: a label starts a
/// capitalised run, and most words are not capitalised. Answers as [`labels_walked`], which
/// splits every word.
fn labels_at_capitals(spaced: &str, companies: bool, vocab: &Vocabulary) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Where the last label found ends: the walk goes on from the word after it.
    let mut resume = 0;
    let mut window: Vec<&str> = Vec::with_capacity(RUN_WINDOW);
    for_each_capital_start(spaced, |at| {
        if at < resume {
            return;
        }
        if continues_name(word_before(spaced, at)) {
            return;
        }
        // The first word, and only when a run may start at it the words after it.
        window.clear();
        let after_first = push_words(spaced, at, 1, &mut window);
        let lead = lead_of(window[0], vocab);
        if !lead.may_be_label && !companies && !cfg!(debug_assertions) {
            return;
        }
        // Most runs that pass are a sentence's "The" or "A" and the word after it, which open
        // no label: known from those two words, before the rest are read.
        let after_second = push_words(spaced, after_first, 1, &mut window);
        let refused = !companies && lead.may_be_label && no_label_opens_with_two(spaced, &window, lead, vocab);
        if refused && !cfg!(debug_assertions) {
            return;
        }
        push_words(spaced, after_second, RUN_WINDOW - 2, &mut window);
        debug_assert_eq!(window, spaced[at..].split_whitespace().take(RUN_WINDOW).collect::<Vec<_>>());
        let run = label_run(spaced, &window, companies, lead, vocab);
        debug_assert!(!refused || run.is_none(), "run {run:?} refused by its first two words {window:?}");
        if let Some((j, name)) = run {
            resume = window[j - 1].as_ptr() as usize - spaced.as_ptr() as usize + window[j - 1].len();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    });
    out
}

/// Whether no run of the words of `spaced` from `two[0]` on can be a known label, told by
/// the first two words alone (`two`, the whole window so far; company names aside): the first
/// word and the first two, trimmed as names, spell none, and no spelling opens with the
/// first two. Then every longer run's name is the two words, trimmed, or opens with them and
/// a space: it opens with an ASCII letter or digit (nothing trimmed before it), its trim
/// cannot pass the second word's first character, and the fold of what follows them starts
/// with a space. `false` when the words do not stand so (told by the full run instead).
fn no_label_opens_with_two(spaced: &str, two: &[&str], lead: Lead<'_, '_>, vocab: &Vocabulary) -> bool {
    let [first, second] = two else {
        return false;
    };
    let at = |w: &str| w.as_ptr() as usize - spaced.as_ptr() as usize;
    let bytes = spaced.as_bytes();
    let end_first = at(first) + first.len();
    let standing = first.as_bytes()[0].is_ascii_alphanumeric()
        && second.as_bytes()[0].is_ascii_alphanumeric()
        && at(second) == end_first + 1
        && bytes[end_first] == b' ';
    if !standing {
        return false;
    }
    // The first word alone: `lead` is that word, untrimmed.
    let one = trimmed_name(first);
    if if one.len() == first.len() { lead.opening.label.is_some() } else { vocab.label(one).is_some() } {
        return false;
    }
    let pair = &spaced[at(first)..at(second) + second.len()];
    if vocab.label_opening(pair).opens {
        return false;
    }
    // Not opened, so not spelled either, unless trimmed.
    let trimmed = trimmed_name(pair);
    trimmed.len() == pair.len() || vocab.label(trimmed).is_none()
}

/// [`labels_at_capitals`] by splitting `spaced` into words and walking every one: the
/// debug-build and property-test oracle.
fn labels_walked(spaced: &str, companies: bool, vocab: &Vocabulary) -> Vec<String> {
    let words = split_words(spaced);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A label starts a capitalised run: "Fats Domino" and "The Virgin Suicides" hold none.
        if !words[i].starts_with(|c: char| c.is_uppercase()) || continues_name(i.checked_sub(1).map(|k| words[k])) {
            i += 1;
            continue;
        }
        let window = &words[i..(i + RUN_WINDOW).min(words.len())];
        match label_run(spaced, window, companies, lead_of(words[i], vocab), vocab) {
            Some((j, name)) => {
                if !out.contains(&name) {
                    out.push(name);
                }
                i += j;
            }
            None => i += 1,
        }
    }
    out
}

/// Pushes the next `n` words of `text` from byte `from` (a character boundary) onto `words`,
/// as `split_whitespace` splits them, and returns where the last one ends. Bytes of
/// printable ASCII, most of a word, are passed without a look at the character.
fn push_words<'t>(text: &'t str, mut from: usize, n: usize, words: &mut Vec<&'t str>) -> usize {
    let bytes = text.as_bytes();
    let space = |at: usize| {
        let b = bytes[at];
        if b > b' ' && b < 0x80 { (1, false) } else { crate::normalize::text::space_at(text, at) }
    };
    for _ in 0..n {
        // `space_at` steps over a character that is no whitespace one byte at a time, which
        // stops only at a space's first byte: words end on character boundaries.
        while from < bytes.len() {
            let (width, is_space) = space(from);
            if !is_space {
                break;
            }
            from += width;
        }
        if from == bytes.len() {
            break;
        }
        let start = from;
        while from < bytes.len() {
            let (width, is_space) = space(from);
            if is_space {
                break;
            }
            from += width;
        }
        words.push(&text[start..from]);
    }
    from
}

/// The word that ends `text[..at]` before its trailing whitespace, if any, as
/// `split_whitespace` would give it. Read back byte by byte through ASCII; a byte of U+0080 and
/// above (perhaps part of a space) leaves it to the character walk.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let bytes = &text.as_bytes()[..at];
    let ascii_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let end = bytes.iter().rposition(|&b| !ascii_space(b));
    let found = match end {
        None => None,
        Some(end) if bytes[end] < 0x80 => {
            let start = bytes[..end].iter().rposition(|&b| b <= b' ' || b >= 0x80).map_or(0, |k| k + 1);
            // Stopped by a control byte that is no whitespace, or a byte of U+0080 and
            // above: the walk reads it.
            match start.checked_sub(1).map(|k| bytes[k]) {
                Some(b) if !ascii_space(b) => word_before_walked(text, at),
                _ => Some(&text[start..=end]),
            }
        }
        Some(_) => word_before_walked(text, at),
    };
    debug_assert_eq!(found, word_before_walked(text, at), "{text:?} {at}");
    found
}

/// [`word_before`] by walking characters.
fn word_before_walked(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end();
    (!before.is_empty()).then(|| before.rsplit(char::is_whitespace).next().unwrap_or(before))
}

/// Words a run reads from its first: up to five in the run, and the one after it.
const RUN_WINDOW: usize = 6;

/// Whether a capitalised word after `word_before` (None: it is the first) goes on a name
/// started before it ("Fats Domino"), so no label starts at it.
fn continues_name(word_before: Option<&str>) -> bool {
    word_before.is_some_and(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            && !w.ends_with([',', '.', ';', ':'])
            && !matches!(
                w,
                "The" | "A" | "An" | "Its" | "His" | "Her" | "Their" | "This" | "That" | "On" | "From" | "Via"
            )
    })
}

/// Calls `f` with the byte offset of every word start of `text` (after whitespace, or at 0)
/// whose first character is upper-case, in order. Such a character starts with an ASCII
/// capital or a lead byte of U+0080 and above; both are found eight bytes at a time.
fn for_each_capital_start(text: &str, mut f: impl FnMut(usize)) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut try_at = |at: usize| {
        let b = bytes[at];
        let upper = b.is_ascii_uppercase() || b >= 0xC0 && text[at..].chars().next().is_some_and(char::is_uppercase);
        let starts = at == 0
            || if bytes[at - 1] < 0x80 {
                char::from(bytes[at - 1]).is_whitespace()
            } else {
                text[..at].chars().next_back().is_some_and(char::is_whitespace)
            };
        if upper && starts {
            f(at);
        }
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Below 0x80, adding 0x3F carries into the high bit from 'A' (0x41) up and adding 0x25
        // from '[' (0x5B) up, and neither carries out of its byte; a byte of 0xC0 or more has
        // both top bits set. Exact: no byte is marked but these.
        let low = x & !HIGH;
        let capital = low.wrapping_add(ONES * 0x3F) & !low.wrapping_add(ONES * 0x25) & !x & HIGH;
        let lead = x & (x << 1) & HIGH;
        let mut marks = capital | lead;
        while marks != 0 {
            try_at(base + (marks.trailing_zeros() / 8) as usize);
            marks &= marks - 1;
        }
        base += 8;
    }
    for (at, &b) in bytes.iter().enumerate().skip(base) {
        if b.is_ascii_uppercase() || b >= 0xC0 {
            try_at(at);
        }
    }
}

/// What a run needs of its first word: that word untrimmed or trimmed of what opens it
/// before a letter or digit, trimmed as a one-word name, and whether a label may open there.
#[derive(Clone, Copy)]
struct Lead<'s, 'v> {
    lead: &'s str,
    opening: crate::normalize::labels::Opening<'v>,
    may_be_label: bool,
}

/// The [`Lead`] of a run opening with `word`.
fn lead_of<'s, 'v>(word: &'s str, vocab: &'v Vocabulary) -> Lead<'s, 'v> {
    // A run's name folds to words opening with the fold of this word, whole or trimmed
    // as a one-word name is; a label none of whose spellings opens so is not there.
    // Most words open with an ASCII letter: then there is nothing to trim.
    let lead = if word.as_bytes()[0].is_ascii_alphanumeric() {
        word
    } else {
        word.trim_start_matches(|c: char| !c.is_alphanumeric())
    };
    let trimmed = trimmed_name(lead);
    let opening = vocab.label_opening(lead);
    let may_be_label = opening.opens || trimmed != lead && vocab.label_may_open(trimmed);
    Lead { lead, opening, may_be_label }
}

/// The label a run of `words` (slices of `spaced`; the first starts a run, see
/// [`continues_name`]) opens with, if any, and how many words it takes.
fn label_run(
    spaced: &str,
    words: &[&str],
    companies: bool,
    lead: Lead<'_, '_>,
    vocab: &Vocabulary,
) -> Option<(usize, String)> {
    // Where a word (or a part of one) starts in `spaced`: words are slices of it.
    let at = |w: &str| w.as_ptr() as usize - spaced.as_ptr() as usize;
    let i = 0;
    // The longest run of words from here, up to a slash, that is a known label.
    let limit = (i + 5).min(words.len());
    let stop = words[i..limit].iter().position(|w| *w == "/").map_or(limit, |p| i + p);
    let Lead { lead, opening: lead_opening, may_be_label } = lead;
    let lead_opens = lead_opening.opens;
    let company_ahead = companies && stop - i >= 2 && words[i..stop].iter().any(|w| is_company_word(w));
    if !may_be_label && !company_ahead && !cfg!(debug_assertions) {
        return None;
    }
    // `opens[k - 1]`: whether a spelling opens with the run's first k words, whole (see
    // `LabelTable::may_open`), and the label they spell if they are one; found as runs
    // ask, shortest first.
    // Known once for the runs from here: how many words from this one open with a capital,
    // and how many after it stand one plain space after the word before.
    let caps_run = words[i..stop].iter().take_while(|w| w.starts_with(|c: char| c.is_uppercase())).count();
    let single_gaps = (i + 1..stop)
        .take_while(|&m| {
            let gap = at(words[m - 1]) + words[m - 1].len();
            at(words[m]) == gap + 1 && spaced.as_bytes()[gap] == b' '
        })
        .count();
    let mut opens: [Option<bool>; 5] = [Some(lead_opens), None, None, None, None];
    // `spelled[k - 1]`: the label the run's first k words spell, once `opens[k - 1]` is known.
    let mut spelled: [Option<&str>; 5] = [lead_opening.label, None, None, None, None];
    (i + 1..=stop).rev().find_map(|j| {
        let whole_run = words[j - 1].ends_with([',', '.', ';', ':', '’', '\'', ')'])
            || words[j - 1].ends_with("’s")
            || !words.get(j).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !whole_run {
            return None;
        }
        // A known label, or a capitalised name ending in "Records"/"Recordings".
        let all_caps = j - i <= caps_run;
        debug_assert_eq!(all_caps, words[i..j].iter().all(|w| w.starts_with(|c: char| c.is_uppercase())));
        let may_be_company = companies && j - i >= 2 && all_caps && words[i..j].iter().any(|w| is_company_word(w));
        if !may_be_label && !may_be_company && !cfg!(debug_assertions) {
            return None;
        }
        // Words hold no space, and are apart by at least one character: the run is a slice
        // when each gap is one plain space.
        let sliced = j - i - 1 <= single_gaps;
        // Such a slice, ending in a word that opens with a letter or digit, trims to a name
        // holding every word but perhaps the last whole (the trim cannot pass that first
        // character), and opening where the run does (its first word opens with a
        // capital): `hopeless` below whenever those words open no spelling. Known before
        // the name is trimmed, and found for the longer runs first, shortest prefix first.
        let skip = sliced
            && !may_be_company
            && j - i >= 2
            && words[j - 1].starts_with(|c: char| c.is_alphanumeric())
            && !(1..j - i).all(|k| {
                *opens[k - 1].get_or_insert_with(|| {
                    let o = vocab.label_opening(&spaced[at(lead)..at(words[i + k - 1]) + words[i + k - 1].len()]);
                    spelled[k - 1] = o.label;
                    o.opens
                })
            });
        if skip && !cfg!(debug_assertions) {
            return None;
        }
        // The run as its words joined by single spaces: most often a slice of the text.
        let (from, to) = (at(words[i]), at(words[j - 1]) + words[j - 1].len());
        debug_assert_eq!(
            sliced,
            to - from == words[i..j].iter().map(|w| w.len() + 1).sum::<usize>() - 1
                && spaced.as_bytes()[from..to].iter().filter(|&&b| b == b' ').count() == j - i - 1
        );
        let raw: std::borrow::Cow<'_, str> =
            if sliced { spaced[from..to].into() } else { words[i..j].join(" ").into() };
        let name = trimmed_name(&raw);
        // The label lookup folds the name: skipped when the name holds the run's first k
        // words whole and no spelling opens with them; and answered by the lookup of its
        // first `whole` words when it is they, exactly (most often a word untrimmed).
        let end = if sliced && !name.is_empty() && at(name) == at(lead) { at(name) + name.len() } else { 0 };
        let whole = (i..j).take_while(|&m| end > 0 && at(words[m]) + words[m].len() <= end).count();
        let hopeless = whole >= 1
            && !(1..=whole).all(|k| {
                *opens[k - 1].get_or_insert_with(|| {
                    let o = vocab.label_opening(&spaced[at(lead)..at(words[i + k - 1]) + words[i + k - 1].len()]);
                    spelled[k - 1] = o.label;
                    o.opens
                })
            });
        // Not hopeless, `opens[whole - 1]` is known: the name is those words exactly
        // when it ends where the last of them does.
        let label = if hopeless {
            false
        } else if whole >= 1 && at(words[i + whole - 1]) + words[i + whole - 1].len() == end {
            debug_assert_eq!(spelled[whole - 1], vocab.label(name), "{name:?}");
            spelled[whole - 1].is_some()
        } else {
            vocab.label(name).is_some()
        };
        debug_assert!(!hopeless || vocab.label(name).is_none(), "label {name:?} missed by its opening words");
        let company = j - i >= 2 && all_caps && company_end(name);
        debug_assert!(may_be_label || !label, "label {name:?} missed by its opening word");
        debug_assert!(may_be_company || !company, "company {name:?} missed by its words");
        debug_assert!(!skip || hopeless && !label && !company, "run {name:?} skipped");
        (label || company).then(|| (j, name.to_string()))
    })
}

/// Searchers for the company words' stems, built once: `memmem::find` builds its searcher on
/// every call, which cost more than the search through a blurb.
static RECORD: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("Record"));
static SOUNDTRACKS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("Soundtracks"));

/// `text.split_whitespace()` collected, finding its whitespace eight bytes at a time: a
/// whitespace character starts with a byte below `!` or a lead byte of U+0080 and above, and
/// a blurb's words are mostly printable ASCII, which neither can be.
fn split_words(text: &str) -> Vec<&str> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut words = Vec::with_capacity(bytes.len() / 4);
    // Where the word being read (or the next one) starts.
    let mut from = 0;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // A byte below 0x21 sets its high bit here (and perhaps some above it); a byte of
        // 0xC0 or more has both top bits set.
        let low = x.wrapping_sub(ONES * 0x21) & !x & HIGH;
        let lead = x & (x << 1) & HIGH;
        let mut marks = low | lead;
        while marks != 0 {
            try_space(text, base + (marks.trailing_zeros() / 8) as usize, &mut from, &mut words);
            marks &= marks - 1;
        }
        base += 8;
    }
    for at in base..bytes.len() {
        try_space(text, at, &mut from, &mut words);
    }
    if from < bytes.len() {
        words.push(&text[from..]);
    }
    words
}

/// For [`split_words`]: ends the word read since `from` if a whitespace character starts at
/// byte `at`, a marked byte. Marks may be false (a borrow marks higher bytes), never missed;
/// a continuation byte is neither, and no character starts there. A plain space, the usual
/// mark, is known without a call.
#[inline(always)]
fn try_space<'t>(text: &'t str, at: usize, from: &mut usize, words: &mut Vec<&'t str>) {
    let b = text.as_bytes()[at];
    if at < *from || b > b' ' && b < 0xC0 {
        return;
    }
    let len = if b == b' ' {
        1
    } else {
        match space_len(text, at) {
            Some(len) => len,
            None => return,
        }
    };
    if at > *from {
        words.push(&text[*from..at]);
    }
    *from = at + len;
}

/// The length of the whitespace character at byte `at` of `text`, if one starts there.
#[inline]
fn space_len(text: &str, at: usize) -> Option<usize> {
    let (width, space) = crate::normalize::text::space_at(text, at);
    space.then_some(width)
}

/// `RELEASE_WORD.is_match(sentence)`, found in one pass that stops at the first release word:
/// the regex's lead searches the whole text for each of its thirteen words before trying one.
pub(crate) fn has_release_word(sentence: &str) -> bool {
    has_release_word_in(sentence, crate::re::holds_ascii_folding_letter(sentence))
}

/// `has_release_word`, told whether `sentence` may hold `ſ` or the Kelvin sign (see
/// [`mentioned_in`]).
fn has_release_word_in(sentence: &str, folding: bool) -> bool {
    // `(?i)` also matches 'ſ' to 's' and the Kelvin sign to 'k', which the automaton, ASCII
    // case aside, does not.
    if folding {
        return RELEASE_WORD.is_match(sentence);
    }
    let word_before = |at: usize| sentence[..at].chars().next_back().is_some_and(is_word_char);
    let word_after = |at: usize| sentence[at..].chars().next().is_some_and(is_word_char);
    // "releas", "reissu" run on through word characters to a boundary; the other words end at
    // one. ("re-releas" holds "releas" after a hyphen.)
    let bounded =
        |m: aho_corasick::Match| !word_before(m.start()) && (m.pattern().as_usize() < 2 || !word_after(m.end()));
    let found = match &*RELEASE_WORDS_PACKED {
        // No word is a prefix of another, so at most one begins at a place: the leftmost from
        // each place on, one place after another, are all of them. The words are ASCII, so a
        // match in the lower-cased copy is one in the text, at the same offsets.
        Some(packed) => crate::re::with_ascii_lowered(sentence, |lowered| {
            let mut from = 0;
            while let Some(m) = packed.find_in(lowered, aho_corasick::Span::from(from..lowered.len())) {
                if bounded(m) {
                    return true;
                }
                from = m.start() + 1;
            }
            // "lp" and "cd", searched apart: each is found as a pair of bytes, not a
            // fingerprint shared with the longer words that the packed search stops to check.
            SHORT_RELEASE_WORDS.iter().any(|finder| {
                finder.find_iter(lowered).any(|at| !word_before(at) && !word_after(at + finder.needle().len()))
            })
        }),
        None => RELEASE_WORDS.find_overlapping_iter(sentence).any(bounded),
    };
    debug_assert_eq!(found, RELEASE_WORD.is_match(sentence), "{sentence:?}");
    found
}

/// `RELEASE_WORD`'s words, lower-case, "releas" and "reissu" first (see `has_release_word`),
/// the two-letter words last (see [`SHORT_RELEASE_WORDS`]).
const RELEASE_WORD_LIST: [&str; 12] =
    ["releas", "reissu", "edition", "box set", "vinyl", "disc", "label", "dropped", "pressing", "album", "lp", "cd"];

/// [`RELEASE_WORD_LIST`] ignoring ASCII case, for where no packed searcher can be built.
static RELEASE_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(RELEASE_WORD_LIST)
        .expect("static automaton")
});

/// [`RELEASE_WORD_LIST`] but "lp" and "cd" in one vectorised searcher (Teddy), run over a
/// lower-cased copy: a few times fewer instructions than the automaton's byte-at-a-time
/// overlapping walk. With two-letter words among them it matched on two-byte fingerprints,
/// and stopped to check at every "lp" of "help" and at many a place that held no word.
static RELEASE_WORDS_PACKED: LazyLock<Option<aho_corasick::packed::Searcher>> =
    LazyLock::new(|| aho_corasick::packed::Searcher::new(&RELEASE_WORD_LIST[..RELEASE_WORD_LIST.len() - 2]));

/// The two-letter release words, the last two of [`RELEASE_WORD_LIST`], each searched alone.
static SHORT_RELEASE_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    LazyLock::new(|| [RELEASE_WORD_LIST[10], RELEASE_WORD_LIST[11]].map(memchr::memmem::Finder::new));

/// A word holding what `COMPANY_END` needs ("Records", "Recordings", "Co", "Soundtracks").
fn is_company_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    // Each is looked for only where its capital is.
    (0..bytes.len()).any(|at| {
        let rest = &bytes[at + 1..];
        match bytes[at] {
            b'C' => rest.starts_with(b"o"),
            b'R' => rest.starts_with(b"ecord"),
            b'S' => rest.starts_with(b"oundtracks"),
            _ => false,
        }
    })
}

/// A run of words as a label name: without surrounding punctuation or a possessive.
fn trimmed_name(raw: &str) -> &str {
    // Most runs open and end with an ASCII letter or digit and end in no possessive: then
    // nothing is trimmed, known without the character walks.
    let bytes = raw.as_bytes();
    let plain = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && !raw.ends_with("’s")
        && !raw.ends_with("'s");
    if plain {
        debug_assert_eq!(trimmed_name_walked(raw), raw);
        return raw;
    }
    trimmed_name_walked(raw)
}

/// [`trimmed_name`] by trimming each end.
fn trimmed_name_walked(raw: &str) -> &str {
    let mut name = raw.trim_matches(|c: char| !c.is_alphanumeric());
    // `strip_suffix` in a loop is `trim_end_matches` with a string pattern, which would build
    // a substring searcher on every call.
    while let Some(rest) = name.strip_suffix("’s") {
        name = rest;
    }
    while let Some(rest) = name.strip_suffix("'s") {
        name = rest;
    }
    name.trim_end_matches(['’', '\''])
}

/// `COMPANY_END.is_match(name)`: the name ends in one of its words, after no word character.
fn company_end(name: &str) -> bool {
    let found = ["Records", "Recordings", "Recording Co", "Soundtracks"]
        .iter()
        .any(|end| name.strip_suffix(end).is_some_and(|head| !head.chars().next_back().is_some_and(is_word_char)));
    debug_assert_eq!(found, COMPANY_END.is_match(name), "{name:?}");
    found
}

static COMPANY_END: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"\b(?:Records|Recordings|Recording Co|Soundtracks)$").expect("static regex"));

pub static RELEASE_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(
        r"(?i)\b(?:releas\w*|re-releas\w*|reissu\w*|edition|box set|lp|cd|vinyl|disc|label|dropped|pressing|album)\b",
    )
    .and_then(|re| {
        re.led(&[
            "releas",
            "re-releas",
            "reissu",
            "edition",
            "box set",
            "lp",
            "cd",
            "vinyl",
            "disc",
            "label",
            "dropped",
            "pressing",
            "album",
        ])
    })
    .expect("static regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    #[test]
    fn labels_beside_release_words() {
        let s = "Even if you own Film Score Monthly/Retrograde Records’ fine single-CD release, La-La Land’s new re-release is worth it.";
        assert_eq!(mentioned(s, &BUILT_IN), ["Film Score Monthly", "Retrograde Records", "La-La Land"]);
        assert!(mentioned("Milan is a city in Italy.", &BUILT_IN).is_empty());
        assert_eq!(mentioned("Nightjar Records is proud to release six titles.", &BUILT_IN), ["Nightjar Records"]);
        // Labels opening with a sentence's first two words, whole, trimmed or with more after.
        assert_eq!(mentioned("The Numero Group reissued it.", &BUILT_IN), ["The Numero Group"]);
        assert_eq!(mentioned("Silva Screen’s reissue.", &BUILT_IN), ["Silva Screen"]);
        assert_eq!(mentioned("Intrada Special Collection vinyl.", &BUILT_IN), ["Intrada Special Collection"]);
        assert!(mentioned("a double album with Chuck Berry, Fats Domino and more", &BUILT_IN).is_empty());
    }

    #[test]
    fn possessive_and_punctuated_labels_pass_the_opening_word_test() {
        // The opening word is tested whole ("Milan’s" folds to "milans") and trimmed ("Milan").
        assert_eq!(mentioned("The album came out on Milan’s label.", &BUILT_IN), ["Milan"]);
        assert_eq!(mentioned("A release from Varèse Sarabande, at last.", &BUILT_IN), ["Varèse Sarabande"]);
        assert_eq!(mentioned("The vinyl came from Waxwork Records — a fine pressing.", &BUILT_IN), ["Waxwork Records"]);
        assert_eq!(mentioned("A CD by Zyx Qqq Recording Co, out now.", &BUILT_IN), ["Zyx Qqq Recording Co"]);
    }

    proptest::proptest! {
        /// Names that need no trim are known without the walk.
        #[test]
        fn trimmed_names_as_walked(raw in "(Milan|s|’s|'s|’|'|é|9|-|\\.| ){0,5}") {
            proptest::prop_assert_eq!(trimmed_name(&raw), trimmed_name_walked(&raw));
        }

        /// The capital-first search finds the company words' stems wherever they are.
        #[test]
        fn company_words_hold_a_stem(word in "(Co|C|o|Record|Recor|Soundtracks|Soundtrack|S|R|x|é|’){0,6}") {
            let stems = ["Co", "Record", "Soundtracks"];
            proptest::prop_assert_eq!(is_company_word(&word), stems.iter().any(|s| word.contains(s)));
        }
    }

    #[test]
    fn company_ends_as_the_regex_finds_them() {
        for name in [
            "Zyx Recording Co",
            "Nightjar Records",
            "XRecords",
            "Éa-Records",
            "éRecords",
            "Records",
            "Records’",
            "Silva Soundtracks",
            "Co",
        ] {
            assert_eq!(company_end(name), COMPANY_END.is_match(name), "{name:?}");
        }
    }

    #[test]
    fn release_words_as_the_regex_finds_them() {
        for s in [
            "the re-release",
            "a Reissued LP.",
            "prerelease",
            "CDs",
            "the CD",
            "box  set",
            "BOX SET!",
            "labels",
            "Label",
            "dropped_",
            "_album",
            "albumé",
            "é album",
            "releaſe",
            "vinyl’s",
            "",
            "cd\u{301}",
        ] {
            assert_eq!(has_release_word(s), RELEASE_WORD.is_match(s), "{s:?}");
        }
        assert!(has_release_word("It was re-released."));
        assert!(!has_release_word("prerelease discs-worth"));
    }

    /// Besides ASCII case, `(?i)` pairs ASCII letters with 'ſ' and the Kelvin sign only, the two
    /// `has_release_word` leaves to the regex.
    #[test]
    fn only_two_non_ascii_letters_fold_to_ascii_ones() {
        let letter = regex::Regex::new("(?i)^[a-z]$").unwrap();
        let folding: Vec<char> =
            (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|c| letter.is_match(&c.to_string())).collect();
        assert_eq!(folding, ['ſ', '\u{212A}']);
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        let text = " Milan’s\u{a0}label,\tLa-La\u{2003}Land\n\u{b}x\u{85}Varèse \u{3000}";
        assert_eq!(split_words(text), text.split_whitespace().collect::<Vec<_>>());
        assert_eq!(split_words(text), ["Milan’s", "label,", "La-La", "Land", "x", "Varèse"]);
        assert!(split_words(" \u{2028} ").is_empty());
    }

    /// The capital-start reading and the walk over every word find the same labels in
    /// `spaced`, with company names refused and not (refusing them is right only in a text
    /// without their stems).
    fn read_alike(spaced: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let stems = spaced.contains("Record") || spaced.contains("Soundtracks");
        for companies in [stems, true] {
            proptest::prop_assert_eq!(
                labels_at_capitals(spaced, companies, &BUILT_IN),
                labels_walked(spaced, companies, &BUILT_IN)
            );
        }
        Ok(())
    }

    proptest::proptest! {
        /// The packed search finds a release word wherever the regex does, overlapping
        /// and run-on words included.
        #[test]
        fn release_words_found_as_the_regex_finds_them(text in "(re-releas|releas|RELEASE|Reissu|lp|LP|cd|CDs|Cd|help|lps|cdlp|disc|disco|label|album|box set|edition|é|x|-| |_){0,12}") {
            proptest::prop_assert!(RELEASE_WORDS_PACKED.is_some() || !cfg!(target_arch = "x86_64"));
            proptest::prop_assert_eq!(has_release_word(&text), RELEASE_WORD.is_match(&text));
        }

        /// The byte-level split agrees with `split_whitespace` on every kind of whitespace.
        #[test]
        fn words_split_as_split_whitespace_does_everywhere(text in "[a é’\t\n\u{b}\u{c}\r\u{1c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{202f}\u{3000}\u{feff}]{0,16}") {
            proptest::prop_assert_eq!(split_words(&text), text.split_whitespace().collect::<Vec<_>>());
            let mut words = Vec::new();
            push_words(&text, 0, usize::MAX, &mut words);
            proptest::prop_assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        }

        /// Long texts cross the eight-byte chunks with spaces, controls and lead bytes.
        #[test]
        fn words_split_as_split_whitespace_does_across_chunks(text in "[a!~ \u{1}\u{1f}\u{7f}é\u{ff}’\t\n\u{85}\u{a0}\u{2003}\u{3000}\u{feff}]{0,48}") {
            proptest::prop_assert_eq!(split_words(&text), text.split_whitespace().collect::<Vec<_>>());
        }

        /// Debug builds check that the opening-word test never hides a label or a company
        /// name the full lookup finds (the assertions in `mentioned`).
        #[test]
        fn the_opening_word_test_hides_no_label(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Milan", "Milan’s", "Milan's", "Varèse", "Sarabande", "Sarabande’s", "La-La", "Land", "Land’s",
                "Records", "Records’", "Co", "Recording", "Silva", "Screen", "(Silva", "Screen)", "—", "/", "’s",
                "The", "release", "CD", "on", "by", "re-release", "prerelease", "cds", "Albums", "box", "set", "Waxwork", "Sony", "Classical", "EMI", "&", "Mondo.", "Intrada,",
            ]),
            1..12,
        )) {
            proptest::prop_assert_eq!(has_release_word(&words.join(" ")), RELEASE_WORD.is_match(&words.join(" ")));
            let found = mentioned(&words.join(" "), &BUILT_IN);
            proptest::prop_assert!(found.iter().all(|name| !name.is_empty()));
        }

        /// Runs read from the capitalised word starts alone find what the walk over every
        /// word finds: capitals after any whitespace, inside words, after lead bytes and
        /// across the eight-byte chunks, and runs that go on past a label found.
        #[test]
        fn capital_starts_find_what_the_walk_finds(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "Milan", "Milan’s", "Varèse", "Sarabande", "La-La", "Land", "Records", "Recording", "Co", "Silva",
                "Screen", "The", "A", "Fats", "Domino,", "Émile", "Ölbaum", "éa", "xY", "(Silva", "Film", "Score",
                "Monthly", "Retrograde", "release", "CD", "on", "/", " ", "\u{a0}", "\u{2003}", "\t", "\n", "\u{1c}", "é", "Z",
                "Numero", "Group", "Group’s", "film,", "&", "M", "A&M", "’s", "s", "Milan,", "Screen’s",
            ]),
            1..24,
        )) {
            let spaced = parts.concat().replace('/', " / ");
            read_alike(&spaced)?;
        }

        /// Runs refused by their first two words hold no label the full run finds: labels
        /// opening with the two words whole, trimmed ("Silva Screen’s") or with a third word
        /// after them, and words apart by other whitespace.
        #[test]
        fn two_word_refusals_hide_no_label(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "The", "Numero", "Group", "Group’s", "Silva", "Screen", "Screen’s", "Screen,", "Milan", "Milan’s",
                "Entertainment", "A&M", "s", "’s", "film,", "\n",
            ]),
            1..10,
        )) {
            let spaced = words.join(" ");
            read_alike(&spaced)?;
        }

        /// The word before a place, read back through bytes, is the one the character walk
        /// finds.
        #[test]
        fn words_before_as_walked(text in "[a!~ \u{1}\u{1f}é’\t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2003}]{0,24}") {
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                proptest::prop_assert_eq!(word_before(&text, at), word_before_walked(&text, at));
            }
        }

        /// The same, with words apart by other whitespace than one space (the debug-build
        /// checks on runs that are slices of the text).
        #[test]
        fn runs_apart_by_any_whitespace_are_read_alike(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Milan", "Milan’s", "Varèse", "Sarabande", "La-La", "Land", "Records", "Silva", "Screen", "The",
                "release", "CD", "on", "/", " ", "  ", "\u{a0}", "\t", "\n",
            ]),
            1..14,
        )) {
            let text = words.join(" ");
            let found = mentioned(&text, &BUILT_IN);
            proptest::prop_assert!(found.iter().all(|name| !name.is_empty()));
        }
    }
}
