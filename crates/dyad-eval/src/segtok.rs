//! Evaluation of sentence segmentation and tokenization against a CoNLL-U treebank, scored
//! as the CoNLL 2018 shared task scorer (`conll18_ud_eval.py`) does.
//!
//! The raw text of each document is rebuilt from the treebank the way the shared task built
//! its input: surface tokens followed by a space unless `SpaceAfter=No`, sentences of a
//! paragraph joined by a space, paragraphs (`# newpar`) by a blank line, documents
//! (`# newdoc`) scored one by one. dyad's tokenizer and segmenter then run on that text.
//!
//! Like the shared-task scorer, every unit is compared by its span in the sequence of
//! non-whitespace characters, so spacing does not matter: **Tokens** and **Sentences** match
//! when their spans are equal; **Words** match by span outside multiword tokens and, inside
//! regions where either side has a multiword token (`can't` = `ca` + `n't`), by the longest
//! common subsequence of lower-cased word forms.

use std::path::Path;

use dyad_core::Span;
use dyad_text::conllu::{self, ConlluSentence};
use dyad_text::{segmenter, tokenizer};
use serde::Serialize;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum SegTokError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Conllu {
        path: String,
        source: conllu::ConlluError,
    },
}

/// Precision, recall and F1 of one kind of unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn new(gold: usize, system: usize, correct: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct, system);
        let recall = ratio(correct, gold);
        let f1 = ratio(2 * correct, gold + system);
        Score {
            gold,
            system,
            correct,
            precision,
            recall,
            f1,
        }
    }
}

/// The scores of one treebank file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SegTokReport {
    pub file: String,
    pub documents: usize,
    pub tokens: Score,
    pub sentences: Score,
    pub words: Score,
}

/// Reads a CoNLL-U file and scores dyad's segmenter and tokenizer on its raw text.
pub fn evaluate_segtok(path: &Path) -> Result<SegTokReport, SegTokError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| SegTokError::Read {
        path: name.clone(),
        source,
    })?;
    let sentences = conllu::parse(&text).map_err(|source| SegTokError::Conllu {
        path: name.clone(),
        source,
    })?;
    Ok(evaluate_sentences(&name, &sentences))
}

/// Scores parsed treebank sentences; `name` is only copied into the report.
pub fn evaluate_sentences(name: &str, sentences: &[ConlluSentence]) -> SegTokReport {
    let mut counts = [[0usize; 3]; 3]; // tokens, sentences, words x gold, system, correct
    let mut documents = 0;
    let mut start = 0;
    while start < sentences.len() {
        let mut end = start + 1;
        while end < sentences.len() && !sentences[end].newdoc {
            end += 1;
        }
        documents += 1;
        let doc = score_document(&sentences[start..end]);
        for (c, d) in counts.iter_mut().zip(doc) {
            for k in 0..3 {
                c[k] += d[k];
            }
        }
        start = end;
    }
    let score = |c: [usize; 3]| Score::new(c[0], c[1], c[2]);
    SegTokReport {
        file: name.to_string(),
        documents,
        tokens: score(counts[0]),
        sentences: score(counts[1]),
        words: score(counts[2]),
    }
}

/// One word as the scorer sees it: the span of its surface token in non-whitespace chars,
/// whether that token has several words, and its form.
struct Unit {
    span: (usize, usize),
    multi: bool,
    form: String,
}

/// The gold text of a document and its units (byte spans in the text).
struct Gold {
    text: String,
    tokens: Vec<Span>,
    sentences: Vec<Span>,
    words: Vec<(Span, bool, String)>,
}

fn rebuild(sentences: &[ConlluSentence]) -> Gold {
    let mut g = Gold {
        text: String::new(),
        tokens: Vec::new(),
        sentences: Vec::new(),
        words: Vec::new(),
    };
    for (n, s) in sentences.iter().enumerate() {
        if n > 0 {
            let sep = if s.newpar { "\n\n" } else { " " };
            let trimmed = g.text.trim_end().len();
            g.text.truncate(trimmed);
            g.text.push_str(sep);
        }
        let sent_start = g.text.len();
        let mut w = 0;
        while w < s.words.len() {
            let id = s.words[w].id;
            let start = g.text.len();
            let (form, space, last) = match s.multiwords.iter().find(|m| m.first == id) {
                Some(m) => (m.form.as_str(), m.space_after(), m.last),
                None => (s.words[w].form.as_str(), s.words[w].space_after(), id),
            };
            g.text.push_str(form);
            let span = Span::new(start, g.text.len());
            g.tokens.push(span);
            let multi = last > id;
            while w < s.words.len() && s.words[w].id <= last {
                g.words.push((span, multi, s.words[w].form.clone()));
                w += 1;
            }
            if space {
                g.text.push(' ');
            }
        }
        let sent_end = g.text.trim_end().len();
        g.sentences
            .push(Span::new(sent_start, sent_end.max(sent_start)));
    }
    g
}

/// `[gold, system, correct]` for tokens, sentences and words of one document.
fn score_document(sentences: &[ConlluSentence]) -> [[usize; 3]; 3] {
    let gold = rebuild(sentences);
    let text = &gold.text;
    // Non-whitespace chars before each byte offset.
    let mut nonws = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        for slot in &mut nonws[i..i + c.len_utf8()] {
            *slot = count;
        }
        if !c.is_whitespace() {
            count += 1;
        }
    }
    nonws[text.len()] = count;
    let cs = |s: Span| (nonws[s.start], nonws[s.end]);

    let pieces = tokenizer::tokenize(text);
    let ranges = segmenter::segment(text, &pieces);
    let sys_tokens: Vec<(usize, usize)> = tokenizer::surface_tokens(&pieces)
        .into_iter()
        .map(cs)
        .collect();
    let sys_sentences: Vec<(usize, usize)> = segmenter::sentence_spans(&pieces, &ranges)
        .into_iter()
        .map(cs)
        .collect();
    let mut sys_words = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len() && pieces[j].joined {
            j += 1;
        }
        let span = cs(Span::new(pieces[i].span.start, pieces[j - 1].span.end));
        for p in &pieces[i..j] {
            sys_words.push(Unit {
                span,
                multi: j - i > 1,
                form: p.span.get(text).unwrap_or("").to_lowercase(),
            });
        }
        i = j;
    }
    let gold_tokens: Vec<(usize, usize)> = gold.tokens.iter().map(|&s| cs(s)).collect();
    let gold_sentences: Vec<(usize, usize)> = gold.sentences.iter().map(|&s| cs(s)).collect();
    let gold_words: Vec<Unit> = gold
        .words
        .iter()
        .map(|(s, multi, form)| Unit {
            span: cs(*s),
            multi: *multi,
            form: form.to_lowercase(),
        })
        .collect();
    [
        [
            gold_tokens.len(),
            sys_tokens.len(),
            matching_spans(&gold_tokens, &sys_tokens),
        ],
        [
            gold_sentences.len(),
            sys_sentences.len(),
            matching_spans(&gold_sentences, &sys_sentences),
        ],
        [
            gold_words.len(),
            sys_words.len(),
            align_words(&gold_words, &sys_words),
        ],
    ]
}

/// Number of equal spans in two sorted span lists.
fn matching_spans(gold: &[(usize, usize)], system: &[(usize, usize)]) -> usize {
    let (mut g, mut s, mut n) = (0, 0, 0);
    while g < gold.len() && s < system.len() {
        if gold[g] == system[s] {
            n += 1;
            g += 1;
            s += 1;
        } else if gold[g] < system[s] {
            g += 1;
        } else {
            s += 1;
        }
    }
    n
}

/// Aligned words, following `align_words` of the CoNLL 2018 scorer.
fn align_words(gold: &[Unit], system: &[Unit]) -> usize {
    let (mut gi, mut si, mut n) = (0, 0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multi || system[si].multi {
            let (gs, ss, ge, se) = multiword_region(gold, system, gi, si);
            n += lcs(&gold[gs..ge], &system[ss..se]);
            gi = ge;
            si = se;
        } else if gold[gi].span == system[si].span {
            n += 1;
            gi += 1;
            si += 1;
        } else if gold[gi].span.0 <= system[si].span.0 {
            gi += 1;
        } else {
            si += 1;
        }
    }
    n
}

fn multiword_region(
    gold: &[Unit],
    system: &[Unit],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if gold[gi].multi {
        end = gold[gi].span.1;
        if !system[si].multi && system[si].span.0 < gold[gi].span.0 {
            si += 1;
        }
    } else {
        end = system[si].span.1;
        if !gold[gi].multi && gold[gi].span.0 < system[si].span.0 {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    loop {
        let g_in = gi < gold.len() && (gold[gi].multi || gold[gi].span.0 < end);
        let s_in = si < system.len() && (system[si].multi || system[si].span.0 < end);
        if !g_in && !s_in {
            break;
        }
        if g_in && (!s_in || gold[gi].span.0 <= system[si].span.0) {
            end = end.max(gold[gi].span.1);
            gi += 1;
        } else {
            end = end.max(system[si].span.1);
            si += 1;
        }
    }
    (gs, ss, gi, si)
}

fn lcs(gold: &[Unit], system: &[Unit]) -> usize {
    let mut prev = vec![0usize; system.len() + 1];
    let mut cur = vec![0usize; system.len() + 1];
    for g in gold {
        for (j, s) in system.iter().enumerate() {
            cur[j + 1] = if g.form == s.form {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[system.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# newdoc id = d\n# newpar\n# text = I can't go.\n\
1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tca\tcan\tAUX\tMD\t_\t0\troot\t_\tSpaceAfter=No\n\
2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\
3\tgo\tgo\tVERB\tVB\t_\t1\txcomp\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n\
# text = Mr. Li left.\n\
1\tMr.\tMr.\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n\
2\tLi\tLi\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n\
3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn perfect_output_scores_one() {
        let s = conllu::parse(DOC).unwrap();
        let r = evaluate_sentences("t", &s);
        assert_eq!(r.documents, 1);
        assert_eq!((r.tokens.gold, r.tokens.correct), (7, 7));
        assert_eq!((r.words.gold, r.words.system, r.words.correct), (8, 8, 8));
        assert_eq!(r.sentences.f1, 1.0);
    }

    #[test]
    fn word_alignment_uses_forms_inside_multiword_tokens() {
        let unit = |a, b, multi, f: &str| Unit {
            span: (a, b),
            multi,
            form: f.into(),
        };
        let gold = [
            unit(0, 5, true, "ca"),
            unit(0, 5, true, "n't"),
            unit(5, 7, false, "go"),
        ];
        let sys = [unit(0, 5, false, "can't"), unit(5, 7, false, "go")];
        assert_eq!(align_words(&gold, &sys), 1);
        let sys = [
            unit(0, 5, true, "ca"),
            unit(0, 5, true, "n't"),
            unit(5, 7, false, "go"),
        ];
        assert_eq!(align_words(&gold, &sys), 3);
    }

    #[test]
    fn scores_are_ratios() {
        let s = Score::new(10, 8, 6);
        assert!((s.precision - 0.75).abs() < 1e-9);
        assert!((s.recall - 0.6).abs() < 1e-9);
        assert!((s.f1 - 12.0 / 18.0).abs() < 1e-9);
    }

    #[test]
    fn missing_file_is_an_error_naming_it() {
        let e = evaluate_segtok(Path::new("/nonexistent/x.conllu")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/x.conllu"));
    }
}
