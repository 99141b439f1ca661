//! Large inputs: a 10 MB line and 100 MB files are read whole, keep their entries, and finish
//! in bounded time. Each writes its input in a temporary folder.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::util::{Outputs, Workspace};
use crate::{ARTICLE, assert_article, timed};

const MB: usize = 1_000_000;

/// Writes `head`, then `unit` until the file holds `size` bytes, then `tail`.
fn write_filled(path: &Path, head: &str, unit: &str, size: usize, tail: &str) {
    let mut file = BufWriter::new(File::create(path).expect("create"));
    file.write_all(head.as_bytes()).expect("write");
    for _ in 0..(size - head.len() - tail.len()) / unit.len() {
        file.write_all(unit.as_bytes()).expect("write");
    }
    file.write_all(tail.as_bytes()).expect("write");
    file.flush().expect("flush");
}

/// One line of ten million bytes of prose after the article, and an entry after it.
#[test]
fn a_10_mb_line() {
    let ws = Workspace::new();
    let path = ws.input().join("line.txt");
    let prose = "The strings hold a long note over the harbour while the brass waits. ";
    write_filled(&path, &format!("{ARTICLE}\n"), prose, 10 * MB, "\n\n4. Heat (1995) - Elliot Goldenthal\n");
    // About 9 s in a debug build on one core.
    let out = timed("10 MB line", || ws.run_ok());
    let titles: Vec<String> = out.entries_of("line.txt").into_iter().map(|(t, _, _)| t).collect();
    assert_eq!(titles, ["Amélie", "Léon", "Le Mépris", "Heat"]);
}

/// A "complete" saved page is mostly inline data: here 100 MB of it, a base64 image and a
/// script, around the article.
#[test]
fn a_100_mb_saved_page() {
    let ws = Workspace::new();
    let path = ws.input().join("saved.html");
    let script =
        "<!DOCTYPE html><html><head><script>var cues = ['1. Jaws (1975)', '2. Alien (1979)'];\n</script></head>";
    let mut article = String::from("<body><h1>Best scores</h1>\n");
    for line in ARTICLE.lines().skip(2) {
        article.push_str(&format!("<p>{line}</p>\n"));
    }
    let head = format!("{script}{article}<img src=\"data:image/png;base64,");
    write_filled(
        &path,
        &head,
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
        100 * MB,
        "\"></body></html>\n",
    );
    assert!(path.metadata().unwrap().len() >= 99 * MB as u64);
    // About 18 s in a debug build, 3 s in release: decoding and text clean-up of every byte.
    let out = timed("100 MB page", || ws.run_ok());
    assert_article(&out, "saved.html");
}

/// 100 MB of article text: every line is read by extraction, which takes about 25 s and
/// 2.6 GB in a release build but minutes in a debug one, so this runs against the release
/// binary named by `CUESHEET_BIN` — `.ci/run` does so after its release build:
/// `CUESHEET_BIN=target/release/cuesheet cargo test --test hostile -- --ignored`.
#[test]
#[ignore = "needs a release binary in CUESHEET_BIN; run by .ci/run"]
fn a_100_mb_text_article_with_the_release_binary() {
    let bin = std::env::var_os("CUESHEET_BIN").expect("CUESHEET_BIN names a release build of cuesheet");
    let ws = Workspace::new();
    let path = ws.input().join("huge.txt");
    let paragraph = "The orchestra swells and the strings hold a long note over the harbour at dusk.\n\
                     A second line of notes about the recording and the session players.\n\n";
    write_filled(&path, &format!("{ARTICLE}\n"), paragraph, 100 * MB, "");
    let mut cmd = assert_cmd::Command::new(bin);
    cmd.arg("--input").arg(ws.input()).arg("--output").arg(ws.output()).arg("--quiet");
    timed("100 MB text", || cmd.assert().success());
    assert_article(&Outputs::read(&ws.output()), "huge.txt");
}
