//! Normalisation: pure functions that repair text for display and fold it into keys for
//! matching. Display values keep the article's spelling; keys are for comparison only.

pub mod keys;
pub mod text;

pub use keys::{fold, name_key, title_key};
pub use text::{clean_text, repair_mojibake, squash_spaces};
