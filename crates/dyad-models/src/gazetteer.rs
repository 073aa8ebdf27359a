//! Name lists for the NER tagger: which word sequences are known places, organizations,
//! people or nationality words.
//!
//! The lists are read at training time from dyad's actor and place tables (`data/actors/*.tsv`,
//! `data/gkg/places.tsv`) and compiled into the NER model file as hashes of lowercased word
//! sequences, so the model needs no data files at run time. A phrase hash is built from the
//! same per-word hashes the models already compute ([`Lex::lower`]), so matching a sentence is
//! a handful of table lookups per word and no string work. Every proper prefix of a phrase is
//! stored too (with no category), which lets the matcher stop as soon as no longer phrase can
//! match.
//!
//! The recognizer sees the matches as features, never as decisions: "Turkey" the country and
//! "turkey" the bird share a phrase, and the perceptron learns how far to trust each list.

use std::collections::HashMap;
use std::path::Path;

use crate::codec::{Dec, Enc};
use crate::hash::{mix, IdBuild};
use crate::lex::Lex;
use crate::ner::classes::{self, WordClasses};
use crate::ModelError;

/// Category bits of a phrase.
pub const LOC: u8 = 1;
pub const ORG: u8 = 2;
pub const PER: u8 = 4;
/// Nationality and other group adjectives ("Chinese"), which UNER leaves untagged.
pub const DEMONYM: u8 = 8;

/// Longest phrase matched, in words.
const MAX_WORDS: usize = 6;
/// Marks the gazetteer section in a model payload.
const SECTION: u32 = 0x475a_0001;

/// Known phrases: hash of the lowercased words -> category bits (0 for a bare prefix).
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    phrases: HashMap<u64, u8, IdBuild>,
    /// Word classes learnt from unlabelled text ([`crate::ner::classes`]): not a name list,
    /// but read from the same `--gazetteer` files (a class table by its header) and compiled
    /// into the model the same way. Stored in their own model section.
    pub classes: WordClasses,
}

/// The hash of a phrase continued by one more word.
#[inline]
fn extend(h: u64, word_lower: u64) -> u64 {
    mix(h, word_lower)
}

const START: u64 = 0x6a2_0001;

impl Gazetteer {
    /// Number of phrases (prefixes not counted).
    pub fn len(&self) -> usize {
        self.phrases.values().filter(|&&b| b != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a phrase (any case; split on whitespace) with category bits `cat`.
    pub fn add(&mut self, phrase: &str, cat: u8) {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty() || words.len() > MAX_WORDS || cat == 0 {
            return;
        }
        let mut h = START;
        for (k, w) in words.iter().enumerate() {
            h = extend(h, Lex::new(w).lower);
            let e = self.phrases.entry(h).or_insert(0);
            if k + 1 == words.len() {
                *e |= cat;
            }
        }
    }

    /// Reads one list file. Recognised layouts (by their header comment):
    /// a word-class table ([`classes::HEADER`]; goes to [`Gazetteer::classes`]),
    /// `#phrase<TAB>code<TAB>kind` (country names: kinds name, alias, capital, city, demonym),
    /// `#phrase<TAB>entity<TAB>kind...` (actors: person, organization, group, country, city,
    /// capital, demonym) and `# geonameid<TAB>feature<TAB>name...` (places).
    pub fn add_file(&mut self, path: &Path) -> Result<usize, ModelError> {
        let text = std::fs::read_to_string(path).map_err(|e| ModelError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        if text.starts_with(classes::HEADER) {
            return self.classes.read_rows(&text, &path.display().to_string());
        }
        let mut layout = None;
        let mut added = 0;
        for (n, line) in text.lines().enumerate() {
            if let Some(h) = line.strip_prefix('#') {
                let h = h.trim_start();
                if h.starts_with("phrase\tcode\tkind") || h.starts_with("phrase\tentity\tkind") {
                    layout = Some((0, 2));
                } else if h.starts_with("geonameid\tfeature\tname") {
                    layout = Some((2, 1));
                }
                continue;
            }
            let Some((pc, kc)) = layout else {
                return Err(ModelError::Data {
                    path: path.display().to_string(),
                    line: n + 1,
                    message: "a name list needs a `#phrase\\t...` or `# geonameid\\t...` header \
                              before its first entry"
                        .into(),
                });
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(phrase), Some(kind)) = (cols.get(pc), cols.get(kc)) else {
                continue;
            };
            let cat = match *kind {
                "name" | "alias" | "capital" | "city" | "country" | "state" | "place" => LOC,
                "organization" | "group" => ORG,
                "person" => PER,
                "demonym" => DEMONYM,
                _ => 0,
            };
            if cat != 0 {
                self.add(phrase, cat);
                added += 1;
            }
        }
        Ok(added)
    }

    /// Greedy longest matches over a sentence: `out[i]` is 0 for a word outside any match,
    /// else `position << 4 | category bits` with position 1 = first of several words,
    /// 2 = inside, 3 = last, 4 = a one-word match.
    pub fn tag(&self, lex: &[Lex], out: &mut Vec<u8>) {
        out.clear();
        out.resize(lex.len(), 0);
        if self.phrases.is_empty() {
            return;
        }
        let mut i = 0;
        while i < lex.len() {
            let mut h = START;
            let mut best = (0, 0u8);
            for (k, l) in lex[i..].iter().take(MAX_WORDS).enumerate() {
                h = extend(h, l.lower);
                match self.phrases.get(&h) {
                    None => break,
                    Some(&0) => {}
                    Some(&cat) => best = (k + 1, cat),
                }
            }
            let (len, cat) = best;
            match len {
                0 => i += 1,
                1 => {
                    out[i] = 4 << 4 | cat;
                    i += 1;
                }
                _ => {
                    for (k, o) in out[i..i + len].iter_mut().enumerate() {
                        let pos = if k == 0 {
                            1
                        } else if k + 1 == len {
                            3
                        } else {
                            2
                        };
                        *o = pos << 4 | cat;
                    }
                    i += len;
                }
            }
        }
    }

    /// Appends the gazetteer section to a model payload.
    pub fn encode(&self, e: &mut Enc) {
        let mut v: Vec<(u64, u8)> = self.phrases.iter().map(|(k, c)| (*k, *c)).collect();
        v.sort_unstable();
        e.u32(SECTION);
        e.len(v.len());
        for (k, c) in v {
            e.u64(k);
            e.u8(c);
        }
    }

    /// Reads the section written by [`Gazetteer::encode`].
    pub fn decode(d: &mut Dec) -> Result<Gazetteer, ModelError> {
        if d.u32()? != SECTION {
            return Err(d.corrupt("expected the gazetteer section"));
        }
        let n = d.len(9)?;
        let mut phrases = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        for _ in 0..n {
            let k = d.u64()?;
            let c = d.u8()?;
            if c > 15 {
                return Err(d.corrupt("gazetteer category out of range"));
            }
            phrases.insert(k, c);
        }
        Ok(Gazetteer {
            phrases,
            classes: WordClasses::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexes(ws: &[&str]) -> Vec<Lex> {
        ws.iter().map(|w| Lex::new(w)).collect()
    }

    #[test]
    fn longest_matches_and_round_trip() {
        let mut g = Gazetteer::default();
        g.add("new york", LOC);
        g.add("new york times", ORG);
        g.add("york", LOC);
        g.add("chinese", DEMONYM);
        let mut out = Vec::new();
        g.tag(
            &lexes(&["The", "New", "York", "Times", "and", "York", "Chinese"]),
            &mut out,
        );
        assert_eq!(
            out,
            vec![
                0,
                1 << 4 | ORG,
                2 << 4 | ORG,
                3 << 4 | ORG,
                0,
                0x40 | LOC,
                0x48
            ]
        );
        g.tag(&lexes(&["new", "york", "."]), &mut out);
        assert_eq!(out, vec![1 << 4 | LOC, 3 << 4 | LOC, 0]);
        assert_eq!(g.len(), 4);

        let mut e = Enc::default();
        g.encode(&mut e);
        let g2 = Gazetteer::decode(&mut Dec::new(&e.buf)).unwrap();
        let mut out2 = Vec::new();
        g2.tag(&lexes(&["new", "york", "."]), &mut out2);
        assert_eq!(out, out2);
    }

    #[test]
    fn reads_the_list_layouts() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.tsv");
        std::fs::write(
            &p,
            "# gen\n#phrase\tcode\tkind\nfrance\tFRA\tname\nfrench\tFRA\tdemonym\n",
        )
        .unwrap();
        let mut g = Gazetteer::default();
        assert_eq!(g.add_file(&p).unwrap(), 2);
        let q = dir.path().join("p.tsv");
        std::fs::write(&q, "# geonameid\tfeature\tname\tiso2\n1\tcity\tLyon\tFR\n").unwrap();
        assert_eq!(g.add_file(&q).unwrap(), 1);
        let mut out = Vec::new();
        g.tag(&lexes(&["Lyon", "in", "France", "is", "French"]), &mut out);
        assert_eq!(out, vec![0x41, 0, 0x41, 0, 0x48]);
        // A word-class table goes to the classes, not to the names.
        let t = dir.path().join("cl.tsv");
        std::fs::write(&t, "#word\tpath\tcaps\tcount\nlyon\t01\t4\t3\n").unwrap();
        let names = g.len();
        assert_eq!(g.add_file(&t).unwrap(), 1);
        assert_eq!((g.len(), g.classes.len()), (names, 1));
        assert_eq!(g.classes.get(Lex::new("LYON").lower).caps, 4);
        let bad = dir.path().join("b.tsv");
        std::fs::write(&bad, "x\ty\n").unwrap();
        let err = g.add_file(&bad).unwrap_err().to_string();
        assert!(err.contains(":1:"), "{err}");
    }
}
