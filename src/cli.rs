//! Command-line arguments and the validated run configuration they produce.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Turn "best soundtracks" articles into a clean, de-duplicated corpus.
#[derive(Debug, Parser)]
#[command(name = "cuesheet", version, about)]
pub struct Args {
    /// What to do; without a command, cuesheet runs the pipeline.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder of articles (.txt, .md, .html), read recursively.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Folder the corpus files are written to (created if missing).
    #[arg(long, default_value = "output", global = true)]
    pub output: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Extra record labels, in the `data/labels.txt` format (`Canonical | alias | …`); repeatable.
    #[arg(long = "labels", value_name = "FILE")]
    pub labels: Vec<PathBuf>,
    /// Extra composer and artist names, one per line as in `data/composers.txt`; repeatable.
    #[arg(long = "composers", value_name = "FILE")]
    pub composers: Vec<PathBuf>,
    /// Extract every file again instead of reusing the cache in the output folder's `.cache/`.
    #[arg(long)]
    pub no_cache: bool,
}

/// Commands besides the default run.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Show a merged record of the last run (in --output): each field's sources and, for each
    /// merge, the pair's score by field.
    Explain {
        /// A record id (`the-graduate-1967`) or a title (`"The Graduate"`).
        query: String,
    },
}

/// Everything a run needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub input: PathBuf,
    pub output: PathBuf,
    pub jobs: Option<usize>,
    pub quiet: bool,
    /// Files extending the built-in label table.
    pub labels: Vec<PathBuf>,
    /// Files extending the built-in composer list.
    pub composers: Vec<PathBuf>,
    /// Reuse and update the extraction cache in `output/.cache/`.
    pub cache: bool,
}

impl Config {
    /// A configuration with default options for the given folders.
    pub fn new(input: impl Into<PathBuf>, output: impl Into<PathBuf>) -> Self {
        Config {
            input: input.into(),
            output: output.into(),
            jobs: None,
            quiet: true,
            labels: vec![],
            composers: vec![],
            cache: true,
        }
    }
}

impl From<Args> for Config {
    fn from(args: Args) -> Self {
        Config {
            input: args.input,
            output: args.output,
            jobs: args.jobs.map(usize::from),
            quiet: args.quiet,
            labels: args.labels,
            composers: args.composers,
            cache: !args.no_cache,
        }
    }
}
