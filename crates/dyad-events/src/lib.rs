//! dyad-events: the groundwork of dyad's event coder.
//!
//! PLACEHOLDER overview, rewritten below once the modules settle.

pub mod codebook;
pub mod error;
pub mod pattern;
pub mod scoring;
pub mod validation_reader;
pub mod verb_dictionary;
mod verb_reader;

pub use codebook::{CameoCode, Codebook, PloverMapping, PloverVia};
pub use error::EventsError;
pub use pattern::Element;
pub use scoring::{RecordOutcome, Scoreboard, Tally};
pub use validation_reader::{Coding, Environment, ValidationFile, ValidationRecord};
pub use verb_dictionary::{
    CodePair, Pattern, ReadNote, Synset, SynsetMember, Transformation, Verb, VerbBlock,
    VerbDictionary, VerbPhrase, VerbRef, VerbStats,
};
