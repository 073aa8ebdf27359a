//! Reads text on standard input and prints one sentence per line, words separated by spaces
//! (a word glued to the previous one inside a surface token is prefixed with `+`).
//!
//! `cargo run -p dyad-text --example tokenize < file.txt`

use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(1);
    }
    let pieces = dyad_text::tokenizer::tokenize(&text);
    for r in dyad_text::segmenter::segment(&text, &pieces) {
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
