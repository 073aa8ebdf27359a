//! `dyad read` and `dyad code`: read inputs, run the pipeline, write records, report skips.
//!
//! A corpus run never stops at a bad input: each input or record that cannot be read is
//! reported with its file and position, counted, and skipped. The exit code is non-zero only
//! when nothing at all could be read.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use dyad_ingest::{ReadError, ReaderConfig};

use crate::output::{Format, Rows, Sink};
use crate::pipeline::Pipeline;
use crate::progress::Progress;

/// How far the pipeline runs, in pipeline order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Stage {
    /// Reading and cleaning only (`dyad read`).
    #[value(skip)]
    Read,
    /// Sentences and tokens.
    Tokenize,
    /// Lemmas, tags, dependency trees and entities from the trained models.
    Models,
    /// Actor mentions, tone, dates, amounts, places and quotations.
    Annotate,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Files, directories (read recursively), glob patterns, or `-` for standard input
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Treat every input as this format instead of detecting it
    #[arg(long, value_name = "FORMAT", value_parser = ["text", "html", "jsonl", "warc"])]
    pub input_format: Option<String>,
    /// JSON Lines: the field holding the text
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSON Lines: the field holding the title
    #[arg(long, default_value = "title")]
    pub title_field: String,
    /// JSON Lines: the field holding the publication date
    #[arg(long, default_value = "date")]
    pub date_field: String,
    /// JSON Lines: the field holding the URL
    #[arg(long, default_value = "url")]
    pub url_field: String,
    /// Largest input file or record to read, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    pub max_input_bytes: u64,
    /// Largest size a compressed input may expand to, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 30)]
    pub max_decompressed_bytes: u64,
    /// The model directory for `code` (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// `code` only: the last stage to run (the default runs them all)
    #[arg(long, value_enum, default_value = "annotate")]
    pub stop_after: Stage,
    /// No progress bar and no summary on standard error
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

impl RunArgs {
    fn reader_config(&self) -> ReaderConfig {
        ReaderConfig {
            format: self.input_format.as_deref().and_then(|f| f.parse().ok()),
            text_field: self.text_field.clone(),
            title_field: self.title_field.clone(),
            date_field: self.date_field.clone(),
            url_field: self.url_field.clone(),
            max_input_bytes: self.max_input_bytes,
            max_decompressed_bytes: self.max_decompressed_bytes,
            ..ReaderConfig::default()
        }
    }
}

pub fn run(args: &RunArgs, stage: Stage) -> Result<ExitCode> {
    let cfg = args.reader_config();
    let pipeline = Pipeline::new(stage, args.models.as_deref())?;
    let rows = match stage {
        Stage::Read => Rows::Documents,
        Stage::Tokenize | Stage::Models | Stage::Annotate => Rows::Tokens,
    };
    let mut sink = Sink::create(args.output.as_deref(), args.format, rows)?;
    let (inputs, mut errors) = dyad_ingest::expand_inputs(&args.inputs);
    let mut progress = Progress::new(inputs.len(), args.quiet);
    for input in &inputs {
        for item in dyad_ingest::read_input(input, &cfg) {
            match item {
                Ok(raw) => {
                    let doc = pipeline.process(raw);
                    sink.write(&doc)?;
                    progress.document_done();
                }
                Err(e) => errors.push(e),
            }
        }
        progress.input_done();
    }
    progress.finish();
    let written = sink.written();
    sink.finish()?;
    if !args.quiet {
        summary(written, inputs.len(), &errors, &progress);
    } else {
        for e in &errors {
            eprintln!("dyad: skipped {e}");
        }
    }
    Ok(if written == 0 && !errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(written: usize, inputs: usize, errors: &[ReadError], progress: &Progress) {
    const SHOWN: usize = 20;
    for e in errors.iter().take(SHOWN) {
        eprintln!("dyad: skipped {e}");
    }
    if errors.len() > SHOWN {
        eprintln!("dyad: ... and {} more skipped", errors.len() - SHOWN);
    }
    eprintln!(
        "dyad: {written} document(s) from {inputs} input(s) in {:.2}s ({:.1} docs/s); {} skipped",
        progress.elapsed().as_secs_f64(),
        progress.rate(),
        errors.len()
    );
}
