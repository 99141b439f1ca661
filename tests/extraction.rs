//! Extraction over the team's fixture articles (`tests/fixtures/articles`, written by us in
//! many layouts): a snapshot of what each article yields, and a comparison with the answer
//! keys in `tests/fixtures/gold` that fails when entries or fields drift below the bar.
//!
//! Update snapshots after an intended change with `INSTA_UPDATE=always cargo test --test extraction`
//! and review the diff.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use cuesheet::Document;
use cuesheet::ingest::document_from_bytes;
use cuesheet::model::Mention;
use cuesheet::normalize::{fold, title_key};
use serde_json::Value;

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    files.sort();
    files
}

fn document_of(path: &Path) -> Document {
    let bytes = fs::read(path).expect("read fixture");
    let name = path.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
    document_from_bytes(name, &bytes).expect("fixture decodes")
}

/// Each article of `dir` with its mentions, the folder read as one run (so prose articles
/// know the titles the folder's lists name).
fn run_over(dir: &str) -> Vec<(PathBuf, Vec<Mention>)> {
    let paths = fixtures(dir);
    let docs: Vec<Document> = paths.iter().map(|p| document_of(p)).collect();
    paths.into_iter().zip(cuesheet::extract_run(&docs, &cuesheet::extract::BUILT_IN)).collect()
}

/// One line per mention, fields in a fixed order, for snapshots.
fn render(mentions: &[Mention]) -> String {
    let mut out = String::new();
    for m in mentions {
        let tracks: Vec<String> = m
            .tracks
            .iter()
            .map(|t| match &t.artist {
                Some(a) => format!("{} / {a}", t.title),
                None => t.title.clone(),
            })
            .collect();
        out.push_str(&format!(
            "{:>4} {:<12} {}{} | year {} | rank {} | by {} | labels {} | tracks {}{}{}\n",
            m.line,
            serde_json::to_value(m.layout).expect("layout").as_str().unwrap_or_default(),
            m.title,
            if m.alt_titles.is_empty() { String::new() } else { format!(" [{}]", m.alt_titles.join("; ")) },
            m.year.map_or("-".to_string(), |y| y.to_string()),
            m.rank.map_or("-".to_string(), |r| r.to_string()),
            m.composers.join("; "),
            m.labels.join("; "),
            tracks.join("; "),
            if m.honourable_mention { " | HM" } else { "" },
            m.reviewer.as_ref().map_or(String::new(), |r| format!(" | reviewer {r}")),
        ));
    }
    out
}

#[test]
fn snapshots_of_fixture_articles() {
    for dir in [
        "articles",
        "holdout/articles",
        "batch3/articles",
        "batch4/articles",
        "batch5/articles",
        "batch6/articles",
        "batch7/articles",
    ] {
        for (path, mentions) in run_over(dir) {
            let name = path.file_stem().and_then(|s| s.to_str()).expect("stem").to_string();
            insta::assert_snapshot!(name, render(&mentions));
        }
    }
}

/// Precision/recall counts.
#[derive(Default, Debug)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &[String], got: &[String]) {
        let tp = got.iter().filter(|g| gold.contains(g)).count();
        self.tp += tp;
        self.fp += got.len() - tp;
        self.fn_ += gold.len() - tp;
    }

    fn f1(&self) -> f64 {
        if self.tp == 0 {
            return if self.fp + self.fn_ == 0 { 1.0 } else { 0.0 };
        }
        let p = self.tp as f64 / (self.tp + self.fp) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_) as f64;
        2.0 * p * r / (p + r)
    }
}

fn strings(v: &Value, key: &str, inner: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| match inner {
                    Some(k) => x[k].as_str().map(str::to_string),
                    None => x.as_str().map(str::to_string),
                })
                .map(|s| fold(&s))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out.dedup();
    out
}

/// Whether a found title names the gold entry: equal keys, or one containing the other.
fn same_title(gold: &Value, m: &Mention) -> bool {
    let mut gold_titles = vec![gold["title"].as_str().unwrap_or_default().to_string()];
    gold_titles.extend(strings(gold, "alt_titles", None));
    let mut got = vec![m.title.clone()];
    got.extend(m.alt_titles.iter().cloned());
    gold_titles.iter().any(|g| {
        let g = title_key(g);
        got.iter().any(|t| {
            let t = title_key(t);
            !g.is_empty() && (g == t || g.len() >= 4 && t.len() >= 4 && (g.contains(&t) || t.contains(&g)))
        })
    })
}

#[test]
fn fixture_articles_match_their_answer_keys() {
    check_answer_keys("articles", 0.95, 0.85);
}

/// The held-out batch was written without sight of the code, in layouts the first batch does
/// not use; it measures how extraction generalises, with a lower bar for fields.
#[test]
fn held_out_articles_match_their_answer_keys() {
    check_answer_keys("holdout/articles", 0.95, 0.80);
}

/// Batches 3–7 were each written blind (their READMEs give the first runs: batch 5 0.712,
/// batch 6 0.665, batch 7 0.814) and then tuned on, so each guards the rules it prompted at
/// the level they reached: (folder, entry bar, field bar, what was measured on 2026-11-22).
const TUNED_BATCHES: [(&str, f64, f64, &str); 5] = [
    ("batch3/articles", 0.95, 0.60, "entries 0.964; composers 0.889, labels 0.811, tracks 0.873, years 0.960"),
    ("batch4/articles", 0.87, 0.75, "entries 0.895; composers 0.821, labels 0.780, tracks 0.843, years 0.977"),
    ("batch5/articles", 0.80, 0.55, "entries 0.856; composers 0.589, labels 0.613, tracks 0.804, years 0.947"),
    ("batch6/articles", 0.89, 0.70, "entries 0.919; composers 0.822, labels 0.734, tracks 0.792, years 1.000"),
    ("batch7/articles", 0.95, 0.68, "entries 0.979; composers 0.853, labels 0.706, tracks 0.845, years 0.970"),
];

#[test]
fn tuned_batches_match_their_answer_keys() {
    for (dir, entry_bar, field_bar, measured) in TUNED_BATCHES {
        eprintln!("{dir} (measured: {measured})");
        check_answer_keys(dir, entry_bar, field_bar);
    }
}

fn check_answer_keys(dir: &str, entry_bar: f64, field_bar: f64) {
    let mut entries = Counts::default();
    let mut fields: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut report = String::new();
    for (path, mut got) in run_over(dir) {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem").to_string();
        let gold_path = path.with_file_name(format!("../gold/{stem}.gold.json"));
        let gold: Value = serde_json::from_slice(&fs::read(&gold_path).expect("answer key")).expect("json");
        let gold_entries = gold["entries"].as_array().expect("entries").clone();
        let mut paired = 0;
        for g in &gold_entries {
            let Some(i) = got.iter().position(|m| same_title(g, m)) else {
                report.push_str(&format!("{stem}: missed {}\n", g["title"]));
                continue;
            };
            let m = got.remove(i);
            paired += 1;
            let names = |v: &[String]| -> Vec<String> {
                let mut n: Vec<String> = v.iter().map(|s| fold(s)).collect();
                n.sort();
                n.dedup();
                n
            };
            fields.entry("composers").or_default().add(&strings(g, "composers", None), &names(&m.composers));
            let mut gold_labels = strings(g, "labels", None);
            gold_labels.extend(strings(g, "releases", Some("label")));
            gold_labels.sort();
            gold_labels.dedup();
            fields.entry("labels").or_default().add(&gold_labels, &names(&m.labels));
            let gold_tracks: Vec<String> = strings(g, "tracks", Some("title")).iter().map(|t| title_key(t)).collect();
            let got_tracks: Vec<String> = m.tracks.iter().map(|t| title_key(&t.title)).collect();
            fields.entry("tracks").or_default().add(&gold_tracks, &got_tracks);
            let gold_year = g["year"].as_i64().map(|y| y.to_string());
            fields.entry("years").or_default().add(
                &gold_year.iter().cloned().collect::<Vec<_>>(),
                &m.year.iter().map(|y| y.to_string()).collect::<Vec<_>>(),
            );
        }
        for extra in &got {
            report.push_str(&format!("{stem}: extra {:?}\n", extra.title));
        }
        entries.tp += paired;
        entries.fp += got.len();
        entries.fn_ += gold_entries.len() - paired;
    }
    let summary: Vec<String> = fields.iter().map(|(k, c)| format!("{k} F1 {:.3}", c.f1())).collect();
    eprintln!("entries F1 {:.3}; {}\n{report}", entries.f1(), summary.join(", "));
    assert!(entries.f1() >= entry_bar, "entry F1 {:.3} below {entry_bar}\n{report}", entries.f1());
    for (name, c) in &fields {
        assert!(c.f1() >= field_bar, "{name} F1 {:.3} below {field_bar}\n{report}", c.f1());
    }
}

/// An essay names works without a cue ("Vertigo still unsettles"); read in the same run as a
/// list that names them, it yields them, and read alone it does not.
#[test]
fn prose_articles_find_the_titles_the_runs_lists_name() {
    let list = "Ten scores worth owning\n\n\
        1. Vertigo (1958) – Bernard Herrmann\n\n\
        2. The Thing (1982) – Ennio Morricone\n\n\
        3. Under the Skin (2013) – Mica Levi\n\n\
        4. Arrival (2016) – Jóhann Jóhannsson\n";
    let essay = "Why dread sounds the way it does\n\n\
        Composers have chased unease for decades. Few things in cinema match how Vertigo still \
        unsettles an audience, its spirals of strings circling without rest.\n\n\
        The Thing arrived in cinemas to poor reviews. Later, Under the Skin did something \
        stranger still with its droning violas. And nobody forgets the soundtrack of Jaws.\n";
    let doc = |name: &str, text: &str| document_from_bytes(name, text.as_bytes()).expect("decodes");
    let titles = |mentions: &[Mention]| -> Vec<String> { mentions.iter().map(|m| m.title.clone()).collect() };

    let alone = cuesheet::extract_run(&[doc("essay.txt", essay)], &cuesheet::extract::BUILT_IN);
    assert_eq!(titles(&alone[0]), ["Jaws"]);

    let together =
        cuesheet::extract_run(&[doc("list.txt", list), doc("essay.txt", essay)], &cuesheet::extract::BUILT_IN);
    assert_eq!(titles(&together[1]), ["Vertigo", "The Thing", "Under the Skin", "Jaws"]);
    assert_eq!(together[0].len(), 4, "the list itself is read once, unchanged");

    // A paragraph on a composer's new score that names their listed earlier work.
    let review = "New this month\n\n\
        Mica Levi's score for Jackie arrived on vinyl this week. Fans of Under the Skin will \
        recognise those sliding strings, though Vertigo is a closer cousin.\n";
    let with_review =
        cuesheet::extract_run(&[doc("list.txt", list), doc("review.txt", review)], &cuesheet::extract::BUILT_IN);
    assert_eq!(titles(&with_review[1]), ["Jackie", "Vertigo"]);
}

/// "Reviewed by X" closing each card credits the entry above it.
#[test]
fn reviewer_footers_credit_the_entry_above() {
    let text = "Our year in scores\n\n\
        1. Oppenheimer (2023) – Ludwig Göransson\n\n\
        A solo violin swallowed by the orchestra.\n\n\
        Reviewed by Tom Ashworth\n\n\
        2. Poor Things (2023) – Jerskin Fendrix\n\n\
        Detuned organs and wheezing woodwinds.\n\n\
        Reviewed by Aisha Bello\n\n\
        3. The Zone of Interest (2023) – Mica Levi\n\n\
        Barely any music, and that is the point.\n\n\
        Reviewed by Tom Ashworth\n";
    let doc = document_from_bytes("cards.txt", text.as_bytes()).expect("decodes");
    let mentions = cuesheet::extract_document(&doc, &cuesheet::extract::BUILT_IN);
    let reviewers: Vec<(&str, Option<&str>)> =
        mentions.iter().map(|m| (m.title.as_str(), m.reviewer.as_deref())).collect();
    assert_eq!(
        reviewers,
        [
            ("Oppenheimer", Some("Tom Ashworth")),
            ("Poor Things", Some("Aisha Bello")),
            ("The Zone of Interest", Some("Tom Ashworth"))
        ]
    );
}

/// "(Director, Year)" after a title, with a "Musique :" line below: the bracket names the
/// director, the field line the composer; ranks spelled "10e place".
#[test]
fn a_bracketed_director_yields_to_the_credit_line() {
    let text = "Les plus belles musiques de film\n\n\
        10e place — « Le Mépris » (Jean-Luc Godard, 1963)\nMusique : Georges Delerue\nDes cordes qui reviennent.\n\n\
        9e place — « Les Parapluies de Cherbourg » (Jacques Demy, 1964)\nMusique : Michel Legrand — disque Philips\nUn film chanté.\n\n\
        8e place — « Le Samouraï » (Jean-Pierre Melville, 1967)\nMusique : François de Roubaix\nPeu de notes.\n";
    let doc = document_from_bytes("bo.txt", text.as_bytes()).expect("decodes");
    let mentions = cuesheet::extract_document(&doc, &cuesheet::extract::BUILT_IN);
    type Row<'a> = (&'a str, Option<u32>, Option<i32>, Vec<String>);
    let got: Vec<Row> = mentions.iter().map(|m| (m.title.as_str(), m.rank, m.year, m.composers.clone())).collect();
    assert_eq!(
        got,
        [
            ("Le Mépris", Some(10), Some(1963), vec!["Georges Delerue".to_string()]),
            ("Les Parapluies de Cherbourg", Some(9), Some(1964), vec!["Michel Legrand".to_string()]),
            ("Le Samouraï", Some(8), Some(1967), vec!["François de Roubaix".to_string()]),
        ]
    );
    assert_eq!(mentions[1].labels, ["Philips"]);
}
