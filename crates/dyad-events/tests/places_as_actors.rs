//! Places as actors (`CoderConfig::places_as_actors`), PETRARCH2's reading of a place in a
//! prepositional phrase: its dictionaries list cities and capitals as their country, a
//! verb phrase without an actor object takes the actor of its prepositional phrases as
//! target, and a passive takes its source from `by`, `from` or `in`. Place references
//! (`"place": true`) are ignored unless the option is on. Also sector sharing over
//! coordinations: a country coordinated before a composed mention ("US and British
//! activists"), and a modifier after coordinated agents ("lawmakers and officials in
//! Fornost and Gondor").

mod common;

use common::{mention, parsed, petrarch, sorted_codings, Row};
use dyad_core::Document;
use dyad_events::{ActorRef, Coder, CoderConfig, VerbDictionary, PLACE_KEY};

const DICT: &str = "\
--- PROTEST [141] ---
PROTEST
--- MEET [040] ---
MEET
--- KILL [190] ---
KILL
--- ARREST [173] ---
ARREST
";

fn place(d: &Document, a: usize, b: usize, code: &str) -> ActorRef {
    let mut r = mention(d, a, b, Some(code));
    r.extra.insert(PLACE_KEY.into(), true.into());
    r
}

fn places() -> CoderConfig {
    CoderConfig {
        places_as_actors: true,
        ..petrarch()
    }
}

fn code(dict: &VerbDictionary, config: CoderConfig, d: &Document, a: &[ActorRef]) -> Vec<String> {
    sorted_codings(&Coder::new(dict, config).code(d, a))
}

#[test]
fn a_place_in_a_prepositional_phrase_is_the_target_only_when_configured() {
    // "Arnorian students protested in Minas Tirith on Monday": Minas Tirith is a city the
    // dictionary files under Gondor
    let rows: [Row; 8] = [
        ("Arnorian", "Arnorian", "ADJ", 2, "amod"),
        ("students", "student", "NOUN", 3, "nsubj"),
        ("protested", "protest", "VERB", 0, "root"),
        ("in", "in", "ADP", 6, "case"),
        ("Minas", "Minas", "PROPN", 6, "compound"),
        ("Tirith", "Tirith", "PROPN", 3, "obl"),
        ("on", "on", "ADP", 8, "case"),
        ("Monday", "Monday", "PROPN", 3, "obl"),
    ];
    let d = parsed(&rows, None);
    let a = vec![mention(&d, 1, 2, Some("ARNEDU")), place(&d, 5, 6, "GON")];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    assert_eq!(code(&dict, places(), &d, &a), vec!["ARNEDU>GON:141"]);
    // by default a place says where, not against whom: no target, no dyad
    assert!(code(&dict, petrarch(), &d, &a).is_empty());
}

#[test]
fn a_meeting_in_a_place_is_with_its_country_not_between_the_subjects() {
    // "Aragorn and Faramir will meet in Dol Amroth": PETRARCH2 codes both towards the
    // place's country (its verb phrase's prepositional actor), not each other
    let rows: [Row; 8] = [
        ("Aragorn", "Aragorn", "PROPN", 5, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Faramir", "Faramir", "PROPN", 1, "conj"),
        ("will", "will", "AUX", 5, "aux"),
        ("meet", "meet", "VERB", 0, "root"),
        ("in", "in", "ADP", 8, "case"),
        ("Dol", "Dol", "PROPN", 8, "compound"),
        ("Amroth", "Amroth", "PROPN", 5, "obl"),
    ];
    let d = parsed(&rows, None);
    let a = vec![
        mention(&d, 1, 1, Some("ARNGOV")),
        mention(&d, 3, 3, Some("GONGOV")),
        place(&d, 7, 8, "DOL"),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    assert_eq!(
        code(&dict, places(), &d, &a),
        vec!["ARNGOV>DOL:040", "GONGOV>DOL:040"]
    );
}

#[test]
fn a_passive_takes_its_source_from_the_place_it_names() {
    // "Four Rohirrim soldiers were killed in Mordor": PETRARCH2's passive source (in)
    let rows: [Row; 7] = [
        ("Four", "four", "NUM", 3, "nummod"),
        ("Rohirrim", "Rohirrim", "ADJ", 3, "amod"),
        ("soldiers", "soldier", "NOUN", 5, "nsubj:pass"),
        ("were", "be", "AUX", 5, "aux:pass"),
        ("killed", "kill", "VERB", 0, "root"),
        ("in", "in", "ADP", 7, "case"),
        ("Mordor", "Mordor", "PROPN", 5, "obl"),
    ];
    let d = parsed(&rows, None);
    let a = vec![
        mention(&d, 2, 3, Some("ROHMIL")),
        mention(&d, 7, 7, Some("MOR")),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    assert_eq!(code(&dict, places(), &d, &a), vec!["MOR>ROHMIL:190"]);
    assert!(code(&dict, petrarch(), &d, &a).is_empty());
}

#[test]
fn a_passive_source_must_be_the_place_itself() {
    // "A Rohirrim man was arrested in detention in Mordor": the phrase names a detention,
    // the place is only inside it; no source
    let rows: [Row; 9] = [
        ("A", "a", "DET", 3, "det"),
        ("Rohirrim", "Rohirrim", "ADJ", 3, "amod"),
        ("man", "man", "NOUN", 5, "nsubj:pass"),
        ("was", "be", "AUX", 5, "aux:pass"),
        ("arrested", "arrest", "VERB", 0, "root"),
        ("in", "in", "ADP", 7, "case"),
        ("detention", "detention", "NOUN", 5, "obl"),
        ("in", "in", "ADP", 9, "case"),
        ("Mordor", "Mordor", "PROPN", 7, "nmod"),
    ];
    let d = parsed(&rows, None);
    let a = vec![
        mention(&d, 2, 3, Some("ROHCVL")),
        mention(&d, 9, 9, Some("MOR")),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    assert!(code(&dict, places(), &d, &a).is_empty());
}

#[test]
fn a_country_coordinated_before_a_composed_mention_shares_its_sector() {
    // "Gondorian and Arnorian activists met Aragorn": the parse makes `Arnorian` the
    // conjunct of `Gondorian`, the mention "Arnorian activists" is ARNOPP
    let rows: [Row; 6] = [
        ("Gondorian", "Gondorian", "ADJ", 4, "amod"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Arnorian", "Arnorian", "ADJ", 1, "conj"),
        ("activists", "activist", "NOUN", 5, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("Aragorn", "Aragorn", "PROPN", 5, "obj"),
    ];
    let d = parsed(&rows, None);
    let mut opp = mention(&d, 3, 4, Some("ARNOPP"));
    opp.extra.insert("sector".into(), "OPP".into());
    let a = vec![
        mention(&d, 1, 1, Some("GON")),
        opp,
        mention(&d, 6, 6, Some("ARNGOV")),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    assert_eq!(
        code(&dict, petrarch(), &d, &a),
        vec!["ARNOPP>ARNGOV:040", "GONOPP>ARNGOV:040"]
    );
}

#[test]
fn a_modifier_after_a_coordination_of_agents_serves_each_agent() {
    // "Judges and officials in Rohan and Gondor welcomed Aragorn": the parse hangs "in
    // Rohan and Gondor" on `Judges`; `officials` (ROHGOV, its country from context) shares
    // it, so Gondor stands with both sectors
    let rows: [Row; 9] = [
        ("Judges", "judge", "NOUN", 8, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("officials", "official", "NOUN", 1, "conj"),
        ("in", "in", "ADP", 5, "case"),
        ("Rohan", "Rohan", "PROPN", 1, "nmod"),
        ("and", "and", "CCONJ", 7, "cc"),
        ("Gondor", "Gondor", "PROPN", 5, "conj"),
        ("welcomed", "welcome", "VERB", 0, "root"),
        ("Aragorn", "Aragorn", "PROPN", 8, "obj"),
    ];
    let d = parsed(&rows, None);
    let sectored = |a: usize, code: &str, sector: &str| {
        let mut m = mention(&d, a, a, Some(code));
        m.extra.insert("sector".into(), sector.into());
        m
    };
    let a = vec![
        sectored(1, "ROHJUD", "JUD"),
        sectored(3, "ROHGOV", "GOV"),
        mention(&d, 5, 5, Some("ROH")),
        mention(&d, 7, 7, Some("GON")),
        mention(&d, 9, 9, Some("ARNGOV")),
    ];
    let dict = VerbDictionary::parse("--- WELCOME [041] ---\nWELCOME\n", "t.txt").unwrap();
    assert_eq!(
        code(&dict, petrarch(), &d, &a),
        vec![
            "GONGOV>ARNGOV:041",
            "GONJUD>ARNGOV:041",
            "ROHGOV>ARNGOV:041",
            "ROHJUD>ARNGOV:041"
        ]
    );
}
