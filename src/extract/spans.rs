//! Title spans in running text: the capitalised run right before a cue word ("the Saturday
//! Night Fever soundtrack", "Bernard Herrmann's Psycho score") and the list of titles right
//! after one ("contributions to The Dark Knight, Inception, and Interstellar").

use super::split::is_abbreviation;
use super::words::{is_capitalised, is_title_function_word, is_work_noun};

/// A title found before a cue, with the person whose possessive opened it
/// ("Bernard Herrmann's Psycho" → possessor "Bernard Herrmann").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanBefore {
    pub title: String,
    pub possessor: Option<String>,
    /// The title itself ended in a possessive ("Purple Rain's 1984 soundtrack").
    pub possessive: bool,
}

fn strip_possessive(token: &str) -> Option<&str> {
    ["’s", "'s", "’", "'"].iter().find_map(|e| token.strip_suffix(e)).filter(|s| !s.is_empty())
}

fn is_title_token(token: &str) -> bool {
    is_capitalised(token) || is_title_function_word(token) || token == "&"
}

/// The title span that ends right before `before.len()`: capitalised words, small words and
/// internal commas ("O Brother, Where Art Thou?"), back to a lower-case word or a possessive
/// that names the maker.
pub fn span_before(before: &str) -> Option<SpanBefore> {
    if let Some(span) = emphasis_before(before) {
        return Some(span);
    }
    let tokens: Vec<&str> = before.split_whitespace().collect();
    let mut end = tokens.len();
    let mut possessive = false;
    if let Some(last) = tokens.last()
        && let Some(stem) = strip_possessive(last)
        && is_capitalised(stem)
    {
        possessive = true;
    }
    let mut start = end;
    while start > 0 {
        let t = tokens[start - 1];
        let bare = t.trim_end_matches(',');
        let is_last = start == end;
        if !is_last && strip_possessive(t).is_some() {
            break;
        }
        if t.ends_with(['.', ';', ':']) && !is_abbreviation(t) || t.ends_with('.') && start < end && !is_abbreviation(t)
        {
            break;
        }
        if !is_title_token(bare.trim_start_matches(['“', '"', '(', '*'])) {
            break;
        }
        // A comma inside a title is followed by a small or capitalised word; a sentence comma
        // is where the span starts.
        if t.ends_with(',') && !tokens.get(start).is_some_and(|n| is_title_token(n)) {
            break;
        }
        start -= 1;
    }
    // Trim leading small words and commas ("the", "and").
    while start < end
        && (is_title_function_word(tokens[start]) || tokens[start].ends_with(','))
        && !is_capitalised(tokens[start])
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // "Similarly, Purple Rain": a lone opening word before a comma is not part of the title.
    if start == 0 && tokens[start].ends_with(',') && start + 1 < end {
        start += 1;
    }
    let possessor = start.checked_sub(1).and_then(|p| {
        let stem = strip_possessive(tokens[p])?.trim_start_matches(['*', '“', '"', '(']);
        let mut q = p;
        let mut parts = vec![stem];
        while q > 0 && is_capitalised(tokens[q - 1]) && parts.len() < 4 {
            q -= 1;
            parts.insert(0, tokens[q].trim_start_matches(['*', '“', '"', '(']));
        }
        Some(parts.join(" "))
    });
    let mut words: Vec<&str> = tokens[start..end].to_vec();
    if possessive {
        let last = words.len() - 1;
        words[last] = strip_possessive(words[last]).unwrap_or(words[last]);
    }
    end = words.len();
    let title = words[..end].join(" ").trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '*' | ',')).to_string();
    (!title.is_empty()).then_some(SpanBefore { title, possessor, possessive })
}

/// Emphasis marks a title's exact bounds (`for Luca Guadagnino's *Suspiria*`), whatever its
/// words: "*Schindler's List*", "*and in the endless pause there came the sound of bees*".
fn emphasis_before(before: &str) -> Option<SpanBefore> {
    let trimmed = before.trim_end();
    let mark = trimmed.chars().last().filter(|c| matches!(c, '*' | '_'))?;
    let body = trimmed.strip_suffix(mark).filter(|b| !b.ends_with(mark))?;
    let open = body.rfind(mark)?;
    let title = body[open + 1..].trim();
    let glued = body[..open].chars().last().is_some_and(|c| c.is_alphanumeric() || c == mark);
    if title.is_empty() || title.ends_with(' ') || glued {
        return None;
    }
    let possessor = body[..open].split_whitespace().last().and_then(strip_possessive).and_then(|stem| {
        let tokens: Vec<&str> = body[..open].split_whitespace().collect();
        let mut parts = vec![stem];
        let mut q = tokens.len() - 1;
        while q > 0 && is_capitalised(tokens[q - 1]) && parts.len() < 4 {
            q -= 1;
            parts.insert(0, tokens[q]);
        }
        is_capitalised(stem).then(|| parts.join(" "))
    });
    Some(SpanBefore { title: title.to_string(), possessor, possessive: false })
}

/// The emphasised title opening `text` (`*Dune* in 2021, …`) and the text after it.
pub fn emphasis_after(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let mark = text.chars().next().filter(|c| matches!(c, '*' | '_'))?;
    let body = &text[1..];
    if body.is_empty() || body.starts_with([mark, ' ']) {
        return None;
    }
    let close = body.find(mark)?;
    let title = body[..close].trim_end();
    // "_Shōgun_" closes at a word's end, not inside one ("snake_case").
    let after = &body[close + 1..];
    let glued = after.chars().next().is_some_and(char::is_alphanumeric);
    (!title.is_empty() && title.len() == close && !glued).then_some((title, after))
}

/// Titles set apart by quotes or emphasis, with their byte range in `sentence`: capitalised,
/// at most ten words.
pub fn set_apart(sentence: &str) -> Vec<(&str, usize, usize)> {
    let titled =
        |t: &str| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && t.split_whitespace().count() <= 10;
    let mut out: Vec<(&str, usize, usize)> = super::scan::quotes(sentence)
        .into_iter()
        .filter_map(|q| {
            let inner = sentence[q.start..q.end].trim_matches(|c: char| !c.is_alphanumeric() && c != '!' && c != '?');
            titled(inner).then_some((inner, q.start, q.end))
        })
        .collect();
    for (at, c) in sentence.char_indices().filter(|(_, c)| matches!(c, '*' | '_')) {
        let opens = sentence[..at].chars().last().is_none_or(|p| p.is_whitespace() || "(“\"".contains(p));
        if let Some((title, after)) = emphasis_after(&sentence[at..]).filter(|_| opens)
            && titled(title)
        {
            let end = at + c.len_utf8() + title.len() + c.len_utf8();
            debug_assert_eq!(sentence.len() - after.len(), end);
            out.push((title, at, end));
        }
    }
    out
}

/// The titles that start `after`: "The Dark Knight, Inception, and Interstellar pushed …",
/// "the Indiana Jones series, E.T. the Extra-Terrestrial, and Schindler's List". A trailing
/// work noun ("series") is dropped; commas followed by a small word stay inside a title
/// ("The Good, the Bad and the Ugly").
pub fn titles_after(after: &str) -> Vec<String> {
    let tokens: Vec<&str> = after.split_whitespace().take(40).collect();
    let mut titles = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut i = 0;
    // Skip a determiner and an optional short description: "the brand new", "the new Nick
    // Cage movie".
    while i < tokens.len() && !is_capitalised(tokens[i]) && i < 4 {
        if !is_title_function_word(tokens[i]) && !tokens[i].chars().all(|c| c.is_lowercase() || c == '-') {
            return titles;
        }
        i += 1;
    }
    while i < tokens.len() {
        let t = tokens[i];
        let bare = t.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let next = tokens.get(i + 1).copied();
        if t.starts_with('(') {
            break;
        }
        if current.is_empty()
            && let Some((title, rest)) = emphasis_after(&tokens[i..].join(" "))
        {
            titles.push(title.to_string());
            i += title.split_whitespace().count();
            // "*Solaris*, *Traffic* and *Contagion*": more titles only after a comma or "and".
            let rest = rest.trim_start();
            if rest.starts_with(',') || tokens.get(i).is_some_and(|t| matches!(*t, "and" | "or" | "&")) {
                continue;
            }
            break;
        }
        if current.is_empty() && !is_capitalised(t) {
            if t == "and" || t == "or" {
                i += 1;
                continue;
            }
            break;
        }
        if is_work_noun(bare) && !current.is_empty() {
            // "the Indiana Jones series, E.T. …": the noun ends the title.
            push_title(&mut titles, &current);
            current.clear();
            if !t.ends_with(',') {
                break;
            }
            i += 1;
            continue;
        }
        if !is_title_token(bare) && !bare.is_empty() {
            break;
        }
        current.push(t);
        let ends_sentence = (t.ends_with('.') && !is_abbreviation(t))
            || t.ends_with(['!', '?', ';']) && !next.is_some_and(is_capitalised);
        if ends_sentence || t.ends_with(')') {
            break;
        }
        if t.ends_with(',') {
            // "The Good, the Bad" continues; ", Inception" or ", and Interstellar" starts a new one,
            // and ", by Dario Velluti," is a credit.
            let next_small = next.is_some_and(|n| is_title_function_word(n) && !matches!(n, "and" | "or" | "by"));
            if !next_small {
                push_title(&mut titles, &current);
                current.clear();
            }
        } else if next.is_some_and(|n| n == "and" || n == "&")
            && tokens.get(i + 2).is_some_and(|n| is_capitalised(n))
            && !current.iter().any(|w| w.ends_with(','))
        {
            // "Halloween and Escape from New York": two titles, unless the span already holds
            // a title comma ("The Good, the Bad and the Ugly").
            if current.len() <= 3 {
                push_title(&mut titles, &current);
                current.clear();
                i += 1;
            }
        }
        i += 1;
    }
    push_title(&mut titles, &current);
    titles
}

fn push_title(titles: &mut Vec<String>, words: &[&str]) {
    let mut words: Vec<&str> = words.to_vec();
    while words.last().is_some_and(|w| {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        is_title_function_word(bare) && !is_capitalised(bare) || is_work_noun(bare)
    }) {
        words.pop();
    }
    let title = words.join(" ");
    let title = title.trim_end_matches([',', '.', ';', ':', ')']).trim_matches(|c| matches!(c, '“' | '”' | '"' | '*'));
    if !title.is_empty() && title.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        titles.push(title.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_bounds_titles() {
        let s = span_before("His violin theme for *Schindler’s List*").unwrap();
        assert_eq!((s.title.as_str(), s.possessive), ("Schindler’s List", false));
        let s = span_before("Two notes, E and F. *Jaws*").unwrap();
        assert_eq!(s.title, "Jaws");
        let s = span_before("Luca Guadagnino's *Suspiria*").unwrap();
        assert_eq!((s.title.as_str(), s.possessor.as_deref()), ("Suspiria", Some("Luca Guadagnino")));
        // Bold is not a title's bounds.
        assert_eq!(span_before("the **Psycho**").map(|s| s.title), Some("Psycho".to_string()));
        assert_eq!(titles_after("*Dune* in 2021, released by WaterTower"), ["Dune"]);
        assert_eq!(titles_after("*Solaris*, *Traffic* and *Contagion* were"), ["Solaris", "Traffic", "Contagion"]);
        assert_eq!(emphasis_after("* not a title*"), None);
        assert_eq!(emphasis_after("_Shōgun_ (2024)"), Some(("Shōgun", " (2024)")));
        assert_eq!(emphasis_after("_snake_case"), None);
        assert_eq!(span_before("Netflix's _Ripley_").map(|s| s.title), Some("Ripley".to_string()));
        let marked: Vec<&str> = set_apart("“Road House” (2024) and _Shōgun_, but not snake_case_names")
            .into_iter()
            .map(|(t, _, _)| t)
            .collect();
        assert_eq!(marked, ["Road House", "Shōgun"]);
    }

    #[test]
    fn before_cues() {
        let s = span_before("The commercial impact is clear. The Saturday Night Fever").unwrap();
        assert_eq!(s.title, "The Saturday Night Fever");
        let s = span_before("while the O Brother, Where Art Thou?").unwrap();
        assert_eq!(s.title, "O Brother, Where Art Thou?");
        let s = span_before("**Bernard Herrmann’s Psycho").unwrap();
        assert_eq!((s.title.as_str(), s.possessor.as_deref()), ("Psycho", Some("Bernard Herrmann")));
        let s = span_before("Similarly, Purple Rain’s").unwrap();
        assert_eq!((s.title.as_str(), s.possessive), ("Purple Rain", true));
        assert_eq!(span_before("we loved the"), None);
    }

    #[test]
    fn after_cues() {
        assert_eq!(
            titles_after("The Dark Knight, Inception, and Interstellar pushed scoring"),
            ["The Dark Knight", "Inception", "Interstellar"]
        );
        assert_eq!(
            titles_after("The Good, the Bad and the Ugly created the template"),
            ["The Good, the Bad and the Ugly"]
        );
        assert_eq!(
            titles_after("the Indiana Jones series, E.T. the Extra-Terrestrial, and Schindler’s List demonstrated"),
            ["Indiana Jones", "E.T. the Extra-Terrestrial", "Schindler’s List"]
        );
        assert_eq!(
            titles_after("Halloween and Escape from New York that sound"),
            ["Halloween", "Escape from New York"]
        );
        assert_eq!(titles_after("Star Wars, for instance, revived"), ["Star Wars"]);
        assert_eq!(
            titles_after("Nights at the Ferry Hotel, by Dario Velluti, was recorded"),
            ["Nights at the Ferry Hotel"]
        );
        assert_eq!(titles_after("Stand by Me, by Jack Nitzsche"), ["Stand by Me"]);
        assert_eq!(
            titles_after("the brand new Snake Eyes: G.I. Joe Origins movie, a box"),
            ["Snake Eyes: G.I. Joe Origins"]
        );
        assert!(titles_after("the carefully curated songs").is_empty());
    }
}
