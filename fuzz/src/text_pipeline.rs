//! Fuzzes the text stage (`clean_into` then `annotate`) on arbitrary UTF-8: the document
//! must pass `Document::check`, every token's text must equal the text under its span and lie inside its sentence, and
//! every cleaned offset must map back inside the input.

use dyad_core::{DocMeta, Document, Span};

/// Runs the checks on one input (non-UTF-8 inputs are ignored, as libFuzzer's `&str`
/// targets do); panics when an invariant fails.
pub fn run(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let mut doc = Document::new(DocMeta::new("fuzz", input.as_bytes()), String::new());
    dyad_text::clean_into(&mut doc, input, Span::new(0, input.len()));
    dyad_text::annotate(&mut doc);
    if let Err(e) = doc.check() {
        panic!("invalid document: {e}");
    }
    for t in &doc.tokens {
        assert_eq!(t.span.get(&doc.text), Some(t.text.as_str()), "token {t:?}");
        let m = doc.offsets.map_span(t.span);
        assert!(
            m.start <= m.end && m.end <= input.len(),
            "token {:?} maps to {m:?} outside an input of {} bytes",
            t.span,
            input.len()
        );
    }
    for s in &doc.sentences {
        for t in &doc.tokens[s.tokens[0]..s.tokens[1]] {
            assert!(
                s.span.start <= t.span.start && t.span.end <= s.span.end,
                "token {:?} outside its sentence {:?}",
                t.span,
                s.span
            );
        }
        let m = doc.offsets.map_span(s.span);
        assert!(
            m.start <= m.end && m.end <= input.len(),
            "sentence maps to {m:?}"
        );
    }
}
