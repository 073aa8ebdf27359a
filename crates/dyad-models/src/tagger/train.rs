//! Tagger training: the tag dictionary, ambiguity classes and morphology from the
//! treebank, then two averaged-perceptron passes (the second reads the first pass's
//! jackknifed tags of the words to the right), each kept at its best epoch on dev.
//!
//! Kept apart from [`super`], which holds what tagging at run time needs: the features,
//! the decoder and the model file.

use std::collections::{BTreeMap, HashMap};

use dyad_text::conllu::ConlluSentence;

use super::{ambiguity, decode, features, tag_h, word_classes, TagLabel, Tagger, WordCls};
use crate::hash::{hash_str, mix, IdBuild, Rng};
use crate::lex::Lex;
use crate::morph::{Morph, MorphExample};
use crate::ner::classes::WordClasses;
use crate::perceptron::{argmax, BestEpoch, Trainer, Weights};
use crate::{EpochReport, ModelError, TrainOptions};

/// Trains a tagger on `train`, keeping the epoch that scores best (UPOS) on `dev`.
pub fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Tagger, ModelError> {
    train_with_classes(train, dev, opts, WordClasses::default(), progress)
}

/// [`train`] with word classes from unlabelled text ([`crate::ner::classes`], e.g.
/// `data/models/ner_clusters.tsv`), which the tagger's features read and its file keeps; with
/// empty `classes` the same as [`train`].
pub fn train_with_classes(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    classes: WordClasses,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Tagger, ModelError> {
    if train.is_empty() {
        return Err(ModelError::Train("no training sentences".into()));
    }
    // Labels in sorted order, so ids do not depend on data order.
    let mut label_ids: BTreeMap<(String, String), u16> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            label_ids.insert((w.upos.clone(), w.xpos.clone()), 0);
        }
    }
    if label_ids.len() > u16::MAX as usize {
        return Err(ModelError::Train("too many tag labels".into()));
    }
    let mut labels = Vec::new();
    for (i, (k, v)) in label_ids.iter_mut().enumerate() {
        *v = i as u16;
        labels.push(TagLabel {
            upos: k.0.clone(),
            xpos: k.1.clone(),
        });
    }
    let gold: Vec<Vec<u16>> = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| label_ids[&(w.upos.clone(), w.xpos.clone())])
                .collect()
        })
        .collect();
    // Tag dictionary: frequent words seen with one label at least 97% of the time.
    let mut counts: HashMap<&str, BTreeMap<u16, usize>> = HashMap::new();
    for (s, g) in train.iter().zip(&gold) {
        for (w, t) in s.words.iter().zip(g) {
            *counts
                .entry(w.form.as_str())
                .or_default()
                .entry(*t)
                .or_default() += 1;
        }
    }
    let mut tagdict: HashMap<u64, u16, IdBuild> = HashMap::default();
    for (w, c) in &counts {
        let total: usize = c.values().sum();
        let (t, n) = c
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .unwrap();
        if total >= 20 && *n as f64 / total as f64 >= 0.97 {
            tagdict.insert(hash_str(w), *t);
        }
    }
    let mut examples = Vec::new();
    for (s, g) in train.iter().zip(&gold) {
        for (w, t) in s.words.iter().zip(g) {
            examples.push(MorphExample {
                form: &w.form,
                label: *t,
                upos: &w.upos,
                lemma: &w.lemma,
                feats: &w.feats,
            });
        }
    }
    let morph = Morph::train(&examples, labels.len());

    let lexed: Vec<Vec<Lex>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| Lex::new(&w.form)).collect())
        .collect();
    let dev_lexed: Vec<Vec<Lex>> = dev
        .iter()
        .map(|s| s.words.iter().map(|w| Lex::new(&w.form)).collect())
        .collect();
    let dev_gold: Vec<Vec<String>> = dev
        .iter()
        .map(|s| s.words.iter().map(|w| w.upos.clone()).collect())
        .collect();
    let amb = ambiguity_classes(&lexed, &gold);
    let amb_of = |lex: &[Lex]| {
        let mut v = Vec::new();
        ambiguity(&amb, lex, &mut v);
        v
    };
    let amb_train: Vec<Vec<u64>> = lexed.iter().map(|l| amb_of(l)).collect();
    let amb_dev: Vec<Vec<u64>> = dev_lexed.iter().map(|l| amb_of(l)).collect();
    let cls_of = |lex: &[Lex]| {
        let mut v = Vec::new();
        word_classes(&classes, lex, &mut v);
        v
    };
    let cls_train: Vec<Vec<WordCls>> = lexed.iter().map(|l| cls_of(l)).collect();
    let cls_dev: Vec<Vec<WordCls>> = dev_lexed.iter().map(|l| cls_of(l)).collect();
    let pass = Pass {
        labels: &labels,
        tagdict: &tagdict,
        amb_train: &amb_train,
        amb_dev: &amb_dev,
        cls_train: &cls_train,
        cls_dev: &cls_dev,
        opts,
    };
    // Jackknifed first-pass tags of the training data, so that the second pass learns from
    // first-pass tags as noisy as those it will see at run time.
    let mut right: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    for fold in 0..2 {
        let (tr, te): (Vec<usize>, Vec<usize>) = (0..train.len()).partition(|i| i % 2 != fold);
        let w = pass.train(&lexed, &gold, &tr, None, None, &mut |_| {})?;
        let (mut f, mut sc) = (Vec::new(), Vec::new());
        for i in te {
            decode(
                &lexed[i],
                &amb_train[i],
                &cls_train[i],
                &tagdict,
                None,
                &mut f,
                &mut sc,
                |x, y| w.scores(x, y),
                &mut right[i],
            );
        }
    }
    let all: Vec<usize> = (0..train.len()).collect();
    let dev_set = (dev_lexed.as_slice(), dev_gold.as_slice());
    let w1 = pass.train(
        &lexed,
        &gold,
        &all,
        None,
        Some((dev_set, None)),
        &mut |_| {},
    )?;
    let mut dev_first: Vec<Vec<u16>> = Vec::with_capacity(dev.len());
    let (mut f, mut sc) = (Vec::new(), Vec::new());
    for ((lex, a), c) in dev_lexed.iter().zip(&amb_dev).zip(&cls_dev) {
        let mut out = Vec::new();
        decode(
            lex,
            a,
            c,
            &tagdict,
            None,
            &mut f,
            &mut sc,
            |x, y| w1.scores(x, y),
            &mut out,
        );
        dev_first.push(out);
    }
    let w2 = pass.train(
        &lexed,
        &gold,
        &all,
        Some(&right),
        Some((dev_set, Some(&dev_first))),
        progress,
    )?;
    Ok(Tagger {
        labels,
        weights: w1,
        weights2: w2,
        tagdict,
        morph,
        amb,
        classes,
    })
}

type DevSet<'a> = (&'a [Vec<Lex>], &'a [Vec<String>]);

/// What the passes of tagger training share.
struct Pass<'a> {
    labels: &'a [TagLabel],
    tagdict: &'a HashMap<u64, u16, IdBuild>,
    amb_train: &'a [Vec<u64>],
    amb_dev: &'a [Vec<u64>],
    cls_train: &'a [Vec<WordCls>],
    cls_dev: &'a [Vec<WordCls>],
    opts: &'a TrainOptions,
}

impl Pass<'_> {
    /// Trains one pass on the sentences `which`; returns the weights of the best epoch on dev
    /// (UPOS accuracy), or of the last epoch without dev.
    fn train(
        &self,
        lexed: &[Vec<Lex>],
        gold: &[Vec<u16>],
        which: &[usize],
        right: Option<&[Vec<u16>]>,
        dev: Option<(DevSet, Option<&[Vec<u16>]>)>,
        progress: &mut dyn FnMut(&EpochReport),
    ) -> Result<Weights, ModelError> {
        let opts = self.opts;
        let mut trainer = Trainer::new(self.labels.len());
        let mut rng = Rng::new(opts.seed);
        let mut order = which.to_vec();
        let mut best = BestEpoch::new(opts.epochs, progress);
        let (mut feats, mut scores, mut out) = (Vec::new(), Vec::new(), Vec::new());
        for epoch in 1..=opts.epochs.max(1) {
            rng.shuffle(&mut order);
            let (mut ok, mut n) = (0usize, 0usize);
            for &si in &order {
                let lex = &lexed[si];
                let r = right.map(|r| r[si].as_slice());
                out.clear();
                for i in 0..lex.len() {
                    let g = gold[si][i];
                    if let Some(&t) = self.tagdict.get(&lex[i].word) {
                        out.push(t);
                        continue;
                    }
                    let t1 = tag_h(i.checked_sub(1).map(|j| out[j]));
                    let t2 = tag_h(i.checked_sub(2).map(|j| out[j]));
                    features(
                        lex,
                        &self.amb_train[si],
                        &self.cls_train[si],
                        i,
                        t1,
                        t2,
                        r,
                        &mut feats,
                    );
                    trainer.scores(&feats, &mut scores);
                    let guess = argmax(&scores, |_| true).unwrap_or(0);
                    trainer.tick();
                    trainer.update(&feats, g as usize, guess);
                    ok += (guess == g as usize) as usize;
                    n += 1;
                    out.push(guess as u16);
                }
            }
            let w = trainer.average(opts.prune);
            let train_score = ok as f64 / n.max(1) as f64;
            let dev_score = match dev {
                Some(((dl, dg), dr)) if !dl.is_empty() => {
                    let (mut ok, mut n) = (0usize, 0usize);
                    for (k, (lex, g)) in dl.iter().zip(dg).enumerate() {
                        let r = dr.map(|r| r[k].as_slice());
                        decode(
                            lex,
                            &self.amb_dev[k],
                            &self.cls_dev[k],
                            self.tagdict,
                            r,
                            &mut feats,
                            &mut scores,
                            |x, y| w.scores(x, y),
                            &mut out,
                        );
                        for (t, g) in out.iter().zip(g) {
                            n += 1;
                            ok += (self.labels[*t as usize].upos == *g) as usize;
                        }
                    }
                    ok as f64 / n.max(1) as f64
                }
                _ => train_score,
            };
            best.observe(epoch, train_score, dev_score, dev.is_none(), || w);
        }
        best.into_weights()
    }
}

/// Ambiguity classes from training counts: words seen at least 3 times get the hash of the
/// labels that make up at least 5% of their occurrences.
fn ambiguity_classes(lexed: &[Vec<Lex>], gold: &[Vec<u16>]) -> HashMap<u64, u64, IdBuild> {
    let mut counts: HashMap<u64, BTreeMap<u16, usize>, IdBuild> = HashMap::default();
    for (lex, g) in lexed.iter().zip(gold) {
        for (l, t) in lex.iter().zip(g) {
            *counts.entry(l.lower).or_default().entry(*t).or_default() += 1;
        }
    }
    let mut out = HashMap::default();
    for (w, c) in counts {
        let total: usize = c.values().sum();
        if total < 3 {
            continue;
        }
        let mut h = 0xa3b;
        for (t, n) in c {
            if n * 20 >= total {
                h = mix(h, t as u64 + 1);
            }
        }
        out.insert(w, h);
    }
    out
}
