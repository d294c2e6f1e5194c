//! Names: finds capitalised name chunks, types them as person, place or organisation, and groups
//! every mention of one entity under one canonical name.
//!
//! Input: a `Doc` (and optionally a `UserGazetteer`). Output: `Names` (entities and their
//! mentions, byte spans). The field-specific rules live in `people`, `places` and
//! `organisations`; this module runs them in order:
//! 1. chunk: runs of capitalised words with inner particles ("Bank of England", "al-Sudani",
//!    "George W. Bush");
//! 2. type each chunk: whole-chunk gazetteer first, then sentence-initial words, demonyms and
//!    titles are peeled off, then organisation heads, place forms, given names, and context
//!    ("said", "in `<place>`");
//! 3. shouted lines (headlines, datelines) are read through the names the body already found
//!    and the gazetteers only; user gazetteer entries override everything;
//! 4. per document: acronym ↔ expansion, "also known as", place names used as sports teams,
//!    one type per name, surname → fullest name (even when the surname comes first).
//!
//! Every document-level step uses maps keyed by name, never all pairs of mentions, so the cost
//! stays linear in the number of mentions. Does not resolve pronouns or descriptions
//! ("the minister").

use crate::gazetteer::{self, OrgRow, PlaceId, PlaceRow, UserGazetteer};
use crate::text::{Doc, Span, Token, TokenKind};
use crate::{organisations, people, places};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-and-rotate hashing (rustc's FxHash) for a document's own maps of names: short
/// strings and numbers, hashed far more cheaply than by SipHash. Fixed, so no run differs; and
/// no map's order reaches the output (they are only looked up).
#[derive(Default)]
struct NameHash(u64);

impl NameHash {
    #[inline]
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for NameHash {
    /// Rotated so that the table's bucket (the low bits) comes from the well-mixed high bits
    /// of the last product.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    /// Eight bytes at a time, the last few packed into one number.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(rest.iter().fold(0, |v, &b| (v << 8) | u64::from(b)));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A map of a document's names (see `NameHash`).
type NameMap<K, V> = HashMap<K, V, BuildHasherDefault<NameHash>>;

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

/// The number of kinds (`Kind as usize` is below it).
const KINDS: usize = 3;

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
    /// Country tied to it (demonym, gazetteer, user entry).
    pub country: Option<&'static str>,
    /// Country from a user gazetteer entry.
    pub user_country: Option<String>,
    /// Place gazetteer row when known.
    pub place: Option<PlaceRow>,
    /// Place kind when found by rule ("mountains" for "Hamrin Mountains").
    pub place_kind: Option<&'static str>,
    /// Organisation gazetteer row when known.
    pub org: Option<&'static OrgRow>,
    /// Organisation kind when found by rule ("sports").
    pub org_kind: Option<&'static str>,
    /// Indices into `Names::mentions`, in text order.
    pub mentions: Vec<usize>,
}

impl Entity {
    /// The entity's kind (entities are always typed once built).
    pub fn kind(&self) -> Kind {
        self.kind.unwrap_or(Kind::Organisation)
    }

    /// Whether it is of `kind` and mentioned, so listed in that record section.
    fn is_listed(&self, kind: Kind) -> bool {
        self.kind == Some(kind) && !self.mentions.is_empty()
    }

    /// The record's mentions of it (code points), with their rules under `--explain`;
    /// `mentions` is the document's `Names::mentions`.
    pub fn record_mentions(
        &self,
        mentions: &[NameMention],
        off: &crate::record::Offsets,
        explain: bool,
    ) -> Vec<crate::record::Mention> {
        self.mentions
            .iter()
            .map(|&m| {
                let m = &mentions[m];
                off.mention(m.span, explain.then_some(m.rule))
            })
            .collect()
    }

    /// Its country code: from the user entry, the gazetteer row, or the text.
    pub fn country_code(&self) -> Option<Cow<'static, str>> {
        if let Some(c) = &self.user_country {
            return Some(Cow::Owned(c.clone()));
        }
        let row = match self.kind {
            Some(Kind::Place) => self.place.map(|p| p.country),
            Some(Kind::Organisation) => self.org.map(|o| o.country),
            _ => None,
        };
        row.filter(|c| !c.is_empty())
            .or(self.country)
            .map(Cow::Borrowed)
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
            .filter(move |(_, e)| e.is_listed(kind))
    }

    /// Entities of one kind, in order of first mention, open to change, with the mentions beside
    /// them: record sections move names out of the entities rather than copy them.
    pub fn of_kind_mut(
        &mut self,
        kind: Kind,
    ) -> (impl Iterator<Item = &mut Entity> + '_, &[NameMention]) {
        let entities = self.entities.iter_mut().filter(move |e| e.is_listed(kind));
        (entities, &self.mentions)
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
    /// Place row (its position: the row is built for the entity only).
    pub place: Option<PlaceId>,
    /// Place kind by rule.
    pub place_kind: Option<&'static str>,
    /// Organisation row.
    pub org: Option<&'static OrgRow>,
    /// Organisation kind by rule ("sports" for a team).
    pub org_kind: Option<&'static str>,
    /// How sure the rule is (0 weak – 3 certain, 4 user gazetteer); decides one type per name.
    pub strength: u8,
    /// User gazetteer entry index.
    pub user: Option<usize>,
    /// Index (in the final typed list) of the name this one is another name of: an acronym's
    /// expansion, or X in "X, also known as Y".
    pub alias_of: Option<usize>,
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
            org_kind: None,
            strength,
            user: None,
            alias_of: None,
        }
    }
}

/// Name particles that may stand lower-case inside a name ("Osama bin Laden", "van Gogh").
pub const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "van", "von",
];

/// Arabic article forms glued to a name by a hyphen, besides the particles ("ash-Shabaab").
const GLUED_ARTICLES: &[&str] = &["ad", "an", "ar", "as", "ash", "at", "az"];

/// Bytes in the longest particle or glued article ("della"): the hyphen that glues one to a
/// name comes no later than this.
const LONGEST_PARTICLE: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < PARTICLES.len() + GLUED_ARTICLES.len() {
        let w = if i < PARTICLES.len() {
            PARTICLES[i]
        } else {
            GLUED_ARTICLES[i - PARTICLES.len()]
        };
        if w.len() > n {
            n = w.len();
        }
        i += 1;
    }
    n
};

/// Longest name chunk in tokens; longer runs of capitals (tables, shouting) are cut.
const MAX_CHUNK: usize = 8;

/// True for a token that can be part of a name chunk on its own.
#[inline(always)]
pub fn is_name_word(doc: &Doc, i: usize) -> bool {
    is_name_token(doc, &doc.tokens[i], i)
}

/// `is_name_word` of token `t`, the `i`th.
#[inline(always)]
fn is_name_token(doc: &Doc, t: &Token, i: usize) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    // Bytes first: most tokens are lower-case words or plain capitalised words, answered
    // here without a call. One that starts with an ASCII byte other than a capital is a name
    // word only with a particle of two letters or more glued on by a hyphen, and a capital
    // after it ("al-Sudani"). Whether a word holds a hyphen at all the tokenizer has said.
    // A word is never empty: its first byte is there.
    let first = doc.text.as_bytes()[t.span.start];
    if !t.hyphenated {
        return match first {
            c if c.is_ascii_uppercase() => true,
            c if c.is_ascii() => false,
            _ => is_name_word_slow(doc, i),
        };
    }
    let b = &doc.text.as_bytes()[t.span.start..t.span.end];
    match first {
        c if c.is_ascii_uppercase() => is_name_word_slow(doc, i),
        c if c.is_ascii() => {
            b.len() > 3
                && b[2..b.len().min(LONGEST_PARTICLE + 1)].contains(&b'-')
                && is_name_word_slow(doc, i)
        }
        _ => is_name_word_slow(doc, i),
    }
}

/// `is_name_word` for a word that starts with a capital, outside ASCII or holds a hyphen.
#[inline(never)]
fn is_name_word_slow(doc: &Doc, i: usize) -> bool {
    let b = doc.tok_bytes(i);
    // Byte searches for the hyphen: tokens are short, and most have none.
    let dash = |b: &u8| *b == b'-';
    let upper = match b.first() {
        Some(c) if c.is_ascii() => c.is_ascii_uppercase(),
        _ => starts_upper(doc.tok(i)),
    };
    if upper {
        // "Boston-based", "Iran-backed": a compound adjective, not a name.
        if let Some(d) = b.iter().rposition(dash) {
            let tail = &doc.tok(i)[d + 1..];
            if tail.len() >= 3
                && tail.chars().all(|c| c.is_ascii_lowercase())
                && gazetteer::is_common_word(tail)
            {
                return false;
            }
        }
        return true;
    }
    // "al-Sudani", "bin-Laden", "ash-Shabaab": a lower-case particle glued to a capital.
    if let Some(d) = b.iter().position(dash) {
        let t = doc.tok(i);
        let (head, rest) = (&t[..d], &t[d + 1..]);
        return starts_upper(rest) && (PARTICLES.contains(&head) || GLUED_ARTICLES.contains(&head));
    }
    false
}

/// True when `t` starts with an upper-case letter (ASCII answered without decoding).
#[inline]
fn starts_upper(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => t.starts_with(char::is_uppercase),
    }
}

/// Finds, types and groups every name in `doc`.
pub fn find_names(doc: &Doc) -> Names {
    find_names_with(doc, None)
}

/// Finds, types and groups every name in `doc`, with a user gazetteer's entries and deny list.
pub fn find_names_with(doc: &Doc, user: Option<&UserGazetteer>) -> Names {
    // The rules' view of the text, its words' keys remembered (`doc` reads the text itself).
    let keyed = &KeyedDoc::new(doc);
    // Room for a name every eight tokens, so that the list (of large structs) rarely grows.
    let mut typed: Vec<Typed> = Vec::with_capacity(doc.tokens.len() / 8);
    let mut shouted = Vec::new();
    // Whether each sentence is shouted, computed once.
    let caps: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| !s.tokens.is_empty() && doc.in_caps_line(s.tokens.start))
        .collect();
    let title_head = title_case_headline(keyed);
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.tokens.is_empty() {
            continue;
        }
        // A title-case headline says as little about names as a shouted one.
        if caps[si] || (si == 0 && title_head) {
            shouted.push(s.tokens.clone());
            continue;
        }
        let mut i = s.tokens.start;
        // From one name word to the next, through the tokens in between (most are none).
        while let Some(at) = (i..s.tokens.end)
            .zip(&doc.tokens[i..s.tokens.end])
            .find(|&(j, t)| is_name_token(doc, t, j))
        {
            i = at.0;
            let end = chunk_end(keyed, i, s.tokens.end);
            let before = typed.len();
            classify(keyed, i, end, &mut typed);
            take_abbreviation_period(doc, end, &mut typed[before..]);
            i = end;
        }
    }
    if !shouted.is_empty() {
        let memory = memory(doc, &typed, &line_openers(doc, &shouted));
        // Room for the body's names too, which may follow these (see below).
        let mut found = Vec::with_capacity(typed.len() + 16);
        for r in shouted {
            caps_line(keyed, r, &memory, &typed, &mut found);
        }
        // Shouted lines are mostly a headline or dateline above the body: their names, all
        // before the body's, go first in one move, so that the list stays in text order and
        // `resolve_overlaps` moves no name.
        let body_start = typed.iter().map(|t| t.span.start).min();
        if found
            .last()
            .zip(body_start)
            .is_some_and(|(f, start)| f.span.end <= start)
        {
            found.append(&mut typed);
            typed = found;
        } else {
            typed.extend(found);
        }
    }
    let parenthesis = organisations::expand_acronyms(keyed, &mut typed);
    if let Some(u) = user {
        for m in u.find(doc.text) {
            let e = &u.entries()[m.entry];
            let mut t = Typed::new(Span::new(m.start, m.end), e.kind, "user-gazetteer", 4);
            t.user = Some(m.entry);
            typed.push(t);
        }
    }
    let mut kept = resolve_overlaps(typed);
    organisations::mark_teams(doc, &mut kept);
    organisations::link_team_short_names(doc, &mut kept);
    // "Islamic State (ISIS)": nothing to link in a text without a parenthesis.
    if parenthesis {
        organisations::link_acronyms(doc, &mut kept);
    }
    people::link_aliases(doc, &mut kept);
    group(doc, kept, user, &caps)
}

/// Sorts typed names by position and keeps one of any overlapping pair: the stronger, then
/// the longer, then the earlier.
fn resolve_overlaps(mut typed: Vec<Typed>) -> Vec<Typed> {
    // Indices are sorted and chosen, not the names themselves (large structs): each name
    // kept moves once. The sort is stable: equal spans keep their order.
    let at = |t: &Typed| (t.span.start, std::cmp::Reverse(t.span.end));
    let mut order: Vec<usize> = (0..typed.len()).collect();
    // Most lists are in text order already, and the sort would leave them as they are.
    if !typed.is_sorted_by_key(at) {
        order.sort_by_key(|&i| at(&typed[i]));
    }
    let mut kept: Vec<usize> = Vec::with_capacity(typed.len());
    for i in order {
        let t = &typed[i];
        if let Some(last) = kept.last_mut() {
            let l = &typed[*last];
            if l.span.overlaps(t.span) {
                if (t.strength, t.span.len()) > (l.strength, l.span.len()) {
                    *last = i;
                }
                continue;
            }
        }
        kept.push(i);
    }
    if kept.is_sorted() {
        // The usual case: the kept names are in order already, and stay where they are.
        if kept.len() == typed.len() {
            // Nothing overlapped: every name is kept.
            return typed;
        }
        let mut keep = vec![false; typed.len()];
        for &i in &kept {
            keep[i] = true;
        }
        let mut i = 0;
        typed.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        return typed;
    }
    let mut slots: Vec<Option<Typed>> = typed.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(kept.len());
    out.extend(kept.iter().filter_map(|&i| slots[i].take()));
    out
}

/// The end (exclusive) of the name chunk starting at `i`.
fn chunk_end(doc: &KeyedDoc, i: usize, limit: usize) -> usize {
    let limit = limit.min(i + MAX_CHUNK);
    let mut j = i + 1;
    loop {
        if j >= limit || doc.tokens[j].after_newline {
            return j.min(limit);
        }
        let t = doc.tok(j);
        if is_name_word(doc, j) {
            // "in Seattle The shooting": a capitalised function word starts something new.
            if is_frequent_opener(t) {
                return j;
            }
            j += 1;
            continue;
        }
        // "George W. Bush": an initial's period; "St. Petersburg", "Mt. Kenya".
        if t == "." && !doc.tokens[j].after_space {
            let prev = doc.tok(j - 1);
            if (prev.chars().count() == 1
                || matches!(prev, "St" | "ST" | "Mt" | "MT" | "Ft" | "FT"))
                && prev.starts_with(char::is_uppercase)
                && j + 1 < limit
                && is_name_word(doc, j + 1)
            {
                j += 1;
                continue;
            }
            return j;
        }
        // Inner connectors: "Bank of England", "Johnson & Johnson", "Osama bin Laden",
        // "Ministry of the Interior".
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
        // "Joost van der Westhuizen", "Juan de la Cruz".
        if connector
            && j + 2 < limit
            && matches!(
                doc.tok(j + 1),
                "der" | "den" | "la" | "los" | "las" | "del" | "de"
            )
            && is_name_word(doc, j + 2)
            && !matches!(t, "of" | "for" | "&")
        {
            j += 3;
            continue;
        }
        // "Boatmen's Bancshares Inc.": a possessive inside a company's name.
        if matches!(t, "'s" | "’s") && j + 1 < limit && is_name_word(doc, j + 1) {
            // "Sweden's Stora AB", "West Germany's Siemens AG": a country owns no company name.
            let owner = tok_key(doc, j - 1);
            // "Kerry Packer's Consolidated Press": nor does a person.
            let person = j - i >= 2 && tok_key(doc, i).given_name().is_some();
            if person || owner.places().any_kind(|k| k == "country") {
                return j;
            }
            let k = chunk_end(doc, j + 1, limit);
            if matches!(tok_key(doc, k - 1).org_word(), Some("suffix")) {
                return k;
            }
            return j;
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
        if places::is_admin_word(t) {
            return j + 1;
        }
        return j;
    }
}

/// "Acme Corp.", "Al Unser Jr.": a name ending in an abbreviation keeps its period.
fn take_abbreviation_period(doc: &Doc, end: usize, typed: &mut [Typed]) {
    if end >= doc.tokens.len() || doc.tok(end) != "." || doc.tokens[end].after_space {
        return;
    }
    // "... said Lear Corp." The period ends the sentence, not the name.
    let s = &doc.sentences[doc.sentence_of[end] as usize];
    if s.tokens.end == end + 1 {
        return;
    }
    let last = doc.tokens[end - 1].span;
    if !matches!(
        doc.tok(end - 1),
        "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Cos" | "Jr" | "Sr" | "Bhd" | "Pty"
    ) {
        return;
    }
    for t in typed.iter_mut().filter(|t| t.span.end == last.end) {
        t.span.end = doc.tokens[end].span.end;
    }
}

/// True when the first line is a headline in title case ("Taliban Strike German Consulate in
/// Afghan City of Mazar-i-Sharif"): a line of its own, no longer than a headline, where most
/// ordinary words of four letters or more (not the first) are capitalised. Names do not count,
/// so "Donald Trump lands in Washington to meet Barack Obama" is not title case.
fn title_case_headline(doc: &KeyedDoc) -> bool {
    let (Some(s0), Some(s1)) = (doc.sentences.first(), doc.sentences.get(1)) else {
        return false;
    };
    if s0.paragraph == s1.paragraph || s0.tokens.len() > 40 || s0.tokens.is_empty() {
        return false;
    }
    let (mut words, mut caps) = (0, 0);
    for i in s0.tokens.start + 1..s0.tokens.end {
        if doc.tokens[i].kind != TokenKind::Word || doc.tokens[i].span.len() < 4 {
            continue;
        }
        let k = tok_key(doc, i);
        if !k.is_common_word() || k.given_name().is_some() || !k.places().is_empty() {
            continue;
        }
        words += 1;
        caps += usize::from(doc.is_capitalised(i));
    }
    words >= 2 && caps * 10 >= words * 7
}

/// Names found in the body, by folded key, for reading shouted lines: the strongest reading
/// of each, and the first words of longer names. Only keys whose first two bytes can open a
/// key read on the shouted lines are kept (`Openers`): no other can be read there.
struct Memory<'d> {
    /// Folded name or name start → what the body says of it.
    keys: NameMap<Cow<'d, str>, Remembered>,
    /// The first bytes of the keys: a key starting otherwise is not looked up.
    firsts: ByteSet,
}

/// A set of bytes: the first bytes of keys.
struct ByteSet([bool; 256]);

impl ByteSet {
    fn new() -> ByteSet {
        ByteSet([false; 256])
    }

    fn insert(&mut self, b: u8) {
        self.0[usize::from(b)] = true;
    }

    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }

    /// True when `key` starts with a byte of the set.
    fn starts(&self, key: &str) -> bool {
        key.as_bytes().first().is_some_and(|&b| self.contains(b))
    }
}

/// How the keys read on the shouted lines can start. A key read there starts at a word, with
/// that word's own key: its first two bytes when it has two; when it has one, that byte and
/// then anything (a space, the next word's first byte, or nothing).
struct Openers {
    /// First bytes of one-byte word keys: any second byte may follow.
    any_second: ByteSet,
    /// The first two bytes of longer word keys, hashed into 4,096 bits (a key whose pair
    /// shares a bit with one of them is kept too, which is harmless).
    pairs: [u64; 64],
}

impl Openers {
    /// The bit of the pair `b0`, `b1`.
    fn bit(b0: u8, b1: u8) -> usize {
        (usize::from(b0) << 6 ^ usize::from(b1)) & 4095
    }

    /// Adds a word key starting `b0` then `b1` (`None`: the key is that one byte).
    fn insert(&mut self, b0: u8, b1: Option<u8>) {
        match b1 {
            None => self.any_second.insert(b0),
            Some(b1) => {
                let bit = Openers::bit(b0, b1);
                self.pairs[bit / 64] |= 1 << (bit % 64);
            }
        }
    }

    /// True when a key starting `b0` then `b1` (`None`: the key is that one byte) may be
    /// read on the shouted lines.
    fn contains(&self, b0: u8, b1: Option<u8>) -> bool {
        self.any_second.contains(b0)
            || b1.is_some_and(|b1| {
                let bit = Openers::bit(b0, b1);
                self.pairs[bit / 64] & 1 << (bit % 64) != 0
            })
    }

    /// `contains` of the first bytes of `key`.
    fn starts(&self, key: &str) -> bool {
        match key.as_bytes() {
            [] => false,
            &[b0] => self.contains(b0, None),
            &[b0, b1, ..] => self.contains(b0, Some(b1)),
        }
    }
}

/// The openings of the keys of the words of `lines` (the shouted lines): every key read there
/// starts as one of them does.
fn line_openers(doc: &Doc, lines: &[std::ops::Range<usize>]) -> Openers {
    let mut set = Openers {
        any_second: ByteSet::new(),
        pairs: [0; 64],
    };
    for i in lines.iter().flat_map(Clone::clone) {
        if doc.tokens[i].kind != TokenKind::Word {
            continue;
        }
        // An ASCII character folds to its lower case (a word holds no whitespace).
        match *doc.lower_bytes(i) {
            [b0] if b0.is_ascii() => set.insert(b0, None),
            [b0, b1, ..] if b0.is_ascii() && b1.is_ascii() => set.insert(b0, Some(b1)),
            // Folded as `gazetteer::key` folds it (a non-ASCII capital may lower-case to ASCII).
            _ => match *gazetteer::key(doc.tok(i)).as_bytes() {
                [] => {}
                [b0] => set.insert(b0, None),
                [b0, b1, ..] => set.insert(b0, Some(b1)),
            },
        }
    }
    set
}

/// The first two bytes of the key of a name written `text` (`None` for the second: a key of
/// one byte), when its first two characters are ASCII: lower-cased, whitespace as one space.
/// `None` when the key must be folded to tell.
fn text_opening(text: &[u8]) -> Option<(u8, Option<u8>)> {
    let b0 = *text.first()?;
    if !b0.is_ascii() {
        return None;
    }
    let b1 = match text.get(1) {
        None => None,
        Some(&c) if c.is_ascii_whitespace() || c == 0x0b => Some(b' '),
        Some(&c) if c.is_ascii() => Some(c.to_ascii_lowercase()),
        Some(_) => return None,
    };
    Some((b0.to_ascii_lowercase(), b1))
}

/// What the body says of one folded key.
#[derive(Default)]
struct Remembered {
    /// The strongest reading of the name: the typed name (an index into the body's) and the
    /// strength it is remembered with.
    name: Option<(usize, u8)>,
    /// The key is the first word(s) of a name of more words ("mick" of "mick mccarthy").
    prefix: bool,
}

fn memory<'d>(doc: &'d Doc, typed: &[Typed], openers: &Openers) -> Memory<'d> {
    // Room for every name and a surname for each, so the map does not grow (and rehash) as
    // it fills.
    let mut m: NameMap<Cow<'d, str>, Remembered> =
        NameMap::with_capacity_and_hasher(2 * typed.len(), Default::default());
    for (ti, t) in typed.iter().enumerate().filter(|(_, t)| t.strength >= 1) {
        // A key's first bytes are its text's, when ASCII (`text_opening`: a name starts at a
        // word). A person's surname starts elsewhere.
        if t.kind != Kind::Person
            && text_opening(&doc.text.as_bytes()[t.span.start..t.span.end])
                .is_some_and(|(b0, b1)| !openers.contains(b0, b1))
        {
            continue;
        }
        let k = span_key(doc, t.span);
        // A person's surname alone ("MCCARTHY NAMES TEAM" over "Mick McCarthy").
        // One hash per key: entries, not a look-up and then an insertion.
        if t.kind == Kind::Person {
            if let Some(i) = last_space(&k) {
                let surname = &k[i + 1..];
                if openers.starts(surname) && surname.chars().count() > 2 {
                    m.entry(key_part(&k, i + 1..k.len())).or_insert(Remembered {
                        name: Some((ti, 1)),
                        prefix: false,
                    });
                }
            }
        }
        // The name and its starts of two bytes or more share its first two bytes; a start of
        // one byte is read only where any second byte may follow it.
        if !openers.starts(&k) {
            continue;
        }
        let r = m.entry(k).or_default();
        if r.name.is_none_or(|(_, old)| old < t.strength) {
            r.name = Some((ti, t.strength));
        }
    }
    let mut prefixes: Vec<Cow<'d, str>> = Vec::new();
    // A name's starts share its first byte.
    let mut firsts = ByteSet::new();
    for k in m.keys() {
        firsts.insert(k.as_bytes()[0]);
        for i in (0..k.len()).filter(|&i| k.as_bytes()[i] == b' ') {
            prefixes.push(key_part(k, 0..i));
        }
    }
    for p in prefixes {
        m.entry(p).or_default().prefix = true;
    }
    Memory { keys: m, firsts }
}

/// The key of a span's text (`gazetteer::key`), borrowed from the document's lower-cased text
/// when lower case is all the folding it needs ("Mick McCarthy" → "mick mccarthy", no copy).
fn span_key<'d>(doc: &'d Doc, span: Span) -> Cow<'d, str> {
    let text = span.of(doc.text);
    if gazetteer::is_plain_ascii(text) {
        Cow::Borrowed(span.of(&doc.lower))
    } else {
        Cow::Owned(gazetteer::key(text))
    }
}

/// The lookup key of the tokens `[a, b)`: their lower-cased text when it is ASCII with the
/// words one space apart (lower case is then all the folding there is; tokens hold no
/// whitespace), else folded by `gazetteer::key`.
#[inline(always)]
pub fn range_key<'d>(doc: &KeyedDoc<'d>, a: usize, b: usize) -> gazetteer::Key<'d> {
    // Most keys are of one word: read where they are asked for, with no spacing to check.
    if b == a + 1 {
        tok_key(doc, a)
    } else {
        words_key(doc, a, b)
    }
}

/// `range_key` of two words or more.
#[inline(never)]
fn words_key<'d>(doc: &KeyedDoc<'d>, a: usize, b: usize) -> gazetteer::Key<'d> {
    let doc = doc.doc;
    let span = doc.span(a, b - 1);
    // The lower-cased text has the text's bytes but for ASCII capitals: the same spaces, and
    // the same bytes outside ASCII.
    let lower = span.of(&doc.lower);
    let bytes = lower.as_bytes();
    let single_spaced = doc.tokens[a..b].windows(2).all(|w| {
        let gap = w[0].span.end..w[1].span.start;
        gap.is_empty() || gap.len() == 1 && bytes[gap.start - span.start] == b' '
    });
    // Borrowed when ASCII, found in the pass that hashes it.
    single_spaced
        .then(|| gazetteer::Key::plain(lower))
        .flatten()
        .unwrap_or_else(|| gazetteer::Key::new(span.of(doc.text)))
}

/// A document with the lookup keys of its words remembered as they are first asked for: the
/// rules ask for the key of one word many times (a chunk's first and last words, read by each
/// classifier in turn), and each is hashed once. Reads as the `Doc` it wraps.
pub struct KeyedDoc<'d> {
    doc: &'d Doc<'d>,
    /// Per token, the hash (`Key::hash`) of its key once asked for, when the key is its
    /// lower-cased text (ASCII). Zero until then, and for a key folded each time it is asked
    /// for (outside ASCII, or a hash of zero).
    hashes: Vec<std::cell::Cell<u32>>,
}

impl<'d> KeyedDoc<'d> {
    /// `doc`, with no key worked out yet.
    pub fn new(doc: &'d Doc) -> KeyedDoc<'d> {
        KeyedDoc {
            doc,
            hashes: vec![std::cell::Cell::new(0); doc.tokens.len()],
        }
    }
}

impl<'d> std::ops::Deref for KeyedDoc<'d> {
    type Target = Doc<'d>;

    #[inline(always)]
    fn deref(&self) -> &Doc<'d> {
        self.doc
    }
}

/// The lookup key of token `i` (`range_key`): hashed on the first call for the word only.
#[inline(always)]
pub fn tok_key<'d>(doc: &KeyedDoc<'d>, i: usize) -> gazetteer::Key<'d> {
    let lower = doc.doc.lower_tok(i);
    let known = &doc.hashes[i];
    match known.get() {
        0 => {
            // Borrowed when ASCII, found in the pass that hashes it.
            let key = gazetteer::Key::plain(lower);
            known.set(key.as_ref().map_or(0, |k| k.hash()));
            key.unwrap_or_else(|| gazetteer::Key::new(doc.doc.tok(i)))
        }
        hash => gazetteer::Key::plain_hashed(lower, hash),
    }
}

/// Part of a key, borrowed when the key is: "mccarthy" of "mick mccarthy".
fn key_part<'d>(k: &Cow<'d, str>, r: std::ops::Range<usize>) -> Cow<'d, str> {
    match k {
        Cow::Borrowed(b) => Cow::Borrowed(&b[r]),
        Cow::Owned(o) => Cow::Owned(o[r].to_string()),
    }
}

/// Reads a shouted line (headline, dateline) through names already found in the body
/// (`memory`, over `body`) and the gazetteers: capitals there say nothing about names.
fn caps_line(
    doc: &KeyedDoc,
    range: std::ops::Range<usize>,
    memory: &Memory<'_>,
    body: &[Typed],
    out: &mut Vec<Typed>,
) {
    let mut i = range.start;
    while i < range.end {
        if doc.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        // Longest match of up to five words.
        let mut best: Option<(usize, Typed)> = None;
        let mut j = i;
        while j < range.end && j < i + 5 && doc.tokens[j].kind == TokenKind::Word {
            let span = doc.span(i, j);
            let text = span.of(doc.text);
            let single = j == i;
            // One key for the memory and every table.
            let key = range_key(doc, i, j + 1);
            let (known, more) = memory
                .firsts
                .starts(key.as_str())
                .then(|| memory.keys.get(key.as_str()))
                .flatten()
                .map_or((None, false), |r| (r.name, r.prefix));
            if let Some((ti, strength)) = known {
                let mut t = body[ti].clone();
                t.span = span;
                t.rule = "caps:known-name";
                t.titles.clear();
                t.strength = strength.min(2);
                best = Some((j + 1, t));
            } else if let Some(t) = places::lookup_caps(text, &key, span, single) {
                best = Some((j + 1, t));
            } else if let Some(t) = organisations::lookup(text, &key, span, true)
                .filter(|_| !(single && key.is_common_word()))
            {
                best = Some((j + 1, t));
            }
            j += 1;
            if !more && !key.is_name_prefix() {
                break;
            }
        }
        if let Some((end, t)) = best {
            out.push(t);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// For each first letter (its byte's low five bits, so either case), the lengths of the listed
/// words opening with it, as bits: a word whose bit is clear is none of them. Words are shorter
/// than 16 bytes.
const fn length_masks(words: &[&str]) -> [u16; 32] {
    let mut masks = [0u16; 32];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        masks[(b[0] & 31) as usize] |= 1 << b.len();
        i += 1;
    }
    masks
}

/// False when `w` is none of the words of `masks` (`length_masks`) by its first letter and
/// length: most names are turned away before they are compared with the words.
#[inline]
fn may_be_listed(masks: &[u16; 32], w: &str) -> bool {
    let b = w.as_bytes();
    b.len() < 16 && !b.is_empty() && masks[usize::from(b[0] & 31)] & 1 << b.len() != 0
}

/// Defines a test for a list of words: a `match` (a few integer comparisons, no search) behind
/// a filter by first letter and length (`may_be_listed`).
macro_rules! word_test {
    ($(#[$doc:meta])* $name:ident, $list:ident, [$($w:literal),* $(,)?]) => {
        /// The words of the test of the same name.
        const $list: &[&str] = &[$($w),*];

        $(#[$doc])*
        fn $name(t: &str) -> bool {
            const MASKS: [u16; 32] = length_masks($list);
            may_be_listed(&MASKS, t) && matches!(t, $($w)|*)
        }
    };
}

word_test!(
    /// Month and weekday names: dates, not names, when they stand alone.
    is_calendar_word,
    CALENDAR_WORDS,
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
);

/// The whole of `[a, b)` as a gazetteer name: a well-known organisation, then a place.
fn whole_gazetteer(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    whole_gazetteer_key(doc, a, b, &range_key(doc, a, b))
}

/// `whole_gazetteer` with the key of `[a, b)` (`range_key`) already folded: one key for every
/// table.
fn whole_gazetteer_key(doc: &KeyedDoc, a: usize, b: usize, key: &gazetteer::Key) -> Option<Typed> {
    // "Total" opening a sentence is the word, not the oil company (asked only of a name the
    // table holds).
    let opener = || b - a == 1 && doc.starts_sentence(a) && key.is_common_word();
    // Most chunks are in neither table: the span and its text only for a name the
    // organisation table holds.
    key.organisation()
        .and_then(|row| {
            let span = doc.span(a, b - 1);
            organisations::lookup_row(row, span.of(doc.text), span, false)
        })
        .filter(|_| !opener())
        .or_else(|| places::classify_known_key(doc, a, b, key))
}

/// True when a gazetteer name of two or more words starts at `a` inside `[a, b)`.
fn gazetteer_prefix(doc: &KeyedDoc, a: usize, b: usize) -> bool {
    // One word holds no name of two.
    if b < a + 2 {
        return false;
    }
    // The words read so far, `[a, e - 1)`: a name goes on only from a prefix of one.
    let mut key = tok_key(doc, a);
    for e in a + 2..=b.min(a + 5) {
        if !key.is_name_prefix() {
            return false;
        }
        key = range_key(doc, a, e);
        if !key.places().is_empty() || key.organisation().is_some() {
            return true;
        }
    }
    false
}

/// Types the chunk `[a, b)` and pushes the typed name(s).
fn classify(doc: &KeyedDoc, mut a: usize, mut b: usize, out: &mut Vec<Typed>) {
    // "Basra Saturday" (a dateline run on): a trailing date word is not part of a name.
    // "Theresa May", "Brian May": a month that is a surname after a given name stays.
    while b - a > 1
        && is_calendar_word(doc.tok(b - 1))
        && !(tok_key(doc, b - 1).surname().is_some() && tok_key(doc, b - 2).given_name().is_some())
    {
        b -= 1;
    }
    // The key of the chunk `[a, b)` as it stands, kept in step with `a` (`b` moves no more):
    // a chunk of one word needs no other key of its first word.
    let mut whole;
    // Sentence-initial common words are not names: "The", "However", "Police" — unless the
    // chunk (or its start) is a known name: "New Zealand", "New York Yankees".
    loop {
        if a >= b {
            return;
        }
        // "The", "He": skip at once, before any lookup.
        if doc.starts_sentence(a) && is_frequent_opener(doc.tok(a)) {
            a += 1;
            continue;
        }
        whole = range_key(doc, a, b);
        if let Some(t) = whole_gazetteer_key(doc, a, b, &whole) {
            out.push(t);
            return;
        }
        if doc.starts_sentence(a)
            && sentence_opener(doc, a, b, &whole)
            && !gazetteer_prefix(doc, a, b)
        {
            a += 1;
            continue;
        }
        // "(Reuters) - The FBI said": an article opening a name the gazetteer does not know;
        // "A Crystal Palace fan" after a caption.
        if b - a >= 2
            && (matches!(doc.tok(a), "The" | "THE")
                || matches!(doc.tok(a), "A" | "An") && doc.is_capitalised(a + 1))
        {
            a += 1;
            continue;
        }
        break;
    }
    // "By Mark Hosenball WASHINGTON, Nov 6": a byline runs into a dateline's place in capitals.
    if let Some(k) = (a + 1..b).find(|&k| {
        let t = doc.tok(k);
        let prev = doc.tok(k - 1);
        t.len() >= 4
            && t.bytes().all(|c| c.is_ascii_uppercase())
            && prev.starts_with(|c: char| c.is_uppercase())
            && prev.bytes().any(|c| c.is_ascii_lowercase())
            && !tok_key(doc, k).places().is_empty()
    }) {
        classify(doc, a, k, out);
        classify(doc, k, b, out);
        return;
    }
    // "Friday Mitchell", "Seven Iraqis": a leading date or number word is not part of a name.
    while b - a > 1 && (is_calendar_word(doc.tok(a)) || is_number_word(doc.tok(a))) {
        a += 1;
        whole = range_key(doc, a, b);
        if let Some(t) = whole_gazetteer_key(doc, a, b, &whole) {
            out.push(t);
            return;
        }
    }
    if b - a == 1 && is_calendar_word(doc.tok(a)) {
        return;
    }
    // A demonym before a name gives its country: "Iraqi Prime Minister ...". One that is also a
    // country's name ("U.S. forces", "U.S. President Bill Clinton") is a place mention itself,
    // unless the rest is a name we cannot read ("U.S. Open" is a tournament).
    let first = if b - a == 1 { whole } else { tok_key(doc, a) };
    if let Some(c) = first.demonym() {
        let place = places::lookup(&first, doc.tokens[a].span, "gazetteer:country")
            .filter(|t| t.place.is_some_and(|p| p.kind() == "country"));
        let before = out.len();
        if a + 1 < b {
            if let Some(t) = whole_gazetteer(doc, a + 1, b) {
                out.push(t);
            } else {
                classify_rest(doc, a + 1, b, Some(c), None, out);
            }
        }
        // "U.S. Treasury Department", "Scottish Labour Party": the demonym is part of an
        // organisation's name.
        let government = matches!(
            doc.tok(a + 1.min(b - a - 1)),
            "Foreign"
                | "Defence"
                | "Defense"
                | "Interior"
                | "Finance"
                | "Justice"
                | "Health"
                | "Trade"
                | "Economy"
                | "Ministry"
                | "Embassy"
                | "Consulate"
                | "Government"
                | "Cabinet"
                | "Treasury"
                | "Agriculture"
                | "Education"
                | "Labour"
                | "Labor"
        );
        if a + 1 < b
            && (place.is_some() || !government)
            && out.len() == before + 1
            && out[before].kind == Kind::Organisation
            && out[before].span == doc.span(a + 1, b - 1)
        {
            let t = &mut out[before];
            t.span = doc.span(a, b - 1);
            t.country = t.country.or(Some(c));
            return;
        }
        // "U.S. Embassy", "British Government": a people's own institution.
        let titled = a + 1 >= b
            || range_key(doc, a + 1, b).title().is_some()
            || tok_key(doc, b - 1).title().is_some()
            || b - a >= 3 && range_key(doc, b - 2, b).title().is_some();
        if government && !titled && a + 1 < b && out[before..].iter().all(|t| t.strength == 0) {
            out.truncate(before);
            let mut t = Typed::new(
                doc.span(a, b - 1),
                Kind::Organisation,
                "demonym+government",
                2,
            );
            t.country = Some(c);
            out.push(t);
            return;
        }
        if let Some(p) = place {
            if a + 1 == b || out.len() > before {
                out.push(p);
            }
        }
        return;
    }
    classify_rest(doc, a, b, None, Some(&first), out);
}

/// Last words of event names ("U.S. Open", "World Cup", "Grand Prix").
fn is_event_word(w: &str) -> bool {
    matches!(
        w,
        "Open"
            | "OPEN"
            | "Cup"
            | "CUP"
            | "Championship"
            | "Championships"
            | "Games"
            | "Prix"
            | "PRIX"
            | "Series"
            | "Tournament"
            | "TOURNAMENT"
            | "Classic"
            | "Masters"
            | "Trophy"
            | "Olympics"
            | "Marathon"
            | "Rally"
            | "Festival"
            | "Awards"
            | "War"
            | "Summit"
            | "Day"
            | "Eve"
    )
}

/// Number words that may open a capitalised run ("Seven Iraqis").
fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "One"
            | "Two"
            | "Three"
            | "Four"
            | "Five"
            | "Six"
            | "Seven"
            | "Eight"
            | "Nine"
            | "Ten"
            | "Eleven"
            | "Twelve"
            | "Twenty"
            | "Thirty"
            | "Forty"
            | "Fifty"
            | "Hundreds"
            | "Thousands"
            | "Dozens"
            | "Several"
            | "Many"
            | "Some"
            | "All"
            | "Both"
    )
}

/// Types `[a, b)` once sentence openers and demonyms are gone: titles, organisation forms,
/// place forms, person names, context, acronyms, weak candidates. `first` is the key of word
/// `a` when the caller has it.
fn classify_rest(
    doc: &KeyedDoc,
    a: usize,
    b: usize,
    country: Option<&'static str>,
    first: Option<&gazetteer::Key>,
    out: &mut Vec<Typed>,
) {
    // Titles: "Prime Minister Mohammed Shia al-Sudani".
    let (titles, after) = people::strip_titles(doc, a, b, first);
    if !titles.is_empty() {
        if after < b && people::looks_like_person(doc, after, b) {
            let mut t = Typed::new(doc.span(after, b - 1), Kind::Person, "title+capitalised", 3);
            t.titles = titles;
            t.country = country;
            out.push(t);
            return;
        }
        if after >= b {
            return;
        }
    }
    // "Minister of Education Stefania Giannini": the portfolio ends the title.
    if b - a >= 3
        && a >= 2
        && doc.tok(a - 1) == "of"
        && tok_key(doc, a - 2).title().is_some()
        && tok_key(doc, a + 1).given_name().is_some()
        && people::looks_like_person(doc, a + 1, b)
    {
        let mut t = Typed::new(doc.span(a + 1, b - 1), Kind::Person, "title+capitalised", 3);
        t.titles = vec![crate::text::fold(doc.span(a - 2, a).of(doc.text))];
        t.country = country;
        out.push(t);
        return;
    }
    // "U.S. Open", "Hong Kong Open", "World Cup": events are not people, places or
    // organisations.
    if b - a >= 2 && is_event_word(doc.tok(b - 1)) {
        return;
    }
    // "West German", "South Korean officials": a people's adjective names no one.
    if b - a >= 2 && places::is_compass(doc.tok(a)) {
        // "North American Equity Services" is a company.
        if let Some(t) = organisations::classify(doc, a, b) {
            out.push(t);
            return;
        }
        let next = doc.tok(a + 1);
        let country = range_key(doc, a, a + 2)
            .demonym()
            .or_else(|| tok_key(doc, a + 1).demonym());
        let continental = matches!(
            next,
            "African"
                | "Africans"
                | "European"
                | "Europeans"
                | "Asian"
                | "Asians"
                | "American"
                | "Americans"
                | "Arab"
                | "Arabs"
        );
        if country.is_some() || continental {
            if a + 2 < b {
                classify_rest(doc, a + 2, b, country, None, out);
            }
            return;
        }
    }
    // "in Arlington Virginia": a town and its state.
    if let Some(both) = places::town_and_region(doc, a, b) {
        out.extend(both);
        return;
    }
    // "Cofinec CEO Stephen Frater", "South Carolina Gov. David Beasley": a title inside the
    // chunk splits it.
    if b - a >= 3 {
        for k in a + 1..b - 1 {
            if tok_key(doc, k).title().is_none()
                && !(k + 1 < b && range_key(doc, k, k + 2).title().is_some())
            {
                continue;
            }
            let (titles, after) = people::strip_titles(doc, k, b, None);
            if !titles.is_empty() && after < b && people::looks_like_person(doc, after, b) {
                let mut t =
                    Typed::new(doc.span(after, b - 1), Kind::Person, "title+capitalised", 3);
                t.titles = titles;
                t.country = country;
                out.push(t);
                if let Some(t) = whole_gazetteer(doc, a, k) {
                    out.push(t);
                } else {
                    classify_rest(doc, a, k, country, None, out);
                }
                return;
            }
        }
    }
    // "Ambassador to the United States Hamdullah Mohib": a country, then a person's name.
    if b - a >= 3 {
        // "Chad Johnson", "Jordan Henderson": a common given name is no country here.
        let given = tok_key(doc, a)
            .given_name()
            .is_some_and(|(_, f)| f >= 100_000);
        for k in (a + 1..b - 1).filter(|_| !given) {
            let country = places::classify_known(doc, a, k)
                .filter(|t| t.place.is_some_and(|p| p.kind() == "country"));
            if let Some(c) = country.filter(|_| people::looks_like_person(doc, k, b)) {
                // "Indonesia AirAsia Flight 8501": ordinary words make no name.
                let plain = (k..b).any(|i| {
                    let t = tok_key(doc, i);
                    t.is_common_word() && t.given_name().is_none() && t.surname().is_none()
                });
                if !plain && (k..b).all(|i| tok_key(doc, i).places().is_empty()) {
                    out.push(c);
                    out.push(Typed::new(
                        doc.span(k, b - 1),
                        Kind::Person,
                        "country+name",
                        2,
                    ));
                    return;
                }
            }
        }
    }
    // "Refugee Council Enver Solomon": an organisation or place, then a person's name.
    if b - a >= 3 {
        for k in (a + 1).max(b.saturating_sub(3))..b - 1 {
            if tok_key(doc, k).given_name().is_none() || !people::looks_like_person(doc, k, b) {
                continue;
            }
            let head = whole_gazetteer(doc, a, k)
                .or_else(|| organisations::classify(doc, a, k))
                .or_else(|| places::classify(doc, a, k));
            // A strong head only: not "Abu" of "Abu Abdul Qader" (a Japanese town).
            let strong = head.as_ref().is_some_and(|h| {
                h.kind == Kind::Organisation
                    || k - a > 1
                    || h.place.is_some_and(|p| p.kind() != "city")
                    || h.place.is_none()
            }) && !(k - a == 1 && tok_key(doc, a).given_name().is_some())
                && !matches!(doc.tok(a), "Abu" | "Umm" | "Bin" | "Ibn" | "Al" | "El");
            if let (true, Some(mut h)) = (strong, head) {
                h.country = h.country.or(country);
                out.push(h);
                let mut t = Typed::new(doc.span(k, b - 1), Kind::Person, "given-name", 2);
                t.country = country;
                out.push(t);
                return;
            }
        }
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
    if let Some(t) = organisations::from_context(doc, a, b) {
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
    if organisations::is_acronym(text) && range_key(doc, a, b).title().is_none() {
        out.push(Typed::new(span, Kind::Organisation, "acronym", 1));
        return;
    }
    // Unknown capitalised words: person candidates when they look like names; weak ones are
    // kept only when a full name confirms them.
    if let Some(mut t) = people::weak(doc, a, b) {
        t.country = country;
        out.push(t);
    }
}

word_test!(
    /// True for one of the commonest sentence openers ("The", "However"), answered without a
    /// gazetteer lookup.
    is_frequent_opener,
    FREQUENT_OPENERS,
    [
        "A",
        "After",
        "Also",
        "An",
        "And",
        "As",
        "At",
        "But",
        "By",
        "During",
        "For",
        "He",
        "Her",
        "His",
        "However",
        "I",
        "If",
        "In",
        "It",
        "Its",
        "Meanwhile",
        "On",
        "Our",
        "She",
        "Since",
        "So",
        "That",
        "The",
        "Their",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Under",
        "We",
        "When",
        "While",
        "With",
        "You",
    ]
);

/// True when the sentence-initial token `a` is an ordinary word, not the start of a name
/// (`whole` the key of `[a, b)`).
fn sentence_opener(doc: &KeyedDoc, a: usize, b: usize, whole: &gazetteer::Key) -> bool {
    let t = doc.tok(a);
    if is_frequent_opener(t) {
        return true;
    }
    // One key for every table: the chunk's own when it is this one word.
    let own;
    let k = if b == a + 1 {
        whole
    } else {
        own = tok_key(doc, a);
        &own
    };
    if k.title().is_some() && b > a + 1 {
        return false;
    }
    if k.demonym().is_some() {
        return false;
    }
    if k.places()
        .any_kind(|k| matches!(k, "country" | "continent" | "region" | "subdivision"))
    {
        return false;
    }
    if k.organisation()
        .is_some_and(|o| o.name == t || o.alias_list().any(|x| x == t))
    {
        return false;
    }
    if k.given_name().is_some() && b > a + 1 {
        return false;
    }
    k.is_common_word()
}

/// What makes an entity one: a user entry, a gazetteer row, or a name's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Group {
    /// A user gazetteer entry (its index).
    User(usize),
    /// A gazetteer place: canonical name and country, by their numbers among the place
    /// table's strings (`PlaceId::canonical_id`: equal numbers, equal names).
    Place(u32, u32),
    /// A gazetteer organisation, by name.
    Org(&'static str),
    /// A name the gazetteers do not give, by the number of its key (see `group`).
    Name(usize),
}

/// Which entity a typed name belongs to: a kind and what is unique to the entity.
type GroupKey = (Kind, Group);

/// Numbers equal items alike: each item's class and the number of classes. By sorting, not
/// hashing: cheaper for the few names of one article, and the cost does not depend on how
/// names hash. `hint` gives a number equal items share (a key's first bytes): items are sorted
/// by it first, so most comparisons are of two numbers, and classes are numbered in that order.
fn classes<T: Ord>(items: &[T], hint: impl Fn(&T) -> u64) -> (Vec<usize>, usize) {
    let mut order: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (hint(t), i))
        .collect();
    order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| items[a.1].cmp(&items[b.1])));
    let mut class = vec![0; items.len()];
    let mut count = 0;
    for (k, &(h, i)) in order.iter().enumerate() {
        if k == 0 || order[k - 1].0 != h || items[order[k - 1].1] != items[i] {
            count += 1;
        }
        class[i] = count - 1;
    }
    (class, count)
}

/// The first eight bytes of `s` as a big-endian number, zero-padded: ordered as the bytes are.
fn head(s: &str) -> u64 {
    // A shorter string is read little-endian, zero-padded (`tail_word`), and byte-swapped,
    // which puts its first byte highest.
    match s.as_bytes().first_chunk::<8>() {
        Some(eight) => u64::from_be_bytes(*eight),
        None => gazetteer::tail_word(s.as_bytes()).swap_bytes(),
    }
}

/// A number equal group keys share, for `classes`: the kind, the sort of group, and its
/// number(s) or the first bytes of its name.
fn group_hint(&(kind, group): &GroupKey) -> u64 {
    let (sort, rest) = match group {
        Group::User(u) => (0, u as u64),
        Group::Place(name, country) => (1, u64::from(name) << 24 | u64::from(country)),
        Group::Org(name) => (2, head(name) >> 8),
        Group::Name(id) => (3, id as u64),
    };
    (kind as u64) << 60 | sort << 56 | rest & ((1 << 56) - 1)
}

/// What `group` works out once per distinct name key.
#[derive(Clone, Default)]
struct KeyFacts {
    /// The strongest reading of the key: its strength and kind.
    best: Option<(u8, Kind)>,
    /// A name with the key has been read as a full person name.
    seen_full: bool,
    /// Words in the key (`key_word_count`).
    words: usize,
    /// The full name a partial name with the key stands for, once worked out.
    full_name: std::cell::Cell<Option<Option<usize>>>,
}

/// What `group` works out once per group of names.
#[derive(Clone, Copy, Default)]
struct GroupFacts {
    /// The strength of its surest name (zero: the group is dropped).
    strongest: u8,
    /// Its names, counted so that its entity's list of mentions is made once.
    members: u32,
    /// Its entity, once made.
    entity: Option<usize>,
}

/// What `group` keeps of each mention to name its entity.
#[derive(Clone, Copy)]
struct MentionFacts {
    /// A name the text gives as another name of the entity ("also known as", an acronym).
    alias: bool,
    /// On a shouted line.
    caps: bool,
    /// The typed name behind it.
    typed: usize,
}

/// Groups typed names into entities: one type per name, the same gazetteer row or name → the
/// same entity, a person's surname or partial name → the fullest name containing it, an
/// acronym or alias → the name it stands for.
fn group(doc: &Doc, typed: Vec<Typed>, user: Option<&UserGazetteer>, caps: &[bool]) -> Names {
    // The end of the last shouted sentence: a name after it is on none (most texts have none,
    // and their names need no search for their token).
    let caps_end = caps
        .iter()
        .rposition(|&c| c)
        .map_or(0, |s| doc.sentences[s].span.end);
    let shouted = |span: Span| -> bool {
        span.start < caps_end && {
            let t = doc.token_at(span.start);
            t < doc.tokens.len() && caps[doc.sentence_of[t] as usize]
        }
    };
    let n = typed.len();
    let keys: Vec<Cow<str>> = typed.iter().map(|t| span_key(doc, t.span)).collect();
    // Each distinct key gets a number: later steps index by it instead of hashing the key
    // again.
    let (key_id, distinct) = classes(&keys, |k| head(k));
    let mut kinds: Vec<Kind> = typed.iter().map(|t| t.kind).collect();
    let mut facts: Vec<KeyFacts> = vec![KeyFacts::default(); distinct];

    // 1. One type per name: the strongest reading of a surface form wins everywhere.
    for ((t, &k), key) in typed.iter().zip(&key_id).zip(&keys) {
        let f = &mut facts[k];
        let e = f.best.get_or_insert((t.strength, t.kind));
        if t.strength > e.0 {
            *e = (t.strength, t.kind);
        }
        // Words in each distinct key, counted once (no key has none).
        if f.words == 0 {
            f.words = key_word_count(key);
        }
    }
    for i in 0..n {
        if let Some((s, kind)) = facts[key_id[i]].best {
            if kind != kinds[i] && s > typed[i].strength {
                kinds[i] = kind;
            }
        }
    }

    // 2. Full person names (two words or more), by each of their words: (word, name) pairs.
    // Each distinct full name once (its first mention), so a name repeated many times costs
    // nothing more: no list grows with the number of mentions.
    let mut parts: Vec<(&str, usize)> = Vec::new();
    for i in 0..n {
        if kinds[i] != Kind::Person || typed[i].alias_of.is_some() {
            continue;
        }
        if std::mem::replace(&mut facts[key_id[i]].seen_full, true) {
            continue;
        }
        let key: &str = &keys[i];
        // Two words or more.
        let Some(last_space) = last_space(key) else {
            continue;
        };
        for w in key_words(key) {
            if w.chars().count() > 1 && !PARTICLES.contains(&w) && !w.ends_with('.') {
                parts.push((w, i));
            }
        }
        // "bin Laden": particle plus surname.
        let before = &key[..last_space];
        let before_last = self::last_space(before).map_or(before, |j| &before[j + 1..]);
        if PARTICLES.contains(&before_last) {
            parts.push((&key[last_space - before_last.len()..], i));
        }
    }
    // By word, then in text order (the order the names were pushed in): the full names of a
    // word side by side, found by binary search.
    parts.sort_unstable();
    // The first bytes of the parts: most names start with none of them, and are not searched.
    let mut part_firsts = ByteSet::new();
    for (part, _) in &parts {
        part_firsts.insert(part.as_bytes()[0]);
    }
    // The full names (their typed names, in text order) holding the word `k`.
    let full_names_of = |k: &str| -> Option<&[(&str, usize)]> {
        if !part_firsts.starts(k) {
            return None;
        }
        let lo = parts.partition_point(|p| p.0 < k);
        let len = parts[lo..].partition_point(|p| p.0 == k);
        (len > 0).then(|| &parts[lo..lo + len])
    };
    // The words of the name as written (`key_word_count`).
    let word_count = |i: usize| facts[key_id[i]].words;
    // The full name a partial one refers to: the first (and fullest) one the article gives.
    // "Mohamed" after "Ahmed Mohamed" and his father "Mohamed El-Hassan Mohamed" is the
    // article's first Mohamed. A two-word name inside a longer one ("Abdelbaset al-Megrahi" of
    // "Abdelbaset Ali al-Megrahi") needs the same first and last word.
    fn ends(k: &str) -> (&str, &str) {
        let b = k.as_bytes();
        let f = b.iter().position(|&c| c == b' ').map_or(k, |i| &k[..i]);
        let l = b
            .iter()
            .rposition(|&c| c == b' ')
            .map_or(k, |i| &k[i + 1..]);
        (f, l)
    }
    let full_name_by_key = |i: usize| -> Option<usize> {
        let wc = word_count(i);
        let (cands, need_first) = match full_names_of(&keys[i]) {
            // One word, or a particle and surname ("bin laden").
            Some(c) => (c, false),
            None if wc > 1 => (full_names_of(ends(&keys[i]).1)?, true),
            None => return None,
        };
        let first = ends(&keys[i]).0;
        let fits = |c: usize| word_count(c) > wc && (!need_first || ends(&keys[c]).0 == first);
        let first_fit = cands.iter().map(|p| p.1).find(|&c| fits(c))?;
        // The same person written out more fully elsewhere ("Abdelbaset al-Megrahi" and
        // "Abdelbaset Ali al-Megrahi"): the fullest form.
        let e0 = ends(&keys[first_fit]);
        cands
            .iter()
            .map(|p| p.1)
            .filter(|&c| fits(c) && ends(&keys[c]) == e0)
            .max_by_key(|&c| (word_count(c), std::cmp::Reverse(c)))
    };
    // It depends on the key alone: worked out once per key.
    let full_name_of = |i: usize| -> Option<usize> {
        let known = &facts[key_id[i]].full_name;
        known.get().unwrap_or_else(|| {
            let full = full_name_by_key(i);
            known.set(Some(full));
            full
        })
    };
    // Place names written in full, by first word ("Hamrin" → "Hamrin Mountains").
    let mut place_prefix: NameMap<&str, usize> = NameMap::default();
    for i in 0..n {
        if kinds[i] != Kind::Place {
            continue;
        }
        if let Some(first) = first_space(&keys[i]).map(|j| &keys[i][..j]) {
            if places::is_feature_name(typed[i].span.of(doc.text)) {
                place_prefix.entry(first).or_insert(i);
            }
        }
    }

    // 3. Each typed name's entity key.
    let base_key = |i: usize, kind: Kind| -> GroupKey {
        let t = &typed[i];
        if let Some(u) = t.user {
            return (kind, Group::User(u));
        }
        let group = match (kind, t.place, t.org) {
            (Kind::Place, Some(p), _) => Group::Place(p.canonical_id(), p.country_id()),
            (Kind::Organisation, _, Some(o)) => Group::Org(o.name),
            _ => Group::Name(key_id[i]),
        };
        (kind, group)
    };
    let mut gkeys: Vec<Option<GroupKey>> = vec![None; n];
    for i in 0..n {
        if typed[i].alias_of.is_some() {
            continue;
        }
        let t = &typed[i];
        // A partial person name: the full name's entity. A weaker other reading of a surname
        // yields to the person ("Jordan" after "Michael Jordan"), but not "in Jordan".
        if t.user.is_none() && word_count(i) <= 2 {
            if let Some(full) = full_name_of(i) {
                // A well-known place (a country, a city that is no given name) stays a place
                // unless the full name is well attested: "Seattle" is not part of a person
                // because a run-on "Donald Trump Seattle" was read as one name.
                // "of" and "from" hold a region or country ("Republican from Texas"), not a
                // town sharing a surname ("clear of Hamilton").
                let loose = matches!(
                    doc.tok(doc.token_at(t.span.start).saturating_sub(1)),
                    "of" | "from"
                ) && t.place.is_some_and(|p| p.kind() == "city");
                let place_holds = kinds[i] == Kind::Place
                    && (after_locative(doc, t.span) && !loose
                        || (t.strength >= 2 && typed[full].strength < 2));
                let yields = match kinds[i] {
                    Kind::Person => true,
                    Kind::Place => !place_holds,
                    Kind::Organisation => t.strength <= 2,
                };
                if yields {
                    kinds[i] = Kind::Person;
                    gkeys[i] = Some((Kind::Person, Group::Name(key_id[full])));
                    continue;
                }
            }
        }
        let feature_or_unknown = t.place.is_none_or(|p| {
            !matches!(
                p.kind(),
                "country" | "continent" | "region" | "subdivision" | "city"
            )
        });
        if t.user.is_none()
            && t.strength <= 2
            && kinds[i] == Kind::Place
            && feature_or_unknown
            && first_space(&keys[i]).is_none()
        {
            if let Some(&full) = place_prefix.get(&*keys[i]) {
                gkeys[i] = Some(base_key(full, Kind::Place));
                continue;
            }
        }
        gkeys[i] = Some(base_key(i, kinds[i]));
    }
    // Aliases: the alias's own key now leads to the entity it stands for, everywhere.
    let mut redirect: NameMap<GroupKey, GroupKey> = NameMap::default();
    for i in 0..n {
        if let Some(a) = typed[i].alias_of {
            let Some(target) = gkeys[a] else {
                continue;
            };
            kinds[i] = target.0;
            if typed[i].user.is_none() {
                redirect.insert((target.0, Group::Name(key_id[i])), target);
                redirect.insert(base_key(i, target.0), target);
            }
            gkeys[i] = Some(target);
        }
    }
    if !redirect.is_empty() {
        for i in 0..n {
            if typed[i].alias_of.is_some() {
                continue;
            }
            if let Some(g) = &gkeys[i] {
                if let Some(&to) = redirect.get(g) {
                    kinds[i] = to.0;
                    gkeys[i] = Some(to);
                }
            }
        }
    }

    // 4. Entities in order of first mention. A group whose every mention is weak is dropped.
    // Each group gets a number, and its facts are indexed by it: a name's group is numbered by
    // its kind and key number, the others (user entries, gazetteer rows) after those, by
    // sorting them.
    let others: Vec<GroupKey> = gkeys
        .iter()
        .flatten()
        .filter(|g| !matches!(g.1, Group::Name(_)))
        .copied()
        .collect();
    let (other_class, other_groups) = classes(&others, group_hint);
    // `others` in step with the groups that are not names.
    let mut other = 0;
    let group_of: Vec<Option<usize>> = gkeys
        .iter()
        .map(|g| {
            g.map(|(kind, group)| match group {
                Group::Name(id) => kind as usize * distinct + id,
                _ => {
                    other += 1;
                    KINDS * distinct + other_class[other - 1]
                }
            })
        })
        .collect();
    let groups = KINDS * distinct + other_groups;
    let mut group_facts: Vec<GroupFacts> = vec![GroupFacts::default(); groups];
    for i in 0..n {
        if let (Some(g), Some(gi)) = (&gkeys[i], group_of[i]) {
            // A name grouped under something other than its own key is confirmed by that.
            let own = g.1 == Group::Name(key_id[i]);
            let confirmed = typed[i].strength.max(u8::from(!own));
            let f = &mut group_facts[gi];
            f.strongest = f.strongest.max(confirmed);
            f.members += 1;
        }
    }
    let mut names = Names {
        entities: Vec::with_capacity(groups.min(n)),
        mentions: Vec::with_capacity(n),
    };
    // In step with `names.mentions`.
    let mut mention_facts: Vec<MentionFacts> = Vec::with_capacity(n);
    for i in 0..n {
        let (Some(g), Some(gi)) = (&gkeys[i], group_of[i]) else {
            continue;
        };
        let f = &mut group_facts[gi];
        if f.strongest == 0 {
            continue;
        }
        let surface = typed[i].span.of(doc.text);
        if user.is_some_and(|u| u.is_denied(surface)) {
            continue;
        }
        let e = *f.entity.get_or_insert_with(|| {
            names.entities.push(Entity {
                kind: Some(g.0),
                mentions: Vec::with_capacity(f.members as usize),
                ..Entity::default()
            });
            names.entities.len() - 1
        });
        let t = &typed[i];
        let ent = &mut names.entities[e];
        for title in &t.titles {
            if !ent.titles.contains(title) {
                ent.titles.push(title.clone());
            }
        }
        ent.country = ent.country.or(t.country);
        if let (Some(u), Some(ug)) = (t.user, user) {
            let entry = &ug.entries()[u];
            ent.name = entry.name.clone();
            ent.user_country = ent.user_country.take().or(entry.country.clone());
        }
        if ent.place.is_none() {
            ent.place = t.place.map(PlaceId::row);
        }
        ent.place_kind = ent.place_kind.or(t.place_kind);
        ent.org = ent.org.or(t.org);
        ent.org_kind = ent.org_kind.or(t.org_kind);
        ent.mentions.push(names.mentions.len());
        mention_facts.push(MentionFacts {
            alias: t.alias_of.is_some(),
            caps: shouted(t.span),
            typed: i,
        });
        names.mentions.push(NameMention {
            span: t.span,
            rule: t.rule,
            entity: e,
        });
    }

    // 5. Canonical names and aliases.
    // The key of a mention's folded surface (a name's key): the mention's own key, but for
    // curly double quotes, which `fold` straightens and `key` keeps (a key borrowed from the
    // lower-cased text is ASCII: it holds none).
    let folded_key = |mi: usize| -> Cow<str> {
        let own = &keys[mention_facts[mi].typed];
        let raw = || names.mentions[mi].span.of(doc.text);
        if matches!(own, Cow::Owned(_)) && raw().contains(['“', '”']) {
            Cow::Owned(gazetteer::key(&crate::text::fold(raw())))
        } else {
            Cow::Borrowed(own)
        }
    };
    // A mention's text as a name (`text::fold`): as written when its key is borrowed (ASCII
    // with single spaces, nothing to fold).
    let surface = |mi: usize| -> String {
        let raw = names.mentions[mi].span.of(doc.text);
        match keys[mention_facts[mi].typed] {
            Cow::Borrowed(_) => raw.to_string(),
            Cow::Owned(_) => crate::text::fold(raw),
        }
    };
    for ent in &mut names.entities {
        // The mention the name is written as, when it is one.
        let mut name_from: Option<usize> = None;
        if ent.name.is_empty() {
            let (name, from) = canonical(
                doc,
                ent,
                &names.mentions,
                &mention_facts,
                &|mi| word_count(mention_facts[mi].typed),
                &surface,
            );
            ent.name = name;
            name_from = from;
        }
        // Worked out on first need: a person's own mentions never need it.
        let mut name_key: Option<Cow<str>> = None;
        let mut aliases: Vec<String> = Vec::new();
        // The keys of `aliases`, in step.
        let mut alias_keys: Vec<Cow<str>> = Vec::new();
        for &mi in &ent.mentions {
            let MentionFacts { alias, caps, .. } = mention_facts[mi];
            // A person's other names are those the text gives as such ("also known as"), not
            // shorter forms of the same name.
            let person_form = ent.kind == Some(Kind::Person) && !alias;
            if person_form || caps && !alias {
                continue;
            }
            let k = folded_key(mi);
            let name_key = name_key.get_or_insert_with(|| match name_from {
                Some(from) => folded_key(from),
                None => Cow::Owned(gazetteer::key(&ent.name)),
            });
            if k == *name_key || (!alias && is_partial_key(name_key, &k)) {
                continue;
            }
            if !alias_keys.contains(&k) {
                aliases.push(surface(mi));
                alias_keys.push(k);
            }
        }
        ent.aliases = aliases;
    }
    if let Some(u) = user {
        for ent in &mut names.entities {
            if u.is_denied(&ent.name) {
                ent.mentions.clear();
                ent.kind = None;
            }
        }
    }
    names
}

/// The name of an entity without a user entry: the text's own name for an administrative unit
/// ("Salahuddin province"), else the fullest mention (most words, then longest), mixed-case
/// mentions before shouted ones (`MentionFacts::caps`); a gazetteer name when every mention is
/// shouted. Also the mention the name is written as (`surface`), when it is one. `words` gives
/// a mention's number of words.
fn canonical(
    doc: &Doc,
    ent: &Entity,
    mentions: &[NameMention],
    facts: &[MentionFacts],
    words: &dyn Fn(usize) -> usize,
    surface: &dyn Fn(usize) -> String,
) -> (String, Option<usize>) {
    // The entity's own mentions (not those the text gives as other names), or all of them.
    let all = ent.mentions.iter().all(|&m| facts[m].alias);
    let pool = || {
        ent.mentions
            .iter()
            .copied()
            .filter(move |&m| all || !facts[m].alias)
    };
    let written = |m: usize| (surface(m), Some(m));
    if ent.kind == Some(Kind::Place) {
        if let Some(m) = pool().find(|&m| mentions[m].rule == "admin-word") {
            return written(m);
        }
    }
    // The gazetteer's name only when the text gives none in mixed case ("KUNDUZ, Afghanistan
    // --"); the article's own spelling otherwise ("Mazar-i-Sharif", "UK"), the gazetteer's
    // standard name going to `canonical`.
    let gazetteer_name = match ent.kind {
        Some(Kind::Place) => ent.place.map(|p| p.canonical),
        Some(Kind::Organisation) => ent.org.map(|o| o.name),
        _ => None,
    };
    // A place in capitals of four letters or more is a dateline's or headline's ("KUNDUZ"),
    // not the article's spelling; "UK" and "UAE" are.
    let capitals = |m: usize| {
        facts[m].caps || ent.kind == Some(Kind::Place) && in_capitals(mentions[m].span.of(doc.text))
    };
    if let Some(g) = gazetteer_name {
        if pool().all(capitals) {
            return (g.to_string(), None);
        }
    }
    // One mention is the fullest of one.
    let mut candidates = pool();
    let best = match (candidates.next(), candidates.next()) {
        (Some(m), None) => Some(m),
        _ => pool().max_by_key(|&m| {
            let len = mentions[m].span.len();
            (!capitals(m), words(m), len, std::cmp::Reverse(m))
        }),
    };
    best.map_or_else(|| (String::new(), None), written)
}

/// Four letters or more, none of them lower case ("KUNDUZ"); ASCII answered by bytes.
fn in_capitals(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 4;
    }
    s.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !s.chars().any(char::is_lowercase)
}

/// The number of words of a name whose key is `k`: `s.split_whitespace().count()` of any
/// text `s` that is not blank and folds to `k` (`gazetteer::key` turns each run of whitespace
/// into one space and trims the ends, so the words are what lies between the spaces).
fn key_word_count(k: &str) -> usize {
    k.bytes().filter(|&b| b == b' ').count() + 1
}

/// True when the name at `span` follows a locative preposition ("in Jordan").
fn after_locative(doc: &Doc, span: Span) -> bool {
    let i = doc.token_at(span.start);
    i > 0
        && matches!(
            doc.tok(i - 1),
            "in" | "to" | "from" | "near" | "across" | "into" | "of" | "at" | "visit" | "visited"
        )
}

/// The position of the first space of a key (`k.find(' ')`, read byte by byte: keys are short,
/// and a string search costs more to set up).
fn first_space(k: &str) -> Option<usize> {
    k.bytes().position(|c| c == b' ')
}

/// The position of the last space of a key (`k.rfind(' ')`, as `first_space`).
fn last_space(k: &str) -> Option<usize> {
    k.bytes().rposition(|c| c == b' ')
}

/// The words of a key (`k.split(' ')`, as `first_space`).
fn key_words(k: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(k);
    std::iter::from_fn(move || {
        let r = rest?;
        match first_space(r) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// True when `short` is a word-wise part of `full` ("al-Sudani" of "Mohammed Shia al-Sudani").
pub fn is_partial(full: &str, short: &str) -> bool {
    is_partial_key(&gazetteer::key(full), &gazetteer::key(short))
}

fn is_partial_key(f: &str, s: &str) -> bool {
    key_words(f).any(|w| w == s)
        || (f.ends_with(s) && f.len() > s.len() && f.as_bytes()[f.len() - s.len() - 1] == b' ')
        || (f.starts_with(s) && f.len() > s.len() && f.as_bytes()[s.len()] == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Kind, String, Vec<String>)> {
        let doc = Doc::new(text);
        let names = find_names(&doc);
        names
            .entities
            .iter()
            .filter(|e| !e.mentions.is_empty())
            .map(|e| {
                (
                    e.kind(),
                    e.name.clone(),
                    e.mentions
                        .iter()
                        .map(|&m| names.mentions[m].span.of(text).to_string())
                        .collect(),
                )
            })
            .collect()
    }

    fn names_of(text: &str, kind: Kind) -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|e| e.0 == kind)
            .map(|e| e.1)
            .collect()
    }

    #[test]
    fn surname_first_groups_under_full_name() {
        let f = found("Al-Sudani spoke first. Later Mohammed Shia al-Sudani said he would go.");
        let p: Vec<_> = f.iter().filter(|e| e.0 == Kind::Person).collect();
        assert_eq!(p.len(), 1, "{f:?}");
        assert_eq!(p[0].1, "Mohammed Shia al-Sudani");
        assert_eq!(p[0].2, ["Al-Sudani", "Mohammed Shia al-Sudani"]);
    }

    #[test]
    fn sentence_initial_known_names_survive() {
        assert!(names_of("New Zealand won the match.", Kind::Place)
            .contains(&"New Zealand".to_string()));
        assert!(names_of("Police said the road was closed.", Kind::Place).is_empty());
        assert!(names_of("March was cold in Oslo.", Kind::Place) == ["Oslo"]);
    }

    #[test]
    fn us_is_a_place_even_as_a_modifier() {
        let f = found("The U.S. economy grew, U.S. officials said, and the United States agreed.");
        let places: Vec<_> = f.iter().filter(|e| e.0 == Kind::Place).collect();
        assert_eq!(places.len(), 1, "{f:?}");
        assert_eq!(places[0].1, "United States");
        assert_eq!(places[0].2.len(), 3);
    }

    #[test]
    fn shouted_headline_reads_through_body_names() {
        let f = found("MCCARTHY NAMES TEAM FOR LIECHTENSTEIN GAME\nIrish manager Mick McCarthy named his team.");
        let p: Vec<_> = f.iter().filter(|e| e.0 == Kind::Person).collect();
        assert_eq!(p.len(), 1, "{f:?}");
        assert_eq!(p[0].1, "Mick McCarthy");
        assert_eq!(p[0].2, ["MCCARTHY", "Mick McCarthy"]);
    }

    #[test]
    fn key_word_counts_and_ascii_capitals_match_the_unicode_ones() {
        for s in [
            "",
            " ",
            "a",
            "New York",
            "  New \t York\n",
            "KUNDUZ",
            "UK",
            "Kunduz",
            "A B C D",
            "U.S.",
            "X\u{b}Y\u{c}Z",
            "x\u{1c}y",
            "É A B C",
            "Ülm",
            "São\u{a0}Paulo",
            " Hong\u{2003} Kong\u{3000}",
        ] {
            if !s.trim().is_empty() {
                let words = key_word_count(&gazetteer::key(s));
                assert_eq!(words, s.split_whitespace().count(), "{s:?}");
            }
            let unicode = s.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !s.chars().any(char::is_lowercase);
            assert_eq!(in_capitals(s), unicode, "{s:?}");
        }
    }

    #[test]
    fn remembered_word_keys_match_fresh_ones() {
        let doc = Doc::new("Mick McCarthy met Zoë Ball in Paris, and McCarthy left.");
        let keyed = KeyedDoc::new(&doc);
        for _ in 0..2 {
            for i in 0..doc.tokens.len() {
                let (got, fresh) = (tok_key(&keyed, i), gazetteer::Key::new(doc.tok(i)));
                assert_eq!(got.as_str(), fresh.as_str());
                assert_eq!(got.hash(), fresh.hash());
            }
        }
        // ASCII words keep their hash; "Zoë" is folded each time.
        let zoe = (0..doc.tokens.len())
            .find(|&i| doc.tok(i) == "Zoë")
            .unwrap();
        assert_eq!(keyed.hashes[zoe].get(), 0);
        assert_ne!(keyed.hashes[0].get(), 0);
    }

    #[test]
    fn classes_number_equal_items_alike() {
        let (class, count) = classes(&["b", "a", "b", "c", "a"], |_| 0);
        assert_eq!((class, count), (vec![1, 0, 1, 2, 0], 3));
        let words = ["new york", "new yorker", "new york", "paris", "n"];
        let (class, count) = classes(&words, |w| head(w));
        assert_eq!((class, count), (vec![1, 2, 1, 3, 0], 4));
        assert_eq!(classes::<u8>(&[], |_| 0), (vec![], 0));
    }

    #[test]
    fn heads_are_the_first_eight_bytes_big_endian() {
        assert_eq!(head(""), 0);
        let s = "abcdefghij";
        for n in 1..=s.len() {
            let b = &s.as_bytes()[..n.min(8)];
            let folded =
                b.iter().fold(0u64, |h, &c| (h << 8) | u64::from(c)) << (8 * (8 - b.len()));
            assert_eq!(head(&s[..n]), folded, "{n}");
        }
    }

    #[test]
    fn key_words_and_spaces_match_the_string_searches() {
        for k in [
            "",
            " ",
            "a",
            "new york",
            "a  b ",
            " al sudani",
            "mick mccarthy jr.",
        ] {
            assert_eq!(
                key_words(k).collect::<Vec<_>>(),
                k.split(' ').collect::<Vec<_>>()
            );
            assert_eq!(first_space(k), k.find(' '));
            assert_eq!(last_space(k), k.rfind(' '));
        }
    }

    #[test]
    fn frequent_openers_are_sorted() {
        assert!(FREQUENT_OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(FREQUENT_OPENERS.iter().all(|w| is_frequent_opener(w)));
        assert!(CALENDAR_WORDS.iter().all(|w| is_calendar_word(w)));
        assert!(!is_calendar_word("Mayor") && !is_calendar_word("may"));
        assert!(!is_frequent_opener("THE") && !is_frequent_opener("the"));
    }

    #[test]
    fn long_capital_runs_stay_linear_and_bounded() {
        let text = "Smith ".repeat(20_000);
        let doc = Doc::new(&text);
        let names = find_names(&doc);
        assert!(names.mentions.iter().all(|m| m.span.len() < 100));
    }
}
