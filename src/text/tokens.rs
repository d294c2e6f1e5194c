//! Tokens with byte spans.
//!
//! Input: the article text. Output: `Token`s in text order: words (letters and digits with
//! inner hyphens and apostrophes: "al-Sudani", "O'Brien"), dotted abbreviations ("U.S.",
//! "U.N."), numbers ("1,000", "3.5", "2024-10-15", "18:45"), and single punctuation marks.
//! A possessive or clitic ("Iraq’s", "don't") is split off as its own word token.
//! Curly quotes and dashes are punctuation like their ASCII forms. Does not split sentences.

use super::words::signature;
use super::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with inner hyphens or apostrophes; dotted abbreviations.
    Word,
    /// Digits with inner separators (`1,000`, `3.5`, `2024-10-15`, `18:45`).
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is (bytes).
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// A line break lies between the previous token and this one.
    pub after_newline: bool,
    /// Whitespace lies between the previous token and this one.
    pub after_space: bool,
    /// A word with an ASCII hyphen inside ("al-Sudani", "twenty-four"); false for numbers and
    /// punctuation.
    pub hyphenated: bool,
    /// The token's `words::signature` (computed as the token is added): word sets and the
    /// event triggers turn most tokens away by this alone. The same for the text and its
    /// lower-cased form, as it reads five low bits of each byte, which ASCII case leaves alone.
    pub sig: u16,
}

/// True for apostrophes, straight or curly.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// True for hyphens and the dashes news uses inside compounds.
fn is_inner_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// A text's tokens and where its lines end.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// Byte offsets of the line feeds (`\n`) in the text, in order.
    pub line_feeds: Vec<usize>,
    /// The tokens where a sentence or paragraph may end, in order: those after a line break
    /// and those whose last byte is one of `.` `!` `?` or the last byte of `…`.
    pub marks: Vec<usize>,
}

/// What a byte starts, for the tokenizer's dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Spaces and ASCII controls (all at or below 0x20, and DEL).
    Space,
    /// Line feed and carriage return.
    Break,
    /// An ASCII letter: a word (or a dotted abbreviation).
    Letter,
    /// An ASCII digit: a number.
    Digit,
    /// Any other ASCII byte: one punctuation token.
    Punct,
    /// The first byte of a character outside ASCII, read as a character.
    Wide,
}

/// `CLASS[b]`: what byte `b` starts (one load instead of a chain of range tests).
static CLASS: [Class; 256] = {
    let mut t = [Class::Punct; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b'\n' || c == b'\r' {
            Class::Break
        } else if c <= b' ' || c == 0x7f {
            Class::Space
        } else if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii() {
            Class::Punct
        } else {
            Class::Wide
        };
        b += 1;
    }
    t
};

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let bytes = text.as_bytes();
    // News runs at about one token every three bytes, a line feed every 150 and a mark every
    // 60 or so: one allocation each for most texts.
    let mut out = Tokens {
        tokens: Vec::with_capacity(bytes.len() / 3 + 16),
        line_feeds: Vec::with_capacity(bytes.len() / 128 + 4),
        marks: Vec::with_capacity(bytes.len() / 48 + 8),
    };
    let mut i = 0;
    let mut after_newline = true;
    let mut after_space = true;
    while i < bytes.len() {
        let b = bytes[i];
        // `plain`: a word known to hold no apostrophe and no non-ASCII character, so no clitic.
        let (end, kind, plain, hyphen) = match CLASS[usize::from(b)] {
            Class::Space => {
                after_space = true;
                i += 1;
                continue;
            }
            Class::Break => {
                if b == b'\n' {
                    out.line_feeds.push(i);
                }
                after_newline = true;
                i += 1;
                continue;
            }
            Class::Letter if !after_newline => {
                let run = plain_words(&mut out.tokens, bytes, i, after_space);
                after_space = run.after_space;
                i = run.end;
                if !run.more {
                    continue;
                }
                scan_word(text, i)
            }
            Class::Letter => scan_word(text, i),
            Class::Digit => {
                let (end, kind) = scan_number(text, i);
                (end, kind, true, false)
            }
            Class::Punct => {
                // One byte, never split: added here without the rest of the loop.
                out.push(
                    bytes,
                    Token {
                        span: Span::new(i, i + 1),
                        kind: TokenKind::Punct,
                        after_newline,
                        after_space: after_space || after_newline,
                        hyphenated: false,
                        sig: 0,
                    },
                );
                after_newline = false;
                after_space = bytes.get(i + 1) == Some(&b' ');
                i += 1 + usize::from(after_space);
                continue;
            }
            Class::Wide => {
                let c = char_at(text, i);
                let width = c.len_utf8();
                if c.is_whitespace() || c == '\u{feff}' || c.is_control() {
                    if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                        after_newline = true;
                    }
                    after_space = true;
                    i += width;
                    continue;
                }
                if c.is_alphabetic() {
                    scan_word(text, i)
                } else if c.is_alphanumeric() {
                    // Other numeric characters (superscripts, fractions) stand alone.
                    (i + width, TokenKind::Word, false, false)
                } else {
                    (i + width, TokenKind::Punct, true, false)
                }
            }
        };
        let token = Token {
            span: Span::new(i, end),
            kind,
            after_newline,
            after_space: after_space || after_newline,
            hyphenated: hyphen,
            sig: 0,
        };
        // Split a possessive or clitic off the end of a word: "Iraq’s" -> "Iraq" "’s" (the
        // clitic holds no hyphen).
        if !plain {
            if let Some(cut) = clitic_start(&text[i..end]) {
                let clitic = Token {
                    span: Span::new(i + cut, end),
                    after_newline: false,
                    after_space: false,
                    hyphenated: false,
                    ..token
                };
                out.push(
                    bytes,
                    Token {
                        span: Span::new(i, i + cut),
                        ..token
                    },
                );
                out.push(bytes, clitic);
                after_newline = false;
                after_space = false;
                i = end;
                continue;
            }
        }
        out.push(bytes, token);
        after_newline = false;
        // One space, the usual gap, is stepped over here rather than by the dispatch.
        after_space = bytes.get(end) == Some(&b' ');
        i = end + usize::from(after_space);
    }
    out
}

impl Tokens {
    /// Adds a token of `bytes` (the text), marking it where it may end a sentence or start a
    /// line.
    #[inline(always)]
    fn push(&mut self, bytes: &[u8], mut t: Token) {
        t.sig = signature(&bytes[t.span.start..t.span.end]);
        if t.after_newline || matches!(bytes[t.span.end - 1], b'.' | b'!' | b'?' | 0xA6) {
            self.marks.push(self.tokens.len());
        }
        self.tokens.push(t);
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// A word: letters/digits, joined by single inner hyphens, apostrophes, ampersands between
/// capitals ("AT&T") or periods in dotted abbreviations ("U.S.", "e.g."). Also says whether
/// the word is plain (no apostrophe and nothing outside ASCII in it) and whether it holds an
/// ASCII hyphen.
#[inline]
fn scan_word(text: &str, start: usize) -> (usize, TokenKind, bool, bool) {
    let b = text.as_bytes();
    // Dotted abbreviation: single letters each followed by a period, at least two of them
    // (tried only when a period follows the first letter).
    if b.get(start + 1) == Some(&b'.') {
        if let Some(end) = scan_dotted(text, start) {
            return (end, TokenKind::Word, true, false);
        }
    }
    // The usual word: a run of ASCII letters and digits that a space or punctuation ends.
    let pos = alnum_run(b, start);
    if pos == b.len() || !may_join(b[pos]) {
        return (pos, TokenKind::Word, true, false);
    }
    let (end, plain, hyphen) = scan_joined(text, start, pos);
    (end, TokenKind::Word, plain, hyphen)
}

/// Where a run of plain words stopped (`plain_words`).
struct Run {
    /// The byte after the run (after the space that followed its last word).
    end: usize,
    /// A space lies before `end`.
    after_space: bool,
    /// A word starts at `end` that is not plain: `scan_word` reads it.
    more: bool,
}

/// Adds the plain words from `i` (an ASCII letter after no line break) one after another while
/// single spaces part them, the run of most prose: such a word is neither split nor marked.
/// A word that goes on past its run of letters and digits, or a letter and a period (maybe
/// "U.S."), ends the run. Out of line, so that the run has the registers to itself.
#[inline(never)]
fn plain_words(tokens: &mut Vec<Token>, bytes: &[u8], mut i: usize, mut after_space: bool) -> Run {
    let word = |start: usize, end: usize, after_space: bool| Token {
        span: Span::new(start, end),
        kind: TokenKind::Word,
        after_newline: false,
        after_space,
        hyphenated: false,
        sig: signature(&bytes[start..end]),
    };
    loop {
        // The letter at `i` is known: the run is read from the byte after it.
        let end = alnum_run(bytes, i + 1);
        // A zero past the end of the text: neither a space nor a joiner.
        let next = bytes.get(end).copied().unwrap_or(0);
        // A word before a space, the usual case, goes on to the next word while it starts with
        // a letter.
        if next == b' ' {
            tokens.push(word(i, end, after_space));
            after_space = true;
            i = end + 1;
            if i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                continue;
            }
            return Run {
                end: i,
                after_space,
                more: false,
            };
        }
        if may_join(next) || (next == b'.' && end == i + 1) {
            return Run {
                end: i,
                after_space,
                more: true,
            };
        }
        // A word before punctuation (or at the end of the text) ends the run.
        tokens.push(word(i, end, after_space));
        return Run {
            end,
            after_space: false,
            more: false,
        };
    }
}

/// Where the run of ASCII letters and digits from `pos` ends.
#[inline]
fn alnum_run(b: &[u8], mut pos: usize) -> usize {
    // Two bytes a step, tested together: one branch for both while the run goes on.
    while pos + 1 < b.len() {
        let first = ASCII_ALNUM[usize::from(b[pos])];
        if !(first & ASCII_ALNUM[usize::from(b[pos + 1])]) {
            return pos + usize::from(first);
        }
        pos += 2;
    }
    pos + usize::from(b.get(pos).is_some_and(|&c| ASCII_ALNUM[usize::from(c)]))
}

/// True for the bytes that may continue a word after a run of ASCII letters and digits: the
/// joiners `-` `'` `&` and the first byte of any character outside ASCII.
#[inline]
fn may_join(b: u8) -> bool {
    !b.is_ascii() || matches!(b, b'-' | b'\'' | b'&')
}

/// The rest of a word from `pos`, where a run of ASCII letters and digits (possibly empty,
/// for a word that starts outside ASCII) stopped at a byte that may continue it: the end of
/// the word, whether it is plain and whether it holds an ASCII hyphen.
fn scan_joined(text: &str, start: usize, mut pos: usize) -> (usize, bool, bool) {
    let b = text.as_bytes();
    let mut last_alnum_end = pos;
    let mut plain = true;
    let mut hyphen = false;
    while pos < b.len() {
        // Runs of ASCII letters and digits, a byte at a time.
        if ASCII_ALNUM[usize::from(b[pos])] {
            pos += 1;
            while pos < b.len() && ASCII_ALNUM[usize::from(b[pos])] {
                pos += 1;
            }
            last_alnum_end = pos;
            continue;
        }
        // Any other ASCII byte ends the word unless it is a joiner.
        if !may_join(b[pos]) {
            break;
        }
        let c = char_at(text, pos);
        if c.is_alphanumeric() || is_combining(c) {
            pos += c.len_utf8();
            last_alnum_end = pos;
            plain = false;
            continue;
        }
        let joiner = is_inner_hyphen(c)
            || is_apostrophe(c)
            || (c == '&' && text[start..pos].chars().all(|c| c.is_uppercase()));
        // A joiner continues the word only before a letter or digit.
        let next = pos + c.len_utf8();
        if joiner && next < b.len() && char_at(text, next).is_alphanumeric() {
            plain &= c == '-' || c == '&';
            hyphen |= c == '-';
            pos = next;
            continue;
        }
        break;
    }
    (last_alnum_end, plain, hyphen)
}

/// `ASCII_ALNUM[b]`: byte `b` is an ASCII letter or digit (one load instead of three ranges).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Combining marks continue a word ("é" written as e + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// "U.S.", "U.N.", "e.g.", "D.C.": letter-period pairs, two or more.
fn scan_dotted(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = start;
    let mut pairs = 0;
    while i + 1 < b.len() && b[i].is_ascii_alphabetic() && b[i + 1] == b'.' {
        i += 2;
        pairs += 1;
        if i < b.len() && !b[i].is_ascii_alphabetic() {
            break;
        }
    }
    // The letter after the last period must not continue a word ("U.Sa" is not an acronym).
    if pairs >= 2 && (i >= b.len() || !b[i].is_ascii_alphanumeric()) {
        Some(i)
    } else {
        None
    }
}

/// Digits with inner `,` `.` `:` `/` `-` followed by a digit.
fn scan_number(text: &str, start: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let mut i = start;
    while i < b.len() {
        // A digit first: most bytes of a number are.
        let inner_separator = || {
            matches!(b[i], b',' | b'.' | b':' | b'/' | b'-')
                && i + 1 < b.len()
                && b[i + 1].is_ascii_digit()
        };
        if b[i].is_ascii_digit() || inner_separator() {
            i += 1;
        } else {
            break;
        }
    }
    // "1990s", "21st", "6am", "F16": letters glued to digits make one word-like token only for
    // ordinals and decades; "6am" stays two tokens so times can be read.
    let rest = &text[i..];
    if !matches!(rest.as_bytes().first(), Some(b's' | b'n' | b'r' | b't')) {
        return (i, TokenKind::Number);
    }
    for suf in ["s", "st", "nd", "rd", "th"] {
        if let Some(after) = rest.strip_prefix(suf) {
            if !after.starts_with(|c: char| c.is_alphanumeric()) {
                return (i + suf.len(), TokenKind::Number);
            }
        }
    }
    (i, TokenKind::Number)
}

/// Byte offset where a trailing clitic starts in `word` ("’s", "'s", "n't", "'re", "'ll", ...).
fn clitic_start(word: &str) -> Option<usize> {
    // Every clitic starts with an apostrophe, straight or (outside ASCII) curly.
    if !word.bytes().any(|b| b == b'\'' || !b.is_ascii()) {
        return None;
    }
    for suffix in ["n't", "n’t"] {
        if word.len() >= suffix.len() + 2 && word.ends_with(suffix) {
            return Some(word.len() - suffix.len());
        }
    }
    let (stem, tail) = word.rsplit_once(is_apostrophe)?;
    let clitic = matches!(
        tail.to_ascii_lowercase().as_str(),
        "s" | "re" | "ll" | "ve" | "d" | "m"
    );
    // The apostrophe itself starts the clitic.
    (clitic && !stem.is_empty()).then_some(stem.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text)
            .tokens
            .iter()
            .map(|t| t.span.of(text))
            .collect()
    }

    #[test]
    fn words_numbers_and_punct() {
        assert_eq!(
            toks("Iraq’s al-Sudani met O'Brien in the U.S. on 2024-10-15, at 18:45."),
            vec![
                "Iraq",
                "’s",
                "al-Sudani",
                "met",
                "O'Brien",
                "in",
                "the",
                "U.S.",
                "on",
                "2024-10-15",
                ",",
                "at",
                "18:45",
                "."
            ]
        );
    }

    #[test]
    fn numbers_keep_separators_and_ordinals() {
        assert_eq!(
            toks("1,000 3.5 1990s 21st 6am"),
            vec!["1,000", "3.5", "1990s", "21st", "6", "am"]
        );
    }

    #[test]
    fn clitics_split() {
        assert_eq!(toks("don't Obama's"), vec!["do", "n't", "Obama", "'s"]);
        assert_eq!(toks("AT&T rock'n"), vec!["AT&T", "rock'n"]);
    }

    #[test]
    fn newline_flags() {
        let t = tokenize("A b\r\nC").tokens;
        assert!(t[0].after_newline);
        assert!(!t[1].after_newline && t[1].after_space);
        assert!(t[2].after_newline);
    }

    #[test]
    fn space_flags_in_runs_of_words() {
        let text = "one two  three\tfour,five six.Seven U.S. eight";
        let flags: Vec<(&str, bool)> = tokenize(text)
            .tokens
            .iter()
            .map(|t| (t.span.of(text), t.after_space))
            .collect();
        assert_eq!(
            flags,
            [
                ("one", true),
                ("two", true),
                ("three", true),
                ("four", true),
                (",", false),
                ("five", false),
                ("six", true),
                (".", false),
                ("Seven", false),
                ("U.S.", true),
                ("eight", true)
            ]
        );
    }

    #[test]
    fn hyphenated_words_are_flagged() {
        let text = "al-Sudani's twenty-four U.S.-led pro- war 2024-10-15 co‐op - x-ray";
        for t in tokenize(text).tokens {
            let w = t.span.of(text);
            assert_eq!(
                t.hyphenated,
                t.kind == TokenKind::Word && w.contains('-'),
                "{w}"
            );
        }
    }

    #[test]
    fn trailing_hyphen_is_punct() {
        assert_eq!(
            toks("U.S.-led pro- war"),
            vec!["U.S.", "-", "led", "pro", "-", "war"]
        );
    }
}
