//! Property tests: ingest and extraction, through the public API, never panic on arbitrary
//! text or bytes — read as a text file and as a saved page — and every mention they yield
//! points at a line of its document and has a title. (The normalisers' properties are in
//! tests/normalize_props.rs; the fuzz targets in fuzz/ run the same checks for longer.)

use cuesheet::extract::extract;
use cuesheet::ingest::document_from_bytes;
use proptest::prelude::*;

/// Fragments that make lines look like list entries, headers, fields, tables and markup.
fn listy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "1. ",
        "2) ",
        "#3 ",
        "10. ",
        "No. 4: ",
        "IV. ",
        "- ",
        "* ",
        "• ",
        "## ",
        "| ",
        " |",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "Jaws",
        "Alien",
        "The Mission",
        "Le Mépris",
        "Amélie",
        "(1975)",
        "(1979, Decca)",
        "[2001]",
        " (",
        ")",
        " – ",
        " — ",
        " - ",
        " ~ ",
        ": ",
        ", ",
        " by ",
        "Score by ",
        "Composer: ",
        "Label: ",
        "Released: ",
        "Track: ",
        "John Williams",
        "Jerry Goldsmith",
        "Yann Tiersen",
        "Ennio Morricone",
        "’s ",
        "\"",
        "“",
        "”",
        "Honourable mentions",
        "Comments",
        "Reply",
        "<li>",
        "</li>",
        "<h2>",
        "</h2>",
        "<p>",
        "<ol start=3>",
        "<table><tr><td>",
        "</td><td>",
        "<br>",
        "&amp;",
        "&eacute;",
        "&#233;",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "Ã©",
        "\u{00A0}",
        "\u{200B}",
        "\u{0301}",
        "ﬁ",
        "🎵",
        "",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Reads `bytes` both ways and extracts; checks what extraction promises.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    for name in ["prop.txt", "prop.html"] {
        let Ok(doc) = document_from_bytes(name, bytes) else { continue };
        let last = doc.blocks.iter().map(|b| b.line).max().unwrap_or(0);
        for m in extract(&doc) {
            prop_assert!(m.line >= 1 && m.line <= last, "line {} outside 1..={last}: {m:?}", m.line);
            prop_assert!(!m.title.trim().is_empty(), "no title: {m:?}");
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn extraction_never_panics_on_arbitrary_unicode(text in any::<String>()) {
        check(text.as_bytes())?;
    }

    #[test]
    fn ingest_and_extraction_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes)?;
    }
}

proptest! {
    // The shapes extraction cares about reach its deeper paths, so they get more cases.
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn extraction_never_panics_on_list_like_text(text in listy()) {
        check(text.as_bytes())?;
    }
}
