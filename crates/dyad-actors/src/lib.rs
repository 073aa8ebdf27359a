//! Actors for dyad: dictionaries, a dated dictionary matcher and the pre-parse resolver.
//!
//! Who is "Blinken"? This crate answers from dictionaries: the PETRARCH2/Phoenix actor and
//! agent files, CAMEO codes, GeoNames countries and capitals, and heads of state and
//! government by year from the CIA World Factbook, converted into reviewable TSVs under
//! `data/actors/` by `tools/gen_actor_dicts.py` and embedded in the binary.
//!
//! * [`Dictionary`] compiles all entries into one [`Matcher`]: token sequences are folded
//!   (case, diacritics) and matched leftmost-longest with Aho-Corasick; every match is
//!   coded for the document date (Obama is `USAGOV` in 2012 and `USAELI` in 2021).
//! * [`petrarch_reader`] and [`tsv_reader`] read user dictionaries (PETRARCH format, or a
//!   simple TSV overlay); errors name the file and line.
//! * [`resolve_simple()`] turns matches into [`ActorMention`] records using only the
//!   tokens (country + agent composition, titles before names, capital metonymy).
//! * [`resolve()`] (`Dictionary::resolve(&doc, date)`) starts from that and uses the
//!   dependency parse and NER of a whole [`dyad_core::Document`]: appositions, heads of
//!   country modifiers, context countries, surname and pronoun coreference, unknown names
//!   kept uncoded. Every mention's `rule` says what decided it.
//! * [`gold`] reads hand-annotated mentions (`testdata/actors/`) and scores predictions.
//! * The compiled automaton is cached on disk ([`automaton_cache`]): about 0.3-0.5 s to
//!   load the built-in dictionaries instead of about 1.4 s to build them.
//!
//! ```
//! use dyad_actors::{Date, Dictionary};
//!
//! let dict = Dictionary::builtin().unwrap();
//! let tokens = ["President", "Obama", "met", "NATO", "allies"];
//! let found = dict.find(&tokens, Date::parse_iso("2012-06-01"));
//! let codes: Vec<_> = found.iter().map(|m| m.code.unwrap_or("-")).collect();
//! assert!(codes.contains(&"USAGOV"));
//! assert!(codes.contains(&"IGOWSTNAT"));
//! ```

pub mod automaton_cache;
pub mod codebook;
pub mod date;
pub mod dictionary;
pub mod entry;
pub mod error;
mod geonames;
mod geonames_table;
pub mod gold;
pub mod matcher;
pub mod mention;
pub mod normalize;
pub mod petrarch_reader;
pub mod resolve;
pub mod resolve_simple;
pub mod tsv_reader;
mod vocab;

pub use codebook::{CodeParts, Codebook};
pub use date::Date;
pub use dictionary::{Dictionary, DictionaryBuilder};
pub use entry::{AgentPosition, Entry, EntryKind, Role};
pub use error::ActorError;
pub use matcher::{DictMatch, Matcher, Scratch};
pub use mention::{ActorKind, ActorMention};
pub use resolve::resolve;
pub use resolve_simple::resolve_simple;

impl Dictionary {
    /// Method form of [`resolve()`]: the parse-based resolver over a whole document.
    pub fn resolve(&self, doc: &dyad_core::Document, date: Option<Date>) -> Vec<ActorMention> {
        resolve::resolve(self, doc, date)
    }

    /// Method form of [`resolve_simple()`].
    pub fn resolve_simple(
        &self,
        tokens: &[dyad_core::Token],
        date: Option<Date>,
    ) -> Vec<ActorMention> {
        resolve_simple::resolve_simple(self, tokens, date)
    }
}
