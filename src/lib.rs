//! cuesheet turns "best soundtracks" articles into a de-duplicated corpus.
//!
//! The pipeline runs one way through plain types:
//! `PathBuf` → [`ingest`] → [`Document`] → [`extract`] → `Vec<Mention>` →
//! [`resolve`] → `Vec<Soundtrack>` → [`emit`] → files. Between stages a run keeps its
//! mentions and records in a spill file ([`store`]), not in memory.
//! [`run`] drives it for the command-line tool; tests and benches call the stages directly.

pub mod cache;
pub mod cli;
pub mod document;
pub mod emit;
pub mod error;
pub mod extract;
mod fast_hash;
pub mod ingest;
pub mod memory;
pub mod model;
pub mod normalize;
pub mod re;
pub mod report;
pub mod resolve;
pub mod store;
pub mod synth;

use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

pub use cli::Config;
pub use document::{Block, BlockKind, Document};
pub use error::{FileError, RunError};
pub use model::{Layout, Mention, Soundtrack};
use report::{FileReport, Report, Status};
use store::SpilledList;

/// What a finished run did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct RunSummary {
    pub files_read: usize,
    /// Files whose extraction came from the cache.
    pub files_cached: usize,
    pub files_skipped: usize,
    pub files_failed: usize,
    pub mentions: usize,
    pub soundtracks: usize,
    pub duration: Duration,
    /// Where `duration` went, so a slow run says which stage to look at.
    pub stages: StageTimes,
}

/// Wall time of each stage of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    /// Walking the input, reading and extracting every file (prose articles twice).
    pub extract: Duration,
    pub resolve: Duration,
    /// Writing the output files.
    pub write: Duration,
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cached = match self.files_cached {
            0 => String::new(),
            n => format!(" ({n} from cache)"),
        };
        write!(
            f,
            "{} files read{cached}, {} skipped, {} failed; {} entries, {} soundtracks in {:.2} s \
             (extract {:.2} s, resolve {:.2} s, write {:.2} s)",
            self.files_read,
            self.files_skipped,
            self.files_failed,
            self.mentions,
            self.soundtracks,
            self.duration.as_secs_f64(),
            self.stages.extract.as_secs_f64(),
            self.stages.resolve.as_secs_f64(),
            self.stages.write.as_secs_f64(),
        )
    }
}

/// The result of reading and extracting one file.
struct FileResult {
    report: FileReport,
    mentions: Vec<Mention>,
    cached: bool,
}

/// What the run keeps of one file once its mentions are in the spill.
struct Kept {
    report: FileReport,
    spilled: store::Batch,
    /// The mentions themselves too, while the run's spilled mentions fit the budget
    /// resolution keeps in memory: it then takes them instead of decoding the spill.
    held: Option<Vec<Mention>>,
    /// Read as prose: read again knowing the run's titles.
    prose: bool,
    cached: bool,
}

impl FileResult {
    /// Writes the mentions to `spill`, and holds them too while their spilled bytes fit in
    /// what is `left` of the budget.
    fn keep(self, spill: &SpilledList, left: &AtomicU64) -> std::io::Result<Kept> {
        let spilled = spill.write_batch(&self.mentions)?;
        let fits = left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| l.checked_sub(spilled.bytes())).is_ok();
        Ok(Kept {
            prose: self.report.status == Status::Ok && extract::reads_as_prose(&self.mentions),
            held: fits.then_some(self.mentions),
            spilled,
            report: self.report,
            cached: self.cached,
        })
    }
}

/// Runs the whole pipeline from `config.input` to `config.output`.
///
/// Mentions go to a spill file in the output folder as each file is extracted, and records
/// to another as resolution builds them; memory holds only what resolution compares.
pub fn run(config: &Config) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    // The walk never enters the output folder, so the same folder for both would read
    // nothing and silently write an empty corpus.
    if same_folder(&config.input, &config.output) {
        return Err(RunError::OutputIsInput { path: config.output.clone() });
    }
    let (files, problems) = ingest::walk(&config.input, Some(&config.output))
        .map_err(|source| RunError::Input { path: config.input.clone(), source })?;
    let output_error = |source| RunError::Output { path: config.output.clone(), source };
    std::fs::create_dir_all(&config.output).map_err(output_error)?;
    let mut overrides = resolve::Overrides::load(&config.input).map_err(|e| RunError::Overrides {
        path: config.input.join(resolve::OVERRIDES_FILE),
        message: e.to_string(),
    })?;
    let (vocab, vocab_files) = load_vocabulary(config, &mut overrides)?;
    let cache = if config.cache {
        cache::Cache::open(&config.output, &vocab_files.iter().map(Vec::as_slice).collect::<Vec<_>>())
    } else {
        None
    };
    let mut mentions = SpilledList::new(store::Spill::in_folder(&config.output).map_err(output_error)?);

    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(config.jobs.unwrap_or(0)).build().map_err(RunError::Threads)?;
    let progress = progress_bar(config, files.len() as u64);
    let entries_found = AtomicUsize::new(0);
    // Whether a file is held depends on which files came first, but whether all are does not.
    let hold_left = AtomicU64::new(resolve::KEEP_MENTION_BYTES);
    let results: Vec<Kept> = pool
        .install(|| {
            files
                .par_iter()
                .map(|file| {
                    let result = process_file(&file.path, &file.rel, &vocab, cache.as_ref());
                    if let Some(bar) = &progress {
                        let total =
                            entries_found.fetch_add(result.mentions.len(), Ordering::Relaxed) + result.mentions.len();
                        bar.inc(1);
                        bar.set_message(format!("{total} entries"));
                    }
                    result.keep(&mentions, &hold_left)
                })
                .collect::<std::io::Result<_>>()
        })
        .map_err(output_error)?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    // Counted among the files read, as the summary says; skipped files are cached too.
    let files_cached = results.iter().filter(|r| r.cached && r.report.status == Status::Ok).count();
    let mut results = results;
    let all_held = results.iter().all(|r| r.held.is_some());
    if !all_held {
        results.iter_mut().for_each(|r| r.held = None);
    }
    // A run small enough to hold its mentions has a small peak too.
    memory::release_in_this_run(!all_held);
    let results =
        pool.install(|| reread_prose_with_known_titles(results, &files, &vocab, &mentions)).map_err(output_error)?;
    // The known titles and their automaton are gone, and the file list is done with.
    drop(files);
    memory::give_back_freed();
    let mut reports: Vec<FileReport> = Vec::with_capacity(results.len() + problems.len());
    // Sized at once: grown by doubling, this serial step copied the run's mentions about
    // twice over and faulted in every buffer it outgrew.
    let mut held: Vec<Mention> = Vec::with_capacity(results.iter().filter_map(|r| r.held.as_ref()).map(Vec::len).sum());
    for r in results {
        mentions.push_batch(r.spilled);
        held.extend(r.held.into_iter().flatten());
        reports.push(r.report);
    }
    // Prose read again may have spilled more than the budget: resolution then reads the spill.
    if all_held && mentions.bytes() <= resolve::KEEP_MENTION_BYTES {
        mentions.keep_all(held);
    }
    reports.extend(problems.into_iter().map(|p| FileReport {
        path: p.rel,
        status: Status::Skipped,
        reason: Some(p.error.to_string()),
        encoding: None,
        layout: None,
        entries: 0,
    }));
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    let extracted = started.elapsed();
    let mut records = SpilledList::new(store::Spill::in_folder(&config.output).map_err(output_error)?);
    let outline = pool.install(|| resolve::resolve_into(&mentions, &overrides, &mut records)).map_err(output_error)?;
    memory::give_back_freed();
    let resolved = started.elapsed();

    let report = Report::new(reports, outline.ids.len(), started.elapsed().as_millis() as u64);
    let corpus = emit::Spilled { mentions: &mentions, records: &records, outline: &outline };
    pool.install(|| emit::write_all(&config.output, &corpus, &report)).map_err(output_error)?;
    let written = started.elapsed();
    if let Some(cache) = cache {
        cache.finish();
    }
    Ok(RunSummary {
        files_read: report.totals.ok,
        files_cached,
        files_skipped: report.totals.skipped,
        files_failed: report.totals.failed,
        mentions: mentions.len(),
        soundtracks: outline.ids.len(),
        // Unlike report.json's duration, this includes writing the files.
        duration: started.elapsed(),
        stages: StageTimes { extract: extracted, resolve: resolved - extracted, write: written - resolved },
    })
}

/// Articles read as prose are read again knowing the titles the run's lists name, so a work
/// they discuss without a cue is found ("Trainspotting brought Britpop …"). `results` are in
/// the order of `files`; the second reading's mentions are spilled too and replace the first.
/// The titles are gathered from the spill, and only when some article reads as prose: most
/// runs have none, and gathering as files were read cost every run about 1%.
fn reread_prose_with_known_titles(
    mut results: Vec<Kept>,
    files: &[ingest::FoundFile],
    vocab: &extract::Vocabulary,
    spill: &SpilledList,
) -> std::io::Result<Vec<Kept>> {
    let again: Vec<usize> = (0..results.len()).filter(|&i| results[i].prose).collect();
    if again.is_empty() {
        return Ok(results);
    }
    // Gathered into one set per stretch of files a thread takes, not one per file: a title
    // already taken is known to be lendable without scoring it again, and there are fewer
    // sets to merge. The known titles are the same in any grouping (`Lenders::finish`).
    let lenders = results
        .par_iter()
        .try_fold(extract::Lenders::default, |mut lent, r| {
            if let Some(held) = &r.held {
                lent.add(held);
                return Ok(lent);
            }
            let (bytes, values) = spill.raw_batch(&r.spilled)?;
            #[cfg(debug_assertions)]
            {
                let (mut alone, mut whole) = (extract::Lenders::default(), extract::Lenders::default());
                alone.add_spilled(&bytes, &values)?;
                whole.add(&spill.read_batch::<Mention>(&r.spilled)?);
                assert_eq!(alone, whole, "lenders read from the spill differ from the mentions'");
            }
            lent.add_spilled(&bytes, &values)?;
            Ok::<_, std::io::Error>(lent)
        })
        .try_reduce(extract::Lenders::default, |mut a, b| {
            a.merge(b);
            Ok(a)
        })?;
    let Some(vocab) = vocab_for_prose(vocab, lenders) else { return Ok(results) };
    let again: Vec<(usize, FileResult)> =
        // No cache: it holds first readings, and a second one depends on the whole run.
        again.into_par_iter().map(|i| (i, process_file(&files[i].path, &files[i].rel, &vocab, None))).collect();
    for (i, result) in again {
        results[i].spilled = spill.write_batch(&result.mentions)?;
        if results[i].held.is_some() {
            results[i].held = Some(result.mentions);
        }
        results[i].report = result.report;
    }
    Ok(results)
}

/// The mentions of several documents read as one run: each document alone, then the prose
/// articles again with the titles the others list (as [`run`] does with files).
pub fn extract_run(docs: &[Document], vocab: &extract::Vocabulary) -> Vec<Vec<Mention>> {
    let mut per_doc: Vec<Vec<Mention>> = docs.par_iter().map(|d| extract_document(d, vocab)).collect();
    let again: Vec<usize> = (0..docs.len()).filter(|&i| extract::reads_as_prose(&per_doc[i])).collect();
    if again.is_empty() {
        return per_doc;
    }
    let mut lenders = extract::Lenders::default();
    per_doc.iter().for_each(|m| lenders.add(m));
    if let Some(vocab) = vocab_for_prose(vocab, lenders) {
        let again: Vec<(usize, Vec<Mention>)> =
            again.into_par_iter().map(|i| (i, extract_document(&docs[i], &vocab))).collect();
        for (i, mentions) in again {
            per_doc[i] = mentions;
        }
    }
    per_doc
}

/// The vocabulary for reading prose articles again: with the titles the run's lists lend, or
/// `None` when they lend none. Callers ask only when some article reads as prose: the
/// automaton of known titles takes a while to build on a large run.
fn vocab_for_prose(vocab: &extract::Vocabulary, lenders: extract::Lenders) -> Option<extract::Vocabulary> {
    Some(vocab.with_known_titles(Some(lenders.finish()?)))
}

/// The built-in vocabulary, extended by the user's `--labels` and `--composers` files, and
/// those files' contents (for the cache's stamp). Label files also extend the table
/// resolution uses for canonical spellings.
fn load_vocabulary(
    config: &Config,
    overrides: &mut resolve::Overrides,
) -> Result<(extract::Vocabulary, Vec<Vec<u8>>), RunError> {
    let mut vocab = extract::BUILT_IN.clone();
    let mut files = Vec::new();
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|e| RunError::Vocabulary { path: path.to_path_buf(), message: e.to_string() })
    };
    for path in &config.labels {
        let text = read(path)?;
        files.push([b"labels\0", text.as_bytes()].concat());
        let bad =
            |e: normalize::labels::LabelTableError| RunError::Vocabulary { path: path.clone(), message: e.to_string() };
        vocab.add_labels(&text).map_err(bad)?;
        overrides.labels.extend(normalize::LabelTable::pairs(&text).map_err(bad)?);
    }
    for path in &config.composers {
        let text = read(path)?;
        files.push([b"composers\0", text.as_bytes()].concat());
        vocab.add_composers(&text);
    }
    Ok((vocab, files))
}

/// The mentions of one document: extraction, then normalisation of every field.
pub fn extract_document(doc: &Document, vocab: &extract::Vocabulary) -> Vec<Mention> {
    let mut mentions = extract::extract_with(doc, vocab);
    for m in &mut mentions {
        normalize::normalize_mention(m);
        m.shrink_to_fit();
    }
    mentions.shrink_to_fit();
    mentions
}

/// Reads and extracts one file, or takes its extraction from the cache; never panics out, so
/// one bad file cannot stop a run.
fn process_file(path: &Path, rel: &str, vocab: &extract::Vocabulary, cache: Option<&cache::Cache>) -> FileResult {
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
        cached: false,
    };
    let bytes = match ingest::read_bytes(path, rel) {
        Ok(bytes) => bytes,
        Err(e @ FileError::Read(_)) => return failed(e.to_string(), Status::Failed),
        Err(e) => return failed(e.to_string(), Status::Skipped),
    };
    let key = cache.map(|c| c.key(rel, &bytes));
    if let (Some(cache), Some(key)) = (cache, key)
        && let Some(entry) = cache.get(key)
    {
        return FileResult { report: entry.report, mentions: entry.mentions, cached: true };
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        ingest::document_from_bytes(rel, &bytes).map(|doc| {
            let mentions = extract_document(&doc, vocab);
            (doc.encoding, mentions)
        })
    }));
    drop(bytes);
    let result = match outcome {
        Ok(Ok((encoding, mentions))) => FileResult {
            report: FileReport {
                path: rel.to_string(),
                status: Status::Ok,
                reason: mentions.is_empty().then(|| "no soundtrack entries found".to_string()),
                encoding: Some(encoding),
                layout: extract::main_layout(&mentions),
                entries: mentions.len(),
            },
            mentions,
            cached: false,
        },
        Ok(Err(e @ FileError::Read(_))) => failed(e.to_string(), Status::Failed),
        Ok(Err(e)) => failed(e.to_string(), Status::Skipped),
        Err(payload) => failed(
            FileError::Extract(format!("internal error: {}", panic_message(&*payload))).to_string(),
            Status::Failed,
        ),
    };
    if let (Some(cache), Some(key)) = (cache, key) {
        cache.put(key, &result.report, &result.mentions);
    }
    result
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

    #[test]
    fn the_summary_says_where_the_time_went() {
        let secs = Duration::from_secs_f64;
        let summary = RunSummary {
            files_read: 3,
            files_cached: 1,
            files_skipped: 0,
            files_failed: 0,
            mentions: 12,
            soundtracks: 9,
            duration: secs(2.5),
            stages: StageTimes { extract: secs(1.75), resolve: secs(0.5), write: secs(0.25) },
        };
        assert_eq!(
            summary.to_string(),
            "3 files read (1 from cache), 0 skipped, 0 failed; 12 entries, 9 soundtracks in 2.50 s \
             (extract 1.75 s, resolve 0.50 s, write 0.25 s)"
        );
    }
}
