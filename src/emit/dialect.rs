//! The one place that owns the CSV dialect: UTF-8, comma, RFC 4180 quoting, `\n` records,
//! multi-valued cells joined with `; `, and the spreadsheet formula guard.

use crate::model::{Release, Track};

/// Separator of multi-valued cells.
pub const MULTI_SEPARATOR: &str = "; ";

/// A CSV file being written to `W` (a file, or a `Vec<u8>` in tests).
pub struct CsvSheet<W: std::io::Write> {
    writer: csv::Writer<W>,
}

impl<W: std::io::Write> CsvSheet<W> {
    pub fn new(out: W, header: &[&str]) -> std::io::Result<Self> {
        let mut sheet = CsvSheet::headless(out);
        sheet.writer.write_record(header).map_err(std::io::Error::other)?;
        Ok(sheet)
    }

    /// A sheet of rows only, to be written after a header: rows rendered on other threads
    /// and written in order.
    pub fn headless(out: W) -> Self {
        CsvSheet { writer: csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out) }
    }

    /// Writes one row; every cell passes the formula guard. Cells are written as they are
    /// (a guarded one is the only copy), since a run writes a row per mention.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> std::io::Result<()> {
        for cell in cells {
            self.writer.write_field(guard_formula(cell.as_ref()).as_bytes()).map_err(std::io::Error::other)?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(std::io::Error::other)
    }

    /// Flushes the rows and hands back the writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.writer.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
    }
}

/// Neutralises spreadsheet formulas as OWASP recommends: a cell that begins with `=`, `+`,
/// `-`, `@`, tab or carriage return gets a leading `'`, so a spreadsheet shows it as text.
pub fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The cell builders below serve the debug builds' check of rows written by hand (`emit`'s
/// `same_as_csv_crate`): the rows themselves are written cell by cell by `csv_row`.
#[cfg(debug_assertions)]
pub fn join(values: &[String]) -> String {
    values.join(MULTI_SEPARATOR)
}

/// `Label (Year, Edition)` per release.
#[cfg(debug_assertions)]
pub fn releases_cell(releases: &[Release]) -> String {
    let mut cell = String::new();
    write_releases(&mut cell, releases);
    cell
}

/// Each of `items` written into `cell` by `write`, separated by [`MULTI_SEPARATOR`].
pub fn write_each<T>(cell: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            cell.push_str(MULTI_SEPARATOR);
        }
        write(cell, item);
    }
}

/// `Label (Year, Edition)` per release, written into `cell`.
pub fn write_releases(cell: &mut String, releases: &[Release]) {
    use std::fmt::Write as _;
    write_each(cell, releases, |cell, r| {
        cell.push_str(r.label.as_deref().unwrap_or("?"));
        match (r.year, &r.edition) {
            (None, None) => {}
            (Some(y), None) => {
                let _ = write!(cell, " ({y})");
            }
            (None, Some(e)) => {
                let _ = write!(cell, " ({e})");
            }
            (Some(y), Some(e)) => {
                let _ = write!(cell, " ({y}, {e})");
            }
        }
    });
}

/// `Title — Artist` per track.
#[cfg(debug_assertions)]
pub fn tracks_cell(tracks: &[Track]) -> String {
    let mut cell = String::new();
    write_tracks(&mut cell, tracks);
    cell
}

/// `Title — Artist` per track, written into `cell`.
pub fn write_tracks(cell: &mut String, tracks: &[Track]) {
    write_each(cell, tracks, |cell, t| {
        cell.push_str(&t.title);
        if let Some(a) = &t.artist {
            cell.push_str(" — ");
            cell.push_str(a);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(guard_formula(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(guard_formula("Jaws"), "Jaws");
    }

    #[test]
    fn quoting_follows_rfc4180() {
        let mut sheet = CsvSheet::new(Vec::new(), &["a", "b"]).unwrap();
        sheet.row(&["x, y".to_string(), "say \"hi\"".to_string()]).unwrap();
        let out = String::from_utf8(sheet.finish().unwrap()).unwrap();
        assert_eq!(out, "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
    }
}
