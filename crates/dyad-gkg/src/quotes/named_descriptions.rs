//! Speakers given by a description that the text names nearby: an apposition naming the
//! described body (`according to a group of employees. The group, WeWorkers Coalition,
//! formed ...` and later `The group said ...`), or a role given before the name (`A
//! California transit chief says ...` / `Interim BART Police Chief Ed Alvarez told ...`,
//! `Austria's interior minister said` / `Interior Minister Wolfgang Peschorn`).
//!
//! News introduces a source by what it is and names it in the next sentences, and goes on
//! calling it by its noun. Both rules read the noun that heads the description (the word
//! before `of`, else the last word) and look for that noun written next to a name: after
//! `the` with the name in commas, or capitalised as the title right before a person's name.
//! They run after the rules for persons named before the description, which come first.

use dyad_core::Document;

use super::speakers::token_at;
use super::{full_name, name_run, Persons};

/// The noun heading a lower-case description (`a group of employees` → `group`, `transit
/// chief` → `chief`); `None` for a name, a pronoun or a single short word.
fn head_noun(raw: &str) -> Option<&str> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let head = match words.iter().position(|w| *w == "of") {
        Some(0) => return None,
        Some(i) => words[i - 1],
        None => *words.last()?,
    };
    (head.len() > 3 && head.chars().all(|c| c.is_ascii_lowercase())).then_some(head)
}

/// The sentence holding token `k`.
fn sentence_of(doc: &Document, k: usize) -> Option<usize> {
    doc.sentences
        .iter()
        .position(|s| s.tokens[0] <= k && k < s.tokens[1])
}

/// The name a description stands for, `raw` being the speaker as written and `start` its
/// byte offset: an apposition to `the NOUN` within eight sentences before it or the next
/// one, else the first person titled with the noun in the three sentences after it.
pub(super) fn named_elsewhere(
    doc: &Document,
    persons: &Persons,
    raw: &str,
    start: usize,
) -> Option<String> {
    let head = head_noun(raw)?;
    let toks = &doc.tokens;
    let k = token_at(toks, start);
    let sent = sentence_of(doc, k)?;
    let span_of = |first: usize, last: usize| {
        let a = doc.sentences[first].tokens[0];
        let b = doc.sentences[last.min(doc.sentences.len() - 1)].tokens[1];
        (a, b)
    };
    // `The group, WeWorkers Coalition, formed ...`: the nearest such apposition (a body
    // keeps its noun over several paragraphs).
    let (a, b) = span_of(sent.saturating_sub(8), sent + 1);
    let apposition = (a.max(1)..b)
        .filter(|&j| {
            toks[j].text == head
                && toks[j - 1].text.eq_ignore_ascii_case("the")
                && toks.get(j + 1).is_some_and(|t| t.text == ",")
        })
        .filter_map(|j| {
            let (s, e) = name_run(toks, j + 2).filter(|&(s, _)| s == j + 2)?;
            toks.get(e)
                .is_some_and(|t| t.text == ",")
                .then_some((j, s, e))
        })
        .min_by_key(|&(j, _, _)| j.abs_diff(k))
        .and_then(|(_, s, e)| {
            let span = dyad_core::Span::new(toks[s].span.start, toks[e - 1].span.end);
            span.get(&doc.text).map(str::to_string)
        });
    if apposition.is_some() {
        return apposition;
    }
    // `Gary Bold, the state commissioner for roads, ...` / `Donald Trump, in a statement
    // delivered ...` and later `The commissioner stated` / `The statement also said`: the
    // noun in the phrase set off by a comma right after a person's name, with no verb
    // between, within eight sentences before.
    let (a, _) = span_of(sent.saturating_sub(8), sent);
    let set_off = (a.max(1)..k).rev().find_map(|j| {
        if toks[j].text != head {
            return None;
        }
        let comma = (j.saturating_sub(6)..j)
            .rev()
            .find(|&c| toks[c].text == ",")?;
        let plain = toks[comma + 1..j].iter().all(|t| {
            t.text.chars().all(char::is_alphanumeric)
                && !t
                    .xpos
                    .as_deref()
                    .is_some_and(|x| x.starts_with("VB") || x == "MD")
        });
        // The capitalised run right before the comma, two words or more, not a body.
        let mut first = comma;
        while first > 0 && super::speaker_names::name_word(&toks[first - 1].text) {
            first -= 1;
        }
        let (s, e) = (first..comma).find_map(|f| name_run(toks, f).filter(|&(_, e)| e == comma))?;
        let span = dyad_core::Span::new(toks[s].span.start, toks[e - 1].span.end);
        let name = super::untitled(span.get(&doc.text)?);
        let person = name.contains(' ') && !super::descriptions::body(&name);
        (plain && person).then(|| full_name(persons, &name))
    });
    if set_off.is_some() {
        return set_off;
    }
    // `Interior Minister Wolfgang Peschorn`: the noun as a title in the words before a
    // person named after the description.
    let (_, b) = span_of(sent, sent + 3);
    let limit = toks.get(b.saturating_sub(1))?.span.end;
    let title: String = head[..1].to_uppercase() + &head[1..];
    persons
        .iter()
        .filter(|p| p.span.start > start + raw.len() && p.span.end <= limit)
        .filter(|p| {
            let lead = doc.text.get(..p.span.start).unwrap_or_default();
            let inside = p.span.get(&doc.text).unwrap_or_default();
            let inside: Vec<&str> = inside.split_whitespace().collect();
            lead.split_whitespace()
                .rev()
                .take(3)
                .chain(inside.iter().take(inside.len().saturating_sub(2)).copied())
                .any(|w| w == title)
        })
        .min_by_key(|p| p.span.start)
        .map(|p| full_name(persons, &p.name))
}
