//! Times the matcher over the clauses of the GSR file's gold UD parses (needs ../shared).
//! `cargo run --release -p dyad-events --example bench_matcher`
use std::time::Instant;

use dyad_core::Token;
use dyad_events::{clauses, Matcher, ValidationFile, VerbDictionary};

fn tokens(conllu: &str) -> Vec<Token> {
    conllu
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() != 10 || c[0].parse::<usize>().is_err() {
                return None;
            }
            Some(Token {
                text: c[1].to_string(),
                lemma: Some(c[2].to_string()),
                upos: Some(c[3].to_string()),
                head: c[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1)),
                deprel: Some(c[7].to_string()),
                ..Default::default()
            })
        })
        .collect()
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        "../shared/data/events/validation/UniversalPetrarch_PETR2_GSR_validation.xml".into()
    });
    let f = match ValidationFile::read(std::path::Path::new(&path)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let t0 = Instant::now();
    let dict = VerbDictionary::cameo();
    let m = Matcher::new(dict);
    eprintln!("load + synset expansion: {:?}", t0.elapsed());
    let sents: Vec<Vec<Token>> = f
        .records
        .iter()
        .map(|r| tokens(r.parse.as_deref().unwrap_or("")))
        .collect();
    let rounds = 200;
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for s in &sents {
            for vc in clauses(s) {
                n += usize::from(m.code(&vc.clause).is_some());
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} sentences x {rounds}: {:.0} sentences/s (clause building + matching), {n} codes",
        sents.len(),
        (sents.len() * rounds) as f64 / secs
    );
}
