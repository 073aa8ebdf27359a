//! PETRARCH2's internal ontology adds an appeal or an intent to the kind of cooperation it
//! is about: "asked Faramir to help Rohan" is an appeal for aid (020 + 070 = 023), "will
//! endorse" an intent of diplomatic cooperation (051 -> 032).

mod common;

use common::{mention, parsed, petrarch, sorted_codings, Row};
use dyad_events::{Coder, CoderConfig, VerbDictionary};

const DICT: &str = "\
--- ASK [020] ---
ASK
--- HELP [070] ---
HELP
--- VISIT [042] ---
VISIT
--- ENDORSE [051] ---
ENDORSE
";

fn asked(verb: &str, lemma: &str) -> Vec<String> {
    // "Gondor asked Faramir to <verb> Rohan"
    let rows: [Row; 6] = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("asked", "ask", "VERB", 0, "root"),
        ("Faramir", "Faramir", "PROPN", 2, "obj"),
        ("to", "to", "PART", 5, "mark"),
        (verb, lemma, "VERB", 2, "xcomp"),
        ("Rohan", "Rohan", "PROPN", 5, "obj"),
    ];
    let d = parsed(&rows, None);
    let a = vec![
        mention(&d, 1, 1, Some("GON")),
        mention(&d, 3, 3, Some("GONGOV")),
        mention(&d, 6, 6, Some("ROH")),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    sorted_codings(&Coder::new(&dict, petrarch()).code(&d, &a))
}

#[test]
fn an_appeal_takes_the_kind_of_cooperation_asked_for() {
    assert_eq!(asked("help", "help"), vec!["GON>GONGOV:023"]);
    // a meeting is no cooperation code PETRARCH2 adds: the bare appeal stays
    assert_eq!(asked("visit", "visit"), vec!["GON>GONGOV:020"]);
}

#[test]
fn an_intended_diplomatic_act_is_an_intent_of_diplomatic_cooperation() {
    // "Gondor will endorse Rohan"
    let rows: [Row; 4] = [
        ("Gondor", "Gondor", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("endorse", "endorse", "VERB", 0, "root"),
        ("Rohan", "Rohan", "PROPN", 3, "obj"),
    ];
    let d = parsed(&rows, None);
    let a = vec![
        mention(&d, 1, 1, Some("GON")),
        mention(&d, 4, 4, Some("ROH")),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let intents = CoderConfig {
        intent: true,
        ..petrarch()
    };
    assert_eq!(
        sorted_codings(&Coder::new(&dict, intents).code(&d, &a)),
        vec!["GON>ROH:032"]
    );
}
