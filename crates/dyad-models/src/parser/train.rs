//! Parser training: jackknifed training tags, then epochs of dynamic-oracle perceptron
//! updates, keeping the epoch with the best dev LAS.
//!
//! The parser runs on predicted tags, so it must learn from predicted tags. Tagging the
//! training data with the shipped tagger gives tags that are too good (that tagger was trained
//! on the same sentences), and the parser then trusts them more than it should. Jackknifing
//! fixes that: the training sentences are split into `k` folds (sentence `i` in fold `i % k`,
//! so it is deterministic), a tagger is trained on the other `k - 1` folds with a few epochs,
//! and it tags the held-out fold. Fold taggers' label ids are mapped to the shipped tagger's
//! by (UPOS, XPOS), so the trained parser reads the shipped tagger's ids at run time.
//!
//! Optional feature dropout ([`ParserTrainOptions::dropout`]) leaves a random share of each
//! training decision's features out. It changes only training, not the templates or the file
//! format: on EWT dev it gave the same best LAS unpruned and kept more of it once pruned, as
//! the weight is spread over more features.

use std::collections::{BTreeMap, HashMap};

use dyad_text::conllu::ConlluSentence;

use super::state::{State, NO_LABEL};
use super::{attachment_scores, Parser, FEATURES};
use crate::hash::Rng;
use crate::ner::classes::WordClasses;
use crate::perceptron::{argmax, BestEpoch, Trainer};
use crate::tagger::{TagScratch, Tagger};
use crate::{EpochReport, ModelError, TrainOptions};

/// Share of dynamic-oracle steps (after the first epoch) that follow the model's prediction.
const EXPLORE_P: f64 = 0.9;

/// What parser training does besides the shared [`TrainOptions`].
#[derive(Clone, Debug)]
pub struct ParserTrainOptions {
    /// Jackknife folds for the training tags; 0 or 1 tags the training data with the given
    /// tagger itself.
    pub jackknife: usize,
    /// Epochs of each fold tagger.
    pub tagger_epochs: usize,
    /// The feature set (see [`FEATURES`]).
    pub features: u8,
    /// Feature dropout: the share of a training decision's features (all but the bias) left
    /// out of both its scoring and its update, drawn afresh at every decision. The perceptron
    /// then cannot lean on a few rare, highly specific features (the parser reaches 99%
    /// training accuracy), and spreads weight over the backoff templates it meets at run time.
    /// 0 trains as the models before it did; the shipped parser was trained with 0.1.
    pub dropout: f64,
    /// Word classes from unlabelled text ([`crate::ner::classes`], e.g.
    /// `data/models/ner_clusters.tsv`): when not empty, they are compiled into the parser and
    /// its features read the cluster paths of `s0`, `s1`, `b0` and `b1`.
    pub classes: WordClasses,
}

impl Default for ParserTrainOptions {
    fn default() -> ParserTrainOptions {
        ParserTrainOptions {
            jackknife: 4,
            tagger_epochs: 4,
            features: FEATURES,
            dropout: 0.1,
            classes: WordClasses::default(),
        }
    }
}

/// Trains a parser on `train` with [`ParserTrainOptions::default`] (jackknifed tags, newest
/// features), keeping the epoch with the best LAS on `dev` (tagged by `tagger`).
pub fn train(
    tagger: &Tagger,
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Parser, ModelError> {
    train_with_options(
        tagger,
        train,
        dev,
        opts,
        &ParserTrainOptions::default(),
        progress,
    )
}

/// [`train`] with other [`ParserTrainOptions`] (e.g. word classes).
pub fn train_with_options(
    tagger: &Tagger,
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    popts: &ParserTrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Parser, ModelError> {
    let tags = training_tags(tagger, train, popts, opts.seed)?;
    train_tagged(tagger, train, &tags, dev, opts, popts, progress)
}

/// The tags the parser learns from: jackknifed (see the module doc) when `popts.jackknife` is
/// 2 or more, else `tagger`'s own. Ids are `tagger`'s label ids.
pub fn training_tags(
    tagger: &Tagger,
    train: &[ConlluSentence],
    popts: &ParserTrainOptions,
    seed: u64,
) -> Result<Vec<Vec<u16>>, ModelError> {
    let mut ts = TagScratch::default();
    let mut own = Vec::with_capacity(train.len());
    for s in train {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let mut tags = Vec::new();
        tagger.tag(&forms, &mut ts, &mut tags);
        own.push(tags);
    }
    let k = popts.jackknife;
    if k < 2 || train.len() < k {
        return Ok(own);
    }
    let ids: HashMap<(&str, &str), u16> = tagger
        .labels()
        .iter()
        .enumerate()
        .map(|(i, l)| ((l.upos.as_str(), l.xpos.as_str()), i as u16))
        .collect();
    let topts = TrainOptions {
        epochs: popts.tagger_epochs.max(1),
        seed,
        prune: TrainOptions::default().prune,
    };
    for fold in 0..k {
        let rest: Vec<ConlluSentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        // Fold taggers read the same word classes as `tagger`, so their errors are alike.
        let classes = tagger.classes().clone();
        let ft = crate::tagger::train_with_classes(&rest, &[], &topts, classes, &mut |_| {})?;
        let mut tags = Vec::new();
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            ft.tag(&forms, &mut ts, &mut tags);
            for (j, t) in tags.iter().enumerate() {
                let l = ft.label(*t);
                // A label the shipped tagger never predicts keeps the shipped tagger's tag.
                if let Some(&id) = ids.get(&(l.upos.as_str(), l.xpos.as_str())) {
                    own[i][j] = id;
                }
            }
        }
    }
    Ok(own)
}

/// Trains a parser with feature set `popts.features` and dropout `popts.dropout` (the
/// jackknife options are not used here) on `train`, whose words carry the given
/// `tags` (ids of `tagger`, one list per sentence, e.g. from [`training_tags`]), keeping the
/// epoch with the best LAS on `dev` (tagged by `tagger`; the last epoch when `dev` is empty).
pub fn train_tagged(
    tagger: &Tagger,
    train: &[ConlluSentence],
    tags: &[Vec<u16>],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    popts: &ParserTrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Parser, ModelError> {
    let features = popts.features;
    if !(0.0..1.0).contains(&popts.dropout) {
        return Err(ModelError::Train(format!(
            "feature dropout {} is not in [0, 1)",
            popts.dropout
        )));
    }
    if tags.len() != train.len() {
        return Err(ModelError::Train(format!(
            "{} tag lists for {} training sentences",
            tags.len(),
            train.len()
        )));
    }
    if features > FEATURES {
        return Err(ModelError::Train(format!(
            "feature set {features} does not exist (newest: {FEATURES})"
        )));
    }
    let mut ids: BTreeMap<&str, u16> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            ids.insert(w.deprel.as_str(), 0);
        }
    }
    if !ids.contains_key("root") {
        return Err(ModelError::Train(
            "no `root` relation in the training data".into(),
        ));
    }
    let mut labels = Vec::new();
    for (i, (k, v)) in ids.iter_mut().enumerate() {
        *v = i as u16;
        labels.push(k.to_string());
    }
    let nl = labels.len();
    let root = ids["root"];
    // Inputs: lexes, training tags, gold heads (index 0 = root; padded to n + 2).
    let mut lex = Vec::new();
    let mut data = Vec::with_capacity(train.len());
    for (s, tags) in train.iter().zip(tags) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let n = s.words.len();
        if tags.len() != n {
            return Err(ModelError::Train(format!(
                "training sentence {}: {} tags for {n} words",
                data.len() + 1,
                tags.len()
            )));
        }
        crate::lex::lexes(&forms, &mut lex);
        let mut gh = vec![n + 1; n + 2];
        let mut gl = vec![NO_LABEL; n + 2];
        for w in &s.words {
            if w.id == 0 || w.id > n || w.head > n {
                return Err(ModelError::Train(format!(
                    "training sentence {}: word {} has head {} outside the sentence",
                    data.len() + 1,
                    w.id,
                    w.head
                )));
            }
            gh[w.id] = w.head;
            gl[w.id] = ids[w.deprel.as_str()];
        }
        data.push((lex.clone(), tags.as_slice(), gh, gl));
    }
    let mut upos: BTreeMap<&str, u16> = BTreeMap::new();
    for l in tagger.labels() {
        upos.insert(l.upos.as_str(), 0);
    }
    for (i, v) in upos.values_mut().enumerate() {
        *v = i as u16;
    }
    let coarse = tagger
        .labels()
        .iter()
        .map(|l| upos[l.upos.as_str()])
        .collect();
    let mut parser = Parser {
        labels,
        root,
        coarse,
        features,
        weights: Trainer::new(1).average(0.0),
        labeler: None,
        classes: popts.classes.clone(),
    };
    let mut trainer = Trainer::new(1 + 2 * nl);
    let mut rng = Rng::new(opts.seed);
    // Its own generator, so that training without dropout draws exactly as before.
    let mut drop_rng = Rng::new(opts.seed ^ 0x5eed_d20f);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let (mut feats, mut scores, mut costs) = (Vec::new(), Vec::new(), Vec::new());
    let mut best = BestEpoch::new(opts.epochs, progress);
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let (lex, tags, gh, gl) = &data[si];
            st.init(lex, tags, &parser.coarse, &parser.classes);
            while !st.terminal() {
                st.features(features, &mut feats);
                if popts.dropout > 0.0 {
                    // The bias (first feature) always stays.
                    let mut first = true;
                    feats.retain(|_| {
                        std::mem::take(&mut first) || drop_rng.next_f64() >= popts.dropout
                    });
                }
                trainer.scores(&feats, &mut scores);
                st.costs(gh, gl, nl, &mut costs);
                let valid = |a: usize| parser.valid(&st, a) && costs[a] < i32::MAX;
                let Some(pred) = argmax(&scores, valid) else {
                    break;
                };
                let min = (0..costs.len())
                    .filter(|&a| valid(a))
                    .map(|a| costs[a])
                    .min()
                    .unwrap_or(0);
                let gold = argmax(&scores, |a| valid(a) && costs[a] == min).unwrap_or(pred);
                trainer.tick();
                n += 1;
                if costs[pred] > min {
                    trainer.update(&feats, gold, pred);
                } else {
                    ok += 1;
                }
                let next = if epoch > 1 && rng.next_f64() < EXPLORE_P {
                    pred
                } else {
                    gold
                };
                st.apply(next, nl);
            }
        }
        parser.weights = trainer.average(opts.prune);
        let dev_score = if dev.is_empty() {
            ok as f64 / n.max(1) as f64
        } else {
            attachment_scores(tagger, &parser, dev).1
        };
        let train_score = ok as f64 / n.max(1) as f64;
        best.observe(epoch, train_score, dev_score, dev.is_empty(), || {
            parser.weights.clone()
        });
    }
    parser.weights = best.into_weights()?;
    Ok(parser)
}
