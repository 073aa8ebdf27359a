//! GeoNames cities and US states (the team's `data/gkg/places.tsv`, cities of 15,000 people
//! or more) as evidence of where a document is set: "a teen girl at her Abbotsford high
//! school" says Canada though no actor dictionary lists Abbotsford.
//!
//! Only the resolver's document-country step reads it, for places the NER found and the
//! actor dictionaries do not know: a city is no actor, so it never becomes a mention. A
//! name several countries' cities share ("Victoria": Hong Kong, Canada, Texas...) counts
//! only when one country's city is at least five times as populous as any other's; else it
//! says nothing. The table is embedded and its rows parsed by `dyad-places` (shared with
//! the geocoder of `dyad-gkg`); the index by name is this module's own and is computed at
//! build time (`build.rs`, `geonames_table.rs`): parsing the 34,000 rows at the first
//! document cost about 154M instructions per process, the bisection costs nothing up
//! front.

use crate::geonames_table::key;

include!(concat!(env!("OUT_DIR"), "/geonames_index.rs"));

/// The country of the `i`-th name of the generated table.
fn entry(i: usize) -> (&'static str, &'static str) {
    let start = if i == 0 {
        0
    } else {
        PLACE_ENDS[i - 1] as usize
    };
    let name = &PLACE_NAMES[start..PLACE_ENDS[i] as usize];
    (name, &PLACE_ISO3[3 * i..3 * i + 3])
}

/// The country of a folded name, by bisection of the generated table.
fn lookup(k: &str) -> Option<&'static str> {
    let (mut lo, mut hi) = (0, PLACE_ENDS.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (name, country) = entry(mid);
        match name.cmp(k) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(country),
        }
    }
    None
}

/// The ISO 3166 alpha-3 country of the city or US state named by `words`, when the name is
/// in GeoNames and one country's place of that name clearly dominates.
pub(crate) fn place_country(words: &[&str]) -> Option<&'static str> {
    let k = key(words);
    if k.len() < 3 {
        return None;
    }
    lookup(&k)
}

#[cfg(test)]
mod tests {
    use super::{entry, lookup, place_country, PLACE_ENDS};

    #[test]
    fn a_city_gives_its_country_unless_namesakes_compete() {
        assert_eq!(place_country(&["Abbotsford"]), Some("CAN"));
        assert_eq!(place_country(&["Milan"]), Some("ITA"));
        // Victoria: Hong Kong (about 957,000) and Canada (about 290,000) are too close
        assert_eq!(place_country(&["Victoria"]), None);
        assert_eq!(place_country(&["Nowhere", "Town"]), None);
        assert_eq!(place_country(&["North", "Carolina"]), Some("USA"));
    }

    #[test]
    fn the_generated_table_is_the_table_of_places_tsv() {
        let want = crate::geonames_table::build_table();
        assert!(want.len() > 20_000, "{}", want.len());
        assert_eq!(PLACE_ENDS.len(), want.len());
        for (i, (name, country)) in want.iter().enumerate() {
            assert_eq!(entry(i), (name.as_str(), *country));
            assert_eq!(lookup(name), Some(*country), "{name}");
        }
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("zzzzzzzzzz"), None);
    }
}
