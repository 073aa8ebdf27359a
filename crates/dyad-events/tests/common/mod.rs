//! What the integration tests share: finding the evaluation data in ../shared, which only the
//! developers' machines and CI have (a test without it prints why it skips), and hand-parsed
//! one-sentence documents for the coder's tests. Each test binary uses part of it.
#![allow(dead_code)]

use std::path::PathBuf;

use dyad_core::{DocMeta, Document, Sentence, Span, Token};
use dyad_events::{ActorRef, Coder, CoderConfig, Event, VerbDictionary};

/// One parsed word: (text, lemma, upos, head 1-based or 0 for the root, deprel).
pub type Row<'a> = (&'a str, &'a str, &'a str, usize, &'a str);

/// A one-sentence document of `rows`, the words joined by single spaces, dated `date`.
pub fn parsed(rows: &[Row], date: Option<&str>) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for &(w, lemma, upos, head, rel) in rows {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(w);
        tokens.push(Token {
            text: w.into(),
            span: Span::new(start, text.len()),
            lemma: Some(lemma.into()),
            upos: Some(upos.into()),
            head: head.checked_sub(1),
            deprel: Some(rel.into()),
            ..Default::default()
        });
    }
    let meta = DocMeta {
        date: date.map(str::to_string),
        ..DocMeta::new("t", text.as_bytes())
    };
    let mut d = Document::new(meta, text.clone());
    d.sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        tokens: [0, tokens.len()],
    }];
    d.tokens = tokens;
    d
}

/// The actor mention over words `a..=b` (1-based) of a [`parsed`] document, with `code`.
pub fn mention(d: &Document, a: usize, b: usize, code: Option<&str>) -> ActorRef {
    let span = Span::new(d.tokens[a - 1].span.start, d.tokens[b - 1].span.end);
    ActorRef {
        mention: span.get(&d.text).unwrap_or_default().to_string(),
        span,
        code: code.map(str::to_string),
        ..Default::default()
    }
}

/// `../shared/data/events/<rel>` next to the repository, or `None` (with a SKIP line) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIP: {} is absent (../shared is only on the developers' machines)",
            p.display()
        );
        None
    }
}

/// The coder configured as PETRARCH codes: a source and a target for every event, unknown
/// actors kept as null codes, no intent codes, no noun-phrase events, no verbal participle
/// clauses after a comma.
pub fn petrarch() -> CoderConfig {
    CoderConfig {
        require_dyad: true,
        null_actors: true,
        intent: false,
        noun_events: false,
        trailing_participles: false,
        ..CoderConfig::default()
    }
}

/// The events as sorted `SOURCE>TARGET:CODE` strings, the form PETRARCH's records list.
pub fn sorted_codings(events: &[Event]) -> Vec<String> {
    let c = |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default();
    let mut v: Vec<String> = events
        .iter()
        .map(|e| format!("{}>{}:{}", c(&e.source), c(&e.target), e.cameo))
        .collect();
    v.sort();
    v
}

/// The sorted codings ([`sorted_codings`]) of the one-sentence document of `rows` under the
/// verb dictionary `dict` (dictionary text) and the [`petrarch`] settings, with actors
/// `(first word, last word, code)`, words counted from 1.
pub fn code_rows(dict: &str, rows: &[Row], actors: &[(usize, usize, &str)]) -> Vec<String> {
    let dict = VerbDictionary::parse(dict, "t.txt").unwrap();
    code_with(&dict, petrarch(), rows, actors)
}

/// The sorted codings of the one-sentence document of `rows` under `dict` and `config`, with
/// actors `(first word, last word, code)`, words counted from 1.
pub fn code_with(
    dict: &VerbDictionary,
    config: CoderConfig,
    rows: &[Row],
    actors: &[(usize, usize, &str)],
) -> Vec<String> {
    let d = parsed(rows, None);
    let refs: Vec<_> = actors
        .iter()
        .map(|&(a, b, c)| mention(&d, a, b, Some(c)))
        .collect();
    sorted_codings(&Coder::new(dict, config).code(&d, &refs))
}

/// [`code_with`] the default (news) dictionary and the [`petrarch`] settings.
pub fn code_news(rows: &[Row], actors: &[(usize, usize, &str)]) -> Vec<String> {
    code_with(VerbDictionary::news(), petrarch(), rows, actors)
}

/// [`code_news`] with event nouns on.
pub fn code_nouns(rows: &[Row], actors: &[(usize, usize, &str)]) -> Vec<String> {
    let config = CoderConfig {
        noun_events: true,
        ..petrarch()
    };
    code_with(VerbDictionary::news(), config, rows, actors)
}
