//! The averaged perceptron shared by the tagger, the parser and the NER tagger.
//!
//! Weights are sparse per feature: each feature key holds the few classes it was ever updated
//! for. A perceptron only touches the gold and the predicted class on an update, so most
//! features end up with one to a handful of classes; scoring walks those lists instead of a
//! dense row, which is both smaller and faster than a `features x classes` matrix.
//! [`Trainer`] keeps the running sums for averaging (lazily, by timestamp, as in Collins 2002
//! and Honnibal's taggers); [`Weights`] is the frozen, averaged, pruned result that ships.

use std::collections::{BTreeMap, HashMap};

use crate::hash::IdBuild;
pub use crate::weights::Weights;
use crate::ModelError;

#[derive(Clone, Copy, Debug)]
struct Param {
    class: u16,
    w: f32,
    total: f64,
    ts: u64,
}

/// The weights while training.
pub struct Trainer {
    nclasses: usize,
    table: HashMap<u64, Vec<Param>, IdBuild>,
    step: u64,
}

impl Trainer {
    pub fn new(nclasses: usize) -> Trainer {
        Trainer {
            nclasses,
            table: HashMap::default(),
            step: 0,
        }
    }

    /// Adds the current weights of `feats` into `scores` (length `nclasses`, zeroed here).
    pub fn scores(&self, feats: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.nclasses, 0.0);
        for f in feats {
            if let Some(ps) = self.table.get(f) {
                for p in ps {
                    scores[p.class as usize] += p.w;
                }
            }
        }
    }

    /// Counts one training instance (for averaging); call once per decision.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Counts `n` training instances at once (a sequence trainer's words).
    pub fn advance(&mut self, n: u64) {
        self.step += n;
    }

    /// The perceptron update: `truth` up, `guess` down, on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.add(f, truth as u16, 1.0);
            self.add(f, guess as u16, -1.0);
        }
    }

    /// Adds `d` to the weight of feature `f` for `class`: one half of an update, for
    /// trainers whose gold and guessed decisions have different feature lists (a sequence
    /// perceptron's two label histories).
    pub fn add(&mut self, f: u64, class: u16, d: f32) {
        let step = self.step;
        let ps = self.table.entry(f).or_default();
        let p = match ps.iter().position(|p| p.class == class) {
            Some(i) => &mut ps[i],
            None => {
                ps.push(Param {
                    class,
                    w: 0.0,
                    total: 0.0,
                    ts: step,
                });
                ps.last_mut().expect("just pushed")
            }
        };
        p.total += (step - p.ts) as f64 * p.w as f64;
        p.ts = step;
        p.w += d;
    }

    /// The averaged weights, dropping those with magnitude below `prune`.
    pub fn average(&self, prune: f32) -> Weights {
        let step = self.step.max(1) as f64;
        let mut keys: Vec<u64> = self.table.keys().copied().collect();
        keys.sort_unstable();
        let mut rows = Vec::with_capacity(keys.len());
        for k in keys {
            let mut row: Vec<(u16, f32)> = self.table[&k]
                .iter()
                .map(|p| {
                    let avg = (p.total + (step - p.ts as f64) * p.w as f64) / step;
                    (p.class, avg as f32)
                })
                .filter(|&(_, avg)| avg.abs() >= prune && avg != 0.0)
                .collect();
            if !row.is_empty() {
                row.sort_by_key(|p| p.0);
                rows.push((k, row));
            }
        }
        Weights::from_rows(self.nclasses, &rows)
    }
}

/// Keeps the weights of the best epoch on dev and reports every epoch: the bookkeeping the
/// tagger, parser and NER trainers share.
pub struct BestEpoch<'p> {
    epochs: usize,
    best: Option<(f64, Weights)>,
    progress: &'p mut dyn FnMut(&crate::EpochReport),
}

impl<'p> BestEpoch<'p> {
    pub fn new(epochs: usize, progress: &'p mut dyn FnMut(&crate::EpochReport)) -> BestEpoch<'p> {
        BestEpoch {
            epochs,
            best: None,
            progress,
        }
    }

    /// Reports `epoch` and keeps `weights` when `dev_score` beats every earlier epoch, or
    /// always when `keep_latest` (training without a dev set).
    pub fn observe(
        &mut self,
        epoch: usize,
        train_score: f64,
        dev_score: f64,
        keep_latest: bool,
        weights: impl FnOnce() -> Weights,
    ) {
        let best = keep_latest || self.best.as_ref().is_none_or(|(b, _)| dev_score > *b);
        (self.progress)(&crate::EpochReport {
            epoch,
            epochs: self.epochs,
            train_score,
            dev_score,
            best,
        });
        if best {
            self.best = Some((dev_score, weights()));
        }
    }

    /// The kept weights; an error if no epoch was observed.
    pub fn into_weights(self) -> Result<Weights, ModelError> {
        self.best
            .map(|(_, w)| w)
            .ok_or_else(|| ModelError::Train("no training epoch ran".into()))
    }
}

/// The index of the highest score among the classes allowed by `ok` (first on ties).
#[inline]
pub fn argmax(scores: &[f32], ok: impl Fn(usize) -> bool) -> Option<usize> {
    // The first allowed class, then a plain scan for a strictly higher one (the tagger
    // allows every class: the scan is then a few instructions a class).
    let first = (0..scores.len()).find(|&i| ok(i))?;
    let (mut bi, mut bx) = (first, scores[first]);
    for (i, &s) in scores.iter().enumerate().skip(first + 1) {
        if s > bx && ok(i) {
            (bi, bx) = (i, s);
        }
    }
    Some(bi)
}

/// The mean of several runs' weights (a feature missing from a run counts as 0 there).
pub(crate) fn mean(nclasses: usize, models: &[Weights]) -> Weights {
    if models.len() == 1 {
        return models[0].clone();
    }
    let mut sum: BTreeMap<u64, BTreeMap<u16, f32>> = BTreeMap::new();
    for m in models {
        for (k, row) in m.to_rows() {
            let e = sum.entry(k).or_default();
            for (c, v) in row {
                *e.entry(c).or_default() += v / models.len() as f32;
            }
        }
    }
    let rows: Vec<(u64, Vec<(u16, f32)>)> = sum
        .into_iter()
        .map(|(k, r)| (k, r.into_iter().filter(|&(_, v)| v != 0.0).collect()))
        .collect();
    Weights::from_rows(nclasses, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{Dec, Enc};

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // class = feature id mod 3
        let mut t = Trainer::new(3);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for x in 0u64..30 {
                let feats = [x, 1000];
                t.scores(&feats, &mut scores);
                let guess = argmax(&scores, |_| true).unwrap();
                t.tick();
                t.update(&feats, (x % 3) as usize, guess);
            }
        }
        let w = t.average(0.0);
        for x in 0u64..30 {
            w.scores(&[x, 1000], &mut scores);
            assert_eq!(argmax(&scores, |_| true), Some((x % 3) as usize));
        }
        let mut e = Enc::default();
        w.encode(&mut e);
        let w2 = Weights::decode(&mut Dec::new(&e.buf)).unwrap();
        assert_eq!(w2.len(), w.len());
        let mut s2 = Vec::new();
        w2.scores(&[7, 1000], &mut s2);
        w.scores(&[7, 1000], &mut scores);
        for (a, b) in s2.iter().zip(&scores) {
            assert!((a - b).abs() < 1e-3, "{a} vs {b}");
        }
    }

    /// `argmax` answers as the plain loop it replaced: the first of the best allowed
    /// classes, ties and all, `None` when nothing is allowed.
    #[test]
    fn argmax_is_the_first_best_allowed_class() {
        let plain = |scores: &[f32], ok: &dyn Fn(usize) -> bool| {
            let mut best: Option<(usize, f32)> = None;
            for (i, &s) in scores.iter().enumerate() {
                if ok(i) && best.is_none_or(|(_, b)| s > b) {
                    best = Some((i, s));
                }
            }
            best.map(|b| b.0)
        };
        let mut rng = crate::hash::Rng::new(3);
        for round in 0..3000 {
            let n = (rng.next_u64() % 12) as usize;
            // Few distinct values, so that ties are common.
            let scores: Vec<f32> = (0..n).map(|_| (rng.next_u64() % 4) as f32 - 1.5).collect();
            let mask = rng.next_u64();
            let ok = |i: usize| round % 3 == 0 || mask >> i & 1 == 1;
            assert_eq!(
                argmax(&scores, ok),
                plain(&scores, &ok),
                "{scores:?} {mask:b}"
            );
        }
    }
}
