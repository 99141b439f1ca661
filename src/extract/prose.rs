//! Soundtracks discussed in running text. (Not written yet: returns nothing.)

use super::sections::UnitInfo;
use super::units::Unit;
use super::vocab::Vocabulary;
use crate::document::Document;
use crate::model::Mention;

/// Mentions found in the prose of `units` outside `claimed` entry units.
pub fn mentions(
    _doc: &Document,
    _units: &[Unit],
    _info: &[UnitInfo],
    _claimed: &[usize],
    _found: &[Mention],
    _vocab: &Vocabulary,
) -> Vec<Mention> {
    Vec::new()
}
