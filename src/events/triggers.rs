//! Event triggers: the words that report an event, read from `data/event_triggers.tsv`, and the
//! context rules that decide whether a word in a sentence really reports one.
//!
//! Input: a `Doc`, its `Names`, one sentence. Output: `Cand`idate triggers (token ranges, type,
//! noun or verb, definite or not) in text order. The table is compiled by build.rs into static
//! data: each surface form (regular inflections are generated from the lemma) with its rows,
//! found through a static hash index, so nothing is parsed at run time.
//! A word is taken only when its part of speech fits the row (a determiner before "attack"
//! makes it a noun, a name or an auxiliary makes it a verb) and its cue holds ("fell" is a
//! market move only after "shares", "fired" a dismissal only before a person). Nouns that only
//! modify another noun ("crash victims"), generic plurals ("periodic attacks") and words inside
//! names or quotations are dropped. Does not group triggers into events (see `mod.rs`).

use super::words::{SignatureBytes, WordSet};
use crate::names::{NameMention, Names};
use crate::text::{Doc, Token, TokenKind};
use once_cell::sync::Lazy;

/// Part of speech a row allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A verb form.
    Verb,
    /// A noun.
    Noun,
    /// Either; context decides.
    Either,
    /// An adjective ("dead").
    Adjective,
}

/// A context a trigger needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// None.
    Always,
    /// A reporting verb ("said"): a weak statement.
    Report,
    /// A market word before it ("shares fell"); for rally/crash/sink it turns them into a
    /// market move instead.
    Market,
    /// "charged with", "charges against": not "charging from 16th place".
    Legal,
    /// A crime named after "with", "of", "for" ("charged with murder") is not an event.
    ChargeName,
    /// "fired on/at/shots" is an attack; "fired `<person>`" a dismissal; otherwise nothing.
    Fire,
    /// A person, an organisation or a title must follow.
    PersonAfter,
    /// A person or organisation must be in the clause ("met", "clashed").
    Actor,
    /// "in"/"at" and a place follow ("landed in Washington").
    PlaceAfter,
    /// A number or a form of "be" before it ("seven dead", "five are hurt").
    CountOrBe,
    /// A military or security word before it ("military operation").
    Operation,
    /// A noun, not the adjective ("launched an offensive" vs "offensive remarks").
    Offensive,
    /// Money words nearby ("net loss", "posted a profit"), not "loss of life".
    Finance,
    /// A company or stake as object ("buy a stake", "bought Acme").
    Company,
    /// A structure collapses ("crane collapse"), not a team or talks.
    Structure,
    /// Weather, not "a storm of criticism".
    Storm,
    /// "struck" is a disaster after "earthquake"; a labour "strike" is a protest.
    Strike,
    /// A prison sentence, not a grammatical one.
    Sentence,
    /// "fell down a well", "fell from a balcony".
    FallDown,
    /// A vehicle overturned, not a court ruling.
    Vehicle,
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Row {
    /// Event type.
    pub kind: &'static str,
    /// Part of speech.
    pub pos: Pos,
    /// Context needed.
    pub cue: Cue,
    /// Words after the first one (lower case), for phrases ("step down").
    pub rest: &'static [&'static str],
}

/// A surface form as a map key: its bytes (at most 24) zero-padded and read as three numbers,
/// so that a lookup hashes and compares three integers rather than a byte string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key(u64, u64, u64);

impl Key {
    /// The key of the lower-case form `b`; `None` past 24 bytes.
    #[inline]
    fn new(b: &[u8]) -> Option<Key> {
        let mut buf = [0u8; 24];
        buf.get_mut(..b.len())?.copy_from_slice(b);
        let word = |k: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&buf[8 * k..8 * k + 8]);
            u64::from_le_bytes(w)
        };
        Some(Key(word(0), word(1), word(2)))
    }

    /// `gazetteer::key_hash` of the form's `len` bytes, from its packed words: the same value,
    /// since that hash reads the bytes eight at a time and zero-pads the last ones.
    #[inline]
    fn hash(&self, len: usize) -> u32 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = (len as u64).wrapping_mul(K);
        for &w in [self.0, self.1, self.2].iter().take(len.div_ceil(8)) {
            h = (h.rotate_left(26) ^ w).wrapping_mul(K);
        }
        (h >> 32) as u32
    }
}

/// The table as build.rs compiles it from `data/event_triggers.tsv`: `ROWS`, `FORMS` (each
/// form with its run of rows), `KEYS` (each form packed) and `INDEX` (open addressing over
/// `gazetteer::key_hash`).
mod table {
    use super::{Cue, Key, Pos, Row};
    include!(concat!(env!("OUT_DIR"), "/triggers.rs"));
}

/// The trigger table: static data behind a static hash index.
struct Table;

/// Surface form (lower case, first word) → rows.
static TRIGGERS: Table = Table;

impl Table {
    /// The rows of the form packed in `key`, `len` bytes long.
    #[inline]
    fn get(&self, key: &Key, len: usize) -> Option<&'static [Row]> {
        let mask = table::INDEX.len() - 1;
        let mut s = key.hash(len) as usize & mask;
        loop {
            let i = table::INDEX[s];
            if i == u32::MAX {
                return None;
            }
            if table::KEYS[i as usize] == *key {
                let (_, a, b) = table::FORMS[i as usize];
                return Some(&table::ROWS[usize::from(a)..usize::from(b)]);
            }
            s = (s + 1) & mask;
        }
    }

    /// Every form, with its packed key.
    fn forms(&self) -> impl Iterator<Item = (&'static str, &'static Key)> {
        table::FORMS.iter().map(|f| f.0).zip(&table::KEYS)
    }

    /// Every form's rows.
    fn values(&self) -> impl Iterator<Item = &'static [Row]> {
        table::FORMS
            .iter()
            .map(|&(_, a, b)| &table::ROWS[usize::from(a)..usize::from(b)])
    }

    /// The number of forms.
    #[cfg(test)]
    fn len(&self) -> usize {
        table::FORMS.len()
    }
}

/// Every event type the table uses, for tests and documentation.
pub fn kinds() -> Vec<&'static str> {
    let mut k: Vec<&'static str> = TRIGGERS.values().flatten().map(|r| r.kind).collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// The rows for a token, looked up in lower case without allocating.
pub fn rows_for(word: &str) -> Option<&'static [Row]> {
    let b = word.as_bytes();
    if b.len() < 3 || b.len() > 24 {
        return None;
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let b = &buf[..b.len()];
    if !fits(&SHAPES, b) {
        return None;
    }
    rows_for_lower(b)
}

/// `rows_for` of token `i`, read from the document's lower-cased text: the quick rejections
/// inline, the lookup out of line.
#[inline(always)]
pub fn rows_for_token(doc: &Doc, i: usize) -> Option<&'static [Row]> {
    let b = doc.lower_bytes(i);
    if !fits(&SHAPES, b) {
        return None;
    }
    rows_for_lower(b)
}

/// True when some form of the table has the length (3 to 24 bytes), the first byte and the last
/// letter (read by its five low bits) of the lower-case word `b`: most words can't be triggers,
/// and are turned away by this before they are hashed.
#[inline(always)]
fn fits(shapes: &Shapes, b: &[u8]) -> bool {
    let n = b.len();
    if !(3..=24).contains(&n) {
        return false;
    }
    // Another byte with a letter's five low bits passes as that letter, to be turned away by
    // the lookup: a mask is cheaper than a table.
    shapes[n][usize::from(b[0])] & (1 << (b[n - 1] & 31)) != 0
}

/// The rows for a lower-case word that passed the shape test (the forms are ASCII: no other
/// word matches one).
#[inline(never)]
fn rows_for_lower(b: &[u8]) -> Option<&'static [Row]> {
    TRIGGERS.get(&Key::new(b)?, b.len())
}

/// The first (up to) eight bytes of the `len` bytes at `start` of `text`, zero-padded and
/// read as a little-endian number (the first number of their `Key`): one load where the text
/// goes on that far.
#[inline(always)]
fn head_at(text: &[u8], start: usize, len: usize) -> u64 {
    match text.get(start..start + 8) {
        Some(eight) => {
            let v = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            // Only the word's own bytes: the rest are zeros, as in the padding.
            if len >= 8 {
                v
            } else {
                v & ((1u64 << (8 * len)) - 1)
            }
        }
        None => text
            .get(start..start + len.min(8))
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0, |v, &c| (v << 8) | u64::from(c)),
    }
}

/// `rows_for_lower` of the `len` bytes at `start` of the lower-cased `text`, whose `head_at`
/// is `head`: a word of up to eight bytes is its head.
#[inline(never)]
fn rows_at(text: &[u8], start: usize, len: usize, head: u64) -> Option<&'static [Row]> {
    if len <= 8 {
        TRIGGERS.get(&Key(head, 0, 0), len)
    } else {
        rows_for_lower(text.get(start..start + len)?)
    }
}

/// A sieve over the table's forms: one bit per hash of a form's head and length, set for each
/// form. Most words that pass the shape or signature test are not forms, and are turned away
/// by one bit test here before the table is hashed.
struct Sieve([u64; 256]);

impl Sieve {
    /// The word and bit of a head and length.
    #[inline(always)]
    fn slot(head: u64, len: usize) -> (usize, u64) {
        let h = (head ^ (len as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 50;
        ((h >> 6) as usize, 1 << (h & 63))
    }

    #[inline(always)]
    fn may_hold(&self, head: u64, len: usize) -> bool {
        let (w, bit) = Sieve::slot(head, len);
        self.0[w] & bit != 0
    }
}

/// The sieve of the table's forms.
static SIEVE: Lazy<Sieve> = Lazy::new(|| {
    let mut bits = [0u64; 256];
    for (form, k) in TRIGGERS.forms() {
        let (w, bit) = Sieve::slot(k.0, form.len());
        bits[w] |= bit;
    }
    Sieve(bits)
});

/// The signatures of the table's forms and of the quotation marks: most tokens are turned away
/// by their signature alone.
static SIGNATURES: Lazy<SignatureBytes> = Lazy::new(|| {
    let marks: [&[u8]; 3] = [b"\"", "\u{201C}".as_bytes(), "\u{201D}".as_bytes()];
    SignatureBytes::of(
        TRIGGERS
            .forms()
            .map(|(form, _)| form.as_bytes())
            .chain(marks),
    )
});

/// Past tense and participle forms of verb-or-noun triggers: "won", "struck", "attacked".
fn is_past_form(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4)
        || matches!(
            w,
            "won"
                | "struck"
                | "fought"
                | "met"
                | "fled"
                | "sank"
                | "stole"
                | "sold"
                | "bought"
                | "rose"
                | "took"
                | "taken"
                | "held"
                | "beaten"
                | "swore"
                | "sworn"
                | "overthrew"
        )
}

/// For each length up to 24 and first byte, the set of last letters (by their five low bits)
/// of the table's keys that open and end with a lower-case letter (no other key is looked up).
type Shapes = [[u32; 256]; 25];

/// The shapes of the table's keys.
static SHAPES: Lazy<Shapes> = Lazy::new(|| {
    let mut out = [[0u32; 256]; 25];
    for (form, _) in TRIGGERS.forms() {
        let b = form.as_bytes();
        if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            if let (true, true, Some(row)) = (
                first.is_ascii_lowercase(),
                last.is_ascii_lowercase(),
                out.get_mut(b.len()),
            ) {
                row[usize::from(first)] |= 1 << (last & 31);
            }
        }
    }
    out
});

/// A candidate trigger in a sentence.
#[derive(Debug, Clone)]
pub struct Cand {
    /// First token.
    pub first: usize,
    /// Last token (phrases span several).
    pub last: usize,
    /// Event type.
    pub kind: &'static str,
    /// Read as a noun.
    pub noun: bool,
    /// A weak reporting verb ("said").
    pub weak: bool,
    /// A definite noun phrase ("the attack"): may refer back to an event already reported.
    pub definite: bool,
}

fn lower_is(doc: &Doc, i: usize, set: &[&str]) -> bool {
    // The sets are lower case: compared with the lower-cased token.
    let t = doc.lower_bytes(i);
    set.iter().any(|s| s.as_bytes() == t)
}

/// Objects of "kill" that are no people: animals, plants, proposals, hopes.
const NOT_VICTIM: &[&str] = &[
    "fish",
    "trees",
    "forests",
    "crops",
    "plants",
    "cattle",
    "livestock",
    "animals",
    "birds",
    "bees",
    "bacteria",
    "weeds",
    "bill",
    "deal",
    "plan",
    "plans",
    "proposal",
    "idea",
    "measure",
    "legislation",
    "hopes",
    "chances",
    "jobs",
    "time",
    "engine",
    "story",
];

/// Words after which a trigger is a noun.
static NOUN_BEFORE: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "of",
    "in",
    "on",
    "at",
    "for",
    "after",
    "before",
    "during",
    "following",
    "amid",
    "against",
    "from",
    "with",
    "into",
    "about",
    "since",
    "any",
    "no",
    "another",
    "each",
    "every",
    "such",
    "first",
    "last",
    "latest",
    "new",
    "deadly",
    "fatal",
    "major",
    "massive",
    "powerful",
    "suspected",
    "apparent",
    "alleged",
    "fresh",
    "recent",
    "'s",
    "’s",
    "s",
    "suicide",
    "twin",
    "coordinated",
    "further",
    "more",
    "fierce",
    "heavy",
    "renewed",
    "failed",
    "planned",
]);

/// Words after which a trigger is a verb.
static VERB_BEFORE: WordSet = WordSet::new(&[
    "to",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "cannot",
    "must",
    "should",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "never",
    "have",
    "has",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "they",
    "he",
    "she",
    "it",
    "we",
    "i",
    "you",
    "who",
    "which",
    "also",
    "reportedly",
    "allegedly",
    "then",
    "later",
    "successfully",
    "jointly",
    "formally",
    "finally",
    "unanimously",
    "separately",
    "once",
    "just",
    "already",
    "still",
    "repeatedly",
    "publicly",
]);

/// Nouns a trigger noun may modify ("crash victims", "death penalty"): then it is no event.
static HEAD_AFTER: WordSet = WordSet::new(&[
    "victim",
    "victims",
    "survivor",
    "survivors",
    "site",
    "scene",
    "suspect",
    "suspects",
    "investigation",
    "investigations",
    "investigator",
    "investigators",
    "probe",
    "inquiry",
    "defeat",
    "victory",
    "campaign",
    "campaigns",
    "result",
    "results",
    "night",
    "day",
    "helicopter",
    "helicopters",
    "squad",
    "team",
    "teams",
    "official",
    "officials",
    "zone",
    "threat",
    "threats",
    "warning",
    "warnings",
    "season",
    "penalty",
    "row",
    "law",
    "laws",
    "rules",
    "plan",
    "plans",
    "charge",
    "charges",
    "sentence",
    "policy",
    "year",
    "years",
    "process",
    "cycle",
    "date",
    "commission",
    "committee",
    "officer",
    "officers",
    "agency",
    "department",
    "unit",
    "units",
    "risk",
    "insurance",
    "rate",
    "rates",
    "prevention",
    "coverage",
    "footage",
    "debate",
    "debates",
    "fraud",
    "rig",
    "rigging",
    "workers",
    "crew",
    "crews",
    "leader",
    "leaders",
    "call",
    "calls",
    "organiser",
    "organisers",
    "organizers",
    "ceremony",
    "vote",
    "votes",
]);

/// Market words that make "fell", "rose", "rallied" a market move.
static MARKET: WordSet = WordSet::new(&[
    "shares",
    "share",
    "stocks",
    "stock",
    "index",
    "indices",
    "indexes",
    "market",
    "markets",
    "dow",
    "nasdaq",
    "nikkei",
    "ftse",
    "dax",
    "cac",
    "hang",
    "seng",
    "s&p",
    "prices",
    "price",
    "yen",
    "dollar",
    "euro",
    "pound",
    "sterling",
    "oil",
    "gold",
    "bonds",
    "bond",
    "yields",
    "yield",
    "futures",
    "crude",
    "treasuries",
    "currency",
    "peso",
    "rupee",
    "ruble",
    "rouble",
    "yuan",
    "franc",
    "equities",
    "securities",
    "brent",
    "commodities",
    "copper",
    "silver",
    "wheat",
    "sales",
    "output",
    "exports",
    "imports",
    "inflation",
    "unemployment",
    "gdp",
    "earnings",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "income",
    "bourse",
    "exchange",
    "points",
]);

/// Words before a noun trigger that make it a fear or a plan, not a happening ("fears of an
/// attack", "plotting attacks").
static UNREAL: WordSet = WordSet::new(&[
    "threat",
    "threats",
    "fear",
    "fears",
    "risk",
    "prevent",
    "preventing",
    "avoid",
    "plot",
    "plotting",
    "plots",
    "planning",
]);

/// Groups that meet or clash where no name does ("police", "troops").
static ACTOR_GROUPS: WordSet = WordSet::new(&[
    "police",
    "troops",
    "forces",
    "protesters",
    "rebels",
    "militants",
    "soldiers",
    "leaders",
    "ministers",
    "officials",
    "army",
]);

/// Words that make an operation military or a police one ("security operation").
static OPERATION_WORDS: WordSet = WordSet::new(&[
    "military",
    "security",
    "counterterrorism",
    "counter-terrorism",
    "anti-terror",
    "anti-terrorism",
    "ground",
    "army",
    "joint",
    "special",
    "police",
    "covert",
    "combat",
    "naval",
    "air",
    "clearance",
    "offensive",
    "sting",
    "raid",
    "forces",
    "troops",
    "militants",
    "insurgents",
    "soldiers",
]);

/// Words before "offensive" the noun ("launched an offensive", "the spring offensive").
static OFFENSIVE_BEFORE: WordSet = WordSet::new(&[
    "an", "the", "military", "ground", "new", "major", "launched", "launch", "its", "their", "air",
    "spring", "final",
]);

/// What a company buys ("a stake", "the unit").
static COMPANY_WORDS: WordSet = WordSet::new(&[
    "stake",
    "stakes",
    "shares",
    "company",
    "unit",
    "firm",
    "maker",
    "business",
    "assets",
    "subsidiary",
    "operations",
    "division",
    "rival",
    "group",
    "bank",
    "airline",
    "brand",
    "chain",
    "startup",
    "producer",
    "companies",
]);

/// Disasters that "strike" ("an earthquake struck").
static DISASTERS: WordSet = WordSet::new(&[
    "earthquake",
    "quake",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "tornado",
    "lightning",
    "tsunami",
    "flood",
    "floods",
]);

/// Harm after a strike that makes it an attack ("a strike killed").
static STRIKE_HARM: WordSet = WordSet::new(&[
    "killed",
    "killing",
    "dead",
    "wounded",
    "injured",
    "against",
    "hit",
    "targeted",
    "destroyed",
]);

/// Words of a labour dispute ("workers", "wages", "walkout").
static LABOUR: WordSet = WordSet::new(&[
    "workers",
    "unions",
    "union",
    "staff",
    "drivers",
    "teachers",
    "doctors",
    "nurses",
    "employees",
    "miners",
    "dockers",
    "wage",
    "wages",
    "pay",
    "walkout",
    "stoppages",
]);

/// Words of a court ruling, which "overturned" is about instead of a vehicle.
static RULINGS: WordSet = WordSet::new(&[
    "court",
    "ruling",
    "verdict",
    "decision",
    "ban",
    "law",
    "judge",
    "judges",
    "conviction",
    "result",
    "election",
]);

/// Words before a prison sentence the noun ("served", "handed").
static SENTENCE_VERBS: WordSet = WordSet::new(&[
    "commute", "commutes", "commuted", "serve", "serving", "served", "handed", "received",
    "receive", "years", "months",
]);

/// Money words near a finance trigger ("net", "billion", "quarter").
static MONEY: WordSet = WordSet::new(&[
    "net",
    "quarterly",
    "operating",
    "pretax",
    "pre-tax",
    "annual",
    "reported",
    "posted",
    "billion",
    "million",
    "dlrs",
    "cents",
    "shr",
    "quarter",
    "first-quarter",
    "second-quarter",
    "third-quarter",
    "fourth-quarter",
    "year-on-year",
    "percent",
    "pct",
    "%",
    "yen",
    "euros",
    "pounds",
]);

/// Structures whose collapse is an accident.
static STRUCTURES: WordSet = WordSet::new(&[
    "building",
    "buildings",
    "crane",
    "bridge",
    "roof",
    "mine",
    "dam",
    "tower",
    "stage",
    "wall",
    "stand",
    "ceiling",
    "house",
    "houses",
    "hotel",
    "factory",
    "school",
    "tunnel",
    "block",
    "balcony",
    "scaffolding",
    "structure",
    "walkway",
    "stadium",
]);

/// Forms of "be" and "get".
pub const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets", "getting", "'s",
    "’s", "left", "leaves", "leaving", "leave",
];

/// Skips back over adverbs to the word that governs token `i`.
pub fn prev_content(doc: &Doc, start: usize, i: usize) -> Option<usize> {
    let mut j = i;
    while j > start {
        j -= 1;
        let t = doc.tok(j);
        let adverb = t.len() > 4 && t.ends_with("ly") && !t.starts_with(char::is_uppercase);
        if adverb
            || matches!(
                t,
                "also"
                    | "not"
                    | "n't"
                    | "reportedly"
                    | "allegedly"
                    | "now"
                    | "just"
                    | "then"
                    | "since"
            )
        {
            continue;
        }
        return Some(j);
    }
    None
}

fn is_number(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Number || super::args::number_value(doc.tok(i)).is_some()
}

/// True when the noun read is likelier than the verb read for an ambiguous word at `i`.
fn reads_as_noun(doc: &Doc, start: usize, end: usize, i: usize, title_case: bool) -> bool {
    let w = doc.lower_tok(i);
    if i > start {
        let p = i - 1;
        if NOUN_BEFORE.has(doc, p) || doc.tokens[p].kind == TokenKind::Number {
            return true;
        }
        if VERB_BEFORE.has(doc, p) {
            return false;
        }
    }
    if w.ends_with("ed") {
        return false;
    }
    // "Taliban attacks German consulate": a determiner or a name after it makes it a verb.
    let next = (i + 1 < end).then_some(i + 1);
    match next {
        Some(n) => {
            let nt = doc.tok(n);
            if lower_is(
                doc,
                n,
                &[
                    "the", "a", "an", "his", "her", "their", "its", "two", "three", "several",
                    "dozens", "at",
                ],
            ) {
                return false;
            }
            if !title_case && doc.is_capitalised(n) && i > start && !doc.is_capitalised(i - 1) {
                return false;
            }
            // "Cubs win World Series": a name before and after.
            if !title_case
                && i > start
                && doc.is_capitalised(i - 1)
                && !doc.starts_sentence(i - 1)
                && doc.is_capitalised(n)
            {
                return false;
            }
            if title_case
                && i > start
                && doc.is_capitalised(i - 1)
                && doc.is_capitalised(n)
                && !matches!(nt, "In" | "On" | "At" | "Of" | "For" | "After")
            {
                return false;
            }
            // A name before a bare form: "Lady Gaga protests outside ...".
            if i > start
                && doc.is_capitalised(i - 1)
                && !doc.starts_sentence(i - 1)
                && (w.ends_with('s') || w.ends_with("ing"))
                && !title_case
            {
                return false;
            }
            true
        }
        None => true,
    }
}

/// True when sentence `start..end` is a shouted line, or a headline (`headline`) in title case.
pub fn title_case(doc: &Doc, start: usize, end: usize, headline: bool) -> bool {
    if doc.in_caps_line(start) {
        return true;
    }
    if !headline {
        return false;
    }
    let mut words = 0;
    let mut caps = 0;
    for i in start..end {
        if doc.tokens[i].kind == TokenKind::Word && doc.tok(i).len() > 3 {
            words += 1;
            caps += usize::from(doc.is_capitalised(i));
        }
    }
    words >= 2 && caps * 10 >= words * 6
}

/// Facts about the sentence the trigger rules need.
pub struct Ctx<'d, 'a> {
    /// The document.
    pub doc: &'d Doc<'a>,
    /// Its names.
    pub names: &'d Names,
    /// The name mentions that may hold a token of the sentence (those ending after it starts
    /// and starting before it ends, in text order): the name at a token is searched for among
    /// these, not among the article's.
    pub mentions: &'d [NameMention],
    /// Sentence token range.
    pub start: usize,
    /// Sentence end (exclusive).
    pub end: usize,
    /// The sentence is a headline.
    pub headline: bool,
    /// The sentence is written in title case or capitals.
    pub caps: std::cell::OnceCell<bool>,
}

impl Ctx<'_, '_> {
    /// True when the sentence is a shouted line or a title-case headline (computed on first
    /// use: most sentences never ask).
    pub fn title_case(&self) -> bool {
        *self
            .caps
            .get_or_init(|| title_case(self.doc, self.start, self.end, self.headline))
    }

    /// Index of the name mention covering token `i`, if any.
    fn mention_at(&self, i: usize) -> Option<usize> {
        let pos = self.doc.tokens[i].span.start;
        let ms = self.mentions;
        let k = ms.partition_point(|m| m.span.end <= pos);
        ms.get(k).filter(|m| m.span.start <= pos).map(|m| m.entity)
    }

    /// True when token `i` is inside a name (a person, place or organisation).
    pub fn in_name(&self, i: usize) -> bool {
        self.mention_at(i).is_some()
    }

    fn entity_kind_at(&self, i: usize) -> Option<crate::names::Kind> {
        self.mention_at(i)
            .and_then(|e| self.names.entities.get(e))
            .and_then(|e| e.kind)
    }

    fn window_has(&self, a: usize, b: usize, set: &[&str]) -> bool {
        (a.max(self.start)..b.min(self.end)).any(|j| lower_is(self.doc, j, set))
    }

    /// True when a token of `a..b` (within the sentence) is in `set`: the set's index is
    /// fetched once and the tokens walked as a slice.
    fn window_in(&self, a: usize, b: usize, set: &WordSet) -> bool {
        let (a, b) = (a.max(self.start), b.min(self.end));
        let set = set.ready();
        a < b
            && self.doc.tokens[a..b]
                .iter()
                .any(|t| set.has_token(self.doc, t))
    }
}

/// True when token `i` and every word before it in the sentence are in capitals.
fn caps_lead_in(doc: &Doc, start: usize, i: usize) -> bool {
    i - start <= 3
        && (start..=i).all(|j| {
            doc.tokens[j].kind != TokenKind::Word || !doc.tok(j).chars().any(char::is_lowercase)
        })
}

/// True when a person follows token `last`: a name, a title ("fired the coach"), or an
/// organisation's officer ("fires FBI director Comey").
fn person_after(ctx: &Ctx, last: usize) -> bool {
    use crate::names::Kind;
    let doc = ctx.doc;
    let at = |k: usize| (last + k < ctx.end).then(|| doc.tok(last + k));
    let role = |k: usize| {
        at(k).is_some_and(|w| {
            crate::gazetteer::title(w).is_some()
                || [
                    "director",
                    "chief",
                    "head",
                    "minister",
                    "secretary",
                    "coach",
                    "manager",
                    "ceo",
                    "commissioner",
                    "adviser",
                    "advisor",
                ]
                .iter()
                .any(|r| r.eq_ignore_ascii_case(w))
        })
    };
    if at(1).is_none() {
        return false;
    }
    let org_end = (last + 1..ctx.end.min(last + 6))
        .take_while(|&k| ctx.entity_kind_at(k) == Some(Kind::Organisation))
        .last();
    ctx.entity_kind_at(last + 1) == Some(Kind::Person)
        || role(1)
        || lower_is(doc, last + 1, &["his", "her", "their", "its", "the"]) && role(2)
        || org_end.is_some_and(|k| role(k - last + 1))
}

/// The quotation state a token leaves when it is a quotation mark: “ opens, ” closes, and "
/// opens or closes what `open` says; `None` for any other token.
#[inline(always)]
fn after_quote_mark(mark: &[u8], open: bool) -> Option<bool> {
    match mark {
        // “ and ” in UTF-8.
        b"\xE2\x80\x9C" => Some(true),
        b"\xE2\x80\x9D" => Some(false),
        b"\"" => Some(!open),
        _ => None,
    }
}

/// The words of `doc` outside quotations that the table lists, in text order (token and
/// rows), into `out`: one pass over the tokens, in which quotation marks open and close
/// quotations (an unclosed quote ends with its paragraph).
pub fn listed_words(doc: &Doc, out: &mut Vec<(usize, &'static [Row])>) {
    out.clear();
    let (lower, sigs, sieve) = (doc.lower.as_bytes(), &*SIGNATURES, &*SIEVE);
    let text = doc.text.as_bytes();
    let mark = |t: &Token, open: bool| after_quote_mark(&text[t.span.start..t.span.end], open);
    for p in &doc.paragraphs {
        let mut tokens = doc.tokens[p.clone()].iter();
        while let Some(t) = tokens.next() {
            // Neither a listed word nor a quotation mark: most tokens.
            if !sigs.has(t.sig) {
                continue;
            }
            match t.kind {
                TokenKind::Word => {
                    let len = t.span.len();
                    let head = head_at(lower, t.span.start, len);
                    if !sieve.may_hold(head, len) {
                        continue;
                    }
                    if let Some(rows) = rows_at(lower, t.span.start, len, head) {
                        // The token's index: the paragraph's end less the tokens still to come.
                        out.push((p.end - tokens.len() - 1, rows));
                    }
                }
                // An opening mark: the quotation's words are passed over, up to the mark
                // that closes it.
                TokenKind::Punct if mark(t, false) == Some(true) => {
                    for t in tokens.by_ref() {
                        if t.kind == TokenKind::Punct && mark(t, true) == Some(false) {
                            break;
                        }
                    }
                }
                TokenKind::Punct | TokenKind::Number => {}
            }
        }
    }
}

/// For each token of sentence `s`, whether it stands inside a quotation as `listed_words`
/// reads them (read from the start of the sentence's paragraph; a quotation mark is itself
/// never quoted). Empty when there is no quotation mark (most headlines): none is quoted.
pub fn quoted_tokens(doc: &Doc, s: &crate::text::Sentence) -> Vec<bool> {
    let from = doc
        .paragraphs
        .get(s.paragraph)
        .map_or(s.tokens.start, |p| p.start);
    let text = doc.text.as_bytes();
    let mark = |t: &Token| {
        t.kind == TokenKind::Punct
            && after_quote_mark(&text[t.span.start..t.span.end], false).is_some()
    };
    if !doc.tokens[from..s.tokens.end].iter().any(mark) {
        return Vec::new();
    }
    let mut open = false;
    let mut out = Vec::with_capacity(s.tokens.len());
    for (i, t) in doc.tokens[from..s.tokens.end].iter().enumerate() {
        let mark = match t.kind {
            TokenKind::Punct => after_quote_mark(&text[t.span.start..t.span.end], open),
            TokenKind::Word | TokenKind::Number => None,
        };
        if from + i >= s.tokens.start {
            out.push(open && mark.is_none());
        }
        if let Some(now) = mark {
            open = now;
        }
    }
    out
}

/// Finds candidate triggers in one sentence, from its listed `words` (of `listed_words`), into `out`.
pub fn find(ctx: &Ctx, words: &[(usize, &'static [Row])], out: &mut Vec<Cand>) {
    let doc = ctx.doc;
    out.clear();
    // Words inside a phrase already taken are passed over.
    let mut next = ctx.start;
    for &(here, rows) in words {
        if here < next {
            continue;
        }
        // A capitalised trigger inside a sentence is part of a name ("Operation Iraqi Freedom").
        // "AN EXPLOSION outside ...", "TOBLERONE has ...": a capitalised lead-in is not a name.
        // (The sentence's case is read last: most listed words are in lower case.)
        if doc.is_capitalised(here)
            && !doc.starts_sentence(here)
            && !ctx.title_case()
            && !caps_lead_in(doc, ctx.start, here)
        {
            continue;
        }
        // "March" the month, even in a headline.
        if matches!(doc.tok_bytes(here), b"March" | b"MARCH") {
            continue;
        }
        if let Some(e) = ctx.mention_at(here) {
            let gazetteer_name = ctx
                .names
                .entities
                .get(e)
                .is_some_and(|e| e.place.is_some() || e.org.is_some());
            if !ctx.title_case() || gazetteer_name {
                continue;
            }
        }
        for row in rows {
            // Phrase rows: the following words must match.
            let last = here + row.rest.len();
            if last >= ctx.end
                || !row
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| doc.tok(here + 1 + k).eq_ignore_ascii_case(w))
            {
                continue;
            }
            if let Some(c) = accept(ctx, here, last, row) {
                next = last + 1;
                out.push(c);
                break;
            }
        }
    }
}

/// Applies the part-of-speech and cue rules to one row at `i..=last`.
fn accept(ctx: &Ctx, i: usize, last: usize, row: &Row) -> Option<Cand> {
    let doc = ctx.doc;
    let (start, end) = (ctx.start, ctx.end);
    let w = doc.lower_tok(i);
    let phrase = last > i;
    let noun = match row.pos {
        Pos::Noun => {
            if i > start
                && lower_is(
                    doc,
                    i - 1,
                    &[
                        "to", "will", "would", "could", "not", "n't", "they", "he", "she", "we",
                        "it", "who",
                    ],
                )
            {
                return None;
            }
            true
        }
        Pos::Verb => {
            // "the injured", "the killed soldiers": an adjective or a noun, no event.
            if !phrase
                && i > start
                && lower_is(
                    doc,
                    i - 1,
                    &["the", "a", "an", "this", "its", "their", "his", "her"],
                )
                && !w.ends_with("ing")
            {
                return None;
            }
            // "the killing of": a gerund read as a noun.
            w.ends_with("ing") && i > start && NOUN_BEFORE.has(doc, i - 1)
        }
        // "The Cubs won": a past form is never the noun.
        Pos::Either => {
            !phrase && !is_past_form(w) && reads_as_noun(doc, start, end, i, ctx.title_case())
        }
        Pos::Adjective => false,
    };
    // "Podolski and Makaay in attack", "resigned in protest": a position or a manner.
    if noun && !phrase && i > start && doc.tok(i - 1) == "in" && matches!(w, "attack" | "protest") {
        return None;
    }
    // "shares worth 100 mln won": the Korean currency.
    if w == "won"
        && i > start
        && (doc.tok(i - 1).starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                doc.lower_tok(i - 1),
                "mln" | "million" | "billion" | "bln" | "trillion" | "thousand"
            ))
    {
        return None;
    }
    // "acid rain that has killed fish and trees", "killed the bill": no one died.
    if row.kind == "killing" && !noun && !phrase {
        let mut k = last + 1;
        while k < end && matches!(doc.tok(k), "the" | "off" | "many" | "thousands" | "of") {
            k += 1;
        }
        if k < end && NOT_VICTIM.contains(&doc.lower_tok(k)) {
            return None;
        }
    }
    let mut kind = row.kind;
    let next = |k: usize| (last + k < end).then(|| doc.tok(last + k));
    let prev = |k: usize| (i >= start + k).then(|| doc.tok(i - k));
    // Read only by the cues that need it.
    let market_before = || ctx.window_in(i.saturating_sub(5), i, &MARKET);
    match row.cue {
        Cue::Always | Cue::Report => {}
        Cue::Market => {
            // "due to price rises": a noun after a preposition or determiner.
            let nominal = row.pos == Pos::Verb
                && i >= start + 2
                && MARKET.has(doc, i - 1)
                && lower_is(
                    doc,
                    i - 2,
                    &["to", "of", "the", "a", "by", "for", "with", "in"],
                );
            if market_before() && !nominal {
                kind = "market-move";
            } else if row.kind == "market-move" {
                return None;
            }
        }
        Cue::Legal => {
            if noun {
                if matches!(next(1), Some("of"))
                    && !matches!(
                        next(2),
                        Some("murder" | "manslaughter" | "fraud" | "terrorism" | "corruption")
                    )
                {
                    return None;
                }
            } else if !ctx.window_has(last + 1, last + 8, &["with", "over", "in", "for", "after"])
                || ctx.window_has(i.saturating_sub(3), i, &["battery", "phone", "electric"])
            {
                return None;
            }
        }
        Cue::ChargeName => {
            if prev(1).is_some_and(|p| {
                matches!(
                    p.to_ascii_lowercase().as_str(),
                    "with" | "of" | "for" | "attempted" | "alleged" | "sexual"
                )
            }) {
                return None;
            }
        }
        Cue::Fire => {
            if noun {
                return None;
            }
            let n1 = next(1).map(str::to_ascii_lowercase);
            match n1.as_deref() {
                Some(
                    "on" | "at" | "shots" | "rockets" | "missiles" | "mortars" | "into" | "upon"
                    | "tear" | "warning" | "bullets" | "shells" | "a" | "weapons",
                ) => kind = "attack",
                Some(_) if person_after(ctx, last) => {}
                // "was fired over ...": a passive dismissal.
                _ if i > start
                    && ctx.window_has(
                        i.saturating_sub(3),
                        i,
                        &["was", "were", "been", "being", "get", "got"],
                    ) => {}
                _ => return None,
            }
        }
        Cue::PersonAfter => {
            if !person_after(ctx, last) {
                return None;
            }
        }
        Cue::Actor => {
            let a = i.saturating_sub(8).max(start);
            let b = (last + 8).min(end);
            let actor = (a..b).any(|j| {
                matches!(
                    ctx.entity_kind_at(j),
                    Some(crate::names::Kind::Person | crate::names::Kind::Organisation)
                )
            });
            let group = ctx.window_in(a, b, &ACTOR_GROUPS);
            if !(actor || group)
                || matches!(next(1), Some("with"))
                    && matches!(
                        next(2),
                        Some("criticism" | "skepticism" | "scepticism" | "silence" | "resistance")
                    )
            {
                return None;
            }
        }
        Cue::PlaceAfter => {
            if !matches!(next(1), Some("in" | "at"))
                || !(last + 2 < end
                    && ctx.entity_kind_at(last + 2) == Some(crate::names::Kind::Place)
                    || last + 3 < end
                        && ctx.entity_kind_at(last + 3) == Some(crate::names::Kind::Place))
            {
                return None;
            }
        }
        Cue::CountOrBe => {
            let p = prev_content(doc, start, i)?;
            let ok = is_number(doc, p)
                || lower_is(doc, p, BE)
                || p > start && is_number(doc, p - 1)
                || matches!(next(1), Some("and")) && p > start && is_number(doc, p);
            if !ok {
                return None;
            }
        }
        Cue::Operation => {
            if !ctx.window_in(i.saturating_sub(3), (last + 10).min(end), &OPERATION_WORDS) {
                return None;
            }
        }
        Cue::Offensive => {
            if !matches!(
                next(1).map(str::to_ascii_lowercase).as_deref(),
                Some(
                    "against"
                        | "on"
                        | "in"
                        | "to"
                        | "into"
                        | "."
                        | ","
                        | ";"
                        | "and"
                        | "by"
                        | "was"
                        | "is"
                        | "has"
                        | "began"
                        | "that"
                        | "which"
                )
            ) || !ctx.window_in(i.saturating_sub(3), i, &OFFENSIVE_BEFORE)
            {
                return None;
            }
        }
        Cue::Finance => {
            if matches!(next(1), Some("of"))
                && matches!(
                    next(2),
                    Some(
                        "life"
                            | "lives"
                            | "power"
                            | "confidence"
                            | "control"
                            | "consciousness"
                            | "habitat"
                    )
                )
            {
                return None;
            }
            let money = (i.saturating_sub(6).max(start)..(last + 8).min(end)).any(|j| {
                let t = doc.tok(j);
                t == "$" || t == "£" || t == "€" || MONEY.has(doc, j)
            });
            if !money {
                return None;
            }
        }
        Cue::Company => {
            let a = last + 1;
            let b = (last + 6).min(end);
            let company = (a..b)
                .any(|j| ctx.entity_kind_at(j) == Some(crate::names::Kind::Organisation))
                || ctx.window_in(a, b, &COMPANY_WORDS);
            if !company {
                return None;
            }
        }
        Cue::Structure => {
            if market_before() {
                return None;
            }
            if !ctx.window_in(i.saturating_sub(4), (last + 4).min(end), &STRUCTURES) {
                return None;
            }
        }
        Cue::Storm => {
            if matches!(next(1), Some("of"))
                || lower_is(
                    doc,
                    i.saturating_sub(1),
                    &["political", "media", "diplomatic", "perfect", "firestorm"],
                )
            {
                return None;
            }
        }
        Cue::Strike => {
            if ctx.window_in(i.saturating_sub(6), i, &DISASTERS) {
                kind = "disaster";
            } else if !ctx.window_has(
                i.saturating_sub(3),
                i,
                &["air", "drone", "missile", "rocket", "military", "artillery"],
            ) && !ctx.window_in(last + 1, (last + 8).min(end), &STRIKE_HARM)
                && ctx.window_in(i.saturating_sub(10), (last + 10).min(end), &LABOUR)
                || lower_is(
                    doc,
                    i.saturating_sub(1),
                    &[
                        "warning",
                        "general",
                        "hunger",
                        "token",
                        "nationwide",
                        "one-day",
                        "24-hour",
                        "48-hour",
                    ],
                )
            {
                kind = "protest";
            } else if lower_is(doc, i.saturating_sub(1), &["lucky", "deal", "balance"]) {
                return None;
            }
        }
        Cue::FallDown => {
            if !matches!(
                next(1),
                Some("down" | "into" | "off" | "from" | "through" | "overboard" | "onto")
            ) || market_before()
            {
                return None;
            }
        }
        Cue::Vehicle => {
            if ctx.window_in(start, end, &RULINGS) {
                return None;
            }
        }
        Cue::Sentence => {
            if noun {
                let ok = prev(1).is_some_and(|p| {
                    matches!(
                        p.to_ascii_lowercase().as_str(),
                        "prison"
                            | "jail"
                            | "life"
                            | "death"
                            | "suspended"
                            | "custodial"
                            | "his"
                            | "her"
                            | "their"
                            | "lengthy"
                            | "maximum"
                            | "minimum"
                            | "reduced"
                            | "mandatory"
                            | "-year"
                            | "year"
                            | "month"
                            | "week"
                    )
                }) || ctx.window_in(i.saturating_sub(4), i, &SENTENCE_VERBS);
                if !ok {
                    return None;
                }
            } else if !ctx.window_has(
                last + 1,
                (last + 8).min(end),
                &["to", "for", "years", "months", "life", "death"],
            ) {
                return None;
            }
        }
    }
    // A noun that modifies another noun is no event: "crash victims", "attack helicopter".
    if noun {
        let n = last + 1;
        if n < end {
            if HEAD_AFTER.has(doc, n) {
                return None;
            }
            if rows_for_token(doc, n)
                .is_some_and(|rs| rs.iter().any(|r| r.pos != Pos::Verb && r.kind == kind))
                && !doc.is_capitalised(n)
            {
                return None;
            }
        }
        // "two days before election": a noun that only dates something else.
        if i > start && lower_is(doc, i - 1, &["before", "until", "ahead"]) {
            return None;
        }
        // "fears of an attack", "threat of attacks", "anti-war protest" stay unreal.
        let before = i.saturating_sub(4).max(start);
        if !ctx.headline && ctx.window_in(before, i, &UNREAL) {
            return None;
        }
        // Generic plurals: "periodic attacks", "operations" with no number or determiner.
        let plural = w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !matches!(w, "talks" | "earnings" | "losses" | "profits" | "series");
        if plural && !ctx.headline {
            let counted = (before..i).any(|j| is_number(doc, j) && doc.tok(j) != "a");
            let determined = lower_is(
                doc,
                i.saturating_sub(1),
                &[
                    "the", "these", "those", "their", "its", "his", "her", "'s", "’s",
                ],
            ) || ctx.window_has(before, i, &["the", "these", "those"]);
            if !counted && !determined {
                return None;
            }
        }
    }
    let definite = noun && {
        let mut j = i;
        let mut det = false;
        while j > start && i - j < 4 {
            j -= 1;
            let t = doc.lower_tok(j);
            if matches!(
                t,
                "the"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "'s"
                    | "’s"
            ) {
                det = true;
                break;
            }
            if matches!(t, "a" | "an" | "," | "of" | "in" | "on" | "at")
                || doc.tokens[j].kind != TokenKind::Word
            {
                break;
            }
        }
        det
    };
    Some(Cand {
        first: i,
        last,
        kind,
        noun,
        weak: row.cue == Cue::Report,
        definite,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_inflects() {
        assert!(TRIGGERS.len() > 300);
        // `rows_for` rejects words by length and first and last letter: every key must be
        // findable that way.
        for (key, _) in TRIGGERS.forms() {
            assert!(rows_for(key).is_some(), "{key:?} is not found by rows_for");
        }
        // Read from a document's tokens, in any case, the same rows.
        let doc = Doc::new("Police KILLED two; the Attack was denied.");
        for i in 0..doc.tokens.len() {
            let rows = |r: Option<&[Row]>| r.map(<[Row]>::as_ptr);
            assert_eq!(
                rows(rows_for_token(&doc, i)),
                rows(rows_for(doc.tok(i))),
                "{}",
                doc.tok(i)
            );
        }
        let k = |w: &str| rows_for(w).map(|r| r[0].kind);
        assert_eq!(k("killed"), Some("killing"));
        assert_eq!(k("Injured"), Some("injury"));
        assert_eq!(k("denies"), Some("statement"));
        assert_eq!(k("stepped"), Some("resignation"));
        assert_eq!(k("quite"), None);
        let fell: Vec<&str> = rows_for("fell")
            .unwrap_or(&[])
            .iter()
            .map(|r| r.kind)
            .collect();
        assert_eq!(fell, ["accident", "market-move"]);
        assert_eq!(rows_for("air").map(|r| r.len()), Some(2));
        assert_eq!(rows_for("shot").map(|r| r[0].rest), Some(&["dead"][..]));
    }

    #[test]
    fn compiled_table_agrees_with_its_forms() {
        for (i, &(form, a, b)) in table::FORMS.iter().enumerate() {
            let key = Key::new(form.as_bytes()).expect("a form of at most 24 bytes");
            assert_eq!(table::KEYS[i], key, "{form}");
            assert_eq!(
                key.hash(form.len()),
                crate::gazetteer::key_hash(form.as_bytes()),
                "{form}"
            );
            assert!(a < b, "{form} has rows");
            let rows = TRIGGERS.get(&key, form.len()).map(<[Row]>::as_ptr);
            assert_eq!(rows, Some(table::ROWS[usize::from(a)..].as_ptr()), "{form}");
        }
        assert!(TRIGGERS.get(&Key::new(b"quite").unwrap(), 5).is_none());
        // Every lemma's inflections are forms: "attack" (a verb and a noun) gives all four.
        for w in crate::events::inflect::inflect("attack", true) {
            assert!(rows_for(&w).is_some(), "{w}");
        }
    }
}
