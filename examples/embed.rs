//! Embedding newsie in a Rust program: extract records from texts held in memory, read the
//! fields you need, and share one `Extractor` across threads.
//!
//! Run: `cargo run --example embed` (or pipe your own text: `cargo run --example embed < a.txt`).

use newsie::{Article, Extractor, Options, Section};
use std::io::{IsTerminal, Read};

fn main() {
    let text = if std::io::stdin().is_terminal() {
        "BAGHDAD, March 14 (Reuters) - Iraqi Prime Minister Mohammed Shia al-Sudani announced on \
         Tuesday that Iraqi forces had killed the Islamic State (ISIS) commander for Iraq in the \
         Hamrin Mountains. He will visit Washington next week."
            .to_string()
    } else {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("embed: reading standard input: {e}");
            std::process::exit(1);
        }
        s
    };

    // One extractor, built once: options are fixed, patterns and gazetteers are shared.
    let options = Options::default()
        .with_date("2025-03-14")
        .expect("a valid date")
        .with_sections(&Section::ALL);
    let extractor = Extractor::new(options);

    let record = extractor.extract(&Article::new("example", &text));

    for person in record.people.iter().flatten() {
        println!(
            "person: {} {:?} ({} mentions)",
            person.name,
            person.titles,
            person.mentions.len()
        );
    }
    for place in record.places.iter().flatten() {
        println!(
            "place:  {} [{}] {:?}",
            place.name, place.kind, place.country
        );
    }
    for org in record.organisations.iter().flatten() {
        println!("org:    {} {:?}", org.name, org.aliases);
    }
    for date in record.dates.iter().flatten() {
        println!(
            "date:   {:?} -> {} ({})",
            date.text, date.value, date.resolution.method
        );
    }
    if let Some(main) = record.events.iter().flatten().next() {
        println!(
            "main event: {} {:?} on {:?} in {:?}",
            main.kind, main.trigger.text, main.date, main.places
        );
    }

    // The extractor is Send + Sync: process many texts on several threads, keep their order.
    let texts = [
        "Floods hit Dhaka on Monday.",
        "Apple Inc. said on Friday it would buy a startup.",
    ];
    let records: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let extractor = &extractor;
                s.spawn(move || {
                    let rec = extractor.extract(&Article::new(&format!("text-{i}"), t));
                    serde_json::to_string(&rec).expect("records serialise")
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    for json in records {
        println!("{json}");
    }
}
