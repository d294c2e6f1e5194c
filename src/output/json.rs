//! Compact JSON for records, written straight into a byte buffer.
//!
//! The bytes are exactly those of `serde_json::to_writer` over the record's `Serialize`
//! derive: fields in declaration order, the same fields skipped when empty or absent, strings
//! escaped as serde_json escapes them, integers in decimal, and numbers with a fraction
//! formatted by serde_json itself. Each record type is taken apart field by field with no `..`,
//! so a field added to `record.rs` does not compile until it is written here; the tests in
//! `tests/output_json.rs` compare both writers byte for byte.

use crate::record::{
    DateExpr, ErrorRecord, Event, Focus, Mention, Organisation, Person, Place, Record,
    ReferenceDate, Resolution, SpanRef, Trigger,
};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Appends `rec` as one compact JSON object (no newline).
pub fn record(out: &mut Vec<u8>, rec: &Record) {
    let Record {
        id,
        schema_version,
        date,
        title,
        focus,
        people,
        places,
        organisations,
        dates,
        events,
        warnings,
    } = rec;
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"schema_version\":");
    string(out, schema_version);
    out.extend_from_slice(b",\"date\":");
    match date {
        Some(d) => reference_date(out, d),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(title) = title {
        out.extend_from_slice(b",\"title\":");
        string(out, title);
    }
    if let Some(f) = focus {
        out.extend_from_slice(b",\"focus\":");
        self::focus(out, f);
    }
    if let Some(people) = people {
        out.extend_from_slice(b",\"people\":");
        list(out, people, person);
    }
    if let Some(places) = places {
        out.extend_from_slice(b",\"places\":");
        list(out, places, place);
    }
    if let Some(organisations) = organisations {
        out.extend_from_slice(b",\"organisations\":");
        list(out, organisations, organisation);
    }
    if let Some(dates) = dates {
        out.extend_from_slice(b",\"dates\":");
        list(out, dates, date_expr);
    }
    if let Some(events) = events {
        out.extend_from_slice(b",\"events\":");
        list(out, events, event);
    }
    if !warnings.is_empty() {
        out.extend_from_slice(b",\"warnings\":");
        strings(out, warnings);
    }
    out.push(b'}');
}

/// Appends `rec` as one compact JSON object (no newline).
pub fn error_record(out: &mut Vec<u8>, rec: &ErrorRecord) {
    let ErrorRecord { id, error } = rec;
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"error\":");
    string(out, error);
    out.push(b'}');
}

fn reference_date(out: &mut Vec<u8>, d: &ReferenceDate) {
    let ReferenceDate { value, source } = d;
    out.extend_from_slice(b"{\"value\":");
    string(out, value);
    out.extend_from_slice(b",\"source\":");
    string(out, source);
    out.push(b'}');
}

fn focus(out: &mut Vec<u8>, f: &Focus) {
    let Focus { country, place } = f;
    out.extend_from_slice(b"{\"country\":");
    string_or_null(out, country);
    out.extend_from_slice(b",\"place\":");
    string_or_null(out, place);
    out.push(b'}');
}

fn mention(out: &mut Vec<u8>, m: &Mention) {
    let Mention {
        text,
        start,
        end,
        rule,
    } = m;
    out.extend_from_slice(b"{\"text\":");
    string(out, text);
    out.extend_from_slice(b",\"start\":");
    uint(out, *start as u64);
    out.extend_from_slice(b",\"end\":");
    uint(out, *end as u64);
    optional(out, b",\"rule\":", rule);
    out.push(b'}');
}

fn person(out: &mut Vec<u8>, p: &Person) {
    let Person {
        name,
        titles,
        aliases,
        country,
        mentions,
    } = p;
    out.extend_from_slice(b"{\"name\":");
    string(out, name);
    out.extend_from_slice(b",\"titles\":");
    strings(out, titles);
    out.extend_from_slice(b",\"aliases\":");
    strings(out, aliases);
    optional(out, b",\"country\":", country);
    out.extend_from_slice(b",\"mentions\":");
    list(out, mentions, mention);
    out.push(b'}');
}

fn place(out: &mut Vec<u8>, p: &Place) {
    let Place {
        name,
        canonical,
        kind,
        country,
        admin1,
        lat,
        lon,
        aliases,
        mentions,
    } = p;
    out.extend_from_slice(b"{\"name\":");
    string(out, name);
    optional(out, b",\"canonical\":", canonical);
    out.extend_from_slice(b",\"kind\":");
    string(out, kind);
    out.extend_from_slice(b",\"country\":");
    string_or_null(out, country);
    optional(out, b",\"admin1\":", admin1);
    out.extend_from_slice(b",\"lat\":");
    float(out, lat);
    out.extend_from_slice(b",\"lon\":");
    float(out, lon);
    out.extend_from_slice(b",\"aliases\":");
    strings(out, aliases);
    out.extend_from_slice(b",\"mentions\":");
    list(out, mentions, mention);
    out.push(b'}');
}

fn organisation(out: &mut Vec<u8>, o: &Organisation) {
    let Organisation {
        name,
        canonical,
        aliases,
        kind,
        country,
        mentions,
    } = o;
    out.extend_from_slice(b"{\"name\":");
    string(out, name);
    optional(out, b",\"canonical\":", canonical);
    out.extend_from_slice(b",\"aliases\":");
    strings(out, aliases);
    optional(out, b",\"kind\":", kind);
    optional(out, b",\"country\":", country);
    out.extend_from_slice(b",\"mentions\":");
    list(out, mentions, mention);
    out.push(b'}');
}

fn date_expr(out: &mut Vec<u8>, d: &DateExpr) {
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
    out.extend_from_slice(b"{\"text\":");
    string(out, text);
    out.extend_from_slice(b",\"start\":");
    uint(out, *start as u64);
    out.extend_from_slice(b",\"end\":");
    uint(out, *end as u64);
    out.extend_from_slice(b",\"type\":");
    string(out, kind);
    out.extend_from_slice(b",\"value\":");
    string(out, value);
    optional(out, b",\"grain\":", grain);
    optional(out, b",\"mod\":", r#mod);
    out.extend_from_slice(b",\"resolution\":");
    self::resolution(out, resolution);
    optional(out, b",\"rule\":", rule);
    out.push(b'}');
}

fn resolution(out: &mut Vec<u8>, r: &Resolution) {
    let Resolution {
        method,
        direction,
        reason,
        anchor,
    } = r;
    out.extend_from_slice(b"{\"method\":");
    string(out, method);
    optional(out, b",\"direction\":", direction);
    optional(out, b",\"reason\":", reason);
    optional(out, b",\"anchor\":", anchor);
    out.push(b'}');
}

fn event(out: &mut Vec<u8>, e: &Event) {
    let Event {
        kind,
        trigger,
        sentence,
        date,
        date_source,
        date_precision,
        places,
        place_source,
        place_precision,
        agents,
        targets,
        count,
        negated,
        hedged,
    } = e;
    out.extend_from_slice(b"{\"type\":");
    string(out, kind);
    out.extend_from_slice(b",\"trigger\":");
    self::trigger(out, trigger);
    out.extend_from_slice(b",\"sentence\":");
    span_ref(out, sentence);
    out.extend_from_slice(b",\"date\":");
    string_or_null(out, date);
    out.extend_from_slice(b",\"date_source\":");
    string(out, date_source);
    optional(out, b",\"date_precision\":", date_precision);
    out.extend_from_slice(b",\"places\":");
    strings(out, places);
    out.extend_from_slice(b",\"place_source\":");
    string(out, place_source);
    optional(out, b",\"place_precision\":", place_precision);
    out.extend_from_slice(b",\"agents\":");
    strings(out, agents);
    out.extend_from_slice(b",\"targets\":");
    strings(out, targets);
    if !count.is_empty() {
        out.extend_from_slice(b",\"count\":");
        counts(out, count);
    }
    out.extend_from_slice(b",\"negated\":");
    boolean(out, *negated);
    out.extend_from_slice(b",\"hedged\":");
    boolean(out, *hedged);
    out.push(b'}');
}

fn trigger(out: &mut Vec<u8>, t: &Trigger) {
    let Trigger { text, start, end } = t;
    out.extend_from_slice(b"{\"text\":");
    string(out, text);
    out.extend_from_slice(b",\"start\":");
    uint(out, *start as u64);
    out.extend_from_slice(b",\"end\":");
    uint(out, *end as u64);
    out.push(b'}');
}

fn span_ref(out: &mut Vec<u8>, s: &SpanRef) {
    let SpanRef { start, end } = s;
    out.extend_from_slice(b"{\"start\":");
    uint(out, *start as u64);
    out.extend_from_slice(b",\"end\":");
    uint(out, *end as u64);
    out.push(b'}');
}

fn counts(out: &mut Vec<u8>, count: &BTreeMap<Cow<'static, str>, u64>) {
    out.push(b'{');
    for (i, (what, n)) in count.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, what);
        out.push(b':');
        uint(out, *n);
    }
    out.push(b'}');
}

/// Appends the items of `items`, each written by `item`, as a JSON array.
fn list<T>(out: &mut Vec<u8>, items: &[T], item: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

fn strings(out: &mut Vec<u8>, items: &[String]) {
    list(out, items, |out, s| string(out, s));
}

/// Appends `key` and the value when there is one (a field skipped when absent).
fn optional(out: &mut Vec<u8>, key: &[u8], value: &Option<impl AsRef<str>>) {
    if let Some(v) = value {
        out.extend_from_slice(key);
        string(out, v.as_ref());
    }
}

fn string_or_null(out: &mut Vec<u8>, value: &Option<impl AsRef<str>>) {
    match value {
        Some(v) => string(out, v.as_ref()),
        None => out.extend_from_slice(b"null"),
    }
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// Appends `n` in decimal.
fn uint(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends a coordinate as serde_json writes it (its shortest round-trip form; null when
/// absent, NaN or infinite).
fn float(out: &mut Vec<u8>, value: &Option<f64>) {
    serde_json::to_writer(&mut *out, value).expect("writing to a Vec cannot fail");
}

/// What each byte is escaped as after a backslash: `u` for `\u00XX`, 0 for not escaped.
/// serde_json escapes `"`, `\` and the control characters below 0x20, and nothing else.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `s` as a quoted JSON string.
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    // Most strings are 4 to 16 bytes: two overlapping words hold them, and are tested and
    // copied with no loop and no call.
    if (8..=16).contains(&n) {
        let (head, tail) = (word(&bytes[..8]), word(&bytes[n - 8..]));
        if !word_needs_escape(head) && !word_needs_escape(tail) {
            let mut quoted = [b'"'; 18];
            quoted[1..9].copy_from_slice(&head.to_le_bytes());
            quoted[n - 7..=n].copy_from_slice(&tail.to_le_bytes());
            return push_first(out, &quoted, n + 2);
        }
    } else if (4..8).contains(&n) {
        let (head, tail) = (half(&bytes[..4]), half(&bytes[n - 4..]));
        if !word_needs_escape(u64::from(head) | u64::from(tail) << 32) {
            let mut quoted = [b'"'; 9];
            quoted[1..5].copy_from_slice(&head.to_le_bytes());
            quoted[n - 3..=n].copy_from_slice(&tail.to_le_bytes());
            return push_first(out, &quoted, n + 2);
        }
    }
    any_string(out, bytes);
}

/// Appends `bytes` as a quoted JSON string, of any length and escaped when needed.
#[inline(never)]
fn any_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if needs_escape(bytes) {
        escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// Appends the first `len` bytes of the small buffer `bytes`: all of it (a copy of fixed
/// length, with no call), then cut back.
fn push_first(out: &mut Vec<u8>, bytes: &[u8], len: usize) {
    let end = out.len() + len;
    out.extend_from_slice(bytes);
    out.truncate(end);
}

/// Appends `bytes` escaped: runs that need no escape are copied whole.
#[cold]
#[inline(never)]
fn escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// True when a byte of `bytes` is escaped, tested eight bytes at a time in strings that long.
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        return bytes.iter().any(|&b| ESCAPE[usize::from(b)] != 0);
    }
    // The last eight bytes overlap the chunks: no byte-by-byte tail.
    bytes.chunks_exact(8).any(|c| word_needs_escape(word(c)))
        || word_needs_escape(word(&bytes[n - 8..]))
}

fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("eight bytes"))
}

fn half(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().expect("four bytes"))
}

/// True when a byte of `w` is below 0x20, `"` or `\` (the exact byte-in-word tests: a byte
/// below n sets its top bit in `(w - n per byte) & !w`, and equal bytes xor to zero).
fn word_needs_escape(w: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let q = w ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let b = w ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b;
    (below_space | quote | backslash) & (ONES << 7) != 0
}
