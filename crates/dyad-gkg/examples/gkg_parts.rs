//! Where the knowledge-graph stage spends its time, annotator by annotator, on parsed
//! documents: reads the JSON Lines output of `dyad code` (each line a document with its
//! tokens, tags, parse and entities), then runs tone, dates, amounts, places, quotations,
//! names and themes over all documents, several rounds each, and prints the thread CPU
//! seconds and share of each. The pipeline's own clock only gives the stage as a whole.
//!
//! `cargo run --release -p dyad-gkg --example gkg_parts -- FILE.jsonl [ROUNDS]`
//! (for example `bench/out/events_e2e.out.jsonl`, written by `bench/events_e2e.sh`).

use std::io::BufRead;

use dyad_core::Document;
use dyad_gkg::{amounts, dates, names, quotes, Gazetteer, IssueTable, ToneLexicon};
use dyad_models::cputime::thread_cpu_seconds as cpu_seconds;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: gkg_parts FILE.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut docs = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                std::process::exit(1);
            }
        };
        match serde_json::from_str::<Document>(&line) {
            Ok(d) => docs.push(d),
            Err(e) => eprintln!("{path}:{}: skipped: {e}", n + 1),
        }
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    eprintln!(
        "{} documents, {sentences} sentences, {rounds} rounds",
        docs.len()
    );
    let (Ok(lex), Ok(gaz), Ok(issues)) = (
        ToneLexicon::builtin(),
        Gazetteer::builtin(),
        IssueTable::builtin(),
    ) else {
        eprintln!("an embedded table does not parse");
        std::process::exit(1);
    };
    type Part<'a> = (&'static str, Box<dyn Fn(&Document) -> usize + 'a>);
    let parts: Vec<Part> = vec![
        (
            "tone",
            Box::new(|d: &Document| {
                let n: usize = (0..d.sentences.len())
                    .map(|i| lex.tone(d.sentence_tokens(i)).word_count)
                    .sum();
                n + lex.tone(&d.tokens).word_count
            }),
        ),
        ("dates", Box::new(|d: &Document| dates::find_dates(d).len())),
        (
            "amounts",
            Box::new(|d: &Document| amounts::find_amounts(d, &[]).len()),
        ),
        (
            "places",
            Box::new(|d: &Document| gaz.locate_with_dateline(d, lex).0.len()),
        ),
        (
            "quotes",
            Box::new(|d: &Document| quotes::find_quotes(d, &[]).len()),
        ),
        (
            "names",
            Box::new(|d: &Document| names::find_names_except(d, &[], &[], &[]).len()),
        ),
        ("themes", Box::new(|d: &Document| issues.themes(d).len())),
    ];
    let mut times = Vec::new();
    for (name, f) in &parts {
        let start = cpu_seconds();
        let mut found = 0;
        for _ in 0..rounds {
            found += docs.iter().map(f).sum::<usize>();
        }
        times.push((
            name,
            (cpu_seconds() - start) / rounds as f64,
            found / rounds,
        ));
    }
    let total: f64 = times.iter().map(|t| t.1).sum();
    println!("gkg annotators over {sentences} sentences (CPU seconds per round):");
    for (name, t, found) in &times {
        println!(
            "  {name:<8} {t:8.3} s {:5.1}%  {:>9.0} sentences/s  ({found} found)",
            100.0 * t / total,
            sentences as f64 / t
        );
    }
    println!(
        "  all      {total:8.3} s         {:>9.0} sentences/s",
        sentences as f64 / total
    );
}
