//! Property tests: readers of outside input return errors instead of panicking, and the
//! matcher and resolver keep their outputs in bounds whatever the tokens.

mod common;

use dyad_actors::{petrarch_reader, tsv_reader, Date, Dictionary};
use proptest::prelude::*;

/// Text made of the characters the dictionary formats give meaning to, plus some noise.
fn dictionary_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\n".to_string()),
            Just("\t".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("~".to_string()),
            Just("+".to_string()),
            Just("!".to_string()),
            Just("#".to_string()),
            Just("@".to_string()),
            Just("..".to_string()),
            Just(";".to_string()),
            Just("-".to_string()),
            Just("=".to_string()),
            Just("USAGOV".to_string()),
            Just("090120".to_string()),
            Just("2021-03-25".to_string()),
            Just("actor".to_string()),
            Just("agent".to_string()),
            "[A-Z_]{1,8}",
            "\\PC{0,3}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic(text in dictionary_like()) {
        let _ = petrarch_reader::read_actors(&text, "f", false);
        let _ = petrarch_reader::read_actors(&text, "f", true);
        let _ = petrarch_reader::read_agents(&text, "f", false);
        let _ = petrarch_reader::read_agents(&text, "f", true);
        let _ = tsv_reader::read_overlay(&text, "f");
        let _ = tsv_reader::read_actor_tsv(&text, "f");
        let _ = tsv_reader::read_agent_tsv(&text, "f");
        let _ = tsv_reader::read_place_tsv(&text, "f");
    }

    #[test]
    fn matches_and_mentions_stay_in_bounds(
        words in proptest::collection::vec(
            prop_oneof![
                Just("U.S.".to_string()), Just("Belgium".to_string()), Just("'s".to_string()),
                Just("Foreign".to_string()), Just("Minister".to_string()), Just("of".to_string()),
                Just("the".to_string()), Just("Washington".to_string()), Just("in".to_string()),
                Just("NATO".to_string()), Just("Obama".to_string()), Just("us".to_string()),
                Just("Chinese".to_string()), Just("envoys".to_string()), "\\PC{1,6}",
            ],
            0..30,
        ),
        year in 1950u32..2030,
    ) {
        let dict = Dictionary::builtin().unwrap();
        let text = words.join(" ");
        let date = Date::from_ymd(i64::from(year), 6, 1);
        let toks: Vec<&str> = words.iter().map(String::as_str).collect();
        for m in dict.find(&toks, date) {
            prop_assert!(m.tokens.0 < m.tokens.1 && m.tokens.1 <= toks.len());
        }
        let tokens = common::tokenize(&text);
        for m in dict.resolve_simple(&tokens, date) {
            prop_assert!(m.span.get(&text).is_some(), "{:?} out of {:?}", m.span, text);
        }
    }
}

/// A document over `text` with a hostile parse and NER: heads, relations, entity and
/// sentence ranges drawn at random, some out of range.
fn hostile_doc(
    text: &str,
    heads: &[usize],
    rels: &[usize],
    ents: &[(usize, usize, bool)],
) -> dyad_core::Document {
    const RELS: [&str; 9] = [
        "nsubj",
        "obj",
        "appos",
        "compound",
        "amod",
        "nmod",
        "nmod:poss",
        "obl",
        "case",
    ];
    let mut doc = dyad_core::Document::new(
        dyad_core::DocMeta::new("t", text.as_bytes()),
        text.to_string(),
    );
    doc.tokens = common::tokenize(text);
    let n = doc.tokens.len();
    for (i, t) in doc.tokens.iter_mut().enumerate() {
        t.head = heads.get(i).copied().filter(|h| *h != i);
        t.deprel = rels.get(i).map(|r| RELS[r % RELS.len()].to_string());
    }
    let half = n / 2;
    for [a, b] in [[0, half], [half, n + 2]] {
        doc.sentences.push(dyad_core::Sentence {
            span: dyad_core::Span::new(0, text.len()),
            tokens: [a, b],
        });
    }
    for &(a, len, per) in ents {
        doc.entities.push(dyad_core::Entity {
            span: dyad_core::Span::new(0, 0),
            label: if per { "PER" } else { "ORG" }.to_string(),
            tokens: [a, a + len],
        });
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn parse_resolver_survives_hostile_parses(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Blinken".to_string()), Just("Belgium".to_string()), Just("'s".to_string()),
                Just("Minister".to_string()), Just("he".to_string()), Just("Brussels".to_string()),
                Just("EU".to_string()), Just("officials".to_string()), Just("Greeks".to_string()),
                Just(",".to_string()), Just("Herald".to_string()), Just("she".to_string()),
                "\\PC{1,6}",
            ],
            0..30,
        ),
        heads in proptest::collection::vec(0usize..40, 0..30),
        rels in proptest::collection::vec(0usize..9, 0..30),
        ents in proptest::collection::vec((0usize..35, 0usize..6, any::<bool>()), 0..6),
    ) {
        let dict = Dictionary::builtin().unwrap();
        let text = words.join(" ");
        let doc = hostile_doc(&text, &heads, &rels, &ents);
        for m in dict.resolve(&doc, Date::parse_iso("2021-03-25")) {
            prop_assert!(m.span.get(&text).is_some(), "{:?} out of {:?}", m.span, text);
            prop_assert!(!m.rule.is_empty());
        }
    }
}
