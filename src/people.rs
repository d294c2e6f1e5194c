//! People: titles, given names, name particles and speech context; the `people` record section.
//!
//! Input: token ranges of name chunks (from `names`). Output: `Typed` person names with titles
//! split off ("Prime Minister" goes to `titles`, not the name), and record entries. Does not
//! group mentions (see `names::group`) or guess gender.

use crate::gazetteer::{self, Key};
use crate::names::{range_key, tok_key, KeyedDoc, Kind, Names, Typed};
use crate::record::{Offsets, Person};
use crate::text::{Doc, TokenKind};

/// Longest title sequence at the start of `[a, b)`: returns the titles (as written, with a
/// following period for abbreviations like "Gen.") and the index after them. `first` is the
/// key of word `a` when the caller has it (`tok_key`).
pub fn strip_titles(
    doc: &KeyedDoc,
    a: usize,
    b: usize,
    first: Option<&Key>,
) -> (Vec<String>, usize) {
    let mut titles = Vec::new();
    let mut i = a;
    'outer: while i < b {
        // Most names open with a word no title starts with: no lookups then. A last word
        // needs no such test: the title table is asked of that word alone, as cheaply.
        let span = doc.tokens[i].span;
        if b - i > 1 && !gazetteer::may_start_title(&doc.lower.as_bytes()[span.start..], span.len())
        {
            break;
        }
        // Up to four words: "Deputy Prime Minister", "Secretary of State".
        let mut j = (i + 4).min(b);
        while j > i {
            let title = match first {
                Some(k) if i == a && j == a + 1 => k.title(),
                _ => range_key(doc, i, j).title(),
            };
            if title.is_some() && !(j - i == 1 && is_name_like_title(doc, i)) {
                let mut end = j;
                // "Gen." keeps its period.
                if end < doc.tokens.len() && doc.tok(end) == "." && !doc.tokens[end].after_space {
                    end += 1;
                }
                // "President Elect Trump", "Prime Minister Designate": a rank's qualifier.
                if end < b
                    && end + 1 < b
                    && matches!(doc.tok(end), "Elect" | "Designate" | "Emeritus")
                {
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
pub fn classify(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    let span = doc.span(a, b - 1);
    let first = doc.tok(a);
    let words = b - a;
    // One word: a surname with a verb of saying, or "al-Sudani" alone (a surname reference).
    if words == 1 {
        if speech_context(doc, a, b) {
            let key = tok_key(doc, a);
            if key.surname().is_some() && !key.is_common_word() {
                return Some(Typed::new(span, Kind::Person, "surname+said", 1));
            }
        }
        if first.contains('-') && first.starts_with(['a', 'e']) {
            return Some(Typed::new(span, Kind::Person, "name-particle", 1));
        }
        return None;
    }
    // "Southern California Edison", "West Texas Intermediate": no one's name opens with a
    // point of the compass.
    if crate::places::is_compass(first) {
        return None;
    }
    // "Hong Kong Open" starts with a place, not a given name (asked only after a given name).
    let place_start = || words >= 3 && !range_key(doc, a, a + 2).places().is_empty();
    // "Dow Jones Industrial Average", "Washington Mutual": an ordinary last word ends no name.
    let (first_key, last_key) = (tok_key(doc, a), tok_key(doc, b - 1));
    let given = first_key.given_name();
    let plain_last = || last_key.is_common_word() && last_key.surname().is_none();
    // "London Tramlink": a great city or a country opens no person's name unless a known name
    // follows ("Paris Hilton") or it is a common given name ("Chad Ogea").
    let city_start = words == 2
        && given.is_none_or(|(_, f)| f < 100_000)
        && last_key.surname().is_none()
        && last_key.given_name().is_none()
        && first_key
            .places()
            .ids()
            .any(|p| p.kind() == "country" || p.population() >= 1_000_000);
    if (2..=5).contains(&words)
        && given.is_some()
        && !place_start()
        && !city_start
        && !plain_last()
        && !last_is_major_place(&last_key)
    {
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
    if (2..=4).contains(&words) && !city_start && speech_context(doc, a, b) {
        return Some(Typed::new(span, Kind::Person, "capitalised+said", 2));
    }
    // "C. Lewis", "George W. Bush": initials make a person.
    if words >= 3
        && doc.tok(a + 1) == "."
        && first.chars().count() == 1
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && looks_like_person(doc, a + 2, b)
    {
        return Some(Typed::new(span, Kind::Person, "initial+surname", 2));
    }
    // "Jesper Parnevik", "Wasim Akram": two or three title-case words, none an ordinary
    // English word (unless a known name) and none an organisation word.
    if (2..=3).contains(&words)
        && (a..b).all(|i| {
            if !is_title_case(doc.tok(i)) {
                return false;
            }
            let k = tok_key(doc, i);
            (!k.is_common_word() || k.given_name().is_some() || k.surname().is_some())
                && k.org_word().is_none()
                && k.demonym().is_none()
        })
        && (a..b).any(|i| !tok_key(doc, i).is_common_word())
        && !last_is_place(&last_key)
        && !city_start
    {
        return Some(Typed::new(span, Kind::Person, "capitalised-name", 1));
    }
    None
}

/// "Lebed Chechnya", "Trofej Beograd": a last word that is a place (and no known name) ends
/// no person's name.
fn last_is_place(w: &Key) -> bool {
    !w.places().is_empty() && w.surname().is_none() && w.given_name().is_none()
}

/// "Donald Trump Seattle" (a run-on): a country, region or large city ends no person's name,
/// though small towns share many surnames ("Ricardo Arjona").
fn last_is_major_place(w: &Key) -> bool {
    last_is_place(w)
        && w.places()
            .ids()
            .any(|p| p.kind() != "city" || p.population() >= 200_000)
}

/// "Parnevik", "O'Neill", "al-Sudani": a capital, then at least one lower-case letter, and only
/// letters, hyphens and apostrophes.
fn is_title_case(t: &str) -> bool {
    // ASCII in one pass over the bytes: the first a capital, the rest letters, hyphens and
    // apostrophes, one at least lower case. A byte outside ASCII sends the word to the
    // character tests (an ASCII byte that fails here fails there too).
    let b = t.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_uppercase() => {
            let mut lower = false;
            for &c in &b[1..] {
                if c.is_ascii_lowercase() {
                    lower = true;
                } else if !c.is_ascii() {
                    return is_title_case_chars(t);
                } else if !(c.is_ascii_uppercase() || c == b'-' || c == b'\'') {
                    return false;
                }
            }
            lower
        }
        // An ASCII first character other than a capital.
        Some(c) if c.is_ascii() => false,
        _ => is_title_case_chars(t),
    }
}

/// `is_title_case` of a word outside ASCII, by characters.
fn is_title_case_chars(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
        && t.chars().any(char::is_lowercase)
        && t.chars()
            .all(|c| c.is_alphabetic() || c == '-' || crate::text::tokens::is_apostrophe(c))
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
    if after.is_some_and(|w| SAY.contains(&w)) {
        return true;
    }
    // "Smith, 54, said" / "Smith, a spokesman,".
    let after2 = || (b + 1 < doc.tokens.len()).then(|| doc.tok(b + 1));
    if after == Some(",")
        && after2().is_some_and(|w| {
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

/// A weak person candidate: one title-case word (not a shouted one, "LEAGUE") that is not a
/// common word opening a sentence; confirmed only when it is part of a name seen in full
/// elsewhere.
pub fn weak(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    if b - a != 1 || !is_title_case(doc.tok(a)) {
        return None;
    }
    // A capitalised ordinary word inside a sentence ("Dole", "Hill") may still be a surname:
    // grouping keeps it only when a full name in the article has it.
    if doc.starts_sentence(a) && tok_key(doc, a).is_common_word() {
        return None;
    }
    Some(Typed::new(
        doc.tokens[a].span,
        Kind::Person,
        "surname-reference",
        0,
    ))
}

/// True when `[a, b)`, the words after a title, can be a person's name: at most four words,
/// not ending in an organisation word, not a place, and not all ordinary English words
/// ("Major League Baseball" is no Major called "League Baseball").
pub fn looks_like_person(doc: &KeyedDoc, a: usize, b: usize) -> bool {
    if b <= a || b - a > 4 {
        return false;
    }
    if matches!(tok_key(doc, b - 1).org_word(), Some("suffix" | "head")) {
        return false;
    }
    let name = range_key(doc, a, b);
    if name.organisation().is_some() {
        return false;
    }
    if name
        .places()
        .any_kind(|k| matches!(k, "country" | "continent" | "region" | "subdivision"))
    {
        return false;
    }
    (a..b).any(|i| {
        let t = tok_key(doc, i);
        !t.is_common_word() || t.given_name().is_some() || t.surname().is_some()
    })
}

/// "X, also known as Y", "X (aka Y)", "X, alias Y": Y becomes another name of person X.
pub fn link_aliases(doc: &Doc, typed: &mut [Typed]) {
    for i in 0..typed.len() {
        if typed[i].kind != Kind::Person {
            continue;
        }
        let mut j = doc.token_at(typed[i].span.end);
        if j < doc.tokens.len() && matches!(doc.tok(j), "," | "(") {
            j += 1;
        }
        let word = |k: usize| (k < doc.tokens.len()).then(|| doc.tok(k));
        // The first word alone turns most names away, before the next two are read.
        if !matches!(
            word(j),
            Some("also" | "known" | "aka" | "a.k.a." | "alias" | "a.k.a")
        ) {
            continue;
        }
        let skip = match (word(j), word(j + 1), word(j + 2)) {
            (Some("also"), Some("known"), Some("as")) => 3,
            (Some("known"), Some("as"), _) => 2,
            (Some("aka" | "a.k.a." | "alias"), _, _) => 1,
            (Some("a.k.a"), Some("."), _) => 2,
            _ => continue,
        };
        j += skip;
        if j < doc.tokens.len() && crate::text::is_opening_punct(doc.tok(j)) {
            j += 1;
        }
        let Some(&start) = doc.tokens.get(j).map(|t| &t.span.start) else {
            continue;
        };
        let k = typed.partition_point(|t| t.span.start < start);
        if k < typed.len() && typed[k].span.start == start && k != i {
            typed[k].alias_of = Some(i);
            typed[k].kind = Kind::Person;
            typed[k].rule = "also-known-as";
            typed[k].strength = typed[k].strength.max(3);
        }
    }
}

/// The `people` record section. Names, titles and aliases move out of `names`, which holds
/// empty ones for people afterwards.
pub fn to_record(names: &mut Names, off: &Offsets, explain: bool) -> Vec<Person> {
    let (people, mentions) = names.of_kind_mut(Kind::Person);
    people
        .map(|e| Person {
            name: std::mem::take(&mut e.name),
            titles: std::mem::take(&mut e.titles),
            aliases: std::mem::take(&mut e.aliases),
            country: e.country_code(),
            mentions: e.record_mentions(mentions, off, explain),
        })
        .collect()
}
