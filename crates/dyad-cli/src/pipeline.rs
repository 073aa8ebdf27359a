//! The pipeline: one raw document in, one annotated [`Document`] record out.
//!
//! Stages run in the order of the crates: clean (dyad-text), segment and tokenize (dyad-text),
//! then tagging, lemmas, parsing and NER (dyad-models); actors and events come next. The
//! loaded models are immutable; the per-run scratch buffers live beside them.

use std::cell::RefCell;
use std::path::Path;

use anyhow::{Context, Result};
use dyad_core::Document;
use dyad_ingest::RawDocument;
use dyad_models::{Models, Scratch};

use crate::cmd::run::Stage;

/// Loads the tagger, parser and NER models from `dir`, or from the default directory
/// (`$DYAD_MODELS`, else the repository's `models/`).
pub fn load_models(dir: Option<&Path>) -> Result<Models> {
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(Models::default_dir);
    Models::load(&dir).with_context(|| {
        format!(
            "cannot load the models from {} (use --models DIR or set DYAD_MODELS)",
            dir.display()
        )
    })
}

pub struct Pipeline {
    stage: Stage,
    models: Option<Models>,
    scratch: RefCell<Scratch>,
}

impl Pipeline {
    /// A pipeline running up to `stage`; `code` loads the models from `models_dir`.
    pub fn new(stage: Stage, models_dir: Option<&Path>) -> Result<Pipeline> {
        let models = match stage {
            Stage::Read | Stage::Tokenize => None,
            Stage::Models => Some(load_models(models_dir)?),
        };
        Ok(Pipeline {
            stage,
            models,
            scratch: RefCell::new(Scratch::default()),
        })
    }

    /// Runs the stages on one document. Never fails: a document that reached this point has
    /// text, and every stage is total on text.
    pub fn process(&self, raw: RawDocument) -> Document {
        let mut doc = Document::new(raw.meta, String::new());
        doc.warnings = raw.warnings;
        dyad_text::clean_into(&mut doc, &raw.text, raw.body);
        if self.stage >= Stage::Tokenize {
            dyad_text::annotate(&mut doc);
            if let Some(m) = &self.models {
                m.annotate_with(&mut doc, &mut self.scratch.borrow_mut());
            }
        }
        doc
    }
}
