//! Word classes the extractor reasons with: capitalisation, the small words allowed inside
//! titles and names, words that mark a heading as a section rather than a work, and cue words
//! that tie text to soundtracks. These are grammar, not facts, so they live in code.

/// Starts with an upper-case letter or a digit (after opening quotes or brackets).
pub fn is_capitalised(token: &str) -> bool {
    token
        .trim_start_matches(['“', '"', '‘', '\'', '(', '[', '¡', '¿', '«', '.', '*', '_'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Lower-case name particles ("Marius de Vries", "Ludwig van Beethoven").
pub fn is_particle(token: &str) -> bool {
    // Only the lower-case form: "De Palma" is a name, "de" inside one is a particle.
    !token.chars().any(char::is_uppercase) && crate::normalize::names::is_particle(token)
}

/// Lower-case words that may sit inside a title ("Schindler's List" no; "Gone with the Wind").
pub fn is_title_function_word(token: &str) -> bool {
    matches!(
        token.trim_end_matches([',', ':']),
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "in"
            | "on"
            | "to"
            | "for"
            | "from"
            | "with"
            | "at"
            | "by"
            | "or"
            | "nor"
            | "but"
            | "vs"
            | "vs."
            | "v."
            | "into"
            | "over"
            | "under"
            | "upon"
            | "as"
            | "is"
            | "be"
            | "de"
            | "la"
            | "le"
            | "les"
            | "du"
            | "des"
            | "del"
            | "el"
            | "los"
            | "las"
            | "di"
            | "da"
            | "der"
            | "die"
            | "das"
            | "und"
            | "e"
            | "et"
            | "y"
            | "no"
            | "not"
            | "my"
            | "your"
            | "our"
            | "me"
            | "it"
            | "its"
            | "are"
            | "was"
            | "were"
            | "than"
            | "till"
            | "til"
            | "out"
            | "up"
            | "off"
            | "about"
            | "after"
            | "before"
            | "without"
            | "through"
            | "via"
            | "per"
            | "pour"
            | "sur"
            | "dans"
            | "avec"
            | "con"
            | "por"
            | "para"
            | "sin"
            | "en"
            | "au"
            | "aux"
            | "mit"
            | "vom"
            | "zum"
            | "zur"
            | "im"
            | "am"
    )
}

/// Words common in work titles but rare in personal names; they lower a name score.
pub fn is_title_word(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "star"
            | "wars"
            | "war"
            | "night"
            | "nights"
            | "day"
            | "days"
            | "love"
            | "man"
            | "men"
            | "world"
            | "life"
            | "dead"
            | "blood"
            | "king"
            | "story"
            | "girl"
            | "boy"
            | "house"
            | "city"
            | "dark"
            | "knight"
            | "black"
            | "red"
            | "blue"
            | "white"
            | "green"
            | "time"
            | "last"
            | "lost"
            | "space"
            | "dream"
            | "dreams"
            | "heart"
            | "fire"
            | "ice"
            | "land"
            | "planet"
            | "game"
            | "games"
            | "movie"
            | "film"
            | "show"
            | "part"
            | "vol"
            | "volume"
            | "chapter"
            | "season"
            | "theme"
            | "soundtrack"
            | "score"
            | "original"
            | "music"
            | "songs"
            | "song"
            | "album"
            | "edition"
            | "collection"
            | "trilogy"
            | "saga"
            | "legend"
            | "return"
            | "rise"
            | "fall"
            | "road"
            | "street"
            | "river"
            | "sea"
            | "ocean"
            | "sun"
            | "moon"
            | "stars"
            | "ghost"
            | "ghosts"
            | "monster"
            | "wolf"
            | "dragon"
            | "galaxy"
            | "empire"
            | "state"
            | "park"
            | "island"
            | "mountain"
            | "fiction"
            | "rain"
            | "purple"
            | "top"
            | "best"
            | "greatest"
            | "all"
            | "trek"
            | "mix"
            | "awesome"
            | "theatre"
            | "theater"
            | "hotel"
            | "school"
            | "club"
            | "war's"
            | "detective"
            | "things"
            | "stranger"
            | "wednesday"
            | "friday"
            | "sunday"
    )
}

/// Words that make a short line a section heading of the article rather than a work title:
/// the article's own subject vocabulary and the usual headings of web articles.
pub fn is_section_word(token: &str) -> bool {
    lowered(token.trim_matches(|c: char| !c.is_alphanumeric()), |t| {
        matches!(
            t,
            "soundtracks"
                | "scores"
                | "composers"
                | "ranking"
                | "ranked"
                | "rankings"
                | "conclusion"
                | "introduction"
                | "intro"
                | "contents"
                | "faq"
                | "faqs"
                | "questions"
                | "tips"
                | "summary"
                | "overview"
                | "verdict"
                | "methodology"
                | "related"
                | "recommended"
                | "comments"
                | "comment"
                | "reply"
                | "share"
                | "subscribe"
                | "newsletter"
                | "advertisement"
                | "sponsored"
                | "references"
                | "sources"
                | "bibliography"
                | "notes"
                | "footnotes"
                | "mentions"
                | "honourable"
                | "honorable"
                | "criteria"
                | "prepare"
                | "apply"
                | "takeaways"
                | "conclusions"
                | "credits"
                | "categories"
                | "tags"
                | "archives"
                | "navigation"
                | "menu"
                | "login"
                | "register"
                | "search"
                | "privacy"
                | "cookies"
                | "terms"
                | "about"
                | "contact"
                | "follow"
                | "trending"
                | "popular"
                | "latest"
                | "previous"
                | "next"
                | "readers"
        )
    })
}

/// Calls `f` with the lower-case form of `token`; short ASCII words (nearly all) are
/// lowered on the stack rather than in a new `String`.
pub fn lowered<R>(token: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    if token.len() <= buffer.len() && token.is_ascii() {
        let lower = &mut buffer[..token.len()];
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
    } else {
        f(&token.to_lowercase())
    }
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

    proptest::proptest! {
        /// The stack-lowered form is `to_lowercase`'s, for ASCII, accented and long words.
        #[test]
        fn lowered_is_to_lowercase(token in "[A-Za-z0-9ÉéİK'’ -]{0,40}") {
            proptest::prop_assert_eq!(lowered(&token, str::to_string), token.to_lowercase());
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
