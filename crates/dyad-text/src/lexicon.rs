//! The word lists of the tokenizer and the segmenter, kept apart from the code so they can be
//! reviewed and extended as data. Written for this project from the conventions observed in
//! the Universal Dependencies English treebanks (EWT, GUM) and ordinary news style; no list
//! was copied from another tool. Lists searched with `binary_search` must stay sorted and
//! unique; the tests below check it.

pub(crate) const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":/", ":-/",
    ":o", ":O", "<3", "^_^", "^^", ":'(", "=)", "XD", "xD", ";D", ":]", ":[", "-_-",
];

/// Abbreviations that keep their period. Case matters (`No.` but not `no.`).
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Art", "Aug", "Ave", "Blvd", "Brig", "Bros", "Calif",
    "Capt", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cos", "Cpl", "Dec", "Del", "Dept", "Dr",
    "Drs", "Feb", "Fig", "Fla", "Fri", "Ft", "Ga", "Gen", "Gens", "Gov", "Hon", "Ill", "Inc",
    "Ind", "Insp", "Jan", "Jr", "Jul", "Jun", "Kan", "Ky", "La", "Lt", "Ltd", "Maj", "Mar", "Mass",
    "Md", "Messrs", "Mich", "Minn", "Miss", "Mo", "Mon", "Mont", "Mr", "Mrs", "Ms", "Mt", "Nev",
    "No", "Nos", "Nov", "Oct", "Okla", "Ont", "Ore", "Pa", "Ph", "Pres", "Prof", "Pvt", "Rd",
    "Rep", "Reps", "Rev", "Sat", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St", "Sun", "Supt",
    "Tenn", "Thu", "Thur", "Thurs", "Tue", "Tues", "Va", "Vt", "Wash", "Wed", "Wis", "Wyo", "al",
    "approx", "ca", "cf", "dept", "div", "est", "etc", "ext", "govt", "inc", "mins", "no", "pp",
    "vol", "vs", "yrs",
];

/// Abbreviations that keep their period only before a number (`No. 10`, `Jan. 5`).
pub(crate) const NUMBER_ABBREVIATIONS: &[&str] =
    &["Art", "Fig", "No", "Nos", "no", "pp", "vol", "Mar"];

/// Titles and other abbreviations that never end a sentence.
pub(crate) const TITLES: &[&str] = &[
    "Adm.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Dr.", "Drs.", "Fig.", "Ft.", "Gen.",
    "Gens.", "Gov.", "Hon.", "Insp.", "Lt.", "Maj.", "Messrs.", "Mr.", "Mrs.", "Ms.", "Mt.", "No.",
    "Nos.", "Pres.", "Prof.", "Pvt.", "Rep.", "Reps.", "Rev.", "Sen.", "Sens.", "Sgt.", "St.",
    "Supt.", "cf.", "no.", "pp.", "vol.", "vs.",
];

/// Words that Universal Dependencies splits into two (`cannot` = `can` + `not`); the number
/// is the byte length of the first word.
pub(crate) const SPLIT_WORDS: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("kinda", 4),
    ("sorta", 4),
    ("lotta", 3),
    ("outta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("wasnt", 3),
    ("arent", 3),
    ("werent", 4),
    ("cant", 2),
    ("wont", 2),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
];

pub(crate) const EXTENSIONS: &[&str] = &[
    "com", "doc", "docx", "gov", "htm", "html", "jpg", "net", "org", "pdf", "png", "ppt", "txt",
    "xls", "xlsx", "zip",
];

/// Bound prefixes that UD English keeps attached to the following word.
pub(crate) const PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "mini", "multi", "neo",
    "non", "over", "post", "pre", "pro", "psycho", "re", "semi", "socio", "sub",
];

/// Units written against a number that UD splits off: `5pm`, `7:30PM`, `10k`.
pub(crate) const UNITS: &[&str] = &[
    "am", "cm", "ft", "gb", "k", "kb", "kg", "km", "lb", "lbs", "m", "mb", "mm", "mph", "pm",
];

/// Capitalised words that usually start a sentence and rarely follow an abbreviation inside
/// one. Sorted, checked by a test.
pub(crate) const STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Afterwards",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "Anyway",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "For",
    "From",
    "Furthermore",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_unique(name: &str, list: &[&str]) {
        for w in list.windows(2) {
            assert!(w[0] < w[1], "{name}: {:?} is not before {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn searched_lists_are_sorted_and_unique() {
        sorted_unique("ABBREVIATIONS", ABBREVIATIONS);
        sorted_unique("TITLES", TITLES);
        sorted_unique("PREFIXES", PREFIXES);
        sorted_unique("UNITS", UNITS);
        sorted_unique("EXTENSIONS", EXTENSIONS);
        sorted_unique("STARTERS", STARTERS);
    }

    #[test]
    fn titles_and_number_abbreviations_are_abbreviations() {
        for t in TITLES {
            let bare = t.trim_end_matches('.');
            assert!(
                ABBREVIATIONS.binary_search(&bare).is_ok() || bare.len() == 1,
                "{t}"
            );
        }
        for n in NUMBER_ABBREVIATIONS {
            assert!(ABBREVIATIONS.binary_search(n).is_ok(), "{n}");
        }
    }

    #[test]
    fn split_words_cut_inside_the_word() {
        for (w, n) in SPLIT_WORDS {
            assert!(*n > 0 && *n < w.len(), "{w}");
            // the tokenizer looks up only words ending so
            assert!(w.ends_with(['a', 't']), "{w}");
        }
    }
}
