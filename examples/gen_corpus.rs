//! Writes a synthetic corpus with known truth:
//!
//!     cargo run --release --example gen_corpus -- --articles 2000 --out /tmp/corpus --seed 7
//!
//! `DIR` receives the articles (`a00000.txt`, `.md`, `.html` in four layouts), `truth.tsv`
//! (`article, line, title, cluster`: the true work of every entry) and `truth.jsonl` (the
//! mention an ideal extractor would produce for every entry, with its `cluster`). The
//! articles are invented from word lists (`cuesheet::synth`), with spelling variants, case
//! changes, dropped diacritics, sequels, remakes and shared words.

use std::path::PathBuf;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Number of articles.
    #[arg(long, default_value_t = 2000)]
    articles: usize,
    /// Folder to write (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Put the truth files in this folder instead (keeps `--out` articles only).
    #[arg(long)]
    truth: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let corpus = cuesheet::synth::generate(args.articles, args.seed);
    std::fs::create_dir_all(&args.out)?;
    for a in &corpus.articles {
        std::fs::write(args.out.join(&a.name), &a.text)?;
    }
    let truth_dir = args.truth.unwrap_or_else(|| args.out.clone());
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
