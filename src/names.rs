//! Names: finds capitalised name chunks, types them as person, place or organisation, and groups
//! every mention of one entity under one canonical name.
//!
//! Input: a `Doc`. Output: `Names` (entities and their mentions, byte spans). The field-specific
//! rules live in `people`, `places` and `organisations`; this module runs them in order:
//! 1. chunk: runs of capitalised words with inner particles ("Bank of England", "al-Sudani",
//!    "George W. Bush"); shouted lines are read through the gazetteers only;
//! 2. type each chunk from its own words (titles, organisation heads, gazetteers, given names),
//!    then from context ("said", "in <place>");
//! 3. per document: acronym ↔ expansion, surname → full name, one type per name.
//!
//! Does not resolve pronouns or descriptions ("the minister").

use crate::gazetteer::{self, OrgRow, PlaceRow};
use crate::text::{Doc, Span, TokenKind};
use crate::{organisations, people, places};
use std::collections::HashMap;

/// The three kinds of name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Organisation,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMention {
    /// Where (bytes).
    pub span: Span,
    /// The rule that found it.
    pub rule: &'static str,
    /// Index of its entity in `Names::entities`.
    pub entity: usize,
}

/// One entity: all mentions of one person, place or organisation.
#[derive(Debug, Clone, Default)]
pub struct Entity {
    /// Its kind.
    pub kind: Option<Kind>,
    /// Canonical name.
    pub name: String,
    /// Other names seen.
    pub aliases: Vec<String>,
    /// Titles seen before person names.
    pub titles: Vec<String>,
    /// Country tied to it (demonym, gazetteer).
    pub country: Option<&'static str>,
    /// Place gazetteer row when known.
    pub place: Option<&'static PlaceRow>,
    /// Place kind when found by rule ("mountains" for "Hamrin Mountains").
    pub place_kind: Option<&'static str>,
    /// Organisation gazetteer row when known.
    pub org: Option<&'static OrgRow>,
    /// Indices into `Names::mentions`, in text order.
    pub mentions: Vec<usize>,
}

impl Entity {
    /// The entity's kind (entities are always typed once built).
    pub fn kind(&self) -> Kind {
        self.kind.unwrap_or(Kind::Organisation)
    }
}

/// Every entity of a document.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Mentions in text order.
    pub mentions: Vec<NameMention>,
}

impl Names {
    /// Entities of one kind, in order of first mention.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (usize, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == Some(kind))
    }

    /// The mentions inside a byte span, in text order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &NameMention> {
        let lo = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[lo..]
            .iter()
            .take_while(move |m| m.span.end <= span.end)
    }
}

/// A typed chunk before grouping.
#[derive(Debug, Clone)]
pub struct Typed {
    /// Name span (titles and demonyms stripped).
    pub span: Span,
    /// Kind.
    pub kind: Kind,
    /// Rule.
    pub rule: &'static str,
    /// Titles before the name.
    pub titles: Vec<String>,
    /// Country from a demonym before the name.
    pub country: Option<&'static str>,
    /// Place row.
    pub place: Option<&'static PlaceRow>,
    /// Place kind by rule.
    pub place_kind: Option<&'static str>,
    /// Organisation row.
    pub org: Option<&'static OrgRow>,
    /// How sure the rule is (0 weak – 3 certain); decides one type per name.
    pub strength: u8,
}

impl Typed {
    /// A typed chunk with no extra facts.
    pub fn new(span: Span, kind: Kind, rule: &'static str, strength: u8) -> Typed {
        Typed {
            span,
            kind,
            rule,
            titles: Vec::new(),
            country: None,
            place: None,
            place_kind: None,
            org: None,
            strength,
        }
    }
}

/// Name particles that may stand lower-case inside a name ("Osama bin Laden", "van Gogh").
const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "van", "von",
];

/// True for a token that can be part of a name chunk on its own.
pub fn is_name_word(doc: &Doc, i: usize) -> bool {
    let t = doc.tok(i);
    let tok = &doc.tokens[i];
    match tok.kind {
        TokenKind::Word => {
            if t.starts_with(char::is_uppercase) {
                return true;
            }
            // "al-Sudani", "bin-Laden", "ash-Shabaab": a lower-case particle glued to a capital.
            if let Some((head, rest)) = t.split_once('-') {
                return rest.starts_with(char::is_uppercase)
                    && (PARTICLES.contains(&head)
                        || matches!(head, "ad" | "an" | "ar" | "as" | "ash" | "at" | "az"));
            }
            false
        }
        _ => false,
    }
}

/// Finds, types and groups every name in `doc`.
pub fn find_names(doc: &Doc) -> Names {
    let mut typed: Vec<Typed> = Vec::new();
    for s in &doc.sentences {
        if s.tokens.is_empty() {
            continue;
        }
        if doc.in_caps_line(s.tokens.start) {
            caps_line(doc, s.tokens.clone(), &mut typed);
            continue;
        }
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !is_name_word(doc, i) {
                i += 1;
                continue;
            }
            let end = chunk_end(doc, i, s.tokens.end);
            classify(doc, i, end, &mut typed);
            i = end;
        }
    }
    typed.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    // Drop chunks nested inside an earlier one.
    let mut kept: Vec<Typed> = Vec::with_capacity(typed.len());
    for t in typed {
        if kept.last().is_some_and(|k| k.span.overlaps(t.span)) {
            continue;
        }
        kept.push(t);
    }
    organisations::link_acronyms(doc, &mut kept);
    group(doc, kept)
}

/// The end (exclusive) of the name chunk starting at `i`.
fn chunk_end(doc: &Doc, i: usize, limit: usize) -> usize {
    let mut j = i + 1;
    loop {
        if j >= limit {
            return j;
        }
        if doc.tokens[j].after_newline {
            return j;
        }
        let t = doc.tok(j);
        if is_name_word(doc, j) {
            j += 1;
            continue;
        }
        // "George W. Bush": an initial's period.
        if t == "." && !doc.tokens[j].after_space {
            let prev = doc.tok(j - 1);
            if prev.chars().count() == 1
                && prev.starts_with(char::is_uppercase)
                && j + 1 < limit
                && is_name_word(doc, j + 1)
            {
                j += 1;
                continue;
            }
            return j;
        }
        // Inner connectors: "Bank of England", "Organisation for Security", "Johnson & Johnson",
        // "Osama bin Laden", "Ministry of the Interior".
        let connector = matches!(
            t,
            "of" | "for"
                | "&"
                | "de"
                | "du"
                | "del"
                | "van"
                | "von"
                | "bin"
                | "ibn"
                | "al"
                | "la"
                | "der"
                | "da"
                | "di"
                | "dos"
                | "le"
        );
        if connector
            && j + 1 < limit
            && is_name_word(doc, j + 1)
            && !doc.tokens[j + 1].after_newline
        {
            // "of" joins only when the left part looks like an institution or a "City of" form;
            // "President of France" stays two names.
            if matches!(t, "of" | "for") && !organisations::joins_of(doc.tok(j - 1)) {
                return j;
            }
            j += 2;
            continue;
        }
        if t == "of"
            && j + 2 < limit
            && doc.tok(j + 1) == "the"
            && is_name_word(doc, j + 2)
            && organisations::joins_of(doc.tok(j - 1))
        {
            j += 3;
            continue;
        }
        // "Salahuddin province": a lower-case administrative word closes a place name.
        if places::is_admin_word(t) && j > i {
            return j + 1;
        }
        return j;
    }
}

/// Reads a shouted line (headline, dateline) through the gazetteers only.
fn caps_line(doc: &Doc, range: std::ops::Range<usize>, out: &mut Vec<Typed>) {
    let mut i = range.start;
    while i < range.end {
        if doc.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        // Longest gazetteer match of up to four words.
        let mut best: Option<(usize, Typed)> = None;
        let mut j = i;
        while j < range.end && j < i + 4 && doc.tokens[j].kind == TokenKind::Word {
            let span = doc.span(i, j);
            let text = span.of(doc.text);
            if let Some(t) = places::lookup(text, span, "gazetteer:caps") {
                best = Some((j + 1, t));
            } else if let Some(t) = organisations::lookup(text, span, true) {
                best = Some((j + 1, t));
            }
            j += 1;
        }
        if let Some((end, t)) = best {
            out.push(t);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Types the chunk `[a, b)` and pushes the typed name(s).
fn classify(doc: &Doc, mut a: usize, b: usize, out: &mut Vec<Typed>) {
    // Sentence-initial common words are not names: "The", "However", "Police".
    while a < b && doc.starts_sentence(a) && sentence_opener(doc, a, b) {
        a += 1;
    }
    if a >= b {
        return;
    }
    // A demonym before a name gives its country: "Iraqi Prime Minister ...".
    let mut country = None;
    if let Some(c) = gazetteer::demonym(doc.tok(a)) {
        country = Some(c);
        a += 1;
        if a >= b {
            return;
        }
    }
    // Titles: "Prime Minister Mohammed Shia al-Sudani".
    let (titles, after) = people::strip_titles(doc, a, b);
    if !titles.is_empty() {
        if after < b {
            let mut t = Typed::new(doc.span(after, b - 1), Kind::Person, "title+capitalised", 3);
            t.titles = titles;
            t.country = country;
            out.push(t);
        }
        return;
    }
    let span = doc.span(a, b - 1);
    let text = span.of(doc.text);

    if let Some(mut t) = organisations::classify(doc, a, b) {
        t.country = t.country.or(country);
        out.push(t);
        return;
    }
    if let Some(t) = places::classify(doc, a, b) {
        out.push(t);
        return;
    }
    if let Some(mut t) = people::classify(doc, a, b) {
        t.country = country;
        out.push(t);
        return;
    }
    // Context: "in <Name>" is a place, a bare acronym an organisation.
    if let Some(t) = places::from_context(doc, a, b) {
        out.push(t);
        return;
    }
    if organisations::is_acronym(text) {
        out.push(Typed::new(span, Kind::Organisation, "acronym", 1));
        return;
    }
    // Unknown capitalised words: kept as weak person candidates when they look like names and
    // are not common words; the grouping pass confirms them through a full-name mention.
    if let Some(t) = people::weak(doc, a, b) {
        out.push(t);
    }
}

/// True when the sentence-initial token `a` is an ordinary word, not the start of a name.
fn sentence_opener(doc: &Doc, a: usize, b: usize) -> bool {
    let t = doc.tok(a);
    if gazetteer::title(t).is_some() && b > a + 1 {
        return false;
    }
    if !places::places_of(t).is_empty() || gazetteer::organisation(t).is_some() {
        return false;
    }
    if gazetteer::given_name(t).is_some() && b > a + 1 {
        return false;
    }
    if gazetteer::demonym(t).is_some() {
        return false;
    }
    gazetteer::is_common_word(t)
}

/// Groups typed chunks into entities: same name → same entity; a person's later surname or
/// partial name → the full name; a place's short form ("Hamrin") → the feature that starts with it.
fn group(doc: &Doc, typed: Vec<Typed>) -> Names {
    // One type per name: the strongest reading of a surface form wins everywhere.
    let mut best_kind: HashMap<String, (u8, Kind)> = HashMap::new();
    for t in &typed {
        let k = gazetteer::key(t.span.of(doc.text));
        let e = best_kind.entry(k).or_insert((t.strength, t.kind));
        if t.strength > e.0 {
            *e = (t.strength, t.kind);
        }
    }
    let mut names = Names::default();
    let mut by_key: HashMap<(Kind, String), usize> = HashMap::new();
    // Person tokens → entity, for surname and first-name reference.
    let mut person_parts: HashMap<String, usize> = HashMap::new();
    let mut place_prefix: HashMap<String, usize> = HashMap::new();

    for mut t in typed {
        let surface = t.span.of(doc.text);
        let k = gazetteer::key(surface);
        if let Some(&(strength, kind)) = best_kind.get(&k) {
            if kind != t.kind && strength > t.strength {
                t.kind = kind;
            }
        }
        // Partial reference to an earlier entity.
        let mut target = by_key.get(&(t.kind, k.clone())).copied();
        if target.is_none() && (t.kind == Kind::Person || t.strength <= 1) {
            if let Some(&e) = person_parts.get(&k) {
                target = Some(e);
                t.kind = Kind::Person;
            }
        }
        if target.is_none() && t.strength <= 2 {
            if let Some(&e) = place_prefix.get(&k) {
                target = Some(e);
                t.kind = Kind::Place;
            }
        }
        if target.is_none() && t.strength == 0 {
            // A weak candidate never confirmed stays out.
            continue;
        }
        let e = match target {
            Some(e) => e,
            None => {
                let e = names.entities.len();
                let name = match t.kind {
                    Kind::Place => t
                        .place
                        .map_or_else(|| surface_name(surface), |p| p.canonical.to_string()),
                    Kind::Organisation => t
                        .org
                        .map_or_else(|| surface_name(surface), |o| o.name.to_string()),
                    Kind::Person => surface_name(surface),
                };
                names.entities.push(Entity {
                    kind: Some(t.kind),
                    name,
                    ..Entity::default()
                });
                by_key.insert((t.kind, k.clone()), e);
                if t.kind == Kind::Person {
                    let words: Vec<&str> = k.split(' ').collect();
                    if words.len() > 1 {
                        for w in &words {
                            if w.len() > 2 && !PARTICLES.contains(w) {
                                person_parts.entry(w.to_string()).or_insert(e);
                            }
                        }
                        // "al-Mazroui", "bin Laden": the particle plus surname.
                        if let Some(last) = words.last() {
                            person_parts.entry(last.to_string()).or_insert(e);
                        }
                    }
                }
                if t.kind == Kind::Place {
                    if let Some((first, _)) = k.split_once(' ') {
                        place_prefix.entry(first.to_string()).or_insert(e);
                    }
                }
                e
            }
        };
        let ent = &mut names.entities[e];
        for title in t.titles.drain(..) {
            if !ent.titles.contains(&title) {
                ent.titles.push(title);
            }
        }
        ent.country = ent
            .country
            .or(t.country)
            .or(t.place.map(|p| p.country).filter(|c| !c.is_empty()));
        ent.place = ent.place.or(t.place);
        ent.place_kind = ent.place_kind.or(t.place_kind);
        ent.org = ent.org.or(t.org);
        let surface = surface_name(surface);
        if surface != ent.name
            && !ent.aliases.contains(&surface)
            && !is_partial(&ent.name, &surface)
        {
            ent.aliases.push(surface);
        }
        ent.mentions.push(names.mentions.len());
        names.mentions.push(NameMention {
            span: t.span,
            rule: t.rule,
            entity: e,
        });
    }
    // Aliases the acronym rule attached.
    organisations::finish(doc, &mut names);
    names
}

/// The name as written, with folded whitespace.
fn surface_name(s: &str) -> String {
    crate::text::fold(s)
}

/// True when `short` is a word-wise part of `full` ("al-Sudani" of "Mohammed Shia al-Sudani").
pub fn is_partial(full: &str, short: &str) -> bool {
    let f = gazetteer::key(full);
    let s = gazetteer::key(short);
    f.split(' ').any(|w| w == s)
        || (f.ends_with(&s) && f.len() > s.len() && f.as_bytes()[f.len() - s.len() - 1] == b' ')
}
