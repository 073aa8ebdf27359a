//! The sentence's clauses: one per verb with its own roles, then links between clauses
//! (`xcomp`, `ccomp`) and subjects inherited top down from governing verbs, conjuncts and
//! modified nouns. The order of decisions lives here; the questions they ask live in the
//! sibling modules.

use super::{
    base_rel, is_verb, lemma, rel, word, ClauseInfo, Tree, APPEAL_VERBS, CONTROL_VERBS,
    INTENT_VERBS, NEG_VERBS,
};
use crate::matcher::{Clause, Governor, Phrase, SurfaceToken};

impl Tree<'_> {
    /// Clauses of every verb of the sentence, in token order.
    pub fn clauses(&self) -> Vec<ClauseInfo> {
        let verbs: Vec<usize> = (0..self.toks.len())
            .filter(|&i| is_verb(&self.toks[i]))
            .collect();
        let mut infos: Vec<ClauseInfo> = verbs.iter().map(|&v| self.clause_of(v)).collect();
        self.rejoin_split_subjects(&mut infos);
        let pos = |t: usize| verbs.iter().position(|&v| v == t);
        // links between clauses, then inheritance from the governing verb, top down
        for info in infos.iter_mut() {
            for k in self.kids(info.verb) {
                match self.complement_rel(k) {
                    "xcomp" => {
                        if let Some(x) = pos(k) {
                            info.xcomp_clause.get_or_insert(x);
                        }
                    }
                    "ccomp" | "parataxis" => {
                        if let Some(x) = pos(k) {
                            info.ccomp_clauses.push(x);
                        }
                    }
                    _ => {}
                }
            }
        }
        // "expressed hopes on Thursday *that Osgiliath could be drawn* into ...": a clause
        // with its own subject opened by the subordinator "that" (a relative clause has no
        // such `mark`) hung as a relative clause of a verb's modifier is that verb's
        // clausal complement
        for x in 0..infos.len() {
            let v = infos[x].verb;
            if rel(&self.toks[v]) != "acl:relcl" || !self.content_clause(v) {
                continue;
            }
            let governor = self.heads[v].and_then(|h| self.heads[h]).and_then(pos);
            if let Some(g) = governor.filter(|&g| !infos[g].ccomp_clauses.contains(&x)) {
                infos[g].ccomp_clauses.push(x);
            }
        }
        let order = self.top_down(&verbs);
        for i in order {
            let v = infos[i].verb;
            let Some(h) = self.heads[v] else { continue };
            let r = rel(&self.toks[v]);
            let b = self.complement_rel(v);
            let mut gov = pos(h)
                .map(|g| infos[g].clone())
                .or_else(|| self.predicate(h));
            // a verb coordinated with a noun is a misparse ("condemned an attack ... and
            // promised aid", `promised` under `attack`): coordinate it with the nearest verb
            // above instead
            if b == "conj"
                && !is_verb(&self.toks[h])
                && self.toks[h].upos.as_deref() == Some("NOUN")
            {
                if let Some(a) = self.verb_above(h) {
                    gov = pos(a).map(|g| infos[g].clone()).or(gov);
                }
            }
            // "Evil Mordor, the awful Fornost, and good Gondor welcomed": a verb hung as a
            // conjunct of the list's first noun, the list's last member its own subject
            // after `and`; the whole list is its subject
            if b == "conj" && !is_verb(&self.toks[h]) && self.list_head_of(h, &infos[i]) {
                let mut members = vec![h];
                members.extend(
                    self.kids(h)
                        .filter(|&k| k < v && matches!(base_rel(&self.toks[k]), "appos" | "conj")),
                );
                for m in members.into_iter().rev() {
                    if !infos[i].subjects.contains(&m) {
                        infos[i].subjects.insert(0, m);
                    }
                }
            }
            // background, not events: a subjectless time clause ("before leaving") and the
            // reason a verb gives ("jailed a student *for helping* militants": what he is
            // held to have done)
            infos[i].background = b == "advcl"
                && infos[i].subject.is_none()
                && (self.circumstance_clause(v) || self.reason_clause(v));
            // aims, not acts: a purpose infinitive ("met Assad *to discuss*", "faces
            // pressure *to help* Iran") or one modifying a noun ("efforts *to counter*")
            infos[i].aim =
                self.infinitival(v) && (b == "advcl" || (b == "acl" && r != "acl:relcl"));
            // a pronoun subject of a complement or coordinated clause is, in news prose,
            // most often the governing clause's subject ("Obama said he would...")
            infos[i].controlled = infos[i].subject.is_none();
            // the governing verb precedes a complement: "indicated it would act" reads
            // INDICATED WOULD before ACT, as flat patterns expect
            if matches!(b, "ccomp" | "xcomp") {
                if let Some(g) = gov.as_ref() {
                    // an xcomp shares its governor's subject, so the words before that
                    // verb stand before this one too ("unexpectedly won't try to clash")
                    let mut pre = if b == "xcomp" {
                        g.clause.pre_verb.clone()
                    } else {
                        Vec::new()
                    };
                    pre.push(word(&self.toks[g.verb]));
                    pre.append(&mut infos[i].clause.pre_verb);
                    infos[i].clause.pre_verb = pre;
                    let actor = g.clause.subject.as_ref().is_some_and(|p| p.is_actor);
                    infos[i].clause.governor = Some(Governor {
                        verb: word(&self.toks[g.verb]),
                        subject: g.subject.filter(|_| actor),
                    });
                }
            }
            let pronoun_subject = infos[i]
                .subject
                .is_some_and(|s| self.toks[s].upos.as_deref() == Some("PRON"));
            if pronoun_subject && matches!(b, "ccomp" | "xcomp" | "advcl" | "conj") {
                // not a pronoun that cannot be the governor's subject: "you", or a plural
                // after a single speaker ("Erdogan said, 'They need to stand by us'")
                let other = |g: &ClauseInfo| {
                    let (Some(p), Some(s)) = (infos[i].subject, g.subject) else {
                        return false;
                    };
                    let feats = |t: usize| self.toks[t].feats.as_deref().unwrap_or("");
                    let you = self.toks[p].text.eq_ignore_ascii_case("you");
                    // a third person plural ("we" is the speaker's own side)
                    let they = feats(p).contains("Person=3")
                        && feats(p).contains("Number=Plur")
                        && feats(s).contains("Number=Sing");
                    // only in a quotation opened between the governor and the pronoun, whose
                    // words are the speaker's: an odd number of quotation marks between
                    let (a, z) = (g.verb.min(p), g.verb.max(p));
                    let marks = self.toks[a..z]
                        .iter()
                        .filter(|t| matches!(t.text.as_str(), "\"" | "“" | "”"))
                        .count();
                    marks % 2 == 1 && (you || they)
                };
                if let Some(g) = gov.as_ref().filter(|g| g.subject.is_some() && !other(g)) {
                    infos[i].subject = None;
                    self.inherit_subject(&mut infos[i], g.subject, g.clause.subject.clone());
                }
            }
            // ", killing eight people": a participle after a comma speaks of the main
            // clause's subject; a material act there tells the same incident's outcome or
            // manner and the coder leaves it out, a verbal one (", praising X") is coded
            // (its subject still lends itself to clauses under it)
            if b == "advcl" && infos[i].subject.is_none() && self.participle_after_comma(v) {
                infos[i].trailing_participle = true;
                if let Some(root) = self.root_clause(&infos, &verbs) {
                    let (s, p) = (infos[root].subject, infos[root].clause.subject.clone());
                    if root != i && s.is_some() {
                        self.inherit_subject(&mut infos[i], s, p);
                        continue;
                    }
                }
            }
            // "China's decision to retaliate": the possessor acts
            if b == "acl" && r != "acl:relcl" && infos[i].subject.is_none() && !self.finite(v) {
                if let Some(p) = self.kids(h).find(|&k| rel(&self.toks[k]) == "nmod:poss") {
                    let ph = self.phrase(p, None);
                    self.inherit_subject(&mut infos[i], Some(p), Some(ph));
                    continue;
                }
            }
            match (b, &gov) {
                ("conj" | "advcl", Some(g)) if infos[i].subject.is_none() => {
                    self.inherit_subject(&mut infos[i], g.subject, g.clause.subject.clone());
                    if b == "conj" {
                        infos[i].negated |= g.negated && !self.has_own_aux(v);
                        infos[i].future |= g.future && !self.has_own_aux(v);
                    }
                }
                ("xcomp", Some(g)) => {
                    // "called on Gondor *to be allowed* to leave": an appeal's infinitive
                    // with a subject of its own (the party appealed to, as the parser
                    // read it) is what was asked for, not what happened
                    let gl = lemma(&self.toks[g.verb]);
                    if infos[i].subject.is_some()
                        && self.infinitival(v)
                        && APPEAL_VERBS.contains(&gl.as_str())
                    {
                        infos[i].aim = true;
                    }
                    if infos[i].subject.is_none() {
                        let (s, p) = match g.object {
                            Some(o) => {
                                // object control: the complement has a subject of its own
                                infos[i].controlled = false;
                                (Some(o), g.clause.object.clone())
                            }
                            None => (g.subject, g.clause.subject.clone()),
                        };
                        self.inherit_subject(&mut infos[i], s, p);
                    }
                    // the complement of background or of an aim is so too (", seeking to
                    // mend ties")
                    infos[i].background |= g.background;
                    infos[i].trailing_participle |= g.trailing_participle;
                    infos[i].aim |= g.aim;
                    infos[i].negated |= g.negated || NEG_VERBS.contains(&gl.as_str());
                    infos[i].future |= g.future || INTENT_VERBS.contains(&gl.as_str());
                }
                // "10 Russian soldiers killed in Ukraine": the noun is the passive subject
                ("acl", _)
                    if r != "acl:relcl"
                        && infos[i].subject.is_none()
                        && (self.reduced_passive(v) || self.small_clause_passive(v))
                        && !self.nominal_root_predicate(v)
                        && self.actor_token(h).is_some() =>
                {
                    let p = self.phrase(h, None);
                    infos[i].clause.passive = true;
                    infos[i].clause.subject = Some(p);
                    infos[i].subject = Some(h);
                    infos[i].subjects = vec![h];
                    // the noun comes from outside the clause: not the speaker of a verbal
                    // passive ("two men *sought* in the slaying of ..."); but in "a woman
                    // *believed linked* to Al-Qaeda" it is what the small clause says of her,
                    // the one the pattern over both words (`BELIEVE: * LINKED`) codes
                    let outside = !self.small_clause_passive(v);
                    infos[i].clause.inherited_subject = outside;
                    infos[i].inherited_subject = outside;
                    let (mut c, mut ci) = (std::mem::take(&mut infos[i].clause), infos[i].clone());
                    self.agent_as_subject(&mut c, &mut ci);
                    ci.clause = c;
                    infos[i] = ci;
                }
                ("acl", _)
                    if r == "acl:relcl" || self.finite(v) || self.nominal_root_predicate(v) =>
                {
                    // a relative pronoun ("rioters *who* desecrate") stands for the noun;
                    // a personal one is the clause's own subject ("a speech in which *he*
                    // condemned rioters", "the deal *she* signed")
                    let own_is_pronoun = infos[i].subject.is_some_and(|s| {
                        self.toks[s].upos.as_deref() == Some("PRON")
                            && !personal_pronoun(&self.toks[s])
                    });
                    if infos[i].subject.is_none() || own_is_pronoun {
                        let p = self.phrase(h, None);
                        infos[i].subject = None;
                        self.inherit_subject(&mut infos[i], Some(h), Some(p));
                    }
                }
                _ => {}
            }
        }
        if self.noun_events {
            self.noun_clauses(&mut infos, &verbs);
        }
        for ci in infos.iter_mut() {
            let actors = ci
                .subjects
                .iter()
                .flat_map(|&s| self.conjuncts(s))
                .filter(|&k| self.actor_token(k).is_some())
                .count();
            ci.clause.compound_subject = actors >= 2;
        }
        infos
    }

    /// True when noun `h`, of which the clause's verb is a `conj`, opens a list that the
    /// verb's own subject closes: the subject follows `h` after an `and`/`or`, and
    /// `h` names an actor, as "Mordor, Fornost, and Gondor *welcomed*" misparsed.
    fn list_head_of(&self, h: usize, ci: &ClauseInfo) -> bool {
        let Some(s) = ci.subject else { return false };
        // the `and` hangs from the subject or, as often misparsed, from the verb
        let closes = (h + 1..s).any(|k| {
            base_rel(&self.toks[k]) == "cc"
                && matches!(lemma(&self.toks[k]).as_str(), "and" | "or")
                && (self.heads[k] == Some(s) || self.heads[k] == Some(ci.verb))
        });
        h < s && s < ci.verb && closes && self.actor_token(h).is_some()
    }

    /// A non-verbal predicate ("Arnor is about to restore") as a governing clause: its
    /// subject and object, for complements to inherit.
    pub(super) fn predicate(&self, h: usize) -> Option<ClauseInfo> {
        let t = &self.toks[h];
        if is_verb(t) {
            return None;
        }
        Some(self.clause_of(h))
    }

    /// The clause headed by token `v` with the roles of its own dependents.
    pub(super) fn clause_of(&self, v: usize) -> ClauseInfo {
        let preceding = v
            .checked_sub(1)
            .map(|p| &self.toks[p])
            .filter(|t| t.text.chars().all(char::is_alphabetic))
            .map(word);
        let mut c = Clause {
            verb: word(&self.toks[v]),
            preceding,
            ..Default::default()
        };
        let mut ci = ClauseInfo {
            verb: v,
            ..Default::default()
        };
        self.own_roles(v, &mut c, &mut ci);
        if self.following {
            self.fill_following(v, &mut c);
        }
        ci.clause = c;
        ci
    }

    /// The words of `v`'s subtree after it, in order, for flat patterns read in sequence.
    pub(super) fn fill_following(&self, v: usize, c: &mut Clause) {
        let mut idx = Vec::new();
        let mut stack = vec![v];
        // bounded, so a cycle in a malformed parse ends too
        let mut visited = 0;
        while let Some(n) = stack.pop() {
            for k in self.kids(n) {
                if visited < 96 {
                    visited += 1;
                    stack.push(k);
                    if k > v {
                        idx.push(k);
                    }
                }
            }
        }
        idx.sort_unstable();
        c.following = idx.iter().map(|&i| word(&self.toks[i])).collect();
        c.following_at = idx
            .iter()
            .map(|&i| SurfaceToken {
                token: i,
                actor: self.actor[i],
                phrase_head: self.heads[i]
                    .filter(|&h| h > i && self.opens_phrase(i))
                    .and_then(|h| idx.iter().position(|&k| k == h)),
            })
            .collect();
    }

    /// Word `i` is a preposition, determiner or modifier leading up to the head of its
    /// noun phrase.
    fn opens_phrase(&self, i: usize) -> bool {
        matches!(
            base_rel(&self.toks[i]),
            "case" | "det" | "amod" | "nummod" | "compound"
        ) && self.heads[i].is_some_and(|h| {
            matches!(
                self.toks[h].upos.as_deref(),
                Some("NOUN" | "PROPN" | "PRON" | "NUM")
            )
        })
    }

    /// The base relation of `v` to its head, an infinitival `advcl` under a control verb
    /// read as `xcomp`.
    pub(super) fn complement_rel(&self, v: usize) -> &str {
        let b = base_rel(&self.toks[v]);
        if b == "advcl" {
            let to = self
                .kids(v)
                .any(|k| base_rel(&self.toks[k]) == "mark" && lemma(&self.toks[k]) == "to");
            let control = self.heads[v]
                .is_some_and(|h| CONTROL_VERBS.contains(&lemma(&self.toks[h]).as_str()));
            if to && control {
                return "xcomp";
            }
        }
        b
    }

    /// The `case` word of oblique `d` when it stands right after verb `v` and is a verb
    /// particle rather than a preposition of the phrase ("cordoned *off* the roads").
    pub(super) fn particle_as_case(&self, v: usize, d: usize) -> Option<usize> {
        let k = self.child_with(d, |_, b| b == "case")?;
        let particle = matches!(
            lemma(&self.toks[k]).as_str(),
            "off" | "up" | "down" | "out" | "back" | "away"
        );
        (particle && k == v + 1 && d > k).then_some(k)
    }

    /// Subjects of `v`'s non-verbal clausal complements after it ("allowed that *Mordor*
    /// isn't a pleasant place"), which have no clause of their own.
    pub fn predicate_complement_subjects(&self, v: usize) -> Vec<usize> {
        self.kids(v)
            .filter(|&k| k > v && base_rel(&self.toks[k]) == "ccomp" && !is_verb(&self.toks[k]))
            .filter_map(|k| self.child_with(k, |_, b| b == "nsubj"))
            .collect()
    }

    /// The nearest verb among the ancestors of `t`.
    pub(super) fn verb_above(&self, t: usize) -> Option<usize> {
        let mut cur = self.heads[t];
        let mut steps = 0;
        while let Some(c) = cur {
            if is_verb(&self.toks[c]) {
                return Some(c);
            }
            steps += 1;
            if steps > self.toks.len() {
                return None; // a cycle in a malformed parse
            }
            cur = self.heads[c];
        }
        None
    }

    pub(super) fn inherit_subject(&self, ci: &mut ClauseInfo, s: Option<usize>, p: Option<Phrase>) {
        if let (Some(s), Some(p)) = (s, p) {
            ci.subject = Some(s);
            ci.subjects = vec![s];
            ci.clause.subject = Some(p);
            ci.clause.inherited_subject = true;
            ci.inherited_subject = true;
        }
    }

    /// Clause indexes ordered so that a governing verb comes before the verbs under it.
    pub(super) fn top_down(&self, verbs: &[usize]) -> Vec<usize> {
        let depth = |mut t: usize| {
            let mut d = 0;
            while let Some(h) = self.heads[t] {
                d += 1;
                t = h;
                if d > self.toks.len() {
                    break; // a cycle in a malformed parse
                }
            }
            d
        };
        let mut idx: Vec<usize> = (0..verbs.len()).collect();
        idx.sort_by_key(|&i| depth(verbs[i]));
        idx
    }
}

/// True for a personal pronoun ("he", "they", "we"), which names someone of its own,
/// unlike a relative one ("who", "which", "that").
fn personal_pronoun(t: &dyad_core::Token) -> bool {
    matches!(
        t.text.to_lowercase().as_str(),
        "i" | "you" | "he" | "she" | "it" | "we" | "they"
    )
}
