//! Word lists and token tests shared by the quotation rules: speech verbs, speaker pronouns,
//! titles stripped from names, name particles, capitalised function words that never start a
//! name, and the quote marks (curly, straight, and the two-character forms of PTB tokens).
//!
//! They sit apart from the rules so that every rule module reads the same lists; they are
//! constants rather than data files because each entry came with a rule and its test.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Verbs of speech that both attribute a quotation (`," she said.`) and report a clause
/// (`she said that ...`): the attribution rules and the indirect-speech rules read this one list.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "insisted",
    "insists",
    "stressed",
    "warned",
    "noted",
    "explained",
    "argued",
    "wrote",
    "reiterated",
    "stated",
    "announced",
    "remarked",
    "claimed",
    "saying",
    "adding",
    "telling",
    "acknowledged",
    "admitted",
    "insisting",
    "stressing",
    "warning",
    "noting",
    "explaining",
    "asserted",
    "emphasised",
    "emphasized",
    "conceded",
    "suggested",
    "stating",
    "observed",
    "notes",
    "writes",
    "argues",
    "warns",
    "explains",
    "proclaimed",
    "reported",
    "revealed",
    "confirmed",
    "testified",
    "alleged",
    "contended",
    "asserts",
    "stresses",
    "vowed",
    "pledged",
    "promised",
    "predicted",
    "complained",
    "countered",
    "responded",
    "lamented",
    "acknowledges",
    "confirms",
    "announces",
    "emphasizes",
    "concedes",
    "contends",
    // Verbs of speech a lexicon of English verb classes lists (VerbNet 37.7 say, 37.8
    // complain, 37.2 tell, promise, confess, reply, reveal) and news uses for both a quote
    // and its clause (`," she retorted.`, `he confessed that ...`); past forms, which are
    // the participles too, and the present where it is no noun (`complains`, not `vows`).
    // The indirect rules find other forms of these by their tag and lemma.
    "replied",
    "replies",
    "retorted",
    "declared",
    "recalled",
    "recalls",
    "cautioned",
    "bragged",
    "grumbled",
    "confessed",
    "confided",
    "mentioned",
    "affirmed",
    "reaffirmed",
    "clarified",
    "swore",
    "complains",
    "predicts",
];

/// Verbs that attribute a direct quotation but seldom report a clause of their own
/// (`asked`, `tweeted`, `quipped`, the manner-of-speaking verbs); the indirect rules have
/// their own extra list.
const ATTRIBUTION_VERBS: &[&str] = &[
    "asked",
    "continued",
    "tweeted",
    "commented",
    "urged",
    "described",
    "characterized",
    "characterised",
    "dubbed",
    "concluded",
    "reads",
    "observes",
    "admits",
    "suggests",
    "recounted",
    // Present forms of the verbs above (`," Doctor asks, "...`).
    "asks",
    // Verbs of speech common in news beyond `say` (`," she vowed.`, `," he quipped`).
    "answered",
    "boasted",
    "joked",
    "quipped",
    "shouted",
    "recounts",
    // Manner of speaking (VerbNet 37.3): they attribute a quote (`," he muttered.`) but
    // name how it was said, not a report of a clause (`whispered that` is rare and
    // `snapped` is mostly something else).
    "exclaimed",
    "whispered",
    "yelled",
    "screamed",
    "shrieked",
    "muttered",
    "mumbled",
    "murmured",
    "stammered",
    "snapped",
    "growled",
    "hollered",
    "interjected",
];
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];
pub(super) const TITLES: &[&str] = &[
    "President",
    "Secretary",
    "State",
    "Minister",
    "Foreign",
    "Prime",
    "Chancellor",
    "Defence",
    "Defense",
    "General",
    "Gen.",
    "Senator",
    "Sen.",
    "Rep.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Vice",
    "Deputy",
    "Chief",
    "Commissioner",
    "Director",
    "Premier",
    "Leader",
    "Interior",
    "Finance",
    "Trade",
    "Health",
    "U.S.",
    "EU",
    "UN",
    "Former",
    "Senior",
    "Attorney",
    "Representative",
    "Professor",
    "Prof.",
    "Emeritus",
    "Administrator",
    "Undersecretary",
    "Shadow",
    "Coach",
    "Captain",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
];

/// Particles inside a name ("Suleiman al-Amr", "Ludwig van Beethoven").
pub(super) const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "van", "von", "da", "di", "du", "le",
];

/// Capitalised words that never start or continue a speaker's name.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "I",
    "We",
    "You",
    "It",
    "He",
    "She",
    "They",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "If",
    "When",
    "While",
    "As",
    "So",
    "There",
    "Here",
    "What",
    "Our",
    "My",
    "His",
    "Her",
    "Their",
    "Its",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Now",
    "Then",
    "Also",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "After",
    "Before",
    "During",
    "Since",
    "Despite",
    "According",
    "Last",
    "Next",
    "Although",
    "Another",
    "Because",
    "Image",
    "Video",
    "Audio",
    "Writing",
    "Speaking",
    "Citing",
    "Discussing",
    "Asked",
    "Asking",
    "Following",
    "Instead",
    "Of",
    "For",
    "From",
    "With",
    "By",
    "To",
    "As",
    "Many",
    "Some",
    "All",
    "Both",
];

// Two single curly marks stand for a double one in some wire copy (AP's `,’’ Will Moy
// ... told`); the tokenizer keeps them as one token.
pub(super) fn is_open(t: &str) -> bool {
    matches!(t, "“" | "``" | "‘‘")
}
pub(super) fn is_close(t: &str) -> bool {
    matches!(t, "”" | "''" | "’’")
}
pub(super) fn is_straight(t: &str) -> bool {
    t == "\""
}
pub(super) fn is_mark(t: &str) -> bool {
    is_open(t) || is_close(t) || is_straight(t)
}
pub(super) fn capitalised(t: &str) -> bool {
    t.starts_with(|c: char| c.is_uppercase())
}
pub(super) fn is_verb(t: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    word_set(&SET, &[SPEECH_VERBS, ATTRIBUTION_VERBS]).contains(t)
}

/// Whether `t` is one of the [`SPEECH_VERBS`].
pub(super) fn is_speech_verb(t: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    word_set(&SET, &[SPEECH_VERBS]).contains(t)
}

/// The words of `lists` as a set held by `cell`: the checks run on every token, and a set
/// answers them faster than a scan of the lists.
pub(super) fn word_set<'a>(
    cell: &'a OnceLock<FxHashSet<&'static str>>,
    lists: &[&[&'static str]],
) -> &'a FxHashSet<&'static str> {
    cell.get_or_init(|| lists.iter().flat_map(|l| l.iter().copied()).collect())
}

/// Whether the tag of `t` is that of a finite verb or a modal (`VBD`, `VBZ`, `VBP`, `MD`);
/// an untagged token is not.
pub(super) fn finite_tag(t: &dyad_core::Token) -> bool {
    matches!(t.xpos.as_deref(), Some("VBD" | "VBZ" | "VBP" | "MD"))
}

/// Whether a cited source opens at token `k`: `per` or `according to` (`..., Ruiz said, per
/// the Herald.`).
pub(super) fn cites_at(toks: &[dyad_core::Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.text == "per" || t.text == "according" && toks.get(k + 1).is_some_and(|n| n.text == "to")
    })
}

/// Whether `t` is a verb form a list leaves out of a verb it holds (`reports` of `reported`,
/// `written` of `writes`): tagged as a verb, its lemma, inflected, is in the list `listed`.
/// A noun (`the reports that ...`) has a noun's tag and is not one; untagged tokens are not.
pub(super) fn other_form_of(t: &dyad_core::Token, listed: impl Fn(&str) -> bool) -> bool {
    let (Some(lemma), Some(tag)) = (t.lemma.as_deref(), t.xpos.as_deref()) else {
        return false;
    };
    if !matches!(tag, "VBZ" | "VBD" | "VBP" | "VBN")
        || lemma.is_empty()
        || !lemma.chars().all(|c| c.is_ascii_lowercase())
    {
        return false;
    }
    // One buffer for the five forms: this runs on every tagged verb of every sentence.
    let mut form = String::with_capacity(lemma.len() + 2);
    ["", "s", "es", "d", "ed"].iter().any(|ending| {
        form.clear();
        form.push_str(lemma);
        form.push_str(ending);
        listed(&form)
    })
}
