//! What the fuzz targets share: each input is read both as a text file and as a saved page,
//! the two ways `cuesheet::ingest::document_from_bytes` can take the same bytes.

use cuesheet::Document;

/// File names that make the same bytes a text file (sniffed for HTML) and a page.
pub const NAMES: [&str; 2] = ["fuzz.txt", "fuzz.html"];

/// Every document the bytes decode to; an input that is not text yields none.
pub fn documents(data: &[u8]) -> Vec<Document> {
    NAMES.iter().filter_map(|name| cuesheet::ingest::document_from_bytes(name, data).ok()).collect()
}
