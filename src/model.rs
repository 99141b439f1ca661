//! The records that flow out of extraction and into resolution and output: one [`Mention`]
//! per soundtrack entry found in one article, and one [`Soundtrack`] per merged work.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One release of a soundtrack as an article names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Release {
    pub label: Option<String>,
    pub year: Option<i32>,
    pub edition: Option<String>,
}

/// A song or cue named for an entry, with its performer when the text gives one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Track {
    pub title: String,
    pub artist: Option<String>,
}

/// How an entry was recognised; written to `mentions.jsonl` so a reader can judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// `Maker ~ Title (Label, Year)` and other maker/title headers.
    MakerTitle,
    /// Numbered entries.
    RankedList,
    /// A repeated unnumbered header shape (headings, title lines, list items).
    HeaderList,
    /// Table rows.
    Table,
    /// Several entries inside one block (`A (X), B (Y), …`).
    InlineList,
    /// Running text.
    Prose,
}

impl Layout {
    /// Every layout, in declaration order: the spill stores a layout as its discriminant and
    /// reads it back as its place here.
    pub const ALL: [Layout; 6] =
        [Layout::MakerTitle, Layout::RankedList, Layout::HeaderList, Layout::Table, Layout::InlineList, Layout::Prose];

    /// The name `mentions.jsonl` gives the layout (serde's kebab-case), for the CSV cell
    /// without going through a JSON value per row.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::MakerTitle => "maker-title",
            Layout::RankedList => "ranked-list",
            Layout::HeaderList => "header-list",
            Layout::Table => "table",
            Layout::InlineList => "inline-list",
            Layout::Prose => "prose",
        }
    }
}

/// One soundtrack entry in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Path relative to the input folder.
    pub source: String,
    /// 1-based line where the entry starts.
    pub line: usize,
    pub layout: Layout,
    pub title: String,
    pub alt_titles: Vec<String>,
    pub year: Option<i32>,
    pub composers: Vec<String>,
    pub labels: Vec<String>,
    pub releases: Vec<Release>,
    pub tracks: Vec<Track>,
    pub rank: Option<u32>,
    pub honourable_mention: bool,
    pub reviewer: Option<String>,
    /// How sure the extractor is that this is an entry, between 0 and 1.
    pub confidence: f32,
    /// The merged record this mention belongs to; empty until resolution.
    pub soundtrack_id: String,
    /// Values as the article wrote them, by field name, where normalisation repaired more than
    /// spacing (mojibake, casing, joint names); list fields are joined with `; `.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub raw: BTreeMap<String, String>,
}

impl Mention {
    pub fn new(source: &str, line: usize, layout: Layout, title: String) -> Self {
        Mention {
            source: source.to_string(),
            line,
            layout,
            title,
            alt_titles: Vec::new(),
            year: None,
            composers: Vec::new(),
            labels: Vec::new(),
            releases: Vec::new(),
            tracks: Vec::new(),
            rank: None,
            honourable_mention: false,
            reviewer: None,
            confidence: 0.5,
            soundtrack_id: String::new(),
            raw: BTreeMap::new(),
        }
    }
}

impl Mention {
    /// Gives back the spare capacity extraction left in every string and list, since a run
    /// holds all its mentions until resolution.
    pub fn shrink_to_fit(&mut self) {
        let strings = [&mut self.source, &mut self.title, &mut self.soundtrack_id].into_iter();
        let lists = self.alt_titles.iter_mut().chain(&mut self.composers).chain(&mut self.labels);
        strings.chain(lists).chain(self.reviewer.as_mut()).for_each(String::shrink_to_fit);
        for r in &mut self.releases {
            r.label.iter_mut().chain(r.edition.as_mut()).for_each(String::shrink_to_fit);
        }
        for t in &mut self.tracks {
            t.title.shrink_to_fit();
            t.artist.iter_mut().for_each(String::shrink_to_fit);
        }
        self.alt_titles.shrink_to_fit();
        self.composers.shrink_to_fit();
        self.labels.shrink_to_fit();
        self.releases.shrink_to_fit();
        self.tracks.shrink_to_fit();
    }
}

/// Where a merged record was mentioned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceRef {
    pub source: String,
    pub line: usize,
    pub rank: Option<u32>,
}

/// One soundtrack, merged from every mention of it in the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Soundtrack {
    /// Stable slug: the same work gets the same id across runs.
    pub id: String,
    pub title: String,
    pub alt_titles: Vec<String>,
    pub year: Option<i32>,
    pub composers: Vec<String>,
    pub labels: Vec<String>,
    pub releases: Vec<Release>,
    pub tracks: Vec<Track>,
    pub sources: Vec<SourceRef>,
    pub mention_count: usize,
}

/// Strategies for property tests over the model.
#[cfg(test)]
mod arbitrary {
    use proptest::prelude::*;

    use super::{Layout, Mention, Release, Soundtrack, SourceRef, Track};

    pub(crate) fn arbitrary_text() -> impl Strategy<Value = String> {
        prop_oneof![
            ".*",
            "[ -~]{0,40}",
            proptest::collection::vec(
                prop::sample::select(vec!["a", " ", "\"", "\\", "\u{1}", "\n", "é", "\u{7f}", "✓"]),
                0..24
            )
            .prop_map(|v| v.concat()),
        ]
    }

    fn release() -> impl Strategy<Value = Release> {
        (
            proptest::option::of(arbitrary_text()),
            proptest::option::of(any::<i32>()),
            proptest::option::of(arbitrary_text()),
        )
            .prop_map(|(label, year, edition)| Release { label, year, edition })
    }

    fn track() -> impl Strategy<Value = Track> {
        (arbitrary_text(), proptest::option::of(arbitrary_text())).prop_map(|(title, artist)| Track { title, artist })
    }

    /// Records with every field drawn.
    pub(crate) fn arbitrary_soundtrack() -> impl Strategy<Value = Soundtrack> {
        let source = (arbitrary_text(), any::<usize>(), proptest::option::of(any::<u32>()))
            .prop_map(|(source, line, rank)| SourceRef { source, line, rank });
        let strings = || proptest::collection::vec(arbitrary_text(), 0..3);
        (
            (arbitrary_text(), arbitrary_text(), proptest::option::of(any::<i32>()), any::<usize>()),
            (strings(), strings(), strings()),
            (
                proptest::collection::vec(release(), 0..3),
                proptest::collection::vec(track(), 0..3),
                proptest::collection::vec(source, 0..3),
            ),
        )
            .prop_map(
                |((id, title, year, mention_count), (alt_titles, composers, labels), (releases, tracks, sources))| {
                    Soundtrack {
                        id,
                        title,
                        alt_titles,
                        year,
                        composers,
                        labels,
                        releases,
                        tracks,
                        sources,
                        mention_count,
                    }
                },
            )
    }

    /// Mentions with every field drawn, strings rich in what escaping and encoding must get
    /// right.
    pub(crate) fn arbitrary_mention() -> impl Strategy<Value = Mention> {
        let layouts = prop::sample::select(Layout::ALL.to_vec());
        let release = (
            proptest::option::of(arbitrary_text()),
            proptest::option::of(any::<i32>()),
            proptest::option::of(arbitrary_text()),
        )
            .prop_map(|(label, year, edition)| Release { label, year, edition });
        let track = (arbitrary_text(), proptest::option::of(arbitrary_text()))
            .prop_map(|(title, artist)| Track { title, artist });
        let lists = (
            proptest::collection::vec(arbitrary_text(), 0..3),
            proptest::collection::vec(arbitrary_text(), 0..3),
            proptest::collection::vec(arbitrary_text(), 0..3),
            proptest::collection::vec(release, 0..3),
            proptest::collection::vec(track, 0..3),
            proptest::collection::btree_map(arbitrary_text(), arbitrary_text(), 0..3),
        );
        let scalars = (
            (arbitrary_text(), any::<usize>(), layouts, arbitrary_text(), proptest::option::of(any::<i32>())),
            (
                proptest::option::of(any::<u32>()),
                any::<bool>(),
                proptest::option::of(arbitrary_text()),
                any::<f32>(),
                arbitrary_text(),
            ),
        );
        (scalars, lists).prop_map(
            |(
                ((source, line, layout, title, year), (rank, honourable_mention, reviewer, confidence, soundtrack_id)),
                (alt_titles, composers, labels, releases, tracks, raw),
            )| Mention {
                source,
                line,
                layout,
                title,
                alt_titles,
                year,
                composers,
                labels,
                releases,
                tracks,
                rank,
                honourable_mention,
                reviewer,
                confidence,
                soundtrack_id,
                raw,
            },
        )
    }
}

#[cfg(test)]
pub(crate) use arbitrary::{arbitrary_mention, arbitrary_soundtrack, arbitrary_text};

#[cfg(test)]
mod tests {
    use super::Layout;

    #[test]
    fn every_layout_is_listed_in_order_and_named_as_serialised() {
        for layout in Layout::ALL {
            assert_eq!(Layout::ALL[layout as usize], layout, "ALL is in declaration order");
            assert_eq!(serde_json::to_value(layout).unwrap(), layout.as_str(), "{layout:?}");
        }
    }
}
