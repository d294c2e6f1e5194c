//! The record: the JSON contract newsie writes, one per article.
//!
//! Input: nothing (types only) plus `CharIndex` for the one byte → code-point conversion.
//! Output: `Record` and its parts, serialised in field order. Offsets (`start`, `end`) in a
//! record are Unicode code points (Python `str` indices) into the article text, end exclusive,
//! so `text[start:end] == mention.text`. Inside the library spans are bytes; `Offsets::at`
//! converts them here and nowhere else. Does not extract anything.
//!
//! # Format
//!
//! ```json
//! {"id": "fixtures/articles/conflict-iraq-isis-commander.txt",
//!  "schema_version": "1",
//!  "date": {"value": "2025-03-14", "source": "option"},
//!  "people": [{"name": "Mohammed Shia al-Sudani", "titles": ["Prime Minister"], "aliases": [],
//!              "mentions": [{"text": "Mohammed Shia al-Sudani", "start": 104, "end": 127}]}],
//!  "places": [{"name": "Hamrin Mountains", "kind": "mountains", "country": "IQ",
//!              "lat": 34.5, "lon": 44.5, "mentions": [...]}],
//!  "organisations": [{"name": "Islamic State", "aliases": ["ISIS"], "mentions": [...]}],
//!  "dates": [{"text": "Tuesday", "start": 135, "end": 142, "type": "date",
//!             "value": "2025-03-11", "grain": "day",
//!             "resolution": {"method": "reference-date", "direction": "past", "reason": "past tense"}}],
//!  "events": [{"type": "killing", "trigger": {"text": "killed", "start": 185, "end": 191}, ...}]}
//! ```
//!
//! # Fixed words
//!
//! The fields that hold one of a fixed set of words or a gazetteer's own string
//! (`schema_version`, the reference date's `source`, `rule`, a place's `kind`, `canonical` and
//! `admin1`, an organisation's `kind` and `canonical`, country codes, a date's `type`, `grain`,
//! `mod` and `resolution` words, an event's `type`, `date_source`, `date_precision`,
//! `place_source`, `place_precision` and the keys of its `count`) are `Cow<'static, str>`
//! rather than `String`, as they were before: newsie fills them with borrowed static strings, so
//! building a record does not allocate them, and code of your own can still set any string
//! (`Cow::Owned`, or `.into()` from a `String` or `&'static str`). Compare them with `==` against
//! a `&str` as before. In JSON they are plain strings, written and read exactly as the `String`
//! fields were (reading gives `Cow::Owned`).

use crate::text::{CharIndex, Span};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Version of the record format; bumped on any incompatible change.
pub const SCHEMA_VERSION: &str = "1";

/// One article's extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Record {
    /// The input's name: a path, the JSON Lines `id` (or line number), or `-` for stdin.
    pub id: String,
    /// The record format version (`SCHEMA_VERSION`).
    pub schema_version: Cow<'static, str>,
    /// The reference date relative expressions were resolved against, or null.
    pub date: Option<ReferenceDate>,
    /// The article's title when one was given (JSON Lines `title`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the article is about: its main country and main place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Focus>,
    /// People, grouped: one entry per person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<Person>>,
    /// Places, grouped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<Place>>,
    /// Organisations, grouped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisations: Option<Vec<Organisation>>,
    /// Temporal expressions in text order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<DateExpr>>,
    /// Events, the main event first, the rest in text order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<Event>>,
    /// Problems with the input that did not stop extraction (e.g. invalid UTF-8 replaced).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The reference date and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReferenceDate {
    /// `YYYY-MM-DD`.
    pub value: String,
    /// `option` (`--date`), `input` (the JSON Lines `date`), `dateline`, `text` (a date line or
    /// "Published:" line in the article).
    pub source: Cow<'static, str>,
}

/// The article's focus, as a news desk would file it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Focus {
    /// ISO 3166-1 alpha-2 code of the main country.
    pub country: Option<Cow<'static, str>>,
    /// Canonical name of the main place.
    pub place: Option<String>,
}

/// One occurrence of a name in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Mention {
    /// The text as it appears.
    pub text: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The rule that found it (with `--explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Cow<'static, str>>,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// Canonical (longest) name.
    pub name: String,
    /// Titles and roles seen before the name ("Prime Minister", "Gen.").
    pub titles: Vec<String>,
    /// Other names ("Abu Abdul Qader").
    pub aliases: Vec<String>,
    /// Country the text ties the person to (from a demonym or title), ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Cow<'static, str>>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Place {
    /// The article's own name for it: its fullest mention ("Mazar-i-Sharif", "UK").
    pub name: String,
    /// The gazetteer's standard English name when it differs from `name` ("Mazar-e Sharif",
    /// "United Kingdom"): the key for grouping places across articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<Cow<'static, str>>,
    /// `continent`, `region`, `country`, `subdivision`, `city`, a natural feature kind
    /// (`mountains`, `sea`, `river`, ...), or `place` when only the text says it is one.
    pub kind: Cow<'static, str>,
    /// ISO 3166-1 alpha-2 code when known.
    pub country: Option<Cow<'static, str>>,
    /// First-level subdivision (state, province) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<Cow<'static, str>>,
    /// Latitude when known.
    pub lat: Option<f64>,
    /// Longitude when known.
    pub lon: Option<f64>,
    /// Other names seen ("U.S.", "America").
    pub aliases: Vec<String>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// An organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Organisation {
    /// The article's own name for it: its fullest mention (the expansion of an acronym when
    /// the text gives it).
    pub name: String,
    /// The gazetteer's standard name when it differs from `name` ("Federal Bureau of
    /// Investigation" for "FBI").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<Cow<'static, str>>,
    /// Other names ("ISIS").
    pub aliases: Vec<String>,
    /// `government`, `armed-group`, `company`, `party`, `sports`, ... when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Cow<'static, str>>,
    /// ISO alpha-2 code when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Cow<'static, str>>,
    /// Every mention.
    pub mentions: Vec<Mention>,
}

/// A temporal expression, normalised like TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DateExpr {
    /// The text as it appears.
    pub text: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// `date`, `time`, `duration` or `set`.
    #[serde(rename = "type")]
    pub kind: Cow<'static, str>,
    /// TIMEX3 value: `2024-10-15`, `2024-10`, `2024-W42`, `2024-Q3`, `P5Y`, `PT2H`,
    /// `2024-10-15T14:00`, `XXXX-WXX-4`, `PRESENT_REF`; `X` where unresolved.
    pub value: String,
    /// `century`, `decade`, `year`, `half`, `quarter`, `season`, `month`, `week`, `day`,
    /// `part-of-day`, `hour`, `minute`, `second`, or absent for durations and references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grain: Option<Cow<'static, str>>,
    /// TIMEX3 modifier (`START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#mod: Option<Cow<'static, str>>,
    /// How the value was reached.
    pub resolution: Resolution,
    /// The rule that found it (with `--explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Cow<'static, str>>,
}

/// How a date's value was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Resolution {
    /// `absolute` (the text says it all), `reference-date`, `previous-date` (anaphora: relative to
    /// the last date mentioned), or `unresolved` (no anchor: `X` placeholders kept).
    pub method: Cow<'static, str>,
    /// For relative expressions: `past`, `future` or `same`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Cow<'static, str>>,
    /// Why that direction: `past tense`, `future tense`, `explicit` ("last", "next"), `default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Cow<'static, str>>,
    /// The anchor date used (`YYYY-MM-DD`) for relative expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// A text span with its text (an event trigger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Trigger {
    /// The text as it appears.
    pub text: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
}

/// A bare span (an event's sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SpanRef {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
}

/// A dated event: who did what to whom, where and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Event {
    /// The event type (see the README's taxonomy); `other` for a main event read from the
    /// headline's own verb when the trigger table has no entry for it ("Acme sparks anger").
    #[serde(rename = "type")]
    pub kind: Cow<'static, str>,
    /// The word(s) that report it.
    pub trigger: Trigger,
    /// The sentence it is reported in.
    pub sentence: SpanRef,
    /// TIMEX3 value of its date, or null.
    pub date: Option<String>,
    /// `sentence` (its own clause or sentence dates it), `report` (the statement reporting it in
    /// the same sentence: "announced on Tuesday that ... killed"), `lead` (main event only: a
    /// day in the headline or lead, within the week up to the reference date), `document` (the
    /// reference date), `none`.
    pub date_source: Cow<'static, str>,
    /// `day`, `week`, `month`, `year`, ... of the date when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<Cow<'static, str>>,
    /// Canonical place names.
    pub places: Vec<String>,
    /// Where the first place comes from: `sentence` (the event's own clause), `headline` (the
    /// headline), `lead` (main event only: the lead sentence), `dateline`, `document` (the
    /// article's main place), or `none`. The main event lists its clause's places, then the
    /// other places of the headline and lead sentence, then the dateline place.
    pub place_source: Cow<'static, str>,
    /// `city` (a town or feature), `subdivision`, `country`, `region`, or absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_precision: Option<Cow<'static, str>>,
    /// Who acted (canonical names).
    pub agents: Vec<String>,
    /// Who was acted on or affected (canonical names).
    pub targets: Vec<String>,
    /// Counts the text gives, by what is counted (`killed`, `injured`, `arrested`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub count: BTreeMap<Cow<'static, str>, u64>,
    /// The text says it did not happen.
    pub negated: bool,
    /// The text says it only allegedly, reportedly or possibly happened.
    pub hedged: bool,
}

/// An input that could not be processed, written in place of its record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ErrorRecord {
    /// The input's name.
    pub id: String,
    /// What went wrong, one line.
    pub error: String,
}

impl ErrorRecord {
    /// The error record of input `id`.
    pub fn new(id: impl Into<String>, error: impl Into<String>) -> ErrorRecord {
        ErrorRecord {
            id: id.into(),
            error: error.into(),
        }
    }
}

/// Byte → code-point conversion for one document, the only place it happens.
pub struct Offsets<'a> {
    text: &'a str,
    index: CharIndex,
}

impl<'a> Offsets<'a> {
    /// Index `text`.
    pub fn new(text: &'a str) -> Offsets<'a> {
        Offsets {
            text,
            index: CharIndex::new(text),
        }
    }

    /// A mention for a byte span.
    pub fn mention(&self, span: Span, rule: Option<&'static str>) -> Mention {
        Mention {
            text: span.of(self.text).to_string(),
            start: self.index.chars(span.start),
            end: self.index.chars(span.end),
            rule: rule.map(Cow::Borrowed),
        }
    }

    /// A trigger for a byte span.
    pub fn trigger(&self, span: Span) -> Trigger {
        Trigger {
            text: span.of(self.text).to_string(),
            start: self.index.chars(span.start),
            end: self.index.chars(span.end),
        }
    }

    /// A bare span.
    pub fn span(&self, span: Span) -> SpanRef {
        SpanRef {
            start: self.index.chars(span.start),
            end: self.index.chars(span.end),
        }
    }

    /// Code-point offsets of a byte span.
    pub fn at(&self, span: Span) -> (usize, usize) {
        (self.index.chars(span.start), self.index.chars(span.end))
    }
}

/// The JSON Schema of `Record` (and of the error record written in its place).
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Record);
    let error = schemars::schema_for!(ErrorRecord);
    let mut v = serde_json::to_value(schema).expect("schema serialises");
    // A line of output is either a record or an error record.
    if let Some(obj) = v.as_object_mut() {
        obj.insert(
            "$comment".into(),
            serde_json::Value::String(format!(
                "newsie record, schema_version {SCHEMA_VERSION}; a line may instead be an error record: {}",
                serde_json::to_string(&error).expect("schema serialises")
            )),
        );
    }
    v
}
