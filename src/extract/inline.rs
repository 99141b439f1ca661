//! Lists packed into one paragraph: "Honourable mentions: Title (Composer), Title (Composer),
//! …" and "1. Title, 2. Title, 3. Title". Each item is read as a header of its own.

use std::sync::LazyLock;

use crate::re::Re;

use super::header::{self, Orientation};
use super::list::Entry;
use super::sections::UnitInfo;
use super::title::title_score;
use super::units::Unit;
use super::vocab::Vocabulary;
use super::words::{is_capitalised, is_title_function_word};

static NUMBERED: LazyLock<Re> = LazyLock::new(|| Re::new(r"(?:^|[\s,;])\(?(\d{1,2})[.)]\s+").expect("static regex"));

/// Entries of inline lists in units no other entry claimed.
pub fn find_entries(units: &[Unit], info: &[UnitInfo], taken: &[Entry], vocab: &Vocabulary) -> Vec<Entry> {
    let o = Orientation::default();
    let mut out = Vec::new();
    let mut group = 10_000;
    let mut taken_units: Vec<usize> = taken.iter().map(|e| e.unit).collect();
    taken_units.sort_unstable();
    let starts = section_starts(units, info);
    for (i, u) in units.iter().enumerate() {
        if info[i].excluded || taken_units.binary_search(&i).is_ok() {
            continue;
        }
        // The mention words are looked for at most once per unit, and only when a step that
        // asks about them may still list items: a search costs about 3.5 instructions a
        // byte, and most paragraphs list nothing.
        let hm_cell = std::cell::OnceCell::new();
        let hm = || *hm_cell.get_or_init(|| HM_WORDS.find(&u.text));
        let listed = bracketed_items(&u.text).or_else(|| numbered_items(&u.text)).or_else(|| {
            if u.text.contains(": ") {
                lead_in_items(&u.text, hm())
            } else {
                debug_assert_eq!(lead_in_items(&u.text, HM_WORDS.find(&u.text)), None, "{:?}", u.text);
                None
            }
        });
        let (items, least) = match listed {
            Some(items) => (items.into_iter().map(|(rank, text)| (rank, text, None)).collect(), 3),
            None if !may_hold_dated_title(&u.text) => {
                debug_assert!(dated_titles(&u.text).is_empty(), "{:?}", u.text);
                continue;
            }
            None if starts[i] < i && info[starts[i]].hm_marker || hm().is_some() => (dated_titles(&u.text), 2),
            None => continue,
        };
        let headers: Vec<(Option<u32>, header::Header)> = items
            .into_iter()
            .filter_map(|(rank, text, possessor)| {
                let mut h = header::parse(&text, &o, vocab)?;
                if h.makers.is_empty()
                    && let Some(p) = possessor.filter(|p| super::names::name_score(p, vocab) >= 0.7)
                {
                    h.makers = super::names::split_names(&p);
                }
                Some((rank, h))
            })
            .filter(|(_, h)| h.title_score >= 0.6 && h.title.split_whitespace().count() <= 10)
            .collect();
        if headers.len() < least {
            continue;
        }
        // Inside an entry's blurb a bracketed run is a cast list or other credits, unless the
        // paragraph announces mentions of its own or every item is dated as works are.
        let dated = headers.iter().all(|(_, h)| h.year.is_some());
        let hm = hm();
        if in_blurb(i, &taken_units, &starts) && hm.is_none() && !dated {
            continue;
        }
        // The mention words lead the list ("Honourable mentions: A (X), …") or close it
        // ("A (X), B (Y) et C (Z) ont été les derniers recalés").
        let hm_hint = hm.is_some_and(|m| {
            !u.text[..m.start()].contains('(') || !u.text[m.end()..].contains('(') && u.text[m.end()..].len() < 40
        });
        for (rank, h) in headers {
            out.push(Entry { unit: i, header: h, rank, group, shared_unit: true, confidence: 0.7, hm_hint });
        }
        group += 1;
    }
    out
}

/// Whether [`dated_titles`] may find a title in `text`: each is dated as "(1…)" or "(2…)".
fn may_hold_dated_title(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'(', bytes).any(|at| matches!(bytes.get(at + 1), Some(b'1' | b'2')))
}

/// "Honorable mentions (write-ins): Solaris - Eduard Artemyev, Sunshine - John Murphy &
/// Underworld, Arrival - Jóhann Jóhannsson.": the items after a mentions lead-in and its colon,
/// separated by commas, semicolons or a last "and".
/// `lead` is the first match of [`HM_WORDS`] in `text`.
fn lead_in_items(text: &str, lead: Option<regex::Match<'_>>) -> Option<Vec<(Option<u32>, String)>> {
    let lead = lead?;
    let colon = lead.end() + text[lead.end()..].find(": ")?;
    if text[lead.end()..colon].split_whitespace().count() > 8 {
        return None;
    }
    let list = text[colon + 2..].trim().trim_end_matches(['.', '!']);
    let mut items: Vec<&str> = list.split([',', ';']).map(str::trim).collect();
    if let Some(last) = items.pop() {
        match last.strip_prefix("and ").or_else(|| last.strip_prefix("& ")) {
            Some(rest) => items.push(rest),
            None => items.extend(last.splitn(2, " and ").map(str::trim)),
        }
    }
    items.retain(|i| !i.is_empty());
    // Quotes and brackets may hold commas of their own: other readers take those lists.
    let titled = items.iter().all(|i| {
        i.split_whitespace().count() <= 12
            && i.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !i.contains(['(', ')', '“', '”', '"', '‘', '’'])
            && !i.ends_with('?')
    });
    (items.len() >= 2 && titled).then(|| items.into_iter().map(|i| (None, i.to_string())).collect())
}

/// A paragraph of mentions in running text, "Alan Silvestri's The Avengers (2012) and Michael
/// Giacchino's The Incredibles (2004) both came close, as did …": each title dated in
/// brackets, as "Title (Year)", with the person whose possessive opens it.
pub fn dated_titles(text: &str) -> Vec<(Option<u32>, String, Option<String>)> {
    static DATED: LazyLock<Re> = LazyLock::new(|| Re::new(r"^\((1[89]\d\d|20\d\d)\)$").expect("static regex"));
    top_level_groups(text)
        .into_iter()
        .filter(|&(start, end)| DATED.is_match(&text[start..end]))
        .filter_map(|(start, end)| {
            let span = super::spans::span_before(&text[..start])?;
            Some((None, format!("{} {}", span.title, &text[start..end]), span.possessor))
        })
        .collect()
}

/// Runs of "Title (X)" items inside a paragraph — "Honourable mentions: A (X), B (Y) and
/// C (Z).", "…the longest: Grease (1978), Hairspray (2007) and Mamma Mia! (2008) all came…" —
/// or "; "-separated segments that each open with one ("West Side Story (1961), with …;
/// Cabaret (1972), whose …").
fn bracketed_items(text: &str) -> Option<Vec<(Option<u32>, String)>> {
    let groups = top_level_groups(text);
    let mut best: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for &(start, end) in &groups {
        let joined = prev_end.and_then(|p| {
            let gap = &text[p..start];
            SEPARATED.captures(gap).map(|c| c[1].trim().to_string())
        });
        match joined {
            Some(title) if title_score(&title) >= 0.6 => run.push(format!("{title} {}", &text[start..end])),
            _ => {
                if run.len() > best.len() {
                    best = std::mem::take(&mut run);
                }
                run.clear();
                if let Some(title) = title_before(&text[..start]) {
                    run.push(format!("{title} {}", &text[start..end]));
                }
            }
        }
        prev_end = Some(end);
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() >= 3 {
        return Some(best.into_iter().map(|i| (None, i)).collect());
    }
    segment_items(text)
}

/// "…: A (1961), blurb; B (1972), blurb; C (2016), blurb."
fn segment_items(text: &str) -> Option<Vec<(Option<u32>, String)>> {
    // Most paragraphs have no colon: a vectorised search for the colon alone, without the
    // substring searcher memmem::find set up on every call.
    let bytes = text.as_bytes();
    let colon = memchr::memchr_iter(b':', bytes).find(|&at| bytes.get(at + 1) == Some(&b' '));
    debug_assert_eq!(colon, text.find(": "), "{text:?}");
    let list = &text[colon? + 2..];
    let segments: Vec<&str> = list.split("; ").map(|s| s.trim().trim_start_matches("and ").trim()).collect();
    if segments.len() < 3 {
        return None;
    }
    let items: Vec<String> = segments
        .iter()
        .filter_map(|seg| {
            let open = seg.find(" (")?;
            let title = &seg[..open];
            (title_score(title) >= 0.6 && title.split_whitespace().count() <= 10)
                .then(|| seg.trim_end_matches('.').to_string())
        })
        .collect();
    (items.len() >= 3 && items.len() == segments.len()).then(|| items.into_iter().map(|i| (None, i)).collect())
}

/// Byte ranges of top-level round-bracket groups.
fn top_level_groups(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for i in memchr::memchr2_iter(b'(', b')', text.as_bytes()) {
        match text.as_bytes()[i] {
            b'(' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((start, i + 1));
                }
            }
            _ => {}
        }
    }
    out
}

/// Between two items: a list separator (a comma, or "and" in the languages lists are written
/// in), then the next title.
static SEPARATED: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"^\s*(?:[,;]\s*(?:(?:and|or|&|et|ou|und|oder|y|o|e|i|och|en)\s+)?|\s+(?:and|or|&|et|ou|und|oder|y|o|e|i|och|en)\s+)([^,;()]{1,80}?)\s*$").expect("static regex")
});

/// The title-like words right before a bracket, back to a colon, sentence end or a
/// lower-case word that is not a title's small word.
fn title_before(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 && words.len() - start < 10 {
        let w = words[start - 1];
        if w.ends_with([':', ';']) || w.ends_with('.') && !super::split::is_abbreviation(w) {
            break;
        }
        if !(is_capitalised(w) || is_title_function_word(w)) {
            break;
        }
        start -= 1;
    }
    while start < words.len() && !is_capitalised(words[start]) {
        start += 1;
    }
    let title = words[start..].join(" ");
    if title.is_empty() {
        return sentence_case_clause(text);
    }
    (title_score(&title) >= 0.6).then_some(title)
}

/// A short clause opening its sentence, as titles in sentence case are written ("Le Cercle
/// rouge (1970, …)", "La vita è bella (1997)").
fn sentence_case_clause(text: &str) -> Option<String> {
    let clause = text.rsplit([':', ';', '.', '!', '?']).next().unwrap_or(text).trim();
    let words = clause.split_whitespace().count();
    let capitalised = clause.split_whitespace().next().is_some_and(is_capitalised);
    (capitalised && (2..=6).contains(&words) && title_score(clause) >= 0.6).then(|| clause.to_string())
}

static HM_WORDS: LazyLock<Re> = LazyLock::new(|| {
    Re::new(
        r"(?i)honou?rable mentions?|also[- ]rans?|runners?[- ]up|mentions? honorables?|recalée?s|lobende erwähnung|menci[oó]n(?:es)? honor[ií]fica|menzion[ei] d[’']onore",
    )
    .and_then(|re| re.led(&["hono", "also", "runner", "mention", "recal", "lobende", "menci", "menzion"]))
    .expect("static regex")
});

/// Whether unit `i` follows an entry with nothing but blurb in between.
fn in_blurb(i: usize, taken_units: &[usize], section_start: &[usize]) -> bool {
    let before = taken_units.partition_point(|&u| u < i);
    before > 0 && taken_units[before - 1] >= section_start[i]
}

/// For each unit, the index of the last section break (boundary, marker or heading) at or
/// before it, so "is there a break between two units" is one comparison.
fn section_starts(units: &[Unit], info: &[UnitInfo]) -> Vec<usize> {
    let mut start = 0;
    units
        .iter()
        .zip(info)
        .enumerate()
        .map(|(i, (u, inf))| {
            if inf.boundary || inf.hm_marker || u.is_heading() {
                start = i;
            }
            start
        })
        .collect()
}

/// "(1) Title, (2) Title, (3) Title" or "1. A, 2. B, 3. C" inside one paragraph.
fn numbered_items(text: &str) -> Option<Vec<(Option<u32>, String)>> {
    if !three_number_marks_may_stand(text) {
        debug_assert!(NUMBERED.captures_iter(text).filter(|c| c[1].parse::<u32>().is_ok()).count() < 3, "{text:?}");
        return None;
    }
    let marks: Vec<(usize, usize, u32)> = NUMBERED
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((m.start(), m.end(), c[1].parse().ok()?))
        })
        .collect();
    if marks.len() < 3 {
        return None;
    }
    let numbers: Vec<u32> = marks.iter().map(|m| m.2).collect();
    if !super::enumerator::is_sequence(&numbers) {
        return None;
    }
    let mut items = Vec::new();
    for (k, &(_, end, n)) in marks.iter().enumerate() {
        let stop = marks.get(k + 1).map_or(text.len(), |m| m.0);
        let item = text[end..stop].trim().trim_end_matches([',', ';', '.']).trim();
        let item = item.strip_suffix(" and").unwrap_or(item);
        items.push((Some(n), item.to_string()));
    }
    Some(items)
}

/// Whether `text` holds three places where a [`NUMBERED`] mark whose number reads as one
/// may end: an ASCII digit, then `.` or `)`, then a space (an ASCII one, or the first byte of
/// a longer character). Marks do not overlap, so three marks need three such places. Most
/// paragraphs have fewer, and are not searched with captures.
fn three_number_marks_may_stand(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'.', b')', bytes)
        .filter(|&at| {
            at > 0
                && bytes[at - 1].is_ascii_digit()
                && bytes.get(at + 1).is_some_and(|&b| b.is_ascii_whitespace() || b == 0x0B || !b.is_ascii())
        })
        .nth(2)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// A text refused by the mark check holds fewer than three marks with a number.
        #[test]
        fn mark_check_refuses_only_texts_with_fewer_than_three_marks(text in "(1|12|٣|\\.|\\)|\\(| |\u{a0}|\u{b}|\t|,|;|x|and){0,16}") {
            let marks = NUMBERED.captures_iter(&text).filter(|c| c[1].parse::<u32>().is_ok()).count();
            proptest::prop_assert!(three_number_marks_may_stand(&text) || marks < 3, "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The steps that skip the mention search refuse only texts in which it could not list
        /// items: no dated title without "(1" or "(2", no lead-in list without ": ".
        #[test]
        fn skipped_steps_list_nothing(text in "(Alan Silvestri's |Jaws |The Avengers |Heat |\\(2012\\)|\\(1975\\)|\\(١٩٧٥\\)|\\(|\\)|1975|: |:|, | and |Honourable mentions|also-rans|Runners-up: |Heat and Jaws| ){0,12}") {
            if !may_hold_dated_title(&text) {
                proptest::prop_assert!(dated_titles(&text).is_empty(), "{:?}", text);
            }
            if !text.contains(": ") {
                proptest::prop_assert_eq!(lead_in(&text), None, "{:?}", text);
            }
        }
    }

    #[test]
    fn three_marks_stand_in_a_numbered_paragraph() {
        assert!(three_number_marks_may_stand("(1) Jaws, (2) Heat,\u{a0}(3) Alien"));
        assert!(!three_number_marks_may_stand("1. Jaws 2. Heat, in 1975."));
        assert_eq!(numbered_items("1. Jaws 2. Heat 3.\u{b}Alien").map(|i| i.len()), Some(3));
    }

    fn lead_in(text: &str) -> Option<Vec<(Option<u32>, String)>> {
        lead_in_items(text, HM_WORDS.find(text))
    }

    #[test]
    fn bracketed_list() {
        let items = bracketed_items("Honourable mentions: NIGHTCRAWLER (James Newton Howard), CAROL (Carter Burwell), ANOMALISA (Carter Burwell).").unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].1, "CAROL (Carter Burwell)");
    }

    #[test]
    fn lists_inside_sentences() {
        let items = bracketed_items("Honourable mentions first, because it took long: Grease (1978), Hairspray (2007) and Mamma Mia! (2008) all came close.").unwrap();
        let items: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(items, ["Grease (1978)", "Hairspray (2007)", "Mamma Mia! (2008)"]);
        let items = bracketed_items("More, in no particular order: West Side Story (1961), with songs; Cabaret (1972), whose score; Sing Street (2016), a joy.").unwrap();
        assert_eq!(items.len(), 3);
    }

    #[test]
    fn sentence_case_titles_joined_in_other_languages() {
        let text = "Le Cercle rouge (1970, Éric Demarsan), Microcosmos : Le Peuple de l’herbe (1996, Bruno \
                    Coulais) et 37°2 le matin (1986, Gabriel Yared) ont été les derniers recalés.";
        let titles: Vec<String> =
            bracketed_items(text).unwrap().into_iter().map(|(_, t)| t[..t.find(" (").unwrap()].to_string()).collect();
        assert_eq!(titles, ["Le Cercle rouge", "Microcosmos : Le Peuple de l’herbe", "37°2 le matin"]);
        assert!(HM_WORDS.is_match(text));
        // A long sentence before the first bracket is not a title.
        assert_eq!(title_before("We have all seen and loved this one"), None);
    }

    #[test]
    fn items_after_a_mentions_lead_in() {
        let items = lead_in(
            "Honorable mentions (write-ins with 3+ votes): Solaris - Eduard Artemyev, Sunshine - John Murphy & \
             Underworld, Arrival - Jóhann Jóhannsson.",
        )
        .unwrap();
        let texts: Vec<&str> = items.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Solaris - Eduard Artemyev", "Sunshine - John Murphy & Underworld", "Arrival - Jóhann Jóhannsson"]
        );
        let texts: Vec<String> =
            lead_in("Runners-up: Heat, Thief and Collateral.").unwrap().into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["Heat", "Thief", "Collateral"]);
        assert_eq!(lead_in("Honourable mentions go to anyone who read this far: thanks, really"), None);
        assert_eq!(lead_in("Also-rans: “Persepolis,” Olivier Bernet, and Heat"), None);
    }

    #[test]
    fn numbered_list() {
        let items = numbered_items("My picks: 1. Jaws, 2. Alien, 3. Heat and 4. Ran.").unwrap();
        let titles: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(titles, ["Jaws", "Alien", "Heat", "Ran"]);
    }
}
