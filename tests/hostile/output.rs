//! Safe output: no spreadsheet formulas in any CSV, and output files that are never left half
//! written — even when the process is killed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::util::{Workspace, read_csv};
use crate::{ARTICLE, assert_article};

/// Cells a spreadsheet would run as a formula (OWASP's list).
fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Article and folder names are the easiest way for a formula to reach a cell: the extractor
/// never takes a title, name or track that starts with one, so the article's own such lines
/// only check that nothing slips through if it ever does.
#[test]
fn formulas_are_neutralised_in_every_csv_and_kept_raw_in_json() {
    let tricky = format!(
        "{ARTICLE}4. =HYPERLINK(\"http://x.example\") (2001) - @Yann Tiersen\n\
         5. +Plus (1999) - -Minus\nThe key track is \"=cmd|' /C calc'!A0\", then \"@SUM(1+1)\".\n"
    );
    let names = ["=HYPERLINK(\"x\").txt", "+1.txt", "-rf.md", "@SUM(1).txt", "\tTab.txt", "=dir/list.txt"];
    let ws = Workspace::new();
    for name in names {
        ws.write(name, &tricky);
    }
    let out = ws.run_ok();
    for name in names {
        assert_eq!(out.entries_of(name)[..3], crate::expected()[..], "{name}");
    }

    // The JSON keeps the raw names.
    let sources: Vec<&str> = out.mentions.iter().map(|m| m["source"].as_str().unwrap()).collect();
    assert!(names.iter().all(|n| sources.contains(n)), "{sources:?}");

    // No cell of any CSV starts like a formula; the guarded ones are the raw value after `'`.
    let mut guarded = 0;
    for file in cuesheet::emit::OUTPUT_FILES.iter().filter(|f| f.ends_with(".csv")) {
        let (header, rows) = read_csv(&ws.output().join(file));
        for cell in header.iter().chain(rows.iter().flat_map(|r| r.values())) {
            assert!(!is_formula(cell), "{file}: {cell:?}");
            if let Some(raw) = cell.strip_prefix('\'') {
                assert!(is_formula(raw), "{file}: a quote only guards formulas: {cell:?}");
                guarded += 1;
            }
        }
    }
    // mentions.csv is mentions.jsonl row for row.
    for (row, mention) in out.mentions_csv.iter().zip(&out.mentions) {
        let raw = mention["source"].as_str().unwrap();
        let expected = if is_formula(raw) { format!("'{raw}") } else { raw.to_string() };
        assert_eq!(row["source"], expected);
    }
    assert!(guarded >= names.len() * 3, "each name's mentions are guarded: {guarded}");
}

/// Every visible file of a folder, by name, byte for byte.
fn visible_files(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .expect("output folder")
        .map(|e| e.expect("entry"))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .map(|name| (name.clone(), String::from_utf8_lossy(&fs::read(dir.join(&name)).expect("read")).into_owned()))
        .collect()
}

/// A run's output, then a new input that would change it.
fn previous_run() -> (Workspace, BTreeMap<String, String>) {
    let ws = Workspace::new();
    ws.write("good.txt", ARTICLE);
    assert_article(&ws.run_ok(), "good.txt");
    let before = visible_files(&ws.output());
    assert_eq!(before.len(), cuesheet::emit::OUTPUT_FILES.len());
    ws.write("more.txt", "Three more\n\n1. Jaws (1975)\n2. Alien (1979)\n3. Heat (1995)\n");
    (ws, before)
}

/// A running cuesheet, killed when dropped so a failed assertion leaves no process behind.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(ws: &Workspace) -> Running {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_cuesheet"))
        .arg("--input")
        .arg(ws.input())
        .arg("--output")
        .arg(ws.output())
        .args(["--quiet", "--jobs", "1"])
        .spawn()
        .expect("start cuesheet");
    Running(child)
}

/// CPU time a process has used, from /proc (clock ticks, 100 a second on Linux).
#[cfg(target_os = "linux")]
fn cpu_ticks(pid: u32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let field = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    field(11) + field(12)
}

/// Killed while it reads: the kill lands once the process has used half a second of CPU on
/// an input that takes it seconds, well before any output is written.
#[cfg(target_os = "linux")]
#[test]
fn a_run_killed_while_reading_leaves_the_previous_output() {
    let (ws, before) = previous_run();
    let paragraph = "The strings hold a long note over the harbour.\nThe brass waits for the storm.\n\n";
    ws.write("long.txt", paragraph.repeat(3_000_000 / paragraph.len()));
    let mut running = spawn(&ws);
    let child = &mut running.0;
    while cpu_ticks(child.id()) < 50 {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it could be killed: make long.txt longer");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(visible_files(&ws.output()), before, "the previous output, byte for byte");
    let hidden: Vec<_> = fs::read_dir(ws.output())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(hidden.is_empty(), "no output file was begun yet: {hidden:?}");
}

/// Killed while it writes: a FIFO where the last temporary file goes stops the process there,
/// after the other five are written and before anything is renamed.
#[cfg(target_os = "linux")]
#[test]
fn a_run_killed_while_writing_leaves_the_previous_output() {
    use cuesheet::emit::{OUTPUT_FILES, temp_path};
    let (ws, before) = previous_run();
    // Filler keeps the process reading for a while, so the FIFO is in place before it writes.
    let paragraph = "The strings hold a long note over the harbour.\n\n";
    ws.write("filler.txt", paragraph.repeat(300_000 / paragraph.len()));
    let mut running = spawn(&ws);
    let child = &mut running.0;
    let pid = child.id();
    let last = temp_path(&ws.output(), OUTPUT_FILES[OUTPUT_FILES.len() - 1], pid);
    let made = std::process::Command::new("mkfifo").arg(&last).status().expect("mkfifo");
    assert!(made.success());
    let others = OUTPUT_FILES[..OUTPUT_FILES.len() - 1].iter().map(|name| temp_path(&ws.output(), name, pid));
    let others: Vec<_> = others.collect();
    let started = std::time::Instant::now();
    // Until the five are written — or an output changed, which writing in place would do.
    while !others.iter().all(|p| p.exists()) && visible_files(&ws.output()) == before {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before the FIFO was in place");
        assert!(started.elapsed().as_secs() < 120, "the temporary files never appeared");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(child.try_wait().unwrap().is_none(), "blocked on the FIFO");
    child.kill().unwrap();
    child.wait().unwrap();
    fs::remove_file(&last).unwrap();

    assert_eq!(visible_files(&ws.output()), before, "the previous output, byte for byte");
    // What the killed run left is hidden, so it is neither an output nor, with the output
    // folder inside the input folder, an input; the next run completes over it.
    assert!(others.iter().all(|p| p.file_name().unwrap().to_string_lossy().starts_with('.')));
    let out = ws.run_ok();
    assert_article(&out, "good.txt");
    assert_eq!(out.entries_of("more.txt").len(), 3);
}

/// A name longer than the file system allows: one line on stderr naming the folder and the
/// cause, exit code 1, and nothing written.
#[test]
fn an_output_folder_that_cannot_be_created_is_one_clear_error() {
    let ws = Workspace::new();
    ws.write("good.txt", ARTICLE);
    let output = ws.root().join("x".repeat(300)).join("out");
    let result = crate::util::cuesheet().arg("--input").arg(ws.input()).arg("--output").arg(&output).output().unwrap();
    assert_eq!(result.status.code(), Some(1), "{result:?}");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot write output folder") && stderr.contains("xxxx"), "{stderr}");
    assert!(stderr.to_lowercase().contains("too long"), "{stderr}");
    assert!(!output.exists());
}
