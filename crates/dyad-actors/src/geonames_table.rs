//! The index of [`crate::geonames`], computed by the build script (`build.rs` includes this
//! file and [`crate::normalize`]) and written into the binary as a sorted table, so no
//! process parses the 34,000 rows of `places.tsv` at run time. The same code serves the
//! run-time lookup key and the tests (which rebuild the table and compare).

use std::collections::HashMap;

use crate::normalize::fold_into;

#[cfg_attr(not(test), allow(dead_code))]
/// How many times more populous a city must be than any namesake in another country.
const DOMINANCE: u64 = 5;

/// A place name folded to its letters and digits ("Saint - Gaudens" -> "saintgaudens").
pub(crate) fn key(words: &[&str]) -> String {
    let mut k = String::new();
    let mut word = String::new();
    for w in words {
        if w.is_ascii() {
            // what folding gives an ASCII word: its letters lower-cased
            k.extend(
                w.bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
            continue;
        }
        fold_into(w, &mut word);
        k.extend(word.chars().filter(|c| c.is_alphanumeric()));
    }
    k
}

/// Folded name -> the ISO 3166 alpha-3 code of the country whose place of that name clearly
/// dominates (see the module docs of `geonames`), sorted by name (byte order).
#[cfg_attr(not(test), allow(dead_code))] // the build script and the tests call it
pub(crate) fn build_table() -> Vec<(String, &'static str)> {
    // name -> the largest population of a place of that name, per country (in the order
    // the countries first appear)
    let mut best: HashMap<String, Vec<(&'static str, u64)>> = HashMap::new();
    // The embedded table parses whole (dyad-places tests it); a bad row would be skipped.
    for row in dyad_places::builtin().flatten() {
        if row.feature == dyad_places::Feature::Country || row.iso3.len() != 3 {
            continue;
        }
        let (name, iso3, pop) = (row.name, row.iso3, row.population);
        let per = best.entry(key(&[name])).or_default();
        match per.iter_mut().find(|(c, _)| *c == iso3) {
            Some(p) => p.1 = p.1.max(pop),
            None => per.push((iso3, pop)),
        }
    }
    let mut table: Vec<(String, &'static str)> = best
        .into_iter()
        .filter_map(|(name, mut per)| {
            per.sort_by_key(|x| std::cmp::Reverse(x.1));
            let top = per[0];
            let clear = per.get(1).is_none_or(|next| top.1 >= next.1 * DOMINANCE);
            clear.then_some((name, top.0))
        })
        .collect();
    table.sort_unstable();
    table
}
