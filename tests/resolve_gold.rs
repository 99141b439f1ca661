//! Resolution of the hand-made answer keys beside the repository (`../shared/gold` for the
//! seed articles, `../shared/dev/gold` for the development set), when they are there: each
//! gold entry becomes the mention an ideal extractor would produce, and B-cubed of
//! `soundtrack_id` is measured against the gold `cluster`. Skipped when the folder is absent.

use std::collections::HashMap;
use std::path::Path;

use cuesheet::model::{Layout, Mention, Release};
use cuesheet::normalize::normalize_mention;
use cuesheet::resolve::resolve;
use serde_json::Value;

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map_or_else(Vec::new, |a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
}

/// Mentions and gold clusters of every `*.gold.json` in `dir`, or `None` without the folder.
fn gold_mentions(dir: &Path) -> Option<(Vec<Mention>, Vec<String>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir).ok()?.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let (mut mentions, mut clusters) = (Vec::new(), Vec::new());
    for path in files.iter().filter(|p| p.to_string_lossy().ends_with(".gold.json")) {
        let gold: Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
        let source = gold["source"].as_str().unwrap_or_default().to_string();
        for (i, e) in gold["entries"].as_array()?.iter().enumerate() {
            let mut m = Mention::new(&source, i + 1, Layout::HeaderList, e["title"].as_str()?.to_string());
            m.alt_titles = strings(&e["alt_titles"]);
            m.year = e["year"].as_i64().map(|y| y as i32);
            m.composers = strings(&e["composers"]);
            m.labels = strings(&e["labels"]);
            m.releases = e["releases"].as_array().map_or_else(Vec::new, |rs| {
                rs.iter()
                    .map(|r| Release {
                        label: r["label"].as_str().map(str::to_string),
                        year: r["year"].as_i64().map(|y| y as i32),
                        edition: r["edition"].as_str().map(str::to_string),
                    })
                    .collect()
            });
            normalize_mention(&mut m);
            mentions.push(m);
            clusters.push(e["cluster"].as_str()?.to_string());
        }
    }
    Some((mentions, clusters))
}

fn bcubed_f1(items: &[(String, String)]) -> f64 {
    let mut both: HashMap<(&str, &str), f64> = HashMap::new();
    let (mut truth, mut pred): (HashMap<&str, f64>, HashMap<&str, f64>) = (HashMap::new(), HashMap::new());
    for (t, p) in items {
        *both.entry((t, p)).or_default() += 1.0;
        *truth.entry(t).or_default() += 1.0;
        *pred.entry(p).or_default() += 1.0;
    }
    let n = items.len() as f64;
    let p: f64 = items.iter().map(|(t, q)| both[&(t.as_str(), q.as_str())] / pred[q.as_str()]).sum::<f64>() / n;
    let r: f64 = items.iter().map(|(t, q)| both[&(t.as_str(), q.as_str())] / truth[t.as_str()]).sum::<f64>() / n;
    2.0 * p * r / (p + r)
}

fn measure(dir: &str) -> Option<(f64, Vec<String>)> {
    let (mut mentions, clusters) = gold_mentions(Path::new(dir))?;
    resolve(&mut mentions);
    let items: Vec<(String, String)> =
        clusters.into_iter().zip(mentions.iter().map(|m| m.soundtrack_id.clone())).collect();
    let mut wrong: Vec<String> = Vec::new();
    for (i, (t, p)) in items.iter().enumerate() {
        for (u, q) in &items[i + 1..] {
            if (t == u) != (p == q) {
                wrong.push(format!("{t} / {u}: ids {p} / {q}"));
            }
        }
    }
    Some((bcubed_f1(&items), wrong))
}

#[test]
fn seed_answer_keys_resolve_perfectly() {
    let Some((f1, wrong)) = measure("../shared/gold") else {
        return;
    };
    eprintln!("seeds: B-cubed F1 {f1:.4}");
    assert!(wrong.is_empty() && f1 == 1.0, "F1 {f1}: {wrong:#?}");
}

#[test]
fn development_answer_keys_resolve_well() {
    let Some((f1, wrong)) = measure("../shared/dev/gold") else {
        return;
    };
    eprintln!("dev: B-cubed F1 {f1:.4}; pairs decided differently from the answer keys: {wrong:#?}");
    assert!(f1 >= 0.97, "F1 {f1}");
}
