//! cuesheet turns "best soundtracks" articles into a de-duplicated corpus.
//!
//! The pipeline runs one way through plain types:
//! `PathBuf` → [`ingest`] → [`Document`] → [`extract`] → `Vec<Mention>` →
//! [`resolve`] → `Vec<Soundtrack>` → [`emit`] → files.
//! [`run`] drives it for the command-line tool; tests and benches call the stages directly.

pub mod cli;
pub mod document;
pub mod emit;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod report;
pub mod resolve;
pub mod synth;

use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

pub use cli::Config;
pub use document::{Block, BlockKind, Document};
pub use error::{FileError, RunError};
pub use model::{Layout, Mention, Soundtrack};
use report::{FileReport, Report, Status};

/// What a finished run did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct RunSummary {
    pub files_read: usize,
    pub files_skipped: usize,
    pub files_failed: usize,
    pub mentions: usize,
    pub soundtracks: usize,
    pub duration: Duration,
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} files read, {} skipped, {} failed; {} entries, {} soundtracks in {:.2} s",
            self.files_read,
            self.files_skipped,
            self.files_failed,
            self.mentions,
            self.soundtracks,
            self.duration.as_secs_f64()
        )
    }
}

/// The result of reading and extracting one file.
struct FileResult {
    report: FileReport,
    mentions: Vec<Mention>,
}

/// Runs the whole pipeline from `config.input` to `config.output`.
pub fn run(config: &Config) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    // The walk never enters the output folder, so the same folder for both would read
    // nothing and silently write an empty corpus.
    if same_folder(&config.input, &config.output) {
        return Err(RunError::OutputIsInput { path: config.output.clone() });
    }
    let (files, problems) = ingest::walk(&config.input, Some(&config.output))
        .map_err(|source| RunError::Input { path: config.input.clone(), source })?;
    std::fs::create_dir_all(&config.output)
        .map_err(|source| RunError::Output { path: config.output.clone(), source })?;
    let mut overrides = resolve::Overrides::load(&config.input).map_err(|e| RunError::Overrides {
        path: config.input.join(resolve::OVERRIDES_FILE),
        message: e.to_string(),
    })?;
    let vocab = load_vocabulary(config, &mut overrides)?;

    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(config.jobs.unwrap_or(0)).build().map_err(RunError::Threads)?;
    let progress = progress_bar(config, files.len() as u64);
    let entries_found = AtomicUsize::new(0);
    let results: Vec<FileResult> = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let result = process_file(&file.path, &file.rel, &vocab);
                if let Some(bar) = &progress {
                    let total =
                        entries_found.fetch_add(result.mentions.len(), Ordering::Relaxed) + result.mentions.len();
                    bar.inc(1);
                    bar.set_message(format!("{total} entries"));
                }
                result
            })
            .collect()
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }

    let mut reports: Vec<FileReport> = results.iter().map(|r| r.report.clone()).collect();
    reports.extend(problems.into_iter().map(|p| FileReport {
        path: p.rel,
        status: Status::Skipped,
        reason: Some(p.error.to_string()),
        encoding: None,
        layout: None,
        entries: 0,
    }));
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    let mut mentions: Vec<Mention> = results.into_iter().flat_map(|r| r.mentions).collect();
    let resolution = resolve::resolve_with(&mut mentions, &overrides);
    let soundtracks = &resolution.soundtracks;

    let report = Report::new(reports, soundtracks.len(), started.elapsed().as_millis() as u64);
    emit::write_all(&config.output, &mentions, &resolution, &report)
        .map_err(|source| RunError::Output { path: config.output.clone(), source })?;
    Ok(RunSummary {
        files_read: report.totals.ok,
        files_skipped: report.totals.skipped,
        files_failed: report.totals.failed,
        mentions: mentions.len(),
        soundtracks: soundtracks.len(),
        // Unlike report.json's duration, this includes writing the files.
        duration: started.elapsed(),
    })
}

/// The built-in vocabulary, extended by the user's `--labels` and `--composers` files. Label
/// files also extend the table resolution uses for canonical spellings.
fn load_vocabulary(config: &Config, overrides: &mut resolve::Overrides) -> Result<extract::Vocabulary, RunError> {
    let mut vocab = extract::BUILT_IN.clone();
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|e| RunError::Vocabulary { path: path.to_path_buf(), message: e.to_string() })
    };
    for path in &config.labels {
        let text = read(path)?;
        let bad =
            |e: normalize::labels::LabelTableError| RunError::Vocabulary { path: path.clone(), message: e.to_string() };
        vocab.add_labels(&text).map_err(bad)?;
        overrides.labels.extend(normalize::LabelTable::pairs(&text).map_err(bad)?);
    }
    for path in &config.composers {
        vocab.add_composers(&read(path)?);
    }
    Ok(vocab)
}

/// The mentions of one document: extraction, then normalisation of every field.
pub fn extract_document(doc: &Document, vocab: &extract::Vocabulary) -> Vec<Mention> {
    let mut mentions = extract::extract_with(doc, vocab);
    mentions.iter_mut().for_each(normalize::normalize_mention);
    mentions
}

/// Reads and extracts one file; never panics out, so one bad file cannot stop a run.
fn process_file(path: &Path, rel: &str, vocab: &extract::Vocabulary) -> FileResult {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        ingest::read_document(path, rel).map(|doc| {
            let mentions = extract_document(&doc, vocab);
            (doc, mentions)
        })
    }));
    let failed = |reason: String, status: Status| FileResult {
        report: FileReport {
            path: rel.to_string(),
            status,
            reason: Some(reason),
            encoding: None,
            layout: None,
            entries: 0,
        },
        mentions: Vec::new(),
    };
    match outcome {
        Ok(Ok((doc, mentions))) => FileResult {
            report: FileReport {
                path: rel.to_string(),
                status: Status::Ok,
                reason: mentions.is_empty().then(|| "no soundtrack entries found".to_string()),
                encoding: Some(doc.encoding.clone()),
                layout: extract::main_layout(&mentions),
                entries: mentions.len(),
            },
            mentions,
        },
        Ok(Err(e @ FileError::Read(_))) => failed(e.to_string(), Status::Failed),
        Ok(Err(e)) => failed(e.to_string(), Status::Skipped),
        Err(payload) => failed(
            FileError::Extract(format!("internal error: {}", panic_message(&*payload))).to_string(),
            Status::Failed,
        ),
    }
}

/// The text a panic was raised with, so the report says what went wrong.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// True when both paths name one existing folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn progress_bar(config: &Config, files: u64) -> Option<ProgressBar> {
    if config.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(files);
    let style = ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} files, {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_messages_are_recovered_from_both_payload_types() {
        let fixed = catch_unwind(|| panic!("fixed text")).unwrap_err();
        let formatted = catch_unwind(|| panic!("line {}", 7)).unwrap_err();
        assert_eq!(panic_message(&*fixed), "fixed text");
        assert_eq!(panic_message(&*formatted), "line 7");
    }
}
