//! Speakers given by description rather than by name, and bodies that speak: `it` for the
//! body named before it (`The Afghan Taliban ... claimed ..., which it said ...`), a definite
//! role description for the person the text has just named (`The real estate agent said`
//! after `Eyamba Sowers ...`), a role qualified by a place (`China's ambassador to Britain`
//! is not Britain, and is the person the text names with those words), and the bodies that
//! `he` or `she` can never stand for.
//!
//! Each rule reads only the document (its tokens, the parse when there is one, the entity
//! tags) and the persons the quotation finder collected; each returns `None` when the text
//! does not give the answer, so the caller keeps the speaker as written.

use dyad_core::{Document, Token};

use super::speakers::token_at;
use super::{full_name, Persons};

/// Where an antecedent search from the pronoun at byte `start` runs: from the first token
/// of the sentence two before the pronoun's (or of the first sentence) to the pronoun's
/// token `k`, as `(from, k)`. `None` when no sentence holds the token.
fn back_window(doc: &Document, start: usize) -> Option<(usize, usize)> {
    let k = token_at(&doc.tokens, start);
    let sent = doc
        .sentences
        .iter()
        .position(|s| s.tokens[0] <= k && k < s.tokens[1])?;
    Some((doc.sentences[sent.saturating_sub(2)].tokens[0], k))
}

/// The body `it` stands for as a speaker (`The Afghan Taliban ... claimed ..., which it said
/// crashed ...`): the nearest subject of the parse before it, in its sentence or the two
/// before, that is a capitalised name and no known person. `None` without a parse or such a
/// subject.
pub(super) fn it_antecedent(doc: &Document, persons: &Persons, start: usize) -> Option<String> {
    let toks = &doc.tokens;
    let (from, k) = back_window(doc, start)?;
    (from..k).rev().find_map(|i| {
        let t = &toks[i];
        if !t.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj"))
            || !super::capitalised(&t.text)
        {
            return None;
        }
        let mut s = i;
        while s > from
            && super::capitalised(&toks[s - 1].text)
            && !super::is_mark(&toks[s - 1].text)
        {
            s -= 1;
        }
        let (a, e) =
            (s..=i).find_map(|j| super::name_run(toks, j).filter(|&(a, e)| a <= i && i < e))?;
        let found = super::person(doc, a, e);
        // Speakers found by the rules include bodies ("the Taliban said"): a person here is
        // one the entity tagger or a gender cue marks as one.
        let person = doc.entities.iter().any(|x| {
            x.label == "PER" && x.span.start < found.span.end && found.span.start < x.span.end
        }) || persons.gender(doc, &found.name).is_some();
        (!person).then_some(full_name(persons, &found.name))
    })
}

/// The body `they` stands for as a speaker (`Big Machine have twice denied doing anything
/// wrong. "At no point ...," they said`): going back from the pronoun through its sentence
/// and the two before, the nearest subject of the parse outside quote marks that is a
/// capitalised name and no known person. A `they` or `it` subject on the way is the same
/// referent and is passed over; a plural common noun (`officials`, `The authors`) or a
/// person's name ends the search with `None`: an unnamed group, or a `they` the text does
/// not tie to a body. `None` without a parse.
pub(super) fn they_antecedent(doc: &Document, persons: &Persons, start: usize) -> Option<String> {
    let toks = &doc.tokens;
    let (from, k) = back_window(doc, start)?;
    let quoted = persons.quoted_runs(doc);
    for i in (from..k).rev() {
        let t = &toks[i];
        if !t.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj"))
            || quoted.iter().any(|r| (r.first..=r.last).contains(&i))
        {
            continue;
        }
        if matches!(
            t.text.to_lowercase().as_str(),
            "they" | "it" | "which" | "that" | "who"
        ) {
            continue;
        }
        if !super::capitalised(&t.text) || super::is_mark(&t.text) {
            // A common noun: a plural one is the group `they` stands for, unnamed; a
            // singular one (`anything`, `the performance`) is another clause's subject.
            if t.xpos.as_deref().is_some_and(|x| x.starts_with("NNS")) {
                return None;
            }
            continue;
        }
        let mut s = i;
        while s > from
            && super::capitalised(&toks[s - 1].text)
            && !super::is_mark(&toks[s - 1].text)
        {
            s -= 1;
        }
        let Some((a, e)) =
            (s..=i).find_map(|j| super::name_run(toks, j).filter(|&(a, e)| a <= i && i < e))
        else {
            // A capitalised common noun opening the sentence (`The authors`, `Officials`).
            if t.xpos.as_deref().is_some_and(|x| x.starts_with("NNS")) {
                return None;
            }
            continue;
        };
        let found = super::person(doc, a, e);
        // A person by the entity tagger (gender cues are left aside: `Big Machine, says she
        // will be ...` gives a body the pronoun of its clause); a body by its name.
        let person = !body(&found.name)
            && doc.entities.iter().any(|x| {
                x.label == "PER" && x.span.start < found.span.end && found.span.start < x.span.end
            });
        return (!person && !found.name.is_empty()).then(|| full_name(persons, &found.name));
    }
    None
}

/// Singular nouns of a person's role or trade that a text uses for someone it has just
/// named ("Eyamba Sowers didn't know ... The real estate agent said ...").
const PERSON_ROLES: &[&str] = &[
    "agent",
    "founder",
    "analyst",
    "economist",
    "scholar",
    "professor",
    "lawyer",
    "attorney",
    "teacher",
    "voter",
    "resident",
    "student",
    "doctor",
    "nurse",
    "activist",
    "candidate",
    "lawmaker",
    "executive",
    "researcher",
    "scientist",
    "farmer",
    "owner",
    "veteran",
    "retiree",
    "singer",
    "actor",
    "actress",
    "author",
    "writer",
    "artist",
    "coach",
    "player",
    "mother",
    "father",
    "woman",
    "man",
    "victim",
    "witness",
];

/// The person a definite role description stands for (`The real estate agent said`, `The
/// Wikileaks founder argued`): `raw` is the speaker word the rules found (the noun), `start`
/// its byte offset. The person named with that role word before it (`Wikileaks founder
/// Julian Assange`), else the person subject of the sentence before, else the only person
/// the two sentences before name. `None` for other words or when the text gives no such
/// person.
pub(super) fn description_antecedent(
    doc: &Document,
    persons: &Persons,
    raw: &str,
    start: usize,
) -> Option<String> {
    if !PERSON_ROLES.contains(&raw) {
        return None;
    }
    let toks = &doc.tokens;
    let k = token_at(toks, start);
    // `The` a few modifiers before the noun, with nothing but words between.
    let definite = (k.saturating_sub(4)..k).rev().find(|&j| {
        toks[j].text.eq_ignore_ascii_case("the")
            && toks[j + 1..k]
                .iter()
                .all(|t| t.text.chars().all(|c| c.is_alphanumeric() || c == '-'))
    });
    definite?;
    let last_of = |name: &str| name.split_whitespace().last().map(str::to_string);
    let is_person = |w: &str| {
        persons
            .iter()
            .find(|p| last_of(&p.name).as_deref() == Some(w) && p.name.contains(' '))
            .map(|p| full_name(persons, &p.name))
    };
    // `founder Julian Assange` before.
    let introduced = (0..k).rev().find_map(|j| {
        if toks[j].text != raw {
            return None;
        }
        let (_, e) = super::name_run(toks, j + 1).filter(|&(s, _)| s == j + 1)?;
        is_person(&toks[e - 1].text)
    });
    if introduced.is_some() {
        return introduced;
    }
    let sent = doc
        .sentences
        .iter()
        .position(|s| s.tokens[0] <= k && k < s.tokens[1])?;
    let prev = doc.sentences.get(sent.checked_sub(1)?)?.tokens;
    // The person subject of the sentence before.
    let subject = (prev[0]..prev[1]).find_map(|j| {
        let t = &toks[j];
        let subj = t.deprel.as_deref().is_some_and(|r| r.starts_with("nsubj"))
            && t.head.is_some_and(|h| toks[h].head.is_none());
        let (_, e) = super::name_run(toks, j).filter(|_| subj)?;
        is_person(&toks[e - 1].text)
    });
    if subject.is_some() {
        return subject;
    }
    let from = doc.sentences[sent.saturating_sub(2)].tokens[0];
    let mut named: Vec<String> = (from..prev[1])
        .filter_map(|j| is_person(&toks[j].text))
        .collect();
    named.sort();
    named.dedup();
    (named.len() == 1).then(|| named.remove(0))
}

/// Last words of the names of bodies, which speak but are no `he` or `she` ("United
/// Nations", "Interior Ministry", "Associated Press").
const BODY_WORDS: &[&str] = &[
    "Nations",
    "Organization",
    "Organisation",
    "Ministry",
    "Department",
    "Office",
    "Agency",
    "Police",
    "Army",
    "Forces",
    "Military",
    "Group",
    "Company",
    "Corporation",
    "Corp.",
    "Inc.",
    "Ltd",
    "Times",
    "Post",
    "News",
    "Press",
    "Reuters",
    "Kremlin",
    "Pentagon",
    "House",
    "Court",
    "Council",
    "Commission",
    "Committee",
    "Union",
    "Bank",
    "Party",
    "Government",
    "Service",
    "Services",
    "Authority",
    "Bureau",
    "Institute",
    "University",
    "Association",
    "Board",
    "Administration",
    "Parliament",
    "Congress",
    "Senate",
    "Network",
    "Agency",
];

/// Whether `name` is a body (by its last word, or an acronym such as "NATO") rather than a
/// person.
pub(super) fn body(name: &str) -> bool {
    let Some(last) = name.split_whitespace().last() else {
        return false;
    };
    BODY_WORDS.contains(&last)
        || (last.chars().count() >= 2 && last.chars().all(|c| c.is_ascii_uppercase()))
}

/// Role nouns that a place or body qualifies (`China's ambassador to Britain`, `the head of
/// the agency`).
const QUALIFIED_ROLES: &[&str] = &[
    "ambassador",
    "minister",
    "secretary",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "head",
    "chief",
    "director",
    "leader",
    "representative",
    "chairman",
    "chairwoman",
    "commander",
    "governor",
    "mayor",
    "official",
];

/// `China's ambassador to Britain accused ... and warned that ...`: a name `[s, e)` that is
/// the object of a role's preposition is not the speaker; the role is. The person the text
/// names with the same words elsewhere (`China's ambassador to Britain Liu Xiaming has
/// said`), else the description itself. `None` when the name is no such object.
pub(super) fn qualified_role(
    doc: &Document,
    persons: &Persons,
    s: usize,
    e: usize,
) -> Option<String> {
    let toks = &doc.tokens;
    if s < 2
        || !matches!(toks[s - 1].text.as_str(), "to" | "of" | "for" | "in")
        || !QUALIFIED_ROLES.contains(&toks[s - 2].text.as_str())
    {
        return None;
    }
    let sent_start = doc
        .sentences
        .iter()
        .find(|x| x.tokens[0] <= s && s < x.tokens[1])
        .map_or(0, |x| x.tokens[0]);
    // Back over the role's modifiers and a possessive (`China 's`, `the foreign`).
    let possessive = |t: &Token| matches!(t.text.as_str(), "'s" | "’s");
    let mut d = s - 2;
    while d > sent_start
        && (toks[d - 1].text.starts_with(|c: char| c.is_lowercase())
            && toks[d - 1].text.chars().all(char::is_alphabetic)
            && !matches!(toks[d - 1].text.as_str(), "and" | "said" | "but" | "that")
            || possessive(&toks[d - 1]))
    {
        d -= 1;
    }
    // The owner of a possessive (`China 's`).
    if d > sent_start && possessive(&toks[d]) && super::capitalised(&toks[d - 1].text) {
        d -= 1;
    }
    let desc = dyad_core::Span::new(toks[d].span.start, toks[e - 1].span.end);
    let words = desc.get(&doc.text)?;
    // The same words right before a name elsewhere in the text.
    let mut from = 0;
    while let Some(at) = doc.text.get(from..)?.find(words) {
        let after = from + at + words.len();
        let k = token_at(toks, after);
        if toks.get(k).is_some_and(|t| t.span.start >= after) {
            if let Some((a, b)) = super::name_run(toks, k).filter(|&(a, _)| a == k) {
                return Some(full_name(persons, &super::person(doc, a, b).name));
            }
        }
        from = after;
    }
    Some(words.trim_start_matches("the ").to_string())
}
