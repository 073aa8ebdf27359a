//! Rules written from the errors of the tenth-round tuning set (political news of 2019:
//! territories, parliaments, churches), each about the shape of English news rather than
//! one article. Texts are made up.

mod resolved;

use resolved::{find, resolve};

#[test]
fn a_territory_with_its_own_iso_code_is_its_own_country() {
    let ms = resolve(
        "SAN JUAN — Puerto Rico named a new governor on Friday. Lawmakers of Puerto Rico \
         met in the capital.",
        "2019-08-02",
    );
    let pr = find(&ms, "Puerto Rico");
    assert_eq!(pr.country.as_deref(), Some("PRI"), "{ms:#?}");
}

#[test]
fn a_country_inside_a_sea_name_gives_no_role_noun_its_country() {
    let ms = resolve(
        "Tropical Storm Barry formed on Thursday. Governor John Bel Edwards warned that the \
         storm over the Gulf of Mexico would bring heavy rain, and officials of the state \
         opened shelters.",
        "2019-07-12",
    );
    assert!(
        ms.iter()
            .all(|m| m.mention == "Mexico" || m.country.as_deref() != Some("MEX")),
        "{ms:#?}"
    );
}

#[test]
fn a_company_gives_no_court_or_parliament_its_country() {
    let ms = resolve(
        "EDINBURGH, Scotland — Scotland's highest court ruled on Wednesday. Nicola Sturgeon \
         said via Twitter that the Court says Parliament must be recalled.",
        "2019-09-11",
    );
    for name in ["Court", "Parliament"] {
        let m = find(&ms, name);
        assert_ne!(m.country.as_deref(), Some("USA"), "{ms:#?}");
    }
}

#[test]
fn a_capital_name_before_a_landmark_noun_is_a_place_not_a_government() {
    let ms = resolve(
        "HONG KONG — Thousands of protesters gathered in the rain. Victoria Park was full \
         by noon, and police closed the roads.",
        "2019-08-18",
    );
    assert!(
        ms.iter().all(|m| m.country.as_deref() != Some("SYC")),
        "{ms:#?}"
    );
}

#[test]
fn the_queen_without_a_name_is_the_monarch_the_story_names() {
    let ms = resolve(
        "LONDON — A court ruled on Wednesday that the advice given to HM the Queen was \
         unlawful. Prime Minister Boris Johnson had asked Queen Elizabeth II to suspend \
         parliament, and the Queen agreed.",
        "2019-09-11",
    );
    let queens: Vec<_> = ms.iter().filter(|m| m.mention.ends_with("Queen")).collect();
    assert_eq!(queens.len(), 2, "{ms:#?}");
    for q in queens {
        assert_eq!(q.code.as_deref(), Some("GBRGOV"), "{ms:#?}");
    }
}

#[test]
fn a_territory_as_strong_as_its_sovereign_is_the_document_country() {
    let ms = resolve(
        "Puerto Rico's governor resigns\n\
         On Friday, the governor of the United States commonwealth of Puerto Rico resigned. \
         Officials of Puerto Rico said a successor would be chosen. \
         Lawmakers of Puerto Rico met, and the United States Congress watched. \
         One senator, Eduardo Bhatia, said he would sue.",
        "2019-08-04",
    );
    let bhatia = find(&ms, "Eduardo Bhatia");
    assert_eq!(bhatia.country.as_deref(), Some("PRI"), "{ms:#?}");
}
