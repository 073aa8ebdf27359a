//! Tests of the indirect-speech rules written on 2026-11-30 (session 10) after the indirect
//! errors of the political Wikinews sets (`quotes_test10.tsv` to `quotes_test12.tsv`) were
//! classified: where a reported clause stops (a semicolon before another report, the
//! writer's `, meaning ...`, a trailing conjunction), what goes on (`, but would ...`, `,
//! and that ...`), `according to` forms, a subject and finite verb after a verb that mostly
//! takes `that`, and parenthetical attributions. Sentences written for the tests.

use crate::quotes::rule_test_support::*;

fn texts(text: &str) -> Vec<String> {
    indirect(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn a_semicolon_before_another_report_ends_the_clause() {
    assert_eq!(
        texts(
            "Mayor Ann Lee said the bridge was closed for repairs; a local paper reported it \
             would reopen in May."
        )[0],
        "the bridge was closed for repairs"
    );
}

#[test]
fn a_semicolon_inside_a_partial_quote_does_not_end_the_clause() {
    assert_eq!(
        texts("Mayor Ann Lee said the bridge was \"closed; a paper reported it\" last week.")[0],
        "the bridge was \"closed; a paper reported it\" last week"
    );
}

#[test]
fn the_writers_meaning_gloss_is_no_part_of_the_report() {
    assert_eq!(
        indirect("Senator Tom Ford said the vote was a disaster, meaning the budget would stall."),
        vec![pair("the vote was a disaster", "Tom Ford")]
    );
}

#[test]
fn but_and_a_modal_go_on_with_the_clause() {
    assert_eq!(
        texts("Governor Ann Lee said she was not interested in the job, but would accept it if asked."),
        vec!["she was not interested in the job, but would accept it if asked"]
    );
}

#[test]
fn and_that_after_a_clause_without_that_is_the_same_report() {
    let mut d =
        crate::test_doc("Tom Ford said he had signed the order, and that the army would withdraw.");
    // The parse coordinates the second clause's verb with `said`.
    attach(&mut d, "withdraw", Some("said"), "conj");
    attach(&mut d, "and", Some("withdraw"), "cc");
    // The conjunction, not a demonstrative.
    tag(&mut d, "that", "IN");
    assert_eq!(
        indirect_of(&d),
        vec![pair(
            "he had signed the order, and that the army would withdraw",
            "Tom Ford"
        )]
    );
}

#[test]
fn a_conjunction_left_before_a_direct_quote_is_trimmed() {
    assert!(
        texts("Tom Ford said the plan was sound and, \"we will not change a word of it.\"")
            .contains(&"the plan was sound".to_string())
    );
}

#[test]
fn according_to_a_body_without_a_comma_reports_the_clause_after_it() {
    assert_eq!(
        indirect(
            "Tom Ford was ill for months and according to the Ministry of Health he died on \
             Sunday morning."
        ),
        vec![pair("he died on Sunday morning", "Ministry of Health")]
    );
}

#[test]
fn an_apposition_on_the_source_of_according_to_is_no_part_of_the_clause() {
    assert_eq!(
        indirect("According to Ann Lee, the mayor's former aide, the bridge will reopen in May."),
        vec![pair("the bridge will reopen in May", "Ann Lee")]
    );
}

#[test]
fn according_to_reports_up_to_a_semicolon() {
    assert_eq!(
        texts(
            "According to the police, the senator was not running again; his rival had raised \
             twice as much money."
        ),
        vec!["the senator was not running again"]
    );
}

#[test]
fn a_closing_according_to_reports_the_clause_after_a_semicolon() {
    assert_eq!(
        texts(
            "The union is banned in the region; its youth wing is its main recruiter, \
             according to the police."
        ),
        vec!["its youth wing is its main recruiter"]
    );
}

#[test]
fn a_passive_participle_before_according_to_is_no_attribution() {
    assert_eq!(
        indirect("The date of the vote had not yet been announced, according to the Daily Star."),
        vec![pair(
            "The date of the vote had not yet been announced",
            "Daily Star"
        )]
    );
}

#[test]
fn according_to_an_object_pronoun_reports() {
    assert_eq!(
        texts("According to him, the strike had been planned for weeks."),
        vec!["the strike had been planned for weeks"]
    );
}

#[test]
fn a_short_subject_and_a_finite_verb_after_alleged_are_a_clause() {
    let mut d = nouns_doc("The police alleged the driver was drunk.");
    tag(&mut d, "The", "DT");
    tag(&mut d, "alleged", "VBD");
    tag(&mut d, "the", "DT");
    tag(&mut d, "was", "VBD");
    tag(&mut d, ".", ".");
    assert_eq!(
        indirect_of(&d)
            .into_iter()
            .map(|(t, _)| t)
            .collect::<Vec<_>>(),
        vec!["the driver was drunk"]
    );
}

#[test]
fn a_noun_with_a_name_after_it_is_an_object_with_a_relative_clause() {
    // `confirmed the deal Smith signed`: the deal is the object.
    let mut d = nouns_doc("The minister confirmed the deal Smith signed.");
    tag(&mut d, "The", "DT");
    tag(&mut d, "confirmed", "VBD");
    tag(&mut d, "the", "DT");
    tag(&mut d, "Smith", "NNP");
    tag(&mut d, "signed", "VBD");
    tag(&mut d, ".", ".");
    assert!(indirect_of(&d).is_empty());
}

#[test]
fn a_parenthetical_attribution_by_a_noun_phrase_reports_its_clause() {
    // The clause is the one after the semicolon that the attribution splits.
    assert_eq!(
        indirect(
            "They were lost at sea; they had, his father says, paid smugglers to take them to \
             Greece."
        ),
        vec![pair(
            "they had, his father says, paid smugglers to take them to Greece",
            "his father"
        )]
    );
}

#[test]
fn a_parenthetical_attribution_after_which_reports_the_rest_of_the_relative_clause() {
    assert_eq!(
        texts("The army guards prisoners which, the statement said, no country will take back."),
        vec!["no country will take back"]
    );
}

#[test]
fn a_parenthetical_attribution_after_whose_reports_from_whose() {
    assert_eq!(
        texts(
            "She chaired the session, a choice whose timing, Reuters noted, surprised the party."
        ),
        vec!["whose timing, Reuters noted, surprised the party"]
    );
}

#[test]
fn an_ellipsis_and_a_conjunction_before_a_direct_quote_are_trimmed() {
    // The segmenter ends the sentence at the ellipsis after the opening mark.
    let q = texts("Tom Ford said he was \"moved\" by the vote and \"... We will not forget it.\"");
    assert!(
        q.contains(&"he was \"moved\" by the vote".to_string()),
        "{q:?}"
    );
}

#[test]
fn an_acronym_after_told_is_the_listener_when_a_name_and_verb_follow() {
    assert_eq!(
        indirect("Ann Lee told CNN Tom Ford had left the party."),
        vec![pair("Tom Ford had left the party", "Ann Lee")]
    );
    // An outlet's name of several words stays whole.
    assert_eq!(
        texts("Ann Lee told ABC News the party would split."),
        vec!["the party would split"]
    );
}

#[test]
fn a_listener_with_an_adjective_after_told_is_no_part_of_the_clause() {
    assert_eq!(
        texts("Ann Lee told local media the bridge would reopen."),
        vec!["the bridge would reopen"]
    );
}

#[test]
fn late_and_a_day_after_the_verb_are_no_part_of_the_clause() {
    assert_eq!(
        texts("Ann Lee said late Sunday the bridge would reopen."),
        vec!["the bridge would reopen"]
    );
}

#[test]
fn meaning_after_a_closing_quote_mark_is_the_writers_gloss() {
    assert_eq!(
        texts(
            "Tom Ford said there were \"good arguments on both sides,\" meaning the vote was \
             close."
        )[0],
        "there were \"good arguments on both sides"
    );
}

#[test]
fn before_and_a_participle_after_a_comma_is_the_writers_next_step() {
    assert_eq!(
        texts("Tom Ford said he would leave the party, before reversing course the next day."),
        vec!["he would leave the party"]
    );
}

#[test]
fn while_after_a_closing_quote_mark_ends_the_clause() {
    assert_eq!(
        texts(
            "Ann Lee told reporters the mayor \"was a fine leader,\" while the governor praised \
             his record."
        )[0],
        "the mayor \"was a fine leader"
    );
}

#[test]
fn according_to_a_ruling_reports() {
    assert_eq!(
        texts("According to the ruling, the company must pay the fine within a month."),
        vec!["the company must pay the fine within a month"]
    );
}

#[test]
fn a_participle_may_modify_the_noun_of_a_parenthetical_speaker() {
    let mut d = crate::test_doc(
        "They had, his surviving father says, paid smugglers to take them to Greece.",
    );
    tag(&mut d, "surviving", "VBG");
    assert_eq!(
        indirect_of(&d),
        vec![pair(
            "They had, his surviving father says, paid smugglers to take them to Greece",
            "his surviving father"
        )]
    );
}

#[test]
fn a_headline_without_final_punctuation_is_not_reported() {
    assert_eq!(
        texts(
            "Governor Ann Lee says the state will appeal\n\nGovernor Ann Lee said on Friday \
             the new tax breaks the law."
        ),
        vec!["the new tax breaks the law"]
    );
}

#[test]
fn the_writers_concession_after_a_comma_is_no_part_of_the_report() {
    assert_eq!(
        texts("Police said the man wore a bomb vest, though it was later found to be a fake."),
        vec!["the man wore a bomb vest"]
    );
}

#[test]
fn a_finding_the_writer_cites_after_as_closes_the_report() {
    let mut d = crate::test_doc(
        "Tom Ford argued the real aim of the delay was to end the debate, as the court found.",
    );
    tag(&mut d, "found", "VBD");
    assert_eq!(
        indirect_of(&d)
            .into_iter()
            .map(|(t, _)| t)
            .collect::<Vec<_>>(),
        vec!["the real aim of the delay was to end the debate"]
    );
}

#[test]
fn but_inside_a_partial_quote_goes_on_with_the_speakers_words() {
    assert_eq!(
        texts(
            "Ann Lee told reporters the mayor was treated by doctors \"and there is hope, but \
             the next days will decide.\""
        )[0],
        "the mayor was treated by doctors \"and there is hope, but the next days will decide"
    );
}

#[test]
fn a_passive_verb_the_parse_coordinates_with_said_goes_on_with_the_clause() {
    let mut d =
        crate::test_doc("Ann Lee said the files were lost and had been destroyed by the staff.");
    // The parse made `destroyed` a conjunct of `said`, with its passive auxiliary.
    attach(&mut d, "destroyed", Some("said"), "conj");
    attach(&mut d, "and", Some("destroyed"), "cc");
    attach(&mut d, "been", Some("destroyed"), "aux:pass");
    assert_eq!(
        indirect_of(&d),
        vec![pair(
            "the files were lost and had been destroyed by the staff",
            "Ann Lee"
        )]
    );
}
