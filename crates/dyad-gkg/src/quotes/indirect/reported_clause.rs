//! `X said (that) CLAUSE`: the clause after a speech verb and its speaker. The clause starts
//! after `that` (not a relative `that`, nor the `that` of a noun object), after a colon, or
//! where `without_that` finds it; it ends at `clause_end`, cut before a past-tense verb
//! coordinated with the speech verb (by the tags) and at the comma closing a fronted
//! subordinate clause.

use dyad_core::{Document, Token};

use super::lexicon::{AUXILIARIES, NOUN_LIKE, NO_THAT, SETTING_NOUNS, SETTING_PREPOSITIONS};
use super::subject::{bare_subject, sentence_start, subject_before_relative, who_antecedent};
use super::trailing::inverted_source;
use super::without_that::{clause_without_that, subject_then_finite};
use super::{clause_end, subject_of};
use crate::quotes::{clause_parse, embedded, finite_tag, is_mark, is_verb, name_run, pronoun_at};

/// `X said (that) CLAUSE`: (speaker, first, end) token indexes of the clause.
pub(super) fn reported_clause(
    doc: &Document,
    v: usize,
    b: usize,
) -> Option<((usize, usize), usize, usize)> {
    let toks = &doc.tokens;
    let a = sentence_start(doc, v);
    let mut last = b;
    while last > v + 1 && matches!(toks[last - 1].text.as_str(), "." | "!" | "?") {
        last -= 1;
    }
    if inverted_source(toks, v, last).is_some() {
        return None;
    }
    let stop =
        |k: usize| is_mark(&toks[k].text) || matches!(toks[k].text.as_str(), "." | ":" | ";");
    // `that` a few words on, with no punctuation before it but commas; not a relative
    // `that` ("announced the locations that would be given ...").
    // `told` has a person before its clause, who may carry a relative clause ("told a few
    // thousand teachers who covered the lawn that ..."); so do the other verbs of telling
    // (`informed the court that ...`, `reminded voters that ...`).
    let tell = matches!(
        toks[v].text.as_str(),
        "told" | "tells" | "tell" | "telling" | "assured" | "assures" | "assuring"
    ) || super::LISTENER_FIRST.contains(&toks[v].text.as_str());
    // A setting phrase may come first (`said in an Oct. 26 letter to communications
    // companies that ...`).
    let setting = toks
        .get(v + 1)
        .is_some_and(|n| SETTING_PREPOSITIONS.contains(&n.text.as_str()));
    let reach = if tell || setting { 16 } else { 9 };
    let that = (v + 1..(v + reach).min(b))
        .take_while(|&k| !stop(k))
        .find(|&k| toks[k].text == "that")
        .filter(|&t| {
            // A verb right after `that` makes it a relative pronoun ("the letter that
            // was sent"; past a setting, "in a letter that saw ..." by the tag too).
            // A past-tense verb right after `that` has no subject of its own: a relative
            // (`say a stabbing that killed a passenger ... may have occurred`). (Present
            // tags only past a setting: a plural noun is tagged VBZ often enough.)
            t == v + 1
                || !toks.get(t + 1).is_some_and(|n| {
                    AUXILIARIES.contains(&n.text.as_str())
                        || matches!(n.xpos.as_deref(), Some("VBD" | "MD"))
                        || setting && matches!(n.xpos.as_deref(), Some("VBZ" | "VBP"))
                })
        })
        .filter(|&t| t == v + 1 || !begun_clause(toks, v, t))
        // `said of that plan ...`: after a preposition `that` is a determiner.
        .filter(|&t| t == v + 1 || !preposition(&toks[t - 1]));
    // `notes the CDC requirement that ...`: the clause is the noun's, and the verb reports
    // nothing, unless the noun is one of speech (`reiterated the UK's position that ...`).
    if let Some(t) = that.filter(|&t| t > v + 1 && noun_object(toks, v, t, tell)) {
        if !embedded::SPEECH_NOUNS.contains(&toks[t - 1].text.as_str()) {
            return None;
        }
    }
    let first = match that {
        Some(t) => {
            let mut f = t + 1;
            while toks.get(f).is_some_and(|t| t.text == ",") {
                f += 1;
            }
            f
        }
        // `X said: the talks failed.`: a colon without a quote mark after it.
        None if toks.get(v + 1).is_some_and(|t| t.text == ":")
            && toks.get(v + 2).is_some_and(|t| {
                v + 2 < b
                    && !is_mark(&t.text)
                    && t.text != "‘"
                    && t.text.chars().any(char::is_alphanumeric)
            }) =>
        {
            v + 2
        }
        None => {
            // The verb of a quote's attribution (`," Blinken said alongside ...`) takes no
            // clause; the mark must be in the verb's own sentence.
            let after_quote = (v.saturating_sub(4).max(a + 1)..v).any(|k| {
                is_mark(&toks[k].text) && matches!(toks[k - 1].text.as_str(), "," | "." | "?" | "!")
            });
            if after_quote {
                return None;
            }
            let parsed = clause_parse::complement_start(toks, v, b).filter(|&k| k <= v + 8);
            if NO_THAT.contains(&toks[v].text.as_str()) {
                let k = clause_without_that(doc, v, b).or(parsed)?;
                // `stressed the importance of the agreement`: besides say and tell, a verb
                // without `that` reports only a clause with a finite verb of its own (by the
                // tags; untagged text keeps the words' rule).
                let tagged = toks[k..b].iter().all(|t| t.xpos.is_some());
                let finite = toks[k..clause_end(toks, k, b)].iter().any(finite_tag);
                let say = matches!(
                    toks[v].text.as_str(),
                    "said" | "says" | "say" | "told" | "tells" | "tell"
                );
                if tagged && !finite && !say {
                    return None;
                }
                // `The stock added more than 2% ...`: besides say and tell, a verb the parse
                // gives a nominal object and no clause takes that object, not a report.
                // (Nor `saying` with a finite clause, whatever the parse made of it: `...,
                // saying the results showed a mandate` with `results` its object and
                // `showed` a verb of the main clause.)
                if !say && toks[v].text != "saying" && clause_parse::object_only(toks, v, b) {
                    return None;
                }
                k
            } else {
                // "announced the start of ...", "confirmed the report": without `that` these
                // verbs take an object; only a finite clause of the parse is reported speech,
                // or a short subject and a finite verb by the tags (`alleged the officers
                // were ...`), which the parse may have taken for an object.
                parsed.or_else(|| subject_then_finite(doc, v, b))?
            }
        }
    };
    // `, adding that ...` continues the report of the sentence's first speech verb.
    let spk = crate::quotes::speakers::participle_reporter(doc, a, v)
        .map(|(s, _)| s)
        .or_else(|| document_issuer(doc, a, v))
        // (A relative pronoun the parse gives as the subject stands for its antecedent.)
        .or_else(|| {
            subject_of(doc, v).filter(|&(s, e)| {
                e != s + 1 || !matches!(toks[s].text.as_str(), "who" | "which" | "that")
            })
        })
        .or_else(|| who_antecedent(toks, a, v))
        .or_else(|| {
            let s = bare_subject(toks, a, v)?;
            // "The report says" is a report; "authoritarian states that" is not.
            let determined = s.0 > 0
                && matches!(
                    toks[s.0 - 1].text.to_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her"
                );
            (!NOUN_LIKE.contains(&toks[v].text.as_str()) || determined).then_some(s)
        })
        .or_else(|| clause_parse::noun_subject(toks, a, v))
        .or_else(|| subject_before_relative(toks, a, v))
        // A participle after a comma reports for the subject of the main clause
        // ("Health care providers have protested ..., warning that ...").
        .or_else(|| {
            (v > a && toks[v - 1].text == "," && toks[v].text.ends_with("ing"))
                .then(|| crate::quotes::sentence_subject(doc, a, v))
                .flatten()
        });
    let mut end = clause_parse::coordinated_cut(toks, v, first, clause_end(toks, first, b));
    // `The mayor, who said the city was prepared, ordered ...`: the relative clause closes
    // at a comma before a verb.
    if who_antecedent(toks, a, v).is_some() {
        if let Some(c) = (first..end).find(|&k| {
            toks[k].text == ","
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.xpos.as_deref().is_some_and(|x| x.starts_with("VB")))
        }) {
            end = c;
        }
    }
    end = tense_cut(toks, v, first, end);
    // `acknowledged that X, but that Y`: a second `that` clause coordinated with the first
    // is the same verb's report (the comma before `but` ends a clause otherwise); so it is
    // when the first clause came without `that` (`announced he had asked for it, and that
    // ...`).
    if toks.get(end).is_some_and(|t| t.text == ",")
        && toks.get(end + 1).is_some_and(|t| matches!(t.text.as_str(), "but" | "and"))
        // The conjunction, not a demonstrative (`, but that may be hard to do`).
        && toks.get(end + 2).is_some_and(|t| t.text == "that" && t.xpos.as_deref() == Some("IN"))
        && end + 3 < b
    {
        end = clause_end(toks, end + 3, b);
    }
    // A speech verb inside a fronted subordinate clause (`When his advisers suggested that
    // ..., Mr. Trump wasn't satisfied`): the main clause after the comma is not reported.
    // The verb is in the fronted clause when no comma comes between (`After the exchange of
    // fire, North Korea stated ...` is a main-clause verb).
    if v > a
        && SUBORDINATORS.contains(&toks[opener(toks, a, v)].text.to_lowercase().as_str())
        && !(a..v).any(|k| toks[k].text == ",")
    {
        if let Some(c) = (first..end).find(|&k| toks[k].text == ",") {
            end = c;
        }
    }
    // A participle opening the sentence takes the main clause's subject after the reported
    // clause: "Warning that ...(,") he urged ...".
    let spk = match spk {
        Some(s) => s,
        None if v == a && toks[v].text.ends_with("ing") => {
            let (c, s) = (first..(end + 1).min(b)).find_map(|c| {
                if toks[c].text != "," {
                    return None;
                }
                let n = if toks.get(c + 1).is_some_and(|t| is_mark(&t.text)) {
                    c + 2
                } else {
                    c + 1
                };
                let s = pronoun_at(toks, n).or_else(|| name_run(toks, n))?;
                toks.get(s.1)
                    .is_some_and(|t| t.text.starts_with(|ch: char| ch.is_lowercase()))
                    .then_some((c, s))
            })?;
            end = c;
            s
        }
        None => return None,
    };
    // A participle opening the sentence reports up to the comma before the main clause's
    // subject (`Arguing that voters are ..., with the first votes ..., Patrick has said`).
    if v == a && toks[v].text.ends_with("ing") && spk.0 > first {
        if let Some(c) = (first..spk.0).rev().find(|&k| toks[k].text == ",") {
            end = c;
        }
    }
    // A subject after the verb is an inversion ("said Mauer"), not a clause (unless it
    // is the subject of a fronted participle).
    if spk.0 > v && v != a {
        return None;
    }
    Some((spk, first, end))
}

/// Words opening a subordinate clause.
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "if", "although", "though", "while", "because", "since", "after", "before", "once",
    "unless", "whereas",
];

/// Auxiliaries that carry the tense of a clause, leaving its verb a participle or infinitive.
const TENSE_AUX: &[&str] = &[
    "had", "has", "have", "did", "does", "do", "would", "will", "could", "can", "may", "might",
    "should", "must",
];

/// Where a reported clause stops before a past-tense verb coordinated with the speech verb,
/// by the tags: `Trump said he had watched ... and slammed the hearings` (`slammed` is
/// tagged VBD, `watched` is a participle under `had`). When the speech verb is in the simple
/// past and the clause's tense is carried by an auxiliary, with no other simple past in it, a
/// bare simple past after `and` is the speech verb's own conjunct (an auxiliary after `and`,
/// "... and did not realize", keeps the clause going).
fn tense_cut(toks: &[Token], v: usize, first: usize, end: usize) -> usize {
    let past = |k: usize| toks[k].xpos.as_deref() == Some("VBD");
    if !past(v) {
        return end;
    }
    let Some(k) = (first + 1..end).find(|&k| {
        toks[k].text == "and"
            && toks
                .get(k + 1)
                .is_some_and(|n| past(k + 1) && !TENSE_AUX.contains(&n.text.as_str()))
    }) else {
        return end;
    };
    let aux = toks[first..k]
        .iter()
        .any(|t| TENSE_AUX.contains(&t.text.as_str()));
    let other_past = (first..k).any(|j| past(j) && !TENSE_AUX.contains(&toks[j].text.as_str()));
    if aux && !other_past {
        k
    } else {
        end
    }
}

/// Whether the `that` at `t` belongs to a clause of speech verb `v` that has already begun
/// with its own subject ("said he was surprised that ...", "said Vindman was told that
/// ..."): the clause starts right after the verb.
fn begun_clause(toks: &[Token], v: usize, t: usize) -> bool {
    matches!(
        toks[v + 1].text.as_str(),
        "he" | "she" | "they" | "it" | "we" | "I" | "there"
    ) || toks[v + 1..t]
        .iter()
        .any(|x| AUXILIARIES.contains(&x.text.as_str()))
}

/// Whether speech verb `v`, which takes no person before its clause (`tell` is false), has a
/// noun phrase object right after it that the `that` at `t` closes ("notes the CDC
/// requirement that ..."), with no verb in between ("stressed the decision would not change
/// the reality that ..." is a clause).
fn noun_object(toks: &[Token], v: usize, t: usize, tell: bool) -> bool {
    !tell
        && matches!(
            toks[v + 1].text.as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
        && !toks[v + 1..t].iter().any(|x| {
            AUXILIARIES.contains(&x.text.as_str())
                || is_verb(&x.text)
                || matches!(x.upos.as_deref(), Some("VERB" | "AUX"))
        })
}

/// `the Electoral Commission ... issued a statement warning that ...`: a participle right
/// after a document noun that a verb takes as its object reports for that verb's subject,
/// not for the document.
fn document_issuer(doc: &Document, a: usize, v: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    if v < a + 3
        || !toks[v].text.ends_with("ing")
        || !SETTING_NOUNS.contains(&toks[v - 1].text.as_str())
        || !matches!(
            toks[v - 2].text.as_str(),
            "a" | "an" | "the" | "its" | "his" | "her"
        )
        || !toks[v - 3]
            .xpos
            .as_deref()
            .is_some_and(|x| x.starts_with("VB"))
    {
        return None;
    }
    subject_of(doc, v - 3).filter(|&(s, _)| s >= a)
}

/// Whether `t` is a preposition: by the tag (`ADP`, not the `to` of an infinitive), or by the
/// word when untagged.
fn preposition(t: &Token) -> bool {
    match t.upos.as_deref() {
        Some(u) => u == "ADP",
        None => matches!(
            t.text.as_str(),
            "of" | "about" | "on" | "in" | "at" | "for" | "with" | "by" | "from"
        ),
    }
}

/// The word opening sentence `[a, ..)` before verb `v`, past a coordinating conjunction of the
/// writer (`And though the agency has said ..., it ...` opens with `though`).
fn opener(toks: &[Token], a: usize, v: usize) -> usize {
    if a + 1 < v && matches!(toks[a].text.as_str(), "And" | "But" | "Yet" | "So") {
        a + 1
    } else {
        a
    }
}
