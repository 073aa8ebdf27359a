//! dyad-events: the groundwork of dyad's event coder (who did what to whom).
//!
//! The coder proper applies PETRARCH's verb patterns over dyad's dependency trees; this
//! crate holds what it stands on, each piece usable and tested on its own:
//!
//! - [`codebook`]: the CAMEO codes with names, Goldstein values, QuadClass and the PLOVER
//!   mapping, generated into `data/events/*.tsv` and compiled in ([`Codebook::embedded`]).
//! - [`verb_dictionary`] (read by `verb_reader`, patterns in [`pattern`]): PETRARCH verb
//!   dictionaries as synonym sets, verb blocks, patterns and transformations, indexed by
//!   every verb form; PETRARCH2's `CAMEO.2.0.txt` is compiled in ([`VerbDictionary::cameo`]).
//! - [`validation_reader`] and [`scoring`]: PETRARCH's validation XML files and the
//!   found / missed / false-positive tallies of `dyad eval petrarch`.
//! - [`gsr_reader`]: the PLOVER gold-standard examples (`PLOVER_GSR_CAMEO.txt`) with their
//!   marked source, target, event and location spans, for PLOVER type accuracy.
//! - [`matcher`]: matches a verb's patterns against a simplified [`Clause`] (verb, voice,
//!   subject, object, obliques), the hand-over point for the tree-based coder.
//! - [`clause_builder`]: one [`Clause`] per verb of a UD-parsed sentence (`dyad_core::Token`s).
//! - [`event`]: the [`Event`] record that `dyad code` writes (documented in `docs/events.md`,
//!   schema `docs/schema/event.schema.json`).
//!
//! Everything loaded is immutable after reading, so one copy serves all threads.
//!
//! ```
//! use dyad_events::{Codebook, Element, VerbDictionary};
//!
//! let book = Codebook::embedded();
//! assert_eq!(book.goldstein("106"), Some(-5.0));
//! assert_eq!(book.plover("042").map(|p| p.event_type.as_str()), Some("CONSULT"));
//!
//! let verbs = VerbDictionary::cameo();
//! // "rushed" is a generated form of RUSH; its block has the pattern `* POLICE (TO BORDER)`.
//! let (_, pattern) = verbs
//!     .patterns_for("rushed")
//!     .find(|(_, p)| p.text == "* POLICE (TO BORDER)")
//!     .unwrap();
//! assert_eq!(pattern.code.active.as_deref(), Some("153"));
//! assert_eq!(pattern.after_verb()[0], Element::Word("POLICE".into()));
//! ```

pub mod clause_builder;
pub mod clause_tree;
pub mod codebook;
pub mod coder;
pub mod discards;
pub mod error;
pub mod event;
pub mod event_date;
pub mod gsr_reader;
pub mod joint_actors;
pub mod matcher;
pub mod pattern;
pub mod scoring;
pub mod validation_reader;
pub mod verb_dictionary;
mod verb_reader;

pub use clause_builder::{clauses, VerbClause};
pub use codebook::{CameoCode, Codebook, PloverMapping, PloverVia};
pub use coder::{is_place, Coder, CoderConfig, Negation, PLACE_KEY};
pub use discards::{Discard, Discards};
pub use error::EventsError;
pub use event::{ActorRef, Event, Location, PatternRef, Plover};
pub use gsr_reader::{plover_2021_type, read_gsr, GsrActor, GsrExample, Mark, MarkRole};
pub use matcher::{Clause, Governor, Match, Matcher, Oblique, Phrase, Role, SurfaceToken, Word};
pub use pattern::Element;
pub use scoring::{RecordOutcome, Scoreboard, Tally};
pub use validation_reader::{Coding, Environment, ValidationFile, ValidationRecord};
pub use verb_dictionary::{
    CodePair, Pattern, ReadNote, Synset, SynsetMember, Transformation, Verb, VerbBlock,
    VerbDictionary, VerbPhrase, VerbRef, VerbStats,
};
