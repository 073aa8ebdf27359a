//! Rules of the eleventh round, found on real political news (Wikinews): a phrase with
//! `as` names a role the subject holds ("served *as* President of India"), never the party
//! an act is aimed at. Parses are hand-written rows shaped as the repository's parser gives
//! them; the sentences are made up.

mod common;

const DICT: &str = "\
--- SAY [010] ---
SAY {SAID SAYS}

--- SERVE   [060]  ---
SERVE

--- HELP   [070]  ---
HELP
";

#[test]
fn a_role_held_is_not_a_target() {
    // "Frodo served as President of Gondor": Frodo held an office, he did not cooperate
    // with Gondor's government
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("served", "serve", "VERB", 0, "root"),
        ("as", "as", "ADP", 4, "case"),
        ("President", "president", "PROPN", 2, "obl"),
        ("of", "of", "ADP", 6, "case"),
        ("Gondor", "Gondor", "PROPN", 4, "nmod"),
    ];
    let actors = [(1, 1, "ARNELI"), (4, 6, "GONGOV")];
    // PETRARCH's settings code no event without a target
    assert!(common::code_rows(DICT, &rows, &actors).is_empty());
}

#[test]
fn an_act_in_a_role_keeps_its_object() {
    // "Frodo helped Rohan as envoy of Gondor": the role takes nothing from the object
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("helped", "help", "VERB", 0, "root"),
        ("Rohan", "Rohan", "PROPN", 2, "obj"),
        ("as", "as", "ADP", 5, "case"),
        ("envoy", "envoy", "NOUN", 2, "obl"),
        ("of", "of", "ADP", 7, "case"),
        ("Gondor", "Gondor", "PROPN", 5, "nmod"),
    ];
    let actors = [(1, 1, "ARNELI"), (3, 3, "ROH"), (5, 7, "GONGOV")];
    assert_eq!(
        common::code_rows(DICT, &rows, &actors),
        vec!["ARNELI>ROH:070"]
    );
}
