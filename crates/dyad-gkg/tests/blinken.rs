//! The shared Blinken sample through clean, annotate and the knowledge-graph annotators: the
//! "Must show" items of issue 6 that this crate can reach without the actor resolution.

use dyad_core::{DocMeta, Document, Span};
use dyad_gkg::{annotate_gkg, Feature, Gkg};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../samples/devdiscourse-2021-03-25-blinken.txt"
);

fn sample() -> Option<(Document, Gkg)> {
    let Ok(input) = std::fs::read_to_string(SAMPLE) else {
        eprintln!("skipping: {SAMPLE} is absent");
        return None;
    };
    let mut doc = Document::new(DocMeta::new("blinken", input.as_bytes()), String::new());
    doc.doc.date = Some("2021-03-25".into());
    dyad_text::clean_into(&mut doc, &input, Span::new(0, input.len()));
    dyad_text::annotate(&mut doc);
    let gkg = annotate_gkg(&doc).expect("embedded tables parse");
    if std::env::var_os("DYAD_GKG_DUMP").is_some() {
        println!("{}", serde_json::to_string_pretty(&gkg).unwrap());
    }
    Some((doc, gkg))
}

#[test]
fn weekdays_resolve_against_the_document_date() {
    let Some((_, gkg)) = sample() else { return };
    let find = |w: &str| {
        gkg.dates
            .iter()
            .filter(|d| d.text == w)
            .map(|d| d.date.clone().unwrap())
            .collect::<Vec<_>>()
    };
    assert!(!find("Wednesday").is_empty());
    assert!(find("Wednesday").iter().all(|d| d == "2021-03-24"));
    assert!(!find("Thursday").is_empty());
    assert!(find("Thursday").iter().all(|d| d == "2021-03-25"));
    assert_eq!(find("Monday"), vec!["2021-03-22"]);
    assert_eq!(find("2009"), vec!["2009"]);
}

#[test]
fn brussels_geocodes_to_belgium() {
    let Some((doc, gkg)) = sample() else { return };
    let brussels: Vec<_> = gkg
        .locations
        .iter()
        .filter(|l| l.mention == "Brussels")
        .collect();
    assert!(brussels.len() >= 2);
    for b in brussels {
        assert_eq!((b.country.as_str(), b.feature), ("BEL", Feature::City));
        assert_eq!(b.geonameid, 2800866);
        assert_eq!(b.span.get(&doc.text), Some("Brussels"));
    }
    for (m, c) in [
        ("Belgium", "BEL"),
        ("China", "CHN"),
        ("Russia", "RUS"),
        ("Hungary", "HUN"),
    ] {
        let l = gkg.locations.iter().find(|l| l.mention == m).expect(m);
        assert_eq!(l.country, c);
    }
}

#[test]
fn tone_is_computed_for_the_document_and_each_sentence() {
    let Some((doc, gkg)) = sample() else { return };
    assert_eq!(gkg.sentence_tones.len(), doc.sentences.len());
    assert!(gkg.tone.word_count > 300);
    assert!(gkg.tone.positive > 0.0 && gkg.tone.negative > 0.0);
    let sum: usize = gkg.sentence_tones.iter().map(|t| t.word_count).sum();
    assert_eq!(sum, gkg.tone.word_count);
}

#[test]
fn six_blinken_quotations_attributed_once_each() {
    let Some((doc, gkg)) = sample() else { return };
    let direct: Vec<_> = gkg.quotes.iter().filter(|q| q.direct).collect();
    for q in &direct {
        eprintln!("{:?} <- {:?} ({:?})", q.text, q.speaker, q.verb);
    }
    let blinken: Vec<_> = direct
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Antony Blinken"))
        .collect();
    assert_eq!(blinken.len(), 6, "{direct:#?}");
    let mut texts: Vec<&str> = blinken.iter().map(|q| q.text.as_str()).collect();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), 6, "a quotation came twice");
    for (start, verb) in [
        ("There's a greater premium", "said"),
        ("I came here very much", "said"),
        ("A basic tenet", "said"),
        ("Some of our allies", "said"),
        ("We can't sustain", "saying"),
        ("We're convinced", "said"),
    ] {
        let q = blinken
            .iter()
            .find(|q| q.text.starts_with(start))
            .expect(start);
        assert_eq!(q.verb.as_deref(), Some(verb), "{start}");
        assert_eq!(q.span.get(&doc.text), Some(q.text.as_str()));
    }
    assert!(blinken.iter().all(|q| !q.text.ends_with(',')));
    // Scare quotes ("modernise", "devastating") are not quotations.
    assert!(gkg.quotes.iter().all(|q| q.text != "modernise"));
}

#[test]
fn indirect_speech_of_the_sample() {
    let Some((_, gkg)) = sample() else { return };
    let indirect: Vec<_> = gkg.quotes.iter().filter(|q| !q.direct).collect();
    for q in &indirect {
        eprintln!("indirect {:?} <- {:?} ({:?})", q.text, q.speaker, q.verb);
    }
    let lead = indirect
        .iter()
        .find(|q| q.text.starts_with("cooperation between allies"))
        .expect("the lead's indirect speech");
    assert_eq!(lead.speaker.as_deref(), Some("Antony Blinken"));
    assert_eq!(lead.verb.as_deref(), Some("said"));
}
