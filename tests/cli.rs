//! The command line end to end: a temporary input folder, the real binary, and every output
//! file read back. The articles use the plainest ranked layout (`1. Title (Year)`) so these
//! tests check the pipeline's contract, not extraction quality.

mod util;

use std::collections::BTreeSet;
use std::fs;

use serde_json::Value;
use util::contract::{assert_consistent, str_of};
use util::{Outputs, Workspace, cuesheet, output_bytes};

const COUNTDOWN: &str = "Three scores I keep coming back to.\n\n\
1. Jaws (1975)\nTwo notes, and the beach empties.\n\n\
2. Vertigo (1958)\nThe strings spiral like the staircase.\n\n\
3. The Mission (1986)\nAn oboe over the falls.\n";

const NIGHT_DRIVES: &str = "# Night drives\n\nMusic for the road after midnight.\n\n\
1. Drive (2011)\n2. Jaws (1975)\n3. Blade Runner (1982)\n";

const SAVED_PAGE: &str = "<!DOCTYPE html>\n<html><body>\n\
<nav><p>1. Home (2020)</p></nav>\n\
<p>1. Alien (1979)</p>\n\
<p>2. Psycho (1960)</p>\n\
<p>3. Halloween (1978)</p>\n\
<footer><p>4. Subscribe (2024)</p></footer>\n\
</body></html>\n";

/// Entries in the three articles (their nav and footer are not read), and soundtracks once
/// the two mentions of Jaws merge.
const ENTRIES: usize = 9;
const SOUNDTRACKS: usize = 8;

/// Three articles, one in a subfolder; "Jaws (1975)" is in two of them.
fn three_articles() -> Workspace {
    let ws = Workspace::new();
    ws.write("countdown.txt", COUNTDOWN)
        .write("lists/night-drives.md", NIGHT_DRIVES)
        .write("saved/page.html", SAVED_PAGE);
    ws
}

#[test]
fn every_output_file_parses_and_agrees_with_the_others() {
    let ws = three_articles();
    let out = ws.run_ok();
    assert_consistent(&out, &ws);

    assert_eq!(out.mentions.len(), ENTRIES);
    assert_eq!(out.soundtracks.len(), SOUNDTRACKS);
    let jaws: Vec<&Value> = out.soundtracks.iter().filter(|s| str_of(&s["title"]).contains("Jaws")).collect();
    assert_eq!(jaws.len(), 1);
    let sources: BTreeSet<&str> = jaws[0]["sources"].as_array().unwrap().iter().map(|s| str_of(&s["source"])).collect();
    assert_eq!(sources, BTreeSet::from(["countdown.txt", "lists/night-drives.md"]));

    let sources: BTreeSet<&str> = out.mentions.iter().map(|m| str_of(&m["source"])).collect();
    assert_eq!(sources, BTreeSet::from(["countdown.txt", "lists/night-drives.md", "saved/page.html"]));
    for path in &sources {
        assert_eq!(out.file_report(path)["status"], "ok");
        assert_eq!(out.file_report(path)["encoding"], "UTF-8");
    }

    assert_eq!(
        out.headers["soundtracks.csv"],
        ["id", "title", "alt_titles", "year", "composers", "labels", "releases", "tracks", "mention_count", "sources"]
    );
    assert_eq!(out.headers["tracks.csv"], ["soundtrack_id", "soundtrack_title", "track", "artist"]);
    assert_eq!(out.headers["mentions.csv"][..3], ["soundtrack_id", "source", "line"]);

    // Written through temporary files that are all renamed away.
    let written: BTreeSet<String> = output_bytes(&ws.output()).into_keys().collect();
    assert_eq!(written, cuesheet::emit::OUTPUT_FILES.map(String::from).into());
}

#[test]
fn one_job_and_two_jobs_write_the_same_bytes() {
    let ws = three_articles();
    for i in 0..6 {
        ws.write(&format!("more/list-{i}.txt"), format!("1. Film {i} (200{i})\n2. Jaws (1975)\n3. Alien (1979)\n"));
    }
    ws.cmd().args(["--quiet", "--jobs", "1"]).assert().success();
    let one = output_bytes(&ws.output());
    ws.cmd().args(["--quiet", "--jobs", "2"]).assert().success();
    let two = output_bytes(&ws.output());
    assert_eq!(one.len(), cuesheet::emit::OUTPUT_FILES.len());
    assert_eq!(one, two);
    assert_consistent(&Outputs::read(&ws.output()), &ws);
}

#[test]
fn the_order_files_are_created_in_does_not_change_the_output() {
    let files: Vec<(String, String)> = (0..8)
        .map(|i| {
            (format!("d{}/a{i}.txt", i % 3), format!("1. Jaws (1975)\n2. Score {i} ({})\n3. Alien (1979)\n", 1990 + i))
        })
        .collect();
    let forward = Workspace::new();
    for (name, text) in &files {
        forward.write(name, text);
    }
    let backward = Workspace::new();
    for (name, text) in files.iter().rev() {
        backward.write(name, text);
    }
    forward.run_ok();
    backward.run_ok();
    assert_eq!(output_bytes(&forward.output()), output_bytes(&backward.output()));
}

#[test]
fn binary_and_empty_files_are_skipped_with_a_reason_and_the_run_succeeds() {
    let ws = three_articles();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..=255u8).cycle().take(2048));
    ws.write("cover.txt", &png)
        .write("scan.html", [0u8, 1, 2, 3, 0, 0, 7, 8, 9])
        .write("empty.md", "")
        .write("blank.txt", " \n\n\t\n");
    let out = ws.run_ok();
    assert_consistent(&out, &ws);
    for (path, word) in
        [("cover.txt", "binary"), ("scan.html", "binary"), ("empty.md", "empty"), ("blank.txt", "empty")]
    {
        let f = out.file_report(path);
        assert_eq!(f["status"], "skipped", "{path}");
        assert_eq!(f["entries"], 0, "{path}");
        let reason = f["reason"].as_str().unwrap_or_else(|| panic!("{path} has no reason"));
        assert!(reason.contains(word), "{path}: {reason}");
    }
    assert_eq!(out.report["totals"]["skipped"], 4);
    assert_eq!(out.report["totals"]["ok"], 3);
    assert_eq!(out.mentions.len(), ENTRIES, "the good files are still read");
}

/// Runs `cmd`, expects `code` and an error line on stderr that names `what`.
fn assert_fails(mut cmd: assert_cmd::Command, code: i32, what: &str) {
    let output = cmd.output().expect("run");
    assert_eq!(output.status.code(), Some(code), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(what), "stderr {stderr:?} should name {what:?}");
}

#[test]
fn a_missing_input_folder_is_fatal() {
    let ws = Workspace::new();
    let mut cmd = cuesheet();
    cmd.arg("--input").arg(ws.root().join("nowhere")).arg("--output").arg(ws.output());
    assert_fails(cmd, 1, "nowhere");
    assert!(!ws.output().exists(), "nothing is written");
}

#[test]
fn an_output_path_that_cannot_be_created_is_fatal() {
    let ws = three_articles();
    fs::write(ws.output(), "in the way").unwrap();
    let output = ws.cmd().output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // One line that names the folder and gives the cause once.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("out") && stderr.matches("os error").count() == 1, "{stderr}");
    assert_eq!(fs::read_to_string(ws.output()).unwrap(), "in the way");

    let mut cmd = cuesheet();
    cmd.arg("--input").arg(ws.input()).arg("--output").arg(ws.output().join("sub"));
    assert_fails(cmd, 1, "out");
}

#[test]
fn the_input_folder_as_output_is_fatal() {
    let ws = three_articles();
    let mut cmd = cuesheet();
    cmd.arg("--input").arg(ws.input()).arg("--output").arg(ws.input().join("."));
    assert_fails(cmd, 1, "input folder");
}

#[test]
fn usage_errors_exit_2() {
    let ws = three_articles();
    let cases = [
        (&["--frobnicate"][..], "--frobnicate"),
        (&["--jobs", "0"], "--jobs"),
        (&["--jobs", "many"], "--jobs"),
        (&["extra"], "extra"),
    ];
    for (args, named) in cases {
        let mut cmd = ws.cmd();
        cmd.args(args);
        assert_fails(cmd, 2, named);
    }
    assert!(!ws.output().exists(), "a usage error runs nothing");
    cuesheet().arg("--help").assert().success();
}

#[test]
fn quiet_prints_nothing() {
    let ws = three_articles();
    ws.write("empty.txt", "");
    ws.cmd().arg("--quiet").assert().success().stdout("").stderr("");
}

#[test]
fn a_normal_run_ends_with_a_one_line_summary_on_stderr() {
    let ws = three_articles();
    ws.write("empty.txt", "");
    let output = ws.cmd().output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let counts = [
        "3 files read, 1 skipped".to_string(),
        format!("{ENTRIES} entries, {SOUNDTRACKS} soundtracks"),
        " s (extract ".to_string(),
        " s, resolve ".to_string(),
        " s, write ".to_string(),
    ];
    for part in &counts {
        assert!(stderr.contains(part), "{stderr:?} lacks {part:?}");
    }
}

#[test]
fn an_output_folder_inside_the_input_folder_is_not_read() {
    let ws = three_articles();
    let inner = ws.input().join("corpus");
    fs::create_dir(&inner).unwrap();
    fs::write(inner.join("notes.md"), "1. Planted (2001)\n2. Sown (2002)\n3. Grown (2003)\n").unwrap();
    for _ in 0..2 {
        let mut cmd = cuesheet();
        cmd.arg("--input").arg(ws.input()).arg("--output").arg(&inner).arg("-q");
        cmd.assert().success();
        let out = Outputs::read(&inner);
        assert_eq!(out.mentions.len(), ENTRIES);
        let paths: Vec<&Value> = out.report["files"].as_array().unwrap().iter().map(|f| &f["path"]).collect();
        assert!(paths.iter().all(|p| !str_of(p).starts_with("corpus")), "{paths:?}");
    }
}

#[test]
fn without_options_it_reads_input_and_writes_output_in_the_current_folder() {
    let ws = three_articles();
    fs::rename(ws.input(), ws.root().join("input")).unwrap();
    cuesheet().current_dir(ws.root()).arg("-q").assert().success();
    let out = Outputs::read(&ws.root().join("output"));
    assert_eq!(out.mentions.len(), ENTRIES);
}

#[test]
fn vocabulary_files_extend_the_built_in_labels_and_composers() {
    let ws = Workspace::new();
    ws.write(
        "list.txt",
        "Three scores\n\n1. Moon Harbour (1999)\n\nThe score by Zorbulon is all bells. The album came out on Quokka Sound in 2000.\n\n\
         2. Salt Flats (2003)\n\nA quiet one.\n\n3. Iron Bell (2007)\n\nA loud one.\n",
    );
    let labels = ws.root().join("labels.txt");
    let composers = ws.root().join("composers.txt");
    fs::write(&labels, "# our labels\nQuokka Sound | Quokka\n").unwrap();
    fs::write(&composers, "Zorbulon\n").unwrap();

    let plain = ws.run_ok();
    let moon = |o: &Outputs| o.mentions.iter().find(|m| m["title"] == "Moon Harbour").cloned().expect("Moon Harbour");
    assert_eq!(moon(&plain)["labels"], serde_json::json!([]), "an unknown label in prose is not read");
    assert_eq!(moon(&plain)["composers"], serde_json::json!([]), "a one-word unknown name is not a credit");

    ws.cmd().arg("--quiet").arg("--labels").arg(&labels).arg("--composers").arg(&composers).assert().success();
    let extended = Outputs::read(&ws.output());
    assert_eq!(moon(&extended)["labels"], serde_json::json!(["Quokka Sound"]));
    assert_eq!(moon(&extended)["composers"], serde_json::json!(["Zorbulon"]));
}

#[test]
fn an_unreadable_vocabulary_file_is_fatal() {
    let ws = three_articles();
    let mut cmd = ws.cmd();
    cmd.arg("--labels").arg(ws.root().join("no-such-labels.txt"));
    assert_fails(cmd, 1, "no-such-labels.txt");
}
