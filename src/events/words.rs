//! Word sets for the event rules: fixed lists of lower-case words (clause openers, group nouns,
//! roles, ...) read with one hash probe per token. The type lives in `text::words`, shared with
//! the date scanner; it is re-exported here for the event modules.

pub use crate::text::words::WordSet;
