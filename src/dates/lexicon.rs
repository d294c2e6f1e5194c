//! Word tables for temporal expressions: months, weekdays, number words, ordinals, units,
//! seasons, parts of the day, holidays.
//!
//! Input: one lower-case word (ASCII-folded by the caller). Output: what the word means, or
//! `None`. Pure lookups with `match`, so the scanner pays one comparison chain per token and
//! never allocates; the unit, month, weekday and number lookups, which the scanner makes at
//! most candidate tokens, are inlined into its tests. Does not look at context (the scanner decides
//! whether "May" is a month).

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Weekend.
    Weekend,
    /// Fortnight.
    Fortnight,
    /// Month.
    Month,
    /// Quarter.
    Quarter,
    /// Half year.
    Half,
    /// Year.
    Year,
    /// Decade.
    Decade,
    /// Century.
    Century,
}

impl Unit {
    /// The grain name used in records.
    pub fn grain(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week | Unit::Fortnight => "week",
            Unit::Weekend => "weekend",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Half => "half",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }

    /// A TIMEX3 duration of `n` units ("P5Y", "PT2H"); `None` for a vague count ("PXY").
    pub fn duration(self, n: Option<u32>) -> String {
        let (time, code, mult) = match self {
            Unit::Second => (true, "S", 1),
            Unit::Minute => (true, "M", 1),
            Unit::Hour => (true, "H", 1),
            Unit::Day => (false, "D", 1),
            Unit::Week => (false, "W", 1),
            Unit::Weekend => (false, "WE", 1),
            Unit::Fortnight => (false, "W", 2),
            Unit::Month => (false, "M", 1),
            Unit::Quarter => (false, "Q", 1),
            Unit::Half => (false, "M", 6),
            Unit::Year => (false, "Y", 1),
            Unit::Decade => (false, "Y", 10),
            Unit::Century => (false, "Y", 100),
        };
        let mut v = String::with_capacity(8);
        v.push('P');
        if time {
            v.push('T');
        }
        match n {
            Some(n) => super::value::push_num(&mut v, i64::from(n.saturating_mul(mult)), 0),
            None => match self {
                Unit::Decade => return "PXDE".to_string(),
                Unit::Century => return "PXCE".to_string(),
                _ => v.push('X'),
            },
        }
        v.push_str(code);
        v
    }
}

/// A unit word, singular or plural ("year", "years"): the unit and whether it is plural.
#[inline]
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Month number from a month word or abbreviation (lower case, no period).
#[inline]
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for the short forms that need a period or a following number to be months.
pub fn is_month_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Weekday number (1 = Monday) from a weekday word or abbreviation.
#[inline]
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Cardinal number words up to ninety-nine ("twenty-four" included), and "dozen".
#[inline]
pub fn number_word(w: &str) -> Option<u32> {
    // Every number word has three bytes or more and starts with one of these letters (a
    // compound with its first word): most other words are turned away before the list is
    // read. A word added to the list must start with one of them (a test reads each word).
    if w.len() < 3
        || !matches!(
            w.as_bytes()[0],
            b'd' | b'e' | b'f' | b'h' | b'n' | b'o' | b's' | b't'
        )
    {
        return None;
    }
    if let Some(n) = simple_number(w) {
        return Some(n);
    }
    // A compound ("forty-one") has nine bytes or more: shorter words are not searched.
    if w.len() < 9 {
        return None;
    }
    compound_number(w)
}

/// A number word of one word ("four", "twenty", "dozen").
fn simple_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
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
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}

/// A compound number word ("twenty-four"): out of line, so that `number_word` stays small for
/// the many words that are no compound.
#[inline(never)]
fn compound_number(w: &str) -> Option<u32> {
    // A byte search, not `split_once`: the words are short.
    let dash = w.bytes().position(|b| b == b'-')?;
    let (t, o) = (simple_number(&w[..dash])?, simple_number(&w[dash + 1..])?);
    ((20..=90).contains(&t) && t % 10 == 0 && (1..=9).contains(&o)).then_some(t + o)
}

/// Ordinal words and numbers ("third", "3rd") up to thirty-first.
pub fn ordinal(w: &str) -> Option<u32> {
    // Every ordinal ends in "t", "d" or "h" ("first", "second", "fourth", "21st", "2nd"):
    // other words, and plain numbers, are turned away before the list is read.
    if !matches!(w.as_bytes().last(), Some(b't' | b'd' | b'h')) {
        return None;
    }
    let n = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "twenty-first" => 21,
        "twenty-second" => 22,
        "twenty-third" => 23,
        "twenty-fourth" => 24,
        "twenty-fifth" => 25,
        "twenty-sixth" => 26,
        "twenty-seventh" => 27,
        "twenty-eighth" => 28,
        "twenty-ninth" => 29,
        "thirty-first" => 31,
        _ => {
            // Digits, then exactly two letters "st", "nd", "rd" or "th" ("21st").
            let b = w.as_bytes();
            let n = b.len();
            if n < 3
                || b[n - 3].is_ascii_alphabetic()
                || !matches!(&b[n - 2..], b"st" | b"nd" | b"rd" | b"th")
            {
                return None;
            }
            return w[..n - 2].parse().ok();
        }
    };
    Some(n)
}

/// Season code ("SP", "SU", "FA", "WI").
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code ("MO", "AF", "EV", "NI").
pub fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Time-zone words that may follow a clock time ("18:45 GMT").
pub fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "cest"
            | "ist"
            | "jst"
            | "aest"
            | "aedt"
            | "et"
            | "pt"
            | "ct"
    )
}

/// Fixed-date holidays: (month, day).
pub fn fixed_holiday(w: &str) -> Option<(u32, u32)> {
    Some(match w {
        "christmas" => (12, 25),
        "halloween" => (10, 31),
        "valentine" => (2, 14),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_ordinal_words_pass_the_first_tests() {
        let words = [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "dozen",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
        ];
        for w in words {
            assert!(number_word(w).is_some(), "{w}");
        }
        assert_eq!(number_word("ninety-nine"), Some(99));
        for (n, w) in [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(ordinal(w), Some(n as u32 + 1), "{w}");
        }
        for (w, n) in [
            ("thirtieth", 30),
            ("twenty-first", 21),
            ("twenty-second", 22),
            ("twenty-third", 23),
            ("twenty-ninth", 29),
            ("thirty-first", 31),
            ("1st", 1),
            ("2nd", 2),
            ("3rd", 3),
            ("4th", 4),
            ("155", 0),
        ] {
            assert_eq!(ordinal(w), (n > 0).then_some(n), "{w}");
        }
        assert_eq!(number_word("a"), None);
        assert_eq!(number_word("zero"), None);
    }

    #[test]
    fn words() {
        assert_eq!(number_word("twenty-four"), Some(24));
        assert_eq!(number_word("twenty-ten"), None);
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("third"), Some(3));
        assert_eq!(ordinal("1990s"), None);
        assert_eq!(month("sept"), Some(9));
        assert_eq!(weekday("thursday"), Some(4));
        assert_eq!(Unit::Year.duration(Some(5)), "P5Y");
        assert_eq!(Unit::Hour.duration(Some(2)), "PT2H");
        assert_eq!(Unit::Decade.duration(Some(2)), "P20Y");
        assert_eq!(Unit::Year.duration(None), "PXY");
        assert_eq!(Unit::Minute.duration(None), "PTXM");
    }
}
