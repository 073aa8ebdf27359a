//! What kind of clause a verb heads, read off its tree: gerunds, time/means and reason
//! subordinators, infinitives, trailing participles, finite verbs. [`super::Tree::clauses`]
//! uses these to mark clauses as background or aims and to find inherited subjects; they
//! live apart so the clause builder reads as the order of its decisions.

use super::{base_rel, lemma, ClauseInfo, Tree};

impl Tree<'_> {
    /// Word `v` is a gerund (`VBG`, `VerbForm=Ger`, or an "-ing" word the tagger missed).
    pub(super) fn gerund(&self, v: usize) -> bool {
        let t = &self.toks[v];
        t.xpos.as_deref() == Some("VBG")
            || t.feats
                .as_deref()
                .is_some_and(|f| f.contains("VerbForm=Ger"))
            || t.text.to_lowercase().ends_with("ing")
    }

    /// A gerund under a time subordinator ("before leaving", "after meeting") or of means
    /// ("*by promoting* biofuels": how the main event is done, not another).
    pub(super) fn circumstance_clause(&self, v: usize) -> bool {
        self.gerund(v)
            && self.kids(v).any(|k| {
                matches!(base_rel(&self.toks[k]), "mark" | "case")
                    && matches!(
                        lemma(&self.toks[k]).as_str(),
                        "before" | "after" | "while" | "since" | "until" | "upon" | "by"
                    )
            })
    }

    /// A gerund introduced by "for" ("for helping"): the reason for its governing verb.
    pub(super) fn reason_clause(&self, v: usize) -> bool {
        self.gerund(v)
            && self.kids(v).any(|k| {
                matches!(base_rel(&self.toks[k]), "mark" | "case") && lemma(&self.toks[k]) == "for"
            })
    }

    /// A `to`-infinitive: "efforts *to counter*".
    pub(super) fn infinitival(&self, v: usize) -> bool {
        self.kids(v)
            .any(|k| base_rel(&self.toks[k]) == "mark" && lemma(&self.toks[k]) == "to")
    }

    /// A gerund or participle (`VBG`, `VerbForm=Ger`/`Part`) with a comma before it.
    pub(super) fn participle_after_comma(&self, v: usize) -> bool {
        let t = &self.toks[v];
        let participle = t.xpos.as_deref() == Some("VBG")
            || t.feats
                .as_deref()
                .is_some_and(|f| f.contains("VerbForm=Ger"));
        participle && v > 0 && self.toks[v - 1].text == ","
    }

    /// The clause of the sentence's root verb, if the root is a verb.
    pub(super) fn root_clause(&self, infos: &[ClauseInfo], verbs: &[usize]) -> Option<usize> {
        let root = (0..self.toks.len()).find(|&i| self.heads[i].is_none())?;
        let at = verbs.iter().position(|&v| v == root)?;
        infos.get(at).map(|_| at)
    }

    /// A finite verb (`VerbForm=Fin`): attached as `acl` it is a misparsed main clause
    /// ("Iraq's advisor met with..."), whose subject is the noun it hangs from.
    pub(super) fn finite(&self, v: usize) -> bool {
        self.toks[v]
            .feats
            .as_deref()
            .is_some_and(|f| f.contains("VerbForm=Fin"))
    }

    /// A past participle (`VBN`, `VerbForm=Part` with `Tense=Past`) without an auxiliary:
    /// attached as `acl` it is a reduced passive relative ("soldiers *killed* in Ukraine",
    /// "prisoners *held* by Gondor"), whose noun is what was acted on. One with an object
    /// ("crowds *burned* down its embassy") or a complement ("the leader *prepared* to
    /// attend") is a finite verb the parser hung from a noun.
    pub(super) fn reduced_passive(&self, v: usize) -> bool {
        self.past_participle(v)
            && !self.kids(v).any(|k| {
                matches!(
                    base_rel(&self.toks[k]),
                    "aux" | "nsubj" | "mark" | "obj" | "iobj" | "xcomp"
                )
            })
    }

    /// "Danish media and government *warned* at the Gondor.": a sentence closing on its
    /// full stop whose root is a noun without copula or subject, and whose first verb
    /// after that noun is an "-ed" form hung from it as `acl`. A full sentence needs a
    /// finite verb, and this is the only candidate: the past tense of the main clause,
    /// not a reduced passive relative (which a headline without its full stop may be:
    /// "Five soldiers killed in Gondor").
    pub(super) fn nominal_root_predicate(&self, v: usize) -> bool {
        let Some(h) = self.heads[v].filter(|&h| h < v && self.heads[h].is_none()) else {
            return false;
        };
        let t = &self.toks[v];
        let ed_form = t.xpos.as_deref() == Some("VBD")
            || (self.past_participle(v) && t.text.to_lowercase().ends_with("ed"));
        let nominal = matches!(self.toks[h].upos.as_deref(), Some("NOUN" | "PROPN"))
            && !self
                .kids(h)
                .any(|k| matches!(base_rel(&self.toks[k]), "cop" | "nsubj" | "aux"));
        let stop = self.toks.last().is_some_and(|l| l.text == ".");
        let first_verb = !(h + 1..v).any(|k| super::is_verb(&self.toks[k]));
        let own = !self
            .kids(v)
            .any(|k| matches!(base_rel(&self.toks[k]), "aux" | "nsubj" | "mark"));
        base_rel(t) == "acl" && ed_form && nominal && stop && first_verb && own
    }

    /// A past participle of belief or report hung as `acl` whose complement is a bare
    /// predicate, a participle or adjective without `to` ("a woman *believed* linked to
    /// Al-Qaeda", "soldiers *reported* missing"): the raising passive, its noun the
    /// subject of that small clause.
    pub(super) fn small_clause_passive(&self, v: usize) -> bool {
        let predicate = |x: usize| {
            base_rel(&self.toks[x]) == "xcomp"
                && (self.past_participle(x) || self.toks[x].upos.as_deref() == Some("ADJ"))
                && !self.infinitival(x)
        };
        self.past_participle(v)
            && base_rel(&self.toks[v]) == "acl"
            && self.kids(v).any(predicate)
            && !self.kids(v).any(|k| {
                matches!(
                    base_rel(&self.toks[k]),
                    "aux" | "nsubj" | "mark" | "obj" | "iobj"
                )
            })
    }

    fn past_participle(&self, v: usize) -> bool {
        let t = &self.toks[v];
        let feats = t.feats.as_deref().unwrap_or("");
        t.xpos.as_deref() == Some("VBN")
            || (feats.contains("VerbForm=Part") && feats.contains("Tense=Past"))
    }

    /// A clause opened by the subordinator "that" with a subject of its own: a content
    /// clause ("hopes *that Osgiliath could be drawn*"), whatever relation the parser gave.
    pub(super) fn content_clause(&self, v: usize) -> bool {
        let has = |f: &dyn Fn(usize) -> bool| self.kids(v).any(|k| k < v && f(k));
        has(&|k| base_rel(&self.toks[k]) == "mark" && lemma(&self.toks[k]) == "that")
            && has(&|k| base_rel(&self.toks[k]) == "nsubj")
    }

    pub(super) fn has_own_aux(&self, v: usize) -> bool {
        self.kids(v)
            .any(|k| matches!(base_rel(&self.toks[k]), "aux" | "advmod" | "neg"))
    }
}
