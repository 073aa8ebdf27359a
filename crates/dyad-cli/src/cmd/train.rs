//! `dyad train tagger|parser|ner`: trains one model and writes its versioned model file.
//!
//! Training is deterministic for a fixed `--seed` and runs on one thread. Each epoch is scored
//! on `--dev` (UPOS accuracy, LAS, or NER span F1) and the best epoch is the one written.
//! The parser and the NER tagger read the tags of an already trained tagger (`--tagger`), so
//! they learn from the same kind of tags they will see at run time.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use dyad_models::{data, EpochReport, TrainOptions};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Which model to train.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ModelKind {
    /// UPOS+XPOS tagger with morphological features and lemmas (CoNLL-U input)
    Tagger,
    /// Labelled dependency parser (CoNLL-U input)
    Parser,
    /// Named-entity tagger (BIO/IOB2 input)
    Ner,
}

/// `KIND --train ... --dev ... --out ...`, as the example `dyad_train` reads it.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// The model to train
    #[arg(value_enum)]
    pub kind: ModelKind,
    #[command(flatten)]
    pub opts: TrainOpts,
}

/// The options of every model's training (`dyad train tagger|parser|ner OPTIONS`).
#[derive(clap::Args, Debug)]
pub struct TrainOpts {
    /// Training files (CoNLL-U for tagger/parser; BIO for ner, or CoNLL-U with GUM's
    /// `Entity=` annotation, whose person/place/organization names are used)
    #[arg(long, required = true, num_args = 1..)]
    pub train: Vec<PathBuf>,
    /// Development file used to pick the best epoch
    #[arg(long)]
    pub dev: PathBuf,
    /// Where to write the model
    #[arg(long)]
    pub out: PathBuf,
    /// The trained tagger whose tags the parser and NER learn from
    #[arg(long, default_value = "models/tagger.bin")]
    pub tagger: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Name lists compiled into the NER model (`data/actors/*.tsv`, `data/gkg/places.tsv`)
    #[arg(long, num_args = 1..)]
    pub gazetteer: Vec<PathBuf>,
    /// Drop averaged weights smaller than this from the saved model
    #[arg(long, default_value_t = 1e-3)]
    pub prune: f32,
    /// Word-class table (`data/models/ner_clusters.tsv`) compiled into the tagger or parser,
    /// whose features then read the words' cluster paths
    #[arg(long)]
    pub classes: Option<PathBuf>,
    /// Parser: train this many runs, with seeds --seed, --seed + 1, ..., and write the mean
    /// of their weights (one run: that run)
    #[arg(long, default_value_t = 1)]
    pub runs: usize,
}

pub fn run(kind: ModelKind, args: &TrainOpts) -> anyhow::Result<()> {
    if args.epochs == 0 {
        bail!("--epochs must be at least 1");
    }
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        prune: args.prune,
    };
    let start = Instant::now();
    let bar = bar(args.epochs);
    let metric = match kind {
        ModelKind::Tagger => "UPOS",
        ModelKind::Parser => "LAS",
        ModelKind::Ner => "F1",
    };
    let mut progress = |r: &EpochReport| {
        let line = format!(
            "epoch {}/{}  train {:.2}  dev {metric} {:.2}{}  [{:.0}s]",
            r.epoch,
            r.epochs,
            100.0 * r.train_score,
            100.0 * r.dev_score,
            if r.best { " (best)" } else { "" },
            start.elapsed().as_secs_f64()
        );
        match &bar {
            Some(b) => {
                b.inc(1);
                b.println(&line);
                b.set_message(format!("dev {metric} {:.2}", 100.0 * r.dev_score));
            }
            None => eprintln!("{line}"),
        }
    };
    match kind {
        ModelKind::Tagger | ModelKind::Parser => {
            let mut train = Vec::new();
            for p in &args.train {
                train.extend(data::read_conllu(p)?);
            }
            let dev = data::read_conllu(&args.dev)?;
            eprintln!(
                "{} training sentences, {} dev sentences",
                train.len(),
                dev.len()
            );
            let classes = match &args.classes {
                Some(p) => dyad_models::ner::classes::WordClasses::read_file(p)?,
                None => Default::default(),
            };
            if kind == ModelKind::Tagger {
                let m = dyad_models::tagger::train_with_classes(
                    &train,
                    &dev,
                    &opts,
                    classes,
                    &mut progress,
                )?;
                m.save(&args.out)?;
            } else {
                let tagger = dyad_models::Tagger::load(&args.tagger)
                    .context("the parser learns from the tagger's tags; train it first")?;
                let popts = dyad_models::parser::ParserTrainOptions {
                    classes,
                    ..Default::default()
                };
                let mut runs = Vec::new();
                for r in 0..args.runs {
                    let o = TrainOptions {
                        seed: args.seed + r as u64,
                        ..opts.clone()
                    };
                    runs.push(dyad_models::parser::train_with_options(
                        &tagger,
                        &train,
                        &dev,
                        &o,
                        &popts,
                        &mut progress,
                    )?);
                }
                let m = dyad_models::Parser::mean(&runs)?;
                m.save(&args.out)?;
            }
        }
        ModelKind::Ner => {
            // BIO files, or CoNLL-U files with GUM's entity annotation (its names).
            let mut train = Vec::new();
            for p in &args.train {
                if p.extension().is_some_and(|e| e == "conllu") {
                    train.extend(data::read_conllu_entities(p)?);
                } else {
                    train.extend(data::read_bio(p)?);
                }
            }
            let dev = data::read_bio(&args.dev)?;
            eprintln!(
                "{} training sentences, {} dev sentences",
                train.len(),
                dev.len()
            );
            let tagger = dyad_models::Tagger::load(&args.tagger)
                .context("the NER tagger learns from the tagger's tags; train it first")?;
            let mut gaz = dyad_models::gazetteer::Gazetteer::default();
            for p in &args.gazetteer {
                let n = gaz.add_file(p)?;
                eprintln!("{}: {n} names", p.display());
            }
            let m = dyad_models::ner::train(&tagger, gaz, &train, &dev, &opts, &mut progress)?;
            eprintln!("penalty on O chosen on dev: {}", m.o_penalty());
            eprintln!(
                "entity type biases chosen on dev: {:?} {:?}",
                m.types(),
                m.type_bias()
            );
            m.save(&args.out)?;
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let size = std::fs::metadata(&args.out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {} ({:.1} MB) in {:.0}s",
        args.out.display(),
        size as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn bar(epochs: usize) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let b = ProgressBar::with_draw_target(Some(epochs as u64), ProgressDrawTarget::stderr());
    b.set_style(
        ProgressStyle::with_template("[{elapsed_precise}] {bar:30} epoch {pos}/{len}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    Some(b)
}
