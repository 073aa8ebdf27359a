//! `dyad`: turn news text into political event data.
//!
//! The binary is thin: argument parsing and reporting live here and in `cmd/`, the work is
//! done by the library crates, one per pipeline stage.

mod cmd;
mod output;
mod pipeline;
mod progress;
mod table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Turn news text into political event data",
    long_about = "dyad reads news (plain text, HTML, WARC, JSON Lines; compressed or not), \
                  cleans it, splits it into sentences and tokens, and writes one JSON record per \
                  document in which every annotation points back to byte spans of the input."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents and write their cleaned text and metadata (no analysis)
    Read(cmd::run::RunArgs),
    /// Run the full pipeline on documents and write the annotated records
    Code(cmd::run::RunArgs),
    /// Evaluate a stage against a gold standard and print its metrics
    #[command(subcommand)]
    Eval(cmd::eval::EvalCommand),
    /// Train a model (tagger, parser or ner) from treebank or BIO files, or the quote
    /// speaker ranker
    #[command(subcommand)]
    Train(TrainCommand),
}

#[derive(Subcommand)]
enum TrainCommand {
    /// UPOS+XPOS tagger with morphological features and lemmas (CoNLL-U input)
    Tagger(cmd::train::TrainOpts),
    /// Labelled dependency parser (CoNLL-U input)
    Parser(cmd::train::TrainOpts),
    /// Named-entity tagger (BIO/IOB2 input)
    Ner(cmd::train::TrainOpts),
    /// The quote speaker ranker, from annotated quotation sets (format of `dyad eval quotes`)
    Speakers(cmd::train_speakers::SpeakerArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Read(args) => cmd::run::run(&args, cmd::run::Stage::Read),
        Command::Code(args) => cmd::run::run(&args, args.stop_after),
        Command::Eval(cmd) => cmd::eval::run(&cmd),
        Command::Train(t) => {
            use cmd::train::ModelKind;
            match t {
                TrainCommand::Tagger(o) => cmd::train::run(ModelKind::Tagger, &o),
                TrainCommand::Parser(o) => cmd::train::run(ModelKind::Parser, &o),
                TrainCommand::Ner(o) => cmd::train::run(ModelKind::Ner, &o),
                TrainCommand::Speakers(a) => cmd::train_speakers::run(&a),
            }
            .map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`dyad code ... | head`) is the reader's choice, not an error.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
