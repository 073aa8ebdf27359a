//! The geoparser against hand-annotated place mentions (`testdata/geo_gold.tsv`) over real news
//! texts of the shared article-extraction benchmark. Skips when the shared data is absent.
//!
//! Prints mention recall (gold occurrences found), country accuracy (found mentions with the
//! gold country) and the number of found mentions that are not gold places.

use std::collections::HashMap;

use dyad_core::{DocMeta, Document, Span};

const GOLD: &str = include_str!("../testdata/geo_gold.tsv");
const TRUTH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/extraction/article-extraction-benchmark/ground-truth.json"
);

/// Whole-word, case-sensitive occurrences of `w` in `text`.
fn occurrences(text: &str, w: &str) -> usize {
    text.match_indices(w)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

#[test]
fn place_mentions_on_annotated_news() {
    let Ok(truth) = std::fs::read_to_string(TRUTH) else {
        eprintln!("skipping: {TRUTH} is absent");
        return;
    };
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&truth).unwrap();
    let mut by_article: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for line in GOLD
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "bad gold line {line:?}");
        by_article.entry(f[0]).or_default().push((f[1], f[2]));
    }
    let (mut gold, mut found, mut right, mut spurious) = (0, 0, 0, 0);
    let mut keys: Vec<_> = by_article.keys().copied().collect();
    keys.sort();
    for key in keys {
        let places = &by_article[key];
        let (_, v) = truth
            .iter()
            .find(|(k, _)| k.starts_with(key))
            .unwrap_or_else(|| panic!("no article {key}"));
        let body = v["articleBody"].as_str().unwrap_or_default();
        let mut doc = Document::new(DocMeta::new(key, body.as_bytes()), String::new());
        dyad_text::clean_into(&mut doc, body, Span::new(0, body.len()));
        dyad_text::annotate(&mut doc);
        let locs = dyad_gkg::annotate_gkg(&doc).unwrap().locations;
        for (mention, iso3) in places {
            let g = occurrences(&doc.text, mention);
            let sys: Vec<_> = locs.iter().filter(|l| l.mention == *mention).collect();
            gold += g;
            found += sys.len().min(g);
            let ok = sys.iter().filter(|l| l.country == *iso3).count().min(g);
            right += ok;
            if sys.len() < g || ok < sys.len().min(g) {
                let got: Vec<&str> = sys.iter().map(|l| l.country.as_str()).collect();
                eprintln!("{key} {mention}: gold {g} x {iso3}, system {got:?}");
            }
        }
        for l in &locs {
            if !places.iter().any(|(m, _)| *m == l.mention) {
                spurious += 1;
                eprintln!("{key} not a gold place: {:?} -> {}", l.mention, l.country);
            }
        }
    }
    let recall = found as f64 / gold as f64;
    let accuracy = right as f64 / found.max(1) as f64;
    println!(
        "geo: gold mentions {gold}, found {found} (recall {recall:.3}), country right {right} (accuracy {accuracy:.3}), not gold {spurious}"
    );
    assert!(gold >= 50);
    assert!(recall >= 0.9, "recall {recall:.3}");
    assert!(accuracy >= 0.9, "country accuracy {accuracy:.3}");
}
