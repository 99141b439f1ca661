//! Turns accepted entry headers into mentions: reads each entry's blurb, applies what the
//! list as a whole says (a "Track (Work)" list, a "Cue from Film" list), the honourable-mention
//! sections, the writer lines, and the list title's year.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::re::Re;

use super::body::{self, BodyFields, BodyLine};
use super::header::Sep;
use super::list::Entry;
use super::sections::UnitInfo;
use super::units::Unit;
use super::vocab::Vocabulary;
use crate::document::{BlockKind, Document};
use crate::model::{Layout, Mention, Track};
use crate::normalize::{name_key, title_key};

/// Builds the mentions of the accepted entries.
pub fn mentions(
    doc: &Document,
    units: &[Unit],
    info: &[UnitInfo],
    entries: &[Entry],
    vocab: &Vocabulary,
) -> Vec<Mention> {
    // Blurbs' credits and the entries' makers ask about the same names again and again.
    super::names::remembering_scores(vocab, || mentions_of(doc, units, info, entries, vocab))
}

/// [`mentions`], with name scores remembered.
fn mentions_of(
    doc: &Document,
    units: &[Unit],
    info: &[UnitInfo],
    entries: &[Entry],
    vocab: &Vocabulary,
) -> Vec<Mention> {
    let mut entries: Vec<Entry> = entries.to_vec();
    let titles: Vec<String> = entries.iter().map(|e| title_key(&e.header.title)).collect();
    let bodies: Vec<BodyFields> =
        entries.iter().enumerate().map(|(i, e)| read_body(units, info, &entries, i, e, &titles, vocab)).collect();
    apply_list_conventions(&mut entries, &bodies, units);
    apply_ranking_notes(&mut entries, units);
    let mut out = Vec::new();
    let entry_units: std::collections::HashSet<usize> = entries.iter().map(|e| e.unit).collect();
    let writer_lines = info.iter().filter(|i| i.reviewer.is_some()).count();
    let mut hm = HmScope::default();
    let mut reviewer_line: Option<String> = None;
    let footers = reviewer_footers(info, &entries);
    let mut last_unit = 0;
    for (i, (e, body)) in entries.iter().zip(&bodies).enumerate() {
        // Walk the units between entries for markers.
        for u in last_unit..=e.unit {
            if info[u].hm_marker {
                hm.start();
            }
            if let Some(r) = &info[u].reviewer
                && footers.is_none()
                && writers_credited(u, writer_lines, &entries)
            {
                reviewer_line = Some(r.clone());
            }
            if u < e.unit && units[u].is_heading() && !entry_units.contains(&u) && !info[u].hm_marker {
                hm.stop();
            }
            if info[u].boundary && !info[u].hm_marker && u < e.unit {
                hm.stop();
            }
        }
        last_unit = e.unit + 1;
        if body.negated {
            continue;
        }
        let honourable = hm.applies(e) || e.hm_hint;
        let reviewer = match &footers {
            Some(footers) => footers[i].as_deref(),
            None => reviewer_line.as_deref(),
        };
        let m = build(doc, units, info, e, body, honourable, reviewer, vocab);
        let _ = i;
        out.push(m);
    }
    out
}

/// Confidence given to entries found as a paragraph's opening title sentence.
pub const LEAD_CONFIDENCE: f32 = 0.55;

/// A paragraph opening with a title the article already lists ("**Oppenheimer.** Göransson
/// built…" under a table) is a note on that entry: its fields join the entry.
pub fn merge_notes(mentions: Vec<Mention>) -> Vec<Mention> {
    let found: Vec<(Mention, bool)> = mentions
        .into_iter()
        .map(|m| {
            let note = m.confidence == LEAD_CONFIDENCE;
            (m, note)
        })
        .collect();
    let listed: Vec<(String, usize)> =
        found.iter().enumerate().filter(|(_, (_, note))| !note).map(|(i, (m, _))| (title_key(&m.title), i)).collect();
    let mut out: Vec<Option<Mention>> = found.iter().map(|(m, _)| Some(m.clone())).collect();
    for (i, (m, note)) in found.iter().enumerate() {
        if !note {
            continue;
        }
        if let Some(&(_, j)) = listed.iter().find(|(k, _)| *k == title_key(&m.title)) {
            if let Some(target) = out[j].as_mut() {
                for c in &m.composers {
                    if !target.composers.iter().any(|x| name_key(x) == name_key(c)) {
                        target.composers.push(c.clone());
                    }
                }
                for t in &m.tracks {
                    if !target.tracks.iter().any(|x| title_key(&x.title) == title_key(&t.title)) {
                        target.tracks.push(t.clone());
                    }
                }
                target.year = target.year.or(m.year);
            }
            out[i] = None;
        }
    }
    out.into_iter().flatten().collect()
}

/// A name line credits the entries below it when the article has several such lines (a staff
/// round-up, a poll) or the entries start right after it; a lone byline above an intro is
/// the article's author, not a blurb's.
/// "Reviewed by X" closing each entry's card: when no writer line comes before the first entry
/// and most entries are followed by one, each credits the entry above it, not the entries
/// below. `None` when the writer lines are headings; else each entry's footer writer.
fn reviewer_footers(info: &[UnitInfo], entries: &[Entry]) -> Option<Vec<Option<String>>> {
    let first = entries.first()?.unit;
    if info[..first].iter().any(|i| i.reviewer.is_some()) {
        return None;
    }
    let footers: Vec<Option<String>> = entries
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let end = entries.get(k + 1).map_or(info.len(), |n| n.unit);
            info.get(e.unit + 1..end)?.iter().find_map(|i| i.reviewer.clone())
        })
        .collect();
    let credited = footers.iter().filter(|f| f.is_some()).count();
    (credited >= 2 && credited * 2 >= entries.len()).then_some(footers)
}

fn writers_credited(unit: usize, writer_lines: usize, entries: &[Entry]) -> bool {
    // Entries are sorted by unit: the first one after this line.
    let next = entries.partition_point(|e| e.unit <= unit);
    writer_lines >= 2 || entries.get(next).is_some_and(|e| e.unit <= unit + 3)
}

/// Honourable mentions run from their marker until the main list starts: a ranked entry,
/// or an entry of another group than the first honourable one.
#[derive(Default)]
struct HmScope {
    active: bool,
    group: Option<usize>,
}

impl HmScope {
    fn start(&mut self) {
        self.active = true;
        self.group = None;
    }

    fn stop(&mut self) {
        self.active = false;
        self.group = None;
    }

    fn applies(&mut self, e: &Entry) -> bool {
        if !self.active {
            return false;
        }
        if e.rank.is_some() {
            self.stop();
            return false;
        }
        match self.group {
            None => {
                self.group = Some(e.group);
                true
            }
            Some(g) if g == e.group => true,
            Some(_) if e.shared_unit || e.confidence < 0.0 => true,
            Some(_) => {
                self.stop();
                false
            }
        }
    }
}

/// The blurb of entry `i`: the rest of its own block, then the blocks up to the next entry
/// or a section boundary.
fn read_body(
    units: &[Unit],
    info: &[UnitInfo],
    entries: &[Entry],
    i: usize,
    e: &Entry,
    titles: &[String],
    vocab: &Vocabulary,
) -> BodyFields {
    let mut lines: Vec<BodyLine> = Vec::new();
    if !e.header.rest.is_empty() {
        lines.push(BodyLine { text: &e.header.rest, list_item: false });
    }
    let next = entries.get(i + 1).map_or(units.len(), |n| n.unit);
    let shares_next = entries.get(i + 1).is_some_and(|n| n.unit == e.unit);
    // Entries sharing a block (an inline list) read only their own rest; the last one of the
    // block also reads the blocks after it.
    if !shares_next {
        let level = match units[e.unit].kind {
            BlockKind::Heading(l) => Some(l),
            _ => None,
        };
        for u in e.unit + 1..next {
            let unit = &units[u];
            if info[u].excluded
                || info[u].boundary
                || info[u].hm_marker && units[u].words() <= 30
                || info[u].reviewer.is_some()
            {
                break;
            }
            // A table, or a heading when the entry is not one, ends the blurb; a heading entry
            // runs to the next heading of its level.
            match (level, unit.kind) {
                (_, BlockKind::Row) | (None, BlockKind::Heading(_)) => break,
                (Some(l), BlockKind::Heading(m)) if m <= l => break,
                _ => {}
            }
            lines.push(BodyLine { text: &unit.text, list_item: unit.kind == BlockKind::ListItem });
        }
    }
    body::read(&e.header.title, &lines, titles, vocab)
}

/// List-wide readings. "Cue from Film" headers: the film is the entry and the cue its track.
/// "Track (Work)" headers: when most headers of a list bracket something that is neither a
/// year, a label nor a name, and the blurbs talk about songs, the bracket is the work.
fn apply_list_conventions(entries: &mut [Entry], bodies: &[BodyFields], units: &[Unit]) {
    // Small groups of the same article follow the article's convention.
    let total = entries.len();
    let with_from = entries.iter().filter(|e| from_split(&e.header.title).is_some()).count();
    let with_other = entries.iter().filter(|e| e.header.other_group.is_some() && e.header.makers.is_empty()).count();
    if total >= 3 && with_from * 3 >= total * 2 {
        for e in entries.iter_mut() {
            if let Some((cue, film)) = from_split(&e.header.title) {
                e.header.tracks.push(Track { title: cue, artist: None });
                e.header.title = film;
            }
        }
    }
    // Songs are counted only when the other tests leave it to decide: it lower-cases every
    // blurb. (The titles changed above are not what it reads.)
    if total >= 3 && with_other * 4 >= total * 3 && song_talk(entries, bodies, units) * 2 >= total {
        for e in entries.iter_mut() {
            if let Some(work) = e.header.other_group.take() {
                let track = std::mem::replace(&mut e.header.title, super::title::clean_title(&work));
                e.header.tracks.insert(0, Track { title: track, artist: None });
            }
        }
    }
}

/// How many entries' blurbs (or the rest of their header line) talk about songs or tracks.
fn song_talk(entries: &[Entry], bodies: &[BodyFields], units: &[Unit]) -> usize {
    let talks = |(b, e): &(&BodyFields, &Entry)| {
        let text =
            format!("{} {}", e.header.rest, units.get(e.unit + 1).map_or("", |u| u.text.as_str())).to_lowercase();
        text.contains("song") || text.contains("track") || !b.tracks.is_empty()
    };
    bodies.iter().zip(entries.iter()).filter(talks).count()
}

/// What the text says about a list's order: "in no particular order" makes its numbers
/// plain numbering; "counting down from #50" ranks an unnumbered list in reading order.
fn apply_ranking_notes(entries: &mut [Entry], units: &[Unit]) {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        groups.entry(e.group).or_default().push(i);
    }
    for members in groups.values() {
        let first_unit = entries[members[0]].unit;
        let lead: String = units[first_unit.saturating_sub(4)..first_unit]
            .iter()
            .map(|u| u.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if UNRANKED.is_match(&lead) {
            for &i in members {
                entries[i].rank = None;
            }
        }
    }
    // A countdown announced before the list ranks the unnumbered entries that follow, one
    // rank per line (two works on one line share it).
    let Some(first) = entries.first().map(|e| e.unit) else { return };
    let Some(start) =
        units[..first].iter().rev().find_map(|u| COUNTDOWN.captures(&u.text).and_then(|c| c[1].parse::<u32>().ok()))
    else {
        return;
    };
    if entries.len() < 3 || entries.iter().any(|e| e.rank.is_some()) {
        return;
    }
    let mut rank = start + 1;
    let mut last_unit = None;
    for e in entries.iter_mut() {
        if last_unit != Some(e.unit) {
            rank = rank.saturating_sub(1);
            last_unit = Some(e.unit);
        }
        e.rank = (rank > 0).then_some(rank);
    }
}

static UNRANKED: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:in no (?:particular|special) order|not ranked|unranked|in alphabetical order|alphabetically)\b")
        .expect("static regex")
});
static COUNTDOWN: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"(?i)\bcount(?:ing|s|ed)?\s+down\s+from\s+#?(\d{1,3})\b").expect("static regex"));

/// "Prelude and the Galapagos from Master and Commander" → (cue, film).
fn from_split(title: &str) -> Option<(String, String)> {
    let (cue, film) = title.rsplit_once(" from ")?;
    let film = film.trim();
    (!cue.trim().is_empty() && film.chars().next().is_some_and(char::is_uppercase))
        .then(|| (cue.trim().to_string(), film.to_string()))
}

#[allow(clippy::too_many_arguments)]
fn build(
    doc: &Document,
    units: &[Unit],
    info: &[UnitInfo],
    e: &Entry,
    body: &BodyFields,
    honourable: bool,
    reviewer_line: Option<&str>,
    vocab: &Vocabulary,
) -> Mention {
    let h = &e.header;
    let layout = if h.sep.sep == Some(Sep::Tilde) {
        Layout::MakerTitle
    } else if e.rank.is_some() {
        Layout::RankedList
    } else if e.shared_unit && e.confidence < 0.75 {
        Layout::InlineList
    } else {
        Layout::HeaderList
    };
    let mut m = Mention::new(&doc.source, units[e.unit].line, layout, h.title.clone());
    m.alt_titles = h.alt_titles.clone();
    for alt in &body.alt_titles {
        if !m.alt_titles.iter().any(|a| title_key(a) == title_key(alt)) && title_key(alt) != title_key(&m.title) {
            m.alt_titles.push(alt.clone());
        }
    }
    // The work's year first (header, then blurb), then the year of a named release.
    m.year = h.year.or(body.year).or(h.release_year).or(body.release_year).or(info[e.unit].section_year);
    m.rank = e.rank;
    m.honourable_mention = honourable;
    m.reviewer = body.reviewer.clone().or_else(|| reviewer_line.map(str::to_string));
    let mut composers: Vec<String> = Vec::new();
    // "Le Mépris (Jean-Luc Godard, 1963)" over "Musique : Georges Delerue": the bracketed name
    // is the director unless the field line or the composer list confirms it.
    let director = |name: &String| {
        h.makers_with_year
            && body.field_makers
            && !vocab.is_composer(name)
            && !body.composers.iter().any(|c| name_key(c) == name_key(name))
    };
    for name in h.makers.iter().filter(|n| !director(n)).chain(&body.composers) {
        push_person(&mut composers, name, m.reviewer.as_deref(), vocab);
    }
    m.composers = composers;
    m.releases = h.releases.clone();
    m.releases.extend(body.releases.iter().cloned());
    for r in &m.releases {
        if let Some(l) = &r.label
            && !m.labels.iter().any(|x| name_key(x) == name_key(l))
        {
            m.labels.push(l.clone());
        }
    }
    m.tracks = h.tracks.clone();
    for t in &body.tracks {
        if !m.tracks.iter().any(|x| title_key(&x.title) == title_key(&t.title)) {
            m.tracks.push(t.clone());
        }
    }
    m.confidence = e.confidence;
    m
}

/// Adds a person unless already there under the same name or surname, or the reviewer.
fn push_person(list: &mut Vec<String>, name: &str, reviewer: Option<&str>, vocab: &Vocabulary) {
    let key = name_key(name);
    if key.is_empty() || reviewer.is_some_and(|r| name_key(r) == key) {
        return;
    }
    let surname = key.rsplit(' ').next().unwrap_or(&key).to_string();
    let clash = list.iter().any(|x| {
        let k = name_key(x);
        k == key
            || k.rsplit(' ').next() == Some(surname.as_str())
                && (key.split(' ').count() == 1 || k.split(' ').count() == 1)
            || k.contains(&key) && key.split(' ').count() == 1
    });
    // A joint credit ("Bebe and Louis Barron") is kept whole here; normalisation splits it.
    if !clash && (super::names::list_score(name, vocab) > 0.0 || vocab.is_composer(name)) {
        list.push(name.to_string());
    }
}
