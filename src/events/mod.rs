//! Events: what an analyst would code by hand from an article — each happening typed, dated,
//! placed, with its participants and counts, every field traceable to the text — the article's
//! main event first.
//!
//! Input: the `Doc`, its `Names`, its `Timex`es and the reference date. Output: `EventMention`s
//! (byte spans) and the record's `events` section.
//!
//! How: `triggers` finds the words that report an event (a table of words per type, read in
//! context). Triggers of one sentence that report one happening are grouped (casualties join
//! their cause: "killed 7 when a tram derailed" is one accident with a count); a definite noun
//! that repeats an event already reported ("the operation") adds to it instead of making a new
//! one; "said" makes a statement only when the sentence reports nothing else. `args` gives each
//! event its clause, participants, places, counts and polarity. Dates come from the event's own
//! clause, else from its sentence outside other events' clauses, else from the statement that
//! reports it ("announced on Tuesday that ... killed"), else the reference date; the source says
//! which. The main event is the headline's event as the lead sentence reports it (inverted
//! pyramid). Does not parse syntax or resolve pronouns.

pub mod args;
mod headline;
#[cfg(test)]
mod inflect;
pub mod triggers;
pub mod words;

use crate::dates::{Timex, TimexType};
use crate::names::{Kind, NameMention, Names};
use crate::record::{Event, Offsets};
use crate::text::{Doc, Span, TokenKind};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use triggers::{Cand, Ctx};

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
    /// `sentence`, `report`, `document` or `none`.
    pub date_source: &'static str,
    /// Date grain.
    pub date_precision: Option<&'static str>,
    /// Canonical place names.
    pub places: Vec<String>,
    /// `sentence`, `headline`, `dateline`, `document` or `none`.
    pub place_source: &'static str,
    /// Place grain.
    pub place_precision: Option<&'static str>,
    /// Agents (canonical names or phrases).
    pub agents: Vec<String>,
    /// Targets.
    pub targets: Vec<String>,
    /// Counts.
    pub count: BTreeMap<Cow<'static, str>, u64>,
    /// Said not to have happened.
    pub negated: bool,
    /// Only reportedly.
    pub hedged: bool,
}

/// An event while the document is read.
#[derive(Debug, Clone)]
struct Draft {
    /// The event, boxed: a draft moves several times between a sentence's buffer and the
    /// document's list, and a box moves as a pointer.
    ev: Box<EventMention>,
    /// Sentence index.
    sentence: usize,
    /// Trigger tokens.
    first: usize,
    last: usize,
    /// Clause tokens (end exclusive).
    clause: (usize, usize),
    noun: bool,
    weak: bool,
    /// Every trigger is a definite noun with no count: may repeat an earlier event.
    anaphoric: bool,
    /// Place entities (for precision).
    place_ids: Vec<usize>,
    /// A statement beside another event of its sentence: dropped, so its participants are
    /// read only if another event's pronoun refers to its speaker.
    unread: bool,
}

/// Violence and mishaps: their triggers in one sentence are one happening.
fn is_casualty(kind: &str) -> bool {
    matches!(kind, "killing" | "death" | "injury")
}

fn is_cause(kind: &str) -> bool {
    matches!(
        kind,
        "attack" | "military-operation" | "accident" | "disaster" | "abduction"
    )
}

/// Events of one family may be one happening told twice.
fn family(kind: &str) -> &str {
    if is_casualty(kind) || matches!(kind, "attack" | "military-operation" | "abduction") {
        "violence"
    } else if matches!(kind, "accident" | "disaster") {
        "mishap"
    } else {
        kind
    }
}

/// True when two event types may report one happening: the same family, or casualties and
/// their cause ("Croydon tram crash" and "five people are dead").
fn same_happening(a: &str, b: &str) -> bool {
    family(a) == family(b) || (is_casualty(a) || is_casualty(b)) && family(a) != a && family(b) != b
}

/// How newsworthy a type is when the headline reports several.
fn weight(kind: &str) -> u8 {
    match kind {
        k if is_casualty(k) || is_cause(k) => 3,
        "statement" | "meeting" => 0,
        "market-move" | "earnings" => 1,
        _ => 2,
    }
}

/// The headline: a first line standing alone, not ending in a full stop.
fn headline(doc: &Doc) -> Option<usize> {
    let s0 = doc.sentences.first()?;
    let s1 = doc.sentences.get(1)?;
    if s1.paragraph == s0.paragraph || s0.tokens.len() > 40 {
        return None;
    }
    let last = doc.tok(s0.tokens.end - 1);
    (last != "." || s0.tokens.len() <= 12).then_some(0)
}

/// The lead: the first three body sentences of some length.
fn lead_sentences<'d>(doc: &'d Doc, head: Option<usize>) -> impl Iterator<Item = usize> + 'd {
    let body_start = head.map_or(0, |h| h + 1);
    (body_start..doc.sentences.len())
        .filter(|&s| {
            doc.tokens[doc.sentences[s].tokens.clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .nth(5)
                .is_some()
        })
        .take(3)
}

/// The day the headline or lead gives, when the main event's own clause gives none: news
/// dates its main happening in the lead ("... late on Thursday", "in a call on Saturday"), so
/// the first day (or finer) in the headline and lead that falls in the week up to the
/// reference date dates it. Later days, and days more than a week back, are other happenings.
fn lead_date<'t>(
    doc: &Doc,
    timexes: &'t [Timex],
    sentences: &[usize],
    reference: NaiveDate,
) -> Option<&'t Timex> {
    let spans: Vec<crate::text::Span> = sentences.iter().map(|&s| doc.sentences[s].span).collect();
    timexes.iter().find(|t| {
        usable(t)
            && day_grain(t)
            && spans.iter().any(|s| s.contains(t.span))
            && in_last_week(&t.value, reference)
    })
}

/// A later report of the main event that dates it: the same kind of happening by the same
/// named agent, dated by its own sentence to a day in the week up to the reference date
/// ("Clinton blames defeat on FBI director" ... "Mrs Clinton told the donors on a conference
/// call on Saturday").
fn coreferent_dated(
    names: &Names,
    drafts: &[Draft],
    m: usize,
    reference: NaiveDate,
) -> Option<usize> {
    let main = &drafts[m].ev;
    let fam = family(main.kind);
    let agents: Vec<&String> = main
        .agents
        .iter()
        .filter(|a| named(names, std::slice::from_ref(a)))
        .collect();
    if agents.is_empty() {
        return None;
    }
    (0..drafts.len()).find(|&j| {
        let d = &drafts[j].ev;
        j != m
            && d.date_source == "sentence"
            && !d.negated
            && !d.hedged
            && family(d.kind) == fam
            && d.agents.iter().any(|a| agents.contains(&a))
            && d.date
                .as_deref()
                .is_some_and(|v| in_last_week(v, reference))
    })
}

/// The last draft of each event family outside the headline: what a definite noun repeats.
/// A family is one of a few event types, so a short list.
#[derive(Default)]
struct LastOf(Vec<(&'static str, usize)>);

impl LastOf {
    fn get(&self, family: &str) -> Option<usize> {
        self.0.iter().find(|(f, _)| *f == family).map(|&(_, i)| i)
    }

    fn insert(&mut self, family: &'static str, draft: usize) {
        match self.0.iter_mut().find(|(f, _)| *f == family) {
            Some(entry) => entry.1 = draft,
            None => self.0.push((family, draft)),
        }
    }
}

/// A hash of a statement's speakers (names read eight bytes at a time).
fn speakers_hash(agents: &[String]) -> u64 {
    agents.iter().fold(agents.len() as u64, |h, a| {
        (h.rotate_left(32) ^ u64::from(crate::gazetteer::key_hash(a.as_bytes())))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
    })
}

/// The mentions of `mentions` (in text order) inside `span`, as a slice: `Names::mentions_in`.
fn sentence_mentions(mentions: &[NameMention], span: Span) -> &[NameMention] {
    let lo = mentions.partition_point(|m| m.span.start < span.start);
    let n = mentions[lo..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
        .count();
    &mentions[lo..lo + n]
}

/// The most trigger words read in one sentence.
const MAX_TRIGGERS: usize = 64;

/// How many name mentions back "the company" looks for what it refers to.
const DESCRIPTION_REACH: usize = 60;

/// True when the organisation `e` reads as a company: the gazetteer says so, or its name ends in
/// a company suffix ("Inc", "Corp", "AB"). Exchanges list companies; they are not "the company".
fn is_company(e: &crate::names::Entity) -> bool {
    let category = e.org.map(|o| o.kind);
    // The suffix is looked up last, and only for an organisation the gazetteer does not know.
    let suffix = || {
        e.name
            .rsplit(' ')
            .next()
            .is_some_and(|w| crate::gazetteer::org_word(w) == Some("suffix"))
    };
    e.kind == Some(Kind::Organisation)
        && (category == Some("company") || category.is_none() && suffix())
        && !e.name.contains("Exchange")
}

/// The article's company: the first company the headline or lead (`sentences`) names.
fn main_company(doc: &Doc, names: &Names, sentences: &[usize]) -> Option<usize> {
    sentences.iter().find_map(|&s| {
        names
            .mentions_in(doc.sentences[s].span)
            .map(|m| m.entity)
            .find(|&e| names.entities.get(e).is_some_and(is_company))
    })
}

/// "Acme Corp said ... The company said": a participant that is only "the company" is the
/// article's company (the first its headline or lead names), else the nearest company named
/// before; a title ("the Prime Minister") is the one person in the article named with that
/// title.
fn resolve_descriptions(
    doc: &Doc,
    names: &Names,
    company: &dyn Fn() -> Option<usize>,
    titles: &std::cell::OnceCell<TitleHolders>,
    titled: &dyn Fn() -> bool,
    d: &mut Draft,
) {
    let at = d.ev.trigger.start;
    let nearest = |fits: &dyn Fn(&crate::names::Entity) -> bool| -> Option<&String> {
        let lo = names.mentions.partition_point(|m| m.span.start < at);
        let before = &names.mentions[lo.saturating_sub(DESCRIPTION_REACH)..lo];
        before.iter().rev().find_map(|m| {
            let e = names.entities.get(m.entity)?;
            fits(e).then_some(&e.name)
        })
    };
    let (sentence, first) = (d.sentence, d.first);
    for part in [&mut d.ev.agents, &mut d.ev.targets] {
        for k in 0..part.len() {
            // Names the record lists are left as they are, without a lookup: a title is one of
            // a few words, with no digit (read only when some person has a title).
            let found = if part[k].eq_ignore_ascii_case("company") {
                company()
                    .and_then(|c| names.entities.get(c).map(|e| &e.name))
                    .or_else(|| nearest(&is_company))
            } else if titled()
                && part[k].len() <= 40
                && !part[k].bytes().any(|b| b.is_ascii_digit())
                && crate::gazetteer::title(&part[k]).is_some()
            {
                // "the Prime Minister said": the one person named with that title (of the
                // country a demonym before it gives: "the Kenyan President").
                let p = part[k].to_lowercase();
                let country = title_country(doc, sentence, first, &p);
                let holders = titles.get_or_init(|| TitleHolders::new(names));
                holders
                    .only(&p, country)
                    .and_then(|e| names.entities.get(e))
                    .map(|e| &e.name)
            } else {
                continue;
            };
            if let Some(name) = found {
                if !part.contains(name) {
                    part[k] = name.clone();
                }
            }
        }
    }
}

/// Who holds each title in an article: for every person's title and each of its endings at a
/// word ("prime minister", "minister"), with and without the person's country, the first
/// holder and whether there are more. Built once per article, so resolving a title costs one
/// lookup however many people hold it.
struct TitleHolders(HashMap<(String, Option<&'static str>), (usize, bool)>);

impl TitleHolders {
    fn new(names: &Names) -> Self {
        let mut map: HashMap<(String, Option<&'static str>), (usize, bool)> = HashMap::new();
        for (e, ent) in names.entities.iter().enumerate() {
            if ent.kind != Some(Kind::Person) {
                continue;
            }
            let mut endings: Vec<String> = Vec::new();
            for t in &ent.titles {
                let t = t.to_lowercase();
                let mut rest = t.as_str();
                loop {
                    if !endings.iter().any(|x| x == rest) {
                        endings.push(rest.to_string());
                    }
                    match rest.split_once(' ') {
                        Some((_, r)) => rest = r,
                        None => break,
                    }
                }
            }
            for end in endings {
                for c in [None, ent.country] {
                    map.entry((end.clone(), c))
                        .and_modify(|v| v.1 |= v.0 != e)
                        .or_insert((e, false));
                    if ent.country.is_none() {
                        break;
                    }
                }
            }
        }
        TitleHolders(map)
    }

    /// The one person holding title `p` (of `country`, when given).
    fn only(&self, p: &str, country: Option<&'static str>) -> Option<usize> {
        self.0
            .get(&(p.to_string(), country))
            .and_then(|&(e, more)| (!more).then_some(e))
    }
}

/// The country of a demonym right before the title phrase `p` in the event's sentence ("The
/// Kenyan President told ..."), if any.
fn title_country(doc: &Doc, sentence: usize, first: usize, p: &str) -> Option<&'static str> {
    let s = &doc.sentences[sentence];
    let last = p.rsplit(' ').next()?;
    let words = p.split(' ').count();
    let k = (s.tokens.start..first)
        .rev()
        .find(|&k| doc.tok(k).eq_ignore_ascii_case(last))?;
    let j = (k + 1).checked_sub(words + 1)?;
    (j >= s.tokens.start)
        .then(|| crate::gazetteer::demonym(doc.tok(j)))
        .flatten()
}

/// "Instrumentarium Oy said it has acquired ...": the pronoun subject of a reported clause is
/// the speaker, who is then the agent of the reported event.
/// "left 32 civilians dead": those affected are not also the actors.
fn drop_affected(ev: &mut EventMention) {
    let targets = &ev.targets;
    if targets.is_empty() {
        return;
    }
    ev.agents.retain(|a| {
        !targets
            .iter()
            .any(|t| t == a || t.strip_suffix(a.as_str()).is_some_and(|r| r.ends_with(' ')))
    });
}

fn speaker_pronoun(doc: &Doc, names: &Names, mentions: &[NameMention], built: &mut [Draft]) {
    for k in 0..built.len() {
        if built[k].weak || built[k].noun || !built[k].ev.agents.is_empty() {
            continue;
        }
        // Back from the trigger over auxiliaries and adverbs to "it", "they" or "we".
        let mut j = built[k].first;
        let mut steps = 0;
        let pronoun = loop {
            if j == 0 || steps > 4 {
                break None;
            }
            j -= 1;
            steps += 1;
            let t = doc.tok(j);
            if matches!(t, "it" | "they" | "we" | "It" | "They" | "We") {
                break Some(j);
            }
            if !matches!(
                t,
                "has"
                    | "had"
                    | "have"
                    | "will"
                    | "would"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "now"
                    | "also"
                    | "already"
                    | "recently"
                    | "been"
                    | "formally"
                    | "successfully"
            ) {
                break None;
            }
        };
        let Some(p) = pronoun else {
            continue;
        };
        let reporter = p.checked_sub(if p > 0 && doc.tok(p - 1) == "that" {
            2
        } else {
            1
        });
        let Some(r) = reporter else {
            continue;
        };
        let Some(s) = built
            .iter()
            .position(|d| d.weak && d.first == r && d.ev.kind == "statement")
        else {
            continue;
        };
        if built[s].unread {
            let d = &mut built[s];
            let (a, b) = d.clause;
            let parts = args::participants(
                doc, names, mentions, a, b, d.first, d.last, d.ev.kind, d.noun, None,
            );
            d.ev.agents = parts.agents;
            d.ev.targets = parts.targets;
            d.unread = false;
            drop_affected(&mut d.ev);
        }
        if !built[s].ev.agents.is_empty() {
            built[k].ev.agents = built[s].ev.agents.clone();
        }
    }
}

/// People named with their age ("Donald Collett, 62,", "63-year-old Robert Huxley") in a
/// sentence about victims or the dead: at most five, in order of appearance.
fn named_victims(doc: &Doc, names: &Names) -> Vec<String> {
    // Matched on the token's bytes (no character boundaries to check).
    let victim = |i: usize| {
        matches!(
            doc.tok_bytes(i),
            b"victim" | b"victims" | b"dead" | b"died" | b"killed" | b"identified" | b"named"
        )
    };
    let suspect = |i: usize| {
        matches!(
            doc.tok_bytes(i),
            b"charged"
                | b"arrested"
                | b"suspect"
                | b"suspected"
                | b"accused"
                | b"gunman"
                | b"attacker"
                | b"convicted"
                | b"detained"
        )
    };
    let mut out: Vec<String> = Vec::new();
    for s in &doc.sentences {
        let (a, b) = (s.tokens.start, s.tokens.end);
        if out.len() >= 5 || !(a..b).any(victim) {
            continue;
        }
        // "Smith, 34, was charged with killing ...": a suspect is no victim.
        if (a..b).any(suspect) {
            continue;
        }
        for m in names.mentions_in(s.span) {
            let Some(e) = names.entities.get(m.entity) else {
                continue;
            };
            if e.kind != Some(Kind::Person) || out.contains(&e.name) {
                continue;
            }
            let f = doc.token_at(m.span.start);
            let l = doc.token_at(m.span.end);
            let age = |i: usize| {
                doc.tokens.get(i).is_some_and(|_| {
                    doc.tok(i)
                        .parse::<u8>()
                        .is_ok_and(|n| (1..=110).contains(&n))
                })
            };
            let aged_after = l + 1 < b && doc.tok(l) == "," && age(l + 1);
            let aged_before = f > a && doc.tok(f - 1).ends_with("year-old");
            if aged_after || aged_before {
                out.push(e.name.clone());
                if out.len() >= 5 {
                    break;
                }
            }
        }
    }
    out
}

/// Dates an earlier undated event from a definite noun of its family followed by a day in the
/// week up to the reference date ("the bombing late Thursday", "the crash on Sunday").
fn date_repeat(
    doc: &Doc,
    timexes: &[Timex],
    cands: &[Cand],
    reference: NaiveDate,
    last_of: &LastOf,
    drafts: &mut [Draft],
) {
    for c in cands.iter().filter(|c| c.noun && c.definite) {
        let fam = family(c.kind);
        if fam == c.kind {
            continue;
        }
        let after = doc.tokens[c.last].span.end;
        let Some(next) = doc.tokens.get(c.last + 1) else {
            continue;
        };
        // The day starts at the next word or one preposition later ("on Sunday").
        let reach = doc
            .tokens
            .get(c.last + 2)
            .filter(|_| matches!(doc.tok(c.last + 1), "on" | "early" | "late"))
            .map_or(next.span.end, |t| t.span.end);
        let lo = timexes.partition_point(|t| t.span.start < after);
        let Some(t) = timexes[lo..]
            .iter()
            .take_while(|t| t.span.start < reach)
            .find(|t| usable(t) && day_grain(t))
        else {
            continue;
        };
        if !in_last_week(&t.value, reference) {
            continue;
        }
        if let Some(prev) = last_of.get(fam).and_then(|i| drafts.get_mut(i)) {
            if prev.ev.date_source != "sentence" {
                prev.ev.date = Some(t.value.clone());
                prev.ev.date_source = "sentence";
                prev.ev.date_precision = t.grain;
            }
        }
        return;
    }
}

/// True when the TIMEX3 value `v` starts with a day in the week up to `reference`.
fn in_last_week(v: &str, reference: NaiveDate) -> bool {
    v.get(..10)
        .and_then(day_of)
        .is_some_and(|d| d <= reference && (reference - d).num_days() <= 7)
}

/// The day a "YYYY-MM-DD" text names: read digit by digit when it has that shape (as TIMEX3
/// values do), else by chrono's parser.
fn day_of(v: &str) -> Option<NaiveDate> {
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = v.as_bytes() {
        let year = number(&[*y0, *y1, *y2, *y3]).and_then(|y| i32::try_from(y).ok());
        if let (Some(y), Some(m), Some(d)) = (year, number(&[*m0, *m1]), number(&[*d0, *d1])) {
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// A timex that can date an event: a resolved calendar date or time.
/// True when a date names a day or a time within one.
fn day_grain(t: &Timex) -> bool {
    matches!(
        t.grain,
        Some("day" | "part-of-day" | "hour" | "minute" | "second")
    )
}

fn usable(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.len() >= 4
        && t.value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

fn place_grain(names: &Names, e: usize) -> u8 {
    let Some(e) = names.entities.get(e) else {
        return 4;
    };
    match e.place.map(|p| p.kind).or(e.place_kind) {
        Some("country") => 2,
        Some("subdivision") => 1,
        Some("region" | "continent") => 3,
        _ => 0,
    }
}

fn grain_name(g: u8) -> &'static str {
    match g {
        0 => "city",
        1 => "subdivision",
        2 => "country",
        _ => "region",
    }
}

/// The buffers `find_events` reuses from article to article, one set per thread, so that an
/// article allocates none of them (each reader clears what it fills).
struct Buffers {
    /// The document's listed words (`triggers::listed_words`).
    listed: Vec<(usize, &'static [triggers::Row])>,
    /// One sentence's candidate triggers.
    cands: Vec<Cand>,
    scratch: Scratch,
    /// One sentence's events.
    built: Vec<Draft>,
    located: args::Located,
}

impl Buffers {
    /// Buffers sized for a sentence with a few triggers.
    fn new() -> Self {
        Buffers {
            listed: Vec::new(),
            cands: Vec::with_capacity(SENTENCE_TRIGGERS),
            scratch: Scratch::new(),
            built: Vec::with_capacity(SENTENCE_TRIGGERS),
            located: args::Located::new(),
        }
    }
}

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::new());
}

/// Finds events, the main one first, the rest in text order.
pub fn find_events(
    doc: &Doc,
    names: &Names,
    timexes: &[Timex],
    reference: Option<NaiveDate>,
) -> Vec<EventMention> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    BUFFERS.with(|b| find_events_with(doc, names, timexes, reference, &mut b.borrow_mut()))
}

/// `find_events` of a document with tokens, in `buffers`.
fn find_events_with(
    doc: &Doc,
    names: &Names,
    timexes: &[Timex],
    reference: Option<NaiveDate>,
    buffers: &mut Buffers,
) -> Vec<EventMention> {
    let Buffers {
        listed: all_listed,
        cands,
        scratch,
        built,
        located,
    } = buffers;
    triggers::listed_words(doc, all_listed);
    let head = headline(doc);
    let ref_day = reference.map(crate::dates::ymd);
    // The headline and the lead, in order (at most four sentences: no list to allocate).
    let mut opening = [0; 4];
    let mut n = 0;
    for s in head.into_iter().chain(lead_sentences(doc, head)) {
        opening[n] = s;
        n += 1;
    }
    let head_and_lead = &opening[..n];
    let lead = &head_and_lead[usize::from(head.is_some())..];
    // The article's company, found on first need (few articles say "the company").
    let company_cell = std::cell::OnceCell::new();
    let company = || *company_cell.get_or_init(|| main_company(doc, names, head_and_lead));
    let titles = std::cell::OnceCell::new();
    // Whether the article names any person with a title (found on first need): without one,
    // no title a participant gives resolves, and none is looked up.
    let titled_cell = std::cell::OnceCell::new();
    let titled = || {
        *titled_cell.get_or_init(|| {
            names
                .entities
                .iter()
                .any(|e| e.kind == Some(Kind::Person) && !e.titles.is_empty())
        })
    };
    // At most one event per listed word, and the headline's own verb.
    let mut drafts: Vec<Draft> = Vec::with_capacity(all_listed.len() + 1);
    // The statements kept so far, by a hash of their speakers and their place in `drafts`,
    // whose speakers they are read from (a sorted set: an article may quote thousands, and most
    // quote a handful). A kept statement's speakers stay as they are while sentences are read:
    // only an event without agents is given some.
    let mut weak_speakers: BTreeSet<(u64, usize)> = BTreeSet::new();
    let mut last_of = LastOf::default();
    // The listed words of the sentences to come.
    let mut listed = all_listed.as_slice();
    // The name mentions before `mention_from` start before the sentences to come: mentions
    // are in text order, so each sentence's (`Names::mentions_in`) are found by stepping on
    // from the last sentence's.
    let mut mention_from = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        let before = listed.iter().take_while(|w| w.0 < s.tokens.start).count();
        let inside = listed[before..]
            .iter()
            .take_while(|w| w.0 < s.tokens.end)
            .count();
        let words = &listed[before..before + inside];
        listed = &listed[before + inside..];
        if words.is_empty() {
            continue;
        }
        while names
            .mentions
            .get(mention_from)
            .is_some_and(|m| m.span.start < s.span.start)
        {
            mention_from += 1;
        }
        let inside = names.mentions[mention_from..]
            .iter()
            .take_while(|m| m.span.end <= s.span.end)
            .count();
        let mentions = &names.mentions[mention_from..mention_from + inside];
        // Those that may hold a token of the sentence: the mentions inside it, and any that
        // starts before it or ends after it while overlapping it.
        let lo = mention_from
            - names.mentions[..mention_from]
                .iter()
                .rev()
                .take_while(|m| m.span.end > s.span.start)
                .count();
        let hi = mention_from
            + inside
            + names.mentions[mention_from + inside..]
                .iter()
                .take_while(|m| m.span.start < s.span.end)
                .count();
        let is_head = head == Some(si);
        let ctx = Ctx {
            doc,
            names,
            mentions: &names.mentions[lo..hi],
            start: s.tokens.start,
            end: s.tokens.end,
            headline: is_head,
            caps: std::cell::OnceCell::new(),
        };
        triggers::find(&ctx, words, cands);
        if cands.is_empty() {
            continue;
        }
        // A sentence reports a handful of happenings; past `MAX_TRIGGERS` words (a table or a
        // run-on without full stops) the rest add nothing but cost.
        cands.truncate(MAX_TRIGGERS);
        // "The Taliban said the bombing late Thursday, which ...": a definite noun right before
        // a recent day repeats an event already reported and dates it, whatever else the
        // sentence reports.
        if let Some(r) = reference.filter(|_| !is_head) {
            date_repeat(doc, timexes, cands, r, &last_of, &mut drafts);
        }
        sentence_events(
            doc,
            names,
            mentions,
            timexes,
            ref_day.as_deref(),
            (si, s.span),
            &ctx,
            cands,
            scratch,
            built,
        );
        for d in built.iter_mut() {
            drop_affected(&mut d.ev);
        }
        speaker_pronoun(doc, names, mentions, built);
        // "said" is a statement only when the sentence reports nothing else, by someone named,
        // once per speaker.
        let others = built.iter().any(|d| !d.weak);
        for mut d in built.drain(..) {
            // Descriptions are resolved for the events that may stay (a statement without a
            // speaker, or beside another event, goes).
            if !d.weak || !others && !d.ev.agents.is_empty() {
                resolve_descriptions(doc, names, &company, &titles, &titled, &mut d);
            }
            if d.weak {
                if others || d.ev.agents.is_empty() {
                    continue;
                }
                let h = speakers_hash(&d.ev.agents);
                let said = weak_speakers
                    .range((h, 0)..=(h, usize::MAX))
                    .any(|&(_, i)| drafts[i].ev.agents == d.ev.agents);
                if said {
                    continue;
                }
                // A statement is told by a verb ("said"), so it repeats no event, and is kept
                // at the next place in `drafts`.
                debug_assert!(!d.anaphoric);
                weak_speakers.insert((h, drafts.len()));
            }
            // "The operation, carried out by ...": a definite noun repeating an event the body
            // already reported adds its participants to it.
            if d.anaphoric {
                let fam = family(d.ev.kind);
                if let Some(prev) = last_of.get(fam).and_then(|i| drafts.get_mut(i)) {
                    if prev.ev.agents.is_empty() {
                        prev.ev.agents = d.ev.agents;
                    }
                    if prev.ev.targets.is_empty() {
                        prev.ev.targets = d.ev.targets;
                    }
                    // "The Taliban said the bombing late Thursday ...": the repeat dates it.
                    // Only a day in the week up to the article's date: "the deadliest stampede,
                    // during the 1991 Hajj" is another happening.
                    let recent = matches!(
                        (d.ev.date.as_deref(), reference),
                        (Some(v), Some(r)) if in_last_week(v, r)
                    );
                    if recent && prev.ev.date_source != "sentence" && d.ev.date_source == "sentence"
                    {
                        prev.ev.date = d.ev.date;
                        prev.ev.date_source = "sentence";
                        prev.ev.date_precision = d.ev.date_precision;
                    }
                    continue;
                }
            }
            if !is_head {
                last_of.insert(family(d.ev.kind), drafts.len());
            }
            locate(doc, names, mentions, &mut d, located);
            drafts.push(d);
        }
    }
    let main = choose_main(doc, names, head, lead, ref_day.as_deref(), &mut drafts);
    if drafts.is_empty() {
        return Vec::new();
    }
    if let (Some(m), Some(r)) = (main, reference) {
        if drafts[m].ev.date_source == "document" {
            if let Some(j) = coreferent_dated(names, &drafts, m, r) {
                let (date, grain) = (drafts[j].ev.date.clone(), drafts[j].ev.date_precision);
                let d = &mut drafts[m].ev;
                d.date = date;
                d.date_source = "coreference";
                d.date_precision = grain;
            }
        }
        let d = &mut drafts[m].ev;
        if d.date_source == "document" {
            if let Some(t) = lead_date(doc, timexes, head_and_lead, r) {
                d.date = Some(t.value.clone());
                d.date_source = "lead";
                d.date_precision = t.grain;
            }
        }
    }
    // "The victims were named as Donald Collett, 62, and 63-year-old Robert Huxley": the
    // people a casualty report names by age are its targets.
    if let Some(m) = main {
        // "A tram derailed ..." then "at least seven people were killed": the lead's casualty
        // report of the same happening names those affected.
        if drafts[m].ev.targets.is_empty() && family(drafts[m].ev.kind) != drafts[m].ev.kind {
            let kind = drafts[m].ev.kind;
            if let Some(t) = drafts
                .iter()
                .find(|o| {
                    is_casualty(o.ev.kind)
                        && lead.contains(&o.sentence)
                        && same_happening(kind, o.ev.kind)
                        && !o.ev.targets.is_empty()
                })
                .map(|o| o.ev.targets.clone())
            {
                drafts[m].ev.targets = t;
            }
        }
        let d = &mut drafts[m].ev;
        if family(d.kind) != d.kind {
            for v in named_victims(doc, names) {
                if !d.targets.contains(&v) && !d.agents.contains(&v) {
                    d.targets.push(v);
                }
            }
        }
    }
    let dateline = args::dateline(doc, names);
    // A reader files the main event under its most specific place and the places containing
    // it: its clause's places ("outside Trump Tower"), then the other places the headline and
    // lead sentence give ("in New York City"), then the dateline.
    if let Some(m) = main {
        let first = lead.first().copied();
        let d = &mut drafts[m];
        let own = !d.place_ids.is_empty();
        for (si, source) in [(head, "headline"), (first, "lead")] {
            let Some(s) = si.and_then(|s| doc.sentences.get(s)) else {
                continue;
            };
            for mention in names.mentions_in(s.span) {
                let e = mention.entity;
                let Some(ent) = names.entities.get(e) else {
                    continue;
                };
                if ent.kind != Some(Kind::Place) || d.place_ids.contains(&e) {
                    continue;
                }
                if d.place_ids.is_empty() {
                    d.ev.place_source = source;
                }
                d.place_ids.push(e);
                d.ev.places.push(ent.name.clone());
            }
        }
        if let Some(e) = dateline.filter(|e| !d.place_ids.contains(e)) {
            if let Some(ent) = names.entities.get(e) {
                if d.place_ids.is_empty() {
                    d.ev.place_source = "dateline";
                }
                d.place_ids.push(e);
                d.ev.places.push(ent.name.clone());
            }
        }
        if own {
            d.ev.place_source = "sentence";
        }
    }
    // Places the sentence does not give: the dateline, else the article's main place (found on
    // first need).
    let focus = std::cell::OnceCell::new();
    let focus_id = || {
        *focus.get_or_init(|| {
            let focus = crate::places::focus(names).and_then(|f| f.place);
            focus.as_ref().and_then(|n| {
                names
                    .entities
                    .iter()
                    .position(|e| e.kind == Some(Kind::Place) && &e.name == n)
            })
        })
    };
    // A main event placed only at a site the gazetteer does not know ("Interlagos") is also
    // filed under the article's main place ("Sao Paulo").
    let known = |e: usize| names.entities.get(e).is_some_and(|e| e.place.is_some());
    let town = || {
        focus_id().filter(|&f| known(f)).or_else(|| {
            names.entities.iter().position(|e| {
                e.kind == Some(Kind::Place)
                    && e.place
                        .is_some_and(|p| matches!(p.kind, "city" | "subdivision"))
            })
        })
    };
    if let Some(m) = main {
        let d = &mut drafts[m];
        let only_sites = !d.place_ids.is_empty() && d.place_ids.iter().all(|&e| !known(e));
        if only_sites {
            if let Some(f) = town().filter(|f| !d.place_ids.contains(f)) {
                if let Some(ent) = names.entities.get(f) {
                    d.place_ids.push(f);
                    d.ev.places.push(ent.name.clone());
                }
            }
        }
    }
    for d in &mut drafts {
        // The place given here, if any (the drafts' place ids are read for the last time).
        let mut given = None;
        if d.ev.places.is_empty() {
            let (id, source) = match dateline {
                Some(id) => (Some(id), "dateline"),
                None => match focus_id() {
                    Some(id) => (Some(id), "document"),
                    None => (None, "none"),
                },
            };
            d.ev.place_source = source;
            if let Some(e) = id.and_then(|id| names.entities.get(id).map(|e| (id, e))) {
                // The one place, in a list sized for it.
                d.ev.places = vec![e.1.name.clone()];
                given = Some(e.0);
            }
        }
        d.ev.place_precision = d
            .place_ids
            .iter()
            .copied()
            .chain(given)
            .map(|e| place_grain(names, e))
            .min()
            .filter(|g| *g < 4)
            .map(grain_name);
    }
    let mut out: Vec<EventMention> = Vec::with_capacity(drafts.len());
    if let Some(m) = main {
        out.push(*drafts.remove(m).ev);
    }
    out.extend(drafts.into_iter().map(|d| *d.ev));
    out
}

/// Places an event a sentence keeps (its clause's places, else its sentence's) and reads its
/// polarity: left out of `sentence_events`, as most statements a sentence reports are
/// dropped.
fn locate(
    doc: &Doc,
    names: &Names,
    mentions: &[NameMention],
    d: &mut Draft,
    located: &mut args::Located,
) {
    let s = &doc.sentences[d.sentence];
    let (a, b) = d.clause;
    let mut place_ids = args::places(
        doc,
        names,
        mentions,
        s.tokens.start,
        s.tokens.end,
        a,
        b,
        d.first,
        d.noun,
        located,
    );
    place_ids.sort_by_key(|&e| place_grain(names, e));
    d.ev.places = place_ids
        .iter()
        .filter_map(|&e| names.entities.get(e).map(|e| e.name.clone()))
        .collect();
    d.place_ids = place_ids;
    (d.ev.negated, d.ev.hedged) = args::polarity(doc, a, d.first);
}

/// Groups one sentence's triggers into events and fills their clauses, counts, participants
/// and dates (`locate` fills the rest).
#[allow(clippy::too_many_arguments)]
fn sentence_events(
    doc: &Doc,
    names: &Names,
    mentions: &[NameMention],
    timexes: &[Timex],
    reference: Option<&str>,
    (si, sentence): (usize, Span),
    ctx: &Ctx,
    cands: &[Cand],
    scratch: &mut Scratch,
    drafts: &mut Vec<Draft>,
) {
    let Scratch {
        keys,
        group_kind,
        members,
        groups,
        stops,
        in_sentence,
        clauses,
        own,
    } = scratch;
    // Groups: one for violence and mishaps, one per other type, in order of first trigger;
    // `members` holds each group's triggers in turn.
    keys.clear();
    keys.extend(cands.iter().map(|c| {
        if is_casualty(c.kind) || is_cause(c.kind) {
            "violence"
        } else {
            c.kind
        }
    }));
    group_kind.clear();
    for &key in keys.iter() {
        if !group_kind.contains(&key) {
            group_kind.push(key);
        }
    }
    // "won the election": the election, not a contest.
    if group_kind.contains(&"election") {
        group_kind.retain(|k| *k != "contest");
    }
    members.clear();
    groups.clear();
    for &kind in group_kind.iter() {
        let from = members.len();
        members.extend((0..cands.len()).filter(|&ci| keys[ci] == kind));
        groups.push(from..members.len());
    }
    let (start, end) = (ctx.start, ctx.end);
    drafts.clear();
    // "said" beside another event is dropped (see `find_events`).
    let others = groups
        .iter()
        .any(|r| members[r.clone()].iter().any(|&m| !cands[m].weak));
    for g in groups.iter().map(|r| &members[r.clone()]) {
        let chosen = choose_trigger(doc, cands, g, start);
        let (ci, kind) = chosen;
        let c = &cands[ci];
        // Other events' verbs end a clause; nouns sit inside one ("blames her defeat on Comey").
        stops.clear();
        for (k, o) in cands.iter().enumerate() {
            if !o.noun && !g.contains(&k) {
                stops.extend(o.first..o.last + 1);
            }
        }
        // The group's clauses together (the chosen trigger is one of the group).
        let (mut a, mut b) = (usize::MAX, 0);
        for &m in g {
            let (ma, mb) = args::clause(
                doc,
                start,
                end,
                cands[m].first,
                cands[m].last,
                cands[m].noun,
                stops,
            );
            a = a.min(ma);
            b = b.max(mb);
        }
        let violent = is_casualty(kind) || is_cause(kind);
        let (count, victims) = if violent || kind == "arrest" {
            let (mut count, victims) = args::counts(doc, start, end);
            count.retain(|k, _| {
                if violent {
                    k != "arrested"
                } else {
                    k == "arrested"
                }
            });
            (count, victims)
        } else {
            (BTreeMap::new(), None)
        };
        // "Several people died ... after a tram derailed": the casualty verb names the victims.
        let victims = victims
            .filter(|_| violent && !count.is_empty())
            .or_else(|| {
                g.iter()
                    .map(|&m| &cands[m])
                    .find(|m| {
                        is_casualty(m.kind)
                            && !m.noun
                            && (m.first != c.first || m.kind != "killing")
                    })
                    .and_then(|m| {
                        args::victim_phrase(doc, start.max(m.first.saturating_sub(6)), m.first)
                    })
            });
        let weak = g.iter().all(|&m| cands[m].weak);
        let unread = weak && others;
        let parts = if unread {
            args::Parts::default()
        } else {
            args::participants(
                doc, names, mentions, a, b, c.first, c.last, kind, c.noun, victims,
            )
        };
        let anaphoric = g.iter().all(|&m| cands[m].noun && cands[m].definite)
            && count.is_empty()
            && !ctx.headline;
        drafts.push(Draft {
            ev: Box::new(EventMention {
                kind,
                trigger: doc.span(c.first, c.last),
                sentence,
                date: None,
                date_source: "none",
                date_precision: None,
                places: Vec::new(),
                place_source: "sentence",
                place_precision: None,
                agents: parts.agents,
                targets: parts.targets,
                count,
                negated: false,
                hedged: false,
            }),
            sentence: si,
            first: c.first,
            last: c.last,
            clause: (a, b),
            noun: c.noun,
            weak,
            anaphoric,
            place_ids: Vec::new(),
            unread,
        });
    }
    // Dates: the event's clause, else the sentence outside other events' clauses, else the
    // statement reporting it, else the reference date.
    let lo = timexes.partition_point(|t| t.span.start < sentence.start);
    in_sentence.clear();
    in_sentence.extend(
        (lo..timexes.len())
            .take_while(|&i| timexes[i].span.start < sentence.end)
            .filter(|&i| sentence.contains(timexes[i].span) && usable(&timexes[i])),
    );
    let tok_span = |(a, b): (usize, usize)| -> Span {
        if a < b {
            Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
        } else {
            Span::new(0, 0)
        }
    };
    clauses.clear();
    clauses.extend(drafts.iter().map(|d| tok_span(d.clause)));
    own.clear();
    let span_of = |i: usize| timexes[i].span;
    for (k, d) in drafts.iter().enumerate() {
        let trig = d.ev.trigger.start;
        let elsewhere = |t: Span| {
            clauses
                .iter()
                .enumerate()
                .any(|(j, c)| j != k && c.contains(t))
        };
        // "blamed Comey for her defeat in Tuesday's election ... on Saturday": a date shared
        // with another event's phrase is that event's; the clause's own date comes first.
        let mine = in_sentence
            .iter()
            .copied()
            .filter(|&t| clauses[k].contains(span_of(t)) && !elsewhere(span_of(t)))
            .min_by_key(|&t| span_of(t).start.abs_diff(trig))
            .or_else(|| {
                in_sentence
                    .iter()
                    .copied()
                    .filter(|&t| clauses[k].contains(span_of(t)))
                    .min_by_key(|&t| span_of(t).start.abs_diff(trig))
            });
        let loose = || {
            in_sentence
                .iter()
                .copied()
                .filter(|&t| !elsewhere(span_of(t)))
                .min_by_key(|&t| span_of(t).start.abs_diff(trig))
        };
        // "The death toll from the bombing rose to six Friday": the day dates the count, not
        // the bombing.
        let toll = d.noun && toll_update(doc, ctx.start, d.first, ctx.end);
        own.push(if toll { None } else { mine.or_else(loose) });
    }
    for k in 0..drafts.len() {
        // A statement left unread beside another event is dropped (see `find_events`): its
        // clause bounds the others' dates above, but it needs no date of its own.
        if drafts[k].unread {
            continue;
        }
        let report = if own[k].is_none() {
            (0..drafts.len())
                .find(|&j| {
                    j != k
                        && drafts[j].ev.kind == "statement"
                        && drafts[j].first < drafts[k].first
                        && own[j].is_some()
                })
                .and_then(|j| own[j])
        } else {
            None
        };
        let (own, report) = (own[k].map(|t| &timexes[t]), report.map(|t| &timexes[t]));
        let d = &mut drafts[k].ev;
        match (own, report, reference) {
            (Some(t), _, _) => {
                d.date = Some(t.value.clone());
                d.date_source = "sentence";
                d.date_precision = t.grain;
            }
            (None, Some(t), _) => {
                d.date = Some(t.value.clone());
                d.date_source = "report";
                d.date_precision = t.grain;
            }
            (None, None, Some(r)) => {
                d.date = Some(r.to_string());
                d.date_source = "document";
                d.date_precision = Some("day");
            }
            (None, None, None) => {}
        }
    }
}

/// How many triggers a sentence's buffers are first sized for: most hold fewer.
const SENTENCE_TRIGGERS: usize = 8;

/// Buffers the sentences of a document reuse in `sentence_events`.
struct Scratch {
    /// Each trigger's group key.
    keys: Vec<&'static str>,
    /// The groups' keys, in order.
    group_kind: Vec<&'static str>,
    /// The groups' triggers, group after group.
    members: Vec<usize>,
    /// Each group's range of `members`.
    groups: Vec<std::ops::Range<usize>>,
    /// Other events' verb tokens.
    stops: Vec<usize>,
    /// The sentence's dates (positions in the document's dates).
    in_sentence: Vec<usize>,
    /// Each event's clause.
    clauses: Vec<Span>,
    /// Each event's own date (a position in the document's dates).
    own: Vec<Option<usize>>,
}

impl Scratch {
    /// Buffers sized for a sentence with a few triggers.
    fn new() -> Self {
        let n = SENTENCE_TRIGGERS;
        Scratch {
            keys: Vec::with_capacity(n),
            group_kind: Vec::with_capacity(n),
            members: Vec::with_capacity(n),
            groups: Vec::with_capacity(n),
            stops: Vec::with_capacity(n),
            in_sentence: Vec::with_capacity(n),
            clauses: Vec::with_capacity(n),
            own: Vec::with_capacity(n),
        }
    }
}

/// The trigger and type of a group: the cause of casualties ("killed ... when a tram
/// derailed": accident), unless someone killed in an operation ("forces killed X in an
/// operation": killing) or the cause only repeats an earlier report ("the operation resulted in
/// the deaths of eight": killing).
fn choose_trigger(doc: &Doc, cands: &[Cand], g: &[usize], start: usize) -> (usize, &'static str) {
    let first_verb = |f: &dyn Fn(&Cand) -> bool| {
        g.iter()
            .copied()
            .find(|&m| f(&cands[m]) && !cands[m].noun)
            .or_else(|| g.iter().copied().find(|&m| f(&cands[m])))
    };
    if g.len() == 1 || !is_casualty(cands[g[0]].kind) && !is_cause(cands[g[0]].kind) {
        let m = first_verb(&|_| true).unwrap_or(g[0]);
        // A strong statement verb beats "said".
        let m = g
            .iter()
            .copied()
            .find(|&k| !cands[k].weak && !cands[k].noun)
            .unwrap_or(m);
        return (m, cands[m].kind);
    }
    // "a truck bombing ..., which tore a crater and overturned cars": a mishap beside an attack
    // is its effect.
    let cause = first_verb(&|c| matches!(c.kind, "attack" | "military-operation" | "abduction"))
        .or_else(|| first_verb(&|c| is_cause(c.kind)));
    let casualty = first_verb(&|c| is_casualty(c.kind));
    let violent_cause = cause
        .is_some_and(|c| matches!(cands[c].kind, "attack" | "military-operation" | "abduction"));
    match (cause, casualty) {
        (Some(c), Some(k)) => {
            let agentive = cands[k].kind == "killing"
                && !cands[k].noun
                && !args::passive(doc, start, cands[k].first);
            if cands[c].noun && (agentive || cands[c].definite) {
                let kind = if violent_cause && cands[k].kind == "death" {
                    "killing"
                } else {
                    cands[k].kind
                };
                (k, kind)
            } else {
                (c, cands[c].kind)
            }
        }
        (Some(c), None) => (c, cands[c].kind),
        (None, Some(k)) => {
            // "killed" beats "dead" in one sentence.
            let m = g
                .iter()
                .copied()
                .find(|&m| cands[m].kind == "killing" && !cands[m].noun)
                .unwrap_or(k);
            (m, cands[m].kind)
        }
        (None, None) => (g[0], cands[g[0]].kind),
    }
}

/// True when the noun trigger at `i` sits in a count's subject ("the death toll from the
/// bombing") whose verb updates it ("rose", "climbed", "reached").
fn toll_update(doc: &Doc, start: usize, i: usize, end: usize) -> bool {
    // Matched on the tokens' bytes (no character boundaries to check).
    let toll = (i.saturating_sub(8).max(start)..i)
        .any(|j| matches!(doc.lower_bytes(j), b"toll" | b"tally" | b"number"));
    toll && (i + 1..end.min(i + 15)).any(|j| {
        matches!(
            doc.tok_bytes(j),
            b"rose"
                | b"risen"
                | b"climbed"
                | b"increased"
                | b"reached"
                | b"jumped"
                | b"rises"
                | b"climbs"
        )
    })
}

/// True when the word at `i` only reports speech ("said", "says").
fn weak_word(doc: &Doc, i: usize) -> bool {
    triggers::rows_for_token(doc, i)
        .is_some_and(|r| r.iter().all(|r| r.cue == triggers::Cue::Report))
}

/// True unless the trigger sits in a purpose or time clause of its sentence ("to meet",
/// "after crashing out").
fn main_clause(doc: &Doc, d: &Draft) -> bool {
    let s = &doc.sentences[d.sentence];
    let subordinate = (s.tokens.start..d.first).any(|j| {
        matches!(
            doc.lower_bytes(j),
            b"after"
                | b"before"
                | b"as"
                | b"while"
                | b"when"
                | b"following"
                | b"amid"
                | b"since"
                | b"until"
                // "Police name victims of a crash that killed seven": a relative clause.
                | b"that"
                | b"which"
        )
    });
    let infinitive = d.first > s.tokens.start && doc.lower_bytes(d.first - 1) == b"to";
    !subordinate && !infinitive
}

/// True when the trigger sits in a clause giving a cause ("suspending payments due to last
/// week's earthquake"): the earthquake is not what the article reports.
fn cause_clause(doc: &Doc, d: &Draft) -> bool {
    let s = &doc.sentences[d.sentence];
    (s.tokens.start + 1..d.first).any(|j| {
        let pair = (doc.lower_bytes(j - 1), doc.lower_bytes(j));
        matches!(pair, (b"due" | b"owing", b"to") | (b"because", b"of"))
    })
}

/// The main event: the headline's event as the lead reports it; without a headline, the lead's
/// first concrete event. Fills the lead event's gaps from the headline event and drops the
/// headline event. Returns the index of the main event in `drafts`.
fn choose_main(
    doc: &Doc,
    names: &Names,
    head: Option<usize>,
    lead: &[usize],
    reference: Option<&str>,
    drafts: &mut Vec<Draft>,
) -> Option<usize> {
    let Some(h) = head else {
        return choose_reported(doc, names, head, lead, drafts);
    };
    // Only a verb before the headline's own triggers is its main verb.
    // Triggers in a subordinate clause ("While the U.S. talks about election, UK outraged over
    // Toblerone") bound nothing.
    let bound = drafts
        .iter()
        .filter(|d| d.sentence == h && main_clause(doc, d))
        .map(|d| d.first)
        .min()
        .unwrap_or(usize::MAX);
    let main = choose_reported(doc, names, head, lead, drafts);
    // The headline's own verb when the reported main event is only a statement, or none, or
    // the headline's event sits in a subordinate clause: "Toblerone sparks outrage" over a
    // "said" in the body, "Felipe Massa makes an emotional farewell after crashing out".
    // Also when nothing the headline or lead reports is an event: a happening told further
    // down ("Richard Cordray's appointment") is not what "CFPB records fewer complaints" is
    // about.
    let weak = main.is_none_or(|m| {
        let d = &drafts[m];
        d.ev.kind == "statement"
            || d.sentence == h && !main_clause(doc, d)
            || d.sentence != h && !lead.contains(&d.sentence)
            || cause_clause(doc, d)
    });
    if weak {
        let s = &doc.sentences[h];
        let title_case = triggers::title_case(doc, s.tokens.start, s.tokens.end, true);
        if let Some(v) = headline::verb(doc, names, h, title_case, bound) {
            drafts.push(verb_event(doc, names, h, v, reference));
            return Some(drafts.len() - 1);
        }
    }
    main
}

/// The main event among the reported ones: the headline's event as the lead reports it;
/// without one, the lead's first concrete event.
fn choose_reported(
    doc: &Doc,
    names: &Names,
    head: Option<usize>,
    lead: &[usize],
    drafts: &mut Vec<Draft>,
) -> Option<usize> {
    if drafts.is_empty() {
        return None;
    }
    let in_lead = |d: &Draft| lead.contains(&d.sentence);
    let heads: Vec<usize> = (0..drafts.len())
        .filter(|&i| head == Some(drafts[i].sentence) && !drafts[i].ev.negated)
        .collect();
    let lead_match = |h: &Draft, drafts: &[Draft]| -> Option<usize> {
        (0..drafts.len())
            .filter(|&i| {
                in_lead(&drafts[i])
                    && same_happening(h.ev.kind, drafts[i].ev.kind)
                    && !drafts[i].ev.negated
                    // "FBI declares ...": the lead's "said" adds nothing to the headline's verb.
                    && (h.weak || !weak_word(doc, h.first) || !weak_word(doc, drafts[i].first))
            })
            .min_by_key(|&i| {
                let d = &drafts[i];
                let rank = lead.iter().position(|&s| s == d.sentence).unwrap_or(9);
                (d.ev.kind != h.ev.kind, d.noun, rank, d.first)
            })
    };
    if !heads.is_empty() {
        // Each headline event with its match in the lead, read once.
        let (best, matched) = heads
            .iter()
            .map(|&i| (i, lead_match(&drafts[i], drafts)))
            .max_by_key(|&(i, matched)| {
                let d = &drafts[i];
                (
                    main_clause(doc, d),
                    matched.is_some(),
                    !d.noun,
                    weight(d.ev.kind),
                    std::cmp::Reverse(d.first),
                )
            })
            .unwrap_or((heads[0], None));
        if let Some(l) = matched {
            // The headline's event is dropped: what the lead's lacks is taken from it.
            let h = drafts.remove(best);
            let l = if l > best { l - 1 } else { l };
            let main = &mut drafts[l];
            // The headline's named participants over the lead's phrases: "Taliban Strike ..."
            // over "the insurgents struck".
            if main.ev.agents.is_empty()
                || named(names, &h.ev.agents) && !named(names, &main.ev.agents)
            {
                main.ev.agents = h.ev.agents;
            }
            if main.ev.targets.is_empty() {
                main.ev.targets = h.ev.targets;
            }
            // The headline's places name the same happening: "Tram Derails in Croydon".
            if main.ev.places.is_empty() && !h.ev.places.is_empty() {
                main.ev.place_source = "headline";
            }
            for (name, id) in h.ev.places.into_iter().zip(h.place_ids) {
                if !main.ev.places.contains(&name) {
                    main.ev.places.push(name);
                    main.place_ids.push(id);
                }
            }
            for (k, v) in h.ev.count {
                main.ev.count.entry(k).or_insert(v);
            }
            return Some(l);
        }
        return Some(best);
    }
    let concrete = (0..drafts.len())
        .find(|&i| in_lead(&drafts[i]) && weight(drafts[i].ev.kind) > 0 && !drafts[i].ev.negated);
    concrete
        .or_else(|| (0..drafts.len()).find(|&i| in_lead(&drafts[i])))
        .or(Some(0))
}

/// True when some participant is a name the record lists (not a phrase such as "insurgents").
fn named(names: &Names, parts: &[String]) -> bool {
    parts.iter().any(|p| {
        names
            .entities
            .iter()
            .any(|e| e.kind.is_some() && &e.name == p)
    })
}

/// The main event from the headline's own verb ("Toblerone sparks outrage"): type `other`,
/// its subject the agent, its object the target, dated and placed like any main event.
fn verb_event(doc: &Doc, names: &Names, h: usize, v: usize, reference: Option<&str>) -> Draft {
    let s = &doc.sentences[h];
    let (a, b) = (s.tokens.start, s.tokens.end);
    let mentions = sentence_mentions(&names.mentions, s.span);
    let mut parts = args::participants(doc, names, mentions, a, b, v, v, "other", false, None);
    if parts.agents.is_empty() {
        parts.agents.extend(headline::subject(doc, h, v));
    }
    // "ECUADOR SUSPENDS PAYMENTS", "ROYEX MAKES BID ...": shouted words that are a name the
    // body gives, or the first word of one ("Royex Gold Mining Corp"), stand for it.
    if s.shouted {
        for p in parts.agents.iter_mut().chain(parts.targets.iter_mut()) {
            let same = names
                .entities
                .iter()
                .find(|e| e.kind.is_some() && e.name.eq_ignore_ascii_case(p));
            let full = same.or_else(|| {
                names.entities.iter().find(|e| {
                    !p.contains(' ')
                        && matches!(e.kind, Some(Kind::Organisation | Kind::Person))
                        && e.name.len() > p.len()
                        && e.name
                            .split(' ')
                            .next()
                            .is_some_and(|w| w.eq_ignore_ascii_case(p))
                })
            });
            if let Some(e) = full {
                *p = e.name.clone();
            }
        }
    }
    let mut place_ids = args::places(doc, names, mentions, a, b, a, b, v, false, &mut Vec::new());
    place_ids.sort_by_key(|&e| place_grain(names, e));
    Draft {
        ev: Box::new(EventMention {
            kind: "other",
            trigger: doc.span(v, v),
            sentence: s.span,
            date: reference.map(str::to_string),
            date_source: if reference.is_some() {
                "document"
            } else {
                "none"
            },
            date_precision: reference.map(|_| "day"),
            places: place_ids
                .iter()
                .filter_map(|&e| names.entities.get(e).map(|e| e.name.clone()))
                .collect(),
            place_source: "sentence",
            place_precision: None,
            agents: parts.agents,
            targets: parts.targets,
            count: BTreeMap::new(),
            negated: false,
            hedged: false,
        }),
        sentence: h,
        first: v,
        last: v,
        clause: (a, b),
        noun: false,
        weak: false,
        anaphoric: false,
        place_ids,
        unread: false,
    }
}

/// The `events` record section.
pub fn to_record(events: &[EventMention], off: &Offsets) -> Vec<Event> {
    into_record(events.to_vec(), off)
}

/// The `events` record section, taking the events' names and values rather than copying them.
pub fn into_record(events: Vec<EventMention>, off: &Offsets) -> Vec<Event> {
    events
        .into_iter()
        .map(|e| Event {
            kind: Cow::Borrowed(e.kind),
            trigger: off.trigger(e.trigger),
            sentence: off.span(e.sentence),
            date: e.date,
            date_source: Cow::Borrowed(e.date_source),
            date_precision: e.date_precision.map(Cow::Borrowed),
            places: e.places,
            place_source: Cow::Borrowed(e.place_source),
            place_precision: e.place_precision.map(Cow::Borrowed),
            agents: e.agents,
            targets: e.targets,
            count: e.count,
            negated: e.negated,
            hedged: e.hedged,
        })
        .collect()
}
