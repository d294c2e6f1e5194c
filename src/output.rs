//! Writing records: compact JSON Lines or pretty JSON, into any `Write`.
//!
//! Input: a `Record` (or an `ErrorRecord`). Output: bytes in a caller's buffer or writer, one
//! record per line (compact) or an indented document (pretty). Does not open files or stdout.

use crate::record::{ErrorRecord, Record};
use std::io::{self, Write};

/// How records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One compact JSON record per line.
    JsonLines,
    /// Indented JSON, records separated by a newline.
    PrettyJson,
}

/// Appends one record, ending in a newline.
pub fn write_record<W: Write>(w: &mut W, rec: &Record, format: Format) -> io::Result<()> {
    match format {
        Format::JsonLines => serde_json::to_writer(&mut *w, rec)?,
        Format::PrettyJson => serde_json::to_writer_pretty(&mut *w, rec)?,
    }
    w.write_all(b"\n")
}

/// Appends one error record, ending in a newline.
pub fn write_error<W: Write>(w: &mut W, rec: &ErrorRecord, format: Format) -> io::Result<()> {
    match format {
        Format::JsonLines => serde_json::to_writer(&mut *w, rec)?,
        Format::PrettyJson => serde_json::to_writer_pretty(&mut *w, rec)?,
    }
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Extractor};

    #[test]
    fn compact_is_one_line() {
        let rec = Extractor::default().extract(&Article::new(
            "a",
            "Mr. John Smith visited Paris.\nThen he left.",
        ));
        let mut buf = Vec::new();
        write_record(&mut buf, &rec, Format::JsonLines).unwrap();
        assert_eq!(buf.iter().filter(|&&b| b == b'\n').count(), 1);
        let back: Record = serde_json::from_slice(&buf).unwrap();
        assert_eq!(back, rec);
    }
}
