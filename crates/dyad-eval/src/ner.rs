//! Named-entity scores on a BIO/IOB2 file: span precision, recall and F1 per type and micro.
//!
//! An entity counts as found only when its type and both boundaries match exactly (the
//! CoNLL `conlleval` rule). The models run on the file's gold words, tagger first, as in the
//! pipeline. UNER's `OTH` type is mapped to `O` by the reader, so it is neither gold nor found.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use dyad_models::{data, ModelError, Models, Scratch};
use serde::Serialize;

/// Counts and scores (in percent) for one entity type, or for all.
#[derive(Clone, Debug, Default, Serialize)]
pub struct NerScore {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl NerScore {
    fn finish(&mut self) {
        self.precision = 100.0 * self.correct as f64 / self.predicted.max(1) as f64;
        self.recall = 100.0 * self.correct as f64 / self.gold.max(1) as f64;
        let (p, r) = (self.precision, self.recall);
        self.f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
    }
}

/// Scores per type (sorted by name) and the micro-averaged total.
#[derive(Clone, Debug, Serialize)]
pub struct NerReport {
    pub file: String,
    pub sentences: usize,
    pub per_type: BTreeMap<String, NerScore>,
    pub total: NerScore,
}

/// Runs `models` on the words of the BIO file `gold` and scores the entity spans.
pub fn evaluate_ner(models: &Models, gold: &Path) -> Result<NerReport, ModelError> {
    let sents = data::read_bio(gold)?;
    let mut s = Scratch::default();
    let mut per_type: BTreeMap<String, NerScore> = BTreeMap::new();
    let mut total = NerScore::default();
    for sent in &sents {
        let forms: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        models.analyze(&forms, &mut s);
        let gold: BTreeSet<(usize, usize, String)> = data::spans(&sent.tags).into_iter().collect();
        for (_, _, t) in &gold {
            per_type.entry(t.clone()).or_default().gold += 1;
            total.gold += 1;
        }
        for e in &s.entities {
            let t = models.ner.type_name(e.ty).to_string();
            let ok = gold.contains(&(e.start, e.end, t.clone()));
            let sc = per_type.entry(t).or_default();
            sc.predicted += 1;
            total.predicted += 1;
            if ok {
                sc.correct += 1;
                total.correct += 1;
            }
        }
    }
    for sc in per_type.values_mut() {
        sc.finish();
    }
    total.finish();
    Ok(NerReport {
        file: gold.display().to_string(),
        sentences: sents.len(),
        per_type,
        total,
    })
}
