//! Quotations: direct quotes between quote marks and indirect speech ("X said that ...",
//! "according to X"), each attributed to a speaker through a speech verb.
//!
//! Quote marks are found among the tokens (`"`, `“`, `”`): curly marks open and close, straight
//! marks alternate, and a paragraph break closes whatever is open. A quoted run of fewer than
//! three words is a scare quote or a term ("modernise"), not a quotation. Attribution looks,
//! in this order, right after the closing mark (`," said Blinken`, `," Blinken said`, `," he
//! said`), then right before the opening mark (`Blinken said: "`, `..., saying: "` where the
//! speaker is the subject of the sentence). A quote with no attribution of its own that
//! follows an attributed one after only a short interruption (`"...," he said, "..."`) gets
//! the same speaker: this covers split quotes, which are kept as two records with exact spans.
//!
//! Speakers are names (runs of capitalised tokens, with titles such as "Secretary of State"
//! stripped) or pronouns. A pronoun takes the nearest person named before it; a surname takes
//! the full name it was introduced with ("Blinken" → "Antony Blinken"). Person names are the
//! spans the caller passes (actor mentions, NER `PER` entities in the document) plus the
//! names this module finds as speakers. The same quote text twice (a repeated paragraph) is
//! reported once. The caller can attach an actor record to a quote through `speaker_span`.

use std::cell::OnceCell;
use std::collections::HashSet;

mod attribution;
mod clause_parse;
mod descriptions;
mod embedded;
mod indirect;
mod lexicon;
#[cfg(test)]
mod lexicon_tests;
#[cfg(test)]
mod long_document_tests;
mod marks;
mod named_descriptions;
pub mod ranker;
mod ranker_features;
mod resolution;
#[cfg(test)]
mod rule_test_support;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod rule_tests_round10;
#[cfg(test)]
mod rule_tests_round11;
#[cfg(test)]
mod rule_tests_round12;
#[cfg(test)]
mod rule_tests_round6;
#[cfg(test)]
mod rule_tests_round7;
#[cfg(test)]
mod rule_tests_round8;
#[cfg(test)]
mod rule_tests_round9;
mod speaker_names;
mod speakers;
#[cfg(test)]
mod tests;

use dyad_core::{Document, Span};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use attribution::{apposition_subject, attribution_after, attribution_before, sentence_subject};
use lexicon::{
    capitalised, cites_at, finite_tag, is_close, is_mark, is_open, is_straight, is_verb,
    FUNCTION_WORDS, PARTICLES, PRONOUNS, TITLES,
};
use marks::{normalise, para_break, para_start, quoted_runs, sentence_index, words, Run};
use resolution::{make_quote, person_mentions};
use speaker_names::{
    adverb, full_name, name_after, name_before, name_run, name_word, person, pronoun_at,
    pronoun_before, Person, Persons,
};
// `untitled` is also used by `crate::names`.
pub(crate) use speaker_names::untitled;

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's name as the document gives it in full, or the pronoun if unresolved.
    pub speaker: Option<String>,
    /// Where the speaker is named next to this quote (the name, surname or pronoun).
    pub speaker_span: Option<Span>,
    /// The words quoted, without the quote marks.
    pub text: String,
    pub span: Span,
    /// The speech verb of the attribution, as written (`said`, `told`, `according to`).
    pub verb: Option<String>,
    /// True for a quote in quote marks, false for indirect speech.
    pub direct: bool,
}

/// A half-open range of token indexes.
type TokRange = (usize, usize);

/// Finds the quotations of `doc`. `people` are spans of person mentions found by other
/// stages (actor resolution); `doc.entities` labelled `PER` are used too.
pub fn find_quotes(doc: &Document, people: &[Span]) -> Vec<Quote> {
    rule_quotes(doc, people).0
}

/// The quotations of `doc` ([`find_quotes`]), each with its speaker candidates for the
/// learned ranker ([`ranker`]): what `dyad train speakers` learns from and cross-validates
/// on. `orgs` are organisation mentions of the actor resolution, candidates too.
pub fn speaker_candidates(
    doc: &Document,
    people: &[Span],
    orgs: &[Span],
) -> Vec<(Quote, Vec<ranker::Candidate>)> {
    let (out, persons) = rule_quotes(doc, people);
    let cands = ranker_features::all_candidates(doc, &persons, orgs, &out);
    out.into_iter().zip(cands).collect()
}

/// The quotations and speakers the rules find, with the persons they know.
fn rule_quotes(doc: &Document, people: &[Span]) -> (Vec<Quote>, Persons) {
    let toks = &doc.tokens;
    let mut persons: Vec<Person> = people
        .iter()
        .chain(
            doc.entities
                .iter()
                .filter(|e| e.label == "PER")
                .map(|e| &e.span),
        )
        .map(|s| speakers::hyphen_widened(&doc.text, *s))
        .filter_map(|s| {
            s.get(&doc.text).map(|n| Person {
                span: s,
                name: untitled(n),
            })
        })
        .collect();
    // First pass: every speech-verb subject that is a name is a person.
    for i in 0..toks.len() {
        if is_verb(&toks[i].text) {
            if let Some((s, e)) = name_before(toks, i) {
                persons.push(person(doc, s, e));
            }
            let inverted = i > 0 && (toks[i - 1].text == "," || is_mark(&toks[i - 1].text));
            let closed = |e: usize| {
                toks.get(e)
                    .is_none_or(|t| matches!(t.text.as_str(), "," | "." | ";"))
            };
            if let Some((s, e)) = name_after(toks, i + 1).filter(|&(_, e)| inverted && closed(e)) {
                persons.push(person(doc, s, e));
            }
            if let Some((s, e)) = apposition_subject(doc, i) {
                persons.push(person(doc, s, e));
            }
        }
    }
    // Bylines after a quote: `"..." - Matthew Ingram`.
    for i in 1..toks.len() {
        if is_mark(&toks[i - 1].text) && matches!(toks[i].text.as_str(), "-" | "–" | "—") {
            if let Some((s, e)) = name_run(toks, i + 1) {
                persons.push(person(doc, s, e));
            }
        }
    }
    // Web sites and acronyms (Gawker.com, NASA) say things but are not people a pronoun can stand for.
    // A one-word "name" the text also writes in lower case ("Prosecutors alleged ...",
    // "prosecutors asserted") is a common noun opening a sentence.
    // (Collected only when a one-word name asks, into a fast set: the words are the
    // document's, and only membership is asked.)
    let lower: OnceCell<FxHashSet<&str>> = OnceCell::new();
    let lower = || {
        lower.get_or_init(|| {
            toks.iter()
                .map(|t| t.text.as_str())
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .collect()
        })
    };
    persons.retain(|p| {
        p.name.chars().any(char::is_lowercase)
            && !p.name.ends_with(".com")
            && !p.name.is_empty()
            && (p.name.contains(' ') || !lower().contains(p.name.to_lowercase().as_str()))
    });
    // Second pass: titled names ("Foreign Minister Sophie Wilmes") and full names whose
    // surname is used alone as a speaker ("Antony Blinken" ... "Blinken said").
    let surnames: FxHashSet<String> = persons
        .iter()
        .filter(|p| !p.name.contains(' '))
        .map(|p| p.name.clone())
        .collect();
    for i in 0..toks.len() {
        if i > 0 && capitalised(&toks[i - 1].text) || !capitalised(&toks[i].text) {
            continue;
        }
        let Some((s, e)) = name_run(toks, i) else {
            continue;
        };
        let titled = s > i && e - s <= 3;
        let known = e - s >= 2 && e - s <= 3 && surnames.contains(&toks[e - 1].text);
        if titled || known {
            persons.push(person(doc, s, e));
        }
    }
    // A capitalised gerund opening a heading or sentence is no first name ("Questioning
    // Vindman's judgment"): by the tag, the name starts after it.
    for p in &mut persons {
        // (Tokens are in text order: the first that starts there.)
        let k = toks.partition_point(|t| t.span.start < p.span.start);
        if toks.get(k).is_none_or(|t| t.span.start != p.span.start) {
            continue;
        }
        if toks[k].xpos.as_deref() == Some("VBG") && k + 1 < toks.len() {
            let rest = Span::new(toks[k + 1].span.start, p.span.end);
            if rest.start < rest.end {
                if let Some(n) = rest.get(&doc.text) {
                    p.name = untitled(n);
                    p.span = rest;
                }
            }
        }
    }
    persons.sort_by_key(|p| p.span.start);
    let persons = Persons::new(persons);

    let mentions = person_mentions(doc, &persons);
    let sentence_of = sentence_index(doc);
    let mut out: Vec<Quote> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // Normalised only when a run could be a heading: most documents have none.
    let flat_text = OnceCell::new();
    // Quoted titles left out, which no indirect speech may come from either.
    let mut titles: Vec<Span> = Vec::new();
    // (token after the previous quote's attribution, its speaker tokens, its verb token).
    let mut prev: Option<(usize, Option<TokRange>, Option<usize>)> = None;
    for mut run in persons.quoted_runs(doc).iter().copied() {
        // The comma before a closing mark belongs to the attribution, not to the quote.
        while run.last > run.first && toks[run.last].text == "," {
            run.last -= 1;
        }
        // Words as written: "That's correct" is two words, though three tokens.
        let written = Span::new(toks[run.first].span.start, toks[run.last].span.end)
            .get(&doc.text)
            .unwrap_or_default()
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if written < 3 || heading(doc, &run, &flat_text) {
            continue;
        }
        let attribution = run
            .close
            // Not across a paragraph break: the next paragraph's verb is its own
            // (`... and added, "I frankly cringe when I hear it."` / `4. Questioning ...` /
            // `Republican counsel Steve Castor asked ...`).
            .and_then(|c| attribution_after(toks, c).filter(|&(_, v)| !para_break(doc, c, v)))
            .or_else(|| attribution_before(doc, run.open, &sentence_of, &mentions));
        let attribution = attribution.or_else(|| {
            // Split quote: attributed neighbour ending just before this opening mark.
            // Or a quote opening the next sentence of the same paragraph (`..., Mandell
            // said in a statement. "But eventually ..."`). Or the next paragraph of a quote
            // (`"...," said Mohib.` / `"They represent ..."`).
            prev.and_then(|(end, spk, verb)| {
                if run.open < end || end >= toks.len() {
                    return None;
                }
                let next_paragraph =
                    para_start(doc, run.open) && (end + 1..run.open).all(|k| !para_start(doc, k));
                if run.continues || next_paragraph {
                    return Some((spk?, verb?));
                }
                let same_paragraph = !para_break(doc, end, run.open);
                // `end` is the token after the previous attribution, which may already be in
                // the next sentence (`... program."` / `Bridenstine expects ... "Adding
                // ..."`): sentences are counted from the attribution's last token.
                let near = sentence_of[run.open] <= sentence_of[end - 1] + 1
                    || run.open - end <= 8
                        && !(end..run.open)
                            .any(|k| matches!(toks[k].text.as_str(), "." | "?" | "!"));
                (same_paragraph && near).then_some((spk?, verb?))
            })
        });
        let (spk, verb) = match attribution {
            Some((s, v)) => (Some(s), Some(v)),
            None => (None, None),
        };
        let end_tok = run.close.unwrap_or(run.last);
        let span = Span::new(toks[run.first].span.start, toks[run.last].span.end);
        // A cited headline: `"Document found on street" — The Canadian Press, August 15,
        // 2008`: a dash, a publisher and a year, not a speaker.
        if run.close.is_some_and(|c| cited_headline(doc, c + 1)) {
            titles.push(span);
            continue;
        }
        let text = span.get(&doc.text).unwrap_or_default().to_string();
        prev = Some((last_attr_tok(end_tok, spk, verb), spk, verb));
        // An unattributed run in title case is the title of a work or a name ("The Internet
        // Explorer 6 Countdown"), not a quotation.
        // A run with no word of four letters says nothing either way ("Red for Ed" is a
        // chant).
        let mut long_words = toks[run.first..=run.last]
            .iter()
            .filter(|t| t.text.chars().count() >= 4 && t.text.chars().all(char::is_alphabetic))
            .peekable();
        let title_case = long_words.peek().is_some() && long_words.all(|t| capitalised(&t.text));
        // Attributed or not, a short run with every word capitalised and no sentence
        // punctuation is a title ("described recording their version of “Knuck If You
        // Buck”").
        let all_capitalised = toks[run.first..=run.last]
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic))
            .all(|t| capitalised(&t.text));
        let short_title = all_capitalised
            && words(&toks[run.first..=run.last]) <= 8
            && !matches!(toks[run.last].text.as_str(), "." | "!" | "?" | ",");
        if (spk.is_none() && title_case)
            || short_title
            || named_slogan(toks, &run)
            || named_term(toks, &run)
        {
            continue;
        }
        if !seen.insert(normalise(&text)) {
            continue;
        }
        out.push(make_quote(
            doc, &persons, &mentions, text, span, spk, verb, true,
        ));
    }
    indirect::indirect(
        doc,
        &persons,
        &mentions,
        &out.iter().map(|q| q.span).chain(titles).collect::<Vec<_>>(),
        &mut seen,
        &mut out,
    );
    out.sort_by_key(|q| q.span.start);
    speakers::carry_speakers(doc, &persons, &mentions, &mut out);
    (out, persons)
}

/// Whether a quoted run is a section heading that repeats words of the article (`3. "Not
/// some irregular channel"` over `"My role was not some irregular channel, ..."`): the run
/// fills its paragraph (after a list number), ends with no sentence punctuation, and its
/// words, case and punctuation aside, occur again in the document (`flat` is the whole text
/// normalised). The words stay a quote where the body says them.
fn heading(doc: &Document, run: &Run, flat: &OnceCell<String>) -> bool {
    let toks = &doc.tokens;
    let Some(c) = run.close else {
        return false;
    };
    let mut p = run.open;
    while p > 0 && !para_start(doc, p) {
        p -= 1;
    }
    let numbered = toks[p..run.open]
        .iter()
        .all(|t| t.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.'));
    let alone = numbered && run.open - p <= 2 && (c + 1 == toks.len() || para_start(doc, c + 1));
    let key = normalise(
        Span::new(toks[run.first].span.start, toks[run.last].span.end)
            .get(&doc.text)
            .unwrap_or_default(),
    );
    alone
        && !matches!(toks[run.last].text.as_str(), "." | "!" | "?" | ",")
        && !key.is_empty()
        && flat
            .get_or_init(|| normalise(&doc.text))
            .matches(key.as_str())
            .count()
            >= 2
}

/// Whether token `v` (right after a closing mark) is a dash followed, in its paragraph, by a year
/// (`— CBC.ca, August 15, 2008`): a reference to a published piece.
fn cited_headline(doc: &Document, v: usize) -> bool {
    let toks = &doc.tokens;
    toks.get(v)
        .is_some_and(|t| matches!(t.text.as_str(), "-" | "–" | "—"))
        && (v + 1..toks.len())
            .take_while(|&k| !para_break(doc, k - 1, k))
            .take(20)
            .any(|k| {
                let t = toks[k].text.as_str();
                t.len() == 4
                    && t.chars().all(|c| c.is_ascii_digit())
                    && (t.starts_with("19") || t.starts_with("20"))
            })
}

/// Nouns that name a short quoted run as a slogan or title rather than someone's words.
const SLOGAN_NOUNS: &[&str] = &[
    "campaign", "slogan", "motto", "tagline", "hashtag", "headline", "banner", "placard", "jingle",
    "chant",
];

/// Whether a run of at most eight words is named by a slogan noun right before it (`the
/// campaign "Starts with one."`) or one or two words after it (`the viral "Meth. We're on
/// it." awareness campaign`).
fn named_slogan(toks: &[dyad_core::Token], run: &Run) -> bool {
    let (Some(c), true) = (run.close, words(&toks[run.first..=run.last]) <= 8) else {
        return false;
    };
    let noun = |k: usize| {
        toks.get(k)
            .is_some_and(|t| SLOGAN_NOUNS.contains(&t.text.to_lowercase().as_str()))
    };
    let lower = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text.starts_with(|ch: char| ch.is_lowercase()))
    };
    (run.open > 0 && noun(run.open - 1)) || noun(c + 1) || (lower(c + 1) && noun(c + 2))
}

/// Whether a run of at most six words is a name the text gives something (`it has been
/// dubbed "feather duvet lung."`, `what's called "X"`, `the nickname of "bird fancier's
/// lung"`, `known as "..."`, `the so-called "..."`): a naming word right before the opening
/// mark. (`called` only after a form of `be`, `what's` or `so`: `called it "a hoax"` and
/// `called the plan "a disgrace"` quote someone's words about a thing.)
fn named_term(toks: &[dyad_core::Token], run: &Run) -> bool {
    if words(&toks[run.first..=run.last]) > 6 || run.open < 2 || run.continues {
        return false;
    }
    let o = run.open;
    let at = |k: usize, w: &[&str]| {
        toks.get(k)
            .is_some_and(|t| w.contains(&t.text.to_lowercase().as_str()))
    };
    at(o - 1, &["dubbed", "nicknamed", "termed", "so-called"])
        || at(o - 1, &["called", "named"])
            && at(
                o - 2,
                &[
                    "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "so",
                ],
            )
        || at(o - 1, &["as"]) && at(o - 2, &["known", "referred"])
        || at(o - 1, &["of"]) && at(o - 2, &["nickname", "term", "name"])
}

/// The last token index of a quote's attribution, or the quote's end if it has none.
fn last_attr_tok(end: usize, spk: Option<(usize, usize)>, verb: Option<usize>) -> usize {
    end.max(spk.map(|s| s.1).unwrap_or(0))
        .max(verb.unwrap_or(0))
        + 1
}
