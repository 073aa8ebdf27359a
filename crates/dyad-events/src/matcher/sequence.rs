//! Flat (TABARI-style) patterns read in sequence over the words after the verb.
//!
//! TABARI matched a pattern's words in order along the sentence; PETRARCH's unit-test
//! dictionaries are written that way (`* IFTAR IN ^ +`, `INDICATED WOULD * NOW`,
//! `* MEMOS_ON_&TIETYPES FROM`). The phrase reading of [`super::Matcher`] regroups such a
//! pattern into object and prepositional phrases, which fails when the parser hangs a
//! phrase on another word ("memos on economic issue *from Bree*" under "issue"). For
//! dictionaries written only in that style the matcher also reads each pattern here, over
//! the verb's subtree in text order, and keeps the fuller of the two matches (TABARI's
//! longest pattern wins). The words stay within the verb's subtree, so a pattern never
//! reaches into another clause of the sentence.

use super::{Bindings, Clause, Element, Matcher, Role};
use crate::verb_dictionary::Pattern;

impl Matcher<'_> {
    /// A flat pattern read in sequence over the words after the verb (TABARI's reading):
    /// each lexical element must occur after the previous one (words may lie between,
    /// unless glued with `_`), `^` skips one word or actor mention, `$`/`+` bind the next
    /// actor. Needs at least one lexical element after the verb, so a bare `* +` never
    /// comes this way.
    pub(super) fn match_surface(&self, p: &Pattern, c: &Clause) -> Option<Bindings> {
        let at = p.verb_position()?;
        if c.following.len() != c.following_at.len() {
            return None;
        }
        let mut b = Bindings {
            flat: true,
            ..Bindings::default()
        };
        self.before_verb(&p.elements[..at], c, &mut b)?;
        let words = &c.following;
        let slots = &c.following_at;
        let mut pos = 0;
        let mut lexical_after = 0;
        // the verb glued to words (`RECENTLY_*`, `*_UPON`): those stand right before it
        // (among its adverbs and auxiliaries) or right after it
        if let Element::Consecutive(parts) = &p.elements[at] {
            let j = parts.iter().position(|e| *e == Element::Verb)?;
            let pre = &c.pre_verb;
            for (k, e) in parts[..j].iter().rev().enumerate() {
                let i = pre.len().checked_sub(k + 1)?;
                if !self.ends_at(e, pre, i) {
                    return None;
                }
                b.lexical += 1;
            }
            for e in &parts[j + 1..] {
                if !self.ends_at(e, words, pos) {
                    return None;
                }
                pos += 1;
                b.lexical += 1;
            }
            lexical_after += parts.len() - 1;
        } else if p.elements[at] != Element::Verb || words.is_empty() {
            return None;
        }
        // past the actor mention starting at `i`
        let past_actor = |i: usize| {
            let a = slots[i].actor;
            let mut j = i + 1;
            while a.is_some() && j < slots.len() && slots[j].actor == a {
                j += 1;
            }
            j
        };
        let mut els: Vec<&Element> = Vec::new();
        for e in &p.elements[at + 1..] {
            match e {
                Element::NounPhrase(inner) => els.extend(inner.iter()),
                other => els.push(other),
            }
        }
        for e in els {
            match e {
                Element::Skip => {
                    if pos >= words.len() {
                        return None;
                    }
                    // a phrase: an actor mention, or the words up to the head they lead
                    // to ("with Eriador", "the Gondor"), as PETRARCH skips a noun phrase
                    let head = slots[pos]
                        .phrase_head
                        .filter(|_| slots[pos].actor.is_none());
                    pos = past_actor(head.unwrap_or(pos));
                }
                Element::Source | Element::Target => {
                    let i = (pos..words.len()).find(|&i| slots[i].actor.is_some())?;
                    let role = Some(Role::Token(slots[i].token));
                    if matches!(e, Element::Source) {
                        b.source = role;
                    } else {
                        b.target = role;
                    }
                    pos = past_actor(i);
                }
                Element::Compound | Element::Verb | Element::Prep { .. } => return None,
                lexical => {
                    let end = (pos..words.len()).find(|&end| self.ends_at(lexical, words, end))?;
                    pos = end + 1;
                    b.lexical += 1;
                    lexical_after += 1;
                }
            }
        }
        (lexical_after > 0).then_some(b)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{SurfaceToken, Word};
    use super::*;
    use crate::verb_dictionary::VerbDictionary;

    const DICT: &str = "\
--- CELEBRATE  [181] ---
CELEBRATE
- * IFTAR IN ^ +  [045]
- * EID AT ^ WITH +  [043]
- RECENTLY_*  [025]
- *_UPON +  [097]

--- ACT [100] ---
ACT
- INDICATED WOULD * NOW  [1010]
";

    /// A clause of `verb` whose following words are `after`; words named in `actors`
    /// (by position) are actor mentions, consecutive equal numbers one mention.
    fn clause(verb: &str, pre: &[&str], after: &str, actors: &[(usize, usize)]) -> Clause {
        let words: Vec<&str> = after.split(' ').collect();
        Clause {
            verb: Word::new(verb, &verb.to_lowercase()),
            pre_verb: pre
                .iter()
                .map(|w| Word::new(w, &w.to_lowercase()))
                .collect(),
            following: words
                .iter()
                .map(|w| Word::new(w, &w.to_lowercase()))
                .collect(),
            following_at: (0..words.len())
                .map(|i| SurfaceToken {
                    token: 10 + i,
                    actor: actors.iter().find(|a| a.0 == i).map(|a| a.1),
                    phrase_head: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn skip_passes_one_actor_and_target_binds_the_next() {
        let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
        let m = Matcher::new(&d);
        assert!(m.sequential);
        // "celebrated Iftar in Osgiliath with the leaders of Gondor": `^` skips Osgiliath
        let c = clause(
            "celebrated",
            &[],
            "Iftar in Osgiliath with the leaders of Gondor",
            &[(2, 0), (7, 1)],
        );
        let got = m.code(&c).unwrap();
        assert_eq!(got.code, "045");
        assert_eq!(got.target, Some(Role::Token(17)));
        // words may lie between pattern words, but not be missing
        let c = clause(
            "celebrated",
            &[],
            "Eid at Osgiliath with Gondor",
            &[(2, 0), (4, 1)],
        );
        assert_eq!(m.code(&c).unwrap().code, "043");
        let c = clause("celebrated", &[], "Eid with Gondor", &[(2, 1)]);
        assert_eq!(m.code(&c).unwrap().code, "181");
        // "Iftar in Osgiliath": with nothing after the skipped phrase there is no target
        let c = clause("celebrated", &[], "Iftar in Osgiliath", &[(2, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "181");
    }

    #[test]
    fn a_verb_glued_to_words_needs_them_next_to_it() {
        let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
        let m = Matcher::new(&d);
        let c = clause("celebrated", &["recently"], "with Gondor", &[(1, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "025");
        let c = clause("celebrated", &["recently", "did"], "with Gondor", &[(1, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "181");
        let c = clause("celebrated", &[], "upon Gondor", &[(1, 0)]);
        let got = m.code(&c).unwrap();
        assert_eq!(
            (got.code.as_str(), got.target),
            ("097", Some(Role::Token(11)))
        );
        let c = clause("celebrated", &[], "today upon Gondor", &[(2, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "181");
    }

    #[test]
    fn words_after_the_verb_need_not_be_its_object() {
        let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
        let m = Matcher::new(&d);
        // "indicated it would act now with Libya": NOW is an adverb, not an object
        let c = clause("act", &["indicated", "would"], "now with Libya", &[(2, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "1010");
        let c = clause("act", &["indicated", "would"], "with Libya", &[(1, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "100");
    }

    #[test]
    fn a_petrarch2_dictionary_is_not_read_in_sequence() {
        let text = format!("{DICT}\n--- AID [070] ---\nAID\n- * (TO +) [071]\n");
        let d = VerbDictionary::parse(&text, "t.txt").unwrap();
        let m = Matcher::new(&d);
        assert!(!m.sequential);
        let c = clause("act", &["indicated", "would"], "now with Libya", &[(2, 0)]);
        assert_eq!(m.code(&c).unwrap().code, "100");
    }
}
