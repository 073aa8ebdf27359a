//! Filling a role with actors: the actor whose mention covers the head of the role's
//! phrase, else the nearest one inside it, composed with an uncoded agent mention heading
//! the phrase ("*Soldiers* from Gondor").

use dyad_core::{Document, Span};

use super::{Agent, Coder, Filled};
use crate::clause_tree::{ClauseInfo, Tree};
use crate::event::ActorRef;
use crate::matcher::Role;

impl<'d> Coder<'d> {
    /// A clause's unmatched target: its object's actor, else the first oblique actor not
    /// introduced by `by`.
    pub(super) fn default_target(&self, tree: &Tree, ci: &ClauseInfo) -> Vec<Filled> {
        if let Some(o) = ci.object {
            let f = self.fill_head(tree, o);
            if !f.is_empty() {
                return f;
            }
        }
        for (i, &h) in ci.obliques.iter().enumerate() {
            let by = ci
                .clause
                .obliques
                .get(i)
                .is_some_and(|o| o.prep.lemma().eq_ignore_ascii_case("by"));
            // "served *as* President of India": an `as` phrase is the subject's role
            let role = ci
                .clause
                .obliques
                .get(i)
                .is_some_and(|o| super::real_news::role_phrase(o.prep.lemma()));
            if !by && !role {
                let f = self.fill_head(tree, h);
                if !f.is_empty() {
                    return f;
                }
            }
        }
        Vec::new()
    }

    /// PETRARCH2 reads a passive's source in its `by`, `from` or `in` phrase: under
    /// [`CoderConfig::places_as_actors`](super::CoderConfig), a passive without an agent
    /// takes the place its `in`/`from` phrase names ("10 Russian soldiers killed *in
    /// Ukraine*": `UKR`), a country or a place standing for one, not the target's phrase.
    pub(super) fn place_source(
        &self,
        tree: &Tree,
        ci: &ClauseInfo,
        target: Option<Role>,
    ) -> Vec<Filled> {
        if !self.config.places_as_actors || !ci.clause.passive {
            return Vec::new();
        }
        for (i, o) in ci.clause.obliques.iter().enumerate() {
            let p = o.prep.lemma();
            let origin = p.eq_ignore_ascii_case("in") || p.eq_ignore_ascii_case("from");
            if !origin || target == Some(Role::Oblique(i)) {
                continue;
            }
            let Some(&h) = ci.obliques.get(i) else {
                continue;
            };
            // the phrase names the place itself ("in Ukraine"), not something there ("in
            // detention in Afghanistan", "in Israeli tank shelling")
            if tree.actor_at(h).is_some_and(|a| tree.is_place_actor(a)) {
                return self.fill_head(tree, h);
            }
        }
        Vec::new()
    }

    /// The actors filling a matched role: the role phrase's actor and its conjuncts'.
    pub(super) fn fill(&self, tree: &Tree, ci: &ClauseInfo, role: Option<Role>) -> Vec<Filled> {
        let head = match role {
            Some(Role::Subject) => {
                // a parse may give a coordinated subject as several `nsubj`
                let mut out: Vec<Filled> = Vec::new();
                for &h in &ci.subjects {
                    for f in self.fill_head(tree, h) {
                        if !out
                            .iter()
                            .any(|g| g.actor == f.actor && same_standing(g.sector_of, f.sector_of))
                        {
                            out.push(f);
                        }
                    }
                }
                return out;
            }
            Some(Role::Object) => ci.object,
            Some(Role::Oblique(i)) => ci.obliques.get(i).copied(),
            Some(Role::Token(t)) => Some(t),
            None => None,
        };
        match head {
            Some(h) => self.fill_head(tree, h),
            None => Vec::new(),
        }
    }

    pub(super) fn fill_head(&self, tree: &Tree, head: usize) -> Vec<Filled> {
        let mut out: Vec<Filled> = Vec::new();
        // an uncoded agent on the head composes with the actor found inside the phrase
        let agent = tree
            .agent_at(head)
            .filter(|_| tree.coded_actor_at(head).is_none());
        let mut add = |actor: usize, sector_of: Option<usize>| {
            // a country may stand once per sector it shares ("lawmakers and officials in
            // Fornost and Gondor": GONLEG and GONGOV), not beside itself as a bare actor
            if !out
                .iter()
                .any(|f| f.actor == actor && same_standing(f.sector_of, sector_of))
            {
                out.push(Filled {
                    actor,
                    agent,
                    sector_of,
                });
            }
        };
        for c in tree.conjuncts(head) {
            if let Some(t) = tree.actor_token(c) {
                // the actor's own conjuncts: "ties between Gondor and Osgiliath"
                for k in tree.conjuncts(t) {
                    if let Some(a) = tree.actor_of_phrase(k) {
                        add(a, None);
                    }
                }
                let owner = tree.actor_at(t);
                for b in tree.sector_sharers(t) {
                    add(b, owner);
                }
            }
        }
        out
    }
}

/// Two fillings of one actor stand for the same party unless each shares a different
/// composed actor's sector (GONLEG beside GONGOV); a bare country is one party with any.
fn same_standing(a: Option<usize>, b: Option<usize>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// The actor a filled role stands for: its mention composed with its agent, or with the
/// sector it shares from a composed actor (which acts as an agent on the country).
pub(super) fn filled_actor(
    doc: &Document,
    actors: &[&ActorRef],
    agents: &[Agent],
    f: Filled,
) -> ActorRef {
    let shared = f.sector_of.and_then(|j| {
        let sector = actors[j].extra.get("sector")?.as_str()?;
        Some(Agent {
            span: actors[f.actor].span,
            sector: sector.to_string(),
        })
    });
    let agent = f.agent.map(|g| &agents[g]);
    compose(doc, actors[f.actor], agent.or(shared.as_ref()))
}

/// The actor as the event refers to it: with an agent ("Soldiers from Gondor"), the
/// country's code and the agent's sector (`GON` + `MIL`) over both mentions' span.
pub(super) fn compose(doc: &Document, actor: &ActorRef, agent: Option<&Agent>) -> ActorRef {
    let mut a = actor.clone();
    // only a bare country code composes, a joint code of countries (`FRO/BIL/SAM`) member
    // by member; organisations (IGOEUREEC) and composed codes keep their own
    let country = |c: &str| c.len() == 3 && c != "IGO";
    let countries = actor.code.as_deref().is_some_and(|c| {
        crate::joint_actors::members(c).map_or(country(c), |m| m.into_iter().all(country))
    });
    if let (Some(g), Some(code), true) = (agent, actor.code.as_deref(), countries) {
        let parts: Vec<String> = code
            .split('/')
            .map(|p| format!("{p}{}", g.sector))
            .collect();
        a.code = Some(parts.join("/"));
        a.span = Span::new(g.span.start.min(a.span.start), g.span.end.max(a.span.end));
        a.mention = a.span.get(&doc.text).unwrap_or_default().to_string();
        a.extra.insert("sector".into(), g.sector.clone().into());
        a.extra
            .insert("rule".into(), "agent+country (event coder)".into());
    }
    a
}
