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
use crate::perceptron::{argmax, Weights};
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
                    let st = &s.st;
                    argmax(&s.scores, |a| self.valid(st, a)).unwrap_or(0)
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
mod tests {
    use super::*;
    use crate::lex::Lex;
    use crate::TrainOptions;

    fn opts() -> TrainOptions {
        TrainOptions {
            epochs: 8,
            seed: 3,
            ..TrainOptions::default()
        }
    }

    #[test]
    fn learns_the_fixture_and_round_trips() {
        let data = crate::tagger::tests::fixture();
        let opts = opts();
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let p = train(&tagger, &data, &data, &opts, &mut |_| {}).unwrap();
        assert_eq!(p.feature_set(), FEATURES);
        let (uas, las) = attachment_scores(&tagger, &p, &data);
        assert!(uas > 0.99 && las > 0.99, "uas {uas} las {las}");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parser.bin");
        p.save(&path).unwrap();
        let p2 = Parser::load(&path).unwrap();
        assert_eq!(p2.feature_set(), FEATURES);
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

    /// The parse loop as first written: every decision scored (forced ones too) with the
    /// plain reference scorer, the best valid action taken. Checks on the way that the group
    /// sums of decoding give the very same scores in every state.
    fn parse_reference(p: &Parser, lex: &[Lex], tags: &[u16]) -> (Vec<usize>, Vec<u16>) {
        let mut st = State::default();
        st.init(lex, tags, &p.coarse, &p.classes);
        let (mut feats, mut scores, mut grouped) = (Vec::new(), Vec::new(), Vec::new());
        let mut sums = cache::GroupSums::default();
        assert!(p.weights.integer_sums());
        while !st.terminal() {
            st.features(p.features, &mut feats);
            p.weights.scores_reference(&feats, &mut scores);
            sums.scores(&p.weights, &st, p.features, &mut grouped);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&scores), bits(&grouped));
            let a = argmax(&scores, |a| p.valid(&st, a)).unwrap_or(0);
            sums.before_apply(&st, a, p.labels.len());
            st.apply(a, p.labels.len());
        }
        (
            (1..=st.n).map(|i| st.head[i]).collect(),
            st.label[1..=st.n].to_vec(),
        )
    }

    #[test]
    fn optimised_parsing_equals_the_reference_loop() {
        let data = crate::tagger::tests::fixture();
        let opts = TrainOptions {
            epochs: 2,
            ..opts()
        };
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let p = train(&tagger, &data, &data, &opts, &mut |_| {}).unwrap();
        let mut rng = crate::hash::Rng::new(5);
        let (mut ts, mut ps) = (TagScratch::default(), ParseScratch::default());
        let (mut tags, mut h, mut r) = (Vec::new(), Vec::new(), Vec::new());
        let words: Vec<&str> = data
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.form.as_str()))
            .collect();
        for n in 1..40 {
            let forms: Vec<&str> = (0..n)
                .map(|_| words[(rng.next_u64() % words.len() as u64) as usize])
                .collect();
            tagger.tag(&forms, &mut ts, &mut tags);
            p.parse(&ts.lex, &tags, &mut ps, &mut h, &mut r);
            assert_eq!((h.clone(), r.clone()), parse_reference(&p, &ts.lex, &tags));
        }
    }

    #[test]
    fn feature_sets_are_kept_in_the_file() {
        let data = crate::tagger::tests::fixture();
        let opts = opts();
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let popts = ParserTrainOptions {
            jackknife: 0,
            ..ParserTrainOptions::default()
        };
        let tags = training_tags(&tagger, &data, &popts, 3).unwrap();
        // Set 0 is written as the first models were: no section, and it reads back as set 0.
        let set = |features: u8| ParserTrainOptions {
            features,
            ..popts.clone()
        };
        let p0 = train_tagged(&tagger, &data, &tags, &data, &opts, &set(0), &mut |_| {}).unwrap();
        let bytes = p0.encode();
        let mut old = p0.clone();
        old.features = FEATURES;
        assert_eq!(bytes.len() + 5, old.encode().len());
        let back = Parser::decode(&bytes).unwrap();
        assert_eq!(back.feature_set(), 0);
        assert_eq!(
            attachment_scores(&tagger, &back, &data),
            attachment_scores(&tagger, &p0, &data)
        );
        // A feature set this build does not know is refused with a message, not misread.
        let mut newer = old.encode();
        *newer.last_mut().unwrap() = FEATURES + 1;
        let err = Parser::decode(&newer).unwrap_err().to_string();
        assert!(err.contains("newer than this build"), "{err}");
        let mut odd = old.encode();
        let at = odd.len() - 5;
        odd[at] ^= 0xff;
        assert!(Parser::decode(&odd).is_err());
        assert!(train_tagged(
            &tagger,
            &data,
            &tags,
            &data,
            &opts,
            &set(FEATURES + 1),
            &mut |_| {}
        )
        .is_err());
        let (short, zero) = (&tags[1..], &set(0));
        assert!(train_tagged(&tagger, &data, short, &data, &opts, zero, &mut |_| {}).is_err());
    }

    #[test]
    fn jackknifed_tags_come_from_taggers_that_did_not_see_the_sentence() {
        // Nine sentences, three distinct ones repeated: with three folds (sentence i in fold
        // i % 3) each distinct sentence is held out whole, so its fold tagger never saw it.
        let data = crate::tagger::tests::fixture();
        let opts = opts();
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let own = ParserTrainOptions {
            jackknife: 0,
            ..ParserTrainOptions::default()
        };
        let jk = ParserTrainOptions {
            jackknife: 3,
            tagger_epochs: 3,
            ..ParserTrainOptions::default()
        };
        let t0 = training_tags(&tagger, &data, &own, 1).unwrap();
        let t1 = training_tags(&tagger, &data, &jk, 1).unwrap();
        let t2 = training_tags(&tagger, &data, &jk, 1).unwrap();
        assert_eq!(t1, t2, "jackknifing is deterministic");
        for (s, (a, b)) in data.iter().zip(t0.iter().zip(&t1)) {
            assert_eq!(a.len(), s.words.len());
            assert_eq!(b.len(), s.words.len());
            assert!(b.iter().all(|&t| (t as usize) < tagger.labels().len()));
        }
        // The shipped tagger is right on its own training data; fold taggers are not always
        // ("barks" and "sleeps" never occur in the folds they were held out from).
        let right = |t: &[Vec<u16>]| {
            data.iter()
                .zip(t)
                .flat_map(|(s, t)| s.words.iter().zip(t))
                .filter(|(w, t)| tagger.label(**t).upos == w.upos)
                .count()
        };
        let n: usize = data.iter().map(|s| s.words.len()).sum();
        assert_eq!(right(&t0), n);
        assert!(right(&t1) < n, "{} of {n}", right(&t1));
    }

    #[test]
    fn feature_dropout_still_learns_and_is_deterministic() {
        let data = crate::tagger::tests::fixture();
        let opts = TrainOptions {
            epochs: 12,
            ..opts()
        };
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let popts = |dropout: f64| ParserTrainOptions {
            jackknife: 0,
            dropout,
            ..ParserTrainOptions::default()
        };
        let tags = training_tags(&tagger, &data, &popts(0.0), 3).unwrap();
        let run = |p: &ParserTrainOptions| {
            train_tagged(&tagger, &data, &tags, &[], &opts, p, &mut |_| {})
        };
        let plain = run(&popts(0.0)).unwrap();
        let dropped = run(&popts(0.3)).unwrap();
        // Same seed, same file; and dropout changes what is learned.
        assert_eq!(dropped.encode(), run(&popts(0.3)).unwrap().encode());
        assert_ne!(dropped.encode(), plain.encode());
        let (uas, las) = attachment_scores(&tagger, &dropped, &data);
        assert!(uas > 0.95 && las > 0.95, "uas {uas} las {las}");
        for bad in [1.0, -0.1, f64::NAN] {
            let err = run(&popts(bad)).unwrap_err().to_string();
            assert!(err.contains("dropout"), "{err}");
        }
    }

    #[test]
    fn word_classes_are_features_kept_in_the_file() {
        let data = crate::tagger::tests::fixture();
        let opts = opts();
        let tagger = crate::tagger::train(&data, &data, &opts, &mut |_| {}).unwrap();
        let plain = ParserTrainOptions {
            jackknife: 0,
            ..ParserTrainOptions::default()
        };
        let popts = ParserTrainOptions {
            classes: crate::tagger::tests::fixture_classes(),
            ..plain.clone()
        };
        let tags = training_tags(&tagger, &data, &popts, 3).unwrap();
        let run = |po: &ParserTrainOptions| {
            train_tagged(&tagger, &data, &tags, &data, &opts, po, &mut |_| {}).unwrap()
        };
        let p = run(&popts);
        let p0 = run(&plain);
        assert_eq!((p.word_classes(), p0.word_classes()), (11, 0));
        assert_ne!(p.size(), p0.size());
        assert_eq!(p.encode(), run(&popts).encode());
        let (uas, las) = attachment_scores(&tagger, &p, &data);
        assert!(uas > 0.99 && las > 0.99, "uas {uas} las {las}");

        let back = Parser::decode(&p.encode()).unwrap();
        assert_eq!(back.word_classes(), 11);
        assert_eq!(back.encode(), p.encode());
        // The section comes last; a truncated one is an error.
        let bytes = p.encode();
        assert!(Parser::decode(&bytes[..bytes.len() - 3]).is_err());

        // The group sums of decoding (parser::cache) give the reference loop's parses with the
        // class templates too: each is in the group whose words it reads.
        let mut rng = crate::hash::Rng::new(9);
        let (mut ts, mut ps) = (TagScratch::default(), ParseScratch::default());
        let (mut t, mut h, mut r) = (Vec::new(), Vec::new(), Vec::new());
        let words = [
            "The", "dog", "naps", "a", "cat", "barks", "loudly", ".", "Dogs", "zz",
        ];
        for n in 1..40 {
            let forms: Vec<&str> = (0..n)
                .map(|_| words[(rng.next_u64() % words.len() as u64) as usize])
                .collect();
            tagger.tag(&forms, &mut ts, &mut t);
            p.parse(&ts.lex, &t, &mut ps, &mut h, &mut r);
            assert_eq!((h.clone(), r.clone()), parse_reference(&p, &ts.lex, &t));
        }
    }

    #[test]
    fn mean_of_runs_parses_and_refuses_unlike_parsers() {
        let data = crate::tagger::tests::fixture();
        let tagger = crate::tagger::train(&data, &data, &opts(), &mut |_| {}).unwrap();
        let run = |seed: u64, features: u8| {
            let o = TrainOptions { seed, ..opts() };
            let po = ParserTrainOptions {
                jackknife: 0,
                features,
                ..ParserTrainOptions::default()
            };
            let tags = training_tags(&tagger, &data, &po, seed).unwrap();
            train_tagged(&tagger, &data, &tags, &data, &o, &po, &mut |_| {}).unwrap()
        };
        let (a, b) = (run(3, FEATURES), run(4, FEATURES));
        assert_ne!(a.encode(), b.encode());
        let m = Parser::mean(&[a.clone(), b.clone()]).unwrap();
        assert_eq!(m.feature_set(), FEATURES);
        assert!(m.size() >= a.size().max(b.size()));
        let (uas, las) = attachment_scores(&tagger, &m, &data);
        assert!(uas > 0.99 && las > 0.99, "uas {uas} las {las}");
        // The mean of one run is that run.
        let one = Parser::mean(std::slice::from_ref(&a)).unwrap();
        assert_eq!(one.encode(), a.encode());
        // With and without word classes: the mean reads them.
        let c = {
            let o = TrainOptions { seed: 5, ..opts() };
            let po = ParserTrainOptions {
                jackknife: 0,
                classes: crate::tagger::tests::fixture_classes(),
                ..ParserTrainOptions::default()
            };
            let tags = training_tags(&tagger, &data, &po, 5).unwrap();
            train_tagged(&tagger, &data, &tags, &data, &o, &po, &mut |_| {}).unwrap()
        };
        let mc = Parser::mean(&[a.clone(), c]).unwrap();
        assert_eq!(mc.word_classes(), 11);
        assert!(attachment_scores(&tagger, &mc, &data).1 > 0.99);
        let err = Parser::mean(&[a, run(3, 0)]).unwrap_err().to_string();
        assert!(err.contains("parser 2"), "{err}");
        assert!(Parser::mean(&[]).is_err());
    }
}
