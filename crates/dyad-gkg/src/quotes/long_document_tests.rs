//! A long document is many short ones as far as the quotes go: the per-document work done
//! once (names without titles, full names, genders, token indexes) must give each copy of a
//! text repeated many times in one document the quotes of that copy alone.

use dyad_core::{DocMeta, Document, Span};

use super::{find_quotes, Quote};

const SAMPLE: &str = include_str!("../../../../samples/devdiscourse-2021-03-25-blinken.txt");

/// Words of the sample's quotes and reports: each copy spells them its own way, for the
/// document keeps one quote of each text.
const VARIED: &[&str] = &[
    "alliances",
    "allies",
    "challenges",
    "friends",
    "democracy",
    "premium",
    "focus",
];

/// Copy `k` of the sample: its varied words end in letters of `k`.
fn copy(k: usize) -> String {
    let tag: String = [k / 26, k % 26]
        .iter()
        .map(|&d| char::from(b'a' + d as u8))
        .collect();
    VARIED.iter().fold(SAMPLE.to_string(), |t, w| {
        t.replace(w, &format!("{w}q{tag}"))
    })
}

/// Quote `q` moved back by `by` bytes.
fn shifted(q: &Quote, by: usize) -> Quote {
    let back = |s: Span| Span::new(s.start - by, s.end - by);
    Quote {
        span: back(q.span),
        speaker_span: q.speaker_span.map(back),
        ..q.clone()
    }
}

#[test]
fn each_copy_of_a_repeated_text_has_the_quotes_of_the_copy_alone() {
    let copies = 40;
    let sep = "\n\n";
    // As cleaned (the document's offsets are those of its clean text), without the
    // headline, which reports only at the top of a document.
    let texts: Vec<String> = (0..copies)
        .map(|k| {
            let clean = crate::test_doc(&copy(k)).text;
            let (headline, body) = clean.split_once("\n\n").unwrap();
            assert!(headline.starts_with("U.S.'s Blinken says"), "{headline}");
            body.to_string()
        })
        .collect();
    let long = texts.join(sep);
    // (Not cleaned again: cleaning drops the paragraphs the copies repeat.)
    let mut doc = Document::new(DocMeta::new("t", long.as_bytes()), long.clone());
    dyad_text::annotate(&mut doc);
    let all = find_quotes(&doc, &[]);
    let mut start = 0;
    for (k, text) in texts.iter().enumerate() {
        let alone = find_quotes(&crate::test_doc(text), &[]);
        assert!(alone.iter().filter(|q| q.direct).count() >= 5, "{alone:#?}");
        assert!(
            alone.iter().filter(|q| !q.direct).count() >= 3,
            "{alone:#?}"
        );
        assert!(
            alone
                .iter()
                .all(|q| q.speaker.as_deref() == Some("Antony Blinken")),
            "{alone:#?}"
        );
        let end = start + text.len();
        let here: Vec<Quote> = all
            .iter()
            .filter(|q| start <= q.span.start && q.span.end <= end)
            .map(|q| shifted(q, start))
            .collect();
        assert_eq!(here, alone, "copy {k}");
        start = end + sep.len();
    }
    assert_eq!(all.len(), 9 * copies);
}
