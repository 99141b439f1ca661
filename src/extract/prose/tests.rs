use super::*;
use crate::extract::vocab::BUILT_IN;

/// What `name_word` replaced: a chain of `trim_end_matches`.
fn name_word_by_patterns(word: &str) -> &str {
    let b = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    b.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches(['’', '\''])
}

#[test]
fn name_word_trims_possessives_in_their_order() {
    for word in ["Barrow’s,", "Barrow's.", "X’s's", "X's’s", "X’s’s'", "’s", "s’", "Barrow"] {
        assert_eq!(name_word(word), name_word_by_patterns(word), "{word:?}");
    }
}

proptest::proptest! {
    #[test]
    fn name_word_trims_as_the_str_patterns_did(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec!["’", "'", "s", "’s", "'s", "a", ",", ".", "é"]),
            0..10,
        )
    ) {
        let word = pieces.concat();
        proptest::prop_assert_eq!(name_word(&word), name_word_by_patterns(&word));
    }
}

fn titles(sentence: &str) -> Vec<(String, Vec<String>, Option<i32>)> {
    let mut found = Vec::new();
    let mut last = LastPerson { known: Some("John Williams".to_string()), ..Default::default() };
    #[cfg(debug_assertions)]
    {
        last.eager = last.known.clone();
    }
    find_in_sentence(sentence, 0, &mut last, &mut found, &BUILT_IN);
    found.into_iter().map(|f| (f.title, f.composers, f.year)).collect()
}

/// A pronoun's person is the last one named, however many sentences before, though
/// sentences without a cue leave their people to be found when asked.
#[test]
fn a_pronoun_cue_takes_the_last_person_named_before() {
    let mut last = LastPerson::default();
    let mut found = Vec::new();
    let sentences = [
        "John Carpenter directed the film.",
        "Later Alan Howarth joined him.",
        "The budget was small.",
        "His score for Halloween is iconic.",
    ];
    for s in sentences {
        find_in_sentence(s, 0, &mut last, &mut found, &BUILT_IN);
    }
    let found: Vec<_> = found.into_iter().map(|f| (f.title, f.composers)).collect();
    assert_eq!(found, [("Halloween".to_string(), vec!["Alan Howarth".to_string()])]);
}

#[test]
fn cue_patterns() {
    assert_eq!(
        titles("The Saturday Night Fever soundtrack sold over 40 million copies.")[0].0,
        "The Saturday Night Fever"
    );
    let t = titles("Similarly, Purple Rain’s 1984 soundtrack album established Prince.");
    assert_eq!((t[0].0.as_str(), t[0].2), ("Purple Rain", Some(1984)));
    let t = titles("Hans Zimmer’s contributions to The Dark Knight, Inception, and Interstellar pushed scoring.");
    let names: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(names, ["The Dark Knight", "Inception", "Interstellar"]);
    assert_eq!(t[0].1, ["Hans Zimmer"]);
    let t = titles("His work on Jaws transformed two notes.");
    assert_eq!((t[0].0.as_str(), t[0].1.clone()), ("Jaws", vec!["John Williams".to_string()]));
    let t = titles(
        "the late, great James Horner’s score from Star Trek II: The Wrath Of Khan (1982), La-La Land’s re-release",
    );
    assert_eq!((t[0].0.as_str(), t[0].2), ("Star Trek II: The Wrath Of Khan", Some(1982)));
    assert!(titles("Hans Zimmer’s score is loud.").is_empty());
    let t = titles("The 1977 Suspiria by Goblin is the answer.");
    assert_eq!((t[0].0.as_str(), t[0].2, t[0].1.clone()), ("Suspiria", Some(1977), vec!["Goblin".to_string()]));
    let t = titles("counterpoint: Thom Yorke's Suspiria (2018) is better as an album.");
    assert_eq!((t[0].0.as_str(), t[0].2), ("Suspiria", Some(2018)));
    assert_eq!(titles("I still love the Saturday Night Fever soundtrack (1977) best.")[0].2, Some(1977));
    assert!(titles("Great soundtracks often define moments.").is_empty());
    let t = titles(
        "Composers like John Carpenter created iconic electronic themes for Halloween and Escape from New York that last.",
    );
    assert_eq!(t.len(), 2);
    assert_eq!(t[1].1, ["John Carpenter"]);
    let t = titles("Consider Thom Yorke's score for Luca Guadagnino's 2018 Suspiria, released on XL Recordings.");
    assert_eq!((t[0].0.as_str(), t[0].1.clone(), t[0].2), ("Suspiria", vec!["Thom Yorke".to_string()], Some(2018)));
    let t = titles("His 2015 score for Denis Villeneuve's Sicario, released on Varèse Sarabande, is built on a pulse.");
    assert_eq!((t[0].0.as_str(), t[0].2), ("Sicario", Some(2015)));
    let t = titles("john Williams’ work on Star Wars, for instance, revived it.");
    assert_eq!((t[0].0.as_str(), t[0].1.clone()), ("Star Wars", vec!["john Williams".to_string()]));
    let t = titles(
        "a technique used in scenes like the helicopter attack in Apocalypse Now set to Wagner’s “Ride of the Valkyries”",
    );
    assert_eq!(t[0].0, "Apocalypse Now");
}

proptest::proptest! {
    /// The copy picked for a text finds the matches and groups the `\p{L}` copy finds:
    /// names and titles holding Latin letters, others and no letters, before a year.
    #[test]
    fn picked_possessive_dated_finds_what_the_letter_copy_finds(
        head in "(Thom|Jóhann|Ólafur|ªb|µ|ɏ|ɐ|Жo|x|-|\\.| ){0,3}",
        possessive in "(’s|'s|s|’)",
        title in "(Suspiria|Ćma|Lɐ|Жизнь|×o|of|the|A|-|:|’| |  |\t){0,5}",
        tail in "( \\(2018\\)|\\*  \\(1977\\)| \\(2018|\\(1999\\)| )",
    ) {
        let text = format!("{head}{possessive} {title}{tail}");
        let all = |re: &Re| re.captures_iter(&text).map(|c| capture_ranges(&c)).collect::<Vec<_>>();
        proptest::prop_assert_eq!(all(KNOWN_POSSESSIVE_DATED.pick(&text)), all(&KNOWN_POSSESSIVE_DATED.any));
    }
}
