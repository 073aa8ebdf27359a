//! The Blinken sample of the repository: a real page dump with a navigation line and a lead
//! paragraph printed twice (stitched from sentences of later paragraphs).

use dyad_core::{DocMeta, Document, Span};

fn sample() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../samples/devdiscourse-2021-03-25-blinken.txt"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn document() -> (String, Document) {
    let input = sample();
    let mut doc = Document::new(DocMeta::new("blinken", input.as_bytes()), String::new());
    dyad_text::clean_into(&mut doc, &input, Span::new(0, input.len()));
    dyad_text::annotate(&mut doc);
    (input, doc)
}

#[test]
fn navigation_line_is_gone() {
    let (input, doc) = document();
    assert!(input.contains("Left Menu"));
    assert!(!doc.text.contains("Left Menu"));
    assert!(doc
        .text
        .starts_with("U.S.'s Blinken says West needs to cooperate more than ever\n\n"));
}

#[test]
fn repeated_lead_appears_once() {
    let (_, doc) = document();
    for sentence in [
        "He later told U.S. diplomats in Brussels he wanted to mend",
        "\"There's a greater premium than any time since I've been involved",
    ] {
        assert_eq!(doc.text.matches(sentence).count(), 1, "{sentence}");
    }
    // The stitched lead went, the paragraphs it was copied from stayed.
    let second = doc.text.split("\n\n").nth(1).unwrap();
    assert!(second.starts_with("U.S. Secretary of State Antony Blinken said on Thursday"));
    assert_eq!(doc.text.split("\n\n").count(), 9); // headline + 8 body paragraphs
}

#[test]
fn us_does_not_end_a_sentence_and_offsets_map_back() {
    let (input, doc) = document();
    assert_eq!(doc.check(), Ok(()));
    let texts: Vec<&str> = doc
        .sentences
        .iter()
        .map(|s| s.span.get(&doc.text).unwrap())
        .collect();
    assert!(texts.iter().all(|s| !s.ends_with("U.S.")), "{texts:#?}");
    assert!(texts.contains(&"U.S.'s Blinken says West needs to cooperate more than ever"));
    assert!(texts
        .iter()
        .any(|s| s.starts_with("U.S. Secretary of State Antony Blinken said")));
    assert!(texts.contains(
        &"\"Some of our allies are moving in the wrong direction,\" he said on Wednesday, referring to backsliding on democracy in Hungary, Poland and Turkey, although he did not name countries."
    ));
    for t in &doc.tokens {
        let back = doc.offsets.map_span(t.span);
        assert_eq!(&input[back.start..back.end], t.text);
    }
}
