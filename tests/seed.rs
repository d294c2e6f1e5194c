//! The seed article (`fixtures/articles/conflict-iraq-isis-commander.txt`, reference date
//! 2025-03-14) must yield what a reader finds in it, section by section.

mod common;

use newsie::Record;

fn seed() -> Record {
    let path = common::articles_dir().join("conflict-iraq-isis-commander.txt");
    common::extract_fixture(&path).1
}

#[test]
fn seed_people() {
    let rec = seed();
    let people = rec.people.unwrap();
    let sudani = people
        .iter()
        .find(|p| p.name == "Mohammed Shia al-Sudani")
        .expect("al-Sudani is a person");
    assert_eq!(sudani.titles, ["Prime Minister"]);
    let mazroui = people
        .iter()
        .find(|p| p.name == "Jassim al-Mazroui")
        .expect("al-Mazroui is a person");
    assert!(
        mazroui.aliases.iter().any(|a| a == "Abu Abdul Qader"),
        "{:?}",
        mazroui.aliases
    );
    // Every "al-Mazroui" / "Al-Mazroui" is a mention of him, not a person of its own.
    assert!(mazroui.mentions.len() >= 3, "{:?}", mazroui.mentions);
    assert!(!people.iter().any(|p| p.name == "Abu Abdul Qader"));
}

#[test]
fn seed_places() {
    let rec = seed();
    let names: Vec<String> = rec.places.unwrap().into_iter().map(|p| p.name).collect();
    for want in [
        "Iraq",
        "Hamrin Mountains",
        "Salahuddin province",
        "Middle East",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
}

#[test]
fn seed_organisations() {
    let rec = seed();
    let orgs = rec.organisations.unwrap();
    let is = orgs
        .iter()
        .find(|o| o.name == "Islamic State")
        .expect("Islamic State is an organisation");
    assert_eq!(is.aliases, ["ISIS"]);
    for want in ["Hezbollah", "Hamas"] {
        assert!(orgs.iter().any(|o| o.name == want), "{want} missing");
    }
}

#[test]
fn seed_dates() {
    let rec = seed();
    let dates = rec.dates.unwrap();
    let find = |t: &str| dates.iter().find(|d| d.text == t).map(|d| d.value.as_str());
    // 2025-03-14 is a Friday: "announced on Tuesday" is the Tuesday before.
    assert_eq!(find("Tuesday"), Some("2025-03-11"));
    assert_eq!(find("2017"), Some("2017"));
    assert_eq!(find("2025"), Some("2025"));
}

#[test]
fn seed_events() {
    let rec = seed();
    let events = rec.events.unwrap();
    let killing = events
        .iter()
        .find(|e| e.kind == "killing")
        .expect("a killing event");
    assert!(
        killing.places.iter().any(|p| p == "Hamrin Mountains"),
        "{:?}",
        killing.places
    );
}
