//! Regression test: the shipped models in `models/` still meet the accuracy floors.
//!
//! Reads the UD English EWT and UNER test sets from `/work/shared/data` (override with
//! `DYAD_DATA`); when they are absent (as on a user's machine) the test says so and passes.
//! UPOS is scored on the whole EWT test set against the floor of issue 3 (95.5; the shipped
//! tagger scores 95.57). Parsing and NER are scored on the first 800 sentences only, to keep
//! the test quick, against floors a little below what the shipped models score there (UAS
//! 85.9, LAS 82.8, NER F1 66.7): they catch a broken or mismatched model, not noise. The
//! issue's LAS 84 and NER F1 82 are not met yet; see `models/README.md`.

use std::path::PathBuf;

use dyad_models::{data, ner, parser, tagger, Models};

fn data_dir() -> Option<PathBuf> {
    let d = PathBuf::from(std::env::var("DYAD_DATA").unwrap_or("/work/shared/data".into()));
    d.join("ud/UD_English-EWT/en_ewt-ud-test.conllu")
        .exists()
        .then_some(d)
}

const SUBSET: usize = 800;

#[test]
fn shipped_models_meet_the_floors_on_ewt_and_uner_test() {
    let Some(dir) = data_dir() else {
        eprintln!("SKIPPED: the test sets under /work/shared/data (or $DYAD_DATA) are absent");
        return;
    };
    let models = Models::load_default().expect("the shipped models load");
    let mut ud = data::read_conllu(&dir.join("ud/UD_English-EWT/en_ewt-ud-test.conllu")).unwrap();
    let upos = tagger::upos_accuracy(&models.tagger, &ud);
    eprintln!("EWT test: UPOS {upos:.4}");
    assert!(upos >= 0.955, "UPOS {upos}");
    ud.truncate(SUBSET);
    let (uas, las) = parser::attachment_scores(&models.tagger, &models.parser, &ud);
    eprintln!("EWT test[..{SUBSET}]: UAS {uas:.4} LAS {las:.4}");
    assert!(las >= 0.81, "LAS {las}");
    assert!(uas >= 0.84, "UAS {uas}");

    let mut bio = data::read_bio(&dir.join("ner/UNER_English-EWT/en_ewt-ud-test.iob2")).unwrap();
    bio.truncate(SUBSET);
    let f1 = ner::span_f1(&models.tagger, &models.ner, &bio);
    eprintln!("UNER EWT test[..{SUBSET}]: F1 {f1:.4}");
    assert!(f1 >= 0.64, "NER F1 {f1}");
}

#[test]
fn annotate_fills_a_document() {
    if !Models::default_dir().join(dyad_models::NER_FILE).exists() {
        eprintln!(
            "SKIPPED: no shipped models in {}",
            Models::default_dir().display()
        );
        return;
    }
    let models = Models::load_default().unwrap();
    let text = "President Biden met Chancellor Scholz in Berlin on Friday.".to_string();
    let mut doc = dyad_core::Document::new(dyad_core::DocMeta::new("t", text.as_bytes()), text);
    let mut start = 0;
    for w in doc.text.clone().split(' ') {
        let (w, dot) = match w.strip_suffix('.') {
            Some(w) => (w, true),
            None => (w, false),
        };
        doc.tokens.push(dyad_core::Token::new(
            dyad_core::Span::new(start, start + w.len()),
            &doc.text,
        ));
        start += w.len();
        if dot {
            doc.tokens.push(dyad_core::Token::new(
                dyad_core::Span::new(start, start + 1),
                &doc.text,
            ));
            start += 1;
        }
        start += 1;
    }
    doc.sentences.push(dyad_core::Sentence {
        span: dyad_core::Span::new(0, doc.text.len()),
        tokens: [0, doc.tokens.len()],
    });
    models.annotate(&mut doc);
    assert_eq!(doc.check(), Ok(()));
    let met = &doc.tokens[2];
    assert_eq!(met.upos.as_deref(), Some("VERB"));
    assert_eq!(met.lemma.as_deref(), Some("meet"));
    assert_eq!(met.head, None, "the verb is the root");
    assert_eq!(doc.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
    assert_eq!(doc.tokens[1].head, Some(2), "Biden depends on met");
    assert_eq!(doc.tokens[1].deprel.as_deref(), Some("nsubj"));
    let ents: Vec<(&str, &str)> = doc
        .entities
        .iter()
        .map(|e| (e.span.get(&doc.text).unwrap_or(""), e.label.as_str()))
        .collect();
    assert!(ents.contains(&("Berlin", "LOC")), "{ents:?}");
    assert!(
        ents.iter().any(|(s, l)| s.contains("Biden") && *l == "PER"),
        "{ents:?}"
    );
}
