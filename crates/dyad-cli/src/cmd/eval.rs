//! `dyad eval ...`: run a stage against a gold standard and print the metrics a paper would.
//!
//! Every verb prints a readable table, or with `--json` one JSON object holding its metrics.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::table::{pct, render};

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// HTML main-text extraction on the article-extraction benchmark (token-shingle P/R/F1)
    Extract(ExtractArgs),
    /// Sentence segmentation from raw text against CoNLL-U files (CoNLL 2018 sentence F1)
    Segment(SegTokArgs),
    /// Tokenization from raw text against CoNLL-U files (CoNLL 2018 token and word F1)
    Tokenize(SegTokArgs),
    /// Tagging, lemmas and parsing on gold tokenization (UPOS, XPOS, UFeats, Lemma, UAS, LAS)
    Ud(ModelEvalArgs),
    /// Named-entity recognition on a BIO file (span precision/recall/F1 per type)
    Ner(ModelEvalArgs),
    #[command(flatten)]
    Events(super::eval_events::EventsEval),
    #[command(flatten)]
    Actors(super::eval_actors::ActorsEval),
    #[command(flatten)]
    Gkg(super::eval_gkg::GkgEval),
    #[command(flatten)]
    EventsGold(super::eval_events_gold::GoldEval),
}

#[derive(Args, Debug)]
pub struct ModelEvalArgs {
    /// Gold files: CoNLL-U for `ud`, BIO/IOB2 for `ner`
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The model directory (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
    /// `ud` only: start from the raw text through dyad's segmenter and tokenizer and print
    /// the CoNLL 2018 shared-task scores (F1 over aligned words)
    #[arg(long)]
    pub raw: bool,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// The benchmark folder, holding `html/*.html.gz` and `ground-truth.json`
    pub dir: PathBuf,
    /// Also write the predictions where the benchmark's own `evaluate.py` can read them
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct SegTokArgs {
    /// CoNLL-U files whose raw text is rebuilt, segmented and tokenized
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(cmd: &EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Extract(a) => extract(a),
        EvalCommand::Segment(a) => segtok(a, true),
        EvalCommand::Tokenize(a) => segtok(a, false),
        EvalCommand::Ud(a) => ud(a),
        EvalCommand::Ner(a) => ner(a),
        EvalCommand::Events(c) => super::eval_events::run(c),
        EvalCommand::Actors(c) => super::eval_actors::run(c),
        EvalCommand::Gkg(c) => super::eval_gkg::run(c),
        EvalCommand::EventsGold(c) => super::eval_events_gold::run(c),
    }
    .map(|()| ExitCode::SUCCESS)
}

/// Writes one JSON object and a newline to standard output. Unlike `println!` it returns the
/// write error, so a closed pipe (`dyad eval ... --json | head -c 10`) ends the run quietly
/// (main treats a broken pipe as success) instead of panicking.
pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut line = serde_json::to_string(value)?;
    line.push('\n');
    print_out(&line)
}

/// Writes `text` to standard output, returning the error instead of panicking.
pub(crate) fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn extract(a: &ExtractArgs) -> Result<()> {
    let report =
        dyad_eval::extract::evaluate_extraction_with_output(&a.dir, a.predictions.as_deref())
            .with_context(|| format!("cannot evaluate extraction on {}", a.dir.display()))?;
    if a.json {
        #[derive(Serialize)]
        struct Summary {
            pages: usize,
            precision: f64,
            recall: f64,
            f1: f64,
            accuracy: f64,
        }
        return print_json(&Summary {
            pages: report.pages,
            precision: report.precision,
            recall: report.recall,
            f1: report.f1,
            accuracy: report.accuracy,
        });
    }
    let errors = report
        .per_page
        .iter()
        .filter(|p| !p.errors.is_empty())
        .count();
    print_out(&format!(
        "HTML main-text extraction, {} ({} pages, {errors} with read errors)\n",
        a.dir.display(),
        report.pages
    ))?;
    print_out(&render(
        &["pages", "precision", "recall", "F1", "accuracy"],
        &[vec![
            report.pages.to_string(),
            format!("{:.3}", report.precision),
            format!("{:.3}", report.recall),
            format!("{:.3}", report.f1),
            format!("{:.3}", report.accuracy),
        ]],
    ))?;
    Ok(())
}

fn segtok(a: &SegTokArgs, sentences: bool) -> Result<()> {
    let mut reports = Vec::new();
    for f in &a.files {
        let r = dyad_eval::segtok::evaluate_segtok(f)
            .with_context(|| format!("cannot evaluate {}", f.display()))?;
        reports.push((f.display().to_string(), r));
    }
    if a.json {
        let v: Vec<serde_json::Value> = reports
            .iter()
            .map(|(f, r)| serde_json::json!({"file": f, "metrics": r}))
            .collect();
        return print_json(&serde_json::json!({ "files": v }));
    }
    let mut rows = Vec::new();
    for (f, r) in &reports {
        let name = std::path::Path::new(f)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| f.clone());
        let metrics: Vec<(&str, &dyad_eval::segtok::Score)> = if sentences {
            vec![("Sentences", &r.sentences)]
        } else {
            vec![("Tokens", &r.tokens), ("Words", &r.words)]
        };
        for (m, s) in metrics {
            rows.push(vec![
                name.clone(),
                m.to_string(),
                pct(s.precision),
                pct(s.recall),
                pct(s.f1),
            ]);
        }
    }
    print_out(&render(
        &["file", "metric", "precision", "recall", "F1"],
        &rows,
    ))?;
    Ok(())
}

pub(crate) fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Loads the models once and evaluates every file of `a` with them, naming the file that fails.
fn each_file<R, E>(
    a: &ModelEvalArgs,
    evaluate: impl Fn(&dyad_models::Models, &std::path::Path) -> std::result::Result<R, E>,
) -> Result<Vec<R>>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let models = crate::pipeline::load_models(a.models.as_deref())?;
    a.files
        .iter()
        .map(|f| evaluate(&models, f).with_context(|| format!("cannot evaluate {}", f.display())))
        .collect()
}

fn ud(a: &ModelEvalArgs) -> Result<()> {
    if a.raw {
        return ud_raw(a);
    }
    let reports = each_file(a, dyad_eval::ud::evaluate_ud)?;
    if a.json {
        return print_json(&serde_json::json!({ "files": reports }));
    }
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            let mut row = vec![
                file_name(std::path::Path::new(&r.file)),
                r.words.to_string(),
            ];
            for x in [r.upos, r.xpos, r.ufeats, r.alltags, r.lemma, r.uas, r.las] {
                row.push(format!("{x:.2}"));
            }
            row
        })
        .collect();
    print_out("Gold tokenization; scores in percent of words\n")?;
    print_out(&render(
        &[
            "file", "words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemma", "UAS", "LAS",
        ],
        &rows,
    ))?;
    Ok(())
}

fn ud_raw(a: &ModelEvalArgs) -> Result<()> {
    let reports = each_file(a, dyad_eval::ud::evaluate_ud_raw)?;
    if a.json {
        return print_json(&serde_json::json!({ "files": reports }));
    }
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            let mut row = vec![file_name(std::path::Path::new(&r.file))];
            for x in [
                r.tokens,
                r.sentences,
                r.words,
                r.upos,
                r.xpos,
                r.ufeats,
                r.alltags,
                r.lemma,
                r.uas,
                r.las,
            ] {
                row.push(format!("{x:.2}"));
            }
            row
        })
        .collect();
    print_out("Raw text through dyad's segmenter and tokenizer; CoNLL 2018 F1 in percent\n")?;
    print_out(&render(
        &[
            "file",
            "Tokens",
            "Sentences",
            "Words",
            "UPOS",
            "XPOS",
            "UFeats",
            "AllTags",
            "Lemma",
            "UAS",
            "LAS",
        ],
        &rows,
    ))?;
    Ok(())
}

fn ner(a: &ModelEvalArgs) -> Result<()> {
    let reports = each_file(a, dyad_eval::ner::evaluate_ner)?;
    if a.json {
        return print_json(&serde_json::json!({ "files": reports }));
    }
    let mut rows = Vec::new();
    for r in &reports {
        let name = file_name(std::path::Path::new(&r.file));
        let all_label = "ALL".to_string();
        let all = r
            .per_type
            .iter()
            .chain(std::iter::once((&all_label, &r.total)));
        for (t, s) in all {
            rows.push(vec![
                name.clone(),
                t.clone(),
                s.gold.to_string(),
                s.predicted.to_string(),
                format!("{:.2}", s.precision),
                format!("{:.2}", s.recall),
                format!("{:.2}", s.f1),
            ]);
        }
    }
    print_out("Exact entity spans; ALL is the micro average\n")?;
    print_out(&render(
        &[
            "file",
            "type",
            "gold",
            "predicted",
            "precision",
            "recall",
            "F1",
        ],
        &rows,
    ))?;
    Ok(())
}
