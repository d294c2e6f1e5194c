//! Word sets: fixed lists of lower-case words (the event rules' clause openers, group nouns and
//! roles, the date scanner's opening words, ...) read with one hash probe per token instead of
//! a scan of the list; and word maps, the same for words that each carry a value (the tense
//! cues of the date resolver).
//!
//! Input: a token. Output: whether its ASCII-lower-cased form is in the set (or its value in
//! the map). The index is built on first use: which word lengths occur for each first byte,
//! which first-and-last byte pairs occur, and a bit table of the words' signatures (a hash of
//! the first, middle and last bytes and the length, which each token carries: most tokens are
//! turned away by one bit test); then an open-addressing table over a hash of the first eight
//! bytes and the length. A document's tokens are read from its lower-cased text
//! (`Doc::lower`), with no copy. Does not fold non-ASCII case ("É" stays "É"), as the lists are
//! ASCII and punctuation.

use crate::text::{Doc, Span, Token};
use once_cell::sync::OnceCell;

/// A fixed list of words with a hashed index built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    index: OnceCell<Index>,
}

/// A fixed list of words, each with a value, with the index of a `WordSet` (the first of two
/// entries for one word wins).
pub struct WordMap<T: 'static> {
    entries: &'static [(&'static str, T)],
    index: OnceCell<Index>,
}

/// The longest word a set holds; longer tokens are never in a set.
pub const MAX: usize = 24;

/// Where a set's words are: quick rejections, then open addressing (linear probing) over a
/// hash of the word's first eight bytes and length, at most a quarter full (most words not in
/// the set meet a free slot at once).
struct Index {
    /// `lengths[f & 31]` has bit `n` set when some word starting with byte `f` has `n` bytes
    /// (other bytes share entries: five low bits pick the entry, which only lets more through).
    lengths: [u32; 32],
    /// `pairs[f & 31]` has bit `l & 31` set when some word starts with byte `f` and ends with
    /// byte `l` (letters map one to one; other bytes share bits, which only lets more through).
    pairs: [u32; 32],
    /// The signatures of the set's words.
    signatures: Signatures,
    /// The slots (`word == 0`: free).
    slots: Box<[Slot]>,
    /// The words, in list order (their bytes past the first eight are compared on a match).
    words: Box<[&'static str]>,
}

/// One word in the index: its first eight bytes as a number (zero-padded), so that most
/// comparisons are one integer comparison, its length, and its position in the list plus one.
#[derive(Clone, Copy, Default)]
struct Slot {
    head: u64,
    len: u8,
    word: u16,
}

/// A set of signatures (`signature`): 8192 bits, a tenth or less of them set for the sets of
/// a few hundred words this crate has. A word whose bit is clear is not in the set (of news
/// words not in a set of two hundred, about one in forty has its bit set, where a test of
/// first and last bytes alone lets "the" through for "tue").
pub struct Signatures([u64; 128]);

impl Signatures {
    /// The signatures of `words`.
    pub fn of<'w>(words: impl Iterator<Item = &'w [u8]>) -> Signatures {
        let mut bits = [0u64; 128];
        for w in words.filter(|w| !w.is_empty()) {
            let sig = signature(w);
            bits[usize::from(sig / 64)] |= 1 << (sig % 64);
        }
        Signatures(bits)
    }

    /// True when signature `sig` is in the set.
    #[inline(always)]
    pub fn has(&self, sig: u16) -> bool {
        self.0[usize::from(sig / 64) % 128] & (1 << (sig % 64)) != 0
    }
}

/// A word's signature, below 8192: a hash of its first, middle and last bytes (five low bits
/// each, which tell letters apart whatever their ASCII case) and its length (`w` not empty).
/// Each token carries its own (`Token::sig`).
#[inline(always)]
pub fn signature(w: &[u8]) -> u16 {
    let n = w.len();
    // The three bytes side by side, masked to their five low bits in one step.
    let bytes = u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16;
    let v = bytes & 0x1F_1F1F | (n as u64) << 24;
    (v.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 51) as u16
}

/// The first eight bytes of `w` as a little-endian number, zero-padded.
fn head(w: &[u8]) -> u64 {
    w.iter()
        .take(8)
        .rev()
        .fold(0u64, |v, &b| (v << 8) | u64::from(b))
}

/// The slot a word starts probing from: a multiplicative hash of its head and length (which
/// tell most words apart; the rest of a longer word is compared on a match).
fn hash(head: u64, len: usize) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    ((head ^ (len as u64).rotate_right(8)).wrapping_mul(K) >> 32) as usize
}

impl Index {
    fn new(words: impl Iterator<Item = &'static str>) -> Index {
        let words: Box<[&'static str]> = words.collect();
        let size = (words.len() * 4).next_power_of_two().max(8);
        let mut ix = Index {
            lengths: [0; 32],
            pairs: [0; 32],
            signatures: Signatures::of(words.iter().map(|w| w.as_bytes())),
            slots: vec![Slot::default(); size].into_boxed_slice(),
            words,
        };
        for i in 0..ix.words.len() {
            let w = ix.words[i].as_bytes();
            if w.is_empty() || w.len() > MAX || ix.find(w, head(w)).is_some() {
                continue;
            }
            ix.lengths[usize::from(w[0] & 31)] |= 1 << w.len();
            ix.pairs[usize::from(w[0] & 31)] |= 1 << (w[w.len() - 1] & 31);
            let mut s = hash(head(w), w.len()) & (size - 1);
            while ix.slots[s].word != 0 {
                s = (s + 1) & (size - 1);
            }
            ix.slots[s] = Slot {
                head: head(w),
                len: w.len() as u8,
                word: u16::try_from(i + 1).expect("a word set holds fewer than 65535 words"),
            };
        }
        ix
    }

    /// True when no word of the set starting as `w` does has its length, or none has its first
    /// and last bytes, or `w`'s signature bit is clear (`w` lower case, not empty). The cheap
    /// tests come first: the signature is hashed only for the tokens they let through.
    #[inline]
    fn rejects(&self, w: &[u8]) -> bool {
        let first = usize::from(w[0] & 31);
        if w.len() > MAX
            || self.lengths[first] & (1 << w.len()) == 0
            || self.pairs[first] & (1 << (w[w.len() - 1] & 31)) == 0
        {
            return true;
        }
        !self.signatures.has(signature(w))
    }

    /// The position in the list of `w` (lower case, `head` its first eight bytes), if it is
    /// there.
    #[inline]
    fn find(&self, w: &[u8], head: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut s = hash(head, w.len()) & mask;
        loop {
            let slot = self.slots[s];
            if slot.word == 0 {
                return None;
            }
            if slot.head == head
                && usize::from(slot.len) == w.len()
                && (w.len() <= 8 || self.same_tail(slot, w))
            {
                return Some(usize::from(slot.word) - 1);
            }
            s = (s + 1) & mask;
        }
    }

    /// True when the word of `slot` ends as `w` does after their first eight bytes.
    #[inline(never)]
    fn same_tail(&self, slot: Slot, w: &[u8]) -> bool {
        self.words[usize::from(slot.word) - 1].as_bytes()[8..] == w[8..]
    }

    /// The position of the word of token `i` of `doc`, read from the document's lower-cased
    /// text. Most tokens are turned away by their signature, which keeps nothing live across
    /// a call (the probe is the last call).
    #[inline(always)]
    fn lookup(&self, doc: &Doc, i: usize) -> Option<usize> {
        self.lookup_token(doc, &doc.tokens[i])
    }

    /// `lookup` for a token of `doc` already in hand.
    #[inline(always)]
    fn lookup_token(&self, doc: &Doc, t: &Token) -> Option<usize> {
        if !self.signatures.has(t.sig) {
            return None;
        }
        self.probe(&doc.lower, t.span)
    }

    /// The probe of `lookup` for the word at `span` of the lower-cased text `lower`: its first
    /// eight bytes in one load where the text goes on that far.
    #[inline(never)]
    fn probe(&self, lower: &str, span: Span) -> Option<usize> {
        let (start, w) = (span.start, &lower.as_bytes()[span.start..span.end]);
        let head = match lower.as_bytes().get(start..start + 8) {
            Some(eight) => {
                let v = u64::from_le_bytes(eight.try_into().unwrap_or_default());
                // Only the word's own bytes: the rest of the eight are zeros, as in `head`.
                if w.len() >= 8 {
                    v
                } else {
                    v & ((1u64 << (8 * w.len())) - 1)
                }
            }
            None => head(w),
        };
        self.find(w, head)
    }
}

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

    #[inline]
    fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::new(self.words.iter().copied()))
    }

    /// True when `w`, lower-cased (ASCII), is in the set. Allocates nothing.
    pub fn contains(&self, w: &str) -> bool {
        self.contains_bytes(w.as_bytes())
    }

    /// `contains` for the bytes of a word.
    pub fn contains_bytes(&self, b: &[u8]) -> bool {
        if b.is_empty() || b.len() > MAX {
            return false;
        }
        let mut buf = [0u8; MAX];
        let w = &mut buf[..b.len()];
        for (d, s) in w.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.contains_lower(w)
    }

    /// `contains` for the bytes of a word already lower-cased.
    fn contains_lower(&self, w: &[u8]) -> bool {
        if w.is_empty() {
            return false;
        }
        let index = self.index();
        !index.rejects(w) && index.find(w, head(w)).is_some()
    }

    /// The set with its index built, for a loop that tests many tokens without asking each
    /// time whether the index is there.
    pub fn ready(&self) -> Ready<'_> {
        Ready(self.index())
    }

    /// True when token `i` of `doc` is in the set: read from the document's lower-cased text
    /// (the index is built out of line).
    #[inline(always)]
    pub fn has(&self, doc: &Doc, i: usize) -> bool {
        let Some(index) = self.index.get() else {
            return self.has_first(doc, i);
        };
        index.lookup(doc, i).is_some()
    }

    /// `has` at the first use of the set: builds the index.
    #[cold]
    #[inline(never)]
    fn has_first(&self, doc: &Doc, i: usize) -> bool {
        self.index();
        self.has(doc, i)
    }
}

/// A word set whose index is built (`WordSet::ready`).
#[derive(Clone, Copy)]
pub struct Ready<'s>(&'s Index);

impl Ready<'_> {
    /// `WordSet::has`.
    #[inline(always)]
    pub fn has(self, doc: &Doc, i: usize) -> bool {
        self.0.lookup(doc, i).is_some()
    }

    /// `has` for a token of `doc` already in hand (a loop over `doc.tokens`).
    #[inline(always)]
    pub fn has_token(self, doc: &Doc, t: &Token) -> bool {
        self.0.lookup_token(doc, t).is_some()
    }
}

impl<T> WordMap<T> {
    /// A map from lower-case words (or punctuation) to values.
    pub const fn new(entries: &'static [(&'static str, T)]) -> Self {
        WordMap {
            entries,
            index: OnceCell::new(),
        }
    }

    /// The value of token `i` of `doc` when its word is in the map: read from the document's
    /// lower-cased text (the index is built out of line).
    #[inline(always)]
    pub fn get(&self, doc: &Doc, i: usize) -> Option<&'static T> {
        let Some(index) = self.index.get() else {
            return self.get_first(doc, i);
        };
        let entries: &'static [(&'static str, T)] = self.entries;
        index.lookup(doc, i).map(|k| &entries[k].1)
    }

    #[inline]
    fn index(&self) -> &Index {
        self.index
            .get_or_init(|| Index::new(self.entries.iter().map(|e| e.0)))
    }

    /// `get` at the first use of the map: builds the index.
    #[cold]
    #[inline(never)]
    fn get_first(&self, doc: &Doc, i: usize) -> Option<&'static T> {
        self.index();
        self.get(doc, i)
    }

    /// The map with its index built, for a loop that reads many tokens without asking each
    /// time whether the index is there.
    pub fn ready(&self) -> ReadyMap<'_, T> {
        ReadyMap {
            index: self.index(),
            entries: self.entries,
        }
    }
}

/// A word map whose index is built (`WordMap::ready`).
pub struct ReadyMap<'m, T: 'static> {
    index: &'m Index,
    entries: &'static [(&'static str, T)],
}

impl<T> ReadyMap<'_, T> {
    /// `WordMap::get`.
    #[inline(always)]
    pub fn get(&self, doc: &Doc, i: usize) -> Option<&'static T> {
        let entries = self.entries;
        self.index.lookup(doc, i).map(|k| &entries[k].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["that", "who", "—", ";"]);

    static MAP: WordMap<u8> = WordMap::new(&[("will", 1), ("is", 2), ("will", 3)]);

    #[test]
    fn map_values_by_token() {
        let doc = Doc::new("It WILL be what it is, Will said.");
        let values: Vec<Option<u8>> = (0..doc.tokens.len())
            .map(|i| MAP.get(&doc, i).copied())
            .collect();
        assert_eq!(
            values,
            [
                None,
                Some(1),
                None,
                None,
                None,
                Some(2),
                None,
                Some(1),
                None,
                None
            ]
        );
    }

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
