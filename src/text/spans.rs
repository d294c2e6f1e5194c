//! Byte spans inside the library, and the one conversion to code points at the record boundary.
//!
//! Input: the article text. Output: `Span`s (byte offsets, end exclusive) and a `CharIndex` that
//! turns a byte offset into a Unicode code-point offset (a Python `str` index) in O(log n).
//! Does not know about tokens or sentences.

/// A half-open byte range `[start, end)` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text the span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Maps byte offsets to code-point offsets for one document.
///
/// Built once per document: for every non-ASCII character, its byte offset and the number of
/// extra bytes (beyond one per code point) up to and including it. ASCII-only text costs an
/// empty vector; a conversion is one binary search.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte offset of a multi-byte char, extra bytes of all wide chars up to and including it)`.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                if !c.is_ascii() {
                    extra += c.len_utf8() - 1;
                    wide.push((i, extra));
                }
            }
        }
        CharIndex { wide }
    }

    /// The code-point offset of byte offset `byte` (which must be on a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        let n = self.wide.partition_point(|&(i, _)| i < byte);
        if n == 0 {
            byte
        } else {
            byte - self.wide[n - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("hello world");
        assert_eq!(ix.chars(0), 0);
        assert_eq!(ix.chars(5), 5);
        assert_eq!(ix.chars(11), 11);
    }

    #[test]
    fn multibyte_counts_code_points() {
        let text = "Iraq’s café – naïve 😀 end";
        let ix = CharIndex::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.chars(bi), ci, "byte {bi}");
        }
        assert_eq!(ix.chars(text.len()), text.chars().count());
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        let b = Span::new(3, 8);
        assert!(a.overlaps(b));
        assert!(!a.contains(b));
        assert_eq!(a.cover(b), Span::new(0, 8));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 4)));
    }
}
