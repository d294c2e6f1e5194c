//! Word sets: fixed lists of lower-case words (clause openers, group nouns, roles, ...) read
//! with one hash lookup per token instead of a scan of the list.
//!
//! Input: a token. Output: whether its ASCII-lower-cased form is in the set. The set is built
//! on first use. Does not fold non-ASCII case ("É" stays "É"), as the lists are ASCII and
//! punctuation.

use crate::text::Doc;
use once_cell::sync::OnceCell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::triggers::Fnv;

/// A fixed list of words with a hashed index built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    index: OnceCell<HashSet<&'static [u8], BuildHasherDefault<Fnv>>>,
}

/// The longest word a set holds; longer tokens are never in a set.
const MAX: usize = 24;

impl WordSet {
    /// A set of lower-case words (or punctuation).
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            index: OnceCell::new(),
        }
    }

    /// The words, in list order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True when `w`, lower-cased (ASCII), is in the set. Allocates nothing.
    pub fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > MAX {
            return false;
        }
        let index = self.index.get_or_init(|| {
            self.words
                .iter()
                .copied()
                .filter(|w| w.len() <= MAX)
                .map(str::as_bytes)
                .collect()
        });
        let mut buf = [0u8; MAX];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        index.contains(&buf[..b.len()])
    }

    /// True when token `i` of `doc` is in the set.
    pub fn has(&self, doc: &Doc, i: usize) -> bool {
        self.contains(doc.tok(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["that", "who", "—", ";"]);

    #[test]
    fn case_insensitive_lookup() {
        assert!(SET.contains("That"));
        assert!(SET.contains("WHO"));
        assert!(SET.contains("—"));
        assert!(!SET.contains("than"));
        assert!(!SET.contains(""));
        assert!(!SET.contains(&"x".repeat(40)));
    }
}
