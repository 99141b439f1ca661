//! Emit: writes the corpus files. Each is written to a temporary name in the output folder,
//! and all are renamed into place once all are written, so a failed or interrupted run leaves
//! the previous output whole.

pub mod dialect;
pub mod resolution;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::{Mention, Soundtrack};
use crate::report::Report;
use crate::resolve::Resolution;
use dialect::{CsvSheet, join, releases_cell, tracks_cell};

/// Names of the files a run writes.
pub const OUTPUT_FILES: [&str; 8] = [
    "mentions.jsonl",
    "soundtracks.json",
    "soundtracks.csv",
    "mentions.csv",
    "tracks.csv",
    "report.json",
    "explain.jsonl",
    "review.csv",
];

/// Writes every output file into `dir`. Each file is streamed to a temporary name (so the
/// run never holds a whole rendered file in memory), and only when all are written and synced
/// is the first one renamed into place: a failure (or an interruption) while writing leaves
/// the previous set whole, and old and new files can only mix during the renames.
pub fn write_all(dir: &Path, mentions: &[Mention], resolution: &Resolution, report: &Report) -> std::io::Result<()> {
    let soundtracks = &resolution.soundtracks;
    let temps: Vec<PathBuf> = OUTPUT_FILES.iter().map(|name| temp_path(dir, name, std::process::id())).collect();
    // In the order of OUTPUT_FILES.
    let result = (|| -> std::io::Result<()> {
        write_synced(&temps[0], |w| mentions_jsonl(w, mentions))?;
        write_synced(&temps[1], |w| pretty_json(w, soundtracks))?;
        write_synced(&temps[2], |w| soundtracks_csv(w, soundtracks))?;
        write_synced(&temps[3], |w| mentions_csv(w, mentions))?;
        write_synced(&temps[4], |w| tracks_csv(w, soundtracks))?;
        write_synced(&temps[5], |w| pretty_json(w, report))?;
        write_synced(&temps[6], |w| resolution::explain_jsonl(w, resolution))?;
        write_synced(&temps[7], |w| resolution::review_csv(w, resolution))?;
        temps.iter().zip(OUTPUT_FILES).try_for_each(|(tmp, name)| fs::rename(tmp, dir.join(name)))
    })();
    if result.is_err() {
        for tmp in &temps {
            let _ = fs::remove_file(tmp);
        }
    }
    result
}

/// Where process `pid` writes output `name` before renaming it into place: a hidden name
/// beside the final one (the walk skips dot files), unique to the process.
pub fn temp_path(dir: &Path, name: &str, pid: u32) -> PathBuf {
    dir.join(format!(".{name}.tmp-{pid}"))
}

type Out = BufWriter<fs::File>;

/// Creates `path`, lets `render` write it through a buffer, and syncs it to disk.
fn write_synced(path: &Path, render: impl FnOnce(Out) -> std::io::Result<Out>) -> std::io::Result<()> {
    let file = render(BufWriter::with_capacity(1 << 16, fs::File::create(path)?))?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

fn pretty_json<W: Write, T: Serialize + ?Sized>(mut out: W, value: &T) -> std::io::Result<W> {
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    Ok(out)
}

fn mentions_jsonl<W: Write>(mut out: W, mentions: &[Mention]) -> std::io::Result<W> {
    for m in mentions {
        serde_json::to_writer(&mut out, m)?;
        out.write_all(b"\n")?;
    }
    Ok(out)
}

fn soundtracks_csv<W: Write>(out: W, records: &[Soundtrack]) -> std::io::Result<W> {
    let mut sheet = CsvSheet::new(
        out,
        &["id", "title", "alt_titles", "year", "composers", "labels", "releases", "tracks", "mention_count", "sources"],
    )?;
    for r in records {
        let sources: Vec<String> = r.sources.iter().map(|s| format!("{}:{}", s.source, s.line)).collect();
        sheet.row(&[
            r.id.clone(),
            r.title.clone(),
            join(&r.alt_titles),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            join(&r.composers),
            join(&r.labels),
            releases_cell(&r.releases),
            tracks_cell(&r.tracks),
            r.mention_count.to_string(),
            join(&sources),
        ])?;
    }
    sheet.finish()
}

fn mentions_csv<W: Write>(out: W, mentions: &[Mention]) -> std::io::Result<W> {
    let mut sheet = CsvSheet::new(
        out,
        &[
            "soundtrack_id",
            "source",
            "line",
            "layout",
            "rank",
            "honourable_mention",
            "title",
            "alt_titles",
            "year",
            "composers",
            "labels",
            "releases",
            "tracks",
            "reviewer",
            "confidence",
        ],
    )?;
    for m in mentions {
        let layout = serde_json::to_value(m.layout)?.as_str().unwrap_or_default().to_string();
        sheet.row(&[
            m.soundtrack_id.clone(),
            m.source.clone(),
            m.line.to_string(),
            layout,
            m.rank.map(|r| r.to_string()).unwrap_or_default(),
            m.honourable_mention.to_string(),
            m.title.clone(),
            join(&m.alt_titles),
            m.year.map(|y| y.to_string()).unwrap_or_default(),
            join(&m.composers),
            join(&m.labels),
            releases_cell(&m.releases),
            tracks_cell(&m.tracks),
            m.reviewer.clone().unwrap_or_default(),
            format!("{:.2}", m.confidence),
        ])?;
    }
    sheet.finish()
}

fn tracks_csv<W: Write>(out: W, records: &[Soundtrack]) -> std::io::Result<W> {
    let mut sheet = CsvSheet::new(out, &["soundtrack_id", "soundtrack_title", "track", "artist"])?;
    for r in records {
        for t in &r.tracks {
            sheet.row(&[r.id.clone(), r.title.clone(), t.title.clone(), t.artist.clone().unwrap_or_default()])?;
        }
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Release, SourceRef, Track};

    fn record() -> Soundtrack {
        Soundtrack {
            id: "o-brother-where-art-thou-2000".into(),
            title: "O Brother, Where Art Thou?".into(),
            alt_titles: vec![],
            year: Some(2000),
            composers: vec!["T Bone Burnett".into()],
            labels: vec!["Lost Highway".into()],
            releases: vec![Release { label: Some("Lost Highway".into()), year: Some(2000), edition: None }],
            tracks: vec![
                Track { title: "Man of Constant Sorrow".into(), artist: Some("The Soggy Bottom Boys".into()) },
                Track { title: "=cmd".into(), artist: None },
            ],
            sources: vec![SourceRef { source: "a.txt".into(), line: 3, rank: Some(1) }],
            mention_count: 1,
        }
    }

    #[test]
    fn a_failed_write_leaves_every_previous_file_in_place() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("mentions.jsonl"), "old\n").unwrap();
        // A folder where the last temporary file should go makes that write fail.
        fs::create_dir(temp_path(dir.path(), "report.json", std::process::id())).unwrap();
        let report = Report::new(Vec::new(), 1, 0);
        let resolution = Resolution { soundtracks: vec![record()], explanations: Vec::new(), review: Vec::new() };
        assert!(write_all(dir.path(), &[], &resolution, &report).is_err());
        assert_eq!(fs::read_to_string(dir.path().join("mentions.jsonl")).unwrap(), "old\n");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left.len(), 2, "only the old file and the blocking folder: {left:?}");
    }

    /// Every text field of a mention and a record starts like a formula: no cell of any CSV
    /// may (tests/hostile.rs checks the same through the binary, where only paths get there).
    #[test]
    fn no_csv_cell_starts_like_a_formula() {
        let f = |s: &str| s.to_string();
        let mut m = Mention::new("=a.txt", 3, crate::model::Layout::RankedList, f("=Title"));
        m.alt_titles = vec![f("+Alt")];
        m.composers = vec![f("-Composer"), f("@Other")];
        m.labels = vec![f("\tLabel")];
        m.releases = vec![Release { label: Some(f("\rLabel")), year: Some(2000), edition: Some(f("=Ed")) }];
        m.tracks = vec![Track { title: f("@Track"), artist: Some(f("=Artist")) }];
        m.reviewer = Some(f("+Reviewer"));
        m.soundtrack_id = f("-id");
        let r = Soundtrack {
            id: f("-id"),
            title: f("=Title"),
            alt_titles: m.alt_titles.clone(),
            year: Some(2000),
            composers: m.composers.clone(),
            labels: m.labels.clone(),
            releases: m.releases.clone(),
            tracks: m.tracks.clone(),
            sources: vec![SourceRef { source: f("@a.txt"), line: 3, rank: None }],
            mention_count: 1,
        };
        let sheets = [
            soundtracks_csv(Vec::new(), std::slice::from_ref(&r)),
            mentions_csv(Vec::new(), &[m]),
            tracks_csv(Vec::new(), &[r]),
        ];
        for sheet in sheets {
            let sheet = sheet.unwrap();
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(sheet.as_slice());
            let mut guarded = 0;
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
                    guarded += usize::from(cell.starts_with('\''));
                }
            }
            assert!(guarded >= 3, "{}", String::from_utf8_lossy(&sheet));
        }
    }

    // The integration tests' articles name no tracks, so the per-track rows are checked here.
    #[test]
    fn tracks_csv_has_one_row_per_track() {
        let out = String::from_utf8(tracks_csv(Vec::new(), &[record()]).unwrap()).unwrap();
        assert_eq!(
            out,
            "soundtrack_id,soundtrack_title,track,artist\n\
             o-brother-where-art-thou-2000,\"O Brother, Where Art Thou?\",Man of Constant Sorrow,The Soggy Bottom Boys\n\
             o-brother-where-art-thou-2000,\"O Brother, Where Art Thou?\",'=cmd,\n"
        );
    }

    #[test]
    fn soundtracks_csv_joins_multi_valued_cells() {
        let out = String::from_utf8(soundtracks_csv(Vec::new(), &[record()]).unwrap()).unwrap();
        let row = out.lines().nth(1).unwrap();
        assert!(row.contains("Lost Highway (2000)"), "{row}");
        assert!(row.contains("Man of Constant Sorrow — The Soggy Bottom Boys; =cmd"), "{row}");
        assert!(row.ends_with(",1,a.txt:3"), "{row}");
    }
}
