//! Times the event coder alone over the documents of a `dyad code` output (their tokens,
//! parses and actor mentions), as the pipeline calls it (`Coder::cameo`), and writes the
//! events it codes, one JSON line per document, so that two builds can be compared byte
//! for byte.
//!
//! `cargo run --release -p dyad-events --example bench_coder -- OUTPUT.jsonl [ROUNDS] [EVENTS.jsonl]`
//! (after `bench/events_e2e.sh`, `bench/out/events_e2e.out.jsonl` is such an output).
use std::io::{BufRead, Write};
use std::time::Instant;

use dyad_core::Document;
use dyad_events::{ActorRef, Coder};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: bench_coder OUTPUT.jsonl [ROUNDS] [EVENTS.jsonl]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut docs: Vec<(Document, Vec<ActorRef>)> = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{path}: line {}: {e}", n + 1);
                std::process::exit(1);
            }
        };
        let mut v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{path}: line {}: {e}", n + 1);
                continue;
            }
        };
        let actors = v.get_mut("actors").map(serde_json::Value::take);
        let actors: Vec<ActorRef> = actors
            .and_then(|a| serde_json::from_value::<Vec<ActorRef>>(a).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|mut a| {
                a.extra.retain(|_, v| !v.is_null());
                a
            })
            .collect();
        match serde_json::from_value::<Document>(v) {
            Ok(d) => docs.push((d, actors)),
            Err(e) => eprintln!("{path}: line {}: {e}", n + 1),
        }
    }
    let coder = Coder::cameo();
    let sentences: usize = docs.iter().map(|(d, _)| d.sentences.len()).sum();
    let mut best = f64::INFINITY;
    let mut events = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        events = docs
            .iter()
            .map(|(d, a)| coder.code(d, a).len())
            .sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} documents, {sentences} sentences, {events} events; best of {rounds}: {:.4} s, {:.0} sentences/s",
        docs.len(),
        best,
        sentences as f64 / best
    );
    if let Some(out) = args.get(2) {
        let mut w = std::io::BufWriter::new(std::fs::File::create(out).expect("events file"));
        for (d, a) in &docs {
            let line = serde_json::to_string(&coder.code(d, a)).expect("events serialize");
            writeln!(w, "{line}").expect("write events");
        }
    }
}
