//! Fuzz target: any bytes, decoded as newsie decodes a file (invalid UTF-8 replaced), with
//! options chosen by the first byte, must give a record whose every offset is exact
//! (`text[start:end]` in code points == mention text) and which serialises to JSON.
//! Also feeds the text's start to the reference-date parser.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsie::{Article, Extractor, Options, Section};

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_first().map_or((0, data), |(h, b)| (*h, b));
    let text = String::from_utf8_lossy(body);
    let _ = newsie::extract::parse_date(&text.chars().take(24).collect::<String>());
    let mut options = Options::default();
    if head & 1 == 1 {
        options = options.with_date("2024-10-15").expect("valid date");
    }
    if head & 2 == 2 {
        let sections: Vec<Section> = Section::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| head >> 2 & (1 << i) != 0)
            .map(|(_, s)| s)
            .collect();
        options = options.with_sections(&sections);
    }
    let rec = Extractor::new(options).extract(&Article::new("fuzz", &text));

    let plain = newsie::extract::strip_bom(&text);
    let chars: Vec<char> = plain.chars().collect();
    let check = |s: usize, e: usize, t: &str| {
        assert!(s <= e && e <= chars.len(), "span {s}..{e} outside 0..{}", chars.len());
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, t, "span {s}..{e}");
    };
    let people = rec.people.iter().flatten().map(|p| &p.mentions);
    let places = rec.places.iter().flatten().map(|p| &p.mentions);
    let orgs = rec.organisations.iter().flatten().map(|o| &o.mentions);
    for m in people.chain(places).chain(orgs).flatten() {
        check(m.start, m.end, &m.text);
    }
    for d in rec.dates.iter().flatten() {
        check(d.start, d.end, &d.text);
    }
    for e in rec.events.iter().flatten() {
        check(e.trigger.start, e.trigger.end, &e.trigger.text);
        assert!(e.sentence.start <= e.sentence.end && e.sentence.end <= chars.len());
    }
    serde_json::to_vec(&rec).expect("record serialises");
});
