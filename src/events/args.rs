//! Event arguments: the clause around a trigger, who acted and who was acted on, where, how
//! many, and whether the text denies or hedges it.
//!
//! Input: a `Doc`, its `Names`, a trigger's token range and the token range of its sentence.
//! Output: token windows, canonical names (or short descriptive phrases such as "Iraqi forces"
//! when no name acts), counts by what is counted, and flags. Clauses are cut at subordinators
//! ("that", "when", "after"), at strong punctuation and at other triggers, so a date, place or
//! name of one event's clause is not given to another. Does not parse syntax: voice comes from
//! "was/were ... -ed" and "by", roles from the side of the trigger a name stands on.

use super::words::{SignatureBytes, WordSet};
use crate::names::{Kind, NameMention, Names};
use crate::text::{Doc, Span, Token, TokenKind};
use once_cell::sync::Lazy;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Tokens that open a new clause: subordinators, relative pronouns, strong punctuation and
/// quotation marks.
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "that", "when", "after", "before", "while", "because", "since", "although", "though", "but",
    "whereas", "until", "who", "which", "whom", "whose", "where", "if", "unless", ";", ":", "--",
    "\"", "(", ")", "whilst", "amid", "despite", "as", "\u{2014}", "\u{2013}", "\u{201C}",
    "\u{201D}",
]);

/// The signatures of `CLAUSE_OPENERS`: `clause` turns most tokens away by this test alone.
static OPENER_SIGNATURES: Lazy<SignatureBytes> =
    Lazy::new(|| SignatureBytes::of(CLAUSE_OPENERS.words().iter().map(|w| w.as_bytes())));

/// The widest a clause side may reach, in tokens.
const REACH: usize = 24;

/// A number written in digits or words ("12", "1,200", "seven", "twenty-five"); not "a".
pub fn number_value(w: &str) -> Option<u64> {
    if w.is_empty() {
        return None;
    }
    if w.as_bytes()[0].is_ascii_digit() {
        if w.contains([':', '.', '-', '/']) {
            return None;
        }
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        return digits.parse().ok().filter(|n| *n < 100_000_000);
    }
    let unit = |s: &str| -> Option<u64> {
        NUMBER_WORDS
            .iter()
            .find(|(word, _)| word.eq_ignore_ascii_case(s))
            .map(|(_, n)| *n)
    };
    match w.split_once('-') {
        Some((t, u)) => Some(unit(t)? + unit(u)?).filter(|_| t.len() > 4),
        None => unit(w),
    }
}

/// Number words a count may be written in.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

fn lower_in(doc: &Doc, i: usize, set: &[&str]) -> bool {
    // The sets are lower case: compared with the lower-cased token.
    let t = doc.lower_bytes(i);
    set.iter().any(|s| s.as_bytes() == t)
}

/// The clause around trigger tokens `first..=last` inside sentence `start..end`, cut at tokens
/// that open a clause (`CLAUSE_OPENERS`) and at the tokens in `stops` (other events' triggers,
/// in text order, none inside the trigger). Token range, end exclusive.
pub fn clause(
    doc: &Doc,
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    noun: bool,
    stops: &[usize],
) -> (usize, usize) {
    // The nearest stops on either side bound the clause as the sentence does.
    let k = stops.partition_point(|&s| s < first);
    let start = k.checked_sub(1).map_or(start, |k| start.max(stops[k] + 1));
    let end = stops.get(k).map_or(end, |&s| end.min(s));
    // A noun's clause is its phrase: "the attack on the consulate in Kabul".
    let (left, right) = if noun { (4, 10) } else { (REACH, REACH) };
    // The clause reaches from the trigger as far as it may on either side, up to the nearest
    // boundary (a boundary before the trigger is outside the clause). Each token is read once
    // per clause: the clauses of one sentence seldom overlap.
    let (openers, sigs) = (CLAUSE_OPENERS.ready(), &*OPENER_SIGNATURES);
    let opener = |t: &Token| sigs.has(t.sig) && openers.has_token(doc, t);
    let lowest = start.max(first.saturating_sub(left)).min(first);
    let a = doc.tokens[lowest..first]
        .iter()
        .rposition(opener)
        .map_or(lowest, |k| lowest + k + 1);
    let highest = end.min(last + right + 1).max(last + 1);
    let b = doc.tokens[last + 1..highest]
        .iter()
        .position(opener)
        .map_or(highest, |k| last + 1 + k);
    (a, b)
}

/// Groups that act or are acted on when no name does ("Iraqi forces", "a gunman", "police").
static GROUPS: WordSet = WordSet::new(&[
    "forces",
    "troops",
    "police",
    "policemen",
    "militants",
    "soldiers",
    "army",
    "rebels",
    "gunmen",
    "gunman",
    "bomber",
    "bombers",
    "attackers",
    "attacker",
    "assailants",
    "assailant",
    "insurgents",
    "fighters",
    "jihadists",
    "militia",
    "militias",
    "protesters",
    "protestors",
    "demonstrators",
    "officials",
    "authorities",
    "investigators",
    "prosecutors",
    "court",
    "judge",
    "jury",
    "driver",
    "pilot",
    "government",
    "regime",
    "coalition",
    "jets",
    "warplanes",
    "drones",
    "suspect",
    "suspects",
    "civilians",
    "students",
    "residents",
    "villagers",
    "fans",
    "voters",
    "lawmakers",
    "parliament",
    "workers",
    "passengers",
    "pilgrims",
    "migrants",
    "refugees",
    "man",
    "woman",
    "teenager",
    "boy",
    "girl",
    "shareholders",
    "regulators",
    "investors",
    "company",
]);

/// Lower-case modifiers kept in a group phrase ("security forces", "riot police").
static GROUP_MODIFIERS: WordSet = WordSet::new(&[
    "security",
    "government",
    "counterterrorism",
    "counter-terrorism",
    "special",
    "federal",
    "local",
    "state",
    "riot",
    "suicide",
    "armed",
    "masked",
    "unidentified",
    "unknown",
    "pro-government",
    "opposition",
    "coalition",
    "national",
    "military",
    "border",
    "allied",
    "foreign",
    "elite",
    "rebel",
    "militant",
    "islamist",
    "tram",
    "train",
    "bus",
]);

/// People nouns that end a counted phrase ("eight senior ISIS leaders", "seven people").
static PEOPLE: WordSet = WordSet::new(&[
    "people",
    "persons",
    "person",
    "civilians",
    "soldiers",
    "children",
    "men",
    "women",
    "police",
    "policemen",
    "officers",
    "leaders",
    "members",
    "militants",
    "fighters",
    "insurgents",
    "passengers",
    "pilgrims",
    "students",
    "workers",
    "migrants",
    "refugees",
    "protesters",
    "demonstrators",
    "others",
    "tourists",
    "residents",
    "villagers",
    "miners",
    "troops",
    "commanders",
    "officials",
    "suspects",
    "victims",
    "bodies",
    "staff",
    "crew",
    "guards",
    "journalists",
    "patients",
    "babies",
    "infants",
    "adults",
    "teenagers",
    "boys",
    "girls",
    "relatives",
    "worshippers",
    "employees",
    "fans",
    "spectators",
    "inmates",
    "prisoners",
    "sailors",
    "climbers",
    "hikers",
    "militiamen",
    "rebels",
    "jihadists",
    "servicemen",
]);

/// The phrase naming a group near `i` on one side of a trigger, nearest first.
fn group_phrase(
    doc: &Doc,
    names: &Names,
    from: usize,
    to: usize,
    backwards: bool,
) -> Option<String> {
    let phrase = |i: usize| -> Option<String> {
        if doc.tokens[i].kind != TokenKind::Word
            || !GROUPS.has(doc, i)
            || doc.is_capitalised(i) && !doc.starts_sentence(i)
        {
            return None;
        }
        let mut a = i;
        while a > from {
            let p = doc.tok(a - 1);
            // The word list first: the gazetteer's look-up costs more.
            let modifier = || GROUP_MODIFIERS.has(doc, a - 1);
            let demonym = || crate::gazetteer::demonym(p).is_some();
            // "Iraq's counterterrorism forces".
            let owned = || possessive(p.as_bytes()) && a >= from + 2 && in_place(names, doc, a - 2);
            if modifier() || demonym() {
                a -= 1;
            } else if owned() {
                a -= 2;
                while a > from && in_place(names, doc, a - 1) && doc.is_capitalised(a - 1) {
                    a -= 1;
                }
            } else {
                break;
            }
        }
        Some(crate::text::fold(doc.span(a, i).of(doc.text)))
    };
    if backwards {
        (from..to).rev().find_map(phrase)
    } else {
        (from..to).find_map(phrase)
    }
}

fn in_place(names: &Names, doc: &Doc, i: usize) -> bool {
    mention_kind(names, doc, i) == Some(Kind::Place)
}

fn mention_kind(names: &Names, doc: &Doc, i: usize) -> Option<Kind> {
    let pos = doc.tokens[i].span.start;
    let k = names.mentions.partition_point(|m| m.span.end <= pos);
    names
        .mentions
        .get(k)
        .filter(|m| m.span.start <= pos)
        .and_then(|m| names.entities.get(m.entity))
        .and_then(|e| e.kind)
}

/// Role nouns after an organisation that make it a modifier ("ISIS commander", "FBI director").
static ROLES: WordSet = WordSet::new(&[
    "commander",
    "commanders",
    "leader",
    "leaders",
    "chief",
    "chiefs",
    "member",
    "members",
    "fighters",
    "militants",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "founder",
    "supporters",
    "director",
    "boss",
    "gunmen",
    "figures",
    "figure",
    "operative",
    "operatives",
    "agents",
    "agent",
    "officers",
    "employees",
    "staff",
    "executive",
    "chairman",
    "president",
    "ceo",
    "cells",
    "cell",
    "suspects",
    "suspect",
    "bomber",
    "bombers",
    "players",
    "player",
    "fans",
    "coach",
    "manager",
    "lawyer",
    "lawyers",
    "investigators",
]);

/// The mentions of `mentions` that lie in `span`: `Names::mentions_in` read from `mentions`,
/// the name mentions of the sentence holding `span` or more (in text order), so that a search
/// covers a sentence's few mentions rather than the article's.
fn mentions_within(mentions: &[NameMention], span: Span) -> impl Iterator<Item = &NameMention> {
    let lo = mentions.partition_point(|m| m.span.start < span.start);
    mentions[lo..]
        .iter()
        .take_while(move |m| m.span.end <= span.end)
}

/// Entities (person or organisation) whose mentions lie in `a..b`, as (token, entity) pairs;
/// `mentions` are those of the sentence holding `a..b`.
fn actors(
    doc: &Doc,
    names: &Names,
    mentions: &[NameMention],
    a: usize,
    b: usize,
    contest: bool,
) -> Vec<(usize, usize)> {
    if a >= b || b > doc.tokens.len() {
        return Vec::new();
    }
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    // `Doc::token_at` for a byte inside the span: the answer lies in `a..=b`.
    let token_at = |pos: usize| a + doc.tokens[a..b].partition_point(|t| t.span.start < pos);
    let mut out = Vec::new();
    for m in mentions_within(mentions, span) {
        let Some(e) = names.entities.get(m.entity) else {
            continue;
        };
        // Teams are often named by their city: "Chicago ... beat Cleveland".
        let team = contest && e.kind == Some(Kind::Place);
        if !matches!(e.kind, Some(Kind::Person | Kind::Organisation)) && !team {
            continue;
        }
        let first = token_at(m.span.start);
        if cited(doc, a, first) {
            continue;
        }
        let after = token_at(m.span.end);
        // "Islamic State (ISIS) commander": skip a bracketed alias to find the role noun.
        let mut n = after;
        if n < b && doc.tok_bytes(n) == b"(" {
            while n < b && doc.tok_bytes(n) != b")" {
                n += 1;
            }
            n += 1;
        }
        let modifier = n < doc.tokens.len()
            && (ROLES.has(doc, n)
                || possessive(doc.tok_bytes(n)) && n + 1 < b && ROLES.has(doc, n + 1));
        if modifier && e.kind == Some(Kind::Organisation) {
            continue;
        }
        out.push((first, m.entity));
    }
    out
}

/// True when the name at `first` is a source ("according to Saudi Arabia's Civil Defense
/// Authority"), not a participant.
fn cited(doc: &Doc, a: usize, first: usize) -> bool {
    let mut j = first;
    while j > a && first - j < 6 {
        j -= 1;
        if doc.lower_bytes(j) == b"to" {
            return j > a && doc.lower_bytes(j - 1) == b"according";
        }
        let t = doc.tok_bytes(j);
        if !(doc.is_capitalised(j) || possessive(t) || t == b"the") {
            return false;
        }
    }
    false
}

/// True when a token's bytes are a possessive "'s" or "’s".
fn possessive(t: &[u8]) -> bool {
    t == b"'s" || t == "’s".as_bytes()
}

/// Who acted and who was acted on.
#[derive(Debug, Default, Clone)]
pub struct Parts {
    /// Agents, text order.
    pub agents: Vec<String>,
    /// Targets, text order.
    pub targets: Vec<String>,
}

/// True when the trigger at `first` is a passive verb ("was killed", "were arrested").
pub fn passive(doc: &Doc, a: usize, first: usize) -> bool {
    let w = doc.lower_tok(first);
    let participle = w.ends_with("ed")
        || w.ends_with("en")
        || matches!(
            w,
            "shot"
                | "hurt"
                | "slain"
                | "struck"
                | "sworn"
                | "held"
                | "hit"
                | "found"
                | "beat"
                | "sunk"
                | "quit"
        );
    if !participle {
        return false;
    }
    let mut j = first;
    let mut steps = 0;
    while j > a && steps < 4 {
        j -= 1;
        steps += 1;
        let t = doc.lower_tok(j);
        if matches!(
            t,
            "was" | "were" | "been" | "being" | "be" | "is" | "are" | "got" | "get" | "gets"
        ) {
            return true;
        }
        let adverb = t.len() > 4 && t.ends_with("ly")
            || matches!(
                t,
                "reportedly" | "allegedly" | "also" | "not" | "n't" | "later" | "subsequently"
            );
        if !adverb {
            // "At least four killed", "Seven people killed": a counted subject of a casualty
            // participle reads as passive ("insurgents struck" does not).
            let casualty = matches!(
                w,
                "killed" | "injured" | "wounded" | "hurt" | "slain" | "arrested" | "detained"
            );
            let counted = |p: usize| {
                number_value(doc.tok(p)).is_some()
                    || PEOPLE.has(doc, p) && p > a && number_value(doc.tok(p - 1)).is_some()
            };
            return casualty && super::triggers::prev_content(doc, a, first).is_some_and(counted);
        }
    }
    false
}

/// Verbs whose statement has a target ("blamed Comey", "accused the army").
/// `w` is lower case.
fn statement_with_target(w: &str) -> bool {
    [
        "blam", "accus", "critici", "condemn", "prais", "slam", "urg", "warn", "threaten",
    ]
    .iter()
    .any(|s| w.starts_with(s))
}

/// Agents and targets of a trigger within its clause `a..b`; `mentions` are the name mentions
/// of its sentence (or more, in text order).
#[allow(clippy::too_many_arguments)]
pub fn participants(
    doc: &Doc,
    names: &Names,
    mentions: &[NameMention],
    a: usize,
    b: usize,
    first: usize,
    last: usize,
    kind: &str,
    noun: bool,
    victims: Option<String>,
) -> Parts {
    let left = actors(doc, names, mentions, a, first, kind == "contest");
    if kind == "statement" {
        return speaker(doc, names, mentions, a, b, first, last, &left);
    }
    // The actors after the trigger, read on first need (a passive or a noun reads them only
    // after a "by", "of" or "on").
    let right_cell = std::cell::OnceCell::new();
    let right = || {
        right_cell
            .get_or_init(|| actors(doc, names, mentions, last + 1, b, kind == "contest"))
            .as_slice()
    };
    let mut parts = Parts::default();
    let is_passive = !noun && passive(doc, a, first);
    let first_of =
        |list: &[(usize, usize)], prefer_people: bool| first_of(names, list, prefer_people);
    // "by X" after a passive or a noun names the agent (an active verb's is not looked for).
    let by = (is_passive || noun)
        .then(|| (last + 1..b).find(|&j| doc.lower_bytes(j) == b"by"))
        .flatten();
    let after_by = || -> Vec<(usize, usize)> {
        by.map(|j| {
            right()
                .iter()
                .copied()
                .filter(|(t, _)| *t > j && *t <= j + 6)
                .collect()
        })
        .unwrap_or_default()
    };
    if is_passive {
        let agents = after_by().into_iter().map(|p| p.1);
        add_names(names, &mut parts, agents, nearest(&left, 3).iter());
    } else if noun {
        // "the Taliban attack on the consulate", "the arrest of X", "an attack by X".
        let of = (last + 1..b).find(|&j| lower_in(doc, j, &["of", "on", "against", "targeting"]));
        let targets: Vec<(usize, usize)> = of
            .map(|j| {
                right()
                    .iter()
                    .copied()
                    .filter(|(t, _)| *t > j && by.is_none_or(|k| *t < k))
                    .collect()
            })
            .unwrap_or_default();
        // "Trump and Obama hold White House meeting": after a light verb, the names before
        // the verb act; those between it and the noun only describe the event.
        let sentence_start = doc.sentences[doc.sentence_of[first] as usize].tokens.start;
        let light_verb = LIGHT_VERB.ready();
        let light = (first.saturating_sub(9).max(sentence_start)..first)
            .rev()
            .find(|&j| light_verb.has(doc, j));
        let agents = match light {
            Some(j) => {
                let before = actors(
                    doc,
                    names,
                    mentions,
                    j.saturating_sub(8).max(sentence_start),
                    j,
                    false,
                );
                nearest(&before, 3)
            }
            None => nearest(&left, 2),
        };
        let agents = agents.iter().chain(after_by().into_iter().map(|p| p.1));
        add_names(names, &mut parts, agents, first_of(&targets, true).iter());
    } else {
        let agents = nearest(&left, 3);
        add_names(
            names,
            &mut parts,
            agents.iter(),
            first_of(right(), true).iter(),
        );
    }
    // Groups stand in for missing names.
    if parts.agents.is_empty() {
        let g = if is_passive {
            by.and_then(|j| group_phrase(doc, names, j + 1, (j + 5).min(b), false))
        } else if noun {
            by.and_then(|j| group_phrase(doc, names, j + 1, (j + 5).min(b), false))
                .or_else(|| group_phrase(doc, names, a, first, true))
        } else {
            group_phrase(doc, names, a, first, true)
        };
        parts.agents.extend(g);
    }
    let victims = victims.or_else(|| {
        if matches!(kind, "death" | "injury") || is_passive && kind == "killing" {
            victim_phrase(doc, a, first)
        } else {
            None
        }
    });
    if let Some(v) = victims {
        if !parts.targets.contains(&v) {
            parts.targets.push(v);
        }
    } else if parts.targets.is_empty() {
        let g = if is_passive {
            group_phrase(doc, names, a, first, true)
        } else if noun {
            None
        } else {
            group_phrase(doc, names, last + 1, b.min(last + 6), false)
        };
        if let Some(g) = g.filter(|g| !parts.agents.contains(g)) {
            parts.targets.push(g);
        }
    }
    parts
}

/// The speaker of a statement (the nearest names before its verb, else the first after it)
/// and, for a verb that has one, its target ("blamed Comey"); `left` are the actors before
/// the verb. The names after the verb are read only when needed.
#[allow(clippy::too_many_arguments)]
fn speaker(
    doc: &Doc,
    names: &Names,
    mentions: &[NameMention],
    a: usize,
    b: usize,
    first: usize,
    last: usize,
    left: &[(usize, usize)],
) -> Parts {
    let with_target = statement_with_target(doc.lower_tok(first));
    let right = if left.is_empty() || with_target {
        actors(doc, names, mentions, last + 1, b, false)
    } else {
        Vec::new()
    };
    let speaker = if left.is_empty() {
        nearest(&right[..right.len().min(1)], 1)
    } else {
        nearest(left, 2)
    };
    let targets = if with_target {
        first_of(names, &right, false)
    } else {
        Ids::default()
    };
    let mut parts = Parts::default();
    add_names(names, &mut parts, speaker.iter(), targets.iter());
    if parts.agents.is_empty() {
        parts.agents.extend(
            group_phrase(doc, names, a, first, true).or_else(|| title_phrase(doc, a, first)),
        );
    }
    if parts.targets.is_empty() && with_target {
        parts
            .targets
            .extend(group_phrase(doc, names, last + 1, b.min(last + 6), false));
    }
    parts
}

/// Up to four entities (`nearest` keeps at most three, `first_of` four), in order, held
/// without allocating.
#[derive(Default)]
struct Ids {
    ids: [usize; 4],
    len: usize,
}

impl Ids {
    /// The entities, in order.
    fn as_slice(&self) -> &[usize] {
        &self.ids[..self.len]
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.as_slice().iter().copied()
    }

    /// Adds `e` unless it is there already (there is room: callers stop at four).
    fn add(&mut self, e: usize) {
        if !self.as_slice().contains(&e) {
            self.ids[self.len] = e;
            self.len += 1;
        }
    }
}

/// The nearest `n` (at most four) entities of `list` (token, entity) counted from its end, in
/// text order ("Trump and Obama hold talks").
fn nearest(list: &[(usize, usize)], n: usize) -> Ids {
    let mut seen = Ids::default();
    for &(_, e) in list.iter().rev() {
        seen.add(e);
        if seen.len == n {
            break;
        }
    }
    seen.ids[..seen.len].reverse();
    seen
}

/// The first four entities of `list` (token, entity), its people only when it names any and
/// `prefer_people`.
fn first_of(names: &Names, list: &[(usize, usize)], prefer_people: bool) -> Ids {
    let person = |e: usize| names.entities.get(e).and_then(|x| x.kind) == Some(Kind::Person);
    let people_only = prefer_people && list.iter().any(|&(_, e)| person(e));
    let mut out = Ids::default();
    for &(_, e) in list {
        if out.len == 4 {
            break;
        }
        if !people_only || person(e) {
            out.add(e);
        }
    }
    out
}

/// Adds the names of entities `agents` and `targets` to `parts`, each once (an agent is no
/// target).
fn add_names(
    names: &Names,
    parts: &mut Parts,
    agents: impl Iterator<Item = usize>,
    targets: impl Iterator<Item = usize>,
) {
    // A name is copied only once it is known to be new.
    let name_of = |e: usize| names.entities.get(e).map(|e| e.name.as_str());
    let has = |list: &[String], n: &str| list.iter().any(|x| x == n);
    for e in agents {
        if let Some(n) = name_of(e) {
            if !has(&parts.agents, n) {
                parts.agents.push(n.to_string());
            }
        }
    }
    for e in targets {
        if let Some(n) = name_of(e) {
            if !has(&parts.agents, n) && !has(&parts.targets, n) {
                parts.targets.push(n.to_string());
            }
        }
    }
}

/// Verbs that carry a noun event: "hold talks", "staged a protest", "launched an offensive".
static LIGHT_VERB: WordSet = WordSet::new(&[
    "hold",
    "holds",
    "held",
    "holding",
    "stage",
    "stages",
    "staged",
    "launch",
    "launches",
    "launched",
    "conduct",
    "conducts",
    "conducted",
    "carry",
    "carries",
    "carried",
    "mount",
    "mounts",
    "mounted",
]);

/// "the Prime Minister said": a title standing for its holder.
fn title_phrase(doc: &Doc, a: usize, first: usize) -> Option<String> {
    // Up to three words ending right before the trigger, the longest first.
    for s in first.saturating_sub(3).max(a)..first {
        if (s..first).all(|k| doc.tokens[k].kind == TokenKind::Word)
            && crate::gazetteer::title(doc.span(s, first - 1).of(doc.text)).is_some()
        {
            return Some(crate::text::fold(doc.span(s, first - 1).of(doc.text)));
        }
    }
    None
}

/// Words that may stand between the people and a casualty verb ("were", "reportedly").
static VICTIM_GLUE: WordSet = WordSet::new(&[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "been",
    "had",
    "also",
    "reportedly",
    "all",
    "more",
]);

/// The people a casualty verb is about when no number is given ("Several people died",
/// "dozens were injured").
pub fn victim_phrase(doc: &Doc, a: usize, first: usize) -> Option<String> {
    let mut k = first;
    while k > a && first - k < 5 {
        k -= 1;
        if PEOPLE.has(doc, k) || lower_in(doc, k, &["dozens", "hundreds", "thousands", "scores"]) {
            let mut s = k;
            while s > a
                && lower_in(
                    doc,
                    s - 1,
                    &[
                        "several",
                        "many",
                        "some",
                        "dozens",
                        "hundreds",
                        "thousands",
                        "scores",
                        "of",
                        "two",
                        "three",
                        "more",
                        "other",
                        "innocent",
                        "young",
                    ],
                )
            {
                s -= 1;
            }
            return Some(crate::text::fold(doc.span(s, k).of(doc.text)));
        }
        if !VICTIM_GLUE.has(doc, k) {
            return None;
        }
    }
    None
}

/// What a casualty word counts.
fn count_key(w: &str) -> Option<&'static str> {
    if w.len() < 4 || w.len() > 10 {
        return None;
    }
    COUNT_KEYS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(w))
        .map(|(_, k)| *k)
}

/// Casualty words and what they count.
const COUNT_KEYS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("killing", "killed"),
    ("lives", "killed"),
    ("fatalities", "killed"),
    ("perished", "killed"),
    ("toll", "killed"),
    ("slain", "killed"),
    ("drowned", "killed"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("injuries", "injured"),
    ("injuring", "injured"),
    ("wounding", "injured"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("arrests", "arrested"),
    ("detentions", "arrested"),
    ("arresting", "arrested"),
    ("displaced", "displaced"),
    ("evacuated", "displaced"),
    ("homeless", "displaced"),
    ("fled", "displaced"),
    ("missing", "missing"),
    ("rescued", "rescued"),
];

/// Words a count may sit across ("at least 40 people were injured", "killing at least 12").
static COUNT_GLUE: WordSet = WordSet::new(&[
    "at",
    "least",
    "more",
    "than",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "over",
    "up",
    "to",
    "an",
    "estimated",
    "of",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "been",
    "had",
    "reportedly",
    "also",
    "all",
    "another",
    "further",
    "other",
    "others",
    "total",
    "a",
    "the",
    "approximately",
    "roughly",
    "as",
    "many",
    "leaves",
    "left",
    "leaving",
    "rose",
    "risen",
    "rising",
    "stood",
    "reached",
    "climbed",
    "hit",
    "now",
    "believed",
    "feared",
    "confirmed",
    "people",
]);

/// Units after a number that make it no head count ("killed 12 years ago").
static NOT_COUNT: WordSet = WordSet::new(&[
    "years",
    "year",
    "%",
    "percent",
    "per",
    "hours",
    "days",
    "km",
    "miles",
    "minutes",
    "weeks",
    "months",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "metres",
    "meters",
    "feet",
    "kilometres",
    "times",
]);

/// Counts in `a..b`: by what is counted, with the counted phrase ("seven people") when the text
/// names who.
pub fn counts(doc: &Doc, a: usize, b: usize) -> (BTreeMap<Cow<'static, str>, u64>, Option<String>) {
    let mut out = BTreeMap::new();
    let mut phrase = None;
    for j in a..b {
        if doc.tokens[j].kind != TokenKind::Word {
            continue;
        }
        let Some(key) = count_key(doc.tok(j)) else {
            continue;
        };
        if out.contains_key(key) {
            continue;
        }
        // Before: "seven people were killed", "Seven dead", "100 others wounded".
        let mut found: Option<(u64, usize, usize)> = None;
        let mut k = j;
        let mut head: Option<usize> = None;
        while k > a && j - k < 8 {
            k -= 1;
            let t = doc.tok(k);
            if let Some(n) = number_value(t).filter(|_| !is_year(doc, k) && !compound(doc, k)) {
                found = Some((n, k, head.unwrap_or(k)));
                break;
            }
            if PEOPLE.has(doc, k) {
                head = head.or(Some(k));
                continue;
            }
            let modifier = doc.tokens[k].kind == TokenKind::Word
                && head.is_some()
                && (doc.is_capitalised(k)
                    || lower_in(
                        doc,
                        k,
                        &[
                            "senior", "foreign", "local", "innocent", "unarmed", "more", "other",
                            "young", "elderly", "security", "police", "afghan", "iraqi",
                        ],
                    ));
            if !(COUNT_GLUE.has(doc, k) || modifier) {
                break;
            }
        }
        // After: "killed 12", "killing at least seven people", "the deaths of eight leaders",
        // "the death toll rose to 300".
        if found.is_none() {
            let mut k = j + 1;
            let reach = if key == "killed" && doc.tok(j).eq_ignore_ascii_case("toll") {
                10
            } else {
                5
            };
            while k < b && k - j <= reach {
                let t = doc.tok(k);
                if let Some(n) = number_value(t).filter(|_| !is_year(doc, k) && !compound(doc, k)) {
                    if k + 1 < b && NOT_COUNT.has(doc, k + 1) {
                        break;
                    }
                    let mut h = k;
                    let mut m = k + 1;
                    while m < b && m - k <= 4 && doc.tokens[m].kind == TokenKind::Word {
                        if PEOPLE.has(doc, m) {
                            h = m;
                            break;
                        }
                        if count_key(doc.tok(m)).is_some()
                            || super::triggers::rows_for_token(doc, m).is_some()
                        {
                            break;
                        }
                        m += 1;
                    }
                    found = Some((n, k, h));
                    break;
                }
                // After "toll", any words up to the number: "the death toll from the attack rose to".
                let toll_words = reach == 10
                    && doc.tokens[k].kind == TokenKind::Word
                    && !doc.tok(k).eq_ignore_ascii_case("and");
                if !(COUNT_GLUE.has(doc, k) || toll_words) {
                    break;
                }
                k += 1;
            }
        }
        if let Some((n, s, h)) = found {
            out.insert(Cow::Borrowed(key), n);
            if phrase.is_none() && matches!(key, "killed" | "injured") {
                // "seven people"; without a people noun, the words themselves: "seven dead".
                if h > s {
                    phrase = Some(crate::text::fold(doc.span(s, h).of(doc.text)));
                } else if j == s + 1 && lower_in(doc, j, &["dead", "injured", "wounded", "hurt"]) {
                    phrase = Some(crate::text::fold(doc.span(s, j).of(doc.text)));
                }
            }
        }
    }
    (out, phrase)
}

/// "42-year-old", "10-point": a number glued to a hyphen is a modifier, not a head count.
fn compound(doc: &Doc, k: usize) -> bool {
    k + 1 < doc.tokens.len()
        && !doc.tokens[k + 1].after_space
        && matches!(doc.tok(k + 1), "-" | "‐" | "‑")
        || doc.tok(k).contains('-')
}

fn is_year(doc: &Doc, k: usize) -> bool {
    let t = doc.tok(k);
    t.len() == 4
        && t.starts_with(['1', '2'])
        && t.bytes().all(|b| b.is_ascii_digit())
        && matches!(t.parse::<u32>(), Ok(1800..=2100))
}

/// True when token `j` is a preposition of place (a match on the lower-cased bytes).
fn locative(doc: &Doc, j: usize) -> bool {
    matches!(
        doc.lower_bytes(j),
        b"in"
            | b"near"
            | b"at"
            | b"outside"
            | b"inside"
            | b"across"
            | b"into"
            | b"around"
            | b"throughout"
            | b"off"
            | b"along"
            | b"nearby"
            | b"towards"
            | b"toward"
            | b"within"
            | b"over"
            | b"to"
    )
}

/// Words that may stand between a preposition and a place ("in the northern city of").
static PLACE_LEAD: WordSet = WordSet::new(&[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "central",
    "downtown",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "city",
    "town",
    "village",
    "province",
    "region",
    "capital",
    "state",
    "district",
    "of",
    "outskirts",
    "suburb",
    "suburbs",
    "heart",
    "centre",
    "center",
    "border",
    "area",
    "part",
    "parts",
    "streets",
    "rural",
    "remote",
    "neighbouring",
    "neighboring",
    "port",
    "coastal",
    "western-backed",
    "restive",
    "troubled",
    "war-torn",
    "besieged",
    "county",
]);

/// The place mentions of a sentence as `places` reads them: first token, last token + 1,
/// entity, and whether a preposition of place (or the trigger) makes them the event's place.
pub type Located = Vec<(usize, usize, usize, bool)>;

/// Place entities of a trigger: those after a preposition of place in its clause, else in its
/// sentence; a place naming the thing ("Croydon tram crash") counts too. `mentions` are the
/// name mentions of the sentence (or more, in text order); `located` is a buffer kept from
/// call to call.
#[allow(clippy::too_many_arguments)]
pub fn places(
    doc: &Doc,
    names: &Names,
    mentions: &[NameMention],
    start: usize,
    end: usize,
    a: usize,
    b: usize,
    first: usize,
    noun: bool,
    located: &mut Located,
) -> Vec<usize> {
    if start >= end {
        return Vec::new();
    }
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
    // `Doc::token_at` for a byte inside the sentence: the answer lies in `start..=end`.
    let token_at =
        |pos: usize| start + doc.tokens[start..end].partition_point(|t| t.span.start < pos);
    // Read only at a "to" before a place.
    let moving = || {
        super::triggers::rows_for_token(doc, first)
            .is_some_and(|r| r.iter().any(|r| r.kind == "visit"))
    };
    located.clear();
    for m in mentions_within(mentions, span) {
        let Some(e) = names.entities.get(m.entity) else {
            continue;
        };
        let seat = e.kind == Some(Kind::Organisation) && crate::organisations::is_seat(&e.name);
        if e.kind != Some(Kind::Place) && !seat {
            continue;
        }
        let f = token_at(m.span.start);
        let l = token_at(m.span.end);
        let mut j = f;
        let mut steps = 0;
        let mut loc = false;
        while j > start && steps < 5 {
            j -= 1;
            steps += 1;
            if locative(doc, j) {
                // "to" is a place only after a movement ("travelled to Kabul").
                loc = doc.lower_bytes(j) != b"to" || moving();
                break;
            }
            let t = doc.tok_bytes(j);
            if t == b"," || possessive(t) {
                // "in Croydon, London", "in Afghanistan's Mazar-i-Sharif".
                loc = located.iter().any(|&(_, e, _, l)| l && e == j);
                break;
            }
            if PLACE_LEAD.has(doc, j) || crate::gazetteer::demonym(doc.tok(j)).is_some() {
                continue;
            }
            break;
        }
        // "Croydon tram crash", "Seattle shooting".
        if noun
            && l <= first
            && first - l <= 2
            && (l..first).all(|k| {
                (!doc.is_capitalised(k) || k == first)
                    && super::triggers::rows_for_token(doc, k).is_none()
            })
        {
            loc = true;
        }
        located.push((f, l, m.entity, loc));
    }
    let pick = |inside: bool| -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &(f, _, e, loc) in located.iter() {
            if loc && (!inside || (a..b).contains(&f)) && !out.contains(&e) {
                out.push(e);
            }
        }
        out
    };
    let own = pick(true);
    if own.is_empty() {
        pick(false)
    } else {
        own
    }
}

/// The dateline place: a place opening one of the first paragraphs and followed by a dash or an
/// agency ("KUNDUZ, Afghanistan --", "WASHINGTON, Nov 6 (Reuters) -").
pub fn dateline(doc: &Doc, names: &Names) -> Option<usize> {
    for p in doc.paragraphs.iter().take(5) {
        if p.is_empty() {
            continue;
        }
        // A dateline opens its paragraph, or follows a byline or photo credit in capitals
        // ("By Alana Wise WASHINGTON, Nov 6 (Reuters) -", "(Photo: ...) WASHINGTON --").
        let reach = (p.start + 60).min(p.end);
        let span = Span::new(
            doc.tokens[p.start].span.start,
            doc.tokens[reach - 1].span.end,
        );
        let opening = doc.tokens[(p.start + 4).min(p.end) - 1].span.end;
        for m in names.mentions_in(span) {
            let Some(e) = names.entities.get(m.entity) else {
                continue;
            };
            if e.kind != Some(Kind::Place) {
                continue;
            }
            let text = m.span.of(doc.text);
            let caps = if text.is_ascii() {
                !text.bytes().any(|b| b.is_ascii_lowercase())
            } else {
                text.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            } && text.len() >= 3;
            if m.span.start >= opening && !caps {
                continue;
            }
            // `Doc::token_at` for the end of a name inside the span: within `p.start..=reach`.
            let mut k =
                p.start + doc.tokens[p.start..reach].partition_point(|t| t.span.start < m.span.end);
            let limit = (k + 9).min(p.end);
            while k < limit {
                let t = doc.tok_bytes(k);
                // "U.S.-led": a dash joined to a word is a compound, not a dateline's.
                let spaced = k > 0 && doc.tokens[k].span.start > doc.tokens[k - 1].span.end;
                let dash =
                    (matches!(t, b"-" | b"--") || t == "—".as_bytes() || t == "–".as_bytes())
                        && (spaced || m.span.start < opening);
                if dash || t == b"(" && caps {
                    return Some(m.entity);
                }
                if t == b"("
                    && k + 1 < p.end
                    && lower_in(
                        doc,
                        k + 1,
                        &["reuters", "ap", "afp", "upi", "xinhua", "cnn", "bloomberg"],
                    )
                {
                    return Some(m.entity);
                }
                let ok = matches!(t, b"," | b".")
                    || doc.tokens[k].kind == TokenKind::Number
                    || doc.is_capitalised(k);
                if !ok {
                    break;
                }
                k += 1;
            }
        }
    }
    None
}

/// Whether the clause before the trigger denies it or only reports it as possible.
pub fn polarity(doc: &Doc, a: usize, first: usize) -> (bool, bool) {
    // Most tokens are turned away by their signature before their bytes are read.
    let sigs = &*POLARITY_WORDS;
    let maybe = |j: usize| sigs.has(doc.tokens[j].sig);
    let near = first.saturating_sub(4).max(a);
    let negated = (near..first).any(|j| maybe(j) && negator(doc, j));
    let hedged = (a..first).any(|j| {
        maybe(j)
            && (hedge(doc, j)
                || doc.tok_bytes(j) == b"said" && j + 1 < first && doc.tok_bytes(j + 1) == b"to")
    });
    (negated, hedged)
}

/// Words that deny an event just after them (`negator`).
const NEGATORS: [&str; 9] = [
    "not", "n't", "never", "no", "without", "nobody", "none", "neither", "nor",
];

/// Words that report an event as possible only (`hedge`).
const HEDGES: [&str; 16] = [
    "allegedly",
    "reportedly",
    "apparently",
    "possibly",
    "probably",
    "suspected",
    "alleged",
    "may",
    "might",
    "could",
    "believed",
    "likely",
    "unconfirmed",
    "purportedly",
    "presumably",
    "feared",
];

/// The signatures of the words `negator` and `hedge` match, and of "said".
static POLARITY_WORDS: Lazy<SignatureBytes> = Lazy::new(|| {
    let words = NEGATORS.iter().chain(&HEDGES).chain(&["said"]);
    SignatureBytes::of(words.map(|w| w.as_bytes()))
});

/// True when token `j` denies an event just after it ("not", "never", "without"): a match on
/// the lower-cased bytes.
fn negator(doc: &Doc, j: usize) -> bool {
    NEGATORS.iter().any(|w| doc.lower_bytes(j) == w.as_bytes())
}

/// True when token `j` reports an event as possible only ("reportedly", "may").
fn hedge(doc: &Doc, j: usize) -> bool {
    HEDGES.iter().any(|w| doc.lower_bytes(j) == w.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_value("12"), Some(12));
        assert_eq!(number_value("1,200"), Some(1200));
        assert_eq!(number_value("seven"), Some(7));
        assert_eq!(number_value("Twenty-five"), Some(25));
        assert_eq!(number_value("a"), None);
        assert_eq!(number_value("18:45"), None);
        assert_eq!(number_value("3.5"), None);
    }

    #[test]
    fn polarity_reads_every_negator_and_hedge() {
        let trigger = |d: &Doc| {
            (0..d.tokens.len())
                .find(|&i| d.tok(i) == "attacked")
                .unwrap()
        };
        for w in [
            "not", "never", "no", "without", "nobody", "none", "neither", "nor",
        ] {
            for w in [w.to_string(), w.to_uppercase()] {
                let text = format!("Police {w} attacked the town.");
                let d = Doc::new(&text);
                assert_eq!(polarity(&d, 0, trigger(&d)), (true, false), "{w}");
            }
        }
        let d = Doc::new("Police didn't attacked the town.");
        assert!(polarity(&d, 0, trigger(&d)).0);
        for w in [
            "allegedly",
            "reportedly",
            "apparently",
            "possibly",
            "probably",
            "suspected",
            "alleged",
            "may",
            "might",
            "could",
            "believed",
            "likely",
            "unconfirmed",
            "purportedly",
            "presumably",
            "feared",
        ] {
            for w in [w.to_string(), w.to_uppercase()] {
                let text = format!("Rebels {w} attacked the town.");
                let d = Doc::new(&text);
                assert_eq!(polarity(&d, 0, trigger(&d)), (false, true), "{w}");
            }
        }
        let d = Doc::new("Rebels said to have attacked the town.");
        assert_eq!(polarity(&d, 0, trigger(&d)), (false, true));
        let d = Doc::new("Rebels attacked the town.");
        assert_eq!(polarity(&d, 0, trigger(&d)), (false, false));
    }

    #[test]
    fn counts_both_sides() {
        let d = Doc::new("At least 40 people were injured and the attack killed 12 in the city.");
        let (c, p) = counts(&d, 0, d.tokens.len());
        assert_eq!(c.get("injured"), Some(&40));
        assert_eq!(c.get("killed"), Some(&12));
        assert_eq!(p.as_deref(), Some("40 people"));
        let d = Doc::new("The raid resulted in the deaths of eight senior ISIS leaders.");
        let (c, p) = counts(&d, 0, d.tokens.len());
        assert_eq!(c.get("killed"), Some(&8));
        assert_eq!(p.as_deref(), Some("eight senior ISIS leaders"));
        let d = Doc::new("He was killed in 2015 after 12 years in office.");
        assert!(counts(&d, 0, d.tokens.len()).0.is_empty());
    }
}
