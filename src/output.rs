//! Writing records: compact JSON Lines, pretty JSON or TSV rows, into any `Write`.
//!
//! Input: a `Record` (or an `ErrorRecord`). Output: bytes in a caller's buffer or writer, one
//! record per line (compact), an indented document (pretty), or one TSV row per mention, date
//! and event. Does not open files or stdout, and does not write the TSV header by itself
//! (the caller writes [`TSV_HEADER`] once, before the first row).
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
            json::record(&mut line, rec)?;
            line.push(b'\n');
            return w.write_all(&line);
        }
        Format::PrettyJson => serde_json::to_writer_pretty(&mut *w, rec)?,
        Format::Tsv => return write_tsv(w, rec),
    }
    w.write_all(b"\n")
}

/// Appends one error record, ending in a newline (TSV: one `error` row).
pub fn write_error<W: Write>(w: &mut W, rec: &ErrorRecord, format: Format) -> io::Result<()> {
    match format {
        Format::JsonLines => serde_json::to_writer(&mut *w, rec)?,
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

/// Compact JSON of a record, written field by field: the bytes serde_json writes for it (a test
/// holds the two together), without a serialiser call per field name. Every struct is taken
/// apart without `..`, so a new field fails to compile here until it is written. Events, whose
/// fields change most, go through serde_json.
mod json {
    use crate::record::{
        DateExpr, Focus, Mention, Organisation, Person, Place, Record, ReferenceDate, Resolution,
    };
    use std::io;

    /// True when some byte of `c` needs escaping: a control character, `"` or `\\` (eight
    /// bytes tested at once).
    pub(super) fn needs_escape(c: [u8; 8]) -> bool {
        const LOW: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let v = u64::from_le_bytes(c);
        // A zero byte in `x` shows as a set high bit in `(x - LOW) & !x & HIGH`.
        let zero = |x: u64| x.wrapping_sub(LOW) & !x & HIGH;
        // Bytes below 0x20: their high bit and the 0x20/0x40 bits are all clear.
        let control = v.wrapping_sub(LOW * 0x20) & !v & HIGH;
        control | zero(v ^ (LOW * u64::from(b'"'))) | zero(v ^ (LOW * u64::from(b'\\'))) != 0
    }

    /// Appends `s` as a JSON string, escaped as serde_json escapes.
    fn string(out: &mut Vec<u8>, s: &str) {
        out.push(b'"');
        let bytes = s.as_bytes();
        // Most strings need no escape: test eight bytes at a time and copy them whole.
        let mut clean = 0;
        while clean + 8 <= bytes.len() {
            let mut c = [0u8; 8];
            c.copy_from_slice(&bytes[clean..clean + 8]);
            if needs_escape(c) {
                break;
            }
            clean += 8;
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate().skip(clean) {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            start = i + 1;
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                }
            }
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    /// Appends an unsigned integer in decimal.
    fn number(out: &mut Vec<u8>, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[i..]);
    }

    /// `,"name":` (the comma left out for the first field).
    fn key(out: &mut Vec<u8>, field: &[u8]) {
        out.extend_from_slice(field);
    }

    fn opt_string(out: &mut Vec<u8>, s: Option<&String>) {
        match s {
            Some(s) => string(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    fn strings(out: &mut Vec<u8>, list: &[String]) {
        list_of(out, list, |out, s| string(out, s));
    }

    fn list_of<T>(out: &mut Vec<u8>, list: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
        out.push(b'[');
        for (i, x) in list.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            item(out, x);
        }
        out.push(b']');
    }

    // Each writer takes its struct apart field by field, with no `..`: a field added to the
    // record is a compile error here until it is written.

    fn mention(out: &mut Vec<u8>, m: &Mention) {
        let Mention {
            text,
            start,
            end,
            rule,
        } = m;
        key(out, b"{\"text\":");
        string(out, text);
        key(out, b",\"start\":");
        number(out, *start);
        key(out, b",\"end\":");
        number(out, *end);
        if let Some(r) = rule {
            key(out, b",\"rule\":");
            string(out, r);
        }
        out.push(b'}');
    }

    fn mentions(out: &mut Vec<u8>, list: &[Mention]) {
        key(out, b",\"mentions\":");
        list_of(out, list, mention);
        out.push(b'}');
    }

    fn person(out: &mut Vec<u8>, p: &Person) {
        let Person {
            name,
            titles,
            aliases,
            country,
            mentions: ms,
        } = p;
        key(out, b"{\"name\":");
        string(out, name);
        key(out, b",\"titles\":");
        strings(out, titles);
        key(out, b",\"aliases\":");
        strings(out, aliases);
        if let Some(c) = country {
            key(out, b",\"country\":");
            string(out, c);
        }
        mentions(out, ms);
    }

    fn float(out: &mut Vec<u8>, v: Option<f64>) -> io::Result<()> {
        match v {
            // serde_json's own float writing (and its null for NaN).
            Some(v) => serde_json::to_writer(&mut *out, &v).map_err(io::Error::from),
            None => {
                out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    fn place(out: &mut Vec<u8>, p: &Place) -> io::Result<()> {
        let Place {
            name,
            canonical,
            kind,
            country,
            admin1,
            lat,
            lon,
            aliases,
            mentions: ms,
        } = p;
        key(out, b"{\"name\":");
        string(out, name);
        if let Some(c) = canonical {
            key(out, b",\"canonical\":");
            string(out, c);
        }
        key(out, b",\"kind\":");
        string(out, kind);
        key(out, b",\"country\":");
        opt_string(out, country.as_ref());
        if let Some(a) = admin1 {
            key(out, b",\"admin1\":");
            string(out, a);
        }
        key(out, b",\"lat\":");
        float(out, *lat)?;
        key(out, b",\"lon\":");
        float(out, *lon)?;
        key(out, b",\"aliases\":");
        strings(out, aliases);
        mentions(out, ms);
        Ok(())
    }

    fn organisation(out: &mut Vec<u8>, o: &Organisation) {
        let Organisation {
            name,
            canonical,
            aliases,
            kind,
            country,
            mentions: ms,
        } = o;
        key(out, b"{\"name\":");
        string(out, name);
        if let Some(c) = canonical {
            key(out, b",\"canonical\":");
            string(out, c);
        }
        key(out, b",\"aliases\":");
        strings(out, aliases);
        if let Some(k) = kind {
            key(out, b",\"kind\":");
            string(out, k);
        }
        if let Some(c) = country {
            key(out, b",\"country\":");
            string(out, c);
        }
        mentions(out, ms);
    }

    fn date(out: &mut Vec<u8>, d: &DateExpr) {
        let DateExpr {
            text,
            start,
            end,
            kind,
            value,
            grain,
            r#mod,
            resolution,
            rule,
        } = d;
        key(out, b"{\"text\":");
        string(out, text);
        key(out, b",\"start\":");
        number(out, *start);
        key(out, b",\"end\":");
        number(out, *end);
        key(out, b",\"type\":");
        string(out, kind);
        key(out, b",\"value\":");
        string(out, value);
        if let Some(g) = grain {
            key(out, b",\"grain\":");
            string(out, g);
        }
        if let Some(m) = r#mod {
            key(out, b",\"mod\":");
            string(out, m);
        }
        let Resolution {
            method,
            direction,
            reason,
            anchor,
        } = resolution;
        key(out, b",\"resolution\":{\"method\":");
        string(out, method);
        for (name, v) in [
            (&b",\"direction\":"[..], direction),
            (b",\"reason\":", reason),
            (b",\"anchor\":", anchor),
        ] {
            if let Some(v) = v {
                key(out, name);
                string(out, v);
            }
        }
        out.push(b'}');
        if let Some(r) = rule {
            key(out, b",\"rule\":");
            string(out, r);
        }
        out.push(b'}');
    }

    /// Appends the compact JSON of `rec` (no newline).
    pub fn record(out: &mut Vec<u8>, rec: &Record) -> io::Result<()> {
        let Record {
            id,
            schema_version,
            date: reference,
            title,
            focus,
            people,
            places,
            organisations,
            dates,
            events,
            warnings,
        } = rec;
        key(out, b"{\"id\":");
        string(out, id);
        key(out, b",\"schema_version\":");
        string(out, schema_version);
        key(out, b",\"date\":");
        match reference {
            Some(ReferenceDate { value, source }) => {
                key(out, b"{\"value\":");
                string(out, value);
                key(out, b",\"source\":");
                string(out, source);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        if let Some(t) = title {
            key(out, b",\"title\":");
            string(out, t);
        }
        if let Some(Focus { country, place }) = focus {
            key(out, b",\"focus\":{\"country\":");
            opt_string(out, country.as_ref());
            key(out, b",\"place\":");
            opt_string(out, place.as_ref());
            out.push(b'}');
        }
        if let Some(people) = people {
            key(out, b",\"people\":");
            list_of(out, people, person);
        }
        if let Some(places) = places {
            key(out, b",\"places\":");
            out.push(b'[');
            for (i, p) in places.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                place(out, p)?;
            }
            out.push(b']');
        }
        if let Some(orgs) = organisations {
            key(out, b",\"organisations\":");
            list_of(out, orgs, organisation);
        }
        if let Some(dates) = dates {
            key(out, b",\"dates\":");
            list_of(out, dates, date);
        }
        if let Some(events) = events {
            key(out, b",\"events\":");
            serde_json::to_writer(&mut *out, events).map_err(io::Error::from)?;
        }
        if !warnings.is_empty() {
            key(out, b",\"warnings\":");
            strings(out, warnings);
        }
        out.push(b'}');
        Ok(())
    }
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
    fn escape_test_finds_every_byte_to_escape() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut c = *b"abcdefgh";
                c[at] = b;
                let want = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(json::needs_escape(c), want, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn json_lines_are_what_serde_json_writes() {
        let mut texts: Vec<String> = std::fs::read_dir("fixtures/articles")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
            .collect();
        texts.push(
            "Quotes \" and \\ and\ttabs\u{1}\u{1f}\u{7f} é ’ in Paris, John Smith said.".into(),
        );
        let explain = Extractor::new(crate::Options::default().with_explain(true));
        for (i, text) in texts.iter().enumerate() {
            for ex in [&Extractor::default(), &explain] {
                let mut rec = ex.extract(&Article::new("id \"\n", text).with_title(Some("T\u{8}")));
                if i == 0 {
                    rec.warnings.push("w\u{c}".into());
                }
                let mut ours = Vec::new();
                write_record(&mut ours, &rec, Format::JsonLines).unwrap();
                let mut theirs = serde_json::to_vec(&rec).unwrap();
                theirs.push(b'\n');
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    String::from_utf8(theirs).unwrap()
                );
            }
        }
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
