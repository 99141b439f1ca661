//! Finding an article's entry headers by repetition: every unit gets a parsed header and a
//! shape; numbers that form a sequence, and shapes that repeat with title-like slots, are the
//! article's entry template (after Liu et al., "Mining Data Records in Web Pages"). Nothing
//! here knows a particular site.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::re::Re;

use super::enumerator::{self, Enumerator, Style};
use super::fields::is_field_line;
use super::header::{self, Header, Orientation, Sep};
use super::names::list_score;
use super::sections::UnitInfo;
use super::split::{
    Piece, SepMatch, bracket_pieces, find_separators, split_header_rest, split_multi, strip_glued_various,
    without_work_key,
};
use super::units::Unit;
use super::vocab::Vocabulary;
use crate::document::BlockKind;

/// A header accepted as an entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub unit: usize,
    pub header: Header,
    pub rank: Option<u32>,
    /// Id of the group the entry was accepted with (singles get their own).
    pub group: usize,
    /// The unit holds several entries (an inline list or two pairs on a line).
    pub shared_unit: bool,
    pub confidence: f32,
    /// The entry's own paragraph calls it an honourable mention ("Honourable mentions: A (X), …").
    pub hm_hint: bool,
}

/// The shape two headers of one list share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Shape {
    kind: KindClass,
    sep: Option<Sep>,
    bracket: bool,
    standalone: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum KindClass {
    Heading(u8),
    Item,
    Line,
}

#[derive(Debug, Clone)]
struct Candidate {
    unit: usize,
    enumerator: Option<Enumerator>,
    header: Header,
    shape: Shape,
    shared_unit: bool,
}

/// Longest header we try to read, in words.
const MAX_HEADER_WORDS: usize = 24;

/// Whether each unit is a field line ("Composer: …"), asked by orientation and candidates
/// about the same units: worked out once per unit, when first asked.
struct FieldLines<'u> {
    units: &'u [Unit],
    known: Vec<std::cell::Cell<Option<bool>>>,
}

impl<'u> FieldLines<'u> {
    fn new(units: &'u [Unit]) -> Self {
        FieldLines { units, known: vec![std::cell::Cell::new(None); units.len()] }
    }

    /// [`is_field_line`] of unit `i`'s text.
    fn at(&self, i: usize) -> bool {
        if let Some(known) = self.known[i].get() {
            return known;
        }
        let answer = is_field_line(&self.units[i].text);
        self.known[i].set(Some(answer));
        answer
    }
}

/// One entry of a unit's text after its list number ([`split_multi`]), with what orientation
/// worked out about it for the header parse ([`header::Cut`]).
struct PartCut<'u> {
    part: &'u str,
    cut: header::Cut<'u>,
}

/// Votes which side of each separator holds makers, over the article's short lines.
pub fn orientation(units: &[Unit], info: &[UnitInfo], vocab: &Vocabulary) -> Orientation {
    orientation_with(units, info, vocab, &FieldLines::new(units)).0
}

/// [`orientation`], and the cuts of the units it read, by unit: candidates parses the same
/// parts of the same units and need not cut them again.
fn orientation_with<'u>(
    units: &'u [Unit],
    info: &[UnitInfo],
    vocab: &Vocabulary,
    fields: &FieldLines,
) -> (Orientation, Vec<Option<Vec<PartCut<'u>>>>) {
    let mut o = Orientation::default();
    let mut cuts: Vec<Option<Vec<PartCut<'u>>>> = Vec::new();
    cuts.resize_with(units.len(), || None);
    for (n, (u, i)) in units.iter().zip(info).enumerate() {
        if i.excluded || u.words() > 40 || fields.at(n) {
            continue;
        }
        let content = &u.text[u.enumerator().map_or(0, |e| e.len)..];
        let parts = split_multi(content);
        let mut unit_cuts = Vec::with_capacity(parts.len());
        for part in parts {
            let (head, rest) = split_header_rest(part, vocab);
            let (pieces, seps) = vote(head, &mut o, vocab);
            unit_cuts.push(PartCut { part, cut: header::Cut { head, rest, pieces: Some(pieces), seps } });
        }
        cuts[n] = Some(unit_cuts);
    }
    (o, cuts)
}

/// One header's vote: the name likeness of the left slot minus that of the right one.
/// Returns the header's bracket pieces, and its separators when the text outside brackets is
/// the header itself, for the header parse.
fn vote(head: &str, o: &mut Orientation, vocab: &Vocabulary) -> (Vec<Piece>, Option<Vec<SepMatch>>) {
    let pieces = bracket_pieces(head);
    let outside = outside_brackets(&pieces);
    let seps = find_separators(&outside);
    vote_on(&outside, &seps, o, vocab);
    let head_seps = (outside == head).then_some(seps);
    (pieces, head_seps)
}

/// [`vote`] on the text outside brackets and its separators.
fn vote_on(outside: &str, seps: &[SepMatch], o: &mut Orientation, vocab: &Vocabulary) {
    let Some(first) = seps.first() else { return };
    if matches!(first.sep, Sep::Comma | Sep::By) {
        return;
    }
    let (l, r) = (&outside[..first.start], &outside[first.end..]);
    if l.split_whitespace().count() > 8 || r.split_whitespace().count() > 12 {
        return;
    }
    // A descriptor slot ("Original Score by X") says nothing about orientation.
    if super::title::is_descriptor(l) || super::title::is_descriptor(r) {
        return;
    }
    o.add(first.sep, side_score(l, vocab) - side_score(r, vocab));
}

fn side_score(s: &str, vocab: &Vocabulary) -> f32 {
    let (cleaned, various) = strip_glued_various(s);
    if various { 1.0 } else { list_score(&cleaned, vocab) }
}

/// The text pieces of a header's [`bracket_pieces`], joined and trimmed.
fn outside_brackets(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            Piece::Group(..) => None,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

fn kind_class(u: &Unit) -> KindClass {
    match u.kind {
        BlockKind::Heading(l) => KindClass::Heading(l),
        BlockKind::ListItem => KindClass::Item,
        _ => KindClass::Line,
    }
}

/// One line per header candidate of the article: unit, shape and parsed slots, and whether it
/// was accepted. For `examples/inspect.rs`, to see why an entry was found or missed.
pub fn describe_candidates(units: &[Unit], info: &[UnitInfo], vocab: &Vocabulary) -> Vec<String> {
    let o = orientation(units, info, vocab);
    let accepted: Vec<(usize, String)> =
        find_entries(units, info, vocab).into_iter().map(|e| (e.unit, e.header.title)).collect();
    candidates(units, info, &o, vocab, &FieldLines::new(units), Vec::new(), Prune::No)
        .into_iter()
        .map(|c| {
            let ok = accepted.iter().any(|(u, t)| *u == c.unit && *t == c.header.title);
            format!(
                "{} line {} {:?} q={:.2} ts={:.2} ev={:.2} {:?} title={:?} makers={:?} year={:?} rest={:?}",
                if ok { "ACCEPT" } else { "      " },
                units[c.unit].line,
                c.enumerator.map(|e| (e.number, e.style)),
                quality(&c.header),
                c.header.title_score,
                c.header.evidence,
                c.shape,
                c.header.title,
                c.header.makers,
                c.header.year,
                c.header.rest.chars().take(30).collect::<String>(),
            )
        })
        .collect()
}

/// "Westworld — Season 1 (HBO, 2016)": which season or format of a show, after a separator,
/// is neither a title nor a maker; the show is the entry.
fn without_season(text: &str) -> std::borrow::Cow<'_, str> {
    if !season_may_follow_a_separator(text) {
        debug_assert!(!SEASON.is_match(text), "{text:?}");
        return std::borrow::Cow::Borrowed(text);
    }
    SEASON.replace(text, "")
}

static SEASON: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)\s*[-–—:|,]\s+(?:(?:season|series|staffel|saison|temporada)\s+(?:\d{1,2}|one|two|three|four|five)|(?:the\s+)?(?:mini-?series|limited series|complete series))\b", &["season", "series", "staffel", "saison", "temporada"])
        .expect("static regex")
});

/// Whether a [`SEASON`] match may begin at one of `text`'s separators: one of its words
/// (ASCII case aside) must follow the separator after one or more spaces. A non-ASCII byte
/// where the spaces or the word would be (a Unicode space, or `ſ` for an `s`) is left to the
/// regex. Every unit is tried as a header, and the gate lower-cased each whole paragraph.
fn season_may_follow_a_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    let follows = |sep_end: usize| {
        let rest = &bytes[sep_end..];
        let spaces = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')).count();
        let word = &rest[spaces..];
        if word.first().is_some_and(|b| !b.is_ascii()) {
            return true;
        }
        // Every word below opens with s, m, l, c or t (either case): most separators, a
        // paragraph's commas, are followed by none, and need not be compared with each word.
        if !word.first().is_some_and(|b| matches!(b | 0x20, b's' | b'm' | b'l' | b'c' | b't')) {
            return false;
        }
        let starts = |word: &[u8], words: &[&str]| {
            !word[..word.len().min(16)].is_ascii()
                || words.iter().any(|w| crate::normalize::text::starts_with_ignore_ascii_case(word, w))
        };
        if spaces == 0 {
            return false;
        }
        if starts(word, &["season", "series", "staffel", "saison", "temporada", "mini", "limited", "complete"]) {
            return true;
        }
        // "the" and spaces before "miniseries", "limited series" or "complete series".
        if !crate::normalize::text::starts_with_ignore_ascii_case(word, "the") {
            return false;
        }
        let gap =
            word[3..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')).count();
        let after = &word[3 + gap..];
        after.first().is_some_and(|b| !b.is_ascii()) || gap > 0 && starts(after, &["mini", "limited", "complete"])
    };
    // Most separators are a paragraph's commas and hyphens, followed by a space and a word
    // that opens with none of the letters above, or by a word at once (no space): `follows`
    // refuses both. This asks the same of the next two bytes before it is called.
    let surely_not = |sep_end: usize| match bytes.get(sep_end) {
        Some(b' ') => bytes
            .get(sep_end + 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() && !matches!(b | 0x20, b's' | b'm' | b'l' | b'c' | b't')),
        Some(&b) => b.is_ascii_alphanumeric(),
        None => true,
    };
    // The ASCII separators, and the dashes – and — (E2 80 93, E2 80 94) by their last bytes.
    memchr::memchr3_iter(b',', b'-', b':', bytes).any(|at| {
        let refused = surely_not(at + 1);
        debug_assert!(!refused || !follows(at + 1), "{text:?}");
        !refused && follows(at + 1)
    }) || memchr::memchr3_iter(b'|', 0x93, 0x94, bytes)
        .any(|at| (bytes[at] == b'|' || at >= 2 && bytes[at - 2..at] == [0xE2, 0x80]) && follows(at + 1))
}

/// Whether [`candidates`] may leave out headers that [`find_entries`] cannot use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prune {
    /// Every header, for [`describe_candidates`].
    No,
    /// Not those whose quality stays under [`GROUP_TITLE_SCORE`].
    Unusable,
}

/// Parses every unit that could be a header. With [`Prune::Unusable`], a header whose quality
/// provably stays under [`GROUP_TITLE_SCORE`] may be left out: every stage of
/// [`find_entries`] asks that quality of a candidate before anything else, directly or in
/// [`member_ok`], and a group or family is made only of candidates that pass.
fn candidates(
    units: &[Unit],
    info: &[UnitInfo],
    o: &Orientation,
    vocab: &Vocabulary,
    fields: &FieldLines,
    mut cuts: Vec<Option<Vec<PartCut<'_>>>>,
    prune: Prune,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut consumed = std::collections::HashSet::new();
    // Whether each unit is a details line: asked of a unit and of the unit above it.
    let mut details: Vec<Option<bool>> = vec![None; units.len()];
    let mut details_at =
        |i: usize| *details[i].get_or_insert_with(|| super::body::details_line(&units[i].text, vocab).is_some());
    for (i, u) in units.iter().enumerate() {
        if info[i].excluded || u.kind == BlockKind::Row || info[i].reviewer.is_some() || consumed.contains(&i) {
            continue;
        }
        // "1978 · John Carpenter · Varèse Sarabande" under a title belongs to that entry.
        if i > 0 && details_at(i) {
            continue;
        }
        let enumerator = u.enumerator();
        let after_number = &u.text[enumerator.map_or(0, |e| e.len)..];
        let content = without_season(without_work_key(after_number));
        // Orientation cut this unit's text already, unless a work key or season was taken out.
        let parts: Vec<(&str, Option<header::Cut>)> =
            match cuts.get_mut(i).and_then(Option::take).filter(|_| content == after_number) {
                Some(cut) => cut.into_iter().map(|c| (c.part, Some(c.cut))).collect(),
                None => split_multi(&content).into_iter().map(|part| (part, None)).collect(),
            };
        let shared = parts.len() > 1;
        let fields_follow = i + 1 < units.len() && fields.at(i + 1) && !fields.at(i);
        // "Midsommar" over "Bobby Krlic · Milan Records": a details line under a short title.
        let details_follow = u.words() <= 10 && i + 1 < units.len() && !units[i + 1].gap_before && details_at(i + 1);
        // The evidence this unit's layout adds below. Makers on the next line add more, but
        // only under a unit of 14 words or fewer (`makers_below`): a longer unit is judged on
        // its header and this alone, and leaving it out loses no unit `consumed` would mark.
        let layout = if fields_follow || details_follow { 0.5 } else { 0.0 };
        let usable = |title_score: f32, evidence: f32| quality_of(title_score, evidence + layout) >= GROUP_TITLE_SCORE;
        let judged = prune == Prune::Unusable && u.words() > 14;
        for (part, cut) in parts {
            let parsed = if judged {
                header::parse_cut_usable(part, cut, o, vocab, &usable)
            } else {
                header::parse_cut(part, cut, o, vocab)
            };
            let Some(mut h) = parsed else {
                continue;
            };
            if fields_follow || details_follow {
                // A title line followed by "Composer: …" / "Label: …" lines: the field-line
                // layout, as structured as a bracketed header.
                h.evidence += 0.5;
                h.bracketed = true;
            }
            // "The Umbrellas of Cherbourg" / "Michel Legrand": the makers on the next line.
            if let Some(makers) = makers_below(units, info, i, &h, vocab) {
                h.makers = makers;
                h.sep.makers = true;
                h.evidence += 0.4;
                consumed.insert(i + 1);
            }
            if super::words::word_count(&h.title) > MAX_HEADER_WORDS {
                continue;
            }
            let shape = Shape {
                kind: kind_class(u),
                sep: h.sep.sep,
                bracket: h.bracketed || h.year.or(h.release_year).is_some(),
                standalone: h.rest.is_empty(),
            };
            out.push(Candidate { unit: i, enumerator, header: h, shape, shared_unit: shared });
        }
    }
    out
}

/// Names alone on the line right under a short header that credits no one.
fn makers_below(units: &[Unit], info: &[UnitInfo], i: usize, h: &Header, vocab: &Vocabulary) -> Option<Vec<String>> {
    let next = units.get(i + 1)?;
    let own = units[i].text.trim_end();
    if h.sep.makers
        || !h.rest.is_empty()
        || next.gap_before
        || info[i + 1].excluded
        || units[i].words() > 14
        || own.ends_with(':')
    {
        return None;
    }
    // The next unit is often a whole paragraph: its word count, kept on the unit, refuses it
    // before any walk over its text.
    if next.words() > 10 {
        return None;
    }
    let text = next.text.trim();
    // Brackets and digits are ASCII, and no byte of a longer character is ASCII.
    let plain = !text.bytes().any(|b| matches!(b, b'(' | b')' | b'[' | b']') || b.is_ascii_digit());
    debug_assert_eq!(plain, !text.contains(['(', ')', '[', ']']) && !text.chars().any(|c| c.is_ascii_digit()));
    if !plain || is_field_line(text) || text.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let (cleaned, various) = strip_glued_various(text);
    (various || list_score(&cleaned, vocab) >= 0.8).then(|| super::names::split_names(&cleaned))
}

/// Minimum quality for members of an accepted group.
const GROUP_TITLE_SCORE: f32 = 0.55;

/// A header's quality: a title-like slot, helped by structure around it (a tilde header with
/// a label and year can carry a lower-case title like "and in the endless pause…").
fn quality(h: &Header) -> f32 {
    quality_of(h.title_score, h.evidence)
}

/// [`quality`] of a header with this title score and evidence; it grows with either.
fn quality_of(title_score: f32, evidence: f32) -> f32 {
    title_score + 0.6 * evidence.min(1.0)
}

/// Finds the article's entries.
pub fn find_entries(units: &[Unit], info: &[UnitInfo], vocab: &Vocabulary) -> Vec<Entry> {
    // Orientation, headers and groups ask about the same makers again and again.
    super::names::remembering_scores(vocab, || entries_of(units, info, vocab))
}

/// [`find_entries`], with name scores remembered.
fn entries_of(units: &[Unit], info: &[UnitInfo], vocab: &Vocabulary) -> Vec<Entry> {
    let fields = FieldLines::new(units);
    let (o, cuts) = orientation_with(units, info, vocab, &fields);
    let cands = candidates(units, info, &o, vocab, &fields, cuts, Prune::Unusable);
    let mut accepted: Vec<Option<(usize, Option<u32>)>> = vec![None; cands.len()];
    let mut next_group = 0usize;

    // 1. Numbered entries whose numbers form a sequence.
    let mut by_style: BTreeMap<Style, Vec<usize>> = BTreeMap::new();
    for (ci, c) in cands.iter().enumerate() {
        if let Some(e) = c.enumerator
            && quality(&c.header) >= GROUP_TITLE_SCORE
        {
            by_style.entry(e.style).or_default().push(ci);
        }
    }
    let mut accepted_shapes: Vec<(Shape, usize, usize, usize)> = Vec::new();
    for members in by_style.values() {
        let mut numbers: Vec<u32> = members.iter().filter_map(|&ci| cands[ci].enumerator.map(|e| e.number)).collect();
        numbers.dedup();
        if numbers.len() >= 2 && enumerator::is_sequence(&numbers) && (numbers.len() >= 3 || strong(&cands, members)) {
            let group = next_group;
            next_group += 1;
            for &ci in members {
                accepted[ci] = Some((group, cands[ci].enumerator.map(|e| e.number)));
            }
            record_shapes(&cands, members, group, &mut accepted_shapes);
        }
    }

    // 2. Unnumbered shapes that repeat, outside the blurbs of a numbered list.
    let regions = ranked_regions(&cands, &accepted, units, info);
    let mut by_shape: BTreeMap<Shape, Vec<usize>> = BTreeMap::new();
    for (ci, c) in cands.iter().enumerate() {
        if accepted[ci].is_none() && c.enumerator.is_none() && !in_ranked_region(c.unit, &regions) {
            by_shape.entry(c.shape).or_default().push(ci);
        }
    }
    for (shape, members) in &by_shape {
        let good: Vec<usize> =
            members.iter().copied().filter(|&ci| member_ok(&cands[ci], units, info, &fields)).collect();
        let good = drop_odd_members(&cands, good, units.len());
        if good.len() >= min_group_size(shape, &cands, &good) && group_ok(shape, &cands, &good, units, info) {
            let group = next_group;
            next_group += 1;
            for &ci in &good {
                accepted[ci] = Some((group, None));
            }
            record_shapes(&cands, &good, group, &mut accepted_shapes);
        }
    }

    // 3. Stragglers: a candidate with an accepted group's shape next to that group (an
    //    unnumbered "+1" before a countdown, a ranked entry after unranked mentions), and
    //    strong single headers in an article that has a list.
    if !accepted_shapes.is_empty() {
        let families = families(&cands, &accepted, units, info);
        for (ci, c) in cands.iter().enumerate() {
            if accepted[ci].is_some()
                || quality(&c.header) < GROUP_TITLE_SCORE
                || in_ranked_region(c.unit, &regions)
                || fields.at(c.unit)
            {
                continue;
            }
            let content_shape = Shape { kind: c.shape.kind, ..c.shape };
            let near = accepted_shapes.iter().find(|(s, group, first, last)| {
                *s == content_shape && c.unit + 3 >= *first && c.unit <= last + 3 && {
                    let _ = group;
                    true
                }
            });
            let family = families.iter().find(|f| f.admits(c, units, info, &fields));
            if let Some((_, group, _, _)) = near {
                accepted[ci] = Some((*group, c.enumerator.map(|e| e.number)));
            } else if let Some(f) = family {
                accepted[ci] = Some((f.group, c.enumerator.map(|e| e.number)));
            } else if (c.header.evidence >= 0.7
                || in_hm_scope(c.unit, info, &accepted_shapes)
                    && c.header.evidence >= 0.3
                    // A paragraph naming several dated works is read item by item.
                    && super::inline::dated_titles(&units[c.unit].text).len() < 2)
                && quality(&c.header) >= 0.8
                && member_ok(c, units, info, &fields)
            {
                accepted[ci] = Some((next_group, None));
                next_group += 1;
            }
        }
    }

    let mut entries: Vec<Entry> = cands
        .into_iter()
        .zip(accepted)
        .filter_map(|(c, a)| {
            let (group, rank) = a?;
            let lead = is_lead_title(&c, units);
            let confidence = if lead {
                super::assemble::LEAD_CONFIDENCE
            } else {
                (0.45 + 0.3 * c.header.title_score + 0.25 * c.header.evidence.min(1.0)).min(1.0)
            };
            Some(Entry {
                unit: c.unit,
                header: c.header,
                rank,
                group,
                shared_unit: c.shared_unit,
                confidence,
                hm_hint: false,
            })
        })
        .collect();
    entries.sort_by_key(|e| e.unit);
    drop_truncated_tail(&mut entries, units);
    entries
}

/// Spans of units from the first to the last member of each numbered list, extended past the
/// last member to the next section boundary: the blurbs there belong to the list.
fn ranked_regions(
    cands: &[Candidate],
    accepted: &[Option<(usize, Option<u32>)>],
    units: &[Unit],
    info: &[UnitInfo],
) -> Vec<(usize, usize)> {
    let mut spans: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (c, a) in cands.iter().zip(accepted) {
        if let Some((group, _)) = a {
            let e = spans.entry(*group).or_insert((c.unit, c.unit));
            e.0 = e.0.min(c.unit);
            e.1 = e.1.max(c.unit);
        }
    }
    spans
        .into_values()
        .map(|(first, last)| {
            let mut end = last + 1;
            while end < units.len() && !info[end].boundary && !info[end].hm_marker && !units[end].is_heading() {
                end += 1;
            }
            (first, end)
        })
        .collect()
}

fn in_ranked_region(unit: usize, regions: &[(usize, usize)]) -> bool {
    regions.iter().any(|&(first, end)| unit > first && unit < end)
}

/// Shortly after an honourable-mentions marker, outside any accepted group's span.
fn in_hm_scope(unit: usize, info: &[UnitInfo], shapes: &[(Shape, usize, usize, usize)]) -> bool {
    let marker = (0..=unit).rev().take(12).any(|u| info[u].hm_marker);
    marker && shapes.iter().all(|&(_, _, first, last)| unit < first || unit > last)
}

/// A group's looser identity: its block kind and separator, where it runs, whether its
/// headers credit makers. Headers of the same family that differ in a detail (one without a
/// label in brackets) belong to it.
struct Family {
    group: usize,
    kind: KindClass,
    sep: Option<Sep>,
    makers: bool,
    /// Most members have makers or brackets; a bare line does not join them.
    structured: bool,
    first: usize,
    /// The end of the section the group runs in.
    end: usize,
}

impl Family {
    fn admits(&self, c: &Candidate, units: &[Unit], info: &[UnitInfo], fields: &FieldLines) -> bool {
        let structured = c.header.sep.makers || c.shape.bracket;
        let same_look = c.shape.kind == self.kind
            && c.shape.sep == self.sep
            && (!self.makers || c.header.sep.makers)
            && (!self.structured || structured);
        let heading = matches!(self.kind, KindClass::Heading(_));
        // Headings of one level are one list even when some lack a detail the others have.
        let same_look = same_look || heading && c.shape.kind == self.kind && c.shape.sep == self.sep;
        let placed = heading || c.unit > self.first && c.unit < self.end;
        same_look && placed && member_ok(c, units, info, fields)
    }
}

fn families(
    cands: &[Candidate],
    accepted: &[Option<(usize, Option<u32>)>],
    units: &[Unit],
    info: &[UnitInfo],
) -> Vec<Family> {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (ci, a) in accepted.iter().enumerate() {
        if let Some((group, _)) = a {
            members.entry(*group).or_default().push(ci);
        }
    }
    members
        .into_iter()
        .filter(|(_, m)| m.len() >= 3)
        .map(|(group, m)| {
            let first = m.iter().map(|&ci| cands[ci].unit).min().unwrap_or(0);
            let last = m.iter().map(|&ci| cands[ci].unit).max().unwrap_or(0);
            let mut end = last + 1;
            while end < units.len() && !info[end].boundary && !info[end].excluded {
                end += 1;
            }
            let with_makers = m.iter().filter(|&&ci| cands[ci].header.sep.makers).count();
            let structured = m.iter().filter(|&&ci| cands[ci].header.sep.makers || cands[ci].shape.bracket).count();
            Family {
                group,
                kind: cands[m[0]].shape.kind,
                sep: cands[m[0]].shape.sep,
                makers: with_makers * 2 > m.len(),
                structured: structured * 2 > m.len(),
                first,
                end,
            }
        })
        .collect()
}

fn record_shapes(cands: &[Candidate], members: &[usize], group: usize, shapes: &mut Vec<(Shape, usize, usize, usize)>) {
    let mut by: BTreeMap<Shape, (usize, usize)> = BTreeMap::new();
    for &ci in members {
        let c = &cands[ci];
        let e = by.entry(c.shape).or_insert((c.unit, c.unit));
        e.0 = e.0.min(c.unit);
        e.1 = e.1.max(c.unit);
    }
    for (shape, (first, last)) in by {
        shapes.push((shape, group, first, last));
    }
}

/// Members lacking a slot that nearly all of their group fills (a forum "By: Name (Member)"
/// line among "Title (Composer)" votes) are not entries. The file's last unit may be cut off
/// and is spared.
fn drop_odd_members(cands: &[Candidate], members: Vec<usize>, unit_count: usize) -> Vec<usize> {
    if members.len() < 5 {
        return members;
    }
    let share = |f: &dyn Fn(&Header) -> bool| {
        members.iter().filter(|&&ci| f(&cands[ci].header)).count() * 3 >= members.len() * 2
    };
    let makers = share(&|h| h.sep.makers);
    let year = share(&|h| h.year.or(h.release_year).is_some());
    members
        .into_iter()
        .filter(|&ci| {
            let h = &cands[ci].header;
            cands[ci].unit + 1 == unit_count
                || (!makers || h.sep.makers) && (!year || h.year.or(h.release_year).is_some())
        })
        .collect()
}

/// Headers with strong structure need fewer repetitions.
fn strong(cands: &[Candidate], members: &[usize]) -> bool {
    members.iter().all(|&ci| cands[ci].header.evidence >= 0.6)
}

fn min_group_size(shape: &Shape, cands: &[Candidate], members: &[usize]) -> usize {
    if shape.sep == Some(Sep::Tilde) || strong(cands, members) && members.iter().all(|&ci| cands[ci].header.sep.makers)
    {
        2
    } else {
        3
    }
}

/// A single member must look like a header on its own.
/// `fields` answers [`is_field_line`] for the article's units, once each.
fn member_ok(c: &Candidate, units: &[Unit], info: &[UnitInfo], fields: &FieldLines) -> bool {
    let u = &units[c.unit];
    let h = &c.header;
    if quality(h) < GROUP_TITLE_SCORE || fields.at(c.unit) {
        return false;
    }
    let structured =
        h.sep.makers || h.year.or(h.release_year).is_some() || !h.releases.is_empty() || h.other_group.is_some();
    if !structured {
        // A bare title line: short, no sentence punctuation, not a section heading; or a
        // paragraph that opens with the title as a sentence of its own ("Akira. I was maybe
        // fourteen…"), read only when the rest talks about music.
        let bare_line = h.rest.is_empty()
            && u.words() <= 10
            && h.title_score >= 0.75
            && !u.text.ends_with(['.', '?', '!', ':', ',']);
        // In a thread's replies a short line is a user name or a date, not a title.
        return bare_line && !info[c.unit].after_stop || is_lead_title(c, units);
    }
    // Inline headers ("Title – 1993, blurb…") need their structure right at the start.
    h.rest.is_empty() || h.title.split_whitespace().count() <= 12
}

/// A paragraph opening with a short title sentence, whose rest is about music.
fn is_lead_title(c: &Candidate, units: &[Unit]) -> bool {
    let h = &c.header;
    let text = units[c.unit].text.trim_start().trim_start_matches(['*', '_', '“', '"']);
    let opens = text
        .strip_prefix(h.title.as_str())
        .is_some_and(|r| r.trim_start_matches(['*', '_', '”', '"']).starts_with(['.', '!', '?']));
    // "Nino Rota, 1960." opens with a credit, not a title.
    let credit_like = h.title.chars().any(|c| c.is_ascii_digit()) || h.title.contains(", ") && h.year.is_some();
    opens
        && !credit_like
        && c.enumerator.is_none()
        && h.title.split_whitespace().count() <= 6
        && h.title_score >= 0.8
        && (has_music_word(&h.rest) || LEAD_MUSIC.is_match(&h.rest))
}

/// Group-level checks: bare title lines must each introduce a blurb about music.
fn group_ok(shape: &Shape, cands: &[Candidate], members: &[usize], units: &[Unit], info: &[UnitInfo]) -> bool {
    let mean = members.iter().map(|&ci| quality(&cands[ci].header)).sum::<f32>() / members.len().max(1) as f32;
    if mean < 0.6 {
        return false;
    }
    let with_makers = members.iter().filter(|&&ci| cands[ci].header.sep.makers).count();
    let makers = with_makers * 2 >= members.len();
    if makers || shape.bracket {
        return true;
    }
    if shape.sep.is_some() {
        return false;
    }
    if members.iter().all(|&ci| is_lead_title(&cands[ci], units)) {
        return true;
    }
    // Bare titles: each followed by a blurb, most blurbs about music.
    let mut with_body = 0;
    let mut musical = 0;
    for &ci in members {
        let u = cands[ci].unit;
        let body: String = units[u + 1..]
            .iter()
            .zip(&info[u + 1..])
            .take_while(|(v, i)| !(i.boundary || v.kind == units[u].kind && v.words() <= 10))
            .take(6)
            .map(|(v, _)| v.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if body.split_whitespace().count() >= 12 {
            with_body += 1;
        }
        if has_music_word(&body) {
            musical += 1;
        }
    }
    with_body * 10 >= members.len() * 7 && musical * 2 >= members.len()
}

/// Words that tie a paragraph's opening title to its music, beyond the usual music words.
static LEAD_MUSIC: std::sync::LazyLock<crate::re::Re> = std::sync::LazyLock::new(|| {
    crate::re::Re::new(
        r"(?i)\b(produced|sound|sounds|record|records|cue|cues|piano|strings|guitar|synths?|drums|beat|vocals?)\b",
    )
    .expect("static regex")
});

/// Whether `text` has a music word; only the answer is asked of MUSIC_WORDS, so it is read
/// by hand: compiling the pattern cost about 11 M instructions per copy, for a few hundred
/// searches. A match begins at a word's start (`\b` before a letter), so it is a whole word
/// (a maximal run of `\w`) that is one of the words, or one that begins with one of the stems
/// (`\w*` runs to the word's end, where `\b` holds). `ſ` and the Kelvin sign fold to ASCII
/// letters under `(?i)`: texts with them take the regex. Debug builds compare with it.
fn has_music_word(text: &str) -> bool {
    if crate::re::holds_ascii_folding_letter(text) {
        return MUSIC_WORDS.is_match(text);
    }
    let found = text.split(|c: char| !crate::re::is_word_char(c)).any(is_music_word);
    debug_assert_eq!(found, MUSIC_WORDS.is_match(text), "{text:?}");
    found
}

/// Whether `word`, a maximal run of word characters, is a music word or begins with a stem.
fn is_music_word(word: &str) -> bool {
    const WORDS: [&str; 14] = [
        "score",
        "scores",
        "scored",
        "soundtrack",
        "composer",
        "composed",
        "music",
        "song",
        "songs",
        "track",
        "tracks",
        "theme",
        "album",
        "ost",
    ];
    const STEMS: [&str; 3] = ["melod", "orchestra", "synth"];
    let bytes = word.as_bytes();
    WORDS.iter().any(|w| bytes.eq_ignore_ascii_case(w.as_bytes()))
        || STEMS.iter().any(|s| bytes.get(..s.len()).is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes())))
}

/// Only [`has_music_word`]'s fallback and oracle.
static MUSIC_WORDS: std::sync::LazyLock<crate::re::Re> = std::sync::LazyLock::new(|| {
    crate::re::Re::new(r"(?i)\b(score|scores|scored|soundtrack|composer|composed|music|song|songs|track|tracks|theme|album|ost|melod\w*|orchestra\w*|synth\w*)\b")
        .expect("static regex")
});

/// An excerpt cut in the middle of its last header ("7. Trevor Jones: Promentory from The L"):
/// the final unit of the file, lacking the closing punctuation every other header has.
fn drop_truncated_tail(entries: &mut Vec<Entry>, units: &[Unit]) {
    let Some(last) = entries.last() else { return };
    if last.unit + 1 != units.len() || entries.len() < 3 {
        return;
    }
    let group = last.group;
    let others: Vec<&Entry> = entries.iter().filter(|e| e.group == group && e.unit != last.unit).collect();
    let ending = |e: &Entry| units[e.unit].text.trim_end().chars().last();
    let Some(common) = others.first().and_then(|e| ending(e)) else {
        return;
    };
    if !common.is_alphanumeric() && others.iter().all(|e| ending(e) == Some(common)) && ending(last) != Some(common) {
        entries.pop();
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn field_lines_are_asked_once_and_answer_as_is_field_line() {
        let units: Vec<Unit> = ["Heat", "Composer: Elliot Goldenthal"]
            .iter()
            .enumerate()
            .map(|(n, t)| Unit::new(t.to_string(), n + 1, BlockKind::Paragraph, false, 0))
            .collect();
        let fields = FieldLines::new(&units);
        for _ in 0..2 {
            for (i, u) in units.iter().enumerate() {
                assert_eq!(fields.at(i), is_field_line(&u.text), "{:?}", u.text);
            }
        }
        assert!(units.iter().enumerate().any(|(i, _)| fields.at(i)), "the composer line is a field line");
    }

    #[test]
    fn work_keys_and_seasons_are_not_titles() {
        assert_eq!(without_work_key("Film: Interstellar"), "Interstellar");
        assert_eq!(without_work_key("Filmmaker Spotlight"), "Filmmaker Spotlight");
        assert_eq!(without_work_key("Runner-up: *Magnolia* (1999)"), "*Magnolia* (1999)");
        assert_eq!(without_work_key("Runners up to the list"), "Runners up to the list");
        assert_eq!(without_season("Westworld — Season 1 (HBO, 2016)"), "Westworld (HBO, 2016)");
        assert_eq!(without_season("Chernobyl — Miniseries (HBO, 2019)"), "Chernobyl (HBO, 2019)");
        assert_eq!(without_season("Stranger Things: Season One"), "Stranger Things");
        assert_eq!(without_season("Seasons – Vivaldi"), "Seasons – Vivaldi");
    }

    proptest::proptest! {
        /// The hand reading of the music words answers as the pattern does.
        #[test]
        fn music_words_by_hand_answer_as_the_pattern(text in "(score|Scores|scored|SCORE|ſcore|soundtrack|composer|composed|music|song|songs|track|tracks|thème|theme|album|OST|ost|melody|Melodic|melod|orchestral|orchestra|synth|synths|é|x|_|1| |-|,|’|\u{2013}|\u{a0}){0,8}") {
            let found = text.split(|c: char| !crate::re::is_word_char(c)).any(is_music_word);
            proptest::prop_assert_eq!(has_music_word(&text), MUSIC_WORDS.is_match(&text), "{:?}", text);
            if !crate::re::holds_ascii_folding_letter(&text) {
                proptest::prop_assert_eq!(found, MUSIC_WORDS.is_match(&text), "{:?}", text);
            }
        }

        /// The separator walk refuses only texts the season pattern does not match.
        #[test]
        fn season_check_refuses_only_non_matches(text in "(Westworld|,|-|–|—|:|\\||;| |\t|\u{a0}|season|SEASON|ſeason|Series|series|staffel|the|The|mini-series|Miniseries|limited series|complete series|1|one|x|é){0,10}") {
            if !season_may_follow_a_separator(&text) {
                proptest::prop_assert!(!SEASON.is_match(&text), "{:?}", text);
            }
        }
    }
}
