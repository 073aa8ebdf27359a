//! Tests of the quotation rules written on 2026-11-30 after the errors of `quotes_test7.tsv`
//! were classified: verb forms the lists leave out (by the lemma), an inverted attribution set
//! inside its clause, `per X` as a source, an attribution that cites its own source, an
//! `according to` phrase splitting a verb group, `that` after a preposition, a participle
//! after a noun, a quote whose marks hold the clause's verb, and speakers given by a role and
//! a name in apposition, after `has written`, or by a surname that is also a common word.
//! One test per rule, on sentences written for the test; tags, lemmas and attachments that a
//! rule reads are set by hand.

use super::rule_test_support::*;
use super::*;

/// Sets the tag and lemma of the first token spelled `word`.
fn verb(d: &mut Document, word: &str, xpos: &str, lemma: &str) {
    let k = index(d, word);
    d.tokens[k].xpos = Some(xpos.into());
    d.tokens[k].lemma = Some(lemma.into());
}

#[test]
fn a_form_of_a_listed_verb_reports_by_its_lemma() {
    let t = "Reuters reports that the river flooded two towns overnight.";
    // Untagged, `reports` is no listed form.
    assert!(indirect(t).is_empty(), "{:?}", indirect(t));
    let mut d = crate::test_doc(t);
    verb(&mut d, "reports", "VBZ", "report");
    assert_eq!(
        indirect_of(&d),
        vec![pair("the river flooded two towns overnight", "Reuters")]
    );
    // A form the attribution list holds on purpose stays out (`suggests` is inference).
    let t = "A new estimate suggests that the lake has lost a third of its water.";
    let mut d = crate::test_doc(t);
    verb(&mut d, "suggests", "VBZ", "suggest");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
    // A noun keeps its noun tag: `The reports that ...` is no speech verb.
    let t = "Local reports that the river flooded two towns were wrong.";
    let mut d = crate::test_doc(t);
    verb(&mut d, "reports", "NNS", "report");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
}

#[test]
fn an_inverted_attribution_inside_its_clause_keeps_the_whole_sentence() {
    let q = indirect("The hardest part of the job, says Maria Lopez, is the waiting.");
    assert_eq!(
        q,
        vec![pair(
            "The hardest part of the job, says Maria Lopez, is the waiting",
            "Maria Lopez"
        )]
    );
}

#[test]
fn per_a_source_reads_as_according_to() {
    let q = indirect("The virus, per the World Bank, spreads mostly through water.");
    assert_eq!(
        q,
        vec![pair(
            "The virus, per the World Bank, spreads mostly through water",
            "World Bank"
        )]
    );
    let q = indirect("Per Reuters, the two firms ended their merger talks on Friday.");
    assert_eq!(
        q,
        vec![pair(
            "the two firms ended their merger talks on Friday",
            "Reuters"
        )]
    );
    // The `per` of a rate cites nobody.
    assert!(indirect("Workers there earn five dollars per day in the mines.").is_empty());
}

#[test]
fn an_attribution_citing_its_source_keeps_its_own_speaker() {
    let q =
        indirect("The bridge will reopen in May, Mayor Ana Ruiz said, according to the Herald.");
    assert_eq!(q, vec![pair("The bridge will reopen in May", "Ana Ruiz")]);
    let q = indirect("The bridge will reopen in May, Mayor Ana Ruiz said, per the Herald.");
    assert_eq!(q, vec![pair("The bridge will reopen in May", "Ana Ruiz")]);
}

#[test]
fn according_to_may_split_a_verb_group() {
    let t = "He had, according to Maria Lopez of the Tribune, sold the house before the trial.";
    let mut d = crate::test_doc(t);
    let had = index(&d, "had");
    d.tokens[had].feats = Some("Mood=Ind|Tense=Past|VerbForm=Fin".into());
    d.tokens[had].upos = Some("AUX".into());
    attach(&mut d, "had", Some("sold"), "aux");
    assert_eq!(
        indirect_of(&d),
        vec![pair(t.trim_end_matches('.'), "Maria Lopez")]
    );
    // A finite verb of its own before the phrase is a clause, not a split group.
    d.tokens[had].upos = Some("VERB".into());
    attach(&mut d, "had", None, "root");
    assert!(indirect_of(&d)
        .iter()
        .all(|(q, _)| q != t.trim_end_matches('.')));
}

#[test]
fn that_after_a_preposition_opens_no_clause() {
    assert!(indirect("The mayor said of that plan in an interview with reporters.").is_empty());
    // A `that` right after the verb still does.
    assert_eq!(
        indirect("The mayor said that the plan would cost too much."),
        vec![pair("the plan would cost too much", "mayor")]
    );
}

#[test]
fn a_participle_after_a_noun_is_no_attribution() {
    let t = "Coty bought the brand for a large sum, a deal announced on Monday.";
    let mut d = crate::test_doc(t);
    verb(&mut d, "announced", "VBN", "announce");
    attach(&mut d, "announced", Some("deal"), "acl");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
}

#[test]
fn marks_holding_the_clauses_verb_make_a_direct_quote_only() {
    // Every token tagged (a noun's tag by default), the finite verbs as such.
    let tagged = |t: &str, finite: &[&str]| {
        let mut d = crate::test_doc(t);
        for tok in &mut d.tokens {
            let x = if finite.contains(&tok.text.as_str()) {
                "VBZ"
            } else {
                "NN"
            };
            tok.xpos = Some(x.into());
        }
        d
    };
    let t = "Local farmers \"say the river has never been this low,\" she said.";
    let q = find_quotes(&tagged(t, &["say", "has", "said"]), &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].direct);
    assert_eq!(q[0].text, "say the river has never been this low");
    // With the verb outside the marks, the clause is reported too.
    let t = "Local farmers are \"worried the river has never been this low,\" she said.";
    let q = find_quotes(&tagged(t, &["are", "has", "said"]), &[]);
    assert!(q.iter().any(|q| !q.direct), "{q:?}");
    // So is a quote that holds the clause's subject too.
    let t = "For the farmers, \"the river has never been this low,\" she said.";
    let q = find_quotes(&tagged(t, &["has", "said"]), &[]);
    assert!(q.iter().any(|q| !q.direct), "{q:?}");
}

#[test]
fn a_role_then_a_name_in_apposition_names_the_speaker() {
    let q =
        quotes("\"We will appeal the ruling,\" the city's chief lawyer, Ana Ruiz, said on Monday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_speaker_with_an_apposition_may_have_written() {
    let t = "\"Prices will rise,\" Tom Hale, an economist at the Bank of Lisbon, has written.";
    let mut d = crate::test_doc(t);
    verb(&mut d, "written", "VBN", "write");
    let q = find_quotes(&d, &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Tom Hale"));
    // Untagged, `written` is no speech verb.
    assert_eq!(quotes(t)[0].speaker, None);
}

#[test]
fn a_surname_before_a_speech_verb_is_its_subject_whatever_the_parse() {
    let t = "\"The studio is growing fast,\" says Chris Early. \"The network is slow,\" says \
             Anna Berg.\n\nEarly says the early games sold well. \"We are very happy with the \
             numbers,\" he says.";
    let mut d = crate::test_doc(t);
    // The tagger reads the surname as the adverb.
    let early = d.tokens.iter().rposition(|t| t.text == "Early").unwrap();
    let says = early + 1;
    d.tokens[early].deprel = Some("advmod".into());
    d.tokens[early].head = Some(says);
    let q = find_quotes(&d, &[]);
    let last = q.iter().rfind(|q| q.direct).unwrap();
    assert_eq!(last.text, "We are very happy with the numbers", "{q:?}");
    assert_eq!(last.speaker.as_deref(), Some("Chris Early"), "{q:?}");
}

#[test]
fn a_subjectless_clause_opens_on_its_modal() {
    let t =
        "Such trips would carry cargo only, but she said could serve as a test for later flights.";
    let mut d = crate::test_doc(t);
    verb(&mut d, "could", "MD", "could");
    attach(&mut d, "could", Some("serve"), "aux");
    attach(&mut d, "serve", Some("said"), "ccomp");
    let q = indirect_of(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "could serve as a test for later flights");
    // Without the parse, no clause opens on a modal.
    assert!(indirect(t).is_empty(), "{:?}", indirect(t));
}

#[test]
fn assured_reports_past_its_listener() {
    let q = indirect(
        "The ministry assured the public on Monday, in a statement, that the water was safe.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the water was safe");
    // `rest assured` is the writer's reassurance.
    let q = indirect("Readers can rest assured that the bridge is safe to cross.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_fronted_subordinate_clause_ends_after_a_leading_conjunction_too() {
    let q = indirect(
        "And though the agency has said that there is no danger to residents, it has also \
         warned that two wells are polluted.",
    );
    assert!(!q.is_empty(), "{q:?}");
    assert_eq!(q[0].0, "there is no danger to residents");
}

#[test]
fn a_name_closing_the_subjects_phrase_is_not_the_speaker() {
    let t = "On Monday, authorities in Lyon announced that the museum would reopen.";
    let mut d = crate::test_doc(t);
    for (w, x) in [("authorities", "NNS"), ("Lyon", "NNP"), ("in", "IN")] {
        verb(&mut d, w, x, w);
    }
    let k = index(&d, "in");
    d.tokens[k].upos = Some("ADP".into());
    attach(&mut d, "authorities", Some("announced"), "nsubj");
    attach(&mut d, "Lyon", Some("authorities"), "nmod");
    assert_eq!(
        indirect_of(&d),
        vec![pair("the museum would reopen", "authorities")]
    );
    // Tokens only, the name before the verb speaks.
    assert_eq!(indirect(t), vec![pair("the museum would reopen", "Lyon")]);
}

#[test]
fn a_verb_with_only_an_object_reports_nothing() {
    let t = "The stock added more than two points after the firm took a stake in the brand.";
    let mut d = nouns_doc(t);
    verb(&mut d, "added", "VBD", "add");
    verb(&mut d, "took", "VBD", "take");
    attach(&mut d, "more", Some("added"), "obj");
    assert!(indirect_of(&d).is_empty(), "{:?}", indirect_of(&d));
    // An object followed by a finite verb is the subject of a clause the parse missed.
    let t = "The minister added his plan will cost less than the old one.";
    let mut d = nouns_doc(t);
    verb(&mut d, "added", "VBD", "add");
    verb(&mut d, "will", "MD", "will");
    attach(&mut d, "plan", Some("added"), "obj");
    assert_eq!(
        indirect_of(&d).first().map(|q| q.0.as_str()),
        Some("his plan will cost less than the old one")
    );
}

#[test]
fn a_verbless_with_phrase_closing_the_sentence_stays_in_the_clause() {
    let t = "According to the ministry, 40 homes were damaged in the storm, with two injured.";
    let mut d = nouns_doc(t);
    verb(&mut d, "were", "VBD", "be");
    let q = indirect_of(&d);
    assert_eq!(
        q,
        vec![pair(
            "40 homes were damaged in the storm, with two injured",
            "the ministry"
        )]
    );
    // A `with` phrase holding a verb is the writer's, and untagged text keeps the boundary.
    verb(&mut d, "injured", "VBN", "injure");
    assert_eq!(indirect_of(&d)[0].0, "40 homes were damaged in the storm");
    assert_eq!(indirect(t)[0].0, "40 homes were damaged in the storm");
}
