//! A run keeps its mentions and records in spill files, not in memory. What it writes must be
//! byte for byte what resolving and writing the same mentions in memory gives, with or
//! without overrides.

use std::fs;
use std::path::Path;

use cuesheet::emit::{self, InMemory, Spilled};
use cuesheet::model::{Layout, Mention};
use cuesheet::report::Report;
use cuesheet::resolve::ids::base_id;
use cuesheet::resolve::{KEEP_MENTION_BYTES, Overrides, resolve_with, resolve_within};
use cuesheet::store::{Spill, SpilledList};

/// Generated mentions: many titles, sequels, remakes and clashing ids.
fn mentions() -> Vec<Mention> {
    let corpus = cuesheet::synth::generate(400, 7);
    let mut mentions: Vec<Mention> = corpus.entries().map(|e| e.mention.clone()).collect();
    // One title by two composers who disagree: two records with one base id.
    for (source, composer) in [("x.txt", "Eduard Artemyev"), ("y.txt", "Cliff Martinez"), ("z.txt", "Cliff Martinez")] {
        let mut m = Mention::new(source, 3, Layout::RankedList, "Solaris".to_string());
        m.composers = vec![composer.to_string()];
        mentions.push(m);
    }
    mentions.iter_mut().for_each(cuesheet::normalize::normalize_mention);
    mentions
}

/// Every output file of `dir`, by name.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    emit::OUTPUT_FILES.iter().map(|f| (f.to_string(), fs::read(dir.join(f)).expect("written"))).collect()
}

fn both_ways(overrides: &Overrides) {
    let report = Report::new(Vec::new(), 0, 0);
    let mut in_memory = mentions();
    let resolution = resolve_with(&mut in_memory, overrides);
    let a = tempfile::tempdir().unwrap();
    emit::write_all(a.path(), &InMemory { mentions: &in_memory, resolution: &resolution }, &report).unwrap();

    assert!(resolution.soundtracks.len() > 100, "the corpus is large enough to show something");
    // Records whose base id another record holds: their order needs sources read back.
    let clashes = resolution.soundtracks.iter().filter(|s| base_id(&s.title, s.year) != s.id).count();
    assert!(clashes > 0, "the corpus has records whose ids clash");
    assert!(!resolution.review.is_empty(), "the corpus has decisions to review");

    // Mentions read back for each stage (no budget), read once and kept, and held in memory
    // since they were spilled (as a run holds a small run's).
    for (keep_bytes, held) in [(0, false), (KEEP_MENTION_BYTES, false), (KEEP_MENTION_BYTES, true)] {
        let b = tempfile::tempdir().unwrap();
        let mut spilled = SpilledList::new(Spill::in_folder(b.path()).unwrap());
        // Written in two batches in the opposite order to their numbering, as threads may.
        let all = mentions();
        let (first, second) = all.split_at(all.len() / 2);
        let later = spilled.write_batch(second).unwrap();
        let earlier = spilled.write_batch(first).unwrap();
        spilled.push_batch(earlier);
        spilled.push_batch(later);
        assert!(spilled.bytes() > 0 && spilled.bytes() < KEEP_MENTION_BYTES);
        if held {
            spilled.keep_all(all.clone());
        }
        let mut records = SpilledList::new(Spill::in_folder(b.path()).unwrap());
        let outline = resolve_within(&spilled, overrides, &mut records, keep_bytes).unwrap();
        assert_eq!(outline.ids.len(), resolution.soundtracks.len());
        let corpus = Spilled { mentions: &spilled, records: &records, outline: &outline };
        emit::write_all(b.path(), &corpus, &report).unwrap();
        for ((name, x), (_, y)) in files(a.path()).into_iter().zip(files(b.path())) {
            assert!(
                x == y,
                "{name} differs between the in-memory and the spilled run (budget {keep_bytes}, held {held})"
            );
        }
    }
}

#[test]
fn a_spilled_run_writes_what_an_in_memory_run_writes() {
    both_ways(&Overrides::default());
}

#[test]
fn a_spilled_run_applies_overrides_as_an_in_memory_run_does() {
    let corpus = cuesheet::synth::generate(400, 7);
    let titles: Vec<String> = corpus.entries().map(|e| e.mention.title.clone()).take(40).collect();
    let cell = |t: &String| format!("\"{}\"", t.replace('"', "\"\""));
    let text = format!(
        "merge,{},{}\napart,{},{}\ntitle,{},Renamed\nlabel,Milan,Milan Recs\n",
        cell(&titles[0]),
        cell(&titles[1]),
        cell(&titles[2]),
        cell(&titles[10]),
        cell(&titles[4])
    );
    let overrides = Overrides::parse(&text).expect("overrides parse");
    both_ways(&overrides);
}
