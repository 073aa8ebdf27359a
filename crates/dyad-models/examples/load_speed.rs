//! CPU time of loading the shipped models, split into reading + decompressing the files and
//! building the tables, and of `Models::load` (the three at once, as `dyad` loads them):
//! `cargo run --release -p dyad-models --example load_speed -- [ROUNDS]`.
//! Prints the best of ROUNDS (default 3) for each part, in milliseconds.

use dyad_models::cputime::thread_cpu_seconds as cpu;
use dyad_models::{codec, Models, Ner, Parser, Tagger, NER_FILE, PARSER_FILE, TAGGER_FILE};

fn main() -> anyhow::Result<()> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let dir = Models::default_dir();
    let mut best = [f64::MAX; 5];
    for _ in 0..rounds {
        let t = cpu();
        for (file, kind) in [
            (TAGGER_FILE, "tagger"),
            (PARSER_FILE, "parser"),
            (NER_FILE, "ner"),
        ] {
            std::hint::black_box(codec::read_file(&dir.join(file), kind)?);
        }
        best[0] = best[0].min(cpu() - t);
        let t = cpu();
        std::hint::black_box(Tagger::load(&dir.join(TAGGER_FILE))?);
        best[1] = best[1].min(cpu() - t);
        let t = cpu();
        std::hint::black_box(Parser::load(&dir.join(PARSER_FILE))?);
        best[2] = best[2].min(cpu() - t);
        let t = cpu();
        std::hint::black_box(Ner::load(&dir.join(NER_FILE))?);
        best[3] = best[3].min(cpu() - t);
        let t = cpu();
        std::hint::black_box(Models::load(&dir)?);
        best[4] = best[4].min(cpu() - t);
    }
    let [read, tagger, parser, ner, models] = best.map(|s| s * 1e3);
    println!(
        "read+inflate {read:.0} ms; load: tagger {tagger:.0} ms, parser {parser:.0} ms, \
         ner {ner:.0} ms, all {:.0} ms; Models::load {models:.0} ms",
        tagger + parser + ner
    );
    Ok(())
}
