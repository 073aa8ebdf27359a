//! Tests of `find_quotes` end to end: attribution after and before the quote, split and
//! multi-paragraph quotes, pronoun and surname resolution, titles and scare quotes that are
//! no quotations, and indirect speech. Each builds its document from plain text
//! (`crate::test_doc`), so the tests need no model.

use super::*;
use dyad_core::DocMeta;

fn quotes(text: &str) -> Vec<Quote> {
    let d = crate::test_doc(text);
    find_quotes(&d, &[])
}

fn pairs(text: &str) -> Vec<(Option<String>, String, bool)> {
    quotes(text)
        .into_iter()
        .map(|q| (q.speaker, q.text, q.direct))
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn she_skips_the_nearer_man_and_acronyms_expand() {
    let t = "Environment Canada spokeswoman Sujata Raisinghani told CBC News the department \
             will look into it. John Baird said the report was old.\n\n\
             \"We take document security seriously,\" she said.";
    let q = quotes(t);
    let d = q.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(d.speaker, s("Sujata Raisinghani"));
    let t = "The World Health Organisation (WHO) works on salt. \
             \"Every country should iodise all edible salt,\" WHO said.";
    assert_eq!(quotes(t)[0].speaker, s("World Health Organisation"));
}

#[test]
fn unattributed_quote_takes_the_speaker_before_it_in_its_paragraph() {
    let t = "Wilkins also said Warhol was a businessperson. \
             \"As a way to sell his work, he made many prints.\"\n\n\
             \"Nobody at all knows who wrote this line.\"";
    let q: Vec<_> = quotes(t).into_iter().filter(|q| q.direct).collect();
    assert_eq!(q[0].speaker, s("Wilkins"));
    // A new paragraph does not carry the speaker over.
    assert_eq!(q[1].speaker, None);
}

#[test]
fn organisation_after_of_according_to_and_words_of() {
    let t = "Matthew Ingram of The Globe and Mail said: \"This is part of a long war.\"";
    assert_eq!(quotes(t)[0].speaker, s("Matthew Ingram"));
    let t = "By then, \"her skin was weeping and raw\", according to the Sydney Morning Herald.";
    assert_eq!(quotes(t)[0].speaker, s("Sydney Morning Herald"));
    let t = "In the words of the prosecutor, Mark Tedeschi, QC, \"She spent months crying.\"";
    assert_eq!(quotes(t)[0].speaker, s("Mark Tedeschi"));
}

#[test]
fn attribution_closing_the_sentence_after_a_comma() {
    let q = pairs("Almost half of all school children lack iodine, researchers say.");
    assert_eq!(q[0].1, "Almost half of all school children lack iodine");
    assert!(!q[0].2);
    let q = quotes("Throughout history, the hair market has had a political side, says Tarlo.");
    assert_eq!(q[0].speaker, s("Tarlo"));
    assert_eq!(
        q[0].text,
        "Throughout history, the hair market has had a political side"
    );
    // An apposition before a verb that goes on is no trailing attribution.
    let q = pairs("Kiara Perkins, a second year art major, admitted she was late to class.");
    assert!(q.iter().all(|(_, t, _)| !t.starts_with("Kiara")), "{q:?}");
}

#[test]
fn verb_then_name_and_name_then_verb() {
    assert_eq!(
        pairs("\"We will work together again,\" said Blinken, a confidant."),
        vec![(s("Blinken"), "We will work together again".into(), true)]
    );
    let q = quotes("“We are ready for talks now,” Sophie Wilmes told reporters.");
    assert_eq!(q[0].speaker, s("Sophie Wilmes"));
    assert_eq!(q[0].verb, s("told"));
    assert_eq!(q[0].text, "We are ready for talks now");
}

#[test]
fn pronoun_and_surname_resolve_to_the_full_name() {
    let text = "Foreign Minister Sophie Wilmes said nothing. Antony Blinken spoke. \
                \"Some of our allies are moving,\" he said on Wednesday. \
                \"We will not wait for them,\" Blinken added.";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].speaker, s("Antony Blinken"));
    assert_eq!(q[0].speaker_span.unwrap().get(text), Some("he"));
    assert_eq!(q[1].speaker, s("Antony Blinken"));
    assert_eq!(q[1].verb, s("added"));
}

#[test]
fn colon_and_participle_attribution_before_the_quote() {
    let q = pairs("Blinken said: \"We can't sustain alliances without them.\"");
    assert_eq!(q[0].0, s("Blinken"));
    let q = pairs(
        "Secretary Antony Blinken arrived. He stressed the point, saying: \"We can't sustain it alone.\"",
    );
    assert_eq!(q[0].0, s("Antony Blinken"));
}

#[test]
fn people_from_earlier_stages_resolve_pronouns() {
    // A one-word name is no antecedent by itself (it may be anything capitalised) ...
    let text = "Dupont arrived. \"We are glad to be here,\" she said.";
    let d = crate::test_doc(text);
    assert_eq!(find_quotes(&d, &[])[0].speaker, s("she"));
    // ... unless the actor stage says it is a person.
    let q = find_quotes(&d, &[Span::new(0, 6)]);
    assert_eq!(q[0].speaker, s("Dupont"));
}

#[test]
fn split_quote_keeps_the_speaker() {
    let q = pairs("\"This is a test of the system,\" Smith said, \"and it will pass today.\"");
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.0 == s("Smith") && x.2));
    assert_eq!(q[1].1, "and it will pass today.");
}

#[test]
fn long_subjects_and_next_sentence_quotes() {
    let text = "“We did safety checks on the data,” Goddard planetary scientist Avi Mandell \
                said in the statement. “But we will have to get closer.”";
    let q = pairs(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.0 == s("Avi Mandell")), "{q:?}");
    let q = pairs("“We had some issues,” Mayer, Disney’s chairman of streaming, said Tuesday.");
    assert_eq!(q[0].0, s("Mayer"));
    let q = pairs("\"We found water vapour there,\" lead researcher and NASA planetary scientist Lucas Paganini said.");
    assert_eq!(q[0].0, s("Lucas Paganini"));
    let q = pairs("\"We suggest that it occurs at low levels,\" Paganini and his team wrote.");
    assert_eq!(q[0].0, s("Paganini"));
    let q = pairs("\"I played one of the best matches,\" the 14th-ranked Schwartzman said.");
    assert_eq!(q[0].0, s("Schwartzman"));
    // A quote paragraph right after an attributed one continues its speaker (news
    // style); one after a paragraph of narration does not.
    let q = pairs("\"We did it all today,\" Smith said.\n\n\"Nobody knows the rest of it.\"");
    assert_eq!(q[1].0, s("Smith"));
    let q = pairs(
        "\"We did it all today,\" Smith said.\n\nThe match ended late.\n\n\"Nobody knows the rest.\"",
    );
    assert_eq!(q[1].0, None);
}

#[test]
fn quotes_over_paragraphs_and_indirect_speech_without_that() {
    // The second paragraph lacks its opening mark; its closing one ends the quote.
    let q = pairs(
        "Kane said, \"In the first half it felt good.\n\nWe could have scored two goals.\" After the match, Jones said, \"We were playing well today.\"",
    );
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(
        q[1],
        (s("Kane"), "We could have scored two goals.".into(), true)
    );
    assert_eq!(q[2].0, s("Jones"));
    let q = pairs("Jeff Rathke, the State Department spokesman, said the talks would resume.");
    assert_eq!(
        q,
        vec![(s("Jeff Rathke"), "the talks would resume".into(), false)]
    );
    let q = pairs("Civil Defense director General Suleiman al-Amr, in remarks to television, said \"All the wounded have been taken to hospital.\"");
    assert_eq!(q[0].0, s("Suleiman al-Amr"));
    let q = pairs("According to the team's coach, Alireza Mehraban, the robot scored two points.");
    assert_eq!(
        q,
        vec![(
            s("Alireza Mehraban"),
            "the robot scored two points".into(),
            false
        )]
    );
    // Without `that`, "announced" takes an object, not a clause.
    assert!(pairs("The government announced the start of a public process.").is_empty());
}

#[test]
fn pronoun_without_a_known_person_takes_the_nearest_name() {
    let q = pairs("The singer Taylor Swift performed in New York. \"I just want to perform again,\" she said.");
    assert_eq!(q[0].0, s("Taylor Swift"));
}

#[test]
fn titles_in_quote_marks_are_not_quotations() {
    assert!(
        pairs("Microsoft launched a site, \"The Internet Explorer 6 Countdown\", on Friday.")
            .is_empty()
    );
    let q = pairs("The team's robot, named \"Better Idea of Afghan Girls,\" scored two points, according to coach Alireza Mehraban.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(!q[0].2 && q[0].1.ends_with("scored two points"), "{q:?}");
}

#[test]
fn capitalised_short_titles_are_not_quotations_even_with_a_verb() {
    assert!(pairs(
        "In an interview, Zay described recording their version of “Knuck If You Buck” at home."
    )
    .iter()
    .all(|q| !q.2));
    // A quote in sentence case stays.
    assert_eq!(pairs("Zay said: “We Recorded it at home.”").len(), 1);
}

#[test]
fn multi_sentence_quote_is_one_quote() {
    let q = pairs("\"We came here. We will stay. We will win,\" said Jones.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1, "We came here. We will stay. We will win");
    assert_eq!(q[0].0, s("Jones"));
}

#[test]
fn scare_quotes_are_not_quotations_and_repeats_count_once() {
    assert!(pairs("He wanted to \"modernise\" relationships.").is_empty());
    let q = pairs(
        "\"We are in this together now,\" Jones said.\n\n\"We are in this together now,\" Jones said.",
    );
    assert_eq!(q.len(), 1);
}

#[test]
fn unclosed_quote_ends_at_the_paragraph() {
    let q = quotes("Jones said: \"We will keep going until the end.\n\nOthers disagreed.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "We will keep going until the end.");
}

#[test]
fn indirect_speech() {
    let q = pairs("U.S. Secretary of State Antony Blinken said on Thursday that cooperation was more important.");
    assert_eq!(
        q,
        vec![(
            s("Antony Blinken"),
            "cooperation was more important".into(),
            false
        )]
    );
    let q = quotes("The talks failed badly last week, according to Reuters.");
    assert_eq!(q[0].speaker, s("Reuters"));
    assert_eq!(q[0].verb, s("according to"));
    assert_eq!(q[0].text, "The talks failed badly last week");
    assert!(!q[0].direct);
}

#[test]
fn pronoun_takes_the_last_speaker_not_a_name_inside_the_quote() {
    // Epstein has a gender cue ("his"), Sasse none; Epstein named inside the quote is
    // part of Sasse's words, not the antecedent of "he".
    let t = "Prosecutors alleged that Jeffrey Epstein abused girls at his homes. \
             Ben Sasse said the charges are overdue.\n\n\
             \"Heads needed to roll the day Jeffrey Epstein died,\" he said.";
    let q = quotes(t);
    let d = q.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(d.speaker, s("Ben Sasse"));
}

#[test]
fn pronoun_takes_the_main_clause_subject_of_the_sentence_before() {
    let t = "Figgins declined to address whether Thomas slept on the night Epstein died. \
             \"When all the evidence is presented, they will see,\" he said.";
    let mut d = Document::new(DocMeta::new("t", t.as_bytes()), String::new());
    dyad_text::clean_into(&mut d, t, Span::new(0, t.len()));
    dyad_text::annotate(&mut d);
    let words: Vec<String> = d.tokens.iter().map(|k| k.text.clone()).collect();
    let idx = |w: &str| words.iter().position(|k| k == w).unwrap();
    let (declined, slept, died, said) = (idx("declined"), idx("slept"), idx("died"), idx("said"));
    for k in 0..d.tokens.len() {
        d.tokens[k].deprel = Some("dep".into());
        d.tokens[k].head = Some(declined);
    }
    d.tokens[declined].deprel = Some("root".into());
    d.tokens[declined].head = None;
    for (w, h) in [
        ("Figgins", declined),
        ("Thomas", slept),
        ("Epstein", died),
        ("he", said),
    ] {
        let k = idx(w);
        d.tokens[k].deprel = Some("nsubj".into());
        d.tokens[k].head = Some(h);
    }
    let people: Vec<Span> = ["Figgins", "Thomas", "Epstein"]
        .iter()
        .map(|w| d.tokens[idx(w)].span)
        .collect();
    let q = find_quotes(&d, &people);
    let quote = q.iter().find(|q| q.direct).expect("the direct quote");
    assert_eq!(quote.speaker, s("Figgins"));
}

#[test]
fn role_words_in_lower_case_are_no_part_of_a_name() {
    assert_eq!(untitled("trafficker Jeffrey Epstein"), "Jeffrey Epstein");
    assert_eq!(untitled("former adviser John Bolton"), "John Bolton");
    assert_eq!(untitled("Charles de Gaulle"), "Charles de Gaulle");
    let people = Persons::new(vec![Person {
        span: Span::new(0, 1),
        name: "trafficker Jeffrey Epstein".into(),
    }]);
    assert_eq!(full_name(&people, "Epstein"), "Jeffrey Epstein");
}

#[test]
fn more_reporting_verbs() {
    let q = quotes("\"My people had twenty billion done,\" Mr. Trump recounted in a meeting.");
    assert_eq!(q[0].speaker, s("Trump"));
    let q = pairs("Prosecutors alleged that no inmate checks were made that night.");
    assert_eq!(q[0].1, "no inmate checks were made that night");
    let q = pairs("Volker reiterated that he saw the two inquiries as separate.");
    assert_eq!(q[0].1, "he saw the two inquiries as separate");
    assert_eq!(q[0].0, s("Volker"));
}

#[test]
fn quote_paragraph_after_reported_speech_takes_its_speaker() {
    let t = "Saeb Erekat said it was only the latest move by the US.\n\n\
             \"They wanted us on our knees. We stand tall and we will stand tall.\"";
    let q: Vec<_> = quotes(t).into_iter().filter(|q| q.direct).collect();
    assert_eq!(q[0].speaker, s("Saeb Erekat"));
}

#[test]
fn reported_clause_ends_at_a_dash_or_quoted_comma_before_but() {
    let q = pairs(
        "The president says his approach has created leverage — and in some cases, he is right.",
    );
    assert_eq!(q[0].1, "his approach has created leverage");
    let q = pairs(
        "Mr. Trump has since said that a deal signing would take place in \"farm country,\" but the Chinese have been reluctant.",
    );
    let i = q.iter().find(|p| !p.2).expect("the indirect quote");
    assert_eq!(i.1, "a deal signing would take place in \"farm country");
}

#[test]
fn a_sentence_initial_common_noun_is_no_antecedent() {
    let t = "Prosecutors said the guards slept. Later, prosecutors said more.\n\n\
             \"We will appeal this decision now,\" he said.";
    let q = quotes(t);
    let d = q.iter().find(|q| q.direct).expect("the direct quote");
    assert_ne!(d.speaker, s("Prosecutors"));
}

#[test]
fn trailing_attribution_with_a_longer_subject_or_a_named_listener() {
    let q = pairs(
        "China is wary of offering concessions, people familiar with Chinese trade policy said.",
    );
    assert_eq!(q[0].1, "China is wary of offering concessions");
    let q = pairs("Two professors were handed over to US forces, an insurgent source told Agence France-Presse.");
    assert_eq!(q[0].1, "Two professors were handed over to US forces");
}

#[test]
fn inverted_trailing_attribution_with_an_apposition() {
    let q = quotes("There were more than 30 staff vacancies at the facility, said Serene Gregg, local president of the union.");
    assert_eq!(
        q[0].text,
        "There were more than 30 staff vacancies at the facility"
    );
    assert_eq!(q[0].speaker, s("Serene Gregg"));
}
