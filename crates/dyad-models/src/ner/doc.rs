//! Document memory: what the recognizer saw of each word earlier in the same document.
//!
//! A name is often easy to recognise once ("Mozilla Foundation said") and hard the next time
//! ("the Mozilla platform", "firefox"); web text repeats its names within a document. The
//! memory keeps, per lowercased word, the type and BILOU position of the last entity it was
//! part of (only capitalised words are remembered inside entities, so "of" in "Bank of
//! America" is not), and whether the word was seen capitalised away from the sentence start or
//! seen in lower case. The recognizer reads it as features of each word; it fills it with its
//! own entities after each sentence. Training fills it from the gold entities of the earlier
//! sentences of the document, each entity forgotten at random (see [`super::train`]), since at
//! run time the recognizer finds only part of them.
//!
//! Only earlier sentences count, so a document is processed in one pass, sentence by sentence,
//! and the memory must be cleared between documents ([`super::NerScratch::start_document`]).

use std::collections::HashMap;

use super::{part, ty};
use crate::hash::IdBuild;
use crate::lex::Lex;

/// The memory stops growing beyond this many words (a caller that never starts a new
/// document must not make it grow without bound).
const MAX_WORDS: usize = 20_000;

/// Seen capitalised away from the sentence start.
const CAPS: u64 = 1 << 8;
/// Seen without capitals.
const LOWER: u64 = 1 << 9;

/// Per lowercased word: `type + 1 | part << 4` of its last entity, plus [`CAPS`], [`LOWER`].
#[derive(Clone, Debug, Default)]
pub struct DocMemory {
    words: HashMap<u64, u64, IdBuild>,
}

impl DocMemory {
    pub fn clear(&mut self) {
        self.words.clear();
    }

    /// The memory value of each word of a sentence (0: not seen earlier in the document).
    pub fn lookup(&self, lex: &[Lex], out: &mut Vec<u64>) {
        out.clear();
        out.extend(lex.iter().map(|l| {
            if self.words.is_empty() {
                0
            } else {
                self.words.get(&l.lower).copied().unwrap_or(0)
            }
        }));
    }

    /// Remembers a sentence and its BILOU labels; `keep(start)` says whether the entity
    /// starting at word `start` is remembered.
    pub fn observe(&mut self, lex: &[Lex], labels: &[u16], mut keep: impl FnMut(usize) -> bool) {
        if self.words.len() >= MAX_WORDS {
            return;
        }
        let mut kept = false;
        for (i, (l, &y)) in lex.iter().zip(labels).enumerate() {
            let alpha = l.flags & 3 != 0;
            let v = self.words.entry(l.lower).or_insert(0);
            if l.title && i > 0 {
                *v |= CAPS;
            } else if alpha && !l.title {
                *v |= LOWER;
            }
            let y = y as usize;
            if y == 0 {
                continue;
            }
            // A new entity starts at B (0) or U (3).
            if matches!(part(y), 0 | 3) {
                kept = keep(i);
            }
            if kept && l.title {
                *v = (*v & (CAPS | LOWER)) | (ty(y) as u64 + 1) | (part(y) as u64) << 4;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_entities_and_casing() {
        let lex: Vec<Lex> = ["The", "Mozilla", "Foundation", "of", "Boston", "said"]
            .iter()
            .map(|w| Lex::new(w))
            .collect();
        // ORG is type 1: B = 5, I = 6, L = 7; LOC type 0: U = 4.
        let labels = [0, 5, 6, 7, 4, 0];
        let mut m = DocMemory::default();
        m.observe(&lex, &labels, |start| start != 4);
        let probe: Vec<Lex> = ["mozilla", "Boston", "of", "said", "Foundation", "unseen"]
            .iter()
            .map(|w| Lex::new(w))
            .collect();
        let mut out = Vec::new();
        m.lookup(&probe, &mut out);
        assert_eq!(out[0], CAPS | 2);
        // Boston's entity was forgotten: only its casing is remembered.
        assert_eq!(out[1], CAPS);
        // "of" is inside the entity but not capitalised.
        assert_eq!(out[2], LOWER);
        assert_eq!(out[3], LOWER);
        assert_eq!(out[4], CAPS | 2 | 1 << 4);
        assert_eq!(out[5], 0);
        m.clear();
        m.lookup(&probe, &mut out);
        assert!(out.iter().all(|&v| v == 0));
    }
}
