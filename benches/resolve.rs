//! Resolution of 100,000 mentions, in mentions per second:
//!
//!     cargo bench --bench resolve                 # full run (10 samples, about 20 s)
//!     cargo bench --bench resolve -- --quick      # a short one
//!
//! The mentions are built as `examples/resolve_synth.rs` builds them: the ideal mentions of a
//! `cuesheet::synth` corpus (about nine per article, spelling variants, sequels, remakes,
//! shared words), normalised. Resolution writes each mention's record id, so every iteration
//! gets a fresh copy; making the copy is not timed.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use cuesheet::Mention;
use cuesheet::resolve::{Overrides, resolve_with};

const MENTIONS: usize = 100_000;

fn mentions(wanted: usize) -> Vec<Mention> {
    let corpus = cuesheet::synth::generate(wanted / 9 + 1, 42);
    let mut mentions: Vec<Mention> = corpus.entries().take(wanted).map(|e| e.mention.clone()).collect();
    assert_eq!(mentions.len(), wanted, "the synthetic corpus is too small");
    mentions.iter_mut().for_each(cuesheet::normalize::normalize_mention);
    mentions
}

fn bench_resolve(c: &mut Criterion) {
    let mentions = mentions(MENTIONS);
    let overrides = Overrides::default();

    let mut group = c.benchmark_group("resolve");
    // One iteration takes about a second: the fewest samples criterion allows, one iteration
    // each (flat sampling), so a full run takes about 15 s plus the warm-up.
    group.sample_size(10).sampling_mode(SamplingMode::Flat).measurement_time(std::time::Duration::from_secs(12));
    group.throughput(Throughput::Elements(MENTIONS as u64));
    group.bench_function("resolve_with_100k", |b| {
        b.iter_batched(|| mentions.clone(), |mut m| resolve_with(black_box(&mut m), &overrides), BatchSize::LargeInput)
    });
    group.finish();
}

criterion_group!(benches, bench_resolve);
criterion_main!(benches);
