//! The verb dictionary reader on whole real files: the embedded CAMEO.2.0.txt always, and
//! the PETRARCH validation dictionaries from ../shared when present.

use dyad_events::{Codebook, Element, VerbDictionary};

mod common;
use common::shared;

/// Count block headers and pattern lines with a plain scan, independent of the reader.
fn scan_counts(text: &str) -> (usize, usize) {
    let mut blocks = 0;
    let mut patterns = 0;
    for l in text.lines() {
        let l = l.trim_start();
        if l.starts_with("---") {
            blocks += 1;
        } else if l.starts_with('-') {
            patterns += 1;
        }
    }
    (blocks, patterns)
}

#[test]
fn cameo_2_0_counts_match_the_file() {
    let d = VerbDictionary::cameo();
    let text = include_str!("../../../data/events/CAMEO.2.0.txt");
    let (blocks, patterns) = scan_counts(text);
    // The data README says 397 blocks and 4,668 patterns; the file agrees.
    assert_eq!((blocks, patterns), (397, 4668));
    let s = d.stats();
    eprintln!("CAMEO.2.0.txt: {s:?}");
    for n in &d.notes {
        eprintln!("note {}: {}", n.line, n.message);
    }
    for n in &d.skipped {
        eprintln!("skipped {}: {}", n.line, n.message);
    }
    assert_eq!(s.blocks, blocks);
    assert_eq!(s.pattern_lines, patterns);
    let dropped: Vec<_> = d
        .notes
        .iter()
        .filter(|n| n.message.contains("dropped"))
        .collect();
    eprintln!("dropped: {dropped:#?}");
    // Two pattern lines are malformed (a stray "VISIT)" and "^)" after the pattern).
    let skipped: Vec<usize> = d.skipped.iter().map(|n| n.line).collect();
    assert_eq!(skipped, [2379, 7611]);
    assert_eq!(s.patterns + dropped.len() + skipped.len(), patterns);
    // &WEATHER and &DEMONSTRATION are used but never defined.
    assert_eq!(dropped.len(), 2, "{dropped:?}");
    assert_eq!(s.synsets, 40);
    assert_eq!(s.transformations, 8);
}

#[test]
fn cameo_2_0_lookups() {
    let d = VerbDictionary::cameo();
    // an irregular form and a generated regular form lead to their verbs
    let went = d.lookup("went");
    assert!(!went.is_empty());
    assert!(went.iter().any(|r| d.verb(*r).lemma.text() == "GO"));
    let accused = d.lookup("ACCUSED");
    assert!(accused.iter().any(|r| d.verb(*r).lemma.text() == "ACCUSE"));
    // COME is in the ARRIVE [040] block but has its own [---]: the bare verb codes nothing
    let came = d.lookup("came");
    assert!(!came.is_empty());
    assert!(
        came.iter()
            .all(|r| d.verb_code(*r).is_none_or(|c| c.is_null())),
        "COME [---]"
    );
    let arrive = d.lookup("arrived")[0];
    assert_eq!(d.verb_code(arrive).unwrap().active.as_deref(), Some("040"));
    // multi-word verbs with their marked head
    let cordon = d.lookup("cordoned off");
    assert!(!cordon.is_empty(), "CORDONED OFF");
    let v = d.verb(cordon[0]);
    assert_eq!(v.lemma.words, ["CORDON", "OFF"]);
    assert_eq!(v.lemma.head, 0);
    // RUSH's block has the (TO BORDER) pattern with code 154 and [042:043] for (TO)
    let pats: Vec<_> = d.patterns_for("rush").map(|(_, p)| p).collect();
    let to = pats.iter().find(|p| p.text == "* (TO)").expect("* (TO)");
    assert_eq!(to.code.for_voice(false), Some("042"));
    assert_eq!(to.code.for_voice(true), Some("043"));
    assert_eq!(to.before_verb(), &[] as &[Element]);
    let border = pats.iter().find(|p| p.text == "* (TO BORDER)").unwrap();
    assert_eq!(border.code.active.as_deref(), Some("154"));
    assert!(matches!(&border.after_verb()[0], Element::Prep { .. }));
    let mil = pats.iter().find(|p| p.text == "&MILITARY *").unwrap();
    assert_eq!(mil.before_verb(), &[Element::Synset("MILITARY".into())]);
    // synsets expand with plurals; CASH_ has none
    let cur = d.synset_phrases("&CURRENCY");
    assert!(cur.contains(&vec!["DOLLARS".to_string()]));
    assert!(cur.contains(&vec!["CASH".to_string()]));
    assert!(!cur.contains(&vec!["CASHS".to_string()]));
    // AUXVERB1_ is a no-plural set
    assert_eq!(d.synset_phrases("AUXVERB1"), [["BEEN"], ["WAS"], ["WERE"]]);
}

#[test]
fn cameo_2_0_codes_are_cameo_codes() {
    let d = VerbDictionary::cameo();
    let book = Codebook::embedded();
    let mut unknown: Vec<(usize, &str)> = d
        .codes()
        .into_iter()
        .filter(|(_, c)| book.get(c).is_none())
        .collect();
    unknown.sort();
    eprintln!("codes not in the CAMEO codebook: {unknown:?}");
    // every code used in the dictionary exists in the codebook
    assert!(unknown.is_empty(), "{unknown:?}");
    assert!(d.codes().len() > 4000);
}

#[test]
fn petrarch_validation_verbs_parse() {
    let Some(p) = shared("validation/PETR.Validate.verbs.txt") else {
        return;
    };
    let d = VerbDictionary::read_lenient(&p).unwrap_or_else(|e| panic!("{e}"));
    for n in &d.skipped {
        eprintln!("skipped {}: {}", n.line, n.message);
    }
    let text = std::fs::read_to_string(&p).unwrap();
    let (blocks, patterns) = scan_counts(&text);
    let s = d.stats();
    eprintln!("PETR.Validate.verbs.txt: {s:?}");
    for n in &d.notes {
        eprintln!("note {}: {}", n.line, n.message);
    }
    assert_eq!(s.blocks, blocks);
    assert_eq!(s.pattern_lines, patterns);
    assert!(d.skipped.is_empty(), "{:?}", d.skipped);
    assert_eq!((s.blocks, s.patterns, s.synsets), (261, 474, 17));
    // the code [###] is not a comment
    let diplx = d
        .blocks
        .iter()
        .flat_map(|b| &b.patterns)
        .find(|p| p.text == "* DIPLXMATIC")
        .unwrap();
    assert_eq!(diplx.code.active.as_deref(), Some("###"));
    // nested synsets expand: ACCORDSYN holds TIETYPES' words
    let acc = d.synset_phrases("ACCORDSYN");
    assert!(acc.contains(&vec!["MILITARY".to_string()]), "{acc:?}");
    // a multi-word verb marked in its middle
    let r = d.lookup("KLM NOP RST");
    assert_eq!(r.len(), 1);
    assert_eq!(d.verb(r[0]).lemma.head, 2);
    assert_eq!(
        d.verb_code(r[0]).and_then(|c| c.active.as_deref()),
        Some("002")
    );
}
