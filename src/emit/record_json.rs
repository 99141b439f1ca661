//! Records written by hand as `serde_json` writes them: an element of the pretty-printed
//! soundtracks.json, and a line of explain.jsonl. As for mentions (`super::json`), the derived
//! serializers escaped every field name and went through serde per value; with records of
//! many sources that was most of writing them. Debug builds check every record against
//! `serde_json`, and property tests do over arbitrary records.

use std::io;

use super::json::{integer, list, optional_integer, optional_string, string, strings};
use crate::model::{Release, Soundtrack, SourceRef, Track};
use crate::resolve::explain::{FieldValue, Merge, MergeReason, RecordExplanation};
use crate::resolve::scoring::PairScore;

/// Appends `r` as `serde_json`'s pretty printer writes it, every line but the first indented
/// by `indent` spaces more (an element of a pretty array has `indent` 2).
pub fn write_pretty_soundtrack(out: &mut Vec<u8>, r: &Soundtrack, indent: usize) {
    let Soundtrack { id, title, alt_titles, year, composers, labels, releases, tracks, sources, mention_count } = r;
    let mut o = Pretty::object(out, indent);
    o.key("id");
    string(o.out, id);
    o.key("title");
    string(o.out, title);
    o.key("alt_titles");
    o.strings(alt_titles);
    o.key("year");
    optional_integer(o.out, *year);
    o.key("composers");
    o.strings(composers);
    o.key("labels");
    o.strings(labels);
    o.key("releases");
    o.objects(releases, |o, Release { label, year, edition }| {
        o.key("label");
        optional_string(o.out, label.as_deref());
        o.key("year");
        optional_integer(o.out, *year);
        o.key("edition");
        optional_string(o.out, edition.as_deref());
    });
    o.key("tracks");
    o.objects(tracks, |o, Track { title, artist }| {
        o.key("title");
        string(o.out, title);
        o.key("artist");
        optional_string(o.out, artist.as_deref());
    });
    o.key("sources");
    o.objects(sources, |o, SourceRef { source, line, rank }| {
        o.key("source");
        string(o.out, source);
        o.key("line");
        integer(o.out, *line);
        o.key("rank");
        optional_integer(o.out, *rank);
    });
    o.key("mention_count");
    integer(o.out, *mention_count);
    o.end();
}

/// An object being written pretty: keys on their own lines, one level deeper than its braces.
struct Pretty<'o> {
    out: &'o mut Vec<u8>,
    indent: usize,
    empty: bool,
}

impl<'o> Pretty<'o> {
    fn object(out: &'o mut Vec<u8>, indent: usize) -> Self {
        out.push(b'{');
        Pretty { out, indent, empty: true }
    }

    /// Starts the next line at the object's inner depth, after a comma unless it is the first.
    fn next_line(&mut self) {
        self.out.extend_from_slice(if self.empty { b"\n" } else { b",\n" });
        self.empty = false;
        self.out.resize(self.out.len() + self.indent + 2, b' ');
    }

    fn key(&mut self, name: &str) {
        self.next_line();
        string(self.out, name);
        self.out.extend_from_slice(b": ");
    }

    fn end(self) {
        if !self.empty {
            self.out.push(b'\n');
            self.out.resize(self.out.len() + self.indent, b' ');
        }
        self.out.push(b'}');
    }

    /// An array one level deeper than this object's keys, each item written by `item`.
    fn array<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Pretty<'_>, &T)) {
        if items.is_empty() {
            self.out.extend_from_slice(b"[]");
            return;
        }
        self.out.push(b'[');
        let mut inner = Pretty { out: &mut *self.out, indent: self.indent + 2, empty: true };
        for x in items {
            inner.next_line();
            item(&mut inner, x);
        }
        inner.out.push(b'\n');
        inner.out.resize(inner.out.len() + self.indent + 2, b' ');
        inner.out.push(b']');
    }

    fn strings(&mut self, items: &[String]) {
        self.array(items, |a, s| string(a.out, s));
    }

    fn objects<T>(&mut self, items: &[T], fields: impl Fn(&mut Pretty<'_>, &T)) {
        self.array(items, |a, x| {
            let mut o = Pretty::object(a.out, a.indent + 2);
            fields(&mut o, x);
            o.end();
        });
    }
}

/// Appends `e` as one compact JSON object, without a line end.
pub fn write_explanation(out: &mut Vec<u8>, e: &RecordExplanation) -> io::Result<()> {
    let RecordExplanation { id, title, year, mention_count, fields, same_keys, merges } = e;
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"title\":");
    string(out, title);
    out.extend_from_slice(b",\"year\":");
    optional_integer(out, *year);
    out.extend_from_slice(b",\"mention_count\":");
    integer(out, *mention_count);
    out.extend_from_slice(b",\"fields\":");
    list(out, fields, |out, FieldValue { field, value, sources, spellings }| {
        out.extend_from_slice(b"{\"field\":");
        string(out, field);
        out.extend_from_slice(b",\"value\":");
        string(out, value);
        out.extend_from_slice(b",\"sources\":");
        strings(out, sources);
        if !spellings.is_empty() {
            out.extend_from_slice(b",\"spellings\":");
            strings(out, spellings);
        }
        out.push(b'}');
        Ok(())
    })?;
    if !same_keys.is_empty() {
        out.extend_from_slice(b",\"same_keys\":");
        list(out, same_keys, |out, group| {
            strings(out, group);
            Ok(())
        })?;
    }
    out.extend_from_slice(b",\"merges\":");
    list(out, merges, merge)?;
    out.push(b'}');
    Ok(())
}

fn merge(out: &mut Vec<u8>, m: &Merge) -> io::Result<()> {
    let Merge { a, a_title, b, b_title, reason, score } = m;
    out.extend_from_slice(b"{\"a\":");
    string(out, a);
    out.extend_from_slice(b",\"a_title\":");
    string(out, a_title);
    out.extend_from_slice(b",\"b\":");
    string(out, b);
    out.extend_from_slice(b",\"b_title\":");
    string(out, b_title);
    out.extend_from_slice(match reason {
        MergeReason::Score => b",\"reason\":\"score\"",
        MergeReason::Override => b",\"reason\":\"override\"",
    });
    if let Some(PairScore { title, year, composers, labels, total }) = score {
        // Floats go through serde_json itself: its shortest round-trip form is the contract.
        for (key, value) in [
            (&b",\"score\":{\"title\":"[..], title),
            (b",\"year\":", year),
            (b",\"composers\":", composers),
            (b",\"labels\":", labels),
            (b",\"total\":", total),
        ] {
            out.extend_from_slice(key);
            serde_json::to_writer(&mut *out, value)?;
        }
        out.push(b'}');
    }
    out.push(b'}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{arbitrary_soundtrack, arbitrary_text};

    /// The old path: serde_json's pretty printer, every line after the first indented.
    fn serde_element(r: &Soundtrack) -> String {
        let pretty = serde_json::to_string_pretty(r).unwrap();
        pretty.replace('\n', "\n  ")
    }

    fn hand_element(r: &Soundtrack) -> String {
        let mut out = Vec::new();
        write_pretty_soundtrack(&mut out, r, 2);
        String::from_utf8(out).unwrap()
    }

    fn hand_explanation(e: &RecordExplanation) -> String {
        let mut out = Vec::new();
        write_explanation(&mut out, e).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn arbitrary_explanation() -> impl Strategy<Value = RecordExplanation> {
        let shared = || proptest::collection::vec(arbitrary_text().prop_map(Arc::from), 0..3);
        let field =
            (arbitrary_text(), arbitrary_text(), shared(), proptest::collection::vec(arbitrary_text(), 0..2)).prop_map(
                |(field, value, sources, spellings)| FieldValue { field: field.into(), value, sources, spellings },
            );
        let score =
            proptest::option::of(any::<[f64; 5]>().prop_map(|[title, year, composers, labels, total]| PairScore {
                title,
                year,
                composers,
                labels,
                total,
            }));
        let merge = ((arbitrary_text(), arbitrary_text(), arbitrary_text(), arbitrary_text()), any::<bool>(), score)
            .prop_map(|((a, a_title, b, b_title), by_score, score)| Merge {
                a,
                a_title,
                b,
                b_title,
                reason: if by_score { MergeReason::Score } else { MergeReason::Override },
                score,
            });
        (
            (arbitrary_text(), arbitrary_text(), proptest::option::of(any::<i32>()), any::<usize>()),
            proptest::collection::vec(field, 0..3),
            proptest::collection::vec(shared(), 0..3),
            proptest::collection::vec(merge, 0..3),
        )
            .prop_map(|((id, title, year, mention_count), fields, same_keys, merges)| RecordExplanation {
                id,
                title,
                year,
                mention_count,
                fields,
                same_keys,
                merges,
            })
    }

    #[test]
    fn a_record_with_empty_lists_is_written_as_serde_json_writes_it() {
        let r = Soundtrack {
            id: "a".into(),
            title: "A".into(),
            alt_titles: Vec::new(),
            year: None,
            composers: Vec::new(),
            labels: Vec::new(),
            releases: Vec::new(),
            tracks: Vec::new(),
            sources: Vec::new(),
            mention_count: 0,
        };
        assert_eq!(hand_element(&r), serde_element(&r));
    }

    proptest! {
        #[test]
        fn any_record_is_written_as_serde_json_pretty_prints_it(r in arbitrary_soundtrack()) {
            prop_assert_eq!(hand_element(&r), serde_element(&r));
        }

        #[test]
        fn any_explanation_is_written_as_serde_json_writes_it(e in arbitrary_explanation()) {
            prop_assert_eq!(hand_explanation(&e), serde_json::to_string(&e).unwrap());
        }
    }
}
