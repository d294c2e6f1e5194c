//! Anchors relative expressions: weekdays by tense, "yesterday", "last week", "two years ago",
//! months without a year, against the reference date.
//!
//! Input: `Found` expressions, the `Doc` (for tense), the reference date. Output: `Timex`es with
//! values and the reasons behind them. Without a reference date, relative values keep `X`
//! placeholders. Does not find expressions.

use super::parse::{Found, Meaning};
use super::{How, Timex};
use crate::text::Doc;
use chrono::{Datelike, Duration, NaiveDate};

/// The tense of the clause around a byte offset, read from its auxiliaries and verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported as done.
    Past,
    /// Announced as to come.
    Future,
    /// Nothing says.
    Unknown,
}

/// Reads the tense of the sentence holding byte `pos`, nearest cue first.
pub fn tense_at(doc: &Doc, pos: usize) -> Tense {
    if doc.tokens.is_empty() {
        return Tense::Unknown;
    }
    let ti = doc.token_at(pos).min(doc.tokens.len() - 1);
    let s = &doc.sentences[doc.sentence_of[ti] as usize];
    let mut best: Option<(usize, Tense)> = None;
    for i in s.tokens.clone() {
        let w = doc.tok(i);
        let lw = w.to_ascii_lowercase();
        let t = match lw.as_str() {
            "will" | "'ll" | "shall" | "tomorrow" | "upcoming" | "scheduled" | "plans"
            | "planned" | "expected" => Tense::Future,
            "was" | "were" | "had" | "did" | "said" | "told" | "announced" | "yesterday"
            | "ago" | "last" => Tense::Past,
            _ if lw.len() > 4 && lw.ends_with("ed") && i != ti => Tense::Past,
            _ => continue,
        };
        let d = i.abs_diff(ti);
        // Future auxiliaries outrank the reporting verb ("said it will meet on Tuesday").
        let d = if t == Tense::Future { d / 3 } else { d };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, t));
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Resolves every found expression.
pub fn resolve(doc: &Doc, found: Vec<Found>, reference: Option<NaiveDate>) -> Vec<Timex> {
    found
        .into_iter()
        .map(|f| {
            let (value, grain, how) = value_of(doc, &f, reference);
            Timex {
                span: f.span,
                kind: f.kind,
                value,
                grain,
                r#mod: None,
                how,
                rule: f.rule,
            }
        })
        .collect()
}

fn relative(anchor: NaiveDate, direction: &'static str, reason: &'static str) -> How {
    How {
        method: "reference-date",
        direction: Some(direction),
        reason: Some(reason),
        anchor: Some(anchor),
    }
}

const UNRESOLVED: How = How {
    method: "unresolved",
    direction: None,
    reason: None,
    anchor: None,
};

fn value_of(
    doc: &Doc,
    f: &Found,
    reference: Option<NaiveDate>,
) -> (String, Option<&'static str>, How) {
    match &f.meaning {
        Meaning::Absolute(v, grain) => (v.clone(), Some(*grain), How::ABSOLUTE),
        Meaning::Duration(v) => (v.clone(), None, How::ABSOLUTE),
        Meaning::Reference(r) => (r.to_string(), None, How::ABSOLUTE),
        Meaning::Weekday(w) => {
            let Some(r) = reference else {
                return (format!("XXXX-WXX-{w}"), Some("day"), UNRESOLVED);
            };
            let today = r.weekday().number_from_monday();
            let tense = tense_at(doc, f.span.start);
            let (d, dir, why) = match tense {
                Tense::Future => {
                    let ahead = (*w as i64 - today as i64).rem_euclid(7);
                    (r + Duration::days(ahead), "future", "future tense")
                }
                t => {
                    let back = (today as i64 - *w as i64).rem_euclid(7);
                    let why = if t == Tense::Past {
                        "past tense"
                    } else {
                        "default"
                    };
                    (r - Duration::days(back), "past", why)
                }
            };
            let dir = if d == r { "same" } else { dir };
            (ymd(d), Some("day"), relative(r, dir, why))
        }
        Meaning::DayOffset(n) => match reference {
            Some(r) => {
                let dir = match n.signum() {
                    -1 => "past",
                    1 => "future",
                    _ => "same",
                };
                (
                    ymd(r + Duration::days(*n)),
                    Some("day"),
                    relative(r, dir, "explicit"),
                )
            }
            None => {
                let v = if *n == 0 { "PRESENT_REF" } else { "XXXX-XX-XX" };
                (v.to_string(), Some("day"), UNRESOLVED)
            }
        },
        Meaning::MonthDay(m, d) => {
            let Some(r) = reference else {
                let v = match d {
                    Some(d) => format!("XXXX-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}"),
                };
                return (
                    v,
                    Some(if d.is_some() { "day" } else { "month" }),
                    UNRESOLVED,
                );
            };
            // The nearest such date in the tense's direction; same year by default.
            let tense = tense_at(doc, f.span.start);
            let mut year = r.year();
            let this = NaiveDate::from_ymd_opt(year, *m, d.unwrap_or(1));
            if let Some(this) = this {
                if tense == Tense::Future && this < r && (r - this).num_days() > 60 {
                    year += 1;
                } else if tense != Tense::Future && this > r && (this - r).num_days() > 60 {
                    year -= 1;
                }
            }
            let v = match d {
                Some(d) => format!("{year}-{m:02}-{d:02}"),
                None => format!("{year}-{m:02}"),
            };
            (
                v,
                Some(if d.is_some() { "day" } else { "month" }),
                relative(r, "same", "default"),
            )
        }
        Meaning::UnitOffset(unit, n) => {
            let Some(r) = reference else {
                let v = match *unit {
                    "week" | "weekend" => "XXXX-WXX",
                    "month" => "XXXX-XX",
                    "day" => "XXXX-XX-XX",
                    _ => "XXXX",
                };
                return (v.to_string(), Some(unit), UNRESOLVED);
            };
            let dir = match n.signum() {
                -1 => "past",
                1 => "future",
                _ => "same",
            };
            let v = match *unit {
                "year" => format!("{}", r.year() as i64 + n),
                "month" => {
                    let total = r.year() as i64 * 12 + r.month0() as i64 + n;
                    format!("{}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
                }
                "week" | "weekend" => {
                    let d = r + Duration::weeks(*n);
                    let iw = d.iso_week();
                    let base = format!("{}-W{:02}", iw.year(), iw.week());
                    if *unit == "weekend" {
                        format!("{base}-WE")
                    } else {
                        base
                    }
                }
                _ => ymd(r + Duration::days(*n)),
            };
            (v, Some(unit), relative(r, dir, "explicit"))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::find_dates;
    use crate::text::Doc;
    use chrono::NaiveDate;

    fn values(text: &str, reference: &str) -> Vec<(String, String)> {
        let d = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        let doc = Doc::new(text);
        find_dates(&doc, d)
            .into_iter()
            .map(|t| (t.span.of(text).to_string(), t.value))
            .collect()
    }

    fn v(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn weekday_follows_tense() {
        // 2024-10-17 is a Thursday.
        assert_eq!(
            values("He announced on Tuesday that it ended.", "2024-10-17"),
            v(&[("Tuesday", "2024-10-15")])
        );
        assert_eq!(
            values("They will meet on Tuesday.", "2024-10-17"),
            v(&[("Tuesday", "2024-10-22")])
        );
    }

    #[test]
    fn unresolved_keeps_placeholders() {
        assert_eq!(
            values("He left on Tuesday.", ""),
            v(&[("Tuesday", "XXXX-WXX-2")])
        );
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(
            values(
                "On Oct. 15, 2024 and 15 October 2024 and 2024-10-15, in the 1990s.",
                "2025-01-01"
            ),
            v(&[
                ("Oct. 15, 2024", "2024-10-15"),
                ("15 October 2024", "2024-10-15"),
                ("2024-10-15", "2024-10-15"),
                ("1990s", "199")
            ])
        );
    }

    #[test]
    fn not_dates() {
        assert!(values("Some 2,025 troops and 12017 people.", "2025-01-01").is_empty());
    }
}
