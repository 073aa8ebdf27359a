//! `dyad eval petrarch` and `dyad eval plover`: the event coder against gold codings.
//!
//! Both run dyad's own pipeline from the raw sentence (clean, segment, tokenize, tag,
//! parse, actors, events), never a parse the gold file provides, so the numbers measure
//! what a user gets. `petrarch` reads a PETRARCH validation file and the dictionaries its
//! `<Environment>` names, looked up beside the file (the verb dictionary falls back to the
//! compiled-in `CAMEO.2.0.txt`, actors to dyad's built-in Phoenix-derived dictionaries when
//! the named files are absent), and scores codings as PETRARCH does: an expected
//! (source, target, code) triple is found when produced exactly; a produced one matching
//! none is a false positive. Negated events are not codings (PETRARCH practice). `plover`
//! codes each example of `PLOVER_GSR_CAMEO.txt` and compares the PLOVER type of the event
//! on the marked trigger (else the first event) with the gold type.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use clap::{Args, Subcommand};
use dyad_actors::{Date, Dictionary, DictionaryBuilder};
use dyad_core::{DocMeta, Document, Span};
use dyad_events::{
    plover_2021_type, read_gsr, Coder, CoderConfig, Coding, Event, MarkRole, Negation, Scoreboard,
    ValidationFile,
};
use dyad_models::{Models, Scratch};
use serde::Serialize;

use crate::cmd::eval::{file_name, print_json};
use crate::pipeline::{actor_refs, load_models, place_refs};
use crate::table::{pct, render};

#[derive(Subcommand, Debug)]
pub enum EventsEval {
    /// PETRARCH validation file (XML) coded from raw text: codings found, missed, false positives
    Petrarch(EventsArgs),
    /// PLOVER gold-standard examples: PLOVER type accuracy
    Plover(EventsArgs),
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The model directory (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
    /// Also list, per record, the codings missed and the false positives (to stderr)
    #[arg(long)]
    pub verbose: bool,
    /// Print the parse and actor mentions of the records with this id (to stderr)
    #[arg(long, value_name = "ID")]
    pub trace: Vec<String>,
}

pub fn run(cmd: &EventsEval) -> Result<()> {
    match cmd {
        EventsEval::Petrarch(a) => petrarch(a),
        EventsEval::Plover(a) => plover(a),
    }
}

/// The text stages and the models, for one sentence or short text at a time.
struct Runner {
    models: Models,
    scratch: Scratch,
}

impl Runner {
    fn new(dir: Option<&Path>) -> Result<Runner> {
        Ok(Runner {
            models: load_models(dir)?,
            scratch: Scratch::default(),
        })
    }

    fn events(
        &mut self,
        text: &str,
        date: Option<String>,
        dict: &Dictionary,
        coder: &Coder<'_>,
        trace: bool,
    ) -> Vec<Event> {
        let meta = DocMeta {
            date,
            ..DocMeta::new("eval", text.as_bytes())
        };
        let mut doc = Document::new(meta, String::new());
        dyad_text::clean_into(&mut doc, text, Span::new(0, text.len()));
        dyad_text::annotate(&mut doc);
        self.models.annotate_with(&mut doc, &mut self.scratch);
        let date = doc.doc.date.as_deref().and_then(Date::parse_iso);
        let actors = dict.resolve(&doc, date);
        if trace {
            for (i, t) in doc.tokens.iter().enumerate() {
                eprintln!(
                    "  {i:>3} {:<14} {:<10} {:<5} {:>3} {}",
                    t.text,
                    t.lemma.as_deref().unwrap_or("_"),
                    t.upos.as_deref().unwrap_or("_"),
                    t.head.map_or("-".to_string(), |h| h.to_string()),
                    t.deprel.as_deref().unwrap_or("_")
                );
            }
            for a in &actors {
                eprintln!(
                    "  actor {:?} {:?} sector {:?} {}",
                    a.mention, a.code, a.sector, a.rule
                );
            }
        }
        let mut refs = actor_refs(&actors);
        if coder.config().places_as_actors {
            refs.extend(place_refs(&doc, dict, date, &actors));
        }
        coder.code(&doc, &refs)
    }
}

/// `19950101` -> `1995-01-01`.
fn iso_date(petrarch: &str) -> Option<String> {
    let d = petrarch.trim();
    (d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]))
}

/// The actor dictionary a validation file names, when all its files are beside it.
fn actor_dictionary(vf: &ValidationFile, dir: &Path) -> Result<Option<Dictionary>> {
    let env = &vf.environment;
    let find = |n: &String| ValidationFile::find_dictionary(n, &[dir]);
    let actors: Option<Vec<PathBuf>> = env.actor_files.iter().map(find).collect();
    let agents: Option<Vec<PathBuf>> = env.agent_files.iter().map(find).collect();
    let (Some(actors), Some(agents)) = (actors, agents) else {
        return Ok(None);
    };
    if actors.is_empty() {
        return Ok(None);
    }
    let mut b = DictionaryBuilder::empty().map_err(|e| anyhow!("{e}"))?;
    b.skip_invalid_codes(true).allow_unknown_countries(true);
    for p in &actors {
        b.add_petrarch_actors_file(p, true)
            .map_err(|e| anyhow!("{e}"))?;
    }
    for p in &agents {
        b.add_petrarch_agents_file(p, true)
            .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(Some(b.build().map_err(|e| anyhow!("{e}"))?))
}

#[derive(Serialize)]
struct PetrarchReport {
    file: String,
    verbs: String,
    actors: String,
    scores: Scoreboard,
}

fn petrarch(a: &EventsArgs) -> Result<()> {
    let mut runner = Runner::new(a.models.as_deref())?;
    let mut reports = Vec::new();
    for path in &a.files {
        let vf = ValidationFile::read(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let verbs = vf
            .verb_dictionary(&[dir])
            .with_context(|| format!("verb dictionary of {}", path.display()))?;
        let own = actor_dictionary(&vf, dir)?;
        let (dict, actors_name) = match &own {
            Some(d) => (d, vf.environment.actor_files.join(" ")),
            None => (
                Dictionary::builtin().map_err(|e| anyhow!("{e}"))?,
                "dyad built-in (Phoenix)".to_string(),
            ),
        };
        let discards = vf.discards(&[dir])?;
        let config = CoderConfig {
            require_dyad: true,
            require_source: true,
            negation: Negation::Drop,
            intent: false,
            drop_self: true,
            discards,
            // PETRARCH2's dictionary reads "X said Y attacked" as X accusing Y
            speech_as_accusation: true,
            // PETRARCH codes verbs only
            noun_events: false,
            // PETRARCH codes "officials" without a country as `---GOV`
            null_actors: true,
            // nor participle clauses after the main one (", seeking to mend ties")
            trailing_participles: false,
            // PETRARCH's actor dictionaries list cities and capitals as their country
            // ("+ZURICH_" under SWITZERLAND): a place is an actor wherever it stands
            places_as_actors: !vf.environment.actor_files.is_empty(),
        };
        // a record's `<Config option="require_dyad" value="false">` lets an event without
        // a target count (coded `---`), as PETRARCH's option does
        let loose = Coder::new(
            &verbs,
            CoderConfig {
                require_dyad: false,
                ..config.clone()
            },
        );
        let coder = Coder::new(&verbs, config);
        let mut sb = Scoreboard::new();
        // records expecting an error of PETRARCH's input parse test the parse reader, which
        // dyad does not use (it parses the raw text itself): they are not scored
        for r in vf.included().filter(|r| r.error.is_none()) {
            let dyads_only = r
                .config
                .get("require_dyad")
                .is_none_or(|v| !v.eq_ignore_ascii_case("false"));
            let events = runner.events(
                &r.text,
                iso_date(&r.date),
                dict,
                if dyads_only { &coder } else { &loose },
                a.trace.contains(&r.id),
            );
            let mut produced: Vec<Coding> = Vec::new();
            // per coding, the trigger and pattern that made it, for the verbose listing
            let mut why: Vec<String> = Vec::new();
            for e in events.iter().filter(|e| !e.negated) {
                let c = Coding {
                    source: e
                        .source
                        .as_ref()
                        .and_then(|s| s.code.clone())
                        .unwrap_or_default(),
                    target: e
                        .target
                        .as_ref()
                        .and_then(|s| s.code.clone())
                        .unwrap_or_else(|| "---".to_string()),
                    code: e.cameo.clone(),
                };
                if !produced.contains(&c) {
                    let pattern = e.pattern.as_ref().map_or("", |p| p.text.as_str());
                    let trigger = e.trigger.get(&r.text).unwrap_or_default();
                    why.push(format!("{trigger}/{pattern}"));
                    produced.push(c);
                }
            }
            let o = sb.add(r, &produced);
            if a.verbose && !o.is_perfect() {
                let show = |v: &[Coding]| {
                    v.iter()
                        .map(|c| {
                            // a false positive says which trigger and pattern made it
                            let how = produced
                                .iter()
                                .position(|p| p == c)
                                .map_or(String::new(), |i| format!(" ({})", why[i]));
                            format!("{}>{}:{}{how}", c.source, c.target, c.code)
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                eprintln!(
                    "{} [{}] missed: {} | fp: {} | {}",
                    o.id,
                    o.category,
                    show(&o.missed),
                    show(&o.false_positives),
                    r.text.split_whitespace().collect::<Vec<_>>().join(" ")
                );
            }
        }
        reports.push(PetrarchReport {
            file: file_name(path),
            verbs: verbs.file.clone(),
            actors: actors_name,
            scores: sb,
        });
    }
    if a.json {
        return print_json(&reports);
    }
    for r in &reports {
        println!(
            "{} (verbs: {}; actors: {})",
            r.file,
            file_name(Path::new(&r.verbs)),
            r.actors
        );
        let rows: Vec<Vec<String>> = r
            .scores
            .categories
            .iter()
            .map(|(k, t)| (k.as_str(), t))
            .chain(std::iter::once(("TOTAL", &r.scores.total)))
            .map(|(k, t)| {
                vec![
                    k.to_string(),
                    t.records.to_string(),
                    t.expected.to_string(),
                    t.found.to_string(),
                    t.missed.to_string(),
                    t.false_positives.to_string(),
                    t.found_rate().map_or("-".into(), pct),
                    t.false_positive_rate().map_or("-".into(), pct),
                    if t.expected > 0 {
                        pct(t.code_found as f64 / t.expected as f64)
                    } else {
                        "-".into()
                    },
                ]
            })
            .collect();
        println!(
            "{}",
            render(
                &[
                    "category", "records", "expected", "found", "missed", "fp", "found%", "fp%",
                    "code%",
                ],
                &rows
            )
        );
    }
    Ok(())
}

#[derive(Serialize, Default)]
struct PloverReport {
    file: String,
    examples: usize,
    /// Examples where dyad coded at least one event.
    coded: usize,
    type_correct: usize,
    /// Type accuracy over all examples (no event counts as wrong).
    type_accuracy: f64,
    /// Type accuracy over the coded examples.
    type_accuracy_coded: f64,
    /// Examples with a gold mode, and those whose mode dyad matched.
    with_mode: usize,
    mode_correct: usize,
    /// Per gold type: examples, correct.
    per_type: BTreeMap<String, (usize, usize)>,
}

fn plover(a: &EventsArgs) -> Result<()> {
    let mut runner = Runner::new(a.models.as_deref())?;
    let dict = Dictionary::builtin().map_err(|e| anyhow!("{e}"))?;
    // PLOVER examples often have actors no dictionary knows: the event type is measured
    // whoever the actors are; intent is on
    // (PLOVER's AGREE holds CAMEO's 03 "express intent" codes: "will provide aid")
    let coder = Coder::new(
        dyad_events::VerbDictionary::news(),
        CoderConfig {
            require_dyad: false,
            require_source: false,
            ..CoderConfig::default()
        },
    );
    let mut reports = Vec::new();
    for path in &a.files {
        let examples = read_gsr(path)?;
        let mut r = PloverReport {
            file: file_name(path),
            ..Default::default()
        };
        for ex in &examples {
            if ex.text.is_empty() {
                continue;
            }
            r.examples += 1;
            let gold = plover_2021_type(&ex.event).to_string();
            let events = runner.events(&ex.text, None, dict, &coder, a.trace.contains(&ex.id));
            let evt: Vec<Span> = ex
                .marks_in_text()
                .into_iter()
                .filter(|(role, _)| *role == MarkRole::Event)
                .filter_map(|(_, s)| s)
                .collect();
            let typed: Vec<&Event> = events.iter().filter(|e| e.plover.is_some()).collect();
            let pick = typed
                .iter()
                .find(|e| {
                    evt.iter()
                        .any(|s| s.start < e.trigger.end && e.trigger.start < s.end)
                })
                .or_else(|| typed.first())
                .copied();
            let slot = r.per_type.entry(gold.clone()).or_default();
            slot.0 += 1;
            let Some(e) = pick else {
                if a.verbose {
                    eprintln!("{} {gold}: no event | {}", ex.id, ex.text);
                }
                continue;
            };
            r.coded += 1;
            let p = e.plover.as_ref().expect("filtered on plover");
            if p.event_type == gold {
                r.type_correct += 1;
                slot.1 += 1;
            } else if a.verbose {
                eprintln!(
                    "{} {gold}: got {} ({}) | {}",
                    ex.id, p.event_type, e.cameo, ex.text
                );
            }
            if let Some(m) = &ex.mode {
                r.with_mode += 1;
                if p.event_type == gold && p.mode.as_deref() == Some(m.as_str()) {
                    r.mode_correct += 1;
                }
            }
        }
        r.type_accuracy = ratio(r.type_correct, r.examples);
        r.type_accuracy_coded = ratio(r.type_correct, r.coded);
        reports.push(r);
    }
    if a.json {
        return print_json(&reports);
    }
    for r in &reports {
        println!("{}", r.file);
        let mut rows: Vec<Vec<String>> = r
            .per_type
            .iter()
            .map(|(k, (n, ok))| {
                vec![
                    k.clone(),
                    n.to_string(),
                    ok.to_string(),
                    pct(ratio(*ok, *n)),
                ]
            })
            .collect();
        rows.push(vec![
            "TOTAL".into(),
            r.examples.to_string(),
            r.type_correct.to_string(),
            pct(r.type_accuracy),
        ]);
        println!(
            "{}",
            render(&["type", "examples", "correct", "accuracy%"], &rows)
        );
        println!(
            "coded {} of {} examples; type accuracy {}% overall, {}% over coded; mode {} of {}",
            r.coded,
            r.examples,
            pct(r.type_accuracy),
            pct(r.type_accuracy_coded),
            r.mode_correct,
            r.with_mode
        );
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}
