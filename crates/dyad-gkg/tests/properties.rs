//! Invariants over arbitrary text: no annotator panics, and every span it returns lies inside
//! the text on char boundaries and covers the text it reports.

use dyad_core::{DocMeta, Document, Span};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "said",
        "he",
        "Blinken",
        "Brussels",
        "on",
        "Thursday",
        "last",
        "month",
        "$",
        "308",
        "million",
        "20",
        "%",
        "troops",
        "in",
        "2009",
        "March",
        "3",
        ",",
        ".",
        ":",
        "according",
        "to",
        "not",
        "very",
        "good",
        "New",
        "York",
        "é",
        "U.S.",
        "-",
        "that",
        "\n\n",
        "Paris",
        "Texas",
        "saying",
        "will",
        "ago",
        "three",
        "days",
        "1.5",
        "billion",
        "euros",
    ]);
    prop::collection::vec(word, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn spans_are_valid_and_match_their_text(input in words(), date in prop::option::of("20[0-9]{2}-0[1-9]-[12][0-9]")) {
        let mut doc = Document::new(DocMeta::new("p", input.as_bytes()), String::new());
        doc.doc.date = date;
        dyad_text::clean_into(&mut doc, &input, Span::new(0, input.len()));
        dyad_text::annotate(&mut doc);
        let g = dyad_gkg::annotate_gkg(&doc).unwrap();
        let t = &doc.text;
        prop_assert_eq!(g.sentence_tones.len(), doc.sentences.len());
        for d in &g.dates {
            prop_assert!(d.span.is_valid_in(t));
            prop_assert_eq!(d.span.get(t), Some(d.text.as_str()));
        }
        for a in &g.amounts {
            prop_assert!(a.span.is_valid_in(t));
            prop_assert_eq!(a.span.get(t), Some(a.text.as_str()));
        }
        for l in &g.locations {
            prop_assert!(l.span.is_valid_in(t));
            prop_assert_eq!(l.span.get(t), Some(l.mention.as_str()));
        }
        for q in &g.quotes {
            prop_assert!(q.span.is_valid_in(t));
            prop_assert_eq!(q.span.get(t), Some(q.text.as_str()));
            if let Some(s) = q.speaker_span {
                prop_assert!(s.is_valid_in(t));
            }
        }
    }
}
