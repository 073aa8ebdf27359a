//! A person's nationality written in apposition: "Sirhan, an ethnic Palestinian from
//! Jordan", "Khairi Saadallah, a Libyan national", "Mr Lee, a Korean from Busan". A story
//! set in another country gives an unknown person the document's country (or the nearest
//! country of the sentence, or a body named next to the name): a guess, which the
//! apposition corrects for every mention of that person.
//!
//! The apposition is a comma right after the name, an optional article, at most two plain
//! lower-case words ("ethnic", "24-year-old"), a demonym, at most one lower-case noun
//! ("national", "citizen", "man") and, optionally, "from" or "of" and a country: the
//! country after "from" wins over the demonym (an ethnic group's demonym, a birthplace),
//! else the demonym gives it. The demonym is a description of the person, not an actor of
//! its own, and is dropped. Names the text codes itself (a dictionary person, a title) are
//! left alone.

use super::Resolver;
use crate::mention::ActorKind;

impl Resolver<'_> {
    /// Persons followed by a nationality apposition take its country, with every mention
    /// of the same person that had the guessed country.
    pub(super) fn nationality_appositions(&mut self) {
        let mut drop = Vec::new();
        for k in 0..self.out.len() {
            let (m, (_, b)) = (&self.out[k].0, self.out[k].1);
            if m.kind != ActorKind::Person || m.rule.starts_with("agent") {
                continue;
            }
            let Some((j, country)) = self.nationality_after(b) else {
                continue;
            };
            // the apposition step may have given the name the demonym already: "Sirhan"
            // PSE by "Palestinian", where "from Jordan" says more
            if !self.open_code(k) && !m.rule.starts_with("apposition (with") {
                continue;
            }
            // a surname alone: the person named in full before with an open code
            let first = self.surname_of(k).filter(|&f| self.open_code(f));
            let (old, entity) = match first {
                Some(f) => (self.out[f].0.country.clone(), self.out[f].0.entity.clone()),
                None => (m.country.clone(), m.entity.clone()),
            };
            if m.country.as_deref() == Some(country.as_str()) && old == m.country {
                continue;
            }
            let why = format!("nationality (\"{}\" -> {country})", self.out[j].0.mention);
            let book = self.dict.codebook();
            let same = |x: &crate::mention::ActorMention| {
                x.kind == ActorKind::Person && entity.is_some() && x.entity == entity
            };
            for i in 0..self.out.len() {
                let x = &self.out[i].0;
                if i != k && !(same(x) && x.country == old) {
                    continue;
                }
                let sector = x.sector.clone().unwrap_or_else(|| "CVL".into());
                let code = format!("{country}{sector}");
                if !book.is_valid_actor_code(&code) {
                    continue;
                }
                let rule = format!("{} + {why}", super::strip(&x.rule));
                let x = &mut self.out[i].0;
                x.set_code(Some(&code), book);
                x.rule = rule;
                if entity.is_some() {
                    x.entity = entity.clone();
                }
            }
            drop.push(j);
        }
        drop.sort_unstable();
        drop.dedup();
        for j in drop.into_iter().rev() {
            self.out.remove(j);
        }
    }

    /// Mention `k` has no code of its own from the text: none, a guess from around it, or
    /// a surname of a person whose first full mention has one of those.
    fn open_code(&self, k: usize) -> bool {
        let m = &self.out[k].0;
        let guess = |r: &str| {
            r.contains("document country")
                || r.contains("sentence country")
                || r.contains(dyad_core::CONTEXT_COUNTRY_RULE)
                || r.contains("+ body")
        };
        if m.code.is_none() || guess(&m.rule) {
            return true;
        }
        if !m.rule.starts_with("surname") || m.entity.is_none() {
            return false;
        }
        self.out
            .iter()
            .find(|(x, _)| x.entity == m.entity && !x.rule.starts_with("surname"))
            .is_some_and(|(x, _)| x.code.is_none() || guess(&x.rule))
    }

    /// For a one-word person, the first person of two words or more before it whose last
    /// word it is ("Sirhan" after "Kennedy assassin Sirhan Sirhan").
    fn surname_of(&self, k: usize) -> Option<usize> {
        let (a, b) = self.out[k].1;
        if b != a + 1 {
            return None;
        }
        let word = self.folded[a].clone();
        (0..k).find(|&f| {
            let (x, (fa, fb)) = (&self.out[f].0, self.out[f].1);
            x.kind == ActorKind::Person
                && fb >= fa + 2
                && !x.rule.starts_with("agent")
                && self.folded[fb - 1] == word
        })
    }

    /// ", an ethnic Palestinian from Jordan" right after token `b - 1`: the demonym's
    /// mention and the country the apposition gives.
    fn nationality_after(&self, b: usize) -> Option<(usize, String)> {
        let text = |i: usize| self.word(i);
        let plain = |i: usize| {
            self.tok(i).is_some_and(|t| {
                t.text.chars().next().is_some_and(char::is_lowercase)
                    && t.text.chars().any(char::is_alphabetic)
            }) && self.mention_at(i).is_none()
        };
        if text(b) != "," {
            return None;
        }
        let sent = self.sent_of.get(b).copied()?;
        let mut i = b + 1;
        if matches!(text(i), "a" | "an") {
            i += 1;
        }
        for _ in 0..2 {
            if self.mention_at(i).is_none() && plain(i) {
                i += 1;
            }
        }
        let j = self.mention_at(i)?;
        let (dm, (da, db)) = (&self.out[j].0, self.out[j].1);
        if da != i || !dm.rule.starts_with("dictionary (demonym") || db > self.doc.tokens.len() {
            return None;
        }
        let mut country = dm.country.clone()?;
        let mut e = db;
        if plain(e) && !matches!(text(e), "from" | "of" | "who" | "and") {
            e += 1;
        }
        if matches!(text(e), "from" | "of") {
            let from = self.mention_at(e + 1).map(|c| &self.out[c]);
            if let Some((c, (ca, _))) = from {
                let place = *ca == e + 1 && c.rule.starts_with("dictionary (country");
                if place {
                    country = c.country.clone()?;
                }
            }
        }
        (self.sent_of.get(i) == Some(&sent)).then_some((j, country))
    }
}
