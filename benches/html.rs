//! HTML to blocks on a realistic saved page, next to a bare `scraper` parse of the same page
//! (issue 6 wants our HTML path within 2.5× of the bare parse):
//!
//!     cargo bench --bench html                    # full run
//!     cargo bench --bench html -- --quick         # a short one
//!
//! The page is the largest HTML page of a small `cuesheet::synth::generate_realistic` corpus:
//! a whole saved page (inline style and script, navigation, byline, the `<h2>` per entry list
//! with long blurbs, related links, comments, footer), as `gen_corpus --realistic` writes.
//!
//! - `document_from_bytes`: what a run does per file (charset sniffing, decoding, parsing,
//!   walking the tree into blocks);
//! - `blocks_from_html`: the same without the decoding, from the page's text;
//! - `scraper_parse_document`: `scraper::Html::parse_document` of the text alone, the
//!   baseline. Every routine drops what it built inside the timed loop.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use cuesheet::ingest;

fn saved_page() -> (String, String) {
    let corpus = cuesheet::synth::generate_realistic(64, 11);
    let page = corpus
        .articles
        .into_iter()
        .filter(|a| a.name.ends_with(".html"))
        .max_by_key(|a| a.text.len())
        .expect("the synthetic corpus has HTML pages");
    (page.name, page.text)
}

fn bench_html(c: &mut Criterion) {
    let (name, text) = saved_page();
    let bytes = text.as_bytes();
    let blocks = ingest::document_from_bytes(&name, bytes).expect("the page decodes").blocks.len();
    assert!(blocks > 10, "{name}: only {blocks} blocks");

    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("document_from_bytes", |b| {
        b.iter(|| ingest::document_from_bytes(black_box(&name), black_box(bytes)))
    });
    group.bench_function("blocks_from_html", |b| b.iter(|| ingest::html::blocks_from_html(black_box(&text))));
    group.bench_function("scraper_parse_document", |b| b.iter(|| scraper::Html::parse_document(black_box(&text))));
    group.finish();
}

criterion_group!(benches, bench_html);
criterion_main!(benches);
