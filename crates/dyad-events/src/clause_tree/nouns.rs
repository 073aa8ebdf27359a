//! Event nouns read as clauses: "Blinken's *visit* to Brussels", "China's *attack* on
//! Taiwan". Only used when [`super::Tree::with_noun_events`] is on; kept apart because it
//! builds clauses from nouns, which the verb-clause builder never sees.

use super::{base_rel, lemma, rel, ClauseInfo, Tree};
use crate::matcher::{Clause, Word};

/// Nouns that name an event the way their verb does, read as clauses when
/// [`Tree::with_noun_events`] is on: the possessor acts, `to`/`with`/`against` phrases say
/// on whom ("Blinken's visit to Brussels", "China's attack on Taiwan").
const EVENT_NOUNS: &[&str] = &[
    "visit",
    "meeting",
    "talks",
    "attack",
    "invasion",
    "offensive",
    "condemnation",
    "threat",
    "boycott",
    "embargo",
    "withdrawal",
    "retaliation",
    "summons",
    "arrest",
    "protest",
];

impl Tree<'_> {
    /// One clause per event noun with a possessor: "his three-day visit to Brussels". A
    /// pronoun possessor stands for the main clause's subject.
    pub(super) fn noun_clauses(&self, infos: &mut Vec<ClauseInfo>, verbs: &[usize]) {
        let root = self.root_clause(infos, verbs);
        for (n, t) in self.toks.iter().enumerate() {
            if t.upos.as_deref() != Some("NOUN") || !EVENT_NOUNS.contains(&lemma(t).as_str()) {
                continue;
            }
            let Some(p) = self.kids(n).find(|&k| rel(&self.toks[k]) == "nmod:poss") else {
                continue;
            };
            let l = lemma(t);
            let mut c = Clause {
                verb: Word::new(&l, &l),
                ..Default::default()
            };
            let mut ci = ClauseInfo {
                verb: n,
                subject: Some(p),
                subjects: vec![p],
                ..Default::default()
            };
            c.subject = Some(self.phrase(p, None));
            if self.toks[p].upos.as_deref() == Some("PRON") {
                match root.and_then(|r| {
                    infos[r]
                        .subject
                        .map(|s| (s, infos[r].clause.subject.clone()))
                }) {
                    Some((s, ph)) => {
                        ci.subject = Some(s);
                        ci.subjects = vec![s];
                        c.subject = ph;
                        c.inherited_subject = true;
                        ci.inherited_subject = true;
                    }
                    None => continue,
                }
            }
            for d in self.kids(n) {
                if base_rel(&self.toks[d]) == "nmod" && rel(&self.toks[d]) != "nmod:poss" {
                    if let Some(o) = self.oblique(d) {
                        c.obliques.push(o);
                        ci.obliques.push(d);
                    }
                }
            }
            ci.clause = c;
            infos.push(ci);
        }
    }
}
