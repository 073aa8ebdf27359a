//! Tests of the speaker rules written on 2026-11-30 (session 10) after the speaker errors of
//! the political Wikinews sets (`quotes_test10.tsv` to `quotes_test12.tsv`) were classified:
//! a title or short form of a name resolves to the full name, a role or description stands
//! for the person it names, a person qualified by an organisation speaks rather than the
//! organisation, and a document's owner speaks its words. Sentences written for the tests.

use super::resolution::make_quote;
use super::rule_test_support::*;
use super::speaker_names::{full_name, untitled, Person};
use super::{find_quotes, Quote};
use dyad_core::Span;

fn known(names: &[&str]) -> Vec<Person> {
    names
        .iter()
        .enumerate()
        .map(|(k, n)| Person {
            span: Span::new(k * 100, k * 100 + n.len()),
            name: n.to_string(),
        })
        .collect()
}

fn direct_speakers(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| q.direct)
        .map(|q| (q.text, q.speaker))
        .collect()
}

#[test]
fn a_judges_title_is_no_part_of_the_name() {
    assert_eq!(untitled("Judge Ann Cole"), "Ann Cole");
    assert_eq!(
        full_name(&known(&["Ann Berman Cole"]), "Judge Cole"),
        "Ann Berman Cole"
    );
    assert_eq!(untitled("Assemblywoman Rosa Diaz"), "Rosa Diaz");
}

#[test]
fn a_ministry_after_of_is_no_part_of_the_name() {
    assert_eq!(
        untitled("Secretary of Justice Ana Ruiz Lopez"),
        "Ana Ruiz Lopez"
    );
    assert_eq!(
        untitled("Minister of Information Omar al-Rahimi"),
        "Omar al-Rahimi"
    );
    // A two-word name after the department stays whole.
    assert_eq!(untitled("Secretary of Defense Mark Hale"), "Mark Hale");
}

#[test]
fn a_surname_matches_its_form_with_a_particle() {
    assert_eq!(
        full_name(&known(&["Omar al-Rahimi"]), "Rahimi"),
        "Omar al-Rahimi"
    );
}

#[test]
fn a_short_name_takes_the_one_longer_name_with_a_second_family_name() {
    let persons = known(&["Ana Ruiz", "Ana Ruiz Lopez"]);
    assert_eq!(full_name(&persons, "Ana Ruiz"), "Ana Ruiz Lopez");
    assert_eq!(
        full_name(&known(&["Ana Ruiz Lopez"]), "Ruiz"),
        "Ana Ruiz Lopez"
    );
    // A generational suffix makes another person.
    assert_eq!(
        full_name(&known(&["John Hale", "John Hale Jr."]), "John Hale"),
        "John Hale"
    );
    // Two longer names: no guess.
    assert_eq!(
        full_name(&known(&["Ana Ruiz Lopez", "Ana Ruiz Soto"]), "Ana Ruiz"),
        "Ana Ruiz"
    );
}

#[test]
fn a_foreign_minister_stands_for_the_foreign_secretary_named_before() {
    let q = indirect(
        "Mexico's Foreign Secretary Luis Ortega said on Monday the talks had failed. The \
         foreign minister said Mexico would seek to extradite the gunman.",
    );
    assert!(
        q.contains(&pair(
            "Mexico would seek to extradite the gunman",
            "Luis Ortega"
        )),
        "{q:?}"
    );
}

#[test]
fn a_definite_role_subject_before_a_quote_is_the_person_named_with_it() {
    // The parse makes the role noun the subject of the speech verb; the attribution rules
    // take names and pronouns only.
    let mut d = nouns_doc(
        "Trade Commissioner Albert Banda arrived on Monday. The commissioner declared, \"We \
         have not yet agreed on the rules, but the framework is enough.\"",
    );
    tag(&mut d, "declared", "VBD");
    attach(&mut d, "commissioner", Some("declared"), "nsubj");
    attach(&mut d, "declared", None, "root");
    let q: Vec<Quote> = find_quotes(&d, &[])
        .into_iter()
        .filter(|q| q.direct)
        .collect();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Albert Banda"));
}

#[test]
fn a_name_set_off_by_commas_after_a_role_speaks() {
    let q = direct_speakers(
        "The Senate Deputy Leader, Tom Reed, said on Friday \"We made a plea to the \
         president once again today.\"",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_role_after_an_inverted_verb_gives_way_to_the_name_after_it() {
    let q = direct_speakers(
        "\"This day is very hard for me and for my family,\" said his mother, Rima Haddad, \
         after the ceremony.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Rima Haddad"));
}

#[test]
fn a_noun_in_a_relative_clause_on_the_speaker_is_no_speaker() {
    assert_eq!(
        indirect(
            "State senator Paula Grant who sponsored the bill remarked that the bill could \
             not be enforced yet."
        ),
        vec![pair("the bill could not be enforced yet", "Paula Grant")]
    );
}

#[test]
fn a_person_qualified_by_an_organisation_speaks() {
    let mut d = crate::test_doc(
        "Dan Ortiz of the army's Southern Command said the rebels were the suspects.",
    );
    tag(&mut d, "army", "NN");
    assert_eq!(
        indirect_of(&d),
        vec![pair("the rebels were the suspects", "Dan Ortiz")]
    );
}

#[test]
fn the_owner_of_a_statement_speaks_its_words() {
    let q = direct_speakers(
        "Acme released a statement which read, in part, \"This ruling raises serious \
         questions about free speech online.\"",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Acme"));
    let q = direct_speakers(
        "Judge Ann Cole ruled on Friday. Part of the judge's statement reads \"the law no \
         longer fits the facts of modern military service.\"",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Ann Cole"));
}

#[test]
fn an_object_pronoun_as_speaker_is_resolved() {
    // `According to him, ...`: the speaker tokens are `him`, which stands for the person
    // named before like `he`.
    let d = crate::test_doc(
        "Rebel spokesman Yahya Salem spoke on Monday. According to him, it was among the \
         largest attacks of the war.",
    );
    let (a, b) = (index(&d, "Yahya"), index(&d, "Salem"));
    let salem = || Person {
        span: Span::new(d.tokens[a].span.start, d.tokens[b].span.end),
        name: "Yahya Salem".to_string(),
    };
    let him = index(&d, "him");
    let it = index(&d, "it");
    let span = Span::new(
        d.tokens[it].span.start,
        d.tokens[d.tokens.len() - 2].span.end,
    );
    let text = span.get(&d.text).unwrap().to_string();
    let q = make_quote(
        &d,
        &[salem()],
        &[salem()],
        text,
        span,
        Some((him, him + 1)),
        Some(him - 1),
        false,
    );
    assert_eq!(q.speaker.as_deref(), Some("Yahya Salem"));
}

#[test]
fn a_participle_speaks_for_the_subject_of_the_first_speech_verb() {
    let q = indirect(
        "Senate leader Mitch Carter spoke on Monday. He publicly stated the trial would not \
         be fair, saying he expected a partisan outcome.",
    );
    assert!(
        q.iter()
            .any(|(t, s)| t.starts_with("he expected") && s.as_deref() == Some("Mitch Carter")),
        "{q:?}"
    );
}
