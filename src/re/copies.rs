//! A pattern compiled for regex-automata's meta engine, in both copies (Unicode and ASCII word
//! boundaries): leads and runs need anchored and bounded searches, which the regex crate's
//! API does not offer.

use regex_automata::meta;

#[derive(Debug, Clone)]
pub(super) struct MetaCopies {
    unicode: meta::Regex,
    /// The copy on ASCII word boundaries, when the pattern has one.
    ascii: Option<meta::Regex>,
}

impl MetaCopies {
    pub(super) fn new(pattern: &str, ascii_pattern: Option<&str>) -> Result<MetaCopies, regex::Error> {
        let meta = |p: &str| meta::Regex::new(p).map_err(|e| regex::Error::Syntax(e.to_string()));
        Ok(MetaCopies { unicode: meta(pattern)?, ascii: ascii_pattern.map(meta).transpose()? })
    }

    /// The ASCII copy when `ascii` (the caller's choice, see [`super::Re`]) and there is one.
    pub(super) fn pick(&self, ascii: bool) -> &meta::Regex {
        match (&self.ascii, ascii) {
            (Some(copy), true) => copy,
            _ => &self.unicode,
        }
    }
}
