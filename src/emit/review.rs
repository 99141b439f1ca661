//! `review.csv`: the decisions resolution asks a person to check. [`super::write_all`] writes
//! it with the other files.

use std::io::Write;

use super::dialect::CsvSheet;
use crate::resolve::review::{ReviewRow, Side};

/// One row per decision to check.
pub(super) fn review_csv<W: Write>(out: W, review: &[ReviewRow]) -> std::io::Result<W> {
    let mut sheet = CsvSheet::new(
        out,
        &[
            "kind",
            "decision",
            "score",
            "title_score",
            "year_score",
            "composers_score",
            "labels_score",
            "a_id",
            "a_title",
            "a_year",
            "a_source",
            "b_id",
            "b_title",
            "b_year",
            "b_source",
            "note",
        ],
    )?;
    let side = |s: &Side| {
        [s.id.to_string(), s.title.to_string(), s.year.map(|y| y.to_string()).unwrap_or_default(), s.source.to_string()]
    };
    for r in review {
        let mut cells = vec![
            r.kind.as_str().to_string(),
            if r.merged { "merged" } else { "apart" }.to_string(),
            format!("{:.3}", r.score.total),
            format!("{:.3}", r.score.title),
            format!("{:.2}", r.score.year),
            format!("{:.2}", r.score.composers),
            format!("{:.2}", r.score.labels),
        ];
        cells.extend(side(&r.a));
        cells.extend(side(&r.b));
        cells.push(r.note.to_string());
        sheet.row(&cells)?;
    }
    sheet.finish()
}
