//! Merged records: one [`Soundtrack`] per cluster, each field the union of its mentions'
//! values with the sources that gave them, and an id that stays put across runs.
//!
//! - title: the most frequent form (spellings compared by fold); within a form the most
//!   complete spelling (mixed case, diacritics); among equally frequent forms the one read
//!   with more confidence, the best spelled, the one with the least release wording, the
//!   longest;
//! - year: the most frequent year, ties to the earliest;
//! - composers and labels: canonical spellings (people across the run, the label table),
//!   in the order the earliest mentions give them;
//! - id: slug of the canonical title's key with its leading article, then the year or `x`
//!   (`the-graduate-1967`, `guardians-of-the-galaxy-2014`); see [`assign_ids`] for clashes.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::explain::FieldValue;
use super::people::{People, best_spelling, completeness};
use super::vocabulary::Vocabulary;
use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};
use crate::model::{Mention, Release, Soundtrack, SourceRef, Track};
use crate::normalize::{fold, parse_title, title_key};

/// A record and where each of its values came from.
pub struct Built {
    pub record: Soundtrack,
    pub fields: Vec<FieldValue>,
}

/// Builds the record of one cluster from its mentions in (source, line) order; `refs` holds
/// each one's `source:line`.
pub fn build(members: &[&Mention], refs: &[Arc<str>], vocab: &Vocabulary, people: &People) -> Built {
    let ms: Vec<(&Mention, &Arc<str>)> = members.iter().copied().zip(refs).collect();
    let mut fields = Fields::default();

    let mut written: HashMap<&str, Written> = HashMap::default();
    for (m, r) in &ms {
        let w = written.entry(&m.title).or_default();
        w.count += 1;
        w.confidence += f64::from(m.confidence);
        fields.push(Field::Title, &m.title, r);
    }
    let forms = forms_by_fold(&mut written);
    // The most frequent form; among equals the best spelled, then the one with the least
    // release wording (`Guardians of the Galaxy Vol. 1` over `…: Awesome Mix Vol. 1`).
    let (chosen, chosen_stem) = choose_form(&forms, &written);
    let overridden = vocab.overrides.titles.iter().find(|(t, _)| ms.iter().any(|(m, _)| t.matches(m)));
    // The chosen form's stem, when choosing parsed it, serves its id.
    let (title, stem) = match overridden {
        Some((_, t)) => (t.clone(), None),
        None => (chosen, chosen_stem),
    };

    for (m, r) in &ms {
        for t in &m.alt_titles {
            written.entry(t).or_default().count += 1;
            fields.push(Field::AltTitle, t, r);
        }
    }
    let title_fold = written.get(title.as_str()).and_then(|w| w.fold.clone()).unwrap_or_else(|| fold(&title));
    debug_assert_eq!(title_fold, fold(&title));
    let mut alts: Vec<(usize, String, String)> = forms_by_fold(&mut written)
        .into_iter()
        .filter(|(k, _)| *k != title_fold && !k.is_empty())
        .map(|(k, s)| (s.values().sum(), k, best_spelling(&s)))
        .collect();
    alts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for (m, r) in &ms {
        if let Some(y) = m.year {
            *years.entry(y).or_default() += 1;
            fields.push(Field::Year, &y.to_string(), r);
        }
    }
    let year = years.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(y, _)| *y);

    // Keys and names are borrowed from the run's lookups; only the kept names are copied.
    let mut composers: Vec<Cow<str>> = Vec::new();
    let mut composer_keys: HashSet<Cow<str>> = HashSet::default();
    for (m, r) in &ms {
        for c in &m.composers {
            let (key, display) = people.canonical(vocab, c);
            fields.push_spelling(Field::Composer, &display, c, r);
            if composer_keys.insert(key) {
                composers.push(display);
            }
        }
    }

    let mut labels: Vec<String> = Vec::new();
    let mut label_keys: HashSet<Cow<str>> = HashSet::default();
    for (m, r) in &ms {
        for l in m.labels.iter().chain(m.releases.iter().filter_map(|x| x.label.as_ref())) {
            let (canonical, key) = vocab.label_display_and_key(l);
            fields.push_spelling(Field::Label, &canonical, l, r);
            if label_keys.insert(key) {
                labels.push(canonical.into_owned());
            }
        }
    }

    let releases: BTreeSet<Release> = ms
        .iter()
        .flat_map(|(m, _)| m.releases.iter())
        .map(|r| Release {
            label: r.label.as_deref().map(|l| vocab.label_display(l)),
            year: r.year,
            edition: r.edition.clone(),
        })
        .collect();
    let mut tracks: Vec<Track> = Vec::new();
    let mut track_at: HashMap<String, usize> = HashMap::default();
    for t in ms.iter().flat_map(|(m, _)| m.tracks.iter()) {
        match track_at.entry(title_key(&t.title)) {
            Entry::Occupied(at) if tracks[*at.get()].artist.is_none() => tracks[*at.get()].artist = t.artist.clone(),
            Entry::Occupied(_) => {}
            Entry::Vacant(slot) => {
                slot.insert(tracks.len());
                tracks.push(t.clone());
            }
        }
    }
    let mut sources: Vec<SourceRef> =
        ms.iter().map(|(m, _)| SourceRef { source: m.source.clone(), line: m.line, rank: m.rank }).collect();
    sources.sort();

    let record = Soundtrack {
        id: match &stem {
            Some(stem) => super::ids::base_id_of_stem(stem, year),
            None => super::ids::base_id(&title, year),
        },
        title,
        alt_titles: alts.into_iter().map(|(_, _, s)| s).collect(),
        year,
        composers: composers.into_iter().map(Cow::into_owned).collect(),
        labels,
        releases: releases.into_iter().collect(),
        tracks,
        sources,
        mention_count: ms.len(),
    };
    Built { record, fields: fields.list }
}

/// The title form to show: the most frequent; among equals the one extraction was surest
/// of, then the best spelled, then the one with the least release wording, then the
/// longest, then the first in order. With it, its stem (`parse_title(..).stem()`) when the
/// choice had to parse it.
fn choose_form(forms: &Forms, written: &HashMap<&str, Written>) -> (String, Option<String>) {
    // Extraction's confidence (in thousandths, to compare exactly) breaks a tie of counts:
    // a title read from a ranked list beats the same count read from running text.
    let sure = |spellings: &BTreeMap<&str, usize>| {
        let total: f64 = spellings.keys().map(|s| written.get(s).map_or(0.0, |w| w.confidence)).sum();
        (total * 1000.0).round() as i64
    };
    let candidates: Vec<((usize, i64, bool, usize), String)> = forms
        .values()
        .map(|spellings| {
            let best = best_spelling(spellings);
            let (mixed, rich) = completeness(&best);
            ((spellings.values().sum::<usize>(), sure(spellings), mixed, rich), best)
        })
        .collect();
    let top = candidates.iter().map(|c| c.0).max();
    let mut tied: Vec<String> = candidates.into_iter().filter(|c| Some(c.0) == top).map(|(_, best)| best).collect();
    // Parsing for release wording only where it can decide: among tied forms.
    if tied.len() < 2 {
        return (tied.pop().unwrap_or_default(), None);
    }
    tied.into_iter()
        .map(|best| {
            let (words, stem) = release_words(&best);
            ((Reverse(words), best.len()), Reverse(best.clone()), best, stem)
        })
        .max_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)))
        .map(|(_, _, best, stem)| (best, Some(stem)))
        .unwrap_or_default()
}

/// How often a title spelling was written in a record's mentions, how surely (the sum of
/// their confidences, for titles), and its fold once [`forms_by_fold`] has worked it out:
/// the alternate titles' forms are grouped after the titles', over the titles again.
#[derive(Default)]
struct Written {
    count: usize,
    confidence: f64,
    fold: Option<String>,
}

/// Spellings with their counts, grouped by fold.
type Forms<'a> = BTreeMap<String, BTreeMap<&'a str, usize>>;

/// Spellings with their counts, grouped by fold (each spelling folded once per record).
fn forms_by_fold<'a>(written: &mut HashMap<&'a str, Written>) -> Forms<'a> {
    let mut forms: Forms<'a> = BTreeMap::new();
    for (&spelling, w) in written.iter_mut() {
        let key = w.fold.get_or_insert_with(|| fold(spelling));
        match forms.get_mut(key.as_str()) {
            Some(spellings) => {
                spellings.insert(spelling, w.count);
            }
            None => {
                forms.insert(key.clone(), BTreeMap::from([(spelling, w.count)]));
            }
        }
    }
    forms
}

/// The fields a record lists values of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Title,
    AltTitle,
    Year,
    Composer,
    Label,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::AltTitle => "alt_title",
            Field::Year => "year",
            Field::Composer => "composer",
            Field::Label => "label",
        }
    }
}

/// Field values with their sources, built in mention order.
#[derive(Default)]
struct Fields {
    list: Vec<FieldValue>,
    /// The field of each of `list`, compared as a tag rather than as its name.
    fields: Vec<Field>,
    /// Where each value of each field is in `list`, for its first `indexed` values: a record
    /// with few values (most) is searched by a scan, cheaper than hashing the value.
    index: HashMap<Field, HashMap<String, usize>>,
    indexed: usize,
}

/// Records with at most this many values are searched by a scan.
const SCANNED: usize = 16;

impl Fields {
    fn push(&mut self, field: Field, value: &str, source: &Arc<str>) {
        self.push_spelling(field, value, value, source);
    }

    /// Where `value` of `field` is in the list, if it is there.
    fn find(&mut self, field: Field, value: &str) -> Option<usize> {
        if self.list.len() <= SCANNED {
            return self.list.iter().zip(&self.fields).position(|(f, &name)| name == field && f.value == value);
        }
        for (at, (f, &name)) in self.list.iter().zip(&self.fields).enumerate().skip(self.indexed) {
            self.index.entry(name).or_default().insert(f.value.clone(), at);
        }
        self.indexed = self.list.len();
        self.index.get(&field).and_then(|values| values.get(value)).copied()
    }

    /// Records that the mention at `source` gave `value` for `field`, written as `spelling`.
    fn push_spelling(&mut self, field: Field, value: &str, spelling: &str, source: &Arc<str>) {
        let at = match self.find(field, value) {
            Some(at) => at,
            None => {
                let f = FieldValue { field: field.name().into(), value: value.to_string(), ..FieldValue::default() };
                self.list.push(f);
                self.fields.push(field);
                self.list.len() - 1
            }
        };
        let f = &mut self.list[at];
        // Mentions come in order, so a repeat can only be the last source.
        if f.sources.last() != Some(source) {
            f.sources.push(Arc::clone(source));
        }
        if spelling != value && !f.spellings.iter().any(|s| s == spelling) {
            f.spellings.push(spelling.to_string());
        }
    }
}

/// Words of a title that its key drops as release wording or a first volume, and the stem
/// they were counted from.
fn release_words(title: &str) -> (usize, String) {
    let stem = parse_title(title).stem();
    let kept = stem.split(' ').filter(|w| !w.is_empty()).count();
    (fold(title).split(' ').filter(|w| !w.is_empty()).count().saturating_sub(kept), stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Values found by the scan or the index land where a scan of the whole list puts them.
        #[test]
        fn scanned_and_indexed_values_agree(pushes in proptest::collection::vec((0usize..3, 0u8..30, 0u8..4), 0..120)) {
            const FIELDS: [Field; 3] = [Field::Title, Field::Composer, Field::Label];
            let mut fields = Fields::default();
            let mut expected: Vec<(Field, String, Vec<Arc<str>>)> = Vec::new();
            for (field, value, source) in pushes {
                let (field, value, source): (Field, String, Arc<str>) =
                    (FIELDS[field], value.to_string(), source.to_string().into());
                fields.push(field, &value, &source);
                let at = match expected.iter().position(|(f, v, _)| *f == field && *v == value) {
                    Some(at) => at,
                    None => {
                        expected.push((field, value, Vec::new()));
                        expected.len() - 1
                    }
                };
                if expected[at].2.last() != Some(&source) {
                    expected[at].2.push(source);
                }
            }
            let got: Vec<(Field, String, Vec<Arc<str>>)> =
                fields.list.iter().map(|f| (FIELDS.into_iter().find(|n| n.name() == f.field).unwrap(), f.value.clone(), f.sources.clone())).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
