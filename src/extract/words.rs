//! Word classes the extractor reasons with: capitalisation, the small words allowed inside
//! titles and names, words that mark a heading as a section rather than a work, and cue words
//! that tie text to soundtracks. These are grammar, not facts, so they live in code.

use super::word_set::WordSet;

/// `text.split_whitespace().count()`, counted on bytes eight at a time
/// ([`count_words`](crate::normalize::text::count_words)): headers ask it of title slots and
/// first sentences, which for a paragraph run to a hundred bytes or more.
pub fn word_count(text: &str) -> usize {
    let count = crate::normalize::text::count_words(text);
    debug_assert_eq!(count, text.split_whitespace().count(), "{text:?}");
    count
}

/// Starts with an upper-case letter or a digit (after opening quotes or brackets).
pub fn is_capitalised(token: &str) -> bool {
    // An ASCII letter or digit first is none of the marks trimmed: it answers alone.
    match token.as_bytes().first() {
        None => return false,
        Some(&b) if b.is_ascii_alphanumeric() => return b.is_ascii_uppercase() || b.is_ascii_digit(),
        Some(_) => {}
    }
    token
        .trim_start_matches(['“', '"', '‘', '\'', '(', '[', '¡', '¿', '«', '.', '*', '_'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// What [`title_score`](super::title::title_score) asks of each word: [`is_lowered_title_function_word`],
/// [`is_section_word`] and [`is_capitalised`].
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct TitleWordFacts {
    pub function: bool,
    pub section: bool,
    pub capitalised: bool,
}

/// [`TitleWordFacts`] of `token`. A short ASCII token (nearly all) is read once for all three
/// answers, lowered as its words are looked up, instead of three walks and two copies.
pub fn title_word_facts(token: &str) -> TitleWordFacts {
    let bytes = token.as_bytes();
    if bytes.len() > 32 || !bytes.is_ascii() {
        return TitleWordFacts {
            function: is_lowered_title_function_word(token),
            section: is_section_word(token),
            capitalised: is_capitalised(token),
        };
    }
    let function = short_ascii_function_word(bytes);
    // Section words are 3 to 13 ASCII letters, read trimmed of non-alphanumerics.
    let section = bytes.iter().position(u8::is_ascii_alphanumeric).is_some_and(|start| {
        let end = bytes.iter().rposition(u8::is_ascii_alphanumeric).map_or(start, |e| e + 1);
        (3..=13).contains(&(end - start)) && SECTION_WORDS.contains_lowered(&bytes[start..end])
    });
    let capitalised = short_ascii_capitalised(bytes);
    let facts = TitleWordFacts { function, section, capitalised };
    debug_assert_eq!(
        facts,
        TitleWordFacts {
            function: is_lowered_title_function_word(token),
            section: is_section_word(token),
            capitalised: is_capitalised(token),
        },
        "{token:?}"
    );
    facts
}

/// [`TitleWordFacts::capitalised`] and [`TitleWordFacts::function`] of `token`, without the
/// section word: what [`title_score_bound`](super::title::title_score_bound) asks. The
/// function-word answer is worked out only for a word that is not capitalised (`false`
/// otherwise), since the bound counts a capitalised word whatever it is.
pub fn title_word_capital_or_function(token: &str) -> (bool, bool) {
    let bytes = token.as_bytes();
    if bytes.len() > 32 || !bytes.is_ascii() {
        let capitalised = is_capitalised(token);
        return (capitalised, !capitalised && is_lowered_title_function_word(token));
    }
    let capitalised = short_ascii_capitalised(bytes);
    (capitalised, !capitalised && short_ascii_function_word(bytes))
}

/// [`is_lowered_title_function_word`] of an ASCII token. Lower-casing
/// leaves ASCII alphanumerics, commas and colons where they are: the word's bounds are read
/// from the token, and the set lowers as it reads.
pub(super) fn short_ascii_function_word(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|b| !matches!(b, b',' | b':')).map_or(0, |e| e + 1);
    FUNCTION_WORDS.contains_lowered(&bytes[..end])
}

/// [`is_capitalised`] of an ASCII token: the non-ASCII openers it skips cannot occur there.
pub(super) fn short_ascii_capitalised(bytes: &[u8]) -> bool {
    let opened = bytes.iter().position(|b| !matches!(b, b'"' | b'\'' | b'(' | b'[' | b'.' | b'*' | b'_'));
    opened.is_some_and(|i| bytes[i].is_ascii_uppercase() || bytes[i].is_ascii_digit())
}

/// Lower-case name particles ("Marius de Vries", "Ludwig van Beethoven").
pub fn is_particle(token: &str) -> bool {
    // Only the lower-case form: "De Palma" is a name, "de" inside one is a particle.
    !token.chars().any(char::is_uppercase) && crate::normalize::names::is_particle(token)
}

/// Lower-case words that may sit inside a title ("Schindler's List" no; "Gone with the Wind").
pub fn is_title_function_word(token: &str) -> bool {
    is_title_function_bytes(token.as_bytes())
}

/// [`is_title_function_word`] of `token` lower-cased, as `lowered(token, is_title_function_word)`
/// answers; a short ASCII token is lowered on the stack and read as bytes.
pub fn is_lowered_title_function_word(token: &str) -> bool {
    // The words are ASCII: a token that lowers to non-ASCII text is none of them.
    !lowers_to_non_ascii(token) && lowered(token, is_title_function_word)
}

/// Whether `s` lower-cased holds a non-ASCII character: of all non-ASCII characters only the
/// Kelvin sign lowers to ASCII (`k`), so any other one stays non-ASCII (checked over every
/// character in the tests).
fn lowers_to_non_ascii(s: &str) -> bool {
    !s.is_ascii() && !s.contains('\u{212A}')
}

/// [`is_title_function_word`] over bytes: the trailing commas and colons are ASCII, and so is
/// every word of the list.
fn is_title_function_bytes(token: &[u8]) -> bool {
    let end = token.iter().rposition(|b| !matches!(b, b',' | b':')).map_or(0, |e| e + 1);
    FUNCTION_WORDS.contains(&token[..end])
}

/// The words of [`is_title_function_word`].
static FUNCTION_WORDS: WordSet<86> = WordSet::new(&[
    b"a", b"an", b"the", b"of", b"and", b"in", b"on", b"to", b"for", b"from", b"with", b"at", b"by", b"or", b"nor",
    b"but", b"vs", b"vs.", b"v.", b"into", b"over", b"under", b"upon", b"as", b"is", b"be", b"de", b"la", b"le",
    b"les", b"du", b"des", b"del", b"el", b"los", b"las", b"di", b"da", b"der", b"die", b"das", b"und", b"e", b"et",
    b"y", b"no", b"not", b"my", b"your", b"our", b"me", b"it", b"its", b"are", b"was", b"were", b"than", b"till",
    b"til", b"out", b"up", b"off", b"about", b"after", b"before", b"without", b"through", b"via", b"per", b"pour",
    b"sur", b"dans", b"avec", b"con", b"por", b"para", b"sin", b"en", b"au", b"aux", b"mit", b"vom", b"zum", b"zur",
    b"im", b"am",
]);

/// Words common in work titles but rare in personal names; they lower a name score.
pub fn is_title_word(token: &str) -> bool {
    // The words are 3 to 10 ASCII bytes.
    trimmed_lowered(token, 3..=10, &TITLE_WORDS)
}

/// The words of [`is_title_word`].
static TITLE_WORDS: WordSet<105> = WordSet::new(&[
    b"star",
    b"wars",
    b"war",
    b"night",
    b"nights",
    b"day",
    b"days",
    b"love",
    b"man",
    b"men",
    b"world",
    b"life",
    b"dead",
    b"blood",
    b"king",
    b"story",
    b"girl",
    b"boy",
    b"house",
    b"city",
    b"dark",
    b"knight",
    b"black",
    b"red",
    b"blue",
    b"white",
    b"green",
    b"time",
    b"last",
    b"lost",
    b"space",
    b"dream",
    b"dreams",
    b"heart",
    b"fire",
    b"ice",
    b"land",
    b"planet",
    b"game",
    b"games",
    b"movie",
    b"film",
    b"show",
    b"part",
    b"vol",
    b"volume",
    b"chapter",
    b"season",
    b"theme",
    b"soundtrack",
    b"score",
    b"original",
    b"music",
    b"songs",
    b"song",
    b"album",
    b"edition",
    b"collection",
    b"trilogy",
    b"saga",
    b"legend",
    b"return",
    b"rise",
    b"fall",
    b"road",
    b"street",
    b"river",
    b"sea",
    b"ocean",
    b"sun",
    b"moon",
    b"stars",
    b"ghost",
    b"ghosts",
    b"monster",
    b"wolf",
    b"dragon",
    b"galaxy",
    b"empire",
    b"state",
    b"park",
    b"island",
    b"mountain",
    b"fiction",
    b"rain",
    b"purple",
    b"top",
    b"best",
    b"greatest",
    b"all",
    b"trek",
    b"mix",
    b"awesome",
    b"theatre",
    b"theater",
    b"hotel",
    b"school",
    b"club",
    b"war's",
    b"detective",
    b"things",
    b"stranger",
    b"wednesday",
    b"friday",
    b"sunday",
]);

/// Words that make a short line a section heading of the article rather than a work title:
/// the article's own subject vocabulary and the usual headings of web articles.
pub fn is_section_word(token: &str) -> bool {
    // Section words are 3 to 13 ASCII letters.
    trimmed_lowered(token, 3..=13, &SECTION_WORDS)
}

/// Whether `token` trimmed of non-alphanumeric characters and lower-cased is in `set`. An
/// ASCII token (nearly all) is trimmed as bytes and lowered as it is looked up, and one whose
/// trimmed length is outside `lengths` (those of the set's ASCII words) is refused first.
fn trimmed_lowered<const N: usize>(token: &str, lengths: std::ops::RangeInclusive<usize>, set: &WordSet<N>) -> bool {
    if token.is_ascii() {
        let bytes = token.as_bytes();
        let Some(start) = bytes.iter().position(u8::is_ascii_alphanumeric) else {
            return false;
        };
        let end = bytes.iter().rposition(u8::is_ascii_alphanumeric).map_or(start, |e| e + 1);
        return lengths.contains(&(end - start)) && set.contains_lowered(&bytes[start..end]);
    }
    let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
    // The set's words are ASCII: a word that lowers to non-ASCII text is none of them.
    !lowers_to_non_ascii(trimmed) && lowered(trimmed, |t| set.contains(t.as_bytes()))
}

/// The words of [`is_section_word`].
static SECTION_WORDS: WordSet<62> = WordSet::new(&[
    b"soundtracks",
    b"scores",
    b"composers",
    b"ranking",
    b"ranked",
    b"rankings",
    b"conclusion",
    b"introduction",
    b"intro",
    b"contents",
    b"faq",
    b"faqs",
    b"questions",
    b"tips",
    b"summary",
    b"overview",
    b"verdict",
    b"methodology",
    b"related",
    b"recommended",
    b"comments",
    b"comment",
    b"reply",
    b"share",
    b"subscribe",
    b"newsletter",
    b"advertisement",
    b"sponsored",
    b"references",
    b"sources",
    b"bibliography",
    b"notes",
    b"footnotes",
    b"mentions",
    b"honourable",
    b"honorable",
    b"criteria",
    b"prepare",
    b"apply",
    b"takeaways",
    b"conclusions",
    b"credits",
    b"categories",
    b"tags",
    b"archives",
    b"navigation",
    b"menu",
    b"login",
    b"register",
    b"search",
    b"privacy",
    b"cookies",
    b"terms",
    b"about",
    b"contact",
    b"follow",
    b"trending",
    b"popular",
    b"latest",
    b"previous",
    b"next",
    b"readers",
]);

/// Calls `f` with the lower-case form of `token`; short ASCII words (nearly all) are
/// lowered on the stack rather than in a new `String`.
pub fn lowered<R>(token: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    match ascii_lowered_into(token.as_bytes(), &mut buffer) {
        Some(lower) => f(std::str::from_utf8(lower).expect("ASCII stays UTF-8")),
        None => f(&token.to_lowercase()),
    }
}

/// `bytes` lower-cased into the start of `buffer`, when they are ASCII and fit: the stack copy
/// the word tests here make instead of a `String` (for ASCII, `to_lowercase` is this).
pub fn ascii_lowered_into<'b>(bytes: &[u8], buffer: &'b mut [u8]) -> Option<&'b [u8]> {
    if bytes.len() > buffer.len() || !bytes.is_ascii() {
        return None;
    }
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Nouns that name a soundtrack release in text ("the Garden State soundtrack").
pub fn is_soundtrack_noun(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "soundtrack"
            | "soundtracks"
            | "score"
            | "scores"
            | "ost"
            | "osts"
            | "compilation"
            | "album"
            | "lp"
            | "cd"
            | "cues"
            | "theme"
            | "themes"
    )
}

/// Nouns that name a work in text ("the 2004 film", "monster movie Underwater").
pub fn is_work_noun(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "film"
            | "films"
            | "movie"
            | "movies"
            | "picture"
            | "feature"
            | "documentary"
            | "series"
            | "miniseries"
            | "show"
            | "game"
            | "videogame"
            | "anime"
            | "musical"
            | "biopic"
            | "masterpiece"
            | "classic"
            | "thriller"
            | "drama"
            | "comedy"
            | "western"
            | "epic"
            | "blockbuster"
            | "sequel"
            | "remake"
            | "adaptation"
            | "franchise"
            | "trilogy"
            | "saga"
            | "cartoon"
            | "miniseries,"
            | "sitcom"
            | "opera"
            | "horror"
            | "flick"
    )
}

/// Game platforms and TV networks, which sit in the brackets where labels sit in other lists.
pub fn is_platform_or_network(s: &str) -> bool {
    let t = s.trim().to_lowercase();
    // "USA Network", "Sky Atlantic Channel", "Syfy Network": a network says so.
    let named = [" network", " channel", " tv"].iter().any(|w| t.ends_with(w)) && t.split_whitespace().count() <= 3;
    named
        || matches!(
            t.as_str(),
            "ps1"
                | "ps2"
                | "ps3"
                | "ps4"
                | "ps5"
                | "psx"
                | "psp"
                | "ps vita"
                | "playstation"
                | "playstation 2"
                | "playstation 3"
                | "playstation 4"
                | "playstation 5"
                | "xbox"
                | "xbox 360"
                | "xbox one"
                | "xbox series x"
                | "nes"
                | "snes"
                | "n64"
                | "nintendo 64"
                | "gamecube"
                | "wii"
                | "wii u"
                | "switch"
                | "nintendo switch"
                | "game boy"
                | "gba"
                | "ds"
                | "3ds"
                | "dreamcast"
                | "saturn"
                | "genesis"
                | "mega drive"
                | "master system"
                | "pc"
                | "mac"
                | "steam"
                | "ios"
                | "android"
                | "arcade"
                | "amiga"
                | "c64"
                | "commodore 64"
                | "msx"
                | "turbografx-16"
                | "neo geo"
                | "multi"
                | "multiplatform"
                | "hbo"
                | "bbc"
                | "bbc one"
                | "bbc two"
                | "abc"
                | "nbc"
                | "fox"
                | "amc"
                | "fx"
                | "showtime"
                | "netflix"
                | "hulu"
                | "prime video"
                | "amazon"
                | "apple tv+"
                | "disney+"
                | "itv"
                | "channel 4"
                | "starz"
                | "the cw"
                | "cw"
                | "pbs"
                | "syfy"
                | "usa"
                | "cinemax"
                | "peacock"
                | "paramount+"
                | "max"
                | "adult swim"
                | "cartoon network"
                | "nickelodeon"
                | "mtv"
                | "tbs"
                | "tnt"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    // The word lists as they were matched before they became word sets.

    fn is_title_function_bytes_by_match(token: &[u8]) -> bool {
        let end = token.iter().rposition(|b| !matches!(b, b',' | b':')).map_or(0, |e| e + 1);
        matches!(
            &token[..end],
            b"a" | b"an"
                | b"the"
                | b"of"
                | b"and"
                | b"in"
                | b"on"
                | b"to"
                | b"for"
                | b"from"
                | b"with"
                | b"at"
                | b"by"
                | b"or"
                | b"nor"
                | b"but"
                | b"vs"
                | b"vs."
                | b"v."
                | b"into"
                | b"over"
                | b"under"
                | b"upon"
                | b"as"
                | b"is"
                | b"be"
                | b"de"
                | b"la"
                | b"le"
                | b"les"
                | b"du"
                | b"des"
                | b"del"
                | b"el"
                | b"los"
                | b"las"
                | b"di"
                | b"da"
                | b"der"
                | b"die"
                | b"das"
                | b"und"
                | b"e"
                | b"et"
                | b"y"
                | b"no"
                | b"not"
                | b"my"
                | b"your"
                | b"our"
                | b"me"
                | b"it"
                | b"its"
                | b"are"
                | b"was"
                | b"were"
                | b"than"
                | b"till"
                | b"til"
                | b"out"
                | b"up"
                | b"off"
                | b"about"
                | b"after"
                | b"before"
                | b"without"
                | b"through"
                | b"via"
                | b"per"
                | b"pour"
                | b"sur"
                | b"dans"
                | b"avec"
                | b"con"
                | b"por"
                | b"para"
                | b"sin"
                | b"en"
                | b"au"
                | b"aux"
                | b"mit"
                | b"vom"
                | b"zum"
                | b"zur"
                | b"im"
                | b"am"
        )
    }

    fn is_lower_title_word_by_match(t: &[u8]) -> bool {
        matches!(
            t,
            b"star"
                | b"wars"
                | b"war"
                | b"night"
                | b"nights"
                | b"day"
                | b"days"
                | b"love"
                | b"man"
                | b"men"
                | b"world"
                | b"life"
                | b"dead"
                | b"blood"
                | b"king"
                | b"story"
                | b"girl"
                | b"boy"
                | b"house"
                | b"city"
                | b"dark"
                | b"knight"
                | b"black"
                | b"red"
                | b"blue"
                | b"white"
                | b"green"
                | b"time"
                | b"last"
                | b"lost"
                | b"space"
                | b"dream"
                | b"dreams"
                | b"heart"
                | b"fire"
                | b"ice"
                | b"land"
                | b"planet"
                | b"game"
                | b"games"
                | b"movie"
                | b"film"
                | b"show"
                | b"part"
                | b"vol"
                | b"volume"
                | b"chapter"
                | b"season"
                | b"theme"
                | b"soundtrack"
                | b"score"
                | b"original"
                | b"music"
                | b"songs"
                | b"song"
                | b"album"
                | b"edition"
                | b"collection"
                | b"trilogy"
                | b"saga"
                | b"legend"
                | b"return"
                | b"rise"
                | b"fall"
                | b"road"
                | b"street"
                | b"river"
                | b"sea"
                | b"ocean"
                | b"sun"
                | b"moon"
                | b"stars"
                | b"ghost"
                | b"ghosts"
                | b"monster"
                | b"wolf"
                | b"dragon"
                | b"galaxy"
                | b"empire"
                | b"state"
                | b"park"
                | b"island"
                | b"mountain"
                | b"fiction"
                | b"rain"
                | b"purple"
                | b"top"
                | b"best"
                | b"greatest"
                | b"all"
                | b"trek"
                | b"mix"
                | b"awesome"
                | b"theatre"
                | b"theater"
                | b"hotel"
                | b"school"
                | b"club"
                | b"war's"
                | b"detective"
                | b"things"
                | b"stranger"
                | b"wednesday"
                | b"friday"
                | b"sunday"
        )
    }

    fn is_lower_section_word_by_match(t: &[u8]) -> bool {
        matches!(
            t,
            b"soundtracks"
                | b"scores"
                | b"composers"
                | b"ranking"
                | b"ranked"
                | b"rankings"
                | b"conclusion"
                | b"introduction"
                | b"intro"
                | b"contents"
                | b"faq"
                | b"faqs"
                | b"questions"
                | b"tips"
                | b"summary"
                | b"overview"
                | b"verdict"
                | b"methodology"
                | b"related"
                | b"recommended"
                | b"comments"
                | b"comment"
                | b"reply"
                | b"share"
                | b"subscribe"
                | b"newsletter"
                | b"advertisement"
                | b"sponsored"
                | b"references"
                | b"sources"
                | b"bibliography"
                | b"notes"
                | b"footnotes"
                | b"mentions"
                | b"honourable"
                | b"honorable"
                | b"criteria"
                | b"prepare"
                | b"apply"
                | b"takeaways"
                | b"conclusions"
                | b"credits"
                | b"categories"
                | b"tags"
                | b"archives"
                | b"navigation"
                | b"menu"
                | b"login"
                | b"register"
                | b"search"
                | b"privacy"
                | b"cookies"
                | b"terms"
                | b"about"
                | b"contact"
                | b"follow"
                | b"trending"
                | b"popular"
                | b"latest"
                | b"previous"
                | b"next"
                | b"readers"
        )
    }

    proptest::proptest! {
        /// Each word set answers as the `matches!` over its literals did, lowered or not.
        #[test]
        fn word_sets_as_matches(word in "(the|THE|vs\\.|v\\.|Without|through|soundtracks|advertisement|Soundtrack|war's|K|é|\u{212a}|\\.|,|:|'|1|x|s|e|\\x00| ){0,4}") {
            let bytes = word.as_bytes();
            proptest::prop_assert_eq!(FUNCTION_WORDS.contains(bytes), is_title_function_bytes_by_match(bytes) && !bytes.ends_with(b",") && !bytes.ends_with(b":"));
            proptest::prop_assert_eq!(is_title_function_bytes(bytes), is_title_function_bytes_by_match(bytes));
            proptest::prop_assert_eq!(TITLE_WORDS.contains(bytes), is_lower_title_word_by_match(bytes));
            proptest::prop_assert_eq!(SECTION_WORDS.contains(bytes), is_lower_section_word_by_match(bytes));
            let lower = word.to_ascii_lowercase();
            proptest::prop_assert_eq!(FUNCTION_WORDS.contains_lowered(bytes), FUNCTION_WORDS.contains(lower.as_bytes()));
            proptest::prop_assert_eq!(SECTION_WORDS.contains_lowered(bytes), is_lower_section_word_by_match(lower.as_bytes()));
        }
    }

    #[test]
    fn only_the_kelvin_sign_lowers_to_ascii() {
        for c in ('\u{80}'..=char::MAX).filter(|&c| c != '\u{212A}') {
            assert!(!c.to_lowercase().all(|l| l.is_ascii()), "{c:?}");
            assert!(lowers_to_non_ascii(c.encode_utf8(&mut [0; 4])));
        }
        assert!(!lowers_to_non_ascii("Ta\u{212A}e"));
    }

    #[test]
    fn word_sets_hold_their_words() {
        for word in "a an the of and in on to for from with at by or nor but vs vs. v. into over under upon as is be de la le les du des del el los las di da der die das und e et y no not my your our me it its are was were than till til out up off about after before without through via per pour sur dans avec con por para sin en au aux mit vom zum zur im am".split(' ') {
            assert!(FUNCTION_WORDS.contains(word.as_bytes()) && is_title_function_bytes_by_match(word.as_bytes()), "{word}");
        }
        for word in ["star", "war's", "wednesday", "soundtrack", "collection"] {
            assert!(TITLE_WORDS.contains(word.as_bytes()) && is_lower_title_word_by_match(word.as_bytes()), "{word}");
        }
        for word in ["soundtracks", "advertisement", "faq", "readers", "bibliography"] {
            assert!(
                SECTION_WORDS.contains(word.as_bytes()) && is_lower_section_word_by_match(word.as_bytes()),
                "{word}"
            );
        }
    }

    proptest::proptest! {
        /// One walk answers as the three separate tests do.
        #[test]
        fn title_word_facts_as_three_tests(token in "(Soundtracks|SCORES|The|and|of|\"|'|\\(|\\[|\\.|\\*|_|“|¡|É|K|,|:|1|x| ){0,8}") {
            proptest::prop_assert_eq!(title_word_facts(&token), TitleWordFacts {
                function: is_lowered_title_function_word(&token),
                section: is_section_word(&token),
                capitalised: is_capitalised(&token),
            });
        }
    }

    proptest::proptest! {
        /// The stack-lowered form is `to_lowercase`'s, for ASCII, accented and long words.
        #[test]
        fn lowered_is_to_lowercase(token in "[A-Za-z0-9ÉéİK'’ -]{0,40}") {
            proptest::prop_assert_eq!(lowered(&token, str::to_string), token.to_lowercase());
        }
    }

    /// [`is_section_word`] as it was written before its ASCII walk.
    fn is_section_word_by_chars(token: &str) -> bool {
        lowered(token.trim_matches(|c: char| !c.is_alphanumeric()), |t| is_lower_section_word_by_match(t.as_bytes()))
    }

    proptest::proptest! {
        /// The first-byte answer is the one trimming marks and reading the first character gives.
        #[test]
        fn capitalised_by_first_byte_as_by_chars(token in "(A|a|Z|z|0|9|É|é|\u{212a}|“|\"|'|\\(|\\[|¡|«|\\.|\\*|_|-| ){0,4}") {
            let by_chars = token
                .trim_start_matches(['“', '"', '‘', '\'', '(', '[', '¡', '¿', '«', '.', '*', '_'])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            proptest::prop_assert_eq!(is_capitalised(&token), by_chars);
        }
    }

    proptest::proptest! {
        /// The byte walk over ASCII tokens answers as trimming and lowering characters does.
        #[test]
        fn section_words_by_bytes_as_by_chars(token in "(Soundtracks|SCORES|faq|Intro|advertisement|Advertisements|tv|K|É|\u{212a}|\\.|:|\\(|\\)|'|1|x| ){0,4}") {
            proptest::prop_assert_eq!(is_section_word(&token), is_section_word_by_chars(&token));
        }
    }

    proptest::proptest! {
        /// Function words read lowered as bytes as they were read lowered as strings.
        #[test]
        fn function_words_lowered_as_bytes(token in "(The|AND|of|De|la|vs\\.|v\\.|İ|é|K|,|:|x| ){0,3}") {
            proptest::prop_assert_eq!(is_lowered_title_function_word(&token), lowered(&token, |t| {
                matches!(t.trim_end_matches([',', ':']), "a" | "an" | "the" | "of" | "and" | "in" | "on" | "to" | "for" | "from" | "with" | "at" | "by" | "or" | "nor" | "but" | "vs" | "vs." | "v." | "into" | "over" | "under" | "upon" | "as" | "is" | "be" | "de" | "la" | "le" | "les" | "du" | "des" | "del" | "el" | "los" | "las" | "di" | "da" | "der" | "die" | "das" | "und" | "e" | "et" | "y" | "no" | "not" | "my" | "your" | "our" | "me" | "it" | "its" | "are" | "was" | "were" | "than" | "till" | "til" | "out" | "up" | "off" | "about" | "after" | "before" | "without" | "through" | "via" | "per" | "pour" | "sur" | "dans" | "avec" | "con" | "por" | "para" | "sin" | "en" | "au" | "aux" | "mit" | "vom" | "zum" | "zur" | "im" | "am")
            }));
        }
    }

    /// [`is_title_word`] as it was written before its ASCII walk.
    fn is_title_word_by_chars(token: &str) -> bool {
        is_lower_title_word_by_match(token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_bytes())
    }

    proptest::proptest! {
        /// The byte walk over ASCII tokens answers as trimming and lowering characters does.
        #[test]
        fn title_words_by_bytes_as_by_chars(token in "(Star|WARS|War's|night|Knight|Chapter|Soundtrack|nightmares|K|É|\u{212a}|\\.|\\(|'|1|x| ){0,4}") {
            proptest::prop_assert_eq!(is_title_word(&token), is_title_word_by_chars(&token));
        }
    }

    #[test]
    fn section_words() {
        // The Kelvin sign lowers to "k".
        for yes in ["Soundtracks", "(FAQ)", "Intro:", "advertisement", "Ranked.", "Ta\u{212a}eaways"] {
            assert!(is_section_word(yes), "{yes}");
        }
        for no in ["", "...", "TV", "Advertisements", "Score", "Scores2"] {
            assert!(!is_section_word(no), "{no}");
        }
    }

    #[test]
    fn networks_and_platforms() {
        assert!(is_platform_or_network("HBO"));
        assert!(is_platform_or_network("USA Network"));
        assert!(is_platform_or_network("SNES"));
        assert!(!is_platform_or_network("Milan Records"));
        assert!(!is_platform_or_network("Mac Quayle"));
    }
}
