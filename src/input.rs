//! Inputs: which files to read, reading them safely, and JSON Lines parsing.
//!
//! Folders are walked recursively in sorted order, hidden entries skipped, `--glob` applied;
//! files are read up to `--max-bytes`, binary files refused, invalid UTF-8 replaced (with a
//! warning for the record). Does not extract or write anything.

use anyhow::{anyhow, bail, Result};
use serde::Deserialize;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// One input to process, in output order.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file named on the command line.
    File(PathBuf),
    /// A file found in a folder: the folder given, and the path under it.
    InDir { root: PathBuf, path: PathBuf },
    /// A folder entry that could not be read (reported in order, as a failure).
    Broken { id: String, error: String },
}

impl Source {
    /// The record id: the path as given, or "-".
    pub fn id(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) | Source::InDir { path: p, .. } => p.display().to_string(),
            Source::Broken { id, .. } => id.clone(),
        }
    }
}

/// True for names starting with a dot (but not "." and "..").
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let s = name.to_string_lossy();
    s.starts_with('.') && s != "." && s != ".."
}

/// Expands the command-line paths into sources, in order.
pub fn sources(paths: &[PathBuf], glob: Option<&globset::GlobSet>) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            walk(p, glob, &mut out);
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    out
}

fn walk(root: &Path, glob: Option<&globset::GlobSet>, out: &mut Vec<Source>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) => {
                // Folders are walked into; FIFOs, sockets and devices are listed so that they
                // are skipped with a notice rather than silently (or read forever).
                if e.file_type().is_dir() {
                    continue;
                }
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                if let Some(g) = glob {
                    if !g.is_match(rel) && !g.is_match(e.file_name()) {
                        continue;
                    }
                }
                out.push(Source::InDir {
                    root: root.to_path_buf(),
                    path: e.into_path(),
                });
            }
            Err(err) => {
                let id = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let msg = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    err.io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string())
                };
                out.push(Source::Broken { id, error: msg });
            }
        }
    }
}

/// A text read from an input, with warnings about its decoding.
#[derive(Debug)]
pub struct Text {
    /// The text (invalid UTF-8 replaced by U+FFFD).
    pub text: String,
    /// Problems that did not stop reading.
    pub warnings: Vec<String>,
}

/// Why an input was not read.
#[derive(Debug)]
pub enum Refusal {
    /// A binary or non-regular file found in a folder: skipped with a notice, not a failure.
    Skip(&'static str),
    /// A failure to report.
    Error(anyhow::Error),
}

/// Reads at most `max` bytes from `r`; more is an error.
pub fn read_limited(r: impl Read, max: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(max + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        bail!("larger than --max-bytes ({max} bytes)");
    }
    Ok(buf)
}

/// Decodes bytes as UTF-8, replacing invalid sequences and saying so.
pub fn decode(bytes: Vec<u8>) -> Text {
    match String::from_utf8(bytes) {
        Ok(text) => Text {
            text,
            warnings: Vec::new(),
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Text {
                text,
                warnings: vec![format!(
                    "invalid UTF-8 replaced with U+FFFD (first at byte {at}); offsets are into the replaced text"
                )],
            }
        }
    }
}

/// Reads one file source.
pub fn read_source(src: &Source, max: u64) -> Result<Text, Refusal> {
    let (path, in_dir) = match src {
        Source::File(p) => (p, false),
        Source::InDir { path, .. } => (path, true),
        Source::Stdin => {
            let bytes = read_limited(std::io::stdin().lock(), max).map_err(Refusal::Error)?;
            return check_binary(bytes, false);
        }
        Source::Broken { error, .. } => return Err(Refusal::Error(anyhow!("{error}"))),
    };
    let meta = std::fs::metadata(path).map_err(|e| Refusal::Error(e.into()))?;
    if meta.is_dir() {
        return Err(Refusal::Error(anyhow!("is a folder")));
    }
    if !meta.is_file() && in_dir {
        // Never open a FIFO or device found in a folder: opening a FIFO blocks.
        return Err(Refusal::Skip("not a regular file"));
    }
    if meta.is_file() && meta.len() > max {
        return Err(Refusal::Error(anyhow!(
            "larger than --max-bytes ({} > {max} bytes)",
            meta.len()
        )));
    }
    let f = std::fs::File::open(path).map_err(|e| Refusal::Error(e.into()))?;
    let bytes = read_limited(f, max).map_err(Refusal::Error)?;
    check_binary(bytes, in_dir)
}

fn check_binary(bytes: Vec<u8>, in_dir: bool) -> Result<Text, Refusal> {
    let head = &bytes[..bytes.len().min(8192)];
    if content_inspector::inspect(head).is_binary() {
        return Err(if in_dir {
            Refusal::Skip("binary file")
        } else {
            Refusal::Error(anyhow!("binary file (NUL bytes); not read"))
        });
    }
    Ok(decode(bytes))
}

/// One JSON Lines input object; unknown fields are ignored.
#[derive(Debug, Deserialize)]
pub struct JsonlInput {
    /// The article text.
    pub text: String,
    /// Its id (a string or a number).
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// Its reference date.
    #[serde(default)]
    pub date: Option<String>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
}

/// One line of JSON Lines input, as read.
#[derive(Debug)]
pub enum Line {
    /// A line's bytes (without the newline).
    Data(usize, Vec<u8>),
    /// A line longer than the limit (skipped to its end).
    TooLong(usize),
}

/// Reads JSON Lines lazily with a per-line size limit; blank lines are skipped.
pub struct Lines<R> {
    reader: R,
    number: usize,
    max: u64,
    failed: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, each at most `max` bytes.
    pub fn new(reader: R, max: u64) -> Lines<R> {
        Lines {
            reader,
            number: 0,
            max,
            failed: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = std::io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        // A read error ends the input: it is reported once, not retried forever.
        if self.failed {
            return None;
        }
        let item = self.read_next();
        self.failed = matches!(item, Some(Err(_)));
        item
    }
}

impl<R: BufRead> Lines<R> {
    fn read_next(&mut self) -> Option<std::io::Result<Line>> {
        loop {
            let mut buf = Vec::new();
            let n = match read_line(&mut self.reader, self.max + 1, &mut buf) {
                Ok(n) => n,
                Err(e) => return Some(Err(e)),
            };
            if n == 0 {
                return None;
            }
            self.number += 1;
            let ended = buf.last() == Some(&b'\n');
            if !ended && buf.len() as u64 > self.max {
                // Skip the rest of this line without keeping it.
                loop {
                    let (done, used) = match self.reader.fill_buf() {
                        Ok([]) => (true, 0),
                        Ok(b) => match memchr_newline(b) {
                            Some(i) => (true, i + 1),
                            None => (false, b.len()),
                        },
                        Err(e) => return Some(Err(e)),
                    };
                    self.reader.consume(used);
                    if done {
                        break;
                    }
                }
                return Some(Ok(Line::TooLong(self.number)));
            }
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(Ok(Line::Data(self.number, buf)));
        }
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

/// Appends to `buf` the bytes of `reader` up to and including the next newline, reading at
/// most `limit` bytes; returns how many it read (0 at the end of the input). What
/// `reader.take(limit).read_until(b'\n', buf)` does, with the newline found by `memchr` and
/// `buf` grown once for a line that lies whole in the reader's buffer.
fn read_line(reader: &mut impl BufRead, limit: u64, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let left = usize::try_from(limit - read as u64).unwrap_or(usize::MAX);
        if left == 0 {
            return Ok(read);
        }
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let available = &available[..available.len().min(left)];
        if available.is_empty() {
            return Ok(read);
        }
        let (used, done) = match memchr_newline(available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        buf.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// A JSON line that could not be used, with the line's `id` when it had a readable one.
#[derive(Debug)]
pub struct BadLine {
    /// The line's `id`, when the line is an object with one.
    pub id: Option<String>,
    /// What is wrong.
    pub error: anyhow::Error,
}

/// The record id of a JSON `id` value: a string as is, anything else as JSON text.
pub fn id_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    }
}

/// A JSON line read straight into `JsonlInput`, with no `serde_json::Value` of the whole line
/// in between: the usual case, a valid object. Unknown fields are still read as values (and
/// checked as the full reading checks them); a key repeated keeps its last value, as in a
/// `Value`. Any error makes `parse_line` read the line again the full way, which words it.
struct Direct(JsonlInput);

impl<'de> Deserialize<'de> for Direct {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Direct, D::Error> {
        d.deserialize_map(DirectVisitor)
    }
}

struct DirectVisitor;

impl<'de> serde::de::Visitor<'de> for DirectVisitor {
    type Value = Direct;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object with a text")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Direct, A::Error> {
        let (mut text, mut id, mut date, mut title) = (None, None, None, None);
        // Borrowed keys: a key with escapes is an error here, and so read the full way.
        while let Some(key) = map.next_key::<&'de str>()? {
            match key {
                "text" => text = Some(map.next_value::<String>()?),
                "id" => id = map.next_value::<Option<serde_json::Value>>()?,
                "date" => date = map.next_value::<Option<String>>()?,
                "title" => title = map.next_value::<Option<String>>()?,
                _ => {
                    map.next_value::<serde_json::Value>()?;
                }
            }
        }
        let text = text.ok_or_else(|| serde::de::Error::missing_field("text"))?;
        Ok(Direct(JsonlInput {
            text,
            id,
            date,
            title,
        }))
    }
}

/// Parses one JSON line.
pub fn parse_line(bytes: &[u8]) -> Result<(JsonlInput, Vec<String>), BadLine> {
    if let Ok(Direct(input)) = std::str::from_utf8(bytes)
        .map_err(|_| ())
        .and_then(|s| serde_json::from_str::<Direct>(s).map_err(|_| ()))
    {
        return Ok((input, Vec::new()));
    }
    parse_line_full(bytes)
}

/// Parses one JSON line through a `serde_json::Value`: invalid UTF-8 replaced (with a
/// warning), and every error worded.
fn parse_line_full(bytes: &[u8]) -> Result<(JsonlInput, Vec<String>), BadLine> {
    let bad = |id, error| BadLine { id, error };
    let t = decode(bytes.to_vec());
    let v: serde_json::Value =
        serde_json::from_str(&t.text).map_err(|e| bad(None, anyhow!("invalid JSON: {e}")))?;
    let Some(obj) = v.as_object() else {
        let what = match v {
            serde_json::Value::Array(_) => "an array",
            serde_json::Value::String(_) => "a string",
            serde_json::Value::Number(_) => "a number",
            serde_json::Value::Bool(_) => "a boolean",
            _ => "null",
        };
        return Err(bad(None, anyhow!("not a JSON object but {what}")));
    };
    let id = obj.get("id").and_then(id_text);
    let input: JsonlInput = serde_json::from_value(v).map_err(|e| bad(id, anyhow!("{e}")))?;
    Ok((input, t.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_line_reads_what_read_until_reads() {
        let texts: [&[u8]; 6] = [
            b"",
            b"\n",
            b"one\ntwo\n\nthree",
            b"a long line with no newline at all",
            b"x\r\ny\n",
            b"\n\n\nabc\ndefghijkl\n",
        ];
        for text in texts {
            for capacity in [1, 2, 3, 7, 64] {
                for limit in [1, 2, 4, 9, 100] {
                    let mut ours = std::io::BufReader::with_capacity(capacity, text);
                    let mut std = std::io::BufReader::with_capacity(capacity, text);
                    loop {
                        let (mut a, mut b) = (Vec::new(), Vec::new());
                        let n = read_line(&mut ours, limit, &mut a).unwrap();
                        let m = (&mut std).take(limit).read_until(b'\n', &mut b).unwrap();
                        assert_eq!(
                            (n, &a),
                            (m, &b),
                            "{text:?} capacity {capacity} limit {limit}"
                        );
                        if n == 0 {
                            break;
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lines_skip_blank_and_cap_length() {
        let data = b"{\"text\":\"a\"}\n\n  \n0123456789abcdef\n{\"text\":\"b\"}";
        let got: Vec<_> = Lines::new(&data[..], 12).map(|l| l.unwrap()).collect();
        assert!(matches!(&got[0], Line::Data(1, b) if b == b"{\"text\":\"a\"}"));
        assert!(matches!(got[1], Line::TooLong(4)));
        assert!(matches!(&got[2], Line::Data(5, b) if b == b"{\"text\":\"b\"}"));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn direct_reading_agrees_with_the_full_one() {
        let lines: &[&str] = &[
            r#"{"text": "a", "id": 7, "date": "2024-10-15", "title": "T"}"#,
            r#"{"id": "x", "text": "a\nb \u00e9", "extra": {"deep": [1, 2.5, null]}}"#,
            r#"{"text": "first", "text": "last", "id": null}"#,
            r#"{"text": "a", "id": {"n": [1]}, "date": null, "title": null}"#,
            r#"{"text": 5, "text": "later"}"#,
            r#"{"t\u0065xt": "escaped key"}"#,
            r#"{"text": "a", "n": 1e400}"#,
            r#"{"text": "a"} x"#,
            r#"{"id": 3}"#,
        ];
        for line in lines {
            let full = parse_line_full(line.as_bytes());
            match serde_json::from_str::<Direct>(line) {
                Ok(Direct(d)) => {
                    let (f, warnings) = full.unwrap_or_else(|e| panic!("{line}: {:#}", e.error));
                    assert!(warnings.is_empty());
                    assert_eq!(
                        (&d.text, &d.id, &d.date, &d.title),
                        (&f.text, &f.id, &f.date, &f.title),
                        "{line}"
                    );
                }
                // The full reading decides, and words the error.
                Err(_) => {
                    let got = parse_line(line.as_bytes()).map(|(i, _)| i.text);
                    let want = full.map(|(i, _)| i.text);
                    assert_eq!(got.is_ok(), want.is_ok(), "{line}");
                }
            }
        }
    }

    #[test]
    fn parse_line_errors() {
        assert!(parse_line(b"[1,2]").is_err());
        assert!(parse_line(b"{\"id\": 3}").is_err());
        assert!(parse_line(b"{\"text\": \"x\", \"extra\": 1}").is_ok());
        assert!(parse_line(b"{\"text\": ").is_err());
    }
}
