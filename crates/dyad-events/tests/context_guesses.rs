//! Under null actors (PETRARCH's conventions) a role noun whose country the actor coder
//! guessed from context (its rule says `context country`) has no country: it is the null
//! actor of its sector, and composes with a country its own phrase names.

mod common;

use common::{mention, parsed, petrarch, sorted_codings, Row};
use dyad_core::Document;
use dyad_events::{ActorRef, Coder, CoderConfig, VerbDictionary};

const DICT: &str = "--- ARREST [173] ---\nARREST\n--- RELEASE [084] ---\nRELEASE\n";

fn guessed(d: &Document, a: usize, b: usize, code: &str, sector: &str) -> ActorRef {
    let mut m = mention(d, a, b, Some(code));
    m.extra.insert("sector".into(), sector.into());
    m.extra.insert(
        "rule".into(),
        "agent + context country (nearest \"Gondorian\")".into(),
    );
    m
}

fn run(config: CoderConfig, d: &Document, a: &[ActorRef]) -> Vec<String> {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    sorted_codings(&Coder::new(&dict, config).code(d, a))
}

#[test]
fn a_guessed_country_is_dropped_under_null_actors() {
    // "Gondorian police arrested students"
    let rows: [Row; 4] = [
        ("Gondorian", "Gondorian", "ADJ", 2, "amod"),
        ("police", "police", "NOUN", 3, "nsubj"),
        ("arrested", "arrest", "VERB", 0, "root"),
        ("students", "student", "NOUN", 3, "obj"),
    ];
    let d = parsed(&rows, None);
    let mut police = mention(&d, 1, 2, Some("GONCOP"));
    police.extra.insert("sector".into(), "COP".into());
    let a = vec![police, guessed(&d, 4, 4, "GONEDU", "EDU")];
    assert_eq!(run(petrarch(), &d, &a), vec!["GONCOP>---EDU:173"]);
    // dyad's own default keeps the actor coder's guess
    let plain = CoderConfig {
        require_dyad: true,
        ..CoderConfig::default()
    };
    assert_eq!(run(plain, &d, &a), vec!["GONCOP>GONEDU:173"]);
}

#[test]
fn a_role_noun_without_its_guess_takes_the_country_its_phrase_names() {
    // "Gondorian police released the mayor of Bree", `mayor` guessed Gondorian
    let rows: [Row; 7] = [
        ("Gondorian", "Gondorian", "ADJ", 2, "amod"),
        ("police", "police", "NOUN", 3, "nsubj"),
        ("released", "release", "VERB", 0, "root"),
        ("the", "the", "DET", 5, "det"),
        ("mayor", "mayor", "NOUN", 3, "obj"),
        ("of", "of", "ADP", 7, "case"),
        ("Bree", "Bree", "PROPN", 5, "nmod"),
    ];
    let d = parsed(&rows, None);
    let mut police = mention(&d, 1, 2, Some("GONCOP"));
    police.extra.insert("sector".into(), "COP".into());
    let a = vec![
        police,
        guessed(&d, 5, 5, "GONGOV", "GOV"),
        mention(&d, 7, 7, Some("BRE")),
    ];
    assert_eq!(run(petrarch(), &d, &a), vec!["GONCOP>BREGOV:084"]);
}
