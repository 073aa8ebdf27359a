//! The PLOVER GSR reader on the real file, when ../shared is present.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dyad_events::{plover_2021_type, read_gsr, Codebook, MarkRole};

#[test]
fn plover_gsr_cameo() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events/plover/PLOVER_GSR_CAMEO.txt");
    if !p.exists() {
        eprintln!(
            "SKIP: {} is absent (../shared is only on the developers' machines)",
            p.display()
        );
        return;
    }
    let ex = read_gsr(&p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.len(), 322);
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &ex {
        *per_type.entry(e.event.as_str()).or_default() += 1;
    }
    eprintln!("per type: {per_type:?}");
    assert_eq!(per_type["AGREE"], 40);
    assert_eq!(per_type.len(), 18);
    // every type, in its 2021 name, is one the CAMEO->PLOVER table produces
    let book = Codebook::embedded();
    for t in per_type.keys() {
        let t21 = plover_2021_type(t);
        assert!(
            book.codes()
                .iter()
                .any(|c| c.plover.as_ref().is_some_and(|p| p.event_type == t21)),
            "{t} -> {t21}"
        );
    }
    let broken: Vec<&str> = ex
        .iter()
        .filter(|e| e.markup_error.is_some())
        .map(|e| e.id.as_str())
        .collect();
    eprintln!("markup errors: {broken:?}");
    // one markup never closes its (EVT: ...
    assert_eq!(broken, ["PLOVER-GSR01-ASSAULT-0014"]);
    let edited = ex
        .iter()
        .filter(|e| e.markup_error.is_none() && e.plain != e.text)
        .count();
    eprintln!("markups whose text differs from \"text\": {edited}");
    // every readable markup marks an event; most marks are found in the text
    let mut found = 0;
    let mut total = 0;
    for e in ex.iter().filter(|e| e.markup_error.is_none()) {
        assert!(
            e.marks.iter().any(|m| m.role == MarkRole::Event),
            "{}",
            e.id
        );
        for (_, span) in e.marks_in_text() {
            total += 1;
            found += usize::from(span.is_some());
        }
    }
    eprintln!("marks located in text: {found}/{total}");
    assert!(found * 100 >= total * 95, "{found}/{total}");
}
