//! The text layer: one `Doc` per article, built once and read by every extractor.
//!
//! Input: the article text as read, minus a leading BOM (offsets are into exactly that text; the
//! text is never rewritten). Output: tokens, paragraphs and sentences with byte spans, and
//! per-token facts the extractors share (capitalisation, sentence start). CRLF, lone CR, odd
//! Unicode spaces and curly quotes are understood where they are read, not replaced, so every
//! span points into the input. Does not find entities or dates.

pub mod sentences;
pub mod spans;
pub mod tokens;
pub mod words;

pub use spans::{CharIndex, Span};
pub use tokens::{Token, TokenKind};

use std::ops::Range;

/// One sentence: its token range and byte span.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Bytes, first token start to last token end.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// First token that is not an opening quote or bracket (`tokens.end` if none).
    pub first_word: usize,
    /// The sentence is shouted: at least 8 letters, 90% of them capitals (a headline or
    /// dateline in capitals, where capitalisation says nothing about names).
    pub shouted: bool,
}

/// An analysed article text.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text every span points into.
    pub text: &'a str,
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// Paragraphs as token ranges.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<u32>,
    /// The text with ASCII letters lower-cased (same byte offsets), for case-blind reading
    /// of tokens without lower-casing them again at every test.
    pub lower: String,
}

impl<'a> Doc<'a> {
    /// Tokenise and split `text`.
    pub fn new(text: &'a str) -> Doc<'a> {
        let tokenized = tokens::tokenize(text);
        let paragraphs = sentences::paragraphs(text, &tokenized);
        let (tokens, marks) = (tokenized.tokens, tokenized.marks);
        // One paragraph's sentences, reused from paragraph to paragraph.
        let mut ranges = Vec::with_capacity(8);
        // A sentence ends at a mark or a paragraph's end: one allocation.
        let mut sents = Vec::with_capacity(marks.len() + paragraphs.len());
        let mut sentence_of = vec![0u32; tokens.len()];
        let mut m = 0;
        for (pi, p) in paragraphs.iter().enumerate() {
            // The paragraph's marks.
            let from = m;
            while m < marks.len() && marks[m] < p.end {
                m += 1;
            }
            ranges.clear();
            sentences::sentences(text, &tokens, p.clone(), &marks[from..m], &mut ranges);
            for r in ranges.drain(..) {
                let idx = sents.len() as u32;
                sentence_of[r.clone()].fill(idx);
                // Opening quotes and brackets are punctuation tokens.
                let first_word = r
                    .clone()
                    .find(|&j| {
                        let t = &tokens[j];
                        t.kind != TokenKind::Punct || !is_opening_punct(t.span.of(text))
                    })
                    .unwrap_or(r.end);
                sents.push(Sentence {
                    span: sentences::span_of(&tokens, &r),
                    shouted: is_shouted(text, &tokens[r.clone()]),
                    first_word,
                    tokens: r,
                    paragraph: pi,
                });
            }
        }
        Doc {
            text,
            tokens,
            paragraphs,
            sentences: sents,
            sentence_of,
            lower: text.to_ascii_lowercase(),
        }
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].span.of(self.text)
    }

    /// The bytes of token `i` (no character-boundary checks: for byte tests in whole-text
    /// scans).
    #[inline]
    pub fn tok_bytes(&self, i: usize) -> &'a [u8] {
        let s = self.tokens[i].span;
        &self.text.as_bytes()[s.start..s.end]
    }

    /// The text of token `i` with ASCII letters lower-cased.
    #[inline]
    pub fn lower_tok(&self, i: usize) -> &str {
        self.tokens[i].span.of(&self.lower)
    }

    /// The bytes of token `i` with ASCII letters lower-cased.
    #[inline]
    pub fn lower_bytes(&self, i: usize) -> &[u8] {
        let s = self.tokens[i].span;
        &self.lower.as_bytes()[s.start..s.end]
    }

    /// True when token `i` opens its sentence (ignoring opening quotes and brackets).
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.sentences[self.sentence_of[i] as usize].first_word == i
    }

    /// True when token `i` is a word whose first letter is upper case.
    #[inline]
    pub fn is_capitalised(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        // A word starts with an ASCII byte, most of them: read as a byte, with no character
        // decoded and no boundary checked.
        match self.text.as_bytes()[t.span.start] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.tok(i).starts_with(char::is_uppercase),
        }
    }

    /// The span of bytes from token `a` to token `b` inclusive.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }

    /// Index of the first token at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// True when the sentence holding token `i` is shouted (upper case: a headline or
    /// dateline), where capitals say nothing about names.
    pub fn in_caps_line(&self, i: usize) -> bool {
        self.sentences[self.sentence_of[i] as usize].shouted
    }
}

/// At least 8 letters in word tokens, 90% of them upper case.
fn is_shouted(text: &str, tokens: &[Token]) -> bool {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    let whole = &text.as_bytes()[first.span.start..last.span.end];
    // Most sentences are prose: when the lower-case ASCII letters of its words are more than a
    // tenth of its bytes (which bound its letters), the sentence cannot be shouted. They are
    // those of its bytes less at most two for each other token (a number's "s" or "th").
    let lower: usize = whole.chunks(255).map(|c| count_in_range(c, b'a')).sum();
    if lower.saturating_sub(2 * tokens.len()) * 10 > whole.len() {
        return false;
    }
    if whole.is_ascii() {
        // ASCII: count over the sentence's bytes at once (between tokens there are only spaces,
        // and punctuation tokens hold no letters), less the letters of number tokens ("1990s").
        // The lower-case letters are counted above.
        let mut upper: usize = whole.chunks(255).map(|c| count_in_range(c, b'A')).sum();
        let mut letters = upper + lower;
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Number) {
            let (l, u) = ascii_letters(t.span.of(text).as_bytes());
            letters -= l;
            upper -= u;
        }
        return letters >= 8 && upper * 10 >= letters * 9;
    }
    let mut letters = 0usize;
    let mut upper = 0usize;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.span.of(text);
        if w.is_ascii() {
            for b in w.bytes().filter(u8::is_ascii_alphabetic) {
                letters += 1;
                upper += usize::from(b.is_ascii_uppercase());
            }
            continue;
        }
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters >= 8 && upper * 10 >= letters * 9
}

/// The bytes of `chunk` (at most 255) from `first` to the 25 after it (a case of the ASCII
/// letters): sums of 0/1 in byte lanes, which the compiler turns into vector code sixteen
/// bytes at a time.
fn count_in_range(chunk: &[u8], first: u8) -> usize {
    let n: u8 = chunk
        .iter()
        .map(|&c| u8::from(c.wrapping_sub(first) < 26))
        .fold(0, u8::wrapping_add);
    usize::from(n)
}

/// ASCII letters and upper-case letters in `b`.
fn ascii_letters(b: &[u8]) -> (usize, usize) {
    // Chunks of 255 bytes keep the byte sums from overflowing.
    let (mut letters, mut upper) = (0, 0);
    for chunk in b.chunks(255) {
        let (u, l) = (count_in_range(chunk, b'A'), count_in_range(chunk, b'a'));
        letters += u + l;
        upper += u;
    }
    (letters, upper)
}

/// Opening quotes and brackets.
pub fn is_opening_punct(s: &str) -> bool {
    matches!(
        s,
        "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "-" | "—" | "–" | "*" | "•"
    )
}

/// Normalises a text for comparison: curly quotes to straight, dashes to hyphens, runs of
/// whitespace to one space. Used for names and gazetteer keys, never for spans.
pub fn fold(s: &str) -> String {
    if s.is_ascii() && crate::gazetteer::is_single_spaced(s) {
        // No curly quotes, dashes or odd spaces: nothing to fold.
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '’' | '‘' | 'ʼ' => '\'',
            '“' | '”' => '"',
            '‐' | '‑' | '–' | '—' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_sentences_cover_tokens() {
        let text = "Headline here\n\nBAGHDAD - Mr. al-Sudani spoke. He said “no.”\nNext para.";
        let d = Doc::new(text);
        assert_eq!(d.sentences.len(), 4);
        assert_eq!(
            d.sentences[1].span.of(text),
            "BAGHDAD - Mr. al-Sudani spoke."
        );
        assert!(d.starts_sentence(d.token_at(text.find("He").unwrap())));
        assert_eq!(d.paragraphs.len(), 3);
    }

    #[test]
    fn first_word_skips_opening_quotes() {
        let text = "“‘Yes,’ he said.” Then it rained. (Reuters) wrote.";
        let d = Doc::new(text);
        let firsts: Vec<&str> = d.sentences.iter().map(|s| d.tok(s.first_word)).collect();
        assert_eq!(firsts, ["Yes", "Then", "Reuters"]);
    }

    #[test]
    fn caps_lines() {
        let d = Doc::new("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP\nLeicestershire took over.");
        assert!(d.in_caps_line(0));
        assert!(!d.in_caps_line(d.tokens.len() - 2));
    }

    #[test]
    fn fold_quotes_and_space() {
        assert_eq!(fold(" Iraq’s  “best”\u{a0}team "), "Iraq's \"best\" team");
    }
}
