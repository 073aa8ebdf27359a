//! The event coder: CAMEO/PLOVER events from a parsed document and its actor mentions.
//!
//! For every sentence the coder reads the UD tree (sentence-local heads), builds one
//! [`Clause`] per verb through [`crate::clause_tree`] and hands it to the pattern
//! [`Matcher`]. The tree supplies what a flat pattern matcher cannot: subjects inherited by
//! coordinated verbs, `xcomp` complements ("agreed to meet") and relative clauses;
//! passives; one event per conjunct of a coordinated subject or object; reported speech
//! (the embedded clause is coded on its own, "X said Y attacked Z" gives Y->Z, and the
//! saying verb gives no event when what was said did); negation ("did not", "refused
//! to"), marked or dropped per [`CoderConfig`], except negated cooperation, which is
//! CAMEO's rejection ("refused to release" 124); and future or intent ("will meet"),
//! which turns a cooperative code into its CAMEO 03x intent code when configured.
//!
//! Actors come from outside (the actor coder) as [`ActorRef`]s with byte spans; a role is
//! filled by the actor whose mention covers the head of the role's phrase, else the
//! nearest actor inside the phrase (`Gondor's foreign minister`, `the leader of Gondor`).
//! Mentions without a code are not actors here: an event needs someone to attribute.
//!
//! The coder is immutable once built and shares its dictionary, so one copy serves every
//! thread.

use dyad_core::{Document, Span};

use crate::clause_tree::{ClauseInfo, Tree};
use crate::codebook::{quad_class_of_root, Codebook};
use crate::discards::{Discard, Discards};
use crate::event::{ActorRef, Event, Location, PatternRef, Plover};
use crate::event_date::relative_day;
use crate::matcher::{Match, Matcher, Role};
use crate::verb_dictionary::VerbDictionary;
use dyad_core::calendar::Day;

/// What to do with an event stated as not happening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Negation {
    /// Keep it with `negated: true` (the default: the reader decides).
    Mark,
    /// Drop it, as PETRARCH's coding practice does.
    Drop,
}

/// How the coder decides what becomes an event.
#[derive(Clone, Debug)]
pub struct CoderConfig {
    /// Emit only events with both a source and a target (PETRARCH's `require_dyad`);
    /// otherwise a source suffices ("Washington opposes the pipeline").
    pub require_dyad: bool,
    /// Without `require_dyad`, still demand a source actor (on by default; off to measure
    /// event types alone, whoever the actors).
    pub require_source: bool,
    pub negation: Negation,
    /// Turn cooperative codes (04-08) of future or intended events into their 03x intent
    /// code ("will meet" -> 036).
    pub intent: bool,
    /// Drop events whose source and target have the same code.
    pub drop_self: bool,
    /// Texts to leave uncoded (sports, weather), PETRARCH's discard list.
    pub discards: Option<Discards>,
    /// Code event nouns with a possessor ("Blinken's visit to Brussels") as their verbs.
    pub noun_events: bool,
    /// Read "X said Y attacked Z" as PETRARCH2's transformations do, X accusing Y (112),
    /// instead of coding the reported event Y->Z (the default).
    pub speech_as_accusation: bool,
    /// Let an agent without a country ("officials", "insurgents") fill a role as a null
    /// actor, `---` and its sector (`---GOV`), as PETRARCH codes them; a coded actor in the
    /// same phrase still wins ("officials of Gondor" is `GONGOV`). Off by default.
    pub null_actors: bool,
}

impl Default for CoderConfig {
    fn default() -> CoderConfig {
        CoderConfig {
            require_dyad: false,
            require_source: true,
            negation: Negation::Mark,
            intent: true,
            drop_self: true,
            discards: None,
            noun_events: true,
            speech_as_accusation: false,
            null_actors: false,
        }
    }
}

/// The event coder: a verb dictionary, its matcher and the codebook.
pub struct Coder<'d> {
    matcher: Matcher<'d>,
    dict: &'d VerbDictionary,
    book: &'static Codebook,
    config: CoderConfig,
}

/// One coded role: the index of its actor among the sentence's mentions, and of an
/// uncoded agent mention heading the phrase ("*Soldiers* from Gondor") to compose with it.
#[derive(Clone, Copy, Debug)]
struct Filled {
    actor: usize,
    agent: Option<usize>,
    /// A composed actor whose sector this country shares ("the ambassadors of Arnor and
    /// *Gondor*": `GON` + `GOV`).
    sector_of: Option<usize>,
}

/// An agent mention without a country ("soldiers", "lawmakers"): its span and sector code.
struct Agent {
    span: Span,
    sector: String,
}

impl Coder<'static> {
    /// A coder with PETRARCH2's `CAMEO.2.0.txt` and the default configuration.
    pub fn cameo() -> Coder<'static> {
        Coder::new(VerbDictionary::cameo(), CoderConfig::default())
    }
}

impl<'d> Coder<'d> {
    pub fn new(dict: &'d VerbDictionary, config: CoderConfig) -> Coder<'d> {
        Coder {
            matcher: Matcher::new(dict),
            dict,
            book: Codebook::embedded(),
            config,
        }
    }

    pub fn config(&self) -> &CoderConfig {
        &self.config
    }

    /// Codes every sentence of `doc`. `actors` are the document's actor mentions (byte
    /// spans into `doc.text`), in any order. Events are numbered `e1`, `e2`... in order.
    pub fn code(&self, doc: &Document, actors: &[ActorRef]) -> Vec<Event> {
        let today = doc.doc.date.as_deref().and_then(Day::parse);
        let mut coded: Vec<&ActorRef> = actors.iter().filter(|a| a.code.is_some()).collect();
        coded.sort_by_key(|a| a.span.start);
        let agents: Vec<Agent> = actors
            .iter()
            .filter(|a| a.code.is_none())
            .filter_map(|a| {
                let sector = a.extra.get("sector")?.as_str()?;
                (sector.len() == 3).then(|| Agent {
                    span: a.span,
                    sector: sector.to_string(),
                })
            })
            .collect();
        // null actors stand after the coded ones, so a token both cover is the coded one's
        let nulls: Vec<ActorRef> = if self.config.null_actors {
            agents
                .iter()
                .map(|g| ActorRef {
                    mention: g.span.get(&doc.text).unwrap_or_default().to_string(),
                    span: g.span,
                    code: Some(format!("---{}", g.sector)),
                    extra: Default::default(),
                })
                .collect()
        } else {
            Vec::new()
        };
        coded.extend(nulls.iter());
        let mut out = Vec::new();
        if let Some(d) = &self.config.discards {
            if d.check(&doc.tokens) == Some(Discard::Story) {
                return out;
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let toks = doc.sentence_tokens(si);
            if toks.is_empty() {
                continue;
            }
            // a sentence repeated word for word (a pasted paragraph) is one report
            let text = s.span.get(&doc.text).unwrap_or_default();
            if seen.contains(&text) {
                continue;
            }
            seen.push(text);
            if let Some(d) = &self.config.discards {
                if d.check(toks).is_some() {
                    continue;
                }
            }
            let here: Vec<&ActorRef> = coded
                .iter()
                .copied()
                .filter(|a| s.span.contains(a.span))
                .collect();
            if here.is_empty() {
                continue;
            }
            let spans: Vec<Span> = agents.iter().map(|a| a.span).collect();
            let tree = Tree::new(toks, s.tokens[0], &here)
                .with_agents(&spans)
                .with_noun_events(self.config.noun_events)
                .with_following(self.matcher.is_sequential());
            self.code_sentence(doc, si, &tree, (&here, &agents), today, &mut out);
        }
        // an actor standing for several codes (`[FRO/BIL/SAM]`) acts as each of them
        let mut out = crate::joint_actors::expand(out, self.config.drop_self);
        for (i, e) in out.iter_mut().enumerate() {
            e.id = format!("e{}", i + 1);
        }
        out
    }

    fn code_sentence(
        &self,
        doc: &Document,
        si: usize,
        tree: &Tree,
        (actors, agents): (&[&ActorRef], &[Agent]),
        today: Option<Day>,
        out: &mut Vec<Event>,
    ) {
        let infos = tree.clauses();
        let mut matches: Vec<Option<Match<'d>>> = infos
            .iter()
            .map(|ci| self.matcher.code(&ci.clause))
            .collect();
        let mut forced: Vec<Option<(Vec<Filled>, Vec<Filled>)>> = vec![None; infos.len()];
        self.transform(tree, &infos, &mut matches, &mut forced);
        let mut intended = vec![false; infos.len()];
        // A verb whose complement (xcomp) coded an event defers to it unless its own
        // pattern was specific ("agreed to meet" is a meeting, "promised aid to" is not).
        for (i, ci) in infos.iter().enumerate() {
            if let Some(x) = ci.xcomp_clause {
                // object control ("asked Obama to help Iran", "urged Eriador to respond"):
                // the request is the event, what was asked for has not happened
                let object_control = ci.object.is_some()
                    && infos.get(x).is_some_and(|xi| xi.subject == ci.object)
                    && tree.actor_of_phrase(ci.object.unwrap_or(0)).is_some();
                if object_control && matches[i].is_some() && forced[x].is_none() {
                    matches[x] = None;
                    continue;
                }
                let lower_coded = matches.get(x).is_some_and(|m| m.is_some());
                let own_bare = matches[i].as_ref().is_some_and(|m| m.specificity == 0);
                if lower_coded && own_bare {
                    // a verb of intent (CAMEO 03: "wants to help", "seeks to deepen ties")
                    // makes what it governs an intention, whatever the configuration
                    if matches[i]
                        .as_ref()
                        .is_some_and(|m| m.code.starts_with("03"))
                    {
                        intended[x] = true;
                    }
                    matches[i] = None;
                }
            }
            // reported speech: a statement (01x) whose complement coded gives no event
            if ci.ccomp_clauses.iter().any(|&c| matches[c].is_some())
                && matches[i]
                    .as_ref()
                    .is_some_and(|m| m.code.starts_with("01"))
            {
                matches[i] = None;
            }
        }
        let coded: Vec<bool> = matches.iter().map(Option::is_some).collect();
        let sent_span = doc.sentences[si].span;
        let sent_text = sent_span.get(&doc.text).unwrap_or_default();
        for (((ci, m), forced), intended) in infos.iter().zip(matches).zip(forced).zip(intended) {
            let Some(m) = m else { continue };
            // an aim ("met Assad to discuss...") is an intent when intents are coded, else
            // not an event: PETRARCH codes what was done
            if ci.background || (ci.aim && !self.config.intent) {
                continue;
            }
            // ", killing eight people": the outcome of the incident the main verb reports
            if ci.trailing_participle && is_material(&m.code) {
                continue;
            }
            let future = ci.future || ci.aim;
            // a pattern that names the negation ("WILL NOT * ...") codes the negated event
            let mut negated = ci.negated && !m.pattern.is_some_and(|p| names_negation(&p.text));
            // CAMEO's rejections are negated cooperation: "would not provide support" (06)
            // is 121, "refused to release" (08) 124, as PETRARCH2's ontology derives them
            let rejection = if negated { rejection_of(&m.code) } else { None };
            negated &= rejection.is_none();
            if negated && self.config.negation == Negation::Drop {
                continue;
            }
            // a bare statement verb's addressee is who it was said to, with or alongside
            // ("announced to Gondor", "said alongside Belgium's Foreign Minister"), not the topic ("announced bans *on travel* to Canada")
            let target_role = match m.target {
                Some(Role::Oblique(i)) if m.code.starts_with("01") && m.pattern.is_none() => {
                    let addressee = ci.clause.obliques.get(i).is_some_and(|o| {
                        let p = o.prep.lemma();
                        ["to", "with", "alongside"]
                            .iter()
                            .any(|a| p.eq_ignore_ascii_case(a))
                    });
                    m.target.filter(|_| addressee)
                }
                t => t,
            };
            // a compound subject pattern without a target (`% HAVE *`: "Gondor and
            // Osgiliath have downplayed their meeting") is the members towards each other,
            // as `%` says; no target is sought deeper
            let compound_only = m.target.is_none()
                && m.pattern.is_some_and(|p| {
                    let at = p.verb_position().unwrap_or(0);
                    p.elements[..at].contains(&crate::pattern::Element::Compound)
                });
            let (sources, mut targets) = match forced {
                Some(st) => st,
                None => (
                    self.fill(tree, ci, m.source),
                    self.fill(tree, ci, target_role),
                ),
            };
            // "promised to work with the EU": a target-less verb takes its complement's
            if targets.is_empty() && !compound_only {
                if let Some(x) = ci.xcomp_clause.and_then(|x| infos.get(x)) {
                    targets = self.default_target(tree, x);
                }
            }
            // "signed an accord on Thursday *to supply Gondor*": a target-less act is aimed
            // at whom its purpose clause names (PETRARCH reads the target deeper in the verb
            // phrase); not an infinitive of the object ("attacked efforts to help Mordor"),
            // nor a statement, whose addressee is said outright
            if targets.is_empty() && !compound_only && !m.code.starts_with("01") {
                let purpose = |x: &&ClauseInfo| x.aim && tree.head(x.verb) == Some(ci.verb);
                if let Some(x) = infos.iter().find(purpose) {
                    targets = self.default_target(tree, x);
                }
            }
            // "Arnor believes Dagolath can cope": a verb with no target of its own whose
            // clausal complement coded nothing is about that clause's subject (PETRARCH
            // reads the target in the deeper phrase); not a plain statement (01), whose
            // complement says what was said, not to whom
            if targets.is_empty() && !compound_only && !m.code.starts_with("01") {
                for &c in &ci.ccomp_clauses {
                    // a clause before the verb is the report an attribution closes
                    // ("..., a senior official said"), not its complement
                    let after = infos.get(c).is_some_and(|x| x.verb > ci.verb);
                    let Some(x) = infos.get(c).filter(|_| !coded[c] && after) else {
                        continue;
                    };
                    let mut f = self.fill(tree, x, Some(Role::Subject));
                    if f.is_empty() {
                        f = self.default_target(tree, x);
                    }
                    if !f.is_empty() {
                        targets = f;
                        break;
                    }
                }
                if targets.is_empty() {
                    for s in tree.predicate_complement_subjects(ci.verb) {
                        targets = self.fill_head(tree, s);
                        if !targets.is_empty() {
                            break;
                        }
                    }
                }
            }
            // "cordoned off the roads leading into Mordor": an object that names no actor
            // may hold one deeper, in its modifiers or clauses
            if targets.is_empty() && !compound_only && !m.code.starts_with("01") {
                if let Some(t) = ci.object.and_then(|o| tree.deep_actor_token(o)) {
                    targets = self.fill_head(tree, t);
                }
            }
            let code = match rejection {
                Some(r) => r.to_string(),
                None => self.final_code(&m.code, future, intended),
            };
            let paired = m
                .paired
                .as_deref()
                .filter(|_| rejection.is_none())
                .map(|p| self.final_code(p, future, intended));
            let one = |s: Option<Filled>, t: Option<Filled>, code: &str| -> Option<Event> {
                let with_agent = |f: Filled| {
                    // a sector shared from a composed actor acts as an agent on the country
                    let shared = f.sector_of.and_then(|j| {
                        let sector = actors[j].extra.get("sector")?.as_str()?;
                        Some(Agent {
                            span: actors[f.actor].span,
                            sector: sector.to_string(),
                        })
                    });
                    let agent = f.agent.map(|g| &agents[g]);
                    compose(doc, actors[f.actor], agent.or(shared.as_ref()))
                };
                let sa = s.map(with_agent);
                let ta = t.map(with_agent);
                if let (Some(a), Some(b)) = (&sa, &ta) {
                    if a.span == b.span || (self.config.drop_self && a.code == b.code) {
                        return None;
                    }
                }
                let trigger = tree.token(ci.verb).span;
                let mut span = trigger;
                for a in sa.iter().chain(ta.iter()) {
                    let a: &ActorRef = a;
                    span = Span::new(span.start.min(a.span.start), span.end.max(a.span.end));
                }
                let mut e = self.event(code, si, sent_text, span, trigger);
                e.source = sa;
                e.target = ta;
                e.negated = negated;
                // the weekday is read in the tense of the clause: an aim ("China's decision
                // on Monday to retaliate") is dated by the decision, not as a future act
                let ahead = ci.future;
                e.date = today.and_then(|d| relative_day(tree.tokens(), d, ahead).map(Day::iso));
                e.location = ci.location.map(|(a, b)| {
                    let span = Span::new(tree.token(a).span.start, tree.token(b).span.end);
                    Location {
                        name: span.get(&doc.text).unwrap_or_default().to_string(),
                        span: Some(span),
                        ..Default::default()
                    }
                });
                e.pattern = Some(self.pattern_ref(&m));
                e.confidence = confidence(&m, ci, s.is_some() && t.is_some());
                Some(e)
            };
            let mut pairs: Vec<(Option<Filled>, Option<Filled>)> = Vec::new();
            if targets.is_empty() && sources.len() >= 2 && reciprocal(tree, ci, &m) {
                // a compound subject with no target: each member towards the others
                // ("Gondor and Osgiliath postponed their meeting")
                for s in &sources {
                    for t in &sources {
                        if s.actor != t.actor {
                            pairs.push((Some(*s), Some(*t)));
                        }
                    }
                }
            } else {
                let opt = |v: Vec<Filled>| -> Vec<Option<Filled>> {
                    if v.is_empty() {
                        vec![None]
                    } else {
                        v.into_iter().map(Some).collect()
                    }
                };
                let tgt = opt(targets);
                for s in opt(sources) {
                    for t in &tgt {
                        pairs.push((s, *t));
                    }
                }
            }
            for (s, t) in pairs {
                // a statement (CAMEO 01) says nothing to code without an addressee
                let needs_target = self.config.require_dyad || code.starts_with("01");
                let needs_source = self.config.require_dyad || self.config.require_source;
                if (needs_source && s.is_none()) || (needs_target && t.is_none()) {
                    continue;
                }
                if !code.is_empty() {
                    out.extend(one(s, t, &code));
                }
                if let (Some(p), Some(_), Some(_)) = (&paired, s, t) {
                    out.extend(one(t, s, p));
                }
            }
        }
    }

    /// Applies the dictionary's verb-on-verb transformations (`~ a (a b ATTACK) SAY = a b
    /// 015`): an upper verb (SAY) whose complement clause coded an event (ATTACK) becomes
    /// one event with the actors and code the rule gives. Variables: the upper source `a`;
    /// in the lower clause a letter binds an actor (the same letter as the upper source
    /// means the same actor), `.` is any, `_` is no subject of its own (a controlled
    /// complement: "wants to attack"); `Q` is the lower verb's code.
    fn transform(
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

    /// A clause's unmatched target: its object's actor, else the first oblique actor not
    /// introduced by `by`.
    fn default_target(&self, tree: &Tree, ci: &ClauseInfo) -> Vec<Filled> {
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
            if !by {
                let f = self.fill_head(tree, h);
                if !f.is_empty() {
                    return f;
                }
            }
        }
        Vec::new()
    }

    /// The actors filling a matched role: the role phrase's actor and its conjuncts'.
    fn fill(&self, tree: &Tree, ci: &ClauseInfo, role: Option<Role>) -> Vec<Filled> {
        let head = match role {
            Some(Role::Subject) => {
                // a parse may give a coordinated subject as several `nsubj`
                let mut out: Vec<Filled> = Vec::new();
                for &h in &ci.subjects {
                    for f in self.fill_head(tree, h) {
                        if !out.iter().any(|g| g.actor == f.actor) {
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

    fn fill_head(&self, tree: &Tree, head: usize) -> Vec<Filled> {
        let mut out: Vec<Filled> = Vec::new();
        // an uncoded agent on the head composes with the actor found inside the phrase
        let agent = tree
            .agent_at(head)
            .filter(|_| tree.coded_actor_at(head).is_none());
        let mut add = |actor: usize, sector_of: Option<usize>| {
            if !out.iter().any(|f| f.actor == actor) {
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

    /// The code to write: the matched one, or its intent form for future cooperation
    /// (when intents are coded) or cooperation a verb of intent governs (always).
    fn final_code(&self, code: &str, future: bool, intended: bool) -> String {
        if !(intended || (future && self.config.intent)) {
            return code.to_string();
        }
        let intent = match code.get(..2) {
            Some("04") => "036",
            Some("05") => "030",
            Some("06") => "031",
            Some("07") => "033",
            Some("08") => "035",
            _ => return code.to_string(),
        };
        intent.to_string()
    }

    /// An event with the codebook fields of `code`; codes outside CAMEO (the WEIS-era
    /// codes of PETRARCH's test dictionaries) keep their root and quad class, no Goldstein.
    fn event(&self, code: &str, si: usize, text: &str, span: Span, trigger: Span) -> Event {
        if let Ok(e) = Event::new("", si, text, span, trigger, code, self.book) {
            return e;
        }
        let root = code.get(..2).unwrap_or(code).to_string();
        Event {
            id: String::new(),
            sentence: si,
            text: text.to_string(),
            span,
            trigger,
            source: None,
            target: None,
            cameo: code.to_string(),
            quad_class: root.parse().ok().and_then(quad_class_of_root).unwrap_or(0),
            root,
            goldstein: 0.0,
            plover: None::<Plover>,
            negated: false,
            date: None,
            location: None,
            confidence: 1.0,
            pattern: None,
            tone: None,
        }
    }

    fn pattern_ref(&self, m: &Match<'_>) -> PatternRef {
        let block = &self.dict.blocks[m.verb.block];
        match m.pattern {
            Some(p) => PatternRef {
                dictionary: self.dict.file.clone(),
                line: p.line,
                block: block.name.clone(),
                text: p.text.clone(),
            },
            None => PatternRef {
                dictionary: self.dict.file.clone(),
                line: self.dict.verb(m.verb).line,
                block: block.name.clone(),
                text: String::new(),
            },
        }
    }
}

/// The actor as the event refers to it: with an agent ("Soldiers from Gondor"), the
/// country's code and the agent's sector (`GON` + `MIL`) over both mentions' span.
fn compose(doc: &Document, actor: &ActorRef, agent: Option<&Agent>) -> ActorRef {
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

/// True when a compound subject acts on its own members: the pattern says so (`%`), the
/// event is cooperation, intended or done (CAMEO 03-08: "Brazil and the US seek to deepen
/// a partnership", "Gondor and Osgiliath met"), or the object is theirs ("Gondor and
/// Osgiliath postponed their meeting").
fn reciprocal(tree: &Tree, ci: &ClauseInfo, m: &Match<'_>) -> bool {
    let compound = m.pattern.is_some_and(|p| {
        p.elements
            .iter()
            .any(|e| matches!(e, crate::pattern::Element::Compound))
    });
    let theirs = ci.clause.object.as_ref().is_some_and(|o| {
        o.words
            .iter()
            .any(|w| matches!(w.lemma().to_lowercase().as_str(), "their" | "both" | "each"))
    });
    let _ = tree;
    compound
        || theirs
        || matches!(
            m.code.get(..2),
            Some("03" | "04" | "05" | "06" | "07" | "08")
        )
}

/// The upper-case lemma of token `t`, as transformations name verbs.
fn lemma_key(tree: &Tree, t: usize) -> String {
    let tok = tree.token(t);
    tok.lemma.as_deref().unwrap_or(&tok.text).to_uppercase()
}

/// The rejection (CAMEO 12) a negated code stands for: a meeting (04) refused is 125,
/// material cooperation (06) refused is 121, yielding (08) refused is 124, with the subcodes PETRARCH2's ontology pairs
/// (061 -> 1211, 081 -> 1241, ...); other negated codes have none.
fn rejection_of(code: &str) -> Option<&'static str> {
    Some(match code {
        // refusing to meet or negotiate: "reject proposal to meet" (the meeting part of
        // PETRARCH2's 036/044/046)
        c if c.starts_with("04") => "125",
        "061" => "1211",
        "062" => "1212",
        c if c.starts_with("06") => "121",
        "081" => "1241",
        "082" | "0841" | "0842" => "1242",
        "085" => "1244",
        "086" => "1245",
        c if c.starts_with("087") => "1246",
        c if c.starts_with("08") => "124",
        _ => return None,
    })
}

/// True if a pattern's text holds a negation (`NOT`, `N'T`, `NEVER`, a `&NEGAT...` set).
fn names_negation(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == '_' || c == '&')
        .any(|w| matches!(w, "NOT" | "N'T" | "NEVER" | "NO") || w.starts_with("NEGAT"))
}

/// A plain estimate: a specific pattern is surer than a bare verb, an inherited subject
/// or a missing actor less sure.
fn confidence(m: &Match<'_>, ci: &ClauseInfo, dyad: bool) -> f32 {
    let mut c: f32 = if m.specificity > 0 { 0.9 } else { 0.75 };
    if ci.inherited_subject {
        c -= 0.1;
    }
    if !dyad {
        c -= 0.2;
    }
    if ci.negated || ci.future {
        c -= 0.05;
    }
    c.clamp(0.05, 1.0)
}

/// True for the codes of material cooperation and conflict (quad classes 2 and 4), false
/// for verbal acts (classes 1 and 3).
fn is_material(code: &str) -> bool {
    let root = code.get(..2).and_then(|r| r.parse().ok());
    matches!(root.and_then(quad_class_of_root), Some(2 | 4))
}
