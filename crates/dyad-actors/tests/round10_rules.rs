//! Rules written from the errors of the tenth-round tuning set (political news of 2019:
//! territories, parliaments, churches), each about the shape of English news rather than
//! one article. Texts are made up.

mod resolved;

use resolved::{find, resolve};

#[test]
fn a_territory_with_its_own_iso_code_is_its_own_country() {
    let ms = resolve(
        "SAN JUAN — Puerto Rico named a new governor on Friday. Lawmakers of Puerto Rico \
         met in the capital.",
        "2019-08-02",
    );
    let pr = find(&ms, "Puerto Rico");
    assert_eq!(pr.country.as_deref(), Some("PRI"), "{ms:#?}");
}
