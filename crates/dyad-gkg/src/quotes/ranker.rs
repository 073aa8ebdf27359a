//! A learned speaker ranker: a linear model over hand-designed features of the speaker
//! candidates of a quote (the persons and organisations named in and before its sentence, and
//! the rules' own answer), trained as an averaged perceptron on annotated quotes.
//!
//! The model is a table of `feature<TAB>weight` lines (`#` lines are comments), written by
//! `dyad train speakers` and read back by [`SpeakerModel::parse`]; a line that does not parse
//! is an error naming the file and the line. A quote's candidates include an unnamed one
//! (empty name): the answer for a source the text does not name (`one poster`).
//!
//! The ranker is an experiment, not part of the pipeline: `dyad train speakers --cv` scores
//! it against the rules set by set (leave one set out), and it did not beat them (session
//! 11, `testdata/gkg/README.md`). Training is deterministic: the examples are
//! visited in their given order, shuffled each epoch by a fixed-seed generator, and the
//! averaged weights are rounded to four decimals before they are used or written, so the
//! model in memory is the model in the file.
//!
//! The features are in `ranker_features.rs`; [`Candidate`] carries them as strings.

use std::collections::{BTreeMap, HashMap};

use dyad_core::Span;

use crate::GkgError;

/// One possible speaker of a quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The name the quote gets if this candidate is chosen.
    pub name: String,
    /// The mention the features were read from (the nearest to the quote).
    pub span: Option<Span>,
    /// Binary features (a feature listed twice counts twice).
    pub features: Vec<String>,
    /// Whether this is the speaker the rules chose.
    pub rule: bool,
}

/// One training quote: its candidates and which of them name the gold speaker.
#[derive(Clone, Debug)]
pub struct Example {
    pub candidates: Vec<Candidate>,
    /// Indexes into `candidates` of the right ones (at least one for a useful example).
    pub gold: Vec<usize>,
}

/// Feature weights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerModel {
    weights: HashMap<String, f64>,
}

/// Training options.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Leave out the feature that says which candidate the rules chose.
    pub without_rule: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            without_rule: false,
        }
    }
}

/// Whether a speaker names someone: a capitalised word that is no pronoun (`Smith`, `NASA`;
/// not `he`, `He`, `the official`).
pub fn names_someone(s: &str) -> bool {
    s.starts_with(|c: char| c.is_uppercase())
        && !matches!(
            s,
            "He" | "She" | "They" | "It" | "We" | "I" | "You" | "His" | "Her" | "Their"
        )
}

/// The speaker a quote gets when `c` is chosen: its name, or for the unnamed candidate
/// (empty name) the rules' answer when that names no one (`the official`), else none.
pub fn speaker_of(c: &Candidate, rule: Option<&str>) -> Option<String> {
    if c.name.is_empty() {
        rule.filter(|r| !names_someone(r)).map(str::to_string)
    } else {
        Some(c.name.clone())
    }
}

/// The feature prefix that carries the rules' choice (left out by `without_rule`).
pub const RULE_FEATURE: &str = "rule";

impl SpeakerModel {
    /// Reads a `feature<TAB>weight` table; `file` names it in errors.
    pub fn parse(src: &str, file: &str) -> Result<SpeakerModel, GkgError> {
        let mut weights = HashMap::new();
        for (n, line) in src.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |m: String| GkgError::table(file, n + 1, m);
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 2 || f[0].is_empty() {
                return Err(err(format!(
                    "expected `feature<TAB>weight`, found {} field(s)",
                    f.len()
                )));
            }
            let w: f64 = f[1]
                .trim()
                .parse()
                .map_err(|_| err(format!("weight {:?} is not a number", f[1])))?;
            if !w.is_finite() {
                return Err(err(format!("weight {:?} is not finite", f[1])));
            }
            if weights.insert(f[0].to_string(), w).is_some() {
                return Err(err(format!("feature {:?} listed twice", f[0])));
            }
        }
        Ok(SpeakerModel { weights })
    }

    /// The table, features sorted, for writing.
    pub fn to_tsv(&self, header: &str) -> String {
        let sorted: BTreeMap<&String, &f64> = self.weights.iter().collect();
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        for (f, w) in sorted {
            out.push_str(&format!("{f}\t{w:.4}\n"));
        }
        out
    }

    /// Number of features with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn score(&self, c: &Candidate) -> f64 {
        c.features
            .iter()
            .map(|f| self.weights.get(f).copied().unwrap_or(0.0))
            .sum()
    }

    /// The index of the best candidate (the first of equal scores), `None` when there is none.
    pub fn choose(&self, cands: &[Candidate]) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for (i, c) in cands.iter().enumerate() {
            let s = self.score(c);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Trains an averaged perceptron on `examples` (those without a right candidate are
    /// skipped).
    pub fn train(examples: &[Example], opts: &TrainOptions) -> SpeakerModel {
        let keep = |f: &String| !(opts.without_rule && f.starts_with(RULE_FEATURE));
        let data: Vec<Vec<Vec<&String>>> = examples
            .iter()
            .map(|e| {
                e.candidates
                    .iter()
                    .map(|c| c.features.iter().filter(|f| keep(f)).collect())
                    .collect()
            })
            .collect();
        let mut w: HashMap<&String, f64> = HashMap::new();
        let mut u: HashMap<&String, f64> = HashMap::new();
        let mut step = 1.0f64;
        let mut order: Vec<usize> = (0..examples.len())
            .filter(|&i| !examples[i].gold.is_empty())
            .collect();
        let mut rng = opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let score = |w: &HashMap<&String, f64>, fs: &[&String]| -> f64 {
            fs.iter().map(|f| w.get(f).copied().unwrap_or(0.0)).sum()
        };
        for _ in 0..opts.epochs {
            // Fisher-Yates with xorshift64: the same order for the same seed.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let cands = &data[i];
                let gold = &examples[i].gold;
                let mut pred = 0;
                let mut best = f64::NEG_INFINITY;
                for (k, fs) in cands.iter().enumerate() {
                    let s = score(&w, fs);
                    if s > best {
                        best = s;
                        pred = k;
                    }
                }
                if gold.contains(&pred) {
                    step += 1.0;
                    continue;
                }
                // Towards the best-scoring right candidate.
                let mut target = gold[0];
                let mut tbest = f64::NEG_INFINITY;
                for &g in gold {
                    let s = score(&w, &cands[g]);
                    if s > tbest {
                        tbest = s;
                        target = g;
                    }
                }
                for (fs, d) in [(&cands[target], 1.0), (&cands[pred], -1.0)] {
                    for f in fs {
                        *w.entry(f).or_default() += d;
                        *u.entry(f).or_default() += d * step;
                    }
                }
                step += 1.0;
            }
        }
        let weights = w
            .iter()
            .map(|(f, wf)| {
                let avg = wf - u.get(f).copied().unwrap_or(0.0) / step;
                ((*f).clone(), (avg * 1e4).round() / 1e4)
            })
            .filter(|(_, v)| *v != 0.0)
            .collect();
        SpeakerModel { weights }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(name: &str, fs: &[&str]) -> Candidate {
        Candidate {
            name: name.into(),
            span: None,
            features: fs.iter().map(|s| s.to_string()).collect(),
            rule: false,
        }
    }

    /// Quotes whose speaker is the subject of the speech verb, not the nearest name.
    fn fixture() -> Vec<Example> {
        let mut out = Vec::new();
        for k in 0..6 {
            let subj = cand("Jones", &["subj_speech", "dist_far"]);
            let near = cand("Smith", &["nearest", "dist_near"]);
            let other = cand("Brown", &["dist_far", "object"]);
            let (candidates, gold) = if k % 2 == 0 {
                (vec![near, subj, other], vec![1])
            } else {
                (vec![subj, other, near], vec![0])
            };
            out.push(Example { candidates, gold });
        }
        out
    }

    #[test]
    fn training_is_deterministic_and_learns_the_fixture() {
        let opts = TrainOptions::default();
        let a = SpeakerModel::train(&fixture(), &opts);
        let b = SpeakerModel::train(&fixture(), &opts);
        assert_eq!(a, b);
        assert_eq!(a.to_tsv("h"), b.to_tsv("h"));
        assert!(!a.is_empty());
        // A new quote: the subject of the speech verb wins over the nearest name.
        let test = vec![
            cand("Lee", &["nearest", "dist_near"]),
            cand("Park", &["subj_speech", "dist_far"]),
        ];
        assert_eq!(a.choose(&test), Some(1));
        // The written table reads back as the same model.
        let back = SpeakerModel::parse(&a.to_tsv("header"), "m.tsv").unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn the_rule_feature_can_be_left_out() {
        let mut ex = fixture();
        for e in &mut ex {
            for c in &mut e.candidates {
                c.features.push("rule".into());
            }
        }
        let opts = TrainOptions {
            without_rule: true,
            ..Default::default()
        };
        let m = SpeakerModel::train(&ex, &opts);
        assert!(m.weights.keys().all(|f| !f.starts_with(RULE_FEATURE)));
    }

    #[test]
    fn a_broken_model_names_file_and_line() {
        let e = SpeakerModel::parse("# c\nsubj\t1.5\nnearest 2\n", "data/models/x.tsv")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("data/models/x.tsv:3:"), "{e}");
        let e = SpeakerModel::parse("a\t1\nb\tlots\n", "m.tsv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("m.tsv:2:") && e.contains("not a number"), "{e}");
        let e = SpeakerModel::parse("a\t1\na\t2\n", "m.tsv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("m.tsv:2:") && e.contains("twice"), "{e}");
    }
}
