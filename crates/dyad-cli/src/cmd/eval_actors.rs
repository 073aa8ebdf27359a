//! `dyad eval actors FILE...`: actor resolution against hand-annotated news texts.
//!
//! Each file is a gold text of `testdata/actors/` (`{{mention|CODE}}` markup, see
//! `dyad_actors::gold`) or a standoff `.tsv` list over a text kept elsewhere
//! (`actors_standoff`). The markup-free text runs through the whole pipeline (clean,
//! tokenize, tag, parse, NER), then through both actor layers: the parse-based resolver
//! (`Dictionary::resolve`, the one scored per file) and, for comparison in the same run,
//! the pre-parse layer (`resolve_simple`). Predicted spans are mapped back to the gold
//! text through the document's offset map, so cleaning never shifts the scoring.

use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};
use clap::{Args, Subcommand};
use dyad_actors::gold::{read_gold, score, Miss, Score};
use dyad_actors::{ActorMention, Dictionary};
use dyad_core::{DocMeta, Span};
use dyad_ingest::RawDocument;
use serde::Serialize;

use crate::cmd::actors_standoff::{read_standoff, JsonCache};
use crate::cmd::eval::{file_name, print_json};
use crate::cmd::run::Stage;
use crate::pipeline::Pipeline;
use crate::table::{pct, render};

#[derive(Subcommand, Debug)]
pub enum ActorsEval {
    /// Annotated actor mentions: country and sector accuracy (over all mentions and over the
    /// resolved ones), code exact match, share unresolved
    Actors(ActorsArgs),
}

#[derive(Args, Debug)]
pub struct ActorsArgs {
    /// Gold files: texts with `{{mention|CODE}}` markup (e.g. testdata/actors/test/*.txt), or
    /// standoff `.tsv` files over texts kept outside the repository (testdata/actors/test7)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The model directory (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Also list every gold mention the resolver got wrong
    #[arg(long)]
    pub errors: bool,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct FileReport {
    file: String,
    #[serde(flatten)]
    score: Score,
    country_accuracy: f64,
    /// Over the mentions the resolver gave a country (precision without coverage).
    country_accuracy_resolved: f64,
    sector_accuracy: f64,
    sector_accuracy_resolved: f64,
    code_exact: f64,
    unresolved_share: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<Miss>,
}

impl FileReport {
    fn new(file: String, score: Score, errors: Vec<Miss>) -> FileReport {
        FileReport {
            file,
            country_accuracy: score.country_accuracy(),
            country_accuracy_resolved: score.country_accuracy_resolved(),
            sector_accuracy: score.sector_accuracy(),
            sector_accuracy_resolved: score.sector_accuracy_resolved(),
            code_exact: score.code_exact(),
            unresolved_share: score.unresolved_share(),
            score,
            errors,
        }
    }

    fn row(&self) -> Vec<String> {
        let s = &self.score;
        vec![
            self.file.clone(),
            s.mentions.to_string(),
            pct(self.country_accuracy),
            pct(self.country_accuracy_resolved),
            pct(self.sector_accuracy),
            pct(self.sector_accuracy_resolved),
            pct(self.code_exact),
            pct(self.unresolved_share),
            s.found.to_string(),
        ]
    }
}

pub fn run(cmd: &ActorsEval) -> Result<()> {
    let ActorsEval::Actors(a) = cmd;
    let pipeline = Pipeline::new(Stage::Annotate, a.models.as_deref())?;
    let dict = Dictionary::builtin().map_err(|e| anyhow!("actor dictionaries: {e}"))?;
    let mut files = Vec::new();
    let (mut total, mut simple_total) = (Score::default(), Score::default());
    let mut json_cache = JsonCache::new();
    for f in &a.files {
        let gold = if f.extension().is_some_and(|e| e == "tsv") {
            read_standoff(f, &mut json_cache)?
        } else {
            let input = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read {}", f.display()))?;
            read_gold(&input, &f.display().to_string())?
        };
        let mut meta = DocMeta::new(&f.display().to_string(), gold.text.as_bytes());
        meta.date = gold.date.map(|d| d.to_string());
        let raw = RawDocument {
            meta,
            body: Span::new(0, gold.text.len()),
            text: gold.text.clone(),
            warnings: Vec::new(),
        };
        let out = pipeline.process(raw);
        let to_gold = |ms: Vec<ActorMention>| -> Vec<ActorMention> {
            ms.into_iter()
                .map(|mut m| {
                    m.span = out.doc.offsets.map_span(m.span);
                    m
                })
                .collect()
        };
        let parsed = to_gold(dict.resolve(&out.doc, gold.date));
        let simple = to_gold(dict.resolve_simple(&out.doc.tokens, gold.date));
        let (s, misses) = score(&gold, &parsed, dict.codebook());
        total.add(&s);
        simple_total.add(&score(&gold, &simple, dict.codebook()).0);
        let misses = if a.errors { misses } else { Vec::new() };
        files.push(FileReport::new(file_name(f), s, misses));
    }
    let all = FileReport::new("all (parse-based)".into(), total, Vec::new());
    let simple = FileReport::new("all (pre-parse layer)".into(), simple_total, Vec::new());
    if a.json {
        return print_json(&serde_json::json!({
            "files": files,
            "total": all,
            "pre_parse_total": simple,
        }));
    }
    let mut rows: Vec<Vec<String>> = files.iter().map(FileReport::row).collect();
    rows.push(all.row());
    rows.push(simple.row());
    print!(
        "{}",
        render(
            &[
                "file",
                "mentions",
                "country %",
                "country % resolved",
                "sector %",
                "sector % resolved",
                "code exact %",
                "unresolved %",
                "found"
            ],
            &rows
        )
    );
    if a.errors {
        for f in &files {
            for m in &f.errors {
                println!(
                    "{}:{}\t{} [{}]\t-> {} [{}]\t{}",
                    f.file,
                    m.line,
                    m.gold,
                    m.gold_code.as_deref().unwrap_or("-"),
                    m.predicted.as_deref().unwrap_or("(none)"),
                    m.predicted_code.as_deref().unwrap_or("-"),
                    m.rule.as_deref().unwrap_or("")
                );
            }
        }
    }
    Ok(())
}
