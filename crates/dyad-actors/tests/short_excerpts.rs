//! Rules of the fifth round, written from the errors of short undated news excerpts (UD
//! English PUD, one to five sentences of an article): the only country a short excerpt
//! names (and a pronoun no person explains takes it), GeoNames cities as evidence of it,
//! "the company" for the one company named, a bracketed acronym that spells the name
//! before it, and national companies, outlets and parties the Phoenix files lack. Texts are made up for the tests, through the real text
//! pipeline and models.

mod resolved;

use dyad_actors::{ActorKind, Dictionary};
use resolved::{annotated, find, resolve};

#[test]
fn an_unknown_person_takes_the_only_country_a_short_excerpt_names() {
    let ms = resolve(
        "Zorblat Quennik said the order would safeguard hundreds of skilled jobs. \
         The promise of new Royal Navy orders was made before the referendum.",
        "2016-11-01",
    );
    let p = find(&ms, "Zorblat Quennik");
    assert_eq!(p.country.as_deref(), Some("GBR"), "{ms:#?}");
    assert!(p.rule.contains("only country GBR"), "{}", p.rule);
}

#[test]
fn two_countries_or_only_an_outlet_give_a_short_excerpt_no_country() {
    let ms = resolve(
        "Zorblat Quennik said the order would safeguard hundreds of skilled jobs. \
         The Royal Navy and the French Navy will share the ships.",
        "2016-11-01",
    );
    assert_eq!(find(&ms, "Zorblat Quennik").code, None, "{ms:#?}");
    // where an outlet is based says nothing of where the story is set
    let ms = resolve(
        "Zorblat Quennik told the Associated Press there was an exchange of words. \
         No injuries were reported.",
        "2016-11-01",
    );
    let p = find(&ms, "Zorblat Quennik");
    assert_eq!(p.code, None, "{ms:#?}");
}

#[test]
fn the_company_is_the_one_company_the_story_names() {
    let ms = resolve(
        "News of the company's deceit wiped billions from Volkswagen's value. \
         The probe focused on Zorblat Quennik, who remains at the car maker.",
        "2016-11-01",
    );
    let company = find(&ms, "company");
    assert_eq!(company.code.as_deref(), Some("DEUBUS"), "{ms:#?}");
    assert!(company.rule.starts_with("kind noun"), "{}", company.rule);
    let maker = find(&ms, "car maker");
    assert_eq!(maker.code.as_deref(), Some("DEUBUS"), "{ms:#?}");
    // two companies of two countries: "the company" is left alone
    let ms = resolve(
        "Volkswagen and Toyota signed the deal. The company said it would hire more.",
        "2016-11-01",
    );
    assert!(
        !ms.iter().any(|m| m.rule.starts_with("kind noun")),
        "{ms:#?}"
    );
}

#[test]
fn a_bracketed_acronym_spelling_the_name_before_it_is_that_name() {
    let ms = resolve(
        "It is possible to have low iron stores, says Canadian Blood Services (CBS).",
        "2016-11-01",
    );
    let cbs = ms
        .iter()
        .find(|m| m.mention == "CBS")
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_ne!(cbs.code.as_deref(), Some("USAMED"), "{ms:#?}");
    assert!(cbs.rule.starts_with("acronym"), "{}", cbs.rule);
    // an acronym with no name before it keeps its dictionary code
    let ms = resolve("CBS reported the figures on Monday.", "2016-11-01");
    assert_eq!(find(&ms, "CBS").code.as_deref(), Some("USAMED"), "{ms:#?}");
}

#[test]
fn national_companies_outlets_and_parties_have_their_country() {
    let ms = resolve(
        "Huawei overtook Samsung, Der Spiegel reported. The GOP nominee said the \
         Liberal Democrats were wrong.",
        "2016-11-01",
    );
    assert_eq!(
        find(&ms, "Huawei").code.as_deref(),
        Some("CHNBUS"),
        "{ms:#?}"
    );
    assert_eq!(
        find(&ms, "Samsung").code.as_deref(),
        Some("KORBUS"),
        "{ms:#?}"
    );
    assert_eq!(
        find(&ms, "Spiegel").code.as_deref(),
        Some("DEUMED"),
        "{ms:#?}"
    );
    // dated parties: in opposition in November 2016 (Obama's and May's governments)
    assert_eq!(find(&ms, "GOP").code.as_deref(), Some("USAOPP"), "{ms:#?}");
    let ld = find(&ms, "Liberal Democrats");
    assert_eq!(ld.code.as_deref(), Some("GBROPP"), "{ms:#?}");
    assert_eq!(ld.kind, ActorKind::Organization);
    // undated text keeps the party's country
    let doc = annotated("The GOP nominee spoke in Ohio.");
    let dict = Dictionary::builtin().unwrap();
    let ms = dict.resolve(&doc, None);
    assert_eq!(find(&ms, "GOP").code.as_deref(), Some("USA"), "{ms:#?}");
}

#[test]
fn a_pronoun_with_no_person_to_follow_takes_the_document_country_alone() {
    let ms = resolve(
        "He urged the public to take more care. The Royal Navy and the Home Office \
         issued the warning.",
        "2016-11-01",
    );
    let he = find(&ms, "He");
    assert_eq!(he.code.as_deref(), Some("GBR"), "{ms:#?}");
    assert!(
        he.rule.starts_with("pronoun (he) + document country"),
        "{}",
        he.rule
    );
    // with no country in the text it stays uncoded
    let ms = resolve("He urged the public to take more care.", "2016-11-01");
    assert_eq!(find(&ms, "He").code, None, "{ms:#?}");
}

#[test]
fn role_nouns_the_agents_lacked_take_a_sector_and_the_ecb_is_the_eu() {
    let ms = resolve(
        "Canadian police said the suspect had no criminal history. The decision is \
         for the ECB to take.",
        "2016-11-01",
    );
    let s = find(&ms, "suspect");
    assert_eq!(s.sector.as_deref(), Some("CRM"), "{ms:#?}");
    assert_eq!(s.country.as_deref(), Some("CAN"), "{ms:#?}");
    assert_eq!(
        find(&ms, "ECB").code.as_deref(),
        Some("IGOEUREEC"),
        "{ms:#?}"
    );
}
