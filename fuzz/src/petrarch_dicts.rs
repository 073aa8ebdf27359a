//! Fuzzes the dictionary readers on arbitrary text: PETRARCH actor and agent dictionaries
//! (strict and lenient), the TSV overlay, the verb dictionary (strict and lenient) and the
//! validation-file reader. Each returns a value or an error that names the file; none may
//! panic.

use dyad_actors::{petrarch_reader, tsv_reader};
use dyad_events::{ValidationFile, VerbDictionary};

/// Runs the checks on one input (non-UTF-8 inputs are ignored, as libFuzzer's `&str`
/// targets do); panics when an invariant fails.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lenient in [false, true] {
        let _ = petrarch_reader::read_actors(text, "fuzz.actors", lenient);
        let _ = petrarch_reader::read_agents(text, "fuzz.agents", lenient);
    }
    let _ = tsv_reader::read_overlay(text, "fuzz.tsv");
    let _ = VerbDictionary::parse(text, "fuzz.verbs");
    let _ = VerbDictionary::parse_lenient(text, "fuzz.verbs");
    let _ = ValidationFile::parse(text, "fuzz.xml");
}
