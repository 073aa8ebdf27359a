//! Tagging, lemmatization and parsing scores on a CoNLL-U file, on gold tokenization.
//!
//! The metrics are those of the CoNLL 2018 shared task evaluated on gold words: UPOS, XPOS,
//! UFeats (the whole feature set must match), AllTags, Lemma, UAS and LAS, each as the share
//! of words right. As in the official script, LAS compares only the universal part of the
//! relation (`nmod` for `nmod:poss`), and punctuation counts like any other word. The raw-text
//! mode (through dyad's own segmenter and tokenizer) is separate, because it needs word
//! alignment.

use std::path::Path;
use std::time::Instant;

use dyad_models::{data, ModelError, Models, Scratch};
use serde::Serialize;

/// Scores of the models on one treebank file, in percent.
#[derive(Clone, Debug, Serialize)]
pub struct UdReport {
    pub file: String,
    pub sentences: usize,
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub ufeats: f64,
    pub alltags: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// Words per second of tagging + morphology + parsing + NER, on one thread.
    pub words_per_second: f64,
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Runs `models` on the gold words of `gold` and scores them.
pub fn evaluate_ud(models: &Models, gold: &Path) -> Result<UdReport, ModelError> {
    let sents = data::read_conllu(gold)?;
    let mut s = Scratch::default();
    let mut c = [0usize; 7];
    let mut words = 0usize;
    let start = Instant::now();
    for sent in &sents {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        models.analyze(&forms, &mut s);
        for (i, w) in sent.words.iter().enumerate() {
            words += 1;
            let label = models.tagger.label(s.tags[i]);
            let lower = w.form.to_lowercase();
            let feats = models.tagger.feats(&lower, s.tags[i]);
            let lemma = models.tagger.lemma(&w.form, &lower, s.tags[i]);
            let upos = label.upos == w.upos;
            let xpos = label.xpos == w.xpos;
            let uf = feats == w.feats;
            c[0] += upos as usize;
            c[1] += xpos as usize;
            c[2] += uf as usize;
            c[3] += (upos && xpos && uf) as usize;
            c[4] += (lemma == w.lemma) as usize;
            if s.heads[i] == w.head {
                c[5] += 1;
                if universal(models.parser.label(s.rels[i])) == universal(&w.deprel) {
                    c[6] += 1;
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pct = |k: usize| 100.0 * c[k] as f64 / words.max(1) as f64;
    Ok(UdReport {
        file: gold.display().to_string(),
        sentences: sents.len(),
        words,
        upos: pct(0),
        xpos: pct(1),
        ufeats: pct(2),
        alltags: pct(3),
        lemma: pct(4),
        uas: pct(5),
        las: pct(6),
        words_per_second: words as f64 / secs.max(1e-9),
    })
}
