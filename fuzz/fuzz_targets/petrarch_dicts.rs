//! Fuzzes the dictionary readers on arbitrary text: PETRARCH actor and agent dictionaries
//! (strict and lenient), the TSV overlay, the verb dictionary (strict and lenient) and the
//! validation-file reader. Each returns a value or an error that names the file; none may
//! panic.
#![no_main]

use dyad_actors::{petrarch_reader, tsv_reader};
use dyad_events::{ValidationFile, VerbDictionary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for lenient in [false, true] {
        let _ = petrarch_reader::read_actors(text, "fuzz.actors", lenient);
        let _ = petrarch_reader::read_agents(text, "fuzz.agents", lenient);
    }
    let _ = tsv_reader::read_overlay(text, "fuzz.tsv");
    let _ = VerbDictionary::parse(text, "fuzz.verbs");
    let _ = VerbDictionary::parse_lenient(text, "fuzz.verbs");
    let _ = ValidationFile::parse(text, "fuzz.xml");
});
