//! Shows how cuesheet reads one article: its units, header candidates (accepted or not) and
//! the mentions found. `cargo run --example inspect -- path/to/article.txt`

use cuesheet::extract::{BUILT_IN, list, sections, units};

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: inspect FILE"))?;
    let bytes = std::fs::read(&path)?;
    let doc = cuesheet::ingest::document_from_bytes(&path, &bytes)?;
    let units = units::units(&doc);
    let info = sections::analyze(&units, &BUILT_IN);
    for (u, i) in units.iter().zip(&info) {
        let flags = format!(
            "{}{}{}{}",
            if i.excluded { "X" } else { "." },
            if i.boundary { "B" } else { "." },
            if i.hm_marker { "H" } else { "." },
            if i.reviewer.is_some() { "R" } else { "." }
        );
        println!("{:>4} {flags} {:?} {}", u.line, u.kind, u.text.chars().take(100).collect::<String>());
    }
    println!("\n-- candidates");
    for line in list::describe_candidates(&units, &info, &BUILT_IN) {
        println!("{line}");
    }
    println!("\n-- mentions");
    for m in cuesheet::extract::extract(&doc) {
        println!("{}", serde_json::to_string(&m)?);
    }
    Ok(())
}
