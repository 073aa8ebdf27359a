//! Named-entity recognizer: BILOU tagging with an averaged structured perceptron and a beam.
//!
//! Entities (PER, ORG, LOC in UNER) are tagged left to right with Begin/Inside/Last/Unit/Out
//! labels, which lets features see whether an entity is open and lets decoding forbid invalid
//! sequences (an `I-` after an `O`, an entity left open at the end of the sentence), so every
//! output is a clean list of spans. Features are the word, its affixes and shape, the words and
//! shapes around it, the predicted part-of-speech tags (from the tagger, which the recognizer
//! therefore always runs after), the previous entity labels, the matches of name lists
//! compiled into the model ([`crate::gazetteer`]) and, in models trained with them, word
//! classes learnt from unlabelled text ([`classes`]: cluster paths and how often a word is
//! capitalised), which reach the many names the labelled data never shows. Decoding keeps the best few label
//! sequences ([`beam`]) and training updates whole sequences ([`train()`]): on UNER dev, 68.21
//! F1 greedy, 71.15 with a beam of 4. After training, an `O` penalty and a bias per entity
//! type are chosen on dev and stored in the model.

use std::collections::BTreeSet;
use std::path::Path;

use crate::codec::{self, Dec, Enc};
use crate::data::{spans, NerSentence};
use crate::gazetteer::Gazetteer;
use crate::hash::{feat, mix};
use crate::lex::{Lex, PAD};
use crate::perceptron::Weights;
use crate::tagger::{TagScratch, Tagger};
use crate::ModelError;
use classes::Class;

mod beam;
pub mod classes;
mod train;

pub use train::{train, BEAM};

const KIND: &str = "ner";
/// Marks the O-penalty section of a NER payload.
const PENALTY_SECTION: u32 = 0x4f50_0001;
/// Marks the decoding section of a NER payload: beam width and per-type biases.
const DECODE_SECTION: u32 = 0x4445_0001;
/// Entity types of other corpora that UNER leaves untagged (wikigold's and CoNLL's `MISC`):
/// learnt as `O`.
const IGNORED_TYPES: [&str; 1] = ["MISC"];

/// The trained recognizer. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Ner {
    types: Vec<String>,
    weights: Weights,
    /// Name lists compiled in at training time (empty in models trained without them).
    gaz: Gazetteer,
    /// Subtracted from the score of `O` at each word: the perceptron is conservative (on
    /// dev, precision 73 and recall 64), so a penalty chosen on dev trades a little precision
    /// for more recall. 0 in models from before it.
    o_penalty: f32,
    /// Added to the scores of the labels that open an entity (`B-`, `U-`) of each type, chosen
    /// on dev after training like the `O` penalty: ORG is the type the perceptron misses most
    /// (recall 37% on dev). Empty in models from before it (no bias).
    type_bias: Vec<f32>,
    /// Beam width of decoding: the width the model was trained with (1, greedy, in models
    /// from before the beam).
    beam: usize,
}

/// Per-thread buffers for NER.
#[derive(Default)]
pub struct NerScratch {
    labels: Vec<u16>,
    gaz: Vec<u8>,
    cls: Vec<Class>,
    hist: Vec<u64>,
    beam: beam::BeamScratch,
    /// The history-free features of every word of the sentence, one after the other, and
    /// where each word's end.
    stat_feats: Vec<u64>,
    stat_ends: Vec<usize>,
    /// The scores of those features, `nclasses` per word.
    stat_scores: Vec<f32>,
    feats_scores: Vec<f32>,
    memo: HistoryMemo,
}

/// The integer sums of the history features met so far in a sentence (see
/// [`HistoryMemo::scores`]).
#[derive(Default)]
struct HistoryMemo {
    /// The word whose sums `word_sums` holds, one row per previous label in `word_labels`.
    word: usize,
    word_labels: Vec<u64>,
    word_sums: Vec<i32>,
    /// The number of labels, and the row in `pair_sums` of each pair of labels
    /// (`u32::MAX`: not summed yet), at `y1 * (labels + 1) + y2`, the start of the sentence
    /// counted as the last label.
    labels: usize,
    pair_at: Vec<u32>,
    pair_sums: Vec<i32>,
}

impl HistoryMemo {
    /// Forgets the sums (a new sentence, or other weights) of a model with `labels` labels.
    fn clear(&mut self, labels: usize) {
        self.labels = labels;
        self.pair_at.clear();
        self.pair_at.resize((labels + 1) * (labels + 1), u32::MAX);
        self.pair_sums.clear();
        self.word = usize::MAX;
    }

    /// The scores of the history features of word `i` after the labels `y1` and `y2`: what
    /// [`history_features`] and [`Weights::scores_with`] give, to the bit. The features are
    /// summed in two exact integer parts: those of the word with `y1`, once per word and
    /// label however many hypotheses end in that label, and those of the two labels alone,
    /// once per sentence and pair. Only with [`Weights::integer_sums`]; `hist` and `acc`
    /// are scratch.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn scores(
        &mut self,
        w: &Weights,
        c: &Ctx,
        i: usize,
        y1: u64,
        y2: u64,
        hist: &mut Vec<u64>,
        acc: &mut [i32; 256],
        sc: &mut Vec<f32>,
    ) {
        let width = w.width();
        if self.word != i {
            self.word = i;
            self.word_labels.clear();
            self.word_sums.clear();
        }
        let a = match self.word_labels.iter().position(|&y| y == y1) {
            Some(a) => a,
            None => {
                hist.clear();
                word_history_features_into(c, i, y1, hist);
                acc[..width].fill(0);
                w.accumulate(hist, acc);
                self.word_sums.extend_from_slice(&acc[..width]);
                self.word_labels.push(y1);
                self.word_labels.len() - 1
            }
        };
        let nl = self.labels;
        let at = |y: u64| if y == START { nl } else { (y as usize).min(nl) };
        let p = at(y1) * (nl + 1) + at(y2);
        if self.pair_at[p] == u32::MAX {
            hist.clear();
            label_features_into(y1, y2, hist);
            acc[..width].fill(0);
            w.accumulate(hist, acc);
            self.pair_at[p] = (self.pair_sums.len() / width) as u32;
            self.pair_sums.extend_from_slice(&acc[..width]);
        }
        let b = self.pair_at[p] as usize;
        let (ws, ps) = (
            &self.word_sums[a * width..(a + 1) * width],
            &self.pair_sums[b * width..(b + 1) * width],
        );
        for ((o, x), y) in acc[..width].iter_mut().zip(ws).zip(ps) {
            *o = x + y;
        }
        w.finish(acc, sc);
    }
}

/// An entity found in a sentence: words `start..end` and its type index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub ty: u16,
}

// Label layout: 0 = O; type k has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
#[inline]
fn part(label: usize) -> usize {
    (label - 1) % 4
}
#[inline]
fn ty(label: usize) -> usize {
    (label - 1) / 4
}
const B: usize = 0;
const I: usize = 1;

/// May `label` follow `prev` (and end the sentence, if `last`)?
#[inline]
fn allowed(prev: usize, label: usize, last: bool) -> bool {
    let open = prev != 0 && matches!(part(prev), B | I);
    let ok = if open {
        label != 0 && matches!(part(label), 1 | 2) && ty(label) == ty(prev)
    } else {
        label == 0 || matches!(part(label), 0 | 3)
    };
    ok && !(last && label != 0 && matches!(part(label), B | I))
}

/// Sentence-level casing: 0 mixed, 1 no capitals at all, 2 mostly capitalised (headline).
fn sentence_case(lex: &[Lex]) -> u64 {
    let caps = lex.iter().filter(|l| l.title).count();
    let alpha = lex.iter().filter(|l| l.flags & 3 != 0).count();
    if caps == 0 {
        1
    } else if alpha >= 4 && caps * 10 >= alpha * 7 {
        2
    } else {
        0
    }
}

/// What the features of one word read besides the history of labels.
struct Ctx<'a> {
    lex: &'a [Lex],
    tags: &'a [u16],
    /// Gazetteer matches per word (see [`Gazetteer::tag`]).
    gaz: &'a [u8],
    /// Word classes per word (see [`classes`]); empty in models without them, which then
    /// score no class features at all.
    cls: &'a [Class],
    /// Sentence casing (see [`sentence_case`]).
    sc: u64,
}

/// The features of word `i` that do not depend on the labels before it (most of them: they
/// are scored once per word, whatever the hypotheses of the beam).
fn static_features(c: &Ctx, i: usize, out: &mut Vec<u64>) {
    out.clear();
    static_features_into(c, i, out);
}

/// [`static_features`] added at the end of `out`.
fn static_features_into(c: &Ctx, i: usize, out: &mut Vec<u64>) {
    let (lex, tags, sc) = (c.lex, c.tags, c.sc);
    let at = |j: isize| -> &Lex {
        if j < 0 || j as usize >= lex.len() {
            &PAD
        } else {
            &lex[j as usize]
        }
    };
    let i_ = i as isize;
    let w = &lex[i];
    let (p1, p2, n1, n2) = (at(i_ - 1), at(i_ - 2), at(i_ + 1), at(i_ + 2));
    let (t0, tp, tn) = (tag_at(tags, i_), tag_at(tags, i_ - 1), tag_at(tags, i_ + 1));
    let mut f = |k: u32, v: u64| out.push(feat(k, v));
    f(0, 0);
    f(1, w.word);
    f(2, w.lower);
    for (k, p) in w.prefix.iter().enumerate() {
        f(3 + k as u32, *p);
    }
    for (k, s) in w.suffix.iter().enumerate() {
        f(6 + k as u32, *s);
    }
    f(10, w.shape);
    f(11, mix(w.flags, (i == 0) as u64));
    f(12, p1.lower);
    f(13, p2.lower);
    f(14, n1.lower);
    f(15, n2.lower);
    f(16, p1.shape);
    f(17, n1.shape);
    f(18, t0);
    f(19, mix(tp, t0));
    f(20, mix(t0, tn));
    f(25, mix(p1.lower, w.lower));
    f(26, mix(w.lower, n1.lower));
    f(28, mix(w.word, t0));
    f(29, p1.word);
    f(30, n1.word);
    f(
        31,
        mix(mix(p1.title as u64, w.title as u64), n1.title as u64),
    );
    f(33, mix(t0, w.shape));
    f(34, mix(p1.suffix[2], w.lower));
    f(35, n1.suffix[2]);
    f(36, mix(tn, n1.shape));
    f(37, mix(sc, w.lower));
    f(38, mix(sc, w.shape));
    f(40, mix(p2.lower, p1.lower));
    f(41, mix(w.title as u64, w.suffix[2]));
    f(42, mix(p1.shape, w.shape));
    f(43, mix(w.shape, n1.shape));
    let (g0, gp, gn) = (
        gaz_at(c.gaz, i_),
        gaz_at(c.gaz, i_ - 1),
        gaz_at(c.gaz, i_ + 1),
    );
    f(44, g0);
    f(45, mix(g0, w.title as u64));
    f(46, mix(gp, g0));
    f(47, mix(g0, gn));
    f(49, mix(g0 & 15, t0));
    f(50, mix(mix(g0, w.title as u64), sc));
    if c.cls.is_empty() {
        return;
    }
    let (c0, cp, cn) = (
        cls_at(c.cls, i_),
        cls_at(c.cls, i_ - 1),
        cls_at(c.cls, i_ + 1),
    );
    f(51, c0.prefix(4));
    f(52, c0.prefix(6));
    f(53, c0.prefix(8));
    f(54, c0.prefix(10));
    f(55, c0.prefix(14));
    f(56, cp.prefix(14));
    f(57, cn.prefix(14));
    f(58, mix(c0.caps as u64, mix(w.flags, (i == 0) as u64)));
    f(59, mix(c0.prefix(8), w.title as u64));
    f(60, mix(c0.prefix(6), t0));
    f(61, mix(cn.caps as u64, n1.title as u64));
    f(62, mix(cp.caps as u64, p1.title as u64));
    f(63, mix(cp.prefix(6), c0.prefix(6)));
}

/// The class of the word at `j` (a fixed value outside the sentence).
#[inline]
fn cls_at(cls: &[Class], j: isize) -> Class {
    if j < 0 || j as usize >= cls.len() {
        Class {
            path: 0x7ff,
            depth: Some(15),
            caps: 5,
        }
    } else {
        cls[j as usize]
    }
}

/// The features of word `i` that read the two labels before it (`y1`, `y2`; [`START`] before
/// the sentence).
fn history_features(c: &Ctx, i: usize, y1: u64, y2: u64, out: &mut Vec<u64>) {
    out.clear();
    label_features_into(y1, y2, out);
    word_history_features_into(c, i, y1, out);
}

/// The features of [`history_features`] that read the labels alone, not the word: the same
/// at every word (decoding sums them once a sentence for each pair of labels met).
#[inline]
fn label_features_into(y1: u64, y2: u64, out: &mut Vec<u64>) {
    out.push(feat(21, y1));
    out.push(feat(22, mix(y1, y2)));
}

/// The other features of [`history_features`]: the word `i` with the previous label `y1`
/// (the same for every hypothesis of the beam that ends in `y1`), added at the end of `out`.
#[inline]
fn word_history_features_into(c: &Ctx, i: usize, y1: u64, out: &mut Vec<u64>) {
    let w = &c.lex[i];
    let n1 = c.lex.get(i + 1).unwrap_or(&PAD);
    let t0 = tag_at(c.tags, i as isize);
    let g0 = gaz_at(c.gaz, i as isize);
    let mut f = |k: u32, v: u64| out.push(feat(k, v));
    f(23, mix(y1, w.lower));
    f(24, mix(y1, w.shape));
    f(27, mix(y1, t0));
    f(32, mix(y1, n1.shape));
    f(39, mix(mix(c.sc, t0), y1));
    f(48, mix(g0, y1));
    if !c.cls.is_empty() {
        f(64, mix(y1, cls_at(c.cls, i as isize).prefix(6)));
    }
}

/// The label history value before the start of the sentence.
const START: u64 = 0x51;

#[inline]
fn tag_at(tags: &[u16], j: isize) -> u64 {
    if j < 0 || j as usize >= tags.len() {
        0x99
    } else {
        tags[j as usize] as u64 + 1
    }
}

#[inline]
fn gaz_at(gaz: &[u8], j: isize) -> u64 {
    if j < 0 || j as usize >= gaz.len() {
        0x100
    } else {
        gaz[j as usize] as u64
    }
}

fn to_spans(labels: &[u16], out: &mut Vec<EntitySpan>) {
    out.clear();
    let mut start = 0;
    for (i, &l) in labels.iter().enumerate() {
        let l = l as usize;
        if l == 0 {
            continue;
        }
        match part(l) {
            0 => start = i,
            2 => out.push(EntitySpan {
                start,
                end: i + 1,
                ty: ty(l) as u16,
            }),
            3 => out.push(EntitySpan {
                start: i,
                end: i + 1,
                ty: ty(l) as u16,
            }),
            _ => {}
        }
    }
}

/// BIO tags to BILOU label ids.
fn bilou(tags: &[String], types: &[String]) -> Vec<u16> {
    let mut out = vec![0u16; tags.len()];
    for (s, e, t) in spans(tags) {
        let Some(k) = types.iter().position(|x| *x == t) else {
            continue;
        };
        let base = 1 + 4 * k;
        if e - s == 1 {
            out[s] = (base + 3) as u16;
        } else {
            out[s] = base as u16;
            for o in &mut out[s + 1..e - 1] {
                *o = (base + 1) as u16;
            }
            out[e - 1] = (base + 2) as u16;
        }
    }
    out
}

impl Ner {
    /// Finds the entities of a tagged sentence.
    pub fn recognize(
        &self,
        lex: &[Lex],
        tags: &[u16],
        s: &mut NerScratch,
        out: &mut Vec<EntitySpan>,
    ) {
        let w = &self.weights;
        self.gaz.tag(lex, &mut s.gaz);
        self.word_classes(lex, &mut s.cls);
        let c = Ctx {
            lex,
            tags,
            gaz: &s.gaz,
            cls: &s.cls,
            sc: sentence_case(lex),
        };
        let (pen, bias) = (self.o_penalty, &self.type_bias);
        // The history-free scores of all words first: while one word's rows are added, the
        // table slots of the next word's features are already on their way (one word's
        // lookups alone leave the memory system idle between its rounds of misses).
        // Each word's features are computed, and their slots fetched, before the word ahead
        // of it is scored, so that the misses are also on their way while the CPU hashes.
        let n = lex.len();
        s.stat_feats.clear();
        s.stat_ends.clear();
        s.stat_scores.clear();
        let mut acc = [0i32; 256];
        if n > 0 {
            static_features_into(&c, 0, &mut s.stat_feats);
            s.stat_ends.push(s.stat_feats.len());
            w.prefetch(&s.stat_feats);
        }
        let mut start = 0;
        for i in 0..n {
            let end = s.stat_ends[i];
            if i + 1 < n {
                static_features_into(&c, i + 1, &mut s.stat_feats);
                s.stat_ends.push(s.stat_feats.len());
                w.prefetch(&s.stat_feats[end..]);
            }
            let sc = &mut s.feats_scores;
            w.scores_prefetched(&s.stat_feats[start..end], &mut acc, sc);
            if let Some(o) = sc.first_mut() {
                *o -= pen;
            }
            for (k, b) in bias.iter().enumerate() {
                for l in [1 + 4 * k, 4 + 4 * k] {
                    if let Some(x) = sc.get_mut(l) {
                        *x += b;
                    }
                }
            }
            s.stat_scores.extend_from_slice(sc);
            start = end;
        }
        let nl = w.nclasses();
        let (stat_scores, hist) = (&s.stat_scores, &mut s.hist);
        let stat = |i: usize, sc: &mut Vec<f32>| {
            sc.clear();
            sc.extend_from_slice(&stat_scores[i * nl..(i + 1) * nl]);
        };
        if !w.integer_sums() {
            beam::search(
                lex.len(),
                self.beam,
                START,
                stat,
                |i, y1, y2, sc| {
                    history_features(&c, i, y1, y2, hist);
                    w.scores_with(hist, &mut acc, sc);
                },
                None,
                &mut s.beam,
                &mut s.labels,
            );
            to_spans(&s.labels, out);
            return;
        }
        let m = &mut s.memo;
        m.clear(nl);
        beam::search(
            lex.len(),
            self.beam,
            START,
            stat,
            |i, y1, y2, sc| m.scores(w, &c, i, y1, y2, hist, &mut acc, sc),
            None,
            &mut s.beam,
            &mut s.labels,
        );
        to_spans(&s.labels, out);
    }

    /// The classes of the words of a sentence (nothing if the model has none).
    fn word_classes(&self, lex: &[Lex], out: &mut Vec<Class>) {
        out.clear();
        if !self.gaz.classes.is_empty() {
            out.extend(lex.iter().map(|l| self.gaz.classes.get(l.lower)));
        }
    }

    /// The name of entity type `ty` (`PER`, `ORG`, `LOC`).
    pub fn type_name(&self, ty: u16) -> &str {
        self.types.get(ty as usize).map_or("MISC", String::as_str)
    }

    /// The penalty on `O` chosen on dev at training time.
    pub fn o_penalty(&self) -> f32 {
        self.o_penalty
    }

    /// The bias on opening an entity of each type chosen on dev at training time (empty in
    /// models from before it).
    pub fn type_bias(&self) -> &[f32] {
        &self.type_bias
    }

    /// The beam width of decoding.
    pub fn beam_width(&self) -> usize {
        self.beam
    }

    /// Decodes with beam width `k` (1 to 64) instead of the width the model was trained with:
    /// narrower is faster. Shipped model on UNER dev: width 1 67.43 F1, 2 70.78, 4 71.15.
    pub fn set_beam_width(&mut self, k: usize) {
        self.beam = k.clamp(1, 64);
    }

    pub fn types(&self) -> &[String] {
        &self.types
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
        e.strs(&self.types);
        self.weights.encode(&mut e);
        self.gaz.encode(&mut e);
        e.u32(PENALTY_SECTION);
        e.f32(self.o_penalty);
        e.u32(DECODE_SECTION);
        e.u32(self.beam as u32);
        e.len(self.type_bias.len());
        for b in &self.type_bias {
            e.f32(*b);
        }
        if !self.gaz.classes.is_empty() {
            self.gaz.classes.encode(&mut e);
        }
        codec::write_file(path, KIND, &e.buf)
    }

    pub fn load(path: &Path) -> Result<Ner, ModelError> {
        Ner::load_with(path, &mut codec::Reader::default())
    }

    /// [`Ner::load`] reading the file with `r` (whose buffers [`crate::Models::load`] shares
    /// between the models).
    pub fn load_with(path: &Path, r: &mut codec::Reader) -> Result<Ner, ModelError> {
        let payload = r.read(path, KIND)?;
        Ner::decode(payload).map_err(|e| e.at(&path.display().to_string()))
    }

    fn decode(payload: &[u8]) -> Result<Ner, ModelError> {
        let mut d = Dec::new(payload);
        let types = d.strs()?;
        let weights = Weights::decode(&mut d)?;
        // Models from before the name lists end here.
        let mut gaz = if d.at_end() {
            Gazetteer::default()
        } else {
            Gazetteer::decode(&mut d)?
        };
        let mut o_penalty = 0.0;
        if !d.at_end() {
            if d.u32()? != PENALTY_SECTION {
                return Err(d.corrupt("expected the O penalty"));
            }
            o_penalty = d.f32()?;
        }
        let (mut type_bias, mut beam) = (Vec::new(), 1);
        if !d.at_end() {
            if d.u32()? != DECODE_SECTION {
                return Err(d.corrupt("expected the decoding section"));
            }
            beam = d.u32()? as usize;
            if !(1..=64).contains(&beam) {
                return Err(d.corrupt("beam width out of range"));
            }
            let n = d.len(4)?;
            if n != types.len() && n != 0 {
                return Err(d.corrupt("one bias per entity type expected"));
            }
            for _ in 0..n {
                type_bias.push(d.f32()?);
            }
        }
        // Models from before the word classes end here.
        if !d.at_end() {
            if d.u32()? != classes::SECTION {
                return Err(d.corrupt("expected the word-class section"));
            }
            gaz.classes = classes::WordClasses::decode_body(&mut d)?;
        }
        d.finish()?;
        if weights.nclasses() != 1 + 4 * types.len() {
            return Err(ModelError::Corrupt {
                path: String::new(),
                offset: 0,
                what: "weights and entity types disagree".into(),
            });
        }
        Ok(Ner {
            types,
            weights,
            gaz,
            o_penalty,
            type_bias,
            beam,
        })
    }
}

/// Micro span F1 of `ner` on `sents`, with `tagger`'s tags.
pub fn span_f1(tagger: &Tagger, ner: &Ner, sents: &[NerSentence]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let mut ts = TagScratch::default();
    let mut ns = NerScratch::default();
    let (mut tags, mut found) = (Vec::new(), Vec::new());
    for s in sents {
        let forms: Vec<&str> = s.words.iter().map(String::as_str).collect();
        tagger.tag(&forms, &mut ts, &mut tags);
        ner.recognize(&ts.lex, &tags, &mut ns, &mut found);
        let gold: BTreeSet<(usize, usize, String)> = spans(&s.tags).into_iter().collect();
        ng += gold.len();
        np += found.len();
        for e in &found {
            tp += gold.contains(&(e.start, e.end, ner.type_name(e.ty).to_string())) as usize;
        }
    }
    if np == 0 || ng == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_bio;
    use crate::TrainOptions;

    const FIXTURE: &str =
        "Alice\tB-PER\nmet\tO\nBob\tB-PER\nSmith\tI-PER\nin\tO\nParis\tB-LOC\n.\tO\n\n\
                    Google\tB-ORG\nhired\tO\nCarol\tB-PER\n.\tO\n\n\
                    They\tO\nflew\tO\nto\tO\nNew\tB-LOC\nYork\tI-LOC\n.\tO\n\n";

    /// A tagger and a recognizer (with a name list and word classes) trained on the
    /// fixture, and the fixture.
    fn fixture_models() -> (Tagger, Ner, Vec<NerSentence>) {
        let sents = parse_bio(&FIXTURE.repeat(4)).unwrap();
        let opts = TrainOptions {
            epochs: 6,
            seed: 2,
            ..TrainOptions::default()
        };
        let conllu = crate::tagger::tests::fixture();
        let tagger = crate::tagger::train(&conllu, &conllu, &opts, &mut |_| {}).unwrap();
        let mut gaz = Gazetteer::default();
        gaz.add("paris", crate::gazetteer::LOC);
        let table = "#word\tpath\tcaps\tcount\nparis\t01\t4\t3\nalice\t10\t4\t3\n";
        assert_eq!(gaz.classes.read_rows(table, "t.tsv").unwrap(), 2);
        let ner = train(&tagger, gaz, &sents, &sents, &opts, &mut |_| {}).unwrap();
        (tagger, ner, sents)
    }

    #[test]
    fn learns_the_fixture_and_round_trips() {
        let (tagger, ner, sents) = fixture_models();
        assert!(span_f1(&tagger, &ner, &sents) > 0.99);

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ner.bin");
        ner.save(&path).unwrap();
        let ner2 = Ner::load(&path).unwrap();
        assert_eq!(ner2.o_penalty(), ner.o_penalty());
        // The word classes travel in the model file.
        assert_eq!(ner2.gaz.classes.len(), 2);
        let c = ner2.gaz.classes.get(Lex::new("Paris").lower);
        assert_eq!((c.path, c.depth, c.caps), (1, Some(2), 4));
        let forms = ["Alice", "met", "Bob", "Smith", "in", "Paris", "."];
        let mut ts = TagScratch::default();
        let mut tags = Vec::new();
        tagger.tag(&forms, &mut ts, &mut tags);
        let mut found = Vec::new();
        ner2.recognize(&ts.lex, &tags, &mut NerScratch::default(), &mut found);
        let got: Vec<_> = found
            .iter()
            .map(|e| (e.start, e.end, ner2.type_name(e.ty)))
            .collect();
        assert_eq!(got, vec![(0, 1, "PER"), (2, 4, "PER"), (5, 6, "LOC")]);
        assert_eq!(ner2.beam_width(), ner.beam_width());
        assert_eq!(ner2.type_bias(), ner.type_bias());

        // A file from before the decoding section (greedy decoding, no type biases) loads.
        let mut e = Enc::default();
        e.strs(&ner.types);
        ner.weights.encode(&mut e);
        ner.gaz.encode(&mut e);
        e.u32(PENALTY_SECTION);
        e.f32(0.0);
        codec::write_file(&path, KIND, &e.buf).unwrap();
        let old = Ner::load(&path).unwrap();
        assert_eq!((old.beam_width(), old.type_bias().len()), (1, 0));
        assert!(old.gaz.classes.is_empty());
        old.recognize(&ts.lex, &tags, &mut NerScratch::default(), &mut found);
        assert_eq!(found.len(), 3);
        // Something other than the word-class section after the decoding section is an error.
        e.u32(DECODE_SECTION);
        e.u32(4);
        e.len(0);
        e.u32(0x1234_5678);
        codec::write_file(&path, KIND, &e.buf).unwrap();
        let err = Ner::load(&path).unwrap_err().to_string();
        assert!(err.contains("word-class section"), "{err}");
        std::fs::write(&path, b"DYADMDL\x01").unwrap();
        assert!(Ner::load(&path).is_err());
    }

    /// The history scores summed in two parts and kept across the hypotheses of a
    /// sentence are those of all the history features scored at once, for every word and
    /// pair of previous labels, in any order of asking.
    #[test]
    fn memoised_history_scores_equal_the_plain_ones() {
        let (tagger, ner, _) = fixture_models();
        assert!(ner.weights.integer_sums());
        let nl = ner.weights.nclasses();
        let ys: Vec<u64> = (0..nl as u64).chain([START]).collect();
        let mut memo = HistoryMemo::default();
        let (mut hist, mut acc, mut got, mut want) = (Vec::new(), [0i32; 256], vec![], vec![]);
        let mut ts = TagScratch::default();
        let mut tags = Vec::new();
        let mut differing = 0;
        for words in [
            &["Alice", "met", "Bob", "Smith", "in", "Paris", "."][..],
            &[
                "The", "New", "York", "office", "of", "Acme", "Corp", "called",
            ],
        ] {
            tagger.tag(words, &mut ts, &mut tags);
            let (mut gaz, mut cls) = (Vec::new(), Vec::new());
            ner.gaz.tag(&ts.lex, &mut gaz);
            ner.word_classes(&ts.lex, &mut cls);
            assert!(!cls.is_empty());
            let c = Ctx {
                lex: &ts.lex,
                tags: &tags,
                gaz: &gaz,
                cls: &cls,
                sc: sentence_case(&ts.lex),
            };
            memo.clear(nl);
            for i in 0..words.len() {
                for (k, &y1) in ys.iter().enumerate() {
                    // Pairs asked again and in another order hit the sums kept.
                    for &y2 in ys.iter().cycle().skip(k).take(ys.len() + 3) {
                        memo.scores(&ner.weights, &c, i, y1, y2, &mut hist, &mut acc, &mut got);
                        history_features(&c, i, y1, y2, &mut hist);
                        ner.weights.scores_with(&hist, &mut acc, &mut want);
                        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                        assert_eq!(bits(&got), bits(&want), "word {i}, labels {y1} {y2}");
                        differing += want.iter().any(|&x| x != want[0]) as usize;
                    }
                }
            }
        }
        // The fixture's weights make the scores of most histories differ between labels.
        assert!(differing > 100, "{differing}");
    }

    #[test]
    fn decoding_constraints_hold() {
        // After B-PER (1) only I-PER (2) or L-PER (3); at the end no B or I.
        assert!(allowed(1, 2, false) && allowed(1, 3, true));
        assert!(!allowed(1, 0, false) && !allowed(1, 5, false));
        assert!(!allowed(0, 2, false) && !allowed(0, 1, true) && allowed(0, 4, true));
        let types = vec!["LOC".to_string(), "PER".to_string()];
        let l = bilou(
            &["B-PER".into(), "I-PER".into(), "O".into(), "B-LOC".into()],
            &types,
        );
        assert_eq!(l, vec![5, 7, 0, 4]);
        let mut sp = Vec::new();
        to_spans(&l, &mut sp);
        assert_eq!(
            sp,
            vec![
                EntitySpan {
                    start: 0,
                    end: 2,
                    ty: 1
                },
                EntitySpan {
                    start: 3,
                    end: 4,
                    ty: 0
                }
            ]
        );
    }
}
