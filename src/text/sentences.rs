//! Paragraphs and sentences, as token ranges, that survive news prose.
//!
//! Input: the text and its tokens. Output: paragraphs (split at blank lines, or at every line
//! break when the text is one paragraph per line) and sentences. A sentence ends at `.` `!` `?`
//! (with any closing quotes or brackets) before a word that can start a sentence, but not after
//! titles and abbreviations ("Mr.", "Gen.", "Jan.", "No. 10"), initials ("J. Smith"), or dotted
//! acronyms followed by a name ("U.S. Army"); a line break ends a headline or a dateline that has
//! no full stop. Does not look at meaning.

use super::tokens::{Token, TokenKind, Tokens};
use super::words::WordSet;
use super::Span;

/// Abbreviations that do not end a sentence when followed by a capitalised word.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr",
    "etc", "feb", "fig", "fri", "ft", "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "messrs", "mon", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op",
    "prof", "pte", "pvt", "rep", "reps", "rev", "sat", "sen", "sens", "sep", "sept", "sgt", "sr",
    "st", "sun", "supt", "thu", "thur", "thurs", "tue", "tues", "vol", "vs", "wed",
];

/// Abbreviations that can still end a sentence ("... said Acme Inc. The company ...") when the
/// next word is a usual sentence opener.
const SOFT_ABBREVIATIONS: &[&str] = &["co", "corp", "etc", "inc", "jr", "ltd", "sr"];

/// Words that usually open a sentence; a capitalised one after "U.S." or "Inc." starts a new one.
const OPENERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "no",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "we",
    "when",
    "while",
    "with",
    "yet",
    "you",
];

/// Sentence-final punctuation.
fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// Closing punctuation that belongs to the sentence before it.
fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

/// The lists as word sets, read case-blind (ASCII) with one hash probe.
static ABBREVIATION_SET: WordSet = WordSet::new(ABBREVIATIONS);
static SOFT_ABBREVIATION_SET: WordSet = WordSet::new(SOFT_ABBREVIATIONS);
static OPENER_SET: WordSet = WordSet::new(OPENERS);

/// Splits the text into paragraphs (token index ranges), given its tokens and line feeds.
///
/// Text with blank lines between hard-wrapped lines of similar length is read as wrapped
/// paragraphs; otherwise every line break separates paragraphs (one paragraph a line, as
/// feeds and most saved articles are).
pub fn paragraphs(text: &str, tokens: &Tokens) -> Vec<std::ops::Range<usize>> {
    let wrapped = looks_hard_wrapped(text, &tokens.line_feeds);
    let marks = &tokens.marks;
    // A paragraph break is at a line feed (or a lone CR, rare): one allocation.
    let mut out = Vec::with_capacity(tokens.line_feeds.len() + 1);
    let tokens = &tokens.tokens;
    let mut start = 0;
    for &i in marks {
        // In wrapped text only a blank line parts paragraphs (the gap is read only there).
        if i > 0 && tokens[i].after_newline && (!wrapped || blank_line_before(text, tokens, i)) {
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// True when the gap before token `i` holds two line breaks or more (LF, CR and CRLF each count
/// one): a blank line.
fn blank_line_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let gap = &text.as_bytes()[tokens[i - 1].span.end..tokens[i].span.start];
    let crlf = gap.windows(2).filter(|w| w == b"\r\n").count();
    let breaks = gap.iter().filter(|&&b| b == b'\n' || b == b'\r').count() - crlf;
    breaks >= 2
}

/// True when most lines are long, of similar width, and paragraphs are split by blank lines.
/// Lines are those of `str::lines` (split at the line feeds, a final empty one left out),
/// measured in characters without trailing whitespace; the first 400 are read.
fn looks_hard_wrapped(text: &str, line_feeds: &[usize]) -> bool {
    // Six lines (the fewest of a wrapped text) need five line feeds.
    if line_feeds.len() < 5 {
        return false;
    }
    // In ASCII text a line's length in characters is its length in bytes.
    let ascii = text.is_ascii();
    let last = (line_feeds.last().map_or(0, |&f| f + 1) < text.len()).then_some(text.len());
    let mut lines = 0usize;
    let mut long = 0usize;
    let mut blank = 0usize;
    let mut start = 0;
    for end in line_feeds.iter().copied().chain(last).take(400) {
        let line = text[start..end].trim_end();
        start = end + 1;
        let n = if ascii {
            line.len()
        } else {
            line.chars().count()
        };
        if n == 0 {
            blank += 1;
            continue;
        }
        lines += 1;
        if (50..=100).contains(&n) {
            long += 1;
        }
    }
    // A wrapped text has several lines per paragraph.
    lines >= 6 && long * 10 >= lines * 6 && blank * 2 < lines
}

/// Splits one paragraph (token range) into sentences (token index ranges), added to `out`.
/// `marks` are the paragraph's tokens that may end a sentence (`Tokens::marks`): the others
/// are passed over unread.
#[inline]
pub fn sentences(
    text: &str,
    tokens: &[Token],
    para: std::ops::Range<usize>,
    marks: &[usize],
    out: &mut Vec<std::ops::Range<usize>>,
) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    // Tokens before `next` are read (a terminal mark takes the closers after it).
    let mut next = para.start;
    for &i in marks {
        if i < next {
            continue;
        }
        let t = &tokens[i];
        // A line break inside a wrapped paragraph ends a sentence only after a terminal mark;
        // a short line without one (a headline, a dateline) ends at the break.
        if i > start && t.after_newline && line_is_unterminated_heading(text, tokens, i) {
            out.push(start..i);
            start = i;
        }
        // Bytes: a terminal mark or a word ending in a period ("U.S.").
        let s = &bytes[t.span.start..t.span.end];
        let word_ends_sentence = t.kind == TokenKind::Word && s.ends_with(b".") && s.len() > 2;
        let terminal =
            t.kind == TokenKind::Punct && matches!(s, b"." | b"!" | b"?" | b"\xE2\x80\xA6"); // "…" in UTF-8
        if terminal || word_ends_sentence {
            // Absorb repeated terminals and closers: `?!`, `."`, `.)`.
            let mut j = i + 1;
            while j < para.end {
                let u = tokens[j].span.of(text);
                if tokens[j].kind == TokenKind::Punct
                    && (is_terminal(u) || is_closer(u))
                    && !tokens[j].after_space
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // Closing quote after a space, as tokenised text writes it: `. "`.
            if j < para.end
                && matches!(tokens[j].span.of(text), "\"" | "”")
                && (j + 1 == para.end || tokens[j + 1].after_newline)
            {
                j += 1;
            }
            if j >= para.end {
                break;
            }
            if ends_here(text, tokens, i, j) {
                out.push(start..j);
                start = j;
            }
            next = j;
        }
    }
    if start < para.end {
        out.push(start..para.end);
    }
}

/// A line from `start` to the break before `i` is a heading when it has no terminal mark and
/// the next line begins with a capital, a digit or a quote.
fn line_is_unterminated_heading(text: &str, tokens: &[Token], i: usize) -> bool {
    let last = tokens[i - 1].span.of(text);
    if is_terminal(last) || last.ends_with('.') {
        return false;
    }
    // Lines ending in a comma, a hyphen or a conjunction are wrapped prose.
    if matches!(
        last,
        "," | "-" | "and" | "or" | "of" | "the" | "a" | "to" | "in"
    ) {
        return false;
    }
    let next = tokens[i].span.of(text);
    next.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(' | '-' | '*' | '•')
    })
}

/// Decides whether the terminal at `i` (closers through `j`) ends the sentence.
fn ends_here(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let next = &tokens[j];
    let next_s = next.span.of(text);
    if next.after_newline {
        return true;
    }
    if !next.after_space {
        return false;
    }
    let starts_upper = next_s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let starts_open = next_s.starts_with(['"', '“', '‘', '\'', '(', '[']);
    if !(starts_upper || starts_open) {
        return false;
    }
    let t = tokens[i].span.of(text);
    if t != "." {
        if tokens[i].kind == TokenKind::Word {
            // A dotted acronym ("U.S.") ends a sentence only before a usual opener.
            return OPENER_SET.contains(next_s);
        }
        return true;
    }
    if i == 0 {
        return true;
    }
    let prev = &tokens[i - 1];
    let prev_s = prev.span.of(text);
    if tokens[i].after_space {
        return true;
    }
    // Initials: "J. Smith", "George W. Bush".
    if prev.kind == TokenKind::Word
        && prev_s.chars().count() == 1
        && prev_s.chars().all(char::is_uppercase)
    {
        return false;
    }
    if prev.kind == TokenKind::Word && ABBREVIATION_SET.contains(prev_s) {
        if SOFT_ABBREVIATION_SET.contains(prev_s) {
            return OPENER_SET.contains(next_s);
        }
        // "No. 10" but "... said no. The ..." (lower-case "no" is a word).
        if prev_s == "no" {
            return true;
        }
        return false;
    }
    true
}

/// Sentence spans in bytes, for a token range.
pub fn span_of(tokens: &[Token], r: &std::ops::Range<usize>) -> Span {
    Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let mut ranges = Vec::new();
        for p in paragraphs(text, &toks) {
            let marks: Vec<usize> = toks
                .marks
                .iter()
                .copied()
                .filter(|m| p.contains(m))
                .collect();
            sentences(text, &toks.tokens, p, &marks, &mut ranges);
        }
        ranges
            .iter()
            .map(|s| span_of(&toks.tokens, s).of(text).to_string())
            .collect()
    }

    #[test]
    fn lists_sorted() {
        for list in [ABBREVIATIONS, SOFT_ABBREVIATIONS, OPENERS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Smith met Gen. Jones on Jan. 5 at No. 10 Downing St. with George W. Bush. He left."),
            vec!["Mr. Smith met Gen. Jones on Jan. 5 at No. 10 Downing St. with George W. Bush.", "He left."]
        );
    }

    #[test]
    fn acronyms_and_decimals() {
        assert_eq!(
            split("The U.S. Army grew 3.5 percent in the U.S. The rest fell."),
            vec![
                "The U.S. Army grew 3.5 percent in the U.S.",
                "The rest fell."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said: “We will win.” Then he left! Did he? Yes."),
            vec![
                "He said: “We will win.”",
                "Then he left!",
                "Did he?",
                "Yes."
            ]
        );
    }

    #[test]
    fn headline_and_dateline_without_full_stop() {
        assert_eq!(
            split("Iraqi forces kill ISIS commander\n\nBAGHDAD, Oct. 15 (Reuters) - Forces struck. More."),
            vec!["Iraqi forces kill ISIS commander", "BAGHDAD, Oct. 15 (Reuters) - Forces struck.", "More."]
        );
    }

    #[test]
    fn soft_abbreviation_before_opener_ends() {
        assert_eq!(
            split("Shares of Acme Inc. The company said. Acme Inc. Chairman Bob spoke."),
            vec![
                "Shares of Acme Inc.",
                "The company said.",
                "Acme Inc. Chairman Bob spoke."
            ]
        );
    }

    #[test]
    fn crlf_lines_are_paragraphs() {
        assert_eq!(
            split("One line\r\nTwo line.\r\n"),
            vec!["One line", "Two line."]
        );
    }
}
