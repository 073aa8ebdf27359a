//! `dyad train` without the rest of the CLI: the same command file, run as an example, so that
//! models can be trained while the `dyad` binary is being wired. Same arguments:
//! `cargo run --release -p dyad-models --example dyad_train -- tagger --train ... --dev ... --out ...`

#[path = "../../dyad-cli/src/cmd/train.rs"]
mod train;

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: train::TrainArgs,
}

fn main() -> anyhow::Result<()> {
    let args = Cli::parse().args;
    train::run(args.kind, &args.opts)
}
