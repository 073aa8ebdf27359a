//! A person's affiliation written after the name, when the body is no actor a dictionary
//! knows but the phrase names where it is: "Owen Dempsey of the Aberdeen Royal Infirmary in
//! the UK", "Philippe Jay of the Institute for Functional Genomics at the National Center
//! for Scientific Research in France", "Ana Ruiz from the University of Chile".
//!
//! `people.rs` codes a person by a coded body right next to the name; this step reads on
//! from an "of"/"from"/"at"/"for" right after the name through the institution's name (its
//! capitalised words and the "of", "for", "at", "in", "the" between them) to the first place
//! or coded body, so the country comes from the words that tie the person to an
//! institution, never from the document around it. It reads the words rather than the
//! parse because the parser often hangs the later links of a long chain on another noun.
//! The sector is the person's own (a title), else that of the first body's head noun
//! ("Institute" EDU, "Infirmary" HLH), else CVL. Names listed right before the one the
//! phrase follows ("Chris Kuo, Struan Wilkie, and Owen Dempsey of ...") share it.

use super::people::derived;
use super::{strip, Resolver};
use crate::codebook::is_joint;
use crate::mention::{ActorKind, ActorMention};

/// Case markers that tie a person to the body right after the name.
const MEMBER_OF: &[&str] = &["of", "from", "at", "for"];
/// Lower-case words inside and between institution names.
const LINKS: &[&str] = &["of", "at", "in", "for", "the", "and", "&", "de"];
/// Words read after the name at most.
const REACH: usize = 20;

/// Where a mention on the chain leaves it: its country, a dead end, or read on.
enum Step {
    Country(String),
    Stop,
    On,
}

impl Resolver<'_> {
    /// An uncoded person whose affiliation phrase names a place or a coded body takes its
    /// country (see the module doc).
    pub(super) fn affiliations(&mut self) {
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            if !open_person(m) || a >= b {
                continue;
            }
            let Some((country, j, body)) = self
                .affiliation(b)
                .or_else(|| self.role_apposition(b).and_then(|p| self.affiliation(p)))
            else {
                continue;
            };
            let body_sector = self.head_sector(body).unwrap_or_else(|| "CVL".into());
            let book = self.dict.codebook();
            let rule = format!(
                "{} + affiliation (\"{}\" -> {country})",
                strip(&m.rule),
                self.out[j].0.mention
            );
            let listed = self.listed_before(a);
            for p in std::iter::once(k).chain(listed) {
                let m = &mut self.out[p].0;
                let sector = m.sector.clone().unwrap_or_else(|| body_sector.clone());
                let code = format!("{country}{sector}");
                if book.is_valid_actor_code(&code) {
                    m.set_code(Some(&code), book);
                    m.rule = rule.clone();
                }
            }
        }
    }

    /// "Phil Chetwynd, director of global news for AFP", "Jane Roe, a senior analyst at
    /// the Lancet": a comma after the name, a role in lower-case words (nouns and
    /// adjectives, an article first and "of" between them) and then a case marker: the
    /// token of that marker, whose chain [`Self::affiliation`] reads as if it followed the
    /// name. A verb or a relative pronoun ("who works for") ends the role, so does a name.
    fn role_apposition(&self, b: usize) -> Option<usize> {
        if self.tok(b)?.text != "," {
            return None;
        }
        let sent = self.sent_of.get(b).copied()?;
        let mut nouns = 0;
        for i in b + 1..(b + 9).min(self.doc.tokens.len()) {
            if self.sent_of.get(i) != Some(&sent) {
                return None;
            }
            let t = &self.doc.tokens[i];
            let word = self.folded[i].as_str();
            if t.text.chars().next().is_some_and(char::is_uppercase) && i > b + 1 {
                return None;
            }
            if MEMBER_OF.contains(&word) && nouns > 0 {
                // "director of global news for AFP": "of" inside the role when lower-case
                // words follow it, the marker of the body when a name does
                let next = self.tok(i + 1)?;
                let after = if self.word(i + 1) == "the" {
                    self.tok(i + 2)?
                } else {
                    next
                };
                if after.text.chars().next().is_some_and(char::is_uppercase) {
                    return Some(i);
                }
                if word != "of" {
                    return None;
                }
                continue;
            }
            match t.upos.as_deref() {
                Some("DET") if i == b + 1 && matches!(word, "a" | "an" | "the") => {}
                Some("NOUN") => nouns += 1,
                Some("ADJ") => {}
                _ => return None,
            }
        }
        None
    }

    /// The uncoded named people listed right before token `a` ("Chris Kuo, Struan Wilkie,
    /// and Owen Dempsey of ..."): names joined by commas and "and" only, nearest first.
    fn listed_before(&self, a: usize) -> Vec<usize> {
        let mut found = Vec::new();
        let mut i = a;
        loop {
            let mut j = i;
            while j > 0 && matches!(self.doc.tokens[j - 1].text.as_str(), "," | "and") {
                j -= 1;
            }
            if j == i || j == 0 {
                return found;
            }
            let Some(p) = self.mention_at(j - 1) else {
                return found;
            };
            let (m, (x, y)) = (&self.out[p].0, self.out[p].1);
            if y != j || !open_person(m) {
                return found;
            }
            found.push(p);
            i = x;
        }
    }

    /// The country of the chain of names starting with the case marker at token `b`, the
    /// mention that gave it, and the head noun of the first body (the last capitalised word
    /// before the first link word).
    fn affiliation(&self, b: usize) -> Option<(String, usize, usize)> {
        self.tok(b)?;
        if !MEMBER_OF.contains(&self.word(b)) {
            return None;
        }
        let sent = self.sent_of.get(b).copied()?;
        let mut body: Option<usize> = None;
        let mut first_done = false;
        let end = (b + 1 + REACH).min(self.doc.tokens.len());
        let mut i = b + 1;
        while i < end && self.sent_of.get(i) == Some(&sent) {
            if let Some(j) = self.mention_at(i) {
                match self.chain_step(j) {
                    Step::Country(c) => return Some((c, j, body.unwrap_or(i))),
                    Step::Stop => return None,
                    Step::On => {}
                }
            }
            let text = &self.doc.tokens[i].text;
            let word = self.folded[i].as_str();
            let capital = text.chars().next().is_some_and(char::is_uppercase);
            if LINKS.contains(&word) && !(capital && word != "the") {
                first_done |= body.is_some();
            } else if capital && text.chars().any(char::is_alphabetic) {
                if !first_done {
                    body = Some(i);
                }
            } else {
                return None;
            }
            i += 1;
        }
        None
    }

    /// What the mention `j` met on an affiliation chain says: a place or a body with a
    /// country of its own gives it; a person, a body without a country (an international
    /// organisation) or a joint code ends the chain; a bare role noun ("Infirmary" HLH) or a
    /// body whose country was copied from its context is read past.
    fn chain_step(&self, j: usize) -> Step {
        let x = &self.out[j].0;
        // a role noun inside the name ("Royal" in "Aberdeen Royal Infirmary") is no person
        if x.kind == ActorKind::Person && !x.rule.starts_with("agent") {
            return Step::Stop;
        }
        let place = x.kind == ActorKind::Country && x.rule.starts_with("dictionary");
        if x.rule.starts_with("agent") && !place {
            return Step::On;
        }
        let Some(code) = x.code.as_deref() else {
            return Step::On;
        };
        if !place && derived(&x.rule) {
            return Step::On;
        }
        if x.country.is_none() && x.sector.as_deref() == Some(code) {
            return Step::On;
        }
        match x.country.clone() {
            Some(c) if !is_joint(code) => Step::Country(c),
            _ => Step::Stop,
        }
    }
}

/// A person the NER or a role-and-name rule found and nothing has coded yet.
fn open_person(m: &ActorMention) -> bool {
    m.kind == ActorKind::Person
        && m.code.is_none()
        && (m.rule.starts_with("ner PER") || m.rule.starts_with("agent+name"))
}
