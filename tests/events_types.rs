//! Event types: one short sentence per type, checking the trigger, the type and the arguments
//! the sentence gives (agents, targets, places, counts, dates, polarity).

use newsie::record::Event;
use newsie::{Article, Extractor, Options};

fn events(text: &str) -> Vec<Event> {
    let opts = Options::default()
        .with_date("2024-10-18")
        .expect("valid date");
    Extractor::new(opts)
        .extract(&Article::new("t", text))
        .events
        .expect("events are on by default")
}

/// The event whose trigger is `word`.
fn find<'a>(evs: &'a [Event], word: &str) -> &'a Event {
    evs.iter()
        .find(|e| e.trigger.text == word)
        .unwrap_or_else(|| panic!("no event with trigger {word:?} in {evs:#?}"))
}

#[test]
fn attack_with_agent_count_and_place() {
    let evs = events("Gunmen attacked a bus in Kabul on Monday, killing 12 passengers.");
    let e = find(&evs, "attacked");
    assert_eq!(e.kind, "attack");
    assert_eq!(e.agents, ["Gunmen"]);
    assert_eq!(e.count.get("killed"), Some(&12));
    assert_eq!(e.places, ["Kabul"]);
    assert_eq!(e.date.as_deref(), Some("2024-10-14"));
    assert_eq!(e.date_source, "sentence");
    // One happening: the killing is the attack's count, not a second event.
    assert_eq!(evs.len(), 1, "{evs:#?}");
}

#[test]
fn killing_passive_with_by_agent() {
    let evs = events("Two soldiers were killed by militants near Mosul.");
    let e = find(&evs, "killed");
    assert_eq!(e.kind, "killing");
    assert_eq!(e.agents, ["militants"]);
    assert_eq!(e.targets, ["Two soldiers"]);
    assert_eq!(e.count.get("killed"), Some(&2));
}

#[test]
fn death_and_injury_counts() {
    let evs = events(
        "At least 40 people were injured and seven died when a building collapsed in Lagos.",
    );
    let e = &evs[0];
    assert_eq!(e.kind, "accident", "{evs:#?}");
    assert_eq!(e.trigger.text, "collapsed");
    assert_eq!(e.count.get("injured"), Some(&40));
    assert_eq!(e.count.get("killed"), Some(&7));
    assert_eq!(e.places, ["Lagos"]);
}

#[test]
fn arrest_with_count() {
    let evs = events("Police arrested 15 protesters in Paris on Saturday.");
    let e = find(&evs, "arrested");
    assert_eq!(e.kind, "arrest");
    assert_eq!(e.agents, ["Police"]);
    assert_eq!(e.count.get("arrested"), Some(&15));
    assert_eq!(e.date.as_deref(), Some("2024-10-12"));
}

#[test]
fn legal_types() {
    let evs = events("John Smith was charged with murder.");
    assert_eq!(find(&evs, "charged").kind, "charge");
    assert_eq!(find(&evs, "charged").targets, ["John Smith"]);
    // "murder" names the charge: no killing event.
    assert!(evs.iter().all(|e| e.kind != "killing"), "{evs:#?}");
    let evs = events("A judge sentenced John Smith to 20 years in prison.");
    assert_eq!(find(&evs, "sentenced").kind, "sentence");
    let evs = events("The trial of John Smith opened in London.");
    assert_eq!(find(&evs, "trial").kind, "trial");
}

#[test]
fn protest_and_statement() {
    let evs = events("Thousands of farmers protested in Brussels.");
    assert_eq!(find(&evs, "protested").kind, "protest");
    let evs = events("Prime Minister Keir Starmer condemned the decision.");
    let e = find(&evs, "condemned");
    assert_eq!(e.kind, "statement");
    assert_eq!(e.agents, ["Keir Starmer"]);
}

#[test]
fn said_is_a_statement_only_alone() {
    // "said" beside a reported killing is attribution, not a second event.
    let evs = events("Rebels killed three villagers, officials said.");
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].kind, "killing");
    let evs = events("Angela Merkel said the plan was useful.");
    assert!(
        evs.iter()
            .any(|e| e.kind == "statement" && e.agents == ["Angela Merkel"]),
        "{evs:#?}"
    );
}

#[test]
fn meeting_visit_agreement() {
    let evs = events("Joe Biden met Emmanuel Macron in San Francisco.");
    let e = find(&evs, "met");
    assert_eq!(e.kind, "meeting");
    assert_eq!(e.agents, ["Joe Biden"]);
    assert_eq!(e.targets, ["Emmanuel Macron"]);
    assert_eq!(e.places, ["San Francisco"]);
    let evs = events("Narendra Modi visited Moscow.");
    assert_eq!(find(&evs, "visited").kind, "visit");
    let evs = events("Israel and Hamas agreed to a ceasefire.");
    assert!(evs.iter().any(|e| e.kind == "agreement"), "{evs:#?}");
}

#[test]
fn election_appointment_resignation_dismissal() {
    let evs = events("Voters elected Claudia Sheinbaum as president.");
    assert_eq!(find(&evs, "elected").kind, "election");
    let evs = events("The board appointed Jane Fraser as chief executive.");
    assert_eq!(find(&evs, "appointed").kind, "appointment");
    let evs = events("Boris Johnson resigned on Thursday.");
    let e = find(&evs, "resigned");
    assert_eq!(e.kind, "resignation");
    assert_eq!(e.agents, ["Boris Johnson"]);
    assert_eq!(e.date.as_deref(), Some("2024-10-17"));
    let evs = events("Donald Trump fired James Comey.");
    assert_eq!(find(&evs, "fired").kind, "dismissal");
    // "fired" at something is an attack; "fired" alone is nothing.
    let evs = events("Soldiers fired on the crowd.");
    assert_eq!(find(&evs, "fired").kind, "attack");
}

#[test]
fn military_disaster_accident() {
    let evs = events("The army launched a military operation against rebels in Darfur.");
    assert_eq!(find(&evs, "operation").kind, "military-operation");
    let evs = events("An earthquake struck Turkey, killing 300 people.");
    let e = &evs[0];
    assert_eq!(e.kind, "disaster", "{evs:#?}");
    assert_eq!(e.count.get("killed"), Some(&300));
    let evs = events("A train derailed near Madrid.");
    assert_eq!(find(&evs, "derailed").kind, "accident");
}

#[test]
fn economic_types() {
    let evs = events("Shares of Acme fell 5 percent on Tuesday.");
    assert_eq!(find(&evs, "fell").kind, "market-move");
    // Without a market word "fell" is no event.
    assert!(events("The snow fell quietly.").is_empty());
    let evs = events("Microsoft agreed to acquire Activision Blizzard.");
    assert!(evs.iter().any(|e| e.kind == "acquisition"), "{evs:#?}");
    let evs = events("The bank reported a net loss of $2 billion.");
    assert_eq!(find(&evs, "loss").kind, "earnings");
    assert!(events("The loss of life was tragic.")
        .iter()
        .all(|e| e.kind != "earnings"));
}

#[test]
fn contest() {
    let evs = events("Real Madrid beat Barcelona 3-1 on Sunday.");
    assert_eq!(find(&evs, "beat").kind, "contest");
}

#[test]
fn negated_and_hedged() {
    let evs = events("Police did not arrest John Smith.");
    assert!(find(&evs, "arrest").negated);
    let evs = events("The militia allegedly killed two journalists.");
    let e = find(&evs, "killed");
    assert!(e.hedged && !e.negated);
}

#[test]
fn nouns_that_are_not_events() {
    // Modifiers, generic plurals and names are not events.
    assert!(events("The crash victims were named.")
        .iter()
        .all(|e| e.kind != "accident"));
    assert!(events("Iraq has faced periodic attacks from militias.").is_empty());
    assert!(events("Operation Desert Storm is remembered.").is_empty());
}

#[test]
fn document_date_when_the_sentence_has_none() {
    let evs = events("Rebels attacked a police station.");
    assert_eq!(evs[0].date.as_deref(), Some("2024-10-18"));
    assert_eq!(evs[0].date_source, "document");
}

#[test]
fn senses_that_are_no_events() {
    let evs = events(
        "Acid rain has killed fish and trees in eastern Canada. Brokers must report clients \
         holding shares worth 100 mln won or more. Senators killed the bill on Tuesday.",
    );
    assert!(
        evs.iter()
            .all(|e| e.kind != "killing" && e.kind != "contest"),
        "{evs:#?}"
    );
    // People killed are still a killing.
    let evs = events("Acid rain protesters were not hurt, but gunmen killed three villagers.");
    assert_eq!(find(&evs, "killed").kind, "killing");
}

#[test]
fn strikes_by_workers_are_protests_and_by_aircraft_attacks() {
    let evs = events(
        "Workers at 152 companies held brief warning strikes today in support of the union's \
         demands for higher wages.",
    );
    assert_eq!(find(&evs, "strikes").kind, "protest", "{evs:#?}");
    let evs = events("Teachers went on strike on Thursday.");
    assert_eq!(find(&evs, "strike").kind, "protest", "{evs:#?}");
    let evs = events("Israeli strikes on Gaza killed 12 construction workers on Tuesday.");
    assert!(evs.iter().all(|e| e.kind != "protest"), "{evs:#?}");
}
