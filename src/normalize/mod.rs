//! Normalisation: pure functions that repair text for display and fold it into keys for
//! matching. Display values keep the article's spelling; keys are for comparison only.
//! `docs/keys.md` describes every key.

pub mod casing;
pub mod fields;
pub mod keys;
pub mod labels;
pub mod mention;
pub mod names;
pub mod text;
mod title_words;
pub mod titles;

pub use casing::repair_name_case;
pub use fields::clean_field;
pub use keys::{compact, fingerprint, fold, name_key};
pub use labels::{LabelTable, label_key};
pub use mention::normalize_mention;
pub use names::{clean_name, clean_names};
pub use text::{clean_text, repair_mojibake, squash_spaces};
pub use title_words::NUMBER_WORDS;
pub use titles::{TitleKey, parse_title, title_key};
