//! GeoNames cities and US states (the team's `data/gkg/places.tsv`, cities of 15,000 people
//! or more) as evidence of where a document is set: "a teen girl at her Abbotsford high
//! school" says Canada though no actor dictionary lists Abbotsford.
//!
//! Only the resolver's document-country step reads it, for places the NER found and the
//! actor dictionaries do not know: a city is no actor, so it never becomes a mention. A
//! name several countries' cities share ("Victoria": Hong Kong, Canada, Texas...) counts
//! only when one country's city is at least five times as populous as any other's; else it
//! says nothing. Built on first use (about 34,000 rows), so loading the dictionary stays as
//! fast as before. The table is embedded and its rows parsed by `dyad-places` (shared with
//! the geocoder of `dyad-gkg`); the index by name is this module's own.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::normalize::fold_into;

/// How many times more populous a city must be than any namesake in another country.
const DOMINANCE: u64 = 5;

/// A place name folded to its letters and digits ("Saint - Gaudens" -> "saintgaudens").
fn key(words: &[&str]) -> String {
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

fn table() -> &'static FxHashMap<String, &'static str> {
    static TABLE: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // name -> the largest population of a place of that name, per country
        let mut best: FxHashMap<String, Vec<(&'static str, u64)>> = FxHashMap::default();
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
        best.into_iter()
            .filter_map(|(name, mut per)| {
                per.sort_by_key(|x| std::cmp::Reverse(x.1));
                let top = per[0];
                let clear = per.get(1).is_none_or(|next| top.1 >= next.1 * DOMINANCE);
                clear.then_some((name, top.0))
            })
            .collect()
    })
}

/// The ISO 3166 alpha-3 country of the city or US state named by `words`, when the name is
/// in GeoNames and one country's place of that name clearly dominates.
pub(crate) fn place_country(words: &[&str]) -> Option<&'static str> {
    let k = key(words);
    if k.len() < 3 {
        return None;
    }
    table().get(&k).copied()
}

#[cfg(test)]
mod tests {
    use super::place_country;

    #[test]
    fn a_city_gives_its_country_unless_namesakes_compete() {
        assert_eq!(place_country(&["Abbotsford"]), Some("CAN"));
        assert_eq!(place_country(&["Milan"]), Some("ITA"));
        // Victoria: Hong Kong (about 957,000) and Canada (about 290,000) are too close
        assert_eq!(place_country(&["Victoria"]), None);
        assert_eq!(place_country(&["Nowhere", "Town"]), None);
        assert_eq!(place_country(&["North", "Carolina"]), Some("USA"));
    }
}
