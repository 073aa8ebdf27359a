//! "Islamic" and "Islamist" as CAMEO's Muslim agent (`MUS`), which, like any agent, takes
//! the country the sentence gives it ("Islamist media in Nigeria" is `NGAMUS...`). The
//! codebook files `MUS` as Mauritius, so the agent code is accepted in its religion
//! sense. Texts are made up.

mod resolved;

use dyad_actors::{Codebook, Dictionary};
use resolved::{find, resolve};

#[test]
fn mus_is_a_valid_agent_code_though_it_is_also_mauritius() {
    let dict = Dictionary::builtin().unwrap();
    let book: &Codebook = dict.codebook();
    assert!(book.is_valid_agent_code("MUS"));
    assert!(book.is_valid_agent_code("MUSGOV"));
    assert!(!book.is_valid_agent_code("USA"));
}

#[test]
fn an_islamist_group_takes_the_country_of_its_sentence() {
    let ms = resolve(
        "Islamists attacked a police station in northern Nigeria on Sunday.",
        "2015-01-01",
    );
    let m = find(&ms, "Islamists");
    assert_eq!(m.code.as_deref(), Some("NGAMUS"), "{ms:#?}");
}

#[test]
fn an_islamic_target_near_an_iraqi_place_is_iraqi_muslim() {
    let ms = resolve(
        "Jets struck an Islamic militia camp near the border of Iraq on Monday.",
        "2015-01-01",
    );
    let m = ms
        .iter()
        .find(|m| m.code.as_deref().is_some_and(|c| c.contains("MUS")))
        .unwrap_or_else(|| panic!("no MUS mention: {ms:#?}"));
    assert!(m.code.as_deref().unwrap().starts_with("IRQ"), "{ms:#?}");
}
