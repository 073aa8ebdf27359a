//! Re-saves model files in the current layout: `resave tagger|parser|ner IN OUT`.
use std::path::Path;
fn main() -> anyhow::Result<()> {
    let a: Vec<String> = std::env::args().collect();
    let (i, o) = (Path::new(&a[2]), Path::new(&a[3]));
    match a[1].as_str() {
        "tagger" => dyad_models::Tagger::load(i)?.save(o)?,
        "parser" => dyad_models::Parser::load(i)?.save(o)?,
        _ => dyad_models::Ner::load(i)?.save(o)?,
    }
    Ok(())
}
