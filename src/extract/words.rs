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
    matches!(
        token,
        "de" | "van" | "von" | "der" | "den" | "da" | "di" | "del" | "della" | "la" | "le" | "du"
            | "dos" | "das" | "bin" | "al" | "el" | "y" | "ter" | "ten" | "zu" | "do" | "dei"
    )
}

/// Lower-case words that may sit inside a title ("Schindler's List" no; "Gone with the Wind").
pub fn is_title_function_word(token: &str) -> bool {
    matches!(
        token.trim_end_matches([',', ':']),
        "a" | "an" | "the" | "of" | "and" | "in" | "on" | "to" | "for" | "from" | "with" | "at"
            | "by" | "or" | "nor" | "but" | "vs" | "vs." | "v." | "into" | "over" | "under"
            | "upon" | "as" | "is" | "be" | "de" | "la" | "le" | "les" | "du" | "des" | "del"
            | "el" | "los" | "las" | "di" | "da" | "der" | "die" | "das" | "und" | "e" | "et"
            | "y" | "no" | "not" | "my" | "your" | "our" | "me" | "it" | "its" | "are" | "was"
            | "were" | "than" | "till" | "til" | "out" | "up" | "off" | "about" | "after"
            | "before" | "without" | "through" | "via" | "per" | "pour" | "sur" | "dans" | "avec"
    )
}

/// Words common in work titles but rare in personal names; they lower a name score.
pub fn is_title_word(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "star" | "wars" | "war" | "night" | "nights" | "day" | "days" | "love" | "man" | "men"
            | "world" | "life" | "dead" | "blood" | "king" | "story" | "girl" | "boy" | "house"
            | "city" | "dark" | "knight" | "black" | "red" | "blue" | "white" | "green" | "time"
            | "last" | "lost" | "space" | "dream" | "dreams" | "heart" | "fire" | "ice" | "land"
            | "planet" | "game" | "games" | "movie" | "film" | "show" | "part" | "vol" | "volume"
            | "chapter" | "season" | "theme" | "soundtrack" | "score" | "original" | "music"
            | "songs" | "song" | "album" | "edition" | "collection" | "trilogy" | "saga"
            | "legend" | "return" | "rise" | "fall" | "road" | "street" | "river" | "sea"
            | "ocean" | "sun" | "moon" | "stars" | "ghost" | "ghosts" | "monster" | "wolf"
            | "dragon" | "galaxy" | "empire" | "state" | "park" | "island" | "mountain"
            | "fiction" | "rain" | "purple" | "top" | "best" | "greatest" | "all" | "trek"
            | "mix" | "awesome" | "theatre" | "theater" | "hotel" | "school" | "club" | "war's"
            | "detective" | "things" | "stranger" | "wednesday" | "friday" | "sunday"
    )
}

/// Words that make a short line a section heading of the article rather than a work title:
/// the article's own subject vocabulary and the usual headings of web articles.
pub fn is_section_word(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "soundtracks" | "scores" | "composers" | "ranking" | "ranked" | "rankings" | "conclusion"
            | "introduction" | "intro" | "contents" | "faq" | "faqs" | "questions" | "tips"
            | "summary" | "overview" | "verdict" | "methodology" | "related" | "recommended"
            | "comments" | "comment" | "reply" | "share" | "subscribe" | "newsletter" | "advertisement"
            | "sponsored" | "references" | "sources" | "bibliography" | "notes" | "footnotes"
            | "mentions" | "honourable" | "honorable" | "criteria" | "prepare" | "apply" | "takeaways"
            | "conclusions" | "credits" | "categories" | "tags" | "archives" | "navigation" | "menu"
            | "login" | "register" | "search" | "privacy" | "cookies" | "terms" | "about" | "contact"
            | "follow" | "trending" | "popular" | "latest" | "previous" | "next" | "readers"
    )
}

/// Nouns that name a soundtrack release in text ("the Garden State soundtrack").
pub fn is_soundtrack_noun(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "soundtrack" | "soundtracks" | "score" | "scores" | "ost" | "osts" | "compilation" | "album"
            | "lp" | "cd" | "cues" | "theme" | "themes"
    )
}

/// Nouns that name a work in text ("the 2004 film", "monster movie Underwater").
pub fn is_work_noun(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(
        t.as_str(),
        "film" | "films" | "movie" | "movies" | "picture" | "feature" | "documentary" | "series"
            | "miniseries" | "show" | "game" | "videogame" | "anime" | "musical" | "biopic"
            | "masterpiece" | "classic" | "thriller" | "drama" | "comedy" | "western" | "epic"
            | "blockbuster" | "sequel" | "remake" | "adaptation" | "franchise" | "trilogy"
            | "saga" | "cartoon" | "miniseries," | "sitcom" | "opera" | "horror" | "flick"
    )
}
