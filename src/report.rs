//! Per-file outcomes of a run and their totals, written as `report.json`.

use serde::{Deserialize, Serialize};

use crate::model::Layout;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Skipped,
    Failed,
}

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub path: String,
    pub status: Status,
    pub reason: Option<String>,
    pub encoding: Option<String>,
    /// The layout most of the file's entries were found in.
    pub layout: Option<Layout>,
    pub entries: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub files: usize,
    pub ok: usize,
    pub skipped: usize,
    pub failed: usize,
    pub mentions: usize,
    pub soundtracks: usize,
}

/// The whole `report.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub totals: Totals,
    /// Wall-clock time of the run; the only value that differs between identical runs.
    pub duration_ms: u64,
}

impl Report {
    pub fn new(files: Vec<FileReport>, soundtracks: usize, duration_ms: u64) -> Self {
        let count = |s: Status| files.iter().filter(|f| f.status == s).count();
        let totals = Totals {
            files: files.len(),
            ok: count(Status::Ok),
            skipped: count(Status::Skipped),
            failed: count(Status::Failed),
            mentions: files.iter().map(|f| f.entries).sum(),
            soundtracks,
        };
        Report { files, totals, duration_ms }
    }
}
