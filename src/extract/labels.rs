//! Record labels named in running text beside a release word ("Varese Saraband released …",
//! "Film Score Monthly/Retrograde Records' fine single-CD release", "released on Milan"):
//! known labels only (`data/labels.txt`), spelled as the text spells them.

use std::sync::LazyLock;

use crate::re::Re;

use super::vocab::Vocabulary;

/// Known labels named in a sentence about a release ("Varese Saraband released …",
/// "Film Score Monthly/Retrograde Records' fine single-CD release", "La-La Land's re-release").
pub fn mentioned(sentence: &str, vocab: &Vocabulary) -> Vec<String> {
    if !RELEASE_WORD.is_match(sentence) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    // "Film Score Monthly/Retrograde Records’": a slash separates labels.
    let spaced = sentence.replace('/', " / ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        // A label starts a capitalised run: "Fats Domino" and "The Virgin Suicides" hold none.
        let continues_name = i > 0
            && words[i - 1].starts_with(|c: char| c.is_uppercase())
            && !words[i - 1].ends_with([',', '.', ';', ':'])
            && !matches!(
                words[i - 1],
                "The" | "A" | "An" | "Its" | "His" | "Her" | "Their" | "This" | "That" | "On" | "From" | "Via"
            );
        if !words[i].starts_with(|c: char| c.is_uppercase()) || continues_name {
            i += 1;
            continue;
        }
        // The longest run of words from here, up to a slash, that is a known label.
        let limit = (i + 5).min(words.len());
        let stop = words[i..limit].iter().position(|w| *w == "/").map_or(limit, |p| i + p);
        let found = (i + 1..=stop).rev().find_map(|j| {
            let whole_run = words[j - 1].ends_with([',', '.', ';', ':', '’', '\'', ')'])
                || words[j - 1].ends_with("’s")
                || !words.get(j).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if !whole_run {
                return None;
            }
            let raw = words[i..j].join(" ");
            let name = raw.trim_matches(|c: char| !c.is_alphanumeric()).trim_end_matches("’s").trim_end_matches("'s");
            let name = name.trim_end_matches(['’', '\'']);
            // A known label, or a capitalised name ending in "Records"/"Recordings".
            let all_caps = words[i..j].iter().all(|w| w.starts_with(|c: char| c.is_uppercase()));
            let company = j - i >= 2 && all_caps && COMPANY_END.is_match(name);
            (vocab.label(name).is_some() || company).then(|| (j, name.to_string()))
        });
        match found {
            Some((j, name)) => {
                if !out.contains(&name) {
                    out.push(name);
                }
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

static COMPANY_END: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"\b(?:Records|Recordings|Recording Co|Soundtracks)$").expect("static regex"));

pub static RELEASE_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(
        r"(?i)\b(?:releas\w*|re-releas\w*|reissu\w*|edition|box set|lp|cd|vinyl|disc|label|dropped|pressing|album)\b",
    )
    .and_then(|re| {
        re.led(&[
            "releas",
            "re-releas",
            "reissu",
            "edition",
            "box set",
            "lp",
            "cd",
            "vinyl",
            "disc",
            "label",
            "dropped",
            "pressing",
            "album",
        ])
    })
    .expect("static regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::vocab::BUILT_IN;

    #[test]
    fn labels_beside_release_words() {
        let s = "Even if you own Film Score Monthly/Retrograde Records’ fine single-CD release, La-La Land’s new re-release is worth it.";
        assert_eq!(mentioned(s, &BUILT_IN), ["Film Score Monthly", "Retrograde Records", "La-La Land"]);
        assert!(mentioned("Milan is a city in Italy.", &BUILT_IN).is_empty());
        assert_eq!(mentioned("Nightjar Records is proud to release six titles.", &BUILT_IN), ["Nightjar Records"]);
        assert!(mentioned("a double album with Chuck Berry, Fats Domino and more", &BUILT_IN).is_empty());
    }
}
