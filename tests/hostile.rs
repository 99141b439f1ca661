//! Hostile input, safe output (issue 5): every kind of bad file a browser or a file system can
//! hand cuesheet, run through the real binary. Nothing may crash, every good entry must be
//! kept, every unusable file must be reported with a reason, and the output must be safe to
//! open. The articles are a few ranked lines written here, in the layout the extractor reads
//! most surely, so these tests check the pipeline's promises rather than extraction quality.

// Shared with tests/cli.rs, which uses the helpers this binary does not.
#[allow(dead_code)]
#[path = "util/mod.rs"]
mod util;

#[path = "hostile/encodings.rs"]
mod encodings;
#[path = "hostile/files.rs"]
mod files;
#[path = "hostile/html.rs"]
mod html;
#[path = "hostile/output.rs"]
mod output;
#[path = "hostile/sizes.rs"]
mod sizes;

use std::time::Instant;

use util::Outputs;

/// A three-entry article with diacritics in titles and names.
pub const ARTICLE: &str = "Best scores\n\n\
1. Amélie (2001) - Yann Tiersen\n\
2. Léon (1994) - Éric Serra\n\
3. Le Mépris (1963) - Georges Delerue\n";

/// What [`ARTICLE`] yields: title, year, composers.
pub fn expected() -> Vec<(String, Option<u64>, Vec<String>)> {
    [("Amélie", 2001, "Yann Tiersen"), ("Léon", 1994, "Éric Serra"), ("Le Mépris", 1963, "Georges Delerue")]
        .into_iter()
        .map(|(t, y, c)| (t.to_string(), Some(y), vec![c.to_string()]))
        .collect()
}

/// `source` was read and yielded exactly [`ARTICLE`]'s entries, diacritics intact.
pub fn assert_article(out: &Outputs, source: &str) {
    assert_eq!(out.entries_of(source), expected(), "entries of {source}");
    let report = out.file_report(source);
    assert_eq!(report["status"], "ok", "{source}: {report}");
    assert_eq!(report["entries"], 3, "{source}: {report}");
}

/// `source` is in the report as `status` with a reason that contains `word`.
pub fn assert_reported(out: &Outputs, source: &str, status: &str, word: &str) {
    let report = out.file_report(source);
    assert_eq!(report["status"], status, "{source}: {report}");
    assert_eq!(report["entries"], 0, "{source}: {report}");
    let reason = report["reason"].as_str().unwrap_or_else(|| panic!("{source} has no reason: {report}"));
    assert!(reason.to_lowercase().contains(word), "{source}: reason {reason:?} lacks {word:?}");
}

/// Runs `f` and prints how long it took (shown with `--nocapture`), so the cost of each large
/// case stays visible. Speed is never asserted here: the benchmarks measure it, and the unit
/// tests of `ingest::depth` and `ingest::attrs` check the caps that keep these cases linear.
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = f();
    eprintln!("{what}: {:.1} s", started.elapsed().as_secs_f64());
    value
}
