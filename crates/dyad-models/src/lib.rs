//! dyad's trained models: tagger (UPOS, XPOS, features, lemmas), dependency parser, NER.
//!
//! Everything is pure Rust and trained by dyad's own `dyad train` command from the UD English
//! treebanks and UNER; nothing is downloaded. All three models are averaged perceptrons over
//! hashed sparse features ([`perceptron`]): small, fast (tagging, parsing and NER together
//! run at about 80,000 tokens per CPU second on a shared 2-core test machine,
//! `bench/models_vs_spacy.sh`; see [`weights`] for how) and deterministic for a fixed seed. Model files carry a magic string and a format version ([`codec`]); a
//! wrong, old or corrupt file is an error, never a panic.
//!
//! Loaded models are immutable and `Send + Sync`; per-thread buffers live in [`Scratch`].
//!
//! ```no_run
//! use dyad_models::{Models, Scratch};
//!
//! let models = Models::load_default()?;
//! let mut s = Scratch::default();
//! models.analyze(&["Merkel", "met", "Macron", "in", "Paris", "."], &mut s);
//! let verb = models.tagger.label(s.tags[1]);
//! assert_eq!(verb.upos, "VERB");
//! assert_eq!(s.heads[0], 2); // "Merkel" depends on "met"
//! # Ok::<(), dyad_models::ModelError>(())
//! ```

pub mod codec;
pub mod cputime;
pub mod data;
mod error;
pub mod gazetteer;
pub mod hash;
mod hugemem;
pub mod lex;
mod models;
pub mod morph;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod weights;

pub use error::ModelError;
pub use models::{Models, Scratch, NER_FILE, PARSER_FILE, TAGGER_FILE};
pub use ner::{EntitySpan, Ner};
pub use parser::Parser;
pub use tagger::{TagLabel, TagScratch, Tagger};

/// Options shared by the three trainers.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Averaged weights below this magnitude are dropped from the saved model.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            seed: 1,
            prune: 1e-3,
        }
    }
}

/// What a trainer reports after each epoch.
#[derive(Clone, Debug)]
pub struct EpochReport {
    pub epoch: usize,
    pub epochs: usize,
    /// Accuracy on the training data during the epoch (on the decisions the model made).
    pub train_score: f64,
    /// The score used to pick the best epoch: UPOS accuracy, LAS, or NER span F1 on dev.
    pub dev_score: f64,
    /// True when this epoch is the best so far (and is the one kept).
    pub best: bool,
}
