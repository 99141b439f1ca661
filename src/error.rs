//! Typed errors of the library. Per-file problems are [`FileError`]s that the run records in
//! the report and goes on; [`RunError`]s stop a run.

use std::path::PathBuf;

use thiserror::Error;

/// Why one input file could not be used. The run reports it and continues.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FileError {
    #[error("empty file")]
    Empty,
    #[error("binary content ({0})")]
    Binary(String),
    #[error("not an article file (extension {0:?})")]
    Unsupported(String),
    #[error("no text after removing markup and boilerplate")]
    NoText,
    #[error("cannot read: {0}")]
    Read(String),
    #[error("not a regular file")]
    NotAFile,
    #[error("extraction failed: {0}")]
    Extract(String),
}

/// Problems that stop a run. The messages leave the cause out: it is the `source`, and the
/// caller prints the chain (`{:#}` in anyhow), which would otherwise show it twice.
#[derive(Debug, Error)]
pub enum RunError {
    #[error("cannot read input folder {path}")]
    Input {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write output folder {path}")]
    Output {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the output folder {path} is the input folder; choose another --output")]
    OutputIsInput { path: PathBuf },
    #[error("cannot start worker threads")]
    Threads(#[source] rayon::ThreadPoolBuildError),
    #[error("cannot read overrides file {path}: {message}")]
    Overrides { path: PathBuf, message: String },
    #[error("cannot read vocabulary file {path}: {message}")]
    Vocabulary { path: PathBuf, message: String },
}
