//! Tagging, lemmatization and parsing scores on a CoNLL-U file, on gold tokenization.
//!
//! The metrics are those of the CoNLL 2018 shared task evaluated on gold words: UPOS, XPOS,
//! UFeats (the whole feature set must match), AllTags, Lemma, UAS and LAS, each as the share
//! of words right. As in the official script, LAS compares only the universal part of the
//! relation (`nmod` for `nmod:poss`), and punctuation counts like any other word.
//!
//! [`evaluate_ud_raw`] starts instead from the raw text, through dyad's own tokenizer and
//! segmenter, and aligns system words with gold words as the shared-task scorer does before
//! scoring them (F1 over system and gold words).

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

/// Scores from raw text (CoNLL 2018 shared task), in percent: segmentation and tokenization
/// F1, then each annotation's F1 over the words the system and gold share.
#[derive(Clone, Debug, Serialize)]
pub struct UdRawReport {
    pub file: String,
    pub documents: usize,
    pub gold_words: usize,
    pub system_words: usize,
    pub tokens: f64,
    pub sentences: f64,
    pub words: f64,
    pub upos: f64,
    pub xpos: f64,
    pub ufeats: f64,
    pub alltags: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
}

/// One word of either side: its span in non-whitespace characters (of its surface token for
/// words of a multiword token), whether it shares that token, its form and its analysis.
struct RawWord {
    span: (usize, usize),
    multi: bool,
    form: String,
    upos: String,
    xpos: String,
    feats: String,
    lemma: String,
    /// Index of the head word in the document, `None` for the root.
    head: Option<usize>,
    deprel: String,
}

/// Runs dyad's tokenizer, segmenter and `models` on the raw text of each document of `gold`
/// (rebuilt as the shared task built it, see [`crate::segtok`]) and scores the annotations of
/// the words that align with gold words, as `conll18_ud_eval.py` does: a word's UPOS counts
/// when the word aligns and the tag is equal, its UAS when its head also aligns with the gold
/// head, and each score is the F1 of such words over system and gold words.
pub fn evaluate_ud_raw(models: &Models, gold: &Path) -> Result<UdRawReport, ModelError> {
    let sents = data::read_conllu(gold)?;
    let seg = crate::segtok::evaluate_sentences(&gold.display().to_string(), &sents);
    let mut s = Scratch::default();
    let (mut ng, mut ns) = (0usize, 0usize);
    let mut c = [0usize; 7];
    let mut start = 0;
    while start < sents.len() {
        let mut end = start + 1;
        while end < sents.len() && !sents[end].newdoc {
            end += 1;
        }
        let (text, gw) = gold_document(&sents[start..end]);
        let sw = system_document(models, &text, &mut s);
        ng += gw.len();
        ns += sw.len();
        let align = align(&gw, &sw);
        for (si, g) in align.iter().enumerate() {
            let Some(gi) = *g else { continue };
            let (a, b) = (&gw[gi], &sw[si]);
            let upos = a.upos == b.upos;
            let xpos = a.xpos == b.xpos;
            let feats = a.feats == b.feats;
            c[0] += upos as usize;
            c[1] += xpos as usize;
            c[2] += feats as usize;
            c[3] += (upos && xpos && feats) as usize;
            c[4] += (a.lemma == b.lemma) as usize;
            let head_ok = match (a.head, b.head) {
                (None, None) => true,
                (Some(gh), Some(sh)) => align[sh] == Some(gh),
                _ => false,
            };
            if head_ok {
                c[5] += 1;
                c[6] += (universal(&a.deprel) == universal(&b.deprel)) as usize;
            }
        }
        start = end;
    }
    let f1 = |k: usize| 200.0 * k as f64 / (ng + ns).max(1) as f64;
    Ok(UdRawReport {
        file: gold.display().to_string(),
        documents: seg.documents,
        gold_words: ng,
        system_words: ns,
        tokens: 100.0 * seg.tokens.f1,
        sentences: 100.0 * seg.sentences.f1,
        words: 100.0 * seg.words.f1,
        upos: f1(c[0]),
        xpos: f1(c[1]),
        ufeats: f1(c[2]),
        alltags: f1(c[3]),
        lemma: f1(c[4]),
        uas: f1(c[5]),
        las: f1(c[6]),
    })
}

/// Non-whitespace characters before each byte offset of `text` (and at its end).
fn nonws_offsets(text: &str) -> Vec<usize> {
    let mut nonws = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (i, ch) in text.char_indices() {
        for slot in &mut nonws[i..i + ch.len_utf8()] {
            *slot = count;
        }
        if !ch.is_whitespace() {
            count += 1;
        }
    }
    nonws[text.len()] = count;
    nonws
}

/// The raw text of a document and its gold words.
fn gold_document(sents: &[dyad_text::conllu::ConlluSentence]) -> (String, Vec<RawWord>) {
    let mut text = String::new();
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    for (n, s) in sents.iter().enumerate() {
        if n > 0 {
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
            text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        let mut w = 0;
        while w < s.words.len() {
            let id = s.words[w].id;
            let (form, space, last) = match s.multiwords.iter().find(|m| m.first == id) {
                Some(m) => (m.form.as_str(), m.space_after(), m.last),
                None => (s.words[w].form.as_str(), s.words[w].space_after(), id),
            };
            let b = text.len();
            text.push_str(form);
            let e = text.len();
            while w < s.words.len() && s.words[w].id <= last {
                spans.push((b, e, last > id));
                w += 1;
            }
            if space {
                text.push(' ');
            }
        }
    }
    let nonws = nonws_offsets(&text);
    let mut words = Vec::with_capacity(spans.len());
    let mut base = 0;
    let mut k = 0;
    for s in sents {
        for w in &s.words {
            let (b, e, multi) = spans[k];
            k += 1;
            words.push(RawWord {
                span: (nonws[b], nonws[e]),
                multi,
                form: w.form.to_lowercase(),
                upos: w.upos.clone(),
                xpos: w.xpos.clone(),
                feats: w.feats.clone(),
                lemma: w.lemma.clone(),
                head: (w.head > 0).then(|| base + w.head - 1),
                deprel: w.deprel.clone(),
            });
        }
        base += s.words.len();
    }
    (text, words)
}

/// dyad's words of `text`, with the models' analysis.
fn system_document(models: &Models, text: &str, s: &mut Scratch) -> Vec<RawWord> {
    use dyad_text::{segmenter, tokenizer};
    let nonws = nonws_offsets(text);
    let pieces = tokenizer::tokenize(text);
    let ranges = segmenter::segment(text, &pieces);
    let mut words = Vec::with_capacity(pieces.len());
    for r in ranges {
        let ps = &pieces[r.clone()];
        let forms: Vec<&str> = ps.iter().map(|p| p.span.get(text).unwrap_or("")).collect();
        if forms.is_empty() {
            continue;
        }
        models.analyze(&forms, s);
        let base = words.len();
        let mut i = 0;
        while i < ps.len() {
            let mut j = i + 1;
            while j < ps.len() && ps[j].joined {
                j += 1;
            }
            let span = (nonws[ps[i].span.start], nonws[ps[j - 1].span.end]);
            for (k, form) in forms.iter().enumerate().take(j).skip(i) {
                let label = models.tagger.label(s.tags[k]);
                let lower = form.to_lowercase();
                words.push(RawWord {
                    span,
                    multi: j - i > 1,
                    feats: models.tagger.feats(&lower, s.tags[k]).to_string(),
                    lemma: models.tagger.lemma(form, &lower, s.tags[k]),
                    form: lower,
                    upos: label.upos.clone(),
                    xpos: label.xpos.clone(),
                    head: (s.heads[k] > 0).then(|| base + s.heads[k] - 1),
                    deprel: models.parser.label(s.rels[k]).to_string(),
                });
            }
            i = j;
        }
    }
    words
}

/// For each system word, the gold word it aligns with: equal spans outside multiword
/// tokens; inside a stretch where either side has a multiword token, the longest common
/// subsequence of lowercased forms (the CoNLL 2018 scorer's rule).
fn align(gold: &[RawWord], sys: &[RawWord]) -> Vec<Option<usize>> {
    let mut out = vec![None; sys.len()];
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < sys.len() {
        if gold[gi].multi || sys[si].multi {
            // The stretch of overlapping tokens starting here.
            let (mut ge, mut se) = (gi, si);
            let mut end = gold[gi].span.1.max(sys[si].span.1);
            loop {
                let mut grew = false;
                while ge < gold.len() && gold[ge].span.0 < end {
                    end = end.max(gold[ge].span.1);
                    ge += 1;
                    grew = true;
                }
                while se < sys.len() && sys[se].span.0 < end {
                    end = end.max(sys[se].span.1);
                    se += 1;
                    grew = true;
                }
                if !grew {
                    break;
                }
            }
            lcs_align(&gold[gi..ge], &sys[si..se], gi, si, &mut out);
            gi = ge;
            si = se;
        } else if gold[gi].span == sys[si].span {
            out[si] = Some(gi);
            gi += 1;
            si += 1;
        } else if gold[gi].span.0 <= sys[si].span.0 {
            gi += 1;
        } else {
            si += 1;
        }
    }
    out
}

fn lcs_align(g: &[RawWord], s: &[RawWord], g0: usize, s0: usize, out: &mut [Option<usize>]) {
    let (n, m) = (g.len(), s.len());
    let mut t = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if g[i].form == s[j].form {
                1 + t[(i + 1) * (m + 1) + j + 1]
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if g[i].form == s[j].form {
            out[s0 + j] = Some(g0 + i);
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(span: (usize, usize), multi: bool, form: &str) -> RawWord {
        RawWord {
            span,
            multi,
            form: form.into(),
            upos: String::new(),
            xpos: String::new(),
            feats: String::new(),
            lemma: String::new(),
            head: None,
            deprel: String::new(),
        }
    }

    #[test]
    fn alignment_by_span_and_inside_multiword_tokens() {
        // Gold "I can't go" with "can't" = "ca" + "n't"; the system splits "can't" the same
        // way but "go" wrongly into "g" + "o", which then align with nothing.
        let gold = vec![
            w((0, 1), false, "i"),
            w((1, 6), true, "ca"),
            w((1, 6), true, "n't"),
            w((6, 8), false, "go"),
        ];
        let sys = vec![
            w((0, 1), false, "i"),
            w((1, 6), true, "ca"),
            w((1, 6), true, "n't"),
            w((6, 7), false, "g"),
            w((7, 8), false, "o"),
        ];
        assert_eq!(
            align(&gold, &sys),
            vec![Some(0), Some(1), Some(2), None, None]
        );
    }
}
