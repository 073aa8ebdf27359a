//! A verb's own roles: subject (active or passive), object, obliques, negation, future,
//! place, and a closing attribution the parser hung elsewhere. Kept apart from
//! [`super::Tree::clauses`], which links clauses and inherits subjects between them.

use super::{base_rel, lemma, rel, word, ClauseInfo, Tree, NEGATORS};
use crate::matcher::{Clause, Oblique, Word};

impl Tree<'_> {
    /// The head of an actor noun phrase standing between a comma and verb `v`, directly
    /// before it (", a senior Bree official said"), when the verb's parsed subject `subject`
    /// lies before that comma or is missing (the parser attached the phrase elsewhere), or
    /// is an uncoded word of the phrase (the actor is then the phrase's first actor word).
    pub(super) fn attribution_subject(&self, v: usize, subject: Option<usize>) -> Option<usize> {
        let h = v.checked_sub(1)?;
        if !matches!(self.toks[h].upos.as_deref(), Some("NOUN" | "PROPN")) {
            return None;
        }
        // the phrase runs back to a comma, six words at most, nouns and modifiers only
        let mut k = h;
        let comma = loop {
            k = k.checked_sub(1)?;
            let t = &self.toks[k];
            if t.text == "," {
                break k;
            }
            let modifier = matches!(
                t.upos.as_deref(),
                Some("NOUN" | "PROPN" | "ADJ" | "DET" | "ADV" | "NUM")
            );
            if !modifier || h - k > 6 {
                return None;
            }
        };
        let uncoded = |t: usize| self.actor_at(t).is_none() && self.actor_token(t).is_none();
        let before = subject.is_none_or(|s| s < comma);
        let attached_elsewhere = self.heads[h] != Some(v);
        if before && attached_elsewhere && !uncoded(h) {
            return Some(h);
        }
        // ", the official news agency WFNA said": the phrase ends in a name no dictionary
        // codes, its actor is a word before it (`official`, ---GOV)
        let uncoded_subject = subject.is_some_and(|s| s > comma && s < v && uncoded(s));
        if !(uncoded(h) && (before || uncoded_subject)) {
            return None;
        }
        (comma + 1..v).find(|&t| self.actor_at(t).is_some())
    }

    /// The verb's own subject, object and obliques.
    pub(super) fn own_roles(&self, v: usize, c: &mut Clause, ci: &mut ClauseInfo) {
        for d in self.kids(v) {
            let t = &self.toks[d];
            match (rel(t), base_rel(t)) {
                ("nsubj:pass" | "nsubjpass" | "csubj:pass", _) => {
                    c.passive = true;
                    c.subject = Some(self.phrase(d, None));
                    ci.subject = Some(d);
                    ci.subjects.push(d);
                }
                (_, "nsubj") => {
                    // of several subjects the parser split ("Old foes Gondor and
                    // Osgiliath"), the matcher reads the first that names an actor
                    let actor_first = ci.subject.is_some()
                        && !c.subject.as_ref().is_some_and(|p| p.is_actor)
                        && self.actor_token(d).is_some();
                    if ci.subject.is_none() || actor_first {
                        c.subject = Some(self.phrase(d, None));
                        ci.subject = Some(d);
                    }
                    ci.subjects.push(d);
                }
                ("obj" | "dobj", _) => {
                    c.object = Some(self.phrase(d, None));
                    ci.object = Some(d);
                }
                ("aux:pass" | "auxpass", _) => {
                    c.passive = true;
                    c.pre_verb.push(word(t));
                }
                ("compound:prt", _) => c.particle = Some(word(t)),
                (_, "aux") => {
                    if matches!(lemma(t).as_str(), "will" | "shall" | "'ll") {
                        ci.future = true;
                    }
                    c.pre_verb.push(word(t));
                }
                (_, "advmod" | "neg") => {
                    if NEGATORS.contains(&lemma(t).as_str()) {
                        ci.negated = true;
                    }
                    // an adverb's own modifiers before it ("most certainly") are words
                    // before the verb too, as a pattern reads them
                    let pre: Vec<Word> = self
                        .kids(d)
                        .filter(|&k| k < d && base_rel(&self.toks[k]) == "advmod")
                        .map(|k| word(&self.toks[k]))
                        .collect();
                    c.pre_verb.extend(pre);
                    c.pre_verb.push(word(t));
                    // and adverbs coordinated with it ("heavily and unjustly")
                    let coordinated: Vec<Word> = self
                        .kids(d)
                        .filter(|&k| base_rel(&self.toks[k]) == "conj")
                        .filter(|&k| self.toks[k].upos.as_deref() == Some("ADV"))
                        .map(|k| word(&self.toks[k]))
                        .collect();
                    c.pre_verb.extend(coordinated);
                }
                // a lone function word before the verb the parser hung from it in another
                // role ("*Neither* Galadriel nor Gollum boycotted", `neither` as `obl`) is a
                // word before the verb, as a pattern reads it (`NEITHER *`)
                (_, "obl" | "dep" | "det" | "cc")
                    if d < v
                        && self.children[d].is_empty()
                        && matches!(t.upos.as_deref(), Some("DET" | "ADV" | "CCONJ" | "PART")) =>
                {
                    c.pre_verb.push(word(t));
                }
                (_, "iobj") => {
                    c.obliques.push(Oblique {
                        prep: Word::new("to", "to"),
                        phrase: self.phrase(d, None),
                    });
                    ci.obliques.push(d);
                }
                // a bare noun phrase after the verb is its object ("address EU leaders");
                // so is an actor the parser left as a plain `obl` with no preposition
                // ("asked *Xi Jinping* for help")
                (rl, _)
                    if (matches!(rl, "obl:unmarked" | "obl:npmod")
                        || (rl == "obl" && self.actor_token(d).is_some()))
                        && ci.object.is_none()
                        && d > v
                        && self.child_with(d, |_, b| b == "case").is_none() =>
                {
                    c.object = Some(self.phrase(d, None));
                    ci.object = Some(d);
                }
                (_, "obl" | "nmod")
                    if c.particle.is_none()
                        && ci.object.is_none()
                        && self.particle_as_case(v, d).is_some() =>
                {
                    // "cordoned off the roads" parsed with `off` as the case of `roads`:
                    // the verb's particle and its object
                    let k = self.particle_as_case(v, d).unwrap_or(d);
                    c.particle = Some(word(&self.toks[k]));
                    c.object = Some(self.phrase(d, Some(k)));
                    ci.object = Some(d);
                }
                (_, "obl" | "nmod") => {
                    if let Some(o) = self.oblique(d) {
                        let p = o.prep.lemma().to_lowercase();
                        // who reported it or the channel it went by ("*according to* the
                        // AP", "criticised the decision *via* Twitter") takes no part
                        if self.attribution_or_channel(d, &p) {
                            continue;
                        }
                        if ci.location.is_none()
                            && matches!(p.as_str(), "in" | "at")
                            && self.toks[d].upos.as_deref() == Some("PROPN")
                        {
                            let span = self.flat_span(d);
                            ci.location = Some(span);
                        }
                        c.obliques.push(o);
                        ci.obliques.push(d);
                    }
                }
                _ => {}
            }
        }
        // UD gives `iobj` only beside an `obj`: a lone one is the object, a misparse of
        // "asked *Obama* to help Iran"
        if ci.object.is_none() {
            if let Some(k) = ci
                .obliques
                .iter()
                .position(|&d| base_rel(&self.toks[d]) == "iobj")
            {
                c.object = Some(c.obliques.remove(k).phrase);
                ci.object = Some(ci.obliques.remove(k));
            }
        }
        self.misattached_phrases(v, c, ci);
        // ", a senior Bree official said": a closing attribution whose noun phrase the
        // parser hung elsewhere (an apposition of "embassy") while giving the verb a subject
        // before the comma; the actor right before the verb is its subject
        if let Some(h) = self.attribution_subject(v, ci.subject) {
            c.subject = Some(self.phrase(h, None));
            ci.subject = Some(h);
            ci.subjects = vec![h];
        }
        self.agent_as_subject(c, ci);
        // the object's prepositional modifiers: "accused Gondor of war crimes"
        if let Some(o) = ci.object {
            for d in self.kids(o) {
                if base_rel(&self.toks[d]) == "nmod" && rel(&self.toks[d]) != "nmod:poss" {
                    if let Some(ob) = self.oblique(d) {
                        c.obliques.push(ob);
                        ci.obliques.push(d);
                    }
                }
            }
        }
    }

    /// True for an oblique that names a report's source or the medium a message went by,
    /// never a participant: "*according to* the AP" (`according` as the case, or `to`
    /// right after it), "*via* Twitter".
    fn attribution_or_channel(&self, d: usize, prep: &str) -> bool {
        if matches!(prep, "via" | "according" | "accord") {
            return true;
        }
        let Some(case) = self.child_with(d, |_, b| b == "case") else {
            return false;
        };
        let text = |k: usize| self.toks[k].text.to_lowercase();
        let to = text(case) == "to";
        text(case) == "according"
            || (to && case.checked_sub(1).is_some_and(|k| text(k) == "according"))
    }

    /// Two shapes UD does not allow, which a parser produces when it hangs a phrase on the
    /// wrong word, read back as the verb's:
    /// - an object under a noun: "cordoned off *for construction the roads* leading into
    ///   Mordor" (`roads` as `obj` of `construction`), the verb's object when it has none;
    /// - a preposition heading a noun phrase of its own: "fired two shells *at New Zealand*
    ///   on Thursday" (`at` the `case` of `Thursday`, `New Zealand` its `obj`), an oblique of
    ///   the verb with that preposition.
    fn misattached_phrases(&self, v: usize, c: &mut Clause, ci: &mut ClauseInfo) {
        let nominal = |t: usize| {
            matches!(
                self.toks[t].upos.as_deref(),
                Some("NOUN" | "PROPN" | "PRON")
            )
        };
        let obliques = self
            .kids(v)
            .filter(|&d| d > v && matches!(base_rel(&self.toks[d]), "obl" | "nmod"));
        for d in obliques {
            if ci.object.is_none() && self.toks[d].upos.as_deref() == Some("NOUN") {
                if let Some(o) = self
                    .kids(d)
                    .find(|&o| o > d && base_rel(&self.toks[o]) == "obj")
                {
                    c.object = Some(self.phrase(o, None));
                    ci.object = Some(o);
                }
            }
            let Some(case) = self.child_with(d, |_, b| b == "case") else {
                continue;
            };
            let inner = self.kids(case).find(|&n| {
                n > case && matches!(base_rel(&self.toks[n]), "obj" | "obl" | "nmod") && nominal(n)
            });
            if let Some(n) = inner {
                c.obliques.push(Oblique {
                    prep: word(&self.toks[case]),
                    phrase: self.phrase(n, None),
                });
                ci.obliques.push(n);
            }
        }
    }

    /// A passive with its agent reads as the active clause: "Evidence against Russia was
    /// presented by the US" matches `* EVIDENCE (AGAINST +)` as "the US presented...".
    pub(super) fn agent_as_subject(&self, c: &mut Clause, ci: &mut ClauseInfo) {
        if c.passive && c.object.is_none() && c.subject.is_some() {
            let by = c
                .obliques
                .iter()
                .position(|o| o.prep.lemma().eq_ignore_ascii_case("by"));
            if let Some(bi) = by {
                let agent = c.obliques.remove(bi);
                let agent_head = ci.obliques.remove(bi);
                c.object = c.subject.take();
                ci.object = ci.subject.take();
                c.subject = Some(agent.phrase);
                ci.subject = Some(agent_head);
                ci.subjects = vec![agent_head];
                c.passive = false;
            }
        }
    }

    /// "Calenardhon and the evil Arnor welcomed ..., the news agency WFNA said": a
    /// subject list whose first member the parser hung, with its `and`, as a second subject
    /// of the verb the sentence closes on, while the list's last member is the subject of a
    /// verb under that one. A verb has one subject, and the later verb's own subject closes
    /// the list: the first member joins it.
    pub(super) fn rejoin_split_subjects(&self, infos: &mut [ClauseInfo]) {
        for vi in 0..infos.len() {
            let v = infos[vi].verb;
            if infos[vi].subjects.len() < 2 {
                continue;
            }
            for x in infos[vi].subjects.clone() {
                let w = infos.iter().position(|w| {
                    let Some(s) = w.subject else { return false };
                    let joined = (x + 1..s).any(|k| {
                        base_rel(&self.toks[k]) == "cc"
                            && matches!(lemma(&self.toks[k]).as_str(), "and" | "or")
                            && (self.heads[k] == Some(v) || self.heads[k] == Some(s))
                    });
                    // the verb's other subject stands after the later verb, as a closing
                    // attribution's does
                    let other_after = infos[vi].subjects.iter().any(|&y| y > w.verb && y < v);
                    x < s
                        && s < w.verb
                        && w.verb < v
                        && self.verb_above(w.verb) == Some(v)
                        && joined
                        && other_after
                        && self.actor_token(x).is_some()
                        && self.actor_token(s).is_some()
                });
                let Some(wi) = w else { continue };
                infos[wi].subjects.insert(0, x);
                infos[vi].subjects.retain(|&y| y != x);
                if infos[vi].subject == Some(x) {
                    let rest = infos[vi].subjects.first().copied();
                    infos[vi].subject = rest;
                    infos[vi].clause.subject = rest.map(|r| self.phrase(r, None));
                }
            }
        }
    }

    /// First and last token of a name (the head with its `flat`/`compound` parts).
    pub(super) fn flat_span(&self, h: usize) -> (usize, usize) {
        let (mut a, mut b) = (h, h);
        for k in self.kids(h) {
            if matches!(base_rel(&self.toks[k]), "flat" | "compound") {
                a = a.min(k);
                b = b.max(k);
            }
        }
        (a, b)
    }
}
