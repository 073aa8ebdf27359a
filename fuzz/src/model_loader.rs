//! Fuzzes the model decoders: arbitrary bytes loaded as a tagger, parser and NER model must
//! give an error, never a panic or an allocation the size of a length field.
//!
//! The decoders are private, reached only through `load(path)`, so each input is written
//! twice to a temporary file: as it is (exercising the header and gzip checks of
//! `codec::read_bytes`) and wrapped in a valid header of each kind (so the fuzzer's bytes
//! reach the payload decoders directly).

use dyad_models::{codec, Ner, Parser, Tagger};
use std::sync::OnceLock;

static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let raw = dir.path().join("raw.bin");
    std::fs::write(&raw, data).expect("write");
    let _ = Tagger::load(&raw);
    let _ = Parser::load(&raw);
    let _ = Ner::load(&raw);
    let _ = codec::read_bytes(data, "tagger");
    for kind in ["tagger", "parser", "ner"] {
        let path = dir.path().join(kind);
        if codec::write_file(&path, kind, data).is_err() {
            continue;
        }
        let _ = match kind {
            "tagger" => Tagger::load(&path).map(|_| ()),
            "parser" => Parser::load(&path).map(|_| ()),
            _ => Ner::load(&path).map(|_| ()),
        };
    }
}
