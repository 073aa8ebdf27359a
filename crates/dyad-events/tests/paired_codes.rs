//! A code written as a pair codes the event back from the target to the source, even when
//! both halves are the same (`[046:046]`: "held talks with" is talks on both sides); a code
//! written once (`[046]`) is one event.

mod common;

use common::{mention, parsed, petrarch, sorted_codings, Row};
use dyad_events::{Coder, VerbDictionary};

fn held_talks(dict: &str) -> Vec<String> {
    // "Aragorn held talks with Faramir"
    let rows: [Row; 5] = [
        ("Aragorn", "Aragorn", "PROPN", 2, "nsubj"),
        ("held", "hold", "VERB", 0, "root"),
        ("talks", "talk", "NOUN", 2, "obj"),
        ("with", "with", "ADP", 5, "case"),
        ("Faramir", "Faramir", "PROPN", 3, "nmod"),
    ];
    let d = parsed(&rows, None);
    let a = vec![
        mention(&d, 1, 1, Some("ARNGOV")),
        mention(&d, 5, 5, Some("GONGOV")),
    ];
    let dict = VerbDictionary::parse(dict, "t.txt").unwrap();
    sorted_codings(&Coder::new(&dict, petrarch()).code(&d, &a))
}

#[test]
fn a_code_written_as_a_pair_goes_both_ways() {
    let pair = "--- HOLD [---] ---\nHOLD\n- * TALKS  [046:046]  # HOLD\n";
    assert_eq!(
        held_talks(pair),
        vec!["ARNGOV>GONGOV:046", "GONGOV>ARNGOV:046"]
    );
    let once = "--- HOLD [---] ---\nHOLD\n- * TALKS  [046]  # HOLD\n";
    assert_eq!(held_talks(once), vec!["ARNGOV>GONGOV:046"]);
}
