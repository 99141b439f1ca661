//! Property tests: every normaliser and key is total (never panics) and idempotent on
//! arbitrary Unicode, and on text built from the characters the rules care about.

use cuesheet::model::{Layout, Mention};
use cuesheet::normalize::{
    clean_field, clean_names, clean_text, compact, fingerprint, fold, label_key, name_key, normalize_mention,
    repair_mojibake, repair_name_case, squash_spaces, title_key,
};
use proptest::prelude::*;

/// Text dense in quotes, dashes, romans, separators, mojibake and odd spaces.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "the ",
        "The ",
        "a ",
        "Vol. ",
        "vol",
        "Part ",
        "II",
        "iv",
        "x",
        "I",
        "1",
        "2",
        "one",
        " & ",
        " and ",
        ", ",
        ": ",
        " - ",
        " – ",
        "—",
        "(",
        ")",
        "[",
        "]",
        "\"",
        "“",
        "”",
        "””",
        "’",
        "'",
        "Ã",
        "Â©",
        "Ã³",
        "â€™",
        "\u{00A0}",
        "\u{200B}",
        "\u{0301}",
        "e",
        "É",
        "ß",
        "ǆ",
        "İ",
        "Ω",
        "Soundtrack",
        "OST",
        "The Album",
        "Original Score",
        "john",
        "WILLIAMS",
        "de",
        "Mc",
        "Jr.",
        "Bebe",
        "Barron",
        "\t",
        "\n",
        "ﬁ",
        "²",
        "Σ",
    ]);
    prop::collection::vec(pieces, 0..14).prop_map(|v| v.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), tricky()]
}

fn idempotent(f: impl Fn(&str) -> String, s: &str) -> Result<(), TestCaseError> {
    let once = f(s);
    prop_assert_eq!(f(&once), once, "input {:?}", s);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn text_normalisers_are_idempotent(s in text()) {
        idempotent(clean_text, &s)?;
        idempotent(|t| repair_mojibake(t).into_owned(), &s)?;
        idempotent(squash_spaces, &s)?;
        idempotent(clean_field, &s)?;
        idempotent(repair_name_case, &s)?;
    }

    #[test]
    fn keys_are_idempotent(s in text()) {
        idempotent(fold, &s)?;
        idempotent(fingerprint, &s)?;
        idempotent(compact, &s)?;
        idempotent(name_key, &s)?;
        idempotent(title_key, &s)?;
        idempotent(label_key, &s)?;
    }

    #[test]
    fn split_names_are_stable(s in text()) {
        for name in clean_names(&s) {
            prop_assert_eq!(clean_names(&name), vec![name.clone()], "input {:?}", s);
        }
    }

    #[test]
    fn normalize_mention_is_idempotent(title in text(), alt in text(), composer in text(), label in text()) {
        let mut m = Mention::new("a.txt", 1, Layout::Prose, title);
        m.alt_titles = vec![alt];
        m.composers = vec![composer];
        m.labels = vec![label];
        m.reviewer = Some("jane doe".into());
        normalize_mention(&mut m);
        let once = m.clone();
        normalize_mention(&mut m);
        prop_assert_eq!(m, once);
    }
}
