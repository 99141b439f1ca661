//! The `cuesheet` command: parses arguments, runs the library, maps the outcome to an exit
//! code (0 run completed, 1 fatal, 2 usage error).

use std::process::ExitCode;

use std::path::Path;

use clap::Parser;
use cuesheet::cli::{Args, Command};
use cuesheet::resolve::explain::{Lookup, lookup, render};

// jemalloc rather than the system allocator: extraction makes many short-lived strings, and
// on the benchmark corpora jemalloc ran them faster with a lower peak on 1 GB (README,
// Performance).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Hands every arena's freed pages back to the system at once, rather than after jemalloc's
/// decay delay, so a stage's peak does not carry the pages the stage before it freed.
#[cfg(not(target_env = "msvc"))]
fn purge_freed_pages() {
    // Arena 4096 is jemalloc's MALLCTL_ARENAS_ALL: the purge applies to every arena.
    let name = c"arena.4096.purge";
    // SAFETY: the name is a C string, and a purge reads and writes no caller memory (all
    // pointers null, length 0); it only releases pages jemalloc holds free.
    let status = unsafe {
        tikv_jemalloc_sys::mallctl(name.as_ptr(), std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut(), 0)
    };
    // A refusal only loses the purge; the command tests run debug builds, which check it.
    debug_assert_eq!(status, 0, "jemalloc refused to purge its arenas");
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    if let Some(Command::Explain { query }) = &args.command {
        return explain(&args.output, query);
    }
    let config = cuesheet::Config::from(args);
    #[cfg(not(target_env = "msvc"))]
    cuesheet::memory::on_give_back(purge_freed_pages);
    // A panic is a bug, but it must still end with the fatal code rather than Rust's 101;
    // the panic hook has already printed where it happened.
    let result = match std::panic::catch_unwind(|| cuesheet::run(&config)) {
        Ok(result) => result.map_err(anyhow::Error::from),
        Err(panic) => Err(anyhow::anyhow!("internal error: {}", cuesheet::panic_message(&*panic))),
    };
    match result {
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

/// `cuesheet explain`: prints the records of the last run that match `query`.
fn explain(output: &Path, query: &str) -> ExitCode {
    match lookup(output, query) {
        Ok(Lookup::Found(records)) => {
            let texts: Vec<String> = records.iter().map(render).collect();
            print!("{}", texts.join("\n"));
            ExitCode::SUCCESS
        }
        Ok(Lookup::NotFound(near)) => {
            eprintln!("cuesheet: no record matches {query:?} in {}", output.display());
            for (id, title) in near {
                eprintln!("  did you mean {id}  ({title})?");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("cuesheet: {e}");
            ExitCode::from(1)
        }
    }
}
