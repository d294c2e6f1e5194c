//! Shared helpers for the integration tests: fixture articles with their reference dates, and
//! the offset and schema checks every record must pass.

#![allow(dead_code)]

use newsie::{Article, Extractor, Options, Record};
use std::path::{Path, PathBuf};

/// The reference date of the seed article, which has no publication date of its own
/// (a Friday; its "Tuesday" is then 2025-03-11).
pub const SEED_DATE: &str = "2025-03-14";

/// Folder of the fixture articles.
pub fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles")
}

/// The publication date of a fixture article, from `fixtures/articles/SOURCES.tsv`.
pub fn fixture_date(file_name: &str) -> String {
    let sources = std::fs::read_to_string(articles_dir().join("SOURCES.tsv")).expect("SOURCES.tsv");
    let mut lines = sources.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = header
        .iter()
        .position(|h| *h == "publication_date")
        .expect("publication_date column");
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == file_name {
            let d = f.get(col).copied().unwrap_or("");
            return if d.is_empty() {
                SEED_DATE.to_string()
            } else {
                d.to_string()
            };
        }
    }
    panic!("{file_name} is not listed in SOURCES.tsv");
}

/// Extracts a fixture article with its publication date as the reference date.
pub fn extract_fixture(path: &Path) -> (String, Record) {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let opts = Options::default().with_date(&fixture_date(&name)).unwrap();
    let rec =
        Extractor::new(opts).extract(&Article::new(&format!("fixtures/articles/{name}"), &text));
    (text, rec)
}

/// Asserts `chars(text)[start..end] == mention.text` for every span in the record.
pub fn assert_offsets(text: &str, rec: &Record) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let check = |what: &str, s: usize, e: usize, t: &str| {
        assert!(
            s <= e && e <= chars.len(),
            "{}: {what} {s}..{e} out of range",
            rec.id
        );
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, t, "{}: {what} {s}..{e}", rec.id);
    };
    let people = rec.people.iter().flatten().map(|p| &p.mentions);
    let places = rec.places.iter().flatten().map(|p| &p.mentions);
    let orgs = rec.organisations.iter().flatten().map(|p| &p.mentions);
    for m in people.chain(places).chain(orgs).flatten() {
        check("mention", m.start, m.end, &m.text);
    }
    for d in rec.dates.iter().flatten() {
        check("date", d.start, d.end, &d.text);
    }
    for e in rec.events.iter().flatten() {
        check("trigger", e.trigger.start, e.trigger.end, &e.trigger.text);
        assert!(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
        assert!(e.sentence.end <= chars.len());
    }
}

/// Asserts the record validates against the published JSON Schema.
pub fn assert_schema(rec: &Record) {
    use std::sync::OnceLock;
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    let v = VALIDATOR.get_or_init(|| {
        jsonschema::validator_for(&newsie::record::json_schema()).expect("the schema is valid")
    });
    let value = serde_json::to_value(rec).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}: schema errors: {errors:?}", rec.id);
}
