//! Decoding and block building on arbitrary bytes: never a panic or a hang, and every block
//! keeps the promises extraction relies on.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in cuesheet_fuzz::documents(data) {
        assert!(!doc.blocks.is_empty(), "an empty document is reported as NoText");
        for block in &doc.blocks {
            assert!(block.line >= 1, "lines are 1-based: {block:?}");
            assert!(!block.text.trim().is_empty(), "no blank blocks: {block:?}");
        }
    }
});
