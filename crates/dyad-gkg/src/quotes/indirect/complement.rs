//! The clausal complement of a verb of communication, by its lemma and the parse: `joked that
//! he's not Alicia Keys`, `noting that there wasn't funding ...`, `pointed out it is difficult
//! ...`, `to announce it would scrap its production`.
//!
//! The word rules of `reported_clause` list verb forms one by one (`said`, `noting`, ...), so
//! every form or verb a list leaves out is a miss on unseen text. This rule asks the lemma
//! instead, from the verb classes of communication in English (VerbNet 37.1-37.9: say, tell,
//! complain, manner of speaking, advise, reveal, confess; plus `conclude` and `joke`, which
//! news uses the same way), and accepts only what the parse calls a finite clause with a
//! subject of its own after the verb (`clause_parse::complement_start`), so `announced the
//! start of ...`, `joked about it` and `warned him to leave` report nothing. It runs after
//! the word rules, only where they found nothing, and ends the clause where every other rule
//! does (`clause_end`). A verb under a modal of possibility (`Others might argue that ...`)
//! or a negation (`did not say that ...`) reports nothing: the speech is hypothetical or
//! denied. Without a parse it finds nothing.

use dyad_core::{Document, Token};

use super::reported_clause::SUBORDINATORS;
use super::{clause_end, subject_of};
use crate::quotes::clause_parse::{complement_start, dominated};

/// Lemmas of verbs of communication whose finite complement is reported speech.
const COMMUNICATION_LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "allege",
    "announce",
    "argue",
    "assert",
    "assure",
    "boast",
    "brag",
    "caution",
    "claim",
    "clarify",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confess",
    "confide",
    "confirm",
    "contend",
    "counter",
    "declare",
    "deny",
    "disclose",
    "emphasise",
    "emphasize",
    "explain",
    "grumble",
    "hint",
    "inform",
    "insist",
    "joke",
    "lament",
    "maintain",
    "mention",
    "note",
    "observe",
    "pledge",
    "point",
    "predict",
    "promise",
    "protest",
    "quip",
    "reaffirm",
    "recall",
    "reiterate",
    "remark",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "signal",
    "state",
    "stress",
    "swear",
    "tell",
    "testify",
    "tweet",
    "underscore",
    "vow",
    "warn",
    "write",
];

/// Whether `t` is a verb of communication by its tag and lemma (`point` only as `point out`,
/// checked by the caller through [`communication_verb`]). The lemmatiser misses some forms
/// (`joked` → `jok`), so the form with its ending taken off counts too (`joked`, `noting` →
/// `joke`, `note`).
fn communication_lemma(t: &Token) -> bool {
    let listed = |l: &str| COMMUNICATION_LEMMAS.binary_search(&l).is_ok();
    // `listed(&format!("{stem}e"))` without making the string.
    let listed_with_e = |stem: &str| {
        COMMUNICATION_LEMMAS
            .binary_search_by(|x| x.bytes().cmp(stem.bytes().chain(*b"e")))
            .is_ok()
    };
    if !t.xpos.as_deref().is_some_and(|x| x.starts_with("VB")) {
        return false;
    }
    if t.lemma.as_deref().is_some_and(listed) {
        return true;
    }
    // (Borrowed when the word is already lower case, as most verbs are.)
    let w = if t.text.is_ascii() && !t.text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(t.text.as_str())
    } else {
        std::borrow::Cow::Owned(t.text.to_lowercase())
    };
    ["ing", "ed", "es", "s", "d"].iter().any(|end| {
        w.strip_suffix(end)
            .is_some_and(|stem| !stem.is_empty() && (listed(stem) || listed_with_e(stem)))
    })
}

/// Whether token `v` is a verb of communication: its lemma is listed, `point` has its
/// particle `out`, and no modal of possibility or negation depends on it.
pub(super) fn communication_verb(toks: &[Token], v: usize) -> bool {
    if !communication_lemma(&toks[v]) {
        return false;
    }
    let children = |rel: &'static str| {
        let lo = v.saturating_sub(6);
        let hi = (v + 3).min(toks.len());
        (lo..hi).filter(move |&k| {
            toks[k].head == Some(v)
                && toks[k]
                    .deprel
                    .as_deref()
                    .is_some_and(|r| r.starts_with(rel))
        })
    };
    if toks[v].lemma.as_deref() == Some("point")
        && !children("compound:prt").any(|k| toks[k].text == "out")
    {
        return false;
    }
    !hypothetical(toks, v)
        && !children("advmod")
            .any(|k| matches!(toks[k].text.as_str(), "not" | "n't" | "never" | "’t"))
}

/// Whether a modal of possibility governs speech verb `v` (`might argue`, `could say`, `may
/// claim`): speech someone could make, not speech made. `would` is left out (`Obama would
/// later say that ...` narrates).
pub(super) fn hypothetical(toks: &[Token], v: usize) -> bool {
    (v.saturating_sub(4)..v).any(|k| {
        toks[k].head == Some(v)
            && toks[k].deprel.as_deref() == Some("aux")
            && matches!(
                toks[k].text.to_lowercase().as_str(),
                "might" | "could" | "may"
            )
    })
}

/// `X joked that CLAUSE`: (speaker, first, end) of the finite complement clause the parse
/// gives verb of communication `v`, in sentence part `[.., b)`. The speaker is the verb's
/// subject, through the verb it depends on for a participle or infinitive (`..., noting
/// that`, `led the manufacturer to announce ...`); `None` without one.
pub(super) fn communication_clause(
    doc: &Document,
    v: usize,
    b: usize,
) -> Option<((usize, usize), usize, usize)> {
    let toks = &doc.tokens;
    if !communication_verb(toks, v) {
        return None;
    }
    let a = super::subject::sentence_start(doc, v);
    // The verb of a quote's attribution (`," he told the crowd gathered on ...`,
    // `," Vindman testified, referring to ...`): its words are the quote.
    let after_quote = (v.saturating_sub(4).max(a + 1)..v).any(|k| {
        crate::quotes::is_mark(&toks[k].text)
            && matches!(toks[k - 1].text.as_str(), "," | "." | "?" | "!")
    });
    // An infinitive names speech asked for or planned (`asks the government to assure ...`);
    // a participle with a subject of its own is an absolute phrase (`with the i reporting
    // ...`), not the speaker's report.
    let infinitive = toks[v].xpos.as_deref() == Some("VB");
    let own_subject = toks[v].xpos.as_deref() == Some("VBG")
        && (a..v).any(|k| {
            toks[k].head == Some(v)
                && toks[k]
                    .deprel
                    .as_deref()
                    .is_some_and(|r| r.starts_with("nsubj"))
        });
    if after_quote || infinitive || own_subject {
        return None;
    }
    let first = complement_start(toks, v, b).filter(|&f| f <= v + 10)?;
    let spk = subject_of(doc, v).or_else(|| parse_subject_noun(toks, v))?;
    // The writer and the reader are no sources (`I told her I liked her`, `you said you
    // wanted to go`, `Must say, ...`), nor is a demonstrative (`That said, ...`), as for
    // every other rule.
    let writer = spk.1 == spk.0 + 1
        && (matches!(
            toks[spk.0].text.to_lowercase().as_str(),
            "i" | "we" | "you" | "me" | "us"
        ) || matches!(toks[spk.0].xpos.as_deref(), Some("DT" | "MD")));
    if writer {
        return None;
    }
    // A subject after the verb is an inversion (`," responded X, noting ...` is found by
    // the subject of the verb `noting` depends on, which comes before it).
    if spk.0 > v && spk.0 < first {
        return None;
    }
    // `a study by the Centre for Economic Policy Research concluded that ...`: the author
    // the `by` phrase names speaks for an unnamed document.
    let spk = author(toks, spk).unwrap_or(spk);
    let mut end = clause_end(toks, first, b);
    // In a fronted subordinate clause (`Before the examiner concluded that ..., his death
    // was ...`) the report ends at the comma before the main clause.
    let opener = if a + 1 < v && matches!(toks[a].text.as_str(), "And" | "But") {
        a + 1
    } else {
        a
    };
    if SUBORDINATORS.contains(&toks[opener].text.to_lowercase().as_str())
        && !(a..v).any(|k| toks[k].text == ",")
    {
        if let Some(c) = (first..end).find(|&k| toks[k].text == ",") {
            end = c;
        }
    }
    Some((spk, first, end))
}

/// The name in a `by` phrase the parse attaches to a one-word common-noun subject (`study by
/// the Centre for Economic Policy Research`), as a name run.
fn author(toks: &[Token], (s, e): (usize, usize)) -> Option<(usize, usize)> {
    if e != s + 1 || crate::quotes::capitalised(&toks[s].text) {
        return None;
    }
    let hi = (s + 12).min(toks.len());
    (s + 1..hi)
        .filter(|&k| {
            toks[k].head == Some(s)
                && toks[k]
                    .deprel
                    .as_deref()
                    .is_some_and(|r| r.starts_with("nmod"))
        })
        .find(|&k| (s + 1..k).any(|j| toks[j].text == "by" && toks[j].head == Some(k)))
        .and_then(|k| {
            // The body's whole name, prepositions inside it too (`Centre for Economic Policy
            // Research`): the capitalised words of the phrase's subtree and the `of`/`for`/
            // `and` between them.
            let words: Vec<usize> = (s + 2..hi)
                .filter(|&j| dominated(toks, j, k))
                .skip_while(|&j| !crate::quotes::capitalised(&toks[j].text))
                .take_while(|&j| {
                    crate::quotes::capitalised(&toks[j].text)
                        || matches!(toks[j].text.as_str(), "of" | "for" | "and" | "&")
                })
                .collect();
            let first = *words.first()?;
            let last = *words
                .iter()
                .rev()
                .find(|&&j| crate::quotes::capitalised(&toks[j].text))?;
            (last >= k && words.len() == last - first + 1 || last == first)
                .then_some((first, last + 1))
        })
}

/// The `nsubj` of `v` or of the verbs it depends on as a participle or infinitive, as one
/// token (an unnamed source: `its cutback ... led the manufacturer to announce`).
fn parse_subject_noun(toks: &[Token], v: usize) -> Option<(usize, usize)> {
    let mut h = v;
    for _ in 0..4 {
        if let Some(k) = toks.iter().position(|t| {
            t.head == Some(h) && t.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj"))
        }) {
            return Some((k, k + 1));
        }
        match toks[h].deprel.as_deref() {
            Some("xcomp" | "advcl" | "conj") => h = toks[h].head?,
            _ => return None,
        }
    }
    None
}

/// The end (exclusive) of the relative clause of speech verb `v` when the parse makes `v` a
/// relative clause (`the number who said they had used cannabis ... rose by 23 percent`):
/// the report cannot run past it into the main clause. `None` otherwise.
pub(super) fn relative_clause_end(toks: &[Token], v: usize, b: usize) -> Option<usize> {
    if toks[v].deprel.as_deref() != Some("acl:relcl") {
        return None;
    }
    let last = (v..b).rev().find(|&k| dominated(toks, k, v))?;
    Some(last + 1)
}

#[cfg(test)]
mod tests {
    use super::COMMUNICATION_LEMMAS;

    #[test]
    fn lemmas_are_sorted_and_unique() {
        for w in COMMUNICATION_LEMMAS.windows(2) {
            assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
        }
    }
}
