//! Roles the coder finds past the verb's own dependents, as PETRARCH reads them: comma lists
//! a parser split into an apposition, the agent of a material passive named by where the act
//! came from or the attack it happened in, reduced passive relatives ("soldiers killed in
//! ..."), a purpose clause's target for a target-less act, multiword verbs whose first word
//! stands before the verb proper (`WIRE_+TAP`), a closing attribution whose parsed subject
//! is an uncoded name, `%` compounds after the verb or alone, and function words before
//! the verb hung from it in another role. Parses are hand-written rows.

use dyad_core::Document;
use dyad_events::{ActorRef, Coder, CoderConfig, VerbDictionary};

mod common;
use common::petrarch;
use common::sorted_codings as codings;

const DICT: &str = "\
--- WELCOME [041] ---
WELCOME

--- SHELL [190] ---
SHELL
KILL

--- SIGN [081] ---
SIGN

--- AGREE [081] ---
AGREE
- * WITH % [031]

--- POSTPONE [120] ---
POSTPONE
- % HAVE * [191]

--- BOYCOTT [191] ---
BOYCOTT
- NEITHER * [081]

--- SAY [023] ---
SAY {SAID SAYS}

--- CONFISCATE [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
";

/// A document of `tree` rows (word, lemma, upos, head, deprel) with coded actors over words
/// `a..=b` (1-based); words listed in `vbn` are tagged as past participles.
fn doc(
    tree: &[common::Row],
    actors: &[(usize, usize, &str)],
    vbn: &[usize],
) -> (Document, Vec<ActorRef>) {
    let mut d = common::parsed(tree, None);
    for &i in vbn {
        d.tokens[i - 1].xpos = Some("VBN".into());
    }
    let refs = actors
        .iter()
        .map(|&(a, b, c)| common::mention(&d, a, b, Some(c)))
        .collect();
    (d, refs)
}

fn code(tree: &[common::Row], actors: &[(usize, usize, &str)], vbn: &[usize]) -> Vec<String> {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let (d, a) = doc(tree, actors, vbn);
    codings(&Coder::new(&dict, petrarch()).code(&d, &a))
}

#[test]
fn a_comma_list_parsed_as_apposition_is_one_coordination() {
    // "Mordor, the Shire, Fornost and Bree welcomed Osgiliath": the Shire `appos` of
    // Mordor, Fornost and Bree its `conj`
    let rows = [
        ("Mordor", "Mordor", "PROPN", 9, "nsubj"),
        (",", ",", "PUNCT", 4, "punct"),
        ("the", "the", "DET", 4, "det"),
        ("Shire", "Shire", "PROPN", 1, "appos"),
        (",", ",", "PUNCT", 6, "punct"),
        ("Fornost", "Fornost", "PROPN", 4, "conj"),
        ("and", "and", "CCONJ", 8, "cc"),
        ("Bree", "Bree", "PROPN", 4, "conj"),
        ("welcomed", "welcome", "VERB", 0, "root"),
        ("Osgiliath", "Osgiliath", "PROPN", 9, "obj"),
    ];
    let actors = [(1, 1, "MOR"), (6, 6, "FOR"), (8, 8, "BRE"), (10, 10, "OSG")];
    assert_eq!(
        code(&rows, &actors, &[]),
        vec!["BRE>OSG:041", "FOR>OSG:041", "MOR>OSG:041"]
    );
    // a plain apposition ("Mordor, the dark land, welcomed ...") adds no one
    let rows = [
        ("Mordor", "Mordor", "PROPN", 7, "nsubj"),
        (",", ",", "PUNCT", 5, "punct"),
        ("the", "the", "DET", 5, "det"),
        ("dark", "dark", "ADJ", 5, "amod"),
        ("Gorgoroth", "Gorgoroth", "PROPN", 1, "appos"),
        (",", ",", "PUNCT", 5, "punct"),
        ("welcomed", "welcome", "VERB", 0, "root"),
        ("Osgiliath", "Osgiliath", "PROPN", 7, "obj"),
    ];
    let actors = [(1, 1, "MOR"), (5, 5, "GOR"), (8, 8, "OSG")];
    assert_eq!(code(&rows, &actors, &[]), vec!["MOR>OSG:041"]);
}

#[test]
fn a_material_passive_takes_its_agent_from_origin_or_attack() {
    // "Gondor was shelled from Mordor": where the fire came from acted
    let from = [
        ("Gondor", "Gondor", "PROPN", 3, "nsubj:pass"),
        ("was", "be", "AUX", 3, "aux:pass"),
        ("shelled", "shell", "VERB", 0, "root"),
        ("from", "from", "ADP", 5, "case"),
        ("Mordor", "Mordor", "PROPN", 3, "obl"),
    ];
    let actors = [(1, 1, "GON"), (5, 5, "MOR")];
    assert_eq!(code(&from, &actors, &[]), vec!["MOR>GON:190"]);
    // "Gondor was shelled in Mordor": a place says where, not by whom
    let mut place = from;
    place[3] = ("in", "in", "ADP", 5, "case");
    assert!(code(&place, &actors, &[]).is_empty());
    // "Gondor was killed in Mordor shelling": the attack's actor did it
    let attack = [
        ("Gondor", "Gondor", "PROPN", 3, "nsubj:pass"),
        ("was", "be", "AUX", 3, "aux:pass"),
        ("killed", "kill", "VERB", 0, "root"),
        ("in", "in", "ADP", 6, "case"),
        ("Mordor", "Mordor", "PROPN", 6, "compound"),
        ("shelling", "shelling", "NOUN", 3, "obl"),
    ];
    assert_eq!(code(&attack, &actors, &[]), vec!["MOR>GON:190"]);
}

#[test]
fn a_reduced_passive_relative_has_its_noun_as_patient() {
    // "There were Rohan soldiers killed in Mordor shelling"
    let rows = [
        ("There", "there", "PRON", 2, "expl"),
        ("were", "be", "VERB", 0, "root"),
        ("Rohan", "Rohan", "PROPN", 4, "compound"),
        ("soldiers", "soldier", "NOUN", 2, "nsubj"),
        ("killed", "kill", "VERB", 4, "acl"),
        ("in", "in", "ADP", 8, "case"),
        ("Mordor", "Mordor", "PROPN", 8, "compound"),
        ("shelling", "shelling", "NOUN", 5, "obl"),
    ];
    let actors = [(3, 4, "ROHMIL"), (7, 7, "MOR")];
    assert_eq!(code(&rows, &actors, &[5]), vec!["MOR>ROHMIL:190"]);
    // the same words with "killed" not a participle (a finite verb the parser hung from
    // the noun): no reduced passive is read
    assert!(code(&rows, &actors, &[]).is_empty());
}

#[test]
fn a_purpose_clause_gives_a_target_less_act_its_target() {
    // "Arnor signed an accord to supply Gondor"
    let rows = [
        ("Arnor", "Arnor", "PROPN", 2, "nsubj"),
        ("signed", "sign", "VERB", 0, "root"),
        ("an", "a", "DET", 4, "det"),
        ("accord", "accord", "NOUN", 2, "obj"),
        ("to", "to", "PART", 6, "mark"),
        ("supply", "supply", "VERB", 2, "advcl"),
        ("Gondor", "Gondor", "PROPN", 6, "obj"),
    ];
    let actors = [(1, 1, "ARN"), (7, 7, "GON")];
    assert_eq!(code(&rows, &actors, &[]), vec!["ARN>GON:081"]);
    // an infinitive of the object is not the act's purpose: "signed efforts to supply"
    let mut of_object = rows;
    of_object[5] = ("supply", "supply", "VERB", 4, "acl");
    assert!(code(&of_object, &actors, &[]).is_empty());
}

#[test]
fn a_multiword_verb_may_begin_before_the_verb() {
    // "Gondor wire tapped Mordor": `WIRE_+TAP`, "wire" read as a noun of the subject
    let rows = [
        ("Gondor", "Gondor", "PROPN", 3, "nsubj"),
        ("wire", "wire", "NOUN", 1, "nmod"),
        ("tapped", "tap", "VERB", 0, "root"),
        ("Mordor", "Mordor", "PROPN", 3, "obj"),
    ];
    let actors = [(1, 1, "GON"), (4, 4, "MOR")];
    assert_eq!(code(&rows, &actors, &[]), vec!["GON>MOR:1711"]);
    // "tapped" alone is no verb of the dictionary
    let mut alone = rows;
    alone[1] = ("quickly", "quickly", "ADV", 3, "advmod");
    assert!(code(&alone, &actors, &[]).is_empty());
}

#[test]
fn a_closing_attribution_ending_in_an_uncoded_name_has_its_agent_as_subject() {
    // "Fornost welcomed Osgiliath , the official agency WFNA said": `official` is a null
    // actor (---GOV), WFNA no actor at all
    let rows = [
        ("Fornost", "Fornost", "PROPN", 2, "nsubj"),
        ("welcomed", "welcome", "VERB", 0, "root"),
        ("Osgiliath", "Osgiliath", "PROPN", 2, "obj"),
        (",", ",", "PUNCT", 7, "punct"),
        ("the", "the", "DET", 7, "det"),
        ("official", "official", "ADJ", 7, "amod"),
        ("agency", "agency", "NOUN", 3, "appos"),
        ("WFNA", "WFNA", "PROPN", 9, "nsubj"),
        ("said", "say", "VERB", 2, "parataxis"),
    ];
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let (d, mut a) = doc(&rows, &[(1, 1, "FOR"), (3, 3, "OSG")], &[]);
    let mut official = common::mention(&d, 6, 6, None);
    official.extra.insert("sector".into(), "GOV".into());
    a.push(official);
    let loose = CoderConfig {
        require_dyad: false,
        ..petrarch()
    };
    let got = codings(&Coder::new(&dict, loose).code(&d, &a));
    assert_eq!(got, vec!["---GOV>:023", "FOR>OSG:041"]);
    // without the agent, nobody said it
    a.pop();
    let loose = CoderConfig {
        require_dyad: false,
        ..petrarch()
    };
    let got = codings(&Coder::new(&dict, loose).code(&d, &a));
    assert_eq!(got, vec!["FOR>OSG:041"]);
}

#[test]
fn a_compound_after_the_verb_and_a_compound_alone() {
    // "Eriador agrees with the Philippines and France" (`* WITH %`)
    let rows = [
        ("Eriador", "Eriador", "PROPN", 2, "nsubj"),
        ("agrees", "agree", "VERB", 0, "root"),
        ("with", "with", "ADP", 5, "case"),
        ("the", "the", "DET", 5, "det"),
        ("Philippines", "Philippines", "PROPN", 2, "obl"),
        ("and", "and", "CCONJ", 7, "cc"),
        ("France", "France", "PROPN", 5, "conj"),
    ];
    let actors = [(1, 1, "ERI"), (5, 5, "PHL"), (7, 7, "FRA")];
    assert_eq!(
        code(&rows, &actors, &[]),
        vec!["ERI>FRA:031", "ERI>PHL:031"]
    );
    // one country is no compound: the verb's own code
    let actors = [(1, 1, "ERI"), (5, 5, "PHL")];
    assert_eq!(code(&rows[..5], &actors, &[]), vec!["ERI>PHL:081"]);
    // "Gondor and Osgiliath have postponed their meeting after Rohan was reported": `%
    // HAVE *` is the members towards each other, not towards an actor deeper down
    let rows = [
        ("Gondor", "Gondor", "PROPN", 5, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Osgiliath", "Osgiliath", "PROPN", 1, "conj"),
        ("have", "have", "AUX", 5, "aux"),
        ("postponed", "postpone", "VERB", 0, "root"),
        ("their", "their", "PRON", 7, "nmod:poss"),
        ("meeting", "meeting", "NOUN", 5, "obj"),
        ("after", "after", "ADP", 11, "mark"),
        ("Rohan", "Rohan", "PROPN", 11, "nsubj:pass"),
        ("was", "be", "AUX", 11, "aux:pass"),
        ("reported", "report", "VERB", 7, "acl"),
    ];
    let actors = [(1, 1, "GON"), (3, 3, "OSG"), (9, 9, "ROH")];
    assert_eq!(
        code(&rows, &actors, &[]),
        vec!["GON>OSG:191", "OSG>GON:191"]
    );
}

#[test]
fn a_lone_function_word_before_the_verb_is_read_by_patterns() {
    // "Neither Galadriel nor Gollum boycotted Gondor", `Neither` parsed as `obl`
    let rows = [
        ("Neither", "neither", "DET", 5, "obl"),
        ("Galadriel", "Galadriel", "PROPN", 5, "nsubj"),
        ("nor", "nor", "CCONJ", 4, "cc"),
        ("Gollum", "Gollum", "PROPN", 2, "conj"),
        ("boycotted", "boycott", "VERB", 0, "root"),
        ("Gondor", "Gondor", "PROPN", 5, "obj"),
    ];
    let actors = [(2, 2, "ELF"), (4, 4, "HOB"), (6, 6, "GON")];
    assert_eq!(
        code(&rows, &actors, &[]),
        vec!["ELF>GON:081", "HOB>GON:081"]
    );
    // without it, the verb's own code
    let rows = [
        ("Galadriel", "Galadriel", "PROPN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Gollum", "Gollum", "PROPN", 1, "conj"),
        ("boycotted", "boycott", "VERB", 0, "root"),
        ("Gondor", "Gondor", "PROPN", 4, "obj"),
    ];
    let actors = [(1, 1, "ELF"), (3, 3, "HOB"), (5, 5, "GON")];
    assert_eq!(
        code(&rows, &actors, &[]),
        vec!["ELF>GON:191", "HOB>GON:191"]
    );
}
