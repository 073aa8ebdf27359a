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
//!
//! The code is split by stage: this file holds the configuration and the per-document
//! loop; `sentence` codes one sentence's clauses, `transform` applies verb-on-verb
//! transformations, `roles` fills a role with actors, `output` writes the event records.

mod noun_events;
mod output;
mod real_news;
mod roles;
mod sentence;
mod transform;

use dyad_core::{Document, Span};

use crate::clause_tree::Tree;
use crate::codebook::Codebook;
use crate::discards::{Discard, Discards};
use crate::event::{ActorRef, Event};
use crate::matcher::Matcher;
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
    /// Code a verbal participle clause after a comma as an event of its own ("met the
    /// minister on Monday, *praising* the EU"); PETRARCH2's gold standard codes none
    /// (", seeking to mend ties", ", offering military support"). A material one (",
    /// killing eight") is never coded: it tells the main event's outcome. On by default.
    pub trailing_participles: bool,
    /// Let place names stand for their country as actors (see [`PLACE_KEY`]): PETRARCH's
    /// actor dictionaries list cities and capitals as synonyms of their country, so
    /// "protested *in Beijing*" has the target `CHN` and "killed *in Ukraine*" the source
    /// `UKR`. dyad's resolver treats a locative place as where an event happened, not who
    /// took part, so this is off by default; `dyad code` and the PETRARCH evaluation turn it
    /// on and pass the same place references.
    pub places_as_actors: bool,
}

/// The key of [`ActorRef::extra`] marking a place standing for its country
/// (`"place": true`, code = the country's code): such refs are actors only under
/// [`CoderConfig::places_as_actors`], and otherwise ignored.
pub const PLACE_KEY: &str = "place";

/// True when the actor coder took `a`'s country from context (its rule says so).
fn guessed_country(a: &ActorRef) -> bool {
    let rule = a.extra.get("rule").and_then(|r| r.as_str()).unwrap_or("");
    let sector = a.extra.get("sector").and_then(|r| r.as_str()).unwrap_or("");
    a.code.is_some() && sector.len() == 3 && rule.contains(dyad_core::CONTEXT_COUNTRY_RULE)
}

/// `a` as an agent without a country when its country was a guess (a null actor, which
/// composes with a country its phrase names: "the mayor of Nablus"), else as it is.
fn without_guess(a: &ActorRef) -> ActorRef {
    let mut b = a.clone();
    if guessed_country(a) {
        b.code = None;
        b.extra.insert(GUESS_DROPPED.into(), true.into());
    }
    b
}

/// Marks an actor whose guessed country [`without_guess`] dropped.
const GUESS_DROPPED: &str = "country_guess_dropped";

/// True when `a` is a place reference ([`PLACE_KEY`]).
pub fn is_place(a: &ActorRef) -> bool {
    a.extra.get(PLACE_KEY).and_then(|v| v.as_bool()) == Some(true)
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
            trailing_participles: true,
            places_as_actors: false,
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
        // PETRARCH gives an agent no country it does not name: under null actors, a role
        // noun whose country the actor coder guessed from context ("students" near
        // "Russian police") is an agent without a country, the null actor of its sector
        // (`---EDU`) unless its phrase names one
        let unguessed: Vec<ActorRef>;
        let actors = if self.config.null_actors && actors.iter().any(guessed_country) {
            unguessed = actors.iter().map(without_guess).collect();
            &unguessed[..]
        } else {
            actors
        };
        let today = doc.doc.date.as_deref().and_then(Day::parse);
        let mut coded: Vec<&ActorRef> = actors
            .iter()
            .filter(|a| a.code.is_some())
            .filter(|a| self.config.places_as_actors || !is_place(a))
            // a car is not its maker ("struck by a Volvo")
            .filter(|a| !real_news::product(doc, a))
            .collect();
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
        // null actors stand after the coded ones, so a token both cover is the coded one's;
        // one whose country was a guess keeps its sector, so an agent adjective alone
        // ("*military* exercises") stays a description, as when it had its country
        let nulls: Vec<ActorRef> = if self.config.null_actors {
            let guessed: Vec<Span> = actors
                .iter()
                .filter(|a| a.extra.contains_key(GUESS_DROPPED))
                .map(|a| a.span)
                .collect();
            agents
                .iter()
                .map(|g| {
                    let mut extra = serde_json::Map::new();
                    if guessed.contains(&g.span) {
                        extra.insert("sector".into(), g.sector.clone().into());
                    }
                    ActorRef {
                        mention: g.span.get(&doc.text).unwrap_or_default().to_string(),
                        span: g.span,
                        code: Some(format!("---{}", g.sector)),
                        extra,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        coded.extend(nulls.iter());
        let spans: Vec<Span> = agents.iter().map(|a| a.span).collect();
        let mut out = Vec::new();
        if let Some(d) = &self.config.discards {
            if d.check(&doc.tokens) == Some(Discard::Story) {
                return out;
            }
        }
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let toks = doc.sentence_tokens(si);
            if toks.is_empty() {
                continue;
            }
            // a sentence repeated word for word (a pasted paragraph) is one report
            let text = s.span.get(&doc.text).unwrap_or_default();
            if !seen.insert(text) {
                continue;
            }
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
            let tree = Tree::new(toks, s.tokens[0], &here)
                .with_agents(&spans)
                .with_noun_events(self.config.noun_events)
                .with_following(self.matcher.is_sequential());
            self.code_sentence(doc, si, &tree, (&here, &agents), today, &mut out);
            if self.config.noun_events {
                self.code_nouns(doc, si, &tree, (&here, &agents), today, &mut out);
            }
        }
        let out = real_news::one_per_trigger(out);
        // an actor standing for several codes (`[FRO/BIL/SAM]`) acts as each of them
        let mut out = crate::joint_actors::expand(out, self.config.drop_self);
        for (i, e) in out.iter_mut().enumerate() {
            e.id = format!("e{}", i + 1);
        }
        out
    }
}
