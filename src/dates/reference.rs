//! The article's own date, for when no `--date` or JSON Lines `date` is given: a dateline
//! ("WASHINGTON, Oct. 15, 2024 (Reuters) -", "LONDON 1996-08-30"), a date line at the top
//! ("Saturday, March 29, 2008"), or a "Published:" / "Updated:" line.
//!
//! Input: a `Doc` (only its first lines are read). Output: the date and where it came from
//! (`dateline` or `text`). A dateline without a year ("WASHINGTON, Oct. 15 (Reuters) -") gives
//! no date: guessing the year would make every relative value wrong with no sign of it. Does not
//! use the machine's clock.

use super::lexicon;
use crate::text::Doc;
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

/// A date inside one head line, in the forms news headers use. Digits are ASCII (`[0-9]`, not
/// `\d`): only they parse, and the pattern builds in a fifth of the time.
static HEAD_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?P<iso> \b (?P<iy>[0-9]{4}) - (?P<im>[0-9]{2}) - (?P<id>[0-9]{2}) \b )              # 2024-10-15
        | (?P<mdy> \b (?P<am>[A-Z][a-z]{2,8}) \.? \s+ (?P<ad>[0-9]{1,2}) (?:st|nd|rd|th)? ,? \s+ (?P<ay>[0-9]{4}) \b )  # Oct. 15, 2024
        | (?P<dmy> \b (?P<bd>[0-9]{1,2}) (?:st|nd|rd|th)? \s+ (?P<bm>[A-Z][a-z]{2,8}) \.? ,? \s+ (?P<by>[0-9]{4}) \b )  # 15 October 2024
        | (?P<num> \b (?P<nm>[0-9]{1,2}) / (?P<nd>[0-9]{1,2}) / (?P<ny>[0-9]{4}) \b )          # 10/15/2024
        ",
    )
    .expect("HEAD_DATE is valid")
});

/// What may stand before the date on a publication line. Here and below, a line's opening
/// punctuation is `[^0-9A-Za-z_]*` rather than `\W*`: the same on ASCII, and the Unicode word
/// class would make each pattern cost three times as much to build.
static PUBLISHED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^[^0-9A-Za-z_]*(?:(?:first|last)\s+)?(?:published|posted|updated|modified|dated?|released)\b(?:\s+on)?\s*:?")
        .expect("PUBLISHED is valid")
});

/// A dateline place: capitalised words (often all capitals), maybe with a comma and region.
static PLACE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[^0-9A-Za-z_]*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})?\s*,?\s*$")
        .expect("PLACE is valid")
});

/// A weekday (and comma) before a date line's date.
static WEEKDAY_PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^[^0-9A-Za-z_]*(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*$")
        .expect("WEEKDAY_PREFIX is valid")
});

fn date_of(c: &regex::Captures) -> Option<NaiveDate> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if c.name("iso").is_some() {
        return NaiveDate::from_ymd_opt(num("iy")? as i32, num("im")?, num("id")?);
    }
    if c.name("mdy").is_some() {
        let m = lexicon::month(&c.name("am")?.as_str().to_ascii_lowercase())?;
        return NaiveDate::from_ymd_opt(num("ay")? as i32, m, num("ad")?);
    }
    if c.name("dmy").is_some() {
        let m = lexicon::month(&c.name("bm")?.as_str().to_ascii_lowercase())?;
        return NaiveDate::from_ymd_opt(num("by")? as i32, m, num("bd")?);
    }
    NaiveDate::from_ymd_opt(num("ny")? as i32, num("nm")?, num("nd")?)
}

/// True when `line` has four ASCII digits in a row.
fn has_four_digits(line: &str) -> bool {
    let mut run = 0;
    line.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// The article's own date from its first lines, and its source (`dateline` or `text`).
pub fn reference_date(doc: &Doc) -> Option<(NaiveDate, &'static str)> {
    let text = doc.text;
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    for line in text[..end].lines().take(12) {
        let line = line.trim();
        // Every date form above ends in a four-digit year, and only ASCII digits parse: a line
        // without four ASCII digits in a row holds no date, and the pattern (costly to build,
        // about 2 ms) is not even compiled for it.
        if line.is_empty() || !has_four_digits(line) {
            continue;
        }
        for c in HEAD_DATE.captures_iter(line) {
            let Some(m) = c.get(0) else { continue };
            let Some(date) = date_of(&c) else { continue };
            let before = &line[..m.start()];
            let after = line[m.end()..].trim_start();
            // (A blank `before` matches neither PUBLISHED nor PLACE: they are not even built.)
            let blank = before.trim().is_empty();
            if !blank && PUBLISHED.is_match(before) {
                return Some((date, "text"));
            }
            // The date on its own line, maybe after a weekday and before a time.
            let rest_is_time = after.len() <= 24
                && !after.contains(". ")
                && !after.contains(|c: char| c.is_ascii_lowercase() && !"apmt.".contains(c));
            if rest_is_time && (blank || WEEKDAY_PREFIX.is_match(before)) {
                return Some((date, "text"));
            }
            // "LONDON 1996-08-30", "WASHINGTON, Oct. 15, 2024 (Reuters) -"
            let opens = after.is_empty()
                || after.starts_with(['(', '-', '–', '—', ':', '/'])
                || after.starts_with("--");
            if !blank && opens && PLACE.is_match(before) {
                return Some((date, "dateline"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> Option<(String, &'static str)> {
        reference_date(&Doc::new(text)).map(|(d, s)| (d.format("%Y-%m-%d").to_string(), s))
    }

    #[test]
    fn sources() {
        assert_eq!(
            r("CRICKET - TITLE\nLONDON 1996-08-30\nBody."),
            Some(("1996-08-30".into(), "dateline"))
        );
        assert_eq!(
            r("WASHINGTON, Oct. 15, 2024 (Reuters) - The talks ended."),
            Some(("2024-10-15".into(), "dateline"))
        );
        assert_eq!(
            r("Saturday, March 29, 2008\n\nThe talks ended."),
            Some(("2008-03-29".into(), "text"))
        );
        assert_eq!(
            r("Title\nPublished: 15 October 2024 10:31 BST\nBody."),
            Some(("2024-10-15".into(), "text"))
        );
        assert_eq!(
            r("Updated on 10/15/2024\nBody"),
            Some(("2024-10-15".into(), "text"))
        );
    }

    #[test]
    fn year_gate() {
        assert!(has_four_digits("LONDON 1996-08-30"));
        assert!(has_four_digits("2024"));
        assert!(!has_four_digits("Oct. 15 (Reuters) 202 4"));
        assert!(!has_four_digits("١٩٩٦"));
    }

    #[test]
    fn not_sources() {
        // No year: no guess.
        assert_eq!(r("WASHINGTON, Oct. 15 (Reuters) - The talks ended."), None);
        // A date inside a sentence is not the article's date.
        assert_eq!(r("The war began on March 20, 2003 and lasted years."), None);
    }
}
