//! The `cuesheet` command: parses arguments, runs the library, maps the outcome to an exit
//! code (0 run completed, 1 fatal, 2 usage error).

use std::process::ExitCode;

use clap::Parser;
use cuesheet::cli::Args;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let config = cuesheet::Config::from(args);
    match cuesheet::run(&config).map_err(anyhow::Error::from) {
        Ok(summary) => {
            if !config.quiet {
                eprintln!("cuesheet: {summary} → {}", config.output.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cuesheet: {e:#}");
            ExitCode::from(1)
        }
    }
}
