//! Emit: writes the corpus files. Every file is written to a temporary name in the output
//! folder and renamed into place, so an interrupted run leaves the previous output whole.

pub mod dialect;
pub mod resolution;

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::model::{Mention, Soundtrack};
use crate::report::Report;
use dialect::{CsvSheet, join, releases_cell, tracks_cell};

/// Names of the files a run writes.
pub const OUTPUT_FILES: [&str; 6] = [
    "mentions.jsonl",
    "soundtracks.json",
    "soundtracks.csv",
    "mentions.csv",
    "tracks.csv",
    "report.json",
];

/// Writes every output file into `dir`.
pub fn write_all(
    dir: &Path,
    mentions: &[Mention],
    soundtracks: &[Soundtrack],
    report: &Report,
) -> std::io::Result<()> {
    write_atomic(dir, "mentions.jsonl", &mentions_jsonl(mentions)?)?;
    write_atomic(dir, "soundtracks.json", &pretty_json(soundtracks)?)?;
    write_atomic(dir, "soundtracks.csv", &soundtracks_csv(soundtracks)?)?;
    write_atomic(dir, "mentions.csv", &mentions_csv(mentions)?)?;
    write_atomic(dir, "tracks.csv", &tracks_csv(soundtracks)?)?;
    write_atomic(dir, "report.json", &pretty_json(report)?)?;
    Ok(())
}

/// Writes `bytes` to `dir/name` through a temporary file and a rename.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, dir.join(name))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn pretty_json<T: Serialize + ?Sized>(value: &T) -> std::io::Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(value)?;
    out.push(b'\n');
    Ok(out)
}

fn mentions_jsonl(mentions: &[Mention]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for m in mentions {
        serde_json::to_writer(&mut out, m)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn soundtracks_csv(records: &[Soundtrack]) -> std::io::Result<Vec<u8>> {
    let mut sheet = CsvSheet::new(&[
        "id",
        "title",
        "alt_titles",
        "year",
        "composers",
        "labels",
        "releases",
        "tracks",
        "mention_count",
        "sources",
    ])?;
    for r in records {
        let sources: Vec<String> = r
            .sources
            .iter()
            .map(|s| format!("{}:{}", s.source, s.line))
            .collect();
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

fn mentions_csv(mentions: &[Mention]) -> std::io::Result<Vec<u8>> {
    let mut sheet = CsvSheet::new(&[
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
    ])?;
    for m in mentions {
        let layout = serde_json::to_value(m.layout)?
            .as_str()
            .unwrap_or_default()
            .to_string();
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

fn tracks_csv(records: &[Soundtrack]) -> std::io::Result<Vec<u8>> {
    let mut sheet = CsvSheet::new(&["soundtrack_id", "soundtrack_title", "track", "artist"])?;
    for r in records {
        for t in &r.tracks {
            sheet.row(&[
                r.id.clone(),
                r.title.clone(),
                t.title.clone(),
                t.artist.clone().unwrap_or_default(),
            ])?;
        }
    }
    sheet.finish()
}
