//! Throughput of the knowledge-graph stage alone: documents are cleaned and tokenized first
//! (not timed), then `annotate_gkg` and the GKG 2.1 row export run over all of them, several
//! rounds, and the rate is printed in documents and words per second.
//!
//! `cargo run --release -p dyad-gkg --example gkg_throughput -- [ROUNDS] [FILE...]`; without
//! files it reads the 24 Wikinews texts of `testdata/gkg/texts`. Words are the tokens that
//! hold a letter or digit. Tokens only: no parse or NER, so quotes use the token rules.

use std::time::Instant;

use dyad_core::{DocMeta, Document, Span};

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut files: Vec<std::path::PathBuf> = args.map(Into::into).collect();
    if files.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/gkg/texts");
        match std::fs::read_dir(&dir) {
            // The top-level `.txt` files only (the sub-folders hold other sets).
            Ok(rd) => {
                files = rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                    .collect()
            }
            Err(e) => {
                eprintln!("{}: {e}", dir.display());
                std::process::exit(1);
            }
        }
        files.sort();
    }
    let mut docs = Vec::new();
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                std::process::exit(1);
            }
        };
        let mut d = Document::new(
            DocMeta::new(&f.display().to_string(), text.as_bytes()),
            String::new(),
        );
        dyad_text::clean_into(&mut d, &text, Span::new(0, text.len()));
        dyad_text::annotate(&mut d);
        docs.push(d);
    }
    let words: usize = docs
        .iter()
        .map(|d| {
            d.tokens
                .iter()
                .filter(|t| t.text.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    // Load the embedded tables before timing.
    if let Some(d) = docs.first() {
        let _ = dyad_gkg::annotate_gkg(d);
    }
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..rounds {
        for d in &docs {
            let g = dyad_gkg::annotate_gkg(d).expect("embedded tables parse");
            bytes += dyad_gkg::gkg_row(d, &g, &d.doc.id).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = (docs.len() * rounds) as f64;
    println!(
        "gkg stage: {} docs x {rounds} rounds, {words} words per round, {secs:.3} s: {:.0} docs/s, {:.0} words/s ({} bytes of GKG rows)",
        docs.len(),
        n / secs,
        (words * rounds) as f64 / secs,
        bytes
    );
}
