//! Verb-on-verb transformations (`~ a (a b ATTACK) SAY = a b 015`): an upper verb whose
//! complement clause coded an event becomes one event with the actors and code the rule
//! gives. Kept apart from sentence coding because it rewrites matches between clauses.

use super::{Coder, Filled};
use crate::clause_tree::{ClauseInfo, Tree};
use crate::matcher::{Match, Role};

impl<'d> Coder<'d> {
    /// Applies the dictionary's verb-on-verb transformations (`~ a (a b ATTACK) SAY = a b
    /// 015`): an upper verb (SAY) whose complement clause coded an event (ATTACK) becomes
    /// one event with the actors and code the rule gives. Variables: the upper source `a`;
    /// in the lower clause a letter binds an actor (the same letter as the upper source
    /// means the same actor), `.` is any, `_` is no subject of its own (a controlled
    /// complement: "wants to attack"); `Q` is the lower verb's code.
    pub(super) fn transform(
        &self,
        tree: &Tree,
        infos: &[ClauseInfo],
        matches: &mut [Option<Match<'d>>],
        forced: &mut [Option<(Vec<Filled>, Vec<Filled>)>],
    ) {
        if self.dict.transformations.is_empty() {
            return;
        }
        for (i, ci) in infos.iter().enumerate() {
            let upper = lemma_key(tree, ci.verb);
            let lowers: Vec<usize> = ci
                .xcomp_clause
                .iter()
                .chain(&ci.ccomp_clauses)
                .copied()
                .collect();
            for x in lowers {
                let Some(mx) = matches[x].as_ref() else {
                    continue;
                };
                let a = self.fill(tree, ci, Some(Role::Subject));
                let Some(a0) = a.first().copied() else {
                    continue;
                };
                let lx = &infos[x];
                let lower = lemma_key(tree, lx.verb);
                let block = &self.dict.blocks[mx.verb.block].name;
                let ls = self.fill(tree, lx, mx.source);
                let lt = self.fill(tree, lx, mx.target);
                let same_as_a = ls.first().is_some_and(|f| f.actor == a0.actor);
                // the upper verb reports speech (its own code is a statement, 01)
                let speech = matches[i]
                    .as_ref()
                    .is_some_and(|m| m.code.starts_with("01"));
                let rule = self.dict.transformations.iter().find(|t| {
                    let tu = t.upper_verb.trim();
                    let tl = t.lower_verb.trim();
                    if tu != upper || !(tl == "Q" || tl == lower || tl == block) {
                        return false;
                    }
                    let own_subject = !matches!(t.lower_source.trim(), "." | "_")
                        && t.lower_source.trim() != t.upper_source.trim();
                    if own_subject && speech && !self.config.speech_as_accusation {
                        return false;
                    }
                    let src_ok = match t.lower_source.trim() {
                        "." => true,
                        "_" => lx.controlled,
                        v if v == t.upper_source.trim() => same_as_a && !lx.controlled,
                        _ => !ls.is_empty() && !same_as_a,
                    };
                    let tgt_ok = match t.lower_target.trim() {
                        "." => true,
                        "_" => lt.is_empty(),
                        _ => !lt.is_empty(),
                    };
                    src_ok && tgt_ok
                });
                let Some(t) = rule else { continue };
                let bind = |v: &str| -> Vec<Filled> {
                    let v = v.trim();
                    if v == t.upper_source.trim() {
                        a.clone()
                    } else if v == t.lower_source.trim() {
                        ls.clone()
                    } else if v == t.lower_target.trim() {
                        lt.clone()
                    } else {
                        Vec::new()
                    }
                };
                let (src, tgt) = (bind(&t.result_source), bind(&t.result_target));
                let code = match t.result_code.trim() {
                    "Q" => mx.code.clone(),
                    c => c.to_string(),
                };
                // a claim turned into an accusation covers all it claimed: the verbs
                // coordinated with the lower one ("claimed ISIL had attacked Iraq and taken
                // Mosul") are part of the same accusation, not events of their own
                if t.result_code.trim() != "Q" {
                    for (j, cj) in infos.iter().enumerate() {
                        if tree.is_conjunct_of(cj.verb, lx.verb) && forced[j].is_none() {
                            matches[j] = None;
                        }
                    }
                }
                if let Some(m) = matches[x].as_mut() {
                    m.code = code;
                    m.paired = None;
                }
                forced[x] = Some((src, tgt));
                matches[i] = None;
                break;
            }
        }
    }
}

/// The upper-case lemma of token `t`, as transformations name verbs.
fn lemma_key(tree: &Tree, t: usize) -> String {
    let tok = tree.token(t);
    tok.lemma.as_deref().unwrap_or(&tok.text).to_uppercase()
}
