//! Lists packed into one paragraph: "Honourable mentions: Title (Composer), Title (Composer),
//! …" and "1. Title, 2. Title, 3. Title". Each item is read as a header of its own.

use std::sync::LazyLock;

use regex::Regex;

use super::header::{self, Orientation};
use super::list::Entry;
use super::sections::UnitInfo;
use super::units::Unit;
use super::vocab::Vocabulary;

static ITEM_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\)\s*[,;]\s+(?:and\s+)?").expect("static regex"));
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s,;])\(?(\d{1,2})[.)]\s+").expect("static regex"));

/// Entries of inline lists in units no other entry claimed.
pub fn find_entries(
    units: &[Unit],
    info: &[UnitInfo],
    taken: &[Entry],
    vocab: &Vocabulary,
) -> Vec<Entry> {
    let o = Orientation::default();
    let mut out = Vec::new();
    let mut group = 10_000;
    for (i, u) in units.iter().enumerate() {
        if info[i].excluded || taken.iter().any(|e| e.unit == i) {
            continue;
        }
        let items = bracketed_items(&u.text).or_else(|| numbered_items(&u.text));
        let Some(items) = items else { continue };
        let headers: Vec<(Option<u32>, header::Header)> = items
            .into_iter()
            .filter_map(|(rank, text)| header::parse(&text, &o, vocab).map(|h| (rank, h)))
            .filter(|(_, h)| {
                h.title_score >= 0.6
                    && h.rest.is_empty()
                    && h.title.split_whitespace().count() <= 10
            })
            .collect();
        if headers.len() < 3 {
            continue;
        }
        for (rank, h) in headers {
            out.push(Entry {
                unit: i,
                header: h,
                rank,
                group,
                shared_unit: true,
                confidence: 0.7,
            });
        }
        group += 1;
    }
    out
}

/// "Label: A (X), B (Y), C (Z)." → the items, when at least three end in a bracket.
fn bracketed_items(text: &str) -> Option<Vec<(Option<u32>, String)>> {
    let body = match text.split_once(": ") {
        Some((lead, rest)) if lead.split_whitespace().count() <= 6 && rest.contains('(') => rest,
        _ => text,
    };
    let body = body.trim().trim_end_matches('.');
    let mut items = Vec::new();
    let mut start = 0;
    for m in ITEM_END.find_iter(body) {
        items.push(body[start..m.start() + 1].trim().to_string());
        start = m.end();
    }
    let last = body[start..].trim();
    if last.ends_with(')') {
        items.push(last.to_string());
    }
    (items.len() >= 3
        && items
            .iter()
            .all(|i| i.ends_with(')') && i.split_whitespace().count() <= 14))
    .then(|| items.into_iter().map(|i| (None, i)).collect())
}

/// "(1) Title, (2) Title, (3) Title" or "1. A, 2. B, 3. C" inside one paragraph.
fn numbered_items(text: &str) -> Option<Vec<(Option<u32>, String)>> {
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
        let item = text[end..stop]
            .trim()
            .trim_end_matches([',', ';', '.'])
            .trim();
        let item = item.strip_suffix(" and").unwrap_or(item);
        items.push((Some(n), item.to_string()));
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_list() {
        let items = bracketed_items("Honourable mentions: NIGHTCRAWLER (James Newton Howard), CAROL (Carter Burwell), ANOMALISA (Carter Burwell).").unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].1, "CAROL (Carter Burwell)");
    }

    #[test]
    fn numbered_list() {
        let items = numbered_items("My picks: 1. Jaws, 2. Alien, 3. Heat and 4. Ran.").unwrap();
        let titles: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(titles, ["Jaws", "Alien", "Heat", "Ran"]);
    }
}
