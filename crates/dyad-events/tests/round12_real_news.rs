//! Rules of the twelfth round, found on real political news (Wikinews): a verb dictionary
//! overlay read on top of PETRARCH2's `CAMEO.2.0.txt` (`data/events/news_verbs.txt`, the
//! default dictionary of `dyad code`), with the reader users have for their own
//! additions. Parses are hand-written rows shaped as the repository's parser gives them;
//! the sentences are made up.

mod common;

use dyad_events::{Coder, VerbDictionary};

/// The bare code of `form` in `d` (the first verb carrying it), `None` when no verb does.
fn bare_code(d: &VerbDictionary, form: &str) -> Option<String> {
    let r = *d.lookup(form).first()?;
    d.verb_code(r).and_then(|c| c.active.clone())
}

use common::{code_news, code_nouns};

#[test]
fn the_news_overlay_codes_verbs_petrarch_lacks() {
    let cameo = VerbDictionary::cameo();
    let news = VerbDictionary::news();
    // missing from CAMEO.2.0.txt
    for form in ["urged", "railed", "commuted", "reconciled", "sanctioned"] {
        assert!(cameo.lookup(form).is_empty(), "{form} is in CAMEO.2.0.txt");
    }
    assert_eq!(bare_code(news, "urged").as_deref(), Some("020"));
    assert_eq!(bare_code(news, "railed").as_deref(), Some("111"));
    assert_eq!(bare_code(news, "commuted").as_deref(), Some("080"));
    assert_eq!(bare_code(news, "sanctioned").as_deref(), Some("163"));
    // "the House impeached Trump", "Merkel seconded Macron's recommendation"
    assert!(cameo.lookup("impeached").is_empty() && cameo.lookup("seconded").is_empty());
    assert_eq!(bare_code(news, "impeached").as_deref(), Some("173"));
    assert_eq!(bare_code(news, "seconded").as_deref(), Some("051"));
    // coded otherwise there: a question and a rejection without a code, a lawsuit as an
    // arrest, a verbal attack as a physical one
    assert_eq!(bare_code(cameo, "questioned"), None);
    assert_eq!(bare_code(news, "questioned").as_deref(), Some("111"));
    assert_eq!(bare_code(news, "rejected").as_deref(), Some("120"));
    assert_eq!(bare_code(cameo, "sued").as_deref(), Some("173"));
    assert_eq!(bare_code(news, "sued").as_deref(), Some("115"));
    assert_eq!(bare_code(cameo, "assailed").as_deref(), Some("190"));
    assert_eq!(bare_code(news, "assailed").as_deref(), Some("111"));
    // a verb re-listed in its block keeps the block's patterns: REJECT still has REFUSE's
    assert!(news.patterns_for("rejected").count() > 50);
    // every code the overlay uses is a CAMEO code
    let book = dyad_events::Codebook::embedded();
    for (line, code) in news.codes() {
        assert!(book.goldstein(code).is_some(), "line {line}: {code}");
    }
}

#[test]
fn the_news_dictionary_codes_a_railing() {
    // "Frodo railed against Mordor"
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("railed", "rail", "VERB", 0, "root"),
        ("against", "against", "ADP", 4, "case"),
        ("Mordor", "Mordor", "PROPN", 2, "obl"),
    ];
    let actors = [(1, 1, "GONGOV"), (4, 4, "MOR")];
    assert_eq!(code_news(&rows, &actors), vec!["GONGOV>MOR:111"]);
}

#[test]
fn events_of_the_overlay_name_its_file() {
    // "Frodo urged Gondor": the pattern reference points at the overlay, not CAMEO.2.0.txt
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("urged", "urge", "VERB", 0, "root"),
        ("Gondor", "Gondor", "PROPN", 2, "obj"),
    ];
    let d = common::parsed(&rows, None);
    let refs = [
        common::mention(&d, 1, 1, Some("ARNGOV")),
        common::mention(&d, 3, 3, Some("GON")),
    ];
    let ev = Coder::new(VerbDictionary::news(), common::petrarch()).code(&d, &refs);
    assert_eq!(common::sorted_codings(&ev), vec!["ARNGOV>GON:020"]);
    let p = ev[0].pattern.as_ref().unwrap();
    assert_eq!(p.dictionary, "data/events/news_verbs.txt");
    assert_eq!(p.block, "URGE");
}

const BASE: &str = "\
&TALKS
+TALKS

--- ASK [---] ---
ASK
QUESTION
- * FOR HELP                 [020]

--- MEET [040] ---
MEET
";

#[test]
fn an_overlay_extends_replaces_and_adds() {
    let base = VerbDictionary::parse(BASE, "base.txt").unwrap();
    let over = "\
# QUESTION gets a code of its own and keeps ASK's patterns
--- ASK ---
QUESTION [111]
- * &TALKS                   [026]

# MEET leaves its block for a new one
--- MEET_NEW [036] ---
MEET

--- URGE [020] ---
URGE
";
    let d = base.with_overlay(over, "mine.txt").unwrap();
    assert_eq!(bare_code(&d, "questioned").as_deref(), Some("111"));
    assert_eq!(bare_code(&d, "asked"), None);
    let texts: Vec<&str> = d
        .patterns_for("questioned")
        .map(|(_, p)| p.text.as_str())
        .collect();
    assert_eq!(texts, ["* FOR HELP", "* &TALKS"]);
    assert_eq!(d.lookup("meets").len(), 1);
    assert_eq!(bare_code(&d, "meets").as_deref(), Some("036"));
    assert_eq!(bare_code(&d, "urges").as_deref(), Some("020"));
    // what the overlay added names its file; the base's own keeps none
    let r = d.lookup("urge")[0];
    assert_eq!(d.verb(r).file.as_deref(), Some("mine.txt"));
    assert_eq!(d.verb(d.lookup("ask")[0]).file, None);
}

#[test]
fn an_overlay_error_names_its_file_and_line() {
    let base = VerbDictionary::parse(BASE, "base.txt").unwrap();
    let e = base
        .with_overlay("# fine\n--- URGE [020] ---\nURGE {URGES\n", "mine.txt")
        .unwrap_err();
    assert!(e.to_string().starts_with("mine.txt:3: "), "{e}");
    // a verb before any block header of the overlay does not join the base's last block
    let e = base.with_overlay("URGE\n", "mine.txt").unwrap_err();
    assert!(e.to_string().starts_with("mine.txt:1: "), "{e}");
    // an extending header must not recode the base's block
    let e = base
        .with_overlay("\n--- ASK [020] ---\nPLEAD\n", "mine.txt")
        .unwrap_err();
    assert!(e.to_string().starts_with("mine.txt:2: "), "{e}");
    // the shipped overlay reads strictly
    let text = include_str!("../../../data/events/news_verbs.txt");
    assert!(VerbDictionary::cameo()
        .with_overlay(text, "news_verbs.txt")
        .is_ok());
}

#[test]
fn an_event_noun_with_both_parties_is_coded() {
    // "Unrest followed the police killing of Brooks in Minas Tirith."
    let rows = [
        ("Unrest", "unrest", "NOUN", 2, "nsubj"),
        ("followed", "follow", "VERB", 0, "root"),
        ("the", "the", "DET", 5, "det"),
        ("police", "police", "NOUN", 5, "compound"),
        ("killing", "killing", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 7, "case"),
        ("Brooks", "Brooks", "PROPN", 5, "nmod"),
    ];
    let actors = [(4, 4, "GONCOP"), (7, 7, "GONCVL")];
    assert_eq!(code_nouns(&rows, &actors), vec!["GONCOP>GONCVL:1823"]);
    // without the agent compound no one is said to have done it
    let rows = [
        ("Unrest", "unrest", "NOUN", 2, "nsubj"),
        ("followed", "follow", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("killing", "killing", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 6, "case"),
        ("Brooks", "Brooks", "PROPN", 4, "nmod"),
    ];
    assert!(code_nouns(&rows, &[(6, 6, "GONCVL")]).is_empty());
}

#[test]
fn a_critic_under_a_copula_is_its_subject() {
    // "Frodo is a critic of Sauron"
    let rows = [
        ("Frodo", "Frodo", "PROPN", 4, "nsubj"),
        ("is", "be", "AUX", 4, "cop"),
        ("a", "a", "DET", 4, "det"),
        ("critic", "critic", "NOUN", 0, "root"),
        ("of", "of", "ADP", 6, "case"),
        ("Sauron", "Sauron", "PROPN", 4, "nmod"),
    ];
    let actors = [(1, 1, "SHROPP"), (6, 6, "MORGOV")];
    assert_eq!(code_nouns(&rows, &actors), vec!["SHROPP>MORGOV:111"]);
}

#[test]
fn talks_between_two_go_both_ways() {
    // "The talks between Gondor and Rohan were long"
    let rows = [
        ("The", "the", "DET", 2, "det"),
        ("talks", "talk", "NOUN", 8, "nsubj"),
        ("between", "between", "ADP", 4, "case"),
        ("Gondor", "Gondor", "PROPN", 2, "nmod"),
        ("and", "and", "CCONJ", 6, "cc"),
        ("Rohan", "Rohan", "PROPN", 4, "conj"),
        ("were", "be", "AUX", 8, "cop"),
        ("long", "long", "ADJ", 0, "root"),
    ];
    let actors = [(4, 4, "GON"), (6, 6, "ROH")];
    assert_eq!(
        code_nouns(&rows, &actors),
        vec!["GON>ROH:046", "ROH>GON:046"]
    );
    // "no talks between ..." are none
    let mut neg = rows.to_vec();
    neg[0] = ("No", "no", "DET", 2, "det");
    assert_eq!(code_nouns(&neg, &actors), Vec::<String>::new());
}

#[test]
fn a_statement_to_the_press_is_no_dyad() {
    const TELL: &str = "--- TELL [010] ---\nTELL {TELLS TOLD TELLING}\n";
    // "Frodo told reporters": said through the press, to no one in particular
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("told", "tell", "VERB", 0, "root"),
        ("reporters", "reporter", "NOUN", 2, "obj"),
    ];
    assert!(common::code_rows(TELL, &rows, &[(1, 1, "GONGOV"), (3, 3, "GONMED")]).is_empty());
    // "Frodo told Rohan" is a statement to Rohan
    assert_eq!(
        common::code_rows(TELL, &rows, &[(1, 1, "GONGOV"), (3, 3, "ROH")]),
        vec!["GONGOV>ROH:010"]
    );
}

#[test]
fn leaving_is_no_consultation() {
    // CAMEO.2.0.txt codes bare LEAVE 040 ("She left the UK"); the overlay takes the code
    // off and keeps GO_SOMEWHERE's patterns
    assert_eq!(
        bare_code(VerbDictionary::cameo(), "left").as_deref(),
        Some("040")
    );
    assert_eq!(bare_code(VerbDictionary::news(), "left"), None);
    assert!(VerbDictionary::news().patterns_for("left").count() > 10);
}

#[test]
fn a_call_with_someone_is_a_phone_call() {
    // "Frodo's call with Aragorn was brief"
    let rows = [
        ("Frodo", "Frodo", "PROPN", 3, "nmod:poss"),
        ("'s", "'s", "PART", 1, "case"),
        ("call", "call", "NOUN", 7, "nsubj"),
        ("with", "with", "ADP", 5, "case"),
        ("Aragorn", "Aragorn", "PROPN", 3, "nmod"),
        ("was", "be", "AUX", 7, "cop"),
        ("brief", "brief", "ADJ", 0, "root"),
    ];
    let actors = [(1, 1, "SHRGOV"), (5, 5, "GONGOV")];
    assert_eq!(code_nouns(&rows, &actors), vec!["SHRGOV>GONGOV:041"]);
}

#[test]
fn a_meeting_only_arranged_is_not_coded() {
    // "Gandalf worked to arrange a meeting between Rohan and Gondor"
    let rows = [
        ("Gandalf", "Gandalf", "PROPN", 2, "nsubj"),
        ("worked", "work", "VERB", 0, "root"),
        ("to", "to", "PART", 4, "mark"),
        ("arrange", "arrange", "VERB", 2, "xcomp"),
        ("a", "a", "DET", 6, "det"),
        ("meeting", "meeting", "NOUN", 4, "obj"),
        ("between", "between", "ADP", 8, "case"),
        ("Rohan", "Rohan", "PROPN", 6, "nmod"),
        ("and", "and", "CCONJ", 10, "cc"),
        ("Gondor", "Gondor", "PROPN", 8, "conj"),
    ];
    let actors = [(1, 1, "ISTELI"), (8, 8, "ROH"), (10, 10, "GON")];
    let coded = code_nouns(&rows, &actors);
    assert!(
        !coded
            .iter()
            .any(|c| c == "ROH>GON:040" || c == "GON>ROH:040"),
        "{coded:?}"
    );
}

#[test]
fn a_disagreement_with_someone_is_disapproval() {
    // "Frodo's disagreements with Boromir were known"
    let rows = [
        ("Frodo", "Frodo", "PROPN", 3, "nmod:poss"),
        ("'s", "'s", "PART", 1, "case"),
        ("disagreements", "disagreement", "NOUN", 7, "nsubj:pass"),
        ("with", "with", "ADP", 5, "case"),
        ("Boromir", "Boromir", "PROPN", 3, "nmod"),
        ("were", "be", "AUX", 7, "cop"),
        ("known", "known", "ADJ", 0, "root"),
    ];
    let actors = [(1, 1, "SHRGOV"), (5, 5, "GONGOV")];
    assert_eq!(code_nouns(&rows, &actors), vec!["SHRGOV>GONGOV:110"]);
}

#[test]
fn what_is_published_joined_or_sought_is_no_event() {
    // "Frodo released a book about Gondor": CAMEO.2.0.txt's bare RELEASE (084) took
    // Gondor as the released party's target
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("released", "release", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("book", "book", "NOUN", 2, "obj"),
        ("about", "about", "ADP", 6, "case"),
        ("Gondor", "Gondor", "PROPN", 4, "nmod"),
    ];
    let actors = [(1, 1, "SHRELI"), (6, 6, "GON")];
    assert_eq!(code_news(&rows, &actors), Vec::<String>::new());
    // "Frodo joined the Fellowship", "Frodo sought the Fellowship's nomination"
    assert_eq!(
        bare_code(VerbDictionary::cameo(), "joined").as_deref(),
        Some("040")
    );
    assert_eq!(bare_code(VerbDictionary::news(), "joined"), None);
    let rows = [
        ("Frodo", "Frodo", "PROPN", 2, "nsubj"),
        ("sought", "seek", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("Fellowship", "Fellowship", "PROPN", 6, "nmod:poss"),
        ("'s", "'s", "PART", 4, "case"),
        ("nomination", "nomination", "NOUN", 2, "obj"),
    ];
    let actors = [(1, 1, "SHRELI"), (4, 4, "GONPTY")];
    assert_eq!(code_news(&rows, &actors), Vec::<String>::new());
}
