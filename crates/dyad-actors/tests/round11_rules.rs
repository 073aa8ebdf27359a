//! Rules written from the errors of the eleventh round (political Wikinews of 2019-2020:
//! the tuning sets test10, test11 and test12), each about the shape of English news rather
//! than one article. Texts are made up.

mod resolved;

use resolved::{find, resolve};

#[test]
fn samoa_is_the_independent_state_not_american_samoa() {
    let ms = resolve(
        "The Samoan government closed the schools on Monday. Samoa asked for vaccines, and \
         the government of Samoa thanked its neighbours.",
        "2019-12-02",
    );
    for name in ["Samoan government", "Samoa"] {
        assert_eq!(find(&ms, name).country.as_deref(), Some("WSM"), "{ms:#?}");
    }
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("ASM")),
        "{ms:#?}"
    );
}

#[test]
fn american_samoa_keeps_its_own_code() {
    let ms = resolve(
        "Measles reached American Samoa in December, officials said.",
        "2019-12-08",
    );
    assert_eq!(
        find(&ms, "American Samoa").country.as_deref(),
        Some("ASM"),
        "{ms:#?}"
    );
}

#[test]
fn a_bare_senate_is_the_chamber_of_the_story_country() {
    let ms = resolve(
        "MANILA, Philippines — The Philippine government shut down the broadcaster on \
         Tuesday. Philippine lawmakers protested. Filipino journalists marched in Manila. \
         The Senate will hold a hearing on the franchise next week.",
        "2020-05-06",
    );
    let senate = find(&ms, "Senate");
    assert_eq!(senate.code.as_deref(), Some("PHLLEG"), "{ms:#?}");
}

#[test]
fn a_bare_senate_in_a_us_story_is_the_us_senate() {
    let ms = resolve(
        "WASHINGTON, United States — American lawmakers returned on Monday. The Senate \
         voted on the budget, and US officials welcomed the vote.",
        "2019-09-09",
    );
    let senate = find(&ms, "Senate");
    assert_eq!(senate.country.as_deref(), Some("USA"), "{ms:#?}");
    assert_eq!(senate.sector.as_deref(), Some("LEG"), "{ms:#?}");
}

#[test]
fn outlets_do_not_decide_where_a_story_is_set() {
    let ms = resolve(
        "Storm leaves trail of destruction in the Bahamas\n\
         The storm left the Bahamas on Wednesday, CNN reported. Prime Minister Hubert \
         Minnis said that the damage was severe. The airport is under water, CNN said. \
         Boats carried food to the islands, CNN reported. Volunteers handed out water.",
        "2019-09-05",
    );
    let v = find(&ms, "Volunteers");
    assert_eq!(v.country.as_deref(), Some("BHS"), "{ms:#?}");
}

#[test]
fn a_name_written_twice_takes_the_code_the_text_gives_it() {
    let ms = resolve(
        "American drone kills Abu Karim Haddad\n\
         On Friday, an American drone killed Abu Karim Haddad, the commander of the Iraqi \
         army, near Baghdad. The Pentagon said that Haddad had planned attacks.",
        "2020-01-03",
    );
    let names: Vec<_> = ms.iter().filter(|m| m.mention.contains("Haddad")).collect();
    assert!(names.len() >= 2, "{ms:#?}");
    for m in names {
        assert_eq!(m.country.as_deref(), Some("IRQ"), "{ms:#?}");
    }
}

#[test]
fn crime_and_disaster_role_nouns_take_the_story_country() {
    let ms = resolve(
        "MOSCOW, Russia — A gas explosion destroyed a block of flats in Moscow on Monday. \
         Russian rescuers worked through the night. Survivors were taken to hospital. \
         Russian police said that the attacker had fled.",
        "2019-12-31",
    );
    assert_eq!(
        find(&ms, "Survivors").code.as_deref(),
        Some("RUSCVL"),
        "{ms:#?}"
    );
    assert_eq!(
        find(&ms, "attacker").code.as_deref(),
        Some("RUSCRM"),
        "{ms:#?}"
    );
}

#[test]
fn a_family_is_no_antecedent_of_he() {
    let ms = resolve(
        "WASHINGTON, United States — Donald Trump's family said on Monday that he was well.",
        "2019-09-09",
    );
    let he = find(&ms, "he");
    assert!(he.rule.contains("Trump"), "{ms:#?}");
}

#[test]
fn a_nationality_in_apposition_gives_every_mention_of_the_person_its_country() {
    let ms = resolve(
        "LOS ANGELES, United States — Police in California arrested Karim Nassar on Monday. \
         American officials said that Nassar had attacked a guard in a US prison. Nassar, \
         an ethnic Palestinian from Jordan, came to the United States in 1990.",
        "2019-09-02",
    );
    let names: Vec<_> = ms.iter().filter(|m| m.mention.contains("Nassar")).collect();
    assert!(names.len() >= 2, "{ms:#?}");
    for m in names {
        assert_eq!(m.country.as_deref(), Some("JOR"), "{ms:#?}");
    }
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("PSE")),
        "{ms:#?}"
    );
}

#[test]
fn a_demonym_and_national_in_apposition_give_the_country() {
    let ms = resolve(
        "LONDON, United Kingdom — British police arrested Adam Saleh on Sunday after an \
         attack in a London park. Saleh, a Libyan national, had lived in Britain for years.",
        "2020-06-21",
    );
    let names: Vec<_> = ms.iter().filter(|m| m.mention.contains("Saleh")).collect();
    assert!(names.len() >= 2, "{ms:#?}");
    for m in names {
        assert_eq!(m.country.as_deref(), Some("LBY"), "{ms:#?}");
    }
}

#[test]
fn the_network_is_the_one_broadcaster_the_story_names() {
    let ms = resolve(
        "MANILA, Philippines — The Philippine government ordered ABS-CBN off the air on \
         Tuesday. The network signed off that night.",
        "2020-05-06",
    );
    assert_eq!(
        find(&ms, "network").code.as_deref(),
        Some("PHLMED"),
        "{ms:#?}"
    );
}

#[test]
fn a_coded_title_right_before_a_name_is_that_persons() {
    let ms = resolve(
        "ATHENS, Greece — Greek officials signed the deal on Thursday. Greece and Cyprus \
         welcomed it, and Italian economic development minister Stefano Rinaldi sent a \
         letter of support to the Greek government.",
        "2020-01-02",
    );
    assert_eq!(
        find(&ms, "Stefano Rinaldi").country.as_deref(),
        Some("ITA"),
        "{ms:#?}"
    );
}

#[test]
fn the_country_leading_story_and_opening_is_the_document_country() {
    let ms = resolve(
        "Prime Minister Jan Novak of the Slovak Republic tested positive for the virus on \
         Friday. Slovak officials said that he would isolate. A week earlier he met President \
         of France Emmanuel Macron, and the Prime Ministers of Belgium and Spain. The \
         Slovak government cancelled his meetings. The meeting had lasted two hours. A \
         spokesperson said on Saturday that the ministers were well.",
        "2020-12-18",
    );
    let s = find(&ms, "spokesperson");
    assert_eq!(s.country.as_deref(), Some("SVK"), "{ms:#?}");
}

#[test]
fn hong_kong_people_and_rescuers_have_a_country() {
    let ms = resolve(
        "HONG KONG — Hongkongers marched through the city on Sunday. Police said that \
         rescuers helped two people who fell.",
        "2019-08-18",
    );
    assert_eq!(
        find(&ms, "Hongkongers").country.as_deref(),
        Some("HKG"),
        "{ms:#?}"
    );
    assert_eq!(
        find(&ms, "rescuers").code.as_deref(),
        Some("HKGGOV"),
        "{ms:#?}"
    );
}

#[test]
fn an_acronym_spelling_a_coded_body_named_before_is_that_body() {
    let ms = resolve(
        "The storm reached the Bahamas on Sunday, according to the National Hurricane \
         Center. The NHC said that winds would weaken by Tuesday.",
        "2019-09-02",
    );
    assert_eq!(find(&ms, "NHC").code.as_deref(), Some("USAGOV"), "{ms:#?}");
}

#[test]
fn a_bare_uk_is_the_united_kingdom() {
    let ms = resolve(
        "A man was arrested in Reading, Berkshire, UK on Saturday.",
        "2020-06-21",
    );
    assert_eq!(find(&ms, "UK").country.as_deref(), Some("GBR"), "{ms:#?}");
}

#[test]
fn in_a_territory_story_bare_role_nouns_are_the_territorys() {
    let ms = resolve(
        "HONG KONG — Hong Kong protesters marched on Sunday. Hong Kong lawmakers joined \
         them. Many marched against Chinese government encroachment, and police watched.",
        "2019-08-18",
    );
    assert_eq!(
        find(&ms, "police").code.as_deref(),
        Some("HKGCOP"),
        "{ms:#?}"
    );
}

#[test]
fn a_surname_the_ner_took_for_a_body_is_the_person_named_before() {
    let ms = resolve(
        "WASHINGTON, United States — General Services Administration administrator Emily \
         W. Murphy sent a letter on Monday. Murphy wrote that she had not been pressured.",
        "2020-11-24",
    );
    let murphys: Vec<_> = ms.iter().filter(|m| m.mention == "Murphy").collect();
    assert!(!murphys.is_empty(), "{ms:#?}");
    for m in murphys {
        assert_eq!(m.country.as_deref(), Some("USA"), "{ms:#?}");
    }
}

#[test]
fn an_acronym_of_a_body_coded_from_its_context_is_that_body() {
    let ms = resolve(
        "MANILA, Philippines — The Philippine government closed the broadcaster on Tuesday. \
         The National Telecommunications Commission (NTC) issued the order. Philippine \
         lawmakers protested, but the NTC refused to reverse it.",
        "2020-05-06",
    );
    let ntc: Vec<_> = ms.iter().filter(|m| m.mention == "NTC").collect();
    assert!(!ntc.is_empty(), "{ms:#?}");
    for m in ntc {
        assert_eq!(m.country.as_deref(), Some("PHL"), "{ms:#?}");
    }
}
