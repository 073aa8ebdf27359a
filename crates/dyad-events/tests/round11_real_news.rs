//! Rules of the eleventh round, found on real political news (Wikinews): a phrase with
//! `as` names a role the subject holds ("served *as* President of India"), never the party
//! an act is aimed at; a relative clause with a personal pronoun as its subject ("a
//! speech in which *he* condemned rioters") is that pronoun's act, not the modified noun's.
//! An actor the parser left as a plain `obl` with no preposition right after an
//! object-less verb ("asked *Xi Jinping* for help") is the object. Parses are hand-written rows shaped as the repository's parser gives
//! them; the sentences are made up.

mod common;

const DICT: &str = "\
--- SAY [010] ---
SAY {SAID SAYS}

--- SERVE   [060]  ---
SERVE

--- CONDEMN   [111]  ---
CONDEMN

--- ASK   [020]  ---
ASK

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

#[test]
fn an_act_told_in_a_relative_clause_is_coded() {
    // "Frodo gave a speech in which he condemned Mordor": the speech is where Frodo
    // condemned Mordor
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("gave", "give", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("speech", "speech", "NOUN", 2, "obj"),
        ("in", "in", "ADP", 6, "case"),
        ("which", "which", "PRON", 8, "obl"),
        ("he", "he", "PRON", 8, "nsubj"),
        ("condemned", "condemn", "VERB", 4, "acl:relcl"),
        ("Mordor", "Mordor", "PROPN", 8, "obj"),
    ];
    let actors = [(1, 1, "ARNELI"), (7, 7, "ARNELI"), (9, 9, "MOR")];
    assert_eq!(
        common::code_rows(DICT, &rows, &actors),
        vec!["ARNELI>MOR:111"]
    );
}

#[test]
fn an_actor_left_as_a_bare_oblique_is_the_object() {
    // "Frodo asked Aragorn for help", parsed with `Aragorn` as an `obl` without a
    // preposition: Aragorn is whom Frodo asked
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("asked", "ask", "VERB", 0, "root"),
        ("Aragorn", "Aragorn", "PROPN", 2, "obl"),
        ("for", "for", "ADP", 5, "case"),
        ("help", "help", "NOUN", 2, "obl"),
    ];
    let actors = [(1, 1, "ARNELI"), (3, 3, "GONGOV")];
    assert_eq!(
        common::code_rows(DICT, &rows, &actors),
        vec!["ARNELI>GONGOV:020"]
    );
}
