//! What the dependency parse says about a speech verb: its complement clause (`ccomp`) and
//! its nominal subject.
//!
//! The token rules of `indirect` decide most reported clauses from the words alone, so they
//! work on documents without a parse too. Some clauses they cannot see: a verb that usually
//! takes `that` used without it ("analysts have suggested Huawei is best placed"), a clause
//! opening with a word that more often ends the attribution ("says more needs to be done"),
//! or a subject that is an unnamed noun phrase ("A UN review ... says"). For those the parse is
//! asked, and only for a finite clause: a `ccomp` of the verb, after it, with a subject of
//! its own. Every helper returns `None` on a document without a parse.

use dyad_core::Token;

fn is_quote_mark(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”" | "``" | "''")
}

fn rel(t: &Token) -> &str {
    t.deprel.as_deref().unwrap_or("")
}

/// Whether token `k` lies in the subtree of token `c` (heads followed at most 64 steps, so a
/// cyclic parse cannot loop).
pub(super) fn dominated(toks: &[Token], k: usize, c: usize) -> bool {
    let mut h = Some(k);
    for _ in 0..64 {
        match h {
            Some(x) if x == c => return true,
            Some(x) if x < toks.len() => h = toks[x].head,
            _ => return false,
        }
    }
    false
}

/// The first token of the complement clause of speech verb `v` (sentence ends at `b`), after
/// its `that` and commas, when the parse gives `v` a `ccomp` after it with its own subject.
pub(super) fn complement_start(toks: &[Token], v: usize, b: usize) -> Option<usize> {
    let c = (v + 1..b).find(|&k| toks[k].head == Some(v) && rel(&toks[k]) == "ccomp")?;
    // A clause with no subject of its own opens on its modal right after the verb (`she
    // said could serve as ...`, the subject left to the sentence before).
    let modal_first = toks.get(v + 1).is_some_and(|t| {
        t.head == Some(c) && t.xpos.as_deref() == Some("MD") && rel(t).starts_with("aux")
    });
    // (An expletive is the clause's subject too: `pointed out it is difficult to ...`.)
    if !modal_first {
        (v + 1..b).find(|&k| {
            toks[k].head == Some(c)
                && (rel(&toks[k]).starts_with("nsubj") || rel(&toks[k]) == "expl")
        })?;
    }
    let mut first = (v + 1..=c).find(|&k| dominated(toks, k, c))?;
    while first < c
        && (toks[first].text == "that" || !toks[first].text.chars().any(char::is_alphanumeric))
    {
        first += 1;
    }
    // A quote mark between the verb and the clause makes it a direct quote (`saying "time
    // is ..."`, `added: "This ..."`, `said," [Warhol] liked ...`).
    (!(v + 1..=first).any(|k| is_quote_mark(&toks[k].text))).then_some(first)
}

/// The first token in `from..to` that is a nominal subject (`nsubj`, `nsubj:pass`) of `v`.
pub(super) fn first_subject(toks: &[Token], from: usize, to: usize, v: usize) -> Option<usize> {
    (from..to).find(|&k| toks[k].head == Some(v) && rel(&toks[k]).starts_with("nsubj"))
}

/// The nominal subject of `v` as a short noun phrase (`company`, `Hong Kong government`),
/// for an unnamed or collective source; `a` is the sentence start. Pronouns are left to the
/// pronoun rules.
pub(super) fn noun_subject(toks: &[Token], a: usize, v: usize) -> Option<(usize, usize)> {
    let found = (a..v)
        .rev()
        .find(|&k| toks[k].head == Some(v) && rel(&toks[k]).starts_with("nsubj"));
    // A participle or coordinated verb shares its head's subject ("The ministry welcomed
    // the vote, saying ...").
    let k = match found {
        Some(k) => k,
        None => {
            let h = toks[v].head.filter(|&h| h >= a && h < v)?;
            if !matches!(rel(&toks[v]), "advcl" | "conj" | "xcomp") {
                return None;
            }
            return noun_subject(toks, a, h);
        }
    };
    if !matches!(toks[k].upos.as_deref(), Some("NOUN" | "PROPN")) {
        return None;
    }
    let mut s = k;
    while s > a
        && toks[s - 1].head == Some(k)
        && matches!(rel(&toks[s - 1]), "compound" | "amod" | "flat")
    {
        s -= 1;
    }
    Some((s, k + 1))
}

/// Whether the parse makes token `k` a nominal object of `v` ("warned Europe about ...").
pub(super) fn is_object_of(toks: &[Token], k: usize, v: usize) -> bool {
    toks[k].head == Some(v) && matches!(rel(&toks[k]), "obj" | "iobj")
}

/// Whether the parse gives `v` a nominal object (`obj`) and no clause (`ccomp`, `parataxis`)
/// within its sentence up to `b`: the verb takes a thing, not words. An object with a finite
/// verb right after it is the subject of a clause the parse missed (`insist his tactics will
/// be worth it`), not an object. `false` without a parse.
pub(super) fn object_only(toks: &[Token], v: usize, b: usize) -> bool {
    let child =
        |r: &[&str]| (v + 1..b).find(|&k| toks[k].head == Some(v) && r.contains(&rel(&toks[k])));
    let Some(o) = child(&["obj"]) else {
        return false;
    };
    let subject_like = toks.get(o + 1).is_some_and(super::finite_tag);
    !subject_like && child(&["ccomp", "parataxis"]).is_none()
}

/// Whether the document is parsed and `[a, e)` holds no finite verb: a fronted phrase
/// (`that, over the last five months of her life, "...`), not a clause yet.
pub(super) fn lacks_finite_verb(toks: &[Token], a: usize, e: usize) -> bool {
    toks.iter().any(|t| t.deprel.is_some())
        && !toks[a..e].iter().any(|t| {
            t.feats
                .as_deref()
                .is_some_and(|f| f.contains("VerbForm=Fin"))
        })
}

/// Where a clause reported by `v` stops before a verb coordinated with `v` ("Police said
/// Klein had no record and released few details": `released` is the police's): the `and`
/// (and a comma before it) ahead of such a verb in `[first, end)`.
pub(super) fn coordinated_cut(toks: &[Token], v: usize, first: usize, end: usize) -> usize {
    let Some(j) = (first..end).find(|&j| toks[j].head == Some(v) && rel(&toks[j]) == "conj") else {
        return end;
    };
    // A passive conjunct is no act of the speaker's (`said the victims were "ripe ..." and
    // had been used ...`): the parse attached the clause's second verb to the speech verb.
    if (first..j).any(|k| toks[k].head == Some(j) && rel(&toks[k]) == "aux:pass") {
        return end;
    }
    // A conjunct whose subject repeats the pronoun opening the clause goes on reporting
    // (`said she related to him ..., and she was impressed with ...`).
    let pronoun = toks
        .get(first)
        .is_some_and(|t| matches!(t.text.as_str(), "he" | "she" | "they" | "it" | "we"));
    if pronoun
        && (first + 1..end).any(|k| {
            toks[k].head == Some(j)
                && rel(&toks[k]).starts_with("nsubj")
                && toks[k].text == toks[first].text
        })
    {
        return end;
    }
    let mut cut = (first..j)
        .find(|&k| toks[k].head == Some(j) && rel(&toks[k]) == "cc")
        .unwrap_or(j);
    while cut > first && toks[cut - 1].text == "," {
        cut -= 1;
    }
    // Inside an open quote mark the words are still the speaker's (`that MaT was "fairly
    // secular ... and has been at the forefront ..."`), whatever the parse attaches them to.
    let marks = toks[first..cut]
        .iter()
        .filter(|t| is_quote_mark(&t.text))
        .count();
    if marks % 2 == 1 {
        return end;
    }
    cut
}
