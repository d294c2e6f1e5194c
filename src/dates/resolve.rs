//! Anchors relative expressions the way news is written: weekdays and bare months by the tense
//! of their clause, "yesterday", "last week", "two years ago" against the reference date,
//! "that year", "the following day", "a year earlier" against the last date mentioned.
//!
//! Input: `Found` expressions in text order, the `Doc` (for tense), the reference date.
//! Output: `Timex`es with values, grains and the reasons behind them. Without a reference date,
//! relative values keep TIMEX3 `X` placeholders: never the machine's clock. Pure: the output
//! depends only on the text and the reference date. Does not find expressions.

use super::lexicon::Unit;
use super::parse::{Clock, Dir, Found, Meaning};
use super::{value, ymd, How, Timex};
use crate::text::words::{ReadyMap, WordMap};
use crate::text::{Doc, TokenKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The tense of the clause around a byte offset, read from its auxiliaries and verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported as done.
    Past,
    /// Announced as to come.
    Future,
    /// Said in the present ("the deadline is Friday"): schedules, so forward for weekdays.
    Present,
    /// Nothing says.
    Unknown,
}

/// What a word says about tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// It announces what is to come.
    Future,
    /// It announces what is to come before "to" ("set to", "plans to").
    FutureBeforeTo,
    /// A present-tense auxiliary: it ends the search without choosing a direction.
    Present,
    /// An irregular past form or past auxiliary news uses most.
    Past,
}

/// The words `cue` reads besides verbs in "-ed".
#[rustfmt::skip]
static CUES: WordMap<Cue> = WordMap::new(&[
    ("will", Cue::Future), ("'ll", Cue::Future), ("’ll", Cue::Future), ("shall", Cue::Future),
    ("won't", Cue::Future), ("wo", Cue::Future), ("would", Cue::Future), ("tomorrow", Cue::Future),
    ("upcoming", Cue::Future), ("scheduled", Cue::Future), ("expected", Cue::Future),
    ("planned", Cue::Future), ("slated", Cue::Future), ("due", Cue::Future),
    ("set", Cue::FutureBeforeTo), ("going", Cue::FutureBeforeTo), ("plans", Cue::FutureBeforeTo),
    ("plan", Cue::FutureBeforeTo), ("planning", Cue::FutureBeforeTo),
    ("expects", Cue::FutureBeforeTo), ("intends", Cue::FutureBeforeTo),
    ("hopes", Cue::FutureBeforeTo), ("aims", Cue::FutureBeforeTo),
    ("supposed", Cue::FutureBeforeTo),
    ("is", Cue::Present), ("are", Cue::Present), ("am", Cue::Present), ("isn't", Cue::Present),
    ("aren't", Cue::Present), ("does", Cue::Present), ("do", Cue::Present),
    ("was", Cue::Past), ("were", Cue::Past), ("had", Cue::Past), ("did", Cue::Past),
    ("said", Cue::Past), ("told", Cue::Past), ("went", Cue::Past), ("came", Cue::Past),
    ("took", Cue::Past), ("made", Cue::Past), ("began", Cue::Past), ("left", Cue::Past),
    ("met", Cue::Past), ("won", Cue::Past), ("lost", Cue::Past), ("fell", Cue::Past),
    ("rose", Cue::Past), ("held", Cue::Past), ("saw", Cue::Past), ("got", Cue::Past),
    ("gave", Cue::Past), ("hit", Cue::Past), ("sent", Cue::Past), ("spent", Cue::Past),
    ("struck", Cue::Past), ("brought", Cue::Past), ("bought", Cue::Past), ("caught", Cue::Past),
    ("fought", Cue::Past), ("sold", Cue::Past), ("thought", Cue::Past), ("found", Cue::Past),
    ("kept", Cue::Past), ("led", Cue::Past), ("ran", Cue::Past), ("shot", Cue::Past),
    ("stood", Cue::Past), ("spoke", Cue::Past), ("wrote", Cue::Past), ("broke", Cue::Past),
    ("chose", Cue::Past), ("drove", Cue::Past), ("flew", Cue::Past), ("grew", Cue::Past),
    ("knew", Cue::Past), ("threw", Cue::Past), ("swore", Cue::Past), ("heard", Cue::Past),
    ("paid", Cue::Past), ("became", Cue::Past), ("beat", Cue::Past), ("quit", Cue::Past),
    ("slid", Cue::Past), ("sank", Cue::Past), ("sought", Cue::Past), ("taught", Cue::Past),
    ("understood", Cue::Past), ("withdrew", Cue::Past), ("been", Cue::Past), ("wasn't", Cue::Past),
    ("weren't", Cue::Past), ("didn't", Cue::Past), ("hadn't", Cue::Past), ("has", Cue::Past),
    ("have", Cue::Past), ("hasn't", Cue::Past), ("haven't", Cue::Past), ("ago", Cue::Past),
    ("yesterday", Cue::Past),
]);

/// What one token says about tense, if anything. Inlined into the scans of `tense_at`, which
/// read a dozen tokens per expression and turn most of them away at the first tests.
#[inline(always)]
fn cue(doc: &Doc, cues: &ReadyMap<Cue>, i: usize) -> Option<Tense> {
    let token = doc.tokens[i];
    if token.kind != TokenKind::Word || token.span.end - token.span.start > 14 {
        return None;
    }
    let next = || {
        if i + 1 < doc.tokens.len() {
            doc.tok(i + 1)
        } else {
            ""
        }
    };
    match cues.get(doc, i) {
        Some(Cue::Future) => return Some(Tense::Future),
        Some(Cue::FutureBeforeTo) if next() == "to" => return Some(Tense::Future),
        // "is to resume trading Tuesday"
        Some(Cue::Present) if next() == "to" => return Some(Tense::Future),
        Some(Cue::Present) => return Some(Tense::Present),
        Some(Cue::Past) => {}
        _ => {
            // Lower case from the document's lower-cased text (same offsets): no copy.
            let lw = doc.lower_bytes(i);
            if !(lw.len() > 4 && lw.ends_with(b"ed") && !doc.tok(i).starts_with(char::is_uppercase))
            {
                return None;
            }
        }
    }
    // "will be held", "is heard in May": a participle after "be" takes its tense from further
    // left; "the reduced dividend", "an unspecified date": an adjective says nothing.
    if i > 0 {
        let after_be_or_determiner = {
            let p = doc.lower_bytes(i - 1);
            matches!(
                p,
                b"be"
                    | b"is"
                    | b"are"
                    | b"am"
                    | b"being"
                    | b"a"
                    | b"an"
                    | b"the"
                    | b"its"
                    | b"their"
                    | b"his"
                    | b"her"
                    | b"still"
                    | b"newly"
                    | b"previously"
            )
        };
        if after_be_or_determiner || doc.tokens[i - 1].kind == TokenKind::Number {
            return None;
        }
    }
    Some(Tense::Past)
}

/// Reads the tense that governs token `ti` (past the end: the last token): the nearest tense
/// cue before it in its sentence (English puts the verb before "on Tuesday": "said on
/// Tuesday", "will meet on Thursday"), else the nearest after it ("On Tuesday, the ministers
/// met"). A present-tense auxiliary says "unknown" ("the dividend is payable Jan. 2"), and the
/// caller falls back to the nearest date.
pub fn tense_at(doc: &Doc, ti: usize) -> Tense {
    if doc.tokens.is_empty() {
        return Tense::Unknown;
    }
    let ti = ti.min(doc.tokens.len() - 1);
    let s = &doc.sentences[doc.sentence_of[ti] as usize];
    let cues = CUES.ready();
    for i in (s.tokens.start..ti).rev() {
        if let Some(t) = cue(doc, &cues, i) {
            return t;
        }
    }
    for i in ti + 1..s.tokens.end {
        if let Some(t) = cue(doc, &cues, i) {
            return t;
        }
    }
    Tense::Unknown
}

/// A calendar point a later anaphor can refer to ("that year" after "in 1988").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    quarter: Option<u32>,
}

impl Point {
    /// Reads a resolved value: "1988", "1988-03", "1988-03-26", "1988-Q3", "1988-03-26T10:00"
    /// (the digits read as bytes, without `str::parse`, as every Date and Time value is read).
    fn parse(v: &str) -> Option<Point> {
        let b = v.as_bytes();
        if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut p = Point {
            year: b[..4].iter().fold(0, |n, &c| n * 10 + i32::from(c - b'0')),
            month: None,
            day: None,
            quarter: None,
        };
        match b.get(4) {
            None => return Some(p),
            Some(b'-') => {}
            Some(_) => return None,
        }
        if b.get(5) == Some(&b'Q') {
            p.quarter = v[6..].parse().ok().filter(|q| (1..=4).contains(q));
            return p.quarter.map(|_| p);
        }
        let (Some(&m1), Some(&m2)) = (b.get(5), b.get(6)) else {
            return None;
        };
        if !(m1.is_ascii_digit() && m2.is_ascii_digit()) {
            return None;
        }
        p.month = Some(two_digits(m1, m2));
        if b.get(7) == Some(&b'-') && b.len() >= 10 {
            p.day = match (b[8], b[9]) {
                (d1, d2) if d1.is_ascii_digit() && d2.is_ascii_digit() => Some(two_digits(d1, d2)),
                _ => v[8..10].parse().ok(),
            };
        }
        Some(p)
    }

    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
}

/// The number two ASCII digits write.
fn two_digits(a: u8, b: u8) -> u32 {
    u32::from(a - b'0') * 10 + u32::from(b - b'0')
}

fn week(d: NaiveDate) -> String {
    let iw = d.iso_week();
    format!("{}-W{:02}", iw.year(), iw.week())
}

fn quarter_of(d: NaiveDate) -> u32 {
    d.month0() / 3 + 1
}

/// Shifts (year, quarter) by `n` quarters.
fn shift_quarter(y: i32, q: u32, n: i64) -> (i32, u32) {
    let total = y as i64 * 4 + (q as i64 - 1) + n;
    (total.div_euclid(4) as i32, total.rem_euclid(4) as u32 + 1)
}

fn month_add(d: NaiveDate, n: i64) -> (i32, u32) {
    let total = d.year() as i64 * 12 + d.month0() as i64 + n;
    (total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1)
}

/// Resolves every found expression, in text order.
pub fn resolve(doc: &Doc, found: Vec<Found>, reference: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::with_capacity(found.len());
    // One resolver for the whole text: what it knows of each expression is reset in turn.
    let mut r = Resolver {
        doc,
        token: 0,
        reference,
        last: None,
        current_quarter: None,
        rule: "",
        tense: None,
    };
    for f in found {
        (r.token, r.rule, r.tense) = (f.token, f.rule, None);
        // A value the text gives whole is moved out rather than copied.
        let (value, grain, how) = match f.meaning {
            Meaning::Absolute(v, grain) => (v, Some(grain), How::ABSOLUTE),
            Meaning::Duration(v) | Meaning::Set(v) => (v, None, How::ABSOLUTE),
            ref m => r.value(m),
        };
        if f.kind == super::TimexType::Date || f.kind == super::TimexType::Time {
            if let Some(p) = Point::parse(&value) {
                r.last = Some(p);
                // The quarter a report is about: the last one named in the reference year.
                if let Some(q) = p.quarter {
                    if reference.is_none_or(|r| r.year() == p.year) {
                        r.current_quarter = Some((p.year, q));
                    }
                }
            }
        }
        out.push(Timex {
            span: f.span,
            kind: f.kind,
            value,
            grain,
            r#mod: f.r#mod,
            how,
            rule: f.rule,
        });
    }
    out
}

const UNRESOLVED: How = How {
    method: "unresolved",
    direction: None,
    reason: None,
    anchor: None,
};

fn relative(anchor: NaiveDate, direction: &'static str, reason: &'static str) -> How {
    How {
        method: "reference-date",
        direction: Some(direction),
        reason: Some(reason),
        anchor: Some(anchor),
    }
}

fn direction_of(n: i64) -> &'static str {
    match n.signum() {
        -1 => "past",
        1 => "future",
        _ => "same",
    }
}

type Value = (String, Option<&'static str>, How);

struct Resolver<'d, 'a> {
    doc: &'d Doc<'a>,
    /// The token the expression starts at (`Found::token`).
    token: usize,
    reference: Option<NaiveDate>,
    last: Option<Point>,
    /// The last quarter named in the reference year ("the third quarter"): what "the quarter"
    /// and "a year ago" compare with in an earnings report.
    current_quarter: Option<(i32, u32)>,
    rule: &'static str,
    tense: Option<Tense>,
}

impl Resolver<'_, '_> {
    fn tense(&mut self) -> Tense {
        *self
            .tense
            .get_or_insert_with(|| tense_at(self.doc, self.token))
    }

    /// Direction and reason for a tense-placed expression.
    fn by_tense(&mut self) -> (Tense, &'static str) {
        match self.tense() {
            Tense::Past => (Tense::Past, "past tense"),
            Tense::Future => (Tense::Future, "future tense"),
            Tense::Present => (Tense::Present, "present tense"),
            Tense::Unknown => (Tense::Unknown, "default"),
        }
    }

    /// Picks the year of a (month, day) relative to the reference date `r`.
    fn year_for(
        &mut self,
        r: NaiveDate,
        m: u32,
        d: Option<u32>,
        dir: Dir,
    ) -> (i32, &'static str, &'static str) {
        let y = r.year();
        // Compare as (month, day): a month alone counts as its whole span.
        let key = |m: u32, d: u32| m * 32 + d;
        let today = key(r.month(), r.day());
        let (lo, hi) = match d {
            Some(d) => (key(m, d), key(m, d)),
            None => (key(m, 1), key(m, 31)),
        };
        match dir {
            Dir::Year(k) => (y + k as i32, direction_of(k), "explicit"),
            Dir::This => (y, "same", "explicit"),
            Dir::Last => {
                // "last May" in March is a year ago: news says "last month" for the one just gone.
                if hi < today && d.is_some() || d.is_none() && m + 1 < r.month() {
                    (y, "past", "explicit")
                } else {
                    (y - 1, "past", "explicit")
                }
            }
            Dir::Next => {
                if lo > today && d.is_some() || d.is_none() && m > r.month() {
                    (y, "future", "explicit")
                } else {
                    (y + 1, "future", "explicit")
                }
            }
            Dir::Tense => {
                let (t, why) = self.by_tense();
                // A month alone goes by the tense; a day up to two months ahead of a past verb
                // is still this year's (a schedule reported in the past tense); likewise for
                // the future.
                let past = if d.is_none() {
                    m > r.month()
                } else {
                    lo > today + 64
                };
                let future = if d.is_none() {
                    m < r.month()
                } else {
                    hi + 64 < today
                };
                match t {
                    Tense::Past if past => (y - 1, "past", why),
                    Tense::Future if future => (y + 1, "future", why),
                    Tense::Past | Tense::Future => (y, "same", why),
                    Tense::Unknown | Tense::Present => {
                        // The nearest such day: within six months either side.
                        let diff = lo as i64 - today as i64;
                        if diff > 6 * 32 {
                            (y - 1, "past", "nearest")
                        } else if diff < -6 * 32 {
                            (y + 1, "future", "nearest")
                        } else {
                            (y, "same", "nearest")
                        }
                    }
                }
            }
        }
    }

    fn value(&mut self, m: &Meaning) -> Value {
        let r = self.reference;
        match m {
            Meaning::Absolute(v, grain) => (v.clone(), Some(*grain), How::ABSOLUTE),
            Meaning::Duration(v) => (v.clone(), None, How::ABSOLUTE),
            Meaning::Reference(v) => (v.to_string(), None, How::ABSOLUTE),
            Meaning::Set(v) => (v.clone(), None, How::ABSOLUTE),
            Meaning::Weekday(w, dir) => {
                let Some(r) = r else {
                    return (format!("XXXX-WXX-{w}"), Some("day"), UNRESOLVED);
                };
                let today = r.weekday().number_from_monday() as i64;
                let w = *w as i64;
                let back = (today - w).rem_euclid(7);
                let ahead = (w - today).rem_euclid(7);
                let (d, dir, why) = match dir {
                    Dir::Last => (
                        r - Duration::days(if back == 0 { 7 } else { back }),
                        "past",
                        "explicit",
                    ),
                    Dir::Next => (
                        r + Duration::days(if ahead == 0 { 7 } else { ahead }),
                        "future",
                        "explicit",
                    ),
                    Dir::This | Dir::Year(_) => (
                        r + Duration::days(w - today),
                        direction_of(w - today),
                        "explicit",
                    ),
                    // "Friday's trading", "Tuesday's declaration": what a story reports on.
                    Dir::Tense
                        if self.rule == "weekday-possessive" && self.tense() != Tense::Future =>
                    {
                        (r - Duration::days(back), "past", "possessive")
                    }
                    Dir::Tense => match self.by_tense() {
                        (Tense::Future | Tense::Present, why) => {
                            (r + Duration::days(ahead), "future", why)
                        }
                        (_, why) => (r - Duration::days(back), "past", why),
                    },
                };
                let dir = if d == r { "same" } else { dir };
                (ymd(d), Some("day"), relative(r, dir, why))
            }
            Meaning::DayOffset(n) => match r {
                Some(r) => (
                    ymd(r + Duration::days(*n)),
                    Some("day"),
                    relative(r, direction_of(*n), "explicit"),
                ),
                None => ("XXXX-XX-XX".to_string(), Some("day"), UNRESOLVED),
            },
            Meaning::MonthDay(mo, d, dir) => {
                let Some(r) = r else {
                    let v = match d {
                        Some(d) => format!("XXXX-{mo:02}-{d:02}"),
                        None => format!("XXXX-{mo:02}"),
                    };
                    return (
                        v,
                        Some(if d.is_some() { "day" } else { "month" }),
                        UNRESOLVED,
                    );
                };
                let (y, dirn, why) = self.year_for(r, *mo, *d, *dir);
                let v = match d {
                    Some(d) => value::day(i64::from(y), *mo, *d),
                    None => value::month(i64::from(y), *mo),
                };
                (
                    v,
                    Some(if d.is_some() { "day" } else { "month" }),
                    relative(r, dirn, why),
                )
            }
            Meaning::WeekdayDate(mo, d, wd) => {
                let Some(r) = r else {
                    return (format!("XXXX-{mo:02}-{d:02}"), Some("day"), UNRESOLVED);
                };
                // The year near the anchor where the weekday agrees with the date.
                let agrees = (r.year() - 1..=r.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, *mo, *d))
                    .filter(|c| c.weekday().number_from_monday() == *wd)
                    .min_by_key(|c| (*c - r).num_days().abs());
                match agrees {
                    Some(c) => (
                        ymd(c),
                        Some("day"),
                        relative(r, direction_of((c - r).num_days()), "weekday agrees"),
                    ),
                    None => self.value(&Meaning::MonthDay(*mo, Some(*d), Dir::Tense)),
                }
            }
            Meaning::YearQuarter(y) => {
                let q = self
                    .current_quarter
                    .map(|(_, q)| q)
                    .or_else(|| r.map(|r| shift_quarter(r.year(), quarter_of(r), -1).1));
                match q {
                    Some(q) => (
                        value::quarter(i64::from(*y), q),
                        Some("quarter"),
                        How::ABSOLUTE,
                    ),
                    None => (value::year(i64::from(*y)), Some("year"), How::ABSOLUTE),
                }
            }
            Meaning::OffsetYearQuarter(q, k) => {
                let Some(r) = r else {
                    return ("XXXX-QX".to_string(), Some("quarter"), UNRESOLVED);
                };
                let q = q
                    .or(self.current_quarter.map(|(_, q)| q))
                    .unwrap_or_else(|| shift_quarter(r.year(), quarter_of(r), -1).1);
                let y = r.year() + *k as i32;
                let v = if q > 4 {
                    format!("{y:04}-H{}", q - 4)
                } else {
                    value::quarter(i64::from(y), q)
                };
                (
                    v,
                    Some("quarter"),
                    relative(r, direction_of(*k), "explicit"),
                )
            }
            Meaning::NthWeekday {
                month,
                weekday,
                n,
                dir,
            } => {
                let Some(r) = r else {
                    return (format!("XXXX-{month:02}-XX"), Some("day"), UNRESOLVED);
                };
                let (y, dirn, why) = self.year_for(r, *month, Some(25), *dir);
                let wd = match weekday {
                    1 => Weekday::Mon,
                    2 => Weekday::Tue,
                    3 => Weekday::Wed,
                    4 => Weekday::Thu,
                    5 => Weekday::Fri,
                    6 => Weekday::Sat,
                    _ => Weekday::Sun,
                };
                match NaiveDate::from_weekday_of_month_opt(y, *month, wd, *n as u8) {
                    Some(d) => (ymd(d), Some("day"), relative(r, dirn, why)),
                    None => (
                        value::month(i64::from(y), *month),
                        Some("month"),
                        relative(r, dirn, why),
                    ),
                }
            }
            Meaning::Season(code, Some(y), _) => {
                (format!("{y:04}-{code}"), Some("season"), How::ABSOLUTE)
            }
            Meaning::Season(code, None, dir) => {
                let Some(r) = r else {
                    return (format!("XXXX-{code}"), Some("season"), UNRESOLVED);
                };
                let (start, end) = match *code {
                    "SP" => (3, 5),
                    "SU" => (6, 8),
                    "FA" => (9, 11),
                    _ => (12, 14),
                };
                let y = r.year();
                let mo = r.month();
                // Winter months January and February belong to the winter that began before.
                let (cur_y, cur_m) = if mo <= 2 { (y - 1, mo + 12) } else { (y, mo) };
                let (yy, dirn, why) = match dir {
                    Dir::Year(k) => (y + *k as i32, direction_of(*k), "explicit"),
                    Dir::This => (cur_y, "same", "explicit"),
                    Dir::Last => {
                        if end < cur_m {
                            (cur_y, "past", "explicit")
                        } else {
                            (cur_y - 1, "past", "explicit")
                        }
                    }
                    Dir::Next => {
                        if start > cur_m {
                            (cur_y, "future", "explicit")
                        } else {
                            (cur_y + 1, "future", "explicit")
                        }
                    }
                    Dir::Tense => match self.by_tense() {
                        (Tense::Past, why) if start > cur_m => (cur_y - 1, "past", why),
                        (Tense::Future, why) if end < cur_m => (cur_y + 1, "future", why),
                        (_, why) => (cur_y, "same", why),
                    },
                };
                (
                    format!("{yy:04}-{code}"),
                    Some("season"),
                    relative(r, dirn, why),
                )
            }
            Meaning::Quarter(q, y) => {
                let label = |mut y: String, q: u32| {
                    let (part, n) = if q > 4 { ("-H", q - 4) } else { ("-Q", q) };
                    y.push_str(part);
                    value::push_num(&mut y, i64::from(n), 0);
                    y
                };
                let grain = Some(if *q > 4 { "half" } else { "quarter" });
                if let Some(y) = y {
                    return (label(value::year(i64::from(*y)), *q), grain, How::ABSOLUTE);
                }
                // A year mentioned just before ("In 1988, ... the third quarter") wins.
                let Some(r) = r else {
                    return (label("XXXX".to_string(), *q), grain, UNRESOLVED);
                };
                let cur = if *q > 4 {
                    r.month0() / 6 + 5
                } else {
                    quarter_of(r)
                };
                let (t, why) = self.by_tense();
                let y = if t == Tense::Past && *q > cur {
                    r.year() - 1
                } else {
                    r.year()
                };
                let dirn = if y < r.year() { "past" } else { "same" };
                (
                    label(value::year(i64::from(y)), *q),
                    grain,
                    relative(r, dirn, why),
                )
            }
            Meaning::QuarterYearOffset(q, k) => {
                let Some(r) = r else {
                    return (format!("XXXX-Q{q}"), Some("quarter"), UNRESOLVED);
                };
                let y = r.year() + *k as i32;
                let v = if *q > 4 {
                    format!("{y:04}-H{}", q - 4)
                } else {
                    value::quarter(i64::from(y), *q)
                };
                (
                    v,
                    Some("quarter"),
                    relative(r, direction_of(*k), "explicit"),
                )
            }
            Meaning::LatestQuarter(k) => {
                let base = self
                    .current_quarter
                    .or_else(|| self.last.and_then(|p| Some((p.year, p.quarter?))));
                if let Some((y, q)) = base {
                    let (y2, q2) = shift_quarter(y, q, *k);
                    let p = Point {
                        year: y,
                        month: Some((q - 1) * 3 + 1),
                        day: None,
                        quarter: Some(q),
                    };
                    return (
                        value::quarter(i64::from(y2), q2),
                        Some("quarter"),
                        previous(p),
                    );
                }
                let Some(r) = r else {
                    return ("XXXX-QX".to_string(), Some("quarter"), UNRESOLVED);
                };
                // The quarter reported on: the one before the reference date's.
                let (y, q) = shift_quarter(r.year(), quarter_of(r), k - 1);
                (
                    value::quarter(i64::from(y), q),
                    Some("quarter"),
                    relative(r, "past", "latest reported"),
                )
            }
            Meaning::UnitOffset(u, n) => {
                // "a year ago" in a quarterly report: the same quarter a year before.
                if let (Unit::Year, "ago", Some((y, q)), Some(true)) = (
                    u,
                    self.rule,
                    self.current_quarter,
                    self.last.map(|p| p.quarter.is_some()),
                ) {
                    let (y2, q2) = shift_quarter(y, q, 4 * n);
                    let p = Point {
                        year: y,
                        month: None,
                        day: None,
                        quarter: Some(q),
                    };
                    return (
                        value::quarter(i64::from(y2), q2),
                        Some("quarter"),
                        previous(p),
                    );
                }
                let Some(r) = r else {
                    return (unresolved_unit(*u), Some(u.grain()), UNRESOLVED);
                };
                // "a decade ago" is a year ten years back, not the previous decade.
                if self.rule == "ago" && matches!(u, Unit::Decade | Unit::Century) {
                    let years = if *u == Unit::Decade { 10 } else { 100 };
                    let v = unit_value(r, Unit::Year, n * years);
                    return (v, Some("year"), relative(r, direction_of(*n), "explicit"));
                }
                (
                    unit_value(r, *u, *n),
                    Some(u.grain()),
                    relative(r, direction_of(*n), "explicit"),
                )
            }
            Meaning::Anaphor(u, n) => self.anaphor(*u, *n),
            Meaning::Weekend(dir) => {
                let Some(r) = r else {
                    return ("XXXX-WXX-WE".to_string(), Some("weekend"), UNRESOLVED);
                };
                let wd = r.weekday().number_from_monday() as i64;
                let (sat, dirn, why) = match dir {
                    Dir::Last => (r - Duration::days(wd + 1), "past", "explicit"),
                    Dir::Next => (r + Duration::days(13 - wd), "future", "explicit"),
                    Dir::This | Dir::Year(_) => (r + Duration::days(6 - wd), "same", "explicit"),
                    Dir::Tense => match self.by_tense() {
                        (Tense::Future, why) => {
                            (r + Duration::days((6 - wd).max(0)), "future", why)
                        }
                        (_, why) if wd >= 6 => (r - Duration::days(wd - 6), "same", why),
                        (_, why) => (r - Duration::days(wd + 1), "past", why),
                    },
                };
                (
                    format!("{}-WE", week(sat)),
                    Some("weekend"),
                    relative(r, dirn, why),
                )
            }
            Meaning::Timed(day, clock) => {
                let (v, _, how) = self.value(day);
                let t = match clock {
                    Clock::At(h, m) => format!("T{h:02}:{m:02}"),
                    Clock::Part(p) => format!("T{p}"),
                };
                let grain = Some(match clock {
                    Clock::At(..) => "minute",
                    Clock::Part(_) => "part-of-day",
                });
                let date = if v.len() == 10 {
                    v
                } else {
                    "XXXX-XX-XX".to_string()
                };
                (format!("{date}{t}"), grain, how)
            }
        }
    }

    /// "that year", "the following day", "a year earlier": from the last date mentioned, or
    /// the reference date when the story has not named one yet.
    fn anaphor(&mut self, u: Unit, n: i64) -> Value {
        let p = self.last;
        // Which base fits the unit: a day needs a day, a month a month.
        let base = p.filter(|p| match u {
            Unit::Day | Unit::Week => p.day.is_some(),
            Unit::Month => p.month.is_some(),
            Unit::Quarter => p.quarter.is_some() || p.month.is_some(),
            _ => true,
        });
        if let Some(p) = base {
            let how = previous(p);
            let v = match u {
                Unit::Year if p.quarter.is_some() => {
                    let (y, q) = self
                        .current_quarter
                        .unwrap_or((p.year, p.quarter.unwrap_or(1)));
                    let (y, q) = shift_quarter(y, q, 4 * n);
                    value::quarter(i64::from(y), q)
                }
                Unit::Year | Unit::Half => value::year(p.year as i64 + n),
                Unit::Decade => format!("{:03}", (p.year as i64).div_euclid(10) + n),
                Unit::Century => format!("{:02}", (p.year as i64).div_euclid(100) + n),
                Unit::Quarter => {
                    let q = p.quarter.or(p.month.map(|m| (m - 1) / 3 + 1)).unwrap_or(1);
                    let (y, q) = shift_quarter(p.year, q, n);
                    value::quarter(i64::from(y), q)
                }
                Unit::Month => {
                    let d = NaiveDate::from_ymd_opt(p.year, p.month.unwrap_or(1), 1);
                    match d {
                        Some(d) => {
                            let (y, m) = month_add(d, n);
                            value::month(i64::from(y), m)
                        }
                        None => return (unresolved_unit(u), Some(u.grain()), UNRESOLVED),
                    }
                }
                _ => match p.date() {
                    Some(d) => unit_value(d, u, n),
                    None => return (unresolved_unit(u), Some(u.grain()), UNRESOLVED),
                },
            };
            let grain = if u == Unit::Year && p.quarter.is_some() {
                "quarter"
            } else {
                u.grain()
            };
            return (v, Some(grain), how);
        }
        match self.reference {
            Some(r) => (
                unit_value(r, u, n),
                Some(u.grain()),
                relative(r, direction_of(n), "no earlier date"),
            ),
            None => (unresolved_unit(u), Some(u.grain()), UNRESOLVED),
        }
    }
}

fn previous(p: Point) -> How {
    How {
        method: "previous-date",
        direction: None,
        reason: None,
        anchor: p
            .date()
            .or_else(|| NaiveDate::from_ymd_opt(p.year, p.month.unwrap_or(1), 1)),
    }
}

fn unresolved_unit(u: Unit) -> String {
    match u {
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Half => "XXXX-HX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        Unit::Year => "XXXX",
    }
    .to_string()
}

/// The value of the `u` that is `n` units from `d` ("last week" = week of `d` - 7 days).
fn unit_value(d: NaiveDate, u: Unit, n: i64) -> String {
    match u {
        Unit::Year => value::year(d.year() as i64 + n),
        Unit::Month => {
            let (y, m) = month_add(d, n);
            value::month(i64::from(y), m)
        }
        Unit::Quarter => {
            let (y, q) = shift_quarter(d.year(), quarter_of(d), n);
            value::quarter(i64::from(y), q)
        }
        Unit::Half => {
            let total = d.year() as i64 * 2 + (d.month0() / 6) as i64 + n;
            format!("{:04}-H{}", total.div_euclid(2), total.rem_euclid(2) + 1)
        }
        Unit::Week => week(d + Duration::weeks(n)),
        Unit::Fortnight => week(d + Duration::weeks(2 * n)),
        Unit::Weekend => format!("{}-WE", week(d + Duration::weeks(n))),
        Unit::Decade => format!("{:03}", (d.year() as i64).div_euclid(10) + n),
        Unit::Century => format!("{:02}", (d.year() as i64).div_euclid(100) + n),
        Unit::Day => ymd(d + Duration::days(n)),
        Unit::Hour | Unit::Minute | Unit::Second => ymd(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points() {
        assert_eq!(Point::parse("1988-Q3").and_then(|p| p.quarter), Some(3));
        assert_eq!(
            Point::parse("1988-03-26T10:00").and_then(|p| p.date()),
            NaiveDate::from_ymd_opt(1988, 3, 26)
        );
        assert!(Point::parse("XXXX-WXX-2").is_none());
        assert!(Point::parse("PRESENT_REF").is_none());
    }

    #[test]
    fn units() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 10).expect("valid");
        assert_eq!(unit_value(d, Unit::Month, -1), "2023-12");
        assert_eq!(unit_value(d, Unit::Quarter, -1), "2023-Q4");
        assert_eq!(unit_value(d, Unit::Week, 0), "2024-W02");
        assert_eq!(unit_value(d, Unit::Decade, -1), "201");
    }

    #[test]
    fn tense() {
        let doc = Doc::new("He said on Tuesday that it will end.");
        assert_eq!(tense_at(&doc, doc.token_at(11)), Tense::Past);
        let doc = Doc::new("They will meet on Tuesday, he said.");
        assert_eq!(tense_at(&doc, doc.token_at(18)), Tense::Future);
    }
}
