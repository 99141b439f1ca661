//! Article layouts a synthetic corpus uses, each one the extractor is meant to read:
//! `Composer ~ Title (Label, Year)` headers, `N. Title (Year)` ranked lines with
//! `composed by` blurbs, Markdown `## Title (Year)` with a `Composer:` line, and HTML
//! `<h2>Title (Year)</h2><p>Composer: Name</p>`.

use super::rng::Rng;
use super::words::{
    ADJECTIVES, BLURB_MIDDLES, BLURB_OPENERS, BLURB_SENTENCES, COMMENTS, GIVEN, NAV_LINKS, NOUNS, SURNAMES,
    TRACK_SENTENCES,
};

/// One entry as it is printed.
#[derive(Debug, Clone)]
pub struct Entry {
    pub title: String,
    pub year: Option<i32>,
    pub credit: Option<String>,
    pub label: Option<String>,
    pub alt: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Tilde,
    Ranked,
    Markdown,
    Html,
}

impl Style {
    pub fn extension(self) -> &'static str {
        match self {
            Style::Tilde | Style::Ranked => "txt",
            Style::Markdown => "md",
            Style::Html => "html",
        }
    }
}

fn blurb(rng: &mut Rng, entry: &Entry, with_credit: bool) -> String {
    let fill = |rng: &mut Rng, s: &str| {
        s.replace("{adj}", &rng.pick(ADJECTIVES).to_lowercase()).replace("{noun}", &rng.pick(NOUNS).to_lowercase())
    };
    let opener = *rng.pick(BLURB_OPENERS);
    let mut out = fill(rng, opener);
    if rng.chance(0.5) {
        out.push(' ');
        let middle = *rng.pick(BLURB_MIDDLES);
        out.push_str(&fill(rng, middle));
    }
    if let (true, Some(c)) = (with_credit, &entry.credit) {
        out.push_str(&format!(" The music was composed by {c}."));
    }
    if let Some(alt) = &entry.alt {
        out.push_str(&format!(" It was also released as “{alt}”."));
    }
    out
}

fn header(entry: &Entry) -> String {
    match entry.year {
        Some(y) => format!("{} ({y})", entry.title),
        None => entry.title.clone(),
    }
}

/// Renders an article; returns its text and the 1-based line of each entry's header.
pub fn render(rng: &mut Rng, style: Style, heading: &str, entries: &[Entry]) -> (String, Vec<usize>) {
    let mut lines: Vec<String> = Vec::new();
    let mut at = Vec::new();
    let intro = "Here are the soundtracks we keep coming back to, with a few words on each.";
    match style {
        Style::Html => {
            lines.push("<!DOCTYPE html>".into());
            lines.push("<html><head><meta charset=\"utf-8\"><title>Soundtracks</title></head><body>".into());
            lines.push(format!("<h1>{heading}</h1>"));
            lines.push(format!("<p>{intro}</p>"));
        }
        Style::Markdown => {
            lines.push(format!("# {heading}"));
            lines.push(String::new());
            lines.push(intro.into());
        }
        _ => {
            lines.push(heading.into());
            lines.push(String::new());
            lines.push(intro.into());
        }
    }
    push_entries(&mut lines, &mut at, rng, style, entries, blurb);
    if style == Style::Html {
        lines.push("</body></html>".into());
    }
    let mut text = lines.join("\n");
    text.push('\n');
    (text, at)
}

/// A blurb of realistic length: four to seven sentences of 60–120 words in all, now and then a
/// named track, and the credit or the alternate title as in [`render`].
fn long_blurb(rng: &mut Rng, entry: &Entry, with_credit: bool) -> String {
    let fill = |rng: &mut Rng, s: &str| {
        s.replace("{adj}", &rng.pick(ADJECTIVES).to_lowercase()).replace("{noun}", &rng.pick(NOUNS).to_lowercase())
    };
    let opener = *rng.pick(BLURB_OPENERS);
    let mut out = fill(rng, opener);
    for _ in 0..rng.range(3, 6) {
        out.push(' ');
        let s = *rng.pick(BLURB_SENTENCES);
        out.push_str(&fill(rng, s));
    }
    if rng.chance(0.3) {
        let track = format!("{} {}", rng.pick(ADJECTIVES), rng.pick(NOUNS));
        let s = rng.pick(TRACK_SENTENCES).replace("{track}", &track);
        out.push(' ');
        out.push_str(&s);
    }
    if let (true, Some(c)) = (with_credit, &entry.credit) {
        out.push_str(&format!(" The music was composed by {c}."));
    }
    if let Some(alt) = &entry.alt {
        out.push_str(&format!(" It was also released as “{alt}”."));
    }
    out
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES))
}

/// The start of a saved page: a head with inline style and script, a site header and navigation.
fn page_head(rng: &mut Rng, heading: &str) -> Vec<String> {
    let mut lines = vec![
        "<!DOCTYPE html>".to_string(),
        "<html lang=\"en\"><head><meta charset=\"utf-8\">".to_string(),
        format!("<title>{} | Needle &amp; Frame</title>", escape(heading)),
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".to_string(),
        "<style>".to_string(),
    ];
    for class in ["site-header", "nav", "article", "sidebar", "comments", "footer", "share", "byline"] {
        lines.push(format!(
            ".{class} {{ margin: 0 auto; padding: 1rem 2rem; max-width: 72rem; font-family: Georgia, serif; \
             color: #222; background: #fafafa; border-bottom: 1px solid #ddd; }}"
        ));
    }
    lines.push("</style>".into());
    lines.push("<script>window.dataLayer = window.dataLayer || [];".into());
    for i in 0..12 {
        lines.push(format!(
            "function track{i}(e) {{ window.dataLayer.push({{ event: 'click', target: e.target.id, slot: {i} }}); }}"
        ));
    }
    lines.push("</script></head><body>".into());
    lines.push("<header class=\"site-header\"><a href=\"/\" class=\"logo\">Needle &amp; Frame</a>".into());
    lines.push("<nav class=\"nav\"><ul>".into());
    for l in NAV_LINKS {
        lines.push(format!("<li><a href=\"/{}\">{l}</a></li>", l.to_lowercase().replace(' ', "-")));
    }
    lines.push("</ul></nav></header>".into());
    lines.push("<main><article class=\"article\">".into());
    lines.push(format!("<h1>{}</h1>", escape(heading)));
    let by = person(rng);
    lines.push(format!(
        "<p class=\"byline\">By <a href=\"/authors/{}\">{}</a> · {} March 2024</p>",
        by.to_lowercase().replace(' ', "-"),
        escape(&by),
        rng.range(1, 28)
    ));
    lines.push(
        "<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <a href=\"#\">Email</a></div>".into(),
    );
    lines
}

/// The end of a saved page: related articles, comments, footer.
fn page_tail(rng: &mut Rng) -> Vec<String> {
    let mut lines = vec!["</article>".to_string(), "<aside class=\"sidebar\"><h3>Related</h3><ul>".to_string()];
    for _ in 0..6 {
        lines.push(format!(
            "<li><a href=\"/lists/{n}\">The {adj} {noun}: ten more scores to hear</a></li>",
            n = rng.below(1000),
            adj = rng.pick(ADJECTIVES),
            noun = rng.pick(NOUNS)
        ));
    }
    lines.push("</ul></aside>".into());
    lines.push("<section class=\"comments\"><h3>Comments</h3>".into());
    for _ in 0..rng.range(1, 4) {
        let who = person(rng);
        let (c, adj, noun) = (*rng.pick(COMMENTS), *rng.pick(ADJECTIVES), *rng.pick(NOUNS));
        let c = c.replace("{adj}", adj).replace("{noun}", noun);
        lines.push(format!("<div class=\"comment\"><b>{}</b><p>{}</p></div>", escape(&who), escape(&c)));
    }
    lines.push("</section></main>".into());
    lines.push("<footer class=\"footer\"><p>© 2024 Needle &amp; Frame. All rights reserved.</p><ul>".into());
    for l in ["Privacy", "Terms", "Cookies", "Advertise", "Jobs"] {
        lines.push(format!("<li><a href=\"/{}\">{l}</a></li>", l.to_lowercase()));
    }
    lines.push("</ul></footer></body></html>".into());
    lines
}

/// Renders an article as a real one looks: a byline and a longer intro, blurbs of realistic
/// length, and for HTML a whole saved page with style, script, navigation, related links,
/// comments and a footer around the list. Returns its text and each entry's header line.
pub fn render_realistic(rng: &mut Rng, style: Style, heading: &str, entries: &[Entry]) -> (String, Vec<usize>) {
    let mut lines: Vec<String> = Vec::new();
    let mut at = Vec::new();
    let intro = "Every year we argue about which soundtracks deserve a place on this list, and every year the \
                 argument gets longer. These are the records our writers kept returning to, the ones that work \
                 as well on a long drive as they do in the dark of a cinema. Each entry gives the year of the \
                 film and a few words on why it matters.";
    let by = person(rng);
    match style {
        Style::Html => {
            lines.extend(page_head(rng, heading));
            lines.push(format!("<p>{intro}</p>"));
        }
        Style::Markdown => {
            lines.push(format!("# {heading}"));
            lines.push(String::new());
            lines.push(format!("*By {by}*"));
            lines.push(String::new());
            lines.push(intro.into());
        }
        _ => {
            lines.push(heading.into());
            lines.push(String::new());
            lines.push(format!("By {by}"));
            lines.push(String::new());
            lines.push(intro.into());
        }
    }
    push_entries(&mut lines, &mut at, rng, style, entries, long_blurb);
    let outro = "That is our list for this year. Tell us what we missed: the comments are open, and the best \
                 suggestions will make it into the next edition.";
    match style {
        Style::Html => {
            lines.push(format!("<p>{outro}</p>"));
            lines.extend(page_tail(rng));
        }
        _ => {
            lines.push(String::new());
            lines.push(outro.into());
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    (text, at)
}

/// Appends each entry in `style` (header, credit line, a blurb from `blurb`) and records the
/// 1-based line of each header in `at`.
fn push_entries(
    lines: &mut Vec<String>,
    at: &mut Vec<usize>,
    rng: &mut Rng,
    style: Style,
    entries: &[Entry],
    blurb: fn(&mut Rng, &Entry, bool) -> String,
) {
    let n = entries.len();
    for (i, e) in entries.iter().enumerate() {
        match style {
            Style::Tilde => {
                lines.push(String::new());
                at.push(lines.len() + 1);
                let credit = e.credit.clone().unwrap_or_else(|| "Various Artists".into());
                let label = e.label.clone().unwrap_or_default();
                let year = e.year.map(|y| format!(", {y}")).unwrap_or_default();
                lines.push(format!("{credit} ~ {} ({label}{year})", e.title));
                lines.push(blurb(rng, e, false));
            }
            Style::Ranked => {
                lines.push(String::new());
                at.push(lines.len() + 1);
                lines.push(format!("{}. {}", n - i, header(e)));
                lines.push(blurb(rng, e, true));
            }
            Style::Markdown => {
                lines.push(String::new());
                at.push(lines.len() + 1);
                lines.push(format!("## {}", header(e)));
                lines.push(String::new());
                if let Some(c) = &e.credit {
                    lines.push(format!("Composer: {c}"));
                    lines.push(String::new());
                }
                lines.push(blurb(rng, e, false));
            }
            Style::Html => {
                at.push(lines.len() + 1);
                lines.push(format!("<h2>{}</h2>", escape(&header(e))));
                if let Some(c) = &e.credit {
                    lines.push(format!("<p>Composer: {}</p>", escape(c)));
                }
                lines.push(format!("<p>{}</p>", escape(&blurb(rng, e, false))));
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
