//! Where a reported clause ends: the sentence end, or an earlier boundary such as a direct
//! quote opening after a comma or colon, a dash turning to the writer's own words, a
//! trailing attribution, a second speech verb or `that` clause of the same speaker, or an
//! apposition to the whole clause (not a verbless `with` phrase closing the sentence). One
//! function that every clause rule (and `embedded`) calls, so that all reports stop at the
//! same boundaries.

use dyad_core::Token;

use super::reported_clause::SUBORDINATORS;
use super::reporting;
use crate::quotes::{clause_parse, is_mark, is_verb, name_run, PRONOUNS};

/// The end (exclusive) of the reported clause: the sentence end, a quote mark that opens a
/// direct quote after a comma or colon (glued to the word after it, not to the one before:
/// `named "Better Idea of Afghan Girls," scored` goes on), or a comma before another speech
/// verb, "according to", or a new clause ("but", "with", "while", also after a closing quote
/// mark), or a dash before "and"/"but".
pub(in crate::quotes) fn clause_end(toks: &[Token], from: usize, end: usize) -> usize {
    (from..end)
        .find(|&k| {
            let t = toks[k].text.as_str();
            let opening = toks
                .get(k + 1)
                .is_some_and(|n| n.span.start == toks[k].span.end)
                && toks[k - 1].span.end < toks[k].span.start;
            (is_mark(t)
                && k > from
                && opening
                && matches!(toks[k - 1].text.as_str(), "," | ":")
                // A clause opening with a subordinate one goes on to its main clause
                // (`said although ... are known to impact yields, "nobody has ..."`).
                && !SUBORDINATORS.contains(&toks[from].text.as_str())
                && !(from >= 2
                    && toks[from - 1].text == ","
                    && toks[from - 2].text == "that"
                    && clause_parse::lacks_finite_verb(toks, from, k)))
                // A dash before a short verbless phrase closing the sentence is the
                // writer's apposition (`... defeating President Donald Trump in 2020 — her
                // top priority.`).
                || (matches!(t, "—" | "–" | "--")
                    && k > from
                    && end - k <= 7
                    // `... unlike the other commercial vehicles—or SLS`: a coordinator goes
                    // on with the phrase before the dash.
                    && !toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.text.as_str(), "or" | "nor"))
                    && !toks[k + 1..end].iter().any(|n| {
                        n.xpos.as_deref().is_some_and(|x| x.starts_with("VB") || x == "MD")
                            || is_mark(&n.text)
                    }))
                // A dash before "and"/"but" turns to the writer's own words ("his approach
                // has created leverage — and in some cases, he is right").
                || (matches!(t, "—" | "–")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.text.as_str(), "and" | "but")))
                // A comma inside a closing quote mark before "but" or "while" (`in United
                // States "farm country," but the Chinese ...`).
                || (t == ","
                    && toks.get(k + 1).is_some_and(|n| is_mark(&n.text))
                    && toks
                        .get(k + 2)
                        .is_some_and(|n| matches!(n.text.as_str(), "but" | "while")))
                // A trailing attribution of the sentence (`..., Morrison testified.`).
                || (t == ","
                    && name_run(toks, k + 1)
                        .is_some_and(|(s, e)| s == k + 1 && toks.get(e).is_some_and(|n| is_verb(&n.text))))
                // The speaker's own circumstances: `, as he deflected ...`.
                || (t == ","
                    && toks.get(k + 1).is_some_and(|n| n.text == "as")
                    && toks.get(k + 2).is_some_and(|n| PRONOUNS.contains(&n.text.as_str())))
                // A second speech verb of the same speaker: `... "three amigos" and added`,
                // `... were treated well and asked their governments ...` (not `and
                // continued`, which is rarely speech).
                || (t == "and"
                    && k > from
                    && toks.get(k + 1).is_some_and(|n| {
                        reporting(&n.text)
                            || matches!(n.text.as_str(), "asked" | "urged" | "replied")
                    }))
                // A second `that` clause of the same verb after a closing quote mark: `that
                // the claim "is patently false," and that "the United States is not ..."`:
                // two quoted reports. (Without the mark, `... in the U.S., and that a planned
                // meeting will be postponed` or `... repercussions and that the United
                // States will be better off`, the coordinated clauses are one report.)
                || (t == "and"
                    && k > from + 1
                    && is_mark(&toks[k - 1].text)
                    && toks.get(k + 1).is_some_and(|n| n.text == "that"))
                // An apposition to the whole clause: `..., a prospect Vindman denied`.
                // (Not the comma closing an aside after `and`: `... from rooftops and, in
                // one case, a helicopter`.)
                || (t == ","
                    && k > from + 3
                    && !closes_aside(toks, from, k)
                    && toks.get(k + 1).is_some_and(|n| matches!(n.text.as_str(), "a" | "an"))
                    && !toks[k + 1..end]
                        .iter()
                        .any(|n| matches!(n.text.as_str(), "and" | "or" | ",")))
                // A semicolon before another report closes the clause (`..., was in a
                // serious condition; a station reported ...`), unless it is inside a
                // partial quote.
                || (t == ";"
                    && k > from
                    && !open_quote(toks, from, k)
                    && (k + 1..end).any(|j| reporting(&toks[j].text)))
                // The writer's gloss of what was said: `..., meaning the bill would ...`.
                // (Also after a partial quote's closing mark: `"both sides," meaning ...`.)
                || (t == ","
                    && k > from + 2
                    && (!open_quote(toks, from, k)
                        && toks.get(k + 1).is_some_and(|n| n.text == "meaning")
                        || toks.get(k + 1).is_some_and(|n| is_mark(&n.text))
                            && toks.get(k + 2).is_some_and(|n| n.text == "meaning")))
                // The writer's next step in time: `..., before reversing course the next day`.
                || (t == ","
                    && k > from + 2
                    && !open_quote(toks, from, k)
                    && toks.get(k + 1).is_some_and(|n| matches!(n.text.as_str(), "before" | "after"))
                    && toks.get(k + 2).is_some_and(|n| {
                        n.text.ends_with("ing") && n.text.chars().all(|c| c.is_ascii_lowercase())
                    }))
                // The writer's concession: `..., though it was later found to be ...`.
                || (t == ","
                    && k > from + 2
                    && end > k + 3
                    && !open_quote(toks, from, k)
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.text.as_str(), "though" | "although")))
                // A finding the writer cites closing the sentence: `..., as the court found.`
                || (t == "," && k > from + 2 && closing_as(toks, k, end))
                // (Inside a partial quote `but`, `with` and `while` go on with the speaker's
                // words: `restarted "and there is hope, but his condition is ..."`.)
                || (t == ","
                    && !shared_subject_but(toks, from, k)
                    && !absolute_with(toks, k, end)
                    && !conjunction_in_quote(toks, from, k)
                    && toks.get(k + 1).is_some_and(|n| {
                        is_verb(&n.text)
                            || matches!(n.text.as_str(), "according" | "but" | "with" | "while")
                            || (PRONOUNS.contains(&n.text.as_str()) || n.text == "and")
                                && toks.get(k + 2).is_some_and(|m| is_verb(&m.text))
                    }))
        })
        .unwrap_or(end)
}

/// Whether the comma at `k` comes before `but`, `with` or `while` inside a partial quote
/// opened in `[from, k)`.
fn conjunction_in_quote(toks: &[Token], from: usize, k: usize) -> bool {
    open_quote(toks, from, k)
        && toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.text.as_str(), "but" | "with" | "while"))
}

/// `, as the Court of Session found.`: `as` after the comma at `k`, a subject of one to five
/// words with no comma, and a past-tense verb (by the tag, or a speech verb untagged)
/// closing the sentence (`end`, before its final punctuation).
fn closing_as(toks: &[Token], k: usize, end: usize) -> bool {
    let mut last = end;
    while last > k + 1 && matches!(toks[last - 1].text.as_str(), "." | "!" | "?") {
        last -= 1;
    }
    let verb = last.checked_sub(1).map(|l| &toks[l]);
    toks.get(k + 1).is_some_and(|n| n.text == "as")
        && last >= k + 4
        && last <= k + 8
        && !toks[k + 2..last]
            .iter()
            .any(|t| t.text == "," || is_mark(&t.text))
        && verb.is_some_and(|v| match v.xpos.as_deref() {
            Some(x) => x == "VBD",
            None => is_verb(&v.text),
        })
}

/// Modals, which open no clause of their own after a conjunction.
const MODALS: &[&str] = &[
    "would", "will", "could", "can", "may", "might", "should", "must",
];

/// Whether an odd number of quote marks lies in `[from, k)`: `k` is inside a partial quote.
pub(super) fn open_quote(toks: &[Token], from: usize, k: usize) -> bool {
    toks[from..k].iter().filter(|t| is_mark(&t.text)).count() % 2 == 1
}

/// `..., but failed to do so`: `but` and a verb with no subject of its own that the parse
/// coordinates with a verb of the clause (`he tried to save one ..., but failed`) go on with
/// the clause's subject, so the report goes on. Without a parse, `but` ends the clause.
fn shared_subject_but(toks: &[Token], from: usize, comma: usize) -> bool {
    let (Some(b), Some(n)) = (toks.get(comma + 1), toks.get(comma + 2)) else {
        return false;
    };
    // A modal right after `but` has no subject of its own either (`she was not interested
    // in the post, but would take it if needed`).
    b.text == "but"
        && (matches!(n.xpos.as_deref(), Some("VBD" | "VBZ" | "VBP"))
            && n.deprel.as_deref() == Some("conj")
            && n.head.is_some_and(|h| (from..comma).contains(&h))
            || MODALS.contains(&n.text.as_str()))
}

/// Whether the comma at `k` closes an aside that a comma right after `and` or `or` opened
/// (`and, in one case, a helicopter`), up to five tokens before.
fn closes_aside(toks: &[Token], from: usize, k: usize) -> bool {
    (k.saturating_sub(6).max(from + 1)..k)
        .any(|j| toks[j].text == "," && matches!(toks[j - 1].text.as_str(), "and" | "or"))
}

/// `..., with 584 deaths.`, `..., with the two rendezvousing in lunar orbit.`: a `with`
/// phrase closing the sentence with no verb in it but a present participle (by the tags; an
/// absolute construction, no clause) is part of the clause it follows, not a clause of the
/// writer's, unless a speech verb in it reports for someone else (`, with officials saying
/// ...`). A past participle keeps the boundary (`, with two injured` is the writer's count).
/// Untagged text keeps `with` as a clause boundary.
fn absolute_with(toks: &[Token], comma: usize, end: usize) -> bool {
    toks.get(comma + 1).is_some_and(|t| t.text == "with")
        && comma + 2 < end
        && toks[comma + 2..end].iter().enumerate().all(|(j, t)| {
            // (A quote mark may close the sentence: `... by the end of 2018."`.)
            let closing = comma + 2 + j + 1 >= end && is_mark(&t.text);
            closing
                || t.xpos
                    .as_deref()
                    .is_some_and(|x| !x.starts_with("VB") && x != "MD" || x == "VBG")
                    && !reporting(&t.text)
                    && !is_mark(&t.text)
                    && t.text != ","
        })
}
