//! Tests of the quotation rules written on 2026-11-30 (session 9, second round) after the
//! errors of `quotes_test12.tsv` (political news) were classified: a speaker is a name or a
//! proper description of a person or body, never a part of a hyphenated name, a determiner
//! or an empty string. Sentences written for the tests.

use super::rule_test_support::*;

#[test]
fn a_hyphenated_name_after_according_to_is_the_whole_name() {
    // `Presse` opened a run of its own (the hyphen before it is not capitalised) and, as the
    // last run of the phrase, was taken for the source; a relative clause on the source is
    // no part of the report.
    assert_eq!(
        indirect(
            "According to Agence France-Presse, which cited sources close to the inquiry, \
             the driver had fled the city."
        ),
        vec![pair("the driver had fled the city", "Agence France-Presse")]
    );
}

#[test]
fn another_opening_a_sentence_is_no_speaker() {
    let q = quotes(
        "One of the men was Tom Ford. Another was driver Paul Grey, 30, who cited his \
         training: \"I did what anyone would do and stopped him.\"",
    );
    assert!(q.iter().all(|q| q.speaker.as_deref() != Some("Another")));
}

#[test]
fn a_role_noun_stands_for_the_person_it_was_set_after() {
    // `NAME, the ... commissioner ..., ...` and later `The commissioner stated`: the named
    // person, not the bare role noun.
    assert_eq!(
        indirect(
            "Gary Bold, the state commissioner for roads, gave an interview. The commissioner \
             stated the bridge was financed by a loan."
        ),
        vec![pair("the bridge was financed by a loan", "Gary Bold")]
    );
}

#[test]
fn a_name_given_by_a_participle_after_with_is_said_by_its_subject() {
    // `with NAME (of PLACE) calling it "..."`: the name before the participle, not the
    // sentence's subject nor no speaker at all.
    for text in [
        "Republicans attacked the inquiry, with Ann Lee of Ohio calling it \"a coup against \
         the president\".",
        "Republicans attacked the inquiry, with Ann Lee calling it \"a coup against the \
         president\".",
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}");
        assert_eq!(q[0].text, "a coup against the president");
        assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"), "{text}");
    }
}

#[test]
fn a_participle_after_a_passive_speech_verb_speaks_through_its_agent() {
    // The parse: `described` the root with `implications` its passive subject, `saying` an
    // adverbial clause of it, `intends` its complement.
    let mut d = nouns_doc(
        "Election implications were described by Johnson as a mandate, saying he intends to \
         leave the EU by January.",
    );
    tag(&mut d, "were", "VBD");
    tag(&mut d, "described", "VBN");
    tag(&mut d, "saying", "VBG");
    tag(&mut d, "intends", "VBZ");
    tag(&mut d, "leave", "VB");
    tag(&mut d, "he", "PRP");
    attach(&mut d, "described", None, "root");
    attach(&mut d, "implications", Some("described"), "nsubj:pass");
    attach(&mut d, "Election", Some("implications"), "compound");
    attach(&mut d, "were", Some("described"), "aux:pass");
    attach(&mut d, "Johnson", Some("described"), "obl:agent");
    attach(&mut d, "saying", Some("described"), "advcl");
    attach(&mut d, "intends", Some("saying"), "ccomp");
    attach(&mut d, "he", Some("intends"), "nsubj");
    let reports = indirect_of(&d);
    assert!(
        reports
            .iter()
            .any(|(t, s)| t.starts_with("he intends") && s.as_deref() == Some("Johnson")),
        "{reports:?}"
    );
}

#[test]
fn a_person_described_as_writing_for_an_outlet_speaks_not_the_outlet() {
    // `NAME of BODY and ROLE for OUTLET wrote`: the outlet closes the words before the verb
    // but hangs, through the role noun, on the named subject.
    let text = "Maria Lopez of Kent University and columnist for Tribune wrote, \"The vote \
                was not fair.\"";
    let mut d = crate::test_doc(text);
    attach(&mut d, "Maria", Some("wrote"), "nsubj");
    attach(&mut d, "Lopez", Some("Maria"), "flat");
    attach(&mut d, "University", Some("Maria"), "nmod");
    attach(&mut d, "columnist", Some("University"), "conj");
    attach(&mut d, "Tribune", Some("columnist"), "nmod");
    attach(&mut d, "wrote", None, "root");
    for (w, upos) in [
        ("Maria", "PROPN"),
        ("Lopez", "PROPN"),
        ("of", "ADP"),
        ("University", "PROPN"),
        ("columnist", "NOUN"),
        ("for", "ADP"),
        ("Tribune", "PROPN"),
        ("wrote", "VERB"),
    ] {
        let k = index(&d, w);
        d.tokens[k].upos = Some(upos.into());
    }
    let q = crate::quotes::find_quotes(&d, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Maria Lopez"));
}

#[test]
fn an_outlet_citing_a_person_as_saying_only_relays_the_words() {
    // `OUTLET cited NAME, ROLE, as saying CLAUSE`: the one cited speaks.
    let text = "The agency cited Omar Hadi, head of the port authority, as saying the ships \
                had left the harbour.";
    let mut d = crate::test_doc(text);
    attach(&mut d, "agency", Some("cited"), "nsubj");
    attach(&mut d, "cited", None, "root");
    attach(&mut d, "Omar", Some("cited"), "obj");
    attach(&mut d, "Hadi", Some("Omar"), "flat");
    attach(&mut d, "head", Some("Omar"), "appos");
    attach(&mut d, "as", Some("saying"), "mark");
    attach(&mut d, "saying", Some("cited"), "advcl");
    attach(&mut d, "left", Some("saying"), "ccomp");
    let q = indirect_of(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Omar Hadi"));
}
