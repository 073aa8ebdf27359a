//! Rules written from the errors of the ninth tuning set (business, crime, health and
//! science news of 2019), each about the shape of English news rather than one article:
//! generic role nouns of police and court stories, a person's affiliation written after
//! the name, a bare given name after the full name. Texts are made up.

mod resolved;

use resolved::{find, resolve};

#[test]
fn officers_and_juries_are_police_and_judiciary_of_the_story() {
    let ms = resolve(
        "DALLAS, Texas — Police in Dallas arrested a man on Monday. Officers found the \
         missing girl in his car, and a federal jury in Dallas later convicted him. The \
         company's chief operating officer said the cabinet officers were told.",
        "2019-11-18",
    );
    let officers = find(&ms, "Officers");
    assert_eq!(officers.code.as_deref(), Some("USACOP"), "{ms:#?}");
    let jury = find(&ms, "jury");
    assert_eq!(jury.code.as_deref(), Some("USAJUD"), "{ms:#?}");
    // "officer" inside a company title and a cabinet title is no policeman
    assert!(
        ms.iter()
            .filter(|m| m.mention.contains("officer"))
            .all(|m| m.sector.as_deref() != Some("COP")),
        "{ms:#?}"
    );
}

#[test]
fn a_person_takes_the_country_written_in_the_affiliation_after_the_name() {
    let ms = resolve(
        "WASHINGTON — Scientists described the cells on Monday. A second paper by Ana \
         Ruiz of the Institute for Marine Genomics at the National Centre for Ocean \
         Research in Chile and her colleagues agreed. Tom Weller of the Aberdeen Royal \
         Infirmary in the UK treated the patient.",
        "2019-11-18",
    );
    let ruiz = find(&ms, "Ruiz");
    assert_eq!(ruiz.code.as_deref(), Some("CHLEDU"), "{ms:#?}");
    assert!(ruiz.rule.contains("affiliation"), "{ms:#?}");
    let weller = find(&ms, "Weller");
    assert_eq!(weller.country.as_deref(), Some("GBR"), "{ms:#?}");
}

#[test]
fn an_international_body_on_the_affiliation_chain_ends_it() {
    // the place after the United Nations is where it sits, not the person's country
    let ms = resolve(
        "Maria Lindqvist of the United Nations in New York said the talks would go on.",
        "2019-11-18",
    );
    let who = find(&ms, "Lindqvist");
    assert_ne!(who.country.as_deref(), Some("USA"), "{ms:#?}");
}

#[test]
fn a_bare_given_name_after_the_full_name_is_that_person_not_a_listed_namesake() {
    // "Taylor" alone is Charles Taylor of Liberia in the leaders list
    let ms = resolve(
        "NASHVILLE, Tennessee — The singer Taylor Pemberton accused her former label of \
         blocking her. The label denied it. Taylor said on Friday she would record the \
         songs again.",
        "2019-11-18",
    );
    let bare: Vec<_> = ms.iter().filter(|m| m.mention == "Taylor").collect();
    assert_eq!(bare.len(), 1, "{ms:#?}");
    assert_ne!(bare[0].country.as_deref(), Some("LBR"), "{ms:#?}");
    let full = find(&ms, "Taylor Pemberton");
    assert_eq!(bare[0].entity, full.entity, "{ms:#?}");
}

#[test]
fn names_listed_before_an_affiliation_share_it() {
    let ms = resolve(
        "Scientists described the illness on Monday. Jan Kowalczyk, Struan Reid, and \
         Owen Dempsey of the Aberdeen Royal Infirmary in the UK wrote the report.",
        "2019-11-18",
    );
    for name in ["Kowalczyk", "Reid", "Dempsey"] {
        let m = find(&ms, name);
        assert_eq!(m.country.as_deref(), Some("GBR"), "{name}: {ms:#?}");
    }
}

#[test]
fn a_role_noun_after_a_town_takes_the_town_country() {
    let ms = resolve(
        "The girl was found on Sunday. Fort Worth police said a neighbour had called them.",
        "2019-11-18",
    );
    let police = find(&ms, "police");
    assert_eq!(police.code.as_deref(), Some("USACOP"), "{ms:#?}");
    assert!(police.rule.contains("town (\"Fort Worth\""), "{ms:#?}");
}

#[test]
fn a_repeated_role_noun_is_no_surname_of_its_first_mention() {
    let ms = resolve(
        "Police in Texas arrested a man on Sunday. Law enforcement said a neighbour had \
         called them. Officers in Texas told law enforcement about the car.",
        "2019-11-18",
    );
    let both: Vec<_> = ms
        .iter()
        .filter(|m| m.mention.eq_ignore_ascii_case("law enforcement"))
        .collect();
    assert_eq!(both.len(), 2, "{ms:#?}");
    for m in both {
        assert_eq!(m.code.as_deref(), Some("USACOP"), "{ms:#?}");
    }
}

#[test]
fn a_company_name_ending_names_its_sector() {
    let ms = resolve(
        "CHICAGO, Illinois — Police in Chicago arrested two men. Police in Chicago said \
         the men had worked for Zentrova Technologies, which said it would help.",
        "2019-11-18",
    );
    let firm = find(&ms, "Zentrova");
    assert_eq!(firm.code.as_deref(), Some("USABUS"), "{ms:#?}");
}
