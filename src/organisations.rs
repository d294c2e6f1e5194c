//! Organisations: heads and suffixes ("Ministry", "Party", "Inc"), well-known names, acronyms
//! and their expansions ("Islamic State (ISIS)"); the `organisations` record section.
//!
//! Input: token ranges of name chunks. Output: `Typed` organisations, acronym aliases linked to
//! their expansion, and record entries. Does not tell companies from agencies beyond what the
//! gazetteer says.

use crate::gazetteer::{self, OrgRow};
use crate::names::{Kind, Names, Typed};
use crate::record::{Offsets, Organisation};
use crate::text::{Doc, Span};

/// True when "of" after `word` continues an organisation or place name ("Bank of England",
/// "Ministry of Defence", "University of Texas", "Gulf of Aden").
pub fn joins_of(word: &str) -> bool {
    matches!(
        gazetteer::org_word(word),
        Some("head" | "prefix" | "suffix")
    ) || matches!(
        word,
        "Gulf"
            | "Bay"
            | "Sea"
            | "Strait"
            | "Isle"
            | "City"
            | "Republic"
            | "Kingdom"
            | "State"
            | "States"
            | "Cape"
    )
}

/// 2–6 capitals ("ISIS", "NATO", "U.N.", "FBI"), not a Roman numeral.
pub fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| *c != '.' && *c != '&').collect();
    (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_ascii_uppercase())
        && !letters
            .iter()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Looks a whole name up in the organisation gazetteer. Short all-capital aliases ("IS", "AP")
/// must match case exactly, unless `caps` (a shouted line) says case means nothing.
pub fn lookup(text: &str, span: Span, caps: bool) -> Option<Typed> {
    let row = gazetteer::organisation(text)?;
    let exact = row.name == text || row.alias_list().any(|a| a == text);
    if !exact && !caps && (is_acronym(text) || text.len() <= 4) {
        return None;
    }
    if caps && !exact && text.len() <= 3 {
        return None;
    }
    let mut t = Typed::new(span, Kind::Organisation, "gazetteer:organisation", 3);
    t.org = Some(row);
    Some(t)
}

/// Types `[a, b)` as an organisation from its own words.
pub fn classify(doc: &Doc, a: usize, b: usize) -> Option<Typed> {
    let span = doc.span(a, b - 1);
    let text = span.of(doc.text);
    if let Some(t) = lookup(text, span, false) {
        return Some(t);
    }
    let last = doc.tok(b - 1);
    let first = doc.tok(a);
    // "Acme Corp", "Labour Party", "Ministry of Defence" (a head first, with "of").
    if b - a >= 2 {
        match gazetteer::org_word(last) {
            Some("suffix") | Some("head") => {
                return Some(Typed::new(span, Kind::Organisation, "organisation-head", 2));
            }
            _ => {}
        }
        if matches!(gazetteer::org_word(first), Some("head" | "prefix"))
            && (a..b).any(|i| doc.tok(i) == "of" || doc.tok(i) == "for")
        {
            return Some(Typed::new(span, Kind::Organisation, "organisation-head", 2));
        }
    }
    None
}

/// Links "Expansion (ACRONYM)" and "ACRONYM (Expansion)": the acronym becomes an alias of the
/// expansion and every later bare acronym a mention of it.
pub fn link_acronyms(doc: &Doc, typed: &mut [Typed]) {
    for i in 0..typed.len() {
        let span = typed[i].span;
        let after = doc.token_at(span.end);
        if after + 2 >= doc.tokens.len() || doc.tok(after) != "(" || doc.tok(after + 2) != ")" {
            continue;
        }
        let inner = doc.tokens[after + 1].span;
        let acr = inner.of(doc.text);
        if !is_acronym(acr) {
            continue;
        }
        // The acronym's own typed chunk, if any, takes the expansion's type.
        let kind = typed[i].kind;
        let org = typed[i].org;
        for t in typed.iter_mut().filter(|t| t.span == inner) {
            t.kind = kind;
            t.strength = 3;
            t.org = t.org.or(org);
            t.rule = "acronym-expansion";
        }
        if kind == Kind::Organisation {
            typed[i].strength = 3;
        }
    }
}

/// After grouping: an acronym mention whose expansion was given stays one entity with an alias.
pub fn finish(doc: &Doc, names: &mut Names) {
    // Merge an acronym entity into the entity written right before it in parentheses.
    let mut merge: Vec<(usize, usize)> = Vec::new();
    for m in &names.mentions {
        let before = doc.token_at(m.span.start);
        if before < 2
            || before + 1 >= doc.tokens.len()
            || doc.tok(before - 1) != "("
            || doc.tok(before + 1) != ")"
        {
            continue;
        }
        let prev_end = doc.tokens[before - 2].span.end;
        if let Some(p) = names.mentions.iter().find(|p| p.span.end == prev_end) {
            if p.entity != m.entity
                && names.entities[p.entity].kind == names.entities[m.entity].kind
            {
                merge.push((m.entity, p.entity));
            }
        }
    }
    for (from, into) in merge {
        if names.entities[from].mentions.is_empty() {
            continue;
        }
        let moved = std::mem::take(&mut names.entities[from].mentions);
        let alias = names.entities[from].name.clone();
        for &mi in &moved {
            names.mentions[mi].entity = into;
        }
        let e = &mut names.entities[into];
        e.mentions.extend(moved);
        e.mentions.sort_unstable();
        if !e.aliases.contains(&alias) {
            e.aliases.push(alias);
        }
        names.entities[from].kind = None;
    }
}

/// The `organisations` record section.
pub fn to_record(names: &Names, off: &Offsets, explain: bool) -> Vec<Organisation> {
    names
        .of_kind(Kind::Organisation)
        .map(|(_, e)| Organisation {
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            kind: e
                .org
                .map(|o: &OrgRow| o.kind.to_string())
                .filter(|k| !k.is_empty()),
            country: e
                .org
                .map(|o| o.country)
                .filter(|c| !c.is_empty())
                .or(e.country)
                .map(str::to_string),
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
