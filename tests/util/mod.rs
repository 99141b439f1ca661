//! Helpers shared by the command-line tests: a temporary workspace with an input folder, the
//! `cuesheet` binary pointed at it, and every output file read back into plain values.

pub mod contract;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// One CSV record keyed by its header.
pub type Row = BTreeMap<String, String>;

/// A temporary folder holding `in/` (the articles) and, after a run, `out/`.
pub struct Workspace {
    dir: TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("in")).expect("input folder");
        Workspace { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn input(&self) -> PathBuf {
        self.root().join("in")
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("out")
    }

    /// Writes an input file (`rel` may name subfolders).
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.input().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("subfolder");
        fs::write(path, bytes).expect("write input");
        self
    }

    /// `cuesheet --input in --output out`, ready for more arguments.
    pub fn cmd(&self) -> Command {
        let mut cmd = cuesheet();
        cmd.arg("--input").arg(self.input()).arg("--output").arg(self.output());
        cmd
    }

    /// Runs quietly, expects success, and reads the outputs back.
    pub fn run_ok(&self) -> Outputs {
        self.cmd().arg("--quiet").assert().success();
        Outputs::read(&self.output())
    }
}

/// The binary under test, with no arguments.
pub fn cuesheet() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("cuesheet")
}

/// Every output file, parsed. Reading panics with the file's name when it does not parse.
pub struct Outputs {
    pub mentions: Vec<Value>,
    pub soundtracks: Vec<Value>,
    pub soundtracks_csv: Vec<Row>,
    pub mentions_csv: Vec<Row>,
    pub tracks_csv: Vec<Row>,
    pub report: Value,
    /// Header row of each CSV file, by file name.
    pub headers: BTreeMap<&'static str, Vec<String>>,
}

impl Outputs {
    pub fn read(dir: &Path) -> Self {
        let text = |name: &str| fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json =
            |name: &str| -> Value { serde_json::from_str(&text(name)).unwrap_or_else(|e| panic!("{name}: {e}")) };
        let mentions = text("mentions.jsonl")
            .lines()
            .enumerate()
            .map(|(i, line)| {
                serde_json::from_str(line).unwrap_or_else(|e| panic!("mentions.jsonl line {}: {e}", i + 1))
            })
            .collect();
        let soundtracks = match json("soundtracks.json") {
            Value::Array(items) => items,
            other => panic!("soundtracks.json is not an array: {other}"),
        };
        let mut headers = BTreeMap::new();
        let mut csv_file = |name: &'static str| {
            let (header, rows) = read_csv(&dir.join(name));
            headers.insert(name, header);
            rows
        };
        Outputs {
            soundtracks_csv: csv_file("soundtracks.csv"),
            mentions_csv: csv_file("mentions.csv"),
            tracks_csv: csv_file("tracks.csv"),
            mentions,
            soundtracks,
            report: json("report.json"),
            headers,
        }
    }

    /// Title, year and composers of each mention found in one input file, in line order.
    #[allow(dead_code)] // not every test binary reads entries this way
    pub fn entries_of(&self, source: &str) -> Vec<(String, Option<u64>, Vec<String>)> {
        self.mentions
            .iter()
            .filter(|m| m["source"] == source)
            .map(|m| {
                let composers = m["composers"].as_array().expect("composers").iter();
                let composers = composers.map(|c| c.as_str().expect("composer").to_string()).collect();
                (m["title"].as_str().expect("title").to_string(), m["year"].as_u64(), composers)
            })
            .collect()
    }

    /// The report's entry for one input file.
    pub fn file_report(&self, path: &str) -> &Value {
        self.report["files"]
            .as_array()
            .expect("report files")
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("{path} is not in report.json"))
    }
}

/// A strict RFC 4180 read: every record must have as many fields as the header.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Row>) {
    let mut reader =
        csv::ReaderBuilder::new().flexible(false).from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            header.iter().cloned().zip(r.iter().map(String::from)).collect()
        })
        .collect();
    (header, rows)
}

/// The bytes of every file in an output folder, by name, with report.json's `duration_ms`
/// removed: it is the one value documented to differ between identical runs. The hidden
/// extraction cache (`.cache/`) is the program's own, not output.
pub fn output_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("output folder") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let mut bytes = fs::read(entry.path()).expect("read output");
        if name == "report.json" {
            let mut report: Value = serde_json::from_slice(&bytes).expect("report.json");
            let removed = report.as_object_mut().expect("object").remove("duration_ms");
            assert!(removed.is_some_and(|d| d.is_u64()), "report.json has a duration_ms");
            bytes = serde_json::to_vec_pretty(&report).expect("json");
        }
        files.insert(name, bytes);
    }
    files
}

/// The text of line `line` (1-based) of an input file.
pub fn source_line(input: &Path, source: &str, line: u64) -> String {
    let text = fs::read_to_string(input.join(source)).expect("source file");
    let index = usize::try_from(line).expect("line").checked_sub(1).expect("1-based line");
    text.lines().nth(index).unwrap_or_else(|| panic!("{source} has no line {line}")).to_string()
}
