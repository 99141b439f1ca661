//! A pattern's two copies (Unicode and ASCII word boundaries, see [`super::Re`]), each
//! compiled on first use: many haystacks need only one copy, and a gated pattern whose gate
//! never admits a text needs neither. Compilation was about a sixth of a run's instructions
//! on a 3.6 MB sample and most of a run over a few articles.
//!
//! [`Re`](super::Re) searches with the regex crate's copies; leads and runs need anchored and
//! bounded searches, which its API does not offer, so they hold regex-automata's meta engine
//! copies ([`MetaCopies`]).

use std::sync::OnceLock;

use regex_automata::meta;

/// A compiled form of a pattern.
pub(super) trait Compile: Sized {
    fn compile(pattern: &str) -> Result<Self, regex::Error>;
}

impl Compile for regex::Regex {
    fn compile(pattern: &str) -> Result<Self, regex::Error> {
        regex::Regex::new(pattern)
    }
}

impl Compile for meta::Regex {
    fn compile(pattern: &str) -> Result<Self, regex::Error> {
        meta::Regex::new(pattern).map_err(|e| regex::Error::Syntax(e.to_string()))
    }
}

#[derive(Debug, Clone)]
pub(super) struct Copies<R> {
    pattern: Box<str>,
    /// The pattern with `\b`/`\B` made ASCII; `None` when it has neither.
    ascii_pattern: Option<Box<str>>,
    unicode: OnceLock<R>,
    ascii: OnceLock<R>,
}

pub(super) type MetaCopies = Copies<meta::Regex>;

impl<R: Compile> Copies<R> {
    /// Compiles nothing yet. A pattern that does not compile panics on first use; every
    /// pattern is a static one (debug builds check the syntax in [`super::Re::new`]).
    pub(super) fn new(pattern: &str, ascii_pattern: Option<&str>) -> Copies<R> {
        Copies {
            pattern: pattern.into(),
            ascii_pattern: ascii_pattern.map(Into::into),
            unicode: OnceLock::new(),
            ascii: OnceLock::new(),
        }
    }

    pub(super) fn pattern(&self) -> &str {
        &self.pattern
    }

    pub(super) fn ascii_pattern(&self) -> Option<&str> {
        self.ascii_pattern.as_deref()
    }

    pub(super) fn has_ascii(&self) -> bool {
        self.ascii_pattern.is_some()
    }

    /// The ASCII copy when `ascii` (the caller's choice, see [`super::Re`]) and there is one.
    #[inline]
    pub(super) fn pick(&self, ascii: bool) -> &R {
        match (&self.ascii_pattern, ascii) {
            (Some(pattern), true) => compiled(&self.ascii, pattern),
            _ => compiled(&self.unicode, &self.pattern),
        }
    }
}

#[inline]
fn compiled<'a, R: Compile>(cell: &'a OnceLock<R>, pattern: &str) -> &'a R {
    cell.get_or_init(|| R::compile(pattern).unwrap_or_else(|e| panic!("static regex {pattern}: {e}")))
}
