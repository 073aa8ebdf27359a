//! Given names that tell a person's gender, for pronoun coreference: "she" cannot follow
//! "Michael Horowitz", nor "he" "Virginia Giuffre". Honorifics ("Mrs", "Prince") were the
//! only evidence before; news names most people once in full, so the given name of the
//! full mention (also through the entity id of a later surname) is the commoner clue.
//!
//! General knowledge, not copied from a list: frequent English-language given names of
//! one gender, and a few frequent in world news. Names given to both (Jordan, Taylor,
//! Kim, Jean, Andrea, Robin, Sam, Alex, Chris...) are left out on purpose: a name not
//! listed says nothing.

/// Given names of men.
const MALE: &[&str] = &[
    "aaron",
    "abdul",
    "adam",
    "ahmed",
    "alan",
    "albert",
    "alexander",
    "ali",
    "andrew",
    "anthony",
    "antony",
    "arthur",
    "barack",
    "ben",
    "benjamin",
    "bernie",
    "bill",
    "bob",
    "boris",
    "brent",
    "brian",
    "bruce",
    "carl",
    "charles",
    "christopher",
    "cory",
    "daniel",
    "david",
    "dennis",
    "devin",
    "dick",
    "dmitry",
    "donald",
    "douglas",
    "edward",
    "emmanuel",
    "eric",
    "frank",
    "fred",
    "gary",
    "george",
    "gordon",
    "greg",
    "gregory",
    "harry",
    "henry",
    "hugh",
    "ian",
    "ivan",
    "jack",
    "jacob",
    "james",
    "jeff",
    "jeffrey",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "john",
    "jonathan",
    "joseph",
    "justin",
    "keith",
    "kenneth",
    "kevin",
    "larry",
    "mark",
    "martin",
    "matthew",
    "michael",
    "mike",
    "mitch",
    "mohammed",
    "muhammad",
    "narendra",
    "nicholas",
    "nick",
    "paul",
    "pete",
    "peter",
    "philip",
    "raymond",
    "richard",
    "robert",
    "roger",
    "ronald",
    "scott",
    "sergei",
    "stephen",
    "steve",
    "steven",
    "thomas",
    "tim",
    "timothy",
    "tom",
    "tony",
    "vladimir",
    "walter",
    "william",
    "xi",
];

/// Given names of women.
const FEMALE: &[&str] = &[
    "alexandria",
    "alice",
    "amy",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "betty",
    "carol",
    "caroline",
    "carrie",
    "catherine",
    "charlotte",
    "chelsea",
    "christine",
    "cynthia",
    "deborah",
    "diana",
    "donna",
    "dorothy",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "hannah",
    "helen",
    "hillary",
    "ilhan",
    "jacinda",
    "jane",
    "janet",
    "jennifer",
    "jessica",
    "joan",
    "julia",
    "julie",
    "kamala",
    "karen",
    "katherine",
    "kathleen",
    "katie",
    "laura",
    "linda",
    "lisa",
    "margaret",
    "maria",
    "marie",
    "mary",
    "melania",
    "michelle",
    "nancy",
    "olivia",
    "pamela",
    "patricia",
    "rachel",
    "rebecca",
    "sandra",
    "sarah",
    "sharon",
    "sophie",
    "susan",
    "theresa",
    "ursula",
    "victoria",
    "virginia",
];

/// The gender a folded given name tells (`Some(true)`: female), if any.
pub(super) fn gender_of(given: &str) -> Option<bool> {
    if MALE.binary_search(&given).is_ok() {
        Some(false)
    } else if FEMALE.binary_search(&given).is_ok() {
        Some(true)
    } else {
        None
    }
}

/// The given name an entity id holds ("name:michael_horowitz", "countries:BARACK_OBAMA",
/// "leader:USA:JOSEPH_R._BIDEN"): the first word of its last part, folded.
pub(super) fn given_name_of_entity(entity: &str) -> Option<String> {
    let name = entity.rsplit(':').next()?;
    let mut words = name.split('_');
    let first = words.next()?;
    // one word is a surname or a body, not a given name
    words.next()?;
    Some(crate::normalize::fold(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_unique_and_disjoint() {
        for list in [MALE, FEMALE] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "not sorted or duplicate"
            );
        }
        for m in MALE {
            assert!(FEMALE.binary_search(m).is_err(), "{m} in both lists");
        }
    }

    #[test]
    fn entity_ids_give_their_first_word() {
        assert_eq!(
            given_name_of_entity("name:michael_horowitz").as_deref(),
            Some("michael")
        );
        assert_eq!(
            given_name_of_entity("leader:USA:JOSEPH_R._BIDEN").as_deref(),
            Some("joseph")
        );
        assert_eq!(given_name_of_entity("name:giuffre"), None);
        assert_eq!(gender_of("virginia"), Some(true));
        assert_eq!(gender_of("michael"), Some(false));
        assert_eq!(gender_of("jordan"), None);
    }
}
