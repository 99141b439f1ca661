//! Lines of mentions.jsonl written by hand, byte for byte as `serde_json` writes a
//! [`Mention`]: its derived serializer escaped every field name and went through the serde
//! machinery per value, about 7,000 instructions a mention, a quarter of writing the files.
//! Debug builds (the tests) check every line against `serde_json`, and a property test does
//! over arbitrary mentions.

use std::io;

use crate::model::{Mention, Release, Track};

/// Appends `m` as one JSON object, without a line end.
pub fn write_mention(out: &mut Vec<u8>, m: &Mention) -> io::Result<()> {
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
    out.extend_from_slice(b"{\"source\":");
    string(out, source);
    out.extend_from_slice(b",\"line\":");
    integer(out, *line);
    out.extend_from_slice(b",\"layout\":\"");
    out.extend_from_slice(layout.as_str().as_bytes());
    out.extend_from_slice(b"\",\"title\":");
    string(out, title);
    out.extend_from_slice(b",\"alt_titles\":");
    strings(out, alt_titles);
    out.extend_from_slice(b",\"year\":");
    optional_integer(out, *year);
    out.extend_from_slice(b",\"composers\":");
    strings(out, composers);
    out.extend_from_slice(b",\"labels\":");
    strings(out, labels);
    out.extend_from_slice(b",\"releases\":");
    list(out, releases, release)?;
    out.extend_from_slice(b",\"tracks\":");
    list(out, tracks, track)?;
    out.extend_from_slice(b",\"rank\":");
    optional_integer(out, *rank);
    out.extend_from_slice(if *honourable_mention {
        b",\"honourable_mention\":true,\"reviewer\":"
    } else {
        b",\"honourable_mention\":false,\"reviewer\":"
    });
    optional_string(out, reviewer.as_deref());
    out.extend_from_slice(b",\"confidence\":");
    // Floats go through serde_json itself: its shortest round-trip form is the contract.
    serde_json::to_writer(&mut *out, confidence)?;
    out.extend_from_slice(b",\"soundtrack_id\":");
    string(out, soundtrack_id);
    // Skipped when empty, as the model's `skip_serializing_if` says.
    if !raw.is_empty() {
        out.extend_from_slice(b",\"raw\":{");
        for (n, (key, value)) in raw.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            string(out, key);
            out.push(b':');
            string(out, value);
        }
        out.push(b'}');
    }
    out.push(b'}');
    Ok(())
}

fn release(out: &mut Vec<u8>, r: &Release) -> io::Result<()> {
    let Release { label, year, edition } = r;
    out.extend_from_slice(b"{\"label\":");
    optional_string(out, label.as_deref());
    out.extend_from_slice(b",\"year\":");
    optional_integer(out, *year);
    out.extend_from_slice(b",\"edition\":");
    optional_string(out, edition.as_deref());
    out.push(b'}');
    Ok(())
}

fn track(out: &mut Vec<u8>, t: &Track) -> io::Result<()> {
    let Track { title, artist } = t;
    out.extend_from_slice(b"{\"title\":");
    string(out, title);
    out.extend_from_slice(b",\"artist\":");
    optional_string(out, artist.as_deref());
    out.push(b'}');
    Ok(())
}

/// A JSON array of `items`, each written by `item`.
pub(super) fn list<T>(
    out: &mut Vec<u8>,
    items: &[T],
    mut item: impl FnMut(&mut Vec<u8>, &T) -> io::Result<()>,
) -> io::Result<()> {
    out.push(b'[');
    for (n, x) in items.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        item(out, x)?;
    }
    out.push(b']');
    Ok(())
}

/// A JSON array of strings.
pub(super) fn strings<S: AsRef<str>>(out: &mut Vec<u8>, items: &[S]) {
    out.push(b'[');
    for (n, s) in items.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        string(out, s.as_ref());
    }
    out.push(b']');
}

pub(super) fn integer(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

pub(super) fn optional_integer(out: &mut Vec<u8>, n: Option<impl itoa::Integer>) {
    match n {
        Some(n) => integer(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

pub(super) fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped as `serde_json` escapes: `"` and `\`, the five controls
/// with a short form, other controls as `\u00xx`; nothing else (not `/`, not non-ASCII).
pub(super) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while none of them needs escaping (almost every string).
        if let Some(word) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            if !needs_escape(word) {
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\t' => b't',
            b'\r' => b'r',
            0x08 => b'b',
            0x0C => b'f',
            0x00..=0x1F => b'u',
            _ => {
                at += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..at]);
        out.extend_from_slice(&[b'\\', short]);
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
        }
        at += 1;
        start = at;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether any byte of `word` is below 0x20, `"` or `\`. The classic zero-byte tests: a
/// byte's high bit is set in `(x - 0x01…) & !x & 0x80…` only if some byte is zero (or, for
/// the "less than" form, below `n`), and it is never set when none is.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    (below_space | zero_in(word ^ (ONES * u64::from(b'"'))) | zero_in(word ^ (ONES * u64::from(b'\\')))) != 0
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{Layout, arbitrary_mention, arbitrary_text};

    fn hand(m: &Mention) -> String {
        let mut out = Vec::new();
        write_mention(&mut out, m).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_full_mention_is_written_as_serde_json_writes_it() {
        let mut m = Mention::new("dir/a \"b\".md", 12, Layout::RankedList, "Tab\there\\ \u{1}\u{7f} é ✓".into());
        m.alt_titles = vec!["One".into(), "Two\n".into()];
        m.year = Some(-5);
        m.composers = vec!["Bebe Barron".into()];
        m.releases = vec![Release { label: Some("Milan".into()), year: None, edition: Some("LP".into()) }];
        m.tracks = vec![Track { title: "Song".into(), artist: None }];
        m.rank = Some(3);
        m.honourable_mention = true;
        m.reviewer = Some("A. Critic".into());
        m.confidence = 0.825;
        m.soundtrack_id = "x-1999".into();
        m.raw = BTreeMap::from([("title".into(), "TITLE\u{0c}".into()), ("composers".into(), "a; b".into())]);
        assert_eq!(hand(&m), serde_json::to_string(&m).unwrap());
        m.raw.clear();
        m.confidence = f32::NAN;
        assert_eq!(hand(&m), serde_json::to_string(&m).unwrap());
    }

    #[test]
    fn escapes_are_found_in_every_byte_of_a_word() {
        for at in 0..16 {
            for special in ["\"", "\\", "\u{0}", "\u{8}", "\u{1f}", "\n"] {
                let s = format!("{}{special}{}", "a".repeat(at), "b".repeat(16 - at));
                let mut out = Vec::new();
                string(&mut out, &s);
                assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_mention_is_written_as_serde_json_writes_it(m in arbitrary_mention()) {
            prop_assert_eq!(hand(&m), serde_json::to_string(&m).unwrap());
        }

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in arbitrary_text()) {
            let mut out = Vec::new();
            string(&mut out, &s);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }
}
