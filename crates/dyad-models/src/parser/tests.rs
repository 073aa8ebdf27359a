//! Unit tests of the parser: training on a small fixture, the model file and its sections
//! (feature sets, word classes), jackknifed training tags, feature dropout, the mean of runs,
//! and the optimised decoder checked against a plain reference loop.

use super::*;
use crate::lex::Lex;
use crate::perceptron::argmax;
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
        // The decoder's search for the best valid action, on these scores and on coarse
        // ones full of ties.
        assert_eq!(p.best_valid(&st, &scores), Some(a));
        let coarse: Vec<f32> = scores.iter().map(|x| x.signum()).collect();
        assert_eq!(
            p.best_valid(&st, &coarse),
            argmax(&coarse, |a| p.valid(&st, a))
        );
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
    let run =
        |p: &ParserTrainOptions| train_tagged(&tagger, &data, &tags, &[], &opts, p, &mut |_| {});
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
