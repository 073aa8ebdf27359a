//! Quote attribution on the hand-annotated Wikinews quotations of `testdata/gkg` (in the
//! repository, so this never skips), through tokens only: no parse, no NER, no actors. The
//! full pipeline is measured by `dyad eval quotes`.
//!
//! Run with `--nocapture` to see the scores; `DYAD_GKG_ERRORS=1` prints every error.

use std::path::Path;

use dyad_core::{DocMeta, Document, Span};
use dyad_gkg::eval::{read_gold, QuoteScores};

fn score(file: &str) -> QuoteScores {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/gkg")
        .join(file);
    let docs = read_gold(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut s = QuoteScores::default();
    for d in &docs {
        let mut doc = Document::new(DocMeta::new("t", d.text.as_bytes()), String::new());
        doc.doc.date = d.date.clone();
        dyad_text::clean_into(&mut doc, &d.text, Span::new(0, d.text.len()));
        dyad_text::annotate(&mut doc);
        let mut quotes = dyad_gkg::annotate_gkg(&doc).unwrap().quotes;
        for q in &mut quotes {
            q.span = doc.offsets.map_span(q.span);
        }
        s.add_doc(d, &quotes);
    }
    if std::env::var_os("DYAD_GKG_ERRORS").is_some() {
        for e in &s.errors {
            println!("{e}");
        }
    }
    println!(
        "{file}: gold {}, exact F1 {:.3} (direct {:.3}, indirect {:.3}), overlap F1 {:.3} \
         (P {:.3} R {:.3}), speaker accuracy {:.3} ({}/{}), end-to-end {:.3}",
        s.exact[0].gold,
        s.exact[0].f1(),
        s.exact[1].f1(),
        s.exact[2].f1(),
        s.overlap[0].f1(),
        s.overlap[0].precision(),
        s.overlap[0].recall(),
        s.speaker_accuracy(),
        s.speaker_right,
        s.named_found,
        s.speaker_end_to_end(),
    );
    s
}

#[test]
fn development_quotes() {
    let s = score("quotes_dev.tsv");
    assert!(s.exact[0].gold >= 80);
    // The rules were tuned on this part.
    assert!(s.overlap[0].f1() >= 0.9, "span F1 {:.3}", s.overlap[0].f1());
    assert!(
        s.speaker_accuracy() >= 0.9,
        "speaker {:.3}",
        s.speaker_accuracy()
    );
}

#[test]
fn test_quotes() {
    let s = score("quotes_test.tsv");
    assert!(s.exact[0].gold >= 80);
    // Floors under the held-out measurement (overlap F1 0.904, speaker 0.816), to catch
    // regressions; not tuned against.
    assert!(
        s.overlap[0].f1() >= 0.85,
        "span F1 {:.3}",
        s.overlap[0].f1()
    );
    assert!(
        s.speaker_accuracy() >= 0.75,
        "speaker {:.3}",
        s.speaker_accuracy()
    );
}
