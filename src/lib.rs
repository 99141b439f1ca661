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
    let (files, problems) =
        ingest::walk(&config.input, Some(&config.output)).map_err(|source| RunError::Input {
            path: config.input.clone(),
            source,
        })?;
    std::fs::create_dir_all(&config.output).map_err(|source| RunError::Output {
        path: config.output.clone(),
        source,
    })?;
    let overrides = resolve::Overrides::load(&config.input).map_err(|e| RunError::Overrides {
        path: config.input.join(resolve::OVERRIDES_FILE),
        message: e.to_string(),
    })?;

    let progress = progress_bar(config, files.len() as u64);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.unwrap_or(0))
        .build()
        .map_err(|e| RunError::Output {
            path: config.output.clone(),
            source: std::io::Error::other(e),
        })?;
    let results: Vec<FileResult> = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let result = process_file(&file.path, &file.rel);
                if let Some(bar) = &progress {
                    bar.inc(1);
                    bar.set_message(format!("{} entries", result.mentions.len()));
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

    let duration = started.elapsed();
    let report = Report::new(reports, soundtracks.len(), duration.as_millis() as u64);
    emit::write_all(&config.output, &mentions, soundtracks, &report)
        .and_then(|()| emit::resolution::write_resolution(&config.output, &resolution))
        .map_err(|source| RunError::Output {
            path: config.output.clone(),
            source,
        })?;
    Ok(RunSummary {
        files_read: report.totals.ok,
        files_skipped: report.totals.skipped,
        files_failed: report.totals.failed,
        mentions: mentions.len(),
        soundtracks: soundtracks.len(),
        duration,
    })
}

/// Reads and extracts one file; never panics out, so one bad file cannot stop a run.
fn process_file(path: &Path, rel: &str) -> FileResult {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        ingest::read_document(path, rel).map(|doc| {
            let mut mentions = extract::extract(&doc);
            mentions.iter_mut().for_each(normalize::normalize_mention);
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
                reason: mentions
                    .is_empty()
                    .then(|| "no soundtrack entries found".to_string()),
                encoding: Some(doc.encoding.clone()),
                layout: extract::main_layout(&mentions),
                entries: mentions.len(),
            },
            mentions,
        },
        Ok(Err(e @ FileError::Read(_))) => failed(e.to_string(), Status::Failed),
        Ok(Err(e)) => failed(e.to_string(), Status::Skipped),
        Err(_) => failed(
            FileError::Extract("internal error while extracting".into()).to_string(),
            Status::Failed,
        ),
    }
}

fn progress_bar(config: &Config, files: u64) -> Option<ProgressBar> {
    if config.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(files);
    let style =
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} files, {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}
