//! Tests of the quotation rules written on 2026-11-30 after the errors of `quotes_test8.tsv`
//! were classified, each a general treatment rather than one sentence shape: the finite
//! complement of any verb of communication by its lemma (with the writer, hypothetical speech
//! and infinitives left out), a report ending with the relative clause it sits in, a second
//! coordinated `that` clause, closing attributions followed by adjuncts or an unnamed plural
//! source, `with` absolutes, and speakers: `they` for a body, a pronoun chain, a body's member
//! named after the role noun, an apposition after a relative clause, and a quote after a
//! paragraph break. Sentences written for the tests; tags and attachments a rule reads are set
//! by hand.

use super::rule_test_support::*;
use super::*;

/// Attaches `word` to `head` with `rel` and sets its tag.
fn dep(d: &mut Document, word: &str, head: &str, rel: &str, xpos: &str) {
    attach(d, word, Some(head), rel);
    tag(d, word, xpos);
}

/// `Mayor Lena Holt joked that the bridge was older than the town.` with `was` the
/// complement of `joked` and `bridge` its subject.
fn joked_doc(text: &str, verb: &str) -> Document {
    let mut d = nouns_doc(text);
    tag(&mut d, verb, "VBD");
    dep(&mut d, "was", verb, "ccomp", "VBD");
    dep(&mut d, "bridge", "was", "nsubj", "NN");
    dep(&mut d, "that", "was", "mark", "IN");
    dep(&mut d, "the", "bridge", "det", "DT");
    d
}

#[test]
fn any_verb_of_communication_reports_its_finite_complement() {
    let d = joked_doc(
        "Mayor Lena Holt joked that the bridge was older than the town.",
        "joked",
    );
    assert_eq!(
        indirect_of(&d),
        vec![pair("the bridge was older than the town", "Lena Holt")]
    );
    // A verb of thought is no verb of communication.
    let d = joked_doc(
        "Mayor Lena Holt feared that the bridge was older than the town.",
        "feared",
    );
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
    // Nor is the writer a source.
    let d = joked_doc("I joked that the bridge was older than the town.", "joked");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
}

#[test]
fn speech_under_a_modal_of_possibility_is_no_report() {
    let mut d = joked_doc(
        "Some residents might argue that the bridge was older than the town.",
        "argue",
    );
    dep(&mut d, "might", "argue", "aux", "MD");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
    // Without the modal the same sentence reports.
    let d = joked_doc(
        "Some residents argue that the bridge was older than the town.",
        "argue",
    );
    assert_eq!(indirect_of(&d).len(), 1, "{:?}", indirect_of(&d));
}

#[test]
fn a_report_in_a_relative_clause_ends_with_it() {
    let t = "The number who said they had used the drug rose by a quarter.";
    let mut d = nouns_doc(t);
    dep(&mut d, "said", "number", "acl:relcl", "VBD");
    dep(&mut d, "who", "said", "nsubj", "WP");
    dep(&mut d, "used", "said", "ccomp", "VBN");
    dep(&mut d, "they", "used", "nsubj", "PRP");
    dep(&mut d, "had", "used", "aux", "VBD");
    dep(&mut d, "drug", "used", "obj", "NN");
    dep(&mut d, "the", "drug", "det", "DT");
    dep(&mut d, "rose", "rose", "root", "VBD");
    attach(&mut d, "rose", None, "root");
    let texts: Vec<String> = indirect_of(&d).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, vec!["they had used the drug".to_string()]);
}

#[test]
fn a_second_that_clause_after_but_is_the_same_report() {
    let t =
        "Chancellor Ida Weiss acknowledged that costs rose sharply, but that the plan still works.";
    let mut d = crate::test_doc(t);
    for k in 0..d.tokens.len() {
        if d.tokens[k].text == "that" {
            d.tokens[k].xpos = Some("IN".into());
        }
    }
    assert_eq!(
        indirect_of(&d),
        vec![pair(
            "costs rose sharply, but that the plan still works",
            "Ida Weiss"
        )]
    );
    // A demonstrative `that` opens the writer's own clause.
    let t =
        "Chancellor Ida Weiss acknowledged that costs rose sharply, but that may be hard to fix.";
    let mut d = crate::test_doc(t);
    let k = d.tokens.iter().rposition(|t| t.text == "that").unwrap();
    d.tokens[k].xpos = Some("DT".into());
    assert_eq!(
        indirect_of(&d),
        vec![pair("costs rose sharply", "Ida Weiss")]
    );
}

#[test]
fn a_closing_attribution_may_carry_adjuncts_but_not_an_object() {
    let t = "The plant will close in May, Omar Haddad said while visiting the site.";
    let mut d = nouns_doc(t);
    tag(&mut d, "will", "MD");
    tag(&mut d, "said", "VBD");
    tag(&mut d, "while", "IN");
    tag(&mut d, "visiting", "VBG");
    assert_eq!(
        indirect_of(&d),
        vec![pair("The plant will close in May", "Omar Haddad")]
    );
    let t = "The plant will close in May, the agency said, citing the regional commission.";
    let mut d = nouns_doc(t);
    tag(&mut d, "will", "MD");
    tag(&mut d, "said", "VBD");
    tag(&mut d, "citing", "VBG");
    let texts: Vec<String> = indirect_of(&d).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, vec!["The plant will close in May".to_string()]);
    // A listed form the tagger reads as a noun attributes nothing (`such as unevidenced
    // claims about health benefits`).
    let t = "Buyers should be careful of assertions by suppliers, such as unevidenced claims \
             about health benefits.";
    let mut d = nouns_doc(t);
    tag(&mut d, "should", "MD");
    tag(&mut d, "claims", "NNS");
    tag(&mut d, "about", "IN");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
    // An object after the verb is no attribution (`said nothing about ...`).
    let t = "The plant will close in May, Omar Haddad said nothing about the jobs.";
    let mut d = nouns_doc(t);
    tag(&mut d, "will", "MD");
    tag(&mut d, "said", "VBD");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
}

#[test]
fn an_unnamed_plural_source_can_close_a_sentence_inverted() {
    let t = "The losses did not exceed the gains, say experts.";
    let mut d = nouns_doc(t);
    tag(&mut d, "did", "VBD");
    tag(&mut d, "say", "VBP");
    tag(&mut d, "experts", "NNS");
    tag(&mut d, "the", "DT");
    assert_eq!(
        indirect_of(&d),
        vec![pair("The losses did not exceed the gains", "experts")]
    );
}

#[test]
fn a_with_absolute_with_a_participle_stays_in_the_clause() {
    let t = "Tom Stafford said a landing needs two launches, with the two ships meeting in orbit.";
    let mut d = nouns_doc(t);
    tag(&mut d, "said", "VBD");
    tag(&mut d, "needs", "VBZ");
    tag(&mut d, "meeting", "VBG");
    assert_eq!(
        indirect_of(&d),
        vec![pair(
            "a landing needs two launches, with the two ships meeting in orbit",
            "Tom Stafford"
        )]
    );
}

#[test]
fn they_stands_for_the_body_named_as_subject_before_it() {
    let t = "Big Machine have denied any wrongdoing. \u{201c}We never blocked her show at the \
             awards,\u{201d} they said.";
    let mut d = crate::test_doc(t);
    dep(&mut d, "Machine", "denied", "nsubj", "NNP");
    tag(&mut d, "Big", "NNP");
    let qs = find_quotes(&d, &[]);
    let direct: Vec<_> = qs.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 1, "{qs:?}");
    assert_eq!(direct[0].speaker.as_deref(), Some("Big Machine"));
}

#[test]
fn a_subject_pronoun_keeps_its_antecedent_salient() {
    let t = "Doug Cooke said he was worried about the plan. \u{201c}We need more rockets for \
             this,\u{201d} said Rep. Brian Babin. He raised the point at the hearing. The landers \
             would fly on commercial rockets. \u{201c}Switching horses is not a wise move \
             now,\u{201d} he continued.";
    let mut d = crate::test_doc(t);
    let k = d.tokens.iter().position(|t| t.text == "He").unwrap();
    d.tokens[k].deprel = Some("nsubj".into());
    let qs = find_quotes(&d, &[]);
    let last = qs.iter().rfind(|q| q.direct).unwrap();
    assert!(last.text.starts_with("Switching"), "{qs:?}");
    assert_eq!(last.speaker.as_deref(), Some("Brian Babin"), "{qs:?}");
}

#[test]
fn a_member_named_after_a_body_and_role_noun_is_the_speaker() {
    let t = "\u{201c}It depends on what the firm will invest,\u{201d} responded NASA \
             administrator Jim Bridenstine.";
    let mut d = crate::test_doc(t);
    tag(&mut d, "administrator", "NN");
    let qs = find_quotes(&d, &[]);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Jim Bridenstine"));
}

#[test]
fn a_description_with_a_relative_clause_then_a_name_in_apposition() {
    let t = "The group that owns her music, Big Machine, says she will be allowed to play.";
    let mut d = crate::test_doc(t);
    tag(&mut d, "that", "WDT");
    tag(&mut d, "owns", "VBZ");
    assert_eq!(
        indirect_of(&d),
        vec![pair("she will be allowed to play", "Big Machine")]
    );
}

#[test]
fn a_quote_after_a_paragraph_break_and_a_sentence_takes_no_earlier_attribution() {
    let t = "\u{201c}The plate is really full today,\u{201d} Tom Young said. \u{201c}There is no \
             argument for the station.\u{201d}\n\nJim Bridenstine expects to build three \
             rockets. \u{201c}Adding one more could not happen at all.\u{201d}";
    let d = crate::test_doc(t);
    let k = d.tokens.iter().position(|t| t.text == "Jim").unwrap();
    let named = Span::new(d.tokens[k].span.start, d.tokens[k + 1].span.end);
    let qs = find_quotes(&d, &[named]);
    let last = qs.last().unwrap();
    assert!(last.text.starts_with("Adding"), "{qs:?}");
    assert_eq!(last.speaker.as_deref(), Some("Jim Bridenstine"), "{qs:?}");
}

#[test]
fn a_parenthetical_attribution_after_a_partial_quote_stays_inside_the_report() {
    let t = "While some workers keep two phones, and \u{201c}we respect that choice,\u{201d} Eva \
             Lind said, most use one device for everything.";
    let mut d = crate::test_doc(t);
    tag(&mut d, "keep", "VBP");
    assert_eq!(
        indirect_of(&d),
        vec![pair(
            "While some workers keep two phones, and \u{201c}we respect that choice,\u{201d} \
             Eva Lind said, most use one device for everything",
            "Eva Lind"
        )]
    );
    // A quote set off by a dash is direct, with its own attribution.
    let t = "Lind has changed her account once \u{2014} \u{201c}I now do recall the call,\u{201d} \
             she said, talking to the panel.";
    let mut d = crate::test_doc(t);
    tag(&mut d, "has", "VBZ");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
}

#[test]
fn a_writers_connective_opening_a_parenthetical_report_is_left_out() {
    let t = "But the plant has been open since 1984, Eva Lind said, ever since the town grew.";
    assert_eq!(
        indirect(t),
        vec![pair(
            "the plant has been open since 1984, Eva Lind said, ever since the town grew",
            "Eva Lind"
        )]
    );
}

#[test]
fn a_writers_adverb_closing_the_sentence_is_left_out_of_the_report() {
    let t = "The company that runs the show denies that anything has been settled, though.";
    let texts: Vec<String> = indirect(t).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, vec!["anything has been settled".to_string()]);
}
