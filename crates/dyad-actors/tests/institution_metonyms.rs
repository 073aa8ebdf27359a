//! Seats of government, legislatures, services and news agencies that news names instead of
//! the government or body itself ("the Quai d'Orsay said", "Capitol Hill voted"), added to
//! `agencies.tsv` and `additions.tsv` from general knowledge rather than from a gold set.
//! Each text is made up and goes through the real text pipeline and models, so the test
//! fails if the NER or the matcher stops reaching the entry, not only if the row is lost.

mod resolved;

use resolved::{find, resolve};

/// Asserts that the mention holding `name` in `text` resolves to `code`.
fn assert_code(text: &str, name: &str, code: &str) {
    let ms = resolve(text, "2024-03-04");
    let m = find(&ms, name);
    assert_eq!(m.code.as_deref(), Some(code), "{name} in {text:?}: {ms:#?}");
}

#[test]
fn seats_of_government_stand_for_their_governments() {
    assert_code(
        "The Quai d'Orsay said on Monday that it had summoned the ambassador.",
        "Quai d'Orsay",
        "FRAGOV",
    );
    assert_code(
        "Foggy Bottom declined to comment on the talks on Monday.",
        "Foggy Bottom",
        "USAGOV",
    );
    assert_code(
        "The Casa Rosada said on Monday that it would review the decision.",
        "Casa Rosada",
        "ARGGOV",
    );
    assert_code(
        "Officials at the Elysee said the president would travel to Berlin.",
        "Elysee",
        "FRAGOV",
    );
}

#[test]
fn legislatures_named_by_their_own_names_are_legislatures() {
    assert_code(
        "Capitol Hill is expected to vote on the spending bill this week.",
        "Capitol Hill",
        "USALEG",
    );
    assert_code(
        "The Sejm passed the judicial reform on Friday.",
        "Sejm",
        "POLLEG",
    );
    assert_code(
        "The Verkhovna Rada approved the budget late on Thursday.",
        "Verkhovna Rada",
        "UKRLEG",
    );
}

#[test]
fn services_and_news_agencies_keep_their_country_and_sector() {
    assert_code(
        "The IRGC said on Monday that it had seized a tanker in the Gulf.",
        "IRGC",
        "IRNMIL",
    );
    assert_code(
        "The International Criminal Court issued an arrest warrant on Monday.",
        "International Criminal Court",
        "IGOJUDICC",
    );
    assert_code(
        "The Guardian Council rejected the bill on Monday.",
        "Guardian Council",
        "IRNGOVLEG",
    );
    assert_code(
        "Bernama reported that the minister had resigned.",
        "Bernama",
        "MYSMED",
    );
}
