//! Conventions of PETRARCH's validation files the coder follows, one test per rule: a
//! pattern whose code is a test marker (`[+++]`, `[xxy]`) codes nothing and lets the
//! block's other patterns decide; `^` in a prepositional phrase (`(IN ^)`) stands for any
//! phrase. Parses are hand-written rows.

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

#[test]
fn a_skip_in_a_prepositional_phrase_is_any_phrase() {
    // "Obama attended a summit in Zurich on trade" (CAMEO.2.0.txt, GO_SOMEWHERE block)
    let dict = "\
--- ATTEND [042] ---
ATTEND
- * SUMMIT (IN ^) (ON) [045]
- * SUMMIT [044]
";
    let tree = [
        ("Obama", "Obama", "PROPN", 2, "nsubj"),
        ("attended", "attend", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("summit", "summit", "NOUN", 2, "obj"),
        ("in", "in", "ADP", 6, "case"),
        ("Zurich", "Zurich", "PROPN", 4, "nmod"),
        ("on", "on", "ADP", 8, "case"),
        ("trade", "trade", "NOUN", 2, "obl"),
    ];
    let actors = [(1, 1, "USAGOV"), (6, 6, "CHE")];
    assert_eq!(code(dict, &tree, &actors), vec!["USAGOV>CHE:045"]);
    // without the ON phrase only the bare pattern holds
    let short = &tree[..6];
    assert_eq!(code(dict, short, &actors), vec!["USAGOV>CHE:044"]);
}
