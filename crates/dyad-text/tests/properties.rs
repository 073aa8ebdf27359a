//! Invariants on arbitrary input: every span lies inside its text on char boundaries, words
//! are in order and inside their sentence, and cleaned offsets map back inside the input on
//! char boundaries.

use dyad_core::{DocMeta, Document, Span};
use proptest::prelude::*;

/// Text made of the pieces that exercise the rules: words, abbreviations, clitics, quotes,
/// odd spaces and dashes, combining marks, newlines.
fn newsy() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "U.S.",
        "Mr.",
        "He",
        "said",
        "can't",
        "Belgium's",
        "’s",
        "\"",
        "“",
        "”",
        "(",
        ")",
        ".",
        "...",
        "?!",
        "3.5",
        "$308",
        "1,000",
        "COVID-19",
        "e-mail",
        "http://x.org/a.",
        "a@b.co",
        "\u{a0}",
        "\u{200b}",
        "\u{2011}",
        "e\u{301}",
        "\u{1100}\u{1161}",
        "ü",
        "—",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "Left Menu",
        "Advertisement",
        "'",
        "-",
        "No.",
        "10",
        ":)",
        "J.",
        "etc.",
        "gonna",
        "\u{feff}",
        "x",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn annotate_keeps_the_document_invariants(text in any_text()) {
        let mut doc = Document::new(DocMeta::new("p", text.as_bytes()), text.clone());
        dyad_text::annotate(&mut doc);
        prop_assert_eq!(doc.check(), Ok(()));
        for t in &doc.tokens {
            prop_assert!(!t.text.is_empty());
            prop_assert!(!t.text.chars().any(char::is_whitespace), "{:?}", t.text);
        }
    }

    #[test]
    fn cleaned_offsets_map_back_inside_the_input(text in any_text(), a in 0usize..200, b in 0usize..200) {
        let body = Span::new(a.min(b), a.max(b));
        let c = dyad_text::clean(&text, body);
        prop_assert!(!c.text.contains("\n\n\n"));
        let ok = |p: usize| p <= text.len() && text.is_char_boundary(p);
        for (i, _) in c.text.char_indices() {
            prop_assert!(ok(c.offsets.map_start(i)), "start {} -> {}", i, c.offsets.map_start(i));
            prop_assert!(ok(c.offsets.map_end(i)), "end {} -> {}", i, c.offsets.map_end(i));
        }
        prop_assert!(ok(c.offsets.map_end(c.text.len())));
        let mut doc = Document::new(DocMeta::new("p", text.as_bytes()), String::new());
        dyad_text::clean_into(&mut doc, &text, body);
        dyad_text::annotate(&mut doc);
        prop_assert_eq!(doc.check(), Ok(()));
        for t in &doc.tokens {
            let back = doc.offsets.map_span(t.span);
            prop_assert!(back.is_valid_in(&text), "{:?} -> {:?}", t.span, back);
            prop_assert!(back.start >= body.start.min(text.len()));
        }
        for (s, _) in &c.dropped {
            prop_assert!(s.is_valid_in(&text));
        }
    }
}
