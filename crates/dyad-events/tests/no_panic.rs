//! Property tests: the readers of outside input never panic, whatever the bytes. Inputs are
//! built from the formats' own punctuation so the generator reaches deep into each parser.

use dyad_events::gsr_reader::{parse_gsr, parse_markup};
use dyad_events::{Clause, Matcher, Oblique, Phrase, ValidationFile, VerbDictionary, Word};
use proptest::prelude::*;

fn dictionary_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[-&+~#<!>{}()\\[\\]:$*%^_/ A-Z0-9;]{0,40}",
        Just("--- A [010] ---".to_string()),
        Just("- * (TO {B C}) [042:043] # c".to_string()),
        Just("&SET_".to_string()),
        Just("+X_Y".to_string()),
        Just("<!-- x".to_string()),
        Just("A {AS}".to_string()),
        Just("- &SET $ * + (TO &SET_Y) A/B [01]".to_string()),
    ];
    prop::collection::vec(line, 0..12).prop_map(|v| v.join("\n"))
}

fn xml_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<Sentence id=\"a\" category=\"X\">".to_string()),
        Just("<Sentence id=\"b\"/>".to_string()),
        Just("</Sentence>".to_string()),
        Just("<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"01\"/>".to_string()),
        Just("<EventCoding noevents=\"True\">".to_string()),
        Just("<Text>".to_string()),
        Just("</Text>".to_string()),
        Just("<Environment><Verbfile>".to_string()),
        Just("<Config option=\"a\" value=\"b\"/>".to_string()),
        "[<>/=\"'&;!a-z -]{0,12}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn verb_dictionary_reader_never_panics(text in dictionary_text()) {
        let strict = VerbDictionary::parse(&text, "p.txt");
        let lenient = VerbDictionary::parse_lenient(&text, "p.txt");
        // a strict success is a lenient read with nothing skipped
        if let Ok(d) = strict {
            prop_assert!(lenient.skipped.is_empty());
            prop_assert_eq!(d.stats(), lenient.stats());
        }
        // and the matcher copes with whatever was read
        let m = Matcher::new(&lenient);
        let w = Word::new("A", "a");
        let c = Clause {
            verb: w.clone(),
            subject: Some(Phrase { words: vec![], head: 3, is_actor: true, token: None }),
            object: Some(Phrase { words: vec![w.clone()], head: 0, is_actor: false, token: Some(9) }),
            obliques: vec![Oblique { prep: Word::new("TO", "to"), phrase: Phrase::default() }],
            ..Default::default()
        };
        let _ = m.code(&c);
    }

    #[test]
    fn validation_reader_never_panics(text in xml_text()) {
        let _ = ValidationFile::parse(&text, "v.xml");
    }

    #[test]
    fn gsr_readers_never_panic(markup in "[(){}A-Z/: a-z]{0,40}", json in "[\\[\\]{}\":, a-z]{0,40}") {
        let _ = parse_markup(&markup);
        let _ = parse_gsr(&json, "g.txt");
    }
}
