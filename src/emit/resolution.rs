//! Writers for what resolution adds to the corpus: `explain.jsonl` (one explanation per
//! merged record, for `cuesheet explain`) and `review.csv` (decisions for a person to check).

use std::path::Path;

use super::dialect::CsvSheet;
use super::write_atomic;
use crate::resolve::Resolution;
use crate::resolve::review::Side;

/// Names of the files [`write_resolution`] writes.
pub const RESOLUTION_FILES: [&str; 2] = ["explain.jsonl", "review.csv"];

/// Writes `explain.jsonl` and `review.csv` into `dir`.
pub fn write_resolution(dir: &Path, resolution: &Resolution) -> std::io::Result<()> {
    write_atomic(dir, "explain.jsonl", &explain_jsonl(resolution)?)?;
    write_atomic(dir, "review.csv", &review_csv(resolution)?)?;
    Ok(())
}

fn explain_jsonl(resolution: &Resolution) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for e in &resolution.explanations {
        serde_json::to_writer(&mut out, e)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn review_csv(resolution: &Resolution) -> std::io::Result<Vec<u8>> {
    let mut sheet = CsvSheet::new(&[
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
    ])?;
    let side = |s: &Side| {
        [
            s.id.clone(),
            s.title.clone(),
            s.year.map(|y| y.to_string()).unwrap_or_default(),
            s.source.clone(),
        ]
    };
    for r in &resolution.review {
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
        cells.push(r.note.clone());
        sheet.row(&cells)?;
    }
    sheet.finish()
}
