//! `country noun`: "the country", "the nation", "his country" acting in a clause ("the
//! nation learned that ...", "the country would not put up with ...") stand for a country
//! the text has named: the one country named in their sentence or the one before, else
//! the document's main country. Only as a subject or object, with a definite or
//! possessive determiner: "a country", "the country's economy" and "across the nation"
//! are no actors.
//!
//! Apart from `compose.rs` because it makes a mention where the dictionaries have none
//! (the agents file has no "country" role: it has no sector), and codes it with a
//! country alone.

use super::people::DocCountry;
use super::Resolver;
use crate::mention::ActorKind;

/// Nouns that stand for a country.
const COUNTRY_NOUNS: &[&str] = &["country", "nation"];
/// Determiners that make them definite.
const DEFINITE: &[&str] = &["the", "this", "his", "her", "their", "our"];
/// Relations of a noun that acts in its clause.
const ACTING: &[&str] = &["nsubj", "nsubj:pass", "obj", "iobj"];

impl Resolver<'_> {
    pub(super) fn country_nouns(&mut self, main: Option<&DocCountry>) {
        let mut found = Vec::new();
        for i in 1..self.doc.tokens.len() {
            let t = &self.doc.tokens[i];
            if t.upos.as_deref() != Some("NOUN")
                || !ACTING.contains(&self.deprel(i))
                || !COUNTRY_NOUNS.contains(&self.folded[i].as_str())
            {
                continue;
            }
            let det = i - 1;
            let definite = self.tok(det).and_then(|d| d.head) == Some(i)
                && DEFINITE.contains(&self.folded[det].as_str());
            if !definite || self.mention_at(i).is_some() {
                continue;
            }
            let named = self.named_country(i);
            let (code, why) = match (named, main) {
                (Some((code, name)), _) => (code, format!("named \"{name}\"")),
                (None, Some(m)) => (m.code.clone(), m.why.clone()),
                (None, None) => continue,
            };
            found.push((det, i, code, why));
        }
        let book = self.dict.codebook();
        for (a, i, code, why) in found {
            if code.len() != 3 || !book.is_valid_actor_code(&code) {
                continue;
            }
            let rule = format!("country noun + {} ({why})", dyad_core::CONTEXT_COUNTRY_RULE);
            let (mut m, r) = self.new_mention((a, i + 1), ActorKind::Country, None, rule);
            m.set_code(Some(&code), book);
            self.out.push((m, r));
        }
        self.out.sort_by_key(|(m, _)| m.span.start);
    }

    /// The one country (a country mention, not a demonym of a topic) named in token `i`'s
    /// sentence or the one before, with the mention's text; none when two are.
    fn named_country(&self, i: usize) -> Option<(String, String)> {
        let s = self.sent_of.get(i).copied()?;
        let mut seen: Vec<(String, String)> = Vec::new();
        for (k, (m, (a, _))) in self.out.iter().enumerate() {
            let ms = self.sent_of.get(*a).copied().unwrap_or(usize::MAX);
            let near = ms == s || ms + 1 == s;
            if !near || m.kind != ActorKind::Country || self.topic_demonym(k) {
                continue;
            }
            let Some(c) = m.country.clone() else {
                continue;
            };
            if !seen.iter().any(|(x, _)| *x == c) {
                seen.push((c, m.mention.clone()));
            }
        }
        (seen.len() == 1).then(|| seen.remove(0))
    }
}
