//! Computes the GeoNames index of `src/geonames.rs` from the embedded `places.tsv` of
//! `dyad-places` at build time (see `src/geonames_table.rs`): the table is written as one
//! string of sorted names, their end offsets and their countries, searched by bisection.

use std::fmt::Write as _;

#[path = "src/normalize.rs"]
#[allow(dead_code)]
mod normalize;

#[path = "src/geonames_table.rs"]
mod geonames_table;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=src/geonames_table.rs");
    let table = geonames_table::build_table();
    let (mut names, mut ends, mut iso3) = (String::new(), String::new(), String::new());
    for (name, country) in &table {
        assert_eq!(country.len(), 3, "an ISO alpha-3 code");
        names.push_str(name);
        write!(ends, "{},", names.len()).expect("write to a String");
        iso3.push_str(country);
    }
    let n = table.len();
    let code = format!(
        "/// Folded place names, sorted and concatenated.\n\
         static PLACE_NAMES: &str = {names:?};\n\
         /// The end offset of each name in `PLACE_NAMES`.\n\
         static PLACE_ENDS: [u32; {n}] = [{ends}];\n\
         /// The country of each name, three letters each.\n\
         static PLACE_ISO3: &str = {iso3:?};\n"
    );
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("geonames_index.rs"), code).expect("write geonames_index.rs");
}
