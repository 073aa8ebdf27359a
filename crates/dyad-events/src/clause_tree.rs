//! One sentence's dependency tree, read for event coding: clauses with their roles.
//!
//! [`Tree`] turns a sentence's tokens (heads indexing the document's token list) into
//! sentence-local heads and child lists, and marks which tokens the actor mentions cover.
//! [`Tree::clauses`] then builds one matcher [`Clause`] per verb with what the plain
//! [`crate::clause_builder`] leaves out:
//!
//! - a verb without a subject inherits one: a coordinated verb (`conj`) or an adverbial
//!   clause from its head verb, a complement (`xcomp`) from the controlling verb's object
//!   or subject, a relative clause from the noun it modifies;
//! - phrases are actors when an actor mention sits on their head or inside them;
//! - an indirect object counts as a `to` oblique (the recipient), prepositional modifiers of
//!   the object count as obliques of the verb ("accused Gondor of war crimes");
//! - negation (`not`, `never`, a governing "refuse"/"fail"), future or intent (`will`,
//!   a governing "plan"/"intend"), and a place (`in`/`at` + proper noun) are noted;
//! - what is not an event is marked: time and reason clauses ("before leaving", "jailed
//!   for helping") as background, trailing participles of material acts (", killing
//!   eight") as the main incident's outcome, purpose infinitives ("met Assad to discuss") as aims;
//! - an agent adjective alone ("military exercises") is no actor, whatever country the
//!   actor resolver guessed for it.
//!
//! UD v2 relation names are read, with the v1 names (`dobj`, `nsubjpass`, `nmod`) too.

mod kinds;

use dyad_core::Token;

use crate::event::ActorRef;
use crate::matcher::{Clause, Oblique, Phrase, SurfaceToken, Word};

/// A verb's clause and where its roles are in the sentence (sentence-local indices).
#[derive(Clone, Debug, Default)]
pub struct ClauseInfo {
    pub verb: usize,
    pub clause: Clause,
    pub subject: Option<usize>,
    /// Every subject head: `subject` and further `nsubj` of the verb (a coordination the
    /// parser split), or the inherited one.
    pub subjects: Vec<usize>,
    pub object: Option<usize>,
    /// Head tokens of `clause.obliques`, in the same order.
    pub obliques: Vec<usize>,
    pub inherited_subject: bool,
    /// A subjectless gerund under a time subordinator ("*before leaving* for Beijing",
    /// "after leaving Eriador"): the background of the main event, not coded.
    pub background: bool,
    /// A participle after a comma (", killing eight people", ", praising EU officials"):
    /// of the main clause's subject; a material act there (CAMEO quad classes 2 and 4) is
    /// the main incident's outcome or manner and not coded again, a verbal act (classes 1
    /// and 3: praising, accusing, urging) is an event of its own.
    pub trailing_participle: bool,
    /// A purpose or aim infinitive ("met Assad *to discuss* efforts", "pressure *to help*
    /// Iran"): what someone means to do, not what was done; coded as intent or not at all.
    pub aim: bool,
    /// The subject comes from a governing clause because this one has none of its own
    /// (a complement "wants to attack", a coordinated verb), not from a pronoun.
    pub controlled: bool,
    pub negated: bool,
    pub future: bool,
    /// Index (in the clause list) of the verb's `xcomp` complement's clause.
    pub xcomp_clause: Option<usize>,
    /// Indexes of clausal complements (`ccomp`: what was said).
    pub ccomp_clauses: Vec<usize>,
    /// First and last token of a place named with `in`/`at`.
    pub location: Option<(usize, usize)>,
}

/// A sentence's tree and the actor mentions on it.
pub struct Tree<'a> {
    toks: &'a [Token],
    heads: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    /// The actor (index into the caller's list) whose mention covers each token.
    actor: Vec<Option<usize>>,
    /// The uncoded agent mention (index into the caller's list) covering each token.
    agent: Vec<Option<usize>>,
    /// Per actor: a null actor (`---GOV`, an agent without a country), which yields to a
    /// coded actor found in the same phrase ("*officials* of Gondor").
    null: Vec<bool>,
    /// Per actor: a composed actor with a sector ("ambassadors of Arnor", `ARNGOV`), and a
    /// bare country (`GON`), which may share the first's sector when coordinated in it.
    sectored: Vec<bool>,
    country: Vec<bool>,
    /// Also read event nouns ("his visit to Brussels") as clauses.
    noun_events: bool,
    /// Fill each clause's words after the verb (for a dictionary read in sequence).
    following: bool,
}

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

const NEGATORS: &[&str] = &["not", "n't", "never", "no"];
const NEG_VERBS: &[&str] = &["refuse", "decline", "fail", "reject", "deny"];
/// Verbs whose infinitive complement a parser may attach as `advcl` ("wants Putin to
/// attack"): read as `xcomp`.
const CONTROL_VERBS: &[&str] = &[
    "want",
    "ask",
    "urge",
    "order",
    "tell",
    "force",
    "allow",
    "persuade",
    "call",
    "invite",
    "encourage",
    "press",
    "pressure",
    "agree",
    "plan",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "refuse",
    "decide",
    "try",
    "seek",
    "intend",
];
const INTENT_VERBS: &[&str] = &[
    "plan", "intend", "want", "seek", "hope", "expect", "aim", "agree", "offer", "pledge",
    "promise", "vow", "ready", "willing", "prepared", "commit", "decide",
];

fn rel(t: &Token) -> &str {
    t.deprel.as_deref().unwrap_or("")
}

fn base_rel(t: &Token) -> &str {
    rel(t).split(':').next().unwrap_or("")
}

fn lemma(t: &Token) -> String {
    t.lemma.as_deref().unwrap_or(&t.text).to_lowercase()
}

fn word(t: &Token) -> Word {
    Word::new(&t.text, t.lemma.as_deref().unwrap_or(&t.text))
}

impl<'a> Tree<'a> {
    /// `toks` is one sentence whose heads index the document's tokens; `base` is the
    /// document index of its first token. Heads outside the sentence are treated as roots.
    pub fn new(toks: &'a [Token], base: usize, actors: &[&ActorRef]) -> Tree<'a> {
        let n = toks.len();
        let heads: Vec<Option<usize>> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.head
                    .and_then(|h| h.checked_sub(base))
                    .filter(|&h| h < n && h != i)
            })
            .collect();
        let mut children = vec![Vec::new(); n];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = h {
                children[*h].push(i);
            }
        }
        let mut actor = vec![None; n];
        for (ai, a) in actors.iter().enumerate() {
            for (ti, t) in toks.iter().enumerate() {
                if actor[ti].is_none() && a.span.contains(t.span) {
                    actor[ti] = Some(ai);
                }
            }
        }
        // an agent adjective alone ("*military* exercises", "*militant* group"), its
        // country guessed from context, describes a thing, not who acts: not an actor
        for (ai, a) in actors.iter().enumerate() {
            let mut covered = (0..n).filter(|&t| actor[t] == Some(ai));
            let (Some(t), None) = (covered.next(), covered.next()) else {
                continue;
            };
            let adjective = toks[t].upos.as_deref() == Some("ADJ") && base_rel(&toks[t]) == "amod";
            let head_is_actor = heads[t].is_some_and(|h| actor[h].is_some());
            if adjective && a.extra.contains_key("sector") && !head_is_actor {
                actor[t] = None;
            }
        }
        let agent = vec![None; n];
        let null = actors
            .iter()
            .map(|a| a.code.as_deref().is_some_and(|c| c.starts_with("---")))
            .collect();
        let sectored = actors
            .iter()
            .map(|a| {
                a.extra.contains_key("sector") && a.code.as_deref().is_some_and(|c| c.len() > 3)
            })
            .collect();
        let country = actors
            .iter()
            .map(|a| {
                !a.extra.contains_key("sector") && a.code.as_deref().is_some_and(|c| c.len() == 3)
            })
            .collect();
        Tree {
            toks,
            heads,
            children,
            actor,
            agent,
            null,
            sectored,
            country,
            noun_events: false,
            following: false,
        }
    }

    /// Fills [`Clause::following`] (the words after each verb in its subtree), which only
    /// a dictionary read in sequence uses.
    pub fn with_following(mut self, yes: bool) -> Tree<'a> {
        self.following = yes;
        self
    }

    /// Reads event nouns as clauses too (see [`EVENT_NOUNS`]).
    pub fn with_noun_events(mut self, yes: bool) -> Tree<'a> {
        self.noun_events = yes;
        self
    }

    /// One clause per event noun with a possessor: "his three-day visit to Brussels". A
    /// pronoun possessor stands for the main clause's subject.
    fn noun_clauses(&self, infos: &mut Vec<ClauseInfo>, verbs: &[usize]) {
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

    /// Marks the tokens that agent mentions without a country cover (`spans`, indexed as
    /// the caller keeps them).
    pub fn with_agents(mut self, spans: &[dyad_core::Span]) -> Tree<'a> {
        for (gi, sp) in spans.iter().enumerate() {
            for (ti, t) in self.toks.iter().enumerate() {
                if self.agent[ti].is_none() && sp.contains(t.span) {
                    self.agent[ti] = Some(gi);
                }
            }
        }
        self
    }

    /// The agent mention covering token `t`.
    pub fn agent_at(&self, t: usize) -> Option<usize> {
        self.agent.get(t).copied().flatten()
    }

    pub fn tokens(&self) -> &[Token] {
        self.toks
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.toks[i]
    }

    fn kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().copied()
    }

    fn child_with(&self, i: usize, f: impl Fn(&str, &str) -> bool) -> Option<usize> {
        self.kids(i)
            .find(|&k| f(rel(&self.toks[k]), base_rel(&self.toks[k])))
    }

    /// `head` and the heads coordinated with it (`Arnor and Gondor`), in text order.
    pub fn conjuncts(&self, head: usize) -> Vec<usize> {
        let mut out = vec![head];
        let mut i = 0;
        while i < out.len() && out.len() < 16 {
            let h = out[i];
            for k in self.kids(h) {
                if base_rel(&self.toks[k]) == "conj" && !is_verb(&self.toks[k]) {
                    out.push(k);
                }
            }
            i += 1;
        }
        out.sort_unstable();
        out
    }

    /// Countries coordinated with the one inside a composed actor: "the ambassadors of
    /// Arnor, *Osgiliath* and *Gondor*" (one mention `ARNGOV`), "lawmakers in Fornost and
    /// *Gondor*" (`FORLEG` on `lawmakers`): each is an actor of the same sector. `t` is the
    /// composed actor's token; returns actor indexes.
    pub fn sector_sharers(&self, t: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let Some(a) = self.actor_at(t).filter(|&a| self.sectored[a]) else {
            return out;
        };
        // the countries of the mention (its own tokens) and of the head's nominal modifiers
        let inside = (0..self.toks.len()).filter(|&k| self.actor[k] == Some(a));
        let modifiers = self.kids(t).filter(|&k| base_rel(&self.toks[k]) == "nmod");
        for k in inside.chain(modifiers) {
            for j in self.kids(k) {
                if base_rel(&self.toks[j]) != "conj" || is_verb(&self.toks[j]) {
                    continue;
                }
                if let Some(b) = self
                    .coded_actor_at(j)
                    .filter(|&b| b != a && self.country[b])
                {
                    if !out.contains(&b) {
                        out.push(b);
                    }
                }
            }
        }
        out
    }

    /// Token `t` is coordinated under token `h` ("attacked Iraq and *taken* Mosul").
    pub fn is_conjunct_of(&self, t: usize, h: usize) -> bool {
        self.heads.get(t) == Some(&Some(h)) && base_rel(&self.toks[t]) == "conj"
    }

    /// The actor of the phrase headed by `head`: the mention on the head, else the nearest
    /// one among its nominal modifiers (breadth first; not into clauses or conjuncts).
    pub fn actor_of_phrase(&self, head: usize) -> Option<usize> {
        self.actor_token(head).and_then(|t| self.actor[t])
    }

    /// The actor of token `t`'s mention, if a mention covers it.
    pub fn actor_at(&self, t: usize) -> Option<usize> {
        self.actor.get(t).copied().flatten()
    }

    /// The actor of token `t`'s mention when it is not a null actor.
    pub fn coded_actor_at(&self, t: usize) -> Option<usize> {
        self.actor_at(t).filter(|&a| !self.null[a])
    }

    /// The token of the phrase's actor (see [`Tree::actor_of_phrase`]): a coded actor
    /// first, else a null actor (`---GOV`) in the phrase.
    pub fn actor_token(&self, head: usize) -> Option<usize> {
        let mut queue = vec![head];
        let mut null = None;
        let mut i = 0;
        while i < queue.len() && i < 64 {
            let n = queue[i];
            match self.actor[n] {
                Some(a) if !self.null[a] => return Some(n),
                Some(_) => {
                    null.get_or_insert(n);
                }
                None => {}
            }
            for k in self.kids(n) {
                let r = base_rel(&self.toks[k]);
                if matches!(
                    r,
                    "compound" | "amod" | "nmod" | "flat" | "appos" | "name" | "obl"
                ) {
                    queue.push(k);
                }
            }
            i += 1;
        }
        null
    }

    /// The first coded actor anywhere under `head`, breadth first, its clauses included
    /// ("the roads leading into *Mordor*"): PETRARCH's reading of a target in a deeper
    /// phrase of the object.
    pub fn deep_actor_token(&self, head: usize) -> Option<usize> {
        let mut queue = vec![head];
        let mut i = 0;
        while i < queue.len() && i < 64 {
            let n = queue[i];
            if self.coded_actor_at(n).is_some() {
                return Some(n);
            }
            // not into coordinated words or clauses, nor into an infinitive (an aim:
            // "efforts to counter militants"): their actors are not the object's
            queue.extend(self.kids(n).filter(|&k| {
                !matches!(base_rel(&self.toks[k]), "conj" | "parataxis" | "punct")
                    && (base_rel(&self.toks[k]) != "acl" || !self.infinitival(k))
            }));
            i += 1;
        }
        None
    }

    /// The matcher phrase headed by `head` (its nominal subtree), without token `skip`.
    fn phrase(&self, head: usize, skip: Option<usize>) -> Phrase {
        let mut idx = vec![head];
        let mut stack = vec![head];
        while let Some(n) = stack.pop() {
            for k in self.kids(n) {
                let t = &self.toks[k];
                let keep = matches!(
                    base_rel(t),
                    "compound"
                        | "amod"
                        | "det"
                        | "nummod"
                        | "flat"
                        | "name"
                        | "nmod"
                        | "case"
                        | "conj"
                        | "cc"
                        | "fixed"
                );
                if keep && Some(k) != skip && idx.len() < 64 {
                    idx.push(k);
                    stack.push(k);
                }
            }
        }
        idx.sort_unstable();
        let head_pos = idx.iter().position(|&i| i == head).unwrap_or(0);
        let is_actor = self
            .conjuncts(head)
            .into_iter()
            .any(|c| self.actor_of_phrase(c).is_some());
        Phrase {
            words: idx.iter().map(|&i| word(&self.toks[i])).collect(),
            head: head_pos,
            is_actor,
            token: Some(head),
        }
    }

    fn oblique(&self, d: usize) -> Option<Oblique> {
        let case = self.child_with(d, |_, b| b == "case")?;
        // multiword prepositions ("because of", "on behalf of") keep their last word
        Some(Oblique {
            prep: word(&self.toks[case]),
            phrase: self.phrase(d, Some(case)),
        })
    }

    /// The head of an actor noun phrase standing between a comma and verb `v`, directly
    /// before it (", a senior Bree official said"), when the verb's parsed subject `subject`
    /// lies before that comma or is missing: the parser attached the phrase elsewhere.
    fn attribution_subject(&self, v: usize, subject: Option<usize>) -> Option<usize> {
        let h = v.checked_sub(1)?;
        if !matches!(self.toks[h].upos.as_deref(), Some("NOUN" | "PROPN")) {
            return None;
        }
        // the phrase runs back to a comma, six words at most, nouns and modifiers only
        let mut k = h;
        let comma = loop {
            k = k.checked_sub(1)?;
            let t = &self.toks[k];
            if t.text == "," {
                break k;
            }
            let modifier = matches!(
                t.upos.as_deref(),
                Some("NOUN" | "PROPN" | "ADJ" | "DET" | "ADV" | "NUM")
            );
            if !modifier || h - k > 6 {
                return None;
            }
        };
        let before = subject.is_none_or(|s| s < comma);
        let attached_elsewhere = self.heads[h] != Some(v);
        (before && attached_elsewhere && self.actor_token(h).is_some()).then_some(h)
    }

    /// The verb's own subject, object and obliques.
    fn own_roles(&self, v: usize, c: &mut Clause, ci: &mut ClauseInfo) {
        for d in self.kids(v) {
            let t = &self.toks[d];
            match (rel(t), base_rel(t)) {
                ("nsubj:pass" | "nsubjpass" | "csubj:pass", _) => {
                    c.passive = true;
                    c.subject = Some(self.phrase(d, None));
                    ci.subject = Some(d);
                    ci.subjects.push(d);
                }
                (_, "nsubj") => {
                    // of several subjects the parser split ("Old foes Gondor and
                    // Osgiliath"), the matcher reads the first that names an actor
                    let actor_first = ci.subject.is_some()
                        && !c.subject.as_ref().is_some_and(|p| p.is_actor)
                        && self.actor_token(d).is_some();
                    if ci.subject.is_none() || actor_first {
                        c.subject = Some(self.phrase(d, None));
                        ci.subject = Some(d);
                    }
                    ci.subjects.push(d);
                }
                ("obj" | "dobj", _) => {
                    c.object = Some(self.phrase(d, None));
                    ci.object = Some(d);
                }
                ("aux:pass" | "auxpass", _) => {
                    c.passive = true;
                    c.pre_verb.push(word(t));
                }
                ("compound:prt", _) => c.particle = Some(word(t)),
                (_, "aux") => {
                    if matches!(lemma(t).as_str(), "will" | "shall" | "'ll") {
                        ci.future = true;
                    }
                    c.pre_verb.push(word(t));
                }
                (_, "advmod" | "neg") => {
                    if NEGATORS.contains(&lemma(t).as_str()) {
                        ci.negated = true;
                    }
                    // an adverb's own modifiers before it ("most certainly") are words
                    // before the verb too, as a pattern reads them
                    let pre: Vec<Word> = self
                        .kids(d)
                        .filter(|&k| k < d && base_rel(&self.toks[k]) == "advmod")
                        .map(|k| word(&self.toks[k]))
                        .collect();
                    c.pre_verb.extend(pre);
                    c.pre_verb.push(word(t));
                    // and adverbs coordinated with it ("heavily and unjustly")
                    let coordinated: Vec<Word> = self
                        .kids(d)
                        .filter(|&k| base_rel(&self.toks[k]) == "conj")
                        .filter(|&k| self.toks[k].upos.as_deref() == Some("ADV"))
                        .map(|k| word(&self.toks[k]))
                        .collect();
                    c.pre_verb.extend(coordinated);
                }
                (_, "iobj") => {
                    c.obliques.push(Oblique {
                        prep: Word::new("to", "to"),
                        phrase: self.phrase(d, None),
                    });
                    ci.obliques.push(d);
                }
                ("obl:unmarked" | "obl:npmod", _)
                    if ci.object.is_none()
                        && d > v
                        && self.child_with(d, |_, b| b == "case").is_none() =>
                {
                    // a bare noun phrase after the verb is its object ("address EU leaders")
                    c.object = Some(self.phrase(d, None));
                    ci.object = Some(d);
                }
                (_, "obl" | "nmod")
                    if c.particle.is_none()
                        && ci.object.is_none()
                        && self.particle_as_case(v, d).is_some() =>
                {
                    // "cordoned off the roads" parsed with `off` as the case of `roads`:
                    // the verb's particle and its object
                    let k = self.particle_as_case(v, d).unwrap_or(d);
                    c.particle = Some(word(&self.toks[k]));
                    c.object = Some(self.phrase(d, Some(k)));
                    ci.object = Some(d);
                }
                (_, "obl" | "nmod") => {
                    if let Some(o) = self.oblique(d) {
                        let p = o.prep.lemma().to_lowercase();
                        if ci.location.is_none()
                            && matches!(p.as_str(), "in" | "at")
                            && self.toks[d].upos.as_deref() == Some("PROPN")
                        {
                            let span = self.flat_span(d);
                            ci.location = Some(span);
                        }
                        c.obliques.push(o);
                        ci.obliques.push(d);
                    }
                }
                _ => {}
            }
        }
        // UD gives `iobj` only beside an `obj`: a lone one is the object, a misparse of
        // "asked *Obama* to help Iran"
        if ci.object.is_none() {
            if let Some(k) = ci
                .obliques
                .iter()
                .position(|&d| base_rel(&self.toks[d]) == "iobj")
            {
                c.object = Some(c.obliques.remove(k).phrase);
                ci.object = Some(ci.obliques.remove(k));
            }
        }
        // ", a senior Bree official said": a closing attribution whose noun phrase the
        // parser hung elsewhere (an apposition of "embassy") while giving the verb a subject
        // before the comma; the actor right before the verb is its subject
        if let Some(h) = self.attribution_subject(v, ci.subject) {
            c.subject = Some(self.phrase(h, None));
            ci.subject = Some(h);
            ci.subjects = vec![h];
        }
        // a passive with its agent reads as the active clause: "Evidence against Russia was
        // presented by the US" matches `* EVIDENCE (AGAINST +)` as "the US presented..."
        if c.passive && c.object.is_none() && c.subject.is_some() {
            let by = c
                .obliques
                .iter()
                .position(|o| o.prep.lemma().eq_ignore_ascii_case("by"));
            if let Some(bi) = by {
                let agent = c.obliques.remove(bi);
                let agent_head = ci.obliques.remove(bi);
                c.object = c.subject.take();
                ci.object = ci.subject.take();
                c.subject = Some(agent.phrase);
                ci.subject = Some(agent_head);
                ci.subjects = vec![agent_head];
                c.passive = false;
            }
        }
        // the object's prepositional modifiers: "accused Gondor of war crimes"
        if let Some(o) = ci.object {
            for d in self.kids(o) {
                if base_rel(&self.toks[d]) == "nmod" && rel(&self.toks[d]) != "nmod:poss" {
                    if let Some(ob) = self.oblique(d) {
                        c.obliques.push(ob);
                        ci.obliques.push(d);
                    }
                }
            }
        }
    }

    /// First and last token of a name (the head with its `flat`/`compound` parts).
    fn flat_span(&self, h: usize) -> (usize, usize) {
        let (mut a, mut b) = (h, h);
        for k in self.kids(h) {
            if matches!(base_rel(&self.toks[k]), "flat" | "compound") {
                a = a.min(k);
                b = b.max(k);
            }
        }
        (a, b)
    }

    /// Clauses of every verb of the sentence, in token order.
    pub fn clauses(&self) -> Vec<ClauseInfo> {
        let verbs: Vec<usize> = (0..self.toks.len())
            .filter(|&i| is_verb(&self.toks[i]))
            .collect();
        let mut infos: Vec<ClauseInfo> = verbs.iter().map(|&v| self.clause_of(v)).collect();
        let pos = |t: usize| verbs.iter().position(|&v| v == t);
        // links between clauses, then inheritance from the governing verb, top down
        for info in infos.iter_mut() {
            for k in self.kids(info.verb) {
                match self.complement_rel(k).as_str() {
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
        let order = self.top_down(&verbs);
        for i in order {
            let v = infos[i].verb;
            let Some(h) = self.heads[v] else { continue };
            let r = rel(&self.toks[v]).to_string();
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
            if matches!(b.as_str(), "ccomp" | "xcomp") {
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
                }
            }
            let pronoun_subject = infos[i]
                .subject
                .is_some_and(|s| self.toks[s].upos.as_deref() == Some("PRON"));
            if pronoun_subject && matches!(b.as_str(), "ccomp" | "xcomp" | "advcl" | "conj") {
                if let Some(g) = gov.as_ref().filter(|g| g.subject.is_some()) {
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
            match (b.as_str(), &gov) {
                ("conj" | "advcl", Some(g)) if infos[i].subject.is_none() => {
                    self.inherit_subject(&mut infos[i], g.subject, g.clause.subject.clone());
                    if b == "conj" {
                        infos[i].negated |= g.negated && !self.has_own_aux(v);
                        infos[i].future |= g.future && !self.has_own_aux(v);
                    }
                }
                ("xcomp", Some(g)) => {
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
                    let gl = lemma(&self.toks[g.verb]);
                    // the complement of background or of an aim is so too (", seeking to
                    // mend ties")
                    infos[i].background |= g.background;
                    infos[i].trailing_participle |= g.trailing_participle;
                    infos[i].aim |= g.aim;
                    infos[i].negated |= g.negated || NEG_VERBS.contains(&gl.as_str());
                    infos[i].future |= g.future || INTENT_VERBS.contains(&gl.as_str());
                }
                ("acl", _) if r == "acl:relcl" || self.finite(v) => {
                    let own_is_pronoun = infos[i]
                        .subject
                        .is_some_and(|s| self.toks[s].upos.as_deref() == Some("PRON"));
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

    /// A non-verbal predicate ("Arnor is about to restore") as a governing clause: its
    /// subject and object, for complements to inherit.
    fn predicate(&self, h: usize) -> Option<ClauseInfo> {
        let t = &self.toks[h];
        if is_verb(t) {
            return None;
        }
        Some(self.clause_of(h))
    }

    /// The clause headed by token `v` with the roles of its own dependents.
    fn clause_of(&self, v: usize) -> ClauseInfo {
        let mut c = Clause {
            verb: word(&self.toks[v]),
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
    fn fill_following(&self, v: usize, c: &mut Clause) {
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
            })
            .collect();
    }

    /// The base relation of `v` to its head, an infinitival `advcl` under a control verb
    /// read as `xcomp`.
    fn complement_rel(&self, v: usize) -> String {
        let b = base_rel(&self.toks[v]);
        if b == "advcl" {
            let to = self
                .kids(v)
                .any(|k| base_rel(&self.toks[k]) == "mark" && lemma(&self.toks[k]) == "to");
            let control = self.heads[v]
                .is_some_and(|h| CONTROL_VERBS.contains(&lemma(&self.toks[h]).as_str()));
            if to && control {
                return "xcomp".to_string();
            }
        }
        b.to_string()
    }

    /// The `case` word of oblique `d` when it stands right after verb `v` and is a verb
    /// particle rather than a preposition of the phrase ("cordoned *off* the roads").
    fn particle_as_case(&self, v: usize, d: usize) -> Option<usize> {
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
    fn verb_above(&self, t: usize) -> Option<usize> {
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

    fn inherit_subject(&self, ci: &mut ClauseInfo, s: Option<usize>, p: Option<Phrase>) {
        if let (Some(s), Some(p)) = (s, p) {
            ci.subject = Some(s);
            ci.subjects = vec![s];
            ci.clause.subject = Some(p);
            ci.clause.inherited_subject = true;
            ci.inherited_subject = true;
        }
    }

    /// Clause indexes ordered so that a governing verb comes before the verbs under it.
    fn top_down(&self, verbs: &[usize]) -> Vec<usize> {
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

fn is_verb(t: &Token) -> bool {
    t.upos.as_deref() == Some("VERB")
}
