//! Writes every decision of the shipped models on the gold words of CoNLL-U files, one line a
//! sentence (tags, heads, relations, entities), and times each model alone:
//! `cargo run --release -p dyad-models --example dump_outputs -- OUT.txt FILE.conllu...`.
//! Two builds that print the same file make the same decisions: a speed change is checked for
//! identical output with `cmp` on the files of the two builds, not only on the scores.

use std::fmt::Write as _;
use std::path::Path;

use dyad_models::cputime::thread_cpu_seconds as cpu;
use dyad_models::ner::NerScratch;
use dyad_models::parser::ParseScratch;
use dyad_models::tagger::TagScratch;
use dyad_models::{data, Models};

fn main() -> anyhow::Result<()> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    anyhow::ensure!(a.len() >= 2, "usage: dump_outputs OUT.txt FILE.conllu...");
    let models = Models::load_default()?;
    let mut forms: Vec<Vec<String>> = Vec::new();
    for f in &a[1..] {
        for s in data::read_conllu(Path::new(f))? {
            forms.push(s.words.into_iter().map(|w| w.form).collect());
        }
    }
    let (mut ts, mut ps, mut ns) = (
        TagScratch::default(),
        ParseScratch::default(),
        NerScratch::default(),
    );
    let (mut tags, mut heads, mut rels, mut ents) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut out = String::new();
    let (mut t_tag, mut t_parse, mut t_ner) = (0f64, 0f64, 0f64);
    let mut tokens = 0usize;
    for f in &forms {
        let refs: Vec<&str> = f.iter().map(String::as_str).collect();
        tokens += refs.len();
        let c0 = cpu();
        models.tagger.tag(&refs, &mut ts, &mut tags);
        let c1 = cpu();
        models
            .parser
            .parse(ts.lexes(), &tags, &mut ps, &mut heads, &mut rels);
        let c2 = cpu();
        models.ner.recognize(ts.lexes(), &tags, &mut ns, &mut ents);
        let c3 = cpu();
        t_tag += c1 - c0;
        t_parse += c2 - c1;
        t_ner += c3 - c2;
        let _ = writeln!(out, "{tags:?} {heads:?} {rels:?} {ents:?}");
    }
    std::fs::write(&a[0], out)?;
    let total = t_tag + t_parse + t_ner;
    println!(
        "{} sentences, {tokens} tokens: tag {t_tag:.3} s, parse {t_parse:.3} s, ner {t_ner:.3} s, \
         {:.0} tokens per CPU second",
        forms.len(),
        tokens as f64 / total.max(1e-9)
    );
    Ok(())
}
