//! Fuzzes the CoNLL-U reader: arbitrary text gives sentences or an error, never a panic,
//! and what it reads, written back with `to_conllu`, reads again to the same sentences.
#![no_main]

use dyad_text::conllu::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(sentences) = parse(input) {
        let written: String = sentences.iter().map(|s| s.to_conllu()).collect();
        let again = parse(&written)
            .unwrap_or_else(|e| panic!("written CoNLL-U does not parse: {e:?}\n{written}"));
        assert_eq!(sentences, again, "round trip changed the sentences\n{written}");
    }
});
