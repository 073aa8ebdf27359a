//! Rules of the thirteenth round, found on real political news (Wikinews). Parses are
//! hand-written rows shaped as the repository's parser gives them; the sentences are made
//! up.

mod common;

use common::code_nouns;

use dyad_events::{Coder, VerbDictionary};

#[test]
fn a_pattern_naming_its_object_noun_takes_the_noun_into_the_trigger() {
    // "Gondor began a military offensive into Mordor": `* OFFENSIVE` [190]; annotators
    // mark the noun ("military offensive"), so the trigger runs from the verb to it
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("began", "begin", "VERB", 0, "root"),
        ("a", "a", "DET", 5, "det"),
        ("military", "military", "ADJ", 5, "amod"),
        ("offensive", "offensive", "NOUN", 2, "obj"),
        ("into", "into", "ADP", 7, "case"),
        ("Mordor", "Mordor", "PROPN", 2, "obl"),
    ];
    let d = common::parsed(&rows, None);
    let refs = [
        common::mention(&d, 1, 1, Some("GON")),
        common::mention(&d, 7, 7, Some("MOR")),
    ];
    let ev = Coder::new(VerbDictionary::news(), common::petrarch()).code(&d, &refs);
    assert_eq!(common::sorted_codings(&ev), vec!["GON>MOR:190"]);
    assert_eq!(
        ev[0].trigger.get(&d.text),
        Some("began a military offensive")
    );

    // a bare verb code names no noun: the trigger stays the verb ("Gondor attacked Mordor")
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Mordor", "Mordor", "PROPN", 2, "obj"),
    ];
    let d = common::parsed(&rows, None);
    let refs = [
        common::mention(&d, 1, 1, Some("GON")),
        common::mention(&d, 3, 3, Some("MOR")),
    ];
    let ev = Coder::new(VerbDictionary::news(), common::petrarch()).code(&d, &refs);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].trigger.get(&d.text), Some("attacked"));
}

#[test]
fn a_trigger_does_not_run_over_an_actor() {
    // "Gondor began a Rohan offensive into Mordor": `* OFFENSIVE`, but an actor stands
    // between verb and noun, and the trigger stays "began"
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("began", "begin", "VERB", 0, "root"),
        ("a", "a", "DET", 5, "det"),
        ("Rohan", "Rohan", "PROPN", 5, "compound"),
        ("offensive", "offensive", "NOUN", 2, "obj"),
        ("into", "into", "ADP", 7, "case"),
        ("Mordor", "Mordor", "PROPN", 2, "obl"),
    ];
    let d = common::parsed(&rows, None);
    let refs = [
        common::mention(&d, 1, 1, Some("GON")),
        common::mention(&d, 4, 4, Some("ROH")),
        common::mention(&d, 7, 7, Some("MOR")),
    ];
    let ev = Coder::new(VerbDictionary::news(), common::petrarch()).code(&d, &refs);
    assert!(!ev.is_empty());
    for e in &ev {
        assert_eq!(e.trigger.get(&d.text), Some("began"), "{e:?}");
    }
}

#[test]
fn the_subject_of_a_light_verb_does_what_its_noun_names() {
    // "Gondor had talks with Rohan": `have` codes nothing, the talks are Gondor's
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("had", "have", "VERB", 0, "root"),
        ("talks", "talk", "NOUN", 2, "obj"),
        ("with", "with", "ADP", 5, "case"),
        ("Rohan", "Rohan", "PROPN", 3, "nmod"),
    ];
    assert_eq!(
        code_nouns(&rows, &[(1, 1, "GON"), (5, 5, "ROH")]),
        vec!["GON>ROH:046"]
    );
    // "Gondor entered into an agreement with Rohan" (news_nouns.tsv: agreement 057)
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("entered", "enter", "VERB", 0, "root"),
        ("into", "into", "ADP", 5, "case"),
        ("an", "a", "DET", 5, "det"),
        ("agreement", "agreement", "NOUN", 2, "obl"),
        ("with", "with", "ADP", 7, "case"),
        ("Rohan", "Rohan", "PROPN", 5, "nmod"),
    ];
    assert_eq!(
        code_nouns(&rows, &[(1, 1, "GON"), (7, 7, "ROH")]),
        vec!["GON>ROH:057"]
    );
    // a verb that is not light names no source: "Gondor read talks with Rohan"
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("read", "read", "VERB", 0, "root"),
        ("talks", "talk", "NOUN", 2, "obj"),
        ("with", "with", "ADP", 5, "case"),
        ("Rohan", "Rohan", "PROPN", 3, "nmod"),
    ];
    assert!(code_nouns(&rows, &[(1, 1, "GON"), (5, 5, "ROH")]).is_empty());
}

#[test]
fn a_pact_between_two_actors_is_an_agreement_of_each_with_the_other() {
    // "The pact between Gondor and Rohan held" (news_nouns.tsv: pact 057)
    let rows = [
        ("The", "the", "DET", 2, "det"),
        ("pact", "pact", "NOUN", 7, "nsubj"),
        ("between", "between", "ADP", 4, "case"),
        ("Gondor", "Gondor", "PROPN", 2, "nmod"),
        ("and", "and", "CCONJ", 6, "cc"),
        ("Rohan", "Rohan", "PROPN", 4, "conj"),
        ("held", "hold", "VERB", 0, "root"),
    ];
    assert_eq!(
        code_nouns(&rows, &[(4, 4, "GON"), (6, 6, "ROH")]),
        vec!["GON>ROH:057", "ROH>GON:057"]
    );
}

#[test]
fn encouraging_someone_is_an_appeal_in_the_news_dictionary() {
    // "Gondor encouraged Rohan to leave": 020, where CAMEO.2.0.txt's bare code is 051
    let code = |d: &VerbDictionary| {
        let r = *d.lookup("encouraged").first().unwrap();
        d.verb_code(r).and_then(|c| c.active.clone())
    };
    assert_eq!(code(VerbDictionary::cameo()).as_deref(), Some("051"));
    assert_eq!(code(VerbDictionary::news()).as_deref(), Some("020"));
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("encouraged", "encourage", "VERB", 0, "root"),
        ("Rohan", "Rohan", "PROPN", 2, "obj"),
        ("to", "to", "PART", 5, "mark"),
        ("leave", "leave", "VERB", 2, "xcomp"),
    ];
    let d = common::parsed(&rows, None);
    let refs = [
        common::mention(&d, 1, 1, Some("GON")),
        common::mention(&d, 3, 3, Some("ROH")),
    ];
    let ev = Coder::new(VerbDictionary::news(), common::petrarch()).code(&d, &refs);
    assert_eq!(common::sorted_codings(&ev), vec!["GON>ROH:020"]);
    // the block's patterns stay: "encouraged by progress" is 013
    assert!(VerbDictionary::news().patterns_for("encouraged").count() > 5);
}

#[test]
fn an_interview_is_no_event_but_what_is_done_to_a_journalist_is() {
    // "Parker spoke with Wikinews": an outlet (MED, no person) and the one it interviews
    // consult (046, `* (WITH)`): that is the reporting, not an event of it
    let rows = [
        ("Parker", "Parker", "PROPN", 2, "nsubj"),
        ("spoke", "speak", "VERB", 0, "root"),
        ("with", "with", "ADP", 4, "case"),
        ("Wikinews", "Wikinews", "PROPN", 2, "obl"),
    ];
    let d = common::parsed(&rows, None);
    let kind = |mut a: dyad_events::ActorRef, k: &str| {
        a.extra.insert("kind".into(), k.into());
        a
    };
    let outlet = kind(common::mention(&d, 4, 4, Some("MED")), "organization");
    let parker = kind(common::mention(&d, 1, 1, Some("USACVL")), "person");
    let coder = Coder::new(VerbDictionary::news(), common::petrarch());
    let ev = coder.code(&d, &[parker.clone(), outlet]);
    assert!(ev.iter().all(|e| e.target.is_none()), "{ev:?}");
    // the same consultation with a journalist (a person of sector MED) stays an event
    let journalist = kind(common::mention(&d, 4, 4, Some("USAMED")), "person");
    let ev = coder.code(&d, &[parker, journalist]);
    assert!(
        common::sorted_codings(&ev)
            .iter()
            .any(|c| c.starts_with("USACVL>USAMED:04")),
        "{ev:?}"
    );
}

#[test]
fn criticism_of_an_outlet_stays_an_event() {
    // "Gondor criticized Wikinews": verbal conflict with the press is an event
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("criticized", "criticize", "VERB", 0, "root"),
        ("Wikinews", "Wikinews", "PROPN", 2, "obj"),
    ];
    let d = common::parsed(&rows, None);
    let mut outlet = common::mention(&d, 3, 3, Some("MED"));
    outlet.extra.insert("kind".into(), "organization".into());
    let refs = [common::mention(&d, 1, 1, Some("GON")), outlet];
    let ev = Coder::new(VerbDictionary::news(), common::petrarch()).code(&d, &refs);
    assert_eq!(common::sorted_codings(&ev), vec!["GON>MED:111"]);
}
