//! Parser experiments: trains a parser variant and prints its dev LAS per epoch, without
//! writing a model unless `--out` is given. The (slow) jackknifed training tags are cached in
//! `--cache DIR` so that variants trained on the same data share them.
//!
//! `cargo run --release -p dyad-models --example parser_exp -- --dev DEV.conllu
//!  [--epochs 6] [--features 1] [--jackknife 4] [--tagger-epochs 4] [--prune 1.0]
//!  [--dropout 0.1] [--classes data/models/ner_clusters.tsv] [--limit N] [--cache /tmp]
//!  [--out parser.bin] TRAIN.conllu...`
//!
//! `--classes` compiles a word-class table into the parser, whose features then read the
//! words' cluster paths (see `ParserTrainOptions::classes`).
//!
//! With `--load MODEL` it trains nothing: it prunes MODEL's weights below `--prune`, prints
//! the dev scores and writes the result to `--out` (how a model is made smaller).
//!
//! With `--mean` the files are parser models (of one recipe, different `--seed`s): it writes
//! the parser with the mean of their weights (`Parser::mean`), pruned below `--prune`, to
//! `--out` and prints its dev scores.
//!
//! With `--load MODEL --labeler-epochs N TRAIN.conllu...` it trains MODEL's second-pass arc
//! labeler instead (`parser::labeler`, on the jackknifed training tags; `--parser-folds K`,
//! `--parser-epochs E`, `--own-dropout P`, `--labeler-dropout P` and `--gold-trees` set
//! [`LabelerTrainOptions`]), prints dev LAS without and with it, pruned below
//! `--labeler-prune`, and writes MODEL with the labeler to `--out`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use dyad_models::ner::classes::WordClasses;
use dyad_models::parser::{self, LabelerTrainOptions, ParserTrainOptions};
use dyad_models::{data, EpochReport, Tagger, TrainOptions};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut opts = TrainOptions {
        epochs: 6,
        seed: 1,
        prune: 1.0,
    };
    let mut popts = ParserTrainOptions::default();
    let (mut dev, mut out, mut limit, mut cache) = (None, None, usize::MAX, None);
    let mut load = None;
    let mut mean = false;
    let mut lopts = LabelerTrainOptions::default();
    let (mut labeler_epochs, mut labeler_prune) = (0usize, 0.0f32);
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--dev" => dev = Some(PathBuf::from(val()?)),
            "--out" => out = Some(PathBuf::from(val()?)),
            "--load" => load = Some(PathBuf::from(val()?)),
            "--cache" => cache = Some(PathBuf::from(val()?)),
            "--epochs" => opts.epochs = val()?.parse()?,
            "--seed" => opts.seed = val()?.parse()?,
            "--prune" => opts.prune = val()?.parse()?,
            "--limit" => limit = val()?.parse()?,
            "--features" => popts.features = val()?.parse()?,
            "--jackknife" => popts.jackknife = val()?.parse()?,
            "--tagger-epochs" => popts.tagger_epochs = val()?.parse()?,
            "--dropout" => popts.dropout = val()?.parse()?,
            "--classes" => popts.classes = WordClasses::read_file(Path::new(&val()?))?,
            "--labeler-epochs" => labeler_epochs = val()?.parse()?,
            "--labeler-prune" => labeler_prune = val()?.parse()?,
            "--own-dropout" => lopts.own_dropout = val()?.parse()?,
            "--labeler-dropout" => lopts.dropout = val()?.parse()?,
            "--gold-trees" => lopts.gold_trees = true,
            "--mean" => mean = true,
            "--parser-folds" => lopts.parser_folds = val()?.parse()?,
            "--parser-epochs" => lopts.parser_epochs = val()?.parse()?,
            _ if a.starts_with("--") => bail!("unknown option {a}"),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let dev = data::read_conllu(&dev.context("--dev is required")?)?;
    let tagger = Tagger::load(Path::new("models/tagger.bin"))?;
    // A parser made from trained ones (their mean, or one loaded): pruned, scored on dev
    // and written to `--out`.
    let prune_and_save = |mut p: dyad_models::Parser, what: &str| -> anyhow::Result<()> {
        p.prune(opts.prune);
        let (uas, las) = parser::attachment_scores(&tagger, &p, &dev);
        println!(
            "{what}pruned below {}: dev UAS {:.2} LAS {:.2}, {} weights",
            opts.prune,
            100.0 * uas,
            100.0 * las,
            p.size()
        );
        if let Some(o) = &out {
            p.save(o)?;
        }
        Ok(())
    };
    if mean {
        let parsers = files
            .iter()
            .map(|f| dyad_models::Parser::load(f))
            .collect::<Result<Vec<_>, _>>()?;
        let what = format!("mean of {} parsers, ", parsers.len());
        return prune_and_save(dyad_models::Parser::mean(&parsers)?, &what);
    }
    if let Some(m) = load.as_ref().filter(|_| labeler_epochs == 0) {
        return prune_and_save(dyad_models::Parser::load(m)?, "");
    }
    let mut train = Vec::new();
    for f in &files {
        train.extend(data::read_conllu(f)?);
    }
    train.truncate(limit);
    let start = Instant::now();
    let key = format!(
        "dyad_parser_tags_{}_{}_{}_{}_{}.txt",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        popts.jackknife,
        popts.tagger_epochs,
        opts.seed
    );
    let cached = cache.as_ref().map(|d| d.join(&key));
    let tags = match cached.as_ref().filter(|p| p.exists()) {
        Some(p) => std::fs::read_to_string(p)?
            .lines()
            .map(|l| l.split_whitespace().map(|t| t.parse()).collect())
            .collect::<Result<Vec<Vec<u16>>, _>>()?,
        None => {
            let tags = parser::training_tags(&tagger, &train, &popts, opts.seed)?;
            if let Some(p) = &cached {
                let text: Vec<String> = tags
                    .iter()
                    .map(|t| t.iter().map(u16::to_string).collect::<Vec<_>>().join(" "))
                    .collect();
                std::fs::write(p, text.join("\n") + "\n")?;
            }
            tags
        }
    };
    let (mut same, mut n) = (0usize, 0usize);
    let mut ts = dyad_models::TagScratch::default();
    let mut own = Vec::new();
    for (s, t) in train.iter().zip(&tags) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag(&forms, &mut ts, &mut own);
        same += own.iter().zip(t).filter(|(a, b)| a == b).count();
        n += t.len();
    }
    let gold_upos = train
        .iter()
        .zip(&tags)
        .flat_map(|(s, t)| s.words.iter().zip(t))
        .filter(|(w, t)| tagger.label(**t).upos == w.upos)
        .count();
    eprintln!(
        "{} sentences; training tags in {:.0}s: UPOS {:.2}, same as the shipped tagger {:.2}",
        train.len(),
        start.elapsed().as_secs_f64(),
        100.0 * gold_upos as f64 / n.max(1) as f64,
        100.0 * same as f64 / n.max(1) as f64
    );
    if let Some(m) = load {
        let mut p = dyad_models::Parser::load(&m)?;
        p.set_labeler(None);
        let lo = TrainOptions {
            epochs: labeler_epochs,
            ..opts.clone()
        };
        let mut report = progress("labeler epoch");
        let (mut lab, base) =
            parser::train_labeler(&tagger, &p, &train, &tags, &dev, &lo, &lopts, &mut report)?;
        let unpruned = lab.size();
        println!("labeler bonus of the parser's label: {}", lab.bonus());
        lab.prune(labeler_prune);
        let size = lab.size();
        p.set_labeler(Some(lab));
        let (uas, las) = parser::attachment_scores(&tagger, &p, &dev);
        println!(
            "dev LAS without the labeler {:.2}; with it: UAS {:.2} LAS {:.2}, {size} labeler \
             weights ({unpruned} before pruning below {labeler_prune})",
            100.0 * base,
            100.0 * uas,
            100.0 * las
        );
        if let Some(o) = out {
            p.save(&o)?;
        }
        return Ok(());
    }
    let mut report = progress("epoch");
    let p = parser::train_tagged(&tagger, &train, &tags, &dev, &opts, &popts, &mut report)?;
    let (uas, las) = parser::attachment_scores(&tagger, &p, &dev);
    println!(
        "best: dev UAS {:.2} LAS {:.2}, {} weights, {} word classes",
        100.0 * uas,
        100.0 * las,
        p.size(),
        p.word_classes()
    );
    if let Some(o) = out {
        p.save(&o)?;
    }
    Ok(())
}

/// Prints one line per training epoch (`what` names it), with the seconds since this call.
fn progress(what: &'static str) -> impl FnMut(&EpochReport) {
    let start = Instant::now();
    move |r| {
        eprintln!(
            "{what} {} train {:.2} dev LAS {:.2}{} [{:.0}s]",
            r.epoch,
            100.0 * r.train_score,
            100.0 * r.dev_score,
            if r.best { " *" } else { "" },
            start.elapsed().as_secs_f64()
        )
    }
}
