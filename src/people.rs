//! People: titles, given names, name particles and speech context; the `people` record section.
//!
//! Input: token ranges of name chunks (from `names`). Output: `Typed` person names with titles
//! split off ("Prime Minister" goes to `titles`, not the name), and record entries. Does not
//! group mentions (see `names::group`) or guess gender.

use crate::gazetteer;
use crate::names::{Kind, Names, Typed};
use crate::record::{Offsets, Person};
use crate::text::{Doc, TokenKind};

/// Longest title sequence at the start of `[a, b)`: returns the titles (as written, with a
/// following period for abbreviations like "Gen.") and the index after them.
pub fn strip_titles(doc: &Doc, a: usize, b: usize) -> (Vec<String>, usize) {
    let mut titles = Vec::new();
    let mut i = a;
    'outer: while i < b {
        // Up to four words: "Deputy Prime Minister", "Secretary of State".
        let mut j = (i + 4).min(b);
        while j > i {
            let span = doc.span(i, j - 1);
            let text = span.of(doc.text);
            if gazetteer::title(text).is_some() && !(j - i == 1 && is_name_like_title(doc, i)) {
                let mut end = j;
                // "Gen." keeps its period.
                if end < doc.tokens.len() && doc.tok(end) == "." && !doc.tokens[end].after_space {
                    end += 1;
                }
                titles.push(crate::text::fold(doc.span(i, end - 1).of(doc.text)));
                i = end;
                // After a period the name continues at the next word.
                continue 'outer;
            }
            j -= 1;
        }
        break;
    }
    // Skip a period left between a title and the name (chunk boundaries stop at it).
    (titles, i.min(b))
}

/// Titles that are also common surnames or given names ("King", "Judge", "Prince") count as
/// titles only when a name follows.
fn is_name_like_title(doc: &Doc, i: usize) -> bool {
    i + 1 >= doc.tokens.len() || doc.tokens[i + 1].kind != TokenKind::Word
}

/// Types `[a, b)` as a person from its own words: a known given name followed by another
/// name word, a name particle ("al-Mazroui", "bin Laden"), or speech context.
pub fn classify(doc: &Doc, a: usize, b: usize) -> Option<Typed> {
    let span = doc.span(a, b - 1);
    let first = doc.tok(a);
    let words = b - a;
    if words >= 2 && words <= 5 && gazetteer::given_name(first).is_some() {
        return Some(Typed::new(span, Kind::Person, "given-name", 2));
    }
    if (2..=5).contains(&words)
        && (a..b).any(|i| {
            let t = doc.tok(i);
            t.starts_with("al-")
                || t.starts_with("Al-")
                || t.starts_with("el-")
                || matches!(t, "bin" | "ibn" | "Abu" | "abu")
        })
    {
        return Some(Typed::new(span, Kind::Person, "name-particle", 2));
    }
    if (2..=4).contains(&words) && speech_context(doc, a, b) {
        return Some(Typed::new(span, Kind::Person, "capitalised+said", 2));
    }
    if words == 1 && doc.tok(a).contains('-') && doc.tok(a).starts_with(['a', 'e']) {
        // "al-Sudani" alone: a surname reference.
        return Some(Typed::new(span, Kind::Person, "name-particle", 1));
    }
    None
}

/// Verbs of saying right after a name, or "said <Name>" before it.
fn speech_context(doc: &Doc, a: usize, b: usize) -> bool {
    const SAY: &[&str] = &[
        "added",
        "announced",
        "argued",
        "asked",
        "claimed",
        "said",
        "says",
        "stated",
        "told",
        "wrote",
    ];
    let after = (b < doc.tokens.len()).then(|| doc.tok(b));
    let after2 = (b + 1 < doc.tokens.len()).then(|| doc.tok(b + 1));
    if after.is_some_and(|w| SAY.contains(&w)) {
        return true;
    }
    // "Smith, 54, said" / "Smith, a spokesman,".
    if after == Some(",")
        && after2.is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || matches!(w, "a" | "an" | "the" | "who")
        })
    {
        return true;
    }
    a > 0
        && matches!(doc.tok(a - 1), "said" | "says" | "told" | "by")
        && a > 1
        && doc.tok(a - 1) != "by"
}

/// A weak person candidate: a capitalised word that is not a common word; confirmed only when
/// it is part of a name seen in full elsewhere.
pub fn weak(doc: &Doc, a: usize, b: usize) -> Option<Typed> {
    let text = doc.span(a, b - 1).of(doc.text);
    if b - a == 1 && !gazetteer::is_common_word(text) {
        let strength = if gazetteer::surname(text).is_some() {
            0
        } else {
            0
        };
        return Some(Typed::new(
            doc.span(a, b - 1),
            Kind::Person,
            "surname-reference",
            strength,
        ));
    }
    None
}

/// The `people` record section.
pub fn to_record(names: &Names, off: &Offsets, explain: bool) -> Vec<Person> {
    names
        .of_kind(Kind::Person)
        .map(|(_, e)| Person {
            name: e.name.clone(),
            titles: e.titles.clone(),
            aliases: e.aliases.clone(),
            country: e.country.map(str::to_string),
            mentions: e
                .mentions
                .iter()
                .map(|&m| {
                    let m = &names.mentions[m];
                    off.mention(m.span, explain.then_some(m.rule))
                })
                .collect(),
        })
        .collect()
}
