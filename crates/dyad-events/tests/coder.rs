//! The tree-based coder on hand-parsed sentences: roles, passives, coordination, reported
//! speech, complements, negation, intent and dates. Parses are written as CoNLL-U-like rows
//! so each test shows the tree it codes; actors are given as the words they cover.

use dyad_core::Document;
use dyad_events::{ActorRef, Coder, CoderConfig, Event, Negation};

mod common;

/// A one-sentence document from (text, lemma, upos, head 1-based or 0, deprel) rows, and
/// actor mentions as (first word, last word, code), 1-based.
fn doc(rows: &[common::Row], actors: &[(usize, usize, &str)]) -> (Document, Vec<ActorRef>) {
    let d = common::parsed(rows, Some("2021-03-25"));
    let refs = actors
        .iter()
        .map(|&(a, b, code)| common::mention(&d, a, b, Some(code)))
        .collect();
    (d, refs)
}

fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            let c =
                |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default();
            (c(&e.source), c(&e.target), e.cameo.clone())
        })
        .collect()
}

fn t(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}

#[test]
fn active_passive_and_paired_codes() {
    let coder = Coder::cameo();
    // "Blinken visited Brussels on Wednesday."
    let (d, a) = doc(
        &[
            ("Blinken", "Blinken", "PROPN", 2, "nsubj"),
            ("visited", "visit", "VERB", 0, "root"),
            ("Brussels", "Brussels", "PROPN", 2, "obj"),
            ("on", "on", "ADP", 5, "case"),
            ("Wednesday", "Wednesday", "PROPN", 2, "obl"),
        ],
        &[(1, 1, "USAGOV"), (3, 3, "BELGOV")],
    );
    let ev = coder.code(&d, &a);
    assert_eq!(
        triples(&ev),
        vec![t("USAGOV", "BELGOV", "042"), t("BELGOV", "USAGOV", "043")]
    );
    assert_eq!(ev[0].date.as_deref(), Some("2021-03-24"));
    assert_eq!(ev[0].plover.as_ref().unwrap().event_type, "CONSULT");
    assert_eq!(&d.text[ev[0].trigger.start..ev[0].trigger.end], "visited");
    assert_eq!(ev[0].id, "e1");
    // "Gondor was attacked by Mordor": the by-agent is the source
    let (d, a) = doc(
        &[
            ("Gondor", "Gondor", "PROPN", 3, "nsubj:pass"),
            ("was", "be", "AUX", 3, "aux:pass"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("by", "by", "ADP", 5, "case"),
            ("Mordor", "Mordor", "PROPN", 3, "obl"),
        ],
        &[(1, 1, "GON"), (5, 5, "MOR")],
    );
    let ev = coder.code(&d, &a);
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (
            ev[0].source.as_ref().unwrap().code.as_deref(),
            ev[0].root.as_str()
        ),
        (Some("MOR"), "19")
    );
}

#[test]
fn coordination_reported_speech_and_negation() {
    let coder = Coder::cameo();
    // "Arnor and Rohan condemned Mordor": one event per coordinated subject
    let (d, a) = doc(
        &[
            ("Arnor", "Arnor", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Rohan", "Rohan", "PROPN", 1, "conj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Mordor", "Mordor", "PROPN", 4, "obj"),
        ],
        &[(1, 1, "ARN"), (3, 3, "ROH"), (5, 5, "MOR")],
    );
    let got = triples(&coder.code(&d, &a));
    assert_eq!(got, vec![t("ARN", "MOR", "111"), t("ROH", "MOR", "111")]);
    // "Gondor said Rohan attacked Mordor": the reported clause is coded, the saying is not
    let rows = [
        ("Gondor", "Gondor", "PROPN", 2, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        ("Rohan", "Rohan", "PROPN", 4, "nsubj"),
        ("attacked", "attack", "VERB", 2, "ccomp"),
        ("Mordor", "Mordor", "PROPN", 4, "obj"),
    ];
    let (d, a) = doc(&rows, &[(1, 1, "GON"), (3, 3, "ROH"), (5, 5, "MOR")]);
    let got = triples(&coder.code(&d, &a));
    assert!(got.contains(&t("ROH", "MOR", "190")), "{got:?}");
    assert!(!got.iter().any(|x| x.2.starts_with("01")), "{got:?}");
    // "Rohan did not attack Mordor": marked, or dropped when configured so
    let rows = [
        ("Rohan", "Rohan", "PROPN", 4, "nsubj"),
        ("did", "do", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("attack", "attack", "VERB", 0, "root"),
        ("Mordor", "Mordor", "PROPN", 4, "obj"),
    ];
    let (d, a) = doc(&rows, &[(1, 1, "ROH"), (5, 5, "MOR")]);
    let ev = coder.code(&d, &a);
    assert_eq!(ev.len(), 1);
    assert!(ev[0].negated);
    let dropping = Coder::new(
        dyad_events::VerbDictionary::cameo(),
        CoderConfig {
            negation: Negation::Drop,
            ..CoderConfig::default()
        },
    );
    assert!(dropping.code(&d, &a).is_empty());
}

#[test]
fn complements_intent_and_transformations() {
    let coder = Coder::cameo();
    // "Arnor will meet Gondor": future cooperation becomes intent (036)
    let (d, a) = doc(
        &[
            ("Arnor", "Arnor", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("meet", "meet", "VERB", 0, "root"),
            ("Gondor", "Gondor", "PROPN", 3, "obj"),
        ],
        &[(1, 1, "ARN"), (4, 4, "GON")],
    );
    assert_eq!(triples(&coder.code(&d, &a)), vec![t("ARN", "GON", "036")]);
    // "Obama wants to attack Iran": ~ a (_ b ATTACK) WANT = a b 138 (threaten)
    let (d, a) = doc(
        &[
            ("Obama", "Obama", "PROPN", 2, "nsubj"),
            ("wants", "want", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("attack", "attack", "VERB", 2, "xcomp"),
            ("Iran", "Iran", "PROPN", 4, "obj"),
        ],
        &[(1, 1, "USAGOV"), (5, 5, "IRN")],
    );
    let ev = coder.code(&d, &a);
    assert_eq!(triples(&ev), vec![t("USAGOV", "IRN", "138")]);
    assert_eq!(&d.text[ev[0].trigger.start..ev[0].trigger.end], "attack");
    // "China's decision to retaliate against Australia": the possessor acts
    let (d, a) = doc(
        &[
            ("China", "China", "PROPN", 3, "nmod:poss"),
            ("'s", "'s", "PART", 1, "case"),
            ("decision", "decision", "NOUN", 0, "root"),
            ("to", "to", "PART", 5, "mark"),
            ("retaliate", "retaliate", "VERB", 3, "acl"),
            ("against", "against", "ADP", 7, "case"),
            ("Australia", "Australia", "PROPN", 5, "obl"),
        ],
        &[(1, 1, "CHN"), (7, 7, "AUS")],
    );
    let got = triples(&coder.code(&d, &a));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("CHN", "AUS"));

    // "Arnor's visit to Gondor": an event noun with a possessor codes as its verb
    let (d, a) = doc(
        &[
            ("Arnor", "Arnor", "PROPN", 3, "nmod:poss"),
            ("'s", "'s", "PART", 1, "case"),
            ("visit", "visit", "NOUN", 0, "root"),
            ("to", "to", "ADP", 5, "case"),
            ("Gondor", "Gondor", "PROPN", 3, "nmod"),
        ],
        &[(1, 1, "ARN"), (5, 5, "GON")],
    );
    let got = triples(&coder.code(&d, &a));
    assert!(got.contains(&t("ARN", "GON", "042")), "{got:?}");
    let verbs_only = Coder::new(
        dyad_events::VerbDictionary::cameo(),
        CoderConfig {
            noun_events: false,
            ..CoderConfig::default()
        },
    );
    assert!(verbs_only.code(&d, &a).is_empty());
}
