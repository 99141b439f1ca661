//! Extraction on whatever arbitrary bytes decode to: never a panic or a hang, and every
//! mention points at a line of the document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in cuesheet_fuzz::documents(data) {
        let last = doc.blocks.iter().map(|b| b.line).max().unwrap_or(0);
        for m in cuesheet::extract::extract(&doc) {
            assert!(m.line >= 1 && m.line <= last, "line {} outside 1..={last}", m.line);
            assert!(!m.title.trim().is_empty(), "a mention has a title: {m:?}");
        }
    }
});
