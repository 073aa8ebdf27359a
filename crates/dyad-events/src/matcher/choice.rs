//! Choosing a clause's code: every pattern of the verb's blocks is matched, the most
//! specific match wins (then the pattern written for this verb, then file order), and the
//! winner's roles are filled, with PETRARCH's defaults where the pattern binds none.
//!
//! Kept apart from element matching because it decides between matches and never looks
//! inside a pattern element.

use super::prefilter::Present;
use super::{Bindings, Clause, Match, Matcher, Role};
use crate::codebook::quad_class_of_root;
use crate::verb_dictionary::{CodePair, Pattern, VerbRef};

impl<'d> Matcher<'d> {
    /// The best pattern match, read on the tree's phrases and (`surface`) in sequence;
    /// with the flag of a null code.
    pub(super) fn code_with(
        &self,
        clause: &Clause,
        verbs: &[VerbRef],
        present: &Present,
        surface: bool,
    ) -> Option<(Match<'d>, bool)> {
        // (match, code is null, exact, written for this verb)
        let mut best: Option<(Match<'d>, bool, usize, bool)> = None;
        for &r in verbs {
            let block = &self.dict.blocks[r.block];
            for (pi, p) in block.patterns.iter().enumerate() {
                // a code that is no event code (`[+++]`, `[xxy]`: TABARI-era test markers)
                // codes nothing, and the block's next pattern decides, as PETRARCH's unit
                // tests expect ("restore fxll diplomatic ties" is 064)
                let plan = &self.plans[r.block][pi];
                // a pattern needing a word the clause lacks cannot match (`prefilter`)
                if plan.marker || !present.admits(&plan.needs) {
                    continue;
                }
                if reported_act_of_another_verb(block.code.as_ref(), p, clause) {
                    continue;
                }
                let tree = self.match_pattern(p, plan, clause);
                let seq = (surface && plan.flat)
                    .then(|| self.match_surface(p, clause))
                    .flatten();
                // `^` skips a phrase, which the phrase reading cannot honour: the sequence
                // reading decides such a pattern's actors
                let skips = plan.skips;
                let b = match (tree, seq) {
                    (Some(t), Some(s)) if s.lexical > t.lexical || skips => Some(s),
                    (Some(t), _) => Some(t),
                    (None, s) => s,
                };
                let Some(b) = b else {
                    continue;
                };
                // between equal matches, the pattern written for this very verb (its
                // comment names it: `- * &TREATY [057] # RATIFY` in APPROVE's block)
                let own = written_for(p, clause);
                // a pattern written again later in the block replaces the earlier one, as
                // PETRARCH2 reads a block (`- * &INVESTIGATION [091]`, then `[1014]`)
                let better = best.as_ref().is_none_or(|(m, _, exact, mine)| {
                    let key = (b.lexical, b.exact, own);
                    let theirs = (m.specificity, *exact, *mine);
                    key > theirs
                        || (key == theirs
                            && m.verb.block == r.block
                            && m.pattern.is_some_and(|q| q.text == p.text))
                });
                if better {
                    let exact = b.exact;
                    let m = self.finish(r, Some(p), &p.code, b, clause);
                    best = Some((m, p.code.is_null(), exact, own));
                }
            }
        }
        best.map(|(m, null, _, _)| (m, null))
    }

    /// The verb's own code when no pattern matched.
    pub(super) fn code_bare(
        &self,
        clause: &Clause,
        verbs: &[VerbRef],
    ) -> Option<(Match<'d>, bool)> {
        for &r in verbs {
            if let Some(c) = self.dict.verb_code(r) {
                let m = self.finish(r, None, c, Bindings::default(), clause);
                return Some((m, c.is_null()));
            }
        }
        None
    }

    fn finish(
        &self,
        verb: VerbRef,
        pattern: Option<&'d Pattern>,
        codes: &CodePair,
        b: Bindings,
        c: &Clause,
    ) -> Match<'d> {
        let code = codes.active.clone().unwrap_or_default();
        let paired = codes
            .passive
            .clone()
            .filter(|p| codes.written_pair || codes.active.as_ref() != Some(p));
        let subject = c
            .subject
            .as_ref()
            .filter(|s| s.is_actor)
            .map(|_| Role::Subject);
        let object = c
            .object
            .as_ref()
            .filter(|o| o.is_actor)
            .map(|_| Role::Object);
        let first_obl = |skip: Option<Role>| {
            c.obliques
                .iter()
                .enumerate()
                .find(|(i, o)| {
                    o.phrase.is_actor && Some(Role::Oblique(*i)) != skip && !o.prep.is("BY")
                })
                .map(|(i, _)| Role::Oblique(i))
        };
        let by = c
            .obliques
            .iter()
            .position(|o| o.prep.is("BY") && o.phrase.is_actor)
            .map(Role::Oblique);
        let (mut source, mut target) = (b.source, b.target);
        if c.passive
            && by.is_none()
            && source.is_none()
            && target.is_none()
            && !material(&code)
            && !c.inherited_subject
        {
            // a verbal act in the passive without an agent reads as PETRARCH2 reads it: the
            // subject acts on the first actor after the verb ("Manila was criticized over
            // its dispute with Hanoi"); not a material one, whose subject is its victim
            // ("four were killed in Gaza")
            source = subject;
            target = first_obl(source).filter(|_| source.is_some());
        } else if c.passive {
            // a material act in the passive without a `by` agent: who did it is named by
            // the phrase telling where it came from ("fired *from the Gaza Strip*", "freed
            // *from Barad-dur*") or the attack it happened in ("killed *in Israeli
            // shelling*"), the prepositional noun PETRARCH reads as the source; not a
            // place ("arrested in Gondor" says where, not by whom)
            let origin = || {
                c.obliques
                    .iter()
                    .position(|o| {
                        let act = o
                            .phrase
                            .words
                            .get(o.phrase.head)
                            .is_some_and(|w| ATTACK_NOUNS.iter().any(|n| w.is(n)));
                        o.phrase.is_actor && (o.prep.is("FROM") || (o.prep.is("IN") && act))
                    })
                    .map(Role::Oblique)
                    .filter(|_| material(&code))
            };
            source = source.or(by).or_else(origin);
            if target.is_none() && source != subject {
                target = subject;
            }
        } else {
            if source.is_none() && target != subject {
                source = subject;
            }
            if target.is_none() {
                target = object
                    .filter(|o| Some(*o) != source)
                    .or_else(|| first_obl(source));
            }
        }
        Match {
            verb,
            pattern,
            code,
            paired,
            source,
            target,
            specificity: b.lexical,
        }
    }
}

/// True when every code of the pair is an event code: it starts with a digit (`042`,
/// the WEIS-era `075A`), unlike the markers `+++`, `xxy` or `###`.
pub(super) fn is_event_code(c: &CodePair) -> bool {
    [&c.active, &c.passive]
        .into_iter()
        .flatten()
        .all(|s| s.starts_with(|ch: char| ch.is_ascii_digit()))
}

/// True for the codes of material cooperation and conflict (quad classes 2 and 4).
fn material(code: &str) -> bool {
    let root = code.get(..2).and_then(|r| r.parse().ok());
    matches!(root.and_then(quad_class_of_root), Some(2 | 4))
}

/// Nouns of an attack, whose actor did what a material passive reports happened *in* it
/// ("killed in Israeli *shelling*", "wounded in an air *strike* by government forces").
pub(super) const ATTACK_NOUNS: &[&str] = &[
    "SHELLING",
    "STRIKE",
    "STRIKES",
    "AIRSTRIKE",
    "AIRSTRIKES",
    "ATTACK",
    "ATTACKS",
    "RAID",
    "RAIDS",
    "BOMBING",
    "BOMBINGS",
    "BOMBARDMENT",
    "AMBUSH",
    "OFFENSIVE",
    "ASSAULT",
    "FIRE",
    "CROSSFIRE",
    "SHOOTING",
    "CLASH",
    "CLASHES",
];

/// True for a pattern of material conflict or cooperation in a block of statements that
/// its comment writes for another verb of the block: `- * ATTACK [190] # REPORT` reads
/// "reported an attack" as the attack, but "said the attack included missiles" and
/// "described the attacks as a dastardly act" are words about an attack, not one.
fn reported_act_of_another_verb(block: Option<&CodePair>, p: &Pattern, c: &Clause) -> bool {
    // the cheap tests first: most patterns are in no statement block
    let statement = || {
        block
            .and_then(|b| b.active.as_deref())
            .is_some_and(|a| a.starts_with("01"))
    };
    let act = || p.code.active.as_deref().is_some_and(material);
    let named = || p.comment.as_deref().is_some_and(|t| !t.trim().is_empty());
    let speech = || SPEECH_VERBS.iter().any(|v| c.verb.is(v));
    statement() && act() && named() && speech() && !written_for(p, c)
}

/// Verbs that only report words: what their patterns of acts were written for other verbs
/// of the block ("announced sanctions", "reported an attack") does not carry over.
const SPEECH_VERBS: &[&str] = &[
    "SAY", "TELL", "DESCRIBE", "MENTION", "COMMENT", "EXPLAIN", "ADD", "NOTE", "REMARK", "DEPICT",
    "REFER",
];

/// The pattern's comment names the clause's verb (`# RATIFY`): it was written for it.
/// Compared without allocating; a multiword verb's comment (`+CORDON_OFF`) names its first
/// word.
fn written_for(p: &Pattern, c: &Clause) -> bool {
    let Some(w) = p
        .comment
        .as_deref()
        .and_then(|t| t.split_whitespace().next())
    else {
        return false;
    };
    let w = w.trim_start_matches('+');
    let w = w.split('_').next().unwrap_or(w);
    c.verb.lemma_key() == w || c.verb.text_key() == w
}
