//! The article's sections: where the page's own furniture starts (comments, related links,
//! FAQ), tables of contents, honourable-mention sections, list titles that give a year or
//! show a list is not about soundtracks, and lines that name the writer of what follows.

use std::sync::LazyLock;

use crate::normalize::text::starts_with_ignore_ascii_case;
use crate::re::Re;

use super::names::name_score;
use super::units::Unit;
use super::vocab::Vocabulary;
use super::word_set::WordSet;

/// What the section analysis says about each unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitInfo {
    /// Page furniture or a table of contents: never an entry, never a blurb.
    pub excluded: bool,
    /// The unit announces honourable mentions.
    pub hm_marker: bool,
    /// A heading-like line that ends the blurb of the entry above it.
    pub boundary: bool,
    /// A year given by the list's title ("Top scores of 2022").
    pub section_year: Option<i32>,
    /// The unit is a line naming the writer of the entries that follow.
    pub reviewer: Option<String>,
    /// The unit follows a "Comments" or "Related" heading (read only when nothing came before).
    pub after_stop: bool,
}

/// Headings after which the rest of the article is page furniture.
static STOP: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)^(?:\d+\s+)?(?:leave a (?:reply|comment)|comments?|\d+ (?:comments?|responses?|replies)|responses?|related(?: posts?| articles?| stories| reading| content)?|recommended(?: for you| reading| articles?)?|you (?:may|might) also (?:like|enjoy)|more from.*|more stories|read (?:more|next)|share this(?: article| post)?:?|like this:?|about the author|frequently asked questions|faqs?|popular posts|trending(?: now)?|sign up.*newsletter|subscribe.*|post navigation|footnotes|references|see also|external links|further reading|most (?:read|popular|viewed|shared)|meistgelesen|das könnte sie auch interessieren|kommentare|commentaires|comentarios|te puede interesar)(?:\s*\(\d+\))?[:.!]?(?:\s+[·•|]\s+\S+(?:\s\S+){0,3})*$")
        .expect("static regex")
});
/// The first words of [`STOP`]'s alternatives, but "subscribe", which any word may extend
/// ("subscribe.*").
static STOP_WORDS: WordSet<33> = WordSet::new(&[
    b"leave",
    b"comment",
    b"comments",
    b"response",
    b"responses",
    b"related",
    b"recommended",
    b"you",
    b"more",
    b"read",
    b"share",
    b"like",
    b"about",
    b"frequently",
    b"faq",
    b"faqs",
    b"popular",
    b"trending",
    b"sign",
    b"post",
    b"footnotes",
    b"references",
    b"see",
    b"external",
    b"further",
    b"most",
    b"meistgelesen",
    b"das",
    b"kommentare",
    b"commentaires",
    b"comentarios",
    b"te",
    b"replies",
]);

/// Whether [`STOP`] matches `text`. Past an optional count (a digit opening is left to the
/// regex), each alternative opens with a word of [`STOP_WORDS`] followed by a byte that is no
/// ASCII letter, or with "subscribe": when the text's opening run of ASCII letters is
/// followed by an ASCII byte (or nothing), it must be such a word. A non-ASCII byte after it
/// (`ſ`, the Kelvin sign, a Unicode letter) is left to the regex.
fn is_stop(text: &str) -> bool {
    let bytes = text.as_bytes();
    let refused = !bytes.first().is_some_and(u8::is_ascii_digit)
        && STOP_WORDS.refuses_opening(text)
        && !starts_with_ignore_ascii_case(bytes, "subscribe");
    if refused {
        debug_assert!(!STOP.is_match(text), "{text:?}");
        return false;
    }
    STOP.is_match(text)
}

/// Single furniture lines (tags, bylines' metadata, ads) that end nothing.
static FURNITURE_LINE: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)^(?:tags?|categories|category|filed under|posted in|share|advertisement|sponsored|reading time|read time|updated|published|photo|image|credit|source)\b.{0,80}$")
        .expect("static regex")
});
static TOC: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)^(?:table of contents|contents|in this (?:article|post|guide)|jump to(?: section)?|on this page|quick links|skip to)[:.]?$")
        .expect("static regex")
});
static HM: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:honou?rable mentions?|also[- ]rans?|bubbling under|runners?[- ]up|near misses|just missed(?: the cut)?|didn[’']t (?:quite )?make the (?:cut|list)|special mentions?|acknowledge)\b")
        .and_then(|re| re.led(&HM_LEADS))
        .expect("static regex")
});
/// The literals every [`HM`] match begins with.
const HM_LEADS: [&str; 9] = [
    "hono",
    "also",
    "bubbling under",
    "runner",
    "near misses",
    "just missed",
    "didn",
    "special mention",
    "acknowledge",
];

/// Whether an [`HM`] match may begin within the first three bytes of `text`: one of its lead
/// literals must begin there. Only `ſ` and the Kelvin sign fold to ASCII letters of them, so
/// an opening with any non-ASCII byte is left to the regex.
fn hm_may_open(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(24)];
    !head.is_ascii()
        || (0..3).any(|at| HM_LEADS.iter().any(|w| starts_with_ignore_ascii_case(&head[at.min(head.len())..], w)))
}

/// Whether an [`HM`] match may begin anywhere in `text`: one of its lead literals must begin
/// there, ASCII case aside. Only `ſ` and the Kelvin sign fold to ASCII letters of them, so a
/// text holding either is left to the regex, and so is a long one (a led search costs about
/// 900 instructions, this about 7 a byte). Most short units (titles, field lines) hold no lead.
fn hm_may_occur(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() > 96 || !bytes.is_ascii() && text.contains(['ſ', '\u{212A}']) {
        return true;
    }
    // Each lead is told by its first two letters (`| 0x20` lower-cases ASCII ones), and only
    // there compared in full.
    bytes.windows(2).enumerate().any(|(at, pair)| {
        let lead = match [pair[0] | 0x20, pair[1] | 0x20] {
            [b'h', b'o'] => "hono",
            [b'a', b'l'] => "also",
            [b'a', b'c'] => "acknowledge",
            [b'b', b'u'] => "bubbling under",
            [b'r', b'u'] => "runner",
            [b'n', b'e'] => "near misses",
            [b'j', b'u'] => "just missed",
            [b'd', b'i'] => "didn",
            [b's', b'p'] => "special mention",
            _ => return false,
        };
        debug_assert!(HM_LEADS.contains(&lead));
        starts_with_ignore_ascii_case(&bytes[at..], lead)
    })
}

static LIST_TITLE: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"(?i)\b(?:top|best|greatest|favou?rites?|essential|ranking|ranked)\b",
        &["top", "best", "greatest", "favo", "essential", "rank"],
    )
    .expect("static regex")
});
/// The words of [`LIST_TITLE`], its `favou?rites?` spelled out.
static LIST_TITLE_WORDS: WordSet<10> = WordSet::new(&[
    b"top",
    b"best",
    b"greatest",
    b"favorite",
    b"favorites",
    b"favourite",
    b"favourites",
    b"essential",
    b"ranking",
    b"ranked",
]);

/// Whether [`LIST_TITLE`] matches `text`: a match is a whole run of word characters that is
/// one of its words, ASCII case aside, so the runs are looked up, without the gate's
/// lower-cased copy and the search. Text holding `ſ` or the Kelvin sign (which fold to letters
/// of these words) is left to the regex.
fn is_list_title(text: &str) -> bool {
    let found = if text.is_ascii() {
        let bytes = text.as_bytes();
        let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        let mut found = false;
        let mut at = 0;
        while at < bytes.len() {
            let start = at + bytes[at..].iter().take_while(|b| !is_word(b)).count();
            let end = start + bytes[start..].iter().take_while(|b| is_word(b)).count();
            if end > start && LIST_TITLE_WORDS.contains_lowered(&bytes[start..end]) {
                found = true;
                break;
            }
            at = end;
        }
        found
    } else if !crate::re::holds_ascii_folding_letter(text) {
        // The same walk over characters, with the regex's Unicode word characters: a run with
        // a non-ASCII letter is none of the (ASCII) words.
        let is_word = crate::re::is_word_char;
        let mut at = 0;
        let mut found = false;
        while let Some(offset) = text[at..].find(is_word) {
            let start = at + offset;
            let end = text[start..].find(|c: char| !is_word(c)).map_or(text.len(), |e| start + e);
            if LIST_TITLE_WORDS.contains_lowered(&text.as_bytes()[start..end]) {
                found = true;
                break;
            }
            at = end;
        }
        found
    } else {
        return LIST_TITLE.is_match(text);
    };
    debug_assert_eq!(found, LIST_TITLE.is_match(text), "{text:?}");
    found
}

static SOUNDTRACK_TOPIC: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(
        r"(?i)\b(?:soundtracks?|scores?|osts?|film music|movie music|themes?|composers?|songs? from|music from)\b",
        &["soundtrack", "score", "ost", "film music", "movie music", "theme", "composer", "song", "music from"],
    )
    .expect("static regex")
});
static OTHER_TOPIC: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:albums|records|reissues|remasters|books|novels|films|movies|shows|series|games|podcasts|episodes|concerts|tours|artists|bands|singers|songs|tv|videos|posts|articles)\b")
        .expect("static regex")
});
/// Site navigation ("Home | Podcast | Archive | About", "Subscribe | Log in").
static NAV_WORD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)^(?:home|about(?: us)?|contact(?: us)?|search|menu|subscribe|log ?in|sign ?in|sign ?up|register|log ?out|archives?|podcasts?|support us.*|shop|store|news|features|reviews|donate|privacy|terms|faq|newsletter|account|my account|cart|more|share|facebook|twitter|x|pinterest|email|e-mail|whatsapp|reddit|linkedin|instagram|youtube|tiktok|tumblr|threads|bluesky|mastodon|print|copy link|skip to (?:main )?content)$")
        .expect("static regex")
});

/// [`NAV_WORD`]'s words and phrases of at most 15 bytes, its optional parts spelled out.
static NAV_WORDS: WordSet<55> = WordSet::new(&[
    b"home",
    b"about",
    b"about us",
    b"contact",
    b"contact us",
    b"search",
    b"menu",
    b"subscribe",
    b"login",
    b"log in",
    b"signin",
    b"sign in",
    b"signup",
    b"sign up",
    b"register",
    b"logout",
    b"log out",
    b"archive",
    b"archives",
    b"podcast",
    b"podcasts",
    b"shop",
    b"store",
    b"news",
    b"features",
    b"reviews",
    b"donate",
    b"privacy",
    b"terms",
    b"faq",
    b"newsletter",
    b"account",
    b"my account",
    b"cart",
    b"more",
    b"share",
    b"facebook",
    b"twitter",
    b"x",
    b"pinterest",
    b"email",
    b"e-mail",
    b"whatsapp",
    b"reddit",
    b"linkedin",
    b"instagram",
    b"youtube",
    b"tiktok",
    b"tumblr",
    b"threads",
    b"bluesky",
    b"mastodon",
    b"print",
    b"copy link",
    b"skip to content",
]);

/// Whether [`NAV_WORD`] matches `text`. For ASCII text its case-blind match is an ASCII one
/// (only `ſ` and the Kelvin sign fold to its letters), so the whole text is looked up among
/// its words, without the regex; other text is left to it.
fn is_nav_word(text: &str) -> bool {
    if !text.is_ascii() {
        return NAV_WORD.is_match(text);
    }
    let bytes = text.as_bytes();
    let found = NAV_WORDS.contains_lowered(bytes)
        || bytes.eq_ignore_ascii_case(b"skip to main content")
        || starts_with_ignore_ascii_case(bytes, "support us") && memchr::memchr(b'\n', &bytes[10..]).is_none();
    debug_assert_eq!(found, NAV_WORD.is_match(text), "{text:?}");
    found
}

/// A line of menu items separated by bars or dots, mostly navigation words. A line without
/// a bar or any of the dots' last bytes (B7, BB, A2, BA) is one item, and is not split.
fn is_navigation(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memchr::memchr3(b'|', 0xB7, 0xBB, bytes).is_none() && memchr::memchr2(0xA2, 0xBA, bytes).is_none() {
        debug_assert!(!text.contains(['|', '·', '•', '»', '›']), "{text:?}");
        return false;
    }
    let parts: Vec<&str> = text.split(['|', '·', '•', '»', '›']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 2 && parts.iter().filter(|p| is_nav_word(p)).count() * 2 >= parts.len()
}

/// The first words of [`FURNITURE_LINE`]'s alternatives.
static FURNITURE_WORDS: WordSet<17> = WordSet::new(&[
    b"tag",
    b"tags",
    b"categories",
    b"category",
    b"filed",
    b"posted",
    b"share",
    b"advertisement",
    b"sponsored",
    b"reading",
    b"read",
    b"updated",
    b"published",
    b"photo",
    b"image",
    b"credit",
    b"source",
]);

/// Whether [`FURNITURE_LINE`] matches `text`. Each of its alternatives opens with a word of
/// [`FURNITURE_WORDS`] followed by a space or a word boundary, so when the text's opening run
/// of ASCII letters is followed by an ASCII byte (or nothing), that run must be such a word.
/// A non-ASCII byte after it (`ſ`, the Kelvin sign, a Unicode letter) is left to the regex.
fn is_furniture_line(text: &str) -> bool {
    if FURNITURE_WORDS.refuses_opening(text) {
        debug_assert!(!FURNITURE_LINE.is_match(text), "{text:?}");
        return false;
    }
    FURNITURE_LINE.is_match(text)
}
static QUESTION: LazyLock<Re> =
    LazyLock::new(|| Re::new(r"^\s*(?:Q|Question|Interviewer)\s*[:.]\s").expect("static regex"));
static QUOTE_LEAD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)^(?:quote(?:d)?(?: from| by)? ?[^:]{0,40}:|[^\s:]{1,40}(?: \S+)? (?:wrote|said|posted):|quote:)$")
        .expect("static regex")
});
/// Whether `text` is a forum quote's lead line ([`QUOTE_LEAD`]). Every one ends with its
/// colon: other lines are not searched.
fn is_quote_lead(text: &str) -> bool {
    let t = text.trim();
    let found = t.ends_with(':') && QUOTE_LEAD.is_match(t);
    debug_assert_eq!(found, QUOTE_LEAD.is_match(t), "quote lead {t:?}");
    found
}

static YEAR_OF: LazyLock<Re> = LazyLock::new(|| {
    Re::new(r"(?i)\b(?:of|in|from|for)\s+(1[89]\d\d|20\d\d)\b|^(1[89]\d\d|20\d\d)\b").expect("static regex")
});

/// The year [`YEAR_OF`] captures in `text`: read by hand in ASCII text, where its `\b`, `\s`
/// and `\d` are ASCII's; the pattern (Unicode word boundaries, about 2.5 M instructions to
/// compile) reads the rest.
fn year_of(text: &str) -> Option<&str> {
    let by_pattern = || YEAR_OF.captures(text).and_then(|c| c.get(1).or(c.get(2))).map(|m| m.as_str());
    if !text.is_ascii() {
        return by_pattern();
    }
    let found = ascii_year_of(text.as_bytes()).map(|at| &text[at..at + 4]);
    debug_assert_eq!(found, by_pattern(), "{text:?}");
    found
}

/// Where the year [`YEAR_OF`] captures in ASCII `text` starts: the pattern's leftmost match,
/// a year opening the text (which no "of" can precede) or else the first "of", "in", "from"
/// or "for" starting a word and followed by spaces and a year ending a word.
fn ascii_year_of(text: &[u8]) -> Option<usize> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let year_at = |at: usize| {
        let y = text.get(at..at + 4)?;
        let century = matches!(y[..2], [b'1', b'8' | b'9'] | [b'2', b'0']);
        (century && y[2..].iter().all(u8::is_ascii_digit) && !text.get(at + 4).is_some_and(|&b| word(b))).then_some(at)
    };
    if let Some(at) = year_at(0) {
        return Some(at);
    }
    (0..text.len()).find_map(|at| {
        if at > 0 && word(text[at - 1]) {
            return None;
        }
        let rest = &text[at..];
        let len = [&b"of"[..], b"in", b"from", b"for"]
            .into_iter()
            .find(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w))?
            .len();
        let spaces = rest[len..].iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')).count();
        if spaces == 0 {
            return None;
        }
        year_at(at + len + spaces)
    })
}

/// Analyses the units of one article.
pub fn analyze(units: &[Unit], vocab: &Vocabulary) -> Vec<UnitInfo> {
    analyze_with(units, vocab, true)
}

/// As [`analyze`]; with `stops` false, what follows a "Comments" or "Related" heading is read
/// as content (a forum thread's replies are its content).
pub fn analyze_with(units: &[Unit], vocab: &Vocabulary, stops: bool) -> Vec<UnitInfo> {
    let mut info = vec![UnitInfo::default(); units.len()];
    let contents = contents_lines(units);
    mark_stops(units, &mut info, stops, &contents);
    mark_year_headings(units, &mut info);
    mark_list_year(units, &mut info);
    mark_tables_of_contents(units, &mut info, &contents);
    mark_list_titles(units, &mut info);
    for (i, u) in units.iter().enumerate() {
        let next_is_item = units.get(i + 1).is_some_and(|n| n.kind == crate::document::BlockKind::ListItem);
        // A lead-in to the mentions, not a passing "deserves honourable mention" in a blurb.
        let lead_in =
            u.words() <= 8 || u.text.trim_end().ends_with(':') && u.words() <= 30 || next_is_item && u.words() <= 25;
        // Otherwise only a match at the very start counts: most units are paragraphs that do
        // not open with one, and are not searched.
        info[i].hm_marker = if (lead_in || hm_may_open(&u.text)) && hm_may_occur(&u.text) {
            HM.find(&u.text).is_some_and(|m| lead_in || m.start() <= 2)
        } else {
            debug_assert!(HM.find(&u.text).is_none_or(|m| !lead_in && m.start() > 2), "HM opens {:?}", u.text);
            false
        };
        // A bare name right under a short title line is that entry's maker, not a writer.
        let prev = i.checked_sub(1).map(|p| &units[p]);
        let after_break =
            u.gap_before || prev.is_none_or(|p| p.words() > 12 || p.text.trim_end().ends_with(['.', '!', '?', ':']));
        // A writer's line has two to six words: other units are not asked (most are paragraphs).
        if (2..=6).contains(&u.words()) && (after_break || CREDIT_LEAD.is_match(&u.text)) {
            info[i].reviewer = reviewer_line(u, vocab);
        }
    }
    info
}

fn is_short_line(u: &Unit) -> bool {
    u.words() <= 12 && !u.text.ends_with(['.', '!', ','])
}

/// From a page-furniture heading to the end of the article (or the next heading of the same
/// or a higher level, in HTML).
fn mark_stops(units: &[Unit], info: &mut [UnitInfo], stops: bool, contents: &[bool]) {
    let mut stop_level: Option<u8> = None;
    let mut stopped = false;
    for (i, u) in units.iter().enumerate() {
        let level = match u.kind {
            crate::document::BlockKind::Heading(l) => Some(l),
            _ => None,
        };
        let trimmed = u.text.trim();
        if let (Some(stop), Some(l)) = (stop_level, level)
            && l <= stop
            && !is_stop(trimmed)
        {
            stop_level = None;
        }
        // A contents list naming "FAQ" is not the FAQ itself.
        if is_short_line(u) && u.kind != crate::document::BlockKind::ListItem && !contents[i] && is_stop(trimmed) {
            info[i].excluded = true;
            info[i].boundary = true;
            if stops {
                stop_level = Some(level.unwrap_or(0));
            }
            stopped = true;
        }
        info[i].after_stop = stopped;
        let lone_nav_word = u.words() <= 3 && is_nav_word(trimmed);
        if u.words() <= 14 && (is_furniture_line(trimmed) || is_navigation(&u.text)) || lone_nav_word {
            info[i].excluded = true;
        }
        // "^ Frayling, Christopher (2000)…": a reference note under a wiki article, its caret
        // the link back to the citation.
        let text = u.text.trim_start();
        if memchr::memchr(b'^', text.as_bytes()).is_some()
            && text[super::enumerator::parse(text).map_or(0, |e| e.len)..].starts_with("^ ")
        {
            info[i].excluded = true;
        }
        // An interviewer's question is never an entry.
        if QUESTION.is_match(&u.text) {
            info[i].excluded = true;
        }
        // Forum quotes ("Quote from grimlock77:", "Jane wrote:") repeat someone else's post.
        if i > 0 && u.words() <= 12 && is_quote_lead(&units[i - 1].text) {
            info[i - 1].excluded = true;
            info[i].excluded = true;
        }
        if stop_level.is_some() {
            info[i].excluded = true;
            info[i].boundary = true;
        }
    }
}

/// "our favourite scores from the films and shows of 2019" near the top: the year of the
/// whole list, for entries that give none.
fn mark_list_year(units: &[Unit], info: &mut [UnitInfo]) {
    let mut years: Vec<i32> = Vec::new();
    for (u, i) in units.iter().zip(info.iter()).take(15) {
        if i.excluded {
            continue;
        }
        let possible = list_year_may_match(&u.text);
        debug_assert!(possible || !LIST_YEAR.is_match(&u.text), "{:?}", u.text);
        if !possible {
            continue;
        }
        for c in LIST_YEAR.captures_iter(&u.text) {
            let end = c.get(1).map_or(0, |m| m.end());
            if u.text[end..].starts_with(['s', '’', '\'']) {
                continue; // "of the 2010s"
            }
            if let Ok(y) = c[1].parse() {
                years.push(y);
            }
        }
    }
    years.dedup();
    if let [year] = years.as_slice() {
        for slot in info.iter_mut() {
            slot.section_year.get_or_insert(*year);
        }
    }
}

static LIST_YEAR: LazyLock<Re> = LazyLock::new(|| {
    Re::gated(r"(?i)\b(?:scores?|soundtracks?|osts?|music|films?|movies?|shows?|series|games?|albums?|releases)\b[^.!?]{0,40}?\b(?:of|from|in)\s+(?:the\s+year\s+)?(1[89]\d\d|20\d\d)\b", &["18", "19", "20"])
        .expect("static regex")
});

/// Whether [`LIST_YEAR`] may match in `text`: its year opens with "18", "19" or "20" in ASCII
/// (as its gate says) after spaces and "of", "from", "in" or "year" ("in the year 2019"),
/// ASCII case aside. None of those letters has a non-ASCII case partner; a non-ASCII byte
/// among the spaces (a Unicode space) is left to the regex. Most of an article's opening
/// units hold a year only in a release bracket ("(Milan, 2018)") or none, and are not searched.
fn list_year_may_match(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).any(|at| {
        let century = matches!(&bytes[at..], [b'1', b'8' | b'9', ..] | [b'2', b'0', ..]);
        let spaces = bytes[..at].iter().rev().take_while(|b| b.is_ascii_whitespace() || **b == 0x0B).count();
        let before = &bytes[..at - spaces];
        let after_a_space = spaces > 0 || before.last().is_some_and(|b| !b.is_ascii());
        century
            && after_a_space
            && (before.last().is_some_and(|b| !b.is_ascii())
                || ["of", "from", "in", "year"].iter().any(|w| ends_with_ignore_ascii_case(before, w)))
    })
}

/// Whether `text` ends with `suffix`, ASCII case ignored.
fn ends_with_ignore_ascii_case(text: &[u8], suffix: &str) -> bool {
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Lines that are only a year ("1994", "## 1994"), two or more in an article, head sections:
/// the entries below them take that year, and the lines are not entries.
fn mark_year_headings(units: &[Unit], info: &mut [UnitInfo]) {
    let year_of = |u: &Unit| -> Option<i32> {
        let t = u.text.trim().trim_end_matches([':', '.']);
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|y| (1880..=2099).contains(y))
    };
    let headings: Vec<(usize, i32)> =
        units.iter().enumerate().filter_map(|(i, u)| year_of(u).map(|y| (i, y))).collect();
    if headings.len() < 2 {
        return;
    }
    for (n, &(at, year)) in headings.iter().enumerate() {
        info[at].excluded = true;
        info[at].boundary = true;
        let end = headings.get(n + 1).map_or(units.len(), |h| h.0);
        for slot in &mut info[at + 1..end] {
            if slot.boundary {
                break;
            }
            slot.section_year = Some(year);
        }
    }
}

/// Which units are a contents heading or the list under it: its list items, the one short
/// line right after it, and numbered section lines ("2 See also", "3.1 Scores").
fn contents_lines(units: &[Unit]) -> Vec<bool> {
    static NUMBERED: LazyLock<Re> = LazyLock::new(|| Re::new(r"^\d{1,2}(?:\.\d{1,2})*\s+\S").expect("static regex"));
    let mut contents = vec![false; units.len()];
    let mut i = 0;
    while i < units.len() {
        if TOC.is_match(units[i].text.trim()) {
            contents[i] = true;
            let mut j = i + 1;
            while j < units.len()
                && (units[j].kind == crate::document::BlockKind::ListItem
                    || is_short_line(&units[j]) && (j == i + 1 || NUMBERED.is_match(units[j].text.trim())))
            {
                contents[j] = true;
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    contents
}

/// A contents heading and the list under it; also any run of list items each of which
/// reappears later as a line of its own.
fn mark_tables_of_contents(units: &[Unit], info: &mut [UnitInfo], contents: &[bool]) {
    for (slot, &toc) in info.iter_mut().zip(contents) {
        slot.excluded |= toc;
    }
    // Where each text last appears as something other than a list item; only short items
    // are looked up, so only lines as short can be their match.
    // Without a short list item there is nothing to look up.
    if !units.iter().any(|u| u.kind == crate::document::BlockKind::ListItem && u.words() <= 14) {
        return;
    }
    let mut last_line: crate::fast_hash::FastMap<&str, usize> = crate::fast_hash::FastMap::default();
    for (i, u) in units.iter().enumerate() {
        if u.kind != crate::document::BlockKind::ListItem && u.words() <= 14 {
            last_line.insert(u.text.trim(), i);
        }
    }
    for (i, u) in units.iter().enumerate() {
        if u.kind == crate::document::BlockKind::ListItem
            && u.words() <= 14
            && last_line.get(u.text.trim()).is_some_and(|&j| j > i)
        {
            info[i].excluded = true;
        }
    }
}

/// List titles ("Top ten original scores of 2022") give a year to the entries below them;
/// a list title about something else ("Top reissued albums of 2022") in an article that also
/// has a soundtrack list title excludes its section.
fn mark_list_titles(units: &[Unit], info: &mut [UnitInfo]) {
    // Consecutive short title lines form one list title.
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if is_short_line(&units[i]) && units[i].words() >= 2 && is_list_title(&units[i].text) {
            let start = i;
            while i + 1 < units.len() && is_short_line(&units[i + 1]) && is_list_title(&units[i + 1].text) {
                i += 1;
            }
            titles.push((start, i));
        }
        i += 1;
    }
    let topical = |&(s, e): &(usize, usize)| units[s..=e].iter().any(|u| SOUNDTRACK_TOPIC.is_match(&u.text));
    let any_topical = titles.iter().any(topical);
    for (n, title) in titles.iter().enumerate() {
        let end = titles.get(n + 1).map_or(units.len(), |t| t.0);
        let year = units[title.0..=title.1].iter().find_map(|u| year_of(&u.text).and_then(|y| y.parse().ok()));
        // Excluded only when it lists another kind of thing ("reissued albums"), not when it
        // is a subheading of the same list ("The Top Seven").
        let other_topic = units[title.0..=title.1].iter().any(|u| OTHER_TOPIC.is_match(&u.text));
        let excluded = any_topical && !topical(title) && other_topic;
        for (k, slot) in info.iter_mut().enumerate().take(end).skip(title.0) {
            if k <= title.1 {
                slot.boundary = true;
            }
            if year.is_some() && slot.section_year.is_none() {
                slot.section_year = year;
            }
            slot.excluded |= excluded;
        }
    }
}

/// "Picked by", "Chosen by", "Words by", "Reviewed by": a writer's credit line.
static CREDIT_LEAD: LazyLock<Re> = LazyLock::new(|| {
    Re::new(
        r"(?i)^\s*(?:picked|chosen|selected|nominated|submitted|written|words|reviewed|compiled|curated)\s+(?:by|:)\s*",
    )
    .expect("static regex")
});

/// "Laura Stewart", "Segun Akinola:", "By Jane Doe", "Words: Jane Doe" on a line alone.
fn reviewer_line(u: &Unit, vocab: &Vocabulary) -> Option<String> {
    let text = u.text.trim();
    if u.words() > 6 || u.words() < 2 {
        return None;
    }
    // The prefixes are ASCII: no non-ASCII letter lower-cases to one of their letters
    // followed by the next (`İ` gives "i̇", the Kelvin sign `k`), so a case-blind byte test
    // agrees with the lower-cased text, without lower-casing it.
    let opens = |p: &str| starts_with_ignore_ascii_case(text.as_bytes(), p);
    debug_assert!(
        ["by ", "words: ", "words by ", "written by ", "reviewed by "]
            .iter()
            .all(|p| opens(p) == text.to_lowercase().starts_with(p)),
        "reviewer prefix of {text:?}"
    );
    let name = CREDIT_LEAD
        .find(text)
        .map(|m| &text[m.end()..])
        .or_else(|| {
            ["by ", "words: ", "words by ", "written by ", "reviewed by "]
                .iter()
                .find_map(|p| opens(p).then(|| &text[p.len()..]))
        })
        .unwrap_or(text)
        .trim_end_matches(':')
        .trim();
    let plain = name.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    (plain && name_score(name, vocab) >= 0.85 && !vocab.is_composer(name)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;
    use crate::extract::vocab::BUILT_IN;

    proptest::proptest! {
        /// The year read by hand is the one the pattern captures, in ASCII text.
        #[test]
        fn ascii_years_as_the_pattern(text in "(Of|of|IN|in|from|FOR|for|forth|x|_|1999|2023|1888|2100|19999|1977x| |  |\t|\u{b}|,|-){0,8}") {
            let by_pattern = YEAR_OF.captures(&text).and_then(|c| c.get(1).or(c.get(2))).map(|m| m.start());
            proptest::prop_assert_eq!(ascii_year_of(text.as_bytes()), by_pattern, "{:?}", text);
        }
    }

    fn unit(text: &str, kind: BlockKind) -> Unit {
        Unit::new(text.into(), 1, kind, true, 0)
    }

    /// Which units are set aside.
    fn excluded(units: &[Unit]) -> Vec<bool> {
        analyze(units, &BUILT_IN).iter().map(|i| i.excluded).collect()
    }

    #[test]
    fn furniture_and_contents_are_excluded() {
        let units = vec![
            unit("Table of Contents", BlockKind::Paragraph),
            unit("Intro", BlockKind::ListItem),
            unit("1. Jaws", BlockKind::Paragraph),
            unit("Recommended", BlockKind::Paragraph),
            unit("10 Best Horror Films", BlockKind::Paragraph),
        ];
        assert_eq!(excluded(&units), [true, true, false, true, true]);
    }

    #[test]
    fn a_numbered_contents_list_naming_see_also_stops_nothing() {
        let lines = [
            "Contents",
            "1 Winners and nominees",
            "2 See also",
            "3 References",
            "Year Film Composer(s)",
            "Gladiator Hans Zimmer",
            "See also",
            "Gladiator II",
        ];
        let units: Vec<Unit> = lines.iter().map(|l| unit(l, BlockKind::Paragraph)).collect();
        assert_eq!(excluded(&units), [true, true, true, true, false, false, true, true]);
    }

    #[test]
    fn a_comment_count_with_page_links_ends_the_article() {
        for text in [
            "Comments (3)",
            "SUBSCRIBERS get more",
            "FAQs:",
            "ſee also",
            "12 comments",
            "Te puede interesar",
            "Commentary",
        ] {
            assert_eq!(is_stop(text), STOP.is_match(text), "{text:?}");
        }
        assert!(STOP.is_match("12 comments · Log in to comment"));
        assert!(STOP.is_match("Comments | Share"));
        assert!(STOP.is_match("MEISTGELESEN"));
        assert!(STOP.is_match("Kommentare (18)"));
        assert!(STOP.is_match("Most read"));
        assert!(!STOP.is_match("Comments · are the best part of the page, she wrote"));
        assert!(!STOP.is_match("Commentary track on the Ghost in the Shell reissue"));
    }

    #[test]
    fn list_titles_give_years_and_topics() {
        let units = vec![
            unit("Top ten original scores of 2022", BlockKind::Paragraph),
            unit("A: B", BlockKind::Paragraph),
            unit("Top ten reissued albums of 2022", BlockKind::Paragraph),
            unit("C: D", BlockKind::Paragraph),
        ];
        let info = analyze(&units, &BUILT_IN);
        assert_eq!(info[1].section_year, Some(2022));
        assert!(!info[1].excluded);
        assert!(info[3].excluded);
    }

    const PIECES: &[&str] = &[
        "Honourable",
        "honorable mention",
        "HONOURABLE MENTIONS",
        "also-ran",
        "alſo ran",
        "runners-up",
        "runner up",
        "bubbling under",
        "near misses",
        "just missed the cut",
        "didn't make the list",
        "didn’t quite make the cut",
        "special mention",
        "acknowledge",
        "ac\u{212A}nowledge",
        " ",
        "  ",
        "(",
        "é",
        "The",
        "a",
        "Quote from x:",
        "Jane wrote:",
        "quote:",
        ":",
        ".",
        "\n",
        "Jaws",
    ];

    proptest::proptest! {
        /// A text whose opening refuses every lead literal holds no match of HM in its first
        /// three bytes, and one that holds no lead literal none at all; a quote lead ends with
        /// its colon.
        #[test]
        fn pre_checks_refuse_only_texts_without_matches(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..6)
        ) {
            let text = parts.concat();
            if !hm_may_open(&text) {
                proptest::prop_assert!(HM.find(&text).is_none_or(|m| m.start() > 2), "{:?}", text);
            }
            if !hm_may_occur(&text) {
                proptest::prop_assert!(HM.find(&text).is_none(), "{:?}", text);
            }
            proptest::prop_assert_eq!(is_quote_lead(&text), QUOTE_LEAD.is_match(text.trim()), "{:?}", text);
        }
    }

    #[test]
    fn nav_words_and_furniture_lines() {
        for text in ["Home", "LOG IN", "e-mail", "X", "Skip to main content", "support us today", "about  us"] {
            assert_eq!(is_nav_word(text), NAV_WORD.is_match(text), "{text:?}");
        }
        assert!(is_nav_word("Support Us") && !is_nav_word("support us\nnow") && !is_nav_word("Homes"));
        for (text, furniture) in [("Tags: Jaws", true), ("tags", true), ("Tagged", false), ("Read time 4 min", true)] {
            assert_eq!(is_furniture_line(text), furniture, "{text:?}");
        }
        assert!(is_navigation("Home | News › Reviews") && !is_navigation("Jaws – John Williams"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// The hand checks of navigation words and furniture lines answer as the patterns.
        #[test]
        fn nav_words_and_furniture_lines_as_by_regex(text in "(Home|about|US|us| |  |\\n|Log|in|LOGIN|sign|up|x|X|e-mail|skip to|main|content|support|Support us|tags|Tag|_|1|filed|under|Reading|time|sources|photo|Comments|comment|Subscribers|see|also|FAQs|replies|more|from|te|leave a reply|\\(3\\)|!|é|ſ|\u{212a}|\\||·|•|»|›|:|,){0,6}") {
            proptest::prop_assert_eq!(is_nav_word(&text), NAV_WORD.is_match(&text), "{:?}", text);
            proptest::prop_assert_eq!(is_furniture_line(&text), FURNITURE_LINE.is_match(&text), "{:?}", text);
            proptest::prop_assert_eq!(is_stop(&text), STOP.is_match(&text), "{:?}", text);
            let split = text.split(['|', '·', '•', '»', '›']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>();
            let by_regex = split.len() >= 2 && split.iter().filter(|p| NAV_WORD.is_match(p)).count() * 2 >= split.len();
            proptest::prop_assert_eq!(is_navigation(&text), by_regex, "{:?}", text);
        }
    }

    #[test]
    fn list_years_after_of_from_in_or_the_year() {
        for (text, year) in [
            ("Our favourite film scores of 2019", Some(2019)),
            ("The best soundtracks released in the year 1998, ranked", Some(1998)),
            ("Best film music (Milan, 2018)", None),
            ("Scores from\u{a0}2001 and beyond", Some(2001)),
        ] {
            let units = vec![unit(text, BlockKind::Paragraph), unit("Heat", BlockKind::Paragraph)];
            assert_eq!(analyze(&units, &BUILT_IN)[1].section_year, year, "{text:?}");
        }
    }

    #[test]
    fn honourable_mentions_and_reviewers() {
        let units = vec![unit("Honorable Mentions", BlockKind::Paragraph), unit("Laura Stewart", BlockKind::Paragraph)];
        let info = analyze(&units, &BUILT_IN);
        assert!(info[0].hm_marker);
        assert_eq!(info[1].reviewer.as_deref(), Some("Laura Stewart"));
    }

    proptest::proptest! {
        /// The year check refuses only texts the list-year pattern does not match.
        #[test]
        fn list_year_check_refuses_only_non_matches(text in "(Scores|music|films| |\t|\u{b}|\u{a0}|\u{2003}|of|OF|from|in|In|year|the|2019|1999|1800|20|19|19٩٩|x|,|\\.|ſ|\u{212a}|é|\\(){0,12}") {
            if !list_year_may_match(&text) {
                proptest::prop_assert!(!LIST_YEAR.is_match(&text), "{:?}", text);
            }
        }

        /// The word walk finds a list-title word where the regex does.
        #[test]
        fn list_titles_by_walk_as_by_regex(text in "(Top|TOP|best|Greatest|favourites|Favorite|favrites|essential|Ranked|ranking|rank|10|_|'|-| |x|é|ſ|\u{212a}|’|—|\u{301}|ǅ|\u{a0}){0,8}") {
            proptest::prop_assert_eq!(is_list_title(&text), LIST_TITLE.is_match(&text));
        }
    }
}
