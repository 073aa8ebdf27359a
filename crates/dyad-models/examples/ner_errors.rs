//! Prints the NER errors on a BIO file: `ner_errors MODEL_DIR FILE` (a diagnostic aid).
use std::collections::BTreeSet;
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let a: Vec<String> = std::env::args().collect();
    let models = dyad_models::Models::load(Path::new(&a[1]))?;
    let sents = dyad_models::data::read_bio(Path::new(&a[2]))?;
    let mut s = dyad_models::Scratch::default();
    for sent in &sents {
        let forms: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        models.analyze(&forms, &mut s);
        let gold: BTreeSet<(usize, usize, String)> =
            dyad_models::data::spans(&sent.tags).into_iter().collect();
        let pred: BTreeSet<(usize, usize, String)> = s
            .entities
            .iter()
            .map(|e| (e.start, e.end, models.ner.type_name(e.ty).to_string()))
            .collect();
        for (tag, set, other) in [("FN", &gold, &pred), ("FP", &pred, &gold)] {
            for (b, e, t) in set.difference(other) {
                println!(
                    "{tag}\t{t}\t{}\t|\t{}",
                    forms[*b..*e].join(" "),
                    forms.join(" ")
                );
            }
        }
    }
    Ok(())
}
