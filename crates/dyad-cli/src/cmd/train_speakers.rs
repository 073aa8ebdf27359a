//! `dyad train speakers`: trains the learned quote speaker ranker (`dyad_gkg::quotes::ranker`)
//! on annotated quotation sets and writes its weight table; `--cv` instead prints the
//! leave-one-set-out cross-validation of the ranker against the rules.
//!
//! Every document of every gold file goes through the pipeline up to the annotate stage (as
//! `dyad eval quotes` does). Each gold quote with a named speaker that the system found (the
//! eval's overlap match) is one training example: the speaker candidates of the system quote,
//! the right ones being those whose name matches the gold speaker (the eval's
//! `speaker_matches`); a found gold quote of an unnamed source (`-`) is one too, whose right
//! candidate is the unnamed one. The candidates come from the rules' quotes. Deterministic
//! for a fixed `--seed`.
//!
//! The ranker is not part of the pipeline: in the cross-validation of session 11 (table in
//! `testdata/gkg/README.md`, "Learned speaker ranker") no variant beat the rules. The command
//! reproduces that table and writes a model for further experiments.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use dyad_actors::ActorKind;
use dyad_core::Span;
use dyad_gkg::eval::{match_spans, read_gold, speaker_matches, trim, GoldDoc};
use dyad_gkg::quotes::ranker::{
    names_someone, speaker_of, Candidate, Example, SpeakerModel, TrainOptions,
};

use crate::cmd::eval::file_name;
use crate::cmd::eval_gkg::raw;
use crate::cmd::run::Stage;
use crate::pipeline::Pipeline;
use crate::table::{pct, render};

#[derive(clap::Args, Debug)]
pub struct SpeakerArgs {
    /// Gold quotation files (never the held-out sets)
    #[arg(long, required = true, num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Where to write the weight table (required unless --cv)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The model directory (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Leave out the feature that names the rules' choice
    #[arg(long)]
    pub without_rule: bool,
    /// Print the leave-one-set-out cross-validation (train on all files but one, score the
    /// speaker accuracy on that one) instead of writing a model
    #[arg(long)]
    pub cv: bool,
    /// With --cv: print each named quote the clean ranker, choosing among names, gets wrong
    #[arg(long)]
    pub cv_errors: bool,
}

/// One found gold quote.
struct Item {
    quote: String,
    candidates: Vec<Candidate>,
    /// The gold speaker names; empty for an unnamed source.
    gold: Vec<String>,
    rule: Option<String>,
}

impl Item {
    fn example(&self) -> Example {
        Example {
            candidates: self.candidates.clone(),
            gold: (0..self.candidates.len())
                .filter(|&k| {
                    let name = &self.candidates[k].name;
                    if self.gold.is_empty() {
                        name.is_empty()
                    } else {
                        !name.is_empty() && speaker_matches(name, &self.gold)
                    }
                })
                .collect(),
        }
    }
    /// Whether `speaker` is right: the gold speaker, or no name for an unnamed source.
    fn right(&self, speaker: Option<&str>) -> bool {
        if self.gold.is_empty() {
            !speaker.is_some_and(names_someone)
        } else {
            speaker.is_some_and(|s| speaker_matches(s, &self.gold))
        }
    }
    /// The speaker `m` gives: its best candidate when that is not the rules' one and beats
    /// the rules' candidate by more than `margin`.
    fn ranked(&self, m: &SpeakerModel, margin: f64) -> Option<String> {
        let Some(k) = m.choose(&self.candidates) else {
            return self.rule.clone();
        };
        let c = &self.candidates[k];
        if c.rule {
            return self.rule.clone();
        }
        let rule_score = self.candidates.iter().find(|c| c.rule).map(|r| m.score(r));
        if rule_score.is_some_and(|r| m.score(c) - r <= margin) {
            return self.rule.clone();
        }
        speaker_of(c, self.rule.as_deref())
    }
    /// Without the candidate that only the rules name (a role or acronym the rules
    /// resolved): what the ranker sees when it must not know the rules' choice.
    fn clean(&self) -> Item {
        Item {
            quote: self.quote.clone(),
            candidates: self
                .candidates
                .iter()
                .filter(|c| !c.features.iter().any(|f| f == "kind=rule_only"))
                .cloned()
                .collect(),
            gold: self.gold.clone(),
            rule: self.rule.clone(),
        }
    }
    /// [`Item::clean`] without the unnamed candidate: a choice among names only (an
    /// unnamed-source quote has no right candidate then and is no training example).
    fn names_only(&self) -> Item {
        let mut it = self.clean();
        it.candidates.retain(|c| !c.name.is_empty());
        it
    }
}

pub fn run(a: &SpeakerArgs) -> Result<()> {
    if a.epochs == 0 {
        bail!("--epochs must be at least 1");
    }
    if !a.cv && a.out.is_none() {
        bail!("--out is required (or --cv)");
    }
    let pipeline = Pipeline::new(Stage::Annotate, a.models.as_deref())?;
    let mut sets: Vec<(String, Vec<Item>)> = Vec::new();
    for f in &a.gold {
        let docs = read_gold(f)?;
        let mut items = Vec::new();
        for d in &docs {
            items.extend(items_of(&pipeline, d));
        }
        eprintln!(
            "{}: {} found quotes, {} with a named speaker",
            f.display(),
            items.len(),
            items.iter().filter(|it| !it.gold.is_empty()).count()
        );
        sets.push((file_name(f), items));
    }
    let opts = TrainOptions {
        epochs: a.epochs,
        seed: a.seed,
        without_rule: a.without_rule,
    };
    if a.cv {
        cross_validate(&sets, &opts, a.cv_errors);
        return Ok(());
    }
    let examples: Vec<Example> = sets
        .iter()
        .flat_map(|(_, v)| v.iter().map(Item::example))
        .collect();
    let model = SpeakerModel::train(&examples, &opts);
    let names: Vec<&str> = sets.iter().map(|(n, _)| n.as_str()).collect();
    let usable = examples.iter().filter(|e| !e.gold.is_empty()).count();
    let header = format!(
        "dyad speaker ranker: feature<TAB>weight (averaged perceptron), written by\n\
         dyad train speakers --epochs {} --seed {}{} --gold {}\n\
         {} training quotes ({} with a right candidate), {} features.",
        a.epochs,
        a.seed,
        if a.without_rule {
            " --without-rule"
        } else {
            ""
        },
        names.join(" "),
        examples.len(),
        usable,
        model.len()
    );
    let out = a.out.as_ref().context("--out")?;
    std::fs::write(out, model.to_tsv(&header))
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("wrote {} ({} features)", out.display(), model.len());
    Ok(())
}

/// The found gold quotes of one document with a named speaker.
fn items_of(pipeline: &Pipeline, d: &GoldDoc) -> Vec<Item> {
    let ann = pipeline.process(raw(d));
    let spans_of = |kind: ActorKind| -> Vec<Span> {
        ann.actors
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.span)
            .collect()
    };
    let quotes = dyad_gkg::quotes::speaker_candidates(
        &ann.doc,
        &spans_of(ActorKind::Person),
        &spans_of(ActorKind::Organization),
    );
    let text = &d.text;
    let sys: Vec<Span> = quotes
        .iter()
        .map(|(q, _)| trim(text, ann.doc.offsets.map_span(q.span)))
        .collect();
    let gold: Vec<Span> = d.quotes.iter().map(|q| trim(text, q.span)).collect();
    // The eval's matching: one to one, the best overlap first.
    let all = |n: usize| (0..n).collect::<Vec<usize>>();
    let mut used = match_spans(&all(gold.len()), &all(sys.len()), &gold, &sys, false);
    used.sort();
    used.into_iter()
        .map(|(gi, si)| {
            let mut candidates = quotes[si].1.clone();
            // Spans back to the input text, as the quote's.
            for c in &mut candidates {
                c.span = c.span.map(|s| ann.doc.offsets.map_span(s));
            }
            Item {
                quote: quotes[si].0.text.chars().take(60).collect(),
                candidates,
                gold: d.quotes[gi].speakers.clone(),
                rule: quotes[si].0.speaker.clone(),
            }
        })
        .collect()
}

/// Trains on every set but `k`, the items mapped by `f`.
fn train_without(
    sets: &[(String, Vec<Item>)],
    k: usize,
    o: &TrainOptions,
    f: &dyn Fn(&Item) -> Item,
) -> SpeakerModel {
    let ex: Vec<Example> = sets
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != k)
        .flat_map(|(_, (_, v))| v.iter().map(|it| f(it).example()))
        .collect();
    SpeakerModel::train(&ex, o)
}

const VARIANTS: [&str; 7] = [
    "rules",
    "ranker w/o rule feature",
    "ranker w/o rule, clean",
    "ranker + rule feature",
    "ranker + rule, margin 5",
    "rules; clean ranker if no name",
    "rules say if named; clean ranker names",
];

fn cross_validate(sets: &[(String, Vec<Item>)], opts: &TrainOptions, errors: bool) {
    let no_rule = TrainOptions {
        without_rule: true,
        ..*opts
    };
    let with_rule = TrainOptions {
        without_rule: false,
        ..*opts
    };
    let nv = VARIANTS.len();
    let mut rows = Vec::new();
    let mut unnamed_rows = Vec::new();
    // Per variant: right answers on named-speaker quotes; named answers on unnamed ones.
    let mut tot = vec![0usize; nv + 1];
    let mut tot_u = vec![0usize; nv];
    let (mut n_all, mut u_all) = (0usize, 0usize);
    for (k, (name, held)) in sets.iter().enumerate() {
        let same = |it: &Item| Item {
            quote: it.quote.clone(),
            candidates: it.candidates.clone(),
            gold: it.gold.clone(),
            rule: it.rule.clone(),
        };
        let plain = train_without(sets, k, &no_rule, &same);
        let plain_clean = train_without(sets, k, &no_rule, &Item::clean);
        let ruled = train_without(sets, k, &with_rule, &same);
        let names_only = train_without(sets, k, &no_rule, &Item::names_only);
        let alone = |it: &Item, m: &SpeakerModel| -> Option<String> {
            match m.choose(&it.candidates) {
                Some(j) => speaker_of(&it.candidates[j], it.rule.as_deref()),
                None => it.rule.clone(),
            }
        };
        let mut counts = vec![0usize; nv + 1];
        let mut counts_u = vec![0usize; nv];
        let (mut n, mut u) = (0usize, 0usize);
        for it in held {
            let c = it.clean();
            let answers = [
                it.rule.clone(),
                alone(it, &plain),
                alone(&c, &plain_clean),
                it.ranked(&ruled, 0.0),
                it.ranked(&ruled, 5.0),
                if it.rule.as_deref().is_some_and(names_someone) {
                    it.rule.clone()
                } else {
                    alone(&c, &plain_clean)
                },
                if it.rule.as_deref().is_some_and(names_someone) {
                    alone(&it.names_only(), &names_only)
                } else {
                    it.rule.clone()
                },
            ];
            if it.gold.is_empty() {
                u += 1;
                for (j, a) in answers.iter().enumerate() {
                    counts_u[j] += usize::from(!it.right(a.as_deref()));
                }
                continue;
            }
            n += 1;
            counts[0] += usize::from(!it.example().gold.is_empty() || it.right(it.rule.as_deref()));
            for (j, a) in answers.iter().enumerate() {
                counts[j + 1] += usize::from(it.right(a.as_deref()));
            }
            if errors && !it.right(answers[6].as_deref()) {
                let c = it.names_only();
                let chosen = names_only.choose(&c.candidates).map(|j| &c.candidates[j]);
                eprintln!(
                    "{name}: {:?} gold {:?} clean ranker {:?} rules {:?} {:?}",
                    it.quote,
                    it.gold.join(";"),
                    answers[6],
                    it.rule,
                    chosen.map(|c| c
                        .features
                        .iter()
                        .filter(|f| !f.contains('|'))
                        .collect::<Vec<_>>())
                );
            }
        }
        n_all += n;
        u_all += u;
        for (t, c) in tot.iter_mut().zip(&counts) {
            *t += c;
        }
        for (t, c) in tot_u.iter_mut().zip(&counts_u) {
            *t += c;
        }
        rows.push(row(name, n, &counts));
        unnamed_rows.push(row(name, u, &counts_u));
    }
    rows.push(row("total", n_all, &tot));
    unnamed_rows.push(row("total", u_all, &tot_u));
    let mut h = vec!["held-out set", "named quotes", "oracle"];
    h.extend(VARIANTS);
    println!("Speaker accuracy on found quotes with a named gold speaker:\n");
    print!("{}", render(&h, &rows));
    let mut h = vec!["held-out set", "unnamed quotes"];
    h.extend(VARIANTS);
    println!("\nFound quotes of an unnamed source (gold `-`) given a name (lower is better):\n");
    print!("{}", render(&h, &unnamed_rows));
}

fn row(name: &str, n: usize, counts: &[usize]) -> Vec<String> {
    let mut r = vec![name.to_string(), n.to_string()];
    for c in counts {
        r.push(format!("{} ({c})", pct(*c as f64 / n.max(1) as f64)));
    }
    r
}
