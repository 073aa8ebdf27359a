//! Unit tests of the matcher on a small dictionary and on the shipped CAMEO one.

use super::*;

const DICT: &str = "\
&MILITARY
+ARMY
+TROOP
+SPECIAL_FORCES_

--- RUSH [---] ---
RUSH
- * (TO)                    [042:043]
- * (TO BORDER)             [154]
- * POLICE (TO BORDER)      [153]
- &MILITARY *               [154]
- * {RELIEF AID}            [073]
- * AID                     [070]

--- ACCUSE [112] ---
ACCUSE
- * + (OF {WAR CRIMES})     [1124]
- $ * (OF CORRUPTION) +     [1121]

--- VISIT [042:043] ---
VISIT
- PILGRIMS *                [---]

--- CORDON [---] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF} [1723]
";

fn w(s: &str) -> Word {
    Word::new(s, &s.to_lowercase())
}
fn np(words: &str, actor: bool) -> Phrase {
    let words: Vec<Word> = words.split(' ').map(w).collect();
    Phrase {
        head: words.len() - 1,
        words,
        is_actor: actor,
        token: None,
    }
}
fn obl(prep: &str, words: &str, actor: bool) -> Oblique {
    Oblique {
        prep: w(prep),
        phrase: np(words, actor),
    }
}
fn clause(verb: &str, lemma: &str) -> Clause {
    Clause {
        verb: Word::new(verb, lemma),
        ..Default::default()
    }
}

#[test]
fn most_specific_pattern_wins_and_roles_default() {
    let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let m = Matcher::new(&d);

    // "Gondor rushed police to the border": POLICE (TO BORDER) beats (TO BORDER) and (TO)
    let mut c = clause("rushed", "rush");
    c.subject = Some(np("Gondor", true));
    c.object = Some(np("police", false));
    c.obliques = vec![obl("to", "the border", false)];
    let r = m.code(&c).unwrap();
    assert_eq!((r.code.as_str(), r.specificity), ("153", 3));
    assert_eq!(r.pattern.unwrap().text, "* POLICE (TO BORDER)");
    assert_eq!((r.source, r.target), (Some(Role::Subject), None));

    // "Gondor rushed to Arnor": (TO) with the oblique actor as default target
    let mut c = clause("rushed", "rush");
    c.subject = Some(np("Gondor", true));
    c.obliques = vec![obl("to", "Arnor", true)];
    let r = m.code(&c).unwrap();
    assert_eq!(r.code, "042");
    assert_eq!(
        (r.source, r.target),
        (Some(Role::Subject), Some(Role::Oblique(0)))
    );
    let r = m.code(&c).unwrap();
    assert_eq!(
        r.paired.as_deref(),
        Some("043"),
        "paired code: Arnor hosts Gondor"
    );

    // synset on the subject side, with plural: "Troops rushed"
    let mut c = clause("rushed", "rush");
    c.subject = Some(Phrase {
        words: vec![Word::new("Troops", "troop")],
        head: 0,
        is_actor: true,
        token: None,
    });
    assert_eq!(m.code(&c).unwrap().code, "154");

    // noun phrase: head must be the object's head, the modifier inside the object
    let mut c = clause("rushes", "rush");
    c.subject = Some(np("Rohan", true));
    c.object = Some(np("emergency relief aid", false));
    assert_eq!(m.code(&c).unwrap().code, "073");
    c.object = Some(np("food aid", false));
    assert_eq!(
        m.code(&c).unwrap().code,
        "070",
        "no RELIEF: only * AID matches"
    );
    c.object = Some(np("aid relief", false));
    assert_eq!(
        m.code(&c).unwrap().code,
        "070",
        "a flat pattern's word may be anywhere in the object"
    );
    c.object = Some(np("relief supplies", false));
    assert_eq!(m.code(&c), None, "{{RELIEF AID}} needs AID as the head");

    // nothing matches and the block code is null: no event
    let mut c = clause("rushed", "rush");
    c.subject = Some(np("Gondor", true));
    assert_eq!(m.code(&c), None);
}

#[test]
fn actor_bindings_bare_verbs_null_patterns_and_particles() {
    let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
    let m = Matcher::new(&d);

    // "Arnor accused Gondor of war crimes": + after the verb binds the object
    let mut c = clause("accused", "accuse");
    c.subject = Some(np("Arnor", true));
    c.object = Some(np("Gondor", true));
    c.obliques = vec![obl("of", "war crimes", false)];
    let r = m.code(&c).unwrap();
    assert_eq!(r.code, "1124");
    assert_eq!(
        (r.source, r.target),
        (Some(Role::Subject), Some(Role::Object))
    );

    // "... of corruption": $ before the verb, + after the prepositional phrase
    c.obliques = vec![obl("of", "corruption", false)];
    assert_eq!(m.code(&c).unwrap().code, "1121");

    // a `$` needs an actor: with a non-actor subject the pattern fails, bare verb codes
    c.subject = Some(np("critics", false));
    let r = m.code(&c).unwrap();
    assert_eq!((r.code.as_str(), r.pattern.is_none()), ("112", true));
    assert_eq!((r.source, r.target), (None, Some(Role::Object)));

    // the bare verb, passive: "Gondor was visited by Arnor"
    let mut c = clause("visited", "visit");
    c.passive = true;
    c.subject = Some(np("Gondor", true));
    c.obliques = vec![obl("by", "Arnor", true)];
    let r = m.code(&c).unwrap();
    assert_eq!((r.code.as_str(), r.paired.as_deref()), ("042", Some("043")));
    assert_eq!(
        (r.source, r.target),
        (Some(Role::Oblique(0)), Some(Role::Subject))
    );

    // a null-coded pattern suppresses the event: "Pilgrims visited Rome"
    let mut c = clause("visited", "visit");
    c.subject = Some(np("Pilgrims", false));
    c.object = Some(np("Rome", true));
    assert_eq!(m.code(&c), None);

    // particle verbs: "Police cordoned off the square"
    let mut c = clause("cordoned", "cordon");
    c.particle = Some(w("off"));
    c.subject = Some(np("police", true));
    assert_eq!(m.code(&c).unwrap().code, "1723");
    c.particle = None;
    assert_eq!(m.code(&c), None, "CORDON alone is not in the dictionary");
    assert!(m.code(&clause("frobnicated", "frobnicate")).is_none());
}

#[test]
fn codes_sample_clauses_with_the_cameo_dictionary() {
    let m = Matcher::new(VerbDictionary::cameo());
    let run = |verb: &str, lemma: &str, obj: Option<&str>, obls: Vec<Oblique>| {
        let mut c = clause(verb, lemma);
        c.subject = Some(np("Blinken", true));
        c.object = obj.map(|o| np(o, true));
        c.obliques = obls;
        m.code(&c).map(|r| r.code)
    };
    assert_eq!(
        run("praised", "praise", Some("officials"), vec![]).as_deref(),
        Some("051")
    );
    assert_eq!(
        run("visited", "visit", Some("Brussels"), vec![]).as_deref(),
        Some("042")
    );
    assert_eq!(
        run("met", "meet", Some("Wilmes"), vec![]).as_deref(),
        Some("040")
    );
    assert_eq!(
        run("summoned", "summon", Some("envoys"), vec![]).as_deref(),
        Some("040")
    );
    assert_eq!(
        run("visited", "visit", None, vec![obl("for", "talks", false)]).as_deref(),
        Some("046"),
        "* (FOR TALKS) [046:046]"
    );
}
