//! The averaged perceptron shared by the tagger, the parser and the NER tagger.
//!
//! Weights are sparse per feature: each feature key holds the few classes it was ever updated
//! for. A perceptron only touches the gold and the predicted class on an update, so most
//! features end up with one to a handful of classes; scoring walks those lists instead of a
//! dense row, which is both smaller and faster than a `features x classes` matrix.
//! [`Trainer`] keeps the running sums for averaging (lazily, by timestamp, as in Collins 2002
//! and Honnibal's taggers); [`Weights`] is the frozen, averaged, pruned result that ships.

use std::collections::HashMap;

use crate::codec::{Dec, Enc};
use crate::hash::IdBuild;
use crate::ModelError;

#[derive(Clone, Copy, Debug)]
struct Param {
    class: u16,
    w: f32,
    total: f64,
    ts: u32,
}

/// The weights while training.
pub struct Trainer {
    nclasses: usize,
    table: HashMap<u64, Vec<Param>, IdBuild>,
    step: u32,
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

    /// The perceptron update: `truth` up, `guess` down, on every feature.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth as u16, 1.0);
            self.bump(f, guess as u16, -1.0);
        }
    }

    fn bump(&mut self, f: u64, class: u16, d: f32) {
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
        let mut w = Weights::empty(self.nclasses);
        for k in keys {
            let start = w.classes.len() as u32;
            let mut ps = self.table[&k].clone();
            ps.sort_by_key(|p| p.class);
            for p in ps {
                let avg = ((p.total + (step - p.ts as f64) * p.w as f64) / step) as f32;
                if avg.abs() >= prune && avg != 0.0 {
                    w.classes.push(p.class);
                    w.values.push(avg);
                }
            }
            let end = w.classes.len() as u32;
            if end > start {
                w.index.insert(k, (start, end));
                w.keys.push(k);
            }
        }
        w
    }
}

/// Frozen averaged weights: immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Weights {
    nclasses: usize,
    /// Keys in ascending order (the serialization order).
    keys: Vec<u64>,
    index: HashMap<u64, (u32, u32), IdBuild>,
    classes: Vec<u16>,
    values: Vec<f32>,
}

impl Weights {
    fn empty(nclasses: usize) -> Weights {
        Weights {
            nclasses,
            keys: Vec::new(),
            index: HashMap::default(),
            classes: Vec::new(),
            values: Vec::new(),
        }
    }

    pub fn nclasses(&self) -> usize {
        self.nclasses
    }

    /// Number of (feature, class) weights kept.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Scores every class for the features `feats` into `scores`.
    #[inline]
    pub fn scores(&self, feats: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.nclasses, 0.0);
        for f in feats {
            if let Some(&(s, e)) = self.index.get(f) {
                let (s, e) = (s as usize, e as usize);
                for (c, v) in self.classes[s..e].iter().zip(&self.values[s..e]) {
                    scores[*c as usize] += *v;
                }
            }
        }
    }

    /// The same weights without those of magnitude below `min` (a smaller, slightly less
    /// accurate model; see `dyad train --prune`).
    pub fn pruned(&self, min: f32) -> Weights {
        let mut w = Weights::empty(self.nclasses);
        for k in &self.keys {
            let (s, e) = self.index[k];
            let start = w.classes.len() as u32;
            for i in s as usize..e as usize {
                if self.values[i].abs() >= min {
                    w.classes.push(self.classes[i]);
                    w.values.push(self.values[i]);
                }
            }
            let end = w.classes.len() as u32;
            if end > start {
                w.index.insert(*k, (start, end));
                w.keys.push(*k);
            }
        }
        w
    }

    /// Writes the weights quantized to 16 bits against the largest magnitude, which keeps
    /// scores to within 1/32767 of the largest weight and saves a third of the file.
    pub fn encode(&self, e: &mut Enc) {
        let max = self.values.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        e.u32(QUANTIZED);
        e.len(self.nclasses);
        e.f32(scale);
        e.len(self.keys.len());
        for k in &self.keys {
            let (s, t) = self.index[k];
            e.u64(*k);
            e.u16((t - s) as u16);
            for i in s as usize..t as usize {
                e.u16(self.classes[i]);
                e.u16(((self.values[i] / scale).round() as i16) as u16);
            }
        }
    }

    /// Reads weights written by [`Weights::encode`] (or the earlier unquantized layout).
    pub fn decode(d: &mut Dec) -> Result<Weights, ModelError> {
        let first = d.u32()?;
        let (nclasses, scale) = if first == QUANTIZED {
            (d.u32()? as usize, Some(d.f32()?))
        } else {
            (first as usize, None)
        };
        let n = d.len(10)?;
        let mut w = Weights::empty(nclasses);
        w.keys.reserve(n);
        w.index.reserve(n);
        for _ in 0..n {
            let k = d.u64()?;
            let m = d.u16()? as usize;
            let start = w.classes.len() as u32;
            for _ in 0..m {
                w.classes.push(d.index(nclasses, "class")?);
                w.values.push(match scale {
                    Some(sc) => d.u16()? as i16 as f32 * sc,
                    None => d.f32()?,
                });
            }
            w.index.insert(k, (start, w.classes.len() as u32));
            w.keys.push(k);
        }
        Ok(w)
    }
}

/// Marks the quantized weight layout (no model has this many classes).
const QUANTIZED: u32 = u32::MAX;

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
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if ok(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
