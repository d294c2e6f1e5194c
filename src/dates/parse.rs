//! Finds temporal expressions and reads what their words say, before any anchoring.
//!
//! Input: a `Doc`. Output: `Found` expressions in text order (no overlaps), each with a
//! `Meaning`: an absolute value, or a relative one for `resolve` to anchor.
//!
//! One left-to-right pass over the tokens (linear in the text): at each token a "core" rule may
//! match (a month, a weekday, a year, "last week", "three years ago", "the third quarter",
//! "6 a.m.", "every Thursday", ...), reading forward as far as the expression goes; then the
//! extent grows leftwards over the words TimeML puts inside a timex: determiners ("the third
//! quarter"), position words ("early", "late", "mid", "the end of") and approximators ("about
//! two years", "more than a decade"). Does not anchor relative expressions (see `resolve`) and
//! does not find the article's own date (see `reference`).

use super::lexicon::{self, Unit};
use super::value;
use super::TimexType;
use crate::text::words::{signature, ReadyMap, Signatures, WordMap};
use crate::text::{Doc, Span, TokenKind};
use once_cell::sync::Lazy;

/// How a bare weekday, month or season is placed relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// By the tense of its clause ("on Tuesday").
    Tense,
    /// The previous one ("last Tuesday", "last May").
    Last,
    /// The next one ("next Tuesday").
    Next,
    /// The one in the anchor's week, year ("this Tuesday", "this summer").
    This,
    /// In the anchor's year plus this many years ("June last year").
    Year(i64),
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Hours and minutes (24-hour clock).
    At(u32, u32),
    /// A part of the day ("MO", "AF", "EV", "NI").
    Part(&'static str),
}

/// What an expression says, before anchoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// A complete value ("2024-10-15", "1990s" → "199") and its grain.
    Absolute(String, &'static str),
    /// A day of the week (1 = Monday).
    Weekday(u32, Dir),
    /// Days from the anchor ("yesterday" = -1).
    DayOffset(i64),
    /// A month (1-12) with an optional day, year from the anchor.
    MonthDay(u32, Option<u32>, Dir),
    /// A month and day said with their weekday ("Saturday, April 25"): the year is the one
    /// near the anchor where they agree.
    WeekdayDate(u32, u32, u32),
    /// The n-th weekday of a month ("Thanksgiving": 4th Thursday of November).
    NthWeekday {
        /// Month (1-12).
        month: u32,
        /// Weekday (1 = Monday).
        weekday: u32,
        /// Which one (1 = first).
        n: u32,
        /// How to pick the year.
        dir: Dir,
    },
    /// A quarter of a given year, which quarter from the report ("the 1988 quarter").
    YearQuarter(i32),
    /// "this year's third quarter": a quarter (or the report's quarter when `None`) of the
    /// anchor's year plus an offset.
    OffsetYearQuarter(Option<u32>, i64),
    /// A season code with a year, or a year from the anchor.
    Season(&'static str, Option<i32>, Dir),
    /// A quarter (1-4) or half (5-6 for H1-H2): of a given year, or the anchor's year.
    Quarter(u32, Option<i32>),
    /// A quarter in the anchor's year plus this many years ("the year-ago third quarter").
    QuarterYearOffset(u32, i64),
    /// The latest quarter reported: the last quarter mentioned, else the one before the
    /// anchor's; shifted by this many quarters ("the year-earlier quarter" = -4).
    LatestQuarter(i64),
    /// Unit and offset from the reference date ("last week" = week -1; "this year" = year 0).
    UnitOffset(Unit, i64),
    /// Unit and offset from the last date mentioned ("that year", "a year earlier").
    Anaphor(Unit, i64),
    /// A weekend: the last, next or this one.
    Weekend(Dir),
    /// A day (one of the other meanings) at a time of day.
    Timed(Box<Meaning>, Clock),
    /// A duration value ("P5Y").
    Duration(String),
    /// A TIMEX3 reference (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
    Reference(&'static str),
    /// A set value ("P1W", "XXXX-WXX-4").
    Set(String),
}

/// One expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Extent (bytes).
    pub span: Span,
    /// The first token that starts at or after the extent's start (its first token, unless
    /// the expression is part of one, as each year of "2010-2015"): where `resolve` reads
    /// the tense from.
    pub token: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// What it says.
    pub meaning: Meaning,
    /// TIMEX3 modifier (`START`, `MID`, `END`, `APPROX`, `LESS_THAN`, `MORE_THAN`, ...).
    pub r#mod: Option<&'static str>,
    /// The rule that found it.
    pub rule: &'static str,
}

/// What a core rule matched, in tokens.
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    kind: TimexType,
    meaning: Meaning,
    r#mod: Option<&'static str>,
    rule: &'static str,
    /// Which left extensions fit this expression.
    class: Class,
}

/// Which words may extend a match leftwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A calendar date, month or year: "early", "late", "mid", "the end of", "fiscal".
    Calendar,
    /// A period the text names with a determiner: "the" too ("the third quarter").
    Period,
    /// A length of time or a time ago: approximators ("about", "more than").
    Amount,
    /// Nothing.
    Fixed,
}

/// A small number written as a word or digits ("a" and "an" count one): kept for `events`,
/// which reads casualty counts with it.
pub fn number_word(w: &str) -> Option<i64> {
    let lw = w.to_ascii_lowercase();
    match lw.as_str() {
        "a" | "an" => Some(1),
        _ => lexicon::number_word(&lw)
            .map(i64::from)
            .or_else(|| lw.parse().ok()),
    }
}

/// Every word that can open a temporal expression (lower case), with what it is to
/// `Scan::core`: the words `Scan::core` reacts to at its first token (`word`'s cases,
/// `relative`, `anaphor`, `quarter_words`, counts) and every word of the lexicon. A word
/// token outside this set and without a hyphen opens none, so `find` passes it by without
/// running the rules. A word added to a rule must be added here (tests check the lexicon, the
/// rules and each word's `Opening` against this set).
#[rustfmt::skip]
static OPENING: &[(&str, Opening)] = {
    use Opening::{Anaphor, Count, Month, Weekday, Word};
    use Rule::*;
    &[
        // `word`'s rules of their own
        ("yesterday", Word(RelativeDay)), ("today", Word(RelativeDay)),
        ("tomorrow", Word(RelativeDay)), ("tonight", Word(RelativeDay)), ("now", Word(Now)),
        ("currently", Word(Currently)), ("nowadays", Word(Currently)),
        ("recently", Word(Recently)), ("previously", Word(Recently)),
        ("formerly", Word(Recently)), ("soon", Word(Soon)), ("these", Word(These)),
        ("future", Word(Future)), ("current", Word(Current)), ("recent", Word(Current)),
        ("daily", Word(Frequency)), ("weekly", Word(Frequency)), ("monthly", Word(Frequency)),
        ("annually", Word(Frequency)), ("yearly", Word(Frequency)), ("hourly", Word(Frequency)),
        ("quarterly", Word(Frequency)), ("nightly", Word(Frequency)),
        ("biweekly", Word(Frequency)), ("semiannually", Word(Frequency)),
        ("every", Word(Every)), ("each", Word(Every)), ("per", Word(Every)),
        ("noon", Word(Noon)), ("midday", Word(Noon)), ("midnight", Word(Noon)),
        ("christmas", Word(Holiday)), ("halloween", Word(Holiday)), ("new", Word(NewYear)),
        ("thanksgiving", Word(Thanksgiving)), ("fiscal", Word(Fiscal)), ("year", Word(Year)),
        ("full", Word(Year)), ("quarter", Word(Quarter)), ("month", Word(MonthOrWeek)),
        ("week", Word(MonthOrWeek)), ("weekend", Word(Weekend)), ("fy", Word(Fy)),
        ("q1", Word(QuarterName)), ("q2", Word(QuarterName)), ("q3", Word(QuarterName)),
        ("q4", Word(QuarterName)), ("h1", Word(QuarterName)), ("h2", Word(QuarterName)),
        ("nineties", Word(Decade)), ("eighties", Word(Decade)), ("seventies", Word(Decade)),
        ("sixties", Word(Decade)), ("fifties", Word(Decade)), ("forties", Word(Decade)),
        ("thirties", Word(Decade)), ("twenties", Word(Decade)), ("past", Word(Past)),
        ("near", Word(Term)), ("short", Word(Term)), ("long", Word(Term)), ("medium", Word(Term)),
        // `word`'s general rules: "a while", "right" (of "right now"), "valentine"
        ("while", Word(Rest)), ("right", Word(Rest)), ("valentine", Word(Rest)),
        // `relative` (and `quarter_words`), `anaphor`
        ("last", Word(Relative)), ("previous", Word(Relative)), ("preceding", Word(Relative)),
        ("prior", Word(Relative)), ("next", Word(Relative)), ("coming", Word(Relative)),
        ("upcoming", Word(Relative)), ("following", Word(Relative)), ("this", Word(Relative)),
        ("present", Word(Relative)), ("latest", Word(Relative)), ("first", Word(Relative)),
        ("final", Word(Relative)), ("remaining", Word(Relative)), ("initial", Word(Relative)),
        ("opening", Word(Relative)), ("closing", Word(Relative)),
        ("that", Anaphor), ("same", Anaphor),
        // counts (`core`, `count_at`)
        ("a", Count), ("an", Count), ("few", Count), ("several", Count), ("couple", Count),
        // months and weekdays
        ("january", Month), ("jan", Month), ("february", Month), ("feb", Month), ("march", Month),
        ("mar", Month), ("april", Month), ("apr", Month), ("may", Month), ("june", Month),
        ("jun", Month), ("july", Month), ("jul", Month), ("august", Month), ("aug", Month),
        ("september", Month), ("sep", Month), ("sept", Month), ("october", Month), ("oct", Month),
        ("november", Month), ("nov", Month), ("december", Month), ("dec", Month),
        ("monday", Weekday), ("mon", Weekday), ("tuesday", Weekday), ("tue", Weekday),
        ("tues", Weekday), ("wednesday", Weekday), ("wed", Weekday), ("thursday", Weekday),
        ("thu", Weekday), ("thur", Weekday), ("thurs", Weekday), ("friday", Weekday),
        ("fri", Weekday), ("saturday", Weekday), ("sat", Weekday), ("sunday", Weekday),
        ("sun", Weekday),
        // seasons and parts of the day
        ("spring", Word(Season)), ("summer", Word(Season)), ("autumn", Word(Season)),
        ("fall", Word(Season)), ("winter", Word(Season)),
        ("morning", Word(Rest)), ("afternoon", Word(Rest)), ("evening", Word(Rest)),
        ("night", Word(Rest)),
        // units (those without a rule of their own)
        ("second", Word(Rest)), ("seconds", Word(Rest)), ("minute", Word(Rest)),
        ("min", Word(Rest)), ("minutes", Word(Rest)), ("mins", Word(Rest)), ("hour", Word(Rest)),
        ("hr", Word(Rest)), ("hours", Word(Rest)), ("hrs", Word(Rest)), ("day", Word(Rest)),
        ("days", Word(Rest)), ("weeks", Word(Rest)), ("weekends", Word(Rest)),
        ("fortnight", Word(Rest)), ("fortnights", Word(Rest)), ("months", Word(Rest)),
        ("quarters", Word(Rest)), ("yr", Word(Rest)), ("years", Word(Rest)), ("yrs", Word(Rest)),
        ("decade", Word(Rest)), ("decades", Word(Rest)), ("century", Word(Rest)),
        ("centuries", Word(Rest)),
        // numbers
        ("one", Count), ("two", Count), ("three", Count), ("four", Count), ("five", Count),
        ("six", Count), ("seven", Count), ("eight", Count), ("nine", Count), ("ten", Count),
        ("eleven", Count), ("twelve", Count), ("dozen", Count), ("thirteen", Count),
        ("fourteen", Count), ("fifteen", Count), ("sixteen", Count), ("seventeen", Count),
        ("eighteen", Count), ("nineteen", Count), ("twenty", Count), ("thirty", Count),
        ("forty", Count), ("fifty", Count), ("sixty", Count), ("seventy", Count), ("eighty", Count),
        ("ninety", Count), ("hundred", Count), ("thousand", Count),
        // ordinals (`quarter_words`, `century`)
        ("third", Word(Rest)), ("fourth", Word(Rest)), ("fifth", Word(Rest)),
        ("sixth", Word(Rest)), ("seventh", Word(Rest)), ("eighth", Word(Rest)),
        ("ninth", Word(Rest)), ("tenth", Word(Rest)), ("eleventh", Word(Rest)),
        ("twelfth", Word(Rest)), ("thirteenth", Word(Rest)), ("fourteenth", Word(Rest)),
        ("fifteenth", Word(Rest)), ("sixteenth", Word(Rest)), ("seventeenth", Word(Rest)),
        ("eighteenth", Word(Rest)), ("nineteenth", Word(Rest)), ("twentieth", Word(Rest)),
        ("thirtieth", Word(Rest)),
    ]
};

/// `OPENING`, indexed.
static OPENING_WORDS: WordMap<Opening> = WordMap::new(OPENING);

/// The signatures (`Token::sig`) of the opening words and of the apostrophes that open
/// "'90s": a token whose bit is clear opens nothing unless it is a number or a word with a
/// hyphen, so `find` passes over most tokens with this one bit test.
static GATE: Lazy<Signatures> = Lazy::new(|| {
    let apostrophes: [&[u8]; 2] = [b"'", "’".as_bytes()];
    Signatures::of(OPENING.iter().map(|(w, _)| w.as_bytes()).chain(apostrophes))
});

/// `OPENING_BY_SIGNATURE` for a signature that two or more opening words share.
const SHARED: u8 = u8::MAX;

/// For each signature (`Token::sig`), the one opening word that has it, as its position in
/// `OPENING` plus one; 0 when no opening word has it, `SHARED` when several do. A word whose
/// signature names one opening word is that word exactly when their bytes agree, with no
/// probe of `OPENING_WORDS` (opening words seldom share a signature: those that do are
/// looked up there).
static OPENING_BY_SIGNATURE: Lazy<Box<[u8; 8192]>> = Lazy::new(|| {
    let mut table = Box::new([0u8; 8192]);
    for (k, (w, _)) in OPENING.iter().enumerate() {
        let slot = &mut table[usize::from(signature(w.as_bytes()))];
        *slot = match *slot {
            0 => u8::try_from(k + 1).expect("fewer than 255 opening words"),
            _ => SHARED,
        };
    }
    table
});

/// What an opening word is to `Scan::core`, which reads it from `OPENING_WORDS` with the
/// same lookup as the gate of `find` instead of testing the word against each list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// "that", "same": they open only the anaphor rule.
    Anaphor,
    /// `is_count`: opens only the year and quantity rules.
    Count,
    /// `lexicon::month`.
    Month,
    /// `lexicon::weekday`.
    Weekday,
    /// A word with a hyphen, not looked up (a compound, or a count as "twenty-four").
    Compound,
    /// Any other opening word: it opens `Scan::word`'s rule for it.
    Word(Rule),
    /// A number or an apostrophe (`core` reads them from the token).
    Other,
}

/// Which of `Scan::word`'s rules an opening word leads to: `OPENING` names it for each word,
/// so `word` dispatches on the kind already looked up instead of comparing the word with
/// each of its cases (the rules for several words still tell them apart by their text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// "yesterday", "today", "tomorrow", "tonight".
    RelativeDay,
    /// "now".
    Now,
    /// "currently", "nowadays".
    Currently,
    /// "recently", "previously", "formerly".
    Recently,
    /// "soon".
    Soon,
    /// "these" ("these days").
    These,
    /// "future".
    Future,
    /// "current", "recent".
    Current,
    /// "daily", "weekly", ... "semiannually".
    Frequency,
    /// "every", "each", "per" (`set`).
    Every,
    /// "noon", "midday", "midnight".
    Noon,
    /// "christmas", "halloween".
    Holiday,
    /// "new" ("New Year's Day").
    NewYear,
    /// "thanksgiving".
    Thanksgiving,
    /// "fiscal".
    Fiscal,
    /// "year", "full" ("the full year").
    Year,
    /// "quarter".
    Quarter,
    /// "month", "week" ("the end of the month").
    MonthOrWeek,
    /// "weekend".
    Weekend,
    /// "fy".
    Fy,
    /// "q1" to "q4", "h1", "h2".
    QuarterName,
    /// "nineties", "eighties", ... "twenties".
    Decade,
    /// "past".
    Past,
    /// "near", "short", "long", "medium" ("the near term").
    Term,
    /// A season (`lexicon::season`).
    Season,
    /// A word `relative` reads first ("last", "this", "first", ...): then `Scan::rest`.
    Relative,
    /// Any other word: only `Scan::rest` reads it (units, ordinals, parts of the day, "while").
    Rest,
}

/// What token `i` is to `Scan::core` when a rule may match there: a number, an apostrophe
/// ("'90s"), a word with a hyphen (compounds, "twenty-four"), or an opening word.
fn may_open(scan: &Scan, i: usize) -> Option<Opening> {
    let doc = scan.doc;
    match doc.tokens[i].kind {
        TokenKind::Word if doc.tokens[i].hyphenated => Some(Opening::Compound),
        TokenKind::Word => match scan.by_signature[usize::from(doc.tokens[i].sig) % 8192] {
            0 => None,
            SHARED => scan.opening.get(doc, i).copied(),
            k => {
                let (w, opening) = OPENING[usize::from(k) - 1];
                (doc.lower_bytes(i) == w.as_bytes()).then_some(opening)
            }
        },
        TokenKind::Number => Some(Opening::Other),
        // "'" or "’", compared as bytes.
        TokenKind::Punct => {
            matches!(doc.tok_bytes(i), b"'" | b"\xE2\x80\x99").then_some(Opening::Other)
        }
    }
}

/// Finds every temporal expression.
pub fn find(doc: &Doc) -> Vec<Found> {
    let scan = Scan::new(doc);
    // News has about one expression every 35 tokens: one allocation for most texts.
    let mut out: Vec<Found> = Vec::with_capacity(doc.tokens.len() / 32 + 4);
    let gate: &Signatures = &GATE;
    let mut floor = 0;
    let mut i = 0;
    while i < scan.n {
        // Tokens that open nothing, most of them, are passed over in a loop of their own.
        match doc.tokens[i..]
            .iter()
            .position(|t| t.kind == TokenKind::Number || t.hyphenated || gate.has(t.sig))
        {
            Some(k) => i += k,
            None => break,
        }
        let Some(opening) = may_open(&scan, i) else {
            i += 1;
            continue;
        };
        if let Some(extra) = scan.year_range(i) {
            out.extend(extra);
            i += 1;
            floor = i;
            continue;
        }
        match scan.core(i, opening) {
            Some(mut h) => {
                scan.extend_left(&mut h, floor);
                scan.extend_right(&mut h);
                out.push(Found {
                    span: doc.span(h.start, h.end - 1),
                    token: h.start,
                    kind: h.kind,
                    meaning: h.meaning,
                    r#mod: h.r#mod,
                    rule: h.rule,
                });
                i = h.end.max(i + 1);
                floor = i;
            }
            None => i += 1,
        }
    }
    out
}

/// The tokens of one document with their lower-case forms.
struct Scan<'d, 'a> {
    doc: &'d Doc<'a>,
    /// The text, ASCII lower-cased (same byte offsets).
    lower: &'d str,
    n: usize,
    /// `OPENING_WORDS`, ready for a lookup at every token.
    opening: ReadyMap<'static, Opening>,
    /// `OPENING_BY_SIGNATURE`.
    by_signature: &'static [u8; 8192],
    /// `FOLLOWERS`, ready.
    followers: ReadyMap<'static, Follow>,
}

/// Words that count things, not years, after a four-digit number ("2000 troops").
fn is_count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "troops"
            | "soldiers"
            | "workers"
            | "jobs"
            | "shares"
            | "points"
            | "tonnes"
            | "tons"
            | "barrels"
            | "metres"
            | "meters"
            | "feet"
            | "ft"
            | "miles"
            | "kilometres"
            | "kilometers"
            | "km"
            | "kg"
            | "pounds"
            | "dollars"
            | "euros"
            | "votes"
            | "seats"
            | "units"
            | "cars"
            | "vehicles"
            | "homes"
            | "houses"
            | "deaths"
            | "cases"
            | "employees"
            | "students"
            | "members"
            | "children"
            | "men"
            | "women"
            | "refugees"
            | "prisoners"
            | "acres"
            | "hectares"
            | "rooms"
            | "copies"
            | "residents"
            | "passengers"
            | "police"
            | "officers"
            | "pages"
            | "yards"
            | "m"
            | "mm"
            | "cm"
            | "lb"
            | "lbs"
            | "percent"
            | "per"
            | "times"
            | "rpm"
            | "cc"
            | "mw"
            | "kw"
            | "bpd"
            | "beds"
            | "flights"
            | "games"
            | "runs"
            | "goals"
            | "patients"
            | "infections"
            | "killed"
            | "dead"
            | "injured"
            | "marines"
            | "sailors"
            | "delegates"
            | "guests"
            | "participants"
            | "firms"
            | "companies"
            | "stores"
            | "plants"
            | "villages"
    )
}

/// A word that counts: a number word ("two", "twenty-four", "dozen") or "a", "an", "few",
/// "several", "couple".
fn is_count(w: &str) -> bool {
    lexicon::number_word(w).is_some() || matches!(w, "a" | "an" | "few" | "several" | "couple")
}

/// What a word after a count or a plain number is to the rules that read on from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// It may continue a quantity or a spoken year after a count (and so after a number too):
    /// a unit, an adjective ("20 more years"), a number word ("nineteen ninety", "two
    /// hundred"), or what `count_at` and `quantity` read between a count and its unit ("a
    /// couple of", "a few", "2 1/2", "two to three").
    Count,
    /// It may make a plain number a date or time, not a count: a month ("15 October") or what
    /// `clock` reads ("6 pm", "4 in the morning", "6 GMT").
    Number,
}

/// Every word that may follow a count or a plain number (lower case): a count followed by
/// no `Follow::Count` word opens nothing, nor does a plain number (other than four digits)
/// followed by neither kind, so `core` turns them away with one lookup of the next token. A
/// compound number word ("twenty-four") is not listed: `follows` reads it. Tests check the
/// list against the lexicon (`may_follow_count` and `may_follow_number` in the tests say
/// the same in full).
#[rustfmt::skip]
static FOLLOWING: &[(&str, Follow)] = {
    use Follow::{Count, Number};
    &[
        // units (`lexicon::unit`)
        ("second", Count), ("seconds", Count), ("minute", Count), ("min", Count),
        ("minutes", Count), ("mins", Count), ("hour", Count), ("hr", Count), ("hours", Count),
        ("hrs", Count), ("day", Count), ("days", Count), ("week", Count), ("weeks", Count),
        ("weekend", Count), ("weekends", Count), ("fortnight", Count), ("fortnights", Count),
        ("month", Count), ("months", Count), ("quarter", Count), ("quarters", Count),
        ("year", Count), ("yr", Count), ("years", Count), ("yrs", Count), ("decade", Count),
        ("decades", Count), ("century", Count), ("centuries", Count),
        // `is_count_adjective`
        ("more", Count), ("additional", Count), ("extra", Count), ("full", Count),
        ("straight", Count), ("consecutive", Count), ("successive", Count), ("trading", Count),
        ("business", Count), ("working", Count), ("calendar", Count), ("whole", Count),
        ("further", Count), ("long", Count), ("short", Count), ("solid", Count),
        // number words (`lexicon::number_word`)
        ("one", Count), ("two", Count), ("three", Count), ("four", Count), ("five", Count),
        ("six", Count), ("seven", Count), ("eight", Count), ("nine", Count), ("ten", Count),
        ("eleven", Count), ("twelve", Count), ("dozen", Count), ("thirteen", Count),
        ("fourteen", Count), ("fifteen", Count), ("sixteen", Count), ("seventeen", Count),
        ("eighteen", Count), ("nineteen", Count), ("twenty", Count), ("thirty", Count),
        ("forty", Count), ("fifty", Count), ("sixty", Count), ("seventy", Count),
        ("eighty", Count), ("ninety", Count), ("hundred", Count), ("thousand", Count),
        // between a count and its unit
        ("couple", Count), ("few", Count), ("of", Count), ("1/2", Count), ("½", Count),
        ("and", Count), ("-", Count), ("to", Count), ("or", Count),
        // months (`lexicon::month`)
        ("january", Number), ("jan", Number), ("february", Number), ("feb", Number),
        ("march", Number), ("mar", Number), ("april", Number), ("apr", Number), ("may", Number),
        ("june", Number), ("jun", Number), ("july", Number), ("jul", Number), ("august", Number),
        ("aug", Number), ("september", Number), ("sep", Number), ("sept", Number),
        ("october", Number), ("oct", Number), ("november", Number), ("nov", Number),
        ("december", Number), ("dec", Number),
        // zones (`lexicon::is_zone`)
        ("gmt", Number), ("utc", Number), ("est", Number), ("edt", Number), ("cst", Number),
        ("cdt", Number), ("mst", Number), ("mdt", Number), ("pst", Number), ("pdt", Number),
        ("bst", Number), ("cet", Number), ("cest", Number), ("ist", Number), ("jst", Number),
        ("aest", Number), ("aedt", Number), ("et", Number), ("pt", Number), ("ct", Number),
        // `clock`
        ("am", Number), ("a.m.", Number), ("a.m", Number), ("pm", Number), ("p.m.", Number),
        ("p.m", Number), ("o'clock", Number), ("o’clock", Number), ("in", Number),
    ]
};

/// `FOLLOWING`, indexed.
static FOLLOWERS: WordMap<Follow> = WordMap::new(FOLLOWING);

/// The words `Scan::relative` reads first: their offset (-1 back, 1 ahead, 0 the present),
/// and whether they need a determiner ("the previous year").
fn relative_offset(w: &str) -> Option<(i64, bool)> {
    Some(match w {
        "last" | "past" => (-1, false),
        "previous" | "preceding" | "prior" => (-1, true),
        "next" | "coming" | "upcoming" => (1, false),
        "following" => (1, true),
        "this" | "current" | "present" => (0, false),
        "latest" | "first" | "final" | "remaining" | "initial" | "opening" | "closing" => (0, true),
        _ => return None,
    })
}

/// `w.split_once(sep)` for an ASCII separator: a byte search, cheaper on a short token than
/// the character searcher.
fn split_at_byte(w: &str, sep: u8) -> Option<(&str, &str)> {
    let k = w.bytes().position(|c| c == sep)?;
    Some((&w[..k], &w[k + 1..]))
}

/// Approximators that TimeML keeps inside a duration, and their mod.
fn approximator(w: &str) -> Option<&'static str> {
    Some(match w {
        "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost" => "APPROX",
        "over" => "MORE_THAN",
        "under" => "LESS_THAN",
        _ => return None,
    })
}

/// Adjectives allowed between a count and its unit ("20 more years", "eight trading days").
fn is_count_adjective(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "additional"
            | "extra"
            | "full"
            | "straight"
            | "consecutive"
            | "successive"
            | "trading"
            | "business"
            | "working"
            | "calendar"
            | "whole"
            | "further"
            | "long"
            | "short"
            | "solid"
    )
}

impl<'d, 'a> Scan<'d, 'a> {
    fn new(doc: &'d Doc<'a>) -> Scan<'d, 'a> {
        Scan {
            doc,
            lower: &doc.lower,
            n: doc.tokens.len(),
            opening: OPENING_WORDS.ready(),
            by_signature: &OPENING_BY_SIGNATURE,
            followers: FOLLOWERS.ready(),
        }
    }

    /// What token `i` may follow (`Follow`), `None` past the end or when it continues nothing:
    /// one lookup in `FOLLOWERS`, and a compound number word ("twenty-four") read from its
    /// hyphen on.
    #[inline]
    fn follows(&self, i: usize) -> Option<Follow> {
        let t = self.doc.tokens.get(i)?;
        if t.hyphenated {
            return lexicon::number_word(self.w(i)).map(|_| Follow::Count);
        }
        self.followers.get(self.doc, i).copied()
    }

    /// Lower-case text of token `i`, or "" past the end.
    #[inline]
    fn w(&self, i: usize) -> &str {
        match self.doc.tokens.get(i) {
            Some(t) => &self.lower[t.span.start..t.span.end],
            None => "",
        }
    }

    /// Original text of token `i`.
    #[inline]
    fn raw(&self, i: usize) -> &str {
        match self.doc.tokens.get(i) {
            Some(t) => &self.doc.text[t.span.start..t.span.end],
            None => "",
        }
    }

    #[inline]
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    #[inline]
    fn cap(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Token `i` follows the previous token with no space ("10-year", "6am").
    #[inline]
    fn glued(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.after_space)
    }

    /// Token `i` is in the same sentence as token `j`.
    #[inline]
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        i < self.n && j < self.n && self.doc.sentence_of[i] == self.doc.sentence_of[j]
    }

    /// A plain unsigned integer token ("15", not "1,500" or "3.5").
    fn int(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.w(i);
        if w.is_empty() || w.len() > 9 {
            return None;
        }
        // One to nine digits: no overflow.
        w.bytes().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    }

    /// A day of the month at token `i` ("15", "15th", "fifteenth"): the day and the next token.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        // One or two digits are a day only as a number token; other words may be ordinals.
        let d = match *w.as_bytes() {
            [a] if a.is_ascii_digit() => u32::from(a - b'0'),
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                u32::from(a - b'0') * 10 + u32::from(b - b'0')
            }
            _ => lexicon::ordinal(w)?,
        };
        if w.len() <= 2 && self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    /// A four-digit year at token `i` (1000-2099), plain digits.
    fn year_at(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        if w.len() != 4 {
            return None;
        }
        let y = self.int(i)? as i32;
        (1000..=2099).contains(&y).then_some(y)
    }

    /// A year at `i`, digits or spoken ("nineteen ninety-six"): the year and the next token.
    fn year_phrase(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((y, i + 1));
        }
        let hi = lexicon::number_word(self.w(i))?;
        if !(10..=20).contains(&hi) {
            return None;
        }
        if hi == 20 || hi == 2 {
            return None;
        }
        let lo = lexicon::number_word(self.w(i + 1))?;
        (10..=99)
            .contains(&lo)
            .then_some((hi as i32 * 100 + lo as i32, i + 2))
    }

    /// A month word at `i` that is really a month: the month and the token after it (a period
    /// after an abbreviation is included).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let m = lexicon::month(w)?;
        if !self.cap(i) {
            return None;
        }
        let mut next = i + 1;
        if lexicon::is_month_abbreviation(w) {
            if self.w(next) == "." && self.glued(next) {
                next += 1;
            } else if self.int(next).is_none() {
                return None;
            }
        }
        Some((m, next))
    }

    /// A count at `i`: exact (`Some(n)`) or vague (`None`), and the next token.
    fn count_at(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.int(i) {
            if self.w(i).len() <= 5 {
                return Some((Some(n), i + 1));
            }
            return None;
        }
        match w {
            "a" | "an" => {
                let nx = self.w(i + 1);
                if nx == "couple" && self.w(i + 2) == "of" {
                    return Some((Some(2), i + 3));
                }
                if nx == "few" {
                    return Some((None, i + 2));
                }
                if nx == "dozen" {
                    return Some((Some(12), i + 2));
                }
                return Some((Some(1), i + 1));
            }
            "few" | "several" | "many" | "some" | "couple" => {
                let next = if w == "couple" && self.w(i + 1) == "of" {
                    i + 2
                } else {
                    i + 1
                };
                return Some(((w == "couple").then_some(2), next));
            }
            _ => {}
        }
        let n = lexicon::number_word(w)?;
        // "twenty four", "one hundred", "two thousand".
        let mut n = n;
        let mut next = i + 1;
        if n >= 20 && n % 10 == 0 && n < 100 {
            if let Some(o) = lexicon::number_word(self.w(next)).filter(|o| (1..=9).contains(o)) {
                n += o;
                next += 1;
            }
        }
        match self.w(next) {
            "hundred" if n < 100 => {
                n *= 100;
                next += 1;
            }
            "thousand" if n < 1000 => {
                n *= 1000;
                next += 1;
            }
            _ => {}
        }
        Some((Some(n), next))
    }

    /// A unit at `i`, directly or after a hyphen glued to the count ("10-year").
    fn unit_at(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let mut j = i;
        if self.w(j) == "-" && self.glued(j) && self.glued(j + 1) {
            j += 1;
        }
        let (u, plural) = lexicon::unit(self.w(j))?;
        Some((u, plural, j + 1))
    }

    /// The core rule matching at token `i` (`opening`: what `may_open` says it is), reading
    /// forward. Inlined into `find`, its one caller outside the tests: the call and its frame
    /// cost more than most of its early exits.
    #[inline(always)]
    fn core(&self, i: usize, opening: Opening) -> Option<Hit> {
        let kind = self.kind(i)?;
        if kind == TokenKind::Punct {
            if self.w(i) == "'" || self.w(i) == "’" {
                return self.short_decade(i);
            }
            return None;
        }
        if kind == TokenKind::Number {
            return self.number(i);
        }
        let w = self.w(i);
        let mut opening = opening;
        if opening == Opening::Compound {
            if let Some(h) = self.compound(i) {
                return Some(h);
            }
            // A hyphenated word is in none of the lists but the counts ("twenty-four"), and
            // none of `word`'s own rules, seasons, `relative` or `anaphor` reads it.
            opening = if is_count(w) {
                Opening::Count
            } else {
                Opening::Word(Rule::Rest)
            };
        }
        match opening {
            // "that" and "same" open only the anaphor rule ("that year", "the same day"): no
            // other rule reacts to them.
            Opening::Anaphor => self.anaphor(i),
            // A count ("a", "two", "twenty-four") opens only the year and quantity rules: no
            // month, weekday or other word rule reacts to it (a test checks).
            Opening::Count => {
                if self.follows(i + 1) != Some(Follow::Count) {
                    return None;
                }
                self.year_words(i).or_else(|| self.quantity(i))
            }
            // Months and weekdays open no other rule (a test checks).
            Opening::Month => self.month(i),
            Opening::Weekday => {
                let d = lexicon::weekday(w)?;
                (w.len() >= 6 && self.cap(i))
                    .then(|| self.weekday(i, i + 1, d, Dir::Tense, "weekday"))
            }
            Opening::Word(rule) => self.word(i, rule),
            // Numbers and apostrophes are read above.
            Opening::Compound | Opening::Other => None,
        }
    }

    fn hit(
        &self,
        start: usize,
        end: usize,
        kind: TimexType,
        meaning: Meaning,
        rule: &'static str,
        class: Class,
    ) -> Hit {
        Hit {
            start,
            end,
            kind,
            meaning,
            r#mod: None,
            rule,
            class,
        }
    }

    fn date(
        &self,
        start: usize,
        end: usize,
        meaning: Meaning,
        rule: &'static str,
        class: Class,
    ) -> Option<Hit> {
        Some(self.hit(start, end, TimexType::Date, meaning, rule, class))
    }

    /// "'90s".
    fn short_decade(&self, i: usize) -> Option<Hit> {
        let w = self.w(i + 1);
        if !self.glued(i + 1) || w.len() != 3 || !w.ends_with('s') {
            return None;
        }
        let d: u32 = w[..2].parse().ok()?;
        if d % 10 != 0 {
            return None;
        }
        // Two-digit decades are the 1900s ("'90s"), or the 2000s up to "'20s".
        let century = if d <= 20 { 20 } else { 19 };
        self.date(
            i,
            i + 2,
            Meaning::Absolute(format!("{century}{}", d / 10), "decade"),
            "decade",
            Class::Period,
        )
    }

    /// Rules that start with a number token.
    fn number(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // Plain digits, most numbers, are none of the forms with separators or letters.
        if let Some(k) = w.bytes().position(|c| !c.is_ascii_digit()) {
            return self.marked_number(i, w, k);
        }
        // Besides a year, a plain number is a date, time or quantity only with one of the
        // words its rules read next.
        if w.len() != 4 && self.follows(i + 1).is_none() {
            return None;
        }
        // 15 October 2024
        if let Some((d, _)) = self.day_at(i) {
            if let Some((m, next)) = self.month_at(i + 1) {
                return self.day_month(i, d, m, next);
            }
        }
        // 6am, 6 p.m., 6 o'clock
        if let Some(h) = self.int(i).filter(|_| w.len() <= 2) {
            if let Some(hit) = self.clock(i, h, 0, false) {
                return Some(hit);
            }
        }
        if let Some(y) = self.year_at(i) {
            return self.year(i, y);
        }
        self.quantity(i)
    }

    /// Rules for a number token with separators or letters: "2024-10-15", "10/15/2024",
    /// "18:45", "11.30", "1990s", "20th" (`k`: where its first byte that is no digit is).
    fn marked_number(&self, i: usize, w: &str, k: usize) -> Option<Hit> {
        let b = w.as_bytes();
        // Every form below has digits up to its first separator or letter, and only the clock
        // time "11.30" has a point there: after the leading digits, a comma is a count
        // ("1,500") and a point a decimal ("3.5") or that clock time, the most of news's
        // numbers with separators.
        match b[k] {
            b',' => return None,
            // 11.30am
            b'.' => {
                let (h, m) = (&w[..k], &w[k + 1..]);
                if h.len() <= 2 && m.len() == 2 && m.bytes().all(|c| c.is_ascii_digit()) {
                    return self.clock(i, h.parse().ok()?, m.parse().ok()?, false);
                }
                return None;
            }
            _ => {}
        }
        // 2024-10-15
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            let (y, m, d) = (
                w[..4].parse().ok()?,
                w[5..7].parse().ok()?,
                w[8..].parse().ok()?,
            );
            chrono::NaiveDate::from_ymd_opt(y, m, d)?;
            return self.date(
                i,
                i + 1,
                Meaning::Absolute(w.to_string(), "day"),
                "iso-date",
                Class::Fixed,
            );
        }
        // 10/15/2024, 15/10/2024, 10/15/24
        if w.bytes().filter(|&c| c == b'/').count() == 2 {
            return self.slash_date(i, w);
        }
        // 18:45, 7:15 p.m.
        if let Some((h, m)) = split_at_byte(w, b':') {
            if h.len() <= 2
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
            {
                return self.clock(i, h.parse().ok()?, m.parse().ok()?, true);
            }
            return None;
        }
        // A point after another separator ("1-2.5").
        if b.contains(&b'.') {
            return None;
        }
        // 1990s
        if b.len() == 5 && b[4] == b's' && b[..4].iter().all(u8::is_ascii_digit) && b[3] == b'0' {
            let y: i32 = w[..4].parse().ok()?;
            if (1000..=2090).contains(&y) {
                return self.date(
                    i,
                    i + 1,
                    Meaning::Absolute(w[..3].to_string(), "decade"),
                    "decade",
                    Class::Period,
                );
            }
            return None;
        }
        // 20th century
        if let Some(n) = lexicon::ordinal(w) {
            if let Some(h) = self.century(i, n) {
                return Some(h);
            }
            // "the 15th of October"
            if self.w(i + 1) == "of" {
                if let Some((m, next)) = self.month_at(i + 2) {
                    return self.day_month(i, n, m, next);
                }
            }
            if let Some((m, next)) = self.month_at(i + 1) {
                return self.day_month(i, n, m, next);
            }
            return None;
        }
        None
    }

    fn slash_date(&self, i: usize, w: &str) -> Option<Hit> {
        let mut parts = w.split('/');
        let a: u32 = parts.next()?.parse().ok()?;
        let bpart = parts.next()?;
        let b: u32 = bpart.parse().ok()?;
        let ypart = parts.next()?;
        let mut y: i32 = ypart.parse().ok()?;
        if ypart.len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        } else if ypart.len() != 4 {
            return None;
        }
        // Month first as American news writes it, unless the first part cannot be a month.
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        self.date(
            i,
            i + 1,
            Meaning::Absolute(value::day(i64::from(y), m, d), "day"),
            "numeric-date",
            Class::Fixed,
        )
    }

    /// "20th century", "21st-century".
    fn century(&self, i: usize, n: u32) -> Option<Hit> {
        let (u, plural, next) = self.unit_at(i + 1)?;
        if u != Unit::Century || plural || !(1..=21).contains(&n) {
            return None;
        }
        self.date(
            i,
            next,
            Meaning::Absolute(format!("{:02}", n - 1), "century"),
            "century",
            Class::Period,
        )
    }

    /// A clock time at `i` (hours `h`, minutes `m`), with am/pm, zone and day that follow.
    /// `colon` says the number was written with a colon, which makes it a time by itself
    /// only when something else says so too.
    fn clock(&self, i: usize, h: u32, m: u32, colon: bool) -> Option<Hit> {
        if h > 24 || m > 59 {
            return None;
        }
        let mut j = i + 1;
        let mut hour = h;
        let mut sure = false;
        match self.w(j) {
            "am" | "a.m." | "a.m" => {
                sure = true;
                if h == 12 {
                    hour = 0;
                }
                j += 1;
            }
            "pm" | "p.m." | "p.m" => {
                sure = true;
                if h < 12 {
                    hour = h + 12;
                }
                j += 1;
            }
            "o'clock" | "o’clock" => {
                sure = true;
                j += 1;
            }
            "a" | "p" if self.w(j + 1) == "." && self.w(j + 2) == "m" => {
                // "6 a. m." written apart
                return None;
            }
            _ => {}
        }
        if self.w(j) == "in"
            && self.w(j + 1) == "the"
            && lexicon::day_part(self.w(j + 2)).is_some()
            && !colon
        {
            sure = true;
        }
        if !sure && !colon && h > 12 {
            return None;
        }
        if sure && h > 12 && hour == h && self.w(i + 1) != "o'clock" && !colon {
            return None;
        }
        if lexicon::is_zone(self.w(j)) && self.cap(j) {
            sure = true;
            j += 1;
        }
        if !sure {
            if !colon {
                return None;
            }
            // A bare "18:45" is a time after "at", "by", "until", "from" ...
            let before = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                before,
                "at" | "by"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "from"
                    | "to"
                    | "around"
                    | "about"
                    | "since"
            ) {
                return None;
            }
        }
        if !sure && !colon {
            return None;
        }
        // "4 in the morning"
        if self.w(j) == "in" && self.w(j + 1) == "the" {
            if let Some(part) = lexicon::day_part(self.w(j + 2)) {
                if matches!(part, "AF" | "EV") && hour < 12 {
                    hour += 12;
                }
                j += 3;
            }
        }
        let (day, end) = self.day_after(j).unwrap_or((Meaning::DayOffset(0), j));
        Some(self.hit(
            i,
            end,
            TimexType::Time,
            Meaning::Timed(Box::new(day), Clock::At(hour, m)),
            "clock",
            Class::Amount,
        ))
    }

    /// A day named right after a time: "today", "Tuesday", "Nov. 9", ", Nov. 6".
    fn day_after(&self, j: usize) -> Option<(Meaning, usize)> {
        let k = if self.w(j) == "," || self.w(j) == "on" {
            j + 1
        } else {
            j
        };
        let w = self.w(k);
        match w {
            "today" | "tonight" => return Some((Meaning::DayOffset(0), k + 1)),
            "yesterday" => return Some((Meaning::DayOffset(-1), k + 1)),
            "tomorrow" => return Some((Meaning::DayOffset(1), k + 1)),
            _ => {}
        }
        if let Some(d) = lexicon::weekday(w).filter(|_| w.len() >= 6 && self.cap(k)) {
            return Some((Meaning::Weekday(d, Dir::Tense), k + 1));
        }
        if let Some((m, next)) = self.month_at(k) {
            if let Some((d, after)) = self.day_at(next) {
                if let Some((y, end)) = self.comma_year(after) {
                    return Some((
                        Meaning::Absolute(value::day(i64::from(y), m, d), "day"),
                        end,
                    ));
                }
                return Some((Meaning::MonthDay(m, Some(d), Dir::Tense), after));
            }
        }
        None
    }

    /// ", 2024" or " 2024" after a day: the year and the next token.
    fn comma_year(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.w(j) == "," { j + 1 } else { j };
        let y = self.year_at(k)?;
        Some((y, k + 1))
    }

    /// "15 October (2024)", "15th of October".
    fn day_month(&self, i: usize, d: u32, m: u32, next: usize) -> Option<Hit> {
        if let Some((y, end)) = self.comma_year(next) {
            chrono::NaiveDate::from_ymd_opt(y, m, d)?;
            return self.date(
                i,
                end,
                Meaning::Absolute(value::day(i64::from(y), m, d), "day"),
                "day-month",
                Class::Fixed,
            );
        }
        self.date(
            i,
            next,
            Meaning::MonthDay(m, Some(d), Dir::Tense),
            "day-month",
            Class::Fixed,
        )
    }

    /// A four-digit year at `i`, with what may follow ("1988 second quarter").
    fn year(&self, i: usize, y: i32) -> Option<Hit> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let next = self.w(i + 1);
        // Money, counts, identifiers: "$2000", "2000 troops", "No. 1999", "flight 1990".
        if matches!(
            prev,
            "$" | "£"
                | "€"
                | "#"
                | "no"
                | "number"
                | "flight"
                | "room"
                | "route"
                | "page"
                | "model"
                | "highway"
                | "tel"
                | "phone"
                | "code"
                | "box"
                | "suite"
        ) || (prev == "." && i >= 2 && self.w(i - 2) == "no")
            || is_count_noun(next)
            || next == "%"
        {
            return None;
        }
        // Years before 1800 need a cue ("in 1066", "since 1500").
        if y < 1800
            && !matches!(
                prev,
                "in" | "since"
                    | "of"
                    | "from"
                    | "by"
                    | "until"
                    | "year"
                    | "circa"
                    | "around"
                    | "before"
                    | "after"
            )
        {
            return None;
        }
        // A number in a list of numbers ("1800 1900 2000", scores) is not a year.
        if i > 0 && self.kind(i - 1) == Some(TokenKind::Number) && !self.doc.tokens[i].after_newline
        {
            return None;
        }
        // "1988 second quarter", "1989 third-quarter".
        if let Some((q, end)) = self.quarter_words(i + 1) {
            return self.date(
                i,
                end,
                Meaning::Quarter(q, Some(y)),
                "quarter",
                Class::Period,
            );
        }
        if self.w(i + 1) == "'s" || self.w(i + 1) == "’s" {
            if let Some((q, end)) = self.quarter_words(i + 2) {
                return self.date(
                    i,
                    end,
                    Meaning::Quarter(q, Some(y)),
                    "quarter",
                    Class::Period,
                );
            }
        }
        // "the 1988 quarter", "the 1989 period": the report's quarter of that year.
        if i > 0 && self.w(i - 1) == "the" && matches!(self.w(i + 1), "quarter" | "period") {
            return self.date(i, i + 2, Meaning::YearQuarter(y), "quarter", Class::Period);
        }
        self.date(
            i,
            i + 1,
            Meaning::Absolute(value::year(i64::from(y)), "year"),
            "year",
            Class::Calendar,
        )
    }

    /// "third quarter", "third-quarter", "fiscal first quarter", "first half": the quarter
    /// (1-4) or half (5-6) and the next token.
    fn quarter_words(&self, i: usize) -> Option<(u32, usize)> {
        let mut i = i;
        if self.w(i) == "fiscal" {
            i += 1;
        }
        let w = self.w(i);
        // Every form ends with "quarter" or "half", in the word or as the next one: most words
        // are turned away before the hyphen search.
        if !(w.ends_with("quarter")
            || w.ends_with("half")
            || matches!(self.w(i + 1), "quarter" | "half"))
        {
            return None;
        }
        let w = w.strip_prefix("fiscal-").unwrap_or(w);
        if let Some(dash) = w.bytes().position(|c| c == b'-') {
            let (a, b) = (&w[..dash], &w[dash + 1..]);
            let n = lexicon::ordinal(a)?;
            return match b {
                "quarter" if (1..=4).contains(&n) => Some((n, i + 1)),
                "half" if (1..=2).contains(&n) => Some((4 + n, i + 1)),
                _ => None,
            };
        }
        let n = lexicon::ordinal(w).or_else(|| if w == "last" { Some(9) } else { None })?;
        match self.w(i + 1) {
            "quarter" if (1..=4).contains(&n) => Some((n, i + 2)),
            "quarter" if n == 9 => Some((4, i + 2)),
            "half" if (1..=2).contains(&n) => Some((4 + n, i + 2)),
            "half" if n == 9 => Some((6, i + 2)),
            _ => None,
        }
    }

    /// Rules that start with a month word.
    fn month(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (m, next) = self.month_at(i)?;
        // Day: "Oct. 15", "October 15th", "March eighth".
        if let Some((d, after)) = self.day_at(next) {
            // "May 2" but not "May 2000" (a year) nor "March 15,000".
            if self.w(next).len() <= 2 || lexicon::ordinal(self.w(next)).is_some() {
                if let Some((y, end)) = self.comma_year(after) {
                    if chrono::NaiveDate::from_ymd_opt(y, m, d).is_some() {
                        return self.date(
                            i,
                            end,
                            Meaning::Absolute(value::day(i64::from(y), m, d), "day"),
                            "month-day",
                            Class::Fixed,
                        );
                    }
                }
                return self.date(
                    i,
                    after,
                    Meaning::MonthDay(m, Some(d), Dir::Tense),
                    "month-day",
                    Class::Fixed,
                );
            }
        }
        // Year: "October 2024", "October of 2024", "January nineteen ninety-seven".
        let of = if self.w(next) == "of" || self.w(next) == "," {
            next + 1
        } else {
            next
        };
        if let Some((y, end)) = self.year_phrase(of) {
            return self.date(
                i,
                end,
                Meaning::Absolute(value::month(i64::from(y), m), "month"),
                "month-year",
                Class::Calendar,
            );
        }
        // "June last year", "May of next year".
        let k = if self.w(next) == "of" { next + 1 } else { next };
        if self.w(k + 1) == "year" {
            let off = match self.w(k) {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(off) = off {
                return self.date(
                    i,
                    k + 2,
                    Meaning::MonthDay(m, None, Dir::Year(off)),
                    "month-year",
                    Class::Calendar,
                );
            }
        }
        // A month alone. "May" and "March" are verbs too; abbreviations need a day.
        if lexicon::is_month_abbreviation(w) {
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if matches!(w, "may" | "march") {
            let cue = matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "through"
                    | "from"
                    | "to"
                    | "during"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "or"
                    | "each"
                    | "every"
                    | "late-"
                    | "since-"
            );
            if !cue || self.doc.starts_sentence(i) && prev != "in" {
                return None;
            }
        }
        // A capitalised month at the head of a sentence is still a month ("October was ..."),
        // but not a name in a run of capitals ("August Wilson", "April Ryan").
        if self.cap(i + 1)
            && self.kind(i + 1) == Some(TokenKind::Word)
            && !self.doc.in_caps_line(i)
            && !self.doc.starts_sentence(i + 1)
        {
            let nx = self.w(i + 1);
            if lexicon::weekday(nx).is_none() && lexicon::month(nx).is_none() {
                return None;
            }
        }
        self.date(
            i,
            next,
            Meaning::MonthDay(m, None, Dir::Tense),
            "month",
            Class::Calendar,
        )
    }

    /// "Tuesday, Oct. 15" read up to `after`: with a valid ", 2024" it is that day, else the
    /// weekday's month and day for `resolve` to place in a year.
    fn weekday_date(
        &self,
        start: usize,
        after: usize,
        m: u32,
        day: u32,
        d: u32,
        rule: &'static str,
    ) -> Hit {
        if let Some((y, end)) = self.comma_year(after) {
            if chrono::NaiveDate::from_ymd_opt(y, m, day).is_some() {
                let value = Meaning::Absolute(value::day(i64::from(y), m, day), "day");
                return self.hit(start, end, TimexType::Date, value, rule, Class::Fixed);
            }
        }
        let value = Meaning::WeekdayDate(m, day, d);
        self.hit(start, after, TimexType::Date, value, rule, Class::Fixed)
    }

    /// A weekday at `i` (already checked), with a following date or part of the day.
    fn weekday(&self, start: usize, next: usize, d: u32, dir: Dir, rule: &'static str) -> Hit {
        // "Tuesday, Oct. 15, 2024", "Friday Oct. 13", "Saturday 15 March".
        let k = if self.w(next) == "," { next + 1 } else { next };
        if let Some((m, after)) = self.month_at(k) {
            if let Some((day, after)) = self.day_at(after) {
                return self.weekday_date(start, after, m, day, d, rule);
            }
        }
        if let Some((day, after)) = self
            .day_at(k)
            .filter(|_| self.kind(k) == Some(TokenKind::Number))
        {
            if let Some((m, after)) = self.month_at(after) {
                return self.weekday_date(start, after, m, day, d, rule);
            }
        }
        let base = Meaning::Weekday(d, dir);
        let rule = if rule == "weekday" && matches!(self.w(next), "'s" | "’s") {
            "weekday-possessive"
        } else {
            rule
        };
        if let Some(part) = lexicon::day_part(self.w(next)) {
            return self.hit(
                start,
                next + 1,
                TimexType::Time,
                Meaning::Timed(Box::new(base), Clock::Part(part)),
                rule,
                Class::Calendar,
            );
        }
        self.hit(start, next, TimexType::Date, base, rule, Class::Calendar)
    }

    /// "nineteen ninety-six" (spoken years, common in broadcast transcripts).
    fn year_words(&self, i: usize) -> Option<Hit> {
        let (y, end) = self.year_phrase(i)?;
        if self.kind(i) == Some(TokenKind::Number) {
            return None;
        }
        self.date(
            i,
            end,
            Meaning::Absolute(value::year(i64::from(y)), "year"),
            "year",
            Class::Calendar,
        )
    }

    /// A count and a unit: a duration ("five years", "10-year"), a date ago ("two years ago"),
    /// anaphoric ("a year earlier"), or a frequency ("twice a week" is left out).
    fn quantity(&self, i: usize) -> Option<Hit> {
        let (mut n, mut j) = self.count_at(i)?;
        let w = self.w(i);
        // "two to three weeks", "12 to 18 months": the range reads as its first count.
        if matches!(self.w(j), "to" | "or" | "-") && n.is_some() && !matches!(w, "a" | "an") {
            if let Some((Some(_), k)) = self
                .count_at(j + 1)
                .filter(|_| !matches!(self.w(j + 1), "a" | "an"))
            {
                if self.unit_at(k).is_some() {
                    j = k;
                }
            }
        }
        // "2 1/2 years": a half.
        let mut half = false;
        if self.w(j) == "1/2" || self.w(j) == "½" {
            half = true;
            j += 1;
        } else if self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half" {
            half = true;
            j += 3;
        }
        // "a few", "several", bare "some" need a plural unit; "a"/"an" a singular one.
        while is_count_adjective(self.w(j)) {
            j += 1;
        }
        let (u, plural, mut end) = self.unit_at(j)?;
        let article = matches!(w, "a" | "an") && n == Some(1);
        if article && plural || n.is_none() && !plural {
            return None;
        }
        if w == "some" && !plural {
            return None;
        }
        // "five-year-old", "37 years old": an age, not a time.
        if self.w(end) == "-" && self.glued(end) && self.w(end + 1) == "old" || self.w(end) == "old"
        {
            return None;
        }
        // "a quarter of the market": a fraction.
        if u == Unit::Quarter && (article || n.is_none()) && self.w(end) == "of" {
            return None;
        }
        if half {
            let v = match u {
                Unit::Year => n.map(|n| format!("P{n}Y6M")),
                Unit::Hour => n.map(|n| format!("PT{n}H30M")),
                Unit::Day => n.map(|n| format!("P{n}DT12H")),
                _ => None,
            };
            if let Some(v) = v {
                return Some(self.hit(
                    i,
                    end,
                    TimexType::Duration,
                    Meaning::Duration(v),
                    "duration",
                    Class::Amount,
                ));
            }
            n = None;
        }
        if u == Unit::Weekend {
            return None;
        }
        // "or so"
        if self.w(end) == "or" && self.w(end + 1) == "so" {
            end += 2;
        }
        match self.w(end) {
            "ago" => {
                let meaning = match n {
                    Some(n) => Meaning::UnitOffset(u, -(n as i64)),
                    None => Meaning::Reference("PAST_REF"),
                };
                return self.date(i, end + 1, meaning, "ago", Class::Amount);
            }
            "earlier" | "later" | "before" | "after" => {
                let later = matches!(self.w(end), "later" | "after");
                let free = matches!(self.w(end), "earlier" | "later")
                    || self.kind(end + 1) == Some(TokenKind::Punct);
                // "four minutes later" in a match report is a length of time, not a date.
                let sub_day = matches!(u, Unit::Second | Unit::Minute | Unit::Hour);
                if let (Some(n), true, false) = (n, free, sub_day) {
                    let off = if later { n as i64 } else { -(n as i64) };
                    return self.date(
                        i,
                        end + 1,
                        Meaning::Anaphor(u, off),
                        "anaphor",
                        Class::Amount,
                    );
                }
            }
            "from" if self.w(end + 1) == "now" => {
                if let Some(n) = n {
                    return self.date(
                        i,
                        end + 2,
                        Meaning::UnitOffset(u, n as i64),
                        "from-now",
                        Class::Amount,
                    );
                }
            }
            _ => {}
        }
        // "a year" after "times", a count or a plural noun: a frequency ("four flights a week",
        // "$1 billion a year").
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let per = matches!(
            prev,
            "times" | "once" | "twice" | "million" | "billion" | "trillion" | "percent" | "%"
        ) || i > 0
            && (self.kind(i - 1) == Some(TokenKind::Number)
                || prev.len() > 3
                    && prev.ends_with('s')
                    && !prev.ends_with("ss")
                    && self.kind(i - 1) == Some(TokenKind::Word)
                    && !matches!(
                        prev,
                        "was"
                            | "has"
                            | "is"
                            | "does"
                            | "this"
                            | "its"
                            | "his"
                            | "hers"
                            | "yours"
                            | "ours"
                            | "theirs"
                            | "always"
                            | "perhaps"
                            | "sometimes"
                            | "afterwards"
                            | "towards"
                    ));
        if article
            && !plural
            && per
            && !matches!(
                self.w(end),
                "ago" | "earlier" | "later" | "before" | "after" | "or" | "and" | "old"
            )
        {
            return Some(self.hit(
                i,
                end,
                TimexType::Set,
                Meaning::Set(u.duration(Some(1))),
                "set",
                Class::Fixed,
            ));
        }
        // A bare article + unit reads as a duration only where one is expected.
        if article && !plural {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !matches!(
                prev,
                "for"
                    | "in"
                    | "within"
                    | "than"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "after"
                    | "last"
                    | "lasted"
                    | "lasting"
                    | "took"
                    | "take"
                    | "takes"
                    | "spent"
                    | "spend"
                    | "only"
                    | "just"
                    | "least"
                    | "half"
                    | "around"
                    | "roughly"
                    | "approximately"
                    | "some"
                    | "under"
                    | "past"
                    | "least,"
                    | "once"
                    | "another"
            ) && !matches!(self.w(end), "long" | "later" | "earlier")
            {
                return None;
            }
        }
        Some(self.hit(
            i,
            end,
            TimexType::Duration,
            Meaning::Duration(u.duration(n)),
            "duration",
            Class::Amount,
        ))
    }

    /// Hyphenated words: "mid-October", "late-1990s", "third-quarter", "five-year", "year-end".
    fn compound(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (a, b) = w.split_once('-')?;
        let pos = match a {
            "post" => Some("AFTER"),
            "pre" => Some("BEFORE"),
            "mid" => Some("MID"),
            "early" => Some("START"),
            "late" => Some("END"),
            _ => None,
        };
        if let Some(pos) = pos {
            let mut h = if let Some(m) = lexicon::month(b) {
                self.hit(
                    i,
                    i + 1,
                    TimexType::Date,
                    Meaning::MonthDay(m, None, Dir::Tense),
                    "month",
                    Class::Calendar,
                )
            } else if let Some(code) = lexicon::season(b) {
                self.hit(
                    i,
                    i + 1,
                    TimexType::Date,
                    Meaning::Season(code, None, Dir::Tense),
                    "season",
                    Class::Period,
                )
            } else if let Some(part) = lexicon::day_part(b) {
                let (day, end) = self
                    .day_after(i + 1)
                    .unwrap_or((Meaning::DayOffset(0), i + 1));
                self.hit(
                    i,
                    end,
                    TimexType::Time,
                    Meaning::Timed(Box::new(day), Clock::Part(part)),
                    "part-of-day",
                    Class::Fixed,
                )
            } else if b.len() == 5
                && b.ends_with("0s")
                && b[..4].bytes().all(|c| c.is_ascii_digit())
            {
                self.hit(
                    i,
                    i + 1,
                    TimexType::Date,
                    Meaning::Absolute(b[..3].to_string(), "decade"),
                    "decade",
                    Class::Period,
                )
            } else if b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()) {
                let y: i32 = b.parse().ok()?;
                if !(1800..=2099).contains(&y) {
                    return None;
                }
                self.hit(
                    i,
                    i + 1,
                    TimexType::Date,
                    Meaning::Absolute(b.to_string(), "year"),
                    "year",
                    Class::Calendar,
                )
            } else if b == "year" {
                self.hit(
                    i,
                    i + 1,
                    TimexType::Date,
                    Meaning::UnitOffset(Unit::Year, 0),
                    "unit-offset",
                    Class::Period,
                )
            } else {
                return None;
            };
            h.r#mod = Some(pos);
            // "the mid-1990s"
            if let Some((m, next)) = self
                .month_at(i + 1)
                .filter(|_| matches!(h.meaning, Meaning::MonthDay(..)))
            {
                let _ = m;
                let _ = next;
            }
            return Some(h);
        }
        match w {
            "year-end" | "year-ago" | "year-earlier" => {
                if w == "year-end" {
                    let mut h = self.hit(
                        i,
                        i + 1,
                        TimexType::Date,
                        Meaning::UnitOffset(Unit::Year, 0),
                        "year-end",
                        Class::Period,
                    );
                    h.r#mod = Some("END");
                    return Some(h);
                }
                // "the year-ago quarter", "the year-earlier third quarter", "year-ago period".
                if let Some((q, end)) = self.quarter_words(i + 1) {
                    return self.date(
                        i,
                        end,
                        Meaning::QuarterYearOffset(q, -1),
                        "quarter",
                        Class::Period,
                    );
                }
                if matches!(self.w(i + 1), "quarter" | "period") {
                    return self.date(
                        i,
                        i + 2,
                        Meaning::LatestQuarter(-4),
                        "quarter",
                        Class::Period,
                    );
                }
                // "nine months": the year-earlier nine months is a duration.
                if let Some(mut h) = self.quantity(i + 1) {
                    h.start = i;
                    return Some(h);
                }
                return self.date(
                    i,
                    i + 1,
                    Meaning::Anaphor(Unit::Year, -1),
                    "anaphor",
                    Class::Period,
                );
            }
            _ => {}
        }
        // "third-quarter"; a bare "first-half" is as often a match's as a year's.
        if let Some((q, end)) = self.quarter_words(i).filter(|(q, _)| *q <= 4) {
            return self.date(i, end, Meaning::Quarter(q, None), "quarter", Class::Period);
        }
        // "five-year", "two-week" (not "five-year-old": the tokenizer keeps that one word).
        if b.matches('-').count() == 0 {
            if let (Some(n), Some((u, false))) = (
                lexicon::number_word(a).or_else(|| (a == "several").then_some(0)),
                lexicon::unit(b),
            ) {
                if u == Unit::Weekend {
                    return None;
                }
                let n = (n > 0).then_some(n);
                return Some(self.hit(
                    i,
                    i + 1,
                    TimexType::Duration,
                    Meaning::Duration(u.duration(n)),
                    "duration",
                    Class::Amount,
                ));
            }
        }
        // "twenty-four hours"
        if lexicon::number_word(w).is_some() {
            return self.quantity(i);
        }
        // "21st-century"
        if let Some(n) = lexicon::ordinal(a) {
            if b == "century" && (1..=21).contains(&n) {
                return self.date(
                    i,
                    i + 1,
                    Meaning::Absolute(format!("{:02}", n - 1), "century"),
                    "century",
                    Class::Period,
                );
            }
        }
        None
    }

    /// Word-led rules: relative days, "last/next/this ...", references, sets, seasons,
    /// quarters, decades, holidays, anaphora (`rule`: what `OPENING` says word `i` opens).
    fn word(&self, i: usize, rule: Rule) -> Option<Hit> {
        let w = self.w(i);
        match rule {
            Rule::RelativeDay => {
                let off = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let base = Meaning::DayOffset(off);
                if w == "tonight" {
                    return Some(self.hit(
                        i,
                        i + 1,
                        TimexType::Time,
                        Meaning::Timed(Box::new(base), Clock::Part("NI")),
                        "relative-day",
                        Class::Calendar,
                    ));
                }
                if let Some(part) = lexicon::day_part(self.w(i + 1)) {
                    return Some(self.hit(
                        i,
                        i + 2,
                        TimexType::Time,
                        Meaning::Timed(Box::new(base), Clock::Part(part)),
                        "relative-day",
                        Class::Calendar,
                    ));
                }
                return self.date(i, i + 1, base, "relative-day", Class::Calendar);
            }
            Rule::Now => {
                // "now that" is a conjunction; "for now" and "by now" are still the present.
                let start = if i > 0 && self.w(i - 1) == "right" {
                    i - 1
                } else {
                    i
                };
                return self.date(
                    start,
                    i + 1,
                    Meaning::Reference("PRESENT_REF"),
                    "reference",
                    Class::Fixed,
                );
            }
            Rule::Currently => {
                return self.date(
                    i,
                    i + 1,
                    Meaning::Reference("PRESENT_REF"),
                    "reference",
                    Class::Fixed,
                )
            }
            Rule::Recently => {
                let start =
                    if i > 0 && self.w(i - 1) == "more" && self.cap(i - 1) == self.cap(i - 1) {
                        i - 1
                    } else {
                        i
                    };
                let start = if start < i && !matches!(self.w(i), "recently") {
                    i
                } else {
                    start
                };
                return self.date(
                    start,
                    i + 1,
                    Meaning::Reference("PAST_REF"),
                    "reference",
                    Class::Fixed,
                );
            }
            Rule::Soon => {
                if i > 0 && self.w(i - 1) == "as" && self.w(i + 1) == "as" {
                    if self.w(i + 2) == "possible" {
                        return self.date(
                            i - 1,
                            i + 3,
                            Meaning::Reference("FUTURE_REF"),
                            "reference",
                            Class::Fixed,
                        );
                    }
                    return None;
                }
                if self.w(i + 1) == "after" || self.w(i + 1) == "afterwards" {
                    return None;
                }
                return self.date(
                    i,
                    i + 1,
                    Meaning::Reference("FUTURE_REF"),
                    "reference",
                    Class::Fixed,
                );
            }
            Rule::These if self.w(i + 1) == "days" => {
                return self.date(
                    i,
                    i + 2,
                    Meaning::Reference("PRESENT_REF"),
                    "reference",
                    Class::Fixed,
                )
            }
            Rule::Future => {
                // "the (near|distant) future", "future demand"; not "futures".
                let mut start = i;
                if i > 0
                    && matches!(
                        self.w(i - 1),
                        "near" | "distant" | "foreseeable" | "immediate"
                    )
                {
                    start = i - 1;
                }
                if start > 0 && self.w(start - 1) == "the" {
                    start -= 1;
                } else if self.kind(i + 1) != Some(TokenKind::Word)
                    || self.cap(i) && !self.doc.starts_sentence(i)
                {
                    return None;
                }
                if let Some((_, true, end)) = self.unit_at(i + 1) {
                    return self.date(
                        start,
                        end,
                        Meaning::Reference("FUTURE_REF"),
                        "reference",
                        Class::Fixed,
                    );
                }
                return self.date(
                    start,
                    i + 1,
                    Meaning::Reference("FUTURE_REF"),
                    "reference",
                    Class::Fixed,
                );
            }
            Rule::Current => {
                if let Some((u, true, end)) = self.unit_at(i + 1) {
                    if w == "recent" {
                        return Some(self.hit(
                            i,
                            end,
                            TimexType::Duration,
                            Meaning::Duration(u.duration(None)),
                            "reference",
                            Class::Period,
                        ));
                    }
                    let _ = u;
                    return None;
                }
                if w == "current" {
                    if let Some(h) = self.relative(i) {
                        return Some(h);
                    }
                }
                let nx = self.w(i + 1);
                if self.kind(i + 1) != Some(TokenKind::Word)
                    || matches!(
                        nx,
                        "account"
                            | "accounts"
                            | "affairs"
                            | "events"
                            | "and"
                            | "or"
                            | "of"
                            | "flowing"
                            | "flows"
                            | "through"
                            | "is"
                            | "was"
                    )
                {
                    return None;
                }
                let r = if w == "current" {
                    "PRESENT_REF"
                } else {
                    "PAST_REF"
                };
                return self.date(i, i + 1, Meaning::Reference(r), "reference", Class::Fixed);
            }
            Rule::Frequency => {
                // "its quarterly dividend": a payment, not a recurrence the text dates.
                if w == "quarterly" && self.kind(i + 1) == Some(TokenKind::Word) {
                    return None;
                }
                let v = match w {
                    "daily" => "P1D",
                    "weekly" => "P1W",
                    "monthly" => "P1M",
                    "annually" | "yearly" => "P1Y",
                    "hourly" => "PT1H",
                    "quarterly" => "P3M",
                    "nightly" => "P1D",
                    "biweekly" => "P2W",
                    _ => "P6M",
                };
                return Some(self.hit(
                    i,
                    i + 1,
                    TimexType::Set,
                    Meaning::Set(v.to_string()),
                    "set",
                    Class::Fixed,
                ));
            }
            Rule::Every => return self.set(i),
            Rule::Noon => {
                let h = if w == "midnight" { 24 } else { 12 };
                let (day, end) = self
                    .day_after(i + 1)
                    .unwrap_or((Meaning::DayOffset(0), i + 1));
                return Some(self.hit(
                    i,
                    end,
                    TimexType::Time,
                    Meaning::Timed(Box::new(day), Clock::At(h, 0)),
                    "clock",
                    Class::Amount,
                ));
            }
            Rule::Holiday if self.cap(i) => {
                let (m, mut d) = lexicon::fixed_holiday(w)?;
                let mut end = i + 1;
                match self.w(i + 1) {
                    "day" if self.cap(i + 1) => end += 1,
                    "eve" if self.cap(i + 1) => {
                        d -= 1;
                        end += 1
                    }
                    _ => {}
                }
                return self.date(
                    i,
                    end,
                    Meaning::MonthDay(m, Some(d), Dir::Tense),
                    "holiday",
                    Class::Calendar,
                );
            }
            // "new" opens "New Year's Day" and "New Year's Eve", and nothing else.
            Rule::NewYear => {
                if !(self.cap(i)
                    && self.w(i + 1) == "year"
                    && matches!(self.w(i + 2), "'s" | "’s")
                    && matches!(self.w(i + 3), "day" | "eve"))
                {
                    return None;
                }
                let (m, d) = if self.w(i + 3) == "day" {
                    (1, 1)
                } else {
                    (12, 31)
                };
                return self.date(
                    i,
                    i + 4,
                    Meaning::MonthDay(m, Some(d), Dir::Tense),
                    "holiday",
                    Class::Calendar,
                );
            }
            Rule::Thanksgiving if self.cap(i) => {
                let end = if self.w(i + 1) == "day" { i + 2 } else { i + 1 };
                return self.date(
                    i,
                    end,
                    Meaning::NthWeekday {
                        month: 11,
                        weekday: 4,
                        n: 4,
                        dir: Dir::Tense,
                    },
                    "holiday",
                    Class::Calendar,
                );
            }
            Rule::Fiscal => {
                // "fiscal 1989", "fiscal year 1989", "fiscal 2024 third quarter": the year rule
                // takes the number and "fiscal" joins it leftwards; "the fiscal year" is here.
                if self.w(i + 1) == "year" {
                    if let Some(y) = self.year_at(i + 2) {
                        return self.date(
                            i,
                            i + 3,
                            Meaning::Absolute(value::year(i64::from(y)), "year"),
                            "fiscal",
                            Class::Period,
                        );
                    }
                    return self.year_word(i, i + 2);
                }
                if let Some((q, end)) = self.quarter_words(i) {
                    return self.date(i, end, Meaning::Quarter(q, None), "quarter", Class::Period);
                }
                return None;
            }
            Rule::Year => {
                if w == "full" {
                    if self.w(i + 1) == "year" && i > 0 && self.w(i - 1) == "the" {
                        return self.year_word(i, i + 2);
                    }
                    return None;
                }
                return self.year_word(i, i + 1);
            }
            Rule::Quarter => {
                // "the quarter", "the latest quarter" (handled in `relative`), "that quarter".
                if i > 0
                    && self.w(i - 1) == "the"
                    && !matches!(self.w(i + 1), "of" | "century" | "-")
                {
                    return self.date(
                        i,
                        i + 1,
                        Meaning::LatestQuarter(0),
                        "quarter",
                        Class::Period,
                    );
                }
                return None;
            }
            Rule::MonthOrWeek
                if i >= 3
                    && self.w(i - 1) == "the"
                    && self.w(i - 2) == "of"
                    && matches!(self.w(i - 3), "end" | "beginning" | "start" | "middle") =>
            {
                let u = if w == "month" {
                    Unit::Month
                } else {
                    Unit::Week
                };
                return self.date(
                    i - 1,
                    i + 1,
                    Meaning::UnitOffset(u, 0),
                    "unit-offset",
                    Class::Period,
                );
            }
            Rule::Weekend => {
                if i > 0 && self.w(i - 1) == "the" {
                    return self.date(
                        i,
                        i + 1,
                        Meaning::Weekend(Dir::Tense),
                        "weekend",
                        Class::Period,
                    );
                }
                return None;
            }
            Rule::Fy => {
                let y = self.year_at(i + 1)?;
                return self.date(
                    i,
                    i + 2,
                    Meaning::Absolute(value::year(i64::from(y)), "year"),
                    "fiscal",
                    Class::Period,
                );
            }
            Rule::QuarterName if self.cap(i) => {
                let n: u32 = w[1..].parse().ok()?;
                let q = if w.starts_with('h') { 4 + n } else { n };
                let (y, end) = match self.year_at(i + 1) {
                    Some(y) => (Some(y), i + 2),
                    None => (None, i + 1),
                };
                return self.date(i, end, Meaning::Quarter(q, y), "quarter", Class::Period);
            }
            Rule::Decade => {
                if i == 0
                    || self.w(i - 1) != "the" && !matches!(self.w(i - 1), "early" | "late" | "mid")
                {
                    return None;
                }
                let d = match w {
                    "nineties" => 9,
                    "eighties" => 8,
                    "seventies" => 7,
                    "sixties" => 6,
                    "fifties" => 5,
                    "forties" => 4,
                    "thirties" => 3,
                    _ => 2,
                };
                return self.date(
                    i,
                    i + 1,
                    Meaning::Absolute(format!("19{d}"), "decade"),
                    "decade",
                    Class::Period,
                );
            }
            Rule::Past if i > 0 && self.w(i - 1) == "the" && self.relative(i).is_none() => {
                // "in the past" (generic); "the past three months" is `relative`.
                if self.cap(i + 1) || lexicon::unit(self.w(i + 1)).is_some() {
                    return None;
                }
                return self.date(
                    i,
                    i + 1,
                    Meaning::Reference("PAST_REF"),
                    "reference",
                    Class::Period,
                );
            }
            Rule::Term
                if i > 0
                    && self.w(i - 1) == "the"
                    && self.w(i + 1) == "term"
                    && !self.glued(i + 1) =>
            {
                return self.date(
                    i,
                    i + 2,
                    Meaning::Reference("FUTURE_REF"),
                    "reference",
                    Class::Period,
                );
            }
            Rule::Season => return self.season(i, lexicon::season(w)?),
            // A word `relative` reads is no season nor "that" or "same".
            Rule::Relative => return self.relative(i).or_else(|| self.rest(i)),
            Rule::Rest => return self.rest(i),
            // A word whose rule's conditions do not hold.
            _ => {}
        }
        self.general(i)
    }

    /// The rules for any word, in turn: seasons, `relative`, `anaphor`, then `rest`.
    fn general(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if let Some(code) = lexicon::season(w) {
            return self.season(i, code);
        }
        if let Some(h) = self.relative(i) {
            return Some(h);
        }
        if let Some(h) = self.anaphor(i) {
            return Some(h);
        }
        self.rest(i)
    }

    /// The last of the word rules: quarters ("third quarter of 1990"), centuries ("second
    /// century"), "a while", bare plural units ("for years", "months ago").
    fn rest(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if let Some((q, end)) = self.quarter_words(i) {
            // "third quarter of 1990", "second half of 2024"
            if self.w(end) == "of" {
                if let Some(y) = self.year_at(end + 1) {
                    return self.date(
                        i,
                        end + 2,
                        Meaning::Quarter(q, Some(y)),
                        "quarter",
                        Class::Period,
                    );
                }
                if self.w(end + 1) == "the" || self.w(end + 1) == "this" {
                    // "the first half of the year" / "of this year"
                    if self.w(end + 2) == "year" {
                        return self.date(
                            i,
                            end + 3,
                            Meaning::Quarter(q, None),
                            "quarter",
                            Class::Period,
                        );
                    }
                }
                // "the second half of the '80s", "the first half of October": leave the rest.
                if self.w(end + 1) == "the" || self.month_at(end + 1).is_some() {
                    return None;
                }
            }
            if let Some(y) = self.year_at(end) {
                return self.date(
                    i,
                    end + 1,
                    Meaning::Quarter(q, Some(y)),
                    "quarter",
                    Class::Period,
                );
            }
            // "the second half" of a match is not a half-year: halves need their year.
            if q > 4 {
                return None;
            }
            return self.date(i, end, Meaning::Quarter(q, None), "quarter", Class::Period);
        }
        if let Some(n) = lexicon::ordinal(w) {
            if let Some(h) = self.century(i, n) {
                return Some(h);
            }
        }
        if w == "while"
            && i > 0
            && self.w(i - 1) == "a"
            && i > 1
            && matches!(
                self.w(i - 2),
                "for" | "in" | "after" | "take" | "takes" | "took"
            )
        {
            return Some(self.hit(
                i - 1,
                i + 1,
                TimexType::Duration,
                Meaning::Duration("PXX".to_string()),
                "duration",
                Class::Amount,
            ));
        }
        // The rest reads plural units.
        let Some((u, true)) = lexicon::unit(w) else {
            return None;
        };
        // "months ago", "years ago": some time back.
        if self.w(i + 1) == "ago" {
            return self.date(
                i,
                i + 2,
                Meaning::Reference("PAST_REF"),
                "ago",
                Class::Amount,
            );
        }
        // Bare plural units where a duration is expected: "for years", "within weeks".
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if !matches!(
            prev,
            "for" | "within" | "in" | "over" | "took" | "take" | "lasted" | "last"
        ) || u == Unit::Weekend
        {
            return None;
        }
        // "in years" only as "in years to come"/negated use is rare; keep "for/within/over".
        if prev == "in" && !matches!(self.w(i + 1), "." | ",") {
            return None;
        }
        let end = if self.w(i + 1) == "or" && lexicon::unit(self.w(i + 2)).is_some_and(|(_, p)| p) {
            i + 3
        } else {
            i + 1
        };
        Some(self.hit(
            i,
            end,
            TimexType::Duration,
            Meaning::Duration(u.duration(None)),
            "duration",
            Class::Fixed,
        ))
    }

    /// "the year", "the fiscal year", "the year 2000", "the year ended June 30".
    fn year_word(&self, start: usize, after: usize) -> Option<Hit> {
        // "the year 2000", "the year two thousand"
        if let Some(y) = self.year_at(after) {
            return self.date(
                start,
                after + 1,
                Meaning::Absolute(value::year(i64::from(y)), "year"),
                "year",
                Class::Period,
            );
        }
        if self.w(after) == "two" && self.w(after + 1) == "thousand" {
            return self.date(
                start,
                after + 2,
                Meaning::Absolute("2000".to_string(), "year"),
                "year",
                Class::Period,
            );
        }
        if start == 0 {
            return None;
        }
        let prev = self.w(start - 1);
        if matches!(self.w(after), "end" | "'s" | "’s") {
            // "year end", "year's end": where the expression stops, if it is one.
            let end = if self.w(after) == "end" && !self.glued(after) && prev != "the" {
                Some(after + 1)
            } else if self.w(after + 1) == "end" {
                Some(after + 2)
            } else {
                None
            };
            if let Some(end) = end {
                let year = Meaning::UnitOffset(Unit::Year, 0);
                let mut h = self.hit(start, end, TimexType::Date, year, "year-end", Class::Period);
                h.r#mod = Some("END");
                return Some(h);
            }
        }
        if prev != "the" && prev != "fiscal" {
            return None;
        }
        if matches!(self.w(after), "ended" | "ending" | "ends" | "end") {
            return Some(self.hit(
                start,
                after,
                TimexType::Duration,
                Meaning::Duration("P1Y".to_string()),
                "year",
                Class::Period,
            ));
        }
        if matches!(self.w(after), "before" | "after" | "earlier" | "later") {
            let off = if matches!(self.w(after), "before" | "earlier") {
                -1
            } else {
                1
            };
            return self.date(
                start,
                after + 1,
                Meaning::Anaphor(Unit::Year, off),
                "anaphor",
                Class::Period,
            );
        }
        if matches!(
            self.w(after),
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "you"
                | "when"
                | "that"
                | "in"
                | "of"
                | "ahead"
                | "before"
                | "after"
                | "which"
        ) {
            // "the year he left", "the year ahead", "the year of the dragon"
            return None;
        }
        self.date(
            start,
            after,
            Meaning::UnitOffset(Unit::Year, 0),
            "year",
            Class::Period,
        )
    }

    /// Seasons: need a cue ("this summer", "in the spring", "summer 2024", "the winter of 1994").
    fn season(&self, i: usize, code: &'static str) -> Option<Hit> {
        // "summer 2024", "the winter of 1994"
        let of = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((y, end)) = self.year_phrase(of) {
            return self.date(
                i,
                end,
                Meaning::Season(code, Some(y), Dir::Tense),
                "season",
                Class::Period,
            );
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let cue = matches!(
            prev,
            "the"
                | "in"
                | "during"
                | "until"
                | "by"
                | "since"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "next"
                | "last"
                | "past"
                | "coming"
                | "that"
        );
        if !cue
            || self.w(i) == "fall"
                && !matches!(
                    prev,
                    "the" | "this" | "next" | "last" | "past" | "coming" | "early" | "late"
                )
        {
            return None;
        }
        // "in spring training", "summer camp": a noun modifier is not a time. Keep it simple:
        // a following lower-case noun other than a preposition or verb ends it.
        self.date(
            i,
            i + 1,
            Meaning::Season(code, None, Dir::Tense),
            "season",
            Class::Period,
        )
    }

    /// "last week", "next year", "this month", "the past three months", "the next few days",
    /// "last Tuesday", "next May", "this summer", "last night", "this morning".
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (off, the_only) = relative_offset(w)?;
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let with_the = matches!(
            prev,
            "the" | "its" | "their" | "his" | "her" | "our" | "this"
        );
        // "the past three months", "the next few days", "the first nine months".
        if let Some((n, j)) = self.count_at(i + 1) {
            let mut j = j;
            while is_count_adjective(self.w(j)) {
                j += 1;
            }
            if let Some((u, plural, end)) = self.unit_at(j) {
                let article = matches!(self.w(i + 1), "a" | "an");
                if (plural || n == Some(1) && !article) && u != Unit::Weekend {
                    let mut end = end;
                    if self.w(end) == "or" && self.w(end + 1) == "so" {
                        end += 2;
                    }
                    return Some(self.hit(
                        i,
                        end,
                        TimexType::Duration,
                        Meaning::Duration(u.duration(n)),
                        "relative-duration",
                        Class::Period,
                    ));
                }
            }
        }
        if the_only && !with_the && w != "first" {
            return None;
        }
        if w == "first"
            || w == "final"
            || w == "remaining"
            || w == "initial"
            || w == "opening"
            || w == "closing"
        {
            // "the first week of March" etc. are left out; only counts above.
            return None;
        }
        let next = self.w(i + 1);
        // "this coming Sunday", "this past spring"
        let (k, off) = match (w, next) {
            ("this", "coming") => (i + 2, 1),
            ("this", "past") => (i + 2, -1),
            _ => (i + 1, off),
        };
        let dir = match off {
            -1 => Dir::Last,
            1 => Dir::Next,
            _ => Dir::This,
        };
        let nw = self.w(k);
        // A title ("ABC's This Week"), not a time.
        if self.cap(i) && self.cap(k) && !self.doc.starts_sentence(i) && !self.doc.in_caps_line(i) {
            return None;
        }
        if w == "latest" && nw == "period" {
            return self.date(
                i,
                k + 1,
                Meaning::LatestQuarter(0),
                "quarter",
                Class::Period,
            );
        }
        // "this year's third quarter", "last year's quarter", "next year's first quarter".
        if nw == "year"
            && matches!(self.w(k + 1), "'s" | "’s")
            && matches!(w, "this" | "last" | "next")
        {
            if let Some((q, end)) = self.quarter_words(k + 2) {
                return self.date(
                    i,
                    end,
                    Meaning::OffsetYearQuarter(Some(q), off),
                    "quarter",
                    Class::Period,
                );
            }
            if matches!(self.w(k + 2), "quarter" | "period") {
                return self.date(
                    i,
                    k + 3,
                    Meaning::OffsetYearQuarter(None, off),
                    "quarter",
                    Class::Period,
                );
            }
        }
        if let Some(d) = lexicon::weekday(nw).filter(|_| nw.len() >= 6 && self.cap(k)) {
            let dir = if w == "this" && off == 0 {
                Dir::Tense
            } else {
                dir
            };
            return Some(self.weekday(i, k + 1, d, dir, "relative-weekday"));
        }
        if let Some((m, end)) = self.month_at(k) {
            if self.int(end).is_none() {
                return self.date(
                    i,
                    end,
                    Meaning::MonthDay(m, None, dir),
                    "relative-month",
                    Class::Calendar,
                );
            }
        }
        if let Some(code) = lexicon::season(nw) {
            return self.date(
                i,
                k + 1,
                Meaning::Season(code, None, dir),
                "relative-season",
                Class::Period,
            );
        }
        if let Some(part) = lexicon::day_part(nw) {
            let day = match (w, part) {
                ("last", "NI") | ("last", "EV") => Meaning::DayOffset(-1),
                ("this", _) => Meaning::DayOffset(0),
                _ => return None,
            };
            return Some(self.hit(
                i,
                k + 1,
                TimexType::Time,
                Meaning::Timed(Box::new(day), Clock::Part(part)),
                "relative-day",
                Class::Calendar,
            ));
        }
        let (u, plural, end) = self.unit_at(k)?;
        if plural {
            // "past years", "coming months", "the last few years" (handled above with a count).
            let r = match w {
                "past" | "last" | "previous" => "PAST_REF",
                "coming" | "next" | "upcoming" | "following" => "FUTURE_REF",
                _ => return None,
            };
            if with_the && matches!(w, "next" | "coming" | "following") {
                return Some(self.hit(
                    i,
                    end,
                    TimexType::Duration,
                    Meaning::Duration(u.duration(None)),
                    "relative-duration",
                    Class::Period,
                ));
            }
            return self.date(i, end, Meaning::Reference(r), "reference", Class::Period);
        }
        if w == "latest" || w == "current" && u == Unit::Quarter && with_the {
            if u == Unit::Quarter {
                let m = if w == "latest" {
                    Meaning::LatestQuarter(0)
                } else {
                    Meaning::UnitOffset(Unit::Quarter, 0)
                };
                return self.date(i, end, m, "quarter", Class::Period);
            }
            return None;
        }
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        // "the next day", "the following week", "the previous year": relative to the story.
        if with_the && matches!(w, "next" | "following" | "previous" | "preceding" | "prior") {
            return self.date(i, end, Meaning::Anaphor(u, off), "anaphor", Class::Period);
        }
        if u == Unit::Weekend {
            return self.date(i, end, Meaning::Weekend(dir), "weekend", Class::Period);
        }
        if u == Unit::Day {
            return None;
        }
        // "the past year", "the last decade", "last year", "this month".
        self.date(
            i,
            end,
            Meaning::UnitOffset(u, off),
            "unit-offset",
            Class::Period,
        )
    }

    /// "that day", "the same week", "that year", "that morning".
    fn anaphor(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if !matches!(w, "that" | "same") {
            return None;
        }
        if w == "same" && (i == 0 || !matches!(self.w(i - 1), "the" | "that")) {
            return None;
        }
        let nw = self.w(i + 1);
        if let Some(part) = lexicon::day_part(nw) {
            return Some(self.hit(
                i,
                i + 2,
                TimexType::Time,
                Meaning::Timed(Box::new(Meaning::Anaphor(Unit::Day, 0)), Clock::Part(part)),
                "anaphor",
                Class::Calendar,
            ));
        }
        let (u, plural) = lexicon::unit(nw)?;
        if plural
            || matches!(
                u,
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Weekend | Unit::Century
            )
        {
            return None;
        }
        // "that day" as a relative clause head ("that year's budget" is fine).
        self.date(i, i + 2, Meaning::Anaphor(u, 0), "anaphor", Class::Calendar)
    }

    /// "every Thursday", "each July", "every two years", "each year", "per year".
    fn set(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let every_other = j > i + 1;
        let nw = self.w(j);
        if let Some(d) = lexicon::weekday(nw).filter(|_| self.cap(j) && nw.len() >= 6) {
            return Some(self.hit(
                i,
                j + 1,
                TimexType::Set,
                Meaning::Set(format!("XXXX-WXX-{d}")),
                "set",
                Class::Fixed,
            ));
        }
        if let Some((m, end)) = self.month_at(j) {
            return Some(self.hit(
                i,
                end,
                TimexType::Set,
                Meaning::Set(format!("XXXX-{m:02}")),
                "set",
                Class::Fixed,
            ));
        }
        if let Some(part) = lexicon::day_part(nw) {
            return Some(self.hit(
                i,
                j + 1,
                TimexType::Set,
                Meaning::Set(format!("XXXX-XX-XXT{part}")),
                "set",
                Class::Fixed,
            ));
        }
        let (n, k) = match self.count_at(j) {
            Some((Some(n), k)) if self.w(j) != "a" && self.w(j) != "an" => (n, k),
            _ => (1, j),
        };
        let (u, _, end) = self.unit_at(k)?;
        let n = if every_other { 2 } else { n };
        if u == Unit::Weekend {
            return Some(self.hit(
                i,
                end,
                TimexType::Set,
                Meaning::Set("XXXX-WXX-WE".to_string()),
                "set",
                Class::Fixed,
            ));
        }
        Some(self.hit(
            i,
            end,
            TimexType::Set,
            Meaning::Set(u.duration(Some(n))),
            "set",
            Class::Fixed,
        ))
    }

    /// "2010-2015": two years, two timexes.
    fn year_range(&self, i: usize) -> Option<Vec<Found>> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.w(i);
        if w.len() != 9 || w.as_bytes()[4] != b'-' {
            return None;
        }
        let (a, b) = (w[..4].parse::<i32>().ok()?, w[5..].parse::<i32>().ok()?);
        if !(1800..=2099).contains(&a) || !(1800..=2099).contains(&b) || b <= a {
            return None;
        }
        let s = self.doc.tokens[i].span.start;
        let mk = |start: usize, token: usize, y: i32| Found {
            span: Span::new(start, start + 4),
            token,
            kind: TimexType::Date,
            meaning: Meaning::Absolute(value::year(i64::from(y)), "year"),
            r#mod: None,
            rule: "year-range",
        };
        Some(vec![mk(s, i, a), mk(s + 5, i + 1, b)])
    }

    /// Grows `h` leftwards over the words TimeML includes: "the", "early", "the end of",
    /// "fiscal", "about", "more than", "earlier" ("earlier this year").
    fn extend_left(&self, h: &mut Hit, floor: usize) {
        loop {
            if h.start == 0 || h.start <= floor {
                return;
            }
            let j = h.start - 1;
            if !self.same_sentence(j, h.start) {
                return;
            }
            let w = self.w(j);
            let calendar = matches!(h.class, Class::Calendar | Class::Period);
            let relative = matches!(
                h.rule,
                "unit-offset"
                    | "relative-day"
                    | "anaphor"
                    | "relative-weekday"
                    | "relative-month"
                    | "relative-season"
                    | "year-end"
                    | "weekend"
            );
            match w {
                "the" | "its" | "their" if matches!(h.class, Class::Period) => {
                    if w != "the"
                        && !matches!(h.meaning, Meaning::Quarter(..) | Meaning::LatestQuarter(_))
                    {
                        return;
                    }
                    h.start = j;
                }
                // "the six months ended June 30", "in the four days": a counted duration takes
                // its determiner; "two of the three years" does not.
                "the"
                    if h.kind == TimexType::Duration
                        && matches!(&h.meaning, Meaning::Duration(v) if !v.contains('X'))
                        && (j == 0 || self.w(j - 1) != "of") =>
                {
                    h.start = j;
                }
                "early" | "late" | "mid" if calendar || relative => {
                    h.r#mod = Some(match w {
                        "early" => "START",
                        "late" => "END",
                        _ => "MID",
                    });
                    h.start = j;
                }
                "earlier" | "later" if relative => h.start = j,
                "fiscal"
                    if matches!(
                        h.meaning,
                        Meaning::Absolute(_, "year") | Meaning::Quarter(..)
                    ) || h.rule == "unit-offset" =>
                {
                    h.start = j
                }
                "comparable" | "corresponding" | "same"
                    if matches!(
                        h.meaning,
                        Meaning::LatestQuarter(_) | Meaning::QuarterYearOffset(..)
                    ) =>
                {
                    h.start = j
                }
                "of" if calendar
                    && j >= 2
                    && matches!(
                        self.w(j - 1),
                        "end"
                            | "beginning"
                            | "start"
                            | "middle"
                            | "turn"
                            | "close"
                            | "half"
                            | "rest"
                            | "part"
                    ) =>
                {
                    let pos = match self.w(j - 1) {
                        "end" | "close" => Some("END"),
                        "beginning" | "start" => Some("START"),
                        "middle" => Some("MID"),
                        "half" => None,
                        _ => None,
                    };
                    if self.w(j - 1) == "half" || self.w(j - 1) == "rest" || self.w(j - 1) == "part"
                    {
                        return;
                    }
                    // "the end of" / "end of"
                    let s = if j >= 2 && self.w(j - 2) == "the" && j - 2 >= floor {
                        j - 2
                    } else {
                        j - 1
                    };
                    if s < floor || !self.same_sentence(s, h.start) {
                        return;
                    }
                    h.r#mod = pos;
                    h.start = s;
                }
                _ if h.class == Class::Amount => {
                    // Approximators: "about", "nearly", "more than", "at least", "no more than".
                    if let Some(m) = approximator(w) {
                        h.r#mod = Some(m);
                        h.start = j;
                        // "just over", "well over", "some"
                        continue;
                    }
                    if w == "than" && j >= 1 {
                        let k = j - 1;
                        let m = match self.w(k) {
                            "more" | "longer" => "MORE_THAN",
                            "less" | "fewer" | "shorter" => "LESS_THAN",
                            _ => return,
                        };
                        let s = if k >= 1 && self.w(k - 1) == "no" {
                            k - 1
                        } else {
                            k
                        };
                        if s < floor {
                            return;
                        }
                        h.r#mod = Some(if s < k {
                            if m == "MORE_THAN" {
                                "EQUAL_OR_LESS"
                            } else {
                                "EQUAL_OR_MORE"
                            }
                        } else {
                            m
                        });
                        h.start = s;
                        continue;
                    }
                    if matches!(w, "least" | "most") && j >= 1 && self.w(j - 1) == "at" && j > floor
                    {
                        h.r#mod = Some(if w == "least" {
                            "EQUAL_OR_MORE"
                        } else {
                            "EQUAL_OR_LESS"
                        });
                        h.start = j - 1;
                        continue;
                    }
                    if w == "to" && j >= 1 && self.w(j - 1) == "up" && j > floor {
                        h.r#mod = Some("EQUAL_OR_LESS");
                        h.start = j - 1;
                        continue;
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    /// Grows `h` rightwards where TimeML does: "1994 or later", "1990 and beyond" are left
    /// out (rare); nothing for now beyond the core rules.
    fn extend_right(&self, _h: &mut Hit) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True when `w`, the word after a count, may continue a quantity or a spoken year
    /// (`Follow::Count`), said in full from the lexicon.
    fn may_follow_count(w: &str) -> bool {
        lexicon::unit(w).is_some()
            || is_count_adjective(w)
            || lexicon::number_word(w).is_some()
            || matches!(
                w,
                "couple" | "few" | "of" | "1/2" | "½" | "and" | "-" | "to" | "or"
            )
    }

    /// True when `w`, the word after a plain number, may make it a date or time (`follows`
    /// says anything), said in full from the lexicon.
    fn may_follow_number(w: &str) -> bool {
        may_follow_count(w)
            || lexicon::month(w).is_some()
            || lexicon::is_zone(w)
            || matches!(
                w,
                "am" | "a.m." | "a.m" | "pm" | "p.m." | "p.m" | "o'clock" | "o’clock" | "in"
            )
    }

    #[test]
    fn signatures_name_the_opening_words_the_map_holds() {
        // Every common and opening word, in lower case and capitalised: the gate's reading by
        // signature agrees with a lookup in `OPENING_WORDS`.
        let mut text = String::new();
        for w in crate::gazetteer::COMMON_WORDS
            .iter()
            .chain(OPENING.iter().map(|&(w, _)| w))
        {
            let mut cap = w.to_string();
            if let Some(f) = cap.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            text.push_str(&format!("{w} {cap} "));
        }
        let doc = Doc::new(&text);
        let scan = Scan::new(&doc);
        let mut opening = 0;
        for i in 0..scan.n {
            let t = doc.tokens[i];
            if t.kind == TokenKind::Word && !t.hyphenated {
                let expected = scan.opening.get(&doc, i).copied();
                assert_eq!(may_open(&scan, i), expected, "{}", scan.raw(i));
                opening += usize::from(expected.is_some());
            }
        }
        assert!(opening >= 2 * OPENING.len(), "{opening} opening words read");
    }

    #[test]
    fn followers_say_what_the_lexicon_says() {
        // Every common and opening word, the compound numbers and the followers themselves,
        // in lower case and capitalised: the lookup agrees with the lexicon at every token.
        let mut words: Vec<String> = crate::gazetteer::COMMON_WORDS
            .iter()
            .chain(OPENING.iter().map(|&(w, _)| w))
            .chain(FOLLOWING.iter().map(|&(w, _)| w))
            .map(str::to_string)
            .collect();
        words.extend(
            [
                "twenty-four",
                "ninety-nine",
                "thirty-one",
                "year-end",
                "twenty-first",
            ]
            .map(String::from),
        );
        let mut text = String::new();
        for w in &words {
            let mut cap = w.clone();
            if let Some(f) = cap.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            text.push_str(&format!("{w} {cap} "));
        }
        let doc = Doc::new(&text);
        let scan = Scan::new(&doc);
        let mut counts = 0;
        for i in 0..=scan.n {
            let w = scan.w(i);
            let count = may_follow_count(w);
            assert_eq!(scan.follows(i) == Some(Follow::Count), count, "{w}");
            assert_eq!(scan.follows(i).is_some(), may_follow_number(w), "{w}");
            counts += usize::from(count);
        }
        assert!(counts > 150, "{counts} count followers");
    }

    fn found(text: &str) -> Vec<(String, Meaning)> {
        let doc = Doc::new(text);
        find(&doc)
            .into_iter()
            .map(|f| (f.span.of(text).to_string(), f.meaning))
            .collect()
    }

    #[test]
    fn opening_words_hold_the_lexicon() {
        for w in crate::gazetteer::COMMON_WORDS.iter() {
            let lexical = lexicon::month(w).is_some()
                || lexicon::weekday(w).is_some()
                || lexicon::season(w).is_some()
                || lexicon::unit(w).is_some()
                || lexicon::number_word(w).is_some()
                || lexicon::ordinal(w).is_some()
                || lexicon::day_part(w).is_some()
                || lexicon::fixed_holiday(w).is_some();
            assert!(
                !lexical || w.contains('-') || OPENING.iter().any(|&(o, _)| o == w),
                "{w} is missing from OPENING_WORDS"
            );
        }
    }

    #[test]
    fn opening_words_say_what_they_are() {
        for &(w, opening) in OPENING {
            let expected = if matches!(w, "that" | "same") {
                Opening::Anaphor
            } else if is_count(w) {
                Opening::Count
            } else if lexicon::month(w).is_some() {
                Opening::Month
            } else if lexicon::weekday(w).is_some() {
                Opening::Weekday
            } else if lexicon::season(w).is_some() {
                Opening::Word(Rule::Season)
            } else {
                match opening {
                    Opening::Word(_) => opening,
                    _ => Opening::Word(Rule::Rest),
                }
            };
            assert_eq!(opening, expected, "{w}");
            // `relative` reads its words, and only those, and "past" and "current" in their
            // rules of their own.
            let reads = relative_offset(w).is_some();
            let of_own = matches!(w, "past" | "current");
            assert_eq!(
                opening == Opening::Word(Rule::Relative),
                reads && !of_own,
                "{w}"
            );
            // A word read by `rest` alone is one of its units, ordinals, parts of the day.
            if opening == Opening::Word(Rule::Rest) {
                assert!(
                    lexicon::unit(w).is_some()
                        || lexicon::ordinal(w).is_some()
                        || lexicon::day_part(w).is_some()
                        || matches!(w, "while" | "right" | "valentine"),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn words_outside_the_opening_words_open_nothing() {
        // Every common English word, in lower case and capitalised, in contexts the rules read
        // around a first word: where the gate turns a token away, the rules find nothing.
        let words: Vec<&str> = crate::gazetteer::COMMON_WORDS.iter().collect();
        for chunk in words.chunks(2000) {
            let mut text = String::new();
            for w in chunk {
                let mut cap = w.to_string();
                if let Some(f) = cap.get_mut(..1) {
                    f.make_ascii_uppercase();
                }
                for v in [*w, cap.as_str()] {
                    text.push_str(&format!(
                        "the {v} of the year. in the {v} 15, 2020. the {v} three years ago. \
                         {v} day 's eve term. "
                    ));
                }
            }
            let doc = Doc::new(&text);
            let scan = Scan::new(&doc);
            for i in 0..scan.n {
                if may_open(&scan, i).is_none() {
                    // Outside the opening words, a word is no count, month or weekday (the
                    // test above) and has no rule of its own in `word`.
                    assert!(scan.general(i).is_none(), "{:?} opens a date", scan.raw(i));
                }
            }
        }
    }

    #[test]
    fn counts_months_and_weekdays_open_no_word_rule() {
        // Every opening word and the compound numbers, in lower case and capitalised, in the
        // contexts the word rules read: a count opens no month, weekday or word rule, a month
        // or weekday no word rule.
        let mut words: Vec<String> = OPENING.iter().map(|(w, _)| w.to_string()).collect();
        words.extend(["twenty-four", "ninety-nine", "thirty-one"].map(String::from));
        let mut text = String::new();
        let reads =
            |w: &str| is_count(w) || lexicon::month(w).is_some() || lexicon::weekday(w).is_some();
        for w in words.iter().filter(|w| reads(w)) {
            let cap = format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
            for v in [w.as_str(), cap.as_str()] {
                text.push_str(&format!(
                    "the {v} of the year. in the {v} 15, 2020. the {v} three years ago. \
                     {v} day 's eve term. for the {v} quarter of 1990. {v} ago. for {v} years. "
                ));
            }
        }
        let doc = Doc::new(&text);
        let scan = Scan::new(&doc);
        let (mut counts, mut months) = (0, 0);
        for i in 0..scan.n {
            let w = scan.w(i);
            if scan.kind(i) == Some(TokenKind::Word) && reads(w) {
                if is_count(w) {
                    assert!(
                        lexicon::month(w).is_none() && lexicon::weekday(w).is_none(),
                        "{w}"
                    );
                    counts += 1;
                } else {
                    months += 1;
                }
                assert!(scan.general(i).is_none(), "{w} opens a word rule");
            }
        }
        assert!(counts > 500, "{counts} counts read");
        assert!(months > 500, "{months} months and weekdays read");
    }

    #[test]
    fn counts_and_numbers_need_their_next_words() {
        // Every common and opening word after a count and after plain numbers, followed by
        // what the rules read further on: where the word is none `may_follow_count` or
        // `may_follow_number` lets through, the rules behind those gates find nothing.
        let mut words: Vec<String> = crate::gazetteer::COMMON_WORDS
            .iter()
            .chain(OPENING.iter().map(|&(w, _)| w))
            .map(str::to_string)
            .collect();
        words.extend(["a.m.", "p.m.", "o'clock", "GMT", "1/2", "½", "-"].map(String::from));
        let mut text = String::new();
        for w in &words {
            for count in [
                "a", "an", "two", "nineteen", "twenty", "few", "couple", "7", "15", "250",
            ] {
                text.push_str(&format!(
                    "for {count} {w} years ago. in {count} {w} of the year. "
                ));
            }
        }
        let doc = Doc::new(&text);
        let scan = Scan::new(&doc);
        let mut read = 0;
        for i in 0..scan.n {
            let (w, next) = (scan.w(i), scan.w(i + 1));
            if scan.kind(i) == Some(TokenKind::Word) && is_count(w) && !may_follow_count(next) {
                assert!(scan.year_words(i).is_none(), "{w} {next}");
                assert!(scan.quantity(i).is_none(), "{w} {next}");
                read += 1;
            }
            if scan.kind(i) == Some(TokenKind::Number) && !may_follow_number(next) {
                let h = scan.int(i).unwrap();
                assert!(scan.month_at(i + 1).is_none(), "{w} {next}");
                assert!(scan.clock(i, h, 0, false).is_none(), "{w} {next}");
                assert!(scan.quantity(i).is_none(), "{w} {next}");
                read += 1;
            }
        }
        assert!(read > 10_000, "{read} read");
    }

    #[test]
    fn found_expressions_name_their_first_token() {
        let text = "On Tuesday, Oct. 15, 2024, the 2010-2015 plan was dropped; last week \
                    it said two years ago that the third quarter of 1990 began in May.";
        let doc = Doc::new(text);
        let found = find(&doc);
        assert!(found.len() >= 7, "{found:?}");
        for f in found {
            assert_eq!(f.token, doc.token_at(f.span.start), "{}", f.span.of(text));
        }
    }

    #[test]
    fn days_of_the_month() {
        let doc = Doc::new("on 15 and 7 , the 15th , fifteenth , 32 , 150 , 0 , 3.5 or 1,500");
        let scan = Scan::new(&doc);
        let days: Vec<(String, Option<u32>)> = (0..scan.n)
            .map(|i| (scan.w(i).to_string(), scan.day_at(i).map(|(d, _)| d)))
            .filter(|(_, d)| d.is_some())
            .collect();
        let expected = [("15", 15), ("7", 7), ("15th", 15), ("fifteenth", 15)];
        assert_eq!(days, expected.map(|(w, d)| (w.to_string(), Some(d))));
    }

    fn texts(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn year_followed_by_comma() {
        assert_eq!(
            texts("It will be finished by 2017, officials said."),
            vec!["2017"]
        );
    }

    #[test]
    fn not_years() {
        assert!(texts("Some 2,025 troops and 12017 people and 2000 soldiers.").is_empty());
        assert!(texts("He wore No. 1999 and paid $2000.").is_empty());
        assert!(texts("the 1996-97 season").is_empty());
    }

    #[test]
    fn extents() {
        assert_eq!(
            texts("in the last twenty four hours"),
            vec!["the last twenty four hours"]
        );
        assert_eq!(texts("for nearly forty years"), vec!["nearly forty years"]);
        assert_eq!(
            texts("at least 20 more years"),
            vec!["at least 20 more years"]
        );
        assert_eq!(
            texts("no more than sixty days"),
            vec!["no more than sixty days"]
        );
        assert_eq!(
            texts("at the end of the third quarter"),
            vec!["the end of the third quarter"]
        );
        assert_eq!(
            texts("profit in the third quarter of 1989"),
            vec!["the third quarter of 1989"]
        );
        assert_eq!(texts("in mid-October"), vec!["mid-October"]);
        assert_eq!(texts("in late 2023"), vec!["late 2023"]);
        assert_eq!(texts("earlier this month"), vec!["earlier this month"]);
    }

    #[test]
    fn months_need_cues() {
        assert!(texts("He may go. March on!").is_empty());
        assert_eq!(texts("They met in May."), vec!["May"]);
        assert!(texts("August Wilson wrote plays.").is_empty());
    }

    #[test]
    fn ranges_split() {
        assert_eq!(
            texts("from 2010 to 2015 and 2010-2015"),
            vec!["2010", "2015", "2010", "2015"]
        );
    }

    #[test]
    fn times() {
        assert_eq!(
            texts("at 6am and 11.30am and 18:45 GMT"),
            vec!["6am", "11.30am", "18:45 GMT"]
        );
        assert_eq!(
            texts("around 7:15 p.m. yesterday"),
            vec!["around 7:15 p.m. yesterday"]
        );
    }
}
