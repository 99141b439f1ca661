//! The user's overrides file, `cuesheet-overrides.csv` in the input folder (format in
//! `docs/overrides.md`): forced merges, forced separations, canonical titles, names and
//! label spellings, applied on the next run.

use std::path::Path;

use thiserror::Error;

use crate::model::Mention;
use crate::normalize::title_key;

/// Name of the user's overrides file in the input folder; never read as an article.
pub const OVERRIDES_FILE: &str = "cuesheet-overrides.csv";

/// A row of the overrides file that cannot be used.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum OverridesError {
    #[error("cannot read: {0}")]
    Read(String),
    #[error("line {line}: {message}")]
    Row { line: usize, message: String },
}

/// A reference to mentions by title, optionally with a year: `Halloween (1978)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleRef {
    pub text: String,
    pub key: String,
    pub year: Option<i32>,
}

impl TitleRef {
    pub fn parse(text: &str) -> TitleRef {
        let text = text.trim();
        let year = text.strip_suffix(')').and_then(|t| t.rsplit_once('(')).and_then(|(title, y)| {
            y.trim().parse::<i32>().ok().filter(|y| (1000..=9999).contains(y)).map(|y| (title, y))
        });
        match year {
            Some((title, y)) => TitleRef { text: text.to_string(), key: title_key(title), year: Some(y) },
            None => TitleRef { text: text.to_string(), key: title_key(text), year: None },
        }
    }

    /// Whether `m` is named by this reference: one of its titles has the same work key and,
    /// when the reference gives a year, the mention's year is within one of it.
    pub fn matches(&self, m: &Mention) -> bool {
        self.matches_titles(std::iter::once(m.title.as_str()).chain(m.alt_titles.iter().map(String::as_str)), m.year)
    }

    /// [`TitleRef::matches`] for a mention with these titles and year.
    pub fn matches_titles<'a>(&self, mut titles: impl Iterator<Item = &'a str>, year: Option<i32>) -> bool {
        let year_ok = match (self.year, year) {
            (None, _) => true,
            (Some(a), Some(b)) => (a - b).abs() <= 1,
            (Some(_), None) => false,
        };
        year_ok && titles.any(|t| title_key(t) == self.key)
    }
}

/// Everything the overrides file says, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Mentions of both references become one record.
    pub merge: Vec<(TitleRef, TitleRef)>,
    /// Mentions of the two references never share a record.
    pub apart: Vec<(TitleRef, TitleRef)>,
    /// The record holding the reference's mentions takes this title.
    pub titles: Vec<(TitleRef, String)>,
    /// A name as written → its canonical spelling.
    pub names: Vec<(String, String)>,
    /// (canonical label, alias): extends the built-in label table.
    pub labels: Vec<(String, String)>,
}

impl Overrides {
    /// Reads `dir/cuesheet-overrides.csv`; no file means no overrides.
    pub fn load(dir: &Path) -> Result<Overrides, OverridesError> {
        let path = dir.join(OVERRIDES_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => Overrides::parse(&String::from_utf8_lossy(&bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Overrides::default()),
            Err(e) => Err(OverridesError::Read(e.to_string())),
        }
    }

    /// Parses the CSV text: `action,first,second` rows; `#` lines and blank lines are
    /// skipped, and so is a header row starting with `action`.
    pub fn parse(text: &str) -> Result<Overrides, OverridesError> {
        let mut out = Overrides::default();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for row in reader.records() {
            let row = row.map_err(|e| OverridesError::Row {
                line: e.position().map_or(0, |p| p.line() as usize),
                message: e.to_string(),
            })?;
            let line = row.position().map_or(0, |p| p.line() as usize);
            let cells: Vec<&str> = row.iter().collect();
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            let action = cells[0].to_lowercase();
            if action == "action" {
                continue;
            }
            let err = |message: &str| OverridesError::Row { line, message: message.to_string() };
            let (first, second) = match (cells.get(1), cells.get(2)) {
                (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() && cells.len() == 3 => (*a, *b),
                _ => return Err(err("expected three cells: action,first,second")),
            };
            match action.as_str() {
                "merge" => out.merge.push((TitleRef::parse(first), TitleRef::parse(second))),
                "apart" => out.apart.push((TitleRef::parse(first), TitleRef::parse(second))),
                "title" => out.titles.push((TitleRef::parse(first), second.to_string())),
                "name" => out.names.push((first.to_string(), second.to_string())),
                "label" => out.labels.push((first.to_string(), second.to_string())),
                _ => {
                    return Err(err("unknown action (use merge, apart, title, name or label)"));
                }
            }
        }
        Ok(out)
    }

    pub fn is_empty(&self) -> bool {
        *self == Overrides::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_comments_and_header() {
        let text = "# my fixes\naction,first,second\nmerge,Guardians of the Galaxy,\"Awesome Mix, Vol. 1\"\n\
                    apart,Halloween (1978),Halloween (2007)\ntitle,Barbie,Barbie: The Album\n\
                    name,Eleni Karaindro,Eleni Karaindrou\nlabel,Varèse Sarabande,Varese Saraband\n";
        let o = Overrides::parse(text).unwrap();
        assert_eq!(o.merge[0].1.key, "awesome mix");
        assert_eq!(o.apart[0].0.year, Some(1978));
        assert_eq!(o.apart[0].0.key, "halloween");
        assert_eq!(o.titles[0].1, "Barbie: The Album");
        assert_eq!(o.names.len(), 1);
        assert_eq!(o.labels[0].0, "Varèse Sarabande");
    }

    #[test]
    fn bad_rows_are_errors() {
        assert!(matches!(Overrides::parse("merge,only one\n"), Err(OverridesError::Row { line: 1, .. })));
        assert!(matches!(Overrides::parse("split,a,b\n"), Err(OverridesError::Row { .. })));
    }
}
