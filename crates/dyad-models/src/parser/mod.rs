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
//! children, labels, distance, valency) adapted to arc-hybrid, plus a few for the `s1`-`s0`
//! decision that arc-hybrid adds ([`state`]). The training tags are jackknifed ([`train`]):
//! each part of the training data is tagged by a tagger that did not see it, so the parser
//! learns from tags as noisy as those it gets at run time, and a tenth of each training
//! decision's features are dropped at random, which spreads the weight over more templates.
//!
//! A parser trained with word classes ([`ParserTrainOptions::classes`]: the cluster paths of
//! [`crate::ner::classes`]) keeps them in its file and adds templates that read the paths of
//! `s0`, `s1`, `b0` and `b1` in place of words (Koo et al. 2008).
//!
//! An optional second pass, [`labeler`], relabels the finished tree's arcs from features of
//! the whole tree; it is stored in the same file, behind its own section marker.
//!
//! Submodules: [`state`] (configuration, transitions, oracle, features), [`train`] (training),
//! [`labeler`] (second-pass arc labeler).

mod cache;
pub mod labeler;
mod state;
mod train;

use std::path::Path;

use dyad_text::conllu::ConlluSentence;

use crate::codec::{self, Dec, Enc};
use crate::lex::Lex;
use crate::ner::classes::{self, WordClasses};
use crate::perceptron::Weights;
use crate::tagger::{TagScratch, Tagger};
use crate::ModelError;
use labeler::LabelScratch;
pub use labeler::{train_labeler, Labeler, LabelerTrainOptions};
use state::State;
pub use state::FEATURES;
pub use train::{train, train_tagged, train_with_options, training_tags, ParserTrainOptions};

const KIND: &str = "parser";
/// Marks the feature-set section at the end of a parser payload (files without it are set 0).
const FEATURES_SECTION: u32 = 0x5046_5301;
/// Marks the arc labeler section at the end of a parser payload (files without it have none).
const LABELER_SECTION: u32 = 0x504c_4201;

/// The trained parser. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<String>,
    root: u16,
    /// Tagger label -> coarse tag id (UPOS), learned from the tagger at training time.
    coarse: Vec<u16>,
    /// The feature templates the weights were trained with (see [`FEATURES`]).
    features: u8,
    weights: Weights,
    /// The second-pass labeler applied to every parse, if the file has one.
    labeler: Option<Labeler>,
    /// Word classes read by the feature templates (empty in models trained without them).
    classes: WordClasses,
}

/// Per-thread buffers for parsing.
#[derive(Default)]
pub struct ParseScratch {
    st: State,
    sums: cache::GroupSums,
    feats: Vec<u64>,
    scores: Vec<f32>,
    lab: LabelScratch,
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

    /// The valid action with the highest score in `scores` (the first on ties): what
    /// `argmax(scores, |a| self.valid(st, a))` gives, with the state's tests made once
    /// instead of once per action, and each run of valid actions searched by a plain loop.
    fn best_valid(&self, st: &State, scores: &[f32]) -> Option<usize> {
        let nl = self.labels.len();
        let root = self.root as usize;
        let mut best: Option<(usize, f32)> = None;
        // The actions `lo..hi` in order: the first best of the run, kept if it beats the
        // best so far (so the first best of all on ties, as the runs come in order).
        let mut run = |lo: usize, hi: usize| {
            let Some(xs) = scores.get(lo..hi.min(scores.len())) else {
                return;
            };
            if xs.is_empty() {
                return;
            }
            let bi = crate::hugemem::first_max(xs);
            let bx = xs[bi];
            if best.is_none_or(|(_, b)| bx > b) {
                best = Some((lo + bi, bx));
            }
        };
        if st.can_shift() {
            run(0, 1);
        }
        // LEFT and RIGHT with any label but the root's, RIGHT-root when s1 is the root.
        if st.can_left() {
            run(1, 1 + root.min(nl));
            run(2 + root, 1 + nl);
        }
        if st.can_right() {
            if st.s(1) == 0 {
                run(1 + nl + root, 2 + nl + root);
            } else {
                run(1 + nl, 1 + nl + root.min(nl));
                run(2 + nl + root, 1 + 2 * nl);
            }
        }
        best.map(|b| b.0)
    }

    /// The only valid action of a non-terminal state that has just one, which needs no
    /// scoring: SHIFT while the stack holds only the root (every word's first move off the
    /// buffer when nothing is open), and RIGHT-root once the buffer is empty and the last word
    /// on the stack sits on the root. About a fifth of a sentence's decisions.
    fn forced(&self, st: &State) -> Option<usize> {
        if !st.can_left() && !st.can_right() {
            Some(0)
        } else if !st.can_shift() && st.s(1) == 0 {
            Some(1 + self.labels.len() + self.root as usize)
        } else {
            None
        }
    }

    /// Parses one sentence: `heads[i]` is the 1-based head of word `i + 1` (0 for the root) and
    /// `rels[i]` its label id (see [`Parser::label`]). The labeler, if there is one, relabels
    /// the tree.
    pub fn parse(
        &self,
        lex: &[Lex],
        tags: &[u16],
        s: &mut ParseScratch,
        heads: &mut Vec<usize>,
        rels: &mut Vec<u16>,
    ) {
        self.parse_tree(lex, tags, s, heads, rels);
        if let Some(l) = &self.labeler {
            l.relabel(self, lex, tags, heads, rels, &mut s.lab);
        }
    }

    /// [`Parser::parse`] without the labeler: the transitions' own labels.
    pub fn parse_tree(
        &self,
        lex: &[Lex],
        tags: &[u16],
        s: &mut ParseScratch,
        heads: &mut Vec<usize>,
        rels: &mut Vec<u16>,
    ) {
        let nl = self.labels.len();
        s.st.init(lex, tags, &self.coarse, &self.classes);
        s.sums.clear();
        let grouped = self.weights.integer_sums();
        while !s.st.terminal() {
            let a = match self.forced(&s.st) {
                Some(a) => a,
                None => {
                    if grouped {
                        s.sums
                            .scores(&self.weights, &s.st, self.features, &mut s.scores);
                    } else {
                        s.st.features(self.features, &mut s.feats);
                        self.weights.scores(&s.feats, &mut s.scores);
                    }
                    self.best_valid(&s.st, &s.scores).unwrap_or(0)
                }
            };
            s.sums.before_apply(&s.st, a, nl);
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

    /// The id of relation `name`, if the parser knows it.
    pub fn label_id(&self, name: &str) -> Option<u16> {
        self.labels.iter().position(|l| l == name).map(|i| i as u16)
    }

    /// The second-pass labeler, if the parser has one.
    pub fn labeler(&self) -> Option<&Labeler> {
        self.labeler.as_ref()
    }

    /// Sets (or removes) the second-pass labeler ([`labeler::train_labeler`] trains one for
    /// this parser).
    pub fn set_labeler(&mut self, labeler: Option<Labeler>) {
        self.labeler = labeler;
    }

    /// The number of words with a word class the features read (0: none).
    pub fn word_classes(&self) -> usize {
        self.classes.len()
    }

    /// The feature set this model was trained with (see [`FEATURES`]).
    pub fn feature_set(&self) -> u8 {
        self.features
    }

    pub fn size(&self) -> usize {
        self.weights.len()
    }

    /// The parser whose weights are the mean of `parsers`' (runs of the same training from
    /// different seeds: same relations, tags and feature set). A mean of runs depends less on
    /// one run's shuffling order than any of them. Parsers with and without word classes mix
    /// (the classes must then be the same table): the mean reads the classes, whose templates
    /// have no weights in the parsers without them, so each run still scores as it did. No
    /// labeler is kept.
    pub fn mean(parsers: &[Parser]) -> Result<Parser, ModelError> {
        let Some(first) = parsers.first() else {
            return Err(ModelError::Train("no parsers to average".into()));
        };
        for (i, p) in parsers.iter().enumerate().skip(1) {
            if p.labels != first.labels
                || p.root != first.root
                || p.coarse != first.coarse
                || p.features != first.features
                || !(p.classes.is_empty() || first.classes.is_empty() || p.classes == first.classes)
            {
                return Err(ModelError::Train(format!(
                    "parser {} was not trained like the first (relations, tags, feature set \
                     or word classes differ)",
                    i + 1
                )));
            }
        }
        let weights: Vec<Weights> = parsers.iter().map(|p| p.weights.clone()).collect();
        let classes = parsers.iter().map(|p| &p.classes).find(|c| !c.is_empty());
        Ok(Parser {
            weights: crate::perceptron::mean(first.weights.nclasses(), &weights),
            labeler: None,
            classes: classes.cloned().unwrap_or_default(),
            ..first.clone()
        })
    }

    /// Drops weights of magnitude below `min` (see [`crate::perceptron::Weights::pruned`]).
    pub fn prune(&mut self, min: f32) {
        self.weights = self.weights.pruned(min);
    }

    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        codec::write_file(path, KIND, &self.encode())
    }

    fn encode(&self) -> Vec<u8> {
        let mut e = Enc::default();
        e.strs(&self.labels);
        e.u16(self.root);
        e.len(self.coarse.len());
        for c in &self.coarse {
            e.u16(*c);
        }
        self.weights.encode(&mut e);
        if self.features != 0 {
            e.u32(FEATURES_SECTION);
            e.u8(self.features);
        }
        if let Some(l) = &self.labeler {
            e.u32(LABELER_SECTION);
            l.encode(&mut e);
        }
        if !self.classes.is_empty() {
            // Writes its own marker, `classes::SECTION`.
            self.classes.encode(&mut e);
        }
        e.buf
    }

    pub fn load(path: &Path) -> Result<Parser, ModelError> {
        Parser::load_with(path, &mut codec::Reader::default())
    }

    /// [`Parser::load`] reading the file with `r` (whose buffers [`crate::Models::load`] shares
    /// between the models).
    pub fn load_with(path: &Path, r: &mut codec::Reader) -> Result<Parser, ModelError> {
        let payload = r.read(path, KIND)?;
        Parser::decode(payload).map_err(|e| e.at(&path.display().to_string()))
    }

    fn decode(payload: &[u8]) -> Result<Parser, ModelError> {
        let mut d = Dec::new(payload);
        let labels = d.strs()?;
        let root = d.index(labels.len(), "root label")?;
        let n = d.len(2)?;
        let coarse = (0..n).map(|_| d.u16()).collect::<Result<Vec<_>, _>>()?;
        let weights = Weights::decode(&mut d)?;
        let mut features = 0;
        let mut labeler = None;
        let mut classes = WordClasses::default();
        let mut last = 0;
        while !d.at_end() {
            let at = d.position();
            let section = d.u32()?;
            // Sections come in a fixed order, each at most once.
            if section == FEATURES_SECTION && last < 1 {
                features = d.u8()?;
                if features > FEATURES {
                    return Err(d.corrupt(&format!(
                        "parser feature set {features} is newer than this build knows ({FEATURES})"
                    )));
                }
                last = 1;
            } else if section == LABELER_SECTION && last < 2 {
                labeler = Some(Labeler::decode(&mut d, labels.len())?);
                last = 2;
            } else if section == classes::SECTION && last < 3 {
                classes = WordClasses::decode_body(&mut d)?;
                last = 3;
            } else {
                return Err(ModelError::Corrupt {
                    path: String::new(),
                    offset: at,
                    what: "unknown section after the parser weights".into(),
                });
            }
        }
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
            features,
            weights,
            labeler,
            classes,
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

#[cfg(test)]
mod tests;
