//! The extraction pipeline: text → `Doc` → names, dates, events → `Record`.
//!
//! Input: an `Article` (id, text, optional reference date and title) and `Options`. Output: a
//! `Record`. Runs only the sections asked for (events need the others and run them quietly).
//! Pure: the same text and options give the same record, whatever the clock or the machine.

use crate::error::Error;
use crate::gazetteer::UserGazetteer;
use crate::record::{Offsets, Record, ReferenceDate, SCHEMA_VERSION};
use crate::text::Doc;
use crate::{dates, events, names, organisations, people, places};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::sync::Arc;

/// A record section that can be switched on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Section {
    /// `people`
    People,
    /// `places`
    Places,
    /// `organisations`
    Organisations,
    /// `dates`
    Dates,
    /// `events`
    Events,
}

impl Section {
    /// Every section, in record order.
    pub const ALL: [Section; 5] = [
        Section::People,
        Section::Places,
        Section::Organisations,
        Section::Dates,
        Section::Events,
    ];

    /// The record field name.
    pub fn name(self) -> &'static str {
        match self {
            Section::People => "people",
            Section::Places => "places",
            Section::Organisations => "organisations",
            Section::Dates => "dates",
            Section::Events => "events",
        }
    }
}

impl std::str::FromStr for Section {
    type Err = Error;
    fn from_str(s: &str) -> Result<Section, Error> {
        Section::ALL
            .into_iter()
            .find(|sec| sec.name() == s || (s == "organizations" && *sec == Section::Organisations))
            .ok_or_else(|| Error::UnknownSection(s.to_string()))
    }
}

/// What to extract and against which date.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Sections to write (all by default).
    pub sections: Vec<Section>,
    /// Reference date for relative expressions, unless the article brings its own.
    pub date: Option<NaiveDate>,
    /// Add the rule that found each mention (`rule` fields).
    pub explain: bool,
    /// Names the user supplies (found everywhere, overriding the rules) and names to drop.
    pub gazetteer: Option<Arc<UserGazetteer>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            sections: Section::ALL.to_vec(),
            date: None,
            explain: false,
            gazetteer: None,
        }
    }
}

impl Options {
    /// Sets the reference date from `YYYY-MM-DD`.
    pub fn with_date(mut self, date: &str) -> Result<Options, Error> {
        self.date = Some(parse_date(date)?);
        Ok(self)
    }

    /// Restricts the record to `sections`.
    pub fn with_sections(mut self, sections: &[Section]) -> Options {
        self.sections = sections.to_vec();
        self
    }

    /// Adds the rule behind each mention.
    pub fn with_explain(mut self, explain: bool) -> Options {
        self.explain = explain;
        self
    }

    /// Adds a user gazetteer and deny list (see `UserGazetteer`).
    pub fn with_gazetteer(mut self, gazetteer: Arc<UserGazetteer>) -> Options {
        self.gazetteer = Some(gazetteer);
        self
    }

    fn wants(&self, s: Section) -> bool {
        self.sections.contains(&s)
    }
}

/// Parses a `YYYY-MM-DD` reference date.
pub fn parse_date(s: &str) -> Result<NaiveDate, Error> {
    let t = s.trim();
    // Accept a full timestamp ("2024-10-15T08:00:00Z") by its date part.
    let d = t.get(..10).unwrap_or(t);
    // `get`, not `[10..]`: byte 10 may fall inside a character ("2024-10-1é").
    if t.len() > 10 && !t.get(10..).is_some_and(|r| r.starts_with(['T', ' ', 't'])) {
        return Err(Error::InvalidDate(s.to_string()));
    }
    // The usual form, "2024-10-15", read directly (chrono's format parser costs a
    // thousand instructions a date, once per JSON line); any other goes to chrono.
    let b = d.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let num = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(day)) = (num(0..4), num(5..7), num(8..10)) {
            // Four digits always fit an i32.
            return NaiveDate::from_ymd_opt(y as i32, m, day)
                .ok_or_else(|| Error::InvalidDate(s.to_string()));
        }
    }
    NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| Error::InvalidDate(s.to_string()))
}

/// One article to extract from.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// Its name in the record.
    pub id: &'a str,
    /// Its text. A leading BOM is skipped; offsets count from after it.
    pub text: &'a str,
    /// Its own reference date (overrides `Options::date`), e.g. the JSON Lines `date`.
    pub date: Option<NaiveDate>,
    /// Its title, when given apart from the text.
    pub title: Option<&'a str>,
}

impl<'a> Article<'a> {
    /// An article with no date or title of its own.
    pub fn new(id: &'a str, text: &'a str) -> Article<'a> {
        Article {
            id,
            text,
            date: None,
            title: None,
        }
    }

    /// Sets the article's own reference date.
    pub fn with_date(mut self, date: Option<NaiveDate>) -> Article<'a> {
        self.date = date;
        self
    }

    /// Sets the title.
    pub fn with_title(mut self, title: Option<&'a str>) -> Article<'a> {
        self.title = title;
        self
    }
}

/// Strips one leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Extracts records from articles. Cheap to create; share one across threads.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// An extractor with these options.
    pub fn new(options: Options) -> Extractor {
        Extractor { options }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts one record. Never fails: any text gives a record.
    pub fn extract(&self, article: &Article) -> Record {
        let opts = &self.options;
        let text = strip_bom(article.text);
        let doc = Doc::new(text);
        let offsets = Offsets::new(text);

        let reference = match (article.date, opts.date) {
            (Some(d), _) => Some((d, "input")),
            (None, Some(d)) => Some((d, "option")),
            (None, None) => dates::find_reference_date(&doc),
        };

        let need_names = opts.wants(Section::People)
            || opts.wants(Section::Places)
            || opts.wants(Section::Organisations)
            || opts.wants(Section::Events);
        let need_dates = opts.wants(Section::Dates) || opts.wants(Section::Events);

        let mut found = if need_names {
            names::find_names_with(&doc, opts.gazetteer.as_deref())
        } else {
            names::Names::default()
        };
        let timexes = if need_dates {
            dates::find_dates(&doc, reference.map(|r| r.0))
        } else {
            Vec::new()
        };
        let evs = if opts.wants(Section::Events) {
            events::find_events(&doc, &found, &timexes, reference.map(|r| r.0))
        } else {
            Vec::new()
        };

        let explain = opts.explain;
        Record {
            id: article.id.to_string(),
            schema_version: Cow::Borrowed(SCHEMA_VERSION),
            date: reference.map(|(d, source)| ReferenceDate {
                value: dates::ymd(d),
                source: Cow::Borrowed(source),
            }),
            title: article.title.map(str::to_string),
            focus: need_names.then(|| places::focus(&found)).flatten(),
            people: opts
                .wants(Section::People)
                .then(|| people::to_record(&mut found, &offsets, explain)),
            places: opts
                .wants(Section::Places)
                .then(|| places::to_record(&mut found, &offsets, explain)),
            organisations: opts
                .wants(Section::Organisations)
                .then(|| organisations::to_record(&mut found, &offsets, explain)),
            dates: opts
                .wants(Section::Dates)
                .then(|| dates::into_record(timexes, &offsets, explain)),
            events: opts
                .wants(Section::Events)
                .then(|| events::into_record(evs, &offsets)),
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_parse() {
        assert_eq!("people".parse::<Section>(), Ok(Section::People));
        assert_eq!(
            "organizations".parse::<Section>(),
            Ok(Section::Organisations)
        );
        assert!("persons".parse::<Section>().is_err());
    }

    #[test]
    fn dates_parse() {
        assert!(parse_date("2024-10-15").is_ok());
        assert!(parse_date("2024-10-15T08:00:00Z").is_ok());
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("15/10/2024").is_err());
        assert!(parse_date("2024-10-15x").is_err());
        assert!(parse_date("2024-10-1é").is_err());
    }

    #[test]
    fn dates_read_directly_agree_with_chrono() {
        for y in [
            "0000", "0001", "1900", "2000", "2023", "2024", "9999", "+202", "20a4",
        ] {
            for m in 0..=13 {
                for d in 0..=32 {
                    for s in [format!("{y}-{m:02}-{d:02}"), format!("{y}-{m}-{d}")] {
                        let chrono = NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
                        assert_eq!(parse_date(&s).ok(), chrono, "{s}");
                    }
                }
            }
        }
    }

    #[test]
    fn bom_is_skipped_and_sections_honoured() {
        let ex = Extractor::new(Options::default().with_sections(&[Section::Dates]));
        let rec = ex.extract(&Article::new("x", "\u{feff}On Tuesday."));
        assert!(rec.people.is_none());
        let d = &rec.dates.unwrap()[0];
        assert_eq!((d.start, d.end), (3, 10));
    }
}
