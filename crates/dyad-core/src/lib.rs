//! The shared vocabulary of dyad.
//!
//! Every stage of the pipeline (`ingest -> text -> models -> actors -> events -> store`)
//! reads and fills one [`Document`] record. Every annotation in it carries a [`Span`] of
//! byte offsets into the cleaned [`Document::text`], and the [`OffsetMap`] carries those
//! offsets back to the bytes of the input the reader decoded, so each record points back
//! to the words that produced it.
//!
//! ```
//! use dyad_core::{Document, DocMeta, Span, Token, Sentence, OffsetMap};
//!
//! let text = "Blinken met Wilmes.".to_string();
//! let mut doc = Document::new(DocMeta::new("example.txt", b"Blinken met Wilmes."), text);
//! doc.offsets = OffsetMap::identity(doc.text.len());
//! doc.tokens.push(Token::new(Span::new(0, 7), &doc.text));
//! assert_eq!(doc.tokens[0].text, "Blinken");
//! assert_eq!(doc.schema, dyad_core::SCHEMA_VERSION);
//! ```

pub mod calendar;
mod doc;
mod offsets;
mod span;

pub use calendar::Day;
pub use doc::{content_id, DocMeta, Document, Entity, Sentence, Token, SCHEMA_VERSION};
pub use offsets::{OffsetMap, OffsetMapBuilder, Segment};
pub use span::Span;

/// The words an actor record's `rule` carries when the resolver took the actor's country
/// from the story around it rather than from its own words ("officials" near "Russian
/// police"). The resolver writes them and reads them back, and the event coder drops such
/// guessed countries under PETRARCH's conventions; one name here keeps the two crates agreed.
pub const CONTEXT_COUNTRY_RULE: &str = "context country";
