//! "The Senate" written alone. The Phoenix files code the bare word as the United States
//! Congress (`USAGOVLEG`), yet the Philippines, Puerto Rico, Nigeria, Australia, France and
//! many more have a Senate of their own, and a story names its own country's chamber
//! without the country ("the bill passed the Senate"). A US chamber is written so only
//! in a US story, where the document's country says the same.
//!
//! So a bare "Senate" the dictionary coded as a body becomes a role noun of the
//! legislature (`LEG`) that takes the country of its context like "parliament" does: the
//! nearest country of its sentence or the one before, else the document's. A Senate named
//! with its country ("the U.S. Senate", "the Nigerian Senate") is composed before and kept,
//! and `named_bodies` (a story that names "the Nigerian Senate" in full) runs first. A
//! story with no country at all to give it keeps the dictionary's code, the likeliest.

use super::Resolver;
use crate::mention::ActorKind;

/// The words a dictionary codes as one country's chamber though many countries use them.
const SHARED_CHAMBERS: &[&str] = &["senate"];

impl Resolver<'_> {
    /// A dictionary body that is only the word "Senate" becomes an uncoded `LEG` role noun.
    pub(super) fn bare_chambers(&mut self) {
        for (m, (a, b)) in &mut self.out {
            let body = m.rule.starts_with("dictionary (organization");
            let mut words = self.folded[*a..*b].iter().filter(|w| *w != "the");
            let bare = match (words.next(), words.next()) {
                (Some(w), None) => SHARED_CHAMBERS.contains(&w.as_str()),
                _ => false,
            };
            if !body || !bare {
                continue;
            }
            m.rule = format!(
                "agent (bare chamber: \"{}\" {} names no country)",
                m.mention,
                m.rule.trim_start_matches("dictionary ")
            );
            m.code = None;
            m.country = None;
            m.group = None;
            m.sector = Some("LEG".into());
            m.kind = ActorKind::Group;
            m.entity = None;
        }
    }

    /// A bare chamber that found no country in its story takes the dictionary's code back.
    pub(super) fn bare_chamber_defaults(&mut self) {
        for (m, (a, b)) in &mut self.out {
            if !m.rule.starts_with("agent (bare chamber") || m.code.is_some() {
                continue;
            }
            let texts: Vec<&str> = self.doc.tokens[*a..*b]
                .iter()
                .map(|t| t.text.as_str())
                .collect();
            let found = self.dict.find(&texts, self.date);
            let Some(f) = found
                .iter()
                .find(|f| f.tokens == (0, texts.len()) && f.code.is_some())
            else {
                continue;
            };
            m.set_code(f.code, self.dict.codebook());
            m.entity = Some(f.entry.entity.clone());
            m.rule = format!(
                "dictionary ({} {}) (no country in the story)",
                f.entry.kind.as_str(),
                f.entry.origin
            );
        }
    }
}
