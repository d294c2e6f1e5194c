//! The seed article (conflict-iraq-isis-commander, reference date 2025-03-14, a Friday): the
//! main event, the counted killing in the second sentence and the announcement.
//! The text is a paraphrase written for this test, with the structure of the corpus article.

use newsie::record::Event;
use newsie::{Article, Extractor, Options};

const TEXT: &str = "Iraqi forces kill ISIS commander for Iraq in Hamrin Mountains

Iraqi Prime Minister Mohammed Shia al-Sudani announced on Tuesday that Iraqi forces had successfully killed the Islamic State (ISIS) commander for Iraq, Jassim al-Mazroui, in a military operation in the Hamrin Mountains, a stronghold for ISIS militants located in Salahuddin province in northeast Iraq. The operation, carried out by Iraq's counterterrorism forces and the national security service, also resulted in the deaths of eight senior ISIS leaders.
Iraqi forces have conducted periodic operations to target ISIS sleeper cells.
";

fn events() -> Vec<Event> {
    let opts = Options::default()
        .with_date("2025-03-14")
        .expect("valid date");
    Extractor::new(opts)
        .extract(&Article::new("seed", TEXT))
        .events
        .expect("events are on by default")
}

#[test]
fn main_event_is_the_killing_as_the_lead_reports_it() {
    let evs = events();
    let main = &evs[0];
    assert_eq!(main.kind, "killing", "{evs:#?}");
    assert_eq!(main.trigger.text, "killed");
    // Nothing in its clause dates the killing: it takes the day of the announcement, and says so.
    assert_eq!(main.date.as_deref(), Some("2025-03-11"));
    assert_eq!(main.date_source, "report");
    assert_eq!(
        main.places.first().map(String::as_str),
        Some("Hamrin Mountains")
    );
    assert_eq!(main.place_precision.as_deref(), Some("city"));
    assert_eq!(main.agents, ["Iraqi forces"]);
    assert!(
        main.targets.iter().any(|t| t == "Jassim al-Mazroui"),
        "{main:#?}"
    );
    assert!(!main.negated && !main.hedged);
}

#[test]
fn deaths_of_eight_is_a_counted_killing() {
    let evs = events();
    let e = evs
        .iter()
        .find(|e| e.trigger.text == "deaths")
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(e.kind, "killing");
    assert_eq!(e.count.get("killed"), Some(&8));
    assert_eq!(e.targets, ["eight senior ISIS leaders"]);
    assert_eq!(e.agents, ["Iraq's counterterrorism forces"]);
}

#[test]
fn announcement_is_a_statement_and_generic_operations_are_not_events() {
    let evs = events();
    let s = evs
        .iter()
        .find(|e| e.kind == "statement")
        .unwrap_or_else(|| panic!("{evs:#?}"));
    assert_eq!(s.trigger.text, "announced");
    assert_eq!(s.agents, ["Mohammed Shia al-Sudani"]);
    assert_eq!(s.date.as_deref(), Some("2025-03-11"));
    assert_eq!(s.date_source, "sentence");
    // The headline's "kill" is folded into the main event; "periodic operations" is generic.
    assert_eq!(evs.len(), 3, "{evs:#?}");
    // The rest follow in text order.
    assert!(evs[1].trigger.start < evs[2].trigger.start);
}
