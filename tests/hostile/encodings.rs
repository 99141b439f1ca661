//! Every encoding a saved article comes in yields its entries with the right diacritics.

use encoding_rs::WINDOWS_1252;

use crate::util::Workspace;
use crate::{ARTICLE, assert_article};

/// Reads one file holding `bytes` and checks its entries and the encoding reported.
fn read_as(name: &str, bytes: Vec<u8>, encoding: &str) {
    let ws = Workspace::new();
    ws.write(name, bytes);
    let out = ws.run_ok();
    assert_article(&out, name);
    assert_eq!(out.file_report(name)["encoding"], encoding);
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
    }
    bytes
}

#[test]
fn utf16_little_endian_with_bom() {
    read_as("le.txt", utf16(ARTICLE, true), "UTF-16LE");
}

#[test]
fn utf16_big_endian_with_bom() {
    read_as("be.txt", utf16(ARTICLE, false), "UTF-16BE");
}

#[test]
fn utf8_with_bom_and_crlf() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(ARTICLE.replace('\n', "\r\n").into_bytes());
    read_as("bom.md", bytes, "UTF-8");
}

/// Windows-1252 proper: the dash and quotes live in 0x80–0x9F, where Latin-1 has controls.
#[test]
fn windows_1252() {
    let text = ARTICLE.replace(" - ", " \u{2013} ").replace("Best scores", "\u{201C}Best\u{201D} scores");
    let (bytes, _, unmappable) = WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert!(bytes.contains(&0x96), "an en dash byte");
    read_as("cp1252.txt", bytes.into_owned(), "windows-1252");
}

/// ISO-8859-1: one byte per character, nothing in 0x80–0x9F. The WHATWG encoding standard reads
/// Latin-1 labels as windows-1252, which agrees on every byte that Latin-1 text uses.
#[test]
fn latin_1() {
    let bytes: Vec<u8> = ARTICLE.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text")).collect();
    assert!(bytes.iter().all(|b| !(0x80..0xA0).contains(b)));
    read_as("latin1.txt", bytes, "windows-1252");
}

/// UTF-8 read as Windows-1252 and saved again as UTF-8: "AmÃ©lie".
#[test]
fn utf8_double_encoded_mojibake_is_repaired() {
    let (garbled, _, _) = WINDOWS_1252.decode(ARTICLE.as_bytes());
    assert!(garbled.contains("AmÃ©lie"));
    read_as("mojibake.txt", garbled.into_owned().into_bytes(), "UTF-8");
}
