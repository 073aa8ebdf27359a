//! What the tests of resolution through the models share (generalisation, unknown_actors):
//! a made-up text run through the real text pipeline and models, then resolved with the
//! built-in dictionaries, and a lookup of one mention.

use dyad_actors::{ActorMention, Date, Dictionary};
use dyad_core::{DocMeta, Document, Span};

/// `text` through the text pipeline and the shipped models.
pub fn annotated(text: &str) -> Document {
    let models = dyad_models::Models::load_default().expect("models/ loads");
    let mut doc = Document::new(DocMeta::new("t", text.as_bytes()), String::new());
    dyad_text::clean_into(&mut doc, text, Span::new(0, text.len()));
    dyad_text::annotate(&mut doc);
    models.annotate(&mut doc);
    doc
}

/// The actor mentions of `text`, resolved on the ISO `date`.
pub fn resolve(text: &str, date: &str) -> Vec<ActorMention> {
    let dict = Dictionary::builtin().expect("built-in dictionaries");
    dict.resolve(&annotated(text), Date::parse_iso(date))
}

/// The first mention whose text holds `text`; panics with the whole list when none does.
pub fn find<'a>(ms: &'a [ActorMention], text: &str) -> &'a ActorMention {
    ms.iter()
        .find(|m| m.mention.contains(text))
        .unwrap_or_else(|| panic!("no mention with {text:?} in {ms:#?}"))
}
