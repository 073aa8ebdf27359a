//! Tests of the reporting verbs added to the word lists from the English verb classes of
//! communication (VerbNet 37.2 tell, 37.7 say, reply, confess, indicate, 37.3 manner of
//! speaking): a verb of each list yields its report with the right speaker, a verb of
//! manner attributes a quote but reports no clause, and a verb of thought reports nothing.
//! Sentences written for the tests, none taken from a gold set.

use super::rule_test_support::*;

#[test]
fn speech_verbs_report_a_clause_with_their_speaker() {
    let cases = [
        (
            "Senator Maria Lopez testified that the agency had ignored the warnings.",
            "the agency had ignored the warnings",
            "Maria Lopez",
        ),
        (
            "Prime Minister Jan Novak retorted that the budget was balanced.",
            "the budget was balanced",
            "Jan Novak",
        ),
        (
            "The mayor, Ahmed Karimi, confessed that the city had lost the records.",
            "the city had lost the records",
            "Ahmed Karimi",
        ),
    ];
    for (text, clause, speaker) in cases {
        assert_eq!(indirect(text), vec![pair(clause, speaker)], "{text}");
    }
}

#[test]
fn moved_attribution_verbs_now_report_a_clause() {
    // `replied` attributed quotes only; its clause is a report too.
    let t = "Governor Eva Lind replied that the bridge would reopen in May.";
    assert_eq!(
        indirect(t),
        vec![pair("the bridge would reopen in May", "Eva Lind")]
    );
}

#[test]
fn reporting_verbs_with_a_listener_or_a_signal_report_their_clause() {
    let t = "General Tomas Berg informed the committee that the troops would leave.";
    assert_eq!(
        indirect(t),
        vec![pair("the troops would leave", "Tomas Berg")]
    );
    let t = "Chancellor Ida Weiss signaled that new talks could begin next week.";
    assert_eq!(
        indirect(t),
        vec![pair("new talks could begin next week", "Ida Weiss")]
    );
    // Without a clause the verb reports nothing (`informed him of`).
    let t = "Chancellor Ida Weiss informed him of the treaty signed in 1990.";
    assert!(indirect(t).is_empty(), "{:?}", indirect(t));
}

#[test]
fn manner_verbs_attribute_a_quote_but_verbs_of_thought_report_nothing() {
    let qs = quotes("\u{201c}We will not give up,\u{201d} whispered Omar Haddad.");
    let direct: Vec<_> = qs
        .iter()
        .filter(|q| q.direct)
        .map(|q| q.speaker.clone())
        .collect();
    assert_eq!(direct, vec![Some("Omar Haddad".to_string())]);
    let t = "Senator Maria Lopez believed that the agency had ignored the warnings.";
    assert!(indirect(t).is_empty(), "{:?}", indirect(t));
}
