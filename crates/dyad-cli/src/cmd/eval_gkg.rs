//! `dyad eval quotes` and `dyad eval geo`: the knowledge-graph fields against hand-annotated
//! gold files (format in `dyad_gkg::eval`, sets in `testdata/gkg`).
//!
//! Each document of a gold file goes through the real pipeline (`dyad code` up to the
//! annotate stage: tokens, models, dictionary actors, then dyad-gkg), so the numbers measure
//! what users get. System spans are mapped back to the input text through the cleaner's
//! offset map before they are compared with the gold spans.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use dyad_core::{DocMeta, Span};
use dyad_gkg::eval::{read_gold, GeoScores, GoldDoc, QuoteScores};
use dyad_ingest::RawDocument;
use serde::Serialize;

use crate::cmd::eval::{file_name, print_json};
use crate::cmd::run::Stage;
use crate::pipeline::{Annotated, Pipeline};
use crate::table::{pct, render};

#[derive(Subcommand, Debug)]
pub enum GkgEval {
    /// Annotated quotations: speaker accuracy and quote span P/R/F1 (direct/indirect)
    Quotes(GoldArgs),
    /// Annotated place mentions: country and city accuracy
    Geo(GoldArgs),
}

#[derive(Args, Debug)]
pub struct GoldArgs {
    /// Gold files: `@doc` blocks of D/I quote lines (`quotes`) or G place lines (`geo`), or
    /// `# file:` lines and one tab-separated row per event (`events`)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The model directory (default: $DYAD_MODELS, else the repository's models/)
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    pub json: bool,
    /// Also print each miss, wrong answer and spurious item (and, for `events`, each pair
    /// that matches below the exact level)
    #[arg(long)]
    pub errors: bool,
}

pub fn run(cmd: &GkgEval) -> Result<()> {
    match cmd {
        GkgEval::Quotes(a) => quotes(a),
        GkgEval::Geo(a) => geo(a),
    }
}

/// The documents of one gold file, each with the pipeline's annotation of its text.
type AnnotatedFile = (String, Vec<(GoldDoc, Annotated)>);

/// Runs the pipeline over every document of every gold file.
fn annotate_all(a: &GoldArgs) -> Result<Vec<AnnotatedFile>> {
    let pipeline = Pipeline::new(Stage::Annotate, a.models.as_deref())?;
    let mut out = Vec::new();
    for f in &a.files {
        let docs = read_gold(f)?;
        let mut done = Vec::new();
        for d in docs {
            let ann = pipeline.process(raw(&d));
            done.push((d, ann));
        }
        out.push((file_name(f), done));
    }
    Ok(out)
}

/// A gold document as the raw document the pipeline reads (its text whole, its date).
pub(crate) fn raw(d: &GoldDoc) -> RawDocument {
    let mut meta = DocMeta::new(&d.path.display().to_string(), d.text.as_bytes());
    meta.date = d.date.clone();
    RawDocument {
        meta,
        text: d.text.clone(),
        body: Span::new(0, d.text.len()),
        warnings: Vec::new(),
    }
}

fn quotes(a: &GoldArgs) -> Result<()> {
    let mut per_file = Vec::new();
    let mut total = QuoteScores::default();
    for (name, docs) in annotate_all(a)? {
        let mut s = QuoteScores::default();
        for (gold, ann) in &docs {
            let mut qs = ann
                .gkg
                .as_ref()
                .map(|g| g.quotes.clone())
                .unwrap_or_default();
            for q in &mut qs {
                q.span = ann.doc.offsets.map_span(q.span);
            }
            s.add_doc(gold, &qs);
            total.add_doc(gold, &qs);
        }
        per_file.push((name, s));
    }
    if a.errors {
        for e in &total.errors {
            eprintln!("{e}");
        }
    }
    if a.json {
        let rows: Vec<_> = per_file
            .iter()
            .map(|(f, s)| quote_json(f, s))
            .chain(std::iter::once(quote_json("total", &total)))
            .collect();
        return print_json(&rows);
    }
    let mut rows = Vec::new();
    for (f, s) in per_file
        .iter()
        .map(|(f, s)| (f.as_str(), s))
        .chain([("total", &total)])
    {
        for (k, kind) in ["all", "direct", "indirect"].iter().enumerate() {
            rows.push(vec![
                f.to_string(),
                kind.to_string(),
                s.exact[k].gold.to_string(),
                s.exact[k].system.to_string(),
                pct(s.exact[k].precision()),
                pct(s.exact[k].recall()),
                pct(s.exact[k].f1()),
                pct(s.overlap[k].precision()),
                pct(s.overlap[k].recall()),
                pct(s.overlap[k].f1()),
            ]);
        }
    }
    print!(
        "{}",
        render(
            &[
                "file",
                "quotes",
                "gold",
                "system",
                "exact P",
                "exact R",
                "exact F1",
                "overlap P",
                "overlap R",
                "overlap F1"
            ],
            &rows
        )
    );
    let rows: Vec<Vec<String>> = per_file
        .iter()
        .map(|(f, s)| (f.as_str(), s))
        .chain([("total", &total)])
        .map(|(f, s)| {
            vec![
                f.to_string(),
                s.named_gold.to_string(),
                s.named_found.to_string(),
                s.speaker_right.to_string(),
                pct(s.speaker_accuracy()),
                pct(s.speaker_end_to_end()),
            ]
        })
        .collect();
    println!();
    print!(
        "{}",
        render(
            &[
                "file",
                "named gold",
                "found",
                "speaker right",
                "speaker acc",
                "end-to-end"
            ],
            &rows
        )
    );
    Ok(())
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    file: &'a str,
    #[serde(flatten)]
    scores: &'a QuoteScores,
    speaker_accuracy: f64,
    speaker_end_to_end: f64,
    /// F1 of all / direct / indirect quotes.
    exact_f1: [f64; 3],
    overlap_f1: [f64; 3],
}

fn quote_json<'a>(file: &'a str, s: &'a QuoteScores) -> QuoteJson<'a> {
    QuoteJson {
        file,
        scores: s,
        speaker_accuracy: s.speaker_accuracy(),
        speaker_end_to_end: s.speaker_end_to_end(),
        exact_f1: [s.exact[0].f1(), s.exact[1].f1(), s.exact[2].f1()],
        overlap_f1: [s.overlap[0].f1(), s.overlap[1].f1(), s.overlap[2].f1()],
    }
}

fn geo(a: &GoldArgs) -> Result<()> {
    let mut per_file = Vec::new();
    let mut total = GeoScores::default();
    for (name, docs) in annotate_all(a)? {
        let mut s = GeoScores::default();
        for (gold, ann) in &docs {
            let mut ls = ann
                .gkg
                .as_ref()
                .map(|g| g.locations.clone())
                .unwrap_or_default();
            for l in &mut ls {
                l.span = ann.doc.offsets.map_span(l.span);
            }
            s.add_doc(gold, &ls);
            total.add_doc(gold, &ls);
        }
        per_file.push((name, s));
    }
    if a.errors {
        for e in &total.errors {
            eprintln!("{e}");
        }
    }
    #[derive(Serialize)]
    struct GeoJson<'a> {
        file: &'a str,
        #[serde(flatten)]
        scores: &'a GeoScores,
        recall: f64,
        precision: f64,
        country_accuracy: f64,
        city_accuracy: f64,
    }
    let all: Vec<(&str, &GeoScores)> = per_file
        .iter()
        .map(|(f, s)| (f.as_str(), s))
        .chain([("total", &total)])
        .collect();
    if a.json {
        let rows: Vec<GeoJson> = all
            .iter()
            .map(|(f, s)| GeoJson {
                file: f,
                scores: s,
                recall: s.recall(),
                precision: s.precision(),
                country_accuracy: s.country_accuracy(),
                city_accuracy: s.city_accuracy(),
            })
            .collect();
        return print_json(&rows);
    }
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|(f, s)| {
            vec![
                f.to_string(),
                s.gold.to_string(),
                s.found.to_string(),
                pct(s.recall()),
                pct(s.precision()),
                pct(s.country_accuracy()),
                s.cities_found.to_string(),
                pct(s.city_accuracy()),
            ]
        })
        .collect();
    print!(
        "{}",
        render(
            &[
                "file",
                "gold",
                "found",
                "recall",
                "precision",
                "country acc",
                "cities",
                "city acc"
            ],
            &rows
        )
    );
    Ok(())
}
