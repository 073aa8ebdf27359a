//! Prints the actor mentions of a plain-text file as the parse-based resolver finds them:
//! one line per mention (text, code, kind, entity, rule). For inspecting and annotating.
//!
//! ```text
//! cargo run -p dyad-actors --example resolve_text -- FILE [YYYY-MM-DD]
//! ```

use dyad_actors::{Date, Dictionary};
use dyad_core::{DocMeta, Document, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: resolve_text FILE [DATE]")?;
    let text = std::fs::read_to_string(path)?;
    let date = args.get(1).and_then(|d| Date::parse_iso(d));
    let models = dyad_models::Models::load_default()?;
    let mut doc = Document::new(DocMeta::new(path, text.as_bytes()), String::new());
    dyad_text::clean_into(&mut doc, &text, Span::new(0, text.len()));
    dyad_text::annotate(&mut doc);
    models.annotate(&mut doc);
    let dict = Dictionary::builtin()?;
    for m in dict.resolve(&doc, date) {
        println!(
            "{}\t{}\t{:?}\t{}\t{}",
            m.mention,
            m.code.as_deref().unwrap_or("-"),
            m.kind,
            m.entity.as_deref().unwrap_or("-"),
            m.rule
        );
    }
    Ok(())
}
