//! The knowledge-graph side of dyad: what GDELT's Global Knowledge Graph records about a
//! document besides its events.
//!
//! Each module reads a [`dyad_core::Document`] that has sentences and tokens (and uses the
//! parse and NER entities when the pipeline has filled them) and returns serde records with
//! byte spans into [`Document::text`]:
//!
//! - [`tone`]: the seven GDELT V1.5TONE numbers per document and per sentence (VADER lexicon);
//! - [`dates`]: absolute and relative dates resolved against the document date;
//! - [`amounts`]: numbers with their unit or currency ("$308 million", "300 troops");
//! - [`geo`]: place names resolved to GeoNames countries, US states and cities;
//! - [`quotes`]: direct and indirect quotations attributed to their speakers;
//! - [`names`]: persons, organizations and other names with counts and offsets;
//! - [`themes`]: PETRARCH issue themes;
//! - [`export`]: one GDELT GKG 2.1 row per document; [`eval`]: gold files and scores.
//!
//! [`annotate_gkg`] runs them all and returns one [`Gkg`] record, tagged with
//! [`SCHEMA_VERSION`]. Later stages link to it by span: an event takes the tone of its
//! sentence ([`Gkg::sentence_tones`]) and the places of its sentence ([`Gkg::locations_in`]);
//! a quote's speaker is matched to an actor record through [`Quote::speaker_span`].
//!
//! ```
//! use dyad_core::{DocMeta, Document, Span};
//!
//! let input = "Officials said on Wednesday the talks were very good.";
//! let mut doc = Document::new(DocMeta::new("x.txt", input.as_bytes()), String::new());
//! doc.doc.date = Some("2021-03-25".into());
//! dyad_text::clean_into(&mut doc, input, Span::new(0, input.len()));
//! dyad_text::annotate(&mut doc);
//! let gkg = dyad_gkg::annotate_gkg(&doc).unwrap();
//! assert!(gkg.tone.tone > 0.0);
//! assert_eq!(gkg.dates[0].date.as_deref(), Some("2021-03-24"));
//! ```

pub mod amounts;
pub mod dates;
mod error;
pub mod eval;
pub mod export;
pub mod geo;
mod geo_table;
mod issue_table;
pub mod names;
pub mod quotes;
pub mod themes;
pub mod tone;
mod tone_table;

use dyad_core::{Document, Span};
use serde::{Deserialize, Serialize};

pub use amounts::Amount;
pub use dates::{DateMention, DateResolution};
pub use error::GkgError;
pub use export::gkg_row;
pub use geo::{Feature, Gazetteer, Location, Place, PlaceRef};
pub use names::{Name, NameKind};
pub use quotes::Quote;
pub use themes::{IssueTable, Theme};
pub use tone::{Tone, ToneLexicon};

/// The version tag of the [`Gkg`] record.
pub const SCHEMA_VERSION: &str = "dyad-gkg/1";

/// Everything this crate finds in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gkg {
    /// [`SCHEMA_VERSION`].
    pub schema: String,
    /// Tone of the whole document.
    pub tone: Tone,
    /// Tone of each sentence, in the order of [`Document::sentences`].
    pub sentence_tones: Vec<Tone>,
    /// Date mentions in text order.
    pub dates: Vec<DateMention>,
    /// Amounts in text order; numbers inside date mentions are left out.
    pub amounts: Vec<Amount>,
    /// Place mentions in text order.
    pub locations: Vec<Location>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// Persons, organizations and other names with counts and offsets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
    /// PETRARCH issue themes with counts and offsets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// The place of the document's dateline, when it names a known one: where an event
    /// whose sentence names no place happened. Metadata rather than text, so it has no span
    /// and is not part of the serialized record.
    #[serde(skip)]
    pub dateline_place: Option<Place>,
}

/// Runs every annotator of this crate over `doc`. Fails only if an embedded table does not
/// parse, which the crate's tests rule out.
pub fn annotate_gkg(doc: &Document) -> Result<Gkg, &'static GkgError> {
    annotate_gkg_with(doc, &[])
}

/// [`annotate_gkg`] with the spans of person mentions found by an earlier stage (the actor
/// resolution), which quote attribution uses to resolve pronouns and surnames.
pub fn annotate_gkg_with(doc: &Document, people: &[Span]) -> Result<Gkg, &'static GkgError> {
    annotate_gkg_with_actors(doc, people, &[])
}

/// [`annotate_gkg_with`] with the organization mentions of the actor resolution too, which
/// [`Gkg::names`] counts beside the NER entities.
pub fn annotate_gkg_with_actors(
    doc: &Document,
    people: &[Span],
    orgs: &[Span],
) -> Result<Gkg, &'static GkgError> {
    let lex = ToneLexicon::builtin()?;
    let lower = tone::lowered(&doc.tokens);
    let (tone, sentence_tones) = lex.document_tones(doc, &lower);
    let dates = dates::find_dates_lowered(doc, &lower);
    let (locations, dateline_place) = Gazetteer::builtin()?.locate_with_dateline(doc, lex);
    let dateline_place = dateline_place.map(|p| p.to_place());
    let place_spans: Vec<Span> = locations.iter().map(|l| l.span).collect();
    let date_spans: Vec<_> = dates.iter().map(|d| d.span).collect();
    Ok(Gkg {
        schema: SCHEMA_VERSION.to_string(),
        tone,
        sentence_tones,
        amounts: amounts::find_amounts_lowered(doc, &lower, &date_spans),
        dates,
        locations,
        quotes: quotes::find_quotes(doc, people),
        names: names::find_names_except(doc, people, orgs, &place_spans),
        themes: IssueTable::builtin()?.themes_lowered(doc, &lower),
        dateline_place,
    })
}

/// A document of `text`, cleaned, segmented and tokenized (no models): what the unit tests
/// of this crate annotate.
#[cfg(test)]
pub(crate) fn test_doc(text: &str) -> Document {
    let mut d = Document::new(dyad_core::DocMeta::new("t", text.as_bytes()), String::new());
    dyad_text::clean_into(&mut d, text, Span::new(0, text.len()));
    dyad_text::annotate(&mut d);
    d
}

impl Gkg {
    /// The place mentions inside `span` (a sentence's span, say), in text order.
    pub fn locations_in(&self, span: Span) -> impl Iterator<Item = &Location> {
        self.locations.iter().filter(move |l| span.contains(l.span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Document, Gkg) {
        let d = crate::test_doc(text);
        let g = annotate_gkg(&d).unwrap();
        (d, g)
    }

    #[test]
    fn locations_of_a_sentence() {
        let (d, g) = run("Troops left Kabul. Talks began in Brussels and Paris.");
        assert_eq!(g.schema, SCHEMA_VERSION);
        let second: Vec<&str> = g
            .locations_in(d.sentences[1].span)
            .map(|l| l.name.as_str())
            .collect();
        assert_eq!(second, vec!["Brussels", "Paris"]);
        assert_eq!(g.locations_in(d.sentences[0].span).count(), 1);
    }

    #[test]
    fn empty_document_gives_empty_record() {
        let (_, g) = run("");
        assert_eq!(g.tone.word_count, 0);
        assert!(g.dates.is_empty() && g.quotes.is_empty() && g.locations.is_empty());
        let v = serde_json::to_value(&g).unwrap();
        assert_eq!(v["schema"], SCHEMA_VERSION);
    }
}
