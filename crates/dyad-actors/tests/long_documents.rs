//! A long document resolves each of its parts as the part alone does where nothing in
//! the other parts bears on it: the per-sentence index of `context country` (and the
//! steps it calls for every candidate) must find, for the 40th copy of a paragraph, the
//! same nearest country as for the first. Runs the real text pipeline and models
//! (dev-dependencies).

use dyad_actors::{ActorMention, Date, Dictionary};
use dyad_core::{DocMeta, Document, Span};

/// Every role noun with no country of its own finds one in its own sentence, so no copy
/// reaches into the copy before it; the document country is that of one copy. Each copy
/// has its own NUMBER (the text cleaner drops repeated paragraphs).
const PARAGRAPH: &str = "Police in Kenya arrested NUMBER protesters on Monday. In Germany, \
officials said the ambassador to France would return next week. Ukrainian soldiers and \
Polish troops held joint drills near the border, and the military said more were planned \
in Ukraine. Danish media and government criticised the plan.";

/// Copy `c` of the paragraph.
fn copy(c: usize) -> String {
    PARAGRAPH.replace("NUMBER", &(20 + c).to_string())
}

fn parsed(text: &str) -> Document {
    let models = dyad_models::Models::load_default().expect("models/ loads");
    let mut doc = Document::new(DocMeta::new("long", text.as_bytes()), String::new());
    dyad_text::clean_into(&mut doc, text, Span::new(0, text.len()));
    dyad_text::annotate(&mut doc);
    models.annotate(&mut doc);
    doc
}

/// What a mention says, apart from where it is and which entity id it got.
fn said(m: &ActorMention) -> (String, Option<String>, String, String) {
    (
        m.mention.clone(),
        m.code.clone(),
        format!("{:?}", m.kind),
        m.rule.clone(),
    )
}

#[test]
fn every_copy_of_a_repeated_paragraph_resolves_as_the_paragraph_alone() {
    const COPIES: usize = 40;
    let dict = Dictionary::builtin().expect("built-in dictionaries");
    let date = Date::parse_iso("2019-10-01");
    let one = dict.resolve(&parsed(&copy(0)), date);
    let single: Vec<_> = one.iter().map(said).collect();
    // the paragraph exercises the context step (role nouns take a nearby country)
    assert!(
        one.iter()
            .any(|m| m.rule.contains(dyad_core::CONTEXT_COUNTRY_RULE)),
        "{one:#?}"
    );
    let long = (0..COPIES).map(copy).collect::<Vec<_>>().join("\n\n");
    let doc = parsed(&long);
    let all = dict.resolve(&doc, date);
    // where each copy starts in the document's (cleaned) text
    let mut starts: Vec<usize> = doc
        .text
        .match_indices("Police in Kenya")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(starts.len(), COPIES);
    starts.push(doc.text.len());
    for c in 0..COPIES {
        let (lo, hi) = (starts[c], starts[c + 1]);
        let copy: Vec<_> = all
            .iter()
            .filter(|m| lo <= m.span.start && m.span.end <= hi)
            .map(said)
            .collect();
        assert_eq!(copy, single, "copy {c} of {COPIES}");
    }
    assert_eq!(all.len(), COPIES * one.len());
}
