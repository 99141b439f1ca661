//! What resolution keeps of each mention while it compares them: its source, line, title,
//! alternate titles, years, composers, labels and confidence, every string interned once.
//! About 50 bytes a mention, so a run can resolve millions of mentions whose full text
//! stays in the spill (`crate::store`); only building a record reads its mentions in full.

use std::io;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::vocabulary::written_labels;
use crate::fast_hash::FastMap as HashMap;
use crate::model::Mention;
use crate::store::codec::MentionView;
use crate::store::{MentionSource, SpilledList, chunks};

/// One mention's keys; strings are ids into [`Digests`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Digest {
    /// The source's string id while mentions are added; once all are, the source's rank in
    /// string order, which orders mentions without a lookup (see [`Digests::order_key`]).
    source: u32,
    pub line: u32,
    pub title: u32,
    /// The mention's year and the earliest of its releases' ([`Digest::year`],
    /// [`Digest::release_year`]), [`NO_YEAR`] when none: an `Option` would take twice the room.
    year: i32,
    release_year: i32,
    pub confidence: f32,
    /// Where the mention's lists start in `Digests::lists`: alternate titles, composers,
    /// labels (its own, then its releases'), each led by its length.
    lists: u32,
}

/// A year no mention has.
const NO_YEAR: i32 = i32::MIN;

impl Digest {
    pub fn year(&self) -> Option<i32> {
        (self.year != NO_YEAR).then_some(self.year)
    }

    /// The earliest year of the mention's releases.
    pub fn release_year(&self) -> Option<i32> {
        (self.release_year != NO_YEAR).then_some(self.release_year)
    }
}

/// The digests of a run's mentions, in mention order.
#[derive(Debug, Default)]
pub struct Digests {
    /// Every distinct string, one after another: string `i` ends at `ends[i]` (one buffer
    /// rather than a `String` each, which would cost more than the text).
    text: String,
    ends: Vec<usize>,
    /// Each string's id while mentions are read; dropped once all are.
    ids: HashMap<Box<str>, u32>,
    items: Vec<Digest>,
    lists: Vec<u32>,
    /// The string id of each source, in string order (by [`Digest::source`], its rank).
    sources: Vec<u32>,
    /// The distinct composers and labels, sorted, worked out when first asked for: the
    /// vocabulary and the profiles both ask.
    distinct_lists: [OnceLock<Box<[u32]>>; 2],
}

impl Digests {
    /// Reads every mention of `source` once, a chunk at a time.
    pub fn build<S: MentionSource + ?Sized>(source: &S) -> io::Result<Digests> {
        let mut d = Digests::default();
        d.items.reserve_exact(source.count());
        match source.spilled() {
            Some(list) => {
                d.add_spilled(list)?;
                // The keys are read by position: debug builds (the tests) check them against
                // the whole mentions.
                #[cfg(debug_assertions)]
                {
                    let mut whole = Digests::default();
                    whole.add_mentions(source)?;
                    assert!(
                        (&whole.text, &whole.ends, &whole.items, &whole.lists)
                            == (&d.text, &d.ends, &d.items, &d.lists),
                        "spilled mentions' keys differ from the mentions'"
                    );
                }
            }
            None => d.add_mentions(source)?,
        }
        let mut sources: Vec<u32> = d.items.iter().map(|x| x.source).collect();
        sources.sort_unstable();
        sources.dedup();
        sources.sort_by(|&a, &b| d.str(a).cmp(d.str(b)));
        let rank: HashMap<u32, u32> = sources.iter().enumerate().map(|(rank, &s)| (s, rank as u32)).collect();
        for item in &mut d.items {
            item.source = rank[&item.source];
        }
        d.sources = sources;
        d.lists.shrink_to_fit();
        d.text.shrink_to_fit();
        d.ids = HashMap::default();
        crate::memory::give_back_freed();
        Ok(d)
    }

    /// Adds every mention of `source`, decoded whole.
    fn add_mentions<S: MentionSource + ?Sized>(&mut self, source: &S) -> io::Result<()> {
        // Adding is one thread's work (the strings are interned in order), so the next chunk
        // is read and parsed on another thread meanwhile.
        let mut ranges = chunks(source.count());
        let mut current = ranges.next().map(|r| source.mentions(r)).transpose()?;
        while let Some(mentions) = current.take() {
            let ((), next) = rayon::join(
                || mentions.iter().for_each(|m| self.add(m)),
                || ranges.next().map(|r| source.mentions(r)).transpose(),
            );
            current = next?;
        }
        Ok(())
    }

    /// Adds every mention of a spill, reading only the fields a digest keeps and borrowing
    /// their strings from the bytes read: decoding whole mentions (every string a new
    /// allocation, tracks and raw values included) was most of building the digests.
    fn add_spilled(&mut self, list: &SpilledList) -> io::Result<()> {
        let mut ranges = chunks(list.len());
        let mut current = ranges.next().map(|r| list.raw_range(r)).transpose()?;
        while let Some((bytes, values)) = current.take() {
            let keys: Vec<MentionView<'_>> =
                values.par_iter().map(|v| MentionView::read(&bytes[v.clone()])).collect::<io::Result<_>>()?;
            let ((), next) = rayon::join(
                || keys.iter().for_each(|k| self.add(k)),
                || ranges.next().map(|r| list.raw_range(r)).transpose(),
            );
            current = next?;
        }
        Ok(())
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ends.len() as u32;
        self.text.push_str(s);
        self.ends.push(self.text.len());
        self.ids.insert(s.into(), id);
        id
    }

    fn add_list<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        let at = self.lists.len();
        self.lists.push(0);
        for s in items {
            let id = self.intern(s);
            self.lists.push(id);
        }
        self.lists[at] = (self.lists.len() - at - 1) as u32;
    }

    fn add(&mut self, m: &impl Keys) {
        let lists = self.lists.len() as u32;
        self.add_list(m.alt_titles());
        self.add_list(m.composers());
        self.add_list(m.labels());
        let digest = Digest {
            source: self.intern(m.source()),
            line: u32::try_from(m.line()).unwrap_or(u32::MAX),
            title: self.intern(m.title()),
            year: m.year().unwrap_or(NO_YEAR),
            release_year: m.release_year().unwrap_or(NO_YEAR),
            confidence: m.confidence(),
            lists,
        };
        self.items.push(digest);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> &Digest {
        &self.items[i]
    }

    pub fn str(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start..self.ends[id]]
    }

    /// The `k`th list of mention `i` (0 alternate titles, 1 composers, 2 labels).
    fn list(&self, i: usize, k: usize) -> &[u32] {
        let mut at = self.items[i].lists as usize;
        for _ in 0..k {
            at += 1 + self.lists[at] as usize;
        }
        &self.lists[at + 1..at + 1 + self.lists[at] as usize]
    }

    pub fn alt_titles(&self, i: usize) -> &[u32] {
        self.list(i, 0)
    }

    pub fn composers(&self, i: usize) -> &[u32] {
        self.list(i, 1)
    }

    /// Labels and release labels, as [`written_labels`] gives them.
    pub fn labels(&self, i: usize) -> &[u32] {
        self.list(i, 2)
    }

    /// The mention's title, then its alternate titles.
    pub fn titles(&self, i: usize) -> impl Iterator<Item = &str> {
        std::iter::once(self.items[i].title).chain(self.alt_titles(i).iter().copied()).map(|t| self.str(t))
    }

    pub fn source(&self, i: usize) -> &str {
        self.str(self.sources[self.items[i].source as usize])
    }

    /// Sorts mentions by (source, line, index), the order records list them in.
    pub fn order_key(&self, i: usize) -> (u32, u32, usize) {
        let d = &self.items[i];
        (d.source, d.line, i)
    }

    /// `source:line`, as explanations and review rows cite a mention.
    pub fn reference(&self, i: usize) -> String {
        // Written by hand: `format!` took about 1,200 instructions a reference (one for every
        // mention of every record, and two for every merge), most of it in its machinery.
        let (source, line) = (self.source(i), self.items[i].line);
        let mut out = String::with_capacity(source.len() + 11);
        out.push_str(source);
        out.push(':');
        push_decimal(&mut out, line);
        debug_assert_eq!(out, format!("{source}:{line}"));
        out
    }

    /// The ids of the distinct strings among `ids`, in string order.
    fn distinct_ids(&self, ids: impl Iterator<Item = u32>) -> Vec<u32> {
        let mut ids: Vec<u32> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        // One id a distinct string, so no two ids sort equal.
        ids.sort_unstable_by(|&a, &b| self.str(a).cmp(self.str(b)));
        ids
    }

    /// The ids of every string of the lists `k` (1 or 2) of all mentions, distinct, in
    /// string order.
    fn distinct_in_list(&self, k: usize) -> &[u32] {
        self.distinct_lists[k - 1]
            .get_or_init(|| self.distinct_ids((0..self.len()).flat_map(|i| self.list(i, k).iter().copied())).into())
    }

    /// Every composer spelling of the run, sorted.
    pub fn distinct_composers(&self) -> Vec<&str> {
        self.distinct_composer_ids().iter().map(|&id| self.str(id)).collect()
    }

    /// The ids of [`Self::distinct_composers`], in the same order.
    pub fn distinct_composer_ids(&self) -> &[u32] {
        self.distinct_in_list(1)
    }

    /// Every label spelling of the run, sorted.
    pub fn distinct_labels(&self) -> Vec<&str> {
        self.distinct_label_ids().iter().map(|&id| self.str(id)).collect()
    }

    /// The ids of [`Self::distinct_labels`], in the same order.
    pub fn distinct_label_ids(&self) -> &[u32] {
        self.distinct_in_list(2)
    }

    /// The ids of every title and alternate title of the run, distinct (in id order).
    pub fn distinct_title_ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.len())
            .flat_map(|i| std::iter::once(self.items[i].title).chain(self.list(i, 0).iter().copied()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Appends `n` in decimal, as `Display` writes it.
fn push_decimal(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// What a digest is made from: a whole mention or the keys of a spilled one.
trait Keys {
    fn source(&self) -> &str;
    fn line(&self) -> usize;
    fn title(&self) -> &str;
    fn alt_titles(&self) -> impl Iterator<Item = &str>;
    fn composers(&self) -> impl Iterator<Item = &str>;
    /// Labels and release labels, as [`written_labels`] gives them.
    fn labels(&self) -> impl Iterator<Item = &str>;
    fn year(&self) -> Option<i32>;
    /// The earliest year of the mention's releases.
    fn release_year(&self) -> Option<i32>;
    fn confidence(&self) -> f32;
}

impl Keys for Mention {
    fn source(&self) -> &str {
        &self.source
    }
    fn line(&self) -> usize {
        self.line
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn alt_titles(&self) -> impl Iterator<Item = &str> {
        self.alt_titles.iter().map(String::as_str)
    }
    fn composers(&self) -> impl Iterator<Item = &str> {
        self.composers.iter().map(String::as_str)
    }
    fn labels(&self) -> impl Iterator<Item = &str> {
        written_labels(self).map(String::as_str)
    }
    fn year(&self) -> Option<i32> {
        self.year
    }
    fn release_year(&self) -> Option<i32> {
        self.releases.iter().filter_map(|r| r.year).min()
    }
    fn confidence(&self) -> f32 {
        self.confidence
    }
}

/// A spilled mention read where it lies, its strings borrowed: debug builds check the digests
/// made from these against those made from whole mentions.
impl Keys for MentionView<'_> {
    fn source(&self) -> &str {
        self.source
    }
    fn line(&self) -> usize {
        self.line
    }
    fn title(&self) -> &str {
        self.title
    }
    fn alt_titles(&self) -> impl Iterator<Item = &str> {
        self.alt_titles.iter().copied()
    }
    fn composers(&self) -> impl Iterator<Item = &str> {
        self.composers.iter().copied()
    }
    fn labels(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().copied().chain(self.releases.iter().filter_map(|r| r.label))
    }
    fn year(&self) -> Option<i32> {
        self.year
    }
    fn release_year(&self) -> Option<i32> {
        self.releases.iter().filter_map(|r| r.year).min()
    }
    fn confidence(&self) -> f32 {
        self.confidence
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layout, Release};

    #[test]
    fn a_digest_keeps_every_key_resolution_compares() {
        let mut a = Mention::new("b.txt", 7, Layout::Table, "Heat".into());
        a.alt_titles = vec!["Heat (1995)".into()];
        a.composers = vec!["Elliot Goldenthal".into(), "Moby".into()];
        a.labels = vec!["Warner".into()];
        a.releases = vec![
            Release { label: Some("WaterTower".into()), year: Some(2016), edition: None },
            Release { label: None, year: Some(1995), edition: None },
        ];
        let b = Mention::new("a.txt", 3, Layout::Table, "Moby".into());
        let d = Digests::build([a, b].as_slice()).unwrap();
        assert_eq!(d.titles(0).collect::<Vec<_>>(), ["Heat", "Heat (1995)"]);
        let names = |ids: &[u32]| ids.iter().map(|&s| d.str(s).to_string()).collect::<Vec<_>>();
        assert_eq!(names(d.composers(0)), ["Elliot Goldenthal", "Moby"]);
        assert_eq!(names(d.labels(0)), ["Warner", "WaterTower"]);
        assert_eq!(d.get(0).release_year(), Some(1995));
        assert!(d.composers(1).is_empty() && d.labels(1).is_empty());
        // "a.txt" sorts first although it was seen second.
        assert!(d.order_key(1) < d.order_key(0));
        assert_eq!(d.reference(0), "b.txt:7");
        let mut titles = names(&d.distinct_title_ids());
        titles.sort();
        assert_eq!(titles, ["Heat", "Heat (1995)", "Moby"]);
        assert_eq!(d.distinct_composers(), ["Elliot Goldenthal", "Moby"]);
        assert_eq!(names(d.distinct_composer_ids()), ["Elliot Goldenthal", "Moby"]);
        assert_eq!(d.distinct_labels(), ["Warner", "WaterTower"]);
    }

    proptest::proptest! {
        /// Numbers are written as `Display` writes them.
        #[test]
        fn decimals_are_written_as_display_writes_them(n in proptest::prelude::any::<u32>()) {
            let mut out = String::from("x:");
            push_decimal(&mut out, n);
            proptest::prop_assert_eq!(out, format!("x:{n}"));
        }
    }

    #[test]
    fn decimals_at_the_edges() {
        for n in [0, 9, 10, 99, 100, 1_000_000_000, u32::MAX] {
            let mut out = String::new();
            push_decimal(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    /// Keys read from a spill by position are the whole mentions' keys, raw values (left
    /// out when empty) or not; the build itself asserts it in debug builds.
    #[test]
    fn spilled_keys_are_the_mentions_keys() {
        use crate::store::{Spill, SpilledList};
        let mut a = Mention::new("b.txt", 7, Layout::Table, "Heat".into());
        a.alt_titles = vec!["Heat (1995)".into()];
        a.composers = vec!["Elliot Goldenthal".into()];
        a.releases =
            vec![Release { label: Some("WaterTower".into()), year: Some(2016), edition: Some("Deluxe".into()) }];
        a.tracks = vec![crate::model::Track { title: "Heat".into(), artist: None }];
        a.raw.insert("title".into(), "HEAT".into());
        a.reviewer = Some("Ann".into());
        a.rank = Some(3);
        let b = Mention::new("a.txt", 3, Layout::Prose, "Moby".into());
        let mut list = SpilledList::new(Spill::in_memory());
        let batch = list.write_batch(&[a.clone(), b.clone()]).unwrap();
        list.push_batch(batch);
        let spilled = Digests::build(&list).unwrap();
        let whole = Digests::build([a, b].as_slice()).unwrap();
        assert_eq!((&spilled.text, &spilled.items, &spilled.lists), (&whole.text, &whole.items, &whole.lists));
    }
}
