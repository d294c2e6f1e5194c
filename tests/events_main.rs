//! The main event of short articles with a headline: the headline's own verb when the body
//! offers only a statement, and the places a reader files the main event under (its clause,
//! then the headline and lead sentence, then the dateline).

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

/// The first event of `kind`.
fn of_kind<'e>(evs: &'e [Event], kind: &str) -> &'e Event {
    evs.iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event in {evs:#?}"))
}

#[test]
fn headline_verb_beats_a_said_in_the_body() {
    let evs = events(
        "Acme sparks anger among customers\n\n\
         Customers of the Acme company are unhappy with its new packaging, a spokesman said \
         on Thursday in a short statement to reporters.",
    );
    let main = &evs[0];
    assert_eq!(main.trigger.text, "sparks");
    assert_eq!(main.kind, "other");
    assert_eq!(main.agents, ["Acme"]);
}

#[test]
fn bare_verb_after_plural_subject() {
    let evs = events(
        "Scientists analyse effects of warming on crops\n\n\
         The results of the study are worrying for farmers, the authors said on Thursday in \
         a statement on their findings.",
    );
    assert_eq!(evs[0].trigger.text, "analyse");
    assert_eq!(evs[0].agents, ["Scientists"]);
}

#[test]
fn plural_noun_is_not_a_headline_verb() {
    // "taxes from": a noun before a preposition; the body's statement stays the main event.
    let evs = events(
        "Local councils ask taxes from private schools\n\n\
         The mayor of the town said on Thursday that private schools would pay the tax \
         from next year onwards.",
    );
    assert_ne!(evs[0].trigger.text, "taxes");
}

#[test]
fn concrete_lead_event_is_kept_over_headline_verb() {
    let evs = events(
        "Refugees begin returning home from camps\n\n\
         The first group of 100 refugees arrived in Rosso on Thursday after years in camps \
         across the border.",
    );
    assert_eq!(evs[0].kind, "visit", "{evs:#?}");
}

#[test]
fn main_event_places_add_the_lead_place_after_the_clause_place() {
    let evs = events(
        "Singer protests outside Trump Tower\n\n\
         The singer Lady Gaga was photographed protesting outside Trump Tower in New York City \
         early on Wednesday, holding a sign.",
    );
    let main = &evs[0];
    assert_eq!(main.trigger.text, "protesting", "{evs:#?}");
    assert!(
        main.places.iter().any(|p| p == "New York City"),
        "{:?}",
        main.places
    );
}

#[test]
fn dateline_after_a_byline_places_the_main_event() {
    let evs = events(
        "Agency clears official in review\n\n\
         Skip Ad Share (Photo: Getty Images) WASHINGTON -- The agency said on Thursday \
         it stood by its finding that the official broke no rules.",
    );
    assert!(
        evs[0].places.iter().any(|p| p == "Washington"),
        "{:?}",
        evs[0]
    );
}

#[test]
fn compound_dash_is_not_a_dateline() {
    let evs = events(
        "Forces raid camp\n\n\
         Iraqi forces raided a camp on Thursday, officials said. Forces, with support from the \
         U.S.-led coalition, have conducted periodic operations in the area.",
    );
    assert_ne!(evs[0].place_source, "dateline", "{:?}", evs[0]);
}

#[test]
fn light_verb_subjects_act_in_a_noun_event() {
    let evs = events(
        "Donald Trump and Barack Obama hold 90-minute White House transition meeting\n\n\
         The president invited his successor to the White House for the first time since \
         the election.",
    );
    let main = &evs[0];
    assert_eq!(main.trigger.text, "meeting");
    assert_eq!(main.agents, ["Donald Trump", "Barack Obama"], "{main:?}");
}

#[test]
fn a_later_dated_report_by_the_same_agent_dates_the_main_event() {
    // 2024-10-18 is a Friday: "on Wednesday" is 2024-10-16.
    let evs = events(
        "Clinton blames defeat on FBI director\n\n\
         Hillary Clinton has blamed her defeat in the election on the FBI director. \
         Protests are continuing in several cities across the country. \
         Mrs Clinton told donors on a conference call on Wednesday that the letter stopped \
         her momentum.",
    );
    let main = &evs[0];
    assert_eq!(main.trigger.text, "blamed", "{evs:#?}");
    assert_eq!(main.date.as_deref(), Some("2024-10-16"));
    assert_eq!(main.date_source, "coreference");
}

#[test]
fn a_past_form_is_a_verb_not_a_repeated_noun() {
    let evs = events(
        "Headline about the final game\n\n\
         The Chicago Cubs beat the Cleveland Indians to win the title. \
         The Cubs won 8-7 after the deciding game ended on Wednesday night.",
    );
    let won = evs
        .iter()
        .find(|e| e.trigger.text == "won")
        .expect("\"won\" reports its own event");
    assert_eq!(won.kind, "contest");
    assert_eq!(won.agents, ["Chicago Cubs"], "{won:?}");
    assert_eq!(won.date_source, "sentence");
}

#[test]
fn the_article_spells_event_places() {
    let evs = events(
        "Taliban Strike German Consulate in Afghan City of Mazar-i-Sharif\n\n\
         At least two people were killed when the insurgents struck with a car bomb near the \
         consulate in Mazar-i-Sharif late on Thursday, officials said.",
    );
    let main = &evs[0];
    assert_eq!(main.agents, ["Taliban"], "{main:?}");
    assert_eq!(
        main.places.first().map(String::as_str),
        Some("Mazar-i-Sharif")
    );
}

#[test]
fn a_venue_is_filed_under_its_town_too() {
    let evs = events(
        "Raikkonen and Massa crash out of the Brazilian Grand Prix at Interlagos\n\n\
         Kimi Raikkonen crashed on lap 20 in torrential rain, and Felipe Massa crashed out \
         later in the race, which was stopped twice.\n\n\
         Fans in Sao Paulo had waited for hours.",
    );
    let main = &evs[0];
    assert_eq!(main.kind, "accident", "{main:?}");
    assert_eq!(main.places, ["Interlagos", "Sao Paulo"], "{main:?}");
}

#[test]
fn a_definite_repeat_with_a_day_dates_the_lead_event() {
    // The lead gives a toll update on Friday; "the bombing late Thursday" dates the bombing,
    // though the second sentence also reports other violence.
    let evs = events(
        "Truck bomb hits consulate in Mazar-i-Sharif\n\n\
         The death toll from a truck bombing at the German consulate in Mazar-i-Sharif rose to \
         six Friday, with more than 100 others wounded. The Taliban said the bombing late \
         Thursday was revenge for air strikes this month that left 32 civilians dead.",
    );
    assert_eq!(evs[0].trigger.text, "bombing", "{evs:#?}");
    assert_eq!(evs[0].date.as_deref(), Some("2024-10-17"), "{evs:#?}");
    assert_eq!(evs[0].date_source, "sentence");
}

#[test]
fn a_repeat_with_an_old_day_does_not_date_the_event() {
    let evs = events(
        "Truck bomb hits consulate in Mazar-i-Sharif\n\n\
         A truck bombing at the German consulate in Mazar-i-Sharif wounded 100 people. \
         Officials compared it with the bombing on 3 March 2019 that killed 20.",
    );
    assert_ne!(evs[0].date.as_deref(), Some("2019-03-03"), "{evs:#?}");
}

#[test]
fn a_meeting_at_the_white_house_is_placed_there() {
    let evs = events(
        "Obama and Trump hold White House transition meeting\n\n\
         President Barack Obama and Donald Trump met for 90 minutes on Thursday to discuss \
         the handover.",
    );
    assert_eq!(evs[0].kind, "meeting", "{evs:#?}");
    assert!(evs[0].places.iter().any(|p| p == "White House"), "{evs:#?}");
}

#[test]
fn the_white_house_speaking_is_no_place() {
    let evs = events(
        "White House says talks will go on\n\n\
         The White House said on Thursday that talks with Congress would continue next week.",
    );
    assert!(
        evs.iter()
            .all(|e| e.places.iter().all(|p| p != "White House")),
        "{evs:#?}"
    );
}

#[test]
fn a_ground_named_before_its_kind_is_a_place() {
    let evs = events(
        "Raikkonen crashes out of rain-soaked Grand Prix\n\n\
         Kimi Raikkonen crashed out in treacherous conditions at Interlagos on Sunday. His \
         Ferrari was removed from the Interlagos track after the crash.",
    );
    assert!(evs[0].places.iter().any(|p| p == "Interlagos"), "{evs:#?}");
}

#[test]
fn victims_named_with_their_ages_are_targets() {
    let evs = events(
        "Seven killed as tram overturns in Croydon\n\n\
         Seven people were killed when a tram overturned in Croydon on Wednesday. Police \
         named the victims as Donald Collett, 62, and 63-year-old Robert Huxley. Mark Smith, \
         a witness, said the tram was fast.",
    );
    let main = &evs[0];
    assert!(
        main.targets.iter().any(|t| t == "Donald Collett"),
        "{main:#?}"
    );
    assert!(
        main.targets.iter().any(|t| t == "Robert Huxley"),
        "{main:#?}"
    );
    assert!(main.targets.iter().all(|t| t != "Mark Smith"), "{main:#?}");
}

#[test]
fn a_cause_takes_its_victims_from_the_lead() {
    let evs = events(
        "At least 7 killed in tram accident in south London\n\n\
         A tram derailed near the Sandilands stop in Croydon on Wednesday. At least seven \
         people were killed when the two-car tram jumped the rails on a sharp curve.",
    );
    let main = &evs[0];
    assert_eq!(main.kind, "accident", "{main:#?}");
    assert!(
        main.targets.iter().any(|t| t.contains("seven people")),
        "{main:#?}"
    );
}

#[test]
fn a_suspect_named_with_his_age_is_no_victim() {
    let evs = events(
        "Man shot dead in Leeds\n\n\
         A man was shot dead in Leeds on Wednesday. John Smith, 34, was arrested hours after \
         the man was killed, police said.",
    );
    assert!(
        evs[0].targets.iter().all(|t| t != "John Smith"),
        "{:#?}",
        evs[0]
    );
}

#[test]
fn the_speaker_is_the_agent_of_its_pronoun() {
    let evs = events(
        "Instrumentarium buys two importers\n\n\
         HELSINKI, Oct 18 - Finland's medical group Instrumentarium Oy said it has acquired \
         the electronics importers Ferrado Oy and Insele Oy.",
    );
    let e = of_kind(&evs, "acquisition");
    assert_eq!(e.agents, ["Instrumentarium Oy"], "{e:#?}");
}

#[test]
fn the_company_is_the_article_company() {
    let evs = events(
        "Galaxy Oil delisted\n\n\
         WICHITA FALLS, Texas, Oct 18 - Galaxy Oil Co said its common stock is being delisted \
         from the American Stock Exchange. The company said it had agreed to sell its refinery \
         to Holly Corp.",
    );
    let e = of_kind(&evs, "agreement");
    assert_eq!(e.agents, ["Galaxy Oil Co"], "{e:#?}");
}

#[test]
fn a_title_is_the_one_person_named_with_it() {
    let evs = events(
        "Ecuador to raise output\n\n\
         QUITO, Oct 18 - Ecuador's Energy Minister Fernando Santos Alvite said on Friday that \
         output would rise. Ugandan President Yoweri Museveni visited Quito on Thursday. Later \
         the minister denied reports of a strike. The Kenyan President praised the plan on \
         Friday.",
    );
    let denied = evs
        .iter()
        .find(|e| e.trigger.text == "denied")
        .expect("a denial");
    assert_eq!(denied.agents, ["Fernando Santos Alvite"], "{evs:#?}");
    // Another country's president is not "the Kenyan President".
    let praised = evs
        .iter()
        .find(|e| e.trigger.text == "praised")
        .expect("praise");
    assert!(
        praised.agents.iter().all(|a| a != "Yoweri Museveni"),
        "{evs:#?}"
    );
}

#[test]
fn those_affected_are_not_also_the_actors() {
    let evs = events(
        "Strikes leave civilians dead\n\n\
         A truck bomb hit the German consulate in Mazar-i-Sharif. The Taliban said the \
         bombing late Thursday was a revenge attack for US air strikes this month in the \
         province of Kunduz that left 32 civilians dead.",
    );
    let e = evs
        .iter()
        .find(|e| e.count.contains_key("killed"))
        .expect("a killing");
    assert!(e.agents.iter().all(|a| !a.contains("civilians")), "{e:#?}");
}

#[test]
fn a_source_is_no_participant_and_football_attack_no_event() {
    let evs = events(
        "Stampede at Hajj\n\n\
         According to the Saudi Interior Ministry over 345 pilgrims have been killed in a \
         stampede near Mecca on Thursday.",
    );
    assert!(
        evs[0].agents.iter().all(|a| a != "Interior Ministry"),
        "{evs:#?}"
    );
    let evs = events(
        "Bayern advance\n\n\
         Bayern played a strong side, with Lukas Podolski and Roy Makaay in attack on \
         Wednesday.",
    );
    assert!(evs.iter().all(|e| e.trigger.text != "attack"), "{evs:#?}");
}

#[test]
fn the_headline_verb_when_the_lead_reports_no_event() {
    let evs = events(
        "Bureau records fewer complaints during shutdown\n\n\
         The Consumer Financial Protection Bureau has stayed open during the shutdown and \
         recorded a record-low number of complaints from consumers. The daily totals were 37, \
         16, 13 and 3 complaints in the first four days of the shutdown. The figures are the \
         lowest since March of this year, when 36 complaints were recorded in a day. Richard \
         Cordray's appointment as director was confirmed in July.",
    );
    assert_eq!(evs[0].trigger.text, "records", "{evs:#?}");
}

#[test]
fn an_aspect_verb_gives_way_to_its_happening() {
    let evs = events(
        "Refugees begin returning home from Senegal\n\n\
         Refugees stuck in Senegal for two decades after fleeing clashes in their home country \
         are going home under a U.N. program. Many do not want to go back, they say.",
    );
    assert_eq!(evs[0].trigger.text, "returning", "{evs:#?}");
}

#[test]
fn a_shouted_headline_word_stands_for_the_body_name() {
    let evs = events(
        "ROYEX MAKES BID FOR INTERNATIONAL CORONA\n\n\
         TORONTO, Oct 18 - Royex Gold Mining Corp said it is making an offer for International \
         Corona Resources Ltd shares, the company said.",
    );
    assert_eq!(evs[0].trigger.text, "MAKES", "{evs:#?}");
    assert_eq!(evs[0].agents, ["Royex Gold Mining Corp"], "{evs:#?}");
}

#[test]
fn a_shouted_plural_noun_is_no_headline_verb() {
    for text in [
        "EUROPEAN BEET PLANTINGS SEEN LITTLE CHANGED\n\n\
         LONDON, Oct 18 - European sugar beet plantings are expected to show little change \
         from last year, traders said.",
        "UK MONEY RATES FALL AS BANK APPROVES CUT\n\n\
         LONDON, Oct 18 - A half point cut in base lending rates was announced by the big four \
         clearing banks today, dealers said.",
    ] {
        let evs = events(text);
        assert!(
            evs.iter()
                .all(|e| !matches!(e.trigger.text.as_str(), "PLANTINGS" | "RATES")),
            "{evs:#?}"
        );
    }
}

#[test]
fn an_event_given_as_a_cause_is_not_the_main_event() {
    let evs = events(
        "ECUADOR SUSPENDS PAYMENTS TO PRIVATE BANKS\n\n\
         QUITO, Oct 18 - Ecuadorean President Leon Febres Cordero said his country was \
         suspending payments to private foreign banks due to last week's earthquake.",
    );
    assert_eq!(evs[0].trigger.text, "SUSPENDS", "{evs:#?}");
    assert_eq!(evs[0].agents, ["Ecuador"], "{evs:#?}");
}
