//! The compact JSON writer gives, byte for byte, what `serde_json::to_writer` gives over the
//! record's `Serialize` derive: on every fixture article's record (plain, and with `--explain`
//! rules and a title), and on generated records and error records whose strings hold quotes,
//! backslashes, control characters and non-ASCII text, with every optional field present or
//! absent and every kind of float (NaN and infinities included).
//!
//! `PROPTEST_CASES=N` sets the number of cases per property (default 256).

mod common;

use newsie::output::{self, Format};
use newsie::record::ErrorRecord;
use newsie::{Article, Extractor, Options, Record};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// serde_json's compact line for `value`.
fn serde_line<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut line = Vec::new();
    serde_json::to_writer(&mut line, value).expect("serialises");
    line.push(b'\n');
    line
}

fn assert_same_record(rec: &Record) {
    let want = serde_line(rec);
    let mut got = Vec::new();
    output::write_record(&mut got, rec, Format::JsonLines).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(&want),
        "{}",
        rec.id
    );
    assert_eq!(got, want, "{}", rec.id);
    let mut pushed = b"earlier line\n".to_vec();
    output::push_record(&mut pushed, rec, Format::JsonLines);
    assert_eq!(&pushed[13..], &want[..], "{}", rec.id);
}

fn assert_same_error(rec: &ErrorRecord) {
    let mut got = Vec::new();
    output::write_error(&mut got, rec, Format::JsonLines).unwrap();
    assert_eq!(got, serde_line(rec));
}

#[test]
fn fixture_records_are_written_as_serde_json_writes_them() {
    let mut n = 0;
    for entry in std::fs::read_dir(common::articles_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let (text, rec) = common::extract_fixture(&path);
        assert_same_record(&rec);
        // With the rules and a title, every optional field a record can have is exercised.
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let opts = Options::default()
            .with_date(&common::fixture_date(&name))
            .unwrap()
            .with_explain(true);
        let title = text.lines().next();
        let mut rec = Extractor::new(opts)
            .extract(&Article::new(&format!("fixtures/articles/{name}"), &text).with_title(title));
        rec.warnings.push(format!("a \"warning\" about {name}\n"));
        assert_same_record(&rec);
        n += 1;
    }
    assert!(n >= 40, "expected the fixture articles, found {n}");
}

#[test]
fn every_escape_is_written_as_serde_json_writes_it() {
    // Each byte that can be escaped, alone and at every position of strings of every length
    // the writer tells apart (short, one word, two words, longer).
    let specials: Vec<char> = (0u8..0x20)
        .map(char::from)
        .chain(['"', '\\', '/', '\u{7f}', 'é', '\u{2028}', '😀'])
        .collect();
    for c in specials {
        for len in 0..40 {
            for at in 0..=len {
                let mut s: String = "abcdefghij".chars().cycle().take(len).collect();
                s.insert(at, c);
                assert_same_error(&ErrorRecord::new(s.clone(), s));
            }
        }
    }
}

/// Strings that are plain, that hold characters to escape, or that are anything at all.
fn text() -> impl Strategy<Value = String> {
    const CHARS: &[char] = &[
        'a', 'Z', ' ', '-', '"', '\\', '/', '\n', '\r', '\t', '\u{0}', '\u{8}', '\u{c}', '\u{1b}',
        '\u{1f}', '\u{7f}', 'é', '日', '😀', '\u{2028}',
    ];
    prop_oneof![
        prop::collection::vec(prop::sample::select(CHARS), 0..40)
            .prop_map(|cs| cs.into_iter().collect()),
        "[a-zA-Z0-9 .,'-]{0,40}",
        // One character to escape, anywhere in a plain string.
        (
            "[a-z ]{0,30}",
            prop::sample::select(CHARS),
            any::<prop::sample::Index>()
        )
            .prop_map(|(plain, c, at): (String, char, prop::sample::Index)| {
                let mut s = plain;
                s.insert(at.index(s.len() + 1), c);
                s
            }),
        any::<String>(),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..3)
}

fn offset() -> impl Strategy<Value = usize> {
    prop_oneof![0usize..10_000, any::<usize>()]
}

fn mention() -> impl Strategy<Value = Value> {
    (text(), offset(), offset(), opt_text()).prop_map(
        |(text, start, end, rule)| json!({"text": text, "start": start, "end": end, "rule": rule}),
    )
}

fn mentions() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(mention(), 0..3)
}

fn person() -> impl Strategy<Value = Value> {
    (text(), texts(), texts(), opt_text(), mentions()).prop_map(
        |(name, titles, aliases, country, mentions)| {
            json!({"name": name, "titles": titles, "aliases": aliases, "country": country,
                   "mentions": mentions})
        },
    )
}

/// A place, its coordinates set after reading (JSON has no NaN or infinity).
fn place() -> impl Strategy<Value = Value> {
    (
        text(),
        opt_text(),
        text(),
        opt_text(),
        opt_text(),
        texts(),
        mentions(),
    )
        .prop_map(
            |(name, canonical, kind, country, admin1, aliases, mentions)| {
                json!({"name": name, "canonical": canonical, "kind": kind, "country": country,
                   "admin1": admin1, "lat": null, "lon": null, "aliases": aliases,
                   "mentions": mentions})
            },
        )
}

fn organisation() -> impl Strategy<Value = Value> {
    (
        text(),
        opt_text(),
        texts(),
        opt_text(),
        opt_text(),
        mentions(),
    )
        .prop_map(|(name, canonical, aliases, kind, country, mentions)| {
            json!({"name": name, "canonical": canonical, "aliases": aliases, "kind": kind,
                   "country": country, "mentions": mentions})
        })
}

fn date_expr() -> impl Strategy<Value = Value> {
    let resolution = (text(), opt_text(), opt_text(), opt_text()).prop_map(
        |(method, direction, reason, anchor)| {
            json!({"method": method, "direction": direction, "reason": reason, "anchor": anchor})
        },
    );
    (
        (text(), offset(), offset(), text(), text()),
        (opt_text(), opt_text(), resolution, opt_text()),
    )
        .prop_map(
            |((text, start, end, kind, value), (grain, r#mod, resolution, rule))| {
                json!({"text": text, "start": start, "end": end, "type": kind, "value": value,
                   "grain": grain, "mod": r#mod, "resolution": resolution, "rule": rule})
            },
        )
}

fn event() -> impl Strategy<Value = Value> {
    (
        (text(), text(), offset(), offset(), offset(), offset()),
        (opt_text(), text(), opt_text(), texts(), text(), opt_text()),
        (
            texts(),
            texts(),
            prop::collection::btree_map(text(), any::<u64>(), 0..3),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (kind, trigger, t_start, t_end, s_start, s_end),
                (date, date_source, date_precision, places, place_source, place_precision),
                (agents, targets, count, negated, hedged),
            )| {
                json!({"type": kind,
                       "trigger": {"text": trigger, "start": t_start, "end": t_end},
                       "sentence": {"start": s_start, "end": s_end},
                       "date": date, "date_source": date_source, "date_precision": date_precision,
                       "places": places, "place_source": place_source,
                       "place_precision": place_precision, "agents": agents, "targets": targets,
                       "count": count, "negated": negated, "hedged": hedged})
            },
        )
}

fn list(item: impl Strategy<Value = Value>) -> impl Strategy<Value = Option<Vec<Value>>> {
    prop::option::of(prop::collection::vec(item, 0..3))
}

fn coordinate() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![
        any::<f64>(),
        -180.0..180.0f64,
        Just(0.0),
        Just(-0.0),
        Just(1e21),
        Just(1e-7),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::MIN_POSITIVE),
    ])
}

fn record() -> impl Strategy<Value = Record> {
    let date = prop::option::of((text(), text()))
        .prop_map(|d| d.map(|(value, source)| json!({"value": value, "source": source})));
    let focus = prop::option::of((opt_text(), opt_text()))
        .prop_map(|f| f.map(|(country, place)| json!({"country": country, "place": place})));
    (
        (text(), text(), date, opt_text(), focus),
        (
            list(person()),
            list(place()),
            list(organisation()),
            list(date_expr()),
            list(event()),
            texts(),
        ),
        prop::collection::vec((coordinate(), coordinate()), 3),
    )
        .prop_map(
            |(
                (id, schema_version, date, title, focus),
                (people, places, organisations, dates, events, warnings),
                coordinates,
            )| {
                let value = json!({"id": id, "schema_version": schema_version, "date": date,
                                   "title": title, "focus": focus, "people": people,
                                   "places": places, "organisations": organisations,
                                   "dates": dates, "events": events, "warnings": warnings});
                let mut rec: Record = serde_json::from_value(value).expect("a valid record");
                for (p, (lat, lon)) in rec.places.iter_mut().flatten().zip(coordinates) {
                    p.lat = lat;
                    p.lon = lon;
                }
                rec
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_records_are_written_as_serde_json_writes_them(rec in record()) {
        assert_same_record(&rec);
    }

    #[test]
    fn generated_strings_are_written_as_serde_json_writes_them(id in text(), error in text()) {
        assert_same_error(&ErrorRecord::new(id, error));
    }
}
