//! `dyad read` and `dyad code`: read inputs, run the pipeline, write records, report skips.
//!
//! A corpus run never stops at a bad input: each input or record that cannot be read is
//! reported with its file and position, counted, and skipped. The exit code is non-zero only
//! when nothing at all could be read.
//!
//! Limits are options with defaults sized for news (see docs/reliability.md): the input as
//! stored (`--max-input-bytes`), after decompression (`--max-decompressed-bytes`), one
//! document's text after decoding and extraction (`--max-doc-bytes`, checked here, before the
//! pipeline, because the text stages need about 40 times a document's size in memory), and
//! the sentence length (`--max-sentence-tokens`, longer sentences are split with a warning).
//! Each refusal names its limit and value.
//!
//! Ctrl-C ends the run between documents (see [`crate::progress::Interrupt`]) with the usual
//! summary marked `interrupted` and exit code 130; `--resume` continues an interrupted
//! JSON Lines output, skipping the records it already holds.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Args;
use dyad_ingest::{ErrorKind, RawDocument, ReadError, ReaderConfig};

use crate::output::{meta_key, Format, Resumed, Rows, Sink};
use crate::pipeline::Pipeline;
use crate::progress::{Interrupt, Progress};

/// The exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT, the shell convention).
pub const EXIT_INTERRUPTED: u8 = 130;

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
    /// Largest document to code, in bytes of text after decompression, decoding and HTML
    /// extraction; larger documents are skipped (coding one needs 40 to 200 times its size in
    /// memory, the most for text made only of punctuation)
    #[arg(long, value_name = "BYTES", default_value_t = 4 << 20)]
    pub max_doc_bytes: u64,
    /// Longest sentence, in tokens: a longer run of words without a sentence end is split
    /// there, and the record carries a warning saying so
    #[arg(long, value_name = "TOKENS", default_value_t = dyad_text::segmenter::MAX_SENTENCE_WORDS)]
    pub max_sentence_tokens: usize,
    /// Append to the JSON Lines file given by -o, skipping the documents it already holds
    /// (by source, record and content id); an incomplete last line is cut away first
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// The model directory for `code` (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// `code` only: an actor overlay TSV read on top of the built-in dictionaries
    /// (`actor<TAB>phrase<TAB>code[<TAB>roles[<TAB>kind]]` or
    /// `agent<TAB>phrase<TAB>code<TAB>prefix|suffix`; README, "Your own dictionaries");
    /// repeatable, earlier files first
    #[arg(long = "actors", value_name = "FILE")]
    pub actor_overlays: Vec<PathBuf>,
    /// `code` only: an actor dictionary in PETRARCH's format; repeatable
    #[arg(long, value_name = "FILE")]
    pub petrarch_actors: Vec<PathBuf>,
    /// `code` only: an agent dictionary in PETRARCH's format; repeatable
    #[arg(long, value_name = "FILE")]
    pub petrarch_agents: Vec<PathBuf>,
    /// `code` only: a verb dictionary in PETRARCH's format read on top of CAMEO.2.0.txt and
    /// data/events/news_verbs.txt (a verb listed replaces the verbs of its lemma); repeatable
    #[arg(long = "verbs", value_name = "FILE")]
    pub verb_overlays: Vec<PathBuf>,
    /// `code` only: the last stage to run (the default runs them all)
    #[arg(long, value_enum, default_value = "annotate")]
    pub stop_after: Stage,
    /// No progress bar and no summary on standard error
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

impl RunArgs {
    fn user_dictionaries(&self) -> crate::pipeline::UserDictionaries {
        crate::pipeline::UserDictionaries {
            actors: self.actor_overlays.clone(),
            petrarch_actors: self.petrarch_actors.clone(),
            petrarch_agents: self.petrarch_agents.clone(),
            verbs: self.verb_overlays.clone(),
        }
    }

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

/// Refuses a document whose text is larger than `max` bytes, naming the limit.
fn check_doc_size(raw: &RawDocument, max: u64) -> Result<(), ReadError> {
    let len = raw.text.len() as u64;
    if len <= max {
        return Ok(());
    }
    let msg = format!(
        "document text of {len} bytes exceeds the limit of {max} bytes (--max-doc-bytes); raise the limit or split the document"
    );
    Err(match &raw.meta.record {
        Some(r) => ReadError::at(&raw.meta.source, r.clone(), ErrorKind::TooLarge, msg),
        None => ReadError::new(&raw.meta.source, ErrorKind::TooLarge, msg),
    })
}

/// What a run did, for the summary.
struct Tally {
    inputs: usize,
    inputs_done: usize,
    written: usize,
    resumed: Resumed,
    already: usize,
    interrupted: bool,
}

pub fn run(args: &RunArgs, stage: Stage) -> Result<ExitCode> {
    let cfg = args.reader_config();
    if args.format == Format::Gkg && stage < Stage::Annotate {
        bail!("--format gkg needs the annotate stage: use `dyad code` without --stop-after");
    }
    if args.resume && args.format != Format::Jsonl {
        bail!("--resume works with the jsonl output format only");
    }
    if args.max_sentence_tokens == 0 {
        bail!("--max-sentence-tokens must be at least 1");
    }
    let interrupt = Interrupt::install()?;
    let pipeline = Pipeline::new(stage, args.models.as_deref())?
        .with_dictionaries(&args.user_dictionaries())?
        .with_text_limits(dyad_text::TextLimits {
            max_sentence_words: args.max_sentence_tokens,
        });
    let rows = match stage {
        Stage::Read => Rows::Documents,
        Stage::Tokenize | Stage::Models | Stage::Annotate => Rows::Tokens,
    };
    let (mut sink, resumed) = match (&args.output, args.resume) {
        (Some(path), true) => Sink::resume(path)?,
        _ => (
            Sink::create(args.output.as_deref(), args.format, rows)?,
            Resumed::default(),
        ),
    };
    let (inputs, mut errors) = dyad_ingest::expand_inputs(&args.inputs);
    let mut progress = Progress::new(inputs.len(), args.quiet);
    let mut tally = Tally {
        inputs: inputs.len(),
        inputs_done: 0,
        written: 0,
        resumed,
        already: 0,
        interrupted: false,
    };
    'inputs: for input in &inputs {
        for item in dyad_ingest::read_input(input, &cfg) {
            if interrupt.requested() {
                tally.interrupted = true;
                break 'inputs;
            }
            let raw = match item {
                Ok(raw) => raw,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if !tally.resumed.keys.is_empty() && tally.resumed.keys.contains(&meta_key(&raw.meta)) {
                tally.already += 1;
                continue;
            }
            if let Err(e) = check_doc_size(&raw, args.max_doc_bytes) {
                errors.push(e);
                continue;
            }
            // A document being coded when Ctrl-C arrives is finished and written whole.
            let doc = pipeline.process(raw);
            sink.write(&doc)?;
            progress.document_done();
        }
        tally.inputs_done += 1;
        progress.input_done();
    }
    progress.finish();
    tally.written = sink.written();
    sink.finish()?;
    if !args.quiet {
        summary(&tally, &errors, &progress);
    } else {
        for e in &errors {
            eprintln!("dyad: skipped {e}");
        }
        if tally.interrupted {
            eprintln!("dyad: interrupted");
        }
    }
    Ok(if tally.interrupted {
        ExitCode::from(EXIT_INTERRUPTED)
    } else if tally.written == 0 && tally.already == 0 && !errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(t: &Tally, errors: &[ReadError], progress: &Progress) {
    const SHOWN: usize = 20;
    for e in errors.iter().take(SHOWN) {
        eprintln!("dyad: skipped {e}");
    }
    if errors.len() > SHOWN {
        eprintln!("dyad: ... and {} more skipped", errors.len() - SHOWN);
    }
    if t.resumed.records > 0 || t.resumed.cut > 0 {
        eprintln!(
            "dyad: resumed an output of {} record(s){}; {} document(s) already there were not coded again",
            t.resumed.records,
            if t.resumed.cut > 0 {
                format!(" (an incomplete last line of {} bytes was cut away)", t.resumed.cut)
            } else {
                String::new()
            },
            t.already
        );
    }
    let (head, inputs) = if t.interrupted {
        (
            "dyad: interrupted: ",
            format!("{} of {}", t.inputs_done, t.inputs),
        )
    } else {
        ("dyad: ", t.inputs.to_string())
    };
    eprintln!(
        "{head}{} document(s) from {inputs} input(s) in {:.2}s ({:.1} docs/s); {} skipped",
        t.written,
        progress.elapsed().as_secs_f64(),
        progress.rate(),
        errors.len()
    );
    if t.interrupted {
        eprintln!(
            "dyad: the output holds complete records only; rerun with --resume -o FILE to finish"
        );
    }
}
