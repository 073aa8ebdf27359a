//! Labeler training: parse the training treebank (with the parser or with fold parsers),
//! then epochs of perceptron updates on the words whose head is right, keeping the epoch with
//! the best dev LAS, and the bonus of the parser's own label that is best on dev.

use dyad_text::conllu::ConlluSentence;

use super::{LabelScratch, Labeler, Tree};
use crate::hash::Rng;
use crate::lex::Lex;
use crate::parser::state::NO_LABEL;
use crate::parser::{ParseScratch, Parser};
use crate::perceptron::{argmax, BestEpoch, Trainer};
use crate::tagger::{TagScratch, Tagger};
use crate::{EpochReport, ModelError, TrainOptions};

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

/// LAS (universal relations, as [`crate::parser::attachment_scores`]) of `ex` relabelled by `lab`
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
/// jackknifed by [`crate::parser::training_tags`]), keeping the epoch with the best LAS on `dev`
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
        let popts = crate::parser::ParserTrainOptions {
            jackknife: 0,
            features: parser.features,
            dropout: 0.0,
            classes: parser.classes.clone(),
            ..crate::parser::ParserTrainOptions::default()
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
            let fp = crate::parser::train_tagged(
                tagger,
                &rest,
                &rest_tags,
                &[],
                &po,
                &popts,
                &mut |_| {},
            )?;
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
    use crate::codec::Enc;
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
        let fail = |data: &[ConlluSentence], tags: &[Vec<u16>], lopts: &LabelerTrainOptions| {
            train_labeler(&tagger, &parser, data, tags, &[], &o, lopts, &mut |_| {})
                .map(|_| ())
                .unwrap_err()
                .to_string()
        };
        let err = fail(&data, &tags[1..], &lopts);
        assert!(err.contains("tag lists"), "{err}");
        let mut short = tags.clone();
        short[2].pop();
        let err = fail(&data, &short, &lopts);
        assert!(err.contains("sentence 3"), "{err}");
        let mut odd = data.clone();
        odd[0].words[0].deprel = "nonesuch".into();
        let err = fail(&odd, &tags, &lopts);
        assert!(err.contains("nonesuch"), "{err}");
        let bad = LabelerTrainOptions {
            own_dropout: 1.5,
            ..lopts
        };
        assert!(fail(&data, &tags, &bad).contains("own-label dropout"));
    }
}
