//! Which tokens are actors and how phrases are read: coordinated heads, the actor token
//! of a phrase (looking through "officials *of Gondor*"), sector sharing in coordinations,
//! and the matcher [`Phrase`]/[`Oblique`] of a nominal subtree. Apart from the clause
//! builder because both the roles and the coder ask these questions.

use super::{base_rel, is_verb, word, Tree};
use crate::clause_builder::NOUN_PHRASE_RELATIONS;
use crate::matcher::{Oblique, Phrase};

impl Tree<'_> {
    /// `head` and the heads coordinated with it (`Arnor and Gondor`), in text order. A
    /// comma list the parser read as an apposition with coordinated parts ("Mordor, *the
    /// Shire*, Fornost and Bree", the Shire `appos` of Mordor and the rest its `conj`) is
    /// one coordination, as PETRARCH reads comma-delimited compounds.
    pub fn conjuncts(&self, head: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(4);
        out.push(head);
        let mut i = 0;
        let coordinated = |k: usize| base_rel(&self.toks[k]) == "conj" && !is_verb(&self.toks[k]);
        while i < out.len() && out.len() < 16 {
            let h = out[i];
            for k in self.kids(h) {
                let listed = base_rel(&self.toks[k]) == "appos" && self.kids(k).any(coordinated);
                if (coordinated(k) || listed) && !out.contains(&k) {
                    out.push(k);
                }
            }
            i += 1;
        }
        out.sort_unstable();
        out
    }

    /// Countries coordinated with the one inside a composed actor: "the ambassadors of
    /// Arnor, *Osgiliath* and *Gondor*" (one mention `ARNGOV`), "lawmakers in Fornost and
    /// *Gondor*" (`FORLEG` on `lawmakers`): each is an actor of the same sector. `t` is the
    /// composed actor's token; returns actor indexes.
    pub fn sector_sharers(&self, t: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let Some(a) = self.actor_at(t).filter(|&a| self.sectored[a]) else {
            return out;
        };
        // the countries of the mention (its own tokens) and of the head's nominal modifiers
        let inside = (0..self.toks.len()).filter(|&k| self.actor[k] == Some(a));
        // a modifier after the whole coordination belongs to every conjunct: "lawmakers
        // and *officials* in Fornost and Gondor", the parse hanging it on the first
        let first = (base_rel(&self.toks[t]) == "conj")
            .then(|| self.heads[t])
            .flatten()
            .filter(|&h| !is_verb(&self.toks[h]));
        let shared = first
            .into_iter()
            .flat_map(|h| self.kids(h))
            .filter(move |&k| k > t);
        let modifiers = self
            .kids(t)
            .chain(shared)
            .filter(|&k| base_rel(&self.toks[k]) == "nmod");
        for k in inside.chain(modifiers) {
            // "US and *British* activists": a mention word coordinated under a country
            // before it (the parse makes `British` the conjunct of `US`) shares too
            let mut first = k;
            while base_rel(&self.toks[first]) == "conj" && !is_verb(&self.toks[first]) {
                match self.heads[first] {
                    Some(h) if h != t && self.actor[h] != Some(a) => first = h,
                    _ => break,
                }
            }
            let before = (first != k).then_some(first);
            let after = self
                .kids(k)
                .chain(before.into_iter().flat_map(|f| self.kids(f)))
                .filter(|&j| base_rel(&self.toks[j]) == "conj" && !is_verb(&self.toks[j]));
            for j in before.into_iter().chain(after) {
                if let Some(b) = self
                    .coded_actor_at(j)
                    .filter(|&b| b != a && self.country[b])
                {
                    if !out.contains(&b) {
                        out.push(b);
                    }
                }
            }
        }
        out
    }

    /// Token `t` is coordinated under token `h` ("attacked Iraq and *taken* Mosul").
    pub fn is_conjunct_of(&self, t: usize, h: usize) -> bool {
        self.heads.get(t) == Some(&Some(h)) && base_rel(&self.toks[t]) == "conj"
    }

    /// The actor of the phrase headed by `head`: the mention on the head, else the nearest
    /// one among its nominal modifiers (breadth first; not into clauses or conjuncts).
    pub fn actor_of_phrase(&self, head: usize) -> Option<usize> {
        self.actor_token(head).and_then(|t| self.actor[t])
    }

    /// The actor of token `t`'s mention, if a mention covers it.
    pub fn actor_at(&self, t: usize) -> Option<usize> {
        self.actor.get(t).copied().flatten()
    }

    /// The actor of token `t`'s mention when it is not a null actor.
    pub fn coded_actor_at(&self, t: usize) -> Option<usize> {
        self.actor_at(t).filter(|&a| !self.null[a])
    }

    /// The token of the phrase's actor (see [`Tree::actor_of_phrase`]): a coded actor
    /// first, else a null actor (`---GOV`) in the phrase.
    pub fn actor_token(&self, head: usize) -> Option<usize> {
        let mut queue = Vec::with_capacity(8);
        queue.push(head);
        let mut null = None;
        let mut i = 0;
        while i < queue.len() && i < 64 {
            let n = queue[i];
            match self.actor[n] {
                Some(a) if !self.null[a] => return Some(n),
                Some(_) => {
                    null.get_or_insert(n);
                }
                None => {}
            }
            for k in self.kids(n) {
                let r = base_rel(&self.toks[k]);
                if matches!(
                    r,
                    "compound" | "amod" | "nmod" | "flat" | "appos" | "name" | "obl"
                ) && !self.closing_attribution(k)
                {
                    queue.push(k);
                }
            }
            i += 1;
        }
        null
    }

    /// The first coded actor anywhere under `head`, breadth first, its clauses included
    /// ("the roads leading into *Mordor*"): PETRARCH's reading of a target in a deeper
    /// phrase of the object.
    pub fn deep_actor_token(&self, head: usize) -> Option<usize> {
        let mut queue = Vec::with_capacity(8);
        queue.push(head);
        let mut i = 0;
        while i < queue.len() && i < 64 {
            let n = queue[i];
            if self.coded_actor_at(n).is_some() {
                return Some(n);
            }
            // not into coordinated words or clauses, nor into an infinitive (an aim:
            // "efforts to counter militants"): their actors are not the object's
            queue.extend(self.kids(n).filter(|&k| {
                !matches!(base_rel(&self.toks[k]), "conj" | "parataxis" | "punct")
                    && (base_rel(&self.toks[k]) != "acl" || !self.infinitival(k))
                    && !self.closing_attribution(k)
            }));
            i += 1;
        }
        None
    }

    /// A gerund right after the object's head word, hung from verb `v` as a clause of its
    /// own although it continues the object's noun ("rescheduled his annual mushroom
    /// *hunting* trip in the White Downs"): no comma, marker, subject or auxiliary
    /// separates it, as none would in a noun compound.
    pub fn object_gerund(&self, v: usize, obj: usize) -> Option<usize> {
        let k = obj + 1;
        let t = self.toks.get(k)?;
        let gerund = t.xpos.as_deref() == Some("VBG")
            || t.feats
                .as_deref()
                .is_some_and(|f| f.contains("VerbForm=Ger"));
        let bare = !self.kids(k).any(|d| {
            matches!(
                base_rel(&self.toks[d]),
                "mark" | "nsubj" | "aux" | "punct" | "advmod"
            )
        });
        (gerund && bare && self.heads[k] == Some(v) && base_rel(t) == "advcl").then_some(k)
    }

    /// Token `k` heads the speaker of a closing attribution the parser hung as an
    /// apposition of the noun before it ("burned down its embassy, *a senior official*
    /// said"): the subject of the verb right after it, no part of that noun's phrase.
    pub(super) fn closing_attribution(&self, k: usize) -> bool {
        if base_rel(&self.toks[k]) != "appos" {
            return false;
        }
        if self.toks.get(k + 1).is_some_and(is_verb) {
            return self.attribution_subject(k + 1, None) == Some(k);
        }
        // ", the official news agency *WFNA* said": the phrase ends in a name the parser
        // made the verb's subject, the rest hung as an apposition of the noun before;
        // the speaker's actor is then a word of the phrase up to `k`
        let name = |t: usize| {
            self.toks
                .get(t)
                .is_some_and(|x| x.upos.as_deref() == Some("PROPN"))
        };
        let mut v = k + 1;
        while name(v) && v - k <= 3 {
            v += 1;
        }
        let named_subject = v > k + 1
            && self.toks.get(v).is_some_and(is_verb)
            && self.heads[v - 1] == Some(v)
            && base_rel(&self.toks[v - 1]) == "nsubj";
        named_subject && self.attribution_subject(v, None).is_some_and(|t| t <= k)
    }

    /// The matcher phrase headed by `head` (its nominal subtree), without token `skip`.
    pub(super) fn phrase(&self, head: usize, skip: Option<usize>) -> Phrase {
        // room for a phrase of common length, grown once instead of word by word
        let mut idx = Vec::with_capacity(16);
        idx.push(head);
        let mut stack = Vec::with_capacity(16);
        stack.push(head);
        while let Some(n) = stack.pop() {
            for k in self.kids(n) {
                let t = &self.toks[k];
                // the plain builder's list, and the rest of a multiword preposition
                // inside the phrase ("the talks *ahead of* the summit": `fixed` on
                // "ahead"), which the words a pattern names may include
                let b = base_rel(t);
                let keep = (NOUN_PHRASE_RELATIONS.contains(&b) || b == "fixed")
                    && !self.closing_attribution(k);
                if keep && Some(k) != skip && idx.len() < 64 {
                    idx.push(k);
                    stack.push(k);
                }
            }
        }
        idx.sort_unstable();
        let head_pos = idx.iter().position(|&i| i == head).unwrap_or(0);
        let is_actor = self
            .conjuncts(head)
            .into_iter()
            .any(|c| self.actor_of_phrase(c).is_some());
        Phrase {
            words: idx.iter().map(|&i| word(&self.toks[i])).collect(),
            head: head_pos,
            is_actor,
            token: Some(head),
        }
    }

    pub(super) fn oblique(&self, d: usize) -> Option<Oblique> {
        let case = self.child_with(d, |_, b| b == "case")?;
        // multiword prepositions ("because of", "on behalf of") keep their last word
        Some(Oblique {
            prep: word(&self.toks[case]),
            phrase: self.phrase(d, Some(case)),
        })
    }
}
