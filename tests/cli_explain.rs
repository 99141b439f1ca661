//! The `cuesheet` binary with resolution's additions: `explain.jsonl` and `review.csv` are
//! written, `cuesheet explain` prints a record, the overrides file is honoured, and the new
//! files are the same bytes whatever the thread count.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("write input");
}

/// Two small ranked lists (written for this test) that share two works.
fn articles(dir: &Path) {
    write(
        dir,
        "first.txt",
        "Our favourite scores\n\n3. Kill Switch (2003)\nA tense score with a ticking motif.\n\n\
         2. Silent Harbor (1999)\nQuiet strings over a grey sea.\n\n1. The Paper Moon Waltz (1987)\nA waltz that never ends.\n",
    );
    write(
        dir,
        "second.txt",
        "More scores we love\n\n3. KILL SWITCH (2003)\nStill tense twenty years on.\n\n\
         2. Kill Switch 2 (2005)\nThe sequel goes bigger.\n\n1. Paper Moon Waltz (1988)\nThe album came a year later.\n",
    );
}

fn cuesheet() -> Command {
    Command::cargo_bin("cuesheet").expect("binary built")
}

#[test]
fn run_writes_explanations_and_explain_prints_a_record() {
    let input = tempfile::tempdir().expect("temp dir");
    let output = tempfile::tempdir().expect("temp dir");
    articles(input.path());
    cuesheet()
        .args(["--input", input.path().to_str().unwrap(), "--output", output.path().to_str().unwrap(), "--quiet"])
        .assert()
        .success();
    for name in ["explain.jsonl", "review.csv", "soundtracks.json", "mentions.jsonl"] {
        assert!(output.path().join(name).is_file(), "{name} written");
    }
    let out =
        cuesheet().args(["explain", "kill switch", "--output", output.path().to_str().unwrap()]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    assert!(text.starts_with("kill-switch-2003"), "{text}");
    assert!(text.contains("first.txt:3") && text.contains("second.txt:3"), "{text}");
    assert!(!text.contains("Kill Switch 2"), "the sequel is another record: {text}");
    let by_id = cuesheet()
        .args(["--output", output.path().to_str().unwrap(), "explain", "the-paper-moon-waltz-1987"])
        .assert()
        .success();
    let text = String::from_utf8(by_id.get_output().stdout.clone()).expect("utf-8");
    assert!(text.contains("score") && text.contains("year"), "{text}");
    cuesheet().args(["explain", "no such soundtrack", "--output", output.path().to_str().unwrap()]).assert().code(1);
    let empty = tempfile::tempdir().expect("temp dir");
    cuesheet().args(["explain", "kill switch", "--output", empty.path().to_str().unwrap()]).assert().code(1);
}

#[test]
fn overrides_file_is_read_from_the_input_folder() {
    let input = tempfile::tempdir().expect("temp dir");
    let output = tempfile::tempdir().expect("temp dir");
    articles(input.path());
    write(
        input.path(),
        "cuesheet-overrides.csv",
        "action,first,second\napart,Paper Moon Waltz (1987),Paper Moon Waltz (1988)\ntitle,Kill Switch,Kill Switch (Original Score)\n",
    );
    cuesheet()
        .args(["--input", input.path().to_str().unwrap(), "--output", output.path().to_str().unwrap(), "-q"])
        .assert()
        .success();
    let records = fs::read_to_string(output.path().join("soundtracks.json")).expect("records");
    assert!(records.contains("\"Kill Switch (Original Score)\""), "{records}");
    assert!(records.contains("the-paper-moon-waltz-1987") && records.contains("paper-moon-waltz-1988"), "{records}");
    let report = fs::read_to_string(output.path().join("report.json")).expect("report");
    assert!(!report.contains("cuesheet-overrides.csv"), "the overrides file is not an article");

    write(input.path(), "cuesheet-overrides.csv", "action,first,second\nsplit,a,b\n");
    let bad = cuesheet()
        .args(["--input", input.path().to_str().unwrap(), "--output", output.path().to_str().unwrap(), "-q"])
        .assert()
        .code(1);
    let err = String::from_utf8(bad.get_output().stderr.clone()).expect("utf-8");
    assert!(err.contains("cuesheet-overrides.csv") && err.contains("line 2"), "{err}");
}

#[test]
fn resolution_files_do_not_depend_on_thread_count() {
    let input = tempfile::tempdir().expect("temp dir");
    let corpus = cuesheet::synth::generate(60, 3);
    for a in &corpus.articles {
        write(input.path(), &a.name, &a.text);
    }
    let mut outputs = Vec::new();
    for jobs in ["1", "2"] {
        let output = tempfile::tempdir().expect("temp dir");
        cuesheet()
            .args([
                "--input",
                input.path().to_str().unwrap(),
                "--output",
                output.path().to_str().unwrap(),
                "--jobs",
                jobs,
                "-q",
            ])
            .assert()
            .success();
        let read = |name: &str| fs::read(output.path().join(name)).expect("output file");
        outputs.push((read("explain.jsonl"), read("review.csv"), read("soundtracks.json"), read("mentions.jsonl")));
    }
    assert!(outputs[0] == outputs[1], "same bytes for --jobs 1 and --jobs 2");
}
