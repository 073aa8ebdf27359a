//! Phrases a parser hangs on the wrong word, read back where they belong: an object under a
//! noun ("cordoned off for construction *the roads*"), a preposition heading a noun phrase
//! of its own ("fired shells *at New Zealand* on Thursday", `at` the case of Thursday), and
//! a closing attribution hung as an apposition of the object ("burned its embassy, *a Bree
//! official* said"), which is no part of the object; and a "that" clause hung as a relative
//! clause of a verb's modifier ("hopes on *Thursday that Osgiliath could be drawn*"), a
//! complement of that verb; and an appeal's infinitive whose subject the parser took from
//! the appeal ("called on *Gondor to be allowed* to leave"), which asks, not reports.
//! Parses are hand-written rows shaped as the repository's parser gave them on PETRARCH's
//! unit-test sentences.

mod common;

const DICT: &str = "\
--- BLOCK [191] ---
BLOCK

--- FIRE  [071]  ---
FIRE
- * ARTILLERY  [194]

--- BURN [222] ---
BURN

--- SAY [023] ---
SAY {SAID SAYS}

--- EXPRESS  [020] ---
EXPRESS
- * HOPES  [024]

--- DRAWN  [---] ---
DRAWN

--- LEAVE [012] ---
LEAVE
";

fn code(rows: &[common::Row], actors: &[(usize, usize, &str)]) -> Vec<String> {
    common::code_rows(DICT, rows, actors)
}

#[test]
fn an_object_hung_from_a_noun_is_the_verbs_object() {
    // "Gondor blocked for construction the roads of Mordor": `roads` parsed as the `obj`
    // of `construction`, which UD does not allow; it is what was blocked
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("blocked", "block", "VERB", 0, "root"),
        ("for", "for", "ADP", 4, "case"),
        ("construction", "construction", "NOUN", 2, "obl"),
        ("the", "the", "DET", 6, "det"),
        ("roads", "road", "NOUN", 4, "obj"),
        ("of", "of", "ADP", 8, "case"),
        ("Mordor", "Mordor", "PROPN", 6, "nmod"),
    ];
    let actors = [(1, 1, "GON"), (8, 8, "MOR")];
    assert_eq!(code(&rows, &actors), vec!["GON>MOR:191"]);
}

#[test]
fn a_preposition_heading_its_own_phrase_makes_an_oblique() {
    // "The Hermit Kingdom fired two artillery shells at New Zealand on Thursday": `at`
    // parsed as the case of Thursday with New Zealand as its `obj`
    let rows = [
        ("The", "the", "DET", 3, "det"),
        ("Hermit", "Hermit", "PROPN", 3, "compound"),
        ("Kingdom", "Kingdom", "PROPN", 4, "nsubj"),
        ("fired", "fire", "VERB", 0, "root"),
        ("two", "two", "NUM", 7, "nummod"),
        ("artillery", "artillery", "NOUN", 7, "compound"),
        ("shells", "shell", "NOUN", 4, "obj"),
        ("at", "at", "ADP", 12, "case"),
        ("New", "New", "PROPN", 8, "obj"),
        ("Zealand", "Zealand", "PROPN", 9, "flat"),
        ("on", "on", "ADP", 12, "case"),
        ("Thursday", "Thursday", "PROPN", 4, "obl"),
    ];
    let actors = [(1, 3, "PRK"), (9, 10, "NZE")];
    assert_eq!(code(&rows, &actors), vec!["PRK>NZE:194"]);
}

#[test]
fn a_closing_attribution_hung_on_the_object_is_not_its_target() {
    // "Calenardhon burned down its embassy , a Bree official said": the parser hung
    // `official` as an apposition of `embassy`; the official is who said so, not what
    // was burned
    let rows = [
        ("Calenardhon", "Calenardhon", "PROPN", 2, "nsubj"),
        ("burned", "burn", "VERB", 0, "root"),
        ("its", "its", "PRON", 4, "nmod:poss"),
        ("embassy", "embassy", "NOUN", 2, "obj"),
        (",", ",", "PUNCT", 8, "punct"),
        ("a", "a", "DET", 8, "det"),
        ("Bree", "Bree", "PROPN", 8, "compound"),
        ("official", "official", "NOUN", 4, "appos"),
        ("said", "say", "VERB", 2, "parataxis"),
    ];
    let actors = [(1, 1, "CAL"), (7, 8, "BREGOV")];
    let got = code(&rows, &actors);
    assert!(!got.contains(&"CAL>BREGOV:222".to_string()), "{got:?}");
    // an apposition no verb follows still names the object ("its embassy, the Bree
    // mission"): the actor inside the phrase is the target
    let rows = &rows[..8];
    assert_eq!(code(rows, &actors), vec!["CAL>BREGOV:222"]);
}

#[test]
fn a_that_clause_hung_on_a_modifier_is_the_verbs_complement() {
    // "Eriador expressed hopes on Thursday that Osgiliath could be drawn into talks": the
    // content clause parsed as a relative clause of `Thursday`; its subject is the target
    // of the hopes, as PETRARCH reads a target in the deeper clause
    let mut rows = [
        ("Eriador", "Eriador", "PROPN", 2, "nsubj"),
        ("expressed", "express", "VERB", 0, "root"),
        ("hopes", "hope", "NOUN", 2, "obj"),
        ("on", "on", "ADP", 5, "case"),
        ("Thursday", "Thursday", "PROPN", 2, "obl"),
        ("that", "that", "PRON", 10, "mark"),
        ("Osgiliath", "Osgiliath", "PROPN", 10, "nsubj:pass"),
        ("could", "could", "AUX", 10, "aux"),
        ("be", "be", "AUX", 10, "aux:pass"),
        ("drawn", "draw", "VERB", 5, "acl:relcl"),
        ("into", "into", "ADP", 12, "case"),
        ("talks", "talk", "NOUN", 10, "obl"),
    ];
    let actors = [(1, 1, "ERI"), (7, 7, "OSG")];
    assert_eq!(code(&rows, &actors), vec!["ERI>OSG:024"]);
    // with an agent ("... drawn into talks by Gondor"), the clause read as its active
    // still names Osgiliath first
    let mut with_agent = rows.to_vec();
    with_agent.extend([
        ("by", "by", "ADP", 14, "case"),
        ("Gondor", "Gondor", "PROPN", 10, "obl:agent"),
    ]);
    let actors3 = [(1, 1, "ERI"), (7, 7, "OSG"), (14, 14, "GON")];
    assert_eq!(code(&with_agent, &actors3), vec!["ERI>OSG:024"]);
    // a true relative clause ("on Thursday, which drew Osgiliath into talks": the
    // relative pronoun its subject) is about the day, not a complement of the verb
    rows[5] = ("which", "which", "PRON", 10, "nsubj");
    rows[6] = ("Osgiliath", "Osgiliath", "PROPN", 10, "obj");
    rows[7] = ("had", "have", "AUX", 10, "aux");
    rows[8] = ("indeed", "indeed", "ADV", 10, "advmod");
    assert!(
        code(&rows, &actors).is_empty(),
        "{:?}",
        code(&rows, &actors)
    );
}

#[test]
fn what_an_appeal_asks_for_has_not_happened() {
    // "Radagast called on Gondor to be allowed to leave Lorien": the parser made Gondor the
    // subject of the complement instead of the appeal's `on` phrase; leaving is what was
    // asked for, not an event
    let mut rows = [
        ("Radagast", "Radagast", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("on", "on", "ADP", 2, "obl"),
        ("Gondor", "Gondor", "PROPN", 7, "nsubj:pass"),
        ("to", "to", "PART", 7, "mark"),
        ("be", "be", "AUX", 7, "aux:pass"),
        ("allowed", "allow", "VERB", 2, "advcl"),
        ("to", "to", "PART", 9, "mark"),
        ("leave", "leave", "VERB", 7, "xcomp"),
        ("Lorien", "Lorien", "PROPN", 9, "obj"),
    ];
    let actors = [(1, 1, "RAD"), (4, 4, "GON"), (10, 10, "ELR")];
    assert!(
        code(&rows, &actors).is_empty(),
        "{:?}",
        code(&rows, &actors)
    );
    // under a verb that asks for nothing the complement is coded
    rows[1] = ("helped", "help", "VERB", 0, "root");
    rows[6] = ("allowed", "allow", "VERB", 2, "xcomp");
    assert_eq!(code(&rows, &actors), vec!["GON>ELR:012"]);
}
