//! Rules written from the errors of the ninth tuning set (business, crime, health and
//! science news of 2019), each about the shape of English news rather than one article:
//! generic role nouns of police and court stories, a person's affiliation written after
//! the name, a bare given name after the full name. Texts are made up.

mod resolved;

use resolved::{find, resolve};

#[test]
fn officers_and_juries_are_police_and_judiciary_of_the_story() {
    let ms = resolve(
        "DALLAS, Texas — Police in Dallas arrested a man on Monday. Officers found the \
         missing girl in his car, and a federal jury in Dallas later convicted him. The \
         company's chief operating officer said the cabinet officers were told.",
        "2019-11-18",
    );
    let officers = find(&ms, "Officers");
    assert_eq!(officers.code.as_deref(), Some("USACOP"), "{ms:#?}");
    let jury = find(&ms, "jury");
    assert_eq!(jury.code.as_deref(), Some("USAJUD"), "{ms:#?}");
    // "officer" inside a company title and a cabinet title is no policeman
    assert!(
        ms.iter()
            .filter(|m| m.mention.contains("officer"))
            .all(|m| m.sector.as_deref() != Some("COP")),
        "{ms:#?}"
    );
}
