//! Prints the knowledge-graph annotations of a plain-text file as JSON, for eyeballing:
//! `cargo run -p dyad-gkg --example gkg_dump -- FILE [YYYY-MM-DD]`.

use dyad_core::{DocMeta, Document, Span};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: gkg_dump FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let input = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut doc = Document::new(DocMeta::new(path, input.as_bytes()), String::new());
    doc.doc.date = args.get(2).cloned();
    dyad_text::clean_into(&mut doc, &input, Span::new(0, input.len()));
    dyad_text::annotate(&mut doc);
    match dyad_gkg::annotate_gkg(&doc) {
        Ok(gkg) => println!("{}", serde_json::to_string_pretty(&gkg).unwrap_or_default()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
