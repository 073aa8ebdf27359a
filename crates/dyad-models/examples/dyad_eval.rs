//! `dyad eval ud|ner` without the rest of the CLI: runs the evaluation modules of dyad-eval on
//! the models in `$DYAD_MODELS` (default `models/`) and prints their reports as JSON, plus the
//! model load time. `cargo run --release -p dyad-models --example dyad_eval -- ud FILE...`

#[path = "../../dyad-eval/src/ner.rs"]
mod ner;
#[path = "../../dyad-eval/src/segtok.rs"]
#[allow(dead_code)]
mod segtok;
#[path = "../../dyad-eval/src/ud.rs"]
mod ud;

use std::path::Path;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, files)) = args.split_first() else {
        anyhow::bail!("usage: dyad_eval ud|ud-raw|ner FILE...");
    };
    let t = Instant::now();
    let models = dyad_models::Models::load_default()?;
    eprintln!("models loaded in {:.3}s", t.elapsed().as_secs_f64());
    for f in files {
        let json = match mode.as_str() {
            "ud" => serde_json::to_string(&ud::evaluate_ud(&models, Path::new(f))?)?,
            "ud-raw" => serde_json::to_string(&ud::evaluate_ud_raw(&models, Path::new(f))?)?,
            "ner" => serde_json::to_string(&ner::evaluate_ner(&models, Path::new(f))?)?,
            _ => anyhow::bail!("unknown mode {mode}"),
        };
        println!("{json}");
    }
    Ok(())
}
