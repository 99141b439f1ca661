//! The output contract's cross-file promises, checked on one run's files.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Outputs, Workspace, source_line};

const MENTION_FIELDS: [&str; 15] = [
    "source",
    "line",
    "layout",
    "title",
    "alt_titles",
    "year",
    "composers",
    "labels",
    "releases",
    "tracks",
    "rank",
    "honourable_mention",
    "reviewer",
    "confidence",
    "soundtrack_id",
];

pub fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every cross-file promise of the output contract.
pub fn assert_consistent(out: &Outputs, ws: &Workspace) {
    // Mentions: complete records pointing at a real line of a real input file.
    for m in &out.mentions {
        for field in MENTION_FIELDS {
            assert!(m.get(field).is_some(), "mention lacks {field}: {m}");
        }
        let line = source_line(&ws.input(), str_of(&m["source"]), m["line"].as_u64().unwrap());
        assert!(line.contains(str_of(&m["title"])), "line {line:?} does not hold {m}");
    }

    // mentions.csv is mentions.jsonl, row for row.
    assert_eq!(out.mentions_csv.len(), out.mentions.len());
    for (row, m) in out.mentions_csv.iter().zip(&out.mentions) {
        for field in ["soundtrack_id", "source", "line", "layout", "rank", "title", "year"] {
            assert_eq!(row[field], cell(&m[field]), "mentions.csv {field}");
        }
    }

    // Soundtracks: unique ids; every mention belongs to one; counts and sources agree.
    let ids: Vec<&str> = out.soundtracks.iter().map(|s| str_of(&s["id"])).collect();
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len(), "duplicate ids");
    let mut by_id: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for m in &out.mentions {
        let id = str_of(&m["soundtrack_id"]);
        assert!(ids.contains(&id), "{id} is not in soundtracks.json");
        by_id.entry(id).or_default().push(m);
    }
    let mut total = 0;
    for s in &out.soundtracks {
        let members = &by_id[str_of(&s["id"])];
        let count = s["mention_count"].as_u64().unwrap() as usize;
        assert_eq!(count, members.len(), "mention_count of {}", s["id"]);
        total += count;
        let sources = s["sources"].as_array().unwrap();
        assert_eq!(sources.len(), count, "sources of {}", s["id"]);
        for src in sources {
            assert!(
                members
                    .iter()
                    .any(|m| m["source"] == src["source"] && m["line"] == src["line"] && m["rank"] == src["rank"]),
                "source {src} of {} is no mention of it",
                s["id"]
            );
        }
    }
    assert_eq!(total, out.mentions.len(), "mention counts sum to the mentions");

    // soundtracks.csv is soundtracks.json; tracks.csv is their tracks.
    assert_eq!(out.soundtracks_csv.len(), out.soundtracks.len());
    for (row, s) in out.soundtracks_csv.iter().zip(&out.soundtracks) {
        for field in ["id", "title", "year", "mention_count"] {
            assert_eq!(row[field], cell(&s[field]), "soundtracks.csv {field}");
        }
    }
    let tracks: Vec<(String, String, String)> = out
        .soundtracks
        .iter()
        .flat_map(|s| {
            s["tracks"].as_array().unwrap().iter().map(move |t| (cell(&s["id"]), cell(&t["title"]), cell(&t["artist"])))
        })
        .collect();
    let rows: Vec<(String, String, String)> =
        out.tracks_csv.iter().map(|r| (r["soundtrack_id"].clone(), r["track"].clone(), r["artist"].clone())).collect();
    assert_eq!(rows, tracks, "tracks.csv rows are the soundtracks' tracks");

    // The report counts what was written.
    let files = out.report["files"].as_array().unwrap();
    let totals = &out.report["totals"];
    let status_count = |s: &str| files.iter().filter(|f| f["status"] == s).count() as u64;
    assert_eq!(totals["files"], files.len());
    for s in ["ok", "skipped", "failed"] {
        assert_eq!(totals[s].as_u64(), Some(status_count(s)), "totals.{s}");
    }
    assert_eq!(totals["mentions"], out.mentions.len());
    assert_eq!(totals["soundtracks"], out.soundtracks.len());
    for f in files {
        let found = out.mentions.iter().filter(|m| m["source"] == f["path"]).count();
        assert_eq!(f["entries"], found, "entries of {}", f["path"]);
    }
    assert!(out.report["duration_ms"].is_u64());
}
