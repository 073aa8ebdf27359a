//! The subject of a speech verb, which direct and indirect speech share: a name or pronoun
//! right before the verb or a name an apposition's comma closes, else the `nsubj` of the
//! parse widened to its name, else the subject of the verb it is coordinated with or depends
//! on. Also the antecedent of `who` and bare unnamed sources ("officials have stated"), which
//! reported clauses fall back on.
//!
//! The tokens next to the verb come before the parse because the parse's subject may be a
//! title noun ("co-founder") where the text names the person.

use dyad_core::{Document, Token};

use crate::quotes::{
    apposition_subject, capitalised, is_mark, is_verb, name_before, name_run, pronoun_at,
    pronoun_before,
};

/// The speaker tokens of speech verb `v`: from the parse when there is one, else from the
/// tokens around it.
pub(in crate::quotes) fn subject_of(doc: &Document, v: usize) -> Option<(usize, usize)> {
    subject_depth(doc, v, 0)
}

fn subject_depth(doc: &Document, v: usize, depth: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    if depth > 3 {
        return None;
    }
    // `Election implications ... were described by Johnson as a "historic mandate", saying
    // ...`: a passive speech verb that a participle continues speaks through its agent.
    if depth > 0 {
        if let Some(agent) = passive_agent(doc, v) {
            return Some(agent);
        }
    }
    if let Some(n) = relayed_source(toks, v) {
        return Some(n);
    }
    // A name or pronoun right before the verb, or a name closed by an apposition's comma,
    // is more reliable than the parse's subject, which may be a title noun ("co-founder").
    let named = name_before(toks, v);
    if let Some(h) = named.and_then(|(s, e)| modified_subject(toks, s, e, v)) {
        return Some((h, h + 1));
    }
    if let Some(n) = named.and_then(|(s, e)| described_subject(toks, s, e, v)) {
        return Some(n);
    }
    if let Some(s) = named
        .or_else(|| pronoun_before(toks, v))
        .or_else(|| apposition_subject(doc, v))
        .or_else(|| parse_subject(doc, v))
    {
        return Some(s);
    }
    // Coordinated or participial: "Cooper said ... and said", "He stressed ..., saying".
    if let Some(h) = toks[v].head {
        let rel = toks[v].deprel.as_deref().unwrap_or("");
        if matches!(rel, "conj" | "advcl" | "xcomp" | "parataxis") && h < toks.len() {
            return subject_depth(doc, h, depth + 1);
        }
    }
    let start = sentence_start(doc, v);
    if v > 0 && matches!(toks[v - 1].text.as_str(), "and" | "also") {
        if let Some(prev) = (start..v - 1).rev().find(|&k| is_verb(&toks[k].text)) {
            return subject_depth(doc, prev, depth + 1);
        }
        return crate::quotes::sentence_subject(doc, start, v);
    }
    None
}

/// The verb's subject when the name `[s, e)` right before verb `v` closes a prepositional
/// phrase that the parse attaches to that subject, and the subject is a plural common noun
/// (`authorities in Beijing announced`) or a name with its outlet (`Wee of the Times
/// reports`): the speaker is the noun the phrase modifies, not this name. (A body's own name
/// goes on through its preposition: `Department of Agriculture`, `Commissioner for Human
/// Rights`.)
fn modified_subject(toks: &[Token], s: usize, e: usize, v: usize) -> Option<usize> {
    let h = toks[e - 1].head?;
    let the = s > 0 && matches!(toks[s - 1].text.as_str(), "the" | "The");
    let p = if the { s - 1 } else { s };
    let attached = toks[e - 1]
        .deprel
        .as_deref()
        .is_some_and(|r| r.starts_with("nmod"))
        && h < s
        && p > 0
        && toks[p - 1].upos.as_deref() == Some("ADP")
        && toks[h].head == Some(v)
        && toks[h]
            .deprel
            .as_deref()
            .is_some_and(|r| r.starts_with("nsubj"));
    let plural = toks[h].xpos.as_deref() == Some("NNS");
    let outlet = the && p > 0 && toks[p - 1].text == "of" && toks[h].xpos.as_deref() == Some("NNP");
    (attached && (plural || outlet)).then_some(h)
}

/// `The BBC cited Budi Gunawan, chief of ..., as saying CLAUSE` (`quoted the minister as
/// saying`): the one cited speaks, the outlet only relays; the object of the relaying verb,
/// widened to its name.
fn relayed_source(toks: &[Token], v: usize) -> Option<(usize, usize)> {
    if toks[v].text != "saying" || v == 0 || toks[v - 1].text != "as" {
        return None;
    }
    let h = toks[v].head.filter(|&h| h < v)?;
    if !matches!(
        toks[h].text.as_str(),
        "cited" | "cites" | "citing" | "quoted" | "quotes" | "quoting"
    ) {
        return None;
    }
    let k = (h + 1..v)
        .find(|&k| toks[k].head == Some(h) && toks[k].deprel.as_deref() == Some("obj"))?;
    name_run(toks, k)
        .filter(|&(a, b)| a == k && b < v)
        .or(Some((k, k + 1)))
}

/// `Jennifer Daskal of American University and contributor to Slate wrote`: the name right
/// before verb `v` closes a prepositional phrase on a role noun (`contributor`, `columnist`)
/// that the parse hangs, through `nmod`/`conj`/`appos` links, on the verb's subject, a
/// person's name of two words or more: that person speaks, not the outlet or body named
/// last. The chain must pass a common noun, so a body's own name (`Department of
/// Agriculture`, `Council of Europe`) is not split.
fn described_subject(toks: &[Token], s: usize, e: usize, v: usize) -> Option<(usize, usize)> {
    if s == 0 || toks[s - 1].upos.as_deref() != Some("ADP") {
        return None;
    }
    let mut k = e - 1;
    let mut role = false;
    for _ in 0..6 {
        let h = toks[k].head?;
        if h == v {
            break;
        }
        let rel = toks[k].deprel.as_deref()?;
        if h >= s || !(rel.starts_with("nmod") || rel == "conj" || rel == "appos") {
            return None;
        }
        role |= toks[h].upos.as_deref() == Some("NOUN");
        k = h;
    }
    let subject = toks[k].head == Some(v)
        && k < s
        && toks[k]
            .deprel
            .as_deref()
            .is_some_and(|r| r.starts_with("nsubj"))
        && toks[k].upos.as_deref() == Some("PROPN");
    if !(subject && role) {
        return None;
    }
    name_run(toks, k).filter(|&(a, b)| a == k && b - a >= 2 && b < s)
}

/// `X, who said ...`: the name or noun before the relative `who` speaks.
pub(super) fn who_antecedent(toks: &[Token], a: usize, v: usize) -> Option<(usize, usize)> {
    // An auxiliary or adverb may stand between the pronoun and the verb (`, who has long
    // said ...`): the verb's position is then that of the first of them.
    let mut v = v;
    while v > a + 1
        && matches!(
            toks[v - 1].text.as_str(),
            "has"
                | "have"
                | "had"
                | "also"
                | "long"
                | "repeatedly"
                | "previously"
                | "once"
                | "often"
                | "later"
                | "recently"
                | "publicly"
        )
    {
        v -= 1;
    }
    // A restrictive relative (`retailers that said ...`, `a group who said ...`): by the
    // tag, a relative pronoun right after a noun.
    if v >= a + 2
        && matches!(toks[v - 1].xpos.as_deref(), Some("WDT" | "WP"))
        && matches!(toks[v - 1].text.as_str(), "that" | "who")
        && toks[v - 2]
            .xpos
            .as_deref()
            .is_some_and(|x| x.starts_with("NN"))
    {
        return Some((v - 2, v - 1));
    }
    if v < a + 3 || toks[v - 1].text != "who" || toks[v - 2].text != "," {
        return None;
    }
    let c = v - 2;
    name_before(toks, c).or_else(|| {
        let t = &toks[c - 1];
        t.xpos
            .as_deref()
            .is_some_and(|x| x.starts_with("NN"))
            .then_some((c - 1, c))
    })
}

/// An unnamed source right before the verb: "officials have stated", "media have said".
/// An adverb set off by commas may stand between them (`governments have, however,
/// recognized ...`).
pub(super) fn bare_subject(toks: &[Token], start: usize, v: usize) -> Option<(usize, usize)> {
    let mut e = v;
    if e >= start + 4
        && toks[e - 1].text == ","
        && toks[e - 3].text == ","
        && ASIDE_ADVERBS.contains(&toks[e - 2].text.as_str())
    {
        e -= 3;
    }
    while e > start
        && (matches!(toks[e - 1].text.as_str(), "have" | "has" | "had" | "also")
            || crate::quotes::adverb(&toks[e - 1]))
    {
        e -= 1;
    }
    let k = e.checked_sub(1).filter(|&k| k >= start)?;
    let t = toks[k].text.as_str();
    let noun = t.chars().all(char::is_alphabetic)
        && t.len() > 2
        && !matches!(
            t.to_lowercase().as_str(),
            "who"
                | "which"
                | "that"
                | "and"
                | "but"
                | "also"
                | "not"
                | "never"
                | "always"
                | "repeatedly"
                | "often"
                | "again"
                | "reportedly"
                | "previously"
                | "later"
                | "still"
                | "already"
                | "publicly"
                | "privately"
                | "initially"
                | "once"
                | "earlier"
                | "consistently"
                | "was"
                | "were"
                | "been"
                | "had"
                | "has"
                | "have"
                | "will"
                | "would"
                | "could"
                | "should"
                | "the"
                | "this"
                | "what"
                | "she"
                | "they"
                | "you"
        );
    noun.then_some((k, k + 1))
}

/// Adverbs the writer sets off with commas inside a clause.
const ASIDE_ADVERBS: &[&str] = &[
    "however",
    "though",
    "meanwhile",
    "also",
    "moreover",
    "indeed",
    "too",
    "instead",
];

/// `The company, which is expected to ..., confirmed on Monday that ...`: the subject
/// before a relative clause set off by commas, when the verb follows its closing comma.
/// The noun (or name) right before `, which` / `, who`.
pub(super) fn subject_before_relative(
    toks: &[Token],
    start: usize,
    v: usize,
) -> Option<(usize, usize)> {
    if v < start + 4 || toks[v - 1].text != "," {
        return None;
    }
    let j = (start + 1..v - 2)
        .find(|&j| toks[j].text == "," && matches!(toks[j + 1].text.as_str(), "which" | "who"))?;
    // The clause must close at the comma before the verb, with no other comma-set clause.
    if (j + 2..v - 1).any(|k| toks[k].text == "," || is_mark(&toks[k].text)) {
        return None;
    }
    name_before(toks, j).or_else(|| {
        let t = &toks[j - 1];
        (t.text.chars().all(char::is_alphabetic)
            && t.xpos.as_deref().is_none_or(|x| x.starts_with("NN")))
        .then_some((j - 1, j))
    })
}

pub(super) fn sentence_start(doc: &Document, v: usize) -> usize {
    doc.sentences
        .iter()
        .find(|s| s.tokens[0] <= v && v < s.tokens[1])
        .map(|s| s.tokens[0])
        .unwrap_or(0)
}

/// The `nsubj` of `v` in the parse, widened to its name (`Yvette Cooper`) or to an
/// appositive name (`spokesman ... Fuad Basya`).
/// The name after `by` of passive verb `v` (its parse subject `nsubj:pass`), unless the
/// verb only relays another's words (`was quoted by the BBC`).
fn passive_agent(doc: &Document, v: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let relays = matches!(
        toks[v].text.as_str(),
        "quoted" | "cited" | "asked" | "interviewed" | "reported"
    );
    let passive = toks
        .iter()
        .any(|t| t.head == Some(v) && t.deprel.as_deref() == Some("nsubj:pass"));
    if relays || !passive || toks.get(v + 1).is_none_or(|t| t.text != "by") {
        return None;
    }
    name_run(toks, v + 2).filter(|&(s, _)| s == v + 2)
}

fn parse_subject(doc: &Document, v: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let start = sentence_start(doc, v);
    let end = doc
        .sentences
        .iter()
        .find(|s| s.tokens[0] <= v && v < s.tokens[1])
        .map(|s| s.tokens[1])
        .unwrap_or(toks.len());
    let k = crate::quotes::clause_parse::first_subject(toks, start, end, v)?;
    if let Some(p) = pronoun_at(toks, k) {
        return Some(p);
    }
    // `it said`, `which it said crashed ...`: an organisation or body named before.
    if matches!(toks[k].text.as_str(), "it" | "It") && k < v {
        return Some((k, k + 1));
    }
    let widen = |k: usize| {
        if !capitalised(&toks[k].text) || is_mark(&toks[k].text) {
            return None;
        }
        let mut s = k;
        while s > start && capitalised(&toks[s - 1].text) && !is_mark(&toks[s - 1].text) {
            s -= 1;
        }
        (s..=k).find_map(|i| name_run(toks, i).filter(|&(a, b)| a <= k && k < b))
    };
    widen(k).or_else(|| {
        // A title noun with the name after it: "co-founder Mark Zuckerberg", "the firm
        // Secunia.com".
        (k + 1..end)
            .filter(|&c| {
                toks[c].head == Some(k)
                    && matches!(
                        toks[c].deprel.as_deref(),
                        Some("appos" | "flat" | "compound")
                    )
            })
            .find_map(widen)
    })
}
