//! Titles the run already knows: the confident list entries of every article. An article read
//! as prose names works without a cue ("Trainspotting brought Britpop to …"); a title another
//! article of the run lists as a soundtrack is taken as one there too.

use std::io;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::title::title_score;
use crate::fast_hash::{FastMap, FastSet};
use crate::model::{Layout, Mention};
use crate::store::codec::MentionView;

/// List entries at least this sure lend their titles to the run's prose.
const LENDING_CONFIDENCE: f32 = 0.7;
/// A one-word title opening a sentence must be this long: short capitalised openers
/// ("Heat", "Signs") are as often plain words.
const SENTENCE_START_MIN_CHARS: usize = 6;

/// The run's known titles, matched case-sensitively on word boundaries.
#[derive(Debug, Clone)]
pub struct KnownTitles {
    titles: Vec<String>,
    /// The lower-cased composers the lists credit, sorted; `makers` holds their numbers.
    maker_names: Vec<String>,
    /// The composers credited with each title, parallel to `titles`.
    makers: Vec<Vec<u32>>,
    matcher: Matcher,
}

/// The titles a run's entries lend, gathered a document at a time (in any order) and made
/// into [`KnownTitles`] at the end. Titles and composers are numbered as they come, so a
/// title named by a thousand entries is held once (a crawl lends hundreds of thousands).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lenders {
    titles: Numbering,
    makers: Numbering,
    /// (title, composer) numbers.
    credits: FastSet<(u32, u32)>,
}

/// Distinct strings, each with the number of its first appearance.
#[derive(Debug, Clone, Default, PartialEq)]
struct Numbering {
    ids: FastMap<Box<str>, u32>,
}

impl Numbering {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(s.into(), id);
        id
    }

    /// The strings, indexed by number.
    fn into_strings(self) -> Vec<String> {
        let mut strings = vec![String::new(); self.ids.len()];
        for (s, id) in self.ids {
            strings[id as usize] = s.into();
        }
        strings
    }

    /// The strings in string order, and each number's place in that order.
    fn into_sorted(self) -> (Vec<String>, Vec<u32>) {
        let mut by_string: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        by_string.sort_unstable();
        let mut place = vec![0; by_string.len()];
        for (at, (_, id)) in by_string.iter().enumerate() {
            place[*id as usize] = at as u32;
        }
        (by_string.into_iter().map(|(s, _)| s.into()).collect(), place)
    }
}

impl Lenders {
    /// Takes the titles of the confident list, header and table entries among `mentions`.
    pub fn add<'a>(&mut self, mentions: impl IntoIterator<Item = &'a Mention>) {
        for m in mentions {
            self.add_one(
                m.layout,
                m.confidence,
                m.honourable_mention,
                &m.title,
                m.composers.iter().map(String::as_str),
            );
        }
    }

    /// Takes the titles of the spilled mentions at `values` in `bytes`, as [`Lenders::add`]
    /// would, reading them where they lie: decoding whole mentions again (every string a new
    /// allocation, tracks included) was most of gathering the titles of a large run.
    pub fn add_spilled(&mut self, bytes: &[u8], values: &[Range<usize>]) -> io::Result<()> {
        for v in values {
            let m = MentionView::read(&bytes[v.clone()])?;
            self.add_one(m.layout, m.confidence, m.honourable_mention, m.title, m.composers.iter().copied());
        }
        Ok(())
    }

    fn add_one<'c>(
        &mut self,
        layout: Layout,
        confidence: f32,
        honourable_mention: bool,
        title: &str,
        composers: impl Iterator<Item = &'c str> + Clone,
    ) {
        if layout == Layout::Prose || confidence < LENDING_CONFIDENCE || honourable_mention {
            return;
        }
        let title = title.trim();
        for t in [Some(title), first_instalment_base(title)].into_iter().flatten() {
            // A title numbered already was found lendable (only such titles are numbered).
            if !self.titles.ids.contains_key(t) && !lendable(t) {
                continue;
            }
            let t = self.titles.id(t);
            for c in composers.clone() {
                let c = self.makers.id(&c.to_lowercase());
                self.credits.insert((t, c));
            }
        }
    }

    /// Takes everything `other` gathered.
    pub fn merge(&mut self, other: Lenders) {
        let credits = other.credits;
        let titles: Vec<u32> = other.titles.into_strings().iter().map(|t| self.titles.id(t)).collect();
        let makers: Vec<u32> = other.makers.into_strings().iter().map(|c| self.makers.id(c)).collect();
        self.credits.extend(credits.into_iter().map(|(t, c)| (titles[t as usize], makers[c as usize])));
    }

    /// The known titles; `None` when no entry lent one.
    pub fn finish(self) -> Option<KnownTitles> {
        // Composers are numbered in name order, so a name's number is found by binary search.
        let (maker_names, place) = self.makers.into_sorted();
        let mut makers_of: Vec<Vec<u32>> = vec![Vec::new(); self.titles.ids.len()];
        for (t, c) in self.credits {
            makers_of[t as usize].push(place[c as usize]);
        }
        makers_of.iter_mut().for_each(|m| m.sort_unstable());
        let entries = self.titles.into_strings().into_iter().zip(makers_of).collect();
        KnownTitles::build(entries, maker_names)
    }
}

impl KnownTitles {
    /// Titles of the confident list, header and table entries among `mentions`, in a stable
    /// order whatever order the mentions come in.
    pub fn from_mentions<'a>(mentions: impl IntoIterator<Item = &'a Mention>) -> Option<Self> {
        let mut lenders = Lenders::default();
        lenders.add(mentions);
        lenders.finish()
    }

    /// Known titles from a list; `None` when there are none.
    pub fn new(titles: Vec<String>) -> Option<Self> {
        Self::build(titles.into_iter().map(|t| (t, Vec::new())).collect(), Vec::new())
    }

    /// `entries` credit titles to numbers in `maker_names`, which is sorted.
    fn build(mut entries: Vec<(String, Vec<u32>)>, maker_names: Vec<String>) -> Option<Self> {
        // Sorted, so a title's makers are found by binary search.
        entries.sort();
        entries.dedup_by(|a, b| a.0 == b.0);
        if entries.is_empty() {
            return None;
        }
        let (titles, makers): (Vec<String>, Vec<Vec<u32>>) = entries.into_iter().unzip();
        let matcher = Matcher::new(&titles);
        Some(KnownTitles { titles, maker_names, makers, matcher })
    }

    /// Whether the lists credit `title` to one of `people` (compared case-insensitively).
    pub fn credited_to_any(&self, title: &str, people: &[String]) -> bool {
        let Ok(i) = self.titles.binary_search_by(|t| t.as_str().cmp(title)) else {
            return false;
        };
        people.iter().any(|p| {
            let name = p.to_lowercase();
            self.maker_names
                .binary_search_by(|n| n.as_str().cmp(&name))
                .is_ok_and(|m| self.makers[i].contains(&(m as u32)))
        })
    }

    /// The known titles `sentence` names as whole words, with their byte offsets.
    pub fn find<'a>(&'a self, sentence: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let opening = sentence.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
        let matches = self.matcher.find_all(&self.titles, sentence.as_bytes());
        #[cfg(debug_assertions)]
        {
            let (automaton, numbers) = &self.matcher.automaton;
            let theirs: Vec<(usize, u32)> = automaton
                .find_iter(sentence.as_bytes())
                .map(|m| (m.start(), numbers[m.pattern().as_usize()]))
                .collect();
            debug_assert_eq!(matches, theirs, "{sentence:?}");
        }
        matches.into_iter().filter_map(move |(start, t)| {
            let title = self.titles[t as usize].as_str();
            let end = start + title.len();
            let before = sentence[..start].chars().next_back();
            let after = sentence[end..].chars().next();
            let bounded = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
            let one_word = !title.contains(' ');
            let weak_opening = one_word && start == opening && title.chars().count() < SENTENCE_START_MIN_CHARS;
            let longer = continues_a_title(&sentence[end..]) || ends_a_title(&sentence[..start], start == opening);
            (bounded && !weak_opening && !longer).then_some((start, title))
        })
    }
}

/// The titles' leftmost-longest, non-overlapping matches in a text, as aho-corasick's
/// `MatchKind::LeftmostLongest` finds them: from where the last match ended, the first place
/// some title starts, and the longest title starting there. Building an automaton over a
/// run's titles cost about 50 M instructions on one thread for 10 MB of lists, to search a
/// few prose articles; here a place is tried only when its first two bytes open a title, and
/// titles are found by their first eight bytes. Debug builds compare every search with the
/// automaton's.
#[derive(Debug, Clone)]
struct Matcher {
    /// Bit `256 * a + b` is set when a title at least two bytes long starts with `a, b`.
    pairs: Vec<u64>,
    /// The one-byte titles, by their byte.
    singles: [Option<u32>; 256],
    /// The titles at least `HEAD` bytes long, by their first `HEAD` bytes, longest first.
    long: FastMap<[u8; HEAD], Vec<u32>>,
    /// The shorter titles (from two bytes), by their bytes, and their lengths, longest first.
    short: FastMap<Box<[u8]>, u32>,
    short_lens: Vec<usize>,
    /// What the matcher replaced, and the title numbers of its patterns: debug builds compare.
    #[cfg(debug_assertions)]
    automaton: (aho_corasick::AhoCorasick, Vec<u32>),
}

const HEAD: usize = 8;

impl Matcher {
    /// `titles` are distinct; an empty one is never found (lent titles are never empty).
    fn new(titles: &[String]) -> Matcher {
        let mut m = Matcher {
            pairs: vec![0; 65536 / 64],
            singles: [None; 256],
            long: FastMap::default(),
            short: FastMap::default(),
            short_lens: Vec::new(),
            #[cfg(debug_assertions)]
            automaton: Matcher::automaton(titles),
        };
        for (i, t) in titles.iter().enumerate() {
            let (b, i) = (t.as_bytes(), i as u32);
            match b.len() {
                0 => {}
                1 => m.singles[usize::from(b[0])] = Some(i),
                len => {
                    let pair = usize::from(b[0]) << 8 | usize::from(b[1]);
                    m.pairs[pair / 64] |= 1 << (pair % 64);
                    if let Some(head) = b.first_chunk::<HEAD>() {
                        m.long.entry(*head).or_default().push(i);
                    } else {
                        m.short.insert(b.into(), i);
                        m.short_lens.push(len);
                    }
                }
            }
        }
        for list in m.long.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(titles[i as usize].len()));
        }
        m.short_lens.sort_unstable_by(|a, b| b.cmp(a));
        m.short_lens.dedup();
        m
    }

    /// The longest title that `rest` starts with.
    fn longest_at(&self, titles: &[String], rest: &[u8]) -> Option<u32> {
        let single = self.singles[usize::from(rest[0])];
        let pair = rest.get(1).map(|&b| usize::from(rest[0]) << 8 | usize::from(b));
        if pair.is_none_or(|p| self.pairs[p / 64] & 1 << (p % 64) == 0) {
            return single;
        }
        // Every long title is longer than every short one.
        let long = rest
            .first_chunk::<HEAD>()
            .and_then(|head| self.long.get(head))
            .and_then(|list| list.iter().copied().find(|&i| rest.starts_with(titles[i as usize].as_bytes())));
        long.or_else(|| self.short_lens.iter().find_map(|&len| self.short.get(rest.get(..len)?).copied())).or(single)
    }

    /// Every match in `hay` (its start, and the title's number), left to right.
    fn find_all(&self, titles: &[String], hay: &[u8]) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            match self.longest_at(titles, &hay[at..]) {
                Some(i) => {
                    out.push((at, i));
                    at += titles[i as usize].len();
                }
                None => at += 1,
            }
        }
        out
    }

    /// What [`Matcher::find_all`] replaced: an Aho-Corasick automaton finding the titles
    /// leftmost-longest, with the title number of each pattern.
    #[cfg(debug_assertions)]
    fn automaton(titles: &[String]) -> (aho_corasick::AhoCorasick, Vec<u32>) {
        let numbers: Vec<u32> = (0..titles.len() as u32).filter(|&i| !titles[i as usize].is_empty()).collect();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(numbers.iter().map(|&i| &titles[i as usize]))
            .expect("titles");
        (ac, numbers)
    }
}

/// A few titles' non-overlapping matches, as an Aho-Corasick automaton of the standard match
/// kind reports them: from where the last match ended, the match that ends first, of those
/// the longest, and of equal ones the first pattern. Building an automaton cost about 126,000
/// instructions for the handful of titles one prose article names; here each is searched
/// with memchr's memmem.
pub(super) struct FirstEnding<'p> {
    patterns: &'p [&'p str],
    finders: Vec<memchr::memmem::Finder<'p>>,
}

impl<'p> FirstEnding<'p> {
    /// `None` when a pattern is empty (the automaton matches those in ways not followed here).
    pub(super) fn new(patterns: &'p [&'p str]) -> Option<Self> {
        if patterns.iter().any(|p| p.is_empty()) {
            return None;
        }
        Some(FirstEnding { patterns, finders: patterns.iter().map(memchr::memmem::Finder::new).collect() })
    }

    /// The matches in `hay`, left to right: each one's start and pattern number.
    pub(super) fn find_all(&self, hay: &str) -> Vec<(usize, usize)> {
        let hay = hay.as_bytes();
        // Each pattern's first start at or after `from`.
        let mut next: Vec<Option<usize>> = self.finders.iter().map(|f| f.find(hay)).collect();
        let mut out = Vec::new();
        let mut from = 0;
        loop {
            for (n, f) in next.iter_mut().zip(&self.finders) {
                if n.is_some_and(|at| at < from) {
                    *n = f.find(&hay[from..]).map(|at| at + from);
                }
            }
            let first = next
                .iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    n.map(|at| (at + self.patterns[i].len(), std::cmp::Reverse(self.patterns[i].len()), i))
                })
                .min();
            let Some((end, _, i)) = first else { return out };
            out.push((end - self.patterns[i].len(), i));
            from = end;
        }
    }
}

/// What [`FirstEnding`] replaced: an automaton's standard matches, each one's start and pattern.
#[cfg(any(test, debug_assertions))]
pub(super) fn first_ending_by_automaton(patterns: &[&str], hay: &str) -> Vec<(usize, usize)> {
    let ac = aho_corasick::AhoCorasick::new(patterns).expect("patterns");
    ac.find_iter(hay).map(|m| (m.start(), m.pattern().as_usize())).collect()
}

/// Whether the text after a match carries the title on: "Star Trek II", "Batman: The Animated
/// Series", "Alien Resurrection" name other works than "Star Trek", "Batman" or "Alien".
fn continues_a_title(after: &str) -> bool {
    let rest = after.strip_prefix(':').unwrap_or(after);
    let Some(next) = rest.strip_prefix(' ').and_then(|r| r.split_whitespace().next()) else {
        return false;
    };
    next.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the text before a match makes it the end of a longer name: "Mulholland Drive",
/// "the Carpenter-less Halloween" name other things than "Drive" or "Halloween". A capitalised
/// word right before counts unless it opens the sentence, is a small word ("In Jaws") or a
/// possessive ("Spielberg's Jaws").
fn ends_a_title(before: &str, at_opening: bool) -> bool {
    if at_opening || !before.ends_with(' ') {
        return false;
    }
    let Some(prev) = before.split_whitespace().next_back() else { return false };
    let opens_sentence = before.trim() == prev;
    let possessive = prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with('\'') || prev.ends_with('’');
    prev.chars().next().is_some_and(char::is_uppercase)
        && !prev.ends_with([',', '.', ':', ';', '!', '?', ')', '"', '”'])
        && !possessive
        && !opens_sentence
        && !crate::extract::words::is_title_function_word(&prev.to_lowercase())
}

/// "Guardians of the Galaxy Vol. 1" is what an essay calls "Guardians of the Galaxy": the
/// title without a first-instalment marker. Later instalments keep theirs.
fn first_instalment_base(title: &str) -> Option<&str> {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[,:]?\s+(?:vol(?:ume)?\.?|part|chapter)\s+(?:1|one|i)$").expect("static regex")
    });
    MARKER.find(title).map(|m| title[..m.start()].trim_end()).filter(|base| !base.is_empty())
}

/// A title distinctive enough to find in running text: title-like, and a single word only
/// when it is capitalised and at least four letters ("Jaws", not "It" or "Up").
fn lendable(title: &str) -> bool {
    let words = title.split_whitespace().count();
    let one_word_ok = title.chars().count() >= 4 && title.chars().next().is_some_and(char::is_uppercase);
    title_score(title) >= 0.6 && (words >= 2 || one_word_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(titles: &[&str]) -> KnownTitles {
        KnownTitles::new(titles.iter().map(|t| t.to_string()).collect()).expect("titles")
    }

    fn found(k: &KnownTitles, s: &str) -> Vec<String> {
        k.find(s).map(|(_, t)| t.to_string()).collect()
    }

    #[test]
    fn whole_words_and_case_only() {
        let k = known(&["Jaws", "Drive", "Blade Runner", "Blade Runner 2049"]);
        assert_eq!(found(&k, "Later, Jaws made the ocean terrifying."), ["Jaws"]);
        assert_eq!(found(&k, "Its jaws opened; Jawsome is not a film."), Vec::<String>::new());
        assert_eq!(found(&k, "Few scores match Blade Runner 2049 in scale."), ["Blade Runner 2049"]);
        assert_eq!(found(&k, "The synths of Blade Runner's opening."), ["Blade Runner"]);
        assert_eq!(found(&k, "Blade Runner Black Lotus is an anime."), Vec::<String>::new());
        assert_eq!(found(&k, "Fame from Blade Runner: The Final Cut."), Vec::<String>::new());
        assert_eq!(found(&k, "Fame from Blade Runner: the score is it."), ["Blade Runner"]);
        assert_eq!(found(&k, "Lynch's Mulholland Drive is another thing."), Vec::<String>::new());
        assert_eq!(found(&k, "Then Refn's Drive arrived."), ["Drive"]);
        assert_eq!(found(&k, "Later, In Drive the synths hum."), ["Drive"]);
    }

    #[test]
    fn short_single_words_do_not_count_at_a_sentence_start() {
        let k = known(&["Drive", "Trainspotting"]);
        assert_eq!(found(&k, "Drive home the point."), Vec::<String>::new());
        assert_eq!(found(&k, "The synths of Drive still hum."), ["Drive"]);
        assert_eq!(found(&k, "Trainspotting brought Britpop abroad."), ["Trainspotting"]);
    }

    #[test]
    fn a_first_instalment_lends_its_base_title() {
        assert_eq!(first_instalment_base("Guardians of the Galaxy Vol. 1"), Some("Guardians of the Galaxy"));
        assert_eq!(first_instalment_base("Kill Bill: Volume 1"), Some("Kill Bill"));
        assert_eq!(first_instalment_base("Guardians of the Galaxy Vol. 2"), None);
        assert_eq!(first_instalment_base("Rocky II"), None);
    }

    #[test]
    fn only_confident_list_entries_lend_titles() {
        let mut listed = Mention::new("a.txt", 3, Layout::RankedList, "Blade Runner".into());
        listed.confidence = 0.9;
        let mut prose = Mention::new("b.txt", 5, Layout::Prose, "Heat".into());
        prose.confidence = 0.9;
        let mut unsure = Mention::new("c.txt", 7, Layout::RankedList, "Vertigo".into());
        unsure.confidence = 0.5;
        let mut short = Mention::new("d.txt", 9, Layout::RankedList, "Up".into());
        short.confidence = 0.9;
        listed.composers = vec!["Vangelis".into()];
        let k = KnownTitles::from_mentions([&listed, &prose, &unsure, &short]).expect("one title");
        assert_eq!(k.titles, ["Blade Runner"]);
        assert!(k.credited_to_any("Blade Runner", &["VANGELIS".into()]));
        assert!(!k.credited_to_any("Blade Runner", &["Hans Zimmer".into()]));
        assert!(!k.credited_to_any("Heat", &["Vangelis".into()]));
    }

    #[test]
    fn lenders_merged_in_any_order_know_the_same_titles_and_credits() {
        let entry = |title: &str, composers: &[&str]| {
            let mut m = Mention::new("a.txt", 1, Layout::RankedList, title.into());
            m.confidence = 0.9;
            m.composers = composers.iter().map(|c| c.to_string()).collect();
            m
        };
        let first = [entry("Blade Runner", &["Vangelis"]), entry("Chariots of Fire", &["Vangelis"])];
        let second = [entry("Blade Runner", &["VANGELIS", "Jon Anderson"]), entry("Solaris", &[])];
        let lent = |ms: &[Mention]| {
            let mut l = Lenders::default();
            l.add(ms);
            l
        };
        let (mut ab, mut ba) = (lent(&first), lent(&second));
        ab.merge(lent(&second));
        ba.merge(lent(&first));
        let (ab, ba) = (ab.finish().expect("titles"), ba.finish().expect("titles"));
        assert_eq!(ab.titles, ["Blade Runner", "Chariots of Fire", "Solaris"]);
        assert_eq!(ab.maker_names, ["jon anderson", "vangelis"]);
        assert_eq!(ab.makers, [vec![0, 1], vec![1], vec![]]);
        assert_eq!((&ab.titles, &ab.maker_names, &ab.makers), (&ba.titles, &ba.maker_names, &ba.makers));
        assert!(ab.credited_to_any("Blade Runner", &["Jon Anderson".into()]));
        assert!(ab.credited_to_any("Chariots of Fire", &["vangelis".into()]));
        assert!(!ab.credited_to_any("Solaris", &["Vangelis".into()]));
    }

    proptest::proptest! {
        /// Titles of one to twelve bytes (short ones, and long ones sharing their first eight),
        /// overlapping in every way a small alphabet allows.
        #[test]
        fn the_matcher_finds_what_the_automaton_found(
            titles in proptest::collection::vec("[ab Té]{1,10}", 1..12),
            hay in "[ab Té.]{0,60}",
        ) {
            let mut titles = titles;
            titles.sort();
            titles.dedup();
            let matcher = Matcher::new(&titles);
            let (automaton, numbers) = &matcher.automaton;
            let theirs: Vec<(usize, u32)> =
                automaton.find_iter(hay.as_bytes()).map(|m| (m.start(), numbers[m.pattern().as_usize()])).collect();
            proptest::prop_assert_eq!(matcher.find_all(&titles, hay.as_bytes()), theirs);
        }
    }

    proptest::proptest! {
        /// Patterns that overlap, nest, repeat and end together, in a small alphabet.
        #[test]
        fn first_ending_matches_what_the_automaton_reported(
            patterns in proptest::collection::vec("[ab é]{1,6}", 1..8),
            hay in "[ab é.]{0,60}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let first = FirstEnding::new(&patterns).expect("no empty pattern");
            proptest::prop_assert_eq!(first.find_all(&hay), first_ending_by_automaton(&patterns, &hay));
        }
    }

    /// A run gathers a stretch of files into one set (a title seen again is not scored
    /// again): the same known titles as one set per file, merged.
    #[test]
    fn one_set_for_many_files_knows_what_sets_per_file_merged_know() {
        let entry = |title: &str, composer: &str| {
            let mut m = Mention::new("a.txt", 1, Layout::RankedList, title.into());
            m.confidence = 0.9;
            m.composers = vec![composer.to_string()];
            m
        };
        let files = [
            vec![entry("Dune: Part One", "Hans Zimmer"), entry("Up", "Michael Giacchino")],
            vec![entry("Dune: Part One", "Zimmer"), entry("Up", "Giacchino"), entry("Heat", "Goldenthal")],
            vec![entry("Heat", "Elliot Goldenthal"), entry("Dune", "Toto")],
        ];
        let mut one = Lenders::default();
        let mut merged = Lenders::default();
        for file in &files {
            one.add(file);
            let mut alone = Lenders::default();
            alone.add(file);
            merged.merge(alone);
        }
        let (one, merged) = (one.finish().expect("titles"), merged.finish().expect("titles"));
        assert_eq!(one.titles, ["Dune", "Dune: Part One", "Heat"]);
        assert_eq!((&one.titles, &one.maker_names, &one.makers), (&merged.titles, &merged.maker_names, &merged.makers));
    }
}
