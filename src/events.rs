//! Events: who did what to whom, where and when, one event per happening in a sentence, the
//! article's main event first.
//!
//! Input: the `Doc`, its `Names`, its `Timex`es and the reference date. Output: `EventMention`s
//! (byte spans) and the record's `events` section. Triggers come from a table of word stems per
//! event type; each event takes its date from its own sentence (else the reference date), its
//! places from its sentence (else the article's focus), agents from the names before the trigger
//! and targets from those after it. Does not parse syntax.

use crate::dates::{Timex, TimexType};
use crate::names::{Kind, Names};
use crate::record::{Event, Offsets};
use crate::text::{Doc, Span, TokenKind};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Trigger stems per event type; a token triggers when it starts with a stem and the rest is an
/// inflection (`""`, `s`, `es`, `ed`, `d`, `ing`).
const TRIGGERS: &[(&str, &[&str])] = &[
    (
        "killing",
        &["kill", "slay", "slain", "assassinat", "execut", "behead"],
    ),
    (
        "attack",
        &["attack", "bomb", "shell", "stormed", "ambush", "raid"],
    ),
    ("death", &["died", "dies", "death", "dead"]),
    ("injury", &["injur", "wound", "hurt"]),
    ("arrest", &["arrest", "detain", "captur"]),
    ("charge", &["charg", "indict", "accus"]),
    ("trial", &["trial", "tried", "prosecut", "convict"]),
    ("sentence", &["sentenc", "jailed", "imprison", "commut"]),
    (
        "protest",
        &["protest", "demonstrat", "rally", "rallied", "march"],
    ),
    ("meeting", &["met", "meet", "summit", "talks"]),
    ("visit", &["visit", "arriv", "travel"]),
    (
        "agreement",
        &["agreed", "agreement", "deal", "signed", "treaty", "accord"],
    ),
    ("election", &["elect", "vote", "voted", "ballot", "poll"]),
    ("appointment", &["appoint", "named", "nominat", "sworn"]),
    (
        "resignation",
        &[
            "resign",
            "quit",
            "stepped down",
            "fired",
            "dismiss",
            "ousted",
        ],
    ),
    (
        "military-operation",
        &[
            "offensive",
            "operation",
            "airstrike",
            "strike",
            "deploy",
            "invad",
            "invasion",
        ],
    ),
    (
        "disaster",
        &[
            "earthquake",
            "quake",
            "flood",
            "hurricane",
            "typhoon",
            "tsunami",
            "wildfire",
            "aftershock",
            "stampede",
            "collaps",
        ],
    ),
    (
        "accident",
        &["crash", "derail", "collid", "collision", "sank", "capsiz"],
    ),
    (
        "economic",
        &[
            "earn",
            "profit",
            "loss",
            "losses",
            "acquir",
            "acquisition",
            "merger",
            "shares",
            "stocks",
            "fell",
            "rose",
            "recession",
        ],
    ),
    (
        "statement",
        &[
            "said", "announc", "stated", "declar", "told", "warn", "claim",
        ],
    ),
];

/// One event, with byte spans.
#[derive(Debug, Clone)]
pub struct EventMention {
    /// Event type.
    pub kind: &'static str,
    /// Trigger span.
    pub trigger: Span,
    /// Sentence span.
    pub sentence: Span,
    /// Date value.
    pub date: Option<String>,
    /// `sentence`, `document` or `none`.
    pub date_source: &'static str,
    /// Date grain.
    pub date_precision: Option<&'static str>,
    /// Canonical place names.
    pub places: Vec<String>,
    /// `sentence`, `document` or `none`.
    pub place_source: &'static str,
    /// Place grain.
    pub place_precision: Option<&'static str>,
    /// Agents (canonical names or phrases).
    pub agents: Vec<String>,
    /// Targets.
    pub targets: Vec<String>,
    /// Counts.
    pub count: BTreeMap<String, u64>,
    /// Said not to have happened.
    pub negated: bool,
    /// Only reportedly.
    pub hedged: bool,
}

fn trigger_type(word: &str) -> Option<&'static str> {
    let w = word.to_ascii_lowercase();
    for (kind, stems) in TRIGGERS {
        for stem in *stems {
            if let Some(rest) = w.strip_prefix(stem) {
                if matches!(
                    rest,
                    "" | "s" | "es" | "ed" | "d" | "ing" | "ion" | "ions" | "ation" | "e" | "ly"
                ) || stem.len() >= 6
                {
                    return Some(kind);
                }
            }
        }
    }
    None
}

/// Finds events, the main one first.
pub fn find_events(
    doc: &Doc,
    names: &Names,
    timexes: &[Timex],
    reference: Option<NaiveDate>,
) -> Vec<EventMention> {
    let focus = crate::places::focus(names);
    let mut out: Vec<EventMention> = Vec::new();
    for s in &doc.sentences {
        let mut seen: Vec<&str> = Vec::new();
        for i in s.tokens.clone() {
            if doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let Some(kind) = trigger_type(doc.tok(i)) else {
                continue;
            };
            if seen.contains(&kind) {
                continue;
            }
            // Capitalised trigger words are names ("Operation Iraqi Freedom") except at the start.
            if doc.is_capitalised(i) && !doc.starts_sentence(i) && !doc.in_caps_line(i) {
                continue;
            }
            seen.push(kind);
            out.push(build(
                doc,
                names,
                timexes,
                reference,
                focus.as_ref(),
                s.span,
                i,
                kind,
            ));
        }
    }
    // Main event: the strongest event of the headline and lead, statements last.
    let lead_end = doc.sentences.get(2).map_or(usize::MAX, |s| s.span.end);
    let rank = |e: &EventMention| -> (u8, usize) {
        let in_lead = e.sentence.end <= lead_end;
        let weak = matches!(e.kind, "statement" | "economic" | "meeting");
        (u8::from(!in_lead) * 2 + u8::from(weak), e.trigger.start)
    };
    if let Some(main) = (0..out.len()).min_by_key(|&i| rank(&out[i])) {
        let m = out.remove(main);
        out.insert(0, m);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn build(
    doc: &Doc,
    names: &Names,
    timexes: &[Timex],
    reference: Option<NaiveDate>,
    focus: Option<&crate::record::Focus>,
    sentence: Span,
    ti: usize,
    kind: &'static str,
) -> EventMention {
    let trigger = doc.tokens[ti].span;
    // Date: the nearest date expression in the sentence, else the reference date.
    let own = timexes
        .iter()
        .filter(|t| {
            sentence.contains(t.span)
                && matches!(t.kind, TimexType::Date | TimexType::Time)
                && !t.value.contains('X')
                && !t.value.ends_with("_REF")
        })
        .min_by_key(|t| t.span.start.abs_diff(trigger.start));
    let (date, date_source, date_precision) = match (own, reference) {
        (Some(t), _) => (Some(t.value.clone()), "sentence", t.grain),
        (None, Some(r)) => (
            Some(r.format("%Y-%m-%d").to_string()),
            "document",
            Some("day"),
        ),
        (None, None) => (None, "none", None),
    };
    let mut places = Vec::new();
    let mut agents = Vec::new();
    let mut targets = Vec::new();
    let mut precision = None;
    for m in names.mentions_in(sentence) {
        let e = &names.entities[m.entity];
        let list = match e.kind {
            Some(Kind::Place) => {
                if precision.is_none() {
                    precision = Some(match e.place.map(|p| p.kind).or(e.place_kind) {
                        Some("country") => "country",
                        Some("subdivision") => "subdivision",
                        Some("region" | "continent") => "region",
                        _ => "city",
                    });
                }
                &mut places
            }
            Some(_) if m.span.end <= trigger.start => &mut agents,
            Some(_) => &mut targets,
            None => continue,
        };
        if !list.contains(&e.name) {
            list.push(e.name.clone());
        }
    }
    // "Iraqi forces", "police": a group noun before the trigger acts when no name does.
    if agents.is_empty() {
        if let Some(phrase) = group_agent(doc, sentence, ti) {
            agents.push(phrase);
        }
    }
    let place_source = if !places.is_empty() {
        "sentence"
    } else if let Some(p) = focus.and_then(|f| f.place.clone()) {
        places.push(p);
        precision = None;
        "document"
    } else {
        "none"
    };
    let count = counts(doc, sentence, kind);
    let window = doc.span(doc.token_at(sentence.start), ti);
    let before = window.of(doc.text).to_ascii_lowercase();
    let negated = before
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| matches!(w, "not" | "never" | "n't" | "no" | "denied"));
    let hedged = [
        "allegedly",
        "reportedly",
        "may have",
        "might have",
        "suspected",
        "claimed",
    ]
    .iter()
    .any(|h| before.contains(h));
    EventMention {
        kind,
        trigger,
        sentence,
        date,
        date_source,
        date_precision,
        places,
        place_source,
        place_precision: precision,
        agents,
        targets,
        count,
        negated,
        hedged,
    }
}

/// "Iraqi forces", "security forces", "police" right before the trigger (within its clause).
fn group_agent(doc: &Doc, sentence: Span, ti: usize) -> Option<String> {
    let start = doc.token_at(sentence.start);
    let mut i = ti;
    while i > start {
        i -= 1;
        let w = doc.tok(i);
        if matches!(
            w,
            "forces"
                | "troops"
                | "police"
                | "militants"
                | "soldiers"
                | "army"
                | "rebels"
                | "gunmen"
        ) {
            let mut a = i;
            while a > start
                && (crate::gazetteer::demonym(doc.tok(a - 1)).is_some()
                    || matches!(
                        doc.tok(a - 1),
                        "security" | "government" | "counterterrorism" | "special"
                    ))
            {
                a -= 1;
            }
            return Some(crate::text::fold(doc.span(a, i).of(doc.text)));
        }
        if matches!(w, "." | ";") {
            break;
        }
    }
    None
}

/// "killed 12", "at least 40 people were injured", "the deaths of eight senior leaders".
fn counts(doc: &Doc, sentence: Span, kind: &str) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    let what = match kind {
        "killing" | "death" | "attack" => "killed",
        "injury" => "injured",
        "arrest" => "arrested",
        _ => return out,
    };
    let a = doc.token_at(sentence.start);
    let b = doc.token_at(sentence.end);
    for i in a..b {
        let n = match doc.tokens[i].kind {
            TokenKind::Number => doc.tok(i).replace(',', "").parse::<u64>().ok(),
            TokenKind::Word => crate::dates::parse::number_word(doc.tok(i))
                .filter(|_| doc.tok(i) != "a" && doc.tok(i) != "an")
                .map(|n| n as u64),
            _ => None,
        };
        let Some(n) = n else { continue };
        // The number must sit near a trigger of the same kind.
        let near = (i.saturating_sub(4)..(i + 6).min(b)).any(|j| {
            trigger_type(doc.tok(j)).is_some_and(|k| {
                k == kind || (what == "killed" && matches!(k, "killing" | "death"))
            })
        });
        if near && !doc.tok(i).contains(':') {
            out.entry(what.to_string()).or_insert(n);
            break;
        }
    }
    out
}

/// The `events` record section.
pub fn to_record(events: &[EventMention], off: &Offsets) -> Vec<Event> {
    events
        .iter()
        .map(|e| Event {
            kind: e.kind.to_string(),
            trigger: off.trigger(e.trigger),
            sentence: off.span(e.sentence),
            date: e.date.clone(),
            date_source: e.date_source.to_string(),
            date_precision: e.date_precision.map(str::to_string),
            places: e.places.clone(),
            place_source: e.place_source.to_string(),
            place_precision: e.place_precision.map(str::to_string),
            agents: e.agents.clone(),
            targets: e.targets.clone(),
            count: e.count.clone(),
            negated: e.negated,
            hedged: e.hedged,
        })
        .collect()
}
