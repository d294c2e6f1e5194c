//! Places: gazetteer lookup with disambiguation, natural-feature and administrative forms
//! ("Hamrin Mountains", "Salahuddin province"), "in `<Name>`" context; the `places` section and
//! the article's focus.
//!
//! Input: token ranges of name chunks. Output: `Typed` places carrying the chosen gazetteer row
//! (most populous reading first, then context: a country or state named right after it, as in
//! "Paris, Texas"), and record entries. Does not geocode addresses or streets.

use crate::gazetteer::{Key, PlaceId, PlaceRow, Places};
use crate::names::{range_key, tok_key, KeyedDoc, Kind, Names, Typed};
use crate::record::{Focus, Offsets, Place};
use crate::text::Span;

/// Last words that make a natural feature of a capitalised name, with the kind they give.
const FEATURE_WORDS: &[(&str, &str)] = &[
    ("Basin", "basin"),
    ("Bay", "bay"),
    ("Canal", "canal"),
    ("Cape", "cape"),
    ("Channel", "strait"),
    ("Desert", "desert"),
    ("Gulf", "gulf"),
    ("Hills", "mountains"),
    ("Island", "island"),
    ("Islands", "islands"),
    ("Lake", "lake"),
    ("Mountain", "mountain"),
    ("Mountains", "mountains"),
    ("Ocean", "ocean"),
    ("Peninsula", "peninsula"),
    ("Plain", "plain"),
    ("Plateau", "plateau"),
    ("Range", "mountains"),
    ("River", "river"),
    ("Sea", "sea"),
    ("Strait", "strait"),
    ("Valley", "valley"),
];

/// Last words of buildings and sites ("Jamarat Bridge", "Wembley Stadium").
fn is_facility_word(w: &str) -> bool {
    matches!(
        w,
        "Airport"
            | "Bridge"
            | "Hotel"
            | "Stadium"
            | "Square"
            | "Street"
            | "Avenue"
            | "Road"
            | "Palace"
            | "Mosque"
            | "Synagogue"
            | "Cathedral"
            | "Prison"
            | "Airbase"
            | "Base"
            | "Tower"
            | "Towers"
            | "Park"
            | "Arena"
            | "Dam"
            | "Harbour"
            | "Harbor"
            | "Port"
            | "Camp"
            | "Checkpoint"
            | "Crossing"
            | "Highway"
            | "Boulevard"
            | "Field"
            | "Speedway"
            | "Circuit"
            | "Racecourse"
    )
}

/// True when the last word of `name` makes it a natural feature ("Hamrin Mountains").
pub fn is_feature_name(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|last| FEATURE_WORDS.iter().any(|(w, _)| *w == last))
}

/// True for a country as a news reader sees it: a sovereign state, or one of the nations of
/// the United Kingdom (GeoNames files England and Scotland as subdivisions).
pub fn is_nation(row: PlaceId) -> bool {
    nation_of_kind(row, row.kind())
}

/// `is_nation` of a row whose kind is read already.
pub fn nation_of_kind(row: PlaceId, kind: &str) -> bool {
    kind == "country"
        || (kind == "subdivision"
            && row.country() == "GB"
            && matches!(
                row.canonical(),
                "England" | "Scotland" | "Wales" | "Northern Ireland"
            ))
}

/// Administrative words that close a place name, upper or lower case ("Salahuddin province").
pub fn is_admin_word(w: &str) -> bool {
    w == "region"
        || [
            "province",
            "governorate",
            "prefecture",
            "district",
            "county",
            "oblast",
            "municipality",
        ]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(w))
}

/// Looks a whole name up in the place gazetteer by its key.
pub fn lookup(key: &Key, span: Span, rule: &'static str) -> Option<Typed> {
    lookup_rows(&key.places(), span, rule)
}

/// A place reading of `span` from its gazetteer rows (the most prominent one).
fn lookup_rows(rows: &Places, span: Span, rule: &'static str) -> Option<Typed> {
    let row = rows.best()?;
    Some(typed_place(row, row.kind(), span, rule))
}

/// `span` read as the place `row`, of kind `kind`.
fn typed_place(row: PlaceId, kind: &str, span: Span, rule: &'static str) -> Typed {
    let mut t = Typed::new(span, Kind::Place, rule, 2);
    t.place = Some(row);
    if matches!(kind, "country" | "continent") {
        t.strength = 3;
    }
    t
}

/// Types `[a, b)` as a place when the gazetteer knows the whole name. A one-word town whose
/// name is also an ordinary word or a given name ("Nice", "Most", "Florence") needs context:
/// a locative preposition before it or ", `<country or state>`" after it.
pub fn classify_known(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    classify_known_key(doc, a, b, &range_key(doc, a, b))
}

/// `classify_known` with the key of the whole name already folded.
pub fn classify_known_key(doc: &KeyedDoc, a: usize, b: usize, key: &Key) -> Option<Typed> {
    let rows = key.places();
    // "Salahuddin province" keeps the text's name: see `classify`.
    if rows.is_empty() || is_admin_word(doc.tok(b - 1)) {
        return None;
    }
    // The row's kind is read once, and again only for a narrowed reading.
    let row = rows.best()?;
    let kind = row.kind();
    // "German" is a demonym before it is the Isle of Man parish.
    if b - a == 1 && kind != "country" && key.demonym().is_some() {
        return None;
    }
    let mut t = typed_place(row, kind, doc.span(a, b - 1), "gazetteer:place");
    // "Paris, Texas": a following place narrows the reading.
    let narrowed = narrow_by_next(doc, b, &rows);
    let (row, kind) = match narrowed {
        Some(n) => {
            t.place = Some(n);
            (n, n.kind())
        }
        None => (row, kind),
    };
    // Countries and continents stand alone ("Turkey", "Chad"); an ordinary word that names a
    // region or province ("Northern", "Central") needs context like a town does.
    let major = nation_of_kind(row, kind) || kind == "continent";
    if b - a == 1 && !major {
        let common = key.is_common_word();
        let given = key.given_name().is_some();
        if common || given {
            let prev = (a > 0).then(|| doc.tok(a - 1));
            // "father to Tracy": a common given name needs more than "to" or "from", unless the
            // town is a large one ("from Houston").
            let popular = key.given_name().is_some_and(|(_, f)| f >= 100_000)
                && kind == "city"
                && row.population() < 500_000;
            let locative = prev.is_some_and(|p| {
                matches!(p, "in" | "near" | "outside" | "at")
                    || matches!(p, "from" | "to") && !popular
            });
            if common && !locative && narrowed.is_none() && !after_comma_place(doc, b) {
                return None;
            }
            if popular && prev.is_some_and(|p| matches!(p, "from" | "to")) {
                return None;
            }
            t.strength = 1;
            t.rule = if kind == "city" {
                "gazetteer:city"
            } else {
                "gazetteer:place"
            };
            return Some(t);
        }
    }
    t.rule = match kind {
        "country" => "gazetteer:country",
        "city" => "gazetteer:city",
        "subdivision" => "gazetteer:subdivision",
        "continent" | "region" => "gazetteer:region",
        _ => "gazetteer:feature",
    };
    Some(t)
}

/// True when ", `<known place>`" follows token `b`.
fn after_comma_place(doc: &KeyedDoc, b: usize) -> bool {
    b + 1 < doc.tokens.len() && doc.tok(b) == "," && !tok_key(doc, b + 1).places().is_empty()
}

/// Looks a name on a shouted line up (`key` its key): a one-word ordinary English word ("TO",
/// "NICE") counts only as a country, continent, region or subdivision.
pub fn lookup_caps(text: &str, key: &Key, span: Span, single: bool) -> Option<Typed> {
    let row = key.places().best()?;
    if single && text.chars().count() < 3 {
        return None;
    }
    let kind = row.kind();
    let nation = nation_of_kind(row, kind) || kind == "continent";
    // "GERMAN CONSULATE": a people's adjective names no place.
    if single && !nation && (key.is_common_word() || key.demonym().is_some()) {
        return None;
    }
    Some(typed_place(row, kind, span, "caps:gazetteer"))
}

/// Types `[a, b)` as a place from its own words (the gazetteer did not know the whole name):
/// natural features ("Hamrin Mountains", "Lake Victoria"), administrative units ("Salahuddin
/// province", "Derbyshire").
pub fn classify(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    let span = doc.span(a, b - 1);
    let last = doc.tok(b - 1);
    if b - a >= 2 {
        if let Some(&(_, kind)) = FEATURE_WORDS.iter().find(|(w, _)| *w == last) {
            let mut t = Typed::new(span, Kind::Place, "feature-word", 2);
            t.place_kind = Some(kind);
            return Some(t);
        }
        if is_admin_word(last) {
            let mut t = Typed::new(span, Kind::Place, "admin-word", 2);
            t.place_kind = Some("subdivision");
            // "Salahuddin province": the gazetteer may know the bare name (coordinates).
            t.place = range_key(doc, a, b - 1).places().best();
            return Some(t);
        }
    }
    // "Jamarat Bridge", "Al-Ghaza Hotel", "Camp Lejeune": buildings and sites.
    // A common given name keeps a person's surname: "Sally Field".
    let person_first = last == "Field"
        && tok_key(doc, a)
            .given_name()
            .is_some_and(|(_, f)| f >= 20_000);
    if b - a >= 2
        && !person_first
        && (is_facility_word(last) || matches!(doc.tok(a), "Camp" | "Fort" | "Villa" | "Masjid"))
    {
        let mut t = Typed::new(span, Kind::Place, "facility-word", 2);
        t.place_kind = Some("facility");
        return Some(t);
    }
    // "South London", "Northern Kenya": a part of a known place.
    if b - a == 2 && is_compass(doc.tok(a)) && doc.tok(a) != "New" {
        let next = tok_key(doc, a + 1);
        if !next.is_common_word() {
            if let Some(row) = next.places().best() {
                let mut t = Typed::new(span, Kind::Place, "compass+place", 2);
                t.place_kind = Some("region");
                t.country = Some(row.country()).filter(|c| !c.is_empty());
                return Some(t);
            }
        }
    }
    // "Lake Victoria", "Mount Everest", "Gulf of Aden".
    if b - a >= 2
        && matches!(
            doc.tok(a),
            "Lake" | "Mount" | "Mt" | "Gulf" | "Sea" | "Cape" | "Isle"
        )
    {
        let mut t = Typed::new(span, Kind::Place, "feature-word", 2);
        t.place_kind = Some(match doc.tok(a) {
            "Lake" => "lake",
            "Gulf" => "gulf",
            "Sea" => "sea",
            "Cape" => "cape",
            "Isle" => "island",
            _ => "mountain",
        });
        return Some(t);
    }
    // English counties and their kin: "Derbyshire", "Lancashire".
    if b - a == 1
        && last.len() > 7
        && last.ends_with("shire")
        && last.starts_with(char::is_uppercase)
    {
        let mut t = Typed::new(span, Kind::Place, "shire-word", 2);
        t.place_kind = Some("subdivision");
        t.country = Some("GB");
        return Some(t);
    }
    None
}

/// "North", "Western", "Central": a word that names a part of a place.
pub fn is_compass(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Upper"
            | "Lower"
            | "Greater"
            | "New"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
    )
}

/// "Arlington Virginia", "Paris Texas": a town run on into the state or country that holds
/// it, without the comma. Returns both places, the town read inside the region.
pub fn town_and_region(doc: &KeyedDoc, a: usize, b: usize) -> Option<[Typed; 2]> {
    if !(2..=4).contains(&(b - a)) {
        return None;
    }
    // The state or country is the last word or two ("Virginia", "New York").
    (b.saturating_sub(2).max(a + 1)..b).rev().find_map(|k| {
        let region_span = doc.span(k, b - 1);
        let regions = range_key(doc, k, b).places();
        let region = regions
            .ids()
            .find(|&r| r.kind() == "subdivision" || is_nation(r))?;
        let region_kind = region.kind();
        let town = range_key(doc, a, k);
        // "West Germany", "Bell Canada": an ordinary word is no town.
        if town.is_common_word() || (a..k).any(|i| is_compass(doc.tok(i))) {
            return None;
        }
        let towns = town.places();
        if towns.is_empty() {
            return None;
        }
        let inside = towns.ids().find(|t| {
            t.kind() == "city"
                && if region_kind == "subdivision" {
                    t.admin1() == region.canonical() && t.country() == region.country()
                } else {
                    t.country() == region.country()
                }
        });
        // "to Moscow U.S. grain": after a bare country, the town must be best known there;
        // "Gillette Canada" is a company.
        let best = towns.best()?;
        let town =
            inside.filter(|t| region_kind == "subdivision" || best.country() == t.country())?;
        let mut first = Typed::new(doc.span(a, k - 1), Kind::Place, "town+region", 2);
        first.place = Some(town);
        let mut second = Typed::new(region_span, Kind::Place, "town+region", 2);
        second.place = Some(region);
        Some([first, second])
    })
}

/// With "`<Place>`, `<Country or state>`", picks the reading inside that country or state.
fn narrow_by_next(doc: &KeyedDoc, b: usize, rows: &Places) -> Option<PlaceId> {
    if rows.len() < 2 || b + 1 >= doc.tokens.len() || doc.tok(b) != "," {
        return None;
    }
    // The next name's rows, read once for all of these.
    let ctx: Vec<PlaceRow> = tok_key(doc, b + 1).places().iter().collect();
    if ctx.is_empty() {
        return None;
    }
    rows.ids().find(|r| {
        let (country, admin1) = (r.country(), r.admin1());
        ctx.iter().any(|c| {
            (c.kind == "country" && c.country == country)
                || (c.kind == "subdivision" && c.canonical == admin1)
        })
    })
}

/// "in `<Name>`", "near `<Name>`": an unknown capitalised name after a locative preposition.
pub fn from_context(doc: &KeyedDoc, a: usize, b: usize) -> Option<Typed> {
    if a == 0 || b - a > 3 {
        return None;
    }
    let prev = doc.tok(a - 1);
    // "the Brazilian Grand Prix at Interlagos", "the final at Wembley": a contest's venue.
    let venue = prev == "at"
        && a >= 2
        && matches!(
            doc.tok(a - 2),
            "Prix"
                | "Open"
                | "Cup"
                | "Final"
                | "Games"
                | "race"
                | "match"
                | "game"
                | "final"
                | "semi-final"
                | "tournament"
                | "concert"
                | "summit"
                | "ceremony"
                | "rally"
        );
    // "the Interlagos track", "the Hungaroring circuit": a ground named before its kind.
    let ground = doc.tokens.get(b).is_some_and(|_| {
        matches!(
            doc.tok(b),
            "track" | "circuit" | "stadium" | "racecourse" | "speedway" | "velodrome" | "arena"
        )
    }) && matches!(prev, "the" | "The");
    if venue || ground {
        let text = range_key(doc, a, b);
        if text.is_common_word() || tok_key(doc, a).given_name().is_some() {
            return None;
        }
        let mut t = Typed::new(doc.span(a, b - 1), Kind::Place, "venue", 1);
        t.place_kind = Some("facility");
        return Some(t);
    }
    if !matches!(prev, "in" | "near" | "outside" | "across" | "to" | "from") {
        return None;
    }
    let text = range_key(doc, a, b);
    if text.is_common_word() || tok_key(doc, a).given_name().is_some() {
        return None;
    }
    // "to" and "from" also precede people and organisations: only "in", "near" are strong.
    let strength = if matches!(prev, "in" | "near" | "outside") {
        1
    } else {
        0
    };
    let mut t = Typed::new(
        doc.span(a, b - 1),
        Kind::Place,
        "locative+capitalised",
        strength,
    );
    t.place_kind = Some("place");
    Some(t)
}

/// The `places` record section. Names and aliases move out of `names`, which holds empty ones
/// for places afterwards.
pub fn to_record(names: &mut Names, off: &Offsets, explain: bool) -> Vec<Place> {
    let (places, mentions) = names.of_kind_mut(Kind::Place);
    places
        .map(|e| {
            let row = e.place;
            let finite = |v: f32| (!v.is_nan()).then(|| ((v as f64) * 1e4).round() / 1e4);
            Place {
                canonical: row
                    .map(|r| r.canonical)
                    .filter(|c| *c != e.name)
                    .map(Into::into),
                kind: row
                    .map(|r| r.kind)
                    .or(e.place_kind)
                    .unwrap_or("place")
                    .into(),
                country: e.country_code(),
                admin1: row
                    .map(|r| r.admin1)
                    .filter(|a| !a.is_empty())
                    .map(Into::into),
                lat: row.and_then(|r| finite(r.lat)),
                lon: row.and_then(|r| finite(r.lon)),
                mentions: e.record_mentions(mentions, off, explain),
                name: std::mem::take(&mut e.name),
                aliases: std::mem::take(&mut e.aliases),
            }
        })
        .collect()
}

/// The article's focus: the country and the place mentioned most, earlier mentions weighing more.
pub fn focus(names: &Names) -> Option<Focus> {
    // Each country's weight, sorted by country (a text names few countries, and there are few
    // in all: one list, searched by halves).
    let mut countries: Vec<(&'static str, f64)> = Vec::new();
    let mut best_place: Option<(f64, &str)> = None;
    let total = names.mentions.len().max(1) as f64;
    for (_, e) in names.of_kind(Kind::Place) {
        let weight: f64 = e
            .mentions
            .iter()
            .map(|&m| 1.0 + (total - m as f64) / total)
            .sum();
        let country = e
            .place
            .map(|p| p.country)
            .filter(|c| !c.is_empty())
            .or(e.country);
        if let Some(c) = country {
            match countries.binary_search_by(|(k, _)| k.cmp(&c)) {
                Ok(i) => countries[i].1 += weight,
                Err(i) => countries.insert(i, (c, weight)),
            }
        }
        let specific = !matches!(
            e.place.map(|p| p.kind),
            Some("country" | "continent" | "region")
        );
        let w = if specific { weight * 1.2 } else { weight };
        if best_place.is_none_or(|(bw, _)| w > bw) {
            best_place = Some((w, e.name.as_str()));
        }
    }
    if countries.is_empty() && best_place.is_none() {
        return None;
    }
    let country = countries
        .iter()
        .max_by(|a, b| {
            a.1.partial_cmp(&b.1)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.0.cmp(a.0))
        })
        .map(|&(c, _)| c.into());
    Some(Focus {
        country,
        place: best_place.map(|(_, n)| n.to_string()),
    })
}
