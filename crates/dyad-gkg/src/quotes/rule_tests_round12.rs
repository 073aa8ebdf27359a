//! Tests of the speaker rules written on 2026-11-30 (session 10) after the speaker errors of
//! the political Wikinews sets (`quotes_test10.tsv` to `quotes_test12.tsv`) were classified:
//! a title or short form of a name resolves to the full name, a role or description stands
//! for the person it names, a person qualified by an organisation speaks rather than the
//! organisation, and a document's owner speaks its words. Sentences written for the tests.

use super::attribution::attribution_before;
use super::attribution::refined_speaker;
use super::resolution::{make_quote, person_mentions};
use super::rule_test_support::*;
use super::speaker_names::{full_name, untitled, Person, Persons};
use super::{find_quotes, name_before, Quote};
use super::{is_mark, sentence_index};
use dyad_core::Span;

fn known(names: &[&str]) -> Persons {
    Persons::new(
        names
            .iter()
            .enumerate()
            .map(|(k, n)| Person {
                span: Span::new(k * 100, k * 100 + n.len()),
                name: n.to_string(),
            })
            .collect(),
    )
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
        &Persons::new(vec![salem()]),
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

fn speaker_of(text: &str, starts: &str) -> Option<String> {
    quotes(text)
        .into_iter()
        .find(|q| q.text.starts_with(starts))
        .and_then(|q| q.speaker)
}

#[test]
fn a_clause_opened_by_while_after_a_quote_is_no_attribution() {
    // The name after `while` has its own verb and quote; the quote before it is the
    // sentence subject's.
    let t = "Senator Ruth Lane told reporters the mayor \"was a decent and honest man,\" while \
             Governor Tom Hale noted his \"courage and his quiet strength\" in a post.";
    assert_eq!(speaker_of(t, "was a decent").as_deref(), Some("Ruth Lane"));
}

#[test]
fn a_speech_verb_with_only_its_object_and_setting_closes_the_sentence() {
    let t = "\"Our forests are burning. Let us act on this emergency now!\" Ann Roy told the \
             world on Friday via Twitter.";
    assert_eq!(speaker_of(t, "Our forests").as_deref(), Some("Ann Roy"));
}

#[test]
fn a_long_closing_attribution_reaches_its_verb() {
    let t = "\"This decision cannot change the fact that the police used force unlawfully,\" \
             Hong Kong director of Human Rights Watch Mei-lan Chow said in a statement.";
    // (The surname alone without an entity tagger; with it, the full name.)
    let spk = speaker_of(t, "This decision");
    assert!(
        spk.as_deref().is_some_and(|s| s.ends_with("Chow")),
        "{spk:?}"
    );
}

#[test]
fn a_quote_in_an_opening_participle_is_said_by_the_subject_after_it() {
    let t = "The bishop said sorry on Monday. Calling it \"just another empty apology\", Eva \
             Novak of \"Speak Out\", a victims' group, told reporters the statement was \
             prepared in advance.";
    assert_eq!(speaker_of(t, "just another").as_deref(), Some("Eva Novak"));
}

#[test]
fn a_verb_inside_a_dash_aside_is_not_the_quotes() {
    let t = "Speaker Tom Brand commented on the matter — which the Times noted as unusual — \
             \"However it is dressed up, the purpose is to stop the debate.\"";
    assert_eq!(speaker_of(t, "However it").as_deref(), Some("Tom Brand"));
}

#[test]
fn a_quote_after_a_comma_without_a_speech_verb_is_the_named_subjects() {
    // The person is named as a subject by a speech verb earlier, so is a known mention.
    let t = "Rosa Park said the deal was over. Later, Tim Cole wrote that the talks had failed. \
             Rosa Park defended her decision on the radio, \"As I have said before, we will \
             not sign this deal.\"";
    assert_eq!(speaker_of(t, "As I have").as_deref(), Some("Rosa Park"));
}

#[test]
fn a_quote_after_according_to_a_name_is_that_names() {
    let d = crate::test_doc(
        "Tim Cole said the vote was historic. According to political scholar Rita Bauer, \
         \"Women hold fewer than a third of the seats in most state houses.\"",
    );
    let open = d.tokens.iter().position(|t| is_mark(&t.text)).unwrap();
    let ((s, e), _) = attribution_before(&d, open, &sentence_index(&d), &[]).unwrap();
    assert_eq!(
        (d.tokens[s].text.as_str(), d.tokens[e - 1].text.as_str()),
        ("Rita", "Bauer")
    );
}

#[test]
fn a_participle_after_a_place_of_posting_speaks_for_the_sentence_subject() {
    // `..., saying` whose subject came out as `Twitter` (after `on`): the subject of the
    // sentence's finite verb.
    let mut d = crate::test_doc(
        "US Secretary of State Ann Webb posted a message on Twitter blaming Iran, saying \
         there was no evidence the attacks came from Yemen.",
    );
    tag(&mut d, "posted", "VBD");
    let (twitter, saying) = (index(&d, "Twitter"), index(&d, "saying"));
    let (s, e) = refined_speaker(
        &d,
        &Persons::new(Vec::new()),
        (twitter, twitter + 1),
        Some(saying),
    );
    assert_eq!((s, e), (index(&d, "Ann"), index(&d, "Webb") + 1));
}

#[test]
fn a_title_before_of_is_no_person_qualified_by_an_organisation() {
    // `X of ORG said` takes X only when X is a name, not `US Secretary` of `State ...`.
    let d = crate::test_doc("US Secretary of State Ann Webb said the talks were over.");
    let said = index(&d, "said");
    let (s, e) = name_before(&d.tokens, said).unwrap();
    assert_eq!(
        (d.tokens[s].text.as_str(), d.tokens[e - 1].text.as_str()),
        ("Ann", "Webb")
    );
}

#[test]
fn a_subject_named_through_a_chain_of_name_parts_is_a_mention() {
    // `Judge Carl Boyd arrived`: the parse hangs `Boyd` on `Carl` and `Carl` on `Judge`, the
    // subject; `Boyd` is a mention in subject position (an antecedent for `he`).
    let mut d = nouns_doc("Judge Carl Boyd arrived on Friday.");
    attach(&mut d, "Boyd", Some("Carl"), "flat");
    attach(&mut d, "Carl", Some("Judge"), "flat");
    attach(&mut d, "Judge", Some("arrived"), "nsubj");
    let boyd = d.tokens[index(&d, "Boyd")].span;
    let m = person_mentions(&d, &known(&["Carl Boyd"]));
    assert!(m.iter().any(|p| p.span == boyd && p.name == "Carl Boyd"));
}

#[test]
fn a_short_name_takes_its_longer_form_written_after_a_title() {
    // The longer form was kept with a word before it ("Justice", the ministry of a title).
    assert_eq!(
        full_name(&known(&["Ana Ruiz", "Justice Ana Ruiz Lopez"]), "Ana Ruiz"),
        "Ana Ruiz Lopez"
    );
}
