//! The validation reader on PETRARCH's real files, when ../shared is present.

use dyad_events::{Coding, Scoreboard, ValidationFile};

mod common;
use common::shared;

#[test]
fn petr_unit_test_records() {
    let Some(p) = shared("validation/PETR.UnitTest.records.xml") else {
        return;
    };
    let f = ValidationFile::read(&p).unwrap_or_else(|e| panic!("{e}"));
    let codings: usize = f.expected_codings();
    let no_events = f.records.iter().filter(|r| r.no_events).count();
    let errors = f.records.iter().filter(|r| r.error.is_some()).count();
    eprintln!(
        "PETR.UnitTest.records.xml: {} records, {} included, {codings} codings, {no_events} noevents, {errors} error",
        f.records.len(),
        f.included().count()
    );
    assert_eq!(f.records.len(), 284);
    // 385 <EventCoding> elements: 359 codings, 19 "noevents", 7 "error".
    assert_eq!((codings, no_events, errors), (359, 19, 7));
    assert_eq!(f.coding_elements(), 385);
    assert_eq!(f.environment.verb_files, ["PETR.Validate.verbs.txt"]);
    assert_eq!(f.environment.discard_files, ["PETR.Validate.discards.txt"]);
    let d = f.verb_dictionary(&[p.parent().unwrap()]).unwrap();
    assert_eq!(
        d.stats().blocks,
        261,
        "PETR.Validate.verbs.txt beside the XML"
    );
    let e = f
        .verb_dictionary(&[std::path::Path::new("/nonexistent")])
        .unwrap_err();
    assert!(
        e.to_string().contains("PETR.Validate.verbs.txt not found"),
        "{e}"
    );
    assert!(f.environment.include.contains(&"SYNSET".to_string()));
    let demo = &f.records[0];
    assert_eq!(demo.id, "DEMO-00");
    assert!(demo
        .text
        .starts_with("Arnor is about to restore full diplomatic ties with Gondor almost five"));
    assert_eq!(
        demo.expected,
        [Coding {
            source: "ARN".into(),
            target: "GON".into(),
            code: "064".into()
        }]
    );
    assert!(demo.parse.as_deref().unwrap().starts_with("(ROOT"));
    // <Config> between records applies to the records after it
    assert!(f
        .records
        .iter()
        .any(|r| r.config.get("require_dyad").map(String::as_str) == Some("false")));
    // ids are unique and every record has text
    let mut ids: Vec<&str> = f.records.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    // two ids are used twice in the file (AGENTS-18, AGENTS-19)
    assert_eq!(ids.len(), 282);
    assert!(f.records.iter().all(|r| !r.text.is_empty()));

    // Scoring the expected codings against themselves finds all; against nothing, misses all.
    let mut perfect = Scoreboard::new();
    let mut empty = Scoreboard::new();
    for r in &f.records {
        perfect.add(r, &r.expected);
        empty.add(r, &[]);
    }
    assert_eq!(
        (perfect.total.found, perfect.total.false_positives),
        (359, 0)
    );
    assert_eq!((empty.total.missed, empty.total.found), (359, 0));
    eprintln!("{}", perfect.table());
}

#[test]
fn gsr_validation_records() {
    let Some(p) = shared("validation/UniversalPetrarch_PETR2_GSR_validation.xml") else {
        return;
    };
    let f = ValidationFile::read(&p).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "GSR: {} records, {} codings",
        f.records.len(),
        f.expected_codings()
    );
    assert_eq!(f.records.len(), 78);
    // The data README's "93 codings" counts `<EventCoding` lines, one of them in the file's
    // header text: there are 92 elements, 80 codings and 12 "noevents".
    assert_eq!(f.coding_elements(), 92);
    assert_eq!(f.expected_codings(), 80);
    assert_eq!(f.records.iter().filter(|r| r.no_events).count(), 12);
    assert_eq!(f.environment.verb_files, ["CAMEO.2.0.txt"]);
    assert_eq!(f.environment.actor_files.len(), 3);
    assert!(f.records.iter().all(|r| r.evaluate == Some(true)));
    // one record (abc12_3) has an empty <Text> in the file: only its parse gives the words
    let empty: Vec<&str> = f
        .records
        .iter()
        .filter(|r| r.text.is_empty())
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(empty, ["abc12_3"]);
    assert_eq!(f.records[0].id, "AFP0808020625_4");
    assert!(f.records[0]
        .text
        .starts_with("The stopover came as the US leader"));
    assert_eq!(f.records[0].expected[0].code, "042");
    assert!(f.records[0]
        .parse
        .as_deref()
        .unwrap()
        .starts_with("1\tThe\tthe"));
    assert_eq!(f.included().count(), 78);
    // CAMEO.2.0.txt is not beside the XML: the compiled-in copy serves
    let dir = p.parent().unwrap();
    let d = f.verb_dictionary(&[dir]).unwrap();
    assert_eq!(d.stats().blocks, 397);
}

#[test]
fn other_validation_files_read() {
    for (name, records, codings) in [
        (
            "validation/UniversalPetrarch_PETR.UnitTest.records.udpipe_2.0.xml",
            284,
            349,
        ),
        ("validation/GigaWord.sample.PETR.xml", 76, 0),
    ] {
        let Some(p) = shared(name) else { return };
        let f = ValidationFile::read(&p).unwrap_or_else(|e| panic!("{e}"));
        eprintln!(
            "{name}: {} records, {} codings",
            f.records.len(),
            f.expected_codings()
        );
        assert_eq!(
            (f.records.len(), f.expected_codings()),
            (records, codings),
            "{name}"
        );
    }
}
