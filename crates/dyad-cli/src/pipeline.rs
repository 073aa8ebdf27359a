//! The pipeline: one raw document in, one annotated [`Document`] record out.
//!
//! Stages run in the order of the crates: clean (dyad-text), segment and tokenize (dyad-text),
//! and, as they land, tagging, parsing and NER (dyad-models), actors, events. The pipeline owns
//! the loaded, immutable resources and can be shared across threads.

use anyhow::Result;
use dyad_core::Document;
use dyad_ingest::RawDocument;

use crate::cmd::run::Stage;

pub struct Pipeline {
    stage: Stage,
}

impl Pipeline {
    pub fn new(stage: Stage) -> Result<Pipeline> {
        Ok(Pipeline { stage })
    }

    /// Runs the stages on one document. Never fails: a document that reached this point has
    /// text, and every stage is total on text.
    pub fn process(&self, raw: RawDocument) -> Document {
        let mut doc = Document::new(raw.meta, String::new());
        doc.warnings = raw.warnings;
        dyad_text::clean_into(&mut doc, &raw.text, raw.body);
        if self.stage == Stage::Code {
            dyad_text::annotate(&mut doc);
        }
        doc
    }
}
