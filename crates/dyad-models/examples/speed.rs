//! Throughput of tagging + parsing + NER on one thread, on the gold words of a CoNLL-U file:
//! `cargo run --release -p dyad-models --example speed -- FILE.conllu [ROUNDS]`.
//! Prints model load time, tokens per second and the resident memory after loading.

use std::path::Path;
use std::time::Instant;

use dyad_models::cputime::thread_cpu_seconds as cpu_seconds;
use dyad_models::{data, Models, Scratch};

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().map(String::as_str).unwrap_or("-");
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let sents = data::read_conllu(Path::new(file))?;
    let forms: Vec<Vec<String>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    let before = rss_kb();
    let t = Instant::now();
    let models = Models::load_default()?;
    let load = t.elapsed().as_secs_f64();
    let after = rss_kb();
    let mut s = Scratch::default();
    let mut best = 0f64;
    let mut best_cpu = 0f64;
    let mut tokens = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        let c = cpu_seconds();
        tokens = 0;
        for f in &forms {
            let refs: Vec<&str> = f.iter().map(String::as_str).collect();
            models.analyze(&refs, &mut s);
            tokens += refs.len();
        }
        best = best.max(tokens as f64 / t.elapsed().as_secs_f64());
        best_cpu = best_cpu.max(tokens as f64 / (cpu_seconds() - c).max(1e-9));
    }
    println!(
        "{{\"tokens\": {tokens}, \"tokens_per_second\": {best:.0}, \"tokens_per_cpu_second\": {best_cpu:.0}, \"load_seconds\": {load:.3}, \"models_rss_mb\": {:.1}}}",
        (after.saturating_sub(before)) as f64 / 1024.0
    );
    Ok(())
}
