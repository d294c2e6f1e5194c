//! Finds temporal expressions and reads what their words say, before any anchoring.
//!
//! Input: a `Doc`. Output: `Found` expressions in text order (longest match wins, no overlaps),
//! each with a `Meaning`: an absolute value, or a relative one for `resolve` to anchor. Also
//! finds the article's own reference date (dateline, date line, "Published:"). Does not anchor.

use super::TimexType;
use crate::text::{Doc, Span};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

/// What an expression says, before anchoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// A complete value ("2024-10-15", "1990s" → "199").
    Absolute(String, &'static str),
    /// A day of the week (1 = Monday).
    Weekday(u32),
    /// Days from the anchor ("yesterday" = -1).
    DayOffset(i64),
    /// A month without a year (1-12), with an optional day.
    MonthDay(u32, Option<u32>),
    /// "last week" (-1), "this month" (0), "next year" (1): unit and offset.
    UnitOffset(&'static str, i64),
    /// A duration value ("P5Y").
    Duration(String),
    /// A TIMEX3 reference (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
    Reference(&'static str),
}

/// One expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Extent (bytes).
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// What it says.
    pub meaning: Meaning,
    /// The rule that found it.
    pub rule: &'static str,
}

const MONTHS: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

/// Month number from a month word.
pub fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Weekday number (1 = Monday).
pub fn weekday_number(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    })
}

static ISO_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("ISO_DATE is valid"));

static MONTH_DAY_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?x) \b (?P<m>{MONTHS}) \s+ (?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?: ,?\s+ (?P<y>\d{{4}}) )? \b"
    ))
    .expect("MONTH_DAY_YEAR is valid")
});

static DAY_MONTH_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?x) \b (?P<d>\d{{1,2}})(?:st|nd|rd|th)? \s+ (?:of\s+)? (?P<m>{MONTHS}) (?: ,?\s+ (?P<y>\d{{4}}) )? \b"
    ))
    .expect("DAY_MONTH_YEAR is valid")
});

static MONTH_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?x) \b (?P<m>{MONTHS}) \s+ (?:of\s+)? (?P<y>\d{{4}}) \b"
    ))
    .expect("MONTH_YEAR is valid")
});

static WEEKDAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
        .expect("WEEKDAY is valid")
});

static YEAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?P<y>(?:1[5-9]|20)\d{2})(?P<s>s)?\b").expect("YEAR is valid"));

static RELATIVE_DAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(yesterday|today|tomorrow|tonight)\b").expect("RELATIVE_DAY is valid")
});

static UNIT_OFFSET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(last|next|this|past|coming)\s+(week|month|year|weekend)\b")
        .expect("UNIT_OFFSET is valid")
});

static DURATION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?ix) \b (?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred) [\s-]+ (?P<u>years?|months?|weeks?|days?|hours?|minutes?|decades?) \b")
        .expect("DURATION is valid")
});

static NOW: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(now|currently|recently|the future|the past)\b").expect("NOW is valid")
});

static AGO: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^\s+ago\b").expect("AGO is valid"));

/// Words for small numbers.
pub fn number_word(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "twenty" => 20,
        "thirty" => 30,
        "fifty" => 50,
        "hundred" => 100,
        _ => return w.parse().ok(),
    })
}

fn unit_code(u: &str) -> (&'static str, bool) {
    let u = u.to_ascii_lowercase();
    match u.trim_end_matches('s') {
        "year" => ("Y", false),
        "month" => ("M", false),
        "week" => ("W", false),
        "day" => ("D", false),
        "hour" => ("H", true),
        "minute" => ("M", true),
        "decade" => ("DE", false),
        _ => ("D", false),
    }
}

/// Finds every temporal expression; longest match wins where two overlap.
pub fn find(doc: &Doc) -> Vec<Found> {
    let text = doc.text;
    let mut all: Vec<Found> = Vec::new();
    let push = |all: &mut Vec<Found>, s: usize, e: usize, kind, meaning, rule| {
        all.push(Found {
            span: Span::new(s, e),
            kind,
            meaning,
            rule,
        })
    };
    for c in ISO_DATE.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let (y, mo, d) = (&c[1], &c[2], &c[3]);
        if NaiveDate::from_ymd_opt(
            y.parse().unwrap_or(0),
            mo.parse().unwrap_or(0),
            d.parse().unwrap_or(0),
        )
        .is_some()
        {
            push(
                &mut all,
                m.start(),
                m.end(),
                TimexType::Date,
                Meaning::Absolute(format!("{y}-{mo}-{d}"), "day"),
                "iso-date",
            );
        }
    }
    for re in [&*MONTH_DAY_YEAR, &*DAY_MONTH_YEAR] {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let Some(mo) = month_number(&c["m"]) else {
                continue;
            };
            let Ok(d) = c["d"].parse::<u32>() else {
                continue;
            };
            if !(1..=31).contains(&d) {
                continue;
            }
            // "May" alone is a modal verb: require a capital M.
            let meaning = match c.name("y") {
                Some(y) => Meaning::Absolute(format!("{}-{mo:02}-{d:02}", y.as_str()), "day"),
                None => Meaning::MonthDay(mo, Some(d)),
            };
            push(
                &mut all,
                m.start(),
                m.end(),
                TimexType::Date,
                meaning,
                "month-day",
            );
        }
    }
    for c in MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        if let Some(mo) = month_number(&c["m"]) {
            push(
                &mut all,
                m.start(),
                m.end(),
                TimexType::Date,
                Meaning::Absolute(format!("{}-{mo:02}", &c["y"]), "month"),
                "month-year",
            );
        }
    }
    for m in WEEKDAY.find_iter(text) {
        if let Some(w) = weekday_number(m.as_str()) {
            push(
                &mut all,
                m.start(),
                m.end(),
                TimexType::Date,
                Meaning::Weekday(w),
                "weekday",
            );
        }
    }
    for c in YEAR.captures_iter(text) {
        let y = c.name("y").expect("year group");
        // Not part of a larger number ("2,025", "1996-97", "12017").
        let before = text[..y.start()].chars().next_back();
        let after = text[y.end()..].chars().next();
        if before.is_some_and(|b| b.is_ascii_digit() || b == ',' || b == '.' || b == '$')
            || after.is_some_and(|a| {
                a.is_ascii_digit() || a == ',' || a == '-' && c.name("s").is_none()
            })
        {
            continue;
        }
        let end = c.name("s").map_or(y.end(), |s| s.end());
        let (value, grain) = if c.name("s").is_some() {
            (y.as_str()[..3].to_string(), "decade")
        } else {
            (y.as_str().to_string(), "year")
        };
        push(
            &mut all,
            y.start(),
            end,
            TimexType::Date,
            Meaning::Absolute(value, grain),
            "year",
        );
    }
    for m in RELATIVE_DAY.find_iter(text) {
        let off = match m.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        push(
            &mut all,
            m.start(),
            m.end(),
            TimexType::Date,
            Meaning::DayOffset(off),
            "relative-day",
        );
    }
    for c in UNIT_OFFSET.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let off = match c[1].to_ascii_lowercase().as_str() {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let unit = match c[2].to_ascii_lowercase().as_str() {
            "week" => "week",
            "month" => "month",
            "weekend" => "weekend",
            _ => "year",
        };
        push(
            &mut all,
            m.start(),
            m.end(),
            TimexType::Date,
            Meaning::UnitOffset(unit, off),
            "unit-offset",
        );
    }
    for c in DURATION.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(n) = number_word(&c["n"]) else {
            continue;
        };
        let (code, time) = unit_code(&c["u"]);
        let value = match (code, time) {
            ("DE", _) => format!("P{}Y", n * 10),
            (_, true) => format!("PT{n}{code}"),
            _ => format!("P{n}{code}"),
        };
        // "two years ago" is a date, not a duration.
        if let Some(ago) = AGO.find(&text[m.end()..]) {
            let unit = match code {
                "Y" if !time => "year",
                "M" if !time => "month",
                "W" => "week",
                "D" => "day",
                _ => "",
            };
            if !unit.is_empty() {
                push(
                    &mut all,
                    m.start(),
                    m.end() + ago.end(),
                    TimexType::Date,
                    Meaning::UnitOffset(unit, -n),
                    "ago",
                );
                continue;
            }
        }
        push(
            &mut all,
            m.start(),
            m.end(),
            TimexType::Duration,
            Meaning::Duration(value),
            "duration",
        );
    }
    for m in NOW.find_iter(text) {
        let r = match m.as_str().to_ascii_lowercase().as_str() {
            "the future" => "FUTURE_REF",
            "the past" | "recently" => "PAST_REF",
            _ => "PRESENT_REF",
        };
        push(
            &mut all,
            m.start(),
            m.end(),
            TimexType::Date,
            Meaning::Reference(r),
            "reference",
        );
    }
    // Longest first at each start; then drop overlaps.
    all.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut out: Vec<Found> = Vec::with_capacity(all.len());
    for f in all {
        if out.last().is_some_and(|l: &Found| l.span.overlaps(f.span)) {
            continue;
        }
        out.push(f);
    }
    out
}

static DATELINE_ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[A-Z][A-Za-z .,'-]{1,40}\s+(\d{4})-(\d{2})-(\d{2})\s*$")
        .expect("DATELINE_ISO is valid")
});

static DATELINE_MDY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?mx) ^ (?:(?:Published|Posted|Updated)\s*:?\s*|[A-Z][A-Za-z .'-]{{1,40}},\s+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?
           (?P<m>{MONTHS}) \s+ (?P<d>\d{{1,2}}) ,? \s+ (?P<y>\d{{4}})"
    ))
    .expect("DATELINE_MDY is valid")
});

/// The article's own date, from its first lines.
pub fn reference_date(doc: &Doc) -> Option<(NaiveDate, &'static str)> {
    let head_end = doc
        .text
        .char_indices()
        .nth(600)
        .map_or(doc.text.len(), |(i, _)| i);
    let head = &doc.text[..head_end];
    if let Some(c) = DATELINE_ISO.captures(head) {
        let d = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(d) = d {
            return Some((d, "dateline"));
        }
    }
    if let Some(c) = DATELINE_MDY.captures(head) {
        let d = NaiveDate::from_ymd_opt(
            c["y"].parse().ok()?,
            month_number(&c["m"])?,
            c["d"].parse().ok()?,
        );
        if let Some(d) = d {
            return Some((d, "dateline"));
        }
    }
    None
}
