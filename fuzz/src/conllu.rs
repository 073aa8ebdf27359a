//! Fuzzes the CoNLL-U reader: arbitrary text gives sentences or an error, never a panic,
//! and what it reads, written back with `to_conllu`, reads again to the same sentences.

use dyad_text::conllu::parse;

/// Runs the checks on one input (non-UTF-8 inputs are ignored, as libFuzzer's `&str`
/// targets do); panics when an invariant fails.
pub fn run(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sentences) = parse(input) {
        let written: String = sentences.iter().map(|s| s.to_conllu()).collect();
        let again = parse(&written)
            .unwrap_or_else(|e| panic!("written CoNLL-U does not parse: {e:?}\n{written}"));
        assert_eq!(
            sentences, again,
            "round trip changed the sentences\n{written}"
        );
    }
}
