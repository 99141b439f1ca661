//! Tests of the credit patterns and their hand readers.

use super::cues::*;
use super::*;
use crate::extract::vocab::BUILT_IN;

/// The ranges of `re`'s matches in `text`: what each hand reader must give.
fn regex_ranges(re: &Re, text: &str) -> Vec<std::ops::Range<usize>> {
    re.find_iter(text).map(|m| m.range()).collect()
}

fn c(text: &str, title: &str) -> Vec<String> {
    credits(text, &title_key(title), &BUILT_IN)
}

#[test]
fn cues() {
    assert_eq!(
        c("Most of it was composed by Kelly Bailey and Mike Morasky.", "Portal"),
        ["Kelly Bailey", "Mike Morasky"]
    );
    assert_eq!(c("Music supervisor Brian Reitzell leaned on shoegaze.", "Lost in Translation"), ["Brian Reitzell"]);
    assert_eq!(c("least of all its producer, T Bone Burnett, who assembled it", "O Brother"), ["T Bone Burnett"]);
    assert_eq!(
        c("The songs are performed by Harry Connick Jr. in style.", "When Harry Met Sally"),
        ["Harry Connick Jr"]
    );
    assert_eq!(c("(1966, Sergio Leone) – musiche di Ennio Morricone, RCA Italiana", "Il buono"), ["Ennio Morricone"]);
    assert_eq!(c("Un classique, musique de Vladimir Cosma.", "Diva"), ["Vladimir Cosma"]);
}

#[test]
fn possessives() {
    assert_eq!(c("than Alan Silvestri's main theme, a fanfare.", "Back to the Future"), ["Alan Silvestri"]);
    assert_eq!(
        c("John Barry's score for George Lazenby's only outing", "On Her Majesty's Secret Service"),
        ["John Barry"]
    );
    assert!(c("Stephen Warbeck's score to \"Shakespeare In Love\" is better.", "Becoming Jane").is_empty());
    assert!(c("decided to scrap composer Giorgio Gaslini's score", "Profondo Rosso").is_empty());
    assert_eq!(
        c("Gabriel Yared and Stéphane Moucha's accompaniment to this film", "The Lives of Others"),
        ["Gabriel Yared", "Stéphane Moucha"]
    );
}

#[test]
fn name_list_ends() {
    for word in ["Zimmer", "McCartney", "O'Brien", "Jr.", "Jean-Michel", "Jóhannsson", "(Vangelis", "de"] {
        assert!(ends_name_list(word), "{word}");
    }
    for word in ["the", "film,", "Vangelis)", "2049", "Ólafur", ""] {
        assert!(!ends_name_list(word), "{word}");
    }
}

#[test]
fn patterns_open_only_after_a_name() {
    let open = |possessive: bool, subject_verb, name_noun| (possessive, subject_verb, name_noun);
    let open_patterns = |text| {
        let open = open_patterns(text);
        (open.possessive.is_some(), open.subject_verb, open.name_noun)
    };
    assert_eq!(open_patterns("the score was recorded in a week, it's said"), open(false, false, false));
    assert_eq!(open_patterns("Hans Zimmer's themes"), open(true, false, false));
    assert_eq!(open_patterns("the Bee Gees’ songs"), open(true, false, false));
    assert_eq!(open_patterns("Mica Levi also scored it"), open(false, true, false));
    assert_eq!(open_patterns("Burwell co-wrote the music"), open(false, true, false));
    assert_eq!(open_patterns("the Vangelis score"), open(false, false, true));
    assert_eq!(open_patterns("Vangelis scores"), open(false, false, false));
    assert_eq!(open_patterns("Vangelis scored."), open(false, false, false));
    assert_eq!(open_patterns("Vangelis score, then Smith's cue"), open(true, false, true));
}

#[test]
fn patterns_are_cued_only_where_they_can_match() {
    let cued = |cue_by, noun_by| Cued { cue_by, noun_by };
    assert_eq!(cued_patterns("the score is haunting; composed with care, by the way"), cued(false, false));
    assert_eq!(cued_patterns("The score was mostly written by"), cued(false, false), "no space after by");
    assert_eq!(cued_patterns("The score was mostly written by X"), cued(false, true));
    assert_eq!(cued_patterns("COMPOSED  BY Kelly Bailey"), cued(true, false));
    assert_eq!(cued_patterns("(arranged and later by him"), cued(true, false));
    assert_eq!(cued_patterns("arranged, then by him"), cued(false, false));
    assert_eq!(cued_patterns("SONGS FROM the film"), cued(false, true));
    assert_eq!(cued_patterns("Songs were all written from"), cued(false, false));
    assert_eq!(cued_patterns("Un classique, Musique de Cosma"), cued(false, true));
    assert_eq!(cued_patterns("musical de"), cued(false, false));
    assert_eq!(cued_patterns("MÚSICA de"), cued(false, true));
    assert_eq!(cued_patterns("ſcored by"), cued(true, true), "ſ folds to s");
}

proptest::proptest! {
    /// A pattern refused by `cued_patterns` has no match: the pre-check is exact.
    #[test]
    fn uncued_patterns_have_no_match(
        text in "(musique de |MUSIK von |musica di |score by |Composed by |songs are by |themes were all from |composed|Scored|written and|produced|performed|music|Musique|musik|score|Themes|songs|cues|MÚSICA|música|ſ|and|by|BY|from|was|all|de|von|x|é| |\t|,|\\.){0,12}"
    ) {
        let cued = cued_patterns(&text);
        proptest::prop_assert!(cued.cue_by || !CUE_BY.is_match(&text));
        proptest::prop_assert!(cued.noun_by || !NOUN_BY.is_match(&text));
    }
}

proptest::proptest! {
    /// CUE_BY's matches read by hand are the regex's, overlapping verbs, run-on words,
    /// Unicode spaces and word characters included.
    #[test]
    fn cue_by_matches_are_the_regex_matches(
        text in "(composed|Scored|PRODUCED|overseen|supervised|arranged|orchestrated|written and |Written  and |written and performed|WRITTEN AND PRODUCED|and|AND|by|By|bye|x|é|_|\u{300}|ſ|-| |  |\t|\u{a0}|\u{2003}){0,14}"
    ) {
        let expected = regex_ranges(&CUE_BY, &text);
        proptest::prop_assert_eq!(cue_by_matches(&text), expected);
    }
}

proptest::proptest! {
    /// NOUN_BY's matches read by hand are the regex's.
    #[test]
    fn noun_by_matches_are_the_regex_matches(
        text in "(score|Soundtrack|soundtracks|music|MUSIC|musica|musiche|musique|Musik|música|MÚSICA|musical|album|theme|Themes|tracks|song|SONGS|cues|was|is|IS|were|are|all|mostly|largely|entirely|composed|written|performed|produced|by|BY|bye|from|di|de|von|x|é|_|ſ|-| |  |\t|\u{a0}){0,14}"
    ) {
        let expected = regex_ranges(&NOUN_BY, &text);
        proptest::prop_assert_eq!(noun_by_matches(&text), expected);
    }
}

#[test]
fn noun_by_matches_by_hand() {
    for text in [
        "The score was all composed by X",
        "songs are mostly from X",
        "Musique de Cosma",
        "musica  di Morricone",
        "MÚSICA de X",
        "soundtracks by X",
        "themes written by",
        "music is is by X",
    ] {
        let expected = regex_ranges(&NOUN_BY, text);
        assert_eq!(noun_by_matches(text), expected, "{text:?}");
    }
}

proptest::proptest! {
    /// ROLE's matches read by hand are the regex's.
    #[test]
    fn role_matches_are_the_regex_matches(
        text in "(Music |music |MUSIC |mUsic |supervisor|supervisors|producer|Producers|PRODUCER|Composer|composers|cOmposer|Songwriters|songwriter|Writers|writers|WRITERS|writer|band|Band|bands|duo|DUO|trio|group|outfit|collective|Collective|ſ|x|é|_|,|-| |  |\t|\u{a0}){0,14}"
    ) {
        let expected = regex_ranges(&ROLE, &text);
        proptest::prop_assert_eq!(role_matches(&text), expected.clone());
        // And from the lower-cased copy the cue searches share, where it is made.
        proptest::prop_assert_eq!(cue_matches_in(&text, crate::re::holds_ascii_folding_letter(&text)).role, expected);
    }
}

#[test]
fn cue_by_matches_by_hand() {
    for text in [
        "Composed and conducted by X",
        "scored  by\u{a0}X",
        "written and produced by X",
        "decomposed by X",
        "arranged and by X",
        "composed by",
    ] {
        let expected = regex_ranges(&CUE_BY, text);
        assert_eq!(cue_by_matches(text), expected, "{text:?}");
    }
}

proptest::proptest! {
    /// A clause refused by `may_be_discarded` has no DISCARDED match: the pre-check is exact.
    #[test]
    fn undiscarded_clauses_have_no_match(
        text in "(Scrapped|replaced|REJECT|fired|dropped|instead of|Instead  of|unused|originally hired|original hired|hired|ſcrap|x|é| |,){0,8}"
    ) {
        proptest::prop_assert!(may_be_discarded(&text) || !DISCARDED.is_match(&text));
    }
}

proptest::proptest! {
    /// `earlier_by_hand`, when sure, answers as EARLIER does.
    #[test]
    fn earlier_by_hand_matches_as_the_regex_does(
        text in "(Followed up|follow-up to|FOLLOW-UP TO|followed  up|sequel to|Successor to|predecessor|the original|The  original|remake of|ſequel to|remaKe of|rema\u{212A}e of|x|_|1|é|\u{301}| |,|-){0,8}"
    ) {
        if let Some(found) = earlier_by_hand(&text) {
            proptest::prop_assert_eq!(found, EARLIER.is_match(&text));
        }
    }
}

proptest::proptest! {
    /// `discarded_by_hand`, when sure, answers as DISCARDED does.
    #[test]
    fn discarded_by_hand_matches_as_the_regex_does(
        text in "(Scrapped|scrap|replaced|REJECT|rejection|fired|firedx|dropped|instead of|Instead  of|unused|originally hired|original hired|ORIGINALLY HIRED|hired|ſcrap|\u{212A}|x|é|_|1|\u{301}| |,|-){0,8}"
    ) {
        if let Some(found) = discarded_by_hand(&text) {
            proptest::prop_assert_eq!(found, DISCARDED.is_match(&text));
        }
    }
}

proptest::proptest! {
    /// DISCARDED, its stems without `\w*\b`, matches where the pattern written with them does.
    #[test]
    fn discarded_stems_match_as_the_words_do(
        text in "(Scrapped|scrap|replaced|REJECT|rejection|fired|firedx|dropped|instead of|Instead  of|unused|originally hired|original hired|hired|ſcrap|x|é|_|1|\u{301}| |,|-){0,8}"
    ) {
        let words = regex::Regex::new(r"(?i)\b(?:scrap\w*|replac\w*|reject\w*|fired|dropped|instead of|unused|original(?:ly)? hired)\b").unwrap();
        proptest::prop_assert_eq!(DISCARDED.is_match(&text), words.is_match(&text));
    }
}

proptest::proptest! {
    /// A pattern refused by `open_patterns` has no match: the pre-check is exact.
    #[test]
    fn refused_patterns_have_no_match(
        text in "(Mica|Levi|de|la|also|and|&|the|it|Ó|é|x|-|\\.|,|'|’|s| |\t|\n|composed|scored|co-wrote|wrote|recorded|score|scores|soundtrack|music|songs|themes){0,14}"
    ) {
        let open = open_patterns(&text);
        proptest::prop_assert!(open.possessive.is_some() || !POSSESSIVE.any.is_match(&text));
        proptest::prop_assert!(open.subject_verb || !SUBJECT_VERB.any.is_match(&text));
        proptest::prop_assert!(open.name_noun || !NAME_NOUN.any.is_match(&text));
    }
}

#[test]
fn subjects() {
    assert_eq!(c("Mica Levi had never scored a film before.", "Under the Skin"), ["Mica Levi"]);
    assert_eq!(
        c(
            "George Martin, best known as the Beatles' producer, scored Roger Moore's debut with brass.",
            "Live and Let Die"
        ),
        ["George Martin"]
    );
    assert_eq!(
        c("Glen Hansard and Markéta Irglová wrote and performed almost every song here.", "Once"),
        ["Glen Hansard", "Markéta Irglová"]
    );
    // A known name before a quoted song is its performer, not necessarily the composer.
    assert!(c("Elton John's \"Your Song\" is covered.", "Moulin Rouge!").is_empty());
    assert_eq!(
        c("Paul Simon wrote the songs and Dave Grusin provided the incidental music.", "The Graduate"),
        ["Paul Simon", "Dave Grusin"]
    );
    assert!(c("Derek Jarman worked with many musicians and soundtracks.", "The Garden").is_empty());
    assert!(c("Edgar Wright built the film around the songs.", "Baby Driver").is_empty());
}

proptest::proptest! {
    /// The byte searches cut as `rsplit(", ")` and `split(name)` do, names repeated, glued to
    /// possessives and overlapping included.
    #[test]
    fn last_names_and_possessives_as_split_finds_them(
        text in "(Ann|Ann’s|Ann's|’s|'s|Ann Ann|AnnAnn|s|’|, | |,|é){0,8}",
        name in "(Ann|’s|'s|Ann’s|s|, |é| ){0,3}",
    ) {
        proptest::prop_assert_eq!(Some(last_name(&text)), text.rsplit(", ").next());
        let tail = text.split(name.as_str()).nth(1).unwrap_or("");
        proptest::prop_assert_eq!(possessive_after(&text, &name), tail.starts_with("’s") || tail.starts_with("'s"));
    }
}

#[test]
fn a_possessive_cut_short_by_the_next_name_is_none() {
    assert!(possessive_after("Ann's and", "Ann"));
    assert!(!possessive_after("x's's", "'s"));
    assert!(possessive_after("x's x", "x"));
    assert_eq!(last_name("A, B, C"), "C");
    assert_eq!(last_name("A,B"), "A,B");
}

proptest::proptest! {
    /// The clause read before a cue is the one the character walk cut (debug builds compare
    /// the window and the clause); texts around the 61-character window, ASCII or not.
    #[test]
    fn discarded_reads_the_walked_clause(text in "(a|é|\\.|;| |hired|scrapped|x){55,70}") {
        let start = text.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
        let window = &text[start..];
        let clause = window.rsplit(['.', ';']).next().unwrap_or(window);
        proptest::prop_assert_eq!(discarded(&text), may_be_discarded(clause) && DISCARDED.is_match(clause));
    }
}

/// POSSESSIVE's matches (each group's range) in the window `open_patterns` gives, as in the
/// whole text; none when it gives no window.
fn possessive_window_holds_all(text: &str) -> bool {
    let whole = groups(&POSSESSIVE.any, text, 0..text.len());
    match open_patterns(text).possessive {
        Some(window) => groups(POSSESSIVE.pick(&text[window.clone()]), text, window) == whole,
        None => whole.is_empty(),
    }
}

#[test]
fn possessive_windows_hold_every_match() {
    for text in [
        "Née in Zürich, Hans Zimmer's score for the film, then 1999's Jóhann Jóhannsson’s cues.",
        "Le Café: Hans Zimmer's score_2 é",
        "Ann's a\u{301}",
        "(Mica Levi & Geoff Barrow's *wild*, *strange* themes)",
        "it’s Burwell’s. Zimmer's",
    ] {
        assert!(possessive_window_holds_all(text), "{text:?}");
    }
}

proptest::proptest! {
    /// The window `open_patterns` gives POSSESSIVE holds all its matches, found as over the
    /// whole text, with the characters around them that `\b` looks at.
    #[test]
    fn possessive_windows_hold_all_matches(
        text in "((Hans|Zimmer|Jóhann|de|and|&|the|it|é|1|-|\\.|\\(|;| ){0,5}('s |’ |'|’)(score|cues|a\u{301}|_|1|-|\\*|,|;| |\t|é|s){0,6}){1,3}"
    ) {
        proptest::prop_assert!(possessive_window_holds_all(&text));
    }
}

/// The characters of a class written for a regex (`\p{L}`, or ranges in brackets).
fn class_chars(class: &str) -> Vec<(char, char)> {
    let hir = regex_syntax::parse(&format!("[{class}]")).expect("class");
    let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) = hir.kind() else {
        panic!("not a Unicode class: {class}")
    };
    class.iter().map(|r| (r.start(), r.end())).collect()
}

#[test]
fn latin_letters_are_the_letters_below_u0250() {
    let (any, latin) = (class_chars(ANY_LETTER), class_chars(LATIN_LETTER));
    let holds = |class: &[(char, char)], c: char| class.iter().any(|&(lo, hi)| lo <= c && c <= hi);
    for c in (0..0x250).filter_map(char::from_u32) {
        assert_eq!(holds(&any, c), holds(&latin, c), "{c:?}");
    }
    assert!(latin.iter().all(|&(_, hi)| hi < '\u{250}'));
    // From U+0250 on, `latin_letters_only` takes a character that is not alphabetic for no letter.
    for c in any.iter().flat_map(|&(lo, hi)| lo..=hi) {
        assert!(c.is_alphabetic(), "{c:?}");
    }
    assert!(latin_letters_only("Jóhann Jóhannsson’s “score” – ɏ, ×, ÷, ¹, 1"));
    assert!(!latin_letters_only("Jóhann ɐ"));
    assert!(!latin_letters_only("Шостакович's score"));
}

/// Each group's range of each match of `re` in `text`.
fn all_groups(re: &Re, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
    groups(re, text, 0..text.len())
}

proptest::proptest! {
    /// In a text whose letters all lie below U+0250, the Latin copies find the matches and
    /// groups the `\p{L}` ones find (MAKING_VERB: whether there is one).
    #[test]
    fn latin_copies_find_what_letter_copies_find(
        text in "(Hans|Zimmer|Jóhann|Ólafur|ªb|µ|º|ɏ|ɐ|ж|×|÷|¹|\u{301}|de|and|&|also|the|it|x|1|_|-|\\.|,|\\*|'|’|s|'s |’s | |  |\t|composed|scored|wrote|recorded|score|scores|soundtrack|music|songs|themes|melody|melodies|did|took){0,14}"
    ) {
        if latin_letters_only(&text) {
            for re in [&POSSESSIVE, &SUBJECT_VERB, &NAME_NOUN] {
                proptest::prop_assert_eq!(all_groups(&re.latin, &text), all_groups(&re.any, &text));
            }
            proptest::prop_assert_eq!(MAKING_VERB.latin.is_match(&text), MAKING_VERB.any.is_match(&text));
        }
    }
}

proptest::proptest! {
    /// MAKING_VERB's Latin copy (`melod` for `melod\w*\b`) sees a match where the `\p{L}` copy
    /// does, from its anchored verbs on.
    #[test]
    fn latin_making_verb_matches_where_the_letter_copy_does(
        verb in "(wrote|took|did|does|recorded)",
        rest in "( |  |\t|the|Jóhann|ɏ|ɐ|×|x|-|_|1|\u{301}|melod|melody|melodies|melodic_|melod1|scores|score|scored|music|pieces|songs){0,8}"
    ) {
        let text = format!("{verb}{rest}");
        if latin_letters_only(&text) {
            proptest::prop_assert_eq!(MAKING_VERB.latin.is_match(&text), MAKING_VERB.any.is_match(&text));
        }
    }
}

proptest::proptest! {
    /// The last words before a cue, split by hand on ASCII texts, are those `split_whitespace`
    /// gives, Unicode spaces, the vertical tab and accented words included.
    #[test]
    fn last_words_are_the_split_words(text in "(score|by|and|x|é|\u{a0}|\u{2003}|\u{85}| |  |\t|\n|\u{b}|\u{c}|\r|,){0,12}") {
        let mut words = text.split_whitespace().rev();
        let split: [&str; 5] = std::array::from_fn(|_| words.next().unwrap_or(""));
        proptest::prop_assert_eq!(last_words(&text), split);
    }
}
