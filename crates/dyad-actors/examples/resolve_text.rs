//! Prints the actor mentions of a plain-text file as the parse-based resolver finds them:
//! one line per mention (text, code, kind, entity, rule). For inspecting and annotating.
//! A gold file of `testdata/actors/` (`{{mention|CODE}}` markup) is read without its
//! markup and with its `# date:`, so the resolver sees what `dyad eval actors` gives it.
//!
//! ```text
//! cargo run -p dyad-actors --example resolve_text -- FILE [YYYY-MM-DD]
//! ```

use dyad_actors::{gold::read_gold, Date, Dictionary};
use dyad_core::{DocMeta, Document, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: resolve_text FILE [DATE]")?;
    let mut text = std::fs::read_to_string(path)?;
    let mut date = args.get(1).and_then(|d| Date::parse_iso(d));
    if text.contains("{{") {
        let gold = read_gold(&text, path)?;
        text = gold.text;
        date = date.or(gold.date);
    }
    let models = dyad_models::Models::load_default()?;
    let mut doc = Document::new(DocMeta::new(path, text.as_bytes()), String::new());
    dyad_text::clean_into(&mut doc, &text, Span::new(0, text.len()));
    dyad_text::annotate(&mut doc);
    models.annotate(&mut doc);
    let dict = Dictionary::builtin()?;
    if std::env::var_os("DYAD_SHOW_NER").is_some() {
        for e in &doc.entities {
            println!("NER {}\t{}", e.label, e.span.get(&doc.text).unwrap_or(""));
        }
    }
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
