//! The actor record handed to later stages (event coding, quotes, output).
//!
//! One record per mention of an actor in a document. The CAMEO code is kept whole
//! (`IGOEUREEC`) and also split into the fields analysts filter on (country, sector,
//! group), so sinks need no CAMEO knowledge. `rule` says which dictionary line or
//! resolution rule decided the code, so every coding can be audited.

use dyad_core::Span;
use serde::{Deserialize, Serialize};

use crate::codebook::Codebook;
use crate::entry::EntryKind;

/// What kind of actor a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Group,
}

impl ActorKind {
    /// The kind's name as serialized (`"person"`, `"organization"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
        }
    }
}

impl From<EntryKind> for ActorKind {
    fn from(k: EntryKind) -> ActorKind {
        match k {
            EntryKind::Person => ActorKind::Person,
            EntryKind::Organization => ActorKind::Organization,
            EntryKind::Group | EntryKind::Agent => ActorKind::Group,
            EntryKind::Country | EntryKind::Capital | EntryKind::City | EntryKind::Demonym => {
                ActorKind::Country
            }
        }
    }
}

/// One actor mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    /// The mention's text: the words of `span` as written, whitespace runs made one space
    /// (inside the resolver, until it returns: the tokens joined by single spaces).
    pub mention: String,
    /// Byte span in the original text.
    pub span: Span,
    /// Full CAMEO actor code (`USAGOV`, `IGOEUREEC`), or null when unresolved.
    pub code: Option<String>,
    /// Country or region code (`USA`, `EUR`).
    pub country: Option<String>,
    /// Sector or role (`GOV`, `MIL`, `IGO`).
    pub sector: Option<String>,
    /// Known organisation group (`EEC`, `NAT`, `UNO`).
    pub group: Option<String>,
    pub kind: ActorKind,
    /// Id shared by mentions of one entity (dictionary entity id when known).
    pub entity: Option<String>,
    /// What decided the code: a rule name and the dictionary line(s).
    pub rule: String,
}

impl ActorMention {
    /// A mention over `tokens` (non-empty, in text order) with no code yet: the text is the
    /// tokens joined by single spaces, the span runs from the first to the last.
    pub fn uncoded(
        tokens: &[dyad_core::Token],
        kind: ActorKind,
        entity: Option<String>,
        rule: String,
    ) -> ActorMention {
        let span = match (tokens.first(), tokens.last()) {
            (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
            _ => Span::new(0, 0),
        };
        // the texts joined by single spaces, written into one string of the right size
        let len = tokens.iter().map(|t| t.text.len() + 1).sum::<usize>();
        let mut mention = String::with_capacity(len.saturating_sub(1));
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                mention.push(' ');
            }
            mention.push_str(&t.text);
        }
        ActorMention {
            mention,
            span,
            code: None,
            country: None,
            sector: None,
            group: None,
            kind,
            entity,
            rule,
        }
    }

    /// Fills `code`, `country`, `sector` and `group` from a full code.
    pub fn set_code(&mut self, code: Option<&str>, book: &Codebook) {
        self.code = code.map(str::to_string);
        let parts = code.map(|c| book.split(c)).unwrap_or_default();
        self.country = parts.country;
        self.sector = parts.sector;
        self.group = parts.group;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_what_serde_writes() {
        for k in [
            ActorKind::Person,
            ActorKind::Organization,
            ActorKind::Country,
            ActorKind::Group,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn serializes_with_lowercase_kind_and_span_pair() {
        let m = ActorMention {
            mention: "NATO".into(),
            span: Span::new(10, 14),
            code: Some("IGOWSTNAT".into()),
            country: Some("WST".into()),
            sector: Some("IGO".into()),
            group: Some("NAT".into()),
            kind: ActorKind::Organization,
            entity: Some("international:NATO".into()),
            rule: "dictionary phoenix_international.tsv:10".into(),
        };
        let j = serde_json::to_string(&m).unwrap();
        assert!(j.contains("\"kind\":\"organization\""), "{j}");
        assert!(j.contains("\"span\":[10,14]"), "{j}");
        let back: ActorMention = serde_json::from_str(&j).unwrap();
        assert_eq!(back, m);
    }
}
