//! Conventions of PETRARCH's validation files the coder follows, one test per rule: a
//! pattern whose code is a test marker (`[+++]`, `[xxy]`) codes nothing and lets the
//! block's other patterns decide. Parses are hand-written rows.

use dyad_core::Document;
use dyad_events::{ActorRef, Coder, Event, VerbDictionary};

mod common;
use common::petrarch;

const DICT: &str = "\
--- RESTORE [064] ---
RESTORE
- * FXLL DIPLOMATIC [+++]
- * THE FULL [xxy]
- * TIES [064]
";

/// A document of `tree` rows with coded actors over words `a..=b` (1-based).
fn doc(tree: &[common::Row], actors: &[(usize, usize, &str)]) -> (Document, Vec<ActorRef>) {
    let d = common::parsed(tree, None);
    let refs = actors
        .iter()
        .map(|&(a, b, c)| common::mention(&d, a, b, Some(c)))
        .collect();
    (d, refs)
}

fn codings(events: &[Event]) -> Vec<String> {
    let c = |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default();
    let mut v: Vec<String> = events
        .iter()
        .map(|e| format!("{}>{}:{}", c(&e.source), c(&e.target), e.cameo))
        .collect();
    v.sort();
    v
}

fn code(dict: &str, tree: &[common::Row], actors: &[(usize, usize, &str)]) -> Vec<String> {
    let dict = VerbDictionary::parse(dict, "t.txt").unwrap();
    let (d, a) = doc(tree, actors);
    codings(&Coder::new(&dict, petrarch()).code(&d, &a))
}

#[test]
fn a_marker_code_lets_the_next_pattern_decide() {
    // "Arnor restored fxll diplomatic ties with Gondor" (PETR unit test DEMO-04: 064)
    let tree = [
        ("Arnor", "Arnor", "PROPN", 2, "nsubj"),
        ("restored", "restore", "VERB", 0, "root"),
        ("fxll", "fxll", "ADJ", 5, "amod"),
        ("diplomatic", "diplomatic", "ADJ", 5, "amod"),
        ("ties", "tie", "NOUN", 2, "obj"),
        ("with", "with", "ADP", 7, "case"),
        ("Gondor", "Gondor", "PROPN", 5, "nmod"),
    ];
    let actors = [(1, 1, "ARN"), (7, 7, "GON")];
    assert_eq!(code(DICT, &tree, &actors), vec!["ARN>GON:064"]);
    // with a real code in its place the specific pattern wins, so the marker was skipped
    let real = DICT.replace("[+++]", "[065]");
    assert_eq!(code(&real, &tree, &actors), vec!["ARN>GON:065"]);
}
