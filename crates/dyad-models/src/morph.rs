//! Morphological features and lemmas, predicted from the word and its predicted tag.
//!
//! English morphology is nearly a function of the word and its PTB tag: `VBD` says
//! `Mood=Ind|Tense=Past|VerbForm=Fin`, `PRP` plus the word says the rest. So features come from
//! a lexicon of (word, tag) -> features learned from the treebank, backed off to the most
//! frequent features of the tag. Lemmas are edit scripts (strip `n` characters, append a
//! string) chosen by the longest known suffix of the word for its UPOS, plus an exception
//! lexicon holding only the words whose lemma the suffix rules get wrong. Both are small and
//! need no classifier.

use std::collections::{BTreeMap, HashMap};

use crate::codec::{Dec, Enc};
use crate::hash::{hash_str, mix, IdBuild};
use crate::ModelError;

const MAX_SUFFIX: usize = 6;

/// Features and lemmas for tagged words.
#[derive(Clone, Debug, Default)]
pub struct Morph {
    feats: Vec<String>,
    /// Tag label -> index into `feats`.
    feats_by_label: Vec<u32>,
    /// mix(lowercase word, label) -> index into `feats`, only where it differs from the label's.
    feats_by_word: HashMap<u64, u32, IdBuild>,
    /// mix(upos, suffix) -> (characters to strip, string to append).
    rules: HashMap<u64, (u8, String), IdBuild>,
    /// mix(lowercase word, upos) -> lemma, only where the rules are wrong.
    lemmas: HashMap<u64, String, IdBuild>,
}

/// One training word for [`Morph::train`].
pub struct MorphExample<'a> {
    pub form: &'a str,
    pub label: u16,
    pub upos: &'a str,
    pub lemma: &'a str,
    pub feats: &'a str,
}

fn suffix_keys(upos: u64, lower: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    // starts[k]: where the last k characters begin (k up to MAX_SUFFIX and the length).
    let mut starts = [lower.len(); MAX_SUFFIX + 1];
    let mut longest = 0;
    for (i, _) in lower.char_indices().rev().take(MAX_SUFFIX) {
        longest += 1;
        starts[longest] = i;
    }
    (0..=longest)
        .rev()
        .map(move |k| (k, mix(upos, mix(77, hash_str(&lower[starts[k]..])))))
}

fn edit(lower: &str, lemma: &str) -> (u8, String) {
    let common = lower
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = lower.chars().count() - common;
    let append: String = lemma.chars().skip(common).collect();
    (strip.min(255) as u8, append)
}

fn apply(lower: &str, strip: u8, append: &str) -> Option<String> {
    // What is left of `lower` without its last `strip` characters.
    let keep = match (strip as usize).checked_sub(1) {
        None => lower.len(),
        Some(k) => lower.char_indices().rev().nth(k)?.0,
    };
    if keep == 0 && append.is_empty() {
        return None;
    }
    let mut s = String::with_capacity(keep + append.len());
    s.push_str(&lower[..keep]);
    s.push_str(append);
    Some(s)
}

impl Morph {
    pub fn train(examples: &[MorphExample], nlabels: usize) -> Morph {
        let mut m = Morph::default();
        // Features: per label, and per (word, label).
        let mut feat_ids: BTreeMap<&str, u32> = BTreeMap::new();
        for e in examples {
            let n = feat_ids.len() as u32;
            feat_ids.entry(e.feats).or_insert(n);
        }
        m.feats = vec![String::new(); feat_ids.len()];
        for (s, &i) in &feat_ids {
            m.feats[i as usize] = s.to_string();
        }
        let mut by_label: Vec<BTreeMap<u32, usize>> = vec![BTreeMap::new(); nlabels];
        let mut by_word: BTreeMap<u64, BTreeMap<u32, usize>> = BTreeMap::new();
        let mut lemma_counts: BTreeMap<u64, BTreeMap<&str, usize>> = BTreeMap::new();
        let mut rule_counts: BTreeMap<u64, BTreeMap<(u8, String), usize>> = BTreeMap::new();
        let mut words: BTreeMap<u64, (String, u64, bool)> = BTreeMap::new();
        for e in examples {
            let f = feat_ids[e.feats];
            *by_label[e.label as usize].entry(f).or_default() += 1;
            let lower = e.form.to_lowercase();
            let wl = mix(hash_str(&lower), e.label as u64);
            *by_word.entry(wl).or_default().entry(f).or_default() += 1;
            let up = hash_str(e.upos);
            let wu = mix(hash_str(&lower), up);
            *lemma_counts
                .entry(wu)
                .or_default()
                .entry(e.lemma)
                .or_default() += 1;
            let propn = e.upos == "PROPN";
            words.entry(wu).or_insert((lower.clone(), up, propn));
            if !propn {
                let ed = edit(&lower, &e.lemma.to_lowercase());
                for (_, key) in suffix_keys(up, &lower) {
                    *rule_counts
                        .entry(key)
                        .or_default()
                        .entry(ed.clone())
                        .or_default() += 1;
                }
            }
        }
        let top = |c: &BTreeMap<u32, usize>| {
            c.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(k, _)| *k)
        };
        m.feats_by_label = by_label
            .iter()
            .map(|c| top(c).unwrap_or_else(|| feat_ids.get("_").copied().unwrap_or(0)))
            .collect();
        for (wl, c) in &by_word {
            // Label of this key is unknown here; compare against every label default is not
            // needed: store when the word's top features differ from its label's default.
            if let Some(f) = top(c) {
                m.feats_by_word.insert(*wl, f);
            }
        }
        for (key, c) in rule_counts {
            if let Some(((strip, app), _)) = c
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            {
                m.rules.insert(key, (strip, app));
            }
        }
        for (wu, c) in lemma_counts {
            let Some((lemma, _)) = c.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
                continue;
            };
            let (lower, up, propn) = &words[&wu];
            let guess = m.rule_lemma(lower, *up, *propn, lower);
            if guess != *lemma {
                m.lemmas.insert(wu, lemma.to_string());
            }
        }
        m.prune_feats(examples);
        m
    }

    /// Keeps only the per-word feature entries that differ from their label's default.
    fn prune_feats(&mut self, examples: &[MorphExample]) {
        let mut keep: HashMap<u64, u32, IdBuild> = HashMap::default();
        for e in examples {
            let wl = mix(hash_str(&e.form.to_lowercase()), e.label as u64);
            if let Some(&f) = self.feats_by_word.get(&wl) {
                if self.feats_by_label.get(e.label as usize) != Some(&f) {
                    keep.insert(wl, f);
                }
            }
        }
        self.feats_by_word = keep;
    }

    fn rule_lemma(&self, lower: &str, upos: u64, propn: bool, form: &str) -> String {
        if propn {
            return form.to_string();
        }
        for (_, key) in suffix_keys(upos, lower) {
            if let Some((strip, app)) = self.rules.get(&key) {
                if let Some(s) = apply(lower, *strip, app) {
                    return s;
                }
            }
        }
        lower.to_string()
    }

    /// The features of `form` tagged `label`.
    pub fn feats(&self, form_lower: &str, label: u16) -> &str {
        let wl = mix(hash_str(form_lower), label as u64);
        let i = match self.feats_by_word.get(&wl) {
            Some(&i) => i,
            None => self
                .feats_by_label
                .get(label as usize)
                .copied()
                .unwrap_or(0),
        };
        self.feats
            .get(i as usize)
            .map(String::as_str)
            .unwrap_or("_")
    }

    /// The lemma of `form` with universal tag `upos`.
    pub fn lemma(&self, form: &str, form_lower: &str, upos: &str) -> String {
        let up = hash_str(upos);
        if let Some(l) = self.lemmas.get(&mix(hash_str(form_lower), up)) {
            return l.clone();
        }
        self.rule_lemma(form_lower, up, upos == "PROPN", form)
    }

    pub fn encode(&self, e: &mut Enc) {
        e.strs(&self.feats);
        e.len(self.feats_by_label.len());
        for f in &self.feats_by_label {
            e.u32(*f);
        }
        let mut fw: Vec<_> = self.feats_by_word.iter().collect();
        fw.sort();
        e.len(fw.len());
        for (k, v) in fw {
            e.u64(*k);
            e.u32(*v);
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        e.len(rules.len());
        for (k, (s, a)) in rules {
            e.u64(*k);
            e.u8(*s);
            e.str(a);
        }
        let mut lem: Vec<_> = self.lemmas.iter().collect();
        lem.sort();
        e.len(lem.len());
        for (k, v) in lem {
            e.u64(*k);
            e.str(v);
        }
    }

    pub fn decode(d: &mut Dec) -> Result<Morph, ModelError> {
        let mut m = Morph {
            feats: d.strs()?,
            ..Morph::default()
        };
        let nf = m.feats.len() as u32;
        let check = |_: &mut Dec, v: u32| -> Result<u32, ModelError> {
            if v >= nf {
                return Err(ModelError::Corrupt {
                    path: String::new(),
                    offset: 0,
                    what: format!("features index {v} out of range"),
                });
            }
            Ok(v)
        };
        let n = d.len(4)?;
        for _ in 0..n {
            let v = d.u32()?;
            m.feats_by_label.push(check(d, v)?);
        }
        let n = d.len(12)?;
        for _ in 0..n {
            let k = d.u64()?;
            let v = d.u32()?;
            m.feats_by_word.insert(k, check(d, v)?);
        }
        let n = d.len(13)?;
        for _ in 0..n {
            let k = d.u64()?;
            let s = d.u8()?;
            let a = d.str()?;
            m.rules.insert(k, (s, a));
        }
        let n = d.len(12)?;
        for _ in 0..n {
            let k = d.u64()?;
            let v = d.str()?;
            m.lemmas.insert(k, v);
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex<'a>(
        form: &'a str,
        label: u16,
        upos: &'a str,
        lemma: &'a str,
        feats: &'a str,
    ) -> MorphExample<'a> {
        MorphExample {
            form,
            label,
            upos,
            lemma,
            feats,
        }
    }

    #[test]
    fn learns_suffix_rules_exceptions_and_feats() {
        let data = vec![
            ex("walked", 0, "VERB", "walk", "Tense=Past"),
            ex("talked", 0, "VERB", "talk", "Tense=Past"),
            ex("jumped", 0, "VERB", "jump", "Tense=Past"),
            ex("went", 0, "VERB", "go", "Tense=Past"),
            ex("dogs", 1, "NOUN", "dog", "Number=Plur"),
            ex("cats", 1, "NOUN", "cat", "Number=Plur"),
            ex("Paris", 2, "PROPN", "Paris", "Number=Sing"),
            ex("I", 3, "PRON", "I", "Case=Nom|Number=Sing|Person=1"),
            ex("me", 3, "PRON", "I", "Case=Acc|Number=Sing|Person=1"),
        ];
        let m = Morph::train(&data, 4);
        assert_eq!(m.lemma("hopped", "hopped", "VERB"), "hopp");
        assert_eq!(m.lemma("Went", "went", "VERB"), "go");
        assert_eq!(m.lemma("birds", "birds", "NOUN"), "bird");
        assert_eq!(m.lemma("London", "london", "PROPN"), "London");
        assert_eq!(m.feats("walked", 0), "Tense=Past");
        assert_eq!(m.feats("me", 3), "Case=Acc|Number=Sing|Person=1");
        let mut e = Enc::default();
        m.encode(&mut e);
        let m2 = Morph::decode(&mut Dec::new(&e.buf)).unwrap();
        assert_eq!(m2.lemma("Went", "went", "VERB"), "go");
        assert_eq!(m2.feats("me", 3), m.feats("me", 3));
    }

    /// The suffix keys and edit scripts of the rules, taken from the last characters of the
    /// word without a list of its character positions, are those of the plain definition
    /// (suffixes by character, longest first; `strip` characters off, `append` on).
    #[test]
    fn suffixes_and_edits_count_characters_not_bytes() {
        let plain_keys = |upos: u64, lower: &str| -> Vec<(usize, u64)> {
            let chars: Vec<char> = lower.chars().collect();
            (0..=MAX_SUFFIX.min(chars.len()))
                .rev()
                .map(|k| {
                    let suffix: String = chars[chars.len() - k..].iter().collect();
                    (k, mix(upos, mix(77, hash_str(&suffix))))
                })
                .collect()
        };
        let plain_apply = |lower: &str, strip: u8, append: &str| -> Option<String> {
            let n = lower.chars().count();
            if strip as usize > n {
                return None;
            }
            let mut s: String = lower.chars().take(n - strip as usize).collect();
            s.push_str(append);
            (!s.is_empty()).then_some(s)
        };
        let words = [
            "",
            "a",
            "ab",
            "walked",
            "naïveté",
            "straße",
            "東京都庁舎ビル",
            "crème brûlée",
            "ééééééé",
            "x😀y",
        ];
        for w in words {
            assert_eq!(
                suffix_keys(9, w).collect::<Vec<_>>(),
                plain_keys(9, w),
                "{w}"
            );
            for strip in 0..10u8 {
                for append in ["", "e", "ö"] {
                    assert_eq!(
                        apply(w, strip, append),
                        plain_apply(w, strip, append),
                        "{w}"
                    );
                }
            }
        }
    }
}
