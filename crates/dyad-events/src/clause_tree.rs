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
//!   a reduced passive relative ("soldiers *killed* in Ukraine") has its noun as the
//!   passive subject;
//! - phrases are actors when an actor mention sits on their head or inside them; a comma
//!   list the parser read as an apposition with coordinated parts is one coordination;
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
//! Before any of this, tagging errors the sentence itself decides are repaired (`retag`:
//! "has begun *to question*", a verb the tagger read as a noun after `to`; "bombarded a
//! *government*-held part", a modifier's first word read as the object).
//!
//! UD v2 relation names are read, with the v1 names (`dobj`, `nsubjpass`, `nmod`) too.

mod actors;
mod build;
mod kinds;
mod nouns;
mod retag;
mod roles;

use std::borrow::Cow;

use dyad_core::Token;

use crate::event::ActorRef;
use crate::matcher::{Clause, Word};

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
    /// The sentence's tokens; a copy when a tagging error was repaired (`retag`).
    toks: Cow<'a, [Token]>,
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
/// Verbs of appeal, whose infinitive complement says what was asked for.
const APPEAL_VERBS: &[&str] = &[
    "call", "urge", "ask", "appeal", "press", "request", "implore", "demand",
];
const INTENT_VERBS: &[&str] = &[
    "plan", "intend", "want", "seek", "hope", "expect", "aim", "agree", "offer", "pledge",
    "promise", "vow", "ready", "willing", "prepared", "commit", "decide",
];

pub(crate) fn rel(t: &Token) -> &str {
    t.deprel.as_deref().unwrap_or("")
}

fn base_rel(t: &Token) -> &str {
    rel(t).split(':').next().unwrap_or("")
}

pub(crate) fn lemma(t: &Token) -> Lemma<'_> {
    let l = t.lemma.as_deref().unwrap_or(&t.text);
    if l.is_ascii() && !l.bytes().any(|b| b.is_ascii_uppercase()) {
        Lemma(Cow::Borrowed(l))
    } else {
        Lemma(Cow::Owned(l.to_lowercase()))
    }
}

/// A token's lemma in lower case ([`lemma`]): borrowed from the token when it is so
/// already, as nearly every lemma is, instead of copied at each of the tree's many
/// questions about a word.
pub(crate) struct Lemma<'a>(Cow<'a, str>);

impl Lemma<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lemma<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lemma<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
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
        let (toks, heads): (Cow<'a, [Token]>, _) = match retag::repaired(toks, &heads) {
            Some((t, h)) => (Cow::Owned(t), h),
            None => (Cow::Borrowed(toks), heads),
        };
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

    /// True when actor `a` is a bare country code (`UKR`): a country, or a place standing
    /// for one.
    pub fn is_place_actor(&self, a: usize) -> bool {
        self.country.get(a).copied().unwrap_or(false)
    }

    /// Fills [`Clause::following`] (the words after each verb in its subtree), which only
    /// a dictionary read in sequence uses.
    pub fn with_following(mut self, yes: bool) -> Tree<'a> {
        self.following = yes;
        self
    }

    /// Reads event nouns as clauses too (see `nouns::EVENT_NOUNS`).
    pub fn with_noun_events(mut self, yes: bool) -> Tree<'a> {
        self.noun_events = yes;
        self
    }

    /// Marks the tokens that agent mentions without a country cover (`spans`, indexed as
    /// the caller keeps them).
    pub fn with_agents(mut self, spans: &[dyad_core::Span]) -> Tree<'a> {
        // the caller passes the document's agents: a span covers a token of this sentence
        // only if it starts at or before the last token start and ends at or after the
        // first token end, so the others are passed over without a look at each token
        if spans.is_empty() {
            return self;
        }
        let last_start = self.toks.iter().map(|t| t.span.start).max();
        let first_end = self.toks.iter().map(|t| t.span.end).min();
        let (Some(last_start), Some(first_end)) = (last_start, first_end) else {
            return self;
        };
        for (gi, sp) in spans.iter().enumerate() {
            if sp.start > last_start || sp.end < first_end {
                continue;
            }
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

    /// The sentence-local head of token `t` (`None` for the root).
    pub fn head(&self, t: usize) -> Option<usize> {
        self.heads.get(t).copied().flatten()
    }

    pub fn tokens(&self) -> &[Token] {
        &self.toks
    }

    pub fn token(&self, i: usize) -> &Token {
        &self.toks[i]
    }

    /// The sentence-local dependents of token `i`, in text order.
    pub fn dependents(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], |c| &c[..])
    }

    fn kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().copied()
    }

    fn child_with(&self, i: usize, f: impl Fn(&str, &str) -> bool) -> Option<usize> {
        self.kids(i)
            .find(|&k| f(rel(&self.toks[k]), base_rel(&self.toks[k])))
    }
}

fn is_verb(t: &Token) -> bool {
    t.upos.as_deref() == Some("VERB")
}
