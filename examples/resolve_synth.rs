//! Times resolution alone on the ideal mentions of a synthetic corpus:
//!
//!     cargo run --release --example resolve_synth -- 1000000
//!
//! makes a corpus with about that many entries (`cuesheet::synth`), normalises the mentions an
//! ideal extractor would produce, and resolves them, printing the time of each step. Run it
//! under `/usr/bin/time` for the peak memory (`scripts/bench-run.sh` does).

use std::time::Instant;

// The allocator the `cuesheet` binary uses, so resolution is timed as a run does it.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let wanted: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let started = Instant::now();
    // About nine entries per article.
    let corpus = cuesheet::synth::generate(wanted / 9 + 1, 42);
    let mut mentions: Vec<cuesheet::Mention> = corpus.entries().take(wanted).map(|e| e.mention.clone()).collect();
    drop(corpus);
    mentions.iter_mut().for_each(cuesheet::normalize::normalize_mention);
    let made = started.elapsed();
    let t = Instant::now();
    let resolution = cuesheet::resolve::resolve_with(&mut mentions, &cuesheet::resolve::Overrides::default());
    let resolved = t.elapsed();
    println!(
        "resolve_synth: {} mentions → {} records; generated in {:.2} s, resolved in {:.2} s",
        mentions.len(),
        resolution.soundtracks.len(),
        made.as_secs_f64(),
        resolved.as_secs_f64()
    );
}
