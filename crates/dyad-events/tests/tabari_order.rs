//! Flat (TABARI-style) patterns read in text order where the tree splits a sentence into
//! clauses: a pattern naming the verb that governs a complement (`NOTED + *`, `+ HOSTING
//! *`) binds the actors around that verb's word, and `^` skips a whole phrase ("with
//! Eriador"), not one word. Parses are hand-written rows shaped as the repository's parser
//! gave them on PETRARCH's unit-test sentences.

mod common;

const DICT: &str = "\
--- REGRET  [111] ---
REGRET  {REGRETTED REGRETS}
- NOTED + *  [115]

--- CELEBRATE  [181] ---
CELEBRATE
- + HOSTING * TABASKI ^ $ [042]
- + HOSTING * MAY_DAY  $ [046]

--- SAY [023] ---
SAY {SAID SAYS}
";

fn code(rows: &[common::Row], actors: &[(usize, usize, &str)]) -> Vec<String> {
    common::code_rows(DICT, rows, actors)
}

#[test]
fn a_target_after_the_governing_verb_leaves_the_source_to_its_subject() {
    // "Falastur noted that Cirith Ungol regretted Eriador 's refusal": `NOTED + *` binds
    // Cirith Ungol as the target; the one who noted it is the source
    let mut rows = [
        ("Falastur", "Falastur", "PROPN", 2, "nsubj"),
        ("noted", "note", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 6, "mark"),
        ("Cirith", "Cirith", "PROPN", 6, "nsubj"),
        ("Ungol", "Ungol", "PROPN", 4, "flat"),
        ("regretted", "regret", "VERB", 2, "ccomp"),
        ("Eriador", "Eriador", "PROPN", 9, "nmod:poss"),
        ("'s", "'s", "PART", 7, "case"),
        ("refusal", "refusal", "NOUN", 6, "obj"),
    ];
    let actors = [(1, 1, "GONGOV"), (4, 5, "MORMIL"), (7, 7, "ERI")];
    assert_eq!(code(&rows, &actors), vec!["GONGOV>MORMIL:115"]);
    // another governing verb: the pattern does not apply, the verb's own code does
    rows[1] = ("said", "say", "VERB", 0, "root");
    assert_eq!(code(&rows, &actors), vec!["MORMIL>ERI:111"]);
}

/// "Mordor will be hosting Osgiliath to celebrate <what> with Eriador next week at Cirith
/// Ungol", `what` one or two words.
fn hosting(what: &[&'static str]) -> Vec<common::Row<'static>> {
    let mut rows: Vec<common::Row> = vec![
        ("Mordor", "Mordor", "PROPN", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("be", "be", "AUX", 4, "aux"),
        ("hosting", "host", "VERB", 0, "root"),
        ("Osgiliath", "Osgiliath", "PROPN", 4, "obj"),
        ("to", "to", "PART", 7, "mark"),
        ("celebrate", "celebrate", "VERB", 4, "xcomp"),
    ];
    let head = 7 + what.len();
    for (i, &w) in what.iter().enumerate() {
        let last = i + 1 == what.len();
        rows.push((
            w,
            w,
            "PROPN",
            if last { 7 } else { head },
            if last { "obj" } else { "compound" },
        ));
    }
    let e = head + 2;
    rows.extend([
        ("with", "with", "ADP", e, "case"),
        ("Eriador", "Eriador", "PROPN", head, "nmod"),
        ("next", "next", "ADJ", e + 2, "amod"),
        ("week", "week", "NOUN", 7, "obl:unmarked"),
        ("at", "at", "ADP", e + 5, "case"),
        ("Cirith", "Cirith", "PROPN", e + 5, "compound"),
        ("Ungol", "Ungol", "PROPN", 7, "obl"),
    ]);
    rows
}

#[test]
fn an_actor_before_the_governing_verb_is_its_subject() {
    // `+ HOSTING * MAY_DAY $`: the target stands before "hosting" (Mordor), not the
    // complement's controlled subject (Osgiliath, after it)
    let rows = hosting(&["May", "Day"]);
    let actors = [
        (1, 1, "MOR"),
        (5, 5, "OSG"),
        (11, 11, "ERI"),
        (15, 16, "MORMIL"),
    ];
    assert_eq!(code(&rows, &actors), vec!["ERI>MOR:046"]);
}

#[test]
fn a_skip_passes_a_whole_prepositional_phrase() {
    // `+ HOSTING * TABASKI ^ $`: `^` skips "with Eriador", `$` binds the next actor
    let rows = hosting(&["Tabaski"]);
    let actors = [
        (1, 1, "MOR"),
        (5, 5, "OSG"),
        (10, 10, "ERI"),
        (14, 15, "MORMIL"),
    ];
    assert_eq!(code(&rows, &actors), vec!["MORMIL>MOR:042"]);
}
