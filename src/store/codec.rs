//! How a [`Mention`] is laid out in the spill: the length of its outline (a LEB128 varint),
//! the outline, then the bytes of all its strings one after another. The outline holds its
//! fields in order: lengths and counts as varints, options behind a 0/1 tag, numbers
//! little-endian. Every mention is read back four times (lending titles, digests, records,
//! the output files); with the strings together, a read checks their UTF-8 once instead of
//! once a string (a mention has about eleven).
//!
//! [`MentionView`] reads a spilled mention without copying a string, for the readers that
//! need only some of its fields. Malformed bytes are an `InvalidData` error, never a panic.

use std::collections::BTreeMap;
use std::io;

use crate::model::{Layout, Mention, Release, Track};

/// Appends `m`'s encoding to `out`.
pub fn encode_mention(out: &mut Vec<u8>, m: &Mention) {
    // Destructured so that a new field cannot be left out without a compile error.
    let Mention {
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
    } = m;
    let mut w = Writer { outline: Vec::with_capacity(64), strings: Vec::with_capacity(256) };
    w.str(source);
    w.varint(*line as u64);
    w.outline.push(*layout as u8);
    w.str(title);
    w.strs(alt_titles);
    w.opt_i32(*year);
    w.strs(composers);
    w.strs(labels);
    w.varint(releases.len() as u64);
    for Release { label, year, edition } in releases {
        w.opt_str(label.as_deref());
        w.opt_i32(*year);
        w.opt_str(edition.as_deref());
    }
    w.varint(tracks.len() as u64);
    for Track { title, artist } in tracks {
        w.str(title);
        w.opt_str(artist.as_deref());
    }
    w.opt_u32(*rank);
    w.outline.push(u8::from(*honourable_mention));
    w.opt_str(reviewer.as_deref());
    w.outline.extend_from_slice(&confidence.to_bits().to_le_bytes());
    w.str(soundtrack_id);
    w.varint(raw.len() as u64);
    for (key, value) in raw {
        w.str(key);
        w.str(value);
    }
    push_varint(out, w.outline.len() as u64);
    out.extend_from_slice(&w.outline);
    out.extend_from_slice(&w.strings);
}

/// The mention encoded in `bytes` (all of them).
pub fn decode_mention(bytes: &[u8]) -> io::Result<Mention> {
    let v = MentionView::read(bytes)?;
    let owned = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
    Ok(Mention {
        source: v.source.to_owned(),
        line: v.line,
        layout: v.layout,
        title: v.title.to_owned(),
        alt_titles: owned(&v.alt_titles),
        year: v.year,
        composers: owned(&v.composers),
        labels: owned(&v.labels),
        releases: v
            .releases
            .iter()
            .map(|r| Release { label: r.label.map(str::to_owned), year: r.year, edition: r.edition.map(str::to_owned) })
            .collect(),
        tracks: v
            .tracks
            .iter()
            .map(|&(title, artist)| Track { title: title.to_owned(), artist: artist.map(str::to_owned) })
            .collect(),
        rank: v.rank,
        honourable_mention: v.honourable_mention,
        reviewer: v.reviewer.map(str::to_owned),
        confidence: v.confidence,
        soundtrack_id: v.soundtrack_id.to_owned(),
        raw: v.raw.iter().map(|&(k, v)| (k.to_owned(), v.to_owned())).collect::<BTreeMap<_, _>>(),
    })
}

/// A spilled mention whose strings are borrowed from the bytes it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionView<'a> {
    pub source: &'a str,
    pub line: usize,
    pub layout: Layout,
    pub title: &'a str,
    pub alt_titles: Vec<&'a str>,
    pub year: Option<i32>,
    pub composers: Vec<&'a str>,
    pub labels: Vec<&'a str>,
    pub releases: Vec<ReleaseView<'a>>,
    /// (title, artist)
    pub tracks: Vec<(&'a str, Option<&'a str>)>,
    pub rank: Option<u32>,
    pub honourable_mention: bool,
    pub reviewer: Option<&'a str>,
    pub confidence: f32,
    pub soundtrack_id: &'a str,
    pub raw: Vec<(&'a str, &'a str)>,
}

/// A release of a [`MentionView`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReleaseView<'a> {
    pub label: Option<&'a str>,
    pub year: Option<i32>,
    pub edition: Option<&'a str>,
}

impl<'a> MentionView<'a> {
    /// The mention encoded in `bytes` (all of them).
    pub fn read(bytes: &'a [u8]) -> io::Result<Self> {
        let mut r = Reader::new(bytes)?;
        let view = MentionView {
            source: r.str()?,
            line: usize::try_from(r.varint()?).map_err(|_| invalid("line out of range"))?,
            layout: *Layout::ALL.get(usize::from(r.byte()?)).ok_or_else(|| invalid("unknown layout"))?,
            title: r.str()?,
            alt_titles: r.list(Reader::str)?,
            year: r.opt_i32()?,
            composers: r.list(Reader::str)?,
            labels: r.list(Reader::str)?,
            releases: r.list(|r| Ok(ReleaseView { label: r.opt_str()?, year: r.opt_i32()?, edition: r.opt_str()? }))?,
            tracks: r.list(|r| Ok((r.str()?, r.opt_str()?)))?,
            rank: r.opt_u32()?,
            honourable_mention: match r.byte()? {
                0 => false,
                1 => true,
                _ => return Err(invalid("flag neither 0 nor 1")),
            },
            reviewer: r.opt_str()?,
            confidence: f32::from_bits(u32::from_le_bytes(r.array()?)),
            soundtrack_id: r.str()?,
            raw: r.list(|r| Ok((r.str()?, r.str()?)))?,
        };
        if !r.is_done() {
            return Err(invalid("bytes left after a mention"));
        }
        Ok(view)
    }
}

/// A mention's outline and its strings, written apart.
struct Writer {
    outline: Vec<u8>,
    strings: Vec<u8>,
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

impl Writer {
    fn varint(&mut self, n: u64) {
        push_varint(&mut self.outline, n);
    }

    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.strings.extend_from_slice(s.as_bytes());
    }

    fn strs(&mut self, items: &[String]) {
        self.varint(items.len() as u64);
        items.iter().for_each(|s| self.str(s));
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.outline.push(u8::from(s.is_some()));
        s.into_iter().for_each(|s| self.str(s));
    }

    fn opt_i32(&mut self, n: Option<i32>) {
        self.outline.push(u8::from(n.is_some()));
        n.into_iter().for_each(|n| self.outline.extend_from_slice(&n.to_le_bytes()));
    }

    fn opt_u32(&mut self, n: Option<u32>) {
        self.outline.push(u8::from(n.is_some()));
        n.into_iter().for_each(|n| self.outline.extend_from_slice(&n.to_le_bytes()));
    }
}

/// Reads an outline, taking each string from the strings after it in turn.
struct Reader<'a> {
    outline: &'a [u8],
    at: usize,
    strings: &'a str,
    next: usize,
}

impl<'a> Reader<'a> {
    /// A reader of the mention encoded in `bytes`, whose strings are checked here, once.
    fn new(bytes: &'a [u8]) -> io::Result<Self> {
        let mut head = Reader { outline: bytes, at: 0, strings: "", next: 0 };
        let outline_len = head.len()?;
        let outline = head.take(outline_len)?;
        let strings = std::str::from_utf8(&bytes[head.at..]).map_err(|_| invalid("strings not UTF-8"))?;
        Ok(Reader { outline, at: 0, strings, next: 0 })
    }

    /// Whether every byte of the outline and every string was read.
    fn is_done(&self) -> bool {
        self.at == self.outline.len() && self.next == self.strings.len()
    }

    fn take(&mut self, n: usize) -> io::Result<&'a [u8]> {
        let end =
            self.at.checked_add(n).filter(|&end| end <= self.outline.len()).ok_or_else(|| invalid("truncated"))?;
        let taken = &self.outline[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> io::Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        Ok(self.take(N)?.try_into().expect("took N bytes"))
    }

    fn varint(&mut self) -> io::Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(invalid("varint too long"))
    }

    /// A length or count. None can exceed the bytes left (a string's, the strings left): checked
    /// here so a corrupt count never reserves memory it does not describe.
    fn len(&mut self) -> io::Result<usize> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&n| n <= (self.outline.len() - self.at).max(self.strings.len() - self.next))
            .ok_or_else(|| invalid("length past the end"))
    }

    fn str(&mut self) -> io::Result<&'a str> {
        let n = self.len()?;
        let s = self.strings.get(self.next..self.next + n).ok_or_else(|| invalid("string past the end"))?;
        self.next += n;
        Ok(s)
    }

    fn list<T>(&mut self, item: impl Fn(&mut Self) -> io::Result<T>) -> io::Result<Vec<T>> {
        let n = self.len()?;
        (0..n).map(|_| item(self)).collect()
    }

    fn present(&mut self) -> io::Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(invalid("option tag neither 0 nor 1")),
        }
    }

    fn opt_str(&mut self) -> io::Result<Option<&'a str>> {
        if self.present()? { self.str().map(Some) } else { Ok(None) }
    }

    fn opt_i32(&mut self) -> io::Result<Option<i32>> {
        if self.present()? { Ok(Some(i32::from_le_bytes(self.array()?))) } else { Ok(None) }
    }

    fn opt_u32(&mut self) -> io::Result<Option<u32>> {
        if self.present()? { Ok(Some(u32::from_le_bytes(self.array()?))) } else { Ok(None) }
    }
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("spilled mention: {what}"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::arbitrary_mention;

    fn encoded(m: &Mention) -> Vec<u8> {
        let mut out = Vec::new();
        encode_mention(&mut out, m);
        out
    }

    #[test]
    fn a_mention_with_every_field_and_odd_numbers_comes_back_whole() {
        let mut m = Mention::new("a/b.md", usize::MAX, Layout::Prose, "Tïtle".into());
        m.year = Some(i32::MIN);
        m.rank = Some(u32::MAX);
        m.confidence = f32::NAN;
        m.releases = vec![Release { label: None, year: Some(-1), edition: Some(String::new()) }];
        m.raw.insert("title".into(), "TÏTLE".into());
        let back = decode_mention(&encoded(&m)).unwrap();
        assert_eq!(back.confidence.to_bits(), m.confidence.to_bits());
        m.confidence = 0.5;
        let back = decode_mention(&encoded(&m)).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn a_long_string_needs_a_varint_of_several_bytes() {
        let m = Mention::new("a.md", 1, Layout::Table, "x".repeat(70_000));
        assert_eq!(decode_mention(&encoded(&m)).unwrap(), m);
    }

    proptest! {
        #[test]
        fn any_mention_comes_back_whole(m in arbitrary_mention()) {
            let bytes = encoded(&m);
            let back = decode_mention(&bytes).unwrap();
            // NaN is not equal to itself: compared by bits, then the rest.
            prop_assert_eq!(back.confidence.to_bits(), m.confidence.to_bits());
            prop_assert_eq!(Mention { confidence: 0.0, ..back }, Mention { confidence: 0.0, ..m });
        }

        #[test]
        fn a_cut_or_padded_encoding_is_an_error(m in arbitrary_mention(), cut in any::<prop::sample::Index>()) {
            let bytes = encoded(&m);
            let cut = cut.index(bytes.len());
            prop_assert!(MentionView::read(&bytes[..cut]).is_err());
            let mut padded = bytes.clone();
            padded.push(0);
            prop_assert!(MentionView::read(&padded).is_err());
        }

        #[test]
        fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = MentionView::read(&bytes);
        }
    }
}
