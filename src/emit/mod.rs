//! Emit: writes the corpus files. Each is written to a temporary name in the output folder,
//! and all are renamed into place once all are written, so a failed or interrupted run leaves
//! the previous output whole.

pub mod corpus;
mod csv_row;
pub mod dialect;
pub mod json;
pub mod record_json;
pub mod review;

#[cfg(debug_assertions)]
use std::borrow::Cow;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Mention, Soundtrack};
use crate::report::Report;
pub use corpus::{Corpus, InMemory, RecordPair, Spilled};
use csv_row::RowWriter;
use dialect::{CsvSheet, write_each, write_releases, write_tracks};
#[cfg(debug_assertions)]
use dialect::{join, releases_cell, tracks_cell};
use json::write_mention;
use record_json::{write_explanation, write_pretty_soundtrack};

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

const SOUNDTRACK_COLUMNS: [&str; 10] =
    ["id", "title", "alt_titles", "year", "composers", "labels", "releases", "tracks", "mention_count", "sources"];

const MENTION_COLUMNS: [&str; 15] = [
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
];

const TRACK_COLUMNS: [&str; 4] = ["soundtrack_id", "soundtrack_title", "track", "artist"];

/// Writes every output file into `dir`. Files are streamed to temporary names, one pass over
/// the mentions and one over the records (the run never holds a whole rendered file, nor all
/// its records, in memory), and only when all are written and synced is the first one
/// renamed into place: a failure (or an interruption) while writing leaves the previous set
/// whole, and old and new files can only mix during the renames.
pub fn write_all(dir: &Path, corpus: &dyn Corpus, report: &Report) -> io::Result<()> {
    let temps: Vec<PathBuf> = OUTPUT_FILES.iter().map(|name| temp_path(dir, name, std::process::id())).collect();
    let result = (|| -> io::Result<()> {
        // The two passes write different files, so they run side by side: on a large run each
        // takes about as long as the other, and one thread alone left the second core idle.
        let (mentions, records) = rayon::join(|| write_mentions(&temps, corpus), || write_records(&temps, corpus));
        mentions?;
        records?;
        let mut out = create(&temps[5])?;
        serde_json::to_writer_pretty(&mut out, report)?;
        out.write_all(b"\n")?;
        sync(out)?;
        sync(review::review_csv(create(&temps[7])?, corpus.review())?)?;
        temps.iter().zip(OUTPUT_FILES).try_for_each(|(tmp, name)| fs::rename(tmp, dir.join(name)))
    })();
    if result.is_err() {
        for tmp in &temps {
            let _ = fs::remove_file(tmp);
        }
    }
    result
}

/// Rows of a chunk rendered per task: a chunk's mentions are a few megabytes of output.
const RENDER_SLICE: usize = 256;

/// Renders `rows` a slice per task on every thread free, and hands each slice's output to
/// `write` in order. Only a few slices per thread are held rendered at once: a whole chunk
/// of records rendered before writing (about 14 MB) raised the peak memory of a 100 MB run
/// by a sixth.
fn render_in_order<T: Sync, R: Send>(
    rows: &[T],
    render: impl Fn(&[T]) -> io::Result<R> + Sync,
    mut write: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let window = RENDER_SLICE * 2 * rayon::current_num_threads();
    for rows in rows.chunks(window) {
        let rendered: Vec<io::Result<R>> = rows.par_chunks(RENDER_SLICE).map(&render).collect();
        for r in rendered {
            write(r?)?;
        }
    }
    Ok(())
}

/// mentions.jsonl and mentions.csv (`temps` in the order of [`OUTPUT_FILES`]). Each chunk's
/// rows are rendered in slices on every thread free, then written in order.
fn write_mentions(temps: &[PathBuf], corpus: &dyn Corpus) -> io::Result<()> {
    let (mut jsonl, mut mentions_csv) = (create(&temps[0])?, create(&temps[3])?);
    CsvSheet::new(&mut mentions_csv, &MENTION_COLUMNS)?.finish()?;
    corpus.for_each_mention_chunk(&mut |chunk| {
        render_in_order(chunk, render_mentions, |[json, csv]| {
            jsonl.write_all(&json)?;
            mentions_csv.write_all(&csv)
        })
    })?;
    sync(jsonl)?;
    sync(mentions_csv)
}

/// Lines of mentions.jsonl and rows of mentions.csv.
fn render_mentions(mentions: &[Mention]) -> io::Result<[Vec<u8>; 2]> {
    // Room for a typical mention (about 340 bytes of JSON, 130 of CSV) without regrowing.
    let mut json = Vec::with_capacity(mentions.len() * 512);
    let mut csv = Vec::with_capacity(mentions.len() * 256);
    let mut rows = RowWriter::new(&mut csv);
    let mut confidences = TwoDecimals::default();
    for m in mentions {
        let from = json.len();
        write_mention(&mut json, m)?;
        debug_assert_eq!(json[from..], serde_json::to_vec(m)?, "a mention written by hand differs from serde_json");
        json.push(b'\n');
        write_mention_row(&mut rows, m, &mut confidences);
        #[cfg(debug_assertions)]
        same_as_csv_crate(rows.last_row(), &mention_row(m))?;
    }
    drop(rows);
    Ok([json, csv])
}

/// soundtracks.json, soundtracks.csv, tracks.csv and explain.jsonl, rendered as
/// [`write_mentions`] renders its files.
fn write_records(temps: &[PathBuf], corpus: &dyn Corpus) -> io::Result<()> {
    let mut json = create(&temps[1])?;
    let mut soundtracks_csv = create(&temps[2])?;
    CsvSheet::new(&mut soundtracks_csv, &SOUNDTRACK_COLUMNS)?.finish()?;
    let mut tracks_csv = create(&temps[4])?;
    CsvSheet::new(&mut tracks_csv, &TRACK_COLUMNS)?.finish()?;
    let mut explain = create(&temps[6])?;
    let mut array = PrettyArray::new(&mut json)?;
    corpus.for_each_record_chunk(&mut |chunk| {
        render_in_order(chunk, render_records, |[elements, soundtracks, tracks, explanations]| {
            array.elements(&elements)?;
            soundtracks_csv.write_all(&soundtracks)?;
            tracks_csv.write_all(&tracks)?;
            explain.write_all(&explanations)
        })
    })?;
    array.finish()?;
    sync(json)?;
    sync(soundtracks_csv)?;
    sync(tracks_csv)?;
    sync(explain)
}

/// Elements of soundtracks.json (see [`PrettyArray::elements`]), rows of soundtracks.csv and
/// tracks.csv, and lines of explain.jsonl.
fn render_records(pairs: &[RecordPair<'_>]) -> io::Result<[Vec<u8>; 4]> {
    let mut elements = Vec::new();
    let (mut soundtracks_csv, mut tracks_csv) = (Vec::new(), Vec::new());
    let (mut soundtracks, mut tracks) = (RowWriter::new(&mut soundtracks_csv), RowWriter::new(&mut tracks_csv));
    let mut explanations = Vec::new();
    for (n, (r, e)) in pairs.iter().enumerate() {
        if n > 0 {
            elements.extend_from_slice(b",\n");
        }
        let from = elements.len();
        elements.extend_from_slice(b"  ");
        write_pretty_soundtrack(&mut elements, r, 2);
        debug_assert_eq!(
            elements[from..],
            serde_pretty_element(r)?,
            "a record written by hand differs from serde_json"
        );
        write_soundtrack_row(&mut soundtracks, r);
        #[cfg(debug_assertions)]
        same_as_csv_crate(soundtracks.last_row(), &soundtrack_row(r))?;
        for t in &r.tracks {
            let cells = [r.id.as_str(), &r.title, &t.title, t.artist.as_deref().unwrap_or_default()];
            cells.iter().for_each(|c| tracks.cell(c));
            tracks.end();
            #[cfg(debug_assertions)]
            same_as_csv_crate(tracks.last_row(), &cells)?;
        }
        let from = explanations.len();
        write_explanation(&mut explanations, e)?;
        debug_assert_eq!(
            explanations[from..],
            serde_json::to_vec(e)?,
            "an explanation written by hand differs from serde_json"
        );
        explanations.push(b'\n');
    }
    drop((soundtracks, tracks));
    Ok([elements, soundtracks_csv, tracks_csv, explanations])
}

/// Debug builds: a row written by hand is what the csv crate writes for `cells`.
#[cfg(debug_assertions)]
fn same_as_csv_crate<S: AsRef<str>>(row: &[u8], cells: &[S]) -> io::Result<()> {
    let mut sheet = CsvSheet::headless(Vec::new());
    sheet.row(cells)?;
    assert!(row == sheet.finish()?, "a CSV row written by hand differs from the csv crate's");
    Ok(())
}

/// Where process `pid` writes output `name` before renaming it into place: a hidden name
/// beside the final one (the walk skips dot files), unique to the process.
pub fn temp_path(dir: &Path, name: &str, pid: u32) -> PathBuf {
    dir.join(format!(".{name}.tmp-{pid}"))
}

type Out = BufWriter<fs::File>;

fn create(path: &Path) -> io::Result<Out> {
    Ok(BufWriter::with_capacity(1 << 16, fs::File::create(path)?))
}

/// Flushes a finished file and syncs it to disk.
fn sync(file: Out) -> io::Result<()> {
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// A JSON array written a run of elements at a time, byte for byte as `serde_json`'s pretty
/// printer writes a whole array: each element on its own lines, indented two spaces.
struct PrettyArray<'w, W: Write> {
    out: &'w mut W,
    empty: bool,
}

impl<'w, W: Write> PrettyArray<'w, W> {
    fn new(out: &'w mut W) -> io::Result<Self> {
        out.write_all(b"[")?;
        Ok(PrettyArray { out, empty: true })
    }

    /// Writes elements rendered by [`write_pretty_soundtrack`] and joined with `,\n` (none if empty).
    fn elements(&mut self, rendered: &[u8]) -> io::Result<()> {
        if rendered.is_empty() {
            return Ok(());
        }
        self.out.write_all(if self.empty { b"\n" } else { b",\n" })?;
        self.empty = false;
        self.out.write_all(rendered)
    }

    fn finish(self) -> io::Result<()> {
        self.out.write_all(if self.empty { b"]\n" } else { b"\n]\n" })
    }
}

/// `value` as an element of a pretty array, indented, as serde_json's pretty printer writes
/// it: what the records written by hand are checked against.
fn serde_pretty_element<T: Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let mut out = b"  ".to_vec();
    // Pretty JSON never holds a raw newline inside a string, so lines are safe to indent.
    for b in serde_json::to_vec_pretty(value)? {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(b"  ");
        }
    }
    Ok(out)
}

/// A record's row of soundtracks.csv, cell by cell as [`soundtrack_row`] gives them.
fn write_soundtrack_row(row: &mut RowWriter<'_>, r: &Soundtrack) {
    use std::fmt::Write as _;
    row.cell(&r.id);
    row.cell(&r.title);
    row.joined(&r.alt_titles);
    row.number(r.year);
    row.joined(&r.composers);
    row.joined(&r.labels);
    row.cell_with(|c| write_releases(c, &r.releases));
    row.cell_with(|c| write_tracks(c, &r.tracks));
    row.number(Some(r.mention_count));
    row.cell_with(|c| {
        write_each(c, &r.sources, |c, s| {
            let _ = write!(c, "{}:{}", s.source, s.line);
        })
    });
    row.end();
}

/// The cells of a record's row, for the csv crate (debug builds check
/// [`write_soundtrack_row`] against it).
#[cfg(debug_assertions)]
fn soundtrack_row(r: &Soundtrack) -> [Cow<'_, str>; 10] {
    let sources: Vec<String> = r.sources.iter().map(|s| format!("{}:{}", s.source, s.line)).collect();
    [
        r.id.as_str().into(),
        r.title.as_str().into(),
        join(&r.alt_titles).into(),
        r.year.map(|y| y.to_string()).unwrap_or_default().into(),
        join(&r.composers).into(),
        join(&r.labels).into(),
        releases_cell(&r.releases).into(),
        tracks_cell(&r.tracks).into(),
        r.mention_count.to_string().into(),
        join(&sources).into(),
    ]
}

/// A mention's row of mentions.csv, cell by cell as [`mention_row`] gives them.
fn write_mention_row(row: &mut RowWriter<'_>, m: &Mention, confidences: &mut TwoDecimals) {
    row.cell(&m.soundtrack_id);
    row.cell(&m.source);
    row.number(Some(m.line));
    row.cell(m.layout.as_str());
    row.number(m.rank);
    row.cell(if m.honourable_mention { "true" } else { "false" });
    row.cell(&m.title);
    row.joined(&m.alt_titles);
    row.number(m.year);
    row.joined(&m.composers);
    row.joined(&m.labels);
    row.cell_with(|c| write_releases(c, &m.releases));
    row.cell_with(|c| write_tracks(c, &m.tracks));
    row.cell(m.reviewer.as_deref().unwrap_or_default());
    row.cell(confidences.get(m.confidence));
    row.end();
}

/// Confidences written with two decimals, remembered by their bits: a run has few distinct
/// ones, and formatting a float cost about 1,500 instructions a row.
#[derive(Default)]
struct TwoDecimals(crate::fast_hash::FastMap<u32, Box<str>>);

impl TwoDecimals {
    fn get(&mut self, x: f32) -> &str {
        self.0.entry(x.to_bits()).or_insert_with(|| format!("{x:.2}").into())
    }
}

/// The cells of a mention's row, for the csv crate (debug builds check [`write_mention_row`]
/// against it).
#[cfg(debug_assertions)]
fn mention_row(m: &Mention) -> [Cow<'_, str>; 15] {
    [
        m.soundtrack_id.as_str().into(),
        m.source.as_str().into(),
        m.line.to_string().into(),
        m.layout.as_str().into(),
        m.rank.map(|r| r.to_string()).unwrap_or_default().into(),
        if m.honourable_mention { "true" } else { "false" }.into(),
        m.title.as_str().into(),
        join(&m.alt_titles).into(),
        m.year.map(|y| y.to_string()).unwrap_or_default().into(),
        join(&m.composers).into(),
        join(&m.labels).into(),
        releases_cell(&m.releases).into(),
        tracks_cell(&m.tracks).into(),
        m.reviewer.as_deref().unwrap_or_default().into(),
        format!("{:.2}", m.confidence).into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Release, SourceRef, Track};
    use crate::resolve::Resolution;
    use crate::resolve::explain::RecordExplanation;

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
        assert!(write_all(dir.path(), &InMemory { mentions: &[], resolution: &resolution }, &report).is_err());
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
        let dir = tempfile::tempdir().unwrap();
        let resolution = Resolution { soundtracks: vec![r], explanations: vec![explanation()], review: Vec::new() };
        let corpus = InMemory { mentions: &[m], resolution: &resolution };
        write_all(dir.path(), &corpus, &Report::new(Vec::new(), 1, 0)).unwrap();
        let sheets = ["soundtracks.csv", "mentions.csv", "tracks.csv"].map(|f| fs::read(dir.path().join(f)));
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

    /// File `file` as written from `n` copies of the record.
    fn written(file: &str, n: usize) -> String {
        let dir = tempfile::tempdir().unwrap();
        let resolution =
            Resolution { soundtracks: vec![record(); n], explanations: vec![explanation(); n], review: Vec::new() };
        write_all(dir.path(), &InMemory { mentions: &[], resolution: &resolution }, &Report::new(Vec::new(), 1, 0))
            .unwrap();
        fs::read_to_string(dir.path().join(file)).unwrap()
    }

    fn explanation() -> RecordExplanation {
        RecordExplanation {
            id: "o-brother-where-art-thou-2000".into(),
            title: "O Brother, Where Art Thou?".into(),
            year: Some(2000),
            mention_count: 1,
            fields: Vec::new(),
            same_keys: Vec::new(),
            merges: Vec::new(),
        }
    }

    /// soundtracks.json is written a record at a time, exactly as serde_json writes the array.
    #[test]
    fn the_records_array_is_pretty_json_byte_for_byte() {
        let whole = serde_json::to_string_pretty(&[record(), record()]).unwrap() + "\n";
        assert_eq!(written("soundtracks.json", 2), whole);
        let dir = tempfile::tempdir().unwrap();
        let empty = Resolution { soundtracks: Vec::new(), explanations: Vec::new(), review: Vec::new() };
        write_all(dir.path(), &InMemory { mentions: &[], resolution: &empty }, &Report::new(Vec::new(), 0, 0)).unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("soundtracks.json")).unwrap(), "[]\n");
        assert_eq!(written("explain.jsonl", 2).lines().count(), 2);
    }

    /// Rows are rendered in slices on several threads: every file keeps the corpus's order,
    /// across slices and chunks, byte for byte as one writer would.
    #[test]
    fn rendering_in_slices_keeps_the_order_of_every_file() {
        let n = crate::store::CHUNK + RENDER_SLICE + 3;
        let mentions: Vec<Mention> = (0..n)
            .map(|i| {
                let mut m = Mention::new("a.txt", i + 1, crate::model::Layout::RankedList, format!("Title {i}"));
                m.soundtrack_id = format!("r{i}");
                m
            })
            .collect();
        let soundtracks: Vec<Soundtrack> = (0..2 * RENDER_SLICE + 5)
            .map(|i| Soundtrack { id: format!("r{i}"), title: format!("Title {i}"), ..record() })
            .collect();
        let explanations =
            soundtracks.iter().map(|s| RecordExplanation { id: s.id.clone(), ..explanation() }).collect();
        let resolution = Resolution { soundtracks, explanations, review: Vec::new() };
        let dir = tempfile::tempdir().unwrap();
        let corpus = InMemory { mentions: &mentions, resolution: &resolution };
        write_all(dir.path(), &corpus, &Report::new(Vec::new(), 1, 0)).unwrap();
        let read = |f: &str| fs::read_to_string(dir.path().join(f)).unwrap();

        let jsonl: String = mentions.iter().map(|m| serde_json::to_string(m).unwrap() + "\n").collect();
        assert_eq!(read("mentions.jsonl"), jsonl);
        let whole = serde_json::to_string_pretty(&resolution.soundtracks).unwrap() + "\n";
        assert_eq!(read("soundtracks.json"), whole);
        let explain: String =
            resolution.explanations.iter().map(|e| serde_json::to_string(e).unwrap() + "\n").collect();
        assert_eq!(read("explain.jsonl"), explain);
        let first_cells = |f: &str| -> Vec<String> {
            read(f).lines().skip(1).map(|l| l.split(',').next().unwrap().to_string()).collect()
        };
        let ids: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
        assert_eq!(first_cells("mentions.csv"), ids);
        assert_eq!(first_cells("soundtracks.csv"), ids[..resolution.soundtracks.len()]);
        let track_ids: Vec<String> =
            ids[..resolution.soundtracks.len()].iter().flat_map(|id| [id.clone(), id.clone()]).collect();
        assert_eq!(first_cells("tracks.csv"), track_ids);
    }

    // The integration tests' articles name no tracks, so the per-track rows are checked here.
    #[test]
    fn tracks_csv_has_one_row_per_track() {
        let out = written("tracks.csv", 1);
        assert_eq!(
            out,
            "soundtrack_id,soundtrack_title,track,artist\n\
             o-brother-where-art-thou-2000,\"O Brother, Where Art Thou?\",Man of Constant Sorrow,The Soggy Bottom Boys\n\
             o-brother-where-art-thou-2000,\"O Brother, Where Art Thou?\",'=cmd,\n"
        );
    }

    #[test]
    fn soundtracks_csv_joins_multi_valued_cells() {
        let out = written("soundtracks.csv", 1);
        let row = out.lines().nth(1).unwrap();
        assert!(row.contains("Lost Highway (2000)"), "{row}");
        assert!(row.contains("Man of Constant Sorrow — The Soggy Bottom Boys; =cmd"), "{row}");
        assert!(row.ends_with(",1,a.txt:3"), "{row}");
    }
}
