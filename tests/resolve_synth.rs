//! Resolution measured on a generated corpus with known truth (B-cubed F1 of
//! `soundtrack_id` against the true work), once from the ideal extractor's mentions and once
//! end to end through ingest and the real extractor.

use std::collections::{BTreeMap, HashMap};

use cuesheet::model::Mention;
use cuesheet::normalize::{fold, normalize_mention};
use cuesheet::resolve::resolve;
use cuesheet::synth;

/// B-cubed precision and recall of `(truth, predicted)` pairs.
fn bcubed(items: &[(String, String)]) -> (f64, f64) {
    let mut by_truth: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    let mut by_pred: HashMap<&str, usize> = HashMap::new();
    let mut truth_size: HashMap<&str, usize> = HashMap::new();
    for (t, p) in items {
        *by_truth.entry(t).or_default().entry(p).or_default() += 1;
        *by_pred.entry(p).or_default() += 1;
        *truth_size.entry(t).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (t, p) in items {
        let both = by_truth[t.as_str()][p.as_str()] as f64;
        precision += both / by_pred[p.as_str()] as f64;
        recall += both / truth_size[t.as_str()] as f64;
    }
    let n = items.len().max(1) as f64;
    (precision / n, recall / n)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Lists the worst merges and splits, to make a failure readable.
fn worst(items: &[(String, String)], titles: &[String]) -> String {
    let mut pred_truths: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    let mut truth_preds: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    for ((t, p), title) in items.iter().zip(titles) {
        pred_truths.entry(p).or_default().entry(t).or_default().push(title);
        truth_preds.entry(t).or_default().entry(p).or_default().push(title);
    }
    let mut out = String::from("wrong merges:\n");
    for (p, truths) in pred_truths.iter().filter(|(_, t)| t.len() > 1).take(15) {
        out.push_str(&format!("  {p}: {truths:?}\n"));
    }
    out.push_str("splits:\n");
    for (t, preds) in truth_preds.iter().filter(|(_, p)| p.len() > 1).take(15) {
        out.push_str(&format!("  {t}: {preds:?}\n"));
    }
    out
}

#[test]
fn resolution_of_ideal_mentions_reaches_bcubed_098() {
    let corpus = synth::generate(2000, 7);
    let (mut mentions, truth): (Vec<Mention>, Vec<String>) =
        corpus.entries().map(|e| (e.mention.clone(), e.cluster.clone())).unzip();
    for m in &mut mentions {
        normalize_mention(m);
    }
    resolve(&mut mentions);
    let items: Vec<(String, String)> =
        truth.into_iter().zip(mentions.iter().map(|m| m.soundtrack_id.clone())).collect();
    let (p, r) = bcubed(&items);
    let titles: Vec<String> = mentions.iter().map(|m| m.title.clone()).collect();
    eprintln!("resolution only: {} mentions, B-cubed P={p:.4} R={r:.4} F1={:.4}", items.len(), f1(p, r));
    assert!(f1(p, r) >= 0.98, "B-cubed F1 {:.4} (P={p:.4} R={r:.4})\n{}", f1(p, r), worst(&items, &titles));
}

#[test]
fn end_to_end_on_generated_articles_reaches_bcubed_098() {
    let corpus = synth::generate(2000, 11);
    let mut mentions = Vec::new();
    for a in &corpus.articles {
        let doc = cuesheet::ingest::document_from_bytes(&a.name, a.text.as_bytes()).expect("generated articles decode");
        for mut m in cuesheet::extract::extract(&doc) {
            normalize_mention(&mut m);
            mentions.push(m);
        }
    }
    resolve(&mut mentions);
    // Pair extracted mentions with truth entries by article and line, else by title.
    let mut truth: HashMap<(String, usize), &synth::TruthEntry> = HashMap::new();
    let mut by_title: HashMap<(String, String), &synth::TruthEntry> = HashMap::new();
    for e in corpus.entries() {
        truth.insert((e.mention.source.clone(), e.mention.line), e);
        by_title.insert((e.mention.source.clone(), fold(&e.mention.title)), e);
    }
    let mut items = Vec::new();
    let mut titles = Vec::new();
    for m in &mentions {
        let found =
            truth.get(&(m.source.clone(), m.line)).or_else(|| by_title.get(&(m.source.clone(), fold(&m.title))));
        if let Some(e) = found {
            items.push((e.cluster.clone(), m.soundtrack_id.clone()));
            titles.push(m.title.clone());
        }
    }
    let expected = corpus.entries().count();
    let (p, r) = bcubed(&items);
    eprintln!(
        "end to end: {} of {expected} entries extracted and paired ({} mentions), B-cubed P={p:.4} R={r:.4} F1={:.4}",
        items.len(),
        mentions.len(),
        f1(p, r)
    );
    // Enough entries for the figure to mean something (the extractor is measured elsewhere).
    assert!(items.len() * 10 >= expected * 8, "the extractor found only {} of {expected} entries", items.len());
    assert!(f1(p, r) >= 0.98, "B-cubed F1 {:.4} (P={p:.4} R={r:.4})\n{}", f1(p, r), worst(&items, &titles));
}
