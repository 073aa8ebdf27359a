//! Reads text on standard input and prints one sentence per line, words separated by spaces
//! (a word glued to the previous one inside a surface token is prefixed with `+`).
//!
//! `cargo run -p dyad-text --example tokenize < file.txt`; with `--count`, prints only the
//! number of bytes, words and sentences and the time taken by tokenizing and segmenting;
//! `--clean` runs the cleaner first (and times it too).

use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(1);
    }
    let input_len = text.len();
    let started = std::time::Instant::now();
    if std::env::args().any(|a| a == "--clean") {
        let body = dyad_core::Span::new(0, text.len());
        text = dyad_text::clean(&text, body).text;
    }
    let pieces = dyad_text::tokenizer::tokenize(&text);
    let sentences = dyad_text::segmenter::segment(&text, &pieces);
    if std::env::args().any(|a| a == "--count") {
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{input_len} bytes in, {} bytes text, {} words, {} sentences in {secs:.3} s ({:.1} MB/s)",
            text.len(),
            pieces.len(),
            sentences.len(),
            input_len as f64 / 1e6 / secs
        );
        return;
    }
    for r in sentences {
        let words: Vec<String> = pieces[r]
            .iter()
            .map(|p| {
                let w = p.span.get(&text).unwrap_or("").replace('\n', "\\n");
                if p.joined {
                    format!("+{w}")
                } else {
                    w
                }
            })
            .collect();
        println!("{}", words.join(" "));
    }
}
