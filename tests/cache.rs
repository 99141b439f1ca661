//! Incremental re-runs: the extraction cache in `output/.cache/` is reused for unchanged files,
//! a changed file is extracted again, and the output is always that of a clean run.

#[allow(dead_code)]
#[path = "util/mod.rs"]
mod util;

use std::fs;
use std::path::Path;

use cuesheet::cli::Config;

const FIRST: &str = "Ten scores\n\n1. Vertigo (1958) - Bernard Herrmann\n2. Jaws (1975) - John Williams\n";
const SECOND: &str = "Westerns\n\n1. The Good, the Bad and the Ugly (1966) - Ennio Morricone\n";
const THIRD: &str = "Synths\n\n1. Blade Runner (1982) - Vangelis\n2. Drive (2011) - Cliff Martinez\n";

fn run(input: &Path, output: &Path, cache: bool) -> cuesheet::RunSummary {
    let config = Config { cache, ..Config::new(input, output) };
    cuesheet::run(&config).expect("run completes")
}

#[test]
fn a_second_run_reextracts_only_the_changed_file_and_matches_a_clean_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("input");
    let output = dir.path().join("output");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::write(input.join("first.txt"), FIRST).unwrap();
    fs::write(input.join("sub/second.txt"), SECOND).unwrap();
    fs::write(input.join("third.md"), THIRD).unwrap();

    let cold = run(&input, &output, true);
    assert_eq!((cold.files_read, cold.files_cached), (3, 0));
    let cold_bytes = util::output_bytes(&output);

    let warm = run(&input, &output, true);
    assert_eq!((warm.files_read, warm.files_cached), (3, 3));
    assert_eq!(util::output_bytes(&output), cold_bytes, "a cached run writes the same bytes");

    fs::write(input.join("sub/second.txt"), SECOND.replace("1966", "1967")).unwrap();
    let changed = run(&input, &output, true);
    assert_eq!((changed.files_read, changed.files_cached), (3, 2), "only the changed file is extracted");
    let clean_output = dir.path().join("clean");
    let clean = run(&input, &clean_output, false);
    assert_eq!(clean.files_cached, 0);
    assert_eq!(util::output_bytes(&output), util::output_bytes(&clean_output), "same as a clean run");
    assert!(!clean_output.join(cuesheet::cache::CACHE_DIR).exists(), "--no-cache leaves no cache");

    // Entries of files that are gone are dropped, so the cache holds one per current file.
    fs::remove_file(input.join("third.md")).unwrap();
    run(&input, &output, true);
    let cache = cuesheet::cache::Cache::open(&output, &[]).expect("cache folder");
    assert_eq!(cache.stored(), 2);
}

#[test]
fn a_skipped_file_from_the_cache_is_not_counted_as_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("input");
    let output = dir.path().join("output");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("first.txt"), FIRST).unwrap();
    fs::write(input.join("blank.txt"), " \n\n ").unwrap();
    let cold = run(&input, &output, true);
    let warm = run(&input, &output, true);
    assert_eq!((cold.files_read, cold.files_skipped), (1, 1));
    assert_eq!((warm.files_read, warm.files_cached, warm.files_skipped), (1, 1, 1));
    assert!(warm.to_string().contains("1 files read (1 from cache), 1 skipped"), "{warm}");
}
