//! Bytes → text: byte-order marks, UTF-16 without a mark, UTF-8, legacy encodings guessed
//! with chardetng, binary detection, line endings and mojibake repair.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::FileError;
use crate::normalize::{clean_text, repair_mojibake};

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// True when mojibake was found and repaired.
    pub repaired: bool,
}

/// How many leading bytes are inspected to tell text from binary and to spot UTF-16.
const SNIFF_LEN: usize = 8192;

/// Decodes a file's bytes. `declared` is a charset the file names itself (HTML `<meta>`),
/// trusted only when the bytes are not valid UTF-8.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, FileError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    let (encoding, body) = detect(bytes, declared)?;
    let (text, _, _) = encoding.decode(body);
    let text = normalise_line_endings(&text);
    let repaired_text = repair_mojibake(&text);
    let repaired = matches!(repaired_text, std::borrow::Cow::Owned(_));
    let text = clean_text(&repaired_text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(Decoded { text, encoding: encoding.name(), repaired })
}

/// Picks the encoding and strips any byte-order mark.
fn detect<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<(&'static Encoding, &'a [u8]), FileError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((enc, &bytes[bom_len..]));
    }
    if let Some(enc) = utf16_without_bom(bytes)
        && is_text_in(enc, bytes)
    {
        return Ok((enc, bytes));
    }
    check_not_binary(bytes)?;
    if std::str::from_utf8(bytes).is_ok() {
        return Ok((UTF_8, bytes));
    }
    // A truncated multi-byte character at the very end still means UTF-8.
    if let Err(e) = std::str::from_utf8(bytes)
        && e.error_len().is_none()
        && e.valid_up_to() + 4 > bytes.len()
    {
        return Ok((UTF_8, bytes));
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8 && e.is_single_byte()) {
        return Ok((enc, bytes));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(1 << 20)], true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // chardetng never answers UTF-8 for invalid UTF-8; Latin-1 files land on windows-1252.
    let enc = if guess == UTF_8 { WINDOWS_1252 } else { guess };
    Ok((enc, bytes))
}

/// UTF-16 text without a BOM has a zero byte in every other position for Latin text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    // Without a zero byte there are no zero halves (most files: no count needed).
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // At least 60 % of the pairs; compared without division, which rounded 1 of 3 up to enough.
    let enough = |zeros: usize| zeros * 10 >= pairs * 6;
    if enough(odd_zero) && even_zero * 20 < pairs {
        Some(UTF_16LE)
    } else if enough(even_zero) && odd_zero * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether the start of `bytes` read as `enc` is text. A binary file with many zero bytes
/// (`ab\0\x01…`) can pass the UTF-16 zero-byte test; its decoded characters give it away.
fn is_text_in(enc: &'static Encoding, bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let (text, _) = enc.decode_without_bom_handling(sample);
    let total = text.chars().count();
    let bad = text
        .chars()
        .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')))
        .count();
    !text.contains('\0') && bad * 20 <= total
}

/// Text files have no NUL bytes and few control characters.
fn check_not_binary(bytes: &[u8]) -> Result<(), FileError> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return Err(FileError::Binary("contains NUL bytes".into()));
    }
    let controls = count_controls(sample);
    if controls * 20 > sample.len() {
        return Err(FileError::Binary("too many control bytes".into()));
    }
    if looks_like_known_binary(sample) {
        return Err(FileError::Binary("file signature of a binary format".into()));
    }
    Ok(())
}

/// Control bytes other than the whitespace ones (tab, line feed, form feed, return). The
/// tests are combined with `&` rather than `&&`, and counted in bytes over chunks too short to
/// overflow one, so the count has no branch and vectorises.
fn count_controls(sample: &[u8]) -> usize {
    let is_control = |b: u8| u8::from((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C));
    sample.chunks(255).map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + is_control(b)))).sum()
}

/// Magic numbers of common binary files that a browser might save beside an article.
fn looks_like_known_binary(sample: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 8] =
        [b"%PDF-", b"\x89PNG", b"GIF8", b"\xFF\xD8\xFF", b"PK\x03\x04", b"\x1F\x8B", b"\x7FELF", b"RIFF"];
    SIGNATURES.iter().any(|sig| sample.starts_with(sig))
}

/// CRLF and lone CR become LF.
fn normalise_line_endings(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The charset an HTML file declares in `<meta charset>` or `http-equiv`, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    // Searched in place, ignoring ASCII case: lower-casing a copy of every file's head cost
    // more than the search.
    static CHARSET: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::builder().ascii_case_insensitive(true).build(["charset="]).expect("one literal"));
    let head = &bytes[..bytes.len().min(4096)];
    let pos = CHARSET.find(head)?.end();
    let rest = &head[pos..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')).unwrap_or(rest.len());
    // `for_label` ignores ASCII case.
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v
    }

    #[test]
    fn utf8_with_bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBFJ\xC3\xB3hann\r\nline", None).unwrap();
        assert_eq!(d.text, "Jóhann\nline");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for bom in [true, false] {
            let d = decode(&utf16le("Jóhann Jóhannsson ~ Arrival", bom), None).unwrap();
            assert_eq!(d.text, "Jóhann Jóhannsson ~ Arrival");
            assert_eq!(d.encoding, "UTF-16LE");
        }
    }

    #[test]
    fn windows_1252() {
        let d = decode(b"Var\xE8se Sarabande \x96 Caf\xE9 \x93Song\x94", None).unwrap();
        assert_eq!(d.text, "Varèse Sarabande – Café “Song”");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn double_encoded_utf8_is_repaired() {
        let d = decode("JÃ³hann JÃ³hannsson".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Jóhann Jóhannsson");
        assert!(d.repaired);
    }

    #[test]
    fn controls_are_counted_without_whitespace() {
        assert_eq!(count_controls(b"a\tb\nc\rd\x0Ce"), 0);
        assert_eq!(count_controls(b"\x00\x01\x1F \x7F\x1B"), 4);
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(count_controls(&all), 28);
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b"  \n\t", None), Err(FileError::Empty));
        assert!(matches!(decode(b"abc\x00\x01\x02def", None), Err(FileError::Binary(_))));
        // Short binaries, and binaries of small 16-bit numbers, can look like UTF-16 by
        // their zero bytes alone.
        for bytes in [&b"abc\x00\x01\x02"[..], b"\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00"] {
            assert!(matches!(decode(bytes, None), Err(FileError::Binary(_))), "{bytes:?}");
        }
        assert!(matches!(decode(b"%PDF-1.4 stuff", None), Err(FileError::Binary(_))));
    }

    #[test]
    fn meta_charset_is_read() {
        let html = b"<html><head><meta charset=\"windows-1252\"></head>";
        assert_eq!(declared_charset(html), Some(WINDOWS_1252));
        let shouted = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET=ISO-8859-1\">";
        assert_eq!(declared_charset(shouted), Some(WINDOWS_1252));
        assert_eq!(declared_charset(b"<p>no declaration</p>"), None);
    }
}
