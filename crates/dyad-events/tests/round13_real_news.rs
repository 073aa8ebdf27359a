//! Rules of the thirteenth round, found on real political news (Wikinews). Parses are
//! hand-written rows shaped as the repository's parser gives them; the sentences are made
//! up.

mod common;

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
