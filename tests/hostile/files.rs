//! Files that cannot be articles, or cannot be read at all, beside good ones: each is reported
//! with a reason, the good files are still read, and the run exits 0.

use std::fs;

use crate::util::{Outputs, Workspace, output_bytes};
use crate::{ARTICLE, assert_article, assert_reported};

#[test]
fn empty_files_are_skipped() {
    let ws = Workspace::new();
    ws.write("good.txt", ARTICLE)
        .write("zero.txt", "")
        .write("blank.md", " \r\n\t\n")
        .write("bom-only.txt", b"\xEF\xBB\xBF")
        .write("utf16-bom-only.html", b"\xFF\xFE");
    let out = ws.run_ok();
    assert_article(&out, "good.txt");
    for name in ["zero.txt", "blank.md", "bom-only.txt", "utf16-bom-only.html"] {
        assert_reported(&out, name, "skipped", "empty");
    }
}

#[test]
fn binary_files_with_text_extensions_are_skipped() {
    let ws = Workspace::new();
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let mut elf = b"\x7FELF\x02\x01\x01".to_vec();
    elf.extend(b"1. Jaws (1975)\n2. Alien (1979)\n3. Heat (1995)\n");
    // Small 16-bit numbers: every other byte is zero, as in UTF-16 text.
    let numbers: Vec<u8> = (1..=200u16).flat_map(|n| n.to_le_bytes()).collect();
    ws.write("good.txt", ARTICLE).write("noise.txt", &noise).write("program.md", &elf).write("table.html", &numbers);
    let out = ws.run_ok();
    assert_article(&out, "good.txt");
    for name in ["noise.txt", "program.md", "table.html"] {
        assert_reported(&out, name, "skipped", "binary");
    }
}

/// A folder is walked whatever its name; an empty one is simply empty.
#[test]
fn a_folder_named_like_a_text_file_is_read_as_a_folder() {
    let ws = Workspace::new();
    ws.write("notes.txt/article.md", ARTICLE);
    fs::create_dir(ws.input().join("empty.txt")).unwrap();
    let out = ws.run_ok();
    assert_article(&out, "notes.txt/article.md");
    assert_eq!(out.report["totals"]["files"], 1, "{}", out.report);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_are_reported() {
    use std::os::unix::fs::symlink;
    let ws = Workspace::new();
    ws.write("lists/good.txt", ARTICLE);
    let input = ws.input();
    symlink(&input, input.join("lists/back-to-top")).unwrap();
    symlink("lists", input.join("again")).unwrap();
    symlink("self.txt", input.join("self.txt")).unwrap();
    symlink("pong", input.join("ping")).unwrap();
    symlink("ping", input.join("pong")).unwrap();
    let out = ws.run_ok();
    // The folder reached twice is read once, under the first name in walk order.
    assert_article(&out, "again/good.txt");
    assert_eq!(out.mentions.len(), 3);
    for name in ["self.txt", "ping", "pong"] {
        assert_reported(&out, name, "skipped", "symbolic links");
    }
}

/// A file whose read fails is `failed` with the system's reason. Tests may run as root, which
/// reads a file whatever its mode, so the mode is checked only where it is enforced; on Linux
/// `/proc/self/mem` fails to read at offset 0 for everyone (EIO), root included.
#[cfg(unix)]
#[test]
fn files_that_cannot_be_read_are_failed_with_the_reason() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    ws.write("good.txt", ARTICLE).write("locked.txt", ARTICLE).write("locked/inside.txt", ARTICLE);
    let input = ws.input();
    let mode = |path: &str, mode: u32| fs::set_permissions(input.join(path), fs::Permissions::from_mode(mode)).unwrap();
    mode("locked.txt", 0o000);
    mode("locked", 0o000);
    let enforced = fs::read(input.join("locked.txt")).is_err();
    #[cfg(target_os = "linux")]
    std::os::unix::fs::symlink("/proc/self/mem", input.join("memory.txt")).unwrap();

    let out = ws.run_ok();
    mode("locked", 0o755);
    assert_article(&out, "good.txt");
    if enforced {
        assert_reported(&out, "locked.txt", "failed", "permission denied");
        assert_reported(&out, "locked", "skipped", "permission denied");
    } else {
        eprintln!("running as root: file modes are not enforced, so the locked files are read");
        assert_article(&out, "locked.txt");
    }
    #[cfg(target_os = "linux")]
    assert_reported(&out, "memory.txt", "failed", "cannot read");
}

/// Names are bytes on Linux; one that is not UTF-8 is read, and reported with its odd byte
/// escaped, so two such names never merge.
#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8_are_read() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let ws = Workspace::new();
    for name in [&b"caf\xE9.txt"[..], b"caf\xE8.txt"] {
        fs::write(ws.input().join(OsStr::from_bytes(name)), ARTICLE).unwrap();
    }
    let out = ws.run_ok();
    assert_article(&out, r"caf\xE8.txt");
    assert_article(&out, r"caf\xE9.txt");
    assert_eq!(out.mentions.len(), 6);
}

/// All of the above in one folder with two good articles: one report line per bad file, the
/// good entries all there, exit code 0, and the same bytes with one worker or two.
#[cfg(unix)]
#[test]
fn a_folder_of_bad_files_still_gives_a_complete_deterministic_run() {
    use std::os::unix::fs::symlink;
    let ws = Workspace::new();
    ws.write("a/good.txt", ARTICLE)
        .write(
            "b/good.html",
            format!("<ol><li>{}</li></ol>", ARTICLE.lines().skip(2).collect::<Vec<_>>().join("</li><li>")),
        )
        .write("empty.txt", "")
        .write("binary.txt", [0u8, 159, 146, 150, 0, 1, 2, 3])
        .write("image.png", "not an article")
        .write("cut.html", "<p>1. Jaws (1975)</p><p class=\"x");
    fs::create_dir(ws.input().join("folder.txt")).unwrap();
    symlink("loop.txt", ws.input().join("loop.txt")).unwrap();

    let output = ws.cmd().args(["--jobs", "1"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("3 files read, 4 skipped, 0 failed"), "{stderr}");
    let out = Outputs::read(&ws.output());
    assert_article(&out, "a/good.txt");
    assert_article(&out, "b/good.html");
    assert_reported(&out, "empty.txt", "skipped", "empty");
    assert_reported(&out, "binary.txt", "skipped", "binary");
    assert_reported(&out, "image.png", "skipped", "extension");
    assert_reported(&out, "loop.txt", "skipped", "symbolic links");
    assert_eq!(out.file_report("cut.html")["status"], "ok");
    let one = output_bytes(&ws.output());

    ws.cmd().args(["--jobs", "2", "--quiet"]).assert().success();
    assert_eq!(output_bytes(&ws.output()), one);
}
