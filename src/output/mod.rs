//! Writing records: compact JSON Lines, pretty JSON or TSV rows, into any `Write`.
//!
//! Input: a `Record` (or an `ErrorRecord`). Output: bytes in a caller's buffer or writer, one
//! record per line (compact, by a writer of its own that gives serde_json's bytes), an indented
//! document (pretty), or one TSV row per mention, date and event. Does not open files or
//! stdout, and does not write the TSV header by itself (the caller writes [`TSV_HEADER`] once,
//! before the first row).
//!
//! # TSV
//!
//! Eight tab-separated columns, always in this order:
//!
//! | column    | people          | places          | organisations   | dates            | events           | error        |
//! |-----------|-----------------|-----------------|-----------------|------------------|------------------|--------------|
//! | `id`      | record id       | record id       | record id       | record id        | record id        | input id     |
//! | `section` | `people`        | `places`        | `organisations` | `dates`          | `events`         | `error`      |
//! | `type`    | `person`        | kind (`city`)   | kind or empty   | `date`, `time`, `duration`, `set` | event type (`killing`) | empty |
//! | `name`    | canonical name  | canonical name  | canonical name  | empty            | trigger text     | empty        |
//! | `value`   | titles (`; `)   | country code    | country code    | TIMEX3 value     | event date       | the message  |
//! | `start`   | mention start   | mention start   | mention start   | start            | trigger start    | empty        |
//! | `end`     | mention end     | mention end     | mention end     | end              | trigger end      | empty        |
//! | `text`    | mention text    | mention text    | mention text    | text             | trigger text     | empty        |
//!
//! Entities give one row per *mention* (so `cut -f4 | sort | uniq -c` counts mentions; add
//! `| sort -u` on `id` and `name` to count entities). Offsets are code points, as in JSON.
//! In values, `\` is written `\\`, and tab, newline and carriage return are written `\t`, `\n`
//! and `\r`, so every row is one line with exactly eight fields. A missing value is empty.

use crate::record::{ErrorRecord, Record};
use std::io::{self, Write};

mod json;

/// How records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One compact JSON record per line.
    JsonLines,
    /// Indented JSON, records separated by a newline.
    PrettyJson,
    /// One TSV row per mention, date and event (see the module docs for the columns).
    Tsv,
}

/// The TSV header line, newline included.
pub const TSV_HEADER: &str = "id\tsection\ttype\tname\tvalue\tstart\tend\ttext\n";

/// Appends one record, ending in a newline (TSV: its rows, possibly none).
pub fn write_record<W: Write>(w: &mut W, rec: &Record, format: Format) -> io::Result<()> {
    match format {
        Format::JsonLines => {
            let mut line = Vec::with_capacity(4096);
            json::record(&mut line, rec);
            line.push(b'\n');
            return w.write_all(&line);
        }
        Format::PrettyJson => serde_json::to_writer_pretty(&mut *w, rec)?,
        Format::Tsv => return write_tsv(w, rec),
    }
    w.write_all(b"\n")
}

/// Appends one record to `buf`, as [`write_record`] writes it; a JSON line is written straight
/// into `buf`, with no writer in between.
pub fn push_record(buf: &mut Vec<u8>, rec: &Record, format: Format) {
    match format {
        Format::JsonLines => {
            json::record(buf, rec);
            buf.push(b'\n');
        }
        _ => write_record(buf, rec, format).expect("writing to a Vec cannot fail"),
    }
}

/// Appends one error record, ending in a newline (TSV: one `error` row).
pub fn write_error<W: Write>(w: &mut W, rec: &ErrorRecord, format: Format) -> io::Result<()> {
    match format {
        Format::JsonLines => {
            let mut line = Vec::with_capacity(256);
            json::error_record(&mut line, rec);
            line.push(b'\n');
            return w.write_all(&line);
        }
        Format::PrettyJson => serde_json::to_writer_pretty(&mut *w, rec)?,
        Format::Tsv => {
            return row(w, &rec.id, "error", "", "", &rec.error, None, "");
        }
    }
    w.write_all(b"\n")
}

/// Writes `s` with `\`, tab, newline and carriage return escaped.
fn escaped<W: Write>(w: &mut W, s: &str) -> io::Result<()> {
    let mut rest = s;
    while let Some(i) = rest.find(['\\', '\t', '\n', '\r']) {
        w.write_all(&rest.as_bytes()[..i])?;
        let esc: &[u8] = match rest.as_bytes()[i] {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            _ => b"\\r",
        };
        w.write_all(esc)?;
        rest = &rest[i + 1..];
    }
    w.write_all(rest.as_bytes())
}

#[allow(clippy::too_many_arguments)]
fn row<W: Write>(
    w: &mut W,
    id: &str,
    section: &str,
    kind: &str,
    name: &str,
    value: &str,
    span: Option<(usize, usize)>,
    text: &str,
) -> io::Result<()> {
    escaped(w, id)?;
    w.write_all(b"\t")?;
    w.write_all(section.as_bytes())?;
    w.write_all(b"\t")?;
    escaped(w, kind)?;
    w.write_all(b"\t")?;
    escaped(w, name)?;
    w.write_all(b"\t")?;
    escaped(w, value)?;
    match span {
        Some((s, e)) => write!(w, "\t{s}\t{e}\t")?,
        None => w.write_all(b"\t\t\t")?,
    }
    escaped(w, text)?;
    w.write_all(b"\n")
}

fn write_tsv<W: Write>(w: &mut W, rec: &Record) -> io::Result<()> {
    let id = rec.id.as_str();
    for p in rec.people.iter().flatten() {
        let titles = p.titles.join("; ");
        for m in &p.mentions {
            row(
                w,
                id,
                "people",
                "person",
                &p.name,
                &titles,
                Some((m.start, m.end)),
                &m.text,
            )?;
        }
    }
    for p in rec.places.iter().flatten() {
        let country = p.country.as_deref().unwrap_or("");
        for m in &p.mentions {
            row(
                w,
                id,
                "places",
                &p.kind,
                &p.name,
                country,
                Some((m.start, m.end)),
                &m.text,
            )?;
        }
    }
    for o in rec.organisations.iter().flatten() {
        let kind = o.kind.as_deref().unwrap_or("");
        let country = o.country.as_deref().unwrap_or("");
        for m in &o.mentions {
            row(
                w,
                id,
                "organisations",
                kind,
                &o.name,
                country,
                Some((m.start, m.end)),
                &m.text,
            )?;
        }
    }
    for d in rec.dates.iter().flatten() {
        row(
            w,
            id,
            "dates",
            &d.kind,
            "",
            &d.value,
            Some((d.start, d.end)),
            &d.text,
        )?;
    }
    for e in rec.events.iter().flatten() {
        let t = &e.trigger;
        let date = e.date.as_deref().unwrap_or("");
        row(
            w,
            id,
            "events",
            &e.kind,
            &t.text,
            date,
            Some((t.start, t.end)),
            &t.text,
        )?;
    }
    Ok(())
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

    #[test]
    fn tsv_escapes_and_keeps_eight_fields() {
        let mut buf = Vec::new();
        let rec = ErrorRecord {
            id: "a\tb\\c".into(),
            error: "line 1\nline 2\r".into(),
        };
        write_error(&mut buf, &rec, Format::Tsv).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s, "a\\tb\\\\c\terror\t\t\tline 1\\nline 2\\r\t\t\t\n");
        assert_eq!(s.trim_end_matches('\n').split('\t').count(), 8);
    }

    #[test]
    fn tsv_rows_per_mention() {
        let text = "John Smith visited Paris on 12 March 2024. Smith then left Paris.";
        let rec = Extractor::default().extract(&Article::new("x", text));
        let mut buf = Vec::new();
        write_record(&mut buf, &rec, Format::Tsv).unwrap();
        let s = String::from_utf8(buf).unwrap();
        let mentions: usize = rec
            .people
            .iter()
            .flatten()
            .map(|p| p.mentions.len())
            .chain(rec.places.iter().flatten().map(|p| p.mentions.len()))
            .chain(rec.organisations.iter().flatten().map(|o| o.mentions.len()))
            .sum::<usize>()
            + rec.dates.as_ref().map_or(0, Vec::len)
            + rec.events.as_ref().map_or(0, Vec::len);
        assert_eq!(s.lines().count(), mentions);
        for line in s.lines() {
            assert_eq!(line.split('\t').count(), 8, "{line}");
        }
    }
}
