//! The library's one error type: what can go wrong before extraction starts (options).
//!
//! Extraction itself cannot fail: any text yields a record. Messages are lower case, one line,
//! and name the offending value.

/// An error in the options given to the library.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A reference date that is not a calendar date in `YYYY-MM-DD` form.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    InvalidDate(String),
    /// An unknown section name.
    #[error("unknown section {0:?}: expected people, places, organisations, dates or events")]
    UnknownSection(String),
}
