//! Tests of the quotation rules written on 2026-11-30 (session 9) after the errors of
//! `quotes_test9.tsv` were classified: constructions of English news in general rather than
//! one sentence each (attributions set inside their clause, closing attributions whose verb
//! the tagger reads as a noun, names in quote marks, the edges of `according to` reports,
//! writers' connectives). Sentences written for the tests; tags a rule reads are set by hand.

use super::rule_test_support::*;

#[test]
fn an_as_attribution_inside_its_clause_reports_the_whole_sentence() {
    assert_eq!(
        indirect("HP, as Gizmodo recently explained, is a complex and rare condition."),
        vec![pair(
            "HP, as Gizmodo recently explained, is a complex and rare condition",
            "Gizmodo"
        )]
    );
    // Closing its sentence, the attribution reports the clause before it.
    assert_eq!(
        indirect("The vote was a setback for the mayor, as Lena Holt noted."),
        vec![pair("The vote was a setback for the mayor", "Lena Holt")]
    );
}

#[test]
fn a_parenthetical_attribution_may_precede_a_partial_quote() {
    assert_eq!(
        indirect("Finding water on the moon, Lena Holt said, is the \"next best thing\" to life."),
        vec![pair(
            "Finding water on the moon, Lena Holt said, is the \"next best thing\" to life",
            "Lena Holt"
        )]
    );
}

#[test]
fn a_closing_present_attribution_read_as_a_noun_still_reports() {
    let mut d = nouns_doc("The plume holds water vapor, a new study reports.");
    tag(&mut d, "holds", "VBZ");
    tag(&mut d, "reports", "NNS");
    assert_eq!(
        indirect_of(&d),
        vec![(
            "The plume holds water vapor".to_string(),
            Some("a new study".to_string())
        )]
    );
}

#[test]
fn a_relative_clause_on_the_setting_of_a_closing_attribution_is_the_writers() {
    let mut d = nouns_doc(
        "The plume holds water vapor, Lena Holt wrote in the paper, which was published today.",
    );
    tag(&mut d, "holds", "VBZ");
    tag(&mut d, "wrote", "VBD");
    tag(&mut d, "was", "VBD");
    tag(&mut d, "in", "IN");
    assert_eq!(
        indirect_of(&d),
        vec![pair("The plume holds water vapor", "Lena Holt")]
    );
}

#[test]
fn a_name_given_in_quote_marks_is_no_quote() {
    for text in [
        "In such cases it has been dubbed \"feather duvet lung.\" Doctors treat it.",
        "The man was diagnosed with what's called \"feather duvet lung,\" a rare illness.",
        "It earned the nickname of \"bird fancier's lung.\" Doctors treat it.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
    // Someone's words about a thing are a quote.
    let q = quotes("The mayor called the plan \"a total waste of money,\" Lena Holt said.");
    assert_eq!(q.iter().filter(|q| q.direct).count(), 1, "{q:?}");
}

#[test]
fn according_to_the_outlet_names_the_outlet() {
    assert_eq!(
        indirect("Three scripts are still in contention, according to The Wrap, so it is open."),
        vec![pair("Three scripts are still in contention", "The Wrap")]
    );
}

#[test]
fn a_report_closed_by_according_to_starts_after_a_colon_or_dash_before_a_clause() {
    assert_eq!(
        indirect("There has been news on the film: Lena Holt is in talks to direct it, according to The Wrap."),
        vec![pair("Lena Holt is in talks to direct it", "The Wrap")]
    );
    assert_eq!(
        indirect("It is unclear if Holt will return — both actors were in a dispute in 2018, according to The Wrap."),
        vec![pair("both actors were in a dispute in 2018", "The Wrap")]
    );
    // A verb coordinated after the dash goes on with the clause before it.
    assert_eq!(
        indirect("The film was poorly received — and it flopped at the box office, according to The Wrap."),
        vec![pair("The film was poorly received — and it flopped at the box office", "The Wrap")]
    );
    // A phrase with no verb after the dash elaborates the clause before it.
    assert_eq!(
        indirect("There was a lot of water — about 2,300 tons, according to the study."),
        vec![(
            "There was a lot of water — about 2,300 tons".to_string(),
            Some("the study".to_string())
        )]
    );
}

#[test]
fn a_participle_describing_the_source_of_according_to_is_left_out() {
    assert_eq!(
        indirect(
            "According to the study, published in a journal, the man had suffered for months."
        ),
        vec![(
            "the man had suffered for months".to_string(),
            Some("the study".to_string())
        )]
    );
}

#[test]
fn according_to_the_company_reports() {
    assert_eq!(
        indirect("There are now 140 million business accounts, according to the company."),
        vec![(
            "There are now 140 million business accounts".to_string(),
            Some("the company".to_string())
        )]
    );
}

#[test]
fn more_writers_connectives_are_left_out_of_a_report() {
    assert_eq!(
        indirect("What's more, there are many kinds of the disease, Lena Holt added."),
        vec![pair("there are many kinds of the disease", "Lena Holt")]
    );
    assert_eq!(
        indirect("On the other hand, the vote was close, Lena Holt said."),
        vec![pair("the vote was close", "Lena Holt")]
    );
}

#[test]
fn a_connective_before_a_direct_quote_makes_no_report() {
    let text = "That being said, \"people with duvets should not panic,\" Lena Holt said.";
    assert!(indirect(text).is_empty(), "{:?}", indirect(text));
    assert_eq!(quotes(text).len(), 1, "{:?}", quotes(text));
}

/// The speakers of the direct quotes of `text`.
fn direct_speakers(text: &str) -> Vec<Option<String>> {
    quotes(text)
        .into_iter()
        .filter(|q| q.direct)
        .map(|q| q.speaker)
        .collect()
}

#[test]
fn an_inverted_present_attribution_after_a_quote_names_the_speaker() {
    assert_eq!(
        direct_speakers(
            "\"We worked on the design of the craft,\" comments Robin Biesbroek of the agency."
        ),
        vec![Some("Robin Biesbroek".to_string())]
    );
}

#[test]
fn an_inverted_attribution_may_give_the_speakers_age_before_the_name() {
    assert_eq!(
        direct_speakers(
            "\"I was unable to walk for months,\" wrote 43-year-old Martin Taylor of Aberdeen."
        ),
        vec![Some("Martin Taylor".to_string())]
    );
}

#[test]
fn after_a_long_apposition_the_speaker_is_the_name_it_follows() {
    assert_eq!(
        direct_speakers(
            "\"The elements are found all over the system,\" study author Lucas Paganini, a \
             scientist at a centre in Washington, D.C., said in a statement."
        ),
        vec![Some("Lucas Paganini".to_string())]
    );
}

#[test]
fn a_publication_speaks_for_its_owner() {
    let mut d = nouns_doc("The Wrap's report claims that Pine will be back on board the ship.");
    tag(&mut d, "claims", "VBZ");
    tag(&mut d, "that", "IN");
    tag(&mut d, "will", "MD");
    tag(&mut d, "be", "VB");
    attach(&mut d, "report", Some("claims"), "nsubj");
    attach(&mut d, "claims", None, "root");
    attach(&mut d, "back", Some("claims"), "ccomp");
    attach(&mut d, "Pine", Some("back"), "nsubj");
    attach(&mut d, "that", Some("back"), "mark");
    assert_eq!(
        indirect_of(&d),
        vec![pair("Pine will be back on board the ship", "The Wrap")]
    );
}

#[test]
fn an_inverted_closing_attribution_may_give_a_role_before_the_name() {
    assert_eq!(
        indirect(
            "Rain falls everywhere on Titan, but the poles are wetter, said study co-author \
             Anezina Solomonidou, a research fellow."
        ),
        vec![pair(
            "Rain falls everywhere on Titan, but the poles are wetter",
            "Anezina Solomonidou"
        )]
    );
}

#[test]
fn an_inverted_closing_attribution_may_follow_a_partial_quote() {
    assert_eq!(
        indirect(
            "The visits failed to find the cause, which was \"extremely distressing,\" wrote \
             Martin Taylor, who had never smoked."
        ),
        vec![pair(
            "The visits failed to find the cause, which was \"extremely distressing",
            "Martin Taylor"
        )]
    );
    // A direct quote set off by a colon has its own attribution.
    let text = "The union regrets that it was left out: \"There was not any consultation,\" \
                said Ms. Gillard.";
    assert!(indirect(text).is_empty(), "{:?}", indirect(text));
}

#[test]
fn a_bare_plural_speech_noun_after_a_preposition_reports_its_clause() {
    assert_eq!(
        indirect("The film was approved in 2016, with reports that Chris Hemsworth would return as George Kirk, the father of James Kirk."),
        vec![("Chris Hemsworth would return as George Kirk, the father of James Kirk".to_string(), None)]
    );
}

#[test]
fn what_a_test_reveals_is_a_finding_not_a_report() {
    let text = "Blood tests revealed that the man's body had created antibodies to feathers.";
    assert!(indirect(text).is_empty(), "{:?}", indirect(text));
    // A person revealing something reports it.
    assert_eq!(
        indirect("Lena Holt revealed that the body had created antibodies to feathers."),
        vec![pair(
            "the body had created antibodies to feathers",
            "Lena Holt"
        )]
    );
}

#[test]
fn a_verb_of_saying_after_a_named_object_reports_for_the_object() {
    assert_eq!(
        indirect(
            "Dropping the count allowed Adam Mosseri to claim that the app wants to be calmer."
        ),
        vec![pair("the app wants to be calmer", "Adam Mosseri")]
    );
}

#[test]
fn a_report_in_a_relative_clause_with_an_auxiliary_speaks_for_the_antecedent() {
    let mut d = nouns_doc("Ana Ruiz, who has said the border should stay closed, met the envoy.");
    tag(&mut d, "who", "WP");
    tag(&mut d, "has", "VBZ");
    tag(&mut d, "said", "VBN");
    tag(&mut d, "should", "MD");
    tag(&mut d, "met", "VBD");
    for t in d.tokens.iter_mut().filter(|t| t.text == ",") {
        t.xpos = Some(",".into());
    }
    assert_eq!(
        indirect_of(&d),
        vec![pair("the border should stay closed", "Ana Ruiz")]
    );
}

#[test]
fn a_listener_named_in_several_words_after_told_the_is_no_part_of_the_clause() {
    assert_eq!(
        indirect("Ana Ruiz later told the Associated Press she had not been consulted."),
        vec![pair("she had not been consulted", "Ana Ruiz")]
    );
}

#[test]
fn saying_reports_its_clause_whatever_the_parse_made_of_it() {
    let mut d = nouns_doc("Ana Ruiz claimed victory, saying the results showed a clear mandate.");
    tag(&mut d, "claimed", "VBD");
    tag(&mut d, "saying", "VBG");
    tag(&mut d, "the", "DT");
    tag(&mut d, "results", "NNS");
    tag(&mut d, "showed", "VBD");
    attach(&mut d, "claimed", None, "root");
    attach(&mut d, "Ruiz", Some("claimed"), "nsubj");
    attach(&mut d, "saying", Some("claimed"), "advcl");
    attach(&mut d, "results", Some("saying"), "obj");
    attach(&mut d, "showed", Some("claimed"), "conj");
    assert_eq!(
        indirect_of(&d),
        vec![pair("the results showed a clear mandate", "Ana Ruiz")]
    );
}
