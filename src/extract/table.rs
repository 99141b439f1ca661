//! Tables: HTML or Markdown rows (cells separated by tabs), and tables flattened to text by
//! copying ("Year Game Composer(s) Refs" then one row per line). Column roles come from the
//! header row, else from what the cells hold.

use std::sync::LazyLock;

use crate::re::Re;

use super::names::{list_score, split_names};
use super::sections::UnitInfo;
use super::title::{clean_title, title_score};
use super::units::Unit;
use super::vocab::Vocabulary;
use crate::document::{BlockKind, Document};
use crate::model::{Layout, Mention, Release};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Rank,
    Year,
    Title,
    Makers,
    Label,
    Ignore,
}

fn role_of(header_cell: &str) -> Option<Role> {
    let h = header_cell.trim().trim_end_matches(['.', ':']).to_lowercase();
    // `strip_suffix` in a loop is `trim_end_matches("(s)")` without building a substring
    // searcher for every cell.
    let mut h = h.as_str();
    while let Some(shorter) = h.strip_suffix("(s)") {
        h = shorter;
    }
    Some(match h {
        "#" | "no" | "rank" | "ranking" | "position" | "pos" | "place" => Role::Rank,
        "year" | "released" | "release" | "date" | "release year" => Role::Year,
        "title" | "film" | "movie" | "game" | "show" | "series" | "album" | "soundtrack" | "work" | "anime"
        | "name" => Role::Title,
        "composer" | "composers" | "artist" | "artists" | "music" | "music by" | "score by" | "composed by" => {
            Role::Makers
        }
        "label" | "record label" | "labels" | "publisher" => Role::Label,
        "refs" | "ref" | "references" | "notes" | "note" | "director" | "developer" | "platform" | "studio"
        | "network" | "sources" | "source" | "genre" | "score" | "rating" | "comments" => Role::Ignore,
        _ => return None,
    })
}

/// Header roles of a row whose cells name columns: a title column and a maker, year or rank
/// column, at most one cell unknown (ignored: "Original release", "Notes").
fn header_roles(cells: &[&str]) -> Option<Vec<Role>> {
    // Most short lines tried here are not headers: reading stops at a second unknown cell.
    let mut known: Vec<Option<Role>> = Vec::with_capacity(cells.len());
    let mut unknown = 0;
    for cell in cells {
        let role = role_of(cell);
        unknown += usize::from(role.is_none());
        if unknown > 1 {
            return None;
        }
        known.push(role);
    }
    let has = |role: Role| known.contains(&Some(role));
    let enough = has(Role::Title) && (has(Role::Makers) || has(Role::Year) || has(Role::Rank));
    let header = unknown == 0 && has(Role::Title) || unknown == 1 && cells.len() >= 4 && enough;
    header.then(|| known.into_iter().map(|r| r.unwrap_or(Role::Ignore)).collect())
}

/// Mentions from the document's tables.
pub fn mentions(doc: &Document, units: &[Unit], info: &[UnitInfo], vocab: &Vocabulary) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if info[i].excluded {
            i += 1;
            continue;
        }
        if units[i].kind == BlockKind::Row {
            let start = i;
            while i < units.len() && units[i].kind == BlockKind::Row {
                i += 1;
            }
            out.extend(cell_table(doc, &units[start..i], vocab));
            continue;
        }
        // A header row has at most eight words; most units are longer paragraphs.
        if units[i].words() <= 8
            && let Some(roles) = flat_header(&units[i].text)
        {
            let start = i + 1;
            let mut end = start;
            while end < units.len() && units[end].kind == BlockKind::Paragraph && !info[end].excluded {
                end += 1;
            }
            out.extend(flat_table(doc, &roles, &units[start..end], vocab));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn cell_table(doc: &Document, rows: &[Unit], vocab: &Vocabulary) -> Vec<Mention> {
    let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.text.split('\t').map(str::trim).collect()).collect();
    let (mut roles, body) = match header_roles(&cells[0]) {
        Some(roles) => (roles, &rows[1..]),
        None => (infer_roles(&cells, vocab), rows),
    };
    // A column under an unknown or ignored heading that mostly holds record labels
    // ("Original release": "MCA", "Colpix") is the label column.
    let labelled = roles.contains(&Role::Label);
    for (col, role) in roles.iter_mut().enumerate().filter(|_| !labelled) {
        let values: Vec<&str> = cells
            .iter()
            .skip(1)
            .filter_map(|r| r.get(col).copied())
            .filter(|c| c.chars().any(char::is_alphabetic))
            .collect();
        let labels = values.iter().filter(|c| vocab.label(c).is_some()).count();
        if *role == Role::Ignore && labels >= 2 && labels * 2 >= values.len() {
            *role = Role::Label;
        }
    }
    let mut out = Vec::new();
    let mut last_year = None;
    for row in body {
        let row_cells: Vec<&str> = row.text.split('\t').map(str::trim).collect();
        if let Some(m) = row_mention(doc, row.line, &roles, &row_cells, &mut last_year, vocab) {
            out.push(m);
        }
    }
    out
}

/// Guesses column roles from content: years, small numbers, names, titles.
fn infer_roles(rows: &[Vec<&str>], vocab: &Vocabulary) -> Vec<Role> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut roles = vec![Role::Ignore; width];
    let column = |c: usize| rows.iter().filter_map(move |r| r.get(c).copied());
    let mut best_title = (0.0f32, None);
    let mut best_names = (0.0f32, None);
    for (c, role) in roles.iter_mut().enumerate() {
        let n = column(c).count().max(1) as f32;
        if column(c).filter(|v| YEAR.is_match(v)).count() as f32 / n > 0.7 {
            *role = Role::Year;
        } else if column(c).filter(|v| v.len() <= 3 && v.trim_end_matches('.').parse::<u32>().is_ok()).count() as f32
            / n
            > 0.7
        {
            *role = Role::Rank;
        } else {
            let names = column(c).map(|v| list_score(v, vocab)).sum::<f32>() / n;
            let titles = column(c).map(title_score).sum::<f32>() / n;
            if names > best_names.0 {
                best_names = (names, Some(c));
            }
            if titles > best_title.0 && names < 0.8 {
                best_title = (titles, Some(c));
            }
        }
    }
    if let Some(c) = best_title.1 {
        roles[c] = Role::Title;
    }
    if let (s, Some(c)) = best_names
        && s >= 0.6
        && Some(c) != best_title.1
    {
        roles[c] = Role::Makers;
    }
    roles
}

static YEAR: LazyLock<Re> = LazyLock::new(|| Re::new(r"^(1[89]\d\d|20\d\d)$").expect("static regex"));
static CITATION: LazyLock<Re> = LazyLock::new(|| Re::new(r"\[\d+\]|\[edit\]").expect("static regex"));

fn row_mention(
    doc: &Document,
    line: usize,
    roles: &[Role],
    cells: &[&str],
    last_year: &mut Option<i32>,
    vocab: &Vocabulary,
) -> Option<Mention> {
    let mut title = None;
    let mut year = None;
    let mut rank = None;
    let mut makers = Vec::new();
    let mut labels = Vec::new();
    let mut alt_titles = Vec::new();
    // Emphasis sets a cell apart as a title even in sentence case ("Per un pugno di dollari").
    let mut emphasised = false;
    let padded: Vec<&str>;
    let cells = match spanned_from_above(roles, cells) {
        0 => cells,
        missing => {
            padded = std::iter::repeat_n("", missing).chain(cells.iter().copied()).collect();
            &padded
        }
    };
    for (role, cell) in roles.iter().zip(cells) {
        let cell = CITATION.replace_all(cell, "");
        let cell = cell.trim();
        match role {
            Role::Title => {
                let (own, alts) = title_and_translations(cell);
                emphasised = own.starts_with('*');
                title = Some(clean_title(own));
                alt_titles = alts;
            }
            Role::Year => year = cell.get(..4).and_then(|y| YEAR.is_match(y).then(|| y.parse().ok()).flatten()),
            Role::Rank => rank = cell.trim_end_matches('.').trim_start_matches('#').parse().ok(),
            Role::Makers => makers = split_names(cell),
            Role::Label => labels = cell.split('/').map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect(),
            Role::Ignore => {}
        }
    }
    if roles.contains(&Role::Year) {
        // A row without a year shares the one above (a rowspan flattened away), and a row
        // that holds only a year ("2000" broken from its cell) dates the rows under it.
        year = year.or(*last_year);
        *last_year = year;
    }
    let least = if emphasised { 0.25 } else { 0.5 };
    let title = title.filter(|t| title_score(t) >= least && t.chars().count() >= 2)?;
    let _ = vocab;
    let mut m = Mention::new(&doc.source, line, Layout::Table, title);
    m.year = year;
    m.rank = rank;
    m.alt_titles = alt_titles;
    m.composers = makers;
    m.releases = labels.iter().map(|l| Release { label: Some(l.clone()), year: None, edition: None }).collect();
    m.labels = labels;
    m.confidence = 0.85;
    Some(m)
}

/// "*Per un pugno di dollari* ( *A Fistful of Dollars* )": a title cell and the translations it
/// gives in a closing bracket, `;`-separated.
fn title_and_translations(cell: &str) -> (&str, Vec<String>) {
    let Some(open) = cell.strip_suffix(')').and_then(|c| c.rfind(" (")) else { return (cell, Vec::new()) };
    let inner = &cell[open + 2..cell.len() - 1];
    if YEAR.is_match(inner.trim()) || inner.contains('(') {
        return (cell, Vec::new());
    }
    let alts = inner.split(';').map(clean_title).filter(|t| title_score(t) >= 0.5).collect();
    (cell[..open].trim(), alts)
}

/// How many leading cells (0 or 1) a row lacks because a cell above spans it (a Wikipedia
/// year with `rowspan`): the row is short, and its first cell is not what the first column
/// holds.
fn spanned_from_above(roles: &[Role], cells: &[&str]) -> usize {
    let missing = roles.len().saturating_sub(cells.len());
    let first = cells.first().map_or("", |c| c.trim());
    let fits = match roles.first() {
        Some(Role::Year) => first.get(..4).is_some_and(|y| YEAR.is_match(y)),
        Some(Role::Rank) => first.trim_end_matches('.').trim_start_matches('#').parse::<u32>().is_ok(),
        _ => true,
    };
    // Only the first column spans rows (a year, a rank); later cells may be missing at the end.
    usize::from(missing > 0 && !fits && !first.is_empty())
}

/// "Year Game Composer(s) Refs": a line of column names only.
fn flat_header(text: &str) -> Option<Vec<Role>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=8).contains(&words.len()) {
        return None;
    }
    header_roles(&words).filter(|r| r.contains(&Role::Makers) || r.contains(&Role::Year))
}

/// Rows flattened to one line: leading year or rank, the title, then the credited names, then
/// ignorable columns (citations). The title/name boundary is where the tail reads best as names.
fn flat_table(doc: &Document, roles: &[Role], rows: &[Unit], vocab: &Vocabulary) -> Vec<Mention> {
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    let outlets = outlet_lengths(&texts);
    let mut out = Vec::new();
    let mut last_year = None;
    for row in rows {
        let text = strip_citation_columns(&row.text, &outlets);
        let mut words: Vec<&str> = text.split_whitespace().collect();
        let mut year = None;
        let mut rank = None;
        for role in roles {
            match role {
                Role::Year if words.first().is_some_and(|w| YEAR.is_match(w)) => year = words.remove(0).parse().ok(),
                Role::Rank if words.first().is_some_and(|w| w.trim_end_matches('.').parse::<u32>().is_ok()) => {
                    rank = words.remove(0).trim_end_matches('.').parse().ok()
                }
                _ => {}
            }
        }
        let (title, names) = split_title_names(&words, roles.contains(&Role::Makers), vocab);
        let title = clean_title(&title);
        if title.chars().count() < 2 || title_score(&title) < 0.5 || roles.contains(&Role::Makers) && names.is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        year = year.or(last_year);
        last_year = year;
        let mut m = Mention::new(&doc.source, row.line, Layout::Table, title);
        m.year = year;
        m.rank = rank;
        m.composers = split_names(&names);
        m.confidence = 0.8;
        out.push(m);
    }
    out
}

static CITED: LazyLock<Re> = LazyLock::new(|| Re::new(r"\[(\d+)\]").expect("static regex"));

/// For each citation number, how many words its outlet name has: the longest run of words
/// that stands before that number in every row citing it ("Consequence of Sound,[8]").
fn outlet_lengths(rows: &[&str]) -> std::collections::HashMap<String, usize> {
    let mut before: std::collections::HashMap<String, Vec<Vec<String>>> = std::collections::HashMap::new();
    for row in rows {
        for c in CITED.captures_iter(row) {
            let start = c.get(0).map_or(0, |m| m.start());
            let words: Vec<String> =
                row[..start].split_whitespace().rev().take(5).map(|w| w.trim_end_matches(',').to_string()).collect();
            before.entry(c[1].to_string()).or_default().push(words);
        }
    }
    before
        .into_iter()
        .map(|(n, lists)| {
            let len = if lists.len() < 2 {
                1
            } else {
                (1..=5)
                    .take_while(|&k| lists.iter().all(|l| l.len() >= k && l[k - 1] == lists[0][k - 1]))
                    .last()
                    .unwrap_or(1)
            };
            (n, len)
        })
        .collect()
}

/// Drops the trailing reference columns ("Factmag,[1] NME,[2]") of a flattened row.
fn strip_citation_columns(text: &str, outlets: &std::collections::HashMap<String, usize>) -> String {
    let Some(first) = CITED.captures(text) else {
        return text.to_string();
    };
    let start = first.get(0).map_or(0, |m| m.start());
    let words = outlets.get(&first[1]).copied().unwrap_or(1);
    let head: Vec<&str> = text[..start].split_whitespace().collect();
    head[..head.len().saturating_sub(words)].join(" ").trim_end_matches(',').to_string()
}

fn split_title_names(words: &[&str], has_names: bool, vocab: &Vocabulary) -> (String, String) {
    if !has_names || words.len() < 2 {
        return (words.join(" "), String::new());
    }
    let mut best = (0.0f32, words.len());
    for cut in 1..words.len() {
        let tail = words[cut..].join(" ");
        if tail.starts_with("and ") || tail.starts_with(", ") {
            continue;
        }
        let score = list_score(&tail, vocab) + 0.02 * (words.len() - cut) as f32;
        if score > best.0 {
            best = (score, cut);
        }
    }
    if best.0 < 0.6 {
        return (words.join(" "), String::new());
    }
    (words[..best.1].join(" "), words[best.1..].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    #[test]
    fn rows_under_a_spanning_year_and_translated_titles() {
        let roles = [Role::Year, Role::Title, Role::Makers, Role::Label, Role::Ignore];
        assert_eq!(spanned_from_above(&roles, &["*Django*", "Luis Bacalov", "—", "Notes"]), 1);
        assert_eq!(spanned_from_above(&roles, &["1966", "*Django*", "Luis Bacalov"]), 0);
        assert_eq!(spanned_from_above(&roles, &["", "*Django*", "Luis Bacalov", "—"]), 0);
        let (title, alts) = title_and_translations("*Giù la testa* ( *Duck, You Sucker!* ; *A Fistful of Dynamite* )");
        assert_eq!(
            (title, alts.as_slice()),
            ("*Giù la testa*", &["Duck, You Sucker!".to_string(), "A Fistful of Dynamite".to_string()][..])
        );
        assert_eq!(title_and_translations("Vertigo (1958)").0, "Vertigo (1958)");
    }

    #[test]
    fn flattened_rows_split_title_from_names() {
        let w: Vec<&str> = "Street Fighter II Yoko Shimomura and Isao Abe".split_whitespace().collect();
        let (t, n) = split_title_names(&w, true, &BUILT_IN);
        assert_eq!((t.as_str(), n.as_str()), ("Street Fighter II", "Yoko Shimomura and Isao Abe"));
        let rows =
            ["Tetris Hirokazu Tanaka Consequence of Sound,[8] NME,[2]", "Portal Kelly Bailey Consequence of Sound,[8]"];
        let outlets = outlet_lengths(&rows);
        assert_eq!(strip_citation_columns(rows[0], &outlets), "Tetris Hirokazu Tanaka");
        assert_eq!(strip_citation_columns("Jaws John Williams Factmag,[1]", &outlets), "Jaws John Williams");
    }

    #[test]
    fn header_cells_name_their_roles() {
        assert_eq!(role_of(" Composer(s): "), Some(Role::Makers));
        assert_eq!(role_of("TITLE(s)(s)."), Some(Role::Title));
        assert_eq!(role_of("Label (s)"), None);
        assert_eq!(role_of("(s)"), None);
    }

    #[test]
    fn a_header_row_may_hold_one_unknown_column() {
        let roles = header_roles(&["Rank", "Film", "Year", "Composer", "Original release"]).expect("a header");
        assert_eq!(roles, [Role::Rank, Role::Title, Role::Year, Role::Makers, Role::Ignore]);
        assert_eq!(header_roles(&["Film", "Original release"]), None);
        assert_eq!(header_roles(&["Star Wars", "1977", "John Williams", "MCA"]), None);
        // Two unknown columns are one too many, wherever they stand.
        assert_eq!(header_roles(&["Film", "Original release", "Year", "Composer", "Region"]), None);
        assert_eq!(header_roles(&["Chart", "Peak", "Film", "Year"]), None);
        let roles = header_roles(&["Film", "Year", "Composer", "Region"]).expect("one unknown, at the end");
        assert_eq!(roles, [Role::Title, Role::Year, Role::Makers, Role::Ignore]);
    }

    #[test]
    fn header_rows() {
        assert_eq!(
            flat_header("Year Game Composer(s) Refs"),
            Some(vec![Role::Year, Role::Title, Role::Makers, Role::Ignore])
        );
        assert_eq!(flat_header("The best games of the year"), None);
    }
}
