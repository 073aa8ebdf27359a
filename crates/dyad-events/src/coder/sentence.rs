//! Coding one sentence: each verb's clause is matched, its roles filled, negation, intent
//! and reported speech applied, and one event written per source/target pair.
//!
//! The helpers that decide from a match alone (reciprocity, rejection codes, confidence)
//! sit here because only this step uses them.

use dyad_core::calendar::Day;
use dyad_core::{Document, Span};

use super::real_news;
use super::roles::filled_actor;
use super::{Agent, Coder, Filled, Negation};
use crate::clause_tree::{ClauseInfo, Tree};
use crate::codebook::quad_class_of_root;
use crate::event::{ActorRef, Event, Location};
use crate::matcher::{Match, Phrase, Role};

impl<'d> Coder<'d> {
    pub(super) fn code_sentence(
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
                    // a bare appeal takes the kind of what was asked for, as PETRARCH2's
                    // internal ontology adds the two codes ("asked Obama to help Iran":
                    // 020 + 070 is 023, an appeal for aid)
                    let asked = matches[x].as_ref().and_then(|m| appeal_for(&m.code));
                    if let (Some(m), Some(c)) = (matches[i].as_mut(), asked) {
                        if m.code == "020" {
                            m.code = c.to_string();
                        }
                    }
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
            // what is hoped or expected has not happened ("hopes Gondor will engage")
            if real_news::wish(tree, ci.verb) {
                for &c in &ci.ccomp_clauses {
                    let Some(x) = infos.get(c).filter(|x| x.verb > ci.verb) else {
                        continue;
                    };
                    matches[c] = None;
                    // and what is coordinated with it ("will come back *and will engage*")
                    for (j, y) in infos.iter().enumerate() {
                        if real_news::conjunct_of(tree, y.verb, x.verb) {
                            matches[j] = None;
                        }
                    }
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
        let verbs: Vec<usize> = infos.iter().map(|ci| ci.verb).collect();
        let sent_span = doc.sentences[si].span;
        let sent_text = sent_span.get(&doc.text).unwrap_or_default();
        for (((ci, m), forced), intended) in infos.iter().zip(matches).zip(forced).zip(intended) {
            let Some(m) = m else { continue };
            // an aim ("met Assad to discuss...") is an intent when intents are coded, else
            // not an event: PETRARCH codes what was done
            if ci.background || (ci.aim && !self.config.intent) {
                continue;
            }
            // ", killing eight people": the outcome of the incident the main verb reports;
            // a verbal one (", praising X") only when so configured
            if ci.trailing_participle && (is_material(&m.code) || !self.config.trailing_participles)
            {
                continue;
            }
            // a condition or a counterfactual ("if she had stayed", "we could have found
            // forgiveness") did not happen; an opinion ("I think ...") is no act
            if real_news::hypothetical(tree, ci.verb) || real_news::opinion(tree, ci.verb) {
                continue;
            }
            // naming is no call ("called the crisis the worst in the world")
            if m.pattern.is_none() && real_news::naming(tree, ci.verb) {
                continue;
            }
            // "two victims died": the subject of an undergoer verb suffered it, the
            // target; only a pattern naming the cause ("died in an airstrike") says who did
            // it
            let undergoer = real_news::undergoer(tree, ci.verb);
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
                // where someone died is no one who did it ("died from his injuries *at*
                // the hospital"), unless the phrase is the attack ("*in* an airstrike")
                // nor one a modifier names ("from his injuries *at the hospital*")
                Some(Role::Oblique(i)) if undergoer => {
                    let named = ci.clause.obliques.get(i).is_some_and(|o| {
                        let attack = attack_phrase(&o.phrase);
                        let own = ci
                            .obliques
                            .get(i)
                            .is_some_and(|&h| tree.actor_at(h).is_some());
                        attack || (own && !real_news::locative(o.prep.lemma()))
                    });
                    m.target.filter(|_| named)
                }
                // "served *as* President of India": a role the subject held, not
                // whom the act was aimed at
                Some(Role::Oblique(i))
                    if ci
                        .clause
                        .obliques
                        .get(i)
                        .is_some_and(|o| real_news::role_phrase(o.prep.lemma())) =>
                {
                    None
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
            // where no target is named, one is sought deeper in the clause; not for a
            // compound subject's pattern, nor for an undergoer, whose only other party is
            // the cause its pattern names
            let deeper = !compound_only && !undergoer;
            let (sources, mut targets) = match forced {
                Some(st) => st,
                None if undergoer && m.pattern.is_none() => {
                    (Vec::new(), self.fill(tree, ci, Some(Role::Subject)))
                }
                None => {
                    let mut sources = self.fill(tree, ci, m.source);
                    if sources.is_empty() && m.source.is_none() {
                        sources = self.place_source(tree, ci, target_role);
                    }
                    (sources, self.fill(tree, ci, target_role))
                }
            };
            // "promised to work with the EU": a target-less verb takes its complement's
            if targets.is_empty() && deeper {
                if let Some(x) = ci.xcomp_clause.and_then(|x| infos.get(x)) {
                    targets = self.default_target(tree, x);
                }
            }
            // "signed an accord on Thursday *to supply Gondor*": a target-less act is aimed
            // at whom its purpose clause names (PETRARCH reads the target deeper in the verb
            // phrase); not an infinitive of the object ("attacked efforts to help Mordor"),
            // nor a statement, whose addressee is said outright
            if targets.is_empty() && deeper && !m.code.starts_with("01") {
                let purpose = |x: &&ClauseInfo| x.aim && tree.head(x.verb) == Some(ci.verb);
                if let Some(x) = infos.iter().find(purpose) {
                    targets = self.default_target(tree, x);
                }
            }
            // "Arnor believes Dagolath can cope": a verb with no target of its own whose
            // clausal complement coded nothing is about that clause's subject (PETRARCH
            // reads the target in the deeper phrase); not a plain statement (01), whose
            // complement says what was said, not to whom
            if targets.is_empty() && deeper && !m.code.starts_with("01") {
                for &c in &ci.ccomp_clauses {
                    // a clause before the verb is the report an attribution closes
                    // ("..., a senior official said"), not its complement
                    let after = infos.get(c).is_some_and(|x| x.verb > ci.verb);
                    let Some(x) = infos.get(c).filter(|_| !coded[c] && after) else {
                        continue;
                    };
                    // the clause's first actor in text order, as PETRARCH reads the deeper
                    // phrase: a passive read as its active ("that Osgiliath could be drawn
                    // in by its resumption of ties with Gondor") names its surface subject
                    // first
                    let surface_first = x.object.zip(x.subject).is_some_and(|(o, s)| o < s);
                    let mut f = if surface_first {
                        self.fill(tree, x, Some(Role::Object))
                    } else {
                        Vec::new()
                    };
                    if f.is_empty() {
                        f = self.fill(tree, x, Some(Role::Subject));
                        // "Frodo said *he* has deep satisfaction toward Gondor": a subject
                        // standing for the source itself is not whom the clause is about;
                        // the clause's next actor is
                        f.retain(|t| !sources.iter().any(|s| s.actor == t.actor));
                    }
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
            if targets.is_empty() && deeper && !m.code.starts_with("01") {
                let deep = ci.object.and_then(|o| {
                    tree.deep_actor_token(o).or_else(|| {
                        let g = tree.object_gerund(ci.verb, o)?;
                        tree.deep_actor_token(g)
                    })
                });
                if let Some(t) = deep {
                    targets = self.fill_head(tree, t);
                }
            }
            let code = match rejection {
                Some(r) => r.to_string(),
                None => self.final_code(&m.code, future, intended),
            };
            // an intention is its subject's alone: "plans to visit Gondor" says nothing
            // of Gondor's plans to host
            let intent = rejection.is_none() && code != m.code;
            let paired = m
                .paired
                .as_deref()
                .filter(|_| rejection.is_none() && !intent)
                .map(|p| self.final_code(p, future, intended));
            let one = |s: Option<Filled>, t: Option<Filled>, code: &str| -> Option<Event> {
                let with_agent = |f: Filled| filled_actor(doc, actors, agents, f);
                let sa = s.map(with_agent);
                let ta = t.map(with_agent);
                if let (Some(a), Some(b)) = (&sa, &ta) {
                    if a.span == b.span || (self.config.drop_self && a.code == b.code) {
                        return None;
                    }
                }
                // a statement to the press ("told reporters", "speaking to NBC News") is
                // said through it, to no one in particular: no dyad; nor is an interview
                // ("spoke with Wikinews", "Wikinews contacted Lusk", "provided Wikinews
                // with an image"): statements, consultations and help between an outlet
                // and the people it reports on are the reporting, not an event of it
                if real_news::press_work(code, sa.as_ref(), ta.as_ref()) {
                    return None;
                }
                let trigger = noun_trigger(tree, ci, &m).unwrap_or(tree.token(ci.verb).span);
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
                e.date = today
                    .and_then(|d| real_news::event_day(tree, &verbs, ci.verb, d, ahead))
                    .map(Day::iso);
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
            // members of a passive's agent list act on its subject, not on each other ("a
            // coalition which was joined by Arnor, Gondor and Rohan")
            let mutual = targets.is_empty()
                && sources.len() >= 2
                && reciprocal(tree, ci, &m)
                && (compound_only || !real_news::passive_voice(tree, ci.verb));
            if mutual {
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
                // members towards each other already go both ways ("Gondor and Osgiliath
                // renewed ties", `[064:064]`)
                if let (Some(p), Some(_), Some(_)) = (&paired, s, t) {
                    if !(mutual && *p == code) {
                        out.extend(one(t, s, p));
                    }
                }
            }
        }
    }
}

/// The CAMEO appeal for the cooperation `code` belongs to: diplomatic (05) 022, material
/// (06) 021, aid (07) 023, yielding (08) 025 (PETRARCH2's ontology: appeal `0x2000` plus
/// the cooperation's own bits). Meeting (04) is a verb of its own there and adds nothing.
fn appeal_for(code: &str) -> Option<&'static str> {
    match code.get(..2)? {
        "05" => Some("022"),
        "06" => Some("021"),
        "07" => Some("023"),
        "08" => Some("025"),
        _ => None,
    }
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

/// True when a phrase's head is an attack ("in an Israeli *airstrike*"), whose actor did
/// what happened in it.
fn attack_phrase(p: &Phrase) -> bool {
    p.words
        .get(p.head)
        .is_some_and(crate::matcher::is_attack_noun)
}

/// The trigger of a verb whose pattern names its object noun ("began a military
/// offensive", `* OFFENSIVE`; "increased cooperation", `* COOPERATION`): the words from the
/// verb through that noun, which carries the event as much as the verb does (annotators
/// mark the noun). The object must follow the verb closely (at most three words between,
/// none of them an actor's).
fn noun_trigger(tree: &Tree, ci: &ClauseInfo, m: &Match) -> Option<Span> {
    let pattern = m.pattern?;
    let o = ci.object.filter(|&o| o > ci.verb && o - ci.verb <= 4)?;
    // "won European Union support": a trigger holds no actor
    if (ci.verb + 1..=o).any(|k| tree.actor_at(k).is_some()) {
        return None;
    }
    let noun = tree.token(o);
    let word = noun.text.to_uppercase();
    let lemma = noun.lemma.as_deref().map(str::to_uppercase);
    let after = pattern.text.split_once('*')?.1;
    let named = after
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.len() >= 3)
        .any(|w| w == word || lemma.as_deref() == Some(w));
    named.then(|| Span::new(tree.token(ci.verb).span.start, noun.span.end))
}
