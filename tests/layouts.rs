//! Small articles, one per layout, written by the team: each test pins down one general rule
//! of extraction on text the rule was not written from.

use cuesheet::ingest::document_from_bytes;
use cuesheet::model::Mention;

fn mentions(name: &str, text: &str) -> Vec<Mention> {
    let doc = document_from_bytes(name, text.as_bytes()).expect("decodes");
    cuesheet::extract_document(&doc, &cuesheet::extract::BUILT_IN)
}

fn titles(mentions: &[Mention]) -> Vec<&str> {
    mentions.iter().map(|m| m.title.as_str()).collect()
}

/// Short title lines, each over a "Composer · Label" line, then a blurb and a signature.
#[test]
fn title_lines_over_details_lines_are_entries() {
    let text = "The records we played all year\n\nOur writers picked one each.\n\n\
        Aftersun\nOliver Coates · Invada Records\nA cello that sounds like a heat haze.\n— Jo Bell\n\n\
        Nope\nMichael Abels · Back Lot Music\nA western in the sky.\n— Sam Reyes\n\n\
        Tár\nHildur Guðnadóttir · Deutsche Grammophon\nThe album is half fiction, half Mahler.\n— Jo Bell\n";
    let found = mentions("picks.txt", text);
    assert_eq!(titles(&found), ["Aftersun", "Nope", "Tár"]);
    assert_eq!(found[0].composers, ["Oliver Coates"]);
    assert_eq!(found[2].labels, ["Deutsche Grammophon"]);
    assert_eq!(found[1].reviewer.as_deref(), Some("Sam Reyes"));
}

/// A countdown whose ranks are words and whose entries are sentences naming the work in
/// emphasis: the rank heads the emphasised work, with its year.
#[test]
fn spelled_ranks_over_sentences_head_the_emphasised_work() {
    let text = "# Three scores for winter\n\n\
        **Number three:** We start with *Fargo* (1996), where Carter Burwell turns a Norwegian hymn into snow.\n\n\
        #### Number two:\n\nJóhann Jóhannsson's music for *Sicario* (2015) is a low rumble under everything.\n\n\
        **Number one:** Was there any doubt? Ennio Morricone's *The Thing* (1982) is the coldest record I own.\n";
    let found = mentions("winter.md", text);
    let got: Vec<(&str, Option<u32>, Option<i32>)> = found.iter().map(|m| (m.title.as_str(), m.rank, m.year)).collect();
    assert_eq!(
        got,
        [("Fargo", Some(3), Some(1996)), ("Sicario", Some(2), Some(2015)), ("The Thing", Some(1), Some(1982))]
    );
    assert_eq!(found[2].composers, ["Ennio Morricone"]);
}

/// A wiki table copied from a browser: the year cell spans rows and was broken over two lines,
/// trailing cells are missing, and the contents list above names "See also".
#[test]
fn ragged_wiki_tables_copied_as_text() {
    let text = "Contents\n1 Winners\n2 See also\n3 References\n\nWinners[edit]\n\
        Year\tFilm\tComposer(s)\tRef.\n1990\n(63rd)\tDances with Wolves ‡\tJohn Barry\t[1]\n\
        Avalon\tRandy Newman\nGhost\tMaurice Jarre\n1991\n(64th)\tBeauty and the Beast ‡\tAlan Menken\t[2]\n\
        Bugsy\tEnnio Morricone\n\nSee also\nSome other list\n";
    let found = mentions("awards.txt", text);
    let got: Vec<(&str, Option<i32>, Vec<String>)> =
        found.iter().map(|m| (m.title.as_str(), m.year, m.composers.clone())).collect();
    let row = |t, y, c: &str| (t, Some(y), vec![c.to_string()]);
    assert_eq!(
        got,
        [
            row("Dances with Wolves", 1990, "John Barry"),
            row("Avalon", 1990, "Randy Newman"),
            row("Ghost", 1990, "Maurice Jarre"),
            row("Beauty and the Beast", 1991, "Alan Menken"),
            row("Bugsy", 1991, "Ennio Morricone"),
        ]
    );
}

/// Ranks written "N° 12", and honourable mentions as one sentence in sentence-case French.
#[test]
fn french_ranks_and_a_sentence_of_honourable_mentions() {
    let text = "Nos bandes originales préférées\n\n\
        N° 3 — Diva (1981)\nMusique : Vladimir Cosma\nUn piano d’une élégance folle.\n\n\
        N° 2 — Le Grand Bleu (1988)\nMusique : Éric Serra\nDes nappes de synthé.\n\n\
        N° 1 — Jules et Jim (1962)\nMusique : Georges Delerue\nLe tourbillon de la vie.\n\n\
        La Piscine (1969, Michel Legrand), Le Cercle rouge (1970, Éric Demarsan) et 37°2 le matin \
        (1986, Gabriel Yared) ont été les derniers recalés.\n";
    let found = mentions("bo.txt", text);
    let got: Vec<(&str, Option<u32>, bool)> =
        found.iter().map(|m| (m.title.as_str(), m.rank, m.honourable_mention)).collect();
    assert_eq!(
        got,
        [
            ("Diva", Some(3), false),
            ("Le Grand Bleu", Some(2), false),
            ("Jules et Jim", Some(1), false),
            ("La Piscine", None, true),
            ("Le Cercle rouge", None, true),
            ("37°2 le matin", None, true),
        ]
    );
}

/// A saved page that sets titles in italics: emphasis bounds the title in running text.
#[test]
fn html_italics_bound_titles_in_running_text() {
    let html = "<html><body><article><h1>Five notes</h1>\
        <h2>No. 3</h2><p>Nothing but <i>Close Encounters of the Third Kind</i> (1977) here.</p>\
        <h2>No. 2</h2><p>Two notes, E and F. <em>Jaws</em> (1975) made a generation afraid of the water.</p>\
        <h2>No. 1</h2><p>His theme for <em>Schindler’s List</em> (1993), played by Itzhak Perlman.</p>\
        </article></body></html>";
    let found = mentions("williams.html", html);
    assert_eq!(titles(&found), ["Close Encounters of the Third Kind", "Jaws", "Schindler’s List"]);
}

/// Honourable mentions as running text under their heading: each dated title is an entry,
/// credited to the person whose possessive opens it.
#[test]
fn a_paragraph_of_honourable_mentions_in_running_text() {
    let text = "Top three westerns\n\n\
        3. Unforgiven (1992) – Lennie Niehaus\nQuiet guitar.\n\n\
        2. Tombstone (1993) – Bruce Broughton\nBig brass.\n\n\
        1. Open Range (2003) – Michael Kamen\nThe last great one.\n\n\
        Honourable mentions\n\
        Elmer Bernstein's The Magnificent Seven (1960) came close, as did Jerome Moross's The Big \
        Country (1958), and we still hum Ennio Morricone's My Name Is Nobody (1973).\n";
    let found = mentions("westerns.txt", text);
    let mentioned: Vec<(&str, Vec<String>)> =
        found.iter().filter(|m| m.honourable_mention).map(|m| (m.title.as_str(), m.composers.clone())).collect();
    assert_eq!(
        mentioned,
        [
            ("The Magnificent Seven", vec!["Elmer Bernstein".to_string()]),
            ("The Big Country", vec!["Jerome Moross".to_string()]),
            ("My Name Is Nobody", vec!["Ennio Morricone".to_string()]),
        ]
    );
}

/// An essay whose paragraphs each open on a dated work named after a person's possessive:
/// the work is the title, not the sentence, and a known composer is its maker. Titles that
/// hold a possessive of their own stay whole.
#[test]
fn paragraphs_opening_on_a_possessive_and_a_dated_work() {
    let text = "Five scores for the dark\n\n\
        Start with Mica Levi's Under the Skin (2013), which hums like a fridge in an empty flat.\n\n\
        Levi's music owes something to Goblin's Suspiria (1977), all bells and breathing.\n\n\
        I keep returning to Bernard Herrmann's Vertigo (1958) for its spiral of strings.\n\n\
        Harry Potter and the Philosopher's Stone (2001) is the odd one out here, a Williams confection.\n";
    let found = mentions("dark.txt", text);
    let got: Vec<(&str, Vec<String>)> = found.iter().map(|m| (m.title.as_str(), m.composers.clone())).collect();
    let titles: Vec<&str> = got.iter().map(|(t, _)| *t).collect();
    assert_eq!(titles, ["Under the Skin", "Suspiria", "Vertigo", "Harry Potter and the Philosopher's Stone"]);
    assert_eq!(got[0].1, ["Mica Levi"]);
    assert_eq!(got[2].1, ["Bernard Herrmann"]);
}

/// A month's roundup in paragraphs: each names its album in quotes or underscores, dated or
/// opened by a known composer's possessive; a cue quoted after a composer is not a work.
#[test]
fn a_roundup_naming_works_in_quotes_and_underscores() {
    let text = "New soundtracks this month\n\n\
        There's no way to start anywhere but \"Dune: Part Two\" (2024), which Hans Zimmer fills with throat singing.\n\n\
        Dev Patel directs and stars in “Monkey Man” (2024), and Jed Kurzel's score rattles along.\n\n\
        Trent Reznor's _Challengers_ is a club record disguised as a tennis film, out on Milan.\n\n\
        Elsewhere, Toto's “Main Title” still plays in my head, though that is another story.\n";
    let found = mentions("roundup.txt", text);
    let mut got = titles(&found);
    got.sort_unstable();
    assert_eq!(got, ["Challengers", "Dune: Part Two", "Monkey Man"]);
    let challengers = found.iter().find(|m| m.title == "Challengers").expect("found");
    assert_eq!(challengers.composers, ["Trent Reznor"]);
}

/// A shop's product list: title with its release wording, maker, then "Label · LP · Year ·
/// Price", a blurb and buttons. The pressing's year dates the release; buttons stay buttons.
#[test]
fn a_shop_list_of_records_with_prices() {
    let text = "Soundtracks — New & Restocked\n\n\
        Under the Skin — Original Motion Picture Soundtrack\nMica Levi\nMilan · LP · 2014 · $27.99\n\
        Detuned strings for an alien in Glasgow.\nAdd to cart\n\n\
        The Thing — Original Motion Picture Soundtrack\nEnnio Morricone\nWaxwork Records · 2LP · 2020 · $35.00\n\
        For John Carpenter's 1982 film.\nSold out\nNotify me\n\n\
        Hereditary — Original Motion Picture Soundtrack\nColin Stetson\nMilan · LP · 2018 · $29.99\n\
        Saxophone and breath.\nAdd to cart\n";
    let found = mentions("shop.txt", text);
    assert_eq!(titles(&found), ["Under the Skin", "The Thing", "Hereditary"]);
    assert_eq!(found[0].releases[0].label.as_deref(), Some("Milan"));
    assert_eq!(found[0].releases[0].year, Some(2014));
    assert_eq!(found[2].composers, ["Colin Stetson"]);
}

/// Ordered-list items "Title (Year), composed by X — blurb — aside — more": the credit ends
/// at the dash, whatever the blurb's own dashes.
#[test]
fn a_credit_clause_after_the_dated_title_ends_at_the_dash() {
    let text = "<html><body><article><h1>Game scores</h1><ol>\
        <li><strong>Bastion</strong> (2011), composed by Darren Korb &mdash; acoustic frontier trip-hop.</li>\
        <li><strong>Silent Hill 2</strong> (2001), composed by Akira Yamaoka &mdash; clank, with \
        &ldquo;Theme of Laura&rdquo; &mdash; a ballad, basically &mdash; as the spine.</li>\
        <li><strong>Celeste</strong> (2018), composed by Lena Raine &mdash; piano and synth.</li>\
        </ol></article></body></html>";
    let found = mentions("games.html", text);
    let got: Vec<(&str, Vec<String>)> = found.iter().map(|m| (m.title.as_str(), m.composers.clone())).collect();
    let entry = |t, c: &str| (t, vec![c.to_string()]);
    assert_eq!(
        got,
        [entry("Bastion", "Darren Korb"), entry("Silent Hill 2", "Akira Yamaoka"), entry("Celeste", "Lena Raine")]
    );
}
