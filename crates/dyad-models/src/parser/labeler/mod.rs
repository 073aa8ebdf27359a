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
//! as a feature plus the bonus (4 folds, 3 epochs: the defaults) 82.61. Below the +0.4 asked
//! for a 20-30% slower pipeline and 4.8 MB more model, so the shipped `parser.bin` has no
//! labeler; the file format and [`super::Parser::parse`] take one
//! ([`super::Parser::set_labeler`]).

mod train;

use super::state::NO_LABEL;
use super::Parser;
use crate::codec::{Dec, Enc};
use crate::hash::{feat, mix};
use crate::lex::Lex;
use crate::perceptron::{argmax, Weights};
use crate::ModelError;
pub use train::{train_labeler, LabelerTrainOptions};

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
    /// The per-word feature columns, each padded with a start and an end value around the
    /// sentence.
    fn word_columns(&mut self) -> [&mut Vec<u64>; 6] {
        [
            &mut self.w,
            &mut self.t,
            &mut self.u,
            &mut self.suf,
            &mut self.pre,
            &mut self.shape,
        ]
    }

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
        for v in self.word_columns() {
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
        for v in self.word_columns() {
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
