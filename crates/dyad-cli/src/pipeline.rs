//! The pipeline: one raw document in, one annotated record out.
//!
//! Stages run in the order of the crates: clean, segment and tokenize (dyad-text); tagging,
//! lemmas, parsing and NER (dyad-models); then the annotation stage: actor mentions from the
//! dictionaries and the parse (dyad-actors) and the knowledge-graph fields
//! (dyad-gkg: tone, dates, amounts, places, quotations); then the event coder (dyad-events)
//! over the parse and the actor mentions, with the cities and capitals the actor dictionary
//! ties to a country as place references ([`place_refs`], which `dyad eval petrarch` uses
//! too). Loaded models and dictionaries are immutable; the per-run scratch buffers live
//! beside them.
//!
//! With the environment variable `DYAD_STAGE_TIMES` set (when the pipeline is made), each
//! stage's time is summed over the run ([`StageTimes`]) as CPU time of the running thread,
//! so that the shares stay right on a machine other processes load, and the pipeline prints
//! the sums as one JSON line to standard error when it is dropped (for
//! `bench/events_e2e.sh`); without it the clock is not read.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use dyad_actors::{ActorKind, ActorMention, Date, Dictionary, DictionaryBuilder, EntryKind};
use dyad_core::{Document, Span};
use dyad_events::{
    ActorRef, Coder, CoderConfig, Event, Location as EventLocation, VerbDictionary, PLACE_KEY,
};
use dyad_gkg::Gkg;
use dyad_ingest::RawDocument;
use dyad_models::cputime::thread_cpu_seconds;
use dyad_models::{Models, Scratch};
use serde::Serialize;

use crate::cmd::run::Stage;

/// The allocator of the whole binary. The stages after the models make and drop many small
/// strings and vectors per document (tokens' fields, actor and event records, JSON); with
/// glibc's allocator that cost a tenth of the run (`perf`: malloc, free, consolidation),
/// mimalloc's thread-local free lists take less. Output does not depend on it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Loads the tagger, parser and NER models from `dir`, or from the default directory
/// (`$DYAD_MODELS`, else the repository's `models/`).
pub fn load_models(dir: Option<&Path>) -> Result<Models> {
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(Models::default_dir);
    Models::load(&dir).with_context(|| {
        format!(
            "cannot load the models from {} (use --models DIR or set DYAD_MODELS)",
            dir.display()
        )
    })
}

/// One document as the pipeline leaves it: the record and the annotations that do not (yet)
/// live in [`Document`] itself.
pub struct Annotated {
    pub doc: Document,
    pub actors: Vec<ActorMention>,
    pub gkg: Option<Gkg>,
    pub events: Vec<Event>,
}

/// The wire form of [`Annotated`]: the document's fields, then `actors`, `gkg` and `events`
/// (each event as `docs/schema/event.schema.json` describes it).
#[derive(Serialize)]
pub struct Record<'a> {
    #[serde(flatten)]
    pub doc: &'a Document,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub actors: &'a [ActorMention],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gkg: Option<&'a Gkg>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub events: &'a [Event],
}

impl Annotated {
    pub fn record(&self) -> Record<'_> {
        Record {
            doc: &self.doc,
            actors: &self.actors,
            gkg: self.gkg.as_ref(),
            events: &self.events,
        }
    }
}

/// Time spent per stage over a run, and the documents and sentences it went through.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StageTimes {
    pub documents: usize,
    pub sentences: usize,
    /// Cleaning, segmentation and tokenization (dyad-text).
    pub text: f64,
    /// Tagging, lemmas, parsing and NER (dyad-models).
    pub models: f64,
    /// Actor mentions (dyad-actors).
    pub actors: f64,
    /// Tone, dates, amounts, places, quotations (dyad-gkg).
    pub gkg: f64,
    /// The event coder (dyad-events).
    pub events: f64,
}

/// Dictionaries a user adds to the built-in ones, in the order given: an entry of an
/// earlier file takes precedence over a later one and over the built-in entries.
#[derive(Clone, Debug, Default)]
pub struct UserDictionaries {
    /// Actor overlay TSVs (`actor`/`agent` rows; dyad_actors::tsv_reader).
    pub actors: Vec<PathBuf>,
    /// Actor dictionaries in PETRARCH's format.
    pub petrarch_actors: Vec<PathBuf>,
    /// Agent dictionaries in PETRARCH's format.
    pub petrarch_agents: Vec<PathBuf>,
    /// Verb dictionaries in PETRARCH's format, read on top of CAMEO.2.0.txt and the news
    /// overlay (a verb listed replaces the verbs of its lemma; see
    /// `VerbDictionary::with_overlay`).
    pub verbs: Vec<PathBuf>,
}

impl UserDictionaries {
    fn has_actors(&self) -> bool {
        !(self.actors.is_empty()
            && self.petrarch_actors.is_empty()
            && self.petrarch_agents.is_empty())
    }
}

/// The coder's settings in `dyad code`: places stand for their country as actors, as
/// PETRARCH's dictionaries code them and `dyad eval petrarch` measures ("protested in
/// Beijing": target `CHN`).
fn coder_config() -> CoderConfig {
    CoderConfig {
        places_as_actors: true,
        ..CoderConfig::default()
    }
}

pub struct Pipeline {
    times: RefCell<StageTimes>,
    /// `DYAD_STAGE_TIMES` was set when the pipeline was made: the stages are timed and the
    /// sums printed at the end.
    timed: bool,
    stage: Stage,
    models: Option<Models>,
    actors: Option<&'static Dictionary>,
    coder: Option<Coder<'static>>,
    scratch: RefCell<Scratch>,
    /// The words of the document in hand, from the cleaner (kept for its capacity).
    pieces: RefCell<Vec<dyad_text::Piece>>,
    text_limits: dyad_text::TextLimits,
}

impl Pipeline {
    /// A pipeline running up to `stage`; the models are loaded from `models_dir`.
    pub fn new(stage: Stage, models_dir: Option<&Path>) -> Result<Pipeline> {
        let models = (stage >= Stage::Models)
            .then(|| load_models(models_dir))
            .transpose()?;
        let actors = (stage >= Stage::Annotate)
            .then(Dictionary::builtin)
            .transpose()
            .map_err(|e| anyhow!("cannot build the actor dictionaries: {e}"))?;
        let coder = actors
            .is_some()
            .then(|| Coder::new(VerbDictionary::news(), coder_config()));
        Ok(Pipeline {
            times: RefCell::new(StageTimes::default()),
            timed: std::env::var_os("DYAD_STAGE_TIMES").is_some(),
            stage,
            models,
            actors,
            coder,
            scratch: RefCell::new(Scratch::default()),
            pieces: RefCell::new(Vec::new()),
            text_limits: dyad_text::TextLimits::default(),
        })
    }

    /// The same pipeline with the user's dictionaries read on top of the built-in ones
    /// (`dyad code --actors/--petrarch-actors/--petrarch-agents/--verbs`). A pipeline that
    /// stops before the annotate stage has no dictionaries and ignores them. Errors name the
    /// file and, for a malformed line, the line.
    pub fn with_dictionaries(mut self, user: &UserDictionaries) -> Result<Pipeline> {
        if self.actors.is_none() {
            return Ok(self);
        }
        if user.has_actors() {
            let mut b = DictionaryBuilder::with_builtin()
                .map_err(|e| anyhow!("cannot build the actor dictionaries: {e}"))?;
            for p in &user.actors {
                b.add_overlay_file(p).map_err(|e| anyhow!("{e}"))?;
            }
            for p in &user.petrarch_actors {
                b.add_petrarch_actors_file(p, false)
                    .map_err(|e| anyhow!("{e}"))?;
            }
            for p in &user.petrarch_agents {
                b.add_petrarch_agents_file(p, false)
                    .map_err(|e| anyhow!("{e}"))?;
            }
            let dict = b.build().map_err(|e| anyhow!("{e}"))?;
            // built once per run and used to its end, as the built-in dictionary is
            self.actors = Some(Box::leak(Box::new(dict)));
        }
        if let Some((first, rest)) = user.verbs.split_first() {
            let mut dict = VerbDictionary::news()
                .read_overlay(first)
                .map_err(|e| anyhow!("{e}"))?;
            for p in rest {
                dict = dict.read_overlay(p).map_err(|e| anyhow!("{e}"))?;
            }
            let dict: &'static VerbDictionary = Box::leak(Box::new(dict));
            self.coder = Some(Coder::new(dict, coder_config()));
        }
        Ok(self)
    }

    /// The same pipeline with other limits for the text stage (`--max-sentence-tokens`).
    pub fn with_text_limits(mut self, limits: dyad_text::TextLimits) -> Pipeline {
        self.text_limits = limits;
        self
    }

    /// Runs the stages on one document. Never fails: a document that reached this point has
    /// text, and every stage is total on text; a stage that cannot run says so in `warnings`.
    pub fn process(&self, raw: RawDocument) -> Annotated {
        // the thread's CPU clock is a system call (no vDSO path): read only when the times
        // are printed
        let timed = self.timed;
        let mut clock = if timed { thread_cpu_seconds() } else { 0.0 };
        let mut lap = |field: &mut f64| {
            if timed {
                let now = thread_cpu_seconds();
                *field += now - clock;
                clock = now;
            }
        };
        let mut times = self.times.borrow_mut();
        times.documents += 1;
        let mut doc = Document::new(raw.meta, String::new());
        doc.warnings = raw.warnings;
        let mut pieces = self.pieces.borrow_mut();
        dyad_text::clean_into_tokenized(&mut doc, &raw.text, raw.body, &mut pieces);
        let mut out = Annotated {
            doc,
            actors: Vec::new(),
            gkg: None,
            events: Vec::new(),
        };
        if self.stage < Stage::Tokenize {
            lap(&mut times.text);
            return out;
        }
        dyad_text::annotate_pieces(&mut out.doc, self.text_limits, &pieces);
        times.sentences += out.doc.sentences.len();
        lap(&mut times.text);
        if let Some(m) = &self.models {
            m.annotate_with(&mut out.doc, &mut self.scratch.borrow_mut());
            lap(&mut times.models);
        }
        let date = out.doc.doc.date.as_deref().and_then(Date::parse_iso);
        if let Some(dict) = self.actors {
            out.actors = dict.resolve(&out.doc, date);
            lap(&mut times.actors);
            let spans_of = |kind: ActorKind| -> Vec<Span> {
                out.actors
                    .iter()
                    .filter(|a| a.kind == kind)
                    .map(|a| a.span)
                    .collect()
            };
            let people = spans_of(ActorKind::Person);
            let orgs = spans_of(ActorKind::Organization);
            match dyad_gkg::annotate_gkg_with_actors(&out.doc, &people, &orgs) {
                Ok(g) => out.gkg = Some(g),
                Err(e) => out.doc.warnings.push(format!("knowledge-graph stage: {e}")),
            }
            lap(&mut times.gkg);
        }
        if let Some(coder) = &self.coder {
            let mut refs = actor_refs(&out.actors);
            if let Some(dict) = self.actors.filter(|_| coder.config().places_as_actors) {
                refs.extend(place_refs(&out.doc, dict, date, &out.actors));
            }
            out.events = coder.code(&out.doc, &refs);
            if let Some(gkg) = &out.gkg {
                locate_events(&out.doc, gkg, &mut out.events);
            }
            lap(&mut times.events);
        }
        out
    }
}

impl Drop for Pipeline {
    fn drop(&mut self) {
        if self.timed {
            if let Ok(line) = serde_json::to_string(&*self.times.borrow()) {
                eprintln!("{line}");
            }
        }
    }
}

/// The actor mentions as events refer to them: mention, span and code, with every other
/// field of the actor record carried along, as `serde_json::to_value` of the mention writes
/// it, nulls left out. The mention is taken apart without `..`, so a field added to
/// [`ActorMention`] does not compile until it is carried here too.
pub fn actor_refs(actors: &[ActorMention]) -> Vec<ActorRef> {
    actors
        .iter()
        .map(|a| {
            let ActorMention {
                mention,
                span,
                code,
                country,
                sector,
                group,
                kind,
                entity,
                rule,
            } = a;
            let mut extra = serde_json::Map::new();
            let put = |extra: &mut serde_json::Map<String, serde_json::Value>,
                       key: &str,
                       v: &Option<String>| {
                if let Some(v) = v {
                    extra.insert(key.to_string(), v.as_str().into());
                }
            };
            put(&mut extra, "country", country);
            put(&mut extra, "sector", sector);
            put(&mut extra, "group", group);
            extra.insert("kind".to_string(), kind.as_str().into());
            put(&mut extra, "entity", entity);
            extra.insert("rule".to_string(), rule.as_str().into());
            ActorRef {
                mention: mention.clone(),
                span: *span,
                code: code.clone(),
                extra,
            }
        })
        .collect()
}

/// The places PETRARCH's dictionaries would code as their country and dyad's resolver
/// leaves as places: a city or capital the actor dictionary ties to a country ("talks in
/// *Zurich*", "a protest in *Beijing*"), where no actor mention lies. Each becomes an
/// actor reference marked as a place ([`dyad_events::PLACE_KEY`]) with the country's
/// code, which the coder uses only under `places_as_actors`.
pub fn place_refs(
    doc: &Document,
    dict: &Dictionary,
    date: Option<Date>,
    actors: &[ActorMention],
) -> Vec<ActorRef> {
    let mut out = Vec::new();
    let mut scratch = dyad_actors::Scratch::default();
    let (mut words, mut found) = (Vec::new(), Vec::new());
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens[0]..s.tokens[1]];
        words.clear();
        words.extend(toks.iter().map(|t| t.text.as_str()));
        found.clear();
        dict.find_into(&words, date, &mut scratch, &mut found);
        for m in &found {
            if !matches!(m.entry.kind, EntryKind::City | EntryKind::Capital) {
                continue;
            }
            let Some(code) = m.code else { continue };
            let (a, b) = m.tokens;
            let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
            let taken = actors
                .iter()
                .any(|x| x.span.start < span.end && span.start < x.span.end);
            if taken {
                continue;
            }
            let mut extra = serde_json::Map::new();
            extra.insert(PLACE_KEY.into(), true.into());
            extra.insert("rule".into(), "place as its country (event coder)".into());
            out.push(ActorRef {
                mention: span.get(&doc.text).unwrap_or_default().to_string(),
                span,
                code: Some(code.to_string()),
                extra,
            });
        }
    }
    out
}

/// Where each event happened (GDELT's ActionGeo) and the tone of its sentence, from the
/// knowledge-graph fields. The place is the geocoded place of the coder's `in`/`at` oblique,
/// else the place named in the sentence nearest the trigger, else the oblique's name as
/// written (a place the gazetteer does not know), else the place of the document's
/// dateline. A place that is itself the event's source or target ("Washington opposes",
/// "U.S. Secretary of State Antony Blinken") names an actor, not where the event happened,
/// and is passed over, unless the coder took it as an actor only because it is a place
/// ([`place_refs`]: "a visit to Brussels").
pub fn locate_events(doc: &Document, gkg: &Gkg, events: &mut [Event]) {
    let geocoded = |l: &dyad_gkg::Location| EventLocation {
        name: l.name.clone(),
        span: Some(l.span),
        country: Some(l.country.clone()),
        geonames_id: Some(l.geonameid),
        lat: Some(l.lat),
        lon: Some(l.lon),
    };
    for e in events {
        let Some(sentence) = doc.sentences.get(e.sentence) else {
            continue;
        };
        e.tone = gkg.sentence_tones.get(e.sentence).map(|t| t.tone);
        // a place standing for its country as an actor ("visit to *Brussels*": target
        // `BEL`) is still where the event happened
        let actors: Vec<Span> = [&e.source, &e.target]
            .into_iter()
            .flatten()
            .filter(|a| !dyad_events::is_place(a))
            .map(|a| a.span)
            .collect();
        let gap = |s: Span| {
            if s.end <= e.trigger.start {
                e.trigger.start - s.end
            } else {
                s.start.saturating_sub(e.trigger.end)
            }
        };
        let in_sentence = || {
            gkg.locations_in(sentence.span)
                .filter(|l| !actors.iter().any(|a| a.overlaps(l.span)))
        };
        let oblique = e.location.as_ref().and_then(|l| l.span);
        let named = oblique
            .and_then(|o| in_sentence().find(|l| l.span.overlaps(o)))
            .or_else(|| in_sentence().min_by_key(|l| (gap(l.span), l.span.start)));
        if let Some(l) = named {
            e.location = Some(geocoded(l));
        } else if e.location.is_none() {
            e.location = gkg.dateline_place.as_ref().map(|p| EventLocation {
                name: p.name.clone(),
                span: None,
                country: Some(p.iso3.clone()),
                geonames_id: Some(p.geonameid),
                lat: Some(p.lat),
                lon: Some(p.lon),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The actor references as they were made before: each mention through
    /// `serde_json::to_value`, its mention, span and code taken out and nulls dropped.
    fn by_value(actors: &[ActorMention]) -> Vec<ActorRef> {
        actors
            .iter()
            .map(|a| {
                let mut extra = match serde_json::to_value(a) {
                    Ok(serde_json::Value::Object(m)) => m,
                    _ => serde_json::Map::new(),
                };
                for k in ["mention", "span", "code"] {
                    extra.remove(k);
                }
                extra.retain(|_, v| !v.is_null());
                ActorRef {
                    mention: a.mention.clone(),
                    span: a.span,
                    code: a.code.clone(),
                    extra,
                }
            })
            .collect()
    }

    #[test]
    fn actor_refs_carry_what_the_serialized_mention_holds() {
        let full = ActorMention {
            mention: "Gondor's army".into(),
            span: Span::new(3, 16),
            code: Some("GONMIL".into()),
            country: Some("GON".into()),
            sector: Some("MIL".into()),
            group: Some("NAT".into()),
            kind: ActorKind::Organization,
            entity: Some("q42".into()),
            rule: "dictionary: line 7".into(),
        };
        let bare = ActorMention {
            mention: "soldiers".into(),
            span: Span::new(20, 28),
            code: None,
            country: None,
            sector: None,
            group: None,
            kind: ActorKind::Person,
            entity: None,
            rule: String::new(),
        };
        let actors = [full, bare];
        let got = actor_refs(&actors);
        assert_eq!(got, by_value(&actors));
        assert_eq!(got[0].extra.len(), 6);
        // serialized the same way too (keys in order)
        assert_eq!(
            serde_json::to_string(&got).unwrap(),
            serde_json::to_string(&by_value(&actors)).unwrap()
        );
    }
}
