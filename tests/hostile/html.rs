//! Saved pages built to trip a parser: deep nesting, truncation, list-like text where no
//! reader sees it, entities, and a charset declaration that lies.

use crate::util::Workspace;
use crate::{ARTICLE, assert_article, timed};

/// [`ARTICLE`] as a page body: a heading and one paragraph per entry.
fn article_html() -> String {
    let mut lines = ARTICLE.lines().filter(|l| !l.is_empty());
    let heading = lines.next().unwrap_or_default();
    let items: String = lines.map(|l| format!("<p>{l}</p>\n")).collect();
    format!("<h1>{heading}</h1>\n{items}")
}

#[test]
fn html_nested_20000_levels_deep() {
    let ws = Workspace::new();
    let page =
        format!("<html><body>{}{}{}</body></html>", "<div>".repeat(20_000), article_html(), "</div>".repeat(20_000));
    ws.write("deep.html", page);
    // It took 11 s before nesting was capped (quadratic in the tree builder).
    let out = timed("20,000 levels", || ws.run_ok());
    assert_article(&out, "deep.html");
}

#[test]
fn html_cut_off_mid_tag() {
    let ws = Workspace::new();
    let page = format!("<!DOCTYPE html><html><body>{}", article_html());
    ws.write("in-attribute.html", format!("{page}<p class=\"lead"))
        .write("in-name.html", format!("{page}<sec"))
        .write("in-comment.html", format!("{page}<!-- 4. Jaws (1975) - John Williams"))
        .write("in-entity.html", format!("{page}<p>Tom &am"));
    let out = ws.run_ok();
    for name in ["in-attribute.html", "in-name.html", "in-comment.html", "in-entity.html"] {
        assert_article(&out, name);
    }
}

/// Scripts, styles, comments and templates hold text no reader sees; none of it is extracted,
/// however much it looks like a list.
#[test]
fn scripts_styles_and_comments_are_never_extracted() {
    let hidden =
        "\n1. Jaws (1975) - John Williams\n2. Alien (1979) - Jerry Goldsmith\n3. Heat (1995) - Elliot Goldenthal\n";
    let page = format!(
        "<!DOCTYPE html><html><head><style>{hidden}</style><script>{hidden}</script></head><body>\
         <script type=\"application/ld+json\">{hidden}</script><!--{hidden}-->{}<noscript>{hidden}</noscript>\
         <template>{hidden}</template><style>{hidden}</style></body></html>",
        article_html()
    );
    let ws = Workspace::new();
    ws.write("page.html", page);
    let out = ws.run_ok();
    assert_article(&out, "page.html");
}

#[test]
fn html_entities_are_decoded() {
    let page = "<html><body><h1>Best&nbsp;scores</h1>\
        <p>1. Am&eacute;lie (2001) - Yann Tiersen</p>\
        <p>2. L&#233;on (1994) - &#xC9;ric Serra</p>\
        <p>3. Le M&#xe9;pris (1963) &#8211; Georges Delerue</p>\
        <p>4. Tom &amp; Jerry (1992) - Henry Mancini</p></body></html>";
    let ws = Workspace::new();
    ws.write("entities.html", page);
    let out = ws.run_ok();
    let titles: Vec<String> = out.entries_of("entities.html").into_iter().map(|(t, _, _)| t).collect();
    assert_eq!(titles, ["Amélie", "Léon", "Le Mépris", "Tom & Jerry"]);
    let composers: Vec<Vec<String>> = out.entries_of("entities.html").into_iter().map(|(_, _, c)| c).collect();
    assert_eq!(composers[1], ["Éric Serra"]);
}

/// The bytes win over the page's own claim: a page saved as Windows-1252 that still says
/// UTF-8, and a UTF-8 page that still says Windows-1252.
#[test]
fn a_meta_charset_that_disagrees_with_the_bytes() {
    let page = |charset: &str| {
        format!("<html><head><meta charset=\"{charset}\"><title>x</title></head><body>{}</body></html>", article_html())
    };
    let says_utf8 = page("utf-8");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&says_utf8);
    let ws = Workspace::new();
    ws.write("says-utf8.html", &cp1252).write("says-1252.html", page("windows-1252"));
    let out = ws.run_ok();
    assert_article(&out, "says-utf8.html");
    assert_eq!(out.file_report("says-utf8.html")["encoding"], "windows-1252");
    assert_article(&out, "says-1252.html");
    assert_eq!(out.file_report("says-1252.html")["encoding"], "UTF-8");
}

/// One tag with 100,000 attributes: the tokenizer's duplicate check made it quadratic (84 s in
/// a debug build for 700 KB) until attributes past the thousandth were cut.
#[test]
fn a_tag_with_100000_attributes() {
    let attributes: Vec<String> = (0..100_000).map(|i| format!("data-a{i}=\"{i}\"")).collect();
    let page = format!("<html><body {}>{}</body></html>", attributes.join(" "), article_html());
    let ws = Workspace::new();
    ws.write("attributes.html", page);
    let out = timed("100,000 attributes", || ws.run_ok());
    assert_article(&out, "attributes.html");
}
