//! Tagging errors repaired before the tree is read: words whose part of speech the
//! sentence itself decides, whatever the tagger said.
//!
//! After a verb that takes a `to`-infinitive and no `to`-phrase ("has begun", "tried",
//! "threatened"), `to` followed by a bare word is the infinitive marker and the word a
//! verb: "has begun *to question* whether ...", "threatened *to strike*". A tagger that
//! read the word as a noun hangs it as an oblique with `to` as its case and the clause
//! after it ("whether he really has ...") on the governing verb; the repair makes the word
//! the verb's `xcomp` and that clause its complement.
//!
//! A hyphenated modifier of a noun ("bombarded a *government-held* part of Syria's second
//! city") whose first word the parser took as the verb's object, with the participle
//! modifying the noun and that noun hung on the verb as a clause of its own: the noun is
//! the object, the word before the hyphen a part of its modifier.
//!
//! Kept apart so [`super::Tree::new`] copies the sentence's tokens only when a repair
//! applies.

use dyad_core::Token;

use super::{base_rel, lemma};

/// Verbs whose `to` introduces an infinitive, never a phrase: "began to [verb]", not
/// "began to [noun]" (unlike "agreed to talks", "turned to Gondor").
const INFINITIVE_ONLY: &[&str] = &[
    "begin", "start", "continue", "try", "attempt", "want", "decide", "plan", "intend", "seek",
    "hope", "threaten", "vow", "refuse", "fail", "need",
];

/// The tokens and sentence-local heads with both repairs of this module applied, or
/// `None` when neither applies.
pub(super) fn repaired(
    toks: &[Token],
    heads: &[Option<usize>],
) -> Option<(Vec<Token>, Vec<Option<usize>>)> {
    let first = infinitives_read_as_nouns(toks, heads);
    let (t, h) = match &first {
        Some((t, h)) => (&t[..], &h[..]),
        None => (toks, heads),
    };
    hyphenated_modifiers_read_as_objects(t, h).or(first)
}

/// "a government-held part": the word before the hyphen (`government`) hung on verb `v`
/// in a role, the participle after it (`held`) an `amod` of a later noun (`part`) that
/// hangs on the same verb in another relation; the noun takes the word's role and the
/// word becomes a compound of the participle.
fn hyphenated_modifiers_read_as_objects(
    toks: &[Token],
    heads: &[Option<usize>],
) -> Option<(Vec<Token>, Vec<Option<usize>>)> {
    let mut fixed: Option<(Vec<Token>, Vec<Option<usize>>)> = None;
    for i in 0..toks.len().saturating_sub(2) {
        let (x, dash, p) = (&toks[i], &toks[i + 1], &toks[i + 2]);
        let joined =
            dash.text == "-" && x.span.end == dash.span.start && dash.span.end == p.span.start;
        // this runs for every word: the rest is asked only at a hyphen joining two words
        if !joined {
            continue;
        }
        let nominal = matches!(x.upos.as_deref(), Some("NOUN" | "PROPN"))
            && matches!(base_rel(x), "obj" | "nsubj" | "obl");
        let participle = p.xpos.as_deref() == Some("VBN")
            || p.feats
                .as_deref()
                .is_some_and(|f| f.contains("VerbForm=Part"));
        let (Some(v), Some(n)) = (heads[i], heads[i + 2]) else {
            continue;
        };
        let noun_on_verb = n > i + 2
            && base_rel(&toks[i + 2]) == "amod"
            && heads[n] == Some(v)
            && matches!(toks[n].upos.as_deref(), Some("NOUN" | "PROPN"));
        if !(joined && nominal && participle && noun_on_verb) {
            continue;
        }
        let (ts, hs) = fixed.get_or_insert_with(|| (toks.to_vec(), heads.to_vec()));
        ts[n].deprel = toks[i].deprel.clone();
        ts[i].deprel = Some("compound".into());
        hs[i] = Some(i + 2);
    }
    fixed
}

/// The tokens and sentence-local heads with bare words after such a verb's `to` read as
/// its infinitive, or `None` when there is none.
fn infinitives_read_as_nouns(
    toks: &[Token],
    heads: &[Option<usize>],
) -> Option<(Vec<Token>, Vec<Option<usize>>)> {
    let mut fixed: Option<(Vec<Token>, Vec<Option<usize>>)> = None;
    for i in 1..toks.len() {
        let t = &toks[i];
        let Some(h) = heads[i].filter(|&h| h < i) else {
            continue;
        };
        let governor = &toks[h];
        let to = i - 1;
        let bare_noun = t.upos.as_deref() == Some("NOUN")
            && t.xpos.as_deref().is_none_or(|x| x == "NN")
            && matches!(base_rel(t), "obl" | "nmod" | "obj");
        // tested in this order, the cheap ones first: this runs for every word
        let infinitive_verb = || {
            governor.upos.as_deref() == Some("VERB")
                && INFINITIVE_ONLY.contains(&lemma(governor).as_str())
        };
        let marker = || lemma(&toks[to]) == "to" && heads[to] == Some(i);
        // nothing else before the word: no determiner, adjective or possessor
        let alone = || (h + 1..to).all(|k| heads[k] != Some(i));
        if !(bare_noun && infinitive_verb() && marker() && alone()) {
            continue;
        }
        let (ts, hs) = fixed.get_or_insert_with(|| (toks.to_vec(), heads.to_vec()));
        ts[i].upos = Some("VERB".into());
        ts[i].xpos = Some("VB".into());
        ts[i].feats = Some("VerbForm=Inf".into());
        ts[i].deprel = Some("xcomp".into());
        ts[to].upos = Some("PART".into());
        ts[to].deprel = Some("mark".into());
        // the clause the word governs ("whether he really has ..."), hung on the verb
        for k in i + 1..toks.len() {
            let subordinate = heads[k] == Some(h)
                && base_rel(&toks[k]) == "advcl"
                && (0..toks.len()).any(|m| {
                    heads[m] == Some(k)
                        && base_rel(&toks[m]) == "mark"
                        && matches!(lemma(&toks[m]).as_str(), "whether" | "if" | "that")
                });
            if subordinate {
                hs[k] = Some(i);
                ts[k].deprel = Some("ccomp".into());
            }
        }
    }
    fixed
}
