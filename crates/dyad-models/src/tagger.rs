//! Part-of-speech tagger: UPOS and PTB XPOS as one joint label, plus features and lemmas.
//!
//! A greedy left-to-right averaged perceptron (Collins 2002; the design of Honnibal's
//! "A good part-of-speech tagger in about 200 lines") over word, lowercase, affix, shape and
//! context-word features and the two previous predicted tags. Predicting `UPOS+XPOS` as one
//! label keeps the two consistent and costs one classifier; features and lemmas follow from
//! the word and that label ([`crate::morph`]). Frequent unambiguous words skip the classifier
//! through a tag dictionary, which is both faster and as accurate.
//!
//! A tagger may also be trained with word classes from unlabelled text
//! ([`train_with_classes`]; the cluster paths of [`crate::ner::classes`], prefixes of the word
//! and its neighbours as features), kept in its file behind their own section. On EWT dev
//! they gave no gain (UPOS 95.37 against 95.38, 12 epochs), so the shipped tagger has none.

use std::collections::HashMap;
use std::path::Path;

use dyad_text::conllu::ConlluSentence;

use crate::codec::{self, Dec, Enc};
use crate::hash::{feat, mix, IdBuild};
use crate::lex::{lexes, Lex, PAD};
use crate::morph::Morph;
use crate::ner::classes::{self, WordClasses};
use crate::perceptron::{argmax, Weights};
use crate::ModelError;

mod train;
pub use train::{train, train_with_classes};

const KIND: &str = "tagger";

/// A tag label: the UPOS and the XPOS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagLabel {
    pub upos: String,
    pub xpos: String,
}

/// The trained tagger with its morphology (features and lemmas). Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Tagger {
    labels: Vec<TagLabel>,
    /// First pass, left to right.
    weights: Weights,
    /// Second pass, with the first pass's tags of the words to the right as features.
    weights2: Weights,
    /// hash(word) -> label, for frequent unambiguous words.
    tagdict: HashMap<u64, u16, IdBuild>,
    morph: Morph,
    /// hash(lowercase word) -> its ambiguity class: the hash of the set of labels it had in
    /// training (empty in models from before this feature).
    amb: HashMap<u64, u64, IdBuild>,
    /// Word classes from unlabelled text (empty in models trained without them).
    classes: WordClasses,
}

/// Per-thread buffers for tagging.
#[derive(Default)]
pub struct TagScratch {
    pub(crate) lex: Vec<Lex>,
    amb: Vec<u64>,
    cls: Vec<WordCls>,
    first: Vec<u16>,
    feats: Vec<u64>,
    scores: Vec<f32>,
    /// The tag dictionary's tag of each word, if it has one.
    dict: Vec<Option<u16>>,
    /// The features of the words without one that read no tags, one word after the other,
    /// and where each word's end (see [`Tagger::tag_lexed`]).
    stat: Vec<u64>,
    stat_ends: Vec<usize>,
}

/// Hash of a predicted tag for features (0 is "no tag": before the sentence).
#[inline]
fn tag_h(t: Option<u16>) -> u64 {
    t.map_or(0x7a9, |t| t as u64 + 1)
}

/// The ambiguity class of each word (0 for words not seen often enough in training).
fn ambiguity(amb: &HashMap<u64, u64, IdBuild>, lex: &[Lex], out: &mut Vec<u64>) {
    out.clear();
    out.extend(lex.iter().map(|l| amb.get(&l.lower).copied().unwrap_or(0)));
}

/// A word's cluster path prefixes of 4, 6 and 10 bits and the whole path, as feature values.
type WordCls = [u64; 4];

/// The [`WordCls`] of each word (nothing when the tagger has no word classes).
fn word_classes(classes: &WordClasses, lex: &[Lex], out: &mut Vec<WordCls>) {
    out.clear();
    if !classes.is_empty() {
        out.extend(lex.iter().map(|l| {
            let c = classes.get(l.lower);
            [c.prefix(4), c.prefix(6), c.prefix(10), c.prefix(14)]
        }));
    }
}

#[allow(clippy::too_many_arguments)]
fn features(
    lex: &[Lex],
    amb: &[u64],
    cls: &[WordCls],
    i: usize,
    t1: u64,
    t2: u64,
    right: Option<&[u16]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    features_with(lex, amb, cls, i, t1, t2, right, |_, k| out.push(k));
}

/// The features of [`features`], in the same order, each given to `f` with whether it reads
/// the tags (`t1`, `t2` or `right`): the other features of a word are the same in both
/// passes, so decoding makes them once ([`Tagger::tag_lexed`]). Inlined, a caller that
/// drops one kind drops its hashing too.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn features_with(
    lex: &[Lex],
    amb: &[u64],
    cls: &[WordCls],
    i: usize,
    t1: u64,
    t2: u64,
    right: Option<&[u16]>,
    mut f: impl FnMut(bool, u64),
) {
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
    f(false, feat(0, 0));
    f(false, feat(1, w.word));
    f(false, feat(2, w.lower));
    for (k, p) in w.prefix.iter().enumerate() {
        f(false, feat(3 + k as u32, *p));
    }
    for (k, s) in w.suffix.iter().enumerate() {
        f(false, feat(6 + k as u32, *s));
    }
    f(false, feat(10, w.shape));
    f(false, feat(11, mix(w.flags, (i == 0) as u64)));
    f(false, feat(12, p1.lower));
    f(false, feat(13, p2.lower));
    f(false, feat(14, n1.lower));
    f(false, feat(15, n2.lower));
    f(false, feat(16, p1.suffix[2]));
    f(false, feat(17, n1.suffix[2]));
    f(false, feat(18, n1.shape));
    f(false, feat(19, p1.shape));
    f(true, feat(20, t1));
    f(true, feat(21, mix(t1, t2)));
    f(true, feat(22, mix(t1, w.lower)));
    f(true, feat(23, mix(t1, n1.lower)));
    f(false, feat(24, mix(p1.lower, w.lower)));
    f(false, feat(25, mix(w.lower, n1.lower)));
    f(true, feat(26, mix(t1, w.suffix[2])));
    f(false, feat(27, mix(n1.lower, n2.lower)));
    f(false, feat(28, mix(w.suffix[1], n1.suffix[1])));
    f(false, feat(29, n2.suffix[2]));
    f(true, feat(30, mix(t1, w.shape)));
    if !amb.is_empty() {
        let a = |j: usize| amb.get(j).copied().unwrap_or(0x5ad);
        let (a0, an1) = (a(i), a(i + 1));
        f(false, feat(31, a0));
        f(true, feat(32, mix(a0, t1)));
        f(false, feat(33, an1));
        f(false, feat(34, mix(a0, an1)));
    }
    if !cls.is_empty() {
        // Cluster paths generalise over words seen rarely or never with a tag (Koo et al.
        // 2008 use the same prefixes): the word's at four lengths, its neighbours' whole.
        let c = |j: isize| -> WordCls {
            if j < 0 || j as usize >= cls.len() {
                [0xc9a0 + (j < 0) as u64; 4]
            } else {
                cls[j as usize]
            }
        };
        let (c0, cp, cn) = (c(i_), c(i_ - 1), c(i_ + 1));
        f(false, feat(50, c0[0]));
        f(false, feat(51, c0[1]));
        f(false, feat(52, c0[2]));
        f(false, feat(53, c0[3]));
        f(false, feat(54, cp[3]));
        f(false, feat(55, cn[3]));
        f(true, feat(56, mix(t1, c0[1])));
        f(false, feat(57, mix(c0[2], cn[1])));
    }
    if let Some(r) = right {
        let r1 = tag_h(r.get(i + 1).copied());
        let r2 = tag_h(r.get(i + 2).copied());
        let r0 = tag_h(r.get(i).copied());
        f(true, feat(40, r1));
        f(true, feat(41, mix(r1, r2)));
        f(true, feat(42, mix(t1, r1)));
        f(true, feat(43, mix(r1, w.lower)));
        f(true, feat(44, mix(r1, w.suffix[2])));
        f(true, feat(45, r0));
        f(true, feat(46, mix(r0, w.lower)));
    }
}

/// Greedy decoding with any scorer (training or frozen weights); `right` holds the tags of a
/// first pass for the second pass's look-ahead features.
#[allow(clippy::too_many_arguments)]
fn decode(
    lex: &[Lex],
    amb: &[u64],
    cls: &[WordCls],
    tagdict: &HashMap<u64, u16, IdBuild>,
    right: Option<&[u16]>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<f32>,
    mut score: impl FnMut(&[u64], &mut Vec<f32>),
    out: &mut Vec<u16>,
) {
    out.clear();
    for i in 0..lex.len() {
        if let Some(&t) = tagdict.get(&lex[i].word) {
            out.push(t);
            continue;
        }
        let t1 = tag_h(i.checked_sub(1).map(|j| out[j]));
        let t2 = tag_h(i.checked_sub(2).map(|j| out[j]));
        features(lex, amb, cls, i, t1, t2, right, feats);
        score(feats, scores);
        out.push(argmax(scores, |_| true).unwrap_or(0) as u16);
    }
}

impl TagScratch {
    /// The word features of the last sentence tagged, which the parser and NER read.
    pub fn lexes(&self) -> &[Lex] {
        &self.lex
    }
}

impl Tagger {
    /// Tags `forms`; `out[i]` is the label id of word `i` (see [`Tagger::label`]).
    pub fn tag(&self, forms: &[&str], s: &mut TagScratch, out: &mut Vec<u16>) {
        lexes(forms, &mut s.lex);
        self.tag_lexed(s, out);
    }

    /// Tags the words whose [`Lex`] are already in `s.lex`: what [`decode`] gives with the
    /// first weights and then with the second and the first pass's tags, with the work the
    /// passes share done once (the tag dictionary's answers and the features that read no
    /// tags; the sums are exact integers, so the order of the features does not matter).
    pub(crate) fn tag_lexed(&self, s: &mut TagScratch, out: &mut Vec<u16>) {
        let mut first = std::mem::take(&mut s.first);
        ambiguity(&self.amb, &s.lex, &mut s.amb);
        word_classes(&self.classes, &s.lex, &mut s.cls);
        let (lex, amb, cls) = (&s.lex, &s.amb, &s.cls);
        s.dict.clear();
        s.stat.clear();
        s.stat_ends.clear();
        for i in 0..lex.len() {
            let d = self.tagdict.get(&lex[i].word).copied();
            s.dict.push(d);
            if d.is_none() {
                let stat = &mut s.stat;
                // The first pass's slots are fetched as the keys are hashed.
                features_with(lex, amb, cls, i, 0, 0, None, |tags, k| {
                    if !tags {
                        self.weights.prefetch_key(k);
                        stat.push(k);
                    }
                });
            }
            s.stat_ends.push(s.stat.len());
        }
        self.pass(&self.weights, s, None, &mut first);
        self.pass(&self.weights2, s, Some(&first), out);
        s.first = first;
    }

    /// One pass of [`Tagger::tag_lexed`] with weights `w` (`right`: the first pass's tags).
    fn pass(&self, w: &Weights, s: &mut TagScratch, right: Option<&[u16]>, out: &mut Vec<u16>) {
        let mut acc = [0i32; 256];
        let (lex, amb, cls) = (&s.lex, &s.amb, &s.cls);
        let feats = &mut s.feats;
        out.clear();
        // The table slots of the tag-free features of the next word scored are fetched
        // while a word is scored (those of the first word here): a word's lookups alone
        // leave the memory system idle between their rounds of misses. The tag-free
        // features of the words scored follow each other in `stat`, so the next word's
        // start where the current word's end.
        let next_end = |i: usize| {
            (i..s.dict.len())
                .find(|&j| s.dict[j].is_none())
                .map(|j| s.stat_ends[j])
        };
        if let Some(e) = next_end(0) {
            w.prefetch(&s.stat[..e]);
        }
        let mut start = 0;
        for (i, (&d, &end)) in s.dict.iter().zip(&s.stat_ends).enumerate() {
            if let Some(t) = d {
                out.push(t);
                start = end;
                continue;
            }
            if let Some(e) = next_end(i + 1) {
                w.prefetch(&s.stat[end..e]);
            }
            let t1 = tag_h(i.checked_sub(1).map(|j| out[j]));
            let t2 = tag_h(i.checked_sub(2).map(|j| out[j]));
            feats.clear();
            feats.extend_from_slice(&s.stat[start..end]);
            features_with(lex, amb, cls, i, t1, t2, right, |tags, k| {
                if tags {
                    feats.push(k);
                }
            });
            w.prefetch(&feats[end - start..]);
            w.scores_prefetched(feats, &mut acc, &mut s.scores);
            // `argmax(scores, |_| true)`, four scores at a time.
            let best = if s.scores.is_empty() {
                0
            } else {
                crate::hugemem::first_max(&s.scores)
            };
            out.push(best as u16);
            start = end;
        }
    }

    pub fn label(&self, id: u16) -> &TagLabel {
        &self.labels[id as usize]
    }

    pub fn labels(&self) -> &[TagLabel] {
        &self.labels
    }

    /// The word classes the features read (empty for a tagger trained without them).
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// The morphological features of `form` (lowercased) with label `id`.
    pub fn feats(&self, form_lower: &str, id: u16) -> &str {
        self.morph.feats(form_lower, id)
    }

    /// The lemma of `form` with label `id`.
    pub fn lemma(&self, form: &str, form_lower: &str, id: u16) -> String {
        self.morph
            .lemma(form, form_lower, &self.labels[id as usize].upos)
    }

    /// Number of weights (for reports).
    pub fn size(&self) -> usize {
        self.weights.len() + self.weights2.len()
    }

    /// Drops weights of magnitude below `min` (see [`crate::perceptron::Weights::pruned`]).
    pub fn prune(&mut self, min: f32) {
        self.weights = self.weights.pruned(min);
        self.weights2 = self.weights2.pruned(min);
    }

    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let mut e = Enc::default();
        e.len(self.labels.len());
        for l in &self.labels {
            e.str(&l.upos);
            e.str(&l.xpos);
        }
        let mut td: Vec<_> = self.tagdict.iter().collect();
        td.sort();
        e.len(td.len());
        for (k, v) in td {
            e.u64(*k);
            e.u16(*v);
        }
        self.weights.encode(&mut e);
        self.weights2.encode(&mut e);
        self.morph.encode(&mut e);
        let mut amb: Vec<_> = self.amb.iter().collect();
        amb.sort();
        e.u32(AMB_SECTION);
        e.len(amb.len());
        for (k, v) in amb {
            e.u64(*k);
            e.u64(*v);
        }
        if !self.classes.is_empty() {
            // Writes its own marker, `classes::SECTION`.
            self.classes.encode(&mut e);
        }
        codec::write_file(path, KIND, &e.buf)
    }

    pub fn load(path: &Path) -> Result<Tagger, ModelError> {
        Tagger::load_with(path, &mut codec::Reader::default())
    }

    /// [`Tagger::load`] reading the file with `r` (whose buffers [`crate::Models::load`] shares
    /// between the models).
    pub fn load_with(path: &Path, r: &mut codec::Reader) -> Result<Tagger, ModelError> {
        let payload = r.read(path, KIND)?;
        Tagger::decode(payload).map_err(|e| e.at(&path.display().to_string()))
    }

    fn decode(payload: &[u8]) -> Result<Tagger, ModelError> {
        let mut d = Dec::new(payload);
        let n = d.len(8)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(TagLabel {
                upos: d.str()?,
                xpos: d.str()?,
            });
        }
        let m = d.len(10)?;
        let mut tagdict = HashMap::with_capacity_and_hasher(m, IdBuild::default());
        for _ in 0..m {
            let k = d.u64()?;
            tagdict.insert(k, d.index(n, "tag")?);
        }
        let weights = Weights::decode(&mut d)?;
        let weights2 = Weights::decode(&mut d)?;
        if weights.nclasses() != n || weights2.nclasses() != n {
            return Err(ModelError::Corrupt {
                path: String::new(),
                offset: 0,
                what: "weights and labels disagree".into(),
            });
        }
        let morph = Morph::decode(&mut d)?;
        // Models from before the ambiguity classes end here.
        let mut amb = HashMap::default();
        if !d.at_end() {
            if d.u32()? != AMB_SECTION {
                return Err(d.corrupt("expected the ambiguity classes"));
            }
            let n = d.len(16)?;
            amb.reserve(n);
            for _ in 0..n {
                let k = d.u64()?;
                amb.insert(k, d.u64()?);
            }
        }
        // Models from before the word classes end here.
        let mut classes = WordClasses::default();
        if !d.at_end() {
            if d.u32()? != classes::SECTION {
                return Err(d.corrupt("expected the word classes"));
            }
            classes = WordClasses::decode_body(&mut d)?;
        }
        d.finish()?;
        Ok(Tagger {
            labels,
            weights,
            weights2,
            tagdict,
            morph,
            amb,
            classes,
        })
    }
}

/// Marks the ambiguity-class section of a tagger payload.
const AMB_SECTION: u32 = 0x414d_4201;

/// Upos accuracy of `tagger` on `sents`.
pub fn upos_accuracy(tagger: &Tagger, sents: &[ConlluSentence]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let mut s = TagScratch::default();
    let mut out = Vec::new();
    for sent in sents {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag(&forms, &mut s, &mut out);
        for (w, t) in sent.words.iter().zip(&out) {
            n += 1;
            ok += (tagger.label(*t).upos == w.upos) as usize;
        }
    }
    ok as f64 / n.max(1) as f64
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::TrainOptions;

    pub(crate) fn fixture() -> Vec<ConlluSentence> {
        let text = "\
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tdog\tdog\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_
3\tbarks\tbark\tVERB\tVBZ\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tA\ta\tDET\tDT\tDefinite=Ind|PronType=Art\t2\tdet\t_\t_
2\tcat\tcat\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_
3\tsleeps\tsleep\tVERB\tVBZ\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tDogs\tdog\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tbark\tbark\tVERB\tVBP\tMood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_
3\tloudly\tloudly\tADV\tRB\t_\t2\tadvmod\t_\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";
        dyad_text::conllu::parse(&text.repeat(3)).unwrap()
    }

    #[test]
    fn learns_the_fixture_and_round_trips() {
        let data = fixture();
        let opts = TrainOptions {
            epochs: 5,
            seed: 1,
            ..TrainOptions::default()
        };
        let mut reports = Vec::new();
        let t = train(&data, &data, &opts, &mut |r| reports.push(r.clone())).unwrap();
        assert_eq!(reports.len(), 5);
        assert!(upos_accuracy(&t, &data) > 0.99);
        let mut s = TagScratch::default();
        let mut out = Vec::new();
        t.tag(&["The", "cat", "barks", "."], &mut s, &mut out);
        let l = t.label(out[2]);
        assert_eq!((l.upos.as_str(), l.xpos.as_str()), ("VERB", "VBZ"));
        assert_eq!(t.lemma("barks", "barks", out[2]), "bark");
        assert_eq!(t.feats("cat", out[1]), "Number=Sing");

        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tagger.bin");
        t.save(&p).unwrap();
        let t2 = Tagger::load(&p).unwrap();
        let mut out2 = Vec::new();
        t2.tag(&["The", "cat", "barks", "."], &mut s, &mut out2);
        assert_eq!(out, out2);

        // Same seed, same model.
        let t3 = train(&data, &data, &opts, &mut |_| {}).unwrap();
        let p3 = dir.path().join("tagger3.bin");
        t3.save(&p3).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), std::fs::read(&p3).unwrap());

        // Corrupt and wrong files are errors.
        let mut bytes = std::fs::read(&p).unwrap();
        let n = bytes.len();
        bytes[n / 2] ^= 0x55;
        std::fs::write(&p, &bytes).unwrap();
        assert!(Tagger::load(&p).is_err());
        std::fs::write(&p, b"hello").unwrap();
        assert!(matches!(Tagger::load(&p), Err(ModelError::BadMagic { .. })));
    }

    /// Tagging (tag dictionary and tag-free features once for both passes) gives the tags
    /// of the two greedy passes of [`decode`] with the plain reference scorer.
    #[test]
    fn tagging_equals_the_two_pass_reference() {
        let data = fixture();
        let opts = TrainOptions {
            epochs: 3,
            seed: 2,
            ..TrainOptions::default()
        };
        let plain = train(&data, &data, &opts, &mut |_| {}).unwrap();
        let classes = train_with_classes(&data, &data, &opts, fixture_classes(), &mut |_| {});
        let mut words: Vec<&str> = data
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.form.as_str()))
            .collect();
        words.extend(["Zorbs", "quickly", "x-1", "THE", "42"]);
        let mut rng = crate::hash::Rng::new(9);
        let (mut s, mut got) = (TagScratch::default(), Vec::new());
        for t in [plain, classes.unwrap()] {
            assert!(!t.amb.is_empty());
            for n in 0..30 {
                let forms: Vec<&str> = (0..n)
                    .map(|_| words[(rng.next_u64() % words.len() as u64) as usize])
                    .collect();
                t.tag(&forms, &mut s, &mut got);
                let mut lex = Vec::new();
                lexes(&forms, &mut lex);
                let (mut amb, mut cls) = (Vec::new(), Vec::new());
                ambiguity(&t.amb, &lex, &mut amb);
                word_classes(&t.classes, &lex, &mut cls);
                let (mut feats, mut scores) = (Vec::new(), Vec::new());
                let (mut first, mut want) = (Vec::new(), Vec::new());
                let (w1, w2) = (&t.weights, &t.weights2);
                let (a, c, d) = (&amb, &cls, &t.tagdict);
                let pass1 = |f: &[u64], sc: &mut Vec<f32>| w1.scores_reference(f, sc);
                decode(
                    &lex,
                    a,
                    c,
                    d,
                    None,
                    &mut feats,
                    &mut scores,
                    pass1,
                    &mut first,
                );
                let pass2 = |f: &[u64], sc: &mut Vec<f32>| w2.scores_reference(f, sc);
                let r = Some(&first[..]);
                decode(&lex, a, c, d, r, &mut feats, &mut scores, pass2, &mut want);
                assert_eq!(got, want, "{forms:?}");
            }
        }
    }

    /// The features marked as reading no tags are the same whatever the tags, and the two
    /// kinds together are the features of [`features`].
    #[test]
    fn tag_free_features_do_not_read_the_tags() {
        let forms = ["The", "dog", "barks", "loudly", "."];
        let mut lex = Vec::new();
        lexes(&forms, &mut lex);
        let amb: Vec<u64> = (0..forms.len() as u64).map(|i| i * 31 + 7).collect();
        let cls: Vec<WordCls> = (0..forms.len() as u64)
            .map(|i| [i, i + 1, i + 2, i + 3])
            .collect();
        let mut rng = crate::hash::Rng::new(4);
        let collect = |i, t1, t2, right: Option<&[u16]>, tags: bool| {
            let mut v = Vec::new();
            features_with(&lex, &amb, &cls, i, t1, t2, right, |t, k| {
                if t == tags {
                    v.push(k);
                }
            });
            v
        };
        for _ in 0..50 {
            let right: Vec<u16> = (0..forms.len())
                .map(|_| rng.next_u64() as u16 % 9)
                .collect();
            let (t1, t2) = (rng.next_u64() % 9, rng.next_u64() % 9);
            for i in 0..forms.len() {
                let fixed = collect(i, 0, 0, None, false);
                assert_eq!(collect(i, t1, t2, Some(&right), false), fixed);
                let mut both = [fixed, collect(i, t1, t2, Some(&right), true)].concat();
                let mut all = Vec::new();
                features(&lex, &amb, &cls, i, t1, t2, Some(&right), &mut all);
                both.sort_unstable();
                all.sort_unstable();
                assert_eq!(both, all);
            }
        }
    }

    /// A small class table for the fixture's words (and one unseen verb).
    pub(crate) fn fixture_classes() -> WordClasses {
        let t = "#word\tpath\tcaps\tcount\nthe\t000\t1\t9\na\t001\t1\t9\n\
                 dog\t0100\t1\t9\ndogs\t0101\t1\t9\ncat\t0100\t1\t9\n\
                 barks\t1000\t1\t9\nsleeps\t1000\t1\t9\nnaps\t1000\t1\t9\n\
                 bark\t1001\t1\t9\nloudly\t11\t1\t9\n.\t-\t0\t9\n";
        let mut c = WordClasses::default();
        c.read_rows(t, "fixture").unwrap();
        c
    }

    #[test]
    fn word_classes_are_learnt_and_kept_in_the_file() {
        let data = fixture();
        let opts = TrainOptions {
            epochs: 5,
            seed: 1,
            ..TrainOptions::default()
        };
        let plain = train(&data, &data, &opts, &mut |_| {}).unwrap();
        let run =
            || train_with_classes(&data, &data, &opts, fixture_classes(), &mut |_| {}).unwrap();
        let t = run();
        assert!(plain.classes().is_empty());
        assert_eq!(t.classes().len(), 11);
        assert!(upos_accuracy(&t, &data) > 0.99);
        // The classes are features: they change the weights.
        assert_ne!(t.size(), plain.size());

        let dir = tempfile::tempdir().unwrap();
        let (p, p2, p0) = (
            dir.path().join("t.bin"),
            dir.path().join("t2.bin"),
            dir.path().join("t0.bin"),
        );
        t.save(&p).unwrap();
        run().save(&p2).unwrap();
        plain.save(&p0).unwrap();
        // Deterministic, and the classes travel in the file.
        assert_eq!(std::fs::read(&p).unwrap(), std::fs::read(&p2).unwrap());
        let back = Tagger::load(&p).unwrap();
        assert_eq!(back.classes().len(), 11);
        assert!(Tagger::load(&p0).unwrap().classes().is_empty());
        let (mut s, mut a, mut b) = (TagScratch::default(), Vec::new(), Vec::new());
        for forms in [
            &["A", "dog", "naps", "."][..],
            &["Dogs", "sleeps", "loudly"],
        ] {
            t.tag(forms, &mut s, &mut a);
            back.tag(forms, &mut s, &mut b);
            assert_eq!(a, b);
        }
        // A payload cut inside the class section is an error, not a panic.
        let payload = codec::read_file(&p, KIND).unwrap();
        assert!(Tagger::decode(&payload[..payload.len() - 7]).is_err());
        assert!(payload.len() > codec::read_file(&p0, KIND).unwrap().len() + 11 * 12);
    }
}
