//! mentions.csv rows written by hand, byte for byte as [`CsvSheet`](super::dialect::CsvSheet)
//! writes them through the csv crate (RFC 4180 quoting where needed, the formula guard,
//! `\n` records). A run writes a row per mention: building fifteen cells as strings (joined
//! lists, numbers) and passing each through the csv writer cost more than its JSON line.
//! Debug builds compare every row with the csv crate's, and property tests do on arbitrary
//! cells.

use super::dialect::write_each;

/// Writes one row at a time into `out`. A cell made of parts is rendered into `scratch`
/// first (quoting depends on the whole cell), reused from cell to cell.
pub struct RowWriter<'a> {
    out: &'a mut Vec<u8>,
    scratch: String,
    row_start: usize,
    cells: usize,
    #[cfg(debug_assertions)]
    last_start: usize,
}

impl<'a> RowWriter<'a> {
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        let row_start = out.len();
        RowWriter {
            out,
            scratch: String::new(),
            row_start,
            cells: 0,
            #[cfg(debug_assertions)]
            last_start: row_start,
        }
    }

    /// One cell: the formula guard's `'` before `=`, `+`, `-`, `@`, tab or carriage return,
    /// and quotes around a cell holding a comma, a quote or a line break.
    pub fn cell(&mut self, text: &str) {
        if self.cells > 0 {
            self.out.push(b',');
        }
        self.cells += 1;
        let guarded = matches!(text.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
        let quoted = text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
        if quoted {
            self.out.push(b'"');
        }
        if guarded {
            self.out.push(b'\'');
        }
        if quoted {
            for (i, piece) in text.split('"').enumerate() {
                if i > 0 {
                    self.out.extend_from_slice(b"\"\"");
                }
                self.out.extend_from_slice(piece.as_bytes());
            }
            self.out.push(b'"');
        } else {
            self.out.extend_from_slice(text.as_bytes());
        }
    }

    /// A cell whose text `render` writes.
    pub fn cell_with(&mut self, render: impl FnOnce(&mut String)) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        render(&mut scratch);
        self.cell(&scratch);
        self.scratch = scratch;
    }

    /// A number, or an empty cell for none.
    pub fn number(&mut self, value: Option<impl std::fmt::Display>) {
        use std::fmt::Write as _;
        self.cell_with(|cell| {
            if let Some(v) = value {
                let _ = write!(cell, "{v}");
            }
        });
    }

    /// A multi-valued cell: `values` joined with [`MULTI_SEPARATOR`](super::dialect::MULTI_SEPARATOR).
    pub fn joined<S: AsRef<str>>(&mut self, values: &[S]) {
        match values {
            [] => self.cell(""),
            [one] => self.cell(one.as_ref()),
            _ => self.cell_with(|cell| write_each(cell, values, |cell, v| cell.push_str(v.as_ref()))),
        }
    }

    /// The bytes of the row last ended.
    #[cfg(debug_assertions)]
    pub fn last_row(&self) -> &[u8] {
        &self.out[self.last_start..]
    }

    /// Ends the row. A row that wrote nothing (one empty cell) is `""`, as the csv crate
    /// writes it, so it does not read as a blank line.
    pub fn end(&mut self) {
        if self.out.len() == self.row_start {
            self.out.extend_from_slice(b"\"\"");
        }
        self.out.push(b'\n');
        #[cfg(debug_assertions)]
        {
            self.last_start = self.row_start;
        }
        self.row_start = self.out.len();
        self.cells = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::dialect::{CsvSheet, MULTI_SEPARATOR};
    use proptest::prelude::*;

    /// Each row by its own sheet: the csv crate refuses rows of unequal lengths in one.
    fn by_crate(rows: &[Vec<String>]) -> Vec<u8> {
        let mut out = Vec::new();
        for row in rows {
            let mut sheet = CsvSheet::headless(Vec::new());
            sheet.row(row).unwrap();
            out.extend(sheet.finish().unwrap());
        }
        out
    }

    fn by_hand(rows: &[Vec<String>]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = RowWriter::new(&mut out);
        for row in rows {
            for cell in row {
                writer.cell(cell);
            }
            writer.end();
        }
        out
    }

    #[test]
    fn rows_match_the_csv_crate_on_awkward_cells() {
        let rows: Vec<Vec<String>> = [
            vec!["plain", "x, y", "say \"hi\"", "=SUM(A1)", "-2", "\r\nx", "", "a\nb"],
            vec![""],
            vec!["", ""],
            vec!["\"", "'", "@x,y", "Zoë — “Dune”"],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        assert_eq!(String::from_utf8(by_hand(&rows)).unwrap(), String::from_utf8(by_crate(&rows)).unwrap());
    }

    #[test]
    fn joined_cells_match_the_joined_string() {
        let mut out = Vec::new();
        let mut writer = RowWriter::new(&mut out);
        writer.joined(&["=a", "b, c"]);
        writer.joined::<&str>(&[]);
        writer.joined(&["one"]);
        writer.end();
        let joined = |v: &[&str]| v.join(MULTI_SEPARATOR);
        let expected = by_crate(&[vec![joined(&["=a", "b, c"]), String::new(), "one".to_string()]]);
        assert_eq!(out, expected);
    }

    proptest! {
        #[test]
        fn rows_match_the_csv_crate(rows in prop::collection::vec(
            prop::collection::vec("[a-c,\"\\r\\n\\t=+@' -]{0,6}|\\PC{0,8}", 1..5), 0..5)
        ) {
            prop_assert_eq!(by_hand(&rows), by_crate(&rows));
        }
    }
}
