//! Article layouts a synthetic corpus uses, each one the extractor is meant to read:
//! `Composer ~ Title (Label, Year)` headers, `N. Title (Year)` ranked lines with
//! `composed by` blurbs, Markdown `## Title (Year)` with a `Composer:` line, and HTML
//! `<h2>Title (Year)</h2><p>Composer: Name</p>`.

use super::rng::Rng;
use super::words::{ADJECTIVES, BLURB_MIDDLES, BLURB_OPENERS, NOUNS};

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
    if style == Style::Html {
        lines.push("</body></html>".into());
    }
    let mut text = lines.join("\n");
    text.push('\n');
    (text, at)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
