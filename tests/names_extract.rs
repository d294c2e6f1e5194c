//! Whole-article behaviour of the people / places / organisations recogniser, through the
//! public API: grouping under one canonical name, titles, aliases, acronyms, shouted lines,
//! sports tables, the user gazetteer and deny list, and the offsets invariant. Input: short
//! articles written for these tests. Does not test dates or events.

use newsie::gazetteer::UserGazetteer;
use newsie::{Article, Extractor, Options, Record};
use std::sync::Arc;

fn run(opts: Options, text: &str) -> Record {
    let rec = Extractor::new(opts.with_explain(true)).extract(&Article::new("t", text));
    // Offsets are code points into the text.
    let chars: Vec<char> = text.chars().collect();
    let mentions = rec
        .people
        .iter()
        .flatten()
        .flat_map(|p| &p.mentions)
        .chain(rec.places.iter().flatten().flat_map(|p| &p.mentions))
        .chain(rec.organisations.iter().flatten().flat_map(|p| &p.mentions));
    for m in mentions {
        let s: String = chars[m.start..m.end].iter().collect();
        assert_eq!(s, m.text);
        assert!(m.rule.as_deref().is_some_and(|r| !r.is_empty()));
    }
    rec
}

/// The organisations' names, in record order.
fn org_names(rec: &Record) -> Vec<String> {
    rec.organisations
        .iter()
        .flatten()
        .map(|o| o.name.clone())
        .collect()
}

/// The people's names, in record order.
fn person_names(rec: &Record) -> Vec<&str> {
    rec.people
        .iter()
        .flatten()
        .map(|p| p.name.as_str())
        .collect()
}

/// The places' names, in record order.
fn place_names(rec: &Record) -> Vec<&str> {
    rec.places
        .iter()
        .flatten()
        .map(|p| p.name.as_str())
        .collect()
}

fn extract(text: &str) -> Record {
    run(Options::default(), text)
}

const RAID: &str = "Iraqi forces kill ISIS commander in Hamrin Mountains\n\n\
Iraqi Prime Minister Mohammed Shia al-Sudani said on Tuesday that Iraqi forces killed the \
Islamic State (ISIS) commander Jassim al-Mazroui, also known as Abu Abdul Qader, in the \
Hamrin Mountains in Salahuddin province in northern Iraq.\n\
Al-Mazroui had led ISIS cells across the Middle East, al-Sudani said. The U.S. welcomed \
the raid, and the United States will keep troops in Iraq. Hezbollah and Hamas did not comment.";

#[test]
fn raid_people_titles_and_aliases() {
    let rec = extract(RAID);
    let people = rec.people.unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Mohammed Shia al-Sudani", "Jassim al-Mazroui"],
        "{people:#?}"
    );
    assert_eq!(people[0].titles, ["Prime Minister"]);
    assert_eq!(people[0].country.as_deref(), Some("IQ"));
    assert_eq!(people[0].mentions.len(), 2);
    assert_eq!(people[1].aliases, ["Abu Abdul Qader"]);
    assert_eq!(people[1].mentions.len(), 3);
}

#[test]
fn raid_places_and_organisations() {
    let rec = extract(RAID);
    let places = rec.places.unwrap();
    let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
    for want in [
        "Hamrin Mountains",
        "Salahuddin province",
        "Iraq",
        "Middle East",
        "United States",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert_eq!(names.len(), 5, "{names:?}");
    let us = places.iter().find(|p| p.name == "United States").unwrap();
    assert_eq!(us.mentions.len(), 2);
    assert_eq!(us.country.as_deref(), Some("US"));
    let province = places
        .iter()
        .find(|p| p.name == "Salahuddin province")
        .unwrap();
    assert_eq!(province.country.as_deref(), Some("IQ"));
    let hamrin = places
        .iter()
        .find(|p| p.name == "Hamrin Mountains")
        .unwrap();
    assert_eq!(hamrin.kind, "mountains");
    assert_eq!(hamrin.mentions.len(), 2);

    let orgs = rec.organisations.unwrap();
    let names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Islamic State", "Hezbollah", "Hamas"], "{orgs:#?}");
    assert_eq!(orgs[0].aliases, ["ISIS"]);
    assert_eq!(orgs[0].mentions.len(), 4);
    assert_eq!(rec.focus.unwrap().country.as_deref(), Some("IQ"));
}

#[test]
fn acronym_expansion_from_initials() {
    let rec = extract(
        "Monitors from the Organisation for Security and Cooperation in Europe (OSCE) arrived. \
         The OSCE said the vote was fair.",
    );
    let orgs = rec.organisations.unwrap();
    assert_eq!(orgs.len(), 1, "{orgs:#?}");
    // The name is the text's own spelling; the gazetteer's (the OSCE's own) is canonical.
    assert_eq!(
        orgs[0].name,
        "Organisation for Security and Cooperation in Europe"
    );
    assert_eq!(
        orgs[0].canonical.as_deref(),
        Some("Organization for Security and Co-operation in Europe")
    );
    assert!(orgs[0].aliases.contains(&"OSCE".to_string()));
    assert_eq!(
        orgs[0].mentions[0].text,
        "Organisation for Security and Cooperation in Europe"
    );
    assert_eq!(orgs[0].mentions.len(), 3);
    assert!(rec.places.unwrap().is_empty());
}

#[test]
fn nationality_in_brackets_is_no_acronym() {
    let rec = extract("Pete Sampras (U.S.) beat Tim Henman (Britain) 6-3 6-4.");
    let people = rec.people.unwrap();
    assert_eq!(people.len(), 2);
    assert!(people.iter().all(|p| p.aliases.is_empty()));
    let places = rec.places.unwrap();
    assert_eq!(places.len(), 2, "{places:#?}");
}

#[test]
fn sports_sides_named_after_places_are_organisations() {
    let rec = extract(
        "CRICKET - ESSEX CLOSE IN\nLONDON 1996-08-30\nEssex beat Somerset by an innings at \
         Chelmsford. Derbyshire reached 372 for six against Kent.",
    );
    let orgs = org_names(&rec);
    for team in ["Essex", "Somerset", "Derbyshire", "Kent"] {
        assert!(
            orgs.iter().any(|o| o == team),
            "{team} not a team in {orgs:?}"
        );
    }
    let places: Vec<String> = rec.places.unwrap().into_iter().map(|p| p.name).collect();
    assert!(places.contains(&"London".to_string()), "{places:?}");
}

#[test]
fn shouted_headline_and_possessive_make_no_junk() {
    let rec = extract(
        "POLICE SAY TOTAL OF FIVE HURT IN LONDON\nPolice said on Friday that Britain's \
         transport minister would visit.",
    );
    let places = rec.places.unwrap();
    let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
    // "LONDON" in a shouted headline is spelled the gazetteer's way; "Britain" is the text's
    // name for the United Kingdom.
    assert_eq!(names, ["London", "Britain"]);
    assert_eq!(places[1].canonical.as_deref(), Some("United Kingdom"));
    assert!(rec.people.unwrap().is_empty());
    assert!(rec.organisations.unwrap().is_empty());
}

#[test]
fn user_gazetteer_finds_overrides_and_denies() {
    let user = UserGazetteer::from_tsv(
        "name\tkind\taliases\tcountry\n\
         Zorvian Liberation Front\torganisation\tZLF|the Front\tZV\n\
         Jordan Peel\tplace\t\t\n",
        "user.tsv",
    )
    .unwrap()
    .with_deny("Reuters\n");
    let rec = run(
        Options::default().with_gazetteer(Arc::new(user)),
        "ZLF fighters met Reuters reporters near Jordan Peel. The Zorvian Liberation Front said \
         it would talk.",
    );
    let orgs = rec.organisations.unwrap();
    assert_eq!(orgs.len(), 1, "{orgs:#?}");
    assert_eq!(orgs[0].name, "Zorvian Liberation Front");
    assert_eq!(orgs[0].country.as_deref(), Some("ZV"));
    assert_eq!(orgs[0].mentions.len(), 2);
    assert_eq!(orgs[0].mentions[0].rule.as_deref(), Some("user-gazetteer"));
    let places = rec.places.unwrap();
    assert_eq!(places.len(), 1, "{places:#?}");
    assert_eq!(places[0].name, "Jordan Peel");
    assert!(rec.people.unwrap().is_empty());
}

#[test]
fn adversarial_repetition_stays_bounded() {
    let text = "Smith met Jones. ".repeat(20_000);
    let rec = extract(&text);
    let people = rec.people.unwrap();
    assert!(people.len() <= 2);
    // One full name repeated: one person, every mention kept, in linear time (grouping keeps
    // one entry per distinct name, never one per mention pair).
    let text = "Mohammed al-Sudani said. ".repeat(20_000);
    let people = extract(&text).people.unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].mentions.len(), 20_000);
    let caps = "Alpha Beta Gamma Delta ".repeat(5_000);
    let rec = extract(&caps);
    assert!(rec
        .people
        .unwrap()
        .iter()
        .flat_map(|p| &p.mentions)
        .all(|m| m.end - m.start < 80));
}

#[test]
fn sides_named_after_towns_and_their_short_names() {
    let rec = extract(
        "The Chicago Cubs beat the Kansas City Royals at Wrigley Field. The Cubs won 8-7. \
         Houston Williams and Sally Field watched from the Golan Heights.",
    );
    let orgs = rec.organisations.unwrap();
    let cubs = orgs
        .iter()
        .find(|o| o.name == "Chicago Cubs")
        .expect("a side");
    assert_eq!(cubs.kind.as_deref(), Some("sports"));
    assert_eq!(cubs.mentions.len(), 2, "{cubs:?}");
    assert_eq!(cubs.mentions[1].rule.as_deref(), Some("team-short-name"));
    assert!(
        orgs.iter().any(|o| o.name == "Kansas City Royals"),
        "{orgs:?}"
    );
    let people: Vec<String> = rec.people.unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(people, ["Houston Williams", "Sally Field"]);
    let places = rec.places.unwrap();
    let field = places
        .iter()
        .find(|p| p.name == "Wrigley Field")
        .expect("a ground");
    assert_eq!(field.kind, "facility");
    assert!(places.iter().any(|p| p.name == "Golan Heights"));
}

#[test]
fn title_case_headline_is_read_through_body_names() {
    let rec = extract(
        "Taliban Strike German Consulate in Afghan City of Mazar-i-Sharif\n\
         Taliban insurgents struck the German consulate in Mazar-i-Sharif on Thursday.",
    );
    let orgs = org_names(&rec);
    assert_eq!(orgs, ["Taliban"]);
    let places = rec.places.unwrap();
    assert_eq!(places.len(), 1, "{places:?}");
    // The article's spelling names it; the gazetteer's is canonical.
    assert_eq!(places[0].name, "Mazar-i-Sharif");
    assert_eq!(places[0].canonical.as_deref(), Some("Mazar-e Sharif"));
    assert_eq!(places[0].mentions.len(), 2);
}

#[test]
fn a_town_run_on_into_its_state_is_two_places() {
    let rec = extract(
        "The jet landed at Ronald Reagan airport in Arlington Virginia at 10pm. The firm is \
         based in Midland Texas. Wheat was sold to Moscow U.S. traders said. Gillette \
         Canada Inc issued a bond; Gillette Canada is a unit of Gillette Co.",
    );
    let people = person_names(&rec);
    assert!(!people.contains(&"Arlington Virginia"), "{people:?}");
    assert!(
        org_names(&rec).contains(&"Gillette Canada Inc".to_string()),
        "{:?}",
        org_names(&rec)
    );
    let places: Vec<(&str, &str, &str)> = rec
        .places
        .iter()
        .flatten()
        .map(|p| {
            (
                p.name.as_str(),
                &*p.kind,
                p.country.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert!(places.contains(&("Arlington", "city", "US")), "{places:?}");
    assert!(
        places.contains(&("Virginia", "subdivision", "US")),
        "{places:?}"
    );
    assert!(places.contains(&("Midland", "city", "US")), "{places:?}");
    // A bare country after a town does not move the town there.
    assert!(
        !places.iter().any(|p| p.0 == "Moscow" && p.2 == "US"),
        "{places:?}"
    );
}

#[test]
fn a_rank_qualifier_stays_in_the_title() {
    let rec = extract(
        "Donald Trump met the president. Aides praised President Elect Trump's plans on Friday.",
    );
    let people = person_names(&rec);
    assert_eq!(people, ["Donald Trump"]);
}

#[test]
fn compass_words_open_places_and_adjectives_not_people() {
    let rec = extract(
        "West Germany and South London were named. West German officials met South African \
         and West African envoys. Southern California Edison said prices would rise. London \
         Tramlink said services would resume. The Rail Accident Investigation Branch said \
         the tram was fast.",
    );
    let people = person_names(&rec);
    assert!(people.is_empty(), "{people:?}");
    let places = place_names(&rec);
    assert!(places.contains(&"West Germany"), "{places:?}");
    assert!(places.contains(&"South London"), "{places:?}");
    assert!(!places.contains(&"West German"), "{places:?}");
    assert!(
        org_names(&rec).contains(&"Rail Accident Investigation Branch".to_string()),
        "{:?}",
        org_names(&rec)
    );
}

#[test]
fn a_popular_given_name_after_to_is_no_town() {
    let rec = extract(
        "He was a loving husband to Marilyn and father to Tracy. Senator Mark Warner from \
         Virginia spoke.",
    );
    let places = place_names(&rec);
    assert!(!places.contains(&"Tracy"), "{places:?}");
    assert!(places.contains(&"Virginia"), "{places:?}");
}

#[test]
fn a_country_or_person_owning_a_company_is_not_its_name() {
    let rec = extract(
        "Sweden's Stora Kopparbergs Bergslags AB said it bought Papyrus AB. Kerry Packer's \
         Consolidated Press Holdings agreed. Boatmen's Bancshares Inc said. Britain's Prime \
         Minister Theresa May spoke in May.",
    );
    let orgs = org_names(&rec);
    for want in [
        "Stora Kopparbergs Bergslags AB",
        "Consolidated Press Holdings",
        "Boatmen's Bancshares Inc",
    ] {
        assert!(orgs.contains(&want.to_string()), "{orgs:?}");
    }
    let people = person_names(&rec);
    assert!(people.contains(&"Kerry Packer"), "{people:?}");
    assert!(people.contains(&"Theresa May"), "{people:?}");
}

#[test]
fn a_name_before_group_is_an_organisation() {
    let rec = extract(
        "Since the Shabab group controls much of the country, the army has failed. Israel \
         complained about the Islamic group and the Kurdish rebels.",
    );
    assert_eq!(org_names(&rec), ["Shabab"]);
}

#[test]
fn a_country_or_portfolio_before_a_name_is_not_part_of_it() {
    let rec = extract(
        "Team wins contest\n\nThe Afghan Ambassador to the United States Hamdullah Mohib \
         praised the team. Minister of Education Stefania Giannini said a reflection is \
         needed. Jordan Henderson scored. The crash of Indonesia AirAsia Flight 8501 was \
         investigated.",
    );
    let people: Vec<(&str, Vec<String>)> = rec
        .people
        .iter()
        .flatten()
        .map(|p| (p.name.as_str(), p.titles.clone()))
        .collect();
    let names: Vec<&str> = people.iter().map(|p| p.0).collect();
    assert!(names.contains(&"Hamdullah Mohib"), "{people:?}");
    assert!(names.contains(&"Jordan Henderson"), "{people:?}");
    assert!(!names.iter().any(|n| n.contains("AirAsia")), "{people:?}");
    assert!(
        people.contains(&(
            "Stefania Giannini",
            vec!["Minister of Education".to_string()]
        )),
        "{people:?}"
    );
}
