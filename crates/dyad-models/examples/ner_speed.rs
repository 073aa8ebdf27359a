//! NER throughput alone, for several NER model files in one run, on the same tagged words:
//! `cargo run --release -p dyad-models --example ner_speed -- TAGGER.bin FILE.conllu DEV.bio
//! NER.bin[@WIDTH][%MIN]...`. Tags the gold words once, then times `Ner::recognize` over all
//! sentences (three rounds) per model, in tokens per second of this thread's CPU time, and
//! prints its span F1 on `DEV.bio`; `@WIDTH` decodes with that beam width, `%MIN` first drops
//! the weights of magnitude below MIN.

use std::path::Path;

use dyad_models::ner::{Ner, NerScratch};
use dyad_models::tagger::{TagScratch, Tagger};
use dyad_models::{data, lex::Lex};

fn cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid pointer it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

fn main() -> anyhow::Result<()> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    anyhow::ensure!(
        a.len() >= 4,
        "usage: ner_speed TAGGER.bin FILE.conllu DEV.bio NER.bin[@WIDTH]..."
    );
    let dev = data::read_bio(Path::new(&a[2]))?;
    let tagger = Tagger::load(Path::new(&a[0]))?;
    let sents = data::read_conllu(Path::new(&a[1]))?;
    let mut ts = TagScratch::default();
    let mut tagged: Vec<(Vec<Lex>, Vec<u16>)> = Vec::new();
    for s in &sents {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let mut tags = Vec::new();
        tagger.tag(&forms, &mut ts, &mut tags);
        tagged.push((ts.lexes().to_vec(), tags));
    }
    let ntok: usize = tagged.iter().map(|t| t.0.len()).sum();
    for arg in &a[3..] {
        let (arg, prune) = match arg.rsplit_once('%') {
            Some((a, p)) => (a, Some(p.parse::<f32>()?)),
            None => (arg.as_str(), None),
        };
        let (path, width) = match arg.rsplit_once('@') {
            Some((p, w)) => (p, Some(w.parse::<usize>()?)),
            None => (arg, None),
        };
        let mut ner = Ner::load(Path::new(path))?;
        if let Some(p) = prune {
            ner.prune(p);
        }
        if let Some(w) = width {
            ner.set_beam_width(w);
        }
        let (mut ns, mut out) = (NerScratch::default(), Vec::new());
        let (mut found, rounds) = (0usize, 3);
        let t = cpu_seconds();
        for _ in 0..rounds {
            for (lex, tags) in &tagged {
                ner.recognize(lex, tags, &mut ns, &mut out);
                found += out.len();
            }
        }
        let secs = cpu_seconds() - t;
        println!(
            "{path}: beam {} prune {prune:?} {} weights {:.0} tokens/CPU-s ({} entities), dev F1 {:.2}",
            ner.beam_width(),
            ner.size(),
            (ntok * rounds) as f64 / secs,
            found / rounds,
            100.0 * dyad_models::ner::span_f1(&tagger, &ner, &dev)
        );
    }
    Ok(())
}
