//! Organisations: heads and suffixes ("Ministry", "Party", "Inc"), well-known names, acronyms
//! and their expansions ("Islamic State (ISIS)"); the `organisations` record section.
//!
//! Input: token ranges of name chunks. Output: `Typed` organisations, acronym aliases linked to
//! their expansion, and record entries. Does not tell companies from agencies beyond what the
//! gazetteer says.

use crate::gazetteer::{self, Key, OrgRow};
use crate::names::{range_key, tok_key, KeyedDoc, Kind, Names, Typed};
use crate::record::{Offsets, Organisation};
use crate::text::words::WordSet;
use crate::text::{Doc, Span, TokenKind};

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
    // The letters are every byte but periods and ampersands: a byte outside ASCII is no capital.
    let (mut letters, mut roman) = (0, true);
    for &c in text.as_bytes().iter().filter(|&&c| c != b'.' && c != b'&') {
        if !c.is_ascii_uppercase() {
            return false;
        }
        letters += 1;
        roman &= matches!(c, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M');
    }
    if !(2..=6).contains(&letters) || roman {
        return false;
    }
    // Shouted words ("DATE", "ISSUER") and time zones are not organisations.
    !gazetteer::is_common_word(text)
        && !matches!(
            text,
            "GMT" | "UTC" | "EDT" | "EST" | "CDT" | "CST" | "PDT" | "PST" | "BST" | "CET" | "CEST"
        )
}

/// Looks a whole name up in the organisation gazetteer (`key` its key). Short all-capital
/// aliases ("IS", "AP") must match case exactly, unless `caps` (a shouted line) says case means
/// nothing.
pub fn lookup(text: &str, key: &Key, span: Span, caps: bool) -> Option<Typed> {
    lookup_row(key.organisation()?, text, span, caps)
}

/// `lookup` of a name whose key is `row`'s: the caller asked the table first, so that a name it
/// does not hold costs no more than the probe (no text sliced out).
pub fn lookup_row(row: &'static OrgRow, text: &str, span: Span, caps: bool) -> Option<Typed> {
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
pub fn classify(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    let span = doc.span(a, b - 1);
    // (A well-known name was looked up whole before: see `names::whole_gazetteer`.)
    // "Acme Corp", "Labour Party", "Ministry of Defence" (a head first, with "of").
    if b - a >= 2 {
        match tok_key(doc, b - 1).org_word() {
            Some("suffix") | Some("head") => {
                return Some(Typed::new(span, Kind::Organisation, "organisation-head", 2));
            }
            _ => {}
        }
        // The words first, the table after: most names hold no "of" or "for".
        if (a..b).any(|i| doc.tok(i) == "of" || doc.tok(i) == "for")
            && matches!(tok_key(doc, a).org_word(), Some("head" | "prefix"))
        {
            return Some(Typed::new(span, Kind::Organisation, "organisation-head", 2));
        }
    }
    if is_team_name(doc, a, b) {
        let mut t = Typed::new(span, Kind::Organisation, "place+team-name", 2);
        t.org_kind = Some("sports");
        return Some(t);
    }
    None
}

/// "the Shabab group", "the Wagner militia": an unknown name between "the" and a lower-case
/// word for an armed or political body.
pub fn from_context(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    if a == 0 || b >= doc.tokens.len() || b - a > 3 {
        return None;
    }
    if !matches!(doc.tok(a - 1), "the" | "The")
        || !matches!(
            doc.tok(b),
            "group" | "militia" | "movement" | "faction" | "rebels" | "militants"
        )
    {
        return None;
    }
    // "the Islamic group", "the Kurdish rebels": an adjective, not a name.
    let last = doc.tok(b - 1);
    let adjective = tok_key(doc, b - 1).demonym().is_some()
        || ["ic", "ist", "ish", "ian", "ese", "ite"]
            .iter()
            .any(|s| last.ends_with(s));
    if adjective || range_key(doc, a, b).is_common_word() || tok_key(doc, a).given_name().is_some()
    {
        return None;
    }
    Some(Typed::new(
        doc.span(a, b - 1),
        Kind::Organisation,
        "name+group",
        1,
    ))
}

/// True for an institution named after the building that houses it ("White House",
/// "Kremlin"): "at the White House" and "a White House meeting" place an event there.
pub fn is_seat(name: &str) -> bool {
    matches!(
        name,
        "White House"
            | "Kremlin"
            | "Pentagon"
            | "Elysee Palace"
            | "Élysée Palace"
            | "Elysee"
            | "Élysée"
            | "Blue House"
            | "Capitol"
            | "Zhongnanhai"
            | "Vatican"
            | "Buckingham Palace"
            | "Chancellery"
    )
}

/// "Chicago Cubs", "Kansas City Royals", "Cleveland Indians": a town or region, then a
/// capitalised plural that is no surname ("Houston Williams") and no plural landform ("Golan
/// Heights", "Niagara Falls").
fn is_team_name(doc: &KeyedDoc, a: usize, b: usize) -> bool {
    if !(2..=4).contains(&(b - a)) {
        return false;
    }
    let last = doc.tok(b - 1);
    let plural = last.len() >= 4
        && last.starts_with(|c: char| c.is_ascii_uppercase())
        && last[1..].bytes().all(|c| c.is_ascii_lowercase())
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is");
    if !plural {
        return false;
    }
    let last_key = tok_key(doc, b - 1);
    if last_key.surname().is_some_and(|f| f > 15_000) {
        return false;
    }
    if matches!(
        last,
        "Islands"
            | "Isles"
            | "Heights"
            | "Falls"
            | "Springs"
            | "Hills"
            | "Mountains"
            | "Lakes"
            | "Plains"
            | "Keys"
            | "Rapids"
            | "Highlands"
            | "Lowlands"
            | "Territories"
            | "Emirates"
            | "States"
            | "Provinces"
            | "Alps"
            | "Rockies"
            | "Marshes"
            | "Woods"
            | "Sands"
            | "Flats"
            | "Shoals"
            | "Cliffs"
            | "Downs"
            | "Fields"
            | "Gardens"
            | "Towers"
            | "Docks"
            | "Courts"
            | "Games"
            | "Series"
            | "Olympics"
            | "Championships"
            | "Awards"
            | "Affairs"
            | "Forces"
            | "Services"
            | "News"
            | "Times"
    ) || last_key.org_word().is_some()
    {
        return false;
    }
    // "South Koreans", "North Americans": a people, not a side.
    if range_key(doc, a, b).demonym().is_some()
        || matches!(
            doc.tok(a),
            "North"
                | "South"
                | "East"
                | "West"
                | "Central"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
        )
    {
        return false;
    }
    range_key(doc, a, b - 1)
        .places()
        .ids()
        .any(|p| matches!(p.kind(), "city" | "subdivision" | "region") || p.population() >= 50_000)
}

/// The token index of the acronym in "( ACRONYM )" right after token `after_name - 1`, if any.
fn acronym_after(doc: &Doc, after_name: usize) -> Option<usize> {
    if after_name + 2 >= doc.tokens.len()
        || doc.tok(after_name) != "("
        || doc.tok(after_name + 2) != ")"
    {
        return None;
    }
    is_acronym(doc.tok(after_name + 1)).then_some(after_name + 1)
}

/// "Organisation for Security and Cooperation in Europe (OSCE)": finds the words before the
/// parenthesis whose initials spell the acronym (small words such as "and", "of", "the" may
/// stand between them) and adds the whole expansion as one name. The chunker splits such
/// names at "and" and "in"; the acronym puts them back together. True when the text holds a
/// "(" at all (else there is no acronym in parentheses for `link_acronyms` either).
pub fn expand_acronyms(doc: &KeyedDoc, typed: &mut Vec<Typed>) -> bool {
    let mut added = Vec::new();
    let mut parenthesis = false;
    // Every "(" of the text is a token of its own: found by a byte search, not token by token.
    for open in memchr::memchr_iter(b'(', doc.text.as_bytes()) {
        parenthesis = true;
        let i = doc.token_at(open) + 1;
        if i < 2
            || i + 1 >= doc.tokens.len()
            || doc.tok_bytes(i + 1) != b")"
            || !is_acronym(doc.tok(i))
        {
            continue;
        }
        let letters: Vec<char> = doc
            .tok(i)
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        let Some(start) = initials_before(doc, i - 1, &letters) else {
            continue;
        };
        let end = i - 2;
        if end <= start {
            continue;
        }
        let span = doc.span(start, end);
        let mut t = Typed::new(span, Kind::Organisation, "acronym-expansion", 3);
        let key = range_key(doc, start, end + 1);
        if let Some(row) = key.organisation() {
            t.org = Some(row);
        } else if let Some(p) = crate::places::lookup(&key, span, "acronym-expansion") {
            t = p;
            t.strength = 3;
        }
        added.push(t);
    }
    typed.extend(added);
    parenthesis
}

/// The first token of the words before token `paren` whose initials spell `letters`.
fn initials_before(doc: &Doc, paren: usize, letters: &[char]) -> Option<usize> {
    let mut need = letters.len();
    let mut j = paren;
    let mut start = None;
    while need > 0 && j > 0 && paren - j < 12 {
        j -= 1;
        let t = doc.tok(j);
        if doc.tokens[j].kind != TokenKind::Word || doc.tokens[j + 1].after_newline {
            return None;
        }
        if matches!(
            t,
            "and"
                | "of"
                | "for"
                | "the"
                | "in"
                | "on"
                | "de"
                | "des"
                | "du"
                | "la"
                | "le"
                | "&"
                | "to"
        ) {
            continue;
        }
        // "al-Qaeda in the Arabian Peninsula (AQAP)": the letter after a particle counts.
        let first = match t.split_once('-') {
            Some((head, rest))
                if matches!(
                    head.to_ascii_lowercase().as_str(),
                    "al" | "el" | "ad" | "an" | "ar" | "as" | "ash" | "at" | "az"
                ) =>
            {
                rest.chars().next()?
            }
            _ => t.chars().next()?,
        };
        if !first.is_uppercase() || !first.to_uppercase().eq(std::iter::once(letters[need - 1])) {
            return None;
        }
        need -= 1;
        start = Some(j);
        // "Al-Qaeda" may give two letters: A and Q.
        let head = t.chars().next()?;
        if need > 0 && head != first && head.to_ascii_uppercase() == letters[need - 1] {
            need -= 1;
        }
    }
    if need == 0 {
        start
    } else {
        None
    }
}

/// True when `acronym` can stand for `name`: not a person ("Pete Sampras (U.S.)" gives a
/// nationality), and either the same gazetteer organisation or the same first letter.
fn acronym_fits(doc: &Doc, name: &Typed, acronym: &Typed) -> bool {
    if name.kind == Kind::Person {
        return false;
    }
    if name.org.is_some() && name.org == acronym.org {
        return true;
    }
    let first = |t: &Typed| {
        t.span
            .of(doc.text)
            .chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_uppercase())
    };
    first(name) == first(acronym)
}

/// Links "Expansion (ACRONYM)" and "ACRONYM (Expansion)": the acronym becomes another name of
/// the expansion, takes its kind, and (through grouping) every bare mention of it follows.
pub fn link_acronyms(doc: &Doc, typed: &mut [Typed]) {
    let at = |typed: &[Typed], start: usize| -> Option<usize> {
        let k = typed.partition_point(|t| t.span.start < start);
        (k < typed.len() && typed[k].span.start == start).then_some(k)
    };
    for i in 0..typed.len() {
        let after = doc.token_at(typed[i].span.end);
        if after >= doc.tokens.len() || doc.tok(after) != "(" {
            continue;
        }
        if let Some(acr) = acronym_after(doc, after) {
            // "Islamic State (ISIS)".
            let Some(j) = at(typed, doc.tokens[acr].span.start) else {
                continue;
            };
            if j == i
                || typed[j].span != doc.tokens[acr].span
                || !acronym_fits(doc, &typed[i], &typed[j])
            {
                continue;
            }
            let (kind, org) = (typed[i].kind, typed[i].org);
            let t = &mut typed[j];
            t.kind = kind;
            t.org = t.org.or(org);
            t.alias_of = Some(i);
            t.rule = "acronym-expansion";
            t.strength = 3;
            typed[i].strength = typed[i].strength.max(3);
        } else if is_acronym(typed[i].span.of(doc.text)) && after + 1 < doc.tokens.len() {
            // "ISIS (Islamic State)".
            let Some(j) = at(typed, doc.tokens[after + 1].span.start) else {
                continue;
            };
            let close = doc.token_at(typed[j].span.end);
            if close >= doc.tokens.len()
                || doc.tok(close) != ")"
                || typed[j].span.len() <= typed[i].span.len()
                || !acronym_fits(doc, &typed[j], &typed[i])
            {
                continue;
            }
            let (kind, org) = (typed[j].kind, typed[j].org);
            let t = &mut typed[i];
            t.kind = kind;
            t.org = t.org.or(org);
            t.alias_of = Some(j);
            t.rule = "acronym-expansion";
            t.strength = 3;
        }
    }
}

/// "The Cubs won" after "Chicago Cubs": a side named after its town is then called by its last
/// word alone. Adds those mentions as aliases of the side. Call before any other pass that
/// records positions in `typed`.
pub fn link_team_short_names(doc: &Doc, typed: &mut Vec<Typed>) {
    let teams: Vec<(&str, Span)> = typed
        .iter()
        .filter(|t| t.rule == "place+team-name")
        .filter_map(|t| {
            let text = t.span.of(doc.text);
            text.rsplit_once(' ').map(|(_, last)| (last, t.span))
        })
        .collect();
    if teams.is_empty() {
        return;
    }
    let mut added: Vec<Span> = Vec::new();
    let mut links: Vec<(Span, Span)> = Vec::new();
    for (i, tok) in doc.tokens.iter().enumerate() {
        if !doc.is_capitalised(i) {
            continue;
        }
        let w = doc.tok(i);
        let Some(&(_, team)) = teams
            .iter()
            .find(|(last, span)| *last == w && span.start < tok.span.start)
        else {
            continue;
        };
        let k = typed.partition_point(|t| t.span.end <= tok.span.start);
        match typed.get(k) {
            // A weak reading of the word alone ("Cubs" as a name) yields to the side.
            Some(t) if t.span == tok.span && t.strength <= 2 && t.user.is_none() => {
                typed[k] = short_name(tok.span);
                links.push((tok.span, team));
            }
            Some(t) if t.span.start < tok.span.end => {}
            _ => {
                added.push(tok.span);
                links.push((tok.span, team));
            }
        }
    }
    // Merge the sorted additions into the sorted, non-overlapping names, then point each at
    // its side (found by start offset: starts are unique).
    let old = std::mem::take(typed);
    let mut short = added.iter().peekable();
    for t in old {
        while let Some(&&span) = short.peek().filter(|s| s.start < t.span.start) {
            typed.push(short_name(span));
            short.next();
        }
        typed.push(t);
    }
    typed.extend(short.map(|&span| short_name(span)));
    for (span, team) in links {
        let at = |s: Span| {
            let k = typed.partition_point(|t| t.span.start < s.start);
            (typed.get(k).is_some_and(|t| t.span == s)).then_some(k)
        };
        if let (Some(i), Some(j)) = (at(span), at(team)) {
            typed[i].alias_of = Some(j);
        }
    }
}

fn short_name(span: Span) -> Typed {
    let mut t = Typed::new(span, Kind::Organisation, "team-short-name", 2);
    t.org_kind = Some("sports");
    t
}

/// Words that say a story is about sport (lower case).
static SPORT_WORDS: WordSet = WordSet::new(&[
    "athletics",
    "baseball",
    "basketball",
    "batsman",
    "bowler",
    "cricket",
    "cycling",
    "goalkeeper",
    "golf",
    "halftime",
    "half-time",
    "hockey",
    "innings",
    "inning",
    "league",
    "midfielder",
    "nba",
    "nfl",
    "nhl",
    "pitcher",
    "playoff",
    "playoffs",
    "quarter-final",
    "quarterfinal",
    "rugby",
    "semi-final",
    "semifinal",
    "soccer",
    "standings",
    "striker",
    "tennis",
    "touchdown",
    "wickets",
]);

/// True when the story is about sport: two different sport words (any case), or one and a
/// score.
fn is_sports(doc: &Doc) -> bool {
    // The first sport word seen, lower-cased.
    let mut first: Option<&[u8]> = None;
    let mut score = false;
    let sport = SPORT_WORDS.ready();
    for t in &doc.tokens {
        match t.kind {
            TokenKind::Word if sport.has_token(doc, t) => {
                let w = &doc.lower.as_bytes()[t.span.start..t.span.end];
                match first {
                    Some(f) if f != w => return true,
                    Some(_) => {}
                    None => first = Some(w),
                }
            }
            TokenKind::Number if !score => {
                score = is_score(t.span.of(doc.text));
            }
            _ => {}
        }
        if score && first.is_some() {
            return true;
        }
    }
    false
}

/// "2-1", "3-0": a score, not a date or a range of years.
fn is_score(w: &str) -> bool {
    let w = w.as_bytes();
    w.iter().position(|&c| c == b'-').is_some_and(|d| {
        let (a, b) = (&w[..d], &w[d + 1..]);
        (1..=3).contains(&a.len())
            && (1..=3).contains(&b.len())
            && a.iter().chain(b).all(u8::is_ascii_digit)
    })
}

/// In a sports story (`is_sports`), a town or region named as a side is a team, an
/// organisation: it is followed by a score ("Essex 372", "CHICAGO 5"), beats or plays someone
/// ("Leicestershire beat Somerset", "CHICAGO AT HOUSTON", "the match against Warwickshire"), or
/// has a captain. Countries stay places (national sides are named after the country), and a
/// dateline ("LONDON 1996-08-30") is no team. Whether the story is about sport is read only
/// when some place is named as a side.
pub fn mark_teams(doc: &Doc, typed: &mut [Typed]) {
    let mut sports: Option<bool> = None;
    for t in typed.iter_mut() {
        if t.kind != Kind::Place || t.user.is_some() {
            continue;
        }
        if t.place.is_some_and(|p| {
            let kind = p.kind();
            crate::places::nation_of_kind(p, kind) || matches!(kind, "continent" | "region")
        }) {
            continue;
        }
        let a = doc.token_at(t.span.start);
        let b = doc.token_at(t.span.end);
        if a >= doc.tokens.len() {
            continue;
        }
        let next = (b < doc.tokens.len() && !doc.tokens[b].after_newline)
            .then(|| (doc.tok(b), doc.tokens[b].kind));
        let prev = (a > 0 && !doc.tokens[a].after_newline).then(|| doc.tok(a - 1));
        let prev2 = (a > 1 && !doc.tokens[a - 1].after_newline).then(|| doc.tok(a - 2));
        let team = match next {
            Some((w, TokenKind::Number)) => !is_year_or_date(w),
            // "Leicestershire beat Somerset", "Surrey captain Chris Lewis", and "Kent made up
            // for lost time": a town doing something in a sports story.
            Some((w, TokenKind::Word)) => {
                TEAM_NEXT.contains(&w)
                    || (w.starts_with(|c: char| c.is_ascii_lowercase())
                        && !is_function_word(w)
                        && w.len() > 2)
            }
            _ => false,
        } || match prev {
            Some(w) => {
                matches!(
                    w,
                    "beat" | "beating" | "against" | "v" | "vs" | "defeated" | "edged" | "AT"
                ) || (matches!(w, "with")
                    && prev2.is_some_and(|p| matches!(p, "drew" | "draw" | "tie" | "tied")))
                    || (matches!(w, "to")
                        && prev2.is_some_and(|p| matches!(p, "lost" | "losing" | "loss" | "fell")))
                    || (matches!(w, "over")
                        && prev2.is_some_and(|p| matches!(p, "win" | "victory" | "triumph")))
            }
            None => false,
        };
        if team {
            if !*sports.get_or_insert_with(|| is_sports(doc)) {
                return;
            }
            t.kind = Kind::Organisation;
            t.rule = "sports-team";
            t.strength = 3;
            t.org = None;
            t.org_kind = Some("sports");
        }
    }
}

/// Words after a side's name that show it is a side: results verbs and team roles.
const TEAM_NEXT: &[&str] = &[
    "beat",
    "beats",
    "drew",
    "draw",
    "lost",
    "won",
    "defeated",
    "edged",
    "thrashed",
    "routed",
    "crushed",
    "downed",
    "blanked",
    "v",
    "vs",
    "AT",
    "captain",
    "coach",
    "manager",
    "skipper",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "bowler",
    "batsman",
    "pitcher",
    "outfielder",
];

/// Prepositions, conjunctions and the like: after a place they say nothing about a team.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "nor"
            | "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "after"
            | "before"
            | "where"
            | "when"
            | "which"
            | "who"
            | "that"
            | "near"
            | "into"
            | "via"
            | "during"
            | "since"
            | "until"
            | "while"
            | "than"
            | "under"
            | "over"
            | "between"
            | "against"
            | "about"
            | "around"
            | "through"
            | "based"
            | "born"
            | "area"
            | "region"
            | "province"
            | "state"
            | "county"
            | "city"
    )
}

/// "1996", "1996-08-30": a year or an ISO date (a dateline), not a score.
fn is_year_or_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b.len() == 4 || b[4] == b'-' || b[4] == b'/')
}

/// The `organisations` record section. Names and aliases move out of `names`, which holds
/// empty ones for organisations afterwards.
pub fn to_record(names: &mut Names, off: &Offsets, explain: bool) -> Vec<Organisation> {
    let (orgs, mentions) = names.of_kind_mut(Kind::Organisation);
    orgs.map(|e| Organisation {
        canonical: e
            .org
            .map(|o| o.name)
            .filter(|c| *c != e.name)
            .map(Into::into),
        kind: e
            .org
            .map(|o: &OrgRow| o.kind)
            .filter(|k| !k.is_empty())
            .or(e.org_kind)
            .map(Into::into),
        country: e.country_code(),
        mentions: e.record_mentions(mentions, off, explain),
        name: std::mem::take(&mut e.name),
        aliases: std::mem::take(&mut e.aliases),
    })
    .collect()
}
