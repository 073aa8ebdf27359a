//! Writing the event record: the final code (with its intent form), the codebook fields
//! and the reference to the pattern that produced it.

use dyad_core::Span;

use super::Coder;
use crate::codebook::quad_class_of_root;
use crate::event::{Event, PatternRef};
use crate::matcher::Match;

impl<'d> Coder<'d> {
    /// The code to write: the matched one, or its intent form for future cooperation
    /// (when intents are coded) or cooperation a verb of intent governs (always).
    pub(super) fn final_code(&self, code: &str, future: bool, intended: bool) -> String {
        if !(intended || (future && self.config.intent)) {
            return code.to_string();
        }
        let intent = match code.get(..2) {
            Some("04") => "036",
            Some("05") => "032",
            Some("06") => "031",
            Some("07") => "033",
            Some("08") => "035",
            _ => return code.to_string(),
        };
        intent.to_string()
    }

    /// An event with the codebook fields of `code`; codes outside CAMEO (the WEIS-era
    /// codes of PETRARCH's test dictionaries) keep their root and quad class, no Goldstein.
    pub(super) fn event(
        &self,
        code: &str,
        si: usize,
        text: &str,
        span: Span,
        trigger: Span,
    ) -> Event {
        if let Ok(e) = Event::new("", si, text, span, trigger, code, self.book) {
            return e;
        }
        let quad_class = code
            .get(..2)
            .and_then(|r| r.parse().ok())
            .and_then(quad_class_of_root)
            .unwrap_or(0);
        Event::bare("", si, text, span, trigger, code, quad_class)
    }

    pub(super) fn pattern_ref(&self, m: &Match<'_>) -> PatternRef {
        let block = &self.dict.blocks[m.verb.block];
        match m.pattern {
            Some(p) => PatternRef {
                dictionary: p.file.clone().unwrap_or_else(|| self.dict.file.clone()),
                line: p.line,
                block: block.name.clone(),
                text: p.text.clone(),
            },
            None => PatternRef {
                dictionary: (self.dict.verb(m.verb).file.clone())
                    .unwrap_or_else(|| self.dict.file.clone()),
                line: self.dict.verb(m.verb).line,
                block: block.name.clone(),
                text: String::new(),
            },
        }
    }
}
