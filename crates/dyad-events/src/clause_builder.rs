//! Builds matcher [`Clause`]s from a dependency-parsed sentence (UD relations).
//!
//! This is the first, plain bridge from dyad's tokens (`dyad_core::Token` with lemma, UPOS,
//! head and deprel) to the pattern matcher: one clause per verb, its subject, object and
//! prepositional obliques as noun phrases. It reads both UD v2 relations (`obj`, `obl`,
//! `nsubj:pass`) and the v1 names some PETRARCH files still use (`dobj`, `nmod`,
//! `nsubjpass`). The richer coder (coordination, reported speech, xcomp chains, negation)
//! will grow from here; each [`Phrase`] keeps its head token index so a matched role leads
//! back to the words and their spans.
//!
//! A phrase is an actor when its head is a proper noun, or a common noun modified by one
//! (`Chinese envoys`), a stand-in until the actor coder marks mentions.

use dyad_core::Token;

use crate::matcher::{Clause, Oblique, Phrase, Word};

/// A clause and the token index of its verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbClause {
    pub verb: usize,
    pub clause: Clause,
}

fn rel(t: &Token) -> &str {
    t.deprel.as_deref().unwrap_or("")
}

fn base_rel(t: &Token) -> &str {
    rel(t).split(':').next().unwrap_or("")
}

fn word(t: &Token) -> Word {
    Word::new(&t.text, t.lemma.as_deref().unwrap_or(&t.text))
}

/// One clause per token tagged VERB (auxiliaries and copulas are not event triggers).
/// `tokens` is one sentence; heads index into it.
pub fn clauses(tokens: &[Token]) -> Vec<VerbClause> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if let Some(h) = t.head.filter(|&h| h < tokens.len() && h != i) {
            children[h].push(i);
        }
    }
    let mut out = Vec::new();
    for (v, t) in tokens.iter().enumerate() {
        if t.upos.as_deref() != Some("VERB") {
            continue;
        }
        let mut c = Clause {
            verb: word(t),
            ..Default::default()
        };
        for &d in &children[v] {
            let dt = &tokens[d];
            match (rel(dt), base_rel(dt)) {
                ("nsubj:pass" | "nsubjpass", _) => {
                    c.passive = true;
                    c.subject = Some(phrase(tokens, &children, d, None));
                }
                (_, "nsubj") => c.subject = Some(phrase(tokens, &children, d, None)),
                ("obj" | "dobj", _) => c.object = Some(phrase(tokens, &children, d, None)),
                ("aux:pass" | "auxpass", _) => {
                    c.passive = true;
                    c.pre_verb.push(word(dt));
                }
                ("compound:prt", _) => c.particle = Some(word(dt)),
                (_, "aux" | "advmod" | "neg") => c.pre_verb.push(word(dt)),
                (_, "obl" | "nmod") => {
                    let case = children[d]
                        .iter()
                        .copied()
                        .find(|&k| base_rel(&tokens[k]) == "case");
                    if let Some(k) = case {
                        c.obliques.push(Oblique {
                            prep: word(&tokens[k]),
                            phrase: phrase(tokens, &children, d, Some(k)),
                        });
                    }
                }
                _ => {}
            }
        }
        // children are in token order, so pre_verb is too
        out.push(VerbClause { verb: v, clause: c });
    }
    out
}

/// The relations (subtypes folded: `nmod:poss` is `nmod`) of the dependents a noun phrase
/// keeps, recursively: modifiers, determiners, names, prepositions of nested phrases and
/// coordinated parts. The tree coder's phrases (`clause_tree`) keep these and `fixed`.
pub(crate) const NOUN_PHRASE_RELATIONS: &[&str] = &[
    "compound", "amod", "det", "nummod", "flat", "name", "nmod", "case", "conj", "cc",
];

/// The noun phrase headed by `head`: itself and its nominal modifiers, in text order.
fn phrase(tokens: &[Token], children: &[Vec<usize>], head: usize, skip: Option<usize>) -> Phrase {
    let mut idx = vec![head];
    let mut stack = vec![head];
    while let Some(n) = stack.pop() {
        for &k in &children[n] {
            let keep = NOUN_PHRASE_RELATIONS.contains(&base_rel(&tokens[k]));
            if keep && Some(k) != skip && idx.len() < 64 {
                idx.push(k);
                stack.push(k);
            }
        }
    }
    idx.sort_unstable();
    let head_pos = idx.iter().position(|&i| i == head).unwrap_or(0);
    let is_proper = |i: usize| tokens[i].upos.as_deref() == Some("PROPN");
    let is_actor = is_proper(head)
        || children[head].iter().any(|&k| {
            is_proper(k) && matches!(base_rel(&tokens[k]), "compound" | "amod" | "nmod" | "flat")
        });
    Phrase {
        words: idx.iter().map(|&i| word(&tokens[i])).collect(),
        head: head_pos,
        is_actor,
        token: Some(head),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{Matcher, Role};
    use crate::verb_dictionary::VerbDictionary;

    /// Tokens from (text, lemma, upos, head 1-based or 0, deprel) rows, as in CoNLL-U.
    fn toks(rows: &[(&str, &str, &str, usize, &str)]) -> Vec<Token> {
        rows.iter()
            .map(|&(text, lemma, upos, head, rel)| Token {
                text: text.into(),
                lemma: Some(lemma.into()),
                upos: Some(upos.into()),
                head: head.checked_sub(1),
                deprel: Some(rel.into()),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn builds_clauses_and_codes_them() {
        // "European governments summoned Chinese envoys on Monday."
        let t = toks(&[
            ("European", "european", "ADJ", 2, "amod"),
            ("governments", "government", "NOUN", 3, "nsubj"),
            ("summoned", "summon", "VERB", 0, "root"),
            ("Chinese", "chinese", "ADJ", 5, "amod"),
            ("envoys", "envoy", "NOUN", 3, "obj"),
            ("on", "on", "ADP", 7, "case"),
            ("Monday", "Monday", "PROPN", 3, "obl"),
        ]);
        let cs = clauses(&t);
        assert_eq!(cs.len(), 1);
        let c = &cs[0].clause;
        assert_eq!(cs[0].verb, 2);
        assert_eq!(c.subject.as_ref().unwrap().words.len(), 2);
        assert_eq!(c.object.as_ref().unwrap().token, Some(4));
        assert_eq!(c.obliques[0].prep.lemma(), "on");
        assert_eq!(
            c.obliques[0].phrase.words.len(),
            1,
            "the case word is not in the phrase"
        );
        let m = Matcher::new(VerbDictionary::cameo());
        assert_eq!(m.code(c).unwrap().code, "040");

        // passive with a by-agent and a particle: "The square was cordoned off by police."
        let t = toks(&[
            ("The", "the", "DET", 2, "det"),
            ("square", "square", "NOUN", 4, "nsubj:pass"),
            ("was", "be", "AUX", 4, "aux:pass"),
            ("cordoned", "cordon", "VERB", 0, "root"),
            ("off", "off", "ADP", 4, "compound:prt"),
            ("by", "by", "ADP", 7, "case"),
            ("Hamas", "Hamas", "PROPN", 4, "obl"),
        ]);
        let c = &clauses(&t)[0].clause;
        assert!(c.passive);
        assert_eq!(c.particle.as_ref().unwrap().lemma(), "off");
        assert!(c.obliques[0].phrase.is_actor);
        let r = m.code(c).unwrap();
        assert_eq!(r.source, Some(Role::Oblique(0)));
        // a head out of range or pointing at itself is ignored, not a panic
        let mut bad = t.clone();
        bad[0].head = Some(99);
        bad[1].head = Some(1);
        assert_eq!(clauses(&bad).len(), 1);
    }
}
