//! Labelled dependency parser: arc-hybrid transitions, averaged perceptron, dynamic oracle.
//!
//! Arc-hybrid (Kuhlmann et al. 2011) builds a tree in `2n` greedy steps: SHIFT moves the
//! buffer front onto the stack, LEFT-l makes the buffer front the head of the stack top,
//! RIGHT-l makes the second stack item its head. The artificial root sits at the bottom of the
//! stack and takes exactly one dependent, at the end, so every output is a single-rooted tree.
//! Training follows the dynamic oracle of Goldberg & Nivre (2013): after the first epoch the
//! parser follows its own (possibly wrong) predictions 90% of the time and is updated towards
//! the cheapest actions in the state it is really in, which teaches it to recover from its own
//! errors. Non-projective gold trees need no preprocessing: the oracle simply picks the actions
//! that lose the fewest gold arcs. Features are the Zhang & Nivre (2011) templates (words, tags,
//! children, labels, distance, valency) adapted to arc-hybrid.

use std::collections::BTreeMap;
use std::path::Path;

use dyad_text::conllu::ConlluSentence;

use crate::codec::{self, Dec, Enc};
use crate::hash::{feat, mix, Rng};
use crate::lex::Lex;
use crate::perceptron::{argmax, BestEpoch, Trainer, Weights};
use crate::tagger::{TagScratch, Tagger};
use crate::{EpochReport, ModelError, TrainOptions};

const KIND: &str = "parser";
const EXPLORE_P: f64 = 0.9;

/// The trained parser. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<String>,
    root: u16,
    /// Tagger label -> coarse tag id (UPOS), learned from the tagger at training time.
    coarse: Vec<u16>,
    weights: Weights,
}

/// Per-thread buffers for parsing.
#[derive(Default)]
pub struct ParseScratch {
    st: State,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

/// The parser configuration. Index 0 is the root, words are `1..=n`, `n + 1` stands for "none".
#[derive(Default)]
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Bit sets of the relation labels of each word's left and right dependents.
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Word, tag, coarse tag and suffix hashes, with root and none entries.
    w: Vec<u64>,
    t: Vec<u64>,
    u: Vec<u64>,
    suf: Vec<u64>,
}

const NO_LABEL: u16 = u16::MAX;

impl State {
    fn init(&mut self, lex: &[Lex], tags: &[u16], coarse: &[u16]) {
        let n = lex.len();
        self.n = n;
        let none = n + 1;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 2, none);
        }
        self.label.clear();
        self.label.resize(n + 2, NO_LABEL);
        self.nl.clear();
        self.nl.resize(n + 2, 0);
        self.nr.clear();
        self.nr.resize(n + 2, 0);
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.w, &mut self.t, &mut self.u, &mut self.suf] {
            v.clear();
            v.push(0x200);
        }
        for (l, t) in lex.iter().zip(tags) {
            self.w.push(l.lower);
            self.t.push(*t as u64 + 1);
            self.u
                .push(coarse.get(*t as usize).map_or(0x201, |&c| c as u64 + 1));
            self.suf.push(l.suffix[2]);
        }
        for v in [&mut self.w, &mut self.t, &mut self.u, &mut self.suf] {
            v.push(0x300);
        }
    }

    fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> usize {
        if k < self.stack.len() {
            self.stack[self.stack.len() - 1 - k]
        } else {
            self.n + 1
        }
    }

    fn bi(&self, k: usize) -> usize {
        if self.b + k <= self.n {
            self.b + k
        } else {
            self.n + 1
        }
    }

    fn can_shift(&self) -> bool {
        self.b <= self.n
    }
    fn can_left(&self) -> bool {
        self.stack.len() >= 2 && self.b <= self.n
    }
    fn can_right(&self) -> bool {
        self.stack.len() >= 2 && (self.s(1) != 0 || self.b > self.n)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.head[d] = h;
        self.label[d] = l;
        let none = self.n + 1;
        if d < h {
            self.lset[h] |= 1 << (l % 64);
            self.nl[h] = self.nl[h].saturating_add(1);
            if self.lc1[h] == none || d < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d;
            } else if self.lc2[h] == none || d < self.lc2[h] {
                self.lc2[h] = d;
            }
        } else {
            self.rset[h] |= 1 << (l % 64);
            self.nr[h] = self.nr[h].saturating_add(1);
            if self.rc1[h] == none || d > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d;
            } else if self.rc2[h] == none || d > self.rc2[h] {
                self.rc2[h] = d;
            }
        }
    }

    /// Applies action `a` (0 shift, 1+l left-l, 1+L+l right-l).
    fn apply(&mut self, a: usize, nlabels: usize) {
        if a == 0 {
            self.stack.push(self.b);
            self.b += 1;
        } else if a <= nlabels {
            let s0 = self.stack.pop().expect("left needs a stack");
            self.add_arc(self.b, s0, (a - 1) as u16);
        } else {
            let s0 = self.stack.pop().expect("right needs a stack");
            let s1 = *self.stack.last().expect("right needs two");
            self.add_arc(s1, s0, (a - 1 - nlabels) as u16);
        }
    }

    fn lab(&self, i: usize) -> u64 {
        if i > self.n {
            0x400
        } else {
            self.label[i] as u64 + 7
        }
    }

    fn features(&self, out: &mut Vec<u64>) {
        out.clear();
        let (s0, s1, s2) = (self.s(0), self.s(1), self.s(2));
        let (b0, b1, b2) = (self.bi(0), self.bi(1), self.bi(2));
        let w = &self.w;
        let t = &self.t;
        let (s0l, s0l2, s0r, s0r2) = (self.lc1[s0], self.lc2[s0], self.rc1[s0], self.rc2[s0]);
        let (b0l, b0l2) = (self.lc1[b0], self.lc2[b0]);
        let s1r = self.rc1[s1];
        let wt = |i: usize| mix(w[i], t[i]);
        let mut f = |k: u32, v: u64| out.push(feat(k, v));
        f(0, 0);
        f(1, w[s0]);
        f(2, t[s0]);
        f(3, wt(s0));
        f(4, w[b0]);
        f(5, t[b0]);
        f(6, wt(b0));
        f(7, w[b1]);
        f(8, t[b1]);
        f(9, wt(b1));
        f(10, w[b2]);
        f(11, t[b2]);
        f(13, w[s1]);
        f(14, t[s1]);
        f(15, wt(s1));
        f(16, t[s2]);
        f(17, mix(wt(s0), wt(b0)));
        f(18, mix(wt(s0), w[b0]));
        f(19, mix(w[s0], wt(b0)));
        f(20, mix(wt(s0), t[b0]));
        f(21, mix(t[s0], wt(b0)));
        f(22, mix(w[s0], w[b0]));
        f(23, mix(t[s0], t[b0]));
        f(24, mix(t[b0], t[b1]));
        f(25, mix(mix(t[b0], t[b1]), t[b2]));
        f(26, mix(mix(t[s0], t[b0]), t[b1]));
        f(27, mix(mix(t[s1], t[s0]), t[b0]));
        f(28, mix(mix(t[s0], t[s0l]), t[b0]));
        f(29, mix(mix(t[s0], t[s0r]), t[b0]));
        f(30, mix(mix(t[s0], t[b0]), t[b0l]));
        f(31, mix(mix(t[s1], t[s1r]), t[s0]));
        f(32, mix(mix(t[s2], t[s1]), t[s0]));
        f(33, mix(t[s1], t[s0]));
        f(34, mix(w[s1], w[s0]));
        f(35, mix(wt(s1), t[s0]));
        f(12, mix(t[s1], wt(s0)));
        let d = if s0 <= self.n && b0 <= self.n && s0 > 0 {
            (b0 - s0).min(6) as u64
        } else {
            0
        };
        f(36, mix(w[s0], d));
        f(37, mix(t[s0], d));
        f(38, mix(w[b0], d));
        f(39, mix(t[b0], d));
        f(40, mix(mix(w[s0], w[b0]), d));
        f(41, mix(mix(t[s0], t[b0]), d));
        let (vl, vr, bvl) = (self.nl[s0] as u64, self.nr[s0] as u64, self.nl[b0] as u64);
        f(42, mix(w[s0], vr));
        f(43, mix(t[s0], vr));
        f(44, mix(w[s0], vl));
        f(45, mix(t[s0], vl));
        f(46, mix(w[b0], bvl));
        f(47, mix(t[b0], bvl));
        f(48, w[s0l]);
        f(49, t[s0l]);
        f(50, self.lab(s0l));
        f(51, w[s0r]);
        f(52, t[s0r]);
        f(53, self.lab(s0r));
        f(54, w[b0l]);
        f(55, t[b0l]);
        f(56, self.lab(b0l));
        f(57, t[s1r]);
        f(58, self.lab(s1r));
        f(59, w[s0l2]);
        f(60, t[s0l2]);
        f(61, self.lab(s0l2));
        f(62, w[s0r2]);
        f(63, t[s0r2]);
        f(64, self.lab(s0r2));
        f(65, w[b0l2]);
        f(66, t[b0l2]);
        f(67, self.lab(b0l2));
        f(68, mix(mix(t[s0], t[s0l]), t[s0l2]));
        f(69, mix(mix(t[s0], t[s0r]), t[s0r2]));
        f(70, mix(mix(t[b0], t[b0l]), t[b0l2]));
        f(71, mix(mix(t[s0], self.lab(s0l)), self.lab(s0r)));
        f(72, mix(mix(t[b0], self.lab(b0l)), self.lab(b0l2)));
        f(73, mix(t[s1], t[b0]));
        f(74, mix(w[s1], w[b0]));
        f(75, mix(mix(t[s1], t[s0]), t[b1]));
        f(76, mix(mix(w[s0], t[s0]), self.lab(s0l)));
        let u = &self.u;
        f(77, mix(u[s0], u[b0]));
        f(78, mix(mix(u[s1], u[s0]), u[b0]));
        f(79, mix(mix(u[s0], u[b0]), u[b1]));
        f(80, mix(mix(u[b0], u[b1]), u[b2]));
        f(81, mix(w[s0], u[b0]));
        f(82, mix(u[s0], w[b0]));
        f(83, self.suf[s0]);
        f(84, self.suf[b0]);
        f(85, mix(self.suf[s0], t[b0]));
        f(86, mix(t[s0], self.suf[b0]));
        f(87, mix(w[s0], self.rset[s0]));
        f(88, mix(t[s0], self.rset[s0]));
        f(89, mix(w[s0], self.lset[s0]));
        f(90, mix(t[s0], self.lset[s0]));
        f(91, mix(w[b0], self.lset[b0]));
        f(92, mix(t[b0], self.lset[b0]));
        f(93, mix(mix(u[s1], u[s0]), d));
        f(94, mix(mix(w[s1], t[s1]), mix(w[s0], t[s0])));
    }

    /// Cost of each valid action in terms of gold arcs made unreachable (Goldberg & Nivre 2013).
    fn costs(&self, gh: &[usize], gl: &[u16], nlabels: usize, out: &mut Vec<i32>) {
        let big = i32::MAX;
        out.clear();
        out.resize(1 + 2 * nlabels, big);
        let n = self.n;
        let s0 = self.s(0);
        if self.can_shift() {
            let b = self.b;
            let mut c = 0;
            let k = self.stack.len();
            for (j, &x) in self.stack.iter().enumerate() {
                if j + 1 < k && gh[b] == x {
                    c += 1;
                }
                if x != 0 && gh[x] == b {
                    c += 1;
                }
            }
            out[0] = c;
        }
        // Dependents of s0 still in the buffer.
        let mut deps_in_buffer = 0;
        if s0 != 0 && s0 <= n {
            deps_in_buffer = gh[self.b..=n].iter().filter(|&&h| h == s0).count() as i32;
        }
        if self.can_left() {
            let b = self.b;
            let s1 = self.s(1);
            let mut c = deps_in_buffer;
            if gh[s0] == s1 || (gh[s0] > b && gh[s0] <= n) {
                c += 1;
            }
            for l in 0..nlabels {
                let lc = (gh[s0] == b && gl[s0] as usize != l) as i32;
                out[1 + l] = c + lc;
            }
        }
        if self.can_right() {
            let s1 = self.s(1);
            let mut c = deps_in_buffer;
            if gh[s0] >= self.b && gh[s0] <= n {
                c += 1;
            }
            for l in 0..nlabels {
                let lc = (gh[s0] == s1 && gl[s0] as usize != l) as i32;
                out[1 + nlabels + l] = c + lc;
            }
        }
    }
}

impl Parser {
    fn valid(&self, st: &State, a: usize) -> bool {
        let nl = self.labels.len();
        if a == 0 {
            st.can_shift()
        } else if a <= nl {
            st.can_left() && (a - 1) as u16 != self.root
        } else {
            let l = (a - 1 - nl) as u16;
            st.can_right() && ((st.s(1) == 0) == (l == self.root))
        }
    }

    /// Parses one sentence: `heads[i]` is the 1-based head of word `i + 1` (0 for the root) and
    /// `rels[i]` its label id (see [`Parser::label`]).
    pub fn parse(
        &self,
        lex: &[Lex],
        tags: &[u16],
        s: &mut ParseScratch,
        heads: &mut Vec<usize>,
        rels: &mut Vec<u16>,
    ) {
        let nl = self.labels.len();
        s.st.init(lex, tags, &self.coarse);
        while !s.st.terminal() {
            s.st.features(&mut s.feats);
            self.weights.scores(&s.feats, &mut s.scores);
            let st = &s.st;
            let a = argmax(&s.scores, |a| self.valid(st, a)).unwrap_or(0);
            s.st.apply(a, nl);
        }
        heads.clear();
        rels.clear();
        for i in 1..=s.st.n {
            heads.push(s.st.head[i]);
            rels.push(s.st.label[i]);
        }
    }

    pub fn label(&self, id: u16) -> &str {
        self.labels.get(id as usize).map_or("dep", String::as_str)
    }

    pub fn size(&self) -> usize {
        self.weights.len()
    }

    /// Drops weights of magnitude below `min` (see [`crate::perceptron::Weights::pruned`]).
    pub fn prune(&mut self, min: f32) {
        self.weights = self.weights.pruned(min);
    }

    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let mut e = Enc::default();
        e.strs(&self.labels);
        e.u16(self.root);
        e.len(self.coarse.len());
        for c in &self.coarse {
            e.u16(*c);
        }
        self.weights.encode(&mut e);
        codec::write_file(path, KIND, &e.buf)
    }

    pub fn load(path: &Path) -> Result<Parser, ModelError> {
        let payload = codec::read_file(path, KIND)?;
        Parser::decode(&payload).map_err(|e| e.at(&path.display().to_string()))
    }

    fn decode(payload: &[u8]) -> Result<Parser, ModelError> {
        let mut d = Dec::new(payload);
        let labels = d.strs()?;
        let root = d.index(labels.len(), "root label")?;
        let n = d.len(2)?;
        let coarse = (0..n).map(|_| d.u16()).collect::<Result<Vec<_>, _>>()?;
        let weights = Weights::decode(&mut d)?;
        d.finish()?;
        if weights.nclasses() != 1 + 2 * labels.len() {
            return Err(ModelError::Corrupt {
                path: String::new(),
                offset: 0,
                what: "weights and labels disagree".into(),
            });
        }
        Ok(Parser {
            labels,
            root,
            coarse,
            weights,
        })
    }
}

/// Unlabelled and labelled attachment scores of `parser` on `sents`, with `tagger`'s tags.
/// LAS compares the universal part of the relation (before `:`), as the CoNLL 2018 script.
pub fn attachment_scores(tagger: &Tagger, parser: &Parser, sents: &[ConlluSentence]) -> (f64, f64) {
    let (mut n, mut ua, mut la) = (0usize, 0usize, 0usize);
    let mut ts = TagScratch::default();
    let mut ps = ParseScratch::default();
    let (mut tags, mut heads, mut rels) = (Vec::new(), Vec::new(), Vec::new());
    for s in sents {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag(&forms, &mut ts, &mut tags);
        parser.parse(&ts.lex, &tags, &mut ps, &mut heads, &mut rels);
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            if heads[i] == w.head {
                ua += 1;
                let u = |r: &str| r.split(':').next().unwrap_or("").to_string();
                if u(parser.label(rels[i])) == u(&w.deprel) {
                    la += 1;
                }
            }
        }
    }
    let n = n.max(1) as f64;
    (ua as f64 / n, la as f64 / n)
}

/// Trains a parser on `train` (tagged by `tagger`), keeping the epoch with the best dev LAS.
pub fn train(
    tagger: &Tagger,
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Parser, ModelError> {
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
    // Inputs: lexes, predicted tags, gold heads (index 0 = root; padded to n + 2).
    let mut ts = TagScratch::default();
    let mut data = Vec::with_capacity(train.len());
    for s in train {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let mut tags = Vec::new();
        tagger.tag(&forms, &mut ts, &mut tags);
        let n = s.words.len();
        let mut gh = vec![n + 1; n + 2];
        let mut gl = vec![NO_LABEL; n + 2];
        for w in &s.words {
            gh[w.id] = w.head;
            gl[w.id] = ids[w.deprel.as_str()];
        }
        data.push((ts.lex.clone(), tags, gh, gl));
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
        weights: Trainer::new(1).average(0.0),
    };
    let mut trainer = Trainer::new(1 + 2 * nl);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let (mut feats, mut scores, mut costs) = (Vec::new(), Vec::new(), Vec::new());
    let mut best = BestEpoch::new(opts.epochs, progress);
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let (lex, tags, gh, gl) = &data[si];
            st.init(lex, tags, &parser.coarse);
            while !st.terminal() {
                st.features(&mut feats);
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
        best.observe(epoch, train_score, dev_score, false, || {
            parser.weights.clone()
        });
    }
    parser.weights = best.into_weights()?;
    Ok(parser)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_the_fixture_and_round_trips() {
        let data = crate::tagger::tests::fixture();
        let opts = TrainOptions {
            epochs: 8,
            seed: 3,
            ..TrainOptions::default()
        };
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let p = train(&tagger, &data, &data, &opts, &mut |_| {}).unwrap();
        let (uas, las) = attachment_scores(&tagger, &p, &data);
        assert!(uas > 0.99 && las > 0.99, "uas {uas} las {las}");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parser.bin");
        p.save(&path).unwrap();
        let p2 = Parser::load(&path).unwrap();
        assert_eq!(attachment_scores(&tagger, &p2, &data).1, las);
        assert!(matches!(Tagger::load(&path), Err(ModelError::Kind { .. })));

        // Every output is a tree with one root, even for input unlike the training data.
        let forms = ["loudly", ".", "The", "barks", "Dogs", "cat", "cat", "."];
        let mut ts = TagScratch::default();
        let mut tags = Vec::new();
        tagger.tag(&forms, &mut ts, &mut tags);
        let (mut h, mut r) = (Vec::new(), Vec::new());
        p.parse(&ts.lex, &tags, &mut ParseScratch::default(), &mut h, &mut r);
        assert_eq!(h.iter().filter(|&&x| x == 0).count(), 1);
        assert!(h.iter().all(|&x| x <= forms.len()));
    }
}
