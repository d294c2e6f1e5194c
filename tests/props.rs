//! Property tests: any text, news-like word soup, and mutated fixture articles never panic; every
//! offset is valid and on a character boundary (`text[start:end]` in code points equals the
//! mention's text); the record serialises to JSON that the published schema accepts.
//!
//! `PROPTEST_CASES=N` sets the number of cases per property (default 64). The longer,
//! coverage-guided run is the cargo-fuzz target in fuzz/ (see fuzz/README.md).

mod common;

use newsie::{Article, Extractor, Options, Section};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::sync::OnceLock;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Extracts and checks everything a record promises.
fn check(text: &str, options: Options) {
    let rec = Extractor::new(options).extract(&Article::new("prop", text));
    common::assert_offsets(text, &rec);
    common::assert_schema(&rec);
    let json = serde_json::to_string(&rec).expect("serialises");
    let back: newsie::Record = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, rec);
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::option::of((1900i32..2100, 1u32..13, 1u32..29)),
        prop::sample::subsequence(Section::ALL.to_vec(), 1..=5),
    )
        .prop_map(|(date, sections)| {
            let mut o = Options::default().with_sections(&sections);
            if let Some((y, m, d)) = date {
                o = o
                    .with_date(&format!("{y:04}-{m:02}-{d:02}"))
                    .expect("valid date");
            }
            o
        })
}

/// Words and marks that news text is made of, so the rules get deep.
const WORDS: &[&str] = &[
    "John",
    "Smith",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Prime",
    "Minister",
    "President",
    "Gen.",
    "al-Sudani",
    "O'Brien",
    "McDonald",
    "Paris",
    "New",
    "York",
    "U.S.",
    "UK",
    "Iraq",
    "Baghdad",
    "the",
    "United",
    "Nations",
    "Islamic",
    "State",
    "ISIS",
    "(ISIS)",
    "Inc.",
    "Corp",
    "Ministry",
    "of",
    "Defence",
    "said",
    "killed",
    "arrested",
    "met",
    "visited",
    "announced",
    "on",
    "in",
    "at",
    "near",
    "last",
    "next",
    "week",
    "month",
    "year",
    "Monday",
    "Tuesday",
    "yesterday",
    "today",
    "tonight",
    "January",
    "Jan.",
    "March",
    "Sept.",
    "12",
    "2024",
    "1999",
    "3",
    "eight",
    "dozens",
    "10:30",
    "a.m.",
    "p.m.",
    "GMT",
    "Q3",
    "'90s",
    "1990s",
    "ago",
    "since",
    "until",
    "from",
    "to",
    "-",
    "—",
    ",",
    ".",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "(",
    ")",
    "?",
    "!",
    "...",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{feff}",
    "\u{200b}",
    "\u{a0}",
    "é",
    "José",
    "Zürich",
    "محمد",
    "שלום",
    "🔥",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "ǅ",
    "ß",
    "İstanbul",
    "ﬁ",
    "Ⅻ",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(&[" ", " ", " ", "", "  ", "\n"][..]),
        ),
        0..120,
    )
    .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

/// The fixture articles, read once.
fn articles() -> &'static [Vec<u8>] {
    static A: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    A.get_or_init(|| {
        let mut v: Vec<Vec<u8>> = std::fs::read_dir(common::articles_dir())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .map(|e| std::fs::read(e.path()).expect("fixture"))
            .collect();
        v.sort();
        if v.is_empty() {
            // Fixtures not present: mutate a built-in article instead.
            v.push(
                b"BAGHDAD, Oct 15 (Reuters) - Iraqi Prime Minister Mohammed Shia al-Sudani said on \
Tuesday that security forces killed eight senior Islamic State (ISIS) leaders in the Hamrin \
Mountains last week.\n"
                    .to_vec(),
            );
        }
        v
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
    FlipCase(usize, usize),
    Byte(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        (any::<usize>(), 1usize..400).prop_map(|(at, n)| Mutation::FlipCase(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
        (any::<usize>(), prop::sample::select(WORDS))
            .prop_map(|(at, w)| Mutation::Insert(at, w.as_bytes().to_vec())),
    ]
}

fn mutate(mut b: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let len = b.len().max(1);
        match m.clone() {
            Mutation::Insert(at, bytes) => {
                let at = at % (b.len() + 1);
                b.splice(at..at, bytes);
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(b.len());
                b.drain(at.min(end)..end);
            }
            Mutation::Duplicate(at, n) => {
                let at = at % len;
                let end = (at + n).min(b.len());
                let part = b[at.min(end)..end].to_vec();
                b.splice(end..end, part);
            }
            Mutation::FlipCase(at, n) => {
                let at = at % len;
                let end = (at + n).min(b.len());
                for c in &mut b[at.min(end)..end] {
                    if c.is_ascii_alphabetic() {
                        *c ^= 0x20;
                    }
                }
            }
            Mutation::Byte(at, v) => {
                if !b.is_empty() {
                    let at = at % b.len();
                    b[at] = v;
                }
            }
        }
    }
    b
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text(text in any::<String>(), options in options()) {
        check(&text, options);
    }

    #[test]
    fn news_word_soup(text in soup(), options in options()) {
        check(&text, options);
    }

    #[test]
    fn mutated_fixture_articles(
        which in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 1..12),
        options in options(),
    ) {
        let all = articles();
        let bytes = mutate(all[which.index(all.len())].clone(), &muts);
        check(&String::from_utf8_lossy(&bytes), options);
    }

    #[test]
    fn reference_dates_never_panic(s in "\\PC{0,24}") {
        let _ = newsie::extract::parse_date(&s);
        let _ = Options::default().with_date(&s);
    }
}

#[test]
fn degenerate_texts() {
    for text in [
        String::new(),
        " ".repeat(10_000),
        "\n".repeat(10_000),
        "\r".repeat(5_000),
        ".".repeat(20_000),
        "A".repeat(100_000),
        "Smith ".repeat(5_000),
        "The U.S. ".repeat(3_000),
        "on Tuesday ".repeat(3_000),
        "\u{feff}".repeat(100),
        "e\u{301}".repeat(10_000),
        "🔥".repeat(10_000),
        "1".repeat(50_000),
    ] {
        check(&text, Options::default().with_date("2024-10-15").unwrap());
    }
}
