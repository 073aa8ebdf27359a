//! The geoparser on the hand-annotated place mentions of `testdata/gkg/geo.tsv` (Wikinews
//! texts in the repository, so this never skips), through tokens only. The full pipeline is
//! measured by `dyad eval geo`. `DYAD_GKG_ERRORS=1` prints every error.

use std::path::Path;

use dyad_core::{DocMeta, Document, Span};
use dyad_gkg::eval::{read_gold, GeoScores};

#[test]
fn places_of_the_wikinews_texts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/gkg/geo.tsv");
    let docs = read_gold(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut s = GeoScores::default();
    for d in &docs {
        let mut doc = Document::new(DocMeta::new("t", d.text.as_bytes()), String::new());
        doc.doc.date = d.date.clone();
        dyad_text::clean_into(&mut doc, &d.text, Span::new(0, d.text.len()));
        dyad_text::annotate(&mut doc);
        let mut locs = dyad_gkg::annotate_gkg(&doc).unwrap().locations;
        for l in &mut locs {
            l.span = doc.offsets.map_span(l.span);
        }
        s.add_doc(d, &locs);
    }
    if std::env::var_os("DYAD_GKG_ERRORS").is_some() {
        for e in &s.errors {
            println!("{e}");
        }
    }
    println!(
        "geo.tsv: gold {}, found {} (recall {:.3}, precision {:.3}), country accuracy {:.3}, \
         city accuracy {:.3} ({}/{})",
        s.gold,
        s.found,
        s.recall(),
        s.precision(),
        s.country_accuracy(),
        s.city_accuracy(),
        s.city_right,
        s.cities_found
    );
    assert!(s.gold >= 100, "only {} gold mentions", s.gold);
    assert!(s.country_accuracy() >= 0.9, "{:.3}", s.country_accuracy());
}
