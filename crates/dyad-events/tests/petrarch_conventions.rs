//! PETRARCH's coding conventions the coder reproduces when configured for them: null
//! actors (`---GOV`), and whatever else `dyad eval petrarch` turns on. Parses are written
//! as CoNLL-U-like rows; actors as the words they cover, with a code or, for an agent
//! without a country, a sector.

use dyad_core::Document;
use dyad_events::{ActorRef, Coder, CoderConfig, Event, Negation, VerbDictionary};

mod common;
use common::petrarch;

/// A mention over words `a..=b` (1-based): a coded actor, or an agent with only a sector.
enum Mention<'a> {
    Coded(usize, usize, &'a str),
    Agent(usize, usize, &'a str),
}

fn doc(rows: &[common::Row], mentions: &[Mention]) -> (Document, Vec<ActorRef>) {
    let d = common::parsed(rows, None);
    let refs = mentions
        .iter()
        .map(|m| match *m {
            Mention::Coded(a, b, c) => common::mention(&d, a, b, Some(c)),
            Mention::Agent(a, b, sector) => {
                let mut r = common::mention(&d, a, b, None);
                r.extra.insert("sector".into(), sector.into());
                r
            }
        })
        .collect();
    (d, refs)
}

fn codings(events: &[Event]) -> Vec<String> {
    let c = |a: &Option<ActorRef>| a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default();
    events
        .iter()
        .map(|e| format!("{}>{}:{}", c(&e.source), c(&e.target), e.cameo))
        .collect()
}

#[test]
fn an_agent_without_country_is_a_null_actor() {
    // "The government condemned China" (CAMEO.2.0.txt: CONDEMN is 111)
    let rows = [
        ("The", "the", "DET", 2, "det"),
        ("government", "government", "NOUN", 3, "nsubj"),
        ("condemned", "condemn", "VERB", 0, "root"),
        ("China", "China", "PROPN", 3, "obj"),
    ];
    let (d, a) = doc(
        &rows,
        &[Mention::Agent(2, 2, "GOV"), Mention::Coded(4, 4, "CHN")],
    );
    let coder = Coder::new(VerbDictionary::cameo(), petrarch());
    assert_eq!(codings(&coder.code(&d, &a)), vec!["---GOV>CHN:111"]);
    // off by default: no one to attribute the event to
    let plain = Coder::new(
        VerbDictionary::cameo(),
        CoderConfig {
            null_actors: false,
            ..petrarch()
        },
    );
    assert!(plain.code(&d, &a).is_empty());
}

#[test]
fn a_coded_actor_in_the_phrase_wins_over_the_null_actor() {
    // "Soldiers from Gondor attacked Mordor": the agent composes with its country
    let rows = [
        ("Soldiers", "soldier", "NOUN", 4, "nsubj"),
        ("from", "from", "ADP", 3, "case"),
        ("Gondor", "Gondor", "PROPN", 1, "nmod"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Mordor", "Mordor", "PROPN", 4, "obj"),
    ];
    let (d, a) = doc(
        &rows,
        &[
            Mention::Agent(1, 1, "MIL"),
            Mention::Coded(3, 3, "GON"),
            Mention::Coded(5, 5, "MOR"),
        ],
    );
    let coder = Coder::new(VerbDictionary::cameo(), petrarch());
    let got = codings(&coder.code(&d, &a));
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("GONMIL>MOR:"), "{got:?}");
    // coordinated agents are one null actor each: "Clerics and lawmakers attacked Mordor"
    let rows = [
        ("Clerics", "cleric", "NOUN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("lawmakers", "lawmaker", "NOUN", 1, "conj"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Mordor", "Mordor", "PROPN", 4, "obj"),
    ];
    let (d, a) = doc(
        &rows,
        &[
            Mention::Agent(1, 1, "REL"),
            Mention::Agent(3, 3, "LEG"),
            Mention::Coded(5, 5, "MOR"),
        ],
    );
    let got = codings(&coder.code(&d, &a));
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].starts_with("---REL>MOR:") && got[1].starts_with("---LEG>MOR:"));
}

const DICT: &str = "\
--- BELIEVE [023] ---
BELIEVE

--- SAY [010] ---
SAY {SAID SAYS}

--- URGE [102] ---
URGE

--- ATTACK [190] ---
ATTACK

--- JAIL [173] ---
JAIL

--- HELP [070] ---
HELP
";

/// Rows for a sentence whose capitalised words are actors coded by their first three
/// letters; `tree` gives (lemma, upos, head, deprel) per word.
fn sentence(text: &str, tree: &[(&str, &str, usize, &str)]) -> (Document, Vec<ActorRef>) {
    let words: Vec<&str> = text.split(' ').collect();
    let rows: Vec<(&str, &str, &str, usize, &str)> = words
        .iter()
        .zip(tree)
        .map(|(w, &(l, u, h, r))| (*w, l, u, h, r))
        .collect();
    let codes: Vec<String> = words
        .iter()
        .map(|w| w.chars().take(3).collect::<String>().to_uppercase())
        .collect();
    let mentions: Vec<Mention> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        .map(|(i, _)| Mention::Coded(i + 1, i + 1, codes[i].as_str()))
        .collect();
    doc(&rows, &mentions)
}

#[test]
fn an_uncoded_complement_gives_its_subject_as_target() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    let (d, a) = sentence(
        "Arnor believes Gondor can cope",
        &[
            ("Arnor", "PROPN", 2, "nsubj"),
            ("believe", "VERB", 0, "root"),
            ("Gondor", "PROPN", 5, "nsubj"),
            ("can", "AUX", 5, "aux"),
            ("cope", "VERB", 2, "ccomp"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ARN>GON:023"]);
    // a plain statement (01) says what was said, not to whom
    let (d, a) = sentence(
        "Arnor said Gondor can cope",
        &[
            ("Arnor", "PROPN", 2, "nsubj"),
            ("say", "VERB", 0, "root"),
            ("Gondor", "PROPN", 5, "nsubj"),
            ("can", "AUX", 5, "aux"),
            ("cope", "VERB", 2, "ccomp"),
        ],
    );
    assert!(coder.code(&d, &a).is_empty());
    // a report before its attribution is not the attribution's target
    let (d, a) = sentence(
        "Gondor can cope Arnor believes",
        &[
            ("Gondor", "PROPN", 3, "nsubj"),
            ("can", "AUX", 3, "aux"),
            ("cope", "VERB", 5, "ccomp"),
            ("Arnor", "PROPN", 5, "nsubj"),
            ("believe", "VERB", 0, "root"),
        ],
    );
    assert!(coder.code(&d, &a).is_empty());
}

#[test]
fn a_request_is_coded_not_what_was_requested() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Arnor urged Gondor to attack Mordor": the appeal happened, the attack did not
    let (d, a) = sentence(
        "Arnor urged Gondor to attack Mordor",
        &[
            ("Arnor", "PROPN", 2, "nsubj"),
            ("urge", "VERB", 0, "root"),
            ("Gondor", "PROPN", 2, "obj"),
            ("to", "PART", 5, "mark"),
            ("attack", "VERB", 2, "xcomp"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ARN>GON:102"]);
}

#[test]
fn a_for_gerund_is_the_reason_not_an_event() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Gondor jailed Rohan for helping Mordor": the jailing is the event; the helping is
    // what Rohan is held to have done
    let (d, a) = sentence(
        "Gondor jailed Rohan for helping Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("jail", "VERB", 0, "root"),
            ("Rohan", "PROPN", 2, "obj"),
            ("for", "SCONJ", 5, "mark"),
            ("help", "VERB", 2, "advcl"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>ROH:173"]);
}

#[test]
fn a_purpose_infinitive_is_an_aim_not_an_act() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    // "Gondor faced pressure from Rohan to help Mordor": nobody helped yet
    let (d, a) = sentence(
        "Gondor faced pressure from Rohan to help Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("face", "VERB", 0, "root"),
            ("pressure", "NOUN", 2, "obj"),
            ("from", "ADP", 5, "case"),
            ("Rohan", "PROPN", 2, "obl"),
            ("to", "PART", 7, "mark"),
            ("help", "VERB", 2, "advcl"),
            ("Mordor", "PROPN", 7, "obj"),
        ],
    );
    assert!(Coder::new(&dict, petrarch()).code(&d, &a).is_empty());
    // coding intents, the aim is one: intent to help (033)
    let intents = CoderConfig {
        intent: true,
        ..petrarch()
    };
    let e = Coder::new(&dict, intents).code(&d, &a);
    assert_eq!(codings(&e), vec!["GON>MOR:033"]);
}

#[test]
fn a_target_is_not_sought_inside_an_infinitive() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Gondor attacked efforts to help Mordor": Mordor is not attacked
    let (d, a) = sentence(
        "Gondor attacked efforts to help Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("attack", "VERB", 0, "root"),
            ("effort", "NOUN", 2, "obj"),
            ("to", "PART", 5, "mark"),
            ("help", "VERB", 3, "acl"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    assert!(coder.code(&d, &a).is_empty());
}

const DICT2: &str = "\
--- CORDON [---] ---
+CORDON_OFF {+CORDONED_OFF} [1721]

--- CONDEMN [122] ---
CONDEMN

--- PROMISE [050] ---
PROMISE
";

#[test]
fn a_misparsed_particle_and_a_target_deep_in_the_object() {
    let dict = VerbDictionary::parse(DICT2, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Gondor cordoned off roads leading into Mordor", `off` parsed as the case of `roads`
    let (d, a) = sentence(
        "Gondor cordoned off roads leading into Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("cordon", "VERB", 0, "root"),
            ("off", "ADP", 4, "case"),
            ("road", "NOUN", 2, "obl"),
            ("lead", "VERB", 4, "acl"),
            ("into", "ADP", 7, "case"),
            ("Mordor", "PROPN", 5, "obl"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>MOR:1721"]);
}

#[test]
fn a_verb_coordinated_with_a_noun_joins_the_verb_above() {
    let dict = VerbDictionary::parse(DICT2, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Calenardhon condemned an attack and promised aid to Ithilen", `promised` under `attack`
    let (d, a) = sentence(
        "Calenardhon condemned an attack and promised aid to Ithilen",
        &[
            ("Calenardhon", "PROPN", 2, "nsubj"),
            ("condemn", "VERB", 0, "root"),
            ("a", "DET", 4, "det"),
            ("attack", "NOUN", 2, "obj"),
            ("and", "CCONJ", 6, "cc"),
            ("promise", "VERB", 4, "conj"),
            ("aid", "NOUN", 6, "obj"),
            ("to", "ADP", 9, "case"),
            ("Ithilen", "PROPN", 6, "obl"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["CAL>ITH:050"]);
}

#[test]
fn a_non_verbal_complement_gives_its_subject_as_target() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Arnor believes that Mordor is a threat": the complement is a nominal predicate
    let (d, a) = sentence(
        "Arnor believes that Mordor is a threat",
        &[
            ("Arnor", "PROPN", 2, "nsubj"),
            ("believe", "VERB", 0, "root"),
            ("that", "SCONJ", 7, "mark"),
            ("Mordor", "PROPN", 7, "nsubj"),
            ("be", "AUX", 7, "cop"),
            ("a", "DET", 7, "det"),
            ("threat", "NOUN", 2, "ccomp"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ARN>MOR:023"]);
}

#[test]
fn a_time_clause_without_subject_is_background() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Before helping Mordor Gondor attacked Rohan": only the attack is coded
    let (d, a) = sentence(
        "Before helping Mordor Gondor attacked Rohan",
        &[
            ("before", "SCONJ", 2, "mark"),
            ("help", "VERB", 5, "advcl"),
            ("Mordor", "PROPN", 2, "obj"),
            ("Gondor", "PROPN", 5, "nsubj"),
            ("attack", "VERB", 0, "root"),
            ("Rohan", "PROPN", 5, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>ROH:190"]);
}

const DICT3: &str = "\
--- CLAIM [010] ---
CLAIM

--- ATTACK [190] ---
ATTACK

--- SEIZE [192] ---
TAKE

--- WANT [030] ---
WANT

--- ASK [020] ---
ASK

--- HELP [070] ---
HELP

~ a (b . ATTACK) CLAIM = a b 112
";

fn accusing() -> CoderConfig {
    CoderConfig {
        speech_as_accusation: true,
        ..petrarch()
    }
}

#[test]
fn a_claim_read_as_accusation_covers_its_coordinated_verbs() {
    let dict = VerbDictionary::parse(DICT3, "t.txt").unwrap();
    let coder = Coder::new(&dict, accusing());
    // "Arnor claimed Gondor attacked Rohan and took Mordor": one accusation, no seizure
    let (d, a) = sentence(
        "Arnor claimed Gondor attacked Rohan and took Mordor",
        &[
            ("Arnor", "PROPN", 2, "nsubj"),
            ("claim", "VERB", 0, "root"),
            ("Gondor", "PROPN", 4, "nsubj"),
            ("attack", "VERB", 2, "ccomp"),
            ("Rohan", "PROPN", 4, "obj"),
            ("and", "CCONJ", 7, "cc"),
            ("take", "VERB", 4, "conj"),
            ("Mordor", "PROPN", 7, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ARN>GON:112"]);
}

#[test]
fn a_verb_of_intent_makes_its_complement_an_intent() {
    let dict = VerbDictionary::parse(DICT3, "t.txt").unwrap();
    // intents are not coded as such (PETRARCH), yet "wants to help" is one by its verb
    let coder = Coder::new(&dict, petrarch());
    let (d, a) = sentence(
        "Gondor wants to help Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("want", "VERB", 0, "root"),
            ("to", "PART", 4, "mark"),
            ("help", "VERB", 2, "xcomp"),
            ("Mordor", "PROPN", 4, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>MOR:033"]);
}

#[test]
fn a_lone_indirect_object_is_the_object() {
    let dict = VerbDictionary::parse(DICT3, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Rohan asked Gondor to help Mordor", `Gondor` parsed as `iobj`: Rohan's request to
    // Gondor is the event, not a help nobody gave; an appeal for aid (020 + 070: 023), as
    // PETRARCH2's ontology adds them
    let (d, a) = sentence(
        "Rohan asked Gondor to help Mordor",
        &[
            ("Rohan", "PROPN", 2, "nsubj"),
            ("ask", "VERB", 0, "root"),
            ("Gondor", "PROPN", 2, "iobj"),
            ("to", "PART", 5, "mark"),
            ("help", "VERB", 2, "xcomp"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ROH>GON:023"]);
}

#[test]
fn between_equal_patterns_the_one_written_for_the_verb_wins() {
    // a block of synonyms whose patterns say, in comments, which verb they were written for
    let dict = VerbDictionary::parse(
        "--- APPROVE [080] ---\nAPPROVE\nRATIFY\n\
         - * TREATY [031] # APPROVE\n- * TREATY [057] # RATIFY\n",
        "t.txt",
    )
    .unwrap();
    let coder = Coder::new(&dict, petrarch());
    let code = |verb: &str| {
        let (d, a) = sentence(
            &format!("Rohan {verb} a treaty with Gondor"),
            &[
                ("Rohan", "PROPN", 2, "nsubj"),
                (verb, "VERB", 0, "root"),
                ("a", "DET", 4, "det"),
                ("treaty", "NOUN", 2, "obj"),
                ("with", "ADP", 6, "case"),
                ("Gondor", "PROPN", 4, "nmod"),
            ],
        );
        codings(&coder.code(&d, &a))
    };
    assert_eq!(code("ratify"), vec!["ROH>GON:057"]);
    assert_eq!(code("approve"), vec!["ROH>GON:031"]);
}

#[test]
fn an_agent_adjective_alone_is_no_actor() {
    let dict = VerbDictionary::parse("--- CONDUCT [150] ---\nCONDUCT\n", "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Rohan conducted military exercises in Gondor": the actor resolver gave `military`
    // Gondor's code from context; the exercises are not Gondor's military
    let rows = [
        ("Rohan", "Rohan", "PROPN", 2, "nsubj"),
        ("conducted", "conduct", "VERB", 0, "root"),
        ("military", "military", "ADJ", 4, "amod"),
        ("exercises", "exercise", "NOUN", 2, "obj"),
        ("in", "in", "ADP", 6, "case"),
        ("Gondor", "Gondor", "PROPN", 2, "obl"),
    ];
    let (d, mut a) = doc(
        &rows,
        &[
            Mention::Coded(1, 1, "ROH"),
            Mention::Coded(3, 3, "GONMIL"),
            Mention::Coded(6, 6, "GON"),
        ],
    );
    a[1].extra.insert("sector".into(), "MIL".into());
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ROH>GON:150"]);
    // a country adjective is an actor ("Gondorian exercises" are Gondor's)
    a[1].extra.clear();
    assert_eq!(codings(&coder.code(&d, &a)), vec!["ROH>GONMIL:150"]);
}

#[test]
fn a_compound_pattern_needs_and_prefers_a_compound_subject() {
    let dict = VerbDictionary::parse(
        "--- RENEW [---] ---\nRENEW\n- * DIPLOMATIC [064:064]\n- % * DIPLOMATIC [064:064]\n",
        "t.txt",
    )
    .unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Old foes Gondor and Osgiliath renewed diplomatic ties", the parser giving `foes`
    // and `Gondor` both as `nsubj`: the actor subject is read, `%` pairs its members
    let (d, a) = sentence(
        "old foes Gondor and Osgiliath renewed diplomatic ties",
        &[
            ("old", "ADJ", 2, "amod"),
            ("foe", "NOUN", 6, "nsubj"),
            ("Gondor", "PROPN", 6, "nsubj"),
            ("and", "CCONJ", 5, "cc"),
            ("Osgiliath", "PROPN", 3, "conj"),
            ("renew", "VERB", 0, "root"),
            ("diplomatic", "ADJ", 8, "amod"),
            ("tie", "NOUN", 6, "obj"),
        ],
    );
    let mut got = codings(&coder.code(&d, &a));
    got.sort();
    assert_eq!(got, vec!["GON>OSG:064", "OSG>GON:064"]);
    // one actor: `%` does not hold, and `* DIPLOMATIC` has no target
    let (d, a) = sentence(
        "Gondor renewed diplomatic ties",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("renew", "VERB", 0, "root"),
            ("diplomatic", "ADJ", 4, "amod"),
            ("tie", "NOUN", 2, "obj"),
        ],
    );
    assert!(coder.code(&d, &a).is_empty());
}

#[test]
fn countries_coordinated_in_a_composed_actor_share_its_sector() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "ambassadors of Arnor and Gondor urged Rohan": the resolver composed one mention,
    // `ambassadors of Arnor` (ARNGOV); Gondor's ambassadors urged too
    let rows = [
        ("ambassadors", "ambassador", "NOUN", 6, "nsubj"),
        ("of", "of", "ADP", 3, "case"),
        ("Arnor", "Arnor", "PROPN", 1, "nmod"),
        ("and", "and", "CCONJ", 5, "cc"),
        ("Gondor", "Gondor", "PROPN", 3, "conj"),
        ("urged", "urge", "VERB", 0, "root"),
        ("Rohan", "Rohan", "PROPN", 6, "obj"),
    ];
    let (d, mut a) = doc(
        &rows,
        &[
            Mention::Coded(1, 3, "ARNGOV"),
            Mention::Coded(5, 5, "GON"),
            Mention::Coded(7, 7, "ROH"),
        ],
    );
    a[0].extra.insert("sector".into(), "GOV".into());
    assert_eq!(
        codings(&coder.code(&d, &a)),
        vec!["ARNGOV>ROH:102", "GONGOV>ROH:102"]
    );
}

#[test]
fn negated_cooperation_is_a_rejection() {
    let dict = VerbDictionary::parse(
        "--- RELEASE [084] ---\nRELEASE\n\n--- ATTACK [190] ---\nATTACK\n\n--- MEET [040] ---\nMEET\n",
        "t.txt",
    )
    .unwrap();
    let dropping = CoderConfig {
        negation: Negation::Drop,
        ..petrarch()
    };
    let coder = Coder::new(&dict, dropping);
    let code = |verb: &str| {
        let (d, a) = sentence(
            &format!("Gondor did not {verb} Rohan"),
            &[
                ("Gondor", "PROPN", 4, "nsubj"),
                ("do", "AUX", 4, "aux"),
                ("not", "PART", 4, "advmod"),
                (verb, "VERB", 0, "root"),
                ("Rohan", "PROPN", 4, "obj"),
            ],
        );
        codings(&coder.code(&d, &a))
    };
    // not yielding (08) is refusing to yield (124)
    assert_eq!(code("release"), vec!["GON>ROH:124"]);
    // not meeting (04) is rejecting a meeting (125)
    assert_eq!(code("meet"), vec!["GON>ROH:125"]);
    // an attack that did not happen has no CAMEO code: dropped
    assert_eq!(code("attack"), Vec::<String>::new());
}

#[test]
fn a_trailing_participle_of_a_material_act_is_the_same_incident() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Gondor attacked Rohan , helping Mordor": one incident, coded by its main verb
    let (mut d, a) = sentence(
        "Gondor attacked Rohan , helping Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("attack", "VERB", 0, "root"),
            ("Rohan", "PROPN", 2, "obj"),
            (",", "PUNCT", 5, "punct"),
            ("help", "VERB", 2, "advcl"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    d.tokens[4].xpos = Some("VBG".into());
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>ROH:190"]);
    // and so is its complement: ", seeking to help Mordor"
    let (mut d, a) = sentence(
        "Gondor attacked Rohan , seeking to help Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("attack", "VERB", 0, "root"),
            ("Rohan", "PROPN", 2, "obj"),
            (",", "PUNCT", 5, "punct"),
            ("seek", "VERB", 2, "advcl"),
            ("to", "PART", 7, "mark"),
            ("help", "VERB", 5, "xcomp"),
            ("Mordor", "PROPN", 7, "obj"),
        ],
    );
    d.tokens[4].xpos = Some("VBG".into());
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>ROH:190"]);
    // a verbal act is an event of its own where trailing participles are coded (the
    // default: Blinken won support, praising EU officials); PETRARCH's configuration codes
    // none (tests/validation_conventions.rs)
    let coder = Coder::new(
        &dict,
        CoderConfig {
            trailing_participles: true,
            ..petrarch()
        },
    );
    let (mut d, a) = sentence(
        "Gondor attacked Rohan , urging Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("attack", "VERB", 0, "root"),
            ("Rohan", "PROPN", 2, "obj"),
            (",", "PUNCT", 5, "punct"),
            ("urge", "VERB", 2, "advcl"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    d.tokens[4].xpos = Some("VBG".into());
    assert_eq!(
        codings(&coder.code(&d, &a)),
        vec!["GON>ROH:190", "GON>MOR:102"]
    );
}

#[test]
fn a_compound_subject_cooperates_with_itself_but_does_not_attack_itself() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    let code = |verb: &str| {
        let (d, a) = sentence(
            &format!("Gondor and Rohan {verb}"),
            &[
                ("Gondor", "PROPN", 4, "nsubj"),
                ("and", "CCONJ", 3, "cc"),
                ("Rohan", "PROPN", 1, "conj"),
                (verb, "VERB", 0, "root"),
            ],
        );
        let mut c = codings(&coder.code(&d, &a));
        c.sort();
        c
    };
    assert_eq!(code("help"), vec!["GON>ROH:070", "ROH>GON:070"]);
    assert!(code("attack").is_empty());
}

#[test]
fn a_gerund_of_means_is_background() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Gondor attacked Rohan by helping Mordor": how the attack was done
    let (d, a) = sentence(
        "Gondor attacked Rohan by helping Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("attack", "VERB", 0, "root"),
            ("Rohan", "PROPN", 2, "obj"),
            ("by", "SCONJ", 5, "mark"),
            ("help", "VERB", 2, "advcl"),
            ("Mordor", "PROPN", 5, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>ROH:190"]);
}

#[test]
fn a_pattern_written_again_replaces_the_earlier_one() {
    let dict = VerbDictionary::parse(
        "--- ORDER [100] ---\nORDER\n- * INQUIRY [091] # ORDER\n- * INQUIRY [1014] # ORDER\n",
        "t.txt",
    )
    .unwrap();
    let coder = Coder::new(&dict, petrarch());
    let (d, a) = sentence(
        "Gondor ordered an inquiry against Rohan",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("order", "VERB", 0, "root"),
            ("a", "DET", 4, "det"),
            ("inquiry", "NOUN", 2, "obj"),
            ("against", "ADP", 6, "case"),
            ("Rohan", "PROPN", 4, "nmod"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["GON>ROH:1014"]);
}

#[test]
fn a_statement_is_addressed_to_someone_not_about_a_topic() {
    let dict = VerbDictionary::parse("--- ANNOUNCE [010] ---\nANNOUNCE\n", "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    let code = |prep: &str| {
        let (d, a) = sentence(
            &format!("Gondor announced bans {prep} Rohan"),
            &[
                ("Gondor", "PROPN", 2, "nsubj"),
                ("announce", "VERB", 0, "root"),
                ("ban", "NOUN", 2, "obj"),
                (prep, "ADP", 5, "case"),
                ("Rohan", "PROPN", 2, "obl"),
            ],
        );
        codings(&coder.code(&d, &a))
    };
    assert_eq!(code("to"), vec!["GON>ROH:010"]);
    // "announced bans on Rohan": Rohan is what the statement is about
    assert!(code("on").is_empty());
}

#[test]
fn a_closing_attribution_hung_elsewhere_keeps_its_speaker() {
    let dict = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let coder = Coder::new(&dict, petrarch());
    // "Gondor met Rohan, a Bree official urged Mordor": the parser made "official" an
    // apposition of "Rohan" and gave the verb "Rohan" as subject; the actor phrase right
    // before the verb, after the comma, is the one who urged
    let (d, a) = sentence(
        "Gondor met Rohan , a Bree official urged Mordor",
        &[
            ("Gondor", "PROPN", 2, "nsubj"),
            ("meet", "VERB", 0, "root"),
            ("Rohan", "PROPN", 8, "nsubj"),
            (",", "PUNCT", 7, "punct"),
            ("a", "DET", 7, "det"),
            ("Bree", "PROPN", 7, "compound"),
            ("official", "NOUN", 3, "appos"),
            ("urge", "VERB", 2, "advcl"),
            ("Mordor", "PROPN", 8, "obj"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["BRE>MOR:102"]);
}

#[test]
fn a_closed_group_before_the_verb_weighs_as_its_words() {
    // PETR.Validate.verbs.txt's CLASH block: the longer closed group must beat the shorter
    // pattern it contains, though each is one element of its pattern
    let dict = VerbDictionary::parse(
        "&NEGAUX\n+WO N'T\n\n--- CLASH [223] ---\nCLASH\n\
         - MOST_CERTAINLY_&NEGAUX_EVER * OVER EFFORTS [907]\n\
         - &NEGAUX EVER * OVER EFFORTS [905]\n",
        "t.txt",
    )
    .unwrap();
    let coder = Coder::new(&dict, petrarch());
    let (d, a) = sentence(
        "Bree most certainly wo n't ever clash over efforts of Rohan",
        &[
            ("Bree", "PROPN", 7, "nsubj"),
            ("most", "ADV", 3, "advmod"),
            ("certainly", "ADV", 7, "advmod"),
            ("will", "AUX", 7, "aux"),
            ("not", "PART", 7, "advmod"),
            ("ever", "ADV", 7, "advmod"),
            ("clash", "VERB", 0, "root"),
            ("over", "ADP", 9, "case"),
            ("effort", "NOUN", 7, "obl"),
            ("of", "ADP", 11, "case"),
            ("Rohan", "PROPN", 9, "nmod"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["BRE>ROH:907"]);
}

#[test]
fn an_xcomp_sees_the_words_before_its_governing_verb() {
    // "Bree unexpectedly won't try to clash over efforts of Rohan": the words before
    // "try" stand before "clash" as a pattern reads the sentence
    let dict = VerbDictionary::parse(
        "&NEGAUX\n+WO N'T\n\n--- CLASH [223] ---\nCLASH\n\
         - UNEXPECTEDLY &NEGAUX * OVER EFFORTS [906]\n- * OVER EFFORTS [121]\n",
        "t.txt",
    )
    .unwrap();
    let coder = Coder::new(&dict, petrarch());
    let (d, a) = sentence(
        "Bree unexpectedly wo n't try to clash over efforts of Rohan",
        &[
            ("Bree", "PROPN", 5, "nsubj"),
            ("unexpectedly", "ADV", 5, "advmod"),
            ("will", "AUX", 5, "aux"),
            ("not", "PART", 5, "advmod"),
            ("try", "VERB", 0, "root"),
            ("to", "PART", 7, "mark"),
            ("clash", "VERB", 5, "xcomp"),
            ("over", "ADP", 9, "case"),
            ("effort", "NOUN", 7, "obl"),
            ("of", "ADP", 11, "case"),
            ("Rohan", "PROPN", 9, "nmod"),
        ],
    );
    assert_eq!(codings(&coder.code(&d, &a)), vec!["BRE>ROH:906"]);
}

#[test]
fn a_verbal_passive_without_agent_has_its_subject_act() {
    // PETR.Validate.verbs.txt's CRITICIZE block; the coordinated adverbs both stand
    // before the verb
    let dict = VerbDictionary::parse(
        "--- CRITICIZE [121] ---\nCRITICIZE\n- HEAVILY UNJUSTLY * [123]\n- HEAVILY * [122]\n\n\
         --- ATTACK [190] ---\nATTACK\n",
        "t.txt",
    )
    .unwrap();
    let coder = Coder::new(&dict, petrarch());
    let code = |verb: &str, lemma: &str| {
        let (d, a) = sentence(
            &format!("Manila was heavily and unjustly {verb} over its dispute with Hanoi"),
            &[
                ("Manila", "PROPN", 6, "nsubj:pass"),
                ("be", "AUX", 6, "aux:pass"),
                ("heavily", "ADV", 6, "advmod"),
                ("and", "CCONJ", 5, "cc"),
                ("unjustly", "ADV", 3, "conj"),
                (lemma, "VERB", 0, "root"),
                ("over", "ADP", 9, "case"),
                ("its", "PRON", 9, "nmod:poss"),
                ("dispute", "NOUN", 6, "obl"),
                ("with", "ADP", 11, "case"),
                ("Hanoi", "PROPN", 9, "nmod"),
            ],
        );
        codings(&coder.code(&d, &a))
    };
    assert_eq!(code("criticized", "criticize"), vec!["MAN>HAN:123"]);
    // a material act's subject is what it befell, not who acted
    assert!(code("attacked", "attack").is_empty());
}
