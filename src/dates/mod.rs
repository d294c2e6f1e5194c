//! Dates: temporal expressions found with their TimeML extent, typed, and normalised to TIMEX3
//! values against the reference date.
//!
//! Input: a `Doc` and an optional reference date. Output: `Timex`es in text order (byte spans),
//! and the record's `dates` section. `parse` finds expressions and reads what the words say;
//! `resolve` anchors relative ones (tense decides the direction of "on Tuesday"). Without a
//! reference date, relative values keep TIMEX3 `X` placeholders: never the machine's clock.
//! Does not attach dates to events (see `events`).

pub mod lexicon;
pub mod parse;
pub mod reference;
pub mod resolve;
pub mod value;

use crate::record::{DateExpr, Offsets, Resolution};
use crate::text::{Doc, Span};
use chrono::NaiveDate;
use std::borrow::Cow;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// The record name.
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "date",
            TimexType::Time => "time",
            TimexType::Duration => "duration",
            TimexType::Set => "set",
        }
    }
}

/// How a value was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct How {
    /// `absolute`, `reference-date`, `previous-date`, `unresolved`.
    pub method: &'static str,
    /// `past`, `future`, `same`.
    pub direction: Option<&'static str>,
    /// Why that direction.
    pub reason: Option<&'static str>,
    /// The anchor used.
    pub anchor: Option<NaiveDate>,
}

impl How {
    /// The text alone gives the value.
    pub const ABSOLUTE: How = How {
        method: "absolute",
        direction: None,
        reason: None,
        anchor: None,
    };
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Extent (bytes).
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// Grain of a date or time value.
    pub grain: Option<&'static str>,
    /// TIMEX3 mod.
    pub r#mod: Option<&'static str>,
    /// How the value was reached.
    pub how: How,
    /// The rule that found it.
    pub rule: &'static str,
}

/// Finds and resolves every temporal expression.
pub fn find_dates(doc: &Doc, reference: Option<NaiveDate>) -> Vec<Timex> {
    let found = parse::find(doc);
    resolve::resolve(doc, found, reference)
}

/// The reference date the article gives itself: a dateline ("WASHINGTON, Oct. 15, 2024 (Reuters) -",
/// "LONDON 1996-08-30") gives source `dateline`; a leading date line ("Saturday, March 29, 2008")
/// or a "Published:" line gives `text`.
pub fn find_reference_date(doc: &Doc) -> Option<(NaiveDate, &'static str)> {
    reference::reference_date(doc)
}

/// A date as `YYYY-MM-DD` (chrono's `%Y-%m-%d`), written digit by digit for the years news
/// has (0 to 9999); other years, which chrono writes with a sign, go through chrono.
pub fn ymd(d: NaiveDate) -> String {
    use chrono::Datelike;
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return d.format("%Y-%m-%d").to_string();
    }
    value::day(i64::from(y), d.month(), d.day())
}

/// The `dates` record section.
pub fn to_record(timexes: &[Timex], off: &Offsets, explain: bool) -> Vec<DateExpr> {
    into_record(timexes.to_vec(), off, explain)
}

/// The `dates` record section, taking the values rather than copying them.
pub fn into_record(timexes: Vec<Timex>, off: &Offsets, explain: bool) -> Vec<DateExpr> {
    timexes
        .into_iter()
        .map(|t| {
            let m = off.mention(t.span, None);
            DateExpr {
                text: m.text,
                start: m.start,
                end: m.end,
                kind: Cow::Borrowed(t.kind.name()),
                value: t.value,
                grain: t.grain.map(Cow::Borrowed),
                r#mod: t.r#mod.map(Cow::Borrowed),
                resolution: Resolution {
                    method: Cow::Borrowed(t.how.method),
                    direction: t.how.direction.map(Cow::Borrowed),
                    reason: t.how.reason.map(Cow::Borrowed),
                    anchor: t.how.anchor.map(ymd),
                },
                rule: explain.then_some(Cow::Borrowed(t.rule)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ymd_writes_as_chrono_does() {
        let days = [
            (2024, 10, 5),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 1, 9),
            (10000, 1, 1),
            (-5, 3, 4),
        ];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(ymd(date), date.format("%Y-%m-%d").to_string());
        }
    }
}
