//! A synthetic corpus with known truth, for testing resolution at scale and for benchmarks:
//! invented works ([`catalogue`]) written up by invented articles ([`layouts`]) with the
//! spelling variants real articles show ([`variants`]). Every entry carries the id of the
//! work it names, so B-cubed precision and recall of a run can be computed exactly.
//! `cargo run --release --example gen_corpus -- --articles N --out DIR --seed S` writes one.

pub mod catalogue;
pub mod layouts;
pub mod rng;
pub mod variants;
pub mod words;

use crate::model::{Layout, Mention, Release};
use catalogue::Work;
use layouts::{Entry, Style};
use rng::Rng;

/// One entry of one article and the work it truly names.
#[derive(Debug, Clone)]
pub struct TruthEntry {
    /// The truth cluster id.
    pub cluster: String,
    /// The mention an ideal extractor would produce (before normalisation).
    pub mention: Mention,
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// File name, relative to the corpus folder.
    pub name: String,
    pub text: String,
    pub entries: Vec<TruthEntry>,
}

/// A generated corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub works: Vec<Work>,
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Every entry of every article, in article order.
    pub fn entries(&self) -> impl Iterator<Item = &TruthEntry> {
        self.articles.iter().flat_map(|a| a.entries.iter())
    }

    /// The truth file: `article<TAB>line<TAB>title<TAB>cluster`, one entry per line, with a
    /// header row.
    pub fn truth_tsv(&self) -> String {
        let mut out = String::from("article\tline\ttitle\tcluster\n");
        for e in self.entries() {
            let m = &e.mention;
            out.push_str(&format!("{}\t{}\t{}\t{}\n", m.source, m.line, m.title.replace('\t', " "), e.cluster));
        }
        out
    }
}

/// Generates `articles` articles from `seed`. About three works exist per four articles, with
/// a long tail: a few works are named in many articles, most in a handful.
pub fn generate(articles: usize, seed: u64) -> Corpus {
    generate_with(articles, seed, false)
}

/// Like [`generate`], but the articles look like real ones: 8–20 entries each, blurbs of four
/// to seven sentences (some naming a track), a byline and intro, and HTML pages saved whole,
/// with style, script, navigation, related links, comments and a footer around the list.
/// Used for the whole-run benchmark (`scripts/bench-run.sh`).
pub fn generate_realistic(articles: usize, seed: u64) -> Corpus {
    generate_with(articles, seed, true)
}

fn generate_with(articles: usize, seed: u64, realistic: bool) -> Corpus {
    let mut rng = Rng::new(seed);
    let works = catalogue::invent(&mut rng, (articles * 3 / 4).max(20));
    // Running totals of the weights, so a weighted pick is a binary search.
    let cumulative: Vec<f64> = works
        .iter()
        .scan(0.0, |sum, w| {
            *sum += w.weight;
            Some(*sum)
        })
        .collect();
    let mut out = Vec::with_capacity(articles);
    for a in 0..articles {
        let style = [Style::Tilde, Style::Ranked, Style::Markdown, Style::Html][rng.below(4)];
        let count = if realistic { rng.range(8, 20) } else { rng.range(6, 12) } as usize;
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < count.min(works.len()) {
            let w = pick_weighted(&mut rng, &cumulative);
            if !chosen.contains(&w) {
                chosen.push(w);
            }
        }
        let name = format!("a{a:05}.{}", style.extension());
        let mut printed = Vec::new();
        for &w in &chosen {
            let work = &works[w];
            let tilde = style == Style::Tilde;
            printed.push(Entry {
                title: variants::title(&mut rng, work),
                year: variants::year(&mut rng, work, tilde),
                credit: work
                    .credit
                    .as_ref()
                    .filter(|_| tilde || rng.chance(0.8))
                    .map(|c| variants::credit(&mut rng, c)),
                label: tilde.then(|| variants::label(&mut rng, &work.label)),
                alt: work.alt.as_ref().filter(|_| rng.chance(0.3)).cloned(),
            });
        }
        let heading = format!("Soundtracks worth hearing, list {}", a + 1);
        let render = if realistic { layouts::render_realistic } else { layouts::render };
        let (text, lines) = render(&mut rng, style, &heading, &printed);
        let entries = chosen
            .iter()
            .zip(&printed)
            .zip(&lines)
            .enumerate()
            .map(|(i, ((&w, e), &line))| TruthEntry {
                cluster: works[w].id.clone(),
                mention: truth_mention(&name, line, style, i, printed.len(), e),
            })
            .collect();
        out.push(Article { name, text, entries });
    }
    Corpus { works, articles: out }
}

fn pick_weighted(rng: &mut Rng, cumulative: &[f64]) -> usize {
    let total = cumulative.last().copied().unwrap_or(0.0);
    let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
    cumulative.partition_point(|&c| c < x).min(cumulative.len().saturating_sub(1))
}

/// The mention an ideal extractor reads from a printed entry.
fn truth_mention(source: &str, line: usize, style: Style, i: usize, n: usize, e: &Entry) -> Mention {
    let layout = match style {
        Style::Tilde => Layout::MakerTitle,
        Style::Ranked => Layout::RankedList,
        Style::Markdown | Style::Html => Layout::HeaderList,
    };
    let mut m = Mention::new(source, line, layout, e.title.clone());
    m.year = e.year;
    m.composers = e.credit.iter().cloned().collect();
    m.labels = e.label.iter().cloned().collect();
    if let Some(label) = &e.label {
        m.releases = vec![Release { label: Some(label.clone()), year: e.year, edition: None }];
    }
    m.alt_titles = e.alt.iter().cloned().collect();
    m.rank = (style == Style::Ranked).then_some((n - i) as u32);
    m.confidence = 1.0;
    m
}
