//! newsie: rule-based extraction of people, places, organisations, temporal expressions and
//! dated events from English news text.
//!
//! The library does no I/O: give it an article's text, get back a [`Record`] (the JSON record
//! the `newsie` command writes). Patterns are compiled once per process, gazetteers are compiled
//! into the binary, and every offset in a record is a Unicode code-point index into the text.
//!
//! ```
//! use newsie::{Article, Extractor, Options};
//!
//! let extractor = Extractor::new(Options::default().with_date("2025-03-14").unwrap());
//! let record = extractor.extract(&Article::new(
//!     "example",
//!     "Iraqi Prime Minister Mohammed Shia al-Sudani said on Tuesday that forces killed 12 militants.",
//! ));
//! let people = record.people.unwrap();
//! assert_eq!(people[0].name, "Mohammed Shia al-Sudani");
//! assert_eq!(people[0].titles, ["Prime Minister"]);
//! assert_eq!(record.dates.unwrap()[0].value, "2025-03-11");
//! ```

#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod dates;
pub mod error;
pub mod events;
pub mod extract;
pub mod gazetteer;
pub mod names;
pub mod organisations;
pub mod output;
pub mod people;
pub mod places;
pub mod record;
pub mod text;

pub use error::Error;
pub use extract::{Article, Extractor, Options, Section};
pub use record::{ErrorRecord, Record, SCHEMA_VERSION};
