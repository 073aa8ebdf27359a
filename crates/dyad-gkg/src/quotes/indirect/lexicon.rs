//! Word lists of the indirect-speech rules: verbs that may drop `that`, words that cannot open
//! a reported clause, auxiliaries, setting and time words, adverbs, the objects of `told` and
//! the nouns that name a source.
//!
//! They sit apart from the rules so that the subject, clause and trailing rules read the
//! same lists; the lists that one rule alone reads stay with it.

/// Reporting verbs whose clause may come without `that`.
pub(super) const NO_THAT: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "stated",
    "states",
    "noted",
    "notes",
    "added",
    "adds",
    "claimed",
    "claims",
    "insisted",
    "argued",
    "warned",
    "wrote",
    "writes",
    "observed",
    "explained",
    "stressed",
    "reiterated",
    "insist",
    "insists",
    "testified",
    "saying",
];

/// Words that cannot start a reported clause right after the verb.
pub(super) const NOT_CLAUSE_START: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "of",
    "about",
    "as",
    "into",
    "after",
    "before",
    "during",
    "while",
    "when",
    "if",
    "and",
    "but",
    "or",
    "so",
    "nothing",
    "anything",
    "little",
    "something",
    "everything",
    "goodbye",
    "so",
    "yes",
    "no",
    "more",
    "much",
    "alongside",
    "following",
    "outside",
    "inside",
    "through",
    "afterwards",
    "afterward",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
];

/// Words after `that` that make it a relative pronoun ("the locations that would be ...").
pub(super) const AUXILIARIES: &[&str] = &[
    "would", "will", "was", "were", "is", "are", "has", "have", "had", "could", "can", "may",
    "might", "should", "must",
];

/// Prepositions opening a setting between a speech verb and its `that` (`said in a letter
/// to ... that`, `said during a hearing that`).
pub(super) const SETTING_PREPOSITIONS: &[&str] =
    &["in", "on", "at", "during", "to", "before", "after"];

/// Nouns closing the setting of a speech verb (`in a joint statement`).
pub(super) const SETTING_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "letter",
    "speech",
    "address",
    "post",
    "tweet",
    "email",
    "release",
    "briefing",
    "conference",
    "note",
    "report",
    "message",
    "video",
    "broadcast",
];

/// Adverbs between a verb and its clause ("said earlier the ...", "said publicly ...").
pub(super) const ADVERBS: &[&str] = &[
    "earlier",
    "later",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "again",
    "then",
];

/// Nouns of a time phrase after `last`, `this`, `next`.
pub(super) const PERIODS: &[&str] = &[
    "week", "month", "year", "weekend", "night", "summer", "spring", "autumn", "fall", "winter",
];

/// Prepositions after a verb's object ("warned Europe about", "told Congress of").
pub(super) const OBJECT_PREPOSITIONS: &[&str] =
    &["about", "of", "against", "over", "for", "on", "with", "to"];

/// Unnamed sources of `according to` ("according to court records", "according to the
/// police department").
pub(super) const SOURCE_NOUNS: &[&str] = &[
    "department",
    "police",
    "officials",
    "official",
    "ministry",
    "agency",
    "report",
    "reports",
    "statement",
    "records",
    "documents",
    "sources",
    "source",
    "data",
    "study",
    "survey",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "witnesses",
    "prosecutors",
    "authorities",
    "media",
    "researchers",
    "experts",
    "analysts",
    "newspaper",
    "representative",
    "estimates",
    "figures",
    // Legal texts (`according to the ruling`, `according to the island's constitution`).
    "ruling",
    "judgment",
    "verdict",
    "indictment",
    "constitution",
    // Published or witnessed sources (`according to the state's finances website`,
    // `according to eyewitness accounts corroborated by video footage`).
    "website",
    "filing",
    "filings",
    "poll",
    "analysis",
    "accounts",
    "testimony",
    "footage",
    "database",
    "tally",
    // Bodies and groups named by a common noun (`according to the company`, `according to
    // the researchers' calculations`), and what they publish.
    "company",
    "firm",
    "government",
    "group",
    "organization",
    "organisation",
    "office",
    "team",
    "authors",
    "scientists",
    "calculations",
    "research",
    "paper",
    "letter",
    "release",
    "complaint",
    "indictment",
    "lawsuit",
    "article",
    "organizers",
    "organisers",
    "residents",
    "relatives",
    "lawyers",
    "attorneys",
];

/// Present-tense forms that are plural nouns as often ("authoritarian states that ..."): they
/// report speech only after a name, a pronoun or a noun with its determiner.
pub(super) const NOUN_LIKE: &[&str] = &[
    "states", "notes", "claims", "reports", "adds", "tells", "says",
];

/// Objects of `told` before the clause.
pub(super) const OBJECTS: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "reporters",
    "journalists",
    "media",
    "lawmakers",
    "parliament",
    "police",
];

/// Words of a time phrase between a verb and its clause ("said on Thursday", "said
/// yesterday").
pub(super) const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "recently",
    "also",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words of the setting of a closing attribution besides its time (`, the US military said
/// in a statement on Wednesday.`, `, she said in an interview late Tuesday.`).
pub(super) const TRAILING_SETTING: &[&str] = &[
    "on",
    "in",
    "at",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "late",
    "early",
    "last",
    "this",
    "statement",
    "interview",
    "letter",
    "release",
    "news",
    "briefing",
    "conference",
    "tweet",
    "email",
    "week",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
];
