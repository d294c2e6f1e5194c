//! The headline's own verb: news headlines report the main happening in the present tense with
//! a subject first ("Toblerone sparks outrage", "Police name victims"), often with a verb no
//! trigger table lists. This finds that verb so the main event can be what the headline says
//! rather than a "said" from the body.
//!
//! Input: the `Doc`, its `Names`, the headline sentence. Output: the verb's token index. How:
//! after a subject (a name, a noun, a plural group such as "Police" or "X and Y"), the first
//! word that reads as a finite verb: a third-person "-s" form ("amazes", "Alters") that is not a
//! plural group noun, or a bare form after a plural subject ("Obama and Murray lead").
//! Does not tag parts of speech: a plural noun the lists do not know ("bars") may pass, which
//! is why the caller uses the verb only when the headline has no concrete event of its own.

use super::words::WordSet;
use crate::names::{Kind, Names};
use crate::text::{Doc, TokenKind};

/// Words that are never a headline's main verb: function words, auxiliaries, and plural nouns
/// that often follow a subject ("sales", "news").
static NOT_VERB: WordSet = WordSet::new(&[
    "a", "about", "after", "against", "ahead", "all", "also", "amid", "an", "and", "are", "as",
    "at", "be", "been", "before", "being", "between", "but", "by", "can", "could", "did", "do",
    "does", "down", "during", "for", "from", "had", "has", "have", "her", "his", "how", "in",
    "into", "is", "its", "it", "may", "might", "must", "new", "news", "no", "not", "of", "off",
    "on", "or", "out", "over", "plus", "sales", "says", "series", "should", "so", "than", "that",
    "the", "their", "this", "those", "these", "thus", "to", "under", "up", "us", "versus", "vs",
    "was", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
    "would", "yes", "years", "times", "days", "weeks", "months", "hours", "minutes", "this",
]);

/// Prepositions that follow plural nouns more often than headline verbs.
static PREPOSITION: WordSet =
    WordSet::new(&["at", "by", "for", "from", "in", "of", "on", "to", "with"]);

/// Words that open a time or reason clause.
static SUBORDINATE: WordSet = WordSet::new(&[
    "after", "as", "because", "before", "since", "though", "until", "when", "while", "whilst",
]);

/// Adverbs between a subject and its verb ("Verstappen even stuns").
static ADVERB: WordSet = WordSet::new(&[
    "again",
    "also",
    "even",
    "finally",
    "formally",
    "just",
    "now",
    "officially",
    "quickly",
    "still",
    "then",
    "reportedly",
    "allegedly",
]);

/// Plural subjects: group nouns a bare verb may follow ("Police name", "fans celebrate").
static PLURAL_SUBJECT: WordSet = WordSet::new(&[
    "police",
    "fans",
    "officials",
    "authorities",
    "troops",
    "forces",
    "militants",
    "rebels",
    "protesters",
    "voters",
    "investors",
    "workers",
    "residents",
    "scientists",
    "researchers",
    "doctors",
    "lawmakers",
    "leaders",
    "ministers",
    "people",
    "players",
    "experts",
    "students",
    "teachers",
    "parents",
    "families",
    "survivors",
    "rescuers",
    "firefighters",
    "prosecutors",
    "democrats",
    "republicans",
    "markets",
    "stocks",
    "shares",
    "prices",
    "victims",
    "children",
    "men",
    "women",
    "migrants",
    "refugees",
    "soldiers",
    "patients",
    "customers",
    "consumers",
]);

/// True when token `i` reads as a word that could be a verb (lower case, or any case in a title
/// case or capitals headline), with letters only.
fn wordish(doc: &Doc, i: usize, title_case: bool) -> bool {
    let t = doc.tok(i);
    doc.tokens[i].kind == TokenKind::Word
        && t.len() >= 3
        && t.bytes().all(|b| b.is_ascii_alphabetic())
        && (title_case || !doc.is_capitalised(i))
}

/// The subject phrase before the verb at `v` (up to five words from the headline's start or
/// its label's colon), for a headline whose subject is not a known name ("Toblerone").
pub fn subject(doc: &Doc, head: usize, v: usize) -> Option<String> {
    let s = doc.sentences.get(head)?;
    let a = (s.tokens.start..v)
        .rev()
        .find(|&i| !matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number))
        .map_or(s.tokens.start, |i| i + 1);
    let mut b = v;
    if b > a && ADVERB.has(doc, b - 1) {
        b -= 1;
    }
    (b > a && b - a <= 5).then(|| doc.span(a, b - 1).of(doc.text).to_string())
}

/// The headline's main verb, if one reads as such. `end` bounds the search (the first trigger
/// of the headline's own events, so only a verb before it counts).
pub fn verb(doc: &Doc, names: &Names, head: usize, title_case: bool, end: usize) -> Option<usize> {
    let s = doc.sentences.get(head)?;
    // "Croydon tram crash: Five dead after ...": after a short label, the part after the colon
    // is the headline proper; after a long one, the colon opens a quotation ("X amazes Y: 'We
    // witnessed ...'").
    let colon = (s.tokens.start..s.tokens.end).find(|&i| doc.tok(i) == ":");
    let (start, end) = match colon {
        Some(c) if c - s.tokens.start <= 5 && s.tokens.end - c > 3 => (c + 1, end),
        Some(c) => (s.tokens.start, end.min(c)),
        None => (s.tokens.start, end),
    };
    let end = end.min(s.tokens.end);
    if s.tokens.is_empty() {
        return None;
    }
    // The mentions that may hold a token of the headline (those ending after its first token
    // starts and starting before its last one ends): the searches below read only these.
    let ms = {
        let all = &names.mentions;
        let from = doc.tokens[s.tokens.start].span.start;
        let to = doc.tokens[s.tokens.end - 1].span.end;
        let lo = all.partition_point(|m| m.span.end <= from);
        let hi = lo + all[lo..].partition_point(|m| m.span.start < to);
        &all[lo..hi]
    };
    let person_or_org = |i: usize| {
        let pos = doc.tokens[i].span.start;
        let k = ms.partition_point(|m| m.span.end <= pos);
        ms.get(k)
            .filter(|m| m.span.start <= pos)
            .and_then(|m| names.entities.get(m.entity))
            .map(|e| e.kind)
    };
    let quoted = super::triggers::quoted_tokens(doc, s);
    let mut names_and = false;
    for i in start + 1..end {
        if quoted.get(i - s.tokens.start).copied().unwrap_or(false) {
            continue;
        }
        if doc.lower_bytes(i) == b"and"
            && (person_or_org(i - 1).is_some() || doc.is_capitalised(i - 1))
        {
            names_and = true;
        }
        // The main verb comes before a time or reason clause ("... as veteran politicians
        // step down", "After visa snags, ...").
        if SUBORDINATE.has(doc, i) || i == start + 1 && SUBORDINATE.has(doc, start) {
            return None;
        }
        // A word of the trigger table its rules did not take is not an unknown verb.
        if person_or_org(i).is_some()
            || !wordish(doc, i, title_case)
            || NOT_VERB.has(doc, i)
            || super::triggers::rows_for_token(doc, i).is_some()
        {
            continue;
        }
        // The subject: the word before (skipping an adverb) is a name or a content word.
        let mut p = i - 1;
        if ADVERB.has(doc, p) && p > start {
            p -= 1;
        }
        let subject = person_or_org(p).is_some_and(|k| k != Some(Kind::Place))
            || wordish(doc, p, true) && !NOT_VERB.has(doc, p) && !ADVERB.has(doc, p);
        if !subject {
            continue;
        }
        let lower = doc.lower_tok(i);
        // Plural nouns: "municipalities", "journalists", "politicians".
        let s_form = lower.ends_with('s')
            && !lower.ends_with("ss")
            && !lower.ends_with("ies")
            && !lower.ends_with("ists")
            && !lower.ends_with("ians")
            && !lower.ends_with("us")
            && !lower.ends_with("is")
            && !PLURAL_SUBJECT.has(doc, i);
        let bare = !lower.ends_with('s')
            && !lower.ends_with("ed")
            && !lower.ends_with("ing")
            && !lower.ends_with("ly")
            && (PLURAL_SUBJECT.has(doc, p)
                || names_and && (person_or_org(p).is_some() || doc.is_capitalised(p)));
        // "victims named", "taxes from ...": a plural noun before a participle or a
        // preposition (the table lists the verbs that take one: "protests outside").
        // "UK MONEY RATES FALL": a plural noun before a verb the trigger table knows.
        let participle_next = i + 1 < s.tokens.end
            && (doc.lower_tok(i + 1).ends_with("ed")
                || PREPOSITION.has(doc, i + 1)
                || super::triggers::rows_for_token(doc, i + 1).is_some());
        // "PLANTINGS", "BORROWINGS", "EARNINGS": nouns.
        if lower.ends_with("ings") {
            continue;
        }
        // Something must follow: a verb has an object or a complement.
        let verb_here = (s_form && !participle_next || bare) && i + 1 < s.tokens.end;
        // The first content word after the subject that is not a verb ends the search: a
        // headline's verb follows its subject closely.
        let too_far = !verb_here && person_or_org(p).is_none() && i > start + 4;
        // "Barack Obama": a surname after a given name is not a verb (read only when the word
        // would end the search, as the gazetteer's look-up costs more than the tests above).
        if (verb_here || too_far)
            && doc.is_capitalised(i)
            && crate::gazetteer::given_name(doc.tok(p)).is_some()
        {
            continue;
        }
        if verb_here {
            // "Refugees begin returning home": the happening is the -ing verb.
            let aspect = matches!(
                lower,
                "begin"
                    | "begins"
                    | "start"
                    | "starts"
                    | "continue"
                    | "continues"
                    | "resume"
                    | "resumes"
                    | "keep"
                    | "keeps"
            );
            let next = doc.lower_tok(i + 1);
            if aspect && next.len() > 4 && next.ends_with("ing") {
                return Some(i + 1);
            }
            return Some(i);
        }
        if too_far {
            return None;
        }
    }
    None
}
