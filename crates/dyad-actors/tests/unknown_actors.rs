//! Actors no dictionary lists, through the real text pipeline and models: the document's
//! country from a dateline, people named next to the body they serve, organisations named
//! after a place, bare titles, and the guards that keep weak evidence from giving a code
//! (participants of their own, bare weapons). Texts are made up for the tests.

mod resolved;

use dyad_actors::Date;
use resolved::{annotated, find, resolve};

#[test]
fn a_dateline_gives_unknown_people_its_country_and_cvl() {
    let ms = resolve(
        "Bridge closed after flood\n\
         Toowoomba, Queensland, Australia — Marla Fenwick said the bridge would stay shut. \
         Fenwick has lived beside the river for thirty years.",
        "2015-05-07",
    );
    let p = find(&ms, "Marla Fenwick");
    assert_eq!(p.code.as_deref(), Some("AUSCVL"), "{ms:#?}");
    assert!(p.rule.contains("dateline AUS"), "{}", p.rule);
    let later = ms.iter().find(|m| m.mention == "Fenwick").expect("surname");
    assert_eq!(later.code.as_deref(), Some("AUSCVL"));
}

#[test]
fn a_person_takes_the_code_of_the_body_written_before_the_name() {
    let ms = resolve(
        "Pentagon official Maria Lopez said the review would take months.",
        "2012-03-01",
    );
    let p = find(&ms, "Maria Lopez");
    assert_eq!(p.code.as_deref(), Some("USAMIL"), "{ms:#?}");
    assert!(p.rule.contains("+ body"), "{}", p.rule);
}

#[test]
fn an_international_body_with_a_role_noun_keeps_both() {
    let ms = resolve(
        "Hundreds of UN troops withdrew from the border on Monday.",
        "2014-09-15",
    );
    let t = find(&ms, "troops");
    assert_eq!(t.code.as_deref(), Some("IGOUNOMIL"), "{ms:#?}");
}

#[test]
fn a_bare_title_is_the_person_named_with_it_before() {
    let ms = resolve(
        "President Barack Obama signed the bill on Tuesday. \
         Critics said the law was rushed. \
         The President defended it in a speech.",
        "2012-03-01",
    );
    let t = ms
        .iter()
        .find(|m| m.mention.ends_with("President") && !m.mention.contains("Obama"))
        .unwrap_or_else(|| panic!("no bare title in {ms:#?}"));
    assert_eq!(t.code.as_deref(), Some("USAGOV"), "{ms:#?}");
    assert!(t.rule.starts_with("title"), "{}", t.rule);
}

#[test]
fn a_country_that_is_another_participant_gives_no_context_country() {
    let ms = resolve("Congress is asking Obama to help Iran.", "2012-03-01");
    let c = find(&ms, "Congress");
    assert_ne!(c.country.as_deref(), Some("IRN"), "{ms:#?}");
    let ms = resolve(
        "The government expressed appreciation for China's assistance.",
        "2012-03-01",
    );
    let g = find(&ms, "government");
    assert_eq!(g.country, None, "{ms:#?}");
}

#[test]
fn weapons_are_no_actors_and_one_country_is_no_document_country() {
    let ms = resolve(
        "Georgian demonstrators launched missiles at the Georgian government.",
        "2012-03-01",
    );
    assert!(
        !ms.iter().any(|m| m.mention.contains("missiles")),
        "{ms:#?}"
    );
    assert_eq!(find(&ms, "demonstrators").code.as_deref(), Some("GEOOPP"));
    // a weapon with a country (the agents file lists "cruise missiles" as MIL) is no actor
    // either: the attacker is whoever fired it
    let ms = resolve("Russian cruise missiles struck the port.", "2022-03-01");
    assert!(
        !ms.iter().any(|m| m.mention.contains("missiles")),
        "{ms:#?}"
    );
    // a single mention of a country is too little to code a private person
    let ms = resolve(
        "Zorblat Quennik said Gabon had changed. Quennik left in May.",
        "2012-03-01",
    );
    assert_eq!(find(&ms, "Zorblat Quennik").code, None, "{ms:#?}");
}

#[test]
fn two_one_word_leaders_inside_one_name_are_neither() {
    let ms = resolve(
        "NASA Administrator John Smith said the review would take months.",
        "2012-03-01",
    );
    assert!(
        ms.iter().all(|m| m.code.as_deref() != Some("VCTGOV")),
        "{ms:#?}"
    );
    let p = find(&ms, "John Smith");
    assert_eq!(p.code.as_deref(), Some("USAGOV"), "{ms:#?}");
}

#[test]
fn a_government_agency_the_phoenix_files_lack_is_coded() {
    let ms = resolve(
        "The Home Office said the rules would change in April.",
        "2017-02-01",
    );
    assert_eq!(
        find(&ms, "Home Office").code.as_deref(),
        Some("GBRGOV"),
        "{ms:#?}"
    );
}

#[test]
fn a_prefix_agent_composes_with_the_country_after_it() {
    use std::io::Write;
    let text = "The relief league Kenya said the clinic would reopen on Monday.";
    let doc = annotated(text);
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "agent\trelief league\tNGO\tprefix").unwrap();
    let mut b = dyad_actors::DictionaryBuilder::with_builtin().unwrap();
    b.add_overlay_file(f.path()).unwrap();
    let dict = b.build().unwrap();
    let ms = dict.resolve(&doc, Date::parse_iso("2015-01-01"));
    let m = find(&ms, "league Kenya");
    assert_eq!(m.code.as_deref(), Some("NGOKEN"), "{ms:#?}");
    assert!(m.rule.starts_with("prefix agent+actor"), "{}", m.rule);
}

#[test]
fn a_capital_in_a_persons_name_is_that_person() {
    let ms = resolve(
        "Valeska Paris, a former member, has sued the company. \
         Paris says she was kept on the ship for years.",
        "2015-05-07",
    );
    assert!(
        ms.iter().all(|m| m.code.as_deref() != Some("FRAGOV")),
        "{ms:#?}"
    );
    let later = ms
        .iter()
        .find(|m| m.mention == "Paris")
        .unwrap_or_else(|| panic!("no later Paris in {ms:#?}"));
    assert!(later.rule.starts_with("surname"), "{}", later.rule);
}

#[test]
fn an_agent_keeps_its_whole_code_when_it_takes_a_possessor_country() {
    // the agents file lists "national security advisor" as GOVMIL, not plain GOV
    let ms = resolve(
        "Iraq's national security advisor met with the Syrian president on Tuesday.",
        "2015-03-01",
    );
    let m = find(&ms, "security advisor");
    assert_eq!(m.code.as_deref(), Some("IRQGOVMIL"), "{ms:#?}");
}
