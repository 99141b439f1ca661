//! [`WordSet`]: a fixed set of short words, looked up without comparing a word with each of
//! them in turn.

/// A set of words of at most 15 bytes. A lookup first asks a table of the words' shapes
/// (length, first and last byte, each byte read without its case): most words that are not in
/// the set fail there. The others are looked up by binary search among the words held as
/// integers ([`word_key`]). A `matches!` over the literals compared a word with each of them
/// in turn (about 240 instructions a word in `title_score`).
pub(crate) struct WordSet<const N: usize> {
    keys: [u128; N],
    /// By length and first byte (`& 31`, which ignores ASCII case), a bit for each last byte.
    shapes: [[u32; 32]; 16],
}

impl<const N: usize> WordSet<N> {
    /// The set of `words`, sorted at compile time; `N` must be their number.
    pub(crate) const fn new(words: &[&[u8]]) -> Self {
        assert!(words.len() == N, "a word set's size is its number of words");
        let mut keys = [0u128; N];
        let mut shapes = [[0u32; 32]; 16];
        let mut i = 0;
        while i < N {
            let word = words[i];
            assert!(!word.is_empty() && word.len() <= 15, "a word set holds words of 1 to 15 bytes");
            keys[i] = word_key(word);
            shapes[word.len()][(word[0] & 31) as usize] |= 1 << (word[word.len() - 1] & 31);
            // Insertion sort: the lists are short and this runs once, at compile time.
            let mut j = i;
            while j > 0 && keys[j - 1] > keys[j] {
                let swap = keys[j - 1];
                keys[j - 1] = keys[j];
                keys[j] = swap;
                j -= 1;
            }
            i += 1;
        }
        WordSet { keys, shapes }
    }

    /// Whether some word of the set has `word`'s shape, ignoring ASCII case: when not, `word`
    /// is in the set neither as it is nor lower-cased.
    fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        word.len() < 16 && self.shapes[word.len()][(first & 31) as usize] & (1 << (last & 31)) != 0
    }

    /// Whether `word` is one of the set's words, byte for byte.
    pub(crate) fn contains(&self, word: &[u8]) -> bool {
        self.may_hold(word) && self.keys.binary_search(&key_of(word, false)).is_ok()
    }

    /// Whether `word` with its ASCII letters lower-cased is one of the set's words (no copy).
    pub(crate) fn contains_lowered(&self, word: &[u8]) -> bool {
        self.may_hold(word) && self.keys.binary_search(&key_of(word, true)).is_ok()
    }

    /// Whether `text` opens with a run of ASCII letters (maybe empty) that is followed by an
    /// ASCII byte or nothing and is, case aside, none of the set's words. A pattern whose
    /// every match opens with one of these words, then a byte that is no ASCII letter, cannot
    /// match such a text; a non-ASCII byte after the run (`ſ`, the Kelvin sign, a Unicode
    /// letter) could still be read by the pattern as a letter, so it refuses nothing.
    pub(crate) fn refuses_opening(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let run = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        bytes.get(run).is_none_or(u8::is_ascii) && !self.contains_lowered(&bytes[..run])
    }
}

/// A word of at most 15 bytes as one integer: its bytes from the lowest, then its length in
/// the top byte, so that no two words share a key.
const fn word_key(word: &[u8]) -> u128 {
    let mut key = (word.len() as u128) << 120;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u128) << (8 * i);
        i += 1;
    }
    key
}

/// [`word_key`] of `word` (at most 15 bytes), ASCII-lowered when `lower`, made on the stack.
fn key_of(word: &[u8], lower: bool) -> u128 {
    let mut bytes = [0u8; 16];
    for (slot, &b) in bytes.iter_mut().zip(word) {
        *slot = if lower { b.to_ascii_lowercase() } else { b };
    }
    bytes[15] = word.len() as u8;
    u128::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    static SMALL: WordSet<4> = WordSet::new(&[b"the", b"a", b"vs.", b"without"]);

    #[test]
    fn an_opening_is_refused_only_when_an_ascii_byte_ends_a_word_not_in_the_set() {
        for text in ["The end", "WITHOUT: x", "a", "the-1", "Thé end", "theſ", "Without\u{212a}"] {
            assert!(!SMALL.refuses_opening(text), "{text:?}");
        }
        for text in ["Then", "an end", "", " the", "1 the", "vs. x"] {
            assert!(SMALL.refuses_opening(text), "{text:?}");
        }
    }

    #[test]
    fn words_are_found_as_written_or_lowered() {
        for word in ["the", "a", "vs.", "without"] {
            assert!(SMALL.contains(word.as_bytes()), "{word}");
        }
        assert!(!SMALL.contains(b"The") && SMALL.contains_lowered(b"The"));
        assert!(SMALL.contains_lowered(b"WITHOUT") && !SMALL.contains_lowered(b"WITHOUTS"));
        assert!(!SMALL.contains(b"") && !SMALL.contains(b"an") && !SMALL.contains(b"sixteen-letters!"));
        // A word and its prefix followed by a NUL byte differ by their lengths.
        assert!(SMALL.contains(b"a") && !SMALL.contains(b"a\0"));
    }

    #[test]
    fn keys_made_at_run_time_are_those_made_at_compile_time() {
        for word in ["a", "Vs.", "without", "advertisement", "x\0"] {
            assert_eq!(key_of(word.as_bytes(), false), word_key(word.as_bytes()), "{word}");
            assert_eq!(key_of(word.as_bytes(), true), word_key(word.to_ascii_lowercase().as_bytes()), "{word}");
        }
    }
}
