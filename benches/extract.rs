//! Extraction of one article per layout, in bytes of article per second:
//!
//!     cargo bench --bench extract                 # full run
//!     cargo bench --bench extract -- --quick      # a short one
//!
//! The list layouts come from `cuesheet::synth` (the realistic articles `gen_corpus
//! --realistic` writes): `Composer ~ Title (Label, Year)` headers, a ranked list, Markdown
//! `## Title (Year)` headings and a saved HTML page with `<h2>` per entry. The synthetic corpus
//! has no tables, inline lists or prose, so those articles are written here, with invented
//! works. Each article is decoded into a `Document` outside the timed loop; what is timed is
//! `extract_document` (extraction and normalisation of every field), as a run does per file.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use cuesheet::extract::BUILT_IN;
use cuesheet::synth::Article;
use cuesheet::{Document, Layout, extract_document, ingest};

/// The synthetic layouts, by the layout their truth entries carry and the file extension.
fn synthetic_articles() -> Vec<(&'static str, Layout, Article)> {
    let corpus = cuesheet::synth::generate_realistic(64, 7);
    let wanted: [(&str, &str, Layout); 4] = [
        ("maker_title", ".txt", Layout::MakerTitle),
        ("ranked_list", ".txt", Layout::RankedList),
        ("markdown_headings", ".md", Layout::HeaderList),
        ("html_heading_per_entry", ".html", Layout::HeaderList),
    ];
    wanted
        .iter()
        .map(|&(id, ext, layout)| {
            let article = corpus
                .articles
                .iter()
                .find(|a| a.name.ends_with(ext) && a.entries.first().is_some_and(|e| e.mention.layout == layout))
                .unwrap_or_else(|| panic!("the synthetic corpus has no {id} article"));
            (id, layout, article.clone())
        })
        .collect()
}

/// A Markdown table of invented scores, as list articles print them.
fn table_article() -> String {
    let mut out = String::from(
        "# Twenty game scores in one table\n\nThe scores below are sorted by year. Composer credits are as the \
         games' own credits give them.\n\n| Year | Game | Composer(s) | Label |\n|---|---|---|---|\n",
    );
    let rows = [
        (1987, "Lanterns of Ombria", "Keiko Warashina", "Pale Tide Records"),
        (1989, "Glasswing Run", "Tomas Ferreira", "Pale Tide Records"),
        (1991, "Orchard of Embers", "Ilse Mårtens, Ruud Hollander", "Kestrel Music"),
        (1993, "The Salt Cartographer", "Amara Okonjo", "Kestrel Music"),
        (1995, "Hollow Meridian", "Keiko Warashina", "Vantablue"),
        (1996, "Cinder Parade II", "Paulo Brandão", "Vantablue"),
        (1998, "Nightjar Protocol", "Sven Aalto", "Northlight"),
        (1999, "A Field of Quiet Engines", "Marguerite Lhomme", "Northlight"),
        (2001, "Copperhead Lullaby", "Tomas Ferreira, Amara Okonjo", "Pale Tide Records"),
        (2003, "Winter at Calder Mill", "Hanne Solvik", "Kestrel Music"),
        (2004, "Drowned Bells", "Ruud Hollander", "Vantablue"),
        (2006, "Satellite Orchard", "Ilse Mårtens", "Northlight"),
        (2008, "The Ninth Lighthouse", "Dario Velluti", "Pale Tide Records"),
        (2010, "Feral Cartography", "Keiko Warashina", "Kestrel Music"),
        (2012, "Paper Comets", "Nadia Ferhat", "Vantablue"),
        (2014, "Ironbark Hymnal", "Sven Aalto, Hanne Solvik", "Northlight"),
        (2016, "Quiet Harbour Zero", "Paulo Brandão", "Pale Tide Records"),
        (2018, "Moth & Meridian", "Marguerite Lhomme", "Kestrel Music"),
        (2020, "The Long Thaw", "Dario Velluti", "Vantablue"),
        (2022, "Ember Choir", "Nadia Ferhat", "Northlight"),
    ];
    for (year, game, composers, label) in rows {
        out.push_str(&format!("| {year} | {game} | {composers} | {label} |\n"));
    }
    out.push_str("\nTell us which score we left out in the comments.\n");
    out
}

/// A list packed into paragraphs: "Honourable mentions: Title (Composer), …".
fn inline_article() -> String {
    "Scores we could not leave out\n\n\
     Our main list is elsewhere on the site; these are the runners-up our writers argued for.\n\n\
     Honourable mentions: Lanterns of Ombria (Keiko Warashina), Glasswing Run (Tomas Ferreira), \
     Orchard of Embers (Ilse Mårtens), The Salt Cartographer (Amara Okonjo), Hollow Meridian \
     (Keiko Warashina), Nightjar Protocol (Sven Aalto), Winter at Calder Mill (Hanne Solvik).\n\n\
     Also worth a listen: Drowned Bells (Ruud Hollander), Satellite Orchard (Ilse Mårtens), Paper \
     Comets (Nadia Ferhat), Ironbark Hymnal (Sven Aalto), The Long Thaw (Dario Velluti).\n"
        .to_string()
}

/// Running text that names scores without a list.
fn prose_article() -> String {
    let paragraphs = [
        "Few composers have had a decade like the one Keiko Warashina has just finished. Her score for Hollow \
         Meridian (1995) was the first to be pressed on vinyl by a games label, and the Lanterns of Ombria \
         soundtrack is still the record people bring up when they talk about her.",
        "Tomas Ferreira took a different road. His work on Glasswing Run and Copperhead Lullaby leaned on \
         tape loops and a borrowed church organ, and the Copperhead Lullaby soundtrack sold out twice in its \
         first year. Critics who dismissed the first were quick to praise the second.",
        "The quietest record of the lot may be Hanne Solvik's music for Winter at Calder Mill (2003): twelve \
         pieces for solo piano, recorded in a single afternoon. Her later themes for Ironbark Hymnal, written \
         with Sven Aalto, are louder but no less careful.",
        "Then there is the film side. Marguerite Lhomme's score to The Glass Orchard (2011) borrowed its \
         harmonium from a museum, and the 2014 soundtrack of Nights at the Ferry Hotel, by Dario Velluti, \
         was recorded live in the hotel's ballroom over three nights.",
        "None of these records sold the way a blockbuster does, but each found its listeners, and each is \
         back in print. If you only hear one, make it the Drowned Bells soundtrack: Ruud Hollander wrote it \
         in a month and never bettered it.",
    ];
    let mut out = String::from("A decade of quiet scores\n\nBy Imke Sandoval\n\n");
    for p in paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}

fn decode(name: &str, text: &str) -> Document {
    ingest::document_from_bytes(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn bench_extract(c: &mut Criterion) {
    let mut articles: Vec<(String, Layout, Document, usize)> = synthetic_articles()
        .into_iter()
        .map(|(id, layout, a)| (id.to_string(), layout, decode(&a.name, &a.text), a.text.len()))
        .collect();
    for (id, layout, name, text) in [
        ("markdown_table", Layout::Table, "table.md", table_article()),
        ("inline_list", Layout::InlineList, "inline.txt", inline_article()),
        ("prose", Layout::Prose, "prose.txt", prose_article()),
    ] {
        articles.push((id.to_string(), layout, decode(name, &text), text.len()));
    }

    let mut group = c.benchmark_group("extract");
    for (id, layout, doc, bytes) in &articles {
        // An article the extractor reads nothing from, or reads in another layout, would time
        // the wrong thing: say so rather than report a misleading number.
        let mentions = extract_document(doc, &BUILT_IN);
        assert!(mentions.len() >= 3, "{id}: only {} entries extracted", mentions.len());
        let read_as = cuesheet::extract::main_layout(&mentions);
        if read_as != Some(*layout) {
            eprintln!("warning: extract/{id} is read as {read_as:?}, not {layout:?}");
        }
        group.throughput(Throughput::Bytes(*bytes as u64));
        group.bench_function(id.as_str(), |b| b.iter(|| extract_document(black_box(doc), &BUILT_IN)));
    }
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
