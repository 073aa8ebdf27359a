//! Builds the recognizer's word-class table from unlabelled text:
//! `ner_clusters --out data/models/ner_clusters.tsv FILE...`.
//!
//! Inputs by name: `*.conllu` (the word forms of each sentence), `*.json` (the
//! article-extraction benchmark's `ground-truth.json`: each `articleBody`, tokenized and
//! split into sentences by dyad-text), anything else a CoNLL-style file (first column, blank
//! lines between sentences, `-DOCSTART-` skipped). See `dyad_models::ner::classes`.
use std::path::Path;

use anyhow::{bail, Context};
use dyad_models::ner::classes::{build, to_tsv, BuildOptions};

fn read(path: &Path, out: &mut Vec<Vec<String>>) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let name = path.to_string_lossy();
    if name.ends_with(".json") {
        let v: serde_json::Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {name}"))?;
        let Some(obj) = v.as_object() else {
            bail!("{name}: expected an object of articles");
        };
        for art in obj.values() {
            let Some(body) = art.get("articleBody").and_then(|b| b.as_str()) else {
                continue;
            };
            for para in body.split('\n').filter(|p| !p.trim().is_empty()) {
                let pieces = dyad_text::tokenizer::tokenize(para);
                for r in dyad_text::segmenter::segment_with(para, &pieces, 200) {
                    out.push(
                        pieces[r]
                            .iter()
                            .map(|p| para[p.span.start..p.span.end].to_string())
                            .collect(),
                    );
                }
            }
        }
        return Ok(());
    }
    let conllu = name.ends_with(".conllu");
    let mut cur = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if conllu {
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols[0].contains('-') || cols[0].contains('.') {
                continue;
            }
            cur.push(cols[1].to_string());
        } else {
            let w = line.split_whitespace().next().unwrap_or_default();
            if w != "-DOCSTART-" {
                cur.push(w.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some("--out"), Some(out)) = (args.first().map(String::as_str), args.get(1)) else {
        bail!("usage: ner_clusters --out FILE INPUT...");
    };
    let mut sents = Vec::new();
    for f in &args[2..] {
        let before = sents.len();
        read(Path::new(f), &mut sents)?;
        let words: usize = sents[before..].iter().map(Vec::len).sum();
        eprintln!("{f}: {} sentences, {words} words", sents.len() - before);
    }
    let rows = build(&sents, &BuildOptions::default());
    let clustered = rows.iter().filter(|r| !r.path.is_empty()).count();
    std::fs::write(out, to_tsv(&rows)).with_context(|| format!("writing {out}"))?;
    eprintln!("{out}: {} words, {clustered} clustered", rows.len());
    Ok(())
}
