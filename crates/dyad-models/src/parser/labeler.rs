//! Second-pass arc labeler: relabels every arc of a finished tree with a perceptron over
//! features of the whole tree. An experiment, not in the shipped model (see below).
//!
//! The transition parser picks an arc's label when it attaches the dependent, from the
//! partial tree: the dependent's later children (its `case`, `mark` or `aux` word), its
//! head's head and label and its siblings to come are not built yet. Once the tree is
//! complete they are (`Tree::features`: head and dependent words, tags, affixes and
//! shapes, direction and distance, the head's head and label, the nearest siblings and the
//! siblings' label set, the dependent's children with their labels and words, the words
//! next to the dependent, a comma between head and dependent). One multiclass decision a
//! word; the root arc keeps `root` and no other arc gets it. The parser's own label can be a
//! feature, and gets a score bonus chosen on dev (`best_bonus`): the labeler overrules the
//! parser only where it prefers another label by more than that.
//!
//! Training ([`train_labeler`]) reads the training treebank with jackknifed tags, as the
//! parser does, and parses it: features come from that tree and its labels, the gold label is
//! the target, and only words whose head is right are trained on (a label on a wrong arc does
//! not count in LAS). The shipped parser's labels on its own training data are nearly all
//! right, so a labeler trained on them learns to copy them; [`LabelerTrainOptions`] can parse
//! the training data with fold parsers instead (each trained on the other folds), whose
//! labels are as unreliable as the parser's on new text. The epoch with the best dev LAS (the
//! parser's heads, relabelled) is kept.
//!
//! Measured on EWT dev with the shipped parser (LAS 82.49, 752 wrong labels on right heads,
//! mostly tag-driven: amod/compound 85, iobj/obj 22, obl/nmod 40): the labeler alone 82.23,
//! plus the bonus 82.52; the shipped parser's training-data labels as a feature 82.52 (it
//! copies them); gold training trees or feature dropout 0.2 82.51-82.52; fold-parser labels
//! as a feature plus the bonus (4 folds, 3 epochs: the defaults) 82.61. Below the +0.4 asked for a 20-30% slower pipeline and 4.8 MB
//! more model, so the shipped `parser.bin` has no labeler; the file format and
//! [`super::Parser::parse`] take one ([`super::Parser::set_labeler`]).

use dyad_text::conllu::ConlluSentence;

use super::state::NO_LABEL;
use super::{ParseScratch, Parser};
use crate::codec::{Dec, Enc};
use crate::hash::{feat, mix, Rng};
use crate::lex::Lex;
use crate::perceptron::{argmax, BestEpoch, Trainer, Weights};
use crate::tagger::{TagScratch, Tagger};
use crate::{EpochReport, ModelError, TrainOptions};

/// Children of one word looked at (nearest first on each side).
const MAX_KIDS: usize = 8;

/// The trained labeler. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Labeler {
    weights: Weights,
    /// Added to the score of the parser's own label: the labeler overrules the parser only
    /// when it prefers another label by more than this (chosen on dev).
    bonus: f32,
    /// Whether the parser's label of the word is among its features.
    own: bool,
    /// The hash of `,` as [`Lex::lower`] gives it.
    comma: u64,
}

/// A finished tree with the word features the labeler reads. Index 0 is the root, words are
/// `1..=n`, `n + 1` stands for "none".
#[derive(Default)]
pub(super) struct Tree {
    n: usize,
    head: Vec<usize>,
    lab: Vec<u16>,
    w: Vec<u64>,
    t: Vec<u64>,
    u: Vec<u64>,
    suf: Vec<u64>,
    pre: Vec<u64>,
    shape: Vec<u64>,
    /// Children of each word, ascending.
    kids: Vec<Vec<usize>>,
}

/// Per-thread buffers of the labeler.
#[derive(Default)]
pub(super) struct LabelScratch {
    tree: Tree,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

impl Tree {
    /// Fills the tree: `heads[i]` and `labels[i]` are word `i + 1`'s head (0 the root) and
    /// label (the parser's; [`NO_LABEL`] for none).
    pub(super) fn init(
        &mut self,
        lex: &[Lex],
        tags: &[u16],
        coarse: &[u16],
        heads: &[usize],
        labels: &[u16],
    ) {
        let n = lex.len();
        self.n = n;
        self.head.clear();
        self.head.push(n + 1);
        self.head.extend(heads.iter().map(|&h| h.min(n + 1)));
        self.head.push(n + 1);
        self.lab.clear();
        self.lab.push(NO_LABEL);
        self.lab.extend_from_slice(labels);
        self.lab.push(NO_LABEL);
        for v in [
            &mut self.w,
            &mut self.t,
            &mut self.u,
            &mut self.suf,
            &mut self.pre,
            &mut self.shape,
        ] {
            v.clear();
            v.push(0x200);
        }
        for (l, &t) in lex.iter().zip(tags) {
            self.w.push(l.lower);
            self.t.push(t as u64 + 1);
            self.u
                .push(coarse.get(t as usize).map_or(0x201, |&c| c as u64 + 1));
            self.suf.push(l.suffix[2]);
            self.pre.push(l.prefix[2]);
            self.shape.push(l.shape);
        }
        for v in [
            &mut self.w,
            &mut self.t,
            &mut self.u,
            &mut self.suf,
            &mut self.pre,
            &mut self.shape,
        ] {
            v.push(0x300);
        }
        if self.kids.len() < n + 2 {
            self.kids.resize_with(n + 2, Vec::new);
        }
        for k in &mut self.kids[..n + 2] {
            k.clear();
        }
        for d in 1..=n {
            let h = self.head[d];
            if h <= n {
                self.kids[h].push(d);
            }
        }
    }

    fn lab(&self, i: usize) -> u64 {
        if i > self.n || self.lab[i] == NO_LABEL {
            0x400
        } else {
            self.lab[i] as u64 + 7
        }
    }

    /// The features of word `d`'s arc; `own` says whether the parser's label of `d` is one.
    fn features(&self, d: usize, own: bool, comma: u64, out: &mut Vec<u64>) {
        out.clear();
        let mut f = |k: u32, v: u64| out.push(feat(k, v));
        let n = self.n;
        let none = n + 1;
        let h = self.head[d];
        let hh = if h == 0 || h > n { none } else { self.head[h] };
        let (w, t, u) = (&self.w, &self.t, &self.u);
        let wt = |i: usize| mix(w[i], t[i]);
        let left = (d < h) as u64;
        let gap = d.abs_diff(h);
        let dist = match gap {
            0..=3 => gap as u64,
            4..=6 => 4,
            _ => 5,
        };
        let dd = mix(left, dist);
        f(0, 0);
        f(1, w[d]);
        f(2, t[d]);
        f(3, wt(d));
        f(4, self.suf[d]);
        f(5, self.pre[d]);
        f(6, mix(self.shape[d], t[d]));
        f(7, w[h]);
        f(8, t[h]);
        f(9, wt(h));
        f(10, self.suf[h]);
        f(11, mix(t[d], t[h]));
        f(12, mix(w[d], t[h]));
        f(13, mix(t[d], w[h]));
        f(14, mix(w[d], w[h]));
        f(15, mix(mix(u[d], u[h]), left));
        f(16, mix(mix(t[d], t[h]), dd));
        f(17, mix(w[d], left));
        f(18, mix(mix(w[h], t[d]), left));
        let hl = if h == 0 { 0x500 } else { self.lab(h) };
        f(19, mix(mix(t[h], t[hh]), hl));
        f(20, mix(mix(t[d], t[h]), hl));
        f(21, mix(w[d], hl));
        f(22, mix(mix(t[d], t[h]), t[hh]));
        if own {
            let p = self.lab(d);
            f(23, p);
            f(24, mix(p, t[d]));
            f(25, mix(mix(p, t[d]), t[h]));
            f(26, mix(p, w[d]));
            f(27, mix(p, w[h]));
            f(28, mix(mix(p, t[d]), dd));
        }
        let kids = &self.kids[d];
        let mut set = 0u64;
        // The nearest children on each side first.
        let split = kids.partition_point(|&c| c < d);
        let near = kids[..split]
            .iter()
            .rev()
            .take(MAX_KIDS / 2)
            .chain(kids[split..].iter().take(MAX_KIDS / 2));
        for &c in near {
            let cl = self.lab(c);
            let side = (c < d) as u64;
            f(30, mix(cl, w[c]));
            f(31, mix(mix(t[d], cl), w[c]));
            f(32, mix(mix(t[d], t[c]), side));
            f(33, mix(mix(t[d], cl), side));
        }
        for &c in kids {
            set |= 1 << (self.lab[c] % 64);
        }
        f(34, mix(t[d], set));
        f(35, mix(t[d], kids.len().min(5) as u64));
        // Siblings: h's other children.
        let sibs: &[usize] = if h <= n { &self.kids[h] } else { &[] };
        let at = sibs.partition_point(|&c| c < d);
        let ls = if at > 0 { sibs[at - 1] } else { none };
        let rs = sibs.get(at + 1).copied().unwrap_or(none);
        f(36, mix(mix(t[d], t[ls]), self.lab(ls)));
        f(37, mix(mix(t[d], t[rs]), self.lab(rs)));
        f(38, mix(mix(w[ls], t[d]), self.lab(ls)));
        let mut sset = 0u64;
        for &c in sibs.iter().filter(|&&c| c != d && (c < h) == (d < h)) {
            sset |= 1 << (self.lab[c] % 64);
        }
        f(39, mix(mix(t[d], t[h]), mix(left, sset)));
        f(40, mix(t[h], sibs.len().min(6) as u64));
        // Order among the siblings on its side, counted from the head.
        let rank = if d < h {
            sibs[at..].iter().filter(|&&c| c < h).count()
        } else {
            at - sibs[..at].iter().filter(|&&c| c < h).count() + 1
        };
        f(41, mix(mix(t[d], left), rank.min(4) as u64));
        // Words next to d.
        let (p1, n1) = (d - 1, d + 1);
        f(42, mix(t[p1], t[d]));
        f(43, mix(t[d], t[n1]));
        f(44, mix(w[p1], t[d]));
        f(45, mix(mix(t[p1], t[d]), t[n1]));
        f(46, mix(t[d], w[n1]));
        f(47, mix(mix(t[d], (d == 1) as u64), (d == n) as u64));
        let (a, b) = if d < h { (d, h) } else { (h, d) };
        let commas = (a + 1..b.min(n + 1)).any(|i| w[i] == comma) as u64;
        f(48, mix(mix(t[d], t[h]), mix(left, commas)));
        f(49, mix(mix(self.shape[d], self.shape[h]), t[d]));
    }
}

impl Labeler {
    fn new(weights: Weights) -> Labeler {
        Labeler {
            weights,
            bonus: 0.0,
            own: false,
            comma: Lex::new(",").lower,
        }
    }

    /// Relabels the parse in `s` (heads and labels, 0-based word order) in place.
    /// Relabels `parser`'s tree `heads`/`rels` (0-based word order) in place.
    pub(super) fn relabel(
        &self,
        parser: &Parser,
        lex: &[Lex],
        tags: &[u16],
        heads: &[usize],
        rels: &mut [u16],
        s: &mut LabelScratch,
    ) {
        let root = parser.root;
        s.tree.init(lex, tags, &parser.coarse, heads, rels);
        for (i, r) in rels.iter_mut().enumerate() {
            if heads[i] == 0 {
                *r = root;
                continue;
            }
            s.tree.features(i + 1, self.own, self.comma, &mut s.feats);
            self.weights.scores(&s.feats, &mut s.scores);
            if let Some(x) = s.scores.get_mut(*r as usize) {
                *x += self.bonus;
            }
            if let Some(l) = argmax(&s.scores, |l| l != root as usize) {
                *r = l as u16;
            }
        }
    }

    pub fn size(&self) -> usize {
        self.weights.len()
    }

    /// Drops weights of magnitude below `min`.
    pub fn prune(&mut self, min: f32) {
        self.weights = self.weights.pruned(min);
    }

    /// The score bonus of the parser's own label (see [`Labeler`]).
    pub fn bonus(&self) -> f32 {
        self.bonus
    }

    pub(super) fn encode(&self, e: &mut Enc) {
        e.f32(self.bonus);
        e.u8(self.own as u8);
        self.weights.encode(e);
    }

    pub(super) fn decode(d: &mut Dec, nlabels: usize) -> Result<Labeler, ModelError> {
        let bonus = d.f32()?;
        let own = match d.u8()? {
            0 => false,
            1 => true,
            _ => return Err(d.corrupt("labeler flag is neither 0 nor 1")),
        };
        let weights = Weights::decode(d)?;
        if weights.nclasses() != nlabels {
            return Err(d.corrupt("labeler weights and parser labels disagree"));
        }
        Ok(Labeler {
            bonus,
            own,
            ..Labeler::new(weights)
        })
    }
}

/// What labeler training does besides the shared [`TrainOptions`] (epochs, seed, prune).
#[derive(Clone, Debug)]
pub struct LabelerTrainOptions {
    /// Share of training words whose parser label is left out of their features, so that
    /// the labeler does not trust the parser's labels on its own training data (right far
    /// more often than on new text) more than it should.
    pub own_dropout: f64,
    /// Share of each training word's features (all but the bias) left out.
    pub dropout: f64,
    /// Train on the gold trees (gold heads and labels as context) instead of the parser's.
    pub gold_trees: bool,
    /// With 2 or more, the training trees come from that many fold parsers, each trained
    /// (`parser_epochs` epochs) on the other folds, so that their labels are as often wrong
    /// as the parser's on new text; else from the parser itself.
    pub parser_folds: usize,
    pub parser_epochs: usize,
}

impl Default for LabelerTrainOptions {
    fn default() -> LabelerTrainOptions {
        // The best setup on EWT dev (82.61).
        LabelerTrainOptions {
            own_dropout: 0.0,
            dropout: 0.0,
            gold_trees: false,
            parser_folds: 4,
            parser_epochs: 3,
        }
    }
}

/// One training sentence: lexes, tags, the parser's heads and labels, gold labels.
struct Example {
    lex: Vec<Lex>,
    tags: Vec<u16>,
    heads: Vec<usize>,
    rels: Vec<u16>,
    gold: Vec<u16>,
    /// The universal part of each gold relation (before `:`), which LAS compares.
    gold_u: Vec<String>,
    gold_heads: Vec<usize>,
}

/// The parser's tree (without a labeler) of each sentence, with `tags`.
fn parse_all<'a>(
    parser: &Parser,
    sents: impl Iterator<Item = (&'a ConlluSentence, &'a [u16])>,
) -> Vec<(Vec<Lex>, Vec<usize>, Vec<u16>)> {
    let mut ps = ParseScratch::default();
    let mut out = Vec::new();
    for (s, tags) in sents {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let mut lex = Vec::new();
        crate::lex::lexes(&forms, &mut lex);
        let (mut h, mut r) = (Vec::new(), Vec::new());
        parser.parse_tree(&lex, tags, &mut ps, &mut h, &mut r);
        out.push((lex, h, r));
    }
    out
}

/// LAS (universal relations, as [`super::attachment_scores`]) of `ex` relabelled by `lab`
/// (the parser's labels when `None`).
fn las(parser: &Parser, lab: Option<&Labeler>, ex: &[Example]) -> f64 {
    let mut s = LabelScratch::default();
    let (mut n, mut ok) = (0usize, 0usize);
    let u = |l: u16| parser.label(l).split(':').next().unwrap_or("");
    for e in ex {
        let mut rels = e.rels.clone();
        if let Some(l) = lab {
            l.relabel(parser, &e.lex, &e.tags, &e.heads, &mut rels, &mut s);
        }
        for (i, r) in rels.iter().enumerate() {
            n += 1;
            ok += (e.heads[i] == e.gold_heads[i] && u(*r) == e.gold_u[i]) as usize;
        }
    }
    ok as f64 / n.max(1) as f64
}

/// The bonus of the parser's own label that gives `lab` the best LAS on `ex`. The labeler
/// overrules the parser where its best label beats the parser's by more than the bonus, so
/// only the words where the two disagree matter: sorted by that margin, the best threshold
/// is the one after which the overrulings that fix a label most outnumber those that break
/// one.
fn best_bonus(parser: &Parser, lab: &Labeler, ex: &[Example]) -> f32 {
    let u = |l: u16| parser.label(l).split(':').next().unwrap_or("");
    let root = parser.root as usize;
    let mut tree = Tree::default();
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    // (margin, +1 fixes / -1 breaks / 0 neither)
    let mut diffs: Vec<(f32, i32)> = Vec::new();
    for e in ex {
        tree.init(&e.lex, &e.tags, &parser.coarse, &e.heads, &e.rels);
        for d in 1..=e.heads.len() {
            let i = d - 1;
            if e.heads[i] == 0 || e.heads[i] != e.gold_heads[i] {
                continue;
            }
            tree.features(d, lab.own, lab.comma, &mut feats);
            lab.weights.scores(&feats, &mut scores);
            let Some(b) = argmax(&scores, |l| l != root) else {
                continue;
            };
            let p = e.rels[i] as usize;
            if b == p {
                continue;
            }
            let g = e.gold_u[i].as_str();
            let gain = (u(b as u16) == g) as i32 - (u(e.rels[i]) == g) as i32;
            diffs.push((scores[b] - scores.get(p).copied().unwrap_or(0.0), gain));
        }
    }
    diffs.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Overrule the first k (largest margins); k = 0 keeps every parser label.
    let (mut sum, mut best, mut best_k) = (0i32, 0i32, 0usize);
    for (k, &(_, g)) in diffs.iter().enumerate() {
        sum += g;
        if sum > best {
            best = sum;
            best_k = k + 1;
        }
    }
    match best_k {
        0 => diffs.first().map_or(0.0, |d| d.0 + 1.0),
        k if k == diffs.len() => 0.0,
        k => (diffs[k - 1].0 + diffs[k].0) / 2.0,
    }
}

/// The examples of `sents` parsed by `parser`; a relation the parser does not know is an
/// error when `strict` (training data), else a label no prediction matches.
fn examples(
    parser: &Parser,
    sents: &[ConlluSentence],
    tags: &[Vec<u16>],
    strict: bool,
) -> Result<Vec<Example>, ModelError> {
    let trees = parse_all(parser, sents.iter().zip(tags.iter().map(Vec::as_slice)));
    let mut out = Vec::with_capacity(sents.len());
    for (si, (s, (lex, heads, rels))) in sents.iter().zip(trees).enumerate() {
        let mut gold = Vec::with_capacity(s.words.len());
        for w in &s.words {
            let id = parser.label_id(&w.deprel);
            let Some(id) = id.or((!strict).then_some(NO_LABEL)) else {
                return Err(ModelError::Train(format!(
                    "sentence {}: relation `{}` is not one of the parser's labels",
                    si + 1,
                    w.deprel
                )));
            };
            gold.push(id);
        }
        out.push(Example {
            lex,
            tags: tags[si].clone(),
            heads,
            rels,
            gold,
            gold_u: s
                .words
                .iter()
                .map(|w| w.deprel.split(':').next().unwrap_or("").to_string())
                .collect(),
            gold_heads: s.words.iter().map(|w| w.head).collect(),
        });
    }
    Ok(out)
}

/// Trains a labeler for `parser` on `train` (whose words carry `tags`, ids of `tagger`, e.g.
/// jackknifed by [`super::training_tags`]), keeping the epoch with the best LAS on `dev`
/// (tagged by `tagger`, parsed by `parser`; the last epoch when `dev` is empty). The
/// progress reports the dev LAS of each epoch; the parser's own dev LAS is returned beside
/// the labeler, for comparison.
#[allow(clippy::too_many_arguments)]
pub fn train_labeler(
    tagger: &Tagger,
    parser: &Parser,
    train: &[ConlluSentence],
    tags: &[Vec<u16>],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
    lopts: &LabelerTrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<(Labeler, f64), ModelError> {
    if !(0.0..=1.0).contains(&lopts.own_dropout) {
        return Err(ModelError::Train(format!(
            "own-label dropout {} is not in [0, 1]",
            lopts.own_dropout
        )));
    }
    if tags.len() != train.len() {
        return Err(ModelError::Train(format!(
            "{} tag lists for {} training sentences",
            tags.len(),
            train.len()
        )));
    }
    for (i, (s, t)) in train.iter().zip(tags).enumerate() {
        if s.words.len() != t.len() {
            return Err(ModelError::Train(format!(
                "training sentence {}: {} tags for {} words",
                i + 1,
                t.len(),
                s.words.len()
            )));
        }
    }
    let mut data = examples(parser, train, tags, true)?;
    let k = lopts.parser_folds;
    if k >= 2 && train.len() >= k {
        let popts = super::ParserTrainOptions {
            jackknife: 0,
            features: parser.features,
            dropout: 0.0,
            ..super::ParserTrainOptions::default()
        };
        let po = TrainOptions {
            epochs: lopts.parser_epochs.max(1),
            ..opts.clone()
        };
        let mut ps = ParseScratch::default();
        for fold in 0..k {
            let (mut rest, mut rest_tags) = (Vec::new(), Vec::new());
            for (i, (s, t)) in train.iter().zip(tags).enumerate() {
                if i % k != fold {
                    rest.push(s.clone());
                    rest_tags.push(t.clone());
                }
            }
            let fp = super::train_tagged(tagger, &rest, &rest_tags, &[], &po, &popts, &mut |_| {})?;
            let ids: Vec<u16> = fp
                .labels
                .iter()
                .map(|l| parser.label_id(l).unwrap_or(NO_LABEL))
                .collect();
            for (i, e) in data.iter_mut().enumerate().filter(|(i, _)| i % k == fold) {
                fp.parse_tree(&e.lex, &tags[i], &mut ps, &mut e.heads, &mut e.rels);
                for r in &mut e.rels {
                    *r = ids.get(*r as usize).copied().unwrap_or(NO_LABEL);
                }
            }
        }
    }
    if lopts.gold_trees {
        for e in &mut data {
            e.heads = e.gold_heads.clone();
            e.rels = e.gold.clone();
        }
    }
    let mut drop_rng = Rng::new(opts.seed ^ 0xd20f);
    let mut ts = TagScratch::default();
    let dev_tags: Vec<Vec<u16>> = dev
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let mut t = Vec::new();
            tagger.tag(&forms, &mut ts, &mut t);
            t
        })
        .collect();
    let dev_data = examples(parser, dev, &dev_tags, false)?;
    let base = las(parser, None, &dev_data);
    let nl = parser.labels.len();
    let root = parser.root as usize;
    let comma = Lex::new(",").lower;
    let mut trainer = Trainer::new(nl);
    let mut rng = Rng::new(opts.seed ^ 0x1abe_1e55);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut tree = Tree::default();
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    let mut best = BestEpoch::new(opts.epochs, progress);
    let mut lab = Labeler::new(Trainer::new(1).average(0.0));
    lab.own = lopts.own_dropout < 1.0;
    let mut kept: Option<(f64, f32)> = None;
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let e = &data[si];
            tree.init(&e.lex, &e.tags, &parser.coarse, &e.heads, &e.rels);
            for d in 1..=e.heads.len() {
                let own = lab.own && rng.next_f64() >= lopts.own_dropout;
                if e.heads[d - 1] == 0 || e.heads[d - 1] != e.gold_heads[d - 1] {
                    continue;
                }
                let gold = e.gold[d - 1] as usize;
                if gold == root {
                    continue;
                }
                tree.features(d, own, comma, &mut feats);
                if lopts.dropout > 0.0 {
                    let mut first = true;
                    feats.retain(|_| {
                        std::mem::take(&mut first) || drop_rng.next_f64() >= lopts.dropout
                    });
                }
                trainer.scores(&feats, &mut scores);
                let pred = argmax(&scores, |l| l != root).unwrap_or(gold);
                trainer.tick();
                n += 1;
                if pred == gold {
                    ok += 1;
                } else {
                    trainer.update(&feats, gold, pred);
                }
            }
        }
        lab.weights = trainer.average(opts.prune);
        let train_score = ok as f64 / n.max(1) as f64;
        let dev_score = if dev.is_empty() {
            train_score
        } else {
            lab.bonus = best_bonus(parser, &lab, &dev_data);
            las(parser, Some(&lab), &dev_data)
        };
        // The same rule as `BestEpoch`: a strictly better dev score, or always without dev.
        if dev.is_empty() || kept.is_none_or(|(b, _)| dev_score > b) {
            kept = Some((dev_score, lab.bonus));
        }
        best.observe(epoch, train_score, dev_score, dev.is_empty(), || {
            lab.weights.clone()
        });
    }
    lab.weights = best.into_weights()?;
    lab.bonus = kept.map_or(0.0, |b| b.1);
    Ok((lab, base))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{attachment_scores, training_tags, ParserTrainOptions};
    use crate::Tagger;

    fn setup() -> (Vec<ConlluSentence>, Tagger, Parser, Vec<Vec<u16>>) {
        let data = crate::tagger::tests::fixture();
        let opts = TrainOptions {
            epochs: 8,
            seed: 3,
            ..TrainOptions::default()
        };
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let parser = crate::parser::train(&tagger, &data, &data, &opts, &mut |_| {}).unwrap();
        let popts = ParserTrainOptions {
            jackknife: 0,
            ..ParserTrainOptions::default()
        };
        let tags = training_tags(&tagger, &data, &popts, 3).unwrap();
        (data, tagger, parser, tags)
    }

    fn opts(epochs: usize) -> TrainOptions {
        TrainOptions {
            epochs,
            seed: 7,
            ..TrainOptions::default()
        }
    }

    #[test]
    fn restores_labels_from_the_tree_alone() {
        let (data, tagger, parser, tags) = setup();
        // No dev set: no bonus, and without the parser's label among the features the
        // labeler must find each label from the tree.
        let lopts = LabelerTrainOptions {
            own_dropout: 1.0,
            parser_folds: 0,
            ..LabelerTrainOptions::default()
        };
        let (lab, _) = train_labeler(
            &tagger,
            &parser,
            &data,
            &tags,
            &[],
            &opts(6),
            &lopts,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(lab.bonus(), 0.0);
        assert!(lab.size() > 0);
        let mut s = LabelScratch::default();
        let dep = parser.label_id("det").unwrap();
        for (sent, t) in data.iter().zip(&tags) {
            let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
            let mut lex = Vec::new();
            crate::lex::lexes(&forms, &mut lex);
            let heads: Vec<usize> = sent.words.iter().map(|w| w.head).collect();
            // Every label wrong (and the same) on input: the gold ones come back.
            let mut rels = vec![dep; heads.len()];
            lab.relabel(&parser, &lex, t, &heads, &mut rels, &mut s);
            let got: Vec<&str> = rels.iter().map(|&r| parser.label(r)).collect();
            let want: Vec<&str> = sent.words.iter().map(|w| w.deprel.as_str()).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn rides_in_the_parser_file_and_older_files_still_load() {
        let (data, tagger, mut parser, tags) = setup();
        // Three fold parsers: each distinct fixture sentence is held out of one.
        let lopts = LabelerTrainOptions {
            parser_folds: 3,
            ..LabelerTrainOptions::default()
        };
        let run = || {
            train_labeler(
                &tagger,
                &parser,
                &data,
                &tags,
                &data,
                &opts(4),
                &lopts,
                &mut |_| {},
            )
            .unwrap()
        };
        let (lab, base) = run();
        let plain = parser.encode();
        assert!(parser.labeler().is_none());
        assert!(base > 0.99, "parser LAS {base}");
        // Deterministic for a fixed seed.
        let mut e1 = Enc::default();
        lab.encode(&mut e1);
        let mut e2 = Enc::default();
        run().0.encode(&mut e2);
        assert_eq!(e1.buf, e2.buf);

        parser.set_labeler(Some(lab));
        let with = parser.encode();
        // The labeler is a section after the old payload, which is left as it was.
        assert_eq!(&with[..plain.len()], &plain[..]);
        let (uas, las) = attachment_scores(&tagger, &parser, &data);
        assert!(uas > 0.99 && las > 0.99, "uas {uas} las {las}");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parser.bin");
        parser.save(&path).unwrap();
        let back = Parser::load(&path).unwrap();
        assert!(back.labeler().is_some());
        assert_eq!(
            back.labeler().unwrap().bonus(),
            parser.labeler().unwrap().bonus()
        );
        assert_eq!(back.encode(), with);
        let old = Parser::decode(&plain).unwrap();
        assert!(old.labeler().is_none());

        // Parses with the labeler are still trees with one root word labelled `root`.
        let forms = ["loudly", ".", "The", "barks", "Dogs", "cat", "cat", "."];
        let mut ts = TagScratch::default();
        let mut t = Vec::new();
        tagger.tag(&forms, &mut ts, &mut t);
        let (mut h, mut r) = (Vec::new(), Vec::new());
        back.parse(&ts.lex, &t, &mut ParseScratch::default(), &mut h, &mut r);
        for (hd, rel) in h.iter().zip(&r) {
            assert_eq!(*hd == 0, back.label(*rel) == "root");
        }

        // A section twice, or an unknown one, is an error that says where.
        let mut twice = with.clone();
        twice.extend_from_slice(&with[plain.len()..]);
        assert!(Parser::decode(&twice).is_err());
        let mut unknown = plain.clone();
        unknown.extend_from_slice(&0x1234_5678u32.to_le_bytes());
        let err = Parser::decode(&unknown).unwrap_err().to_string();
        assert!(err.contains("unknown section"), "{err}");
        let cut = &with[..with.len() - 3];
        assert!(Parser::decode(cut).is_err());
    }

    #[test]
    fn bad_training_input_is_an_error() {
        let (data, tagger, parser, tags) = setup();
        let lopts = LabelerTrainOptions {
            parser_folds: 0,
            ..LabelerTrainOptions::default()
        };
        let o = opts(1);
        let err = train_labeler(
            &tagger,
            &parser,
            &data,
            &tags[1..],
            &[],
            &o,
            &lopts,
            &mut |_| {},
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("tag lists"), "{err}");
        let mut short = tags.clone();
        short[2].pop();
        let err = train_labeler(
            &tagger,
            &parser,
            &data,
            &short,
            &[],
            &o,
            &lopts,
            &mut |_| {},
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("sentence 3"), "{err}");
        let mut odd = data.clone();
        odd[0].words[0].deprel = "nonesuch".into();
        let err = train_labeler(&tagger, &parser, &odd, &tags, &[], &o, &lopts, &mut |_| {})
            .unwrap_err()
            .to_string();
        assert!(err.contains("nonesuch"), "{err}");
        let bad = LabelerTrainOptions {
            own_dropout: 1.5,
            ..lopts
        };
        assert!(train_labeler(&tagger, &parser, &data, &tags, &[], &o, &bad, &mut |_| {}).is_err());
    }
}
