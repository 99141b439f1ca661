//! Writes a synthetic corpus with known truth:
//!
//!     cargo run --release --example gen_corpus -- --articles 2000 --out /tmp/corpus --seed 7
//!
//! `DIR` receives the articles (`a00000.txt`, `.md`, `.html` in four layouts), `truth.tsv`
//! (`article, line, title, cluster`: the true work of every entry) and `truth.jsonl` (the
//! mention an ideal extractor would produce for every entry, with its `cluster`). The
//! articles are invented from word lists (`cuesheet::synth`), with spelling variants, case
//! changes, dropped diacritics, sequels, remakes and shared words.
//!
//! `--realistic` makes articles that look like real ones (longer blurbs, bylines, HTML pages
//! saved whole with their boilerplate); `--megabytes N` picks the number of articles that
//! gives about N MB of articles (instead of `--articles`); `--only text|html` keeps only the
//! plain-text and Markdown articles, or only the HTML pages. The benchmark script
//! `scripts/bench-run.sh` makes its corpora this way.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Only {
    Text,
    Html,
}

#[derive(Parser)]
struct Args {
    /// Number of articles.
    #[arg(long, default_value_t = 2000)]
    articles: usize,
    /// About this many megabytes (10^6 bytes) of articles; overrides `--articles`.
    #[arg(long)]
    megabytes: Option<f64>,
    /// Articles that look like real ones: longer blurbs, bylines, HTML boilerplate.
    #[arg(long)]
    realistic: bool,
    /// Keep only plain-text and Markdown articles, or only HTML pages.
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// Folder to write (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Put the truth files in this folder instead (keeps `--out` articles only).
    #[arg(long)]
    truth: Option<PathBuf>,
    /// Write no truth files.
    #[arg(long)]
    no_truth: bool,
}

fn generate(args: &Args, articles: usize) -> cuesheet::synth::Corpus {
    let mut corpus = if args.realistic {
        cuesheet::synth::generate_realistic(articles, args.seed)
    } else {
        cuesheet::synth::generate(articles, args.seed)
    };
    if let Some(only) = args.only {
        corpus.articles.retain(|a| a.name.ends_with(".html") == (only == Only::Html));
    }
    corpus
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let articles = match args.megabytes {
        Some(mb) => {
            // The mean size of a sample's kept articles gives the count to ask for.
            let sample = generate(&args, 400);
            let bytes: usize = sample.articles.iter().map(|a| a.text.len()).sum();
            ((mb * 1e6) / (bytes.max(1) as f64 / 400.0)).ceil() as usize
        }
        None => args.articles,
    };
    let corpus = generate(&args, articles);
    std::fs::create_dir_all(&args.out)?;
    for a in &corpus.articles {
        std::fs::write(args.out.join(&a.name), &a.text)?;
    }
    if !args.no_truth {
        let truth_dir = args.truth.clone().unwrap_or_else(|| args.out.clone());
        std::fs::create_dir_all(&truth_dir)?;
        std::fs::write(truth_dir.join("truth.tsv"), corpus.truth_tsv())?;
        let mut jsonl = String::new();
        for e in corpus.entries() {
            let mut value = serde_json::to_value(&e.mention)?;
            value["cluster"] = serde_json::Value::String(e.cluster.clone());
            jsonl.push_str(&serde_json::to_string(&value)?);
            jsonl.push('\n');
        }
        std::fs::write(truth_dir.join("truth.jsonl"), jsonl)?;
    }
    let entries = corpus.entries().count();
    let bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "gen_corpus: {} articles ({} bytes), {entries} entries of {} works → {}",
        corpus.articles.len(),
        bytes,
        corpus.works.len(),
        args.out.display()
    );
    Ok(())
}
