//! Rules written from the errors of a tuning set of web news and commentary (UD
//! English-EWT weblogs and newsgroups, undated): Iraq as a country in the data, Phoenix's
//! `MUS` (Muslim) never a country, a place name that is a person's surname in another
//! case, and bare leader surnames weighed against the document. Texts are made up.

mod resolved;

use dyad_actors::{Date, Dictionary, EntryKind};
use resolved::{find, resolve};

#[test]
fn iraq_and_its_cities_are_a_country_in_every_period() {
    let dict = Dictionary::builtin().unwrap();
    // Phoenix codes Iraq only by date ([IRQ <20030320] [IRQ >20060520]): no person with
    // roles, and IRQ also inside the gap and without a date
    for date in [
        None,
        Date::parse_iso("2004-06-01"),
        Date::parse_iso("2010-01-01"),
    ] {
        let found = dict.find(&["Iraq"], date);
        let f = found.first().expect("Iraq is known");
        assert_eq!(f.entry.kind, EntryKind::Country, "{date:?}");
        assert_eq!(f.code, Some("IRQ"), "{date:?}");
    }
    let found = dict.find(&["Iraqi"], None);
    assert_eq!(found[0].entry.kind, EntryKind::Demonym);
}

#[test]
fn iraqi_places_make_iraq_the_document_country() {
    let ms = resolve(
        "Angry crowds gathered in Falluja on Saturday. Guerrillas attacked a convoy near \
         Ramadi. In Baghdad, officials said the police would stay.",
        "",
    );
    let officials = find(&ms, "officials");
    assert_eq!(officials.country.as_deref(), Some("IRQ"), "{ms:#?}");
}

#[test]
fn a_surname_the_ner_calls_a_place_is_no_city_when_named_as_a_person() {
    // "KENNEDY" in capitals is also a town in Colombia: it is Anthony Kennedy's surname
    let ms = resolve(
        "Justice Anthony Kennedy wrote the opinion. KENNEDY was joined by SOUTER. \
         KENNEDY also wrote a concurrence. The ruling angered the administration.",
        "",
    );
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("COL")),
        "{ms:#?}"
    );
}

#[test]
fn a_leader_surname_in_a_story_of_the_namesake_country_is_the_namesake() {
    // "Abbas" is the surname the Factbook file gives a Chadian prime minister
    let ms = resolve(
        "Palestinians will vote in January. Abbas said the election would go ahead in \
         Ramallah and Gaza.",
        "",
    );
    let abbas = find(&ms, "Abbas");
    assert_ne!(abbas.country.as_deref(), Some("TCD"), "{ms:#?}");
    assert_eq!(abbas.country.as_deref(), Some("PSE"), "{ms:#?}");
    // "Cheney", a Guam entry of the Factbook, in an American story
    let ms = resolve(
        "The United States will not change course, Cheney said in Washington.",
        "",
    );
    assert_eq!(
        find(&ms, "Cheney").country.as_deref(),
        Some("USA"),
        "{ms:#?}"
    );
}

#[test]
fn a_leader_surname_named_in_full_before_takes_that_persons_code() {
    let ms = resolve(
        "Palestinian leader Mahmoud Abbas met Israeli officials. Abbas said talks would \
         resume.",
        "",
    );
    let bare = ms
        .iter()
        .find(|m| m.mention == "Abbas")
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(bare.country.as_deref(), Some("PSE"), "{ms:#?}");
}

#[test]
fn a_leader_surname_few_others_bear_keeps_its_leader_without_evidence() {
    // Haiti had one minister named Clinton: not enough to doubt the American
    let ms = resolve("Clinton said the campaign would go on.", "2016-10-01");
    let c = find(&ms, "Clinton");
    assert_eq!(c.country.as_deref(), Some("USA"), "{ms:#?}");
}

#[test]
fn a_bare_surname_of_dictionary_people_takes_the_country_the_document_names() {
    // no dictionary lists "Rumsfeld" alone; Phoenix knows Donald Rumsfeld (USA)
    let ms = resolve(
        "The Pentagon sent more troops to Iraq. Rumsfeld told the United States Senate \
         that the war was going well.",
        "",
    );
    assert_eq!(
        find(&ms, "Rumsfeld").country.as_deref(),
        Some("USA"),
        "{ms:#?}"
    );
    // "Bush" is also a Cayman Islands leader: the named country decides
    let ms = resolve(
        "Bush said the United States would stay the course in Iraq.",
        "",
    );
    assert_eq!(find(&ms, "Bush").country.as_deref(), Some("USA"), "{ms:#?}");
    // no country of its bearers named: no guess from the surname
    let ms = resolve("Rumsfeld said the talks would resume.", "");
    let r = find(&ms, "Rumsfeld");
    assert!(!r.rule.starts_with("surname of dictionary"), "{ms:#?}");
}

#[test]
fn a_surname_inside_a_longer_name_is_no_dictionary_person() {
    let ms = resolve(
        "He worked for the BBC World Service at Bush House in London for years.",
        "",
    );
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("USA")),
        "{ms:#?}"
    );
}

#[test]
fn a_leader_in_office_keeps_a_surname_others_share() {
    // two Equatoguinean leaders bore "Obama"; in 2015 the American was in office
    let ms = resolve(
        "Obama said he would not provide support to Israel.",
        "2015-06-09",
    );
    assert_eq!(
        find(&ms, "Obama").code.as_deref(),
        Some("USAGOV"),
        "{ms:#?}"
    );
}
